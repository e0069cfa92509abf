//! The sandbox's memory of the ids it gave: a small private file (`sandbox-ids.json` in smm's
//! data dir, mode 0600) holding the last order id and the last refill id, so that a restarted
//! sandbox continues after them and an order book never sees the same sandbox order id twice.
//! A brand-new sandbox (no file, or `smm sandbox --fresh`) starts at 23501 and refill 1.

use crate::config::private::{Existing, write_private};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file's name in the data dir.
pub const FILE: &str = "sandbox-ids.json";

/// The last ids a sandbox gave (0: none yet).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Last {
    /// The last order id given.
    pub order: u64,
    /// The last refill id given.
    pub refill: u64,
}

/// Where the sandbox keeps its ids.
#[derive(Debug, Clone)]
pub struct IdFile {
    path: PathBuf,
}

impl IdFile {
    /// The file in smm's data dir (`SMM_DATA_DIR` moves it).
    pub fn in_data_dir() -> anyhow::Result<IdFile> {
        Ok(IdFile::at(crate::book::data_dir()?.join(FILE)))
    }

    /// The file at `path`.
    pub fn at(path: PathBuf) -> IdFile {
        IdFile { path }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The ids kept, or none when the file is missing; a file that cannot be read is an error
    /// (starting over would hand out ids an order book holds already).
    pub fn load(&self) -> anyhow::Result<Last> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Last::default()),
            Err(e) => anyhow::bail!("cannot read {}: {e}", self.path.display()),
        };
        serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "{} is damaged ({e}): remove it, or start with --fresh",
                self.path.display()
            )
        })
    }

    /// Keeps `last`: written to a private file beside it, then renamed over it (a crash never
    /// leaves half a file).
    pub fn save(&self, last: Last) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent() {
            crate::config::private::create_dir(dir)?;
        }
        let tmp = self.path.with_extension("json.tmp");
        let mut file = write_private(&tmp, Existing::Truncate)?;
        file.write_all(serde_json::to_string(&last).unwrap_or_default().as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, &self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_means_none_and_a_saved_file_reads_back_private() {
        let dir = tempfile::tempdir().unwrap();
        let ids = IdFile::at(dir.path().join("sub").join(FILE));
        assert_eq!(ids.load().unwrap(), Last::default());
        let last = Last {
            order: 23507,
            refill: 3,
        };
        ids.save(last).unwrap();
        assert_eq!(ids.load().unwrap(), last);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(ids.path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(ids.path(), "{").unwrap();
        assert!(ids.load().unwrap_err().to_string().contains("--fresh"));
    }
}
