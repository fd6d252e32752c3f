//! Lays a document out into display lines for a given width: the one place
//! that decides where text wraps, so the TUI and `brief read` agree, and
//! scrolling is integer arithmetic over rows.

mod header;
mod table;
mod wrap;

pub use header::Header;

use crate::document::{Block, BlockKind, Document, Inline};
use crate::entities::{Entity, EntityKind};
use std::borrow::Cow;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

pub use wrap::display_width;

/// What a piece of a line is, for the renderer to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    #[default]
    Text,
    Heading(u8),
    Code,
    /// List markers and quote bars.
    Marker,
    /// Link reference numbers and the link list.
    LinkRef,
    /// Table borders and rules.
    Border,
}

/// How a piece of text looks, independent of any terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub role: Role,
    pub emphasis: bool,
    pub strong: bool,
    pub strike: bool,
    pub code: bool,
    pub link: bool,
    pub entity: Option<EntityKind>,
    /// Index of the entity in the document's entity list, so a renderer can
    /// single out the mentions of one entity.
    pub mention: Option<u32>,
}

/// A run of text with one style on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub style: Style,
}

/// One display row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub segs: Vec<Seg>,
    /// The block this row belongs to (None for blank separators and the
    /// link list).
    pub block: Option<usize>,
}

impl Line {
    pub fn text(&self) -> String {
        self.segs.iter().map(|s| s.text.as_str()).collect()
    }
    pub fn width(&self) -> usize {
        self.segs.iter().map(|s| s.text.width()).sum()
    }
}

/// Where every row of a document is at one width, without the rows
/// themselves: the rows of each block, counted once when laid out, and
/// the few rows that are not the document's (its header, its link list).
/// Rows are made again from the document when they are shown
/// ([`Layout::lines`]), a screenful at a time, so that a 50 MB briefing
/// is never held as styled lines (they took five times its size).
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub width: usize,
    /// Rows of each block, by block index.
    pub blocks: Vec<Range<usize>>,
    /// Rows above the text (the header).
    header: Vec<Line>,
    /// The link list below the text.
    links: Vec<Line>,
    /// Every row: header, blocks with their separators, link list.
    rows: usize,
}

/// The text a layout's rows are made from.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub entities: &'a [Entity],
}

impl Layout {
    /// Puts a header above the text: rows of no block, every block's rows
    /// moved down by its height.
    #[must_use]
    pub fn with_header(mut self, header: &Header) -> Self {
        let lines = header.lines(self.width.max(1));
        let shift = lines.len() - self.header.len();
        for r in &mut self.blocks {
            *r = r.start + shift..r.end + shift;
        }
        self.rows += shift;
        self.header = lines;
        self
    }

    /// Lays out the whole document (`source`: the text it was parsed from;
    /// entities: byte ranges of the source, sorted), keeping only where
    /// each block's rows are.
    pub fn new(doc: &Document, source: &str, entities: &[Entity], width: usize) -> Self {
        let mut layout = Self {
            width,
            ..Self::default()
        };
        let mut links = Vec::new();
        for_blocks(
            doc,
            source,
            entities,
            width,
            0..doc.blocks.len(),
            &mut |index, lines| {
                let start = layout.rows;
                layout.rows += lines.len();
                if let Some(i) = index {
                    if layout.blocks.len() <= i {
                        layout.blocks.resize(i + 1, start..start);
                    }
                    layout.blocks[i] = start..layout.rows;
                }
            },
        );
        for_links(doc, width.max(1), &mut |_, lines| links.extend(lines));
        layout.rows += links.len();
        layout.links = links;
        layout
    }

    /// How many rows there are.
    pub fn row_count(&self) -> usize {
        self.rows
    }

