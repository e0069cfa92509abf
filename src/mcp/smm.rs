//! The adapter: every place the MCP server reaches smm's own logic, and nothing else. The
//! tools call only these functions, so a change inside smm is repointed here, once.
//!
//! Everything here goes through the layers the commands share, never through a command: the
//! config and a profile's context (`commands::ctx`), the fan-out over profiles
//! (`commands::fanout`), an order's checks (`commands::checks`), a route's candidates
//! (`commands::candidates`, ranked and walked as `crate::route` decides), the sync
//! (`commands::syncing`), the catalogue's filters (`panel::Service`) and the order book with
//! its guarded send (`book::send_within`: the intent written before sending under the duplicate
//! guard and the spend limit, in one transaction; the outcome after).

use crate::book::{Book, Earlier, Entry, Held, NewOrder, Query, SpendLimit};
use crate::cli::settings::{Settings, Source};
use crate::commands::Ctx;
use crate::commands::candidates::Side;
use crate::commands::fanout::PerProfile;
use crate::config::Config;
use crate::order::Order;
use crate::output::views::DryRun;
use crate::panel::{Account, Panel, Priced, Service};
use crate::route::{Offer, Route, Walk};
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeMap;

/// The config file, as every command loads it (a permissions warning goes to stderr).
pub fn config(settings: &Settings) -> anyhow::Result<Config> {
    crate::commands::ctx::load_config(settings)
}

/// The context of one profile: key resolved, HTTP client built, order book and catalogue
/// cache on.
pub fn context(settings: &Settings, config: &Config, profile: &str) -> anyhow::Result<Ctx> {
    let profile = config.profile(Some(profile))?;
    Ctx::build(settings, profile, true)
}

/// Runs `f` on each of `profiles` at once (as `--all` does); results in that order.
pub fn each<T: Send>(
    settings: &Settings,
    profiles: &[String],
    f: impl Fn(&Ctx) -> anyhow::Result<T> + Sync,
) -> anyhow::Result<Vec<PerProfile<T>>> {
    crate::commands::fanout::each_profile(&for_profiles(settings, profiles), f)
}

/// `{"<profile>": <answer or {"error": line}>}` of a run over several profiles, as `--all
/// --json` prints it.
pub fn per_profile<T>(
    results: &[PerProfile<T>],
    answer: impl Fn(&T) -> Value,
) -> serde_json::Map<String, Value> {
    crate::commands::fanout::per_profile_json(results, answer)
}

/// The settings of a run over `profiles` (as `-p a,b` on the command line).
fn for_profiles(settings: &Settings, profiles: &[String]) -> Settings {
    Settings {
        profile: Some(profiles.join(",")),
        profile_source: Source::Flag,
        ..settings.clone()
    }
}

/// The account: typed, and the panel's JSON as `smm balance --json` prints it.
pub fn balance(ctx: &Ctx) -> anyhow::Result<(Account, Value)> {
    let answer = ctx.panel().balance()?;
    Ok((answer.value, answer.raw.value()))
}

/// The catalogue (from the cache while it is fresh, as `smm services` reads it).
pub fn catalogue(ctx: &Ctx) -> anyhow::Result<Vec<Service>> {
    Ok(ctx.services()?.0.value)
}

/// Whether a service passes `smm services --search WORDS --type TYPE`.
pub fn service_matches(service: &Service, words: Option<&str>, kind: Option<&str>) -> bool {
    service.matches(None, kind, words)
}

/// Sorts rows cheapest first (unknown rates last), as `smm services --sort rate` does; stable.
pub fn cheapest_first<T>(rows: &mut [T], service: impl Fn(&T) -> &Service) {
    rows.sort_by(|a, b| service(a).cheaper(service(b)));
}

/// Sorts rows by name (case-insensitive), as `smm services --sort name` does; stable.
pub fn by_name<T>(rows: &mut [T], service: impl Fn(&T) -> &Service) {
    rows.sort_by_key(|r| service(r).name.to_lowercase());
}

