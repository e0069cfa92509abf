//! Routes: one order over several providers (`order add --route`, a bulk file's route column,
//! `smm routes`, sync's route alerts), against several sandbox panels moved through /control,
//! and test panels where a panel must time out or refuse about the link.

use crate::common::{Home, Panel, Reply, SandboxProc};
use std::time::Duration;

/// Sends a /control action to a sandbox.
fn control(sb: &SandboxProc, body: &str) {
    let (status, _, answer) = sb.raw(
        "POST",
        "/control",
        "application/x-www-form-urlencoded",
        body,
    );
    assert_eq!(status, 200, "{body}: {answer}");
}

/// A home with one profile per `(name, sandbox)` and `routes` (TOML) after them.
fn home(panels: &[(&str, &SandboxProc)], routes: &str) -> Home {
    let home = Home::new();
    let mut text = String::new();
    for (name, sb) in panels {
        text.push_str(&format!(
            "[profiles.{name}]\nurl = \"{}\"\nkey = \"sandbox\"\n",
            sb.url
        ));
    }
    text.push_str(routes);
    home.write_config(&text);
    home
}

/// Three sandboxes: `a` at the seed rate 0.90, `b` at 0.50 but 0.10 left, `c` at 0.70.
fn three() -> (SandboxProc, SandboxProc, SandboxProc) {
    let (a, b, c) = (
        SandboxProc::start(&[]),
        SandboxProc::start(&[]),
        SandboxProc::start(&[]),
    );
    control(&b, "action=rate&service=1448&rate=0.50");
    control(&b, "action=balance&amount=0.10");
    control(&c, "action=rate&service=1448&rate=0.70");
    (a, b, c)
}

const ROUTE: &str =
    "[routes.ig]\ncandidates = [\"a:1448\", \"b:1448\", \"c:1448\"]\nsell = \"0.80\"\n";

/// The book's rows as (profile, outcome, route, panel order).
fn book(home: &Home) -> Vec<(String, String, String, String)> {
    let text = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
    home.orders()
        .iter()
        .map(|o| {
            (
                text(&o["profile"]),
                text(&o["outcome"]),
                text(&o["route"]),
                text(&o["panel_order"]),
            )
        })
        .collect()
}

fn row(p: &str, outcome: &str, route: &str, order: &str) -> (String, String, String, String) {
    (p.into(), outcome.into(), route.into(), order.into())
}

#[test]
fn the_cheapest_that_can_take_it_is_picked_and_one_short_of_funds_skipped() {
    let (a, b, c) = three();
    let home = home(&[("a", &a), ("b", &b), ("c", &c)], ROUTE);
    let add = [
        "order",
        "add",
        "--route",
        "ig",
        "--link",
        "https://i.com/p",
        "--quantity",
        "500",
    ];
    let dry: Vec<&str> = add.iter().copied().chain(["--dry-run"]).collect();
    home.run(&dry)
        .expect_code(0)
        .stdout_golden("routes/dry_run.txt")
        .stderr_is("smm: dry run — route 'ig' would place it on c:1448; no order was placed\n");
    assert!(book(&home).is_empty(), "a dry run sends nothing");
    home.run(add)
        .expect_code(0)
        .stdout_golden("routes/placed.txt")
        .stderr_is("smm: route 'ig': placed on c:1448 as order 23501, cost 0.35 USD\n");
    assert_eq!(book(&home), [row("c", "placed", "ig", "23501")]);
    let json: Vec<&str> = ["--json"]
        .into_iter()
        .chain(add.iter().copied())
        .chain(["--force"])
        .collect();
    let doc = home.run(&json).expect_code(0).json();
    assert_eq!(
        (&doc["result"], &doc["profile"], &doc["order"], &doc["cost"]),
        (
            &"placed".into(),
            &"c".into(),
            &"23502".into(),
            &"0.35".into()
        )
    );
    assert_eq!(
        doc["candidates"][1]["reason"],
        "balance 0.10 USD does not cover the cost 0.25 USD"
    );
    assert_eq!(doc["candidates"][1]["available"], false);
    assert_eq!(doc["candidates"][0]["rank"], 2);
}