    /// Whether nothing was laid out yet.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The rows in `rows` (clipped to the layout), made from `source`: the
    /// blocks they show laid out again.
    pub fn lines(&self, source: Source<'_>, rows: Range<usize>) -> Vec<Line> {
        let rows = rows.start.min(self.rows)..rows.end.min(self.rows);
        let mut out: Vec<Line> = Vec::with_capacity(rows.len());
        let head = self.header.len();
        let text_end = self.rows - self.links.len();
        let mut row = rows.start;
        if row < head {
            out.extend(self.header[row..rows.end.min(head)].iter().cloned());
            row = rows.end.min(head);
        }
        if row < rows.end && row < text_end {
            // The first block whose rows (or the separator before them)
            // reach `row`, to the last that starts before the end.
            let first = self.blocks.partition_point(|b| b.end <= row);
            // (a row in the separator before a block needs the block
            // made: the one starting at the end is made too).
            let last = self
                .blocks
                .partition_point(|b| b.start <= rows.end.min(text_end))
                .max((first + 1).min(self.blocks.len()));
            if first < last {
                let mut at = None;
                let mut made: Vec<Line> = Vec::new();
                for_blocks(
                    source.doc,
                    source.text,
                    source.entities,
                    self.width,
                    first..last,
                    &mut |index, lines| {
                        if at.is_none() {
                            at = Some(match index {
                                Some(i) => self.blocks[i].start,
                                None => self.blocks[first].start.saturating_sub(1),
                            });
                        }
                        made.extend(lines);
                    },
                );
                let at = at.unwrap_or(row);
                let from = row.saturating_sub(at);
                let to = (rows.end.min(text_end)).saturating_sub(at).min(made.len());
                if from < to {
                    out.extend(made.drain(from..to));
                }
            }
            row = rows.end.min(text_end);
        }
        if row < rows.end {
            let from = row - text_end;
            out.extend(self.links[from..rows.end - text_end].iter().cloned());
        }
        out
    }

    /// The block shown on `row`, or the nearest block above it.
    pub fn block_at(&self, row: usize) -> Option<usize> {
        if row >= self.rows {
            return self.block_at(self.rows.checked_sub(1)?);
        }
        let n = self.blocks.partition_point(|b| b.start <= row);
        // Blocks of no rows are never shown: the nearest above with rows.
        (0..n).rev().find(|&i| !self.blocks[i].is_empty())
    }
}

/// Lays out block by block, handing each block's lines (and separators,
/// with `None`) to `sink`; `brief read` streams with it so that a 10 MB
/// briefing is never held as lines all at once.
pub fn for_each_line(
    doc: &Document,
    source: &str,
    entities: &[Entity],
    width: usize,
    mut sink: impl FnMut(Option<usize>, Vec<Line>),
) {
    let width = width.max(1);
    for_blocks(doc, source, entities, width, 0..doc.blocks.len(), &mut sink);
    for_links(doc, width, &mut sink);
}

/// Hands the link list (if any) to `sink`.
fn for_links(doc: &Document, width: usize, sink: &mut impl FnMut(Option<usize>, Vec<Line>)) {
    if !doc.links.is_empty() {
        let mut lines = vec![Line::default()];
        let heading = Style {
            role: Role::Heading(3),
            ..Style::default()
        };
        // Wrapped like any heading, so that it fits however narrow.
        lines.extend(wrap::wrap(
            &[wrap::Piece::new("Links", heading)],
            width,
            "",
            Style::default(),
            "",
        ));
        for (n, url) in doc.links.iter().enumerate() {
            let label = format!("[{}] ", n + 1);
            let pieces = vec![wrap::Piece::new(
                url,
                Style {
                    link: true,
                    ..Style::default()
                },
            )];
            let style = Style {
                role: Role::LinkRef,
                ..Style::default()
            };
            lines.extend(wrap::wrap(
                &pieces,
                width,
                &label,
                style,
                &" ".repeat(label.width()),
            ));
        }
        sink(None, lines);
    }
}

