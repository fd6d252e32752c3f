//! What IO reports back: a briefing opened, entities found in the
//! background, the store's index built, the store changed on disk, the
//! watchlist saved.

use super::{App, Effect, IndexJob, Loaded, Open, Snapshot};
use crate::analysis::Analysed;
use crate::entities::watch::{Watched, Watchlist};
use crate::store::Briefing;
use std::collections::HashSet;
use std::path::Path;

impl App {
    pub(super) fn opened(&mut self, loaded: Loaded) -> Vec<Effect> {
        let Loaded {
            id,
            analysed,
            notes,
            entities_pending,
            ..
        } = loaded;
        let pending = self.take_unsaved(&id);
        let notes = match (notes, pending.clone()) {
            (Ok(_), Some(p)) => Ok(p),
            (n, _) => n,
        };
        let mut open = Open::new(id, analysed, notes, &self.watch);
        open.set_header(self.header_of(&open.id));
        if let Some(pos) = self.state.positions.get(&open.id) {
            open.cursor = (*pos).min(open.block_count().saturating_sub(1));
        }
        if let Some(old) = self.open.as_ref().filter(|o| o.id == open.id) {
            open.keep_place_of(old);
        }
        open.ensure_layout(self.sizes.reader_width, self.sizes.reader_rows);
        open.reveal_cursor(self.sizes.reader_rows);
        if let Some(e) = &open.notes_error {
            self.warn(format!("{e} — notes shown read-only; the file is left untouched"));
        } else if entities_pending {
            self.busy("finding entities…");
        }
        self.state.read.insert(open.id.clone());
        self.state.last = Some(open.id.clone());
        if let Some((_, paragraph, terms)) = self.pending_jump.take().filter(|(id, ..)| *id == open.id) {
            // Opened from a search result: its paragraph, its words marked,
            // n/N walking them.
            open.search = Some(super::search::Search::any(&terms, &open.paragraphs));
            open.goto_block(paragraph, self.sizes.reader_rows);
            // Near the top, with a little of what leads to it.
            if let Some(r) = open.layout.blocks.get(open.cursor).cloned() {
                open.scroll = r
                    .start
                    .saturating_sub(2)
                    .min(open.max_scroll(self.sizes.reader_rows));
            }
            self.state.positions.insert(open.id.clone(), open.cursor);
        }
        self.open = Some(open);
        let mut effects = vec![Effect::SaveState(self.state.clone())];
        effects.extend(self.spread_request());
        effects.extend(pending.map(Effect::SaveNotes));
        effects
    }

    /// The header of a Markdown briefing of the store.
    fn header_of(&self, id: &str) -> Option<crate::layout::Header> {
        let b = self.briefings.iter().find(|b| b.id == id)?;
        (b.format == crate::store::Format::Markdown).then(|| crate::layout::Header::of(&b.meta))
    }

    /// The counts of briefings naming the open briefing's entities.
    pub(super) fn spread(&mut self, id: &str, counts: Vec<usize>) {
        if let Some(open) = self
            .open
            .as_mut()
            .filter(|o| o.id == id && o.groups.len() == counts.len())
        {
            open.spread = counts.into_iter().map(Some).collect();
        }
    }

    /// A big briefing's entities arrive: the reader keeps its place.
    pub(super) fn entities_found(&mut self, id: &str, analysed: Analysed) -> Vec<Effect> {
        if self.open.as_ref().is_none_or(|o| o.id != id) {
            return Vec::new();
        }
        let Some(old) = self.open.take() else {
            return Vec::new();
        };
        let notes = match &old.notes_error {
            Some(e) => Err(e.clone()),
            None => Ok(old.notes.clone()),
        };
        let mut open = Open::new(old.id.clone(), analysed, notes, &self.watch);
        open.set_header(old.header.clone());
        open.cursor = old.cursor;
        open.scroll = old.scroll;
        open.note_sel = old.note_sel;
        open.ensure_layout(self.sizes.reader_width, self.sizes.reader_rows);
        let n = open.analysed.entities.len();
        self.open = Some(open);
        if self
            .status
            .as_ref()
            .is_some_and(|s| s.kind == super::StatusKind::Busy)
        {
            self.say(format!("{n} entity mentions found"));
        }
        self.spread_request()
    }

