//! The book never goes backwards, stays bounded, and never loses an order id or a refill id —
//! against the hostile panels of `hostile_panel`: overlapping syncs, a huge status text, a
//! huge status map, an add answer that contradicts its HTTP status, echoed keys (as written,
//! URL-encoded or JSON-escaped), and a book locked while the panel answers an add or a refill.

use crate::common::{Home, Run, order_add};
use crate::hostile_panel::{self as hostile, KEY, ODD_KEY, ODD_KEY_ECHOES, home_on, placed_orders};
use serde_json::Value;
use std::time::{Duration, Instant};

/// The order book's status history of entry `id`: (previous, status).
fn history(home: &Home, id: &str) -> Vec<(Option<String>, String)> {
    let conn = rusqlite::Connection::open(home.book()).unwrap();
    conn.prepare("SELECT previous, status FROM status_history WHERE order_id = ?1 ORDER BY rowid")
        .unwrap()
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn two_overlapping_syncs_leave_the_newer_status_and_alert_once() {
    let delay = Duration::from_secs(4);
    let panel = hostile::slow_first_status("In progress", delay, "Partial");
    let home = home_on(&panel, "low_balance = \"500\"\n");
    placed_orders(&home, &panel.url, 1..=1, 60);
    // Sync A asks first; its answer comes last.
    let a = home.spawn(["sync", "-q"]);
    let asked = Instant::now();
    while panel.actions("status").is_empty() {
        assert!(
            asked.elapsed() < Duration::from_secs(20),
            "sync A never asked"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let started = Instant::now();
    let b = home.run(["sync", "-q"]);
    assert!(
        started.elapsed() < delay,
        "sync B must end before A's answer comes for this test to mean anything"
    );
    let a = a.finish();
    b.expect(
        3,
        "alert: p: order 1 ended Partial\n\
         alert: p: balance 100.84292 USD is under low_balance 500: top up the account\n",
        "",
    );
    // A's older answer (In progress) is not written over B's newer one, nor alerted again.
    a.expect(0, "", "");
    let rows = home.orders();
    assert_eq!(
        (&rows[0]["status"], &rows[0]["finished"]),
        (&"Partial".into(), &1.into())
    );
    assert_eq!(history(&home, "e1"), [(None, "Partial".to_string())]);
    // Finished: the next sync does not ask about it, and has nothing new to say.
    home.run(["sync", "-q"]).expect(0, "", "");
    assert_eq!(panel.actions("status").len(), 2);
}

#[test]
fn a_600_kb_status_is_stored_cut() {
    let panel = hostile::huge_status_text(600_000);
    let home = home_on(&panel, "");
    placed_orders(&home, &panel.url, 1..=2, 60);
    let cut = format!("{}…", "A".repeat(100));
    let out = home.run(["sync", "-q", "--json"]);
    out.expect_code(0);
    let doc = out.json();
    assert_eq!(doc["profiles"][0]["status_changes"][0]["to"], cut.as_str());
    for row in home.orders() {
        assert_eq!(row["status"], cut.as_str());
    }
    assert_eq!(history(&home, "e1"), [(None, cut.clone())]);
    // Three syncs of the same answer: the book stays small (it would hold 1.2 MB each time).
    home.run(["sync", "-q"]).expect(0, "", "");
    home.run(["sync", "-q"]).expect(0, "", "");
    let size = |suffix: &str| {
        std::fs::metadata(format!("{}{suffix}", home.book().display()))
            .map(|m| m.len())
            .unwrap_or(0)
    };
    let total = size("") + size("-wal");
    assert!(total < 300_000, "the book and its WAL hold {total} bytes");
}

#[test]
fn a_60_mb_status_map_for_20_asked_ids_stays_under_300_mb() {
    let ids: Vec<u64> = (1..=20).collect();
    let body = hostile::huge_status_map(60_000_000, &ids);
    assert!(body.len() >= 60_000_000);
    let panel = hostile::status_body(body);
    let home = home_on(&panel, "");
    placed_orders(&home, &panel.url, ids.iter().copied(), 60);
    // Peak resident memory of the smm process, from GNU time (a missing `time` fails the test).
    let out = home
        .shell("/usr/bin/time -f 'peak %M KB' smm --timeout 120 sync -q --json")
        .run();
    out.expect_code(0);
    let peak_kb: u64 = out
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak ")?.strip_suffix(" KB")?.parse().ok())
        .unwrap_or_else(|| out.fail("no peak memory from /usr/bin/time"));
    eprintln!("smm sync peak memory: {peak_kb} KB");
    assert!(
        peak_kb < 300 * 1024,
        "smm sync peaked at {} MB for 20 asked ids",
        peak_kb / 1024
    );
    let doc = out.json();
    assert_eq!(doc["profiles"][0]["orders_asked"], 20);
    assert_eq!(
        doc["profiles"][0]["status_changes"]
            .as_array()
            .unwrap()
            .len(),
        20
    );
    assert!(home.orders().iter().all(|r| r["status"] == "Completed"));
}

#[test]
fn an_add_answered_400_or_429_with_an_order_id_is_unknown_and_never_repeated() {
    for status in [400, 429] {
        let panel = hostile::add_with_order_id_and_status(status);
        let home = home_on(&panel, "");
        let add = order_add("1", "https://i.com/p", &["--quantity", "100"]);
        let out = home.run(&add);
        out.expect_code(1);
        let reason = match status {
            400 => "400 Bad Request",
            _ => "429 Too Many Requests",
        };
        out.stderr_has(&format!(
            "the panel answered HTTP {reason} but its answer holds order id 23501"
        ))
        .stderr_has("the order may or may not have been placed");
        let rows = home.orders();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0]["outcome"], "unknown", "HTTP {status}");
        assert!(
            rows[0]["error"]
                .as_str()
                .unwrap()
                .contains("order id 23501"),
            "{}",
            rows[0]["error"]
        );
        // The repeat is refused, unsent.
        let again = home.run(&add);
        again
            .expect_code(2)
            .stderr_has("refusing a duplicate: an order whose outcome is unknown for service 1");
        assert_eq!(panel.actions("add").len(), 1, "HTTP {status}: sent once");
        assert_eq!(home.orders().len(), 1);
    }
}

#[test]
fn a_key_the_panel_echoes_is_never_printed_alerted_or_stored() {
    let panel = hostile::key_echo();
    let home = home_on(&panel, "attempts = 1\n");
    let mut runs = Vec::new();
    for kind in ["text", "order", "error", "html"] {
        let link = format!("https://i.com/{kind}");
        runs.push(home.run(order_add("1", &link, &["--quantity", "100"])));
    }
    runs.push(home.run(["balance"]));
    runs.push(home.run(["balance", "--json"]));
    runs.push(home.run(["sync"]));
    runs.push(home.run(["sync", "--json"]));
    runs.push(home.run(["orders", "--json"]));
    runs.push(home.run(["orders", "--check", "--json"]));
    for ran in &runs {
        if ran.stdout.contains(KEY) || ran.stderr.contains(KEY) {
            ran.fail("the key the panel echoed was printed");
        }
    }
    // The echoes were there, masked.
    runs[0].expect_code(1).stderr_has("Bad key ****");
    runs[1].expect_code(1).stderr_has(r#"{"order":"****"}"#);
    runs[2].expect_code(1).stderr_has("key **** has no funds");
    runs[3].expect_code(1).stderr_has("Fatal error: key ****");
    runs[4].expect_code(1).stderr_has("bad key **** in");
    // Every panel failed (exit 1); the alert still went out, masked.
    runs[6]
        .expect_code(1)
        .stdout_has("alert: p: ")
        .stdout_has("bad key **** in");
    let doc = runs[7].json();
    assert!(
        doc["alerts"][0]["message"]
            .as_str()
            .unwrap()
            .contains("bad key ****"),
        "{doc}"
    );
    let errors: Vec<String> = home
        .orders()
        .iter()
        .map(|r| r["error"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(errors.len(), 4);
    // (The fourth is cut at 300 characters before the echo.)
    assert!(errors[..3].iter().all(|e| e.contains("****")), "{errors:?}");
    // Nowhere in the book's files either.
    let dir = home.book().parent().unwrap().to_path_buf();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !bytes.windows(KEY.len()).any(|w| w == KEY.as_bytes()),
            "{} holds the key",
            path.display()
        );
    }
}

#[test]
fn a_key_the_panel_echoes_url_encoded_or_json_escaped_is_masked() {
    let panel = hostile::key_echo_encoded();
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"{}\"\nattempts = 1\n",
        panel.url,
        ODD_KEY.replace('"', "\\\"")
    ));
    for echo in ODD_KEY_ECHOES {
        let ran = home.run(["balance"]);
        ran.expect_code(1).stdout_is("").stderr_is(
            "smm: panel 'p' says: bad key **** (check the key of profile 'p': smm config show)\n",
        );
        assert!(!ran.stderr.contains(echo), "{echo}");
    }
    // The panel got the key itself, as the form sent it.
    let asked = panel.actions("balance");
    assert_eq!(asked.len(), ODD_KEY_ECHOES.len());
    assert!(asked.iter().all(|r| r.field("key") == Some(ODD_KEY)));
    // In a redirect's target (never followed), and in an HTML error page.
    home.run(["services"]).expect_code(1).stderr_like(
        "smm: the panel answered HTTP 302 Found redirecting to \
         http://127.0.0.1:PORT/login?key=****&next=%2Fapi%2Fv2; smm does not follow redirects \
         (the key must not go elsewhere): put the final URL in the profile's url\n",
    );
    let ran = home.run(["status", "1"]);
    ran.expect_code(1).stderr_is(
        "smm: the panel answered HTTP 500 Internal Server Error with an HTML page, not JSON (a \
         Cloudflare check, maintenance page or wrong url?): <html><script>var cfg = \
         {\"key\":\"****\"};</script>Error</html>\n",
    );
    for ran in [home.run(["services"]), ran] {
        for echo in ODD_KEY_ECHOES {
            assert!(!ran.stderr.contains(echo), "{echo}: {}", ran.stderr);
        }
    }
}

