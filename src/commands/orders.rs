//! `smm orders`: the order book, filtered or grouped, and (`--check`) the panels' word on it.

use super::Ctx;
use crate::book::{Book, Entry, Group, Outcome, Query};
use crate::cli::OrdersArgs;
use crate::cli::settings::Settings;
use crate::exit::Exit;
use crate::money::show;
use crate::output::{Cell, Format, Output, Table};
use crate::time::utc_date;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Lists the book (oldest of the selection first), or its groups; `--check` first asks the
/// panels for the statuses of unfinished orders and records them.
pub fn run(settings: &Settings, args: &OrdersArgs) -> anyhow::Result<Exit> {
    let book = Book::open()?;
    let out = Output::new(settings.format);
    let query = Query {
        since: args
            .since
            .map(|s| crate::time::now().saturating_sub(s) as i64),
        profile: settings.profile_filter(),
        url: None,
        status: args.status.clone(),
        outcome: args.outcome,
        limit: args.limit,
    };
    if let Some(by) = args.by {
        let groups = book.groups(&query, by)?;
        out.report(&groups, &groups_table(&groups))?;
        return Ok(Exit::Success);
    }
    let mut problems: BTreeMap<String, String> = BTreeMap::new();
    if args.check {
        problems = check(settings, &book, &query)?;
    }
    let shown = match out.format {
        Format::Json => stream_json(&book, &query, out)?,
        Format::Csv | Format::Tsv if problems.is_empty() => stream_delimited(&book, &query, out)?,
        _ => {
            let mut entries = Vec::new();
            book.list(&query, |e| {
                entries.push(e);
                Ok(())
            })?;
            out.table(&table(&entries, &problems))?;
            entries.len()
        }
    };
    if shown == 0 {
        crate::msg::note(&format!(
            "no orders in the order book {} match",
            book.path().display()
        ));
    }
    Ok(Exit::from_items(!problems.is_empty()))
}

/// `--json`: a JSON array written one order at a time (memory stays flat at a million).
fn stream_json(book: &Book, query: &Query, out: Output) -> anyhow::Result<usize> {
    let mut array = out.json_array()?;
    book.list(query, |e| Ok(array.push(&e)?))?;
    Ok(array.finish()?)
}

/// `--format csv|tsv`: the table's columns, one order at a time.
fn stream_delimited(book: &Book, query: &Query, out: Output) -> anyhow::Result<usize> {
    let mut n = 0;
    let mut chunk = Table::new(&HEADERS);
    let flush = |chunk: &mut Table, first: bool| -> std::io::Result<()> {
        if !first {
            chunk.header = None;
        }
        out.table(chunk)?;
        chunk.rows.clear();
        Ok(())
    };
    let mut first = true;
    book.list(query, |e| {
        chunk.add_row(row(&e, None));
        n += 1;
        if chunk.rows.len() == 1000 {
            flush(&mut chunk, first)?;
            first = false;
        }
        Ok(())
    })?;
    if !chunk.rows.is_empty() || first {
        flush(&mut chunk, first)?;
    }
    Ok(n)
}

/// The columns of `smm orders`.
const HEADERS: [&str; 10] = [
    "PLACED", "PROFILE", "SERVICE", "QUANTITY", "LINK", "COST", "OUTCOME", "STATUS", "CHARGE",
    "CURRENCY",
];

/// One order as a table row; `problem` is why `--check` could not learn its status.
fn row(e: &Entry, problem: Option<&String>) -> Vec<Cell> {
    let outcome = match (e.outcome, &e.order, &e.error) {
        (Outcome::Placed, order, _) => format!("order {}", order.as_deref().unwrap_or("?")),
        (Outcome::Refused, _, error) => format!("refused: {}", error.as_deref().unwrap_or("")),
        (Outcome::Unknown, _, Some(_)) => "unknown: check the panel's order list".to_string(),
        (Outcome::Unknown, _, None) => "no answer recorded (smm stopped?): check the panel".into(),
    };
    let status = match (problem, &e.status) {
        (Some(problem), _) => Cell::status(format!("error: {problem}")),
        (None, Some(status)) => Cell::status(status),
        (None, None) => Cell::new(""),
    };
    vec![
        Cell::new(utc_date(e.created)),
        Cell::new(&e.profile),
        Cell::new(e.service),
        Cell::number(e.quantity.map(|q| q.to_string()).unwrap_or_default()),
        Cell::new(e.link.as_deref().unwrap_or("")),
        Cell::number(cost_text(e.cost.as_deref())),
        Cell::new(outcome),
        status,
        Cell::number(e.charge.as_deref().unwrap_or("")),
        Cell::new(e.currency.as_deref().unwrap_or("")),
    ]
}

