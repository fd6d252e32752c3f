//! Dates, durations and numbers: "Tuesday", "Nov 26", "three days",
//! "nearly four-year", "20-point", "$4.2 billion", "12%".

mod digit_spans;
#[cfg(test)]
mod tests;
mod word_spans;

use super::tokens::{Gap, Token};
use super::words;
use super::{Entity, EntityKind};
use digit_spans::digits;
use word_spans::at_word;

/// Finds DATE and NUMBER spans, sorted and without overlaps.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Entity> {
    let bytes = text.as_bytes();
    // About one word in twenty starts a date or number in news prose.
    let mut out = Vec::with_capacity(tokens.len() / 16);
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Most words are neither dates nor numbers: one look-up says so.
        if !t.digit && !may_be_keyword(&bytes[t.start..t.end]) {
            i += 1;
            continue;
        }
        if let Some(hit) = at(text, tokens, i) {
            let end = if hit.percent {
                tokens[hit.last].end + 1
            } else {
                tokens[hit.last].end
            };
            out.push(Entity {
                start: hit.start,
                end,
                kind: hit.kind,
                why: super::NUMERIC_WHY,
            });
            i = hit.last + 1;
        } else {
            i += 1;
        }
    }
    out
}

fn word<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    tokens.get(i).map_or("", |t| &text[t.start..t.end])
}

/// The next token if it follows with one space.
fn spaced(tokens: &[Token], i: usize) -> Option<usize> {
    (tokens.get(i + 1)?.gap == Gap::Space).then_some(i + 1)
}

fn hyphened(tokens: &[Token], i: usize) -> Option<usize> {
    (tokens.get(i + 1)?.gap == Gap::Hyphen).then_some(i + 1)
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && matches!(&w[..2], "18" | "19" | "20")
}

fn is_day(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// Where the span may start earlier: "nearly", "$", "mid-".
fn start_with_prefix(text: &str, tokens: &[Token], i: usize) -> usize {
    let t = tokens[i];
    let before = &text[..t.start];
    let mut start = t.start;
    // Every symbol ends in '$' or a non-ASCII char: most numbers have none.
    if before.as_bytes().last().is_some_and(|&b| b == b'$' || b >= 0x80) {
        for sym in [
            "US$", "R$", "A$", "C$", "HK$", "S$", "NZ$", "$", "€", "£", "¥", "₴", "₽", "₹",
        ] {
            if before.ends_with(sym) {
                start -= sym.len();
                break;
            }
        }
    }
    // "+300", "-50", "−2.5%": a sign that opens the figure is its own,
    // not a hyphen between words ("COVID-19", "2014-2022").
    if let Some(sign) = ['+', '-', '\u{2212}']
        .into_iter()
        .find(|&c| text[..start].ends_with(c))
    {
        let at = start - sign.len_utf8();
        let opens = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201c}' | '/'));
        if opens {
            start = at;
        }
    }
    approximated(text, tokens, i, start)
}

/// Moves `start` back over words that qualify an amount: "nearly",
/// "about", "up to", "more than", "at least".
fn approximated(text: &str, tokens: &[Token], i: usize, start: usize) -> usize {
    if i == 0 || text.get(tokens[i - 1].end..start) != Some(" ") {
        return start;
    }
    let one = word(text, tokens, i - 1);
    if words::is_approximator(one) {
        return tokens[i - 1].start;
    }
    if i >= 2 && text.get(tokens[i - 2].end..tokens[i - 1].start) == Some(" ") {
        let two = word(text, tokens, i - 2);
        let is = |lower: &str| two.eq_ignore_ascii_case(lower);
        let pair = match one {
            "to" => is("up"),
            "than" => ["more", "less", "fewer", "greater", "higher", "lower"]
                .into_iter()
                .any(is),
            "least" | "most" => is("at"),
            _ => false,
        };
        if pair {
            return tokens[i - 2].start;
        }
    }
    start
}

// Every word `at` can read a date or number from when it is not a digit:
// the words of the lexicon classes it reads (standalone dates, weekdays,
// months with or without a stop, relative words, articles, number words and
// "one"), listed by `build.rs`. The tests check that `at` reads each and
// that no other word of the bundled texts starts a span.
include!(concat!(env!("OUT_DIR"), "/lexicon_keywords.rs"));

/// The longest of [`KEYWORDS`], stop and all.
const KEYWORD_MAX_LEN: usize = {
    let (mut max, mut i) = (0, 0);
    while i < KEYWORDS.len() {
        if KEYWORDS[i].len() > max {
            max = KEYWORDS[i].len();
        }
        i += 1;
    }
    max
};

/// The shapes of [`KEYWORDS`]: for a first byte and a length, a bit per
/// last byte (its low six bits). A word whose shape is not here is passed
/// over at once: one look-up for the many words that are neither dates
/// nor numbers ("the" has the first letter and length of "two" and "ten",
/// but not their last letter).
static KEYWORD_SHAPES: [[u64; 16]; 64] = {
    let mut table = [[0; 16]; 64];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let w = KEYWORDS[i].as_bytes();
        table[(w[0] & 63) as usize][w.len()] |= 1 << (w[w.len() - 1] & 63);
        i += 1;
    }
    table
};

/// Whether `w` may be one of [`KEYWORDS`] (false positives are fine).
fn may_be_keyword(b: &[u8]) -> bool {
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) if b.len() <= KEYWORD_MAX_LEN => {
            KEYWORD_SHAPES[usize::from(first & 63)][b.len()] & (1 << (last & 63)) != 0
        }
        _ => false,
    }
}

/// Tries to read a date or number starting at token `i`: returns the last
/// token, the kind and the start offset. `find` has passed over the words
/// that cannot start one.
fn at(text: &str, tokens: &[Token], i: usize) -> Option<Hit> {
    if tokens[i].digit {
        digits(text, tokens, i)
    } else {
        at_word(text, tokens, i)
    }
}

/// A date or number found at a token: its last token, kind and start
/// offset; `percent` when a '%' right after the last token belongs to it.
struct Hit {
    last: usize,
    kind: EntityKind,
    start: usize,
    percent: bool,
}

impl Hit {
    fn new(last: usize, kind: EntityKind, start: usize) -> Self {
        Self {
            last,
            kind,
            start,
            percent: false,
        }
    }
}
