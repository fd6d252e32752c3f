//! Packs the plain-text lists into one hash table embedded in the binary:
//! the gazetteers of `assets/gazetteer/` (names, places, organisations…)
//! and the closed word classes of `assets/lexicon/` (org heads, months,
//! person cues…). A word's every flag and class is one hash and a probe or
//! two, and start-up builds nothing.
//!
//! Output (in `OUT_DIR`), whose layout `src/entities/gazetteer.rs` reads:
//!
//! - `lexicon.keys`: every key's bytes, sorted;
//! - `lexicon.entries`: per key a u32 offset, u16 gazetteer flags, u8
//!   length and u8 index into the class sets, little endian;
//! - `lexicon.slots`: open addressing, linear probing by
//!   `src/entities/lexicon_hash.rs` (compiled here too); per slot a u32,
//!   the entry index + 1 in the low 24 bits (0 when empty) and the hash's
//!   top byte above, so a probe reads no entry that cannot match;
//! - `lexicon_tables.rs`: the distinct word-class sets (0 the empty set),
//!   and per first byte and length, then per last byte and length, the
//!   classes some word of that shape has, so most words are ruled out of a
//!   class without a probe;
//! - `lexicon_keywords.rs`: the words a date or number may start with, for
//!   `numeric.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The flag bits and the list files, from the file the engine reads them
/// with.
#[path = "src/entities/lexicon_flags.rs"]
mod flags;

/// The engine's own hash, so that the table and its lookups cannot drift.
#[path = "src/entities/lexicon_hash.rs"]
mod lexicon_hash;

/// A key's gazetteer flags and word classes.
type Table = BTreeMap<Vec<u8>, (u16, u64)>;

fn main() {
    let mut table = Table::new();
    read_gazetteers(&mut table);
    read_lexicon(&mut table);
    write_table(&table);
    write_keywords(&table);
    bundle_briefings();
}

