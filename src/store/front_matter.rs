//! YAML (`---`) and TOML (`+++`) front matter at the top of a Markdown file.

use std::collections::BTreeMap;

/// The fields a briefing's producer may declare. Unknown fields are ignored:
/// front matter is shared with other tools (static site generators).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// Where the briefing was published (`url` or `link`).
    pub url: Option<String>,
    /// A `date` that is not a date ("yesterday"): left out of `date`, so it
    /// neither shows nor sorts, and said as a warning.
    pub bad_date: Option<String>,
    /// Declared entities: kind name (as written) to names.
    pub entities: BTreeMap<String, Vec<String>>,
}

/// Front matter split from a document: the fields, and the byte offset
/// where the body starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Split {
    pub front: FrontMatter,
    pub body_start: usize,
}

/// A front matter block that could not be read; `line` is 1-based in the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("front matter, line {line}: {message}")]
pub struct FrontMatterError {
    pub line: usize,
    pub message: String,
}

/// A generic value from either syntax, so both map to the same fields.
enum Value {
    Text(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
    Other,
}

/// The most front matter read: real front matter is a few hundred bytes,
/// and the YAML parser's cost grows faster than its input.
pub const MAX_BYTES: usize = 64 * 1024;

/// The deepest nesting of lists and maps accepted: deeper is an attack or
/// an accident, and the parser's cost grows with it.
pub const MAX_DEPTH: usize = 64;

/// Splits and parses front matter. Text without a front matter fence gives
/// empty fields and a body starting at 0. Front matter over [`MAX_BYTES`]
/// or nested deeper than [`MAX_DEPTH`] is refused before it is parsed.
pub fn split(text: &str) -> Result<Split, FrontMatterError> {
    let Some((fence, is_yaml)) = opening_fence(text) else {
        return Ok(Split::default());
    };
    let content_start = fence;
    let mut offset = content_start;
    for line in text[content_start..].split_inclusive('\n') {
        if offset - content_start > MAX_BYTES {
            return Err(FrontMatterError {
                line: 1,
                message: format!(
                    "front matter is over {} KiB; a briefing's is a few lines",
                    MAX_BYTES / 1024
                ),
            });
        }
        let trimmed = line.trim_end();
        let closes = if is_yaml {
            trimmed == "---" || trimmed == "..."
        } else {
            trimmed == "+++"
        };
        if closes {
            let raw = &text[content_start..offset];
            if let Some(line) = too_deep(raw) {
                return Err(FrontMatterError {
                    line: line + 1,
                    message: format!("nested more than {MAX_DEPTH} levels deep"),
                });
            }
            let value = if is_yaml { parse_yaml(raw) } else { parse_toml(raw) };
            let value = value.map_err(|(line, message)| FrontMatterError {
                line: line + 1,
                message,
            })?;
            return Ok(Split {
                front: fields(value),
                body_start: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(FrontMatterError {
        line: 1,
        message: format!(
            "the opening '{}' has no closing fence",
            if is_yaml { "---" } else { "+++" }
        ),
    })
}

/// The 0-based line inside the block where lists and maps nest deeper than
/// [`MAX_DEPTH`], counting brackets and braces outside quotes and block
/// indentation; `None` when the block is shallow enough.
fn too_deep(raw: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (n, line) in raw.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '\t', '-']).len();
        let mut quote: Option<char> = None;
        for c in line.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') => break,
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(n + 1);
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                // Inside quotes, or any other character: text.
                _ => {}
            }
        }
        // Each level of block nesting indents by at least one column.
        if indent > 2 * MAX_DEPTH {
            return Some(n + 1);
        }
    }
    None
}

/// Returns the offset after the opening fence line and whether it is YAML.
fn opening_fence(text: &str) -> Option<(usize, bool)> {
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - text_no_bom.len();
    let first = text_no_bom.split_inclusive('\n').next()?;
    let is_yaml = match first.trim_end() {
        "---" => true,
        "+++" => false,
        _ => return None,
    };
    Some((bom + first.len(), is_yaml))
}

