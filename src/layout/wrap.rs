//! Word wrapping by display width: CJK and emoji count two columns, a word
//! longer than the line is broken, and untrusted characters are made
//! visible on the way.

use super::{Line, Seg, Style};
use crate::sanitize::{is_unsafe, sanitize_between, shown, visible_at};
use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A styled piece of a paragraph, before wrapping.
#[derive(Debug, Clone)]
pub struct Piece<'a> {
    pub text: Cow<'a, str>,
    pub style: Style,
}

impl<'a> Piece<'a> {
    pub fn new(text: &'a str, style: Style) -> Self {
        Self {
            text: Cow::Borrowed(text),
            style,
        }
    }
    pub fn owned(text: String, style: Style) -> Self {
        Self {
            text: Cow::Owned(text),
            style,
        }
    }
    pub fn cow(text: Cow<'a, str>, style: Style) -> Self {
        Self { text, style }
    }
}

/// Columns a string takes on the terminal, after sanitising.
pub fn display_width(s: &str) -> usize {
    display_width_between(None, s, None)
}

/// Columns `s` takes when it sits between the characters `before` and
/// `after`: a joiner at its ends is drawn (or not) by its neighbours.
fn display_width_between(before: Option<char>, s: &str, after: Option<char>) -> usize {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    let mut width = 0;
    for c in s.chars() {
        if is_unsafe(c) {
            return shown(before, s, after).map(shown_width).sum();
        }
        width += shown_width(c);
    }
    width
}

/// Columns of a character as drawn (already made visible: no controls).
/// Variation selectors 1 and 16 count one column although alone they take
/// none: after a narrow base they make a two-column sequence ("❤\u{fe0f}",
/// "‘\u{fe01}"), which a terminal and [`UnicodeWidthStr::width`] draw two
/// columns wide. Counting the selector keeps a line's width at most what
/// the wrapper counted; after a wide base it costs a column of slack.
fn shown_width(c: char) -> usize {
    match c {
        '\u{fe01}' | '\u{fe0f}' => 1,
        c => c.width().unwrap_or(0),
    }
}

/// The most columns an indent (quote bars, list padding and marker, a code
/// block's margin) takes at `width`: half the line, and always two columns
/// short of it, so that any character still fits beside it.
fn indent_room(width: usize) -> usize {
    (width / 2).min(width.saturating_sub(2))
}

/// `indent` cut from the left to [`indent_room`] when deep nesting or a
/// narrow width would leave too little room for the text; the right end
/// (the list marker, the innermost quote bar) is what stays.
pub(super) fn fit_indent(indent: &str, width: usize) -> &str {
    let most = indent_room(width);
    let mut w = display_width(indent);
    for (i, c) in indent.char_indices() {
        if w <= most {
            return &indent[i..];
        }
        w -= shown_width(c);
    }
    ""
}

/// Builds lines, merging runs of the same style.
struct Lines {
    width: usize,
    rest_indent: String,
    indent_style: Style,
    done: Vec<Line>,
    current: Vec<Seg>,
    used: usize,
    /// Columns taken by the current line's indent.
    indent: usize,
}

impl Lines {
    fn new(width: usize, first: &str, indent_style: Style, rest: &str) -> Self {
        let mut me = Self {
            width,
            rest_indent: rest.to_owned(),
            indent_style,
            done: Vec::new(),
            current: Vec::new(),
            used: 0,
            indent: 0,
        };
        me.start_line(first.to_owned());
        me
    }

    fn start_line(&mut self, mut indent: String) {
        let keep = indent.len() - fit_indent(&indent, self.width).len();
        indent.drain(..keep);
        self.used = indent.width();
        self.indent = self.used;
        self.current = Vec::new();
        if !indent.is_empty() {
            self.current.push(Seg {
                text: indent,
                style: self.indent_style,
            });
        }
    }

    fn room(&self) -> usize {
        self.width.saturating_sub(self.used)
    }

    /// True when the line holds nothing but its indent.
    fn is_fresh(&self) -> bool {
        self.used == self.indent
    }

    /// Segments of the current line that hold the indent (never merged into).
    fn indent_segs(&self) -> usize {
        usize::from(self.indent > 0)
    }

    /// Appends already-measured text (`width` columns) in one go.
    fn push_str(&mut self, text: &str, width: usize, style: Style) {
        self.used += width;
        let merge =
            self.current.len() > self.indent_segs() && self.current.last().is_some_and(|l| l.style == style);
        match self.current.last_mut() {
            Some(last) if merge => last.text.push_str(text),
            _ => {
                // Room for the rest of the line, so appending rarely reallocates.
                let mut owned = String::with_capacity(text.len() + self.room().min(256));
                owned.push_str(text);
                self.current.push(Seg { text: owned, style });
            }
        }
    }

