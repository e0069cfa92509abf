//! `smm balance`

use super::Ctx;
use crate::exit::Exit;

/// Prints the account balance.
pub fn run(ctx: &Ctx) -> anyhow::Result<Exit> {
    let answer = ctx.v2().balance()?;
    if ctx.out.json {
        ctx.out.print_raw(&answer.raw)?;
    } else {
        let mut table = ctx.out.table(&["PROFILE", "BALANCE", "CURRENCY"]);
        table.add_row(vec![
            ctx.profile.name.clone(),
            answer.value.amount.to_string(),
            answer.value.currency.clone(),
        ]);
        ctx.out.print_table(&mut table)?;
    }
    Ok(Exit::Success)
}
