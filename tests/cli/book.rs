//! The order book and the duplicate guard: written before sending and after the answer,
//! "unknown" when the outcome is ambiguous, duplicates refused unless --force (also under
//! concurrency), the import of the old journal, `smm orders` with its filters and groups.

use crate::common::{Home, Panel, Reply, Run, SandboxProc, order_add};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const ADD: [&str; 8] = [
    "order",
    "add",
    "--service",
    "1448",
    "--link",
    "https://i.com/p",
    "--quantity",
    "500",
];

#[test]
fn the_intent_is_on_disk_before_the_add_is_sent_and_the_outcome_after() {
    let home = Home::new();
    let book = home.book();
    let seen_at_send: Arc<Mutex<Option<(String, String)>>> = Arc::default();
    let record = Arc::clone(&seen_at_send);
    let panel = Panel::with_catalogue(move |req| {
        // The balance asked after a first order, for its currency, comes after the outcome.
        if req.field("action") != Some("add") {
            return crate::common::fixture_reply(req);
        }
        let conn = rusqlite::Connection::open(&book).unwrap();
        *record.lock().unwrap() = conn
            .query_row("SELECT outcome, fields FROM orders", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .ok();
        Reply::json(r#"{"order":23501}"#)
    });
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"secret-key-123\"\n",
        panel.url
    ));
    let out = home
        .smm()
        .args(ADD)
        .args(["--runs", "2", "--interval", "10"])
        .run();
    out.expect_code(0);
    let (outcome, fields) = seen_at_send
        .lock()
        .unwrap()
        .clone()
        .expect("the order was in the book when the panel got the add");
    assert_eq!(
        outcome, "unknown",
        "committed before sending, outcome not yet known"
    );
    assert_eq!(fields, r#"{"interval":"10","runs":"2"}"#);
    let rows = home.orders();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(
        (row["profile"].as_str(), row["service"].as_i64()),
        (Some("p"), Some(1448))
    );
    assert_eq!(
        (row["link"].as_str(), row["quantity"].as_i64()),
        (Some("https://i.com/p"), Some(500))
    );
    assert_eq!(row["url"], panel.url);
    assert_eq!(
        (row["outcome"].as_str(), row["panel_order"].as_str()),
        (Some("placed"), Some("23501"))
    );
    // 0.90 per 1000 × 500 × 2 runs.
    assert_eq!(row["cost"], "0.9");
    let bytes = std::fs::read(home.book()).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("secret-key-123"));
}

