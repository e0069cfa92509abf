//! Bulk orders from a file: both formats, validation with line numbers before anything is
//! sent, the total against the balance, confirmation rules, one-by-one placing through the
//! order book, and resuming after a partial run.

use crate::common::{Home, Panel, Reply, Run, Running, SandboxProc, Stream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

fn write(home: &Home, name: &str, text: &str) -> String {
    let path = home.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn the_mass_order_format_against_the_sandbox() {
    let sb = SandboxProc::start(&[]);
    let home = sb.home("sandbox");
    let file = write(
        &home,
        "orders.txt",
        "1448|https://i.com/a|500\n1448|https://i.com/b|1000\n\n1448|https://i.com/c|100\n",
    );
    let out = home.run(["order", "add", "--file", &file, "--yes"]);
    out.expect_code(0);
    let text = &out.stdout;
    // 0.45 + 0.90 + 0.09 = 1.44
    out.stdout_is(concat!(
        "ORDERS      3\n",
        "TOTAL COST  1.44 USD\n",
        "BALANCE     100.00 USD\n",
        "\n",
        "LINE  SERVICE  LINK             QUANTITY  COST  ORDER  RESULT\n",
        "   1  1448     https://i.com/a       500  0.45  23501  placed\n",
        "   2  1448     https://i.com/b      1000  0.90  23502  placed\n",
        "   4  1448     https://i.com/c       100  0.09  23503  placed\n",
    ));
    for (line, order) in [
        ("1 ", "23501  placed"),
        ("2 ", "23502  placed"),
        ("4 ", "23503  placed"),
    ] {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(line) && l.contains(order)),
            "{line}{order}: {text}"
        );
    }
    assert!((home.run(["balance"])).stdout.contains("98.56"));
    assert_eq!(
        home.orders()
            .iter()
            .filter(|r| r["outcome"] == "placed")
            .count(),
        3
    );
}

#[test]
fn csv_with_a_header_sends_every_column() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let file = write(
        &home,
        "orders.csv",
        "service,link,quantity,runs,interval,comments\n1448,https://i.com/a,500,2,30,\n1452,https://fb.com/p,,,,\"first, nice\nsecond\nthird\nfourth\nfifth\nsixth\nseventh\neighth\nninth\ntenth\"\n",
    );
    let out = home.run(["order", "add", "-f", &file, "-y"]);
    out.expect_code(0);
    let adds = panel.actions("add");
    assert_eq!(adds.len(), 2);
    assert_eq!(
        adds[0].field_names(),
        vec![
            "key", "action", "service", "link", "quantity", "runs", "interval"
        ]
    );
    assert_eq!(adds[0].field("runs"), Some("2"));
    assert_eq!(adds[1].field("service"), Some("1452"));
    assert_eq!(adds[1].field("comments").unwrap().lines().count(), 10);
    assert!(
        adds[1]
            .field("comments")
            .unwrap()
            .starts_with("first, nice\n")
    );
}

#[test]
fn a_bad_line_stops_everything_and_names_its_line() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let file = write(
        &home,
        "orders.txt",
        "1448|https://i.com/a|500\n1448|https://i.com/b|lots\n1448|https://i.com/c\n",
    );
    let out = home.run(["order", "add", "--file", &file, "--yes"]);
    out.expect_code(2);
    out.stderr_like(concat!(
        "smm: ~/orders.txt: line 2: quantity 'lots' is not a whole number\n",
        "smm: ~/orders.txt: line 3: expected service|link|quantity, got 2 fields\n",
        "smm: 2 line(s) cannot be ordered (above); nothing was sent\n",
    ));
    assert!(
        panel.actions("add").is_empty() && panel.actions("balance").is_empty(),
        "nothing is sent: only the catalogue is read, to check the good lines"
    );
}

