//! The lenient readers that turn panel JSON into typed values, and the errors a panel answer
//! can mean.
//!
//! Panels differ in small ways (numbers as strings, thousands separators, `"Unknown"`),
//! so every reader here accepts the variants in `tests/fixtures/v2/` and never panics.

use super::{RawEntry, Service};
use crate::http::Reply;
use crate::text::{clean, safe, shorten};
use serde_json::Value;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::sync::Arc;

/// Text of a JSON value: strings as they are, numbers as written, null as empty.
pub fn text(v: &Value) -> String {
    let raw = match v {
        Value::String(s) => return clean(s.trim()),
        Value::Null => String::new(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    };
    clean(&raw)
}

/// A whole count from a number or a string; thousands separators are accepted only where they
/// group digits in threes (`"5.000.000"`, `"1,500"`), so `"12.50"` or `"1,5"` are not counts.
pub fn count(v: &Value) -> Option<u64> {
    count_text(&text(v))
}

/// `count` for text already taken out of its JSON.
pub fn count_text(t: &str) -> Option<u64> {
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok();
    }
    ['.', ',', ' ', '\'']
        .into_iter()
        .find(|sep| crate::money::grouped_in_threes(t, *sep))
        .and_then(|sep| t.replace(sep, "").parse().ok())
}

/// A whole number that may be negative, from text (`"-12"`: a panel's `remains` after it
/// delivered more than ordered); the digits are read like `count_text`.
pub fn signed_count_text(t: &str) -> Option<i64> {
    let t = t.trim();
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, t),
    };
    count_text(digits)
        .and_then(|n| i64::try_from(n).ok())
        .map(|n| sign * n)
}

/// A yes/no flag from `true`, `1`, `"1"`, `"true"`, `"yes"` (and their opposites).
pub fn flag(v: &Value) -> Option<bool> {
    match v {
        Value::Null => None,
        other => flag_text(&text(other)),
    }
}

/// `flag` for text already taken out of its JSON (`""` is no).
pub fn flag_text(t: &str) -> Option<bool> {
    let is = |words: &[&str]| words.iter().any(|w| t.eq_ignore_ascii_case(w));
    match t {
        _ if is(&["1", "true", "yes"]) => Some(true),
        _ if is(&["0", "false", "no", ""]) => Some(false),
        _ => None,
    }
}

/// The text of a raw JSON value, read like `text` (strings unquoted, numbers as written).
fn raw_text(v: Option<&RawValue>) -> String {
    raw_str(v).into_owned()
}

/// `raw_text`, borrowed from the JSON text when it can be: a string without escapes and
/// without unsafe characters (the common case) is a slice of its JSON, no allocation.
fn raw_str(v: Option<&RawValue>) -> Cow<'_, str> {
    let Some(v) = v else {
        return Cow::Borrowed("");
    };
    // A JSON value has no whitespace around it but ASCII's.
    let t = v.get().trim_ascii();
    // Printable ASCII without escapes (most catalogue fields): nothing to unescape or make
    // safe, and its only whitespace is the space; checked in one pass over the bytes.
    let plain = |t: &str| t.bytes().all(|b| b.wrapping_sub(0x20) < 0x5f && b != b'\\');
    match t.as_bytes().first() {
        Some(b'"') if t.len() >= 2 && plain(&t[1..t.len() - 1]) => {
            Cow::Borrowed(t[1..t.len() - 1].trim_ascii())
        }
        Some(b'"') if !t.contains('\\') && t.len() >= 2 => safe(t[1..t.len() - 1].trim()),
        Some(b'"') => serde_json::from_str::<String>(t)
            .map(|s| Cow::Owned(clean(s.trim())))
            .unwrap_or_default(),
        _ if t == "null" => Cow::Borrowed(""),
        _ if plain(t) => Cow::Borrowed(t),
        _ => safe(t),
    }
}

