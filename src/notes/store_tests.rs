//! Tests of the notes store, on temporary folders only.

use super::*;
use crate::notes::Note;
use std::fs::File;

const ID: &str = "000_e339247b8c1bd523.txt";

fn paragraphs() -> Vec<String> {
    vec!["First paragraph.".into(), "Second paragraph.".into()]
}

fn note(text: &str, ordinal: usize) -> Note {
    Note::new(text, &paragraphs(), ordinal)
}

fn texts(file: &NotesFile) -> Vec<&str> {
    let mut t: Vec<&str> = file.notes.iter().map(|n| n.text.as_str()).collect();
    t.sort_unstable();
    t
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn file_names_are_safe_and_distinct() {
    let store = NotesStore::new("/n");
    let name = |id: &str| {
        store
            .file_for(id)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
    };
    let a = name("sub/x.md").expect("name");
    assert!(a.starts_with("sub_x.md-"), "{a}");
    let path = store.file_for("sub/x.md");
    assert_eq!(path.extension(), Some("json".as_ref()));
    assert_ne!(name("a/b"), name("a_b"));
    assert!(!name("../.hidden").expect("name").starts_with('.'));
    assert_eq!(store.file_for("sub/x.md").parent(), Some(Path::new("/n")));
}

#[test]
fn missing_file_loads_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = NotesStore::new(dir.path().join("notes")).load(ID).expect("load");
    assert_eq!((file.schema, file.briefing.as_str()), (1, ID));
    assert!(file.notes.is_empty());
}

#[test]
fn round_trip_as_pretty_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path().join("notes"));
    let mut file = store.load(ID).expect("load");
    file.add(note("second", 1));
    file.add(note("first", 0));
    store.save(&file).expect("save");
    assert_eq!(store.load(ID).expect("load").notes, file.notes);

    let text = fs::read_to_string(store.file_for(ID)).expect("read");
    assert!(
        text.starts_with("{\n  \"schema\": 1,\n  \"briefing\": \""),
        "{text}"
    );
    assert!(text.ends_with("}\n"));
    assert!(text.find("\"first\"") < text.find("\"second\""));
    assert!(!text.contains("deleted") && !text.contains("seen"));
}

#[test]
fn corrupt_file_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path());
    let path = store.file_for(ID);
    let broken = b"{\n  \"schema\": 1,\n    oops\n";
    fs::write(&path, broken).expect("write");

    let err = store.load(ID).expect_err("corrupt");
    assert!(matches!(err, NotesError::Corrupt { .. }));
    let message = err.to_string();
    assert!(!message.contains('\n'), "{message}");
    assert!(message.starts_with(&path.display().to_string()), "{message}");
    assert!(message.contains("line 3"), "{message}");

    let mut file = NotesFile::new(ID);
    file.add(note("mine", 0));
    let err = store.save(&file).expect_err("refused");
    assert!(matches!(err, NotesError::Corrupt { .. }));
    assert_eq!(fs::read(&path).expect("read"), broken);
    let left = listing(dir.path());
    assert!(left.len() == 2, "no temporaries: {left:?}");
    let (_, listed) = &store.all()[0];
    assert!(listed.is_err());
}

#[test]
fn unknown_schema_is_corrupt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path());
    fs::write(store.file_for(ID), "{\"schema\": 2, \"briefing\": \"x\"}").expect("write");
    let message = store.load(ID).expect_err("schema").to_string();
    assert!(message.contains("unknown schema 2"), "{message}");
}

#[test]
fn two_handles_keep_each_others_notes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (one, two) = (NotesStore::new(dir.path()), NotesStore::new(dir.path()));
    let mut a = one.load(ID).expect("load");
    let mut b = two.load(ID).expect("load");
    a.add(note("from one", 0));
    one.sync(&mut a).expect("save one");
    b.add(note("from two", 1));
    two.sync(&mut b).expect("save two");
    assert_eq!(texts(&one.load(ID).expect("load")), ["from one", "from two"]);
    assert_eq!(texts(&b), ["from one", "from two"]);

    // One deletes a note; two, still holding it in memory, saves something
    // else: the deletion stands and nothing else is lost.
    one.sync(&mut a).expect("refresh");
    let gone = a
        .notes
        .iter()
        .find(|n| n.text == "from two")
        .map(|n| n.id.clone());
    a.remove(&gone.expect("note")).expect("removed");
    one.sync(&mut a).expect("delete");
    b.add(note("later", 1));
    two.sync(&mut b).expect("save");
    assert_eq!(texts(&one.load(ID).expect("load")), ["from one", "later"]);
    assert_eq!(texts(&b), ["from one", "later"]);
}

