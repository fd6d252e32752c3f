//! Moving through the panes: entries, paragraphs, pages, the mentions of
//! an entity and the matches of a search.

use super::{App, Command, Pane};

impl App {
    /// Moves the selection of `pane` by `delta` entries (paragraphs in the
    /// Reader).
    pub(super) fn step(&mut self, pane: Pane, delta: isize) {
        let rows = self.sizes.reader_rows;
        match pane {
            Pane::Articles if self.move_result(|at, len| clamp_add(at, delta, len)) => {}
            Pane::Articles => {
                self.selected = clamp_add(self.selected, delta, self.view.len());
            }
            Pane::Reader => {
                if let Some(o) = self.open.as_mut() {
                    o.move_cursor(delta, rows);
                }
                self.remember_position();
            }
            Pane::Entities => {
                if let Some(o) = self.open.as_mut() {
                    o.entity_sel = step_shown(o.entity_sel, delta, o.groups.len(), |i| o.group_shown(i));
                    o.highlight = true;
                }
            }
            Pane::Notes => {
                if let Some(o) = self.open.as_mut() {
                    o.note_sel = step_shown(o.note_sel, delta, o.note_order.len(), |i| o.note_shown(i));
                }
            }
        }
    }

    pub(super) fn jump(&mut self, end: bool) {
        let rows = self.sizes.reader_rows;
        let pick = |len: usize| if end { len.saturating_sub(1) } else { 0 };
        let pane = self.focus;
        match pane {
            Pane::Articles if self.move_result(|_, len| pick(len)) => {}
            Pane::Articles => self.selected = pick(self.view.len()),
            Pane::Reader => {
                if let Some(o) = self.open.as_mut() {
                    if end {
                        o.scroll_to(usize::MAX, rows);
                        o.cursor = o.layout.blocks.iter().rposition(|r| !r.is_empty()).unwrap_or(0);
                    } else {
                        o.scroll_to(0, rows);
                        o.cursor = 0;
                    }
                }
                self.remember_position();
            }
            Pane::Entities => {
                if let Some(o) = self.open.as_mut() {
                    o.entity_sel = pick(o.groups.len());
                }
            }
            Pane::Notes => {
                if let Some(o) = self.open.as_mut() {
                    o.note_sel = pick(o.note_order.len());
                }
            }
        }
    }

    /// Pages by a whole (`divisor` 1) or half (2) screen.
    pub(super) fn page(&mut self, dir: isize, divisor: usize) {
        if self.focus == Pane::Reader {
            let rows = self.sizes.reader_rows;
            if let Some(o) = self.open.as_mut() {
                let by = (rows / divisor).max(1) as isize;
                o.scroll_by(dir * by, rows);
            }
            self.remember_position();
        } else {
            let by = (self.sizes.list_rows / divisor).max(1) as isize;
            self.step(self.focus, dir * by);
        }
    }

    pub(super) fn mention(&mut self, forward: bool) {
        let rows = self.sizes.reader_rows;
        let Some(o) = self.open.as_mut() else { return };
        let Some((n, total)) = o.step_mention(forward, rows) else {
            self.hint(
                "select an entity in the Entities pane first",
                Command::FocusEntities,
                "goes there",
            );
            return;
        };
        o.highlight = true;
        let name = o.selected_group().map(|g| g.name.clone()).unwrap_or_default();
        self.remember_position();
        self.say(format!("{name}: mention {n} of {total}"));
    }

    /// A Reader search is in force and the Reader has focus.
    pub(super) fn searching(&self) -> bool {
        self.focus == Pane::Reader && self.open.as_ref().is_some_and(|o| o.search.is_some())
    }

    /// Moves the cursor to the next (or previous) paragraph that matches.
    pub(super) fn search_step(&mut self, forward: bool) {
        let rows = self.sizes.reader_rows;
        let Some(o) = self.open.as_mut() else { return };
        let Some(search) = &o.search else { return };
        let query = search.query.clone();
        match search.step(o.cursor, forward) {
            Some((n, block)) => {
                let total = search.blocks.len();
                o.goto_block(block, rows);
                self.remember_position();
                self.hint(format!("“{query}”: {n} of {total}"), Command::Back, "clears");
            }
            None => self.say(format!("“{query}” is not in this briefing")),
        }
    }
}

/// Moves `delta` shown entries from `value` (entries `shown` says no to
/// are passed over), staying on the last shown one at either end.
fn step_shown(value: usize, delta: isize, len: usize, shown: impl Fn(usize) -> bool) -> usize {
    let mut at = value;
    for _ in 0..delta.unsigned_abs() {
        let next = if delta > 0 {
            (at + 1..len).find(|&i| shown(i))
        } else {
            (0..at).rev().find(|&i| shown(i))
        };
        match next {
            Some(n) => at = n,
            None => break,
        }
    }
    at
}

fn clamp_add(value: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (value as isize + delta).clamp(0, len as isize - 1) as usize
}
