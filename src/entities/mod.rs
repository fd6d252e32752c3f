//! Named entities: kinds, spans, and the recogniser that finds them with
//! bundled gazetteers and rules — no model, nothing to download.
//!
//! The recogniser is a pipeline, read top to bottom in [`recognise_on`]
//! and [`first_pass`]:
//!
//! 1. cut the text into pieces of whole blocks (`pieces.rs`);
//! 2. per-token facts: case, gaps, sentence starts (`tokens.rs`), what the
//!    lists say of each word (`gazetteer.rs`, asked once per token);
//! 3. candidate name spans (`names/candidates.rs`);
//! 4. the ordered, named rules that label them (`names/rules.rs`), dates
//!    and numbers by their patterns (`numeric.rs`);
//! 5. consistency within the briefing: what a name teaches, surnames,
//!    short forms, acronyms (`consistency.rs`);
//! 6. declared names over all (`declared.rs`), then emit: one sorted list
//!    (`emit.rs`). Each entity says why (`explain.rs`).

pub mod canonical;
mod consistency;
pub mod corrections;
mod declared;
mod emit;
mod entity;
pub mod explain;
pub mod gazetteer;
pub mod index;
mod lexicon_flags;
mod names;
mod numeric;
mod pieces;
pub mod summary;
mod tokens;
pub mod watch;
mod words;

pub use declared::Declared;
pub use emit::char_offsets;
pub(crate) use emit::merge;
pub use entity::{Entity, EntityKind};

use emit::{merge_sorted, shift, shift_back};
use pieces::chunks;
use std::borrow::Cow;
use std::ops::Range;

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
pub(crate) const NUMERIC_WHY: explain::Why = explain::Why::new(explain::code::NUMERIC, explain::Basis::Shape);

/// The rule of a code (`explain::code`); an unknown code is a given entity.
fn rule_of(c: u8) -> &'static explain::Rule {
    use explain::code;
    match c {
        code::HEADLINE..code::SURNAME => names::rule_of(c),
        code::SURNAME => &consistency::SURNAME,
        code::SHORT_FORM => &consistency::SHORT_FORM,
        code::MENTION => &consistency::MENTION,
        code::NUMERIC => &NUMERIC,
        code::DECLARED => &declared::DECLARED,
        code::CORRECTED => &corrections::CORRECTED,
        _ => &explain::GIVEN,
    }
}

/// Every rule of the recogniser, in the order its stages run them.
pub fn rules() -> impl Iterator<Item = &'static explain::Rule> {
    (explain::code::HEADLINE..explain::code::COUNT).map(rule_of)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_own_rule_and_entities_stay_small() {
        let ids: std::collections::HashSet<&str> = rules().map(|r| r.id).collect();
        assert_eq!(ids.len(), usize::from(explain::code::COUNT - 1));
        assert!(!ids.contains(explain::GIVEN.id));
        // The rule and evidence fill what was padding: 300,000 entities of
        // a 10 MB briefing cost no more than before.
        assert_eq!(std::mem::size_of::<Entity>(), 24);
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
}
