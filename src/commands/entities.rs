//! `brief entities FILE|-`: entities as JSON Lines with char offsets.

use crate::analysis::{Analysed, analyse};
use crate::cli::EntitiesArgs;
use crate::entities::char_offsets;
use crate::store::{Format, StoreError, from_bytes, load_file};
use std::io::{Read, Write};

/// One output record; offsets are char offsets (SPEC §4.4).
#[derive(serde::Serialize)]
struct Record<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    text: &'a str,
}

pub fn run(args: &EntitiesArgs) -> anyhow::Result<()> {
    let Some(file) = &args.file else {
        anyhow::bail!("give a briefing file, or '-' for stdin");
    };
    let analysed = if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        let loaded = from_bytes(bytes);
        if loaded.lossy {
            eprintln!("brief: warning: stdin: invalid UTF-8 replaced with U+FFFD");
        }
        // Stdin is plain text: offsets are into it exactly as given.
        analyse(Format::Text, loaded.text).map_err(|e| anyhow::anyhow!("stdin: {e}"))?
    } else {
        let loaded = load_file(file)?;
        if loaded.lossy {
            eprintln!(
                "brief: warning: {}: invalid UTF-8 replaced with U+FFFD",
                file.display()
            );
        }
        let format = Format::from_path(file).unwrap_or(Format::Text);
        analyse(format, loaded.text).map_err(|source| StoreError::FrontMatter {
            path: file.clone(),
            source,
        })?
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match write_json_lines(&analysed, &mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// `brief entities --index`: the store's entity index as one JSON document.
pub fn index(
    briefings: &[crate::store::Briefing],
    watch: &crate::entities::watch::Watchlist,
) -> anyhow::Result<()> {
    let index = crate::tui::build_index(briefings, watch);
    let doc = serde_json::json!({
        "briefings": index.briefing_count(),
        "entities": index.records(),
    });
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    super::print(&text)
}

/// Writes a briefing's entities as JSON Lines, one record at a time (the
/// output of a 10 MB briefing is never held whole).
pub fn write_json_lines(a: &Analysed, out: &mut impl Write) -> std::io::Result<()> {
    let text = &a.body.text;
    for (e, (start, end)) in a.entities.iter().zip(char_offsets(text, &a.entities)) {
        let record = Record {
            start,
            end,
            label: e.kind.as_str(),
            text: e.text(text),
        };
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
