//! Refills kept in the order book: `smm refill --due` and its five rules (a due and a not-due
//! case each), `--dry-run`, a second run sending nothing, refusals (disabled: never again;
//! others: again after refill_every), unanswered requests, `smm refills`, `smm refill-status`
//! without ids, `smm sync` following refills (the Rejected alert, auto_refill), and the
//! migration from a version-2 book.

use crate::common::{Home, Panel, Reply, SandboxProc, Seen};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Unix seconds now.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// Writes an old-style journal of placed orders `(panel order, service)` on `url` for profile
/// `profile` (imported into the order book on first use).
fn journal(home: &Home, profile: &str, url: &str, orders: &[(u64, u64)]) {
    use std::fmt::Write;
    let t = now() - 3600;
    let mut text = String::new();
    for (id, service) in orders {
        writeln!(
            text,
            r#"{{"kind":"intent","id":"e{id}","time":{t},"profile":"{profile}","url":"{url}","service":{service},"link":"https://i.com/{id}","quantity":100,"fields":{{}},"cost":"0.09"}}"#
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

/// Runs `sql` on the home's order book (to move recorded times into the past).
fn sql(home: &Home, sql: &str) {
    let conn = rusqlite::Connection::open(home.book()).unwrap();
    conn.execute_batch(sql).unwrap();
}

/// The panel order ids of `--due --json`'s `due` lists, over every profile.
fn due_orders(doc: &Value) -> Vec<String> {
    doc["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["due"].as_array().unwrap().clone())
        .map(|d| d["order"].as_str().unwrap().to_string())
        .collect()
}

/// `smm refills --json`, oldest first, as `(order, refill, status, error)`.
fn records(home: &Home) -> Vec<(String, Value, String, Value)> {
    let doc = home.run(["refills", "--json", "--limit", "0"]).json();
    let mut list: Vec<_> = doc
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["order"].as_str().unwrap().to_string(),
                r["refill"].clone(),
                r["status"].as_str().unwrap().to_string(),
                r["error"].clone(),
            )
        })
        .collect();
    list.reverse();
    list
}

/// Rules 1, 2 and 3 against the sandbox's history orders (Completed, Partial, In progress,
/// Canceled; a service without refills), `--dry-run` sending nothing, the send, and a second
/// `--due` right after sending nothing.
#[test]
fn due_rules_one_to_three_dry_run_and_a_second_run() {
    let sb = SandboxProc::start(&[]);
    let home = sb.home("sandbox");
    // 23491 Completed, 23492 Completed (service 1452: no refills), 23493 Partial,
    // 23494 Completed, 23495 Canceled, 23496 In progress, 23498 Completed.
    let orders = [
        (23491, 1448),
        (23492, 1452),
        (23493, 1448),
        (23494, 1448),
        (23495, 1448),
        (23496, 1448),
        (23498, 1448),
    ];
    journal(&home, "sb", &sb.url, &orders);
    home.run(["orders", "--check", "-q"]).expect_code(0);
    // Rule 3: 23498 finished 31 days ago (not due), 23494 29 days ago (due).
    sql(
        &home,
        "UPDATE orders SET ended = ended - 31 * 86400 WHERE panel_order = '23498';
         UPDATE orders SET ended = ended - 29 * 86400 WHERE panel_order = '23494';",
    );
    let dry = home.run(["refill", "--due", "--dry-run", "--json"]);
    dry.expect_code(0)
        .stderr_is("smm: 3 orders are due a refill; nothing was sent\n");
    assert_eq!(dry.json()["dry_run"], json!(true));
    assert_eq!(due_orders(&dry.json()), ["23491", "23493", "23494"]);
    assert_eq!(dry.json()["profiles"][0]["due"][1]["status"], "Partial");
    // Nothing was sent or recorded: the sandbox's first refill id is still 1 below.
    assert!(records(&home).is_empty());

    let sent = home.run(["refill", "--due"]);
    sent.expect(
        0,
        "PROFILE  ORDER  REFILL  STATUS   ERROR\n\
         sb       23491  1       Pending\n\
         sb       23493  2       Pending\n\
         sb       23494  3       Pending\n",
        "smm: 3 refills asked, 0 refused (see `smm refills`)\n",
    );
    sent.stdout_golden("refill_due.txt");
    // The multi form, one request.
    let again = home.run(["refill", "--due"]);
    again.expect(
        0,
        "PROFILE  ORDER  REFILL  STATUS  ERROR\n",
        "smm: no orders are due a refill\n",
    );
    let doc = home.run(["refills", "--json"]).json();
    let first = &doc.as_array().unwrap()[2];
    assert_eq!(first["profile"], "sb");
    assert_eq!(first["order"], "23491");
    assert_eq!(first["refill"], "1");
    assert_eq!(first["status"], "Pending");
    assert_eq!(first["error"], Value::Null);
    let requested = first["requested"].as_str().unwrap();
    assert!(
        requested.len() == 20 && requested.ends_with('Z'),
        "{requested}"
    );
    // Rule 4: a pending refill keeps its order from being due, however long ago it was asked.
    sql(
        &home,
        "UPDATE refills SET requested = requested - 2 * 86400;",
    );
    let dry = home.run(["refill", "--due", "--dry-run", "--json"]);
    assert!(due_orders(&dry.json()).is_empty());
    // Every format of `smm refills`.
    let doc = home.run(["refills", "--json"]).json();
    let table = home.run(["refills"]);
    table.expect_code(0);
    let when = |r: &Value| {
        let t = r["requested"].as_str().unwrap();
        format!("{} {} UTC", &t[..10], &t[11..16])
    };
    let tidy = |text: &str| {
        doc.as_array()
            .unwrap()
            .iter()
            .fold(text.to_string(), |t, r| t.replace(&when(r), "<requested>"))
    };
    crate::common::golden("tests/golden/refills.txt", &tidy(&table.stdout));
    let csv = home.run(["refills", "--format", "csv"]);
    crate::common::golden("tests/golden/refills.csv", &tidy(&csv.stdout));
    let tsv = home.run([
        "refills", "--format", "tsv", "--status", "pending", "--limit", "1",
    ]);
    crate::common::golden("tests/golden/refills.tsv", &tidy(&tsv.stdout));
}

/// A test panel: catalogue `CATALOGUE` (1448 refillable, 1 not), every order Completed, and
/// refill answers from `refill` (by order id), refill statuses from `status`.
fn refill_panel(
    refill: impl Fn(&str) -> Reply + Send + Sync + 'static,
    status: Arc<Mutex<&'static str>>,
) -> Panel {
    Panel::with_catalogue(move |req: &Seen| match req.field("action") {
        Some("status") => {
            let ids: Vec<&str> = req
                .field("orders")
                .or(req.field("order"))
                .unwrap_or("")
                .split(',')
                .collect();
            let item = r#"{"charge":"0.09","start_count":"5","status":"Completed","remains":"0","currency":"USD"}"#;
            if let (Some(_), None) = (req.field("order"), req.field("orders")) {
                return Reply::json(item);
            }
            let body: Vec<String> = ids.iter().map(|id| format!(r#""{id}":{item}"#)).collect();
            Reply::json(format!("{{{}}}", body.join(",")))
        }
        Some("refill") => match (req.field("order"), req.field("orders")) {
            (Some(one), _) => refill(one),
            (_, Some(many)) => {
                // One id without an answer fails the whole request.
                if let Some(failed) = many.split(',').map(&refill).find(|r| r.status != 200) {
                    return failed;
                }
                let items: Vec<String> = many
                    .split(',')
                    .map(|id| {
                        let body = refill(id).body;
                        let v: Value = serde_json::from_str(&body).unwrap();
                        let answer = match v.get("refill") {
                            Some(r) => r.clone(),
                            None => v,
                        };
                        format!(r#"{{"order":{id},"refill":{answer}}}"#)
                    })
                    .collect();
                Reply::json(format!("[{}]", items.join(",")))
            }
            _ => Reply::json(r#"{"error":"Incorrect request"}"#),
        },
        Some("refill_status") => {
            let said = *status.lock().unwrap();
            match (req.field("refill"), req.field("refills")) {
                (Some(_), _) => Reply::json(format!(r#"{{"status":"{said}"}}"#)),
                (_, Some(many)) => {
                    let items: Vec<String> = many
                        .split(',')
                        .map(|id| format!(r#"{{"refill":{id},"status":"{said}"}}"#))
                        .collect();
                    Reply::json(format!("[{}]", items.join(",")))
                }
                _ => Reply::json(r#"{"error":"Incorrect request"}"#),
            }
        }
        _ => Reply::json(r#"{"error":"Incorrect request"}"#),
    })
}

/// Rules 4 and 5 and every kind of answer: a refusal saying `disabled` is never asked again;
/// another refusal is asked again after refill_every; a refill is followed by `refill-status`
/// without ids and due again once Completed and refill_every has passed; a request with no
/// answer counts as asked; `smm refill IDS` records too.
#[test]
fn refusals_pending_unknown_and_refill_status_without_ids() {
    let fail_102 = Arc::new(Mutex::new(false));
    let fail = Arc::clone(&fail_102);
    let status = Arc::new(Mutex::new("In progress"));
    let panel = refill_panel(
        move |id| match id {
            "101" => Reply::json(r#"{"error":"Refill is disabled for this service"}"#),
            "102" if *fail.lock().unwrap() => {
                Reply::with_status(502, "text/html", "<html>bad gateway</html>")
            }
            "102" => Reply::json(
                r#"{"error":"The order was completed or refill was requested less than 24 hours ago"}"#,
            ),
            "103" => Reply::json(r#"{"refill":"9001"}"#),
            _ => Reply::json(r#"{"error":"Incorrect order ID"}"#),
        },
        Arc::clone(&status),
    );
    let home = Home::with_panel(&panel);
    home.write_config(&format!(
        "[profiles.test]\nurl = \"{}\"\nkey = \"k\"\nattempts = 1\n",
        panel.url
    ));
    journal(
        &home,
        "test",
        &panel.url,
        &[(101, 1448), (102, 1448), (103, 1448), (104, 1)],
    );
    home.run(["orders", "--check", "-q"]).expect_code(0);
    let sent = home.run(["refill", "--due", "--json"]);
    sent.expect_code(3);
    let doc = sent.json();
    assert_eq!(due_orders(&doc), ["101", "102", "103"], "104: rule 2");
    let answers: Vec<(Value, Value, Value)> = doc["profiles"][0]["sent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["order"].clone(), s["status"].clone(), s["refill"].clone()))
        .collect();
    assert_eq!(
        answers,
        [
            (json!("101"), json!("Refused"), Value::Null),
            (json!("102"), json!("Refused"), Value::Null),
            (json!("103"), json!("Pending"), json!("9001")),
        ]
    );
    let requests = panel.actions("refill");
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].field("orders"), Some("101,102,103"));
    let listed = home.run(["refills", "--json"]).json();
    let disabled: Vec<bool> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["disabled"].as_bool().unwrap())
        .collect();
    assert_eq!(
        disabled,
        [false, false, true],
        "newest first: 103, 102, 101"
    );
    assert_eq!(
        listed[1]["error"],
        "The order was completed or refill was requested less than 24 hours ago"
    );
    // Right after: nothing is due (refused and pending ones were asked less than 24h ago).
    assert!(due_orders(&home.run(["refill", "--due", "--dry-run", "--json"]).json()).is_empty());
    // A day later: 102 (refused) is due again; 101 (disabled) never; 103 is still pending.
    sql(
        &home,
        "UPDATE refills SET requested = requested - 86400 - 60;",
    );
    let dry = home.run(["refill", "--due", "--dry-run", "--json"]).json();
    assert_eq!(due_orders(&dry), ["102"]);

    // refill-status without ids follows 103 (the only unfinished refill) and records it.
    home.run(["refill-status"]).expect(
        0,
        "PROFILE  ORDER  REFILL  WAS      STATUS       PANEL SAID\n\
         test     103    9001    Pending  In progress  In progress\n",
        "",
    );
    assert_eq!(
        panel.actions("refill_status")[0].field("refill"),
        Some("9001")
    );
    *status.lock().unwrap() = "tasks.status.completed";
    home.run(["refill-status"]).expect(
        0,
        "PROFILE  ORDER  REFILL  WAS          STATUS     PANEL SAID\n\
         test     103    9001    In progress  Completed  tasks.status.completed\n",
        "",
    );
    home.run(["refill-status"]).expect(
        0,
        "PROFILE  ORDER  REFILL  WAS  STATUS  PANEL SAID\n",
        "smm: no unfinished refills in the order book\n",
    );
    // Completed, and asked more than refill_every ago: 103 is due again (rule 4's due case).
    let dry = home.run(["refill", "--due", "--dry-run", "--json"]).json();
    assert_eq!(due_orders(&dry), ["102", "103"]);
    let listed = home.run(["refills", "--json", "--limit", "0"]).json();
    let refill_103 = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["order"] == "103");
    let history = &refill_103.unwrap()["history"];
    let steps: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["Pending", "In progress", "Completed"]);

    // No answer (a 502 to a write is never retried): recorded Unknown, counted as asked.
    *fail_102.lock().unwrap() = true;
    sql(
        &home,
        "UPDATE refills SET requested = requested - 86400 WHERE panel_order = '103';",
    );
    sql(
        &home,
        "UPDATE refills SET state = 'Refused', finished = 1 WHERE panel_order = '103';",
    );
    let sent = home.run(["refill", "--due", "-p", "test", "--json"]);
    sent.expect_code(1)
        .stderr_has("smm: profile 'test': the panel answered HTTP 502");
    let doc = sent.json();
    assert_eq!(due_orders(&doc), ["102", "103"]);
    assert_eq!(doc["profiles"][0]["sent"][0]["status"], "Unknown");
    assert_eq!(doc["profiles"][0]["sent"][1]["status"], "Unknown");
    assert!(due_orders(&home.run(["refill", "--due", "--dry-run", "--json"]).json()).is_empty());

    // `smm refill IDS` records too, an order the book does not know by its panel id.
    home.run(["refill", "555"])
        .expect(1, "", "smm: panel 'test' says: Incorrect order ID\n");
    let last = &home.run(["refills", "--json", "--limit", "1"]).json()[0];
    assert_eq!(last["order"], "555");
    assert_eq!(last["entry"], Value::Null);
    assert_eq!(last["status"], "Refused");
    assert_eq!(last["error"], "Incorrect order ID");
    assert_eq!(records(&home).len(), 6);
}

/// `smm sync` with auto_refill sends the due refills itself, then follows them and alerts on
/// the one that ended Rejected (the sandbox rejects every fourth refill).
#[test]
fn sync_sends_due_refills_with_auto_refill_and_alerts_on_rejected() {
    let sb = SandboxProc::start(&["--speed", "1500"]);
    let (_, _, seeded) = sb.raw(
        "POST",
        "/control",
        "application/x-www-form-urlencoded",
        "action=seed&count=4&quantity=100",
    );
    let seeded: Value = serde_json::from_str(&seeded).unwrap();
    let (first, last) = (
        seeded["first"].as_u64().unwrap(),
        seeded["last"].as_u64().unwrap(),
    );
    assert_eq!((first, last), (23501, 23504));
    let home = sb.home_with("sandbox", "auto_refill = true\n");
    let orders: Vec<(u64, u64)> = (first..=last).map(|id| (id, 1448)).collect();
    journal(&home, "sb", &sb.url, &orders);
    std::thread::sleep(Duration::from_millis(1500));
    let one = home.run(["sync"]);
    one.expect_code(0);
    for (id, refill) in (first..=last).zip(1..) {
        one.stdout_has(&format!("sb: refill of order {id} sent: refill {refill}\n"));
    }
    let row: Vec<&str> = one
        .stdout
        .lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(row[6], "0/4", "REFILLS: followed/sent");
    // 600 virtual seconds later every refill has ended: the fourth Rejected.
    std::thread::sleep(Duration::from_millis(600));
    let two = home.run(["sync", "--json"]);
    two.expect_code(3);
    let doc = two.json();
    assert_eq!(
        doc["alerts"],
        json!([{"profile": "sb", "kind": "refill_rejected", "subject": "23504", "message": "sb: the refill 4 of order 23504 ended Rejected", "new": true}])
    );
    assert_eq!(
        doc["profiles"][0]["refills_followed"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(doc["profiles"][0]["refills_sent"], json!([]));
    assert_eq!(doc["resolved"], json!([]));
    // An event: raised once, never standing, never resolved.
    let three = home.run(["sync", "-q"]);
    three.expect(0, "", "");
    assert_eq!(home.run(["sync", "--json"]).json()["alerts"], json!([]));
    let statuses: Vec<String> = records(&home).into_iter().map(|r| r.2).collect();
    assert_eq!(
        statuses,
        ["Completed", "Completed", "Completed", "Rejected"]
    );
}

/// The schema of today's version-2 book, as smm before refills made it.
const V2_SCHEMA: &str = "
CREATE TABLE orders (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, created INTEGER NOT NULL,
    profile TEXT NOT NULL, url TEXT NOT NULL, service INTEGER NOT NULL, link TEXT, quantity INTEGER,
    fields TEXT NOT NULL, fingerprint TEXT NOT NULL, cost TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('placed', 'refused', 'unknown')), answered INTEGER,
    panel_order TEXT, error TEXT, status TEXT, finished INTEGER NOT NULL DEFAULT 0, charge TEXT,
    start_count TEXT, remains TEXT, currency TEXT, checked INTEGER);
CREATE INDEX orders_created ON orders (created);
CREATE INDEX orders_guard ON orders (fingerprint, created);
CREATE INDEX orders_profile ON orders (profile, created);
CREATE INDEX orders_open ON orders (outcome, finished);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
ALTER TABLE orders ADD COLUMN changed INTEGER;
ALTER TABLE orders ADD COLUMN state TEXT;
CREATE INDEX orders_state ON orders (state);
CREATE TABLE status_history (order_id TEXT NOT NULL, seen INTEGER NOT NULL, previous TEXT,
    status TEXT NOT NULL);
CREATE INDEX status_history_order ON status_history (order_id, seen);
CREATE TABLE balances (profile TEXT NOT NULL, seen INTEGER NOT NULL, amount TEXT NOT NULL,
    currency TEXT NOT NULL);
CREATE INDEX balances_profile ON balances (profile, seen);
CREATE TABLE catalogue (profile TEXT NOT NULL, service TEXT NOT NULL, name TEXT NOT NULL,
    rate TEXT, min INTEGER, max INTEGER, refill INTEGER, cancel INTEGER,
    PRIMARY KEY (profile, service));
CREATE TABLE catalogue_changes (seq INTEGER PRIMARY KEY, seen INTEGER NOT NULL,
    profile TEXT NOT NULL, service TEXT NOT NULL, name TEXT NOT NULL, change TEXT NOT NULL,
    old TEXT, new TEXT);
CREATE INDEX catalogue_changes_seen ON catalogue_changes (seen);
PRAGMA user_version = 2;
";

/// A book made by today's smm (schema version 2) is migrated: every order kept, each finished
/// one given the time the book first saw it finished, and its orders due.
#[test]
fn a_version_two_book_keeps_every_order() {
    let status = Arc::new(Mutex::new("Completed"));
    let panel = refill_panel(|_| Reply::json(r#"{"refill":"1"}"#), status);
    let home = Home::with_panel(&panel);
    std::fs::create_dir_all(home.book().parent().unwrap()).unwrap();
    let t = now() as i64 - 86_400;
    {
        let conn = rusqlite::Connection::open(home.book()).unwrap();
        conn.execute_batch(V2_SCHEMA).unwrap();
        for i in 0..50i64 {
            let (status, state, finished) = match i % 3 {
                0 => ("Completed", "Completed", 1),
                1 => ("In progress", "In progress", 0),
                _ => ("Partial", "Partial", 1),
            };
            conn.execute(
                "INSERT INTO orders (id, created, profile, url, service, link, quantity, fields,
                 fingerprint, cost, outcome, answered, panel_order, status, finished, state,
                 checked) VALUES (?1, ?2, 'test', ?3, 1448, ?4, 100, '{}', ?4, '0.09', 'placed',
                 ?2, ?5, ?6, ?7, ?8, ?2)",
                rusqlite::params![
                    format!("e{i}"),
                    t + i,
                    panel.url,
                    format!("https://i.com/{i}"),
                    (1000 + i).to_string(),
                    status,
                    finished,
                    state
                ],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO status_history (order_id, seen, previous, status) VALUES (?1, ?2, NULL, ?3)",
                rusqlite::params![format!("e{i}"), t + i + 100, status],
            )
            .unwrap();
        }
    }
    let all = home.run(["orders", "--json", "--limit", "0"]);
    all.expect_code(0);
    let ids: Vec<String> = all
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["order"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = (0..50).map(|i| (1000 + i).to_string()).collect();
    assert_eq!(ids, want);
    let rows = home.orders();
    assert_eq!(rows.len(), 50);
    assert_eq!(rows[0]["ended"], json!(t + 100), "first seen finished");
    assert_eq!(rows[1]["ended"], Value::Null, "not finished");
    assert!(
        rows.iter().all(|r| r.get("route") == Some(&Value::Null)),
        "migrated through the route column (schema 4) too"
    );
    let conn = rusqlite::Connection::open(home.book()).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, smm::book::SCHEMA_VERSION);
    let dry = home.run(["refill", "--due", "--dry-run", "--json"]).json();
    assert_eq!(due_orders(&dry).len(), 33, "the Completed and Partial ones");
}
