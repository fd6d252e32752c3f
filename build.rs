//! Packs the plain-text gazetteers in `assets/gazetteer/` into a hash
//! table embedded in the binary: a lookup is one hash and a probe or two,
//! and start-up builds nothing.
//!
//! Output (in `OUT_DIR`): `gazetteer.keys` (every key's bytes, sorted),
//! `gazetteer.entries` (per key: u32 offset, u16 length, u16 flags, little
//! endian) and `gazetteer.slots` (open addressing, linear probing, FNV-1a;
//! u32 entry index + 1 per slot, 0 when empty). The layout must match
//! `src/entities/gazetteer.rs`; the hash is `src/hash.rs`, compiled here too.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The flag bits, from the file the engine reads them with.
#[path = "src/entities/lexicon_flags.rs"]
mod flags;

/// File name -> flag bit.
const FILES: &[(&str, u16)] = &[
    ("places.txt", flags::PLACE),
    ("orgs.txt", flags::ORG),
    ("demonyms.txt", flags::GROUP),
    ("given_names.txt", flags::GIVEN),
    ("given_names_ambiguous.txt", flags::GIVEN_AMBIGUOUS),
    ("surnames.txt", flags::SURNAME),
    ("surnames_ambiguous.txt", flags::SURNAME_AMBIGUOUS),
    ("titles.txt", flags::TITLE),
    ("common_words.txt", flags::COMMON),
    ("countries.txt", flags::COUNTRY),
    ("people.txt", flags::PERSON),
];

/// The engine's own hash, so that the table and its lookups cannot drift.
#[allow(dead_code)] // the engine's `Hasher` is not needed here
#[path = "src/hash.rs"]
mod hash;

fn main() {
    let dir = Path::new("assets/gazetteer");
    println!("cargo:rerun-if-changed=assets/gazetteer");
    let mut table: BTreeMap<Vec<u8>, u16> = BTreeMap::new();
    for (name, flag) in FILES {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        for line in text.lines() {
            let entry = line.trim();
            if entry.is_empty() || entry.starts_with('#') || entry.contains('\t') {
                continue;
            }
            // Internal runs of white space become one space, as the
            // recogniser joins tokens with one space. Every proper word
            // prefix ("United" of "United States") is marked: a longer name
            // may start there.
            let key = entry.split_whitespace().collect::<Vec<_>>().join(" ");
            for (i, c) in key.char_indices() {
                if c == ' ' || c == '-' {
                    *table.entry(key.as_bytes()[..i].to_vec()).or_insert(0) |= flags::PREFIX;
                }
            }
            *table.entry(key.into_bytes()).or_insert(0) |= flag;
        }
    }
    let mut keys = Vec::new();
    let mut entries = Vec::new();
    let capacity = (table.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![0u32; capacity];
    for (index, (key, flags)) in table.iter().enumerate() {
        let offset = u32::try_from(keys.len()).expect("gazetteer under 4 GiB");
        let len = u16::try_from(key.len()).expect("a key under 64 KiB");
        entries.extend_from_slice(&offset.to_le_bytes());
        entries.extend_from_slice(&len.to_le_bytes());
        entries.extend_from_slice(&flags.to_le_bytes());
        keys.extend_from_slice(key);
        let mut slot = (hash::fnv1a(key) as usize) & (capacity - 1);
        while slots[slot] != 0 {
            slot = (slot + 1) & (capacity - 1);
        }
        slots[slot] = u32::try_from(index + 1).expect("under 4 billion entries");
    }
    let slot_bytes: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    fs::write(out.join("gazetteer.keys"), keys).expect("write gazetteer.keys");
    fs::write(out.join("gazetteer.entries"), entries).expect("write gazetteer.entries");
    fs::write(out.join("gazetteer.slots"), slot_bytes).expect("write gazetteer.slots");
    bundle_briefings();
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
