//! Engine benchmarks: Markdown parsing, entity recognition, layout and the
//! whole `analyse` step, on about 1 MB of Markdown.
//!
//! Input: `bench-out/corpus/sized-1m.md` when `scripts/bench.sh` has
//! generated it (or the file named by `$BRIEF_BENCH_INPUT`), else a
//! synthetic text built by repeating the bundled briefings in
//! `assets/briefings/`. Nothing is generated or downloaded here.
//!
//! Run with `cargo bench --bench engine`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use brief::analysis::analyse;
use brief::document::parse_markdown;
use brief::entities::{Declared, recognise};
use brief::layout::Layout;
use brief::store::{Format, split_front_matter};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Size of the synthetic input when no generated file is present.
const SYNTHETIC_BYTES: usize = 1_000_000;

/// The whole file (front matter included) the benchmarks start from, and a
/// label saying where it came from.
fn input() -> (String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates: Vec<PathBuf> = std::env::var_os("BRIEF_BENCH_INPUT")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            root.join("bench-out/corpus/sized-1m.md"),
            root.join("bench-out/sized-1m.md"),
        ])
        .collect();
    for path in candidates {
        if let Ok(text) = std::fs::read_to_string(&path) {
            return (text, path.display().to_string());
        }
    }
    (
        synthetic(root),
        "synthetic (bundled briefings repeated)".to_owned(),
    )
}

/// About 1 MB of Markdown: the first bundled briefing's front matter, then the
/// bodies of all bundled briefings (front matter stripped) repeated.
fn synthetic(root: &Path) -> String {
    let dir = root.join("assets/briefings");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "txt"))
        .collect();
    paths.sort();
    let mut front = String::new();
    let mut bodies = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let start = split_front_matter(&text).map_or(0, |s| s.body_start);
        if front.is_empty() && start > 0 {
            text[..start].clone_into(&mut front);
        }
        bodies.push(text[start..].trim_end().to_owned());
    }
    assert!(!bodies.is_empty(), "no briefings in {}", dir.display());
    let mut out = front;
    while out.len() < SYNTHETIC_BYTES {
        for body in &bodies {
            out.push_str(body);
            out.push_str("\n\n");
        }
    }
    out
}

fn engine(c: &mut Criterion) {
    let (text, source) = input();
    let start = split_front_matter(&text).map_or(0, |s| s.body_start);
    let body = &text[start..];
    let document = parse_markdown(body);
    let (prose, starts) = document.prose(body);
    let declared = Declared::default();
    let entities = analyse(Format::Markdown, text.clone())
        .expect("front matter")
        .entities;
    eprintln!(
        "engine bench input: {source}: {} bytes file, {} bytes body, {} bytes prose, {} entities",
        text.len(),
        body.len(),
        prose.len(),
        entities.len()
    );

    let mut g = c.benchmark_group("engine");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));

    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("parse_markdown", |b| b.iter(|| parse_markdown(black_box(body))));

    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("prose", |b| {
        b.iter(|| black_box(&document).prose(black_box(body)));
    });

    g.throughput(Throughput::Bytes(prose.len() as u64));
    g.bench_function("recognise", |b| {
        b.iter(|| recognise(black_box(&prose), black_box(&starts), &declared));
    });

    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("layout_w100", |b| {
        b.iter(|| Layout::new(black_box(&document), body, black_box(&entities), 100));
    });

    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("analyse", |b| {
        b.iter(|| analyse(Format::Markdown, black_box(text.clone())));
    });
    g.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
