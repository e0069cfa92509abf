//! `smm order add`: build the order's fields, check them against the catalogue, then place it
//! (through the journal and its duplicate guard) or, with a dry run, price it.

use super::Ctx;
use crate::cli::AddArgs;
use crate::exit::{Exit, usage};
use crate::journal::{self, Intent, Line, Outcome};
use crate::order::{Order, Priced, check, type_name};
use crate::output::views;
use crate::panel::{Account, Panel, Service};
use rust_decimal::Decimal;

/// Builds and checks the fields from the flags; reads `@FILE` lists. Nothing is sent.
pub fn from_args(a: &AddArgs) -> anyhow::Result<Order> {
    let Some(service) = a.service else {
        return Err(usage(
            "order add needs --service ID (or --file PATH for a bulk file)",
        ));
    };
    if a.link.is_none() && a.username.is_none() {
        return Err(usage(
            "order add needs --link URL (or --username NAME for Subscriptions services)",
        ));
    }
    for (name, v) in [
        ("quantity", a.quantity),
        ("runs", a.runs),
        ("interval", a.interval),
    ] {
        if v == Some(0) {
            return Err(usage(format!("--{name} must be more than 0")));
        }
    }
    if let Some(expiry) = &a.expiry {
        check_date(expiry)?;
    }
    match a.type_of_traffic {
        Some(1) if a.google_keyword.is_none() => {
            return Err(usage(
                "--type-of-traffic 1 (Google keyword) needs --google-keyword TEXT",
            ));
        }
        Some(2) if a.referring_url.is_none() => {
            return Err(usage(
                "--type-of-traffic 2 (custom referrer) needs --referring-url URL",
            ));
        }
        _ => {}
    }
    let mut fields: Vec<(&'static str, String)> = vec![("service", service.to_string())];
    let mut push = |name: &'static str, value: Option<String>| {
        if let Some(v) = value {
            fields.push((name, v));
        }
    };
    let num = |v: Option<u64>| v.map(|n| n.to_string());
    push("link", a.link.clone());
    push("quantity", num(a.quantity));
    push("runs", num(a.runs));
    push("interval", num(a.interval));
    push("comments", list(&a.comments, "comments", false)?);
    push("usernames", list(&a.usernames, "usernames", true)?);
    push("hashtags", list(&a.hashtags, "hashtags", true)?);
    push("hashtag", a.hashtag.clone());
    push("username", a.username.clone());
    push("keywords", list(&a.keywords, "keywords", true)?);
    push("media", a.media.clone());
    push("groups", list(&a.groups, "groups", true)?);
    push("answer_number", num(a.answer_number));
    push("min", num(a.min));
    push("max", num(a.max));
    push("posts", num(a.posts));
    push("old_posts", num(a.old_posts));
    push("delay", num(a.delay));
    push("expiry", a.expiry.clone());
    push("country", a.country.clone());
    push("device", a.device.map(|d| d.to_string()));
    push("type_of_traffic", a.type_of_traffic.map(|d| d.to_string()));
    push("google_keyword", a.google_keyword.clone());
    push("referring_url", a.referring_url.clone());
    Ok(Order { service, fields })
}

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

/// Reads a list flag (text or `@FILE`) into newline-separated items; `commas` also splits on commas.
fn list(value: &Option<String>, name: &str, commas: bool) -> anyhow::Result<Option<String>> {
    let Some(value) = value else { return Ok(None) };
    let text = match value.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| usage(format!("--{name} @{path}: cannot read the file: {e}")))?,
        None => value.clone(),
    };
    let items: Vec<&str> = text
        .split(|c: char| c == '\n' || (commas && c == ','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        return Err(usage(format!("--{name} is empty")));
    }
    Ok(Some(items.join("\n")))
}

/// Checks a d/m/Y date such as `31/12/2026`.
fn check_date(text: &str) -> anyhow::Result<()> {
    let parts: Vec<&str> = text.split('/').collect();
    let ok = match parts.as_slice() {
        [d, m, y] => {
            let (d, m, y) = (d.parse::<u32>(), m.parse::<u32>(), y.parse::<u32>());
            matches!((d, m, y), (Ok(1..=31), Ok(1..=12), Ok(2000..=2999)))
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(usage(format!(
            "--expiry '{text}' is not a date in d/m/Y form, like 31/12/2026"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_by_type() {
        let v = Some("great, love it\nnice".to_string());
        assert_eq!(
            list(&v, "comments", false).unwrap().unwrap(),
            "great, love it\nnice"
        );
        assert_eq!(
            list(&v, "usernames", true).unwrap().unwrap(),
            "great\nlove it\nnice"
        );
        assert!(list(&Some(" \n ".into()), "comments", false).is_err());
    }

    #[test]
    fn dates_are_day_month_year() {
        assert!(check_date("31/12/2026").is_ok());
        assert!(check_date("2026-12-31").is_err());
        assert!(check_date("12/31/2026").is_err());
    }
}
