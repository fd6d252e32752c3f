//! How values are stored: paths as bytes, times as nanoseconds, kinds and
//! formats as their names, lists as JSON.

use crate::entities::EntityKind;
use crate::store::Format;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// A path's bytes: exact on Unix, where a file name need not be UTF-8.
#[cfg(unix)]
pub(super) fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
pub(super) fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(unix)]
pub(super) fn path_from(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
pub(super) fn path_from(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// Nanoseconds since the epoch (negative before it); 0 when unknown.
pub(super) fn nanos(time: Option<SystemTime>) -> i64 {
    match time.map(|t| t.duration_since(UNIX_EPOCH)) {
        Some(Ok(d)) => i64::try_from(d.as_nanos()).unwrap_or(i64::MAX),
        Some(Err(e)) => i64::try_from(e.duration().as_nanos()).map_or(i64::MIN, |n| -n),
        None => 0,
    }
}

pub(super) fn format_name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "markdown",
        Format::Text => "text",
    }
}

pub(super) fn format_from(name: &str) -> Format {
    if name == "markdown" {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// A kind as stored: its place in [`EntityKind::ALL`] plus one.
pub(super) fn kind_code(kind: EntityKind) -> i64 {
    EntityKind::ALL
        .iter()
        .position(|k| *k == kind)
        .map_or(0, |i| i as i64 + 1)
}

pub(super) fn kind_from(code: i64) -> Option<EntityKind> {
    let index = usize::try_from(code).ok()?.checked_sub(1)?;
    EntityKind::ALL.get(index).copied()
}

/// The kinds named by proper names, as stored (dates and numbers above).
pub(super) const NAMED_KINDS: i64 = 4;

/// Names compared without regard to case.
pub(super) fn fold(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The folded last word of a person's name of several words: how a
/// surname alone finds the full name.
pub(super) fn last_word(kind: EntityKind, folded: &str) -> Option<String> {
    (kind == EntityKind::Person)
        .then(|| folded.rsplit_once(' ').map(|(_, last)| last.to_owned()))
        .flatten()
}

pub(super) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

pub(super) fn from_json<T: serde::de::DeserializeOwned + Default>(text: &str) -> T {
    serde_json::from_str(text).unwrap_or_default()
}
