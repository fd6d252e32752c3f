//! The Entities pane: the open briefing's entities by kind, with counts.

use super::{FrameMap, pane_block, truncate};
use crate::app::{App, Pane};
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme, map: &mut FrameMap) {
    let Some(open) = app.open() else {
        let block = pane_block(Pane::Entities, app, theme, "");
        map.record_empty(Pane::Entities, area, block.inner(area));
        frame.render_widget(
            Paragraph::new(Span::styled(" nothing open", theme.dim)).block(block),
            area,
        );
        return;
    };
    let extra = if open.entity_query.is_empty() {
        open.groups.len().to_string()
    } else {
        let shown = (0..open.groups.len()).filter(|&i| open.group_shown(i)).count();
        format!("{shown} · /{}", crate::sanitize::sanitize(&open.entity_query))
    };
    let block = pane_block(Pane::Entities, app, theme, &extra);
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let mut items = Vec::new();
    // What each list row is: a kind heading (None) or an entity.
    let mut targets = Vec::new();
    let mut selected_row = 0;
    let mut last_kind = None;
    for (i, g) in open.groups.iter().enumerate() {
        if !open.group_shown(i) {
            continue;
        }
        if last_kind != Some(g.kind) {
            items.push(ListItem::new(Line::from(Span::styled(
                g.kind.as_str(),
                theme.kind(g.kind).patch(theme.dim),
            ))));
            targets.push((1, None));
            last_kind = Some(g.kind);
        }
        if i == open.entity_sel {
            selected_row = items.len();
        }
        let count = format!(" {}", g.mentions.len());
        let mut spread = match open.spread.get(i).copied().flatten() {
            Some(n) if n > 1 => format!(" · in {n}"),
            _ => String::new(),
        };
        // A narrow pane keeps the name whole before the "in N briefings".
        let name_width = unicode_width::UnicodeWidthStr::width(g.name.as_str());
        if name_width + count.len() + spread.chars().count() + 3 > width {
            spread.clear();
        }
        // The mark's two columns, the counts, and one column of air before
        // the border.
        let name = truncate(
            &g.name,
            width.saturating_sub(count.len() + spread.chars().count() + 3),
        );
        items.push(ListItem::new(Line::from(vec![
            Span::styled(if g.watched { "★ " } else { "  " }, theme.note_mark),
            Span::styled(
                name,
                if g.watched {
                    theme.kind(g.kind).patch(theme.watched)
                } else {
                    theme.kind(g.kind)
                },
            ),
            Span::styled(count, theme.dim),
            Span::styled(spread, theme.dim),
        ])));
        targets.push((1, Some(i)));
    }
    let focused = app.focus() == Pane::Entities;
    let list =
        List::new(items)
            .block(block)
            .highlight_style(if focused { theme.selected } else { theme.text });
    let mut state = ListState::default()
        .with_offset(map.offset(Pane::Entities))
        .with_selected((!open.groups.is_empty()).then_some(selected_row));
    frame.render_stateful_widget(list, area, &mut state);
    map.record_list(Pane::Entities, area, inner, state.offset(), &targets);
}
