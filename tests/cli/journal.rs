//! The order journal and the duplicate guard: written before sending and after the answer,
//! "unknown" when the outcome is ambiguous, duplicates refused unless --force, `smm orders`.

use crate::common::{Home, Panel, Reply, SandboxProc, stderr, stdout};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const ADD: [&str; 8] = [
    "order",
    "add",
    "--service",
    "1448",
    "--link",
    "https://i.com/p",
    "--quantity",
    "500",
];

#[test]
fn the_intent_is_on_disk_before_the_add_is_sent_and_the_outcome_after() {
    let home = Home::new();
    let journal = home.journal();
    let seen_at_send: Arc<Mutex<Option<String>>> = Arc::default();
    let record = Arc::clone(&seen_at_send);
    let panel = Panel::with_catalogue(move |_| {
        *record.lock().unwrap() = std::fs::read_to_string(&journal).ok();
        Reply::json(r#"{"order":23501}"#)
    });
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"secret-key-123\"\n",
        panel.url
    ));
    let out = home
        .smm()
        .args(ADD)
        .args(["--runs", "2", "--interval", "10"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let at_send = seen_at_send
        .lock()
        .unwrap()
        .clone()
        .expect("journal existed when the panel got the add");
    let intent: serde_json::Value = serde_json::from_str(at_send.lines().next().unwrap()).unwrap();
    assert_eq!(intent["kind"], "intent");
    assert_eq!(
        (intent["profile"].as_str(), intent["service"].as_u64()),
        (Some("p"), Some(1448))
    );
    assert_eq!(
        (intent["link"].as_str(), intent["quantity"].as_u64()),
        (Some("https://i.com/p"), Some(500))
    );
    assert_eq!(intent["fields"]["runs"], "2");
    assert_eq!(intent["url"], panel.url);
    let lines = home.journal_lines();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["kind"], "outcome");
    assert_eq!(
        (lines[1]["result"].as_str(), lines[1]["order"].as_str()),
        (Some("order"), Some("23501"))
    );
    assert_eq!(lines[1]["id"], lines[0]["id"]);
    let text = std::fs::read_to_string(home.journal()).unwrap();
    assert!(!text.contains("secret-key-123"));
}

#[test]
fn a_timeout_is_recorded_as_unknown_and_shown_so() {
    let panel =
        Panel::with_catalogue(|_| Reply::json(r#"{"order":1}"#).delayed(Duration::from_secs(3)));
    let home = Home::with_panel(&panel);
    let out = home
        .smm()
        .args(ADD)
        .args(["--timeout", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines = home.journal_lines();
    assert_eq!(lines[1]["result"], "unknown");
    assert!(lines[1]["error"].as_str().unwrap().contains("timed out"));
    let out = home.smm().arg("orders").output().unwrap();
    assert!(stdout(&out).contains("unknown"), "{}", stdout(&out));
}

#[test]
fn a_refusal_is_recorded_as_an_error() {
    let panel =
        Panel::with_catalogue(|_| Reply::json(r#"{"error":"Not enough funds on balance"}"#));
    let home = Home::with_panel(&panel);
    let out = home.smm().args(ADD).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines = home.journal_lines();
    assert_eq!(lines[1]["result"], "error");
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("Not enough funds")
    );
    // A refused order is no duplicate: the same add goes out again.
    home.smm().args(ADD).output().unwrap();
    assert_eq!(panel.actions("add").len(), 2);
}

#[test]
fn a_duplicate_is_refused_unless_forced() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    home.smm().args(ADD).assert().code(0);
    let out = home.smm().args(ADD).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let first_id = home.journal_lines()[0]["id"].as_str().unwrap().to_string();
    assert!(
        err.contains("duplicate")
            && err.contains("order 23501")
            && err.contains(&first_id)
            && err.contains("--force"),
        "{err}"
    );
    assert_eq!(panel.actions("add").len(), 1, "nothing sent when refused");
    // Another quantity is another order.
    home.smm().args(&ADD[..7]).arg("501").assert().code(0);
    assert_eq!(panel.actions("add").len(), 2);
    home.smm().args(ADD).arg("--force").assert().code(0);
    assert_eq!(panel.actions("add").len(), 3);
}

#[test]
fn an_unknown_outcome_also_blocks_a_repeat() {
    let panel = Panel::with_catalogue(|_| Reply::with_status(502, "text/html", "<html>502</html>"));
    let home = Home::with_panel(&panel);
    assert_eq!(
        home.smm().args(ADD).output().unwrap().status.code(),
        Some(1)
    );
    let out = home.smm().args(ADD).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("outcome is unknown"),
        "{}",
        stderr(&out)
    );
    assert_eq!(panel.actions("add").len(), 1);
}

#[test]
fn the_window_is_configurable_and_can_be_turned_off() {
    let panel = Panel::fixtures();
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"k\"\nduplicate_window = \"0\"\n",
        panel.url
    ));
    home.smm().args(ADD).assert().code(0);
    home.smm().args(ADD).assert().code(0);
    assert_eq!(panel.actions("add").len(), 2);
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"k\"\nduplicate_window = \"soon\"\n",
        panel.url
    ));
    assert_eq!(
        home.smm().args(ADD).output().unwrap().status.code(),
        Some(2)
    );
}

