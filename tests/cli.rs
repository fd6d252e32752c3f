//! The built binary, run as a user would: every command and every error a
//! user can cause.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SEED: &str = "assets/briefings/000_e339247b8c1bd523.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `brief` with config and data directories in a temporary folder.
fn brief(tmp: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_brief"));
    c.current_dir(root())
        .env("BRIEF_CONFIG_DIR", tmp.join("config"))
        .env("BRIEF_DATA_DIR", tmp.join("data"))
        .env("BRIEF_CACHE_DIR", tmp.join("cache"))
        .env_remove("BRIEF_STORE")
        .env_remove("NO_COLOR");
    c
}

fn run(tmp: &Path, args: &[&str]) -> Output {
    brief(tmp)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run brief")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn read_prints_the_seed_wrapped_and_plain_when_piped() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["read", SEED, "--width", "60"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("US and Ukraine call Miami talks productive despite no\nbreakthrough\n"),
        "{out}"
    );
    assert!(out.lines().all(|l| unicode_width(l) <= 60), "{out}");
    assert!(!out.contains('\u{1b}'), "piped output must be plain");
    assert!(out.contains("Special Envoy Steve Witkoff"));
}

fn unicode_width(s: &str) -> usize {
    s.chars().count()
}

#[test]
fn read_colours_entities_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["read", SEED, "--color", "always", "--width", "100"]);
    let out = stdout(&o);
    assert!(out.contains("\u{1b}[33mSteve Witkoff\u{1b}[0m"), "{out}");
    assert!(out.contains("\u{1b}[32mMiami\u{1b}[0m"), "{out}");
    assert!(out.contains("\u{1b}[35mUkrainian\u{1b}[0m"), "{out}");
}

#[test]
fn read_markdown_shows_title_byline_table_and_links() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(
        tmp.path(),
        &[
            "read",
            "assets/briefings/004_long-report-miami-track.md",
            "--width",
            "90",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("┌"), "table drawn");
    assert!(out.contains("\nLinks\n[1] https://"), "links listed");
    assert!(out.lines().all(|l| l.chars().count() <= 90));
}

#[test]
fn read_never_emits_escape_sequences_from_the_document() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("evil.md");
    std::fs::write(
        &f,
        "# Title\n\nclear \u{1b}[2J screen \u{1b}]0;pwned\u{7} and \u{202e}bidi\n",
    )
    .unwrap();
    for colour in ["never", "always"] {
        let o = run(tmp.path(), &["read", f.to_str().unwrap(), "--color", colour]);
        let out = strip_sgr(&stdout(&o));
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(!out.contains('\u{202e}'));
        assert!(out.contains("\u{241b}[2J"), "{out}");
    }
}

/// Removes the colour codes brief itself writes (ESC [ digits ; m).
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let len = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[len..].starts_with('m') {
            rest = &after[len + 1..];
        } else {
            out.push_str("\u{1b}[");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn entities_are_json_lines_whose_char_offsets_cut_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["entities", SEED]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text: Vec<char> = std::fs::read_to_string(root().join(SEED))
        .unwrap()
        .chars()
        .collect();
    let mut labels = std::collections::BTreeSet::new();
    let mut names = Vec::new();
    for line in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        let cut: String = text[s..e].iter().collect();
        assert_eq!(cut, v["text"].as_str().unwrap());
        labels.insert(v["label"].as_str().unwrap().to_owned());
        names.push((cut, v["label"].as_str().unwrap().to_owned()));
    }
    for (name, label) in [
        ("Steve Witkoff", "PERSON"),
        ("Vladimir Putin", "PERSON"),
        ("Miami", "PLACE"),
        ("BBC", "ORG"),
        ("Ukrainian", "GROUP"),
        ("three days", "DATE"),
        ("20-point", "NUMBER"),
    ] {
        assert!(
            names.contains(&(name.to_owned(), label.to_owned())),
            "{name} {label} missing: {names:?}"
        );
    }
}

