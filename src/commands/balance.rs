//! `smm balance`: `balance` on v2 panels, `user` on streamdetails panels.

use super::Ctx;
use crate::exit::Exit;
use crate::output::utc_date;
use crate::panel::Client;

/// Prints the account balance (v2) or the thread subscription (streamdetails).
pub fn run(ctx: &Ctx) -> anyhow::Result<Exit> {
    let out = &ctx.out;
    let name = ctx.profile.name.clone();
    let (raw, mut table) = match ctx.client() {
        Client::V2(v2) => {
            let answer = v2.balance()?;
            let mut table = out.table(&["PROFILE", "BALANCE", "CURRENCY"]);
            let b = &answer.value;
            table.add_row(vec![name, b.amount.to_string(), b.currency.clone()]);
            (answer.raw, table)
        }
        Client::Streamdetails(sd) => {
            let answer = sd.user()?;
            let u = &answer.value;
            let n = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
            let mut table = out.table(&[
                "PROFILE",
                "TOTAL THREADS",
                "ACTIVE",
                "AVAILABLE",
                "FOLLOWERS",
                "SUBSCRIPTION EXPIRES",
            ]);
            table.add_row(vec![
                name,
                n(u.total),
                n(u.active),
                n(u.available),
                n(u.followers),
                u.expires.map(utc_date).unwrap_or_default(),
            ]);
            (answer.raw, table)
        }
        Client::Useapi(_) => return Err(ctx.needs_panel("balance")),
    };
    if out.json {
        out.print_raw(&raw)?;
    } else {
        out.print_table(&mut table)?;
    }
    Ok(Exit::Success)
}

/// `smm balance --all`: every panel profile's balance at once, one row each; a profile that
/// fails shows its error in its row (exit 3) while the others still print. `--json` gives
/// `{"<profile>": <the panel's answer>}`.
pub fn all(global: &crate::cli::Global) -> anyhow::Result<Exit> {
    let results = super::each_profile(global, |ctx| match ctx.client() {
        Client::V2(v2) => {
            let a = v2.balance()?;
            let shown = (a.value.amount.to_string(), a.value.currency.clone());
            Ok((a.raw, shown))
        }
        Client::Streamdetails(sd) => {
            let a = sd.user()?;
            let free = a
                .value
                .available
                .map(|n| n.to_string())
                .unwrap_or_else(|| "?".into());
            Ok((a.raw, (format!("{free} threads free"), String::new())))
        }
        Client::Useapi(_) => Err(ctx.needs_panel("balance")),
    })?;
    let out = crate::output::Output::new(global.json, global.quiet);
    let failed = results.iter().any(|(_, r)| r.is_err());
    if out.json {
        let doc = super::per_profile_json(&results, |(raw, _)| match raw {
            crate::panel::Raw::Body(body) => serde_json::from_str(body).unwrap_or_default(),
            crate::panel::Raw::Merged(v) => v.clone(),
        });
        crate::output::print_line(&doc)?;
    } else {
        let mut table = out.table(&["PROFILE", "BALANCE", "CURRENCY"]);
        for (name, result) in &results {
            match result {
                Ok((_, (amount, currency))) => {
                    table.add_row(vec![name.clone(), amount.clone(), currency.clone()])
                }
                Err(e) => table.add_row(vec![
                    crate::output::Cell::new(name),
                    out.status_cell(&format!("error: {e:#}")),
                ]),
            }
        }
        out.print_table(&mut table)?;
    }
    Ok(Exit::from_items(failed))
}
