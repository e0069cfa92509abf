//! `smm order add`: build the order's fields, check them against the catalogue, then place it
//! (through the order book and its duplicate guard) or, with a dry run, price it.

use super::Ctx;
use crate::cli::AddArgs;
use crate::exit::{Exit, usage};
use crate::order::Order;
use crate::output::views;
use crate::panel::{Panel, Priced, Service};

/// Builds the order from the flags (local checks first: bad input never needs the config or
/// the network), checks it against the panel and its catalogue (exit 2, nothing sent, when it
/// cannot be right), then places it, or with a dry run prices it against the account.
pub fn run(ctx: impl FnOnce() -> anyhow::Result<Ctx>, args: &AddArgs) -> anyhow::Result<Exit> {
    let values = args.fields.read().map_err(usage)?;
    let order = Order::from_values(values, crate::order::Naming::Flag)
        .map_err(|e| usage(format!("{e} (see `smm order add --help`)")))?;
    let ctx = &ctx()?;
    let order = &order;
    let panel = ctx.panel();
    let (service, priced) = super::checks::checked(ctx, &*panel, order, args.dry_run)?;
    if args.dry_run {
        return dry(ctx, &*panel, order, &service, priced);
    }
    let new = ctx.new_order(order, priced.cost);
    let window = ctx.profile.duplicate_window;
    let sent = crate::book::send(ctx.book()?, &new, window, args.force, || {
        let answer = panel.add(order)?;
        Ok((answer.value.order.clone(), answer))
    })?;
    let answer = sent.map_err(|earlier| earlier.refusal(&new))?.answer?;
    ctx.out
        .answer(&answer.raw, &views::placed(&answer.value, order))?;
    Ok(Exit::Success)
}

/// The dry run: the order checked and priced against the account; nothing is sent.
fn dry(
    ctx: &Ctx,
    panel: &dyn Panel,
    order: &Order,
    service: &Service,
    priced: Priced,
) -> anyhow::Result<Exit> {
    let account = panel.balance()?.value;
    let report = views::DryRun::new(service, order, &priced, &account, service.type_name());
    ctx.out.report(&report, &report.table())?;
    crate::msg::note("dry run — no order was placed");
    super::checks::covered(&account, &priced, report.after())?;
    Ok(Exit::Success)
}