    /// Appends a space and then `text` (`width` columns), both in `style`:
    /// what `push_str(" ", 1, style)` and `push_str(text, width, style)`
    /// make, in one step.
    fn push_spaced(&mut self, text: &str, width: usize, style: Style) {
        self.used += 1 + width;
        let merge =
            self.current.len() > self.indent_segs() && self.current.last().is_some_and(|l| l.style == style);
        match self.current.last_mut() {
            Some(last) if merge => {
                last.text.push(' ');
                last.text.push_str(text);
            }
            _ => {
                let mut owned = String::with_capacity(1 + text.len() + self.room().min(256));
                owned.push(' ');
                owned.push_str(text);
                self.current.push(Seg { text: owned, style });
            }
        }
    }

    /// Appends a character already made visible.
    fn push_char(&mut self, c: char, style: Style) {
        self.used += shown_width(c);
        let merge =
            self.current.len() > self.indent_segs() && self.current.last().is_some_and(|l| l.style == style);
        match self.current.last_mut() {
            Some(last) if merge => last.text.push(c),
            _ => self.current.push(Seg {
                text: c.to_string(),
                style,
            }),
        }
    }

    fn newline(&mut self) {
        // Trailing spaces are dropped so lines never end in blanks.
        if self.current.len() > self.indent_segs()
            && let Some(last) = self.current.last_mut()
        {
            let trimmed = last.text.trim_end_matches(' ').len();
            last.text.truncate(trimmed);
        }
        let segs = std::mem::take(&mut self.current);
        self.done.push(Line { segs, block: None });
        let indent = self.rest_indent.clone();
        self.start_line(indent);
    }

    fn finish(mut self) -> Vec<Line> {
        if !self.is_fresh() || self.done.is_empty() {
            self.newline();
        }
        self.done
    }
}

/// Wraps styled pieces to `width` columns; the first line is indented by
/// `first`, the others by `rest` (hanging indent for list items).
///
/// Words are handled as slices of the pieces (one allocation per line run,
/// not per character); only a word wider than a whole line is broken char
/// by char.
pub fn wrap(pieces: &[Piece<'_>], width: usize, first: &str, indent_style: Style, rest: &str) -> Vec<Line> {
    let mut out = Lines::new(width, first, indent_style, rest);
    let mut word: Vec<(&str, Style)> = Vec::new();
    let mut word_width = 0;
    // The word so far is printable ASCII: as wide as it is long, and
    // nothing in it to make visible.
    let mut plain = true;
    let mut space: Option<Style> = None;
    for (k, piece) in pieces.iter().enumerate() {
        let text: &str = &piece.text;
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b' ' || b == b'\n' || b == b'\t' {
                if i > start {
                    word.push((&text[start..i], piece.style));
                }
                place_word(&mut out, &mut word, &mut word_width, &mut space, &mut plain);
                if b == b'\n' {
                    out.newline();
                    space = None;
                } else if !out.is_fresh() {
                    space = Some(piece.style);
                }
                i += 1;
                start = i;
            } else if (0x20..0x7f).contains(&b) {
                // The rest of a run of printable ASCII, eight bytes at a time.
                let end = printable_run_end(bytes, i + 1);
                word_width += end - i;
                i = end;
            } else {
                plain = false;
                let c = text[i..].chars().next().unwrap_or(' ');
                let after = i + c.len_utf8();
                word_width += if is_unsafe(c) {
                    // Joiners are drawn by their neighbours, which may be
                    // in the piece before or after.
                    let prev = text[..i]
                        .chars()
                        .next_back()
                        .or_else(|| pieces[..k].iter().rev().find_map(|p| p.text.chars().next_back()));
                    let next = text[after..]
                        .chars()
                        .next()
                        .or_else(|| pieces[k + 1..].iter().find_map(|p| p.text.chars().next()));
                    shown_width(visible_at(prev, c, next))
                } else {
                    shown_width(c)
                };
                i = after;
            }
        }
        if start < bytes.len() {
            word.push((&text[start..], piece.style));
        }
    }
    place_word(&mut out, &mut word, &mut word_width, &mut space, &mut plain);
    out.finish()
}

