//! The TUI driven end to end in a pseudo-terminal: keys go in, the screen
//! is read back through a terminal emulator (vt100), exactly as a user would
//! see it.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

const SEED_ID: &str = "000_e339247b8c1bd523.txt";
const SEED_TITLE: &str = "US and Ukraine call Miami";
const WITKOFF: &str = "Special Envoy Steve Witkoff";
const TIMEOUT: Duration = Duration::from_secs(10);
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";

/// Everything the reader thread has seen: the emulated screen and the raw bytes.
struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
}

/// `brief` running in a pseudo-terminal.
struct Tui {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    out: Arc<Mutex<Output>>,
    reader: Option<JoinHandle<()>>,
}

impl Tui {
    /// Starts `brief` (no arguments) with its config and data dirs in `tmp`.
    fn start(tmp: &Path, cols: u16, rows: u16) -> Self {
        Self::start_with(tmp, cols, rows, None)
    }

    /// Starts `brief` on `store` (through `$BRIEF_STORE`) when given.
    fn start_with(tmp: &Path, cols: u16, rows: u16, store: Option<&Path>) -> Self {
        Self::start_env(tmp, cols, rows, store, &[])
    }

    /// As `start_with`, with extra environment variables.
    fn start_env(tmp: &Path, cols: u16, rows: u16, store: Option<&Path>, env: &[(&str, &str)]) -> Self {
        Self::start_full(tmp, (cols, rows), store, env, &[])
    }

    /// `brief ARGS…` with extra environment variables.
    fn start_full(
        tmp: &Path,
        (cols, rows): (u16, u16),
        store: Option<&Path>,
        env: &[(&str, &str)],
        args: &[&str],
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("BRIEF_CONFIG_DIR", tmp.join("config"));
        cmd.env("BRIEF_DATA_DIR", tmp.join("data"));
        cmd.env("BRIEF_CACHE_DIR", tmp.join("cache"));
        cmd.env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
        }
        match store {
            Some(s) => cmd.env("BRIEF_STORE", s),
            None => cmd.env_remove("BRIEF_STORE"),
        }
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("spawn brief");
        // The child holds its own copy; ours must go so that reads end at exit.
        drop(pair.slave);
        let master = pair.master;
        let mut reader = master.try_clone_reader().expect("pty reader");
        let writer = master.take_writer().expect("pty writer");
        let out = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            raw: Vec::new(),
        }));
        let sink = Arc::clone(&out);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut o = sink.lock().unwrap();
                        o.parser.process(&buf[..n]);
                        o.raw.extend_from_slice(&buf[..n]);
                    }
                }
            }
        });
        Self {
            master,
            writer,
            child,
            out,
            reader: Some(reader),
        }
    }

    /// Types `keys` (raw bytes, escape sequences included).
    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write to pty");
        self.writer.flush().expect("flush pty");
        // Separate writes so that a lone Esc is never read together with the
        // next key as Alt-<key>.
        thread::sleep(Duration::from_millis(60));
    }

    /// Types `text` one key at a time.
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let mut b = [0u8; 4];
            self.send(c.encode_utf8(&mut b));
        }
    }

    fn screen(&self) -> String {
        self.out.lock().unwrap().parser.screen().contents()
    }

    /// The screen row by row, each padded to the full width.
    fn rows(&self) -> Vec<String> {
        let o = self.out.lock().unwrap();
        let screen = o.parser.screen();
        let (_, cols) = screen.size();
        screen.rows(0, cols.get()).collect()
    }

    fn raw(&self) -> Vec<u8> {
        self.out.lock().unwrap().raw.clone()
    }

    /// Waits until `cond` holds on the screen text; panics with the screen
    /// after ten seconds.
    fn wait_for(&self, what: &str, cond: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if cond(&s) {
                return s;
            }
            assert!(
                start.elapsed() <= TIMEOUT,
                "timed out waiting for {what}; the screen:\n{s}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Resizes the terminal as a user dragging the window would.
    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        self.out
            .lock()
            .unwrap()
            .parser
            .screen_mut()
            .set_size(nz(rows), nz(cols));
    }

    fn is_alive(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }

    /// Waits for the process to end, then for its last output to be read.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            assert!(
                start.elapsed() <= TIMEOUT,
                "brief did not exit; the screen:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(50));
        };
        // The reader sees EOF once the child's side of the pty is closed; on
        // some systems it only comes when the master goes, so do not wait for
        // it forever.
        if let Some(h) = self.reader.take() {
            let start = Instant::now();
            while !h.is_finished() && start.elapsed() < Duration::from_secs(2) {
                thread::sleep(Duration::from_millis(20));
            }
            if h.is_finished() {
                let _ = h.join();
            }
        }
        status
    }

    /// Opens the seed: it has no date, so it is last in the date-sorted list.
    fn open_seed(&mut self) {
        // The list comes from the index, filled in as it is brought up to date.
        self.wait_for("the seed in the list", |s| s.contains("US and Ukraine"));
        self.send("1");
        self.send("G");
        self.send("\r");
        self.wait_for_text(SEED_TITLE);
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal is at least 1x1")
}

fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn notes_file(tmp: &Path) -> PathBuf {
    tmp.join("config").join("notes").join(format!("{SEED_ID}.json"))
}

/// The only notes file written, wherever in `notes/` the app put it.
fn the_notes_file(tmp: &Path) -> PathBuf {
    let expected = notes_file(tmp);
    if expected.exists() {
        return expected;
    }
    let dir = tmp.join("config").join("notes");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(
        files.len(),
        1,
        "one notes file expected in {}: {files:?}",
        dir.display()
    );
    files.into_iter().next().unwrap()
}

#[test]
fn note_survives_restart() {
    let tmp = tempfile::tempdir().unwrap();
    let note = "Check the Witkoff timeline";
    {
        let mut t = Tui::start(tmp.path(), 120, 40);
        t.open_seed();
        t.send("j");
        t.send("j");
        t.wait_for(&format!("the cursor ▌ on {WITKOFF:?}"), |_| {
            t.rows().iter().any(|r| r.contains(WITKOFF) && r.contains('▌'))
        });
        t.send("a");
        t.type_text(note);
        t.send("\x1b");
        t.wait_for("the note in the Notes pane", |s| s.contains(note));
        t.send("q");
        let status = t.wait_exit();
        assert!(
            status.success(),
            "exit status {status:?}; screen:\n{}",
            t.screen()
        );
    }

    let path = the_notes_file(tmp.path());
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(json["schema"], 1, "{json:#}");
    assert_eq!(json["briefing"], SEED_ID, "{json:#}");
    let notes = json["notes"].as_array().expect("notes array");
    assert_eq!(notes.len(), 1, "{json:#}");
    let n = &notes[0];
    assert_eq!(n["text"], note, "{json:#}");
    assert_eq!(n["anchor"]["ordinal"], 2, "{json:#}");
    let quote = n["anchor"]["quote"].as_str().expect("quote");
    assert!(quote.starts_with(WITKOFF), "{json:#}");

    let mut t = Tui::start(tmp.path(), 120, 40);
    t.open_seed();
    t.wait_for_text(note);
    t.wait_for(&format!("✎ on the row of {WITKOFF:?}"), |_| {
        t.rows().iter().any(|r| r.contains(WITKOFF) && r.contains('✎'))
    });
    // The mark is in the margin, before the paragraph's text.
    let rows = t.rows();
    let row = rows.iter().find(|r| r.contains(WITKOFF)).unwrap();
    assert!(
        row.find('✎').unwrap() < row.find(WITKOFF).unwrap(),
        "mark after the text: {row:?}"
    );
    t.send("q");
    assert!(t.wait_exit().success());
}

#[test]
fn help_lists_every_key_and_quit_restores_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let mut t = Tui::start(tmp.path(), 120, 40);
    t.wait_for("the first frame", |s| s.contains("Articles"));
    t.send("?");
    let help = t.wait_for("the help overlay", |s| {
        s.contains("Keys") && s.contains("add a note")
    });
    for d in [
        "focus Reader",
        "filter Articles by text; in the Reader, search",
        "show or hide this help",
        "go to the bottom",
    ] {
        assert!(help.contains(d), "help lacks {d:?}:\n{help}");
    }
    // The rest of the list is a page away.
    t.send(" ");
    t.wait_for("the end of the help", |s| s.contains("suspend to the shell"));
    t.send("?");
    t.wait_for("the help to close", |s| !s.contains("add a note"));
    t.send("q");
    let status = t.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let raw = t.raw();
    let tail = &raw[raw.len().saturating_sub(256)..];
    assert!(
        contains_bytes(tail, LEAVE_ALT_SCREEN),
        "the alternate screen is not left at the end: {:?}",
        String::from_utf8_lossy(tail)
    );
}

