//! The recording test panel's own checks on drop: a panel nobody asked fails the test, as do
//! a request to a panel that expected none and a handler that panicked.

use crate::common::{Home, Panel, Reply, stderr};

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
    home.smm().arg("balance").assert().code(0);
}

#[test]
fn a_panel_that_expected_none_and_got_none_passes() {
    let panel = Panel::fixtures();
    panel.expect_none();
    let home = Home::with_panel(&panel);
    home.smm().args(["status", "x"]).assert().code(2);
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
    let out = home.smm().arg("balance").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("500"), "{}", stderr(&out));
}
