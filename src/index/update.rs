//! Bringing a store's entries up to date: every file stated, only the new
//! and changed ones read (on all cores), written a batch at a time, renamed
//! entries moved rather than analysed again, removed ones dropped.

use super::analyse;
use super::batch::{Batch, BigCache};
use super::codec::{fold, kind_code, nanos};
use super::run::{Job, Run};
use super::schema::{one_line, sqlite};
use super::write::Stat;
use super::{IndexError, UpdateReport};
use crate::entities::watch::Watchlist;
use rusqlite::{Connection, params};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

/// What the index holds of a file that is no longer where it was.
struct Gone {
    rowid: i64,
    size: i64,
    content: Option<u64>,
}

pub(super) fn update(
    conn: &Connection,
    store: i64,
    roots: &[PathBuf],
    watch: &Watchlist,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<UpdateReport, IndexError> {
    let started = Instant::now();
    let _cache = BigCache::new(conn);
    let print = watch_fingerprint(watch);
    let stored: Option<i64> = conn
        .query_row(
            "SELECT watch_fingerprint FROM stores WHERE id = ?1",
            [store],
            |r| r.get(0),
        )
        .map_err(sqlite("read the store"))?;
    let stale = stored != Some(print);
    let mut run = Run {
        batch: Batch::new(conn),
        store,
        report: UpdateReport::default(),
        removed: HashMap::new(),
        moved: HashSet::new(),
    };
    let (mut jobs, gone) = compare(conn, store, list(roots)?, stale, &mut run.report)?;
    // What is gone from disk may have been renamed: a new file of a
    // removed entry's size is read to see.
    let sizes: HashSet<i64> = gone.iter().map(|g| g.size).collect();
    for job in jobs.iter_mut().filter(|j| j.known.is_none()) {
        job.maybe_renamed = !stale && sizes.contains(&job.stat.size);
    }
    let gone_rows: Vec<i64> = gone.iter().map(|g| g.rowid).collect();
    for g in gone {
        if let Some(c) = g.content {
            run.removed.entry(c).or_default().push(g.rowid);
        }
    }
    let leftovers = run.read_all(&jobs, watch, progress)?;
    for job in leftovers {
        let read = analyse::read(&job.path, job.id.clone());
        run.report.read += 1;
        run.put(&job, &analyse::analyse(read, watch))?;
    }
    run.finish(&gone_rows, stale.then_some((print, watch)))?;
    run.report.elapsed = started.elapsed();
    Ok(run.report)
}

/// The store's files with their ids and stat, none read, sorted by id.
fn list(roots: &[PathBuf]) -> Result<Vec<(String, PathBuf, Stat)>, IndexError> {
    let files = crate::store::list_files(roots).map_err(|e| IndexError::Sqlite {
        step: "list the store's files",
        message: one_line(&e.to_string()),
    })?;
    let mut listed: Vec<_> = files
        .into_iter()
        .map(|(id, path, m)| {
            let stat = Stat {
                size: i64::try_from(m.len()).unwrap_or(i64::MAX),
                mtime_ns: nanos(m.modified().ok()),
            };
            (id, path, stat)
        })
        .collect();
    if !listed.is_sorted_by(|a, b| a.0 <= b.0) {
        listed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    }
    Ok(listed)
}

/// Walks the listing and the index's entries side by side, both in id
/// order (`SQLite`'s `BINARY` order is Rust's `str` order), so an unchanged
/// file costs a comparison and no allocation. Gives the files to read and
/// the entries whose files are gone; counts the unchanged in `report`.
fn compare(
    conn: &Connection,
    store: i64,
    listed: Vec<(String, PathBuf, Stat)>,
    stale: bool,
    report: &mut UpdateReport,
) -> Result<(Vec<Job>, Vec<Gone>), IndexError> {
    let read_err = sqlite("read the entries");
    let mut stmt = conn
        .prepare(
            "SELECT id, rowid, path, size, mtime_ns, content FROM briefings WHERE store = ?1 ORDER BY id",
        )
        .map_err(&read_err)?;
    let mut rows = stmt.query([store]).map_err(&read_err)?;
    let mut listed = listed.into_iter().peekable();
    let (mut jobs, mut gone) = (Vec::new(), Vec::new());
    let job = |(id, path, stat): (String, PathBuf, Stat), known: Option<(i64, Option<u64>)>| Job {
        known,
        keep_if_same: !stale,
        maybe_renamed: false,
        id,
        path,
        stat,
    };
    while let Some(r) = rows.next().map_err(&read_err)? {
        let id = r.get_ref(0).and_then(|v| Ok(v.as_str()?)).map_err(&read_err)?;
        while listed
            .next_if(|l| l.0.as_str() < id)
            .map(|l| jobs.push(job(l, None)))
            .is_some()
        {}
        let rowid: i64 = r.get(1).map_err(&read_err)?;
        let held = Stat {
            size: r.get(3).map_err(&read_err)?,
            mtime_ns: r.get(4).map_err(&read_err)?,
        };
        let content = r.get::<_, Option<i64>>(5).map_err(&read_err)?.map(|c| c as u64);
        let Some(l) = listed.next_if(|l| l.0.as_str() == id) else {
            gone.push(Gone {
                rowid,
                size: held.size,
                content,
            });
            continue;
        };
        let path = r.get_ref(2).and_then(|v| Ok(v.as_bytes()?)).map_err(&read_err)?;
        if !stale && l.2 == held && same_path(&l.1, path) {
            report.unchanged += 1;
        } else {
            jobs.push(job(l, Some((rowid, content))));
        }
    }
    jobs.extend(listed.map(|l| job(l, None)));
    Ok((jobs, gone))
}

/// Whether a path is the one the index stored (as `codec` writes it).
fn same_path(path: &std::path::Path, stored: &[u8]) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes() == stored
    }
    #[cfg(not(unix))]
    {
        super::codec::path_bytes(path) == stored
    }
}

