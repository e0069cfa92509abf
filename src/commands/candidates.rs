//! What a route's candidates are worth now, for `order add --route`, `smm routes` and
//! `smm sync`: each candidate profile's context, catalogue (cache rules as usual) and balance,
//! every profile at once.

use super::Ctx;
use crate::cli::settings::Settings;
use crate::config::Config;
use crate::order::{Naming, Order};
use crate::panel::{Account, Service};
use crate::route::{Candidate, Found, Route, Typical};
use std::collections::BTreeMap;

/// What smm learned of one profile's panel: its context, catalogue and account.
pub struct Side {
    /// The profile's context (to send through).
    pub ctx: Ctx,
    /// The catalogue, or why it could not be read.
    pub catalogue: Result<Vec<Service>, String>,
    /// The account, or why it could not be read.
    pub account: Result<Account, String>,
}

impl Side {
    /// What `route::examine` needs of it.
    pub fn found(&self) -> Found<'_> {
        Found {
            catalogue: self.catalogue.as_deref().map_err(Clone::clone),
            account: self.account.as_ref().map_err(Clone::clone),
        }
    }
}

/// Each profile `candidates` name, its context built (a profile that cannot be resolved is an
/// error, exit 2, before any request), then its catalogue (cache rules as usual) and its
/// balance, every profile at once and each balance beside its catalogue.
pub fn look(
    settings: &Settings,
    config: &Config,
    candidates: &[&Candidate],
) -> anyhow::Result<BTreeMap<String, Side>> {
    let mut ctxs = Vec::new();
    for c in candidates {
        if !ctxs.iter().any(|(name, _)| name == &c.profile) {
            let ctx = Ctx::build(settings, config.profile(Some(&c.profile))?, true)?;
            ctxs.push((c.profile.clone(), ctx));
        }
    }
    let sides = std::thread::scope(|scope| {
        let running: Vec<_> = ctxs
            .into_iter()
            .map(|(name, ctx)| {
                // The services this profile's candidates name: only those are decoded.
                let ids: Vec<String> = candidates
                    .iter()
                    .filter(|c| c.profile == name)
                    .map(|c| c.service.to_string())
                    .collect();
                scope.spawn(move || {
                    let (catalogue, account) = {
                        let panel = ctx.panel();
                        let panel = &*panel;
                        std::thread::scope(|inner| {
                            let balance = inner.spawn(move || panel.balance());
                            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                            let catalogue = ctx.services_among(&ids);
                            let account = balance
                                .join()
                                .unwrap_or_else(|_| Err(anyhow::anyhow!("internal error")));
                            (catalogue, account.map(|a| a.value))
                        })
                    };
                    let text = |e: anyhow::Error| crate::text::shorten(&format!("{e:#}"), 200);
                    let side = Side {
                        ctx,
                        catalogue: catalogue.map_err(text),
                        account: account.map_err(text),
                    };
                    (name, side)
                })
            })
            .collect();
        running
            .into_iter()
            .map(|h| h.join().map_err(|_| anyhow::anyhow!("internal error")))
            .collect::<anyhow::Result<BTreeMap<_, _>>>()
    })?;
    Ok(sides)
}

/// The candidates of `route` for one order built from `template`: each profile looked at
/// (`look`), the order checked by each candidate's panel, and each candidate examined. A
/// candidate whose service is missing from a catalogue that could be read is a usage error
/// (exit 2): the route is wrong, nothing was sent.
pub fn for_order(
    settings: &Settings,
    config: &Config,
    route: &Route,
    template: &Order,
) -> anyhow::Result<(BTreeMap<String, Side>, Vec<crate::route::Offer>)> {
    let all: Vec<&Candidate> = route.candidates.iter().collect();
    let sides = look(settings, config, &all)?;
    for c in &route.candidates {
        let order = crate::route::order_for(template, c);
        sides[&c.profile].ctx.panel().check_order(&order)?;
    }
    let offers = offers(route, &sides, template, &Default::default());
    if let Some(o) = offers.iter().find(|o| o.missing) {
        return Err(crate::exit::usage(format!(
            "route '{}': service {} is not in the catalogue of profile '{}': fix the route's \
             candidates (see `smm services -p {}`); nothing was sent",
            route.name, o.service, o.profile, o.profile
        )));
    }
    Ok((sides, offers))
}

