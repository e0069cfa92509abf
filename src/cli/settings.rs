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
    /// Where `config` came from.
    pub config_source: Source,
    /// `-p` / `SMM_PROFILE`: the profile asked for (with `--all`, a comma-separated list).
    pub profile: Option<String>,
    /// Where `profile` came from: `--all` honours `-p` but not `SMM_PROFILE`.
    pub profile_source: Source,
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

/// Where a global setting's value came from, for `-v` and for `--all`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Source {
    /// Not given.
    #[default]
    None,
    /// The command line.
    Flag,
    /// The environment variable (`SMM_PROFILE`, `SMM_CONFIG`).
    Env,
}

impl From<&super::Global> for Settings {
    /// The global flags resolved into the run's settings.
    fn from(global: &super::Global) -> Settings {
        let format = match (global.json, global.format) {
            (true, _) => Format::Json,
            (false, Some(format)) => format,
            (false, None) => Format::Table,
        };
        Settings {
            config: global.config.clone(),
            config_source: global.config_source,
            profile: global.profile.clone(),
            profile_source: global.profile_source,
            format,
            timeout: global.timeout,
            verbose: global.verbose,
            quiet: global.quiet,
            refresh: global.refresh,
            concurrency: global.concurrency.map(usize::from),
        }
    }
}

impl Settings {
    /// The profiles `-p` names for `--all` (a comma-separated list on the command line), or
    /// None for every profile. `SMM_PROFILE` names a single default, not a selection.
    pub fn profiles_for_all(&self) -> Option<Vec<String>> {
        if self.profile_source != Source::Flag {
            return None;
        }
        let list = self.profile.as_deref()?;
        let mut names: Vec<String> = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
        Some(names)
    }

    /// The profile `-p` names on the command line (not `SMM_PROFILE`, which only picks the
    /// default panel): what `smm orders` and `smm services changes` filter by.
    pub fn profile_filter(&self) -> Option<String> {
        self.profile
            .clone()
            .filter(|_| self.profile_source == Source::Flag)
    }

    /// Chunks in flight for a profile that sets `profile` (or not).
    pub fn concurrency_for(&self, profile: Option<usize>) -> usize {
        self.concurrency.or(profile).unwrap_or(DEFAULT_CONCURRENCY)
    }
}
