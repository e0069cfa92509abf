//! `smm order add`: build the order's fields, check them against the catalogue, then place it
//! (through the order book and its duplicate guard) or, with a dry run, price it.

use super::Ctx;
use crate::cli::AddArgs;
use crate::exit::{Exit, usage};
use crate::order::Order;
use crate::output::views;
use crate::panel::{Account, Panel, Priced, Service};
use rust_decimal::Decimal;

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
    panel.check_order(order)?;
    // A book that cannot be opened stops the order (and the dry run, which asks its duplicate
    // guard) before any request.
    ctx.book()?;
    let (catalogue, age) = ctx.services().map_err(|e| {
        e.context(
            "the catalogue, needed to check the order, could not be read: the order was not sent",
        )
    })?;
    let service = find_service(ctx, &catalogue.value, order.service, age)?;
    let priced = service.price(order).map_err(|e| usage(refusal(&e, age)))?;
    let new = ctx.new_order(order, priced.cost);
    let window = ctx.profile.duplicate_window;
    if args.dry_run {
        // The guard's lookup, read-only: the dry run answers as the real order would.
        if let (Some(book), false) = (ctx.book()?, args.force)
            && let Some(earlier) = book.earlier(&new, window)?
        {
            return Err(earlier.refusal(&new));
        }
        return dry(ctx, &*panel, order, service, priced);
    }
    let sent = crate::book::send(ctx.book()?, &new, window, args.force, || {
        let answer = panel.add(order)?;
        Ok((answer.value.order.clone(), answer))
    })?;
    let answer = sent.map_err(|earlier| earlier.refusal(&new))?.answer?;
    ctx.out
        .answer(&answer.raw, &views::placed(&answer.value, order))?;
    Ok(Exit::Success)
}

/// A refusal by the catalogue, with a hint when the catalogue came from the cache.
fn refusal(why: &str, age: Option<u64>) -> String {
    match age {
        Some(age) => format!(
            "{why} (catalogue cached {age}s ago: --refresh fetches it from the panel); nothing was sent"
        ),
        None => format!("{why}; nothing was sent"),
    }
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
    match account {
        Account::Money(balance) => match (priced.cost, report.after()) {
            (Some(c), Some(a)) if a < Decimal::ZERO => anyhow::bail!(
                "the balance ({} {}) does not cover the cost ({} {}): top up the account before ordering",
                balance.amount,
                balance.currency,
                crate::money::show(c),
                balance.currency
            ),
            _ => Ok(Exit::Success),
        },
        Account::Threads(threads) => match (threads.available, priced.amount) {
            (Some(free), Some(quantity)) if free < quantity => anyhow::bail!(
                "the account has {free} threads available and the order needs {quantity}: wait for running orders to end, or order fewer"
            ),
            _ => Ok(Exit::Success),
        },
    }
}

/// The catalogue entry with id `service`, or a usage error pointing at `smm services`.
fn find_service<'s>(
    ctx: &Ctx,
    services: &'s [Service],
    service: u64,
    age: Option<u64>,
) -> anyhow::Result<&'s Service> {
    let id = service.to_string();
    services.iter().find(|s| s.id == id).ok_or_else(|| {
        usage(refusal(
            &format!(
                "service {id} is not in the catalogue of profile '{}' ({} services): see `smm services`",
                ctx.profile.name,
                services.len()
            ),
            age,
        ))
    })
}
