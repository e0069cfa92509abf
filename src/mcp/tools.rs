//! The eight tools: their arguments (each a JSON Schema), their one-line descriptions for a
//! model, and what each does — through [`super::smm`] only.

use super::smm;
use super::{Policy, Refusal};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::{Map, Value, json};

/// The most services `search_services` returns.
const MAX_SERVICES: usize = 100;
/// The most orders `list_orders` returns.
const MAX_ORDERS: usize = 200;
/// The most ids `order_status` and `request_refill` take at once.
const MAX_IDS: usize = 100;

/// `balance` arguments.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BalanceArgs {
    /// The profile to ask (default: every panel profile the assistant may use).
    pub profile: Option<String>,
}

/// How `search_services` orders its rows.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Cheapest first across panels (unknown rates last).
    Rate,
    /// By name.
    Name,
}

/// `search_services` arguments.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchArgs {
    /// Words that must all appear in the service's name or category (case-insensitive).
    pub query: Option<String>,
    /// Only this profile's catalogue (default: every panel profile the assistant may use).
    pub profile: Option<String>,
    /// Only services whose type contains this (`Default`, `Custom Comments`, `Subscriptions`…).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// `rate` (cheapest first, the default) or `name`.
    pub sort: Option<Sort>,
    /// How many services to return (default 20, at most 100).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<usize>,
}

/// `quote_order` and `place_order` arguments: where to order — a profile and its service, or
/// a route — then the order's fields (the form names of the SMM API v2; which ones a service
/// needs depends on its type).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderArgs {
    /// The profile (panel) to order on (default: the config's default profile); not with route.
    pub profile: Option<String>,
    /// A route of the config: smm picks the provider and its service; not with profile/service.
    pub route: Option<String>,
    /// Service id (from search_services); needed unless ordering through a route.
    pub service: Option<u64>,
    /// Link to the post, page or profile.
    pub link: Option<String>,
    /// Quantity to order.
    pub quantity: Option<u64>,
    /// Drip-feed: number of runs (with interval).
    pub runs: Option<u64>,
    /// Drip-feed: minutes between runs (with runs).
    pub interval: Option<u64>,
    /// Custom Comments: the comments, one per line.
    pub comments: Option<String>,
    /// Usernames to mention, one per line or comma-separated.
    pub usernames: Option<String>,
    /// Hashtags, one per line or comma-separated.
    pub hashtags: Option<String>,
    /// One hashtag (Mentions Hashtag).
    pub hashtag: Option<String>,
    /// One username (Mentions User Followers, Comment Likes/Replies, Subscriptions).
    pub username: Option<String>,
    /// SEO keywords, one per line or comma-separated.
    pub keywords: Option<String>,
    /// Media URL (Mentions Media Likers).
    pub media: Option<String>,
    /// Groups to invite from, one per line or comma-separated.
    pub groups: Option<String>,
    /// Poll answer number.
    pub answer_number: Option<u64>,
    /// Subscriptions: minimum quantity per post.
    pub min: Option<u64>,
    /// Subscriptions: maximum quantity per post.
    pub max: Option<u64>,
    /// Subscriptions: number of new posts to serve.
    pub posts: Option<u64>,
    /// Subscriptions: number of existing posts to serve.
    pub old_posts: Option<u64>,
    /// Subscriptions: delay in minutes.
    pub delay: Option<u64>,
    /// Subscriptions: expiry date, d/m/Y.
    pub expiry: Option<String>,
    /// Web Traffic: country code or name.
    pub country: Option<String>,
    /// Web Traffic: device (1 desktop, 2 Android, 3 iOS, 4 mixed mobile, 5 mixed).
    pub device: Option<u64>,
    /// Web Traffic: 1 Google keyword, 2 custom referrer, 3 blank referrer.
    pub type_of_traffic: Option<u64>,
    /// Web Traffic: the Google keyword (with type_of_traffic 1).
    pub google_keyword: Option<String>,
    /// Web Traffic: the referring URL (with type_of_traffic 2).
    pub referring_url: Option<String>,
}

