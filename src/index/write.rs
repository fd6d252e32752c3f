//! Writing one briefing's rows: its entry, paragraphs and entities; moving
//! an entry to a new path; removing one. The caller holds the transaction.

use super::analyse::Indexed;
use super::codec::{fold, format_name, json, kind_code, last_word, path_bytes};
use super::schema::{ENTITIES, ORDINAL_BITS, PARAGRAPHS, child_rows};
use crate::store::Briefing;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

/// A file's size and modification time when it was listed (before it was
/// read: a file that changes while being read is read again next time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stat {
    pub size: i64,
    pub mtime_ns: i64,
}

const COLUMNS: &str = "id, path, size, mtime_ns, fingerprint, content, format, title, front_title, \
     date, source, author, tags, declared, source_key, tag_keys, error, warning, url";

/// Writes an analysed briefing, replacing whatever the store had under its
/// id. Returns its rowid.
pub(super) fn put(conn: &Connection, store: i64, stat: Stat, item: &Indexed) -> rusqlite::Result<i64> {
    let existing: Option<i64> = conn
        .prepare_cached("SELECT rowid FROM briefings WHERE store = ?1 AND id = ?2")?
        .query_row(params![store, item.entry.id], |r| r.get(0))
        .optional()?;
    let rowid = if let Some(rowid) = existing {
        clear(conn, rowid)?;
        put_entry(conn, rowid, stat, &item.entry, item.content)?;
        rowid
    } else {
        let marks: Vec<String> = (1..=COLUMNS.split(", ").count() + 1)
            .map(|i| format!("?{i}"))
            .collect();
        let sql = format!(
            "INSERT INTO briefings(store, {COLUMNS}) VALUES ({})",
            marks.join(", ")
        );
        let values =
            std::iter::once(Value::Integer(store)).chain(column_values(stat, &item.entry, item.content));
        conn.prepare_cached(&sql)?.execute(params_from_iter(values))?;
        conn.last_insert_rowid()
    };
    let mut paragraph = conn
        .prepare_cached("INSERT INTO paragraphs(rowid, text, briefing, ordinal) VALUES (?1, ?2, ?3, ?4)")?;
    let (low, _) = child_rows(rowid);
    for (ordinal, text) in item.paragraphs.iter().enumerate().take(1 << ORDINAL_BITS) {
        if !text.trim().is_empty() {
            paragraph.execute(params![low + ordinal as i64, text, rowid, ordinal as i64])?;
        }
    }
    let mut entity = conn.prepare_cached(
        "INSERT INTO entities(rowid, briefing, store, kind, name, folded, last, mentions, first_paragraph, \
         watched) VALUES (?10, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, e) in item.entities.iter().enumerate().take(1 << ORDINAL_BITS) {
        let folded = fold(&e.name);
        let last = last_word(e.kind, &folded);
        entity.execute(params![
            rowid,
            store,
            kind_code(e.kind),
            e.name,
            folded,
            last,
            e.mentions as i64,
            e.first_paragraph as i64,
            e.watched,
            low + i as i64,
        ])?;
    }
    Ok(rowid)
}

/// Rewrites an entry's own columns, keeping its paragraphs and entities:
/// for a file touched but not changed, or renamed (its id and path move;
/// whatever else was already there under the new id goes).
pub(super) fn put_entry(
    conn: &Connection,
    rowid: i64,
    stat: Stat,
    entry: &Briefing,
    content: Option<u64>,
) -> rusqlite::Result<()> {
    let others: Vec<i64> = conn
        .prepare_cached("SELECT rowid FROM briefings WHERE id = ?1 AND rowid <> ?2 AND store = (SELECT store FROM briefings WHERE rowid = ?2)")?
        .query_map(params![entry.id, rowid], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for other in others {
        remove(conn, other)?;
    }
    let sets: Vec<String> = COLUMNS
        .split(", ")
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 2))
        .collect();
    let sql = format!("UPDATE briefings SET {} WHERE rowid = ?1", sets.join(", "));
    let values = std::iter::once(Value::Integer(rowid)).chain(column_values(stat, entry, content));
    conn.prepare_cached(&sql)?.execute(params_from_iter(values))?;
    Ok(())
}

