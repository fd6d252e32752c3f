//! The terminal loop: events in (translated to actions by `input`), the
//! app updated, its effects performed (by `effects`, or here for the one
//! that needs the terminal), frames out (by `ui`). The terminal is
//! restored on every way out: quit, error, panic (ratatui's hook), SIGTERM
//! and SIGHUP.

mod external;
pub mod input;

use crate::app::{Action, App, Effect};
use crate::effects::{self, Io};
use crate::jobs::Jobs;
use crate::keymap::Keymap;
use crate::theme::Theme;
use crate::ui::{self, FrameMap, Look};
use crossterm::event;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the store is looked at again for new, edited and removed files.
const WATCH_EVERY: Duration = Duration::from_secs(2);

/// Events taken in one batch before the next frame: a flood of keys costs
/// one frame per batch, not one per key.
const BATCH: usize = 1024;

/// What the loop needs besides the app.
#[derive(Debug, Clone)]
pub struct Session<'a> {
    pub io: &'a Io,
    /// The store's folders and files, watched for changes (empty: not watched).
    pub roots: Vec<PathBuf>,
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
}

/// Runs the reader until the user quits or a signal asks it to stop.
pub fn run(app: &mut App, session: &Session<'_>) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let done = Arc::new(AtomicBool::new(false));
    watch_for_hangup(Arc::clone(&stop), Arc::clone(&done));
    let mut terminal = ratatui::try_init()?;
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::EnableMouseCapture,
        crossterm::event::EnableBracketedPaste
    );
    let result = event_loop(&mut terminal, app, session, &stop);
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::DisableMouseCapture,
        crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
    done.store(true, Ordering::Relaxed);
    // A save that kept failing: the notes must not vanish with the process.
    if let (true, Some(open)) = (app.has_unsaved_notes(), app.open()) {
        eprintln!(
            "brief: notes of {} could not be saved; here they are:",
            crate::sanitize::sanitize(&open.id)
        );
        for n in &open.notes.notes {
            eprintln!("--- ¶{}", n.anchor.ordinal + 1);
            for line in n.text.lines() {
                eprintln!("{}", crate::sanitize::sanitize(line));
            }
        }
    }
    result
}

/// When the terminal hangs up, crossterm's `read` can spin forever on the
/// closed tty, so the loop never sees the signal. This thread gives the loop
/// half a second to stop by itself, then restores what it can and exits.
/// Notes are already on disk: every change is saved at once.
fn watch_for_hangup(stop: Arc<AtomicBool>, done: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_millis(500));
        if !done.load(Ordering::Relaxed) {
            ratatui::restore();
            std::process::exit(0);
        }
    });
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    session: &Session<'_>,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let (jobs, results) = Jobs::new();
    if !session.roots.is_empty() {
        jobs.watch_store(session.roots.clone(), WATCH_EVERY);
    }
    let look = Look {
        theme: session.theme,
        keymap: session.keymap,
    };
    let mut frame_map = FrameMap::default();
    // Every action goes through here: the app's effects are performed and
    // what they learn is sent back, until nothing is left to do.
    let act = |app: &mut App, terminal: &mut ratatui::DefaultTerminal, action: Action| {
        effects::dispatch_with(app, action, |effect| match effect {
            Effect::EditExternally(text) => vec![external::edit(terminal, &text)],
            other => effects::perform(session.io, Some(&jobs), other),
        });
    };
    act(app, terminal, Action::Start);
    while !app.should_quit() && !stop.load(Ordering::Relaxed) {
        while let Ok(action) = results.try_recv() {
            act(app, terminal, action);
        }
        let size = terminal.size()?;
        let sizes = ui::pane_sizes(size.into(), app.focus(), app.sizes());
        if sizes != app.sizes() {
            act(app, terminal, Action::Resize(sizes));
        }
        terminal.draw(|frame| ui::draw(frame, app, look, &mut frame_map))?;
        let wait = Duration::from_millis(if app.is_busy() { 50 } else { 250 });
        if !event::poll(wait)? {
            continue;
        }
        for _ in 0..BATCH {
            let event = event::read()?;
            for action in input::translate(&event, app, session.keymap, &frame_map) {
                act(app, terminal, action);
            }
            if app.should_quit() || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    if !app.should_quit() {
        act(app, terminal, Action::Shutdown);
    }
    Ok(())
}
