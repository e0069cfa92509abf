//! The fan-out over profiles: "every SMM panel profile of the config file, or those `-p a,b`
//! names", run at once, each profile's result (or error) in its place — for `--all` and for
//! `smm sync`.

use super::ctx::{Ctx, load_config};
use crate::cli::settings::Settings;
use crate::config::Config;
use crate::exit::usage;

/// What the profiles are asked for, which words the refusals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// `--all`: a question to each panel.
    Query,
    /// `smm sync`: only SMM panel profiles may be named.
    Sync,
    /// `smm refill --due`, `smm refill-status` without ids: only SMM panel profiles.
    Refill,
}

/// The profiles to run over: those `-p a,b` names, in that order (an unknown name is a usage
/// error; `SMM_PROFILE` does not narrow it), else every SMM panel profile of the file (account
/// APIs such as useapi.net are left out), in the file's order. None at all is a usage error.
pub fn profiles(
    settings: &Settings,
    config: &Config,
    purpose: Purpose,
) -> anyhow::Result<Vec<String>> {
    let names: Vec<String> = match settings.profiles_for_all() {
        Some(wanted) => {
            for name in &wanted {
                let (_, def) = config.select(Some(name))?;
                if purpose != Purpose::Query && !def.api.is_panel() {
                    let command = match purpose {
                        Purpose::Sync => "smm sync",
                        _ => "smm refill",
                    };
                    return Err(usage(format!(
                        "profile '{name}' is a useapi.net profile (api = \"useapi\"): `{command}` needs SMM \
                         panel profiles (api = \"v2\" or \"streamdetails\"); nothing was sent"
                    )));
                }
            }
            wanted
        }
        None => config
            .file
            .profiles
            .iter()
            .filter(|(_, def)| def.api.is_panel())
            .map(|(name, _)| name.clone())
            .collect(),
    };
    if names.is_empty() {
        return Err(usage(match purpose {
            Purpose::Query => format!(
                "{} has no panel profiles to query: add one with `smm config add NAME --url URL --key-env VAR` \
                 (or `smm sandbox --add-profile` for a local test panel)",
                config.path.display()
            ),
            Purpose::Sync => format!("{} has no panel profiles to sync", config.path.display()),
            Purpose::Refill => format!(
                "{} has no panel profiles to refill on",
                config.path.display()
            ),
        }));
    }
    Ok(names)
}

/// Runs `f` for each of `names` at once, one thread each; the results come back in the order
/// of `names`, `lost(name)` standing in for a thread that panicked.
pub fn each<T: Send>(
    names: &[String],
    f: impl Fn(&str) -> T + Sync,
    lost: impl Fn(&str) -> T,
) -> Vec<T> {
    let f = &f;
    std::thread::scope(|scope| {
        let running: Vec<_> = names
            .iter()
            .map(|name| scope.spawn(move || f(name)))
            .collect();
        running
            .into_iter()
            .zip(names)
            .map(|(handle, name)| handle.join().unwrap_or_else(|_| lost(name)))
            .collect()
    })
}

/// One profile's result in a command run over several profiles.
pub type PerProfile<T> = (String, anyhow::Result<T>);

/// `--all`: runs `f` with each profile's context (see [`profiles`]) at once; results come back
/// in that order, each profile's own error in its place.
pub fn each_profile<T: Send>(
    settings: &Settings,
    f: impl Fn(&Ctx) -> anyhow::Result<T> + Sync,
) -> anyhow::Result<Vec<PerProfile<T>>> {
    let config = load_config(settings)?;
    let names = profiles(settings, &config, Purpose::Query)?;
    crate::msg::verbose(&format!(
        "profiles {} ({})",
        names.join(", "),
        match settings.profiles_for_all() {
            Some(_) => "from -p with --all",
            None => "--all: every panel profile of the config file",
        }
    ));
    let config = &config;
    Ok(each(
        &names,
        |name| {
            let result = config
                .profile(Some(name))
                .and_then(|p| Ctx::build(settings, p, true))
                .and_then(|ctx| f(&ctx));
            (name.to_string(), result)
        },
        |name| (name.to_string(), Err(anyhow::anyhow!("internal error"))),
    ))
}

/// `{"<profile>": <answer>, …}` for `--all --json`; a failed profile maps to `{"error": …}`.
pub fn per_profile_json<T>(
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
