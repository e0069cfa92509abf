//! The run's settings: the global flags resolved once into one plain struct that the rest of
//! the program reads (the clap types stay in `cli` and `commands`).

use crate::output::Format;
use std::path::PathBuf;
use std::time::Duration;

/// Chunks in flight at once when neither `--concurrency` nor the profile says.
pub const DEFAULT_CONCURRENCY: usize = 4;

/// Everything a command needs to know about how to run, decided before it starts.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `--config` / `SMM_CONFIG`: the config file to read instead of the default one.
    pub config: Option<PathBuf>,
    /// `-p` / `SMM_PROFILE`: the profile asked for.
    pub profile: Option<String>,
    /// How stdout is written.
    pub format: Format,
    /// Time allowed for each request.
    pub timeout: Duration,
    /// `-v`: trace every request on stderr.
    pub verbose: bool,
    /// `-q`: no notes and no progress bar on stderr.
    pub quiet: bool,
    /// `--refresh`: fetch the catalogue from the panel, not the local cache.
    pub refresh: bool,
    /// `--concurrency`: chunks in flight, overriding the profile.
    pub concurrency: Option<usize>,
}

impl Settings {
    /// Chunks in flight for a profile that sets `profile` (or not).
    pub fn concurrency_for(&self, profile: Option<usize>) -> usize {
        self.concurrency.or(profile).unwrap_or(DEFAULT_CONCURRENCY)
    }
}
