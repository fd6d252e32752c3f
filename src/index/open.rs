//! Opening the index file: checked, set aside and made anew when broken
//! or of another schema, in memory when the cache directory cannot be
//! written. Never fails for want of a usable file.

use super::schema::{configure, create_tables, memory, one_line};
use super::{FILE_NAME, IndexError, SCHEMA_VERSION};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};

/// The tables `quick_check` checks on open: the small ones every query
/// starts from. Checking `briefings` too read all of it at every start
/// (the larger part of a warm search); damage there shows as an error
/// of the update that reads it, which sets the file aside then
/// (`Index::update`).
const CHECKED: [&str; 2] = ["meta", "stores"];

/// An open database and what the user should be told about how.
pub(super) struct Opened {
    pub conn: Connection,
    pub notice: Option<String>,
}

/// Why a file could not be used.
enum Problem {
    /// Another instance holds it: leave it be.
    Busy(String),
    /// Unreadable or corrupt: set it aside.
    Broken(String),
    /// Whole, but made by a build of another schema: a cache nobody can
    /// read any more, so it is deleted (a copy per upgrade of a big
    /// archive's index would fill the cache folder).
    Outdated(String),
}

/// Opens the index file in `dir`, making it when missing and setting it
/// aside when it cannot be used.
pub(super) fn open_in(dir: &Path) -> Result<Opened, IndexError> {
    if let Err(e) = writable(dir) {
        return in_memory_because(format!(
            "index: cannot write {} ({e}); using an index in memory",
            dir.display()
        ));
    }
    let path = dir.join(FILE_NAME);
    let why = match try_open(&path) {
        Ok(conn) => return Ok(Opened { conn, notice: None }),
        Err(Problem::Busy(why)) => {
            return in_memory_because(format!(
                "index: {} is busy ({why}); using an index in memory",
                path.display()
            ));
        }
        Err(Problem::Broken(why)) => why,
        Err(Problem::Outdated(why)) => match remove(&path).map(|()| try_open(&path)) {
            Ok(Ok(conn)) => {
                return Ok(Opened {
                    conn,
                    notice: Some(format!("index: {} was of {why}; built again", path.display())),
                });
            }
            _ => why,
        },
    };
    replace_broken(dir, &why)
}

/// Deletes the index file and its WAL and shared-memory files.
fn remove(path: &Path) -> std::io::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        match std::fs::remove_file(sibling(path, suffix)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            other => other?,
        }
    }
    Ok(())
}

/// Sets aside the index file in `dir`, found unreadable for `why`, and
/// makes a new one (in memory when that fails).
pub(super) fn replace_broken(dir: &Path, why: &str) -> Result<Opened, IndexError> {
    let path = dir.join(FILE_NAME);
    if let Err(e) = set_aside(&path) {
        return in_memory_because(format!(
            "index: {} was unreadable ({why}) and could not be set aside ({e}); using an index in memory",
            path.display()
        ));
    }
    match try_open(&path) {
        Ok(conn) => Ok(Opened {
            conn,
            notice: Some(format!(
                "index: {} was unreadable ({why}); set aside and rebuilt",
                path.display()
            )),
        }),
        Err(Problem::Busy(e) | Problem::Broken(e) | Problem::Outdated(e)) => in_memory_because(format!(
            "index: cannot write {} ({e}); using an index in memory",
            dir.display()
        )),
    }
}

fn in_memory_because(notice: String) -> Result<Opened, IndexError> {
    Ok(Opened {
        conn: memory()?,
        notice: Some(notice),
    })
}

/// Whether files can be made in `dir` (made first if missing).
fn writable(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    tempfile::tempfile_in(dir).map(drop)
}

fn try_open(path: &Path) -> Result<Connection, Problem> {
    match std::fs::metadata(path) {
        Ok(m) if m.len() == 0 => return Err(Problem::Broken("an empty file".to_owned())),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(path).map_err(|e| problem(&e))?,
        Err(e) => return Err(Problem::Broken(e.to_string())),
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| problem(&e))?;
    configure(&conn).map_err(|e| problem(&e))?;
    for table in CHECKED {
        let check: String = conn
            .query_row(&format!("PRAGMA quick_check({table})"), [], |r| r.get(0))
            .map_err(|e| problem(&e))?;
        if check != "ok" {
            return Err(Problem::Broken(one_line(&check)));
        }
    }
    let version: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |r| {
            r.get(0)
        })
        .optional()
        .map_err(|e| problem(&e))?;
    let version = version.and_then(|v| v.parse::<i64>().ok());
    if let Some(other) = version.filter(|&v| v != SCHEMA_VERSION) {
        return Err(Problem::Outdated(format!(
            "schema version {other}, this build uses {SCHEMA_VERSION}"
        )));
    }
    if version != Some(SCHEMA_VERSION) {
        let found = version.map_or_else(|| "none".to_owned(), |v| v.to_string());
        return Err(Problem::Broken(format!(
            "schema version {found}, this build uses {SCHEMA_VERSION}"
        )));
    }
    Ok(conn)
}

/// The index file in `dir` opened read-only, when it exists and is of
/// this schema; `None` otherwise. Nothing is checked, made or set aside:
/// a reader beside the one that keeps the file (which does all that).
pub(super) fn open_existing(dir: &Path) -> Option<Connection> {
    let path = dir.join(FILE_NAME);
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    conn.busy_timeout(super::schema::BUSY_TIMEOUT).ok()?;
    let version: String = conn
        .query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |r| {
            r.get(0)
        })
        .ok()?;
    (version.parse::<i64>().ok()? == SCHEMA_VERSION).then_some(conn)
}

fn problem(e: &rusqlite::Error) -> Problem {
    let busy = matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    );
    let text = one_line(&e.to_string());
    if busy {
        Problem::Busy(text)
    } else {
        Problem::Broken(text)
    }
}

/// Makes the database under a temporary name and links it into place, so
/// that another instance never finds it half made (an empty file would be
/// set aside as broken).
fn create(path: &Path) -> rusqlite::Result<()> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = sibling(path, &format!(".new-{}-{nanos}", std::process::id()));
    let made = (|| {
        let conn = Connection::open(&tmp)?;
        configure(&conn)?;
        create_tables(&conn)?;
        conn.close().map_err(|(_, e)| e)
    })();
    let linked = made.and_then(|()| match std::fs::hard_link(&tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        // A file system without hard links: a rename is nearly as good.
        Err(_) => std::fs::rename(&tmp, path).map_err(|e| io_failure(&e)),
    });
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(sibling(&tmp, suffix));
    }
    linked
}

fn io_failure(e: &std::io::Error) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
        Some(e.to_string()),
    )
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Renames the file and its WAL and shared-memory files to
/// `index.sqlite3.broken-<unix seconds>` (and `-wal`, `-shm` after it, so
/// that `SQLite` can still open the set-aside copy whole).
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut aside = sibling(path, &format!(".broken-{secs}"));
    let mut n = 1;
    while aside.exists() {
        aside = sibling(path, &format!(".broken-{secs}-{n}"));
        n += 1;
    }
    for suffix in ["", "-wal", "-shm"] {
        match std::fs::rename(sibling(path, suffix), sibling(&aside, suffix)) {
            // Another instance set it aside first, or there is no such file.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            other => other?,
        }
    }
    Ok(aside)
}
