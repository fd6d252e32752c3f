//! What an update reads, writes, moves and drops.

use super::{Fixture, entity_rows, ids, set_mtime, update_with, watching};
use crate::entities::EntityKind;
use crate::entities::watch::Watchlist;
use crate::index::Index;
use crate::index::query::parse;
use std::sync::atomic::{AtomicUsize, Ordering};

fn three_files(fx: &Fixture) {
    fx.write(
        "a.md",
        "---\ntitle: A\ndate: 2026-11-20\n---\nTalks in Miami with Steve Witkoff.\n",
    );
    fx.write(
        "sub/b.md",
        "# B\n\nRustem Umerov spoke in Kyiv about the pipeline.\n",
    );
    fx.write("c.txt", "C title\n\nEmmanuel Macron visited Paris.\n");
}

#[test]
fn the_first_update_reads_everything_and_the_second_nothing() {
    let fx = Fixture::new();
    three_files(&fx);
    let mut index = fx.open();
    let calls = AtomicUsize::new(0);
    let first = index
        .update(&fx.roots(), &Watchlist::default(), &|done, total| {
            assert!(done <= total);
            calls.fetch_add(1, Ordering::Relaxed);
        })
        .unwrap();
    assert_eq!((first.added, first.read, first.unchanged), (3, 3, 0));
    assert_eq!(calls.load(Ordering::Relaxed), 3);
    assert_eq!(ids(&index), ["a.md", "c.txt", "sub/b.md"]);
    let second = fx.update(&mut index);
    assert_eq!(
        (second.read, second.unchanged, second.added, second.changed),
        (0, 3, 0, 0)
    );
}

#[test]
fn changed_added_and_removed_files_each_read_once() {
    let fx = Fixture::new();
    three_files(&fx);
    let mut index = fx.open();
    fx.update(&mut index);
    fx.write("a.md", "---\ntitle: A again\n---\nNow about the Odesa port.\n");
    fx.write("d.md", "# D\n\nNew file about Warsaw.\n");
    std::fs::remove_file(fx.root.join("c.txt")).unwrap();
    let r = fx.update(&mut index);
    assert_eq!(
        (r.changed, r.added, r.removed, r.unchanged, r.renamed),
        (1, 1, 1, 1, 0)
    );
    assert_eq!(r.read, 2, "only the changed and the new file are read");
    assert_eq!(ids(&index), ["a.md", "d.md", "sub/b.md"]);
    let a = &index.briefings().unwrap()[0];
    assert_eq!(a.meta.title, "A again");
    assert_eq!(index.search(&parse("Odesa").unwrap(), 10).unwrap().len(), 1);
    assert!(index.search(&parse("Miami").unwrap(), 10).unwrap().is_empty());
    assert!(index.search(&parse("Macron").unwrap(), 10).unwrap().is_empty());
}

#[test]
fn an_edit_that_keeps_the_size_is_seen_by_its_mtime() {
    let fx = Fixture::new();
    let path = fx.write("a.md", "# A\n\nTalks in Miami.\n");
    let mut index = fx.open();
    fx.update(&mut index);
    fx.write("a.md", "# A\n\nTalks in Paris.\n");
    set_mtime(&path, 60);
    let r = fx.update(&mut index);
    assert_eq!((r.changed, r.read), (1, 1));
    assert_eq!(index.search(&parse("Paris").unwrap(), 10).unwrap().len(), 1);
}

#[test]
fn a_touch_only_updates_the_mtime() {
    let fx = Fixture::new();
    three_files(&fx);
    let mut index = fx.open();
    fx.update(&mut index);
    let before = entity_rows(&index);
    set_mtime(&fx.root.join("a.md"), 120);
    let r = fx.update(&mut index);
    assert_eq!((r.read, r.changed, r.unchanged), (1, 0, 3));
    assert_eq!(entity_rows(&index), before, "nothing analysed again");
    let again = fx.update(&mut index);
    assert_eq!(again.read, 0, "the new mtime was recorded");
}

#[test]
fn a_renamed_file_keeps_its_rows() {
    let fx = Fixture::new();
    three_files(&fx);
    let mut index = fx.open();
    fx.update(&mut index);
    let before = entity_rows(&index);
    std::fs::rename(fx.root.join("c.txt"), fx.root.join("sub/moved.txt")).unwrap();
    let r = fx.update(&mut index);
    assert_eq!((r.renamed, r.added, r.removed, r.read), (1, 0, 0, 1));
    assert_eq!(entity_rows(&index), before, "nothing analysed again");
    assert_eq!(ids(&index), ["a.md", "sub/b.md", "sub/moved.txt"]);
    let hits = index.search(&parse("Macron").unwrap(), 10).unwrap();
    assert_eq!(hits[0].id, "sub/moved.txt");
    assert!(hits[0].path.ends_with("sub/moved.txt"));
}

