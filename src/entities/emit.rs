//! Putting the stages' findings together: merging sorted lists, moving
//! a piece's entities to the whole text's offsets, char offsets for output.

use super::Entity;

/// Merges `extra` into the sorted `found`, keeping it sorted: the same
/// result as appending and sorting, in one pass from the back and with no
/// room beyond the merged list itself (a 10 MB briefing has 300,000
/// entities; sorting them whole cost more than finding some).
pub(super) fn merge_sorted(found: &mut Vec<Entity>, mut extra: Vec<Entity>) {
    let Some(&filler) = extra.first() else {
        return;
    };
    extra.sort_unstable();
    let (mut i, mut j) = (found.len(), extra.len());
    found.resize(i + j, filler);
    let mut k = found.len();
    while j > 0 {
        k -= 1;
        if i > 0 && found[i - 1] > extra[j - 1] {
            found[k] = found[i - 1];
            i -= 1;
        } else {
            found[k] = extra[j - 1];
            j -= 1;
        }
    }
}

pub(super) fn shift_back(entities: &mut [Entity], by: usize) {
    for e in entities {
        e.start -= by;
        e.end -= by;
    }
}

pub(super) fn shift(entities: &mut [Entity], by: usize) {
    for e in entities {
        e.start += by;
        e.end += by;
    }
}

/// Adds `extra` entities where they overlap nothing already in `base`.
pub(crate) fn merge(base: Vec<Entity>, extra: Vec<Entity>) -> Vec<Entity> {
    let mut out = Vec::with_capacity(base.len() + extra.len());
    let mut b = base.into_iter().peekable();
    let mut last_end = 0;
    let mut extra = extra.into_iter().peekable();
    loop {
        let take_base = match (b.peek(), extra.peek()) {
            (Some(x), Some(y)) => x.start <= y.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if take_base {
            if let Some(x) = b.next() {
                // Drop already-pushed extras that this base entity overlaps.
                while out.last().is_some_and(|l: &Entity| l.end > x.start) {
                    out.pop();
                }
                last_end = x.end;
                out.push(x);
            }
        } else if let Some(y) = extra.next() {
            let clashes_next = b.peek().is_some_and(|x| x.start < y.end);
            if y.start >= last_end && !clashes_next {
                last_end = y.end;
                out.push(y);
            }
        }
    }
    out
}

/// Converts byte offsets to char offsets (SPEC §4.4) for sorted entities in
/// one pass over the text.
pub fn char_offsets(text: &str, entities: &[Entity]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(entities.len());
    let bytes = text.as_bytes();
    let mut byte = 0;
    let mut chars = 0;
    let advance = |to: usize, byte: &mut usize, chars: &mut usize| {
        if to >= *byte {
            *chars += chars_in(&bytes[*byte..to]);
        } else {
            *chars -= chars_in(&bytes[to..*byte]);
        }
        *byte = to;
    };
    for e in entities {
        advance(e.start, &mut byte, &mut chars);
        let s = chars;
        advance(e.end, &mut byte, &mut chars);
        out.push((s, chars));
    }
    out
}

/// The chars of UTF-8 bytes cut at char boundaries: the bytes that are not
/// continuation bytes (`10xxxxxx`), counted in a loop the compiler turns
/// into vector code; most spans between entities are a few dozen bytes,
/// where `str::chars().count()` takes its byte-at-a-time path.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b.cast_signed() >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityKind;

    fn e(start: usize, end: usize, kind: EntityKind) -> Entity {
        Entity::new(start, end, kind)
    }

    #[test]
    fn chars_are_counted_as_str_counts_them() {
        for text in ["", "abc", "Zelensky’s «Kyiv» — Ελλάδα 🇺🇦 naïve", "é"] {
            assert_eq!(chars_in(text.as_bytes()), text.chars().count(), "{text}");
        }
    }

    #[test]
    fn merging_sorted_lists_equals_sorting_them_together() {
        let k = EntityKind::Place;
        let found = vec![e(0, 2, k), e(5, 7, k), e(9, 12, k), e(20, 22, k)];
        for extra in [
            vec![],
            vec![e(30, 31, k)],
            vec![e(1, 1, k)],
            vec![e(14, 15, k), e(3, 4, k), e(25, 26, k), e(5, 7, k)],
        ] {
            let mut expected = found.clone();
            expected.extend(extra.iter().copied());
            expected.sort_unstable();
            let mut got = found.clone();
            merge_sorted(&mut got, extra);
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn merge_keeps_base_and_non_overlapping_extras() {
        let base = vec![e(0, 5, EntityKind::Person), e(10, 15, EntityKind::Place)];
        let extra = vec![
            e(3, 7, EntityKind::Date),
            e(6, 9, EntityKind::Number),
            e(14, 20, EntityKind::Date),
        ];
        assert_eq!(
            merge(base, extra),
            [
                e(0, 5, EntityKind::Person),
                e(6, 9, EntityKind::Number),
                e(10, 15, EntityKind::Place)
            ]
        );
    }

    #[test]
    fn char_offsets_count_chars_not_bytes() {
        let text = "Zürich – Kyiv";
        let ents = [e(0, 7, EntityKind::Place), e(12, 16, EntityKind::Place)];
        assert_eq!(&text[12..16], "Kyiv");
        assert_eq!(char_offsets(text, &ents), [(0, 6), (9, 13)]);
    }
}
