//! The store's list as last indexed, and the notes kept for search.

use super::IndexError;
use super::codec::{format_from, from_json, path_from};
use super::schema::sqlite;
use crate::notes::Note;
use crate::sanitize::sanitize;
use crate::store::{Briefing, FrontMatter, Meta};
use rusqlite::{Connection, params};

/// Every entry of the store, sorted by id, as `scan_paths` would give it
/// for files unchanged since (no file is read).
pub(super) fn briefings(conn: &Connection, store: i64) -> Result<Vec<Briefing>, IndexError> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, path, format, title, front_title, date, source, author, tags, declared, \
             fingerprint, error, warning, url FROM briefings WHERE store = ?1 ORDER BY id",
        )
        .map_err(sqlite("list the briefings"))?;
    let rows = stmt
        .query_map([store], |r| {
            let date: Option<String> = r.get(5)?;
            let source: Option<String> = r.get(6)?;
            let author: Option<String> = r.get(7)?;
            let tags: Vec<String> = from_json(&r.get::<_, String>(8)?);
            Ok(Briefing {
                id: r.get(0)?,
                path: path_from(r.get(1)?),
                format: format_from(&r.get::<_, String>(2)?),
                meta: Meta {
                    title: r.get(3)?,
                    declared: FrontMatter {
                        title: r.get(4)?,
                        date: date.clone(),
                        source: source.clone(),
                        author: author.clone(),
                        tags: tags.clone(),
                        entities: from_json(&r.get::<_, String>(9)?),
                        url: r.get(13)?,
                        bad_date: None,
                    },
                    date,
                    source,
                    author,
                    tags,
                },
                fingerprint: r.get::<_, i64>(10)? as u64,
                error: r.get(11)?,
                warning: r.get(12)?,
            })
        })
        .map_err(sqlite("list the briefings"))?;
    rows.collect::<Result<_, _>>()
        .map_err(sqlite("list the briefings"))
}

/// Replaces the indexed notes of one briefing.
pub(super) fn set_notes(
    conn: &Connection,
    store: i64,
    briefing: &str,
    notes: &[Note],
) -> Result<(), IndexError> {
    let write = || -> rusqlite::Result<()> {
        conn.execute_batch("BEGIN IMMEDIATE")?;
        conn.prepare_cached("DELETE FROM notes_fts WHERE store = ?1 AND briefing = ?2")?
            .execute(params![store, briefing])?;
        let mut add = conn.prepare_cached(
            "INSERT INTO notes_fts(text, store, briefing, note, ordinal) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for n in notes {
            add.execute(params![
                sanitize(&n.text),
                store,
                briefing,
                n.id,
                n.anchor.ordinal as i64
            ])?;
        }
        conn.execute_batch("COMMIT")
    };
    write().map_err(|e| {
        let _ = conn.execute_batch("ROLLBACK");
        sqlite("index the notes")(e)
    })
}
