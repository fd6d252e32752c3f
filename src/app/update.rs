//! `App::update`: every action's effect on the state.

use super::{Action, App, EditTarget, Editor, Effect, Pane, SortKey};
use crate::notes::Note;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl App {
    /// Applies one action; returns the IO it needs.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if self.help {
            match action {
                Action::Help | Action::Back | Action::Quit => {
                    self.help = false;
                    self.help_scroll = 0;
                }
                Action::Down => self.help_scroll += 1,
                Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                Action::PageDown | Action::HalfPageDown => self.help_scroll += 10,
                Action::PageUp | Action::HalfPageUp => self.help_scroll = self.help_scroll.saturating_sub(10),
                _ => {}
            }
            return Vec::new();
        }
        match action {
            Action::Quit => {
                self.quit = true;
                return vec![Effect::SaveState];
            }
            Action::Help => self.help = true,
            Action::FocusNext => self.focus = self.focus.step(true),
            Action::FocusPrev => self.focus = self.focus.step(false),
            Action::FocusArticles => self.focus = Pane::Articles,
            Action::FocusReader => self.focus = Pane::Reader,
            Action::FocusEntities => self.focus = Pane::Entities,
            Action::FocusNotes => self.focus = Pane::Notes,
            Action::Up => return self.step(-1),
            Action::Down => return self.step(1),
            Action::Top => return self.jump(false),
            Action::Bottom => return self.jump(true),
            Action::PageUp => return self.page(-1, 1),
            Action::PageDown => return self.page(1, 1),
            Action::HalfPageUp => return self.page(-1, 2),
            Action::HalfPageDown => return self.page(1, 2),
            Action::Select => return self.select(),
            Action::Back => self.back(),
            Action::NextMention | Action::PrevMention if self.searching() => {
                self.search_step(action == Action::NextMention);
            }
            Action::NextMention => self.mention(true),
            Action::PrevMention => self.mention(false),
            Action::AddNote => self.add_note(),
            Action::EditNote => self.edit_note(),
            Action::DeleteNote => return self.delete_note(),
            Action::Undo => return self.undo_delete(),
            Action::Watch => return self.watch_selected(),
            Action::Filter if self.focus == Pane::Reader && self.open.is_some() => {
                self.search_input = Some(String::new());
            }
            Action::Filter => {
                self.input = Some(self.text_filter.clone());
                self.focus = Pane::Articles;
            }
            Action::Sort => {
                self.sort = match self.sort {
                    SortKey::Date => SortKey::Title,
                    SortKey::Title => SortKey::Source,
                    SortKey::Source => SortKey::Watch,
                    SortKey::Watch => SortKey::Date,
                };
                self.refresh_view();
                self.say(format!("sorted by {:?}", self.sort).to_lowercase());
            }
        }
        Vec::new()
    }

    fn step(&mut self, delta: isize) -> Vec<Effect> {
        let rows = self.reader_rows;
        match self.focus {
            Pane::Articles => {
                self.selected = clamp_add(self.selected, delta, self.view.len());
            }
            Pane::Reader => {
                if let Some(o) = self.open.as_mut() {
                    o.move_cursor(delta, rows);
                    self.state.positions.insert(o.id.clone(), o.cursor);
                }
            }
            Pane::Entities => {
                if let Some(o) = self.open.as_mut() {
                    o.entity_sel = clamp_add(o.entity_sel, delta, o.groups.len());
                    o.highlight = true;
                }
            }
            Pane::Notes => {
                if let Some(o) = self.open.as_mut() {
                    o.note_sel = clamp_add(o.note_sel, delta, o.note_order.len());
                }
            }
        }
        Vec::new()
    }

    fn jump(&mut self, end: bool) -> Vec<Effect> {
        let rows = self.reader_rows;
        match self.focus {
            Pane::Articles => self.selected = if end { self.view.len().saturating_sub(1) } else { 0 },
            Pane::Reader => {
                if let Some(o) = self.open.as_mut() {
                    if end {
                        o.scroll_to(usize::MAX, rows);
                        o.cursor = o.layout.blocks.iter().rposition(|r| !r.is_empty()).unwrap_or(0);
                    } else {
                        o.scroll_to(0, rows);
                        o.cursor = 0;
                    }
                    self.state.positions.insert(o.id.clone(), o.cursor);
                }
            }
            Pane::Entities => {
                if let Some(o) = self.open.as_mut() {
                    o.entity_sel = if end { o.groups.len().saturating_sub(1) } else { 0 };
                }
            }
            Pane::Notes => {
                if let Some(o) = self.open.as_mut() {
                    o.note_sel = if end {
                        o.note_order.len().saturating_sub(1)
                    } else {
                        0
                    };
                }
            }
        }
        Vec::new()
    }

    /// Pages by a whole (`divisor` 1) or half (2) screen.
    fn page(&mut self, dir: isize, divisor: usize) -> Vec<Effect> {
        if self.focus == Pane::Reader {
            let rows = self.reader_rows;
            if let Some(o) = self.open.as_mut() {
                let by = (rows / divisor).max(1) as isize;
                o.scroll_by(dir * by, rows);
                self.state.positions.insert(o.id.clone(), o.cursor);
            }
            Vec::new()
        } else {
            let by = (self.list_rows / divisor).max(1) as isize;
            self.step(dir * by)
        }
    }

    fn select(&mut self) -> Vec<Effect> {
        match self.focus {
            Pane::Articles => {
                if let Some(&i) = self.view.get(self.selected) {
                    if let Some(err) = self.briefings[i].error.clone() {
                        self.warn(err);
                        return Vec::new();
                    }
                    self.focus = Pane::Reader;
                    return vec![Effect::Open(i)];
                }
            }
            Pane::Reader => {}
            Pane::Entities => {
                let Some(g) = self.open.as_ref().and_then(|o| o.selected_group()) else {
                    return Vec::new();
                };
                let (kind, name) = (g.kind, g.name.clone());
                if self.entity_index.is_some() {
                    self.apply_entity_filter(kind, &name);
                } else {
                    self.pending_entity_filter = Some((kind, name));
                    self.say("finding every briefing that mentions it…");
                    return vec![Effect::IndexEntities];
                }
            }
            Pane::Notes => {
                let rows = self.reader_rows;
                if let Some(o) = self.open.as_mut() {
                    if let Some(&n) = o.note_order.get(o.note_sel) {
                        match o.placements[n] {
                            crate::notes::Placement::Attached(b) => {
                                o.goto_block(b, rows);
                                self.focus = Pane::Reader;
                            }
                            crate::notes::Placement::Detached => {
                                self.say("this note's paragraph changed or vanished: it is kept, detached");
                            }
                        }
                    }
                }
            }
        }
        Vec::new()
    }

    fn watch_selected(&mut self) -> Vec<Effect> {
        if self.focus != Pane::Entities {
            self.say("select an entity in the Entities pane (3) to watch it");
            return Vec::new();
        }
        let Some(g) = self.open.as_ref().and_then(|o| o.selected_group()) else {
            return Vec::new();
        };
        if g.watched {
            let name = g.name.clone();
            self.say(format!("{name} is already on the watchlist"));
            return Vec::new();
        }
        vec![Effect::Watch {
            name: g.name.clone(),
            kind: g.kind,
        }]
    }

    fn back(&mut self) {
        if self.searching() {
            if let Some(o) = self.open.as_mut() {
                o.search = None;
            }
            self.say("search cleared");
        } else if self.entity_filter.is_some() || !self.text_filter.is_empty() {
            self.entity_filter = None;
            self.text_filter.clear();
            self.refresh_view();
            self.say("filter cleared");
        } else if self.focus != Pane::Articles {
            self.focus = Pane::Articles;
        }
    }

    fn mention(&mut self, forward: bool) {
        let rows = self.reader_rows;
        let Some(o) = self.open.as_mut() else { return };
        let Some((n, total)) = o.step_mention(forward, rows) else {
            self.say("select an entity in the Entities pane (3) first");
            return;
        };
        o.highlight = true;
        let name = o.selected_group().map(|g| g.name.clone()).unwrap_or_default();
        self.state.positions.insert(o.id.clone(), o.cursor);
        self.say(format!("{name}: mention {n} of {total}"));
    }

    fn add_note(&mut self) {
        let Some(o) = self.open.as_ref() else {
            self.say("open a briefing first (Enter in Articles)");
            return;
        };
        if let Some(e) = &o.notes_error {
            let e = e.clone();
            self.warn(format!("{e} — fix or move the file to add notes"));
            return;
        }
        let ordinal = o.cursor;
        self.editor = Some(Editor::new(EditTarget::New { ordinal }, String::new()));
    }

    fn selected_note(&self) -> Option<&Note> {
        let o = self.open.as_ref()?;
        let &n = o.note_order.get(o.note_sel)?;
        o.notes.notes.get(n)
    }

    fn edit_note(&mut self) {
        if let Some(note) = self.selected_note() {
            let (id, text) = (note.id.clone(), note.text.clone());
            self.editor = Some(Editor::new(EditTarget::Existing { id }, text));
        } else {
            self.say("no note selected (Notes pane: 4)");
        }
    }

    fn delete_note(&mut self) -> Vec<Effect> {
        if self.focus != Pane::Notes {
            self.say("select a note in the Notes pane (4) to delete it");
            return Vec::new();
        }
        if let Some(e) = self.open.as_ref().and_then(|o| o.notes_error.clone()) {
            self.warn(e);
            return Vec::new();
        }
        match self.selected_note().map(|n| n.id.clone()) {
            Some(id) => self.remove_note(&id),
            None => Vec::new(),
        }
    }

    fn undo_delete(&mut self) -> Vec<Effect> {
        let Some(o) = self.open.as_mut() else {
            return Vec::new();
        };
        let Some(pos) = self.undo.iter().rposition(|(id, _)| *id == o.id) else {
            self.say("nothing to undo");
            return Vec::new();
        };
        let (_, note) = self.undo.remove(pos);
        o.notes.add(note);
        o.replace_notes();
        *self.notes_count.entry(o.id.clone()).or_default() += 1;
        self.say("note restored");
        vec![Effect::SaveNotes]
    }

    /// Saves the editor's text: a new note, an edit, or (empty) nothing.
    pub fn save_editor(&mut self) -> Vec<Effect> {
        let Some(editor) = self.editor.take() else {
            return Vec::new();
        };
        let Some(o) = self.open.as_mut() else {
            return Vec::new();
        };
        let text = editor.text.trim_end().to_owned();
        match editor.target {
            EditTarget::New { ordinal } => {
                if text.trim().is_empty() {
                    self.say("empty note not kept");
                    return Vec::new();
                }
                o.notes.add(Note::new(text, &o.paragraphs, ordinal));
                o.replace_notes();
                if let Some(pos) = o.note_order.iter().position(|&i| i == o.notes.notes.len() - 1) {
                    o.note_sel = pos;
                }
                *self.notes_count.entry(o.id.clone()).or_default() += 1;
                self.say(format!("note added to paragraph {}", ordinal + 1));
            }
            EditTarget::Existing { id } => {
                if text.trim().is_empty() {
                    return self.remove_note(&id);
                }
                if let Some(n) = o.notes.notes.iter_mut().find(|n| n.id == id) {
                    if n.text == text {
                        return Vec::new();
                    }
                    n.set_text(text);
                }
                self.say("note saved");
            }
        }
        vec![Effect::SaveNotes]
    }

    fn remove_note(&mut self, id: &str) -> Vec<Effect> {
        let Some(o) = self.open.as_mut() else {
            return Vec::new();
        };
        let Some(note) = o.notes.remove(id) else {
            return Vec::new();
        };
        o.replace_notes();
        if let Some(c) = self.notes_count.get_mut(&o.id) {
            *c = c.saturating_sub(1);
        }
        self.undo.push((o.id.clone(), note));
        let key = self.keymap.label(Action::Undo);
        self.say(format!("note deleted — {key} undoes"));
        vec![Effect::SaveNotes]
    }

    /// Keys while the note editor is open: text goes in, Esc or Ctrl-s
    /// saves, Enter is a new line.
    pub fn editor_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Some(ed) = self.editor.as_mut() else {
            return Vec::new();
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return self.save_editor(),
            KeyCode::Char('s') if ctrl => return self.save_editor(),
            KeyCode::Char('e') if ctrl => return vec![Effect::EditExternally],
            KeyCode::Enter => ed.insert('\n'),
            KeyCode::Backspace => ed.backspace(),
            KeyCode::Delete => ed.delete(),
            KeyCode::Left => ed.left(),
            KeyCode::Right => ed.right(),
            KeyCode::Up => ed.vertical(true),
            KeyCode::Down => ed.vertical(false),
            KeyCode::Tab => ed.insert_str("    "),
            KeyCode::Char(c) if !ctrl => ed.insert(c),
            _ => {}
        }
        Vec::new()
    }

    /// Keys while typing the Articles filter.
    /// A Reader search is in force and the Reader has focus.
    fn searching(&self) -> bool {
        self.focus == Pane::Reader && self.open.as_ref().is_some_and(|o| o.search.is_some())
    }

    /// Moves the cursor to the next (or previous) paragraph that matches.
    fn search_step(&mut self, forward: bool) {
        let rows = self.reader_rows;
        let Some(o) = self.open.as_mut() else { return };
        let Some(search) = &o.search else { return };
        let query = search.query.clone();
        match search.step(o.cursor, forward) {
            Some((n, block)) => {
                let total = search.blocks.len();
                o.goto_block(block, rows);
                self.state.positions.insert(o.id.clone(), o.cursor);
                self.say(format!("“{query}”: {n} of {total} — Esc clears"));
            }
            None => self.say(format!("“{query}” is not in this briefing")),
        }
    }

    /// Keys while typing a Reader search.
    fn search_key(&mut self, key: KeyEvent) {
        let Some(input) = self.search_input.as_mut() else {
            return;
        };
        match key.code {
            KeyCode::Esc => self.search_input = None,
            KeyCode::Enter => {
                let query = std::mem::take(input);
                self.search_input = None;
                if let Some(o) = self.open.as_mut() {
                    o.search = (!query.is_empty()).then(|| super::search::Search::new(&query, &o.paragraphs));
                }
                self.search_step(true);
            }
            KeyCode::Backspace => {
                input.pop();
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => input.push(c),
            _ => {}
        }
    }

    pub fn input_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.search_input.is_some() {
            self.search_key(key);
            return Vec::new();
        }
        let Some(input) = self.input.as_mut() else {
            return Vec::new();
        };
        match key.code {
            KeyCode::Esc => {
                self.input = None;
                self.text_filter.clear();
            }
            KeyCode::Enter => {
                self.input = None;
            }
            KeyCode::Backspace => {
                input.pop();
                self.text_filter = input.clone();
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                input.push(c);
                self.text_filter = input.clone();
            }
            _ => return Vec::new(),
        }
        self.refresh_view();
        Vec::new()
    }
}

fn clamp_add(value: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (value as isize + delta).clamp(0, len as isize - 1) as usize
}
