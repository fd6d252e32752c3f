//! The index's tables, how a connection is set up, and the store's row.

use super::{IndexError, SCHEMA_VERSION};
use rusqlite::Connection;
use std::path::PathBuf;
use std::time::Duration;

/// How long a statement waits for another instance's write to end.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The tables. A briefing's paragraphs and entities have rowids made of
/// the briefing's rowid shifted left by [`ORDINAL_BITS`] plus their
/// ordinal, so that each briefing's rows are one rowid range: read and
/// removed without an index, kept as they are when the briefing is
/// renamed. An entity's kind is stored as its place in `EntityKind::ALL`
/// plus one (PERSON 1 … GROUP 4, DATE 5, NUMBER 6), so that `kind <= 4` is
/// the named kinds; `store` is repeated on each entity so that questions
/// about a store's entities are answered from the covering indexes alone.
const TABLES: &str = "
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stores(
    id INTEGER PRIMARY KEY,
    roots TEXT NOT NULL UNIQUE,
    watch_fingerprint INTEGER
);
CREATE TABLE IF NOT EXISTS aliases(
    store INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
    kind INTEGER NOT NULL,
    alias TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY(store, kind, alias, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS briefings(
    rowid INTEGER PRIMARY KEY AUTOINCREMENT,
    store INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    path BLOB NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    fingerprint INTEGER NOT NULL,
    content INTEGER,
    format TEXT NOT NULL,
    title TEXT NOT NULL,
    front_title TEXT,
    date TEXT,
    source TEXT,
    author TEXT,
    tags TEXT NOT NULL,
    declared TEXT NOT NULL,
    source_key TEXT,
    tag_keys TEXT NOT NULL,
    error TEXT,
    warning TEXT,
    url TEXT,
    UNIQUE(store, id)
);
-- Covering indexes: the date order every search ranks ties by, and what
-- the freshness check compares, each read without touching the rows.
CREATE INDEX IF NOT EXISTS briefings_in_order ON briefings(store, date DESC, mtime_ns DESC, id);
CREATE INDEX IF NOT EXISTS briefings_stat ON briefings(store, id, size, mtime_ns, content, path);
CREATE VIRTUAL TABLE IF NOT EXISTS notes_fts USING fts5(
    text, store UNINDEXED, briefing UNINDEXED, note UNINDEXED, ordinal UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
";

/// Entities and their indexes, and paragraphs: statements of their own,
/// for a rebuild drops these tables and makes them again rather than
/// delete their rows one by one.
pub(super) const ENTITIES: &str = "
CREATE TABLE IF NOT EXISTS entities(
    briefing INTEGER NOT NULL,
    store INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    name TEXT NOT NULL,
    folded TEXT NOT NULL,
    last TEXT,
    mentions INTEGER NOT NULL,
    first_paragraph INTEGER NOT NULL,
    watched INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_by_name
    ON entities(store, kind, folded, briefing, mentions, first_paragraph);
CREATE INDEX IF NOT EXISTS entities_named
    ON entities(store, kind, name, briefing, mentions) WHERE kind <= 4;
CREATE INDEX IF NOT EXISTS entities_by_last ON entities(store, kind, last) WHERE last IS NOT NULL;
CREATE INDEX IF NOT EXISTS entities_watched ON entities(store, briefing) WHERE watched;
";

pub(super) const PARAGRAPHS: &str = "
CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs USING fts5(
    text, briefing UNINDEXED, ordinal UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
";

/// Bits of a paragraph's or entity's rowid that hold its ordinal (16 M
/// of each per briefing).
pub(super) const ORDINAL_BITS: u32 = 24;

/// The rowids of a briefing's paragraphs, and of its entities.
pub(super) fn child_rows(briefing: i64) -> (i64, i64) {
    let low = briefing << ORDINAL_BITS;
    (low, low | ((1 << ORDINAL_BITS) - 1))
}

/// Maps a `SQLite` error to the index's, saying what it was doing.
pub(super) fn sqlite(step: &'static str) -> impl Fn(rusqlite::Error) -> IndexError {
    move |e| {
        let message = one_line(&e.to_string());
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                IndexError::Corrupt { step, message }
            }
            _ => IndexError::Sqlite { step, message },
        }
    }
}

/// Every message is one line (`SQLite`'s sometimes are not).
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A fresh in-memory database.
pub(super) fn memory() -> Result<Connection, IndexError> {
    let conn = Connection::open_in_memory().map_err(sqlite("open in memory"))?;
    configure(&conn).map_err(sqlite("open in memory"))?;
    create_tables(&conn).map_err(sqlite("create tables"))?;
    Ok(conn)
}

/// WAL so that a reader never waits for a writer; a busy timeout so that
/// two writers take turns; `synchronous = NORMAL`, as safe as WAL needs
/// and far cheaper; foreign keys so that no row names a missing store.
pub(super) fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
}

pub(super) fn create_tables(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(&format!(
        "BEGIN IMMEDIATE; {TABLES} {ENTITIES} {PARAGRAPHS}
         INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '{SCHEMA_VERSION}');
         COMMIT;"
    ))
}

/// The store's row, made on first use. `roots` are canonicalised so that
/// `b` and `./b` are one store.
pub(super) fn store_id(conn: &Connection, roots: &[PathBuf]) -> Result<i64, IndexError> {
    let key = store_key(roots);
    let find = |conn: &Connection| {
        conn.query_row("SELECT id FROM stores WHERE roots = ?1", [&key], |r| {
            r.get::<_, i64>(0)
        })
    };
    match find(conn) {
        Ok(id) => Ok(id),
        Err(rusqlite::Error::QueryReturnedNoRows) => {
            conn.execute("INSERT OR IGNORE INTO stores(roots) VALUES (?1)", [&key])
                .map_err(sqlite("add the store"))?;
            find(conn).map_err(sqlite("add the store"))
        }
        Err(e) => Err(sqlite("find the store")(e)),
    }
}

/// The store's row when the index has one (nothing is made).
pub(super) fn existing_store_id(conn: &Connection, roots: &[PathBuf]) -> Option<i64> {
    conn.query_row(
        "SELECT id FROM stores WHERE roots = ?1",
        [store_key(roots)],
        |r| r.get::<_, i64>(0),
    )
    .ok()
}

/// What tells one store from another: its canonical roots, one a line.
fn store_key(roots: &[PathBuf]) -> String {
    roots
        .iter()
        .map(|r| {
            std::fs::canonicalize(r)
                .or_else(|_| std::path::absolute(r))
                .unwrap_or_else(|_| r.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
