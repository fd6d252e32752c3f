//! Packs the plain-text gazetteers in `assets/gazetteer/` into one sorted
//! table embedded in the binary, so looking a name up costs a binary search
//! and start-up builds nothing.
//!
//! Output (in `OUT_DIR`): `gazetteer.bin`, lines `key\tFLAGS\n` sorted by key
//! bytes (FLAGS: 4 hex digits), and `gazetteer.idx`, the little-endian u32
//! offset of every line.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// File name -> flag bit. Must match `src/entities/gazetteer.rs`.
const FILES: &[(&str, u16)] = &[
    ("places.txt", 1),
    ("orgs.txt", 1 << 1),
    ("demonyms.txt", 1 << 2),
    ("given_names.txt", 1 << 3),
    ("given_names_ambiguous.txt", 1 << 4),
    ("surnames.txt", 1 << 5),
    ("surnames_ambiguous.txt", 1 << 6),
    ("titles.txt", 1 << 7),
    ("common_words.txt", 1 << 8),
];

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
            // recogniser joins tokens with one space.
            let key = entry.split_whitespace().collect::<Vec<_>>().join(" ");
            *table.entry(key.into_bytes()).or_insert(0) |= flag;
        }
    }
    let mut bin = Vec::new();
    let mut idx = Vec::new();
    for (key, flags) in &table {
        let offset = u32::try_from(bin.len()).expect("gazetteer under 4 GiB");
        idx.extend_from_slice(&offset.to_le_bytes());
        bin.extend_from_slice(key);
        bin.extend_from_slice(format!("\t{flags:04x}\n").as_bytes());
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("gazetteer.bin"), bin).expect("write gazetteer.bin");
    fs::write(Path::new(&out).join("gazetteer.idx"), idx).expect("write gazetteer.idx");
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