/// A fingerprint of what analysis depends on besides the text: this
/// build, the watchlist (in any order) and the corrections (in order: the
/// last written wins). A change re-analyses every briefing, so no kind a
/// correction changed stays in the index.
fn watch_fingerprint(watch: &Watchlist) -> i64 {
    let mut entries: Vec<String> = watch
        .entries()
        .iter()
        .map(|e| format!("{}\u{1f}{}\u{1f}{}", e.kind, e.name, e.aliases.join("\u{1f}")))
        .collect();
    entries.sort();
    let corrections: Vec<String> = watch
        .corrections()
        .entries()
        .iter()
        .map(|c| format!("{}\u{1f}{:?}\u{1f}{}", c.name, c.was, c.is))
        .collect();
    let mut text = format!("{}\u{1e}{}", env!("CARGO_PKG_VERSION"), entries.join("\u{1e}"));
    if !corrections.is_empty() {
        // Only when there are any: an index built before corrections
        // existed stays current.
        text = format!("{text}\u{1d}{}", corrections.join("\u{1e}"));
    }
    crate::hash::fnv1a(text.as_bytes()) as i64
}

/// The watchlist's names and aliases (so that filters find an entity by
/// any of them) and the fingerprint of the analyses.
pub(super) fn save_watch(
    conn: &Connection,
    store: i64,
    print: i64,
    watch: &Watchlist,
) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM aliases WHERE store = ?1", [store])?;
    let mut add = conn
        .prepare_cached("INSERT OR IGNORE INTO aliases(store, kind, alias, name) VALUES (?1, ?2, ?3, ?4)")?;
    for e in watch.entries() {
        for alias in std::iter::once(&e.name).chain(&e.aliases) {
            add.execute(params![store, kind_code(e.kind), fold(alias), e.name])?;
        }
    }
    conn.execute(
        "UPDATE stores SET watch_fingerprint = ?2 WHERE id = ?1",
        params![store, print],
    )?;
    Ok(())
}
