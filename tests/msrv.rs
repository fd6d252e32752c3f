//! `rust-version` in Cargo.toml tells users the oldest Rust that builds
//! brief: it must be at least what every locked dependency asks for, or the
//! promise is false.

use serde_json::Value;
use std::process::Command;

/// The cargo running the tests, or the one on the PATH.
fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// The host triple, from `cargo -vV`'s `host:` line.
fn host() -> String {
    let out = cargo().arg("-vV").output().expect("run cargo -vV");
    assert!(out.status.success(), "cargo -vV failed");
    let text = String::from_utf8(out.stdout).expect("cargo -vV is UTF-8");
    text.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("cargo -vV names the host")
        .trim()
        .to_owned()
}

/// "1.88" or "1.88.0" as numbers, so that 1.88 > 1.9 (88 > 9) and 1.88 ==
/// 1.88.0.
fn version(text: &str) -> Vec<u64> {
    let mut parts: Vec<u64> = text
        .split('.')
        .map(|p| {
            p.parse()
                .unwrap_or_else(|_| panic!("rust_version {text:?} is not a dotted number"))
        })
        .collect();
    while parts.len() > 1 && parts.last() == Some(&0) {
        parts.pop();
    }
    parts
}

#[test]
fn versions_compare_as_numbers() {
    assert!(version("1.88") > version("1.9"));
    assert!(version("1.10.1") > version("1.10"));
    assert_eq!(version("1.88.0"), version("1.88"));
    assert!(version("1.85") < version("1.88.0"));
}

#[test]
fn rust_version_covers_every_resolved_dependency() {
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let out = cargo()
        .args([
            "metadata",
            "--format-version",
            "1",
            "--offline",
            "--filter-platform",
        ])
        .arg(host())
        .arg("--manifest-path")
        .arg(manifest)
        .output()
        .expect("run cargo metadata");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata is JSON");
    let root = meta["resolve"]["root"]
        .as_str()
        .expect("cargo metadata names the root package");
    // Only packages in the resolved graph: a lock entry nothing uses is
    // never built.
    let resolved: Vec<&str> = meta["resolve"]["nodes"]
        .as_array()
        .expect("resolve.nodes")
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    let packages = meta["packages"].as_array().expect("packages");
    let ours = packages
        .iter()
        .find(|p| p["id"] == root)
        .expect("the root package is listed");
    let ours = ours["rust_version"]
        .as_str()
        .expect("Cargo.toml sets rust-version");
    let mut too_new: Vec<String> = packages
        .iter()
        .filter(|p| p["id"] != root && p["id"].as_str().is_some_and(|id| resolved.contains(&id)))
        .filter_map(|p| {
            let needs = p["rust_version"].as_str()?;
            let (name, at) = (p["name"].as_str()?, p["version"].as_str()?);
            (version(needs) > version(ours)).then(|| format!("{name} {at} needs {needs}"))
        })
        .collect();
    too_new.sort();
    assert!(
        too_new.is_empty(),
        "Cargo.toml says rust-version = \"{ours}\", but:\n  {}\nraise rust-version to the highest of these",
        too_new.join("\n  ")
    );
}
