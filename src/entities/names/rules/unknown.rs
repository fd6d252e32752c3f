//! Runs of words no list knows: the sentence's first word that is only
//! capitalised for grammar, the run rules' entry point, the runs that name
//! nothing, and a name listed with others of its kind.

use super::super::super::explain::{Basis, Example, no, yes};
use super::super::super::gazetteer::Flags;
use super::super::super::words;
use super::super::super::{Entity, EntityKind};
use super::super::candidates::At;
use super::super::context::Cx;
use super::definitions::defined_kind;
use super::{Ev, Run, Step, Verdict, classify};

pub const SENTENCE_START: &[Example] = &[
    no("Despite the rhetoric, little changed."),
    no("[[PERSON:Van der Berg]] said no."),
];

/// A sentence's first word is dropped when it is an ordinary word, unless
/// it is a name particle or an ambiguous surname leading a name ("Van der
/// Berg", "Park Ji-hoon"), or a definition vouches for the whole name
/// ("Killing Joke, an English rock band").
pub fn sentence_start(cx: &Cx, at: &At, _: &[Entity]) -> Option<Step> {
    let (i, a, b) = (at.i, at.a, at.b);
    let leads_name = i + 1 < b
        && (cx.namey(i + 1) || cx.is_connector(i + 1))
        && (cx.is_name_particle(i)
            || (cx.flags(i).has(Flags::SURNAME_AMBIGUOUS | Flags::GIVEN_AMBIGUOUS)
                && !cx.is_function_word(i)
                && !cx.is_org_lead(i + 1)));
    (i == a
        && cx.tokens[i].sentence_start
        && !at.cue.is_some()
        && cx.is_common(i)
        && !leads_name
        && (b == i + 1 || defined_kind(cx, b).is_none()))
    .then_some(Step::Skip { next: i + 1 })
}

pub const RUN: &[Example] = &[];

/// A run of unknown words, decided by the first run rule that does.
pub fn run(cx: &Cx, at: &At, _: &[Entity]) -> Option<Step> {
    let (i, e) = (at.i, at.run_end(cx));
    let run = Run {
        i,
        e,
        n: (i..e).filter(|&k| cx.namey(k)).count(),
        hint: at.cue.is_some(),
        cue: at.cue,
    };
    let (rule, verdict) = classify(cx, &run)?;
    let kind = verdict.kind?;
    let mut step = Step::name(cx, i, e, kind, verdict.evidence);
    if let Step::Name { by, .. } = &mut step {
        *by = Some(verdict.by.unwrap_or(rule));
    }
    Some(step)
}

pub const LISTED: &[Example] = &[
    yes("The loan came from Standard Bank, [[ORG:Absa]] and BNP Paribas."),
    no("The loan came from Absa."),
];

/// The kind of the entity just before an unknown word in a list
/// ("Standard Bank, Absa and BNP Paribas", "Lilly and Eisai"): names
/// listed together are of one kind. The list must go on after it or close
/// with "and" before it. Whatever happens, the run ends here.
#[allow(clippy::unnecessary_wraps)] // every rule has the rule list's type
pub fn listed(cx: &Cx, at: &At, out: &[Entity]) -> Option<Step> {
    let (i, e) = (at.i, at.run_end(cx));
    let kind = (e == i + 1 && !cx.is_common(i))
        .then(|| listed_after(cx, i, out))
        .flatten();
    Some(match kind {
        Some(kind) => Step::name(cx, i, e, kind, Ev::of(Basis::Cue)),
        None => Step::Nothing { next: e },
    })
}

fn listed_after(cx: &Cx, i: usize, out: &[Entity]) -> Option<EntityKind> {
    let prev = out.last()?;
    let gap = &cx.text[prev.end..cx.tokens[i].start];
    let goes_on = cx.tokens.get(i + 1).is_some_and(|t| {
        let after = &cx.text[cx.tokens[i].end..t.start];
        (after == ", " && t.cap) || (after == " " && cx.word(i + 1) == "and")
    });
    let listed = (gap == ", " && goes_on) || gap == " and " || gap == ", and ";
    let kind_listed = matches!(
        prev.kind,
        EntityKind::Org | EntityKind::Person | EntityKind::Place
    );
    (listed && kind_listed && !cx.tokens[i].possessive).then_some(prev.kind)
}

pub const EVENT: &[Example] = &[no("They fought at the Second Battle of Bull Run.")];

/// "Second Battle of Bull Run", "World Cup": an event's words make no name.
pub fn event(cx: &Cx, run: &Run) -> Option<Verdict> {
    let (first, last) = (cx.word(run.i), cx.word(run.e - 1));
    (run.n >= 2 && (words::is_event_word(last) || words::is_event_word(first)))
        .then(Verdict::nothing)
        .flatten()
}

pub const HOLIDAY: &[Example] = &[no("Fans marked Memorial Day.")];

/// "Memorial Day": a holiday, not a person; nor is a lone "The".
pub fn holiday(cx: &Cx, run: &Run) -> Option<Verdict> {
    (cx.word(run.e - 1) == "Day" || cx.word(run.i) == "The")
        .then(Verdict::nothing)
        .flatten()
}

pub const CAPITALS: &[Example] = &[no("W L PCT GB\n\nBoston 10 4")];

/// Several words in capitals that no list knows are a table's header or a
/// shouted phrase ("L PCT GB"), not a person.
pub fn capitals(cx: &Cx, run: &Run) -> Option<Verdict> {
    (run.n >= 2 && (run.i..run.e).all(|k| !cx.word(k).chars().any(char::is_lowercase)))
        .then(Verdict::nothing)
        .flatten()
}

pub const COMMON: &[Example] = &[no("He said Hello to them.")];

/// An ordinary word alone names nothing.
pub fn common(cx: &Cx, run: &Run) -> Option<Verdict> {
    cx.is_common(run.i).then(Verdict::nothing).flatten()
}