/// An entry's values in [`COLUMNS`] order: one list for the insert and the
/// update, so a column added to one is added to both.
fn column_values(stat: Stat, e: &Briefing, content: Option<u64>) -> [Value; 19] {
    let text = |t: &Option<String>| t.clone().map_or(Value::Null, Value::Text);
    let (tags, declared, source_key, tag_keys) = derived(e);
    [
        Value::Text(e.id.clone()),
        Value::Blob(path_bytes(&e.path)),
        Value::Integer(stat.size),
        Value::Integer(stat.mtime_ns),
        Value::Integer(e.fingerprint as i64),
        content.map_or(Value::Null, |c| Value::Integer(c as i64)),
        Value::Text(format_name(e.format).to_owned()),
        Value::Text(e.meta.title.clone()),
        text(&e.meta.declared.title),
        text(&e.meta.date),
        text(&e.meta.source),
        text(&e.meta.author),
        Value::Text(tags),
        Value::Text(declared),
        text(&source_key),
        Value::Text(tag_keys),
        text(&e.error),
        text(&e.warning),
        text(&e.meta.declared.url),
    ]
}

/// The stored forms derived from an entry: tags and declared entities as
/// JSON, and the folded source and tags that filters compare.
fn derived(e: &Briefing) -> (String, String, Option<String>, String) {
    let tag_keys: Vec<String> = e.meta.tags.iter().map(|t| fold(t)).collect();
    (
        json(&e.meta.tags),
        json(&e.meta.declared.entities),
        e.meta.source.as_deref().map(fold),
        json(&tag_keys),
    )
}

/// Drops a briefing's paragraphs and entities.
fn clear(conn: &Connection, rowid: i64) -> rusqlite::Result<()> {
    let (low, high) = child_rows(rowid);
    conn.prepare_cached("DELETE FROM paragraphs WHERE rowid BETWEEN ?1 AND ?2")?
        .execute(params![low, high])?;
    conn.prepare_cached("DELETE FROM entities WHERE rowid BETWEEN ?1 AND ?2")?
        .execute(params![low, high])?;
    Ok(())
}

/// Drops a briefing and everything indexed of it.
pub(super) fn remove(conn: &Connection, rowid: i64) -> rusqlite::Result<()> {
    clear(conn, rowid)?;
    conn.prepare_cached("DELETE FROM briefings WHERE rowid = ?1")?
        .execute([rowid])?;
    Ok(())
}

/// Forgets a whole store's briefings (its notes stay: they are the
/// user's). The store alone in the file: the paragraphs' and entities'
/// tables are dropped and made again, far quicker than removing rows.
pub(super) fn clear_store(conn: &Connection, store: i64) -> rusqlite::Result<()> {
    let others: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM briefings WHERE store <> ?1)",
        [store],
        |r| r.get(0),
    )?;
    if others {
        let rows: Vec<i64> = conn
            .prepare("SELECT rowid FROM briefings WHERE store = ?1")?
            .query_map([store], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut paragraphs = conn.prepare("DELETE FROM paragraphs WHERE rowid BETWEEN ?1 AND ?2")?;
        for rowid in rows {
            let (low, high) = child_rows(rowid);
            paragraphs.execute(params![low, high])?;
        }
        conn.execute("DELETE FROM entities WHERE store = ?1", [store])?;
    } else {
        conn.execute_batch(&format!(
            "DROP TABLE paragraphs; {PARAGRAPHS} DROP TABLE entities; {ENTITIES}"
        ))?;
    }
    conn.execute("DELETE FROM briefings WHERE store = ?1", [store])?;
    conn.execute(
        "UPDATE stores SET watch_fingerprint = NULL WHERE id = ?1",
        [store],
    )?;
    Ok(())
}

/// [`clear_store`] in a transaction of its own.
pub(super) fn clear_store_now(conn: &Connection, store: i64) -> Result<(), super::IndexError> {
    let _cache = super::batch::BigCache::new(conn);
    let run = || -> rusqlite::Result<()> {
        conn.execute_batch("BEGIN IMMEDIATE")?;
        clear_store(conn, store)?;
        conn.execute_batch("COMMIT")
    };
    run().map_err(|e| {
        let _ = conn.execute_batch("ROLLBACK");
        super::schema::sqlite("forget the store")(e)
    })
}
