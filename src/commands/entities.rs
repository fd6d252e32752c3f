//! `brief entities FILE|-`: entities as JSON Lines with char offsets.

use crate::analysis::{Analysed, analyse_with};
use crate::cli::EntitiesArgs;
use crate::entities::char_offsets;
use crate::entities::watch::Watchlist;
use crate::store::{Format, StoreError, from_bytes, load_file};
use std::borrow::Cow;
use std::io::{Read, Write};

/// `corrections`: the user's `[[corrections]]` (no watched names).
pub fn run(args: &EntitiesArgs, corrections: &Watchlist) -> anyhow::Result<()> {
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
        analyse_with(Format::Text, loaded.text, corrections).map_err(|e| anyhow::anyhow!("stdin: {e}"))?
    } else {
        let loaded = load_file(file)?;
        if loaded.lossy {
            eprintln!(
                "brief: warning: {}: invalid UTF-8 replaced with U+FFFD",
                crate::sanitize::sanitize(&file.display().to_string())
            );
        }
        let format = Format::from_path(file).unwrap_or(Format::Text);
        analyse_with(format, loaded.text, corrections).map_err(|cause| StoreError::FrontMatter {
            path: file.clone(),
            cause,
        })?
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if args.explain {
        write_explained(&analysed, &mut out)
    } else {
        write_json_lines(&analysed, &mut out)
    };
    super::ignore_broken_pipe(written.and_then(|()| out.flush()))
}

/// `brief entities --index`: the store's entity index as one JSON document,
/// from the archive's index (brought up to date first).
pub fn index(
    cache: &std::path::Path,
    roots: &[std::path::PathBuf],
    watch: &crate::entities::watch::Watchlist,
) -> anyhow::Result<()> {
    let (mut index, _) = super::archive::open_current(cache, roots, watch, true)?;
    let (records, briefings) = super::archive::read_mending(&mut index, roots, watch, |i| {
        Ok((i.entity_records()?, i.briefing_count()?))
    })?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    super::ignore_broken_pipe(write_index(&mut out, briefings, &records).and_then(|()| out.flush()))
}

/// The index as one pretty JSON document, written a record at a time (the
/// same text `serde_json::to_string_pretty` gives for the whole, without
/// holding it): a 10,000-briefing archive has tens of thousands of records.
/// Names come from the briefings: inert on a terminal, still lossless.
fn write_index(
    out: &mut impl Write,
    briefings: usize,
    records: &[crate::entities::index::IndexRecord],
) -> std::io::Result<()> {
    write!(out, "{{\n  \"briefings\": {briefings},\n  \"entities\": ")?;
    if records.is_empty() {
        return writeln!(out, "[]\n}}");
    }
    writeln!(out, "[")?;
    for (i, record) in records.iter().enumerate() {
        // Through a `Value`: its keys in alphabetical order, as ever.
        let value = serde_json::to_value(record).map_err(std::io::Error::other)?;
        let json = serde_json::to_string_pretty(&value).map_err(std::io::Error::other)?;
        let json = crate::sanitize::inert_json(&json);
        for (n, line) in json.lines().enumerate() {
            if n > 0 {
                writeln!(out)?;
            }
            write!(out, "    {line}")?;
        }
        writeln!(out, "{}", if i + 1 < records.len() { "," } else { "" })?;
    }
    writeln!(out, "  ]\n}}")
}

/// Writes a briefing's entities as JSON Lines, a few kilobytes at a time
/// (the output of a 10 MB briefing is never held whole). Each line is
/// `{"start":S,"end":E,"label":"KIND","text":"…"}`, offsets in chars
/// (SPEC §4.4), written by hand with the escaping `serde_json` uses, made
/// inert on a terminal as every JSON output is (`inert_json`).
pub fn write_json_lines(a: &Analysed, out: &mut impl Write) -> std::io::Result<()> {
    write_records(a, out, false)
}

/// [`write_json_lines`] with `"rule"` and `"evidence"` in each record
/// (`brief entities --explain`).
pub fn write_explained(a: &Analysed, out: &mut impl Write) -> std::io::Result<()> {
    write_records(a, out, true)
}

fn write_records(a: &Analysed, out: &mut impl Write, explain: bool) -> std::io::Result<()> {
    /// Lines are handed to `out` in batches of about this size.
    const BATCH: usize = 32 * 1024;
    let text = &a.body.text;
    let mut batch = Vec::with_capacity(BATCH + 256);
    for (e, (start, end)) in a.entities.iter().zip(char_offsets(text, &a.entities)) {
        batch.extend_from_slice(b"{\"start\":");
        push_decimal(&mut batch, start);
        batch.extend_from_slice(b",\"end\":");
        push_decimal(&mut batch, end);
        // Kinds are plain capitals: nothing to escape.
        batch.extend_from_slice(b",\"label\":\"");
        batch.extend_from_slice(e.kind.as_str().as_bytes());
        batch.extend_from_slice(b"\",\"text\":");
        push_json_string(&mut batch, e.text(text));
        if explain {
            // Rule ids are plain ASCII; evidence is the briefing's text.
            batch.extend_from_slice(b",\"rule\":\"");
            batch.extend_from_slice(e.rule().as_bytes());
            batch.extend_from_slice(b"\",\"evidence\":");
            push_json_string(&mut batch, &crate::entities::explain::evidence(text, e));
        }
        batch.extend_from_slice(b"}\n");
        if batch.len() >= BATCH {
            out.write_all(&batch)?;
            batch.clear();
        }
    }
    out.write_all(&batch)
}