#[test]
fn two_copies_of_a_renamed_file_are_one_rename_and_one_addition() {
    let fx = Fixture::new();
    three_files(&fx);
    let mut index = fx.open();
    fx.update(&mut index);
    let text = std::fs::read_to_string(fx.root.join("c.txt")).unwrap();
    std::fs::remove_file(fx.root.join("c.txt")).unwrap();
    fx.write("x.txt", &text);
    fx.write("y.txt", &text);
    let r = fx.update(&mut index);
    assert_eq!((r.renamed, r.added, r.removed), (1, 1, 0));
    assert_eq!(index.search(&parse("Macron").unwrap(), 10).unwrap().len(), 2);
}

#[test]
fn unreadable_files_are_listed_with_their_error() {
    let fx = Fixture::new();
    fx.write("good.md", "# Good\n");
    std::fs::write(fx.root.join("bin.md"), b"\x00\x01\x02").unwrap();
    fx.write("broken.md", "---\ntitle: [x\n---\n");
    let mut index = fx.open();
    let r = fx.update(&mut index);
    assert_eq!((r.added, r.read), (3, 3));
    let list = index.briefings().unwrap();
    assert!(list[0].error.as_deref().unwrap().contains("binary"));
    assert!(list[1].error.as_deref().unwrap().contains("front matter, line"));
    assert!(list[2].error.is_none());
    assert_eq!(fx.update(&mut index).read, 0);
}

#[test]
fn another_watchlist_analyses_everything_again() {
    let fx = Fixture::new();
    three_files(&fx);
    let mut index = fx.open();
    fx.update(&mut index);
    assert!(index.watch_hits().unwrap().is_empty());
    let watch = watching("Rustem Umerov", EntityKind::Person, &["Umerov"]);
    let r = update_with(&mut index, &fx.roots(), &watch);
    assert_eq!((r.read, r.unchanged, r.changed), (3, 3, 0));
    let hits = index.watch_hits().unwrap();
    assert_eq!(hits["sub/b.md"], ["Rustem Umerov"]);
    assert_eq!(update_with(&mut index, &fx.roots(), &watch).read, 0);
}

#[test]
fn rebuild_reads_everything_again() {
    let fx = Fixture::new();
    three_files(&fx);
    let mut index = fx.open();
    fx.update(&mut index);
    let r = index
        .rebuild(&fx.roots(), &Watchlist::default(), &|_, _| {})
        .unwrap();
    assert_eq!((r.added, r.read), (3, 3));
    assert_eq!(ids(&index).len(), 3);
}

#[test]
fn a_missing_root_is_an_error_and_empties_nothing() {
    let fx = Fixture::new();
    three_files(&fx);
    let mut index = fx.open();
    fx.update(&mut index);
    let gone = vec![fx.root.join("no-such-folder")];
    let err = index
        .update(&gone, &Watchlist::default(), &|_, _| {})
        .unwrap_err();
    assert!(err.to_string().contains("no such file or folder"), "{err}");
    assert_eq!(ids(&index).len(), 3);
}

#[test]
fn two_stores_in_one_file_never_mix() {
    let one = Fixture::new();
    let two = Fixture::new();
    one.write("a.md", "# A\n\nMiami talks.\n");
    two.write("b.md", "# B\n\nMiami again.\n");
    let mut first = one.open();
    one.update(&mut first);
    let mut second = Index::open(&one.cache, &two.roots()).unwrap();
    update_with(&mut second, &two.roots(), &Watchlist::default());
    assert_eq!(ids(&first), ["a.md"]);
    assert_eq!(ids(&second), ["b.md"]);
    let hits = second.search(&parse("Miami").unwrap(), 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "b.md");
}

#[test]
fn rebuilding_one_store_keeps_the_other() {
    let one = Fixture::new();
    let two = Fixture::new();
    one.write("a.md", "# A\n\nMiami talks.\n");
    two.write("b.md", "# B\n\nMiami again.\n");
    let mut first = one.open();
    one.update(&mut first);
    let mut second = Index::open(&one.cache, &two.roots()).unwrap();
    update_with(&mut second, &two.roots(), &Watchlist::default());
    let r = first
        .rebuild(&one.roots(), &Watchlist::default(), &|_, _| {})
        .unwrap();
    assert_eq!((r.added, r.read), (1, 1));
    let hits = second.search(&parse("Miami").unwrap(), 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["b.md"]);
    assert_eq!(first.search(&parse("Miami").unwrap(), 10).unwrap()[0].id, "a.md");
}
