//! The terminal loop: read events, turn them into actions, update the app,
//! perform its effects, draw. The terminal is restored on every way out:
//! quit, error, panic (ratatui's hook), SIGTERM and SIGHUP.

use crate::analysis::{Analysed, analyse_with};
use crate::app::{App, Effect, EntityIndex, Open, Pane};
use crate::entities::summary::group_with;
use crate::entities::watch::Watchlist;
use crate::notes::NotesStore;
use crate::store::body_from_text;
use crate::store::load_file;
use crate::theme::Theme;
use crate::ui;
use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// Where the loop does its IO.
#[derive(Debug, Clone)]
pub struct Io {
    pub notes: NotesStore,
    pub data_dir: PathBuf,
    /// config.toml, where `w` adds to the watchlist.
    pub config_file: PathBuf,
    /// Where a big briefing's entities are sent when found in the
    /// background (set by the loop; without it everything is synchronous).
    pub finder: Option<mpsc::Sender<(usize, Analysed)>>,
    /// The store's folders and files, watched for changes while the reader
    /// is open (empty: not watched).
    pub roots: Vec<PathBuf>,
}

/// How often the store is looked at again for new, edited and removed files.
const WATCH_EVERY: Duration = Duration::from_secs(2);

/// Looks at the store every couple of seconds — file metadata only — and
/// when anything was added, removed or modified, reads the list again and
/// sends it. The thread ends with the loop.
fn watch_store(roots: Vec<PathBuf>, tx: mpsc::Sender<Vec<crate::store::Briefing>>) {
    std::thread::spawn(move || {
        let mut last = crate::store::stat_signature(&roots);
        loop {
            std::thread::sleep(WATCH_EVERY);
            let now = crate::store::stat_signature(&roots);
            if now == last {
                continue;
            }
            last = now;
            let Ok(briefings) = crate::store::scan_paths(&roots) else {
                continue;
            };
            if tx.send(briefings).is_err() {
                return;
            }
        }
    });
}

/// Briefings from this size up open at once and get their entities from a
/// background thread.
const BACKGROUND_FROM: usize = 1 << 20;

/// Performs one effect (and those it leads to).
pub fn perform(app: &mut App, io: &Io, effect: &Effect) {
    match effect {
        Effect::Open(i) => {
            let Some(b) = app.briefings.get(*i) else { return };
            let (id, path, format) = (b.id.clone(), b.path.clone(), b.format);
            let analysed = load_file(&path).map_err(|e| e.to_string()).and_then(|loaded| {
                let big = loaded.text.len() >= BACKGROUND_FROM;
                match &io.finder {
                    Some(tx) if big => {
                        // Show the text now; its entities follow.
                        let (tx, text, watch, index) =
                            (tx.clone(), loaded.text.clone(), app.watch.clone(), *i);
                        std::thread::spawn(move || {
                            if let Ok(a) = analyse_with(format, text, &watch) {
                                let _ = tx.send((index, a));
                            }
                        });
                        app.say("finding entities…");
                        body_from_text(format, loaded.text)
                            .map(|body| Analysed {
                                body,
                                entities: Vec::new(),
                                watched: Vec::new(),
                            })
                            .map_err(|e| format!("{}: {e}", path.display()))
                    }
                    _ => analyse_with(format, loaded.text, &app.watch)
                        .map_err(|e| format!("{}: {e}", path.display())),
                }
            });
            match analysed {
                Ok(a) => {
                    let notes = io.notes.load(&id).map_err(|e| e.to_string());
                    let open = Open::new(*i, id, a, notes, &app.watch);
                    for e in app.opened(open) {
                        perform(app, io, &e);
                    }
                }
                Err(e) => app.warn(e),
            }
        }
        Effect::SaveNotes => {
            let Some(open) = app.open.as_mut() else { return };
            if open.notes_error.is_some() {
                return;
            }
            match io.notes.sync(&mut open.notes) {
                Ok(()) => {
                    open.replace_notes();
                    let n = open.notes.notes.len();
                    app.notes_count.insert(open.id.clone(), n);
                    app.unsaved = false;
                }
                Err(e) => {
                    app.unsaved = true;
                    app.warn(format!("{e} — kept in memory, saved again on the next change"));
                }
            }
        }
        Effect::SaveState => {
            if let Err(e) = app.state.save(&io.data_dir) {
                app.warn(format!(
                    "{}: cannot save reading state: {e}",
                    io.data_dir.display()
                ));
            }
        }
        // Only the loop, which owns the terminal, can hand it to an editor.
        Effect::EditExternally => app.say("an external editor needs the reader's terminal"),
        Effect::IndexEntities => {
            let index = build_index(&app.briefings, &app.watch);
            app.needs_index = false;
            app.indexed(index);
        }
        Effect::Watch { name, kind } => match crate::config::add_to_watchlist(&io.config_file, name, *kind) {
            Ok(entries) => {
                app.watch = crate::entities::watch::Watchlist::new(entries);
                app.needs_index = true;
                app.say(format!("watching {name} — saved to {}", io.config_file.display()));
                if let Some(i) = app.open.as_ref().map(|o| o.index) {
                    let status = app.status.clone();
                    perform(app, io, &Effect::Open(i));
                    app.status = status;
                }
            }
            Err(e) => app.warn(e.to_string()),
        },
    }
}

