//! The sandbox's memory of the ids it gave: a small private file (`sandbox-ids.json` in smm's
//! data dir, mode 0600) holding the last order id and the last refill id, so that a restarted
//! sandbox continues after them and an order book never sees the same sandbox order id twice.
//! A brand-new sandbox (no file, or `smm sandbox --fresh`) starts at 23501 and refill 1.
//!
//! Sandboxes running at once on one data dir share the file. Each request a sandbox answers
//! runs under an advisory lock on `sandbox-ids.lock` ([`Keeper::hold`]): it reads the last ids
//! any sandbox gave, continues after them, and writes what it gave before the lock is let go —
//! so two live sandboxes never give the same id, and a restart continues after both. Every
//! running sandbox also holds a shared lock on `sandbox-ids.running`, so that `--fresh`
//! (which forgets the ids) is refused while another sandbox runs on the data dir.

use crate::config::private::{Existing, write_private};
use serde::{Deserialize, Serialize};
use std::fs::File;
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

    /// Takes the file for a sandbox that starts: the keeper that hands its ids out while it
    /// runs, and the last ids given by every sandbox before (none with `fresh`, which forgets
    /// them — refused while another sandbox runs on the same file, whose ids it would give
    /// again).
    pub fn open(&self, fresh: bool) -> anyhow::Result<(Keeper, Last)> {
        let private = |path: &Path| {
            write_private(path, Existing::Keep)
                .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))
        };
        if let Some(dir) = self.path.parent() {
            crate::config::private::create_dir(dir)
                .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
        }
        let keeper = Keeper {
            file: self.clone(),
            lock: private(&self.path.with_extension("lock"))?,
            running: private(&self.path.with_extension("running"))?,
        };
        let running = &keeper.running;
        let running_path = self.path.with_extension("running");
        let shared = || {
            running
                .lock_shared()
                .map_err(|e| anyhow::anyhow!("cannot lock {}: {e}", running_path.display()))
        };
        if !fresh {
            // Shared by every running sandbox: only --fresh asks for it alone.
            shared()?;
            let last = keeper.hold()?.last;
            return Ok((keeper, last));
        }
        match running.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(crate::exit::usage(format!(
                    "another smm sandbox is running and giving ids from {}: stop it before \
                     starting with --fresh (or start without --fresh, to continue after its ids)",
                    self.path.display()
                )));
            }
            Err(std::fs::TryLockError::Error(e)) => {
                anyhow::bail!("cannot lock {}: {e}", running_path.display())
            }
        }
        // Not read: --fresh is also the way past a damaged file.
        let last = Last::default();
        keeper
            .locked()?
            .keep(last)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", self.path.display()))?;
        running.unlock()?;
        shared()?;
        Ok((keeper, last))
    }
}

/// A running sandbox's hold on its ids file: the lock taken to give ids, and its share of the
/// lock that tells running sandboxes apart from stopped ones (let go when it is dropped).
#[derive(Debug)]
pub struct Keeper {
    file: IdFile,
    /// `sandbox-ids.lock`: held while ids are given.
    lock: File,
    /// `sandbox-ids.running`: held shared while this sandbox runs.
    running: File,
}

impl Keeper {
    /// The ids file.
    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// Takes the lock (waiting for another sandbox that holds it) and reads the last ids any
    /// sandbox gave; the lock is let go when the [`Held`] is dropped.
    pub fn hold(&self) -> anyhow::Result<Held<'_>> {
        let mut held = self.locked()?;
        held.last = self.file.load()?;
        Ok(held)
    }

    /// Takes the lock without reading the file (`last` says none).
    fn locked(&self) -> anyhow::Result<Held<'_>> {
        self.lock.lock().map_err(|e| {
            anyhow::anyhow!(
                "cannot lock {}: {e}",
                self.path().with_extension("lock").display()
            )
        })?;
        Ok(Held {
            keeper: self,
            last: Last::default(),
        })
    }
}

/// The ids file while a sandbox holds its lock.
pub struct Held<'a> {
    keeper: &'a Keeper,
    /// The last ids any sandbox gave, when the lock was taken.
    pub last: Last,
}

impl Held<'_> {
    /// Keeps `last` as the last ids given (before the lock is let go).
    pub fn keep(&self, last: Last) -> std::io::Result<()> {
        self.keeper.file.save(last)
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        let _ = self.keeper.lock.unlock();
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

    #[test]
    fn sandboxes_running_at_once_share_the_ids_and_fresh_waits_for_them_to_stop() {
        let dir = tempfile::tempdir().unwrap();
        let ids = IdFile::at(dir.path().join(FILE));
        let (a, none) = ids.open(false).unwrap();
        assert_eq!(none, Last::default());
        let (b, _) = ids.open(false).unwrap();
        // What one keeps under the lock, the other reads next.
        let gave = Last {
            order: 23503,
            refill: 2,
        };
        let held = a.hold().unwrap();
        held.keep(gave).unwrap();
        drop(held);
        assert_eq!(b.hold().unwrap().last, gave);
        // The lock is one at a time: b waits while a holds it.
        let held = a.hold().unwrap();
        let waited = std::thread::scope(|s| {
            let other = s.spawn(|| {
                let started = std::time::Instant::now();
                let last = b.hold().unwrap().last;
                (last, started.elapsed())
            });
            std::thread::sleep(std::time::Duration::from_millis(300));
            held.keep(Last {
                order: 23504,
                ..gave
            })
            .unwrap();
            drop(held);
            other.join().unwrap()
        });
        assert_eq!(waited.0.order, 23504);
        assert!(
            waited.1 >= std::time::Duration::from_millis(250),
            "{waited:?}"
        );
        // --fresh while another runs would give its ids again: refused, nothing forgotten.
        let refused = ids.open(true).unwrap_err().to_string();
        assert!(
            refused.starts_with("another smm sandbox is running and giving ids from"),
            "{refused}"
        );
        assert_eq!(ids.load().unwrap().order, 23504);
        drop(a);
        assert!(ids.open(true).is_err(), "b still runs");
        drop(b);
        // Once both stopped it forgets them, past a damaged file too.
        std::fs::write(ids.path(), "{").unwrap();
        let (fresh, none) = ids.open(true).unwrap();
        assert_eq!(none, Last::default());
        assert_eq!(ids.load().unwrap(), Last::default());
        // A fresh sandbox runs like any other: the next starts beside it.
        let (_other, last) = ids.open(false).unwrap();
        assert_eq!(last, Last::default());
        drop(fresh);
    }
}
