//! The team book: one order book on PostgreSQL shared by several "machines" (test homes with
//! their own data dirs and configs): one places, another lists it, refuses the duplicate and
//! syncs it; the guard across processes; `smm book copy` twice; an unreachable server; the
//! password never shown; TLS settings refused where unsafe.
//!
//! The server is the one `SMM_TEST_PG_URL` names (`.ci/run` starts a throwaway one; its
//! password in `PGPASSWORD`); each test gets a database of its own. Without it these tests
//! are skipped with a note — except under `CI=true`, where they fail.

use crate::common::{Home, Panel, Reply, Run, order_add};
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

/// A fresh database on the test server: its URL and the password.
struct PgBook {
    url: String,
    password: String,
    host_port: String,
    db: String,
}

impl Drop for PgBook {
    /// Drops the test's database (and ends the sessions still in it), so runs don't pile up
    /// databases on the server.
    fn drop(&mut self) {
        let base = self.url.rsplit_once('/').unwrap().0;
        if let Ok(mut client) = postgres::Client::connect(
            &format!("{base}/postgres?password={}", self.password)
                .replace("postgres://", "postgresql://"),
            postgres::NoTls,
        ) {
            let _ =
                client.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.db));
        }
    }
}

/// A database of its own for this test, or None (with a note) without a server outside CI.
fn pg_book() -> Option<PgBook> {
    let Some(url) = std::env::var("SMM_TEST_PG_URL")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        if std::env::var("CI").is_ok_and(|c| c == "true") {
            panic!("SMM_TEST_PG_URL is not set: CI runs the team book's tests (see .ci/run)");
        }
        eprintln!("note: SMM_TEST_PG_URL is not set: this PostgreSQL test is skipped");
        return None;
    };
    let password =
        std::env::var("PGPASSWORD").expect("PGPASSWORD holds the test server's password");
    let mut client = postgres::Client::connect(
        &format!("{url}?password={password}").replace("postgres://", "postgresql://"),
        postgres::NoTls,
    )
    .expect("the test server answers");
    let db = format!("smm_it_{:016x}", fastrand::u64(..));
    client
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    let base = url.rsplit_once('/').unwrap().0;
    let host_port = base.rsplit_once('@').unwrap().1.to_string();
    Some(PgBook {
        url: format!("{base}/{db}"),
        password,
        host_port,
        db,
    })
}

impl PgBook {
    /// A query's first column, as text, for every row.
    fn column(&self, sql: &str) -> Vec<Option<String>> {
        let mut client = postgres::Client::connect(
            &format!("{}?password={}", self.url, self.password),
            postgres::NoTls,
        )
        .unwrap();
        client
            .query(sql, &[])
            .unwrap()
            .iter()
            .map(|r| r.get::<_, Option<String>>(0))
            .collect()
    }

    /// A `~/.pgpass` line for this database.
    fn pgpass(&self) -> String {
        let (host, port) = self.host_port.rsplit_once(':').unwrap();
        format!("{host}:{port}:{}:smm:{}\n", self.db, self.password)
    }
}

/// A "machine": a home of its own (data dir, config) whose config puts the book on `book`,
/// its password in the home's `~/.pgpass`, with one profile `test` on `panel`.
fn machine(panel: &Panel, book: &PgBook) -> Home {
    let home = Home::new();
    home.write_config(&format!(
        "book = \"{}\"\ndefault_profile = \"test\"\n\n[profiles.test]\nurl = \"{}\"\nkey = \"test-key\"\n",
        book.url, panel.url
    ));
    write_private(&home.dir.path().join(".pgpass"), &book.pgpass());
    home
}

