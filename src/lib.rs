//! brief: a keyboard-driven terminal reader for briefings.
//!
//! The domain (store, document, entities, layout) knows nothing of the
//! terminal; `cli` and the TUI sit on top of it.

pub mod analysis; // a briefing's body with its entities, ready to lay out
pub mod cli; // clap types
pub mod commands; // read, entities, list
pub mod document; // Document/Block/Inline model and its two parsers
pub mod entities; // entity kinds, recogniser, declared names
pub mod layout; // wrapping a document into display lines (pure)
pub mod paths; // config and data directories
pub mod render; // display lines to ANSI text for `brief read`
pub mod sanitize; // untrusted text made safe for the terminal
pub mod store; // folder scan, front matter, fingerprints
