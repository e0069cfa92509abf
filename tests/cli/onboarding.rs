//! Onboarding without an editor: `config init` (commented examples only), `config add`,
//! `sandbox --add-profile`; `-v` saying which file and profile and why; `-p a,b` with `--all`;
//! network errors that name the profile, the URL and the attempts.

use crate::common::{Home, Panel, Ran, Reply, Run, SandboxProc};
use std::path::Path;

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// `smm config add ARGS` in `home` with `stdin`.
fn config_add(home: &Home, args: &[&str], stdin: &str) -> Ran {
    home.smm()
        .args(["config", "add"])
        .args(args)
        .write_stdin(stdin)
        .run()
}

#[test]
fn config_add_of_a_useapi_profile_suggests_a_command_it_takes() {
    let home = Home::new();
    let out = config_add(
        &home,
        &[
            "u",
            "--api",
            "useapi",
            "--url",
            "http://127.0.0.1:9/useapi/v1",
            "--key",
            "-",
        ],
        "token\n",
    );
    out.expect_code(0);
    assert!(
        out.stdout
            .ends_with("\nTry it: smm -p u pika account list\n")
    );
}

#[test]
fn the_starter_file_sends_nothing_and_says_how_to_add_a_profile() {
    let home = Home::new();
    let out = home.run(["config", "init"]);
    out.expect_code(0);
    assert_eq!(
        out.stdout,
        format!(
            "Wrote a starter config to {} (mode 0600); its profiles are commented examples. \
             Add yours with `smm config add NAME --url URL --key-env VAR` (or edit the file), \
             then run `smm balance`.\n",
            home.config().display()
        )
    );
    #[cfg(unix)]
    assert_eq!(mode(&home.config()), 0o600);
    for args in [vec!["balance", "--all"], vec!["balance"]] {
        let out = home.run(&args);
        out.expect_code(2);
        let what = match args.len() {
            2 => "has no panel profiles to query",
            _ => "has no profiles",
        };
        assert_eq!(
            out.stderr,
            format!(
                "smm: {} {what}: add one with `smm config add NAME --url URL --key-env VAR` \
                 (or `smm sandbox --add-profile` for a local test panel)\n",
                home.config().display()
            ),
            "{args:?}"
        );
    }
}

#[test]
fn config_add_creates_the_file_and_its_directory_privately() {
    let home = Home::new();
    let path = home.dir.path().join("new/dir/config.toml");
    let out = home
        .smm()
        .env("SMM_CONFIG", &path)
        .args([
            "config",
            "add",
            "pica",
            "--url",
            "https://pica-smm.com/api2/v2",
        ])
        .args(["--key-env", "PICA_KEY"])
        .run();
    out.expect_code(0);
    assert_eq!(
        out.stdout,
        format!(
            "Created {} (mode 0600) with profile 'pica'; the key is read from $PICA_KEY at every run.\n\
             Try it: smm -p pica balance\n",
            path.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "[profiles.pica]\nurl = \"https://pica-smm.com/api2/v2\"\nkey_env = \"PICA_KEY\"\n"
    );
    #[cfg(unix)]
    {
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        assert_eq!(mode(path.parent().unwrap().parent().unwrap()), 0o700);
    }
}

#[test]
fn config_add_reads_the_key_from_stdin_and_never_prints_it() {
    let panel = Panel::start(|req| {
        assert_eq!(req.field("key"), Some("s3cret-key"));
        Reply::json(r#"{"balance":"5.00","currency":"USD"}"#)
    });
    let home = Home::new();
    let out = config_add(
        &home,
        &["mine", "--url", &panel.url, "--key", "-"],
        "s3cret-key\nignored second line\n",
    );
    out.expect_code(0);
    assert!(!out.stdout.contains("s3cret") && !out.stderr.contains("s3cret"));
    assert!(
        out.stdout
            .ends_with("the key is in the file.\nTry it: smm -p mine balance\n")
    );
    assert_eq!(
        std::fs::read_to_string(home.config()).unwrap(),
        format!(
            "[profiles.mine]\nurl = \"{}\"\nkey = \"s3cret-key\"\n",
            panel.url
        )
    );
    // The only profile: commands without -p use it, and no warning about the file's mode.
    let out = home.run(["balance"]);
    out.expect_code(0);
    assert_eq!(out.stderr, "");
    // An empty stdin, or a key on the command line, is refused before the file is touched.
    let before = std::fs::read_to_string(home.config()).unwrap();
    let out = config_add(&home, &["other", "--url", &panel.url, "--key", "-"], "");
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "smm: --key - read no key from stdin: pipe it in (`pass show smm/NAME | smm config add …`)\n"
    );
    let out = config_add(&home, &["other", "--url", &panel.url, "--key", "abc"], "");
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "smm: --key takes only - (the key is then read from stdin, so it stays out of your shell \
         history): `pass show smm/other | smm config add other --url URL --key -`; or use \
         --key-env VAR or --key-command CMD\n"
    );
    let out = config_add(&home, &["other", "--url", &panel.url], "");
    out.expect_code(2);
    assert!(
        out.stderr
            .contains("--key-env <VAR>|--key-command <CMD>|--key <->")
    );
    assert_eq!(std::fs::read_to_string(home.config()).unwrap(), before);
}