/// Which briefings mention each entity: every readable briefing analysed
/// and grouped, as the Entities pane groups them.
pub fn build_index(briefings: &[crate::store::Briefing], watch: &Watchlist) -> EntityIndex {
    let mut index = EntityIndex::default();
    for b in briefings.iter().filter(|b| b.error.is_none()) {
        let Ok(loaded) = load_file(&b.path) else { continue };
        let Ok(a) = analyse_with(b.format, loaded.text, watch) else {
            continue;
        };
        index.set_briefing(&b.id, &group_with(&a.body.text, &a.entities, watch));
    }
    index
}

/// Runs the reader until the user quits or a signal asks it to stop.
pub fn run(app: &mut App, io: &Io, theme: &Theme) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let done = Arc::new(AtomicBool::new(false));
    watch_for_hangup(Arc::clone(&stop), Arc::clone(&done));
    let mut terminal = ratatui::try_init()?;
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::EnableMouseCapture,
        crossterm::event::EnableBracketedPaste
    );
    let result = event_loop(&mut terminal, app, io, theme, &stop);
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::DisableMouseCapture,
        crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
    done.store(true, Ordering::Relaxed);
    // A save that kept failing: the note must not vanish with the process.
    if app.unsaved {
        perform(app, io, &Effect::SaveNotes);
        if let (true, Some(open)) = (app.unsaved, app.open.as_ref()) {
            eprintln!("brief: notes of {} could not be saved; here they are:", open.id);
            for n in &open.notes.notes {
                eprintln!("--- ¶{}", n.anchor.ordinal + 1);
                for line in n.text.lines() {
                    eprintln!("{}", crate::sanitize::sanitize(line));
                }
            }
        }
    }
    result
}

/// When the terminal hangs up, crossterm's `read` can spin forever on the
/// closed tty, so the loop never sees the signal. This thread gives the loop
/// half a second to stop by itself, then restores what it can and exits.
/// Notes are already on disk: every change is saved at once.
fn watch_for_hangup(stop: Arc<AtomicBool>, done: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_millis(500));
        if !done.load(Ordering::Relaxed) {
            ratatui::restore();
            std::process::exit(0);
        }
    });
}

/// Indexes the store on a background thread: the reader is usable at
/// once, and filtering by entity works as soon as the index arrives.
fn index_in_background(
    briefings: Vec<crate::store::Briefing>,
    watch: Watchlist,
) -> mpsc::Receiver<EntityIndex> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(build_index(&briefings, &watch));
    });
    rx
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    io: &Io,
    theme: &Theme,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let mut areas = ui::Areas::default();
    let mut indexing: Option<mpsc::Receiver<EntityIndex>> = None;
    let (found_tx, found_rx) = mpsc::channel();
    let io = &Io {
        finder: Some(found_tx),
        ..io.clone()
    };
    let (store_tx, store_rx) = mpsc::channel();
    if !io.roots.is_empty() {
        watch_store(io.roots.clone(), store_tx);
    }
    while !app.quit && !stop.load(Ordering::Relaxed) {
        while let Ok(briefings) = store_rx.try_recv() {
            for e in app.store_changed(briefings) {
                perform(app, io, &e);
            }
        }
        while let Ok((index, analysed)) = found_rx.try_recv() {
            app.entities_found(index, analysed);
        }
        if app.needs_index && indexing.is_none() {
            indexing = Some(index_in_background(app.briefings.clone(), app.watch.clone()));
            app.needs_index = false;
        }
        if let Some(index) = indexing.as_ref().and_then(|rx| rx.try_recv().ok()) {
            app.indexed(index);
            indexing = None;
        }
        terminal.draw(|frame| {
            areas = ui::areas(frame.area(), app.focus);
            size_panes(app, &areas);
            ui::draw(frame, app, theme);
        })?;
        let wait = if indexing.is_some() || app.status.as_ref().is_some_and(|s| s.text.ends_with('…')) {
            50
        } else {
            250
        };
        if !event::poll(Duration::from_millis(wait))? {
            continue;
        }
        let effects = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => handle_key(app, key),
            Event::Paste(text) => {
                if let Some(ed) = app.editor.as_mut() {
                    ed.insert_str(&text);
                }
                Vec::new()
            }
            Event::Mouse(m) => handle_mouse(app, &areas, m),
            _ => Vec::new(),
        };
        for e in effects {
            // The background index will apply a waiting filter on arrival.
            if e == Effect::IndexEntities && indexing.is_some() {
                continue;
            }
            if e == Effect::EditExternally {
                edit_externally(terminal, app)?;
                continue;
            }
            perform(app, io, &e);
        }
    }
    if !app.quit {
        perform(app, io, &Effect::SaveState);
    }
    Ok(())
}

