//! `smm order add --file` with a `route` column: every line checked against its route's
//! candidates first (each candidate panel looked at once for the whole file), the choices
//! shown, confirmed, then each line placed through its route as `crate::route` decides.

use super::bulk::{How, confirm_on};
use super::candidates::{look, offers, place};
use crate::bulk::Line;
use crate::cli::settings::Settings;
use crate::exit::{Exit, usage};
use crate::output::views;
use crate::route::{End, Route, RoutedLine, Tried};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::Path;

/// Checks every line against its route, confirms, then places them one by one.
pub fn place_all(
    settings: &Settings,
    source: &Path,
    lines: Vec<Line>,
    how: How,
) -> anyhow::Result<Exit> {
    if let Some(l) = lines.iter().find(|l| l.route.is_none()) {
        return Err(usage(format!("line {}: no route", l.line)));
    }
    let config = super::ctx::load_config(settings)?;
    let mut routes: BTreeMap<String, Route> = BTreeMap::new();
    for l in &lines {
        let name = l.route.clone().unwrap_or_default();
        if let std::collections::btree_map::Entry::Vacant(slot) = routes.entry(name) {
            let route = config
                .route(slot.key())
                .map_err(|e| usage(format!("{}: line {}: {e:#}", source.display(), l.line)))?;
            slot.insert(route);
        }
    }
    let book = match how.dry_run {
        true => None,
        false => Some(crate::book::Book::open()?),
    };
    let all: Vec<&crate::route::Candidate> = routes.values().flat_map(|r| &r.candidates).collect();
    let sides = look(settings, &config, &all)?;
    // Each line's choice, with what earlier lines would spend on each profile taken off.
    let mut spent: BTreeMap<String, Decimal> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    let mut total = Decimal::ZERO;
    for l in &lines {
        let route = &routes[l.route.as_deref().unwrap_or_default()];
        for c in &route.candidates {
            sides[&c.profile]
                .ctx
                .panel()
                .check_order(&crate::route::order_for(&l.order, c))?;
        }
        let offers = offers(route, &sides, &l.order, &spent);
        if let Some(o) = offers.iter().find(|o| o.missing) {
            problems.push(format!(
                "line {}: route '{}': service {} is not in the catalogue of profile '{}'",
                l.line, route.name, o.service, o.profile
            ));
            continue;
        }
        let ranked = crate::route::rank(&offers, route.pick);
        let Some(&best) = ranked.first() else {
            problems.push(format!(
                "line {}: route '{}': no candidate can take it: {}",
                l.line,
                route.name,
                crate::route::refusals(&offers).join("; ")
            ));
            continue;
        };
        let o = &offers[best];
        if let Some(cost) = o.cost {
            *spent.entry(o.profile.clone()).or_default() += cost;
            total += cost;
        }
        rows.push(RoutedLine {
            line: l.line,
            route: route.name.clone(),
            link: l
                .order
                .get("link")
                .or(l.order.get("username"))
                .map(str::to_string),
            quantity: l.order.get("quantity").map(str::to_string),
            provider: Some(format!("{}:{}", o.profile, o.service)),
            cost: o.cost.map(crate::money::show),
            result: "planned",
            order: None,
            detail: None,
        });
    }
    if !problems.is_empty() {
        for p in &problems {
            crate::msg::error(&format!("{}: {p}", source.display()));
        }
        return Err(usage(format!(
            "{} line(s) cannot be ordered (above); nothing was sent",
            problems.len()
        )));
    }
    let out = crate::output::Output::new(settings.format);
    if how.dry_run {
        out.report(&rows, &views::routed_lines(&rows))?;
        crate::msg::note("dry run — no order was placed");
        return Ok(Exit::Success);
    }
    if !how.yes {
        confirm_on(
            &format!(
                "their routes ({})",
                routes.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
            rows.len(),
            &crate::money::show(total),
            how,
        )?;
    }
    let mut spent: BTreeMap<String, Decimal> = BTreeMap::new();
    let mut failed = 0;
    // One by one, never in parallel: a failed add must not race the next.
    for (l, row) in lines.iter().zip(rows.iter_mut()) {
        let route = &routes[&row.route];
        let offers = offers(route, &sides, &l.order, &spent);
        let ranked = crate::route::rank(&offers, route.pick);
        let walk = place(
            route,
            &sides,
            &l.order,
            &offers,
            &ranked,
            book.as_ref(),
            how.force,
        )?;
        let tried: Vec<String> = walk
            .tried
            .iter()
            .map(|(i, t)| format!("{}:{} {}", offers[*i].profile, offers[*i].service, t.text()))
            .collect();
        row.detail = (!tried.is_empty()).then(|| tried.join("; "));
        (row.provider, row.cost) = (None, None);
        match walk.end {
            End::Placed(i, ()) => {
                let o = &offers[i];
                if let Some(cost) = o.cost {
                    *spent.entry(o.profile.clone()).or_default() += cost;
                }
                row.result = "placed";
                row.provider = Some(format!("{}:{}", o.profile, o.service));
                row.cost = o.cost.map(crate::money::show);
                row.order = walk.tried.iter().find_map(|(_, t)| match t {
                    Tried::Placed(id) => Some(id.clone()),
                    _ => None,
                });
                row.detail = None;
            }
            End::Duplicate(earlier) => {
                failed += 1;
                row.result = "duplicate";
                row.detail = Some(format!(
                    "the order book holds the same order (entry {}): --force orders it again",
                    earlier.entry.id
                ));
            }
            End::Stopped(_) => {
                failed += 1;
                row.result = "stopped";
            }
            End::Exhausted => {
                failed += 1;
                row.result = "refused";
            }
        }
    }
    out.report(&rows, &views::routed_lines(&rows))?;
    crate::msg::note(&format!(
        "{} placed{}",
        rows.len() - failed,
        match failed {
            0 => String::new(),
            n => format!(", {n} not placed (see `smm orders --route NAME`)"),
        }
    ));
    Ok(Exit::from_items(failed > 0))
}
