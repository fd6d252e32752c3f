//! Names the bundled lists know: a firm's possessive name, a name of
//! several words, a single word (with what its neighbours change of it).

use super::super::super::explain::{Basis, Example, no, yes};
use super::super::super::gazetteer::{self, Flags};
use super::super::super::tokens::Gap;
use super::super::super::words;
use super::super::super::{Entity, EntityKind};
use super::super::candidates::At;
use super::super::context::Cx;
use super::{Ev, Step, kind_of, sport};

pub const POSSESSIVE_FIRM: &[Example] = &[
    yes("The rating was cut by [[ORG:Moody's]] on Friday."),
    no("[[PERSON:Putin]]'s speech was short."),
];

/// "Moody's", "`McDonald's`": a firm whose name is a possessive.
pub fn possessive_firm(cx: &Cx, at: &At, _: &[Entity]) -> Option<Step> {
    let t = &cx.tokens[at.i];
    if !t.possessive {
        return None;
    }
    let rest = &cx.text[t.end..];
    let suffix = ["'s", "\u{2019}s"].into_iter().find(|s| rest.starts_with(s))?;
    // The name with a straight apostrophe, as the lists hold it, made on
    // the stack: this runs for every possessive of the text.
    let word = &cx.text.as_bytes()[t.start..t.end];
    let mut name = [0u8; 64];
    let flags = if let Some(key) = name.get_mut(..word.len() + 2) {
        key[..word.len()].copy_from_slice(word);
        key[word.len()..].copy_from_slice(b"'s");
        gazetteer::lookup_bytes(key)
    } else {
        gazetteer::lookup(&format!("{}'s", &cx.text[t.start..t.end]))
    };
    flags.has(Flags::ORG).then(|| Step::Name {
        start: t.start,
        end: t.end + suffix.len(),
        next: at.i + 1,
        kind: EntityKind::Org,
        evidence: Ev::list(flags),
        by: None,
    })
}

/// The longest known name of two or more words at this word, unless an
/// organisation's own words reach further ("Getulio Vargas Foundation").
pub fn known_here(at: &At) -> Option<(usize, Flags)> {
    at.known
        .filter(|&(e, f)| at.org.is_none_or(|(o, _)| o < e) || f.has(Flags::COUNTRY))
}

pub const NAME: &[Example] = &[
    yes("Officials from the [[PLACE:United States]] met."),
    yes("ships left [[PLACE:Dar es Salaam]] at dawn"),
    yes("Denver beat [[ORG:Oklahoma City]] 112-104 as MacArthur watched."),
    no("The [[ORG:Getulio Vargas Foundation]] said so."),
];

/// A name of two or more words the lists know. A place is a team in a
/// match report or a results line ("Oklahoma City lost 98-104"), takes a
/// place word soon after ("Sanaa International Airport") and a team's
/// plural ("Tampa Bay Devil Rays").
pub fn name(cx: &Cx, at: &At, _: &[Entity]) -> Option<Step> {
    let (e, flags) = known_here(at)?;
    if flags.has(Flags::TITLE) && !flags.is_named_kind() {
        return None;
    }
    let (i, b) = (at.i, at.b);
    let mut kind = kind_of(flags);
    let mut evidence = Ev::list(flags);
    let side = sport::in_match_report(cx, i, e) || e == b && sport::team_in_results(cx, i, e, flags);
    if kind == EntityKind::Place && side {
        kind = EntityKind::Org; // "New York 3 Boston 2", "Oklahoma City lost 98-104"
        evidence = Ev::of(Basis::Score);
    }
    let mut e = e;
    // "North-Western Province", "Sanaa International Airport", "Warsaw
    // Chopin Airport": a place word soon after a known place ends one
    // longer place.
    if kind == EntityKind::Place
        && let Some(k) = (e..(e + 3).min(b)).find(|&k| words::is_place_head(cx.word(k)))
    {
        e = k + 1;
    }
    if kind == EntityKind::Place
        && let Some(team) = sport::team_name_end(cx, e, b)
    {
        kind = EntityKind::Org;
        evidence = Ev::token(Basis::Word, cx, team - 1);
        e = team;
    }
    Some(Step::name(cx, i, e, kind, evidence))
}

pub const WORD: &[Example] = &[
    yes("The Miami meetings with the [[ORG:BBC]] and [[GROUP:European]] allies in [[PLACE:Ukraine]]."),
    yes("offices on [[PLACE:Madison Avenue]] were shut"),
    yes("He flew from [[PLACE:Brussels Airport]]."),
    yes("[[ORG:Denver]] beat Oklahoma City 112-104 as MacArthur watched."),
    yes("[[PERSON:Lincoln]] said the war would end."),
    yes("Rain fell on [[PLACE:Lincoln]] all day."),
    yes("Polls lead in [[PLACE:Lincoln]], said the paper."),
    yes("The [[PLACE:Byzantine Empire]] fell."),
    yes("Fires spread in the [[PLACE:Amazon]] rainforest."),
    no("Brent crude rose."),
];

