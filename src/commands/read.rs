//! `brief read FILE`: one briefing, laid out for the terminal.

use crate::analysis::analyse;
use crate::cli::{ColorChoice, ReadArgs};
use crate::layout::{Line, Role, Seg, Style, for_each_line};
use crate::render::write_line;
use crate::sanitize::sanitize;
use crate::store::{Format, StoreError, load_file};
use std::io::{IsTerminal, Write};

/// Colour on when asked, or on a terminal without `NO_COLOR`.
pub fn use_colour(choice: ColorChoice, is_tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

pub fn run(args: &ReadArgs) -> anyhow::Result<()> {
    let loaded = load_file(&args.file)?;
    if loaded.lossy {
        eprintln!(
            "brief: warning: {}: invalid UTF-8 replaced with U+FFFD",
            args.file.display()
        );
    }
    let format = Format::from_path(&args.file).unwrap_or(Format::Text);
    let analysed = analyse(format, loaded.text).map_err(|source| StoreError::FrontMatter {
        path: args.file.clone(),
        source,
    })?;
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let colour = use_colour(args.color, tty);
    let width = args
        .width
        .map(usize::from)
        .or_else(|| {
            tty.then(|| crossterm::terminal::size().ok().map(|(w, _)| usize::from(w)))
                .flatten()
        })
        .unwrap_or(80);

    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut buf = String::with_capacity(1 << 16);
    let header = header_lines(format, &args.file);
    for line in &header {
        write_line(&mut buf, line, colour);
    }
    let mut failed = None;
    for_each_line(&analysed.body.document, &analysed.entities, width, |_, lines| {
        if failed.is_some() {
            return;
        }
        for line in &lines {
            write_line(&mut buf, line, colour);
        }
        if buf.len() > 1 << 15 {
            if let Err(e) = out.write_all(buf.as_bytes()) {
                failed = Some(e);
            }
            buf.clear();
        }
    });
    let result = match failed {
        Some(e) => Err(e),
        None => out.write_all(buf.as_bytes()).and_then(|()| out.flush()),
    };
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// A Markdown briefing's front matter title and byline, which its body
/// does not repeat.
fn header_lines(format: Format, path: &std::path::Path) -> Vec<Line> {
    if format != Format::Markdown {
        return Vec::new();
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let Ok(split) = crate::store::split_front_matter(&text) else {
        return Vec::new();
    };
    let f = split.front;
    let mut lines = Vec::new();
    if let Some(title) = &f.title {
        lines.push(Line {
            segs: vec![Seg {
                text: sanitize(title).into_owned(),
                style: Style {
                    role: Role::Heading(1),
                    strong: true,
                    ..Style::default()
                },
            }],
            block: None,
        });
    }
    let byline: Vec<&str> = [f.date.as_deref(), f.source.as_deref(), f.author.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !byline.is_empty() {
        lines.push(Line {
            segs: vec![Seg {
                text: sanitize(&byline.join(" \u{b7} ")).into_owned(),
                style: Style {
                    role: Role::Marker,
                    ..Style::default()
                },
            }],
            block: None,
        });
    }
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines
}
