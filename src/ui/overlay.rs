//! The note editor, drawn over the panes.

use super::Look;
use crate::app::{EditTarget, Editor};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn draw_editor(frame: &mut Frame<'_>, area: Rect, ed: &Editor, look: Look<'_>) {
    let theme = look.theme;
    let w = area.width.saturating_sub(4).clamp(10, 72);
    let h = area.height.saturating_sub(4).clamp(3, 12);
    let r = Rect {
        x: area.x + (area.width.saturating_sub(w)) / 2,
        y: area.y + (area.height.saturating_sub(h)) / 2,
        width: w,
        height: h,
    };
    let title = match &ed.target {
        EditTarget::New { ordinal } => format!(" New note on ¶{} ", ordinal + 1),
        EditTarget::Existing { .. } => " Edit note ".to_owned(),
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(Line::from(format!(" {} ", super::status::editor_keys(look.keymap))).right_aligned())
        .border_style(theme.border_focused);
    let inner = block.inner(r);
    let (line, col) = ed.cursor_line_col();
    let rows = usize::from(inner.height.max(1));
    let top = line.saturating_sub(rows - 1);
    let cols = usize::from(inner.width.max(1));
    let left = col.saturating_sub(cols - 1);
    let text: Vec<Line<'_>> = ed
        .text
        .split('\n')
        .skip(top)
        .take(rows)
        .map(|l| {
            Line::from(Span::raw(
                crate::sanitize::sanitize(&l.chars().skip(left).collect::<String>()).into_owned(),
            ))
        })
        .collect();
    frame.render_widget(Clear, r);
    frame.render_widget(Paragraph::new(text).block(block), r);
    frame.set_cursor_position(Position::new(
        inner.x + (col - left) as u16,
        inner.y + (line - top) as u16,
    ));
}

/// The outline: the briefing's headings, indented by level, the selected
/// one marked; Enter jumps to it.
pub fn draw_outline(
    frame: &mut Frame<'_>,
    area: Rect,
    entries: &[crate::app::OutlineEntry],
    selected: usize,
    look: Look<'_>,
) {
    let theme = look.theme;
    let w = area.width.saturating_sub(8).clamp(20, 70).min(area.width);
    let h = (entries.len() as u16 + 2)
        .clamp(3, area.height.saturating_sub(2).max(3))
        .min(area.height);
    let r = Rect {
        x: area.x + (area.width.saturating_sub(w)) / 2,
        y: area.y + (area.height.saturating_sub(h)) / 2,
        width: w,
        height: h,
    };
    let rows = usize::from(h.saturating_sub(2)).max(1);
    let top = selected.saturating_sub(rows - 1);
    let width = usize::from(w.saturating_sub(2));
    let lines: Vec<Line<'_>> = entries
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(i, e)| {
            let indent = "  ".repeat(usize::from(e.level.saturating_sub(1)).min(4));
            let text = super::truncate(&format!("{indent}{}", crate::sanitize::sanitize(&e.text)), width);
            let style = if i == selected { theme.selected } else { theme.text };
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Clear, r);
    let block = Block::bordered()
        .title(" Outline ")
        .title_bottom(Line::from(" Enter jumps · Esc closes ").right_aligned())
        .border_style(theme.border_focused);
    frame.render_widget(Paragraph::new(lines).block(block), r);
}
