//! The briefing open in the Reader: its layout, paragraph cursor, scroll,
//! entities and notes. Movement here is integer arithmetic over rows.

use crate::analysis::Analysed;
use crate::entities::summary::{EntityGroup, group_with};
use crate::entities::watch::Watchlist;
use crate::layout::Layout;
use crate::notes::{NotesFile, Placement, place};

/// A line of the outline: a heading (or, in plain text, a paragraph's
/// first words) and the block it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineEntry {
    pub block: usize,
    /// 1 for a top heading; paragraphs of plain text are 1.
    pub level: u8,
    pub text: String,
}

/// An open briefing and where the reader is in it.
#[derive(Debug, Clone)]
pub struct Open {
    pub id: String,
    pub analysed: Analysed,
    /// The plain text of every block (notes anchor to these).
    pub paragraphs: Vec<String>,
    pub layout: Layout,
    /// Block index of the paragraph cursor.
    pub cursor: usize,
    /// First visible row.
    pub scroll: usize,
    pub groups: Vec<EntityGroup>,
    /// For each group, how many briefings of the store mention it (once
    /// the index is built).
    pub spread: Vec<Option<usize>>,
    pub entity_sel: usize,
    /// Whether the selected entity's mentions are highlighted (after the
    /// user picked one).
    pub highlight: bool,
    /// The search in force (`/` in the Reader), walked with `n`/`N`.
    pub search: Option<super::search::Search>,
    /// The mention last stepped to: (entity, index in its mentions).
    pub mention_walk: Option<(usize, usize)>,
    /// Block of each entity mention, by entity index.
    pub mention_block: Vec<usize>,
    pub notes: NotesFile,
    pub placements: Vec<Placement>,
    /// Note indices in display order (paragraph order, detached last).
    pub note_order: Vec<usize>,
    pub note_sel: usize,
    /// Set when the notes file could not be read: notes are then shown
    /// read-only and never written over it.
    pub notes_error: Option<String>,
    /// The title, byline, tags and url shown above the text.
    pub header: Option<crate::layout::Header>,
    /// `/` typed in Entities: only entities whose name matches show.
    pub entity_query: String,
    /// `/` typed in Notes: only notes whose text matches show.
    pub note_query: String,
}

impl Open {
    pub fn new(id: String, analysed: Analysed, notes: Result<NotesFile, String>, watch: &Watchlist) -> Self {
        let body = &analysed.body;
        let paragraphs: Vec<String> = body
            .document
            .blocks
            .iter()
            .map(|b| body.document.plain_text(&body.text, b))
            .collect();
        let groups = group_with(&analysed.body.text, &analysed.entities, watch);
        let starts: Vec<usize> = analysed
            .body
            .document
            .blocks
            .iter()
            .map(|b| b.src().start)
            .collect();
        let mention_block = analysed
            .entities
            .iter()
            .map(|e| starts.partition_point(|&s| s <= e.start).saturating_sub(1))
            .collect();
        let (notes, notes_error) = match notes {
            Ok(n) => (n, None),
            Err(e) => (NotesFile::new(&id), Some(e)),
        };
        let mut open = Self {
            id,
            analysed,
            paragraphs,
            layout: Layout::default(),
            cursor: 0,
            scroll: 0,
            spread: vec![None; groups.len()],
            groups,
            entity_sel: 0,
            highlight: false,
            mention_walk: None,
            search: None,
            mention_block,
            notes,
            placements: Vec::new(),
            note_order: Vec::new(),
            note_sel: 0,
            notes_error,
            header: None,
            entity_query: String::new(),
            note_query: String::new(),
        };
        open.replace_notes();
        open
    }

    /// The same briefing read again (edited on disk, or analysed with a new
    /// watchlist or correction): the selected entity, note and highlight
    /// stay where the reader left them. An entity given another kind is
    /// found under it; one that is gone leaves the selection on its row.
    pub fn keep_place_of(&mut self, old: &Self) {
        if let Some(g) = old.selected_group() {
            let same = |n: &EntityGroup| n.kind == g.kind && n.name == g.name;
            let found = (self.groups.iter().position(same))
                .or_else(|| self.groups.iter().position(|n| n.name == g.name));
            match found {
                Some(i) => {
                    self.entity_sel = i;
                    self.highlight = old.highlight;
                }
                None => self.entity_sel = old.entity_sel.min(self.groups.len().saturating_sub(1)),
            }
        }
        self.note_sel = old.note_sel.min(self.note_order.len().saturating_sub(1));
        // The panes' filters stay, and the selections on what they show.
        self.entity_query.clone_from(&old.entity_query);
        self.note_query.clone_from(&old.note_query);
        if !self.group_shown(self.entity_sel) {
            self.entity_sel = (0..self.groups.len()).find(|&i| self.group_shown(i)).unwrap_or(0);
        }
        if !self.note_shown(self.note_sel) {
            self.note_sel = (0..self.note_order.len())
                .find(|&i| self.note_shown(i))
                .unwrap_or(0);
        }
        self.search = old
            .search
            .as_ref()
            .map(|s| super::search::Search::new(&s.query, &self.paragraphs));
    }

