//! `smm sync`'s alerts are events with a state in the order book: raised once when they
//! start (printed, exit 3), not again while they last (exit 0), again after `alert_repeat`,
//! a `resolved:` line when they clear; ended orders alerted once whichever command saw them.

use crate::common::{Home, Panel, Reply, fixture_reply};
use crate::hostile_panel::{KEY, placed_orders, status_answer};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

/// A home with profile `p` on `url` and `extra` settings lines.
fn home_at(home: &Home, url: &str, extra: &str) {
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{url}\"\nkey = \"{KEY}\"\nattempts = 1\n{extra}"
    ));
}

/// The alerts of a `sync --json` document, without their messages.
fn alerts(doc: &Value) -> Vec<Value> {
    doc["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| json!({"kind": a["kind"], "subject": a["subject"], "new": a["new"]}))
        .collect()
}

#[test]
fn a_low_balance_is_raised_once_stands_silently_and_resolves() {
    let panel = Panel::fixtures();
    let home = Home::new();
    home_at(&home, &panel.url, "low_balance = \"500\"\n");
    let line = "alert: p: balance 100.84292 USD is under low_balance 500: top up the account\n";
    home.run(["sync", "-q"]).expect(3, line, "");
    // Standing: not printed again, exit 0.
    home.run(["sync", "-q"]).expect(0, "", "");
    let out = home.run(["sync", "--json"]);
    out.expect_code(0);
    let doc = out.json();
    assert_eq!(
        alerts(&doc),
        [json!({"kind": "low_balance", "subject": "", "new": false})]
    );
    assert_eq!(doc["profiles"][0]["alerts"][0]["new"], false);
    assert_eq!(doc["resolved"], json!([]));
    // Back above: one resolved line, then nothing.
    home_at(&home, &panel.url, "low_balance = \"50\"\n");
    home.run(["sync", "-q"]).expect(
        0,
        "resolved: p: the balance is back at or above low_balance\n",
        "",
    );
    home.run(["sync", "-q"]).expect(0, "", "");
    // Under again: a new alert.
    home_at(&home, &panel.url, "low_balance = \"500\"\n");
    let out = home.run(["sync", "--json"]);
    out.expect_code(3);
    assert_eq!(
        alerts(&out.json()),
        [json!({"kind": "low_balance", "subject": "", "new": true})]
    );
}

#[test]
fn alert_repeat_raises_a_standing_alert_again_after_that_long() {
    let panel = Panel::fixtures();
    let home = Home::new();
    home_at(
        &home,
        &panel.url,
        "low_balance = \"500\"\nalert_repeat = \"1s\"\n",
    );
    let line = "alert: p: balance 100.84292 USD is under low_balance 500: top up the account\n";
    home.run(["sync", "-q"]).expect(3, line, "");
    std::thread::sleep(std::time::Duration::from_millis(2100));
    home.run(["sync", "-q"]).expect(3, line, "");
    // A malformed value is refused like any other setting.
    home_at(&home, &panel.url, "alert_repeat = \"often\"\n");
    let out = home.run(["balance"]);
    out.expect_code(2)
        .stderr_has("alert_repeat 'often' is not a duration like 30m, 24h or 7d");
}

#[test]
fn config_set_alert_repeat_is_checked_written_and_followed_by_sync() {
    let panel = Panel::fixtures();
    let home = Home::new();
    home_at(&home, &panel.url, "low_balance = \"500\"\n");
    let path = home.config().display().to_string();
    let before = std::fs::read_to_string(home.config()).unwrap();
    // Checked as the loader checks it: refused, exit 2, the file untouched.
    home.run(["config", "set", "alert_repeat", "often"]).expect(
        2,
        "",
        &format!(
            "smm: profile 'p' in {path}: alert_repeat 'often' is not a duration like 30m, 24h \
             or 7d; nothing was changed\n"
        ),
    );
    assert_eq!(std::fs::read_to_string(home.config()).unwrap(), before);
    home.run(["config", "set", "alert_repeat", "1s"]).expect(
        0,
        &format!("Set alert_repeat of profile 'p' in {path}.\n"),
        "",
    );
    assert_eq!(
        std::fs::read_to_string(home.config()).unwrap(),
        format!("{before}alert_repeat = \"1s\"\n")
    );
    // sync follows it: the standing alert is raised again once a second has passed.
    let line = "alert: p: balance 100.84292 USD is under low_balance 500: top up the account\n";
    home.run(["sync", "-q"]).expect(3, line, "");
    std::thread::sleep(std::time::Duration::from_millis(2100));
    home.run(["sync", "-q"]).expect(3, line, "");
    // Changed in place, then back to never: the standing alert stays silent.
    home.run(["config", "set", "alert_repeat", "30d"])
        .expect_code(0);
    assert_eq!(
        std::fs::read_to_string(home.config()).unwrap(),
        format!("{before}alert_repeat = \"30d\"\n")
    );
    home.run(["sync", "-q"]).expect(0, "", "");
}

#[test]
fn an_unreachable_panel_is_alerted_once_and_resolved_when_it_answers() {
    let panel = Panel::fixtures();
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.good]\nurl = \"{}\"\nkey = \"{KEY}\"\n[profiles.p]\nurl = \"http://127.0.0.1:9/api/v2\"\nkey = \"{KEY}\"\nattempts = 1\n",
        panel.url
    ));
    let out = home.run(["sync", "-q"]);
    out.expect_code(3).stdout_has("alert: p: could not connect");
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    home.run(["sync", "-q"]).expect(0, "", "");
    let out = home.run(["sync", "--json"]);
    out.expect_code(0);
    assert_eq!(
        alerts(&out.json()),
        [json!({"kind": "unreachable", "subject": "", "new": false})]
    );
    // The panel is back.
    home.write_config(&format!(
        "[profiles.good]\nurl = \"{0}\"\nkey = \"{KEY}\"\n[profiles.p]\nurl = \"{0}\"\nkey = \"{KEY}\"\n",
        panel.url
    ));
    home.run(["sync", "-q"])
        .expect(0, "resolved: p: the panel answers again\n", "");
}

