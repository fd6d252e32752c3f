//! The terminal loop: events in (translated to actions by `input`), the
//! app updated, its effects performed (by `effects`, or here for the one
//! that needs the terminal), frames out (by `ui`). The terminal is
//! restored on every way out: quit, error, panic (ratatui's hook), SIGTERM
//! and SIGHUP.

mod external;
pub mod input;
mod signals;

use signals::Signals;

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

/// How long the store's changes settle before the index follows them (and
/// how often it is looked at where the system cannot watch it).
const WATCH_EVERY: Duration = Duration::from_millis(500);

/// How often notes not saved yet are tried again.
const RETRY_EVERY: Duration = Duration::from_secs(5);

/// How long the loop waits for the next event of a batch.
const DRAIN_WAIT: Duration = Duration::from_millis(1);

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
    let signals = Signals::register()?;
    let done = Arc::new(AtomicBool::new(false));
    watch_for_hangup(signals.stop_flag(), Arc::clone(&done));
    let mut terminal = ratatui::try_init()?;
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::EnableMouseCapture,
        crossterm::event::EnableBracketedPaste
    );
    let result = event_loop(&mut terminal, app, session, &signals);
    signals::leave_terminal();
    done.store(true, Ordering::Relaxed);
    // Saves that kept failing: the notes must not vanish with the process.
    if app.has_unsaved_notes() {
        let (files, recovered) = app.unsaved();
        for file in files {
            eprintln!(
                "brief: notes of {} could not be saved; here they are:",
                crate::sanitize::sanitize(&file.briefing)
            );
            for n in &file.notes {
                eprintln!("--- ¶{}", n.anchor.ordinal + 1);
                for line in n.text.lines() {
                    eprintln!("{}", crate::sanitize::sanitize(line));
                }
            }
        }
        let places: Vec<String> = recovered.iter().map(|p| p.display().to_string()).collect();
        let saved_to = if places.is_empty() {
            "no recovery file could be written either".to_owned()
        } else {
            format!("they are also in {}", places.join(", "))
        };
        result?;
        anyhow::bail!(
            "{} notes could not be saved; {}",
            app.unsaved_count(),
            crate::sanitize::sanitize(&saved_to)
        );
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
    signals: &Signals,
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
            Effect::Copy { what, text } => vec![copy_to_clipboard(what, &text)],
            Effect::Suspend => {
                // Ctrl-Z: as in any terminal program; the screen comes back on `fg`.
                let _ = signals::suspend();
                let _ = repaint(terminal);
                Vec::new()
            }
            other => effects::perform(session.io, Some(&jobs), other),
        });
    };
    act(app, terminal, Action::Start);
    let mut last_retry = std::time::Instant::now();
    // The screen's size, asked once and then told by resize events (asking
    // opens the terminal device each time).
    let mut screen: ratatui::layout::Rect = terminal.size()?.into();
    let mut dirty = true;
    while !app.should_quit() && !signals.stop_requested() {
        if signals.take_suspend() {
            signals::suspend()?;
            repaint(terminal)?;
            screen = terminal.size()?.into();
            dirty = true;
        }
        if signals.take_resumed() {
            // Stopped without warning (SIGSTOP) and continued: the shell may
            // have changed the terminal meanwhile.
            signals::enter_terminal()?;
            repaint(terminal)?;
            screen = terminal.size()?.into();
            dirty = true;
        }
        if app.has_unsaved_notes() && last_retry.elapsed() >= RETRY_EVERY {
            last_retry = std::time::Instant::now();
            act(app, terminal, Action::Tick);
            dirty = true;
        }
        while let Ok(action) = results.try_recv() {
            act(app, terminal, action);
            dirty = true;
        }
        // Drawn only when something changed: an idle reader uses no CPU.
        if dirty {
            let sizes = ui::pane_sizes(screen, app.focus(), app.sizes());
            if sizes != app.sizes() {
                act(app, terminal, Action::Resize(sizes));
            }
            terminal.draw(|frame| ui::draw(frame, app, look, &mut frame_map))?;
            dirty = false;
        }
        let wait = Duration::from_millis(if app.is_busy() { 50 } else { 250 });
        if !event::poll(wait)? {
            continue;
        }
        dirty = true;
        for _ in 0..BATCH {
            let event = event::read()?;
            if let event::Event::Resize(w, h) = event {
                screen = ratatui::layout::Rect::new(0, 0, w, h);
            }
            for action in input::translate(&event, app, session.keymap, &frame_map) {
                act(app, terminal, action);
            }
            // Not a zero wait: crossterm's tty source only hands over the
            // events it already parsed when it is given time to look.
            if app.should_quit() || !event::poll(DRAIN_WAIT)? {
                break;
            }
        }
    }
    if !app.should_quit() {
        act(app, terminal, Action::Shutdown);
    }
    Ok(())
}

/// Puts text on the clipboard of the terminal the reader runs in, local or
/// over SSH, by OSC 52. Only the base64 of the sanitised text is sent.
fn copy_to_clipboard(what: String, text: &str) -> Action {
    use base64::Engine as _;
    use std::io::Write as _;
    let clean = crate::sanitize::sanitize(text);
    let encoded = base64::engine::general_purpose::STANDARD.encode(clean.as_bytes());
    let mut out = std::io::stdout().lock();
    let sent = write!(out, "\x1b]52;c;{encoded}\x07").and_then(|()| out.flush());
    Action::Copied(
        sent.map(|()| (what, clean.chars().count()))
            .map_err(|e| format!("cannot copy: {e}")),
    )
}

/// Makes the next frame repaint every cell, after the terminal was given
/// away (`Terminal::clear` would ask the terminal for its cursor, which not
/// every terminal answers).
fn repaint(terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    terminal
        .draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))
        .map(|_| ())
}
