//! The one HTTP client of a run: timeouts, User-Agent, no redirects, `-v` logging, retries
//! for reads, client-side pacing (`max_rpm`) and the concurrency of batch chunks.

use crate::config::secret::{MASK, Secret};
use crate::text::shorten;
use std::fmt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// The HTTP client shared by every request of a run (connections are kept alive and reused).
pub struct Http {
    /// Built on the first request (a run answered from the cache never loads the TLS roots).
    client: std::sync::OnceLock<Result<reqwest::blocking::Client, String>>,
    timeout: Duration,
    verbose: bool,
    attempts: u32,
    pace: Option<(Duration, Mutex<Instant>)>,
    concurrency: usize,
    throttled: AtomicU32,
    batching: std::sync::atomic::AtomicBool,
}

/// How a run talks to its panel.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// Time allowed for each request.
    pub timeout: Duration,
    /// Log each request on stderr.
    pub verbose: bool,
    /// Tries for a read (1 = no retry).
    pub attempts: u32,
    /// Requests per minute at most (paced client-side).
    pub max_rpm: Option<u32>,
    /// Chunks of a batch in flight at once.
    pub concurrency: usize,
}

/// Whether a request may be sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// A read (balance, services, status, refill status, account list): retried on
    /// connection errors, timeouts, 5xx, HTML pages and 429.
    Read,
    /// A write (add, refill, cancel, account set/delete): sent exactly once, whatever happens.
    Write,
}

/// The longest `Retry-After` smm waits for; a longer one ends the retries.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

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

impl Reply {
    /// The answer with every secret of the request (`secrets`) masked in its body and the
    /// headers smm shows: a panel that echoes the key (plain text, HTML, in any field) never
    /// gets it printed, alerted or stored.
    fn masked(mut self, secrets: &[&str]) -> Reply {
        let mask = |text: &mut String| {
            if let std::borrow::Cow::Owned(masked) = crate::config::secret::mask(text, secrets) {
                *text = masked;
            }
        };
        mask(&mut self.body);
        self.location.as_mut().map(mask);
        self.retry_after.as_mut().map(mask);
        self
    }
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
    /// The answer was larger than smm accepts.
    TooLarge(u64),
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
                "the panel did not answer within {}s (timed out; --timeout sets the limit)",
                d.as_secs_f64()
            ),
            SendError::Other(m) => write!(f, "the request failed: {m}"),
            SendError::TooLarge(n) => write!(
                f,
                "the panel's answer is too large ({n} bytes, more than {} MiB); refusing to read it",
                MAX_ANSWER_BYTES >> 20
            ),
        }
    }
}

impl std::error::Error for SendError {}

/// The TLS settings every client of the run shares: rustls with ring, the system's roots
/// (the platform verifier, as reqwest builds it), HTTP/1.1. Built once per process, so a run
/// talking to several panels (a route's candidates, `--all`) reads and parses the system's
/// roots once, not once per profile.
fn tls() -> Result<rustls::ClientConfig, String> {
    static TLS: std::sync::OnceLock<Result<rustls::ClientConfig, String>> =
        std::sync::OnceLock::new();
    TLS.get_or_init(|| {
        use rustls_platform_verifier::BuilderVerifierExt;
        // Installing twice returns Err, which is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut config = rustls::ClientConfig::builder()
            .with_platform_verifier()
            .map_err(|e| format!("the HTTP client could not be set up: {e}"))?
            .with_no_client_auth();
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(config)
    })
    .clone()
}