#[test]
fn entities_read_stdin_with_offsets_into_it() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = brief(tmp.path())
        .args(["entities", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = "Zürich talks\n\nÉmilie met Russian envoy Kirill Dmitriev in Geneva.";
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    let o = child.wait_with_output().unwrap();
    let chars: Vec<char> = input.chars().collect();
    let out = stdout(&o);
    let mut seen = Vec::new();
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            v["text"].as_str().unwrap()
        );
        seen.push(v["text"].as_str().unwrap().to_owned());
    }
    assert!(seen.contains(&"Kirill Dmitriev".to_owned()), "{out}");
    assert!(seen.contains(&"Geneva".to_owned()), "{out}");
}

#[test]
fn list_shows_every_bundled_briefing_newest_first() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["list", "assets/briefings"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let bundled = std::fs::read_dir(root().join("assets/briefings"))
        .unwrap()
        .count();
    assert_eq!(out.lines().count(), bundled, "{out}");
    assert!(out.contains("US and Ukraine call Miami talks productive despite no breakthrough"));
    let dates: Vec<&str> = out
        .lines()
        .map(|l| &l[..10])
        .filter(|d| d.starts_with("20"))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
}

#[test]
fn list_json_and_default_store_is_the_bundled_sample() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["list", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.iter().any(|v| v["id"] == "000_e339247b8c1bd523.txt"));
    assert!(
        tmp.path()
            .join("data/briefings/000_e339247b8c1bd523.txt")
            .exists(),
        "sample copied to the data dir"
    );
}

#[test]
fn list_keeps_broken_files_with_their_error() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir(&store).unwrap();
    std::fs::write(
        store.join("good.md"),
        "---\ntitle: Good one\ndate: 2026-11-20\n---\nBody\n",
    )
    .unwrap();
    std::fs::write(store.join("bad.md"), "---\ntitle: [broken\n---\nBody\n").unwrap();
    let o = run(tmp.path(), &["list", store.to_str().unwrap()]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("Good one"));
    assert!(
        out.contains("bad.md") && out.contains("front matter, line"),
        "{out}"
    );
}

/// Every error a user can cause: one line naming the file, exit code 1.
fn assert_user_error(o: &Output, file: &str, problem: &str) {
    assert_eq!(o.status.code(), Some(1), "{}", stderr(o));
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(file) && err.contains(problem), "{err}");
}

#[test]
fn user_errors_are_one_line_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    assert_user_error(&run(t, &["read", "no-such.md"]), "no-such.md", "no such file");
    assert_user_error(
        &run(t, &["entities", "no-such.txt"]),
        "no-such.txt",
        "no such file",
    );
    assert_user_error(&run(t, &["read", "assets"]), "assets", "is a folder");
    let bin: PathBuf = t.join("image.md");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\x00\x00\x00").unwrap();
    assert_user_error(&run(t, &["read", bin.to_str().unwrap()]), "image.md", "binary");
    let broken = t.join("broken.md");
    std::fs::write(&broken, "---\ntitle: [x\n---\n").unwrap();
    assert_user_error(
        &run(t, &["read", broken.to_str().unwrap()]),
        "broken.md",
        "front matter, line",
    );
    assert_user_error(&run(t, &["list", "nowhere"]), "nowhere", "no such file");
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("secret.md");
    std::fs::write(&f, "# secret").unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&f).is_ok() {
        return; // running as root: permissions do not apply
    }
    assert_user_error(
        &run(tmp.path(), &["read", f.to_str().unwrap()]),
        "secret.md",
        "ermission denied",
    );
}

