//! THE ORDERED RULES. At each name word of a candidate sequence the rules
//! below are tried in this order; the first that decides wins, so the
//! order is the priority. A word no rule takes is left alone.
//!
//! Adding a rule: one function in `rules/`, its examples beside it, one
//! line here.

pub(super) mod definitions;
pub(super) mod headlines;
pub(super) mod known;
pub(super) mod organisations;
pub(super) mod people;
pub(super) mod places;
pub(super) mod sport;
mod unknown;

use super::super::explain::{Basis, Example, Rule, Why, code, list_of};
use super::super::gazetteer::Flags;
use super::super::{Entity, EntityKind};
use super::candidates::{At, Cue};
use super::context::Cx;

/// What a rule decided at a word.
pub(super) enum Step {
    /// Bytes [start, end) are a name of this kind; go on at token `next`.
    Name {
        start: usize,
        end: usize,
        next: usize,
        kind: EntityKind,
        evidence: Ev,
        /// The rule that decided, when another than the one tried (a run
        /// rule inside "unknown run").
        by: Option<u8>,
    },
    /// A title: the name after it is a person's.
    Title { next: usize },
    /// Not a name; what made the next name a person still holds.
    Skip { next: usize },
    /// Not a name; the cue is used up.
    Nothing { next: usize },
}

impl Step {
    /// Tokens [i, e) are a name (with "al-" and "+" as `Cx::bytes_of`).
    pub fn name(cx: &Cx, i: usize, e: usize, kind: EntityKind, evidence: Ev) -> Self {
        let (start, end) = cx.bytes_of(i, e);
        Self::Name {
            start,
            end,
            next: e,
            kind,
            evidence,
            by: None,
        }
    }
}

/// Evidence as a rule sees it: a basis and, maybe, bytes of the text.
#[derive(Clone, Copy)]
pub(super) struct Ev {
    pub basis: Basis,
    pub span: Option<(usize, usize)>,
}

impl Ev {
    pub fn none() -> Self {
        Self::of(Basis::None)
    }
    pub fn of(basis: Basis) -> Self {
        Self { basis, span: None }
    }
    /// The list that knows a name with these flags.
    pub fn list(flags: Flags) -> Self {
        Self::of(Basis::List(list_of(flags)))
    }
    /// Token `k`'s text as the evidence.
    pub fn token(basis: Basis, cx: &Cx, k: usize) -> Self {
        Self {
            basis,
            span: cx.tokens.get(k).map(|t| (t.start, t.end)),
        }
    }
    /// What an entity that starts at `start`, decided by rule `code`,
    /// stores of this.
    pub fn stored(self, code: u8, start: usize) -> Why {
        match self.span {
            Some(span) => Why::at(code, self.basis, start, span),
            None => Why::new(code, self.basis),
        }
    }
    /// What a cue in force says.
    pub fn of_cue(cx: &Cx, cue: Cue) -> Self {
        match cue {
            Cue::None => Self::none(),
            Cue::Before(k) => Self::token(Basis::Cue, cx, k),
            Cue::Title(s, e, _) => Self {
                basis: Basis::Title,
                span: Some(cx.bytes(s, e)),
            },
        }
    }
}

pub(super) type Apply = fn(&Cx, &At, &[Entity]) -> Option<Step>;

/// A rule and the function that applies it at a word.
pub(super) struct Named {
    pub rule: Rule,
    pub apply: Apply,
}

const fn rule(id: &'static str, about: &'static str, apply: Apply, examples: &'static [Example]) -> Named {
    Named {
        rule: Rule { id, about, examples },
        apply,
    }
}

use known as k;
use organisations as o;
use people as p;
use sport as s;
use unknown as u;

/// The rules at a name word, in priority order.
#[rustfmt::skip]
pub(super) static RULES: [Named; code::SEGMENT_RULES] = [
    rule("org.possessive-firm", "a firm whose possessive name the lists know", k::possessive_firm, k::POSSESSIVE_FIRM),
    rule("person.title-words", "a title of several words the lists know, so a person follows", p::title_words, p::TITLE_WORDS),
    rule("known.name", "a name of two or more words the lists know", k::name, k::NAME),
    rule("place.lead-word", "a place's first word (\"Mount\", \"Kingdom of\") opens a place", places::lead_word, places::LEAD_WORD),
    rule("person.title", "a title word before a name, so a person follows", p::title, p::TITLE),
    rule("org.words", "an organisation's own words: its head word, its lead and \"of\", its opener", o::by_words, o::BY_WORDS),
    rule("org.place-team", "a place and a plural make a team or a firm", s::place_team, s::PLACE_TEAM),
    rule("person.given-name", "a given name before a surname or an unknown name word", p::given_name, p::GIVEN_NAME),
    rule("known.word", "a single word the lists know", k::word, k::WORD),
    rule("skip.sentence-start", "an ordinary word capitalised only for starting a sentence", u::sentence_start, u::SENTENCE_START),
    rule("run", "a run of words no list knows, decided by the run rules", u::run, u::RUN),
    rule("org.results-side", "a name no list knows between the scores of a results line", s::results_side, s::RESULTS_SIDE),
    rule("list.same-kind", "a name listed with a name of known kind is of that kind", u::listed, u::LISTED),
];

/// A run of words no list knows, [i, e), and what makes it a person.
pub(super) struct Run {
    pub i: usize,
    pub e: usize,
    /// Its name words.
    pub n: usize,
    /// A person is expected (a title or cue, or a given name leads).
    pub hint: bool,
    pub cue: Cue,
}