/// `order_status` and `request_refill` arguments.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdsArgs {
    /// The panel's order ids (at most 100).
    #[schemars(length(min = 1, max = 100))]
    pub ids: Vec<u64>,
    /// The profile (panel) the orders are on (default: the config's default profile).
    pub profile: Option<String>,
}

/// `list_orders` arguments.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListArgs {
    /// Only orders written down within this long (`30m`, `24h`, `7d`).
    pub since: Option<String>,
    /// Only orders whose last known status is this (`Completed`, `Partial`, `In progress`…).
    pub status: Option<String>,
    /// Only this profile's orders.
    pub profile: Option<String>,
    /// How many of the newest orders to return (default 50, at most 200).
    #[schemars(range(min = 1, max = 200))]
    pub limit: Option<usize>,
}

/// `sync` arguments.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SyncArgs {
    /// Only this profile (default: every panel profile the assistant may use).
    pub profile: Option<String>,
}

/// One tool: its name, its description for a model, and its arguments' schema.
pub struct Spec {
    /// The tool's name.
    pub name: &'static str,
    /// One line for a model.
    pub description: &'static str,
    /// The JSON Schema of its arguments.
    pub schema: fn() -> Map<String, Value>,
    /// The JSON Schema of its answer (`structuredContent`), when it declares one.
    pub output: Option<fn() -> Map<String, Value>>,
}

/// The JSON Schema of `T`, as an object.
fn schema<T: JsonSchema>() -> Map<String, Value> {
    match serde_json::to_value(schemars::schema_for!(T)) {
        Ok(Value::Object(mut map)) => {
            map.remove("$schema");
            map
        }
        _ => Map::new(),
    }
}

/// Every tool, in the order `tools/list` gives them.
pub const TOOLS: &[Spec] = &[
    Spec {
        name: "balance",
        description: "Account balance (and currency) of one SMM panel profile, or of every panel profile.",
        schema: schema::<BalanceArgs>,
        output: None,
    },
    Spec {
        name: "search_services",
        description: "Search the service catalogues of the SMM panels by words in name or category and by type; the cheapest offers across panels first.",
        schema: schema::<SearchArgs>,
        output: None,
    },
    Spec {
        name: "quote_order",
        description: "Check an order (on a profile, or through a route's providers) against the catalogue and price it against the balance (a dry run): cost, balance after, whether it can be placed. Sends nothing.",
        schema: schema::<OrderArgs>,
        output: None,
    },
    Spec {
        name: "place_order",
        description: "Place an order on an SMM panel profile, or through a route (the best of its providers), via smm's order book and duplicate guard; refused unless the operator allowed orders, and beyond the cost caps.",
        schema: schema::<OrderArgs>,
        output: None,
    },
    Spec {
        name: "order_status",
        description: "The panel's status of orders by their panel order ids: status, charge, start count, remains.",
        schema: schema::<IdsArgs>,
        output: None,
    },
    Spec {
        name: "list_orders",
        description: "The orders smm placed (its order book): when, where, service, link, quantity, cost, outcome, last known status; newest last.",
        schema: schema::<ListArgs>,
        output: None,
    },
    Spec {
        name: "request_refill",
        description: "Ask the panel to refill orders (by panel order ids); refused unless the operator allowed orders.",
        schema: schema::<IdsArgs>,
        output: None,
    },
    Spec {
        name: "sync",
        description: "Bring the order book up to date from the panels (statuses, balances, catalogue changes, refills followed) and return the summary and alerts; while orders are off, the due refills of auto_refill profiles are counted (refills_held, notes) and not sent.",
        schema: schema::<SyncArgs>,
        output: Some(sync_output),
    },
];

