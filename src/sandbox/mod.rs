//! `smm sandbox`: a simulated SMM panel on 127.0.0.1 for trying smm and for tests.
//!
//! One HTTP server (tiny_http, a pool of worker threads) routes by path to a dialect:
//! `/api/v2` — the standard SMM panel API v2 (`v2.rs`); `/streamdetails/api/v2/` — the
//! streamdetails API (`streamdetails.rs`); `/useapi/v1/pika/account` — useapi.net's Pika
//! accounts (`useapi.rs`). Faults (HTML pages, 502, 429,
//! slow answers) can be injected for the first N requests or a fraction of them.

pub mod streamdetails;
pub mod useapi;
pub mod v2;

use rust_decimal::Decimal;
use std::collections::HashMap;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Path of the v2 endpoint.
pub const V2_PATH: &str = "/api/v2";
/// Path of the streamdetails endpoint.
pub const STREAMDETAILS_PATH: &str = "/streamdetails/api/v2/";
/// Base path of the useapi.net endpoints.
pub const USEAPI_PATH: &str = "/useapi/v1";
/// Worker threads: enough for many requests in flight while each sleeps its latency.
const WORKERS: usize = 64;
/// Largest request body read.
const MAX_BODY: u64 = 1 << 20;

/// A fault the sandbox can inject instead of (or around) a normal answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FaultKind {
    /// HTTP 503 with a Cloudflare-style HTML page.
    Html,
    /// HTTP 502 Bad Gateway (HTML).
    #[value(name = "502")]
    BadGateway,
    /// HTTP 429 with `Retry-After` and a JSON error.
    #[value(name = "429")]
    TooMany,
    /// The request is processed, but the answer comes after `slow_ms`.
    Slow,
}

/// Which requests get the fault.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FaultWhen {
    /// Every request.
    Always,
    /// The first N requests.
    First(u64),
    /// An evenly spread fraction of the requests (0.25 = every 4th).
    Ratio(f64),
}

/// Fault injection settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fault {
    /// What goes wrong.
    pub kind: FaultKind,
    /// For which requests.
    pub when: FaultWhen,
    /// `Retry-After` seconds of a 429.
    pub retry_after: u64,
    /// Delay of a slow answer.
    pub slow: Duration,
}

impl Fault {
    /// Whether request number `n` (1-based) gets the fault.
    pub fn hits(&self, n: u64) -> bool {
        match self.when {
            FaultWhen::Always => true,
            FaultWhen::First(k) => n <= k,
            FaultWhen::Ratio(r) => ((n as f64) * r).floor() > (((n - 1) as f64) * r).floor(),
        }
    }
}

/// How the sandbox runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Added to every answer.
    pub latency: Duration,
    /// Generated services on top of the seed's two.
    pub services: usize,
    /// The one key accepted.
    pub key: String,
    /// Starting balance (USD).
    pub balance: Decimal,
    /// Virtual seconds per real second (orders move faster than real time).
    pub speed: f64,
    /// Fault injection.
    pub fault: Option<Fault>,
    /// Log each request on stderr.
    pub verbose: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            port: 0,
            latency: Duration::ZERO,
            services: 12,
            key: "sandbox".into(),
            balance: Decimal::new(10000, 2),
            speed: 60.0,
            fault: None,
            verbose: false,
        }
    }
}

/// A running sandbox; dropping it does not stop it, `stop` does.
pub struct Sandbox {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    server: Arc<tiny_http::Server>,
    workers: Vec<JoinHandle<()>>,
}

impl Sandbox {
    /// The v2 endpoint URL.
    pub fn v2_url(&self) -> String {
        format!("{}{V2_PATH}", self.base)
    }

    /// The streamdetails endpoint URL.
    pub fn streamdetails_url(&self) -> String {
        format!("{}{STREAMDETAILS_PATH}", self.base)
    }

    /// The useapi.net base URL.
    pub fn useapi_url(&self) -> String {
        format!("{}{USEAPI_PATH}", self.base)
    }

    /// Stops the workers and waits for them.
    pub fn stop(self) {
        for _ in 0..self.workers.len() {
            self.server.unblock();
        }
        for w in self.workers {
            let _ = w.join();
        }
    }
}