#[test]
fn an_outcome_the_locked_book_cannot_take_is_kept_and_recorded_by_the_next_run() {
    let home = Home::new();
    let (panel, holder) = hostile::add_while_the_book_is_locked(&home, Duration::from_secs(4));
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"{KEY}\"\n",
        panel.url
    ));
    let out = home
        .smm()
        .args(order_add("1", "https://i.com/p", &["--quantity", "100"]))
        .env("SMM_LOCK_TIMEOUT", "1")
        .run();
    out.expect_code(1).stdout_is("");
    let stderr = home.tidy(&out.stderr);
    let line = stderr
        .strip_suffix('\n')
        .unwrap_or_else(|| out.fail("no line"));
    assert!(!line.contains('\n'), "one line: {stderr}");
    assert!(
        line.starts_with(
            "smm: order 23501 was placed on the panel, but the order book could not record it (another smm has held the order book"
        ) && line.contains("): it is kept in ~/data/outcome-")
            && line.ends_with(".json and the next smm run records it"),
        "{stderr}"
    );
    // The side file is private; the book still says unknown while it is locked.
    let side: Vec<_> = std::fs::read_dir(home.book().parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("outcome-")
        })
        .collect();
    assert_eq!(side.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&side[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let locker = holder.lock().unwrap().take().unwrap();
    locker.join().unwrap();
    // The next run folds it in first: placed, with its id; the side file is gone.
    let out = home.run(["orders", "--json"]);
    out.expect_code(0);
    let listed: Value = out.json();
    assert_eq!(listed[0]["outcome"], "placed");
    assert_eq!(listed[0]["order"], "23501");
    assert!(!side[0].exists());
    // And `smm sync` follows it (the fixture panel says it ended Partial).
    home.run(["sync", "-q"])
        .expect(3, "alert: p: order 23501 ended Partial\n", "");
    let asked = panel.actions("status");
    assert_eq!(asked.last().unwrap().field("order"), Some("23501"));
}

/// The side files beside the home's order book whose names start with `prefix`.
fn side_files(home: &Home, prefix: &str) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(home.book().parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect()
}

/// The one line `out` wrote on stderr, with the home as `~`.
fn one_line(home: &Home, out: &crate::common::Ran) -> String {
    let stderr = home.tidy(&out.stderr);
    let line = stderr
        .strip_suffix('\n')
        .unwrap_or_else(|| out.fail("no line"));
    assert!(!line.contains('\n'), "one line: {stderr}");
    line.to_string()
}

/// `smm refills --json`, oldest first, as `(order, refill, status, entry)`.
fn refills(home: &Home) -> Vec<(Value, Value, Value, Value)> {
    let doc = home.run(["refills", "--json"]).json();
    let mut all: Vec<_> = doc
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["order"].clone(),
                r["refill"].clone(),
                r["status"].clone(),
                r["entry"].clone(),
            )
        })
        .collect();
    all.reverse();
    all
}

