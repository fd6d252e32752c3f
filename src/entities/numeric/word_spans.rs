//! Dates and numbers read from words: "Tuesday", "last week", "a week
//! later", "three days", "one vessel", "26 November 2026".

use super::digit_spans::number_words;
use super::{Hit, approximated, hyphened, is_day, is_year, spaced, word};
use crate::entities::EntityKind;
use crate::entities::gazetteer;
use crate::entities::lexicon_flags::{DATE_NUMBER_OPENERS, class};
use crate::entities::tokens::{Gap, Token};
use crate::entities::words;

/// [`at`] for a word that is not a digit.
#[allow(clippy::too_many_lines)] // one dispatch over date and number words; issue 13 splits it into rules
pub(super) fn at_word(text: &str, tokens: &[Token], i: usize) -> Option<Hit> {
    let w = word(text, tokens, i);
    let t = tokens[i];
    // Dates and numbers are short words.
    if w.len() > 9 {
        return None;
    }
    // One look-up answers every class read below ("Nov." is a month the
    // table does not hold: `is_month` reads the stop).
    let c = gazetteer::classes(w, DATE_NUMBER_OPENERS);
    if c & class::STANDALONE_DATE != 0 {
        return Some(Hit::new(i, EntityKind::Date, t.start));
    }
    if t.cap {
        if c & class::WEEKDAY != 0 {
            return Some(Hit::new(i, EntityKind::Date, t.start));
        }
        if words::is_month(w) {
            return month(text, tokens, i);
        }
    }
    let relative = c & if t.cap {
        class::RELATIVE_CAPITALISED
    } else {
        class::RELATIVE
    } != 0;
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
    if c & class::ARTICLE != 0 {
        let rate = i > 0
            && (tokens[i - 1].digit
                || words::is_scale(word(text, tokens, i - 1))
                || words::is_unit(word(text, tokens, i - 1)));
        let unit = spaced(tokens, i).filter(|&u| words::is_article_duration(word(text, tokens, u)));
        if let (Some(u), false) = (unit, rate) {
            let end = spaced(tokens, u)
                .filter(|&n| words::is_duration_end(word(text, tokens, n)))
                .unwrap_or(u);
            let start = approximated(text, tokens, i, t.start);
            let after_of = i > 0 && word(text, tokens, i - 1) == "of";
            if !after_of {
                return Some(Hit::new(end, EntityKind::Date, start));
            }
        }
        return None;
    }
    if c & class::NUMBER_WORD != 0 || (w == "one" && next_is_scale_or_hyphen(text, tokens, i)) {
        return Some(number_words(text, tokens, i));
    }
    // "one" counts when a noun follows it ("one vessel"), not as a pronoun.
    if c & class::ONE != 0 {
        let counts = spaced(tokens, i).is_some_and(|n| {
            let nw = word(text, tokens, n);
            nw.starts_with(|c: char| c.is_ascii_lowercase()) && !words::is_not_counted_after_one(nw)
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
pub(super) fn month(text: &str, tokens: &[Token], i: usize) -> Option<Hit> {
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
    let after_preposition =
        i > 0 && tokens[i].gap == Gap::Space && words::is_month_preposition(word(text, tokens, i - 1));
    if alone && !after_preposition && words::is_ambiguous_month(w) {
        return None;
    }
    Some(Hit::new(end, EntityKind::Date, start))
}
