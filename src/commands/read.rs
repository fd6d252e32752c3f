//! `brief read FILE`: one briefing, laid out for the terminal.

use crate::analysis::analyse_with;
use crate::cli::{ColorChoice, ReadArgs};
use crate::entities::watch::Watchlist;
use crate::layout::{Line, Role, Seg, Style, for_blocks, link_lines};
use crate::sanitize::sanitize;
use crate::store::{Format, StoreError, load_file};
use crate::ui::ansi::write_line;
use std::io::{IsTerminal, Write};

/// Chunks a big briefing is laid out in (see `run`): enough that the
/// helper thread's buffered output stays small, few enough that handing
/// chunks over costs nothing.
const CHUNKS: usize = 16;

/// Colour on when asked, or on a terminal without `NO_COLOR`.
pub fn use_colour(choice: ColorChoice, is_tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// `corrections`: the user's `[[corrections]]` (no watched names).
pub fn run(args: &ReadArgs, corrections: &Watchlist) -> anyhow::Result<()> {
    let loaded = load_file(&args.file)?;
    if loaded.lossy {
        eprintln!(
            "brief: warning: {}: invalid UTF-8 replaced with U+FFFD",
            sanitize(&args.file.display().to_string())
        );
    }
    let format = Format::from_path(&args.file).unwrap_or(Format::Text);
    let analysed =
        analyse_with(format, loaded.text, corrections).map_err(|cause| StoreError::FrontMatter {
            path: args.file.clone(),
            cause,
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

    // The document holds ranges of the source, not a copy: layout reads
    // the runs' text from it.
    let big = analysed.body.text.len() >= 1 << 20;
    let source = analysed.body.text.as_str();
    let doc = &analysed.body.document;
    let entities = &analysed.entities;
    let blocks = doc.blocks.len();
    // A big briefing is laid out on two threads, in chunks taken in turn:
    // the helper renders every other chunk into memory while the chunk
    // before it streams out. It runs at most a chunk ahead, so a 10 MB
    // briefing never holds more than a couple of chunks of output.
    let two = big && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    let chunk = if two { blocks.div_ceil(CHUNKS) } else { blocks }.max(1);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result: std::io::Result<()> = std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<String>(1);
        let helper = two.then(|| {
            scope.spawn(move || {
                for start in (chunk..blocks).step_by(2 * chunk) {
                    let mut text = String::new();
                    let range = start..(start + chunk).min(blocks);
                    for_blocks(doc, source, entities, width, range, &mut |_, lines| {
                        for line in &lines {
                            write_line(&mut text, line, colour);
                        }
                    });
                    // A closed channel: the writer stopped (broken pipe).
                    if tx.send(text).is_err() {
                        break;
                    }
                }
            })
        });
        let mut buf = String::with_capacity(1 << 16);
        for line in &header_lines(format, &args.file) {
            write_line(&mut buf, line, colour);
        }
        for (n, start) in (0..blocks).step_by(chunk).enumerate() {
            if helper.is_some() && n % 2 == 1 {
                let text = rx
                    .recv()
                    .map_err(|_| std::io::Error::other("layout thread failed"))?;
                out.write_all(buf.as_bytes())?;
                buf.clear();
                out.write_all(text.as_bytes())?;
                continue;
            }
            let mut failed = None;
            let range = start..(start + chunk).min(blocks);
            for_blocks(doc, source, entities, width, range, &mut |_, lines| {
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
            if let Some(e) = failed {
                return Err(e);
            }
        }
        out.write_all(buf.as_bytes())?;
        if let Some(handle) = helper {
            handle
                .join()
                .map_err(|_| std::io::Error::other("layout thread failed"))?;
        }
        let mut tail = String::new();
        for line in &link_lines(doc, width) {
            write_line(&mut tail, line, colour);
        }
        out.write_all(tail.as_bytes())?;
        out.flush()
    });
    super::ignore_broken_pipe(result)
}

/// A Markdown briefing's front matter title and byline, which its body
/// does not repeat.
fn header_lines(format: Format, path: &std::path::Path) -> Vec<Line> {
    if format != Format::Markdown {
        return Vec::new();
    }
    // Front matter sits at the top: the head of the file is enough.
    let mut head = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, 64 * 1024), &mut head));
    if read.is_err() {
        return Vec::new();
    }
    let text = String::from_utf8_lossy(&head);
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
