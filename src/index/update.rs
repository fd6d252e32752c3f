//! Bringing a store's entries up to date: every file stated, only the new
//! and changed ones read (on all cores), written a batch at a time, renamed
//! entries moved rather than analysed again, removed ones dropped.

use super::analyse;
use super::batch::{Batch, BigCache};
use super::codec::{fold, kind_code, nanos, path_from};
use super::run::{Job, Run};
use super::schema::{one_line, sqlite};
use super::write::Stat;
use super::{IndexError, UpdateReport};
use crate::entities::watch::Watchlist;
use rusqlite::{Connection, params};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

/// What the index holds of a file.
struct Known {
    rowid: i64,
    path: PathBuf,
    stat: Stat,
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
    let listed = list(roots)?;
    let mut known = known(conn, store)?;
    let mut run = Run {
        batch: Batch::new(conn),
        store,
        report: UpdateReport::default(),
        removed: HashMap::new(),
        moved: HashSet::new(),
    };
    let mut jobs = Vec::new();
    for (id, path, stat) in listed {
        let old = known.remove(&id);
        if let Some(k) = &old
            && k.stat == stat
            && k.path == path
            && !stale
        {
            run.report.unchanged += 1;
            continue;
        }
        jobs.push(Job {
            known: old.as_ref().map(|k| (k.rowid, k.content)),
            keep_if_same: !stale,
            maybe_renamed: false,
            id,
            path,
            stat,
        });
    }
    // What is left of `known` is gone from disk, unless it was renamed.
    let sizes: HashSet<i64> = known.values().map(|k| k.stat.size).collect();
    for job in jobs.iter_mut().filter(|j| j.known.is_none()) {
        job.maybe_renamed = !stale && sizes.contains(&job.stat.size);
    }
    let gone: Vec<i64> = known.values().map(|k| k.rowid).collect();
    for k in known.into_values() {
        if let Some(c) = k.content {
            run.removed.entry(c).or_default().push(k.rowid);
        }
    }
    let leftovers = run.read_all(&jobs, watch, progress)?;
    for job in leftovers {
        let read = analyse::read(&job.path, job.id.clone());
        run.report.read += 1;
        run.put(&job, &analyse::analyse(read, watch))?;
    }
    run.finish(&gone, stale.then_some((print, watch)))?;
    run.report.elapsed = started.elapsed();
    Ok(run.report)
}

/// The store's files with their ids and stat, none read.
fn list(roots: &[PathBuf]) -> Result<Vec<(String, PathBuf, Stat)>, IndexError> {
    let files = crate::store::list_files(roots).map_err(|e| IndexError::Sqlite {
        step: "list the store's files",
        message: one_line(&e.to_string()),
    })?;
    Ok(files
        .into_iter()
        .map(|(id, path, m)| {
            let stat = Stat {
                size: i64::try_from(m.len()).unwrap_or(i64::MAX),
                mtime_ns: nanos(m.modified().ok()),
            };
            (id, path, stat)
        })
        .collect())
}

fn known(conn: &Connection, store: i64) -> Result<HashMap<String, Known>, IndexError> {
    let mut stmt = conn
        .prepare("SELECT id, rowid, path, size, mtime_ns, content FROM briefings WHERE store = ?1")
        .map_err(sqlite("read the entries"))?;
    let rows = stmt
        .query_map([store], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Known {
                    rowid: r.get(1)?,
                    path: path_from(r.get(2)?),
                    stat: Stat {
                        size: r.get(3)?,
                        mtime_ns: r.get(4)?,
                    },
                    content: r.get::<_, Option<i64>>(5)?.map(|c| c as u64),
                },
            ))
        })
        .map_err(sqlite("read the entries"))?;
    rows.collect::<Result<_, _>>().map_err(sqlite("read the entries"))
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
