//! Paragraph notes: the note model, its anchor and re-anchoring, the on-disk
//! store (atomic, merge-on-write) and export.

mod anchor;
pub mod export;
pub mod store;

pub use anchor::{Anchor, FUZZY_THRESHOLD, Placement, fingerprint, place, similarity};
pub use export::{export_json, export_markdown};
pub use store::{NotesError, NotesStore};

use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The version of the notes file format this build reads and writes.
pub const SCHEMA: u32 = 1;

/// One note on one paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Unique across processes: time in nanoseconds, process id, counter (hex).
    pub id: String,
    pub text: String,
    /// RFC 3339 UTC with milliseconds, e.g. `2026-03-21T10:04:05.123Z`.
    pub created: String,
    /// As `created`; the later `updated` wins when two copies are merged.
    pub updated: String,
    pub anchor: Anchor,
    /// Set on a copy kept when two readers changed this note (by id) at
    /// once: both texts survive, on the same paragraph, and this one says
    /// which note it conflicts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict_of: Option<String>,
}

impl Note {
    /// A new note on the paragraph `ordinal` of `paragraphs`.
    pub fn new(text: impl Into<String>, paragraphs: &[String], ordinal: usize) -> Self {
        let now = now_rfc3339();
        Self {
            id: new_id(),
            text: text.into(),
            created: now.clone(),
            updated: now,
            anchor: Anchor::new(paragraphs, ordinal),
            conflict_of: None,
        }
    }

    /// Replaces the text and bumps `updated`.
    pub fn set_text(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.updated = now_rfc3339();
    }

    /// Moves the anchor to paragraph `ordinal` (after re-anchoring or a move)
    /// and bumps `updated`.
    pub fn reanchor(&mut self, paragraphs: &[String], ordinal: usize) {
        self.anchor = Anchor::new(paragraphs, ordinal);
        self.updated = now_rfc3339();
    }
}

/// The notes of one briefing: the content of one notes file.
///
/// Field order is the order on disk. `deleted` and `seen` are bookkeeping for
/// merge-on-write (see [`NotesStore::save`]) and are never written.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NotesFile {
    pub schema: u32,
    /// The briefing id: its path relative to the store root.
    pub briefing: String,
    /// The store the briefing belongs to (its folders, canonical): a
    /// same-named briefing in another store never shows these notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
    /// The briefing's content fingerprint when these notes were last
    /// saved: a briefing renamed inside its store finds its notes by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Ids this process removed; a save drops them from the file on disk.
    #[serde(skip)]
    pub deleted: Vec<String>,
    /// Ids that were on disk when this copy was last loaded or synced; a note
    /// of this copy that is among them but gone from disk was deleted by
    /// another process.
    #[serde(skip)]
    pub seen: Vec<String>,
    /// Each note's text as this copy last loaded or synced it: a merge
    /// tells from it who changed a note, so an edit elsewhere is never
    /// reverted and two edits both survive.
    #[serde(skip)]
    pub base: std::collections::HashMap<String, String>,
    /// The file these notes were read from when it is not where they
    /// belong now (an older name, or the briefing's name before a rename):
    /// removed once they are saved where they belong.
    #[serde(skip)]
    pub adopted_from: Option<std::path::PathBuf>,
}

impl NotesFile {
    /// An empty notes file for `briefing`.
    pub fn new(briefing: impl Into<String>) -> Self {
        Self {
            schema: SCHEMA,
            briefing: briefing.into(),
            ..Self::default()
        }
    }

    /// Records what is on disk now: the ids (to tell deletions elsewhere)
    /// and each note's text (to tell who changed a note).
    pub fn remember_as_seen(&mut self) {
        self.seen = self.notes.iter().map(|n| n.id.clone()).collect();
        self.base = self
            .notes
            .iter()
            .map(|n| (n.id.clone(), n.text.clone()))
            .collect();
    }

    /// Adds a note, keeping notes in file order.
    pub fn add(&mut self, note: Note) {
        // Re-adding a deleted note (undo) cancels the pending deletion.
        self.deleted.retain(|id| *id != note.id);
        self.notes.push(note);
        self.sort();
    }

    pub fn get(&self, id: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Note> {
        self.notes.iter_mut().find(|n| n.id == id)
    }

    /// Removes a note and remembers the deletion for the next save.
    pub fn remove(&mut self, id: &str) -> Option<Note> {
        let index = self.notes.iter().position(|n| n.id == id)?;
        self.deleted.push(id.to_string());
        Some(self.notes.remove(index))
    }

    /// File order: by anchor ordinal, then creation time, then id, so that the
    /// file is stable and diffs stay small.
    pub fn sort(&mut self) {
        self.notes.sort_by(|a, b| {
            (a.anchor.ordinal, &a.created, &a.id).cmp(&(b.anchor.ordinal, &b.created, &b.id))
        });
    }

    /// The notes with their current place among `paragraphs`.
    pub fn placements<'a>(&'a self, paragraphs: &[String]) -> Vec<(&'a Note, Placement)> {
        self.notes
            .iter()
            .map(|n| (n, place(&n.anchor, paragraphs)))
            .collect()
    }
}

/// The current time as RFC 3339 UTC with milliseconds.
pub fn now_rfc3339() -> String {
    rfc3339(SystemTime::now())
}

/// `time` as RFC 3339 UTC with milliseconds; times before 1970 clamp to it.
pub fn rfc3339(time: SystemTime) -> String {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs();
    let (year, month, day) = civil_from_days(secs / 86_400);
    let rem = secs % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        since.subsec_millis()
    )
}

/// (year, month, day) of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, for non-negative days).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + u64::from(month <= 2), month, day)
}

/// A new note id, unique across processes and within one.
fn new_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{nanos:x}-{:x}-{n:x}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn rfc3339_known_dates() {
        let at = |secs| rfc3339(UNIX_EPOCH + Duration::from_secs(secs));
        assert_eq!(at(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(at(951_782_400), "2000-02-29T00:00:00.000Z");
        assert_eq!(at(1_700_000_000), "2023-11-14T22:13:20.000Z");
        assert_eq!(at(4_102_444_799), "2099-12-31T23:59:59.000Z");
        let ms = rfc3339(UNIX_EPOCH + Duration::from_millis(1_500));
        assert_eq!(ms, "1970-01-01T00:00:01.500Z");
    }

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<String> = (0..1000).map(|_| new_id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 1000);
    }

    #[test]
    fn notes_sort_and_remove_records_deletion() {
        let paras = vec!["a".to_string(), "b".to_string()];
        let mut file = NotesFile::new("x.md");
        let late = Note::new("second", &paras, 1);
        let early = Note::new("first", &paras, 0);
        let early_id = early.id.clone();
        file.add(late);
        file.add(early);
        assert_eq!(file.notes[0].text, "first");
        assert!(file.remove(&early_id).is_some());
        assert_eq!(file.deleted, vec![early_id.clone()]);
        assert!(file.get(&early_id).is_none());
        assert!(file.remove("nope").is_none());
    }

    #[test]
    fn set_text_bumps_updated() {
        let mut note = Note::new("a", &["p".to_string()], 0);
        note.updated = "1970-01-01T00:00:00.000Z".into();
        note.set_text("b");
        assert!(note.updated >= note.created);
        assert_ne!(note.updated, "1970-01-01T00:00:00.000Z");
    }
}