/// Every candidate of `route` against a typical order (1000, or the nearest quantity its
/// service takes).
pub fn typical(route: &Route, sides: &BTreeMap<String, Side>) -> Vec<Typical> {
    route
        .candidates
        .iter()
        .map(|c| {
            let side = &sides[&c.profile];
            let service = side
                .catalogue
                .as_ref()
                .ok()
                .and_then(|s| s.iter().find(|s| s.id == c.service.to_string()));
            let quantity = crate::route::typical(service);
            let order = Order::from_values(
                [
                    ("service", c.service.to_string()),
                    ("link", "https://example.com/typical".to_string()),
                    ("quantity", quantity.to_string()),
                ],
                Naming::Flag,
            )
            .expect("a typical order is valid");
            let offer = crate::route::examine(c, &side.found(), &order, route.max_rate);
            let (margin, margin_percent) = match (route.sell, offer.rate) {
                (Some(sell), Some(rate)) => {
                    let (m, p) = crate::route::margin(sell, rate);
                    (Some(crate::money::show(m)), p.map(|p| format!("{p:.1}")))
                }
                _ => (None, None),
            };
            Typical {
                offer,
                quantity,
                margin,
                margin_percent,
            }
        })
        .collect()
}

/// Places `template` through `route`: down the ranking of `offers`, each try through the
/// book's guarded send (the guard spanning every candidate of the route, and `limit` counted
/// in its transaction), as `route::walk` decides.
#[allow(clippy::too_many_arguments)]
pub fn place(
    route: &Route,
    sides: &BTreeMap<String, Side>,
    template: &Order,
    offers: &[crate::route::Offer],
    ranked: &[usize],
    book: Option<&crate::book::Book>,
    force: bool,
    limit: Option<crate::book::SpendLimit>,
) -> anyhow::Result<crate::route::Walk<()>> {
    crate::route::walk(ranked, offers, |i| {
        let c = &route.candidates[i];
        let ctx = &sides[&c.profile].ctx;
        let (order, new) = routed(route, sides, template, c, offers[i].cost);
        let panel = ctx.panel();
        let window = ctx.profile.duplicate_window;
        crate::book::send_within(book, &new, window, force, limit, || {
            let answer = panel.add(&order)?;
            Ok((answer.value.order.clone(), ()))
        })
    })
}

/// `template` as it goes to `route`'s candidate `c` at `cost`, and what the book records of
/// it: the cost's currency, the route's name, and the duplicate guard spanning every
/// candidate of the route.
pub fn routed(
    route: &Route,
    sides: &BTreeMap<String, Side>,
    template: &Order,
    c: &Candidate,
    cost: Option<rust_decimal::Decimal>,
) -> (Order, crate::book::NewOrder) {
    let order = crate::route::order_for(template, c);
    let side = &sides[&c.profile];
    let mut new = side.ctx.new_order(&order, cost);
    // The cost is in the account's currency (the balance asked for the ranking).
    new.currency = cost
        .and(side.account.as_ref().ok().and_then(|a| a.currency()))
        .map(str::to_string);
    new.route = Some(route.name.clone());
    new.also = route
        .candidates
        .iter()
        .map(|c| (c.profile.clone(), c.service))
        .collect();
    (order, new)
}

/// The offers of every candidate of `route` for `template` (its service replaced by each
/// candidate's); `spent` is what this run already placed on each profile (a bulk file), taken
/// off its balance.
pub fn offers(
    route: &Route,
    sides: &BTreeMap<String, Side>,
    template: &Order,
    spent: &BTreeMap<String, rust_decimal::Decimal>,
) -> Vec<crate::route::Offer> {
    route
        .candidates
        .iter()
        .map(|c| {
            let order = crate::route::order_for(template, c);
            let side = &sides[&c.profile];
            let account = match (&side.account, spent.get(&c.profile)) {
                (Ok(Account::Money(b)), Some(spent)) => Ok(Account::Money(crate::panel::Balance {
                    amount: b.amount - spent,
                    currency: b.currency.clone(),
                })),
                (other, _) => other.clone(),
            };
            let found = Found {
                catalogue: side.catalogue.as_deref().map_err(Clone::clone),
                account: account.as_ref().map_err(Clone::clone),
            };
            crate::route::examine(c, &found, &order, route.max_rate)
        })
        .collect()
}
