//! One module per command; `run` dispatches the parsed command line to them.

mod balance;
mod batch;
mod bulk;
mod completions;
mod config;
mod demo;
mod order;
mod orders;
mod pika;
mod sandbox;
mod services;
mod watch;

use crate::cli::{Cli, Command, Global, OrderCommand, PikaCommand};
use crate::config::Profile;
use crate::exit::{Exit, usage};
use crate::http::{Http, HttpOptions};
use std::io::IsTerminal;

/// Chunks in flight at once when neither `--concurrency` nor the profile says.
pub const DEFAULT_CONCURRENCY: usize = 4;
use crate::output::Output;
use crate::panel::v2::Batch;
use crate::panel::{Answer, Client, Raw, Service};

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
    /// `--refresh`: skip the catalogue cache.
    pub refresh: bool,
}

impl Ctx {
    /// Loads the config, resolves the profile and builds the client; all before any request.
    /// A `fixed` profile (the demo's) replaces the config file and keeps no journal or cache.
    fn new(global: &Global, fixed: Option<&Profile>) -> anyhow::Result<Ctx> {
        match fixed {
            Some(p) => Ctx::build(global, p.clone(), false),
            None => {
                let config = load_config(global)?;
                Ctx::build(global, config.profile(global.profile.as_deref())?, true)
            }
        }
    }

    /// A context for `profile`; `persistent` enables the journal and the catalogue cache.
    fn build(global: &Global, profile: Profile, persistent: bool) -> anyhow::Result<Ctx> {
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
        let journal = match persistent {
            true => Some(crate::journal::Journal::open()?),
            false => None,
        };
        Ok(Ctx {
            profile,
            http,
            out: Output::new(global.json, global.quiet),
            journal,
            refresh: global.refresh,
        })
    }

    /// The client for the profile's API dialect.
    pub fn client(&self) -> Client<'_> {
        crate::panel::connect(&self.http, &self.profile)
    }

    /// The service catalogue: from the local cache while it is fresh (unless `--refresh`),
    /// else from the panel, then cached. Also says how old a cached copy is, in seconds.
    pub fn services(&self) -> anyhow::Result<(Answer<Vec<Service>>, Option<u64>)> {
        let p = &self.profile;
        let url = p.url.as_str();
        let persistent = self.journal.is_some();
        if persistent
            && !self.refresh
            && let Some(cached) = crate::cache::get(&p.name, url, p.services_ttl)
        {
            let age = crate::journal::now().saturating_sub(cached.fetched);
            let answer = match self.client() {
                Client::V2(_) => crate::panel::v2::services_from(cached.body).ok(),
                Client::Streamdetails(_) => serde_json::from_str::<serde_json::Value>(&cached.body)
                    .ok()
                    .and_then(|v| {
                        crate::panel::streamdetails::services_from(&v["data"], cached.body.clone())
                            .ok()
                    }),
                Client::Useapi(_) => None,
            };
            if let Some(answer) = answer {
                return Ok((answer, Some(age)));
            }
        }
        let answer = match self.client() {
            Client::V2(v2) => v2.services()?,
            Client::Streamdetails(sd) => sd.services()?,
            Client::Useapi(_) => return Err(self.needs_panel("services")),
        };
        if persistent && let Raw::Body(body) = &answer.raw {
            crate::cache::put(&p.name, url, body);
        }
        Ok((answer, None))
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

/// Loads the config file (with the permissions warning).
fn load_config(global: &Global) -> anyhow::Result<crate::config::Config> {
    let path = crate::config::locate(global.config.as_deref())?;
    let config = crate::config::load(&path)?;
    if let Some(warning) = crate::config::permission_warning(&config) {
        eprintln!("smm: warning: {warning}");
    }
    Ok(config)
}

/// Runs `f` for every panel profile of the config file at once (useapi profiles are not
/// panels and are left out); results come back in the file's order, each profile's own error
/// in its place.
fn each_profile<T: Send>(
    global: &Global,
    f: impl Fn(&Ctx) -> anyhow::Result<T> + Sync,
) -> anyhow::Result<Vec<(String, anyhow::Result<T>)>> {
    let config = load_config(global)?;
    let names: Vec<&String> = config
        .file
        .profiles
        .iter()
        .filter(|(_, def)| def.api != crate::config::Api::Useapi)
        .map(|(name, _)| name)
        .collect();
    if names.is_empty() {
        return Err(usage(format!(
            "{} has no panel profiles to query",
            config.path.display()
        )));
    }
    let f = &f;
    let config = &config;
    Ok(std::thread::scope(|scope| {
        let running: Vec<_> = names
            .iter()
            .map(|name| {
                scope.spawn(move || {
                    let result = config
                        .profile(Some(name))
                        .and_then(|p| Ctx::build(global, p, true))
                        .and_then(|ctx| f(&ctx));
                    (name.to_string(), result)
                })
            })
            .collect();
        running
            .into_iter()
            .zip(&names)
            .map(|(handle, name)| {
                handle
                    .join()
                    .unwrap_or_else(|_| (name.to_string(), Err(anyhow::anyhow!("internal error"))))
            })
            .collect()
    }))
}

/// `{"<profile>": <answer>, …}` for `--all --json`; a failed profile maps to `{"error": …}`.
fn per_profile_json<T>(
    results: &[(String, anyhow::Result<T>)],
    answer: impl Fn(&T) -> serde_json::Value,
) -> String {
    let doc: serde_json::Map<String, serde_json::Value> = results
        .iter()
        .map(|(name, result)| {
            let value = match result {
                Ok(t) => answer(t),
                Err(e) => serde_json::json!({"error": format!("{e:#}")}),
            };
            (name.clone(), value)
        })
        .collect();
    serde_json::Value::Object(doc).to_string()
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
        Command::Balance(args) if args.all => balance::all(global),
        Command::Balance(_) => balance::run(&ctx()?),
        Command::Services(args) if args.all => services::all(global, &args),
        Command::Services(args) => services::run(&ctx()?, &args),
        Command::Order(OrderCommand::Add(args)) if args.file.is_some() => {
            let path = args.file.clone().unwrap_or_default();
            if !args.fields.is_empty() {
                return Err(usage(format!(
                    "--file takes every order from the file: leave out {}",
                    args.fields.flags().join(", ")
                )));
            }
            let lines = bulk::read(&path)?;
            let from_stdin = path.as_os_str() == "-";
            bulk::run(
                &ctx()?,
                &path,
                lines,
                args.dry_run,
                args.yes,
                args.force,
                from_stdin,
            )
        }
        Command::Order(OrderCommand::Add(args)) => {
            // Local checks come first: bad input never needs the config or the network.
            let values = args.fields.read().map_err(usage)?;
            let order = crate::order::Order::from_values(values, crate::order::Naming::Flag)
                .map_err(|e| usage(format!("{e} (see `smm order add --help`)")))?;
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
        Command::Watch(args) => watch::run(ctx, &args),
    }
}