#[test]
fn later_update_wins() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path());
    let mut a = store.load(ID).expect("load");
    a.add(note("v1", 0));
    store.sync(&mut a).expect("save");
    let mut stale = a.clone();
    let id = a.notes[0].id.clone();
    let edited = a.get_mut(&id).expect("note");
    edited.text = "v2".into();
    edited.updated = "2999-01-01T00:00:00.000Z".into();
    store.save(&a).expect("save");
    stale.add(note("other", 1));
    store.save(&stale).expect("save stale");
    assert_eq!(texts(&store.load(ID).expect("load")), ["other", "v2"]);
}

#[test]
fn concurrent_savers_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let store = NotesStore::new(dir.path());
            std::thread::spawn(move || {
                let mut file = store.load(ID).expect("load");
                for i in 0..5 {
                    file.add(note(&format!("{t}-{i}"), i % 2));
                    store.sync(&mut file).expect("save");
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("thread");
    }
    let store = NotesStore::new(dir.path());
    assert_eq!(store.load(ID).expect("load").notes.len(), 20);
    let left = listing(dir.path());
    assert_eq!(
        left.len(),
        2,
        "the notes and their lock file, no temporaries: {left:?}"
    );
}

#[test]
fn a_lock_file_left_by_a_crash_does_not_block() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path());
    let lock = lock_path(&store);
    File::create(&lock).expect("lock file, nobody holding it");
    let mut file = NotesFile::new(ID);
    file.add(note("after crash", 0));
    store.save(&file).expect("save");
    assert_eq!(store.all().len(), 1);
}

fn lock_path(store: &NotesStore) -> std::path::PathBuf {
    let mut name = store.file_for(ID).into_os_string();
    name.push(".lock");
    name.into()
}

#[test]
fn a_held_lock_is_waited_for_never_broken() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path());
    let mut first = NotesFile::new(ID);
    first.add(note("first", 0));
    store.save(&first).expect("save");
    // Another saver holds the lock (a process stopped mid-save, say): this
    // one waits, then gives up without touching the file.
    let holder = File::options()
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock_path(&store))
        .expect("open lock");
    holder.lock().expect("hold the lock");
    let mut second = store.load(ID).expect("load");
    second.add(note("second", 1));
    let started = std::time::Instant::now();
    let err = store.sync(&mut second).expect_err("the lock is held");
    assert!(matches!(err, NotesError::Locked { .. }), "{err}");
    assert!(started.elapsed() >= LOCK_WAIT, "waited for the holder");
    assert_eq!(texts(&store.load(ID).expect("load")), ["first"], "untouched");
    drop(holder);
    store.sync(&mut second).expect("saved once the holder is gone");
    assert_eq!(texts(&store.load(ID).expect("load")), ["first", "second"]);
}

#[test]
fn an_outside_edit_with_the_same_updated_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path());
    let mut mine = store.load(ID).expect("load");
    mine.add(note("as written", 0));
    store.sync(&mut mine).expect("save");
    // Edited by hand in the JSON: the text changes, `updated` does not.
    let path = store.file_for(ID);
    let text = fs::read_to_string(&path)
        .expect("read")
        .replace("as written", "fixed by hand");
    fs::write(&path, text).expect("write");
    mine.add(note("another", 1));
    store.sync(&mut mine).expect("save");
    assert_eq!(
        texts(&store.load(ID).expect("load")),
        ["another", "fixed by hand"]
    );
    assert_eq!(texts(&mine), ["another", "fixed by hand"], "and in memory");
}

