//! `brief notes export`: every note, grouped by briefing, with its paragraph.

use crate::cli::ExportFormat;
use crate::notes::NotesStore;
use crate::notes::export::{ExportInput, export_json, export_markdown};
use crate::sanitize::sanitize_lines;
use crate::store::Briefing;
use std::collections::HashMap;

/// Prints the notes of `notes`, quoting the current text of each briefing
/// found in `briefings`. Unreadable notes files are reported, not fatal.
pub fn export(notes: &NotesStore, briefings: &[Briefing], format: ExportFormat) -> anyhow::Result<()> {
    let (text, problems) = render(notes, briefings, format);
    for p in problems {
        eprintln!("brief: warning: {p}");
    }
    super::print(&text)
}

/// The export as text, and a line for each notes file that could not be
/// read (the reader and the command show them their own way).
pub fn render(notes: &NotesStore, briefings: &[Briefing], format: ExportFormat) -> (String, Vec<String>) {
    let mut problems = Vec::new();
    let by_id: HashMap<&str, &Briefing> = briefings.iter().map(|b| (b.id.as_str(), b)).collect();
    let mut titles = HashMap::new();
    let mut inputs: Vec<ExportInput> = Vec::new();
    for (_, file) in notes.all() {
        let file = match file {
            Ok(f) => f,
            Err(e) => {
                // The error names a file of the notes directory.
                problems.push(sanitize_lines(&e.to_string()).into_owned());
                continue;
            }
        };
        let paragraphs = by_id.get(file.briefing.as_str()).and_then(|b| {
            titles.insert(file.briefing.clone(), b.meta.title.clone());
            b.body().ok().map(|body| {
                body.document
                    .blocks
                    .iter()
                    .map(|b| body.document.plain_text(&body.text, b))
                    .collect()
            })
        });
        inputs.push((file, paragraphs));
    }
    let text = match format {
        // Quoted paragraphs come from briefings: untrusted, made visible
        // line by line (JSON escapes them as `\uXXXX` itself).
        ExportFormat::Markdown => sanitize_lines(&export_markdown(&inputs, &titles)).into_owned(),
        ExportFormat::Json => export_json(&inputs, &titles),
    };
    (text, problems)
}
