//! The application state and the one function that changes it:
//! `App::update(Action) -> Vec<Effect>`. No IO and no terminal here:
//! effects say what IO to do, and its results come back as actions, so
//! tests drive the app without a disk or a terminal. The fields are
//! private; drawing and tests read them through the methods below.

mod action;
mod archive;
mod command;
mod correct;
mod editor;
mod effect;
mod explain;
mod mode;
mod mouse;
mod navigate;
mod notes;
mod open;
mod reading;
mod results;
pub mod search;
mod typing;
mod update;
mod view;

pub use action::{Action, EditKey, EntityView, Loaded, PaneSizes, Snapshot};
pub use command::{Command, KeyContext};
pub use correct::CorrectionEdit;
pub use editor::{EditTarget, Editor};
pub use effect::{Effect, OpenRequest};
pub use mode::{Mode, Status, StatusKind};
pub use open::{Open, OutlineEntry};
pub use view::fuzzy_match;

use crate::entities::EntityKind;
pub use crate::entities::index::EntityIndex;
use crate::entities::watch::Watchlist;
use crate::notes::Note;
use crate::reading_state::ReadingState;
use crate::store::Briefing;
use std::collections::{BTreeSet, HashMap};

/// The four panes, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Articles,
    Reader,
    Entities,
    Notes,
}

impl Pane {
    pub const ALL: [Self; 4] = [Self::Articles, Self::Reader, Self::Entities, Self::Notes];

    pub fn title(self) -> &'static str {
        match self {
            Self::Articles => "Articles",
            Self::Reader => "Reader",
            Self::Entities => "Entities",
            Self::Notes => "Notes",
        }
    }

    /// The command that focuses the pane (for hints that name its key).
    pub fn focus_command(self) -> Command {
        match self {
            Self::Articles => Command::FocusArticles,
            Self::Reader => Command::FocusReader,
            Self::Entities => Command::FocusEntities,
            Self::Notes => Command::FocusNotes,
        }
    }

    fn step(self, forward: bool) -> Self {
        let i = Self::ALL.iter().position(|p| *p == self).unwrap_or(0);
        let n = Self::ALL.len();
        Self::ALL[if forward { (i + 1) % n } else { (i + n - 1) % n }]
    }
}

/// How the Articles list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Date,
    Title,
    Source,
    /// Most watchlist hits first.
    Watch,
}

/// Which briefings Articles shows by their marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shown {
    #[default]
    All,
    Unread,
    Starred,
}

/// A filter on the Articles list by entity, with what the archive knows
/// of it.
#[derive(Debug, Clone)]
pub struct EntityFilter {
    pub name: String,
    pub kind: EntityKind,
    pub ids: BTreeSet<String>,
    pub view: EntityView,
}

/// The archive's search results, shown in place of the Articles list.
#[derive(Debug, Clone)]
pub struct SearchResults {
    pub query: String,
    pub hits: Vec<crate::index::Hit>,
    pub selected: usize,
}

/// Where the index update is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IndexJob {
    Idle,
    Running,
    /// Running, but the store or watchlist changed since it started: one
    /// more update follows.
    RunningStale,
}

