//! Every panel command against a local recording panel: what was sent, what was printed,
//! which exit code came back.

use crate::common::{Home, Panel, Ran, Reply, Run, fixture, order_add};
use std::time::Duration;

#[test]
fn balance_posts_a_form_with_the_key_in_the_body_only() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let out = home.run(["balance"]);
    out.expect_code(0);
    out.stdout_is(concat!(
        "PROFILE    BALANCE  CURRENCY\n",
        "test     100.84292  USD\n",
    ));

    let reqs = panel.requests();
    assert_eq!(reqs.len(), 1);
    let r = &reqs[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.url, "/api/v2");
    assert_eq!(
        r.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        r.header("user-agent"),
        Some(concat!("smm/", env!("CARGO_PKG_VERSION")))
    );
    assert_eq!(r.field_names(), vec!["key", "action"]);
    assert_eq!(r.field("key"), Some("test-key"));
    assert_eq!(r.field("action"), Some("balance"));
    assert!(!r.url.contains("test-key"));
    out.stderr_is("");
    out.stdout_is(concat!(
        "PROFILE    BALANCE  CURRENCY\n",
        "test     100.84292  USD\n",
    ));
}

#[test]
fn json_prints_the_panels_body_as_it_came() {
    let panel = Panel::start(|_| Reply::json(fixture("balance.number.json")));
    let home = Home::with_panel(&panel);
    for args in [["--json", "balance"], ["balance", "--json"]] {
        let out = home.run(args);
        out.expect_code(0);
        assert_eq!(out.stdout, "{\"balance\":100.84292,\"currency\":\"USD\"}\n");
    }
}

#[test]
fn status_of_one_order_uses_the_single_form() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let out = home.run(["status", "23501"]);
    out.expect_code(0);
    let r = &panel.requests()[0];
    assert_eq!(r.field("action"), Some("status"));
    assert_eq!(r.field("order"), Some("23501"));
    assert_eq!(r.field("orders"), None);
    out.stdout_is(concat!(
        "ORDER  STATUS    CHARGE  START COUNT  REMAINS  CURRENCY\n",
        "23501  Partial  0.27819         3572      157  USD\n",
    ));
}

#[test]
fn status_of_several_orders_shows_per_item_errors_and_exits_3() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let out = home.run(["status", "1,10", "100"]);
    out.expect_code(3);
    let r = &panel.requests()[0];
    assert_eq!(r.field("orders"), Some("1,10,100"));
    assert_eq!(r.field("order"), None);
    let text = &out.stdout;
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[1].starts_with("1 ") && lines[1].contains("Partial"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("10 ") && lines[2].contains("Incorrect order ID"),
        "{text}"
    );
    assert!(
        lines[3].starts_with("100 ") && lines[3].contains("In progress"),
        "{text}"
    );
}

#[test]
fn two_hundred_fifty_ids_go_in_three_chunks_merged_in_input_order() {
    // Each chunk's answer lists its ids in reverse, to prove smm restores input order.
    let panel = Panel::start(|req| {
        let ids: Vec<&str> = req.field("orders").unwrap().split(',').collect();
        let items: Vec<String> = ids
            .iter()
            .rev()
            .map(|id| format!("\"{id}\":{{\"charge\":\"0.1\",\"start_count\":\"0\",\"status\":\"Pending\",\"remains\":\"{id}\",\"currency\":\"USD\"}}"))
            .collect();
        Reply::json(format!("{{{}}}", items.join(",")))
    });
    let home = Home::with_panel(&panel);
    let ids: Vec<String> = (1..=250).map(|i| (1000 - i).to_string()).collect();
    let out = home.run(["status", &ids.join(","), "--json"]);
    out.expect_code(0);
    // Chunks go out concurrently, so they may arrive in any order.
    let mut sent: Vec<String> = panel
        .actions("status")
        .iter()
        .map(|r| r.field("orders").unwrap().to_string())
        .collect();
    sent.sort_by_key(|orders| {
        ids.iter()
            .position(|id| orders.starts_with(&format!("{id},")))
    });
    let expected: Vec<String> = ids.chunks(100).map(|c| c.join(",")).collect();
    assert_eq!(sent, expected);
    let merged: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let keys: Vec<&String> = merged.as_object().unwrap().keys().collect();
    assert_eq!(keys, ids.iter().collect::<Vec<_>>());
}

