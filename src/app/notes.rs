//! Notes on the open briefing: add, edit, delete, undo, and what a save
//! reports back. Every change asks for a save at once.

use super::{App, Command, EditTarget, Editor, Effect, Mode, Pane};
use crate::notes::{Note, NotesFile};

impl App {
    pub(super) fn add_note(&mut self) {
        let Some(o) = self.open.as_ref() else {
            self.hint("open a briefing first", Command::Select, "opens the selected one");
            return;
        };
        if let Some(e) = &o.notes_error {
            let e = e.clone();
            self.warn(format!("{e} — fix or move the file to add notes"));
            return;
        }
        let ordinal = o.cursor;
        self.mode = Mode::Editing(Editor::new(EditTarget::New { ordinal }, String::new()));
    }

    fn selected_note(&self) -> Option<&Note> {
        let o = self.open.as_ref()?;
        let &n = o.note_order.get(o.note_sel)?;
        o.notes.notes.get(n)
    }

    pub(super) fn edit_note(&mut self) {
        if let Some(note) = self.selected_note() {
            let (id, text) = (note.id.clone(), note.text.clone());
            self.mode = Mode::Editing(Editor::new(EditTarget::Existing { id }, text));
        } else {
            self.hint("no note selected", Command::FocusNotes, "shows the notes");
        }
    }

    pub(super) fn delete_note(&mut self) -> Vec<Effect> {
        if self.focus != Pane::Notes {
            self.hint(
                "select a note in the Notes pane to delete it",
                Command::FocusNotes,
                "goes there",
            );
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

    pub(super) fn undo_delete(&mut self) -> Vec<Effect> {
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
        self.save_notes()
    }

    /// Saves the editor's text: a new note, an edit, or (empty) nothing.
    pub(super) fn save_editor(&mut self) -> Vec<Effect> {
        let Mode::Editing(editor) = std::mem::take(&mut self.mode) else {
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
        self.save_notes()
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
        self.hint("note deleted", Command::Undo, "undoes");
        self.save_notes()
    }

    /// The open briefing's notes, to be written.
    fn save_notes(&self) -> Vec<Effect> {
        match &self.open {
            Some(o) if o.notes_error.is_none() => vec![Effect::SaveNotes(o.notes.clone())],
            _ => Vec::new(),
        }
    }

    /// A save's outcome: the merged file (with other instances' notes)
    /// replaces the open one's, and any other notes waiting are tried
    /// again; or the notes are kept, marked unsaved, whatever is opened
    /// next — and on the way out, written to a recovery file.
    pub(super) fn notes_saved(
        &mut self,
        id: &str,
        result: Result<NotesFile, (NotesFile, String)>,
    ) -> Vec<Effect> {
        match result {
            Ok(file) => {
                self.notes_count.insert(id.to_owned(), file.notes.len());
                if let Some(o) = self.open.as_mut().filter(|o| o.id == id) {
                    o.notes = file;
                    o.replace_notes();
                }
                let was_unsaved = self.unsaved.remove(id).is_some();
                if was_unsaved && self.unsaved.is_empty() && !self.quit {
                    self.say("the notes kept in memory are saved now");
                }
                // The disk works again: the others may go through too.
                if was_unsaved {
                    self.retry_unsaved()
                } else {
                    Vec::new()
                }
            }
            Err((file, e)) => {
                self.unsaved.insert(id.to_owned(), file.clone());
                if self.quit {
                    return vec![Effect::Recover(file)];
                }
                let n = self.unsaved_count();
                // What happened first: the path and the reason can be long.
                let notes = if n == 1 { "1 note" } else { "notes" };
                self.warn(format!("{notes} not saved yet ({n}), kept and tried again — {e}"));
                Vec::new()
            }
        }
    }

    /// A briefing opens with the notes it had in memory, not yet saved, in
    /// place of the disk's (which the next save merges in).
    pub(super) fn take_unsaved(&self, id: &str) -> Option<NotesFile> {
        self.unsaved.get(id).cloned()
    }

    /// `E`: where to write the export, the current folder offered.
    pub(super) fn start_export(&mut self) {
        self.mode = Mode::Export {
            input: "brief-notes.md".to_owned(),
        };
    }

    pub(super) fn export_key(&mut self, key: super::EditKey) -> Vec<Effect> {
        use super::EditKey;
        let Mode::Export { input } = &mut self.mode else {
            return Vec::new();
        };
        match key {
            EditKey::Escape => self.mode = Mode::Normal,
            EditKey::Enter => {
                let path = std::path::PathBuf::from(input.trim());
                self.mode = Mode::Normal;
                if path.as_os_str().is_empty() {
                    return Vec::new();
                }
                return vec![Effect::ExportNotes(path)];
            }
            EditKey::Backspace => {
                input.pop();
            }
            EditKey::Char(c) => input.push(c),
            _ => {}
        }
        Vec::new()
    }

    /// The external editor's text replaces the editor's; a failure leaves
    /// the typed text as it was.
    pub(super) fn external_edit_done(&mut self, result: Result<String, String>) {
        let Mode::Editing(ed) = &mut self.mode else { return };
        match result {
            Ok(text) => {
                *ed = Editor::new(ed.target.clone(), text.trim_end_matches('\n').to_owned());
                self.hint("note text taken back from the editor", Command::SaveNote, "saves");
            }
            Err(e) => self.warn(e),
        }
    }
}
