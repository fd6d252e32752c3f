//! The Articles pane: one two-line entry per briefing.

use super::{FrameMap, Look, pane_block, truncate};
use crate::app::{App, Command, Pane, Shown};
use crate::sanitize::sanitize;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

/// Rows an entry takes: the title, then date · source · marks.
const ENTRY_ROWS: usize = 2;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, look: Look<'_>, map: &mut FrameMap) {
    if let Some(results) = app.results() {
        super::results::draw(frame, area, app, results, look, map);
        return;
    }
    let theme = look.theme;
    let view = app.view();
    let mut extra = match (app.entity_filter(), app.text_filter().is_empty()) {
        // The count first: a long filter is cut at the border, not the count.
        (Some(f), _) => format!("{} · {}", view.len(), f.name),
        (None, false) => format!("{} · /{}", view.len(), app.text_filter()),
        (None, true) => format!("{}", view.len()),
    };
    match app.shown() {
        Shown::All => {}
        Shown::Unread => extra.push_str(" unread"),
        Shown::Starred => extra.push_str(" starred"),
    }
    // The order is part of what the list says, not a passing message.
    match app.sort() {
        crate::app::SortKey::Date => {}
        crate::app::SortKey::Title => extra.push_str(" · by title"),
        crate::app::SortKey::Source => extra.push_str(" · by source"),
        crate::app::SortKey::Watch => extra.push_str(" · by watch hits"),
    }
    let block = pane_block(Pane::Articles, app, theme, &extra);
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(f) = app.entity_filter() {
        // The entity across the archive: mentions per day, and its company.
        inner = super::timeline::draw(frame, inner, &f.view, theme);
    }
    let width = usize::from(inner.width);
    let open_index = app.open_index();
    // Only the entries that fit are built: a store of 10,000 briefings costs
    // what a screenful does. The first one shown moves just enough to keep
    // the selection in view, as ratatui's list would.
    let fit = (usize::from(inner.height) / ENTRY_ROWS).max(1);
    let selected = app.selected().min(view.len().saturating_sub(1));
    let mut first = map.offset(Pane::Articles).min(view.len().saturating_sub(1));
    if selected < first {
        first = selected;
    } else if selected >= first + fit {
        first = selected + 1 - fit;
    }
    let end = (first + fit + 1).min(view.len());
    let items: Vec<ListItem<'_>> = view[first..end]
        .iter()
        .map(|&i| entry(app, i, open_index == Some(i), width, theme))
        .collect();
    let empty = items.is_empty();
    let list = List::new(items).highlight_style(theme.selected);
    let mut state = ListState::default().with_selected((!empty).then_some(selected - first));
    frame.render_stateful_widget(list, inner, &mut state);
    let targets: Vec<(usize, Option<usize>)> = (first..end).map(|pos| (ENTRY_ROWS, Some(pos))).collect();
    map.record_window(
        Pane::Articles,
        area,
        inner,
        first + state.offset(),
        &targets[state.offset().min(targets.len())..],
    );
    if empty {
        let msg = if app.briefings().is_empty() {
            "no briefings in this store".to_owned()
        } else {
            format!(
                "nothing matches the filter — {} clears it",
                super::status::first_key(look.keymap, Command::Back)
            )
        };
        let r = Rect {
            x: inner.x + 1,
            y: inner.y,
            width: inner.width.saturating_sub(1),
            height: 1.min(inner.height),
        };
        frame.render_widget(ratatui::widgets::Paragraph::new(Span::styled(msg, theme.dim)), r);
    }
}

/// One briefing's entry: a mark (unread, open, broken), a star, its title;
/// then date · watch hits · source · notes.
fn entry<'a>(app: &App, i: usize, is_open: bool, width: usize, theme: &Theme) -> ListItem<'a> {
    let b = &app.briefings()[i];
    let unread = !app.state().read.contains(&b.id);
    let mark = if b.error.is_some() {
        Span::styled("! ", theme.error)
    } else if is_open {
        Span::styled("▸ ", theme.accent)
    } else if unread {
        Span::styled("● ", theme.accent)
    } else {
        Span::raw("  ")
    };
    let star = if app.state().starred.contains(&b.id) {
        "★ "
    } else {
        ""
    };
    let title = truncate(
        &sanitize(&b.meta.title),
        width.saturating_sub(2 + star.chars().count()),
    );
    let title_style = if unread {
        theme.text.add_modifier(ratatui::style::Modifier::BOLD)
    } else {
        theme.text
    };
    let mut meta = Vec::new();
    if let Some(d) = &b.meta.date {
        meta.push(d.clone());
    }
    // Watchlist hits come early so a narrow pane still shows them.
    let hits = app.watch_hits(&b.id);
    if !hits.is_empty() {
        let short: Vec<&str> = hits.iter().map(|h| h.rsplit(' ').next().unwrap_or(h)).collect();
        meta.push(format!("★ {}", short.join(", ")));
    }
    if let Some(s) = &b.meta.source {
        meta.push(s.clone());
    }
    let notes = app.notes_count(&b.id);
    if notes > 0 {
        meta.push(format!("✎{notes}"));
    }
    if b.error.is_some() {
        meta.push("cannot be read".into());
    }
    if meta.is_empty() {
        meta.push("undated".to_owned());
    }
    let meta = truncate(&sanitize(&meta.join(" · ")), width.saturating_sub(2));
    ListItem::new(vec![
        Line::from(vec![
            mark,
            Span::styled(star, theme.accent),
            Span::styled(title, title_style),
        ]),
        Line::from(vec![Span::raw("  "), Span::styled(meta, theme.dim)]),
    ])
}