/// The panel's error text when `v` is `{"error": …}`.
///
/// A null, false or blank `error` (`{"order": 1, "error": null}`) is no error.
pub fn error_text(v: &Value) -> Option<String> {
    let msg = match v.as_object()?.get("error")? {
        Value::Null | Value::Bool(false) => return None,
        Value::Object(o) => match o.get("message") {
            Some(m) => text(m),
            None => clean(&Value::Object(o.clone()).to_string()),
        },
        other => text(other),
    };
    (!msg.is_empty()).then_some(msg)
}

/// The panel's own error answer (`{"error": …}`): a definite no, not a lost request.
#[derive(Debug)]
pub struct PanelError(pub String);

impl std::fmt::Display for PanelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PanelError {}

/// The error for a redirect answer: smm never follows one (the key must not go elsewhere).
pub fn redirect_error(reply: &Reply) -> Option<anyhow::Error> {
    if !reply.status.is_redirection() {
        return None;
    }
    let target = reply.location.as_deref().unwrap_or("(no Location header)");
    Some(anyhow::anyhow!(
        "the panel answered HTTP {} redirecting to {target}; smm does not follow redirects \
         (the key must not go elsewhere): put the final URL in the profile's url",
        reply.status
    ))
}

/// The error for a body that is not JSON: HTTP status and the start of the body.
pub fn not_json(reply: &Reply) -> anyhow::Error {
    let what = if reply.body.trim_start().starts_with('<') {
        "an HTML page, not JSON (a Cloudflare check, maintenance page or wrong url?)"
    } else if reply.body.trim().is_empty() {
        "an empty body, not JSON"
    } else {
        "something that is not JSON"
    };
    anyhow::anyhow!(
        "the panel answered HTTP {}{} with {what}: {}",
        reply.status,
        retry_hint(reply),
        shorten(&reply.body, 200)
    )
}

/// ` (retry after N s)` when the answer carries `Retry-After`.
fn retry_hint(reply: &Reply) -> String {
    match &reply.retry_after {
        Some(secs) => format!(" (rate limited: retry after {}s)", secs.trim()),
        None => String::new(),
    }
}

/// Turns an HTTP reply into JSON, or an error that says what came back instead.
pub fn decode_json(reply: &Reply) -> anyhow::Result<Value> {
    decode_json_keeping(reply, &|_| true).map(|(value, _)| value)
}

/// `decode_json` for an answer keyed by the ids asked (a status map): a JSON object keeps
/// only the entries whose key `keep` accepts (and `error`), skipping every other entry while
/// it parses, so memory follows the ids asked, not the answer's size. Returns the JSON and
/// how many entries were skipped.
pub fn decode_json_keeping(
    reply: &Reply,
    keep: &dyn Fn(&str) -> bool,
) -> anyhow::Result<(Value, usize)> {
    if let Some(err) = redirect_error(reply) {
        return Err(err);
    }
    let status = reply.status;
    let parsed = match reply.body.trim_start().starts_with('{') {
        true => {
            use serde::de::DeserializeSeed;
            let mut de = serde_json::Deserializer::from_str(&reply.body);
            Keep(keep)
                .deserialize(&mut de)
                .and_then(|kept| de.end().map(|()| kept))
                .map(|(map, skipped)| (Value::Object(map), skipped))
        }
        false => serde_json::from_str::<Value>(&reply.body).map(|v| (v, 0)),
    };
    match parsed {
        Ok(parsed) if status.is_success() => Ok(parsed),
        Ok((value, _)) => {
            let msg = error_text(&value).unwrap_or_else(|| shorten(&reply.body, 200));
            anyhow::bail!(
                "the panel answered HTTP {status}{}: {msg}",
                retry_hint(reply)
            )
        }
        Err(_) => Err(not_json(reply)),
    }
}

/// Reads a JSON object keeping the entries whose key the function accepts (and `error`),
/// skipping the others unread into memory; yields the kept entries and the skipped count.
struct Keep<'k>(&'k dyn Fn(&str) -> bool);

impl<'de> serde::de::DeserializeSeed<'de> for Keep<'_> {
    type Value = (serde_json::Map<String, Value>, usize);

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Keep<'_> {
    type Value = (serde_json::Map<String, Value>, usize);

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut kept = serde_json::Map::new();
        let mut skipped = 0;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "error" || (self.0)(&key) {
                kept.insert(key.into_owned(), map.next_value::<Value>()?);
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
                skipped += 1;
            }
        }
        Ok((kept, skipped))
    }
}

