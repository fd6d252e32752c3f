//! The archive's search results, drawn in place of the Articles list:
//! three rows each — the title, date · source · where, and the snippet
//! with the matched words marked.

use super::{FrameMap, Look, pane_block, truncate};
use crate::app::{App, Pane, SearchResults};
use crate::index::Hit;
use crate::sanitize::sanitize;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};
use unicode_width::UnicodeWidthStr;

/// Rows a result takes.
const RESULT_ROWS: usize = 3;

pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    results: &SearchResults,
    look: Look<'_>,
    map: &mut FrameMap,
) {
    let theme = look.theme;
    let extra = format!("search: {} ({})", sanitize(&results.query), results.hits.len());
    let block = pane_block(Pane::Articles, app, theme, &extra);
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let items: Vec<ListItem<'_>> = results.hits.iter().map(|h| item(h, width, theme)).collect();
    let empty = items.is_empty();
    let list = List::new(items).block(block).highlight_style(theme.selected);
    let mut state = ListState::default()
        .with_offset(map.offset(Pane::Articles))
        .with_selected((!empty).then_some(results.selected));
    frame.render_stateful_widget(list, area, &mut state);
    let targets: Vec<(usize, Option<usize>)> =
        (0..results.hits.len()).map(|i| (RESULT_ROWS, Some(i))).collect();
    map.record_list(Pane::Articles, area, inner, state.offset(), &targets);
}

fn item<'a>(h: &Hit, width: usize, theme: &Theme) -> ListItem<'a> {
    let title = truncate(&sanitize(&h.title), width.saturating_sub(2));
    let place = match &h.note {
        Some(_) => format!("your note on ¶{}", h.paragraph + 1),
        None => format!("¶{}", h.paragraph + 1),
    };
    // Where first: a narrow pane cuts the end of the line.
    let meta: Vec<String> = [Some(place), h.date.clone(), h.source.clone()]
        .into_iter()
        .flatten()
        .collect();
    let meta = truncate(&sanitize(&meta.join(" · ")), width.saturating_sub(2));
    ListItem::new(vec![
        Line::from(vec![Span::raw("  "), Span::styled(title, theme.text)]),
        Line::from(vec![Span::raw("  "), Span::styled(meta, theme.dim)]),
        snippet_line(&h.snippet, width.saturating_sub(2), theme),
    ])
}

/// The snippet on one row, cut to `width`, its matches in the mention style.
fn snippet_line<'a>(snippet: &[(String, bool)], width: usize, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::raw("  ")];
    let mut used = 0;
    for (piece, matched) in snippet {
        let piece = sanitize(&piece.replace('\n', " ")).into_owned();
        let w = piece.width();
        let style = if *matched { theme.mention } else { theme.dim };
        if used + w > width {
            spans.push(Span::styled(truncate(&piece, width.saturating_sub(used)), style));
            break;
        }
        used += w;
        spans.push(Span::styled(piece, style));
    }
    Line::from(spans)
}
