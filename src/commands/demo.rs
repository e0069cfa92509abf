//! `smm demo`: the main job, step by step, against an in-process sandbox panel — the panel's
//! actions, the order book, and the cron job that keeps it current.
//!
//! Every `smm` step runs the smm binary itself, as a user would type it, with a throwaway
//! config (one profile on the sandbox), order book and catalogue cache in a temporary
//! directory that is removed at the end, or on Ctrl-C (the step running stops, the demo after
//! it, exit 130): the user's own config, book and cache are never read or written. The
//! sandbox's clock stands still (so every run prints the same) until a step moves it through
//! the control endpoint, shown as the `curl` a user could type.

use crate::config::add::{KeySource, NewProfile};
use crate::config::secret::Secret;
use crate::exit::Exit;
use crate::output::print_line;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// One step of the demo.
enum Step {
    /// `smm ARGS` (split on whitespace), run as its own process.
    Smm(&'static str),
    /// A form POSTed to the sandbox's control endpoint, shown as `curl -d FORM URL`.
    Control(&'static str),
}

use Step::{Control, Smm};

/// The demo's steps, in order: why, then what. A capability that lands later (refills in the
/// book, routes) adds its own block here.
const STEPS: &[(&str, Step)] = &[
    // The panel: what it has, what it sells, what an order costs.
    ("How much money is on the account?", Smm("balance")),
    (
        "What does the panel sell? (filters are case-insensitive substrings)",
        Smm("services --category instagram"),
    ),
    (
        "What would 500 followers cost? A dry run checks the order and sends nothing",
        Smm(
            "order add --service 1448 --link https://instagram.com/p/demo --quantity 500 --dry-run",
        ),
    ),
    // The order, and the book that keeps it.
    (
        "Place the order (written into the order book before it is sent, and again after)",
        Smm("order add --service 1448 --link https://instagram.com/p/demo --quantity 500"),
    ),
    (
        "The order book: every order, its cost and, once a panel has told, its fate",
        Smm("orders"),
    ),
    // The panel's actions on any order.
    (
        "Status of several orders in one request",
        Smm("status 23491,23493,23496,23501,99"),
    ),
    ("Ask for a refill of a completed order", Smm("refill 23491")),
    (
        "Cancel an order while it is still pending",
        Smm("cancel 23500"),
    ),
    (
        "The panel's own JSON, for jq",
        Smm("status 23491,23500 --json"),
    ),
    // The cron job: `smm sync` keeps the book current and says what changed.
    (
        "The cron job (*/5 * * * * smm sync -q): statuses, balance and catalogue into the book",
        Smm("sync"),
    ),
    (
        "Meanwhile the panel raises a price (the sandbox's control endpoint; see `smm sandbox --help`)",
        Control("action=rate&service=1448&rate=1.10"),
    ),
    (
        "…and an hour passes (the sandbox's clock, moved at once)",
        Control("action=advance&seconds=3600"),
    ),
    (
        "The next sync reports the new price and the order's new status",
        Smm("sync"),
    ),
    ("The book knows the order's fate", Smm("orders")),
];

/// Starts a sandbox with its clock standing still, gives the steps a throwaway home on it, and
/// runs each step, printing the command and its output. Ctrl-C stops it after the step running
/// (which the terminal's Ctrl-C stops too), the temporary directory removed: exit 130.
pub fn run() -> anyhow::Result<Exit> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    let stopped = || stop.load(Ordering::SeqCst);
    let sandbox = crate::sandbox::start(crate::sandbox::Options {
        speed: 0.0,
        ..crate::sandbox::Options::default()
    })?;
    let home = tempfile::Builder::new()
        .prefix("smm-demo-")
        .tempdir()
        .map_err(|e| anyhow::anyhow!("cannot create a temporary directory for the demo: {e}"))?;
    let result = (|| {
        let env = DemoHome::new(home.path(), &sandbox.v2_url())?;
        print_line(&format!(
            "smm demo — a sandbox panel is running at {} (key \"sandbox\"); the commands below \
             use a throwaway config, order book and cache, removed at the end (yours are not \
             touched).\nEvery command is real: smm sends it to that panel and prints the answer.",
            sandbox.v2_url()
        ))?;
        let mut worst = Exit::Success;
        for (why, step) in STEPS {
            if stopped() {
                return Ok(Exit::Interrupted);
            }
            let exit = match step {
                Smm(args) => env.smm(why, args)?,
                Control(form) => control(why, &sandbox.base, form)?,
            };
            if stopped() {
                return Ok(Exit::Interrupted);
            }
            // Per-item errors (the unknown order 99) and sync's alerts are part of the show.
            if !matches!(exit, Exit::Success | Exit::Partial) {
                worst = exit;
            }
        }
        print_line(
            "\nTo keep playing: run `smm sandbox --add-profile` in another terminal (it adds a \
             profile 'sandbox' to your config), then `smm -p sandbox balance`.",
        )?;
        Ok(worst)
    })();
    sandbox.stop();
    drop(home);
    if matches!(result, Ok(Exit::Interrupted)) {
        crate::msg::note("demo stopped; its temporary directory was removed");
    }
    result
}

/// The demo's throwaway home: a config with one profile on the sandbox, a data dir and a
/// cache dir.
struct DemoHome {
    config: PathBuf,
    data: PathBuf,
    cache: PathBuf,
}

impl DemoHome {
    /// Writes the config (through `config add`'s code) in `dir`.
    fn new(dir: &Path, url: &str) -> anyhow::Result<DemoHome> {
        let home = DemoHome {
            config: dir.join("config.toml"),
            data: dir.join("data"),
            cache: dir.join("cache"),
        };
        let profile = NewProfile {
            name: "sandbox".into(),
            url: url.to_string(),
            api: crate::config::Api::V2,
            key: KeySource::Key(Secret::new("sandbox")),
            allow_http: false,
        };
        crate::config::add::add(&home.config, &profile, false, true)?
            .map_err(|_| anyhow::anyhow!("the demo's config could not be written"))?;
        Ok(home)
    }

