//! One file read and analysed for the index, on a worker thread: its list
//! entry, its paragraphs' plain text and its entities, ready to write.

use crate::analysis::analyse_with;
use crate::entities::EntityKind;
use crate::entities::summary::group_with;
use crate::entities::watch::Watchlist;
use crate::sanitize::sanitize;
use crate::store::Briefing;
use std::path::Path;

/// One entity of a briefing as the index keeps it.
#[derive(Debug, Clone)]
pub(super) struct EntityRow {
    pub kind: EntityKind,
    /// As the Entities pane names it (`EntityGroup::name`).
    pub name: String,
    pub mentions: usize,
    /// The block of its first mention.
    pub first_paragraph: usize,
    pub watched: bool,
}

/// A file as read: its entry and, when it could be read whole, its text
/// and the hash of that text (which tells a touch from an edit and finds
/// renames, even in a big file whose fingerprint samples it).
pub(super) struct Read {
    pub entry: Briefing,
    pub text: Option<String>,
    pub content: Option<u64>,
}

/// A briefing ready to write.
pub(super) struct Indexed {
    pub entry: Briefing,
    pub content: Option<u64>,
    /// Every block's plain text, sanitised, by ordinal.
    pub paragraphs: Vec<String>,
    pub entities: Vec<EntityRow>,
}

/// Reads a file once.
pub(super) fn read(path: &Path, id: String) -> Read {
    let (entry, text) = Briefing::read_with_text(path, id);
    let content = text.as_ref().map(|t| crate::hash::fnv1a(t.as_bytes()));
    Read { entry, text, content }
}

/// Analyses what was read as the reader would (same recogniser, watchlist
/// and grouping). An entry with an error gets neither paragraphs nor
/// entities, as `build_index` leaves it out.
pub(super) fn analyse(read: Read, watch: &Watchlist) -> Indexed {
    let mut out = Indexed {
        entry: read.entry,
        content: read.content,
        paragraphs: Vec::new(),
        entities: Vec::new(),
    };
    let Some(text) = read.text.filter(|_| out.entry.error.is_none()) else {
        return out;
    };
    let Ok(a) = analyse_with(out.entry.format, text, watch) else {
        return out;
    };
    let (body, document) = (&a.body.text, &a.body.document);
    out.paragraphs = document
        .blocks
        .iter()
        .map(|b| sanitize(&document.plain_text(body, b)).into_owned())
        .collect();
    let starts: Vec<usize> = document.blocks.iter().map(|b| b.src().start).collect();
    let block_of = |offset: usize| starts.partition_point(|&s| s <= offset).saturating_sub(1);
    out.entities = group_with(body, &a.entities, watch)
        .into_iter()
        .map(|g| EntityRow {
            first_paragraph: g
                .mentions
                .iter()
                .map(|&m| block_of(a.entities[m].start))
                .min()
                .unwrap_or(0),
            mentions: g.mentions.len(),
            kind: g.kind,
            name: g.name,
            watched: g.watched,
        })
        .collect();
    out
}