/// Writes a 0600 file.
fn write_private(path: &std::path::Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// A port on 127.0.0.1 where nothing listens.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

#[test]
fn one_machine_places_another_lists_refuses_the_duplicate_and_syncs_it() {
    let Some(book) = pg_book() else { return };
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    let (a, b) = (machine(&panel, &book), machine(&panel, &book));
    a.run(ADD).expect_code(0).stdout_has("23501");
    assert_eq!(panel.actions("add").len(), 1);
    assert!(
        !a.book().exists(),
        "no SQLite file: the book is on the server"
    );
    // The other machine sees the order.
    let listed = b.run(["orders", "--json"]);
    listed.expect_code(0);
    let orders = listed.json();
    assert_eq!(orders.as_array().unwrap().len(), 1);
    assert_eq!(orders[0]["order"], "23501");
    assert_eq!(orders[0]["outcome"], "placed");
    // … refuses to place it again …
    let again = b.run(ADD);
    again.expect_code(2);
    again.stderr_has("refusing a duplicate: order 23501 for service 1448");
    assert_eq!(
        panel.actions("add").len(),
        1,
        "the duplicate never reached the panel"
    );
    // … and syncs it: the status is in the shared book, newer-wins by `asked`.
    // Exit 3: the order ended (Partial), an alert.
    b.run(["sync"])
        .expect_code(3)
        .stdout_has("alert: test: order 23501 ended Partial");
    assert_eq!(
        book.column("SELECT status FROM orders"),
        [Some("Partial".into())]
    );
    assert_eq!(
        book.column("SELECT CAST(asked IS NOT NULL AS TEXT) FROM orders"),
        [Some("true".into())]
    );
    assert_eq!(
        book.column("SELECT status FROM status_history"),
        [Some("Partial".into())]
    );
    assert_eq!(book.column("SELECT amount FROM balances").len(), 1);
    let seen_by_a = a.run(["orders", "--json"]);
    assert_eq!(seen_by_a.json()[0]["status"], "Partial");
    // `book info` on either machine names the server without a password.
    let info = a.run(["book", "info", "--json"]);
    info.expect_code(0);
    let info = info.json();
    assert_eq!(info["backend"], "postgres");
    assert_eq!(info["book"], book.url.as_str());
    assert_eq!(
        info["schema_version"],
        b.run(["book", "info", "--json"]).json()["schema_version"]
    );
    assert_eq!(info["counts"]["orders"], 1);
    assert_eq!(info["counts"]["status_history"], 1);
}

#[test]
fn eight_machines_one_order_reaches_the_panel_once_per_round_and_different_orders_all_go() {
    let Some(book) = pg_book() else { return };
    let panel = Panel::with_catalogue(|req| match req.field("action") {
        Some("add") => Reply::json(r#"{"order":778}"#).delayed(Duration::from_millis(100)),
        _ => crate::common::fixture_reply(req),
    });
    let machines: Vec<Home> = (0..8).map(|_| machine(&panel, &book)).collect();
    for round in 1..=2 {
        let link = format!("https://i.com/round{round}");
        let add = order_add("1448", &link, &["--quantity", "500"]);
        let running: Vec<_> = machines.iter().map(|m| m.spawn(&add)).collect();
        let codes: Vec<Option<i32>> = running.into_iter().map(|r| r.finish().code).collect();
        assert_eq!(
            codes.iter().filter(|c| **c == Some(0)).count(),
            1,
            "round {round}: {codes:?}"
        );
        assert_eq!(codes.iter().filter(|c| **c == Some(2)).count(), 7);
        assert_eq!(panel.actions("add").len(), round);
    }
    // Different orders at once: every one goes through, none waits on another's lock.
    let running: Vec<_> = machines
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let quantity = (100 + i).to_string();
            m.spawn(order_add(
                "1448",
                "https://i.com/x",
                &["--quantity", &quantity],
            ))
        })
        .collect();
    let outs: Vec<_> = running.into_iter().map(|r| r.finish()).collect();
    for out in &outs {
        out.expect_code(0);
    }
    assert_eq!(panel.actions("add").len(), 10);
    assert_eq!(book.column("SELECT id FROM orders").len(), 10);
}

