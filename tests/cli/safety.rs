//! Outside text never reaches the terminal raw: customers' links in the journal and panels'
//! text come out of every format (table, plain, CSV, TSV, JSON) without a control character,
//! an escape sequence or a bidi override; JSON escapes them.

use crate::common::{Home, Panel, Ran, Reply, Run, order_add};

/// What a hostile link holds: clear screen, write the clipboard (OSC 52), the one-byte CSI
/// (U+009B), a right-to-left override, a newline that would split a row.
pub const EVIL: &str =
    "https://i.com/p\u{1b}[2J\u{1b}]52;c;SGVsbG8=\u{7}\u{9b}31m\u{202e}gpj.exe\nX";

/// Panics when `text` holds a control character (tabs allowed where `tabs`), a C1 control or a
/// bidi control; line breaks end lines and are fine.
pub fn assert_clean(text: &str, tabs: bool, what: &str) {
    for c in text.chars() {
        let bad = match c {
            '\n' => false,
            '\t' => !tabs,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => true,
            c => c.is_control(),
        };
        assert!(!bad, "{what}: U+{:04X} in {text:?}", c as u32);
    }
}

/// A journal holding one intent with `link` and its outcome.
fn journal_with(home: &Home, url: &str, link: &str) {
    std::fs::create_dir_all(home.journal().parent().unwrap()).unwrap();
    let intent = serde_json::json!({
        "kind": "intent", "id": "e1", "time": 1_700_000_000u64, "profile": "test", "url": url,
        "service": 1448, "link": link, "quantity": 500,
        "fields": {"comments": "nice\u{1b}[31m\nred"}, "cost": null
    });
    let outcome = serde_json::json!({
        "kind": "outcome", "id": "e1", "time": 1_700_000_001u64, "result": "error",
        "error": "panel said \u{9b}2J\u{202e}"
    });
    std::fs::write(home.journal(), format!("{intent}\n{outcome}\n")).unwrap();
}

#[test]
fn journal_links_are_made_safe_in_every_format() {
    let panel = Panel::fixtures();
    panel.expect_none();
    let home = Home::with_panel(&panel);
    journal_with(&home, &panel.url, EVIL);
    for format in ["table", "csv", "tsv", "json"] {
        let out = home.run(["orders", "--format", format]);
        out.expect_code(0);
        let text = &out.stdout;
        assert_clean(text, format == "tsv", format);
        assert!(
            text.contains("gpj.exe"),
            "{format}: the rest is kept: {text}"
        );
        // A header and one row (the table adds its totals line).
        let lines = if format == "table" { 3 } else { 2 };
        if format != "json" {
            assert_eq!(text.lines().count(), lines, "{format}: one row: {text}");
        }
    }
    // JSON keeps the text, escaped: it reads back as the very link.
    let out = home.run(["orders", "--json"]);
    let text = &out.stdout;
    out.stdout_like("[{\"id\":\"e1\",\"created\":\"2023-11-14T22:13:20Z\",\"profile\":\"test\",\"url\":\"http://127.0.0.1:PORT/api/v2\",\"service\":1448,\"link\":\"https://i.com/p\\u001b[2J\\u001b]52;c;SGVsbG8=\\u0007\\u009b31m\\u202egpj.exe\\nX\",\"quantity\":500,\"fields\":{\"comments\":\"nice\\u001b[31m\\nred\"},\"cost\":null,\"outcome\":\"refused\",\"order\":null,\"error\":\"panel said \\u009b2J\\u202e\",\"status\":null,\"charge\":null,\"start_count\":null,\"remains\":null,\"currency\":null,\"checked\":null}]\n");
    let doc: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(doc[0]["link"], EVIL);
}

