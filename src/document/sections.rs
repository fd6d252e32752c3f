//! A big Markdown body parsed in sections, so that pulldown-cmark's tree is
//! never built for 10 MB at once (it would take about three times the text
//! in memory). Sections are cut only where `CommonMark` cannot carry anything
//! across: before an unindented paragraph or heading that follows a blank
//! line, outside code fences; a body with link reference definitions,
//! footnotes or raw HTML blocks is parsed whole.

use std::ops::Range;

/// Bodies from this size up are parsed in sections of about this size.
pub const SECTION: usize = 256 * 1024;

/// Where to cut `source` into sections of about `size` bytes, or `None`
/// when it must be parsed whole.
pub fn cuts(source: &str, size: usize) -> Option<Vec<Range<usize>>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut fence: Option<&str> = None;
    let mut previous_blank = false;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        let indent = body.len() - trimmed.len();
        if indent <= 3 && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            let mark = &trimmed[..3];
            fence = match fence {
                Some(open) if open == mark => None,
                Some(open) => Some(open),
                None => Some(mark),
            };
            previous_blank = false;
            continue;
        }
        if fence.is_none() && carries_across(trimmed, indent) {
            return None;
        }
        let blank = trimmed.is_empty();
        let starts_block = fence.is_none()
            && previous_blank
            && indent == 0
            && trimmed.starts_with(|c: char| c.is_alphabetic() || c == '#');
        if starts_block && at - start >= size {
            out.push(start..at);
            start = at;
        }
        previous_blank = blank && fence.is_none();
    }
    out.push(start..source.len());
    Some(out)
}

/// Lines that tie distant parts of a document together or may span blank
/// lines: link reference definitions, footnotes, HTML blocks.
fn carries_across(trimmed: &str, indent: usize) -> bool {
    if indent > 3 {
        return false;
    }
    let reference = trimmed.starts_with('[') && trimmed.contains("]:");
    let html = trimmed.starts_with('<')
        && [
            "<!--",
            "<script",
            "<pre",
            "<style",
            "<textarea",
            "<?",
            "<![CDATA[",
        ]
        .iter()
        .any(|t| trimmed.get(..t.len()).is_some_and(|h| h.eq_ignore_ascii_case(t)));
    reference || html || trimmed.contains("[^")
}

#[cfg(test)]
mod tests {
    use super::super::markdown::{parse_markdown_with, parse_whole};
    use super::*;

    fn big_body() -> String {
        crate::test_support::bundled_bodies().repeat(3)
    }

    #[test]
    fn sections_parse_to_the_same_document() {
        let body = big_body();
        let sections = cuts(&body, 2048).expect("the bundled briefings can be cut");
        assert!(sections.len() > 20, "{} sections", sections.len());
        assert_eq!(parse_markdown_with(&body, 2048), parse_whole(&body));
    }

    #[test]
    fn fences_are_never_cut_and_references_keep_a_body_whole() {
        let body = format!(
            "Intro\n\n```\n{}\n\nNot a cut\n```\n\nAfter the fence\n",
            "x\n".repeat(100)
        );
        let sections = cuts(&body, 10).unwrap();
        for r in &sections {
            let s = &body[r.clone()];
            assert_eq!(s.matches("```").count() % 2, 0, "a fence cut in two: {s:?}");
        }
        assert_eq!(cuts("See [a][1].\n\n[1]: http://x\n", 1), None);
    }
}
