//! Batches at scale: concurrent chunks merged in input order, retries for reads only, pacing,
//! 429 back-off, keep-alive and the progress bar.

use crate::common::{Home, Panel, Reply, Run, Seen, order_add};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A status answer for a comma list of ids; each chunk is delayed so that later chunks
/// finish first (proving the merge does not follow completion order).
fn reversed_delay_status(req: &Seen) -> Reply {
    let orders = req
        .field("orders")
        .or(req.field("order"))
        .unwrap_or_default()
        .to_string();
    let ids: Vec<&str> = orders.split(',').collect();
    let first: u64 = ids[0].parse().unwrap_or(0);
    let items: Vec<String> = ids
        .iter()
        .map(|id| {
            if id.ends_with('7') {
                format!("\"{id}\":{{\"error\":\"Incorrect order ID\"}}")
            } else {
                format!("\"{id}\":{{\"charge\":\"0.{id}\",\"start_count\":\"{id}\",\"status\":\"In progress\",\"remains\":\"1\",\"currency\":\"USD\"}}")
            }
        })
        .collect();
    // Chunk starting at 1 waits longest, the last chunk not at all.
    let delay = Duration::from_millis(600u64.saturating_sub(first / 100 * 100));
    Reply::json(format!("{{{}}}", items.join(","))).delayed(delay)
}

#[test]
fn chunks_merge_in_input_order_at_every_concurrency() {
    let panel = Panel::start(reversed_delay_status);
    let home = Home::with_panel(&panel);
    let ids: Vec<String> = (1..=550).map(|i| i.to_string()).collect();
    let list = ids.join(",");
    let run = |concurrency: &str, json: bool| {
        let mut cmd = home.smm();
        cmd.args(["status", &list, "--concurrency", concurrency]);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.run();
        out.expect_code(3);
        out.stdout
    };
    let (table, json) = (run("1", false), run("1", true));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ids.iter().collect::<Vec<_>>());
    for concurrency in ["2", "4", "8", "16"] {
        assert_eq!(
            run(concurrency, false),
            table,
            "table at concurrency {concurrency}"
        );
        assert_eq!(
            run(concurrency, true),
            json,
            "json at concurrency {concurrency}"
        );
    }
}

#[test]
fn chunks_really_go_out_concurrently_up_to_the_limit() {
    let panel = Panel::start(|req| reversed_delay_status(req).delayed(Duration::from_millis(300)));
    let home = Home::with_panel(&panel);
    let ids: Vec<String> = (1..=800).map(|i| (i + 1000).to_string()).collect();
    let max_in_flight = |args: &[&str]| {
        let before = panel.requests().len();
        let out = home.smm().args(["status", &ids.join(",")]).args(args).run();
        out.expect_code(3);
        panel.requests()[before..]
            .iter()
            .map(|r| r.in_flight)
            .max()
            .unwrap()
    };
    assert_eq!(max_in_flight(&["--concurrency", "1"]), 1);
    assert_eq!(max_in_flight(&[]), 4, "the default is 4");
    assert_eq!(max_in_flight(&["--concurrency", "8"]), 8);
    // A profile setting, overridden by the flag.
    home.write_config(&format!(
        "[profiles.t]\nurl = \"{}\"\nkey = \"k\"\nconcurrency = 2\n",
        panel.url
    ));
    assert_eq!(max_in_flight(&[]), 2);
    assert_eq!(max_in_flight(&["--concurrency", "3"]), 3);
}

#[test]
fn one_connection_is_kept_alive_across_chunks() {
    let panel = Panel::start(reversed_delay_status);
    let home = Home::with_panel(&panel);
    let ids: Vec<String> = (601..=1100).map(|i| i.to_string()).collect();
    let out = home.run(["status", &ids.join(","), "--concurrency", "1"]);
    out.expect_code(3);
    let peers: std::collections::HashSet<String> =
        panel.requests().iter().map(|r| r.peer.clone()).collect();
    assert_eq!(panel.requests().len(), 5);
    assert_eq!(peers.len(), 1, "{peers:?}");
}

/// A panel that answers `fault` to the first request, then like the fixtures.
fn fails_once(fault: Reply) -> (Panel, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let c = Arc::clone(&count);
    let panel = Panel::start(move |req| match c.fetch_add(1, Ordering::SeqCst) {
        0 => fault.clone(),
        _ => crate::common::fixture_reply(req),
    });
    (panel, count)
}

