//! Reader timings, in process: time to the first full frame over a store,
//! opening a big briefing, and handling a key plus a redraw on it.
//!
//! `cargo bench --bench tui` (after `scripts/bench.sh` has generated
//! `bench-out/corpus`; without it only the bundled briefings are timed).
//! Figures go to BENCHMARKS.md by hand.

use brief::app::{Action, App, Effect};
use brief::config::ThemeName;
use brief::keymap::Keymap;
use brief::notes::NotesStore;
use brief::reading_state::ReadingState;
use brief::store::scan;
use brief::theme::Theme;
use brief::tui::{Io, perform, size_panes};
use brief::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

fn draw(terminal: &mut Terminal<TestBackend>, app: &mut App, theme: &Theme) {
    terminal
        .draw(|f| {
            let areas = ui::areas(f.area(), app.focus);
            size_panes(app, &areas);
            ui::draw(f, app, theme);
        })
        .expect("draw");
}

/// A reader over `briefings` with nothing read yet, and its 120×40 screen.
fn fresh(briefings: Vec<brief::store::Briefing>) -> (App, Terminal<TestBackend>) {
    let app = App::new(
        briefings,
        ReadingState::default(),
        HashMap::new(),
        Keymap::default(),
    );
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
    let io = Io {
        notes: NotesStore::new(tmp.path().join("notes")),
        data_dir: tmp.path().join("data"),
        config_file: tmp.path().join("config.toml"),
        finder: None,
        roots: Vec::new(),
    };
    let bundled = root.join("assets/briefings");
    println!("first frame, bundled briefings: {:?}", first_frame(&bundled, 20));
    let corpus = root.join("bench-out/corpus");
    if !corpus.exists() {
        println!("(bench-out/corpus missing: run scripts/bench.sh first for the larger figures)");
        return;
    }
    let count = std::fs::read_dir(&corpus).map_or(0, Iterator::count);
    println!("first frame, {count} briefings: {:?}", first_frame(&corpus, 5));

    // Open the 10 MB briefing and press keys on it.
    let theme = Theme::new(ThemeName::Dark, false);
    let briefings = scan(&corpus).expect("scan");
    let big = briefings
        .iter()
        .position(|b| b.id == "sized-10m.md")
        .expect("sized-10m.md");
    let (mut app, mut terminal) = fresh(briefings);
    draw(&mut terminal, &mut app, &theme);
    let (tx, rx) = std::sync::mpsc::channel();
    let io = Io {
        finder: Some(tx),
        ..io
    };
    let t = Instant::now();
    perform(&mut app, &io, &Effect::Open(big));
    draw(&mut terminal, &mut app, &theme);
    println!("open the 10 MB briefing and draw its text: {:?}", t.elapsed());
    let (index, analysed) = rx.recv().expect("entities found in the background");
    app.entities_found(index, analysed);
    draw(&mut terminal, &mut app, &theme);
    println!(
        "... and with its entities (found in the background): {:?}",
        t.elapsed()
    );
    app.focus = brief::app::Pane::Reader;
    let mut worst = Duration::ZERO;
    let mut total = Duration::ZERO;
    let presses = 200;
    for n in 0..presses {
        let action = if n % 3 == 0 {
            Action::PageDown
        } else {
            Action::Down
        };
        let t = Instant::now();
        for e in app.update(action) {
            perform(&mut app, &io, &e);
        }
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
