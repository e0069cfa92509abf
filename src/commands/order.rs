//! `smm order add`: build the order's fields, check them against the catalogue, then place it
//! (through the order book and its duplicate guard) or, with a dry run, price it.

use super::Ctx;
use crate::book::{Earlier, NewOrder, Outcome};
use crate::exit::{Exit, usage};
use crate::order::{Order, Priced, check, type_name};
use crate::output::views;
use crate::panel::{Account, Panel, Service};
use rust_decimal::Decimal;

/// How `order add` runs: a dry run, or for real (then through the order book and its guard).
#[derive(Debug, Clone, Copy)]
pub struct Mode {
    /// Check and price only.
    pub dry_run: bool,
    /// Skip the duplicate guard.
    pub force: bool,
}

/// Checks the order against the panel and its catalogue (exit 2, nothing sent, when it cannot
/// be right), then places it, or with a dry run prices it against the account.
pub fn run(ctx: &Ctx, order: &Order, mode: Mode) -> anyhow::Result<Exit> {
    let panel = ctx.panel();
    let (service, priced) = checked(ctx, &*panel, order, mode.dry_run)?;
    if mode.dry_run {
        return dry(ctx, &*panel, order, &service, priced);
    }
    let answer = guarded(ctx, order, priced.cost, mode.force, || {
        let answer = panel.add(order)?;
        Ok((answer.value.order.clone(), answer))
    })?;
    ctx.out
        .answer(&answer.raw, &views::placed(&answer.value, order))?;
    Ok(Exit::Success)
}

/// The checks before an order is sent (exit 2, nothing sent, when it cannot be right): the
/// panel's own, a book that opens (unless a dry run), the service in the catalogue and the
/// order against it. Returns the service and the order's price.
pub(crate) fn checked(
    ctx: &Ctx,
    panel: &dyn Panel,
    order: &Order,
    dry_run: bool,
) -> anyhow::Result<(Service, Priced)> {
    panel.check_order(order)?;
    if !dry_run {
        // A book that cannot be opened stops the order before any request.
        ctx.book()?;
    }
    let (catalogue, age) = ctx.services().map_err(|e| {
        e.context(
            "the catalogue, needed to check the order, could not be read: the order was not sent",
        )
    })?;
    let service = find_service(ctx, &catalogue.value, order.service, age)?;
    let priced = check(service, order).map_err(|e| usage(refusal(&e, age)))?;
    Ok((service.clone(), priced))
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

/// What the order book records of this order before it is sent (no key, ever).
pub fn new_order(ctx: &Ctx, order: &Order, cost: Option<Decimal>) -> NewOrder {
    NewOrder {
        profile: ctx.profile.name.clone(),
        url: crate::config::display_url(ctx.profile.url.as_str()),
        service: order.service,
        link: order.get("link").map(str::to_string),
        quantity: order.number("quantity"),
        fields: order
            .fields
            .iter()
            .filter(|(k, _)| !matches!(*k, "service" | "link" | "quantity"))
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
        cost,
    }
}

/// An order written down in the book before it is sent: its entry id (None without a book).
pub struct Ticket(Option<String>);

/// Writes the order down before it is sent, in one transaction with the duplicate guard:
/// `Err(earlier)` when the book holds the same order within the profile's window (and `force`
/// is off).
pub fn begin(
    ctx: &Ctx,
    order: &Order,
    cost: Option<Decimal>,
    force: bool,
) -> anyhow::Result<Result<Ticket, Earlier>> {
    let Some(book) = ctx.book()? else {
        return Ok(Ok(Ticket(None)));
    };
    let new = new_order(ctx, order, cost);
    Ok(book
        .begin(&new, ctx.profile.duplicate_window, force)?
        .map(|id| Ticket(Some(id))))
}

/// Records what became of a sent order: placed with its id, refused, or unknown when the
/// answer leaves it open. A failure to record is a warning: the order is on the panel.
pub fn record<T>(ctx: &Ctx, ticket: Ticket, result: &anyhow::Result<(String, T)>) {
    let (Some(id), Ok(Some(book))) = (ticket.0, ctx.book()) else {
        return;
    };
    let (outcome, order, error) = match result {
        Ok((order, _)) => (Outcome::Placed, Some(order.as_str()), None),
        Err(e) if crate::panel::is_ambiguous(e) => (Outcome::Unknown, None, Some(format!("{e:#}"))),
        Err(e) => (Outcome::Refused, None, Some(format!("{e:#}"))),
    };
    let error = error.map(|e| crate::text::shorten(&e, 300));
    if let Err(e) = book.finish(&id, outcome, order, error.as_deref()) {
        crate::msg::warn(&format!(
            "the order's outcome could not be written to the order book: {e:#}"
        ));
    }
}

/// The refusal of a duplicate, naming the earlier order.
pub fn duplicate(ctx: &Ctx, order: &Order, earlier: &Earlier) -> anyhow::Error {
    let e = &earlier.entry;
    let what = match (e.outcome, &e.order) {
        (Outcome::Placed, Some(id)) => format!("order {id}"),
        _ => "an order whose outcome is unknown".to_string(),
    };
    let ago = (crate::time::now() as i64 - e.created).max(0) as u64;
    usage(format!(
        "refusing a duplicate: {what} for service {} with the same link, quantity and other fields was placed on profile '{}' {} ago \
         (order book entry {}, see `smm orders`); pass --force to order it again",
        order.service,
        ctx.profile.name,
        crate::time::ago(ago),
        e.id,
    ))
}

/// Sends an order through the book: refuses a duplicate (unless `force`), writes the order
/// down (committed) before `send` runs, and its outcome — order id, refusal, or unknown — after.
pub fn guarded<T>(
    ctx: &Ctx,
    order: &Order,
    cost: Option<Decimal>,
    force: bool,
    send: impl FnOnce() -> anyhow::Result<(String, T)>,
) -> anyhow::Result<T> {
    let ticket = match begin(ctx, order, cost, force)? {
        Ok(ticket) => ticket,
        Err(earlier) => return Err(duplicate(ctx, order, &earlier)),
    };
    let result = send();
    record(ctx, ticket, &result);
    result.map(|(_, answer)| answer)
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
    let report = views::DryRun::new(service, order, &priced, &account, type_name(service));
    ctx.out.report(&report, &report.table())?;
    crate::msg::note("dry run — no order was placed");
    covered(&account, &priced, &report)
}

/// The dry run's verdict on the account: an error when the balance does not cover the cost,
/// or a subscription has too few free threads.
pub(crate) fn covered(
    account: &Account,
    priced: &Priced,
    report: &views::DryRun,
) -> anyhow::Result<Exit> {
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
