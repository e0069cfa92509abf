//! streamdetails profiles (`api = "streamdetails"`): the exact JSON requests, the outputs, and
//! every error message of the seed document.

use crate::common::{Home, Panel, Reply, Run, SandboxProc, Seen, order_add};
use serde_json::{Value, json};

/// A home with one streamdetails profile `sd` on `url`, key `sd-key`.
pub fn home_for(url: &str) -> Home {
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.sd]\napi = \"streamdetails\"\nurl = \"{url}\"\nkey = \"sd-key\"\n"
    ));
    home
}

/// The request body as JSON.
fn body(seen: &Seen) -> Value {
    serde_json::from_str(&seen.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", seen.body))
}

fn envelope(data: Value) -> Reply {
    Reply::json(json!({"data": data, "error": null}).to_string())
}

fn failure(code: u16, message: &str) -> Reply {
    Reply::with_status(
        code,
        "application/json",
        json!({"data": null, "error": {"code": code, "message": message}}).to_string(),
    )
}

/// A stub answering the seed's documented shapes.
pub fn stub() -> Panel {
    Panel::start(|req| {
        let b: Value = serde_json::from_str(&req.body).unwrap_or(Value::Null);
        match b["action"].as_str() {
            Some("user") => envelope(
                json!({"id":1,"total_thread_count":2000,"active_thread_count":1200,"available_thread_count":800,"follower_count":0,"expiration_timestamp":1703356772}),
            ),
            Some("services") => envelope(
                json!([{"id":1,"name":"[TWITCH] VIEWERS [1h]","type":"viewers","category":"twitch","rate":1,"min":10,"max":2000,"duration":60,"refill":false,"cancel":false}]),
            ),
            Some("add") => envelope(
                json!({"id":6,"service_id":1,"quantity":100,"status":"progress","created_at":1700936460}),
            ),
            Some("get") if b.get("order").is_some() => envelope(
                json!({"id":6,"service_id":1,"quantity":100,"status":"progress","created_at":1700936460}),
            ),
            Some("get") => {
                let ids = b["orders"].as_array().cloned().unwrap_or_default();
                let found: Vec<Value> = ids.iter().filter(|i| i.as_u64() != Some(404)).map(|i| json!({"id": i, "service_id": 1, "quantity": 10, "status": "completed", "created_at": 1700936460})).collect();
                envelope(Value::Array(found))
            }
            _ => failure(400, "Invalid JSON data"),
        }
    })
}

#[test]
fn balance_sends_user_as_json_and_shows_threads() {
    let panel = stub();
    let home = home_for(&panel.url);
    let out = home.run(["balance"]);
    out.expect_code(0);
    let r = &panel.requests()[0];
    assert_eq!((r.method.as_str(), r.url.as_str()), ("POST", "/api/v2"));
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(body(r), json!({"key": "sd-key", "action": "user"}));
    out.stdout_is(concat!(
        "PROFILE  TOTAL THREADS  ACTIVE  AVAILABLE  FOLLOWERS  SUBSCRIPTION EXPIRES\n",
        "sd                2000    1200        800          0  2023-12-23 18:39 UTC\n",
    ));
    // --json: the envelope as it came.
    let out = home.run(["balance", "--json"]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["data"]["available_thread_count"], 800);
    assert_eq!(v["error"], Value::Null);
}

#[test]
fn services_shows_duration() {
    let panel = stub();
    let out = home_for(&panel.url)
        .smm()
        .args(["services", "--search", "viewers"])
        .run();
    out.expect_code(0);
    assert_eq!(
        body(&panel.requests()[0]),
        json!({"key": "sd-key", "action": "services"})
    );
    let text = &out.stdout;
    assert!(text.lines().next().unwrap().contains("DURATION"), "{text}");
    out.stdout_is(concat!(
        "ID  NAME                   CATEGORY  TYPE     RATE  MIN   MAX  DURATION\n",
        "1   [TWITCH] VIEWERS [1h]  twitch    viewers     1   10  2000    60 min\n",
    ));
}

#[test]
fn add_sends_integers_and_prints_the_order() {
    let panel = stub();
    let out = home_for(&panel.url)
        .smm()
        .args(order_add(
            "1",
            "https://www.twitch.tv/channelname",
            &["--quantity", "100"],
        ))
        .run();
    out.expect_code(0);
    let adds: Vec<Value> = panel
        .requests()
        .iter()
        .map(body)
        .filter(|b| b["action"] == "add")
        .collect();
    let b = &adds[0];
    assert_eq!(
        b,
        &json!({"key": "sd-key", "action": "add", "service_id": 1, "link": "https://www.twitch.tv/channelname", "quantity": 100})
    );
    assert!(b["service_id"].is_u64() && b["quantity"].is_u64() && b["link"].is_string());
    out.stdout_is(concat!(
        "ORDER  SERVICE  THREADS  STATUS    LINK\n",
        "6      1            100  progress  https://www.twitch.tv/channelname\n",
    ));
}

#[test]
fn add_refuses_v2_only_fields_before_sending() {
    let panel = stub();
    panel.expect_none();
    let home = home_for(&panel.url);
    let out = home.run(order_add(
        "1",
        "https://www.twitch.tv/c",
        &["--quantity", "100", "--runs", "2", "--interval", "5"],
    ));
    out.expect_code(2);
    out.stderr_is("smm: streamdetails orders take only --service, --link and --quantity (not --runs, --interval)\n");
    let out = home.run(order_add("1", "https://www.twitch.tv/c", &[]));
    out.expect_code(2);
}

#[test]
fn dry_run_checks_range_and_free_threads_and_sends_no_add() {
    let panel = stub();
    let home = home_for(&panel.url);
    let dry = |q: &str| {
        home.run(order_add(
            "1",
            "https://www.twitch.tv/c",
            &["--dry-run", "--quantity", q],
        ))
    };
    let out = dry("500");
    out.expect_code(0);
    assert!(out.stdout.contains("AVAILABLE THREADS") && out.stdout.contains("800"));
    let out = dry("900");
    out.expect_code(1);
    assert!(
        out.stderr.contains("800 threads available"),
        "{}",
        out.stderr
    );
    let out = dry("5");
    out.expect_code(2);
    assert!(out.stderr.contains("minimum of 10"));
    assert!(panel.requests().iter().all(|r| body(r)["action"] != "add"));
}

#[test]
fn status_uses_order_for_one_and_an_integer_array_for_several() {
    let panel = stub();
    let home = home_for(&panel.url);
    let out = home.run(["status", "6"]);
    out.expect_code(0);
    assert_eq!(
        body(&panel.requests()[0]),
        json!({"key": "sd-key", "action": "get", "order": 6})
    );
    out.stdout_is(concat!(
        "ORDER  SERVICE  THREADS  STATUS    CREATED\n",
        "6      1            100  progress  2023-11-25 18:21 UTC\n",
    ));

    let out = home.run(["status", "7,404,8"]);
    out.expect_code(3);
    let b = body(&panel.requests()[1]);
    assert_eq!(b["orders"], json!([7, 404, 8]));
    assert!(b["orders"].as_array().unwrap().iter().all(Value::is_u64));
    let text = &out.stdout;
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[1].starts_with("7 ") && lines[2].starts_with("404 ") && lines[3].starts_with("8 "),
        "{text}"
    );
    assert!(lines[2].contains("not found"), "{text}");

    // 150 ids: two requests of at most 100, one merged envelope.
    let ids: Vec<String> = (1..=150).map(|i| i.to_string()).collect();
    let out = home.run(["status", &ids.join(","), "--json"]);
    out.expect_code(0);
    // The two chunks go out concurrently: in either order.
    let mut sizes: Vec<usize> = panel.requests()[2..]
        .iter()
        .map(|r| body(r)["orders"].as_array().unwrap().len())
        .collect();
    sizes.sort_unstable();
    assert_eq!(sizes, vec![50, 100]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["data"].as_array().unwrap().len(), 150);
}

