//! Notes on disk: one pretty JSON file per briefing in the notes folder,
//! saved atomically and merged on write so that two readers never lose
//! each other's notes.

use super::{Note, NotesFile, SCHEMA};
use crate::fsutil;
use crate::hash::fnv1a;
use serde::Deserialize;
use std::fs::{self, OpenOptions};
use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for another process's lock before giving up (the
/// notes stay in memory and are saved on the next try). A lock is never
/// broken: the system releases it when its holder ends, however it ends.
const LOCK_WAIT: Duration = Duration::from_secs(2);
/// How many times a save merges again when the file changed between its
/// read and its write (a writer that does not lock, such as an editor).
const MERGE_TRIES: usize = 5;
/// The most characters of a briefing id kept in a file name.
const NAME_CHARS: usize = 80;

/// A problem with a notes file. Display is one line naming the file and the
/// step; the IO error is part of the message, not a separate source, so
/// that `{:#}` does not repeat it.
#[derive(Debug, thiserror::Error)]
pub enum NotesError {
    /// The file does not parse or has an unknown schema; it is never
    /// overwritten.
    #[error("{}: cannot read notes: {message}", path.display())]
    Corrupt { path: PathBuf, message: String },
    #[error("{}: cannot read notes: {cause}", path.display())]
    Read { path: PathBuf, cause: io::Error },
    /// Saving failed; the caller keeps the notes in memory and may retry.
    #[error("{}: cannot save notes ({step}): {}", path.display(), describe(cause))]
    Write {
        path: PathBuf,
        step: &'static str,
        cause: io::Error,
    },
    #[error("{}: cannot save notes: another brief is saving it; trying again later", path.display())]
    Locked { path: PathBuf },
}

fn describe(cause: &io::Error) -> String {
    match cause.kind() {
        ErrorKind::PermissionDenied => "permission denied; the folder is read-only".into(),
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "the disk is full".into(),
        _ => cause.to_string(),
    }
}

/// The notes folder, seen from one store.
#[derive(Debug, Clone)]
pub struct NotesStore {
    pub dir: PathBuf,
    /// The store whose notes these are (`None`: any store, as before
    /// notes knew their store).
    store: Option<String>,
}

