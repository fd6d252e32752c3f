//! The application state and the one function that changes it:
//! `App::update(Action) -> Vec<Effect>`. No IO here; effects say what IO
//! the loop must do, so tests can drive the app without a disk.

mod action;
mod editor;
mod open;
pub mod search;
mod update;

pub use action::Action;
pub use editor::{EditTarget, Editor};
pub use open::Open;

use crate::keymap::Keymap;
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

/// IO the loop performs for the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read, parse and analyse a briefing, load its notes, then call
    /// `App::opened`.
    Open(usize),
    /// Write the open briefing's notes file.
    SaveNotes,
    /// Write the reading state.
    SaveState,
    /// Find the entities of every briefing (for filtering by entity), then
    /// call `App::indexed`.
    IndexEntities,
    /// Add an entity to the watchlist in config.toml, then analyse again.
    Watch {
        name: String,
        kind: crate::entities::EntityKind,
    },
    /// Hand the note being written to `$VISUAL`/`$EDITOR` and take back
    /// what it saved (the loop leaves the terminal to it meanwhile).
    EditExternally,
}

/// A filter on the Articles list by entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityFilter {
    pub name: String,
    pub kind: crate::entities::EntityKind,
    pub ids: BTreeSet<String>,
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub use crate::entities::index::EntityIndex;

/// Everything the UI shows.
#[derive(Debug)]
pub struct App {
    pub briefings: Vec<Briefing>,
    /// Indices into `briefings`, filtered and sorted: what Articles shows.
    pub view: Vec<usize>,
    pub selected: usize,
    pub sort: SortKey,
    pub text_filter: String,
    pub entity_filter: Option<EntityFilter>,
    pub focus: Pane,
    pub open: Option<Open>,
    pub notes_count: HashMap<String, usize>,
    pub state: ReadingState,
    pub editor: Option<Editor>,
    /// The filter being typed after `/`.
    pub input: Option<String>,
    /// The Reader search being typed after `/` in the Reader.
    pub search_input: Option<String>,
    pub status: Option<Status>,
    pub help: bool,
    /// First line of the help overlay shown (it scrolls when the terminal
    /// is short).
    pub help_scroll: usize,
    pub quit: bool,
    pub keymap: Keymap,
    pub entity_index: Option<EntityIndex>,
    /// Deleted notes, newest last, for undo.
    pub undo: Vec<(String, Note)>,
    /// Rows and columns of the Reader's text area, set by the loop from
    /// the last frame's layout.
    pub reader_rows: usize,
    pub reader_width: usize,
    /// Rows of the list panes, for paging.
    pub list_rows: usize,
    /// Notes that could not be written yet (kept in memory, retried).
    pub unsaved: bool,
    /// The watchlist from config.toml.
    pub watch: crate::entities::watch::Watchlist,
    /// The widest the Reader wraps (0: the pane's width), from config.toml.
    pub wrap_width: usize,
    /// The index is out of date: the loop rebuilds it in the background.
    pub needs_index: bool,
    /// A filter waiting for the entity index.
    pending_entity_filter: Option<(crate::entities::EntityKind, String)>,
}

impl App {
    pub fn new(
        briefings: Vec<Briefing>,
        state: ReadingState,
        notes_count: HashMap<String, usize>,
        keymap: Keymap,
    ) -> Self {
        let mut app = Self {
            briefings,
            view: Vec::new(),
            selected: 0,
            sort: SortKey::Date,
            text_filter: String::new(),
            entity_filter: None,
            focus: Pane::Articles,
            open: None,
            notes_count,
            state,
            editor: None,
            input: None,
            search_input: None,
            status: None,
            help: false,
            help_scroll: 0,
            quit: false,
            keymap,
            entity_index: None,
            undo: Vec::new(),
            reader_rows: 20,
            reader_width: 60,
            list_rows: 20,
            unsaved: false,
            watch: crate::entities::watch::Watchlist::default(),
            wrap_width: 0,
            needs_index: true,
            pending_entity_filter: None,
        };
        app.refresh_view();
        app
    }