/// A single word the lists know (a surname after a title is left to the
/// person rules). A place alone is a team in a results line, a firm before
/// "shares"; it takes a place word ("Madison Avenue") or a team's plural;
/// an organisation takes its own body ("ECOWAS Commission"); a benchmark
/// ("Brent crude") is no place at all.
pub fn word(cx: &Cx, at: &At, _: &[Entity]) -> Option<Step> {
    let (i, b, flags) = (at.i, at.b, at.flags);
    if !flags.is_named_kind() || (at.cue.is_some() && flags.has(Flags::SURNAME)) {
        return None;
    }
    let mut kind = kind_of(flags);
    let mut evidence = Ev::list(flags);
    // "Lincoln said": a town that is also a surname (not a capital or a
    // country, which speak for their governments) is a person when a
    // speech verb follows.
    if kind == EntityKind::Place
        && i + 1 == b
        && flags.has(Flags::SURNAME)
        && !flags.has(Flags::COUNTRY)
        && cx.gap_before(i + 1) == Some(" ")
        && let Some(k) = cx.person_cue_after(i)
    {
        return Some(Step::name(
            cx,
            i,
            i + 1,
            EntityKind::Person,
            Ev::token(Basis::Cue, cx, k),
        ));
    }
    if kind == EntityKind::Place
        && i + 1 == b
        && (sport::in_match_report(cx, i, i + 1) || sport::team_in_results(cx, i, b, flags))
    {
        kind = EntityKind::Org; // a team named after its city
        evidence = Ev::of(Basis::Score);
    }
    // "Kaveri shares fell": a firm named after a river.
    if kind == EntityKind::Place
        && i + 1 == b
        && !flags.has(Flags::COUNTRY)
        && super::organisations::org_cue(cx, i, b)
    {
        kind = EntityKind::Org;
        evidence = Ev::of(Basis::Cue);
    }
    // "the Amazon rainforest", "the Mekong delta": a geographic word after
    // a name makes it a place, whatever else the lists know it as.
    if matches!(kind, EntityKind::Org | EntityKind::Group)
        && i + 1 == b
        && cx.word_after(i).is_some_and(is_landform)
        && cx.gap_before(i + 1) == Some(" ")
    {
        kind = EntityKind::Place;
        evidence = Ev::token(Basis::Word, cx, i + 1);
    }
    // "ECOWAS Commission": an organisation's own body is part of it;
    // "Madison Avenue": a place word makes one place.
    let next = if i + 1 < b { cx.word(i + 1) } else { "" };
    // ("Sanaa International Airport": a place word soon after.)
    let place_end = (kind == EntityKind::Place)
        .then(|| (i + 1..(i + 4).min(b)).find(|&k| words::is_place_head(cx.word(k))))
        .flatten();
    // "Byzantine Empire", "Persian Gulf", "Arabian Peninsula": a people's
    // word before a place word names a place.
    if kind == EntityKind::Group
        && i + 1 < b
        && words::is_place_head(next)
        && cx.tokens[i + 1].gap == Gap::Space
    {
        return Some(Step::name(
            cx,
            i,
            i + 2,
            EntityKind::Place,
            Ev::token(Basis::Word, cx, i + 1),
        ));
    }
    let joins = (kind == EntityKind::Org && words::is_org_head(next)) || place_end.is_some();
    let mut end = match place_end {
        Some(k) => k + 1,
        None if joins => i + 2,
        None => i + 1,
    };
    if kind == EntityKind::Place
        && let Some(team) = sport::team_name_end(cx, end, b)
    {
        kind = EntityKind::Org; // "Boston Bruins", "Tampa Bay Devil Rays"
        evidence = Ev::token(Basis::Word, cx, team - 1);
        end = team;
    }
    // "Brent crude", "Urals blend": a price benchmark, not a place.
    if kind == EntityKind::Place && end == i + 1 && cx.word_after(i).is_some_and(words::is_commodity_word) {
        return Some(Step::Skip { next: i + 1 });
    }
    Some(Step::name(cx, i, end, kind, evidence))
}

/// Lowercase words for land and water that, after a name, make it a
/// place's ("the Amazon rainforest").
fn is_landform(w: &str) -> bool {
    matches!(
        w,
        "rainforest"
            | "jungle"
            | "basin"
            | "delta"
            | "river"
            | "valley"
            | "estuary"
            | "watershed"
            | "floodplain"
            | "highlands"
            | "lowlands"
            | "plateau"
            | "peninsula"
            | "archipelago"
            | "desert"
    )
}
