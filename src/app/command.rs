//! The commands a key can be bound to: named in `config.toml`'s `[keys]`,
//! listed in the help overlay, and sent to `App::update` as
//! `Action::Command`.

use serde::{Deserialize, Serialize};

/// What a key asks for. Movement commands apply to the focused pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    FocusArticles,
    FocusReader,
    FocusEntities,
    FocusNotes,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    /// Enter: open a briefing, filter by an entity, jump to a note.
    Select,
    /// Esc: close an overlay or clear the filter.
    Back,
    NextMention,
    PrevMention,
    AddNote,
    EditNote,
    DeleteNote,
    Undo,
    Filter,
    /// Search every briefing and note of the archive.
    SearchArchive,
    Sort,
    /// Add the selected entity to the watchlist.
    Watch,
    /// Say why the selected entity (or the mention at hand) was
    /// recognised: the rule and its evidence.
    Explain,
    /// Correct the recogniser: the selected entity is not an entity.
    NotAnEntity,
    /// Correct the recogniser: choose the selected entity's kind.
    ChangeKind,
    /// Suspend to the shell (Ctrl-Z); `fg` brings the reader back.
    Suspend,
    /// Mark the selected briefing read, or unread again.
    ToggleRead,
    /// Star the selected briefing, or unstar it.
    Star,
    /// Show only unread briefings (again: all).
    UnreadOnly,
    /// Show only starred briefings (again: all).
    StarredOnly,
    /// The briefing's headings, to jump to one.
    Outline,
    /// Choose a link by its number, see its address, open it.
    Link,
    /// Open the briefing's own url (front matter), after showing it.
    OpenSource,
    /// Copy the Reader's paragraph (OSC 52).
    Copy,
    /// Copy the selected note (OSC 52).
    CopyNote,
    /// Write every note of the store to a Markdown file.
    ExportNotes,
    /// In the note editor: keep the note and close the editor.
    SaveNote,
    /// In the note editor: hand the text to `$VISUAL`/`$EDITOR`.
    ExternalEditor,
}

/// Where a command's keys apply: the panes, or the note editor (whose
/// other keys type text). A key may mean one thing in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyContext {
    Panes,
    Editor,
}

impl Command {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Self; 44] = [
        Self::Up,
        Self::Down,
        Self::Top,
        Self::Bottom,
        Self::PageDown,
        Self::PageUp,
        Self::HalfPageDown,
        Self::HalfPageUp,
        Self::Select,
        Self::Back,
        Self::FocusNext,
        Self::FocusPrev,
        Self::FocusArticles,
        Self::FocusReader,
        Self::FocusEntities,
        Self::FocusNotes,
        Self::NextMention,
        Self::PrevMention,
        Self::Outline,
        Self::Link,
        Self::OpenSource,
        Self::Copy,
        Self::CopyNote,
        Self::AddNote,
        Self::EditNote,
        Self::DeleteNote,
        Self::Undo,
        Self::ExportNotes,
        Self::Filter,
        Self::SearchArchive,
        Self::Sort,
        Self::ToggleRead,
        Self::Star,
        Self::UnreadOnly,
        Self::StarredOnly,
        Self::Watch,
        Self::Explain,
        Self::Help,
        Self::Suspend,
        Self::Quit,
        // Last of the panes' keys, so the first page of help keeps the
        // ones everybody needs.
        Self::NotAnEntity,
        Self::ChangeKind,
        Self::SaveNote,
        Self::ExternalEditor,
    ];

    /// The command's name in `config.toml`'s `[keys]` ("`add_note`").
    pub fn id(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// Where the command's keys work.
    pub fn context(self) -> KeyContext {
        match self {
            Self::SaveNote | Self::ExternalEditor => KeyContext::Editor,
            _ => KeyContext::Panes,
        }
    }

    /// What the help overlay says the action does.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Quit => "quit",
            Self::Help => "show or hide this help",
            Self::FocusNext => "focus the next pane",
            Self::FocusPrev => "focus the previous pane",
            Self::FocusArticles => "focus Articles",
            Self::FocusReader => "focus Reader",
            Self::FocusEntities => "focus Entities",
            Self::FocusNotes => "focus Notes",
            Self::Up => "move up (paragraph in Reader)",
            Self::Down => "move down (paragraph in Reader)",
            Self::Top => "go to the top",
            Self::Bottom => "go to the bottom",
            Self::PageUp => "page up",
            Self::PageDown => "page down",
            Self::HalfPageUp => "half a page up",
            Self::HalfPageDown => "half a page down",
            Self::Select => "open briefing / filter by entity / jump to note",
            Self::Back => "close, or clear the filter",
            Self::NextMention => "next mention of the selected entity, or search match",
            Self::PrevMention => "previous mention of the selected entity, or search match",
            Self::AddNote => "add a note on the Reader's paragraph",
            Self::EditNote => "edit the selected note",
            Self::DeleteNote => "delete the selected note",
            Self::Undo => "undo the last deleted note; in Entities, the last correction",
            Self::Filter => "filter Articles by text; in the Reader, search",
            Self::SearchArchive => {
                "search every briefing and note: words, \"phrases\", person: source: after: …"
            }
            Self::Sort => "sort articles: date, title, source, watchlist hits",
            Self::Watch => "watch the selected entity, or stop watching it (saved to config.toml)",
            Self::Explain => "why the selected entity, or the mention at the Reader's cursor, was recognised",
            Self::NotAnEntity => "Entities: it is not an entity, in every briefing (saved to config.toml)",
            Self::ChangeKind => "Entities: choose its kind, 1-6, in every briefing (saved to config.toml)",
            Self::Suspend => "suspend to the shell (fg returns)",
            Self::ToggleRead => "mark the briefing read or unread",
            Self::Outline => "outline: the briefing's headings; Enter jumps",
            Self::Link => "link: its number, Enter shows the address, Enter again opens it",
            Self::OpenSource => "show the briefing's url (front matter); Enter opens it",
            Self::Copy => "copy the Reader's paragraph (to the terminal's clipboard)",
            Self::CopyNote => "copy the selected note",
            Self::ExportNotes => "export every note of the store to a Markdown file",
            Self::Star => "star or unstar the briefing",
            Self::UnreadOnly => "show unread briefings only, or all",
            Self::StarredOnly => "show starred briefings only, or all",
            Self::SaveNote => "note editor: save the note and close",
            Self::ExternalEditor => "note editor: edit the note in $VISUAL/$EDITOR",
        }
    }
}