impl NotesStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            store: None,
        }
    }

    /// The notes of the store made of `roots`: notes belong to a briefing
    /// of a store, not to a file name.
    #[must_use]
    pub fn for_store(mut self, roots: &[PathBuf]) -> Self {
        let key: Vec<String> = roots
            .iter()
            .map(|r| {
                fs::canonicalize(r)
                    .unwrap_or_else(|_| r.clone())
                    .display()
                    .to_string()
            })
            .collect();
        self.store = Some(key.join("\n"));
        self
    }

    /// Whether a notes file belongs to this store (files from before notes
    /// knew their store belong to whichever store claims them first).
    fn is_ours(&self, file: &NotesFile) -> bool {
        match (&self.store, &file.store) {
            (Some(ours), Some(theirs)) => ours == theirs,
            _ => true,
        }
    }

    /// The notes file of a briefing: the id with every character but ASCII
    /// letters, digits, `.`, `-` and `_` replaced by `_` (and no leading
    /// dot), then a short hash of the whole id so that `a/b` and `a_b` differ:
    /// `sub/x.md` gives `sub_x.md-1a2b3c4d.json`.
    pub fn file_for(&self, briefing_id: &str) -> PathBuf {
        let mut name: String = briefing_id
            .chars()
            .take(NAME_CHARS)
            .map(|c| match c {
                'a'..='z' | 'A'..='Z' | '0'..='9' | '.' | '-' | '_' => c,
                _ => '_',
            })
            .collect();
        if name.starts_with('.') {
            name.replace_range(..1, "_");
        }
        let key = match &self.store {
            Some(store) => format!("{store}\0{briefing_id}"),
            None => briefing_id.to_owned(),
        };
        let hash = fnv1a(key.as_bytes()) >> 32;
        self.dir.join(format!("{name}-{hash:08x}.json"))
    }

    /// Where a briefing's notes were kept before notes knew their store.
    fn legacy_file_for(&self, briefing_id: &str) -> PathBuf {
        Self {
            dir: self.dir.clone(),
            store: None,
        }
        .file_for(briefing_id)
    }

    /// The notes of a briefing; none yet gives an empty file.
    pub fn load(&self, briefing_id: &str) -> Result<NotesFile, NotesError> {
        self.load_for(briefing_id, None, |_| true)
    }

    /// The notes of a briefing of this store whose content has the
    /// fingerprint `content`. When it has none under its name: the notes
    /// kept under its name from before notes knew their store, else the
    /// notes of a briefing with the same content that is gone from the
    /// store (`exists` says which ids still are) — it was renamed or moved.
    pub fn load_for(
        &self,
        briefing_id: &str,
        content: Option<&str>,
        exists: impl Fn(&str) -> bool,
    ) -> Result<NotesFile, NotesError> {
        let mut file = match read_file(&self.file_for(briefing_id))? {
            Some(f) => f,
            None => self
                .adopt(briefing_id, content, exists)?
                .unwrap_or_else(|| NotesFile::new(briefing_id)),
        };
        file.remember_as_seen();
        if file.adopted_from.is_some() {
            // Nothing is under the new name yet: none of these notes was
            // deleted there.
            file.seen.clear();
        }
        file.store.clone_from(&self.store);
        if let Some(c) = content {
            file.content = Some(c.to_owned());
        }
        Ok(file)
    }

    /// Notes that belong to this briefing but sit elsewhere.
    fn adopt(
        &self,
        id: &str,
        content: Option<&str>,
        exists: impl Fn(&str) -> bool,
    ) -> Result<Option<NotesFile>, NotesError> {
        if self.store.is_some() {
            let legacy = self.legacy_file_for(id);
            if let Some(mut f) = read_file(&legacy)?.filter(|f| self.is_ours(f) && f.briefing == id) {
                f.adopted_from = Some(legacy);
                return Ok(Some(f));
            }
        }
        let Some(content) = content else {
            return Ok(None);
        };
        for (path, found) in self.files() {
            let Ok(mut f) = found else { continue };
            let renamed = f.content.as_deref() == Some(content) && f.briefing != id && !exists(&f.briefing);
            if renamed && self.is_ours(&f) {
                id.clone_into(&mut f.briefing);
                f.adopted_from = Some(path);
                return Ok(Some(f));
            }
        }
        Ok(None)
    }

    /// Saves `file`, merged with what is on disk now (merge-on-write).
    ///
    /// Under a lock the system holds for this process (`flock` on
    /// `<file>.lock`, released when the process ends however it ends; a
    /// holder is waited for, never overridden), the file on disk is read
    /// again and merged with `file` by note id:
    ///
    /// - a note on both sides: the later `updated` wins (ties: ours);
    /// - a note only on disk: kept, unless this copy deleted it (`deleted`,
    ///   filled by [`NotesFile::remove`], or it is in `seen` but no longer
    ///   here);
    /// - a note only here: kept, unless another process deleted it (it is in
    ///   `seen` but gone from disk) or it is in `deleted`.
    ///
    /// The result is written to a temporary file in the same folder, synced,
    /// renamed over the target, and the folder synced. A file on disk that
    /// does not parse is never overwritten: the save fails with
    /// [`NotesError::Corrupt`]. Prefer [`NotesStore::sync`], which also
    /// brings the merged notes back into memory.
    pub fn save(&self, file: &NotesFile) -> Result<(), NotesError> {
        self.write_merged(file).map(|_| ())
    }

    /// [`NotesStore::save`], then `file` becomes the merged result, so that
    /// notes added by other processes appear and later merges are exact.
    pub fn sync(&self, file: &mut NotesFile) -> Result<(), NotesError> {
        let merged = self.write_merged(file)?;
        file.notes = merged.notes;
        file.schema = SCHEMA;
        file.deleted.clear();
        file.adopted_from = None;
        file.remember_as_seen();
        Ok(())
    }

    /// Every notes file of this store as (briefing id, notes), sorted by
    /// id. A file that cannot be read is listed under its file name.
    pub fn all(&self) -> Vec<(String, Result<NotesFile, NotesError>)> {
        let mut out: Vec<_> = self
            .files()
            .into_iter()
            .filter_map(|(path, found)| match found {
                Ok(file) if self.is_ours(&file) => Some((file.briefing.clone(), Ok(file))),
                Ok(_) => None,
                Err(e) => {
                    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                    Some((name.unwrap_or_default(), Err(e)))
                }
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// Every notes file in the folder, whatever its store.
    fn files(&self) -> Vec<(PathBuf, Result<NotesFile, NotesError>)> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return Vec::new(),
            Err(cause) => {
                let path = self.dir.clone();
                return vec![(path.clone(), Err(NotesError::Read { path, cause }))];
            }
        };
        entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json") && path.is_file())
            .filter_map(|path| match read_file(&path) {
                Ok(Some(file)) => Some((path, Ok(file))),
                Ok(None) => None,
                Err(e) => Some((path, Err(e))),
            })
            .collect()
    }

    fn write_merged(&self, file: &NotesFile) -> Result<NotesFile, NotesError> {
        let path = self.file_for(&file.briefing);
        fs::create_dir_all(&self.dir).map_err(|cause| NotesError::Write {
            path: self.dir.clone(),
            step: "create the folder",
            cause,
        })?;
        let _lock = Lock::acquire(&path)?;
        for _ in 0..MERGE_TRIES {
            let (on_disk, read_hash) = read_file_hashed(&path)?;
            let unchanged_from = on_disk.as_ref().map(|f| f.notes.clone());
            let merged = if let Some(disk) = on_disk {
                merge(disk, file)
            } else {
                // The file is gone (deleted while the reader ran): nobody
                // deleted these notes one by one, so they are written again
                // from memory rather than taken as deleted elsewhere.
                let mut ours = file.clone();
                ours.seen.clear();
                merge(NotesFile::new(&file.briefing), &ours)
            };
            let unchanged = match &unchanged_from {
                Some(notes) => *notes == merged.notes,
                None => merged.notes.is_empty(),
            };
            if unchanged {
                return Ok(merged);
            }
            let mut text = serde_json::to_string_pretty(&merged)
                .map_err(|e| write_error(&path, "encode", io::Error::other(e)))?;
            text.push('\n');
            // Compare before the rename: a writer that does not take the lock
            // got in since the read, so merge with what it wrote instead.
            if read_file_hashed(&path)?.1 != read_hash {
                continue;
            }
            // Notes are private writing: a new file is the owner's only.
            fsutil::write_atomic_with(&path, text.as_bytes(), fsutil::PRIVATE_FILE_MODE)
                .map_err(|e| write_error(&path, e.step, e.cause))?;
            if let Some(old) = file.adopted_from.as_ref().filter(|old| **old != path) {
                // Saved where they belong now; the old copy would be found again.
                let _ = fs::remove_file(old);
            }
            return Ok(merged);
        }
        Err(NotesError::Locked { path })
    }
}