/// Lays out the blocks in `range` (with the blank line before the first
/// when the block before it wants one), so that parts of a document can be
/// laid out apart — on two threads for a big `brief read`.
pub fn for_blocks(
    doc: &Document,
    source: &str,
    entities: &[Entity],
    width: usize,
    range: Range<usize>,
    sink: &mut impl FnMut(Option<usize>, Vec<Line>),
) {
    let width = width.max(1);
    let mut previous: Option<&Block> = range.start.checked_sub(1).and_then(|p| doc.blocks.get(p));
    for index in range {
        let Some(block) = doc.blocks.get(index) else { break };
        if let Some(prev) = previous
            && wants_gap(prev, block)
        {
            sink(None, vec![Line::default()]);
        }
        let mut lines = layout_block(doc, source, block, entities, width);
        for l in &mut lines {
            l.block = Some(index);
        }
        sink(Some(index), lines);
        previous = Some(block);
    }
}

/// The numbered list of link targets that ends a document.
pub fn link_lines(doc: &Document, width: usize) -> Vec<Line> {
    let mut out = Vec::new();
    for_links(doc, width.max(1), &mut |_, lines| out.extend(lines));
    out
}

/// Items of one tight list follow each other without a blank line.
fn wants_gap(prev: &Block, next: &Block) -> bool {
    let in_list = |b: &Block| b.nesting.list > 0;
    !(in_list(prev) && in_list(next) && next.nesting.marker.is_some())
}

/// The indent of a block's first line and of the lines after it.
fn indents(doc: &Document, block: &Block) -> (String, String, Style) {
    let mut first = String::new();
    let mut rest = String::new();
    for _ in 0..block.nesting.quote {
        first.push_str("\u{2502} ");
        rest.push_str("\u{2502} ");
    }
    if block.nesting.list > 0 {
        let pad = "  ".repeat(usize::from(block.nesting.list - 1));
        first.push_str(&pad);
        rest.push_str(&pad);
        let marker = block
            .nesting
            .marker
            .as_ref()
            .map_or(Cow::Borrowed(""), |m| doc.marker(m));
        // A footnote's label is the document's own text: made safe like the rest.
        let marker = crate::sanitize::sanitize(&marker);
        let marker_width = marker.width().max(1) + 1;
        if marker.is_empty() {
            first.push_str(&" ".repeat(marker_width));
        } else {
            first.push_str(&marker);
            first.push(' ');
        }
        rest.push_str(&" ".repeat(marker_width));
    }
    let style = Style {
        role: Role::Marker,
        ..Style::default()
    };
    (first, rest, style)
}

/// Lays out one block of `doc`.
pub fn layout_block(
    doc: &Document,
    source: &str,
    block: &Block,
    entities: &[Entity],
    width: usize,
) -> Vec<Line> {
    let (first, rest, marker_style) = indents(doc, block);
    match &block.kind {
        BlockKind::Rule => {
            let rest = wrap::fit_indent(&rest, width).to_owned();
            let w = width.saturating_sub(rest.width()).max(1);
            vec![Line {
                segs: vec![
                    Seg {
                        text: rest,
                        style: marker_style,
                    },
                    Seg {
                        text: "\u{2500}".repeat(w),
                        style: Style {
                            role: Role::Border,
                            ..Style::default()
                        },
                    },
                ],
                block: None,
            }]
        }
        BlockKind::Code { .. } => {
            let code = Style {
                role: Role::Code,
                code: true,
                ..Style::default()
            };
            let text = doc
                .inlines(block)
                .first()
                .map_or(Cow::Borrowed(""), |i| doc.text(source, i));
            let mut lines = Vec::new();
            let first_pad = format!("{first}  ");
            let rest_pad = format!("{rest}  ");
            for (n, src_line) in text.split('\n').enumerate() {
                let pad = if n == 0 { &first_pad } else { &rest_pad };
                lines.extend(wrap::hard_wrap(src_line, code, width, pad, marker_style));
            }
            lines
        }
        BlockKind::Table(t) => {
            let pad = wrap::fit_indent(&rest, width);
            table::layout(doc, source, t, entities, width, pad, marker_style)
        }
        BlockKind::Heading(level) => {
            let base = Style {
                role: Role::Heading(*level),
                strong: true,
                ..Style::default()
            };
            let pieces = pieces(doc, source, doc.inlines(block), entities, base);
            wrap::wrap(&pieces, width, &first, marker_style, &rest)
        }
        BlockKind::Paragraph => {
            let pieces = pieces(doc, source, doc.inlines(block), entities, Style::default());
            wrap::wrap(&pieces, width, &first, marker_style, &rest)
        }
    }
}

