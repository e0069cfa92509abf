//! A local cache of each profile's service catalogue, so dry runs, bulk validation and
//! comparisons across panels do not refetch a multi-megabyte catalogue every time.
//!
//! One file per profile in the platform cache directory (`~/.cache/smm/` on Linux, honouring
//! `XDG_CACHE_HOME`; `SMM_CACHE_DIR` overrides it; directories 0700, files 0600): a first line
//! of JSON saying when it was fetched and from which URL, then the panel's body as it came
//! (so reading it back is one read, with nothing to unescape). A file in the older form, one
//! JSON object with the body inside, still reads. Entries expire after the profile's
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

/// The first line of a cache file: when and where from; the body follows the line. (An older
/// file, one object with the `body` inside, is no header.)
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header<'a> {
    fetched: u64,
    url: std::borrow::Cow<'a, str>,
}

/// The cached catalogue of `profile` from `url`, if younger than `ttl` seconds.
pub fn get(profile: &str, url: &str, ttl: u64) -> Option<Cached> {
    if ttl == 0 {
        return None;
    }
    let text = std::fs::read_to_string(path(profile).ok()?).ok()?;
    let cached = decode(text)?;
    (cached.url == url && now().saturating_sub(cached.fetched) < ttl).then_some(cached)
}

/// A cache file's text read back: a header line and the body, or the older one JSON object.
fn decode(mut text: String) -> Option<Cached> {
    let line = text
        .split_once('\n')
        .map_or(text.as_str(), |(line, _)| line);
    if let Ok(header) = serde_json::from_str::<Header>(line) {
        let (fetched, url) = (header.fetched, header.url.into_owned());
        // The body stays in the buffer it was read into (no copy of a multi-megabyte answer).
        text.drain(..(line.len() + 1).min(text.len()));
        return Some(Cached {
            fetched,
            url,
            body: text,
        });
    }
    serde_json::from_str(&text).ok()
}

/// A cache file's text: the header line, then the body as it came.
fn encode(fetched: u64, url: &str, body: &str) -> Option<String> {
    let header = serde_json::to_string(&Header {
        fetched,
        url: url.into(),
    })
    .ok()?;
    Some([header.as_str(), "\n", body].concat())
}

/// Stores a freshly fetched catalogue (best effort: a cache that cannot be written is skipped).
pub fn put(profile: &str, url: &str, body: &str) {
    let Ok(path) = path(profile) else { return };
    let Some(text) = encode(now(), url, body) else {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_reads_back_byte_for_byte() {
        for body in [
            "[{\"service\":1,\"name\":\"a\\\"b\\u001b\"}]",
            "  [\n  {\"service\": 1}\n]\n",
            "{\"status\":\"success\",\"data\":\"Empty Data\"}",
            "",
        ] {
            let text = encode(7, "http://127.0.0.1:1/api/v2?x=\"\n", body).unwrap();
            let cached = decode(text).unwrap();
            assert_eq!(cached.body, body);
            assert_eq!(cached.fetched, 7);
            assert_eq!(cached.url, "http://127.0.0.1:1/api/v2?x=\"\n");
        }
    }

    #[test]
    fn the_older_one_object_form_still_reads() {
        let old = serde_json::json!({"fetched": 9, "url": "u", "body": "[{\"service\":1}]\n"});
        let cached = decode(old.to_string()).unwrap();
        assert_eq!((cached.fetched, cached.url.as_str()), (9, "u"));
        assert_eq!(cached.body, "[{\"service\":1}]\n");
        assert!(decode("not a cache file".into()).is_none());
    }
}