/// Reads a tool's arguments; a wrong type or an unknown field is a refusal naming it.
fn args<T: for<'de> Deserialize<'de>>(tool: &str, value: Value) -> Result<T, Refusal> {
    serde_json::from_value(value).map_err(|e| {
        Refusal::new(format!(
            "bad arguments for {tool}: {e} (see the tool's input schema); nothing was sent"
        ))
    })
}

/// Runs tool `name` with `arguments` (blocking: requests to panels, the order book); None when
/// there is no such tool.
pub fn call(policy: &Policy, name: &str, arguments: Value) -> Option<Result<Value, Refusal>> {
    Some(match name {
        "balance" => args(name, arguments).and_then(|a| balance(policy, a)),
        "search_services" => args(name, arguments).and_then(|a| search(policy, a)),
        "quote_order" => args(name, arguments).and_then(|a| quote(policy, a)),
        "place_order" => args(name, arguments).and_then(|a| place(policy, a)),
        "order_status" => args(name, arguments).and_then(|a| status(policy, a)),
        "list_orders" => args(name, arguments).and_then(|a| list(policy, a)),
        "request_refill" => args(name, arguments).and_then(|a| refill(policy, a)),
        "sync" => args(name, arguments).and_then(|a| sync(policy, a)),
        _ => return None,
    })
}

/// `balance`: one profile's account, or every visible panel profile's.
fn balance(policy: &Policy, a: BalanceArgs) -> Result<Value, Refusal> {
    let config = smm::config(&policy.settings)?;
    let profiles = policy.profiles(&config, a.profile.as_deref())?;
    let results = smm::each(&policy.settings, &profiles, smm::balance)?;
    if a.profile.is_some()
        && let Some((_, Err(e))) = results.first()
    {
        return Err(Refusal::from(e));
    }
    Ok(Value::Object(smm::per_profile(&results, |(_, raw)| {
        raw.clone()
    })))
}

/// `search_services`: the matching services of one or every visible profile, cheapest first.
fn search(policy: &Policy, a: SearchArgs) -> Result<Value, Refusal> {
    let limit = a.limit.unwrap_or(20).clamp(1, MAX_SERVICES);
    let config = smm::config(&policy.settings)?;
    let profiles = policy.profiles(&config, a.profile.as_deref())?;
    let results = smm::each(&policy.settings, &profiles, |ctx| {
        let services = smm::catalogue(ctx)?;
        let currency = smm::balance(ctx)
            .ok()
            .and_then(|(account, _)| account.currency().map(str::to_string))
            .unwrap_or_default();
        Ok((services, currency))
    })?;
    if a.profile.is_some()
        && let Some((_, Err(e))) = results.first()
    {
        return Err(Refusal::from(e));
    }
    let mut rows: Vec<(&str, &crate::panel::Service, &str)> = results
        .iter()
        .filter_map(|(name, r)| r.as_ref().ok().map(|(s, c)| (name, s, c)))
        .flat_map(|(name, services, currency)| {
            services
                .iter()
                .filter(|s| smm::service_matches(s, a.query.as_deref(), a.kind.as_deref()))
                .map(move |s| (name.as_str(), s, currency.as_str()))
        })
        .collect();
    match a.sort.unwrap_or(Sort::Rate) {
        Sort::Rate => smm::cheapest_first(&mut rows, |(_, s, _)| s),
        Sort::Name => smm::by_name(&mut rows, |(_, s, _)| s),
    }
    let matched = rows.len();
    let services: Vec<Value> = rows
        .iter()
        .take(limit)
        .map(|(profile, s, currency)| {
            let mut row = Map::new();
            row.insert("profile".into(), (*profile).into());
            row.insert("currency".into(), (*currency).into());
            if let Value::Object(fields) = smm::service_json(s) {
                for (k, v) in fields {
                    row.entry(k).or_insert(v);
                }
            }
            Value::Object(row)
        })
        .collect();
    let errors: Map<String, Value> = results
        .iter()
        .filter_map(|(name, r)| r.as_ref().err().map(|e| (name.clone(), line(e).into())))
        .collect();
    Ok(json!({
        "services": services,
        "matched": matched,
        "shown": services.len(),
        "errors": errors,
    }))
}

