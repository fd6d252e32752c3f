//! Where brief keeps things: config (notes, config.toml), data (reading
//! state, the sample briefings) and cache (the archive's index). Flags win
//! over environment variables, which win over the platform's defaults.

use std::path::{Path, PathBuf};

/// The resolved directories; built once in `main` and passed down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config: PathBuf,
    pub data: PathBuf,
    /// The index lives here; deleting it loses nothing.
    pub cache: PathBuf,
}

/// The directory flags, as the command line gives them.
#[derive(Debug, Clone, Copy, Default)]
pub struct DirFlags<'a> {
    pub config: Option<&'a Path>,
    pub data: Option<&'a Path>,
    pub cache: Option<&'a Path>,
}

impl Paths {
    /// `flag` > `$BRIEF_CONFIG_DIR`/`$BRIEF_DATA_DIR`/`$BRIEF_CACHE_DIR` >
    /// `directories`.
    pub fn resolve(flags: DirFlags<'_>) -> anyhow::Result<Self> {
        let project = directories::ProjectDirs::from("", "", "brief");
        let pick = |flag: Option<&Path>, var: &str, default: Option<PathBuf>| -> anyhow::Result<PathBuf> {
            if let Some(f) = flag {
                return Ok(f.to_owned());
            }
            if let Some(v) = std::env::var_os(var).filter(|v| !v.is_empty()) {
                return Ok(PathBuf::from(v));
            }
            default.ok_or_else(|| anyhow::anyhow!("cannot find a home directory; set {var}"))
        };
        Ok(Self {
            config: pick(
                flags.config,
                "BRIEF_CONFIG_DIR",
                project.as_ref().map(|p| p.config_dir().to_owned()),
            )?,
            data: pick(
                flags.data,
                "BRIEF_DATA_DIR",
                project.as_ref().map(|p| p.data_dir().to_owned()),
            )?,
            cache: pick(
                flags.cache,
                "BRIEF_CACHE_DIR",
                project.as_ref().map(|p| p.cache_dir().to_owned()),
            )?,
        })
    }

    pub fn notes_dir(&self) -> PathBuf {
        self.config.join("notes")
    }

    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.toml")
    }
}
