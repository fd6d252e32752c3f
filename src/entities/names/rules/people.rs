//! People: titles that announce them, given names that lead their names,
//! runs of words that read as a person's, names the press uses alone.

use super::super::super::explain::{Basis, Example, List, code, no, yes};
use super::super::super::gazetteer::{self, Flags};
use super::super::super::tokens::Gap;
use super::super::super::words;
use super::super::super::{Entity, EntityKind};
use super::super::candidates::{At, Cue, run_end};
use super::super::context::Cx;
use super::{Ev, Run, Step, Verdict, classify, known};

pub const TITLE_WORDS: &[Example] = &[
    yes("They met Special Envoy [[PERSON:Zorbly Vantek]] there."),
    no("Special Envoy was not named."),
];

/// "Special Envoy", "Secretary of State": a title the lists know whole.
pub fn title_words(_: &Cx, at: &At, _: &[Entity]) -> Option<Step> {
    let (e, flags) = known::known_here(at)?;
    (flags.has(Flags::TITLE) && !flags.is_named_kind()).then_some(Step::Title { next: e })
}

pub const TITLE: &[Example] = &[
    yes("They met Gen. [[PERSON:Zorbly Vantek]] today."),
    no("The President said no."),
];

/// "President", "Gen.": a title word before a name word.
pub fn title(cx: &Cx, at: &At, _: &[Entity]) -> Option<Step> {
    let i = at.i;
    (at.flags.has(Flags::TITLE) && i + 1 < at.b && cx.namey(i + 1) && at.org.is_none())
        .then_some(Step::Title { next: i + 1 })
}

pub const GIVEN_NAME: &[Example] = &[
    yes("The talks were chaired by [[PERSON:Rose Gottemoeller]] and Will Smith."),
    yes("The talks were led by [[PERSON:Nader Jokhadar]]."),
    yes("[[PERSON:Manuel Belgrano]] led the army."),
    yes("[[PERSON:Theresa May]] resigned, as Prime Minister [[PERSON:Theresa May]] said."),
    yes("[[PERSON:Jordan Henderson]] scored and [[PERSON:Chad Smith]] played."),
    yes("He read [[PERSON:Washington Irving]] at school."),
    no("Troops crossed from [[PLACE:Jordan]] into [[PLACE:Syria]]."),
    no("They met in San Marco square."),
    no("He toured with [[ORG:The Ramones]] and slept at [[PLACE:Palmer House]]."),
];

/// A given name followed by a surname or an unknown name word starts a
/// person: the run rules may still say otherwise ("Linkin Park is a band").
pub fn given_name(cx: &Cx, at: &At, _: &[Entity]) -> Option<Step> {
    let (i, b) = (at.i, at.b);
    if let Some(e) = month_surname(cx, i, b, at.flags) {
        return Some(Step::name(
            cx,
            i,
            e,
            EntityKind::Person,
            Ev::token(Basis::List(List::GivenNames), cx, i),
        ));
    }
    if !starts_person(cx, i, b, at.flags) {
        return None;
    }
    let e = run_end(cx, i, b, true);
    let run = Run {
        i,
        e,
        n: (i..e).filter(|&k| cx.namey(k)).count(),
        hint: true,
        cue: at.cue,
    };
    let mut step = Step::name(
        cx,
        i,
        e,
        EntityKind::Person,
        Ev::token(Basis::List(List::GivenNames), cx, i),
    );
    // The run rules decide first; "a person is expected" is this rule's
    // own reason, as is a run that names nothing.
    if let Some((rule, verdict)) = classify(cx, &run)
        && let Some(kind) = verdict.kind
        && rule != AFTER_CUE_CODE
        && let Step::Name {
            kind: k,
            evidence: ev,
            by,
            ..
        } = &mut step
    {
        *k = kind;
        *ev = verdict.evidence;
        *by = Some(verdict.by.unwrap_or(rule));
    }
    Some(step)
}

/// "Theresa May", "Brian May": a sure given name ending the sequence,
/// then a month that is also a surname, with no day or year after it.
/// Returns the end of the person's name.
fn month_surname(cx: &Cx, i: usize, b: usize, flags: Flags) -> Option<usize> {
    let m = i + 1;
    let month = m == b
        && flags.has(Flags::GIVEN)
        && !flags.is_named_kind()
        && cx
            .tokens
            .get(m)
            .is_some_and(|t| t.cap && t.gap == Gap::Space && !t.sentence_start)
        && words::is_month(cx.word(m))
        && cx.flags(m).has(Flags::SURNAME | Flags::SURNAME_AMBIGUOUS)
        && cx.tokens.get(m + 1).is_none_or(|t| !t.digit)
        && !cx.tokens[m].possessive;
    (month && !cx.tokens[i].possessive).then_some(m + 1)
}