fn write_error(path: &Path, step: &'static str, cause: io::Error) -> NotesError {
    NotesError::Write {
        path: path.to_path_buf(),
        step,
        cause,
    }
}

/// Reads and checks a notes file; `None` if there is none.
fn read_file(path: &Path) -> Result<Option<NotesFile>, NotesError> {
    read_file_hashed(path).map(|(file, _)| file)
}

/// [`read_file`], with a hash of the bytes read (0 for no file), to tell
/// later whether the file changed.
fn read_file_hashed(path: &Path) -> Result<(Option<NotesFile>, u64), NotesError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        // No notes yet: nothing there, or no folder where one should be
        // (saving says so, and keeps the notes in memory meanwhile).
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => return Ok((None, 0)),
        Err(cause) => {
            let path = path.to_path_buf();
            return Err(NotesError::Read { path, cause });
        }
    };
    let hash = fnv1a(&bytes);
    let file = parse(&bytes).map_err(|message| NotesError::Corrupt {
        path: path.to_path_buf(),
        message,
    })?;
    Ok((Some(file), hash))
}

fn parse(bytes: &[u8]) -> Result<NotesFile, String> {
    #[derive(Deserialize)]
    struct Header {
        schema: u32,
    }
    let header: Header = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if header.schema != SCHEMA {
        return Err(format!(
            "unknown schema {} (this brief reads schema {SCHEMA})",
            header.schema
        ));
    }
    serde_json::from_slice(bytes).map_err(|e| e.to_string())
}

