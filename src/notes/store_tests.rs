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
    assert_eq!(listing(dir.path()).len(), 1);
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
    assert_eq!(listing(dir.path()).len(), 1, "no temp or lock files left");
}

#[test]
fn stale_lock_does_not_block() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path());
    let lock = dir.path().join(format!(
        "{}.lock",
        store.file_for(ID).file_name().expect("name").to_string_lossy()
    ));
    let old = std::time::SystemTime::now() - Duration::from_secs(60);
    File::create(&lock)
        .expect("lock")
        .set_modified(old)
        .expect("mtime");
    let mut file = NotesFile::new(ID);
    file.add(note("after crash", 0));
    store.save(&file).expect("save");
    assert!(!lock.exists());
    assert_eq!(store.all().len(), 1);
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

#[cfg(unix)]
#[test]
fn read_only_folder_gives_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = NotesStore::new(dir.path());
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
    let writable = File::create(dir.path().join("probe")).is_ok();
    let mut file = NotesFile::new(ID);
    file.add(note("kept in memory", 0));
    let result = store.save(&file);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    if writable {
        return; // running as root: permissions are not enforced
    }
    let message = result.expect_err("read-only").to_string();
    assert!(message.contains("read-only"), "{message}");
    assert!(
        message.contains(&store.file_for(ID).display().to_string()),
        "{message}"
    );
    assert_eq!(file.notes.len(), 1);
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
