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