#[test]
fn lines_are_checked_against_the_catalogue_before_any_order() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let file = write(
        &home,
        "orders.txt",
        "1448|https://i.com/a|500\n999|https://i.com/b|100\n1448|https://i.com/c|20\n1452|https://fb.com/d|10\n",
    );
    let out = home.run(["order", "add", "--file", &file, "--yes"]);
    out.expect_code(2);
    out.stderr_like(concat!(
        "smm: ~/orders.txt: line 2: service 999 is not in the catalogue of profile 'test'\n",
        "smm: ~/orders.txt: line 3: quantity 20 is below service 1448's minimum of 50\n",
        "smm: ~/orders.txt: line 4: service 1452 (Custom Comments) needs --comments\n",
        "smm: 3 line(s) cannot be ordered (above); nothing was sent\n",
    ));
    assert!(panel.actions("add").is_empty());
}

#[test]
fn dry_run_shows_the_total_and_stops() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let file = write(
        &home,
        "orders.txt",
        "1448|https://i.com/a|500\n1448|https://i.com/b|500\n",
    );
    let out = home.run(["order", "add", "--file", &file, "--dry-run"]);
    out.expect_code(0);
    out.stdout_is(concat!(
        "ORDERS      2\n",
        "TOTAL COST  0.90 USD\n",
        "BALANCE     100.84292 USD\n",
        "\n",
        "LINE  SERVICE  LINK             QUANTITY  COST  ORDER  RESULT\n",
        "   1  1448     https://i.com/a       500  0.45         to place\n",
        "   2  1448     https://i.com/b       500  0.45         to place\n",
    ));
    assert!(panel.actions("add").is_empty());
}

