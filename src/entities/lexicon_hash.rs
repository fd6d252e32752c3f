//! The lexicon table's hash, compiled into `build.rs` (which places every
//! key by it) and into the engine (which probes by it), so the two cannot
//! drift. It reads a short word in one or two loads instead of a byte at a
//! time: the engine hashes nearly every word it reads, most of them under
//! eight bytes. Nothing outside the table depends on its values.

/// An odd 64-bit constant (the golden ratio's fraction).
const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// Folded multiply: the high and low halves of the 128-bit product, xored.
fn mix(a: u64, b: u64) -> u64 {
    let product = u128::from(a ^ K) * u128::from(b ^ 0xc2b2_ae3d_27d4_eb4f);
    (product as u64) ^ ((product >> 64) as u64)
}

fn read4(bytes: &[u8]) -> u64 {
    let mut word = [0; 4];
    word.copy_from_slice(&bytes[..4]);
    u64::from(u32::from_le_bytes(word))
}

fn read8(bytes: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(word)
}

/// A key of up to 16 bytes as two words: with its length, they are the key
/// (its first and last four or eight bytes, or for shorter keys its first,
/// middle and last byte), so comparing them compares the keys. Longer keys
/// fold every eight bytes into the first word.
pub fn signature(key: &[u8]) -> (u64, u64) {
    let len = key.len();
    if len > 16 {
        let mut a = 0;
        let mut rest = key;
        while rest.len() > 8 {
            a = mix(a ^ read8(rest), K);
            rest = &rest[8..];
        }
        (a, read8(&key[len - 8..]))
    } else if len > 8 {
        (read8(key), read8(&key[len - 8..]))
    } else if len >= 4 {
        (read4(key), read4(&key[len - 4..]))
    } else if len > 0 {
        let small = u64::from(key[0]) << 16 | u64::from(key[len / 2]) << 8 | u64::from(key[len - 1]);
        (small, 0)
    } else {
        (0, 0)
    }
}

/// The hash of a key from its [`signature`] and length.
pub fn finish((a, b): (u64, u64), len: usize) -> u64 {
    mix(a ^ ((len as u64) << 56), b)
}

/// The hash of a key.
#[allow(dead_code)] // build.rs's; the engine keeps the signature apart
pub fn hash(key: &[u8]) -> u64 {
    finish(signature(key), key.len())
}

#[cfg(test)]
mod tests {
    use super::hash;

    #[test]
    fn short_keys_of_the_same_bytes_differ() {
        let keys: [&[u8]; 10] = [
            b"",
            b"a",
            b"aa",
            b"aaa",
            b"ab",
            b"ba",
            b"abcd",
            b"abcde",
            b"abcdefgh",
            b"abcdefghi",
        ];
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                assert_ne!(hash(a), hash(b), "{a:?} {b:?}");
            }
        }
    }
}