/// A service's own JSON, as the panel sent it.
pub fn service_json(service: &Service) -> Value {
    serde_json::from_str(service.raw.get()).unwrap_or_default()
}

/// An order from named values (form names), through the one constructor of the command line
/// and bulk files: every value checked, and the rules between fields.
pub fn order(values: Vec<(&'static str, String)>) -> Result<Order, String> {
    Order::from_values(values, crate::order::Naming::Column)
}

/// The order's service and price: the checks `smm order add` (and its dry run) makes before
/// anything is sent.
pub fn checked(ctx: &Ctx, panel: &dyn Panel, order: &Order) -> anyhow::Result<(Service, Priced)> {
    crate::commands::checks::checked(ctx, panel, order)
}

/// The earlier order the book's duplicate guard would refuse `new` for (read-only), as
/// `smm order add --dry-run` asks it.
pub fn earlier(ctx: &Ctx, new: &NewOrder) -> anyhow::Result<Option<Earlier>> {
    match ctx.book()? {
        Some(book) => book.earlier(new, ctx.profile.duplicate_window),
        None => Ok(None),
    }
}

/// The dry run's report, as `smm order add --dry-run --json` prints it, and its verdict on the
/// account (the line `smm` prints when the balance does not cover the cost).
pub fn quote(
    panel: &dyn Panel,
    order: &Order,
    service: &Service,
    priced: &Priced,
) -> anyhow::Result<(Value, Option<String>)> {
    let account = panel.balance()?.value;
    let report = DryRun::new(service, order, priced, &account, service.type_name());
    let verdict = crate::commands::checks::covered(&account, priced, report.after())
        .err()
        .map(|e| format!("{e:#}"));
    Ok((serde_json::to_value(&report)?, verdict))
}

/// What the order book records of `order` on the context's profile before it is sent (the
/// cost's currency when the book knows the panel's, as `smm order add` records it).
pub fn new_order(ctx: &Ctx, order: &Order, cost: Option<Decimal>) -> NewOrder {
    let mut new = ctx.new_order(order, cost);
    if cost.is_some() {
        new.currency = ctx.known_currency();
    }
    new
}

/// Places the order through the order book's guarded send (never forced): refused unsent
/// (`Held`) when the book holds the same order within the profile's window, or — in the same
/// transaction — when it would take the spending past `limit`; else written down before it is
/// sent, its outcome after (and the cost's currency learnt from the balance when the book did
/// not know it, as `smm order add` does). Returns the panel's id and its JSON answer.
pub fn place(
    ctx: &Ctx,
    panel: &dyn Panel,
    order: &Order,
    new: &NewOrder,
    limit: Option<SpendLimit>,
) -> anyhow::Result<Result<(String, Value), Held>> {
    let window = ctx.profile.duplicate_window;
    let sent = crate::book::send_within(ctx.book()?, new, window, false, limit, || {
        let answer = panel.add(order)?;
        let id = answer.value.order.clone();
        Ok((id.clone(), (id, answer.raw.value())))
    })?;
    let sent = match sent {
        Ok(sent) => sent,
        Err(held) => return Ok(Err(held)),
    };
    let answer = sent.answer?;
    if let (Some(_), None, Some(entry)) = (new.cost, &new.currency, &sent.entry) {
        ctx.learn_currency(panel, entry);
    }
    Ok(Ok(answer))
}

/// A route of the config file, checked as `smm order add --route` checks it.
pub fn route(config: &Config, name: &str) -> anyhow::Result<Route> {
    config.route(name)
}

/// The candidates of `route` for the order `template` (its service replaced by each
/// candidate's): every candidate's panel looked at once (catalogue with the cache rules,
/// balance), the order checked by each, each candidate examined — as `smm order add --route`.
pub fn candidates(
    settings: &Settings,
    config: &Config,
    route: &Route,
    template: &Order,
) -> anyhow::Result<(BTreeMap<String, Side>, Vec<Offer>)> {
    crate::commands::candidates::for_order(settings, config, route, template)
}

/// The candidates that can take the order, best first (indices into `offers`), as the route
/// picks.
pub fn rank(route: &Route, offers: &[Offer]) -> Vec<usize> {
    crate::route::rank(offers, route.pick)
}

/// The earlier order the book's duplicate guard would refuse the route's order on
/// `offers[i]` for (read-only; the guard spans every candidate of the route).
pub fn route_earlier(
    route: &Route,
    sides: &BTreeMap<String, Side>,
    template: &Order,
    offers: &[Offer],
    i: usize,
) -> anyhow::Result<Option<Earlier>> {
    let c = &route.candidates[i];
    let (_, probe) = crate::commands::candidates::routed(route, sides, template, c, offers[i].cost);
    let window = sides[&c.profile].ctx.profile.duplicate_window;
    Book::open()?.earlier(&probe, window)
}

/// Places the route's order down the ranking, through the book's guarded send (never forced;
/// `limit` counted in its transaction each try), moving on only after a definite refusal not
/// about the link — as `smm order add --route` does.
pub fn place_route(
    route: &Route,
    sides: &BTreeMap<String, Side>,
    template: &Order,
    offers: &[Offer],
    ranked: &[usize],
    limit: Option<SpendLimit>,
) -> anyhow::Result<Walk<()>> {
    let book = Book::open()?;
    crate::commands::candidates::place(
        route,
        sides,
        template,
        offers,
        ranked,
        Some(&book),
        false,
        limit,
    )
}

/// The one line per candidate of "no candidate can take it": `pica:1448: why`.
pub fn refusals(offers: &[Offer]) -> Vec<String> {
    crate::route::refusals(offers)
}

/// The statuses of orders: the panel's JSON, as `smm status --json` prints it.
pub fn status(ctx: &Ctx, ids: &[u64]) -> anyhow::Result<Value> {
    Ok(ctx.panel().status(ids)?.raw.value())
}

/// Asks for refills: the panel's JSON, as `smm refill --json` prints it.
pub fn refill(ctx: &Ctx, ids: &[u64]) -> anyhow::Result<Value> {
    Ok(ctx.panel().refill(ids)?.raw.value())
}

/// The order book's entries `query` selects (oldest first), those `keep` accepts; at most the
/// newest `limit`.
pub fn orders(
    query: &Query,
    limit: usize,
    keep: impl Fn(&Entry) -> bool,
) -> anyhow::Result<Vec<Entry>> {
    let book = Book::open()?;
    let mut shown = std::collections::VecDeque::new();
    book.list(query, |e| {
        if keep(&e) {
            shown.push_back(e);
            if shown.len() > limit {
                shown.pop_front();
            }
        }
        Ok(())
    })?;
    Ok(shown.into())
}

/// `smm sync` over `profiles` (and the routes whose candidates are all among them): its JSON
/// document, as `smm sync --json` prints it, and each profile's count of due refills held
/// back. `auto_refill` profiles send their due refills only when `send_refills` (the
/// operator's `allow_orders`); without it they are counted (`refills_held`), not sent.
pub fn sync(
    settings: &Settings,
    profiles: &[String],
    send_refills: bool,
) -> anyhow::Result<(Value, Vec<(String, usize)>)> {
    use crate::commands::syncing::{Document, sync};
    let synced = sync(&for_profiles(settings, profiles), send_refills)?;
    let held = synced
        .reports
        .iter()
        .filter_map(|r| Some((r.profile.clone(), r.refills_held?)))
        .collect();
    Ok((serde_json::to_value(Document::of(&synced))?, held))
}

/// What the orders that may exist (placed or unknown) written down at or after `since` cost,
/// by every smm process; and how many of them had no cost known in advance.
pub fn spent_since(since: i64) -> anyhow::Result<(Decimal, u64)> {
    Book::open()?.spent_since(since)
}