/// Everything the UI shows.
#[derive(Debug)]
pub struct App {
    briefings: Vec<Briefing>,
    /// Indices into `briefings`, filtered and sorted: what Articles shows.
    view: Vec<usize>,
    selected: usize,
    sort: SortKey,
    shown: Shown,
    text_filter: String,
    entity_filter: Option<EntityFilter>,
    focus: Pane,
    open: Option<Open>,
    notes_count: HashMap<String, usize>,
    state: ReadingState,
    mode: Mode,
    status: Option<Status>,
    quit: bool,
    /// The watched entities each briefing names (from the index).
    watch_hits: HashMap<String, Vec<String>>,
    index_job: IndexJob,
    /// Files done and total of the update under way.
    progress: Option<(usize, usize)>,
    /// The archive's search results, shown in place of Articles.
    results: Option<SearchResults>,
    /// The briefing to open once it is listed (`brief FILE`, or the one
    /// open at the last quit).
    open_at_start: Option<String>,
    /// Where to put the cursor when this briefing opens: (id, paragraph,
    /// words to highlight) — a search result's place.
    pending_jump: Option<(String, usize, Vec<String>)>,
    /// Deleted notes, newest last, for undo.
    undo: Vec<(String, Note)>,
    /// This session's corrections, newest last, for undo.
    correction_undo: Vec<CorrectionEdit>,
    /// The watchlist or the corrections changed: once the index has
    /// every briefing analysed again, the open one's "in N" are asked anew.
    respread: bool,
    sizes: PaneSizes,
    /// Notes files that could not be written yet, by briefing id: kept
    /// across switching briefings and reloads, retried on every save and
    /// on a timer, and written to a recovery file on the way out.
    unsaved: HashMap<String, crate::notes::NotesFile>,
    /// Recovery files written on the way out.
    recovered: Vec<std::path::PathBuf>,
    watch: Watchlist,
    /// The widest the Reader wraps (0: the pane's width), from config.toml.
    wrap_width: usize,
}

impl App {
    pub fn new(briefings: Vec<Briefing>, state: ReadingState, notes_count: HashMap<String, usize>) -> Self {
        let mut app = Self {
            briefings,
            view: Vec::new(),
            selected: 0,
            sort: SortKey::Date,
            shown: Shown::All,
            text_filter: String::new(),
            entity_filter: None,
            focus: Pane::Articles,
            open: None,
            notes_count,
            state,
            mode: Mode::Normal,
            status: None,
            quit: false,
            watch_hits: HashMap::new(),
            index_job: IndexJob::Idle,
            progress: None,
            results: None,
            pending_jump: None,
            open_at_start: None,
            undo: Vec::new(),
            correction_undo: Vec::new(),
            respread: false,
            sizes: PaneSizes::default(),
            unsaved: HashMap::new(),
            recovered: Vec::new(),
            watch: Watchlist::default(),
            wrap_width: 0,
        };
        app.refresh_view();
        app
    }

    /// The watchlist from config.toml, whose names win over the recogniser.
    #[must_use]
    pub fn with_watchlist(mut self, watch: Watchlist) -> Self {
        self.watch = watch;
        self
    }

    /// The widest the Reader wraps (0: the pane's width).
    #[must_use]
    pub fn with_wrap_width(mut self, width: usize) -> Self {
        self.wrap_width = width;
        self
    }

    /// The briefing to open as soon as it is listed.
    #[must_use]
    pub fn with_open_at_start(mut self, id: Option<String>) -> Self {
        self.open_at_start = id;
        self
    }

    /// Opens the briefing asked for at start once the list has it.
    fn open_waiting(&mut self) -> Vec<Effect> {
        let Some(id) = &self.open_at_start else {
            return Vec::new();
        };
        let Some(i) = self.briefings.iter().position(|b| &b.id == id) else {
            return Vec::new();
        };
        self.open_at_start = None;
        if let Some(pos) = self.view.iter().position(|&v| v == i) {
            self.selected = pos;
        }
        self.focus = Pane::Reader;
        self.open_request(i).into_iter().collect()
    }

    /// A message to show at start (a warning from loading the state).
    #[must_use]
    pub fn with_warning(mut self, text: Option<String>) -> Self {
        if let Some(t) = text {
            self.warn(t);
        }
        self
    }

    pub fn briefings(&self) -> &[Briefing] {
        &self.briefings
    }

    /// What Articles lists: indices into [`Self::briefings`].
    pub fn view(&self) -> &[usize] {
        &self.view
    }

    /// The selected entry's place in [`Self::view`].
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn selected_briefing(&self) -> Option<&Briefing> {
        self.view.get(self.selected).map(|&i| &self.briefings[i])
    }

    pub fn sort(&self) -> SortKey {
        self.sort
    }

    pub fn shown(&self) -> Shown {
        self.shown
    }

    pub fn text_filter(&self) -> &str {
        &self.text_filter
    }