#[test]
fn ids_from_a_file_and_from_stdin() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let file = home.dir.path().join("ids.txt");
    std::fs::write(&file, "1\n\n10, 100\n1\n").unwrap();
    let out = home.smm().args(["status", "--file"]).arg(&file).run();
    out.expect_code(3);
    let out = home
        .smm()
        .args(["cancel", "-"])
        .write_stdin("9 2\n9\n")
        .run();
    out.expect_code(3);
    let reqs = panel.requests();
    assert_eq!(reqs[0].field("orders"), Some("1,10,100"));
    assert_eq!(reqs[1].field("action"), Some("cancel"));
    assert_eq!(reqs[1].field("orders"), Some("9,2"));
}

#[test]
fn bad_ids_are_refused_before_anything_is_sent() {
    let panel = Panel::fixtures();
    panel.expect_none();
    let home = Home::with_panel(&panel);
    for args in [
        vec!["status", "1,abc"],
        vec!["refill", "0"],
        vec!["cancel", "99999999999999999999"],
        vec!["status", ","],
    ] {
        let out = home.run(&args);
        out.expect_code(2);
        let err = &out.stderr;
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let out = home.run(["status", "1,abc"]);
    out.stderr_is("smm: 'abc' is not a valid id: ids are positive whole numbers (like 23501), separated by commas or spaces\n");
    let out = home.run(["status"]);
    out.expect_code(2);
    out.stderr_is("smm: no ids given: pass them as arguments (1,10,100), with --file PATH, or as - to read stdin\n");
}

#[test]
fn refill_single_and_multi_forms() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let one = home.run(["refill", "7"]);
    one.expect_code(0);
    assert!(one.stdout.lines().nth(1).unwrap().starts_with("7 "));
    let many = home.run(["refill", "1,2,3"]);
    many.expect_code(3);
    let reqs = panel.actions("refill");
    assert_eq!(
        (reqs[0].field("order"), reqs[0].field("orders")),
        (Some("7"), None)
    );
    assert_eq!(
        (reqs[1].field("order"), reqs[1].field("orders")),
        (None, Some("1,2,3"))
    );
    many.stdout_is(concat!(
        "ORDER  REFILL\n",
        "1      1\n",
        "2      2\n",
        "3      error: Incorrect order ID\n",
    ));
}

#[test]
fn refill_status_uses_refill_and_refills() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let one = home.run(["refill-status", "5"]);
    one.expect_code(0);
    one.stdout_is(concat!("REFILL  STATUS\n", "5       Completed\n",));
    let many = home.run(["refill-status", "1,2,3"]);
    many.expect_code(3);
    let reqs = panel.actions("refill_status");
    assert_eq!(reqs[0].field("refill"), Some("5"));
    assert_eq!(reqs[1].field("refills"), Some("1,2,3"));
    many.stdout_is(concat!(
        "REFILL  STATUS\n",
        "1       Completed\n",
        "2       Rejected\n",
        "3       error: Refill not found\n",
    ));
}

#[test]
fn cancel_always_uses_the_multi_form() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let out = home.run(["cancel", "2"]);
    let r = &panel.requests()[0];
    assert_eq!(r.field("action"), Some("cancel"));
    assert_eq!(r.field("orders"), Some("2"));
    assert_eq!(r.field("order"), None);
    // The fixture answers for 9 (not asked for: left out) and 2 (accepted).
    out.expect_code(0);
    let text = &out.stdout;
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.lines().nth(1).unwrap().starts_with("2 ") && text.contains("requested"));
}

