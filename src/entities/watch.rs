//! The user's watchlist (SPEC §4.3): names that always win, are
//! highlighted in every briefing, and count as "hits" in the Articles list.
//! It carries the user's corrections too, so that everything analysing a
//! briefing gets the user's whole word on its entities in one value.

use super::corrections::Corrections;
use super::{Declared, EntityKind};
use std::collections::HashMap;

/// One watched entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watched {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
}

/// The watchlist, ready to match.
#[derive(Debug, Clone, Default)]
pub struct Watchlist {
    entries: Vec<Watched>,
    declared: Declared,
    /// Every name and alias -> the entry's name.
    names: HashMap<(EntityKind, String), String>,
    /// `[[corrections]]`: applied after everything else.
    corrections: Corrections,
}

impl Watchlist {
    pub fn new(entries: Vec<Watched>) -> Self {
        let mut names = HashMap::new();
        let mut declared = Vec::new();
        for e in &entries {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                names.insert((e.kind, n.clone()), e.name.clone());
                declared.push((n.clone(), e.kind));
            }
        }
        Self {
            declared: Declared::new(declared),
            entries,
            names,
            corrections: Corrections::default(),
        }
    }

    /// The same watchlist with these corrections.
    #[must_use]
    pub fn with_corrections(mut self, corrections: Corrections) -> Self {
        self.corrections = corrections;
        self
    }

    pub fn corrections(&self) -> &Corrections {
        &self.corrections
    }

    pub fn entries(&self) -> &[Watched] {
        &self.entries
    }

    /// No watched names (corrections aside).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The names as declared entities (they win over everything else).
    pub fn declared(&self) -> &Declared {
        &self.declared
    }

    /// The watched entry a mention names, if any.
    pub fn entry_for(&self, kind: EntityKind, text: &str) -> Option<&str> {
        self.names.get(&(kind, text.to_owned())).map(String::as_str)
    }

    pub fn contains(&self, kind: EntityKind, name: &str) -> bool {
        self.entries.iter().any(|e| e.kind == kind && e.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_lead_to_the_entry() {
        let w = Watchlist::new(vec![Watched {
            name: "Vladimir Putin".into(),
            kind: EntityKind::Person,
            aliases: vec!["Putin".into()],
        }]);
        assert_eq!(w.entry_for(EntityKind::Person, "Putin"), Some("Vladimir Putin"));
        assert_eq!(w.entry_for(EntityKind::Place, "Putin"), None);
        assert!(!w.declared().is_empty());
        assert!(w.contains(EntityKind::Person, "Vladimir Putin"));
    }
}