/// The editor command: `$VISUAL`, else `$EDITOR`, else `vi`, split on
/// white space ("code --wait" works).
fn editor_command() -> Vec<String> {
    let cmd = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| std::env::var("EDITOR").ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_owned());
    cmd.split_whitespace().map(str::to_owned).collect()
}

/// Leaves the terminal to `$EDITOR` with the note being written, then
/// takes back what it saved. If the editor cannot run or fails, the typed
/// text stays as it was.
fn edit_externally(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    let Some(text) = app.editor.as_ref().map(|e| e.text.clone()) else {
        return Ok(());
    };
    let file = tempfile::Builder::new()
        .prefix("brief-note-")
        .suffix(".md")
        .tempfile_in(std::env::temp_dir());
    let file = match file.and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()).map(|()| f)) {
        Ok(f) => f,
        Err(e) => {
            app.warn(format!("cannot hand the note to an editor: {e}"));
            return Ok(());
        }
    };
    let argv = editor_command();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
    ratatui::restore();
    let status = std::process::Command::new(&argv[0])
        .args(&argv[1..])
        .arg(file.path())
        .status();
    // Back to the reader's screen (the same terminal, redrawn in full).
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        crossterm::event::EnableMouseCapture
    )?;
    // A blank frame makes the next one repaint every cell (`Terminal::clear`
    // would ask the terminal for its cursor, which not every terminal answers).
    terminal.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))?;
    match status {
        Ok(s) if s.success() => match std::fs::read_to_string(file.path()) {
            Ok(new) => {
                if let Some(ed) = app.editor.as_mut() {
                    *ed = crate::app::Editor::new(ed.target.clone(), new.trim_end_matches('\n').to_owned());
                }
                app.say("note text taken back from the editor — Esc or Ctrl-s saves");
            }
            Err(e) => app.warn(format!(
                "{}: cannot read the edited note: {e}",
                file.path().display()
            )),
        },
        Ok(s) => app.warn(format!("{} exited with {s}; the note is as it was", argv[0])),
        Err(e) => app.warn(format!("cannot run {}: {e}; the note is as it was", argv[0])),
    }
    Ok(())
}

/// Tells the app how big the Reader and lists are, so paging and layout
/// match what is on screen.
pub fn size_panes(app: &mut App, areas: &ui::Areas) {
    if let Some(r) = areas.reader {
        let (w, h) = ui::reader_text_size(r);
        app.set_reader_size(w, h);
    }
    if let Some(r) = areas.articles.or(areas.entities).or(areas.notes) {
        app.list_rows = usize::from(r.height.saturating_sub(2)) / 2;
    }
}

/// Routes a key: the note editor and the filter prompt take typed text;
/// otherwise the keymap decides.
pub fn handle_key(app: &mut App, key: crossterm::event::KeyEvent) -> Vec<Effect> {
    if app.editor.is_some() {
        return app.editor_key(key);
    }
    if app.input.is_some() || app.search_input.is_some() {
        return app.input_key(key);
    }
    app.status = None;
    match app.keymap.action(key) {
        Some(action) => app.update(action),
        None => Vec::new(),
    }
}