/// Where an order goes: a profile's service, or a route's candidates.
enum Target {
    /// This profile (one the assistant may use).
    Profile(String),
    /// This route (every candidate's profile one the assistant may use).
    Route(crate::route::Route),
}

/// The order the arguments describe (every value checked as `smm order add` checks it), and
/// where it goes. Through a route the order is a template: each candidate's service replaces
/// its `service`.
fn order_of(
    policy: &Policy,
    config: &crate::config::Config,
    a: &OrderArgs,
) -> Result<(crate::order::Order, Target), Refusal> {
    let mut values = a.values();
    match (&a.profile, &a.route, a.service) {
        (Some(_), Some(_), _) => {
            return Err(Refusal::new(
                "give profile or route, not both: a route picks among its own profiles; nothing was sent",
            ));
        }
        (None, Some(route), Some(_)) => {
            return Err(Refusal::new(format!(
                "route '{}' names each candidate's service itself: leave out service; nothing was sent",
                crate::text::shorten(route, 60)
            )));
        }
        (_, None, None) => {
            return Err(Refusal::new(
                "service is required (from search_services), or a route instead of profile and service; nothing was sent",
            ));
        }
        // Each candidate's service replaces this one.
        (None, Some(_), None) => values.push(("service", "1".into())),
        _ => {}
    }
    let order = smm::order(values).map_err(|e| {
        Refusal::new(format!(
            "{e} (see the tool's input schema); nothing was sent"
        ))
    })?;
    let target = match &a.route {
        Some(name) => Target::Route(policy.route(config, name)?),
        None => Target::Profile(policy.one(config, a.profile.as_deref())?),
    };
    Ok((order, target))
}

