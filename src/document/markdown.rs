//! Markdown (`CommonMark` with tables, strikethrough, footnotes) into blocks.

use super::{
    Align, Block, BlockKind, Document, Inline, InlineStyle, MAX_SOURCE, Marker, Nesting, Span, Table,
};
use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Parses a Markdown body (front matter already removed). A big body is
/// parsed in sections (see `sections`), with the same result.
pub fn parse_markdown(source: &str) -> Document {
    parse_markdown_with(source, super::sections::SECTION)
}

/// [`parse_markdown`] with sections of about `section` bytes.
pub(super) fn parse_markdown_with(source: &str, section: usize) -> Document {
    let source = super::within(source, MAX_SOURCE);
    let parts = (source.len() >= 2 * section)
        .then(|| super::sections::cuts(source, section))
        .flatten();
    let mut doc = Document::default();
    if let Some(parts) = parts {
        for r in parts {
            doc = parse_into(doc, &source[r.clone()], r.start);
        }
    } else {
        doc = parse_into(doc, source, 0);
    }
    doc.shrink_to_fit();
    doc
}

/// Parses a Markdown body in one go.
#[cfg(test)]
pub(super) fn parse_whole(source: &str) -> Document {
    let source = super::within(source, MAX_SOURCE);
    let mut doc = parse_into(Document::default(), source, 0);
    doc.shrink_to_fit();
    doc
}

/// Parses `section`, which starts at byte `base` of the source, appending
/// its blocks to `doc`. Sections share the document, so links are numbered
/// across the whole body as if it were parsed at once.
fn parse_into(doc: Document, section: &str, base: usize) -> Document {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_TASKLISTS);
    let mut b = Builder::new(section, base, doc);
    for (event, range) in Parser::new_ext(section, options).into_offset_iter() {
        b.event(event, range);
    }
    b.flush();
    b.doc
}

/// A block being filled (its runs are in `Builder::inlines`).
struct Open {
    kind: BlockKind,
    start: usize,
}

/// The state of one list level: the next number of an ordered list.
struct ListLevel {
    next: Option<u64>,
}

/// A table being filled: cells hold their runs until the table ends, when
/// they are moved into the document one after the other.
struct OpenTable {
    align: Vec<Align>,
    rows: Vec<Vec<Vec<Inline>>>,
    header_rows: usize,
}

/// A code block being filled: its language, where its text starts in the
/// document's own text, and where it starts in the section.
struct OpenCode {
    lang: Box<str>,
    text: usize,
    start: usize,
}

/// Builds blocks from events. Offsets in events are in the section; runs
/// and blocks get them shifted by `base`, into the whole source.
struct Builder<'s> {
    source: &'s str,
    base: usize,
    doc: Document,
    open: Option<Open>,
    /// Runs of the open block.
    inlines: Vec<Inline>,
    style: InlineStyle,
    emphasis: u32,
    strong: u32,
    strike: u32,
    quote: u8,
    lists: Vec<ListLevel>,
    /// Marker waiting for the first block of the current list item.
    marker: Option<Marker>,
    table: Option<OpenTable>,
    in_cell: bool,
    code: Option<OpenCode>,
    last_end: usize,
}

impl<'s> Builder<'s> {
    fn new(source: &'s str, base: usize, doc: Document) -> Self {
        Self {
            source,
            base,
            doc,
            open: None,
            inlines: Vec::new(),
            style: InlineStyle::default(),
            emphasis: 0,
            strong: 0,
            strike: 0,
            quote: 0,
            lists: Vec::new(),
            marker: None,
            table: None,
            in_cell: false,
            code: None,
            last_end: 0,
        }
    }

    fn nesting(&mut self) -> Nesting {
        Nesting {
            quote: self.quote,
            list: self.lists.len() as u8,
            marker: self.marker.take(),
        }
    }

    /// The span of a section range in the whole source. Sources are cut to
    /// `MAX_SOURCE`, so it always fits; `None` is never a wrapped offset.
    fn src(&self, range: Range<usize>) -> Option<Span> {
        Span::of(self.base + range.start..self.base + range.end)
    }

    /// Appends `text` to the document's own text; `None` (and nothing kept)
    /// when the own text would outgrow `u32` offsets.
    fn own(&mut self, text: &str) -> Option<Span> {
        let span = Span::new(self.doc.text.len(), text.len())?;
        self.doc.text.push_str(text);
        Some(span)
    }

    /// The text of a run of this section.
    fn text_of(&self, inline: &Inline) -> &str {
        if inline.verbatim {
            let at = inline.text.start().checked_sub(self.base);
            at.and_then(|at| self.source.get(at..at + inline.text.len()))
                .unwrap_or_default()
        } else {
            self.doc.text.get(inline.text.range()).unwrap_or_default()
        }
    }