#[test]
fn invalid_utf8_is_read_lossily_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("latin1.txt");
    std::fs::write(&f, b"Caf\xe9 talks\n\nOfficials met in Paris.\n").unwrap();
    let o = run(tmp.path(), &["read", f.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Caf\u{fffd} talks"));
    assert!(stderr(&o).contains("latin1.txt") && stderr(&o).contains("invalid UTF-8"));
}

#[test]
fn help_and_version() {
    let tmp = tempfile::tempdir().unwrap();
    for cmd in [
        &["--help"][..],
        &["read", "--help"],
        &["entities", "--help"],
        &["list", "--help"],
    ] {
        let o = run(tmp.path(), cmd);
        assert!(o.status.success());
        assert!(stdout(&o).contains("Usage:"));
    }
    let o = run(tmp.path(), &["--version"]);
    assert!(stdout(&o).starts_with("brief "));
}

#[test]
fn entities_index_lists_which_briefings_name_each_entity() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["entities", "--index", "assets/briefings"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["briefings"], 9);
    let entities = v["entities"].as_array().unwrap();
    let putin = entities
        .iter()
        .find(|e| e["name"] == "Vladimir Putin")
        .expect("Putin indexed");
    assert_eq!(putin["label"], "PERSON");
    assert_eq!(putin["briefings"].as_array().unwrap().len(), 9);
    let us = entities
        .iter()
        .find(|e| e["name"] == "United States")
        .expect("US, U.S. and United States are one");
    assert_eq!(us["label"], "PLACE");
}

#[test]
fn notes_export_quotes_the_paragraph_of_each_note() {
    let tmp = tempfile::tempdir().unwrap();
    let notes = tmp.path().join("config/notes");
    std::fs::create_dir_all(&notes).unwrap();
    let paragraphs: Vec<String> = {
        let text = std::fs::read_to_string(root().join(SEED)).unwrap();
        let doc = brief::document::parse_text(&text);
        doc.blocks.iter().map(|b| doc.plain_text(&text, b)).collect()
    };
    let mut file = brief::notes::NotesFile::new("000_e339247b8c1bd523.txt");
    file.add(brief::notes::Note::new(
        "Check the Witkoff timeline",
        &paragraphs,
        2,
    ));
    brief::notes::NotesStore::new(&notes).save(&file).unwrap();
    for (format, needle) in [
        ("markdown", "> Special Envoy Steve Witkoff"),
        ("json", "\"Special Envoy Steve Witkoff"),
    ] {
        let o = run(tmp.path(), &["notes", "export", "--format", format]);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("Check the Witkoff timeline"), "{out}");
        assert!(out.contains(needle), "{format}: {out}");
    }
}

#[test]
fn config_default_prints_the_embedded_defaults_and_bad_config_is_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["config", "--default"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("[keys]"));
    std::fs::create_dir_all(tmp.path().join("config")).unwrap();
    std::fs::write(
        tmp.path().join("config/config.toml"),
        "theme = \"dark\"\ncolour = 1\n",
    )
    .unwrap();
    assert_user_error(&run(tmp.path(), &["list"]), "config.toml", "line 2");
}

#[test]
fn the_reader_refuses_a_pipe_with_a_clear_message() {
    let tmp = tempfile::tempdir().unwrap();
    assert_user_error(&run(tmp.path(), &[]), "", "needs a terminal");
}

#[test]
fn index_builds_once_then_reads_nothing_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    for f in ["000_e339247b8c1bd523.txt", "005_profile-rustem-umerov.md"] {
        std::fs::copy(root().join("assets/briefings").join(f), store.join(f)).unwrap();
    }
    let store = store.to_str().unwrap();
    let o = run(tmp.path(), &["index", store]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("2 added"), "{}", stdout(&o));
    let o = run(tmp.path(), &["index", store]);
    assert!(
        stdout(&o).contains("0 added, 0 changed, 0 removed, 0 renamed, 2 unchanged (0 files read)"),
        "{}",
        stdout(&o)
    );
    assert!(
        tmp.path().join("cache").read_dir().unwrap().next().is_some(),
        "the index is in the cache dir"
    );
    let o = run(tmp.path(), &["index", "--rebuild", store]);
    assert!(stdout(&o).contains("2 added"), "{}", stdout(&o));
}

