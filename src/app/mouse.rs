//! The mouse, as the input step reports it: a click names the pane and the
//! item drawn under the pointer (the frame recorded which), the wheel
//! scrolls the pane it is over. Nothing here knows rows or rectangles.

use super::{App, Command, Effect, Mode, Pane};

/// Rows the Reader moves per wheel notch.
const WHEEL_ROWS: isize = 3;

impl App {
    pub(super) fn click(&mut self, pane: Pane, target: Option<usize>) -> Vec<Effect> {
        if self.mode != Mode::Normal {
            return Vec::new();
        }
        self.focus = pane;
        let Some(target) = target else {
            return Vec::new();
        };
        match pane {
            Pane::Articles if self.results.is_some() => {
                let again = self.results.as_ref().is_some_and(|r| r.selected == target);
                self.move_result(|_, _| target);
                if again {
                    return self.pane_command(Command::Select);
                }
            }
            // A click on the selected briefing opens it.
            Pane::Articles if target == self.selected => return self.pane_command(Command::Select),
            Pane::Articles => self.selected = target.min(self.view.len().saturating_sub(1)),
            Pane::Reader => {
                let rows = self.sizes.reader_rows;
                if let Some(o) = self.open.as_mut() {
                    o.goto_block(target, rows);
                }
                self.remember_position();
            }
            Pane::Entities => {
                if let Some(o) = self.open.as_mut().filter(|o| target < o.groups.len()) {
                    o.entity_sel = target;
                    o.highlight = true;
                    o.mention_walk = None;
                }
            }
            Pane::Notes => {
                if let Some(o) = self.open.as_mut().filter(|o| target < o.note_order.len()) {
                    o.note_sel = target;
                }
            }
        }
        Vec::new()
    }

    /// The wheel moves the pane under the pointer, not the focused one.
    pub(super) fn scroll(&mut self, pane: Pane, down: bool) -> Vec<Effect> {
        if self.mode != Mode::Normal {
            return Vec::new();
        }
        if pane == Pane::Reader {
            let rows = self.sizes.reader_rows;
            if let Some(o) = self.open.as_mut() {
                o.scroll_by(if down { WHEEL_ROWS } else { -WHEEL_ROWS }, rows);
            }
            self.remember_position();
        } else {
            self.step(pane, if down { 1 } else { -1 });
        }
        Vec::new()
    }
}
