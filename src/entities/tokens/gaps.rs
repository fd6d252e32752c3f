//! What lies between words: the kind of gap, where sentences start, and
//! which lines are written all in capitals (headlines, datelines).

use super::{Gap, Token};

/// The gap's kind and whether the token after it starts a sentence, for
/// any gap but a single space. `cap`: the token after it is capitalised;
/// `previous_stop`: the token before it ends with a full stop.
#[inline(never)]
pub(super) fn classify_gap(
    text: &str,
    gap_text: &str,
    block_start: bool,
    previous: Option<&Token>,
    previous_stop: bool,
    cap: bool,
) -> (Gap, bool) {
    let g = gap_text.as_bytes();
    // "Gen. Abdel Fattah": after a title's abbreviation the stop joins like a space.
    let after_title = g == b". "
        && previous.is_some_and(|p| super::super::words::is_title_abbreviation(&text[p.start..p.end]));
    let gap = match gap_text {
        "\u{a0}" => Gap::Space,
        _ if after_title => Gap::Space,
        "-" | "\u{2011}" => Gap::Hyphen,
        _ => Gap::Other,
    };
    if after_title && !block_start && !previous_stop {
        return (gap, false);
    }
    if block_start {
        return (gap, true);
    }
    let (paragraph, opens, blank) = if g.is_ascii() {
        scan_ascii_gap(g)
    } else {
        (
            g.windows(2).any(|w| w == b"\n\n"),
            opens_sentence(gap_text),
            gap_text.trim().is_empty(),
        )
    };
    (
        gap,
        paragraph || opens || ends_sentence_before(text, previous, blank, cap),
    )
}

/// For an ASCII gap: whether it holds a blank line, whether it ends a
/// sentence or opens a quotation ([`opens_sentence`]), and whether it is
/// all white space, in one pass.
pub(super) fn scan_ascii_gap(g: &[u8]) -> (bool, bool, bool) {
    let (mut paragraph, mut stop, mut last) = (false, false, None);
    let mut before = 0;
    for &b in g {
        // `char::is_whitespace` for ASCII.
        if b == b' ' || (b'\t'..=b'\r').contains(&b) {
            paragraph |= b == b'\n' && before == b'\n';
        } else {
            stop |= matches!(b, b'.' | b'!' | b'?' | b':' | b';');
            last = Some(b);
        }
        before = b;
    }
    let opens = stop || matches!(last, Some(b'"' | b'(' | b'[' | b'*' | b'#' | b'|'));
    (paragraph, opens, last.is_none())
}

/// "... in the U.S. The talks": the abbreviation's period ends a sentence
/// when a capitalised word follows it across blank space.
pub(super) fn ends_sentence_before(text: &str, previous: Option<&Token>, blank: bool, cap: bool) -> bool {
    previous.is_some_and(|p| {
        let w = &text[p.start..p.end];
        w.ends_with('.')
            && p.end - p.start > 2
            && blank
            && cap
            && !w.chars().all(|c| c == '.' || c.is_uppercase())
    })
}

/// A line written in capitals: eight or more, four fifths of its letters
/// at least (counted as ASCII bytes; chars in other scripts).
///
/// Only lines holding a word in capitals are asked, and most are
/// paragraphs with an acronym: the count stops once the small letters seen
/// outnumber what the rest of the line could make up.
fn in_capitals(line: &str) -> bool {
    let (up, low) = case_counts(line);
    up >= 8 && up * 10 >= (up + low) * 8
}

/// Upper- and lowercase letters in a line (bytes for ASCII, chars else),
/// or `(0, 1)` as soon as the line cannot be in capitals.
fn case_counts(line: &str) -> (usize, usize) {
    let bytes = line.as_bytes();
    let (mut up, mut low) = (0, 0);
    for (n, &b) in bytes.iter().enumerate() {
        up += usize::from(b.is_ascii_uppercase());
        low += usize::from(b.is_ascii_lowercase());
        // Capitals need four times the small letters: even if every byte
        // left were one, too few.
        if low * 4 > up + (bytes.len() - n - 1) {
            return (0, 1);
        }
    }
    // Latin text is decided by its ASCII letters; other scripts are counted
    // char by char.
    if up + low > 0 || line.is_ascii() {
        return (up, low);
    }
    let mut counts = (0, 0);
    for c in line.chars().filter(|c| c.is_alphabetic()) {
        if c.is_uppercase() {
            counts.0 += 1;
        } else {
            counts.1 += 1;
        }
    }
    counts
}

/// A gap that ends a sentence or opens a quotation or a dash clause.
pub(super) fn opens_sentence(gap: &str) -> bool {
    let t = gap.trim();
    if t.is_empty() {
        return false;
    }
    t.contains(['.', '!', '?', ':', ';', '\u{2014}'])
        || t.ends_with(['"', '\u{201c}', '(', '[', '\u{2018}', '•', '*', '#', '|'])
}

/// Marks tokens on lines that are written in capitals: their case says
/// nothing about whether a word is a name. Only a line with a word in
/// capitals can be a headline, so only those lines are looked at, from
/// the line of the first such word, token `first`.
pub(super) fn mark_caps_lines(text: &str, tokens: &mut [Token], first: usize) {
    let mut i = first;
    while i < tokens.len() {
        if !tokens[i].upper {
            i += 1;
            continue;
        }
        let at = tokens[i].start;
        let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
        // Tokens never hold a line break: the line's tokens are those that
        // start inside it.
        let mut line_first = i;
        while line_first > 0 && tokens[line_first - 1].start >= line_start {
            line_first -= 1;
        }
        let mut j = i + 1;
        while j < tokens.len() && tokens[j].start < line_end {
            j += 1;
        }
        let line = &text[line_start..line_end];
        // A dateline ("KYIV, Nov 26 —") starts an otherwise normal line:
        // only the leading capitals are marked then.
        if in_capitals(line) {
            for t in &mut tokens[line_first..j] {
                t.caps_line = true;
            }
        } else {
            let run = tokens[line_first..j]
                .iter()
                .take_while(|t| t.upper && t.end - t.start > 3)
                .count();
            // ... unless a word follows them after a plain space: "HDFC Bank
            // rose", "NATO said" open a sentence with an acronym.
            let after = line_first + run;
            let sentence = run > 0
                && after < j
                && &text[tokens[after - 1].end..tokens[after].start] == " "
                && !tokens[after].digit;
            if !sentence {
                for t in &mut tokens[line_first..after] {
                    t.caps_line = true;
                }
            }
        }
        i = j;
    }
}
