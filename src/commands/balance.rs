//! `smm balance`: the account's money (or a subscription's threads).

use super::Ctx;
use crate::cli::settings::Settings;
use crate::exit::Exit;
use crate::output::{Output, views};

/// Prints the profile's account.
pub fn run(ctx: &Ctx) -> anyhow::Result<Exit> {
    let answer = ctx.panel().balance()?;
    let table = views::account(&ctx.profile.name, &answer.value);
    ctx.out.answer(&answer.raw, &table)?;
    Ok(Exit::Success)
}

/// `smm balance --all`: every panel profile's balance at once, one row each; a profile that
/// fails shows its error in its row (exit 3) while the others still print. `--json` gives
/// `{"<profile>": <the panel's answer>}`.
pub fn all(settings: &Settings) -> anyhow::Result<Exit> {
    let results = super::fanout::each_profile(settings, |ctx| ctx.panel().balance())?;
    let out = Output::new(settings.format);
    let failed = results.iter().any(|(_, r)| r.is_err());
    let doc = super::fanout::per_profile_json(&results, |answer| answer.raw.value());
    let rows: Vec<_> = results
        .into_iter()
        .map(|(name, r)| (name, r.map(|a| a.value).map_err(|e| format!("{e:#}"))))
        .collect();
    out.report(&doc, &views::accounts(&rows))?;
    Ok(Exit::from_items(failed))
}