#[test]
fn config_add_refuses_an_existing_profile_unless_forced_and_sets_the_default() {
    let home = Home::new();
    home.write_config(
        "# my panels\n\n# the first one\n[profiles.a]\nurl = \"https://a.example/api/v2\"\nkey_env = \"A_KEY\" # in my shell rc\n",
    );
    let url = "https://b.example/api/v2";
    let out = config_add(
        &home,
        &["b", "--url", url, "--key-command", "pass show b"],
        "",
    );
    out.expect_code(0);
    assert_eq!(
        out.stdout,
        format!(
            "Added profile 'b' to {}; default_profile = \"a\" set so commands without -p keep \
             using 'a'; the key comes from its key_command at every run.\nTry it: smm -p b balance\n",
            home.config().display()
        )
    );
    let text = std::fs::read_to_string(home.config()).unwrap();
    assert_eq!(
        text,
        "# my panels\n\ndefault_profile = \"a\"\n\n# the first one\n[profiles.a]\nurl = \"https://a.example/api/v2\"\n\
         key_env = \"A_KEY\" # in my shell rc\n\n[profiles.b]\nurl = \"https://b.example/api/v2\"\nkey_command = \"pass show b\"\n"
    );
    // The same again changes nothing; another definition is refused (exit 2), file untouched.
    let out = config_add(
        &home,
        &["b", "--url", url, "--key-command", "pass show b"],
        "",
    );
    out.expect_code(0);
    assert_eq!(
        out.stdout,
        format!(
            "Profile 'b' is already in {} as given: nothing to change.\n",
            home.config().display()
        )
    );
    let out = config_add(&home, &["b", "--url", url, "--key-env", "B_KEY"], "");
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        format!(
            "smm: profile 'b' already exists in {}: pass --force to replace it, or pick another name\n",
            home.config().display()
        )
    );
    assert_eq!(std::fs::read_to_string(home.config()).unwrap(), text);
    // --force replaces it in place; --default makes it the default.
    let args = [
        "b",
        "--url",
        url,
        "--key-env",
        "B_KEY",
        "--force",
        "--default",
    ];
    let out = config_add(&home, &args, "");
    out.expect_code(0);
    assert!(out.stdout.starts_with(&format!(
        "Replaced profile 'b' in {}; 'b' is the default profile;",
        home.config().display()
    )));
    assert_eq!(
        std::fs::read_to_string(home.config()).unwrap(),
        text.replace("default_profile = \"a\"", "default_profile = \"b\"")
            .replace("key_command = \"pass show b\"", "key_env = \"B_KEY\"")
    );
    // Bad input: nothing written.
    for (args, expected) in [
        (
            vec!["c d", "--url", url, "--key-env", "K"],
            "smm: 'c d' is not a profile name: use letters, digits, - and _ (like pica or my-panel)\n",
        ),
        (
            vec![
                "c",
                "--url",
                "http://panel.example/api/v2",
                "--key-env",
                "K",
            ],
            "smm: profile 'c' in CONFIG: panel.example uses http://, so the key would cross the \
             network unencrypted; use https:// (or pass --allow-http if you must)\n",
        ),
        (
            vec![
                "c",
                "--url",
                "https://p.example/api/v2?key=abc",
                "--key-env",
                "K",
            ],
            "smm: profile 'c' in CONFIG: the url carries a key in its query string; remove it from \
             url and use key or key_env (smm sends the key only in the request body)\n",
        ),
    ] {
        let out = config_add(&home, &args, "");
        out.expect_code(2);
        let expected = expected.replace("CONFIG", &home.config().display().to_string());
        assert_eq!(out.stderr, expected, "{args:?}");
    }
}

