//! The checks an order passes before it is sent, shared by `smm order add` and `smm mcp`: the
//! panel's own, a book that opens, the service in the catalogue and the order against it; and
//! the dry run's verdict on the account. Nothing here prints.

use super::Ctx;
use crate::exit::usage;
use crate::order::Order;
use crate::panel::{Account, Panel, Priced, Service};
use rust_decimal::Decimal;

/// The checks before an order is sent or priced (a usage error, nothing sent, when it cannot
/// be right): the panel's own, a book that opens (the dry run asks its duplicate guard too),
/// the service in the catalogue and the order against it. Returns the service and the order's
/// price.
pub fn checked(ctx: &Ctx, panel: &dyn Panel, order: &Order) -> anyhow::Result<(Service, Priced)> {
    panel.check_order(order)?;
    // A book that cannot be opened stops the order before any request.
    ctx.book()?;
    // Only the order's service is decoded from a fresh cached catalogue.
    let (catalogue, age) = ctx.services_for(&order.service.to_string()).map_err(|e| {
        e.context(
            "the catalogue, needed to check the order, could not be read: the order was not sent",
        )
    })?;
    let service = find_service(ctx, &catalogue, order.service, age)?;
    let priced = service.price(order).map_err(|e| usage(refusal(&e, age)))?;
    Ok((service.clone(), priced))
}

/// The dry run's verdict on the account: an error when the balance does not cover the cost
/// (`after`, the balance once paid), or a subscription has too few free threads.
pub fn covered(account: &Account, priced: &Priced, after: Option<Decimal>) -> anyhow::Result<()> {
    match account {
        Account::Money(balance) => match (priced.cost, after) {
            (Some(c), Some(a)) if a < Decimal::ZERO => anyhow::bail!(
                "the balance ({} {}) does not cover the cost ({} {}): top up the account before ordering",
                balance.amount,
                balance.currency,
                crate::money::show(c),
                balance.currency
            ),
            _ => Ok(()),
        },
        Account::Threads(threads) => match (threads.available, priced.amount) {
            (Some(free), Some(quantity)) if free < quantity => anyhow::bail!(
                "the account has {free} threads available and the order needs {quantity}: wait for running orders to end, or order fewer"
            ),
            _ => Ok(()),
        },
    }
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
