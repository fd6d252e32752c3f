//! Makes untrusted document text safe to put on a terminal.
//!
//! Briefings come from anywhere. A stray ESC, CSI, OSC or C1 byte could move
//! the cursor, retitle the window or hide text, and bidi overrides can make a
//! line read differently from what it says. Every such character is replaced
//! by a visible placeholder before it reaches a `Span` or stdout.

use std::borrow::Cow;

/// The visible stand-in for a C0/C1 control character: the Unicode "control
/// picture" where one exists (␛ for ESC), else a replacement mark.
fn placeholder(c: char) -> Option<char> {
    let code = c as u32;
    match code {
        // C0 controls have dedicated pictures at U+2400 + code.
        0x00..=0x1f => char::from_u32(0x2400 + code),
        0x7f => Some('\u{2421}'),
        // C1 controls (including the 8-bit CSI 0x9b and OSC 0x9d); bidi
        // embeddings, overrides and isolates, which reorder what follows;
        // zero-width and direction marks, which hide or reorder text.
        0x80..=0x9f | 0x202a..=0x202e | 0x2066..=0x2069 | 0x200b..=0x200f | 0x2028 | 0x2029 | 0xfeff => {
            Some('\u{fffd}')
        }
        _ => None,
    }
}

/// True when `c` would be replaced by [`sanitize`].
pub fn is_unsafe(c: char) -> bool {
    placeholder(c).is_some()
}

/// Returns `text` with every control, escape and bidi character replaced by a
/// visible placeholder; borrows when nothing needs replacing (the usual case).
/// Tabs become a single space so that widths stay predictable.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let plain_ascii = text.bytes().all(|b| (0x20..0x7f).contains(&b));
    if plain_ascii || !text.chars().any(|c| c == '\t' || is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c == '\t' {
            out.push(' ');
        } else if let Some(p) = placeholder(c) {
            out.push(p);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Maps one character to what is drawn for it, for callers that already walk
/// text char by char (the wrapper).
pub fn visible(c: char) -> char {
    if c == '\t' {
        ' '
    } else {
        placeholder(c).unwrap_or(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(sanitize("Kyiv, Nov 26"), Cow::Borrowed("Kyiv, Nov 26")));
    }

    #[test]
    fn escape_sequences_become_visible() {
        let s = sanitize("a\u{1b}[31mred\u{1b}]0;title\u{7}b");
        assert!(!s.contains('\u{1b}'));
        assert!(!s.contains('\u{7}'));
        assert_eq!(s, "a\u{241b}[31mred\u{241b}]0;title\u{2407}b");
    }

    #[test]
    fn c1_and_bidi_controls_are_replaced() {
        let s = sanitize("x\u{9b}1m\u{202e}evil\u{2066}");
        assert_eq!(s, "x\u{fffd}1m\u{fffd}evil\u{fffd}");
    }

    #[test]
    fn tabs_become_spaces() {
        assert_eq!(sanitize("a\tb"), "a b");
    }

    #[test]
    fn visible_matches_sanitize() {
        for c in ['\u{1b}', '\u{9d}', '\u{202d}', 'é', '中'] {
            assert_eq!(sanitize(&c.to_string()), visible(c).to_string());
        }
    }
}
