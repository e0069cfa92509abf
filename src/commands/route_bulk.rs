//! `smm order add --file` with a `route` column: every line checked against its route's
//! candidates first (each candidate panel looked at once for the whole file; every problem of
//! the file reported in one run), the same summary, confirmation and line report as a direct
//! bulk file, then each line placed through its route as `crate::route` decides.

use super::bulk::{Done, How, confirm_on, found, outcome, refuse};
use super::candidates::{Side, look, offers, place, routed};
use crate::bulk::{Line, LineReport, Problem, Report};
use crate::cli::settings::{Settings, Source};
use crate::exit::{Exit, usage};
use crate::output::views;
use crate::route::{End, Offer, Route, Tried};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A line's route and fields, to find repeats.
type Seen<'a> = (&'a str, &'a [(&'static str, String)]);

/// One line that passed the checks: its order, its route, the candidate it would go to now
/// (index into `offers`), and what the book already holds of it.
struct Planned<'a> {
    /// The line.
    line: &'a Line,
    /// Its route.
    route: &'a Route,
    /// Every candidate examined for it at check time.
    offers: Vec<Offer>,
    /// The best of them.
    best: usize,
    /// What the book holds of it already (skipped or held), or None: to place.
    already: Option<Done>,
    /// Where the book's earlier order went, when it holds one.
    earlier_on: Option<Offer>,
}

