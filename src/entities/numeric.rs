//! Dates, durations and numbers: "Tuesday", "Nov 26", "three days",
//! "nearly four-year", "20-point", "$4.2 billion", "12%".

use super::tokens::{Gap, Token};
use super::words;
use super::{Entity, EntityKind};

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

/// [`at`] for a word that is not a digit.
#[allow(clippy::too_many_lines)] // one dispatch over date and number words; issue 13 splits it into rules
fn at_word(text: &str, tokens: &[Token], i: usize) -> Option<Hit> {
    let w = word(text, tokens, i);
    let t = tokens[i];
    // Dates and numbers are short words.
    if w.len() > 9 {
        return None;
    }
    if words::is_standalone_date(w) {
        return Some(Hit::new(i, EntityKind::Date, t.start));
    }
    if t.cap {
        if words::is_weekday(w) {
            return Some(Hit::new(i, EntityKind::Date, t.start));
        }
        if words::is_month(w) {
            return month(text, tokens, i);
        }
    }
    let relative = if t.cap {
        words::is_relative_capitalised(w)
    } else {
        words::is_relative(w)
    };
    if relative {
        if let Some(n) = spaced(tokens, i) {
            let nw = word(text, tokens, n);
            if words::is_period_word(nw) {
                return Some(Hit::new(n, EntityKind::Date, t.start));
            }
            // "next four weeks", "the past 12 months".
            if (words::number_word(nw) || tokens[n].digit)
                && let Some(u) = spaced(tokens, n).filter(|&u| words::is_time_unit(word(text, tokens, u)))
            {
                return Some(Hit::new(u, EntityKind::Date, t.start));
            }
        }
        return None;
    }
    // "a week later", "an hour", "another decade" (not a rate: "$5 a month").
    if words::is_article(w) {
        let rate = i > 0
            && (tokens[i - 1].digit
                || words::is_scale(word(text, tokens, i - 1))
                || words::is_unit(word(text, tokens, i - 1)));
        let unit = spaced(tokens, i).filter(|&u| {
            matches!(
                word(text, tokens, u),
                "week" | "month" | "year" | "decade" | "day" | "hour" | "fortnight" | "century"
            )
        });
        if let (Some(u), false) = (unit, rate) {
            let end = spaced(tokens, u)
                .filter(|&n| matches!(word(text, tokens, n), "later" | "earlier" | "ago" | "before"))
                .unwrap_or(u);
            let start = approximated(text, tokens, i, t.start);
            let after_of = i > 0 && word(text, tokens, i - 1) == "of";
            if !after_of {
                return Some(Hit::new(end, EntityKind::Date, start));
            }
        }
        return None;
    }
    if words::number_word(w) || (w == "one" && next_is_scale_or_hyphen(text, tokens, i)) {
        return Some(number_words(text, tokens, i));
    }
    // "one" counts when a noun follows it ("one vessel"), not as a pronoun.
    if words::is_one(w) {
        let counts = spaced(tokens, i).is_some_and(|n| {
            let nw = word(text, tokens, n);
            nw.starts_with(|c: char| c.is_ascii_lowercase())
                && !matches!(
                    nw,
                    "of" | "another"
                        | "that"
                        | "which"
                        | "who"
                        | "is"
                        | "was"
                        | "has"
                        | "had"
                        | "can"
                        | "could"
                        | "would"
                        | "will"
                        | "should"
                        | "may"
                        | "might"
                        | "must"
                        | "in"
                        | "on"
                        | "at"
                        | "by"
                        | "for"
                        | "to"
                        | "and"
                        | "or"
                        | "but"
                        | "side"
                        | "thing"
                        | "way"
                        | "another's"
                        | "does"
                        | "did"
                        | "said"
                        | "says"
                )
        });
        if counts {
            return Some(Hit::new(
                i,
                EntityKind::Number,
                approximated(text, tokens, i, t.start),
            ));
        }
    }
    None
}

fn next_is_scale_or_hyphen(text: &str, tokens: &[Token], i: usize) -> bool {
    spaced(tokens, i)
        .is_some_and(|n| words::is_scale(word(text, tokens, n)) && word(text, tokens, n).len() > 2)
        || hyphened(tokens, i).is_some_and(|n| words::is_time_unit(word(text, tokens, n)))
}

