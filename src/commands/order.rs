//! `smm order add`: build the order's fields, check them, then place it or (dry run) price it.

use super::Ctx;
use crate::cli::AddArgs;
use crate::exit::{Exit, usage};
use crate::journal::{self, Intent, Line, Outcome};
use crate::money;
use crate::panel::streamdetails::Streamdetails;
use crate::panel::v2::V2;
use crate::panel::{Client, Service};
use rust_decimal::Decimal;
use serde_json::json;

/// An order ready to send: the form fields in API order (without `key` and `action`).
#[derive(Debug)]
pub struct Order {
    /// The service id.
    pub service: u64,
    /// Form fields, `service` first.
    pub fields: Vec<(&'static str, String)>,
}

impl Order {
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

    /// The value of a form field, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A numeric form field.
    fn number(&self, name: &str) -> Option<u64> {
        self.get(name).and_then(|v| v.parse().ok())
    }

    /// How many items a list field holds.
    fn items(&self, name: &str) -> Option<u64> {
        self.get(name).map(|v| v.lines().count() as u64)
    }
}

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

/// What a type needs: required form fields, and how its quantity is counted.
struct Needs {
    /// Form fields that must be present.
    fields: &'static [&'static str],
    /// How the ordered amount is found (for min/max and cost).
    amount: Amount,
}

/// How an order type expresses its amount.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Amount {
    /// `quantity` (× `runs`).
    Quantity,
    /// The number of lines of a list field.
    Lines(&'static str),
    /// One package: the cost is the rate.
    Package,
    /// Subscriptions: `min`/`max` per post; the cost depends on future posts.
    PerPost,
}

/// The fields each order type needs (see panel-apis.md); unknown types are treated as Default.
fn needs(kind: &str) -> Needs {
    use Amount::*;
    let (fields, amount): (&'static [&'static str], Amount) =
        match kind.trim().to_lowercase().as_str() {
            "seo" => (&["link", "quantity", "keywords"], Quantity),
            "custom comments" => (&["link", "comments"], Lines("comments")),
            "custom comments package" => (&["link", "comments"], Package),
            "mentions" => (&["link", "quantity", "usernames"], Quantity),
            "mentions with hashtags" => (&["link", "quantity", "usernames", "hashtags"], Quantity),
            "mentions custom list" => (&["link", "usernames"], Lines("usernames")),
            "mentions hashtag" => (&["link", "quantity", "hashtag"], Quantity),
            "mentions user followers" => (&["link", "quantity", "username"], Quantity),
            "mentions media likers" => (&["link", "quantity", "media"], Quantity),
            "package" => (&["link"], Package),
            "comment likes" => (&["link", "quantity", "username"], Quantity),
            "comment replies" => (&["link", "username", "comments"], Lines("comments")),
            "poll" => (&["link", "quantity", "answer_number"], Quantity),
            "invites from groups" => (&["link", "quantity", "groups"], Quantity),
            "subscriptions" => (&["username", "min", "max", "delay"], PerPost),
            "web traffic" => (
                &["link", "quantity", "country", "device", "type_of_traffic"],
                Quantity,
            ),
            _ => (&["link", "quantity"], Quantity),
        };
    Needs { fields, amount }
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

/// An order checked against its service: the amount, runs and exact cost (when known).
#[derive(Debug, Clone, Copy)]
pub struct Priced {
    /// The amount checked against min/max (quantity, or lines of a list).
    pub amount: Option<u64>,
    /// Drip-feed runs (1 without drip-feed).
    pub runs: u64,
    /// rate × amount / 1000 × runs; the rate for packages; None when it depends on deliveries.
    pub cost: Option<Decimal>,
}

/// Checks an order against its service: the fields its type needs, the quantity within
/// min/max (Subscriptions: min and max per post); returns its price, or what is wrong.
pub fn check(service: &Service, order: &Order) -> Result<Priced, String> {
    let id = &service.id;
    let needs = needs(&service.kind);
    let missing: Vec<String> = needs
        .fields
        .iter()
        .filter(|f| order.get(f).is_none())
        .map(|f| format!("--{}", f.replace('_', "-")))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "service {id} ({}) needs {}",
            type_name(service),
            missing.join(", ")
        ));
    }
    let amount = match needs.amount {
        Amount::Quantity => order.number("quantity"),
        Amount::Lines(field) => order.number("quantity").or(order.items(field)),
        Amount::Package | Amount::PerPost => None,
    };
    if let Some(n) = amount {
        check_range(service, "quantity", n)?;
    }
    if needs.amount == Amount::PerPost {
        let (lo, hi) = (
            order.number("min").unwrap_or(0),
            order.number("max").unwrap_or(0),
        );
        check_range(service, "--min", lo)?;
        check_range(service, "--max", hi)?;
        if lo > hi {
            return Err(format!("--min {lo} is more than --max {hi}"));
        }
    }
    let runs = order.number("runs").unwrap_or(1);
    let cost: Option<Decimal> = service.rate.and_then(|rate| match needs.amount {
        Amount::Quantity => amount.and_then(|n| money::cost(rate, n, runs)),
        Amount::Lines(_) => amount.and_then(|n| money::cost(rate, n, 1)),
        Amount::Package => Some(rate.normalize()),
        Amount::PerPost => None,
    });
    Ok(Priced { amount, runs, cost })
}

/// The service's type, or `Default` when the panel sends none.
fn type_name(s: &Service) -> String {
    if s.kind.is_empty() {
        "Default".into()
    } else {
        s.kind.clone()
    }
}

/// Refuses `n` outside the service's min/max.
fn check_range(s: &Service, what: &str, n: u64) -> Result<(), String> {
    if let Some(min) = s.min.filter(|m| n < *m) {
        return Err(format!(
            "{what} {n} is below service {}'s minimum of {min}",
            s.id
        ));
    }
    if let Some(max) = s.max.filter(|m| n > *m) {
        return Err(format!(
            "{what} {n} is above service {}'s maximum of {max}",
            s.id
        ));
    }
    Ok(())
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

    #[test]
    fn types_match_case_insensitively() {
        assert_eq!(needs("custom comments").fields, &["link", "comments"]);
        assert_eq!(needs("Custom Comments").fields, &["link", "comments"]);
        assert!(needs("Subscriptions").amount == Amount::PerPost);
        assert_eq!(needs("something new").fields, &["link", "quantity"]);
    }
}