/// Splits inlines at entity boundaries into styled pieces, adding the
/// numbered reference after each link. Pieces borrow the source where the
/// run's text is a verbatim slice of it.
pub(crate) fn pieces<'a>(
    doc: &'a Document,
    source: &'a str,
    inlines: &[Inline],
    entities: &[Entity],
    base: Style,
) -> Vec<wrap::Piece<'a>> {
    let mut out = Vec::with_capacity(inlines.len() + 4);
    for (n, inline) in inlines.iter().enumerate() {
        let mut style = base;
        style.emphasis |= inline.style.emphasis;
        style.strong |= inline.style.strong;
        style.strike = inline.style.strike;
        style.code = inline.style.code;
        style.link = inline.style.link.is_some();
        let text = doc.text(source, inline);
        // A part of the run's text, borrowed when the text is.
        let part = |r: Range<usize>| match &text {
            Cow::Borrowed(s) => Cow::Borrowed(&s[r]),
            Cow::Owned(s) => Cow::Owned(s[r].to_owned()),
        };
        if let Some(src) = inline.src() {
            let end = src + text.len();
            let first = entities.partition_point(|e| e.end <= src);
            let mut at = 0;
            for (idx, e) in entities.iter().enumerate().skip(first) {
                if e.start >= end {
                    break;
                }
                let s = e.start.max(src) - src;
                let t = e.end.min(end) - src;
                if !text.is_char_boundary(s) || !text.is_char_boundary(t) || s < at {
                    continue;
                }
                if s > at {
                    out.push(wrap::Piece::cow(part(at..s), style));
                }
                let mut es = style;
                es.entity = Some(e.kind);
                es.mention = Some(idx as u32);
                out.push(wrap::Piece::cow(part(s..t), es));
                at = t;
            }
            if at == 0 && !text.is_empty() {
                out.push(wrap::Piece::cow(text, style));
            } else if at < text.len() {
                out.push(wrap::Piece::cow(part(at..text.len()), style));
            }
        } else {
            out.push(wrap::Piece::cow(text, style));
        }
        let link_ends = inline.style.link.is_some()
            && inlines
                .get(n + 1)
                .is_none_or(|next| next.style.link != inline.style.link);
        if let Some(number) = inline.style.link.filter(|_| link_ends) {
            out.push(wrap::Piece::owned(
                format!("[{number}]"),
                Style {
                    role: Role::LinkRef,
                    ..base
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_sits_above_the_text_and_moves_every_block_down() {
        let text = "First paragraph of the body.\n\nSecond one.\n";
        let doc = crate::document::parse_markdown(text);
        let plain = Layout::new(&doc, text, &[], 30);
        let header = Header {
            title: "A title long enough to wrap onto a second row".into(),
            byline: "2026-11-25 · Wire Desk · A. Writer".into(),
            tags: vec!["ukraine".into(), "talks".into()],
            url: Some("https://example.org/a".into()),
        };
        let with = plain.clone().with_header(&header);
        let source = Source {
            doc: &doc,
            text,
            entities: &[],
        };
        let with_lines = with.lines(source, 0..with.row_count());
        let rows: Vec<String> = with_lines.iter().map(Line::text).collect();
        assert_eq!(rows[0], "A title long enough to wrap");
        assert_eq!(rows[1], "onto a second row");
        assert_eq!(rows[2], "2026-11-25 · Wire Desk · A.");
        assert!(rows.contains(&"#ukraine #talks".to_owned()), "{rows:?}");
        assert!(rows.contains(&"https://example.org/a".to_owned()), "{rows:?}");
        let shift = with.row_count() - plain.row_count();
        for (a, b) in plain.blocks.iter().zip(&with.blocks) {
            assert_eq!(b.start, a.start + shift);
        }
        assert!(with_lines[..shift].iter().all(|l| l.block.is_none()));
        assert!(with_lines.iter().all(|l| l.width() <= 30));
        assert_eq!(
            with.lines(source, shift..with.row_count()),
            plain.lines(source, 0..plain.row_count()),
            "below the header, the same rows"
        );
    }
    use crate::document::{parse_markdown, parse_text};

    /// Every row of `src` laid out at `width`, and where its blocks are.
    fn laid(doc: &Document, src: &str, ents: &[Entity], width: usize) -> (Layout, Vec<Line>) {
        let layout = Layout::new(doc, src, ents, width);
        let source = Source {
            doc,
            text: src,
            entities: ents,
        };
        let lines = layout.lines(source, 0..layout.row_count());
        (layout, lines)
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.text().trim_end().to_owned()).collect()
    }

    #[test]
    fn wraps_paragraphs_and_records_block_rows() {
        let src = "Title\n\nalpha beta gamma delta epsilon\n";
        let (l, lines) = laid(&parse_text(src), src, &[], 12);
        assert_eq!(
            texts(&lines),
            ["Title", "", "alpha beta", "gamma delta", "epsilon"]
        );
        assert_eq!(l.blocks, [0..1, 2..5]);
        assert_eq!(l.block_at(1), Some(0));
        assert_eq!(l.block_at(3), Some(1));
    }

    #[test]
    fn lists_are_indented_with_markers_and_hanging_indent() {
        let src = "1. first item wraps here\n   - nested one\n2. second\n";
        let (_, l) = laid(&parse_markdown(src), src, &[], 16);
        assert_eq!(
            texts(&l),
            ["1. first item", "   wraps here", "  • nested one", "2. second"]
        );
    }

    #[test]
    fn footnote_labels_are_sanitised() {
        let src = "x[^a\u{1b}]\n\n[^a\u{1b}]: note \u{9b}\n";
        let (_, l) = laid(&parse_markdown(src), src, &[], 40);
        let all: String = texts(&l).concat();
        assert!(all.contains("note"), "{all:?}");
        assert!(!all.contains(['\u{1b}', '\u{9b}']), "{all:?}");
    }

    #[test]
    fn quotes_get_a_bar_on_every_line() {
        let src = "> quoted words\nthat wrap\n";
        let (_, l) = laid(&parse_markdown(src), src, &[], 12);
        assert_eq!(
            texts(&l),
            ["\u{2502} quoted", "\u{2502} words that", "\u{2502} wrap"]
        );
    }

    #[test]
    fn links_are_numbered_and_listed_at_the_end() {
        let src = "See [the report](https://example.org/r) now.\n";
        let (l, lines) = laid(&parse_markdown(src), src, &[], 40);
        assert_eq!(
            texts(&lines),
            ["See the report[1] now.", "", "Links", "[1] https://example.org/r"]
        );
        assert_eq!(l.block_at(3), Some(0), "the link list: the block above");
        let (_, narrow) = laid(&parse_markdown(src), src, &[], 3);
        assert!(narrow.iter().all(|l| l.width() <= 3), "{:?}", texts(&narrow));
    }

    #[test]
    fn entities_style_their_text() {
        let src = "T\n\nPutin met Umerov.";
        let doc = parse_text(src);
        let ents = [
            Entity::new(3, 8, EntityKind::Person),
            Entity::new(13, 19, EntityKind::Person),
        ];
        let (_, l) = laid(&doc, src, &ents, 40);
        let segs = &l[2].segs;
        let styled: Vec<_> = segs
            .iter()
            .filter(|s| s.style.entity.is_some())
            .map(|s| (s.text.as_str(), s.style.mention))
            .collect();
        assert_eq!(styled, [("Putin", Some(0)), ("Umerov", Some(1))]);
    }

    #[test]
    fn code_blocks_and_rules() {
        let src = "```\nfn main() {}\n```\n\n---\n";
        let (_, l) = laid(&parse_markdown(src), src, &[], 10);
        assert_eq!(texts(&l), ["  fn main(", "  ) {}", "", &"\u{2500}".repeat(10)]);
    }
}
