//! The Reader pane: only the visible rows of the laid-out briefing are
//! turned into ratatui lines, whatever the briefing's length.

use super::{FrameMap, Look, PaneMap, pane_block};
use crate::app::{App, Command, Open, Pane};
use crate::entities::EntityKind;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::HashSet;

/// The cursor mark in the margin: visible without colour.
pub const CURSOR_MARK: &str = "▌";
/// The mark of a paragraph with a note.
pub const NOTE_MARK: &str = "✎";

/// The entity kinds, each in its own style: with colour it is a colour
/// key, without (`NO_COLOR`, the mono theme) it names the attribute.
pub fn legend(theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for kind in EntityKind::ALL {
        spans.push(Span::styled(kind.as_str(), theme.kind(kind)));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, look: Look<'_>, map: &mut FrameMap) {
    let theme = look.theme;
    let Some(open) = app.open() else {
        let block = pane_block(Pane::Reader, app, theme, "");
        map.record_empty(Pane::Reader, area, block.inner(area));
        let key = |c| super::status::first_key(look.keymap, c);
        let hint = Paragraph::new(vec![
            Line::from(""),
            Line::from(Span::styled(
                format!(
                    " Choose a briefing in Articles and press {}.",
                    key(Command::Select)
                ),
                theme.dim,
            )),
            Line::from(Span::styled(
                format!(" {} lists every key.", key(Command::Help)),
                theme.dim,
            )),
        ])
        .block(block);
        frame.render_widget(hint, area);
        return;
    };
    let rows = usize::from(area.height.saturating_sub(2));
    let title = app
        .open_index()
        .and_then(|i| app.briefings().get(i))
        .map(|b| crate::sanitize::sanitize(&b.meta.title).into_owned())
        .unwrap_or_default();
    // The section the cursor is in, once past the title.
    let title = open.section().filter(|s| *s != title).unwrap_or(title);
    let title = super::truncate(
        &crate::sanitize::sanitize(&title),
        usize::from(area.width).saturating_sub(20),
    );
    let position = format!(" {}% ", open.percent(rows));
    let mut block =
        pane_block(Pane::Reader, app, theme, &title).title_bottom(Line::from(position).right_aligned());
    if area.width >= 48 {
        block = block.title_bottom(legend(theme));
    }
    let lines = visible_lines(open, theme, open.scroll, rows);
    let inner = block.inner(area);
    // The paragraph of each row; a blank row between two belongs to the one above.
    let targets = (open.scroll..open.scroll + usize::from(inner.height))
        .map(|row| {
            (row < open.layout.row_count())
                .then(|| open.layout.block_at(row))
                .flatten()
        })
        .collect();
    map.record(PaneMap {
        pane: Pane::Reader,
        area,
        inner,
        rows: targets,
    });
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The Reader's rows from `scroll` on, as styled lines: the cursor and note
/// marks in the margin, entity kinds, watched names, the selected entity's
/// mentions and the search's matches.
fn visible_lines(open: &Open, theme: &Theme, scroll: usize, rows: usize) -> Vec<Line<'static>> {
    let highlight: HashSet<u32> = if open.highlight {
        open.selected_group()
            .map(|g| g.mentions.iter().map(|&m| m as u32).collect())
            .unwrap_or_default()
    } else {
        HashSet::new()
    };
    let cursor_rows = open.layout.blocks.get(open.cursor).cloned().unwrap_or(0..0);
    let terms = open.search.as_ref().map(|s| s.terms.as_slice());
    open.rows(scroll..scroll + rows)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let row = scroll + i;
            let mut spans = Vec::with_capacity(line.segs.len() + 2);
            let on_cursor = cursor_rows.contains(&row);
            spans.push(if on_cursor {
                Span::styled(CURSOR_MARK, theme.cursor)
            } else {
                Span::raw(" ")
            });
            let first_row_of_noted = line.block.is_some_and(|b| open.block_has_note(b))
                && line
                    .block
                    .and_then(|b| open.layout.blocks.get(b))
                    .is_some_and(|r| r.start == row);
            spans.push(if first_row_of_noted {
                Span::styled(NOTE_MARK, theme.note_mark)
            } else {
                Span::raw(" ")
            });
            for seg in line.segs {
                if let Some(t) =
                    terms.filter(|t| !crate::app::search::matches_of_any(&seg.text, t).is_empty())
                {
                    // Split the run around the search matches, shown reversed.
                    let base = theme.text_style(&seg.style);
                    let mut at = 0;
                    for m in crate::app::search::matches_of_any(&seg.text, t) {
                        spans.push(Span::styled(seg.text[at..m.start].to_owned(), base));
                        spans.push(Span::styled(
                            seg.text[m.clone()].to_owned(),
                            base.patch(theme.mention),
                        ));
                        at = m.end;
                    }
                    spans.push(Span::styled(seg.text[at..].to_owned(), base));
                    continue;
                }
                let mut style = theme.text_style(&seg.style);
                if let Some(m) = seg.style.mention {
                    if open.analysed.watched.get(m as usize).copied().unwrap_or(false) {
                        style = style.patch(theme.watched);
                    }
                    if highlight.contains(&m) {
                        style = style.patch(theme.mention);
                    }
                }
                spans.push(Span::styled(seg.text, style));
            }
            Line::from(spans)
        })
        .collect()
}
