//! Numbers and dates read from digits: "$4.2 billion", "12%", "20-point",
//! "26 November", and spelled-out amounts ("two million").

use super::word_spans::month;
use super::{Hit, hyphened, is_day, is_year, spaced, start_with_prefix, word};
use crate::entities::EntityKind;
use crate::entities::tokens::{Gap, Token};
use crate::entities::words;

pub(super) fn digits(text: &str, tokens: &[Token], i: usize) -> Option<Hit> {
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

pub(super) fn number_words(text: &str, tokens: &[Token], i: usize) -> Hit {
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
