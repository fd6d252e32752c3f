//! The tokeniser's tests: gaps, case, sentence starts, possessives.

use super::gaps::{opens_sentence, scan_ascii_gap};
use super::*;

/// The words that start a sentence.
fn starts_of(text: &str) -> Vec<&str> {
    tokenize(text, &[])
        .iter()
        .filter(|t| t.sentence_start)
        .map(|t| &text[t.start..t.end])
        .collect()
}

fn words(text: &str) -> Vec<&str> {
    tokenize(text, &[])
        .iter()
        .map(|t| &text[t.start..t.end])
        .collect()
}

#[test]
fn words_keep_inner_apostrophes_periods_and_separators() {
    assert_eq!(
        words("The U.S. didn’t pay $1,000.50 or 4.2%, said J. K. Rowling."),
        [
            "The", "U.S.", "didn’t", "pay", "1,000.50", "or", "4.2", "said", "J.", "K.", "Rowling"
        ]
    );
}

#[test]
fn possessives_are_cut_and_flagged() {
    let text = "Putin’s plan and Moscow's view";
    let t = tokenize(text, &[]);
    assert_eq!(&text[t[0].start..t[0].end], "Putin");
    assert!(t[0].possessive);
    assert_eq!(&text[t[3].start..t[3].end], "Moscow");
    assert!(t[3].possessive && !t[1].possessive);
}

#[test]
fn gaps_and_hyphens() {
    let t = tokenize("Kremlin-backed  group, US-led", &[]);
    assert_eq!(t[1].gap, Gap::Hyphen);
    assert_eq!(t[2].gap, Gap::Other);
    assert_eq!(t[4].gap, Gap::Hyphen);
}

#[test]
fn sentence_starts() {
    let text = "Talks ended. Witkoff said “Russia remains” calm\n\nNew block";
    let starts = starts_of(text);
    assert_eq!(starts, ["Talks", "Witkoff", "Russia", "New"]);
}

#[test]
fn block_starts_count_as_sentence_starts() {
    let text = "Heading here\nNext item";
    let t = tokenize(text, &[0, 13]);
    assert!(t[0].sentence_start && t[2].sentence_start && !t[1].sentence_start);
}

#[test]
fn caps_lines_are_marked() {
    let text = "RUSSIA AND UKRAINE TALK\nKYIV, Nov 26 — Officials met.";
    let t = tokenize(text, &[]);
    assert!(t[..4].iter().all(|t| t.caps_line));
    assert!(t[4].caps_line, "dateline");
    assert!(!t[5].caps_line);
    // An acronym opening a sentence is no dateline.
    let t = tokenize("HDFC Bank rose.\nMOSCOW 1996-12-06", &[]);
    assert!(!t[0].caps_line);
    assert!(t[3].caps_line);
}

#[test]
fn plural_possessives_and_apostrophes() {
    let text = "the Workers’ Party and the Workers' union, boss's car, rock 'n' roll";
    let t = tokenize(text, &[]);
    let w: Vec<_> = t.iter().map(|t| (&text[t.start..t.end], t.possessive)).collect();
    assert_eq!(
        w,
        [
            ("the", false),
            ("Workers", true),
            ("Party", false),
            ("and", false),
            ("the", false),
            ("Workers", true),
            ("union", false),
            ("boss", true),
            ("car", false),
            ("rock", false),
            ("n", false),
            ("roll", false)
        ]
    );
    // "Workers’ Party": the gap after the apostrophe is one space.
    assert_eq!(t[2].gap, Gap::Space);
}

#[test]
fn no_break_space_hyphen_and_title_abbreviations_join() {
    let text = "Gen. Abdel\u{a0}Fattah al\u{2011}Burhan met Dr.  Smith";
    let t = tokenize(text, &[]);
    let gaps: Vec<_> = t.iter().map(|t| t.gap).collect();
    assert_eq!(
        gaps,
        [
            Gap::Other,
            Gap::Space,
            Gap::Space,
            Gap::Space,
            Gap::Hyphen,
            Gap::Space,
            Gap::Space,
            Gap::Other
        ]
    );
    assert!(t[0].sentence_start && !t[1].sentence_start && !t[2].sentence_start);
}

#[test]
fn abbreviation_stops_end_sentences_before_capitals() {
    let text = "talks in the U.S. The envoy met J. Smith.";
    let starts = starts_of(text);
    // "J." is an initial, not the end of a sentence; "U.S." ends one
    // only because it has more than one letter and a lowercase word does not follow.
    assert_eq!(starts, ["talks"]);
    let text = "met Gov. Smith and the Ltd. Board";
    let t = tokenize(text, &[]);
    assert!(!t[2].sentence_start, "a title joins its name");
    assert!(t[6].sentence_start, "an abbreviation's stop ends a sentence");
}

#[test]
fn capitals_and_digits_in_any_script() {
    let text = "Éric ÉTAT ÜBER über 4x ИВАН Иван NATO-led";
    let t = tokenize(text, &[]);
    let flags: Vec<_> = t.iter().map(|t| (t.cap, t.upper, t.digit)).collect();
    assert_eq!(
        flags,
        [
            (true, false, false),
            (true, true, false),
            (true, true, false),
            (false, false, false),
            (false, false, true),
            (true, true, false),
            (true, false, false),
            (true, true, false),
            (false, false, false)
        ]
    );
}

#[test]
fn caps_lines_are_found_wherever_they_are() {
    let text = "A normal line with NATO in it.\nPlain words here\nBREAKING NEWS FROM THE FRONT\nthen calm";
    let t = tokenize(text, &[]);
    let marked: Vec<_> = t
        .iter()
        .filter(|t| t.caps_line)
        .map(|t| &text[t.start..t.end])
        .collect();
    assert_eq!(marked, ["BREAKING", "NEWS", "FROM", "THE", "FRONT"]);
    // A line of capitals in a script without ASCII letters.
    let text = "ok\nВОЙНА И МИР ВОЙНА И МИР\nok";
    let t = tokenize(text, &[]);
    assert!(t[1..t.len() - 1].iter().all(|t| t.caps_line) && !t[0].caps_line);
}

#[test]
fn ascii_gaps_are_read_as_strings_are() {
    for g in [
        "", " ", "  ", ", ", ". ", ".", "\n\n", "\n \n", " \n\n ", "\t", "\u{b}", "\u{c}\r", " (", "(\"",
        ": ", "; ", "! ", "? ", "*", "# ", "| ", "[", ") ", "\" ", "-", " - ", "/", "_", "\u{1f}",
    ] {
        let expected = (g.contains("\n\n"), opens_sentence(g), g.trim().is_empty());
        assert_eq!(scan_ascii_gap(g.as_bytes()), expected, "{g:?}");
    }
}

#[test]
fn eight_bytes_at_once_are_read_as_one_at_a_time() {
    for b in 0..=255u8 {
        for at in 0..8 {
            let mut chunk = [b' '; 8];
            chunk[at] = b;
            let x = u64::from_le_bytes(chunk);
            let flags = ascii_alphanumeric(x).to_le_bytes();
            for (i, &c) in chunk.iter().enumerate() {
                assert_eq!(flags[i] == 0x80, c.is_ascii_alphanumeric(), "{c:#x} at {i}");
                assert!(flags[i] == 0 || flags[i] == 0x80);
            }
        }
    }
}
