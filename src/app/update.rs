//! `App::update`: every action's effect on the state, and the commands
//! of the panes (moving through them is `navigate.rs`).

use super::{Action, App, Command, Effect, Mode, Pane, PaneSizes};
use crate::notes::Placement;

impl App {
    /// Applies one action; returns the IO it needs. The one place the
    /// app's state changes.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Command(c) => self.command(c),
            Action::Edit(key) => self.edit_key(key),
            Action::Paste(text) => self.paste(&text),
            Action::Click { pane, target } => self.click(pane, target),
            Action::Scroll { pane, down } => self.scroll(pane, down),
            Action::Resize(sizes) => {
                self.resize(sizes);
                Vec::new()
            }
            Action::Start => {
                let mut effects = self.request_index();
                effects.extend(self.open_waiting());
                effects
            }
            Action::StoreTouched => self.request_index(),
            Action::Shutdown => self.shutdown(),
            Action::Opened(loaded) => self.opened(*loaded),
            Action::OpenFailed(e) | Action::StateNotSaved(e) => {
                self.warn(e);
                Vec::new()
            }
            Action::EntitiesFound { id, analysed } => self.entities_found(&id, *analysed),
            Action::IndexProgress { done, total } => self.on_index_progress(done, total),
            Action::IndexUpdated(result) => self.index_updated(result),
            Action::StoreChanged(briefings) => {
                let mut effects = self.store_changed(briefings);
                effects.extend(self.open_waiting());
                effects
            }
            Action::Spread { id, counts } => {
                self.spread(&id, counts);
                Vec::new()
            }
            Action::EntityResults { kind, name, result } => {
                self.entity_results(kind, &name, result);
                Vec::new()
            }
            Action::SearchResults { query, result } => {
                self.search_results(&query, result);
                Vec::new()
            }
            Action::NotesSaved { id, result } => self.notes_saved(&id, result),
            Action::Tick => self.retry_unsaved(),
            Action::Exported(result) => {
                match result {
                    Ok(path) => self.say(format!("notes exported to {}", path.display())),
                    Err(e) => self.warn(e),
                }
                Vec::new()
            }
            Action::Copied(result) => {
                match result {
                    Ok((what, n)) => self.say(format!("copied {what} ({n} characters)")),
                    Err(e) => self.warn(e),
                }
                Vec::new()
            }
            Action::Recovered(result) => {
                match result {
                    Ok(path) => self.recovered.push(path),
                    Err(e) => self.warn(e),
                }
                Vec::new()
            }
            Action::Watched {
                name,
                on,
                file,
                result,
            } => self.watched(&name, on, &file, result),
            Action::Corrected {
                edit,
                undo,
                file,
                result,
            } => self.corrected(edit, undo, &file, result),
            Action::ExternalEditDone(result) => {
                self.external_edit_done(result);
                Vec::new()
            }
        }
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        match &mut self.mode {
            Mode::Help { scroll, ids } => {
                match command {
                    Command::Help | Command::Back | Command::Quit => self.mode = Mode::Normal,
                    // The names `[keys]` in config.toml knows the actions by.
                    Command::Select => *ids = !*ids,
                    Command::Down => *scroll += 1,
                    Command::Up => *scroll = scroll.saturating_sub(1),
                    Command::PageDown | Command::HalfPageDown => *scroll += 10,
                    Command::PageUp | Command::HalfPageUp => *scroll = scroll.saturating_sub(10),
                    _ => {}
                }
                return Vec::new();
            }
            Mode::Editing(_) => {
                return match command {
                    Command::SaveNote => self.save_editor(),
                    Command::ExternalEditor => match self.editor() {
                        Some(ed) => vec![Effect::EditExternally(ed.text.clone())],
                        None => Vec::new(),
                    },
                    _ => Vec::new(),
                };
            }
            Mode::Outline { .. } => {
                self.outline_command(command);
                return Vec::new();
            }
            Mode::Filter { .. }
            | Mode::Search { .. }
            | Mode::ArchiveSearch { .. }
            | Mode::Link { .. }
            | Mode::Export { .. }
            | Mode::ChooseKind { .. } => {
                return Vec::new();
            }
            Mode::Normal => {}
        }
        self.status = None;
        self.pane_command(command)
    }

    pub(super) fn pane_command(&mut self, command: Command) -> Vec<Effect> {
        match command {
            Command::Quit => return self.shutdown(),
            Command::Help => {
                self.mode = Mode::Help {
                    scroll: 0,
                    ids: false,
                }
            }
            Command::FocusNext => self.focus = self.focus.step(true),
            Command::FocusPrev => self.focus = self.focus.step(false),
            Command::FocusArticles => self.focus = Pane::Articles,
            Command::FocusReader => self.focus = Pane::Reader,
            Command::FocusEntities => self.focus = Pane::Entities,
            Command::FocusNotes => self.focus = Pane::Notes,
            Command::Up => self.step(self.focus, -1),
            Command::Down => self.step(self.focus, 1),
            Command::Top => self.jump(false),
            Command::Bottom => self.jump(true),
            Command::PageUp => self.page(-1, 1),
            Command::PageDown => self.page(1, 1),
            Command::HalfPageUp => self.page(-1, 2),
            Command::HalfPageDown => self.page(1, 2),
            Command::Select => return self.select(),
            Command::Back => self.back(),
            Command::NextMention | Command::PrevMention if self.searching() => {
                self.search_step(command == Command::NextMention);
            }
            Command::NextMention => self.mention(true),
            Command::PrevMention => self.mention(false),
            Command::AddNote => self.add_note(),
            Command::EditNote => self.edit_note(),
            Command::DeleteNote => return self.delete_note(),
            Command::Undo => return self.undo_correction().unwrap_or_else(|| self.undo_delete()),
            Command::Watch => return self.watch_selected(),
            Command::Explain => self.explain(),
            Command::NotAnEntity => return self.mark_not_entity(),
            Command::ChangeKind => self.start_change_kind(),
            Command::Filter if self.focus == Pane::Reader && self.open.is_some() => {
                self.mode = Mode::Search { input: String::new() };
            }
            Command::Filter => {
                let input = match (self.focus, &self.open) {
                    (Pane::Entities, Some(o)) => o.entity_query.clone(),
                    (Pane::Notes, Some(o)) => o.note_query.clone(),
                    _ => {
                        self.focus = Pane::Articles;
                        self.text_filter.clone()
                    }
                };
                self.mode = Mode::Filter { input };
            }
            Command::SearchArchive => self.start_archive_search(),
            Command::Suspend => return vec![Effect::Suspend],
            Command::ToggleRead => return self.toggle_mark(false),
            Command::Outline => self.open_outline(),
            Command::Link => self.start_link(),
            Command::OpenSource => self.start_source_link(),
            Command::Copy => return self.copy_paragraph(),
            Command::CopyNote => return self.copy_note(),
            Command::ExportNotes => self.start_export(),
            Command::Star => return self.toggle_mark(true),
            Command::UnreadOnly => self.toggle_shown(super::Shown::Unread),
            Command::StarredOnly => self.toggle_shown(super::Shown::Starred),
            Command::Sort => self.cycle_sort(),
            // Editor commands mean nothing outside the editor.
            Command::SaveNote | Command::ExternalEditor => {}
        }
        Vec::new()
    }

    /// Lays the open briefing out for the Reader's new size.
    fn resize(&mut self, sizes: PaneSizes) {
        // `wrap_width` in config.toml caps the measure for comfortable reading.
        let width = if self.wrap_width > 0 {
            sizes.reader_width.min(self.wrap_width)
        } else {
            sizes.reader_width
        };
        self.sizes = PaneSizes {
            reader_width: width.max(1),
            reader_rows: sizes.reader_rows.max(1),
            list_rows: sizes.list_rows.max(1),
        };
        if let Some(open) = self.open.as_mut() {
            open.ensure_layout(self.sizes.reader_width, self.sizes.reader_rows);
        }
    }

    /// Quitting, or asked to stop: the reading state and any notes not
    /// yet saved are written on the way out.
    fn shutdown(&mut self) -> Vec<Effect> {
        // A note being written is saved like any other (and recovered if
        // it cannot be): a signal never throws typed text away.
        let mut effects = if matches!(self.mode, Mode::Editing(_)) {
            self.save_editor()
        } else {
            Vec::new()
        };
        self.quit = true;
        effects.push(Effect::SaveState(self.state.clone()));
        // The editor's save is already among the effects; the rest are retried.
        let saving = effects.iter().filter_map(|e| match e {
            Effect::SaveNotes(f) => Some(f.briefing.clone()),
            _ => None,
        });
        let saving: Vec<String> = saving.collect();
        effects.extend(
            self.retry_unsaved()
                .into_iter()
                .filter(|e| !matches!(e, Effect::SaveNotes(f) if saving.contains(&f.briefing))),
        );
        effects
    }

    fn select(&mut self) -> Vec<Effect> {
        match self.focus {
            Pane::Articles if self.results.is_some() => return self.open_result(),
            Pane::Articles => {
                let Some(&i) = self.view.get(self.selected) else {
                    return Vec::new();
                };
                if let Some(err) = self.briefings[i].error.clone() {
                    self.warn(err);
                    return Vec::new();
                }
                self.focus = Pane::Reader;
                return self.open_request(i).into_iter().collect();
            }
            Pane::Reader => {}
            Pane::Entities => {
                let Some(g) = self.open.as_ref().and_then(|o| o.selected_group()) else {
                    return Vec::new();
                };
                let (kind, name) = (g.kind, g.name.clone());
                self.busy(format!("finding every briefing that mentions {name}…"));
                return vec![Effect::EntityQuery { kind, name }];
            }
            Pane::Notes => {
                let rows = self.sizes.reader_rows;
                let Some(o) = self.open.as_mut() else {
                    return Vec::new();
                };
                let Some(&n) = o.note_order.get(o.note_sel) else {
                    return Vec::new();
                };
                match o.placements[n] {
                    Placement::Attached(b) => {
                        o.goto_block(b, rows);
                        self.focus = Pane::Reader;
                        self.remember_position();
                    }
                    Placement::Detached => {
                        self.say("this note's paragraph changed or vanished: it is kept, detached");
                    }
                }
            }
        }
        Vec::new()
    }

    fn watch_selected(&mut self) -> Vec<Effect> {
        if self.focus != Pane::Entities {
            self.hint(
                "select an entity in the Entities pane to watch it",
                Command::FocusEntities,
                "goes there",
            );
            return Vec::new();
        }
        let Some(g) = self.open.as_ref().and_then(|o| o.selected_group()) else {
            return Vec::new();
        };
        if g.watched {
            // The same key takes it off again (by the watchlist's own name
            // for it, which may be a shorter form or an alias).
            let name = self
                .watch
                .entry_for(g.kind, &g.name)
                .unwrap_or(&g.name)
                .to_owned();
            return vec![Effect::Unwatch { name, kind: g.kind }];
        }
        vec![Effect::Watch {
            name: g.name.clone(),
            kind: g.kind,
        }]
    }

    fn back(&mut self) {
        let pane_filtered = self.open.as_ref().is_some_and(|o| match self.focus {
            Pane::Entities => !o.entity_query.is_empty(),
            Pane::Notes => !o.note_query.is_empty(),
            _ => false,
        });
        if pane_filtered {
            self.apply_filter("");
            self.say("filter cleared");
        } else if self.searching() {
            if let Some(o) = self.open.as_mut() {
                o.search = None;
            }
            self.say("search cleared");
        } else if self.results.is_some() {
            self.results = None;
            self.focus = Pane::Articles;
            self.say("back to the list");
        } else if self.entity_filter.is_some() || !self.text_filter.is_empty() {
            self.entity_filter = None;
            self.text_filter.clear();
            self.refresh_view();
            self.say("filter cleared");
        } else if self.focus != Pane::Articles {
            self.focus = Pane::Articles;
        }
    }
}
