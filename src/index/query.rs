//! The search query language: FTS5 words, `"phrases"`, `prefix*`,
//! `AND`/`OR`/`NOT`, and filters `person:` `org:` `place:` `group:`
//! `source:` `tag:` `after:` `before:`. Pure: parsed without a database.
//!
//! A filter is `key:value` or `key:"quoted value"`; keys are matched
//! case-insensitively. A `word:value` whose key is made of letters but is
//! no filter is an error naming the filters: it is a typo far more often
//! than a search (quote it to search for the words). Anything else is FTS5
//! text, passed on as written except that a bare word with punctuation
//! inside (`U.S.`, `covid-19`, `Putin's`, `10:30`) is quoted as a phrase,
//! which is what its reader means and what FTS5 would otherwise refuse.

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

/// The filter keys, as the user is told them.
const KEYS: &str = "person: org: place: group: source: tag: after: before:";

/// Parses the query language.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    let mut query = Query::default();
    let mut text: Vec<String> = Vec::new();
    for token in tokens(input)? {
        if let Some(filter) = filter(&token)? {
            query.filters.push(filter);
        } else {
            text.push(fts_word(&token));
        }
    }
    query.text = text.join(" ");
    Ok(query)
}

/// Splits at whitespace outside double quotes; a quote inside a word
/// (`person:"Vladimir Putin"`) runs to its closing quote. FTS5 writes a
/// quote inside a phrase as `""`, which needs no special case here: it
/// closes and reopens.
fn tokens(input: &str) -> Result<Vec<String>, QueryError> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in input.chars() {
        if c == '"' {
            quoted = !quoted;
            current.push(c);
        } else if c.is_whitespace() && !quoted {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if quoted {
        return Err(QueryError("a quote is not closed".to_owned()));
    }
    if !current.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// The filter a token is, if it is one.
fn filter(token: &str) -> Result<Option<Filter>, QueryError> {
    let Some((key, value)) = token.split_once(':') else {
        return Ok(None);
    };
    if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphabetic()) {
        return Ok(None);
    }
    let key = key.to_ascii_lowercase();
    let value = unquote(value);
    let make: fn(String) -> Filter = match key.as_str() {
        "person" => |v| Filter::Entity(EntityKind::Person, v),
        "org" => |v| Filter::Entity(EntityKind::Org, v),
        "place" => |v| Filter::Entity(EntityKind::Place, v),
        "group" => |v| Filter::Entity(EntityKind::Group, v),
        "source" => Filter::Source,
        "tag" => Filter::Tag,
        "after" => Filter::After,
        "before" => Filter::Before,
        _ => {
            return Err(QueryError(format!(
                "unknown filter '{key}:' (filters are {KEYS}); put it in quotes to search for the words"
            )));
        }
    };
    if value.trim().is_empty() {
        return Err(QueryError(format!(
            "{key}: needs a value, as in {key}:word or {key}:\"two words\""
        )));
    }
    if matches!(key.as_str(), "after" | "before") && !is_date_prefix(&value) {
        return Err(QueryError(format!(
            "{key}: wants a date such as 2026-11-24, 2026-11 or 2026, not '{value}'"
        )));
    }
    Ok(Some(make(value.trim().to_owned())))
}

/// A filter's value without its quotes (`""` inside stands for `"`).
fn unquote(value: &str) -> String {
    match value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => value.to_owned(),
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn is_date_prefix(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let widths = [4, 2, 2];
    parts.len() <= 3
        && parts
            .iter()
            .zip(widths)
            .all(|(p, w)| p.len() == w && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A text token as FTS5 should see it: a bare word with punctuation inside
/// becomes a phrase (keeping a trailing `*` as a prefix search). Tokens
/// with FTS5 syntax (quotes, parentheses, `*`, `^`, `+`, a leading `-`
/// or a comma) are left as written: they are the user's FTS5.
fn fts_word(token: &str) -> String {
    let (core, star) = match token.strip_suffix('*') {
        Some(core) => (core, "*"),
        None => (token, ""),
    };
    let syntax = |c: char| matches!(c, '"' | '(' | ')' | '*' | '^' | '+' | ',');
    let punctuated = core
        .chars()
        .any(|c| c.is_ascii() && !c.is_ascii_alphanumeric() && c != '_');
    if core.is_empty() || core.starts_with('-') || core.chars().any(syntax) || !punctuated {
        return token.to_owned();
    }
    format!("\"{core}\"{star}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::{Group, Org, Person, Place};

    fn filters(input: &str) -> Vec<Filter> {
        let q = parse(input).unwrap();
        assert!(q.text.is_empty(), "{q:?}");
        q.filters
    }

    #[test]
    fn words_phrases_prefixes_and_operators_pass_through() {
        let q = parse(r#"ceasefire "peace framework" negotiat* AND (Kyiv OR Odesa) NOT Moscow"#).unwrap();
        assert_eq!(
            q.text,
            r#"ceasefire "peace framework" negotiat* AND (Kyiv OR Odesa) NOT Moscow"#
        );
        assert!(q.filters.is_empty());
        assert_eq!(parse("  Kyiv\t Odesa ").unwrap().text, "Kyiv Odesa");
    }

    #[test]
    fn every_entity_filter() {
        assert_eq!(filters("person:Putin"), [Filter::Entity(Person, "Putin".into())]);
        assert_eq!(filters("org:NATO"), [Filter::Entity(Org, "NATO".into())]);
        assert_eq!(filters("place:Kyiv"), [Filter::Entity(Place, "Kyiv".into())]);
        assert_eq!(
            filters("group:Ukrainians"),
            [Filter::Entity(Group, "Ukrainians".into())]
        );
    }

    #[test]
    fn source_tag_and_dates() {
        assert_eq!(filters("source:Reuters"), [Filter::Source("Reuters".into())]);
        assert_eq!(filters("tag:energy"), [Filter::Tag("energy".into())]);
        assert_eq!(filters("after:2026-11"), [Filter::After("2026-11".into())]);
        assert_eq!(
            filters("before:2026-11-24"),
            [Filter::Before("2026-11-24".into())]
        );
        assert_eq!(filters("after:2026"), [Filter::After("2026".into())]);
    }

    #[test]
    fn quoted_values_and_case_insensitive_keys() {
        assert_eq!(
            filters(r#"PERSON:"Vladimir Putin""#),
            [Filter::Entity(Person, "Vladimir Putin".into())]
        );
        assert_eq!(
            filters(r#"Source:"Analysis Desk" tag:"a ""b"" c""#),
            [
                Filter::Source("Analysis Desk".into()),
                Filter::Tag(r#"a "b" c"#.into())
            ]
        );
    }

    #[test]
    fn filters_combine_with_text_in_any_order() {
        let q = parse(
            r#"talks person:"Steve Witkoff" "security guarantees" after:2026-11 place:Miami OR Geneva"#,
        )
        .unwrap();
        assert_eq!(q.text, r#"talks "security guarantees" OR Geneva"#);
        assert_eq!(
            q.filters,
            [
                Filter::Entity(Person, "Steve Witkoff".into()),
                Filter::After("2026-11".into()),
                Filter::Entity(Place, "Miami".into()),
            ]
        );
    }

    #[test]
    fn punctuated_words_become_phrases() {
        assert_eq!(parse("U.S. talks").unwrap().text, r#""U.S." talks"#);
        assert_eq!(parse("covid-19*").unwrap().text, r#""covid-19"*"#);
        assert_eq!(parse("Putin's").unwrap().text, r#""Putin's""#);
        assert_eq!(parse("10:30").unwrap().text, r#""10:30""#);
        assert_eq!(parse("東京").unwrap().text, "東京");
        // The user's FTS5 stays theirs.
        assert_eq!(parse("NEAR(a b, 5)").unwrap().text, "NEAR(a b, 5)");
        assert_eq!(parse("-word").unwrap().text, "-word");
    }

    #[test]
    fn errors_are_one_line_and_say_what_to_do() {
        for (input, says) in [
            (r#"talks "unclosed"#, "a quote is not closed"),
            ("persn:Putin", "unknown filter 'persn:'"),
            ("person:", "person: needs a value"),
            ("tag:\"\"", "tag: needs a value"),
            ("after:yesterday", "after: wants a date"),
            ("before:2026-1", "before: wants a date"),
        ] {
            let err = parse(input).unwrap_err().to_string();
            assert!(err.starts_with("search: "), "{err}");
            assert!(err.contains(says), "{input}: {err}");
            assert!(!err.contains('\n'), "{err}");
        }
    }

    #[test]
    fn a_quoted_unknown_key_is_searched_as_words() {
        let q = parse(r#""persn:Putin""#).unwrap();
        assert_eq!(q.text, r#""persn:Putin""#);
        assert!(q.filters.is_empty());
    }

    #[test]
    fn empty_input_is_an_empty_query() {
        assert_eq!(parse("   ").unwrap(), Query::default());
    }
}
