//! Names (PERSON, ORG, PLACE, GROUP): capitalised words cut into candidate
//! sequences, then labelled by the ordered rules of `rules.rs`.
//!
//! At each name word: a headline or words in capitals take only names the
//! lists know (`rules/headlines.rs`); otherwise the candidate sequence
//! (`candidates.rs`) is split by the rules, tried in order.

mod candidates;
mod context;
mod rules;
#[cfg(test)]
mod tests;

pub(super) use context::Cx;
pub(super) use rules::headlines::push_title_case;
#[cfg(test)]
use rules::headlines::title_case;

use super::Entity;
use super::explain::Rule;
use super::tokens::Token;

/// Finds PERSON, ORG, PLACE and GROUP mentions, sorted.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Entity> {
    let cx = Cx::new(text, tokens);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !cx.namey(i) {
            i += 1;
            continue;
        }
        i = if tokens[i].caps_line {
            rules::headlines::headline(&cx, i, &mut found)
        } else if let Some(end) = rules::headlines::known_capitals(&cx, i, &mut found) {
            end
        } else {
            let end = candidates::sequence_end(&cx, i);
            rules::segment(&cx, i, end, &mut found);
            end
        };
    }
    found.sort();
    found
}

/// The rule of a names stage's code (`explain::code`).
pub(super) fn rule_of(c: u8) -> &'static Rule {
    use super::explain::code;
    match c {
        code::HEADLINE => &rules::headlines::HEADLINE,
        code::CAPITALS => &rules::headlines::CAPITALS,
        c if (code::SEGMENT..code::RUN).contains(&c) => &rules::RULES[usize::from(c - code::SEGMENT)].rule,
        c if (code::RUN..code::SURNAME).contains(&c) => &rules::RUN_RULES[usize::from(c - code::RUN)].rule,
        _ => &super::explain::GIVEN,
    }
}
