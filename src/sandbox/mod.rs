//! `smm sandbox`: a simulated SMM panel on 127.0.0.1 for trying smm and for tests.
//!
//! One HTTP server (`crate::sandbox::serve`: hyper on tokio) routes by path to a dialect:
//! `/api/v2` — the standard SMM panel API v2 (`v2.rs`); `/streamdetails/api/v2/` — the
//! streamdetails API (`streamdetails.rs`); `/useapi/v1/pika/account` — useapi.net's Pika
//! accounts (`useapi.rs`). Faults (HTML pages, 502, 429,
//! slow answers) can be injected for the first N requests or a fraction of them.

mod catalogue;
mod control;
mod flavor;
pub mod ids;
pub mod serve;
pub mod streamdetails;
pub mod useapi;
pub mod v2;

pub use flavor::Flavor;

use crate::sandbox::serve::{Incoming, Outgoing, Server};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Path of the v2 endpoint.
pub const V2_PATH: &str = "/api/v2";
/// Path of the streamdetails endpoint.
pub const STREAMDETAILS_PATH: &str = "/streamdetails/api/v2/";
/// The control endpoint (catalogue changes, seeded orders): see `control.rs`.
pub const CONTROL_PATH: &str = "/control";
/// Base path of the useapi.net endpoints.
pub const USEAPI_PATH: &str = "/useapi/v1";

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
    /// The shapes the v2 panel answers in.
    pub flavor: Flavor,
    /// Where the last ids given are kept, so that a restarted sandbox continues after them
    /// and sandboxes running at once never give the same id (None: every start begins at
    /// 23501, as the demo's throwaway sandbox does).
    pub ids: Option<ids::IdFile>,
    /// With `ids`: forget the ids kept and begin at 23501 again (refused while another
    /// sandbox runs on the same file).
    pub fresh: bool,
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
            flavor: Flavor::Standard,
            ids: None,
            fresh: false,
        }
    }
}

/// A running sandbox; `stop` (or dropping it) shuts it down.
pub struct Sandbox {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    server: Server,
    next_order: u64,
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

    /// The id the next order placed here gets.
    pub fn next_order(&self) -> u64 {
        self.next_order
    }

    /// Stops serving.
    pub fn stop(self) {
        self.server.stop();
    }
}

/// What every request shares.
struct Shared {
    opts: Options,
    /// The ids file, held while the sandbox runs (with `opts.ids`).
    ids: Option<ids::Keeper>,
    v2: Mutex<v2::V2State>,
    streamdetails: Mutex<streamdetails::StreamdetailsState>,
    useapi: Mutex<useapi::UseapiState>,
    started: Instant,
    /// Virtual seconds the control endpoint moved the clock forward.
    advanced: AtomicU64,
    requests: AtomicU64,
}

impl Shared {
    /// Virtual seconds since the sandbox started.
    fn now(&self) -> f64 {
        self.started.elapsed().as_secs_f64() * self.opts.speed
            + self.advanced.load(Ordering::Relaxed) as f64
    }

    /// Runs `f` on the v2 panel. When this sandbox keeps its ids, under the ids file's lock:
    /// first past the ids other sandboxes on the file gave meanwhile, then the ids `f` gave
    /// kept before the lock is let go (a failure is told on stderr: the answer stands).
    fn v2<T>(&self, f: impl FnOnce(&mut v2::V2State) -> T) -> T {
        let mut panel = lock(&self.v2);
        let Some(keeper) = &self.ids else {
            return f(&mut panel);
        };
        let held = match keeper.hold() {
            Ok(held) => held,
            Err(e) => {
                crate::msg::warn(&format!(
                    "{e:#} (the ids given now may be given again by another sandbox)"
                ));
                return f(&mut panel);
            }
        };
        panel.catch_up(held.last);
        let out = f(&mut panel);
        let after = panel.last_ids();
        if after != held.last
            && let Err(e) = held.keep(after)
        {
            crate::msg::warn(&format!(
                "cannot keep the last order id in {}: {e} (a restarted sandbox may give ids again)",
                keeper.path().display()
            ));
        }
        out
    }
}

