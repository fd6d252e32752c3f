//! The archive's index: one `SQLite` database (with FTS5) in the cache
//! directory, holding for every briefing of a store its path, size, mtime,
//! fingerprint, front matter, paragraphs (searchable) and entities, and the
//! user's notes (searchable too). It is a cache: deleting it loses nothing.
//! Start-up stats the files and reads only the new and changed ones.
//!
//! One file may hold several stores (each its own rows, never mixed) and
//! be shared by several instances: WAL lets readers go on while one
//! writes, and writes are committed a batch at a time.
//!
//! Files: `schema` (tables), `open` (opening, setting aside), `update`
//! (what changed), `run` (reading on all cores), `analyse` (one file read
//! and analysed), `write` (its rows), `batch` (transactions), `list` (the
//! list and notes), `search`, `rank` and `snippet` (its hits), `entities`
//! (questions across the store), `codec` (stored forms), `query` (the
//! query language).

mod analyse;
mod batch;
mod codec;
mod entities;
mod list;
mod open;
pub mod query;
mod rank;
mod run;
mod schema;
mod search;
mod snippet;
mod update;
mod write;

pub use query::{Filter, Query, QueryError};

use crate::entities::EntityKind;
use crate::entities::index::IndexRecord;
use crate::entities::watch::Watchlist;
use crate::notes::Note;
use crate::store::Briefing;
use rusqlite::Connection;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// The schema this build writes; an index of another version is set aside
/// and rebuilt.
pub const SCHEMA_VERSION: i64 = 3;

/// The index file's name inside the cache directory.
pub const FILE_NAME: &str = "index.sqlite3";

/// Why the index could not answer. Display is one line.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// `SQLite` failed; `step` says at what.
    #[error("index: {step}: {message}")]
    Sqlite { step: &'static str, message: String },
    /// The file is damaged where `step` read it.
    #[error("index: {step}: {message}")]
    Corrupt { step: &'static str, message: String },
    /// The search query is not valid (one line, for the user).
    #[error("{0}")]
    Query(#[from] QueryError),
}

/// An open index of one store. Shareable between threads (its connection
/// is behind a lock); a second instance on the same file is the way to
/// search while another updates.
#[derive(Debug)]
pub struct Index {
    conn: Mutex<Connection>,
    store: i64,
    notice: Option<String>,
    /// The cache directory of a file-backed index, where a damaged file
    /// is set aside and made anew.
    dir: Option<PathBuf>,
    /// Damage a read met (what and where), mended by the next update.
    damage: Mutex<Option<String>>,
}

/// What an update did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdateReport {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    /// Files whose path changed but whose content did not (matched by
    /// fingerprint): their entries moved, nothing was analysed again.
    pub renamed: usize,
    /// Files whose content did not change, touched ones included.
    pub unchanged: usize,
    /// Files read from disk (added + changed, and renames confirmed; also
    /// files touched but not changed, and all of them after a watchlist
    /// change): what the update cost.
    pub read: usize,
    pub elapsed: Duration,
}

impl UpdateReport {
    /// Whether the update found every file as the index had it, so that
    /// an answer read before it is still the answer.
    pub fn changed_nothing(&self) -> bool {
        self.added + self.changed + self.removed + self.renamed + self.read == 0
    }
}

/// One search result: a paragraph of a briefing, or a note on one.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub path: PathBuf,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    /// The matching text around the match, in pieces; `true` pieces are
    /// the matched words. Sanitised for the terminal.
    pub snippet: Vec<(String, bool)>,
    /// The paragraph (block ordinal) the match is in, or the note is on.
    pub paragraph: usize,
    /// The note's id when the hit is in a note.
    pub note: Option<String>,
    /// bm25: lower is better (0 for a filters-only query's hits).
    pub score: f64,
}

/// A briefing that names an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityHit {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub mentions: usize,
    /// The block ordinal of its first mention.
    pub first_paragraph: usize,
}

