//! Markdown (`CommonMark` with tables, strikethrough, footnotes) into blocks.

use super::{Align, Block, BlockKind, Document, Inline, InlineStyle, Nesting, Table};
use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Parses a Markdown body (front matter already removed). A big body is
/// parsed in sections (see `sections`), with the same result.
pub fn parse_markdown(source: &str) -> Document {
    parse_markdown_with(source, super::sections::SECTION)
}

/// [`parse_markdown`] with sections of about `section` bytes.
pub(super) fn parse_markdown_with(source: &str, section: usize) -> Document {
    if source.len() < 2 * section {
        return parse_whole(source);
    }
    let Some(parts) = super::sections::cuts(source, section) else {
        return parse_whole(source);
    };
    let mut doc = Document::default();
    for r in parts {
        let part = parse_whole(&source[r.clone()]);
        super::sections::append(&mut doc, part, r.start);
    }
    doc
}

/// Parses a Markdown body in one go.
pub(super) fn parse_whole(source: &str) -> Document {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_TASKLISTS);
    let mut b = Builder::new(source);
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        b.event(event, range);
    }
    b.flush();
    b.doc
}

/// A block being filled.
struct Open {
    kind: BlockKind,
    inlines: Vec<Inline>,
    start: usize,
}

/// The state of one list level: the next number of an ordered list.
struct ListLevel {
    next: Option<u64>,
}

struct Builder<'s> {
    source: &'s str,
    doc: Document,
    open: Option<Open>,
    style: InlineStyle,
    emphasis: u32,
    strong: u32,
    strike: u32,
    quote: u8,
    lists: Vec<ListLevel>,
    /// Marker waiting for the first block of the current list item.
    marker: Option<String>,
    table: Option<Table>,
    in_cell: bool,
    code: Option<(String, String, usize)>,
    last_end: usize,
}

