//! `smm sync`: statuses of unfinished orders only (chunks of at most 100), balances, catalogue
//! changes of every kind, alerts and exit codes, a failing panel not stopping the others, and
//! `smm services changes`.

use crate::common::{Home, Panel, Reply, Run, SandboxProc, Seen, order_add};
use serde_json::Value;
use std::sync::{Arc, Mutex};

/// Unix seconds now.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// An old-style journal of placed orders `ids` on `url` (profile `p`), `age` seconds old,
/// imported into the order book on first use.
fn journal(home: &Home, url: &str, ids: impl Iterator<Item = u64>, age: u64) {
    use std::fmt::Write;
    let t = now() - age;
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
    std::fs::create_dir_all(home.journal().parent().unwrap()).unwrap();
    std::fs::write(home.journal(), text).unwrap();
}

/// A panel whose orders have the statuses in `statuses` (by id; others: In progress).
fn status_panel(statuses: Arc<Mutex<Vec<(u64, &'static str)>>>) -> Panel {
    Panel::start(move |req: &Seen| match req.field("action") {
        Some("status") => {
            let ids: Vec<&str> = match (req.field("order"), req.field("orders")) {
                (Some(one), _) => vec![one],
                (_, Some(many)) => many.split(',').collect(),
                _ => vec![],
            };
            let known = statuses.lock().unwrap().clone();
            let item = |id: &str| {
                let status = known
                    .iter()
                    .find(|(k, _)| k.to_string() == id)
                    .map(|(_, s)| *s)
                    .unwrap_or("In progress");
                format!(
                    r#"{{"charge":"0.09","start_count":"5","status":"{status}","remains":"0","currency":"USD"}}"#
                )
            };
            if let (Some(one), None) = (req.field("order"), req.field("orders")) {
                return Reply::json(item(one));
            }
            let body: Vec<String> = ids
                .iter()
                .map(|id| format!(r#""{id}":{}"#, item(id)))
                .collect();
            Reply::json(format!("{{{}}}", body.join(",")))
        }
        _ => crate::common::fixture_reply(req),
    })
}

/// The status requests' id lists.
fn asked(panel: &Panel) -> Vec<Vec<u64>> {
    panel
        .actions("status")
        .iter()
        .map(|r| {
            r.field("orders")
                .or(r.field("order"))
                .unwrap_or("")
                .split(',')
                .filter_map(|id| id.parse().ok())
                .collect()
        })
        .collect()
}

#[test]
fn only_unfinished_orders_are_asked_in_chunks_of_100_and_recorded() {
    let statuses = Arc::new(Mutex::new(vec![]));
    let panel = status_panel(Arc::clone(&statuses));
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"k\"\n",
        panel.url
    ));
    journal(&home, &panel.url, 1..=250, 3600);
    let out = home.run(["sync"]);
    out.expect_code(0);
    let mut sizes: Vec<usize> = asked(&panel).iter().map(Vec::len).collect();
    sizes.sort_unstable();
    assert_eq!(
        sizes,
        [50, 100, 100],
        "chunks of at most 100 (sent concurrently)"
    );
    let text = &out.stdout;
    let row: Vec<&str> = text.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(
        row,
        ["p", "100.84292", "USD", "250", "250", "0", "0/0", "0"],
        "{text}"
    );
    assert!(text.contains("p: order 1: (new) → In progress"), "{text}");
    // 200 of them finish.
    *statuses.lock().unwrap() = (1..=200).map(|id| (id, "Completed")).collect();
    home.run(["sync"]).expect_code(0);
    assert_eq!(asked(&panel).len(), 6, "250 ids again, in 3 chunks");
    let rows = home.orders();
    assert_eq!(rows[0]["status"], "Completed");
    assert_eq!(rows[0]["finished"], 1);
    assert_eq!(rows[0]["charge"], "0.09");
    assert_eq!(rows[249]["status"], "In progress");
    // Finished orders are never asked again.
    let out = home.run(["sync", "--json"]);
    out.expect_code(0);
    let chunks = asked(&panel);
    assert_eq!(chunks.last().unwrap(), &(201..=250).collect::<Vec<u64>>());
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["profiles"][0]["orders_asked"], 50);
    assert_eq!(doc["profiles"][0]["balance"], "100.84292");
    assert_eq!(doc["alerts"], Value::Array(vec![]));
    // The history keeps each change.
    let conn = rusqlite::Connection::open(home.book()).unwrap();
    let history: Vec<(Option<String>, String)> = conn
        .prepare("SELECT previous, status FROM status_history WHERE order_id = 'e1' ORDER BY seen, rowid")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        history,
        [
            (None, "In progress".to_string()),
            (Some("In progress".to_string()), "Completed".to_string())
        ]
    );
    let balances: i64 = conn
        .query_row(
            "SELECT count(*) FROM balances WHERE profile = 'p'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(balances, 3);
}

