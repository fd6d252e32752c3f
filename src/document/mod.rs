//! The Document model: a briefing as plain data, parsed once, drawn many times.
//!
//! Every block keeps the byte range of its source and its ordinal, so that
//! entities (found in source coordinates) and notes (anchored to ordinals)
//! can be placed on it without re-parsing.

mod markdown;
mod sections;
mod text;

pub use markdown::parse_markdown;
pub use text::parse_text;

use std::ops::Range;

/// Inline styling that the reader can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct InlineStyle {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    pub strike: bool,
    /// 1-based number of the link this text belongs to.
    pub link: Option<u16>,
}

/// A run of text with one style. `src` is the byte offset in the source
/// where this exact text starts, when the text is a verbatim copy of it
/// (entities are projected only onto verbatim runs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub style: InlineStyle,
    pub src: Option<usize>,
}

impl Inline {
    pub fn plain(text: impl Into<String>, src: Option<usize>) -> Self {
        Self {
            text: text.into(),
            style: InlineStyle::default(),
            src,
        }
    }
}

/// Where a block sits inside lists and quotes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Nesting {
    /// Number of enclosing block quotes.
    pub quote: u8,
    /// Number of enclosing lists (1 for a top-level item).
    pub list: u8,
    /// The item marker ("•", "3.") on the first block of a list item; later
    /// blocks of the same item are indented without one.
    pub marker: Option<String>,
}

/// Column alignment of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A table: rows of cells, each cell a run of inlines. The first
/// `header_rows` rows are the head.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub align: Vec<Align>,
    pub rows: Vec<Vec<Vec<Inline>>>,
    pub header_rows: usize,
}

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    Paragraph,
    Code { lang: String },
    Table(Table),
    Rule,
}

/// One block of the document: the unit the paragraph cursor moves over and
/// notes anchor to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub nesting: Nesting,
    /// The text of headings, paragraphs and code blocks (code: one inline
    /// with the whole text).
    pub inlines: Vec<Inline>,
    /// Byte range of the block in the source.
    pub src: Range<usize>,
}

impl Block {
    /// The block's text as one string (table cells joined by " | "), used
    /// for notes' quotes, search and excerpts.
    pub fn plain_text(&self) -> String {
        match &self.kind {
            BlockKind::Table(t) => t
                .rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|cell| cell.iter().map(|i| i.text.as_str()).collect::<String>())
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            BlockKind::Rule => String::new(),
            _ => self.inlines.iter().map(|i| i.text.as_str()).collect(),
        }
    }

    /// Every inline of the block, table cells included.
    pub fn all_inlines(&self) -> Box<dyn Iterator<Item = &Inline> + '_> {
        match &self.kind {
            BlockKind::Table(t) => Box::new(t.rows.iter().flatten().flatten()),
            _ => Box::new(self.inlines.iter()),
        }
    }
}

/// A parsed briefing body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// Link targets, numbered from 1 in order of first appearance.
    pub links: Vec<String>,
}

impl Document {
    /// The text the entity recogniser reads: the source with everything that
    /// is not prose (markup, URLs, code) blanked to spaces, so that offsets
    /// found in it are offsets in the source. Block starts are returned too:
    /// a sentence starts there even without a full stop (headings, items).
    pub fn prose(&self, source: &str) -> (String, Vec<usize>) {
        (self.prose_of(source, 0..source.len()), self.block_starts(source))
    }

    /// Where each prose block's text starts in the source (a sentence starts
    /// there even without a full stop: headings, items).
    pub fn block_starts(&self, source: &str) -> Vec<usize> {
        let mut starts = Vec::with_capacity(self.blocks.len());
        for block in self
            .blocks
            .iter()
            .filter(|b| !matches!(b.kind, BlockKind::Code { .. }))
        {
            let first = block.all_inlines().find_map(|inline| {
                let at = inline.src.filter(|_| !inline.style.code)?;
                let end = at + inline.text.len();
                // `src` is set only where the run copies the source byte for
                // byte (see `aligned`), so a bounds check is enough here.
                (end <= source.len()).then_some(at)
            });
            starts.extend(first);
        }
        starts
    }

    /// The prose of one range of the source, built on demand so that a big
    /// briefing's prose is never held whole: the recogniser asks for it a
    /// few kilobytes at a time.
    pub fn prose_of(&self, source: &str, range: std::ops::Range<usize>) -> String {
        let Some(slice) = source.get(range.clone()) else {
            return String::new();
        };
        let mut out = vec![b' '; slice.len()];
        for (i, _) in slice.match_indices('\n') {
            out[i] = b'\n';
        }
        let first = self.blocks.partition_point(|b| b.src.end <= range.start);
        for block in &self.blocks[first..] {
            if block.src.start >= range.end {
                break;
            }
            if matches!(block.kind, BlockKind::Code { .. }) {
                continue;
            }
            for inline in block.all_inlines() {
                if inline.style.code {
                    continue;
                }
                let Some(at) = inline.src else { continue };
                let end = at + inline.text.len();
                if end <= range.start || at >= range.end {
                    continue;
                }
                if end > source.len() {
                    continue;
                }
                let (from, to) = (at.max(range.start), end.min(range.end));
                out[from - range.start..to - range.start]
                    .copy_from_slice(&inline.text.as_bytes()[from - at..to - at]);
            }
        }
        // Only whole UTF-8 sequences were copied over ASCII spaces (pieces are
        // cut at spaces and line breaks), so the buffer is valid UTF-8.
        String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// True when `text` is `src` with line breaks turned into spaces: the two
/// have the same bytes at the same offsets. The parsers keep every run with
/// a `src` aligned; a test checks it over the bundled briefings.
#[cfg(test)]
fn aligned(src: &str, text: &str) -> bool {
    src.len() == text.len()
        && src
            .bytes()
            .zip(text.bytes())
            .all(|(a, b)| a == b || (matches!(a, b'\n' | b'\r') && b == b' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_run_with_a_source_offset_is_aligned_with_the_source() {
        let body = crate::test_support::bundled_bodies();
        for doc in [parse_markdown(&body), parse_text(&body)] {
            for inline in doc.blocks.iter().flat_map(|b| b.all_inlines()) {
                if let Some(at) = inline.src {
                    let src = &body[at..at + inline.text.len()];
                    assert!(aligned(src, &inline.text), "{src:?} vs {:?}", inline.text);
                }
            }
        }
    }

    #[test]
    fn prose_of_a_range_is_that_range_of_the_whole_prose() {
        let src =
            "# Talks in *Miami*\n\nSee [Putin](https://x.org/Putin) and `code`.\n\n- item one\n- item two\n";
        let doc = parse_markdown(src);
        let (whole, _) = doc.prose(src);
        for (a, b) in [(0, src.len()), (0, 20), (20, 50), (21, src.len()), (10, 11)] {
            assert_eq!(doc.prose_of(src, a..b), whole[a..b], "{a}..{b}");
        }
    }

    #[test]
    fn prose_keeps_offsets_and_blanks_markup() {
        let src = "# Talks in *Miami*\n\nSee [Putin](https://x.org/Putin) and `code`.\n";
        let doc = parse_markdown(src);
        let (prose, starts) = doc.prose(src);
        assert_eq!(prose.len(), src.len());
        let miami = src.find("Miami").unwrap();
        assert_eq!(&prose[miami..miami + 5], "Miami");
        assert!(!prose.contains("https"));
        assert!(!prose.contains("code"));
        assert!(!prose.contains('#'));
        assert_eq!(starts.len(), 2);
        assert_eq!(&src[starts[1]..starts[1] + 3], "See");
    }
}
