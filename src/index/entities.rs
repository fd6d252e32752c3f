//! Questions about entities across the store, answered from the
//! `entities` table by its indexes: who names whom, when, with whom.

use super::codec::{NAMED_KINDS, fold, kind_code, kind_from};
use super::schema::{ORDINAL_BITS, sqlite};
use super::{EntityHit, IndexError};
use crate::entities::EntityKind;
use crate::entities::canonical::canonical;
use crate::entities::index::IndexRecord;
use rusqlite::Connection;
use rusqlite::types::Value;
use std::collections::{BTreeSet, HashMap};

/// An entity as the user names it, resolved to the folded names it is
/// stored under: the name, its canonical form, the watched entry it is an
/// alias of, and for a person the full name a lone surname stands for (or
/// the surname alone of a full name), when only one full name ends so —
/// as the Entities pane joins them.
pub(super) struct Names {
    store: i64,
    kind: EntityKind,
    folded: Vec<String>,
}

impl Names {
    pub(super) fn resolve(
        conn: &Connection,
        store: i64,
        kind: EntityKind,
        name: &str,
    ) -> Result<Self, IndexError> {
        let code = kind_code(kind);
        let mut names: BTreeSet<String> = [fold(name), fold(&canonical(kind, name))].into();
        let mut aliases = conn
            .prepare_cached("SELECT name FROM aliases WHERE store = ?1 AND kind = ?2 AND alias = ?3")
            .map_err(sqlite("resolve a name"))?;
        for n in names.clone() {
            let entries: Vec<String> = aliases
                .query_map(rusqlite::params![store, code, n], |r| r.get(0))
                .and_then(Iterator::collect)
                .map_err(sqlite("resolve a name"))?;
            names.extend(entries.iter().map(|e| fold(e)));
        }
        if kind == EntityKind::Person {
            let mut owners = conn
                .prepare_cached(
                    "SELECT DISTINCT folded FROM entities WHERE store = ?1 AND kind = ?2 AND last = ?3 LIMIT 2",
                )
                .map_err(sqlite("resolve a name"))?;
            for n in names.clone() {
                let last = n.rsplit_once(' ').map_or(n.as_str(), |(_, last)| last);
                let found: Vec<String> = owners
                    .query_map(rusqlite::params![store, code, last], |r| r.get(0))
                    .and_then(Iterator::collect)
                    .map_err(sqlite("resolve a name"))?;
                if let [owner] = found.as_slice() {
                    names.insert(if last == n { owner.clone() } else { last.to_owned() });
                }
            }
        }
        names.retain(|n| !n.is_empty());
        Ok(Self {
            store,
            kind,
            folded: names.into_iter().collect(),
        })
    }

    /// The condition on entities aliased `alias`, and its parameters.
    pub(super) fn condition(&self, alias: &str, params: &mut Vec<Value>) -> String {
        params.push(Value::Integer(self.store));
        params.push(Value::Integer(kind_code(self.kind)));
        params.extend(self.folded.iter().map(|n| Value::Text(n.clone())));
        let marks = if self.folded.is_empty() {
            "NULL".to_owned()
        } else {
            vec!["?"; self.folded.len()].join(", ")
        };
        format!("{alias}.store = ? AND {alias}.kind = ? AND {alias}.folded IN ({marks})")
    }
}

/// The last offset of a briefing's rowid range.
const SPAN: i64 = (1 << ORDINAL_BITS) - 1;

/// The day a briefing counts on in a timeline: its date when it starts
/// with one, else its file's modification day.
const DAY: &str = "CASE WHEN b.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' \
     THEN substr(b.date, 1, 10) ELSE date(b.mtime_ns / 1000000000, 'unixepoch') END";

/// Runs `sql` with `{entity}` standing for the condition on `e`, and
/// `extra` parameters after its own.
fn entity_query<T>(
    conn: &Connection,
    names: &Names,
    sql: &str,
    extra: &[Value],
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, IndexError> {
    let mut params = Vec::new();
    let condition = names.condition("e", &mut params);
    params.extend_from_slice(extra);
    let sql = sql.replace("{entity}", &condition);
    let mut stmt = conn.prepare_cached(&sql).map_err(sqlite("query the entities"))?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(params), row)
        .map_err(sqlite("query the entities"))?;
    rows.collect::<Result<_, _>>()
        .map_err(sqlite("query the entities"))
}

pub(super) fn briefings_naming(conn: &Connection, names: &Names) -> Result<Vec<EntityHit>, IndexError> {
    let sql = "SELECT b.id, b.title, b.date, SUM(e.mentions), MIN(e.first_paragraph) \
         FROM entities e JOIN briefings b ON b.rowid = e.briefing \
         WHERE {entity} GROUP BY e.briefing \
         ORDER BY b.date DESC, b.mtime_ns DESC, b.id";
    entity_query(conn, names, sql, &[], |r| {
        Ok(EntityHit {
            id: r.get(0)?,
            title: r.get(1)?,
            date: r.get(2)?,
            mentions: r.get::<_, i64>(3)? as usize,
            first_paragraph: r.get::<_, i64>(4)? as usize,
        })
    })
}