/// Parses YAML; errors carry the 0-based line inside the block.
fn parse_yaml(raw: &str) -> Result<Value, (usize, String)> {
    if raw.trim().is_empty() {
        return Ok(Value::Map(Vec::new()));
    }
    let v: serde_yaml_ng::Value = serde_yaml_ng::from_str(raw).map_err(|e| {
        let line = e.location().map_or(0, |l| l.line().saturating_sub(1));
        (line + 1, first_line(&e.to_string()))
    })?;
    Ok(from_yaml(v))
}

fn parse_toml(raw: &str) -> Result<Value, (usize, String)> {
    let v: toml::Table = toml::from_str(raw).map_err(|e| {
        let line = e
            .span()
            .map_or(0, |s| raw[..s.start.min(raw.len())].matches('\n').count());
        (line + 1, first_line(e.message()))
    })?;
    Ok(from_toml(toml::Value::Table(v)))
}

/// The parser's message on one line, without its own position (ours, from
/// the file's first line, is given instead).
fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("").trim();
    line.split(" at line ")
        .next()
        .unwrap_or(line)
        .trim_end_matches(',')
        .to_owned()
}

fn from_yaml(v: serde_yaml_ng::Value) -> Value {
    use serde_yaml_ng::Value as Y;
    match v {
        Y::String(s) => Value::Text(s),
        Y::Number(n) => Value::Text(n.to_string()),
        Y::Bool(b) => Value::Text(b.to_string()),
        Y::Sequence(items) => Value::List(items.into_iter().map(from_yaml).collect()),
        Y::Mapping(m) => Value::Map(
            m.into_iter()
                .filter_map(|(k, v)| match k {
                    Y::String(k) => Some((k, from_yaml(v))),
                    _ => None,
                })
                .collect(),
        ),
        Y::Tagged(t) => from_yaml(t.value),
        Y::Null => Value::Other,
    }
}

fn from_toml(v: toml::Value) -> Value {
    use toml::Value as T;
    match v {
        T::String(s) => Value::Text(s),
        T::Integer(i) => Value::Text(i.to_string()),
        T::Float(f) => Value::Text(f.to_string()),
        T::Boolean(b) => Value::Text(b.to_string()),
        T::Datetime(d) => Value::Text(d.to_string()),
        T::Array(items) => Value::List(items.into_iter().map(from_toml).collect()),
        T::Table(t) => Value::Map(t.into_iter().map(|(k, v)| (k, from_toml(v))).collect()),
    }
}

fn text(v: Value) -> Option<String> {
    match v {
        Value::Text(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    }
}

/// The day of an ISO 8601 date or date-time ("2026-11-25",
/// "2026-11-25T09:30:00Z", "2026-11-25 09:30"), as `YYYY-MM-DD`: what the
/// list shows and sorts by.
fn iso_date(text: &str) -> Option<String> {
    let day = text.get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let shape = digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10);
    let rest = &text[10..];
    let rest_ok = rest.is_empty() || rest.starts_with(['T', 't', ' ']);
    let month: u8 = day[5..7].parse().ok()?;
    let dom: u8 = day[8..10].parse().ok()?;
    (shape && rest_ok && (1..=12).contains(&month) && (1..=31).contains(&dom)).then(|| day.to_owned())
}

/// A list field also accepts one comma-separated string ("tags: a, b").
fn list(v: Value) -> Vec<String> {
    match v {
        Value::Text(s) => s
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        Value::List(items) => items.into_iter().filter_map(text).collect(),
        _ => Vec::new(),
    }
}

