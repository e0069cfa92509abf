//! The profile file: where it is, which profile is used, keys, and every config error.

use crate::common::{Home, Panel, Run};

#[test]
fn config_path_follows_flag_env_then_xdg() {
    let home = Home::new();
    let out = home.bare().args(["config", "path"]).run();
    let expected = home.dir.path().join("xdg-config/smm/config.toml");
    assert_eq!(out.stdout.trim(), expected.display().to_string());
    let out = home
        .bare()
        .env("SMM_CONFIG", "/tmp/from-env.toml")
        .args(["config", "path"])
        .run();
    assert_eq!(out.stdout.trim(), "/tmp/from-env.toml");
    let out = home
        .bare()
        .env("SMM_CONFIG", "/tmp/from-env.toml")
        .args(["config", "path", "--config", "/tmp/flag.toml"])
        .run();
    assert_eq!(out.stdout.trim(), "/tmp/flag.toml");
}

#[test]
fn the_default_location_is_read() {
    let panel = Panel::fixtures();
    let home = Home::new();
    let dir = home.dir.path().join("xdg-config/smm");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        format!("[profiles.only]\nurl = \"{}\"\nkey = \"k\"\n", panel.url),
    )
    .unwrap();
    let out = home.bare().arg("balance").run();
    out.expect_code(0);
    assert_eq!(panel.requests().len(), 1);
}

#[test]
fn missing_config_names_the_file_and_the_fix() {
    let home = Home::new();
    let out = home.run(["balance"]);
    out.expect_code(2);
    out.stderr_like("smm: no config file at ~/config.toml: run `smm config init` to create it there, or point --config / SMM_CONFIG at your file\n");
}

#[test]
fn broken_toml_names_the_file_and_line() {
    let home = Home::new();
    home.write_config("default_profile = \"a\"\n\n[profiles.a]\nurl = \"https://x\nkey = \"k\"\n");
    let out = home.run(["balance"]);
    out.expect_code(2);
    let err = &out.stderr;
    out.stderr_like(
        "smm: config file ~/config.toml: line 4: invalid basic string, expected `\"`\n",
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn unknown_setting_is_refused_with_its_name() {
    let home = Home::new();
    home.write_config("[profiles.a]\nurl = \"https://x\"\nkye = \"k\"\n");
    let out = home.run(["balance"]);
    out.expect_code(2);
    out.stderr_like("smm: config file ~/config.toml: line 3: unknown field `kye`, expected one of `url`, `key`, `key_env`, `key_command`, `allow_http`, `api`, `user_agent`, `concurrency`, `max_rpm`, `attempts`, `duplicate_window`, `services_ttl`, `low_balance`, `stalled_after`, `refill_period`, `refill_every`, `auto_refill`, `alert_repeat`\n");
}

fn two_profiles(a: &Panel, b: &Panel, default: Option<&str>) -> Home {
    let home = Home::new();
    let default = default
        .map(|d| format!("default_profile = \"{d}\"\n"))
        .unwrap_or_default();
    home.write_config(&format!(
        "{default}[profiles.alpha]\nurl = \"{}\"\nkey = \"key-a\"\n\n[profiles.beta]\nurl = \"{}\"\nkey = \"key-b\"\n",
        a.url, b.url
    ));
    home
}

#[test]
fn profile_precedence_flag_env_default() {
    let (a, b) = (Panel::fixtures(), Panel::fixtures());
    let home = two_profiles(&a, &b, Some("alpha"));
    home.run(["balance"]).expect_code(0);
    assert_eq!((a.requests().len(), b.requests().len()), (1, 0));
    home.smm()
        .env("SMM_PROFILE", "beta")
        .arg("balance")
        .run()
        .expect_code(0);
    assert_eq!((a.requests().len(), b.requests().len()), (1, 1));
    home.smm()
        .env("SMM_PROFILE", "beta")
        .args(["-p", "alpha", "balance"])
        .run()
        .expect_code(0);
    assert_eq!((a.requests().len(), b.requests().len()), (2, 1));
    assert_eq!(b.requests()[0].field("key"), Some("key-b"));
    home.run(["balance", "--profile", "beta"]).expect_code(0);
    assert_eq!(b.requests().len(), 2);
}

#[test]
fn unknown_profile_lists_the_known_ones() {
    let (a, b) = (Panel::fixtures(), Panel::fixtures());
    a.expect_none();
    b.expect_none();
    let home = two_profiles(&a, &b, Some("alpha"));
    let out = home.run(["-p", "gamma", "balance"]);
    out.expect_code(2);
    out.stderr_like("smm: profile 'gamma' is not in ~/config.toml; known profiles: alpha, beta\n");
}

#[test]
fn several_profiles_without_default_ask_to_pick_one() {
    let (a, b) = (Panel::fixtures(), Panel::fixtures());
    a.expect_none();
    b.expect_none();
    let home = two_profiles(&a, &b, None);
    let out = home.run(["balance"]);
    out.expect_code(2);
    out.stderr_like("smm: ~/config.toml has several profiles and no default_profile: pick one with -p NAME (alpha, beta) or `smm config set-default NAME`\n");
}

#[test]
fn key_env_reads_the_variable() {
    let panel = Panel::fixtures();
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nkey_env = \"MY_PANEL_KEY\"\n",
        panel.url
    ));
    let out = home
        .smm()
        .env("MY_PANEL_KEY", "from-env")
        .arg("balance")
        .run();
    out.expect_code(0);
    assert_eq!(panel.requests()[0].field("key"), Some("from-env"));

    for env in [None, Some("")] {
        let mut cmd = home.smm();
        if let Some(v) = env {
            cmd.env("MY_PANEL_KEY", v);
        }
        let out = cmd.arg("balance").run();
        out.expect_code(2);
        out.stderr_is("smm: profile 'p' reads its key from $MY_PANEL_KEY, which is not set or empty: export MY_PANEL_KEY=YOUR_API_KEY\n");
    }
    assert_eq!(panel.requests().len(), 1);
}

