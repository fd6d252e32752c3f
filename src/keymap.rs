//! Key bindings: text like "ctrl-d" or "shift-tab" <-> crossterm keys, and
//! the map from keys to commands (defaults overlaid by config.toml), one
//! map per context: a key may save a note in the editor and mean something
//! else in the panes. The keymap names commands; the app never sees keys.

use crate::app::{Command, KeyContext};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use std::fmt;

/// One key with its modifiers, comparable and printable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyBinding {
    pub code: KeyCodeOrd,
    pub ctrl: bool,
    pub alt: bool,
}

/// `KeyCode` with an order, so bindings sort in help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Delete,
    F(u8),
}

impl KeyBinding {
    pub fn from_event(e: KeyEvent) -> Option<Self> {
        let code = match e.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::Enter => KeyCodeOrd::Enter,
            KeyCode::Esc => KeyCodeOrd::Esc,
            KeyCode::Tab => KeyCodeOrd::Tab,
            KeyCode::BackTab => KeyCodeOrd::BackTab,
            KeyCode::Backspace => KeyCodeOrd::Backspace,
            KeyCode::Up => KeyCodeOrd::Up,
            KeyCode::Down => KeyCodeOrd::Down,
            KeyCode::Left => KeyCodeOrd::Left,
            KeyCode::Right => KeyCodeOrd::Right,
            KeyCode::Home => KeyCodeOrd::Home,
            KeyCode::End => KeyCodeOrd::End,
            KeyCode::PageUp => KeyCodeOrd::PageUp,
            KeyCode::PageDown => KeyCodeOrd::PageDown,
            KeyCode::Delete => KeyCodeOrd::Delete,
            KeyCode::F(n) => KeyCodeOrd::F(n),
            _ => return None,
        };
        Some(Self {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        })
    }

    /// Parses "j", "G", "ctrl-d", "shift-tab", "pagedown", "space", "f1".
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut ctrl = false;
        let mut alt = false;
        let mut shift = false;
        let mut rest = text.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower.strip_prefix("ctrl-").or_else(|| lower.strip_prefix("c-")) {
                ctrl = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("alt-") {
                alt = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("shift-") {
                shift = true;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCodeOrd::Char(if shift { c.to_ascii_uppercase() } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCodeOrd::Enter,
                "esc" | "escape" => KeyCodeOrd::Esc,
                "tab" if shift => KeyCodeOrd::BackTab,
                "tab" => KeyCodeOrd::Tab,
                "backtab" => KeyCodeOrd::BackTab,
                "backspace" => KeyCodeOrd::Backspace,
                "space" => KeyCodeOrd::Char(' '),
                "up" => KeyCodeOrd::Up,
                "down" => KeyCodeOrd::Down,
                "left" => KeyCodeOrd::Left,
                "right" => KeyCodeOrd::Right,
                "home" => KeyCodeOrd::Home,
                "end" => KeyCodeOrd::End,
                "pageup" | "pgup" => KeyCodeOrd::PageUp,
                "pagedown" | "pgdn" => KeyCodeOrd::PageDown,
                "delete" | "del" => KeyCodeOrd::Delete,
                f if f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
                    KeyCodeOrd::F(f[1..].parse().unwrap_or(1))
                }
                _ => return Err(format!("unknown key '{text}'")),
            },
        };
        Ok(Self { code, ctrl, alt })
    }
}

impl fmt::Display for KeyBinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("Space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::Enter => f.write_str("Enter"),
            KeyCodeOrd::Esc => f.write_str("Esc"),
            KeyCodeOrd::Tab => f.write_str("Tab"),
            KeyCodeOrd::BackTab => f.write_str("Shift-Tab"),
            KeyCodeOrd::Backspace => f.write_str("Backspace"),
            KeyCodeOrd::Up => f.write_str("↑"),
            KeyCodeOrd::Down => f.write_str("↓"),
            KeyCodeOrd::Left => f.write_str("←"),
            KeyCodeOrd::Right => f.write_str("→"),
            KeyCodeOrd::Home => f.write_str("Home"),
            KeyCodeOrd::End => f.write_str("End"),
            KeyCodeOrd::PageUp => f.write_str("PageUp"),
            KeyCodeOrd::PageDown => f.write_str("PageDown"),
            KeyCodeOrd::Delete => f.write_str("Delete"),
            KeyCodeOrd::F(n) => write!(f, "F{n}"),
        }
    }
}

