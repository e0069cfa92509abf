//! `smm orders [--since D] [--check]`: the local order journal, and the panels' word on it.

use super::Ctx;
use crate::cli::OrdersArgs;
use crate::exit::Exit;
use crate::journal::{self, Entry, Journal, Line, Seen};
use crate::output::{Cell, Output, Table};
use crate::settings::Settings;
use crate::time::utc_date;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// One journal entry as `smm orders --json` prints it.
#[derive(Serialize)]
struct Shown<'a> {
    /// The journal entry id.
    id: &'a str,
    /// Unix seconds of the intent.
    time: u64,
    /// The profile ordered through.
    profile: &'a str,
    /// The panel's endpoint.
    url: &'a str,
    /// The service id.
    service: u64,
    /// The link.
    link: Option<&'a str>,
    /// The quantity.
    quantity: Option<u64>,
    /// Every other field sent.
    fields: &'a BTreeMap<String, String>,
    /// The cost estimate.
    cost: Option<&'a str>,
    /// `order`, `error` or `unknown` (null: no outcome recorded).
    result: Option<journal::Result>,
    /// The panel's order id.
    order: Option<&'a str>,
    /// The error, when there was one.
    error: Option<&'a str>,
    /// The last status seen.
    status: Option<&'a str>,
    /// Why `--check` could not learn the status.
    check_error: Option<&'a String>,
}

/// Lists the journal (newest last), optionally asking the panels for fresh statuses.
pub fn run(settings: &Settings, args: &OrdersArgs) -> anyhow::Result<Exit> {
    let journal = Journal::open()?;
    let out = Output::new(settings.format);
    let since = args.since.map(|s| crate::time::now().saturating_sub(s));
    let mut entries: Vec<Entry> = journal
        .entries()?
        .into_iter()
        .filter(|e| since.is_none_or(|t| e.intent.time >= t))
        .filter(|e| {
            settings
                .profile
                .as_deref()
                .is_none_or(|p| e.intent.profile == p)
        })
        .collect();
    let mut problems: BTreeMap<String, String> = BTreeMap::new();
    if args.check {
        problems = check(settings, &journal, &mut entries)?;
    }
    let shown: Vec<Shown> = entries
        .iter()
        .map(|e| {
            let o = e.outcome.as_ref();
            Shown {
                id: &e.intent.id,
                time: e.intent.time,
                profile: &e.intent.profile,
                url: &e.intent.url,
                service: e.intent.service,
                link: e.intent.link.as_deref(),
                quantity: e.intent.quantity,
                fields: &e.intent.fields,
                cost: e.intent.cost.as_deref(),
                result: o.map(|o| o.result),
                order: o.and_then(|o| o.order.as_deref()),
                error: o.and_then(|o| o.error.as_deref()),
                status: e.status.as_ref().map(|s| s.status.as_str()),
                check_error: problems.get(&e.intent.id),
            }
        })
        .collect();
    out.report(&shown, &table(&entries, &problems))?;
    if entries.is_empty() {
        crate::msg::note(&format!(
            "no orders in the journal {}",
            journal.path().display()
        ));
    }
    Ok(Exit::from_items(!problems.is_empty()))
}

/// The journal as a table: when, where, what, with what outcome and status.
fn table(entries: &[Entry], problems: &BTreeMap<String, String>) -> Table {
    let mut table = Table::new(&[
        "PLACED", "PROFILE", "SERVICE", "QUANTITY", "LINK", "OUTCOME", "STATUS",
    ]);
    for e in entries {
        let outcome = match &e.outcome {
            Some(o) => match o.result {
                journal::Result::Order => {
                    format!("order {}", o.order.as_deref().unwrap_or("?"))
                }
                journal::Result::Error => {
                    format!("error: {}", o.error.as_deref().unwrap_or(""))
                }
                journal::Result::Unknown => "unknown: check the panel's order list".to_string(),
            },
            None => "no answer recorded (smm stopped?): check the panel".to_string(),
        };
        let status = match (problems.get(&e.intent.id), &e.status) {
            (Some(problem), _) => Cell::status(format!("error: {problem}")),
            (None, Some(seen)) => Cell::status(&seen.status),
            (None, None) => Cell::new(""),
        };
        table.add_row(vec![
            Cell::new(utc_date(e.intent.time as i64)),
            Cell::new(&e.intent.profile),
            Cell::new(e.intent.service),
            Cell::new(e.intent.quantity.map(|q| q.to_string()).unwrap_or_default()),
            Cell::new(e.intent.link.as_deref().unwrap_or("")),
            Cell::new(outcome),
            status,
        ]);
    }
    table
}

