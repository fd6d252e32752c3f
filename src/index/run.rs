//! Reading the files an update needs on every core while the calling
//! thread writes what they give: renamed files matched to removed entries,
//! touched ones only restamped.

use super::IndexError;
use super::UpdateReport;
use super::analyse::{self, Indexed, Read};
use super::batch::Batch;
use super::update::save_watch;
use super::write::{self, Stat};
use crate::entities::watch::Watchlist;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

/// How long the writer waits for the workers before it commits what it has.
const IDLE: Duration = Duration::from_millis(200);

/// A file to read.
pub(super) struct Job {
    pub id: String,
    pub path: PathBuf,
    pub stat: Stat,
    /// Its entry's rowid and content hash, when the index has it.
    pub known: Option<(i64, Option<u64>)>,
    /// Its analysis still holds if its content did not change (false when
    /// the watchlist changed).
    pub keep_if_same: bool,
    /// A removed entry has its size: it may be this file, renamed.
    pub maybe_renamed: bool,
}

enum Outcome {
    Indexed(Box<Indexed>),
    /// The content of a known or removed entry: only the entry is new.
    Same(Box<Read>),
    /// Reading it panicked (a bug); it is listed with what `read` says.
    Failed,
}

pub(super) struct Run<'c> {
    pub batch: Batch<'c>,
    pub store: i64,
    pub report: UpdateReport,
    /// Removed entries by content hash, until a renamed file claims one.
    pub removed: HashMap<u64, Vec<i64>>,
    /// Removed entries claimed by renamed files.
    pub moved: HashSet<i64>,
}

impl Run<'_> {
    /// Reads the jobs on every core while this thread writes what they
    /// give. Returns the files that turned out to need analysis after all
    /// (two copies of one renamed file).
    pub(super) fn read_all(
        &mut self,
        jobs: &[Job],
        watch: &Watchlist,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Vec<Job>, IndexError> {
        let workers = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let workers = workers.min(jobs.len()).max(1);
        let contents: HashSet<u64> = self.removed.keys().copied().collect();
        let next = AtomicUsize::new(0);
        let mut leftovers = Vec::new();
        std::thread::scope(|s| {
            let (tx, rx) = std::sync::mpsc::sync_channel(workers * 2);
            for _ in 0..workers {
                let (tx, next, contents) = (tx.clone(), &next, &contents);
                s.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else { break };
                        let work = std::panic::AssertUnwindSafe(|| work(job, watch, contents));
                        let outcome = std::panic::catch_unwind(work).unwrap_or(Outcome::Failed);
                        if tx.send((i, outcome)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut done = 0;
            loop {
                // While the workers are busy with a long file, the batch so
                // far is committed: another instance must not wait on it.
                let (i, outcome) = match rx.recv_timeout(IDLE) {
                    Ok(next) => next,
                    Err(RecvTimeoutError::Timeout) => {
                        self.batch.commit()?;
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => break,
                };
                self.report.read += 1;
                if let Some(job) = self.take(&jobs[i], outcome)? {
                    leftovers.push(job);
                }
                done += 1;
                progress(done, jobs.len());
            }
            Ok::<(), IndexError>(())
        })?;
        Ok(leftovers)
    }

    /// Writes what a worker gave; returns the job when it must be
    /// analysed after all.
    fn take(&mut self, job: &Job, outcome: Outcome) -> Result<Option<Job>, IndexError> {
        match outcome {
            Outcome::Indexed(item) => self.put(job, &item)?,
            Outcome::Same(read) => {
                let (rowid, renamed) = match job.known {
                    Some((rowid, _)) => (rowid, false),
                    None => match read.content.and_then(|c| self.claim(c)) {
                        Some(rowid) => (rowid, true),
                        None => return Ok(Some(job.clone_plan())),
                    },
                };
                let stat = job.stat;
                self.batch
                    .write(|c| write::put_entry(c, rowid, stat, &read.entry, read.content))?;
                if renamed {
                    self.report.renamed += 1;
                } else {
                    self.report.unchanged += 1;
                }
            }
            Outcome::Failed => {
                let entry = crate::store::Briefing::read(&job.path, job.id.clone());
                let item = Indexed {
                    entry,
                    content: None,
                    paragraphs: Vec::new(),
                    entities: Vec::new(),
                };
                self.put(job, &item)?;
            }
        }
        Ok(None)
    }

    /// Writes an analysed file and counts it.
    pub(super) fn put(&mut self, job: &Job, item: &Indexed) -> Result<(), IndexError> {
        let store = self.store;
        self.batch.write(|c| write::put(c, store, job.stat, item))?;
        match job.known {
            None => self.report.added += 1,
            Some((_, known)) if known.is_some() && known == item.content => self.report.unchanged += 1,
            Some(_) => self.report.changed += 1,
        }
        Ok(())
    }

    fn claim(&mut self, content: u64) -> Option<i64> {
        let rowid = self.removed.get_mut(&content)?.pop()?;
        self.moved.insert(rowid);
        Some(rowid)
    }

    /// Drops the entries whose files are gone (and were not renamed), and
    /// records the watchlist the analyses were made with.
    pub(super) fn finish(
        &mut self,
        gone: &[i64],
        watch: Option<(i64, &Watchlist)>,
    ) -> Result<(), IndexError> {
        let store = self.store;
        for &rowid in gone.iter().filter(|r| !self.moved.contains(r)) {
            self.batch.write(|c| write::remove(c, rowid))?;
            self.report.removed += 1;
        }
        if let Some((print, watch)) = watch {
            self.batch.write(|c| save_watch(c, store, print, watch))?;
        }
        self.batch.commit()
    }
}

/// Reads a file and analyses it unless its content is one the index has.
fn work(job: &Job, watch: &Watchlist, removed: &HashSet<u64>) -> Outcome {
    let mut read = analyse::read(&job.path, job.id.clone());
    let same = job.keep_if_same && read.content.is_some() && job.known.and_then(|k| k.1) == read.content;
    let moved = job.maybe_renamed && read.content.is_some_and(|c| removed.contains(&c));
    if same || moved {
        read.text = None;
        return Outcome::Same(Box::new(read));
    }
    Outcome::Indexed(Box::new(analyse::analyse(read, watch)))
}

impl Job {
    fn clone_plan(&self) -> Self {
        Self {
            id: self.id.clone(),
            path: self.path.clone(),
            stat: self.stat,
            known: self.known,
            keep_if_same: self.keep_if_same,
            maybe_renamed: false,
        }
    }
}
