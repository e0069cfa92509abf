//! Hardening: no redirects, no plain http to other hosts, keys from commands and never in any
//! output, permission warnings, oversized and hostile answers.

use crate::common::{Home, Panel, Reply, Run};

#[test]
fn a_redirect_is_not_followed_and_its_target_never_contacted() {
    let target = Panel::fixtures();
    target.expect_none();
    let target_url = target.url.clone();
    let panel = Panel::start(move |_| {
        Reply::with_status(302, "text/html", "").header("Location", &target_url)
    });
    let home = Home::with_panel(&panel);
    for args in [vec!["balance"], ADD.to_vec()] {
        let out = home.run(&args);
        out.expect_code(1);
        let err = &out.stderr;
        assert!(
            err.contains("redirect") && err.contains(&target.url),
            "{err}"
        );
    }
    assert!(
        target.requests().is_empty(),
        "the key must never reach the redirect target"
    );
}

const ADD: [&str; 8] = [
    "order",
    "add",
    "--service",
    "1",
    "--link",
    "l",
    "--quantity",
    "100",
];

#[test]
fn plain_http_is_refused_for_other_hosts() {
    let home = Home::new();
    home.write_config("[profiles.p]\nurl = \"http://panel.example/api/v2\"\nkey = \"k\"\n");
    let out = home.run(["balance"]);
    out.expect_code(2);
    out.stderr_like("smm: profile 'p' in ~/config.toml: panel.example uses http://, so the key would cross the network unencrypted; use https:// (or set allow_http = true in the profile if you must)\n");
    // Loopback is fine (the sandbox), by name or address.
    let panel = Panel::fixtures();
    let url = panel.url.replace("127.0.0.1", "localhost");
    home.write_config(&format!("[profiles.p]\nurl = \"{url}\"\nkey = \"k\"\n"));
    assert_eq!(home.run(["balance"]).code, Some(0));
}

#[test]
fn key_command_supplies_the_first_line_of_its_output() {
    let panel = Panel::fixtures();
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey_command = \"printf 'k%s\\\\nsecond line\\\\n' 777\"\n",
        panel.url
    ));
    let out = home.run(["balance"]);
    out.expect_code(0);
    assert_eq!(panel.requests()[0].field("key"), Some("k777"));
    let out = home.run(["config", "show"]);
    out.stdout_like(concat!(
        "config: ~/config.toml\n",
        "   PROFILE  API  URL                            KEY\n",
        "*  p        v2   http://127.0.0.1:PORT/api/v2  key_command `printf …`\n",
    ));
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey_command = \"exit 3\"\n",
        panel.url
    ));
    let out = home.run(["balance"]);
    out.expect_code(2);
    out.stderr_is("smm: profile 'p': key_command `exit …` failed (exit status: 3); run it yourself to see why\n");
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"a\"\nkey_command = \"echo b\"\n",
        panel.url
    ));
    assert_eq!(home.run(["balance"]).code, Some(2));
    assert_eq!(panel.requests().len(), 1);
}

#[cfg(unix)]
#[test]
fn a_readable_config_with_a_key_gets_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let out = home.run(["balance"]);
    out.stderr_is("");
    std::fs::set_permissions(home.config(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = home.run(["balance"]);
    out.expect_code(0);
    out.stderr_like("smm: warning: ~/config.toml holds API keys and is readable by others (mode 644): run `chmod 600 ~/config.toml`\n");
    // key_env in a readable file is fine: no key in it.
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey_env = \"K\"\n",
        panel.url
    ));
    std::fs::set_permissions(home.config(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = home.smm().env("K", "k").arg("balance").run();
    out.stderr_is("");
}

#[test]
fn the_key_never_appears_in_any_output() {
    const KEY: &str = "sk-VERY-SECRET-4242";
    let panel = Panel::start(|req| match req.field("action") {
        Some("add") => Reply::with_status(502, "text/html", "<html>oops</html>"),
        Some("cancel") => Reply::json(r#"{"error":"Invalid API key"}"#),
        _ => crate::common::fixture_reply(req),
    });
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey = \"{KEY}\"\n",
        panel.url
    ));
    let runs: Vec<Vec<&str>> = vec![
        vec!["-v", "balance"],
        vec!["-v", "services", "--json"],
        vec!["-v", "status", "1,10,100"],
        vec![
            "-v",
            "order",
            "add",
            "--service",
            "1448",
            "--link",
            "l",
            "--quantity",
            "100",
        ],
        vec!["-v", "cancel", "1"],
        vec!["config", "show"],
        vec!["config", "show", "--json"],
        vec!["orders", "--json"],
        vec![
            "-v",
            "order",
            "add",
            "--service",
            "1448",
            "--link",
            "l",
            "--quantity",
            "100",
            "--dry-run",
        ],
    ];
    for args in runs {
        let out = home.run(&args);
        let all = format!("{}{}", out.stdout, out.stderr);
        assert!(!all.contains(KEY), "{args:?} leaked the key: {all}");
    }
    assert!(!String::from_utf8_lossy(&std::fs::read(home.book()).unwrap()).contains(KEY));
}

#[test]
fn an_oversized_answer_is_refused() {
    let body = format!("[{}]", "0,".repeat(33 << 20) + "0");
    let panel = Panel::start(move |_| Reply::json(body.clone()));
    let out = Home::with_panel(&panel).smm().arg("services").run();
    out.expect_code(1);
    out.stderr_like("smm: the panel's answer is too large (69206019 bytes, more than 64 MiB); refusing to read it — profile 'test' at http://127.0.0.1:PORT/api/v2, 1 attempt\n");
    assert_eq!(panel.requests().len(), 1, "not retried");
}

#[test]
fn hostile_json_never_panics() {
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let bodies = [
        nested.clone(),
        format!("{{\"1\":{nested}}}"),
        r#"{"balance":{"a":[1,2]},"currency":5}"#.to_string(),
        r#"[{"service":{"x":1},"rate":[],"min":-5,"max":1e400,"refill":"perhaps"}]"#.to_string(),
        r#"{"1":[],"10":"x","100":{"charge":{"x":1},"status":7}}"#.to_string(),
        "\u{feff}{\"balance\":\"1\"}".to_string(),
    ];
    for body in bodies {
        let b = body.clone();
        let panel = Panel::start(move |_| Reply::json(b.clone()));
        let home = Home::with_panel(&panel);
        for args in [
            vec!["balance"],
            vec!["services"],
            vec!["status", "1,10,100"],
            vec!["refill", "1,2"],
            ADD.to_vec(),
        ] {
            let out = home
                .smm()
                .args(&args)
                .args(["--force"].iter().filter(|_| args[0] == "order"))
                .run();
            let err = &out.stderr;
            assert!(
                !err.contains("panicked") && matches!(out.code, Some(0..=3)),
                "{args:?} on {}: {err}",
                &body[..body.len().min(60)]
            );
        }
    }
}
