//! Shared set-up for the state and render tests: an App over the bundled
//! briefings with notes and state in a temporary folder.
#![allow(dead_code)]

use brief::app::{Action, App, Effect};
use brief::keymap::Keymap;
use brief::notes::NotesStore;
use brief::reading_state::ReadingState;
use brief::store::scan;
use brief::tui::{Io, perform};
use std::collections::HashMap;
use std::path::Path;

pub const SEED_ID: &str = "000_e339247b8c1bd523.txt";

/// An app over `assets/briefings` whose IO goes to `tmp`.
pub fn app(tmp: &Path) -> (App, Io) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/briefings");
    let briefings = scan(&root).expect("bundled briefings");
    let io = Io {
        notes: NotesStore::new(tmp.join("notes")),
        data_dir: tmp.join("data"),
        config_file: tmp.join("config.toml"),
        finder: None,
        roots: Vec::new(),
    };
    let mut counts = HashMap::new();
    for (_, f) in io.notes.all() {
        if let Ok(f) = f {
            counts.insert(f.briefing.clone(), f.notes.len());
        }
    }
    let (state, _) = ReadingState::load(&io.data_dir);
    let mut app = App::new(briefings, state, counts, Keymap::default());
    let config = brief::config::Config::load(&io.config_file).expect("config");
    app.watch = config.watchlist();
    app.set_reader_size(70, 30);
    (app, io)
}

/// Sends an action and performs the IO it asks for, as the loop does.
pub fn send(app: &mut App, io: &Io, action: Action) -> Vec<Effect> {
    let effects = app.update(action);
    for e in &effects {
        perform(app, io, e);
    }
    effects
}

/// Selects a briefing by id in Articles and opens it.
pub fn open(app: &mut App, io: &Io, id: &str) {
    send(app, io, Action::FocusArticles);
    let pos = app
        .view
        .iter()
        .position(|&i| app.briefings[i].id == id)
        .expect("briefing listed");
    app.selected = pos;
    send(app, io, Action::Select);
    assert_eq!(app.open.as_ref().map(|o| o.id.as_str()), Some(id));
}

/// Types text into the note editor and saves it with Esc.
pub fn type_note(app: &mut App, io: &Io, text: &str) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        app.editor_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
    let effects = app.editor_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    for e in &effects {
        perform(app, io, e);
    }
}

/// An app over the bundled briefings with the seed open.
pub fn seed_open(tmp: &Path) -> (App, Io) {
    let (mut app, io) = app(tmp);
    open(&mut app, &io, SEED_ID);
    (app, io)
}

/// Types text at the Articles filter or the Reader search prompt.
pub fn type_input(app: &mut App, text: &str) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in text.chars() {
        app.input_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}
