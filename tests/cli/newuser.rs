//! What a new operator trips over (issue 20): links that are no links, a dry run that hides a
//! duplicate, a config only an editor could change, bulk files, a dead panel's cost, the
//! demo's tour of the book and `smm sync`, currencies, comment counts and sandbox ids.

use crate::common::{Home, Panel, Run, Running, SandboxProc, Stream, order_add};

/// The stderr of an error, as `smm` prints it.
fn error(text: &str) -> String {
    format!("smm: {text}\n")
}

#[test]
fn a_dry_run_answers_as_the_real_order_would_about_a_duplicate() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let add = order_add("1448", "https://i.com/p", &["--quantity", "500"]);
    home.run(&add).expect_code(0);
    let entry = home.orders()[0]["id"].as_str().unwrap().to_string();
    let before = panel.requests().len();
    let dry = home.run(add.iter().chain(&["--dry-run"]));
    dry.expect_code(2).stdout_is("");
    let ago = dry
        .stderr
        .split(" ago ")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .unwrap()
        .to_string();
    dry.stderr_is(&error(&format!(
        "refusing a duplicate: order 23501 for service 1448 with the same link, quantity and other \
         fields was placed on profile 'test' {ago} ago (order book entry {entry}, see `smm orders`); \
         pass --force to order it again"
    )));
    // Read-only: the guard's lookup wrote nothing, and nothing reached the panel.
    assert_eq!(home.orders().len(), 1);
    assert_eq!(panel.actions("add").len(), 1);
    assert_eq!(panel.requests().len(), before);
    // With --force the dry run prices it, as the forced order would be placed.
    home.run(add.iter().chain(&["--dry-run", "--force"]))
        .expect_code(0)
        .stdout_has("0.45");
    assert_eq!(home.orders().len(), 1);
    assert_eq!(panel.actions("add").len(), 1);
}

/// Writes `text` to NAME in the home; returns its path.
fn file(home: &Home, name: &str, text: &str) -> String {
    let path = home.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_bulk_file_reports_format_and_catalogue_errors_in_one_run() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let path = file(
        &home,
        "orders.txt",
        "1448|https://i.com/a|lots\n1448|https://i.com/b|10\n777|https://i.com/c|100\n\
         1452|ftp://x|10\n1448|https://i.com/d|100\n",
    );
    home.run(["order", "add", "--yes", "--file", &path]).expect(
        2,
        "",
        &format!(
            "smm: {path}: line 1: quantity 'lots' is not a whole number\n\
             smm: {path}: line 2: quantity 10 is below service 1448's minimum of 50\n\
             smm: {path}: line 3: service 777 is not in the catalogue of profile 'test'\n\
             smm: {path}: line 4: link 'ftp://x' uses the ftp: scheme; smm sends only http:// and https:// links\n\
             smm: 4 line(s) cannot be ordered (above); nothing was sent\n"
        ),
    );
    assert!(panel.actions("add").is_empty());
}

#[test]
fn links_are_web_urls_or_usernames_for_services_that_take_one() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let refused = |link: &str, rest: &[&str], says: &str| {
        home.run(order_add("1448", link, rest))
            .expect(2, "", &format!("smm: {says}\n"));
    };
    let help = " (see `smm order add --help`)";
    refused(
        "ftp://x",
        &["--quantity", "100"],
        &format!(
            "--link 'ftp://x' uses the ftp: scheme; smm sends only http:// and https:// links{help}"
        ),
    );
    refused(
        "instagram.com/p/abc",
        &["--quantity", "100"],
        &format!(
            "--link 'instagram.com/p/abc' has no scheme: write https://instagram.com/p/abc{help}"
        ),
    );
    assert!(panel.requests().is_empty(), "refused before any request");
    // Facebook Comments takes a link, not a username: the catalogue says no, before the add.
    home.run(order_add("1452", "someone", &["--comments", "nice"]))
        .expect(
            2,
            "",
            "smm: service 1452 (Facebook Comments) takes a link, not a username: --link 'someone' \
             must be an https://… URL; nothing was sent\n",
        );
    let mut add = order_add("1452", "fb.com", &["--comments", "nice"]);
    add.insert(0, "--refresh");
    home.run(add).expect(
        2,
        "",
        "smm: --link 'fb.com' has no scheme: write https://fb.com; nothing was sent\n",
    );
    assert!(panel.actions("add").is_empty());
    // Instagram Followers is sold per account: a bare username goes through as written.
    home.run(order_add("1448", "@some.one_1", &["--quantity", "100"]))
        .expect_code(0);
    let adds = panel.actions("add");
    assert_eq!(adds.len(), 1);
    assert_eq!(adds[0].field("link"), Some("@some.one_1"));
}

