//! Machine-readable output read back by real parsers: `--format csv|tsv` through the `csv`
//! crate (a header row of the table's column names, one record per row, every record as wide
//! as the header), `--json` through serde_json (a single panel's body byte for byte; smm's own
//! documents for `--all`, `orders`, bulk orders and `watch`).

use crate::common::{
    Home, JOURNAL, Panel, Reply, Run, SandboxProc, fixture, fixture_reply, invalid_key_panel,
    order_add,
};
use serde_json::{Value, json};

/// The error `invalid_key_panel` gives profile `beta`.
const BETA_ERROR: &str =
    "panel 'beta' says: Invalid API key (check the key of profile 'beta': smm config show)";

/// Parses delimited text with the csv crate: the header and every record. Records of another
/// width than the header are an error of the reader (it is not flexible).
fn parse(text: &str, delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap_or_else(|e| panic!("header: {e}: {text}"))
        .iter()
        .map(str::to_string)
        .collect();
    let records = reader
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("record: {e}: {text}"))
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, records)
}

/// Runs `smm ARGS --format csv` and `--format tsv`, expects `code`, and checks that both parse
/// to exactly `header` and `rows`.
fn check_delimited(home: &Home, args: &[&str], code: i32, header: &[&str], rows: &[Vec<&str>]) {
    for (format, delimiter) in [("csv", b','), ("tsv", b'\t')] {
        let out = home.smm().args(args).args(["--format", format]).run();
        assert_eq!(out.code, Some(code), "{args:?} {format}: {}", out.stderr);
        let (got_header, records) = parse(&out.stdout, delimiter);
        assert_eq!(got_header, header, "{args:?} {format}");
        assert_eq!(
            records.len(),
            rows.len(),
            "{args:?} {format}: one record per row"
        );
        for (record, row) in records.iter().zip(rows) {
            assert_eq!(record.len(), header.len(), "{args:?} {format}: {record:?}");
            assert_eq!(record, row, "{args:?} {format}");
        }
    }
}

/// `smm ARGS --json`: expects `code` and returns stdout, which must be one line.
fn json_text(home: &Home, args: &[&str], code: i32) -> String {
    let out = home.smm().args(args).arg("--json").run();
    assert_eq!(out.code, Some(code), "{args:?}: {}", out.stderr);
    out.stdout
}

/// One JSON document and nothing else.
fn one_document(text: &str) -> Value {
    let mut docs = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let doc = docs
        .next()
        .unwrap_or_else(|| panic!("no JSON: {text}"))
        .unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    assert!(docs.next().is_none(), "more than one JSON document: {text}");
    doc
}

const STATUS_HEADER: [&str; 6] = [
    "ORDER",
    "STATUS",
    "CHARGE",
    "START COUNT",
    "REMAINS",
    "CURRENCY",
];

#[test]
fn single_panel_tables_parse_as_csv_and_tsv() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    check_delimited(
        &home,
        &["balance"],
        0,
        &["PROFILE", "BALANCE", "CURRENCY"],
        &[vec!["test", "100.84292", "USD"]],
    );
    check_delimited(
        &home,
        &["services"],
        0,
        &[
            "ID", "NAME", "CATEGORY", "TYPE", "RATE", "MIN", "MAX", "REFILL", "CANCEL",
        ],
        &[
            vec![
                "1448",
                "Instagram Followers",
                "Instagram",
                "Default",
                "0.90",
                "50",
                "10000",
                "yes",
                "yes",
            ],
            vec![
                "1452",
                "Facebook Comments",
                "Facebook",
                "Custom Comments",
                "8",
                "10",
                "1500",
                "no",
                "no",
            ],
        ],
    );
    check_delimited(
        &home,
        &["status", "1,10,100"],
        3,
        &STATUS_HEADER,
        &[
            vec!["1", "Partial", "0.27819", "3572", "157", "USD"],
            vec!["10", "error: Incorrect order ID", "", "", "", ""],
            vec!["100", "In progress", "1.44219", "234", "10", "USD"],
        ],
    );
    check_delimited(
        &home,
        &["refill", "1,2,3"],
        3,
        &["ORDER", "REFILL"],
        &[
            vec!["1", "1"],
            vec!["2", "2"],
            vec!["3", "error: Incorrect order ID"],
        ],
    );
    check_delimited(
        &home,
        &["refill-status", "1,2,3"],
        3,
        &["REFILL", "STATUS"],
        &[
            vec!["1", "Completed"],
            vec!["2", "Rejected"],
            vec!["3", "error: Refill not found"],
        ],
    );
    check_delimited(
        &home,
        &["cancel", "9,2"],
        3,
        &["ORDER", "CANCEL"],
        &[
            vec!["9", "error: Incorrect order ID"],
            vec!["2", "requested"],
        ],
    );
}

