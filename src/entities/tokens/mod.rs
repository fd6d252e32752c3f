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

mod gaps;

use gaps::{classify_gap, ends_sentence_before, mark_caps_lines};

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

#[cfg(test)]
mod tests;
