//! Shared set-up for the state and render tests: an App over the bundled
//! briefings with notes and state in a temporary folder, driven the way
//! the loop drives it (actions in, effects performed, results back).
#![allow(dead_code)]

use brief::app::{Action, App, Command, EditKey, Effect, PaneSizes};
use brief::effects::{Io, dispatch};
use brief::index::Index;
use brief::keymap::Keymap;
use brief::notes::NotesStore;
use brief::reading_state::ReadingState;
use brief::store::scan;
use brief::theme::Theme;
use brief::ui::{self, FrameMap, Look};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub const SEED_ID: &str = "000_e339247b8c1bd523.txt";

/// Where effects go for a test in `tmp`, over the store `roots`.
pub fn io(tmp: &Path, roots: &[PathBuf]) -> Io {
    let cache_dir = tmp.join("cache");
    let index = Index::open(&cache_dir, roots).expect("index");
    Io {
        notes: NotesStore::new(tmp.join("notes")).for_store(roots),
        data_dir: tmp.join("data"),
        config_file: tmp.join("config.toml"),
        index: Arc::new(Mutex::new(index)),
        cache_dir,
        roots: roots.to_vec(),
    }
}

/// The bundled briefings' folder.
pub fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/briefings")
}

/// An app over `assets/briefings` whose IO goes to `tmp`, started as the
/// loop starts it (the index brought up to date).
pub fn app(tmp: &Path) -> (App, Io) {
    let root = bundled();
    let briefings = scan(&root).expect("bundled briefings");
    let io = io(tmp, &[root]);
    let mut counts = HashMap::new();
    for (_, f) in io.notes.all() {
        if let Ok(f) = f {
            counts.insert(f.briefing.clone(), f.notes.len());
        }
    }
    let (state, _) = ReadingState::load(&io.data_dir);
    let config = brief::config::Config::load(&io.config_file).expect("config");
    let mut app = App::new(briefings, state, counts).with_watchlist(config.watchlist());
    resize(&mut app, 70, 30);
    send(&mut app, &io, Action::Start);
    (app, io)
}

/// Gives the Reader a text area of `width` × `rows`.
pub fn resize(app: &mut App, width: usize, rows: usize) {
    app.update(Action::Resize(PaneSizes {
        reader_width: width,
        reader_rows: rows,
        list_rows: 10,
    }));
}

/// Sends an action and performs the IO it leads to, as the loop does
/// (background work runs at once). Returns the effects it asked for.
pub fn send(app: &mut App, io: &Io, action: impl Into<Action>) -> Vec<Effect> {
    dispatch(app, io, None, action.into())
}

/// Selects a briefing by id in Articles and opens it.
pub fn open(app: &mut App, io: &Io, id: &str) {
    select(app, io, id);
    send(app, io, Command::Select);
    assert_eq!(app.open().map(|o| o.id.as_str()), Some(id));
}

/// Moves the Articles selection to a briefing by id.
pub fn select(app: &mut App, io: &Io, id: &str) {
    send(app, io, Command::FocusArticles);
    let pos = app
        .view()
        .iter()
        .position(|&i| app.briefings()[i].id == id)
        .expect("briefing listed");
    send(app, io, Command::Top);
    for _ in 0..pos {
        send(app, io, Command::Down);
    }
    assert_eq!(app.selected(), pos);
}

/// Types text into the note editor and saves it.
pub fn type_note(app: &mut App, io: &Io, text: &str) {
    type_input(app, io, text);
    send(app, io, Command::SaveNote);
}

/// Types text at the editor, the Articles filter or the Reader search.
pub fn type_input(app: &mut App, io: &Io, text: &str) {
    for c in text.chars() {
        let key = if c == '\n' {
            EditKey::Enter
        } else {
            EditKey::Char(c)
        };
        send(app, io, Action::Edit(key));
    }
}

/// An app over the bundled briefings with the seed open.
pub fn seed_open(tmp: &Path) -> (App, Io) {
    let (mut app, io) = app(tmp);
    open(&mut app, &io, SEED_ID);
    (app, io)
}

/// Draws a frame at `w` × `h`, the panes sized first as the loop does;
/// returns the screen and what was drawn where.
pub fn draw(app: &mut App, theme: &Theme, w: u16, h: u16) -> (Buffer, FrameMap) {
    let mut map = FrameMap::default();
    let buf = draw_with(app, theme, w, h, &mut map);
    (buf, map)
}

/// [`draw`] keeping the frame map (and its list offsets) across frames.
pub fn draw_with(app: &mut App, theme: &Theme, w: u16, h: u16, map: &mut FrameMap) -> Buffer {
    draw_keys(app, theme, &Keymap::default(), w, h, map)
}

/// [`draw_with`] with the user's keys.
pub fn draw_keys(
    app: &mut App,
    theme: &Theme,
    keymap: &Keymap,
    w: u16,
    h: u16,
    map: &mut FrameMap,
) -> Buffer {
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    let sizes = ui::pane_sizes(area, app.focus(), app.sizes());
    app.update(Action::Resize(sizes));
    let look = Look { theme, keymap };
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, app, look, map)).unwrap();
    terminal.backend().buffer().clone()
}

/// Focuses Entities and selects the entity called `name`.
pub fn select_entity(app: &mut App, io: &Io, name: &str) {
    send(app, io, Command::FocusEntities);
    send(app, io, Command::Top);
    let at = app
        .open()
        .unwrap()
        .groups
        .iter()
        .position(|g| g.name == name)
        .unwrap_or_else(|| panic!("{name} is an entity of the open briefing"));
    for _ in 0..at {
        send(app, io, Command::Down);
    }
    assert_eq!(
        app.open().unwrap().selected_group().map(|g| g.name.as_str()),
        Some(name)
    );
}
