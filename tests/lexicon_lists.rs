//! The word lists are data, so CI checks them as data: every list under
//! `assets/lexicon/`, `assets/gazetteer/` and `scripts/gazetteer/curated/`
//! is in the order it declares (code point unless a `# order: grouped by
//! hand` line says otherwise), has no duplicate entry, and shares no entry
//! with a list it contradicts. A failure names the file and the entry.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The flag bits and the list files, as `build.rs` packs them.
#[allow(dead_code)] // the engine's constants are not all read here
#[path = "../src/entities/lexicon_flags.rs"]
mod flags;

const LEXICON: &str = "assets/lexicon";
const GAZETTEER: &str = "assets/gazetteer";
const CURATED: &str = "scripts/gazetteer/curated";

/// Pairs of lists that must share no entry, each with the reason.
const CONFLICTS: &[(&str, &str, &str)] = &[
    (
        "assets/lexicon/definition_places.txt",
        "assets/lexicon/definition_orgs.txt",
        "a definition's noun gives one kind",
    ),
    (
        "assets/lexicon/definition_places.txt",
        "assets/lexicon/definition_people.txt",
        "a definition's noun gives one kind",
    ),
    (
        "assets/lexicon/definition_orgs.txt",
        "assets/lexicon/definition_people.txt",
        "a definition's noun gives one kind",
    ),
    (
        "assets/lexicon/function_words.txt",
        "assets/lexicon/name_particles.txt",
        "a function word never opens a name; a particle does",
    ),
    (
        "assets/lexicon/function_words.txt",
        "assets/lexicon/org_openers.txt",
        "a function word never opens a name; an org opener does",
    ),
    (
        "assets/lexicon/function_words.txt",
        "assets/lexicon/political_adjectives.txt",
        "a function word never opens a name; a political adjective does",
    ),
    (
        "assets/lexicon/person_cues_after.txt",
        "assets/lexicon/org_cues_after.txt",
        "a word after a name says person or organisation, not both",
    ),
    (
        "assets/lexicon/person_cues_before.txt",
        "assets/lexicon/org_cues_before.txt",
        "a word before a name says person or organisation, not both",
    ),
    (
        "scripts/gazetteer/curated/places_exclude.txt",
        "scripts/gazetteer/curated/country_aliases.txt",
        "an excluded place cannot be curated as a place",
    ),
    (
        "scripts/gazetteer/curated/places_exclude.txt",
        "scripts/gazetteer/curated/place_variants.txt",
        "an excluded place cannot be curated as a place",
    ),
    (
        "scripts/gazetteer/curated/places_exclude.txt",
        "scripts/gazetteer/curated/physical.txt",
        "an excluded place cannot be curated as a place",
    ),
    (
        "scripts/gazetteer/curated/places_exclude.txt",
        "scripts/gazetteer/curated/regions.txt",
        "an excluded place cannot be curated as a place",
    ),
    (
        "scripts/gazetteer/curated/names_exclude.txt",
        "scripts/gazetteer/curated/names_ambiguous.txt",
        "a string dropped from the name lists cannot be routed to the ambiguous ones",
    ),
    (
        "scripts/gazetteer/curated/demonyms_exclude.txt",
        "scripts/gazetteer/curated/demonyms.txt",
        "a form excluded from the demonyms cannot be curated as one",
    ),
];

/// Lists that must hold every entry of another: (part, whole, reason).
const SUBSETS: &[(&str, &str, &str)] = &[
    (
        "assets/lexicon/weak_connectors.txt",
        "assets/lexicon/connectors.txt",
        "a weak connector is a connector that joins only after a head word",
    ),
    (
        "assets/lexicon/ambiguous_months.txt",
        "assets/lexicon/months.txt",
        "an ambiguous month is a month",
    ),
];

/// A list file: its entries (trimmed, blank and `#` lines dropped) and
/// whether it declares a hand-grouped order.
struct List {
    path: String,
    entries: Vec<String>,
    grouped: bool,
}

fn read(path: &str) -> List {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut grouped = false;
    let mut entries = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some(order) = line.strip_prefix("# order:") {
            grouped = order.trim().starts_with("grouped");
        } else if !line.is_empty() && !line.starts_with('#') {
            entries.push(line.to_owned());
        }
    }
    List {
        path: path.to_owned(),
        entries,
        grouped,
    }
}

