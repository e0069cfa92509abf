//! Test support: hostile panels for the promises of "the book never goes backwards, stays
//! bounded, never loses an order id" — built on the self-checking `common::Panel`.
#![allow(dead_code)]

use crate::common::{CATALOGUE, Home, Panel, Reply, Seen, fixture_reply};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A long key that a hostile panel echoes back (long enough that finding it means a leak).
pub const KEY: &str = "sk-hostile-0123456789abcdef0123";

/// The ids a `status` request asks about (single or multi form).
pub fn asked_ids(req: &Seen) -> Vec<String> {
    match (req.field("order"), req.field("orders")) {
        (Some(one), _) => vec![one.to_string()],
        (_, Some(many)) => many.split(',').map(str::to_string).collect(),
        _ => vec![],
    }
}

/// One status item of the standard shape.
pub fn status_item(status: &str) -> String {
    format!(
        r#"{{"charge":"0.09","start_count":"5","status":"{status}","remains":"0","currency":"USD"}}"#
    )
}

/// A status answer for the ids `req` asks about, each with `status` (the single form answers
/// the item itself).
pub fn status_answer(req: &Seen, status: &str) -> String {
    if let (Some(_), None) = (req.field("order"), req.field("orders")) {
        return status_item(status);
    }
    let items: Vec<String> = asked_ids(req)
        .iter()
        .map(|id| format!(r#""{id}":{}"#, status_item(status)))
        .collect();
    format!("{{{}}}", items.join(","))
}

/// A panel whose first `status` request is answered `first` after `delay`, and every later
/// one `then` at once: two overlapping syncs, the one that asked first answering last.
pub fn slow_first_status(first: &'static str, delay: Duration, then: &'static str) -> Panel {
    let count = AtomicUsize::new(0);
    Panel::start(move |req| match req.field("action") {
        Some("status") => match count.fetch_add(1, Ordering::SeqCst) {
            0 => Reply::json(status_answer(req, first)).delayed(delay),
            _ => Reply::json(status_answer(req, then)),
        },
        _ => fixture_reply(req),
    })
}

/// A panel answering `status` with a status text of `len` characters for every id asked.
pub fn huge_status_text(len: usize) -> Panel {
    let status = "A".repeat(len);
    Panel::start(move |req| match req.field("action") {
        Some("status") => {
            let items: Vec<String> = asked_ids(req)
                .iter()
                .map(|id| format!(r#""{id}":{}"#, status_item(&status)))
                .collect();
            Reply::json(format!("{{{}}}", items.join(",")))
        }
        _ => fixture_reply(req),
    })
}

/// A status map of about `bytes` bytes: an entry for each id asked, after entries for
/// `1_000_000…` that nobody asked about.
pub fn huge_status_map(bytes: usize, asked: &[u64]) -> String {
    use std::fmt::Write;
    let mut body = String::with_capacity(bytes + 4096);
    body.push('{');
    let mut id = 1_000_000u64;
    while body.len() < bytes {
        write!(body, r#""{id}":{},"#, status_item("In progress")).unwrap();
        id += 1;
    }
    let asked: Vec<String> = asked
        .iter()
        .map(|id| format!(r#""{id}":{}"#, status_item("Completed")))
        .collect();
    body.push_str(&asked.join(","));
    body.push('}');
    body
}

/// A panel whose `status` answers `body` (whatever was asked).
pub fn status_body(body: String) -> Panel {
    let body = Arc::new(body);
    Panel::start(move |req| match req.field("action") {
        Some("status") => Reply::json(body.as_str()),
        _ => fixture_reply(req),
    })
}

/// A panel whose `add` answers HTTP `status` with `{"order": 23501, "error": …}`.
pub fn add_with_order_id_and_status(status: u16) -> Panel {
    Panel::with_catalogue(move |req| match req.field("action") {
        Some("add") => Reply::with_status(
            status,
            "application/json",
            r#"{"order":23501,"error":"Too many requests"}"#,
        ),
        _ => fixture_reply(req),
    })
}

/// A panel that echoes the profile's key ([`KEY`]) in every way it can: `balance` as an HTML
/// page, `add` (chosen by the link) as plain text, in `order`, in `error`, in an HTML 502.
pub fn key_echo() -> Panel {
    Panel::start(move |req| match (req.field("action"), req.field("link")) {
        (Some("balance"), _) => Reply::with_status(
            200,
            "text/html",
            format!("<html><body>Fatal error: bad key {KEY} in /var/www/api.php</body></html>"),
        ),
        (Some("services"), _) => Reply::json(CATALOGUE),
        (Some("add"), Some(link)) if link.ends_with("text") => {
            Reply::with_status(200, "text/plain", format!("Bad key {KEY}"))
        }
        (Some("add"), Some(link)) if link.ends_with("order") => {
            Reply::json(format!(r#"{{"order":"{KEY}"}}"#))
        }
        (Some("add"), Some(link)) if link.ends_with("error") => {
            Reply::json(format!(r#"{{"error":"key {KEY} has no funds"}}"#))
        }
        (Some("add"), Some(link)) if link.ends_with("html") => Reply::with_status(
            502,
            "text/html",
            format!("<html>Fatal error: key {KEY}</html>"),
        ),
        (Some("status"), _) => Reply::json(format!(r#"{{"error":"key {KEY} is not allowed"}}"#)),
        _ => Reply::json(format!(r#"{{"error":"Incorrect request for key {KEY}"}}"#)),
    })
}

/// A key with characters every encoding changes: `+`, `/`, `=`, `é`, `%`, `"`, `~`.
pub const ODD_KEY: &str = "pk+Live/9=\u{e9}%Q\"z~";

/// [`ODD_KEY`] as panels echo it: PHP's `urlencode` (form encoding), the same in lower case,
/// `rawurlencode` (JavaScript's `encodeURIComponent`), PHP's `json_encode`, with
/// `JSON_HEX_QUOT`, and JSON escaping the quote only.
pub const ODD_KEY_ECHOES: [&str; 6] = [
    "pk%2BLive%2F9%3D%C3%A9%25Q%22z%7E",
    "pk%2bLive%2f9%3d%c3%a9%25Q%22z%7e",
    "pk%2BLive%2F9%3D%C3%A9%25Q%22z~",
    r#"pk+Live\/9=\u00e9%Q\"z~"#,
    r#"pk+Live\/9=\u00E9%Q\u0022z~"#,
    "pk+Live/9=\u{e9}%Q\\\"z~",
];

/// A panel that echoes [`ODD_KEY`] encoded: the Nth `balance` (from 0) answers
/// `{"error":"bad key ECHO"}` with the Nth of [`ODD_KEY_ECHOES`]; `services` redirects to a
/// login page whose `Location` carries the key URL-encoded; `status` answers an HTML page
/// with the key JSON-escaped in a script.
pub fn key_echo_encoded() -> Panel {
    let balances = AtomicUsize::new(0);
    Panel::start(move |req| match req.field("action") {
        Some("balance") => {
            let n = balances.fetch_add(1, Ordering::SeqCst) % ODD_KEY_ECHOES.len();
            Reply::json(format!(r#"{{"error":"bad key {}"}}"#, ODD_KEY_ECHOES[n]))
        }
        Some("services") => Reply::with_status(302, "text/html", "").header(
            "Location",
            &format!(
                "http://127.0.0.1:1/login?key={}&next=%2Fapi%2Fv2",
                ODD_KEY_ECHOES[0]
            ),
        ),
        _ => Reply::with_status(
            500,
            "text/html",
            format!(
                r#"<html><script>var cfg = {{"key":"{}"}};</script>Error</html>"#,
                ODD_KEY_ECHOES[3]
            ),
        ),
    })
}

/// The thread holding the order book's write lock, once a panel took it.
pub type Holder = Arc<Mutex<Option<std::thread::JoinHandle<()>>>>;

/// A panel whose `add` takes the order book's write lock (as another smm would) just after
/// smm wrote its intent, answers `{"order": 23501}`, and keeps the lock `held` longer; join
/// the returned handle's thread to know the book is free again.
pub fn add_while_the_book_is_locked(home: &Home, held: Duration) -> (Panel, Holder) {
    answer_while_the_book_is_locked(home, held, "add", None, |_| {
        Reply::json(r#"{"order":23501}"#)
    })
}

/// A panel whose `refill` takes the order book's write lock just after smm wrote its requests
/// down, answers refill `order - 14500` for each order asked (23501: refill 9001; single or
/// multi form), and keeps the lock `held` longer; every order is Completed.
pub fn refill_while_the_book_is_locked(home: &Home, held: Duration) -> (Panel, Holder) {
    answer_while_the_book_is_locked(home, held, "refill", Some("Completed"), |req| {
        let refill = |order: &str| order.parse::<u64>().unwrap() - 14500;
        match (req.field("order"), req.field("orders")) {
            (Some(one), _) => Reply::json(format!(r#"{{"refill":"{}"}}"#, refill(one))),
            (_, Some(many)) => {
                let items: Vec<String> = many
                    .split(',')
                    .map(|o| format!(r#"{{"order":{o},"refill":{}}}"#, refill(o)))
                    .collect();
                Reply::json(format!("[{}]", items.join(",")))
            }
            _ => Reply::json(r#"{"error":"Incorrect request"}"#),
        }
    })
}

/// A panel that answers `action` with `reply` after taking the order book's write lock (held
/// `held` longer, by the returned thread); `status` with `status` for every order asked, when
/// given; the rest as the fixtures.
fn answer_while_the_book_is_locked(
    home: &Home,
    held: Duration,
    action: &'static str,
    status: Option<&'static str>,
    reply: impl Fn(&Seen) -> Reply + Send + Sync + 'static,
) -> (Panel, Holder) {
    let book = home.book();
    let holder: Holder = Arc::new(Mutex::new(None));
    let slot = Arc::clone(&holder);
    let panel = Panel::with_catalogue(move |req| match (req.field("action"), status) {
        (Some(a), _) if a == action => {
            let conn = rusqlite::Connection::open(&book).unwrap();
            conn.execute_batch("BEGIN IMMEDIATE").unwrap();
            *slot.lock().unwrap() = Some(std::thread::spawn(move || {
                std::thread::sleep(held);
                conn.execute_batch("COMMIT").unwrap();
            }));
            reply(req)
        }
        (Some("status"), Some(said)) => Reply::json(status_answer(req, said)),
        _ => fixture_reply(req),
    });
    (panel, holder)
}

/// Writes placed orders `ids` on `url` (profile `p`), `age` seconds old, as an old-style
/// journal the order book imports on first use.
pub fn placed_orders(home: &Home, url: &str, ids: impl Iterator<Item = u64>, age: u64) {
    use std::fmt::Write;
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        - age;
    let mut text = String::new();
    for id in ids {
        writeln!(
            text,
            r#"{{"kind":"intent","id":"e{id}","time":{t},"profile":"p","url":"{url}","service":1448,"link":"https://i.com/{id}","quantity":100,"fields":{{}},"cost":"0.09"}}"#
        )
        .unwrap();
        writeln!(
            text,
            r#"{{"kind":"outcome","id":"e{id}","time":{t},"result":"order","order":"{id}","error":null}}"#
        )
        .unwrap();
    }
    home.write_journal(&text);
}

/// A home with one profile `p` on `panel` (key [`KEY`]) and `extra` settings lines.
pub fn home_on(panel: &Panel, extra: &str) -> Home {
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"{KEY}\"\n{extra}",
        panel.url
    ));
    home
}