/// "00" to "99", for writing numbers two digits at a time.
static DIGIT_PAIRS: [u8; 200] = {
    let mut pairs = [0; 200];
    let mut i = 0;
    while i < 100 {
        pairs[2 * i] = b'0' + (i / 10) as u8;
        pairs[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    pairs
};

fn push_decimal(out: &mut Vec<u8>, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n as u64;
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        let pair = n as usize * 2;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    } else {
        at -= 1;
        digits[at] = b'0' + n as u8;
    }
    out.extend_from_slice(&digits[at..]);
}

/// `s` as a JSON string: quote, backslash and control chars escaped
/// (`\n`, `\t`… or `\u00XX`) as `serde_json` does, then DEL, C1, bidi and
/// invisible characters as `\uXXXX` (see `inert_json`).
fn push_json_string(out: &mut Vec<u8>, s: &str) {
    let start = out.len();
    push_serde_escaped(out, s);
    // Only text beyond printable ASCII can hold what the terminal must not
    // see raw; it is rare, and the written string is short.
    if !s.bytes().all(|b| b < 0x7f) {
        let Ok(Cow::Owned(inert)) = std::str::from_utf8(&out[start..]).map(crate::sanitize::inert_json)
        else {
            return;
        };
        out.truncate(start);
        out.extend_from_slice(inert.as_bytes());
    }
}

/// `s` as a JSON string exactly as `serde_json` writes it.
fn push_serde_escaped(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.push(b'"');
    if bytes.iter().all(|&b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\n' => b'n',
            b'\t' => b't',
            b'\r' => b'r',
            0x08 => b'b',
            0x0c => b'f',
            0..0x20 => b'u',
            _ => continue,
        };
        out.extend_from_slice(&bytes[from..i]);
        out.push(b'\\');
        out.push(short);
        if short == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
        }
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_does() {
        for s in [
            "plain",
            "",
            "quote \" and \\ backslash",
            "lines\nand\ttabs\r\u{8}\u{c}",
            "\u{0}\u{1}\u{1f} controls",
            "Zürich – “Kyiv” 東京 😀 ❤\u{fe0f} 👨\u{200d}👩 می\u{200c}خواهم",
        ] {
            let mut mine = Vec::new();
            push_json_string(&mut mine, s);
            assert_eq!(
                String::from_utf8(mine).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    #[test]
    fn hostile_strings_are_escaped_as_every_json_output_does() {
        for s in [
            "\u{7f} and \u{85}\u{9b} C1",
            "x\u{1b}]0;PWN\u{7} \u{202e}evil\u{2066} \u{200f}",
            "ok\u{e0068}\u{e0069} \u{2060}\u{ad}\u{2028} a\u{200d}b \"\\",
        ] {
            let mut mine = Vec::new();
            push_json_string(&mut mine, s);
            let mine = String::from_utf8(mine).unwrap();
            let serde = serde_json::to_string(s).unwrap();
            assert_eq!(mine, crate::sanitize::inert_json(&serde));
            assert!(!mine.chars().any(crate::sanitize::is_unsafe), "{mine}");
            assert_eq!(serde_json::from_str::<String>(&mine).unwrap(), s);
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 100, 101, 999, 1000, 123_456_789, usize::MAX] {
            let mut mine = Vec::new();
            push_decimal(&mut mine, n);
            assert_eq!(String::from_utf8(mine).unwrap(), n.to_string());
        }
    }

    /// What each line was before it was written by hand.
    #[derive(serde::Serialize)]
    struct Record<'a> {
        start: usize,
        end: usize,
        label: &'static str,
        text: &'a str,
    }

    #[test]
    fn records_are_the_lines_serde_json_writes() {
        let a = crate::analysis::analyse(
            crate::store::Format::Text,
            "Zürich said \"Witkoff\" met Putin on Tuesday.\tThe \\ U.S. paid $4 million.".to_owned(),
        )
        .unwrap();
        assert!(a.entities.len() >= 4);
        let mut out = Vec::new();
        write_json_lines(&a, &mut out).unwrap();
        let mut expected = String::new();
        for (e, (start, end)) in a.entities.iter().zip(char_offsets(&a.body.text, &a.entities)) {
            let record = Record {
                start,
                end,
                label: e.kind.as_str(),
                text: e.text(&a.body.text),
            };
            expected.push_str(&serde_json::to_string(&record).unwrap());
            expected.push('\n');
        }
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
