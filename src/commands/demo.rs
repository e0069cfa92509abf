//! `smm demo`: the main job, step by step, against an in-process sandbox panel.

use crate::config::Profile;
use crate::config::secret::Secret;
use crate::exit::Exit;
use crate::output::print_line;

/// The demo's steps: what it shows, and the command a user would type.
const STEPS: [(&str, &str); 9] = [
    ("How much money is on the account?", "balance"),
    (
        "What does the panel sell? (filters are case-insensitive substrings)",
        "services --category instagram",
    ),
    (
        "What would 500 followers cost? A dry run checks the order and sends nothing",
        "order add --service 1448 --link https://instagram.com/p/demo --quantity 500 --dry-run",
    ),
    (
        "Place the order",
        "order add --service 1448 --link https://instagram.com/p/demo --quantity 500",
    ),
    (
        "Status of several orders in one request",
        "status 23491,23493,23496,23501,99",
    ),
    ("Ask for a refill of a completed order", "refill 23491"),
    (
        "Cancel the new order while it is still pending",
        "cancel 23501",
    ),
    ("The cancelled order was refunded", "balance"),
    ("The panel's own JSON, for jq", "status 23491,23501 --json"),
];

/// Starts a sandbox on a free port and runs each step, printing the command and its output.
pub fn run() -> anyhow::Result<Exit> {
    let sandbox = crate::sandbox::start(crate::sandbox::Options::default())?;
    let profile = Profile {
        name: "sandbox".into(),
        url: reqwest::Url::parse(&sandbox.v2_url())?,
        key: Secret::new("sandbox"),
        api: crate::config::Api::V2,
        concurrency: None,
        max_rpm: None,
        attempts: crate::config::DEFAULT_ATTEMPTS,
        duplicate_window: 0,
        services_ttl: 0,
        low_balance: None,
        stalled_after: crate::config::DEFAULT_STALLED_AFTER,
        refills: crate::config::Refills::default(),
        alert_repeat: None,
        user_agent: format!("smm/{}", env!("CARGO_PKG_VERSION")),
    };
    print_line(&format!(
        "smm demo — a sandbox panel is running at {} (key \"sandbox\").\n\
         Every command below is real: smm sends it to that panel and prints the answer.",
        profile.url
    ))?;
    let mut worst = Exit::Success;
    for (why, command) in STEPS {
        print_line(&format!("\n# {why}\n$ smm {command}"))?;
        let args = std::iter::once("smm").chain(command.split_whitespace());
        let exit = match crate::cli::parse_from(args) {
            Ok(cli) => crate::commands::run_with(cli, Some(&profile)).unwrap_or_else(|err| {
                crate::msg::error(&format!("{err:#}"));
                crate::exit::code_for(&err)
            }),
            Err(err) => {
                crate::msg::error(&format!("demo step '{command}' does not parse: {err}"));
                Exit::Failed
            }
        };
        // Per-item errors (the unknown order 99) are part of the show, not a failure.
        if !matches!(exit, Exit::Success | Exit::Partial) {
            worst = exit;
        }
    }
    print_line(
        "\nTo keep playing: run `smm sandbox --add-profile` in another terminal (it adds a profile \
         'sandbox' to your config), then `smm -p sandbox balance`.",
    )?;
    sandbox.stop();
    Ok(worst)
}
