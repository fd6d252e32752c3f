//! Colours and text attributes for the TUI: one place that turns the
//! domain's styles (entity kinds, roles) into ratatui styles.

use crate::config::ThemeName;
use crate::entities::EntityKind;
use crate::layout::{Role, Style as LayoutStyle};
use ratatui::style::{Color, Modifier, Style};

/// The styles the UI draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    pub text: Style,
    pub dim: Style,
    pub accent: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub mention: Style,
    /// Mentions of watched entities, on top of their kind's colour.
    pub watched: Style,
    pub cursor: Style,
    pub note_mark: Style,
    pub status: Style,
    pub error: Style,
}

impl Theme {
    /// `NO_COLOR` (any non-empty value) forces the monochrome theme.
    pub fn new(name: ThemeName, no_color: bool) -> Self {
        let name = if no_color { ThemeName::Mono } else { name };
        let plain = Style::default();
        match name {
            ThemeName::Mono => Self {
                name,
                text: plain,
                dim: plain.add_modifier(Modifier::DIM),
                accent: plain.add_modifier(Modifier::BOLD),
                border: plain,
                border_focused: plain.add_modifier(Modifier::BOLD),
                selected: plain.add_modifier(Modifier::REVERSED),
                mention: plain.add_modifier(Modifier::REVERSED),
                watched: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                cursor: plain.add_modifier(Modifier::BOLD),
                note_mark: plain.add_modifier(Modifier::BOLD),
                status: plain.add_modifier(Modifier::REVERSED),
                error: plain.add_modifier(Modifier::BOLD),
            },
            ThemeName::Dark | ThemeName::Light => {
                let (fg, dim) = if name == ThemeName::Dark {
                    (Color::Reset, Color::DarkGray)
                } else {
                    (Color::Black, Color::Gray)
                };
                Self {
                    name,
                    text: plain.fg(fg),
                    dim: plain.fg(dim),
                    accent: plain.fg(Color::LightBlue).add_modifier(Modifier::BOLD),
                    border: plain.fg(dim),
                    border_focused: plain.fg(Color::LightBlue).add_modifier(Modifier::BOLD),
                    selected: plain.add_modifier(Modifier::REVERSED),
                    mention: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                    watched: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                    cursor: plain.fg(Color::LightBlue).add_modifier(Modifier::BOLD),
                    note_mark: plain.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
                    status: plain.bg(Color::DarkGray).fg(Color::White),
                    error: plain.fg(Color::LightRed).add_modifier(Modifier::BOLD),
                }
            }
        }
    }

    /// An entity kind's colour; without colour, an attribute per kind so
    /// kinds stay apart.
    pub fn kind(&self, kind: EntityKind) -> Style {
        let s = Style::default();
        if self.name == ThemeName::Mono {
            return match kind {
                EntityKind::Person => s.add_modifier(Modifier::BOLD),
                EntityKind::Org => s.add_modifier(Modifier::UNDERLINED),
                EntityKind::Place => s.add_modifier(Modifier::ITALIC),
                EntityKind::Group => s.add_modifier(Modifier::BOLD | Modifier::ITALIC),
                EntityKind::Date => s.add_modifier(Modifier::DIM),
                EntityKind::Number => s.add_modifier(Modifier::DIM | Modifier::ITALIC),
            };
        }
        let light = self.name == ThemeName::Light;
        s.fg(match kind {
            EntityKind::Person => {
                if light {
                    Color::Rgb(160, 90, 0)
                } else {
                    Color::Yellow
                }
            }
            EntityKind::Org => {
                if light {
                    Color::Rgb(0, 110, 140)
                } else {
                    Color::Cyan
                }
            }
            EntityKind::Place => {
                if light {
                    Color::Rgb(0, 120, 0)
                } else {
                    Color::Green
                }
            }
            EntityKind::Group => {
                if light {
                    Color::Rgb(140, 0, 140)
                } else {
                    Color::Magenta
                }
            }
            EntityKind::Date => {
                if light {
                    Color::Rgb(40, 60, 180)
                } else {
                    Color::LightBlue
                }
            }
            EntityKind::Number => {
                if light {
                    Color::Rgb(170, 30, 30)
                } else {
                    Color::LightRed
                }
            }
        })
    }

    /// The ratatui style of a laid-out piece of text.
    pub fn text_style(&self, s: &LayoutStyle) -> Style {
        let mut out = self.text;
        match s.role {
            Role::Heading(1) => out = out.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Role::Heading(_) => out = out.add_modifier(Modifier::BOLD),
            Role::Code | Role::Marker | Role::LinkRef | Role::Border => out = self.dim,
            Role::Text => {}
        }
        if s.strong {
            out = out.add_modifier(Modifier::BOLD);
        }
        if s.emphasis {
            out = out.add_modifier(Modifier::ITALIC);
        }
        if s.strike {
            out = out.add_modifier(Modifier::CROSSED_OUT);
        }
        if s.link {
            out = out.add_modifier(Modifier::UNDERLINED);
        }
        if let Some(kind) = s.entity {
            out = out.patch(self.kind(kind));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_gives_distinct_attributes_per_name_kind() {
        let t = Theme::new(ThemeName::Dark, true);
        let styles: Vec<_> = [
            EntityKind::Person,
            EntityKind::Org,
            EntityKind::Place,
            EntityKind::Group,
        ]
        .into_iter()
        .map(|k| t.kind(k))
        .collect();
        assert!(styles.iter().all(|s| s.fg.is_none()));
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn colour_themes_colour_each_kind_differently() {
        for name in [ThemeName::Dark, ThemeName::Light] {
            let t = Theme::new(name, false);
            let fgs: std::collections::HashSet<_> = EntityKind::ALL.iter().map(|k| t.kind(*k).fg).collect();
            assert_eq!(fgs.len(), 6);
        }
    }
}