/// A given name followed by a surname or an unknown name word starts a
/// person ("Vladimir Putin", even though Vladimir is also a city); a
/// demonym or a place followed by a title does not ("Russian President").
fn starts_person(cx: &Cx, i: usize, b: usize, flags: Flags) -> bool {
    if i + 1 >= b || !cx.namey(i + 1) {
        return false;
    }
    let next = cx.flags(i + 1);
    if next.has(Flags::TITLE) && !next.has(Flags::SURNAME) {
        return false;
    }
    // "The Ramones", "Palmer House", "Boy Scouts": a function word (some
    // lists hold "The" as a given name) or a word for a place or a body
    // after the first name makes something else.
    let w = cx.word(i + 1);
    if cx.is_function_word(i) || words::is_place_head(w) || words::is_org_head(w) || words::is_event_word(w) {
        return false;
    }
    if flags.is_named_kind() {
        let unknown_name = next.is_empty() && !words::is_org_head(w) && !words::is_place_head(w);
        // A nationality before a surname is a nationality and a person
        // ("Russian Petrov"), so a group word never leads a name. A group
        // word that is also a given name leads one only before a name no
        // dictionary has ("Christian Fennesz", "Roman Abramovich"; not
        // "Christian Democrats").
        let group_given = flags.has(Flags::GROUP)
            && matches!(cx.word(i), "Christian" | "Roman")
            && (next.has(Flags::SURNAME) || unknown_name)
            && !next.is_named_kind()
            && !cx.lower_flags(i + 1).has(Flags::COMMON);
        // "Jordan Henderson", "Washington Irving", "Chad Smith": a place that
        // is also a given name, before a word only the surname lists know
        // as a name (not a place head, not a country, no English word). A
        // word of three letters is more often a place's particle ("San
        // Marco", "Tel Aviv").
        let place_given = flags.has(Flags::GIVEN_AMBIGUOUS)
            && cx.word(i).chars().count() >= 4
            && !flags.has(Flags::ORG)
            && next.has(Flags::SURNAME)
            && !next.has(Flags::COUNTRY | Flags::ORG)
            && !cx.lower_flags(i + 1).has(Flags::COMMON);
        if place_given && !flags.has(Flags::GROUP) {
            return true;
        }
        let given = flags.has(Flags::GIVEN) || (group_given && flags.has(Flags::GIVEN_AMBIGUOUS));
        return given
            && (!flags.has(Flags::GROUP) || group_given)
            && (next.has(Flags::SURNAME) || unknown_name);
    }
    // A given name that is also a word ("Boy", "Senior", "Rose") leads a
    // name only before a surname or a word that is no English word.
    let ambiguous_leads = flags.has(Flags::GIVEN_AMBIGUOUS)
        && !cx.tokens[i].sentence_start
        && (next.has(Flags::SURNAME | Flags::SURNAME_AMBIGUOUS) || !cx.is_common(i + 1));
    let given = flags.has(Flags::GIVEN) || ambiguous_leads;
    // A sure given name makes even an organisation's or a town's name a
    // surname ("Dmitri Antonov", "Pavel Bure", "Manuel Belgrano"); only a
    // country after it stays a place.
    let sure = flags.has(Flags::GIVEN) && !next.has(Flags::COUNTRY) && !cx.is_org_head(i + 1);
    given && (!next.is_named_kind() || next.has(Flags::SURNAME) || sure)
}

/// `after_cue`'s place in the run rules: a given name's own reason.
pub const AFTER_CUE_CODE: u8 = code::RUN + 4;

pub const AFTER_CUE: &[Example] = &[
    yes("They met the envoy [[PERSON:Zorbly Vantek]] there."),
    yes("The talks went well, said [[PERSON:Umerov]]."),
    no("Later, [[PERSON:Zabrodin]] said no."),
];