/// The error for an `add` answer that holds order id `id` under an HTTP status that says it
/// failed (400, 429, 5xx…): it contradicts itself, so the order may or may not exist.
pub fn contradiction(reply: &Reply, id: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "the panel answered HTTP {} but its answer holds order id {id}: {}",
        reply.status,
        shorten(&reply.body, 200)
    )
}

/// Marks an error after which an `add` may or may not have been placed.
pub fn ambiguous(err: anyhow::Error) -> anyhow::Error {
    err.context(MaybePlaced)
}

/// Whether an `add` error leaves the order's existence unknown.
pub fn is_ambiguous(err: &anyhow::Error) -> bool {
    err.downcast_ref::<MaybePlaced>().is_some()
}

/// The context of an `add` that may or may not have been placed.
#[derive(Debug)]
pub struct MaybePlaced;

impl std::fmt::Display for MaybePlaced {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "the order may or may not have been placed: check the panel's order list (or `smm status` \
             with a recent order id; `smm orders` shows it as unknown) before running the same command again",
        )
    }
}

/// A short reason for a failed request, for a table cell: "timed out", "HTTP 502 …".
pub fn short_reason(err: &anyhow::Error) -> String {
    let full = err.root_cause().to_string();
    let cut = [" with ", ": ", "; "]
        .iter()
        .filter_map(|sep| full.find(sep))
        .min()
        .unwrap_or(full.len());
    shorten(&full[..cut], 80)
}

/// The fields of a catalogue entry, borrowed from its JSON text (any may be missing).
#[derive(Default, serde::Deserialize)]
struct ServiceFields<'a> {
    #[serde(borrow, default)]
    service: Option<&'a RawValue>,
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    name: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "type")]
    kind: Option<&'a RawValue>,
    #[serde(borrow, default)]
    category: Option<&'a RawValue>,
    #[serde(borrow, default)]
    rate: Option<&'a RawValue>,
    #[serde(borrow, default)]
    min: Option<&'a RawValue>,
    #[serde(borrow, default)]
    max: Option<&'a RawValue>,
    #[serde(borrow, default)]
    refill: Option<&'a RawValue>,
    #[serde(borrow, default)]
    cancel: Option<&'a RawValue>,
    #[serde(borrow, default)]
    dripfeed: Option<&'a RawValue>,
    #[serde(borrow, default)]
    duration: Option<&'a RawValue>,
}

/// Reads one catalogue entry leniently from its JSON text (`service` or `id`; `dripfeed` and
/// `duration` where panels send them; other fields such as `desc` stay in `raw`); an entry
/// that is not an object decodes to empty fields. Reading borrowed raw fields keeps a
/// 20,000-entry catalogue fast and small.
pub fn decode_service(raw: Box<RawValue>) -> Service {
    let f: ServiceFields = serde_json::from_str(raw.get()).unwrap_or_default();
    let fields = service_from(f, RawEntry::new(""));
    let text: Box<str> = raw.into();
    Service {
        raw: RawEntry::from(text),
        ..fields
    }
}

/// A `Service` from its borrowed fields and its entry's text.
fn service_from(f: ServiceFields, raw: RawEntry) -> Service {
    let flag_of = |v| match raw_str(v) {
        t if t.is_empty() => None,
        t => flag_text(&t),
    };
    Service {
        id: raw_text(f.service.or(f.id)),
        name: raw_text(f.name),
        kind: raw_text(f.kind),
        category: raw_text(f.category),
        rate: rate(&raw_str(f.rate)),
        min: count_text(&raw_str(f.min)),
        max: count_text(&raw_str(f.max)),
        refill: flag_of(f.refill),
        cancel: flag_of(f.cancel),
        dripfeed: flag_of(f.dripfeed),
        duration: count_text(&raw_str(f.duration)),
        raw,
    }
}

