//! The Document model: a briefing as plain data, parsed once, drawn many times.
//!
//! Every block keeps the byte range of its source and its ordinal, so that
//! entities (found in source coordinates) and notes (anchored to ordinals)
//! can be placed on it without re-parsing.
//!
//! The document does not copy its text. A run that is a verbatim piece of
//! the source (nearly all of a briefing's prose) is a range of the source;
//! only the rest (breaks, footnote marks, code block text and the like) is
//! kept in one buffer of the document's own. A document is therefore read
//! together with the source it was parsed from, and a 10 MB briefing costs
//! its source plus a few bytes per run and block, not a second copy of it.
//! Offsets are `u32`: sources longer than [`MAX_SOURCE`] are cut there
//! (the store refuses such files before they get here).

mod markdown;
mod sections;
mod text;

pub use markdown::parse_markdown;
pub use text::parse_text;

use std::borrow::Cow;
use std::ops::Range;

/// The longest source a document can describe: offsets are `u32`.
pub const MAX_SOURCE: usize = u32::MAX as usize;

/// `source` cut to at most `limit` bytes, at a character boundary.
fn within(source: &str, limit: usize) -> &str {
    if source.len() <= limit {
        return source;
    }
    let mut end = limit;
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    &source[..end]
}

/// A compact range (start and length as `u32`): of bytes for text, of
/// indices for a block's runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    start: u32,
    len: u32,
}

impl Span {
    /// The span `start..start + len`, or `None` when it does not fit in
    /// `u32` (never a wrapped offset).
    pub fn new(start: usize, len: usize) -> Option<Self> {
        let start = u32::try_from(start).ok()?;
        let len = u32::try_from(len).ok()?;
        start.checked_add(len)?;
        Some(Self { start, len })
    }

    /// The span of `range`, or `None` when it does not fit.
    pub fn of(range: Range<usize>) -> Option<Self> {
        Self::new(range.start, range.end.checked_sub(range.start)?)
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn len(self) -> usize {
        self.len as usize
    }

    pub fn is_empty(self) -> bool {
        self.len == 0
    }

    pub fn end(self) -> usize {
        self.start() + self.len()
    }

    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The span grown by `more`, or `None` when it would not fit.
    fn grown(self, more: usize) -> Option<Self> {
        Self::new(self.start(), self.len().checked_add(more)?)
    }
}

/// Inline styling that the reader can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct InlineStyle {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    pub strike: bool,
    /// 1-based number of the link this text belongs to.
    pub link: Option<u32>,
}

/// A run of text with one style. Its text is read through
/// [`Document::text`]: a range of the source when the run is a verbatim
/// copy of it (line breaks read as spaces; entities are projected only onto
/// these runs), otherwise a range of the document's own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inline {
    text: Span,
    pub style: InlineStyle,
    verbatim: bool,
}

impl Inline {
    /// The byte offset in the source where this run's text starts, when it
    /// is a verbatim copy of the source.
    pub fn src(&self) -> Option<usize> {
        self.verbatim.then(|| self.text.start())
    }

    /// Length of the run's text in bytes.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }
}

/// A list item's marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    /// "•"
    Bullet,
    /// "3."
    Number(u64),
    /// "[^label]", kept in the document's own text.
    Footnote(Span),
}

/// Where a block sits inside lists and quotes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Nesting {
    /// Number of enclosing block quotes.
    pub quote: u8,
    /// Number of enclosing lists (1 for a top-level item).
    pub list: u8,
    /// The item marker on the first block of a list item; later blocks of
    /// the same item are indented without one (see [`Document::marker`]).
    pub marker: Option<Marker>,
}

/// Column alignment of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A table: rows of cells, each cell a run of inlines (read with
/// [`Document::cell`]). The first `header_rows` rows are the head.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub align: Vec<Align>,
    pub rows: Vec<Vec<Span>>,
    pub header_rows: usize,
}

/// What a block is. Tables are rare and big, so they are boxed to keep
/// every other block small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    Paragraph,
    Code { lang: Box<str> },
    Table(Box<Table>),
    Rule,
}

/// One block of the document: the unit the paragraph cursor moves over and
/// notes anchor to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub nesting: Nesting,
    /// The block's runs in the document (a code block: one run with the
    /// whole text; a table: every cell's runs, row by row).
    inlines: Span,
    /// Byte range of the block in the source.
    src: Span,
}

impl Block {
    /// Byte range of the block in the source.
    pub fn src(&self) -> Range<usize> {
        self.src.range()
    }
}

/// A parsed briefing body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// Every block's runs, in order (a block holds a span of them).
    inlines: Vec<Inline>,
    /// The text of the runs that are not verbatim copies of the source.
    text: String,
    /// Link targets, numbered from 1 in order of first appearance.
    pub links: Vec<String>,
}

impl Document {
    /// The runs of a block, table cells included.
    pub fn inlines(&self, block: &Block) -> &[Inline] {
        self.inlines.get(block.inlines.range()).unwrap_or_default()
    }

    /// The runs of one table cell.
    pub fn cell(&self, cell: Span) -> &[Inline] {
        self.inlines.get(cell.range()).unwrap_or_default()
    }