#[test]
fn json_of_a_single_panel_is_its_body_byte_for_byte() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    for (args, code, file) in [
        (vec!["balance"], 0, "balance.standard.json"),
        (vec!["services"], 0, "services.standard.json"),
        (vec!["status", "1"], 0, "status.one.json"),
        (vec!["status", "1,10,100"], 3, "status.many.json"),
        (vec!["refill", "7"], 0, "refill.one.json"),
        (vec!["refill", "1,2,3"], 3, "refill.many.json"),
        (vec!["refill-status", "1,2,3"], 3, "refill_status.many.json"),
        (vec!["cancel", "9,2"], 3, "cancel.many.json"),
    ] {
        let text = json_text(&home, &args, code);
        assert_eq!(text, format!("{}\n", fixture(file).trim_end()), "{args:?}");
        one_document(&text);
    }
}

#[test]
fn the_journal_parses_as_csv_tsv_and_json() {
    let home = Home::new();
    home.write_journal(JOURNAL);
    check_delimited(
        &home,
        &["orders"],
        0,
        &[
            "PLACED", "PROFILE", "SERVICE", "QUANTITY", "LINK", "COST", "OUTCOME", "STATUS",
            "CHARGE", "CURRENCY",
        ],
        &[
            vec![
                "2026-01-01 00:00 UTC",
                "test",
                "1448",
                "500",
                "https://instagram.com/p/abc",
                "0.45",
                "order 23501",
                "Completed",
                "",
                "",
            ],
            vec![
                "2026-01-01 01:00 UTC",
                "test",
                "1448",
                "1000",
                "https://i.com/p?a=1,2",
                "1.80",
                "order 23502",
                "",
                "",
                "",
            ],
            vec![
                "2026-01-01 02:00 UTC",
                "test",
                "1452",
                // Two comments: the quantity of a comment order.
                "2",
                "https://fb.com/post/1",
                "0.016",
                "refused: Not enough funds on balance",
                "",
                "",
                "",
            ],
            vec![
                "2026-01-01 03:00 UTC",
                "other",
                "9",
                "",
                "",
                "",
                "unknown: check the panel's order list",
                "",
                "",
                "",
            ],
            vec![
                "2026-01-01 04:00 UTC",
                "test",
                "1448",
                "100",
                "https://i.com/q",
                "0.09",
                "no answer recorded (smm stopped?): check the panel",
                "",
                "",
                "",
            ],
        ],
    );
    let doc = one_document(&json_text(&home, &["orders"], 0));
    let entries = doc.as_array().expect("an array of entries");
    let field = |key: &str| -> Vec<Value> { entries.iter().map(|e| e[key].clone()).collect() };
    assert_eq!(
        field("id"),
        vec![
            json!("a1"),
            json!("a2"),
            json!("a3"),
            json!("a4"),
            json!("a5")
        ]
    );
    assert_eq!(field("created")[0], json!("2026-01-01T00:00:00Z"));
    assert_eq!(
        field("outcome"),
        vec![
            json!("placed"),
            json!("placed"),
            json!("refused"),
            json!("unknown"),
            json!("unknown")
        ]
    );
    assert_eq!(
        field("order"),
        vec![
            json!("23501"),
            json!("23502"),
            Value::Null,
            Value::Null,
            Value::Null
        ]
    );
    assert_eq!(field("status")[0], json!("Completed"));
    assert_eq!(field("error")[2], json!("Not enough funds on balance"));
    assert_eq!(field("fields")[1], json!({"interval": "30", "runs": "2"}));
    assert_eq!(field("cost")[1], json!("1.8"), "money stays text");
    assert_eq!(field("link")[3], Value::Null);
}

