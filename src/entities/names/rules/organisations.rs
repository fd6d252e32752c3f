//! Organisations: told by their own words ("Ministry of", "Holdings",
//! "Hapoel"), by their neighbours ("pollster", "shares"), by their shape
//! (an acronym, a brand's inner capital).

use super::super::super::explain::{Basis, Example, no, yes};
use super::super::super::gazetteer::Flags;
use super::super::super::tokens::Gap;
use super::super::super::words;
use super::super::super::{Entity, EntityKind};
use super::super::candidates::At;
use super::super::context::Cx;
use super::{Ev, Run, Step, Verdict};

/// Where an organisation starting at `i` ends by its words, and the word
/// that says so: "Getulio Vargas Foundation", "University of Lagos",
/// "Ministry of Defence", "Hapoel Tel Aviv".
pub fn org_end(cx: &Cx, i: usize, b: usize) -> Option<(usize, usize)> {
    org_run(cx, i, b)
        .or_else(|| {
            // "University of Lagos": an organisation word and "of" take the
            // rest of the sequence ("Republic of Korea" is the country).
            (cx.is_org_lead(i)
                && cx.word(i) != "Republic"
                && i + 2 < b
                && matches!(cx.word(i + 1), "of" | "for")
                && !cx.flags(i).has(Flags::TITLE))
            .then_some((b, i))
        })
        // "Hapoel Tel Aviv", "VfB Stuttgart": a club's or a firm's first
        // word takes the sequence.
        .or_else(|| (cx.is_org_opener(i) && i + 1 < b).then_some((b, i)))
}

pub const BY_WORDS: &[Example] = &[
    yes("a loan from [[ORG:Meridian Freight Holdings]] today"),
    yes("officials at the [[ORG:Ministry of Finance]] agreed"),
    yes("He studied at the [[ORG:University of Texas]] and worked for [[ORG:Grupo Bimbo]]."),
    yes("The [[ORG:Finnish Border Guard]] and the [[ORG:Russian Defence Ministry]] spoke."),
    yes("The [[ORG:3rd Infantry Division]] and the [[ORG:101st Airborne Division]] moved."),
    no("Talks with the [[PLACE:Republic of Korea]] went on."),
];

/// An organisation by its own words: a head word ending it, a lead word
/// and "of", an opener.
pub fn by_words(cx: &Cx, at: &At, _: &[Entity]) -> Option<Step> {
    let (e, k) = at.org?;
    let mut step = Step::name(cx, at.i, e, EntityKind::Org, Ev::token(Basis::Word, cx, k));
    // "3rd Infantry Division", "82nd Airborne Division": a unit's ordinal
    // is part of its name.
    if at.i == at.a
        && let Some(o) = ordinal_before(cx, at.i)
        && let Step::Name { start, .. } = &mut step
    {
        *start = cx.tokens[o].start;
    }
    Some(step)
}

