//! The one HTTP client of a run: timeouts, User-Agent, no redirects, `-v` logging.

use crate::secret::{MASK, Secret};
use std::fmt;
use std::time::{Duration, Instant};

/// The HTTP client shared by every request of a run (connections are reused).
pub struct Http {
    client: reqwest::blocking::Client,
    timeout: Duration,
    verbose: bool,
}

/// A panel's HTTP answer: status and body text.
#[derive(Debug)]
pub struct Reply {
    /// HTTP status code.
    pub status: reqwest::StatusCode,
    /// `Location` header, for redirects.
    pub location: Option<String>,
    /// `Retry-After` header, for 429 and 503 answers.
    pub retry_after: Option<String>,
    /// The body as text.
    pub body: String,
}

/// Why a request got no answer; `Connect` means it never reached the panel.
#[derive(Debug)]
pub enum SendError {
    /// Could not connect: the request was not sent.
    Connect(String),
    /// No answer within the timeout: the request may have reached the panel.
    Timeout(Duration),
    /// Anything else after connecting (connection reset, broken body…).
    Other(String),
}

impl SendError {
    /// Whether the request may have reached the panel (so a non-idempotent action may have happened).
    pub fn maybe_delivered(&self) -> bool {
        !matches!(self, SendError::Connect(_))
    }
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendError::Connect(m) => write!(f, "could not connect to the panel: {m}"),
            SendError::Timeout(d) => write!(
                f,
                "the panel did not answer within {}s (timed out); try again later or raise --timeout",
                d.as_secs_f64()
            ),
            SendError::Other(m) => write!(f, "the request failed: {m}"),
        }
    }
}

impl std::error::Error for SendError {}

impl Http {
    /// Builds the client: timeout, no redirects (a key must never follow one), rustls with ring.
    pub fn new(timeout: Duration, verbose: bool) -> anyhow::Result<Http> {
        // Installing twice returns Err, which is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::blocking::Client::builder()
            .timeout(timeout)
            .connect_timeout(connect_timeout(timeout))
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Http {
            client,
            timeout,
            verbose,
        })
    }

    /// POSTs a form (`key` first, then `fields`) and returns the answer, whatever its status.
    pub fn post_form(
        &self,
        url: &reqwest::Url,
        user_agent: &str,
        key: &Secret,
        fields: &[(&str, String)],
    ) -> Result<Reply, SendError> {
        self.send(
            reqwest::Method::POST,
            url,
            user_agent,
            key,
            Payload::Form(fields),
        )
    }

    /// Sends one request with the key placed as `payload` says; returns the answer whatever its
    /// status. With `-v`, logs it on stderr with every secret masked.
    pub fn send(
        &self,
        method: reqwest::Method,
        url: &reqwest::Url,
        user_agent: &str,
        key: &Secret,
        payload: Payload<'_>,
    ) -> Result<Reply, SendError> {
        if self.verbose {
            eprintln!("> {method} {url} {}", payload.describe());
        }
        let mut request = self
            .client
            .request(method, url.clone())
            .header(reqwest::header::USER_AGENT, user_agent)
            .header(reqwest::header::ACCEPT, "application/json");
        request = match payload {
            Payload::Form(fields) => {
                let mut form: Vec<(&str, &str)> = Vec::with_capacity(fields.len() + 1);
                form.push(("key", key.expose()));
                form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
                request.form(&form)
            }
            Payload::JsonWithKey(fields) => {
                let mut body = serde_json::Map::with_capacity(fields.len() + 1);
                body.insert("key".into(), key.expose().into());
                body.extend(fields.iter().map(|(k, v)| (k.clone(), v.clone())));
                request.json(&body)
            }
            Payload::Bearer(body) => {
                let request = request.bearer_auth(key.expose());
                match body {
                    Some(json) => request.json(json),
                    None => request,
                }
            }
        };
        let started = Instant::now();
        let result = request.send().and_then(|resp| {
            let status = resp.status();
            let header = |name: reqwest::header::HeaderName| {
                resp.headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string)
            };
            let location = header(reqwest::header::LOCATION);
            let retry_after = header(reqwest::header::RETRY_AFTER);
            resp.text().map(|body| Reply {
                status,
                location,
                retry_after,
                body,
            })
        });
        let elapsed = started.elapsed();
        match result {
            Ok(reply) => {
                if self.verbose {
                    eprintln!(
                        "< HTTP {} ({} bytes) in {} ms",
                        reply.status,
                        reply.body.len(),
                        elapsed.as_millis()
                    );
                }
                Ok(reply)
            }
            Err(e) => {
                let err = classify(&e, self.timeout);
                if self.verbose {
                    eprintln!("< failed after {} ms: {err}", elapsed.as_millis());
                }
                Err(err)
            }
        }
    }
}

