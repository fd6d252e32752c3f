//! `brief entities FILE|-`: entities as JSON Lines with char offsets.

use crate::analysis::{Analysed, analyse};
use crate::cli::EntitiesArgs;
use crate::entities::char_offsets;
use crate::store::{Format, StoreError, from_bytes, load_file};
use std::io::Read;

/// One output record; offsets are char offsets (SPEC §4.4).
#[derive(serde::Serialize)]
struct Record<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    text: &'a str,
}

pub fn run(args: &EntitiesArgs) -> anyhow::Result<()> {
    let (analysed, name) = if args.file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        let loaded = from_bytes(bytes);
        if loaded.lossy {
            eprintln!("brief: warning: stdin: invalid UTF-8 replaced with U+FFFD");
        }
        // Stdin is plain text: offsets are into it exactly as given.
        let a = analyse(Format::Text, &loaded.text).map_err(|e| anyhow::anyhow!("stdin: {e}"))?;
        (a, "stdin".to_owned())
    } else {
        let loaded = load_file(&args.file)?;
        if loaded.lossy {
            eprintln!(
                "brief: warning: {}: invalid UTF-8 replaced with U+FFFD",
                args.file.display()
            );
        }
        let format = Format::from_path(&args.file).unwrap_or(Format::Text);
        let a = analyse(format, &loaded.text).map_err(|source| StoreError::FrontMatter {
            path: args.file.clone(),
            source,
        })?;
        (a, args.file.display().to_string())
    };
    let _ = name;
    super::print(&json_lines(&analysed)?)
}

/// The JSON Lines text for a briefing's entities.
pub fn json_lines(a: &Analysed) -> anyhow::Result<String> {
    let text = &a.body.text;
    let mut out = String::new();
    for (e, (start, end)) in a.entities.iter().zip(char_offsets(text, &a.entities)) {
        let record = Record {
            start,
            end,
            label: e.kind.as_str(),
            text: e.text(text),
        };
        out.push_str(&serde_json::to_string(&record)?);
        out.push('\n');
    }
    Ok(out)
}
