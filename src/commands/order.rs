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
    // The panel's checks, a book that opens (the dry run asks its duplicate guard too), the
    // service in the catalogue and the order against it: before any request.
    let (service, priced) = super::checks::checked(ctx, &*panel, order)?;
    let mut new = ctx.new_order(order, priced.cost);
    let window = ctx.profile.duplicate_window;
    // The guard's lookup, read-only: the dry run answers as the real order would, and a
    // duplicate is refused before any other request (the send checks again as it writes).
    if let (Some(book), false) = (ctx.book()?, args.force)
        && let Some(earlier) = book.earlier(&new, window)?
    {
        return Err(earlier.refusal(&new));
    }
    if args.dry_run {
        return dry(ctx, &*panel, order, &service, priced);
    }
    let priced_in_money = priced.cost.is_some();
    if priced_in_money {
        new.currency = ctx.known_currency();
    }
    let sent = crate::book::send(ctx.book()?, &new, window, args.force, || {
        let answer = panel.add(order)?;
        Ok((answer.value.order.clone(), answer))
    })?;
    let sent = sent.map_err(|earlier| earlier.refusal(&new))?;
    let answer = sent.answer?;
    ctx.out
        .answer(&answer.raw, &views::placed(&answer.value, order))?;
    if let (true, None, Some(entry)) = (priced_in_money, &new.currency, &sent.entry) {
        ctx.learn_currency(&*panel, entry);
    }
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