#[test]
fn alerts_ended_stalled_low_balance_and_exit_3() {
    let statuses = Arc::new(Mutex::new(vec![(1, "Partial"), (2, "Canceled")]));
    let panel = status_panel(statuses);
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"k\"\nlow_balance = \"500\"\nstalled_after = \"1h\"\n",
        panel.url
    ));
    journal(&home, &panel.url, 1..=3, 2 * 86_400);
    let out = home.run(["sync", "-q"]);
    out.expect_code(3);
    let text = &out.stdout;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "alert: p: order 1 ended Partial",
            "alert: p: order 2 ended Canceled",
            "alert: p: balance 100.84292 USD is under low_balance 500: top up the account",
            "alert: p: order 3 (In progress) has not changed for 48h00m",
        ],
        "-q prints only the alerts: {text}"
    );
    // The ended orders are finished: the next sync neither asks about them nor alerts again.
    let out = home.run(["sync", "--json"]);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    let kinds: Vec<&str> = doc["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["low_balance", "stalled"]);
    assert_eq!(asked(&panel).last().unwrap(), &vec![3]);
}

#[test]
fn a_failing_panel_does_not_stop_the_others_and_all_failing_is_exit_1() {
    let good = Panel::fixtures();
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.good]\nurl = \"{}\"\nkey = \"k\"\n[profiles.down]\nurl = \"http://127.0.0.1:9/api/v2\"\nkey = \"k\"\nattempts = 1\n",
        good.url
    ));
    let out = home.run(["sync"]);
    out.expect_code(3);
    let text = &out.stdout;
    assert!(
        text.lines()
            .any(|l| l.starts_with("good") && l.contains("100.84292 USD")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("down") && l.contains("error")),
        "{text}"
    );
    out.stdout_like(concat!(
        "PROFILE  BALANCE        ORDERS ASKED  STATUS CHANGES  CATALOGUE CHANGES  REFILLS  ALERTS\n",
        "down     error                     0               0                  0      0/0       1\n",
        "good     100.84292 USD             0               0                  0      0/0       0\n",
        "alert: down: could not connect to the panel: Connection refused (os error 111) — profile 'down' at http://127.0.0.1:PORT/api/v2, 1 attempt; check the url (`smm config show`) and that the panel is up\n",
    ));
    assert_eq!(good.actions("balance").len(), 1);
    assert_eq!(good.actions("services").len(), 1);
    // Every panel failing: exit 1.
    let out = home.run(["sync", "-p", "down"]);
    out.expect_code(1);
    // An unknown profile: exit 2, nothing sent.
    let out = home.run(["sync", "-p", "good,nosuch"]);
    out.expect_code(2);
    out.stderr_like("smm: profile 'nosuch' is not in ~/config.toml; known profiles: down, good\n");
    assert_eq!(good.actions("balance").len(), 1);
}