    /// Recomputes the Articles list from the filters and the sort,
    /// keeping the selected briefing selected when it is still listed.
    pub fn refresh_view(&mut self) {
        let keep = self.view.get(self.selected).copied();
        let needle = self.text_filter.to_lowercase();
        let mut view: Vec<usize> = (0..self.briefings.len())
            .filter(|&i| {
                let b = &self.briefings[i];
                let by_entity = self.entity_filter.as_ref().is_none_or(|f| f.ids.contains(&b.id));
                by_entity && (needle.is_empty() || fuzzy_match(&needle, &haystack(b)))
            })
            .collect();
        let bs = &self.briefings;
        match self.sort {
            SortKey::Date => view.sort_by(|&a, &b| {
                bs[b]
                    .meta
                    .date
                    .cmp(&bs[a].meta.date)
                    .then(bs[a].id.cmp(&bs[b].id))
            }),
            SortKey::Title => view.sort_by(|&a, &b| {
                bs[a]
                    .meta
                    .title
                    .to_lowercase()
                    .cmp(&bs[b].meta.title.to_lowercase())
            }),
            SortKey::Source => view.sort_by(|&a, &b| {
                bs[a]
                    .meta
                    .source
                    .cmp(&bs[b].meta.source)
                    .then(bs[b].meta.date.cmp(&bs[a].meta.date))
            }),
            SortKey::Watch => {
                let hits = |i: usize| self.entity_index.as_ref().map_or(0, |x| x.hits(&bs[i].id).len());
                view.sort_by(|&a, &b| hits(b).cmp(&hits(a)).then(bs[b].meta.date.cmp(&bs[a].meta.date)));
            }
        }
        self.view = view;
        self.selected = keep
            .and_then(|k| self.view.iter().position(|&i| i == k))
            .unwrap_or(0);
    }

