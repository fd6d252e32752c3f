//! Background work: std threads whose results come back to the loop as
//! [`Action`]s on one channel. No async runtime; a job is a closure.

use crate::app::Action;
use crate::store::{scan_paths, stat_signature};
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

    /// Looks at the store every `every` — file metadata only — and when
    /// anything was added, removed or modified, reads the list again and
    /// sends it. The thread ends when the loop does.
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
                let Ok(briefings) = scan_paths(&roots) else {
                    continue;
                };
                if tx.send(Action::StoreChanged(briefings)).is_err() {
                    return;
                }
            }
        });
    }
}
