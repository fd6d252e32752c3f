//! Named entities: kinds, spans, and the recogniser that finds them with
//! bundled gazetteers and rules — no model, nothing to download.

pub mod canonical;
mod consistency;
mod declared;
pub mod explain;
pub mod gazetteer;
pub mod index;
mod lexicon_flags;
mod names;
mod numeric;
pub mod summary;
mod tokens;
pub mod watch;
mod words;

pub use declared::Declared;

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// The kinds of entity `brief` tells apart (SPEC §4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    Person,
    Org,
    Place,
    Group,
    Date,
    Number,
}

impl EntityKind {
    pub const ALL: [Self; 6] = [
        Self::Person,
        Self::Org,
        Self::Place,
        Self::Group,
        Self::Date,
        Self::Number,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "PERSON",
            Self::Org => "ORG",
            Self::Place => "PLACE",
            Self::Group => "GROUP",
            Self::Date => "DATE",
            Self::Number => "NUMBER",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityKind {
    type Err = String;
    /// Accepts our names and the usual aliases of other tools (GPE, LOC,
    /// NORP, PER), so declared entities from other pipelines work.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "PERSON" | "PER" | "PEOPLE" | "PERSONS" => Ok(Self::Person),
            "ORG" | "ORGANIZATION" | "ORGANISATION" | "ORGS" => Ok(Self::Org),
            "PLACE" | "PLACES" | "LOC" | "LOCATION" | "GPE" => Ok(Self::Place),
            "GROUP" | "GROUPS" | "NORP" => Ok(Self::Group),
            "DATE" | "DATES" | "TIME" => Ok(Self::Date),
            "NUMBER" | "NUMBERS" | "CARDINAL" | "MONEY" | "PERCENT" | "QUANTITY" => Ok(Self::Number),
            other => Err(format!(
                "unknown entity kind '{other}' (expected PERSON, ORG, PLACE, GROUP, DATE or NUMBER)"
            )),
        }
    }
}

/// One mention: a byte range of the text, its kind, and why.
///
/// Two mentions are equal, and ordered, by range and kind alone: `why` is
/// what the recogniser says of a mention, not part of which one it is.
#[derive(Debug, Clone, Copy)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub why: explain::Why,
}

impl Entity {
    /// A mention made outside the recogniser (a caller's own list, a test).
    pub fn new(start: usize, end: usize, kind: EntityKind) -> Self {
        Self {
            start,
            end,
            kind,
            why: explain::Why::by(&explain::GIVEN),
        }
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The id of the rule that decided this mention ("person.title").
    pub fn rule(&self) -> &'static str {
        self.why.rule.id
    }

    /// Why this mention is what it is, in one line (for the reader's `i`).
    pub fn why(&self, text: &str) -> String {
        explain::describe(text, self)
    }

    fn key(&self) -> (usize, usize, EntityKind) {
        (self.start, self.end, self.kind)
    }
}

