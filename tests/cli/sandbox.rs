//! The built-in sandbox panel, driven as a child process (`smm sandbox --port 0`) by raw HTTP
//! and by smm itself; and `smm demo`.

use crate::common::{Home, Run, SandboxProc, order_add};
use std::time::{Duration, Instant};

#[test]
fn prints_its_url_and_a_profile_and_stops_cleanly_on_ctrl_c() {
    let sb = SandboxProc::start(&[]);
    assert!(
        sb.url.starts_with("http://127.0.0.1:") && sb.url.ends_with("/api/v2"),
        "{}",
        sb.url
    );
    assert!(sb.banner.contains("[profiles.sandbox]"), "{}", sb.banner);
    assert!(
        sb.banner.contains(&format!("url = \"{}\"", sb.url)),
        "{}",
        sb.banner
    );
    assert!(sb.banner.contains("key = \"sandbox\""), "{}", sb.banner);
    // The pasted profile works as printed.
    let home = Home::new();
    let profile = sb
        .banner
        .split("[profiles.sandbox]")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    home.write_config(&format!("[profiles.sandbox]{profile}\n"));
    let out = home.run(["balance"]);
    out.expect_code(0);
    out.stdout_is(concat!(
        "PROFILE  BALANCE  CURRENCY\n",
        "sandbox   100.00  USD\n",
    ));
    let out = sb.interrupt();
    out.expect_code(0);
    assert!(out.stderr.contains("stopped"));
}

