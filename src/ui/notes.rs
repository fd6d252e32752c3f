//! The Notes pane: the open briefing's notes in paragraph order.

use super::{FrameMap, Look, pane_block, truncate};
use crate::app::{App, Command, Pane};
use crate::notes::Placement;
use crate::sanitize::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, look: Look<'_>, map: &mut FrameMap) {
    let theme = look.theme;
    let Some(open) = app.open() else {
        let block = pane_block(Pane::Notes, app, theme, "");
        map.record_empty(Pane::Notes, area, block.inner(area));
        frame.render_widget(
            Paragraph::new(Span::styled(" nothing open", theme.dim)).block(block),
            area,
        );
        return;
    };
    // The notes shown (all, or those matching `/`), by place in Notes' order.
    let shown: Vec<usize> = (0..open.note_order.len())
        .filter(|&p| open.note_shown(p))
        .collect();
    let extra = if open.note_query.is_empty() {
        open.notes.notes.len().to_string()
    } else {
        format!(
            "{} · /{}",
            shown.len(),
            crate::sanitize::sanitize(&open.note_query)
        )
    };
    let block = pane_block(Pane::Notes, app, theme, &extra);
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    if open.note_order.is_empty() {
        map.record_empty(Pane::Notes, area, inner);
        let hint = if open.notes_error.is_some() {
            " notes file unreadable (see status)".to_owned()
        } else {
            format!(
                " no notes yet — press {} on a paragraph in the Reader to add one",
                super::status::first_key(look.keymap, Command::AddNote)
            )
        };
        let hint = Paragraph::new(Span::styled(hint, theme.dim)).wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(hint.block(block), area);
        return;
    }
    let items: Vec<ListItem<'_>> = shown
        .iter()
        .map(|&pos| open.note_order[pos])
        .map(|i| {
            let note = &open.notes.notes[i];
            let (mut label, excerpt) = match open.placements[i] {
                Placement::Attached(b) => (
                    format!("¶{} ", b + 1),
                    open.paragraphs.get(b).cloned().unwrap_or_default(),
                ),
                Placement::Detached => ("detached ".to_owned(), note.anchor.quote.clone()),
            };
            if note.conflict_of.is_some() {
                // Two readers changed this note at once: this is the other text.
                label.push_str("conflict ");
            }
            let excerpt = truncate(
                &sanitize(&excerpt),
                width.saturating_sub(label.chars().count() + 1),
            );
            let mut lines = vec![Line::from(vec![
                Span::styled(label, theme.accent),
                Span::styled(excerpt, theme.dim),
            ])];
            for l in note.text.lines().take(3) {
                lines.push(Line::from(Span::styled(
                    format!("  {}", truncate(&sanitize(l), width.saturating_sub(3))),
                    theme.text,
                )));
            }
            ListItem::new(lines)
        })
        .collect();
    let targets: Vec<(usize, Option<usize>)> = items
        .iter()
        .zip(&shown)
        .map(|(item, &pos)| (item.height(), Some(pos)))
        .collect();
    let focused = app.focus() == Pane::Notes;
    let list =
        List::new(items)
            .block(block)
            .highlight_style(if focused { theme.selected } else { theme.text });
    let mut state = ListState::default()
        .with_offset(map.offset(Pane::Notes))
        .with_selected(shown.iter().position(|&p| p == open.note_sel));
    frame.render_stateful_widget(list, area, &mut state);
    map.record_list(Pane::Notes, area, inner, state.offset(), &targets);
}
