//! `smm config path|show|init|add|remove|set-default|set` (and the hidden `names`)

use crate::cli::settings::Settings;
use crate::cli::{ConfigAddArgs, ConfigCommand};
use crate::config;
use crate::config::add::{KeySource, NewProfile};
use crate::config::secret::Secret;
use crate::exit::Exit;
use crate::exit::usage;
use crate::output::{Output, print_line, views};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// `smm config add`: the key source checked (and a `--key -` read from stdin) before the file
/// is touched.
fn add(path: &std::path::Path, args: &ConfigAddArgs) -> anyhow::Result<()> {
    let key = match (&args.key, &args.key_env, &args.key_command) {
        (Some(dash), _, _) if dash == "-" => KeySource::Key(read_key(&args.name)?),
        (Some(_), _, _) => {
            return Err(usage(format!(
                "--key takes only - (the key is then read from stdin, so it stays out of your shell \
                 history): `pass show smm/{0} | smm config add {0} --url URL --key -`; or use \
                 --key-env VAR or --key-command CMD",
                args.name
            )));
        }
        (None, Some(var), _) => KeySource::Env(var.clone()),
        (None, None, Some(command)) => KeySource::Command(command.clone()),
        (None, None, None) => unreachable!("clap requires one key source"),
    };
    let profile = NewProfile {
        name: args.name.clone(),
        url: args.url.clone(),
        api: args.api,
        key,
        allow_http: args.allow_http,
    };
    match crate::config::add::add(path, &profile, args.force, args.default)? {
        Ok(added) => print_line(&added.message(&profile)),
        Err(_) => print_line(&format!(
            "Profile '{}' is already in {} as given: nothing to change.",
            profile.name,
            path.display()
        )),
    }?;
    Ok(())
}

/// Reads a key from stdin: its first line, or typed at a hidden prompt on a terminal.
fn read_key(name: &str) -> anyhow::Result<Secret> {
    use std::io::{BufRead, IsTerminal};
    let stdin = std::io::stdin();
    let line = if stdin.is_terminal() {
        crate::msg::prompt(&format!("API key for profile '{name}' (not shown): "));
        rpassword::read_password().map_err(|e| usage(format!("cannot read the key: {e}")))?
    } else {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .map_err(|e| usage(format!("cannot read the key from stdin: {e}")))?;
        line
    };
    let key = Secret::new(line.trim());
    if key.is_empty() {
        return Err(usage(
            "--key - read no key from stdin: pipe it in (`pass show smm/NAME | smm config add …`)",
        ));
    }
    Ok(key)
}

/// What `config show --json` prints: the file, the profile chosen, and every profile (keys never).
#[derive(Serialize)]
struct Shown {
    /// The config file.
    path: PathBuf,
    /// The profile a command would use now, if one can be chosen.
    profile: Option<String>,
    /// Every profile by name.
    profiles: BTreeMap<String, ProfileShown>,
    /// Every route by name (left out when there is none).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    routes: BTreeMap<String, RouteShown>,
}

/// One route as `config show` describes it.
#[derive(Serialize)]
struct RouteShown {
    /// `profile:service`, in order.
    candidates: Vec<String>,
    /// cheapest or order.
    pick: &'static str,
    /// The sell price per 1000, as written.
    sell: Option<String>,
    /// The highest rate to buy at, as written.
    max_rate: Option<String>,
}

/// One profile as `config show` describes it.
#[derive(Serialize)]
struct ProfileShown {
    /// The URL, query string and credentials hidden.
    url: String,
    /// The API dialect's name.
    api: &'static str,
    /// Where the key comes from (never the key).
    key: String,
}

/// Runs a `config` subcommand; none of them needs a key or the network.
pub fn run(cmd: ConfigCommand, settings: &Settings) -> anyhow::Result<Exit> {
    let path = config::locate(settings.config.as_deref())?;
    match cmd {
        ConfigCommand::Path => print_line(&path.display().to_string())?,
        ConfigCommand::Init => {
            config::init(&path)?;
            print_line(&format!(
                "Wrote a starter config to {} (mode 0600); its profiles are commented examples. \
                 Add yours with `smm config add NAME --url URL --key-env VAR` (or edit the file), \
                 then run `smm balance`.",
                path.display()
            ))?;
        }
        ConfigCommand::Add(args) => add(&path, &args)?,
        ConfigCommand::Remove { name } => print_line(&config::edit::remove(&path, &name)?)?,
        ConfigCommand::SetDefault { name } => {
            print_line(&config::edit::set_default(&path, &name)?)?
        }
        ConfigCommand::Set { key, value } => print_line(&config::edit::set(
            &path,
            settings.profile.as_deref(),
            &key,
            &value,
        )?)?,
        ConfigCommand::Names => {
            // For completion scripts: nothing (and exit 0) when there is no readable config.
            if let Ok(cfg) = config::load(&path) {
                for name in cfg.file.profiles.keys() {
                    print_line(name)?;
                }
            }
        }
        ConfigCommand::Show => {
            let cfg = config::load(&path)?;
            let out = Output::new(settings.format);
            let chosen = cfg
                .select(settings.profile.as_deref())
                .ok()
                .map(|(name, _)| name.to_string());
            let profiles: BTreeMap<String, ProfileShown> = cfg
                .file
                .profiles
                .iter()
                .map(|(name, p)| {
                    let shown = ProfileShown {
                        url: config::display_url(&p.url),
                        api: p.api.name(),
                        key: config::key_source(p),
                    };
                    (name.clone(), shown)
                })
                .collect();
            let table = views::profiles(
                chosen.as_deref(),
                profiles
                    .iter()
                    .map(|(name, p)| (name.as_str(), p.api, p.url.as_str(), p.key.as_str())),
            );
            out.line(&format!("config: {}", path.display()))?;
            let routes: BTreeMap<String, RouteShown> = cfg
                .file
                .routes
                .iter()
                .map(|(name, r)| {
                    let shown = RouteShown {
                        candidates: r.candidates.clone(),
                        pick: r.pick.name(),
                        sell: r.sell.clone(),
                        max_rate: r.max_rate.clone(),
                    };
                    (name.clone(), shown)
                })
                .collect();
            let route_table = views::config_routes(routes.iter().map(|(name, r)| {
                (
                    name.as_str(),
                    r.candidates.join(", "),
                    r.pick,
                    r.sell.as_deref().unwrap_or(""),
                    r.max_rate.as_deref().unwrap_or(""),
                )
            }));
            let doc = Shown {
                path,
                profile: chosen,
                profiles,
                routes,
            };
            out.report(&doc, &table)?;
            if !doc.routes.is_empty() && out.format == crate::output::Format::Table {
                out.line("")?;
                out.table(&route_table)?;
            }
        }
    }
    Ok(Exit::Success)
}
