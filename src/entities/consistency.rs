//! Consistency within a briefing: what a name teaches the rest of it. A
//! person named in full owns their surname ("Witkoff" after "Steve
//! Witkoff"), a company its short form ("Barrick" after "Barrick Gold
//! Corp"), a body its bracketed acronym ("EU" after "European Union
//! (EU)"); every later mention of a known name is that name.

use super::explain::{Basis, Rule, Why, code, no, yes};
use super::gazetteer::{self, Flags};
use super::names::{Cx, push_title_case};
use super::tokens::{Gap, Token};
use super::words;
use super::{Entity, EntityKind};
use crate::hash::Fnv;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

pub static SURNAME: Rule = Rule {
    id: "consistency.surname",
    about: "the surname of a person named in full earlier, even where a list knows it as a place",
    examples: &[
        yes("Brian Lara scored a century. [[PERSON:Lara]] was out soon after."),
        no("Floods hit [[PLACE:Lara]] on Monday."),
    ],
};

pub static SHORT_FORM: Rule = Rule {
    id: "consistency.short-form",
    about: "the short form of a company named in full earlier",
    examples: &[yes("Zorblex Gold Corp rose. Output grew, [[ORG:Zorblex]] said.")],
};

pub static MENTION: Rule = Rule {
    id: "consistency.mention",
    about: "a name learned earlier in the briefing: in full, its surname, its acronym",
    examples: &[
        yes("Haruomi Vantek met them. Later [[PERSON:Vantek]] left."),
        no("Later, Witkoff confirmed it."),
    ],
};

/// Names already recognised somewhere in the text, with their kinds and
/// the piece of text where each was learned: the memory that makes a
/// briefing consistent with itself. The maps hash with FNV-1a: the names
/// are short and trusted to be few.
#[derive(Debug, Default)]
pub struct Known {
    names: HashMap<String, (EntityKind, usize), BuildHasherDefault<Fnv>>,
    /// Last words of people named in full ("Lara" after "Brian Lara"): such
    /// a word alone is that person, even where a list knows it as a place.
    surnames: HashSet<String, BuildHasherDefault<Fnv>>,
    /// First words of companies named in full ("Barrick" after "Barrick
    /// Gold Corp"): such a word alone is that organisation.
    short_orgs: HashSet<String, BuildHasherDefault<Fnv>>,
    /// Every name's beginnings, cut where a word ends ("Steve" of "Steve
    /// Witkoff"): a capitalised word that begins no name is looked up
    /// once, not with each of the three words after it.
    prefixes: HashSet<String, BuildHasherDefault<Fnv>>,
}

impl Known {
    fn add(&mut self, name: &str, kind: EntityKind, chunk: usize) {
        if !self.names.contains_key(name) {
            self.names.insert(name.to_owned(), (kind, chunk));
            // Cut at every char a gap between two words of a name may
            // start with (a space, a hyphen, the stop of "Gen."): more
            // beginnings than there are do no harm, a missing one would.
            for (at, _) in name.match_indices([' ', '\u{a0}', '-', '\u{2011}', '.']) {
                if at > 0 && !self.prefixes.contains(&name[..at]) {
                    self.prefixes.insert(name[..at].to_owned());
                }
            }
        }
    }

    /// Learns, from the entities of piece `chunk` (offsets into `text`),
    /// every mention's text; a person's surname alone; and an acronym given
    /// in brackets right after an organisation or place.
    pub fn learn(&mut self, text: &str, entities: &[Entity], chunk: usize) {
        for e in entities {
            let name = &text[e.start..e.end];
            // What a name teaches beyond itself (its surname, its short
            // form) is learned once: names repeat, and this runs for every
            // mention.
            let seen = self.get(name) == Some(e.kind);
            if !seen {
                self.add(name, e.kind, chunk);
            }
            if !seen && e.kind == EntityKind::Person {
                self.learn_surname(name, chunk);
            }
            if !seen && e.kind == EntityKind::Org {
                // A one-word organisation ("Kaveri", "Barcelona" the club):
                // its other mentions are it too, where no place word says
                // otherwise.
                let single = !name.contains(' ') && name.chars().any(char::is_lowercase);
                if let Some(short) = short_name(name).or(single.then_some(name)) {
                    self.add(short, EntityKind::Org, chunk);
                    if !self.short_orgs.contains(short) {
                        self.short_orgs.insert(short.to_owned());
                    }
                }
            }
            if matches!(e.kind, EntityKind::Org | EntityKind::Place)
                && let Some(rest) = text[e.end..].strip_prefix(" (")
                && let Some((acronym, _)) = rest.split_once(')')
                && acronym.len() >= 2
                && acronym.len() <= 8
                && acronym.chars().all(|c| c.is_ascii_uppercase() || c == '.')
            {
                self.add(acronym, e.kind, chunk);
            }
        }
    }