#[test]
fn every_profile_at_once_parses_with_its_error_row_padded() {
    let (good, bad) = (Panel::fixtures(), invalid_key_panel());
    let home = Home::with_profiles(&[("alpha", &good), ("beta", &bad)]);
    check_delimited(
        &home,
        &["balance", "--all"],
        3,
        &["PROFILE", "BALANCE", "CURRENCY"],
        &[
            vec!["alpha", "100.84292", "USD"],
            vec!["beta", &format!("error: {BETA_ERROR}"), ""],
        ],
    );
    let beta_row = [
        "beta",
        "",
        &format!("error: {BETA_ERROR}"),
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ];
    check_delimited(
        &home,
        &["services", "--all"],
        3,
        &[
            "PROFILE", "ID", "NAME", "TYPE", "RATE", "CURRENCY", "MIN", "MAX", "REFILL", "CANCEL",
        ],
        &[
            vec![
                "alpha",
                "1448",
                "Instagram Followers",
                "Default",
                "0.90",
                "USD",
                "50",
                "10000",
                "yes",
                "yes",
            ],
            vec![
                "alpha",
                "1452",
                "Facebook Comments",
                "Custom Comments",
                "8",
                "USD",
                "10",
                "1500",
                "no",
                "no",
            ],
            beta_row.to_vec(),
        ],
    );
    let balances = one_document(&json_text(&home, &["balance", "--all"], 3));
    let fixture_balance: Value = serde_json::from_str(&fixture("balance.standard.json")).unwrap();
    assert_eq!(
        balances,
        json!({"alpha": fixture_balance, "beta": {"error": BETA_ERROR}})
    );
    let services = one_document(&json_text(&home, &["services", "--all"], 3));
    let fixture_services: Value = serde_json::from_str(&fixture("services.standard.json")).unwrap();
    assert_eq!(
        services,
        json!({"alpha": fixture_services, "beta": {"error": BETA_ERROR}})
    );
}