/// A rate read like `money::parse`; plain `12.345` (18 digits at most, the common case) is
/// read at once, without the general reader's text handling.
fn rate(t: &str) -> Option<rust_decimal::Decimal> {
    let (whole, fraction) = t.split_once('.').unwrap_or((t, ""));
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || whole.len() + fraction.len() > 18
        || (fraction.is_empty() && t.len() != whole.len())
        || !plain(whole)
        || !plain(fraction)
    {
        return crate::money::parse(t);
    }
    let m = whole
        .bytes()
        .chain(fraction.bytes())
        .fold(0i64, |m, b| m * 10 + i64::from(b - b'0'));
    Some(rust_decimal::Decimal::new(m, fraction.len() as u32))
}

/// Decodes a whole catalogue from the panel's JSON array text, or `None` when it is not one.
///
/// One pass over the text: each entry's fields are read where they are (borrowed), and the
/// entry keeps its text as a span of one shared copy of `body` (no allocation per entry).
pub fn decode_services(body: &str) -> Option<Vec<Service>> {
    let shared: Arc<str> = Arc::from(body);
    let text = shared.as_ref();
    let json_ws = |at: usize| {
        text[at..]
            .bytes()
            .position(|b| !matches!(b, b' ' | b'\n' | b'\t' | b'\r'))
            .map_or(text.len(), |n| at + n)
    };
    let mut at = json_ws(0);
    if text.as_bytes().get(at) != Some(&b'[') {
        return None;
    }
    at = json_ws(at + 1);
    // A guess at the count from the size (an entry is 100 bytes or more): room never touched
    // costs no memory, and the Vec is not regrown and copied.
    let mut services = Vec::with_capacity(text.len() / 100 + 1);
    if text.as_bytes().get(at) == Some(&b']') {
        return (json_ws(at + 1) == text.len()).then_some(services);
    }
    loop {
        // The entry's fields, read from where it starts; where it ends is where reading stopped.
        let mut entries =
            serde_json::Deserializer::from_str(&text[at..]).into_iter::<ServiceFields>();
        let (fields, len) = match entries.next()? {
            Ok(fields) => (fields, entries.byte_offset()),
            // Not an object with those fields (a number, a duplicate key…): empty fields, if
            // it is JSON at all.
            Err(_) => {
                let mut raw =
                    serde_json::Deserializer::from_str(&text[at..]).into_iter::<&RawValue>();
                raw.next()?.ok()?;
                (ServiceFields::default(), raw.byte_offset())
            }
        };
        services.push(service_from(
            fields,
            RawEntry::shared(&shared, at..at + len),
        ));
        at = json_ws(at + len);
        match text.as_bytes().get(at)? {
            b',' => at = json_ws(at + 1),
            b']' => break,
            _ => return None,
        }
    }
    (json_ws(at + 1) == text.len()).then_some(services)
}

/// How many entries a catalogue's JSON array text holds, checking that it is one (every entry
/// read through, none kept), or `None` when it is not one: `decode_services` without the work.
pub fn count_services(body: &str) -> Option<usize> {
    struct Count;
    impl<'de> serde::de::Visitor<'de> for Count {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
            let mut n = 0;
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                n += 1;
            }
            Ok(n)
        }
    }
    let mut de = serde_json::Deserializer::from_str(body);
    let n = serde::Deserializer::deserialize_seq(&mut de, Count).ok()?;
    de.end().ok()?;
    Some(n)
}

/// Only the entries of a catalogue array whose id is one of `ids`, without decoding the rest:
/// the array is split into borrowed raw entries, and only those where an id may be written
/// (`id_marks`) are decoded (a 20,000-service catalogue read from the cache for a route's few
/// candidates).
pub fn find_services(body: &str, ids: &[&str]) -> Option<Vec<Service>> {
    let items: Vec<&RawValue> = serde_json::from_str(body).ok()?;
    // Ids are numbers; any other (none, empty, spaces…) is looked for in every entry.
    let every = !ids
        .iter()
        .all(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric()));
    let marks = id_marks(body, ids);
    let mut next = 0;
    let mut found = Vec::new();
    for raw in items {
        // Where the entry is in the body (a borrowed raw value is a slice of it).
        let start = raw.get().as_ptr() as usize - body.as_ptr() as usize;
        let end = start + raw.get().len();
        // The marks are in order of where they start, and so are the entries.
        while marks.get(next).is_some_and(|m| m.start < start) {
            next += 1;
        }
        let marked = marks[next..]
            .iter()
            .take_while(|m| m.start < end)
            .any(|m| m.end <= end);
        if every || marked {
            let service = decode_service(raw.to_owned());
            if ids.contains(&service.id.as_str()) {
                found.push(service);
            }
        }
    }
    Some(found)
}

