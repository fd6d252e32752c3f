//! Display lines to text for `brief read`: ANSI styles on a terminal,
//! plain text in a pipe.

use crate::entities::EntityKind;
use crate::layout::{Line, Role, Style};
use std::fmt::Write as _;

/// The SGR colour of an entity kind: one hue per kind, readable on dark and
/// light backgrounds.
pub fn kind_colour(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "33", // yellow
        EntityKind::Org => "36",    // cyan
        EntityKind::Place => "32",  // green
        EntityKind::Group => "35",  // magenta
        EntityKind::Date => "34",   // blue
        EntityKind::Number => "31", // red
    }
}

fn sgr(style: Style) -> String {
    let mut codes: Vec<&str> = Vec::new();
    match style.role {
        Role::Heading(1) => codes.extend(["1", "4"]),
        Role::Heading(_) => codes.push("1"),
        Role::Code | Role::Marker | Role::LinkRef | Role::Border => codes.push("2"),
        Role::Text => {}
    }
    if style.strong {
        codes.push("1");
    }
    if style.emphasis {
        codes.push("3");
    }
    if style.strike {
        codes.push("9");
    }
    if style.link {
        codes.push("4");
    }
    if let Some(kind) = style.entity {
        codes.push(kind_colour(kind));
    }
    codes.dedup();
    codes.join(";")
}

/// Appends one line to `out`, with or without colour. Segment texts were
/// sanitised by the layout, so nothing here can emit a control character
/// from the document.
pub fn write_line(out: &mut String, line: &Line, colour: bool) {
    for seg in &line.segs {
        let code = if colour { sgr(seg.style) } else { String::new() };
        if code.is_empty() {
            out.push_str(&seg.text);
        } else {
            let _ = write!(out, "\x1b[{code}m{}\x1b[0m", seg.text);
        }
    }
    // Lines end without trailing blanks.
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Seg;

    fn line() -> Line {
        Line {
            segs: vec![
                Seg {
                    text: "Putin".into(),
                    style: Style {
                        entity: Some(EntityKind::Person),
                        ..Style::default()
                    },
                },
                Seg {
                    text: " spoke".into(),
                    style: Style::default(),
                },
            ],
            block: None,
        }
    }

    #[test]
    fn plain_output_has_no_escapes() {
        let mut s = String::new();
        write_line(&mut s, &line(), false);
        assert_eq!(s, "Putin spoke\n");
    }

    #[test]
    fn colour_output_marks_entities_by_kind() {
        let mut s = String::new();
        write_line(&mut s, &line(), true);
        assert_eq!(s, "\x1b[33mPutin\x1b[0m spoke\n");
    }
}
