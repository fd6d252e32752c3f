//! The IO the app asks for. An effect carries everything its IO needs, so
//! the code that performs it never reads the app; what it learns comes
//! back as an [`Action`](super::Action).

use super::CorrectionEdit;
use crate::entities::EntityKind;
use crate::entities::watch::Watchlist;
use crate::notes::NotesFile;
use crate::reading_state::ReadingState;
use crate::store::Format;
use std::path::PathBuf;

/// IO for the loop (or a test) to perform.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Read, parse and analyse a briefing and load its notes; answered by
    /// `Action::Opened` or `Action::OpenFailed`.
    Open(OpenRequest),
    /// Write a briefing's notes file (merging what others wrote) and index
    /// them for search; answered by `Action::NotesSaved`.
    SaveNotes(NotesFile),
    /// Write the reading state; a failure is answered by
    /// `Action::StateNotSaved`.
    SaveState(ReadingState),
    /// Bring the index up to date with the files; answered by
    /// `Action::IndexProgress` as it goes and `Action::IndexUpdated`.
    UpdateIndex { watch: Watchlist },
    /// Read the store's list from the index; answered by
    /// `Action::StoreChanged`.
    ReloadList,
    /// Count the briefings naming each entity; answered by `Action::Spread`.
    Spread {
        id: String,
        keys: Vec<(EntityKind, String)>,
    },
    /// The briefings naming an entity; answered by `Action::EntityResults`.
    EntityQuery { kind: EntityKind, name: String },
    /// Search the archive; answered by `Action::SearchResults`.
    Search(String),
    /// Add an entity to `config.toml`'s watchlist; answered by
    /// `Action::Watched`.
    Watch { name: String, kind: EntityKind },
    /// Take an entity off the watchlist; answered by `Action::Watched`.
    Unwatch { name: String, kind: EntityKind },
    /// Change `config.toml`'s `[[corrections]]` (an undo when `undo`);
    /// answered by `Action::Corrected`.
    Correct { edit: CorrectionEdit, undo: bool },
    /// Write notes that could not be saved to a recovery file; answered by
    /// `Action::Recovered`.
    Recover(NotesFile),
    /// Write every note of the store, as Markdown, to this file; answered
    /// by `Action::Exported`.
    ExportNotes(std::path::PathBuf),
    /// Open an address with the system's opener (after the user saw it);
    /// a failure is answered by `Action::OpenFailed`.
    OpenUrl(String),
    /// Put text on the terminal's clipboard (OSC 52, so it works over SSH
    /// and in tmux); answered by `Action::Copied`. Only the terminal loop
    /// can do this.
    Copy { what: String, text: String },
    /// Give the terminal back to the shell and stop (Ctrl-Z). Only the
    /// terminal loop can do this.
    Suspend,
    /// Hand the note being written to `$VISUAL`/`$EDITOR`; answered by
    /// `Action::ExternalEditDone`. Only the terminal loop can do this.
    EditExternally(String),
}

/// Which briefing to open, and the watchlist to analyse it with.
#[derive(Debug, Clone)]
pub struct OpenRequest {
    pub index: usize,
    pub id: String,
    /// The briefing's content fingerprint: its notes are found by it when
    /// it was renamed.
    pub fingerprint: u64,
    pub path: PathBuf,
    pub format: Format,
    pub watch: Watchlist,
}
