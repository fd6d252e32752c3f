//! Signals while the reader runs: TERM, HUP, INT and QUIT end it cleanly
//! (the loop saves the draft and restores the terminal); TSTP suspends it
//! the way a shell expects, and CONT brings the screen back.

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Flags the signal handlers set and the loop reads.
#[derive(Debug, Clone, Default)]
pub struct Signals {
    stop: Arc<AtomicBool>,
    suspend: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
}

impl Signals {
    pub fn register() -> std::io::Result<Self> {
        let s = Self::default();
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal_hook::flag::register(signal, Arc::clone(&s.stop))?;
        }
        signal_hook::flag::register(SIGTSTP, Arc::clone(&s.suspend))?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&s.resumed))?;
        Ok(s)
    }

    /// The process is asked to end.
    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// The shared stop flag, for the hang-up watchdog.
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }

    /// A `kill -TSTP` arrived since the last look.
    pub fn take_suspend(&self) -> bool {
        self.suspend.swap(false, Ordering::Relaxed)
    }

    /// A `SIGCONT` arrived since the last look (after a stop the reader did
    /// not see coming, such as SIGSTOP).
    pub fn take_resumed(&self) -> bool {
        self.resumed.swap(false, Ordering::Relaxed)
    }
}

/// Gives the terminal back to the shell and stops the process, as Ctrl-Z
/// does elsewhere; returns once the shell continues it (`fg`).
pub fn suspend() -> std::io::Result<()> {
    leave_terminal();
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    enter_terminal()
}

/// The terminal as the shell wants it: cooked, main screen, no mouse.
pub fn leave_terminal() {
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::DisableMouseCapture,
        crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
}

/// The terminal as the reader wants it: raw, alternate screen, mouse.
pub fn enter_terminal() -> std::io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        crossterm::event::EnableMouseCapture,
        crossterm::event::EnableBracketedPaste
    )
}