#[test]
fn small_and_resized_terminal_never_panics() {
    let tmp = tempfile::tempdir().unwrap();
    let mut t = Tui::start(tmp.path(), 40, 12);
    let s = t.wait_for("a first frame", |s| !s.trim().is_empty());
    assert!(!s.contains("panicked"), "{s}");

    t.resize(20, 5);
    t.send("j");
    t.wait_for_text("terminal too small");
    for (cols, rows) in [(80, 24), (200, 60), (1, 1), (120, 40)] {
        t.resize(cols, rows);
        t.send("j");
        thread::sleep(Duration::from_millis(300));
        assert!(t.is_alive(), "brief died at {cols}x{rows}:\n{}", t.screen());
    }
    t.wait_for("the full layout again", |s| {
        s.contains("Articles") && s.contains("Notes")
    });
    assert!(t.is_alive());
    t.send("q");
    let status = t.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let raw = String::from_utf8_lossy(&t.raw()).into_owned();
    assert!(!raw.contains("panicked"), "{raw}");
}

#[cfg(unix)]
#[test]
fn sigterm_restores_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let mut t = Tui::start(tmp.path(), 120, 40);
    t.wait_for("the first frame", |s| s.contains("Articles"));
    let pid = t.child.process_id().expect("pid");
    let killed = std::process::Command::new("kill")
        .arg("-TERM")
        .arg(pid.to_string())
        .status()
        .expect("run kill");
    assert!(killed.success());
    t.wait_exit();
    let raw = t.raw();
    assert!(
        contains_bytes(&raw, LEAVE_ALT_SCREEN),
        "the alternate screen is not left after SIGTERM: {:?}",
        String::from_utf8_lossy(&raw[raw.len().saturating_sub(256)..])
    );
}

#[cfg(unix)]
#[test]
fn sighup_ends_the_process_and_restores_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let mut t = Tui::start(tmp.path(), 100, 30);
    t.wait_for("the first frame", |s| s.contains("Articles"));
    let pid = t.child.process_id().expect("pid");
    let sent = std::process::Command::new("kill")
        .arg("-HUP")
        .arg(pid.to_string())
        .status()
        .expect("run kill");
    assert!(sent.success());
    t.wait_exit();
    assert!(
        contains_bytes(&t.raw(), LEAVE_ALT_SCREEN),
        "the alternate screen is left after SIGHUP"
    );
}

#[test]
fn a_briefing_added_while_open_appears_in_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::write(
        store.join("a.md"),
        "---\ntitle: Morning one\ndate: 2026-11-20\n---\nKyiv.\n",
    )
    .unwrap();
    let mut t = Tui::start_with(tmp.path(), 100, 30, Some(&store));
    t.wait_for("the first frame", |s| s.contains("Morning one"));
    std::fs::write(
        store.join("b.md"),
        "---\ntitle: Evening two\ndate: 2026-11-21\n---\nMiami.\n",
    )
    .unwrap();
    t.wait_for("the new briefing in Articles", |s| s.contains("Evening two"));
    t.send("q");
    assert!(t.wait_exit().success());
}

#[cfg(unix)]
#[test]
fn ctrl_e_hands_the_note_to_the_editor_and_takes_it_back() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let script = tmp.path().join("editor.sh");
    std::fs::write(&script, "#!/bin/sh\nprintf 'Written in the editor' > \"$1\"\n").unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let script = script.to_str().unwrap().to_owned();
    let mut t = Tui::start_env(tmp.path(), 120, 40, None, &[("VISUAL", script.as_str())]);
    t.open_seed();
    t.send("j");
    t.send("a");
    t.type_text("typed here");
    t.send("\u{5}"); // Ctrl-e
    t.wait_for("the text from the editor", |s| {
        s.contains("Written in the editor")
    });
    t.send("\u{1b}");
    t.wait_for("the note in the Notes pane", |s| {
        s.contains("Written in the editor") && s.contains("Notes · 1")
    });
    t.send("q");
    assert!(t.wait_exit().success());
    let json = std::fs::read_to_string(the_notes_file(tmp.path())).unwrap();
    assert!(json.contains("Written in the editor"), "{json}");
}

