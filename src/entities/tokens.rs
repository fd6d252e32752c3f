//! Splits prose into word tokens with what the rules need to know about
//! each: capitalisation, the gap before it, sentence starts, possessives.

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

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Tokenises `text`. `block_starts` are offsets where a block begins (a
/// sentence starts there even with no full stop before it).
pub fn tokenize(text: &str, block_starts: &[usize]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut gap_start = 0;
    let mut next_block = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let end = word_end(text, start);
        let word = &text[start..end];
        let (end, mut possessive) = strip_possessive(word).map_or((end, false), |w| (start + w.len(), true));
        // A plural's possessive, "Workers' Party": the apostrophe after the s.
        let after = &text[end..];
        let plural_possessive = !possessive
            && word.ends_with('s')
            && (after.starts_with('\'') || after.starts_with('\u{2019}'))
            && !after[after.chars().next().map_or(0, char::len_utf8)..].starts_with(char::is_alphanumeric);
        let mut resume = if possessive { start + word.len() } else { end };
        if plural_possessive {
            possessive = true;
            resume = end + after.chars().next().map_or(0, char::len_utf8);
        }
        let gap_text = &text[gap_start..start];
        while next_block < block_starts.len() && block_starts[next_block] < start {
            next_block += 1;
        }
        let block_start = block_starts.get(next_block) == Some(&start)
            || (next_block > 0
                && block_starts[next_block - 1] >= gap_start
                && block_starts[next_block - 1] < start);
        let first = tokens.is_empty();
        let token = classify(
            text,
            start,
            end,
            gap_text,
            possessive,
            first || block_start,
            tokens.last(),
        );
        tokens.push(token);
        i = resume;
        gap_start = i;
    }
    mark_caps_lines(text, &mut tokens);
    tokens
}

/// The end of the word starting at `start`: letters and digits, with
/// apostrophes, periods and commas kept where they are inside a word
/// ("don’t", "U.S.", "4.2", "1,000").
fn word_end(text: &str, start: usize) -> usize {
    // Fast path: a plain ASCII word ending at a space or plain punctuation.
    let bytes = text.as_bytes();
    let mut j = start;
    while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
        j += 1;
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
    let mut chars = text[start..].char_indices().peekable();
    let mut end = start;
    let mut letters = 0;
    let first_digit = text[start..].starts_with(|c: char| c.is_ascii_digit());
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
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.chars().count() >= 2 {
                return Some(stem);
            }
        }
    }
    None
}

fn classify(
    text: &str,
    start: usize,
    end: usize,
    gap_text: &str,
    possessive: bool,
    block_start: bool,
    previous: Option<&Token>,
) -> Token {
    let word = &text[start..end];
    let b0 = word.as_bytes().first().copied().unwrap_or(b' ');
    let first = if b0 < 0x80 {
        char::from(b0)
    } else {
        word.chars().next().unwrap_or(' ')
    };
    let cap = if b0 < 0x80 {
        b0.is_ascii_uppercase()
    } else {
        first.is_uppercase()
    };
    // Only a capitalised word can be written all in capitals.
    let upper = cap && {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    };
    // "Gen. Abdel Fattah": after a title's abbreviation the stop joins like a space.
    let after_title = gap_text == ". "
        && previous.is_some_and(|p| super::words::is_title_abbreviation(&text[p.start..p.end]));
    let gap = match gap_text {
        " " | "\u{a0}" => Gap::Space,
        _ if after_title => Gap::Space,
        "-" | "\u{2011}" => Gap::Hyphen,
        _ => Gap::Other,
    };
    // The common case, one space inside a sentence, is decided at once.
    let plain_space = (gap_text == " " || after_title)
        && !block_start
        && previous.is_none_or(|p| text.as_bytes()[p.end.saturating_sub(1)] != b'.');
    let sentence_start = !plain_space
        && (block_start
            || gap_text.contains("\n\n")
            || opens_sentence(gap_text)
            || previous.is_some_and(|p| {
                // "... in the U.S. The talks" : the abbreviation's period ends it.
                text[p.start..p.end].ends_with('.')
                    && p.end - p.start > 2
                    && gap_text.trim().is_empty()
                    && first.is_uppercase()
                    && !text[p.start..p.end].chars().all(|c| c == '.' || c.is_uppercase())
            }));
    Token {
        start,
        end,
        gap,
        cap,
        upper,
        digit: first.is_ascii_digit(),
        possessive,
        sentence_start,
        caps_line: false,
    }
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
/// nothing about whether a word is a name.
fn mark_caps_lines(text: &str, tokens: &mut [Token]) {
    let mut i = 0;
    while i < tokens.len() {
        let line_start = text[..tokens[i].start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[tokens[i].start..]
            .find('\n')
            .map_or(text.len(), |p| tokens[i].start + p);
        let mut j = i;
        while j < tokens.len() && tokens[j].start < line_end {
            j += 1;
        }
        // Only a line with a word in capitals can be a headline.
        if !tokens[i..j].iter().any(|t| t.upper) {
            i = j.max(i + 1);
            continue;
        }
        let line = &text[line_start..line_end];
        let (up, low) = case_counts(line);
        // A dateline ("KYIV, Nov 26 —") starts an otherwise normal line:
        // only the leading capitals are marked then.
        if up >= 8 && up * 10 >= (up + low) * 8 {
            for t in &mut tokens[i..j] {
                t.caps_line = true;
            }
        } else {
            for t in tokens[i..j]
                .iter_mut()
                .take_while(|t| t.upper && t.end - t.start > 3)
            {
                t.caps_line = true;
            }
        }
        i = j.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let t = tokenize(text, &[]);
        let starts: Vec<_> = t
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| &text[t.start..t.end])
            .collect();
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
    }
}