    pub fn entity_filter(&self) -> Option<&EntityFilter> {
        self.entity_filter.as_ref()
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn open(&self) -> Option<&Open> {
        self.open.as_ref()
    }

    /// The open briefing's place in [`Self::briefings`], if it is still
    /// in the store.
    pub fn open_index(&self) -> Option<usize> {
        let o = self.open.as_ref()?;
        self.briefings.iter().position(|b| b.id == o.id)
    }

    pub fn notes_count(&self, id: &str) -> usize {
        self.notes_count.get(id).copied().unwrap_or(0)
    }

    pub fn state(&self) -> &ReadingState {
        &self.state
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The note editor, when it is open.
    pub fn editor(&self) -> Option<&Editor> {
        match &self.mode {
            Mode::Editing(e) => Some(e),
            _ => None,
        }
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The watched entities a briefing names.
    pub fn watch_hits(&self, id: &str) -> &[String] {
        self.watch_hits.get(id).map_or(&[], Vec::as_slice)
    }

    /// The archive's search results, when they replace the Articles list.
    pub fn results(&self) -> Option<&SearchResults> {
        self.results.as_ref()
    }

    /// Files done and total of the index update under way.
    pub fn index_progress(&self) -> Option<(usize, usize)> {
        self.progress
    }

    /// Background work is under way whose end the user waits to see.
    pub fn is_busy(&self) -> bool {
        self.index_job != IndexJob::Idle || self.status.as_ref().is_some_and(|s| s.kind == StatusKind::Busy)
    }

    pub fn has_unsaved_notes(&self) -> bool {
        !self.unsaved.is_empty()
    }

    /// How many notes are not saved yet.
    pub fn unsaved_count(&self) -> usize {
        self.unsaved.values().map(|f| f.notes.len().max(1)).sum()
    }

    /// The notes files not saved yet, and where they were recovered to on
    /// the way out.
    pub fn unsaved(&self) -> (Vec<&crate::notes::NotesFile>, &[std::path::PathBuf]) {
        (self.unsaved.values().collect(), &self.recovered)
    }

    pub fn watchlist(&self) -> &Watchlist {
        &self.watch
    }

    pub fn sizes(&self) -> PaneSizes {
        self.sizes
    }

    /// Every notes file not saved yet, to be tried again.
    fn retry_unsaved(&self) -> Vec<Effect> {
        self.unsaved.values().cloned().map(Effect::SaveNotes).collect()
    }

    fn say(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Info, text, None);
    }

    fn busy(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Busy, text, None);
    }

    fn warn(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Error, text, None);
    }

    /// A message with a hint naming a command's keys ("— u undoes").
    fn hint(&mut self, text: impl Into<String>, command: Command, verb: &'static str) {
        self.set_status(StatusKind::Info, text, Some((command, verb)));
    }

    fn set_status(
        &mut self,
        kind: StatusKind,
        text: impl Into<String>,
        hint: Option<(Command, &'static str)>,
    ) {
        self.status = Some(Status {
            kind,
            text: text.into(),
            hint,
        });
    }

    /// Remembers where the reader is in the open briefing.
    fn remember_position(&mut self) {
        if let Some(o) = &self.open {
            self.state.positions.insert(o.id.clone(), o.cursor);
        }
    }

    /// Asks for the index to be brought up to date, unless an update is
    /// under way (then one more follows it).
    fn request_index(&mut self) -> Vec<Effect> {
        match self.index_job {
            IndexJob::Idle => {
                self.index_job = IndexJob::Running;
                vec![Effect::UpdateIndex {
                    watch: self.watch.clone(),
                }]
            }
            IndexJob::Running | IndexJob::RunningStale => {
                self.index_job = IndexJob::RunningStale;
                Vec::new()
            }
        }
    }

    /// The request to open the `index`th briefing.
    fn open_request(&self, index: usize) -> Option<Effect> {
        let b = self.briefings.get(index)?;
        Some(Effect::Open(OpenRequest {
            index,
            id: b.id.clone(),
            fingerprint: b.fingerprint,
            path: b.path.clone(),
            format: b.format,
            watch: self.watch.clone(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focus_cycles() {
        assert_eq!(Pane::Notes.step(true), Pane::Articles);
        assert_eq!(Pane::Articles.step(false), Pane::Notes);
    }
}