/// What every worker shares.
struct Shared {
    opts: Options,
    v2: Mutex<v2::Panel>,
    streamdetails: Mutex<streamdetails::Panel>,
    useapi: Mutex<useapi::Panel>,
    started: Instant,
    requests: AtomicU64,
}

impl Shared {
    /// Virtual seconds since the sandbox started.
    fn now(&self) -> f64 {
        self.started.elapsed().as_secs_f64() * self.opts.speed
    }
}

/// Starts the sandbox on 127.0.0.1 (never another address) and returns at once.
pub fn start(opts: Options) -> anyhow::Result<Sandbox> {
    let server = tiny_http::Server::http(("127.0.0.1", opts.port)).map_err(|e| {
        crate::exit::usage(format!("cannot listen on 127.0.0.1:{}: {e}", opts.port))
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(opts.port);
    let server = Arc::new(server);
    let shared = Arc::new(Shared {
        v2: Mutex::new(v2::Panel::new(&opts.key, opts.services, opts.balance, 0.0)),
        streamdetails: Mutex::new(streamdetails::Panel::new(&opts.key)),
        useapi: Mutex::new(useapi::Panel::new(&opts.key)),
        opts,
        started: Instant::now(),
        requests: AtomicU64::new(0),
    });
    let workers = (0..WORKERS)
        .map(|_| {
            let server = Arc::clone(&server);
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    serve(&shared, request);
                }
            })
        })
        .collect();
    Ok(Sandbox {
        base: format!("http://127.0.0.1:{port}"),
        server,
        workers,
    })
}

/// An answer to send.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: String,
    headers: Vec<(&'static str, String)>,
    delay: Duration,
}

impl Answer {
    /// A 200 JSON answer.
    fn json(body: String) -> Answer {
        Answer {
            status: 200,
            content_type: "application/json",
            body,
            headers: vec![],
            delay: Duration::ZERO,
        }
    }
}

/// Serves one request: faults, latency, routing.
fn serve(shared: &Shared, mut request: tiny_http::Request) {
    let started = Instant::now();
    let n = shared.requests.fetch_add(1, Ordering::Relaxed) + 1;
    let mut body = String::new();
    let _ = request.as_reader().take(MAX_BODY).read_to_string(&mut body);
    let (path, query) = match request.url().split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (request.url().to_string(), String::new()),
    };
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_string())
    };
    let is_json = header("Content-Type").is_some_and(|v| v.contains("json"));
    let incoming = Incoming {
        method: request.method().as_str().to_string(),
        path: path.clone(),
        query,
        body,
        is_json,
        authorization: header("Authorization"),
    };
    let fault = shared.opts.fault.filter(|f| f.hits(n));
    let mut answer = match fault.map(|f| f.kind) {
        Some(FaultKind::Html) => Answer {
            status: 503,
            content_type: "text/html; charset=UTF-8",
            body: CLOUDFLARE_PAGE.into(),
            headers: vec![],
            delay: Duration::ZERO,
        },
        Some(FaultKind::BadGateway) => Answer {
            status: 502,
            content_type: "text/html",
            body: "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>".into(),
            headers: vec![],
            delay: Duration::ZERO,
        },
        Some(FaultKind::TooMany) => Answer {
            status: 429,
            content_type: "application/json",
            body: r#"{"error":"Too many requests"}"#.into(),
            headers: vec![("Retry-After", fault.map(|f| f.retry_after).unwrap_or(1).to_string())],
            delay: Duration::ZERO,
        },
        Some(FaultKind::Slow) | None => route(shared, &incoming),
    };
    if fault.is_some_and(|f| f.kind == FaultKind::Slow) {
        answer.delay += fault.map(|f| f.slow).unwrap_or_default();
    }
    let wait = shared.opts.latency + answer.delay;
    if !wait.is_zero() {
        std::thread::sleep(wait.saturating_sub(started.elapsed()));
    }
    if shared.opts.verbose {
        let fields = parse_fields(&incoming.query, &incoming.body, incoming.is_json);
        eprintln!(
            "{} {path} action={} -> {} ({} bytes, {:.1} ms)",
            request.method(),
            fields.get("action").map(String::as_str).unwrap_or("-"),
            answer.status,
            answer.body.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    let mut response =
        tiny_http::Response::from_string(answer.body).with_status_code(answer.status);
    let mut headers = vec![("Content-Type", answer.content_type.to_string())];
    headers.extend(answer.headers);
    for (k, v) in headers {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            response.add_header(h);
        }
    }
    let _ = request.respond(response);
}