/// The end of the run of printable ASCII other than a space (0x21 to
/// 0x7e) from `i`, read eight bytes at a time while they last.
fn printable_run_end(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // The high bit of each byte between 0x20 and 0x7f, both excluded
        // (bytes of 0x80 and over have their own high bit, cleared by !x).
        let low = x & (ONES * 0x7f);
        let inside = (ONES * (0x7f + 0x7f) - low) & !x & (low + ONES * (0x7f - 0x20)) & HIGH;
        let stops = !inside & HIGH;
        if stops != 0 {
            return i + stops.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while i < bytes.len() && (0x21..0x7f).contains(&bytes[i]) {
        i += 1;
    }
    i
}

/// Puts a finished word on the current line, or the next, or breaks it
/// across lines when it is wider than a whole line.
fn place_word(
    out: &mut Lines,
    word: &mut Vec<(&str, Style)>,
    word_width: &mut usize,
    space: &mut Option<Style>,
    plain: &mut bool,
) {
    if word.is_empty() {
        *plain = true;
        return;
    }
    let space_width = usize::from(space.is_some());
    if space_width + *word_width > out.room() && !out.is_fresh() {
        out.newline();
        *space = None;
    }
    let space = space.take();
    // The commonest word: printable ASCII that fits after a space in its
    // own style, placed with that space in one step.
    if *plain
        && let Some(style) = space
        && style == word[0].1
        && *word_width < out.room()
    {
        out.push_spaced(word[0].0, word[0].0.len(), style);
        for &(part, style) in &word[1..] {
            out.push_str(part, part.len(), style);
        }
        word.clear();
        *word_width = 0;
        return;
    }
    if let Some(style) = space {
        out.push_str(" ", 1, style);
    }
    // A word's parts are contiguous in the text: each part's neighbours are
    // the ends of the parts around it.
    let before = |j: usize| j.checked_sub(1).and_then(|p| word[p].0.chars().next_back());
    let after = |j: usize| word.get(j + 1).and_then(|w| w.0.chars().next());
    if *word_width <= out.room() && *plain {
        // Printable ASCII: each part as it is, one column a byte.
        for &(part, style) in word.iter() {
            out.push_str(part, part.len(), style);
        }
    } else if *word_width <= out.room() {
        for (j, &(part, style)) in word.iter().enumerate() {
            let (b, a) = (before(j), after(j));
            out.push_str(
                &sanitize_between(b, part, a),
                display_width_between(b, part, a),
                style,
            );
        }
    } else {
        for (j, &(part, style)) in word.iter().enumerate() {
            for v in shown(before(j), part, after(j)) {
                if shown_width(v) > out.room() && !out.is_fresh() {
                    out.newline();
                }
                out.push_char(v, style);
            }
        }
    }
    word.clear();
    *word_width = 0;
    *plain = true;
}

/// Breaks a line of code at the width without looking for spaces.
pub fn hard_wrap(text: &str, style: Style, width: usize, pad: &str, pad_style: Style) -> Vec<Line> {
    let mut out = Lines::new(width, pad, pad_style, pad);
    for v in shown(None, text, None) {
        if shown_width(v) > out.room() && !out.is_fresh() {
            out.newline();
        }
        out.push_char(v, style);
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_runs_end_at_spaces_controls_and_non_ascii() {
        for text in [
            "abcdefghijklmnop qr",
            "a~b!c\tdefghijklmnopq",
            "abc",
            "abcdefgh\u{e9}ij",
            "x\x7fyyyyyyyyy",
        ] {
            let bytes = text.as_bytes();
            let slow = bytes
                .iter()
                .position(|b| !(0x21..0x7f).contains(b))
                .unwrap_or(bytes.len());
            assert_eq!(printable_run_end(bytes, 0), slow, "{text:?}");
        }
    }

    fn plain(text: &str, width: usize) -> Vec<String> {
        wrap(
            &[Piece::new(text, Style::default())],
            width,
            "",
            Style::default(),
            "",
        )
        .iter()
        .map(Line::text)
        .collect()
    }

    const TEXT: &str = "High-level diplomatic negotiations between United States, Ukrainian, and Russian representatives concluded in Miami with participants characterizing the discussions as productive and constructive.";

    #[test]
    fn no_line_exceeds_the_width_and_no_word_is_lost() {
        for width in [20, 40, 80, 120] {
            let lines = plain(TEXT, width);
            assert!(
                lines.iter().all(|l| display_width(l) <= width),
                "width {width}: {lines:?}"
            );
            assert_eq!(lines.join(" "), TEXT, "width {width}");
        }
    }

    #[test]
    fn width_40_breaks_at_spaces() {
        assert_eq!(
            plain(TEXT, 40)[..3],
            [
                "High-level diplomatic negotiations",
                "between United States, Ukrainian, and",
                "Russian representatives concluded in"
            ]
        );
    }

    #[test]
    fn emoji_presentation_selectors_count_a_column() {
        // "❤" is one column, but "❤\u{fe0f}" two: the selector is counted.
        let lines = plain(&"\u{2764}\u{fe0f}".repeat(6), 5);
        assert!(lines.iter().all(|l| l.width() <= 5), "{lines:?}");
        assert_eq!(display_width("\u{2764}\u{fe0f}"), 2);
    }

    #[test]
    fn cjk_and_emoji_count_two_columns() {
        let lines = plain("東京 北京 首尔 🎉🎉 end", 6);
        assert_eq!(lines, ["東京", "北京", "首尔", "🎉🎉", "end"]);
        assert!(lines.iter().all(|l| display_width(l) <= 6));
    }

    #[test]
    fn long_words_are_broken_not_overflowed() {
        assert_eq!(
            plain("a supercalifragilistic b", 8),
            ["a", "supercal", "ifragili", "stic b"]
        );
    }

    #[test]
    fn escapes_are_made_visible() {
        let lines = plain("bad \u{1b}[2Jclear", 40);
        assert_eq!(lines, ["bad \u{241b}[2Jclear"]);
    }

    #[test]
    fn joiners_are_kept_or_marked_by_their_neighbours() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(plain(&format!("a {family} b"), 40), [format!("a {family} b")]);
        // Two columns an emoji, none a kept joiner.
        assert_eq!(display_width(family), 6);
        assert_eq!(plain("Auf\u{200c}lage a\u{200d}b", 40), ["Auf⍰lage a⍰b"]);
        assert_eq!(display_width("a\u{200d}b"), 3);
        assert_eq!(plain("می\u{200c}خواهم", 40), ["می\u{200c}خواهم"]);
        assert_eq!(plain("x \u{202e}evil\u{e0041}", 40), ["x ⇄evil⍰"]);
    }

    #[test]
    fn a_joiner_between_pieces_sees_both() {
        let style = Style::default();
        let entity = Style {
            strong: true,
            ..Style::default()
        };
        let pieces = [
            Piece::new("👨", entity),
            Piece::new("\u{200d}", style),
            Piece::new("👩 a", entity),
            Piece::new("\u{200d}b", style),
        ];
        let lines = wrap(&pieces, 40, "", style, "");
        assert_eq!(
            lines.iter().map(Line::text).collect::<Vec<_>>(),
            ["👨\u{200d}👩 a⍰b"]
        );
        // Measured as drawn: a fitting line is not broken early.
        let lines = wrap(&pieces, 8, "", style, "");
        assert_eq!(
            lines.iter().map(Line::text).collect::<Vec<_>>(),
            ["👨\u{200d}👩 a⍰b"]
        );
    }

    #[test]
    fn hostile_text_never_overflows() {
        let hostile = "\u{1b}]0;x\u{7} \u{202e}\u{2066}\u{200f} \u{e0041}\u{e0042}\u{2060}\u{ad} a\u{200d}b\u{200c}c \
                       👨\u{200d}👩\u{200d}👧 می\u{200c}خواهم \u{85}\u{9b}";
        for width in 1..30 {
            let lines = plain(hostile, width);
            for l in &lines {
                // As drawn: a joiner kept in its sequence may end a line
                // when the sequence is broken for a very narrow width.
                let drawn: usize = l.chars().map(shown_width).sum();
                assert!(drawn <= width.max(2), "width {width}: {lines:?}");
                assert!(
                    !l.chars()
                        .any(|c| c.is_control() || matches!(c, '\u{202e}' | '\u{e0041}'))
                );
            }
        }
        assert_eq!(
            plain("ab\u{200d}cd", 3),
            ["ab⍰", "cd"],
            "a word broken char by char still marks its joiners"
        );
        let code = hard_wrap("👨\u{200d}👩\u{1b}", Style::default(), 10, "", Style::default());
        assert_eq!(code[0].text(), "👨\u{200d}👩\u{241b}");
    }

    #[test]
    fn hanging_indent() {
        let lines: Vec<_> = wrap(
            &[Piece::new("one two three", Style::default())],
            8,
            "- ",
            Style::default(),
            "  ",
        )
        .iter()
        .map(Line::text)
        .collect();
        assert_eq!(lines, ["- one", "  two", "  three"]);
    }

    #[test]
    fn deep_indents_are_cut_to_leave_room() {
        let bars = "\u{2502} ".repeat(30);
        let lines: Vec<_> = wrap(
            &[Piece::new("one two", Style::default())],
            20,
            &bars,
            Style::default(),
            &bars,
        )
        .iter()
        .map(Line::text)
        .collect();
        assert_eq!(lines, [format!("{}one two", "\u{2502} ".repeat(5))]);
        assert_eq!(fit_indent("    \u{2022} ", 5), "\u{2022} ");
        assert_eq!(fit_indent("  ", 2), "");
        assert_eq!(fit_indent("- ", 80), "- ");
    }

    #[test]
    fn width_one_still_terminates() {
        assert_eq!(plain("ab", 1), ["a", "b"]);
    }
}