    /// Prints why and `$ smm ARGS`, then runs this smm with ARGS in this home (no other
    /// `SMM_*` setting of the user's reaches it), its output going straight to ours.
    fn smm(&self, why: &str, args: &str) -> anyhow::Result<Exit> {
        print_line(&format!("\n# {why}\n$ smm {args}"))?;
        std::io::stdout().flush()?;
        let exe = std::env::current_exe()
            .map_err(|e| anyhow::anyhow!("cannot find the smm binary to run the demo: {e}"))?;
        let mut cmd = std::process::Command::new(exe);
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("SMM_") {
                cmd.env_remove(name);
            }
        }
        let status = cmd
            .args(args.split_whitespace())
            .env("SMM_CONFIG", &self.config)
            .env(crate::book::DATA_DIR_ENV, &self.data)
            .env("SMM_CACHE_DIR", &self.cache)
            .stdin(std::process::Stdio::null())
            .status()
            .map_err(|e| anyhow::anyhow!("demo step 'smm {args}' did not start: {e}"))?;
        Ok(match status.code() {
            Some(0) => Exit::Success,
            Some(3) => Exit::Partial,
            Some(2) => Exit::Usage,
            _ => Exit::Failed,
        })
    }
}

/// Prints why and the `curl` that POSTs `form` to the sandbox's control endpoint, sends it,
/// and prints the answer.
fn control(why: &str, base: &str, form: &str) -> anyhow::Result<Exit> {
    let url = format!("{base}{}", crate::sandbox::CONTROL_PATH);
    print_line(&format!("\n# {why}\n$ curl -d '{form}' {url}"))?;
    // Plain http on loopback needs no TLS, but reqwest wants a provider to build a client.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let answer = reqwest::blocking::Client::builder()
        .no_proxy()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .and_then(|client| {
            client
                .post(&url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form.to_string())
                .send()
        })
        .and_then(|reply| {
            let ok = reply.status().is_success();
            reply.text().map(|body| (ok, body))
        });
    match answer {
        Ok((ok, body)) => {
            print_line(&body)?;
            Ok(if ok { Exit::Success } else { Exit::Failed })
        }
        Err(e) => {
            crate::msg::error(&format!(
                "the sandbox's control endpoint did not answer: {e}"
            ));
            Ok(Exit::Failed)
        }
    }
}
