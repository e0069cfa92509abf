//! One module per command; `run` resolves the settings once and dispatches to them.
//!
//! A command module wires the layers together and nothing else: it gets the profile's panel
//! from `Ctx::panel` (never asking which dialect it is), calls its actions, and hands the typed
//! answers to `output`.

mod balance;
mod batch;
mod bulk;
mod completions;
mod config;
mod demo;
pub(crate) mod order;
mod orders;
mod pika;
mod sandbox;
pub(crate) mod services;
pub(crate) mod sync;
mod watch;

use crate::cli::{Cli, Command, Global, OrderCommand, PikaCommand, ServicesArgs, ServicesCommand};
use crate::config::Profile;
use crate::exit::{Exit, usage};
use crate::http::{Http, HttpOptions};
use crate::output::{Bar, Output};
use crate::panel::{Action, Answer, Panel, Service};
use crate::settings::Settings;

/// What every command that talks to a panel needs: the resolved profile, the HTTP client
/// and the output settings.
pub struct Ctx {
    /// The profile in use, key resolved.
    pub profile: Profile,
    /// The run's HTTP client.
    pub http: Http,
    /// How to print.
    pub out: Output,
    /// Whether orders go into the order book and catalogues into the cache (not for the demo,
    /// whose sandbox orders are throwaway).
    pub persistent: bool,
    /// The order book, opened on first use.
    book: std::cell::OnceCell<crate::book::Book>,
    /// `--refresh`: skip the catalogue cache.
    pub refresh: bool,
    /// The progress bar batches advance.
    progress: Bar,
}

impl Ctx {
    /// Loads the config, resolves the profile and builds the client; all before any request.
    /// A `fixed` profile (the demo's) replaces the config file and keeps no book or cache.
    fn new(settings: &Settings, fixed: Option<&Profile>) -> anyhow::Result<Ctx> {
        match fixed {
            Some(p) => Ctx::build(settings, p.clone(), false),
            None => {
                let config = load_config(settings)?;
                let (name, def) = config.select(settings.profile.as_deref())?;
                crate::msg::verbose(&format!(
                    "profile '{name}' ({}) at {}",
                    why_profile(settings, &config),
                    crate::config::display_url(&def.url)
                ));
                let profile = crate::config::resolve(name, def, &config.path)?;
                Ctx::build(settings, profile, true)
            }
        }
    }

    /// A context for `profile`; `persistent` enables the order book and the catalogue cache.
    pub(crate) fn build(
        settings: &Settings,
        profile: Profile,
        persistent: bool,
    ) -> anyhow::Result<Ctx> {
        let http = Http::new(HttpOptions {
            timeout: settings.timeout,
            verbose: settings.verbose,
            attempts: profile.attempts,
            max_rpm: profile.max_rpm,
            concurrency: settings.concurrency_for(profile.concurrency),
        })?;
        let out = Output::new(settings.format);
        Ok(Ctx {
            profile,
            http,
            out,
            persistent,
            book: std::cell::OnceCell::new(),
            refresh: settings.refresh,
            progress: out.progress("chunks"),
        })
    }

    /// The order book (opened, and an old journal imported, on first use), or None when this
    /// run keeps no book.
    pub fn book(&self) -> anyhow::Result<Option<&crate::book::Book>> {
        if !self.persistent {
            return Ok(None);
        }
        if let Some(book) = self.book.get() {
            return Ok(Some(book));
        }
        let book = crate::book::Book::open()?;
        Ok(Some(self.book.get_or_init(|| book)))
    }

    /// The profile's panel.
    pub fn panel(&self) -> Box<dyn Panel + '_> {
        crate::panel::connect(&self.http, &self.profile, &self.progress)
    }

    /// The service catalogue: from the local cache while it is fresh (unless `--refresh`),
    /// else from the panel, then cached. Also says how old a cached copy is, in seconds.
    pub fn services(&self) -> anyhow::Result<(Answer<Vec<Service>>, Option<u64>)> {
        let p = &self.profile;
        let url = p.url.as_str();
        let persistent = self.persistent;
        let panel = self.panel();
        if persistent
            && !self.refresh
            && let Some(cached) = crate::cache::get(&p.name, url, p.services_ttl)
        {
            let age = crate::time::now().saturating_sub(cached.fetched);
            if let Some(answer) = panel.cached_services(cached.body) {
                return Ok((answer, Some(age)));
            }
        }
        let answer = panel.services()?;
        if persistent && let crate::panel::Raw::Body(body) = &answer.raw {
            crate::cache::put(&p.name, url, body);
        }
        Ok((answer, None))
    }
}

/// Why this profile was chosen, for `-v`.
fn why_profile(settings: &Settings, config: &crate::config::Config) -> &'static str {
    use crate::settings::Source;
    match (settings.profile.is_some(), settings.profile_source) {
        (true, Source::Env) => "from $SMM_PROFILE",
        (true, _) => "from -p",
        (false, _) if config.file.default_profile.is_some() => "default_profile of the config file",
        (false, _) => "the only profile of the config file",
    }
}

/// Loads the config file (with the permissions warning); `-v` says which file and why.
pub fn load_config(settings: &Settings) -> anyhow::Result<crate::config::Config> {
    use crate::settings::Source;
    let path = crate::config::locate(settings.config.as_deref())?;
    crate::msg::verbose(&format!(
        "config file {} ({})",
        path.display(),
        match settings.config_source {
            Source::Flag => "from --config",
            Source::Env => "from $SMM_CONFIG",
            Source::None => "the default location",
        }
    ));
    let config = crate::config::load(&path)?;
    if let Some(warning) = crate::config::permission_warning(&config) {
        crate::msg::warn(&warning);
    }
    Ok(config)
}