    /// A person's last word, and "Al-Sharaa" for "al-Sharaa" (as written
    /// at a sentence start).
    fn learn_surname(&mut self, name: &str, chunk: usize) {
        let Some((_, last)) = name.rsplit_once(' ') else {
            return;
        };
        if last.chars().count() > 2 && last.starts_with(char::is_uppercase) {
            self.add(last, EntityKind::Person, chunk);
            if !self.surnames.contains(last) {
                self.surnames.insert(last.to_owned());
            }
        }
        for particle in ["al-", "el-"] {
            if let Some(rest) = last.strip_prefix(particle) {
                let mut capital = particle[..1].to_uppercase();
                capital.push_str(&particle[1..]);
                capital.push_str(rest);
                self.add(&capital, EntityKind::Person, chunk);
            }
        }
    }

    fn get(&self, name: &str) -> Option<EntityKind> {
        self.names.get(name).map(|(k, _)| *k)
    }

    /// Adds what `other` learned and this did not (this one's kinds win:
    /// it read the earlier part of the text).
    pub fn absorb(&mut self, other: Self) {
        for (name, entry) in other.names {
            self.names.entry(name).or_insert(entry);
        }
        self.surnames.extend(other.surnames);
        self.short_orgs.extend(other.short_orgs);
        self.prefixes.extend(other.prefixes);
    }

    /// The piece where a name was learned.
    pub fn learned_in(&self, name: &str) -> Option<usize> {
        self.names.get(name).map(|(_, c)| *c)
    }
}

/// Adds the mentions of known names that the rules alone missed in this
/// piece of text: after "Steve Witkoff", "Witkoff"; after "European Union
/// (EU)", "EU". New mentions are appended unsorted; callers sort.
///
/// Returns the capitalised words left without an entity (byte ranges), so
/// the caller can tell whether a name learned later may concern them.
pub fn make_consistent(
    text: &str,
    tokens: &[Token],
    known: &Known,
    found: &mut Vec<Entity>,
) -> Vec<std::ops::Range<usize>> {
    let cx = Cx::bare(text, tokens);
    // Both passes below walk the tokens once, in the entities' order.
    if !found.is_sorted() {
        found.sort_unstable();
    }
    relabel(&cx, known, found);
    mentions(&cx, known, found)
}

/// "Lara" after "Brian Lara" is the batsman, not the Venezuelan state: a
/// person named in full owns their surname in this text, unless a place
/// word leads it ("in Lara"). Likewise "Barrick said" after "Barrick Gold
/// Corp" is the company.
fn relabel(cx: &Cx, known: &Known, found: &mut [Entity]) {
    if known.surnames.is_empty() && known.short_orgs.is_empty() {
        return;
    }
    let mut ti = 0;
    for e in found.iter_mut() {
        if matches!(e.kind, EntityKind::Group | EntityKind::Date | EntityKind::Number) {
            continue;
        }
        while ti < cx.tokens.len() && cx.tokens[ti].end < e.end {
            ti += 1;
        }
        let single = cx
            .tokens
            .get(ti)
            .is_some_and(|t| t.start == e.start && t.end == e.end);
        if !single || cx.word_before(ti).is_some_and(words::is_strong_place_cue) {
            continue;
        }
        let word = &cx.text[e.start..e.end];
        if e.kind == EntityKind::Place && known.surnames.contains(word) {
            e.kind = EntityKind::Person;
            e.why = Why::new(code::SURNAME, Basis::Mention);
        } else if e.kind != EntityKind::Org
            && known.short_orgs.contains(word)
            && !known.surnames.contains(word)
        {
            e.kind = EntityKind::Org;
            e.why = Why::new(code::SHORT_FORM, Basis::Mention);
        }
    }
}

