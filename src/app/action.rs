//! Every input and every IO result as a value: keys, typing, paste, mouse,
//! resize and what the effects learned all reach the app as an `Action`,
//! so `App::update` is the one place state changes and tests can send
//! anything the terminal can.

use super::{Command, CorrectionEdit, Pane};
use crate::analysis::Analysed;
use crate::entities::EntityKind;
use crate::entities::corrections::Correction;
use crate::entities::watch::Watched;
use crate::index::{EntityHit, Hit, UpdateReport};
use crate::notes::NotesFile;
use crate::store::Briefing;
use std::collections::HashMap;
use std::path::PathBuf;

/// Something for the app to take in.
#[derive(Debug, Clone)]
pub enum Action {
    /// A bound key (or a test) asks for a command.
    Command(Command),
    /// A key that edits text, in the note editor or a prompt.
    Edit(EditKey),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// A left click: the pane under the pointer and the item drawn on that
    /// row (a briefing's place in the list, an entity, a note, a paragraph),
    /// as the last frame recorded it.
    Click { pane: Pane, target: Option<usize> },
    /// The mouse wheel over a pane.
    Scroll { pane: Pane, down: bool },
    /// The panes' text sizes changed (terminal resized, layout switched).
    Resize(PaneSizes),
    /// The reader starts: the index is to be brought up to date.
    Start,
    /// A signal (or Ctrl-C) asks the process to stop: save what can be
    /// saved, the note being written included.
    Shutdown,
    /// A briefing was read and analysed (its entities may follow).
    Opened(Box<Loaded>),
    /// A briefing could not be read.
    OpenFailed(String),
    /// A big briefing's entities, found in the background.
    EntitiesFound { id: String, analysed: Box<Analysed> },
    /// The index update under way has done this many files of so many.
    IndexProgress { done: usize, total: usize },
    /// The index is up to date with the files (or could not be updated).
    IndexUpdated(Result<Box<Snapshot>, String>),
    /// The store's files changed on disk (seen from their metadata).
    StoreTouched,
    /// The store's list, as it is now.
    StoreChanged(Vec<Briefing>),
    /// How many briefings name each of the open briefing's entities.
    Spread { id: String, counts: Vec<usize> },
    /// The briefings naming an entity, with its timeline, or why not.
    EntityResults {
        kind: EntityKind,
        name: String,
        result: Result<Box<EntityView>, String>,
    },
    /// A search of the archive answered.
    SearchResults {
        query: String,
        result: Result<Vec<Hit>, String>,
    },
    /// The notes file of a briefing was written (with what other instances
    /// had added, merged in), or could not be (the file as it was sent,
    /// and why).
    NotesSaved {
        id: String,
        result: Result<NotesFile, (NotesFile, String)>,
    },
    /// Time passed: notes not saved yet are tried again.
    Tick,
    /// The notes export was written here (or could not be).
    Exported(Result<PathBuf, String>),
    /// Text went to the clipboard (what it was, how many characters), or
    /// could not.
    Copied(Result<(String, usize), String>),
    /// Notes that could not be saved were written to this recovery file.
    Recovered(Result<PathBuf, String>),
    /// The reading state could not be written.
    StateNotSaved(String),
    /// `config.toml`'s watchlist was updated (or could not be).
    Watched {
        name: String,
        /// Put on (true) or taken off (false).
        on: bool,
        file: PathBuf,
        result: Result<Vec<Watched>, String>,
    },
    /// `config.toml`'s corrections were changed (or could not be): every
    /// correction now in force.
    Corrected {
        edit: CorrectionEdit,
        /// It undid an earlier one.
        undo: bool,
        file: PathBuf,
        result: Result<Vec<Correction>, String>,
    },
    /// The external editor finished: the note's new text, or why not.
    ExternalEditDone(Result<String, String>),
}

impl From<Command> for Action {
    fn from(c: Command) -> Self {
        Self::Command(c)
    }
}

/// Keys that edit text. Their meaning is fixed (as in every text field);
/// only the note editor's save and `$EDITOR` keys are configurable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKey {
    Char(char),
    Enter,
    Escape,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Tab,
}

/// The text area of the Reader and the rows of the list panes, as the
/// layout gives them for the terminal's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneSizes {
    pub reader_width: usize,
    pub reader_rows: usize,
    /// Entries a list pane shows at once (for paging).
    pub list_rows: usize,
}

impl Default for PaneSizes {
    fn default() -> Self {
        Self {
            reader_width: 60,
            reader_rows: 20,
            list_rows: 20,
        }
    }
}

/// The index after an update: the list and the watch hits of every
/// briefing, and what changed.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub briefings: Vec<Briefing>,
    pub watch_hits: HashMap<String, Vec<String>>,
    pub report: UpdateReport,
}

/// An entity across the archive: the briefings naming it (newest first),
/// its mentions per day, and the entities it most often appears with.
#[derive(Debug, Clone, Default)]
pub struct EntityView {
    pub briefings: Vec<EntityHit>,
    pub timeline: Vec<(String, u64)>,
    pub with: Vec<(EntityKind, String, u64)>,
}

/// A briefing as the effect that opened it found it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Index into the briefings the request named.
    pub index: usize,
    pub id: String,
    pub analysed: Analysed,
    /// The notes file, or why it could not be read.
    pub notes: Result<NotesFile, String>,
    /// Its entities are being found in the background.
    pub entities_pending: bool,
}
