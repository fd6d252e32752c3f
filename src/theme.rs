//! Colours and text attributes for the TUI: one place that turns the
//! domain's styles (entity kinds, roles) into ratatui styles.
//!
//! Three rules shape the themes (issue 12):
//! - the light theme uses explicit RGB colours, each checked by a test
//!   against WCAG AA on white, because the terminal's ANSI palette gives
//!   light grey and bright yellow that vanish on a white background;
//! - without colour (`mono`, `NO_COLOR`) each entity kind has a set of
//!   attributes that no other text element has, and keeps it wherever it is
//!   drawn, because attributes are then the only channel;
//! - `auto` asks the terminal for its background before the TUI starts.

use crate::config::ThemeName;
use crate::entities::EntityKind;
use crate::layout::{Role, Style as LayoutStyle};
use ratatui::style::{Color, Modifier, Style};
use std::time::Duration;

/// The styles the UI draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Dark, Light or Mono: never Auto, which is resolved before a theme is
    /// built.
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

/// The light theme's colours, as sRGB. Each is at least 4.5:1 (WCAG AA for
/// text) against white and against the selection's background, except
/// `BORDER`, which only draws box lines and is held to 3:1 (AA for non-text
/// UI); titles on a border take `DIM` or `FOCUS`. The tests measure them.
pub mod light {
    pub type Rgb = (u8, u8, u8);
    /// The background the light theme is made for.
    pub const BACKGROUND: Rgb = (0xff, 0xff, 0xff);
    pub const TEXT: Rgb = (0x1c, 0x1c, 0x1c);
    /// Meta lines, watch hits in Articles, hints, code, unfocused titles.
    pub const DIM: Rgb = (0x5f, 0x5f, 0x5f);
    pub const BORDER: Rgb = (0x8a, 0x8a, 0x8a);
    /// The focused pane's border and title: neutral, so that no entity
    /// kind's colour (the legend sits on the Reader's border) matches it.
    pub const FOCUS: Rgb = TEXT;
    pub const ACCENT: Rgb = (0x1d, 0x4e, 0xd8);
    /// The note mark and the watched star: a dark amber, not yellow.
    pub const MARK: Rgb = (0x7a, 0x50, 0x00);
    pub const ERROR: Rgb = (0xb4, 0x23, 0x18);
    /// The selected list row's background: a pale blue that every
    /// foreground above still reads on.
    pub const SELECTED_BG: Rgb = (0xdd, 0xe7, 0xf7);
    pub const STATUS_FG: Rgb = (0xff, 0xff, 0xff);
    pub const STATUS_BG: Rgb = (0x3a, 0x3a, 0x3a);
    pub const PERSON: Rgb = (0x8f, 0x4a, 0x00);
    pub const ORG: Rgb = (0x00, 0x64, 0x70);
    pub const PLACE: Rgb = (0x17, 0x69, 0x2f);
    pub const GROUP: Rgb = (0x8b, 0x2f, 0xa8);
    pub const DATE: Rgb = (0x1d, 0x4e, 0xd8);
    pub const NUMBER: Rgb = (0xb4, 0x23, 0x18);
}

fn rgb((r, g, b): light::Rgb) -> Color {
    Color::Rgb(r, g, b)
}

/// The attributes the mono theme tells entity kinds apart by. A kind's
/// mono style sets its own and clears the others of these, so that the
/// bold of a heading or a focused border, the italics of emphasis or the dim
/// of an unfocused title cannot turn one kind into another. The cost: a
/// name inside a heading, emphasis or a link shows only its kind's
/// attributes, without colour, where the kind matters more.
const KIND_CHANNELS: Modifier = Modifier::BOLD
    .union(Modifier::ITALIC)
    .union(Modifier::UNDERLINED)
    .union(Modifier::DIM);

/// Each kind's attributes without colour. Every single attribute is taken
/// by the text itself (bold: strong, headings, the focused border; italic:
/// emphasis; underline: links; dim: meta and code; reverse: selection and
/// matches), and bold with underline is a level-1 heading and the watched
/// mark, so every kind has two or three attributes, and no kind contains
/// bold with underline, so a watched name always changes. GROUP's
/// bold-with-dim shows as plain dim on terminals with one intensity (the
/// Linux console, `WezTerm`); every other kind is safe there. Text with two
/// marks at once (bold italics, an emphasised link) can look like a kind:
/// six kinds leave no pair of attributes free.
fn mono_kind(kind: EntityKind) -> Modifier {
    match kind {
        EntityKind::Person => Modifier::BOLD | Modifier::ITALIC,
        EntityKind::Org => Modifier::ITALIC | Modifier::UNDERLINED,
        EntityKind::Place => Modifier::UNDERLINED | Modifier::DIM,
        EntityKind::Group => Modifier::BOLD | Modifier::DIM,
        EntityKind::Date => Modifier::ITALIC | Modifier::DIM,
        EntityKind::Number => Modifier::ITALIC | Modifier::UNDERLINED | Modifier::DIM,
    }
}

