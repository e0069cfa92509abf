//! One module per command; `run` resolves the settings once and dispatches to them.
//!
//! A command module wires the layers together and nothing else: it gets the profile's panel
//! from `Ctx::panel` (never asking which dialect it is), calls its actions, and hands the typed
//! answers to `output`. Commands never call each other; what several share lives in `ctx`
//! (the profile, client and book of a run), `fanout` (every panel profile, or `-p a,b`),
//! `candidates` (a route's candidate panels, looked at once), `checks` (an order checked
//! against the catalogue before it is sent) and `syncing` (the sync itself, which `smm sync`
//! prints and the MCP `sync` tool answers).

mod balance;
mod batch;
pub mod book;
mod bulk;
pub mod candidates;
pub mod checks;
mod completions;
mod config;
pub mod ctx;
mod demo;
pub mod fanout;
mod order;
mod orders;
mod pika;
mod refills;
mod route_bulk;
mod routes;
mod sandbox;
mod services;
mod sync;
pub mod syncing;
mod watch;

pub use ctx::Ctx;

use crate::cli::settings::Settings;
use crate::cli::{Cli, Command, OrderCommand, PikaCommand, ServicesArgs, ServicesCommand};
use crate::exit::Exit;
use crate::panel::Action;

/// Runs the command and returns the exit code it earned.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let settings = &Settings::from(&cli.global);
    crate::msg::set_quiet(settings.quiet);
    crate::msg::set_verbose(settings.verbose);
    crate::book::use_config(settings.config.as_deref());
    let ctx = || Ctx::new(settings);
    match cli.command {
        Command::Completions { shell } => completions::run(shell),
        Command::Config(cmd) => config::run(cmd, settings),
        Command::Sandbox(args) => sandbox::run(&args, settings),
        Command::Demo => demo::run(),
        Command::Pika(PikaCommand::Account(cmd)) => pika::run(ctx, cmd),
        Command::Orders(args) => orders::run(settings, &args),
        Command::Sync(args) => sync::run(settings, &args),
        Command::Book(cmd) => book::run(settings, cmd),
        Command::Mcp => crate::mcp::run(settings),
        Command::Balance(args) if args.all => balance::all(settings),
        Command::Balance(_) => balance::run(&ctx()?),
        Command::Services(ServicesArgs {
            command: Some(ServicesCommand::Changes(args)),
            ..
        }) => services::changes(settings, &args),
        Command::Services(args) if args.all => services::all(settings, &args),
        Command::Services(args) => services::run(ctx, &args),
        Command::Order(OrderCommand::Add(args)) if args.route.is_some() => {
            routes::add(settings, &args, args.route.as_deref().unwrap_or_default())
        }
        Command::Order(OrderCommand::Add(args)) if args.file.is_some() => {
            bulk::run(settings, ctx, &args)
        }
        Command::Routes(args) => routes::list(settings, &args),
        Command::Order(OrderCommand::Add(args)) => order::run(ctx, &args),
        Command::Status(ids) => batch::run(ctx, Action::Status, &ids),
        Command::Refill(args) if args.due => refills::due(settings, &args),
        Command::Refill(args) => batch::run(ctx, Action::Refill, &args.ids),
        Command::RefillStatus(ids) if ids.ids.is_empty() && ids.file.is_none() => {
            refills::follow(settings)
        }
        Command::RefillStatus(ids) => batch::run(ctx, Action::RefillStatus, &ids),
        Command::Refills(args) => refills::list(settings, &args),
        Command::Cancel(ids) => batch::run(ctx, Action::Cancel, &ids),
        Command::Watch(args) => watch::run(ctx, &args),
    }
}
