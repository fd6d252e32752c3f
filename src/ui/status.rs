//! The status bar: the last message, else the keys that matter in the
//! focused pane (taken from the keymap, so they are always right).

use super::Look;
use crate::app::{App, Command, KeyContext, Mode, Pane, Status};
use crate::keymap::Keymap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The actions worth showing for a pane.
fn pane_actions(pane: Pane) -> &'static [Command] {
    match pane {
        Pane::Articles => &[
            Command::Down,
            Command::Select,
            Command::Filter,
            Command::Sort,
            Command::FocusNext,
            Command::Help,
            Command::Quit,
        ],
        Pane::Reader => &[
            Command::Down,
            Command::Filter,
            Command::PageDown,
            Command::AddNote,
            Command::NextMention,
            Command::FocusNext,
            Command::Help,
            Command::Quit,
        ],
        Pane::Entities => &[
            Command::Down,
            Command::Select,
            Command::NextMention,
            Command::FocusNext,
            Command::Help,
            Command::Quit,
        ],
        Pane::Notes => &[
            Command::Down,
            Command::Select,
            Command::EditNote,
            Command::DeleteNote,
            Command::Undo,
            Command::Help,
            Command::Quit,
        ],
    }
}

fn short(a: Command) -> &'static str {
    match a {
        Command::Down => "move",
        Command::Select => "open",
        Command::Filter => "filter",
        Command::Sort => "sort",
        Command::FocusNext => "next pane",
        Command::Help => "help",
        Command::Quit => "quit",
        Command::PageDown => "page",
        Command::AddNote => "note",
        Command::NextMention => "next mention",
        Command::EditNote => "edit",
        Command::DeleteNote => "delete",
        Command::Undo => "undo",
        _ => "",
    }
}

/// The key hints for a pane, e.g. "j move · Enter open", cut to `width`
/// columns by dropping middle hints first (help and quit always stay).
pub fn hints(focus: Pane, keymap: &Keymap, width: usize) -> String {
    let mut parts: Vec<String> = pane_actions(focus)
        .iter()
        .map(|&a| {
            let key = first_key(keymap, a);
            let label = match (a, focus) {
                (Command::Select, Pane::Entities) => "briefings naming it",
                (Command::Select, Pane::Notes) => "go to paragraph",
                (Command::Filter, Pane::Reader) => "search",
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

/// The first key of a command, as hints show it.
pub(super) fn first_key(keymap: &Keymap, command: Command) -> String {
    keymap
        .keys_for(command)
        .first()
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// A status message with its hint ("note deleted — u undoes"), the hint
/// naming the user's keys.
pub fn message(status: &Status, keymap: &Keymap) -> String {
    let text = crate::sanitize::sanitize(&status.text);
    match status.hint {
        Some((command, verb)) => format!("{text} — {} {verb}", first_key(keymap, command)),
        None => text.into_owned(),
    }
}

/// The note editor's keys, from the keymap ("Esc/Ctrl-s save").
pub fn editor_keys(keymap: &Keymap) -> String {
    let mut parts = vec!["Enter new line".to_owned()];
    for (command, what) in [(Command::SaveNote, "save"), (Command::ExternalEditor, "$EDITOR")] {
        debug_assert_eq!(command.context(), KeyContext::Editor);
        let keys = keymap.label(command);
        if !keys.is_empty() {
            parts.push(format!("{keys} {what}"));
        }
    }
    parts.join(" · ")
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, look: Look<'_>) {
    let theme = look.theme;
    let line = match app.mode() {
        Mode::Search { input } => Line::from(vec![
            Span::styled(" search: ", theme.accent),
            Span::raw(format!("{}▏", crate::sanitize::sanitize(input))),
            Span::styled("  Enter finds · n/N next/previous · Esc cancels", theme.dim),
        ]),
        Mode::ArchiveSearch { input } => Line::from(vec![
            Span::styled(" search all: ", theme.accent),
            Span::raw(format!("{}▏", crate::sanitize::sanitize(input))),
            Span::styled(
                "  Enter searches · \"phrase\" prefix* OR NOT · person: org: place: source: tag: after: before: · Esc cancels",
                theme.dim,
            ),
        ]),
        Mode::Link { input, url: None } => {
            let only = app
                .open()
                .map(crate::app::Open::links_here)
                .filter(|l| l.len() == 1);
            let hint = match only {
                Some(l) if input.is_empty() => {
                    format!("  Enter alone: this paragraph's link [{}] · Esc cancels", l[0])
                }
                _ => "  Enter shows its address · Esc cancels".to_owned(),
            };
            Line::from(vec![
                Span::styled(" link number: ", theme.accent),
                Span::raw(format!("{}▏", crate::sanitize::sanitize(input))),
                Span::styled(hint, theme.dim),
            ])
        }
        Mode::Link { url: Some(url), .. } => Line::from(vec![
            Span::styled(" open ", theme.accent),
            // The whole address, whatever the link's text said.
            Span::raw(crate::sanitize::sanitize(url).into_owned()),
            Span::styled(" ?  Enter or o opens · Esc cancels", theme.dim),
        ]),
        Mode::Export { input } => Line::from(vec![
            Span::styled(" export notes to: ", theme.accent),
            Span::raw(format!("{}▏", crate::sanitize::sanitize(input))),
            Span::styled("  Enter writes the Markdown file · Esc cancels", theme.dim),
        ]),
        Mode::ChooseKind { name, kind } => {
            // The choices first, so that an 80-column bar shows them all
            // whatever the name's length.
            let choices: Vec<String> = crate::entities::EntityKind::ALL
                .iter()
                .enumerate()
                .map(|(i, k)| format!("{} {k}", i + 1))
                .collect();
            Line::from(vec![
                Span::styled(" kind: ", theme.accent),
                Span::raw(choices.join("  ")),
                Span::styled("  x none · Esc", theme.dim),
                Span::styled(
                    format!(" · {} is {kind}", crate::sanitize::sanitize(name)),
                    theme.accent,
                ),
            ])
        }
        Mode::Filter { input } => Line::from(vec![
            Span::styled(" filter: ", theme.accent),
            Span::raw(format!("{}▏", crate::sanitize::sanitize(input))),
            Span::styled("  Enter keeps · Esc clears", theme.dim),
        ]),
        Mode::Editing(_) => Line::from(Span::styled(
            format!(" writing a note — {} (empty: not kept)", editor_keys(look.keymap)),
            theme.accent,
        )),
        Mode::Normal | Mode::Help { .. } | Mode::Outline { .. } => match app.status() {
            None if app.index_progress().is_some() => {
                let (done, total) = app.index_progress().unwrap_or_default();
                Line::from(Span::styled(
                    format!(" indexing the archive: {done} of {total} briefings…"),
                    theme.dim,
                ))
            }
            Some(s) => Line::from(Span::styled(
                format!(" {}", message(s, look.keymap)),
                if s.is_error() { theme.error } else { theme.text },
            )),
            None if app.has_unsaved_notes() => Line::from(Span::styled(
                format!(
                    " {} notes not saved yet (kept in memory, tried again every few seconds)",
                    app.unsaved_count()
                ),
                theme.error,
            )),
            None => Line::from(Span::styled(
                format!(" {}", hints(app.focus(), look.keymap, usize::from(area.width))),
                theme.dim,
            )),
        },
    };
    frame.render_widget(Paragraph::new(line), area);
}
