//! Entity recognition quality on the hand-labelled set in
//! `tests/fixtures/entities/`: exact-span precision, recall and F1 per kind,
//! for the tuning part (`dev/`) and the held-back part (`heldout/`).
//!
//! Run `cargo test --test entity_quality -- --nocapture` to see the report;
//! with `BRIEF_QUALITY_DIFF=1` it also lists every miss and every extra, and
//! `BRIEF_QUALITY_EXTRA=dir:dir` scores more labelled folders.

use brief::analysis::analyse;
use brief::entities::EntityKind;
use brief::store::Format;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// A gold mention: char offsets and kind.
type Span = (usize, usize, EntityKind);

/// Strips `[[KIND:text]]` marks, returning the plain text and gold spans
/// (byte offsets into the plain text).
fn parse_labelled(labelled: &str, file: &str) -> (String, Vec<Span>) {
    let mut plain = String::with_capacity(labelled.len());
    let mut gold = Vec::new();
    let mut rest = labelled;
    while let Some(open) = rest.find("[[") {
        let after = &rest[open + 2..];
        let colon = after.find(':');
        let close = after.find("]]");
        let (Some(colon), Some(close)) = (colon, close) else {
            plain.push_str(&rest[..open + 2]);
            rest = after;
            continue;
        };
        let kind = &after[..colon];
        let Ok(kind) = kind.parse::<EntityKind>() else {
            plain.push_str(&rest[..open + 2]);
            rest = after;
            continue;
        };
        assert!(
            colon < close,
            "{file}: malformed mark near {:?}",
            &rest[open..open + 40.min(rest.len() - open)]
        );
        plain.push_str(&rest[..open]);
        let text = &after[colon + 1..close];
        let start = plain.len();
        plain.push_str(text);
        gold.push((start, plain.len(), kind));
        rest = &after[close + 2..];
    }
    plain.push_str(rest);
    (plain, gold)
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores every labelled file of one folder.
fn score(dir: &Path) -> (BTreeMap<EntityKind, Counts>, usize) {
    let mut per_kind: BTreeMap<EntityKind, Counts> = BTreeMap::new();
    let mut files = 0;
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let Some(format) = Format::from_path(&path) else {
            continue;
        };
        let name = path.display().to_string();
        let labelled = std::fs::read_to_string(&path).unwrap();
        let (plain, gold) = parse_labelled(&labelled, &name);
        let found = analyse(format, plain.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(found.body.text, plain, "{name}: fixture has front matter");
        let predicted: Vec<Span> = found.entities.iter().map(|e| (e.start, e.end, e.kind)).collect();
        for kind in EntityKind::ALL {
            let g: Vec<_> = gold.iter().filter(|s| s.2 == kind).collect();
            let p: Vec<_> = predicted.iter().filter(|s| s.2 == kind).collect();
            let tp = p.iter().filter(|s| g.contains(s)).count();
            let c = per_kind.entry(kind).or_default();
            c.add(Counts {
                tp,
                fp: p.len() - tp,
                fn_: g.len() - tp,
            });
        }
        if diff_wanted(&name) {
            for s in &gold {
                if !predicted.contains(s) {
                    println!("  miss {name}: {:?} {}", &plain[s.0..s.1], s.2);
                }
            }
            for s in &predicted {
                if !gold.contains(s) {
                    println!("  extra {name}: {:?} {}", &plain[s.0..s.1], s.2);
                }
            }
        }
        files += 1;
    }
    (per_kind, files)
}

/// `BRIEF_QUALITY_DIFF=1` lists the misses and extras of every file;
/// any other value, only of files whose path contains it.
fn diff_wanted(path: &str) -> bool {
    std::env::var("BRIEF_QUALITY_DIFF").is_ok_and(|v| v == "1" || (!v.is_empty() && path.contains(&v)))
}

/// One table row of a report.
fn row(out: &mut String, name: &str, c: Counts) {
    let _ = writeln!(
        out,
        "| {name} | {} | {} | {:.3} | {:.3} | {:.3} |",
        c.tp + c.fn_,
        c.tp + c.fp,
        c.precision(),
        c.recall(),
        c.f1()
    );
}

fn report(title: &str, per_kind: &BTreeMap<EntityKind, Counts>, files: usize) -> String {
    let mut out = format!("{title} ({files} documents)\n");
    out.push_str("| kind | gold | found | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|\n");
    let mut total = Counts::default();
    let mut pop = Counts::default();
    for (kind, c) in per_kind {
        row(&mut out, kind.as_str(), *c);
        total.add(*c);
        if matches!(kind, EntityKind::Person | EntityKind::Org | EntityKind::Place) {
            pop.add(*c);
        }
    }
    row(&mut out, "PERSON+ORG+PLACE", pop);
    row(&mut out, "all", total);
    out
}

fn fixtures(part: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/entities")
        .join(part)
}

#[test]
fn labelled_marks_parse_back_to_the_text() {
    let (plain, gold) = parse_labelled(
        "[[PERSON:Vladimir Putin]]’s [[PLACE:Kyiv]] [not a mark]",
        "inline",
    );
    assert_eq!(plain, "Vladimir Putin’s Kyiv [not a mark]");
    assert_eq!(gold, [(0, 14, EntityKind::Person), (19, 23, EntityKind::Place)]);
}

#[test]
fn quality_report_and_floors() {
    let (dev, dev_files) = score(&fixtures("dev"));
    let (held, held_files) = score(&fixtures("heldout"));
    let mut all = dev.clone();
    for (k, c) in &held {
        all.entry(*k).or_default().add(*c);
    }
    println!("{}", report("dev (tuned on)", &dev, dev_files));
    println!("{}", report("heldout (never tuned on)", &held, held_files));
    println!("{}", report("all", &all, dev_files + held_files));
    // Labelled folders from elsewhere (`BRIEF_QUALITY_EXTRA=dir:dir`), such
    // as public news sets converted to this format, reported without floors.
    if let Some(extra) = std::env::var_os("BRIEF_QUALITY_EXTRA") {
        for dir in std::env::split_paths(&extra) {
            let (counts, files) = score(&dir);
            println!("{}", report(&dir.display().to_string(), &counts, files));
        }
    }
    assert!(
        dev_files >= 5,
        "the labelled set has the seed and at least four briefings"
    );

    // Floors: a change that makes recognition worse than this fails.
    let f1 = |m: &BTreeMap<EntityKind, Counts>, k: EntityKind| m.get(&k).copied().unwrap_or_default().f1();
    for (kind, floor) in FLOORS {
        let got = f1(&all, *kind);
        assert!(got >= *floor, "{kind} F1 {got:.3} fell below its floor {floor}");
    }
}

/// F1 floors over all labelled documents, set just under the measured
/// figures in BENCHMARKS.md. (ORG, PLACE and GROUP were lowered when 24
/// new, harder dev documents joined the set, not because the engine got
/// worse: on the documents it had, it got better.)
const FLOORS: &[(EntityKind, f64)] = &[
    (EntityKind::Person, 0.93),
    (EntityKind::Org, 0.88),
    (EntityKind::Place, 0.93),
    (EntityKind::Group, 0.95),
    (EntityKind::Date, 0.92),
    (EntityKind::Number, 0.88),
];
