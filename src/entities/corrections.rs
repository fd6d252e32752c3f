//! The reader's corrections (SPEC §4.3): a name the recogniser got wrong
//! is "not an entity", or is of another kind. A correction names a surface
//! form — optionally only where it was recognised as one kind — and applies
//! to every mention of it, in every briefing, over whatever found it (rules,
//! front matter, the watchlist): it is the reader's last word.

use super::explain::{self, Rule};
use super::summary::group_with;
use super::watch::Watchlist;
use super::{Entity, EntityKind};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// What a corrected name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Not an entity at all: its mentions are dropped.
    NotAnEntity,
    /// An entity of this kind: its mentions are relabelled.
    Kind(EntityKind),
}

impl Verdict {
    /// How `config.toml` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotAnEntity => "not an entity",
            Self::Kind(k) => k.as_str(),
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Verdict {
    type Err = String;
    /// "not an entity" (or "none"), else a kind as [`EntityKind`] reads it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let words: Vec<&str> = s.split_whitespace().collect();
        match words.join(" ").to_ascii_lowercase().as_str() {
            "not an entity" | "none" => Ok(Self::NotAnEntity),
            _ => s.parse::<EntityKind>().map(Self::Kind).map_err(|_| {
                format!(
                    "unknown entity kind '{}' (expected PERSON, ORG, PLACE, GROUP, DATE, NUMBER or \"not an entity\")",
                    s.trim()
                )
            }),
        }
    }
}

/// One correction: mentions of `name` (recognised as `was`, when given)
/// are `is`.
/// A mention the reader corrected (`[[corrections]]` in `config.toml`).
pub static CORRECTED: Rule = Rule {
    id: "correction",
    about: "your correction in config.toml ([[corrections]])",
    examples: &[],
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub name: String,
    /// Only mentions recognised as this kind; `None`: any kind.
    pub was: Option<EntityKind>,
    pub is: Verdict,
}

impl fmt::Display for Correction {
    /// "Brent (PLACE): not an entity".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)?;
        if let Some(was) = self.was {
            write!(f, " ({was})")?;
        }
        write!(f, ": {}", self.is)
    }
}

/// Every correction, ready to apply.
#[derive(Debug, Clone, Default)]
pub struct Corrections {
    list: Vec<Correction>,
    /// Name -> its corrections' places in `list`, in order.
    by_name: HashMap<String, Vec<usize>>,
}

impl Corrections {
    pub fn new(list: Vec<Correction>) -> Self {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in list.iter().enumerate() {
            by_name.entry(c.name.trim().to_owned()).or_default().push(i);
        }
        Self { list, by_name }
    }