#[test]
fn a_copy_into_the_team_book_run_twice_copies_nothing_new() {
    let Some(book) = pg_book() else { return };
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    // A laptop with its own SQLite book of three orders, a sync behind it.
    let laptop = Home::with_panel(&panel);
    for q in ["100", "200", "300"] {
        laptop
            .run(order_add("1448", "https://i.com/p", &["--quantity", q]))
            .expect_code(0);
    }
    laptop.run(["sync"]).expect_code(3);
    // And a refill asked of one of them (written down with the panel's answer).
    laptop.run(["refill", "23501", "-q"]).expect_code(0);
    write_private(&laptop.dir.path().join(".pgpass"), &book.pgpass());
    let first = laptop.run(["book", "copy", "--to", &book.url]);
    first.expect_code(0);
    let tidy = |text: &str| laptop.tidy(text);
    assert_eq!(
        tidy(&first.stdout),
        format!(
            "FROM                   ~/data/orders.db\nTO                     {}\n\
             ORDERS                 3 copied, 0 there already\nSTATUS CHANGES         3\n\
             BALANCES               1\nCATALOGUE SERVICES     5\nCATALOGUE CHANGES      0\n\
             ALERTS                 0\nREFILLS                1\nREFILL STATUS CHANGES  1\n",
            book.url
        )
    );
    let second = laptop.run(["book", "copy", "--to", &book.url, "--json"]);
    second.expect_code(0);
    let report = second.json();
    assert_eq!(report["copied"]["orders"], 0);
    assert_eq!(report["already"], 3);
    for table in [
        "status_history",
        "balances",
        "catalogue",
        "catalogue_changes",
        "alerts",
        "refills",
        "refill_history",
    ] {
        assert_eq!(report["copied"][table], 0, "{table}");
    }
    assert_eq!(book.column("SELECT id FROM orders").len(), 3);
    assert_eq!(
        book.column("SELECT panel_order || ' ' || state FROM refills"),
        [Some("23501 Pending".to_string())]
    );
    // The copy is the team's book now: a colleague's duplicate is refused.
    let colleague = machine(&panel, &book);
    let dup = colleague.run(order_add("1448", "https://i.com/p", &["--quantity", "100"]));
    dup.expect_code(2);
    dup.stderr_has("refusing a duplicate");
    // And back: the server into a new SQLite file, with the server as the book in use.
    let back = colleague.dir.path().join("back.db");
    colleague
        .run(["book", "copy", "--to", back.to_str().unwrap()])
        .expect_code(0)
        .stdout_has("3 copied, 0 there already");
    // Copying a book onto itself is refused.
    colleague
        .run(["book", "copy", "--to", &book.url])
        .expect_code(2)
        .stderr_has("--to names the book copied from");
}

