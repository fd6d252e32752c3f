//! brief: a keyboard-driven terminal reader for briefings.
//!
//! The domain (store, document, entities, layout) knows nothing of the
//! terminal; `cli` and the TUI sit on top of it.

// The domain: plain data and pure functions, no terminal.
pub mod analysis; // a briefing's body with its entities, ready to lay out; the store's entity index
pub mod document; // Document/Block/Inline model and its two parsers
pub mod entities; // entity kinds, recogniser, declared names
pub mod index; // the archive: SQLite + FTS5 index of briefings, entities and notes; search
pub mod layout; // wrapping a document into display lines (pure)
pub mod notes; // paragraph notes: anchors, re-anchoring, atomic merge-on-write store, export
pub mod reading_state; // read marks and positions in the data dir
pub mod sanitize; // untrusted text made safe for the terminal, stderr and JSON
pub mod store; // folder scan, front matter, fingerprints

// Settings.
pub mod config; // config.toml, defaults embedded, validation
pub mod keymap; // key bindings <-> commands, per context
pub mod paths; // config and data directories
pub mod theme; // entity kinds and roles -> terminal styles

// The reader: state, IO at its edges, drawing, the terminal loop.
pub mod app; // App state, Action, Effect, update(): the one place state changes
pub mod effects; // performs the app's effects (files, notes, config) as actions
pub mod jobs; // background threads whose results arrive as actions
pub mod tui; // the terminal loop: events in, actions, effects, frames out
pub mod ui; // drawing only: panes, status, help; ANSI text for `brief read`

// The command line.
pub mod cli; // clap types
pub mod commands; // read, entities, list, notes

pub(crate) mod fsutil; // atomic file writes that keep the file's mode and owner
pub(crate) mod hash; // FNV-1a: fingerprints, notes file names, name maps

/// Helpers shared by unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    /// The bodies of every bundled briefing (front matter removed), in file
    /// order, each followed by a blank line.
    pub fn bundled_bodies() -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/briefings");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("assets/briefings")
            .flatten()
            .map(|e| e.path())
            .collect();
        paths.sort();
        let mut out = String::new();
        for p in paths {
            let text = std::fs::read_to_string(&p).expect("a bundled briefing");
            let start = crate::store::split_front_matter(&text).map_or(0, |s| s.body_start);
            out.push_str(&text[start..]);
            out.push_str("\n\n");
        }
        out
    }
}