    pub fn entries(&self) -> &[Correction] {
        &self.list
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The correction for a mention of `name` recognised as `kind`: one
    /// for that kind before one for any kind, the last written first.
    pub fn find(&self, kind: EntityKind, name: &str) -> Option<&Correction> {
        let places = self.by_name.get(name.trim())?;
        let all = places.iter().rev().map(|&i| &self.list[i]);
        let mut any = None;
        for c in all {
            match c.was {
                Some(k) if k == kind => return Some(c),
                None if any.is_none() => any = Some(c),
                _ => {}
            }
        }
        any
    }

    /// The correction that made an entity of kind `kind` named one of
    /// `names` (its group's name, its mentions' texts): the one to change
    /// when the reader corrects it again.
    pub fn giving(&self, kind: EntityKind, names: &[&str]) -> Option<&Correction> {
        self.list
            .iter()
            .rev()
            .find(|c| c.is == Verdict::Kind(kind) && names.iter().any(|n| n.trim() == c.name.trim()))
    }

    /// The entry for exactly this name and `was`, if any.
    pub fn exactly(&self, name: &str, was: Option<EntityKind>) -> Option<&Correction> {
        self.list
            .iter()
            .rev()
            .find(|c| c.was == was && c.name.trim() == name.trim())
    }

    /// Drops or relabels the corrected mentions of `entities` (sorted,
    /// without overlaps; so is the result). A mention is corrected by its
    /// own text, else by the name of the entity it belongs to, as the
    /// Entities pane groups them: "Putin" goes with "Vladimir Putin", "U.S."
    /// with "United States".
    pub fn apply(&self, text: &str, entities: Vec<Entity>, watch: &Watchlist) -> Vec<Entity> {
        if self.is_empty() || entities.is_empty() {
            return entities;
        }
        let mut verdicts: Vec<Option<Verdict>> = vec![None; entities.len()];
        for g in group_with(text, &entities, watch) {
            let by_group = self.find(g.kind, &g.name).map(|c| c.is);
            for m in g.mentions {
                let own = self.find(g.kind, entities[m].text(text)).map(|c| c.is);
                verdicts[m] = own.or(by_group);
            }
        }
        entities
            .into_iter()
            .zip(verdicts)
            .filter_map(|(e, v)| match v {
                None => Some(e),
                Some(Verdict::NotAnEntity) => None,
                Some(Verdict::Kind(kind)) => Some(Entity {
                    kind,
                    why: explain::Why::new(explain::code::CORRECTED, explain::Basis::None),
                    ..e
                }),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(text: &str, name: &str, nth: usize, kind: EntityKind) -> Entity {
        let start = text.match_indices(name).nth(nth).map_or(0, |(at, _)| at);
        Entity::new(start, start + name.len(), kind)
    }

    fn fix(name: &str, was: Option<EntityKind>, is: Verdict) -> Correction {
        Correction {
            name: name.to_owned(),
            was,
            is,
        }
    }

    fn labelled(text: &str, entities: &[Entity]) -> Vec<(String, EntityKind)> {
        entities
            .iter()
            .map(|e| (e.text(text).to_owned(), e.kind))
            .collect()
    }

    const TEXT: &str = "Brent rose. Jordan Henderson scored in Brent; Jordan Henderson left Miami.";

    fn recognised() -> Vec<Entity> {
        vec![
            ent(TEXT, "Brent", 0, EntityKind::Place),
            ent(TEXT, "Jordan Henderson", 0, EntityKind::Place),
            ent(TEXT, "Brent", 1, EntityKind::Place),
            ent(TEXT, "Jordan Henderson", 1, EntityKind::Place),
            ent(TEXT, "Miami", 0, EntityKind::Place),
        ]
    }

    #[test]
    fn not_an_entity_drops_every_mention() {
        let c = Corrections::new(vec![fix("Brent", Some(EntityKind::Place), Verdict::NotAnEntity)]);
        let out = c.apply(TEXT, recognised(), &Watchlist::default());
        assert_eq!(
            labelled(TEXT, &out),
            [
                ("Jordan Henderson".to_owned(), EntityKind::Place),
                ("Jordan Henderson".to_owned(), EntityKind::Place),
                ("Miami".to_owned(), EntityKind::Place),
            ]
        );
    }

    #[test]
    fn a_new_kind_relabels_every_mention_and_keeps_spans() {
        let c = Corrections::new(vec![fix(
            "Jordan Henderson",
            Some(EntityKind::Place),
            Verdict::Kind(EntityKind::Person),
        )]);
        let before = recognised();
        let out = c.apply(TEXT, before.clone(), &Watchlist::default());
        assert_eq!(out.len(), before.len());
        for (b, a) in before.iter().zip(&out) {
            assert_eq!((b.start, b.end), (a.start, a.end));
        }
        assert_eq!(out[1].kind, EntityKind::Person);
        assert_eq!(out[3].kind, EntityKind::Person);
        assert_eq!(out[0].kind, EntityKind::Place, "others untouched");
        assert!(out.windows(2).all(|w| w[0].end <= w[1].start), "still sorted");
    }

    #[test]
    fn was_limits_a_correction_to_one_kind() {
        let text = "May said in May that May left.";
        let found = vec![
            ent(text, "May", 0, EntityKind::Person),
            ent(text, "May", 1, EntityKind::Date),
        ];
        let c = Corrections::new(vec![fix("May", Some(EntityKind::Person), Verdict::NotAnEntity)]);
        let out = c.apply(text, found.clone(), &Watchlist::default());
        assert_eq!(labelled(text, &out), [("May".to_owned(), EntityKind::Date)]);
        // Without `was`, every kind.
        let c = Corrections::new(vec![fix("May", None, Verdict::NotAnEntity)]);
        assert!(c.apply(text, found, &Watchlist::default()).is_empty());
    }

    #[test]
    fn a_correction_of_the_entity_covers_its_short_forms() {
        let text = "Vladimir Putin spoke. Putin left the U.S. and the United States.";
        let found = vec![
            ent(text, "Vladimir Putin", 0, EntityKind::Person),
            ent(text, "Putin", 1, EntityKind::Person),
            ent(text, "U.S.", 0, EntityKind::Place),
            ent(text, "United States", 0, EntityKind::Place),
        ];
        let c = Corrections::new(vec![
            fix("Vladimir Putin", Some(EntityKind::Person), Verdict::NotAnEntity),
            fix("United States", None, Verdict::Kind(EntityKind::Org)),
        ]);
        let out = c.apply(text, found, &Watchlist::default());
        assert_eq!(
            labelled(text, &out),
            [
                ("U.S.".to_owned(), EntityKind::Org),
                ("United States".to_owned(), EntityKind::Org)
            ]
        );
    }

    #[test]
    fn the_most_specific_and_latest_correction_wins() {
        let c = Corrections::new(vec![
            fix("Chad", None, Verdict::Kind(EntityKind::Person)),
            fix("Chad", Some(EntityKind::Place), Verdict::Kind(EntityKind::Org)),
            fix("Chad", Some(EntityKind::Place), Verdict::NotAnEntity),
        ]);
        assert_eq!(
            c.find(EntityKind::Place, "Chad").map(|c| c.is),
            Some(Verdict::NotAnEntity)
        );
        assert_eq!(
            c.find(EntityKind::Group, "Chad").map(|c| c.is),
            Some(Verdict::Kind(EntityKind::Person))
        );
        assert!(c.find(EntityKind::Place, "Chadian").is_none());
        assert_eq!(c.giving(EntityKind::Person, &["Chad"]).map(|c| c.was), Some(None));
        assert!(c.exactly("Chad", Some(EntityKind::Place)).is_some());
        assert!(c.exactly("Chad", Some(EntityKind::Date)).is_none());
    }

    #[test]
    fn no_corrections_change_nothing() {
        let out = Corrections::default().apply(TEXT, recognised(), &Watchlist::default());
        assert_eq!(out, recognised());
    }

    #[test]
    fn verdicts_read_and_write() {
        assert_eq!("not an entity".parse(), Ok(Verdict::NotAnEntity));
        assert_eq!("Not  an entity".parse(), Ok(Verdict::NotAnEntity));
        assert_eq!("none".parse(), Ok(Verdict::NotAnEntity));
        assert_eq!("person".parse(), Ok(Verdict::Kind(EntityKind::Person)));
        let e = "PLANET".parse::<Verdict>().unwrap_err();
        assert!(e.contains("'PLANET'") && e.contains("not an entity"), "{e}");
        for v in [Verdict::NotAnEntity, Verdict::Kind(EntityKind::Org)] {
            assert_eq!(v.as_str().parse(), Ok(v));
        }
        assert_eq!(
            fix("Brent", Some(EntityKind::Place), Verdict::NotAnEntity).to_string(),
            "Brent (PLACE): not an entity"
        );
    }
}
