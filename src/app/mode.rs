//! What the app is doing now (one mode at a time, never a set of flags)
//! and the status line's message.

use super::{Command, Editor};
use crate::entities::EntityKind;

/// Where keys go.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    /// Keys are commands for the panes.
    #[default]
    Normal,
    /// The help overlay is open; it scrolls from this line, and shows each
    /// action's name for `config.toml` when `ids`.
    Help { scroll: usize, ids: bool },
    /// The Articles filter is being typed (it applies as you type).
    Filter { input: String },
    /// A Reader search is being typed (it applies on Enter).
    Search { input: String },
    /// A search of the whole archive is being typed (it runs on Enter).
    ArchiveSearch { input: String },
    /// The note editor is open.
    Editing(Editor),
    /// The outline of the open briefing is shown; this entry is selected.
    Outline { selected: usize },
    /// Where to write the notes export is being typed.
    Export { input: String },
    /// A link is being chosen by its number; once `url` is known it is
    /// shown in full and opens only on a second key.
    Link { input: String, url: Option<String> },
    /// The selected entity's right kind is being chosen (a number, or `x`:
    /// not an entity); `name` and `kind` are what the pane shows now.
    ChooseKind { name: String, kind: EntityKind },
}

/// How the status line shows a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    /// Work under way; the loop wakes more often to show its end.
    Busy,
    Error,
}

/// A message for the status line. A hint names a command rather than a
/// key, so the message is right whatever keys the user chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
    /// "— u undoes": the command's keys and what they do, drawn after the
    /// text.
    pub hint: Option<(Command, &'static str)>,
}

impl Status {
    pub fn is_error(&self) -> bool {
        self.kind == StatusKind::Error
    }
}
