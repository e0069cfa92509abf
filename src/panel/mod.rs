//! What a panel answers, as typed values, and the lenient readers that build them.
//!
//! Panels differ in small ways (numbers as strings, thousands separators, `"Unknown"`),
//! so every reader here accepts the variants in `../shared/fixtures/v2/` and never panics.

pub mod streamdetails;
pub mod useapi;
pub mod v2;

use crate::http::{Reply, shorten};
use crate::ids::CHUNK;
use rust_decimal::Decimal;
use serde_json::Value;
use serde_json::value::RawValue;

/// The client for a profile's API dialect.
pub enum Client<'a> {
    /// The standard SMM panel API v2.
    V2(v2::V2<'a>),
    /// streamdetails.com API v2.
    Streamdetails(streamdetails::Streamdetails<'a>),
    /// useapi.net (Pika accounts).
    Useapi(useapi::Useapi<'a>),
}

/// The client for `profile`'s dialect over `http`.
pub fn connect<'a>(http: &'a crate::http::Http, profile: &'a crate::config::Profile) -> Client<'a> {
    use crate::config::Api;
    match profile.api {
        Api::V2 => Client::V2(v2::V2::new(http, profile)),
        Api::Streamdetails => {
            Client::Streamdetails(streamdetails::Streamdetails::new(http, profile))
        }
        Api::Useapi => Client::Useapi(useapi::Useapi::new(http, profile)),
    }
}

/// An answer as the panel sent it, for `--json`.
#[derive(Debug, Clone)]
pub enum Raw {
    /// One response body, printed byte for byte.
    Body(String),
    /// Several chunk answers merged into the panel's own shape.
    Merged(Value),
}

/// A typed answer together with the raw JSON it came from.
#[derive(Debug)]
pub struct Answer<T> {
    /// What `--json` prints.
    pub raw: Raw,
    /// What the table is built from.
    pub value: T,
}

/// The account balance.
#[derive(Debug, Clone)]
pub struct Balance {
    /// The amount, exact.
    pub amount: Decimal,
    /// The account currency (e.g. `USD`).
    pub currency: String,
}

/// One entry of the service catalogue.
#[derive(Debug, Clone)]
pub struct Service {
    /// The service id, as text (panels send numbers or strings).
    pub id: String,
    /// The service name.
    pub name: String,
    /// The order type (`Default`, `Custom Comments`, …).
    pub kind: String,
    /// The category.
    pub category: String,
    /// Price per 1000 units.
    pub rate: Option<Decimal>,
    /// Minimum quantity.
    pub min: Option<u64>,
    /// Maximum quantity.
    pub max: Option<u64>,
    /// Whether refills are offered.
    pub refill: Option<bool>,
    /// Whether orders can be cancelled.
    pub cancel: Option<bool>,
    /// How long the service runs, in minutes (streamdetails).
    pub duration: Option<u64>,
    /// The entry as the panel sent it (for filtered `--json`).
    pub raw: Box<RawValue>,
}

/// The status of one order.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderStatus {
    /// Status text (Pending, In progress, Completed, Partial, Canceled…).
    pub status: String,
    /// What the order cost so far.
    pub charge: Option<Decimal>,
    /// The count when the order started, as text (may be `Unknown`).
    pub start_count: String,
    /// Units still to deliver, as text (may be `Unknown`).
    pub remains: String,
    /// Currency of `charge`.
    pub currency: String,
}

/// One row of a batch answer: the id it is about and the outcome for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<T> {
    /// The order (or refill) id the row is about.
    pub id: String,
    /// The outcome, or the panel's per-item error text.
    pub result: Result<T, String>,
}

impl<T> Row<T> {
    /// Whether this row carries an error.
    pub fn failed(&self) -> bool {
        self.result.is_err()
    }
}

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

/// Panel text made safe for a terminal: control characters (escape sequences, newlines that
/// would split a table row) become spaces.
pub fn clean(s: &str) -> String {
    if s.chars().any(char::is_control) {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    } else {
        s.to_string()
    }
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
    ['.', ',', ' ', '\'', '_']
        .into_iter()
        .find(|sep| crate::money::grouped_in_threes(t, *sep))
        .and_then(|sep| t.replace(sep, "").parse().ok())
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
    match t.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" | "" => Some(false),
        _ => None,
    }
}