impl Index {
    /// Opens (or creates) the index of the store made of `roots` in
    /// `cache_dir`. Never blocks the reader: a corrupt, truncated, empty or
    /// other-schema file is moved aside and a new one made; a cache
    /// directory that cannot be written gives an in-memory index.
    /// [`Index::notice`] says which happened.
    ///
    /// The check on open is `PRAGMA quick_check` of the tables the list is
    /// read from (all of a big file would take seconds at every start); a
    /// file another instance holds locked past the busy timeout is left to
    /// it, and this one works in memory.
    pub fn open(cache_dir: &Path, roots: &[PathBuf]) -> Result<Self, IndexError> {
        let opened = open::open_in(cache_dir)?;
        let mut index = Self::with(opened.conn, roots, opened.notice)?;
        index.dir = Some(cache_dir.to_owned());
        Ok(index)
    }

    /// The index of the store as it stands on disk, read-only, when there
    /// is one of this schema that knows the store: for answering while
    /// another connection brings it up to date. Never makes, checks or
    /// sets aside anything; `None` whenever [`Index::open`] would have to.
    pub fn open_existing(cache_dir: &Path, roots: &[PathBuf]) -> Option<Self> {
        let conn = open::open_existing(cache_dir)?;
        let store = schema::existing_store_id(&conn, roots)?;
        Some(Self {
            conn: Mutex::new(conn),
            store,
            notice: None,
            dir: None,
            damage: Mutex::new(None),
        })
    }

    /// An index that lives only as long as the process.
    pub fn in_memory(roots: &[PathBuf]) -> Result<Self, IndexError> {
        Self::with(schema::memory()?, roots, None)
    }

    fn with(conn: Connection, roots: &[PathBuf], notice: Option<String>) -> Result<Self, IndexError> {
        let store = schema::store_id(&conn, roots)?;
        Ok(Self {
            conn: Mutex::new(conn),
            store,
            notice,
            dir: None,
            damage: Mutex::new(None),
        })
    }

    /// Runs a read, remembering damage it met so that the next update
    /// sets the file aside and builds it again.
    fn noting<T>(&self, read: impl FnOnce() -> Result<T, IndexError>) -> Result<T, IndexError> {
        let result = read();
        if let Err(IndexError::Corrupt { step, message }) = &result {
            self.note_damage(format!("{step}: {message}"));
        }
        result
    }

    /// Takes the damage a read met, if any (to hand it to the connection
    /// that will update the file: [`Index::note_damage`]).
    pub fn take_damage(&self) -> Option<String> {
        self.damage.lock().unwrap_or_else(PoisonError::into_inner).take()
    }