    /// Moves `runs` to the end of the document's runs; their span there.
    fn keep(&mut self, runs: impl IntoIterator<Item = Inline>) -> Span {
        let start = self.doc.inlines.len();
        self.doc.inlines.extend(runs);
        Span::of(start..self.doc.inlines.len()).unwrap_or_default()
    }

    /// Appends a block whose runs are the last `inlines` of the document.
    fn push_block(&mut self, kind: BlockKind, inlines: Span, src: Range<usize>) {
        let nesting = self.nesting();
        if let Some(src) = self.src(src) {
            self.doc.blocks.push(Block {
                kind,
                nesting,
                inlines,
                src,
            });
        }
    }

    fn begin(&mut self, kind: BlockKind, start: usize) {
        self.flush();
        self.open = Some(Open { kind, start });
    }

    /// Closes the open block, if any, and appends it.
    fn flush(&mut self) {
        if let Some(open) = self.open.take() {
            let empty = self.inlines.iter().all(|i| self.text_of(i).trim().is_empty());
            if empty && !matches!(open.kind, BlockKind::Heading(_)) {
                self.inlines.clear();
                return;
            }
            let mut end = self.last_end.max(open.start);
            while end > open.start && self.source.as_bytes()[end - 1].is_ascii_whitespace() {
                end -= 1;
            }
            self.trim_inlines();
            let mut runs = std::mem::take(&mut self.inlines);
            let inlines = self.keep(runs.drain(..));
            // The emptied vector is kept for the next block's runs.
            self.inlines = runs;
            self.push_block(open.kind, inlines, open.start..end);
        }
    }

    /// Drops leading/trailing whitespace-only runs (soft breaks at the
    /// edges) of the open block.
    fn trim_inlines(&mut self) {
        let blank = |b: &Self, i: &Inline| !i.verbatim && b.text_of(i).trim().is_empty();
        while self.inlines.last().is_some_and(|i| blank(self, i)) {
            self.inlines.pop();
        }
        let lead = self.inlines.iter().take_while(|i| blank(self, i)).count();
        self.inlines.drain(..lead);
    }

