//! `brief list [PATH]`: one line per briefing.

use crate::cli::ListArgs;
use crate::entities::watch::Watchlist;
use crate::index::Index;
use crate::notes::NotesStore;
use crate::sanitize::{inert_json, sanitize};
use crate::store::Briefing;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(serde::Serialize)]
struct Record<'a> {
    id: &'a str,
    date: Option<&'a str>,
    source: Option<&'a str>,
    title: &'a str,
    tags: &'a [String],
    notes: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// Notes per briefing id, from every readable notes file.
pub fn note_counts(notes: &NotesStore) -> HashMap<String, usize> {
    notes
        .all()
        .into_iter()
        .filter_map(|(_, f)| f.ok())
        .map(|f| (f.briefing.clone(), f.notes.len()))
        .collect()
}

/// Lists from the index, which is brought up to date first (only new and
/// changed files are read).
pub fn run(
    args: &ListArgs,
    cache: &Path,
    roots: &[PathBuf],
    watch: &Watchlist,
    notes: &NotesStore,
    state: &crate::reading_state::ReadingState,
) -> anyhow::Result<()> {
    let (mut index, _) = super::archive::open_current(cache, roots, watch, true)?;
    let mut briefings = super::archive::read_mending(&mut index, roots, watch, Index::briefings)?;
    briefings.retain(|b| {
        (!args.unread || !state.read.contains(&b.id)) && (!args.starred || state.starred.contains(&b.id))
    });
    // Newest first, as a reader wants a morning's briefings.
    briefings.sort_by(|a, b| b.meta.date.cmp(&a.meta.date).then_with(|| a.id.cmp(&b.id)));
    let counts = note_counts(notes);
    let text = if args.json {
        json(&briefings, &counts)?
    } else {
        columns(&briefings, &counts)
    };
    super::print(&text)
}

/// One JSON object a line; titles and errors come from the files, so
/// control, bidi and invisible characters in them are `\uXXXX` escapes.
fn json(briefings: &[Briefing], counts: &HashMap<String, usize>) -> anyhow::Result<String> {
    let mut out = String::new();
    for b in briefings {
        out.push_str(&inert_json(&serde_json::to_string(&Record {
            id: &b.id,
            date: b.meta.date.as_deref(),
            source: b.meta.source.as_deref(),
            title: &b.meta.title,
            tags: &b.meta.tags,
            notes: counts.get(&b.id).copied().unwrap_or(0),
            error: b.error.as_deref(),
        })?));
        out.push('\n');
    }
    Ok(out)
}

/// Aligned columns: date, source, title, and the notes count when there
/// are notes; a broken file shows its error.
fn columns(briefings: &[Briefing], counts: &HashMap<String, usize>) -> String {
    let source_width = briefings
        .iter()
        .map(|b| b.meta.source.as_deref().map_or(1, |s| s.chars().count()))
        .max()
        .unwrap_or(1)
        .min(24);
    let mut out = String::new();
    for b in briefings {
        let date = b.meta.date.as_deref().unwrap_or("-");
        let source: String = b.meta.source.as_deref().unwrap_or("-").chars().take(24).collect();
        let mut title = match &b.error {
            Some(e) => format!("{}  [error: {e}]", b.id),
            None => b.meta.title.clone(),
        };
        match counts.get(&b.id).copied().unwrap_or(0) {
            0 => {}
            1 => title.push_str("  (1 note)"),
            n => {
                let _ = write!(title, "  ({n} notes)");
            }
        }
        out.push_str(&sanitize(&format!(
            "{date:<10}  {source:<source_width$}  {title}"
        )));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_inert_on_a_terminal_and_lossless() {
        let dir = tempfile::tempdir().expect("tempdir");
        let title = "T\u{1b}]0;PWN\u{7} \u{85} \u{202e}evil \u{e0041}\u{e0042} a\u{200d}b 👨\u{200d}👩";
        let path = dir.path().join("h.md");
        // YAML escapes, as the file's own bytes are printable.
        let mut escaped = String::new();
        for c in title.chars() {
            let _ = write!(escaped, "\\U{:08x}", c as u32);
        }
        std::fs::write(&path, format!("---\ntitle: \"{escaped}\"\n---\nbody\n")).expect("write");
        let b = Briefing::read(&path, "h.md".into());
        assert_eq!(b.meta.title, title, "{:?}", b.error);
        let out = json(&[b], &HashMap::new()).expect("json");
        // Only the kept joiner of the emoji sequence is left raw.
        assert!(out.contains("👨\u{200d}👩"), "{out}");
        assert!(crate::sanitize::sanitize_lines(&out) == out, "{out}");
        let record: serde_json::Value = serde_json::from_str(out.trim_end()).expect("json");
        assert_eq!(record["title"], title);
    }
}