#[test]
fn refill_and_cancel_do_not_exist_on_streamdetails() {
    let panel = stub();
    panel.expect_none();
    let home = home_for(&panel.url);
    for cmd in ["refill", "refill-status", "cancel"] {
        let out = home.run([cmd, "1"]);
        out.expect_code(2);
        assert!(
            out.stderr
                .contains("streamdetails panels have no refill/cancel action"),
            "{}",
            out.stderr
        );
    }
}

/// Every error of the seed, per action: the message reaches the user, exit 1, whatever the
/// HTTP status.
#[test]
fn every_documented_error_is_shown_with_exit_1() {
    let common: [(u16, &str); 4] = [
        (405, "Method not allowed"),
        (401, "Authorization required"),
        (401, "Authorization failed"),
        (400, "Invalid JSON data"),
    ];
    let add_errors: [(u16, &str); 9] = [
        (400, "Field \"service_id\" must be a valid integer"),
        (400, "Field \"quantity\" must be a valid integer"),
        (400, "Field \"link\" must be a string"),
        (400, "Field \"link\" must be a valid link to channel"),
        (404, "Service not found"),
        (
            400,
            "Field \"quantity\" must be an integer between 10 and 2000",
        ),
        (
            400,
            "The requested quantity (1000) exceeds the available thread count (500)",
        ),
        (404, "Channel not found"),
        (403, "Your API subscription is expired"),
    ];
    let get_errors: [(u16, &str); 4] = [
        (400, "Field \"order\" or \"orders\" required"),
        (400, "Field \"order\" must be a valid integer"),
        (400, "Field \"orders\" must be an array"),
        (400, "All elements in \"orders\" must be numbers"),
    ];
    let add: Vec<&str> = order_add("1", "https://www.twitch.tv/c", &["--quantity", "100"]);
    let mut cases: Vec<(Vec<&str>, u16, &str)> = Vec::new();
    for (code, msg) in common {
        for cmd in [
            vec!["balance"],
            vec!["services"],
            add.clone(),
            vec!["status", "1"],
        ] {
            cases.push((cmd, code, msg));
        }
    }
    cases.extend(add_errors.iter().map(|(c, m)| (add.clone(), *c, *m)));
    cases.extend(
        get_errors
            .iter()
            .map(|(c, m)| (vec!["status", "1,2"], *c, *m)),
    );
    for (args, code, msg) in cases {
        let message = msg.to_string();
        let panel = Panel::start(move |_| failure(code, &message));
        let out = home_for(&panel.url).smm().args(&args).run();
        out.expect_code(1);
        let err = &out.stderr;
        assert!(
            err.contains(msg) && err.lines().count() == 1,
            "{args:?}: {err}"
        );
        assert!(!err.contains("sd-key"));
    }
}