/// Each entry's id and where it lies in `body`, for the cache's index, when every entry of
/// `services` is the text of `body` where its span says (as `decode_services` leaves them).
pub fn catalogue_index<'a>(
    body: &str,
    services: &'a [Service],
) -> Option<Vec<(&'a str, std::ops::Range<usize>)>> {
    services
        .iter()
        .map(|s| {
            let span = s.raw.span();
            (body.get(span.clone()) == Some(s.raw.get())).then_some((s.id.as_str(), span))
        })
        .collect()
}

/// The services of catalogue entries read back from the cache by their texts, or `None` if
/// one no longer reads as JSON.
pub fn entries_services(texts: Vec<String>) -> Option<Vec<Service>> {
    texts
        .into_iter()
        .map(|text| RawValue::from_string(text).ok().map(decode_service))
        .collect()
}

/// Where in a catalogue's JSON text an entry may hold one of `ids` (letters and digits), in
/// order of where each starts: each id as written, and each JSON escape of one of its
/// characters (an id spelt `"\u0031\u0032"` holds no `12`). An entry whose id reads as one of
/// `ids` holds one of these: without an escape, its id is written as it reads (spaces around
/// it aside), and a letter or digit is escaped only as `\u00XX` (so text in other scripts,
/// escaped as panels often do, is passed over).
fn id_marks(body: &str, ids: &[&str]) -> Vec<std::ops::Range<usize>> {
    let bytes = body.as_bytes();
    // Letters and digits never span two entries: an occurrence overlapping the one an entry
    // holds lies in the same entry, so occurrences that do not overlap are enough.
    let mut marks: Vec<_> = ids
        .iter()
        .flat_map(|id| memchr::memmem::find_iter(bytes, id).map(|at| at..at + id.len()))
        .collect();
    let written = |code: u32| {
        ids.iter()
            .any(|id| id.bytes().any(|b| u32::from(b) == code))
    };
    for at in memchr::memmem::find_iter(bytes, br"\u00") {
        let code = bytes
            .get(at + 4..at + 6)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u32::from_str_radix(hex, 16).ok());
        if code.is_some_and(written) {
            marks.push(at..at + 6);
        }
    }
    marks.sort_unstable_by_key(|m| m.start);
    marks
}