#[test]
fn an_order_seen_ending_by_orders_check_is_still_alerted_once_by_sync() {
    let status = Arc::new(Mutex::new("In progress"));
    let now = Arc::clone(&status);
    let panel = Panel::start(move |req| match req.field("action") {
        Some("status") => Reply::json(status_answer(req, &now.lock().unwrap())),
        _ => fixture_reply(req),
    });
    let home = Home::new();
    home_at(&home, &panel.url, "");
    placed_orders(&home, &panel.url, 1..=2, 60);
    home.run(["sync", "-q"]).expect(0, "", "");
    // The operator checks by hand first and sees it end.
    *status.lock().unwrap() = "Partial";
    let out = home.run(["orders", "--check", "--json"]);
    out.expect_code(0);
    // The next sync still alerts, once per order; the one after, nothing.
    home.run(["sync", "-q"]).expect(
        3,
        "alert: p: order 1 ended Partial\nalert: p: order 2 ended Partial\n",
        "",
    );
    let out = home.run(["sync", "--json"]);
    out.expect_code(0);
    assert_eq!(out.json()["alerts"], json!([]));
}

#[test]
fn a_stalled_order_is_alerted_once_per_order_and_resolved_when_it_moves() {
    let remains = Arc::new(Mutex::new(400));
    let r = Arc::clone(&remains);
    let panel = Panel::start(move |req| match req.field("action") {
        Some("status") => Reply::json(status_answer(req, "In progress").replace(
            r#""remains":"0""#,
            &format!(r#""remains":"{}""#, r.lock().unwrap()),
        )),
        _ => fixture_reply(req),
    });
    let home = Home::new();
    home_at(&home, &panel.url, "stalled_after = \"1h\"\n");
    placed_orders(&home, &panel.url, 7..=8, 2 * 3600);
    let out = home.run(["sync", "-q"]);
    out.expect_code(3);
    assert_eq!(
        out.stdout,
        "alert: p: order 7 (In progress) has not changed for 2h00m\n\
         alert: p: order 8 (In progress) has not changed for 2h00m\n"
    );
    let out = home.run(["sync", "--json"]);
    out.expect_code(0);
    assert_eq!(
        alerts(&out.json()),
        [
            json!({"kind": "stalled", "subject": "7", "new": false}),
            json!({"kind": "stalled", "subject": "8", "new": false})
        ]
    );
    *remains.lock().unwrap() = 300;
    let out = home.run(["sync", "-q"]);
    out.expect(
        0,
        "resolved: p: order 7 is no longer stalled\nresolved: p: order 8 is no longer stalled\n",
        "",
    );
}

#[test]
fn a_book_of_schema_2_keeps_its_orders_and_does_not_alert_old_changes_again() {
    let panel = Panel::start(|req| match req.field("action") {
        Some("status") => Reply::json(status_answer(req, "Partial")),
        _ => fixture_reply(req),
    });
    let home = Home::new();
    home_at(&home, &panel.url, "");
    placed_orders(&home, &panel.url, 1..=3, 60);
    // Order 1 ended Partial under an older smm, which alerted it then.
    home.run(["orders", "--json"]).expect_code(0);
    {
        let conn = rusqlite::Connection::open(home.book()).unwrap();
        conn.execute_batch(
            "DROP TABLE refill_history; DROP TABLE refills; DROP INDEX orders_refill;
             ALTER TABLE orders DROP COLUMN ended;
             DROP INDEX orders_route; ALTER TABLE orders DROP COLUMN route;
             DROP TABLE alerts; DROP INDEX status_history_unalerted;
             ALTER TABLE status_history DROP COLUMN alerted; ALTER TABLE orders DROP COLUMN asked;
             UPDATE orders SET status = 'Partial', state = 'Partial', finished = 1 WHERE id = 'e1';
             INSERT INTO status_history (order_id, seen, previous, status) VALUES ('e1', 1, NULL, 'Partial');
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    home.run(["sync", "-q"]).expect(
        3,
        "alert: p: order 2 ended Partial\nalert: p: order 3 ended Partial\n",
        "",
    );
    let rows = home.orders();
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter()
            .all(|r| r["status"] == "Partial" && r["outcome"] == "placed")
    );
    // Migrated through schemas 4 and 5 too: orders placed before routes came through none,
    // and ended ones carry the time the book first saw them ended.
    assert!(
        rows.iter()
            .all(|r| r.get("route") == Some(&serde_json::Value::Null))
    );
    assert!(rows.iter().all(|r| r["ended"].is_i64()));
}