/// "Nov 26", "26 November 2026", "November 2026", "mid-November".
fn month(text: &str, tokens: &[Token], i: usize) -> Option<Hit> {
    let w = word(text, tokens, i);
    let mut start = tokens[i].start;
    let mut end = i;
    // A day before: "26 November".
    let before = if i > 0 { word(text, tokens, i - 1) } else { "" };
    let joins_before = match tokens[i].gap {
        Gap::Space => is_day(before) || matches!(before, "early" | "late" | "mid"),
        Gap::Hyphen => matches!(before, "mid" | "Mid"),
        Gap::Other => false,
    };
    if i > 0 && joins_before {
        start = tokens[i - 1].start;
    }
    // "Nov. 26": the abbreviation's period stands between month and day.
    let day_after = tokens
        .get(i + 1)
        .filter(|n| matches!(&text[tokens[i].end..n.start], " " | ". "))
        .map(|_| i + 1)
        .filter(|&n| is_day(word(text, tokens, n)));
    if let Some(n) = day_after {
        end = n;
    }
    // A year after, possibly behind a comma: "Nov 26, 2026".
    let next = tokens.get(end + 1);
    if let Some(nt) = next {
        let gap = &text[tokens[end].end..nt.start];
        if matches!(gap, " " | ", ") && is_year(word(text, tokens, end + 1)) {
            end += 1;
        }
    }
    // "May" and "March" alone are too often a verb or a name, unless a
    // preposition says they are months ("in March").
    let alone = start == tokens[i].start && end == i;
    let after_preposition = i > 0
        && tokens[i].gap == Gap::Space
        && matches!(
            word(text, tokens, i - 1),
            "in" | "since" | "until" | "by" | "from" | "through" | "of" | "before" | "after"
        );
    if alone && !after_preposition && matches!(w, "May" | "March" | "Mar" | "Jan" | "Sep" | "Dec") {
        return None;
    }
    Some(Hit::new(end, EntityKind::Date, start))
}

fn digits(text: &str, tokens: &[Token], i: usize) -> Option<Hit> {
    let w = word(text, tokens, i);
    if is_day(w)
        && let Some(n) = spaced(tokens, i).filter(|&n| words::is_month(word(text, tokens, n)))
    {
        return month(text, tokens, n);
    }
    // "5bn", "10km", "1990s" carry their unit; "2J" or "3rd" are not numbers.
    let suffix = w.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    if !suffix.is_empty()
        && !matches!(
            suffix,
            "s" | "bn" | "m" | "mn" | "k" | "km" | "kg" | "tn" | "MW" | "GW" | "bpd" | "pc"
        )
    {
        return None;
    }
    let start = start_with_prefix(text, tokens, i);
    let has_currency = start < tokens[i].start
        && !text[start..tokens[i].start]
            .trim()
            .chars()
            .all(char::is_alphabetic);
    // Year ranges and scores: "2014-2022", "3-1".
    if let Some(n) = hyphened(tokens, i) {
        let nw = word(text, tokens, n);
        if tokens[n].digit {
            let kind = if is_year(w) {
                EntityKind::Date
            } else {
                EntityKind::Number
            };
            return Some(Hit::new(n, kind, start));
        }
        if words::is_time_unit(nw) {
            return Some(Hit::new(n, EntityKind::Date, start));
        }
        if nw.chars().all(char::is_lowercase) && nw.len() > 1 {
            return Some(Hit::new(n, EntityKind::Number, start));
        }
    }
    if !has_currency && (is_year(w) || (w.len() == 5 && w.ends_with('s') && is_year(&w[..4]))) {
        let followed_by_unit = spaced(tokens, i).is_some_and(|n| {
            let nw = word(text, tokens, n);
            words::is_unit(nw) || words::is_scale(nw)
        }) || text[tokens[i].end..].starts_with('%');
        if !followed_by_unit {
            // "spring 2022", "late 1980s", "early 2026".
            let season = i > 0
                && tokens[i].gap == Gap::Space
                && matches!(
                    word(text, tokens, i - 1),
                    "early"
                        | "late"
                        | "mid"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "fall"
                        | "winter"
                        | "Early"
                        | "Late"
                );
            let start = if season { tokens[i - 1].start } else { start };
            return Some(Hit::new(i, EntityKind::Date, start));
        }
    }
    Some(extend_number(text, tokens, i, start))
}

fn number_words(text: &str, tokens: &[Token], i: usize) -> Hit {
    let mut end = i;
    // "twenty-five", "two-thirds".
    while let Some(n) = hyphened(tokens, end) {
        if words::number_word(word(text, tokens, n)) {
            end = n;
        } else {
            break;
        }
    }
    let start = start_with_prefix(text, tokens, i);
    if let Some(n) = hyphened(tokens, end) {
        let nw = word(text, tokens, n);
        if words::is_time_unit(nw) {
            return Hit::new(n, EntityKind::Date, start);
        }
        if nw.chars().all(char::is_lowercase) && nw.len() > 1 {
            return Hit::new(n, EntityKind::Number, start);
        }
    }
    extend_number(text, tokens, end, start)
}