/// The token before `i` when it is an ordinal in digits ("1st", "101st")
/// joined to it by a space.
fn ordinal_before(cx: &Cx, i: usize) -> Option<usize> {
    let o = i.checked_sub(1)?;
    let w = cx.word(o);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (cx.tokens[i].gap == Gap::Space
        && !digits.is_empty()
        && digits.len() <= 3
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th"))
    .then_some(o)
}

/// A run ending in an organisation word is one organisation ("Meridian
/// Freight Holdings"), except that a nationality or a country before a
/// government body stands apart ("Russian Defence Ministry").
fn org_run(cx: &Cx, i: usize, b: usize) -> Option<(usize, usize)> {
    let j = (i + 1..b).rev().find(|&j| cx.is_org_head(j) && cx.namey(j))?;
    // "President Ruto Foundation" is no organisation's name, but a title
    // word before an ordinary word is not acting as one ("Washington
    // Metropolitan Area Transit Authority").
    let acting_title =
        |k: usize| cx.flags(k).has(Flags::TITLE) && !cx.is_org_head(k) && !(k < j && cx.is_common(k + 1));
    if (i..=j).any(acting_title) {
        return None;
    }
    let first = cx.flags(i);
    // "Finnish Border Guard", "Russian Defence Ministry", "Chinese Academy
    // of Sciences": a nationality before a body's capitalised name is part
    // of it (GUIDELINES.md), as is a state's or a city's ("Florida Supreme
    // Court"). A place's acronym other than a country's stands apart.
    let political = cx.is_political_adjective(i);
    if (first.has(Flags::GROUP) || first.has(Flags::PLACE))
        && !political
        && !first.has(Flags::COUNTRY)
        && cx.tokens[i].upper
    {
        return None;
    }
    if cx.tokens[i].sentence_start && cx.is_common(i) && !first.is_named_kind() {
        return None;
    }
    // "Competition Commission of India": the sequence went on past the head
    // word only because of it, so the organisation takes it all.
    if j + 2 < b && cx.is_connector(j + 1) {
        return Some((b, j));
    }
    Some((j + 1, j))
}

pub const RUN_WORDS: &[Example] = &[
    yes("a report by the [[ORG:Centre for Sahel Security Studies]] found"),
    no("The talks were led by [[PERSON:Nader Jokhadar]]."),
];

/// A run that an organisation word ends ("Band") or opens with "of" or
/// "for" ("Centre for ...").
pub fn run_words(cx: &Cx, run: &Run) -> Option<Verdict> {
    let (i, e, n) = (run.i, run.e, run.n);
    let (first, last) = (cx.word(i), cx.word(e - 1));
    let has_of = (i..e).any(|k| cx.word(k) == "of");
    let has_for = (i..e).any(|k| cx.word(k) == "for");
    let word = if words::is_org_head(last) && (n >= 2 || cx.tokens[e - 1].upper) {
        e - 1
    } else if (words::is_org_opener(first) && n >= 2)
        || (words::is_org_lead(first) && has_of)
        || ((words::is_org_lead(first) || words::is_org_head(first)) && has_for)
    {
        i
    } else {
        return None;
    };
    Verdict::is(EntityKind::Org, Ev::token(Basis::Word, cx, word))
}

/// Its neighbours call the name [i, e) an organisation: "pollster
/// Datafolha", "Kaveri shares".
pub fn org_cue(cx: &Cx, i: usize, e: usize) -> bool {
    cue_at(cx, i, e).is_some()
}

fn cue_at(cx: &Cx, i: usize, e: usize) -> Option<usize> {
    if cx.word_before(i).is_some_and(words::is_org_cue_before) {
        return Some(i - 1);
    }
    cx.word_after(e - 1)
        .is_some_and(words::is_org_cue_after)
        .then_some(e)
}

/// A noun and a preposition before an unknown name that make it a company:
/// "shares in Datecs", "chief executive of Simec", "the takeover of
/// Zywiec". Returns the noun's token.
fn cue_of(cx: &Cx, i: usize) -> Option<usize> {
    (i >= 2
        && matches!(cx.word_before(i), Some("of" | "in" | "for" | "with"))
        && cx.tokens[i - 1].gap == Gap::Space
        && cx.is_org_cue_of(i - 2))
    .then(|| i - 2)
}

pub const CUE: &[Example] = &[
    yes("The survey by pollster [[ORG:Datafolha]] was late."),
    yes("The chief executive of [[ORG:Tambang]] resigned."),
    no("He met Smithers, a company spokesman."),
];

/// "pollster Datafolha", "Kaveri shares fell", "chief executive of
/// Simec": an unknown name its neighbours call an organisation.
pub fn cue(cx: &Cx, run: &Run) -> Option<Verdict> {
    let (i, e) = (run.i, run.e);
    let k = cue_at(cx, i, e).or_else(|| cue_of(cx, i))?;
    (!(run.n == 1 && cx.is_common(i))).then(|| Verdict {
        kind: Some(EntityKind::Org),
        evidence: Ev::token(Basis::Cue, cx, k),
        by: None,
    })
}

pub const THE: &[Example] = &[
    yes("He toured with [[ORG:The Zorbly Vantek]] then."),
    no("The Zorbly Vantek toured."),
];

/// "The Ramones", "The Guardian": a capitalised "The" inside a sentence
/// opens the name of a band, a paper, a firm.
pub fn the(cx: &Cx, run: &Run) -> Option<Verdict> {
    (cx.word(run.i) == "The" && run.n >= 2 && !cx.tokens[run.i].sentence_start).then(|| Verdict {
        kind: Some(EntityKind::Org),
        evidence: Ev::token(Basis::Word, cx, run.i),
        by: None,
    })
}

pub const ACRONYM: &[Example] = &[
    yes("Output at [[ORG:CMOC]] rose."),
    yes("Officials of the [[ORG:DfT]] and the [[ORG:MoJ]] spoke."),
    no("The DJ played the EP on FM radio."),
];

/// An acronym no list knows ("CMOC", "G7") is an organisation's, unless
/// it is one of those that name no body ("DJ", "FM").
pub fn acronym(cx: &Cx, run: &Run) -> Option<Verdict> {
    let i = run.i;
    let first = cx.word(i);
    let acronym = cx.tokens[i].upper
        || mixed_case_abbreviation(first)
        || (first.len() <= 4
            && first.chars().any(|c| c.is_ascii_digit())
            && first.chars().filter(char::is_ascii_uppercase).count() >= 1);
    (acronym
        && first.chars().filter(|c| c.is_alphabetic()).count() <= 6
        && !cx.is_common(i)
        && !words::is_non_org_acronym(first))
    .then(|| Verdict {
        kind: Some(EntityKind::Org),
        evidence: Ev::of(Basis::Shape),
        by: None,
    })
}

/// "`DfT`", "`BfV`", "`MoD`", "`PiS`": a short abbreviation that starts and ends
/// with a capital and keeps lowercase letters inside ("`McCain`" and "`iPhone`"
/// do not end with one).
fn mixed_case_abbreviation(w: &str) -> bool {
    let n = w.chars().count();
    (3..=5).contains(&n)
        && w.chars().all(|c| c.is_ascii_alphabetic())
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.ends_with(|c: char| c.is_ascii_uppercase())
        && w.chars().any(|c| c.is_ascii_lowercase())
}

pub const BRAND: &[Example] = &[
    yes("Later [[ORG:VodafoneThree]] agreed."),
    no("Denver beat Oklahoma City 112-104 as MacArthur watched."),
];

/// "`VodafoneThree`", "`SoftBank`": a capital inside a word makes a brand,
/// not a person ("`McDonald`", "`DiCaprio`" aside).
pub fn brand(cx: &Cx, run: &Run) -> Option<Verdict> {
    words::is_camel_case_brand(cx.word(run.i)).then(|| Verdict {
        kind: Some(EntityKind::Org),
        evidence: Ev::of(Basis::Shape),
        by: None,
    })
}
