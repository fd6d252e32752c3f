//! The status bar: the last message, else the keys that matter in the
//! focused pane (taken from the keymap, so they are always right).

use crate::app::{Action, App, Pane};
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The actions worth showing for a pane.
fn pane_actions(pane: Pane) -> &'static [Action] {
    match pane {
        Pane::Articles => &[
            Action::Down,
            Action::Select,
            Action::Filter,
            Action::Sort,
            Action::FocusNext,
            Action::Help,
            Action::Quit,
        ],
        Pane::Reader => &[
            Action::Down,
            Action::Filter,
            Action::PageDown,
            Action::AddNote,
            Action::NextMention,
            Action::FocusNext,
            Action::Help,
            Action::Quit,
        ],
        Pane::Entities => &[
            Action::Down,
            Action::Select,
            Action::NextMention,
            Action::FocusNext,
            Action::Help,
            Action::Quit,
        ],
        Pane::Notes => &[
            Action::Down,
            Action::Select,
            Action::EditNote,
            Action::DeleteNote,
            Action::Undo,
            Action::Help,
            Action::Quit,
        ],
    }
}

fn short(a: Action) -> &'static str {
    match a {
        Action::Down => "move",
        Action::Select => "open",
        Action::Filter => "filter",
        Action::Sort => "sort",
        Action::FocusNext => "next pane",
        Action::Help => "help",
        Action::Quit => "quit",
        Action::PageDown => "page",
        Action::AddNote => "note",
        Action::NextMention => "next mention",
        Action::EditNote => "edit",
        Action::DeleteNote => "delete",
        Action::Undo => "undo",
        _ => "",
    }
}

/// The key hints for a pane, e.g. "j move · Enter open", cut to `width`
/// columns by dropping middle hints first (help and quit always stay).
pub fn hints(app: &App, width: usize) -> String {
    let mut parts: Vec<String> = pane_actions(app.focus)
        .iter()
        .map(|&a| {
            let keys = app.keymap.keys_for(a);
            let key = keys.first().map(ToString::to_string).unwrap_or_default();
            let label = match (a, app.focus) {
                (Action::Select, Pane::Entities) => "briefings naming it",
                (Action::Select, Pane::Notes) => "go to paragraph",
                (Action::Filter, Pane::Reader) => "search",
                _ => short(a),
            };
            format!("{key} {label}")
        })
        .collect();
    let fits = |p: &[String]| p.iter().map(|s| s.chars().count() + 3).sum::<usize>() <= width;
    while !fits(&parts) && parts.len() > 2 {
        parts.remove(parts.len() - 3);
    }
    parts.join(" · ")
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let line = if let Some(query) = &app.search_input {
        Line::from(vec![
            Span::styled(" search: ", theme.accent),
            Span::raw(format!("{}▏", crate::sanitize::sanitize(query))),
            Span::styled("  Enter finds · n/N next/previous · Esc cancels", theme.dim),
        ])
    } else if let Some(input) = &app.input {
        Line::from(vec![
            Span::styled(" filter: ", theme.accent),
            Span::raw(format!("{input}▏")),
            Span::styled("  Enter keeps · Esc clears", theme.dim),
        ])
    } else if app.editor.is_some() {
        Line::from(Span::styled(
            " writing a note — Enter: new line · Esc or Ctrl-s: save (empty: not kept) · Ctrl-e: $EDITOR",
            theme.accent,
        ))
    } else if let Some(s) = &app.status {
        Line::from(Span::styled(
            format!(" {}", crate::sanitize::sanitize(&s.text)),
            if s.error { theme.error } else { theme.text },
        ))
    } else {
        Line::from(Span::styled(
            format!(" {}", hints(app, usize::from(area.width))),
            theme.dim,
        ))
    };
    frame.render_widget(Paragraph::new(line), area);
}
