//! `smm order add`: build the order's fields, check them, then place it or (dry run) price it.

use super::Ctx;
use crate::exit::{Exit, usage};
use crate::journal::{self, Intent, Line, Outcome};
use crate::order::{Amount, Order, Priced, check, check_range, needs, type_name};
use crate::panel::streamdetails::Streamdetails;
use crate::panel::v2::V2;
use crate::panel::{Client, Service};
use rust_decimal::Decimal;
use serde_json::json;

/// How `order add` runs: a dry run, or for real (then through the journal and its guard).
#[derive(Debug, Clone, Copy)]
pub struct Mode {
    /// Check and price only.
    pub dry_run: bool,
    /// Skip the duplicate guard.
    pub force: bool,
}

/// Places the order, or with a dry run checks and prices it without sending `add`.
pub fn run(ctx: &Ctx, order: &Order, mode: Mode) -> anyhow::Result<Exit> {
    match ctx.client() {
        Client::V2(v2) if mode.dry_run => dry(ctx, &v2, order),
        Client::V2(v2) => place(ctx, &v2, order, mode.force),
        Client::Streamdetails(sd) => streamdetails(ctx, &sd, order, mode),
        Client::Useapi(_) => Err(ctx.needs_panel("order add")),
    }
}

/// The journal's record of what this order is meant to be (no key, ever).
pub fn intent(ctx: &Ctx, order: &Order) -> Intent {
    Intent {
        id: journal::new_id(),
        time: journal::now(),
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
        cost: None,
    }
}

/// Sends an order through the journal: refuses a duplicate (unless `force`), writes the intent
/// (fsync'd) before `send` runs, and the outcome — order id, error, or unknown — after.
pub fn journaled<T>(
    ctx: &Ctx,
    order: &Order,
    force: bool,
    send: impl FnOnce() -> anyhow::Result<(String, T)>,
) -> anyhow::Result<T> {
    let Some(journal) = &ctx.journal else {
        return send().map(|(_, answer)| answer);
    };
    let intent = intent(ctx, order);
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
            ago(intent.time.saturating_sub(earlier.intent.time)),
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
        time: journal::now(),
        result: result_kind,
        order: order_id,
        error: error.map(|e| crate::http::shorten(&e, 300)),
    };
    if let Err(e) = journal.append(&Line::Outcome(outcome)) {
        eprintln!("smm: warning: the order's outcome could not be written to the journal: {e:#}");
    }
    result.map(|(_, answer)| answer)
}

/// A short "how long ago": `5s`, `12m`, `3h`.
fn ago(secs: u64) -> String {
    match secs {
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m", s / 60),
        s => format!("{}h{:02}m", s / 3600, s % 3600 / 60),
    }
}

/// Sends `add` to a v2 panel (through the journal) and prints the new order id.
fn place(ctx: &Ctx, v2: &V2, order: &Order, force: bool) -> anyhow::Result<Exit> {
    let answer = journaled(ctx, order, force, || {
        let answer = v2.add(&order.fields)?;
        Ok((answer.value.clone(), answer))
    })?;
    if ctx.out.json {
        ctx.out.print_raw(&answer.raw)?;
    } else {
        let mut table = ctx.out.table(&["ORDER", "SERVICE", "QUANTITY", "LINK"]);
        table.add_row(vec![
            answer.value.as_str(),
            &order.service.to_string(),
            order.get("quantity").unwrap_or(""),
            order.get("link").or(order.get("username")).unwrap_or(""),
        ]);
        ctx.out.print_table(&mut table)?;
    }
    Ok(Exit::Success)
}

