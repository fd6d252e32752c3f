//! The store: a folder (or list of files) of briefings, scanned into
//! metadata entries; each file's problems stay on its own entry.

pub mod bundled;
mod front_matter;
mod scan;

pub use front_matter::{FrontMatter, FrontMatterError, split as split_front_matter};
pub use scan::{list_files, list_paths, scan, scan_paths, stat_signature};

use crate::document::{Document, parse_markdown, parse_text};
use std::fmt;
use std::path::{Path, PathBuf};

/// How a briefing's body is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
}

impl Format {
    /// The format for a file name, if it is a briefing at all.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Self::Markdown),
            "txt" => Some(Self::Text),
            _ => None,
        }
    }
}

/// A problem reading one file. Display is one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: no such file or folder", .0.display())]
    NotFound(PathBuf),
    // `cause`, not `source`: the message already says it, and a source
    // would make `{:#}` print it twice.
    #[error("{}: {cause}", path.display())]
    Io { path: PathBuf, cause: std::io::Error },
    #[error("{}: is a binary file, not a briefing", .0.display())]
    Binary(PathBuf),
    #[error("{}: is a folder; give a briefing file", .0.display())]
    IsDir(PathBuf),
    /// A FIFO, socket or device: reading it could block forever or never end.
    #[error("{}: is not a regular file (a pipe, socket or device), not a briefing", .0.display())]
    NotRegular(PathBuf),
    #[error("{}: is too large ({} bytes; a briefing can be at most 4 GiB)", .0.display(), .1)]
    TooLarge(PathBuf, u64),
    #[error("{}: {cause}", path.display())]
    FrontMatter { path: PathBuf, cause: FrontMatterError },
}

/// The text of a file, read lossily when it is not valid UTF-8.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub text: String,
    /// True when invalid UTF-8 was replaced.
    pub lossy: bool,
}

/// Reads a briefing file: refuses folders and binary files, and replaces
/// invalid UTF-8 rather than failing (the caller warns).
pub fn load_file(path: &Path) -> Result<Loaded, StoreError> {
    let meta = regular_file(path)?;
    // Documents keep `u32` offsets: refuse before reading, not after.
    if meta.len() > crate::document::MAX_SOURCE as u64 {
        return Err(StoreError::TooLarge(path.to_owned(), meta.len()));
    }
    // Never more than the size said: a file that grows while read is cut.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, meta.len()), &mut bytes))
        .map_err(|e| io_error(path, e))?;
    if looks_binary(&bytes) {
        return Err(StoreError::Binary(path.to_owned()));
    }
    Ok(from_bytes(bytes))
}

/// Decodes bytes as UTF-8, lossily if needed.
pub fn from_bytes(bytes: Vec<u8>) -> Loaded {
    match String::from_utf8(bytes) {
        Ok(text) => Loaded { text, lossy: false },
        Err(e) => Loaded {
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            lossy: true,
        },
    }
}

/// The metadata of a file that can be read as a briefing: a folder, FIFO,
/// socket or device is refused before it is opened.
fn regular_file(path: &Path) -> Result<std::fs::Metadata, StoreError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        return Err(StoreError::IsDir(path.to_owned()));
    }
    if !meta.is_file() {
        return Err(StoreError::NotRegular(path.to_owned()));
    }
    Ok(meta)
}

/// Every root of a store exists (checked from metadata, nothing is read):
/// a mistyped path is an error before anything starts.
pub fn check_roots(roots: &[PathBuf]) -> Result<(), StoreError> {
    for root in roots {
        std::fs::metadata(root).map_err(|e| io_error(root, e))?;
    }
    Ok(())
}

pub(crate) fn io_error(path: &Path, e: std::io::Error) -> StoreError {
    if e.kind() == std::io::ErrorKind::NotFound {
        StoreError::NotFound(path.to_owned())
    } else {
        StoreError::Io {
            path: path.to_owned(),
            cause: e,
        }
    }
}

/// A NUL byte in the first 8 KiB marks a binary file (as git and grep do).
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// A stable 64-bit content fingerprint (FNV-1a): the same bytes give the
/// same value on every machine and version, so it can be stored in notes.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    crate::hash::fnv1a(bytes)
}

/// Files up to this size are read whole to describe them; of larger ones
/// only the head (front matter, title) and a sample for the fingerprint.
const HEAD: usize = 64 * 1024;