    fn push_inline(&mut self, text: &str, range: &Range<usize>, verbatim: bool) {
        // A run with a line break of its own cannot be a range of the source
        // (whose breaks read as spaces); pulldown-cmark gives breaks as
        // events of their own, so this only guards the model.
        let src = if verbatim && !text.contains(['\n', '\r']) {
            locate(self.source, text, range)
        } else {
            None
        };
        let style = InlineStyle {
            emphasis: self.emphasis > 0,
            strong: self.strong > 0,
            strike: self.strike > 0,
            ..self.style
        };
        // Runs that continue the previous one in the source join it, so a
        // paragraph is one run, not one per line: a soft line break (one
        // byte, "\n") reads as a space of the same length, keeping offsets.
        let soft_break = text == " "
            && !verbatim
            && range.len() == 1
            && matches!(
                self.source.as_bytes().get(range.start),
                Some(b'\n' | b'\r' | b' ')
            );
        if !self.in_cell && self.open.is_some() {
            let at = self.base + range.start;
            if let Some(last) = self.inlines.last_mut() {
                let follows = last.verbatim && last.text.end() == at;
                if last.style == style
                    && follows
                    && (soft_break || src == Some(range.start))
                    && let Some(grown) = last.text.grown(text.len())
                {
                    last.text = grown;
                    return;
                }
            }
        }
        let span = match src {
            Some(at) => Span::new(self.base + at, text.len()),
            None => self.own(text),
        };
        // Past `u32` offsets (only a source near `MAX_SOURCE`) a run is
        // dropped rather than given a wrapped offset.
        let Some(span) = span else { return };
        let inline = Inline {
            text: span,
            style,
            verbatim: src.is_some(),
        };
        if self.in_cell {
            if let Some(cell) = self
                .table
                .as_mut()
                .and_then(|t| t.rows.last_mut())
                .and_then(|r| r.last_mut())
            {
                cell.push(inline);
            }
            return;
        }
        if self.open.is_none() {
            // Tight list items and footnotes carry text without a Paragraph.
            self.begin(BlockKind::Paragraph, range.start);
        }
        self.inlines.push(inline);
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        if self.code.is_some() {
            match event {
                Event::Text(t) => {
                    // Code text is kept only while it fits `u32` offsets.
                    if Span::new(self.doc.text.len(), t.len()).is_some() {
                        self.doc.text.push_str(&t);
                    }
                    self.last_end = range.end;
                    return;
                }
                Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock) => {}
                _ => return,
            }
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) => {
                self.last_end = range.end;
                self.push_inline(&t, &range, true);
            }
            Event::Code(t) => {
                self.last_end = range.end;
                let saved = self.style;
                self.style.code = true;
                self.push_inline(&t, &range, true);
                self.style = saved;
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push_inline(&t, &range, false),
            Event::Html(t) | Event::InlineHtml(t) => {
                if !t.trim_start().starts_with("<!--") {
                    self.push_inline(&t, &range, false);
                }
            }
            Event::FootnoteReference(label) => {
                self.push_inline(&format!("[^{label}]"), &range, false);
            }
            Event::SoftBreak => self.push_inline(" ", &range, false),
            Event::HardBreak => self.push_inline("\n", &range, false),
            Event::Rule => {
                self.flush();
                let none = self.keep([]);
                self.push_block(BlockKind::Rule, none, range);
            }
            Event::TaskListMarker(done) => {
                self.push_inline(if done { "[x] " } else { "[ ] " }, &range, false);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph if !self.in_cell => self.begin(BlockKind::Paragraph, range.start),
            Tag::Heading { level, .. } => self.begin(BlockKind::Heading(level as u8), range.start),
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_add(1);
            }
            Tag::CodeBlock(kind) => {
                self.flush();
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.split_whitespace().next().unwrap_or("").into(),
                    CodeBlockKind::Indented => "".into(),
                };
                self.code = Some(OpenCode {
                    lang,
                    text: self.doc.text.len(),
                    start: range.start,
                });
            }
            Tag::HtmlBlock => {
                self.flush();
                self.code = Some(OpenCode {
                    lang: "html".into(),
                    text: self.doc.text.len(),
                    start: range.start,
                });
            }
            Tag::List(first) => {
                self.flush();
                self.lists.push(ListLevel { next: first });
            }
            Tag::Item => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(ListLevel { next: Some(n) }) => {
                        let m = Marker::Number(*n);
                        *n += 1;
                        m
                    }
                    _ => Marker::Bullet,
                };
                self.marker = Some(marker);
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.lists.push(ListLevel { next: None });
                self.marker = self.own(&format!("[^{label}]")).map(Marker::Footnote);
            }
            Tag::Table(align) => {
                self.flush();
                self.table = Some(OpenTable {
                    align: align
                        .iter()
                        .map(|a| match a {
                            Alignment::Center => Align::Center,
                            Alignment::Right => Align::Right,
                            Alignment::Left | Alignment::None => Align::Left,
                        })
                        .collect(),
                    rows: Vec::new(),
                    header_rows: 0,
                });
                self.open = None;
                self.last_end = range.start;
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.rows.push(Vec::new());
                }
            }
            Tag::TableCell => {
                if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Vec::new());
                }
                self.in_cell = true;
            }
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link { dest_url, .. } => {
                let url = dest_url.to_string();
                let n = if let Some(i) = self.doc.links.iter().position(|l| *l == url) {
                    i + 1
                } else {
                    self.doc.links.push(url);
                    self.doc.links.len()
                };
                // At most one link per few bytes of a source under 4 GiB:
                // the number fits.
                self.style.link = Some(u32::try_from(n).unwrap_or(u32::MAX));
            }
            Tag::Image { .. } => self.push_inline("[image: ", &range, false),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        self.last_end = self.last_end.max(range.end);
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) if !self.in_cell => {
                self.last_end = range.end;
                self.flush();
            }
            TagEnd::Item => self.flush(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                if let Some(code) = self.code.take() {
                    let kept = self.doc.text[code.text..].trim_end_matches('\n').len();
                    self.doc.text.truncate(code.text + kept);
                    let text = Span::new(code.text, kept).unwrap_or_default();
                    let inlines = self.keep([Inline {
                        text,
                        style: InlineStyle::default(),
                        verbatim: false,
                    }]);
                    self.push_block(
                        BlockKind::Code { lang: code.lang },
                        inlines,
                        code.start..range.end,
                    );
                }
            }
            TagEnd::List(_) | TagEnd::FootnoteDefinition => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.header_rows = t.rows.len();
                }
            }
            TagEnd::TableCell => self.in_cell = false,
            TagEnd::Table => {
                if let Some(open) = self.table.take() {
                    let first = self.doc.inlines.len();
                    let rows = open
                        .rows
                        .into_iter()
                        .map(|row| row.into_iter().map(|cell| self.keep(cell)).collect())
                        .collect();
                    let table = Table {
                        align: open.align,
                        rows,
                        header_rows: open.header_rows,
                    };
                    let inlines = Span::of(first..self.doc.inlines.len()).unwrap_or_default();
                    self.push_block(BlockKind::Table(Box::new(table)), inlines, range);
                }
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link => self.style.link = None,
            TagEnd::Image => self.push_inline("]", &range, false),
            _ => {}
        }
    }
}

