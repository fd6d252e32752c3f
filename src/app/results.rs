//! What IO reports back: a briefing opened, entities found in the
//! background, the store's index built, the store changed on disk, the
//! watchlist saved.

use super::{App, Effect, EntityIndex, IndexJob, Loaded, Open};
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
        let mut open = Open::new(id, analysed, notes, &self.watch);
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
        if let Some(index) = self.entity_index.as_mut() {
            // The briefing may have changed since the index was built.
            index.set_briefing(&open.id, &open.groups);
        }
        self.open = Some(open);
        self.refresh_spread();
        vec![Effect::SaveState(self.state.clone())]
    }

    /// A big briefing's entities arrive: the reader keeps its place.
    pub(super) fn entities_found(&mut self, id: &str, analysed: Analysed) {
        if self.open.as_ref().is_none_or(|o| o.id != id) {
            return;
        }
        let Some(old) = self.open.take() else { return };
        let notes = match &old.notes_error {
            Some(e) => Err(e.clone()),
            None => Ok(old.notes.clone()),
        };
        let mut open = Open::new(old.id.clone(), analysed, notes, &self.watch);
        open.cursor = old.cursor;
        open.scroll = old.scroll;
        open.note_sel = old.note_sel;
        open.ensure_layout(self.sizes.reader_width, self.sizes.reader_rows);
        if let Some(ix) = self.entity_index.as_mut() {
            ix.set_briefing(&open.id, &open.groups);
        }
        let n = open.analysed.entities.len();
        self.open = Some(open);
        self.refresh_spread();
        if self
            .status
            .as_ref()
            .is_some_and(|s| s.kind == super::StatusKind::Busy)
        {
            self.say(format!("{n} entity mentions found"));
        }
    }

    /// The store's index arrives; a filter waiting for it applies. If the
    /// store changed while it was built, another build follows.
    pub(super) fn indexed(&mut self, index: EntityIndex) -> Vec<Effect> {
        let stale = self.index_job == IndexJob::RunningStale;
        self.index_job = IndexJob::Idle;
        self.entity_index = Some(index);
        if let Some(o) = &self.open
            && let Some(ix) = self.entity_index.as_mut()
        {
            ix.set_briefing(&o.id, &o.groups);
        }
        self.refresh_spread();
        if let Some((kind, name)) = self.pending_entity_filter.take() {
            self.apply_entity_filter(kind, &name);
        }
        if stale { self.request_index() } else { Vec::new() }
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
        let mut effects = self.request_index();
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
        if !reopened && (added > 0 || removed > 0) && self.status.as_ref().is_none_or(|s| !s.is_error()) {
            self.say(format!("store changed: {added} added, {removed} removed"));
        }
        effects
    }

    /// The watchlist was saved to `config.toml`: every briefing is
    /// analysed again with it, the open one at once.
    pub(super) fn watched(
        &mut self,
        name: &str,
        file: &Path,
        result: Result<Vec<Watched>, String>,
    ) -> Vec<Effect> {
        match result {
            Ok(entries) => {
                self.watch = Watchlist::new(entries);
                self.say(format!("watching {name} — saved to {}", file.display()));
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
