//! `smm watch`: polls until every order has finished; plain lines when piped; exit codes.

use crate::common::{SandboxProc, stderr, stdout};
use std::time::{Duration, Instant};

#[test]
fn watch_follows_orders_to_completion() {
    // 1 real second = 1500 virtual seconds: an order is done in about 1.2 s.
    let sb = SandboxProc::start(&["--speed", "1500"]);
    let home = sb.home("sandbox");
    home.smm()
        .args([
            "order",
            "add",
            "--service",
            "1448",
            "--link",
            "https://i.com/a",
            "--quantity",
            "100",
        ])
        .assert()
        .code(0);
    home.smm()
        .args([
            "order",
            "add",
            "--service",
            "1448",
            "--link",
            "https://i.com/b",
            "--quantity",
            "200",
        ])
        .assert()
        .code(0);
    let started = Instant::now();
    let out = home
        .smm()
        .args(["watch", "23501,23502", "--every", "1s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(20));
    let text = stdout(&out);
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
    let out = home
        .smm()
        .args(["watch", "23491,23493,23495"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("1 Completed") && stdout(&out).contains("1 Partial"),
        "{}",
        stdout(&out)
    );
    let out = home.smm().args(["watch", "23491,7"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stdout(&out).contains("Incorrect order ID"));
    let out = home.smm().args(["watch", "23491"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = home.smm().args(["watch", "99"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "one unknown id is that order's error: {}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("Incorrect order ID"));
}

#[test]
fn ctrl_c_stops_watch_cleanly() {
    let sb = SandboxProc::start(&[]);
    let home = sb.home("sandbox");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("smm"))
        .args(["watch", "23500", "--every", "1s"])
        .env("SMM_CONFIG", home.config())
        .env("SMM_DATA_DIR", home.dir.path().join("data"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let started = Instant::now();
    let status = child.wait().unwrap();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(status.code(), Some(130));
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(
        err.contains("stopped: 1 of 1 orders still running"),
        "{err}"
    );
}