#[test]
fn dry_runs_are_not_journaled() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    home.smm().args(ADD).arg("--dry-run").assert().code(0);
    assert!(home.journal_lines().is_empty());
}

#[test]
fn orders_lists_filters_and_speaks_json() {
    let panel = Panel::fixtures();
    let home = Home::new();
    home.write_config(&format!(
        "default_profile = \"a\"\n[profiles.a]\nurl = \"{0}\"\nkey = \"k\"\n[profiles.b]\nurl = \"{0}\"\nkey = \"k\"\n",
        panel.url
    ));
    home.smm().args(ADD).assert().code(0);
    home.smm().args(["-p", "b"]).args(ADD).assert().code(0);
    let out = home.smm().arg("orders").output().unwrap();
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains("order 23501") && text.contains("https://i.com/p"));
    let out = home
        .smm()
        .args(["orders", "-p", "b", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(
        (
            v[0]["profile"].as_str(),
            v[0]["result"].as_str(),
            v[0]["order"].as_str()
        ),
        (Some("b"), Some("order"), Some("23501"))
    );
    let out = home
        .smm()
        .args(["orders", "--since", "1h", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let out = home
        .smm()
        .args(["orders", "--since", "later"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn orders_check_asks_the_panel_and_remembers_finished_orders() {
    let sb = SandboxProc::start(&["--speed", "100000"]);
    let home = sb.home("sandbox");
    home.smm().args(ADD).assert().code(0);
    std::thread::sleep(Duration::from_millis(100));
    let out = home.smm().args(["orders", "--check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Completed"), "{}", stdout(&out));
    let lines = home.journal_lines();
    assert_eq!(lines.last().unwrap()["kind"], "status");
    // Finished orders are not asked about again.
    sb.interrupt();
    let out = home.smm().args(["orders", "--check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Completed"));
}

#[test]
fn the_demo_does_not_touch_the_journal() {
    let home = Home::new();
    home.smm().arg("demo").assert().code(0);
    assert!(!home.journal().exists());
}

#[test]
fn an_intent_without_an_outcome_stays_visible_and_blocks_a_repeat() {
    // What a crash between sending and recording leaves behind.
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    std::fs::create_dir_all(home.journal().parent().unwrap()).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let intent = serde_json::json!({
        "kind": "intent", "id": "crashed-1", "time": now, "profile": "test", "url": panel.url,
        "service": 1448, "link": "https://i.com/p", "quantity": 500, "fields": {}, "cost": null
    });
    std::fs::write(home.journal(), format!("{intent}\n")).unwrap();
    let out = home.smm().arg("orders").output().unwrap();
    assert!(
        stdout(&out).contains("no answer recorded"),
        "{}",
        stdout(&out)
    );
    let out = home.smm().args(ADD).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("crashed-1"), "{}", stderr(&out));
    assert!(panel.actions("add").is_empty());
}

#[test]
fn orders_that_differ_in_any_field_are_not_duplicates() {
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    let home = Home::with_panel(&panel);
    home.smm()
        .args(ADD)
        .args(["--runs", "5", "--interval", "30"])
        .assert()
        .code(0);
    home.smm()
        .args(ADD)
        .args(["--runs", "2", "--interval", "60"])
        .assert()
        .code(0);
    let comments = |text: &str| {
        home.smm()
            .args([
                "order",
                "add",
                "--service",
                "2",
                "--link",
                "https://fb.com/p",
                "--comments",
                text,
            ])
            .output()
            .unwrap()
    };
    assert_eq!(comments("one\ntwo").status.code(), Some(0));
    assert_eq!(comments("three\nfour").status.code(), Some(0));
    assert_eq!(
        comments("one\ntwo").status.code(),
        Some(2),
        "the very same comments again"
    );
    assert_eq!(panel.actions("add").len(), 4);
}

#[test]
fn orders_check_never_asks_another_panel_than_the_one_ordered_from() {
    let (first, second) = (Panel::fixtures(), Panel::fixtures());
    second.expect_none();
    let home = Home::with_panel(&first);
    home.smm().args(ADD).assert().code(0);
    // The profile now points at another panel.
    home.write_config(&format!(
        "default_profile = \"test\"\n\n[profiles.test]\nurl = \"{}\"\nkey = \"test-key\"\n",
        second.url
    ));
    let out = home.smm().args(["orders", "--check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stdout(&out).contains("not checked"), "{}", stdout(&out));
    assert!(home.journal_lines().iter().all(|l| l["kind"] != "status"));
}
