//! Reader timings, in process: time to the first full frame over a store,
//! opening a big briefing, and handling a key plus a redraw on it.
//!
//! `cargo bench --bench tui` (after `scripts/bench.sh` has generated
//! `bench-out/corpus`; without it only the bundled briefings are timed).
//! Figures go to BENCHMARKS.md by hand.

use brief::app::{Action, App, Command};
use brief::config::ThemeName;
use brief::effects::{Io, dispatch};
use brief::index::Index;
use brief::jobs::Jobs;
use brief::keymap::Keymap;
use brief::notes::NotesStore;
use brief::reading_state::ReadingState;
use brief::store::scan;
use brief::theme::Theme;
use brief::ui::{self, FrameMap, Look};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Sizes the panes as the loop does, then draws a frame.
fn draw(terminal: &mut Terminal<TestBackend>, app: &mut App, theme: &Theme) {
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let sizes = ui::pane_sizes(area, app.focus(), app.sizes());
    if sizes != app.sizes() {
        app.update(Action::Resize(sizes));
    }
    let keymap = Keymap::default();
    let look = Look {
        theme,
        keymap: &keymap,
    };
    let mut map = FrameMap::default();
    terminal.draw(|f| ui::draw(f, app, look, &mut map)).expect("draw");
}

/// A reader over `briefings` with nothing read yet, and its 120×40 screen.
fn fresh(briefings: Vec<brief::store::Briefing>) -> (App, Terminal<TestBackend>) {
    let app = App::new(briefings, ReadingState::default(), HashMap::new());
    (app, Terminal::new(TestBackend::new(120, 40)).expect("terminal"))
}

/// Scan a store, build the app, draw the first frame: the median of `runs`.
fn first_frame(store: &Path, runs: usize) -> Duration {
    let theme = Theme::new(ThemeName::Dark, false);
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let (mut app, mut terminal) = fresh(scan(store).expect("scan"));
        draw(&mut terminal, &mut app, &theme);
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = root.join("bench-out/corpus");
    let io = Io {
        notes: NotesStore::new(tmp.path().join("notes")),
        data_dir: tmp.path().join("data"),
        config_file: tmp.path().join("config.toml"),
        index: Arc::new(Mutex::new(
            Index::open(&tmp.path().join("cache"), std::slice::from_ref(&corpus)).expect("index"),
        )),
        cache_dir: tmp.path().join("cache"),
        roots: vec![corpus.clone()],
    };
    let bundled = root.join("assets/briefings");
    println!("first frame, bundled briefings: {:?}", first_frame(&bundled, 20));
    if !corpus.exists() {
        println!("(bench-out/corpus missing: run scripts/bench.sh first for the larger figures)");
        return;
    }
    let count = std::fs::read_dir(&corpus).map_or(0, Iterator::count);
    println!("first frame, {count} briefings: {:?}", first_frame(&corpus, 5));

    // Open the 10 MB briefing and press keys on it.
    let theme = Theme::new(ThemeName::Dark, false);
    let briefings = scan(&corpus).expect("scan");
    let (mut app, mut terminal) = fresh(briefings);
    draw(&mut terminal, &mut app, &theme);
    let big = app
        .view()
        .iter()
        .position(|&i| app.briefings()[i].id == "sized-10m.md")
        .expect("sized-10m.md");
    for _ in 0..big {
        app.update(Command::Down.into());
    }
    let (jobs, results) = Jobs::new();
    let t = Instant::now();
    dispatch(&mut app, &io, Some(&jobs), Command::Select.into());
    draw(&mut terminal, &mut app, &theme);
    println!("open the 10 MB briefing and draw its text: {:?}", t.elapsed());
    let found = results.recv().expect("entities found in the background");
    dispatch(&mut app, &io, Some(&jobs), found);
    draw(&mut terminal, &mut app, &theme);
    println!(
        "... and with its entities (found in the background): {:?}",
        t.elapsed()
    );
    app.update(Command::FocusReader.into());
    let mut worst = Duration::ZERO;
    let mut total = Duration::ZERO;
    let presses = 200;
    for n in 0..presses {
        let command = if n % 3 == 0 {
            Command::PageDown
        } else {
            Command::Down
        };
        let t = Instant::now();
        dispatch(&mut app, &io, Some(&jobs), command.into());
        draw(&mut terminal, &mut app, &theme);
        let d = t.elapsed();
        total += d;
        worst = worst.max(d);
    }
    println!(
        "key + redraw on the 10 MB briefing: mean {:?}, worst {:?} ({presses} presses)",
        total / presses,
        worst
    );
}
