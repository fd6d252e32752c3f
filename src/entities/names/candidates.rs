//! Candidate name spans: where a run of capitalised words (with the
//! connectors that join them: "of", "van der", "&") starts and ends, the
//! longest known name at a word, and the facts each rule reads about the
//! word where it is tried.

use super::super::gazetteer::{self, Flags};
use super::super::tokens::Gap;
use super::context::Cx;
use super::rules::organisations;
use std::cell::Cell;

/// The longest gazetteer name that a sequence may hold, in words.
pub const MAX_NAME_WORDS: usize = 7;

/// What makes the next name a person, carried from one step of a
/// sequence to the next: a cue word before the sequence, or a title just
/// read ("President", "Gen."). Emitting a name uses it up.
#[derive(Debug, Clone, Copy)]
pub enum Cue {
    None,
    /// A word before the sequence: "envoy", "said" (its token).
    Before(usize),
    /// A title read inside the sequence, tokens [start, end), by this rule.
    Title(usize, usize, u8),
}

impl Cue {
    pub fn is_some(self) -> bool {
        !matches!(self, Self::None)
    }
}

/// A name word `i` inside the sequence [a, b), with what the rules ask
/// of it first.
pub struct At {
    pub a: usize,
    pub b: usize,
    pub i: usize,
    /// What the lists say of word `i`.
    pub flags: Flags,
    /// Where an organisation starting here would end by its words, and
    /// the word that says so.
    pub org: Option<(usize, usize)>,
    /// The longest known name of two or more words from here: its end and
    /// its flags.
    pub known: Option<(usize, Flags)>,
    pub cue: Cue,
    /// Where a run of unknown words from here ends (asked by several
    /// rules, found once).
    run: Cell<Option<usize>>,
}

impl At {
    pub fn new(cx: &Cx, a: usize, b: usize, i: usize, cue: Cue) -> Self {
        // "al-Shabaab": a known name whose article is written in lowercase.
        let particle = cx.tokens[i].gap == Gap::Hyphen && i > 0 && matches!(cx.word(i - 1), "al" | "el");
        let known = particle
            .then(|| gazetteer_at(cx, i - 1, b, 2))
            .flatten()
            .or_else(|| gazetteer_at(cx, i, b, 2));
        Self {
            a,
            b,
            i,
            flags: cx.flags(i),
            org: organisations::org_end(cx, i, b),
            known,
            cue,
            run: Cell::new(None),
        }
    }

    /// Where a run of unknown name words from here ends.
    pub fn run_end(&self, cx: &Cx) -> usize {
        self.run.get().unwrap_or_else(|| {
            let e = run_end(cx, self.i, self.b, false);
            self.run.set(Some(e));
            e
        })
    }
}

/// End (exclusive) of the capitalised sequence starting at `i`.
pub fn sequence_end(cx: &Cx, i: usize) -> usize {
    let mut j = i + 1;
    while j < cx.tokens.len() {
        let prev = &cx.tokens[j - 1];
        if prev.possessive && !possessive_inside(cx, j) {
            break;
        }
        let t = &cx.tokens[j];
        // "Keller & Amadi Capital": an ampersand joins a firm's name when
        // an organisation word follows soon after.
        let ampersand = &cx.text[prev.end..t.start] == " & "
            && cx.namey(j)
            && (j..(j + 3).min(cx.tokens.len())).any(|k| cx.namey(k) && cx.is_org_head(k));
        if ampersand {
            j += 1;
            continue;
        }
        if t.sentence_start || t.caps_line || !matches!(t.gap, Gap::Space | Gap::Hyphen) {
            break;
        }
        if cx.namey(j) {
            j += 1;
            continue;
        }
        // Up to two connectors, then a name word: "van der", "of the".
        let mut k = j;
        while k < cx.tokens.len()
            && k < j + 2
            && cx.is_connector(k)
            && matches!(cx.tokens[k].gap, Gap::Space | Gap::Hyphen)
            && !cx.tokens[k].possessive
        {
            k += 1;
        }
        let joins = k > j
            && k < cx.tokens.len()
            && matches!(cx.tokens[k].gap, Gap::Space | Gap::Hyphen)
            && !cx.tokens[k].sentence_start
            && cx.namey(k)
            && (!cx.is_weak_connector(j) || weak_connector_joins(cx, i, j));
        if joins {
            j = k + 1;
        } else {
            break;
        }
    }
    j
}

/// A possessive ends a name, except inside a party's or a union's own
/// name ("Republican People's Party"), a people's possessive opening a
/// longer name ("Sahel Women's Peace Network"), or a plural possessive
/// right before an organisation word ("Polish Airline Pilots' Union").
fn possessive_inside(cx: &Cx, j: usize) -> bool {
    if !cx.namey(j) {
        return false;
    }
    let own_name = matches!(
        cx.word(j),
        "Party"
            | "Union"
            | "Front"
            | "Movement"
            | "Units"
            | "League"
            | "Alliance"
            | "Bank"
            | "Republic"
            | "Army"
            | "Daily"
            | "Congress"
            | "Assembly"
    ) && matches!(
        cx.word(j - 1),
        "People"
            | "Workers"
            | "Women"
            | "Farmers"
            | "Peasants"
            | "Soldiers"
            | "Veterans"
            | "Students"
            | "Teachers"
            | "Citizens"
            | "Nurses"
            | "Miners"
            | "Children"
            | "Mothers"
    );
    let peoples = matches!(
        cx.word(j - 1),
        "Women" | "Workers" | "People" | "Farmers" | "Veterans" | "Children" | "Mothers" | "Students"
    ) && (j + 1..(j + 3).min(cx.tokens.len())).any(|k| cx.namey(k) && cx.is_org_head(k));
    let plural_own = cx.text[cx.tokens[j - 1].end..].starts_with("' ") && cx.is_org_head(j);
    own_name || peoples || plural_own
}

