//! Places no list knows whole: told by a place word ("Avenue"), by their
//! setting ("the village of", ", Kent"), by a word only places take.

use super::super::super::explain::{Basis, Example, no, yes};
use super::super::super::gazetteer::Flags;
use super::super::super::tokens::Gap;
use super::super::super::words;
use super::super::super::{Entity, EntityKind};
use super::super::candidates::{At, gazetteer_at, run_end};
use super::super::context::Cx;
use super::{Ev, Run, Step, Verdict};

pub const HEAD_WORD: &[Example] = &[
    yes("They played at [[PLACE:Davis Gym]]."),
    no("He flew from [[PLACE:Brussels Airport]]."),
];

/// "Davis Gym", "Zorbly Avenue": a place word ends the run.
pub fn head_word(cx: &Cx, run: &Run) -> Option<Verdict> {
    (words::is_place_head(cx.word(run.e - 1)) && run.n >= 2).then(|| Verdict {
        kind: Some(EntityKind::Place),
        evidence: Ev::token(Basis::Word, cx, run.e - 1),
        by: None,
    })
}

pub const CONTEXT: &[Example] = &[
    yes("It serves the former village of [[PLACE:Cosham]]."),
    yes("He moved to [[PLACE:Zorbly]], Ohio in 1990."),
    no("He moved to Zorbly in 1990."),
];

/// An unknown name that its context places: "the village of Cosham",
/// "Aisby, Lincolnshire" (a place, then the larger place it is in).
pub fn context(cx: &Cx, run: &Run) -> Option<Verdict> {
    let found = |k: usize| {
        Some(Verdict {
            kind: Some(EntityKind::Place),
            evidence: Ev::token(Basis::Cue, cx, k),
            by: None,
        })
    };
    let (i, e) = (run.i, run.e);
    let settlement = i >= 2
        && cx.word_before(i) == Some("of")
        && cx.tokens[i - 1].gap == Gap::Space
        && matches!(
            cx.word(i - 2),
            "village"
                | "town"
                | "city"
                | "suburb"
                | "county"
                | "province"
                | "region"
                | "district"
                | "municipality"
                | "capital"
                | "island"
                | "commune"
                | "parish"
                | "hamlet"
                | "outskirts"
                | "port"
        );
    if settlement {
        return found(i - 2);
    }
    let next = cx.tokens.get(e)?;
    let in_larger = &cx.text[cx.tokens[e - 1].end..next.start] == ", "
        && !cx.tokens[e - 1].possessive
        && !next.possessive
        && next.cap
        && cx.tokens.get(e + 1).is_none_or(|t| t.gap != Gap::Space || !t.cap)
        && {
            let f = cx.flags(e);
            f.has(Flags::PLACE) && !f.has(Flags::ORG | Flags::GIVEN)
        };
    (in_larger && !(i..e).any(|k| cx.flags(k).has(Flags::GIVEN)))
        .then(|| found(e))
        .flatten()
}

pub const STRONG_CUE: &[Example] = &[
    yes("The fighting went on near [[PLACE:Zorbly]] all day."),
    no("Zorbly went on all day."),
];

/// "near Zorbly": a word before it that only places take.
pub fn strong_cue(cx: &Cx, run: &Run) -> Option<Verdict> {
    let i = run.i;
    (cx.word_before(i).is_some_and(words::is_strong_place_cue) && !cx.tokens[i].sentence_start).then(|| {
        Verdict {
            kind: Some(EntityKind::Place),
            evidence: Ev::token(Basis::Cue, cx, i - 1),
            by: None,
        }
    })
}

pub const LEAD_WORD: &[Example] = &[
    yes("Fighting near [[PLACE:Mount Sinjar]] and [[PLACE:Lake Zorbly]] went on."),
    yes("The [[PLACE:Kingdom of Aragon]] fought the [[PLACE:Sultanate of Zorbly]]."),
    yes("It joined the [[PLACE:County of Barcelona]] in 1137."),
    no("The [[ORG:House of Commons]] met at [[PLACE:Lake Victoria]]."),
];

/// A word that opens a place's name: "Mount Sinjar", "Lake Chad", "Cape
/// Verde"; or a polity's or a water's word and "of": "Kingdom of Aragon",
/// "Gulf of Aden". The place takes the name after it (a known name
/// whole) or the rest of the sequence after "of".
pub fn lead_word(cx: &Cx, at: &At, _: &[Entity]) -> Option<Step> {
    let (i, b) = (at.i, at.b);
    if i + 1 >= b {
        return None;
    }
    let w = cx.word(i);
    let of = cx.word(i + 1) == "of" && i + 2 < b && cx.namey(i + 2);
    if of && is_place_of(w) {
        return Some(Step::name(
            cx,
            i,
            b,
            EntityKind::Place,
            Ev::token(Basis::Word, cx, i),
        ));
    }
    if !is_place_lead(w) || !cx.namey(i + 1) || cx.flags(i + 1).has(Flags::TITLE) {
        return None;
    }
    let e = gazetteer_at(cx, i + 1, b, 1).map_or_else(|| run_end(cx, i + 1, b, false), |(e, _)| e);
    Some(Step::name(
        cx,
        i,
        e,
        EntityKind::Place,
        Ev::token(Basis::Word, cx, i),
    ))
}

/// Words that open a place's name before the name itself.
fn is_place_lead(w: &str) -> bool {
    matches!(
        w,
        "Mount" | "Mt." | "Lake" | "Cape" | "Fort" | "Isle" | "Lac" | "Jebel" | "Jabal" | "Wadi"
    )
}

/// A polity's or a water's word before "of": "Kingdom of", "Gulf of".
fn is_place_of(w: &str) -> bool {
    matches!(
        w,
        "Kingdom"
            | "Empire"
            | "Sultanate"
            | "Caliphate"
            | "Emirate"
            | "Khanate"
            | "Duchy"
            | "Principality"
            | "Gulf"
            | "Bay"
            | "Sea"
            | "Strait"
            | "Straits"
            | "Isle"
            | "Island"
            | "Islands"
            | "Lake"
            | "Mount"
            | "Cape"
            | "County"
            | "Province"
            | "Region"
            | "District"
            | "Governorate"
    )
}
