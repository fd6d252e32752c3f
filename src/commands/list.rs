//! `brief list [PATH]`: one line per briefing.

use crate::cli::ListArgs;
use crate::sanitize::sanitize;
use crate::store::{Briefing, scan};
use std::path::Path;

#[derive(serde::Serialize)]
struct Record<'a> {
    id: &'a str,
    date: Option<&'a str>,
    source: Option<&'a str>,
    title: &'a str,
    tags: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

pub fn run(args: &ListArgs, store: &Path) -> anyhow::Result<()> {
    let root = args.path.as_deref().unwrap_or(store);
    let mut briefings = scan(root)?;
    // Newest first, as a reader wants a morning's briefings.
    briefings.sort_by(|a, b| b.meta.date.cmp(&a.meta.date).then_with(|| a.id.cmp(&b.id)));
    let text = if args.json {
        json(&briefings)?
    } else {
        columns(&briefings)
    };
    super::print(&text)
}

fn json(briefings: &[Briefing]) -> anyhow::Result<String> {
    let mut out = String::new();
    for b in briefings {
        out.push_str(&serde_json::to_string(&Record {
            id: &b.id,
            date: b.meta.date.as_deref(),
            source: b.meta.source.as_deref(),
            title: &b.meta.title,
            tags: &b.meta.tags,
            error: b.error.as_deref(),
        })?);
        out.push('\n');
    }
    Ok(out)
}

/// Aligned columns: date, source, title; a broken file shows its error.
pub fn columns(briefings: &[Briefing]) -> String {
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
        let title = match &b.error {
            Some(e) => format!("{}  [error: {e}]", b.id),
            None => b.meta.title.clone(),
        };
        out.push_str(&sanitize(&format!(
            "{date:<10}  {source:<source_width$}  {title}"
        )));
        out.push('\n');
    }
    out
}
