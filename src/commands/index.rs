//! `brief index [PATH…] [--rebuild]`: builds or updates the store's index
//! and says what it did.

use super::archive::{describe, open_and};
use crate::entities::watch::Watchlist;
use std::path::{Path, PathBuf};

pub fn run(cache: &Path, roots: &[PathBuf], watch: &Watchlist, rebuild: bool) -> anyhow::Result<()> {
    let (_, report) = open_and(cache, roots, watch, true, rebuild)?;
    let names: Vec<String> = roots.iter().map(|r| r.display().to_string()).collect();
    let line = format!("indexed {}: {}", names.join(", "), describe(&report));
    super::print(&format!("{}\n", crate::sanitize::sanitize(&line)))
}
