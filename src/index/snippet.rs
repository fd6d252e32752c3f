//! A search hit's details and the text shown for it: FTS5's snippet cut
//! into marked pieces, each sanitised for the terminal.

use super::Hit;
use super::IndexError;
use super::codec::path_from;
use super::rank::Candidate;
use super::schema::{ORDINAL_BITS, child_rows, sqlite};
use crate::sanitize::sanitize;
use rusqlite::{Connection, OptionalExtension};

/// Markers FTS5 puts around matched words. Both are control characters,
/// which indexed text never holds (it is sanitised before it is stored).
const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';
/// Words of context a snippet shows.
const SNIPPET_WORDS: usize = 14;

/// A candidate's details and snippet.
pub(super) fn hit(conn: &Connection, c: &Candidate, text: &str) -> Result<Hit, IndexError> {
    let (briefing, paragraph, note) = if c.note {
        conn.prepare_cached(
            "SELECT b.rowid, n.ordinal, n.note FROM notes_fts n JOIN briefings b \
             ON b.id = n.briefing AND b.store = n.store WHERE n.rowid = ?1",
        )
        .and_then(|mut s| {
            s.query_row([c.rowid], |r| {
                Ok((r.get(0)?, r.get::<_, i64>(1)?, Some(r.get(2)?)))
            })
        })
        .map_err(sqlite("read a hit"))?
    } else {
        (c.rowid >> ORDINAL_BITS, c.rowid & ((1 << ORDINAL_BITS) - 1), None)
    };
    let mut hit = conn
        .prepare_cached("SELECT id, path, title, date, source FROM briefings WHERE rowid = ?1")
        .and_then(|mut s| {
            s.query_row([briefing], |r| {
                Ok(Hit {
                    id: r.get(0)?,
                    path: path_from(r.get(1)?),
                    title: r.get(2)?,
                    date: r.get(3)?,
                    source: r.get(4)?,
                    snippet: Vec::new(),
                    paragraph: paragraph as usize,
                    note,
                    score: c.score,
                })
            })
        })
        .map_err(sqlite("read a hit"))?;
    hit.snippet = snippet(conn, c.note, c.rowid, text)?;
    Ok(hit)
}

/// The matched words of one hit in their context.
fn snippet(conn: &Connection, note: bool, rowid: i64, text: &str) -> Result<Vec<(String, bool)>, IndexError> {
    let sql = if note {
        "SELECT snippet(notes_fts, 0, char(1), char(2), '…', ?3) FROM notes_fts \
         WHERE notes_fts MATCH ?1 AND rowid = ?2"
    } else {
        "SELECT snippet(paragraphs, 0, char(1), char(2), '…', ?3) FROM paragraphs \
         WHERE paragraphs MATCH ?1 AND rowid = ?2"
    };
    let marked: Option<String> = conn
        .prepare_cached(sql)
        .and_then(|mut s| {
            s.query_row(rusqlite::params![text, rowid, SNIPPET_WORDS as i64], |r| r.get(0))
                .optional()
        })
        .map_err(sqlite("cut a snippet"))?;
    Ok(pieces(&marked.unwrap_or_default()))
}

/// Splits FTS5's marked text into pieces, each sanitised.
fn pieces(marked: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut current = String::new();
    let mut inside = false;
    let mut flush = |current: &mut String, inside: bool| {
        if !current.is_empty() {
            out.push((sanitize(current).into_owned(), inside));
            current.clear();
        }
    };
    for c in marked.chars() {
        match c {
            OPEN | CLOSE => {
                flush(&mut current, inside);
                inside = c == OPEN;
            }
            _ => current.push(c),
        }
    }
    flush(&mut current, inside);
    out
}

/// The first stored paragraph at or after `ordinal` (empty ones are not
/// stored).
pub(super) fn paragraph_from(
    conn: &Connection,
    briefing: i64,
    ordinal: usize,
) -> Result<Option<(usize, String)>, IndexError> {
    let (low, high) = child_rows(briefing);
    conn.prepare_cached(
        "SELECT ordinal, text FROM paragraphs WHERE rowid BETWEEN ?1 AND ?2 ORDER BY rowid LIMIT 1",
    )
    .and_then(|mut s| {
        s.query_row(rusqlite::params![low + ordinal as i64, high], |r| {
            Ok((r.get::<_, i64>(0)? as usize, r.get::<_, String>(1)?))
        })
        .optional()
    })
    .map_err(sqlite("read a paragraph"))
}

/// About as many words as a snippet shows, from the start of a paragraph.
pub(super) fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words
        .iter()
        .take(SNIPPET_WORDS + 2)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if words.len() > SNIPPET_WORDS + 2 {
        out.push('…');
    }
    out
}
