//! What Articles lists: the briefings filtered (by text or by entity) and
//! sorted, and what the Entities pane knows of the whole store.

use super::{App, Effect, EntityFilter, EntityView, Pane, SortKey};
use crate::entities::EntityKind;
use crate::store::Briefing;

impl App {
    /// Recomputes the Articles list from the filters and the sort,
    /// keeping the selected briefing selected when it is still listed.
    pub(super) fn refresh_view(&mut self) {
        let keep = self.view.get(self.selected).copied();
        let needle = self.text_filter.to_lowercase();
        let mut view: Vec<usize> = (0..self.briefings.len())
            .filter(|&i| {
                let b = &self.briefings[i];
                let by_entity = self.entity_filter.as_ref().is_none_or(|f| f.ids.contains(&b.id));
                by_entity && (needle.is_empty() || fuzzy_match(&needle, &haystack(b)))
            })
            .collect();
        let bs = &self.briefings;
        let newest_first = |a: usize, b: usize| bs[b].meta.date.cmp(&bs[a].meta.date);
        match self.sort {
            SortKey::Date => view.sort_by(|&a, &b| newest_first(a, b).then(bs[a].id.cmp(&bs[b].id))),
            SortKey::Title => view.sort_by_cached_key(|&a| bs[a].meta.title.to_lowercase()),
            SortKey::Source => {
                view.sort_by(|&a, &b| bs[a].meta.source.cmp(&bs[b].meta.source).then(newest_first(a, b)));
            }
            SortKey::Watch => {
                let hits = |i: usize| self.watch_hits.get(&bs[i].id).map_or(0, Vec::len);
                view.sort_by(|&a, &b| hits(b).cmp(&hits(a)).then(newest_first(a, b)));
            }
        }
        self.view = view;
        self.selected = keep
            .and_then(|k| self.view.iter().position(|&i| i == k))
            .unwrap_or(0);
    }

    pub(super) fn cycle_sort(&mut self) {
        self.sort = match self.sort {
            SortKey::Date => SortKey::Title,
            SortKey::Title => SortKey::Source,
            SortKey::Source => SortKey::Watch,
            SortKey::Watch => SortKey::Date,
        };
        self.refresh_view();
        self.say(format!("sorted by {:?}", self.sort).to_lowercase());
    }

    /// Asks how many briefings name each of the open briefing's entities.
    pub(super) fn spread_request(&self) -> Vec<Effect> {
        let Some(open) = &self.open else {
            return Vec::new();
        };
        let keys = open.groups.iter().map(|g| (g.kind, g.name.clone())).collect();
        vec![Effect::Spread {
            id: open.id.clone(),
            keys,
        }]
    }

    /// The archive's answer for an entity: Articles lists the briefings
    /// naming it, with its timeline.
    pub(super) fn entity_results(
        &mut self,
        kind: EntityKind,
        name: &str,
        result: Result<Box<EntityView>, String>,
    ) {
        let view = match result {
            Ok(v) => *v,
            Err(e) => {
                self.warn(e);
                return;
            }
        };
        let ids = view.briefings.iter().map(|h| h.id.clone()).collect();
        let n = view.briefings.len();
        self.entity_filter = Some(EntityFilter {
            name: name.to_owned(),
            kind,
            ids,
            view,
        });
        self.results = None;
        self.refresh_view();
        self.focus = Pane::Articles;
        let text = if n == 1 {
            format!("1 briefing mentions {name}")
        } else {
            format!("{n} briefings mention {name}")
        };
        self.hint(text, super::Command::Back, "clears the filter");
    }
}

/// What the text filter searches: title, source and tags.
fn haystack(b: &Briefing) -> String {
    let mut s = b.meta.title.to_lowercase();
    if let Some(src) = &b.meta.source {
        s.push(' ');
        s.push_str(&src.to_lowercase());
    }
    for t in &b.meta.tags {
        s.push(' ');
        s.push_str(&t.to_lowercase());
    }
    s
}

/// Fuzzy match: every character of the needle appears in order.
pub fn fuzzy_match(needle: &str, hay: &str) -> bool {
    let mut chars = hay.chars();
    needle
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|n| chars.any(|h| h == n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_matching() {
        assert!(fuzzy_match("mtk", "miami talks"));
        assert!(!fuzzy_match("xyz", "miami talks"));
        assert!(fuzzy_match("", "anything"));
    }
}
