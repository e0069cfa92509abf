//! Hostile panels: answers that trickle or never end must end within `--timeout` (reads
//! retried, an `add` recorded as unknown), served by a raw TCP listener on 127.0.0.1.

use crate::common::{Home, Ran, order_add};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How the hostile panel answers every request.
#[derive(Debug, Clone)]
pub enum Trick {
    /// A valid answer (`Content-Length` and all), one byte per `every`.
    Trickle(String, Duration),
    /// A chunked body that never ends: a space every 100 ms.
    Endless,
}

/// A panel on a raw `TcpListener`: it reads each request, then answers with its trick. It
/// stops answering when dropped.
pub struct Hostile {
    /// The endpoint URL.
    pub url: String,
    bodies: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
}

impl Hostile {
    /// Starts the panel on 127.0.0.1, port 0.
    pub fn start(trick: Trick) -> Hostile {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!(
            "http://127.0.0.1:{}/api/v2",
            listener.local_addr().unwrap().port()
        );
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (b, s) = (Arc::clone(&bodies), Arc::clone(&stop));
        std::thread::spawn(move || {
            while !s.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let (b, s, trick) = (Arc::clone(&b), Arc::clone(&s), trick.clone());
                        std::thread::spawn(move || serve(stream, &b, &s, &trick));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        Hostile { url, bodies, stop }
    }

    /// How many requests carried `action=<action>`.
    pub fn count(&self, action: &str) -> usize {
        let wanted = format!("action={action}");
        self.bodies
            .lock()
            .unwrap()
            .iter()
            .filter(|b| b.split('&').any(|kv| kv == wanted))
            .count()
    }

    /// A home whose only profile points here.
    pub fn home(&self) -> Home {
        let home = Home::new();
        home.write_config(&format!(
            "[profiles.h]\nurl = \"{}\"\nkey = \"k\"\n",
            self.url
        ));
        home
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Reads one request (head and `Content-Length` body), records its body, answers with `trick`.
fn serve(mut stream: TcpStream, bodies: &Mutex<Vec<String>>, stop: &AtomicBool, trick: &Trick) {
    stream.set_nonblocking(false).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&data[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while data.len() < head_end + length {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    }
    let body = String::from_utf8_lossy(&data[head_end..head_end + length]).into_owned();
    bodies.lock().unwrap().push(body);
    match trick {
        Trick::Trickle(answer, every) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                answer.len()
            );
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            for byte in answer.bytes() {
                if stop.load(Ordering::Relaxed) || stream.write_all(&[byte]).is_err() {
                    return;
                }
                std::thread::sleep(*every);
            }
        }
        Trick::Endless => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            while !stop.load(Ordering::Relaxed) && stream.write_all(b"1\r\n \r\n").is_ok() {
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

/// A valid balance answer that takes about 10 s at one byte per 100 ms (leading spaces are
/// JSON whitespace).
fn slow_balance() -> Trick {
    let answer = format!(
        "{}{{\"balance\":\"100.84\",\"currency\":\"USD\"}}",
        " ".repeat(60)
    );
    Trick::Trickle(answer, Duration::from_millis(100))
}

/// Runs `smm` with `args` in `home`; returns its output and how long it took.
fn timed(home: &Home, args: &[&str]) -> (Ran, Duration) {
    let started = Instant::now();
    let out = home.run(args);
    (out, started.elapsed())
}

/// The bound of a run: `attempts` tries of `timeout` each, the back-off between them
/// (at most 0.75 s + 1.5 s for three tries) and a generous margin for a loaded machine.
fn bound(timeout: u64, attempts: u32) -> Duration {
    Duration::from_secs(timeout * u64::from(attempts)) + Duration::from_millis(2250 + 3000)
}

#[test]
fn a_trickled_balance_ends_as_a_timeout_after_three_tries() {
    let panel = Hostile::start(slow_balance());
    let (out, elapsed) = timed(&panel.home(), &["balance", "--timeout", "2"]);
    let err = &out.stderr;
    out.expect_code(1);
    assert!(
        err.contains("did not answer within 2s") && err.contains("--timeout"),
        "{err}"
    );
    assert_eq!(panel.count("balance"), 3, "reads are retried");
    assert!(elapsed < bound(2, 3), "took {elapsed:?}");
}

#[test]
fn an_endless_status_answer_ends_as_a_timeout() {
    let panel = Hostile::start(Trick::Endless);
    let (out, elapsed) = timed(&panel.home(), &["status", "23501", "--timeout", "2"]);
    let err = &out.stderr;
    out.expect_code(1);
    assert!(err.contains("did not answer within 2s"), "{err}");
    assert_eq!(panel.count("status"), 3);
    assert!(elapsed < bound(2, 3), "took {elapsed:?}");
    // A batch of several chunks too: every chunk gives up in time.
    let ids: Vec<String> = (1..=250).map(|i| i.to_string()).collect();
    let list = ids.join(",");
    let (out, elapsed) = timed(
        &panel.home(),
        &["status", &list, "--timeout", "2", "--concurrency", "4"],
    );
    out.expect_code(1);
    assert!(elapsed < bound(2, 3), "took {elapsed:?}");
}

#[test]
fn a_trickled_add_is_sent_once_and_recorded_as_unknown() {
    // The catalogue comes from the cache: the hostile panel only ever sees the add.
    let panel = Hostile::start(Trick::Trickle(
        format!("{}{{\"order\":23501}}", " ".repeat(80)),
        Duration::from_millis(100),
    ));
    let home = panel.home();
    seed_catalogue(&home, &panel.url);
    let (out, elapsed) = timed(
        &home,
        &order_add(
            "1",
            "https://i.com/p",
            &["--quantity", "100", "--timeout", "2"],
        ),
    );
    let err = &out.stderr;
    out.expect_code(1);
    assert!(
        err.contains("did not answer within 2s") && err.contains("may or may not"),
        "{err}"
    );
    assert_eq!(panel.count("add"), 1, "a write is never retried");
    assert!(elapsed < bound(2, 1), "took {elapsed:?}");
    let outcome = home
        .orders()
        .into_iter()
        .next()
        .expect("the order in the book");
    assert_eq!(outcome["outcome"], "unknown");
}

/// Writes the test catalogue into `home`'s cache for profile `h` at `url`, fresh.
pub fn seed_catalogue(home: &Home, url: &str) {
    let dir = home.dir.path().join("xdg-cache/smm");
    std::fs::create_dir_all(&dir).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let cached = serde_json::json!({
        "fetched": now,
        "url": url,
        "body": crate::common::CATALOGUE,
    });
    std::fs::write(dir.join("services-h.json"), cached.to_string()).unwrap();
}

#[test]
fn an_add_answer_without_a_trustworthy_order_id_is_an_unknown_outcome() {
    let bodies = [
        r#"{"order":0}"#,
        r#"{"order":true}"#,
        r#"{"order":[1,2]}"#,
        r#"{"order":{"id":5}}"#,
        r#"{"order":-7}"#,
        r#"{"order":1.5}"#,
        r#"[{"order":9},{"order":10}]"#,
    ];
    for body in bodies {
        let panel = crate::common::Panel::with_catalogue(move |_| crate::common::Reply::json(body));
        let home = Home::with_panel(&panel);
        let out = home.run(order_add("1", "https://i.com/p", &["--quantity", "100"]));
        let err = &out.stderr;
        out.expect_code(1);
        assert!(
            err.contains("no order id smm can trust") && err.contains("may or may not"),
            "{body}: {err}"
        );
        assert_eq!(panel.actions("add").len(), 1);
        let outcome = home
            .orders()
            .into_iter()
            .next()
            .expect("the order in the book");
        assert_eq!(outcome["outcome"], "unknown", "{body}");
        assert!(outcome["panel_order"].is_null(), "{body}");
        let out = home.run(["orders"]);
        assert!(out.stdout.contains("unknown"), "{body}: {}", out.stdout);
    }
}

#[test]
fn a_streamdetails_add_without_one_order_id_is_unknown() {
    for data in [
        serde_json::json!({"id": 0, "service_id": 1, "quantity": 100}),
        serde_json::json!({"id": "x", "service_id": 1, "quantity": 100}),
        serde_json::json!([{"id": 6}, {"id": 7}]),
    ] {
        let body = serde_json::json!({"data": data, "error": null}).to_string();
        let panel = crate::common::Panel::start(move |req| {
            let b: serde_json::Value = serde_json::from_str(&req.body).unwrap_or_default();
            match b["action"].as_str() {
                Some("services") => crate::common::Reply::json(
                    r#"{"data":[{"id":1,"name":"V","type":"viewers","category":"twitch","rate":1,"min":10,"max":2000}],"error":null}"#,
                ),
                _ => crate::common::Reply::json(body.clone()),
            }
        });
        let home = Home::new();
        home.write_config(&format!(
            "[profiles.sd]\napi = \"streamdetails\"\nurl = \"{}\"\nkey = \"k\"\n",
            panel.url
        ));
        let out = home.run(order_add(
            "1",
            "https://www.twitch.tv/x",
            &["--quantity", "100"],
        ));
        let err = &out.stderr;
        out.expect_code(1);
        assert!(err.contains("may or may not"), "{data}: {err}");
        let outcome = home
            .orders()
            .into_iter()
            .next()
            .expect("the order in the book");
        assert_eq!(outcome["outcome"], "unknown", "{data}");
    }
}

#[test]
fn numbers_a_decimal_cannot_hold_are_refused_and_named() {
    use crate::common::{Panel, Reply};
    let services = r#"[
 {"service":1,"name":"Negative","type":"Default","category":"T","rate":"-0.5","min":"10","max":"1000"},
 {"service":2,"name":"Too precise","type":"Default","category":"T","rate":"1.234567890123456789012345678901234e5","min":"10","max":"1000"},
 {"service":3,"name":"Bad max","type":"Default","category":"T","rate":"1","min":"10","max":"5M"},
 {"service":4,"name":"Underscores","type":"Default","category":"T","rate":"1","min":"1_000","max":"2000"}
]"#;
    let panel = Panel::start(move |req| match req.field("action") {
        Some("services") => Reply::json(services),
        Some("balance") => {
            Reply::json(r#"{"balance":"1.234567890123456789012345678901234e5","currency":"USD"}"#)
        }
        _ => Reply::json(r#"{"order":1}"#),
    });
    let home = Home::with_panel(&panel);
    let out = home.run(["balance"]);
    out.expect_code(1);
    out.stderr_is("smm: the panel's balance answer cannot be read: the balance '1.234567890123456789012345678901234e5' has more digits than smm can hold exactly (at most 28 decimal places); it would be rounded: {\"balance\":\"1.234567890123456789012345678901234e5\",\"currency\":\"USD\"}\n");
    for (service, says) in [
        ("1", "rate is negative (-0.5)"),
        ("2", "the rate '1.2345"),
        ("3", "its max '5M' is not a whole number"),
        ("4", "its min '1_000' is not a whole number"),
    ] {
        for dry in [true, false] {
            let mut args = order_add(service, "https://i.com/p", &["--quantity", "100"]);
            if dry {
                args.push("--dry-run");
            }
            let out = home.run(&args);
            let err = &out.stderr;
            out.expect_code(2);
            assert!(
                err.contains(&format!("service {service}'s catalogue entry is broken"))
                    && err.contains(says),
                "{service}: {err}"
            );
        }
    }
    assert!(panel.actions("add").is_empty(), "nothing was placed");
}