#[test]
fn a_non_terminal_needs_yes_and_a_short_balance_stops_it() {
    let panel = Panel::start(|req| match req.field("action") {
        Some("balance") => Reply::json(r#"{"balance":"0.50","currency":"USD"}"#),
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::with_panel(&panel);
    let small = write(&home, "small.txt", "1448|https://i.com/a|100\n");
    let out = home.run(["order", "add", "--file", &small]);
    out.expect_code(2);
    out.stderr_is(
        "smm: placing 1 order needs confirmation: pass --yes (stdin is not a terminal)\n",
    );
    let big = write(&home, "big.txt", "1448|https://i.com/a|1000\n");
    let out = home.run(["order", "add", "--file", &big, "--yes"]);
    out.expect_code(1);
    out.stderr_is(
        "smm: the balance (0.50 USD) does not cover the total (0.90 USD): nothing was placed\n",
    );
    assert!(panel.actions("add").is_empty());
    // From stdin, with --yes.
    let out = home
        .smm()
        .args(["order", "add", "--file", "-", "--yes"])
        .write_stdin("1448|https://i.com/z|100\n")
        .run();
    out.expect_code(0);
    assert_eq!(panel.actions("add").len(), 1);
}

#[test]
fn a_failed_line_exits_3_and_a_rerun_places_only_what_is_missing() {
    // The second add of the first run is refused; everything else succeeds.
    let adds = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&adds);
    let panel = Panel::start(move |req| match req.field("action") {
        Some("add") => match count.fetch_add(1, Ordering::SeqCst) {
            1 => Reply::json(r#"{"error":"Link is busy, try later"}"#),
            n => Reply::json(format!("{{\"order\":{}}}", 30000 + n)),
        },
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::with_panel(&panel);
    let file = write(
        &home,
        "orders.txt",
        "1448|https://i.com/a|100\n1448|https://i.com/b|100\n1448|https://i.com/c|100\n",
    );
    let out = home.run(["order", "add", "--file", &file, "--yes"]);
    out.expect_code(3);
    out.stdout_is(concat!(
        "ORDERS      3\n",
        "TOTAL COST  0.27 USD\n",
        "BALANCE     100.84292 USD\n",
        "\n",
        "LINE  SERVICE  LINK             QUANTITY  COST  ORDER  RESULT\n",
        "   1  1448     https://i.com/a       100  0.09  30000  placed\n",
        "   2  1448     https://i.com/b       100  0.09         error: panel 'test' says: Link is busy, try later\n",
        "   3  1448     https://i.com/c       100  0.09  30002  placed\n",
    ));
    assert_eq!(adds.load(Ordering::SeqCst), 3);
    let out = home.run(["order", "add", "--file", &file, "--yes"]);
    out.expect_code(0);
    let text = &out.stdout;
    assert!(
        text.lines().any(
            |l| l.trim_start().starts_with("1 ") && l.contains("already placed as order 30000")
        ),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("2 ") && l.ends_with("30003  placed")),
        "{text}"
    );
    assert!(
        text.lines().any(
            |l| l.trim_start().starts_with("3 ") && l.contains("already placed as order 30002")
        ),
        "{text}"
    );
    out.stderr_is("smm: 1 placed, 2 skipped (the order book shows them placed already; --force orders them again)\n");
    assert_eq!(
        adds.load(Ordering::SeqCst),
        4,
        "only the missing line was sent again"
    );
}

#[test]
fn a_line_whose_outcome_is_unknown_is_not_resent() {
    let panel = Panel::start(|req| match req.field("action") {
        Some("add") if req.field("link") == Some("https://i.com/b") => {
            Reply::with_status(502, "text/html", "<html>502</html>")
        }
        Some("add") => Reply::json(r#"{"order":1}"#),
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::with_panel(&panel);
    let file = write(
        &home,
        "orders.txt",
        "1448|https://i.com/a|100\n1448|https://i.com/b|100\n",
    );
    home.run(["order", "add", "--file", &file, "--yes"])
        .expect_code(3);
    let out = home.run(["order", "add", "--file", &file, "--yes"]);
    out.expect_code(3);
    let text = &out.stdout;
    assert!(text.contains("outcome is unknown"), "{text}");
    // The summary before sending and the note after count the same lines the same way.
    let row = |k: &str| text.lines().find(|l| l.starts_with(k)).unwrap_or_default();
    assert!(row("ORDERS").ends_with(" 0"), "{text}");
    assert!(row("SKIPPED").contains(" 1 "), "{text}");
    assert!(row("HELD BACK").contains(" 1 "), "{text}");
    out.stderr_is("smm: 0 placed, 1 skipped (the order book shows them placed already; --force orders them again), 1 held back (an earlier try's outcome is unknown: check the panel, then --force)\n");
    assert_eq!(
        panel.actions("add").len(),
        2,
        "the unknown line was not sent twice"
    );
    let out = home.run(["order", "add", "--file", &file, "--yes", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        (
            &report["orders"],
            &report["skipped"],
            &report["held"],
            &report["failed"]
        ),
        (&0.into(), &1.into(), &1.into(), &0.into()),
        "{report}"
    );
}

#[test]
fn a_terminal_is_asked_to_confirm() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let file = write(&home, "orders.txt", "1448|https://i.com/a|100\n");
    // `script` gives smm a terminal; the answer is typed once the prompt is on it.
    let run = |answer: &str| {
        let mut child = Running::spawn(home.script(&format!("smm order add --file {file}")));
        child.wait_for(Stream::Stdout, "[y/N]", Duration::from_secs(30));
        child.type_in(answer);
        child.finish()
    };
    let out = run("n\n");
    // What the terminal showed: the summary, the prompt with the answer echoed, the refusal.
    out.expect_code(1).stdout_is(concat!(
        "┌────────────┬───────────────┐\r\n",
        "│ ORDERS     ┆ 1             │\r\n",
        "│ TOTAL COST ┆ 0.09 USD      │\r\n",
        "│ BALANCE    ┆ 100.84292 USD │\r\n",
        "└────────────┴───────────────┘\r\n",
        "Place 1 order for 0.09 USD on profile 'test'? [y/N] n\r\n",
        "smm: cancelled: nothing was placed\r\n",
    ));
    assert!(panel.actions("add").is_empty(), "declined: nothing placed");
    let out = run("y\n");
    out.expect_code(0);
    // After the progress bar (its frames depend on timing) clears its line: the report.
    let report = out.stdout.rsplit("\u{1b}[2K").next().unwrap_or_default();
    assert_eq!(
        report,
        concat!(
            "\r\n",
            "┌──────┬─────────┬─────────────────┬──────────┬──────┬───────┬────────┐\r\n",
            "│ LINE ┆ SERVICE ┆ LINK            ┆ QUANTITY ┆ COST ┆ ORDER ┆ RESULT │\r\n",
            "╞══════╪═════════╪═════════════════╪══════════╪══════╪═══════╪════════╡\r\n",
            "│    1 ┆ 1448    ┆ https://i.com/a ┆      100 ┆ 0.09 ┆ 23501 ┆ placed │\r\n",
            "└──────┴─────────┴─────────────────┴──────────┴──────┴───────┴────────┘\r\n",
            "smm: 1 placed\r\n",
        ),
        "{}",
        out.stdout
    );
    assert_eq!(panel.actions("add").len(), 1);
}

#[test]
fn the_same_order_twice_in_a_file_is_refused_unless_forced() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let file = write(
        &home,
        "dup.txt",
        "1448|https://i.com/a|100\n1448|https://i.com/b|100\n1448|https://i.com/a|100\n",
    );
    let out = home.run(["order", "add", "--file", &file, "--yes"]);
    out.expect_code(2);
    out.stderr_like(concat!(
        "smm: ~/dup.txt: line 3: the same order as line 1 (pass --force to place both)\n",
        "smm: 1 line(s) cannot be ordered (above); nothing was sent\n",
    ));
    assert!(panel.actions("add").is_empty());
    let out = home.run(["order", "add", "--file", &file, "--yes", "--force"]);
    out.expect_code(0);
    assert_eq!(panel.actions("add").len(), 3);
}

#[test]
fn a_rerun_counts_only_what_it_will_send() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let first = write(&home, "first.txt", "1448|https://i.com/a|100\n");
    home.run(["order", "add", "--file", &first, "--yes"])
        .expect_code(0);
    let both = write(
        &home,
        "both.txt",
        "1448|https://i.com/a|100\n1448|https://i.com/b|1000\n",
    );
    let out = home.run(["order", "add", "--file", &both, "--dry-run"]);
    let text = &out.stdout;
    let row = |k: &str| {
        text.lines()
            .find(|l| l.starts_with(k))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row("ORDERS").ends_with(" 1"), "{text}");
    assert!(row("SKIPPED").contains('1'), "{text}");
    assert!(row("TOTAL COST").contains("0.90 USD"), "{text}");
}

#[test]
fn the_command_line_and_a_bulk_file_refuse_the_same_orders() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let order = ["--service", "1448", "--link", "https://i.com/a"];
    let cases: [(Vec<&str>, &str, &str); 6] = [
        // Quantity outside the service's min/max (1448: 50 to 10000): the catalogue refuses it.
        (
            [&order[..], &["--quantity", "20"]].concat(),
            "service,link,quantity\n1448,https://i.com/a,20\n",
            "quantity 20 is below service 1448's minimum of 50",
        ),
        (
            [&order[..], &["--quantity", "10001"]].concat(),
            "service,link,quantity\n1448,https://i.com/a,10001\n",
            "quantity 10001 is above service 1448's maximum of 10000",
        ),
        (
            [&order[..], &["--quantity", "100", "--device", "9"]].concat(),
            "service,link,quantity,device\n1448,https://i.com/a,100,9\n",
            "device",
        ),
        (
            [&order[..], &["--quantity", "100", "--expiry", "31/02/2026"]].concat(),
            "service,link,quantity,expiry\n1448,https://i.com/a,100,31/02/2026\n",
            "expiry '31/02/2026'",
        ),
        // Custom Comments without a comment: an empty list on the command line, an empty
        // cell in the file (which the catalogue check then finds missing).
        (
            vec![
                "--service",
                "1452",
                "--link",
                "https://fb.com/p",
                "--comments",
                " \n ",
            ],
            "service,link,comments\n1452,https://fb.com/p,\" \n \"\n",
            "comments",
        ),
        (
            vec![
                "--service",
                "1452",
                "--link",
                "https://fb.com/p",
                "--dry-run",
            ],
            "service,link,quantity,comments\n1452,https://fb.com/p,,\n",
            "needs --comments",
        ),
    ];
    for (i, (args, csv, expected)) in cases.iter().enumerate() {
        let out = home.smm().args(["order", "add"]).args(args).run();
        let err = &out.stderr;
        out.expect_code(2);
        assert!(err.contains(expected), "{args:?}: {err}");
        let file = write(&home, &format!("case{i}.csv"), csv);
        let out = home.run(["order", "add", "--file", &file, "--yes"]);
        let err = &out.stderr;
        out.expect_code(2);
        assert!(
            err.contains(expected) && err.contains("line 2:"),
            "{csv:?}: {err}"
        );
    }
    assert!(panel.actions("add").is_empty(), "no add reached the panel");
}

#[test]
fn a_csv_without_a_header_is_one_error_line() {
    let panel = Panel::fixtures();
    panel.expect_none();
    let home = Home::with_panel(&panel);
    let file = write(
        &home,
        "orders.csv",
        "1448,https://i.com/a,500\n1448,https://i.com/b,100\n",
    );
    let out = home.run(["order", "add", "--file", &file, "--yes"]);
    out.expect_code(2);
    let err = &out.stderr;
    let problems: Vec<&str> = err.lines().filter(|l| l.contains(": line ")).collect();
    assert_eq!(problems.len(), 1, "{err}");
    assert!(
        problems[0].contains("line 1: no header row")
            && problems[0].contains("service,link,quantity"),
        "{err}"
    );
    assert!(panel.requests().is_empty(), "nothing is sent");
}

/// The CSV example of the README (NOTES-README.md), as written there.
const README_CSV: &str = "service,link,quantity,runs,interval,comments
1448,https://instagram.com/p/abc,500,5,30,
1452,https://facebook.com/post/1,,,,\"Great post!
Love it, really
So true
Amazing
Beautiful
Well said
Wow
Nice shot
Thanks for sharing
Can't wait for more\"
";

#[test]
fn the_readme_csv_example_runs_on_the_sandbox_and_so_does_its_semicolon_twin() {
    let sb = SandboxProc::start(&[]);
    let home = sb.home("sandbox");
    let file = write(&home, "orders.csv", README_CSV);
    let out = home.run(["order", "add", "--file", &file, "--yes"]);
    out.expect_code(0);
    // 0.90 × 500 / 1000 × 5 runs + 8 × 10 comments / 1000 = 2.25 + 0.08
    out.stdout_is(concat!(
        "ORDERS      2\n",
        "TOTAL COST  2.33 USD\n",
        "BALANCE     100.00 USD\n",
        "\n",
        "LINE  SERVICE  LINK                         QUANTITY  COST  ORDER  RESULT\n",
        "   2  1448     https://instagram.com/p/abc       500  2.25  23501  placed\n",
        "   3  1452     https://facebook.com/post/1        10  0.08  23502  placed\n",
    ));
    assert_eq!(
        out.stdout
            .lines()
            .filter(|l| l.contains("  2350") && l.ends_with("  placed"))
            .count(),
        2,
        "{}",
        out.stdout
    );
    let placed = home.orders();
    assert_eq!(
        placed[1]["fields"],
        r#"{"comments":"Great post!\nLove it, really\nSo true\nAmazing\nBeautiful\nWell said\nWow\nNice shot\nThanks for sharing\nCan't wait for more"}"#
    );
    // The same file as a spreadsheet in a comma-decimal locale exports it: `;` between
    // cells and a byte-order mark.
    let semicolons = format!(
        "\u{feff}{}",
        README_CSV
            .replace(',', ";")
            .replace("Love it; really", "Love it, really")
            .replace("instagram.com/p/abc", "instagram.com/p/xyz")
            .replace("post/1", "post/2")
    );
    let file = write(&home, "excel.csv", &semicolons);
    let out = home.run(["order", "add", "--file", &file, "--yes"]);
    out.expect_code(0);
    let placed = home.orders();
    assert_eq!(placed.len(), 4);
    assert_eq!(placed[2]["link"], "https://instagram.com/p/xyz");
    assert_eq!(placed[2]["fields"], r#"{"interval":"30","runs":"5"}"#);
    assert!(
        placed[3]["fields"]
            .as_str()
            .unwrap()
            .contains("Love it, really")
    );
}