#[test]
fn search_prints_ranked_results_with_snippets_and_json() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["search", "umerov"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("**Umerov**"), "matches marked in a pipe: {out}");
    assert!(out.contains('¶'), "{out}");
    let o = run(
        tmp.path(),
        &["search", "--json", "person:\"Rustem Umerov\" kushner"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert!(!lines.is_empty());
    for l in &lines {
        assert!(
            l["snippet"].as_str().unwrap().to_lowercase().contains("kushner"),
            "{l}"
        );
        assert!(l["paragraph"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn a_bad_query_is_one_line_and_no_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["search", "\"unbalanced"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("brief: search:"), "{err}");
}

#[test]
fn the_cache_dir_flag_places_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let elsewhere = tmp.path().join("elsewhere");
    let o = run(tmp.path(), &["list", "--cache-dir", elsewhere.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(elsewhere.join("index.sqlite3").exists());
    assert!(!tmp.path().join("cache").exists());
}

#[test]
fn two_processes_index_and_search_one_store_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    for e in std::fs::read_dir(root().join("assets/briefings")).unwrap() {
        let p = e.unwrap().path();
        for copy in 0..6 {
            let name = format!("{copy}-{}", p.file_name().unwrap().to_string_lossy());
            std::fs::copy(&p, store.join(name)).unwrap();
        }
    }
    let store_arg = store.to_str().unwrap().to_owned();
    let spawn = |args: Vec<String>| {
        brief(tmp.path())
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn brief")
    };
    let a = spawn(vec!["index".into(), store_arg.clone()]);
    let b = spawn(vec!["search".into(), "witkoff".into(), store_arg.clone()]);
    for child in [a, b] {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(o.stderr.is_empty() || !String::from_utf8_lossy(&o.stderr).contains("locked"));
    }
    // Both saw one index: nothing is left to do, and every file is found.
    let o = run(tmp.path(), &["index", &store_arg]);
    assert!(stdout(&o).contains("0 files read"), "{}", stdout(&o));
    let o = run(
        tmp.path(),
        &["search", "--limit", "500", "--json", "witkoff", &store_arg],
    );
    let ids: std::collections::HashSet<String> = stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        ids.len(),
        54,
        "every copy of the nine bundled briefings names Witkoff"
    );
}

#[test]
fn a_front_matter_error_is_said_once() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.md");
    std::fs::write(&bad, "---\ntitle: [unclosed\n---\nbody\n").unwrap();
    let o = run(tmp.path(), &["read", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.matches("front matter").count(), 1, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("bad.md: front matter, line 3"), "{err}");
}

#[test]
fn deeply_nested_front_matter_is_refused_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("deep.md");
    let deep = format!(
        "---\nz: {}{}\n---\nbody\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(&bad, deep).unwrap();
    let o = run(tmp.path(), &["read", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("deep.md: front matter"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe.md");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    for path in [fifo.to_str().unwrap(), "/dev/zero"] {
        let start = std::time::Instant::now();
        let o = run(tmp.path(), &["read", path]);
        assert!(!o.status.success(), "{path}");
        assert!(
            stderr(&o).contains("not a regular file"),
            "{path}: {}",
            stderr(&o)
        );
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "{path}: no hang"
        );
    }
}

#[test]
fn global_options_work_before_or_after_the_command() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::copy(root().join(SEED), store.join("seed.txt")).unwrap();
    let store = store.to_str().unwrap();
    let before = run(tmp.path(), &["--store", store, "list"]);
    let after = run(tmp.path(), &["list", "--store", store]);
    assert!(before.status.success(), "{}", stderr(&before));
    assert!(after.status.success(), "{}", stderr(&after));
    assert_eq!(stdout(&before), stdout(&after));
    assert!(stdout(&before).contains("US and Ukraine"), "{}", stdout(&before));
    let conf = tmp.path().join("elsewhere");
    let o = run(tmp.path(), &["--config-dir", conf.to_str().unwrap(), "config"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("elsewhere"), "{}", stdout(&o));
}

#[test]
fn config_keys_lists_every_action_with_its_keys() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("config")).unwrap();
    std::fs::write(tmp.path().join("config/config.toml"), "[keys]\nundo = [\"z\"]\n").unwrap();
    let o = run(tmp.path(), &["config", "--keys"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for id in [
        "quit",
        "add_note",
        "search_archive",
        "save_note",
        "external_editor",
        "suspend",
    ] {
        assert!(out.lines().any(|l| l.starts_with(id)), "{id} missing: {out}");
    }
    let undo = out.lines().find(|l| l.starts_with("undo ")).unwrap();
    let keys: Vec<&str> = undo.split_whitespace().collect();
    assert_eq!(keys[1], "z", "the user's key, not the default: {undo}");
}

#[test]
fn a_key_config_that_traps_the_user_is_refused_at_start() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("config")).unwrap();
    std::fs::write(
        tmp.path().join("config/config.toml"),
        "[keys]\nquit = [\"x\"]\nadd_note = [\"x\"]\n",
    )
    .unwrap();
    let o = run(tmp.path(), &["config"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("config.toml") && err.contains("'x'"), "{err}");
}

#[test]
fn list_shows_only_unread_or_starred_briefings_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("data")).unwrap();
    std::fs::write(
        tmp.path().join("data/state.json"),
        r#"{"read": ["000_e339247b8c1bd523.txt"], "positions": {}, "starred": ["005_profile-rustem-umerov.md"]}"#,
    )
    .unwrap();
    let store = root().join("assets/briefings");
    let store = store.to_str().unwrap();
    let all = stdout(&run(tmp.path(), &["list", store])).lines().count();
    let unread = stdout(&run(tmp.path(), &["list", "--unread", store]));
    assert_eq!(unread.lines().count(), all - 1, "{unread}");
    assert!(!unread.contains("US and Ukraine call"), "{unread}");
    let starred = stdout(&run(tmp.path(), &["list", "--starred", store]));
    assert_eq!(starred.lines().count(), 1, "{starred}");
    assert!(starred.contains("Umerov"), "{starred}");
}

#[test]
fn man_prints_a_manual_page() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["man"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(
        page.starts_with(".ie") || page.contains(".TH brief"),
        "{}",
        &page[..page.len().min(200)]
    );
    assert!(page.contains("search"), "the subcommands are listed");
}

#[test]
fn notes_export_of_a_folder_checks_the_notes_against_that_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("folder");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::copy(root().join(SEED), store.join("seed.txt")).unwrap();
    // A note made while reading `brief <folder>`.
    let notes = brief::notes::NotesStore::new(tmp.path().join("config/notes"))
        .for_store(std::slice::from_ref(&store));
    let text = std::fs::read_to_string(store.join("seed.txt")).unwrap();
    let paragraphs: Vec<String> = text.split("\n\n").map(|p| p.trim().replace('\n', " ")).collect();
    let mut file = notes.load("seed.txt").unwrap();
    file.add(brief::notes::Note::new("from the folder", &paragraphs, 0));
    notes.sync(&mut file).unwrap();
    let o = run(tmp.path(), &["notes", "export", store.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("from the folder"), "{out}");
    assert!(
        !out.contains("unchecked"),
        "checked against the folder given: {out}"
    );
}

#[test]
fn search_no_update_searches_the_index_as_it_is() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::copy(root().join(SEED), store.join("seed.txt")).unwrap();
    let store_arg = store.to_str().unwrap();
    assert!(run(tmp.path(), &["index", store_arg]).status.success());
    let mut text = std::fs::read_to_string(store.join("seed.txt")).unwrap();
    text.push_str("\n\nA zanzibarite appears.\n");
    std::fs::write(store.join("seed.txt"), text).unwrap();
    let stale = run(
        tmp.path(),
        &["search", "--no-update", "--json", "zanzibarite", store_arg],
    );
    assert!(stale.status.success(), "{}", stderr(&stale));
    assert_eq!(stdout(&stale).lines().count(), 0, "the index as it was");
    let fresh = run(tmp.path(), &["search", "--json", "zanzibarite", store_arg]);
    assert_eq!(stdout(&fresh).lines().count(), 1, "{}", stdout(&fresh));
}