/// Keys to commands, per context.
#[derive(Debug, Clone)]
pub struct Keymap {
    map: BTreeMap<(KeyContext, KeyBinding), Command>,
    /// Bindings in the order they were given, so the first key listed for
    /// a command is the one hints show ("Enter open", not "l open").
    order: Vec<(KeyContext, KeyBinding)>,
}

/// The built-in bindings: vim keys and arrows both.
const DEFAULTS: &[(Command, &[&str])] = &[
    (Command::Quit, &["q", "ctrl-c"]),
    (Command::Help, &["?", "f1"]),
    (Command::FocusNext, &["tab"]),
    (Command::FocusPrev, &["shift-tab"]),
    (Command::FocusArticles, &["1"]),
    (Command::FocusReader, &["2"]),
    (Command::FocusEntities, &["3"]),
    (Command::FocusNotes, &["4"]),
    (Command::Up, &["k", "up"]),
    (Command::Down, &["j", "down"]),
    (Command::Top, &["g", "home"]),
    (Command::Bottom, &["G", "end"]),
    (Command::PageUp, &["pageup", "ctrl-b"]),
    (Command::PageDown, &["pagedown", "space", "ctrl-f"]),
    (Command::HalfPageUp, &["ctrl-u"]),
    (Command::HalfPageDown, &["ctrl-d"]),
    (Command::Select, &["enter", "right"]),
    (Command::Back, &["esc", "h", "left"]),
    (Command::NextMention, &["n"]),
    (Command::PrevMention, &["N"]),
    (Command::AddNote, &["a"]),
    (Command::EditNote, &["e"]),
    (Command::DeleteNote, &["d"]),
    (Command::Undo, &["u"]),
    (Command::Filter, &["/"]),
    (Command::SearchArchive, &["S"]),
    (Command::Sort, &["s"]),
    (Command::Watch, &["w"]),
    (Command::Explain, &["i"]),
    (Command::NotAnEntity, &["x"]),
    // `k` moves up, in Entities too: the kind is on Shift-k.
    (Command::ChangeKind, &["K"]),
    (Command::Suspend, &["ctrl-z"]),
    (Command::ToggleRead, &["m"]),
    (Command::Star, &["*"]),
    (Command::UnreadOnly, &["U"]),
    (Command::StarredOnly, &["'"]),
    (Command::Outline, &["o"]),
    (Command::Link, &["l"]),
    (Command::OpenSource, &["O"]),
    (Command::Copy, &["y"]),
    (Command::CopyNote, &["Y"]),
    (Command::ExportNotes, &["E"]),
    (Command::SaveNote, &["esc", "ctrl-s"]),
    (Command::ExternalEditor, &["ctrl-e"]),
];

impl Default for Keymap {
    fn default() -> Self {
        let mut km = Self {
            map: BTreeMap::new(),
            order: Vec::new(),
        };
        for (command, keys) in DEFAULTS {
            for k in *keys {
                if let Ok(b) = KeyBinding::parse(k) {
                    km.bind(b, *command);
                }
            }
        }
        km
    }
}

/// Why a set of bindings would trap or confuse the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapError {
    /// A command left with no key at all.
    Unbound(Command),
    /// One key given to two commands where both apply.
    Conflict {
        key: KeyBinding,
        first: Command,
        second: Command,
    },
    /// Ctrl-C is the way out that always works.
    CtrlC(Command),
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unbound(c) => write!(f, "keys.{}: no key left for it; every command needs one", c.id()),
            Self::Conflict { key, first, second } => write!(
                f,
                "keys.{}: '{key}' is also the key of {}; give one of them another key",
                second.id(),
                first.id()
            ),
            Self::CtrlC(c) => write!(f, "keys.{}: Ctrl-c always quits and cannot be bound", c.id()),
        }
    }
}

/// Ctrl-C, which always quits, in any mode.
pub fn is_ctrl_c(key: KeyEvent) -> bool {
    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
}

