//! A local cache of each profile's service catalogue, so dry runs, bulk validation and
//! comparisons across panels do not refetch a multi-megabyte catalogue every time.
//!
//! One file per profile in the platform cache directory (`~/.cache/smm/` on Linux, honouring
//! `XDG_CACHE_HOME`; `SMM_CACHE_DIR` overrides it; directories 0700, files 0600): a first line
//! of JSON saying when it was fetched and from which URL, then (when the panel's dialect gives
//! one) an index of the body's entries — a line per entry, its id as a JSON string, where it
//! starts in the body and how long it is, tab-separated — then the panel's body as it came (so
//! reading it back is one read, with nothing to unescape, and a few entries are read through
//! the index without the rest). A file without an index, or in the older form (one JSON object
//! with the body inside), still reads. Entries expire after the profile's `services_ttl`
//! (default 10 minutes); a changed URL never reuses an old entry; `--refresh` skips the cache.

use crate::config::private::Existing;
use crate::time::now;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Read, Seek, Write};
use std::ops::Range;
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

/// The entries of a cached catalogue read through its index.
#[derive(Debug, PartialEq)]
pub struct Entries {
    /// Unix seconds when the catalogue was fetched.
    pub fetched: u64,
    /// The text of each entry found, in the body's order.
    pub texts: Vec<String>,
}

/// An index of a catalogue body's entries: each entry's id and where it lies in the body.
pub type Index<'a> = [(&'a str, Range<usize>)];

/// The first line of a cache file: when and where from, and how many bytes of index follow
/// the line (none: the body follows it). An older file, one object with the `body` inside, is
/// no header.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header<'a> {
    fetched: u64,
    url: std::borrow::Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
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

/// A cache file's text read back: a header line, the index and the body, or the older one
/// JSON object.
fn decode(mut text: String) -> Option<Cached> {
    let line = text
        .split_once('\n')
        .map_or(text.as_str(), |(line, _)| line);
    if let Ok(header) = serde_json::from_str::<Header>(line) {
        let (fetched, url) = (header.fetched, header.url.into_owned());
        // The body follows the line and the index (a file cut short in the index is no copy).
        let at = line.len() + 1 + header.index.unwrap_or(0);
        if header.index.is_some() && !text.is_char_boundary(at) {
            return None;
        }
        // The body stays in the buffer it was read into (no copy of a multi-megabyte answer).
        text.drain(..at.min(text.len()));
        return Some(Cached {
            fetched,
            url,
            body: text,
        });
    }
    serde_json::from_str(&text).ok()
}

/// A cache file's text: the header line, then the body as it came (no index).
#[cfg(test)]
fn encode(fetched: u64, url: &str, body: &str) -> Option<String> {
    encode_indexed(fetched, url, body, None)
}

/// A cache file's text: the header line, the index of the body's entries (if any), then the
/// body as it came.
fn encode_indexed(fetched: u64, url: &str, body: &str, index: Option<&Index>) -> Option<String> {
    let index = match index {
        Some(entries) => {
            use std::fmt::Write;
            let mut text = String::with_capacity(entries.len() * 24);
            for (id, span) in entries {
                // A JSON string holds no line break nor tab: a line per entry, fields apart.
                // An id with nothing to escape (most) is written as serde_json writes it.
                match id.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
                    true => write!(text, "\"{id}\"").ok()?,
                    false => text.push_str(&serde_json::to_string(id).ok()?),
                }
                writeln!(text, "\t{}\t{}", span.start, span.len()).ok()?;
            }
            Some(text)
        }
        None => None,
    };
    let header = serde_json::to_string(&Header {
        fetched,
        url: url.into(),
        index: index.as_ref().map(String::len),
    })
    .ok()?;
    Some([&header, "\n", index.as_deref().unwrap_or(""), body].concat())
}

/// The entries `ids` name in the cached catalogue of `profile` from `url`, if younger than
/// `ttl` seconds and indexed, read through the index without the rest of the body (`None`
/// also when the file has no index, or an index that does not fit it: read it whole then).
pub fn entries(profile: &str, url: &str, ttl: u64, ids: &[&str]) -> Option<Entries> {
    if ttl == 0 {
        return None;
    }
    let file = std::fs::File::open(path(profile).ok()?).ok()?;
    let size = file.metadata().ok()?.len();
    let entries = entries_in(std::io::BufReader::new(file), size, url, ids)?;
    (now().saturating_sub(entries.fetched) < ttl).then_some(entries)
}

