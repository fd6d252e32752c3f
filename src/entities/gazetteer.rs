//! The one lexicon: every bundled list — the name gazetteers and the
//! closed word classes — packed at build time (see `build.rs`) into a hash
//! table embedded in the binary. A word's gazetteer flags and word classes
//! are one hash and a probe or two, and there is nothing to build when the
//! program starts.

use super::lexicon_flags as flags;

/// Shared with `build.rs`, which places every key by it.
#[path = "lexicon_hash.rs"]
mod lexicon_hash;

static KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.keys"));
static ENTRIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.entries"));
static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.slots"));
static CLASS_SETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.classes"));
static SHAPES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.shapes"));

/// Bytes of one entry in `ENTRIES`.
const ENTRY: usize = 8;

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

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// Entry `i`: its key, gazetteer flags and word classes.
fn entry(i: usize) -> (&'static [u8], u16, u64) {
    let at = i * ENTRY;
    let offset = u32_at(ENTRIES, at);
    let len = usize::from(ENTRIES[at + 6]);
    let set = usize::from(ENTRIES[at + 7]) * 8;
    (
        &KEYS[offset..offset + len],
        u16_at(ENTRIES, at + 4),
        u64_at(CLASS_SETS, set),
    )
}

fn entries() -> usize {
    ENTRIES.len() / ENTRY
}

/// Everything the lexicon knows of a string, from one probe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lexeme {
    /// What the gazetteers say.
    pub flags: Flags,
    /// The word classes (`lexicon_flags::class`) it belongs to.
    pub classes: u64,
}

/// Looks up exact bytes: names and words are stored as written, case and
/// all.
pub fn probe_bytes(key: &[u8]) -> Lexeme {
    let capacity = SLOTS.len() / 4;
    if capacity == 0 {
        return Lexeme::default();
    }
    let mask = capacity - 1;
    let hash = lexicon_hash::hash(key);
    let tag = (hash >> 56) as usize;
    let mut slot = (hash as usize) & mask;
    loop {
        let found = u32_at(SLOTS, slot * 4);
        if found == 0 {
            return Lexeme::default();
        }
        // The hash's top byte, kept beside the index, rules out nearly every
        // other key without reading its entry.
        if found >> 24 == tag {
            let (k, flags, classes) = entry((found & 0x00ff_ffff) - 1);
            if k == key {
                return Lexeme {
                    flags: Flags(flags),
                    classes,
                };
            }
        }
        slot = (slot + 1) & mask;
    }
}

/// Looks up an exact string: its gazetteer flags and word classes.
pub fn probe(key: &str) -> Lexeme {
    probe_bytes(key.as_bytes())
}

/// Which of the word classes in `mask` `word` belongs to, exactly as
/// written. A word whose first byte and length, or last byte and length,
/// no word of those classes has is answered without a probe: most words
/// are in no class.
pub fn classes(word: &str, mask: u64) -> u64 {
    let bytes = word.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return 0;
    };
    let len = bytes.len().min(15);
    let by_first = u64_at(SHAPES, (usize::from(first & 63) * 16 + len) * 8);
    let by_last = u64_at(SHAPES, ((64 + usize::from(last & 63)) * 16 + len) * 8);
    if by_first & by_last & mask == 0 {
        return 0;
    }
    probe(word).classes & mask
}

/// Whether `word`, exactly as written, is in a word class of `mask`.
pub fn is(word: &str, mask: u64) -> bool {
    classes(word, mask) != 0
}

/// Looks up exact bytes (names are stored as written, case and all).
pub fn lookup_bytes(key: &[u8]) -> Flags {
    probe_bytes(key).flags
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

/// Number of entries (names and words), for reports.
pub fn len() -> usize {
    entries()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_found_through_the_hash_table() {
        for i in 0..entries() {
            let (key, flags, classes) = entry(i);
            let word = String::from_utf8_lossy(key);
            assert_eq!(
                probe_bytes(key),
                Lexeme {
                    flags: Flags(flags),
                    classes
                },
                "{word}"
            );
            // The shape filter passes every word of its classes.
            assert_eq!(super::classes(&word, u64::MAX), classes, "{word}");
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
    fn one_probe_answers_names_and_word_classes() {
        use flags::class;
        let bank = probe("Bank");
        assert!(bank.classes & class::ORG_HEAD != 0 && bank.classes & class::ORG_LEAD != 0);
        assert!(is("Ministry", class::ORG_LEAD));
        assert!(!is("ministry", class::ORG_LEAD), "classes match case exactly");
        assert!(is("of", class::CONNECTOR | class::WEAK_CONNECTOR));
        assert!(!is("", class::CONNECTOR));
        // A word only a word list knows is no name.
        assert!(probe("bpd").classes & class::UNIT != 0);
        assert!(lookup("bpd").is_empty());
        assert!(!has_longer("daughter"), "word lists mark no prefixes");
    }

    #[test]
    fn knows_where_longer_names_start() {
        assert!(has_longer("United"));
        assert!(!has_longer("Zzzz"));
        assert!(lookup("United").has(Flags::PREFIX));
    }
}
