//! config.toml: defaults embedded in the binary, overlaid by the user's
//! file; a bad key or value is an error naming the file, line and key.

use crate::app::Command;
use crate::entities::EntityKind;
use crate::entities::corrections::{Correction, Corrections, Verdict};
use crate::entities::watch::{Watched, Watchlist};
use crate::keymap::{KeyBinding, Keymap};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The defaults, as shipped (`brief config --default`).
pub const DEFAULT_CONFIG: &str = include_str!("../assets/default-config.toml");

/// One key or several.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// A watched entity (SPEC §4.3).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct WatchEntry {
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A correction as written (SPEC §4.3), with where its kinds are, so that
/// a bad one is reported on its own line.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCorrection {
    name: toml::Spanned<String>,
    /// The kind the recogniser gave it (leave out: any kind).
    was: Option<toml::Spanned<String>>,
    /// Its right kind, or "not an entity".
    is: toml::Spanned<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    store: Option<PathBuf>,
    notes_dir: Option<PathBuf>,
    theme: Option<String>,
    wrap_width: Option<u16>,
    #[serde(default)]
    keys: BTreeMap<String, Keys>,
    #[serde(default)]
    watchlist: Vec<WatchEntry>,
    #[serde(default)]
    corrections: Vec<RawCorrection>,
}

/// Which colours to draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Light or dark after the terminal's background, asked at start: the
    /// default, since a fixed choice is wrong for half the terminals.
    #[default]
    Auto,
    Dark,
    Light,
    Mono,
}

/// The settings in force.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub store: Option<PathBuf>,
    pub notes_dir: Option<PathBuf>,
    pub theme: ThemeName,
    /// 0: the pane's width.
    pub wrap_width: u16,
    pub keymap_overrides: BTreeMap<Command, Vec<KeyBinding>>,
    pub watchlist: Vec<WatchEntry>,
    /// `[[corrections]]`, in the file's order (the last written wins).
    pub corrections: Vec<Correction>,
}

/// A config problem, one line: "FILE: line N: message".
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct ConfigError {
    pub path: PathBuf,
    pub message: String,
}

