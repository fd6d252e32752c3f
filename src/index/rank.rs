//! Keeping the best matches of a search while FTS5 streams them all: a
//! heap of the `limit` best, ordered by bm25, then date, newest first.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A match, before its details are read.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub score: f64,
    /// The briefing's place in date order, newest first.
    pub order: u32,
    pub note: bool,
    /// In `paragraphs`, or in `notes_fts` for a note.
    pub rowid: i64,
}

impl Candidate {
    /// Better first: lower bm25, then newer, then paragraphs before notes.
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(self.order.cmp(&other.order))
            .then(self.note.cmp(&other.note))
            .then(self.rowid.cmp(&other.rowid))
    }
}

/// The best `limit` candidates, kept in a heap whose top is the worst.
pub(super) struct Best {
    limit: usize,
    heap: BinaryHeap<Worst>,
}

struct Worst(Candidate);

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        self.0.cmp(&other.0) == Ordering::Equal
    }
}
impl Eq for Worst {}
impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(&other.0)
    }
}

impl Best {
    pub(super) fn new(limit: usize) -> Self {
        Self {
            limit,
            heap: BinaryHeap::with_capacity(limit.min(1024) + 1),
        }
    }

    pub(super) fn offer(&mut self, c: Candidate) {
        if self.heap.len() < self.limit {
            self.heap.push(Worst(c));
        } else if self.heap.peek().is_some_and(|w| c.cmp(&w.0) == Ordering::Less) {
            self.heap.pop();
            self.heap.push(Worst(c));
        }
    }

    pub(super) fn into_sorted(self) -> Vec<Candidate> {
        self.heap.into_sorted_vec().into_iter().map(|w| w.0).collect()
    }
}