#[test]
fn an_error_envelope_with_http_200_is_still_an_error() {
    let panel = Panel::start(|_| {
        Reply::json(r#"{"data":null,"error":{"code":401,"message":"Authorization failed"}}"#)
    });
    let out = home_for(&panel.url).smm().arg("balance").run();
    out.expect_code(1);
    out.stderr_is("smm: panel 'sd' says: Authorization failed (error 401)\n");
}

#[test]
fn against_the_sandbox_panel() {
    let sb = SandboxProc::start(&[]);
    let base = sb.url.trim_end_matches("/api/v2");
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.sd]\napi = \"streamdetails\"\nurl = \"{base}/streamdetails/api/v2/\"\nkey = \"sandbox\"\n\
         [profiles.expired]\napi = \"streamdetails\"\nurl = \"{base}/streamdetails/api/v2/\"\nkey = \"sandbox-expired\"\n"
    ));
    let add = |profile: &str, link: &str, q: &str| {
        home.run([
            "-p",
            profile,
            "order",
            "add",
            "--service",
            "1",
            "--link",
            link,
            "--quantity",
            q,
        ])
    };
    let out = add("sd", "https://www.twitch.tv/somechannel", "1500");
    out.expect_code(0);
    let out = add("sd", "https://www.twitch.tv/somechannel", "1000");
    assert!(
        out.stderr
            .contains("The requested quantity (1000) exceeds the available thread count (500)"),
        "{}",
        out.stderr
    );
    let out = add("sd", "https://www.twitch.tv/missing_channel", "10");
    assert!(out.stderr.contains("Channel not found"));
    let out = add("sd", "https://youtube.com/x", "10");
    assert!(out.stderr.contains("must be a valid link to channel"));
    let out = add("expired", "https://www.twitch.tv/c", "10");
    assert!(out.stderr.contains("Your API subscription is expired"));
    let out = home.run(["-p", "sd", "balance"]);
    assert!(
        out.stdout.contains("1500") && out.stdout.contains("500"),
        "{}",
        out.stdout
    );
    let out = home.run(["-p", "sd", "status", "1"]);
    assert!(out.stdout.contains("progress"));
    let out = home
        .smm()
        .env("SMM_CONFIG", home.config())
        .args(["-p", "nope", "balance"])
        .run();
    out.expect_code(2);
}

#[test]
fn a_5xx_error_envelope_to_an_add_leaves_the_order_unknown_and_guards_a_repeat() {
    let panel = Panel::start(|req| {
        let b: Value = serde_json::from_str(&req.body).unwrap_or(Value::Null);
        match b["action"].as_str() {
            Some("services") => envelope(
                json!([{"id":1,"name":"V","type":"viewers","category":"twitch","rate":1,"min":10,"max":2000,"duration":60}]),
            ),
            Some("add") => failure(502, "Bad gateway"),
            _ => failure(400, "Invalid JSON data"),
        }
    });
    let home = home_for(&panel.url);
    let add = order_add("1", "https://www.twitch.tv/c", &["--quantity", "100"]);
    let out = home.run(&add);
    out.expect_code(1);
    out.stderr_is("smm: the order may or may not have been placed: check the panel's order list (or `smm status` with a recent order id; `smm orders` shows it as unknown) before running the same command again: panel 'sd' says: Bad gateway (error 502)\n");
    assert_eq!(home.orders()[0]["outcome"], "unknown");
    // The unknown order guards a repeat: nothing is sent again.
    let out = home.run(&add);
    out.expect_code(2);
    let adds = panel
        .requests()
        .iter()
        .filter(|r| body(r)["action"] == "add")
        .count();
    assert_eq!(adds, 1);
}
