//! FNV-1a, 64 bits: the one hash behind content fingerprints, notes file
//! names and the recogniser's name maps. Its values are saved in notes
//! files, so they must never change. (The lexicon table has its own hash,
//! `entities/lexicon_hash.rs`.)

use std::hash::Hasher;

/// The hash of no bytes (the FNV-1a 64 offset basis).
pub const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// The FNV-1a 64 prime.
const PRIME: u64 = 0x0100_0000_01b3;

/// 64-bit FNV-1a of `bytes`: the same value on every machine and version.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(OFFSET_BASIS, bytes)
}

/// Continues a hash with more bytes: `fnv1a_from(fnv1a(a), b)` is
/// `fnv1a(ab)`.
fn fnv1a_from(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(PRIME);
    }
    hash
}

/// FNV-1a as a [`Hasher`], for `HashMap<K, V, BuildHasherDefault<Fnv>>`:
/// for short keys trusted to be few, a fast hash beats the default's
/// protection against crafted collisions.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(OFFSET_BASIS)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a_from(self.0, bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_hasher_streams_the_same_hash() {
        let mut h = Fnv::default();
        h.write(b"foo");
        h.write(b"bar");
        assert_eq!(h.finish(), fnv1a(b"foobar"));
        assert_eq!(Fnv::default().finish(), fnv1a(b""));
    }
}