/// Reads what the list needs of a file — all of a small one, the head of a
/// big one — and a fingerprint: of the whole content when small, else of
/// its size, head and tail (a 10 MB briefing is not read to list it).
fn load_head(path: &Path) -> Result<(Loaded, u64, bool), StoreError> {
    use std::io::{Read, Seek, SeekFrom};
    let meta = regular_file(path)?;
    if meta.len() <= HEAD as u64 {
        let loaded = load_file(path)?;
        let print = fingerprint(loaded.text.as_bytes());
        return Ok((loaded, print, false));
    }
    let mut file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let mut head = vec![0; HEAD];
    file.read_exact(&mut head).map_err(|e| io_error(path, e))?;
    if looks_binary(&head) {
        return Err(StoreError::Binary(path.to_owned()));
    }
    let mut tail = vec![0; TAIL];
    file.seek(SeekFrom::End(-(TAIL as i64)))
        .map_err(|e| io_error(path, e))?;
    file.read_exact(&mut tail).map_err(|e| io_error(path, e))?;
    let print = sample_print(meta.len(), &head, &tail);
    Ok((head_text(head), print, true))
}

/// How much of a big file's end its fingerprint covers.
const TAIL: usize = 4096;

/// A big file's fingerprint: of its size, head and tail.
fn sample_print(len: u64, head: &[u8], tail: &[u8]) -> u64 {
    let mut sample = len.to_le_bytes().to_vec();
    sample.extend_from_slice(head);
    sample.extend_from_slice(tail);
    fingerprint(&sample)
}

/// A big file's head as text. Cuts a character split at the end of the
/// head rather than flag it.
fn head_text(mut head: Vec<u8>) -> Loaded {
    let valid = match std::str::from_utf8(&head) {
        Err(e) if e.error_len().is_none() => e.valid_up_to(),
        _ => head.len(),
    };
    head.truncate(valid);
    from_bytes(head)
}

/// What the list shows of a briefing, known after one read of the file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    pub declared: FrontMatter,
}

/// One entry of the store.
#[derive(Debug, Clone)]
pub struct Briefing {
    /// Path relative to the store root, with `/` separators: stable across
    /// machines, so notes and reading state key on it.
    pub id: String,
    pub path: PathBuf,
    pub format: Format,
    pub meta: Meta,
    /// Fingerprint of the whole file's bytes.
    pub fingerprint: u64,
    /// Why the file could not be read or parsed; the entry still shows.
    pub error: Option<String>,
    /// A problem that did not stop reading (invalid UTF-8).
    pub warning: Option<String>,
}

/// A briefing's text ready to show: the body after front matter, parsed.
#[derive(Debug, Clone)]
pub struct Body {
    pub text: String,
    pub document: Document,
}

impl Briefing {
    /// Reads one file into an entry. Never fails: problems go on the entry.
    pub fn read(path: &Path, id: String) -> Self {
        let head = load_head(path);
        let head = head.as_ref().map(|(l, print, truncated)| (l, *print, *truncated));
        Self::from_head(path, id, head.map_err(ToString::to_string), || {
            load_file(path).ok().map(|l| l.text)
        })
    }

    /// [`Briefing::read`] and the file's whole text from one read, for a
    /// caller that analyses what it lists (the index): the entry is the one
    /// `read` gives. No text when the file cannot be loaded whole (binary,
    /// unreadable, over 4 GiB).
    pub fn read_with_text(path: &Path, id: String) -> (Self, Option<String>) {
        let bytes = match std::fs::metadata(path) {
            Ok(m) if m.is_file() && m.len() <= crate::document::MAX_SOURCE as u64 => std::fs::read(path),
            _ => return (Self::read(path, id), None),
        };
        let bytes = match bytes {
            Ok(bytes) if looks_binary(&bytes) => Err(StoreError::Binary(path.to_owned())),
            Ok(bytes) => Ok(bytes),
            Err(e) => Err(io_error(path, e)),
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(e) => return (Self::from_head(path, id, Err(e.to_string()), || None), None),
        };
        if bytes.len() <= HEAD {
            let loaded = from_bytes(bytes);
            let print = fingerprint(loaded.text.as_bytes());
            let entry = Self::from_head(path, id, Ok((&loaded, print, false)), || None);
            return (entry, Some(loaded.text));
        }
        let print = sample_print(bytes.len() as u64, &bytes[..HEAD], &bytes[bytes.len() - TAIL..]);
        let head = head_text(bytes[..HEAD].to_vec());
        let full = from_bytes(bytes);
        let entry = Self::from_head(path, id, Ok((&head, print, true)), || Some(full.text.clone()));
        (entry, Some(full.text))
    }