#[test]
fn a_service_missing_from_a_cached_catalogue_gets_the_refresh_hint_in_a_bulk_file() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    home.run(["services"]).expect_code(0);
    let path = file(&home, "orders.txt", "1500|https://i.com/a|100\n");
    let out = home.run(["order", "add", "--yes", "--file", &path]);
    out.expect_code(2);
    let age = out
        .stderr
        .split("cached ")
        .nth(1)
        .unwrap()
        .split('s')
        .next()
        .unwrap();
    out.stderr_is(&format!(
        "smm: {path}: line 1: service 1500 is not in the catalogue of profile 'test' (catalogue \
         cached {age}s ago: --refresh fetches it from the panel)\n\
         smm: 1 line(s) cannot be ordered (above); nothing was sent\n"
    ));
    assert_eq!(
        panel.actions("services").len(),
        1,
        "the cached copy was used"
    );
    // --refresh asks the panel: no hint, the panel's own catalogue says no.
    home.run(["--refresh", "order", "add", "--yes", "--file", &path])
        .expect(
            2,
            "",
            &format!(
                "smm: {path}: line 1: service 1500 is not in the catalogue of profile 'test'\n\
             smm: 1 line(s) cannot be ordered (above); nothing was sent\n"
            ),
        );
    assert_eq!(panel.actions("services").len(), 2);
}

#[test]
fn a_bulk_dry_run_shows_each_line_and_its_cost() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let path = file(
        &home,
        "orders.csv",
        "service,link,quantity,comments\n1448,https://i.com/a,500,\n\
         1452,https://fb.com/q,,\"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\"\n",
    );
    home.run(["order", "add", "--dry-run", "--file", &path])
        .expect(
            0,
            "ORDERS      2\n\
         TOTAL COST  0.53 USD\n\
         BALANCE     100.84292 USD\n\
         \n\
         LINE  SERVICE  LINK              QUANTITY  COST  ORDER  RESULT\n   \
         2  1448     https://i.com/a        500  0.45         to place\n   \
         3  1452     https://fb.com/q        10  0.08         to place\n",
            "smm: dry run — no order was placed\n",
        );
    assert!(panel.actions("add").is_empty());
}

#[test]
fn a_bulk_run_as_csv_keeps_the_result_and_the_order_id_apart() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let path = file(&home, "orders.txt", "1448|https://i.com/a|500\n");
    home.run(["--format", "csv", "order", "add", "--yes", "--file", &path])
        .expect(
            0,
            "ORDERS,1\nTOTAL COST,0.45 USD\nBALANCE,100.84292 USD\n\
             LINE,SERVICE,LINK,QUANTITY,COST,ORDER,RESULT\n\
             1,1448,https://i.com/a,500,0.45,23501,placed\n",
            "smm: 1 placed\n",
        );
    // Without a terminal, the confirmation is refused in the singular.
    let path = file(&home, "one.txt", "1448|https://i.com/b|500\n");
    home.run(["order", "add", "--file", &path]).expect(
        2,
        "ORDERS      1\nTOTAL COST  0.45 USD\nBALANCE     100.84292 USD\n",
        "smm: placing 1 order needs confirmation: pass --yes (stdin is not a terminal)\n",
    );
}

