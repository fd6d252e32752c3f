//! The non-interactive commands: each reads, prints and exits.

pub mod archive;
pub mod entities;
pub mod index;
pub mod list;
pub mod notes;
pub mod read;
pub mod search;

use std::io::{self, Write};

/// Writes to stdout; a closed pipe (`brief read x | head`) is not an error.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    ignore_broken_pipe(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// The outcome of writing a command's output: a closed pipe (`brief read x
/// | head`) means the reader has seen enough, which is not an error.
pub fn ignore_broken_pipe(written: io::Result<()>) -> anyhow::Result<()> {
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// `brief config --keys`: every action's name (as `[keys]` spells it), its
/// keys and what it does, one per line.
pub fn keys_table(keymap: &crate::keymap::Keymap) -> String {
    use crate::app::Command;
    use std::fmt::Write as _;
    let rows: Vec<(String, String, &str)> = Command::ALL
        .iter()
        .map(|&c| (c.id(), keymap.label(c), c.describe()))
        .collect();
    let id_width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let key_width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (id, keys, what) in rows {
        let pad = key_width.saturating_sub(keys.chars().count());
        let _ = writeln!(out, "{id:<id_width$}  {keys}{}  {what}", " ".repeat(pad));
    }
    out
}

/// `brief config`'s list of the corrections in force, as TOML comments
/// (the output stays a valid config file); empty when there are none.
pub fn corrections_list(corrections: &[crate::entities::corrections::Correction]) -> String {
    use std::fmt::Write as _;
    if corrections.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n# {} in force (x and K in the Entities pane add them, u undoes):\n",
        match corrections.len() {
            1 => "1 correction".to_owned(),
            n => format!("{n} corrections"),
        }
    );
    for c in corrections {
        let _ = writeln!(out, "#   {}", crate::sanitize::sanitize(&c.to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_pipe_is_success_and_other_errors_are_not() {
        assert!(ignore_broken_pipe(Ok(())).is_ok());
        assert!(ignore_broken_pipe(Err(io::ErrorKind::BrokenPipe.into())).is_ok());
        let err = ignore_broken_pipe(Err(io::ErrorKind::StorageFull.into())).unwrap_err();
        assert_eq!(
            err.downcast_ref::<io::Error>().map(io::Error::kind),
            Some(io::ErrorKind::StorageFull)
        );
    }
}
