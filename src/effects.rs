//! Performs the app's effects — files, notes, config, the archive's index,
//! background jobs — and turns what they learn into actions. No terminal here: the loop
//! does the one effect that needs it (the external editor), and tests run
//! everything else through [`dispatch`] with a temporary folder.

use crate::analysis::{Analysed, analyse_with};
use crate::app::{Action, App, Effect, EntityView, Loaded, OpenRequest, Snapshot};
use crate::entities::EntityKind;
use crate::entities::watch::Watchlist;
use crate::index::{Index, IndexError, query};
use crate::jobs::Jobs;
use crate::notes::NotesStore;
use crate::store::{body_from_text, load_file};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Where effects read and write.
#[derive(Debug, Clone)]
pub struct Io {
    pub notes: NotesStore,
    pub data_dir: PathBuf,
    /// config.toml, where `w` adds to the watchlist.
    pub config_file: PathBuf,
    /// The archive's index, shared by the effects and their jobs.
    pub index: Arc<Mutex<Index>>,
    /// Where the index lives, so a job can open its own connection.
    pub cache_dir: PathBuf,
    /// The store's folders and files.
    pub roots: Vec<PathBuf>,
}

impl Io {
    /// The index, even if a job panicked while holding it (a cache: the
    /// worst is a stale answer).
    fn index(&self) -> MutexGuard<'_, Index> {
        self.index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Results per search.
const SEARCH_LIMIT: usize = 200;
/// How often an update reports progress.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);

/// Briefings from this size up open at once and get their entities from a
/// background job.
pub const BACKGROUND_FROM: usize = 1 << 20;

/// Sends `action` to the app and every action its effects lead to, until
/// nothing is left to do. `perform` does each effect's IO. Returns the
/// effects the first action asked for (what tests look at).
pub fn dispatch_with(
    app: &mut App,
    action: Action,
    mut perform: impl FnMut(Effect) -> Vec<Action>,
) -> Vec<Effect> {
    let first = app.update(action);
    let mut queue: VecDeque<Effect> = first.iter().cloned().collect();
    while let Some(effect) = queue.pop_front() {
        for next in perform(effect) {
            queue.extend(app.update(next));
        }
    }
    first
}

/// [`dispatch_with`] with this module's IO; with no `jobs`, background
/// work runs at once and an external editor is refused.
pub fn dispatch(app: &mut App, io: &Io, jobs: Option<&Jobs>, action: Action) -> Vec<Effect> {
    dispatch_with(app, action, |e| perform(io, jobs, e))
}

/// Does one effect's IO. With `jobs`, slow work (indexing, a big
/// briefing's entities) runs in the background and its action arrives on
/// the jobs' channel; without, it runs now.
pub fn perform(io: &Io, jobs: Option<&Jobs>, effect: Effect) -> Vec<Action> {
    match effect {
        Effect::Open(request) => vec![open(io, jobs, request)],
        Effect::SaveNotes(mut file) => {
            let id = file.briefing.clone();
            let sent = file.clone();
            let result = io
                .notes
                .sync(&mut file)
                .map(|()| file)
                .map_err(|e| (sent, e.to_string()));
            if let Ok(file) = &result {
                // Search finds the note at once; a failure here only delays that.
                let _ = io.index().set_notes(&id, &file.notes);
            }
            vec![Action::NotesSaved { id, result }]
        }
        Effect::SaveState(state) => match state.save(&io.data_dir) {
            Ok(()) => Vec::new(),
            Err(e) => vec![Action::StateNotSaved(format!(
                "{}: cannot save reading state: {e}",
                io.data_dir.display()
            ))],
        },
        Effect::UpdateIndex { watch } => {
            let (io2, jobs2) = (io.clone(), jobs.cloned());
            in_background(jobs, move || update_index(&io2, jobs2.as_ref(), &watch))
        }
        Effect::ReloadList => vec![Action::StoreChanged(io.index().briefings().unwrap_or_default())],
        Effect::Spread { id, keys } => {
            let io = io.clone();
            in_background(jobs, move || match io.index().spread(&keys) {
                Ok(counts) => Action::Spread { id, counts },
                Err(e) => Action::OpenFailed(e.to_string()),
            })
        }
        Effect::EntityQuery { kind, name } => {
            let io = io.clone();
            in_background(jobs, move || {
                let result = entity_view(&io.index(), kind, &name).map_err(|e| e.to_string());
                Action::EntityResults { kind, name, result }
            })
        }
        Effect::Search(text) => {
            let io = io.clone();
            in_background(jobs, move || {
                let result = query::parse(&text)
                    .map_err(IndexError::from)
                    .and_then(|q| io.index().search(&q, SEARCH_LIMIT))
                    .map_err(|e| e.to_string());
                Action::SearchResults { query: text, result }
            })
        }
        Effect::Correct { edit, undo } => {
            let file = &io.config_file;
            let result = match edit.correction() {
                Some(fix) => crate::config::set_correction(file, &fix),
                None => crate::config::remove_correction(file, &edit.name, edit.was),
            };
            vec![Action::Corrected {
                edit,
                undo,
                file: file.clone(),
                result: result.map_err(|e| e.to_string()),
            }]
        }
        Effect::Watch { name, kind } => {
            let result =
                crate::config::add_to_watchlist(&io.config_file, &name, kind).map_err(|e| e.to_string());
            vec![Action::Watched {
                name,
                on: true,
                file: io.config_file.clone(),
                result,
            }]
        }
        Effect::Unwatch { name, kind } => {
            let result =
                crate::config::remove_from_watchlist(&io.config_file, &name, kind).map_err(|e| e.to_string());
            vec![Action::Watched {
                name,
                on: false,
                file: io.config_file.clone(),
                result,
            }]
        }
        Effect::Suspend => Vec::new(),
        Effect::ExportNotes(path) => vec![Action::Exported(export_notes(io, &path))],
        Effect::OpenUrl(url) => match opener::open_browser(&url) {
            Ok(()) => Vec::new(),
            Err(e) => vec![Action::OpenFailed(format!("cannot open {url}: {e}"))],
        },
        Effect::Copy { .. } => vec![Action::Copied(Err(
            "copying needs the reader's terminal".to_owned()
        ))],
        Effect::Recover(file) => vec![Action::Recovered(recover(io, &file))],
        Effect::EditExternally(_) => vec![Action::ExternalEditDone(Err(
            "an external editor needs the reader's terminal".to_owned(),
        ))],
    }
}

/// Reads and analyses a briefing and loads its notes. A big one is shown
/// at once without entities, which a background job then finds.
fn open(io: &Io, jobs: Option<&Jobs>, request: OpenRequest) -> Action {
    let OpenRequest {
        index,
        id,
        fingerprint,
        path,
        format,
        watch,
    } = request;
    let loaded = match load_file(&path) {
        Ok(l) => l,
        Err(e) => return Action::OpenFailed(e.to_string()),
    };
    let with_path = |e: crate::store::FrontMatterError| format!("{}: {e}", path.display());
    let (analysed, entities_pending) = match jobs {
        Some(jobs) if loaded.text.len() >= BACKGROUND_FROM => {
            let (text, job_id, job_watch) = (loaded.text.clone(), id.clone(), watch.clone());
            jobs.spawn(move || match analyse_with(format, text, &job_watch) {
                Ok(a) => Action::EntitiesFound {
                    id: job_id,
                    analysed: Box::new(a),
                },
                Err(e) => Action::OpenFailed(e.to_string()),
            });
            let body = body_from_text(format, loaded.text).map(|body| Analysed {
                body,
                entities: Vec::new(),
                watched: Vec::new(),
            });
            (body.map_err(with_path), true)
        }
        _ => (
            analyse_with(format, loaded.text, &watch).map_err(with_path),
            false,
        ),
    };
    match analysed {
        Ok(analysed) => Action::Opened(Box::new(Loaded {
            index,
            notes: io
                .notes
                .load_for(&id, Some(&format!("{fingerprint:016x}")), |other| {
                    io.roots
                        .iter()
                        .any(|r| r.join(other).exists() || r.ends_with(other))
                })
                .map_err(|e| e.to_string()),
            id,
            analysed,
            entities_pending,
        })),
        Err(e) => Action::OpenFailed(e),
    }
}

/// Runs `work` as a job when there are jobs, else now.
fn in_background(jobs: Option<&Jobs>, work: impl FnOnce() -> Action + Send + 'static) -> Vec<Action> {
    match jobs {
        Some(jobs) => {
            jobs.spawn(work);
            Vec::new()
        }
        None => vec![work()],
    }
}

/// Brings the index up to date with the files and the notes, reporting
/// progress as it goes. A file-backed index is updated through a
/// connection of its own, so searches and the list stay answered meanwhile.
fn update_index(io: &Io, jobs: Option<&Jobs>, watch: &Watchlist) -> Action {
    let last = Mutex::new(Instant::now());
    let progress = |done: usize, total: usize| {
        let Some(jobs) = jobs else { return };
        let mut last = last.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if last.elapsed() >= PROGRESS_EVERY {
            *last = Instant::now();
            jobs.send(Action::IndexProgress { done, total });
        }
    };
    let own = jobs
        .and_then(|_| Index::open(&io.cache_dir, &io.roots).ok())
        .filter(|i| i.notice().is_none());
    let report = match own {
        Some(mut own) => {
            if let Some(why) = io.index().take_damage() {
                own.note_damage(why);
            }
            let report = own.update(&io.roots, watch, &progress);
            // A damaged file was set aside: the shared connection still
            // reads the old one, so this one takes its place.
            if own.notice().is_some() {
                *io.index() = own;
            }
            report
        }
        None => io.index().update(&io.roots, watch, &progress),
    };
    let result = report.and_then(|report| {
        let mut index = io.index();
        for (id, file) in io.notes.all() {
            if let Ok(file) = file {
                index.set_notes(&id, &file.notes)?;
            }
        }
        Ok(Box::new(Snapshot {
            briefings: index.briefings()?,
            watch_hits: index.watch_hits()?,
            report,
        }))
    });
    Action::IndexUpdated(result.map_err(|e| e.to_string()))
}

/// An entity across the archive: its briefings, timeline and company.
fn entity_view(index: &Index, kind: EntityKind, name: &str) -> Result<Box<EntityView>, IndexError> {
    Ok(Box::new(EntityView {
        briefings: index.entity_briefings(kind, name)?,
        timeline: index.timeline(kind, name)?,
        with: index.co_occurring(kind, name, 8)?,
    }))
}

/// Writes notes that could not be saved where they can be found again: a
/// recovery folder in the data directory, else the temporary directory.
/// The file is a notes file like any other (copy it into the notes folder
/// to restore it).
fn recover(io: &Io, file: &crate::notes::NotesFile) -> Result<PathBuf, String> {
    let mut text = serde_json::to_string_pretty(file).map_err(|e| e.to_string())?;
    text.push('\n');
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = io.notes.file_for(&file.briefing);
    let name = name
        .file_name()
        .map_or_else(|| "notes.json".into(), |n| n.to_string_lossy().into_owned());
    let name = format!("{stamp}-{name}");
    let mut tried = Vec::new();
    for dir in [
        io.data_dir.join("recovered-notes"),
        std::env::temp_dir().join("brief-recovered-notes"),
    ] {
        let path = dir.join(&name);
        match crate::fsutil::write_atomic_with(&path, text.as_bytes(), crate::fsutil::PRIVATE_FILE_MODE) {
            Ok(()) => return Ok(path),
            Err(e) => tried.push(format!("{}: {} ({})", path.display(), e.cause, e.step)),
        }
    }
    Err(format!("cannot write a recovery file: {}", tried.join("; ")))
}

/// Writes every note of the store, with the paragraphs they are on, as
/// Markdown; a relative path is taken from the current folder.
fn export_notes(io: &Io, path: &std::path::Path) -> Result<PathBuf, String> {
    let briefings = crate::store::scan_paths(&io.roots).map_err(|e| e.to_string())?;
    let (text, _) = crate::commands::notes::render(&io.notes, &briefings, crate::cli::ExportFormat::Markdown);
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    crate::fsutil::write_atomic(&path, text.as_bytes())
        .map_err(|e| format!("{}: cannot write the export: {e}", path.display()))?;
    Ok(path)
}