/// The book as a table, ending with a totals line per currency.
fn table(entries: &[Entry], problems: &BTreeMap<String, String>) -> Table {
    let mut table = Table::new(&HEADERS);
    for e in entries {
        table.add_row(row(e, problems.get(&e.id)));
    }
    let mut totals: BTreeMap<String, (usize, Decimal, Decimal)> = BTreeMap::new();
    for e in entries {
        let t = totals
            .entry(e.currency.clone().unwrap_or_default())
            .or_default();
        t.0 += 1;
        if e.outcome != Outcome::Refused {
            t.1 = t.1.saturating_add(amount(e.cost.as_deref()));
        }
        t.2 = t.2.saturating_add(amount(e.charge.as_deref()));
    }
    for (currency, (n, cost, charge)) in totals {
        table.add_row(vec![
            Cell::new("TOTAL"),
            Cell::new(""),
            Cell::new(""),
            Cell::number(match n {
                1 => "1 order".to_string(),
                n => format!("{n} orders"),
            }),
            Cell::new(""),
            Cell::number(show(cost)),
            Cell::new(""),
            Cell::new(""),
            Cell::number(show(charge)),
            Cell::new(currency),
        ]);
    }
    table
}

/// A cost estimate from the book (smm's own computed amount) as amounts are shown; text that
/// does not read as a decimal is shown as it is.
fn cost_text(text: Option<&str>) -> String {
    match text {
        Some(t) => t.parse().map(show).unwrap_or_else(|_| t.to_string()),
        None => String::new(),
    }
}

/// A decimal from the book's text (absent or unreadable: zero).
fn amount(text: Option<&str>) -> Decimal {
    text.and_then(|t| t.parse().ok()).unwrap_or_default()
}

/// `--by`: one row per group and currency, then the totals per currency.
fn groups_table(groups: &[Group]) -> Table {
    let mut table = Table::new(&["GROUP", "ORDERS", "COST", "CHARGE", "CURRENCY"]);
    let mut totals: BTreeMap<&str, (u64, Decimal, Decimal)> = BTreeMap::new();
    for g in groups {
        table.add_row(vec![
            Cell::new(&g.key),
            Cell::number(g.orders),
            Cell::number(show(g.cost)),
            Cell::number(show(g.charge)),
            Cell::new(&g.currency),
        ]);
        let t = totals.entry(&g.currency).or_default();
        t.0 += g.orders;
        t.1 = t.1.saturating_add(g.cost);
        t.2 = t.2.saturating_add(g.charge);
    }
    for (currency, (n, cost, charge)) in totals {
        table.add_row(vec![
            Cell::new("TOTAL"),
            Cell::number(n),
            Cell::number(show(cost)),
            Cell::number(show(charge)),
            Cell::new(currency),
        ]);
    }
    table
}

/// Asks each profile's panel for the status of its placed, unfinished orders (only on the
/// panel they were placed on); records what it sees. Returns the problems by entry id.
fn check(
    settings: &Settings,
    book: &Book,
    query: &Query,
) -> anyhow::Result<BTreeMap<String, String>> {
    let mut problems = BTreeMap::new();
    let open = book.unfinished(&Query {
        limit: 0,
        ..query.clone()
    })?;
    let mut by_profile: BTreeMap<String, Vec<&Entry>> = BTreeMap::new();
    for e in &open {
        by_profile.entry(e.profile.clone()).or_default().push(e);
    }
    if by_profile.is_empty() {
        return Ok(problems);
    }
    let path = crate::config::locate(settings.config.as_deref())?;
    let config = crate::config::load(&path)?;
    for (name, entries) in by_profile {
        let ctx = config
            .profile(Some(&name))
            .and_then(|p| Ctx::build(settings, p, false));
        // Ask only the panel the orders were placed on: the profile may point elsewhere now.
        let here = ctx
            .as_ref()
            .map(|c| crate::config::display_url(c.profile.url.as_str()))
            .unwrap_or_default();
        let mut here_entries: Vec<Entry> = Vec::new();
        for e in entries {
            if ctx.is_ok() && e.url != here {
                problems.insert(
                    e.id.clone(),
                    format!(
                        "profile '{name}' now points at {here}, not {}: not checked",
                        e.url
                    ),
                );
            } else {
                here_entries.push(e.clone());
            }
        }
        let asked = ctx.and_then(|ctx| super::sync::statuses(&*ctx.panel(), book, &here_entries));
        match asked {
            Ok(asked) => problems.extend(asked.problems),
            Err(e) => {
                for entry in &here_entries {
                    problems.insert(entry.id.clone(), format!("{e:#}"));
                }
            }
        }
    }
    Ok(problems)
}
