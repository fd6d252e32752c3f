//! The `brief` binary: parse the command line, resolve directories, run.

use brief::cli::{Cli, Command};
use brief::commands;
use brief::paths::Paths;
use brief::store::bundled;
use clap::{CommandFactory, Parser};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("brief: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The store to open: flag/PATH, then $BRIEF_STORE, else the bundled
/// sample copied into the data directory.
fn default_store(cli: &Cli, paths: &Paths) -> anyhow::Result<PathBuf> {
    if let Some(s) = &cli.store {
        return Ok(s.clone());
    }
    if let Some(s) = std::env::var_os("BRIEF_STORE").filter(|s| !s.is_empty()) {
        return Ok(PathBuf::from(s));
    }
    Ok(bundled::install(&paths.data)?)
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match &cli.command {
        Some(Command::Read(args)) => commands::read::run(args),
        Some(Command::Entities(args)) => commands::entities::run(args),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(*shell, &mut Cli::command(), "brief", &mut std::io::stdout());
            Ok(())
        }
        Some(Command::List(args)) => {
            let paths = Paths::resolve(cli.config_dir.as_deref(), cli.data_dir.as_deref())?;
            let store = if args.path.is_some() {
                PathBuf::new()
            } else {
                default_store(&cli, &paths)?
            };
            commands::list::run(args, &store)
        }
        None => {
            let paths = Paths::resolve(cli.config_dir.as_deref(), cli.data_dir.as_deref())?;
            let store = default_store(&cli, &paths)?;
            anyhow::bail!(
                "the interactive reader is not built yet; try 'brief list {}' or 'brief read FILE'",
                store.display()
            )
        }
    }
}
