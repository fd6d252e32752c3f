//! The help overlay, printed from the keymap itself so it cannot drift.
//! It scrolls (j/k) when the terminal is shorter than the list.

use super::Look;
use crate::app::Command;
use crate::keymap::Keymap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Every command with its keys, one line each.
pub fn lines(keymap: &Keymap) -> Vec<(String, &'static str)> {
    Command::ALL
        .iter()
        .map(|&c| (keymap.label(c), c.describe()))
        .collect()
}

/// Every command with its keys and, for `config.toml`, its name.
fn lines_with_ids(keymap: &Keymap) -> Vec<(String, String)> {
    Command::ALL
        .iter()
        .map(|&c| (keymap.label(c), format!("{} — {}", c.id(), c.describe())))
        .collect()
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, scroll: usize, ids: bool, look: Look<'_>) {
    let theme = look.theme;
    let entries: Vec<(String, String)> = if ids {
        lines_with_ids(look.keymap)
    } else {
        lines(look.keymap)
            .into_iter()
            .map(|(k, d)| (k, d.to_owned()))
            .collect()
    };
    let key_width = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(8)
        .min(24);
    let mut text: Vec<Line<'_>> = entries
        .into_iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!(" {k:<key_width$}  "), theme.accent),
                Span::raw(d),
            ])
        })
        .collect();
    text.push(Line::from(""));
    text.push(Line::from(Span::styled(
        format!(" Note editor: {}", super::status::editor_keys(look.keymap)),
        theme.dim,
    )));
    text.push(Line::from(Span::styled(
        format!(
            " Keys can be changed in config.toml [keys]; {} shows the names it knows. {} closes.",
            look.keymap.label(Command::Select),
            look.keymap.label(Command::Help)
        ),
        theme.dim,
    )));
    let desc_width = Command::ALL
        .iter()
        .map(|a| a.describe().chars().count())
        .max()
        .unwrap_or(40)
        .max(60);
    let w = (key_width + desc_width + 6).min(usize::from(area.width)) as u16;
    let h = (text.len() as u16 + 2).min(area.height);
    let room = usize::from(h.saturating_sub(2));
    let more = text.len() > room;
    let scroll = scroll.min(text.len().saturating_sub(room));
    let text: Vec<Line<'_>> = text.into_iter().skip(scroll).collect();
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    let title = if more { " Keys · j/k scroll " } else { " Keys " };
    let block = Block::bordered().title(title).border_style(theme.border_focused);
    frame.render_widget(Paragraph::new(text).block(block), r);
}
