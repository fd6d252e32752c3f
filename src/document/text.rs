//! Plain text briefings: first non-empty line is the title, blank lines
//! separate paragraphs.

use super::{Block, BlockKind, Document, Inline, Nesting};

/// Parses a plain-text briefing. The title becomes a level-1 heading; each
/// paragraph is one verbatim run of its source, line breaks turned into
/// spaces of the same length so that source offsets still hold.
pub fn parse_text(source: &str) -> Document {
    let mut doc = Document::default();
    let mut para: Option<std::ops::Range<usize>> = None;
    let mut offset = 0;
    for raw in source.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            if let Some(r) = para.take() {
                push_block(&mut doc, source, r);
            }
        } else {
            let body = line.trim_start();
            let at = offset + (line.len() - body.len());
            let end = at + body.trim_end().len();
            para = Some(para.map_or(at..end, |r| r.start..end));
        }
        offset += raw.len();
    }
    if let Some(r) = para {
        push_block(&mut doc, source, r);
    }
    doc
}

fn push_block(doc: &mut Document, source: &str, src: std::ops::Range<usize>) {
    let text = source[src.clone()].replace(['\n', '\r'], " ");
    let kind = if doc.blocks.is_empty() {
        BlockKind::Heading(1)
    } else {
        BlockKind::Paragraph
    };
    doc.blocks.push(Block {
        kind,
        nesting: Nesting::default(),
        inlines: vec![Inline::plain(text, Some(src.start))],
        src,
    });
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_then_paragraphs() {
        let src = "\n  Title line\n\nFirst para\ncontinues.\n\n\nSecond.\r\n";
        let doc = parse_text(src);
        let texts: Vec<_> = doc.blocks.iter().map(Block::plain_text).collect();
        assert_eq!(texts, ["Title line", "First para continues.", "Second."]);
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(&src[doc.blocks[1].src.clone()], "First para\ncontinues.");
        assert_eq!(&src[doc.blocks[2].src.clone()], "Second.");
    }

    #[test]
    fn empty_text_has_no_blocks() {
        assert!(parse_text("\n\n  \n").blocks.is_empty());
    }
}