impl Config {
    /// Reads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Self::parse(DEFAULT_CONFIG, path),
            Err(e) => {
                return Err(ConfigError {
                    path: path.to_owned(),
                    message: e.to_string(),
                });
            }
        };
        Self::parse(&text, path)
    }

    /// Parses config text; `path` only names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let err = |message: String| ConfigError {
            path: path.to_owned(),
            message,
        };
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map_or(1, |s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            err(format!(
                "line {line}: {}",
                plain_words(e.message().lines().next().unwrap_or("invalid value"))
            ))
        })?;
        let line_of = |key: &str| {
            text.lines()
                .position(|l| l.trim_start().starts_with(key))
                .map_or(0, |n| n + 1)
        };
        let theme = match raw.theme.as_deref() {
            None | Some("auto") => ThemeName::Auto,
            Some("dark") => ThemeName::Dark,
            Some("light") => ThemeName::Light,
            Some("mono") => ThemeName::Mono,
            Some(other) => {
                return Err(err(format!(
                    "line {}: theme: unknown theme '{other}' (expected auto, dark, light or mono)",
                    line_of("theme")
                )));
            }
        };
        let mut keymap_overrides = BTreeMap::new();
        for (name, keys) in raw.keys {
            let action: Command = serde_json::from_value(serde_json::Value::String(name.clone()))
                .map_err(|_| {
                let known: Vec<String> = Command::ALL.iter().map(|c| c.id()).collect();
                err(format!(
                    "line {}: keys.{name}: unknown action (the actions: {}; 'brief config --keys' lists them with their keys)",
                    line_of(&name),
                    known.join(", ")
                ))
            })?;
            let list = match keys {
                Keys::One(k) => vec![k],
                Keys::Many(ks) => ks,
            };
            let mut parsed = Vec::new();
            for k in list {
                parsed.push(
                    KeyBinding::parse(&k)
                        .map_err(|e| err(format!("line {}: keys.{name}: {e}", line_of(&name))))?,
                );
            }
            keymap_overrides.insert(action, parsed);
        }
        if let Err(e) = Keymap::checked(&keymap_overrides) {
            let name = match &e {
                crate::keymap::KeymapError::Unbound(c) | crate::keymap::KeymapError::CtrlC(c) => c.id(),
                crate::keymap::KeymapError::Conflict { second, .. } => second.id(),
            };
            return Err(err(format!("line {}: {e}", line_of(&name))));
        }
        for w in &raw.watchlist {
            if w.kind.parse::<crate::entities::EntityKind>().is_err() {
                return Err(err(format!(
                    "line {}: watchlist '{}': kind: unknown entity kind '{}'",
                    line_of("kind"),
                    w.name,
                    w.kind
                )));
            }
        }
        let corrections = raw
            .corrections
            .iter()
            .map(|c| correction(text, c))
            .collect::<Result<_, _>>()
            .map_err(err)?;
        Ok(Self {
            store: raw.store.map(expand_home),
            notes_dir: raw.notes_dir.map(expand_home),
            theme,
            wrap_width: raw.wrap_width.unwrap_or(0),
            keymap_overrides,
            watchlist: raw.watchlist,
            corrections,
        })
    }

    /// The watchlist, ready to match (entries were validated on load),
    /// with the corrections.
    pub fn watchlist(&self) -> Watchlist {
        Watchlist::new(to_watched(&self.watchlist)).with_corrections(self.corrections())
    }

    /// The corrections alone (what `brief read` and `brief entities` use).
    pub fn corrections(&self) -> Corrections {
        Corrections::new(self.corrections.clone())
    }

    pub fn keymap(&self) -> Keymap {
        Keymap::with_overrides(&self.keymap_overrides)
    }
}

/// The line a byte offset of `text` is on, from 1.
fn line_at(text: &str, at: usize) -> usize {
    text.get(..at).unwrap_or(text).matches('\n').count() + 1
}

/// A `[[corrections]]` entry checked: a name, known kinds; an error is
/// "line N: corrections 'NAME': KEY: problem".
fn correction(text: &str, raw: &RawCorrection) -> Result<Correction, String> {
    let name = raw.name.get_ref().trim();
    let here = |at: &toml::Spanned<String>, key: &str, e: String| {
        format!(
            "line {}: corrections '{name}': {key}: {e}",
            line_at(text, at.span().start)
        )
    };
    if name.is_empty() {
        return Err(here(
            &raw.name,
            "name",
            "empty; give the name as the briefings write it".to_owned(),
        ));
    }
    let was = match &raw.was {
        Some(w) => Some(w.get_ref().parse::<EntityKind>().map_err(|e| here(w, "was", e))?),
        None => None,
    };
    let is = raw
        .is
        .get_ref()
        .parse::<Verdict>()
        .map_err(|e| here(&raw.is, "is", e))?;
    Ok(Correction {
        name: name.to_owned(),
        was,
        is,
    })
}

/// The parser's type names in words a user knows ("expected u16" →
/// "expected a whole number from 0 to 65535").
fn plain_words(message: &str) -> String {
    message
        .replace("expected u16", "expected a whole number from 0 to 65535")
        .replace("expected a boolean", "expected true or false")
}

fn to_watched(entries: &[WatchEntry]) -> Vec<Watched> {
    entries
        .iter()
        .filter_map(|w| {
            Some(Watched {
                name: w.name.clone(),
                kind: w.kind.parse::<EntityKind>().ok()?,
                aliases: w.aliases.clone(),
            })
        })
        .collect()
}

