//! Background work: std threads whose results come back to the loop as
//! [`Action`]s on one channel. No async runtime; a job is a closure.

use crate::app::Action;
use crate::store::stat_signature;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

/// Where jobs send what they found.
#[derive(Debug, Clone)]
pub struct Jobs {
    tx: Sender<Action>,
}

impl Jobs {
    /// A job sender and the receiver the loop drains.
    pub fn new() -> (Self, Receiver<Action>) {
        let (tx, rx) = mpsc::channel();
        (Self { tx }, rx)
    }

    /// Runs `work` on its own thread and sends its action. A loop that has
    /// gone away is no error: the result is simply dropped.
    pub fn spawn(&self, work: impl FnOnce() -> Action + Send + 'static) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(work());
        });
    }

    /// Sends an action now, from a job under way (progress).
    pub fn send(&self, action: Action) {
        let _ = self.tx.send(action);
    }

    /// Looks at the store every `every` — file metadata only — and says
    /// when anything was added, removed or modified; the app then has the
    /// index brought up to date. The thread ends when the loop does.
    pub fn watch_store(&self, roots: Vec<PathBuf>, every: Duration) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let mut last = stat_signature(&roots);
            loop {
                std::thread::sleep(every);
                let now = stat_signature(&roots);
                if now == last {
                    continue;
                }
                last = now;
                if tx.send(Action::StoreTouched).is_err() {
                    return;
                }
            }
        });
    }
}