#[test]
fn pick_order_takes_the_first_that_can_and_max_rate_caps_the_rate() {
    let (a, b, c) = three();
    let routes = "[routes.ig]\ncandidates = [\"b:1448\", \"c:1448\", \"a:1448\"]\npick = \"order\"\n\
        [routes.capped]\ncandidates = [\"a:1448\", \"c:1448\"]\nmax_rate = \"0.60\"\n";
    let home = home(&[("a", &a), ("b", &b), ("c", &c)], routes);
    let add = |route: &'static str| {
        [
            "order",
            "add",
            "--route",
            route,
            "--link",
            "https://i.com/o",
            "--quantity",
            "500",
        ]
    };
    // b comes first but is short of funds: c, the next in order, although a is not dearer here.
    home.run(add("ig"))
        .expect_code(0)
        .stderr_is("smm: route 'ig': placed on c:1448 as order 23501, cost 0.35 USD\n");
    home.run(add("capped")).expect(
        1,
        "",
        "smm: route 'capped': no candidate can take this order; nothing was sent:\n\
         smm:   a:1448: rate 0.90 above max_rate 0.60\n\
         smm:   c:1448: rate 0.70 above max_rate 0.60\n",
    );
    assert_eq!(book(&home), [row("c", "placed", "ig", "23501")]);
}