#[test]
fn config_add_after_init_keeps_the_starter_comments_on_top() {
    let home = Home::new();
    home.run(["config", "init"]).expect_code(0);
    let starter = std::fs::read_to_string(home.config()).unwrap();
    let args = [
        "pica",
        "--url",
        "https://pica-smm.com/api2/v2",
        "--key-env",
        "PICA_KEY",
    ];
    let out = config_add(&home, &args, "");
    out.expect_code(0);
    assert_eq!(
        std::fs::read_to_string(home.config()).unwrap(),
        format!(
            "{}\n\n[profiles.pica]\nurl = \"https://pica-smm.com/api2/v2\"\nkey_env = \"PICA_KEY\"\n",
            starter.trim_end()
        )
    );
    #[cfg(unix)]
    assert_eq!(mode(&home.config()), 0o600);
}

#[test]
fn sandbox_add_profile_writes_a_profile_that_works() {
    let home = Home::new();
    let start = |name: Option<&str>| {
        let mut args = vec!["--add-profile"];
        args.extend(name);
        SandboxProc::start_in(&home, &args)
    };
    let sb = start(None);
    assert!(
        sb.banner.contains(&format!(
            "Created {} (mode 0600) with profile 'sandbox'; the key is in the file.\nTry it: smm -p sandbox balance\n",
            home.config().display()
        )),
        "{}",
        sb.banner
    );
    assert_eq!(
        std::fs::read_to_string(home.config()).unwrap(),
        format!(
            "[profiles.sandbox]\nurl = \"{}\"\nkey = \"sandbox\"\n",
            sb.url
        )
    );
    let out = home.run(["-p", "sandbox", "balance"]);
    out.expect_code(0);
    assert_eq!(
        out.stdout,
        "PROFILE  BALANCE  CURRENCY\nsandbox   100.00  USD\n"
    );
    drop(sb);
    // A later sandbox (another port) replaces the local profile; a profile pointing elsewhere
    // is never replaced.
    let sb = start(None);
    assert!(
        sb.banner.contains("Replaced profile 'sandbox' in"),
        "{}",
        sb.banner
    );
    assert!(
        std::fs::read_to_string(home.config())
            .unwrap()
            .contains(&sb.url)
    );
    drop(sb);
    home.write_config("[profiles.sandbox]\nurl = \"https://real.example/api/v2\"\nkey = \"k\"\n");
    let out = home.run(["sandbox", "--port", "0", "--add-profile"]);
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        format!(
            "smm: profile 'sandbox' in {} points at https://real.example/api/v2, not at this \
             machine: pick another name (--add-profile NAME); the sandbox did not start\n",
            home.config().display()
        )
    );
    let sb = start(Some("sb"));
    assert!(sb.banner.contains("Added profile 'sb' to"), "{}", sb.banner);
    let out = home.run(["-p", "sb", "balance"]);
    out.expect_code(0);
}

