//! Makes untrusted text safe to put on a terminal, one rule for every
//! output: the reader, `brief read`, stderr, and (as `\uXXXX` escapes)
//! JSON.
//!
//! Briefings, file names and pasted notes come from anywhere. A stray ESC,
//! CSI, OSC or C1 byte could move the cursor, retitle the window or hide
//! text; bidi controls make a line read differently from what it says; and
//! invisible format characters (tag characters, word joiners, soft hyphens)
//! carry text nobody sees ("ASCII smuggling"). Each such character is
//! replaced by a visible marker of one column, chosen by what it does:
//!
//! - C0 controls: their Unicode control picture (`␛` for ESC); C1 controls:
//!   `�`, as before.
//! - Bidi controls: [`BIDI`] `⇄`, so that a reordering is not mistaken for
//!   a decoding error (`�`).
//! - Invisible format characters: [`INVISIBLE`] `⍰`.
//!
//! Zero-width joiners are the exception that needs context: ZWJ holds emoji
//! sequences together (👨‍👩‍👧) and ZWJ and ZWNJ shape Arabic-script and
//! Indic words (می‌خواهم), so they are kept between two emoji or two letters
//! of such a script, and marked everywhere else. Likewise one variation
//! selector after a base is ordinary (❤️), but a run of them is data hidden
//! in plain sight, so every selector after the first is marked.

use std::borrow::Cow;
use std::iter::Peekable;
use std::str::Chars;

/// Stands for an invisible format character (tag characters, word joiner,
/// soft hyphen, invisible operators, a joiner out of place…). APL's "quad
/// question" reads as "a character you cannot see"; it is East Asian Width
/// Neutral, so it takes one column even on terminals that draw ambiguous
/// characters wide, and common monospace fonts have it.
pub const INVISIBLE: char = '\u{2370}';

/// Stands for a bidi control (embeddings, overrides, isolates, direction
/// marks): arrows both ways say "direction changed here". Also East Asian
/// Width Neutral, one column everywhere.
pub const BIDI: char = '\u{21c4}';

/// Stands for a C1 control, which has no control picture of its own.
const C1: char = '\u{fffd}';

/// What a character is, as far as the terminal is concerned.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Drawn as it is.
    Plain,
    /// A tab: one space, so that widths stay predictable.
    Tab,
    /// Always replaced by this marker.
    Marked(char),
    /// ZWJ: kept between two emoji or two joining-script letters.
    Zwj,
    /// ZWNJ: kept between two joining-script letters.
    Zwnj,
    /// A variation selector: kept unless it follows another one.
    Selector,
}

fn class(c: char) -> Class {
    let code = c as u32;
    // Printable ASCII and Latin-1 to Hebrew, the bulk of most text, first.
    if matches!(code, 0x20..=0x7e | 0xa0..=0xac | 0xae..=0x5ff) {
        return Class::Plain;
    }
    match code {
        0x09 => Class::Tab,
        // C0 controls have dedicated pictures at U+2400 + code.
        0x00..=0x1f => Class::Marked(char::from_u32(0x2400 + code).unwrap_or(C1)),
        0x7f => Class::Marked('\u{2421}'),
        // Including the 8-bit CSI 0x9b and OSC 0x9d.
        0x80..=0x9f => Class::Marked(C1),
        0x200d => Class::Zwj,
        0x200c => Class::Zwnj,
        0x180b..=0x180d | 0x180f | 0xfe00..=0xfe0f | 0xe0100..=0xe01ef => Class::Selector,
        // Embeddings, overrides, isolates, direction marks, the Arabic
        // letter mark: each reorders what follows.
        0x202a..=0x202e | 0x2066..=0x2069 | 0x200e | 0x200f | 0x061c => Class::Marked(BIDI),
        // Format characters (general category Cf) that draw nothing: soft
        // hyphen, Mongolian vowel separator, zero-width space, word joiner,
        // invisible operators, deprecated shaping controls, BOM, interlinear
        // annotation, Egyptian hieroglyph and shorthand format controls,
        // musical beams and slurs, tag characters; and the line and
        // paragraph separators, which some terminals take as line breaks.
        // (The Cf characters that draw a visible sign, such as the Arabic
        // number signs U+0600–0605, are left alone.)
        0xad
        | 0x180e
        | 0x200b
        | 0x2028
        | 0x2029
        | 0x2060..=0x2065
        | 0x206a..=0x206f
        | 0xfeff
        | 0xfff9..=0xfffb
        | 0x13430..=0x1343f
        | 0x1bca0..=0x1bca3
        | 0x1d173..=0x1d17a
        | 0xe0000..=0xe007f => Class::Marked(INVISIBLE),
        _ => Class::Plain,
    }
}