#[test]
fn array_answers_are_matched_to_the_ids_asked_for() {
    // Items out of order, one missing, one refused with `cancel: 0`.
    let panel = Panel::start(|_| Reply::json(r#"[{"order":3,"cancel":1},{"order":1,"cancel":0}]"#));
    let home = Home::with_panel(&panel);
    let out = home.run(["cancel", "1,2,3"]);
    out.expect_code(3);
    let text = &out.stdout;
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert!(
        rows[0].starts_with("1 ") && rows[0].contains("did not accept"),
        "{text}"
    );
    assert!(
        rows[1].starts_with("2 ") && rows[1].contains("missing"),
        "{text}"
    );
    assert!(
        rows[2].starts_with("3 ") && rows[2].contains("requested"),
        "{text}"
    );
}

#[test]
fn unreadable_status_items_are_errors_not_blank_rows() {
    let panel = Panel::start(|_| Reply::json(r#"{"1":"Incorrect","2":5,"3":null}"#));
    let home = Home::with_panel(&panel);
    let out = home.run(["status", "1,2,3"]);
    out.expect_code(3);
    assert_eq!(
        out.stdout.lines().filter(|l| l.contains("error:")).count(),
        3,
        "{}",
        out.stdout
    );
}

#[test]
fn an_order_id_wins_over_a_null_or_extra_error_field() {
    let panel = Panel::with_catalogue(|_| Reply::json(r#"{"order":23501,"error":null}"#));
    let home = Home::with_panel(&panel);
    let out = home.run(order_add("1", "https://i.com/l", &["--quantity", "10"]));
    out.expect_code(0);
    out.stdout_is(concat!(
        "ORDER  SERVICE  QUANTITY  LINK\n",
        "23501  1              10  https://i.com/l\n",
    ));
}

#[test]
fn control_characters_from_the_panel_never_reach_the_terminal() {
    let panel = Panel::start(|_| {
        Reply::json(
            r#"[{"service":1,"name":"Likes\u001b[31m\nFAKE ROW","type":"Default","category":"X","rate":"1","min":"1","max":"2"}]"#,
        )
    });
    let out = Home::with_panel(&panel).smm().arg("services").run();
    let text = &out.stdout;
    assert!(
        !text.contains('\u{1b}') && text.lines().count() == 2,
        "{text:?} {}",
        out.stderr
    );
}

#[test]
fn panel_error_exits_1_with_the_panels_text() {
    let panel = Panel::start(|_| Reply::json(fixture("error.invalid-key.json")));
    let home = Home::with_panel(&panel);
    let out = home.run(["balance"]);
    out.expect_code(1);
    let err = &out.stderr;
    out.stderr_is("smm: panel 'test' says: Invalid API key (check the key of profile 'test': smm config show)\n");
    assert_eq!(err.lines().count(), 1);
    assert!(out.stdout.is_empty());
}

#[test]
fn html_503_shows_status_and_the_start_of_the_body() {
    let panel =
        Panel::start(|_| Reply::with_status(503, "text/html", fixture("error.cloudflare.html")));
    let home = Home::with_panel(&panel);
    let out = home.run(["services"]);
    out.expect_code(1);
    let err = &out.stderr;
    out.stderr_is("smm: the panel answered HTTP 503 Service Unavailable with an HTML page, not JSON (a Cloudflare check, maintenance page or wrong url?): <!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>\n");
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn non_json_200_is_an_error() {
    let panel = Panel::start(|_| Reply::with_status(200, "text/plain", "OK"));
    let home = Home::with_panel(&panel);
    let out = home.run(["balance"]);
    out.expect_code(1);
    out.stderr_is("smm: the panel answered HTTP 200 OK with something that is not JSON: OK\n");
}

#[test]
fn timeout_says_it_timed_out_and_after_how_long() {
    let panel = Panel::start(|_| Reply::json("{}").delayed(Duration::from_secs(5)));
    let home = Home::new();
    // One attempt: this test is about the message, not the retries (tests/batches.rs).
    home.write_config(&format!(
        "[profiles.t]\nurl = \"{}\"\nkey = \"k\"\nattempts = 1\n",
        panel.url
    ));
    let out = home.run(["balance", "--timeout", "1"]);
    out.expect_code(1);
    out.stderr_like("smm: the panel did not answer within 1s (timed out; --timeout sets the limit) — profile 't' at http://127.0.0.1:PORT/api/v2, 1 attempt\n");
}

#[test]
fn connection_refused_exits_1() {
    let home = Home::new();
    // Bind then drop: the port is very likely closed now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    home.write_config(&format!(
        "[profiles.x]\nurl = \"http://127.0.0.1:{port}/api/v2\"\nkey = \"k\"\n"
    ));
    let out = home.run(["balance"]);
    out.expect_code(1);
    out.stderr_like("smm: could not connect to the panel: Connection refused (os error 111) — profile 'x' at http://127.0.0.1:PORT/api/v2, 2 attempts; check the url (`smm config show`) and that the panel is up\n");
}

#[test]
fn services_filters_are_case_insensitive_substrings() {
    let panel = Panel::start(|_| Reply::json(fixture("services.standard.json")));
    let home = Home::with_panel(&panel);
    let out = home.run(["services", "--category", "insta"]);
    out.stdout_is(concat!(
        "ID    NAME                 CATEGORY   TYPE     RATE  MIN    MAX  REFILL  CANCEL\n",
        "1448  Instagram Followers  Instagram  Default  0.90   50  10000  yes     yes\n",
    ));
    let out = home.run(["services", "--search", "COMMENTS"]);
    out.stdout_is(concat!(
        "ID    NAME               CATEGORY  TYPE             RATE  MIN   MAX  REFILL  CANCEL\n",
        "1452  Facebook Comments  Facebook  Custom Comments     8   10  1500  no      no\n",
    ));
    let out = home.run(["services", "--type", "custom"]);
    out.stdout_is(concat!(
        "ID    NAME               CATEGORY  TYPE             RATE  MIN   MAX  REFILL  CANCEL\n",
        "1452  Facebook Comments  Facebook  Custom Comments     8   10  1500  no      no\n",
    ));
    let out = home.run(["services", "--type", "default", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["service"], 1448);
    // Unknown fields are kept.
    assert_eq!(v[0]["cancel"], true);
}

#[test]
fn services_table_has_exact_rates_and_flags() {
    let panel = Panel::start(|_| Reply::json(fixture("services.strings-and-extras.json")));
    let home = Home::with_panel(&panel);
    let out = home.run(["services"]);
    out.expect_code(0);
    let text = &out.stdout;
    let header = text.lines().next().unwrap();
    for col in [
        "ID", "NAME", "CATEGORY", "TYPE", "RATE", "MIN", "MAX", "REFILL", "CANCEL",
    ] {
        assert!(header.contains(col), "{header}");
    }
    out.stdout_is(concat!(
        "ID  NAME                   CATEGORY  TYPE          RATE  MIN      MAX  REFILL  CANCEL\n",
        "1   TikTok Views [Max 5M]  TikTok    default  0.0123456  100  5000000  yes     no\n",
        "2   Telegram Poll Votes    Telegram  Poll           1.2   10   100000  no      yes\n",
    ));
}

#[test]
fn order_add_sends_every_field_and_prints_the_order_id() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let out = home
        .smm()
        .args(order_add(
            "1448",
            "https://instagram.com/p/x",
            &["--quantity", "500"],
        ))
        .args(["--runs", "2", "--interval", "30"])
        .run();
    out.expect_code(0);
    out.stdout_is(concat!(
        "ORDER  SERVICE  QUANTITY  LINK\n",
        "23501  1448          500  https://instagram.com/p/x\n",
    ));
    let r = &panel.actions("add")[0];
    assert_eq!(
        r.field_names(),
        vec![
            "key", "action", "service", "link", "quantity", "runs", "interval"
        ]
    );
    assert_eq!(r.field("action"), Some("add"));
    assert_eq!(r.field("link"), Some("https://instagram.com/p/x"));
    assert_eq!(r.field("quantity"), Some("500"));
    assert_eq!(r.field("runs"), Some("2"));
    assert_eq!(r.field("interval"), Some("30"));
}

#[test]
fn order_add_reads_answer_variants() {
    for name in ["add.string.json", "add.wrapped.json"] {
        let body = fixture(name);
        let panel = Panel::with_catalogue(move |_| Reply::json(body.clone()));
        let home = Home::with_panel(&panel);
        let out = home.run(order_add("1", "https://i.com/l", &["--quantity", "10"]));
        out.expect_code(0);
        out.stdout_is(concat!(
            "ORDER  SERVICE  QUANTITY  LINK\n",
            "23501  1              10  https://i.com/l\n",
        ));
    }
}

#[test]
fn list_fields_are_sent_newline_separated_from_text_or_file() {
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    let home = Home::with_panel(&panel);
    let comments = home.dir.path().join("comments.txt");
    std::fs::write(&comments, "Great post, really\n\nLove it\n").unwrap();
    let out = home
        .smm()
        .args(order_add("2", "https://fb.com/p", &[]))
        .arg(format!("--comments=@{}", comments.display()))
        .args(["--usernames", "alice,bob\ncarol"])
        .run();
    out.expect_code(0);
    let r = &panel.actions("add")[0];
    assert_eq!(r.field("comments"), Some("Great post, really\nLove it"));
    assert_eq!(r.field("usernames"), Some("alice\nbob\ncarol"));
}

#[test]
fn order_add_type_fields_use_the_api_names() {
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    let home = Home::with_panel(&panel);
    let out = home
        .smm()
        .args([
            "order",
            "add",
            "--service",
            "9",
            "--username",
            "someone",
            "--min",
            "10",
            "--max",
            "20",
        ])
        .args([
            "--posts",
            "3",
            "--old-posts",
            "1",
            "--delay",
            "30",
            "--expiry",
            "31/12/2026",
        ])
        .run();
    out.expect_code(0);
    let r = &panel.actions("add")[0];
    assert_eq!(
        r.field_names(),
        vec![
            "key",
            "action",
            "service",
            "username",
            "min",
            "max",
            "posts",
            "old_posts",
            "delay",
            "expiry"
        ]
    );
    let out = home
        .smm()
        .args(order_add("1", "https://site", &["--quantity", "100"]))
        .args([
            "--country",
            "US",
            "--device",
            "5",
            "--type-of-traffic",
            "1",
            "--google-keyword",
            "smm panel",
        ])
        .args([
            "--answer-number",
            "2",
            "--hashtag",
            "#x",
            "--media",
            "https://m",
        ])
        .run();
    out.expect_code(0);
    let r = &panel.actions("add")[1];
    assert_eq!(r.field("type_of_traffic"), Some("1"));
    assert_eq!(r.field("google_keyword"), Some("smm panel"));
    assert_eq!(r.field("device"), Some("5"));
    assert_eq!(r.field("answer_number"), Some("2"));
    assert_eq!(r.field("hashtag"), Some("#x"));
}

#[test]
fn order_add_bad_input_sends_nothing() {
    let panel = Panel::fixtures();
    panel.expect_none();
    let home = Home::with_panel(&panel);
    let cases: Vec<Vec<&str>> = vec![
        vec!["order", "add", "--service", "1", "--quantity", "10"],
        order_add("1", "https://i.com/l", &["--quantity", "0"]),
        order_add("1", "https://i.com/l", &["--runs", "2"]),
        order_add("x", "https://i.com/l", &[]),
        order_add("1", "https://i.com/l", &["--device", "9"]),
        order_add("1", "https://i.com/l", &["--expiry", "2026-12-31"]),
        order_add("1", "https://i.com/l", &["--type-of-traffic", "2"]),
        order_add(
            "1",
            "https://i.com/l",
            &["--comments", "@/nonexistent/file"],
        ),
    ];
    for args in cases {
        let out = home.run(&args);
        out.expect_code(2);
    }
}

#[test]
fn dry_run_prices_the_order_and_sends_no_add() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let out = home.run(order_add(
        "1448",
        "https://i.com/p",
        &[
            "--quantity",
            "500",
            "--runs",
            "3",
            "--interval",
            "10",
            "--dry-run",
        ],
    ));
    out.expect_code(0);
    // 0.90 × 500 / 1000 × 3 = 1.35; balance 100.84292 − 1.35 = 99.49292
    out.stdout_is(concat!(
        "SERVICE   1448 Instagram Followers\n",
        "TYPE      Default\n",
        "LINK      https://i.com/p\n",
        "QUANTITY  500\n",
        "RUNS      3\n",
        "INTERVAL  10\n",
        "RATE      0.90 per 1000\n",
        "COST      1.35 USD\n",
        "BALANCE   100.84292 USD\n",
        "AFTER     99.49292 USD\n",
    ));
    assert!(panel.actions("add").is_empty());
    assert_eq!(panel.actions("services").len(), 1);
    assert_eq!(panel.actions("balance").len(), 1);

    let out = home.run(order_add(
        "1448",
        "https://i.com/l",
        &["--quantity", "500", "--dry-run", "--json"],
    ));
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["cost"], "0.45");
    assert_eq!(v["balance"], "100.84292");
    assert!(panel.actions("add").is_empty());
}

#[test]
fn dry_run_checks_service_quantity_and_type_fields() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let cases = [
        (
            vec![
                "--service",
                "999",
                "--link",
                "https://i.com/l",
                "--quantity",
                "100",
            ],
            "not in",
        ),
        (
            vec![
                "--service",
                "1448",
                "--link",
                "https://i.com/l",
                "--quantity",
                "10",
            ],
            "minimum of 50",
        ),
        (
            vec![
                "--service",
                "1448",
                "--link",
                "https://i.com/l",
                "--quantity",
                "20000",
            ],
            "maximum of 10000",
        ),
        (
            vec!["--service", "1448", "--link", "https://i.com/l"],
            "--quantity",
        ),
        (
            vec!["--service", "1452", "--link", "https://i.com/l"],
            "--comments",
        ),
    ];
    for (args, expected) in cases {
        let out = home
            .smm()
            .args(["order", "add", "--dry-run"])
            .args(&args)
            .run();
        out.expect_code(2);
        assert!(out.stderr.contains(expected), "{args:?}: {}", out.stderr);
    }
    // Custom Comments: the quantity is the number of comments (10 lines, min 10).
    let comments: Vec<String> = (1..=10).map(|i| format!("comment {i}")).collect();
    let out = home.run(order_add(
        "1452",
        "https://i.com/l",
        &["--dry-run", "--comments", &comments.join("\n")],
    ));
    out.expect_code(0);
    // rate 8 × 10 / 1000 = 0.08
    out.stdout_is(concat!(
        "SERVICE   1452 Facebook Comments\n",
        "TYPE      Custom Comments\n",
        "LINK      https://i.com/l\n",
        "COMMENTS  10 items\n",
        "RATE      8 per 1000\n",
        "COST      0.08 USD\n",
        "BALANCE   100.84292 USD\n",
        "AFTER     100.76292 USD\n",
    ));
    assert!(panel.actions("add").is_empty());
}

#[test]
fn dry_run_with_too_little_balance_exits_1() {
    let panel = Panel::start(|req| match req.field("action") {
        Some("balance") => Reply::json(r#"{"balance":"0.10","currency":"USD"}"#),
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::with_panel(&panel);
    let out = home.run(order_add(
        "1448",
        "https://i.com/l",
        &["--dry-run", "--quantity", "1000"],
    ));
    out.expect_code(1);
    out.stderr_is(concat!(
        "smm: dry run — no order was placed\n",
        "smm: the balance (0.10 USD) does not cover the cost (0.90 USD): top up the account before ordering\n",
    ));
}

#[test]
fn add_timeout_says_the_order_may_exist() {
    let panel =
        Panel::with_catalogue(|_| Reply::json(r#"{"order":1}"#).delayed(Duration::from_secs(5)));
    let home = Home::with_panel(&panel);
    let out = home.run(order_add(
        "1",
        "https://i.com/l",
        &["--quantity", "10", "--timeout", "1"],
    ));
    out.expect_code(1);
    out.stderr_like("smm: the order may or may not have been placed: check the panel's order list (or `smm status` with a recent order id; `smm orders` shows it as unknown) before running the same command again: the panel did not answer within 1s (timed out; --timeout sets the limit) — profile 'test' at http://127.0.0.1:PORT/api/v2, 1 attempt\n");
    assert_eq!(panel.actions("add").len(), 1);
}

#[test]
fn verbose_logs_each_request_with_the_key_masked() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let out = home.run(["-v", "status", "1,10"]);
    let err = &out.stderr;
    assert!(
        err.contains("> POST") && err.contains(&panel.url) && err.contains("action=status"),
        "{err}"
    );
    assert!(
        err.contains("orders=1,10") && err.contains("key=****"),
        "{err}"
    );
    assert!(err.contains("< HTTP 200") && err.contains(" ms"), "{err}");
    assert!(!err.contains("test-key"));
}

#[test]
fn user_agent_can_be_overridden_per_profile() {
    let panel = Panel::fixtures();
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.a]\nurl = \"{}\"\nkey = \"k\"\nuser_agent = \"Mozilla/5.0 test\"\n",
        panel.url
    ));
    let out = home.run(["balance"]);
    out.expect_code(0);
    assert_eq!(
        panel.requests()[0].header("user-agent"),
        Some("Mozilla/5.0 test")
    );
}

#[test]
fn a_failing_chunk_becomes_per_item_errors() {
    let panel = Panel::start(|req| {
        let ids = req.field("orders").unwrap();
        if ids.starts_with("101,") {
            Reply::with_status(502, "text/html", "<html>Bad gateway</html>")
        } else {
            let items: Vec<String> = ids
                .split(',')
                .map(|id| format!("{{\"order\":{id},\"cancel\":1}}"))
                .collect();
            Reply::json(format!("[{}]", items.join(",")))
        }
    });
    let home = Home::with_panel(&panel);
    let ids: Vec<String> = (1..=150).map(|i| i.to_string()).collect();
    let out = home.run(["cancel", &ids.join(",")]);
    out.expect_code(3);
    let text = &out.stdout;
    assert_eq!(
        text.lines().filter(|l| l.contains("requested")).count(),
        100
    );
    assert_eq!(text.lines().filter(|l| l.contains("502")).count(), 50);
}

#[test]
fn closed_pipe_is_not_an_error() {
    let body: String = {
        let items: Vec<String> = (1..=5000)
            .map(|i| format!("{{\"service\":{i},\"name\":\"Service {i}\",\"type\":\"Default\",\"category\":\"C\",\"rate\":\"1\",\"min\":\"1\",\"max\":\"10\"}}"))
            .collect();
        format!("[{}]", items.join(","))
    };
    let panel = Panel::start(move |_| Reply::json(body.clone()));
    let home = Home::with_panel(&panel);
    // The reader goes away before smm has printed: it stops quietly, exit 0.
    let mut child = home
        .command()
        .arg("services")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = Ran::new("smm services".into(), child.wait_with_output().unwrap());
    out.expect(0, "", "");
}
