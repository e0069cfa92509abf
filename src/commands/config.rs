//! `smm config path|show|init`

use crate::cli::{ConfigCommand, Global};
use crate::config;
use crate::exit::Exit;
use crate::output::{Output, print_line};
use serde_json::json;

/// Runs a `config` subcommand; none of them needs a key or the network.
pub fn run(cmd: ConfigCommand, global: &Global) -> anyhow::Result<Exit> {
    let path = config::locate(global.config.as_deref())?;
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
            let out = Output::new(global.json, global.quiet);
            let default = cfg
                .select(global.profile.as_deref())
                .ok()
                .map(|(name, _)| name.to_string());
            if out.json {
                let profiles: serde_json::Map<String, serde_json::Value> = cfg
                    .file
                    .profiles
                    .iter()
                    .map(|(name, p)| {
                        let v = json!({"url": config::display_url(&p.url), "api": p.api.name(), "key": config::key_source(p)});
                        (name.clone(), v)
                    })
                    .collect();
                let doc = json!({"path": path, "profile": default, "profiles": profiles});
                print_line(&doc.to_string())?;
            } else {
                let mut table = out.table(&["", "PROFILE", "API", "URL", "KEY"]);
                for (name, p) in &cfg.file.profiles {
                    let mark = if default.as_deref() == Some(name.as_str()) {
                        "*"
                    } else {
                        ""
                    };
                    table.add_row(vec![
                        mark,
                        name,
                        p.api.name(),
                        &config::display_url(&p.url),
                        &config::key_source(p),
                    ]);
                }
                print_line(&format!("config: {}", path.display()))?;
                out.print_table(&mut table)?;
            }
        }
    }
    Ok(Exit::Success)
}
