//! Sport: a city is its team in a match report or a results line, a place
//! and a plural make a team ("Boston Bruins"), a club has its own words.

use super::super::super::explain::{Basis, Example, no, yes};
use super::super::super::gazetteer::Flags;
use super::super::super::tokens::Gap;
use super::super::super::words;
use super::super::super::{Entity, EntityKind};
use super::super::candidates::At;
use super::super::context::Cx;
use super::{Ev, Step};

pub const PLACE_TEAM: &[Example] = &[
    yes("She joined the [[ORG:Boston Lumberjacks]] in May."),
    no("She flew to [[PLACE:Boston]] in May."),
];

/// "Boston Bruins": a place and a plural make a team, even where the
/// place is also a given name.
pub fn place_team(cx: &Cx, at: &At, _: &[Entity]) -> Option<Step> {
    if !at.flags.has(Flags::PLACE) || at.flags.has(Flags::COUNTRY) {
        return None;
    }
    let team = team_name_end(cx, at.i + 1, at.b)?;
    Some(Step::name(
        cx,
        at.i,
        team,
        EntityKind::Org,
        Ev::token(Basis::Word, cx, team - 1),
    ))
}

pub const RESULTS_SIDE: &[Example] = &[
    yes("Standings:\n\nParma 2 [[ORG:Zorblese]] 1"),
    no("Prices rose in [[PLACE:Valencia]] 3 times this year."),
];

/// "Udinese 2 Parma 1": a name no list knows, in a score line.
pub fn results_side(cx: &Cx, at: &At, _: &[Entity]) -> Option<Step> {
    let (i, b) = (at.i, at.b);
    let e = at.run_end(cx);
    (e == i + 1 && e == b && !cx.is_common(i) && team_in_results(cx, i, e, Flags::default()))
        .then(|| Step::name(cx, i, e, EntityKind::Org, Ev::of(Basis::Score)))
}

/// A place followed, in the same sequence, by one or two name words ending
/// in a plural ("Boston Bruins", "Toronto Blue Jays", "Texas
/// Instruments"): a team or a company. Returns its end.
pub fn team_name_end(cx: &Cx, from: usize, b: usize) -> Option<usize> {
    // "Dundee United", "West Bromwich Albion": a club's own word.
    if from + 1 == b && words::is_club_word(cx.word(from)) {
        return Some(b);
    }
    (from + 1..=(from + 2).min(b)).find(|&end| {
        (from..end).all(|k| {
            let f = cx.flags(k);
            cx.namey(k)
                && !cx.tokens[k].upper
                && !f.is_named_kind()
                && !f.has(Flags::GIVEN | Flags::GIVEN_AMBIGUOUS | Flags::TITLE)
        }) && end == b
            && {
                let w = cx.word(end - 1);
                w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !words::is_place_head(w)
            }
    })
}

/// The name [i, e) is a side in a results or standings line: a score
/// follows it, and another side follows that score or precedes the name
/// ("Barcelona 3 Real Madrid 1"), or a row of figures follows ("Lazio 14 8
/// 3 3 25 12 27"). A national side stays its country.
pub fn team_in_results(cx: &Cx, i: usize, e: usize, flags: Flags) -> bool {
    if flags.has(Flags::COUNTRY) || !cx.small_number(e) {
        return false;
    }
    let side_after = cx
        .tokens
        .get(e + 1)
        .is_some_and(|t| t.cap && !t.digit && t.gap == Gap::Space)
        && (e + 2..(e + 6).min(cx.tokens.len())).any(|k| cx.small_number(k));
    let side_before = i > 0 && cx.tokens[i].gap == Gap::Space && cx.small_number(i - 1);
    let table_row = (e..e + 4).all(|k| cx.small_number(k));
    side_after || side_before || table_row
}

/// A city next to a match verb, with a score close by, is a team:
/// "Liverpool beat Girona 3-1"; so is one before a team's role.
pub fn in_match_report(cx: &Cx, i: usize, e: usize) -> bool {
    // "Marseille coach Roberto De Zerbi": the team's people say it.
    if cx.word_after(e - 1).is_some_and(words::is_team_role) && !cx.flags(i).has(Flags::COUNTRY) {
        return true;
    }
    let cue = cx.word_before(i).is_some_and(words::is_sport_cue)
        || cx.word_after(e - 1).is_some_and(words::is_sport_cue);
    if !cue {
        return false;
    }
    // A score: two figures of up to three digits ("3-1", "112-104").
    let lo = i.saturating_sub(10);
    let hi = (e + 10).min(cx.tokens.len() - 1);
    (lo..hi).any(|k| {
        let (a, b) = (&cx.tokens[k], &cx.tokens[k + 1]);
        a.digit && b.digit && b.gap == Gap::Hyphen && a.end - a.start <= 3 && b.end - b.start <= 3
    })
}