/// Asks each profile's panel for the status of its placed, unfinished orders; records what it
/// sees in the journal. Returns the problems by entry id.
fn check(
    settings: &Settings,
    journal: &Journal,
    entries: &mut [Entry],
) -> anyhow::Result<BTreeMap<String, String>> {
    let mut problems = BTreeMap::new();
    let mut by_profile: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let placed = e
            .outcome
            .as_ref()
            .is_some_and(|o| o.result == journal::Result::Order);
        if placed && !e.finished() {
            by_profile
                .entry(e.intent.profile.clone())
                .or_default()
                .push(i);
        }
    }
    if by_profile.is_empty() {
        return Ok(problems);
    }
    let path = crate::config::locate(settings.config.as_deref())?;
    let config = crate::config::load(&path)?;
    for (name, indexes) in by_profile {
        let ids: Vec<(usize, u64)> = indexes
            .iter()
            .filter_map(|&i| {
                let order = entries[i]
                    .outcome
                    .as_ref()?
                    .order
                    .as_ref()?
                    .parse::<u64>()
                    .ok()?;
                Some((i, order))
            })
            .collect();
        let ctx = config
            .profile(Some(&name))
            .and_then(|p| Ctx::build(settings, p, false));
        // Ask only the panel the orders were placed on: the profile may point elsewhere now.
        let here = ctx
            .as_ref()
            .map(|c| crate::config::display_url(c.profile.url.as_str()))
            .unwrap_or_default();
        let (ids, moved): (Vec<_>, Vec<_>) = ids
            .into_iter()
            .partition(|(i, _)| ctx.is_err() || entries[*i].intent.url == here);
        for (i, _) in moved {
            let was = entries[i].intent.url.clone();
            problems.insert(
                entries[i].intent.id.clone(),
                format!("profile '{name}' now points at {here}, not {was}: not checked"),
            );
        }
        if ids.is_empty() {
            continue;
        }
        let statuses =
            ctx.and_then(|ctx| statuses(&ctx, &ids.iter().map(|(_, o)| *o).collect::<Vec<_>>()));
        match statuses {
            Err(e) => {
                for (i, _) in &ids {
                    problems.insert(entries[*i].intent.id.clone(), format!("{e:#}"));
                }
            }
            Ok(found) => {
                for (i, order) in ids {
                    match found.get(&order.to_string()) {
                        Some(Ok(status)) => {
                            let seen = Seen {
                                id: entries[i].intent.id.clone(),
                                time: crate::time::now(),
                                status: status.clone(),
                            };
                            journal.append(&Line::Status(seen.clone()))?;
                            entries[i].status = Some(seen);
                        }
                        Some(Err(e)) => {
                            problems.insert(entries[i].intent.id.clone(), e.clone());
                        }
                        None => {
                            problems.insert(
                                entries[i].intent.id.clone(),
                                "not in the panel's answer".into(),
                            );
                        }
                    }
                }
            }
        }
    }
    Ok(problems)
}

/// The status of each order id on the context's panel.
fn statuses(ctx: &Ctx, ids: &[u64]) -> anyhow::Result<HashMap<String, Result<String, String>>> {
    Ok(ctx
        .panel()
        .status(ids)?
        .value
        .into_iter()
        .map(|r| (r.id, r.result.map(|s| s.status)))
        .collect())
}
