//! Plain text briefings: first non-empty line is the title, blank lines
//! separate paragraphs.

use super::{Block, BlockKind, Document, Inline, Nesting};

/// Parses a plain-text briefing. The title becomes a level-1 heading; each
/// paragraph keeps its lines joined by spaces, and every line is a verbatim
/// run so entities can be placed on it.
pub fn parse_text(source: &str) -> Document {
    let mut doc = Document::default();
    let mut current: Vec<Inline> = Vec::new();
    let mut start = 0;
    let mut end = 0;
    let mut offset = 0;
    for raw in source.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            push_block(&mut doc, &mut current, start..end);
        } else {
            let body = line.trim_start();
            let at = offset + (line.len() - body.len());
            let body = body.trim_end();
            if current.is_empty() {
                start = at;
            } else {
                current.push(Inline::plain(" ", None));
            }
            current.push(Inline::plain(body, Some(at)));
            end = at + body.len();
        }
        offset += raw.len();
    }
    push_block(&mut doc, &mut current, start..end);
    doc
}

fn push_block(doc: &mut Document, inlines: &mut Vec<Inline>, src: std::ops::Range<usize>) {
    if inlines.is_empty() {
        return;
    }
    let kind = if doc.blocks.is_empty() {
        BlockKind::Heading(1)
    } else {
        BlockKind::Paragraph
    };
    doc.blocks.push(Block {
        kind,
        nesting: Nesting::default(),
        inlines: std::mem::take(inlines),
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