#[test]
fn panel_text_is_made_safe_in_tables_and_escaped_in_json() {
    // C1 and U+202E may stand raw in a JSON string; C0 must be escaped.
    let services = "[{\"service\":1,\"name\":\"Likes \u{9b}2J \u{202e}evil \\u001b]52;c;x\\u0007\",\"type\":\"Default\",\"category\":\"A\\u001b[31m\",\"rate\":\"1\",\"min\":\"1\",\"max\":\"10\"}]";
    let panel = Panel::start(move |req| match req.field("action") {
        Some("services") => Reply::json(services),
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::with_panel(&panel);
    for format in ["table", "csv", "tsv"] {
        let out = home.run(["services", "--format", format]);
        out.expect_code(0);
        assert_clean(&out.stdout, format == "tsv", format);
        assert!(out.stdout.contains("evil"));
    }
    // The raw body, printed as it came, but for the escapes.
    let out = home.run(["services", "--json"]);
    let text = &out.stdout;
    assert_clean(text, false, "json");
    let doc: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(
        doc[0]["name"],
        "Likes \u{9b}2J \u{202e}evil \u{1b}]52;c;x\u{7}"
    );
}

#[test]
fn outside_text_in_errors_is_one_clean_line() {
    let panel =
        Panel::start(|_| Reply::json("{\"error\":\"bad \\u001b[2J\u{9b}31m\u{202e} key\"}"));
    let home = Home::with_panel(&panel);
    let out = home.run(["balance"]);
    out.expect_code(1);
    let err = &out.stderr;
    assert_clean(err, false, "stderr");
    assert_eq!(err.lines().count(), 1, "{err}");
    // An id from a file is named in the error without its escapes.
    let dir = tempfile::tempdir().unwrap();
    let ids = dir.path().join("ids.txt");
    std::fs::write(&ids, "1\n2\u{1b}[2J\u{9b}\n").unwrap();
    let out = home.smm().args(["status", "--file"]).arg(&ids).run();
    out.expect_code(2);
    assert_clean(&out.stderr, false, "stderr");
    assert!(panel.actions("status").is_empty());
}

#[test]
fn orders_that_cannot_be_right_are_refused_before_anything_is_sent() {
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    panel.expect_none();
    let home = Home::with_panel(&panel);
    let base = ["order", "add", "--service", "1", "--quantity", "100"];
    let cases: &[(&[&str], &str)] = &[
        (&["--link", ""], "--link is empty"),
        (&["--link", "   "], "--link is empty"),
        (&["--link", "https://i.com/a b"], "spaces"),
        (&["--link", "https://i.com/a\nb"], "spaces or line breaks"),
        (&["--link", EVIL], "--link"),
        (&["--link", "https://i.com/\u{202e}x"], "U+202E"),
        (
            &["--link", "https://i.com/l", "--username", ""],
            "--username is empty",
        ),
        (
            &["--link", "https://i.com/l", "--service", "0"],
            "--service",
        ),
        (
            &[
                "--link",
                "l",
                "--runs",
                "18446744073709551615",
                "--interval",
                "1",
            ],
            "--runs",
        ),
        (
            &["--link", "https://i.com/l", "--expiry", "31/02/2026"],
            "28 days",
        ),
    ];
    for (extra, says) in cases {
        let out = home.smm().args(base).args(*extra).run();
        let err = &out.stderr;
        out.expect_code(2);
        assert!(err.contains(says), "{extra:?}: {err}");
        assert_clean(err, false, "stderr");
    }
    // Bulk files get the same checks: a NUL, a line break inside a quoted link.
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "nul.csv",
            "service,link,quantity\n1,https://i.com/\u{0}x,100\n",
        ),
        (
            "newline.csv",
            "service,link,quantity\n1,\"https://i.com/a\nb\",100\n",
        ),
        ("escape.txt", "1|https://i.com/\u{1b}[2J|100\n"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = home
            .smm()
            .args(["order", "add", "--yes", "--file"])
            .arg(&path)
            .run();
        out.expect_code(2);
        assert!(out.stderr.contains("line 2") || out.stderr.contains("line 1"));
        assert_clean(&out.stderr, false, "stderr");
    }
}

#[test]
fn input_with_no_sane_bound_is_refused_with_one_line() {
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    panel.expect_none();
    let home = Home::with_panel(&panel);
    let dir = tempfile::tempdir().unwrap();
    let check = |args: &[&str], says: &str| {
        let out = home.run(args);
        let err = &out.stderr;
        out.expect_code(2);
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    };
    #[cfg(unix)]
    check(
        &order_add("2", "l", &["--comments", "@/dev/zero"]),
        "--comments @/dev/zero is larger than 10 MiB",
    );
    let many = dir.path().join("many.txt");
    let ids: Vec<String> = (1..=100_001).map(|i| i.to_string()).collect();
    std::fs::write(&many, ids.join("\n")).unwrap();
    let many = many.to_str().unwrap();
    check(&["status", "--file", many], "at most 100000 per run");
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "1\n".repeat(6 << 20)).unwrap();
    let big = big.to_str().unwrap();
    check(&["status", "--file", big], "larger than 10 MiB");
    check(
        &["order", "add", "--yes", "--file", big],
        "larger than 10 MiB",
    );
    let items: Vec<String> = (1..=10_001).map(|i| format!("user{i}")).collect();
    let list = dir.path().join("users.txt");
    std::fs::write(&list, items.join("\n")).unwrap();
    let at = format!("@{}", list.display());
    check(&order_add("1", "l", &["--usernames", &at]), "at most 10000");
}