#[test]
fn a_timeout_is_recorded_as_unknown_and_shown_so() {
    let panel =
        Panel::with_catalogue(|_| Reply::json(r#"{"order":1}"#).delayed(Duration::from_secs(3)));
    let home = Home::with_panel(&panel);
    let out = home.smm().args(ADD).args(["--timeout", "1"]).run();
    out.expect_code(1);
    let rows = home.orders();
    assert_eq!(rows[0]["outcome"], "unknown");
    assert!(rows[0]["error"].as_str().unwrap().contains("timed out"));
    let out = home.run(["orders"]);
    assert!(out.stdout.contains("unknown"), "{}", out.stdout);
}

#[test]
fn a_refusal_is_recorded_as_an_error() {
    let panel =
        Panel::with_catalogue(|_| Reply::json(r#"{"error":"Not enough funds on balance"}"#));
    let home = Home::with_panel(&panel);
    let out = home.run(ADD);
    out.expect_code(1);
    let rows = home.orders();
    assert_eq!(rows[0]["outcome"], "refused");
    assert!(
        rows[0]["error"]
            .as_str()
            .unwrap()
            .contains("Not enough funds")
    );
    // A refused order is no duplicate: the same add goes out again.
    home.run(ADD);
    assert_eq!(panel.actions("add").len(), 2);
}

#[test]
fn a_duplicate_is_refused_unless_forced() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    home.run(ADD).expect_code(0);
    let out = home.run(ADD);
    out.expect_code(2);
    let err = &out.stderr;
    let first_id = home.orders()[0]["id"].as_str().unwrap().to_string();
    assert!(
        err.contains("duplicate")
            && err.contains("order 23501")
            && err.contains(&first_id)
            && err.contains("--force"),
        "{err}"
    );
    assert_eq!(panel.actions("add").len(), 1, "nothing sent when refused");
    // Another quantity is another order.
    home.smm().args(&ADD[..7]).arg("501").run().expect_code(0);
    assert_eq!(panel.actions("add").len(), 2);
    home.smm().args(ADD).arg("--force").run().expect_code(0);
    assert_eq!(panel.actions("add").len(), 3);
}

#[test]
fn an_unknown_outcome_also_blocks_a_repeat() {
    let panel = Panel::with_catalogue(|_| Reply::with_status(502, "text/html", "<html>502</html>"));
    let home = Home::with_panel(&panel);
    home.run(ADD).expect_code(1);
    let out = home.run(ADD);
    out.expect_code(2);
    assert!(out.stderr.contains("outcome is unknown"), "{}", out.stderr);
    assert_eq!(panel.actions("add").len(), 1);
}

#[test]
fn the_window_is_configurable_and_can_be_turned_off() {
    let panel = Panel::fixtures();
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"k\"\nduplicate_window = \"0\"\n",
        panel.url
    ));
    home.run(ADD).expect_code(0);
    home.run(ADD).expect_code(0);
    assert_eq!(panel.actions("add").len(), 2);
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"k\"\nduplicate_window = \"soon\"\n",
        panel.url
    ));
    home.run(ADD).expect_code(2);
}

#[test]
fn dry_runs_are_not_recorded() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    home.smm().args(ADD).arg("--dry-run").run().expect_code(0);
    assert!(home.orders().is_empty());
}