/// Emoji that take part in ZWJ sequences (a compact superset of
/// `Extended_Pictographic`), and what may sit between such an emoji and
/// the joiner: VS16 (❤️‍🔥) and skin tones (within U+1F000–1FAFF).
fn is_emoji_side(c: char) -> bool {
    matches!(
        c as u32,
        0xa9 | 0xae
            | 0x203c
            | 0x2049
            | 0x2122
            | 0x2139
            | 0x2194..=0x2199
            | 0x21a9..=0x21aa
            | 0x231a..=0x231b
            | 0x2328
            | 0x23cf
            | 0x23e9..=0x23fa
            | 0x24c2
            | 0x25aa..=0x25ab
            | 0x25b6
            | 0x25c0
            | 0x25fb..=0x25fe
            | 0x2600..=0x27bf
            | 0x2934..=0x2935
            | 0x2b05..=0x2b07
            | 0x2b1b..=0x2b1c
            | 0x2b50
            | 0x2b55
            | 0x3030
            | 0x303d
            | 0x3297
            | 0x3299
            | 0xfe0f
            | 0x1f000..=0x1faff
            | 0x1fc00..=0x1fffd
    )
}

/// Letters and marks of the scripts whose words need ZWJ and ZWNJ to shape
/// right: Arabic (Persian, Urdu…), Syriac, N'Ko, the Indic scripts from
/// Devanagari to Sinhala, Myanmar, Khmer, Mongolian, and the Arabic
/// presentation forms.
fn is_joining_script(c: char) -> bool {
    matches!(
        c as u32,
        0x0600..=0x06ff
            | 0x0700..=0x074f
            | 0x0750..=0x077f
            | 0x07c0..=0x07ff
            | 0x0860..=0x08ff
            | 0x0900..=0x0dff
            | 0x1000..=0x109f
            | 0x1780..=0x17ff
            | 0x1800..=0x18af
            | 0xa8e0..=0xa8ff
            | 0xfb50..=0xfdff
            | 0xfe70..=0xfefc
    )
}

/// What `c` is drawn as, given the characters around it in the text
/// (`None` at either end); `None` when it is drawn as it is.
fn replacement(prev: Option<char>, c: char, next: Option<char>) -> Option<char> {
    let both = |f: fn(char) -> bool| prev.is_some_and(f) && next.is_some_and(f);
    match class(c) {
        Class::Tab => Some(' '),
        Class::Marked(m) => Some(m),
        Class::Zwj if both(is_emoji_side) || both(is_joining_script) => None,
        Class::Zwnj if both(is_joining_script) => None,
        Class::Zwj | Class::Zwnj => Some(INVISIBLE),
        Class::Selector if prev.is_some_and(|p| class(p) == Class::Selector) => Some(INVISIBLE),
        Class::Plain | Class::Selector => None,
    }
}

/// True when [`sanitize`] may replace `c`: always for controls, bidi and
/// invisible characters, depending on its neighbours for joiners and
/// variation selectors. Cheap, for scanning text before doing any work.
pub fn is_unsafe(c: char) -> bool {
    class(c) != Class::Plain
}

/// Maps one character to what is drawn for it when nothing is known of its
/// neighbours: joiners are then marked. Callers that walk text use
/// [`visible_at`] or [`shown`] instead.
pub fn visible(c: char) -> char {
    replacement(None, c, None).unwrap_or(c)
}

/// Maps `c` to what is drawn for it between `prev` and `next` (the
/// characters before and after it in the text, `None` at either end).
pub fn visible_at(prev: Option<char>, c: char, next: Option<char>) -> char {
    replacement(prev, c, next).unwrap_or(c)
}