#[test]
fn a_bom_and_separators_follow_one_rule_everywhere() {
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    let home = Home::with_panel(&panel);
    let dir = tempfile::tempdir().unwrap();
    let ids = dir.path().join("ids.txt");
    std::fs::write(&ids, "\u{feff}1,,100\r\n1 100\r\n").unwrap();
    home.smm()
        .args(["status", "--file"])
        .arg(&ids)
        .run()
        .expect_code(0);
    home.run(["status", "1,,100", "1 100"]).expect_code(0);
    let sent: Vec<String> = panel
        .actions("status")
        .iter()
        .map(|r| r.field("orders").unwrap_or("").to_string())
        .collect();
    assert_eq!(sent, ["1,100", "1,100"]);
    for (name, text) in [
        ("orders.txt", "\u{feff}1|https://i.com/a|100\n"),
        (
            "orders.csv",
            "\u{feff}service,link,quantity\n1,https://i.com/a,100\n",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = home
            .smm()
            .args(["order", "add", "--dry-run", "--file"])
            .arg(&path)
            .run();
        out.expect_code(0);
    }
    let comment = dir.path().join("comment.txt");
    std::fs::write(&comment, "\u{feff}#only comment").unwrap();
    let out = home
        .smm()
        .args(["order", "add", "--dry-run", "--file"])
        .arg(&comment)
        .run();
    out.expect_code(2);
    let comment = comment.display();
    out.stderr_is(&format!(
        "smm: {comment}: the file holds no orders\n\
         smm: 1 line(s) cannot be ordered (above); nothing was sent\n"
    ));
}

#[test]
fn secrets_in_bad_urls_and_key_commands_are_never_printed() {
    const SECRET: &str = "SKverysecret42";
    let home = Home::new();
    for url in [
        format!("https://panel.example:99999/api/v2?api_key={SECRET}"),
        format!("ftp://panel.example/api/v2?key={SECRET}"),
        format!("https://user:{SECRET}@panel.example:99999/api/v2"),
        format!("https://panel.example/api/v2?key={SECRET}"),
        format!("https://user:{SECRET}@panel.example/api/v2"),
    ] {
        home.write_config(&format!("[profiles.p]\nurl = \"{url}\"\nkey = \"k\"\n"));
        for args in [
            vec!["balance"],
            vec!["config", "show"],
            vec!["config", "show", "--json"],
        ] {
            let out = home.run(&args);
            let all = format!("{}{}", out.stdout, out.stderr);
            assert!(!all.contains(SECRET), "{url} {args:?}: {all}");
        }
        assert_eq!(home.run(["balance"]).code, Some(2), "{url}");
    }
    let panel = Panel::fixtures();
    panel.expect_none();
    for command in [
        format!("false --token {SECRET}"),
        format!("TOKEN={SECRET} true"),
        format!("no-such-program-smm {SECRET}"),
    ] {
        home.write_config(&format!(
            "[profiles.p]\nurl = \"{}\"\nkey_command = \"{command}\"\n",
            panel.url
        ));
        let out = home.run(["balance"]);
        let err = &out.stderr;
        out.expect_code(2);
        assert!(err.contains("key_command `"), "{command}: {err}");
        assert!(!err.contains(SECRET), "{command}: {err}");
    }
}

/// Runs `smm args` in `home` (default config location, like `Home::bare`) under `umask`.
#[cfg(unix)]
fn under_umask(home: &Home, umask: &str, args: &[&str]) -> Ran {
    let mut cmd = home.shell(&format!("umask {umask} && exec smm \"$@\""));
    cmd.arg("smm")
        .args(args)
        .env_remove("SMM_CONFIG")
        .env("SMM_DATA_DIR", home.dir.path().join("data/smm"));
    cmd.run()
}

#[cfg(unix)]
#[test]
fn every_directory_smm_creates_is_0700_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    let mode = |p: &std::path::Path| {
        std::fs::metadata(p)
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            .permissions()
            .mode()
            & 0o777
    };
    let add = order_add("1", "https://i.com/p", &["--quantity", "100"]);
    for umask in ["022", "002", "277"] {
        // What runs first creates the data directory: the catalogue cache, a dry run, an add.
        for first in [
            &["services"][..],
            &[&add[..], &["--dry-run"]].concat(),
            &add[..],
        ] {
            let home = Home::new();
            let out = under_umask(&home, umask, &["config", "init"]);
            out.expect_code(0);
            let config_dir = home.dir.path().join("xdg-config/smm");
            assert_eq!(mode(&config_dir), 0o700, "umask {umask}: config dir");
            std::fs::write(
                config_dir.join("config.toml"),
                format!("[profiles.p]\nurl = \"{}\"\nkey = \"k\"\n", panel.url),
            )
            .unwrap();
            let out = under_umask(&home, umask, first);
            out.expect_code(0);
            let data = home.dir.path().join("data");
            let cache = home.dir.path().join("xdg-cache");
            // Every one fetches the catalogue (cached); only a real add opens the order book.
            let mut dirs = vec![cache.clone(), cache.join("smm")];
            if first == &add[..] {
                dirs.extend([data.clone(), data.join("smm")]);
            }
            for dir in dirs {
                assert_eq!(
                    mode(&dir),
                    0o700,
                    "umask {umask}, {first:?}: {}",
                    dir.display()
                );
            }
            if first == &add[..] {
                assert_eq!(mode(&data.join("smm/orders.db")) & 0o077, 0);
            }
        }
    }
}

