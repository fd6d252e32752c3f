//! Notes exported for reading or sharing (`brief notes export`): Markdown or
//! JSON, grouped by briefing, each note with the paragraph it annotates.

use super::{Note, NotesFile, Placement, SCHEMA, place};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::BuildHasher;

/// One briefing's notes file, with its current paragraphs if the briefing
/// is available (without them, notes are shown as saved).
pub type ExportInput = (NotesFile, Option<Vec<String>>);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Status {
    /// Found in the current briefing.
    Attached,
    /// Not found in the current briefing.
    Detached,
    /// The briefing is not available; shown where it was saved.
    Unchecked,
}

/// A note with where it sits now and the paragraph to quote.
#[derive(Serialize)]
struct Located<'a> {
    id: &'a str,
    text: &'a str,
    created: &'a str,
    updated: &'a str,
    status: Status,
    /// The current ordinal (attached), the saved one (unchecked), or none.
    ordinal: Option<usize>,
    paragraph: &'a str,
}

fn locate<'a>(file: &'a NotesFile, paragraphs: Option<&'a [String]>) -> Vec<Located<'a>> {
    let mut out: Vec<Located> = file
        .notes
        .iter()
        .map(|note: &Note| {
            let saved = (Some(note.anchor.ordinal), note.anchor.quote.as_str());
            let (status, (ordinal, paragraph)) = match paragraphs {
                None => (Status::Unchecked, saved),
                Some(ps) => match place(&note.anchor, ps) {
                    Placement::Attached(i) => {
                        let text = ps.get(i).map_or(saved.1, String::as_str);
                        (Status::Attached, (Some(i), text))
                    }
                    Placement::Detached => (Status::Detached, (None, saved.1)),
                },
            };
            Located {
                id: &note.id,
                text: &note.text,
                created: &note.created,
                updated: &note.updated,
                status,
                ordinal,
                paragraph,
            }
        })
        .collect();
    // Placed notes in reading order, detached ones last.
    out.sort_by(|a, b| {
        (a.ordinal.is_none(), a.ordinal, a.created).cmp(&(b.ordinal.is_none(), b.ordinal, b.created))
    });
    out
}

fn title<'a, S: BuildHasher>(file: &'a NotesFile, titles: &'a HashMap<String, String, S>) -> &'a str {
    titles
        .get(&file.briefing)
        .map_or(file.briefing.as_str(), String::as_str)
}

/// Every note as Markdown: a section per briefing (files without notes are
/// left out), each note under a heading naming its paragraph (1-based),
/// the paragraph quoted with `> ` lines, detached notes marked as such.
pub fn export_markdown<S: BuildHasher>(files: &[ExportInput], titles: &HashMap<String, String, S>) -> String {
    let mut out = String::from("# Notes\n");
    for (file, paragraphs) in files.iter().filter(|(f, _)| !f.notes.is_empty()) {
        let _ = write!(out, "\n## {}\n\n`{}`\n", title(file, titles), file.briefing);
        for note in locate(file, paragraphs.as_deref()) {
            let heading = match (note.status, note.ordinal) {
                (Status::Detached, _) => "Detached: its paragraph is no longer in the briefing".into(),
                (Status::Unchecked, Some(i)) => format!("Paragraph {} (as saved)", i + 1),
                (_, Some(i)) => format!("Paragraph {}", i + 1),
                (_, None) => "Paragraph unknown".into(),
            };
            let _ = write!(out, "\n### {heading}\n\n");
            for line in note.paragraph.lines() {
                out.push_str(if line.is_empty() { ">" } else { "> " });
                out.push_str(line);
                out.push('\n');
            }
            let _ = write!(
                out,
                "\n{}\n\n*Created {}, updated {}.*\n",
                note.text.trim_end(),
                note.created,
                note.updated
            );
        }
    }
    out
}

#[derive(Serialize)]
struct JsonExport<'a> {
    schema: u32,
    briefings: Vec<JsonBriefing<'a>>,
}

#[derive(Serialize)]
struct JsonBriefing<'a> {
    id: &'a str,
    title: &'a str,
    notes: Vec<Located<'a>>,
}

