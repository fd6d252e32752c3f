//! The bundled name lists, packed at build time (see `build.rs`) into one
//! sorted table: lookups are a binary search over embedded bytes, so there
//! is nothing to build when the program starts.

static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.idx"));

/// What the lists say about a string; several may hold at once
/// ("Jordan": a place and a given name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags(u16);

impl Flags {
    pub const PLACE: u16 = 1;
    pub const ORG: u16 = 1 << 1;
    pub const GROUP: u16 = 1 << 2;
    pub const GIVEN: u16 = 1 << 3;
    pub const GIVEN_AMBIGUOUS: u16 = 1 << 4;
    pub const SURNAME: u16 = 1 << 5;
    pub const SURNAME_AMBIGUOUS: u16 = 1 << 6;
    pub const TITLE: u16 = 1 << 7;
    pub const COMMON: u16 = 1 << 8;

    pub fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// A kind the list itself assigns (place, organisation, group).
    pub fn is_named_kind(self) -> bool {
        self.0 & (Self::PLACE | Self::ORG | Self::GROUP) != 0
    }
    #[cfg(test)]
    pub fn from_bits(bits: u16) -> Self {
        Self(bits)
    }
}

fn entries() -> usize {
    INDEX.len() / 4
}

fn line(i: usize) -> (&'static [u8], u16) {
    let at = i * 4;
    let start = u32::from_le_bytes([INDEX[at], INDEX[at + 1], INDEX[at + 2], INDEX[at + 3]]) as usize;
    let rest = &TABLE[start..];
    let tab = rest.iter().position(|&b| b == b'\t').unwrap_or(rest.len());
    let flags = rest
        .get(tab + 1..tab + 5)
        .and_then(|h| std::str::from_utf8(h).ok())
        .and_then(|h| u16::from_str_radix(h, 16).ok())
        .unwrap_or(0);
    (&rest[..tab], flags)
}

/// Looks up an exact string (case-sensitive; names are stored as written).
pub fn lookup(key: &str) -> Flags {
    let key = key.as_bytes();
    let (mut lo, mut hi) = (0, entries());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let (k, flags) = line(mid);
        match k.cmp(key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Flags(flags),
        }
    }
    Flags(0)
}

/// True when some entry starts with `prefix` followed by a space: a longer
/// name may begin here, so the recogniser should try more words.
pub fn has_longer(prefix: &str) -> bool {
    let mut probe = String::with_capacity(prefix.len() + 1);
    probe.push_str(prefix);
    probe.push(' ');
    let key = probe.as_bytes();
    let (mut lo, mut hi) = (0, entries());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if line(mid).0 < key {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo < entries() && line(lo).0.starts_with(key)
}

/// Number of entries, for reports.
pub fn len() -> usize {
    entries()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_so_binary_search_is_valid() {
        for i in 1..entries() {
            assert!(line(i - 1).0 < line(i).0, "entry {i} out of order");
        }
    }

    #[test]
    fn finds_bundled_names() {
        assert!(lookup("Ukraine").has(Flags::PLACE));
        assert!(lookup("Miami").has(Flags::PLACE));
        assert!(lookup("NATO").has(Flags::ORG));
        assert!(lookup("Ukrainian").has(Flags::GROUP));
        assert!(lookup("President").has(Flags::TITLE));
        assert!(lookup("despite").has(Flags::COMMON));
        assert!(lookup("no such name zzz").is_empty());
    }

    #[test]
    fn knows_where_longer_names_start() {
        assert!(has_longer("United"));
        assert!(!has_longer("Zzzz"));
    }
}
