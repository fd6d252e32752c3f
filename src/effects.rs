//! Performs the app's effects — files, notes, config, background jobs —
//! and turns what they learn into actions. No terminal here: the loop
//! does the one effect that needs it (the external editor), and tests run
//! everything else through [`dispatch`] with a temporary folder.

use crate::analysis::{Analysed, analyse_with, build_index};
use crate::app::{Action, App, Effect, IndexRequest, Loaded, OpenRequest};
use crate::jobs::Jobs;
use crate::notes::NotesStore;
use crate::store::{body_from_text, load_file};
use std::collections::VecDeque;
use std::path::PathBuf;

/// Where effects read and write.
#[derive(Debug, Clone)]
pub struct Io {
    pub notes: NotesStore,
    pub data_dir: PathBuf,
    /// config.toml, where `w` adds to the watchlist.
    pub config_file: PathBuf,
}

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
            let result = io.notes.sync(&mut file).map(|()| file).map_err(|e| e.to_string());
            vec![Action::NotesSaved { id, result }]
        }
        Effect::SaveState(state) => match state.save(&io.data_dir) {
            Ok(()) => Vec::new(),
            Err(e) => vec![Action::StateNotSaved(format!(
                "{}: cannot save reading state: {e}",
                io.data_dir.display()
            ))],
        },
        Effect::IndexEntities(IndexRequest { briefings, watch }) => {
            let work = move || Action::IndexReady(build_index(&briefings, &watch));
            match jobs {
                Some(jobs) => {
                    jobs.spawn(work);
                    Vec::new()
                }
                None => vec![work()],
            }
        }
        Effect::Watch { name, kind } => {
            let result =
                crate::config::add_to_watchlist(&io.config_file, &name, kind).map_err(|e| e.to_string());
            vec![Action::Watched {
                name,
                file: io.config_file.clone(),
                result,
            }]
        }
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
            notes: io.notes.load(&id).map_err(|e| e.to_string()),
            id,
            analysed,
            entities_pending,
        })),
        Err(e) => Action::OpenFailed(e),
    }
}
