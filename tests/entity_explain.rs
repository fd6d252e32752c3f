//! `brief entities --explain`: each record says which rule decided it and
//! what that rule saw; without the flag the records are as they were.

use brief::entities::{Declared, explain, recognise};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `brief` with config, data and cache directories in a temporary folder.
fn brief(tmp: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_brief"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("BRIEF_CONFIG_DIR", tmp.join("config"))
        .env("BRIEF_DATA_DIR", tmp.join("data"))
        .env("BRIEF_CACHE_DIR", tmp.join("cache"))
        .env_remove("BRIEF_STORE")
        .env_remove("NO_COLOR");
    c
}

/// Runs `brief entities ARGS -` on `text` as stdin.
fn entities(args: &[&str], text: &str) -> Output {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut child = brief(tmp.path())
        .arg("entities")
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run brief");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("brief finishes")
}

/// (text, rule, evidence) of each record.
fn explained(text: &str) -> Vec<(String, String, String)> {
    let out = entities(&["--explain"], text);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON record");
            let field = |k: &str| {
                v[k].as_str()
                    .unwrap_or_else(|| panic!("no {k} in {line}"))
                    .to_owned()
            };
            (field("text"), field("rule"), field("evidence"))
        })
        .collect()
}

#[track_caller]
fn assert_record(records: &[(String, String, String)], text: &str, rule: &str, evidence: &str) {
    let want = (text.to_owned(), rule.to_owned(), evidence.to_owned());
    assert!(records.contains(&want), "{want:?} not in {records:?}");
}

const TEXT: &str = "Special Envoy Steve Witkoff met Gen. Zorbly Vantek in Miami. \
The survey by pollster Datafolha was late, said Umerov. Vantek left on Tuesday.";

#[test]
fn each_record_names_its_rule_and_evidence() {
    let records = explained(TEXT);
    assert_record(&records, "Steve Witkoff", "known.name", "list:people");
    assert_record(&records, "Zorbly Vantek", "person.title", "title:Gen");
    assert_record(&records, "Miami", "known.word", "list:places");
    assert_record(&records, "Datafolha", "org.cue", "cue:pollster");
    assert_record(&records, "Umerov", "person.after-cue", "cue:said");
    assert_record(&records, "Vantek", "consistency.mention", "mention");
    assert_record(&records, "Tuesday", "numeric.pattern", "shape");
}

#[test]
fn without_the_flag_records_keep_their_four_keys() {
    let plain = entities(&[], TEXT);
    assert!(plain.status.success());
    let plain = String::from_utf8_lossy(&plain.stdout).into_owned();
    assert!(plain.lines().count() >= 7, "{plain}");
    for line in plain.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON record");
        let keys: Vec<&str> = v
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["end", "label", "start", "text"], "{line}");
    }
    // The same records, in the same order, with two keys more.
    let explained = entities(&["--explain"], TEXT);
    let explained = String::from_utf8_lossy(&explained.stdout).into_owned();
    for (p, e) in plain.lines().zip(explained.lines()) {
        assert!(e.starts_with(p.trim_end_matches('}')), "{p} / {e}");
    }
}

#[test]
fn declared_names_say_so() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("b.md");
    std::fs::write(
        &file,
        "---\nentities:\n  ORG: [Zorbly Vantek]\n---\nZorbly Vantek met Datafolha.\n",
    )
    .expect("write briefing");
    let out = brief(tmp.path())
        .args(["entities", "--explain"])
        .arg(&file)
        .output()
        .expect("run brief");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(r#""text":"Zorbly Vantek","rule":"declared","evidence":"declared""#),
        "{stdout}"
    );
}

#[test]
fn explain_and_index_do_not_go_together() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = brief(tmp.path())
        .args(["entities", "--index", "--explain"])
        .output()
        .expect("run brief");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--explain"));
}

#[test]
fn one_line_says_why_for_the_reader() {
    let text = "They met Gen. Zorbly Vantek in Miami.";
    let found = recognise(text, &[0], &Declared::default());
    let vantek = found
        .iter()
        .find(|e| e.text(text) == "Zorbly Vantek")
        .expect("Zorbly Vantek is found");
    assert_eq!(vantek.rule(), "person.title");
    let line = explain::describe(text, vantek);
    assert_eq!(line, vantek.why(text));
    assert!(
        line.starts_with("PERSON [person.title] — a title word before a name"),
        "{line}"
    );
    assert!(line.ends_with("(title:Gen)"), "{line}");
}
