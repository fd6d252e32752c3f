//! Typed text: the note editor, the Articles filter (applied as it is
//! typed) and the Reader search (applied on Enter).

use super::search::Search;
use super::{App, EditKey, Effect, Mode};

impl App {
    pub(super) fn edit_key(&mut self, key: EditKey) -> Vec<Effect> {
        match &mut self.mode {
            Mode::Editing(ed) => {
                match key {
                    EditKey::Char(c) => ed.insert(c),
                    EditKey::Enter => ed.insert('\n'),
                    EditKey::Backspace => ed.backspace(),
                    EditKey::Delete => ed.delete(),
                    EditKey::Left => ed.left(),
                    EditKey::Right => ed.right(),
                    EditKey::Up => ed.vertical(true),
                    EditKey::Down => ed.vertical(false),
                    EditKey::Tab => ed.insert_str("    "),
                    // Esc saves unless bound otherwise; the keymap decides.
                    EditKey::Escape => {}
                }
                Vec::new()
            }
            Mode::Filter { .. } => {
                self.filter_key(key);
                Vec::new()
            }
            Mode::Search { .. } => {
                self.search_key(key);
                Vec::new()
            }
            Mode::ArchiveSearch { .. } => self.archive_search_key(key),
            Mode::Link { .. } => self.link_key(key),
            Mode::Export { .. } => self.export_key(key),
            Mode::ChooseKind { .. } => self.choose_kind_key(key),
            Mode::Normal | Mode::Help { .. } | Mode::Outline { .. } => Vec::new(),
        }
    }

    /// Pasted text goes into the editor or the prompt being typed.
    pub(super) fn paste(&mut self, text: &str) -> Vec<Effect> {
        match &mut self.mode {
            Mode::Editing(ed) => ed.insert_str(text),
            Mode::Filter { input } => {
                input.extend(text.chars().filter(|c| !c.is_control()));
                let query = input.clone();
                self.apply_filter(&query);
            }
            Mode::Search { input } | Mode::ArchiveSearch { input } | Mode::Export { input } => {
                input.extend(text.chars().filter(|c| !c.is_control()));
            }
            Mode::Normal
            | Mode::Help { .. }
            | Mode::Outline { .. }
            | Mode::Link { .. }
            | Mode::ChooseKind { .. } => {}
        }
        Vec::new()
    }

    fn filter_key(&mut self, key: EditKey) {
        let Mode::Filter { input } = &mut self.mode else {
            return;
        };
        match key {
            EditKey::Escape => {
                self.mode = Mode::Normal;
                self.apply_filter("");
            }
            EditKey::Enter => self.mode = Mode::Normal,
            EditKey::Backspace => {
                input.pop();
                let query = input.clone();
                self.apply_filter(&query);
            }
            EditKey::Char(c) => {
                input.push(c);
                let query = input.clone();
                self.apply_filter(&query);
            }
            _ => {}
        }
    }

    /// The filter applies to the pane it was typed in: Articles by title,
    /// source and tags; Entities by name; Notes by text. The selection
    /// moves to a shown entry.
    pub(super) fn apply_filter(&mut self, query: &str) {
        match (self.focus, self.open.as_mut()) {
            (super::Pane::Entities, Some(o)) => {
                query.clone_into(&mut o.entity_query);
                if !o.group_shown(o.entity_sel) {
                    o.entity_sel = (0..o.groups.len()).find(|&i| o.group_shown(i)).unwrap_or(0);
                }
            }
            (super::Pane::Notes, Some(o)) => {
                query.clone_into(&mut o.note_query);
                if !o.note_shown(o.note_sel) {
                    o.note_sel = (0..o.note_order.len()).find(|&i| o.note_shown(i)).unwrap_or(0);
                }
            }
            _ => {
                query.clone_into(&mut self.text_filter);
                self.refresh_view();
            }
        }
    }

    fn search_key(&mut self, key: EditKey) {
        let Mode::Search { input } = &mut self.mode else {
            return;
        };
        match key {
            EditKey::Escape => self.mode = Mode::Normal,
            EditKey::Enter => {
                let query = std::mem::take(input);
                self.mode = Mode::Normal;
                if let Some(o) = self.open.as_mut() {
                    o.search = (!query.is_empty()).then(|| Search::new(&query, &o.paragraphs));
                }
                self.search_step(true);
            }
            EditKey::Backspace => {
                input.pop();
            }
            EditKey::Char(c) => input.push(c),
            _ => {}
        }
    }
}
