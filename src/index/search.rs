//! Running a query: FTS5 over paragraphs and notes, the filters as
//! conditions on the briefing, ranked by bm25; snippets cut by FTS5 and
//! sanitised for the terminal.

use super::codec::{fold, path_from};
use super::entities::Names;
use super::rank::{Best, Candidate};
use super::schema::{ORDINAL_BITS, one_line, sqlite};
use super::snippet::{first_words, hit, paragraph_from};
use super::{Filter, Hit, IndexError, Query, QueryError};
use crate::sanitize::sanitize;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use std::collections::HashMap;

pub(super) fn search(
    conn: &Connection,
    store: i64,
    query: &Query,
    limit: usize,
) -> Result<Vec<Hit>, IndexError> {
    if query.text.trim().is_empty() && query.filters.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let mut params = Vec::new();
    let (conditions, first_entity) = conditions(conn, store, &query.filters, &mut params)?;
    if query.text.trim().is_empty() {
        return filtered(conn, store, &conditions, first_entity.as_ref(), params, limit);
    }
    let allowed = Allowed::load(conn, store, &conditions, params)?;
    let mut best = Best::new(limit);
    let mut stmt = conn
        .prepare_cached("SELECT rowid, bm25(paragraphs) FROM paragraphs WHERE paragraphs MATCH ?1")
        .map_err(sqlite("search"))?;
    let mut rows = stmt.query([&query.text]).map_err(|e| query_error(&e))?;
    while let Some(r) = rows.next().map_err(|e| query_error(&e))? {
        let (rowid, rank): (i64, f64) = (
            r.get(0).map_err(sqlite("search"))?,
            r.get(1).map_err(sqlite("search"))?,
        );
        if let Some(&order) = allowed.order.get(&(rowid >> ORDINAL_BITS)) {
            best.offer(Candidate {
                score: rank,
                order,
                note: false,
                rowid,
            });
        }
    }
    let mut stmt = conn
        .prepare_cached(
            "SELECT rowid, bm25(notes_fts), briefing FROM notes_fts WHERE notes_fts MATCH ?1 AND store = ?2",
        )
        .map_err(sqlite("search"))?;
    let mut rows = stmt
        .query(rusqlite::params![&query.text, store])
        .map_err(|e| query_error(&e))?;
    while let Some(r) = rows.next().map_err(|e| query_error(&e))? {
        let read = || -> rusqlite::Result<(i64, f64, String)> { Ok((r.get(0)?, r.get(1)?, r.get(2)?)) };
        let (rowid, rank, briefing) = read().map_err(sqlite("search"))?;
        if let Some(order) = allowed.order_of_id(conn, store, &briefing)? {
            best.offer(Candidate {
                score: rank,
                order,
                note: true,
                rowid,
            });
        }
    }
    best.into_sorted()
        .into_iter()
        .map(|c| hit(conn, &c, &query.text))
        .collect()
}

/// The briefings a query's filters let through, each with its place in
/// date order (newest first), which breaks ties of rank.
struct Allowed {
    order: HashMap<i64, u32>,
}

impl Allowed {
    fn load(conn: &Connection, store: i64, conditions: &str, params: Vec<Value>) -> Result<Self, IndexError> {
        let sql = format!(
            "SELECT b.rowid FROM briefings b WHERE b.store = ?{conditions} \
             ORDER BY b.date DESC, b.mtime_ns DESC, b.id"
        );
        let mut all = vec![Value::Integer(store)];
        all.extend(params);
        let mut stmt = conn.prepare_cached(&sql).map_err(sqlite("search"))?;
        let rows = stmt
            .query_map(params_from_iter(all), |r| r.get::<_, i64>(0))
            .map_err(sqlite("search"))?;
        let mut order = HashMap::new();
        for (i, rowid) in rows.enumerate() {
            order.insert(
                rowid.map_err(sqlite("search"))?,
                u32::try_from(i).unwrap_or(u32::MAX),
            );
        }
        Ok(Self { order })
    }

    /// The place of a briefing known by id (a note's), if let through.
    fn order_of_id(&self, conn: &Connection, store: i64, id: &str) -> Result<Option<u32>, IndexError> {
        let rowid: Option<i64> = conn
            .prepare_cached("SELECT rowid FROM briefings WHERE store = ?1 AND id = ?2")
            .and_then(|mut s| s.query_row(rusqlite::params![store, id], |r| r.get(0)).optional())
            .map_err(sqlite("search"))?;
        Ok(rowid.and_then(|r| self.order.get(&r).copied()))
    }
}