    /// The entry for what was read of a file: its head (all of a small
    /// file), fingerprint and whether the head is cut short; `full` gives
    /// the whole text when front matter runs past the head.
    fn from_head(
        path: &Path,
        id: String,
        head: Result<(&Loaded, u64, bool), String>,
        full: impl FnOnce() -> Option<String>,
    ) -> Self {
        let format = Format::from_path(path).unwrap_or(Format::Text);
        let mut entry = Self {
            meta: Meta {
                title: fallback_title(path),
                ..Meta::default()
            },
            id,
            path: path.to_owned(),
            format,
            fingerprint: 0,
            error: None,
            warning: None,
        };
        let (loaded, print, truncated) = match head {
            Ok(head) => head,
            Err(e) => {
                entry.error = Some(e);
                return entry;
            }
        };
        entry.fingerprint = print;
        if loaded.lossy {
            entry.warning = Some(format!(
                "{}: invalid UTF-8 replaced with \u{fffd}",
                path.display()
            ));
        }
        // Front matter longer than the head: read it all after all.
        let described = describe(format, &loaded.text).or_else(|e| match truncated.then(full).flatten() {
            Some(full) => describe(format, &full),
            None => Err(e),
        });
        match described {
            Ok(meta) => {
                if let Some(d) = &meta.bad_date {
                    entry.warning = Some(format!(
                        "{}: front matter date '{d}' is not a date (YYYY-MM-DD); the briefing is undated",
                        path.display()
                    ));
                }
                entry.meta = Meta {
                    title: meta.title.clone().unwrap_or(entry.meta.title),
                    date: meta.date.clone(),
                    source: meta.source.clone(),
                    author: meta.author.clone(),
                    tags: meta.tags.clone(),
                    declared: meta,
                };
            }
            Err(e) => {
                entry.error = Some(
                    StoreError::FrontMatter {
                        path: path.to_owned(),
                        cause: e,
                    }
                    .to_string(),
                );
            }
        }
        entry
    }

    /// Reads and parses the body. Errors name the file.
    pub fn body(&self) -> Result<Body, StoreError> {
        let loaded = load_file(&self.path)?;
        body_from_text(self.format, loaded.text).map_err(|cause| StoreError::FrontMatter {
            path: self.path.clone(),
            cause,
        })
    }
}

/// Splits off front matter and parses the body in the given format.
/// Takes the text by value: the body is the same buffer with the front
/// matter drained off, never a second copy (a 10 MB briefing stays 10 MB).
pub fn body_from_text(format: Format, mut text: String) -> Result<Body, FrontMatterError> {
    let (body, document) = match format {
        Format::Markdown => {
            let split = front_matter::split(&text)?;
            text.drain(..split.body_start);
            let document = parse_markdown(&text);
            (text, document)
        }
        Format::Text => {
            let document = parse_text(&text);
            (text, document)
        }
    };
    Ok(Body { text: body, document })
}

/// Metadata from the text: front matter, else the first heading or line.
fn describe(format: Format, text: &str) -> Result<FrontMatter, FrontMatterError> {
    let mut front = match format {
        Format::Markdown => front_matter::split(text)?.front,
        Format::Text => FrontMatter::default(),
    };
    if front.title.is_none() {
        let body = match format {
            Format::Markdown => &text[front_matter::split(text)?.body_start..],
            Format::Text => text,
        };
        front.title = body
            .lines()
            .map(|l| l.trim().trim_start_matches('#').trim())
            .find(|l| !l.is_empty())
            .map(|l| crate::sanitize::sanitize(l).into_owned());
    }
    Ok(front)
}

