//! One name for one entity: "US", "U.S." and "United States" are the same
//! place. Aliases come from `assets/gazetteer/aliases.txt` (a few hundred
//! bytes, parsed on first use).

use super::EntityKind;
use std::collections::HashMap;
use std::sync::OnceLock;

static ALIASES_TEXT: &str = include_str!("../../assets/gazetteer/aliases.txt");

fn aliases() -> &'static HashMap<(EntityKind, String), &'static str> {
    static MAP: OnceLock<HashMap<(EntityKind, String), &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in ALIASES_TEXT
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let mut parts = line.split('|');
            let (Some(kind), Some(canonical)) = (parts.next(), parts.next()) else {
                continue;
            };
            let Ok(kind) = kind.parse::<EntityKind>() else {
                continue;
            };
            map.insert((kind, normalise(canonical)), canonical);
            for alias in parts {
                map.insert((kind, normalise(alias)), canonical);
            }
        }
        map
    })
}

/// Typographic apostrophes to ASCII, runs of spaces to one.
fn normalise(name: &str) -> String {
    name.replace('\u{2019}', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The canonical name of a mention: its alias entry when it has one, else
/// the mention with apostrophes and spaces normalised; a headline's
/// capitals ("KYIV") are matched in title case too.
pub fn canonical(kind: EntityKind, name: &str) -> String {
    let norm = normalise(name);
    let map = aliases();
    if let Some(c) = map.get(&(kind, norm.clone())) {
        return (*c).to_owned();
    }
    // A country written as a place or as its government is one entity.
    let other = match kind {
        EntityKind::Place => Some(EntityKind::Org),
        EntityKind::Org => Some(EntityKind::Place),
        _ => None,
    };
    if let Some(c) = other.and_then(|k| map.get(&(k, norm.clone())))
        && *c != norm
    {
        return (*c).to_owned();
    }
    let letters = norm.chars().filter(|c| c.is_alphabetic()).count();
    // A name the lists know in capitals is an acronym ("UN OCHA", "NATO"),
    // not a headline's shout.
    let acronym = || super::gazetteer::lookup(&norm).is_named_kind();
    if letters > 3 && norm.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) && !acronym() {
        let titled = title_case(&norm);
        if let Some(c) = map.get(&(kind, titled.clone())) {
            return (*c).to_owned();
        }
        return titled;
    }
    norm
}

/// Each word in title case, but for an acronym the lists know in capitals
/// ("UN", "OCHA") or a word of two letters.
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if w.chars().filter(|c| c.is_alphabetic()).count() <= 2
                || super::gazetteer::lookup(w).is_named_kind()
            {
                return w.to_owned();
            }
            let lower = w.to_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::{Org, Person, Place};

    #[test]
    fn aliases_resolve_to_one_name() {
        for form in ["US", "U.S.", "United States", "USA"] {
            assert_eq!(canonical(Place, form), "United States", "{form}");
        }
        assert_eq!(canonical(Org, "EU"), "European Union");
        assert_eq!(canonical(Place, "Kiev"), "Kyiv");
    }

    #[test]
    fn headline_capitals_and_apostrophes() {
        assert_eq!(canonical(Place, "KYIV"), "Kyiv");
        assert_eq!(canonical(Place, "MIAMI"), "Miami");
        // Acronyms keep their capitals: "UN OCHA" is not "Un Ocha".
        assert_eq!(canonical(Org, "UN OCHA"), "UN OCHA");
        assert_eq!(canonical(Org, "NATO"), "NATO");
        assert_eq!(canonical(Org, "WORLD BANK"), "World Bank");
        assert_eq!(canonical(Person, "Sa’ad  Ali"), "Sa'ad Ali");
    }
}