/// Starts the sandbox on 127.0.0.1 (never another address) and returns at once.
/// With `opts.ids`, it continues after the ids kept there (unless `fresh`, which forgets them),
/// and gives ids no other sandbox on that file gives.
pub fn start(opts: Options) -> anyhow::Result<Sandbox> {
    let port = opts.port;
    let (keeper, last) = match &opts.ids {
        Some(file) => {
            let (keeper, last) = file.open(opts.fresh)?;
            (Some(keeper), last)
        }
        None => (None, ids::Last::default()),
    };
    let panel = v2::V2State::new(&opts.key, opts.services, opts.balance, 0.0)
        .with_flavor(opts.flavor)
        .continue_after(last);
    let next_order = panel.next_order();
    let shared = Arc::new(Shared {
        ids: keeper,
        v2: Mutex::new(panel),
        streamdetails: Mutex::new(streamdetails::StreamdetailsState::new(&opts.key)),
        useapi: Mutex::new(useapi::UseapiState::new(&opts.key)),
        opts,
        started: Instant::now(),
        advanced: AtomicU64::new(0),
        requests: AtomicU64::new(0),
    });
    let server = Server::start(port, Arc::new(move |req: &Incoming| serve(&shared, req)))
        .map_err(|e| {
            crate::exit::usage(format!(
                "cannot listen on 127.0.0.1:{port}: {e} (pick another --port, or --port 0 for a free one)"
            ))
        })?;
    Ok(Sandbox {
        base: format!("http://127.0.0.1:{}", server.addr().port()),
        server,
        next_order,
    })
}

/// A JSON answer with `status`.
fn json(status: u16, body: String) -> Outgoing {
    Outgoing::new(status, "application/json", body)
}

/// Serves one request: faults, latency, routing, `-v` log.
fn serve(shared: &Shared, req: &Incoming) -> Outgoing {
    let n = shared.requests.fetch_add(1, Ordering::Relaxed) + 1;
    let fault = shared.opts.fault.filter(|f| f.hits(n));
    let mut answer = match fault.map(|f| f.kind) {
        Some(FaultKind::Html) => Outgoing::new(503, "text/html; charset=UTF-8", CLOUDFLARE_PAGE),
        Some(FaultKind::BadGateway) => Outgoing::new(
            502,
            "text/html",
            "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
        ),
        Some(FaultKind::TooMany) => {
            let mut out = json(429, r#"{"error":"Too many requests"}"#.into());
            let after = fault.map(|f| f.retry_after).unwrap_or(1);
            out.headers.push(("Retry-After".into(), after.to_string()));
            out
        }
        Some(FaultKind::Slow) | None => route(shared, req),
    };
    if let Some(f) = fault.filter(|f| f.kind == FaultKind::Slow) {
        answer.delay += f.slow;
    }
    answer.delay += shared.opts.latency;
    if shared.opts.verbose {
        let fields = parse_fields(&req.query, &req.body, is_json(req));
        crate::msg::trace(&format!(
            "{} {} action={} -> {} ({} bytes, after {} ms)",
            req.method,
            req.path,
            fields.get("action").map(String::as_str).unwrap_or("-"),
            answer.status,
            answer.body.len(),
            answer.delay.as_millis()
        ));
    }
    answer
}

/// Whether the request body is JSON.
fn is_json(req: &Incoming) -> bool {
    req.header("content-type")
        .is_some_and(|v| v.contains("json"))
}

/// Locks a dialect's state, even after a panic in another request.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Routes a request by path to its dialect.
fn route(shared: &Shared, req: &Incoming) -> Outgoing {
    let path = req.path.trim_end_matches('/');
    let now = shared.now();
    if path == V2_PATH {
        let fields = parse_fields(&req.query, &req.body, is_json(req));
        return json(200, shared.v2(|panel| panel.handle(&fields, now)));
    }
    if path == CONTROL_PATH && req.method == "POST" {
        let fields = parse_fields(&req.query, &req.body, is_json(req));
        let (status, body) =
            shared.v2(|panel| control::handle(panel, &shared.advanced, &fields, now));
        return json(status, body.to_string());
    }
    if path == STREAMDETAILS_PATH.trim_end_matches('/') {
        let unix = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default();
        let (status, body) = lock(&shared.streamdetails).handle(&req.method, &req.body, now, unix);
        return json(status, body.to_string());
    }
    if let Some(rest) = path
        .strip_prefix(USEAPI_PATH)
        .and_then(|r| r.strip_prefix("/pika/account"))
    {
        let channel = rest
            .strip_prefix('/')
            .filter(|c| !c.is_empty() && !c.contains('/'));
        if rest.is_empty() || channel.is_some() {
            let auth = req.header("authorization");
            let (status, body) = lock(&shared.useapi).handle(&req.method, channel, auth, &req.body);
            return json(status, body.map(|b| b.to_string()).unwrap_or_default());
        }
    }
    json(
        404,
        format!(
            r#"{{"error":"Not found: the sandbox serves {V2_PATH}, {STREAMDETAILS_PATH} and {USEAPI_PATH}/pika/account"}}"#
        ),
    )
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

/// Decodes `a=1&b=x%2Cy` pairs (`+` is a space), with the `form_urlencoded` crate.
fn form_urlencoded(text: &str) -> impl Iterator<Item = (String, String)> + '_ {
    form_urlencoded::parse(text.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned()))
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
        let odd = parse_fields("a=100%&b=%zz", "", false);
        assert_eq!((odd["a"].as_str(), odd["b"].as_str()), ("100%", "%zz"));
    }
}