#[test]
fn bad_profiles_are_refused_before_sending() {
    let home = Home::new();
    for (text, expected) in [
        ("[profiles.p]\nurl = \"https://x\"\n", "no key"),
        (
            "[profiles.p]\nurl = \"https://x\"\nkey = \"a\"\nkey_env = \"B\"\n",
            "not several",
        ),
        (
            "[profiles.p]\nurl = \"ftp://x\"\nkey = \"a\"\n",
            "not an http(s) URL",
        ),
        (
            "[profiles.p]\nurl = \"https://x\"\nkey = \" \"\n",
            "empty key",
        ),
        ("", "no profiles"),
    ] {
        home.write_config(text);
        let out = home.run(["balance"]);
        out.expect_code(2);
        assert!(out.stderr.contains(expected), "{text}: {}", out.stderr);
    }
}

#[test]
fn config_show_masks_keys_and_says_where_they_come_from() {
    let home = Home::new();
    home.write_config(
        "default_profile = \"b\"\n[profiles.a]\nurl = \"https://a.example/api/v2\"\nkey = \"super-secret-key\"\n\
         [profiles.b]\nurl = \"https://b.example/api/v2\"\nkey_env = \"B_KEY\"\n",
    );
    let out = home.run(["config", "show"]);
    out.expect_code(0);
    let text = &out.stdout;
    out.stdout_like(concat!(
        "config: ~/config.toml\n",
        "   PROFILE  API  URL                       KEY\n",
        "   a        v2   https://a.example/api/v2  key in file (****)\n",
        "*  b        v2   https://b.example/api/v2  $B_KEY (not set)\n",
    ));
    let default_line = text
        .lines()
        .find(|l| l.contains("https://b.example"))
        .unwrap();
    assert!(default_line.starts_with('*'), "{text}");

    let out = home
        .smm()
        .env("B_KEY", "other-secret")
        .args(["config", "show", "--json"])
        .run();
    let text = &out.stdout;
    out.stdout_like("{\"path\":\"~/config.toml\",\"profile\":\"b\",\"profiles\":{\"a\":{\"url\":\"https://a.example/api/v2\",\"api\":\"v2\",\"key\":\"key in file (****)\"},\"b\":{\"url\":\"https://b.example/api/v2\",\"api\":\"v2\",\"key\":\"$B_KEY (set, ****)\"}}}\n");
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["profile"], "b");
    assert_eq!(v["profiles"]["b"]["key"], "$B_KEY (set, ****)");
}