    /// Records damage another connection met, so that this one's next
    /// update sets the file aside and builds it again.
    pub fn note_damage(&self, why: String) {
        *self.damage.lock().unwrap_or_else(PoisonError::into_inner) = Some(why);
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A one-line notice for the user (index rebuilt, in memory), if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// The store's briefings as last indexed, sorted by id: no file is
    /// read, so the list shows at once. Equal to what `scan_paths` gives
    /// for files unchanged since, declared front matter included.
    pub fn briefings(&self) -> Result<Vec<Briefing>, IndexError> {
        self.noting(|| list::briefings(&self.conn(), self.store))
    }

    /// How many briefings the store has, without listing them.
    pub fn briefing_count(&self) -> Result<usize, IndexError> {
        self.noting(|| {
            self.conn()
                .query_row(
                    "SELECT count(*) FROM briefings WHERE store = ?1",
                    [self.store],
                    |r| r.get::<_, i64>(0),
                )
                .map(|n| usize::try_from(n).unwrap_or(0))
                .map_err(schema::sqlite("count the briefings"))
        })
    }

    /// Brings the index up to date: stats every file, reads and analyses
    /// only new and changed ones (on all cores), drops removed ones, moves
    /// renamed ones. `progress(done, total)` is called as files are done.
    /// A watchlist other than the last one's re-analyses everything.
    ///
    /// `roots` are listed as `scan_paths` lists them (a missing root is an
    /// error, so that an unmounted folder does not empty the index). A file
    /// touched but not changed is read but not analysed again, and counts
    /// as unchanged; `read` counts every file read.
    pub fn update(
        &mut self,
        roots: &[PathBuf],
        watch: &Watchlist,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<UpdateReport, IndexError> {
        let damage = self
            .damage
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(why) = damage {
            self.replace_broken(roots, &why)?;
        }
        let conn = self.conn.get_mut().unwrap_or_else(PoisonError::into_inner);
        match update::update(conn, self.store, roots, watch, progress) {
            Err(IndexError::Corrupt { step, message }) if self.dir.is_some() => {
                self.replace_broken(roots, &format!("{step}: {message}"))?;
                let conn = self.conn.get_mut().unwrap_or_else(PoisonError::into_inner);
                update::update(conn, self.store, roots, watch, progress)
            }
            other => other,
        }
    }

    /// Swaps a damaged file for a new one, with the notice saying so.
    fn replace_broken(&mut self, roots: &[PathBuf], why: &str) -> Result<(), IndexError> {
        let Some(dir) = self.dir.clone() else {
            return Ok(());
        };
        // The connection lets go of the file before it is moved.
        drop(std::mem::replace(&mut self.conn, Mutex::new(schema::memory()?)));
        let opened = open::replace_broken(&dir, why)?;
        *self = Self::with(opened.conn, roots, opened.notice)?;
        self.dir = Some(dir);
        Ok(())
    }

    /// Forgets the store's entries and indexes it again.
    pub fn rebuild(
        &mut self,
        roots: &[PathBuf],
        watch: &Watchlist,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<UpdateReport, IndexError> {
        let conn = self.conn.get_mut().unwrap_or_else(PoisonError::into_inner);
        write::clear_store_now(conn, self.store)?;
        update::update(conn, self.store, roots, watch, progress)
    }

    /// Replaces the indexed notes of one briefing (notes are searched too).
    pub fn set_notes(&mut self, briefing_id: &str, notes: &[Note]) -> Result<(), IndexError> {
        self.noting(|| list::set_notes(&self.conn(), self.store, briefing_id, notes))
    }

    /// Runs a query: ranked by bm25, newer first on ties, at most `limit`.
    /// A filters-only query gives briefings, newest first. A query FTS5
    /// cannot read is an [`IndexError::Query`].
    pub fn search(&self, query: &Query, limit: usize) -> Result<Vec<Hit>, IndexError> {
        self.noting(|| search::search(&self.conn(), self.store, query, limit))
    }

    /// Briefings naming an entity (by canonical name or alias), newest first.
    /// Names match whatever their case; a person's lone surname and full
    /// name find each other when only one full name has that surname, as
    /// in the Entities pane.
    pub fn entity_briefings(&self, kind: EntityKind, name: &str) -> Result<Vec<EntityHit>, IndexError> {
        self.noting(|| {
            let conn = self.conn();
            let names = entities::Names::resolve(&conn, self.store, kind, name)?;
            entities::briefings_naming(&conn, &names)
        })
    }

    /// Mentions of an entity per day across the archive, oldest first
    /// (`YYYY-MM-DD`, from the briefing's date, else its file's mtime).
    pub fn timeline(&self, kind: EntityKind, name: &str) -> Result<Vec<(String, u64)>, IndexError> {
        self.noting(|| {
            let conn = self.conn();
            let names = entities::Names::resolve(&conn, self.store, kind, name)?;
            entities::timeline(&conn, &names)
        })
    }

    /// The entities named most often in the same briefings as this one:
    /// how many briefings they share, most first (dates and numbers left
    /// out: they say little across briefings).
    pub fn co_occurring(
        &self,
        kind: EntityKind,
        name: &str,
        limit: usize,
    ) -> Result<Vec<(EntityKind, String, u64)>, IndexError> {
        self.noting(|| {
            let conn = self.conn();
            let names = entities::Names::resolve(&conn, self.store, kind, name)?;
            entities::co_occurring(&conn, &names, limit)
        })
    }

    /// For each entity, how many briefings name it.
    pub fn spread(&self, keys: &[(EntityKind, String)]) -> Result<Vec<usize>, IndexError> {
        self.noting(|| {
            let conn = self.conn();
            keys.iter()
                .map(|(kind, name)| {
                    let names = entities::Names::resolve(&conn, self.store, *kind, name)?;
                    entities::spread(&conn, &names)
                })
                .collect()
        })
    }

    /// The watched entities each briefing names, by briefing id.
    pub fn watch_hits(&self) -> Result<HashMap<String, Vec<String>>, IndexError> {
        self.noting(|| entities::watch_hits(&self.conn(), self.store))
    }

    /// Every entity with the briefings naming it (`brief entities --index`).
    pub fn entity_records(&self) -> Result<Vec<IndexRecord>, IndexError> {
        self.noting(|| entities::records(&self.conn(), self.store))
    }
}

#[cfg(test)]
mod tests;