/// A title or a person's cue before the run: "envoy Kirill Dmitriev". A
/// title's rule gets the credit: it is what made a person expected.
pub fn after_cue(cx: &Cx, run: &Run) -> Option<Verdict> {
    run.hint.then(|| Verdict {
        kind: Some(EntityKind::Person),
        evidence: Ev::of_cue(cx, run.cue),
        by: match run.cue {
            Cue::Title(_, _, rule) => Some(rule),
            _ => None,
        },
    })
}

pub const RUN: &[Example] = &[
    yes("Tributes came from [[PERSON:Haruomi Hosono]]."),
    yes("He met [[PERSON:Yoon Hye-jin]] at noon."),
    no("Fans of Classic Lotto marked Memorial Day."),
];

/// Several unknown words read as a person's: a surname last (or first,
/// before a hyphenated given name), a cue, a given name or an initial
/// among ordinary words, two foreign-looking words. Otherwise the run
/// names nothing.
pub fn run(cx: &Cx, run: &Run) -> Option<Verdict> {
    let (i, e, n) = (run.i, run.e, run.n);
    if n < 2 {
        return None;
    }
    let last = cx.word(e - 1);
    // Ordinary words in the run; a word that is also a known name ("Park",
    // "Ji") does not count against it being a name.
    let commons = (i..e)
        .filter(|&k| {
            cx.namey(k)
                && cx.is_common(k)
                && !cx.flags(k).has(Flags::SURNAME_AMBIGUOUS | Flags::GIVEN_AMBIGUOUS)
        })
        .count();
    // "Yoon Hye-jin": a surname first, then a hyphenated given name.
    let surname_first = cx.flags(i).has(Flags::SURNAME | Flags::SURNAME_AMBIGUOUS)
        && cx.tokens[e - 1].gap == Gap::Hyphen
        && !cx.tokens[e - 1].cap;
    let surname = surname_first || gazetteer::lookup(last).has(Flags::SURNAME | Flags::SURNAME_AMBIGUOUS);
    if surname {
        return Verdict::is(EntityKind::Person, Ev::of(Basis::List(List::Surnames)));
    }
    if let Some(k) = cx.person_cue_before(i).or_else(|| cx.person_cue_after(e - 1)) {
        return Verdict::is(EntityKind::Person, Ev::token(Basis::Cue, cx, k));
    }
    // Two words no list knows and no dictionary has, in mixed case, read as
    // a foreign name: "Rilwan Akiolu", "Haruomi Hosono".
    let foreign = n == 2
        && e == i + 2
        && (i..e).all(|k| {
            let w = cx.word(k);
            cx.flags(k).is_empty()
                && !cx.lower_flags(k).has(Flags::COMMON)
                && !cx.tokens[k].upper
                && w.chars().count() >= 3
                && !words::is_org_head(w)
                && !words::is_place_head(w)
        });
    if foreign {
        return Verdict::is(EntityKind::Person, Ev::of(Basis::Shape));
    }
    // Without a surname or a cue, a run is a person only when a word of it
    // is a given name or an initial ("Nader Jokhadar", "J. Vaughan"), not
    // "Classic Lotto" or "Sea Stallion".
    let named = (i..e).find(|&k| {
        cx.flags(k).has(Flags::GIVEN | Flags::GIVEN_AMBIGUOUS)
            || (cx.word(k).len() == 2 && cx.word(k).ends_with('.'))
    });
    if let Some(k) = named
        && commons <= 1
        && !cx.is_common(e - 1)
        && commons < n
    {
        return Verdict::is(
            EntityKind::Person,
            Ev::token(Basis::List(List::GivenNames), cx, k),
        );
    }
    Verdict::nothing()
}

pub const ALONE: &[Example] = &[
    yes("Later, [[PERSON:Zabrodin]] said no."),
    yes("Later Yeltsin met [[PERSON:Clinton]]."),
    no("Floods hit [[PLACE:Lara]] on Monday."),
];

/// "Yeltsin said": a name the press uses alone for a well-known person,
/// or one word with a person's cue.
pub fn alone(cx: &Cx, run: &Run) -> Option<Verdict> {
    let (i, e) = (run.i, run.e);
    if let Some(k) = cx.person_cue_before(i).or_else(|| cx.person_cue_after(e - 1)) {
        return Verdict::is(EntityKind::Person, Ev::token(Basis::Cue, cx, k));
    }
    cx.flags(i).has(Flags::PERSON).then(|| Verdict {
        kind: Some(EntityKind::Person),
        evidence: Ev::of(Basis::List(List::People)),
        by: None,
    })
}