pub(super) fn timeline(conn: &Connection, names: &Names) -> Result<Vec<(String, u64)>, IndexError> {
    let sql = format!(
        "SELECT {DAY} AS day, SUM(e.mentions) FROM entities e JOIN briefings b ON b.rowid = e.briefing \
         WHERE {{entity}} GROUP BY day HAVING day IS NOT NULL ORDER BY day"
    );
    entity_query(conn, names, &sql, &[], |r| {
        Ok((r.get(0)?, r.get::<_, i64>(1)? as u64))
    })
}

pub(super) fn co_occurring(
    conn: &Connection,
    names: &Names,
    limit: usize,
) -> Result<Vec<(EntityKind, String, u64)>, IndexError> {
    let mut params = Vec::new();
    let other = names.condition("o", &mut params);
    params.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    let sql = format!(
        "SELECT o.kind, o.name, COUNT(DISTINCT o.briefing) AS n \
         FROM (SELECT DISTINCT e.briefing AS x FROM entities e WHERE {{entity}}) m \
         JOIN entities o ON o.rowid BETWEEN m.x << {ORDINAL_BITS} AND (m.x << {ORDINAL_BITS}) + {SPAN} \
         WHERE o.kind <= {NAMED_KINDS} AND NOT ({other}) \
         GROUP BY o.kind, o.name ORDER BY n DESC, SUM(o.mentions) DESC, o.name LIMIT ?"
    );
    let rows = entity_query(conn, names, &sql, &params, |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)? as u64,
        ))
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(kind, name, n)| Some((kind_from(kind)?, name, n)))
        .collect())
}

pub(super) fn spread(conn: &Connection, names: &Names) -> Result<usize, IndexError> {
    let sql = "SELECT COUNT(DISTINCT e.briefing) FROM entities e WHERE {entity}";
    let counts = entity_query(conn, names, sql, &[], |r| r.get::<_, i64>(0))?;
    Ok(counts.first().map_or(0, |&n| n as usize))
}

pub(super) fn watch_hits(conn: &Connection, store: i64) -> Result<HashMap<String, Vec<String>>, IndexError> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT b.id, e.name FROM entities e JOIN briefings b ON b.rowid = e.briefing \
             WHERE e.store = ?1 AND e.watched ORDER BY b.id, e.rowid",
        )
        .map_err(sqlite("list watched entities"))?;
    let mut hits: HashMap<String, Vec<String>> = HashMap::new();
    let rows = stmt
        .query_map([store], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .map_err(sqlite("list watched entities"))?;
    for row in rows {
        let (id, name) = row.map_err(sqlite("list watched entities"))?;
        hits.entry(id).or_default().push(name);
    }
    Ok(hits)
}

/// Every entity with its briefings, in `EntityIndex::records`' order: one
/// pass over a covering index, in (kind, name) order, so that each entity's
/// rows come together.
pub(super) fn records(conn: &Connection, store: i64) -> Result<Vec<IndexRecord>, IndexError> {
    let ids = briefing_ids(conn, store)?;
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT kind, name, briefing, mentions FROM entities INDEXED BY entities_named \
             WHERE store = ?1 AND kind <= {NAMED_KINDS} ORDER BY kind, name"
        ))
        .map_err(sqlite("list the entities"))?;
    let mut rows = stmt.query([store]).map_err(sqlite("list the entities"))?;
    let mut out = Vec::new();
    let mut current: Option<Group<'_>> = None;
    while let Some(r) = rows.next().map_err(sqlite("list the entities"))? {
        let row = || -> rusqlite::Result<_> {
            let name = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            Ok((
                r.get::<_, i64>(0)?,
                name,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
            ))
        };
        let (kind, name, briefing, mentions) = row().map_err(sqlite("list the entities"))?;
        let Some(id) = ids.get(&briefing) else { continue };
        match &mut current {
            Some((k, n, list)) if *k == kind && n == name => list.push((id, mentions as usize)),
            _ => {
                out.extend(current.take().and_then(record));
                current = Some((kind, name.to_owned(), vec![(id, mentions as usize)]));
            }
        }
    }
    out.extend(current.and_then(record));
    crate::entities::index::sort_records(&mut out);
    Ok(out)
}

/// One entity's rows as read: kind, name, and (briefing id, mentions).
type Group<'a> = (i64, String, Vec<(&'a std::sync::Arc<str>, usize)>);

/// One entity's record from its rows; briefing ids sorted, as a map keyed
/// by them gives them.
fn record((kind, name, mut list): Group<'_>) -> Option<IndexRecord> {
    list.sort_unstable();
    list.dedup_by(|a, b| a.0 == b.0);
    Some(IndexRecord {
        label: kind_from(kind)?.as_str(),
        name,
        mentions: list.iter().map(|(_, m)| m).sum(),
        briefings: list
            .into_iter()
            .map(|(id, _)| std::sync::Arc::clone(id))
            .collect(),
    })
}

/// The store's briefing ids by rowid.
fn briefing_ids(conn: &Connection, store: i64) -> Result<HashMap<i64, std::sync::Arc<str>>, IndexError> {
    let mut stmt = conn
        .prepare_cached("SELECT rowid, id FROM briefings WHERE store = ?1")
        .map_err(sqlite("list the briefings"))?;
    let rows = stmt
        .query_map([store], |r| {
            Ok((r.get(0)?, std::sync::Arc::from(r.get::<_, String>(1)?)))
        })
        .map_err(sqlite("list the briefings"))?;
    rows.collect::<Result<_, _>>()
        .map_err(sqlite("list the briefings"))
}