/// Checks every line against its route, shows the summary, confirms, then places the lines one
/// by one (never in parallel: a failed add must not race the next).
pub fn place_all(
    settings: &Settings,
    source: &Path,
    lines: Vec<Line>,
    mut problems: Vec<Problem>,
    how: How,
) -> anyhow::Result<Exit> {
    if settings.profile_source == Source::Flag {
        return Err(usage(
            "a bulk file with a route column picks among each route's profiles itself: leave out -p",
        ));
    }
    let config = super::ctx::load_config(settings)?;
    let mut routes: BTreeMap<&str, Route> = BTreeMap::new();
    for l in &lines {
        let name = l.route.as_deref().unwrap_or_default();
        if routes.contains_key(name) || problems.iter().any(|(n, _)| *n == l.line) {
            continue;
        }
        match config.route(name) {
            Ok(route) => {
                routes.insert(name, route);
            }
            Err(e) => problems.push((l.line, format!("line {}: {e:#}", l.line))),
        }
    }
    // A book that cannot be opened stops the run before any request.
    let book = crate::book::Book::open()?;
    let all: Vec<&crate::route::Candidate> = routes.values().flat_map(|r| &r.candidates).collect();
    let sides = match look(settings, &config, &all) {
        Ok(sides) => sides,
        Err(e) if !problems.is_empty() => {
            // The file's own problems are worth fixing meanwhile.
            refuse(source, problems);
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    // Each line's choice, with what earlier lines would spend on each profile taken off.
    let mut spent: BTreeMap<String, Decimal> = BTreeMap::new();
    let mut totals: BTreeMap<String, Decimal> = BTreeMap::new();
    let mut unpriced = 0;
    let mut planned: Vec<Planned> = Vec::new();
    // The line each distinct order (route and fields) was first seen on.
    let mut first_seen: HashMap<Seen, usize> = HashMap::new();
    for l in &lines {
        let Some(route) = l.route.as_deref().and_then(|name| routes.get(name)) else {
            continue;
        };
        let n = l.line;
        if !how.force {
            let key = (route.name.as_str(), l.order.fields.as_slice());
            if let Some(earlier) = first_seen.get(&key) {
                problems.push((
                    n,
                    format!(
                        "line {n}: the same order as line {earlier} (pass --force to place both)"
                    ),
                ));
                continue;
            }
            first_seen.insert(key, n);
        }
        let refused = route.candidates.iter().find_map(|c| {
            let order = crate::route::order_for(&l.order, c);
            sides[&c.profile].ctx.panel().check_order(&order).err()
        });
        if let Some(e) = refused {
            problems.push((n, format!("line {n}: {e:#}")));
            continue;
        }
        let offers = offers(route, &sides, &l.order, &spent);
        if let Some(o) = offers.iter().find(|o| o.missing) {
            problems.push((
                n,
                format!(
                    "line {n}: route '{}': service {} is not in the catalogue of profile '{}'",
                    route.name, o.service, o.profile
                ),
            ));
            continue;
        }
        // The book first: a line placed before (a re-run after a crash) is skipped even when
        // no candidate could take it now. The guard spans every candidate, so one lookup does.
        let ranked = crate::route::rank(&offers, route.pick);
        let best = ranked.first().copied();
        let already = match how.force {
            true => None,
            false => {
                let c = &route.candidates[best.unwrap_or(0)];
                let (_, probe) = routed(route, &sides, &l.order, c, None);
                let window = sides[&c.profile].ctx.profile.duplicate_window;
                book.earlier(&probe, window)?
            }
        };
        // The book's order went to its own provider, not necessarily the best now.
        let earlier_on = already.as_ref().and_then(|e| {
            offers
                .iter()
                .find(|o| o.profile == e.entry.profile && o.service == e.entry.service)
                .cloned()
        });
        let already = already.map(found);
        let best = match (best, &already) {
            (Some(best), _) => best,
            (None, Some(_)) => 0,
            (None, None) => {
                problems.push((
                    n,
                    format!(
                        "line {n}: route '{}': no candidate can take it: {}",
                        route.name,
                        crate::route::refusals(&offers).join("; ")
                    ),
                ));
                continue;
            }
        };
        if already.is_none() {
            let o = &offers[best];
            match o.cost {
                Some(cost) => {
                    *spent.entry(o.profile.clone()).or_default() += cost;
                    *totals.entry(o.currency.clone()).or_default() += cost;
                }
                None => unpriced += 1,
            }
        }
        planned.push(Planned {
            line: l,
            route,
            offers,
            best,
            already,
            earlier_on,
        });
    }
    if !problems.is_empty() {
        return Err(refuse(source, problems));
    }
    let to_send = planned.iter().filter(|p| p.already.is_none()).count();
    let held = planned
        .iter()
        .filter(|p| matches!(p.already, Some(Done::Held(_))))
        .count();
    // With nothing to send, the total is in the candidates' currency, when they share one.
    let currencies: std::collections::BTreeSet<&str> = sides
        .values()
        .filter_map(|side| match &side.account {
            Ok(crate::panel::Account::Money(b)) => Some(b.currency.as_str()),
            _ => None,
        })
        .collect();
    if let (true, [one]) = (totals.is_empty(), Vec::from_iter(currencies).as_slice()) {
        totals.insert(one.to_string(), Decimal::ZERO);
    }
    let (total_cost, currency) = total(&totals);
    let mut report = Report {
        dry_run: how.dry_run,
        orders: to_send,
        skipped: planned.len() - to_send - held,
        held,
        total_cost: total_cost.clone(),
        unpriced,
        currency: currency.clone(),
        // Each line was checked against its candidate's balance (less what earlier lines
        // spend there): there is no one balance to show.
        balance: None,
        placed: 0,
        failed: 0,
        lines: Vec::new(),
    };
    let out = crate::output::Output::new(settings.format);
    if !out.json() {
        out.table(&views::bulk_summary(&report))?;
    }
    if how.dry_run {
        for p in &planned {
            let (result, order, why) = match &p.already {
                None => ("to place", None, None),
                Some(done) => outcome(done),
            };
            let o = p.earlier_on.as_ref().unwrap_or(&p.offers[p.best]);
            report
                .lines
                .push(line_report(p, o, o.cost, result, order, why));
        }
        out.line("")?;
        out.report(&report, &views::bulk_lines(&report))?;
        crate::msg::note("dry run — no order was placed");
        return Ok(Exit::Success);
    }
    if !how.yes && to_send > 0 {
        let names: Vec<String> = routes.keys().map(|r| format!("'{r}'")).collect();
        let where_ = match names.len() {
            1 => format!("route {}", names[0]),
            _ => format!("routes {}", names.join(", ")),
        };
        let total = match currency.is_empty() {
            true => total_cost,
            false => format!("{total_cost} {currency}"),
        };
        confirm_on(&where_, to_send, &total, how)?;
    }
    let bar = out.progress("orders");
    crate::panel::Progress::start(&bar, to_send as u64);
    let mut spent: BTreeMap<String, Decimal> = BTreeMap::new();
    for p in &planned {
        let (done, offer, cost) = match &p.already {
            Some(done) => {
                let o = p.earlier_on.clone().unwrap_or(p.offers[p.best].clone());
                let cost = o.cost;
                (done.clone(), o, cost)
            }
            None => {
                let sent = send(p, &sides, &book, &mut spent, how.force);
                crate::panel::Progress::step(&bar);
                sent
            }
        };
        match &done {
            Done::Placed(_) => report.placed += 1,
            Done::Failed(_) => report.failed += 1,
            Done::Held(_) | Done::Skipped(_) => {}
        }
        let (result, order, why) = outcome(&done);
        report
            .lines
            .push(line_report(p, &offer, cost, result, order, why));
    }
    crate::panel::Progress::finish(&bar);
    // Counted again from what happened: another run may have placed a line since the check.
    report.skipped = report
        .lines
        .iter()
        .filter(|l| l.result == "skipped")
        .count();
    report.held = report.lines.iter().filter(|l| l.result == "held").count();
    out.line("")?;
    out.report(&report, &views::bulk_lines(&report))?;
    crate::msg::note(&report.summary("`smm orders --route NAME`"));
    Ok(Exit::from_items(report.failed + report.held > 0))
}

/// The total cost of the lines to send: the amount and its currency, or — when the chosen
/// candidates' accounts are in several currencies — each currency's amount in one text and no
/// single currency.
fn total(totals: &BTreeMap<String, Decimal>) -> (String, String) {
    match totals.len() {
        0 => ("0.00".to_string(), String::new()),
        1 => {
            let (currency, amount) = totals.iter().next().expect("one total");
            (crate::money::show(*amount), currency.clone())
        }
        _ => {
            let each: Vec<String> = totals
                .iter()
                .map(|(c, a)| format!("{} {c}", crate::money::show(*a)))
                .collect();
            (each.join(" + "), String::new())
        }
    }
}

/// Places one planned line through its route, ranked again against what this run has spent
/// so far: what became of it, the candidate that took it (or was tried last, or would have
/// been), and its cost.
fn send(
    p: &Planned,
    sides: &BTreeMap<String, Side>,
    book: &crate::book::Book,
    spent: &mut BTreeMap<String, Decimal>,
    force: bool,
) -> (Done, Offer, Option<Decimal>) {
    let failed = |why: String| Done::Failed(crate::text::shorten(&why, 160));
    let offers = offers(p.route, sides, &p.line.order, spent);
    let ranked = crate::route::rank(&offers, p.route.pick);
    let Some(&best) = ranked.first() else {
        let why = format!(
            "no candidate can take it now: {}",
            crate::route::refusals(&offers).join("; ")
        );
        return (failed(why), p.offers[p.best].clone(), None);
    };
    let walk = match place(
        p.route,
        sides,
        &p.line.order,
        &offers,
        &ranked,
        Some(book),
        force,
        None,
    ) {
        Ok(walk) => walk,
        Err(e) => return (failed(format!("{e:#}")), offers[best].clone(), None),
    };
    let tried: Vec<String> = walk
        .tried
        .iter()
        .map(|(i, t)| format!("{}:{} {}", offers[*i].profile, offers[*i].service, t.text()))
        .collect();
    let last = walk.tried.last().map_or(best, |(i, _)| *i);
    match walk.end {
        End::Placed(i, ()) => {
            let o = &offers[i];
            if let Some(cost) = o.cost {
                *spent.entry(o.profile.clone()).or_default() += cost;
            }
            let id = walk.tried.iter().find_map(|(_, t)| match t {
                Tried::Placed(id) | Tried::Unrecorded(id, _) => Some(id.clone()),
                _ => None,
            });
            (Done::Placed(id.unwrap_or_default()), o.clone(), o.cost)
        }
        End::Duplicate(earlier) => {
            // The book holds it (through the route or directly): its provider, not ours.
            let e = &earlier.entry;
            let mut o = offers[last].clone();
            (o.profile, o.service) = (e.profile.clone(), e.service);
            (found(*earlier), o, None)
        }
        End::Stopped(i) => (failed(tried.join("; ")), offers[i].clone(), offers[i].cost),
        End::OverLimit(_) => unreachable!("no spend limit was given"),
        End::Exhausted => (
            failed(format!("every candidate refused it: {}", tried.join("; "))),
            offers[last].clone(),
            None,
        ),
    }
}

/// One line of the report: through `o` (`profile:service`), at `cost`.
fn line_report(
    p: &Planned,
    o: &Offer,
    cost: Option<Decimal>,
    result: &'static str,
    order: Option<String>,
    error: Option<String>,
) -> LineReport {
    let l = p.line;
    LineReport {
        line: l.line,
        route: Some(p.route.name.clone()),
        profile: Some(o.profile.clone()),
        service: o.service,
        quantity: l.order.number("quantity"),
        link: l
            .order
            .get("link")
            .or(l.order.get("username"))
            .map(str::to_string),
        cost: cost.map(crate::money::show),
        result,
        order,
        error,
    }
}
