//! Walks folders for briefing files without following a symlink loop or
//! blocking on a FIFO.

use super::{Briefing, Format, StoreError, io_error};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Every briefing found under `root` (a folder or a single file), sorted by
/// id. A missing root is an error; problems with single files are kept on
/// their entries.
pub fn scan(root: &Path) -> Result<Vec<Briefing>, StoreError> {
    Ok(files_of(root)?
        .into_iter()
        .map(|(id, path, _)| Briefing::read(&path, id))
        .collect())
}

/// Scans several roots; ids of later roots are prefixed by the root's name
/// when they would clash.
pub fn scan_paths(roots: &[PathBuf]) -> Result<Vec<Briefing>, StoreError> {
    Ok(list_paths(roots)?
        .into_iter()
        .map(|(id, path)| Briefing::read(&path, id))
        .collect())
}

/// The briefing files of the roots with the ids [`scan_paths`] gives them,
/// none read: what the index stats to find the files that changed.
pub fn list_paths(roots: &[PathBuf]) -> Result<Vec<(String, PathBuf)>, StoreError> {
    Ok(list_files(roots)?
        .into_iter()
        .map(|(id, path, _)| (id, path))
        .collect())
}

/// [`list_paths`] with each file's metadata, taken as the folders are
/// walked (one stat a file, relative to its folder).
pub fn list_files(roots: &[PathBuf]) -> Result<Vec<(String, PathBuf, std::fs::Metadata)>, StoreError> {
    if let [root] = roots {
        return files_of(root);
    }
    let mut all = Vec::new();
    let mut ids = HashSet::new();
    for root in roots {
        for (mut id, path, meta) in files_of(root)? {
            if !ids.insert(id.clone()) {
                let prefix = root
                    .file_name()
                    .map_or_else(|| "store".to_owned(), |n| n.to_string_lossy().into_owned());
                id = format!("{prefix}/{id}");
                ids.insert(id.clone());
            }
            all.push((id, path, meta));
        }
    }
    Ok(all)
}

/// The files of one root with their ids, sorted by id.
fn files_of(root: &Path) -> Result<Vec<(String, PathBuf, std::fs::Metadata)>, StoreError> {
    let meta = std::fs::metadata(root).map_err(|e| io_error(root, e))?;
    if meta.is_file() {
        let id = root
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        return Ok(vec![(id, root.to_owned(), meta)]);
    }
    let mut files: Vec<Found> = Vec::new();
    let mut seen = HashSet::new();
    walk_store(root, &mut seen, &mut files);
    // Sorted once, by id, below: comparing paths component by component
    // first was a seventh of the time a warm start takes.
    let mut out: Vec<(String, PathBuf, std::fs::Metadata)> = files
        .into_iter()
        .map(|(path, meta)| (id_for(root, &path), path, meta))
        .collect();
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// What changes when a file is added, removed or edited: every briefing
/// file's path, size and modification time, from metadata alone (no file
/// is read), so watching a big store stays cheap.
pub fn stat_signature(roots: &[PathBuf]) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    let mut files: Vec<Found> = Vec::new();
    let mut seen = HashSet::new();
    for root in roots {
        match std::fs::metadata(root) {
            Ok(m) if m.is_file() => files.push((root.clone(), m)),
            Ok(_) => walk_store(root, &mut seen, &mut files),
            Err(_) => {}
        }
    }
    let mut out: Vec<_> = files
        .into_iter()
        .map(|(p, meta)| (p, meta.len(), meta.modified().ok()))
        .collect();
    out.sort_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    out
}

/// A file's id: its path under the root, `/` between folders.
fn id_for(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    // A walked path is the root joined with clean names, so on Unix its
    // text past the root is already the id.
    #[cfg(unix)]
    if let Some(id) = rel.to_str() {
        return id.to_owned();
    }
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// A briefing file found, with its metadata.
type Found = (PathBuf, std::fs::Metadata);

/// Walks a store folder: links are followed only to files and folders
/// inside it, so a link to `/usr` or a home folder never pulls either in.
fn walk_store(root: &Path, seen: &mut HashSet<PathBuf>, files: &mut Vec<Found>) {
    let Ok(inside) = std::fs::canonicalize(root) else {
        return;
    };
    walk(root, &inside, seen, files);
}

/// Depth-first walk. `seen` holds canonical folders already entered, so a
/// symlink that points back up the tree is entered once, not forever.
fn walk(dir: &Path, inside: &Path, seen: &mut HashSet<PathBuf>, files: &mut Vec<Found>) {
    let Ok(canonical) = std::fs::canonicalize(dir) else {
        return;
    };
    if !seen.insert(canonical) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut to_stat = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if is_hidden(&path) {
            continue;
        }
        // The kind comes with the folder's listing; a FIFO, socket or
        // device is neither a file nor a folder and is skipped without
        // being opened.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_symlink() {
            // A link's metadata is its target's, and the target must be
            // inside the store.
            if !std::fs::canonicalize(&path).is_ok_and(|target| target.starts_with(inside)) {
                continue;
            }
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => walk(&path, inside, seen, files),
                Ok(meta) if meta.is_file() && Format::from_path(&path).is_some() => files.push((path, meta)),
                _ => {}
            }
        } else if kind.is_dir() {
            walk(&path, inside, seen, files);
        } else if kind.is_file() && Format::from_path(&path).is_some() {
            to_stat.push((entry, path));
        }
    }
    files.extend(stat_all(&to_stat));
}

