//! An entity across the archive, drawn above the briefings naming it: its
//! mentions over time as a sparkline, and the entities it most often
//! appears with.

use crate::app::EntityView;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline};

/// Rows the timeline takes: two of bars, one of dates and company.
const ROWS: u16 = 3;

/// Draws the timeline at the top of `area`; returns the rest.
pub fn draw(frame: &mut Frame<'_>, area: Rect, view: &EntityView, theme: &Theme) -> Rect {
    if view.timeline.is_empty() || area.height < ROWS + 3 {
        return area;
    }
    let bars = Rect { height: 2, ..area };
    let values = buckets(&view.timeline, usize::from(area.width));
    frame.render_widget(Sparkline::default().data(&values).style(theme.accent), bars);
    let first = view.timeline.first().map_or("", |(d, _)| d.as_str());
    let last = view.timeline.last().map_or("", |(d, _)| d.as_str());
    let with: Vec<&str> = view
        .with
        .iter()
        .take(4)
        .map(|(_, name, _)| name.as_str())
        .collect();
    let mut text = if first == last {
        first.to_owned()
    } else {
        format!("{first} – {last}")
    };
    if !with.is_empty() {
        text.push_str(" · with ");
        text.push_str(&with.join(", "));
    }
    let caption = Rect {
        y: area.y + 2,
        height: 1,
        ..area
    };
    let text = super::truncate(&crate::sanitize::sanitize(&text), usize::from(area.width));
    frame.render_widget(Paragraph::new(Line::from(Span::styled(text, theme.dim))), caption);
    Rect {
        y: area.y + ROWS + 1,
        height: area.height - ROWS - 1,
        ..area
    }
}

/// Mentions per day spread over `width` columns, from the first day to
/// the last (days with none count as zero).
pub fn buckets(series: &[(String, u64)], width: usize) -> Vec<u64> {
    let days: Vec<(i64, u64)> = series
        .iter()
        .filter_map(|(d, n)| Some((day_number(d)?, *n)))
        .collect();
    let (Some(first), Some(last)) = (days.iter().map(|d| d.0).min(), days.iter().map(|d| d.0).max()) else {
        return Vec::new();
    };
    let span = usize::try_from(last - first).unwrap_or(0) + 1;
    let columns = span.min(width.max(1));
    let mut out = vec![0; columns];
    for (day, n) in days {
        let i = usize::try_from(day - first).unwrap_or(0) * columns / span;
        out[i.min(columns - 1)] += n;
    }
    out
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(day_number("2026-11-25T09:00"), day_number("2026-11-25"));
        assert_eq!(day_number("yesterday"), None);
    }

    #[test]
    fn a_series_fills_its_days_and_folds_into_the_width() {
        let s = |d: &str, n| (d.to_owned(), n);
        let series = [s("2026-11-20", 2), s("2026-11-22", 1), s("2026-11-25", 4)];
        assert_eq!(buckets(&series, 40), [2, 0, 1, 0, 0, 4]);
        assert_eq!(buckets(&series, 3), [2, 1, 4]);
        assert!(buckets(&[], 10).is_empty());
    }
}
