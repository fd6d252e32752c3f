//! What the reader remembers between runs: which briefings were read and
//! where each was left. Kept in the data directory, not with notes.

use crate::fsutil::write_atomic;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Read marks, stars and positions (paragraph ordinals), by briefing id,
/// and the briefing open last.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingState {
    #[serde(default)]
    pub read: BTreeSet<String>,
    #[serde(default)]
    pub positions: BTreeMap<String, usize>,
    #[serde(default)]
    pub starred: BTreeSet<String>,
    /// The briefing open when the reader last quit: it opens again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
}

impl ReadingState {
    pub fn file(data_dir: &Path) -> PathBuf {
        data_dir.join("state.json")
    }

    /// Loads the state; a missing or unreadable file starts fresh (this
    /// state is a convenience, and losing it loses no user writing).
    pub fn load(data_dir: &Path) -> (Self, Option<String>) {
        let path = Self::file(data_dir);
        match std::fs::read_to_string(&path) {
            Ok(text) => match serde_json::from_str(&text) {
                Ok(s) => (s, None),
                Err(e) => (
                    Self::default(),
                    Some(format!("{}: reading state ignored: {e}", path.display())),
                ),
            },
            Err(_) => (Self::default(), None),
        }
    }

    pub fn save(&self, data_dir: &Path) -> std::io::Result<()> {
        let mut text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        text.push('\n');
        write_atomic(&Self::file(data_dir), text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_tolerates_a_broken_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = ReadingState::default();
        s.read.insert("a.md".into());
        s.positions.insert("a.md".into(), 3);
        s.starred.insert("b.md".into());
        s.last = Some("a.md".into());
        s.save(dir.path()).unwrap();
        assert_eq!(ReadingState::load(dir.path()).0, s);
        std::fs::write(ReadingState::file(dir.path()), "{broken").unwrap();
        let (fresh, warning) = ReadingState::load(dir.path());
        assert_eq!(fresh, ReadingState::default());
        assert!(warning.unwrap().contains("state.json"));
    }
}