#[test]
fn two_edits_of_one_note_both_survive() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path());
    let mut a = store.load(ID).expect("load");
    a.add(note("original", 2));
    store.sync(&mut a).expect("save");
    let mut b = store.load(ID).expect("load");
    let id = a.notes[0].id.clone();
    a.get_mut(&id).expect("note").set_text("edited in A");
    b.get_mut(&id).expect("note").set_text("edited in B");
    store.sync(&mut a).expect("save A");
    store.sync(&mut b).expect("save B");
    let on_disk = store.load(ID).expect("load");
    assert_eq!(texts(&on_disk), ["edited in A", "edited in B"]);
    let copy = on_disk
        .notes
        .iter()
        .find(|n| n.text == "edited in B")
        .expect("B's copy");
    assert_eq!(
        copy.conflict_of.as_deref(),
        Some(id.as_str()),
        "marked as a conflict copy"
    );
    assert_eq!(copy.anchor.ordinal, 2, "on the same paragraph");
    store.sync(&mut b).expect("save B again");
    assert_eq!(store.load(ID).expect("load").notes.len(), 2, "no second copy");
}

#[test]
fn all_lists_every_briefing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path());
    for id in ["b/two.md", "a.txt"] {
        let mut file = NotesFile::new(id);
        file.add(note(id, 0));
        store.save(&file).expect("save");
    }
    fs::write(dir.path().join("README.txt"), "not notes").expect("write");
    let ids: Vec<String> = store.all().into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["a.txt", "b/two.md"]);
    assert!(NotesStore::new(dir.path().join("none")).all().is_empty());
}

#[test]
fn write_errors_say_read_only_or_full() {
    let err = |kind| {
        let cause = io::Error::from(kind);
        write_error(Path::new("/n/x.json"), "write", cause).to_string()
    };
    assert_eq!(
        err(ErrorKind::PermissionDenied),
        "/n/x.json: cannot save notes (write): permission denied; the folder is read-only"
    );
    assert!(err(ErrorKind::ReadOnlyFilesystem).ends_with("the file system is read-only"));
    assert!(err(ErrorKind::StorageFull).ends_with("the disk is full"));
}

#[test]
fn an_unwritable_notes_folder_gives_a_clear_error_even_as_root() {
    // A regular file where the folder must be: no permission bit is
    // involved, so this fails for root too (CI runs as root).
    let dir = tempfile::tempdir().expect("tempdir");
    let blocked = dir.path().join("notes");
    fs::write(&blocked, "not a folder").expect("write");
    let store = NotesStore::new(&blocked);
    let mut file = NotesFile::new(ID);
    file.add(note("kept in memory", 0));
    let message = store.sync(&mut file).expect_err("cannot be saved").to_string();
    assert!(message.contains("cannot save notes"), "{message}");
    assert!(message.contains(&blocked.display().to_string()), "{message}");
    assert!(!message.contains('\n'), "{message}");
    assert_eq!(file.notes.len(), 1, "the note stays in memory");
    assert_eq!(fs::read_to_string(&blocked).expect("read"), "not a folder");
}

#[cfg(unix)]
#[test]
fn read_only_folder_says_read_only() {
    use std::os::unix::fs::PermissionsExt;
    // Permissions do not bind root; the message is checked through the
    // error the system would give (EACCES), which is what a user sees.
    let err = write_error(
        Path::new("/n/x.json"),
        "create a temporary file",
        io::Error::from(ErrorKind::PermissionDenied),
    );
    assert!(err.to_string().contains("read-only"), "{err}");
    let dir = tempfile::tempdir().expect("tempdir");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
    let store = NotesStore::new(dir.path());
    let mut file = NotesFile::new(ID);
    file.add(note("kept", 0));
    let result = store.save(&file);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    // As root the save goes through; as anyone else it says read-only.
    if let Err(e) = result {
        assert!(e.to_string().contains("read-only"), "{e}");
    }
}

