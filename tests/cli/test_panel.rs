//! The recording test panel's own checks on drop: a panel nobody asked fails the test, as do
//! a request to a panel that expected none and a handler that panicked.

use crate::common::{Home, Panel, Reply, Run};

#[test]
#[should_panic(expected = "no request reached the test panel")]
fn a_panel_no_request_reached_fails_the_test() {
    let _panel = Panel::fixtures();
}

#[test]
#[should_panic(expected = "the test said no request may reach the panel, but 1 did")]
fn a_request_to_a_panel_that_expected_none_fails_the_test() {
    let panel = Panel::fixtures();
    panel.expect_none();
    let home = Home::with_panel(&panel);
    home.run(["balance"]).expect_code(0);
}

#[test]
fn a_panel_that_expected_none_and_got_none_passes() {
    let panel = Panel::fixtures();
    panel.expect_none();
    let home = Home::with_panel(&panel);
    home.run(["status", "x"]).expect_code(2);
}

#[test]
#[should_panic(expected = "the test panel's handler panicked")]
fn a_handler_that_panicked_answers_500_and_fails_the_test() {
    let panel = Panel::start(|req| match req.field("action") {
        Some("balance") => panic!("boom"),
        _ => Reply::json("{}"),
    });
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.t]\nurl = \"{}\"\nkey = \"k\"\nattempts = 1\n",
        panel.url
    ));
    let out = home.run(["balance"]);
    out.expect_code(1);
    out.stderr_is("smm: the panel answered HTTP 500 Internal Server Error with something that is not JSON: the test panel's handler panicked\n");
}

#[test]
fn every_smm_a_test_starts_runs_in_its_test_home() {
    // Only the support code names the binary: every other test goes through `Home`.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let needle = concat!("cargo_bin", "!");
        if name != "common.rs" {
            assert!(
                !text.contains(needle),
                "{name} starts smm without a test home"
            );
        }
    }
    // And that home's environment is all it sees: HOME and every directory inside it.
    let home = Home::new();
    let out = home.shell("env | sort").run();
    out.expect_code(0);
    let root = home.dir.path().display().to_string();
    let names: Vec<&str> = out
        .stdout
        .lines()
        .map(|l| l.split_once('=').unwrap().0)
        .filter(|n| !matches!(*n, "PWD" | "SHLVL" | "_"))
        .collect();
    assert_eq!(
        names,
        [
            "HOME",
            "PATH",
            "SMM_CONFIG",
            "SMM_DATA_DIR",
            "XDG_CACHE_HOME",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "XDG_STATE_HOME"
        ]
    );
    for line in out.stdout.lines() {
        let (name, value) = line.split_once('=').unwrap();
        if name != "PATH" && names.contains(&name) {
            assert!(value.starts_with(&root), "{line} is outside {root}");
        }
    }
}
