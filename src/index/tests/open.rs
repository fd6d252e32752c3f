//! Opening: broken files set aside and rebuilt, an unwritable cache in
//! memory, two instances on one file.

use super::Fixture;
use crate::entities::watch::Watchlist;
use crate::index::query::parse;
use crate::index::{FILE_NAME, Index};
use std::path::Path;

fn set_aside_files(cache: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with(&format!("{FILE_NAME}.broken-")) && !n.ends_with("-wal") && !n.ends_with("-shm")
        })
        .collect();
    names.sort();
    names
}

/// Opens over a file already there and checks the index was rebuilt.
fn rebuilt_from(fx: &Fixture, saying: &str) {
    let mut index = fx.open();
    let notice = index.notice().expect("a notice").to_owned();
    assert!(notice.starts_with("index: "), "{notice}");
    assert!(notice.contains("was unreadable"), "{notice}");
    assert!(notice.contains(saying), "{notice}");
    assert!(notice.ends_with("set aside and rebuilt"), "{notice}");
    assert!(!notice.contains('\n'));
    assert_eq!(set_aside_files(&fx.cache).len(), 1, "{notice}");
    fx.write("a.md", "# A\n\nMiami talks.\n");
    let files = std::fs::read_dir(&fx.root).unwrap().count();
    assert_eq!(fx.update(&mut index).added, files);
    assert_eq!(index.search(&parse("Miami").unwrap(), 5).unwrap().len(), 1);
    drop(index);
    assert!(fx.open().notice().is_none(), "the new file opens cleanly");
}

fn real_index(fx: &Fixture) -> Vec<u8> {
    fx.write("seed.md", "# Seed\n\nSome text about Kyiv to fill the index.\n");
    let mut index = fx.open();
    fx.update(&mut index);
    drop(index);
    std::fs::read(fx.cache.join(FILE_NAME)).unwrap()
}

#[test]
fn a_new_cache_folder_is_made_without_notice() {
    let fx = Fixture::new();
    let index = fx.open();
    assert!(index.notice().is_none());
    assert!(fx.cache.join(FILE_NAME).is_file());
}

#[test]
fn garbage_is_set_aside() {
    let fx = Fixture::new();
    std::fs::create_dir_all(&fx.cache).unwrap();
    std::fs::write(
        fx.cache.join(FILE_NAME),
        b"this is not a database at all, just garbage".repeat(200),
    )
    .unwrap();
    rebuilt_from(&fx, "not a database");
}

#[test]
fn a_truncated_index_is_set_aside() {
    let fx = Fixture::new();
    let bytes = real_index(&fx);
    assert!(bytes.len() > 100);
    std::fs::write(fx.cache.join(FILE_NAME), &bytes[..100]).unwrap();
    rebuilt_from(&fx, "");
}

#[test]
fn an_empty_file_is_set_aside() {
    let fx = Fixture::new();
    std::fs::create_dir_all(&fx.cache).unwrap();
    std::fs::write(fx.cache.join(FILE_NAME), b"").unwrap();
    rebuilt_from(&fx, "empty");
}

#[test]
fn an_index_of_another_schema_is_replaced_and_no_copy_is_kept() {
    let fx = Fixture::new();
    real_index(&fx);
    let conn = rusqlite::Connection::open(fx.cache.join(FILE_NAME)).unwrap();
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'", [])
        .unwrap();
    drop(conn);
    let mut index = fx.open();
    let notice = index.notice().expect("a notice").to_owned();
    assert!(notice.starts_with("index: "), "{notice}");
    assert!(
        notice.ends_with(&format!(
            "was of schema version 99, this build uses {}; built again",
            crate::index::SCHEMA_VERSION
        )),
        "{notice}"
    );
    assert!(!notice.contains('\n'));
    assert!(
        set_aside_files(&fx.cache).is_empty(),
        "a cache of another schema is deleted, not kept"
    );
    assert_eq!(fx.update(&mut index).added, 1);
    assert_eq!(index.search(&parse("Kyiv").unwrap(), 5).unwrap().len(), 1);
    drop(index);
    assert!(fx.open().notice().is_none(), "the new file opens cleanly");
}

#[test]
fn a_file_where_the_cache_folder_should_be_gives_an_index_in_memory() {
    let fx = Fixture::new();
    std::fs::write(&fx.cache, b"a file, not a folder").unwrap();
    let mut index = fx.open();
    let notice = index.notice().unwrap();
    assert!(notice.starts_with("index: cannot write "), "{notice}");
    assert!(notice.ends_with("; using an index in memory"), "{notice}");
    fx.write("a.md", "# A\n\nMiami talks.\n");
    assert_eq!(fx.update(&mut index).added, 1);
    assert_eq!(index.search(&parse("Miami").unwrap(), 5).unwrap().len(), 1);
}