impl Keymap {
    /// Overlays user bindings and checks the result: every command keeps a
    /// key, no key means two things where both apply, Ctrl-C stays quit.
    /// The command named in an error is one of `overrides`' (the user's).
    pub fn checked(overrides: &BTreeMap<Command, Vec<KeyBinding>>) -> Result<Self, KeymapError> {
        let ctrl_c = KeyBinding::parse("ctrl-c").ok();
        for (command, keys) in overrides {
            if *command != Command::Quit && keys.iter().any(|k| Some(*k) == ctrl_c) {
                return Err(KeymapError::CtrlC(*command));
            }
        }
        let mut seen: BTreeMap<(KeyContext, KeyBinding), Command> = BTreeMap::new();
        let km = Self::with_overrides(overrides);
        // A command the user left alone keeps its default keys: a user key
        // that takes one of them is a clash, not a silent unbinding.
        let defaults = Self::default();
        // The user's commands last, so that an error names what they wrote.
        let mut commands: Vec<Command> = Command::ALL.to_vec();
        commands.sort_by_key(|c| overrides.contains_key(c));
        for command in commands {
            let keys = match overrides.get(&command) {
                Some(keys) => keys.clone(),
                None => defaults.keys_for(command),
            };
            if keys.is_empty() {
                return Err(KeymapError::Unbound(command));
            }
            for key in keys {
                if let Some(first) = seen.insert((command.context(), key), command)
                    && first != command
                {
                    return Err(KeymapError::Conflict {
                        key,
                        first,
                        second: command,
                    });
                }
            }
        }
        Ok(km)
    }

    /// Overlays user bindings: each command listed replaces all of its
    /// default keys.
    pub fn with_overrides(overrides: &BTreeMap<Command, Vec<KeyBinding>>) -> Self {
        let mut km = Self::default();
        for (command, keys) in overrides {
            km.map.retain(|_, c| c != command);
            for k in keys {
                km.bind(*k, *command);
            }
        }
        km
    }

    fn bind(&mut self, key: KeyBinding, command: Command) {
        let slot = (command.context(), key);
        self.order.retain(|k| *k != slot);
        self.order.push(slot);
        self.map.insert(slot, command);
    }

    /// The command a key asks for in a context.
    pub fn command(&self, context: KeyContext, key: KeyEvent) -> Option<Command> {
        // Shift is not part of a char binding: the character ('G') says it.
        self.map.get(&(context, KeyBinding::from_event(key)?)).copied()
    }

    /// The keys of a command, for help and the status bar.
    pub fn keys_for(&self, command: Command) -> Vec<KeyBinding> {
        self.order
            .iter()
            .filter(|slot| self.map.get(slot) == Some(&command))
            .map(|(_, k)| *k)
            .collect()
    }

    /// "j/↓" — the keys of a command joined for display.
    pub fn label(&self, command: Command) -> String {
        self.keys_for(command)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_keys() {
        for (text, shown) in [
            ("j", "j"),
            ("ctrl-d", "Ctrl-d"),
            ("shift-tab", "Shift-Tab"),
            ("space", "Space"),
            ("G", "G"),
            ("pagedown", "PageDown"),
        ] {
            assert_eq!(KeyBinding::parse(text).unwrap().to_string(), shown);
        }
        assert!(KeyBinding::parse("hyper-x").is_err());
    }

    #[test]
    fn defaults_cover_every_action() {
        let km = Keymap::default();
        for c in Command::ALL {
            assert!(!km.keys_for(c).is_empty(), "{c:?} has no key");
        }
        let key = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(km.command(KeyContext::Panes, key), Some(Command::HalfPageDown));
        assert_eq!(
            km.command(
                KeyContext::Panes,
                KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)
            ),
            Some(Command::Down)
        );
        assert_eq!(km.label(Command::Select), "Enter/→");
        assert_eq!(km.keys_for(Command::Quit)[0].to_string(), "q");
    }

    #[test]
    fn one_key_means_one_thing_per_context() {
        let km = Keymap::default();
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(km.command(KeyContext::Panes, esc), Some(Command::Back));
        assert_eq!(km.command(KeyContext::Editor, esc), Some(Command::SaveNote));
        let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(
            km.command(KeyContext::Editor, j),
            None,
            "j types a j in the editor"
        );
        assert_eq!(km.label(Command::Back), "Esc/h/←");
    }

    #[test]
    fn overrides_replace_an_actions_keys() {
        let mut o = BTreeMap::new();
        o.insert(Command::Quit, vec![KeyBinding::parse("x").unwrap()]);
        let km = Keymap::with_overrides(&o);
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(km.command(KeyContext::Panes, key('x')), Some(Command::Quit));
        assert_eq!(km.command(KeyContext::Panes, key('q')), None);
    }
}