/// Adds an entity to the `[[watchlist]]` of `path` (created if missing),
/// keeping the user's comments and formatting, written atomically; returns
/// the whole watchlist now in force. A file that does not parse is left
/// untouched and reported.
pub fn add_to_watchlist(path: &Path, name: &str, kind: EntityKind) -> Result<Vec<Watched>, ConfigError> {
    let config = edit_tables(path, "watchlist", |list| {
        let mut table = toml_edit::Table::new();
        table.insert("name", toml_edit::value(name));
        table.insert("kind", toml_edit::value(kind.as_str()));
        list.push(table);
        String::new()
    })?;
    Ok(to_watched(&config.watchlist))
}

/// Takes an entity off `config.toml`'s watchlist (every entry with that
/// name and kind), keeping the rest of the file as the user wrote it.
pub fn remove_from_watchlist(path: &Path, name: &str, kind: EntityKind) -> Result<Vec<Watched>, ConfigError> {
    let config = edit_tables(path, "watchlist", |list| {
        remove_tables(list, |t| {
            let is = |key: &str, want: &str| {
                t.get(key)
                    .and_then(|v| v.as_str())
                    .is_some_and(|v| v.eq_ignore_ascii_case(want))
            };
            is("name", name) && is("kind", kind.as_str())
        })
    })?;
    Ok(to_watched(&config.watchlist))
}

/// Records a correction in `config.toml`'s `[[corrections]]`: the entry
/// for the same name and `was` is changed in place (its comments stay),
/// else one is added. Returns every correction now in force.
pub fn set_correction(path: &Path, fix: &Correction) -> Result<Vec<Correction>, ConfigError> {
    let config = edit_tables(path, "corrections", |list| {
        let is_value = toml_edit::value(fix.is.as_str());
        let at = list
            .iter()
            .enumerate()
            .filter(|(_, t)| same_correction(t, &fix.name, fix.was))
            .map(|(i, _)| i)
            .last();
        if let Some(t) = at.and_then(|i| list.get_mut(i)) {
            // Keep the comment after the old value, if any.
            let decor = t.get("is").and_then(|v| v.as_value()).map(|v| v.decor().clone());
            t.insert("is", is_value);
            if let (Some(d), Some(v)) = (decor, t.get_mut("is").and_then(|v| v.as_value_mut())) {
                *v.decor_mut() = d;
            }
        } else {
            let mut table = toml_edit::Table::new();
            table.insert("name", toml_edit::value(fix.name.as_str()));
            if let Some(was) = fix.was {
                table.insert("was", toml_edit::value(was.as_str()));
            }
            table.insert("is", is_value);
            list.push(table);
        }
        String::new()
    })?;
    Ok(config.corrections)
}

/// Removes the corrections of `name` with this `was` (undoing one),
/// keeping the rest of the file as the user wrote it.
pub fn remove_correction(
    path: &Path,
    name: &str,
    was: Option<EntityKind>,
) -> Result<Vec<Correction>, ConfigError> {
    let config = edit_tables(path, "corrections", |list| {
        remove_tables(list, |t| same_correction(t, name, was))
    })?;
    Ok(config.corrections)
}

/// Whether a `[[corrections]]` table is the one for `name` and `was`
/// (kinds compared as read, so "place" is PLACE).
fn same_correction(t: &toml_edit::Table, name: &str, was: Option<EntityKind>) -> bool {
    let its_name = t.get("name").and_then(|v| v.as_str()).map(str::trim);
    let its_was = t
        .get("was")
        .and_then(|v| v.as_str())
        .map(|k| k.parse::<EntityKind>().ok());
    its_name == Some(name.trim()) && its_was.unwrap_or(None) == was
}

/// Removes the tables `is_it` picks. Comments written above a removed
/// entry belong to the file, not to it: they move to what follows, or are
/// returned to end the file.
fn remove_tables(list: &mut toml_edit::ArrayOfTables, is_it: impl Fn(&toml_edit::Table) -> bool) -> String {
    let mut comments = String::new();
    for t in list.iter().filter(|t| is_it(t)) {
        let prefix = t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("");
        // Blank lines alone are layout (the one put before an added
        // table): adding then removing leaves the file as it was.
        if !prefix.trim().is_empty() {
            comments.push_str(prefix);
        }
    }
    list.retain(|t| !is_it(t));
    match list.get_mut(0) {
        Some(first) => {
            let own = first
                .decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or("")
                .to_owned();
            first.decor_mut().set_prefix(format!("{comments}{own}"));
            String::new()
        }
        None => comments,
    }
}