#[test]
fn capital_s_searches_the_archive_and_enter_opens_the_matching_paragraph() {
    let tmp = tempfile::tempdir().unwrap();
    let mut t = Tui::start(tmp.path(), 120, 40);
    t.wait_for("the seed in the list", |s| s.contains("US and Ukraine"));
    t.send("S");
    t.wait_for_text("search all:");
    t.type_text("umerov AND kushner");
    t.send("\r");
    // Not "searching for umerov AND kushner…": the results themselves.
    let screen = t.wait_for("the results", |s| {
        s.contains("for umerov AND kushner") && !s.contains("searching for")
    });
    assert!(
        screen.contains("1 Articles · search: umerov"),
        "the results replace the list: {screen}"
    );
    assert!(screen.contains('¶'), "each result says where: {screen}");
    // The snippet marks the matched words (reversed, as mentions are).
    let raw = String::from_utf8_lossy(&t.raw()).into_owned();
    assert!(raw.contains("Umerov"), "a snippet with the match");
    t.send("\r");
    t.wait_for("the Reader on the matching paragraph", |_| {
        t.rows()
            .iter()
            .any(|r| r.contains('▌') && (r.contains("Umerov") || r.contains("Kushner")))
    });
    t.send("q");
    assert!(t.wait_exit().success());
}

#[test]
fn a_dumb_terminal_gets_one_line_not_a_screenful_of_escapes() {
    for term in ["dumb", ""] {
        let tmp = tempfile::tempdir().unwrap();
        let mut t = Tui::start_env(tmp.path(), 80, 24, None, &[("TERM", term)]);
        let status = t.wait_exit();
        assert!(!status.success(), "TERM={term:?}");
        let raw = t.raw();
        assert!(
            !contains_bytes(&raw, b"\x1b[?1049h"),
            "no alternate screen for TERM={term:?}"
        );
        assert!(
            t.screen().contains("needs a terminal that can draw"),
            "{}",
            t.screen()
        );
    }
}

/// The terminal modes of the pty, as `stty` reports them.
fn stty(t: &Tui) -> String {
    let tty = t.master.tty_name().expect("the pty's name");
    let out = std::process::Command::new("stty")
        .arg("-F")
        .arg(&tty)
        .arg("-a")
        .output()
        .expect("run stty");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether the pty is in raw mode (no line editing, no echo).
fn is_raw(t: &Tui) -> bool {
    let modes = stty(t);
    modes.split_whitespace().any(|m| m == "-icanon") && modes.split_whitespace().any(|m| m == "-echo")
}

fn signal(t: &Tui, name: &str) {
    let pid = t.child.process_id().expect("pid");
    let sent = std::process::Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status()
        .expect("run kill");
    assert!(sent.success());
}

#[test]
fn sigint_and_sigquit_restore_the_terminal() {
    for name in ["INT", "QUIT"] {
        let tmp = tempfile::tempdir().unwrap();
        let mut t = Tui::start(tmp.path(), 100, 30);
        t.wait_for("the first frame", |s| s.contains("Articles"));
        assert!(is_raw(&t), "raw while running");
        signal(&t, name);
        t.wait_exit();
        let raw = t.raw();
        assert!(
            contains_bytes(&raw, LEAVE_ALT_SCREEN),
            "SIG{name}: the alternate screen is left"
        );
        assert!(
            contains_bytes(&raw, b"\x1b[?1000l"),
            "SIG{name}: mouse reporting is off"
        );
        assert!(
            !is_raw(&t),
            "SIG{name}: the terminal is cooked again: {}",
            stty(&t)
        );
    }
}

#[test]
fn sigterm_with_the_editor_open_saves_the_draft() {
    let tmp = tempfile::tempdir().unwrap();
    let mut t = Tui::start(tmp.path(), 120, 40);
    t.open_seed();
    t.send("a");
    t.type_text("half-written thought");
    t.wait_for_text("half-written thought");
    signal(&t, "TERM");
    t.wait_exit();
    let notes = std::fs::read_to_string(the_notes_file(tmp.path())).expect("the draft was saved");
    assert!(notes.contains("half-written thought"), "{notes}");
}

#[test]
fn ctrl_z_and_sigtstp_suspend_and_fg_brings_the_reader_back() {
    let tmp = tempfile::tempdir().unwrap();
    let mut t = Tui::start(tmp.path(), 100, 30);
    t.wait_for("the first frame", |s| s.contains("Articles"));
    for how in ["ctrl-z", "kill -TSTP"] {
        let before = t.raw().len();
        if how == "ctrl-z" {
            t.send("\x1a");
        } else {
            signal(&t, "TSTP");
        }
        let start = Instant::now();
        while !contains_bytes(&t.raw()[before..], LEAVE_ALT_SCREEN) {
            assert!(start.elapsed() < TIMEOUT, "{how}: the screen is not given back");
            thread::sleep(Duration::from_millis(50));
        }
        thread::sleep(Duration::from_millis(200));
        assert!(!is_raw(&t), "{how}: cooked while suspended: {}", stty(&t));
        assert!(t.is_alive(), "{how}: stopped, not ended");
        signal(&t, "CONT");
        let start = Instant::now();
        while !is_raw(&t) {
            assert!(start.elapsed() < TIMEOUT, "{how}: raw mode is not re-entered");
            thread::sleep(Duration::from_millis(50));
        }
        t.wait_for(&format!("{how}: the reader redrawn"), |s| s.contains("Articles"));
    }
    t.send("q");
    assert!(t.wait_exit().success(), "q still works after fg");
}

#[test]
fn a_flood_of_keys_never_stops_input() {
    let tmp = tempfile::tempdir().unwrap();
    let mut t = Tui::start(tmp.path(), 120, 40);
    t.open_seed();
    // 100 KB of keys at once, as a non-bracketed paste or a stuck key gives.
    let flood = "j".repeat(100 * 1024);
    t.writer.write_all(flood.as_bytes()).expect("write the flood");
    t.writer.flush().expect("flush");
    t.send("q");
    let start = Instant::now();
    while t.is_alive() {
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "q after 100 KB of keys did not end brief within 2 s"
        );
        thread::sleep(Duration::from_millis(20));
    }
    assert!(t.wait_exit().success());
}

