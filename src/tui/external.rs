//! Hands the note being written to `$VISUAL`/`$EDITOR`, leaving the
//! terminal to it meanwhile, and takes back what it saved.

use crate::app::Action;

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

/// Runs the editor on `text` and answers with its result. If the editor
/// cannot run or fails, the answer says so and the typed text stays.
pub fn edit(terminal: &mut ratatui::DefaultTerminal, text: &str) -> Action {
    Action::ExternalEditDone(run_editor(terminal, text))
}

fn run_editor(terminal: &mut ratatui::DefaultTerminal, text: &str) -> Result<String, String> {
    let file = tempfile::Builder::new()
        .prefix("brief-note-")
        .suffix(".md")
        .tempfile_in(std::env::temp_dir())
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()).map(|()| f))
        .map_err(|e| format!("cannot hand the note to an editor: {e}"))?;
    let argv = editor_command();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
    ratatui::restore();
    let status = std::process::Command::new(&argv[0])
        .args(&argv[1..])
        .arg(file.path())
        .status();
    // Back to the reader's screen (the same terminal, redrawn in full).
    let back = crossterm::terminal::enable_raw_mode().and_then(|()| {
        crossterm::execute!(
            std::io::stdout(),
            crossterm::terminal::EnterAlternateScreen,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            crossterm::event::EnableMouseCapture
        )
    });
    let redraw = super::repaint(terminal);
    if let Err(e) = back.and(redraw) {
        return Err(format!("cannot take the terminal back from the editor: {e}"));
    }
    match status {
        Ok(s) if s.success() => std::fs::read_to_string(file.path())
            .map_err(|e| format!("{}: cannot read the edited note: {e}", file.path().display())),
        Ok(s) => Err(format!("{} exited with {s}; the note is as it was", argv[0])),
        Err(e) => Err(format!("cannot run {}: {e}; the note is as it was", argv[0])),
    }
}
