//! `brief index [PATH…] [--rebuild]`: builds or updates the store's index
//! and says what it did.

use super::archive::{Progress, describe, open_current};
use crate::entities::watch::Watchlist;
use crate::index::Index;
use std::path::{Path, PathBuf};

pub fn run(cache: &Path, roots: &[PathBuf], watch: &Watchlist, rebuild: bool) -> anyhow::Result<()> {
    let report = if rebuild {
        let mut index = Index::open(cache, roots)?;
        if let Some(notice) = index.notice() {
            eprintln!("brief: {}", crate::sanitize::sanitize(notice));
        }
        let progress = Progress::new(true);
        let report = index.rebuild(roots, watch, &|done, total| progress.show(done, total))?;
        progress.finish();
        report
    } else {
        open_current(cache, roots, watch, true)?.1
    };
    let names: Vec<String> = roots.iter().map(|r| r.display().to_string()).collect();
    let line = format!("indexed {}: {}", names.join(", "), describe(&report));
    super::print(&format!("{}\n", crate::sanitize::sanitize(&line)))
}