/// A streamdetails order: only service, link and quantity (threads); the dry run checks the
/// catalogue and the free threads.
fn streamdetails(ctx: &Ctx, sd: &Streamdetails, order: &Order, mode: Mode) -> anyhow::Result<Exit> {
    let extra: Vec<String> = order
        .fields
        .iter()
        .filter(|(k, _)| !matches!(*k, "service" | "link" | "quantity"))
        .map(|(k, _)| format!("--{}", k.replace('_', "-")))
        .collect();
    if !extra.is_empty() {
        return Err(usage(format!(
            "streamdetails orders take only --service, --link and --quantity (not {})",
            extra.join(", ")
        )));
    }
    let (Some(link), Some(quantity)) = (order.get("link"), order.number("quantity")) else {
        return Err(usage(
            "a streamdetails order needs --link (the channel URL) and --quantity (threads)",
        ));
    };
    let out = &ctx.out;
    if !mode.dry_run {
        let answer = journaled(ctx, order, mode.force, || {
            let answer = sd.add(order.service, link, quantity)?;
            Ok((answer.value.id.clone(), answer))
        })?;
        if out.json {
            out.print_raw(&answer.raw)?;
        } else {
            let o = &answer.value;
            let mut table = out.table(&["ORDER", "SERVICE", "THREADS", "STATUS", "LINK"]);
            let threads = o.quantity.map(|q| q.to_string()).unwrap_or_default();
            table.add_row(vec![
                o.id.clone(),
                o.service.clone(),
                threads,
                o.status.clone(),
                link.to_string(),
            ]);
            out.print_table(&mut table)?;
        }
        return Ok(Exit::Success);
    }
    let services = ctx.services()?.0.value;
    let service = find_service(ctx, &services, order.service)?;
    check_range(service, "quantity", quantity).map_err(usage)?;
    let user = sd.user()?.value;
    if out.json {
        let doc = json!({
            "dry_run": true,
            "service": service.id,
            "name": service.name,
            "type": service.kind,
            "link": link,
            "quantity": quantity,
            "duration_minutes": service.duration,
            "available_threads": user.available,
        });
        crate::output::print_line(&doc.to_string())?;
    } else {
        let mut table = out.key_value();
        table.add_row(vec![
            "SERVICE".to_string(),
            format!("{} {}", service.id, service.name),
        ]);
        table.add_row(vec!["TYPE".to_string(), service.kind.clone()]);
        table.add_row(vec!["LINK".to_string(), link.to_string()]);
        table.add_row(vec!["THREADS".to_string(), quantity.to_string()]);
        if let Some(d) = service.duration {
            table.add_row(vec!["DURATION".to_string(), format!("{d} min")]);
        }
        let available = user
            .available
            .map(|a| a.to_string())
            .unwrap_or_else(|| "unknown".into());
        table.add_row(vec!["AVAILABLE THREADS".to_string(), available]);
        out.print_table(&mut table)?;
        out.note("dry run — no order was placed");
    }
    match user.available {
        Some(free) if free < quantity => anyhow::bail!(
            "the account has {free} threads available and the order needs {quantity}: wait for running orders to end, or order fewer"
        ),
        _ => Ok(Exit::Success),
    }
}

/// The catalogue entry with id `service`, or a usage error pointing at `smm services`.
fn find_service<'s>(
    ctx: &Ctx,
    services: &'s [Service],
    service: u64,
) -> anyhow::Result<&'s Service> {
    let id = service.to_string();
    services.iter().find(|s| s.id == id).ok_or_else(|| {
        usage(format!(
            "service {id} is not in the catalogue of profile '{}' ({} services): see `smm services`",
            ctx.profile.name,
            services.len()
        ))
    })
}

/// The dry run: find the service, check the order against it, price it against the balance.
fn dry(ctx: &Ctx, v2: &V2, order: &Order) -> anyhow::Result<Exit> {
    let services = ctx.services()?.0.value;
    let service = find_service(ctx, &services, order.service)?;
    let Priced {
        amount, runs, cost, ..
    } = check(service, order).map_err(usage)?;
    let needs = needs(&service.kind);
    let balance = v2.balance()?.value;
    let after = cost.and_then(|c| balance.amount.checked_sub(c));
    if ctx.out.json {
        let fields: serde_json::Map<String, serde_json::Value> = order
            .fields
            .iter()
            .map(|(k, v)| (k.to_string(), json!(v)))
            .collect();
        let doc = json!({
            "dry_run": true,
            "service": service.id,
            "name": service.name,
            "type": service.kind,
            "rate": service.rate.map(|r| r.to_string()),
            "quantity": amount,
            "runs": runs,
            "cost": cost.map(|c| c.to_string()),
            "balance": balance.amount.to_string(),
            "balance_after": after.map(|a| a.to_string()),
            "currency": balance.currency,
            "fields": fields,
        });
        crate::output::print_line(&doc.to_string())?;
    } else {
        let cur = &balance.currency;
        let with_cur = |d: Decimal| format!("{d} {cur}");
        let mut table = ctx.out.key_value();
        let mut row = |k: &str, v: String| {
            table.add_row(vec![k.to_string(), v]);
        };
        row("SERVICE", format!("{} {}", service.id, service.name));
        row("TYPE", type_name(service));
        for (k, v) in order.fields.iter().filter(|(k, _)| *k != "service") {
            // A list is shown by its size: its items may contain commas.
            let shown = match v.lines().count() {
                n if n > 1 => format!("{n} items"),
                _ => v.clone(),
            };
            row(&k.to_uppercase(), shown);
        }
        let per = if needs.amount == Amount::Package {
            "per package"
        } else {
            "per 1000"
        };
        row(
            "RATE",
            service
                .rate
                .map(|r| format!("{r} {per}"))
                .unwrap_or_else(|| "unknown".into()),
        );
        row(
            "COST",
            cost.map(with_cur)
                .unwrap_or_else(|| "depends on deliveries (not known in advance)".into()),
        );
        row("BALANCE", with_cur(balance.amount));
        if let Some(a) = after {
            row("AFTER", with_cur(a));
        }
        ctx.out.print_table(&mut table)?;
        ctx.out.note("dry run — no order was placed");
    }
    match (cost, after) {
        (Some(c), Some(a)) if a < Decimal::ZERO => anyhow::bail!(
            "the balance ({} {}) does not cover the cost ({c} {}): top up the account before ordering",
            balance.amount,
            balance.currency,
            balance.currency
        ),
        _ => Ok(Exit::Success),
    }
}