#[test]
fn catalogue_changes_of_every_kind_on_two_sandboxes() {
    let (one, two) = (
        SandboxProc::start(&[]),
        SandboxProc::start(&["--services", "0"]),
    );
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.one]\nurl = \"{}\"\nkey = \"sandbox\"\n[profiles.two]\nurl = \"{}\"\nkey = \"sandbox\"\n",
        one.url, two.url
    ));
    // The first sync only remembers the catalogues.
    let out = home.run(["sync"]);
    out.expect_code(0);
    let control = |sb: &SandboxProc, form: &str| {
        let (status, _, body) = sb.raw(
            "POST",
            "/control",
            "application/x-www-form-urlencoded",
            form,
        );
        assert_eq!(status, 200, "{form}: {body}");
    };
    control(&one, "action=rate&service=1448&rate=1.10");
    control(&one, "action=limits&service=1448&min=100&max=10000");
    control(&one, "action=flags&service=1448&cancel=0");
    control(&one, "action=remove&service=1452");
    control(
        &two,
        "action=add&service=3000&name=TikTok+Views&rate=0.05&min=100&max=100000",
    );
    let out = home.run(["sync"]);
    out.expect_code(0);
    let text = &out.stdout;
    for line in [
        "one: service 1448 rate 0.90 → 1.10 (+22.2%)",
        "one: service 1448 min 50 → 100",
        "one: service 1448 cancel yes → no",
        "one: service 1452 removed (Facebook Comments)",
        "two: service 3000 new: TikTok Views 0.05",
    ] {
        assert!(text.lines().any(|l| l == line), "{line}: {text}");
    }
    let row = |name: &str| -> Vec<String> {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap()
            .split_whitespace()
            .map(String::from)
            .collect()
    };
    assert_eq!(row("one")[5], "4", "{text}");
    assert_eq!(row("two")[5], "1", "{text}");
    // Recorded, newest first; per profile; as JSON.
    let out = home.run(["services", "changes"]);
    out.expect_code(0);
    let listed = &out.stdout;
    assert_eq!(listed.lines().count(), 6, "{listed}");
    assert!(listed.lines().next().unwrap().starts_with("SEEN"));
    let out = home.run([
        "services", "changes", "-p", "one", "--since", "1h", "--json",
    ]);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    let changes = doc.as_array().unwrap();
    assert_eq!(changes.len(), 4);
    assert!(changes.iter().all(|c| c["profile"] == "one"));
    let rate = changes.iter().find(|c| c["change"] == "rate").unwrap();
    assert_eq!(
        (rate["old"].as_str(), rate["new"].as_str()),
        (Some("0.90"), Some("1.10"))
    );
    // The sandbox refuses orders for the removed service; smm's refreshed cache knows it too.
    let out = home.run([
        "-p",
        "one",
        "order",
        "add",
        "--service",
        "1452",
        "--link",
        "l",
        "--comments",
        "a",
    ]);
    out.expect_code(2);
    out.stderr_like("smm: service 1452 is not in the catalogue of profile 'one' (13 services): see `smm services` (catalogue cached Ns ago: --refresh fetches it from the panel); nothing was sent\n");
}

