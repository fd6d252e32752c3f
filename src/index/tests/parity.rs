//! The index gives what the store and the in-memory entity index give,
//! on the bundled briefings.

use super::{Fixture, bundled, update_with, watching};
use crate::analysis::build_index;
use crate::entities::EntityKind;
use crate::entities::index::IndexRecord;
use crate::entities::watch::Watchlist;
use crate::index::Index;
use crate::store::scan_paths;

fn indexed(watch: &Watchlist) -> (Fixture, Index) {
    let fx = Fixture::new();
    let mut index = Index::open(&fx.cache, &bundled()).unwrap();
    update_with(&mut index, &bundled(), watch);
    (fx, index)
}

#[test]
fn the_list_is_what_scan_paths_gives() {
    let (_fx, index) = indexed(&Watchlist::default());
    let scanned = scan_paths(&bundled()).unwrap();
    let listed = index.briefings().unwrap();
    assert_eq!(listed.len(), scanned.len());
    for (l, s) in listed.iter().zip(&scanned) {
        assert_eq!(l.id, s.id);
        assert_eq!(l.path, s.path);
        assert_eq!(l.format, s.format);
        assert_eq!(l.meta, s.meta, "{}", s.id);
        assert_eq!(l.fingerprint, s.fingerprint, "{}", s.id);
        assert_eq!(l.error, s.error);
        assert_eq!(l.warning, s.warning);
    }
}

fn key(r: &IndexRecord) -> (String, &'static str) {
    (r.name.clone(), r.label)
}

fn same_records(watch: &Watchlist) {
    let (_fx, index) = indexed(watch);
    let ours = index.entity_records().unwrap();
    let theirs = build_index(&scan_paths(&bundled()).unwrap(), watch).records();
    assert!(!theirs.is_empty());
    let mut a: Vec<&IndexRecord> = ours.iter().collect();
    let mut b: Vec<&IndexRecord> = theirs.iter().collect();
    let order = |r: &&IndexRecord| (r.briefings.len(), r.mentions, r.name.clone());
    assert_eq!(
        a.iter().map(order).collect::<Vec<_>>(),
        b.iter().map(order).collect::<Vec<_>>()
    );
    a.sort_by_key(|r| key(r));
    b.sort_by_key(|r| key(r));
    assert_eq!(a, b);
}

#[test]
fn entity_records_are_build_index_records() {
    same_records(&Watchlist::default());
    same_records(&watching(
        "Vladimir Putin",
        EntityKind::Person,
        &["Putin", "President Putin"],
    ));
}

#[test]
fn spread_and_entity_briefings_match_the_entity_index() {
    let watch = Watchlist::default();
    let (_fx, index) = indexed(&watch);
    let memory = build_index(&scan_paths(&bundled()).unwrap(), &watch);
    let records = memory.records();
    let mut keys: Vec<(EntityKind, String)> = records
        .iter()
        .map(|r| (r.label.parse().unwrap(), r.name.clone()))
        .collect();
    keys.extend([
        (EntityKind::Person, "Putin".to_owned()),
        (EntityKind::Person, "Witkoff".to_owned()),
    ]);
    let spread = index.spread(&keys).unwrap();
    for ((kind, name), n) in keys.iter().zip(spread) {
        let expected = memory.briefings(*kind, name);
        assert_eq!(n, expected.len(), "{kind} {name}");
        let mut found: Vec<String> = index
            .entity_briefings(*kind, name)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect();
        found.sort();
        assert_eq!(found, expected.into_iter().collect::<Vec<_>>(), "{kind} {name}");
    }
}

#[test]
fn front_matter_kept_in_the_index_is_what_the_store_reads() {
    let f = super::Fixture::new();
    f.write(
        "a.md",
        "---\ntitle: A\ndate: 2026-11-25T09:00:00Z\nurl: https://example.org/a\nauthor: W\n---\nText.\n",
    );
    let mut index = f.open();
    f.update(&mut index);
    let listed = index.briefings().unwrap();
    let scanned = crate::store::scan_paths(&f.roots()).unwrap();
    assert_eq!(
        listed[0].meta.declared.url.as_deref(),
        Some("https://example.org/a")
    );
    assert_eq!(listed[0].meta.date.as_deref(), Some("2026-11-25"));
    assert_eq!(listed[0].meta, scanned[0].meta);
}
