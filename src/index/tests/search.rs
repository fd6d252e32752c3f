//! The query language against a small store: words, every filter, notes,
//! errors, and snippets safe for the terminal.

use super::{Fixture, update_with, watching};
use crate::entities::EntityKind;
use crate::index::query::parse;
use crate::index::{Hit, Index, IndexError};
use crate::notes::Note;

fn store() -> (Fixture, Index) {
    let fx = Fixture::new();
    fx.write(
        "a.md",
        "---\ntitle: Energy talks\ndate: 2026-11-20\nsource: Analysis Desk\ntags: [Energy, diplomacy]\n---\n\
         # Energy talks\n\nVladimir Putin met officials in Moscow about the pipeline.\n\n\
         A second paragraph on gas prices.\n",
    );
    fx.write(
        "b.md",
        "---\ntitle: Kyiv update\ndate: 2026-11-25\nsource: Wire Desk\ntags: [Ukraine]\n---\n\
         # Kyiv update\n\nIn Kyiv, officials discussed the pipeline. Putin was not mentioned by name.\n",
    );
    fx.write(
        "c.md",
        "---\ntitle: Old note\ndate: 2025-12-01\nsource: wire desk\n---\n\
         # Old note\n\nSteve Witkoff flew to Miami. No pipeline here, only a ceasefire.\n",
    );
    fx.write(
        "d.txt",
        "Undated\n\nA plain text briefing about the pipeline and Miami.\n",
    );
    let mut index = fx.open();
    let watch = watching("Vladimir Putin", EntityKind::Person, &["President Putin"]);
    update_with(&mut index, &fx.roots(), &watch);
    (fx, index)
}

fn ids(index: &Index, query: &str) -> Vec<String> {
    let mut ids: Vec<String> = hits(index, query).into_iter().map(|h| h.id).collect();
    ids.dedup();
    ids
}

fn hits(index: &Index, query: &str) -> Vec<Hit> {
    index.search(&parse(query).unwrap(), 50).unwrap()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn words_are_ranked_with_snippets_marking_the_match() {
    let (_fx, index) = store();
    let found = hits(&index, "pipeline");
    assert_eq!(
        sorted(found.iter().map(|h| h.id.clone()).collect()),
        ["a.md", "b.md", "c.md", "d.txt"]
    );
    assert!(found.windows(2).all(|w| w[0].score <= w[1].score));
    let a = found.iter().find(|h| h.id == "a.md").unwrap();
    assert_eq!(a.title, "Energy talks");
    assert_eq!(a.date.as_deref(), Some("2026-11-20"));
    assert_eq!(a.source.as_deref(), Some("Analysis Desk"));
    assert_eq!(a.paragraph, 1);
    assert!(a.note.is_none());
    assert!(
        a.snippet.contains(&("pipeline".to_owned(), true)),
        "{:?}",
        a.snippet
    );
    assert!(a.snippet.iter().any(|(s, m)| !m && s.contains("Moscow")));
}

#[test]
fn phrases_prefixes_and_operators() {
    let (_fx, index) = store();
    assert_eq!(ids(&index, "\"gas prices\""), ["a.md"]);
    assert_eq!(sorted(ids(&index, "pipe*")), ["a.md", "b.md", "c.md", "d.txt"]);
    assert_eq!(
        sorted(ids(&index, "pipeline NOT Kyiv")),
        ["a.md", "c.md", "d.txt"]
    );
    assert_eq!(sorted(ids(&index, "Moscow OR Miami")), ["a.md", "c.md", "d.txt"]);
    // Diacritics are folded away.
    assert_eq!(ids(&index, "Mòscow"), ["a.md"]);
}

#[test]
fn entity_filters_by_name_alias_and_case() {
    let (_fx, index) = store();
    // "Putin" alone in b.md is the one Putin of the store: both name him.
    assert_eq!(
        sorted(ids(&index, "pipeline person:\"Vladimir Putin\"")),
        ["a.md", "b.md"]
    );
    assert_eq!(ids(&index, "person:\"president putin\""), ["b.md", "a.md"]);
    assert_eq!(ids(&index, "gas person:putin"), ["a.md"]);
    assert_eq!(ids(&index, "person:\"STEVE WITKOFF\""), ["c.md"]);
    assert_eq!(ids(&index, "place:kyiv"), ["b.md"]);
    assert_eq!(ids(&index, "place:Miami"), ["c.md", "d.txt"], "undated last");
    assert!(ids(&index, "org:Nobody").is_empty());
    assert!(ids(&index, "group:Nobody").is_empty());
}

#[test]
fn source_tag_and_date_filters() {
    let (_fx, index) = store();
    assert_eq!(ids(&index, "source:\"wire desk\""), ["b.md", "c.md"]);
    assert_eq!(ids(&index, "pipeline source:\"ANALYSIS DESK\""), ["a.md"]);
    assert_eq!(ids(&index, "tag:energy"), ["a.md"]);
    assert_eq!(ids(&index, "tag:UKRAINE"), ["b.md"]);
    assert_eq!(ids(&index, "after:2026-11"), ["b.md", "a.md"]);
    assert_eq!(ids(&index, "after:2026-11-21"), ["b.md"]);
    assert_eq!(ids(&index, "before:2026-11"), ["b.md", "a.md", "c.md"]);
    assert_eq!(ids(&index, "before:2026-11-20"), ["a.md", "c.md"]);
    assert_eq!(ids(&index, "after:2026 before:2026-11-24 pipeline"), ["a.md"]);
}

#[test]
fn a_filters_only_query_points_at_the_first_mention() {
    let (_fx, index) = store();
    let found = hits(&index, "place:Moscow");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].paragraph, 1);
    assert!(found[0].snippet[0].0.starts_with("Vladimir Putin met"));
    let all = hits(&index, "after:2000");
    assert_eq!(
        all.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        ["b.md", "a.md", "c.md"]
    );
}