impl<'s> Builder<'s> {
    fn new(source: &'s str) -> Self {
        Self {
            source,
            doc: Document::default(),
            open: None,
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

    fn begin(&mut self, kind: BlockKind, start: usize) {
        self.flush();
        self.open = Some(Open {
            kind,
            inlines: Vec::new(),
            start,
        });
    }

    /// Closes the open block, if any, and appends it.
    fn flush(&mut self) {
        if let Some(open) = self.open.take() {
            let empty = open.inlines.iter().all(|i| i.text.trim().is_empty());
            if empty && !matches!(open.kind, BlockKind::Heading(_)) {
                return;
            }
            let nesting = self.nesting();
            let mut end = self.last_end.max(open.start);
            while end > open.start && self.source.as_bytes()[end - 1].is_ascii_whitespace() {
                end -= 1;
            }
            self.doc.blocks.push(Block {
                kind: open.kind,
                nesting,
                inlines: trim_inlines(open.inlines),
                src: open.start..end,
            });
        }
    }

    fn push_inline(&mut self, text: &str, range: &Range<usize>, verbatim: bool) {
        let src = if verbatim {
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
        // byte, "\n") becomes a space of the same length, keeping offsets.
        let soft_break = text == " " && !verbatim && range.len() == 1;
        if !self.in_cell {
            if let Some(last) = self.open.as_mut().and_then(|o| o.inlines.last_mut()) {
                let follows = last.src.is_some_and(|s| s + last.text.len() == range.start);
                if last.style == style && follows && (soft_break || src == Some(range.start)) {
                    last.text.push_str(text);
                    return;
                }
            }
        }
        let inline = Inline {
            text: text.to_owned(),
            style,
            src,
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
        if let Some(open) = self.open.as_mut() {
            open.inlines.push(inline);
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        if let Some((_, text, _)) = self.code.as_mut() {
            match event {
                Event::Text(t) => {
                    text.push_str(&t);
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
                let nesting = self.nesting();
                self.doc.blocks.push(Block {
                    kind: BlockKind::Rule,
                    nesting,
                    inlines: Vec::new(),
                    src: range,
                });
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
                    CodeBlockKind::Fenced(l) => l.split_whitespace().next().unwrap_or("").to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new(), range.start));
            }
            Tag::HtmlBlock => {
                self.flush();
                self.code = Some(("html".to_owned(), String::new(), range.start));
            }
            Tag::List(first) => {
                self.flush();
                self.lists.push(ListLevel { next: first });
            }
            Tag::Item => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(ListLevel { next: Some(n) }) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => "•".to_owned(),
                };
                self.marker = Some(marker);
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.lists.push(ListLevel { next: None });
                self.marker = Some(format!("[^{label}]"));
            }
            Tag::Table(align) => {
                self.flush();
                self.table = Some(Table {
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
                self.style.link = Some(n as u16);
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
                if let Some((lang, text, start)) = self.code.take() {
                    let text = text.trim_end_matches('\n').to_owned();
                    let nesting = self.nesting();
                    self.doc.blocks.push(Block {
                        kind: BlockKind::Code { lang },
                        nesting,
                        inlines: vec![Inline::plain(text, None)],
                        src: start..range.end,
                    });
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
                if let Some(table) = self.table.take() {
                    let nesting = self.nesting();
                    self.doc.blocks.push(Block {
                        kind: BlockKind::Table(table),
                        nesting,
                        inlines: Vec::new(),
                        src: range,
                    });
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

/// Drops leading/trailing whitespace-only runs (soft breaks at the edges)
/// and gives back the spare capacity of runs that grew by joining.
fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    for inline in &mut inlines {
        inline.text.shrink_to_fit();
    }
    while inlines
        .last()
        .is_some_and(|i| i.src.is_none() && i.text.trim().is_empty())
    {
        inlines.pop();
    }
    while inlines
        .first()
        .is_some_and(|i| i.src.is_none() && i.text.trim().is_empty())
    {
        inlines.remove(0);
    }
    inlines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Document) -> Vec<String> {
        doc.blocks.iter().map(Block::plain_text).collect()
    }

    #[test]
    fn headings_paragraphs_and_emphasis() {
        let doc = parse_markdown("# Title\n\nSome *soft* and **strong** text.\n");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(texts(&doc), ["Title", "Some soft and strong text."]);
        let soft = &doc.blocks[1].inlines[1];
        assert!(soft.style.emphasis && !soft.style.strong);
        assert!(doc.blocks[1].inlines[3].style.strong);
    }

    #[test]
    fn nested_and_numbered_lists() {
        let doc = parse_markdown("3. one\n4. two\n   - inner\n   - more\n5. three\n");
        let markers: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| (b.nesting.list, b.nesting.marker.clone().unwrap_or_default()))
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
        assert_eq!(texts(&doc)[2], "inner");
    }

    #[test]
    fn quotes_code_rules_and_tables() {
        let src = "> quoted *text*\n\n```rust\nlet x = 1;\n```\n\n---\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n";
        let doc = parse_markdown(src);
        assert_eq!(doc.blocks[0].nesting.quote, 1);
        assert_eq!(doc.blocks[1].kind, BlockKind::Code { lang: "rust".into() });
        assert_eq!(doc.blocks[1].plain_text(), "let x = 1;");
        assert_eq!(doc.blocks[2].kind, BlockKind::Rule);
        let BlockKind::Table(t) = &doc.blocks[3].kind else {
            panic!("expected a table, got {:?}", doc.blocks[3].kind)
        };
        assert_eq!(t.header_rows, 1);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.align, [Align::Left, Align::Right]);
        assert_eq!(doc.blocks[3].plain_text(), "a | b\n1 | 2");
    }

    #[test]
    fn links_are_numbered_once_per_target() {
        let doc = parse_markdown("[a](http://x) [b](http://y) [c](http://x)\n");
        assert_eq!(doc.links, ["http://x", "http://y"]);
        let links: Vec<_> = doc.blocks[0]
            .inlines
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
            for inline in &block.inlines {
                if let Some(at) = inline.src {
                    assert_eq!(&src[at..at + inline.text.len()], inline.text);
                }
            }
        }
        assert!(doc.blocks[1].src.start == 7 && src[doc.blocks[1].src.clone()].ends_with("much."));
    }

    #[test]
    fn footnotes_become_marked_blocks() {
        let doc = parse_markdown("Claim.[^1]\n\n[^1]: Source note.\n");
        assert!(doc.blocks[0].plain_text().contains("[^1]"));
        assert_eq!(doc.blocks[1].nesting.marker.as_deref(), Some("[^1]"));
    }
}
