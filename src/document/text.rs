//! Plain text briefings: first non-empty line is the title, blank lines
//! separate paragraphs.

use super::{Block, BlockKind, Document, Inline, InlineStyle, MAX_SOURCE, Nesting, Span};

/// Parses a plain-text briefing. The title becomes a level-1 heading; each
/// paragraph is one verbatim run of its source, line breaks turned into
/// spaces of the same length so that source offsets still hold.
pub fn parse_text(source: &str) -> Document {
    let source = super::within(source, MAX_SOURCE);
    let mut doc = Document::default();
    let mut para: Option<std::ops::Range<usize>> = None;
    let mut offset = 0;
    for raw in source.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            if let Some(r) = para.take() {
                push_block(&mut doc, r);
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
        push_block(&mut doc, r);
    }
    doc.shrink_to_fit();
    doc
}

/// Appends a paragraph: one run, the verbatim range `src` of the source.
fn push_block(doc: &mut Document, src: std::ops::Range<usize>) {
    // The source was cut to `MAX_SOURCE`, so its ranges fit.
    let Some(src) = Span::of(src) else { return };
    let kind = if doc.blocks.is_empty() {
        BlockKind::Heading(1)
    } else {
        BlockKind::Paragraph
    };
    let Some(inlines) = Span::new(doc.inlines.len(), 1) else {
        return;
    };
    doc.inlines.push(Inline {
        text: src,
        style: InlineStyle::default(),
        verbatim: true,
    });
    doc.blocks.push(Block {
        kind,
        nesting: Nesting::default(),
        inlines,
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
        let texts: Vec<_> = doc.blocks.iter().map(|b| doc.plain_text(src, b)).collect();
        assert_eq!(texts, ["Title line", "First para continues.", "Second."]);
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(&src[doc.blocks[1].src()], "First para\ncontinues.");
        assert_eq!(&src[doc.blocks[2].src()], "Second.");
    }

    #[test]
    fn empty_text_has_no_blocks() {
        assert!(parse_text("\n\n  \n").blocks.is_empty());
    }
}