/// Extends a number over its scale, unit or percent sign; a time unit
/// makes it a duration.
fn extend_number(text: &str, tokens: &[Token], i: usize, start: usize) -> Hit {
    let mut end = i;
    while let Some(n) = spaced(tokens, end) {
        let nw = word(text, tokens, n);
        if words::is_scale(nw) && nw.len() > 1 || matches!(nw, "hundred" | "thousand") {
            end = n;
        } else {
            break;
        }
    }
    if let Some(n) = spaced(tokens, end) {
        let nw = word(text, tokens, n);
        if words::is_time_unit(nw) {
            return Hit::new(n, EntityKind::Date, start);
        }
        if words::is_unit(nw) {
            end = n;
            if (nw == "per" || nw == "square" || nw == "cubic")
                && let Some(m) = spaced(tokens, end)
            {
                end = m;
            }
        } else if matches!(nw, "percentage" | "basis") {
            // "0.5 percentage points", "25 basis points".
            if let Some(m) =
                spaced(tokens, n).filter(|&m| matches!(word(text, tokens, m), "point" | "points"))
            {
                end = m;
            }
        } else if nw == "per"
            && let Some(m) = spaced(tokens, n)
            && word(text, tokens, m) == "cent"
        {
            end = m;
        }
    }
    let mut hit = Hit::new(end, EntityKind::Number, start);
    hit.percent = text[tokens[end].end..].starts_with('%');
    hit
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

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn spans(text: &str) -> Vec<(&str, EntityKind)> {
        find(text, &tokenize(text, &[]))
            .into_iter()
            .map(|e| (&text[e.start..e.end], e.kind))
            .collect()
    }

    use EntityKind::{Date, Number};

    #[test]
    fn durations_and_the_spec_examples() {
        assert_eq!(
            spans("the nearly four-year conflict after three days, a 20-point plan, six sources"),
            [
                ("nearly four-year", Date),
                ("three days", Date),
                ("20-point", Number),
                ("six", Number)
            ]
        );
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(
            spans(
                "On Tuesday, Nov 26, 2026 and 3 December 2025, in mid-November, last week, in 2024 and the 1990s"
            ),
            [
                ("Tuesday", Date),
                ("Nov 26, 2026", Date),
                ("3 December 2025", Date),
                ("mid-November", Date),
                ("last week", Date),
                ("2024", Date),
                ("1990s", Date)
            ]
        );
    }

    #[test]
    fn money_percentages_units_and_scores() {
        assert_eq!(
            spans("$4.2 billion, 12% and 3.5 per cent, about 40 km away; won 3-1 with 1,200 fans"),
            [
                ("$4.2 billion", Number),
                ("12%", Number),
                ("3.5 per cent", Number),
                ("about 40 km", Number),
                ("3-1", Number),
                ("1,200", Number)
            ]
        );
    }

    #[test]
    fn qualified_amounts_abbreviated_months_seasons_and_relative_spans() {
        assert_eq!(
            spans(
                "up to €140 billion, more than 100, Nov. 26, spring 2022, the next four weeks, a week later, 0.5 percentage points"
            ),
            [
                ("up to €140 billion", Number),
                ("more than 100", Number),
                ("Nov. 26", Date),
                ("spring 2022", Date),
                ("next four weeks", Date),
                ("a week later", Date),
                ("0.5 percentage points", Number)
            ]
        );
        assert_eq!(spans("it costs $5 a month"), [("$5", Number)]);
        assert_eq!(spans("one vessel and one of them"), [("one", Number)]);
        assert_eq!(spans("talks in March"), [("March", Date)]);
    }

    #[test]
    fn may_alone_is_not_a_date_and_one_is_not_a_number() {
        assert_eq!(spans("It May rain; one said"), []);
        assert_eq!(
            spans("on May 9 and one million"),
            [("May 9", Date), ("one million", Number)]
        );
    }

    #[test]
    fn keywords_are_the_words_at_reads() {
        for &w in KEYWORDS {
            let read = words::is_standalone_date(w)
                || words::is_weekday(w)
                || words::is_month(w)
                || words::is_relative(w)
                || words::is_relative_capitalised(w)
                || words::number_word(w)
                || words::is_article(w)
                || words::is_one(w);
            assert!(read, "{w} is not a word `at` reads");
            assert!(may_be_keyword(w.as_bytes()), "{w}");
        }
        for w in [
            "the", "said", "and", "of", "The", "Brisbane", "talks", "per", "cent", "été",
        ] {
            assert!(!may_be_keyword(w.as_bytes()), "{w} passes the filter");
        }
    }

    /// The filter in `at` drops no word that would start a span: checked on
    /// the bundled briefings and on each keyword in the contexts that make
    /// it a date or number, in every case.
    #[test]
    fn only_keywords_start_spans() {
        use std::fmt::Write;
        let mut text = crate::test_support::bundled_bodies();
        let bundled = text.len();
        for &w in KEYWORDS {
            for v in [w.to_owned(), w.to_ascii_lowercase(), w.to_ascii_uppercase()] {
                writeln!(
                    text,
                    "in {v} 2026. On {v} 26, {v} week later, {v} two days, {v} vessels, {v} million."
                )
                .unwrap();
            }
        }
        let tokens = tokenize(&text, &[]);
        let (mut words, mut passed) = (0, 0);
        for (i, t) in tokens.iter().enumerate() {
            let w = &text[t.start..t.end];
            if t.start < bundled {
                words += 1;
                passed += usize::from(!t.digit && may_be_keyword(w.as_bytes()));
            }
            if t.digit || may_be_keyword(w.as_bytes()) {
                continue;
            }
            assert!(at_word(&text, &tokens, i).is_none(), "{w} starts a span");
        }
        assert!(passed * 10 < words, "the filter passes {passed} of {words} words");
    }
}
