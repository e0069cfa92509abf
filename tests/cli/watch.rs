//! `smm watch`: polls until every order has finished; plain lines when piped; exit codes.

use crate::common::{SandboxProc, Stream};
use std::time::{Duration, Instant};

#[test]
fn watch_follows_orders_to_completion() {
    // 1 real second = 1500 virtual seconds: an order is done in about 1.2 s.
    let sb = SandboxProc::start(&["--speed", "1500"]);
    let home = sb.home("sandbox");
    home.run([
        "order",
        "add",
        "--service",
        "1448",
        "--link",
        "https://i.com/a",
        "--quantity",
        "100",
    ])
    .expect_code(0);
    home.run([
        "order",
        "add",
        "--service",
        "1448",
        "--link",
        "https://i.com/b",
        "--quantity",
        "200",
    ])
    .expect_code(0);
    let started = Instant::now();
    let out = home.run(["watch", "23501,23502", "--every", "1s"]);
    out.expect_code(0);
    assert!(started.elapsed() < Duration::from_secs(20));
    let text = &out.stdout;
    // Piped: a dated line per poll, a line per change, then the final table.
    assert!(text.lines().next().unwrap().contains("0/2 done"), "{text}");
    assert!(
        text.contains("23501: Pending -> In progress")
            || text.contains("23501: Pending -> Completed"),
        "{text}"
    );
    assert!(text.contains("2/2 done: 2 Completed"), "{text}");
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("ORDER"))
        .collect();
    assert_eq!(table.len(), 3, "{text}");
    assert!(table[1].starts_with("23501") && table[1].contains("Completed"));
}

#[test]
fn watch_exits_3_when_an_order_ends_partial_or_is_unknown() {
    let sb = SandboxProc::start(&[]);
    let home = sb.home("sandbox");
    // 23493 is Partial and 23495 Canceled from the start; 7 does not exist.
    let out = home.run(["watch", "23491,23493,23495"]);
    out.expect_code(3);
    assert!(
        out.stdout.contains("1 Completed") && out.stdout.contains("1 Partial"),
        "{}",
        out.stdout
    );
    let out = home.run(["watch", "23491,7"]);
    out.expect_code(3);
    assert!(out.stdout.contains("Incorrect order ID"));
    let out = home.run(["watch", "23491"]);
    out.expect_code(0);
    let out = home.run(["watch", "99"]);
    // one unknown id is that order's error
    out.expect_code(3);
    assert!(out.stdout.contains("Incorrect order ID"));
}

#[test]
fn ctrl_c_stops_watch_cleanly() {
    let sb = SandboxProc::start(&[]);
    let home = sb.home("sandbox");
    let mut child = home.spawn(["watch", "23500", "--every", "1s"]);
    // Interrupted once the first round is on screen (it is still running: 1 of 1 orders).
    child.wait_for(Stream::Stdout, "23500", Duration::from_secs(30));
    child.interrupt();
    let started = Instant::now();
    let out = child.finish();
    assert!(started.elapsed() < Duration::from_secs(3));
    out.expect_code(130)
        .stderr_has("stopped: 1 of 1 orders still running");
}
