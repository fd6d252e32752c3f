//! `brief search QUERY [PATH…]`: the archive's briefings and notes that
//! match, ranked, with a snippet each; `--json` for scripts.

use super::archive::open_current;
use crate::cli::SearchArgs;
use crate::entities::watch::Watchlist;
use crate::index::{Hit, Index, Query, query};
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub fn run(args: &SearchArgs, cache: &Path, roots: &[PathBuf], watch: &Watchlist) -> anyhow::Result<()> {
    let query = query::parse(&args.query)?;
    let hits = if args.no_update {
        super::archive::open_as_is(cache, roots)?.search(&query, args.limit)?
    } else {
        search_current(&query, args.limit, cache, roots, watch)?
    };
    if args.json {
        return super::print(&json(&hits)?);
    }
    if hits.is_empty() {
        eprintln!(
            "brief: nothing matches {}",
            crate::sanitize::sanitize(&args.query)
        );
        return Ok(());
    }
    super::print(&text(&hits, std::io::stdout().is_terminal()))
}

/// The answer from an index brought up to date. The index as it stands
/// is searched on a second connection while the files are checked: when
/// none changed (the usual case) that answer is the answer, and the
/// search cost no time beyond the check; otherwise the query runs again.
fn search_current(
    query: &Query,
    limit: usize,
    cache: &Path,
    roots: &[PathBuf],
    watch: &Watchlist,
) -> anyhow::Result<Vec<Hit>> {
    std::thread::scope(|s| {
        let early = s.spawn(|| Index::open_existing(cache, roots).map(|i| i.search(query, limit)));
        let (mut index, report) = open_current(cache, roots, watch, true)?;
        let early = early.join().ok().flatten();
        match early {
            Some(Ok(hits)) if report.changed_nothing() => Ok(hits),
            _ => super::archive::read_mending(&mut index, roots, watch, |i| i.search(query, limit)),
        }
    })
}

/// The snippet with its matches marked: bold on a terminal, `**…**` in a pipe.
pub fn marked(snippet: &[(String, bool)], ansi: bool) -> String {
    let mut out = String::new();
    for (piece, hit) in snippet {
        match (hit, ansi) {
            (false, _) => out.push_str(piece),
            (true, true) => {
                let _ = write!(out, "\x1b[1;4m{piece}\x1b[0m");
            }
            (true, false) => {
                let _ = write!(out, "**{piece}**");
            }
        }
    }
    out
}

/// Two lines a result: date · source · title, then where and the snippet.
fn text(hits: &[Hit], ansi: bool) -> String {
    let mut out = String::new();
    for h in hits {
        let head = [h.date.as_deref(), h.source.as_deref(), Some(h.title.as_str())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        let place = match &h.note {
            Some(_) => format!("note on ¶{}", h.paragraph + 1),
            None => format!("¶{}", h.paragraph + 1),
        };
        let _ = writeln!(
            out,
            "{}  ({})",
            crate::sanitize::sanitize(&head),
            crate::sanitize::sanitize(&h.id)
        );
        let _ = writeln!(out, "  {place}  {}", marked(&h.snippet, ansi));
    }
    out
}

#[derive(serde::Serialize)]
struct Record<'a> {
    id: &'a str,
    path: String,
    date: Option<&'a str>,
    source: Option<&'a str>,
    title: &'a str,
    paragraph: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    snippet: String,
    matches: Vec<&'a str>,
    score: f64,
}

/// One JSON object a line, inert on a terminal (see `inert_json`).
fn json(hits: &[Hit]) -> anyhow::Result<String> {
    let mut out = String::new();
    for h in hits {
        out.push_str(&crate::sanitize::inert_json(&serde_json::to_string(&Record {
            id: &h.id,
            path: h.path.display().to_string(),
            date: h.date.as_deref(),
            source: h.source.as_deref(),
            title: &h.title,
            paragraph: h.paragraph + 1,
            note: h.note.as_deref(),
            snippet: h.snippet.iter().map(|(p, _)| p.as_str()).collect(),
            matches: h
                .snippet
                .iter()
                .filter(|(_, m)| *m)
                .map(|(p, _)| p.as_str())
                .collect(),
            score: h.score,
        })?));
        out.push('\n');
    }
    Ok(out)
}