/// Changes one array of tables (`[[watchlist]]`, `[[corrections]]`) in
/// `config.toml` with `toml_edit`, so the user's comments, order and layout
/// stay (and the file keeps its mode); a file that would not load is never
/// written. Returns the configuration now in force.
fn edit_tables(
    path: &Path,
    key: &str,
    edit: impl FnOnce(&mut toml_edit::ArrayOfTables) -> String,
) -> Result<Config, ConfigError> {
    let err = |message: String| ConfigError {
        path: path.to_owned(),
        message,
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(err(e.to_string())),
    };
    // Validate first: never write into a file we would refuse to load.
    Config::parse(&text, path)?;
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| err(e.message().to_owned()))?;
    let list = doc
        .entry(key)
        .or_insert_with(|| toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()))
        .as_array_of_tables_mut()
        .ok_or_else(|| err(format!("{key}: expected [[{key}]] tables")))?;
    // What the edit leaves over (comments with nowhere to go) ends the file.
    let leftover = edit(list);
    if list.is_empty() {
        doc.remove(key);
    }
    if !leftover.is_empty() {
        let trailing = doc.trailing().as_str().unwrap_or("").to_owned();
        doc.set_trailing(format!("{leftover}{trailing}"));
    }
    let new_text = doc.to_string();
    let config = Config::parse(&new_text, path)?;
    crate::fsutil::write_atomic(path, new_text.as_bytes()).map_err(|e| err(format!("cannot save: {e}")))?;
    Ok(config)
}

