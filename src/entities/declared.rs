//! Names declared by someone who knows better than the rules: a briefing's
//! front matter, later the user's watchlist. They always win.

use super::explain::{Basis, Rule, Why, code, yes};
use super::{Entity, EntityKind};
use aho_corasick::{AhoCorasick, MatchKind};

/// Names declared in the front matter or the watchlist.
pub static DECLARED: Rule = Rule {
    id: "declared",
    about: "declared in the briefing's front matter or the watchlist",
    examples: &[yes(
        "---\nentities:\n  PLACE: [Kaveri Holdings]\n---\n\nShares of [[PLACE:Kaveri Holdings]] fell.",
    )],
};

/// A set of declared names, matched as whole words.
#[derive(Debug, Clone, Default)]
pub struct Declared {
    names: Vec<(String, EntityKind)>,
    matcher: Option<AhoCorasick>,
}

impl Declared {
    /// Builds the matcher once; an empty set costs nothing.
    pub fn new(names: impl IntoIterator<Item = (String, EntityKind)>) -> Self {
        let mut names: Vec<_> = names
            .into_iter()
            .map(|(n, k)| (n.trim().to_owned(), k))
            .filter(|(n, _)| !n.is_empty())
            .collect();
        names.sort();
        names.dedup_by(|a, b| a.0 == b.0);
        let matcher = if names.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(names.iter().map(|(n, _)| n.as_str()))
                .ok()
        };
        Self { names, matcher }
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Every whole-word occurrence of a declared name in `text`.
    pub fn find(&self, text: &str) -> Vec<Entity> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        matcher
            .find_iter(text)
            .filter(|m| word_boundary(text, m.start(), m.end()))
            .map(|m| Entity {
                start: m.start(),
                end: m.end(),
                kind: self.names[m.pattern().as_usize()].1,
                why: Why::new(code::DECLARED, Basis::Declared),
            })
            .collect()
    }

    /// Puts declared mentions over `found`, dropping what they overlap.
    pub fn apply(&self, text: &str, found: Vec<Entity>) -> Vec<Entity> {
        let declared = self.find(text);
        if declared.is_empty() {
            return found;
        }
        super::merge(declared, found)
    }
}

fn word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_names_win_and_match_whole_words_only() {
        let d = Declared::new([
            ("Umerov".to_owned(), EntityKind::Person),
            ("Naftogaz".to_owned(), EntityKind::Org),
        ]);
        let text = "Umerov met Naftogaz; Umerovs is not a match.";
        let recognised = vec![Entity::new(0, 6, EntityKind::Place)];
        let out = d.apply(text, recognised);
        assert_eq!(
            out,
            [
                Entity::new(0, 6, EntityKind::Person),
                Entity::new(11, 19, EntityKind::Org)
            ]
        );
    }
}
