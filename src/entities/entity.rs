//! An entity: a byte range of the text, its kind, and why the recogniser
//! says so.

use super::explain;
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// The kinds of entity `brief` tells apart (SPEC §4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    Person,
    Org,
    Place,
    Group,
    Date,
    Number,
}

impl EntityKind {
    pub const ALL: [Self; 6] = [
        Self::Person,
        Self::Org,
        Self::Place,
        Self::Group,
        Self::Date,
        Self::Number,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "PERSON",
            Self::Org => "ORG",
            Self::Place => "PLACE",
            Self::Group => "GROUP",
            Self::Date => "DATE",
            Self::Number => "NUMBER",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityKind {
    type Err = String;
    /// Accepts our names and the usual aliases of other tools (GPE, LOC,
    /// NORP, PER), so declared entities from other pipelines work.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "PERSON" | "PER" | "PEOPLE" | "PERSONS" => Ok(Self::Person),
            "ORG" | "ORGANIZATION" | "ORGANISATION" | "ORGS" => Ok(Self::Org),
            "PLACE" | "PLACES" | "LOC" | "LOCATION" | "GPE" => Ok(Self::Place),
            "GROUP" | "GROUPS" | "NORP" => Ok(Self::Group),
            "DATE" | "DATES" | "TIME" => Ok(Self::Date),
            "NUMBER" | "NUMBERS" | "CARDINAL" | "MONEY" | "PERCENT" | "QUANTITY" => Ok(Self::Number),
            other => Err(format!(
                "unknown entity kind '{other}' (expected PERSON, ORG, PLACE, GROUP, DATE or NUMBER)"
            )),
        }
    }
}

/// One mention: a byte range of the text, its kind, and why.
///
/// Two mentions are equal, and ordered, by range and kind alone: `why` is
/// what the recogniser says of a mention, not part of which one it is.
#[derive(Debug, Clone, Copy)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub why: explain::Why,
}

impl Entity {
    /// A mention made outside the recogniser (a caller's own list, a test).
    pub fn new(start: usize, end: usize, kind: EntityKind) -> Self {
        Self {
            start,
            end,
            kind,
            why: explain::Why::new(explain::code::GIVEN, explain::Basis::None),
        }
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The id of the rule that decided this mention ("person.title").
    pub fn rule(&self) -> &'static str {
        self.why.rule().id
    }

    /// Why this mention is what it is, in one line (for the reader's `i`).
    pub fn why(&self, text: &str) -> String {
        explain::describe(text, self)
    }

    fn key(&self) -> (usize, usize, EntityKind) {
        (self.start, self.end, self.kind)
    }
}

impl PartialEq for Entity {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Entity {}

impl PartialOrd for Entity {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entity {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_with_aliases() {
        assert_eq!("gpe".parse::<EntityKind>(), Ok(EntityKind::Place));
        assert_eq!("NORP".parse::<EntityKind>(), Ok(EntityKind::Group));
        assert!(
            "thing"
                .parse::<EntityKind>()
                .unwrap_err()
                .contains("unknown entity kind")
        );
    }
}
