//! The non-interactive commands: each reads, prints and exits.

pub mod entities;
pub mod list;
pub mod notes;
pub mod read;

use std::io::{self, Write};

/// Writes to stdout; a closed pipe (`brief read x | head`) is not an error.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