/// The characters of `text` as drawn, when `text` sits between `before`
/// and `after` (the neighbouring characters of the text it is a part of).
pub fn shown(before: Option<char>, text: &str, after: Option<char>) -> Shown<'_> {
    Shown {
        prev: before,
        chars: text.chars().peekable(),
        after,
    }
}

/// Iterator returned by [`shown`].
pub struct Shown<'a> {
    prev: Option<char>,
    chars: Peekable<Chars<'a>>,
    after: Option<char>,
}

impl Iterator for Shown<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        let next = self.chars.peek().copied().or(self.after);
        let v = visible_at(self.prev, c, next);
        self.prev = Some(c);
        Some(v)
    }
}

/// Returns `text` with every control, escape, bidi and invisible character
/// replaced by a visible marker; borrows when nothing needs replacing (the
/// usual case). Tabs become a single space so that widths stay predictable.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    sanitize_between(None, text, None)
}

/// [`sanitize`] for a part of a longer text, between the characters
/// `before` and `after` it: a joiner at either end of the part is judged by
/// its real neighbours (the wrapper sanitises words piece by piece).
pub fn sanitize_between(before: Option<char>, text: &str, after: Option<char>) -> Cow<'_, str> {
    let plain_ascii = text.bytes().all(|b| (0x20..0x7f).contains(&b));
    if plain_ascii || !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    // Joiners and selectors are usually kept: allocate only for a change.
    if shown(before, text, after).eq(text.chars()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(shown(before, text, after).collect())
}

/// [`sanitize`] line by line, keeping the line breaks: for messages and
/// exports that are several lines long.
pub fn sanitize_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for line in text.split_inclusive('\n') {
        let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        out.push_str(&sanitize(body));
        out.push_str(end);
    }
    Cow::Owned(out)
}

/// Makes JSON text (as `serde_json` writes it) inert on a terminal while
/// keeping it lossless: every character [`sanitize`] would replace inside a
/// string (C1 and other controls `serde_json` leaves raw, bidi controls,
/// invisible characters, joiners out of place) is written as a `\uXXXX`
/// escape (a surrogate pair above U+FFFF), which a JSON reader turns back
/// into the very same character. Tabs and newlines outside strings (pretty
/// printing) are left as they are; inside strings `serde_json` has already
/// escaped them.
///
/// JSON's structure is ASCII, so such a character can only be in a string,
/// and its neighbours there are those it had in the string (what
/// `serde_json` escapes is ASCII, which joins nothing).
pub fn inert_json(json: &str) -> Cow<'_, str> {
    // Printable ASCII (nearly all JSON) is checked a byte at a time.
    let plain = |b: &u8| (0x20..0x7f).contains(b) || *b == b'\n' || *b == b'\t';
    if json.as_bytes().iter().all(plain) || !json.chars().any(|c| c != '\t' && c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(json);
    }
    let escape = |prev: Option<char>, c: char, next: Option<char>| {
        c != '\t' && c != '\n' && replacement(prev, c, next).is_some()
    };
    let mut chars = json.chars().peekable();
    let mut prev = None;
    let mut out: Option<String> = None;
    let mut at = 0;
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if escape(prev, c, next) {
            let out = out.get_or_insert_with(|| {
                let mut s = String::with_capacity(json.len() + 16);
                s.push_str(&json[..at]);
                s
            });
            push_u_escapes(out, c);
        } else if let Some(out) = &mut out {
            out.push(c);
        }
        at += c.len_utf8();
        prev = Some(c);
    }
    out.map_or(Cow::Borrowed(json), Cow::Owned)
}