/// Each file's metadata, taken relative to its folder; a big folder's on
/// every core (a stat is mostly the kernel's name lookup, which scales).
fn stat_all(entries: &[(std::fs::DirEntry, PathBuf)]) -> Vec<Found> {
    const PER_THREAD: usize = 2048;
    let stat = |entries: &[(std::fs::DirEntry, PathBuf)]| -> Vec<Found> {
        entries
            .iter()
            .filter_map(|(e, path)| e.metadata().ok().map(|m| (path.clone(), m)))
            .filter(|(_, m)| m.is_file())
            .collect()
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(entries.len() / PER_THREAD + 1);
    if threads <= 1 {
        return stat(entries);
    }
    let chunk = entries.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = entries.chunks(chunk).map(|c| s.spawn(move || stat(c))).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_store_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let (store, outside) = (dir.path().join("store"), dir.path().join("outside"));
        fs::create_dir_all(store.join("sub")).unwrap();
        fs::create_dir_all(&outside).unwrap();
        fs::write(store.join("sub/in.md"), "# In\n").unwrap();
        fs::write(outside.join("out.md"), "# Out\n").unwrap();
        std::os::unix::fs::symlink(&outside, store.join("escape")).unwrap();
        std::os::unix::fs::symlink(outside.join("out.md"), store.join("out-link.md")).unwrap();
        std::os::unix::fs::symlink(store.join("sub/in.md"), store.join("in-link.md")).unwrap();
        let ids: Vec<String> = scan(&store).unwrap().into_iter().map(|b| b.id).collect();
        assert_eq!(
            ids,
            ["in-link.md", "sub/in.md"],
            "a link inside the store is fine"
        );
    }

    #[test]
    fn scans_recursively_skipping_hidden_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("sub/deeper")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        fs::write(root.join("a.md"), "# A\n").unwrap();
        fs::write(root.join("sub/b.txt"), "B title\n\nbody").unwrap();
        fs::write(root.join("sub/deeper/c.markdown"), "c").unwrap();
        fs::write(root.join(".hidden.md"), "# hidden").unwrap();
        fs::write(root.join(".git/x.md"), "# hidden").unwrap();
        fs::write(root.join("image.png"), b"\x89PNG\x00").unwrap();
        let ids: Vec<_> = scan(root).unwrap().into_iter().map(|b| b.id).collect();
        assert_eq!(ids, ["a.md", "sub/b.txt", "sub/deeper/c.markdown"]);
    }

    #[test]
    fn bad_files_keep_their_error_and_do_not_stop_others() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("bin.md"), b"\x00\x01\x02").unwrap();
        fs::write(dir.path().join("broken.md"), "---\ntitle: [x\n---\n").unwrap();
        fs::write(dir.path().join("good.md"), "# Good\n").unwrap();
        let all = scan(dir.path()).unwrap();
        assert_eq!(all.len(), 3);
        assert!(all[0].error.as_deref().unwrap().contains("binary"));
        assert!(all[1].error.as_deref().unwrap().contains("front matter, line"));
        assert!(all[2].error.is_none());
        assert_eq!(all[2].meta.title, "Good");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_and_fifos_do_not_hang() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/a.md"), "# A").unwrap();
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.md"))
            .status();
        let all = scan(root).unwrap();
        let ids: Vec<_> = all.iter().map(|b| b.id.as_str()).collect();
        assert!(ids.contains(&"sub/a.md"));
        assert!(all.len() <= 2, "{ids:?}");
        if status.is_ok_and(|s| s.success()) {
            assert!(!ids.contains(&"pipe.md"));
        }
    }

    #[test]
    fn the_stat_signature_changes_with_files_but_reads_none() {
        let dir = tempfile::tempdir().unwrap();
        let roots = vec![dir.path().to_owned()];
        fs::write(dir.path().join("a.md"), "# A").unwrap();
        let before = stat_signature(&roots);
        assert_eq!(before.len(), 1);
        assert_eq!(stat_signature(&roots), before);
        fs::write(dir.path().join("a.md"), "# A, longer now").unwrap();
        assert_ne!(stat_signature(&roots), before);
        fs::write(dir.path().join("b.txt"), "B").unwrap();
        assert_eq!(stat_signature(&roots).len(), 2);
    }

    #[test]
    fn missing_root_is_an_error_naming_it() {
        let err = scan(Path::new("no/such/dir")).unwrap_err();
        assert_eq!(err.to_string(), "no/such/dir: no such file or folder");
    }
}
