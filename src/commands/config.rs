//! `smm config path|show|init`

use crate::cli::ConfigCommand;
use crate::config;
use crate::exit::Exit;
use crate::output::{Output, Table, print_line};
use crate::settings::Settings;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What `config show --json` prints: the file, the profile chosen, and every profile (keys never).
#[derive(Serialize)]
struct Shown {
    /// The config file.
    path: PathBuf,
    /// The profile a command would use now, if one can be chosen.
    profile: Option<String>,
    /// Every profile by name.
    profiles: BTreeMap<String, ProfileShown>,
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
                "Wrote a starter config to {} (mode 0600): set each profile's url and key, then run `smm balance`.",
                path.display()
            ))?;
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
            let mut table = Table::new(&["", "PROFILE", "API", "URL", "KEY"]);
            for (name, p) in &profiles {
                let mark = if chosen.as_deref() == Some(name.as_str()) {
                    "*"
                } else {
                    ""
                };
                table.add_row(vec![mark, name, p.api, &p.url, &p.key]);
            }
            out.line(&format!("config: {}", path.display()))?;
            let doc = Shown {
                path,
                profile: chosen,
                profiles,
            };
            out.report(&doc, &table)?;
        }
    }
    Ok(Exit::Success)
}