/// The entries of a list file: trimmed, without blank and `#` lines.
fn list_entries(path: &Path) -> Vec<String> {
    println!("cargo:rerun-if-changed={}", path.display());
    let Ok(text) = fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .map(str::trim)
        .filter(|e| !e.is_empty() && !e.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn read_gazetteers(table: &mut Table) {
    let dir = Path::new("assets/gazetteer");
    println!("cargo:rerun-if-changed=assets/gazetteer");
    for (name, flag) in flags::GAZETTEER_FILES {
        for entry in list_entries(&dir.join(name)) {
            if entry.contains('\t') {
                continue;
            }
            // Internal runs of white space become one space, as the
            // recogniser joins tokens with one space. Every proper word
            // prefix ("United" of "United States") is marked: a longer name
            // may start there.
            let key = entry.split_whitespace().collect::<Vec<_>>().join(" ");
            for (i, c) in key.char_indices() {
                if c == ' ' || c == '-' {
                    table.entry(key.as_bytes()[..i].to_vec()).or_default().0 |= flags::PREFIX;
                }
            }
            table.entry(key.into_bytes()).or_default().0 |= flag;
        }
    }
}

/// The word lists: one word a line, matched exactly as written. They mark
/// no prefixes ("son-in-law" starts no longer name).
fn read_lexicon(table: &mut Table) {
    let dir = Path::new("assets/lexicon");
    println!("cargo:rerun-if-changed=assets/lexicon");
    for (name, class) in flags::LEXICON_FILES {
        let path = dir.join(name);
        assert!(
            path.exists(),
            "{} is missing: lexicon_flags.rs lists it",
            path.display()
        );
        for word in list_entries(&path) {
            assert!(
                !word.contains(char::is_whitespace),
                "{}: {word:?} has white space inside; a lexicon entry is one word",
                path.display()
            );
            table.entry(word.into_bytes()).or_default().1 |= class;
        }
    }
}

fn write_table(table: &Table) {
    let mut class_sets: Vec<u64> = vec![0];
    let mut keys = Vec::new();
    let mut entries = Vec::new();
    let mut shapes = vec![0u64; 2 * 64 * 16];
    let capacity = (table.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![0u32; capacity];
    for (index, (key, &(flags, classes))) in table.iter().enumerate() {
        let offset = u32::try_from(keys.len()).expect("lexicon under 4 GiB");
        let len = u8::try_from(key.len())
            .unwrap_or_else(|_| panic!("{:?} is over 255 bytes", String::from_utf8_lossy(key)));
        let set = class_sets.iter().position(|&s| s == classes).unwrap_or_else(|| {
            class_sets.push(classes);
            class_sets.len() - 1
        });
        let set = u8::try_from(set).expect("at most 256 distinct word-class sets");
        entries.extend_from_slice(&offset.to_le_bytes());
        entries.extend_from_slice(&flags.to_le_bytes());
        entries.push(len);
        entries.push(set);
        keys.extend_from_slice(key);
        if let (Some(&first), Some(&last)) = (key.first(), key.last()) {
            shapes[shape(first, key.len())] |= classes;
            shapes[64 * 16 + shape(last, key.len())] |= classes;
        }
        let hash = lexicon_hash::hash(key);
        let mut slot = (hash as usize) & (capacity - 1);
        while slots[slot] != 0 {
            slot = (slot + 1) & (capacity - 1);
        }
        let index = u32::try_from(index + 1).expect("under 4 billion entries");
        assert!(index < 1 << 24, "the lexicon has over 16 million entries");
        slots[slot] = index | (((hash >> 56) as u32) << 24);
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let slot_bytes: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
    fs::write(out.join("lexicon.keys"), keys).expect("write lexicon.keys");
    fs::write(out.join("lexicon.entries"), entries).expect("write lexicon.entries");
    fs::write(out.join("lexicon.slots"), slot_bytes).expect("write lexicon.slots");
    let mut code = String::from(
        "/// The distinct word-class sets entries point to; 0 is the empty set.\n\
         #[allow(clippy::unreadable_literal)] // generated bit sets\n\
         static CLASS_SETS: [u64; 256] = [",
    );
    for set in class_sets.iter().chain(std::iter::repeat(&0)).take(256) {
        let _ = write!(code, "{set:#x}, ");
    }
    code.push_str("];\n");
    code.push_str(
        "/// Per first byte (low six bits) and length (15 for any longer), then per\n\
         /// last byte and length: the word classes some word of that shape has.\n\
         #[allow(clippy::unreadable_literal)] // generated bit sets\n\
         static SHAPES: [[u64; 1024]; 2] = [\n",
    );
    for half in shapes.chunks(1024) {
        code.push_str("    [");
        for (i, s) in half.iter().enumerate() {
            let _ = write!(code, "{}{s:#x},", if i % 8 == 0 { "\n        " } else { " " });
        }
        code.push_str("\n    ],\n");
    }
    code.push_str("];\n");
    fs::write(out.join("lexicon_tables.rs"), code).expect("write lexicon_tables.rs");
}

/// The shape filter's index of a word: its first (or last) byte's low six
/// bits and its length (15 for any longer). Must match `gazetteer.rs`.
fn shape(first: u8, len: usize) -> usize {
    usize::from(first & 63) * 16 + len.min(15)
}

/// The words a date or number may start with, for `numeric.rs`' filter:
/// every word of the classes it reads, and each month with a stop.
fn write_keywords(table: &Table) {
    use flags::class;
    let mut code = String::from(
        "/// Every word `numeric::at_word` reads (generated by `build.rs`).\npub(super) const KEYWORDS: &[&str] = &[\n",
    );
    for (key, &(_, classes)) in table {
        let word = String::from_utf8_lossy(key);
        if classes & flags::DATE_NUMBER_OPENERS != 0 {
            let _ = writeln!(code, "    {word:?},");
        }
        if classes & class::MONTH != 0 {
            let _ = writeln!(code, "    \"{word}.\",");
        }
    }
    code.push_str("];\n");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("lexicon_keywords.rs"), code).expect("write lexicon_keywords.rs");
}

/// Embeds every file of `assets/briefings/` so that `brief` works from any
/// folder: a generated slice of (file name, bytes).
fn bundle_briefings() {
    let dir = Path::new("assets/briefings");
    println!("cargo:rerun-if-changed=assets/briefings");
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut code = String::from(
        "/// Bundled sample briefings: (file name, contents).\npub static BUNDLED: &[(&str, &[u8])] = &[\n",
    );
    for n in &names {
        let path = Path::new(&root).join(dir).join(n);
        let _ = writeln!(
            code,
            "    ({n:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("bundled.rs"), code).expect("write bundled.rs");
}