/// Merges `ours` into the notes on disk; see [`NotesStore::save`].
fn merge(disk: NotesFile, ours: &NotesFile) -> NotesFile {
    let is_deleted = |id: &String| ours.deleted.contains(id);
    let held = |id: &String| ours.notes.iter().any(|n| &n.id == id);
    let mut notes: Vec<Note> = disk
        .notes
        .into_iter()
        .filter(|n| !is_deleted(&n.id) && (held(&n.id) || !ours.seen.contains(&n.id)))
        .collect();
    let mut copies = Vec::new();
    for mine in &ours.notes {
        match notes.iter_mut().find(|n| n.id == mine.id) {
            Some(theirs) => match changed_by(ours.base.get(&mine.id), mine, theirs) {
                Changed::Us => *theirs = mine.clone(),
                Changed::Them => {}
                Changed::Both => copies.push(conflict_copy(mine)),
            },
            None if is_deleted(&mine.id) || ours.seen.contains(&mine.id) => {}
            None => notes.push(mine.clone()),
        }
    }
    for copy in copies {
        if !notes.iter().any(|n| n.id == copy.id) {
            notes.push(copy);
        }
    }
    let mut merged = NotesFile::new(ours.briefing.clone());
    merged.notes = notes;
    merged.store.clone_from(&ours.store);
    merged.content = ours.content.clone().or(disk.content);
    merged.sort();
    merged
}

/// Who changed a note held on both sides.
enum Changed {
    Us,
    Them,
    Both,
}

/// Decided by content against the text this copy last saw (`base`), so
/// that clocks and an unchanged `updated` cannot revert an edit; only a
/// note whose text both sides left alike falls back to the later `updated`
/// (an anchor moved).
fn changed_by(base: Option<&String>, mine: &Note, theirs: &Note) -> Changed {
    if mine.text == theirs.text {
        return if mine.updated >= theirs.updated {
            Changed::Us
        } else {
            Changed::Them
        };
    }
    match base {
        Some(b) if *b == theirs.text => Changed::Us,
        Some(b) if *b == mine.text => Changed::Them,
        _ => Changed::Both,
    }
}

/// Our version of a note someone else changed too: kept beside theirs, on
/// the same paragraph, marked. Its id derives from the note and our text,
/// so saving the same copy again does not make another.
fn conflict_copy(mine: &Note) -> Note {
    let mut copy = mine.clone();
    copy.id = format!("{}-conflict-{:08x}", mine.id, fnv1a(mine.text.as_bytes()) >> 32);
    copy.conflict_of = Some(mine.id.clone());
    copy
}

/// A lock the system holds for this process (`flock` on `<file>.lock`) and
/// releases when the process ends, however it ends: a crashed or killed
/// saver never blocks the next one, and a stopped one is waited for, never
/// overridden. The lock file itself stays; only the lock on it matters.
struct Lock {
    _file: fs::File,
}

impl Lock {
    fn acquire(target: &Path) -> Result<Self, NotesError> {
        let mut name = target.as_os_str().to_owned();
        name.push(".lock");
        let path = PathBuf::from(name);
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|cause| write_error(target, "create the lock file", cause))?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { _file: file }),
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(NotesError::Locked {
                        path: target.to_path_buf(),
                    });
                }
                Err(fs::TryLockError::Error(cause)) => return Err(write_error(target, "lock", cause)),
            }
        }
    }
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