#[test]
fn only_its_key_is_accepted() {
    let sb = SandboxProc::start(&["--key", "s3cret"]);
    let (status, _, body) = sb.form("key=sandbox&action=balance");
    assert_eq!(
        (status, body.as_str()),
        (200, r#"{"error":"Invalid API key"}"#)
    );
    let out = sb.home("wrong").smm().arg("balance").run();
    out.expect_code(1);
    out.stderr_is(
        "smm: panel 'sb' says: Invalid API key (check the key of profile 'sb': smm config show)\n",
    );
    let out = sb.home("s3cret").smm().arg("balance").run();
    out.expect_code(0);
}

#[test]
fn speaks_form_query_and_json_requests() {
    let sb = SandboxProc::start(&[]);
    let (_, _, form) = sb.form("key=sandbox&action=balance");
    let (_, _, query) = sb.raw(
        "GET",
        "/api/v2?key=sandbox&action=balance",
        "text/plain",
        "",
    );
    let (_, _, json) = sb.raw(
        "POST",
        "/api/v2/",
        "application/json",
        r#"{"key":"sandbox","action":"balance"}"#,
    );
    for body in [&form, &query, &json] {
        assert_eq!(body, r#"{"balance":"100.00","currency":"USD"}"#);
    }
    let (status, _, body) = sb.form("key=sandbox&action=fly");
    assert_eq!(
        (status, body.as_str()),
        (200, r#"{"error":"Incorrect request"}"#)
    );
    let (status, _, _) = sb.raw(
        "POST",
        "/elsewhere",
        "application/x-www-form-urlencoded",
        "",
    );
    assert_eq!(status, 404);
}

#[test]
fn catalogue_has_the_seed_services_and_generated_ones() {
    let sb = SandboxProc::start(&["--services", "50"]);
    let (_, head, body) = sb.form("key=sandbox&action=services");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: application/json")
    );
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 52);
    assert_eq!(list[0]["service"], 1448);
    assert_eq!(list[0]["rate"], "0.90");
    assert_eq!(list[1]["type"], "Custom Comments");
    let categories: std::collections::HashSet<&str> = list
        .iter()
        .map(|s| s["category"].as_str().unwrap())
        .collect();
    let types: std::collections::HashSet<&str> =
        list.iter().map(|s| s["type"].as_str().unwrap()).collect();
    assert!(
        categories.len() >= 6 && types.len() >= 6,
        "{categories:?} {types:?}"
    );
    let out = sb
        .home("sandbox")
        .smm()
        .args(["services", "--type", "poll"])
        .run();
    assert!(
        out.stdout.lines().skip(1).all(|l| l.contains("Poll")),
        "{}",
        out.stdout
    );
}

#[test]
fn orders_pay_from_the_balance_and_progress_to_completed() {
    // 1 real second = 100,000 virtual seconds: an order is done within ~20 ms.
    let sb = SandboxProc::start(&["--speed", "100000"]);
    let home = sb.home("sandbox");
    let add = home.run(order_add("1448", "https://i.com/p", &["--quantity", "333"]));
    add.expect_code(0);
    add.stdout_is(concat!(
        "ORDER  SERVICE  QUANTITY  LINK\n",
        "23501  1448          333  https://i.com/p\n",
    ));
    // 100.00 − 0.90 × 333 / 1000 = 99.7003
    let out = home.run(["balance", "--json"]);
    assert_eq!(
        out.stdout.trim(),
        r#"{"balance":"99.7003","currency":"USD"}"#
    );
    std::thread::sleep(Duration::from_millis(100));
    let out = home.run(["status", "23501", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        (
            v["status"].as_str(),
            v["remains"].as_str(),
            v["charge"].as_str()
        ),
        (Some("Completed"), Some("0"), Some("0.2997"))
    );
}

#[test]
fn orders_start_pending_at_normal_speed_and_cancel_refunds() {
    let sb = SandboxProc::start(&[]);
    let home = sb.home("sandbox");
    home.run(order_add("1448", "l", &["--quantity", "1000"]))
        .expect_code(0);
    let out = home.run(["status", "23501"]);
    out.stdout_is(concat!(
        "ORDER  STATUS   CHARGE  START COUNT  REMAINS  CURRENCY\n",
        "23501  Pending    0.90            0     1000  USD\n",
    ));
    assert!((home.run(["balance"])).stdout.contains("99.10"));
    let out = home.run(["cancel", "23501,23491,23492"]);
    out.expect_code(3);
    out.stdout_is(concat!(
        "ORDER  CANCEL\n",
        "23501  requested\n",
        "23491  error: Order is already completed\n",
        "23492  error: Cancel is disabled for this service\n",
    ));
    let out = home.run(["status", "23501"]);
    out.stdout_is(concat!(
        "ORDER  STATUS    CHARGE  START COUNT  REMAINS  CURRENCY\n",
        "23501  Canceled    0.00            0     1000  USD\n",
    ));
    assert!((home.run(["balance"])).stdout.contains("100.00"));
}

#[test]
fn every_seventh_order_ends_partial_with_a_refund() {
    let sb = SandboxProc::start(&["--speed", "100000"]);
    for _ in 0..6 {
        let (_, _, body) = sb.form("key=sandbox&action=add&service=1448&link=l&quantity=1000");
        assert!(body.starts_with(r#"{"order":"#), "{body}");
    }
    std::thread::sleep(Duration::from_millis(100));
    let out = sb
        .home("sandbox")
        .smm()
        .args(["status", "23505,23506", "--json"])
        .run();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["23505"]["status"], "Completed");
    assert_eq!(v["23506"]["status"], "Partial");
    assert_eq!(v["23506"]["remains"], "100");
    assert_eq!(v["23506"]["charge"], "0.81");
    // 6 × 0.90 = 5.40 paid, 0.09 back for the partial one.
    let (_, _, body) = sb.form("key=sandbox&action=balance");
    assert_eq!(body, r#"{"balance":"94.69","currency":"USD"}"#);
}

#[test]
fn add_errors_are_those_of_real_panels() {
    let sb = SandboxProc::start(&["--balance", "1.00"]);
    let home = sb.home("sandbox");
    // The sandbox answers like a real panel…
    for (form, expected) in [
        ("service=1&link=l&quantity=100", "Incorrect service ID"),
        (
            "service=1448&link=l&quantity=10",
            "Quantity less than minimal 50",
        ),
        (
            "service=1448&link=l&quantity=10001",
            "Quantity more than maximum 10000",
        ),
    ] {
        let (status, _, body) = sb.form(&format!("key=sandbox&action=add&{form}"));
        assert_eq!(
            (status, body),
            (200, format!(r#"{{"error":"{expected}"}}"#))
        );
    }
    // …and smm refuses those orders from the catalogue before sending (exit 2) …
    for (args, expected) in [
        (
            vec![
                "--service",
                "1",
                "--link",
                "https://i.com/l",
                "--quantity",
                "100",
            ],
            "service 1 is not in the catalogue",
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
            "below service 1448's minimum of 50",
        ),
        (
            vec![
                "--service",
                "1448",
                "--link",
                "https://i.com/l",
                "--quantity",
                "10001",
            ],
            "above service 1448's maximum of 10000",
        ),
    ] {
        let out = home.smm().args(["order", "add"]).args(&args).run();
        out.expect_code(2);
        assert!(
            out.stderr.contains(expected) && out.stderr.contains("nothing was sent"),
            "{args:?}: {}",
            out.stderr
        );
    }
    // …while what only the panel knows comes back as its own error (exit 1).
    let out = home
        .smm()
        .args(order_add("1448", "https://i.com/l", &[]))
        .args(["--quantity", "5000"])
        .run();
    out.expect_code(1);
    out.stderr_is("smm: panel 'sb' says: Not enough funds on balance\n");
    let (status, _, body) = sb.form("key=sandbox&action=add&service=1448&quantity=100");
    assert_eq!(
        (status, body.as_str()),
        (200, r#"{"error":"Incorrect link"}"#)
    );
}

#[test]
fn refill_rules_and_refill_status() {
    let sb = SandboxProc::start(&[]);
    let home = sb.home("sandbox");
    let out = home.run(["refill", "23491,23492,23500,23495,5"]);
    out.expect_code(3);
    let text = &out.stdout;
    let line = |id: &str| {
        text.lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id}: {text}"))
            .to_string()
    };
    assert!(line("23491 ").ends_with(" 1"), "{text}");
    assert!(line("23492 ").contains("Refill is disabled for this service"));
    assert!(line("23500 ").contains("The order is not completed"));
    assert!(line("23495 ").contains("Refill not allowed"));
    assert!(line("5 ").contains("Incorrect order ID"));
    let out = home.run(["refill-status", "1,2"]);
    out.expect_code(3);
    out.stdout_is(concat!(
        "REFILL  STATUS\n",
        "1       Pending\n",
        "2       error: Refill not found\n",
    ));
}

#[test]
fn multi_forms_stop_at_100_ids() {
    let sb = SandboxProc::start(&[]);
    let ids: Vec<String> = (1..=101).map(|i| i.to_string()).collect();
    let (status, _, body) = sb.form(&format!(
        "key=sandbox&action=status&orders={}",
        ids.join("%2C")
    ));
    assert_eq!(status, 200);
    assert!(body.contains("error") && body.contains("100"), "{body}");
    let (_, _, body) = sb.form(&format!(
        "key=sandbox&action=status&orders={}",
        ids[..100].join(",")
    ));
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 100);
    // smm itself chunks: 250 ids are three requests the sandbox accepts.
    let many: Vec<String> = (23401..=23650).map(|i| i.to_string()).collect();
    let out = sb
        .home("sandbox")
        .smm()
        .args(["status", &many.join(","), "--json"])
        .run();
    out.expect_code(3);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 250);
    assert_eq!(v["23491"]["status"], "Completed");
    assert_eq!(v["23401"]["error"], "Incorrect order ID");
}

#[test]
fn fault_html_page_for_the_first_request_only() {
    let sb = SandboxProc::start(&["--fault", "html", "--fault-first", "1"]);
    // One attempt: smm would otherwise retry the read past the fault (tests/batches.rs).
    let home = sb.home_with("sandbox", "attempts = 1\n");
    let out = home.run(["balance"]);
    out.expect_code(1);
    out.stderr_is("smm: the panel answered HTTP 503 Service Unavailable with an HTML page, not JSON (a Cloudflare check, maintenance page or wrong url?): <!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>\n");
    home.run(["balance"]).expect_code(0);
}

#[test]
fn fault_502_for_a_fraction_of_requests() {
    let sb = SandboxProc::start(&["--fault", "502", "--fault-ratio", "0.5"]);
    let statuses: Vec<u16> = (0..6)
        .map(|_| sb.form("key=sandbox&action=balance").0)
        .collect();
    assert_eq!(statuses, [200, 502, 200, 502, 200, 502]);
}

#[test]
fn fault_429_sends_retry_after() {
    let sb = SandboxProc::start(&["--fault", "429", "--retry-after", "7"]);
    let (status, head, body) = sb.form("key=sandbox&action=balance");
    assert_eq!(status, 429);
    assert!(
        head.to_ascii_lowercase().contains("retry-after: 7"),
        "{head}"
    );
    assert!(body.contains("error"));
    let out = sb
        .home_with("sandbox", "attempts = 1\n")
        .smm()
        .arg("balance")
        .run();
    out.expect_code(1);
    out.stderr_is("smm: the panel answered HTTP 429 Too Many Requests (rate limited: retry after 7s): Too many requests\n");
}

#[test]
fn fault_slow_answers_late_but_still_acts() {
    let sb = SandboxProc::start(&["--fault", "slow", "--fault-first", "2", "--slow-ms", "3000"]);
    let home = sb.home("sandbox");
    // The first slow answer fills the catalogue cache; the second is the add's.
    home.run(["services", "--timeout", "10"]).expect_code(0);
    let out = home.run(order_add(
        "1448",
        "l",
        &["--quantity", "100", "--timeout", "0.5"],
    ));
    out.expect_code(1);
    out.stderr_like("smm: the order may or may not have been placed: check the panel's order list (or `smm status` with a recent order id; `smm orders` shows it as unknown) before running the same command again: the panel did not answer within 0.5s (timed out; --timeout sets the limit) — profile 'sb' at http://127.0.0.1:PORT/api/v2, 1 attempt\n");
    // The panel did take the order: exactly the ambiguity the message warns about.
    std::thread::sleep(Duration::from_millis(200));
    let out = home.run(["status", "23501"]);
    out.expect_code(0);
}

#[test]
fn latency_delays_answers_but_many_are_served_at_once() {
    let sb = std::sync::Arc::new(SandboxProc::start(&["--latency-ms", "300"]));
    let one = Instant::now();
    sb.form("key=sandbox&action=balance");
    assert!(one.elapsed() >= Duration::from_millis(300));
    let all = Instant::now();
    let threads: Vec<_> = (0..24)
        .map(|_| {
            let sb = std::sync::Arc::clone(&sb);
            std::thread::spawn(move || sb.form("key=sandbox&action=balance").0)
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), 200);
    }
    // One after another this would take 24 × 300 ms = 7.2 s.
    assert!(
        all.elapsed() < Duration::from_millis(3000),
        "{:?}",
        all.elapsed()
    );
}

#[test]
fn smm_reads_ride_out_sandbox_faults() {
    let sb = SandboxProc::start(&["--fault", "502", "--fault-first", "2"]);
    let out = sb.home("sandbox").smm().arg("balance").run();
    out.expect_code(0);
    out.stdout_is(concat!(
        "PROFILE  BALANCE  CURRENCY\n",
        "sb        100.00  USD\n",
    ));
}

#[test]
fn two_sandboxes_at_once_on_one_data_dir_never_give_the_same_id() {
    let home = Home::new();
    let a = SandboxProc::start_in(&home, &[]);
    let b = SandboxProc::start_in(&home, &[]);
    for sb in [&a, &b] {
        assert!(
            sb.banner.contains("new ones start at 23501.\n"),
            "{}",
            sb.banner
        );
    }
    // Forty orders, from four clients on each sandbox at once.
    let mut ids: Vec<u64> = std::thread::scope(|s| {
        let clients: Vec<_> = (0..8)
            .map(|client| {
                let sb = [&a, &b][client % 2];
                s.spawn(move || {
                    (0..5)
                        .map(|n| {
                            let (status, _, body) = sb.form(&format!(
                                "key=sandbox&action=add&service=1448&link=https://i.com/{client}-{n}&quantity=100"
                            ));
                            assert_eq!(status, 200, "{body}");
                            let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
                            answer["order"]
                                .as_u64()
                                .unwrap_or_else(|| panic!("{body}"))
                        })
                        .collect::<Vec<u64>>()
                })
            })
            .collect();
        clients
            .into_iter()
            .flat_map(|c| c.join().unwrap())
            .collect()
    });
    ids.sort_unstable();
    assert_eq!(
        ids,
        (23501..23541).collect::<Vec<u64>>(),
        "each id once across both, none skipped"
    );
    // Refill ids too: each sandbox refills its own history order 23491, one id after the other.
    assert_eq!(
        a.form("key=sandbox&action=refill&order=23491").2,
        r#"{"refill":"1"}"#
    );
    assert_eq!(
        b.form("key=sandbox&action=refill&order=23491").2,
        r#"{"refill":"2"}"#
    );
    let file = home.dir.path().join("data/sandbox-ids.json");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        r#"{"order":23540,"refill":2}"#
    );
    // Forgetting them while a sandbox runs would give its ids again: refused, nothing started.
    let fresh = home.run(["sandbox", "--port", "0", "--fresh"]);
    fresh.expect_code(2).stdout_is("").stderr_like(
        "smm: another smm sandbox is running and giving ids from ~/data/sandbox-ids.json: stop it \
         before starting with --fresh (or start without --fresh, to continue after its ids)\n",
    );
    a.interrupt().expect_code(0);
    let fresh = home.run(["sandbox", "--port", "0", "--fresh"]);
    fresh.expect_code(2);
    b.interrupt().expect_code(0);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        r#"{"order":23540,"refill":2}"#
    );
    // A restart continues after both; one started beside it gives the ids after its.
    let c = SandboxProc::start_in(&home, &[]);
    assert!(
        c.banner.contains("new ones start at 23541 (after the ids earlier sandboxes gave; --fresh begins at 23501 again).\n"),
        "{}",
        c.banner
    );
    let add = "key=sandbox&action=add&service=1448&link=https://i.com/after&quantity=100";
    assert_eq!(c.form(add).2, r#"{"order":23541}"#);
    let d = SandboxProc::start_in(&home, &[]);
    assert_eq!(d.form(add).2, r#"{"order":23542}"#);
    assert_eq!(c.form(add).2, r#"{"order":23543}"#);
    c.interrupt().expect_code(0);
    d.interrupt().expect_code(0);
    // With every sandbox stopped, --fresh begins again.
    let fresh = SandboxProc::start_in(&home, &["--fresh"]);
    assert!(
        fresh.banner.contains("new ones start at 23501.\n"),
        "{}",
        fresh.banner
    );
    assert_eq!(fresh.form(add).2, r#"{"order":23501}"#);
}