impl Http {
    /// Builds the client: timeout, no redirects (a key must never follow one), rustls with ring.
    /// The client itself is built on the first request: building it reads the system's TLS
    /// roots, which a run answered from the local cache never needs.
    pub fn new(options: HttpOptions) -> anyhow::Result<Http> {
        let client = std::sync::OnceLock::new();
        let pace = options
            .max_rpm
            .filter(|rpm| *rpm > 0)
            .map(|rpm| (Duration::from_secs(60) / rpm, Mutex::new(Instant::now())));
        Ok(Http {
            client,
            timeout: options.timeout,
            verbose: options.verbose,
            attempts: options.attempts.max(1),
            pace,
            concurrency: options.concurrency.max(1),
            throttled: AtomicU32::new(0),
            batching: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// The reqwest client, built on first use; a client that cannot be built sends nothing.
    fn client(&self) -> Result<&reqwest::blocking::Client, SendError> {
        let client = self.client.get_or_init(|| {
            reqwest::blocking::Client::builder()
                .tls_backend_preconfigured(tls()?)
                .timeout(self.timeout)
                .connect_timeout(connect_timeout(self.timeout))
                .redirect(reqwest::redirect::Policy::none())
                .pool_max_idle_per_host(self.concurrency)
                .build()
                .map_err(|e| format!("the HTTP client could not be set up: {e}"))
        });
        client.as_ref().map_err(|e| SendError::Connect(e.clone()))
    }

    /// Chunks of a batch to keep in flight now: the configured number, halved for every 429
    /// seen in this run (at least 1).
    pub fn concurrency(&self) -> usize {
        let halvings = self.throttled.load(Ordering::Relaxed).min(16);
        (self.concurrency >> halvings).max(1)
    }

    /// Records a 429: halves the chunks in flight for the rest of the run, and says so once
    /// per change.
    fn slow_down(&self) {
        let before = self.concurrency();
        self.throttled.fetch_add(1, Ordering::Relaxed);
        let after = self.concurrency();
        if after < before && self.batching.load(Ordering::Relaxed) {
            crate::msg::note(&format!(
                "the panel answered 429 Too Many Requests: {after} chunk(s) in flight from now on \
                 (set max_rpm in the profile to stay under its limit)"
            ));
        }
    }

    /// Marks that batch chunks are going out (the 429 note only makes sense then).
    pub fn batching(&self, on: bool) {
        self.batching.store(on, Ordering::Relaxed);
    }

    /// Waits for this request's slot under `max_rpm`.
    fn pace(&self) {
        let Some((interval, next)) = &self.pace else {
            return;
        };
        let wait = {
            let mut next = next.lock().unwrap_or_else(|p| p.into_inner());
            let now = Instant::now();
            let slot = (*next).max(now);
            *next = slot + *interval;
            slot - now
        };
        if !wait.is_zero() {
            std::thread::sleep(wait);
        }
    }

    /// POSTs a form (`key` first, then `fields`) and returns the answer, whatever its status.
    pub fn post_form(
        &self,
        url: &reqwest::Url,
        user_agent: &str,
        key: &Secret,
        fields: &[(&str, String)],
        effect: Effect,
    ) -> Result<Reply, SendError> {
        let payload = Payload::Form(fields);
        self.send(reqwest::Method::POST, url, user_agent, key, payload, effect)
    }

    /// Sends a request; a `Read` is tried up to `attempts` times (exponential backoff with
    /// jitter, or the panel's `Retry-After`), a `Write` exactly once.
    pub fn send(
        &self,
        method: reqwest::Method,
        url: &reqwest::Url,
        user_agent: &str,
        key: &Secret,
        payload: Payload<'_>,
        effect: Effect,
    ) -> Result<Reply, SendError> {
        // The client is built before the first pacing slot is taken: building it (the TLS
        // roots) must not eat into the interval `max_rpm` keeps between requests.
        self.client()?;
        let mut attempt = 1;
        let secrets = payload.secrets(key);
        loop {
            self.pace();
            let result = self
                .send_once(method.clone(), url, user_agent, key, &payload)
                .map(|reply| reply.masked(&secrets));
            if let Ok(reply) = &result
                && reply.status == reqwest::StatusCode::TOO_MANY_REQUESTS
            {
                self.slow_down();
            }
            // A refused connection is tried once more at most, quickly: a panel that is down
            // costs a run a fraction of a second, not the full backoff.
            let attempts = match &result {
                Err(e) => max_attempts(self.attempts, e),
                Ok(_) => self.attempts,
            };
            let wait = match effect {
                Effect::Read if attempt < attempts => retry_wait(&result, attempt),
                _ => None,
            };
            let Some(wait) = wait else {
                return result;
            };
            if self.verbose {
                let why = match &result {
                    Ok(reply) => format!("HTTP {}", reply.status),
                    Err(e) => e.to_string(),
                };
                crate::msg::trace(&format!(
                    "  retrying in {} ms ({why}; attempt {} of {})",
                    wait.as_millis(),
                    attempt + 1,
                    attempts
                ));
            }
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    /// Sends one request with the key placed as `payload` says; returns the answer whatever its
    /// status. With `-v`, logs it on stderr with every secret masked.
    fn send_once(
        &self,
        method: reqwest::Method,
        url: &reqwest::Url,
        user_agent: &str,
        key: &Secret,
        payload: &Payload<'_>,
    ) -> Result<Reply, SendError> {
        if self.verbose {
            crate::msg::trace(&format!("> {method} {url} {}", payload.describe()));
        }
        let mut request = self
            .client()?
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
                    Some(json) => request.json(*json),
                    None => request,
                }
            }
        };
        // One deadline for the whole request: connect, headers and every byte of the body.
        // reqwest's per-request timeout covers all of it (its client timeout bounds each
        // read only); `read_reply` also checks the deadline between reads.
        let started = Instant::now();
        let deadline = started + self.timeout;
        let result = match request.timeout(self.timeout).send() {
            Ok(resp) => read_reply(resp, deadline, self.timeout),
            Err(e) => Err(classify(&e, self.timeout)),
        };
        let elapsed = started.elapsed();
        match result {
            Ok(reply) => {
                if self.verbose {
                    crate::msg::trace(&format!(
                        "< HTTP {} ({} bytes) in {} ms",
                        reply.status,
                        reply.body.len(),
                        elapsed.as_millis()
                    ));
                }
                Ok(reply)
            }
            Err(err) => {
                if self.verbose {
                    crate::msg::trace(&format!("< failed after {} ms: {err}", elapsed.as_millis()));
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
    /// The secrets this request carries: the key, and the value of every secret field
    /// (a Discord token).
    fn secrets<'k>(&'k self, key: &'k Secret) -> Vec<&'k str> {
        let mut secrets = vec![key.expose()];
        let object = match self {
            Payload::Form(fields) => {
                secrets.extend(
                    fields
                        .iter()
                        .filter(|(k, _)| SECRET_FIELDS.contains(k))
                        .map(|(_, v)| v.as_str()),
                );
                None
            }
            Payload::JsonWithKey(fields) => Some(*fields),
            Payload::Bearer(body) => body.and_then(|b| b.as_object()),
        };
        for (k, v) in object.into_iter().flatten() {
            if let (true, Some(v)) = (SECRET_FIELDS.contains(&k.as_str()), v.as_str()) {
                secrets.push(v);
            }
        }
        secrets
    }

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

/// The largest answer smm reads; a bigger one is refused (a hostile or broken panel).
pub const MAX_ANSWER_BYTES: u64 = 64 << 20;

/// Reads an answer: status, the headers smm uses, and a body of at most 64 MiB, all of it
/// before `deadline` (a panel that trickles its answer ends as a timeout).
fn read_reply(
    mut resp: reqwest::blocking::Response,
    deadline: Instant,
    timeout: Duration,
) -> Result<Reply, SendError> {
    use std::io::Read;
    let status = resp.status();
    let header = |name: reqwest::header::HeaderName| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let location = header(reqwest::header::LOCATION);
    let retry_after = header(reqwest::header::RETRY_AFTER);
    if let Some(len) = resp.content_length().filter(|l| *l > MAX_ANSWER_BYTES) {
        return Err(SendError::TooLarge(len));
    }
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        if Instant::now() >= deadline {
            return Err(SendError::Timeout(timeout));
        }
        match resp.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) if Instant::now() >= deadline => return Err(SendError::Timeout(timeout)),
            Err(e) if is_timeout(&e) => return Err(SendError::Timeout(timeout)),
            Err(e) => return Err(SendError::Other(format!("reading the answer: {e}"))),
        }
        if bytes.len() as u64 > MAX_ANSWER_BYTES {
            return Err(SendError::TooLarge(bytes.len() as u64));
        }
    }
    let body = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    Ok(Reply {
        status,
        location,
        retry_after,
        body,
    })
}

/// Whether a read error is a timeout (reqwest's, or the socket's).
fn is_timeout(e: &std::io::Error) -> bool {
    if e.kind() == std::io::ErrorKind::TimedOut {
        return true;
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = e.get_ref().map(|i| i as _);
    while let Some(s) = source {
        if s.downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_timeout)
            || s.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
        {
            return true;
        }
        source = s.source();
    }
    false
}

/// The most tries of a read whose connection failed (nothing reached the panel).
const CONNECT_ATTEMPTS: u32 = 2;
/// The wait before trying a failed connection again.
const CONNECT_RETRY: Duration = Duration::from_millis(100);

/// How many times a read that failed with `cause` is sent in all, of a profile's `attempts`:
/// a refused connection at most twice, an oversized answer once.
pub fn max_attempts(attempts: u32, cause: &SendError) -> u32 {
    match cause {
        SendError::Connect(_) => attempts.clamp(1, CONNECT_ATTEMPTS),
        SendError::TooLarge(_) => 1,
        _ => attempts.max(1),
    }
}

/// How long to wait before trying a read again, or `None` when its outcome is final:
/// connection errors, timeouts, 5xx, HTML pages and 429 are worth another try.
fn retry_wait(result: &Result<Reply, SendError>, attempt: u32) -> Option<Duration> {
    let reply = match result {
        Err(SendError::TooLarge(_)) => return None,
        Err(SendError::Connect(_)) => return Some(CONNECT_RETRY),
        Err(_) => return Some(backoff(attempt)),
        Ok(reply) => reply,
    };
    let html = reply.body.trim_start().starts_with('<');
    let status = reply.status;
    if !(status == reqwest::StatusCode::TOO_MANY_REQUESTS || status.is_server_error() || html) {
        return None;
    }
    match reply
        .retry_after
        .as_deref()
        .map(str::trim)
        .map(str::parse::<u64>)
    {
        Some(Ok(secs)) if Duration::from_secs(secs) > MAX_RETRY_AFTER => None,
        Some(Ok(secs)) => Some(Duration::from_secs(secs)),
        _ => Some(backoff(attempt)),
    }
}

/// Exponential backoff with jitter: about 0.5 s, 1 s, 2 s … (×0.5–1.5), at most 10 s.
fn backoff(attempt: u32) -> Duration {
    let base = Duration::from_millis(500) * 2u32.saturating_pow(attempt.saturating_sub(1).min(10));
    base.mul_f64(0.5 + fastrand::f64())
        .min(Duration::from_secs(10))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(status: u16, body: &str, retry_after: Option<&str>) -> Result<Reply, SendError> {
        Ok(Reply {
            status: reqwest::StatusCode::from_u16(status).unwrap(),
            location: None,
            retry_after: retry_after.map(str::to_string),
            body: body.to_string(),
        })
    }

    #[test]
    fn what_is_worth_retrying() {
        assert!(retry_wait(&reply(200, "{}", None), 1).is_none());
        assert!(retry_wait(&reply(400, "{\"error\":\"x\"}", None), 1).is_none());
        assert!(retry_wait(&reply(502, "<html>", None), 1).is_some());
        assert!(retry_wait(&reply(200, "<html>Just a moment", None), 1).is_some());
        assert_eq!(
            retry_wait(&reply(429, "{}", Some("7")), 1),
            Some(Duration::from_secs(7))
        );
        assert!(retry_wait(&reply(429, "{}", Some("3600")), 1).is_none());
        assert!(retry_wait(&Err(SendError::Timeout(Duration::from_secs(1))), 1).is_some());
        assert_eq!(
            retry_wait(&Err(SendError::Connect("refused".into())), 1),
            Some(CONNECT_RETRY)
        );
    }

    #[test]
    fn backoff_grows_with_jitter_and_a_cap() {
        for _ in 0..50 {
            let first = backoff(1);
            assert!(first >= Duration::from_millis(250) && first <= Duration::from_millis(750));
            let third = backoff(3);
            assert!(third >= Duration::from_millis(1000) && third <= Duration::from_millis(3000));
            assert!(backoff(30) <= Duration::from_secs(10));
        }
    }

    #[test]
    fn only_connect_errors_are_surely_undelivered() {
        assert!(!SendError::Connect("refused".into()).maybe_delivered());
        assert!(SendError::Timeout(Duration::from_secs(1)).maybe_delivered());
        assert!(SendError::Other("reset".into()).maybe_delivered());
    }
}