impl OrderArgs {
    /// The order's fields by their form names, as text (those given).
    fn values(&self) -> Vec<(&'static str, String)> {
        let text = |v: &Option<String>| v.clone();
        let num = |v: &Option<u64>| v.map(|n| n.to_string());
        let fields: [(&'static str, Option<String>); 25] = [
            ("service", self.service.map(|n| n.to_string())),
            ("link", text(&self.link)),
            ("quantity", num(&self.quantity)),
            ("runs", num(&self.runs)),
            ("interval", num(&self.interval)),
            ("comments", text(&self.comments)),
            ("usernames", text(&self.usernames)),
            ("hashtags", text(&self.hashtags)),
            ("hashtag", text(&self.hashtag)),
            ("username", text(&self.username)),
            ("keywords", text(&self.keywords)),
            ("media", text(&self.media)),
            ("groups", text(&self.groups)),
            ("answer_number", num(&self.answer_number)),
            ("min", num(&self.min)),
            ("max", num(&self.max)),
            ("posts", num(&self.posts)),
            ("old_posts", num(&self.old_posts)),
            ("delay", num(&self.delay)),
            ("expiry", text(&self.expiry)),
            ("country", text(&self.country)),
            ("device", num(&self.device)),
            ("type_of_traffic", num(&self.type_of_traffic)),
            ("google_keyword", text(&self.google_keyword)),
            ("referring_url", text(&self.referring_url)),
        ];
        fields
            .into_iter()
            .filter_map(|(name, value)| Some((name, value?)))
            .collect()
    }
}

/// `quote_order`: the dry run, and whether `place_order` would place it.
fn quote(policy: &Policy, a: OrderArgs) -> Result<Value, Refusal> {
    let config = smm::config(&policy.settings)?;
    let (order, target) = order_of(policy, &config, &a)?;
    let profile = match target {
        Target::Profile(profile) => profile,
        Target::Route(route) => return quote_route(policy, &config, &order, &route),
    };
    let ctx = smm::context(&policy.settings, &config, &profile)?;
    let panel = ctx.panel();
    let (service, priced) = smm::checked(&ctx, &*panel, &order)?;
    let (report, verdict) = smm::quote(&*panel, &order, &service, &priced)?;
    let mut problems: Vec<String> = verdict.into_iter().collect();
    let new = smm::new_order(&ctx, &order, priced.cost);
    if let Some(earlier) = smm::earlier(&ctx, &new)? {
        problems.push(super::duplicate(&earlier, &new));
    }
    if !policy.allow_orders {
        problems.push(policy.orders_off());
    }
    if let Some(refusal) = policy.over_caps(priced.cost)? {
        problems.push(refusal.0);
    }
    Ok(json!({
        "profile": profile,
        "quote": report,
        "can_place": problems.is_empty(),
        "problems": problems,
        "sent": false,
    }))
}

/// Every candidate of a route as examined, with its place in the ranking (1 = first) when it
/// can take the order, and — once sent the order — what became of it.
fn candidates_json(
    offers: &[crate::route::Offer],
    ranked: &[usize],
    tried: &[(usize, crate::route::Tried)],
) -> Vec<Value> {
    offers
        .iter()
        .enumerate()
        .map(|(i, offer)| {
            let mut row = match serde_json::to_value(offer) {
                Ok(Value::Object(map)) => map,
                _ => Map::new(),
            };
            let rank = ranked.iter().position(|r| *r == i).map(|r| r + 1);
            row.insert("rank".into(), json!(rank));
            if let Some((_, t)) = tried.iter().find(|(j, _)| *j == i) {
                row.insert("result".into(), t.text().into());
            }
            Value::Object(row)
        })
        .collect()
}

/// `quote_order` through a route: every candidate examined, the caps applied to each one's
/// cost, ranked; the one it would be placed with, and whether `place_order` would place it.
fn quote_route(
    policy: &Policy,
    config: &crate::config::Config,
    template: &crate::order::Order,
    route: &crate::route::Route,
) -> Result<Value, Refusal> {
    let (sides, mut offers) = smm::candidates(&policy.settings, config, route, template)?;
    policy.cap_offers(&mut offers)?;
    let ranked = smm::rank(route, &offers);
    let mut problems = Vec::new();
    let chosen = ranked.first().map(|&best| &offers[best]);
    match ranked.first() {
        None => problems.push(no_candidate(route, &offers)),
        Some(&best) => {
            if let Some(earlier) = smm::route_earlier(route, &sides, template, &offers, best)? {
                problems.push(super::duplicate_on_route(route, &earlier));
            }
        }
    }
    if !policy.allow_orders {
        problems.push(policy.orders_off());
    }
    let show = |d: Option<rust_decimal::Decimal>| d.map(crate::money::show);
    Ok(json!({
        "route": route.name,
        "pick": route.pick.name(),
        "profile": chosen.map(|o| o.profile.as_str()),
        "service": chosen.map(|o| o.service),
        "cost": chosen.and_then(|o| show(o.cost)),
        "currency": chosen.map(|o| o.currency.as_str()),
        "balance": chosen.and_then(|o| show(o.balance)),
        "balance_after": chosen.and_then(|o| show(o.balance.zip(o.cost).map(|(b, c)| b - c))),
        "candidates": candidates_json(&offers, &ranked, &[]),
        "can_place": problems.is_empty(),
        "problems": problems,
        "sent": false,
    }))
}

/// Why no candidate of a route can take the order, naming each one's reason.
fn no_candidate(route: &crate::route::Route, offers: &[crate::route::Offer]) -> String {
    format!(
        "route '{}': no candidate can take this order ({}); nothing was sent",
        route.name,
        smm::refusals(offers).join("; ")
    )
}

/// `place_order`: the checks, the caps, then the order book's guarded send.
fn place(policy: &Policy, a: OrderArgs) -> Result<Value, Refusal> {
    policy.orders_allowed()?;
    let config = smm::config(&policy.settings)?;
    let (order, target) = order_of(policy, &config, &a)?;
    let profile = match target {
        Target::Profile(profile) => profile,
        Target::Route(route) => return place_route(policy, &config, &order, &route),
    };
    let ctx = smm::context(&policy.settings, &config, &profile)?;
    let panel = ctx.panel();
    let (_, priced) = smm::checked(&ctx, &*panel, &order)?;
    if let Some(refusal) = policy.over_order_cap(priced.cost) {
        return Err(refusal);
    }
    let new = smm::new_order(&ctx, &order, priced.cost);
    // max_daily_spend is counted in the transaction that writes the order down.
    let (id, answer) = smm::place(&ctx, &*panel, &order, &new, policy.spend_limit())?
        .map_err(|held| policy.held(&held, &new))?;
    Ok(json!({
        "profile": profile,
        "order": id,
        "service": order.service,
        "cost": priced.cost.map(crate::money::show),
        "answer": answer,
    }))
}

/// `place_order` through a route: every candidate examined, those the caps rule out set aside,
/// then down the ranking through the book's guarded send (`max_daily_spend` counted in its
/// transaction at each try), moving on only after a definite refusal not about the link.
fn place_route(
    policy: &Policy,
    config: &crate::config::Config,
    template: &crate::order::Order,
    route: &crate::route::Route,
) -> Result<Value, Refusal> {
    use crate::route::{End, Tried};
    let (sides, mut offers) = smm::candidates(&policy.settings, config, route, template)?;
    policy.cap_offers(&mut offers)?;
    let ranked = smm::rank(route, &offers);
    if ranked.is_empty() {
        return Err(Refusal::new(no_candidate(route, &offers)));
    }
    let walk = smm::place_route(
        route,
        &sides,
        template,
        &offers,
        &ranked,
        policy.spend_limit(),
    )?;
    let name = &route.name;
    let tried: Vec<String> = walk
        .tried
        .iter()
        .map(|(i, t)| format!("{}:{} {}", offers[*i].profile, offers[*i].service, t.text()))
        .collect();
    let before = |line: String| match tried.is_empty() {
        true => line,
        false => format!("{line} (tried first: {})", tried.join("; ")),
    };
    match walk.end {
        End::Placed(i, ()) => {
            let o = &offers[i];
            let id = walk.tried.iter().find_map(|(_, t)| match t {
                Tried::Placed(id) => Some(id.clone()),
                _ => None,
            });
            Ok(json!({
                "route": name,
                "profile": o.profile,
                "service": o.service,
                "order": id,
                "cost": o.cost.map(crate::money::show),
                "currency": o.currency,
                "candidates": candidates_json(&offers, &ranked, &walk.tried),
            }))
        }
        End::Duplicate(earlier) => Err(Refusal::new(before(super::duplicate_on_route(
            route, &earlier,
        )))),
        End::OverLimit(over) => Err(Refusal::new(before(super::over_limit(&over)))),
        End::Stopped(i) => {
            let o = &offers[i];
            let why = match walk.tried.last().map(|t| &t.1) {
                Some(Tried::LinkRefused(words)) => format!(
                    "{}:{} refused it about the link: {words}; no other provider was asked",
                    o.profile, o.service
                ),
                Some(Tried::Unrecorded(_, words)) => format!(
                    "{}:{}: {words}; no other provider was asked",
                    o.profile, o.service
                ),
                Some(Tried::Unknown(words)) => format!(
                    "no clear answer from {}:{} ({words}); the order may or may not have been \
                     placed there, so no other provider was asked: check list_orders and the \
                     panel before ordering again",
                    o.profile, o.service
                ),
                _ => "stopped".into(),
            };
            Err(Refusal::new(format!(
                "route '{name}': {why} (tried: {})",
                tried.join("; ")
            )))
        }
        End::Exhausted => Err(Refusal::new(format!(
            "route '{name}': every candidate that could take it refused it ({}); nothing was placed",
            tried.join("; ")
        ))),
    }
}

/// The ids of `order_status` and `request_refill`: 1 to 100 of them.
fn ids(a: &IdsArgs) -> Result<&[u64], Refusal> {
    match a.ids.len() {
        0 => Err(Refusal::new(
            "ids is empty: give at least one order id; nothing was sent",
        )),
        n if n > MAX_IDS => Err(Refusal::new(format!(
            "{n} ids: at most {MAX_IDS} at once; nothing was sent"
        ))),
        _ => Ok(&a.ids),
    }
}

/// `order_status`: the panel's word on orders.
fn status(policy: &Policy, a: IdsArgs) -> Result<Value, Refusal> {
    let ids = ids(&a)?;
    let config = smm::config(&policy.settings)?;
    let profile = policy.one(&config, a.profile.as_deref())?;
    let ctx = smm::context(&policy.settings, &config, &profile)?;
    Ok(json!({ "profile": profile, "statuses": smm::status(&ctx, ids)? }))
}

/// `request_refill`: refills asked of the panel (when orders are allowed).
fn refill(policy: &Policy, a: IdsArgs) -> Result<Value, Refusal> {
    policy.orders_allowed()?;
    let ids = ids(&a)?;
    let config = smm::config(&policy.settings)?;
    let profile = policy.one(&config, a.profile.as_deref())?;
    let ctx = smm::context(&policy.settings, &config, &profile)?;
    Ok(json!({ "profile": profile, "refills": smm::refill(&ctx, ids)? }))
}

/// `list_orders`: the newest orders of the book the filters select, of visible profiles.
fn list(policy: &Policy, a: ListArgs) -> Result<Value, Refusal> {
    let limit = a.limit.unwrap_or(50).clamp(1, MAX_ORDERS);
    let since = match &a.since {
        Some(text) => Some(
            crate::time::parse_duration(text).map_err(|e| Refusal::new(format!("since: {e}")))?,
        ),
        None => None,
    };
    let config = smm::config(&policy.settings)?;
    if let Some(p) = &a.profile {
        policy.one(&config, Some(p))?;
    }
    let query = crate::book::Query {
        since: since.map(|s| crate::time::now().saturating_sub(s) as i64),
        profile: a.profile.clone(),
        url: None,
        status: a.status.clone(),
        outcome: None,
        route: None,
        limit: 0,
    };
    let orders = smm::orders(&query, limit, |e| policy.may_see(&e.profile))?;
    // Every item says its route: null for an order placed on a profile directly.
    let orders: Vec<Value> = orders
        .iter()
        .map(|e| {
            let mut item = serde_json::to_value(e).unwrap_or_default();
            if let Value::Object(map) = &mut item {
                map.entry("route").or_insert(Value::Null);
            }
            item
        })
        .collect();
    Ok(json!({ "orders": orders, "shown": orders.len() }))
}

/// `sync`: `smm sync` over one or every visible panel profile, with a note for each profile
/// whose due refills were held back (orders off).
fn sync(policy: &Policy, a: SyncArgs) -> Result<Value, Refusal> {
    let config = smm::config(&policy.settings)?;
    let profiles = policy.profiles(&config, a.profile.as_deref())?;
    let (mut document, held) = smm::sync(&policy.settings, &profiles, policy.allow_orders)?;
    let notes: Vec<Value> = held
        .iter()
        .filter(|(_, due)| *due > 0)
        .map(|(profile, due)| held_back(profile, *due).into())
        .collect();
    if let Value::Object(map) = &mut document {
        map.insert("notes".into(), notes.into());
    }
    Ok(document)
}

/// The note of `due` refills of `profile` held back while orders are off, and who sends them.
fn held_back(profile: &str, due: usize) -> String {
    let (refills, them) = match due {
        1 => ("refill is", "it"),
        _ => ("refills are", "them"),
    };
    format!(
        "profile '{profile}': {due} {refills} due and held back, not sent: orders are off for AI \
         assistants ([mcp] allow_orders); the operator's own `smm sync` (auto_refill) or \
         `smm refill --due` sends {them}"
    )
}

/// The JSON Schema of the `sync` tool's answer: `smm sync --json`'s document, with `notes`.
fn sync_output() -> Map<String, Value> {
    let objects =
        |what: &str| json!({"type": "array", "items": {"type": "object"}, "description": what});
    let text = |what: &str| json!({"type": ["string", "null"], "description": what});
    let profile = json!({
        "type": "object",
        "properties": {
            "profile": {"type": "string", "description": "The profile."},
            "balance": text("The balance (exact text), when it was read."),
            "currency": text("The balance's currency."),
            "orders_asked": {"type": "integer", "minimum": 0, "description": "How many unfinished orders were asked about."},
            "status_changes": objects("The order statuses that changed."),
            "catalogue_changes": objects("The catalogue changes since the last sync."),
            "refills_followed": objects("The unfinished refills asked about, each with its state before and now."),
            "refills_sent": objects("The due refills sent (auto_refill profiles, orders allowed)."),
            "refills_held": {"type": "integer", "minimum": 0, "description": "How many refills were due and held back unsent (auto_refill profiles while orders are off); the operator's `smm sync` or `smm refill --due` sends them."},
            "alerts": objects("Every alert of the profile standing, new when this sync raised it."),
            "resolved": objects("The profile's alerts that cleared in this sync."),
            "error": text("Why this panel could not be synced (whole or in part).")
        },
        "required": ["profile", "balance", "currency", "orders_asked", "status_changes",
            "catalogue_changes", "refills_followed", "refills_sent", "alerts", "resolved", "error"]
    });
    let schema = json!({
        "type": "object",
        "properties": {
            "profiles": {"type": "array", "items": profile, "description": "Each profile's report, in the config file's order."},
            "alerts": objects("Every alert standing (profiles', then routes'), new when this sync raised it."),
            "resolved": objects("Every alert that cleared in this sync."),
            "routes": objects("Each route whose candidates were all synced: its cheapest candidate now and at the last sync."),
            "notes": {"type": "array", "items": {"type": "string"}, "description": "What the assistant should know and tell: each profile whose due refills were held back, and who sends them."}
        },
        "required": ["profiles", "alerts", "resolved", "notes"]
    });
    match schema {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// An error as the one line smm prints (`smm: …`), made safe and cut.
pub fn line(e: &anyhow::Error) -> String {
    format!("smm: {}", crate::text::shorten(&format!("{e:#}"), 1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_arguments_are_the_order_fields_and_a_profile() {
        let schema = schema::<OrderArgs>();
        let mut names: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        names.sort_unstable();
        let mut expected: Vec<&str> = crate::order::FIELDS.iter().map(|f| f.name).collect();
        expected.extend(["profile", "route"]);
        expected.sort_unstable();
        assert_eq!(names, expected);
        let all: OrderArgs = serde_json::from_value(json!({
            "service": 1, "link": "l", "quantity": 2, "runs": 3, "interval": 4, "comments": "c",
            "usernames": "u", "hashtags": "h", "hashtag": "t", "username": "n", "keywords": "k",
            "media": "m", "groups": "g", "answer_number": 5, "min": 6, "max": 7, "posts": 8,
            "old_posts": 9, "delay": 10, "expiry": "1/1/2030", "country": "US", "device": 1,
            "type_of_traffic": 2, "google_keyword": "w", "referring_url": "r"
        }))
        .unwrap();
        let given: Vec<&str> = all.values().iter().map(|(n, _)| *n).collect();
        let fields: Vec<&str> = crate::order::FIELDS.iter().map(|f| f.name).collect();
        assert_eq!(given, fields, "every field, in the API's order");
    }
}
