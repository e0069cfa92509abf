//! `smm pika account list|set|delete`: the accounts of a useapi.net profile.

use super::Ctx;
use crate::cli::AccountCommand;
use crate::config::secret::Secret;
use crate::exit::{Exit, usage};
use crate::output::views;
use crate::panel::Raw;
use crate::panel::useapi::check_channel;
use std::io::{BufRead, Read};

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
    let panel = ctx.panel();
    let out = &ctx.out;
    match cmd {
        AccountCommand::List => {
            let answer = panel.accounts()?;
            out.answer(&answer.raw, &views::pika_accounts(&answer.value))?;
        }
        AccountCommand::Set {
            channel, max_jobs, ..
        } => {
            let token = token.ok_or_else(|| usage("a Discord token is needed"))?;
            let raw = panel.set_account(&channel, &token, max_jobs)?;
            confirm(
                &ctx,
                &raw,
                &format!("Pika account for channel {channel} saved (maxJobs {max_jobs})."),
            )?;
        }
        AccountCommand::Delete { channel } => {
            let raw = panel.delete_account(&channel)?;
            confirm(
                &ctx,
                &raw,
                &format!("Pika account for channel {channel} deleted."),
            )?;
        }
    }
    Ok(Exit::Success)
}

/// Prints a 204's confirmation line, or with `--json` whatever body came (usually none).
fn confirm(ctx: &Ctx, raw: &Raw, line: &str) -> std::io::Result<()> {
    match raw {
        Raw::Body(body) if ctx.out.json() && body.trim().is_empty() => Ok(()),
        _ if ctx.out.json() => ctx.out.answer(raw, &Default::default()),
        _ => crate::output::print_line(line),
    }
}

/// The Discord token: `--discord TOKEN`, `--discord -` (first line of stdin), or `$SMM_DISCORD_TOKEN`.
fn discord_token(flag: Option<&str>) -> anyhow::Result<Secret> {
    let token = match flag {
        Some("-") => {
            let mut line = String::new();
            // One line, and never more than 64 KiB of it (`--discord - < /dev/zero`).
            std::io::stdin()
                .lock()
                .take(64 << 10)
                .read_line(&mut line)
                .map_err(|e| usage(format!("could not read the Discord token from stdin: {e}")))?;
            line
        }
        Some(value) => {
            crate::msg::warn(&format!(
                "a token on the command line can be seen by other users (ps, shell history); \
                 prefer --discord - (stdin) or {DISCORD_ENV}"
            ));
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