/// Every note as pretty JSON: `{"schema": 1, "briefings": [{"id", "title",
/// "notes": [{"id", "text", "created", "updated", "status", "ordinal",
/// "paragraph"}]}]}`, where `status` is `attached`, `detached` or
/// `unchecked` (the briefing is not available).
pub fn export_json<S: BuildHasher>(files: &[ExportInput], titles: &HashMap<String, String, S>) -> String {
    let export = JsonExport {
        schema: SCHEMA,
        briefings: files
            .iter()
            .filter(|(f, _)| !f.notes.is_empty())
            .map(|(file, paragraphs)| JsonBriefing {
                id: &file.briefing,
                title: title(file, titles),
                notes: locate(file, paragraphs.as_deref()),
            })
            .collect(),
    };
    // Plain strings and numbers only: serialising cannot fail. Notes and
    // quoted paragraphs are untrusted: inert on a terminal, still lossless.
    let json = serde_json::to_string_pretty(&export).unwrap_or_default();
    let mut text = crate::sanitize::inert_json(&json).into_owned();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> (Vec<ExportInput>, HashMap<String, String>) {
        let old: Vec<String> = ["Alpha para.", "Beta para.", "Gamma para."]
            .map(String::from)
            .to_vec();
        let mut file = NotesFile::new("sub/x.md");
        file.add(Note::new("on gamma", &old, 2));
        file.add(Note::new("on beta", &old, 1));
        let current = vec!["Gamma para.".to_string(), "Alpha para.".to_string()];
        let mut saved = NotesFile::new("y.txt");
        saved.add(Note::new("offline", &old, 0));
        let titles = HashMap::from([("sub/x.md".to_string(), "Morning brief".to_string())]);
        let files = vec![
            (file, Some(current)),
            (saved, None),
            (NotesFile::new("empty.md"), None),
        ];
        (files, titles)
    }

    #[test]
    fn markdown_quotes_paragraphs_and_marks_detached() {
        let (files, titles) = fixture();
        let md = export_markdown(&files, &titles);
        assert!(
            md.starts_with("# Notes\n\n## Morning brief\n\n`sub/x.md`\n"),
            "{md}"
        );
        assert!(
            md.contains("### Paragraph 1\n\n> Gamma para.\n\non gamma\n"),
            "{md}"
        );
        assert!(
            md.contains(
                "### Detached: its paragraph is no longer in the briefing\n\n> Beta para.\n\non beta\n"
            ),
            "{md}"
        );
        assert!(md.find("on gamma") < md.find("on beta"));
        assert!(md.contains("## y.txt\n"));
        assert!(
            md.contains("### Paragraph 1 (as saved)\n\n> Alpha para.\n\noffline\n"),
            "{md}"
        );
        assert!(!md.contains("empty.md"));
    }

    #[test]
    fn json_has_status_and_paragraph() {
        let (files, titles) = fixture();
        let value: serde_json::Value = serde_json::from_str(&export_json(&files, &titles)).expect("json");
        assert_eq!(value["schema"], 1);
        let briefings = value["briefings"].as_array().expect("array");
        assert_eq!(briefings.len(), 2);
        let notes = &briefings[0]["notes"];
        assert_eq!(briefings[0]["title"], "Morning brief");
        assert_eq!(notes[0]["status"], "attached");
        assert_eq!(notes[0]["ordinal"], 0);
        assert_eq!(notes[1]["status"], "detached");
        assert_eq!(notes[1]["ordinal"], serde_json::Value::Null);
        assert_eq!(notes[1]["paragraph"], "Beta para.");
        assert_eq!(briefings[1]["notes"][0]["status"], "unchecked");
    }

    #[test]
    fn json_is_inert_on_a_terminal_and_lossless() {
        let hostile = "x\u{1b}]0;PWN\u{7} \u{85}\u{9b} \u{202e}\u{2066} \u{e0041}\u{ad} a\u{200d}b";
        let paragraphs = vec![format!("para {hostile}")];
        let mut file = NotesFile::new("h.md");
        file.add(Note::new(format!("note {hostile}"), &paragraphs, 0));
        let titles = HashMap::from([("h.md".to_string(), format!("title {hostile}"))]);
        let json = export_json(&[(file, Some(paragraphs))], &titles);
        assert!(
            !json.chars().any(|c| c != '\n' && crate::sanitize::is_unsafe(c)),
            "{json}"
        );
        let value: serde_json::Value = serde_json::from_str(&json).expect("json");
        let b = &value["briefings"][0];
        assert_eq!(b["title"], format!("title {hostile}"));
        assert_eq!(b["notes"][0]["text"], format!("note {hostile}"));
        assert_eq!(b["notes"][0]["paragraph"], format!("para {hostile}"));
    }
}
