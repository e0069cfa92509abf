//! useapi.net profiles (`api = "useapi"`): `smm pika account list|set|delete` — the exact
//! requests (method, path, Bearer header, JSON body types), the outputs, and every error.

use crate::common::{Home, Panel, Reply, Run, SandboxProc, Seen, order_add};
use serde_json::{Value, json};

const CHANNEL: &str = "1234567890123456789";
const TOKEN: &str = "MTA4NzY1NDMyMTAxMjM0NTY3OA.GxYz12.abcdefghijklmnopqrstuvwxyz012";

fn home_for(url: &str) -> Home {
    let home = Home::new();
    home.write_config(&format!(
        "default_profile = \"ua\"\n[profiles.ua]\napi = \"useapi\"\nurl = \"{url}\"\nkey = \"api-token\"\n\
         [profiles.panel]\nurl = \"{url}\"\nkey = \"panel-key\"\n"
    ));
    home
}

/// The stub's base URL (`http://127.0.0.1:PORT/v1`).
fn base(panel: &Panel) -> String {
    panel.url.replace("/api/v2", "/v1")
}

fn json_body(seen: &Seen) -> Value {
    serde_json::from_str(&seen.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", seen.body))
}

fn no_content() -> Reply {
    Reply::with_status(204, "application/json", "")
}

fn failure(code: u16, message: &str) -> Reply {
    Reply::with_status(
        code,
        "application/json",
        json!({"error": message, "code": code}).to_string(),
    )
}

#[test]
fn list_gets_pika_account_with_a_bearer_token_and_masks_discord_tokens() {
    let panel = Panel::start(|_| {
        Reply::json(
            json!({CHANNEL: {"channel": CHANNEL, "discord": TOKEN, "maxJobs": 3}}).to_string(),
        )
    });
    let home = home_for(&base(&panel));
    let out = home.run(["pika", "account", "list"]);
    out.expect_code(0);
    let r = &panel.requests()[0];
    assert_eq!(
        (r.method.as_str(), r.url.as_str()),
        ("GET", "/v1/pika/account")
    );
    assert_eq!(r.header("authorization"), Some("Bearer api-token"));
    assert!(r.body.is_empty());
    out.stdout_is(concat!(
        "CHANNEL              DISCORD TOKEN  MAX JOBS\n",
        "1234567890123456789  ****z012              3\n",
    ));
    // --json is the API's answer as it came, tokens masked.
    let out = home.run(["pika", "account", "list", "--json"]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v[CHANNEL]["maxJobs"], 3);
    // Even --json never prints a Discord token.
    assert_eq!(v[CHANNEL]["discord"], "****z012");
    out.stdout_is("{\"1234567890123456789\":{\"channel\":\"1234567890123456789\",\"discord\":\"****z012\",\"maxJobs\":3}}\n");
}

#[test]
fn set_posts_the_documented_json_and_confirms_in_one_line() {
    let panel = Panel::start(|_| no_content());
    let home = home_for(&base(&panel));
    let out = home
        .smm()
        .args([
            "pika",
            "account",
            "set",
            CHANNEL,
            "--discord",
            "-",
            "--max-jobs",
            "3",
        ])
        .write_stdin(format!("{TOKEN}\n"))
        .run();
    out.expect_code(0);
    let r = &panel.requests()[0];
    assert_eq!(
        (r.method.as_str(), r.url.clone()),
        ("POST", format!("/v1/pika/account/{CHANNEL}"))
    );
    assert_eq!(r.header("authorization"), Some("Bearer api-token"));
    assert_eq!(r.header("content-type"), Some("application/json"));
    let b = json_body(r);
    assert_eq!(
        b,
        json!({"discord": TOKEN, "channel": CHANNEL, "maxJobs": 3})
    );
    assert!(b["channel"].is_string() && b["maxJobs"].is_u64());
    assert_eq!(out.stdout.lines().count(), 1);
    out.stdout_is("Pika account for channel 1234567890123456789 saved (maxJobs 3).\n");
    out.stderr_is("");
    out.stdout_is("Pika account for channel 1234567890123456789 saved (maxJobs 3).\n");
}

#[test]
fn set_reads_the_token_from_the_environment_and_never_logs_it() {
    let panel = Panel::start(|_| no_content());
    let home = home_for(&base(&panel));
    let out = home
        .smm()
        .env("SMM_DISCORD_TOKEN", TOKEN)
        .args(["-v", "pika", "account", "set", CHANNEL, "--max-jobs", "10"])
        .run();
    out.expect_code(0);
    assert_eq!(json_body(&panel.requests()[0])["discord"], TOKEN);
    let err = &out.stderr;
    assert!(
        err.contains("> POST") && err.contains("discord=****"),
        "{err}"
    );
    assert!(!err.contains(TOKEN) && !err.contains("api-token"), "{err}");
}

#[test]
fn delete_sends_delete() {
    let panel = Panel::start(|_| no_content());
    let out = home_for(&base(&panel))
        .smm()
        .args(["pika", "account", "delete", CHANNEL])
        .run();
    out.expect_code(0);
    let r = &panel.requests()[0];
    assert_eq!(
        (r.method.as_str(), r.url.clone()),
        ("DELETE", format!("/v1/pika/account/{CHANNEL}"))
    );
    assert_eq!(r.header("authorization"), Some("Bearer api-token"));
    out.stdout_is("Pika account for channel 1234567890123456789 deleted.\n");
}

#[test]
fn bad_input_is_refused_before_sending() {
    let panel = Panel::start(|_| no_content());
    panel.expect_none();
    let home = home_for(&base(&panel));
    let cases: Vec<(Vec<&str>, Option<&str>, &str)> = vec![
        (
            vec![
                "set",
                "1234567890123456",
                "--discord",
                TOKEN,
                "--max-jobs",
                "1",
            ],
            None,
            "Discord channel id",
        ),
        (
            vec![
                "set",
                "123456789012345678901",
                "--discord",
                TOKEN,
                "--max-jobs",
                "1",
            ],
            None,
            "Discord channel id",
        ),
        (
            vec![
                "set",
                "12345678901234567a",
                "--discord",
                TOKEN,
                "--max-jobs",
                "1",
            ],
            None,
            "Discord channel id",
        ),
        (
            vec!["set", CHANNEL, "--discord", TOKEN, "--max-jobs", "0"],
            None,
            "max-jobs",
        ),
        (
            vec!["set", CHANNEL, "--discord", TOKEN, "--max-jobs", "11"],
            None,
            "max-jobs",
        ),
        (
            vec!["set", CHANNEL, "--discord", "-", "--max-jobs", "1"],
            Some("\n"),
            "empty",
        ),
        (
            vec!["set", CHANNEL, "--max-jobs", "1"],
            None,
            "SMM_DISCORD_TOKEN",
        ),
        (vec!["set", CHANNEL, "--discord", TOKEN], None, "--max-jobs"),
        (vec!["delete", "42"], None, "Discord channel id"),
    ];
    for (args, stdin, expected) in cases {
        let mut cmd = home.smm();
        cmd.args(["pika", "account"]).args(&args);
        if let Some(input) = stdin {
            cmd.write_stdin(input);
        }
        let out = cmd.run();
        out.expect_code(2);
        assert!(out.stderr.contains(expected), "{args:?}: {}", out.stderr);
        assert!(!out.stderr.contains(TOKEN));
    }
}

#[test]
fn profile_types_are_kept_apart() {
    let panel = Panel::start(|_| no_content());
    panel.expect_none();
    let home = home_for(&base(&panel));
    let out = home.run(["-p", "panel", "pika", "account", "list"]);
    out.expect_code(2);
    out.stderr_is("smm: `smm pika` needs a useapi.net profile (api = \"useapi\"); profile 'panel' is a v2 panel: pick a useapi profile with -p NAME\n");
    for cmd in [
        vec!["balance"],
        vec!["services"],
        vec!["status", "1"],
        vec!["cancel", "1"],
        order_add("1", "l", &["--quantity", "10"]),
    ] {
        let out = home.smm().args(["-p", "ua"]).args(&cmd).run();
        out.expect_code(2);
        assert!(
            out.stderr.contains("useapi.net profile") && out.stderr.contains("v2"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn every_documented_error_is_shown_with_exit_1() {
    let set_errors = [
        (
            400,
            "Required param discord is missing or empty".to_string(),
        ),
        (
            400,
            "Required param channel is missing or empty".to_string(),
        ),
        (
            400,
            format!("Required param channel ({CHANNEL}) is not valid Discord channel id"),
        ),
        (
            400,
            format!("Required param channel ({CHANNEL}) not matching to /pika/account/{CHANNEL}"),
        ),
        (
            400,
            "Required param maxJobs is missing or empty".to_string(),
        ),
        (
            400,
            "Required param maxJobs 10 can't be more that 5".to_string(),
        ),
        (
            400,
            format!("Channel {CHANNEL} configuration has same discord value"),
        ),
        (401, "Unauthorized".to_string()),
    ];
    let mut cases: Vec<(Vec<&str>, u16, String)> = set_errors
        .into_iter()
        .map(|(c, m)| (vec!["set", CHANNEL, "--max-jobs", "10"], c, m))
        .collect();
    cases.push((vec!["list"], 401, "Unauthorized".into()));
    cases.push((vec!["list"], 404, "Configuration not found".into()));
    cases.push((vec!["delete", CHANNEL], 401, "Unauthorized".into()));
    cases.push((
        vec!["delete", CHANNEL],
        404,
        "Configuration not found".into(),
    ));
    for (args, code, msg) in cases {
        let message = msg.clone();
        let panel = Panel::start(move |_| failure(code, &message));
        let out = home_for(&base(&panel))
            .smm()
            .env("SMM_DISCORD_TOKEN", TOKEN)
            .args(["pika", "account"])
            .args(&args)
            .run();
        out.expect_code(1);
        let err = &out.stderr;
        assert!(
            err.contains(&msg) && err.lines().count() == 1,
            "{args:?}: {err}"
        );
        assert!(!err.contains(TOKEN) && !err.contains("api-token"));
    }
}

#[test]
fn against_the_sandbox_panel() {
    let sb = SandboxProc::start(&[]);
    let url = sb.url.replace("/api/v2", "/useapi/v1");
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.ua]\napi = \"useapi\"\nurl = \"{url}\"\nkey = \"sandbox\"\n"
    ));
    let pika = |args: &[&str]| {
        home.smm()
            .args(["pika", "account"])
            .args(args)
            .env("SMM_DISCORD_TOKEN", TOKEN)
            .run()
    };
    let out = pika(&["list"]);
    out.expect_code(1);
    assert!(
        out.stderr.contains("Configuration not found") && out.stderr.contains("pika account set")
    );
    assert_eq!(pika(&["set", CHANNEL, "--max-jobs", "2"]).code, Some(0));
    let out = pika(&["set", CHANNEL, "--max-jobs", "4"]);
    out.expect_code(1);
    assert!(
        out.stderr.contains("configuration has same discord value"),
        "{}",
        out.stderr
    );
    let out = pika(&["list"]);
    assert!(
        out.stdout.contains(CHANNEL) && out.stdout.contains("****z012"),
        "{}",
        out.stdout
    );
    assert_eq!(pika(&["delete", CHANNEL]).code, Some(0));
    assert_eq!(pika(&["delete", CHANNEL]).code, Some(1));
    let wrong = Home::new();
    wrong.write_config(&format!(
        "[profiles.ua]\napi = \"useapi\"\nurl = \"{url}\"\nkey = \"nope\"\n"
    ));
    let out = wrong.run(["pika", "account", "list"]);
    out.stderr_is("smm: useapi.net says: Unauthorized (HTTP 401)\n");
}

#[test]
fn a_token_on_the_command_line_gets_a_warning() {
    let panel = Panel::start(|_| no_content());
    let out = home_for(&base(&panel))
        .smm()
        .args([
            "pika",
            "account",
            "set",
            CHANNEL,
            "--discord",
            TOKEN,
            "--max-jobs",
            "2",
        ])
        .run();
    out.expect_code(0);
    out.stderr_is("smm: warning: a token on the command line can be seen by other users (ps, shell history); prefer --discord - (stdin) or SMM_DISCORD_TOKEN\n");
}