/// A JSON array of the given entries, as text.
pub fn services_json(services: &[&Service]) -> String {
    let mut out = String::with_capacity(
        services
            .iter()
            .map(|s| s.raw.get().len() + 1)
            .sum::<usize>()
            + 2,
    );
    out.push('[');
    for (i, s) in services.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(s.raw.get());
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_catalogue_reads_like_a_list_of_raw_entries() {
        // The one-pass reader against the plain reading: a list of raw values, each entry's
        // fields read from its own text (anything but an object with those fields: empty).
        let plain = |body: &str| -> Option<Vec<(String, String, String)>> {
            let items: Vec<&RawValue> = serde_json::from_str(body).ok()?;
            Some(
                items
                    .into_iter()
                    .map(|raw| {
                        let f: ServiceFields = serde_json::from_str(raw.get()).unwrap_or_default();
                        (
                            raw.get().to_string(),
                            raw_text(f.service.or(f.id)),
                            raw_text(f.name),
                        )
                    })
                    .collect(),
            )
        };
        let mut lists = 0;
        for body in [
            "[]",
            " \n[ ]\t",
            r#"[{"service":1,"name":"a"}]"#,
            r#" [ {"id":"2", "name" : " b\u001b " , "desc":{"x":[1,"]"]}} , 5 ,"x",[1,{}], null,{"service":3,"service":4} ] "#,
            r#"[{"service":1,"name":"a\"b"},{"service":2}]"#,
            "[1,]",
            "[1 2]",
            r#"[{"service":1}"#,
            r#"[{"service":1}]x"#,
            r#"[{"service":1},]"#,
            "[",
            "",
            "{}",
            r#"[{"service":1,"name":"é"}]"#,
            r#"[{"service":1 "name":"a"}]"#,
            "[1e5,-2,true]",
        ] {
            lists += usize::from(plain(body).is_some());
            let read = decode_services(body).map(|services| {
                services
                    .iter()
                    .map(|s| (s.raw.get().to_string(), s.id.clone(), s.name.clone()))
                    .collect::<Vec<_>>()
            });
            assert_eq!(read, plain(body), "{body}");
        }
        assert_eq!(lists, 7, "the lists among them");
    }

    #[test]
    fn a_catalogue_searched_for_ids_answers_as_the_whole_of_it_filtered() {
        // The search against the plain reading: every entry decoded, those with the ids kept.
        let plain = |body: &str, ids: &[&str]| {
            decode_services(body).map(|all| {
                all.into_iter()
                    .filter(|s| ids.contains(&s.id.as_str()))
                    .map(|s| (s.raw.get().to_string(), s.id, s.name))
                    .collect::<Vec<_>>()
            })
        };
        let bodies = [
            r#"[{"service":1,"name":"a"},{"service":12,"name":"b"},{"service":121,"name":"c"}]"#,
            // An id in escapes, in part, in a string with spaces, under an escaped key.
            r#"[{"service":"\u0031\u0032","name":"escaped"},{"service":"1\u0032","name":"half"},
               {"service":" 12 ","name":"spaced"},{"\u0073ervice":"1\u0032","name":"key"},
               {"id":"\u00312","name":"by id"},{"service":"\u00311","name":"eleven"}]"#,
            // The id elsewhere in an entry, twice over, in a nested value, in another's name.
            r#"[{"service":31,"name":"Pack of 12"},{"service":12,"name":"first"},
               {"service":12,"name":"again"},{"service":{"n":12},"name":"nested"},
               {"service":7,"desc":["\u0031\u0032"]}]"#,
            // Entries that are not objects: a list reads as fields in order, the rest as none.
            r#"[["\u0031\u0032","x","listed"],12,"12",null,{"service":12,"service":12}]"#,
            // Text in other scripts, escaped as panels do, beside a plain id.
            r#"[{"service":12,"name":"Caf\u00e9 \u2b50"},{"service":"\u00312","name":"\u00e9"}]"#,
            "[]",
            "[1,]",
            r#"[{"service":12}"#,
            r#"{"service":12}"#,
        ];
        let searches: [&[&str]; 6] = [
            &["12"],
            &["1"],
            &["12", "1"],
            &["121", "31"],
            &[""],
            &["1 2"],
        ];
        let mut found = 0;
        for body in bodies {
            for ids in searches {
                let searched = find_services(body, ids).map(|services| {
                    services
                        .into_iter()
                        .map(|s| (s.raw.get().to_string(), s.id, s.name))
                        .collect::<Vec<_>>()
                });
                assert_eq!(searched, plain(body, ids), "{ids:?} in {body}");
                found += searched.map_or(0, |s| s.len());
            }
        }
        assert_eq!(found, 30, "the entries found in all");
    }

    #[test]
    fn plain_rates_read_like_any_other() {
        for t in [
            "0.90",
            "8",
            "0",
            "0.0",
            "00.50",
            "007",
            "12.345678901234567",
            "123456789012345678",
            "1234567890123456789",
            "0.0000000000000000001",
            "5.",
            ".5",
            "",
            "1,000.5",
            "1e3",
            "-1",
            "+1",
            " 1",
            "1.2.3",
            "1..2",
            "0.000",
            "999999999999999999",
        ] {
            let (fast, general) = (rate(t), crate::money::parse(t));
            assert_eq!(fast, general, "{t}");
            assert_eq!(
                fast.map(|d| d.to_string()),
                general.map(|d| d.to_string()),
                "{t}"
            );
        }
    }

    #[test]
    fn counts_accept_numbers_strings_and_thousands() {
        assert_eq!(count(&json!(50)), Some(50));
        assert_eq!(count(&json!("10000")), Some(10000));
        assert_eq!(count(&json!("5.000.000")), Some(5_000_000));
        assert_eq!(count(&json!("1,500")), Some(1500));
        assert_eq!(count(&json!("12.50")), None);
        assert_eq!(count(&json!("1,5")), None);
        assert_eq!(count(&json!("1 000 000")), Some(1_000_000));
        assert_eq!(count(&json!("1_000")), None);
        assert_eq!(count(&json!("Unknown")), None);
        assert_eq!(count(&json!(null)), None);
    }

    #[test]
    fn signed_counts_read_over_delivery() {
        assert_eq!(signed_count_text("-12"), Some(-12));
        assert_eq!(signed_count_text(" 40 "), Some(40));
        assert_eq!(signed_count_text("-1,500"), Some(-1500));
        assert_eq!(signed_count_text("--1"), None);
        assert_eq!(signed_count_text("-"), None);
        assert_eq!(signed_count_text("Unknown"), None);
        assert_eq!(signed_count_text("99999999999999999999"), None);
    }

    #[test]
    fn text_never_carries_control_characters() {
        assert_eq!(text(&json!("Likes\u{1b}[31m\nFast")), "Likes [31m Fast");
    }

    #[test]
    fn flags_accept_the_usual_spellings() {
        assert_eq!(flag(&json!(true)), Some(true));
        assert_eq!(flag(&json!("1")), Some(true));
        assert_eq!(flag(&json!(0)), Some(false));
        assert_eq!(flag(&json!(null)), None);
        assert_eq!(flag(&json!("maybe")), None);
    }

    #[test]
    fn a_status_map_keeps_only_the_ids_asked() {
        let reply = |status: u16, body: &str| Reply {
            status: reqwest::StatusCode::from_u16(status).unwrap(),
            location: None,
            retry_after: None,
            body: body.to_string(),
        };
        let keep = |k: &str| k == "1" || k == "3";
        let body = r#"{"1":{"status":"Completed"},"2":{"status":"x"},"3":{"error":"Incorrect order ID"},"4":[1,{"a":2}]}"#;
        let (value, skipped) = decode_json_keeping(&reply(200, body), &keep).unwrap();
        assert_eq!(
            value,
            json!({"1": {"status": "Completed"}, "3": {"error": "Incorrect order ID"}})
        );
        assert_eq!(skipped, 2);
        let (value, skipped) =
            decode_json_keeping(&reply(200, r#"{"error":"Incorrect request"}"#), &keep).unwrap();
        assert_eq!(
            (error_text(&value).as_deref(), skipped),
            (Some("Incorrect request"), 0)
        );
        let (value, _) = decode_json_keeping(&reply(200, "[1]"), &keep).unwrap();
        assert_eq!(value, json!([1]));
        assert!(decode_json_keeping(&reply(200, r#"{"1":"#), &keep).is_err());
        assert!(decode_json_keeping(&reply(200, r#"{"1":{}} x"#), &keep).is_err());
        let refused = decode_json_keeping(&reply(400, r#"{"2":1,"error":"Bad"}"#), &keep);
        assert!(format!("{:#}", refused.unwrap_err()).ends_with(": Bad"));
    }

    #[test]
    fn errors_are_found_in_strings_and_objects() {
        assert_eq!(
            error_text(&json!({"error": "Invalid API key"})).as_deref(),
            Some("Invalid API key")
        );
        assert_eq!(
            error_text(&json!({"error": {"code": 401, "message": "Authorization failed"}}))
                .as_deref(),
            Some("Authorization failed")
        );
        assert_eq!(error_text(&json!({"order": 1})), None);
        assert_eq!(error_text(&json!({"order": 1, "error": null})), None);
        assert_eq!(error_text(&json!({"order": 1, "error": ""})), None);
        assert_eq!(error_text(&json!([1])), None);
    }
}