/// A click on an Articles entry selects it; a click on the selected one
/// opens it. Entries are two rows tall, and the list scrolls just enough to
/// show the selection (as ratatui's `List` does from offset 0).
/// A click on an entity selects it (and shows its mentions). The pane
/// lists a kind heading before each kind's entities, one row each.
fn click_entity(app: &mut App, row: usize, rows: usize) {
    let Some(o) = app.open.as_mut() else { return };
    // Item index of every group, headings counted.
    let mut items: Vec<usize> = Vec::with_capacity(o.groups.len());
    let mut last = None;
    let mut n = 0;
    for g in &o.groups {
        if last != Some(g.kind) {
            n += 1;
            last = Some(g.kind);
        }
        items.push(n);
        n += 1;
    }
    let selected_row = items.get(o.entity_sel).copied().unwrap_or(0);
    let offset = selected_row.saturating_sub(rows.max(1) - 1);
    if let Some(group) = items.iter().position(|&r| r == offset + row) {
        o.entity_sel = group;
        o.highlight = true;
        o.mention_walk = None;
    }
}

/// A click on a note selects it. Notes take one row for their paragraph
/// and up to three for their text, and the list scrolls just enough to
/// show the selection.
fn click_note(app: &mut App, row: usize, rows: usize) {
    let Some(o) = app.open.as_mut() else { return };
    let heights: Vec<usize> = o
        .note_order
        .iter()
        .map(|&i| 1 + o.notes.notes.get(i).map_or(0, |n| n.text.lines().count().min(3)))
        .collect();
    let Some(sel_height) = heights.get(o.note_sel) else {
        return;
    };
    let mut offset = o.note_sel;
    let mut used = *sel_height;
    while offset > 0 && used + heights[offset - 1] <= rows {
        offset -= 1;
        used += heights[offset];
    }
    // ratatui shows from the first item when the selection fits from there.
    if heights[..=o.note_sel].iter().sum::<usize>() <= rows {
        offset = 0;
    }
    let mut top = 0;
    for (k, h) in heights.iter().enumerate().skip(offset) {
        if row < top + h {
            o.note_sel = k;
            return;
        }
        top += h;
    }
}

fn click_article(app: &mut App, row: usize, rows: usize) -> Vec<Effect> {
    let visible = (rows / 2).max(1);
    let offset = app.selected.saturating_sub(visible - 1);
    let index = offset + row / 2;
    if index >= app.view.len() {
        return Vec::new();
    }
    if index == app.selected {
        return app.update(crate::app::Action::Select);
    }
    app.selected = index;
    Vec::new()
}

/// Routes a mouse event: the wheel scrolls the pane under it, a click
/// focuses it (and selects an article or a paragraph).
pub fn handle_mouse(app: &mut App, areas: &ui::Areas, m: crossterm::event::MouseEvent) -> Vec<Effect> {
    if app.editor.is_some() || app.help {
        return Vec::new();
    }
    let at = ratatui::layout::Position::new(m.column, m.row);
    let Some(pane) = Pane::ALL
        .into_iter()
        .find(|p| areas.of(*p).is_some_and(|r| r.contains(at)))
    else {
        return Vec::new();
    };
    match m.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let before = app.focus;
            app.focus = pane;
            let down = m.kind == MouseEventKind::ScrollDown;
            let action = if down {
                crate::app::Action::Down
            } else {
                crate::app::Action::Up
            };
            let effects = if pane == Pane::Reader {
                if let Some(o) = app.open.as_mut() {
                    o.scroll_by(if down { 3 } else { -3 }, app.reader_rows);
                }
                Vec::new()
            } else {
                app.update(action)
            };
            app.focus = before;
            effects
        }
        MouseEventKind::Down(MouseButton::Left) => {
            app.focus = pane;
            let Some(area) = areas.of(pane) else {
                return Vec::new();
            };
            // Rows inside the pane's border.
            let row = usize::from(m.row.saturating_sub(area.y + 1));
            let rows = usize::from(area.height.saturating_sub(2));
            match pane {
                Pane::Articles => click_article(app, row, rows),
                Pane::Reader => {
                    if let Some(o) = app.open.as_mut() {
                        if let Some(block) = o.layout.block_at(o.scroll + row) {
                            o.goto_block(block, app.reader_rows);
                        }
                    }
                    Vec::new()
                }
                Pane::Entities => {
                    click_entity(app, row, rows);
                    Vec::new()
                }
                Pane::Notes => {
                    click_note(app, row, rows);
                    Vec::new()
                }
            }
        }
        _ => Vec::new(),
    }
}
