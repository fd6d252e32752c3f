//! Search in the Reader (`/`, then `n`/`N`): which paragraphs hold the
//! query, case-insensitively. Pure, so it is tested without a terminal.

/// A search over the open briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// What the status line calls it.
    pub query: String,
    /// The texts looked for: one typed after `/`, or the words an archive
    /// search matched.
    pub terms: Vec<String>,
    /// Blocks whose text holds a term, in order.
    pub blocks: Vec<usize>,
}

impl Search {
    /// Finds the paragraphs that contain `query` (case-insensitive).
    pub fn new(query: &str, paragraphs: &[String]) -> Self {
        let mut s = Self::any(&[query.to_owned()], paragraphs);
        query.clone_into(&mut s.query);
        s
    }

    /// Finds the paragraphs that contain any of `terms` (case-insensitive).
    pub fn any(terms: &[String], paragraphs: &[String]) -> Self {
        let needles: Vec<String> = terms
            .iter()
            .map(|t| t.to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        let blocks = if needles.is_empty() {
            Vec::new()
        } else {
            paragraphs
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    let p = p.to_lowercase();
                    needles.iter().any(|n| p.contains(n))
                })
                .map(|(i, _)| i)
                .collect()
        };
        Self {
            query: terms.join(" "),
            terms: terms.iter().filter(|t| !t.is_empty()).cloned().collect(),
            blocks,
        }
    }

    /// The next (or previous) matching block after `cursor`, wrapping, with
    /// its number among the matches (1-based).
    pub fn step(&self, cursor: usize, forward: bool) -> Option<(usize, usize)> {
        if self.blocks.is_empty() {
            return None;
        }
        let at = if forward {
            self.blocks.iter().position(|&b| b > cursor).unwrap_or(0)
        } else {
            self.blocks
                .iter()
                .rposition(|&b| b < cursor)
                .unwrap_or(self.blocks.len() - 1)
        };
        Some((at + 1, self.blocks[at]))
    }
}

/// Byte ranges of any of `terms` in `text`, in order, for highlighting.
pub fn matches_of_any(text: &str, terms: &[String]) -> Vec<std::ops::Range<usize>> {
    let mut all: Vec<std::ops::Range<usize>> = terms.iter().flat_map(|t| matches_in(text, t)).collect();
    all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Byte ranges of `query` in `text`, case-insensitive for ASCII letters
/// (other text must match exactly), for highlighting.
pub fn matches_in(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let (hay, needle) = (text.as_bytes(), query.as_bytes());
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
            && text.is_char_boundary(i)
            && text.is_char_boundary(i + needle.len())
        {
            out.push(i..i + needle.len());
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras() -> Vec<String> {
        ["Title", "Putin met Witkoff", "nothing here", "PUTIN again"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn finds_paragraphs_case_insensitively_and_steps_around() {
        let s = Search::new("putin", &paras());
        assert_eq!(s.blocks, [1, 3]);
        assert_eq!(s.step(0, true), Some((1, 1)));
        assert_eq!(s.step(1, true), Some((2, 3)));
        assert_eq!(s.step(3, true), Some((1, 1)), "wraps");
        assert_eq!(s.step(1, false), Some((2, 3)), "wraps back");
        assert_eq!(Search::new("", &paras()).step(0, true), None);
    }

    #[test]
    fn any_of_several_terms() {
        let s = Search::any(&["witkoff".to_owned(), "again".to_owned()], &paras());
        assert_eq!(s.blocks, [1, 3]);
        assert_eq!(
            matches_of_any("Putin met Witkoff again", &s.terms),
            [10..17, 18..23]
        );
        let overlapping = matches_of_any("abc", &["ab".to_owned(), "b".to_owned()]);
        assert_eq!(overlapping, vec![0..2], "overlapping matches merge");
    }

    #[test]
    fn match_ranges_for_highlighting() {
        assert_eq!(matches_in("Putin and putin", "PUTIN"), [0..5, 10..15]);
        assert!(matches_in("short", "longer query").is_empty());
    }
}
