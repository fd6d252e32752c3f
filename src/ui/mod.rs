//! Drawing only: turns the App into a frame (and, in `ansi`, laid-out
//! lines into text for `brief read`). Nothing here changes the app; a
//! frame records where it drew what, for the mouse.

pub mod ansi;
mod articles;
mod entities;
mod frame_map;
mod help;
mod notes;
mod overlay;
mod reader;
mod results;
mod status;
mod timeline;

pub use frame_map::{FrameMap, PaneMap};
pub use status::hints;

use crate::app::{App, Mode, Pane, PaneSizes};
use crate::keymap::Keymap;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// Below this size nothing but a message is drawn.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;

/// Where each pane goes for a terminal size and focus; panes that do not
/// fit are `None` (one key away: their number or Tab brings them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub articles: Option<Rect>,
    pub reader: Option<Rect>,
    pub entities: Option<Rect>,
    pub notes: Option<Rect>,
    pub status: Option<Rect>,
}

impl Areas {
    pub fn of(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Articles => self.articles,
            Pane::Reader => self.reader,
            Pane::Entities => self.entities,
            Pane::Notes => self.notes,
        }
    }

    fn set(&mut self, pane: Pane, r: Rect) {
        match pane {
            Pane::Articles => self.articles = Some(r),
            Pane::Reader => self.reader = Some(r),
            Pane::Entities => self.entities = Some(r),
            Pane::Notes => self.notes = Some(r),
        }
    }
}

/// Splits the screen: four panes when wide, list + reader when medium
/// (the side pane showing whichever of Articles, Entities, Notes has
/// focus), the focused pane alone when narrow.
pub fn areas(area: Rect, focus: Pane) -> Areas {
    let mut out = Areas::default();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return out;
    }
    let [main, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    out.status = Some(status);
    if area.width >= 100 && area.height >= 16 {
        let [left, mid, right] = Layout::horizontal([
            Constraint::Percentage(26),
            Constraint::Fill(1),
            Constraint::Percentage(26),
        ])
        .areas(main);
        let [top, bottom] = Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(right);
        out.articles = Some(left);
        out.reader = Some(mid);
        out.entities = Some(top);
        out.notes = Some(bottom);
    } else if area.width >= 60 {
        let [left, mid] = Layout::horizontal([Constraint::Percentage(36), Constraint::Fill(1)]).areas(main);
        let side = if focus == Pane::Reader {
            Pane::Articles
        } else {
            focus
        };
        out.set(side, left);
        out.reader = Some(mid);
    } else {
        out.set(focus, main);
    }
    out
}

/// Columns of the Reader's text: the pane inside its border, less the
/// two-column margin for the cursor and note marks and one column of air
/// on the right.
pub fn reader_text_size(r: Rect) -> (usize, usize) {
    (
        usize::from(r.width.saturating_sub(5)).max(1),
        usize::from(r.height.saturating_sub(2)).max(1),
    )
}

/// The sizes the panes get on a terminal of `area`; a pane not shown
/// keeps its last size (`current`).
pub fn pane_sizes(area: Rect, focus: Pane, current: PaneSizes) -> PaneSizes {
    let a = areas(area, focus);
    let mut sizes = current;
    if let Some(r) = a.reader {
        (sizes.reader_width, sizes.reader_rows) = reader_text_size(r);
    }
    if let Some(r) = a.articles.or(a.entities).or(a.notes) {
        sizes.list_rows = (usize::from(r.height.saturating_sub(2)) / 2).max(1);
    }
    sizes
}

/// What drawing needs besides the app: the colours and the keys (hints
/// and help name the user's keys).
#[derive(Debug, Clone, Copy)]
pub struct Look<'a> {
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
}

/// Draws one frame and records in `map` where each pane and item went.
pub fn draw(frame: &mut Frame<'_>, app: &App, look: Look<'_>, map: &mut FrameMap) {
    let theme = look.theme;
    map.begin(app);
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "terminal too small: {}×{} (need {MIN_WIDTH}×{MIN_HEIGHT})",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(Line::from(msg)), area);
        return;
    }
    let a = areas(area, app.focus());
    if let Some(r) = a.articles {
        articles::draw(frame, r, app, look, map);
    }
    if let Some(r) = a.reader {
        reader::draw(frame, r, app, look, map);
    }
    if let Some(r) = a.entities {
        entities::draw(frame, r, app, theme, map);
    }
    if let Some(r) = a.notes {
        notes::draw(frame, r, app, look, map);
    }
    if let Some(r) = a.status {
        status::draw(frame, r, app, look);
    }
    match app.mode() {
        Mode::Help { scroll, ids } => help::draw(frame, area, *scroll, *ids, look),
        Mode::Editing(editor) => overlay::draw_editor(frame, area, editor, look),
        Mode::Outline { selected } => {
            if let Some(open) = app.open() {
                overlay::draw_outline(frame, area, &open.outline(), *selected, look);
            }
        }
        Mode::Normal
        | Mode::Filter { .. }
        | Mode::Search { .. }
        | Mode::ArchiveSearch { .. }
        | Mode::Link { .. }
        | Mode::Export { .. }
        | Mode::ChooseKind { .. } => {}
    }
}

/// A pane's frame: bordered, its number and title, bold when focused.
fn pane_block<'a>(pane: Pane, app: &App, theme: &Theme, extra: &str) -> Block<'a> {
    let focused = app.focus() == pane;
    let n = Pane::ALL.iter().position(|p| *p == pane).unwrap_or(0) + 1;
    let title = if extra.is_empty() {
        format!(" {n} {} ", pane.title())
    } else {
        format!(" {n} {} · {extra} ", pane.title())
    };
    Block::bordered()
        .title(title)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title_style(if focused { theme.border_focused } else { theme.dim })
}

/// Cuts a string to `width` columns, with an ellipsis when cut.
fn truncate(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_owned();
    }
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_panes_when_wide_fewer_when_narrow() {
        let wide = areas(Rect::new(0, 0, 120, 40), Pane::Articles);
        assert!(
            wide.articles.is_some()
                && wide.reader.is_some()
                && wide.entities.is_some()
                && wide.notes.is_some()
        );
        let medium = areas(Rect::new(0, 0, 80, 24), Pane::Entities);
        assert!(medium.entities.is_some() && medium.reader.is_some() && medium.articles.is_none());
        let narrow = areas(Rect::new(0, 0, 40, 12), Pane::Notes);
        assert!(narrow.notes.is_some() && narrow.reader.is_none());
        assert_eq!(areas(Rect::new(0, 0, 10, 3), Pane::Reader), Areas::default());
    }

    #[test]
    fn truncation_respects_display_width() {
        assert_eq!(truncate("Miami talks", 20), "Miami talks");
        assert_eq!(truncate("Miami talks", 6), "Miami…");
        assert_eq!(truncate("東京東京", 5), "東京…");
    }
}