#[test]
fn brief_file_opens_that_briefing_in_the_reader() {
    let tmp = tempfile::tempdir().unwrap();
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/briefings/005_profile-rustem-umerov.md"
    );
    let mut t = Tui::start_full(tmp.path(), (120, 40), None, &[], &[file]);
    // The Reader shows the text, not just a list waiting for Enter.
    t.wait_for("the briefing open in the Reader", |_| {
        t.rows().iter().any(|r| r.contains('▌'))
    });
    let screen = t.screen();
    assert!(screen.contains("Reader · Profile: Rustem Umerov"), "{screen}");
    t.send("q");
    assert!(t.wait_exit().success());
}

#[test]
fn open_a_file_jump_through_the_outline_and_copy_a_paragraph_by_osc52() {
    use base64::Engine as _;
    let tmp = tempfile::tempdir().unwrap();
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/briefings/004_long-report-miami-track.md"
    );
    let mut t = Tui::start_full(tmp.path(), (120, 40), None, &[], &[file]);
    t.wait_for("the briefing open", |_| t.rows().iter().any(|r| r.contains('▌')));
    t.send("o");
    t.wait_for_text("Outline");
    t.send("j");
    t.send("\r");
    t.wait_for("the cursor on the heading", |_| {
        t.rows().iter().any(|r| r.contains('▌') && r.contains("The leak"))
    });
    t.send("y");
    let expected = base64::engine::general_purpose::STANDARD.encode("The leak");
    let osc = format!("\x1b]52;c;{expected}\x07");
    let start = Instant::now();
    while !contains_bytes(&t.raw(), osc.as_bytes()) {
        assert!(start.elapsed() < TIMEOUT, "no OSC 52 with the paragraph's base64");
        thread::sleep(Duration::from_millis(50));
    }
    t.wait_for_text("copied paragraph");
    t.send("q");
    assert!(t.wait_exit().success());
}

#[test]
fn a_lock_held_by_another_process_is_waited_for_never_broken() {
    let tmp = tempfile::tempdir().unwrap();
    let mut t = Tui::start(tmp.path(), 120, 40);
    t.open_seed();
    // This test process holds the notes file's lock, as a brief stopped
    // mid-save would: past the old 10 s "stale" limit, and longer.
    let store = tmp.path().join("data/briefings");
    let notes = brief::notes::NotesStore::new(tmp.path().join("config/notes")).for_store(&[store]);
    let file = notes.file_for(SEED_ID);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let mut lock_name = file.clone().into_os_string();
    lock_name.push(".lock");
    let holder = std::fs::File::options()
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_name)
        .unwrap();
    holder.lock().unwrap();
    t.send("a");
    t.type_text("written while locked");
    t.send("\x1b");
    t.wait_for_text("not saved yet");
    thread::sleep(Duration::from_secs(12));
    assert!(
        !file.exists(),
        "the lock was not broken: nothing written under it"
    );
    assert!(t.screen().contains("not saved yet"), "{}", t.screen());
    drop(holder);
    let start = Instant::now();
    while !std::fs::read_to_string(&file).is_ok_and(|s| s.contains("written while locked")) {
        assert!(start.elapsed() < TIMEOUT, "saved once the holder let go");
        thread::sleep(Duration::from_millis(100));
    }
    t.send("q");
    assert!(t.wait_exit().success());
}