#[test]
fn config_init_writes_a_0600_starter_and_refuses_to_overwrite() {
    let home = Home::new();
    let path = home.dir.path().join("new/dir/config.toml");
    let out = home
        .bare()
        .args(["config", "init", "--config"])
        .arg(&path)
        .run();
    out.expect_code(0);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("[profiles.") && text.contains("default_profile"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    std::fs::write(&path, "# mine\n").unwrap();
    let out = home
        .bare()
        .args(["config", "init", "--config"])
        .arg(&path)
        .run();
    out.expect_code(2);
    out.stderr_like("smm: ~/new/dir/config.toml already exists: edit it, or pass --config PATH to write a new file elsewhere\n");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");
    // The starter parses: `config show` reads it.
    let out = home.bare().args(["config", "init"]).run();
    out.expect_code(0);
    let out = home.bare().args(["config", "show"]).run();
    out.expect_code(0);
}

#[test]
fn the_example_file_is_valid() {
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
    let text = std::fs::read_to_string(&example).unwrap();
    let home = Home::new();
    // As shipped: every profile is a commented example, so nothing can reach a panel.
    let out = home
        .bare()
        .args(["config", "show", "--json", "--config"])
        .arg(&example)
        .run();
    out.expect_code(0);
    let shown: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(shown["profiles"], serde_json::json!({}));
    // Uncommented (`# [profiles.…]`, `# [mcp]`, `# key = …`, and the comments inside a
    // section), every example is a valid profile, and the [mcp] table a valid one.
    let uncommented: String = text
        .lines()
        .map(|l| {
            let rest = l.strip_prefix("# ").unwrap_or(l);
            let setting = rest.starts_with("[profiles.")
                || rest == "[mcp]"
                || rest.starts_with("# ")
                || rest.split_once(" = ").is_some_and(|(k, _)| {
                    !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                });
            format!("{}\n", if setting { rest } else { l })
        })
        .collect();
    home.write_config(&uncommented);
    let out = home.run(["config", "show", "--json"]);
    out.expect_code(0);
    let shown: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let names: Vec<&String> = shown["profiles"].as_object().unwrap().keys().collect();
    assert_eq!(names, ["other", "pica", "streamdetails", "useapi"]);
    assert_eq!(shown["profile"], "pica", "default_profile");
    // `smm mcp` reads the [mcp] table before serving (stdin closed: no session, exit 0).
    home.run(["mcp"])
        .expect_code(0)
        .stdout_is("")
        .stderr_has("profiles pica; orders off");
}

#[test]
fn help_documents_the_exit_codes() {
    let out = Home::new().run(["--help"]);
    out.expect_code(0);
    let text = &out.stdout;
    for line in [
        "0  success",
        "1  the request failed",
        "2  bad input",
        "3  a batch ran",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }
}

#[test]
fn a_key_never_shows_in_config_errors() {
    let home = Home::new();
    home.write_config("[profiles.a]\nurl = \"https://x.example/api/v2\"\nkey = 123456789\n");
    let out = home.run(["balance"]);
    out.expect_code(2);
    out.stderr_like(
        "smm: config file ~/config.toml: line 3: invalid type: integer `…`, expected a string\n",
    );
    home.write_config("[profiles.a]\nurl = \"https://x.example/api/v2?key=abc123\"\nkey = \"k\"\n");
    let out = home.run(["balance"]);
    out.expect_code(2);
    out.stderr_like("smm: profile 'a' in ~/config.toml: the url carries a key in its query string; remove it from url and use key or key_env (smm sends the key only in the request body)\n");
    let out = home.run(["config", "show"]);
    out.stdout_like(concat!(
        "config: ~/config.toml\n",
        "   PROFILE  API  URL                         KEY\n",
        "*  a        v2   https://x.example/api/v2?…  key in file (****)\n",
    ));
    home.write_config("[profiles.a]\nurl = \"https://user:pw123@x.example/api/v2\"\nkey = \"k\"\n");
    let out = home.run(["balance"]);
    out.expect_code(2);
    out.stderr_like("smm: profile 'a' in ~/config.toml: the url carries a user name or password; remove it (smm sends the key only in the request body)\n");
    let out = home.run(["config", "show"]);
    out.stdout_like(concat!(
        "config: ~/config.toml\n",
        "   PROFILE  API  URL                         KEY\n",
        "*  a        v2   https://…@x.example/api/v2  key in file (****)\n",
    ));
}

#[test]
fn usage_errors_are_one_line_with_a_pointer_to_help() {
    let home = Home::new();
    for (args, expected) in [
        (
            vec!["balnce"],
            "smm: unrecognized subcommand 'balnce'; did you mean `smm balance`? (see `smm --help`)",
        ),
        (
            vec!["status", "--fiel", "x"],
            "smm: unexpected argument '--fiel' found; did you mean '--file'? (see `smm status --help`)",
        ),
        (
            vec!["order", "add", "--link", "https://i.com/x"],
            "smm: order add needs --service ID (or --file PATH for a bulk file) (see `smm order add --help`)",
        ),
        (
            vec!["--timeout", "0", "balance"],
            "smm: invalid value '0' for '--timeout <SECS>': '0' must be more than 0 and at most 86400 seconds (see `smm balance --help`)",
        ),
    ] {
        let out = home.run(&args);
        out.expect_code(2);
        assert_eq!(out.stderr, format!("{expected}\n"), "{args:?}");
    }
    let out = home.run(["order", "add", "--help"]);
    out.expect_code(0);
    assert!(out.stdout.contains("--dry-run"));
}
