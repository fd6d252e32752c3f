//! Tables drawn with box characters, columns fitted to the width.

use super::wrap::{self, display_width};
use super::{Line, Role, Seg, Style, pieces};
use crate::document::{Align, Document, Table};
use crate::entities::Entity;

/// Column widths: natural widths, shrunk (widest first, the leftmost of
/// equals first) until the table with its borders fits `avail` columns,
/// but never below a column's `least` (its widest character), where its
/// cells could not be wrapped.
///
/// Shrinking one column at a time would take as many steps as the table
/// has columns of text to lose, times the columns: seconds for a table of
/// long cells. The result is computed directly instead: every column is
/// capped at the highest level `cap` at which the table fits, and as many
/// as there is room for keep one column more, the rightmost first.
fn fit(natural: &[usize], least: &[usize], avail: usize) -> Vec<usize> {
    let borders = natural.len() * 3 + 1;
    let budget = avail.saturating_sub(borders).max(natural.len());
    let least = |i: usize| least.get(i).copied().unwrap_or(1).max(1);
    let widths: Vec<usize> = natural
        .iter()
        .enumerate()
        .map(|(i, &w)| w.max(least(i)))
        .collect();
    let capped = |cap: usize| -> usize {
        widths
            .iter()
            .enumerate()
            .map(|(i, &w)| w.min(cap).max(least(i)))
            .sum()
    };
    if widths.iter().sum::<usize>() <= budget {
        return widths;
    }
    // The highest cap that fits (the sum grows with the cap; at the widest
    // column's width it does not fit), or none when even the least do not.
    let (mut lo, mut hi) = (0, widths.iter().copied().max().unwrap_or(0));
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if capped(mid) > budget {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let cap = lo.saturating_sub(1);
    // Columns at `cap + 1` one level up, spared from the right.
    let mut over = capped(cap + 1).saturating_sub(budget);
    widths
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            let at = w.min(cap + 1).max(least(i));
            if at == cap + 1 && at > least(i) && over > 0 {
                over -= 1;
                cap
            } else {
                at
            }
        })
        .collect()
}

fn border(left: &str, mid: &str, right: &str, widths: &[usize], pad: &str, pad_style: Style) -> Line {
    let style = Style {
        role: Role::Border,
        ..Style::default()
    };
    let mut text = String::from(left);
    for (i, w) in widths.iter().enumerate() {
        text.push_str(&"\u{2500}".repeat(w + 2));
        text.push_str(if i + 1 == widths.len() { right } else { mid });
    }
    let mut segs = Vec::new();
    if !pad.is_empty() {
        segs.push(Seg {
            text: pad.to_owned(),
            style: pad_style,
        });
    }
    segs.push(Seg { text, style });
    Line { segs, block: None }
}