#[test]
fn reads_survive_one_502_html_page_or_429() {
    let faults = [
        Reply::with_status(502, "text/html", "<html>502 Bad Gateway</html>"),
        Reply::with_status(
            200,
            "text/html",
            crate::common::fixture("error.cloudflare.html"),
        ),
        Reply::with_status(
            503,
            "text/html",
            crate::common::fixture("error.cloudflare.html"),
        ),
    ];
    for fault in faults {
        for args in [
            vec!["balance"],
            vec!["services"],
            vec!["status", "1,10,100"],
            vec!["refill-status", "1,2,3"],
        ] {
            let (panel, count) = fails_once(fault.clone());
            let out = Home::with_panel(&panel).smm().args(&args).run();
            assert!(
                matches!(out.code, Some(0) | Some(3)),
                "{args:?}: {}",
                out.stderr
            );
            assert!(!out.stdout.is_empty());
            assert_eq!(count.load(Ordering::SeqCst), 2, "{args:?} tried twice");
        }
    }
}

#[test]
fn a_429_is_retried_after_its_retry_after() {
    let (panel, count) = fails_once(
        Reply::with_status(429, "application/json", r#"{"error":"Too many requests"}"#)
            .header("Retry-After", "2"),
    );
    let started = Instant::now();
    let out = Home::with_panel(&panel).smm().arg("balance").run();
    out.expect_code(0);
    assert_eq!(count.load(Ordering::SeqCst), 2);
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    let reqs = panel.requests();
    assert!(reqs[1].at.duration_since(reqs[0].at) >= Duration::from_secs(2));
}

#[test]
fn reads_give_up_after_the_configured_attempts() {
    let panel = Panel::start(|_| Reply::with_status(502, "text/html", "<html>down</html>"));
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.t]\nurl = \"{}\"\nkey = \"k\"\nattempts = 2\n",
        panel.url
    ));
    let out = home.run(["balance"]);
    out.expect_code(1);
    out.stderr_is("smm: the panel answered HTTP 502 Bad Gateway with an HTML page, not JSON (a Cloudflare check, maintenance page or wrong url?): <html>down</html>\n");
    assert_eq!(panel.requests().len(), 2);
}

