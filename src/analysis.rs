//! A briefing's body with its entities found: the one value the reader,
//! `brief read` and `brief entities` all start from.

use crate::entities::{Declared, Entity, EntityKind, recognise};
use crate::store::{Body, Format, FrontMatterError, body_from_text, split_front_matter};

/// The parsed body and its entities (byte offsets into `body.text`).
#[derive(Debug, Clone)]
pub struct Analysed {
    pub body: Body,
    pub entities: Vec<Entity>,
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

/// Parses `text` (a whole file) and finds its entities. `extra` names (the
/// watchlist) win over everything else.
pub fn analyse(format: Format, text: String) -> Result<Analysed, FrontMatterError> {
    let (declared, _) = declared_from_front(&text, format);
    let body = body_from_text(format, text)?;
    let entities = entities_of(&body, &declared);
    Ok(Analysed { body, entities })
}

/// Entities of a parsed body: recognised in its prose, declared names on top.
pub fn entities_of(body: &Body, declared: &Declared) -> Vec<Entity> {
    let (prose, starts) = body.document.prose(&body.text);
    recognise(&prose, &starts, declared)
}

#[cfg(test)]
mod tests {
    use super::*;

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