/// Every list file of a folder, by name.
fn lists_in(dir: &str) -> Vec<List> {
    let mut paths: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    paths.sort();
    paths.iter().map(|p| read(p)).collect()
}

/// The forms of an entry: a curated `A | B | C` line names several.
fn forms(entry: &str) -> impl Iterator<Item = &str> {
    entry.split('|').map(str::trim).filter(|f| !f.is_empty())
}

fn form_set(path: &str) -> BTreeSet<String> {
    read(path)
        .entries
        .iter()
        .flat_map(|e| forms(e).map(str::to_owned))
        .collect()
}

/// Every list the checks cover: the lexicon, the packed gazetteers (the
/// generated `aliases.txt` has its own format and order) and the curated
/// sources.
fn all_lists() -> Vec<List> {
    let mut lists = lists_in(LEXICON);
    lists.extend(
        flags::GAZETTEER_FILES
            .iter()
            .map(|(name, _)| read(&format!("{GAZETTEER}/{name}"))),
    );
    lists.extend(lists_in(CURATED));
    lists
}

#[test]
fn every_list_is_in_its_declared_order_without_duplicates() {
    let mut problems = Vec::new();
    for list in all_lists() {
        let mut seen = BTreeSet::new();
        for entry in &list.entries {
            if !seen.insert(entry.as_str()) {
                problems.push(format!("{}: {entry:?} is listed twice", list.path));
            }
        }
        if !list.grouped
            && let Some(pair) = list.entries.windows(2).find(|w| w[0] >= w[1])
        {
            problems.push(format!(
                "{}: {:?} comes before {:?}; the list is sorted by code point (or declares \
                 `# order: grouped by hand`)",
                list.path, pair[0], pair[1]
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn lexicon_entries_are_single_words() {
    for list in lists_in(LEXICON) {
        assert!(!list.grouped, "{}: lexicon lists are sorted", list.path);
        for entry in &list.entries {
            assert!(
                !entry.contains(char::is_whitespace),
                "{}: {entry:?} is more than one word",
                list.path
            );
        }
    }
}

#[test]
fn no_entry_is_in_two_conflicting_lists() {
    let mut problems = Vec::new();
    for (a, b, why) in CONFLICTS {
        let both: Vec<String> = form_set(a).intersection(&form_set(b)).cloned().collect();
        if !both.is_empty() {
            problems.push(format!("{a} and {b} share {both:?}: {why}"));
        }
    }
    for (part, whole, why) in SUBSETS {
        let missing: Vec<String> = form_set(part).difference(&form_set(whole)).cloned().collect();
        if !missing.is_empty() {
            problems.push(format!("{part} has {missing:?}, missing from {whole}: {why}"));
        }
    }
    let curated_orgs: BTreeSet<String> = lists_in(CURATED)
        .iter()
        .filter(|l| l.path.contains("/orgs_") && !l.path.ends_with("orgs_exclude.txt"))
        .flat_map(|l| l.entries.iter().flat_map(|e| forms(e).map(str::to_owned)))
        .collect();
    let excluded = form_set(&format!("{CURATED}/orgs_exclude.txt"));
    let both: Vec<&String> = excluded.intersection(&curated_orgs).collect();
    if !both.is_empty() {
        problems.push(format!(
            "orgs_exclude.txt and the curated orgs_*.txt share {both:?}: an excluded \
             organisation cannot be curated as one"
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn relatives_capitalised_are_the_relatives_capitalised() {
    let capitalised: BTreeSet<String> = form_set(&format!("{LEXICON}/relatives.txt"))
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        capitalised,
        form_set(&format!("{LEXICON}/relatives_capitalised.txt"))
    );
}

#[test]
fn every_lexicon_file_is_packed_and_every_packed_file_exists() {
    let on_disk: BTreeSet<String> = lists_in(LEXICON)
        .iter()
        .filter_map(|l| Path::new(&l.path).file_name()?.to_str().map(str::to_owned))
        .collect();
    let packed: BTreeSet<String> = flags::LEXICON_FILES
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    assert_eq!(
        on_disk, packed,
        "assets/lexicon/ and lexicon_flags.rs' LEXICON_FILES differ"
    );
    let mut bits = 0u64;
    for (name, bit) in flags::LEXICON_FILES {
        assert_eq!(bit.count_ones(), 1, "{name}");
        assert_eq!(bits & bit, 0, "{name} shares its bit with another list");
        bits |= bit;
    }
}