/// `entries` from a cache file's text (`size` bytes) read from `file`.
fn entries_in(
    mut file: impl BufRead + Seek,
    size: u64,
    url: &str,
    ids: &[&str],
) -> Option<Entries> {
    let mut line = Vec::new();
    file.read_until(b'\n', &mut line).ok()?;
    let header: Header = serde_json::from_slice(line.strip_suffix(b"\n")?).ok()?;
    if header.url != url {
        return None;
    }
    let length = header.index?;
    let mut index = Vec::new();
    (&mut file)
        .take(length as u64)
        .read_to_end(&mut index)
        .ok()?;
    let index = std::str::from_utf8(&index)
        .ok()
        .filter(|i| i.len() == length)?;
    let body_at = (line.len() + length) as u64;
    let body_len = size.checked_sub(body_at)?;
    let mut spans = Vec::new();
    for id in ids {
        let key = serde_json::to_string(id).ok()? + "\t";
        for at in memchr::memmem::find_iter(index.as_bytes(), key.as_bytes()) {
            // A key starts its line (a JSON string holds no line break).
            if at > 0 && index.as_bytes()[at - 1] != b'\n' {
                continue;
            }
            let rest = &index[at + key.len()..];
            let (start, rest) = rest.split_once('\t')?;
            let (len, _) = rest.split_once('\n')?;
            let (start, len): (u64, u64) = (start.parse().ok()?, len.parse().ok()?);
            (start.checked_add(len)? <= body_len).then_some(())?;
            spans.push(start..start + len);
        }
    }
    // In the body's order, each entry once (an id may be asked twice).
    spans.sort_unstable_by_key(|span| span.start);
    spans.dedup();
    let mut texts = Vec::with_capacity(spans.len());
    for span in spans {
        file.seek(std::io::SeekFrom::Start(body_at + span.start))
            .ok()?;
        let mut text = vec![0; usize::try_from(span.end - span.start).ok()?];
        file.read_exact(&mut text).ok()?;
        texts.push(String::from_utf8(text).ok()?);
    }
    Some(Entries {
        fetched: header.fetched,
        texts,
    })
}

/// Stores a freshly fetched catalogue with the index of its entries, when its dialect gives
/// one (best effort: a cache that cannot be written is skipped).
pub fn put(profile: &str, url: &str, body: &str, index: Option<&Index>) {
    let Ok(path) = path(profile) else { return };
    let Some(text) = encode_indexed(now(), url, body, index) else {
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

    /// A catalogue whose entries an index must tell apart: 12 written in escapes, 1448 twice,
    /// an id with a quote and a backslash, another in another script.
    const BODY: &str = r#"[ {"service":1,"name":"a"},
 {"service":"\u0031\u0032","name":"escaped"}, {"service":1448,"name":"first"},
 {"service":31,"name":"Pack of 1448"},{"service":1448,"name":"again"},
 {"id":"x\"\\y","name":"odd"}, {"service":"é","name":"other"} ]"#;

    /// `BODY` cached with its index as the list reader gives it, and the cache file's text.
    fn indexed() -> String {
        let services = crate::panel::decode_services(BODY).unwrap();
        let index = crate::panel::catalogue_index(BODY, &services).unwrap();
        encode_indexed(7, "u", BODY, Some(&index)).unwrap()
    }

    /// The names of the entries `ids` names, read through the index of the file `text`.
    fn names(text: &str, url: &str, ids: &[&str]) -> Option<Vec<String>> {
        let read = std::io::Cursor::new(text.as_bytes());
        let entries = entries_in(read, text.len() as u64, url, ids)?;
        assert_eq!(entries.fetched, 7);
        let found = crate::panel::entries_services(entries.texts).unwrap();
        Some(
            found
                .into_iter()
                .map(|s| format!("{}:{}", s.id, s.name))
                .collect(),
        )
    }

    #[test]
    fn an_indexed_file_reads_back_whole_and_entry_by_entry() {
        let text = indexed();
        let cached = decode(text.clone()).unwrap();
        assert_eq!((cached.body.as_str(), cached.fetched), (BODY, 7));
        assert_eq!(names(&text, "u", &["12"]).unwrap(), ["12:escaped"]);
        assert_eq!(
            names(&text, "u", &["1448", "1", "1448"]).unwrap(),
            ["1:a", "1448:first", "1448:again"]
        );
        assert_eq!(
            names(&text, "u", &["x\"\\y", "é"]).unwrap(),
            ["x\"\\y:odd", "é:other"]
        );
        assert_eq!(
            names(&text, "u", &["99", "144", ""]).unwrap(),
            Vec::<String>::new()
        );
        // Another URL's copy is none.
        assert_eq!(names(&text, "v", &["1"]), None);
    }

    #[test]
    fn an_index_that_does_not_fit_its_file_is_not_read() {
        let text = indexed();
        let (line, rest) = text.split_once('\n').unwrap();
        let length: usize = line
            .split("\"index\":")
            .nth(1)
            .unwrap()
            .trim_end_matches('}')
            .parse()
            .unwrap();
        // No index (a file from before it): the whole body is read instead.
        let plain = encode(7, "u", BODY).unwrap();
        assert_eq!(names(&plain, "u", &["1"]), None);
        assert_eq!(decode(plain).unwrap().body, BODY);
        // Cut short in the index: no copy at all.
        let cut = format!("{line}\n{}", &rest[..length / 2]);
        assert_eq!(names(&cut, "u", &["1"]), None);
        assert!(decode(cut).is_none());
        // Cut short in the body: an entry past the end is not read.
        let cut = &text[..text.len() - 5];
        assert_eq!(names(cut, "u", &["é"]), None);
        assert_eq!(names(cut, "u", &["1"]).unwrap(), ["1:a"]);
        // An index that says where no entry is: what lies there does not read as one.
        let wrong = text.replacen("\"1\"\t2\t", "\"1\"\t3\t", 1);
        assert_ne!(wrong, text);
        let read = std::io::Cursor::new(wrong.as_bytes());
        let entries = entries_in(read, wrong.len() as u64, "u", &["1"]).unwrap();
        assert!(crate::panel::entries_services(entries.texts).is_none());
    }
}