    /// The text of a run, `source` being the text the document was parsed
    /// from. Borrowed, unless line breaks of the source must read as spaces.
    pub fn text<'a>(&'a self, source: &'a str, inline: &Inline) -> Cow<'a, str> {
        if !inline.verbatim {
            return Cow::Borrowed(self.text.get(inline.text.range()).unwrap_or_default());
        }
        let raw = source.get(inline.text.range()).unwrap_or_default();
        if raw.contains(['\n', '\r']) {
            Cow::Owned(raw.replace(['\n', '\r'], " "))
        } else {
            Cow::Borrowed(raw)
        }
    }

    /// A list marker as shown.
    pub fn marker(&self, marker: &Marker) -> Cow<'_, str> {
        match marker {
            Marker::Bullet => Cow::Borrowed("\u{2022}"),
            Marker::Number(n) => Cow::Owned(format!("{n}.")),
            Marker::Footnote(span) => Cow::Borrowed(self.text.get(span.range()).unwrap_or_default()),
        }
    }

    /// A block's text as one string (table cells joined by " | "), used for
    /// notes' quotes, search and excerpts.
    pub fn plain_text(&self, source: &str, block: &Block) -> String {
        let join = |runs: &[Inline]| -> String { runs.iter().map(|i| self.text(source, i)).collect() };
        match &block.kind {
            BlockKind::Table(t) => t
                .rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|&cell| join(self.cell(cell)))
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            BlockKind::Rule => String::new(),
            _ => join(self.inlines(block)),
        }
    }

    /// Gives back the spare capacity of the vectors grown while parsing.
    fn shrink_to_fit(&mut self) {
        self.blocks.shrink_to_fit();
        self.inlines.shrink_to_fit();
        self.text.shrink_to_fit();
        self.links.shrink_to_fit();
    }

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
            let first = self.inlines(block).iter().find_map(|inline| {
                let at = inline.src().filter(|_| !inline.style.code)?;
                (at + inline.text_len() <= source.len()).then_some(at)
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
        let first = self.blocks.partition_point(|b| b.src.end() <= range.start);
        for block in &self.blocks[first..] {
            if block.src.start() >= range.end {
                break;
            }
            if matches!(block.kind, BlockKind::Code { .. }) {
                continue;
            }
            for inline in self.inlines(block) {
                if inline.style.code {
                    continue;
                }
                let Some(at) = inline.src() else { continue };
                let end = at + inline.text_len();
                if end <= range.start || at >= range.end || end > source.len() {
                    continue;
                }
                let (from, to) = (at.max(range.start), end.min(range.end));
                // The run's text is its source with line breaks as spaces.
                for (o, &b) in out[from - range.start..to - range.start]
                    .iter_mut()
                    .zip(&source.as_bytes()[from..to])
                {
                    *o = if matches!(b, b'\n' | b'\r') { b' ' } else { b };
                }
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
            for block in &doc.blocks {
                for inline in doc.inlines(block) {
                    if let Some(at) = inline.src() {
                        let src = &body[at..at + inline.text_len()];
                        let text = doc.text(&body, inline);
                        assert!(aligned(src, &text), "{src:?} vs {text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn run_text_comes_from_the_source_or_the_document() {
        let src = "One *two*\nthree\\\nfour [^n]\n\n[^n]: Note.\n";
        let doc = parse_markdown(src);
        let texts: Vec<(String, bool)> = doc
            .inlines(&doc.blocks[0])
            .iter()
            .map(|i| (doc.text(src, i).into_owned(), i.src().is_some()))
            .collect();
        assert_eq!(
            texts,
            [
                ("One ".to_owned(), true),
                ("two".to_owned(), true),
                (" ".to_owned(), false),
                ("three".to_owned(), true),
                ("\n".to_owned(), false),
                ("four ".to_owned(), true),
                ("[^n]".to_owned(), false),
            ]
        );
        // A run joined over a soft break reads it as a space, borrowing
        // nothing it cannot.
        let doc = parse_markdown("a\nb\n");
        let run = &doc.inlines(&doc.blocks[0])[0];
        assert_eq!(doc.text("a\nb\n", run), "a b");
        assert_eq!(doc.plain_text("a\nb\n", &doc.blocks[0]), "a b");
        // Another source than the document's gives empty text, not a panic.
        assert_eq!(doc.text("", run), "");
    }

    #[test]
    fn offsets_that_do_not_fit_in_u32_are_refused() {
        assert_eq!(Span::new(3, 4).map(Span::range), Some(3..7));
        assert_eq!(Span::new(MAX_SOURCE, 0).map(Span::end), Some(MAX_SOURCE));
        assert_eq!(Span::new(MAX_SOURCE, 1), None);
        assert_eq!(Span::new(MAX_SOURCE + 1, 0), None);
        assert_eq!(Span::new(0, MAX_SOURCE + 1), None);
        let (five, three) = (5, 3);
        assert_eq!(Span::of(five..three), None);
        assert_eq!(Span::new(1, 2).and_then(|s| s.grown(MAX_SOURCE)), None);
    }

    #[test]
    fn a_source_over_the_limit_is_cut_at_a_character_boundary() {
        assert_eq!(within("h\u{e9}llo", 10), "h\u{e9}llo");
        assert_eq!(within("h\u{e9}llo", 2), "h");
        assert_eq!(within("h\u{e9}llo", 3), "h\u{e9}");
    }

    #[test]
    fn blocks_and_runs_stay_small() {
        // The point of the compact model: a 10 MB briefing has some 10^5 runs
        // and 10^4 blocks.
        assert!(std::mem::size_of::<Inline>() <= 24);
        assert!(std::mem::size_of::<Block>() <= 64);
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
