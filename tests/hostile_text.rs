//! Hostile text (issue 11): escapes, C1, bidi controls, tag characters and
//! other invisibles in briefings, file names and arguments never reach the
//! terminal raw, whichever command prints them.

use brief::sanitize::{is_unsafe, sanitize_lines};
use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// One of each class, with the joiners that must survive.
const HOSTILE: &str = "Esc \u{1b}]0;PWN\u{7} and \u{1b}[2J, BS\u{8}, DEL\u{7f}, C1 \u{85}\u{9b}31m\u{9d}0;x. \
    Bidi \u{202a}a\u{202b}b\u{202c}c\u{202d}d\u{202e}e \u{2066}f\u{2067}g\u{2068}h\u{2069} \u{200e}\u{200f} ALM \u{628}\u{61c}\u{628}. \
    Tags ok\u{e0001}\u{e0068}\u{e0069}\u{e007f}. Invisible a\u{2060}b\u{ad}c\u{2061}\u{2062}\u{2063}\u{2064}d\u{180e}e\u{fff9}f\u{fffa}g\u{fffb}h\u{200b}i\u{feff}. \
    Joiners a\u{200d}b Auf\u{200c}lage, family 👨\u{200d}👩\u{200d}👧, Persian می\u{200c}خواهم. \
    Selectors ❤\u{fe0f} a\u{fe00}\u{fe01}\u{fe02}.";

/// `brief` with its directories in `tmp`.
fn brief(tmp: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_brief"));
    c.env("BRIEF_CONFIG_DIR", tmp.join("config"))
        .env("BRIEF_DATA_DIR", tmp.join("data"))
        .env("BRIEF_CACHE_DIR", tmp.join("cache"))
        .env_remove("BRIEF_STORE")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
    c
}

fn run(tmp: &Path, args: &[&OsStr]) -> Output {
    brief(tmp).args(args).output().expect("run brief")
}

/// Panics when `text` holds a character the terminal must not get raw
/// (line breaks aside), naming it.
fn assert_inert(what: &str, text: &str) {
    for (n, c) in text.char_indices() {
        // A character `is_unsafe` flags may stay only where sanitising
        // keeps it (a joiner in its sequence, a single selector).
        if c != '\n' && is_unsafe(c) {
            let line_start = text[..n].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[n..].find('\n').map_or(text.len(), |i| n + i);
            let line = &text[line_start..line_end];
            assert!(
                sanitize_lines(line) == line,
                "{what}: raw {c:?} at byte {n} in {line:?}"
            );
        }
    }
}

/// `s` with SGR colour sequences (`ESC [ … m`) taken out.
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            assert_eq!(chars.next(), Some('['), "an escape that is not SGR in {s:?}");
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
                assert!(
                    d.is_ascii_digit() || d == ';',
                    "an escape that is not SGR in {s:?}"
                );
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A YAML double-quoted scalar for `s` (the file's own bytes stay
/// printable; the parser decodes the escapes).
fn yaml_quoted(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("\"");
    for c in s.chars() {
        let _ = write!(out, "\\U{:08x}", c as u32);
    }
    out.push('"');
    out
}

fn hostile_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let txt = dir.join("hostile.txt");
    std::fs::write(
        &txt,
        format!("Title {HOSTILE}\n\n{HOSTILE}\n\n    code {HOSTILE}\n"),
    )
    .expect("write");
    let md = dir.join("hostile.md");
    std::fs::write(
        &md,
        format!(
            "---\ntitle: {}\nsource: {}\n---\n# Head {HOSTILE}\n\n{HOSTILE}\n\n- item {HOSTILE}\n\n\
             | a | b |\n|---|---|\n| {HOSTILE} | x |\n\n```\n{HOSTILE}\n```\n\n[link]({})\n",
            yaml_quoted(HOSTILE),
            yaml_quoted(HOSTILE),
            "https://example.com/%1b"
        ),
    )
    .expect("write");
    vec![txt, md]
}

#[test]
fn read_prints_no_raw_control_bidi_tag_or_invisible_character() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for file in hostile_files(tmp.path()) {
        for width in ["80", "17"] {
            let o = run(
                tmp.path(),
                &[
                    "read".as_ref(),
                    "--color".as_ref(),
                    "never".as_ref(),
                    "--width".as_ref(),
                    width.as_ref(),
                    file.as_os_str(),
                ],
            );
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            let out = String::from_utf8(o.stdout).expect("UTF-8");
            assert_inert(&format!("{} at {width}", file.display()), &out);
            for marker in ['␛', '␇', '⇄', '⍰', '\u{fffd}'] {
                assert!(out.contains(marker), "{marker} missing from {out}");
            }
            // The joiners that shape text survive.
            assert!(out.contains("👨\u{200d}👩\u{200d}👧"), "{out}");
            assert!(out.contains("می\u{200c}خواهم"), "{out}");
        }
        let o = run(
            tmp.path(),
            &[
                "read".as_ref(),
                "--color".as_ref(),
                "always".as_ref(),
                file.as_os_str(),
            ],
        );
        let out = String::from_utf8(o.stdout).expect("UTF-8");
        assert_inert("coloured", &strip_sgr(&out));
    }
}

#[test]
fn entities_json_lines_are_inert_and_lossless() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("names.txt");
    let text = "Vladimir\u{202e}Putin met Steve\u{200b}Witkoff in Mi\u{1b}ami. \
                Rustem\u{e0041}Umerov spoke to NATO\u{85} on Tuesday.";
    std::fs::write(&file, text).expect("write");
    let o = run(tmp.path(), &["entities".as_ref(), file.as_os_str()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).expect("UTF-8");
    assert_inert("entities", &out);
    let chars: Vec<char> = text.chars().collect();
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let (start, end) = (
            v["start"].as_u64().expect("start"),
            v["end"].as_u64().expect("end"),
        );
        let cut: String = chars[start as usize..end as usize].iter().collect();
        assert_eq!(
            v["text"], cut,
            "offsets cut the very text, control characters and all"
        );
    }
}

