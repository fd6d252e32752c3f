//! The one place terminal events become actions: keys (through the keymap
//! in the panes and the editor, as text in prompts), paste, mouse (hit
//! tested against what the last frame drew) and resize.

use crate::app::{Action, App, EditKey, KeyContext, Mode};
use crate::keymap::Keymap;
use crate::ui::{self, FrameMap};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

/// The actions an event asks for, given the app's mode, the user's keys
/// and the last frame.
pub fn translate(event: &Event, app: &App, keymap: &Keymap, frame: &FrameMap) -> Vec<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            key_action(*key, app.mode(), keymap).into_iter().collect()
        }
        Event::Paste(text) => vec![Action::Paste(text.clone())],
        Event::Mouse(m) => {
            let Some((pane, target)) = frame.hit(m.column, m.row) else {
                return Vec::new();
            };
            match m.kind {
                MouseEventKind::Down(MouseButton::Left) => vec![Action::Click { pane, target }],
                MouseEventKind::ScrollDown => vec![Action::Scroll { pane, down: true }],
                MouseEventKind::ScrollUp => vec![Action::Scroll { pane, down: false }],
                _ => Vec::new(),
            }
        }
        Event::Resize(w, h) => {
            let sizes = ui::pane_sizes(Rect::new(0, 0, *w, *h), app.focus(), app.sizes());
            vec![Action::Resize(sizes)]
        }
        _ => Vec::new(),
    }
}

fn key_action(key: KeyEvent, mode: &Mode, keymap: &Keymap) -> Option<Action> {
    // The way out that always works, whatever the keys and the mode (the
    // note being written is saved on the way, as for a signal).
    if crate::keymap::is_ctrl_c(key) {
        return Some(Action::Shutdown);
    }
    match mode {
        Mode::Editing(_) => keymap
            .command(KeyContext::Editor, key)
            .map(Action::Command)
            .or_else(|| edit_key(key).map(Action::Edit)),
        Mode::Filter { .. }
        | Mode::Search { .. }
        | Mode::ArchiveSearch { .. }
        | Mode::Link { .. }
        | Mode::Export { .. }
        | Mode::ChooseKind { .. } => edit_key(key).map(Action::Edit),
        Mode::Normal | Mode::Help { .. } | Mode::Outline { .. } => {
            keymap.command(KeyContext::Panes, key).map(Action::Command)
        }
    }
}

/// A key that edits text; control and alt chords type nothing.
fn edit_key(key: KeyEvent) -> Option<EditKey> {
    let chord = key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Char(c) if !chord => EditKey::Char(c),
        KeyCode::Enter => EditKey::Enter,
        KeyCode::Esc => EditKey::Escape,
        KeyCode::Backspace => EditKey::Backspace,
        KeyCode::Delete => EditKey::Delete,
        KeyCode::Left => EditKey::Left,
        KeyCode::Right => EditKey::Right,
        KeyCode::Up => EditKey::Up,
        KeyCode::Down => EditKey::Down,
        KeyCode::Tab => EditKey::Tab,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Command;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_mean_commands_in_the_panes_and_text_in_the_editor() {
        let km = Keymap::default();
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert!(matches!(
            key_action(j, &Mode::Normal, &km),
            Some(Action::Command(Command::Down))
        ));
        let editing = Mode::Editing(crate::app::Editor::new(
            crate::app::EditTarget::New { ordinal: 0 },
            String::new(),
        ));
        assert!(matches!(
            key_action(j, &editing, &km),
            Some(Action::Edit(EditKey::Char('j')))
        ));
        let ctrl_s = key(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert!(matches!(
            key_action(ctrl_s, &editing, &km),
            Some(Action::Command(Command::SaveNote))
        ));
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        let filter = Mode::Filter { input: String::new() };
        assert!(matches!(
            key_action(esc, &filter, &km),
            Some(Action::Edit(EditKey::Escape))
        ));
        assert!(
            key_action(ctrl_s, &filter, &km).is_none(),
            "a chord types nothing"
        );
    }
}
