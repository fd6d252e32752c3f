//! A briefing's body with its entities found: the one value the reader,
//! `brief read` and `brief entities` all start from.

use crate::entities::index::EntityIndex;
use crate::entities::summary::group_with;
use crate::entities::watch::Watchlist;
use crate::entities::{Declared, Entity, EntityKind, recognise_in};
use crate::store::{Body, Format, FrontMatterError, body_from_text, split_front_matter};

/// The parsed body and its entities (byte offsets into `body.text`).
#[derive(Debug, Clone)]
pub struct Analysed {
    pub body: Body,
    pub entities: Vec<Entity>,
    /// For each entity, whether it is on the watchlist.
    pub watched: Vec<bool>,
}

/// Names declared in front matter, with kinds; unknown kinds are skipped
/// with a message the caller may show.
pub fn declared_from_front(text: &str, format: Format) -> (Declared, Vec<String>) {
    if format != Format::Markdown {
        return (Declared::default(), Vec::new());
    }
    let Ok(split) = split_front_matter(text) else {
        return (Declared::default(), Vec::new());
    };
    let mut names = Vec::new();
    let mut problems = Vec::new();
    for (kind, list) in &split.front.entities {
        match kind.parse::<EntityKind>() {
            Ok(k) => names.extend(list.iter().map(|n| (n.clone(), k))),
            Err(e) => problems.push(e),
        }
    }
    (Declared::new(names), problems)
}

/// Parses `text` (a whole file) and finds its entities.
pub fn analyse(format: Format, text: String) -> Result<Analysed, FrontMatterError> {
    analyse_with(format, text, &Watchlist::default())
}

/// Like [`analyse`], with the watchlist's names winning over everything
/// else, front matter included, and their mentions marked; the user's
/// corrections have the last word.
pub fn analyse_with(format: Format, text: String, watch: &Watchlist) -> Result<Analysed, FrontMatterError> {
    let (declared, _) = declared_from_front(&text, format);
    let body = body_from_text(format, text)?;
    let found = recognise_body(&body, &[&declared, watch.declared()]);
    let entities = watch.corrections().apply(&body.text, found, watch);
    // A mention is watched when its entity is: "Umerov" under a watched
    // "Rustem Umerov" too.
    let mut watched = vec![false; entities.len()];
    if !watch.is_empty() {
        for g in group_with(&body.text, &entities, watch) {
            if g.watched {
                for m in g.mentions {
                    watched[m] = true;
                }
            }
        }
    }
    Ok(Analysed {
        body,
        entities,
        watched,
    })
}

/// Which briefings mention each entity: every readable briefing read,
/// analysed and grouped as the Entities pane groups them. Unreadable ones
/// are left out (the list already marks them).
pub fn build_index(briefings: &[crate::store::Briefing], watch: &Watchlist) -> EntityIndex {
    let mut index = EntityIndex::default();
    for b in briefings.iter().filter(|b| b.error.is_none()) {
        let Ok(loaded) = crate::store::load_file(&b.path) else {
            continue;
        };
        let Ok(a) = analyse_with(b.format, loaded.text, watch) else {
            continue;
        };
        index.set_briefing(&b.id, &group_with(&a.body.text, &a.entities, watch));
    }
    index
}

/// Entities of a parsed body: recognised in its prose, declared names on top.
pub fn entities_of(body: &Body, declared: &Declared) -> Vec<Entity> {
    recognise_body(body, &[declared])
}

/// Recognition over a body's prose, made a piece at a time from the
/// document (never a whole copy of a 10 MB text).
fn recognise_body(body: &Body, declared: &[&Declared]) -> Vec<Entity> {
    let starts = body.document.block_starts(&body.text);
    let prose = |r: std::ops::Range<usize>| std::borrow::Cow::Owned(body.document.prose_of(&body.text, r));
    recognise_in(&body.text, &starts, &prose, declared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::watch::Watched;

    #[test]
    fn watched_names_win_and_are_marked() {
        let watch = Watchlist::new(vec![Watched {
            name: "Kirill Dmitriev".into(),
            kind: EntityKind::Person,
            aliases: vec!["Dmitriev".into()],
        }]);
        let text = "Talks\n\nThe envoy Dmitriev met Umerov in Miami.\n";
        let a = analyse_with(Format::Text, text.to_owned(), &watch).unwrap();
        let marked: Vec<_> = a
            .entities
            .iter()
            .zip(&a.watched)
            .filter(|(_, w)| **w)
            .map(|(e, _)| e.text(&a.body.text))
            .collect();
        assert_eq!(marked, ["Dmitriev"]);
    }

    #[test]
    fn corrections_have_the_last_word_over_rules_front_matter_and_watchlist() {
        use crate::entities::corrections::{Correction, Corrections, Verdict};
        let watch = Watchlist::new(vec![Watched {
            name: "Naftogaz".into(),
            kind: EntityKind::Org,
            aliases: vec![],
        }])
        .with_corrections(Corrections::new(vec![
            Correction {
                name: "Naftogaz".into(),
                was: None,
                is: Verdict::NotAnEntity,
            },
            Correction {
                name: "Kyiv".into(),
                was: Some(EntityKind::Place),
                is: Verdict::Kind(EntityKind::Org),
            },
        ]));
        let text =
            "---\ntitle: T\nentities:\n  ORG: [Naftogaz]\n---\nNaftogaz met officials in Kyiv and Miami.\n";
        let a = analyse_with(Format::Markdown, text.to_owned(), &watch).unwrap();
        let names: Vec<_> = a
            .entities
            .iter()
            .map(|e| (e.text(&a.body.text), e.kind))
            .collect();
        assert_eq!(names, [("Kyiv", EntityKind::Org), ("Miami", EntityKind::Place)]);
        assert_eq!(a.watched, [false, false]);
    }

    #[test]
    fn markdown_entities_are_in_body_coordinates_and_skip_urls() {
        let text = "---\ntitle: T\nentities:\n  ORG: [Naftogaz]\n---\nNaftogaz met officials in [Kyiv](https://kyiv.example/Moscow).\n";
        let a = analyse(Format::Markdown, text.to_owned()).unwrap();
        let names: Vec<_> = a
            .entities
            .iter()
            .map(|e| (e.text(&a.body.text), e.kind))
            .collect();
        assert_eq!(
            names,
            [("Naftogaz", EntityKind::Org), ("Kyiv", EntityKind::Place)]
        );
    }
}
