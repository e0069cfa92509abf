//! The profile file: where it is, which profile is used, keys, and every config error.

use crate::common::{Home, Panel, stderr, stdout};

#[test]
fn config_path_follows_flag_env_then_xdg() {
    let home = Home::new();
    let out = home.bare().args(["config", "path"]).output().unwrap();
    let expected = home.dir.path().join("xdg-config/smm/config.toml");
    assert_eq!(stdout(&out).trim(), expected.display().to_string());
    let out = home
        .bare()
        .env("SMM_CONFIG", "/tmp/from-env.toml")
        .args(["config", "path"])
        .output()
        .unwrap();
    assert_eq!(stdout(&out).trim(), "/tmp/from-env.toml");
    let out = home
        .bare()
        .env("SMM_CONFIG", "/tmp/from-env.toml")
        .args(["config", "path", "--config", "/tmp/flag.toml"])
        .output()
        .unwrap();
    assert_eq!(stdout(&out).trim(), "/tmp/flag.toml");
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
    let out = home.bare().arg("balance").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(panel.requests().len(), 1);
}

#[test]
fn missing_config_names_the_file_and_the_fix() {
    let home = Home::new();
    let out = home.smm().arg("balance").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&home.config().display().to_string()) && err.contains("smm config init"),
        "{err}"
    );
}

#[test]
fn broken_toml_names_the_file_and_line() {
    let home = Home::new();
    home.write_config("default_profile = \"a\"\n\n[profiles.a]\nurl = \"https://x\nkey = \"k\"\n");
    let out = home.smm().arg("balance").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("config.toml") && err.contains("line 4"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn unknown_setting_is_refused_with_its_name() {
    let home = Home::new();
    home.write_config("[profiles.a]\nurl = \"https://x\"\nkye = \"k\"\n");
    let out = home.smm().arg("balance").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("kye"), "{}", stderr(&out));
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
    home.smm().arg("balance").assert().code(0);
    assert_eq!((a.requests().len(), b.requests().len()), (1, 0));
    home.smm()
        .env("SMM_PROFILE", "beta")
        .arg("balance")
        .assert()
        .code(0);
    assert_eq!((a.requests().len(), b.requests().len()), (1, 1));
    home.smm()
        .env("SMM_PROFILE", "beta")
        .args(["-p", "alpha", "balance"])
        .assert()
        .code(0);
    assert_eq!((a.requests().len(), b.requests().len()), (2, 1));
    assert_eq!(b.requests()[0].field("key"), Some("key-b"));
    home.smm()
        .args(["balance", "--profile", "beta"])
        .assert()
        .code(0);
    assert_eq!(b.requests().len(), 2);
}

#[test]
fn unknown_profile_lists_the_known_ones() {
    let (a, b) = (Panel::fixtures(), Panel::fixtures());
    a.expect_none();
    b.expect_none();
    let home = two_profiles(&a, &b, Some("alpha"));
    let out = home
        .smm()
        .args(["-p", "gamma", "balance"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("'gamma'") && err.contains("alpha, beta"),
        "{err}"
    );
}

#[test]
fn several_profiles_without_default_ask_to_pick_one() {
    let (a, b) = (Panel::fixtures(), Panel::fixtures());
    a.expect_none();
    b.expect_none();
    let home = two_profiles(&a, &b, None);
    let out = home.smm().arg("balance").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("-p NAME"), "{}", stderr(&out));
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
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(panel.requests()[0].field("key"), Some("from-env"));

    for env in [None, Some("")] {
        let mut cmd = home.smm();
        if let Some(v) = env {
            cmd.env("MY_PANEL_KEY", v);
        }
        let out = cmd.arg("balance").output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("MY_PANEL_KEY"), "{}", stderr(&out));
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
        let out = home.smm().arg("balance").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert!(stderr(&out).contains(expected), "{text}: {}", stderr(&out));
    }
}

#[test]
fn config_show_masks_keys_and_says_where_they_come_from() {
    let home = Home::new();
    home.write_config(
        "default_profile = \"b\"\n[profiles.a]\nurl = \"https://a.example/api/v2\"\nkey = \"super-secret-key\"\n\
         [profiles.b]\nurl = \"https://b.example/api/v2\"\nkey_env = \"B_KEY\"\n",
    );
    let out = home.smm().args(["config", "show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(!text.contains("super-secret-key"), "{text}");
    assert!(
        text.contains("https://a.example/api/v2") && text.contains("key in file (****)"),
        "{text}"
    );
    assert!(text.contains("$B_KEY (not set)"), "{text}");
    let default_line = text
        .lines()
        .find(|l| l.contains("https://b.example"))
        .unwrap();
    assert!(default_line.starts_with('*'), "{text}");

    let out = home
        .smm()
        .env("B_KEY", "other-secret")
        .args(["config", "show", "--json"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(!text.contains("other-secret") && !text.contains("super-secret-key"));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
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
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
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
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");
    // The starter parses: `config show` reads it.
    let out = home.bare().args(["config", "init"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = home.bare().args(["config", "show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
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
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
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
    let out = home
        .smm()
        .args(["config", "show", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{uncommented}",
        stderr(&out)
    );
    let shown: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let names: Vec<&String> = shown["profiles"].as_object().unwrap().keys().collect();
    assert_eq!(names, ["other", "pica", "streamdetails", "useapi"]);
    assert_eq!(shown["profile"], "pica", "default_profile");
    // `smm mcp` reads the [mcp] table before serving (stdin closed: no session, exit 0).
    let out = home.smm().arg("mcp").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("profiles pica; orders off"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn help_documents_the_exit_codes() {
    let out = assert_cmd::cargo::cargo_bin_cmd!("smm")
        .arg("--help")
        .output()
        .unwrap();
    let text = stdout(&out);
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
    let out = home.smm().arg("balance").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("line 3") && !stderr(&out).contains("123456789"),
        "{}",
        stderr(&out)
    );
    home.write_config("[profiles.a]\nurl = \"https://x.example/api/v2?key=abc123\"\nkey = \"k\"\n");
    let out = home.smm().arg("balance").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("query string") && !stderr(&out).contains("abc123"),
        "{}",
        stderr(&out)
    );
    let out = home.smm().args(["config", "show"]).output().unwrap();
    assert!(!stdout(&out).contains("abc123"), "{}", stdout(&out));
    home.write_config("[profiles.a]\nurl = \"https://user:pw123@x.example/api/v2\"\nkey = \"k\"\n");
    let out = home.smm().arg("balance").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("user name or password") && !stderr(&out).contains("pw123"));
    let out = home.smm().args(["config", "show"]).output().unwrap();
    assert!(!stdout(&out).contains("pw123"), "{}", stdout(&out));
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
            vec!["order", "add", "--link", "x"],
            "smm: order add needs --service ID (or --file PATH for a bulk file) (see `smm order add --help`)",
        ),
        (
            vec!["--timeout", "0", "balance"],
            "smm: invalid value '0' for '--timeout <SECS>': '0' must be more than 0 and at most 86400 seconds (see `smm balance --help`)",
        ),
    ] {
        let out = home.smm().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), format!("{expected}\n"), "{args:?}");
    }
    let out = home
        .smm()
        .args(["order", "add", "--help"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("--dry-run"));
}
