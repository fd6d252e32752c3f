//! Splits prose into word tokens with what the rules need to know about
//! each: capitalisation, the gap before it, sentence starts, possessives.
//!
//! The loop works on bytes: ASCII letters, digits and gaps are told apart
//! by one table look-up, the common gap (one space) is decided at once, and
//! only non-ASCII text and rare punctuation take the char-by-char paths.

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Exactly one space (or no-break space): words of one name.
    Space,
    /// A hyphen with no spaces: "Kremlin-backed", "al-Assad", "20-point".
    Hyphen,
    /// Anything else: punctuation, several spaces, a line break.
    Other,
}

/// One word or number of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text; a possessive ending is outside it.
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
    /// First character is an uppercase letter.
    pub cap: bool,
    /// Two or more letters, all uppercase ("NATO", "KYIV").
    pub upper: bool,
    /// Starts with a digit.
    pub digit: bool,
    /// Followed by ’s or 's.
    pub possessive: bool,
    /// First word of a sentence, a block or a quotation: capitalised for
    /// grammar, not because it is a name.
    pub sentence_start: bool,
    /// On a line written all in capitals (a headline, a dateline).
    pub caps_line: bool,
}

/// Byte classes: an ASCII letter or digit, an uppercase or lowercase ASCII
/// letter, a byte of a non-ASCII char. An ASCII byte with no class is gap.
const ALNUM: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const HIGH: u8 = 8;

static CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | LOWER
        } else if c.is_ascii_digit() {
            ALNUM
        } else if c >= 0x80 {
            HIGH
        } else {
            0
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = ONES * 0x80;

/// For eight bytes at once: the high bit of each byte that is between `m`
/// and `n`, both excluded (an ASCII byte; `m`, `n` at most 127 and 128).
const fn between(x: u64, m: u64, n: u64) -> u64 {
    let low = x & (ONES * 127);
    (ONES * (127 + n) - low) & !x & (low + ONES * (127 - m)) & HIGH_BITS
}

/// For eight bytes at once: the high bit of each ASCII letter or digit.
const fn ascii_alphanumeric(x: u64) -> u64 {
    // Setting bit 5 maps capitals to small letters and no other byte into them.
    between(x, b'0' as u64 - 1, b'9' as u64 + 1)
        | between(x | (ONES * 0x20), b'a' as u64 - 1, b'z' as u64 + 1)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Tokenises `text`. `block_starts` are offsets where a block begins (a
/// sentence starts there even with no full stop before it).
pub fn tokenize(text: &str, block_starts: &[usize]) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut gap_start = 0;
    let mut next_block = 0;
    let mut first_upper = None;
    // The previous token ends with a full stop ("U.S.", "J.").
    let mut previous_stop = false;
    while i < bytes.len() {
        let b = bytes[i];
        let k = class(b);
        if k & ALNUM == 0 {
            if k & HIGH == 0 {
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        let word_end = word_end(text, start);
        // Only a word ending in s may have a possessive ending: "’s", "'s",
        // or an apostrophe after it.
        let (end, possessive, resume) = if bytes[word_end - 1] == b's'
            && (matches!(bytes.get(word_end), Some(b'\'' | 0xe2))
                || (word_end - start >= 4 && matches!(bytes[word_end - 2], b'\'' | 0x99)))
        {
            possessive_end(text, start, word_end)
        } else {
            (word_end, false, word_end)
        };
        // A block starts in the gap before this token, or with it.
        let mut block_start = tokens.is_empty();
        while next_block < block_starts.len() && block_starts[next_block] <= start {
            block_start |= block_starts[next_block] >= gap_start;
            next_block += 1;
        }
        let cap = if k & HIGH == 0 {
            k & UPPER != 0
        } else {
            text[start..].chars().next().is_some_and(char::is_uppercase)
        };
        // "Brisbane": a lowercase second letter says no at once.
        let upper = cap
            && end - start >= 2
            && class(bytes[start + 1]) & LOWER == 0
            && all_capitals(&text[start..end]);
        if upper && first_upper.is_none() {
            first_upper = Some(tokens.len());
        }
        let (gap, sentence_start) = if gap_start + 1 == start && bytes[gap_start] == b' ' {
            // The common case, one space, is decided at once.
            let plain = !block_start && !previous_stop;
            let sentence_start =
                !plain && (block_start || ends_sentence_before(text, tokens.last(), true, cap));
            (Gap::Space, sentence_start)
        } else {
            classify_gap(
                text,
                &text[gap_start..start],
                block_start,
                tokens.last(),
                previous_stop,
                cap,
            )
        };
        tokens.push(Token {
            start,
            end,
            gap,
            cap,
            upper,
            digit: b.is_ascii_digit(),
            possessive,
            sentence_start,
            caps_line: false,
        });
        previous_stop = bytes[end - 1] == b'.';
        i = resume;
        gap_start = i;
    }
    if let Some(first) = first_upper {
        mark_caps_lines(text, &mut tokens, first);
    }
    tokens
}

/// For a word ending in "s": its end without a possessive ending
/// ("Putin’s", "Workers'"), whether it had one, and where the next gap
/// starts.
fn possessive_end(text: &str, start: usize, word_end: usize) -> (usize, bool, usize) {
    let word = &text[start..word_end];
    if let Some(stem) = strip_possessive(word) {
        return (start + stem.len(), true, word_end);
    }
    // A plural's possessive, "Workers' Party": the apostrophe after the s.
    let after = &text[word_end..];
    let apostrophe = if after.starts_with('\'') {
        1
    } else if after.starts_with('\u{2019}') {
        '\u{2019}'.len_utf8()
    } else {
        return (word_end, false, word_end);
    };
    if after[apostrophe..].starts_with(char::is_alphanumeric) {
        return (word_end, false, word_end);
    }
    (word_end, true, word_end + apostrophe)
}

/// Two or more letters, all uppercase.
#[inline(never)]
fn all_capitals(word: &str) -> bool {
    let mut letters = 0;
    for &b in word.as_bytes() {
        let k = class(b);
        if k & LOWER != 0 {
            return false;
        }
        if k & HIGH != 0 {
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            return letters >= 2 && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        }
        letters += usize::from(k & UPPER != 0);
    }
    letters >= 2
}

/// The end of the word starting at `start`: letters and digits, with
/// apostrophes, periods and commas kept where they are inside a word
/// ("don’t", "U.S.", "4.2", "1,000").
fn word_end(text: &str, start: usize) -> usize {
    // Fast path: a plain ASCII word ending at a space or plain punctuation.
    let bytes = text.as_bytes();
    let mut j = start;
    // Eight bytes at a time while they last, then one at a time.
    loop {
        let Some(chunk) = bytes.get(j..j + 8) else {
            while j < bytes.len() && class(bytes[j]) & ALNUM != 0 {
                j += 1;
            }
            break;
        };
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let stops = !ascii_alphanumeric(x) & HIGH_BITS;
        if stops != 0 {
            j += stops.trailing_zeros() as usize / 8;
            break;
        }
        j += 8;
    }
    if j >= bytes.len() || (bytes[j] < 0x80 && !matches!(bytes[j], b'.' | b',' | b'\'')) {
        return j;
    }
    let first_digit = bytes[start].is_ascii_digit();
    let next = bytes.get(j + 1).copied().unwrap_or(b' ');
    let plain_end = match bytes[j] {
        // "talks." ends the word; "U.S.", "J." and "4.2" do not.
        b'.' => j > start && !bytes[j - 1].is_ascii_uppercase() && !(first_digit && next.is_ascii_digit()),
        b',' => !first_digit,
        b'\'' => !next.is_ascii_alphabetic() && next < 0x80,
        _ => false,
    };
    if plain_end {
        return j;
    }
    word_end_by_chars(text, start)
}

/// [`word_end`] char by char, for a word with a non-ASCII char, an
/// apostrophe, a period or a comma in it.
#[inline(never)]
fn word_end_by_chars(text: &str, start: usize) -> usize {
    let first_digit = text.as_bytes()[start].is_ascii_digit();
    let mut chars = text[start..].char_indices().peekable();
    let mut end = start;
    let mut letters = 0;
    while let Some((off, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = start + off + c.len_utf8();
            letters += 1;
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let joins = match c {
            c if is_apostrophe(c) => next.is_some_and(char::is_alphabetic),
            '.' => {
                // "U.S." and "J." keep their periods; "4.2" its decimal point.
                let before = text[start..start + off].chars().next_back();
                (first_digit && next.is_some_and(|n| n.is_ascii_digit()))
                    || (!first_digit
                        && before.is_some_and(char::is_uppercase)
                        && (letters == 1 || text[start..start + off].contains('.'))
                        && next.is_none_or(|n| n.is_uppercase() || !n.is_alphanumeric()))
            }
            ',' => {
                first_digit && next.is_some_and(|n| n.is_ascii_digit()) && {
                    // Only thousands separators: exactly three digits follow.
                    let rest = &text[start + off + 1..];
                    rest.len() >= 3
                        && rest.as_bytes()[..3].iter().all(u8::is_ascii_digit)
                        && !rest.as_bytes().get(3).is_some_and(u8::is_ascii_digit)
                }
            }
            _ => false,
        };
        if !joins {
            break;
        }
        if c == '.' && next.is_none_or(|n| !n.is_alphanumeric()) {
            // A trailing period of an abbreviation ("U.S.", "J.") is kept.
            end = start + off + 1;
            break;
        }
    }
    end
}

/// "Putin’s" -> Some("Putin"); "don't" -> None.
fn strip_possessive(word: &str) -> Option<&str> {
    if !word.ends_with('s') || word.len() < 4 {
        return None;
    }
    for suffix in ["\u{2019}s", "'s"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.chars().count() >= 2
        {
            return Some(stem);
        }
    }
    None
}

/// The gap's kind and whether the token after it starts a sentence, for
/// any gap but a single space. `cap`: the token after it is capitalised;
/// `previous_stop`: the token before it ends with a full stop.
#[inline(never)]
fn classify_gap(
    text: &str,
    gap_text: &str,
    block_start: bool,
    previous: Option<&Token>,
    previous_stop: bool,
    cap: bool,
) -> (Gap, bool) {
    let g = gap_text.as_bytes();
    // "Gen. Abdel Fattah": after a title's abbreviation the stop joins like a space.
    let after_title =
        g == b". " && previous.is_some_and(|p| super::words::is_title_abbreviation(&text[p.start..p.end]));
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
fn scan_ascii_gap(g: &[u8]) -> (bool, bool, bool) {
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
fn ends_sentence_before(text: &str, previous: Option<&Token>, blank: bool, cap: bool) -> bool {
    previous.is_some_and(|p| {
        let w = &text[p.start..p.end];
        w.ends_with('.')
            && p.end - p.start > 2
            && blank
            && cap
            && !w.chars().all(|c| c == '.' || c.is_uppercase())
    })
}

/// Upper- and lowercase letters in a line (bytes for ASCII, chars else).
fn case_counts(line: &str) -> (usize, usize) {
    let (mut up, mut low) = (0, 0);
    for &b in line.as_bytes() {
        up += usize::from(b.is_ascii_uppercase());
        low += usize::from(b.is_ascii_lowercase());
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
fn opens_sentence(gap: &str) -> bool {
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
fn mark_caps_lines(text: &str, tokens: &mut [Token], first: usize) {
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
        let (up, low) = case_counts(line);
        // A dateline ("KYIV, Nov 26 —") starts an otherwise normal line:
        // only the leading capitals are marked then.
        if up >= 8 && up * 10 >= (up + low) * 8 {
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

#[cfg(test)]
mod tests {
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
        let text =
            "A normal line with NATO in it.\nPlain words here\nBREAKING NEWS FROM THE FRONT\nthen calm";
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
}
