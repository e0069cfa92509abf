//! What a new operator trips over (issue 20): links that are no links, a dry run that hides a
//! duplicate, a config only an editor could change, bulk files, a dead panel's cost, the
//! demo's tour of the book and `smm sync`, currencies, comment counts and sandbox ids.

use crate::common::{Home, Panel, order_add};

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
    assert_eq!(panel.actions("balance").len(), 0);
    // With --force the dry run prices it, as the forced order would be placed.
    home.run(add.iter().chain(&["--dry-run", "--force"]))
        .expect_code(0)
        .stdout_has("0.45");
    assert_eq!(home.orders().len(), 1);
    assert_eq!(panel.actions("add").len(), 1);
}