/// The filters as SQL conditions on `b` (each starting with ` AND`), and
/// the first entity filter's names, whose first mention a filters-only
/// hit points at.
fn conditions(
    conn: &Connection,
    store: i64,
    filters: &[Filter],
    params: &mut Vec<Value>,
) -> Result<(String, Option<Names>), IndexError> {
    let mut sql = String::new();
    let mut first = None;
    for f in filters {
        match f {
            Filter::Entity(kind, name) => {
                let names = Names::resolve(conn, store, *kind, name)?;
                let condition = names.condition("e", params);
                sql.push_str(" AND b.rowid IN (SELECT e.briefing FROM entities e WHERE ");
                sql.push_str(&condition);
                sql.push(')');
                first.get_or_insert(names);
            }
            Filter::Source(source) => {
                sql.push_str(" AND b.source_key = ?");
                params.push(Value::Text(fold(source)));
            }
            Filter::Tag(tag) => {
                sql.push_str(" AND EXISTS (SELECT 1 FROM json_each(b.tag_keys) t WHERE t.value = ?)");
                params.push(Value::Text(fold(tag)));
            }
            Filter::After(date) => {
                sql.push_str(" AND b.date >= ?");
                params.push(Value::Text(date.clone()));
            }
            Filter::Before(date) => {
                // A prefix: `before:2026-11` takes in all of November.
                sql.push_str(" AND substr(b.date, 1, ?) <= ?");
                params.push(Value::Integer(date.len() as i64));
                params.push(Value::Text(date.clone()));
            }
        }
    }
    Ok((sql, first))
}

/// A filters-only query: the briefings, newest first, each at its first
/// paragraph or the entity's first mention.
fn filtered(
    conn: &Connection,
    store: i64,
    conditions: &str,
    entity: Option<&Names>,
    params: Vec<Value>,
    limit: usize,
) -> Result<Vec<Hit>, IndexError> {
    let mut all = Vec::new();
    let first = match entity {
        Some(names) => format!(
            "(SELECT MIN(e.first_paragraph) FROM entities e WHERE e.briefing = b.rowid AND {})",
            names.condition("e", &mut all)
        ),
        None => "0".to_owned(),
    };
    all.push(Value::Integer(store));
    all.extend(params);
    all.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    let sql = format!(
        "SELECT b.rowid, b.id, b.path, b.title, b.date, b.source, COALESCE({first}, 0) \
         FROM briefings b WHERE b.store = ?{conditions} \
         ORDER BY b.date DESC, b.mtime_ns DESC, b.id LIMIT ?"
    );
    let mut stmt = conn.prepare_cached(&sql).map_err(sqlite("search"))?;
    let rows = stmt
        .query_map(params_from_iter(all), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Hit {
                    id: r.get(1)?,
                    path: path_from(r.get(2)?),
                    title: r.get(3)?,
                    date: r.get(4)?,
                    source: r.get(5)?,
                    snippet: Vec::new(),
                    paragraph: r.get::<_, i64>(6)? as usize,
                    note: None,
                    score: 0.0,
                },
            ))
        })
        .map_err(sqlite("search"))?;
    let found: Vec<(i64, Hit)> = rows.collect::<Result<_, _>>().map_err(sqlite("search"))?;
    found
        .into_iter()
        .map(|(briefing, mut hit)| {
            if let Some((ordinal, text)) = paragraph_from(conn, briefing, hit.paragraph)? {
                hit.paragraph = ordinal;
                hit.snippet = vec![(sanitize(&first_words(&text)).into_owned(), false)];
            }
            Ok(hit)
        })
        .collect()
}

/// A malformed FTS5 query is the user's to fix: said in one line. The
/// statement itself is fixed and sound, so a plain SQL error while it runs
/// comes from the query text; I/O, corruption and the like stay errors of
/// the index.
fn query_error(e: &rusqlite::Error) -> IndexError {
    let message = one_line(&e.to_string());
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::Unknown) {
        let text = message.strip_prefix("fts5: ").unwrap_or(&message);
        let said = match text.trim_end_matches([':', ' ']) {
            "syntax error near \"\"" => {
                "the query ends too soon (an AND, OR, NOT, NEAR or bracket without its other half)".to_owned()
            }
            "unknown special query" => "a '*' must end a word, as in negotiat*".to_owned(),
            other => other.to_owned(),
        };
        return IndexError::Query(QueryError(said));
    }
    IndexError::Sqlite {
        step: "search",
        message,
    }
}