#[test]
fn add_refill_and_cancel_are_sent_exactly_once_when_the_panel_fails() {
    let failures = [
        Reply::with_status(502, "text/html", "<html>502 Bad Gateway</html>"),
        Reply::with_status(429, "application/json", r#"{"error":"Too many requests"}"#)
            .header("Retry-After", "0"),
        Reply::with_status(200, "text/html", "<html>Just a moment...</html>"),
        Reply::json("{}").delayed(Duration::from_secs(3)),
    ];
    for failure in failures {
        let commands: [&[&str]; 4] = [
            &order_add("1", "https://i.com/l", &["--quantity", "100"]),
            &["refill", "5"],
            &["refill", "5,6"],
            &["cancel", "5"],
        ];
        for args in commands {
            let answer = failure.clone();
            let panel = Panel::with_catalogue(move |_| answer.clone());
            let out = Home::with_panel(&panel)
                .smm()
                .args(args)
                .args(["--timeout", "1"])
                .run();
            out.expect_code(1);
            std::thread::sleep(Duration::from_millis(50));
            let sent = panel.requests();
            assert_eq!(
                sent.iter()
                    .filter(|r| r.field("action") != Some("services"))
                    .count(),
                1,
                "{args:?} must be sent exactly once"
            );
        }
    }
}

#[test]
fn add_after_a_5xx_says_the_order_may_exist() {
    let panel = Panel::with_catalogue(|_| Reply::with_status(502, "text/html", "<html>502</html>"));
    let out = Home::with_panel(&panel)
        .smm()
        .args(order_add("1", "https://i.com/l", &["--quantity", "100"]))
        .run();
    out.stderr_is("smm: the order may or may not have been placed: check the panel's order list (or `smm status` with a recent order id; `smm orders` shows it as unknown) before running the same command again: the panel answered HTTP 502 Bad Gateway with an HTML page, not JSON (a Cloudflare check, maintenance page or wrong url?): <html>502</html>\n");
    let panel = Panel::with_catalogue(|_| {
        Reply::with_status(429, "application/json", r#"{"error":"slow down"}"#)
    });
    let out = Home::with_panel(&panel)
        .smm()
        .args(order_add("1", "https://i.com/l", &["--quantity", "100"]))
        .run();
    out.stderr_is(
        "smm: the order was not placed: the panel answered HTTP 429 Too Many Requests: slow down\n",
    );
}

#[test]
fn max_rpm_paces_requests() {
    let panel = Panel::start(reversed_delay_status);
    let home = Home::new();
    // 300 a minute: one request every 200 ms.
    home.write_config(&format!(
        "[profiles.t]\nurl = \"{}\"\nkey = \"k\"\nmax_rpm = 300\n",
        panel.url
    ));
    let ids: Vec<String> = (601..=1000).map(|i| i.to_string()).collect();
    let out = home.run(["status", &ids.join(","), "--concurrency", "4"]);
    out.expect_code(3);
    let mut times: Vec<Instant> = panel.requests().iter().map(|r| r.at).collect();
    times.sort();
    assert_eq!(times.len(), 4);
    // smm spaces its sends 200 ms apart; what reaches the panel may jitter by a scheduler tick
    // on a loaded machine, so each gap gets 50 ms of slack and the whole span 30 ms in all.
    let gaps: Vec<Duration> = times.windows(2).map(|p| p[1] - p[0]).collect();
    assert!(
        gaps.iter().all(|g| *g >= Duration::from_millis(150)),
        "{gaps:?}"
    );
    assert!(
        times[3] - times[0] >= Duration::from_millis(570),
        "{gaps:?}"
    );
}

#[test]
fn a_429_lowers_the_concurrency_for_the_rest_of_the_run() {
    let count = Arc::new(AtomicUsize::new(0));
    let c = Arc::clone(&count);
    let panel = Panel::start(move |req| match c.fetch_add(1, Ordering::SeqCst) {
        0 => Reply::with_status(429, "application/json", r#"{"error":"Too many requests"}"#)
            .header("Retry-After", "0"),
        _ => reversed_delay_status(req).delayed(Duration::from_millis(400)),
    });
    let home = Home::with_panel(&panel);
    let ids: Vec<String> = (1..=1600).map(|i| (i + 5000).to_string()).collect();
    let out = home.run(["status", &ids.join(","), "--concurrency", "8"]);
    out.expect_code(3);
    out.stderr_is(concat!(
        "smm: the panel answered 429 Too Many Requests: 4 chunk(s) in flight from now on (set max_rpm in the profile to stay under its limit)\n",
        "smm: 160 of 1600 items carry an error\n",
    ));
    let mut reqs = panel.requests();
    reqs.sort_by_key(|r| r.at);
    assert_eq!(reqs.len(), 17, "16 chunks and one retry");
    // The first wave had 8 in flight; once it drained, at most 4 at a time.
    let later = reqs[12..].iter().map(|r| r.in_flight).max().unwrap();
    // Without the back-off, later requests would see 8 in flight.
    assert!(later <= 6, "in flight after the 429: {later}");
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let panel = Panel::start(reversed_delay_status);
    let home = Home::with_panel(&panel);
    let ids: Vec<String> = (601..=1000).map(|i| i.to_string()).collect();
    let out = home.run(["status", &ids.join(","), "--json"]);
    out.stderr_is("smm: 40 of 400 items carry an error\n");
    // --quiet drops notes, never errors: only the count of items with errors remains.
    let out = home.run(["status", &ids.join(","), "--quiet"]);
    out.expect_code(3);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    out.stderr_is("smm: 40 of 400 items carry an error\n");
}

#[test]
fn a_progress_bar_on_a_terminal() {
    let panel = Panel::start(|req| reversed_delay_status(req).delayed(Duration::from_millis(300)));
    let home = Home::with_panel(&panel);
    let ids: Vec<String> = (601..=1000).map(|i| i.to_string()).collect();
    // `script` gives smm a terminal (stderr on it, stdout away).
    let command = format!("smm status {} --concurrency 1 > /dev/null", ids.join(","));
    let out = home.script(&command).run();
    out.expect_code(3)
        .stdout_has("chunks")
        .stdout_has("smm: 40 of 400 items carry an error");
}
