//! Where a note sits: the anchor saved with it, and how the paragraph is
//! found again after the briefing changes.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How many characters of the neighbouring paragraphs an anchor keeps.
const CONTEXT_CHARS: usize = 32;
/// A quote at least this long (in chars) also matches a paragraph that
/// contains it whole (the paragraph grew or was merged with another).
const MIN_CONTAINED_QUOTE: usize = 20;
/// The least similarity for a fuzzy match.
pub const FUZZY_THRESHOLD: f64 = 0.6;

/// The paragraph a note annotates, saved so that it can be found again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The paragraph's index when the anchor was made.
    pub ordinal: usize,
    /// The exact paragraph text.
    pub quote: String,
    /// Up to 32 chars of the end of the previous paragraph.
    pub prefix: String,
    /// Up to 32 chars of the start of the next paragraph.
    pub suffix: String,
    /// [`fingerprint`] of `quote`.
    pub fingerprint: String,
}

impl Anchor {
    /// The anchor of paragraph `ordinal`; out of range gives an empty quote.
    pub fn new(paragraphs: &[String], ordinal: usize) -> Self {
        let quote = paragraphs.get(ordinal).cloned().unwrap_or_default();
        let prefix = ordinal
            .checked_sub(1)
            .and_then(|i| paragraphs.get(i))
            .map(|p| last_chars(p, CONTEXT_CHARS))
            .unwrap_or_default();
        let suffix = paragraphs
            .get(ordinal + 1)
            .map(|p| p.chars().take(CONTEXT_CHARS).collect())
            .unwrap_or_default();
        Self {
            ordinal,
            fingerprint: fingerprint(&quote),
            quote,
            prefix,
            suffix,
        }
    }
}

fn last_chars(text: &str, n: usize) -> String {
    let skip = text.chars().count().saturating_sub(n);
    text.chars().skip(skip).collect()
}

/// 64-bit FNV-1a of the text's UTF-8 bytes, as 16 lowercase hex digits.
/// Stable across platforms and versions: it is saved in notes files.
pub fn fingerprint(text: &str) -> String {
    format!("{:016x}", crate::hash::fnv1a(text.as_bytes()))
}

/// Where a note's paragraph is in the current briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// At this paragraph ordinal.
    Attached(usize),
    /// Not found; the note is kept and shown apart.
    Detached,
}

/// Finds the anchor's paragraph among `paragraphs`, in three steps:
///
/// 1. by fingerprint: the same text anywhere;
/// 2. by quote: the same text up to whitespace, or (for a quote of 20 chars
///    or more) a paragraph that contains the quote whole;
/// 3. by fuzzy match: the paragraph with the best [`similarity`], if at least
///    [`FUZZY_THRESHOLD`].
///
/// Among equal candidates, one whose neighbours still match the saved
/// prefix/suffix wins, then the one nearest the old ordinal. Blank paragraphs
/// never match.
pub fn place(anchor: &Anchor, paragraphs: &[String]) -> Placement {
    let candidates = |matches: &dyn Fn(&str) -> bool| {
        let found: Vec<usize> = (0..paragraphs.len())
            .filter(|&i| !paragraphs[i].trim().is_empty() && matches(&paragraphs[i]))
            .collect();
        found.into_iter().min_by_key(|&i| {
            let context = context_score(anchor, paragraphs, i);
            (std::cmp::Reverse(context), i.abs_diff(anchor.ordinal))
        })
    };

    if !anchor.fingerprint.is_empty()
        && let Some(i) = candidates(&|p| fingerprint(p) == anchor.fingerprint)
    {
        return Placement::Attached(i);
    }

    let quote = normalise_ws(&anchor.quote);
    if quote.is_empty() {
        // Written on a block with no text (an empty heading): it has nothing
        // to be found by but its place, which it keeps while that block is
        // still there and still empty.
        return match paragraphs.get(anchor.ordinal) {
            Some(p) if p.trim().is_empty() => Placement::Attached(anchor.ordinal),
            _ => Placement::Detached,
        };
    }
    let contained_ok = quote.chars().count() >= MIN_CONTAINED_QUOTE;
    let by_quote = candidates(&|p| {
        let p = normalise_ws(p);
        p == quote || (contained_ok && p.contains(&quote))
    });
    if let Some(i) = by_quote {
        return Placement::Attached(i);
    }

    let mut best: Option<(f64, usize)> = None;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let score = similarity(&anchor.quote, paragraph);
        if score < FUZZY_THRESHOLD {
            continue;
        }
        let distance = i.abs_diff(anchor.ordinal);
        let better = best.is_none_or(|(s, j)| {
            let nearer = j.abs_diff(anchor.ordinal).cmp(&distance);
            score.total_cmp(&s).then(nearer).is_gt()
        });
        if better {
            best = Some((score, i));
        }
    }
    best.map_or(Placement::Detached, |(_, i)| Placement::Attached(i))
}

