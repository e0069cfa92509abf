//! `smm pika account list|set|delete`: useapi.net's Pika account endpoints.

use super::Ctx;
use crate::cli::AccountCommand;
use crate::exit::{Exit, usage};
use crate::output::print_line;
use crate::panel::Client;
use crate::panel::useapi::check_channel;
use crate::secret::Secret;
use std::io::BufRead;

/// The environment variable read for the Discord token when `--discord` is absent.
pub const DISCORD_ENV: &str = "SMM_DISCORD_TOKEN";

/// Checks the arguments (channel, token, max jobs) before anything is sent, then calls the API.
pub fn run(ctx: impl FnOnce() -> anyhow::Result<Ctx>, cmd: AccountCommand) -> anyhow::Result<Exit> {
    let token = match &cmd {
        AccountCommand::List => None,
        AccountCommand::Delete { channel } => {
            check_channel(channel)?;
            None
        }
        AccountCommand::Set {
            channel, discord, ..
        } => {
            check_channel(channel)?;
            Some(discord_token(discord.as_deref())?)
        }
    };
    let ctx = ctx()?;
    let Client::Useapi(api) = ctx.client() else {
        return Err(usage(format!(
            "`smm pika` needs a useapi.net profile (api = \"useapi\"); profile '{}' is a {} panel: pick a useapi profile with -p NAME",
            ctx.profile.name,
            ctx.profile.api.name()
        )));
    };
    let out = &ctx.out;
    match cmd {
        AccountCommand::List => {
            let answer = api.list().map_err(|e| {
                if e.to_string().contains("Configuration not found") {
                    anyhow::anyhow!(
                        "{e}: no Pika account is configured yet; add one with `smm pika account set CHANNEL --discord - --max-jobs N`"
                    )
                } else {
                    e
                }
            })?;
            if out.json {
                // The API's answer, with every Discord token masked: smm never prints one.
                let mut value: serde_json::Value = match &answer.raw {
                    crate::panel::Raw::Body(body) => serde_json::from_str(body).unwrap_or_default(),
                    crate::panel::Raw::Merged(v) => v.clone(),
                };
                if let Some(accounts) = value.as_object_mut() {
                    for account in accounts.values_mut() {
                        if let Some(token) = account.get_mut("discord") {
                            let hint = Secret::new(crate::panel::text(token)).hint();
                            *token = serde_json::Value::String(hint);
                        }
                    }
                }
                print_line(&value.to_string())?;
            } else {
                let mut table = out.table(&["CHANNEL", "DISCORD TOKEN", "MAX JOBS"]);
                for a in &answer.value {
                    table.add_row(vec![
                        a.channel.clone(),
                        a.discord.hint(),
                        a.max_jobs.clone(),
                    ]);
                }
                out.print_table(&mut table)?;
            }
        }
        AccountCommand::Set {
            channel, max_jobs, ..
        } => {
            let token = token.ok_or_else(|| usage("a Discord token is needed"))?;
            let raw = api.set(&channel, &token, max_jobs)?;
            confirm(
                out,
                &raw,
                &format!("Pika account for channel {channel} saved (maxJobs {max_jobs})."),
            )?;
        }
        AccountCommand::Delete { channel } => {
            let raw = api.delete(&channel)?;
            confirm(
                out,
                &raw,
                &format!("Pika account for channel {channel} deleted."),
            )?;
        }
    }
    Ok(Exit::Success)
}

/// Prints a 204's confirmation line, or with `--json` whatever body came (usually none).
fn confirm(
    out: &crate::output::Output,
    raw: &crate::panel::Raw,
    line: &str,
) -> std::io::Result<()> {
    match raw {
        crate::panel::Raw::Body(body) if out.json && body.trim().is_empty() => Ok(()),
        _ if out.json => out.print_raw(raw),
        _ => print_line(line),
    }
}

/// The Discord token: `--discord TOKEN`, `--discord -` (first line of stdin), or `$SMM_DISCORD_TOKEN`.
fn discord_token(flag: Option<&str>) -> anyhow::Result<Secret> {
    let token = match flag {
        Some("-") => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| usage(format!("could not read the Discord token from stdin: {e}")))?;
            line
        }
        Some(value) => {
            eprintln!(
                "smm: warning: a token on the command line can be seen by other users (ps, shell history); \
                 prefer --discord - (stdin) or {DISCORD_ENV}"
            );
            value.to_string()
        }
        None => std::env::var(DISCORD_ENV).unwrap_or_default(),
    };
    let token = Secret::new(token.trim());
    if token.is_empty() {
        return Err(usage(format!(
            "the Discord token is empty: pass --discord - to read it from stdin, or set {DISCORD_ENV}"
        )));
    }
    Ok(token)
}