#[test]
fn orders_lists_filters_and_speaks_json() {
    let panel = Panel::fixtures();
    let home = Home::new();
    home.write_config(&format!(
        "default_profile = \"a\"\n[profiles.a]\nurl = \"{0}\"\nkey = \"k\"\n[profiles.b]\nurl = \"{0}\"\nkey = \"k\"\n",
        panel.url
    ));
    home.run(ADD).expect_code(0);
    home.smm().args(["-p", "b"]).args(ADD).run().expect_code(0);
    let out = home.run(["orders"]);
    let text = &out.stdout;
    assert_eq!(
        text.lines().count(),
        4,
        "header, two orders, the totals: {text}"
    );
    assert!(text.contains("order 23501") && text.contains("https://i.com/p"));
    assert!(
        text.lines().last().unwrap().starts_with("TOTAL") && text.contains("0.9"),
        "{text}"
    );
    let out = home.run(["orders", "-p", "b", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(
        (
            v[0]["profile"].as_str(),
            v[0]["outcome"].as_str(),
            v[0]["order"].as_str()
        ),
        (Some("b"), Some("placed"), Some("23501"))
    );
    let out = home.run(["orders", "--since", "1h", "--json"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let out = home.run(["orders", "--since", "later"]);
    out.expect_code(2);
}

#[test]
fn orders_check_asks_the_panel_and_remembers_finished_orders() {
    let sb = SandboxProc::start(&["--speed", "100000"]);
    let home = sb.home("sandbox");
    home.run(ADD).expect_code(0);
    std::thread::sleep(Duration::from_millis(100));
    let out = home.run(["orders", "--check"]);
    out.expect_code(0);
    assert!(out.stdout.contains("Completed"), "{}", out.stdout);
    let rows = home.orders();
    assert_eq!(
        (rows[0]["status"].as_str(), rows[0]["finished"].as_i64()),
        (Some("Completed"), Some(1))
    );
    assert_eq!(rows[0]["charge"], "0.45");
    assert_eq!(rows[0]["currency"], "USD");
    // Finished orders are not asked about again.
    sb.interrupt();
    let out = home.run(["orders", "--check"]);
    out.expect_code(0);
    assert!(out.stdout.contains("Completed"));
}

#[test]
fn the_demo_does_not_touch_the_book() {
    let home = Home::new();
    home.run(["demo"]).expect_code(0);
    assert!(!home.book().exists());
}

#[test]
fn an_intent_without_an_outcome_stays_visible_and_blocks_a_repeat() {
    // What a crash between sending and recording leaves behind.
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    std::fs::create_dir_all(home.journal().parent().unwrap()).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let intent = serde_json::json!({
        "kind": "intent", "id": "crashed-1", "time": now, "profile": "test", "url": panel.url,
        "service": 1448, "link": "https://i.com/p", "quantity": 500, "fields": {}, "cost": null
    });
    std::fs::write(home.journal(), format!("{intent}\n")).unwrap();
    let out = home.run(["orders"]);
    assert!(out.stdout.contains("no answer recorded"), "{}", out.stdout);
    let out = home.run(ADD);
    out.expect_code(2);
    out.stderr_like("smm: refusing a duplicate: an order whose outcome is unknown for service 1448 with the same link, quantity and other fields was placed on profile 'test' Ns ago (order book entry crashed-1, see `smm orders`); pass --force to order it again\n");
    assert!(panel.actions("add").is_empty());
}

#[test]
fn orders_that_differ_in_any_field_are_not_duplicates() {
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    let home = Home::with_panel(&panel);
    home.smm()
        .args(ADD)
        .args(["--runs", "5", "--interval", "30"])
        .run()
        .expect_code(0);
    home.smm()
        .args(ADD)
        .args(["--runs", "2", "--interval", "60"])
        .run()
        .expect_code(0);
    let comments = |text: &str| home.run(order_add("2", "https://fb.com/p", &["--comments", text]));
    assert_eq!(comments("one\ntwo").code, Some(0));
    assert_eq!(comments("three\nfour").code, Some(0));
    assert_eq!(
        comments("one\ntwo").code,
        Some(2),
        "the very same comments again"
    );
    assert_eq!(panel.actions("add").len(), 4);
}

#[test]
fn orders_check_never_asks_another_panel_than_the_one_ordered_from() {
    let (first, second) = (Panel::fixtures(), Panel::fixtures());
    second.expect_none();
    let home = Home::with_panel(&first);
    home.run(ADD).expect_code(0);
    // The profile now points at another panel.
    home.write_config(&format!(
        "default_profile = \"test\"\n\n[profiles.test]\nurl = \"{}\"\nkey = \"test-key\"\n",
        second.url
    ));
    let out = home.run(["orders", "--check"]);
    out.expect_code(3);
    assert!(out.stdout.contains("not checked"), "{}", out.stdout);
    assert!(home.orders().iter().all(|r| r["status"].is_null()));
}

/// Unix seconds now.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// Writes an old-style journal of `n` placed orders (plus `extra` lines) into `home`'s data dir.
fn old_journal(home: &Home, n: usize, extra: &str) {
    use std::fmt::Write;
    std::fs::create_dir_all(home.journal().parent().unwrap()).unwrap();
    let t = now() - 30 * 86_400;
    let mut text = String::with_capacity(n * 300);
    for i in 0..n {
        writeln!(
            text,
            r#"{{"kind":"intent","id":"old-{i}","time":{t},"profile":"test","url":"http://old.example/api/v2","service":1448,"link":"https://i.com/old/{i}","quantity":100,"fields":{{}},"cost":"0.09"}}"#
        )
        .unwrap();
        writeln!(
            text,
            r#"{{"kind":"outcome","id":"old-{i}","time":{t},"result":"order","order":"{}","error":null}}"#,
            1000 + i
        )
        .unwrap();
    }
    text.push_str(extra);
    std::fs::write(home.journal(), text).unwrap();
}

#[test]
fn eight_adds_at_once_place_one_order() {
    let panel = Panel::with_catalogue(|req| match req.field("action") {
        Some("add") => Reply::json(r#"{"order":777}"#).delayed(Duration::from_millis(300)),
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::with_panel(&panel);
    old_journal(&home, 20_000, "");
    // Import the large book and fill the catalogue cache first.
    home.run(["orders", "--limit", "1"]).expect_code(0);
    home.run(["services"]).expect_code(0);
    for round in 0..2 {
        let link = format!("https://i.com/race/{round}");
        let args = order_add("1448", &link, &["--quantity", "500"]);
        let children: Vec<_> = (0..8).map(|_| home.spawn(&args)).collect();
        let outs: Vec<_> = children.into_iter().map(|c| c.finish()).collect();
        let placed = outs.iter().filter(|o| o.code == Some(0)).count();
        assert_eq!(placed, 1, "round {round}: exactly one add succeeds");
        for out in outs.iter().filter(|o| o.code != Some(0)) {
            out.expect_code(2);
            let err = &out.stderr;
            assert!(
                err.contains("refusing a duplicate") && err.contains("order book entry"),
                "{err}"
            );
        }
        let adds = panel
            .actions("add")
            .iter()
            .filter(|r| r.field("link") == Some(link.as_str()))
            .count();
        assert_eq!(adds, 1, "round {round}: one add reached the panel");
    }
    assert_eq!(home.orders().len(), 20_002);
}

#[test]
fn two_bulk_runs_of_one_file_at_once_place_each_line_once() {
    let panel = Panel::with_catalogue(|req| match req.field("action") {
        Some("add") => {
            let id = 5000 + req.field("link").unwrap_or("").len();
            Reply::json(format!(r#"{{"order":{id}}}"#)).delayed(Duration::from_millis(150))
        }
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::with_panel(&panel);
    let file = home.dir.path().join("orders.txt");
    let lines: Vec<String> = (0..6)
        .map(|i| format!("1448|https://i.com/bulk/{}|100", "x".repeat(i + 1)))
        .collect();
    std::fs::write(&file, lines.join("\n")).unwrap();
    home.run(["services"]).expect_code(0);
    let path = file.display().to_string();
    let args = ["order", "add", "--file", &path, "--yes"];
    let (a, b) = (home.spawn(args), home.spawn(args));
    let (a, b) = (a.finish(), b.finish());
    // A run that meets a line the other run is still placing calls it skipped or (when it met it
    // while checking) an unknown outcome, exit 3: never a second add.
    for out in [&a, &b] {
        assert!(
            matches!(out.code, Some(0 | 3)),
            "{}{}",
            out.stdout,
            out.stderr
        );
    }
    let adds = panel.actions("add");
    assert_eq!(adds.len(), 6, "each line reached the panel once");
    let mut links: Vec<&str> = adds.iter().filter_map(|r| r.field("link")).collect();
    links.sort();
    links.dedup();
    assert_eq!(links.len(), 6);
    let both = format!("{}{}", a.stdout, b.stdout);
    let placed = both
        .lines()
        .filter(|l| l.contains("  50") && l.trim_end().ends_with("  placed"))
        .count();
    assert_eq!(placed, 6, "{both}");
    let not_sent = both
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .filter(|l| l.contains("skipped: ") || l.contains("an earlier try's outcome is unknown"))
        .count();
    assert_eq!(not_sent, 6, "{both}");
    // A third run, staggered, places nothing.
    let out = home.run(args);
    out.expect_code(0);
    assert_eq!(panel.actions("add").len(), 6);
}

#[test]
fn the_old_journal_is_imported_once_torn_lines_counted() {
    let panel = Panel::fixtures();
    panel.expect_none();
    let home = Home::with_panel(&panel);
    let t = now();
    let extra = format!(
        concat!(
            r#"{{"kind":"intent","id":"refused-1","time":{t},"profile":"test","url":"u","service":1,"link":"l","quantity":5,"fields":{{}},"cost":null}}"#,
            "\n",
            r#"{{"kind":"outcome","id":"refused-1","time":{t},"result":"error","order":null,"error":"Not enough funds"}}"#,
            "\n",
            r#"{{"kind":"intent","id":"unknown-1","time":{t},"profile":"test","url":"u","service":1,"link":"l","quantity":6,"fields":{{"runs":"2"}},"cost":null}}"#,
            "\n",
            r#"{{"kind":"outcome","id":"unknown-1","time":{t},"result":"unknown","order":null,"error":"timed out"}}"#,
            "\n",
            r#"{{"kind":"status","id":"old-0","time":{t},"status":"Completed"}}"#,
            "\n",
            r#"{{"kind":"intent","id":"torn"#,
            r#"{{"kind":"intent","id":"glued-1","time":{t},"profile":"test","url":"u","service":1,"link":"l","quantity":7,"fields":{{}},"cost":null}}"#,
            "\n",
            "\u{ff}garbage\n",
        ),
        t = t
    );
    old_journal(&home, 2, &extra);
    let out = home.run(["orders", "--json"]);
    out.expect_code(0);
    out.stderr_like("smm: imported 5 order(s) from ~/data/journal.jsonl into the order book ~/data/orders.db (2 torn line(s) skipped); the old file is kept as ~/data/journal.jsonl.imported\n");
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let by_id = |id: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id} missing: {v}"))
    };
    assert_eq!(
        (
            by_id("old-0")["outcome"].as_str(),
            by_id("old-0")["order"].as_str()
        ),
        (Some("placed"), Some("1000"))
    );
    assert_eq!(by_id("old-0")["status"], "Completed");
    assert_eq!(by_id("old-0")["cost"], "0.09");
    assert_eq!(by_id("refused-1")["outcome"], "refused");
    assert_eq!(by_id("refused-1")["error"], "Not enough funds");
    assert_eq!(by_id("unknown-1")["outcome"], "unknown");
    assert_eq!(by_id("unknown-1")["fields"]["runs"], "2");
    assert_eq!(by_id("glued-1")["outcome"], "unknown");
    assert!(!home.journal().exists());
    assert!(home.journal().with_extension("jsonl.imported").exists());
    // Only once: a journal that reappears is not read again.
    std::fs::copy(
        home.journal().with_extension("jsonl.imported"),
        home.journal(),
    )
    .unwrap();
    let out = home.run(["orders", "--json"]);
    out.stderr_is("");
    assert_eq!(home.orders().len(), 5);
}

#[test]
fn a_crash_between_sending_and_recording_leaves_an_unknown_order_that_guards() {
    let panel = Panel::with_catalogue(|req| match req.field("action") {
        Some("add") => Reply::json(r#"{"order":1}"#).delayed(Duration::from_secs(20)),
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::with_panel(&panel);
    let mut child = home.spawn(ADD);
    let started = std::time::Instant::now();
    while panel.actions("add").is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the add never came"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.child.kill().unwrap();
    child.child.wait().unwrap();
    let rows = home.orders();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0]["outcome"].as_str(), rows[0]["error"].as_str()),
        (Some("unknown"), None)
    );
    let out = home.run(["orders"]);
    assert!(out.stdout.contains("no answer recorded"), "{}", out.stdout);
    let out = home.run(ADD);
    out.expect_code(2);
    assert!(out.stderr.contains("outcome is unknown"), "{}", out.stderr);
    assert_eq!(panel.actions("add").len(), 1);
}

#[test]
fn orders_filters_groups_totals_and_formats() {
    let panel = Panel::with_catalogue(|req| match (req.field("action"), req.field("link")) {
        (Some("add"), Some(l)) if l.contains("refuse") => {
            Reply::json(r#"{"error":"Not enough funds on balance"}"#)
        }
        (Some("add"), Some(l)) => {
            let n: usize = l
                .rsplit('/')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(9);
            Reply::json(format!(r#"{{"order":{}}}"#, 100 + n))
        }
        (Some("status"), _) => {
            let status = r#"{"charge":"0.45","start_count":"10","status":"Partial","remains":"5","currency":"USD"}"#;
            match (req.field("order"), req.field("orders")) {
                (Some(_), _) => Reply::json(status),
                (_, Some(ids)) => {
                    let items: Vec<String> = ids
                        .split(',')
                        .map(|id| format!(r#""{id}":{status}"#))
                        .collect();
                    Reply::json(format!("{{{}}}", items.join(",")))
                }
                _ => Reply::json(r#"{"error":"Incorrect request"}"#),
            }
        }
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::new();
    home.write_config(&format!(
        "default_profile = \"a\"\n[profiles.a]\nurl = \"{0}\"\nkey = \"k\"\n[profiles.b]\nurl = \"{0}\"\nkey = \"k\"\n",
        panel.url
    ));
    let add = |profile: &str, link: &str, quantity: &str| {
        home.smm()
            .args(["-p", profile, "order", "add", "--service", "1448"])
            .args(["--link", link, "--quantity", quantity])
            .run()
    };
    assert_eq!(add("a", "https://i.com/1", "500").code, Some(0));
    assert_eq!(add("a", "https://i.com/2", "1000").code, Some(0));
    assert_eq!(add("b", "https://i.com/3", "100").code, Some(0));
    assert_eq!(add("b", "https://i.com/refuse", "100").code, Some(1));
    home.smm()
        .args(["orders", "--check"])
        .env_remove("SMM_PROFILE")
        .run()
        .expect_code(0);
    let json = |args: &[&str]| -> Vec<serde_json::Value> {
        let out = home.smm().arg("orders").args(args).arg("--json").run();
        out.expect_code(0);
        serde_json::from_str::<serde_json::Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let all = json(&[]);
    assert_eq!(all.len(), 4);
    let keys: Vec<&str> = all[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "created",
            "profile",
            "url",
            "service",
            "link",
            "quantity",
            "fields",
            "cost",
            "outcome",
            "order",
            "error",
            "status",
            "charge",
            "start_count",
            "remains",
            "currency",
            "checked"
        ]
    );
    assert!(all[0]["created"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        (all[0]["cost"].as_str(), all[1]["cost"].as_str()),
        (Some("0.45"), Some("0.9"))
    );
    assert_eq!(
        (
            all[0]["status"].as_str(),
            all[0]["charge"].as_str(),
            all[0]["remains"].as_str()
        ),
        (Some("Partial"), Some("0.45"), Some("5"))
    );
    assert_eq!(json(&["-p", "b"]).len(), 2);
    assert_eq!(json(&["--outcome", "refused"]).len(), 1);
    assert_eq!(json(&["--status", "partial"]).len(), 3);
    assert_eq!(json(&["--limit", "2"])[0]["link"], "https://i.com/3");
    assert_eq!(json(&["--limit", "0"]).len(), 4);
    assert_eq!(json(&["--since", "1h"]).len(), 4);
    // Grouped: count, cost and charge per currency, then the totals. The refused order is in
    // its profile's currency too (known from the first order's balance): no group of its own.
    let out = home.run(["orders", "--by", "profile"]);
    let text = &out.stdout;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["GROUP", "ORDERS", "COST", "CHARGE", "CURRENCY"]
    );
    assert!(
        lines
            .iter()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["a", "2", "1.35", "0.90", "USD"]),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["b", "2", "0.09", "0.45", "USD"]),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == ["TOTAL", "4", "1.44", "1.35", "USD"]),
        "{text}"
    );
    let out = home.run(["orders", "--by", "status", "--json"]);
    let groups: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(
        groups
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["key"] == "Partial" && g["orders"] == 3)
    );
    for by in ["service", "day"] {
        home.run(["orders", "--by", by]).expect_code(0);
    }
    // CSV: the table's columns, a record per order.
    let out = home.run(["orders", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(headers[0], "PLACED");
    assert_eq!(reader.records().count(), 4);
}

#[test]
fn the_book_is_private() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    home.run(ADD).expect_code(0);
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&home.book()), 0o600);
    assert_eq!(mode(home.book().parent().unwrap()), 0o700);
}

#[test]
fn bad_books_stop_before_anything_is_sent() {
    let panel = Panel::fixtures();
    panel.expect_none();
    let home = Home::with_panel(&panel);
    // A data directory that cannot be created.
    let out = home
        .smm()
        .args(ADD)
        .env("SMM_DATA_DIR", "/dev/null/smm")
        .run();
    out.expect_code(2);
    out.stderr_is("smm: cannot open the order book /dev/null/smm/orders.db: File exists (os error 17) (set SMM_DATA_DIR to a writable directory); nothing was sent\n");
    assert_eq!(out.stderr.lines().count(), 1);
    // Not an SQLite file.
    std::fs::create_dir_all(home.book().parent().unwrap()).unwrap();
    std::fs::write(
        home.book(),
        "these are my notes, not a database\n".repeat(200),
    )
    .unwrap();
    let out = home.run(ADD);
    out.expect_code(2);
    out.stderr_like("smm: ~/data/orders.db is not an SQLite database: move it away (smm then starts a new order book there); nothing was sent\n");
    // From a newer smm.
    std::fs::remove_file(home.book()).unwrap();
    home.run(["orders"]).expect_code(0);
    let conn = rusqlite::Connection::open(home.book()).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let out = home.run(ADD);
    out.expect_code(2);
    out.stderr_like(&format!("smm: the order book ~/data/orders.db was written by a newer smm (schema version 99; this smm knows up to {}): upgrade smm; nothing was sent\n", smm::book::SCHEMA_VERSION));
    // Locked by another process past the timeout.
    let conn = rusqlite::Connection::open(home.book()).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let out = home.smm().args(ADD).env("SMM_LOCK_TIMEOUT", "0.5").run();
    out.expect_code(2);
    out.stderr_like("smm: another smm has held the order book ~/data/orders.db for more than 0.5s; try again when it is done (or set SMM_LOCK_TIMEOUT to wait longer); nothing was sent\n");
    conn.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn eight_adds_at_once_on_a_new_book_place_one_order() {
    let panel = Panel::with_catalogue(|req| match req.field("action") {
        Some("add") => Reply::json(r#"{"order":778}"#).delayed(Duration::from_millis(200)),
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::with_panel(&panel);
    home.run(["services"]).expect_code(0);
    assert!(!home.book().exists());
    let children: Vec<_> = (0..8).map(|_| home.spawn(ADD)).collect();
    let codes: Vec<Option<i32>> = children.into_iter().map(|c| c.finish().code).collect();
    assert_eq!(
        codes.iter().filter(|c| **c == Some(0)).count(),
        1,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == Some(2)).count(),
        7,
        "{codes:?}"
    );
    assert_eq!(panel.actions("add").len(), 1);
    assert_eq!(home.orders().len(), 1);
}

#[test]
fn a_window_longer_than_time_still_guards_and_a_key_echoed_by_the_panel_is_masked() {
    let panel = Panel::with_catalogue(|req| match req.field("link") {
        Some(l) if l.contains("echo") => {
            Reply::json(r#"{"error":"key secret-key-123 has no funds"}"#)
        }
        _ => Reply::json(r#"{"order":23501}"#),
    });
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"secret-key-123\"\nduplicate_window = \"300000000000y\"\n",
        panel.url
    ));
    home.run(ADD).expect_code(0);
    let out = home.run(ADD);
    out.expect_code(2);
    assert_eq!(panel.actions("add").len(), 1);
    let out = home
        .smm()
        .args(order_add("1448", "https://i.com/echo", &[]))
        .args(["--quantity", "500"])
        .run();
    out.expect_code(1);
    out.stderr_is("smm: panel 'p' says: key **** has no funds (check the key of profile 'p': smm config show)\n");
    let bytes = std::fs::read(home.book()).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("secret-key-123"));
}
