//! `smm watch`: polls until every order has finished; plain lines when piped; exit codes.

use crate::common::{SandboxProc, Stream, order_add};
use std::time::{Duration, Instant};

#[test]
fn watch_follows_orders_to_completion() {
    // 1 real second = 600 virtual seconds: an order is done in about 3 s, time enough for the
    // first poll to find both unfinished on a loaded machine.
    let sb = SandboxProc::start(&["--speed", "600"]);
    let home = sb.home("sandbox");
    home.run(order_add("1448", "https://i.com/a", &["--quantity", "100"]))
        .expect_code(0);
    home.run(order_add("1448", "https://i.com/b", &["--quantity", "200"]))
        .expect_code(0);
    let started = Instant::now();
    let out = home.run(["watch", "23501,23502", "--every", "1s"]);
    out.expect_code(0);
    assert!(started.elapsed() < Duration::from_secs(20));
    let text = &out.stdout;
    // Piped: a dated line per poll, a line per change, then the final table.
    let (polls, table) = text.split_at(text.find("ORDER ").unwrap_or(text.len()));
    assert_eq!(
        table,
        concat!(
            "ORDER  STATUS     CHARGE  REMAINS\n",
            "23501  Completed    0.09        0\n",
            "23502  Completed    0.18        0\n",
        ),
        "{text}"
    );
    // A poll: `YYYY-MM-DD HH:MM:SS UTC  N/2 done: ...`.
    fn poll(line: &str) -> Option<&str> {
        let (date, rest) = line.split_at(line.len().min(25));
        let digits = date.bytes().filter(u8::is_ascii_digit).count();
        (digits == 14 && date.ends_with(" UTC  ")).then_some(rest)
    }
    let lines: Vec<&str> = polls.lines().collect();
    assert_eq!(poll(lines[0]).map(|l| &l[..9]), Some("0/2 done:"), "{text}");
    assert_eq!(
        poll(lines[lines.len() - 1]),
        Some("2/2 done: 2 Completed; charge 0.27, remains 0"),
        "{text}"
    );
    // Every other line is a change, and each order's changes follow on from one another to
    // Completed (which status the first poll caught it in depends on how fast this machine is).
    for id in ["23501", "23502"] {
        let mut last: Option<&str> = None;
        for line in lines.iter().filter(|l| poll(l).is_none()) {
            let change = line.strip_prefix(&format!("{id}: ")[..]);
            let Some((from, to)) = change.and_then(|c| c.split_once(" -> ")) else {
                assert!(line.starts_with("2350"), "{line:?} in\n{text}");
                continue;
            };
            let statuses = ["Pending", "In progress", "Completed"];
            assert!(statuses.contains(&from) && statuses.contains(&to), "{text}");
            assert!(last.is_none_or(|last| last == from), "{text}");
            last = Some(to);
        }
        assert_eq!(last, Some("Completed"), "{id} in\n{text}");
    }
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
    child.wait_for(
        Stream::Stdout,
        "0/1 done: 1 Pending",
        Duration::from_secs(30),
    );
    child.interrupt();
    let started = Instant::now();
    let out = child.finish();
    assert!(started.elapsed() < Duration::from_secs(3));
    out.expect_code(130)
        .stderr_is("smm: stopped: 1 of 1 orders still running (they go on)\n");
}