#[test]
fn the_sandbox_never_sees_a_hostile_link_and_every_output_stays_clean() {
    let sb = crate::common::SandboxProc::start(&[]);
    let home = sb.home("sandbox");
    let dir = tempfile::tempdir().unwrap();
    let bulk = dir.path().join("orders.csv");
    std::fs::write(
        &bulk,
        format!(
            "service,link,quantity\n1448,\"{}\",100\n",
            EVIL.replace('"', "\"\"")
        ),
    )
    .unwrap();
    let add = |link: &str| {
        home.run([
            "order",
            "add",
            "--service",
            "1448",
            "--quantity",
            "100",
            "--link",
            link,
        ])
    };
    let out = add(EVIL);
    out.expect_code(2);
    let out = home
        .smm()
        .args(["order", "add", "--yes", "--file"])
        .arg(&bulk)
        .run();
    out.expect_code(2);
    let (_, _, balance) = sb.form("key=sandbox&action=balance");
    assert!(
        balance.contains("\"100.00\""),
        "nothing was paid: {balance}"
    );
    // A clean order goes through, and everything printed about it stays clean.
    let out = add("https://instagram.com/p/ok");
    out.expect_code(0);
    for args in [
        vec!["orders"],
        vec!["orders", "--json"],
        vec!["status", "23501", "--format", "csv"],
        vec!["services", "--json"],
    ] {
        let out = home.run(&args);
        out.expect_code(0);
        assert_clean(&out.stdout, false, &format!("{args:?}"));
        assert_clean(&out.stderr, false, &format!("{args:?} stderr"));
    }
}
