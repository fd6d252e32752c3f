//! What the last frame drew where: each pane's rectangle and, for every
//! row inside it, the item drawn on that row. The input step hit-tests
//! clicks against it, so a click always means what the user saw, however
//! the drawing changes. It also keeps the lists' scroll offsets from frame
//! to frame, as ratatui's `ListState` expects.

use crate::app::{App, Pane};
use ratatui::layout::{Position, Rect};

/// One pane as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneMap {
    pub pane: Pane,
    /// The pane with its border.
    pub area: Rect,
    /// The rows and columns inside the border.
    pub inner: Rect,
    /// For each row of `inner` from the top, the item drawn there: a
    /// briefing's place in Articles, an entity, a note's place in Notes, a
    /// paragraph (block) in the Reader; `None` for headings and blank rows.
    pub rows: Vec<Option<usize>>,
}

/// The last frame's panes, and the list offsets carried to the next.
#[derive(Debug, Clone, Default)]
pub struct FrameMap {
    panes: Vec<PaneMap>,
    offsets: [usize; 4],
    /// The briefing whose entities and notes the offsets belong to.
    open_id: Option<String>,
}

impl FrameMap {
    /// Starts a frame: forgets the last one's panes, and the offsets of
    /// panes whose content is another briefing's now.
    pub(super) fn begin(&mut self, app: &App) {
        self.panes.clear();
        let open_id = app.open().map(|o| o.id.clone());
        if open_id != self.open_id {
            for pane in [Pane::Entities, Pane::Notes] {
                self.offsets[index(pane)] = 0;
            }
            self.open_id = open_id;
        }
    }

    pub(super) fn offset(&self, pane: Pane) -> usize {
        self.offsets[index(pane)]
    }

    /// Records a list pane: its first shown item (as ratatui's `ListState`
    /// left it) and each item's height and target, from which the rows
    /// follow.
    pub(super) fn record_list(
        &mut self,
        pane: Pane,
        area: Rect,
        inner: Rect,
        offset: usize,
        items: &[(usize, Option<usize>)],
    ) {
        self.record_window(pane, area, inner, offset, items.get(offset..).unwrap_or_default());
    }

    /// Records a list pane drawn from only the items it could show: `items`
    /// begins at the list's `first` entry.
    pub(super) fn record_window(
        &mut self,
        pane: Pane,
        area: Rect,
        inner: Rect,
        first: usize,
        items: &[(usize, Option<usize>)],
    ) {
        self.offsets[index(pane)] = first;
        let mut rows = Vec::with_capacity(usize::from(inner.height));
        for &(height, target) in items {
            for _ in 0..height {
                rows.push(target);
            }
            if rows.len() >= usize::from(inner.height) {
                break;
            }
        }
        rows.truncate(usize::from(inner.height));
        self.record(PaneMap {
            pane,
            area,
            inner,
            rows,
        });
    }

    /// Records a pane with nothing to click in it (a click still focuses it).
    pub(super) fn record_empty(&mut self, pane: Pane, area: Rect, inner: Rect) {
        self.record(PaneMap {
            pane,
            area,
            inner,
            rows: Vec::new(),
        });
    }

    pub(super) fn record(&mut self, map: PaneMap) {
        self.panes.retain(|p| p.pane != map.pane);
        self.panes.push(map);
    }

    pub fn pane(&self, pane: Pane) -> Option<&PaneMap> {
        self.panes.iter().find(|p| p.pane == pane)
    }

    /// The pane under a cell, and the item drawn on its row (`None` on a
    /// border, a heading or a blank row).
    pub fn hit(&self, column: u16, row: u16) -> Option<(Pane, Option<usize>)> {
        let at = Position::new(column, row);
        let p = self.panes.iter().find(|p| p.area.contains(at))?;
        let target = if p.inner.contains(at) {
            p.rows.get(usize::from(row - p.inner.y)).copied().flatten()
        } else {
            None
        };
        Some((p.pane, target))
    }
}

fn index(pane: Pane) -> usize {
    Pane::ALL.iter().position(|p| *p == pane).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_item_heights_from_the_offset() {
        let mut m = FrameMap::default();
        let area = Rect::new(0, 0, 20, 7);
        let inner = Rect::new(1, 1, 18, 5);
        m.record_list(
            Pane::Notes,
            area,
            inner,
            1,
            &[(2, Some(0)), (1, None), (3, Some(2)), (2, Some(3))],
        );
        assert_eq!(
            m.pane(Pane::Notes).unwrap().rows,
            [None, Some(2), Some(2), Some(2), Some(3)]
        );
        assert_eq!(m.hit(5, 2), Some((Pane::Notes, Some(2))));
        assert_eq!(m.hit(0, 2), Some((Pane::Notes, None)), "the border");
        assert_eq!(m.hit(30, 2), None, "outside every pane");
    }
}