/// What the router needs of a request.
struct Incoming {
    method: String,
    path: String,
    query: String,
    body: String,
    is_json: bool,
    authorization: Option<String>,
}

/// Locks a dialect's state, even after a panic in another worker.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Routes a request by path to its dialect.
fn route(shared: &Shared, req: &Incoming) -> Answer {
    let path = req.path.trim_end_matches('/');
    let now = shared.now();
    if path == V2_PATH {
        let fields = parse_fields(&req.query, &req.body, req.is_json);
        return Answer::json(lock(&shared.v2).handle(&fields, now));
    }
    if path == STREAMDETAILS_PATH.trim_end_matches('/') {
        let unix = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default();
        let (status, body) = lock(&shared.streamdetails).handle(&req.method, &req.body, now, unix);
        return Answer {
            status,
            ..Answer::json(body.to_string())
        };
    }
    if let Some(rest) = path
        .strip_prefix(USEAPI_PATH)
        .and_then(|r| r.strip_prefix("/pika/account"))
    {
        let channel = rest
            .strip_prefix('/')
            .filter(|c| !c.is_empty() && !c.contains('/'));
        if rest.is_empty() || channel.is_some() {
            let auth = req.authorization.as_deref();
            let (status, body) = lock(&shared.useapi).handle(&req.method, channel, auth, &req.body);
            let body = body.map(|b| b.to_string()).unwrap_or_default();
            return Answer {
                status,
                ..Answer::json(body)
            };
        }
    }
    Answer {
        status: 404,
        content_type: "application/json",
        body: format!(
            r#"{{"error":"Not found: the sandbox serves {V2_PATH}, {STREAMDETAILS_PATH} and {USEAPI_PATH}/pika/account"}}"#
        ),
        headers: vec![],
        delay: Duration::ZERO,
    }
}

/// Request fields from the query string and the body (form-encoded, or a JSON object).
pub fn parse_fields(query: &str, body: &str, is_json: bool) -> HashMap<String, String> {
    let mut fields: HashMap<String, String> = form_urlencoded(query).collect();
    if is_json {
        if let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(body)
        {
            for (k, v) in map {
                fields.insert(k, crate::panel::text(&v));
            }
        }
    } else {
        fields.extend(form_urlencoded(body));
    }
    fields
}

/// Decodes `a=1&b=x%2Cy` pairs (`+` is a space).
fn form_urlencoded(text: &str) -> impl Iterator<Item = (String, String)> + '_ {
    text.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(k), percent_decode(v))
    })
}

/// Percent-decoding; malformed escapes are kept as they are.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The page Cloudflare shows while it checks a browser.
const CLOUDFLARE_PAGE: &str = "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title></head>\
<body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fault_selection() {
        let f = |when| Fault {
            kind: FaultKind::BadGateway,
            when,
            retry_after: 1,
            slow: Duration::ZERO,
        };
        let first = f(FaultWhen::First(2));
        assert_eq!(
            (1..=4).map(|n| first.hits(n)).collect::<Vec<_>>(),
            [true, true, false, false]
        );
        let quarter = f(FaultWhen::Ratio(0.25));
        assert_eq!(
            (1..=8).filter(|n| quarter.hits(*n)).collect::<Vec<_>>(),
            [4, 8]
        );
        assert!((1..=3).all(|n| f(FaultWhen::Always).hits(n)));
    }

    #[test]
    fn fields_from_form_query_and_json() {
        let f = parse_fields("action=status", "key=sandbox&orders=1%2C2&link=a+b", false);
        assert_eq!(f["action"], "status");
        assert_eq!(f["orders"], "1,2");
        assert_eq!(f["link"], "a b");
        let f = parse_fields("", r#"{"key":"k","action":"add","service":1}"#, true);
        assert_eq!((f["key"].as_str(), f["service"].as_str()), ("k", "1"));
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
