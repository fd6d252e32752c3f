//! The `brief` binary: parse the command line, resolve directories, run.

use brief::app::App;
use brief::cli::{Cli, Command, NotesCommand};
use brief::commands;
use brief::config::{Config, DEFAULT_CONFIG};
use brief::effects::Io;
use brief::index::Index;
use brief::notes::NotesStore;
use brief::paths::{DirFlags, Paths};
use brief::reading_state::ReadingState;
use brief::sanitize::{sanitize, sanitize_lines};
use brief::store::{bundled, scan_paths};
use brief::theme::Theme;
use brief::tui::{self, Session};
use clap::{CommandFactory, Parser};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_error(&e),
    };
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Errors name files and quote their contents: a file called
            // `x\e]0;PWN\a.md` must not retitle the terminal.
            eprintln!("brief: {}", sanitize_lines(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

/// Clap quotes a bad argument as given, and on a terminal prints it raw: a
/// file name from a glob can hold an escape. When an argument holds a
/// character the terminal must not get, the message comes from parsing the
/// arguments made visible (the same mistake, quoted safely); every other
/// message is clap's own.
fn clap_error(e: &clap::Error) -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    if e.use_stderr() && args.iter().any(|a| sanitize(a) != a.as_str()) {
        let shown = args.iter().map(|a| sanitize(a).into_owned());
        if let Err(visible) = Cli::try_parse_from(shown) {
            visible.exit()
        }
        // Made visible, the arguments parse: say what clap said, visibly.
        eprint!("{}", sanitize_lines(&e.render().to_string()));
        return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    }
    e.exit()
}

/// The directory flags as given.
fn dir_flags(cli: &Cli) -> DirFlags<'_> {
    DirFlags {
        config: cli.config_dir.as_deref(),
        data: cli.data_dir.as_deref(),
        cache: cli.cache_dir.as_deref(),
    }
}

/// Directories and configuration, resolved once.
struct Setup {
    paths: Paths,
    config: Config,
}

impl Setup {
    fn new(cli: &Cli) -> anyhow::Result<Self> {
        let paths = Paths::resolve(dir_flags(cli))?;
        let config = Config::load(&paths.config_file())?;
        Ok(Self { paths, config })
    }

    /// The store: PATH arguments, --store, `$BRIEF_STORE`, config.toml, else
    /// the bundled sample copied into the data directory.
    fn store_roots(&self, cli: &Cli) -> anyhow::Result<Vec<PathBuf>> {
        if !cli.paths.is_empty() {
            return Ok(cli.paths.clone());
        }
        if let Some(s) = &cli.store {
            return Ok(vec![s.clone()]);
        }
        if let Some(s) = std::env::var_os("BRIEF_STORE").filter(|s| !s.is_empty()) {
            return Ok(vec![PathBuf::from(s)]);
        }
        if let Some(s) = &self.config.store {
            return Ok(vec![s.clone()]);
        }
        Ok(vec![bundled::install(&self.paths.data)?])
    }

    /// The PATH arguments of a subcommand, else the store.
    fn roots_or_store(&self, cli: &Cli, paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
        if paths.is_empty() {
            self.store_roots(cli)
        } else {
            Ok(paths.to_vec())
        }
    }

    /// The notes of the store made of `roots`.
    fn notes(&self, roots: &[PathBuf]) -> NotesStore {
        NotesStore::new(
            self.config
                .notes_dir
                .clone()
                .unwrap_or_else(|| self.paths.notes_dir()),
        )
        .for_store(roots)
    }
}