fn fallback_title(path: &Path) -> String {
    path.file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Markdown => "markdown",
            Self::Text => "text",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_stable() {
        assert_eq!(fingerprint(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fingerprint(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(fingerprint(b"ab"), fingerprint(b"ba"));
    }

    #[test]
    fn a_file_over_4_gib_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.md");
        // A sparse file: its length is all that is looked at.
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(crate::document::MAX_SOURCE as u64 + 1).unwrap();
        let err = load_file(&path).unwrap_err();
        assert!(matches!(err, StoreError::TooLarge(..)), "{err}");
        assert!(err.to_string().contains("too large"));
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"PK\x03\x04\x00\x00"));
        assert!(!looks_binary("plain text é".as_bytes()));
    }

    #[test]
    fn lossy_decoding_flags_it() {
        let l = from_bytes(b"ok \xff end".to_vec());
        assert!(l.lossy);
        assert_eq!(l.text, "ok \u{fffd} end");
    }

    #[test]
    fn text_title_is_first_nonempty_line_and_markdown_falls_back_to_heading() {
        let t = describe(Format::Text, "\n\nUS and Ukraine talk\n\nBody").unwrap();
        assert_eq!(t.title.as_deref(), Some("US and Ukraine talk"));
        let m = describe(Format::Markdown, "## Heading here\n\ntext").unwrap();
        assert_eq!(m.title.as_deref(), Some("Heading here"));
    }

    #[test]
    fn big_files_are_described_from_their_head() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        let mut text = String::from("---\ntitle: Big one\ndate: 2026-11-20\n---\n");
        while text.len() < 3 * HEAD {
            text.push_str("Paragraph about Kyiv and Moscow, with é and 東京.\n\n");
        }
        std::fs::write(&path, &text).unwrap();
        let b = Briefing::read(&path, "big.md".into());
        assert_eq!(b.meta.title, "Big one");
        assert!(
            b.error.is_none() && b.warning.is_none(),
            "{:?} {:?}",
            b.error,
            b.warning
        );
        let again = Briefing::read(&path, "big.md".into());
        assert_eq!(b.fingerprint, again.fingerprint);
        text.push('x');
        std::fs::write(&path, &text).unwrap();
        assert_ne!(Briefing::read(&path, "big.md".into()).fingerprint, b.fingerprint);
    }

    #[test]
    fn read_with_text_gives_the_entry_read_gives_and_the_whole_text() {
        let dir = tempfile::tempdir().unwrap();
        let mut long_front = String::from("---\ntitle: Long front\nentities:\n  PERSON:\n");
        while long_front.len() < 2 * HEAD {
            long_front.push_str("    - Somebody Else\n");
        }
        long_front.push_str("---\nBody\n");
        let mut big = String::from("---\ntitle: Big\n---\n");
        while big.len() < 2 * HEAD {
            big.push_str("Kyiv and Moscow, é 東京.\n\n");
        }
        let files: [(&str, &[u8]); 7] = [
            ("plain.txt", b"Title line\n\nBody"),
            (
                "front.md",
                b"---\ntitle: T\ndate: 2026-01-02\ntags: [a]\n---\n# H\n",
            ),
            ("lossy.md", b"# Bad \xff byte\n"),
            ("binary.md", b"\x00\x01"),
            ("broken.md", b"---\ntitle: [x\n---\n"),
            ("long-front.md", long_front.as_bytes()),
            ("big.md", big.as_bytes()),
        ];
        for (name, bytes) in files {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let read = Briefing::read(&path, name.into());
            let (entry, text) = Briefing::read_with_text(&path, name.into());
            assert_eq!(entry.id, read.id);
            assert_eq!(entry.path, read.path);
            assert_eq!(entry.format, read.format);
            assert_eq!(entry.meta, read.meta, "{name}");
            assert_eq!(entry.fingerprint, read.fingerprint, "{name}");
            assert_eq!(entry.error, read.error, "{name}");
            assert_eq!(entry.warning, read.warning, "{name}");
            match load_file(&path) {
                Ok(loaded) => assert_eq!(text.as_deref(), Some(loaded.text.as_str()), "{name}"),
                Err(_) => assert!(text.is_none(), "{name}"),
            }
        }
    }

    #[test]
    fn body_starts_after_front_matter() {
        let b = body_from_text(Format::Markdown, "---\ntitle: x\n---\nHello *there*\n".to_owned()).unwrap();
        assert_eq!(b.text, "Hello *there*\n");
        assert_eq!(b.document.blocks.len(), 1);
    }
}