/// `c` as JSON `\uXXXX` escapes (two for a character above U+FFFF).
fn push_u_escapes(out: &mut String, c: char) {
    use std::fmt::Write as _;
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        let _ = write!(out, "\\u{unit:04x}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthChar;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(sanitize("Kyiv, Nov 26"), Cow::Borrowed("Kyiv, Nov 26")));
        let mixed = "Zürich – “Kyiv” 東京 ❤️ 👨‍👩‍👧 می‌خواهم";
        assert!(matches!(sanitize(mixed), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        let s = sanitize("a\u{1b}[31mred\u{1b}]0;title\u{7}b");
        assert!(!s.contains('\u{1b}'));
        assert!(!s.contains('\u{7}'));
        assert_eq!(s, "a\u{241b}[31mred\u{241b}]0;title\u{2407}b");
    }

    #[test]
    fn tabs_become_spaces() {
        assert_eq!(sanitize("a\tb"), "a b");
    }

    /// Every class of hostile character, in context: (input, drawn as).
    const CASES: &[(&str, &str)] = &[
        // C0, DEL and C1 controls.
        ("a\u{1b}b", "a\u{241b}b"),
        ("a\u{7}b", "a\u{2407}b"),
        ("a\u{8}b", "a\u{2408}b"),
        ("a\u{0}b", "a\u{2400}b"),
        ("a\nb", "a\u{240a}b"),
        ("a\u{7f}b", "a\u{2421}b"),
        ("a\u{85}b", "a\u{fffd}b"),
        ("a\u{9b}1m", "a\u{fffd}1m"),
        ("a\u{9d}0;x", "a\u{fffd}0;x"),
        // Bidi controls, each.
        ("a\u{202a}b", "a⇄b"),
        ("a\u{202b}b", "a⇄b"),
        ("a\u{202c}b", "a⇄b"),
        ("a\u{202d}b", "a⇄b"),
        ("a\u{202e}b", "a⇄b"),
        ("a\u{2066}b", "a⇄b"),
        ("a\u{2067}b", "a⇄b"),
        ("a\u{2068}b", "a⇄b"),
        ("a\u{2069}b", "a⇄b"),
        ("a\u{200e}b", "a⇄b"),
        ("a\u{200f}b", "a⇄b"),
        // The Arabic letter mark, even inside an Arabic word.
        ("\u{628}\u{61c}\u{628}", "\u{628}⇄\u{628}"),
        // Tag characters ("ASCII smuggling": "hi" in tags after "ok").
        ("ok\u{e0068}\u{e0069}", "ok⍰⍰"),
        ("a\u{e0001}\u{e007f}", "a⍰⍰"),
        // Word joiner, soft hyphen, invisible operators, other Cf.
        ("a\u{2060}b", "a⍰b"),
        ("a\u{ad}b", "a⍰b"),
        ("a\u{2061}\u{2062}\u{2063}\u{2064}b", "a⍰⍰⍰⍰b"),
        ("a\u{180e}b", "a⍰b"),
        ("a\u{fff9}b\u{fffa}c\u{fffb}", "a⍰b⍰c⍰"),
        ("a\u{200b}b\u{feff}", "a⍰b⍰"),
        ("a\u{206a}\u{2028}\u{2029}b", "a⍰⍰⍰b"),
        ("\u{1d173}\u{1bca0}\u{13430}", "⍰⍰⍰"),
        // ZWJ: kept in emoji sequences, with VS16 and skin tones too.
        ("👨\u{200d}👩\u{200d}👧", "👨\u{200d}👩\u{200d}👧"),
        ("❤\u{fe0f}\u{200d}🔥", "❤\u{fe0f}\u{200d}🔥"),
        ("🧑\u{1f3fd}\u{200d}🚀", "🧑\u{1f3fd}\u{200d}🚀"),
        ("🏃\u{200d}➡\u{fe0f}", "🏃\u{200d}➡\u{fe0f}"),
        // ZWJ in Indic conjuncts (Sinhala "shrī", Devanagari half forms).
        ("ශ්\u{200d}රී", "ශ්\u{200d}රී"),
        ("क्\u{200d}ष", "क्\u{200d}ष"),
        // ZWJ between Latin letters, at either end, or between scripts.
        ("a\u{200d}b", "a⍰b"),
        ("\u{200d}👩", "⍰👩"),
        ("👩\u{200d}", "👩⍰"),
        ("👩\u{200d}b", "👩⍰b"),
        ("ب\u{200d}👩", "ب⍰👩"),
        // ZWNJ: kept in a Persian word and in Devanagari, marked elsewhere.
        ("می\u{200c}خواهم", "می\u{200c}خواهم"),
        ("क्\u{200c}ष", "क्\u{200c}ष"),
        ("Auf\u{200c}lage", "Auf⍰lage"),
        ("👨\u{200c}👩", "👨⍰👩"),
        ("ب\u{200c} ", "ب⍰ "),
        // Variation selectors: one after a base is kept, a run is marked.
        ("❤\u{fe0f}", "❤\u{fe0f}"),
        ("葛\u{e0100}", "葛\u{e0100}"),
        ("a\u{fe00}\u{fe01}\u{e0100}", "a\u{fe00}⍰⍰"),
        // Ordinary text is left alone.
        ("Zürich – “Kyiv” 東京 😀", "Zürich – “Kyiv” 東京 😀"),
    ];

    #[test]
    fn every_class_is_drawn_as_the_table_says() {
        for &(input, drawn) in CASES {
            assert_eq!(sanitize(input), drawn, "{input:?}");
            let chars: String = shown(None, input, None).collect();
            assert_eq!(chars, drawn, "shown: {input:?}");
        }
    }

    #[test]
    fn markers_take_one_column_and_kept_joiners_none() {
        for m in [INVISIBLE, BIDI, C1, '\u{241b}', '\u{2421}'] {
            assert_eq!(m.width(), Some(1), "{m:?}");
            assert!(!is_unsafe(m));
        }
        // Even where ambiguous characters are drawn wide.
        for m in [INVISIBLE, BIDI, '\u{241b}'] {
            assert_eq!(m.width_cjk(), Some(1), "{m:?}");
        }
        for j in ['\u{200d}', '\u{200c}', '\u{fe0f}'] {
            assert_eq!(j.width(), Some(0), "{j:?}");
        }
    }

    #[test]
    fn sanitising_twice_changes_nothing_more() {
        for &(input, drawn) in CASES {
            assert_eq!(sanitize(drawn), drawn, "{input:?}");
        }
    }

    #[test]
    fn a_part_is_judged_by_its_real_neighbours() {
        assert_eq!(sanitize_between(Some('👨'), "\u{200d}", Some('👩')), "\u{200d}");
        assert_eq!(sanitize_between(None, "\u{200d}", Some('👩')), "⍰");
        assert_eq!(sanitize_between(Some('ی'), "\u{200c}خ", None), "\u{200c}خ");
        assert_eq!(sanitize_between(Some('\u{fe0f}'), "\u{fe0f}", None), "⍰");
    }

    #[test]
    fn visible_without_context_marks_joiners() {
        for c in ['\u{1b}', '\u{9d}', '\u{202d}', '\u{e0041}', 'é', '中'] {
            assert_eq!(sanitize(&c.to_string()), visible(c).to_string());
        }
        assert_eq!(visible('\u{200d}'), INVISIBLE);
        assert_eq!(visible_at(Some('👨'), '\u{200d}', Some('👩')), '\u{200d}');
    }

    #[test]
    fn lines_keep_their_breaks() {
        assert_eq!(sanitize_lines("a\u{1b}\nb\u{202e}\n"), "a\u{241b}\nb⇄\n");
        assert!(matches!(sanitize_lines("a\nb"), Cow::Borrowed("a\nb")));
    }

    #[test]
    fn json_is_inert_and_lossless() {
        for &(input, _) in CASES {
            let json = serde_json::to_string(input).expect("a string serialises");
            let inert = inert_json(&json);
            assert!(
                sanitize(&inert) == inert,
                "{input:?} left something raw: {inert:?}"
            );
            let back: String = serde_json::from_str(&inert).expect("valid JSON");
            assert_eq!(back, input);
        }
        let tagged = inert_json("\"ok\u{e0068}\u{202e}\u{85}\u{7f}\"");
        assert_eq!(tagged, "\"ok\\udb40\\udc68\\u202e\\u0085\\u007f\"");
        let plain = "{\n  \"a\": \"Zürich 👨\u{200d}👩 می\u{200c}خواهم\"\n}";
        assert!(matches!(inert_json(plain), Cow::Borrowed(_)));
    }
}