    /// Re-places every note on the current text and re-sorts the list.
    pub fn replace_notes(&mut self) {
        self.placements = self
            .notes
            .notes
            .iter()
            .map(|n| place(&n.anchor, &self.paragraphs))
            .collect();
        let mut order: Vec<usize> = (0..self.notes.notes.len()).collect();
        order.sort_by_key(|&i| match self.placements[i] {
            Placement::Attached(o) => (0, o, i),
            Placement::Detached => (1, 0, i),
        });
        self.note_order = order;
        self.note_sel = self.note_sel.min(self.note_order.len().saturating_sub(1));
    }

    /// Shows `header` above the text (laid out again).
    pub fn set_header(&mut self, header: Option<crate::layout::Header>) {
        self.header = header;
        self.layout = Layout::default();
    }

    /// Lays out again when the width changed; keeps the cursor in view.
    pub fn ensure_layout(&mut self, width: usize, rows: usize) {
        if self.layout.width != width || self.layout.is_empty() {
            let body = &self.analysed.body;
            self.layout = Layout::new(&body.document, &body.text, &self.analysed.entities, width);
            if let Some(h) = &self.header {
                self.layout = std::mem::take(&mut self.layout).with_header(h);
            }
            self.reveal_cursor(rows);
        }
    }

    /// What the layout's rows are made from.
    pub fn source(&self) -> crate::layout::Source<'_> {
        crate::layout::Source {
            doc: &self.analysed.body.document,
            text: &self.analysed.body.text,
            entities: &self.analysed.entities,
        }
    }

    /// The Reader's rows in `rows`, laid out (only those).
    pub fn rows(&self, rows: std::ops::Range<usize>) -> Vec<crate::layout::Line> {
        self.layout.lines(self.source(), rows)
    }

    pub fn block_count(&self) -> usize {
        self.analysed.body.document.blocks.len()
    }

    pub fn max_scroll(&self, rows: usize) -> usize {
        self.layout.row_count().saturating_sub(rows.max(1))
    }

    /// Scrolls the least needed to show the cursor's paragraph.
    pub fn reveal_cursor(&mut self, rows: usize) {
        let Some(r) = self.layout.blocks.get(self.cursor).cloned() else {
            return;
        };
        let rows = rows.max(1);
        if r.start < self.scroll {
            self.scroll = r.start;
        } else if r.end > self.scroll + rows {
            self.scroll = (r.end.saturating_sub(rows)).min(r.start);
        }
        self.scroll = self.scroll.min(self.max_scroll(rows));
    }

    /// Moves the cursor by `delta` paragraphs (blocks with rows).
    pub fn move_cursor(&mut self, delta: isize, rows: usize) {
        let n = self.block_count();
        if n == 0 {
            return;
        }
        let mut c = self.cursor as isize;
        loop {
            let next = c + delta.signum();
            if next < 0 || next >= n as isize {
                break;
            }
            c = next;
            let has_rows = self.layout.blocks.get(c as usize).is_some_and(|r| !r.is_empty());
            if has_rows && (c - self.cursor as isize).abs() >= delta.abs() {
                break;
            }
        }
        self.cursor = c as usize;
        self.reveal_cursor(rows);
    }

    /// Scrolls by rows and puts the cursor on the first paragraph in view.
    pub fn scroll_by(&mut self, delta: isize, rows: usize) {
        let max = self.max_scroll(rows) as isize;
        self.scroll = (self.scroll as isize + delta).clamp(0, max) as usize;
        self.cursor_to_view(rows);
    }

    pub fn scroll_to(&mut self, row: usize, rows: usize) {
        self.scroll = row.min(self.max_scroll(rows));
        self.cursor_to_view(rows);
    }

    /// Keeps the cursor on a paragraph that is visible after a scroll.
    fn cursor_to_view(&mut self, rows: usize) {
        let visible = self.scroll..self.scroll + rows.max(1);
        let cur = self.layout.blocks.get(self.cursor).cloned().unwrap_or(0..0);
        if cur.start >= visible.start && cur.start < visible.end {
            return;
        }
        if let Some(b) = self
            .layout
            .blocks
            .iter()
            .position(|r| !r.is_empty() && r.start >= visible.start)
        {
            self.cursor = b;
        } else if let Some(b) = self.layout.block_at(self.scroll) {
            self.cursor = b;
        }
    }

    /// Puts the cursor on a paragraph and shows it.
    pub fn goto_block(&mut self, block: usize, rows: usize) {
        self.cursor = block.min(self.block_count().saturating_sub(1));
        self.reveal_cursor(rows);
    }

    /// Whether entity `i` shows under the Entities filter.
    pub fn group_shown(&self, i: usize) -> bool {
        let q = self.entity_query.to_lowercase();
        q.is_empty()
            || self
                .groups
                .get(i)
                .is_some_and(|g| super::fuzzy_match(&q, &g.name.to_lowercase()))
    }

    /// Whether the note at `pos` (in Notes' order) shows under the filter.
    pub fn note_shown(&self, pos: usize) -> bool {
        let q = self.note_query.to_lowercase();
        q.is_empty()
            || self
                .note_order
                .get(pos)
                .and_then(|&i| self.notes.notes.get(i))
                .is_some_and(|n| super::fuzzy_match(&q, &n.text.to_lowercase()))
    }

    pub fn selected_group(&self) -> Option<&EntityGroup> {
        self.groups.get(self.entity_sel)
    }

    /// Steps to the next (or previous) mention of the selected entity,
    /// wrapping around: from the current mention when walking, else from
    /// the cursor's paragraph. Returns (mention number, total).
    pub fn step_mention(&mut self, forward: bool, rows: usize) -> Option<(usize, usize)> {
        let g = self.groups.get(self.entity_sel)?;
        let total = g.mentions.len();
        if total == 0 {
            return None;
        }
        let blocks: Vec<usize> = g.mentions.iter().map(|&m| self.mention_block[m]).collect();
        let next = match self.mention_walk {
            Some((group, at)) if group == self.entity_sel && blocks.get(at) == Some(&self.cursor) => {
                if forward {
                    (at + 1) % total
                } else {
                    (at + total - 1) % total
                }
            }
            _ if forward => blocks
                .iter()
                .position(|&b| b > self.cursor)
                .or_else(|| blocks.iter().position(|&b| b == self.cursor))
                .unwrap_or(0),
            _ => blocks.iter().rposition(|&b| b < self.cursor).unwrap_or(total - 1),
        };
        let mention = g.mentions[next];
        self.mention_walk = Some((self.entity_sel, next));
        self.goto_block(blocks[next], rows);
        // Show the very row of the mention inside a long paragraph.
        let block_rows = self.layout.blocks.get(blocks[next]).cloned().unwrap_or(0..0);
        let lines = self.rows(block_rows.clone());
        if let Some(row) = block_rows.zip(&lines).find_map(|(r, line)| {
            line.segs
                .iter()
                .any(|s| s.style.mention == Some(mention as u32))
                .then_some(r)
        }) {
            let rows = rows.max(1);
            if row >= self.scroll + rows {
                self.scroll = (row + 1 - rows).min(self.max_scroll(rows));
            }
        }
        Some((next + 1, total))
    }

    /// The briefing's headings; a briefing without any (plain text) lists
    /// its paragraphs by their first words.
    pub fn outline(&self) -> Vec<OutlineEntry> {
        use crate::document::BlockKind;
        let blocks = &self.analysed.body.document.blocks;
        let headings: Vec<OutlineEntry> = blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match b.kind {
                BlockKind::Heading(level) => Some(OutlineEntry {
                    block: i,
                    level,
                    text: self.paragraphs.get(i).cloned().unwrap_or_default(),
                }),
                _ => None,
            })
            .collect();
        if !headings.is_empty() {
            return headings;
        }
        self.paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.trim().is_empty())
            .map(|(i, p)| OutlineEntry {
                block: i,
                level: 1,
                text: p.split_whitespace().take(8).collect::<Vec<_>>().join(" "),
            })
            .collect()
    }

    /// The numbers of the links the cursor's paragraph holds, in order.
    pub fn links_here(&self) -> Vec<usize> {
        let rows = self.layout.blocks.get(self.cursor).cloned().unwrap_or(0..0);
        let mut found = Vec::new();
        for line in &self.rows(rows) {
            for seg in &line.segs {
                let number = seg
                    .text
                    .trim()
                    .strip_prefix('[')
                    .and_then(|t| t.strip_suffix(']'));
                if seg.style.role == crate::layout::Role::LinkRef
                    && let Some(n) = number.and_then(|n| n.parse().ok())
                    && !found.contains(&n)
                {
                    found.push(n);
                }
            }
        }
        found
    }

    /// The heading of the section the cursor is in.
    pub fn section(&self) -> Option<String> {
        use crate::document::BlockKind;
        let blocks = &self.analysed.body.document.blocks;
        (0..=self.cursor.min(blocks.len().saturating_sub(1)))
            .rev()
            .find(|&i| matches!(blocks.get(i).map(|b| &b.kind), Some(BlockKind::Heading(_))))
            .and_then(|i| self.paragraphs.get(i).cloned())
    }

    /// Notes that sit on a block, for the margin mark.
    pub fn block_has_note(&self, block: usize) -> bool {
        self.placements.contains(&Placement::Attached(block))
    }

    /// Where the reader is, as a percentage.
    pub fn percent(&self, rows: usize) -> usize {
        let max = self.max_scroll(rows);
        (self.scroll * 100).checked_div(max).unwrap_or(100)
    }
}
