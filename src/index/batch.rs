//! How an update writes: in transactions of bounded size and duration,
//! with a bigger cache while it lasts.

use super::IndexError;
use super::schema::sqlite;
use rusqlite::Connection;
use std::time::{Duration, Instant};

/// A transaction is committed after this many files or this long, so that
/// another instance sees progress, waits little for its turn to write, and
/// a crash loses little.
const BATCH_FILES: usize = 500;
const BATCH_TIME: Duration = Duration::from_secs(1);

/// A bigger page cache and write-ahead log while an update writes: the
/// indexes it inserts into are spread over the whole file, and a small
/// cache sends each insert to disk and back, while checkpointing every
/// 4 MB copies the same pages into the file again and again. Back to the
/// defaults afterwards.
pub(super) struct BigCache<'c>(&'c Connection);

impl<'c> BigCache<'c> {
    pub(super) fn new(conn: &'c Connection) -> Self {
        let _ = conn.execute_batch("PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 10000");
        Self(conn)
    }
}

impl Drop for BigCache<'_> {
    fn drop(&mut self) {
        let _ = self
            .0
            .execute_batch("PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000");
    }
}

/// Writes in transactions of a bounded size and duration.
pub(super) struct Batch<'c> {
    conn: &'c Connection,
    open: bool,
    written: usize,
    since: Instant,
}

impl<'c> Batch<'c> {
    pub(super) fn new(conn: &'c Connection) -> Self {
        Self {
            conn,
            open: false,
            written: 0,
            since: Instant::now(),
        }
    }

    pub(super) fn write<T>(
        &mut self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, IndexError> {
        if !self.open {
            self.conn
                .execute_batch("BEGIN IMMEDIATE")
                .map_err(sqlite("begin a write"))?;
            self.open = true;
            self.since = Instant::now();
        }
        let out = f(self.conn).map_err(sqlite("write an entry"))?;
        self.written += 1;
        if self.written >= BATCH_FILES || self.since.elapsed() >= BATCH_TIME {
            self.commit()?;
        }
        Ok(out)
    }

    pub(super) fn commit(&mut self) -> Result<(), IndexError> {
        if self.open {
            self.open = false;
            self.written = 0;
            self.conn.execute_batch("COMMIT").map_err(sqlite("commit"))?;
        }
        Ok(())
    }
}

impl Drop for Batch<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}