/// Where the key goes and what else the request carries.
pub enum Payload<'a> {
    /// A form body; the key is sent first as the `key` field (SMM API v2).
    Form(&'a [(&'a str, String)]),
    /// A JSON object body; the key is added as `"key"` (streamdetails).
    JsonWithKey(&'a serde_json::Map<String, serde_json::Value>),
    /// `Authorization: Bearer <key>`, with an optional JSON body (useapi.net).
    Bearer(Option<&'a serde_json::Value>),
}

/// Body fields whose values are secrets: masked in `-v` logs.
const SECRET_FIELDS: [&str; 2] = ["key", "discord"];

impl Payload<'_> {
    /// The request's fields for `-v`, every secret masked.
    fn describe(&self) -> String {
        let masked = |k: &str, v: String| {
            if SECRET_FIELDS.contains(&k) {
                MASK.to_string()
            } else {
                shorten(&v, 120)
            }
        };
        match self {
            Payload::Form(fields) => {
                let shown: Vec<String> = fields
                    .iter()
                    .map(|(k, v)| format!("{k}={}", masked(k, v.clone())))
                    .collect();
                format!("key={MASK} {}", shown.join(" "))
            }
            Payload::JsonWithKey(fields) => {
                let shown: Vec<String> = fields
                    .iter()
                    .map(|(k, v)| format!("{k}={}", masked(k, v.to_string())))
                    .collect();
                format!("json key={MASK} {}", shown.join(" "))
            }
            Payload::Bearer(body) => {
                let shown: Vec<String> = body
                    .and_then(|b| b.as_object())
                    .map(|o| {
                        o.iter()
                            .map(|(k, v)| format!("{k}={}", masked(k, v.to_string())))
                            .collect()
                    })
                    .unwrap_or_default();
                format!("Authorization: Bearer {MASK} {}", shown.join(" "))
                    .trim_end()
                    .to_string()
            }
        }
    }
}

/// Maps a reqwest error to a `SendError` with its root cause (never the key: it is only in the body).
fn classify(e: &reqwest::Error, timeout: Duration) -> SendError {
    if e.is_connect() && e.is_timeout() {
        return SendError::Connect(format!(
            "no connection within {}s (is the url's scheme and port right?)",
            connect_timeout(timeout).as_secs_f64()
        ));
    }
    if e.is_timeout() {
        return SendError::Timeout(timeout);
    }
    let mut cause = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        cause = s.to_string();
        source = s.source();
    }
    if e.is_connect() {
        SendError::Connect(cause)
    } else {
        SendError::Other(cause)
    }
}

/// How long a connection may take: the timeout, at most 10 s.
fn connect_timeout(timeout: Duration) -> Duration {
    timeout.min(Duration::from_secs(10))
}

/// At most `max` characters of `text`, whitespace collapsed and control characters (terminal
/// escapes) removed, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let collapsed = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if collapsed.chars().count() <= max {
        collapsed
    } else {
        let cut: String = collapsed.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_collapses_and_cuts() {
        assert_eq!(shorten("a\n  b", 10), "a b");
        assert_eq!(shorten("abcdef", 3), "abc…");
    }

    #[test]
    fn only_connect_errors_are_surely_undelivered() {
        assert!(!SendError::Connect("refused".into()).maybe_delivered());
        assert!(SendError::Timeout(Duration::from_secs(1)).maybe_delivered());
        assert!(SendError::Other("reset".into()).maybe_delivered());
    }
}
