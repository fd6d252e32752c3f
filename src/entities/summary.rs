//! Mentions grouped into entities for the Entities pane: "Vladimir Putin",
//! "Putin" and "Putin’s" are one person with three mentions.

use super::canonical::canonical;
use super::watch::Watchlist;
use super::{Entity, EntityKind};
use std::collections::HashMap;

/// One entity of a briefing and where it is mentioned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityGroup {
    /// The fullest form of the name seen in the briefing.
    pub name: String,
    pub kind: EntityKind,
    /// Indices into the briefing's entity list, in text order.
    pub mentions: Vec<usize>,
    /// On the user's watchlist.
    pub watched: bool,
}

/// Groups mentions: same kind and same text; a one-word person name joins
/// the only longer person name that ends with it ("Witkoff" -> "Steve
/// Witkoff"). Sorted by kind, then most mentioned.
pub fn group(text: &str, entities: &[Entity]) -> Vec<EntityGroup> {
    group_with(text, entities, &Watchlist::default())
}

/// Like [`group`], with watched aliases joining their entry ("Putin" under
/// a watched "Vladimir Putin").
pub fn group_with(text: &str, entities: &[Entity], watch: &Watchlist) -> Vec<EntityGroup> {
    let mut full_by_last: HashMap<&str, Option<&str>> = HashMap::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let name = e.text(text);
        if let Some((_, last)) = name.rsplit_once(' ') {
            let slot = full_by_last.entry(last).or_insert(Some(name));
            if *slot != Some(name) {
                *slot = None; // two people share the surname: keep them apart
            }
        }
    }
    let mut index: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut groups: Vec<EntityGroup> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        let mut name = e.text(text);
        if e.kind == EntityKind::Person
            && !name.contains(' ')
            && let Some(Some(full)) = full_by_last.get(name)
        {
            name = full;
        }
        let key = watch
            .entry_for(e.kind, name)
            .map_or_else(|| canonical(e.kind, name), str::to_owned);
        let at = *index.entry((e.kind, key)).or_insert_with_key(|(kind, key)| {
            groups.push(EntityGroup {
                name: crate::sanitize::sanitize(key).into_owned(),
                kind: *kind,
                mentions: Vec::new(),
                watched: watch.contains(*kind, key),
            });
            groups.len() - 1
        });
        groups[at].mentions.push(i);
    }
    groups.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.mentions.len().cmp(&a.mentions.len()))
            .then_with(|| a.name.cmp(&b.name))
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(text: &str, name: &str, nth: usize, kind: EntityKind) -> Entity {
        let start = text.match_indices(name).nth(nth).unwrap().0;
        Entity::new(start, start + name.len(), kind)
    }

    #[test]
    fn surnames_join_the_full_name() {
        let text = "Vladimir Putin spoke. Putin’s aide and Putin again; Miami.";
        let ents = vec![
            ent(text, "Vladimir Putin", 0, EntityKind::Person),
            ent(text, "Putin", 1, EntityKind::Person),
            ent(text, "Putin", 2, EntityKind::Person),
            ent(text, "Miami", 0, EntityKind::Place),
        ];
        let g = group(text, &ents);
        assert_eq!(g[0].name, "Vladimir Putin");
        assert_eq!(g[0].mentions, [0, 1, 2]);
        assert_eq!(g[1].name, "Miami");
    }

    #[test]
    fn aliases_are_one_entity() {
        let text = "The US and the U.S. and the United States.";
        let ents = vec![
            ent(text, "US", 0, EntityKind::Place),
            ent(text, "U.S.", 0, EntityKind::Place),
            ent(text, "United States", 0, EntityKind::Place),
        ];
        let g = group(text, &ents);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].name, "United States");
        assert_eq!(g[0].mentions.len(), 3);
    }

    #[test]
    fn shared_surnames_stay_apart() {
        let text = "Ann Lee and Bo Lee met. Lee left.";
        let ents = vec![
            ent(text, "Ann Lee", 0, EntityKind::Person),
            ent(text, "Bo Lee", 0, EntityKind::Person),
            ent(text, "Lee", 2, EntityKind::Person),
        ];
        let names: Vec<_> = group(text, &ents).into_iter().map(|g| g.name).collect();
        assert_eq!(names.len(), 3);
        assert!(names.contains(&"Lee".to_owned()));
    }
}