/// "of", "and", "the" join only inside organisation and place names.
fn weak_connector_joins(cx: &Cx, start: usize, conn: usize) -> bool {
    let left = cx.word(conn - 1);
    match cx.word(conn) {
        // "Procter & Gamble", "Keller & Amadi Capital".
        "&" => return true,
        // "and" joins only names that are known whole ("Bosnia and
        // Herzegovina"), never two organisations ("HDFC Bank and Axis Bank").
        "and" => {
            // "University of Texas and ...", "Florey Institute of
            // Neuroscience and Mental Health".
            let of_name = cx.word(conn + 1) != "the"
                && (start + 1..conn)
                    .any(|k| cx.word(k) == "of" && (cx.is_org_lead(k - 1) || cx.is_org_head(k - 1)));
            return of_name
                || and_joins_one_body(cx, conn)
                || gazetteer::has_longer(cx.span(conn - 1, conn))
                || gazetteer::has_longer(cx.span(start, conn));
        }
        _ => {}
    }
    if cx.is_org_lead(conn - 1) || cx.is_org_head(conn - 1) || cx.is_place_head(conn - 1) {
        return true;
    }
    // "Alianza para el Progreso", "Juntos por el Perú": a name opened by an
    // organisation's first word takes its connectors.
    if cx.is_org_opener(start) {
        return true;
    }
    // "Committee for Medicinal Products for Human Use", "Democratic Forces
    // for the Liberation of Rwanda": after a body's word, "of" and "for" go
    // on naming it.
    if matches!(cx.word(conn), "of" | "for") && (start..conn).any(|k| cx.is_org_lead(k) || cx.is_org_head(k))
    {
        return true;
    }
    if gazetteer::lookup(left).has(Flags::TITLE) || gazetteer::has_longer(cx.span(conn - 1, conn - 1)) {
        // "Secretary of State", "Bosnia and Herzegovina".
        return gazetteer::has_longer(cx.span(conn - 1, conn)) || gazetteer::has_longer(cx.span(start, conn));
    }
    gazetteer::has_longer(cx.span(start, conn))
}

/// "Monopolies and Mergers Commission", "Mines and Energy Ministry": the
/// "and" at `conn` links the subjects of one body, whose organisation word
/// follows within three words; the word before it names nothing itself
/// (not "HDFC Bank and Axis Bank", "Smith and Wesson").
fn and_joins_one_body(cx: &Cx, conn: usize) -> bool {
    let left = conn - 1;
    let lf = cx.flags(left);
    // The subjects are ordinary words ("Mines", "Trade"), not a firm's
    // acronym ("CMOC and Zijin Mining"); a lone organisation word opening
    // the name may be one ("Pharmaceuticals and Medical Devices Agency"), a
    // firm's name ending in one not.
    let lone_head = cx.is_org_head(left) && (left == 0 || !cx.namey(left - 1));
    if (cx.is_org_head(left) && !lone_head)
        || lf.is_named_kind()
        || lf.has(Flags::GIVEN | Flags::SURNAME | Flags::PERSON)
        || !cx.namey(left)
        || !cx.lower_flags(left).has(Flags::COMMON)
    {
        return false;
    }
    let end = (conn + 4).min(cx.tokens.len());
    (conn + 1..end)
        .take_while(|&k| cx.namey(k) && cx.tokens[k].gap == Gap::Space)
        .any(|k| cx.is_org_head(k))
}

/// The longest gazetteer entry of at least `min` words starting at `i` and
/// ending before `end`: its end (exclusive) and flags.
pub fn gazetteer_at(cx: &Cx, i: usize, end: usize, min: usize) -> Option<(usize, Flags)> {
    let mut best = None;
    let mut j = i;
    while j < end && j < i + MAX_NAME_WORDS {
        let flags = if j == i {
            cx.flags(i)
        } else {
            gazetteer::lookup(cx.span(i, j))
        };
        let person = j > i && flags.has(Flags::PERSON);
        if j + 1 - i >= min && (flags.is_named_kind() || flags.has(Flags::TITLE) || person) {
            best = Some((j + 1, flags));
        }
        if !flags.has(Flags::PREFIX) {
            break;
        }
        j += 1;
    }
    best
}

/// Where a run of unknown name words starting at `i` ends: before the next
/// word that starts a known name or a title.
pub fn run_end(cx: &Cx, i: usize, b: usize, person: bool) -> usize {
    let mut j = i + 1;
    while j < b {
        if cx.namey(j) {
            if gazetteer_at(cx, j, b, 2).is_some() {
                break;
            }
            let f = cx.flags(j);
            if f.has(Flags::TITLE) && !f.has(Flags::SURNAME) && (!person || j + 1 == b) {
                // A title after a name ("Ali Rıza Efendi") is not part of it.
                break;
            }
            if !person && f.is_named_kind() && !f.has(Flags::SURNAME) && !cx.is_org_head(j) {
                break;
            }
        }
        j += 1;
    }
    while j > i + 1 && !cx.namey(j - 1) {
        j -= 1;
    }
    j
}