    /// The index update went on: the status shows how far, and the list
    /// fills in from what is indexed so far.
    pub(super) fn on_index_progress(&mut self, done: usize, total: usize) -> Vec<Effect> {
        self.progress = Some((done, total));
        if self.briefings.len() < total && done > 0 {
            vec![Effect::ReloadList]
        } else {
            Vec::new()
        }
    }

    /// The index is up to date: the list follows it, and the watch hits. If
    /// the store changed meanwhile, another update follows.
    pub(super) fn index_updated(&mut self, result: Result<Box<Snapshot>, String>) -> Vec<Effect> {
        let stale = self.index_job == IndexJob::RunningStale;
        self.index_job = IndexJob::Idle;
        self.progress = None;
        let mut effects = Vec::new();
        match result {
            Ok(snapshot) => {
                let Snapshot {
                    briefings,
                    watch_hits,
                    report,
                } = *snapshot;
                self.watch_hits = watch_hits;
                effects.extend(self.store_changed(briefings));
                effects.extend(self.open_waiting());
                let respread = !stale && std::mem::take(&mut self.respread);
                if respread || report.added + report.changed + report.removed + report.renamed > 0 {
                    effects.extend(self.spread_request());
                }
            }
            Err(e) => self.warn(e),
        }
        if stale {
            effects.extend(self.request_index());
        }
        effects
    }

    /// The store changed on disk (files added, edited or removed while the
    /// reader is open): the list follows, the selection and the open
    /// briefing stay, and an edited open briefing is read again so its
    /// notes re-anchor.
    pub(super) fn store_changed(&mut self, briefings: Vec<Briefing>) -> Vec<Effect> {
        let selected_id = self.selected_briefing().map(|b| b.id.clone());
        let open_before = self.open.as_ref().map(|o| {
            let print = self
                .briefings
                .iter()
                .find(|b| b.id == o.id)
                .map(|b| b.fingerprint);
            (o.id.clone(), print)
        });
        let was_empty = self.briefings.is_empty();
        let (added, removed) = {
            let old: HashSet<&str> = self.briefings.iter().map(|b| b.id.as_str()).collect();
            let new: HashSet<&str> = briefings.iter().map(|b| b.id.as_str()).collect();
            (new.difference(&old).count(), old.difference(&new).count())
        };
        self.briefings = briefings;
        self.refresh_view();
        if let Some(pos) =
            selected_id.and_then(|id| self.view.iter().position(|&i| self.briefings[i].id == id))
        {
            self.selected = pos;
        }
        let mut effects = Vec::new();
        let mut reopened = false;
        if let Some((id, print)) = open_before {
            match self.briefings.iter().position(|b| b.id == id) {
                Some(i) if print != Some(self.briefings[i].fingerprint) => {
                    effects.extend(self.open_request(i));
                    reopened = true;
                }
                Some(_) => {}
                None => self.warn(format!(
                    "{id} was removed from the store; it stays open until you leave it"
                )),
            }
        }
        let quiet = was_empty
            || self.index_job != IndexJob::Idle
            || self.status.as_ref().is_some_and(super::Status::is_error);
        if !reopened && (added > 0 || removed > 0) && !quiet {
            self.say(format!("store changed: {added} added, {removed} removed"));
        }
        effects
    }

    /// The watchlist was saved to `config.toml`: every briefing is
    /// analysed again with it, the open one at once.
    pub(super) fn watched(
        &mut self,
        name: &str,
        on: bool,
        file: &Path,
        result: Result<Vec<Watched>, String>,
    ) -> Vec<Effect> {
        match result {
            Ok(entries) => {
                // The corrections stay as they were.
                self.watch = Watchlist::new(entries).with_corrections(self.watch.corrections().clone());
                let what = if on { "watching" } else { "no longer watching" };
                self.say(format!("{what} {name} — saved to {}", file.display()));
                self.respread = true;
                let mut effects = self.request_index();
                effects.extend(self.open_index().and_then(|i| self.open_request(i)));
                effects
            }
            Err(e) => {
                self.warn(e);
                Vec::new()
            }
        }
    }
}