impl Theme {
    /// `NO_COLOR` (any non-empty value) forces the monochrome theme. `Auto`
    /// gives the dark theme here: only [`Theme::choose`] asks the terminal.
    pub fn new(name: ThemeName, no_color: bool) -> Self {
        match if no_color { ThemeName::Mono } else { name } {
            ThemeName::Mono => Self::mono(),
            ThemeName::Light => Self::light(),
            ThemeName::Auto | ThemeName::Dark => Self::dark(),
        }
    }

    /// The theme for the configured `name`, calling `ask` (in the binary:
    /// [`ask_terminal`]) only for `auto` with colour allowed, so that an
    /// explicit choice or `NO_COLOR` never sends the terminal a query; no
    /// answer means dark.
    pub fn choose(name: ThemeName, no_color: bool, ask: impl FnOnce() -> Option<Background>) -> Self {
        if no_color || name != ThemeName::Auto {
            return Self::new(name, no_color);
        }
        match ask() {
            Some(Background::Light) => Self::light(),
            Some(Background::Dark) | None => Self::dark(),
        }
    }

    /// Attributes only: reverse for what is selected or matched, bold for
    /// what leads, dim for what is secondary.
    fn mono() -> Self {
        let plain = Style::default();
        Self {
            name: ThemeName::Mono,
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
        }
    }

    /// ANSI colours, which dark palettes draw readably. The focused border
    /// is bright white, not blue, so that DATE's light blue stands out in
    /// the legend on the Reader's focused border.
    fn dark() -> Self {
        let plain = Style::default();
        Self {
            name: ThemeName::Dark,
            text: plain.fg(Color::Reset),
            dim: plain.fg(Color::DarkGray),
            accent: plain.fg(Color::LightBlue).add_modifier(Modifier::BOLD),
            border: plain.fg(Color::DarkGray),
            border_focused: plain.fg(Color::White).add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            mention: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            watched: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            cursor: plain.fg(Color::LightBlue).add_modifier(Modifier::BOLD),
            note_mark: plain.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            status: plain.bg(Color::DarkGray).fg(Color::White),
            error: plain.fg(Color::LightRed).add_modifier(Modifier::BOLD),
        }
    }

    /// Explicit RGB ([`light`]): a light palette's ANSI greys and yellows
    /// are unreadable on white. Mentions and matches stay reversed, which
    /// swaps a colour with the background and so keeps its contrast.
    fn light() -> Self {
        let plain = Style::default();
        Self {
            name: ThemeName::Light,
            text: plain.fg(rgb(light::TEXT)),
            dim: plain.fg(rgb(light::DIM)),
            accent: plain.fg(rgb(light::ACCENT)).add_modifier(Modifier::BOLD),
            border: plain.fg(rgb(light::BORDER)),
            border_focused: plain.fg(rgb(light::FOCUS)).add_modifier(Modifier::BOLD),
            selected: plain.bg(rgb(light::SELECTED_BG)).fg(rgb(light::TEXT)),
            mention: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            watched: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            cursor: plain.fg(rgb(light::ACCENT)).add_modifier(Modifier::BOLD),
            note_mark: plain.fg(rgb(light::MARK)).add_modifier(Modifier::BOLD),
            status: plain.bg(rgb(light::STATUS_BG)).fg(rgb(light::STATUS_FG)),
            error: plain.fg(rgb(light::ERROR)).add_modifier(Modifier::BOLD),
        }
    }

