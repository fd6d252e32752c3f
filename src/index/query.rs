//! The search query language: FTS5 words, `"phrases"`, `prefix*`,
//! `AND`/`OR`/`NOT`, and filters `person:` `org:` `place:` `group:`
//! `source:` `tag:` `after:` `before:`. Pure: parsed without a database.
//!
//! SKELETON: the contract; the parser is being written.

use crate::entities::EntityKind;

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// What FTS5 matches (words, phrases, prefixes, operators), as given
    /// less the filters; empty when the query is filters only.
    pub text: String,
    pub filters: Vec<Filter>,
}

/// A condition on the briefing, not its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// The briefing names this entity (canonical name or alias).
    Entity(EntityKind, String),
    Source(String),
    Tag(String),
    /// Dated on or after (`YYYY-MM-DD`, or a prefix: `2026-11`).
    After(String),
    /// Dated on or before.
    Before(String),
}

/// A query that cannot be run; Display is one line for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("search: {0}")]
pub struct QueryError(pub String);

/// Parses the query language.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    let _ = input;
    unimplemented!("skeleton")
}
