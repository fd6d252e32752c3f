//! The note editor's text: a multi-line buffer with a cursor. Typed text
//! is only ever saved or kept — never dropped without the user's word —
//! except control characters, which are not text (see `is_dropped`).

/// What the editor is writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// A new note on the paragraph with this ordinal.
    New { ordinal: usize },
    /// An existing note.
    Existing { id: String },
}

/// C0 and C1 controls other than newline and tab, DEL included: a pasted
/// ESC, BEL or BS is never meant as text, and stored in a note it would
/// come back raw in every export and every terminal that shows the file.
/// (Bidi marks and joiners are text in some scripts: they are kept, and
/// made visible where they are drawn.)
fn is_dropped(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// A small multi-line text buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub text: String,
    /// Byte offset of the cursor, always on a char boundary.
    pub cursor: usize,
    pub target: EditTarget,
}

impl Editor {
    pub fn new(target: EditTarget, text: String) -> Self {
        Self {
            cursor: text.len(),
            text,
            target,
        }
    }

    /// Inserts a typed character; a control character is dropped (see
    /// [`is_dropped`]).
    pub fn insert(&mut self, c: char) {
        if is_dropped(c) {
            return;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Inserts pasted text (bracketed paste), newlines normalised and
    /// control characters dropped (see [`is_dropped`]).
    pub fn insert_str(&mut self, s: &str) {
        let s = s.replace("\r\n", "\n").replace('\r', "\n");
        let s: String = if s.chars().any(is_dropped) {
            s.chars().filter(|&c| !is_dropped(c)).collect()
        } else {
            s
        };
        self.text.insert_str(self.cursor, &s);
        self.cursor += s.len();
    }

    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
        }
    }

    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    /// Moves to the same column on the previous (`up`) or next line.
    pub fn vertical(&mut self, up: bool) {
        let line_start = self.text[..self.cursor].rfind('\n').map_or(0, |p| p + 1);
        let column = self.text[line_start..self.cursor].chars().count();
        let target_start = if up {
            if line_start == 0 {
                return;
            }
            self.text[..line_start - 1].rfind('\n').map_or(0, |p| p + 1)
        } else {
            match self.text[self.cursor..].find('\n') {
                Some(p) => self.cursor + p + 1,
                None => return,
            }
        };
        let line_end = self.text[target_start..]
            .find('\n')
            .map_or(self.text.len(), |p| target_start + p);
        let line = &self.text[target_start..line_end];
        self.cursor = target_start + line.char_indices().nth(column).map_or(line.len(), |(i, _)| i);
    }

    /// Line and column (in chars) of the cursor, for drawing it.
    pub fn cursor_line_col(&self) -> (usize, usize) {
        let before = &self.text[..self.cursor];
        let line = before.matches('\n').count();
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_newlines_and_backspace() {
        let mut e = Editor::new(EditTarget::New { ordinal: 2 }, String::new());
        for c in "ab".chars() {
            e.insert(c);
        }
        e.insert('\n');
        e.insert('é');
        assert_eq!(e.text, "ab\né");
        assert_eq!(e.cursor_line_col(), (1, 1));
        e.backspace();
        e.backspace();
        assert_eq!(e.text, "ab");
    }

    #[test]
    fn moves_between_lines_keeping_the_column() {
        let mut e = Editor::new(EditTarget::New { ordinal: 0 }, "hello\nhi\nworld".into());
        e.vertical(true);
        assert_eq!(e.cursor_line_col(), (1, 2));
        e.vertical(true);
        assert_eq!(e.cursor_line_col(), (0, 2));
        e.vertical(false);
        e.vertical(false);
        assert_eq!(e.cursor_line_col(), (2, 2));
        e.left();
        e.delete();
        assert_eq!(e.text, "hello\nhi\nwrld");
    }

    #[test]
    fn paste_normalises_newlines() {
        let mut e = Editor::new(EditTarget::New { ordinal: 0 }, String::new());
        e.insert_str("a\r\nb\rc");
        assert_eq!(e.text, "a\nb\nc");
    }

    #[test]
    fn pasted_and_typed_controls_are_dropped() {
        let mut e = Editor::new(EditTarget::New { ordinal: 0 }, String::new());
        e.insert_str("a\u{1b}]0;PWN\u{7}b\u{8}c\u{7f}\u{85}\u{9b}1m\td\ne\u{0}");
        assert_eq!(e.text, "a]0;PWNbc1m\td\ne");
        assert_eq!(e.cursor, e.text.len());
        for c in ['\u{1b}', '\u{7}', '\u{8}', '\u{9d}'] {
            e.insert(c);
        }
        e.insert('\t');
        assert_eq!(e.text, "a]0;PWNbc1m\td\ne\t");
        // Text of the world's scripts is kept as typed, joiners and all.
        e.insert_str("می\u{200c}خواهم 👨\u{200d}👩 \u{200f}");
        assert!(e.text.ends_with("می\u{200c}خواهم 👨\u{200d}👩 \u{200f}"));
    }
}