impl PartialEq for Entity {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Entity {}

impl PartialOrd for Entity {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entity {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// Dates and numbers, found by their patterns (`numeric.rs`).
pub static NUMERIC: explain::Rule = explain::Rule {
    id: "numeric.pattern",
    about: "a date, a duration, an amount or a figure, by its pattern",
    examples: &[
        explain::yes("The talks ended on [[DATE:Tuesday]] after [[DATE:three days]]."),
        explain::yes("Aid of [[NUMBER:$4.2 billion]] was pledged."),
    ],
};

/// Why every date and number is one.
pub(crate) const NUMERIC_WHY: explain::Why =
    explain::Why::new(&NUMERIC, explain::Evidence::of(explain::Basis::Shape));

/// Every rule of the recogniser, in the order its stages run them.
pub fn rules() -> impl Iterator<Item = &'static explain::Rule> {
    names::rules().chain([
        &consistency::SURNAME,
        &consistency::SHORT_FORM,
        &consistency::MENTION,
        &NUMERIC,
        &declared::DECLARED,
    ])
}

/// Finds the entities of `text`. `block_starts` are offsets where a block
/// (heading, paragraph, item) starts; `declared` names win over recognised
/// ones. The result is sorted and free of overlaps.
///
/// The text is read one block at a time (tokens are never held for the
/// whole text, so a 10 MB briefing needs little memory), learning names as
/// it goes; the few blocks that mention a name learned only further on are
/// read once more.
pub fn recognise(text: &str, block_starts: &[usize], declared: &Declared) -> Vec<Entity> {
    recognise_in(text, block_starts, &|r| Cow::Borrowed(&text[r]), &[declared])
}

/// The prose of a range of the text (same length, markup blanked), asked
/// for a piece at a time so that it is never held whole.
pub type ProseOf<'a> = dyn Fn(Range<usize>) -> Cow<'a, str> + Sync + 'a;

/// [`recognise`] over a source whose prose is made piece by piece (a
/// Markdown body: see `Document::prose_of`). `declared` sets win in order,
/// the last over all (front matter, then the watchlist).
pub fn recognise_in(
    raw: &str,
    block_starts: &[usize],
    prose: &ProseOf<'_>,
    declared: &[&Declared],
) -> Vec<Entity> {
    let threads = if raw.len() >= PARALLEL_FROM {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(2))
    } else {
        1
    };
    recognise_on(raw, block_starts, prose, declared, threads)
}

/// [`recognise_in`] on one or two threads: a big text is read in two
/// halves, each learning its own names; the second pass makes them
/// consistent, so the result is the same either way.
fn recognise_on(
    raw: &str,
    block_starts: &[usize],
    prose: &ProseOf<'_>,
    declared: &[&Declared],
    threads: usize,
) -> Vec<Entity> {
    let pieces = chunks(raw, block_starts);
    let threads = if pieces.len() >= 4 { threads } else { 1 };
    let split = if threads > 1 {
        pieces.len() / 2
    } else {
        pieces.len()
    };
    let (first, second) = pieces.split_at(split);
    let (mut a, b) = if second.is_empty() {
        (first_pass(prose, first, 0, declared), None)
    } else {
        std::thread::scope(|scope| {
            let other = scope.spawn(|| first_pass(prose, second, split, declared));
            let mine = first_pass(prose, first, 0, declared);
            (mine, other.join().ok())
        })
    };
    let mut halves = vec![0];
    if let Some(b) = b {
        halves.push(split);
        a.known.absorb(b.known);
        // Exactly the room needed: a doubling here would, for a moment,
        // hold three copies of a 10 MB briefing's entities.
        a.found.reserve_exact(b.found.len());
        a.found.extend(b.found);
        a.unresolved.extend(b.unresolved);
    }
    let FirstPass {
        known,
        mut found,
        unresolved,
    } = a;
    // A capitalised word left alone in a piece may be a name that piece's
    // pass could not know: learned further on ("Witkoff said…" before
    // "Steve Witkoff"), or in the other half. Those few pieces are read
    // again, for consistency alone; that only ever adds mentions.
    let mut extra = Vec::new();
    let mut at = 0;
    for (index, (r, starts)) in pieces.iter().enumerate() {
        let begin = at;
        while at < found.len() && found[at].start < r.end {
            at += 1;
        }
        if unresolved[index].is_empty() {
            continue;
        }
        let half_start = halves.iter().rev().find(|&&h| h <= index).copied().unwrap_or(0);
        let chunk = prose(r.clone());
        let unseen = |c: usize| c > index || c < half_start;
        if !unresolved[index]
            .iter()
            .any(|w| known.learned_in(&chunk[w.clone()]).is_some_and(unseen))
        {
            continue;
        }
        let toks = tokens::tokenize(&chunk, starts);
        let mut local = found[begin..at].to_vec();
        shift_back(&mut local, r.start);
        let before = local.len();
        let _ = consistency::make_consistent(&chunk, &toks, &known, &mut local);
        let mut added = local.split_off(before);
        shift(&mut added, r.start);
        extra.extend(added);
    }
    merge_sorted(&mut found, extra);
    found
}

/// Texts from this size up are read on two threads.
const PARALLEL_FROM: usize = 2 * 1024 * 1024;

/// What one pass over a run of pieces found and learned: the entities of
/// all its pieces in one sorted list (no list per piece), and per piece the
/// capitalised words left without an entity.
struct FirstPass {
    known: consistency::Known,
    found: Vec<Entity>,
    unresolved: Vec<Vec<Range<usize>>>,
}

/// Reads pieces in order (`first` is the index of the first of them),
/// learning names as it goes.
fn first_pass(
    prose: &ProseOf<'_>,
    pieces: &[(Range<usize>, Vec<usize>)],
    first: usize,
    declared: &[&Declared],
) -> FirstPass {
    let mut pass = FirstPass {
        known: consistency::Known::default(),
        found: Vec::new(),
        unresolved: Vec::with_capacity(pieces.len()),
    };
    for (offset, (r, starts)) in pieces.iter().enumerate() {
        let chunk = prose(r.clone());
        let toks = tokens::tokenize(&chunk, starts);
        let mut found = names::find(&chunk, &toks);
        pass.known.learn(&chunk, &found, first + offset);
        let before = found.len();
        let open = consistency::make_consistent(&chunk, &toks, &pass.known, &mut found);
        let added = found.split_off(before);
        merge_sorted(&mut found, added);
        let dates = numeric::find(&chunk, &toks);
        let mut merged = merge(found, dates);
        for d in declared {
            merged = d.apply(&chunk, merged);
        }
        shift(&mut merged, r.start);
        pass.found.extend(merged);
        pass.unresolved.push(open);
    }
    // Growth by doubling leaves up to half the list unused; give it back.
    pass.found.shrink_to_fit();
    pass
}

/// Merges `extra` into the sorted `found`, keeping it sorted: the same
/// result as appending and sorting, in one pass from the back and with no
/// room beyond the merged list itself (a 10 MB briefing has 300,000
/// entities; sorting them whole cost more than finding some).
fn merge_sorted(found: &mut Vec<Entity>, mut extra: Vec<Entity>) {
    let Some(&filler) = extra.first() else {
        return;
    };
    extra.sort_unstable();
    let (mut i, mut j) = (found.len(), extra.len());
    found.resize(i + j, filler);
    let mut k = found.len();
    while j > 0 {
        k -= 1;
        if i > 0 && found[i - 1] > extra[j - 1] {
            found[k] = found[i - 1];
            i -= 1;
        } else {
            found[k] = extra[j - 1];
            j -= 1;
        }
    }
}

fn shift_back(entities: &mut [Entity], by: usize) {
    for e in entities {
        e.start -= by;
        e.end -= by;
    }
}

fn shift(entities: &mut [Entity], by: usize) {
    for e in entities {
        e.start += by;
        e.end += by;
    }
}

/// Largest piece of text tokenised at once when a block is huge.
const MAX_CHUNK: usize = 64 * 1024;

/// Pieces of about this size are read at once: big enough that per-piece
/// work is small, small enough that tokens never pile up.
const PIECE: usize = 4 * 1024;

/// Splits the text into pieces of whole blocks (blank lines when no block
/// starts are known), each under `MAX_CHUNK` (a huge block is cut at a line
/// break or space), with the block starts inside each piece, relative to it.
fn chunks(text: &str, block_starts: &[usize]) -> Vec<(std::ops::Range<usize>, Vec<usize>)> {
    let mut cuts: Vec<usize> = block_starts
        .iter()
        .copied()
        .filter(|&s| s > 0 && s < text.len())
        .collect();
    if cuts.is_empty() {
        cuts.extend(
            text.match_indices("\n\n")
                .map(|(i, _)| i + 2)
                .filter(|&i| i < text.len()),
        );
    }
    cuts.push(text.len());
    let mut blocks = Vec::with_capacity(cuts.len());
    let mut start = 0;
    for cut in cuts {
        while cut - start > MAX_CHUNK {
            let limit = floor_char(text, start + MAX_CHUNK);
            let piece = &text[start..limit];
            let at = piece
                .rfind('\n')
                .or_else(|| piece.rfind(' '))
                .map_or(limit, |p| start + p + 1);
            let at = if at <= start { limit } else { at };
            blocks.push(start..at);
            start = at;
        }
        if cut > start {
            blocks.push(start..cut);
            start = cut;
        }
    }
    let mut out: Vec<(std::ops::Range<usize>, Vec<usize>)> = Vec::new();
    for b in blocks {
        match out.last_mut() {
            Some((r, starts)) if b.end - r.start <= PIECE => {
                starts.push(b.start - r.start);
                r.end = b.end;
            }
            _ => out.push((b, vec![0])),
        }
    }
    out
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Adds `extra` entities where they overlap nothing already in `base`.
pub(crate) fn merge(base: Vec<Entity>, extra: Vec<Entity>) -> Vec<Entity> {
    let mut out = Vec::with_capacity(base.len() + extra.len());
    let mut b = base.into_iter().peekable();
    let mut last_end = 0;
    let mut extra = extra.into_iter().peekable();
    loop {
        let take_base = match (b.peek(), extra.peek()) {
            (Some(x), Some(y)) => x.start <= y.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if take_base {
            if let Some(x) = b.next() {
                // Drop already-pushed extras that this base entity overlaps.
                while out.last().is_some_and(|l: &Entity| l.end > x.start) {
                    out.pop();
                }
                last_end = x.end;
                out.push(x);
            }
        } else if let Some(y) = extra.next() {
            let clashes_next = b.peek().is_some_and(|x| x.start < y.end);
            if y.start >= last_end && !clashes_next {
                last_end = y.end;
                out.push(y);
            }
        }
    }
    out
}

/// Converts byte offsets to char offsets (SPEC §4.4) for sorted entities in
/// one pass over the text.
pub fn char_offsets(text: &str, entities: &[Entity]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(entities.len());
    let mut byte = 0;
    let mut chars = 0;
    let advance = |to: usize, byte: &mut usize, chars: &mut usize| {
        if to >= *byte {
            *chars += text[*byte..to].chars().count();
        } else {
            *chars -= text[to..*byte].chars().count();
        }
        *byte = to;
    };
    for e in entities {
        advance(e.start, &mut byte, &mut chars);
        let s = chars;
        advance(e.end, &mut byte, &mut chars);
        out.push((s, chars));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(start: usize, end: usize, kind: EntityKind) -> Entity {
        Entity::new(start, end, kind)
    }

    #[test]
    fn two_threads_find_what_one_finds() {
        let text = crate::test_support::bundled_bodies().repeat(6);
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices("\n\n").map(|(i, _)| i + 2))
            .collect();
        let prose = |r: Range<usize>| Cow::Borrowed(&text[r]);
        let none = Declared::default();
        let one = recognise_on(&text, &starts, &prose, &[&none], 1);
        let two = recognise_on(&text, &starts, &prose, &[&none], 2);
        assert!(one.len() > 1000);
        assert_eq!(one, two);
    }

    #[test]
    fn merging_sorted_lists_equals_sorting_them_together() {
        let k = EntityKind::Place;
        let found = vec![e(0, 2, k), e(5, 7, k), e(9, 12, k), e(20, 22, k)];
        for extra in [
            vec![],
            vec![e(30, 31, k)],
            vec![e(1, 1, k)],
            vec![e(14, 15, k), e(3, 4, k), e(25, 26, k), e(5, 7, k)],
        ] {
            let mut expected = found.clone();
            expected.extend(extra.iter().copied());
            expected.sort_unstable();
            let mut got = found.clone();
            merge_sorted(&mut got, extra);
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn kinds_parse_with_aliases() {
        assert_eq!("gpe".parse::<EntityKind>(), Ok(EntityKind::Place));
        assert_eq!("NORP".parse::<EntityKind>(), Ok(EntityKind::Group));
        assert!(
            "thing"
                .parse::<EntityKind>()
                .unwrap_err()
                .contains("unknown entity kind")
        );
    }

    #[test]
    fn merge_keeps_base_and_non_overlapping_extras() {
        let base = vec![e(0, 5, EntityKind::Person), e(10, 15, EntityKind::Place)];
        let extra = vec![
            e(3, 7, EntityKind::Date),
            e(6, 9, EntityKind::Number),
            e(14, 20, EntityKind::Date),
        ];
        assert_eq!(
            merge(base, extra),
            [
                e(0, 5, EntityKind::Person),
                e(6, 9, EntityKind::Number),
                e(10, 15, EntityKind::Place)
            ]
        );
    }

    #[test]
    fn char_offsets_count_chars_not_bytes() {
        let text = "Zürich – Kyiv";
        let ents = [e(0, 7, EntityKind::Place), e(12, 16, EntityKind::Place)];
        assert_eq!(&text[12..16], "Kyiv");
        assert_eq!(char_offsets(text, &ents), [(0, 6), (9, 13)]);
    }
}
