//! The bundled name lists, packed at build time (see `build.rs`) into a
//! hash table embedded in the binary: a lookup is a hash and a probe or
//! two, and there is nothing to build when the program starts.

use super::lexicon_flags as flags;
use crate::hash::fnv1a;

static KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.keys"));
static ENTRIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.entries"));
static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.slots"));

/// What the lists say about a string; several may hold at once
/// ("Jordan": a place and a given name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags(u16);

/// The bits, defined in `lexicon_flags.rs` (shared with `build.rs`) and
/// documented there.
impl Flags {
    pub const PLACE: u16 = flags::PLACE;
    pub const ORG: u16 = flags::ORG;
    pub const GROUP: u16 = flags::GROUP;
    pub const GIVEN: u16 = flags::GIVEN;
    pub const GIVEN_AMBIGUOUS: u16 = flags::GIVEN_AMBIGUOUS;
    pub const SURNAME: u16 = flags::SURNAME;
    pub const SURNAME_AMBIGUOUS: u16 = flags::SURNAME_AMBIGUOUS;
    pub const TITLE: u16 = flags::TITLE;
    pub const COMMON: u16 = flags::COMMON;
    pub const PREFIX: u16 = flags::PREFIX;
    pub const COUNTRY: u16 = flags::COUNTRY;
    pub const PERSON: u16 = flags::PERSON;

    pub fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }
    /// No list knows the string as a whole entry.
    pub fn is_empty(self) -> bool {
        self.0 & !Self::PREFIX == 0
    }
    /// A kind the list itself assigns (place, organisation, group).
    pub fn is_named_kind(self) -> bool {
        self.0 & (Self::PLACE | Self::ORG | Self::GROUP) != 0
    }
}

fn u32_at(bytes: &[u8], at: usize) -> usize {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

/// Entry `i`: its key and flags.
fn entry(i: usize) -> (&'static [u8], u16) {
    let at = i * 8;
    let offset = u32_at(ENTRIES, at);
    let len = usize::from(u16_at(ENTRIES, at + 4));
    (&KEYS[offset..offset + len], u16_at(ENTRIES, at + 6))
}

fn entries() -> usize {
    ENTRIES.len() / 8
}

/// Looks up exact bytes (names are stored as written, case and all).
pub fn lookup_bytes(key: &[u8]) -> Flags {
    let capacity = SLOTS.len() / 4;
    if capacity == 0 {
        return Flags(0);
    }
    let mask = capacity - 1;
    let mut slot = (fnv1a(key) as usize) & mask;
    loop {
        let index = u32_at(SLOTS, slot * 4);
        if index == 0 {
            return Flags(0);
        }
        let (k, flags) = entry(index - 1);
        if k == key {
            return Flags(flags);
        }
        slot = (slot + 1) & mask;
    }
}

/// Looks up an exact string.
pub fn lookup(key: &str) -> Flags {
    lookup_bytes(key.as_bytes())
}

/// Looks up the lowercase form of a word without allocating for ASCII.
pub fn lookup_lower(word: &str) -> Flags {
    if word.len() <= 64 && word.is_ascii() {
        let mut buf = [0u8; 64];
        let bytes = &mut buf[..word.len()];
        bytes.copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        lookup_bytes(bytes)
    } else {
        lookup(&word.to_lowercase())
    }
}

/// True when some entry starts with `prefix` followed by a space or a
/// hyphen: a longer name may begin here, so the recogniser tries more words.
pub fn has_longer(prefix: &str) -> bool {
    lookup(prefix).has(Flags::PREFIX)
}

/// Number of entries, for reports.
pub fn len() -> usize {
    entries()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_found_through_the_hash_table() {
        for i in 0..entries() {
            let (key, flags) = entry(i);
            assert_eq!(
                lookup_bytes(key),
                Flags(flags),
                "{}",
                String::from_utf8_lossy(key)
            );
        }
    }

    #[test]
    fn finds_bundled_names() {
        assert!(lookup("Ukraine").has(Flags::PLACE));
        assert!(lookup("Miami").has(Flags::PLACE));
        assert!(lookup("NATO").has(Flags::ORG));
        assert!(lookup("Ukrainian").has(Flags::GROUP));
        assert!(lookup("President").has(Flags::TITLE));
        assert!(lookup_lower("Despite").has(Flags::COMMON));
        assert!(lookup("no such name zzz").is_empty());
    }

    #[test]
    fn knows_where_longer_names_start() {
        assert!(has_longer("United"));
        assert!(!has_longer("Zzzz"));
        assert!(lookup("United").has(Flags::PREFIX));
    }
}