#[test]
fn bulk_orders_with_json_print_one_document() {
    let next = std::sync::atomic::AtomicU64::new(23501);
    let panel = Panel::start(move |req| match req.field("action") {
        Some("add") if req.field("link") == Some("https://i.com/refused") => {
            Reply::json(r#"{"error":"Incorrect link"}"#)
        }
        Some("add") => Reply::json(
            json!({"order": next.fetch_add(1, std::sync::atomic::Ordering::SeqCst)}).to_string(),
        ),
        _ => fixture_reply(req),
    });
    let home = Home::with_panel(&panel);
    let file = home.dir.path().join("orders.txt");
    std::fs::write(
        &file,
        "1448|https://i.com/a|500\n1448|https://i.com/refused|100\n\n1452|https://fb.com/p|10\n",
    )
    .unwrap();
    let file = file.display().to_string();
    let out = home.run(["order", "add", "--file", &file, "--json", "--dry-run"]);
    // 1452 needs comments
    out.expect_code(2);
    assert!(out.stdout.is_empty(), "a refused file prints no JSON");
    std::fs::write(
        &file,
        "1448|https://i.com/a|500\n1448|https://i.com/refused|100\n\n1448|https://i.com/b|1000\n",
    )
    .unwrap();
    let text = json_text(&home, &["order", "add", "--file", &file, "--dry-run"], 0);
    let dry = one_document(&text);
    assert_eq!(dry["dry_run"], json!(true));
    assert_eq!(dry["orders"], json!(3));
    // 0.45 + 0.09 + 0.90, exact, as text.
    assert_eq!(dry["total_cost"], json!("1.44"));
    assert_eq!(
        dry["lines"],
        json!([
            {"line": 1, "service": 1448, "quantity": 500, "link": "https://i.com/a",
             "cost": "0.45", "result": "to place", "order": null, "error": null},
            {"line": 2, "service": 1448, "quantity": 100, "link": "https://i.com/refused",
             "cost": "0.09", "result": "to place", "order": null, "error": null},
            {"line": 4, "service": 1448, "quantity": 1000, "link": "https://i.com/b",
             "cost": "0.90", "result": "to place", "order": null, "error": null},
        ])
    );
    assert!(panel.actions("add").is_empty());

    let text = json_text(&home, &["order", "add", "--file", &file, "--yes"], 3);
    assert_eq!(text.lines().count(), 1, "{text}");
    let report = one_document(&text);
    assert_eq!(report["dry_run"], json!(false));
    assert_eq!(
        (report["placed"].clone(), report["failed"].clone()),
        (json!(2), json!(1))
    );
    assert_eq!(report["currency"], json!("USD"));
    assert_eq!(report["balance"], json!("100.84292"));
    assert_eq!(
        report["lines"],
        json!([
            {"line": 1, "service": 1448, "quantity": 500, "link": "https://i.com/a",
             "cost": "0.45", "result": "placed", "order": "23501", "error": null},
            {"line": 2, "service": 1448, "quantity": 100, "link": "https://i.com/refused",
             "cost": "0.09", "result": "failed", "order": null,
             "error": report["lines"][1]["error"].clone()},
            {"line": 4, "service": 1448, "quantity": 1000, "link": "https://i.com/b",
             "cost": "0.90", "result": "placed", "order": "23502", "error": null},
        ])
    );
    let error = report["lines"][1]["error"].as_str().unwrap();
    assert!(error.contains("Incorrect link"), "{error}");
    assert_eq!(panel.actions("add").len(), 3);
}

#[test]
fn watch_with_json_prints_one_document_per_poll() {
    // 1 real second = 600 virtual seconds: an order is done in about 3 s, time enough for the
    // first poll to find both unfinished on a loaded machine.
    let sb = SandboxProc::start(&["--speed", "600"]);
    let home = sb.home("sandbox");
    for (link, quantity) in [("https://i.com/a", "100"), ("https://i.com/b", "200")] {
        home.smm()
            .args(order_add("1448", link, &[]))
            .args(["--quantity", quantity])
            .run()
            .expect_code(0);
    }
    let text = json_text(&home, &["watch", "23501,23502,7", "--every", "1s"], 3);
    let polls: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(polls.len() >= 2, "polled until done: {text}");
    for poll in &polls {
        let time = poll["time"].as_str().unwrap();
        assert!(
            time.len() == 20 && time.ends_with('Z') && time.as_bytes()[10] == b'T',
            "RFC 3339 UTC: {time}"
        );
        assert_eq!(poll["total"], json!(3));
        let orders = poll["orders"].as_array().unwrap();
        let ids: Vec<&str> = orders
            .iter()
            .map(|o| o["order"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["23501", "23502", "7"]);
        assert_eq!(orders[2]["error"], json!("Incorrect order ID"));
        assert_eq!(
            poll["done"].as_u64().unwrap() as usize,
            orders
                .iter()
                .filter(|o| !o["error"].is_null() || o["status"] == "Completed")
                .count()
        );
    }
    // Each order's status only moves forward from one poll to the next, from unfinished at the
    // first (Pending or In progress: which one depends on how fast this machine is) to Completed.
    let stages = ["Pending", "In progress", "Completed"];
    for order in 0..2 {
        let seen: Vec<usize> = polls
            .iter()
            .map(|poll| {
                let status = poll["orders"][order]["status"].as_str().unwrap_or_default();
                stages.iter().position(|s| *s == status).expect(status)
            })
            .collect();
        assert!(seen[0] < 2 && seen.is_sorted(), "{text}");
    }
    let last = polls.last().unwrap();
    assert_eq!(last["done"], json!(3));
    assert_eq!(last["orders"][0]["status"], json!("Completed"));
    // 0.90 × 100 / 1000 and × 200 / 1000: money as exact text.
    assert_eq!(last["orders"][0]["charge"], json!("0.09"));
    assert_eq!(last["orders"][1]["charge"], json!("0.18"));
    assert_eq!(last["orders"][1]["remains"], json!(0));
}
