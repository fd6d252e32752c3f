//! Tests of the index, on stores and caches in temporary folders.

mod entities;
mod open;
mod parity;
mod search;
mod update;

use super::{Index, UpdateReport};
use crate::entities::EntityKind;
use crate::entities::watch::{Watched, Watchlist};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A store folder and a cache folder, both temporary.
pub(super) struct Fixture {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
    pub cache: PathBuf,
}

impl Fixture {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("store");
        let cache = dir.path().join("cache");
        std::fs::create_dir_all(&root).unwrap();
        Self {
            _dir: dir,
            root,
            cache,
        }
    }

    pub fn roots(&self) -> Vec<PathBuf> {
        vec![self.root.clone()]
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.root.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, text).unwrap();
        path
    }

    pub fn open(&self) -> Index {
        Index::open(&self.cache, &self.roots()).unwrap()
    }

    pub fn update(&self, index: &mut Index) -> UpdateReport {
        update_with(index, &self.roots(), &Watchlist::default())
    }
}

pub(super) fn update_with(index: &mut Index, roots: &[PathBuf], watch: &Watchlist) -> UpdateReport {
    index.update(roots, watch, &|_, _| {}).unwrap()
}

/// Sets a file's modification time (a touch, or an edit that keeps the size).
pub(super) fn set_mtime(path: &Path, secs_from_now: i64) {
    let now = SystemTime::now();
    let delta = Duration::from_secs(secs_from_now.unsigned_abs());
    let time = if secs_from_now >= 0 {
        now + delta
    } else {
        now - delta
    };
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

pub(super) fn watching(name: &str, kind: EntityKind, aliases: &[&str]) -> Watchlist {
    Watchlist::new(vec![Watched {
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
    }])
}

/// The bundled sample briefings.
pub(super) fn bundled() -> Vec<PathBuf> {
    vec![PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/briefings"
    ))]
}

/// Rowids of entity rows: they change only when a briefing is analysed again.
pub(super) fn entity_rows(index: &Index) -> Vec<i64> {
    let conn = index.conn();
    let mut stmt = conn.prepare("SELECT rowid FROM entities ORDER BY rowid").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

pub(super) fn ids(index: &Index) -> Vec<String> {
    index.briefings().unwrap().into_iter().map(|b| b.id).collect()
}