#[test]
fn a_comment_count_is_the_quantity_in_errors_and_in_the_book() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    home.run(order_add(
        "1452",
        "https://fb.com/p",
        &["--comments", "a\nb\nc"],
    ))
    .expect(
        2,
        "",
        "smm: 3 comments are below service 1452's minimum of 10; nothing was sent\n",
    );
    let ten = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10";
    home.run(order_add("1452", "https://fb.com/p", &["--comments", ten]))
        .expect_code(0);
    let out = home.run(["--format", "csv", "orders"]);
    out.expect_code(0);
    let row = out.stdout.lines().nth(1).unwrap();
    let cells: Vec<&str> = row.split(',').collect();
    assert_eq!(
        (cells[2], cells[3], cells[5]),
        ("1452", "10", "0.08"),
        "{row}"
    );
}

#[test]
fn a_refused_connection_is_tried_once_more_after_a_tenth_of_a_second() {
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.down]\nurl = \"http://127.0.0.1:{port}/api/v2\"\nkey = \"k\"\n"
    ));
    let url = format!("http://127.0.0.1:{port}/api/v2");
    let out = home.run(["-v", "balance"]);
    out.expect_code(1);
    let refused = "could not connect to the panel: Connection refused (os error 111)";
    let lines: Vec<&str> = out.stderr.lines().collect();
    let tries: Vec<&&str> = lines.iter().filter(|l| l.starts_with("> POST")).collect();
    assert_eq!(
        tries.len(),
        2,
        "the profile's 3 attempts end at 2: {}",
        out.stderr
    );
    let waits: Vec<&&str> = lines.iter().filter(|l| l.contains("retrying in")).collect();
    assert_eq!(
        waits,
        [&&*format!(
            "  retrying in 100 ms ({refused}; attempt 2 of 2)"
        )],
        "{}",
        out.stderr
    );
    assert_eq!(
        lines.last().unwrap(),
        &format!(
            "smm: {refused} — profile 'down' at {url}, 2 attempts; check the url (`smm config \
             show`) and that the panel is up"
        )
    );
}

/// A config with comments everywhere: the edits must keep them.
const COMMENTED: &str = "# my panels\ndefault_profile = \"a\"\n\n# first\n[profiles.a]\n\
    url = \"https://a.example/api/v2\" # the old one\nkey_env = \"A\"\n\n# second\n\
    [profiles.b]\nurl = \"https://b.example/api/v2\"\nkey = \"secret\"\n\n[profiles.c]\n\
    url = \"https://c.example/api/v2\"\nkey_env = \"C\"\n";

#[test]
fn config_set_changes_one_setting_checked_and_keeps_the_comments() {
    let home = Home::new();
    home.write_config(COMMENTED);
    let path = home.config().display().to_string();
    home.run(["config", "set", "url", "https://a2.example/api/v2"])
        .expect(0, &format!("Set url of profile 'a' in {path}.\n"), "");
    home.run(["config", "set", "-p", "b", "attempts", "4"])
        .expect(0, &format!("Set attempts of profile 'b' in {path}.\n"), "");
    // key_env replaces the key source: the key written in the file goes.
    home.run(["config", "set", "-p", "b", "key_env", "B_KEY"])
        .expect(0, &format!("Set key_env of profile 'b' in {path}.\n"), "");
    let expected = COMMENTED
        .replace("https://a.example", "https://a2.example")
        .replace("key = \"secret\"\n", "attempts = 4\nkey_env = \"B_KEY\"\n");
    assert_eq!(std::fs::read_to_string(home.config()).unwrap(), expected);
    // Checked as the loader checks it; nothing written when refused.
    for (args, says) in [
        (
            vec!["-p", "b", "attempts", "11"],
            format!("profile 'b' in {path}: attempts must be between 1 and 10; nothing was changed"),
        ),
        (
            vec!["-p", "b", "duplicate_window", "soon"],
            format!(
                "profile 'b' in {path}: duplicate_window '{}' is not a duration like 30m, 24h or 7d; nothing was changed",
                "soon"
            ),
        ),
        (
            vec!["-p", "c", "url", "ftp://c.example"],
            String::new(),
        ),
        (
            vec!["-p", "b", "allow_http", "yes"],
            "allow_http takes true or false, not 'yes'".to_string(),
        ),
        (
            vec!["-p", "b", "colour", "red"],
            "'colour' is not a profile setting; known: url, api, key_env, key_command, allow_http, \
             user_agent, concurrency, max_rpm, attempts, duplicate_window, services_ttl, \
             low_balance, stalled_after, refill_period, refill_every, auto_refill, alert_repeat"
                .to_string(),
        ),
        (
            vec!["-p", "bb", "attempts", "2"],
            format!("profile 'bb' is not in {path}; known profiles: a, b, c; did you mean 'b'?"),
        ),
    ] {
        let out = home.run(["config", "set"].iter().chain(&args));
        out.expect_code(2).stdout_is("");
        if !says.is_empty() {
            out.stderr_is(&format!("smm: {says}\n"));
        }
    }
    assert_eq!(std::fs::read_to_string(home.config()).unwrap(), expected);
}

