//! Every rule's own examples, run through the whole recogniser: in a
//! positive example the rule decides every marked entity; in a negative
//! one the marked entities are found and the rule decides nothing. A
//! failure names the rule.

use brief::analysis::analyse;
use brief::entities::{EntityKind, rules};
use brief::store::Format;

/// The text without its marks, and the marked (name, kind) in order.
fn unmark(marked: &str) -> (String, Vec<(String, EntityKind)>) {
    let mut plain = String::new();
    let mut marks = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        plain.push_str(&rest[..open]);
        let inner = &rest[open + 2..];
        let close = inner.find("]]").expect("a mark is closed with ]]");
        let (kind, name) = inner[..close].split_once(':').expect("a mark is [[KIND:Name]]");
        plain.push_str(name);
        marks.push((
            name.to_owned(),
            kind.parse().expect("a mark's kind is an entity kind"),
        ));
        rest = &inner[close + 2..];
    }
    plain.push_str(rest);
    (plain, marks)
}

/// What went wrong with one example, if anything.
fn check(id: &str, text: &str, fires: bool) -> Option<String> {
    let (plain, marks) = unmark(text);
    let format = if plain.starts_with("---\n") {
        Format::Markdown
    } else {
        Format::Text
    };
    let a = analyse(format, plain).expect("an example analyses");
    let found: Vec<(&str, EntityKind, &str)> = a
        .entities
        .iter()
        .map(|e| (e.text(&a.body.text), e.kind, e.rule()))
        .collect();
    let mut from = 0;
    for (name, kind) in &marks {
        let Some(at) = found[from..].iter().position(|f| f.0 == name && f.1 == *kind) else {
            return Some(format!("{name} ({kind}) not found in {found:?}"));
        };
        let rule = found[from + at].2;
        if fires && rule != id {
            return Some(format!("{name} ({kind}) was decided by {rule}"));
        }
        from += at + 1;
    }
    if !fires && let Some(f) = found.iter().find(|f| f.2 == id) {
        return Some(format!("the rule decided {f:?}"));
    }
    None
}

#[test]
fn every_rule_keeps_its_examples() {
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in rules() {
        for ex in rule.examples {
            count += 1;
            if let Some(why) = check(rule.id, ex.text, ex.fires) {
                let sign = if ex.fires { "yes" } else { "no" };
                failures.push(format!("rule {}: {sign}({:?}): {why}", rule.id, ex.text));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_unique_id_and_a_positive_example() {
    let mut ids = std::collections::HashSet::new();
    for rule in rules() {
        assert!(ids.insert(rule.id), "rule {} is listed twice", rule.id);
        assert!(!rule.about.is_empty(), "rule {} says nothing of itself", rule.id);
        // "run" hands over to the run rules, whose examples are its own;
        // the "skip." rules decide only that something is no name; a
        // "correction" is the reader's, from config.toml (its examples are
        // the corrections tests: tests/app_corrections.rs).
        let exempt = rule.id == "run" || rule.id == "correction";
        let decides = !exempt && !rule.id.starts_with("skip.");
        if decides {
            assert!(
                rule.examples.iter().any(|e| e.fires),
                "rule {} has no positive example",
                rule.id
            );
        }
        assert!(
            !rule.examples.is_empty() || exempt,
            "rule {} has no example",
            rule.id
        );
    }
}