#[test]
fn corrections_are_listed_by_config_and_honoured_by_entities_read_and_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let seed_entities = |tmp: &Path| {
        let o = run(tmp, &["entities", SEED]);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let before = seed_entities(tmp.path());
    assert!(before.contains(r#""label":"PLACE","text":"Miami""#), "{before}");
    assert!(
        before.contains(r#""label":"PLACE","text":"Krasnodar""#),
        "{before}"
    );

    std::fs::create_dir_all(tmp.path().join("config")).unwrap();
    let config = "# my corrections\n\
                  [[corrections]]\nname = \"Miami\"\nwas = \"PLACE\"\nis = \"not an entity\"\n\n\
                  [[corrections]]\nname = \"Krasnodar\"\nis = \"ORG\" # a club, say\n";
    std::fs::write(tmp.path().join("config/config.toml"), config).unwrap();

    let o = run(tmp.path(), &["config"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains(config), "the file as written: {out}");
    assert!(out.contains("# 2 corrections in force"), "{out}");
    assert!(out.contains("#   Miami (PLACE): not an entity\n"), "{out}");
    assert!(out.contains("#   Krasnodar: ORG\n"), "{out}");

    let after = seed_entities(tmp.path());
    assert!(!after.contains("\"Miami\""), "{after}");
    assert!(after.contains(r#""label":"ORG","text":"Krasnodar""#), "{after}");
    assert_eq!(
        before.lines().count(),
        after.lines().count() + 3,
        "only Miami's three mentions dropped"
    );

    // stdin too.
    let mut child = brief(tmp.path())
        .args(["entities", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"Talks in Miami and Krasnodar went on.\n")
            .unwrap();
    }
    let o = child.wait_with_output().unwrap();
    let out = stdout(&o);
    assert!(
        !out.contains("Miami") && out.contains(r#""label":"ORG""#),
        "{out}"
    );

    // The index, and what is built from it, forget the old kinds.
    let o = run(tmp.path(), &["entities", "--index"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let index: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<(String, String)> = index["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["label"].as_str().unwrap_or_default().to_owned(),
                e["name"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert!(!names.iter().any(|(_, n)| n == "Miami"), "{names:?}");
    assert!(
        names.contains(&("ORG".to_owned(), "Krasnodar".to_owned())),
        "{names:?}"
    );
    assert!(
        !names.contains(&("PLACE".to_owned(), "Krasnodar".to_owned())),
        "{names:?}"
    );

    // A bad kind: one line naming the file and the line.
    std::fs::write(
        tmp.path().join("config/config.toml"),
        "[[corrections]]\nname = \"Miami\"\nis = \"CITY\"\n",
    )
    .unwrap();
    let o = run(tmp.path(), &["entities", SEED]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("config.toml: line 3: corrections 'Miami': is:"),
        "{err}"
    );
}

#[test]
fn a_damaged_index_is_set_aside_and_rebuilt_when_a_search_meets_the_damage() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    for i in 0..200 {
        std::fs::write(
            store.join(format!("b{i:03}.md")),
            format!("# Briefing {i}\n\nTalks in Miami, round {i}.\n"),
        )
        .unwrap();
    }
    let store_arg = store.to_str().unwrap();
    assert!(run(tmp.path(), &["index", store_arg]).status.success());
    let file = tmp.path().join("cache").join("index.sqlite3");
    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    let page: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    let root: i64 = conn
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'briefings'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(conn);
    let mut bytes = std::fs::read(&file).unwrap();
    let at = usize::try_from((root - 1) * page).unwrap();
    bytes[at..at + 64].fill(0xA5);
    std::fs::write(&file, &bytes).unwrap();

    let o = run(
        tmp.path(),
        &["search", "--json", "--limit", "500", "miami", store_arg],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).lines().count(),
        200,
        "every briefing found after the rebuild"
    );
    let err = stderr(&o);
    assert!(
        err.contains("was unreadable") && err.contains("set aside and rebuilt"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one notice: {err}");
    let again = run(tmp.path(), &["search", "--json", "miami", store_arg]);
    assert!(stderr(&again).is_empty(), "mended for good: {}", stderr(&again));
}
