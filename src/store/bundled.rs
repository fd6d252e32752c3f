//! The sample briefings shipped inside the binary, copied to the data
//! directory on first run so the reader works on a fresh machine.

use super::{StoreError, io_error};
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Copies the bundled briefings into `<data_dir>/briefings` where they are
/// missing (a file the user changed is left alone) and returns that folder.
pub fn install(data_dir: &Path) -> Result<PathBuf, StoreError> {
    let dir = data_dir.join("briefings");
    std::fs::create_dir_all(&dir).map_err(|e| io_error(&dir, e))?;
    for (name, bytes) in BUNDLED {
        let path = dir.join(name);
        if !path.exists() {
            std::fs::write(&path, bytes).map_err(|e| io_error(&path, e))?;
        }
    }
    Ok(dir)
}

/// The bundled file names, for tests and `--help`.
pub fn names() -> impl Iterator<Item = &'static str> {
    BUNDLED.iter().map(|(n, _)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_is_bundled_byte_for_byte_and_installed_once() {
        let seed = BUNDLED
            .iter()
            .find(|(n, _)| *n == "000_e339247b8c1bd523.txt")
            .map(|(_, b)| *b);
        let on_disk = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/briefings/000_e339247b8c1bd523.txt"
        ))
        .unwrap();
        assert_eq!(seed, Some(on_disk.as_slice()));
        let tmp = tempfile::tempdir().unwrap();
        let dir = install(tmp.path()).unwrap();
        let changed = dir.join("000_e339247b8c1bd523.txt");
        std::fs::write(&changed, "edited by the user").unwrap();
        install(tmp.path()).unwrap();
        assert_eq!(std::fs::read_to_string(&changed).unwrap(), "edited by the user");
        assert!(names().count() >= 8);
    }
}