    pub fn selected_briefing(&self) -> Option<&Briefing> {
        self.view.get(self.selected).map(|&i| &self.briefings[i])
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    /// Called by the loop when the store changed on disk (files added,
    /// edited or removed while the reader is open): the list follows, the
    /// selection and the open briefing stay, and an edited open briefing is
    /// read again so its notes re-anchor.
    pub fn store_changed(&mut self, briefings: Vec<crate::store::Briefing>) -> Vec<Effect> {
        let selected_id = self.selected_briefing().map(|b| b.id.clone());
        let open_before = self
            .open
            .as_ref()
            .map(|o| (o.id.clone(), self.briefings.get(o.index).map(|b| b.fingerprint)));
        let (added, removed) = {
            let old: std::collections::HashSet<&str> = self.briefings.iter().map(|b| b.id.as_str()).collect();
            let new: std::collections::HashSet<&str> = briefings.iter().map(|b| b.id.as_str()).collect();
            (new.difference(&old).count(), old.difference(&new).count())
        };
        self.briefings = briefings;
        self.refresh_view();
        if let Some(id) = selected_id {
            if let Some(pos) = self.view.iter().position(|&i| self.briefings[i].id == id) {
                self.selected = pos;
            }
        }
        self.needs_index = true;
        let mut effects = Vec::new();
        if let Some((id, print)) = open_before {
            let now = self.briefings.iter().position(|b| b.id == id);
            if let Some(o) = self.open.as_mut() {
                // usize::MAX: no longer in the list.
                o.index = now.unwrap_or(usize::MAX);
            }
            if let Some(i) = now {
                if print != Some(self.briefings[i].fingerprint) {
                    effects.push(Effect::Open(i));
                }
            } else {
                self.warn(format!(
                    "{id} was removed from the store; it stays open until you leave it"
                ));
            }
        }
        if effects.is_empty() && (added > 0 || removed > 0) {
            self.say(format!("store changed: {added} added, {removed} removed"));
        }
        effects
    }

    /// Called by the loop with a briefing read and analysed.
    pub fn opened(&mut self, mut open: Open) -> Vec<Effect> {
        if let Some(pos) = self.state.positions.get(&open.id) {
            open.cursor = (*pos).min(open.block_count().saturating_sub(1));
        }
        open.ensure_layout(self.reader_width.max(1), self.reader_rows);
        open.reveal_cursor(self.reader_rows);
        if let Some(e) = &open.notes_error {
            let msg = format!("{e} — notes shown read-only; the file is left untouched");
            self.warn(msg);
        }
        self.state.read.insert(open.id.clone());
        if let Some(index) = self.entity_index.as_mut() {
            // The briefing may have changed since the index was built.
            index.set_briefing(&open.id, &open.groups);
        }
        self.open = Some(open);
        self.refresh_spread();
        vec![Effect::SaveState]
    }

    /// Called by the loop when a big briefing's entities, found in the
    /// background, arrive: the reader keeps its place.
    pub fn entities_found(&mut self, index: usize, analysed: crate::analysis::Analysed) {
        let Some(old) = self.open.take() else { return };
        if old.index != index {
            self.open = Some(old);
            return;
        }
        let notes = match &old.notes_error {
            Some(e) => Err(e.clone()),
            None => Ok(old.notes.clone()),
        };
        let mut open = Open::new(index, old.id.clone(), analysed, notes, &self.watch);
        open.cursor = old.cursor;
        open.scroll = old.scroll;
        open.note_sel = old.note_sel;
        open.ensure_layout(self.reader_width.max(1), self.reader_rows);
        if let Some(ix) = self.entity_index.as_mut() {
            ix.set_briefing(&open.id, &open.groups);
        }
        let n = open.analysed.entities.len();
        self.open = Some(open);
        self.refresh_spread();
        if self.status.as_ref().is_some_and(|s| s.text.ends_with('…')) {
            self.say(format!("{n} entity mentions found"));
        }
    }

    /// Called by the loop with the entity index built.
    pub fn indexed(&mut self, index: EntityIndex) {
        self.entity_index = Some(index);
        self.refresh_spread();
        if let Some((kind, name)) = self.pending_entity_filter.take() {
            self.apply_entity_filter(kind, &name);
        }
    }

    /// Counts, for the open briefing's entities, the briefings naming each.
    fn refresh_spread(&mut self) {
        let (Some(index), Some(open)) = (&self.entity_index, self.open.as_mut()) else {
            return;
        };
        open.spread = open
            .groups
            .iter()
            .map(|g| Some(index.briefings(g.kind, &g.name).len()))
            .collect();
    }

    fn apply_entity_filter(&mut self, kind: crate::entities::EntityKind, name: &str) {
        let Some(index) = &self.entity_index else { return };
        let ids = index.briefings(kind, name);
        let n = ids.len();
        self.entity_filter = Some(EntityFilter {
            name: name.to_owned(),
            kind,
            ids,
        });
        self.refresh_view();
        self.focus = Pane::Articles;
        self.say(if n == 1 {
            format!("1 briefing mentions {name} — Esc clears the filter")
        } else {
            format!("{n} briefings mention {name} — Esc clears the filter")
        });
    }

    /// Lays the open briefing out for the Reader's current size.
    pub fn set_reader_size(&mut self, width: usize, rows: usize) {
        // `wrap_width` in config.toml caps the measure for comfortable reading.
        let width = if self.wrap_width > 0 {
            width.min(self.wrap_width)
        } else {
            width
        };
        self.reader_width = width.max(1);
        self.reader_rows = rows.max(1);
        if let Some(open) = self.open.as_mut() {
            open.ensure_layout(self.reader_width, self.reader_rows);
        }
    }
}

/// What the text filter searches: title, source and tags.
fn haystack(b: &Briefing) -> String {
    let mut s = b.meta.title.to_lowercase();
    if let Some(src) = &b.meta.source {
        s.push(' ');
        s.push_str(&src.to_lowercase());
    }
    for t in &b.meta.tags {
        s.push(' ');
        s.push_str(&t.to_lowercase());
    }
    s
}

/// Fuzzy match: every character of the needle appears in order.
pub fn fuzzy_match(needle: &str, hay: &str) -> bool {
    let mut chars = hay.chars();
    needle
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|n| chars.any(|h| h == n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_matching() {
        assert!(fuzzy_match("mtk", "miami talks"));
        assert!(!fuzzy_match("xyz", "miami talks"));
        assert!(fuzzy_match("", "anything"));
    }

    #[test]
    fn focus_cycles() {
        assert_eq!(Pane::Notes.step(true), Pane::Articles);
        assert_eq!(Pane::Articles.step(false), Pane::Notes);
    }
}
