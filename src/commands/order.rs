//! `smm order add`: build the order's fields, check them against the catalogue, then place it
//! (through the journal and its duplicate guard) or, with a dry run, price it.

use super::Ctx;
use crate::exit::{Exit, usage};
use crate::journal::{self, Intent, Line, Outcome};
use crate::order::{Order, Priced, check, type_name};
use crate::output::views;
use crate::panel::{Account, Panel, Service};
use rust_decimal::Decimal;

/// How `order add` runs: a dry run, or for real (then through the journal and its guard).
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
    panel.check_order(order)?;
    let (catalogue, age) = ctx.services()?;
    let service = find_service(ctx, &catalogue.value, order.service, age)?;
    let priced = check(service, order).map_err(|e| usage(refusal(&e, age)))?;
    if mode.dry_run {
        return dry(ctx, &*panel, order, service, priced);
    }
    let answer = journaled(ctx, order, priced.cost, mode.force, || {
        let answer = panel.add(order)?;
        Ok((answer.value.order.clone(), answer))
    })?;
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

/// The journal's record of what this order is meant to be (no key, ever).
pub fn intent(ctx: &Ctx, order: &Order, cost: Option<Decimal>) -> Intent {
    Intent {
        id: journal::new_id(),
        time: crate::time::now(),
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
        cost: cost.map(|c| c.to_string()),
    }
}

/// Sends an order through the journal: refuses a duplicate (unless `force`), writes the intent
/// (fsync'd) before `send` runs, and the outcome — order id, error, or unknown — after.
pub fn journaled<T>(
    ctx: &Ctx,
    order: &Order,
    cost: Option<Decimal>,
    force: bool,
    send: impl FnOnce() -> anyhow::Result<(String, T)>,
) -> anyhow::Result<T> {
    let Some(journal) = &ctx.journal else {
        return send().map(|(_, answer)| answer);
    };
    let intent = intent(ctx, order, cost);
    if !force && let Some(earlier) = journal.duplicate_of(&intent, ctx.profile.duplicate_window)? {
        let what = match earlier.outcome.as_ref() {
            Some(o) if o.result == journal::Result::Order => {
                format!("order {}", o.order.as_deref().unwrap_or("?"))
            }
            _ => "an order whose outcome is unknown".to_string(),
        };
        return Err(usage(format!(
            "refusing a duplicate: {what} for service {} with the same link, quantity and other fields was placed on profile '{}' {} ago \
             (journal entry {}, see `smm orders`); pass --force to order it again",
            intent.service,
            intent.profile,
            crate::time::ago(intent.time.saturating_sub(earlier.intent.time)),
            earlier.intent.id,
        )));
    }
    let id = intent.id.clone();
    journal.append(&Line::Intent(intent))?;
    let result = send();
    let (result_kind, order_id, error) = match &result {
        Ok((order_id, _)) => (journal::Result::Order, Some(order_id.clone()), None),
        Err(e) if crate::panel::is_ambiguous(e) => {
            (journal::Result::Unknown, None, Some(format!("{e:#}")))
        }
        Err(e) => (journal::Result::Error, None, Some(format!("{e:#}"))),
    };
    let outcome = Outcome {
        id,
        time: crate::time::now(),
        result: result_kind,
        order: order_id,
        error: error.map(|e| crate::text::shorten(&e, 300)),
    };
    if let Err(e) = journal.append(&Line::Outcome(outcome)) {
        crate::msg::warn(&format!(
            "the order's outcome could not be written to the journal: {e:#}"
        ));
    }
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
    match account {
        Account::Money(balance) => match (priced.cost, report.after()) {
            (Some(c), Some(a)) if a < Decimal::ZERO => anyhow::bail!(
                "the balance ({} {}) does not cover the cost ({c} {}): top up the account before ordering",
                balance.amount,
                balance.currency,
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
