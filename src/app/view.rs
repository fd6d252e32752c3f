//! What Articles lists: the briefings filtered (by text or by entity) and
//! sorted, and what the Entities pane knows of the whole store.

use super::{App, Effect, EntityFilter, EntityView, Pane, Shown, SortKey};
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
                let by_mark = match self.shown {
                    Shown::All => true,
                    Shown::Unread => !self.state.read.contains(&b.id),
                    Shown::Starred => self.state.starred.contains(&b.id),
                };
                by_entity && by_mark && (needle.is_empty() || fuzzy_match(&needle, &haystack(b)))
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

    /// `U` and `'`: only unread, or only starred briefings; the same key
    /// again shows all.
    pub(super) fn toggle_shown(&mut self, only: Shown) {
        self.shown = if self.shown == only { Shown::All } else { only };
        self.refresh_view();
        self.focus = super::Pane::Articles;
        self.say(match self.shown {
            Shown::All => "all briefings",
            Shown::Unread => "unread briefings only",
            Shown::Starred => "starred briefings only",
        });
    }

    /// `m` and `*` on the selected briefing (in Articles) or the open one.
    pub(super) fn toggle_mark(&mut self, star: bool) -> Vec<Effect> {
        let id = match self.focus {
            super::Pane::Articles => self.selected_briefing().map(|b| b.id.clone()),
            _ => self.open.as_ref().map(|o| o.id.clone()),
        };
        let Some(id) = id else {
            return Vec::new();
        };
        let set = if star {
            &mut self.state.starred
        } else {
            &mut self.state.read
        };
        let now_on = if set.remove(&id) {
            false
        } else {
            set.insert(id.clone());
            true
        };
        self.say(match (star, now_on) {
            (true, true) => "starred",
            (true, false) => "star removed",
            (false, true) => "marked read",
            (false, false) => "marked unread",
        });
        self.refresh_view();
        vec![Effect::SaveState(self.state.clone())]
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
