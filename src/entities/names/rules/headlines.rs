//! Headlines and other text in capitals, where case says nothing: only
//! names the lists know are taken, looked up as written and in title case
//! ("KYIV" -> "Kyiv").

use super::super::super::explain::{Basis, Rule, code, no, yes};
use super::super::super::gazetteer;
use super::super::super::tokens::Gap;
use super::super::super::words;
use super::super::super::{Entity, EntityKind};
use super::super::candidates::MAX_NAME_WORDS;
use super::super::context::Cx;
use super::{Ev, kind_of, sport};

pub static HEADLINE: Rule = Rule {
    id: "headline.known",
    about: "in a line of capitals, a name the lists know as written or in title case",
    examples: &[
        yes("[[PLACE:RUSSIA]] AND [[PLACE:UKRAINE]] RESUME TALKS IN [[PLACE:MIAMI]]"),
        yes("[[PLACE:KYIV]], Nov 26 — talks resumed"),
        no("TALKS RESUME TODAY"),
    ],
};

pub static CAPITALS: Rule = Rule {
    id: "capitals.known",
    about: "words in capitals outside a headline that, in title case, make a known name",
    examples: &[
        yes("[[PLACE:NEW YORK]] 1996-12-06\n\nShares rose."),
        no("W L PCT GB\n\nBoston 10 4"),
    ],
};

/// Tokens on one caps line form one run: reads it and returns its end.
pub fn headline(cx: &Cx, i: usize, out: &mut Vec<Entity>) -> usize {
    let mut end = i + 1;
    while end < cx.tokens.len() && cx.tokens[end].caps_line && cx.tokens[end].gap != Gap::Other {
        end += 1;
    }
    caps_segment(cx, i, end, code::HEADLINE, out);
    end
}

/// Two or more words in capitals starting at `i` that are, read in title
/// case, a known name of at least two words ("NEW YORK 1996-12-06", "ST
/// LOUIS AT DALLAS"): emits what they hold and returns where they end.
pub fn known_capitals(cx: &Cx, i: usize, out: &mut Vec<Entity>) -> Option<usize> {
    let upper = |k: usize| {
        cx.tokens
            .get(k)
            .is_some_and(|t| t.upper && (k == i || (t.gap == Gap::Space && !t.sentence_start)))
    };
    if !upper(i) || !upper(i + 1) {
        return None;
    }
    let mut end = i + 2;
    while upper(end) {
        end += 1;
    }
    let mut found = Vec::new();
    caps_segment(cx, i, end, code::CAPITALS, &mut found);
    let first = found.first()?;
    if first.start != cx.tokens[i].start || first.end <= cx.tokens[i].end {
        return None;
    }
    out.extend(found);
    Some(end)
}

/// The known names of [a, b), longest first, as written or in title case.
fn caps_segment(cx: &Cx, a: usize, b: usize, rule: u8, out: &mut Vec<Entity>) {
    let mut i = a;
    // One buffer for every key tried on the line.
    let mut key = String::new();
    while i < b {
        let mut best = None;
        key.clear();
        for j in i..b.min(i + MAX_NAME_WORDS) {
            if j > i {
                key.push(if cx.tokens[j].gap == Gap::Hyphen { '-' } else { ' ' });
            }
            push_title_case(cx.word(j), &mut key);
            let exact = gazetteer::lookup(cx.span(i, j));
            let titled = gazetteer::lookup(&key);
            if exact.is_named_kind() {
                best = Some((j + 1, exact));
            } else if titled.is_named_kind() {
                best = Some((j + 1, titled));
            }
            if !gazetteer::has_longer(&key) && !gazetteer::has_longer(cx.span(i, j)) {
                break;
            }
        }
        if let Some((e, flags)) = best {
            let mut kind = kind_of(flags);
            let mut evidence = Ev::list(flags);
            if kind == EntityKind::Place && sport::team_in_results(cx, i, e, flags) {
                kind = EntityKind::Org; // "HARTFORD 12 7 6 77 76 30"
                evidence = Ev::of(Basis::Score);
            }
            let (start, end) = cx.bytes_of(i, e);
            let why = evidence.stored(rule, start);
            out.push(Entity {
                start,
                end,
                kind,
                why,
            });
            i = e;
        } else {
            i += 1;
        }
    }
}

/// "KYIV" -> "Kyiv", "OF" -> "of" (connectors stay lowercase), "U.S." kept.
#[cfg(test)]
pub fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_title_case(word, &mut out);
    out
}

/// Appends `word` in title case to `out` (see `title_case`); the words of
/// a line share one buffer.
pub fn push_title_case(word: &str, out: &mut String) {
    for (n, part) in word.split(' ').enumerate() {
        if n > 0 {
            out.push(' ');
        }
        let lower = part.to_lowercase();
        if n > 0 && words::is_connector(&lower) {
            out.push_str(&lower);
            continue;
        }
        if part.contains('.') {
            out.push_str(part);
            continue;
        }
        let mut chars = lower.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
}