#[test]
fn verbose_says_which_config_file_and_profile_and_why() {
    let panel = Panel::start(|_| Reply::json(r#"{"balance":"1.00","currency":"USD"}"#));
    let home = Home::new();
    home.write_config(&format!(
        "default_profile = \"b\"\n[profiles.a]\nurl = \"{0}\"\nkey = \"k\"\n[profiles.b]\nurl = \"{0}?x=1\"\nkey = \"k\"\n",
        panel.url
    ));
    let config = home.config().display().to_string();
    let first_two = |args: &[&str], env: Option<(&str, &str)>, bare: bool| {
        let mut cmd = if bare { home.bare() } else { home.smm() };
        if let Some((k, v)) = env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).run();
        out.expect_code(0);
        out.stderr.lines().take(2).collect::<Vec<_>>().join("\n")
    };
    assert_eq!(
        first_two(&["-v", "-p", "a", "balance"], None, false),
        format!(
            "smm: config file {config} (from $SMM_CONFIG)\nsmm: profile 'a' (from -p) at {}",
            panel.url
        )
    );
    assert_eq!(
        first_two(&["balance", "-v"], Some(("SMM_PROFILE", "a")), false),
        format!(
            "smm: config file {config} (from $SMM_CONFIG)\nsmm: profile 'a' (from $SMM_PROFILE) at {}",
            panel.url
        )
    );
    assert_eq!(
        first_two(&["balance", "-v", "--config", &config], None, true),
        format!(
            "smm: config file {config} (from --config)\nsmm: profile 'b' (default_profile of the config file) at {}?…",
            panel.url
        )
    );
    home.write_config(&format!(
        "[profiles.only]\nurl = \"{}\"\nkey = \"k\"\n",
        panel.url
    ));
    assert_eq!(
        first_two(&["balance", "-v"], None, false),
        format!(
            "smm: config file {config} (from $SMM_CONFIG)\nsmm: profile 'only' (the only profile of the config file) at {}",
            panel.url
        )
    );
    // The default location, when nothing names a file.
    let default = home.dir.path().join("xdg-config/smm/config.toml");
    std::fs::create_dir_all(default.parent().unwrap()).unwrap();
    std::fs::copy(home.config(), &default).unwrap();
    assert_eq!(
        first_two(&["balance", "-v"], None, true),
        format!(
            "smm: config file {} (the default location)\nsmm: profile 'only' (the only profile of the config file) at {}",
            default.display(),
            panel.url
        )
    );
}

#[test]
fn profile_lists_with_all_ask_only_those_profiles() {
    let answer = |balance: &'static str| {
        Panel::start(move |_| Reply::json(format!(r#"{{"balance":"{balance}","currency":"USD"}}"#)))
    };
    let (a, b, c) = (answer("1.00"), answer("2.00"), answer("3.00"));
    c.expect_none();
    let home = Home::with_profiles(&[("a", &a), ("b", &b), ("c", &c)]);
    let out = home.run(["-p", "b,a", "balance", "--all", "-v"]);
    out.expect_code(0);
    assert_eq!(
        out.stdout,
        "PROFILE  BALANCE  CURRENCY\nb           2.00  USD\na           1.00  USD\n"
    );
    assert!(
        out.stderr
            .contains("smm: profiles b, a (from -p with --all)\n")
    );
    // An unknown name is refused before anything is sent.
    let out = home.run(["-p", "a,nope", "services", "--all"]);
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        format!(
            "smm: profile 'nope' is not in {}; known profiles: a, b, c\n",
            home.config().display()
        )
    );
    // Without --all a list is one profile too many.
    let out = home.run(["-p", "a,b", "balance"]);
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "smm: -p a,b names several profiles: pass one, or add --all to ask each of them\n"
    );
    assert_eq!(a.actions("balance").len(), 1);
    assert_eq!(b.actions("balance").len(), 1);
}

#[test]
fn smm_profile_in_the_environment_does_not_narrow_all() {
    let answer = || Panel::start(|_| Reply::json(r#"{"balance":"1.00","currency":"USD"}"#));
    let (a, b) = (answer(), answer());
    let home = Home::with_profiles(&[("a", &a), ("b", &b)]);
    let out = home
        .smm()
        .env("SMM_PROFILE", "a")
        .args(["balance", "--all"])
        .run();
    out.expect_code(0);
    assert_eq!(out.stdout.lines().count(), 3, "{}", out.stdout);
}

/// A port on 127.0.0.1 nothing listens on.
fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn network_errors_name_the_profile_the_url_and_the_attempts() {
    let home = Home::new();
    let url = format!("http://127.0.0.1:{}/api/v2", closed_port());
    home.write_config(&format!(
        "[profiles.down]\nurl = \"{url}?lang=en\"\nkey = \"k\"\nattempts = 2\n"
    ));
    let refused = |tries: &str| {
        format!(
            "could not connect to the panel: Connection refused (os error 111) — profile 'down' at \
             {url}?…, {tries}; check the url (`smm config show`) and that the panel is up"
        )
    };
    let out = home.run(["balance"]);
    out.expect_code(1);
    assert_eq!(out.stderr, format!("smm: {}\n", refused("2 attempts")));
    // A write is sent once.
    let out = home.run(["cancel", "1,2"]);
    out.expect_code(1);
    assert_eq!(out.stderr, format!("smm: {}\n", refused("1 attempt")));
}

#[test]
fn a_timeout_names_the_profile_the_url_and_the_attempts() {
    let sb = SandboxProc::start(&["--fault", "slow", "--slow-ms", "3000"]);
    let home = sb.home_with("sandbox", "attempts = 2\n");
    let out = home.run(["balance", "--timeout", "0.3"]);
    out.expect_code(1);
    assert_eq!(
        out.stderr,
        format!(
            "smm: the panel did not answer within 0.3s (timed out; --timeout sets the limit) — \
             profile 'sb' at {}, 2 attempts\n",
            sb.url
        )
    );
}

#[test]
fn a_tls_failure_names_the_profile_the_url_and_the_attempts() {
    // https:// to a plain-HTTP panel: the TLS handshake fails.
    let sb = SandboxProc::start(&[]);
    let url = sb.url.replace("http://", "https://");
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.tls]\nurl = \"{url}\"\nkey = \"k\"\nattempts = 1\n"
    ));
    let out = home.run(["balance"]);
    out.expect_code(1);
    let err = &out.stderr;
    assert!(
        err.starts_with("smm: could not connect to the panel: ")
            && err.ends_with(&format!(
                " — profile 'tls' at {url}, 1 attempt; check the url (`smm config show`) and that the panel is up\n"
            )),
        "{err}"
    );
}