#[test]
fn an_unreachable_server_refuses_the_add_unsent_and_reads_and_sync_say_so() {
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    panel.expect_none();
    let port = closed_port();
    let home = Home::new();
    home.write_config(&format!(
        "book = \"postgres://smm@127.0.0.1:{port}/team\"\n\n[profiles.test]\nurl = \"{}\"\nkey = \"test-key\"\n",
        panel.url
    ));
    let line = format!("smm: cannot reach the order book (host 127.0.0.1:{port}, database team): ");
    for args in [&ADD[..], &["orders"], &["sync"], &["book", "info"]] {
        let out = home.smm().args(args).env("PGPASSWORD", "x").run();
        out.expect_code(1);
        assert!(out.stderr.starts_with(&line), "{args:?}: {}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty());
    }
    assert!(!home.book().exists(), "no SQLite book instead");
}

#[test]
fn the_password_is_in_no_output_and_never_in_the_url() {
    let secret = "hunter2-pg-secret";
    // Written in the URL: refused, without echoing it, and nothing is sent.
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    panel.expect_none();
    let home = Home::with_panel(&panel);
    let out = home
        .smm()
        .args(ADD)
        .env(
            "SMM_BOOK",
            format!("postgres://smm:{secret}@127.0.0.1/team"),
        )
        .run();
    out.expect_code(2);
    out.stderr_is(
        "smm: the order book URL holds a password: remove it from the URL and put it in PGPASSWORD, \
         a ~/.pgpass line (host:port:database:user:password, mode 0600) or book_password_command \
         in the config file; nothing was sent\n",
    );
    let Some(book) = pg_book() else { return };
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    let home = Home::new();
    let pwfile = home.dir.path().join("pw");
    write_private(&pwfile, &format!("{}\n", book.password));
    home.write_config(&format!(
        "book = \"{}\"\nbook_password_command = \"cat {}\"\ndefault_profile = \"test\"\n\n[profiles.test]\nurl = \"{}\"\nkey = \"test-key\"\n",
        book.url,
        pwfile.display(),
        panel.url
    ));
    let mut outputs = Vec::new();
    for args in [
        &[
            "-v",
            "order",
            "add",
            "--service",
            "1448",
            "--link",
            "https://i.com/p",
            "--quantity",
            "500",
        ][..],
        &["-v", "orders", "--json"],
        &["-v", "sync"],
        &["book", "info"],
        &["book", "info", "--json"],
        &["config", "show"],
    ] {
        let out = home.run(args);
        // `sync` exits 3: the order ended (Partial), an alert.
        out.expect_code(if args.contains(&"sync") { 3 } else { 0 });
        outputs.push(out);
    }
    // PGPASSWORD wins when no command is set; a wrong one is refused without being shown.
    home.write_config(&format!(
        "book = \"{}\"\n\n[profiles.test]\nurl = \"{}\"\nkey = \"test-key\"\n",
        book.url, panel.url
    ));
    let wrong = home.smm().args(ADD).env("PGPASSWORD", secret).run();
    wrong.expect_code(2);
    wrong
        .stderr_has("refused user smm")
        .stderr_has("PGPASSWORD");
    let right = home
        .smm()
        .args(["orders"])
        .env("PGPASSWORD", &book.password)
        .run();
    right.expect_code(0);
    outputs.push(wrong);
    outputs.push(right);
    for out in &outputs {
        for text in [&out.stdout, &out.stderr] {
            assert!(!text.contains(&book.password), "{}: {text}", out.line);
            assert!(!text.contains(secret), "{}: {text}", out.line);
        }
    }
}

#[test]
fn tls_settings_are_parsed_and_unsafe_ones_refused_before_anything_is_sent() {
    let panel = Panel::with_catalogue(crate::common::fixture_reply);
    panel.expect_none();
    let home = Home::with_panel(&panel);
    let refused = |url: &str, says: &str| {
        let out = home.smm().args(ADD).env("SMM_BOOK", url).run();
        out.expect_code(2);
        out.stderr_has(says).stderr_has("nothing was sent");
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    };
    refused(
        "postgres://smm@db.agency.example/team",
        "is not on this machine and the URL says nothing of TLS: add ?sslmode=verify-full",
    );
    for mode in ["prefer", "allow", "verify-ca"] {
        refused(
            &format!("postgres://smm@db.agency.example/team?sslmode={mode}"),
            &format!("sslmode={mode} is not one smm takes"),
        );
    }
    refused(
        "postgres://smm@db.agency.example/team?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem",
        "the order book's TLS settings for host db.agency.example:5432, database team cannot be used",
    );
    // A loopback server asked for TLS it does not offer: an error, nothing sent.
    let port = closed_port();
    let out = home
        .smm()
        .args(ADD)
        .env(
            "SMM_BOOK",
            format!("postgres://smm@127.0.0.1:{port}/team?sslmode=require"),
        )
        .env("PGPASSWORD", "x")
        .run();
    out.expect_code(1);
    out.stderr_has("cannot reach the order book (host 127.0.0.1");
    let Some(book) = pg_book() else { return };
    let out = home
        .smm()
        .args(ADD)
        .env("SMM_BOOK", format!("{}?sslmode=require", book.url))
        .env("PGPASSWORD", &book.password)
        .run();
    out.expect_code(1);
    out.stderr_has("cannot reach the order book")
        .stderr_has("nothing was sent");
}