#[test]
fn a_refill_answer_the_locked_book_cannot_take_is_kept_and_recorded_by_the_next_run() {
    let home = Home::new();
    let (panel, holder) = hostile::refill_while_the_book_is_locked(&home, Duration::from_secs(4));
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"{KEY}\"\n",
        panel.url
    ));
    placed_orders(&home, &panel.url, 23501..=23501, 60);
    home.run(["orders", "-q"]).expect_code(0);
    let out = home
        .smm()
        .args(["refill", "23501"])
        .env("SMM_LOCK_TIMEOUT", "1")
        .run();
    out.expect_code(1).stdout_is("");
    let line = one_line(&home, &out);
    assert!(
        line.starts_with(
            "smm: the panel gave refill 9001 for order 23501, but the order book could not record it (another smm has held the order book"
        ) && line.contains("): it is kept in ~/data/refills-")
            && line.ends_with(".json and the next smm run records it"),
        "{line}"
    );
    // The side file is private; the book still says Unknown while it is locked.
    let side = side_files(&home, "refills-");
    assert_eq!(side.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&side[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let locker = holder.lock().unwrap().take().unwrap();
    locker.join().unwrap();
    // The next run folds it in first: Pending, with the panel's refill id; the file is gone.
    assert_eq!(
        refills(&home),
        [(
            "23501".into(),
            "9001".into(),
            "Pending".into(),
            "e23501".into()
        )]
    );
    assert!(!side[0].exists());
    // And `smm refill-status` follows it (the fixture panel says Completed).
    home.run(["refill-status"]).expect(
        0,
        "PROFILE  ORDER  REFILL  WAS      STATUS     PANEL SAID\n\
         p        23501  9001    Pending  Completed  Completed\n",
        "",
    );
    assert_eq!(
        panel
            .actions("refill_status")
            .last()
            .unwrap()
            .field("refill"),
        Some("9001")
    );
}

#[test]
fn due_refill_answers_the_locked_book_cannot_take_are_kept_and_recorded_by_the_next_run() {
    let home = Home::new();
    let (panel, holder) = hostile::refill_while_the_book_is_locked(&home, Duration::from_secs(4));
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"{KEY}\"\n",
        panel.url
    ));
    placed_orders(&home, &panel.url, 23501..=23502, 3600);
    home.run(["orders", "--check", "-q"]).expect_code(0);
    let out = home
        .smm()
        .args(["refill", "--due", "--json"])
        .env("SMM_LOCK_TIMEOUT", "1")
        .run();
    out.expect_code(1);
    // What the panel answered is printed, and the line names every refill id and its order.
    let sent: Vec<(Value, Value, Value)> = out.json()["profiles"][0]["sent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["order"].clone(), s["refill"].clone(), s["status"].clone()))
        .collect();
    assert_eq!(
        sent,
        [
            ("23501".into(), "9001".into(), "Pending".into()),
            ("23502".into(), "9002".into(), "Pending".into()),
        ]
    );
    let stderr = home.tidy(&out.stderr);
    let (line, note) = stderr
        .strip_suffix('\n')
        .and_then(|s| s.split_once('\n'))
        .unwrap_or_else(|| out.fail("two lines"));
    assert_eq!(note, "smm: 2 refills asked, 0 refused (see `smm refills`)");
    assert!(
        line.starts_with(
            "smm: profile 'p': the panel gave refill 9001 for order 23501, refill 9002 for order 23502, but the order book could not record it (another smm has held the order book"
        ) && line.contains("): it is kept in ~/data/refills-")
            && line.ends_with(".json and the next smm run records it"),
        "{line}"
    );
    let side = side_files(&home, "refills-");
    assert_eq!(side.len(), 1);
    let locker = holder.lock().unwrap().take().unwrap();
    locker.join().unwrap();
    assert_eq!(
        refills(&home),
        [
            (
                "23501".into(),
                "9001".into(),
                "Pending".into(),
                "e23501".into()
            ),
            (
                "23502".into(),
                "9002".into(),
                "Pending".into(),
                "e23502".into()
            ),
        ]
    );
    assert!(!side[0].exists());
    // Pending: not due again, so nothing is sent twice.
    home.run(["refill", "--due"])
        .expect_code(0)
        .stderr_has("smm: no orders are due a refill\n");
    assert_eq!(panel.actions("refill").len(), 1);
}
