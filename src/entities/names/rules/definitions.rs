//! Definitions: what the text itself says a name is ("X is a village in",
//! "X, a Bulgarian company,", "X (born 1970)").

use super::super::super::EntityKind;
use super::super::super::explain::{Basis, Example, no, yes};
use super::super::super::words;
use super::super::context::Cx;
use super::{Ev, Run, Verdict};

pub const DEFINED: &[Example] = &[
    yes("[[PLACE:Aisby]] is a small village in England."),
    yes("[[ORG:Killing Joke]] are an English rock band."),
    yes("[[ORG:Datecs]], a Bulgarian company, sold it."),
    yes("[[PERSON:Kory Lichtensteiger]] (born 1985) is here."),
    no("He met Smithers, a company spokesman."),
];

/// A definition right after the run decides it.
pub fn defined(cx: &Cx, run: &Run) -> Option<Verdict> {
    let (kind, k) = defined_kind(cx, run.e)?;
    Verdict::is(kind, Ev::token(Basis::Definition, cx, k))
}

/// What a definition right after the name [.., e) says it is, and the
/// word that says so: "X is a village in", "X was an American singer",
/// "X (born 1970) is".
pub fn defined_kind(cx: &Cx, e: usize) -> Option<(EntityKind, usize)> {
    if cx.gap_before(e).is_some_and(|g| g.ends_with('(')) && cx.word(e) == "born" {
        return Some((EntityKind::Person, e));
    }
    // "Datecs, a Bulgarian company," "Killing Joke, an English rock band",
    // "Suno, the Massachusetts company whose": an apposition defines as a
    // verb does.
    let apposition = cx.gap_before(e) == Some(", ") && matches!(cx.word(e), "a" | "an" | "the");
    if apposition {
        return described_kind(cx, e + 1, true);
    }
    if !matches!(cx.word(e), "is" | "was" | "are" | "were") || cx.gap_before(e) != Some(" ") {
        return None;
    }
    if !matches!(cx.word(e + 1), "a" | "an" | "the" | "one") {
        return None;
    }
    described_kind(cx, e + 2, false)
}

/// The kind named by the noun of a description starting at token `from`
/// after its article: "small coastal village", "American rock band". In an
/// apposition the noun must end the phrase ("a Bulgarian company," not "a
/// company spokesman").
fn described_kind(cx: &Cx, from: usize, apposition: bool) -> Option<(EntityKind, usize)> {
    let ends_phrase = |k: usize| {
        !cx.tokens[k].possessive
            && (cx
                .gap_before(k + 1)
                .is_none_or(|g| g.starts_with([',', '.', ';', ')']))
                || matches!(
                    cx.word(k + 1),
                    "in" | "of" | "from" | "based" | "that" | "which" | "whose" | "with"
                ))
    };
    // Up to three describing words: "a small coastal village", "an
    // American rock band", "a former professional footballer".
    for k in from..from + 4 {
        if !matches!(cx.gap_before(k), Some(" " | "-")) {
            return None;
        }
        let w = cx.word(k);
        if let Some(kind) = words::kind_by_definition(w) {
            return (!apposition || ends_phrase(k)).then_some((kind, k));
        }
        // "a Bengaluru cloud software company", "an Oslo-based firm".
        let describes = w.starts_with(char::is_lowercase)
            || cx.flags(k).has(super::super::super::gazetteer::Flags::GROUP)
            || cx.flags(k).has(super::super::super::gazetteer::Flags::PLACE);
        if !describes || words::is_function_word(w) {
            return None;
        }
    }
    None
}