fn fields(v: Value) -> FrontMatter {
    let mut f = FrontMatter::default();
    let Value::Map(entries) = v else { return f };
    for (key, value) in entries {
        match key.to_ascii_lowercase().as_str() {
            "title" => f.title = text(value),
            "date" => {
                if let Some(d) = text(value) {
                    match iso_date(&d) {
                        Some(day) => f.date = Some(day),
                        None => f.bad_date = Some(d),
                    }
                }
            }
            "source" => f.source = text(value),
            "author" => f.author = text(value),
            "tags" => f.tags = list(value),
            "url" | "link" => f.url = text(value),
            "entities" => {
                if let Value::Map(kinds) = value {
                    for (kind, names) in kinds {
                        f.entities.entry(kind).or_default().extend(list(names));
                    }
                }
            }
            _ => {}
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!(
            "---\nz: {}x{}\n---\nbody\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        let t = std::time::Instant::now();
        let e = split(&deep).unwrap_err();
        assert!(e.message.contains("nested more than 64"), "{e}");
        assert_eq!(e.line, 2);
        // The 200 KB file, 100,000 deep, is refused too (by its size).
        let huge = format!(
            "---\nz: {}x{}\n---\nbody\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(split(&huge).is_err());
        // Linear, not quadratic: far under the 40 s the parser took. (Not a
        // timing test: a generous bound that only a quadratic scan misses.)
        assert!(t.elapsed() < std::time::Duration::from_secs(5));
        let shallow = format!("---\nz: {}x{}\ntitle: T\n---\n", "[".repeat(10), "]".repeat(10));
        assert_eq!(split(&shallow).unwrap().front.title.as_deref(), Some("T"));
        let quoted =
            "---\ntitle: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n---\n";
        assert!(split(quoted).is_ok(), "brackets inside quotes are text");
    }

    #[test]
    fn front_matter_over_64_kib_is_refused() {
        let big = format!("---\ntitle: T\nnote: {}\n---\nbody\n", "x".repeat(70 * 1024));
        let e = split(&big).unwrap_err();
        assert!(e.message.contains("over 64 KiB"), "{e}");
        let unclosed = format!("---\n{}", "a: b\n".repeat(20_000));
        assert!(split(&unclosed).unwrap_err().message.contains("over 64 KiB"));
    }

    #[test]
    fn dates_are_days_and_anything_else_is_set_aside() {
        let date = |d: &str| split(&format!("---\ndate: {d}\n---\n")).unwrap().front;
        assert_eq!(date("2026-11-25").date.as_deref(), Some("2026-11-25"));
        assert_eq!(date("2026-11-25T09:30:00Z").date.as_deref(), Some("2026-11-25"));
        assert_eq!(date("\"2026-11-25 09:30\"").date.as_deref(), Some("2026-11-25"));
        let bad = date("yesterday");
        assert_eq!(bad.date, None, "neither shown nor sorted");
        assert_eq!(bad.bad_date.as_deref(), Some("yesterday"));
        assert_eq!(date("2026-13-01").date, None);
        let toml = split("+++\ndate = 2026-11-25T09:30:00Z\n+++\n").unwrap().front;
        assert_eq!(toml.date.as_deref(), Some("2026-11-25"));
    }

    #[test]
    fn parser_messages_lose_their_own_position() {
        let e = split("---\ntitle: x: y\n---\nbody\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "front matter, line 2: mapping values are not allowed in this context"
        );
    }

    #[test]
    fn yaml_front_matter() {
        let text = "---\ntitle: Talks in Miami\ndate: 2026-11-24\nsource: Desk\ntags: [ukraine, diplomacy]\nentities:\n  PERSON: [Rustem Umerov]\n---\n# Body\n";
        let s = split(text).unwrap();
        assert_eq!(s.front.title.as_deref(), Some("Talks in Miami"));
        assert_eq!(s.front.date.as_deref(), Some("2026-11-24"));
        assert_eq!(s.front.tags, ["ukraine", "diplomacy"]);
        assert_eq!(s.front.entities["PERSON"], ["Rustem Umerov"]);
        assert_eq!(&text[s.body_start..], "# Body\n");
    }

    #[test]
    fn toml_front_matter_with_datetime_and_string_tags() {
        let text = "+++\ntitle = \"Brief\"\ndate = 2026-11-25\ntags = \"a, b\"\n+++\nBody";
        let s = split(text).unwrap();
        assert_eq!(s.front.title.as_deref(), Some("Brief"));
        assert_eq!(s.front.date.as_deref(), Some("2026-11-25"));
        assert_eq!(s.front.tags, ["a", "b"]);
        assert_eq!(&text[s.body_start..], "Body");
    }

    #[test]
    fn no_front_matter() {
        let s = split("# Just a heading\n").unwrap();
        assert_eq!(s, Split::default());
    }

    #[test]
    fn malformed_yaml_names_a_line() {
        let err = split("---\ntitle: ok\ntags: [unclosed\n---\nbody").unwrap_err();
        assert!(err.line >= 2, "{err}");
        assert!(err.to_string().starts_with("front matter, line"));
    }

    #[test]
    fn unclosed_fence_is_an_error() {
        let err = split("---\ntitle: x\n").unwrap_err();
        assert!(err.message.contains("no closing fence"));
    }
}
