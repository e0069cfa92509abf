//! One module per command; `run` dispatches the parsed command line to them.

mod balance;
mod batch;
mod completions;
mod config;
mod order;
mod services;

use crate::cli::{Cli, Command, Global, OrderCommand};
use crate::config::Profile;
use crate::exit::Exit;
use crate::http::Http;
use crate::output::Output;
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
}

impl Ctx {
    /// Loads the config, resolves the profile and builds the client; all before any request.
    fn new(global: &Global) -> anyhow::Result<Ctx> {
        let path = crate::config::locate(global.config.as_deref())?;
        let config = crate::config::load(&path)?;
        let profile = config.profile(global.profile.as_deref())?;
        Ok(Ctx {
            profile,
            http: Http::new(global.timeout, global.verbose)?,
            out: Output::new(global.json),
        })
    }

    /// A v2 client for the profile.
    pub fn v2(&self) -> crate::panel::v2::V2<'_> {
        crate::panel::v2::V2::new(&self.http, &self.profile)
    }
}

/// Runs the command and returns the exit code it earned.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let global = &cli.global;
    match cli.command {
        Command::Completions { shell } => completions::run(shell),
        Command::Config(cmd) => config::run(cmd, global),
        Command::Balance => balance::run(&Ctx::new(global)?),
        Command::Services(args) => services::run(&Ctx::new(global)?, &args),
        Command::Order(OrderCommand::Add(args)) => {
            // Local checks come first: bad input never needs the config or the network.
            let order = order::Order::from_args(&args)?;
            order::run(&Ctx::new(global)?, &order, args.dry_run)
        }
        Command::Status(ids) => batch::run(global, Batch::Status, &ids),
        Command::Refill(ids) => batch::run(global, Batch::Refill, &ids),
        Command::RefillStatus(ids) => batch::run(global, Batch::RefillStatus, &ids),
        Command::Cancel(ids) => batch::run(global, Batch::Cancel, &ids),
    }
}
