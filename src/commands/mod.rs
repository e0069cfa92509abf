//! One module per command; `run` dispatches the parsed command line to them.

mod balance;
mod batch;
mod completions;
mod config;
mod demo;
mod order;
mod orders;
mod pika;
mod sandbox;
mod services;

use crate::cli::{Cli, Command, Global, OrderCommand, PikaCommand};
use crate::config::Profile;
use crate::exit::{Exit, usage};
use crate::http::{Http, HttpOptions};
use std::io::IsTerminal;

/// Chunks in flight at once when neither `--concurrency` nor the profile says.
pub const DEFAULT_CONCURRENCY: usize = 4;
use crate::output::Output;
use crate::panel::Client;
use crate::panel::v2::Batch;

/// What every command that talks to a panel needs: the resolved profile, the HTTP client
/// and the output settings.
pub struct Ctx {
    /// The profile in use, key resolved.
    pub profile: Profile,
    /// The run's HTTP client.
    pub http: Http,
    /// How to print.
    pub out: Output,
    /// The order journal (None for the demo, whose sandbox orders are throwaway).
    pub journal: Option<crate::journal::Journal>,
}

impl Ctx {
    /// Loads the config, resolves the profile and builds the client; all before any request.
    /// A `fixed` profile (the demo's) replaces the config file.
    fn new(global: &Global, fixed: Option<&Profile>) -> anyhow::Result<Ctx> {
        let profile = match fixed {
            Some(p) => p.clone(),
            None => {
                let path = crate::config::locate(global.config.as_deref())?;
                let config = crate::config::load(&path)?;
                if let Some(warning) = crate::config::permission_warning(&config) {
                    eprintln!("smm: warning: {warning}");
                }
                config.profile(global.profile.as_deref())?
            }
        };
        let concurrency = global
            .concurrency
            .map(usize::from)
            .or(profile.concurrency)
            .unwrap_or(DEFAULT_CONCURRENCY);
        let http = Http::new(HttpOptions {
            timeout: global.timeout,
            verbose: global.verbose,
            attempts: profile.attempts,
            max_rpm: profile.max_rpm,
            concurrency,
            progress: !global.quiet && std::io::stderr().is_terminal(),
            notes: !global.quiet,
        })?;
        let journal = match fixed {
            Some(_) => None,
            None => Some(crate::journal::Journal::open()?),
        };
        Ok(Ctx {
            profile,
            http,
            out: Output::new(global.json, global.quiet),
            journal,
        })
    }

    /// The client for the profile's API dialect.
    pub fn client(&self) -> Client<'_> {
        crate::panel::connect(&self.http, &self.profile)
    }

    /// The error for an SMM panel command on a useapi.net profile.
    pub fn needs_panel(&self, command: &str) -> anyhow::Error {
        usage(format!(
            "profile '{}' is a useapi.net profile (api = \"useapi\"): `smm {command}` needs an SMM panel \
             profile (api = \"v2\" or \"streamdetails\"); useapi profiles take `smm pika account list|set|delete`",
            self.profile.name
        ))
    }

    /// The error for refill/cancel commands on a streamdetails profile.
    pub fn no_refill_cancel(&self, command: &str) -> anyhow::Error {
        usage(format!(
            "streamdetails panels have no refill/cancel action: `smm {command}` does not apply to profile '{}'",
            self.profile.name
        ))
    }
}

/// Runs the command and returns the exit code it earned.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    run_with(cli, None)
}

/// Runs the command; panel commands use `fixed` instead of the config file when given.
pub fn run_with(cli: Cli, fixed: Option<&Profile>) -> anyhow::Result<Exit> {
    let global = &cli.global;
    let ctx = || Ctx::new(global, fixed);
    match cli.command {
        Command::Completions { shell } => completions::run(shell),
        Command::Config(cmd) => config::run(cmd, global),
        Command::Sandbox(args) => sandbox::run(&args, global.verbose),
        Command::Demo => demo::run(),
        Command::Pika(PikaCommand::Account(cmd)) => pika::run(ctx, cmd),
        Command::Orders(args) => orders::run(global, &args),
        Command::Balance => balance::run(&ctx()?),
        Command::Services(args) => services::run(&ctx()?, &args),
        Command::Order(OrderCommand::Add(args)) => {
            // Local checks come first: bad input never needs the config or the network.
            let order = order::Order::from_args(&args)?;
            let mode = order::Mode {
                dry_run: args.dry_run,
                force: args.force,
            };
            order::run(&ctx()?, &order, mode)
        }
        Command::Status(ids) => batch::run(ctx, Batch::Status, &ids),
        Command::Refill(ids) => batch::run(ctx, Batch::Refill, &ids),
        Command::RefillStatus(ids) => batch::run(ctx, Batch::RefillStatus, &ids),
        Command::Cancel(ids) => batch::run(ctx, Batch::Cancel, &ids),
    }
}
