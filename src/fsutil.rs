//! Writing files so that a crash or a full disk never leaves half a file,
//! and a rewrite never changes who may read the file.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Mode of a file that did not exist before, less the umask: what
/// `fs::write` gives (0644 under the usual umask 022), so config and state
/// files are as readable as any other file the user makes. Unix only.
pub const NEW_FILE_MODE: u32 = 0o666;

/// Mode of a new file that holds private user writing (notes): owner only.
pub const PRIVATE_FILE_MODE: u32 = 0o600;

/// A failed atomic write: the step that failed (`"write"`, `"sync"`,
/// `"replace the file"`, ...) and the cause, so that callers can say which.
#[derive(Debug, thiserror::Error)]
#[error("cannot {step}: {cause}")]
pub struct WriteError {
    pub step: &'static str,
    pub cause: io::Error,
}

/// [`write_atomic_with`] with [`NEW_FILE_MODE`] for a new file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, NEW_FILE_MODE).map_err(|e| e.cause)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// folder, fsync, rename over the target, fsync of the folder.
///
/// The file keeps its permissions (and, on unix, its owner and group where
/// this process may set them): rewriting a `config.toml` that is 0644 leaves
/// it 0644. A file that did not exist gets `new_file_mode` less the umask
/// (unix; elsewhere the platform default).
pub fn write_atomic_with(path: &Path, bytes: &[u8], new_file_mode: u32) -> Result<(), WriteError> {
    let step = |step: &'static str| move |cause| WriteError { step, cause };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(step("create the folder"))?;
    let existing = fs::metadata(path).ok();
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        // Given at creation, so the umask applies as for any new file.
        builder.permissions(fs::Permissions::from_mode(new_file_mode));
    }
    #[cfg(not(unix))]
    let _ = new_file_mode;
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(step("create a temporary file"))?;
    if let Some(meta) = &existing {
        keep_owner(tmp.as_file(), meta);
        // Best effort, as the owner: a file system without modes (or one
        // that refuses them) still gets the write.
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    tmp.write_all(bytes).map_err(step("write"))?;
    tmp.as_file().sync_all().map_err(step("sync"))?;
    tmp.persist(path).map_err(|e| step("replace the file")(e.error))?;
    // Opening a folder to sync it fails on some platforms (Windows); the
    // rename is still done there, and syncing the folder makes it survive a
    // crash where it can.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Gives the temporary file the owner and group of the file it replaces.
/// Only root may give a file away, and only a member may set its group: a
/// refusal (EPERM) leaves this process's own, as any new file has.
#[cfg(unix)]
fn keep_owner(tmp: &fs::File, target: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let Ok(ours) = tmp.metadata() else { return };
    let uid = (ours.uid() != target.uid()).then_some(target.uid());
    let gid = (ours.gid() != target.gid()).then_some(target.gid());
    if uid.is_some() || gid.is_some() {
        // Ignored on failure, whatever the reason: the write matters more.
        let _ = std::os::unix::fs::fchown(tmp, uid, gid);
    }
}

#[cfg(not(unix))]
fn keep_owner(_tmp: &fs::File, _target: &fs::Metadata) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/state.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_step_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "x").unwrap();
        // A folder where a file is: the folder cannot be made.
        let err = write_atomic_with(&blocker.join("a/b"), b"x", NEW_FILE_MODE).unwrap_err();
        assert_eq!(err.step, "create the folder");
        assert!(err.to_string().starts_with("cannot create the folder: "), "{err}");
    }

    #[cfg(unix)]
    mod modes {
        use super::super::*;
        use std::os::unix::fs::PermissionsExt;

        fn mode(p: &Path) -> u32 {
            std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
        }

        /// The bits the umask lets through, seen on a file `fs::write` made.
        fn allowed(dir: &Path) -> u32 {
            let probe = dir.join("probe");
            std::fs::write(&probe, "").unwrap();
            let bits = mode(&probe);
            std::fs::remove_file(&probe).unwrap();
            bits
        }

        fn rewrite_keeps(start: u32) {
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("config.toml");
            std::fs::write(&p, "old").unwrap();
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(start)).unwrap();
            write_atomic(&p, b"new").unwrap();
            assert_eq!(mode(&p), start, "{start:o} became {:o}", mode(&p));
            write_atomic_with(&p, b"newer", PRIVATE_FILE_MODE).unwrap();
            assert_eq!(mode(&p), start, "new_file_mode applies to new files only");
            assert_eq!(std::fs::read(&p).unwrap(), b"newer");
            assert_eq!(
                std::fs::read_dir(dir.path()).unwrap().count(),
                1,
                "temporaries left"
            );
        }

        #[test]
        fn a_0644_file_stays_0644() {
            rewrite_keeps(0o644);
        }

        #[test]
        fn a_0600_file_stays_0600() {
            rewrite_keeps(0o600);
        }

        #[test]
        fn a_new_file_gets_0666_less_the_umask_as_fs_write_does() {
            let dir = tempfile::tempdir().unwrap();
            let allowed = allowed(dir.path());
            let p = dir.path().join("state.json");
            write_atomic(&p, b"x").unwrap();
            assert_eq!(mode(&p), NEW_FILE_MODE & allowed);
            assert_eq!(
                std::fs::read_dir(dir.path()).unwrap().count(),
                1,
                "temporaries left"
            );
        }

        #[test]
        fn a_new_private_file_is_the_owners_only() {
            let dir = tempfile::tempdir().unwrap();
            let allowed = allowed(dir.path());
            let p = dir.path().join("notes.json");
            write_atomic_with(&p, b"x", PRIVATE_FILE_MODE).unwrap();
            assert_eq!(mode(&p), PRIVATE_FILE_MODE & allowed);
            assert_eq!(mode(&p) & 0o077, 0);
        }

        #[test]
        fn owner_and_group_are_kept() {
            use std::os::unix::fs::MetadataExt;
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("config.toml");
            std::fs::write(&p, "old").unwrap();
            // Someone else's file: only root may make one, and keep it theirs.
            let (uid, gid) = (65_534, 65_534);
            if std::os::unix::fs::chown(&p, Some(uid), Some(gid)).is_err() {
                let me = std::fs::metadata(&p).unwrap();
                write_atomic(&p, b"new").unwrap();
                let after = std::fs::metadata(&p).unwrap();
                assert_eq!((after.uid(), after.gid()), (me.uid(), me.gid()));
                return;
            }
            write_atomic(&p, b"new").unwrap();
            let after = std::fs::metadata(&p).unwrap();
            assert_eq!((after.uid(), after.gid()), (uid, gid));
        }
    }
}