/// The file name of the probe: an OSC that retitles the window.
const PWN: &str = "x\u{1b}]0;PWN\u{7}.md";

fn assert_clean_stderr(o: &Output) -> String {
    assert!(
        !o.stderr.iter().any(|&b| b == 0x1b || b == 0x07),
        "raw ESC or BEL on stderr: {:?}",
        String::from_utf8_lossy(&o.stderr)
    );
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_inert("stderr", &err);
    err
}

#[test]
fn a_missing_file_with_an_escape_in_its_name_is_named_safely() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join(PWN);
    let o = run(tmp.path(), &["read".as_ref(), path.as_os_str()]);
    assert!(!o.status.success());
    let err = assert_clean_stderr(&o);
    assert!(err.contains("x␛]0;PWN␇.md"), "{err}");
    let o = run(tmp.path(), &["entities".as_ref(), path.as_os_str()]);
    assert!(!o.status.success());
    assert_clean_stderr(&o);
}

#[test]
fn an_existing_file_with_an_escape_in_its_name_is_named_safely() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join(PWN);
    std::fs::write(&path, "# Fine\n\nJust text.\n").expect("write");
    let o = run(tmp.path(), &["read".as_ref(), path.as_os_str()]);
    assert!(o.status.success(), "{:?}", String::from_utf8_lossy(&o.stderr));
    assert!(!o.stdout.iter().any(|&b| b == 0x1b || b == 0x07));
    assert_clean_stderr(&o);
    // Invalid UTF-8: a warning that names the file.
    std::fs::write(&path, b"# Fine\n\nbad \xff byte\n").expect("write");
    for command in ["read", "entities"] {
        let o = run(tmp.path(), &[command.as_ref(), path.as_os_str()]);
        assert!(o.status.success(), "{command}");
        let err = assert_clean_stderr(&o);
        assert!(err.contains("x␛]0;PWN␇.md: invalid UTF-8"), "{command}: {err}");
    }
    // Broken front matter: an error that names the file.
    std::fs::write(&path, "---\ntitle: [x\n---\n").expect("write");
    let o = run(tmp.path(), &["read".as_ref(), path.as_os_str()]);
    assert!(!o.status.success());
    let err = assert_clean_stderr(&o);
    assert!(err.contains("x␛]0;PWN␇.md"), "{err}");
}

#[test]
fn a_bad_argument_with_an_escape_is_quoted_safely() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // Clap quotes a bad value in full (stripping escapes only when stderr
    // is not a terminal): brief quotes it made visible.
    let args = ["read", "--color", "x\u{1b}]0;PWN\u{7}\u{202e}", "f"];
    let o = run(tmp.path(), &args.map(OsStr::new));
    assert_eq!(o.status.code(), Some(2));
    let err = assert_clean_stderr(&o);
    assert!(err.contains("invalid value 'x␛]0;PWN␇⇄' for '--color"), "{err}");
    let o = run(tmp.path(), &[OsStr::new("--x\u{202e}")]);
    assert_eq!(o.status.code(), Some(2));
    let err = assert_clean_stderr(&o);
    assert!(err.contains("'--x⇄'"), "{err}");
    // Ordinary mistakes are clap's own message, untouched.
    let o = run(tmp.path(), &["--bogus".as_ref()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unexpected argument '--bogus'"));
}

/// The reader pane, drawn without the archive: the app is given the
/// briefing and the load its effect would have produced.
#[test]
fn the_reader_draws_markers_and_keeps_joiners() {
    use brief::app::{Action, App, Command, Loaded};
    use brief::keymap::Keymap;
    use brief::notes::NotesFile;
    use brief::theme::Theme;
    use brief::ui::{self, FrameMap, Look};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("hostile.txt");
    std::fs::write(&path, format!("Hostile\n\n{HOSTILE}\n")).expect("write");
    let briefing = brief::store::Briefing::read(&path, "hostile.txt".into());
    let body = briefing.body().expect("body");
    let analysed = brief::analysis::analyse(brief::store::Format::Text, body.text).expect("analyse");
    let mut app = App::new(
        vec![briefing],
        brief::reading_state::ReadingState::default(),
        std::collections::HashMap::default(),
    );
    let (w, h) = (100, 40);
    let sizes = ui::pane_sizes(ratatui::layout::Rect::new(0, 0, w, h), app.focus(), app.sizes());
    app.update(Action::Resize(sizes));
    app.update(Command::Select.into());
    app.update(Action::Opened(Box::new(Loaded {
        index: 0,
        id: "hostile.txt".into(),
        analysed,
        notes: Ok(NotesFile::new("hostile.txt")),
        entities_pending: false,
    })));
    assert!(app.open().is_some(), "the briefing is open");
    let theme = Theme::new(brief::config::ThemeName::Dark, false);
    let keymap = Keymap::default();
    let mut map = FrameMap::default();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| {
            ui::draw(
                f,
                &app,
                Look {
                    theme: &theme,
                    keymap: &keymap,
                },
                &mut map,
            );
        })
        .expect("draw");
    let buf = terminal.backend().buffer();
    let mut screen = String::new();
    for y in 0..h {
        for x in 0..w {
            screen.push_str(buf[(x, y)].symbol());
        }
        screen.push('\n');
    }
    assert_inert("screen", &screen);
    for marker in ['␛', '⇄', '⍰'] {
        assert!(screen.contains(marker), "{marker} missing from\n{screen}");
    }
    assert!(screen.contains("می\u{200c}خواهم"), "{screen}");
}