#[test]
fn config_remove_and_set_default_never_leave_a_dangling_default() {
    let home = Home::new();
    home.write_config(COMMENTED);
    let path = home.config().display().to_string();
    let text = || std::fs::read_to_string(home.config()).unwrap();
    home.run(["config", "set-default", "c"]).expect(
        0,
        &format!("'c' is the default profile in {path}.\n"),
        "",
    );
    assert!(text().starts_with("# my panels\ndefault_profile = \"c\"\n\n# first\n"));
    // The default goes and two are left: no default, and commands say how to pick one.
    home.run(["config", "remove", "c"]).expect(
        0,
        &format!(
            "Removed profile 'c' from {path}; it was the default: pick another with `smm config \
             set-default NAME`.\n"
        ),
        "",
    );
    assert_eq!(
        text(),
        "# my panels\n\n# first\n[profiles.a]\nurl = \"https://a.example/api/v2\" # the old one\n\
         key_env = \"A\"\n\n# second\n[profiles.b]\nurl = \"https://b.example/api/v2\"\n\
         key = \"secret\"\n"
    );
    home.run(["balance"]).expect(
        2,
        "",
        &format!(
            "smm: {path} has several profiles and no default_profile: pick one with -p NAME (a, b) \
             or `smm config set-default NAME`\n"
        ),
    );
    home.run(["config", "set-default", "a"]).expect_code(0);
    // The default goes and one is left: that one is the default.
    home.run(["config", "remove", "a"]).expect(
        0,
        &format!(
            "Removed profile 'a' from {path}; 'b', the one profile left, is the default now.\n"
        ),
        "",
    );
    assert_eq!(
        text(),
        "# my panels\n\ndefault_profile = \"b\"\n\n# second\n[profiles.b]\n\
         url = \"https://b.example/api/v2\"\nkey = \"secret\"\n"
    );
    home.run(["config", "remove", "a"]).expect(
        2,
        "",
        &format!("smm: profile 'a' is not in {path}; known profiles: b\n"),
    );
    home.run(["config", "names"]).expect(0, "b\n", "");
}

#[test]
fn an_unknown_profile_gets_a_did_you_mean_and_a_missing_default_the_command_to_fix_it() {
    let home = Home::new();
    home.write_config(COMMENTED);
    let path = home.config().display().to_string();
    home.run(["-p", "bx", "balance"]).expect(
        2,
        "",
        &format!(
            "smm: profile 'bx' is not in {path}; known profiles: a, b, c; did you mean -p b?\n"
        ),
    );
    home.run(["-p", "zzz", "balance"]).expect(
        2,
        "",
        &format!("smm: profile 'zzz' is not in {path}; known profiles: a, b, c\n"),
    );
    home.write_config(&COMMENTED.replace("default_profile = \"a\"", "default_profile = \"pika\""));
    home.run(["balance"]).expect(
        2,
        "",
        &format!(
            "smm: default_profile 'pika' is not in {path}; known profiles: a, b, c; \
             `smm config set-default NAME` picks one of them\n"
        ),
    );
    // `config init`, then a command: the hint names `config add`.
    let fresh = Home::new();
    fresh.run(["config", "init"]).expect_code(0);
    fresh.run(["balance"]).expect(
        2,
        "",
        &format!(
            "smm: {} has no profiles: add one with `smm config add NAME --url URL --key-env VAR` \
             (or `smm sandbox --add-profile` for a local test panel)\n",
            fresh.config().display()
        ),
    );
}