fn run(cli: &Cli) -> anyhow::Result<()> {
    if cli.command.is_some() && !cli.paths.is_empty() {
        let first = cli.paths[0].display();
        anyhow::bail!(
            "{first}: give folders after the command (as in 'brief search QUERY {first}'), or no command to read them"
        );
    }
    match &cli.command {
        Some(Command::Read(args)) => commands::read::run(args, &corrections(cli)?),
        Some(Command::Entities(args)) if args.index => {
            let cx = Setup::new(cli)?;
            let roots = match &args.file {
                Some(p) => vec![p.clone()],
                None => cx.store_roots(cli)?,
            };
            commands::entities::index(&cx.paths.cache, &roots, &cx.config.watchlist())
        }
        Some(Command::Entities(args)) => commands::entities::run(args, &corrections(cli)?),
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            commands::print(&String::from_utf8_lossy(&page))
        }
        Some(Command::Completions { shell }) => {
            clap_complete::generate(*shell, &mut Cli::command(), "brief", &mut std::io::stdout());
            Ok(())
        }
        Some(Command::Config { keys: true, .. }) => {
            let cx = Setup::new(cli)?;
            commands::print(&commands::keys_table(&cx.config.keymap()))
        }
        Some(Command::Config { default, .. }) => {
            if *default {
                commands::print(DEFAULT_CONFIG)
            } else {
                let paths = Paths::resolve(dir_flags(cli))?;
                let file = paths.config_file();
                let config = Config::load(&file)?;
                let text = std::fs::read_to_string(&file).unwrap_or_else(|_| DEFAULT_CONFIG.to_owned());
                let listed = commands::corrections_list(&config.corrections);
                commands::print(&format!("# {}\n{text}{listed}", file.display()))
            }
        }
        Some(Command::List(args)) => {
            let cx = Setup::new(cli)?;
            let roots = match &args.path {
                Some(p) => vec![p.clone()],
                None => cx.store_roots(cli)?,
            };
            let (state, _) = ReadingState::load(&cx.paths.data);
            commands::list::run(
                args,
                &cx.paths.cache,
                &roots,
                &cx.config.watchlist(),
                &cx.notes(&roots),
                &state,
            )
        }
        Some(Command::Search(args)) => {
            let cx = Setup::new(cli)?;
            let roots = cx.roots_or_store(cli, &args.paths)?;
            commands::search::run(args, &cx.paths.cache, &roots, &cx.config.watchlist())
        }
        Some(Command::Index(args)) => {
            let cx = Setup::new(cli)?;
            let roots = cx.roots_or_store(cli, &args.paths)?;
            commands::index::run(&cx.paths.cache, &roots, &cx.config.watchlist(), args.rebuild)
        }
        Some(Command::Notes(NotesCommand::Export { paths, format })) => {
            let cx = Setup::new(cli)?;
            let roots = cx.roots_or_store(cli, paths)?;
            let briefings = scan_paths(&roots)?;
            commands::notes::export(&cx.notes(&roots), &briefings, *format)
        }
        None => open_reader(cli),
    }
}

/// The user's corrections alone, for `brief read` and `brief entities`
/// (which show what the recogniser finds, the user's word on it included,
/// but no watchlist). With no home directory to find config.toml in: none.
fn corrections(cli: &Cli) -> anyhow::Result<brief::entities::watch::Watchlist> {
    let Ok(paths) = Paths::resolve(dir_flags(cli)) else {
        return Ok(brief::entities::watch::Watchlist::default());
    };
    let config = Config::load(&paths.config_file())?;
    Ok(brief::entities::watch::Watchlist::default().with_corrections(config.corrections()))
}

fn open_reader(cli: &Cli) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    let cx = Setup::new(cli)?;
    let roots = cx.store_roots(cli)?;
    brief::store::check_roots(&roots)?;
    if !std::io::stdout().is_terminal() {
        anyhow::bail!("the reader needs a terminal; use 'brief read FILE' or 'brief list' in pipes");
    }
    // A terminal that cannot move its cursor would get a screenful of escapes.
    if std::env::var("TERM").map_or(true, |t| t.is_empty() || t == "dumb") {
        anyhow::bail!(
            "the reader needs a terminal that can draw ($TERM is unset or 'dumb'); use 'brief read FILE' or 'brief list'"
        );
    }
    let notes = cx.notes(&roots);
    let mut counts = HashMap::new();
    let mut problems = Vec::new();
    for (_, file) in notes.all() {
        match file {
            Ok(f) => {
                counts.insert(f.briefing.clone(), f.notes.len());
            }
            Err(e) => problems.push(format!("{e}")),
        }
    }
    let (state, state_warning) = ReadingState::load(&cx.paths.data);
    // The list comes from the index before any file is read; the update
    // that follows in the background fills in what changed.
    let index = Index::open(&cx.paths.cache, &roots)?;
    let briefings = index.briefings()?;
    let notice = index.notice().map(str::to_owned);
    // `brief FILE` opens that briefing; otherwise the one open at the last quit.
    let single_file = match &cli.paths[..] {
        [one] if one.is_file() => one.file_name().map(|n| n.to_string_lossy().into_owned()),
        _ => None,
    };
    let open_at_start = single_file.or_else(|| state.last.clone());
    let mut app = App::new(briefings, state, counts)
        .with_open_at_start(open_at_start)
        .with_watchlist(cx.config.watchlist())
        .with_wrap_width(usize::from(cx.config.wrap_width))
        .with_warning(state_warning.or(notice).or_else(|| problems.into_iter().next()));
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    // Before the TUI takes the terminal: `auto` asks for its background.
    let theme = Theme::choose(cx.config.theme, no_color, brief::theme::ask_terminal);
    let io = Io {
        notes,
        data_dir: cx.paths.data.clone(),
        config_file: cx.paths.config_file(),
        index: Arc::new(Mutex::new(index)),
        cache_dir: cx.paths.cache.clone(),
        roots: roots.clone(),
    };
    let keymap = cx.config.keymap();
    let session = Session {
        io: &io,
        roots,
        keymap: &keymap,
        theme: &theme,
    };
    tui::run(&mut app, &session)
}