/// "~/x" -> "$HOME/x", as people write paths in config files.
fn expand_home(p: PathBuf) -> PathBuf {
    if let Ok(rest) = p.strip_prefix("~")
        && let Some(home) = std::env::var_os("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_defaults_parse() {
        let c = Config::parse(DEFAULT_CONFIG, Path::new("default")).unwrap();
        assert_eq!(c.theme, ThemeName::Auto);
        assert_eq!(Config::default().theme, ThemeName::Auto);
        for (value, name) in [
            ("auto", ThemeName::Auto),
            ("dark", ThemeName::Dark),
            ("light", ThemeName::Light),
            ("mono", ThemeName::Mono),
        ] {
            let c = Config::parse(&format!("theme = \"{value}\"\n"), Path::new("c.toml")).unwrap();
            assert_eq!(c.theme, name);
        }
        assert!(c.keymap_overrides.is_empty());
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let e = Config::parse("theme = \"dark\"\ncolour = 3\n", Path::new("/c/config.toml")).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("/c/config.toml: line 2:"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
        assert_eq!(msg.lines().count(), 1);
    }

    #[test]
    fn bad_values_are_errors() {
        let e = Config::parse("theme = \"purple\"\n", Path::new("c.toml")).unwrap_err();
        assert!(
            e.to_string().contains("line 1: theme: unknown theme 'purple'"),
            "{e}"
        );
        let e = Config::parse("[keys]\nquit = \"hyper-q\"\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().contains("keys.quit: unknown key"), "{e}");
        let e = Config::parse("[keys]\nfly = \"f\"\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().contains("keys.fly: unknown action"), "{e}");
    }

    #[test]
    fn adding_to_the_watchlist_keeps_comments_and_formatting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "# my settings\ntheme   =   \"light\"  # I like it light\n").unwrap();
        let list = add_to_watchlist(&path, "Rustem Umerov", EntityKind::Person).unwrap();
        assert_eq!(list[0].name, "Rustem Umerov");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# my settings\ntheme   =   \"light\"  # I like it light\n"),
            "{text}"
        );
        assert!(
            text.contains("[[watchlist]]\nname = \"Rustem Umerov\"\nkind = \"PERSON\""),
            "{text}"
        );
        let again = add_to_watchlist(&path, "NATO", EntityKind::Org).unwrap();
        assert_eq!(again.len(), 2);
        let c = Config::load(&path).unwrap();
        assert_eq!(c.theme, ThemeName::Light);
        assert_eq!(c.watchlist().entries().len(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn adding_to_the_watchlist_keeps_the_file_mode_and_every_comment() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let original = "# brief settings, by hand\n\
                        theme = \"dark\" # the dark one\n\
                        \n\
                        # people I follow\n\
                        [[watchlist]]\n\
                        # the minister\n\
                        name = \"Rustem Umerov\" # full name\n\
                        kind = \"PERSON\"\n\
                        # end of file\n";
        std::fs::write(&path, original).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        add_to_watchlist(&path, "NATO", EntityKind::Org).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "config.toml became {mode:o}");
        let text = std::fs::read_to_string(&path).unwrap();
        for comment in original.lines().filter_map(|l| l.find('#').map(|at| &l[at..])) {
            assert!(text.contains(comment), "lost {comment:?}:\n{text}");
        }
        assert!(text.contains("name = \"NATO\""), "{text}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temporaries left"
        );
    }

    #[test]
    fn a_broken_config_is_not_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "theme = \"dark\"\nbogus = 1\n").unwrap();
        assert!(add_to_watchlist(&path, "NATO", EntityKind::Org).is_err());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "theme = \"dark\"\nbogus = 1\n"
        );
    }

    #[test]
    fn a_wrong_type_is_said_in_words() {
        let e = Config::parse("wrap_width = \"wide\"\n", Path::new("c.toml")).unwrap_err();
        assert!(
            e.to_string().contains("expected a whole number from 0 to 65535"),
            "{e}"
        );
        assert!(!e.to_string().contains("u16"), "{e}");
    }

    #[test]
    fn keys_that_would_trap_the_user_are_refused_with_their_line() {
        let e = Config::parse("theme = \"dark\"\n[keys]\nquit = []\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().contains("line 3: keys.quit: no key left"), "{e}");
        let e = Config::parse(
            "[keys]\nquit = [\"x\"]\nadd_note = [\"x\"]\n",
            Path::new("c.toml"),
        )
        .unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("'x' is also the key of"), "{msg}");
        assert!(msg.contains("c.toml"), "names the file: {msg}");
        assert!(msg.contains("line 2") || msg.contains("line 3"), "{msg}");
        let e = Config::parse("[keys]\nadd_note = [\"ctrl-c\"]\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().contains("Ctrl-c always quits"), "{e}");
        let e = Config::parse("[keys]\nsearch = \"f\"\n", Path::new("c.toml")).unwrap_err();
        assert!(
            e.to_string().contains("add_note") && e.to_string().contains("config --keys"),
            "{e}"
        );
        // Saving a note on Esc and going back on Esc do not clash: the
        // editor and the panes are different places.
        assert!(Config::parse("[keys]\nback = [\"esc\"]\n", Path::new("c.toml")).is_ok());
    }

    #[test]
    fn keys_and_watchlist() {
        let c = Config::parse(
            "[keys]\nquit = [\"Q\", \"ctrl-q\"]\n[[watchlist]]\nname = \"Vladimir Putin\"\nkind = \"PERSON\"\naliases = [\"Putin\"]\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(c.keymap_overrides[&Command::Quit].len(), 2);
        assert_eq!(c.watchlist[0].aliases, ["Putin"]);
    }

    fn brent() -> Correction {
        Correction {
            name: "Brent".into(),
            was: Some(EntityKind::Place),
            is: Verdict::NotAnEntity,
        }
    }

    #[cfg(unix)]
    #[test]
    fn corrections_added_and_removed_keep_comments_and_the_file_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let original = "# brief settings, by hand\n\
                        theme = \"dark\" # the dark one\n\
                        \n\
                        # people I follow\n\
                        [[watchlist]]\n\
                        name = \"Rustem Umerov\" # full name\n\
                        kind = \"PERSON\"\n\
                        # end of file\n";
        std::fs::write(&path, original).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let list = set_correction(&path, &brent()).unwrap();
        assert_eq!(list, [brent()]);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("[[corrections]]\nname = \"Brent\"\nwas = \"PLACE\"\nis = \"not an entity\""),
            "{text}"
        );
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "config.toml became {mode:o}");
        for comment in original.lines().filter_map(|l| l.find('#').map(|at| &l[at..])) {
            assert!(text.contains(comment), "lost {comment:?}:\n{text}");
        }
        assert_eq!(Config::load(&path).unwrap().corrections, [brent()]);

        // Changed again: the same entry, in place, with the user's comment.
        let edited = text.replace("is = \"not an entity\"", "is = \"not an entity\" # crude oil");
        std::fs::write(&path, &edited).unwrap();
        let org = Correction {
            is: Verdict::Kind(EntityKind::Org),
            ..brent()
        };
        assert_eq!(set_correction(&path, &org).unwrap(), std::slice::from_ref(&org));
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches("[[corrections]]").count(), 1, "{text}");
        assert!(text.contains("is = \"ORG\" # crude oil"), "{text}");

        // Removed: the file as it was, comments and mode kept.
        assert!(
            remove_correction(&path, "Brent", Some(EntityKind::Place))
                .unwrap()
                .is_empty()
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("corrections"), "{text}");
        for comment in original.lines().filter_map(|l| l.find('#').map(|at| &l[at..])) {
            assert!(text.contains(comment), "lost {comment:?}:\n{text}");
        }
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "config.toml became {mode:o}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temporaries left"
        );
    }

    #[test]
    fn removing_a_correction_keeps_the_others_and_their_comments() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let original = "# Brent is crude\n[[corrections]]\nname = \"Brent\"\nwas = \"place\"\nis = \"none\"\n\n\
                        # a footballer\n[[corrections]]\nname = \"Jordan Henderson\"\nis = \"PERSON\"\n";
        std::fs::write(&path, original).unwrap();
        let left = remove_correction(&path, "Brent", Some(EntityKind::Place)).unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].name, "Jordan Henderson");
        assert_eq!(left[0].was, None);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("# Brent is crude") && text.contains("# a footballer"),
            "{text}"
        );
        assert!(!text.contains("\"Brent\""), "{text}");
    }

    #[test]
    fn a_bad_correction_names_the_file_and_its_line() {
        let text = "theme = \"dark\"\n\n[[corrections]]\nname = \"Brent\"\nis = \"PERSON\"\n\n\
                    [[corrections]]\nname = \"Chad\"\nwas = \"PLACE\"\nis = \"PLANET\"\n";
        let e = Config::parse(text, Path::new("/c/config.toml")).unwrap_err();
        let msg = e.to_string();
        assert_eq!(msg.lines().count(), 1, "{msg}");
        assert!(
            msg.starts_with("/c/config.toml: line 10: corrections 'Chad': is:"),
            "{msg}"
        );
        assert!(msg.contains("'PLANET'") && msg.contains("not an entity"), "{msg}");
        let e = Config::parse(
            "[[corrections]]\nname = \"Chad\"\nwas = \"COUNTRY\"\nis = \"none\"\n",
            Path::new("c.toml"),
        )
        .unwrap_err();
        assert!(e.to_string().contains("line 3: corrections 'Chad': was:"), "{e}");
        let e = Config::parse("[[corrections]]\nname = \"Chad\"\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().contains("is"), "{e}");
        let e = Config::parse(
            "[[corrections]]\nname = \" \"\nis = \"none\"\n",
            Path::new("c.toml"),
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("line 2: corrections '': name: empty"),
            "{e}"
        );
        // And nothing is written into a file that would not load.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        assert!(set_correction(&path, &brent()).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
}