/// Once a name is known, its other uncovered mentions are too: the
/// longest known name of up to four uncovered words.
fn mentions(cx: &Cx, known: &Known, found: &mut Vec<Entity>) -> Vec<std::ops::Range<usize>> {
    let tokens = cx.tokens;
    let mut unresolved = Vec::new();
    let mut covered = vec![false; tokens.len()];
    let mut ti = 0;
    for e in found.iter() {
        while ti < tokens.len() && tokens[ti].end <= e.start {
            ti += 1;
        }
        let mut k = ti;
        while k < tokens.len() && tokens[k].start < e.end {
            covered[k] = true;
            k += 1;
        }
    }
    let mut extra = Vec::new();
    // Headline words are also looked up in title case, made here.
    let mut titled = String::new();
    let mut i = 0;
    while i < tokens.len() {
        if covered[i] || !tokens[i].cap {
            i += 1;
            continue;
        }
        let mut hit = None;
        for (j, &is_covered) in covered.iter().enumerate().take((i + 4).min(tokens.len())).skip(i) {
            if is_covered || (j > i && !matches!(tokens[j].gap, Gap::Space | Gap::Hyphen)) {
                break;
            }
            if known.names.is_empty() {
                break;
            }
            let key = cx.span(i, j);
            if let Some(kind) = known.get(key) {
                hit = Some((j + 1, kind));
            } else if tokens[i].caps_line {
                titled.clear();
                push_title_case(key, &mut titled);
                if let Some(kind) = known.get(&titled) {
                    hit = Some((j + 1, kind));
                }
            }
            // No known name goes on past these words (headlines are
            // looked up in title case too: read on there).
            if tokens[j].possessive || (!tokens[i].caps_line && !known.prefixes.contains(key)) {
                break;
            }
        }
        if let Some((e, kind)) = hit {
            let (start, end) = cx.bytes_of(i, e);
            let why = Why::new(code::MENTION, Basis::Mention);
            extra.push(Entity {
                start,
                end,
                kind,
                why,
            });
            i = e;
        } else {
            unresolved.push(tokens[i].start..tokens[i].end);
            i += 1;
        }
    }
    found.extend(extra);
    unresolved
}

/// The short form a company goes by, from its full name: the first word of
/// a name that ends in a company word ("Barrick Gold Corp" -> "Barrick",
/// "Bre-X Minerals Ltd" -> "Bre-X"), when no list knows that word as
/// anything else (not "Deutsche", "Moscow", "Morgan" or "General").
fn short_name(name: &str) -> Option<&str> {
    let mut words_of = name.split(' ');
    let first = words_of.next()?;
    let last = name.rsplit(' ').next()?;
    let corporate = matches!(
        last,
        "Corp"
            | "Corp."
            | "Inc"
            | "Inc."
            | "Ltd"
            | "Ltd."
            | "Plc"
            | "plc"
            | "PLC"
            | "AG"
            | "SA"
            | "NV"
            | "Co"
            | "Co."
            | "LLC"
            | "GmbH"
            | "Holdings"
            | "Group"
            | "Corporation"
            | "Limited"
            | "Company"
            | "Biopharma"
            | "Pharmaceutical"
            | "Pharmaceuticals"
            | "Therapeutics"
            | "Mining"
            | "Minerals"
            | "Resources"
    );
    if !corporate || words_of.next().is_none() || first.chars().count() < 3 {
        return None;
    }
    let known = gazetteer::lookup(first);
    if !first.starts_with(char::is_uppercase)
        || known.is_named_kind()
        || known.has(Flags::GIVEN | Flags::GIVEN_AMBIGUOUS | Flags::TITLE)
        || gazetteer::lookup_lower(first).has(Flags::COMMON)
    {
        return None;
    }
    Some(first)
}