/// Finds where `text` sits verbatim inside the event's source range.
fn locate(source: &str, text: &str, range: &Range<usize>) -> Option<usize> {
    let slice = source.get(range.clone())?;
    if slice == text {
        Some(range.start)
    } else if slice.ends_with(text) {
        Some(range.end - text.len())
    } else {
        slice.find(text).map(|i| range.start + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Document, src: &str) -> Vec<String> {
        doc.blocks.iter().map(|b| doc.plain_text(src, b)).collect()
    }

    #[test]
    fn headings_paragraphs_and_emphasis() {
        let src = "# Title\n\nSome *soft* and **strong** text.\n";
        let doc = parse_markdown(src);
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(texts(&doc, src), ["Title", "Some soft and strong text."]);
        let soft = &doc.inlines(&doc.blocks[1])[1];
        assert!(soft.style.emphasis && !soft.style.strong);
        assert!(doc.inlines(&doc.blocks[1])[3].style.strong);
    }

    #[test]
    fn nested_and_numbered_lists() {
        let src = "3. one\n4. two\n   - inner\n   - more\n5. three\n";
        let doc = parse_markdown(src);
        let markers: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| {
                (
                    b.nesting.list,
                    b.nesting
                        .marker
                        .as_ref()
                        .map(|m| doc.marker(m).into_owned())
                        .unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            markers,
            [
                (1, "3.".to_owned()),
                (1, "4.".to_owned()),
                (2, "•".to_owned()),
                (2, "•".to_owned()),
                (1, "5.".to_owned())
            ]
        );
        assert_eq!(texts(&doc, src)[2], "inner");
    }

    #[test]
    fn quotes_code_rules_and_tables() {
        let src = "> quoted *text*\n\n```rust\nlet x = 1;\n```\n\n---\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n";
        let doc = parse_markdown(src);
        assert_eq!(doc.blocks[0].nesting.quote, 1);
        assert_eq!(doc.blocks[1].kind, BlockKind::Code { lang: "rust".into() });
        assert_eq!(doc.plain_text(src, &doc.blocks[1]), "let x = 1;");
        assert_eq!(doc.blocks[2].kind, BlockKind::Rule);
        let BlockKind::Table(t) = &doc.blocks[3].kind else {
            panic!("expected a table, got {:?}", doc.blocks[3].kind)
        };
        assert_eq!(t.header_rows, 1);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.align, [Align::Left, Align::Right]);
        assert_eq!(doc.plain_text(src, &doc.blocks[3]), "a | b\n1 | 2");
        let cell = doc.cell(t.rows[1][1]);
        assert_eq!(doc.text(src, &cell[0]), "2");
        assert_eq!(cell[0].src().map(|at| &src[at..=at]), Some("2"));
    }

    #[test]
    fn links_are_numbered_once_per_target() {
        let doc = parse_markdown("[a](http://x) [b](http://y) [c](http://x)\n");
        assert_eq!(doc.links, ["http://x", "http://y"]);
        let links: Vec<_> = doc
            .inlines(&doc.blocks[0])
            .iter()
            .filter_map(|i| i.style.link)
            .collect();
        assert_eq!(links, [1, 2, 1]);
    }

    #[test]
    fn verbatim_runs_know_their_source_offset() {
        let src = "Intro\n\nThe *Kremlin* said \\*not\\* much.\n";
        let doc = parse_markdown(src);
        for block in &doc.blocks {
            for inline in doc.inlines(block) {
                if let Some(at) = inline.src() {
                    assert_eq!(&src[at..at + inline.text_len()], doc.text(src, inline));
                }
            }
        }
        assert!(doc.blocks[1].src().start == 7 && src[doc.blocks[1].src()].ends_with("much."));
    }

    #[test]
    fn footnotes_become_marked_blocks() {
        let src = "Claim.[^1]\n\n[^1]: Source note.\n";
        let doc = parse_markdown(src);
        assert!(doc.plain_text(src, &doc.blocks[0]).contains("[^1]"));
        let marker = doc.blocks[1].nesting.marker.as_ref().map(|m| doc.marker(m));
        assert_eq!(marker.as_deref(), Some("[^1]"));
    }
}