/// The text of a raw JSON value, read like `text` (strings unquoted, numbers as written).
fn raw_text(v: Option<&RawValue>) -> String {
    let Some(v) = v else {
        return String::new();
    };
    let t = v.get().trim();
    match t.as_bytes().first() {
        Some(b'"') => serde_json::from_str::<String>(t)
            .map(|s| clean(s.trim()))
            .unwrap_or_default(),
        _ if t == "null" => String::new(),
        _ => clean(t),
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
    if let Some(err) = redirect_error(reply) {
        return Err(err);
    }
    let status = reply.status;
    match serde_json::from_str::<Value>(&reply.body) {
        Ok(value) if status.is_success() => Ok(value),
        Ok(value) => {
            let msg = error_text(&value).unwrap_or_else(|| shorten(&reply.body, 200));
            anyhow::bail!(
                "the panel answered HTTP {status}{}: {msg}",
                retry_hint(reply)
            )
        }
        Err(_) => Err(not_json(reply)),
    }
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

/// One chunk's ids and what the panel answered for them (JSON value and body).
pub type ChunkAnswer<'i> = (&'i [u64], anyhow::Result<(Value, String)>);

/// Sends `ids` in chunks of at most 100 through `send`, up to `http.concurrency()` chunks in
/// flight at once (fewer after a 429), and returns every chunk's answer in input order — or,
/// when every chunk failed, the first failure. When only some chunks fail, each failure is
/// reported once on stderr (its rows carry a short reason). A progress bar shows on a
/// terminal for batches of more than one chunk.
pub fn run_chunks<'i>(
    http: &crate::http::Http,
    ids: &'i [u64],
    send: impl Fn(&[u64]) -> anyhow::Result<(Value, String)> + Sync,
) -> anyhow::Result<Vec<ChunkAnswer<'i>>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let chunks: Vec<&[u64]> = ids.chunks(CHUNK).collect();
    type Slot = Mutex<Option<anyhow::Result<(Value, String)>>>;
    let slots: Vec<Slot> = chunks.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let bar = crate::output::progress(
        chunks.len() as u64,
        http.progress() && chunks.len() > 1,
        "requests",
    );
    let workers = http.concurrency().min(chunks.len()).max(1);
    http.batching(chunks.len() > 1);
    std::thread::scope(|scope| {
        for worker in 0..workers {
            let (chunks, slots, next, bar, send) = (&chunks, &slots, &next, &bar, &send);
            scope.spawn(move || {
                // After a 429 the run keeps fewer chunks in flight: workers past the new limit stop.
                while worker < http.concurrency() {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(chunk) = chunks.get(i) else { break };
                    let result = send(chunk);
                    *slots[i].lock().unwrap_or_else(|p| p.into_inner()) = Some(result);
                    bar.inc(1);
                }
            });
        }
    });
    bar.finish_and_clear();
    let mut answers: Vec<ChunkAnswer> = chunks
        .into_iter()
        .zip(slots)
        .map(|(chunk, slot)| {
            let result = slot
                .into_inner()
                .unwrap_or_else(|p| p.into_inner())
                .unwrap_or_else(|| Err(anyhow::anyhow!("chunk was not sent")));
            (chunk, result)
        })
        .collect();
    if answers.iter().all(|(_, r)| r.is_err()) {
        let (_, first) = answers.swap_remove(0);
        return Err(first.expect_err("every chunk failed"));
    }
    let total = answers.len();
    for (n, (chunk, result)) in answers.iter().enumerate() {
        if let (Err(e), Some(first), Some(last)) = (result, chunk.first(), chunk.last()) {
            eprintln!(
                "smm: chunk {} of {total} (ids {first}…{last}) failed: {e:#}",
                n + 1
            );
        }
    }
    Ok(answers)
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
    duration: Option<&'a RawValue>,
}

/// Reads one catalogue entry leniently from its JSON text (`service` or `id`; `duration` where
/// panels send it); an entry that is not an object decodes to empty fields. Reading borrowed
/// raw fields keeps a 20,000-entry catalogue fast and small.
pub fn decode_service(raw: Box<RawValue>) -> Service {
    let f: ServiceFields = serde_json::from_str(raw.get()).unwrap_or_default();
    let flag_of = |v| match raw_text(v) {
        t if t.is_empty() => None,
        t => flag_text(&t),
    };
    let id = raw_text(f.service.or(f.id));
    let name = raw_text(f.name);
    let kind = raw_text(f.kind);
    let category = raw_text(f.category);
    let rate = crate::money::parse(&raw_text(f.rate));
    let min = count_text(&raw_text(f.min));
    let max = count_text(&raw_text(f.max));
    let refill = flag_of(f.refill);
    let cancel = flag_of(f.cancel);
    let duration = count_text(&raw_text(f.duration));
    Service {
        id,
        name,
        kind,
        category,
        rate,
        min,
        max,
        refill,
        cancel,
        duration,
        raw,
    }
}

/// Decodes a whole catalogue from the panel's JSON array text, or `None` when it is not one.
pub fn decode_services(body: &str) -> Option<Vec<Service>> {
    let items: Vec<Box<RawValue>> = serde_json::from_str(body).ok()?;
    Some(items.into_iter().map(decode_service).collect())
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
    fn counts_accept_numbers_strings_and_thousands() {
        assert_eq!(count(&json!(50)), Some(50));
        assert_eq!(count(&json!("10000")), Some(10000));
        assert_eq!(count(&json!("5.000.000")), Some(5_000_000));
        assert_eq!(count(&json!("1,500")), Some(1500));
        assert_eq!(count(&json!("12.50")), None);
        assert_eq!(count(&json!("1,5")), None);
        assert_eq!(count(&json!("1 000 000")), Some(1_000_000));
        assert_eq!(count(&json!("Unknown")), None);
        assert_eq!(count(&json!(null)), None);
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
