//! The date and number finder on examples, and its keyword filter on the
//! bundled briefings.

use super::*;
use crate::entities::lexicon_flags::DATE_NUMBER_OPENERS;
use crate::entities::tokens::tokenize;

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
        // `at_word` looks the word up in these classes, or reads a month
        // with its stop.
        let read = crate::entities::gazetteer::classes(w, DATE_NUMBER_OPENERS) != 0 || words::is_month(w);
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

#[test]
fn a_sign_opening_a_figure_is_kept() {
    assert_eq!(
        spans("the index moved +300 and -50 points, then (−2.5%) in the 2014-2022 wave"),
        [
            ("+300", Number),
            ("-50 points", Number),
            ("−2.5%", Number),
            ("2014-2022", Date),
        ]
    );
}
