//! Why an entity is what it is: the rule that decided it and the evidence
//! it saw (a cue word, the list that knew the name, an earlier mention).
//! Each entity carries this in eight bytes; the text is made only when
//! someone asks (`brief entities --explain`, the reader's `i`).

use super::{Entity, EntityKind};

/// A named rule of the recogniser, with examples of what it decides.
#[derive(Debug)]
pub struct Rule {
    /// Stable id, as `--explain` prints it: "org.head-word".
    pub id: &'static str,
    /// What the rule does, in one line.
    pub about: &'static str,
    /// Texts with the entities it decides marked `[[KIND:Name]]`.
    pub examples: &'static [Example],
}

/// One example of a rule. In a positive example every marked entity is
/// found, with its kind, by this rule; in a negative one the marked
/// entities are found (by any rule) and this rule decides nothing.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    pub text: &'static str,
    pub fires: bool,
}

/// A positive example: the rule decides every marked entity.
pub const fn yes(text: &'static str) -> Example {
    Example { text, fires: true }
}

/// A negative example: the rule decides nothing in this text.
pub const fn no(text: &'static str) -> Example {
    Example { text, fires: false }
}

/// What a rule saw that decided it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Basis {
    #[default]
    None,
    /// The bundled lists know these words.
    List(List),
    /// A word next to the name ("said", "envoy", "shares").
    Cue,
    /// A title before the name ("President", "Gen.").
    Title,
    /// A word of the name itself ("Ministry", "Airport", "Steve").
    Word,
    /// A definition after the name ("is a village in").
    Definition,
    /// A score or a table of results nearby.
    Score,
    /// A mention earlier in the briefing (the name, its surname, its
    /// short form or its acronym).
    Mention,
    /// Declared in the front matter or the watchlist.
    Declared,
    /// The shape of the text: digits, capitals, a date's pattern.
    Shape,
}

/// Which bundled list knew a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Countries,
    Places,
    Organisations,
    Groups,
    People,
    Titles,
    GivenNames,
    Surnames,
}

impl List {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Countries => "countries",
            Self::Places => "places",
            Self::Organisations => "organisations",
            Self::Groups => "groups",
            Self::People => "people",
            Self::Titles => "titles",
            Self::GivenNames => "given names",
            Self::Surnames => "surnames",
        }
    }
}

/// Each rule's one-byte code, as an entity stores it: `names/rules.rs`'
/// rule `k` is `SEGMENT + k`, its run rule `k` is `RUN + k`.
pub(super) mod code {
    pub const GIVEN: u8 = 0;
    pub const HEADLINE: u8 = 1;
    pub const CAPITALS: u8 = 2;
    pub const SEGMENT: u8 = 3;
    pub const SEGMENT_RULES: usize = 13;
    pub const RUN: u8 = SEGMENT + SEGMENT_RULES as u8;
    pub const RUN_RULES: usize = 16;
    pub const SURNAME: u8 = RUN + RUN_RULES as u8;
    pub const SHORT_FORM: u8 = SURNAME + 1;
    pub const MENTION: u8 = SURNAME + 2;
    pub const NUMERIC: u8 = SURNAME + 3;
    pub const DECLARED: u8 = SURNAME + 4;
    pub const CORRECTED: u8 = SURNAME + 5;
    pub const COUNT: u8 = CORRECTED + 1;
}

/// The rule behind one entity and its evidence, in six bytes: with the
/// kind they fill what was padding in `Entity`, which stays 24 bytes (a
/// 10 MB briefing has 300,000 entities). The evidence text is stored as
/// where it is relative to the entity's start, so it moves with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Why {
    rule: u8,
    basis: Basis,
    at: i16,
    len: u16,
}

impl Why {
    /// Decided by rule `code`, with evidence that is no text of its own.
    pub(super) const fn new(code: u8, basis: Basis) -> Self {
        Self {
            rule: code,
            basis,
            at: 0,
            len: 0,
        }
    }

    /// With evidence at bytes [start, end) of the text, for an entity that
    /// starts at `entity_start`; too far away to store, it keeps its basis.
    pub(super) fn at(code: u8, basis: Basis, entity_start: usize, (start, end): (usize, usize)) -> Self {
        let at = i16::try_from(start as isize - entity_start as isize);
        let len = u16::try_from(end.saturating_sub(start));
        match (at, len) {
            (Ok(at), Ok(len)) => Self {
                rule: code,
                basis,
                at,
                len,
            },
            _ => Self::new(code, basis),
        }
    }

    /// The rule that decided.
    pub fn rule(&self) -> &'static Rule {
        super::rule_of(self.rule)
    }

    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// The evidence's text in `text`, for `entity`.
    pub fn evidence_text<'t>(&self, text: &'t str, entity: &Entity) -> Option<&'t str> {
        if self.len == 0 {
            return None;
        }
        let start = entity.start.checked_add_signed(isize::from(self.at))?;
        text.get(start..start + usize::from(self.len))
    }
}

/// An entity made outside the recogniser (a test, a caller's own list).
pub static GIVEN: Rule = Rule {
    id: "given",
    about: "given by the caller, not recognised",
    examples: &[],
};

/// The evidence as `--explain` prints it: "list:places", "cue:said",
/// "mention", or "" when the rule needs none.
pub fn evidence(text: &str, e: &Entity) -> String {
    let name = match e.why.basis() {
        Basis::None => return String::new(),
        Basis::List(list) => return format!("list:{}", list.as_str()),
        Basis::Cue => "cue",
        Basis::Title => "title",
        Basis::Word => "word",
        Basis::Definition => "definition",
        Basis::Score => "score",
        Basis::Mention => "mention",
        Basis::Declared => "declared",
        Basis::Shape => "shape",
    };
    match e.why.evidence_text(text, e) {
        Some(t) => format!("{name}:{t}"),
        None => name.to_owned(),
    }
}

/// One line saying why `e` is what it is, for the reader: "PERSON — a
/// title before a name (title: President)".
pub fn describe(text: &str, e: &Entity) -> String {
    let ev = evidence(text, e);
    let kind: EntityKind = e.kind;
    // The rule's id before its description: a narrow status bar cuts the end.
    if ev.is_empty() {
        format!("{kind} [{}] — {}", e.why.rule().id, e.why.rule().about)
    } else {
        format!("{kind} [{}] — {} ({ev})", e.why.rule().id, e.why.rule().about)
    }
}

/// Which list a name's flags come from, in the order `kind_of` reads them.
pub(super) fn list_of(flags: super::gazetteer::Flags) -> List {
    use super::gazetteer::Flags;
    if flags.has(Flags::COUNTRY) {
        List::Countries
    } else if flags.has(Flags::ORG) {
        List::Organisations
    } else if flags.has(Flags::PLACE) {
        List::Places
    } else if flags.has(Flags::GROUP) {
        List::Groups
    } else if flags.has(Flags::PERSON) {
        List::People
    } else if flags.has(Flags::TITLE) {
        List::Titles
    } else if flags.has(Flags::GIVEN) {
        List::GivenNames
    } else {
        List::Surnames
    }
}