/// What a run rule decided: a kind, or that it names nothing.
pub(super) struct Verdict {
    pub kind: Option<EntityKind>,
    pub evidence: Ev,
    /// The rule to credit, when another decided in effect (the title
    /// that made a person expected).
    pub by: Option<u8>,
}

/// Both are a run rule's whole answer, so they come wrapped.
#[allow(clippy::unnecessary_wraps)]
impl Verdict {
    pub fn is(kind: EntityKind, evidence: Ev) -> Option<Self> {
        Some(Self {
            kind: Some(kind),
            evidence,
            by: None,
        })
    }
    pub fn nothing() -> Option<Self> {
        Some(Self {
            kind: None,
            evidence: Ev::none(),
            by: None,
        })
    }
}

pub(super) type Decide = fn(&Cx, &Run) -> Option<Verdict>;

pub(super) struct RunNamed {
    pub rule: Rule,
    pub apply: Decide,
}

const fn run_rule(
    id: &'static str,
    about: &'static str,
    apply: Decide,
    examples: &'static [Example],
) -> RunNamed {
    RunNamed {
        rule: Rule { id, about, examples },
        apply,
    }
}

use definitions as d;
use places as l;

/// The rules for a run of unknown words ("run" above), in priority order.
#[rustfmt::skip]
pub(super) static RUN_RULES: [RunNamed; code::RUN_RULES] = [
    run_rule("run.definition", "a definition after the name says what it is (\"is a village in\")", d::defined, d::DEFINED),
    run_rule("org.run-words", "an organisation word ends or opens the run", o::run_words, o::RUN_WORDS),
    run_rule("place.head-word", "a place word ends the run (\"Avenue\", \"Airport\")", l::head_word, l::HEAD_WORD),
    run_rule("skip.event", "an event's words (\"Battle\", \"Cup\") make no name", u::event, u::EVENT),
    run_rule("person.after-cue", "a title or a person's cue before the run", p::after_cue, p::AFTER_CUE),
    run_rule("place.context", "its setting places it (\"the village of\", \", Kent\")", l::context, l::CONTEXT),
    run_rule("org.cue", "its neighbours call it a company (\"pollster\", \"shares\")", o::cue, o::CUE),
    run_rule("org.the", "a capitalised \"The\" inside a sentence opens a band's, a paper's name", o::the, o::THE),
    run_rule("skip.holiday", "a day's name (\"Memorial Day\") or a lone \"The\" names nobody", u::holiday, u::HOLIDAY),
    run_rule("skip.capitals", "several words in capitals no list knows: a header, a shout", u::capitals, u::CAPITALS),
    run_rule("person.run", "several words read as a person's: a surname, a cue, a given name", p::run, p::RUN),
    run_rule("org.acronym", "an acronym no list knows is an organisation", o::acronym, o::ACRONYM),
    run_rule("skip.common", "an ordinary word alone names nothing", u::common, u::COMMON),
    run_rule("org.brand", "a capital inside a word makes a brand (\"SoftBank\")", o::brand, o::BRAND),
    run_rule("person.alone", "a name the press uses alone, or with a person's cue", p::alone, p::ALONE),
    run_rule("place.strong-cue", "a word before it that only places take (\"near\")", l::strong_cue, l::STRONG_CUE),
];

/// The first run rule that decides [i, e), with its rule (the run rule;
/// the verdict may credit another).
pub(super) fn classify(cx: &Cx, run: &Run) -> Option<(u8, Verdict)> {
    (code::RUN..)
        .zip(&RUN_RULES)
        .find_map(|(c, r)| (r.apply)(cx, run).map(|v| (c, v)))
}

/// Splits the sequence [a, b) into entities, rule by rule.
pub(super) fn segment(cx: &Cx, a: usize, b: usize, out: &mut Vec<Entity>) {
    let mut i = a;
    let mut cue = cx.person_cue_before(a).map_or(Cue::None, Cue::Before);
    while i < b {
        if !cx.namey(i) {
            i += 1;
            continue;
        }
        let at = At::new(cx, a, b, i, cue);
        let Some((rule, step)) = (code::SEGMENT..)
            .zip(&RULES)
            .find_map(|(c, r)| (r.apply)(cx, &at, out).map(|s| (c, s)))
        else {
            i += 1;
            continue;
        };
        match step {
            Step::Name {
                start,
                end,
                next,
                kind,
                evidence,
                by,
            } => {
                let why = evidence.stored(by.unwrap_or(rule), start);
                out.push(Entity {
                    start,
                    end,
                    kind,
                    why,
                });
                cue = Cue::None;
                i = next;
            }
            Step::Title { next } => {
                cue = Cue::Title(i, next, rule);
                i = next;
            }
            Step::Skip { next } => i = next,
            Step::Nothing { next } => {
                cue = Cue::None;
                i = next;
            }
        }
    }
}

/// The kind a gazetteer entry names. The organisations list is curated and
/// the places list is bulk, so a name on both is the organisation
/// ("Xinhua", "Toyota", "Benfica": each also a town somewhere) unless it
/// is a country; a place wins over a group ("Georgian" is only a group).
pub(super) fn kind_of(flags: Flags) -> EntityKind {
    if flags.has(Flags::ORG) && !flags.has(Flags::COUNTRY) {
        EntityKind::Org
    } else if flags.has(Flags::PLACE) {
        EntityKind::Place
    } else if flags.has(Flags::GROUP) {
        EntityKind::Group
    } else {
        EntityKind::Person
    }
}