#[test]
fn fts5_is_compiled_in() {
    let index = Index::in_memory(&[]).unwrap();
    let conn = index.conn();
    let used: i64 = conn
        .query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(used, 1);
    conn.execute_batch("CREATE VIRTUAL TABLE probe USING fts5(x)")
        .unwrap();
}

#[test]
fn one_instance_searches_while_another_updates() {
    let fx = Fixture::new();
    for i in 0..300 {
        fx.write(
            &format!("{i:03}.md"),
            &format!("# Briefing {i}\n\nTalks in Miami, round {i}, with Steve Witkoff.\n\nMore text {i}.\n"),
        );
    }
    let mut writer = fx.open();
    let reader = fx.open();
    let done = std::sync::atomic::AtomicBool::new(false);
    let query = parse("Miami").unwrap();
    std::thread::scope(|s| {
        s.spawn(|| {
            let r = writer
                .update(&fx.roots(), &Watchlist::default(), &|_, _| {})
                .unwrap();
            assert_eq!(r.added, 300);
            done.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        s.spawn(|| {
            // At least once, however soon the writer is done.
            loop {
                let finished = done.load(std::sync::atomic::Ordering::SeqCst);
                reader.search(&query, 10).unwrap();
                reader.briefings().unwrap();
                if finished {
                    break;
                }
            }
        });
    });
    assert_eq!(reader.search(&query, 1000).unwrap().len(), 300);
    assert_eq!(reader.briefings().unwrap().len(), 300);
}

#[test]
fn open_existing_reads_only_an_index_that_is_there_and_knows_the_store() {
    let fx = Fixture::new();
    assert!(
        Index::open_existing(&fx.cache, &fx.roots()).is_none(),
        "no file yet"
    );
    assert!(!fx.cache.join(FILE_NAME).exists(), "and none is made");
    fx.write("a.md", "# A\n\nMiami talks.\n");
    let mut index = fx.open();
    fx.update(&mut index);
    let other = fx.root.join("elsewhere");
    std::fs::create_dir_all(&other).unwrap();
    assert!(
        Index::open_existing(&fx.cache, &[other]).is_none(),
        "a store the index does not know"
    );
    let reader = Index::open_existing(&fx.cache, &fx.roots()).expect("the index as it is");
    assert_eq!(reader.search(&parse("Miami").unwrap(), 5).unwrap().len(), 1);
    // It sees what the other connection writes next.
    fx.write("b.md", "# B\n\nMiami again.\n");
    let report = fx.update(&mut index);
    assert!(!report.changed_nothing());
    assert_eq!(reader.search(&parse("Miami").unwrap(), 5).unwrap().len(), 2);
    assert!(fx.update(&mut index).changed_nothing());
}

#[test]
fn open_existing_refuses_another_schema() {
    let fx = Fixture::new();
    real_index(&fx);
    let conn = rusqlite::Connection::open(fx.cache.join(FILE_NAME)).unwrap();
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'", [])
        .unwrap();
    drop(conn);
    assert!(Index::open_existing(&fx.cache, &fx.roots()).is_none());
}

#[test]
fn damage_a_read_meets_is_mended_by_the_next_update() {
    let fx = Fixture::new();
    for i in 0..200 {
        fx.write(
            &format!("b{i:03}.md"),
            &format!("# Briefing {i}\n\nTalks in Miami, round {i}.\n"),
        );
    }
    let mut index = fx.open();
    fx.update(&mut index);
    drop(index);
    let file = fx.cache.join(FILE_NAME);
    let conn = rusqlite::Connection::open(&file).unwrap();
    let _: String = conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            r.get(1).map(|v: i64| v.to_string())
        })
        .unwrap();
    let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    let root: i64 = conn
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'briefings'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(conn);
    let mut bytes = std::fs::read(&file).unwrap();
    let at = usize::try_from((root - 1) * page_size).unwrap();
    bytes[at..at + 64].fill(0xA5);
    std::fs::write(&file, &bytes).unwrap();

    let mut index = fx.open();
    assert!(
        index.notice().is_none(),
        "the small tables are whole: {:?}",
        index.notice()
    );
    fx.update(&mut index);
    let met = index.search(&parse("Miami").unwrap(), 500);
    assert!(
        matches!(met, Err(crate::index::IndexError::Corrupt { .. })),
        "the search meets the damage: {met:?}"
    );
    let report = fx.update(&mut index);
    let notice = index.notice().expect("a notice").to_owned();
    assert!(notice.contains("was unreadable"), "{notice}");
    assert!(notice.ends_with("set aside and rebuilt"), "{notice}");
    assert_eq!(set_aside_files(&fx.cache).len(), 1);
    assert_eq!(report.added, 200, "everything indexed again");
    assert_eq!(index.search(&parse("Miami").unwrap(), 500).unwrap().len(), 200);
}