/// How many of the saved prefix and suffix still border paragraph `i`.
fn context_score(anchor: &Anchor, paragraphs: &[String], i: usize) -> u8 {
    let before = i.checked_sub(1).and_then(|j| paragraphs.get(j));
    let after = paragraphs.get(i + 1);
    let prefix_ok = !anchor.prefix.is_empty() && before.is_some_and(|p| p.ends_with(&anchor.prefix));
    let suffix_ok = !anchor.suffix.is_empty() && after.is_some_and(|p| p.starts_with(&anchor.suffix));
    u8::from(prefix_ok) + u8::from(suffix_ok)
}

fn normalise_ws(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Word-set Jaccard similarity in 0..=1: shared words over all words,
/// case-insensitive, punctuation ignored. Texts without words score 0.
pub fn similarity(a: &str, b: &str) -> f64 {
    let words = |text: &str| -> HashSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_on_an_empty_block_stays_on_it() {
        let paragraphs: Vec<String> = vec!["Title".into(), String::new(), "Body text here.".into()];
        let anchor = Anchor::new(&paragraphs, 1);
        assert_eq!(place(&anchor, &paragraphs), Placement::Attached(1));
        let filled: Vec<String> = vec!["Title".into(), "Now a heading".into(), "Body text here.".into()];
        assert_eq!(place(&anchor, &filled), Placement::Detached, "its block changed");
    }

    fn paras(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_string()).collect()
    }

    fn doc() -> Vec<String> {
        paras(&[
            "Ministers meet in Brussels today to discuss the energy package.",
            "The talks are expected to run late into the night.",
            "Markets opened flat on Monday morning in Asia and Europe.",
        ])
    }

    #[test]
    fn fingerprint_is_fnv1a() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn anchor_keeps_context_in_chars() {
        let p = paras(&["é".repeat(40).as_str(), "middle", &"ü".repeat(40)]);
        let a = Anchor::new(&p, 1);
        assert_eq!(a.quote, "middle");
        assert_eq!(a.prefix, "é".repeat(32));
        assert_eq!(a.suffix, "ü".repeat(32));
        assert_eq!(a.fingerprint, fingerprint("middle"));
        let first = Anchor::new(&p, 0);
        assert_eq!((first.prefix.as_str(), first.suffix.as_str()), ("", "middle"));
        assert_eq!(Anchor::new(&p, 9).quote, "");
    }

    #[test]
    fn unchanged_stays() {
        let a = Anchor::new(&doc(), 1);
        assert_eq!(place(&a, &doc()), Placement::Attached(1));
    }

    #[test]
    fn moved_follows_fingerprint() {
        let a = Anchor::new(&doc(), 1);
        let mut moved = doc();
        moved.insert(0, "A new opening paragraph.".into());
        moved.swap(2, 3);
        assert_eq!(place(&a, &moved), Placement::Attached(3));
    }

    #[test]
    fn duplicate_text_prefers_context_then_nearest() {
        let p = paras(&["x", "Same.", "y", "Same.", "z"]);
        assert_eq!(place(&Anchor::new(&p, 3), &p), Placement::Attached(3));
        let mut a = Anchor::new(&p, 3);
        (a.prefix, a.suffix) = (String::new(), String::new());
        a.ordinal = 2;
        assert_eq!(place(&a, &p), Placement::Attached(1));
    }

    #[test]
    fn quote_matches_despite_whitespace_or_growth() {
        let a = Anchor::new(&doc(), 1);
        let mut p = doc();
        p[1] = "The talks  are expected\nto run late into the night.".into();
        assert_eq!(place(&a, &p), Placement::Attached(1));
        let mut merged = doc();
        merged[0] = format!("{} {}", merged[0], merged[1]);
        merged.remove(1);
        assert_eq!(place(&a, &merged), Placement::Attached(0));
    }

    #[test]
    fn edited_slightly_matches_fuzzily() {
        let a = Anchor::new(&doc(), 0);
        let mut p = doc();
        p[0] = "Ministers met in Brussels today to discuss the energy deal.".into();
        assert!(similarity(&a.quote, &p[0]) >= FUZZY_THRESHOLD);
        assert_eq!(place(&a, &p), Placement::Attached(0));
    }

    #[test]
    fn deleted_or_rewritten_detaches() {
        let a = Anchor::new(&doc(), 1);
        let mut p = doc();
        p.remove(1);
        assert_eq!(place(&a, &p), Placement::Detached);
        p.insert(1, "Negotiators expect a long evening of haggling.".into());
        assert_eq!(place(&a, &p), Placement::Detached);
        assert_eq!(place(&a, &[]), Placement::Detached);
    }

    #[test]
    fn similarity_bounds() {
        assert!((similarity("a b", "B, A!") - 1.0).abs() < f64::EPSILON);
        assert!(similarity("a b", "c d").abs() < f64::EPSILON);
        assert!(similarity("", "").abs() < f64::EPSILON);
    }
}
