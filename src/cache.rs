//! A local cache of each profile's service catalogue, so dry runs, bulk validation and
//! comparisons across panels do not refetch a multi-megabyte catalogue every time.
//!
//! One file per profile in the platform cache directory (`~/.cache/smm/` on Linux, honouring
//! `XDG_CACHE_HOME`; `SMM_CACHE_DIR` overrides it; directories 0700, files 0600): when it was
//! fetched, from which URL, and the panel's body as it came. Entries expire after the profile's
//! `services_ttl` (default 10 minutes); a changed URL never reuses an old entry; `--refresh`
//! skips the cache.

use crate::config::private::Existing;
use crate::time::now;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::PathBuf;

/// How long a cached catalogue is used when the profile does not say: 10 minutes.
pub const DEFAULT_TTL: u64 = 600;

/// A cached catalogue.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Cached {
    /// Unix seconds when it was fetched.
    pub fetched: u64,
    /// The endpoint it came from.
    pub url: String,
    /// The panel's body as it came.
    pub body: String,
}

/// The cache file of `profile`.
fn path(profile: &str) -> anyhow::Result<PathBuf> {
    let safe: String = profile
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok(cache_dir()?.join(format!("services-{safe}.json")))
}

/// The cache directory: `SMM_CACHE_DIR`, else the platform's (`~/.cache/smm` on Linux).
pub fn cache_dir() -> anyhow::Result<PathBuf> {
    if let Some(dir) = std::env::var_os("SMM_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "smm")
        .map(|d| d.cache_dir().to_path_buf())
        .ok_or_else(|| anyhow::anyhow!("no cache directory: set SMM_CACHE_DIR"))
}

/// The cached catalogue of `profile` from `url`, if younger than `ttl` seconds.
pub fn get(profile: &str, url: &str, ttl: u64) -> Option<Cached> {
    if ttl == 0 {
        return None;
    }
    let text = std::fs::read_to_string(path(profile).ok()?).ok()?;
    let cached: Cached = serde_json::from_str(&text).ok()?;
    (cached.url == url && now().saturating_sub(cached.fetched) < ttl).then_some(cached)
}

/// Stores a freshly fetched catalogue (best effort: a cache that cannot be written is skipped).
pub fn put(profile: &str, url: &str, body: &str) {
    let Ok(path) = path(profile) else { return };
    let cached = Cached {
        fetched: now(),
        url: url.to_string(),
        body: body.to_string(),
    };
    let Ok(text) = serde_json::to_string(&cached) else {
        return;
    };
    if let Some(dir) = path.parent() {
        let _ = crate::config::private::create_dir(dir);
    }
    // Write then rename, so a reader never sees half a file.
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let written = crate::config::private::write_private(&tmp, Existing::Truncate)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    if written.is_ok() {
        let _ = std::fs::rename(&tmp, &path);
    } else {
        let _ = std::fs::remove_file(&tmp);
    }
}
