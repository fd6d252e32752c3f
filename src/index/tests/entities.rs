//! Entity questions across a small store: briefings, timeline, company
//! kept, watched hits.

use super::{Fixture, update_with, watching};
use crate::entities::EntityKind::{self, Person, Place};
use crate::index::Index;

fn store() -> (Fixture, Index) {
    let fx = Fixture::new();
    fx.write(
        "a.md",
        "---\ntitle: One\ndate: 2026-11-20\n---\n# One\n\nWeather report.\n\nSteve Witkoff met Rustem Umerov in Miami.\n",
    );
    fx.write(
        "b.md",
        "---\ntitle: Two\ndate: 2026-11-22\n---\n# Two\n\nSteve Witkoff and Rustem Umerov spoke again. Witkoff flew home.\n",
    );
    fx.write(
        "c.md",
        "---\ntitle: Three\ndate: 2026-11-22T09:00:00Z\n---\n# Three\n\nRustem Umerov visited Kyiv.\n",
    );
    let mut index = fx.open();
    let watch = watching("Rustem Umerov", Person, &["Umerov"]);
    update_with(&mut index, &fx.roots(), &watch);
    (fx, index)
}

#[test]
fn briefings_naming_an_entity_newest_first_with_first_mentions() {
    let (_fx, index) = store();
    let hits = index.entity_briefings(Person, "Steve Witkoff").unwrap();
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["b.md", "a.md"]);
    assert_eq!((hits[0].mentions, hits[0].first_paragraph), (2, 1));
    assert_eq!((hits[1].mentions, hits[1].first_paragraph), (1, 2));
    assert_eq!(hits[1].title, "One");
    assert_eq!(hits[1].date.as_deref(), Some("2026-11-20"));
    // By surname alone, by alias, whatever the case.
    assert_eq!(index.entity_briefings(Person, "witkoff").unwrap().len(), 2);
    assert_eq!(index.entity_briefings(Person, "umerov").unwrap().len(), 3);
    assert!(index.entity_briefings(Place, "Nowhere").unwrap().is_empty());
}

#[test]
fn timeline_by_day_oldest_first() {
    let (_fx, index) = store();
    let days = index.timeline(Person, "Rustem Umerov").unwrap();
    assert_eq!(days, [("2026-11-20".to_owned(), 1), ("2026-11-22".to_owned(), 2)]);
}

#[test]
fn company_kept_most_shared_first() {
    let (_fx, index) = store();
    let with: Vec<(EntityKind, String, u64)> = index.co_occurring(Person, "Rustem Umerov", 10).unwrap();
    assert_eq!(with[0], (Person, "Steve Witkoff".to_owned(), 2));
    assert!(with.iter().all(|(_, name, _)| name != "Rustem Umerov"));
    assert!(
        with.iter()
            .any(|(k, name, n)| *k == Place && name == "Kyiv" && *n == 1)
    );
    assert_eq!(index.co_occurring(Person, "Rustem Umerov", 1).unwrap().len(), 1);
}

#[test]
fn spread_and_watched_hits() {
    let (_fx, index) = store();
    let keys = [
        (Person, "Rustem Umerov".to_owned()),
        (Person, "Steve Witkoff".to_owned()),
        (Place, "Kyiv".to_owned()),
        (Place, "Atlantis".to_owned()),
    ];
    assert_eq!(index.spread(&keys).unwrap(), [3, 2, 1, 0]);
    let hits = index.watch_hits().unwrap();
    assert_eq!(hits.len(), 3);
    assert_eq!(hits["c.md"], ["Rustem Umerov"]);
}