#[cfg(unix)]
#[test]
fn a_new_notes_file_is_the_owners_only_and_a_rewrite_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path());
    let mut file = NotesFile::new(ID);
    file.add(note("private", 0));
    store.sync(&mut file).expect("save");
    let path = store.file_for(ID);
    assert_eq!(mode(&path) & 0o077, 0, "{:o}", mode(&path));
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
    file.add(note("shared with the group", 1));
    store.sync(&mut file).expect("save");
    assert_eq!(mode(&path), 0o640);
    assert_eq!(texts(&store.load(ID).expect("load")).len(), 2);
}

#[test]
fn a_same_named_briefing_in_another_store_never_shows_the_notes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a_root, b_root) = (dir.path().join("a"), dir.path().join("b"));
    fs::create_dir_all(&a_root).expect("mkdir");
    fs::create_dir_all(&b_root).expect("mkdir");
    let a = NotesStore::new(dir.path().join("notes")).for_store(&[a_root]);
    let b = NotesStore::new(dir.path().join("notes")).for_store(&[b_root]);
    let mut mine = a.load("today.md").expect("load");
    mine.add(note("about store A's today", 0));
    a.sync(&mut mine).expect("save");
    let theirs = b.load("today.md").expect("load");
    assert!(theirs.notes.is_empty(), "store B's today.md has no notes");
    assert!(b.all().is_empty(), "and lists none");
    let mut other = theirs;
    other.add(note("about store B's today", 0));
    b.sync(&mut other).expect("save");
    assert_eq!(
        texts(&a.load("today.md").expect("load")),
        ["about store A's today"]
    );
    assert_eq!(
        texts(&b.load("today.md").expect("load")),
        ["about store B's today"]
    );
}

#[test]
fn a_briefing_renamed_inside_its_store_keeps_its_notes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("store");
    fs::create_dir_all(&root).expect("mkdir");
    let store = NotesStore::new(dir.path().join("notes")).for_store(std::slice::from_ref(&root));
    let mut before = store
        .load_for("old name.md", Some("00000000cafef00d"), |_| true)
        .expect("load");
    before.add(note("follows the file", 1));
    store.sync(&mut before).expect("save");
    // Renamed: the old id is gone from the store, the content is the same.
    let exists = |id: &str| id != "old name.md";
    let mut after = store
        .load_for("new name.md", Some("00000000cafef00d"), exists)
        .expect("load");
    assert_eq!(texts(&after), ["follows the file"]);
    assert_eq!(after.briefing, "new name.md");
    store.sync(&mut after).expect("save under the new name");
    let ids: Vec<String> = store.all().into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["new name.md"], "moved, not copied");
    // Another briefing with other content does not take them.
    let stranger = store
        .load_for("third.md", Some("0000000000000bad"), exists)
        .expect("load");
    assert!(stranger.notes.is_empty());
}

#[test]
fn notes_from_before_stores_are_adopted_and_moved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("store");
    fs::create_dir_all(&root).expect("mkdir");
    let old = NotesStore::new(dir.path().join("notes"));
    let mut file = old.load(ID).expect("load");
    file.add(note("written by an older brief", 0));
    old.sync(&mut file).expect("save");
    let legacy = old.file_for(ID);
    let store = NotesStore::new(dir.path().join("notes")).for_store(&[root]);
    let mut adopted = store.load(ID).expect("load");
    assert_eq!(texts(&adopted), ["written by an older brief"]);
    adopted.add(note("and a new one", 1));
    store.sync(&mut adopted).expect("save");
    assert!(!legacy.exists(), "moved to the store's own name");
    assert_eq!(
        texts(&store.load(ID).expect("load")),
        ["and a new one", "written by an older brief"]
    );
}

#[test]
fn a_notes_file_deleted_while_running_is_written_again_from_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path());
    let mut file = store.load(ID).expect("load");
    file.add(note("saved once", 0));
    store.sync(&mut file).expect("save");
    fs::remove_file(store.file_for(ID)).expect("deleted behind the reader's back");
    file.add(note("and another", 1));
    store.sync(&mut file).expect("save");
    assert_eq!(
        texts(&store.load(ID).expect("load")),
        ["and another", "saved once"]
    );
}
