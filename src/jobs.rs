//! Background work: std threads whose results come back to the loop as
//! [`Action`]s on one channel. No async runtime; a job is a closure.

use crate::app::Action;
use crate::store::stat_signature;
use notify::Watcher as _;
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

    /// Watches the store's folders through the system (inotify): any file
    /// added, removed or changed inside them makes the app bring the index
    /// up to date. A burst of changes gives one message per `settle`.
    /// Where the system cannot watch, the folders are looked at every
    /// `settle` instead (file metadata only). Nothing outside the store is
    /// watched. The watch ends when the loop does.
    pub fn watch_store(&self, roots: Vec<PathBuf>, settle: Duration) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let (events_tx, events) = mpsc::channel();
            let handler = move |e: notify::Result<notify::Event>| {
                if e.is_ok_and(|e| !e.kind.is_access()) {
                    let _ = events_tx.send(());
                }
            };
            // A symlink to a folder outside the store is not followed.
            let config = notify::Config::default().with_follow_symlinks(false);
            let watcher = notify::RecommendedWatcher::new(handler, config);
            let watching = watcher.and_then(|mut w| {
                for root in &roots {
                    w.watch(root, notify::RecursiveMode::Recursive)?;
                }
                Ok(w)
            });
            match watching {
                // Kept alive by this thread for as long as the loop listens.
                Ok(_watcher) => forward_changes(&events, &tx, settle),
                Err(_) => poll_changes(&roots, &tx, settle),
            }
        });
    }
}

/// Sends one `StoreTouched` per burst of change events.
fn forward_changes(events: &Receiver<()>, tx: &Sender<Action>, settle: Duration) {
    while events.recv().is_ok() {
        std::thread::sleep(settle);
        while events.try_recv().is_ok() {}
        if tx.send(Action::StoreTouched).is_err() {
            return;
        }
    }
}

/// The fallback: compares the store's file metadata every `every`.
fn poll_changes(roots: &[PathBuf], tx: &Sender<Action>, every: Duration) {
    let mut last = stat_signature(roots);
    loop {
        std::thread::sleep(every);
        let now = stat_signature(roots);
        if now == last {
            continue;
        }
        last = now;
        if tx.send(Action::StoreTouched).is_err() {
            return;
        }
    }
}