/// The Entities pane's rows as drawn: each screen row from the pane's left
/// border on.
fn entities_pane(t: &Tui) -> Vec<String> {
    let rows = t.rows();
    let Some(at) = rows
        .first()
        .and_then(|r| r.find(" 3 Entities"))
        .map(|byte| rows[0][..byte].chars().count().saturating_sub(1))
    else {
        return Vec::new();
    };
    rows.iter()
        .map(|r| r.chars().skip(at).collect::<String>())
        .take_while(|r| !r.starts_with('└'))
        .collect()
}

/// The Entities pane's count, as its title shows it ("3 Entities · 26").
fn entity_count(t: &Tui) -> Option<usize> {
    let screen = t.screen();
    let after = screen.split("3 Entities · ").nth(1)?;
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    let unfiltered = after[digits.len()..].starts_with(' ');
    digits.parse().ok().filter(|_| unfiltered)
}

/// Filters the Entities pane to `name` (the selection moves to it).
fn find_entity(t: &mut Tui, name: &str) {
    t.send("3");
    t.send("/");
    t.type_text(name);
    t.send("\r");
    t.wait_for_text(&format!("/{name}"));
}

#[test]
fn a_correction_holds_after_a_restart() {
    let tmp = tempfile::tempdir().unwrap();
    let before;
    {
        let mut t = Tui::start(tmp.path(), 120, 40);
        t.open_seed();
        t.send("3");
        t.wait_for("the entities counted", |_| entity_count(&t).is_some());
        before = entity_count(&t).unwrap_or_default();
        // x: Miami is not an entity.
        find_entity(&mut t, "Miami");
        t.send("x");
        t.wait_for_text("Miami: not an entity — saved to");
        // Under its title (which says the filter, kept), no entity is left.
        t.wait_for("Miami out of the pane", |_| {
            !entities_pane(&t).iter().skip(1).any(|r| r.contains("Miami"))
        });
        t.wait_for_text("3 Entities · 0 · /Miami");
        t.send("\x1b"); // clears the filter
        t.wait_for_text(&format!("3 Entities · {} ", before - 1));
        // K 2: Krasnodar is an organisation.
        find_entity(&mut t, "Krasnodar");
        t.send("K");
        t.wait_for_text(
            "kind: 1 PERSON  2 ORG  3 PLACE  4 GROUP  5 DATE  6 NUMBER  x none · Esc · Krasnodar is PLACE",
        );
        t.send("2");
        t.wait_for_text("Krasnodar is ORG now");
        t.send("q");
        assert!(t.wait_exit().success(), "{}", t.screen());
    }
    let config = std::fs::read_to_string(tmp.path().join("config/config.toml")).unwrap();
    assert!(config.contains("name = \"Miami\""), "{config}");
    assert!(config.contains("name = \"Krasnodar\""), "{config}");

    let mut t = Tui::start(tmp.path(), 120, 40);
    t.open_seed();
    t.send("3");
    t.wait_for("the entities counted", |_| entity_count(&t).is_some());
    assert_eq!(entity_count(&t), Some(before - 1), "{}", t.screen());
    find_entity(&mut t, "Krasnodar");
    let pane = t.wait_for("Krasnodar under ORG", |_| {
        let pane = entities_pane(&t);
        let org = pane.iter().position(|r| r.contains("│ORG"));
        let krasnodar = pane.iter().position(|r| r.contains("Krasnodar 1"));
        matches!((org, krasnodar), (Some(o), Some(k)) if o < k)
    });
    assert!(!pane.contains("│PLACE"), "{pane}");
    t.send("\x1b");
    find_entity(&mut t, "Miami");
    t.wait_for_text("3 Entities · 0 · /Miami");
    t.send("q");
    assert!(t.wait_exit().success());
}