#[test]
fn bash_completes_profile_names_after_p() {
    let home = Home::new();
    home.write_config(COMMENTED);
    let script = home.dir.path().join("smm.bash");
    std::fs::write(&script, home.run(["completions", "bash"]).stdout).unwrap();
    // bash calls the function with the command, the word being completed and the one before.
    let complete = |words: &str| {
        let out = home
            .shell(&format!(
                "exec bash -c '. {}; COMP_WORDS=({words}); n=${{#COMP_WORDS[@]}}; \
                 COMP_CWORD=$((n-1)); _smm smm \"${{COMP_WORDS[n-1]}}\" \"${{COMP_WORDS[n-2]}}\"; \
                 printf \"%s\\n\" \"${{COMPREPLY[@]}}\"'",
                script.display()
            ))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(complete("smm -p \"\""), "a\nb\nc\n");
    assert_eq!(complete("smm --profile b"), "b\n");
    assert_eq!(complete("smm balance -p \"\""), "a\nb\nc\n");
    // zsh and fish ask the same command.
    let zsh = home.run(["completions", "zsh"]).stdout;
    assert!(zsh.contains(":NAME:{compadd -- $(smm config names 2>/dev/null)}'"));
    let fish = home.run(["completions", "fish"]).stdout;
    assert!(fish.contains("-s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a \"(smm config names 2>/dev/null)\""));
}

#[test]
fn a_restarted_sandbox_never_gives_an_order_id_again() {
    let home = Home::new();
    let place = |link: &str| {
        let ran = home.run(order_add("1448", link, &["--quantity", "100"]));
        ran.expect_code(0);
        ran.stdout.lines().nth(1).unwrap()[..5].to_string()
    };
    let sandbox = SandboxProc::start_in(&home, &["--add-profile"]);
    assert!(sandbox.banner.contains("new ones start at 23501.\n"));
    assert_eq!(place("https://i.com/a"), "23501");
    assert_eq!(place("https://i.com/b"), "23502");
    sandbox.interrupt();
    // The last id is kept in the data dir, private.
    let ids = home.dir.path().join("data/sandbox-ids.json");
    assert_eq!(
        std::fs::read_to_string(&ids).unwrap(),
        r#"{"order":23502,"refill":0}"#
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&ids).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let sandbox = SandboxProc::start_in(&home, &["--add-profile"]);
    assert!(sandbox.banner.contains(
        "new ones start at 23503 (after the ids earlier sandboxes gave; --fresh begins at 23501 again).\n"
    ));
    assert_eq!(place("https://i.com/c"), "23503");
    sandbox.interrupt();
    // The book never holds the same panel order twice for the profile.
    let orders: Vec<(String, String)> = home
        .orders()
        .iter()
        .map(|o| {
            (
                o["profile"].as_str().unwrap().to_string(),
                o["panel_order"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        orders,
        [
            ("sandbox", "23501"),
            ("sandbox", "23502"),
            ("sandbox", "23503")
        ]
        .map(|(p, o)| (p.to_string(), o.to_string()))
    );
    // --fresh begins again, and says so by not saying otherwise.
    let sandbox = SandboxProc::start_in(&home, &["--fresh"]);
    assert!(sandbox.banner.contains("new ones start at 23501.\n"));
    drop(sandbox);
    assert_eq!(
        std::fs::read_to_string(&ids).unwrap(),
        r#"{"order":0,"refill":0}"#
    );
}

#[test]
fn totals_are_in_the_panels_currency_from_the_first_order_on() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    home.run(order_add("1448", "https://i.com/1", &["--quantity", "500"]))
        .expect_code(0);
    // The catalogue carries no currency: the first order asks the balance once, after it is
    // placed; the second finds the currency in the book.
    assert_eq!(panel.actions("balance").len(), 1);
    home.run(order_add(
        "1448",
        "https://i.com/2",
        &["--quantity", "1000"],
    ))
    .expect_code(0);
    assert_eq!(panel.actions("balance").len(), 1);
    let currencies: Vec<serde_json::Value> = home
        .orders()
        .iter()
        .map(|o| o["currency"].clone())
        .collect();
    assert_eq!(currencies, ["USD", "USD"]);
    let out = home.run(["orders"]);
    out.expect_code(0);
    let total: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("TOTAL"))
        .collect();
    assert_eq!(total.len(), 1, "{}", out.stdout);
    assert_eq!(
        total[0].split_whitespace().collect::<Vec<_>>(),
        ["TOTAL", "2", "orders", "1.35", "0.00", "USD"]
    );
    home.run(["orders", "--by", "service"]).expect(
        0,
        concat!(
            "GROUP  ORDERS  COST  CHARGE  CURRENCY\n",
            "1448        2  1.35    0.00  USD\n",
            "TOTAL       2  1.35    0.00  USD\n",
        ),
        "",
    );
}

/// `text` with every `YYYY-MM-DD HH:MM UTC` (when an order was placed) written as such.
fn undated(text: &str) -> String {
    let shape = "0000-00-00 00:00 UTC";
    let fits = |s: &[u8]| {
        s.len() >= shape.len()
            && shape.bytes().zip(s).all(|(want, got)| match want {
                b'0' => got.is_ascii_digit(),
                _ => want == *got,
            })
    };
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        if fits(&bytes[i..]) {
            out.push_str("YYYY-MM-DD HH:MM UTC");
            i += shape.len();
        } else {
            let c = text[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// What `smm demo` printed after `$ command` up to the next step.
fn demo_step(transcript: &str, command: &str) -> String {
    let at = transcript
        .find(&format!("$ {command}\n"))
        .unwrap_or_else(|| panic!("no step `{command}` in\n{transcript}"));
    let rest = &transcript[at + command.len() + 3..];
    rest[..rest.find("\n# ").unwrap_or(rest.len())].to_string()
}

#[test]
fn the_demo_shows_the_book_and_the_cron_job_in_a_home_of_its_own() {
    let home = Home::new();
    // The user's settings are never the demo's: not their config, profile or data dir.
    home.write_config("default_profile = \"mine\"\n\n[profiles.mine]\nurl = \"https://panel.invalid/api/v2\"\nkey = \"k\"\n");
    let config_before = std::fs::read_to_string(home.config()).unwrap();
    let tmp = home.dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let ran = home
        .smm()
        .arg("demo")
        .env("SMM_PROFILE", "mine")
        .env("TMPDIR", &tmp)
        .run();
    ran.expect_code(0);
    let transcript = undated(&ran.tidy(&ran.stdout));
    // Each step, exactly: the book after the order, the first sync, the price change through
    // the control endpoint, the clock, the second sync with both changes, the book again.
    assert_eq!(
        demo_step(&transcript, "smm orders"),
        concat!(
            "PLACED                PROFILE  SERVICE  QUANTITY  LINK                          COST  OUTCOME      STATUS  CHARGE  CURRENCY\n",
            "YYYY-MM-DD HH:MM UTC  sandbox  1448          500  https://instagram.com/p/demo  0.45  order 23501                  USD\n",
            "TOTAL                                    1 order                                0.45                         0.00  USD\n",
        )
    );
    let syncs: Vec<&str> = transcript.split("$ smm sync\n").skip(1).collect();
    assert_eq!(syncs.len(), 2);
    assert!(syncs[0].starts_with(concat!(
        "PROFILE  BALANCE    ORDERS ASKED  STATUS CHANGES  CATALOGUE CHANGES  REFILLS  ALERTS\n",
        "sandbox  99.55 USD             1               1                  0      1/0       0\n",
        "sandbox: order 23501: (new) → Pending\n\n#",
    )));
    assert_eq!(
        demo_step(
            &transcript,
            "curl -d 'action=rate&service=1448&rate=1.10' http://127.0.0.1:PORT/control"
        ),
        "{\"ok\":true}\n"
    );
    assert_eq!(
        demo_step(
            &transcript,
            "curl -d 'action=advance&seconds=3600' http://127.0.0.1:PORT/control"
        ),
        "{\"advanced\":3600}\n"
    );
    assert!(syncs[1].starts_with(concat!(
        "PROFILE  BALANCE    ORDERS ASKED  STATUS CHANGES  CATALOGUE CHANGES  REFILLS  ALERTS\n",
        "sandbox  99.55 USD             1               1                  1      1/0       0\n",
        "sandbox: order 23501: Pending → Completed\n",
        "sandbox: service 1448 rate 0.90 → 1.10 (+22.2%)\n",
        "sandbox: refill 1 of order 23491: Pending → Completed\n\n#",
    )));
    assert!(transcript.ends_with(concat!(
        "$ smm orders\n",
        "PLACED                PROFILE  SERVICE  QUANTITY  LINK                          COST  OUTCOME      STATUS     CHARGE  CURRENCY\n",
        "YYYY-MM-DD HH:MM UTC  sandbox  1448          500  https://instagram.com/p/demo  0.45  order 23501  Completed    0.45  USD\n",
        "TOTAL                                    1 order                                0.45                            0.45  USD\n",
        "\nTo keep playing: run `smm sandbox --add-profile` in another terminal (it adds a profile 'sandbox' to your config), then `smm -p sandbox balance`.\n",
    )));
    // The whole transcript (the sandbox's clock stands still between the steps that move it).
    crate::common::golden("tests/golden/demo.txt", &transcript);
    ran.stderr_is(concat!(
        "smm: dry run — no order was placed\n",
        "smm: 1 of 5 items carry an error\n",
    ));
    // Nothing of the user's was read or written, and the throwaway home is gone.
    assert_eq!(
        std::fs::read_to_string(home.config()).unwrap(),
        config_before
    );
    assert!(!home.book().exists());
    assert!(!home.dir.path().join("data").exists());
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0);
}

/// Ctrl-C stops the demo and removes its temporary directory (exit 130): a terminal's Ctrl-C,
/// which reaches the step running too, and an interrupt of the demo alone.
#[test]
fn ctrl_c_stops_the_demo_and_removes_its_temporary_directory() {
    use std::os::unix::process::CommandExt;
    for whole_group in [true, false] {
        let home = Home::new();
        let tmp = home.dir.path().join("tmp");
        std::fs::create_dir(&tmp).unwrap();
        let mut cmd = home.command();
        cmd.arg("demo").env("TMPDIR", &tmp).process_group(0);
        let mut running = Running::spawn(cmd);
        // The banner comes before the first step; the steps take most of a second after it.
        running.wait_for(
            Stream::Stdout,
            "smm demo — ",
            std::time::Duration::from_secs(30),
        );
        assert_eq!(
            std::fs::read_dir(&tmp).unwrap().count(),
            1,
            "the demo's home"
        );
        let pid = running.child.id().to_string();
        let target = match whole_group {
            true => format!("-{pid}"),
            false => pid,
        };
        let status = std::process::Command::new("kill")
            .args(["-INT", "--", &target])
            .status()
            .unwrap();
        assert!(status.success(), "kill -INT -- {target} failed");
        let ran = running.finish();
        ran.expect_code(130);
        assert!(
            ran.stderr
                .ends_with("smm: demo stopped; its temporary directory was removed\n"),
            "{}",
            ran.stderr
        );
        assert!(!ran.stdout.contains("To keep playing"), "{}", ran.stdout);
        assert_eq!(
            std::fs::read_dir(&tmp).unwrap().count(),
            0,
            "the temporary directory is gone"
        );
        assert!(!home.book().exists());
    }
}
