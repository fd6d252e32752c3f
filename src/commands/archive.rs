//! The index, opened and brought up to date for a command: every command
//! that reads the store keeps the index current itself, so nobody has to
//! run `brief index` first.

use crate::entities::watch::Watchlist;
use crate::index::{Index, UpdateReport};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Opens the store's index in `cache` and updates it from the files.
/// A notice (index rebuilt, in memory) goes to stderr; with `show_progress`
/// and stderr a terminal, so does a progress line.
pub fn open_current(
    cache: &Path,
    roots: &[PathBuf],
    watch: &Watchlist,
    show_progress: bool,
) -> anyhow::Result<(Index, UpdateReport)> {
    open_and(cache, roots, watch, show_progress, false)
}

/// The store's index as it is, not brought up to date.
pub fn open_as_is(cache: &Path, roots: &[PathBuf]) -> anyhow::Result<Index> {
    let index = Index::open(cache, roots)?;
    if let Some(notice) = index.notice() {
        eprintln!("brief: {}", crate::sanitize::sanitize(notice));
    }
    Ok(index)
}

/// [`open_current`], or with `rebuild` the store's index forgotten and
/// built again.
pub fn open_and(
    cache: &Path,
    roots: &[PathBuf],
    watch: &Watchlist,
    show_progress: bool,
    rebuild: bool,
) -> anyhow::Result<(Index, UpdateReport)> {
    let mut index = Index::open(cache, roots)?;
    if let Some(notice) = index.notice() {
        eprintln!("brief: {}", crate::sanitize::sanitize(notice));
    }
    let progress = Progress::new(show_progress);
    let show = |done, total| progress.show(done, total);
    let report = if rebuild {
        index.rebuild(roots, watch, &show)?
    } else {
        index.update(roots, watch, &show)?
    };
    progress.finish();
    Ok((index, report))
}

/// Runs a read of the index; when it meets a damaged file, the file is set
/// aside and built again (with the notice on stderr) and the read runs
/// once more.
pub fn read_mending<T>(
    index: &mut Index,
    roots: &[PathBuf],
    watch: &Watchlist,
    read: impl Fn(&Index) -> Result<T, crate::index::IndexError>,
) -> anyhow::Result<T> {
    match read(index) {
        Err(crate::index::IndexError::Corrupt { .. }) => {
            let progress = Progress::new(true);
            index.update(roots, watch, &|done, total| progress.show(done, total))?;
            progress.finish();
            if let Some(notice) = index.notice() {
                eprintln!("brief: {}", crate::sanitize::sanitize(notice));
            }
            Ok(read(index)?)
        }
        other => Ok(other?),
    }
}

/// One line on stderr, redrawn as files are indexed (every 1 % or so).
struct Progress {
    on: bool,
    shown: AtomicUsize,
}

impl Progress {
    /// A progress line when `wanted` and stderr is a terminal.
    fn new(wanted: bool) -> Self {
        Self {
            on: wanted && std::io::stderr().is_terminal(),
            shown: AtomicUsize::new(0),
        }
    }

    fn show(&self, done: usize, total: usize) {
        if !self.on || total == 0 {
            return;
        }
        let percent = done * 100 / total;
        if self.shown.fetch_max(percent + 1, Ordering::Relaxed) > percent {
            return;
        }
        let width = 30;
        let filled = done * width / total;
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(width - filled));
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\rindexing {bar} {done}/{total}");
        let _ = err.flush();
    }

    fn finish(&self) {
        if self.on && self.shown.load(Ordering::Relaxed) > 0 {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

/// "3 added, 1 changed, 0 removed, 0 renamed, 120 unchanged (4 files read) in 0.12 s"
pub fn describe(report: &UpdateReport) -> String {
    format!(
        "{} added, {} changed, {} removed, {} renamed, {} unchanged ({} files read) in {:.2} s",
        report.added,
        report.changed,
        report.removed,
        report.renamed,
        report.unchanged,
        report.read,
        report.elapsed.as_secs_f64()
    )
}
