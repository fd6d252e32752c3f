//! Which briefings mention each entity: built once over the store, updated
//! one briefing at a time, queried by the Articles filter and the Entities
//! pane ("in 5 briefings").

use super::EntityKind;
use super::summary::EntityGroup;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An entity across briefings.
pub type Key = (EntityKind, String);

/// The index, both ways.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    by_entity: HashMap<Key, BTreeMap<String, usize>>,
    by_briefing: HashMap<String, Vec<Key>>,
    /// Watched entities each briefing names.
    hits: HashMap<String, Vec<String>>,
}

/// One entity in `brief entities --index`.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct IndexRecord {
    pub name: String,
    pub label: &'static str,
    pub mentions: usize,
    /// Shared: an archive's million mentions name ten thousand briefings.
    pub briefings: Vec<std::sync::Arc<str>>,
}

/// The order `brief entities --index` lists records in: the entities named
/// in most briefings first, then the most mentioned, then by name.
pub fn sort_records(records: &mut [IndexRecord]) {
    records.sort_by(|a, b| {
        b.briefings
            .len()
            .cmp(&a.briefings.len())
            .then(b.mentions.cmp(&a.mentions))
            .then_with(|| a.name.cmp(&b.name))
    });
}

impl EntityIndex {
    /// Records (or replaces) what one briefing mentions.
    pub fn set_briefing(&mut self, id: &str, groups: &[EntityGroup]) {
        self.remove_briefing(id);
        let mut keys = Vec::with_capacity(groups.len());
        for g in groups {
            let key = (g.kind, g.name.clone());
            self.by_entity
                .entry(key.clone())
                .or_default()
                .insert(id.to_owned(), g.mentions.len());
            keys.push(key);
        }
        self.by_briefing.insert(id.to_owned(), keys);
        let hits: Vec<String> = groups
            .iter()
            .filter(|g| g.watched)
            .map(|g| g.name.clone())
            .collect();
        if hits.is_empty() {
            self.hits.remove(id);
        } else {
            self.hits.insert(id.to_owned(), hits);
        }
    }

    /// The watched entities a briefing names.
    pub fn hits(&self, id: &str) -> &[String] {
        self.hits.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn remove_briefing(&mut self, id: &str) {
        for key in self.by_briefing.remove(id).unwrap_or_default() {
            if let Some(ids) = self.by_entity.get_mut(&key) {
                ids.remove(id);
                if ids.is_empty() {
                    self.by_entity.remove(&key);
                }
            }
        }
    }

    /// The keys that name the same person across briefings: a full name
    /// and its surname alone ("Vladimir Putin", "Putin") when the surname
    /// belongs to one full name only.
    fn same_person(&self, name: &str) -> Vec<Key> {
        let mut keys = vec![(EntityKind::Person, name.to_owned())];
        if let Some((_, last)) = name.rsplit_once(' ') {
            let owners = self.full_names_ending_with(last);
            if owners.len() == 1 {
                keys.push((EntityKind::Person, last.to_owned()));
            }
        } else {
            let owners = self.full_names_ending_with(name);
            if owners.len() == 1 {
                keys.extend(owners.into_iter().map(|n| (EntityKind::Person, n)));
            }
        }
        keys
    }

    fn full_names_ending_with(&self, last: &str) -> Vec<String> {
        let suffix = format!(" {last}");
        self.by_entity
            .keys()
            .filter(|(k, n)| *k == EntityKind::Person && n.ends_with(&suffix))
            .map(|(_, n)| n.clone())
            .collect()
    }

    /// Ids of the briefings that mention an entity.
    pub fn briefings(&self, kind: EntityKind, name: &str) -> BTreeSet<String> {
        let keys = if kind == EntityKind::Person {
            self.same_person(name)
        } else {
            vec![(kind, name.to_owned())]
        };
        keys.iter()
            .filter_map(|k| self.by_entity.get(k))
            .flat_map(|ids| ids.keys().cloned())
            .collect()
    }

    pub fn briefing_count(&self) -> usize {
        self.by_briefing.len()
    }

    /// Every entity with its briefings, most widely mentioned first (dates
    /// and numbers left out: they say little across briefings).
    pub fn records(&self) -> Vec<IndexRecord> {
        let mut out: Vec<IndexRecord> = self
            .by_entity
            .iter()
            .filter(|((k, _), _)| !matches!(k, EntityKind::Date | EntityKind::Number))
            .map(|((kind, name), ids)| IndexRecord {
                name: name.clone(),
                label: kind.as_str(),
                mentions: ids.values().sum(),
                briefings: ids.keys().map(|k| std::sync::Arc::from(k.as_str())).collect(),
            })
            .collect();
        sort_records(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(name: &str, kind: EntityKind, n: usize) -> EntityGroup {
        EntityGroup {
            name: name.into(),
            kind,
            mentions: (0..n).collect(),
            watched: name == "Kyiv",
        }
    }

    #[test]
    fn finds_briefings_and_joins_surnames_across_them() {
        let mut idx = EntityIndex::default();
        idx.set_briefing(
            "a.md",
            &[
                g("Vladimir Putin", EntityKind::Person, 2),
                g("Kyiv", EntityKind::Place, 1),
            ],
        );
        idx.set_briefing("b.md", &[g("Putin", EntityKind::Person, 1)]);
        idx.set_briefing("c.md", &[g("Kyiv", EntityKind::Place, 3)]);
        let ids: Vec<_> = idx
            .briefings(EntityKind::Person, "Vladimir Putin")
            .into_iter()
            .collect();
        assert_eq!(ids, ["a.md", "b.md"]);
        assert_eq!(idx.briefings(EntityKind::Person, "Putin").len(), 2);
        assert_eq!(idx.briefings(EntityKind::Place, "Kyiv").len(), 2);
        let recs = idx.records();
        assert_eq!(recs[0].name, "Kyiv");
        assert_eq!(recs[0].mentions, 4);
        assert_eq!(idx.hits("c.md"), ["Kyiv"]);
        assert!(idx.hits("b.md").is_empty());
    }

    #[test]
    fn replacing_a_briefing_updates_the_index() {
        let mut idx = EntityIndex::default();
        idx.set_briefing("a.md", &[g("Kyiv", EntityKind::Place, 1)]);
        idx.set_briefing("a.md", &[g("Odesa", EntityKind::Place, 1)]);
        assert!(idx.briefings(EntityKind::Place, "Kyiv").is_empty());
        assert_eq!(idx.briefings(EntityKind::Place, "Odesa").len(), 1);
        idx.remove_briefing("a.md");
        assert_eq!(idx.briefing_count(), 0);
    }
}
