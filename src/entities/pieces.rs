//! Cutting a text into pieces of whole blocks, each read at once: big
//! enough that per-piece work is small, small enough that tokens never
//! pile up.

/// Largest piece of text tokenised at once when a block is huge.
const MAX_CHUNK: usize = 64 * 1024;

/// Pieces of about this size are read at once: big enough that per-piece
/// work is small, small enough that tokens never pile up.
const PIECE: usize = 4 * 1024;

/// Splits the text into pieces of whole blocks (blank lines when no block
/// starts are known), each under `MAX_CHUNK` (a huge block is cut at a line
/// break or space), with the block starts inside each piece, relative to it.
pub(super) fn chunks(text: &str, block_starts: &[usize]) -> Vec<(std::ops::Range<usize>, Vec<usize>)> {
    let mut cuts: Vec<usize> = block_starts
        .iter()
        .copied()
        .filter(|&s| s > 0 && s < text.len())
        .collect();
    if cuts.is_empty() {
        cuts.extend(
            text.match_indices("\n\n")
                .map(|(i, _)| i + 2)
                .filter(|&i| i < text.len()),
        );
    }
    cuts.push(text.len());
    let mut blocks = Vec::with_capacity(cuts.len());
    let mut start = 0;
    for cut in cuts {
        while cut - start > MAX_CHUNK {
            let limit = floor_char(text, start + MAX_CHUNK);
            let piece = &text[start..limit];
            let at = piece
                .rfind('\n')
                .or_else(|| piece.rfind(' '))
                .map_or(limit, |p| start + p + 1);
            let at = if at <= start { limit } else { at };
            blocks.push(start..at);
            start = at;
        }
        if cut > start {
            blocks.push(start..cut);
            start = cut;
        }
    }
    let mut out: Vec<(std::ops::Range<usize>, Vec<usize>)> = Vec::new();
    for b in blocks {
        match out.last_mut() {
            Some((r, starts)) if b.end - r.start <= PIECE => {
                starts.push(b.start - r.start);
                r.end = b.end;
            }
            _ => out.push((b, vec![0])),
        }
    }
    out
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