#[test]
fn sync_against_the_sandbox_follows_real_orders() {
    let sb = SandboxProc::start(&["--speed", "100000"]);
    let home = sb.home("sandbox");
    for link in ["https://i.com/a", "https://i.com/b"] {
        home.run(order_add("1448", link, &["--quantity", "100"]))
            .expect_code(0);
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    let out = home.run(["sync", "--json"]);
    out.expect_code(0);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    let changes = doc["profiles"][0]["status_changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2);
    assert!(changes.iter().all(|c| c["to"] == "Completed"), "{doc}");
    let out = home.run(["orders", "--status", "completed", "--json"]);
    let orders: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(orders.as_array().unwrap().len(), 2);
    // Nothing left to ask.
    let out = home.run(["sync", "--json"]);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["profiles"][0]["orders_asked"], 0);
}

#[test]
fn status_spellings_are_read_once_for_finished_alerts_and_filters() {
    let statuses = Arc::new(Mutex::new(vec![
        (1, "Complete"),
        (2, "Cancelled"),
        (3, "inprogress"),
        (4, "in_progress"),
        (5, "tasks.status.partial"),
    ]));
    let panel = status_panel(statuses);
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"k\"\n",
        panel.url
    ));
    journal(&home, &panel.url, 1..=5, 60);
    let out = home.run(["sync", "-q"]);
    out.expect_code(3);
    assert_eq!(
        out.stdout.lines().collect::<Vec<_>>(),
        [
            "alert: p: order 2 ended Cancelled",
            "alert: p: order 5 ended tasks.status.partial"
        ]
    );
    let finished: Vec<i64> = home
        .orders()
        .iter()
        .map(|r| r["finished"].as_i64().unwrap())
        .collect();
    assert_eq!(finished, [1, 1, 0, 0, 1]);
    let json = |status: &str| -> Vec<String> {
        let out = home.run(["orders", "--status", status, "--json"]);
        let v: Value = serde_json::from_str(&out.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|o| o["status"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(json("In progress"), ["inprogress", "in_progress"]);
    assert_eq!(json("completed"), ["Complete"]);
    assert_eq!(json("canceled"), ["Cancelled"]);
    // Tables and JSON keep the panel's own text.
    let out = home.run(["orders", "--by", "status", "--json"]);
    let groups: Value = serde_json::from_str(&out.stdout).unwrap();
    let keys: Vec<&str> = groups
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["Canceled", "Completed", "In progress", "Partial"]);
    // The next sync asks only about the unfinished ones.
    home.run(["sync"]).expect_code(0);
    let last = panel
        .actions("status")
        .last()
        .unwrap()
        .field("orders")
        .unwrap()
        .to_string();
    assert_eq!(last, "3,4");
}

#[test]
fn a_failed_status_request_still_reports_the_balance_and_catalogue() {
    let fail_status = Arc::new(Mutex::new(false));
    let rate = Arc::new(Mutex::new("0.90"));
    let (fail, r) = (Arc::clone(&fail_status), Arc::clone(&rate));
    let panel = Panel::start(move |req: &Seen| match req.field("action") {
        Some("status") if *fail.lock().unwrap() => {
            Reply::with_status(400, "application/json", r#"{"error":"Bad request"}"#)
        }
        Some("status") => Reply::json(
            r#"{"charge":"0.09","start_count":"5","status":"In progress","remains":"50","currency":"USD"}"#,
        ),
        Some("services") => Reply::json(format!(
            r#"[{{"service":1448,"name":"F","type":"Default","category":"I","rate":"{}","min":"50","max":"10000"}}]"#,
            r.lock().unwrap()
        )),
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::new();
    let config = |stalled_after: &str| {
        format!(
            "[profiles.p]\nurl = \"{}\"\nkey = \"k\"\nattempts = 1\nstalled_after = \"{stalled_after}\"\n",
            panel.url
        )
    };
    // Placed two hours ago: not stalled at 24h (whatever the clock does while the first sync
    // runs), stalled at 1h if the second sync worked it out from statuses it never learned.
    home.write_config(&config("24h"));
    journal(&home, &panel.url, 7..=7, 2 * 3600);
    home.run(["sync"]).expect_code(0);
    home.write_config(&config("1h"));
    *rate.lock().unwrap() = "1.50";
    *fail_status.lock().unwrap() = true;
    let out = home.run(["sync", "--json"]);
    // an alert, not every panel failed
    out.expect_code(3);
    let mut doc = out.json();
    // The change's time is when this sync saw it: an RFC 3339 UTC time, compared whole below.
    let time = &mut doc["profiles"][0]["catalogue_changes"][0]["time"];
    let seen = time.as_str().unwrap_or_default();
    assert!(
        seen.len() == 20 && seen.ends_with('Z') && seen.as_bytes()[10] == b'T',
        "{seen}"
    );
    *time = "TIME".into();
    let alert = serde_json::json!({
        "profile": "p",
        "kind": "unreachable",
        "subject": "",
        "message": "p: the panel answered HTTP 400 Bad Request: Bad request",
        "new": true
    });
    // The balance and catalogue are reported although the statuses failed; the one alert is the
    // failure (no stalled alert is worked out from statuses that were not learned).
    assert_eq!(
        doc,
        serde_json::json!({
            "profiles": [{
                "profile": "p",
                "balance": "100.84292",
                "currency": "USD",
                "orders_asked": 0,
                "status_changes": [],
                "catalogue_changes": [{
                    "time": "TIME",
                    "profile": "p",
                    "service": "1448",
                    "name": "F",
                    "change": "rate",
                    "old": "0.90",
                    "new": "1.50"
                }],
                "refills_followed": [],
                "refills_sent": [],
                "alerts": [alert],
                "resolved": [],
                "error": "the panel answered HTTP 400 Bad Request: Bad request"
            }],
            "alerts": [alert],
            "resolved": []
        })
    );
}

#[test]
fn an_order_that_moves_is_not_stalled_and_useapi_profiles_are_refused() {
    let remains = Arc::new(Mutex::new(400));
    let r = Arc::clone(&remains);
    let panel = Panel::start(move |req: &Seen| match req.field("action") {
        Some("status") => Reply::json(format!(
            r#"{{"charge":"0.09","start_count":"5","status":"In progress","remains":"{}","currency":"USD"}}"#,
            r.lock().unwrap()
        )),
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"k\"\nstalled_after = \"1h\"\n[profiles.u]\napi = \"useapi\"\nurl = \"http://127.0.0.1:9/useapi/v1\"\nkey = \"k\"\n",
        panel.url
    ));
    journal(&home, &panel.url, 7..=7, 2 * 3600);
    // First seen two hours after it was placed: counted from its creation, stalled.
    let out = home.run(["sync", "-q", "-p", "p"]);
    out.expect_code(3);
    out.stdout_is("alert: p: order 7 (In progress) has not changed for 2h00m\n");
    // It delivers (remains fall, same status): not stalled any more, and the alert clears.
    *remains.lock().unwrap() = 300;
    let out = home.run(["sync", "-q", "-p", "p"]);
    out.expect_code(0);
    assert_eq!(out.stdout, "resolved: p: order 7 is no longer stalled\n");
    let out = home.run(["sync", "-p", "u"]);
    out.expect_code(2);
    out.stderr_is("smm: profile 'u' is a useapi.net profile (api = \"useapi\"): `smm sync` needs SMM panel profiles (api = \"v2\" or \"streamdetails\"); nothing was sent\n");
}

#[test]
fn a_subscription_reports_its_free_threads_and_smm_profile_does_not_narrow_the_book() {
    let sb = SandboxProc::start(&[]);
    let sd_url = sb.url.replace("/api/v2", "/streamdetails/api/v2/");
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.v]\nurl = \"{}\"\nkey = \"sandbox\"\n[profiles.sd]\napi = \"streamdetails\"\nurl = \"{sd_url}\"\nkey = \"sandbox\"\n",
        sb.url
    ));
    let out = home.run(["sync", "--json"]);
    out.expect_code(0);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    let sd = doc["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["profile"] == "sd")
        .unwrap()
        .clone();
    assert_eq!(sd["currency"], "threads free", "{sd}");
    assert!(
        sd["balance"].as_str().unwrap().parse::<u64>().is_ok(),
        "{sd}"
    );
    // SMM_PROFILE picks the default panel; it does not filter what the book lists.
    for (profile, link) in [("v", "https://i.com/a"), ("v", "https://i.com/b")] {
        home.smm()
            .args([
                "-p",
                profile,
                "order",
                "add",
                "--service",
                "1448",
                "--link",
                link,
            ])
            .args(["--quantity", "100"])
            .run()
            .expect_code(0);
    }
    let out = home
        .smm()
        .args(["orders", "--json"])
        .env("SMM_PROFILE", "sd")
        .run();
    let orders: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(orders.as_array().unwrap().len(), 2);
    let out = home.run(["orders", "--json", "-p", "sd"]);
    let orders: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(orders.as_array().unwrap().len(), 0);
}