#[test]
fn a_refusal_moves_on_to_the_next_with_both_attempts_in_the_book() {
    let (a, c) = (SandboxProc::start(&[]), SandboxProc::start(&[]));
    control(&a, "action=rate&service=1448&rate=0.50");
    let home = home(
        &[("a", &a), ("c", &c)],
        "[routes.ig]\ncandidates = [\"a:1448\", \"c:1448\"]\n",
    );
    // The catalogues are cached; then a drops the service: its panel refuses the order.
    home.run(["routes"]).expect_code(0);
    control(&a, "action=remove&service=1448");
    home.run([
        "order",
        "add",
        "--route",
        "ig",
        "--link",
        "https://i.com/r",
        "--quantity",
        "100",
    ])
    .expect_code(0)
    .stdout_golden("routes/moved_on.txt")
    .stderr_is("smm: route 'ig': placed on c:1448 as order 23501, cost 0.09 USD\n");
    assert_eq!(
        book(&home),
        [
            row("a", "refused", "ig", ""),
            row("c", "placed", "ig", "23501")
        ]
    );
    home.run(["orders", "--by", "route"])
        .expect_code(0)
        .stdout_golden("routes/orders_by_route.txt");
    let listed = home
        .run(["orders", "--route", "ig", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 2);
}

/// A test panel with the test catalogue, a balance, and `add` answered by `add`.
fn panel(add: impl Fn() -> Reply + Send + Sync + 'static) -> Panel {
    Panel::with_catalogue(move |req| match req.field("action") {
        Some("balance") => Reply::json(r#"{"balance":"100.00","currency":"USD"}"#),
        Some("add") => add(),
        _ => Reply::json(r#"{"error":"Incorrect request"}"#),
    })
}

#[test]
fn a_timeout_never_reaches_a_second_panel() {
    let slow = panel(|| Reply::json(r#"{"order":1}"#).delayed(Duration::from_secs(3)));
    let other = panel(|| Reply::json(r#"{"order":2}"#));
    let home = Home::with_profiles(&[("slow", &slow), ("other", &other)]);
    let config = std::fs::read_to_string(home.config()).unwrap();
    home.write_config(&format!(
        "{config}\n[routes.ig]\ncandidates = [\"slow:1448\", \"other:1\"]\n"
    ));
    home.run([
        "order",
        "add",
        "--route",
        "ig",
        "--link",
        "https://i.com/t",
        "--quantity",
        "100",
        "--timeout",
        "1",
    ])
    .expect_code(1)
    .stdout_golden("routes/timeout.txt")
    .stderr_has("smm: route 'ig': no clear answer from slow:1448 (")
    .stderr_has("so no other provider was asked");
    let adds = slow.actions("add").len() + other.actions("add").len();
    assert_eq!(adds, 1, "exactly one add sent in all");
    assert_eq!(slow.actions("add").len(), 1);
    assert_eq!(book(&home), [row("slow", "unknown", "ig", "")]);
    // The unknown order guards the route: not sent again, anywhere.
    home.run([
        "order",
        "add",
        "--route",
        "ig",
        "--link",
        "https://i.com/t",
        "--quantity",
        "100",
    ])
    .expect_code(2)
    .stderr_has("refusing a duplicate: an order whose outcome is unknown");
    assert_eq!(slow.actions("add").len() + other.actions("add").len(), 1);
}

#[test]
fn a_refusal_about_the_link_stops_the_route() {
    let first = panel(|| {
        Reply::json(
            r#"{"error":"You have active order with this link. Please wait until order being completed."}"#,
        )
    });
    let second = panel(|| Reply::json(r#"{"order":2}"#));
    let home = Home::with_profiles(&[("first", &first), ("second", &second)]);
    let config = std::fs::read_to_string(home.config()).unwrap();
    home.write_config(&format!(
        "{config}\n[routes.ig]\ncandidates = [\"first:1448\", \"second:1\"]\n"
    ));
    home.run([
        "order",
        "add",
        "--route",
        "ig",
        "--link",
        "https://i.com/l",
        "--quantity",
        "100",
    ])
    .expect_code(1)
    .stdout_golden("routes/link_refused.txt")
    .stderr_is(
        "smm: route 'ig': first:1448 refused it about the link: You have active order with this \
             link. Please wait until order being completed.; no other provider was asked\n",
    );
    assert_eq!(
        (first.actions("add").len(), second.actions("add").len()),
        (1, 0)
    );
    assert_eq!(book(&home), [row("first", "refused", "ig", "")]);
}

#[test]
fn the_duplicate_guard_spans_the_route() {
    let (a, c) = (SandboxProc::start(&[]), SandboxProc::start(&[]));
    control(&c, "action=rate&service=1448&rate=0.50");
    let home = home(
        &[("a", &a), ("c", &c)],
        "[routes.ig]\ncandidates = [\"a:1448\", \"c:1448\"]\n",
    );
    // Placed directly on a (the dearer candidate): the route, which would pick c, refuses it.
    home.run([
        "-p",
        "a",
        "order",
        "add",
        "--service",
        "1448",
        "--link",
        "https://i.com/g",
        "--quantity",
        "100",
    ])
    .expect_code(0);
    let route = [
        "order",
        "add",
        "--route",
        "ig",
        "--link",
        "https://i.com/g",
        "--quantity",
        "100",
    ];
    let entry = home.orders()[0]["id"].as_str().unwrap().to_string();
    let refusal = format!(
        "smm: refusing a duplicate: order 23501 with the same link, quantity and other fields was \
         placed directly on a:1448 (a candidate of route 'ig') Ns ago (order book entry {entry}, see \
         `smm orders`); pass --force to order it again\n"
    );
    home.run(route)
        .expect_code(2)
        .stdout_is("")
        .stderr_like(&refusal);
    // A dry run asks the guard too, and is refused as the order would be.
    let dry: Vec<&str> = route.iter().copied().chain(["--dry-run"]).collect();
    home.run(&dry)
        .expect_code(2)
        .stdout_is("")
        .stderr_like(&refusal);
    assert_eq!(book(&home).len(), 1, "nothing sent");
    // Another quantity is another order; the same again through the route is a duplicate.
    let other = [
        "order",
        "add",
        "--route",
        "ig",
        "--link",
        "https://i.com/g",
        "--quantity",
        "200",
    ];
    home.run(other).expect_code(0);
    home.run(other)
        .expect_code(2)
        .stderr_has("placed through route 'ig' on c:1448");
    home.run([
        "-p",
        "c",
        "order",
        "add",
        "--service",
        "1448",
        "--link",
        "https://i.com/g",
        "--quantity",
        "200",
    ])
    .expect_code(2);
    let forced: Vec<&str> = other.iter().copied().chain(["--force"]).collect();
    home.run(&forced).expect_code(0);
    assert_eq!(book(&home).len(), 3);
}

#[test]
fn bad_routes_and_flags_are_refused_before_anything_is_sent() {
    let panel = Panel::fixtures();
    panel.expect_none();
    let home = Home::with_panel(&panel);
    let config = std::fs::read_to_string(home.config()).unwrap();
    home.write_config(&format!(
        "{config}\n[routes.ig]\ncandidates = [\"test:1448\", \"gone:1\"]\n"
    ));
    let path = home.config().display().to_string();
    let add = |extra: &[&'static str]| {
        let mut args = vec![
            "order",
            "add",
            "--route",
            "ig",
            "--link",
            "https://i.com/x",
            "--quantity",
            "100",
        ];
        args.extend_from_slice(extra);
        args
    };
    home.run(add(&[])).expect(
        2,
        "",
        &format!(
            "smm: route 'ig' in {path}: candidate 'gone:1' names profile 'gone', which is not in the \
             file; known profiles: test\n"
        ),
    );
    home.run(["routes"]).expect_code(2);
    home.run(add(&["-p", "test"])).expect(
        2,
        "",
        "smm: --route picks among the route's profiles itself: leave out -p (or use --service with -p)\n",
    );
    home.run(add(&["--service", "1"]))
        .expect_code(2)
        .stderr_has("cannot be used with");
    home.run([
        "order",
        "add",
        "--route",
        "nope",
        "--link",
        "https://i.com/x",
        "--quantity",
        "100",
    ])
    .expect(
        2,
        "",
        &format!(
            "smm: route 'nope' is not in {path}; known routes: ig (add a [routes.nope] table)\n"
        ),
    );
}

#[test]
fn a_service_missing_from_a_candidates_catalogue_is_an_error_naming_it() {
    let a = SandboxProc::start(&[]);
    let home = home(
        &[("a", &a)],
        "[routes.ig]\ncandidates = [\"a:1448\", \"a:99999\"]\n",
    );
    home.run([
        "order",
        "add",
        "--route",
        "ig",
        "--link",
        "https://i.com/m",
        "--quantity",
        "100",
    ])
    .expect(
        2,
        "",
        "smm: route 'ig': service 99999 is not in the catalogue of profile 'a': fix the route's \
         candidates (see `smm services -p a`); nothing was sent\n",
    );
    assert!(book(&home).is_empty());
}

#[test]
fn a_bulk_file_with_a_route_column() {
    let (a, b, c) = three();
    let home = home(&[("a", &a), ("b", &b), ("c", &c)], ROUTE);
    let file = home.dir.path().join("orders.csv");
    std::fs::write(
        &file,
        "route,link,quantity\nig,https://i.com/b1,100\nig,https://i.com/b2,200\n",
    )
    .unwrap();
    let file = file.display().to_string();
    home.run(["order", "add", "--file", &file, "--dry-run"])
        .expect_code(0)
        .stdout_golden("routes/bulk_dry_run.txt");
    // b takes the first line (0.05 of its 0.10); what is left does not cover the second.
    home.run(["order", "add", "--file", &file, "--yes"])
        .expect_code(0)
        .stdout_golden("routes/bulk_placed.txt")
        .stderr_is("smm: 2 placed\n");
    assert_eq!(
        book(&home),
        [
            row("b", "placed", "ig", "23501"),
            row("c", "placed", "ig", "23501")
        ]
    );
    // The same file again (a re-run after a crash): both lines are in the book, so neither
    // is sent again, though b could no longer take the first.
    home.run(["order", "add", "--file", &file, "--yes"])
        .expect_code(0)
        .stdout_golden("routes/bulk_rerun.txt")
        .stderr_is("smm: 0 placed, 2 skipped (the order book shows them placed already; --force orders them again)\n");
    assert_eq!(book(&home).len(), 2);
    // Every problem of a file at once, nothing sent.
    std::fs::write(
        &file,
        "route,link,quantity\nnope,https://i.com/n,100\nig,https://i.com/q,5\nig,ftp://i.com/l,100\nig,https://i.com/d,100\nig,https://i.com/d,100\n",
    )
    .unwrap();
    let out = home.run(["order", "add", "--file", &file, "--yes"]);
    out.expect_code(2);
    out.stderr_like(concat!(
        "smm: ~/orders.csv: line 2: route 'nope' is not in ~/config.toml; known routes: ig (add a [routes.nope] table)\n",
        "smm: ~/orders.csv: line 3: route 'ig': no candidate can take it: a:1448: quantity 5 is below service 1448's minimum of 50; \
         b:1448: quantity 5 is below service 1448's minimum of 50; c:1448: quantity 5 is below service 1448's minimum of 50\n",
        "smm: ~/orders.csv: line 4: link 'ftp://i.com/l' uses the ftp: scheme; smm sends only http:// and https:// links\n",
        "smm: ~/orders.csv: line 6: the same order as line 5 (pass --force to place both)\n",
        "smm: 4 line(s) cannot be ordered (above); nothing was sent\n",
    ));
    assert_eq!(book(&home).len(), 2);
    // Without a terminal to ask, placing needs --yes (nothing sent).
    std::fs::write(&file, "route,link,quantity\nig,https://i.com/one,100\n").unwrap();
    home.run(["order", "add", "--file", &file]).expect(
        2,
        "ORDERS      1\nTOTAL COST  0.05 USD\n",
        "smm: placing 1 order needs confirmation: pass --yes (stdin is not a terminal)\n",
    );
    std::fs::write(&file, "route,service,link\nig,1448,https://i.com/x\n").unwrap();
    home.run(["order", "add", "--file", &file, "--yes"])
        .expect_code(2)
        .stderr_has("a bulk file takes a 'service' column or a 'route' column, not both");
}

#[test]
fn smm_routes_in_every_format() {
    let (a, b, c) = three();
    let home = home(&[("a", &a), ("b", &b), ("c", &c)], ROUTE);
    home.run(["routes"])
        .expect_quiet_success()
        .stdout_golden("routes/routes.txt");
    home.run(["routes", "ig", "--format", "csv"])
        .expect_quiet_success()
        .stdout_golden("routes/routes.csv");
    home.run(["routes", "--format", "tsv"])
        .expect_quiet_success()
        .stdout_golden("routes/routes.tsv");
    let ran = home.run(["routes", "--json"]);
    ran.expect_quiet_success()
        .stdout_golden("routes/routes.json");
    let doc = ran.json();
    let b = &doc[0]["candidates"][1];
    for field in [
        "profile",
        "service",
        "rate",
        "min",
        "max",
        "available",
        "reason",
        "margin",
    ] {
        assert!(b.get(field).is_some(), "{field} in {b}");
    }
    assert_eq!(
        (&b["margin"], &b["available"]),
        (&"0.30".into(), &false.into())
    );
}

#[test]
fn sync_alerts_when_the_cheapest_candidate_sells_at_a_loss() {
    let (a, c) = (SandboxProc::start(&[]), SandboxProc::start(&[]));
    control(&c, "action=rate&service=1448&rate=0.70");
    let home = home(
        &[("a", &a), ("c", &c)],
        "[routes.ig]\ncandidates = [\"a:1448\", \"c:1448\"]\nsell = \"0.80\"\n",
    );
    home.run(["sync", "-q"]).expect(0, "", "");
    control(&c, "action=rate&service=1448&rate=0.95");
    home.run(["sync"])
        .expect_code(3)
        .stdout_has("c: service 1448 rate 0.70 → 0.95 (+35.7%)\nroute 'ig': the cheapest candidate is now a:1448 (was c:1448)\nalert: route 'ig'");
    // Raised once: the loss stands, and the next sync has nothing new to say.
    home.run(["sync", "-q"]).expect(0, "", "");
    let doc = home.run(["sync", "--json"]).expect_code(0).json();
    assert_eq!(
        doc["alerts"],
        serde_json::json!([{
            "profile": "",
            "kind": "negative_margin",
            "subject": "ig",
            "message": "route 'ig': the cheapest candidate a:1448 buys at 0.90 per 1000, above sell 0.80: every order loses 0.10",
            "new": false
        }])
    );
    // c at 0.70 again: the margin is positive, the alert resolved (once).
    control(&c, "action=rate&service=1448&rate=0.70");
    home.run(["sync", "-q"]).expect(
        0,
        "resolved: route 'ig': the cheapest candidate buys at or below sell again\n",
        "",
    );
    home.run(["sync", "-q"]).expect(0, "", "");
    // No candidate can pay for a typical order: a new alert, raised once, resolved when one can.
    control(&a, "action=balance&amount=0");
    control(&c, "action=balance&amount=0");
    let doc = home.run(["sync", "--json"]).expect_code(3).json();
    assert_eq!(doc["alerts"][0]["kind"], "no_candidate");
    assert_eq!(doc["alerts"][0]["subject"], "ig");
    assert_eq!(doc["alerts"][0]["new"], true);
    home.run(["sync", "-q"]).expect(0, "", "");
    control(&c, "action=balance&amount=100");
    home.run(["sync", "-q"]).expect(
        0,
        "resolved: route 'ig': a candidate can take an order again\n",
        "",
    );
}

/// The routes whose cheapest candidate the book remembers (`meta`'s `route-cheapest:NAME`).
fn remembered(home: &Home) -> Vec<String> {
    let conn = rusqlite::Connection::open(home.book()).unwrap();
    conn.prepare("SELECT key FROM meta WHERE key LIKE 'route-cheapest:%' ORDER BY key")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn sync_resolves_the_alerts_of_a_route_removed_from_the_config_once() {
    let (a, c) = (SandboxProc::start(&[]), SandboxProc::start(&[]));
    control(&c, "action=rate&service=1448&rate=0.95");
    let home = home(&[("a", &a), ("c", &c)], "");
    let text = std::fs::read_to_string(home.config()).unwrap();
    let route = "[routes.ig]\ncandidates = [\"a:1448\", \"c:1448\"]\nsell = \"0.80\"\n";
    home.write_config(&format!("{text}{route}"));
    let loss = "alert: route 'ig': the cheapest candidate a:1448 buys at 0.90 per 1000, above sell 0.80: every order loses 0.10\n";
    home.run(["sync", "-q"]).expect(3, loss, "");
    // A sync of only some of its candidates leaves the route's alert standing.
    home.run(["sync", "-q", "-p", "a"]).expect(0, "", "");
    assert_eq!(remembered(&home), ["route-cheapest:ig"]);
    // Removed from the config: its alert resolved once, its cheapest candidate forgotten.
    home.write_config(&text);
    home.run(["sync", "-q"])
        .expect(0, "resolved: route 'ig': no longer in the config\n", "");
    home.run(["sync", "-q"]).expect(0, "", "");
    let doc = home.run(["sync", "--json"]).expect_code(0).json();
    assert_eq!(
        (&doc["alerts"], &doc["resolved"]),
        (&serde_json::json!([]), &serde_json::json!([]))
    );
    assert!(remembered(&home).is_empty());
    // Back, now with c the cheapest at 0.70: a route that starts afresh (no alert to resolve,
    // no earlier cheapest candidate to compare with).
    control(&c, "action=rate&service=1448&rate=0.70");
    home.write_config(&format!("{text}{route}"));
    let doc = home.run(["sync", "--json"]).expect_code(0).json();
    assert_eq!(
        doc["routes"],
        serde_json::json!([{"route": "ig", "cheapest": "c:1448", "was": null}])
    );
    assert_eq!(
        (&doc["alerts"], &doc["resolved"]),
        (&serde_json::json!([]), &serde_json::json!([]))
    );
}

#[test]
fn config_show_lists_the_routes() {
    let home = Home::new();
    home.write_config(
        "[profiles.a]\nurl = \"https://a.example/api/v2\"\nkey_env = \"A_KEY\"\n\
         [routes.ig]\ncandidates = [\"a:1448\", \"a:2301\"]\npick = \"order\"\nsell = \"1.50\"\n",
    );
    let path = home.config().display().to_string();
    home.run(["config", "show"]).expect(
        0,
        &format!(
            "config: {path}\n   PROFILE  API  URL                       KEY\n*  a        v2   https://a.example/api/v2  $A_KEY (not set)\n\n\
             ROUTE  CANDIDATES      PICK   SELL  MAX RATE\nig     a:1448, a:2301  order  1.50\n"
        ),
        "",
    );
    let doc = home.run(["config", "show", "--json"]).expect_code(0).json();
    assert_eq!(doc["routes"]["ig"]["candidates"][1], "a:2301");
    assert_eq!(doc["routes"]["ig"]["max_rate"], serde_json::Value::Null);
}
