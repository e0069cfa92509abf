//! `smm order add --route NAME` and `smm routes`: the route's candidates examined at once
//! (each profile's catalogue, with the cache rules, and its balance), ranked, and the order
//! placed through the book's guarded send as `crate::route` decides. This module only wires.

use super::candidates::{for_order, look, place, routed, typical};
use super::ctx::load_config;
use crate::book::{Book, Earlier};
use crate::cli::settings::{Settings, Source};
use crate::cli::{AddArgs, RoutesArgs};
use crate::exit::{Exit, usage};
use crate::order::{Naming, Order};
use crate::output::views;
use crate::route::{Candidate, End, Offer, Route, Shown, Tried};
use serde::Serialize;

/// One candidate in the `--json` document of `order add --route`.
#[derive(Serialize)]
struct Tries<'a> {
    /// The candidate as examined.
    #[serde(flatten)]
    offer: &'a Offer,
    /// Its place in the ranking (1 = first), when it could take the order.
    rank: Option<usize>,
    /// What became of it: placed, refused, unknown; null when it was not sent the order.
    result: Option<&'static str>,
    /// The panel's words, when it refused or the outcome is unknown.
    error: Option<String>,
}

/// The `--json` document of `order add --route`.
#[derive(Serialize)]
struct Routed<'a> {
    /// The route.
    route: &'a str,
    /// How it ranks.
    pick: &'static str,
    /// placed, refused (every candidate tried refused), stopped (a link refusal or an unknown
    /// outcome), none (no candidate can take it) or dry-run.
    result: &'static str,
    /// The candidate that took it (or would, in a dry run).
    profile: Option<&'a str>,
    /// Its service.
    service: Option<u64>,
    /// The panel's order id.
    order: Option<String>,
    /// What it costs (exact text).
    cost: Option<String>,
    /// The account's currency.
    currency: Option<&'a str>,
    /// Every candidate, in the route's order.
    candidates: Vec<Tries<'a>>,
}

/// `smm order add --route NAME`: the order built from the flags (bad input never reaches the
/// config), the route checked, every candidate examined at once, then placed with the best
/// (or, with --dry-run, the ranking shown).
pub fn add(settings: &Settings, args: &AddArgs, name: &str) -> anyhow::Result<Exit> {
    if settings.profile_source == Source::Flag {
        return Err(usage(
            "--route picks among the route's profiles itself: leave out -p (or use --service with -p)",
        ));
    }
    let mut values = args.fields.read().map_err(usage)?;
    // Each candidate's service replaces this one.
    values.push(("service", "1".into()));
    let template = Order::from_values(values, Naming::Flag)
        .map_err(|e| usage(format!("{e} (see `smm order add --help`)")))?;
    let config = load_config(settings)?;
    let route = config.route(name)?;
    // A book that cannot be opened stops the order before any request (a dry run asks its
    // duplicate guard too).
    let book = Book::open()?;
    let (sides, offers) = for_order(settings, &config, &route, &template)?;
    let ranked = crate::route::rank(&offers, route.pick);
    let out = sides
        .values()
        .next()
        .map(|s| s.ctx.out)
        .unwrap_or(crate::output::Output::new(settings.format));
    let mut doc = Routed {
        route: &route.name,
        pick: route.pick.name(),
        result: "none",
        profile: None,
        service: None,
        order: None,
        cost: None,
        currency: None,
        candidates: offers
            .iter()
            .enumerate()
            .map(|(i, offer)| Tries {
                offer,
                rank: ranked.iter().position(|r| *r == i).map(|r| r + 1),
                result: None,
                error: None,
            })
            .collect(),
    };
    let Some(&best) = ranked.first() else {
        crate::msg::error(&format!(
            "route '{name}': no candidate can take this order; nothing was sent:"
        ));
        for line in crate::route::refusals(&offers) {
            crate::msg::error(&format!("  {line}"));
        }
        if out.json() {
            out.json_line(&doc)?;
        }
        return Ok(Exit::Failed);
    };
    if args.dry_run {
        let chosen = &offers[best];
        // The guard's lookup, read-only: the dry run answers as the real order would.
        let c = &route.candidates[best];
        let (_, probe) = routed(&route, &sides, &template, c, chosen.cost);
        let window = sides[&c.profile].ctx.profile.duplicate_window;
        if let (false, Some(earlier)) = (args.force, book.earlier(&probe, window)?) {
            return Err(duplicate(&route, &earlier));
        }
        doc.result = "dry-run";
        (doc.profile, doc.service) = (Some(chosen.profile.as_str()), Some(chosen.service));
        doc.cost = chosen.cost.map(crate::money::show);
        doc.currency = Some(chosen.currency.as_str());
        out.report(&doc, &views::route_plan(&offers, &ranked))?;
        crate::msg::note(&format!(
            "dry run — route '{name}' would place it on {}:{}; no order was placed",
            chosen.profile, chosen.service
        ));
        return Ok(Exit::Success);
    }
    let walk = place(
        &route,
        &sides,
        &template,
        &offers,
        &ranked,
        Some(&book),
        args.force,
        None,
    )?;
    let mut results: Vec<Option<Tried>> = vec![None; offers.len()];
    for (i, tried) in &walk.tried {
        results[*i] = Some(tried.clone());
        let (result, error) = match tried {
            Tried::Placed(id) => {
                doc.order = Some(id.clone());
                ("placed", None)
            }
            Tried::Refused(why) | Tried::LinkRefused(why) => ("refused", Some(why.clone())),
            Tried::Unknown(why) => ("unknown", Some(why.clone())),
            Tried::Unrecorded(id, why) => {
                doc.order = Some(id.clone());
                ("placed", Some(why.clone()))
            }
        };
        doc.candidates[*i].result = Some(result);
        doc.candidates[*i].error = error;
    }
    let table = views::route_walk(&offers, &results);
    match walk.end {
        End::Duplicate(earlier) => {
            if !walk.tried.is_empty() {
                out.table(&table)?;
            }
            Err(duplicate(&route, &earlier))
        }
        End::Placed(i, ()) => {
            let o = &offers[i];
            doc.result = "placed";
            (doc.profile, doc.service) = (Some(o.profile.as_str()), Some(o.service));
            doc.cost = o.cost.map(crate::money::show);
            doc.currency = Some(o.currency.as_str());
            out.report(&doc, &table)?;
            crate::msg::note(&format!(
                "route '{name}': placed on {}:{} as order {}{}",
                o.profile,
                o.service,
                doc.order.as_deref().unwrap_or("?"),
                o.cost
                    .map(|c| format!(", cost {} {}", crate::money::show(c), o.currency))
                    .unwrap_or_default()
            ));
            Ok(Exit::Success)
        }
        End::Stopped(i) => {
            doc.result = "stopped";
            out.report(&doc, &table)?;
            let o = &offers[i];
            let why = match &walk.tried.last().map(|t| &t.1) {
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
                     placed there, so no other provider was asked: check its order list (`smm \
                     orders --outcome unknown`) before ordering again",
                    o.profile, o.service
                ),
                _ => "stopped".into(),
            };
            crate::msg::error(&format!("route '{name}': {why}"));
            Ok(Exit::Failed)
        }
        End::OverLimit(_) => unreachable!("no spend limit was given"),
        End::Exhausted => {
            doc.result = "refused";
            out.report(&doc, &table)?;
            crate::msg::error(&format!(
                "route '{name}': every candidate that could take it refused it (above); nothing was placed"
            ));
            Ok(Exit::Failed)
        }
    }
}