/// One profile's result in a command run over several profiles.
pub(crate) type PerProfile<T> = (String, anyhow::Result<T>);

/// The profiles `--all` asks: those `-p a,b` names, in that order (an unknown name is a usage
/// error), else every SMM panel profile of the file (account APIs such as useapi.net are left
/// out), in the file's order.
fn profiles_for_all<'c>(
    settings: &Settings,
    config: &'c crate::config::Config,
) -> anyhow::Result<Vec<&'c String>> {
    let profiles = &config.file.profiles;
    match settings.profiles_for_all() {
        Some(wanted) => wanted
            .iter()
            .map(|name| {
                profiles.get_key_value(name).map(|(k, _)| k).ok_or_else(|| {
                    usage(format!(
                        "profile '{name}' is not in {}; known profiles: {}",
                        config.path.display(),
                        config.known()
                    ))
                })
            })
            .collect(),
        None => Ok(profiles
            .iter()
            .filter(|(_, def)| def.api.is_panel())
            .map(|(name, _)| name)
            .collect()),
    }
}

/// Runs `f` for the profiles `--all` asks (see `profiles_for_all`) at once; results come back
/// in that order, each profile's own error in its place.
pub(crate) fn each_profile<T: Send>(
    settings: &Settings,
    f: impl Fn(&Ctx) -> anyhow::Result<T> + Sync,
) -> anyhow::Result<Vec<PerProfile<T>>> {
    let config = load_config(settings)?;
    let names = profiles_for_all(settings, &config)?;
    if names.is_empty() {
        return Err(usage(format!(
            "{} has no panel profiles to query: add one with `smm config add NAME --url URL --key-env VAR` \
             (or `smm sandbox --add-profile` for a local test panel)",
            config.path.display()
        )));
    }
    let listed: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
    crate::msg::verbose(&format!(
        "profiles {} ({})",
        listed.join(", "),
        match settings.profiles_for_all() {
            Some(_) => "from -p with --all",
            None => "--all: every panel profile of the config file",
        }
    ));
    let f = &f;
    let config = &config;
    Ok(std::thread::scope(|scope| {
        let running: Vec<_> = names
            .iter()
            .map(|name| {
                scope.spawn(move || {
                    let result = config
                        .profile(Some(name))
                        .and_then(|p| Ctx::build(settings, p, true))
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
pub(crate) fn per_profile_json<T>(
    results: &[PerProfile<T>],
    answer: impl Fn(&T) -> serde_json::Value,
) -> serde_json::Map<String, serde_json::Value> {
    results
        .iter()
        .map(|(name, result)| {
            let value = match result {
                Ok(t) => answer(t),
                Err(e) => {
                    let mut error = serde_json::Map::new();
                    error.insert("error".into(), format!("{e:#}").into());
                    serde_json::Value::Object(error)
                }
            };
            (name.clone(), value)
        })
        .collect()
}

/// The global flags resolved into the run's settings.
pub fn settings(global: &Global) -> Settings {
    let format = match (global.json, global.format) {
        (true, _) => crate::output::Format::Json,
        (false, Some(format)) => format,
        (false, None) => crate::output::Format::Table,
    };
    Settings {
        config: global.config.clone(),
        config_source: global.config_source,
        profile: global.profile.clone(),
        profile_source: global.profile_source,
        format,
        timeout: global.timeout,
        verbose: global.verbose,
        quiet: global.quiet,
        refresh: global.refresh,
        concurrency: global.concurrency.map(usize::from),
    }
}

/// Runs the command and returns the exit code it earned.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    run_with(cli, None)
}

/// Runs the command; panel commands use `fixed` instead of the config file when given.
pub fn run_with(cli: Cli, fixed: Option<&Profile>) -> anyhow::Result<Exit> {
    let settings = &settings(&cli.global);
    crate::msg::set_quiet(settings.quiet);
    crate::msg::set_verbose(settings.verbose);
    let ctx = || Ctx::new(settings, fixed);
    match cli.command {
        Command::Completions { shell } => completions::run(shell),
        Command::Config(cmd) => config::run(cmd, settings),
        Command::Sandbox(args) => sandbox::run(&args, settings),
        Command::Demo => demo::run(),
        Command::Pika(PikaCommand::Account(cmd)) => pika::run(ctx, cmd),
        Command::Orders(args) => orders::run(settings, &args),
        Command::Sync(args) => sync::run(settings, &args),
        Command::Mcp => crate::mcp::run(settings),
        Command::Balance(args) if args.all => balance::all(settings),
        Command::Balance(_) => balance::run(&ctx()?),
        Command::Services(ServicesArgs {
            command: Some(ServicesCommand::Changes(args)),
            ..
        }) => services::changes(settings, &args),
        Command::Services(args) if args.all => services::all(settings, &args),
        Command::Services(args) => services::run(ctx, &args),
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
            let how = bulk::How {
                dry_run: args.dry_run,
                yes: args.yes,
                force: args.force,
                from_stdin,
            };
            bulk::run(&ctx()?, &path, lines, how)
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
        Command::Status(ids) => batch::run(ctx, Action::Status, &ids),
        Command::Refill(ids) => batch::run(ctx, Action::Refill, &ids),
        Command::RefillStatus(ids) => batch::run(ctx, Action::RefillStatus, &ids),
        Command::Cancel(ids) => batch::run(ctx, Action::Cancel, &ids),
        Command::Watch(args) => watch::run(ctx, &args),
    }
}
