//! The command line: clap types only. Each command lives in `commands/`.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A keyboard-driven terminal reader for briefings, with people, places
/// and organisations highlighted and notes kept on paragraphs.
#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    about,
    long_about = None,
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    /// Folders or files of briefings to open (default: the configured store,
    /// else the bundled sample briefings).
    pub paths: Vec<PathBuf>,

    /// The store to open when no PATH is given.
    #[arg(long, global = true, value_name = "PATH", help_heading = "Global options")]
    pub store: Option<PathBuf>,

    /// Where notes and config.toml live (overrides `$BRIEF_CONFIG_DIR`).
    #[arg(long, global = true, value_name = "DIR", help_heading = "Global options")]
    pub config_dir: Option<PathBuf>,

    /// Where reading state and the sample briefings live (overrides `$BRIEF_DATA_DIR`).
    #[arg(long, global = true, value_name = "DIR", help_heading = "Global options")]
    pub data_dir: Option<PathBuf>,

    /// Where the index of the archive lives (overrides `$BRIEF_CACHE_DIR`).
    #[arg(long, global = true, value_name = "DIR", help_heading = "Global options")]
    pub cache_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print one briefing rendered for the terminal, entities highlighted
    /// (with config.toml's [[corrections]]).
    Read(ReadArgs),
    /// Print the entities of a briefing (or of stdin with '-') as JSON Lines
    /// (with config.toml's [[corrections]]).
    Entities(EntitiesArgs),
    /// List the briefings of a store: date, source, title, notes count.
    List(ListArgs),
    /// Search every briefing and note of the store: words, "phrases",
    /// prefix*, AND/OR/NOT, and person: org: place: group: source: tag:
    /// after: before: filters.
    Search(SearchArgs),
    /// Build or update the store's index (never required: every command
    /// keeps it current) and say what changed.
    Index(IndexArgs),
    /// Notes kept on paragraphs.
    #[command(subcommand)]
    Notes(NotesCommand),
    /// Show the configuration, and list the corrections in force.
    Config {
        /// Print the built-in defaults (a starting point for config.toml).
        #[arg(long)]
        default: bool,
        /// List every action with its keys (as configured) and what it does.
        #[arg(long, conflicts_with = "default")]
        keys: bool,
    },
    /// Print the manual page (roff), e.g. `brief man | man -l -`.
    Man,
    /// Print shell completions.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct ReadArgs {
    /// The briefing file (.md, .markdown or .txt).
    pub file: PathBuf,
    /// Wrap to this many columns (default: the terminal's width, else 80).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub width: Option<u16>,
    /// Colour entities and styles.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, clap::Args)]
pub struct EntitiesArgs {
    /// The briefing file, or '-' to read plain text from stdin. Offsets are
    /// Unicode scalar (char) offsets into the text after front matter (for
    /// '-': into stdin as given). With --index: the folder (default: the store).
    #[arg(required_unless_present = "index")]
    pub file: Option<PathBuf>,
    /// Print which briefings mention each entity, as JSON.
    #[arg(long)]
    pub index: bool,
    /// Add to each record the rule that decided it ("rule") and what it
    /// saw ("evidence": a cue word, the list that knew it, a mention).
    #[arg(long, conflicts_with = "index")]
    pub explain: bool,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Folder or file to list (default: the store).
    pub path: Option<PathBuf>,
    /// One JSON object per line instead of columns.
    #[arg(long)]
    pub json: bool,
    /// Only the briefings not read yet.
    #[arg(long, conflicts_with = "starred")]
    pub unread: bool,
    /// Only the starred briefings.
    #[arg(long)]
    pub starred: bool,
}

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query, e.g. 'witkoff AND "peace plan" after:2026-11 source:wire'.
    pub query: String,
    /// Folders or files to search (default: the store).
    pub paths: Vec<PathBuf>,
    /// One JSON object per result instead of text.
    #[arg(long)]
    pub json: bool,
    /// At most this many results.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Search the index as it is, without first looking for changed files
    /// (for scripts that have just run `brief index`).
    #[arg(long)]
    pub no_update: bool,
}

#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// Folders or files to index (default: the store).
    pub paths: Vec<PathBuf>,
    /// Forget the index of this store and build it again.
    #[arg(long)]
    pub rebuild: bool,
}

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// Print every note, grouped by briefing, with the paragraph it annotates.
    Export {
        /// The store's folders or files (default: the store); notes belong
        /// to a store, so these say whose notes are exported.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}