/// The refusal of an order the book holds already, through the route or directly on one of
/// its candidates (exit 2).
fn duplicate(route: &Route, earlier: &Earlier) -> anyhow::Error {
    let e = &earlier.entry;
    let what = match (e.outcome, &e.order) {
        (crate::book::Outcome::Placed, Some(id)) => format!("order {id}"),
        _ => "an order whose outcome is unknown".to_string(),
    };
    let how = match &e.route {
        Some(r) => format!("through route '{r}'"),
        None => "directly".to_string(),
    };
    let ago = (crate::time::now() as i64 - e.created).max(0) as u64;
    usage(format!(
        "refusing a duplicate: {what} with the same link, quantity and other fields was placed {how} on \
         {}:{} (a candidate of route '{}') {} ago (order book entry {}, see `smm orders`); pass --force to order it again",
        e.profile,
        e.service,
        route.name,
        crate::time::ago(ago),
        e.id
    ))
}

/// `smm routes [NAME]`: every route (or one), each candidate against a typical order now.
pub fn list(settings: &Settings, args: &RoutesArgs) -> anyhow::Result<Exit> {
    let config = load_config(settings)?;
    let routes = match &args.name {
        Some(name) => vec![config.route(name)?],
        None => config.routes()?,
    };
    if routes.is_empty() {
        return Err(usage(format!(
            "{} has no routes: add a [routes.NAME] table with candidates = [\"profile:service\", …]",
            config.path.display()
        )));
    }
    let all: Vec<&Candidate> = routes.iter().flat_map(|r| &r.candidates).collect();
    let sides = look(settings, &config, &all)?;
    let shown: Vec<Shown> = routes
        .iter()
        .map(|r| Shown {
            route: r.name.clone(),
            pick: r.pick.name(),
            sell: r.sell.map(crate::money::show),
            max_rate: r.max_rate.map(crate::money::show),
            candidates: typical(r, &sides),
        })
        .collect();
    let out = crate::output::Output::new(settings.format);
    out.report(&shown, &views::routes(&shown))?;
    Ok(Exit::Success)
}