    /// An entity kind's colour; without colour, its own attributes (see
    /// [`mono_kind`]), clearing the other kind attributes it is drawn over.
    pub fn kind(&self, kind: EntityKind) -> Style {
        let s = Style::default();
        match self.name {
            ThemeName::Mono => {
                let own = mono_kind(kind);
                s.add_modifier(own).remove_modifier(KIND_CHANNELS - own)
            }
            ThemeName::Light => s.fg(rgb(match kind {
                EntityKind::Person => light::PERSON,
                EntityKind::Org => light::ORG,
                EntityKind::Place => light::PLACE,
                EntityKind::Group => light::GROUP,
                EntityKind::Date => light::DATE,
                EntityKind::Number => light::NUMBER,
            })),
            ThemeName::Auto | ThemeName::Dark => s.fg(match kind {
                EntityKind::Person => Color::Yellow,
                EntityKind::Org => Color::Cyan,
                EntityKind::Place => Color::Green,
                EntityKind::Group => Color::Magenta,
                EntityKind::Date => Color::LightBlue,
                EntityKind::Number => Color::LightRed,
            }),
        }
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
        // Inline code looks like a code block's text, not like prose.
        if s.code && s.role == Role::Text {
            out = self.dim;
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

/// Which way the terminal's background leans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    Dark,
    Light,
}

impl Background {
    /// The relative luminance at which black and white text have the same
    /// contrast ratio: (1 + 0.05) / (L + 0.05) = (L + 0.05) / 0.05. Above it
    /// dark text reads better, so the light theme fits.
    pub const THRESHOLD: f64 = 0.179_129;

    /// A background of relative luminance `l` (0 black, 1 white).
    pub fn from_luminance(l: f64) -> Self {
        if l > Self::THRESHOLD {
            Self::Light
        } else {
            Self::Dark
        }
    }

    /// A background given in 16 bits a channel, as terminals answer OSC 11.
    pub fn from_rgb16(r: u16, g: u16, b: u16) -> Self {
        let unit = |c: u16| f64::from(c) / f64::from(u16::MAX);
        Self::from_luminance(relative_luminance(unit(r), unit(g), unit(b)))
    }
}

/// WCAG 2 relative luminance of an sRGB colour, channels in 0..=1.
pub fn relative_luminance(r: f64, g: f64, b: f64) -> f64 {
    let linear = |c: f64| {
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2 contrast ratio of two 8-bit sRGB colours: 1 (same) to 21.
pub fn contrast_ratio(a: light::Rgb, b: light::Rgb) -> f64 {
    let lum = |(r, g, b): light::Rgb| {
        relative_luminance(f64::from(r) / 255.0, f64::from(g) / 255.0, f64::from(b) / 255.0)
    };
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// How long `auto` waits for the terminal's answer: short enough not to be
/// felt at start. Terminals that cannot answer are usually told apart at
/// once (the query is followed by one every terminal answers).
pub const QUERY_TIMEOUT: Duration = Duration::from_millis(100);

/// Asks the terminal for its background colour (OSC 11), before the TUI
/// takes the terminal; None when stdout is not a terminal or the terminal
/// does not answer in time. A thin wrapper: the deciding is
/// [`Background::from_rgb16`], which is tested; the query needs a real
/// terminal, so no test runs it.
pub fn ask_terminal() -> Option<Background> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = QUERY_TIMEOUT;
    let c = terminal_colorsaurus::background_color(options).ok()?;
    Some(Background::from_rgb16(c.r, c.g, c.b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::{Buffer, Cell};
    use ratatui::layout::Rect;
    use ratatui::text::{Line, Span};
    use ratatui::widgets::{Block, Widget};
    use std::fmt::Write as _;

    /// The attributes a cell shows once `styles` are set on it in turn, as
    /// ratatui draws a span over a line over a block.
    fn shown(styles: &[Style]) -> Modifier {
        let mut cell = Cell::EMPTY;
        for s in styles {
            cell.set_style(*s);
        }
        cell.modifier
    }

    /// The pieces of text a briefing is laid out into, without entities:
    /// each role (every heading level) and each inline mark on its own.
    fn layouts() -> Vec<(String, LayoutStyle)> {
        let mut out = vec![("text".to_owned(), LayoutStyle::default())];
        for level in 1..=6 {
            out.push((
                format!("heading {level}"),
                LayoutStyle {
                    role: Role::Heading(level),
                    ..LayoutStyle::default()
                },
            ));
        }
        for (name, role) in [
            ("code", Role::Code),
            ("marker", Role::Marker),
            ("link number", Role::LinkRef),
            ("table border", Role::Border),
        ] {
            out.push((
                name.to_owned(),
                LayoutStyle {
                    role,
                    code: role == Role::Code,
                    ..LayoutStyle::default()
                },
            ));
        }
        let mark = |name: &str, f: fn(&mut LayoutStyle)| {
            let mut s = LayoutStyle::default();
            f(&mut s);
            (name.to_owned(), s)
        };
        out.push(mark("strong", |s| s.strong = true));
        out.push(mark("emphasis", |s| s.emphasis = true));
        out.push(mark("strike", |s| s.strike = true));
        out.push(mark("link", |s| s.link = true));
        out
    }

    /// Every element that is not an entity, as drawn without colour: the
    /// theme's own styles and each piece of laid-out text, alone and as a
    /// search match.
    fn plain_elements(t: &Theme) -> Vec<(String, Modifier)> {
        let mut out: Vec<(String, Modifier)> = [
            ("text", t.text),
            ("dim / meta", t.dim),
            ("accent", t.accent),
            ("border", t.border),
            ("focused border", t.border_focused),
            ("selected item", t.selected),
            ("mention highlight", t.mention),
            ("watched", t.watched),
            ("cursor", t.cursor),
            ("note mark", t.note_mark),
            ("status", t.status),
            ("error", t.error),
            ("unread title", t.text.add_modifier(Modifier::BOLD)),
        ]
        .into_iter()
        .map(|(n, s)| (n.to_owned(), shown(&[s])))
        .collect();
        for (name, l) in layouts() {
            let s = t.text_style(&l);
            out.push((name.clone(), shown(&[s])));
            out.push((format!("{name}, search match"), shown(&[s, t.mention])));
        }
        out
    }

    /// Where an entity is drawn: inside each piece of laid-out text, and on
    /// the Reader's border (the legend) focused or not; each as the styles a
    /// cell gets in turn.
    fn kind_contexts(t: &Theme, kind: EntityKind) -> Vec<(String, Vec<Style>)> {
        let mut out: Vec<(String, Vec<Style>)> = layouts()
            .into_iter()
            .map(|(name, l)| {
                let with = LayoutStyle {
                    entity: Some(kind),
                    ..l
                };
                (format!("in {name}"), vec![t.text_style(&with)])
            })
            .collect();
        out.push((
            "legend, focused".into(),
            vec![t.border_focused, t.border_focused, t.kind(kind)],
        ));
        out.push(("legend, unfocused".into(), vec![t.border, t.dim, t.kind(kind)]));
        out
    }

    fn modifiers_named(m: Modifier) -> String {
        if m.is_empty() {
            "none".into()
        } else {
            format!("{m:?}")
        }
    }

    #[test]
    fn mono_gives_each_kind_attributes_of_its_own_wherever_it_is_drawn() {
        let t = Theme::new(ThemeName::Dark, true);
        let plain = plain_elements(&t);
        let taken = |m: Modifier| plain.iter().find(|(_, p)| *p == m).map(|(n, _)| n.clone());
        let contexts: Vec<Vec<(String, Vec<Style>)>> =
            EntityKind::ALL.iter().map(|k| kind_contexts(&t, *k)).collect();
        // Drawn as is, then in the cursor's paragraph (its style patched on
        // top), then as a search match or the selected entity's mention.
        for (after, top) in [
            ("", None),
            (", cursor", Some(t.cursor)),
            (", matched", Some(t.mention)),
        ] {
            for (c, _) in contexts[0].iter().enumerate() {
                let mut seen: Vec<(EntityKind, Modifier)> = Vec::new();
                for (k, kind) in EntityKind::ALL.iter().enumerate() {
                    let (place, styles) = &contexts[k][c];
                    let mut styles = styles.clone();
                    styles.extend(top);
                    let m = shown(&styles);
                    assert!(t.kind(*kind).fg.is_none() && t.kind(*kind).bg.is_none());
                    if let Some(other) = taken(m) {
                        panic!(
                            "{} {place}{after} looks like {other}: {}",
                            kind.as_str(),
                            modifiers_named(m)
                        );
                    }
                    if let Some((same, _)) = seen.iter().find(|(_, s)| *s == m) {
                        panic!(
                            "{} and {} {place}{after} look alike: {}",
                            same.as_str(),
                            kind.as_str(),
                            modifiers_named(m)
                        );
                    }
                    seen.push((*kind, m));
                }
            }
        }
    }

    /// A watched name adds bold and underline to its kind: it always shows,
    /// never passes for another kind or for plain text. (Two watched names
    /// of different kinds may look alike: the attributes left to tell them
    /// apart are too few; the Entities pane's star and kind headings do.)
    #[test]
    fn mono_watched_names_always_show_and_never_pass_for_another_kind() {
        let t = Theme::new(ThemeName::Mono, false);
        let plain: Vec<Modifier> = plain_elements(&t).into_iter().map(|(_, m)| m).collect();
        let kinds: Vec<Modifier> = EntityKind::ALL.iter().map(|k| mono_kind(*k)).collect();
        for kind in EntityKind::ALL {
            let own = shown(&[t.kind(kind)]);
            let watched = shown(&[t.kind(kind), t.watched]);
            assert_eq!(own, mono_kind(kind));
            assert_ne!(watched, own, "{} watched shows", kind.as_str());
            assert!(
                !kinds.contains(&watched),
                "{} watched is another kind",
                kind.as_str()
            );
            assert!(
                !plain.contains(&watched),
                "{} watched is plain text",
                kind.as_str()
            );
        }
    }

    /// The legend as ratatui draws it: kind spans on the Reader's bottom
    /// border, whose style and title style they are patched over.
    fn legend_cells(t: &Theme, focused: bool) -> Vec<(EntityKind, Cell)> {
        let spans: Vec<Span> = EntityKind::ALL
            .iter()
            .flat_map(|k| [Span::styled(k.as_str(), t.kind(*k)), Span::raw(" ")])
            .collect();
        let (border, title) = if focused {
            (t.border_focused, t.border_focused)
        } else {
            (t.border, t.dim)
        };
        let area = Rect::new(0, 0, 60, 3);
        let mut buf = Buffer::empty(area);
        Block::bordered()
            .border_style(border)
            .title_style(title)
            .title_bottom(Line::from(spans))
            .render(area, &mut buf);
        let mut x = 1;
        EntityKind::ALL
            .iter()
            .map(|k| {
                let cell = buf[(x, 2)].clone();
                x += k.as_str().len() as u16 + 1;
                (*k, cell)
            })
            .collect()
    }

    #[test]
    fn the_legend_shows_each_kind_in_its_own_style_on_either_border() {
        let mono = Theme::new(ThemeName::Mono, false);
        for focused in [true, false] {
            for (kind, cell) in legend_cells(&mono, focused) {
                assert_eq!(
                    cell.modifier,
                    mono_kind(kind),
                    "{} focused: {focused}",
                    kind.as_str()
                );
            }
        }
        for t in [
            Theme::new(ThemeName::Dark, false),
            Theme::new(ThemeName::Light, false),
        ] {
            let border_fg = t.border_focused.fg.expect("a focused colour");
            for (kind, cell) in legend_cells(&t, true) {
                assert_ne!(
                    cell.fg,
                    border_fg,
                    "{:?}: {} vanishes into the border",
                    t.name,
                    kind.as_str()
                );
            }
        }
    }

    #[test]
    fn no_kind_has_the_focused_border_colour() {
        for name in [ThemeName::Dark, ThemeName::Light] {
            let t = Theme::new(name, false);
            for kind in EntityKind::ALL {
                assert_ne!(t.kind(kind).fg, t.border_focused.fg, "{name:?} {}", kind.as_str());
            }
            assert_ne!(t.kind(EntityKind::Date).fg, t.border_focused.fg);
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

    fn as_rgb(c: Color) -> light::Rgb {
        match c {
            Color::Rgb(r, g, b) => (r, g, b),
            other => panic!("the light theme uses explicit RGB, not {other:?}"),
        }
    }

    /// Every foreground the light theme draws, with what it is.
    fn light_foregrounds(t: &Theme) -> Vec<(String, Style)> {
        let mut out: Vec<(String, Style)> = [
            ("text", t.text),
            ("dim / meta / watch hits", t.dim),
            ("accent / star in Articles", t.accent),
            ("border", t.border),
            ("focused border and title", t.border_focused),
            ("selected", t.selected),
            ("cursor", t.cursor),
            ("note mark / watched star", t.note_mark),
            ("status", t.status),
            ("error", t.error),
        ]
        .into_iter()
        .map(|(n, s)| (n.to_owned(), s))
        .collect();
        for kind in EntityKind::ALL {
            out.push((kind.as_str().to_owned(), t.kind(kind)));
        }
        for (name, l) in layouts() {
            out.push((format!("text: {name}"), t.text_style(&l)));
        }
        out
    }

    #[test]
    fn light_theme_passes_wcag_aa_on_white_and_on_the_selection() {
        let t = Theme::new(ThemeName::Light, false);
        let mut report = String::new();
        for (name, style) in light_foregrounds(&t) {
            let Some(fg) = style.fg.map(as_rgb) else {
                continue;
            };
            // Box lines are non-text UI: AA asks 3:1 of them.
            let need = if name == "border" { 3.0 } else { 4.5 };
            let bg = style.bg.map_or(light::BACKGROUND, as_rgb);
            let own = contrast_ratio(fg, bg);
            assert!(own >= need, "{name}: {own:.2}:1 on {bg:?}, below {need}");
            let _ = write!(report, "{name:<28} {own:5.2}:1");
            // A selected list row puts its background under any row's text.
            if style.bg.is_none() && name != "border" {
                let on_selected = contrast_ratio(fg, light::SELECTED_BG);
                assert!(on_selected >= 4.5, "{name}: {on_selected:.2}:1 when selected");
                let _ = write!(report, "   selected {on_selected:5.2}:1");
            }
            report.push('\n');
        }
        for s in [t.mention, t.watched] {
            // Reversal swaps a colour with the background: same contrast.
            assert!(s.fg.is_none() && s.bg.is_none());
        }
        println!("{report}");
    }

    #[test]
    fn contrast_ratio_matches_known_values() {
        let white = (255, 255, 255);
        assert!((contrast_ratio((0, 0, 0), white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey that passes 4.5:1 on white.
        assert!((contrast_ratio((0x76, 0x76, 0x76), white) - 4.54).abs() < 0.01);
        assert!(contrast_ratio((0x77, 0x77, 0x77), white) < 4.5);
    }

    #[test]
    fn the_background_threshold_is_where_black_and_white_text_tie() {
        let l = Background::THRESHOLD;
        let on_black = (l + 0.05) / 0.05;
        let on_white = 1.05 / (l + 0.05);
        assert!((on_black - on_white).abs() < 1e-3);
        assert_eq!(Background::from_luminance(0.0), Background::Dark);
        assert_eq!(Background::from_luminance(l - 0.01), Background::Dark);
        assert_eq!(Background::from_luminance(l + 0.01), Background::Light);
        assert_eq!(Background::from_luminance(1.0), Background::Light);
    }

    #[test]
    fn common_terminal_backgrounds_pick_the_right_theme() {
        // 8-bit colours as a terminal answers them: each channel 16 bits.
        let bg = |(r, g, b): (u16, u16, u16)| Background::from_rgb16(r * 257, g * 257, b * 257);
        for light_bg in [
            (255, 255, 255),
            (0xfd, 0xf6, 0xe3),
            (0xfb, 0xf1, 0xc7),
            (0xee, 0xee, 0xee),
        ] {
            assert_eq!(bg(light_bg), Background::Light, "{light_bg:?}");
        }
        for dark_bg in [
            (0, 0, 0),
            (0x00, 0x2b, 0x36),
            (0x28, 0x28, 0x28),
            (0x30, 0x0a, 0x24),
            (0x1e, 0x1e, 0x2e),
        ] {
            assert_eq!(bg(dark_bg), Background::Dark, "{dark_bg:?}");
        }
    }

    #[test]
    fn auto_asks_the_terminal_only_when_it_can_use_the_answer() {
        let never = || -> Option<Background> { panic!("asked the terminal") };
        assert_eq!(Theme::choose(ThemeName::Dark, false, never).name, ThemeName::Dark);
        assert_eq!(
            Theme::choose(ThemeName::Light, false, never).name,
            ThemeName::Light
        );
        assert_eq!(Theme::choose(ThemeName::Mono, false, never).name, ThemeName::Mono);
        assert_eq!(Theme::choose(ThemeName::Auto, true, never).name, ThemeName::Mono);
        assert_eq!(Theme::choose(ThemeName::Light, true, never).name, ThemeName::Mono);
        let light = || Some(Background::Light);
        assert_eq!(
            Theme::choose(ThemeName::Auto, false, light).name,
            ThemeName::Light
        );
        let dark = || Some(Background::Dark);
        assert_eq!(Theme::choose(ThemeName::Auto, false, dark).name, ThemeName::Dark);
        // No answer (or not a terminal): dark.
        assert_eq!(
            Theme::choose(ThemeName::Auto, false, || None).name,
            ThemeName::Dark
        );
        assert_eq!(
            Theme::new(ThemeName::Auto, false),
            Theme::new(ThemeName::Dark, false)
        );
    }
}