/// Lays out a table of `doc` within `width`, each row as tall as its
/// tallest cell.
pub fn layout(
    doc: &Document,
    source: &str,
    table: &Table,
    entities: &[Entity],
    width: usize,
    pad: &str,
    pad_style: Style,
) -> Vec<Line> {
    let cols = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    if cols == 0 {
        return Vec::new();
    }
    let mut natural = vec![0; cols];
    let mut least = vec![1; cols];
    for row in &table.rows {
        for (c, cell) in row.iter().enumerate() {
            let pieces = pieces(doc, source, doc.cell(*cell), entities, Style::default());
            let w: usize = pieces.iter().map(|p| display_width(&p.text)).sum();
            natural[c] = natural[c].max(w);
            // A two-column character needs two columns however narrow the
            // column is squeezed.
            let mut buf = [0; 4];
            let widest = pieces
                .iter()
                .flat_map(|p| p.text.chars())
                .map(|ch| display_width(ch.encode_utf8(&mut buf)))
                .max();
            least[c] = least[c].max(widest.unwrap_or(1));
        }
    }
    let avail = width.saturating_sub(display_width(pad));
    let widths = fit(&natural, &least, avail);
    let bar = Style {
        role: Role::Border,
        ..Style::default()
    };
    let mut lines = vec![border(
        "\u{250c}", "\u{252c}", "\u{2510}", &widths, pad, pad_style,
    )];
    for (r, row) in table.rows.iter().enumerate() {
        let head = r < table.header_rows;
        let base = Style {
            strong: head,
            ..Style::default()
        };
        let cells: Vec<Vec<Line>> = (0..cols)
            .map(|c| {
                let inl = row.get(c).map_or(&[][..], |&cell| doc.cell(cell));
                wrap::wrap(
                    &pieces(doc, source, inl, entities, base),
                    widths[c],
                    "",
                    Style::default(),
                    "",
                )
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for h in 0..height {
            let mut segs = Vec::new();
            if !pad.is_empty() {
                segs.push(Seg {
                    text: pad.to_owned(),
                    style: pad_style,
                });
            }
            segs.push(Seg {
                text: "\u{2502} ".into(),
                style: bar,
            });
            for (c, cell) in cells.iter().enumerate() {
                let line = cell.get(h).cloned().unwrap_or_default();
                let used = line.width();
                let spare = widths[c].saturating_sub(used);
                let align = table.align.get(c).copied().unwrap_or(Align::Left);
                let (before, after) = match align {
                    Align::Left => (0, spare),
                    Align::Right => (spare, 0),
                    Align::Center => (spare / 2, spare - spare / 2),
                };
                if before > 0 {
                    segs.push(Seg {
                        text: " ".repeat(before),
                        style: Style::default(),
                    });
                }
                segs.extend(line.segs);
                let sep = if c + 1 == cols { " \u{2502}" } else { " \u{2502} " };
                segs.push(Seg {
                    text: " ".repeat(after),
                    style: Style::default(),
                });
                segs.push(Seg {
                    text: sep.into(),
                    style: bar,
                });
            }
            lines.push(Line { segs, block: None });
        }
        if head && r + 1 == table.header_rows && table.rows.len() > table.header_rows {
            lines.push(border(
                "\u{251c}", "\u{253c}", "\u{2524}", &widths, pad, pad_style,
            ));
        }
    }
    lines.push(border(
        "\u{2514}", "\u{2534}", "\u{2518}", &widths, pad, pad_style,
    ));
    lines
}

#[cfg(test)]
mod tests {
    use super::super::Layout;
    use crate::document::parse_markdown;

    fn lines(src: &str, width: usize) -> Vec<String> {
        let doc = parse_markdown(src);
        let source = super::super::Source {
            doc: &doc,
            text: src,
            entities: &[],
        };
        let layout = Layout::new(&doc, src, &[], width);
        layout
            .lines(source, 0..layout.row_count())
            .iter()
            .map(super::super::Line::text)
            .collect()
    }

    #[test]
    fn draws_boxes_and_aligns() {
        let got = lines("| Item | Value |\n|---|--:|\n| Gas | 12 |\n", 40);
        assert_eq!(
            got,
            [
                "┌──────┬───────┐",
                "│ Item │ Value │",
                "├──────┼───────┤",
                "│ Gas  │    12 │",
                "└──────┴───────┘",
            ]
        );
    }

    #[test]
    fn narrow_tables_wrap_cells_to_fit() {
        let got = lines(
            "| Name | Description |\n|---|---|\n| Brent | crude oil benchmark price |\n",
            20,
        );
        assert!(got.iter().all(|l| super::display_width(l) <= 20), "{got:#?}");
        assert!(got.iter().any(|l| l.contains("crude")));
        assert!(got.iter().any(|l| l.contains("price")));
    }

    #[test]
    fn fit_shrinks_the_widest_column_first() {
        assert_eq!(super::fit(&[4, 20], &[1, 1], 20), [4, 9]);
        assert_eq!(super::fit(&[2, 2], &[1, 1], 40), [2, 2]);
    }

    /// The column-at-a-time shrinking `fit` computes directly.
    fn fit_by_steps(natural: &[usize], least: &[usize], avail: usize) -> Vec<usize> {
        let budget = avail.saturating_sub(natural.len() * 3 + 1).max(natural.len());
        let mut widths: Vec<usize> = natural
            .iter()
            .zip(least)
            .map(|(&w, &l)| w.max(l).max(1))
            .collect();
        while widths.iter().sum::<usize>() > budget {
            let Some((i, &w)) = widths
                .iter()
                .enumerate()
                .filter(|&(i, &w)| w > least[i].max(1))
                .max_by_key(|&(i, w)| (*w, usize::MAX - i))
            else {
                break;
            };
            widths[i] = w - 1;
        }
        widths
    }

    #[test]
    fn fit_is_shrinking_column_by_column() {
        let mut natural = [0; 3];
        for n in 0..7 * 7 * 7 * 4 {
            let (mut k, mut least) = (n, [1; 3]);
            for w in &mut natural {
                *w = k % 7;
                k /= 7;
            }
            least[0] += k % 2;
            least[2] += k / 2;
            for cols in 1..=3 {
                for avail in 0..30 {
                    let (nat, lst) = (&natural[..cols], &least[..cols]);
                    assert_eq!(
                        super::fit(nat, lst, avail),
                        fit_by_steps(nat, lst, avail),
                        "{nat:?} {lst:?} {avail}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_table_of_long_cells_is_fitted_at_once() {
        // Column by column this took a billion steps (minutes).
        let widths = super::fit(&vec![100_000; 2_000], &vec![1; 2_000], 80);
        assert!(widths.iter().all(|&w| w == 1));
        assert_eq!(
            super::fit(&[1_000_000, 3, 1_000_000], &[1, 1, 1], 40),
            [13, 3, 14]
        );
    }

    #[test]
    fn a_squeezed_column_keeps_room_for_a_wide_character() {
        assert_eq!(super::fit(&[10, 10], &[2, 1], 10), [2, 1]);
        let got = lines("| 東京東京 | abcdefgh |\n|---|---|\n| 北京 | x |\n", 10);
        assert!(got.iter().all(|l| super::display_width(l) <= 10), "{got:#?}");
    }
}