#[test]
fn notes_are_searched_too() {
    let (_fx, mut index) = store();
    let paragraphs = vec!["Energy talks".to_owned(), "Vladimir Putin met".to_owned()];
    let note = Note::new("Check the tariff figures", &paragraphs, 1);
    index.set_notes("a.md", std::slice::from_ref(&note)).unwrap();
    let found = hits(&index, "tariff");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].note.as_deref(), Some(note.id.as_str()));
    assert_eq!((found[0].id.as_str(), found[0].paragraph), ("a.md", 1));
    assert!(found[0].snippet.contains(&("tariff".to_owned(), true)));
    assert!(
        hits(&index, "tariff source:\"wire desk\"").is_empty(),
        "filters apply to notes"
    );
    index.set_notes("a.md", &[]).unwrap();
    assert!(hits(&index, "tariff").is_empty());
}

#[test]
fn a_query_fts5_cannot_read_is_a_one_line_error() {
    let (_fx, index) = store();
    for text in ["AND", "pipeline AND", "(Kyiv", "NEAR(a b", "*"] {
        let err = index.search(&parse(text).unwrap(), 10).unwrap_err();
        assert!(matches!(err, IndexError::Query(_)), "{text}: {err:?}");
        let message = err.to_string();
        assert!(message.starts_with("search: "), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }
    let err = index.search(&parse("pipeline AND").unwrap(), 10).unwrap_err();
    assert!(err.to_string().contains("ends too soon"), "{err}");
}

#[test]
fn hostile_text_gives_safe_snippets() {
    let fx = Fixture::new();
    fx.write(
        "evil.md",
        "# Evil\n\nThe ceasefire \u{1b}]0;PWN\u{7} holds \u{202e}reversed\u{9b}31m ceasefire again \u{1b}[2J.\n",
    );
    let mut index = fx.open();
    fx.update(&mut index);
    let paragraphs = vec!["Evil".to_owned()];
    let note = Note::new("ceasefire \u{1b}]0;PWN\u{7} \u{202e}note\u{9b}", &paragraphs, 0);
    index.set_notes("evil.md", &[note]).unwrap();
    let found = hits(&index, "ceasefire");
    assert_eq!(found.len(), 2);
    for hit in &found {
        assert!(hit.snippet.iter().any(|(_, m)| *m));
        for (piece, _) in &hit.snippet {
            assert!(
                !piece
                    .chars()
                    .any(|c| c.is_control() || crate::sanitize::is_unsafe(c)),
                "{piece:?}"
            );
        }
    }
    let titles = index.briefings().unwrap();
    assert_eq!(titles[0].meta.title, "Evil");
}

#[test]
fn an_empty_query_finds_nothing() {
    let (_fx, index) = store();
    assert!(index.search(&parse("").unwrap(), 10).unwrap().is_empty());
    assert!(index.search(&parse("pipeline").unwrap(), 0).unwrap().is_empty());
}
