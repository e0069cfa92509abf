//! `smm orders`: the order book, filtered or grouped, and (`--check`) the panels' word on it.

use super::Ctx;
use crate::book::{Book, Entry, Query};
use crate::cli::OrdersArgs;
use crate::cli::settings::Settings;
use crate::exit::Exit;
use crate::output::{Format, Output, views};
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
        route: args.route.clone(),
        limit: args.limit,
    };
    if let Some(by) = args.by {
        let groups = book.groups(&query, by)?;
        out.report(&groups, &views::order_groups(&groups))?;
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
            out.table(&views::orders(&entries, &problems))?;
            entries.len()
        }
    };
    if shown == 0 {
        crate::msg::note(&format!(
            "no orders in the order book {} match",
            book.place()
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

/// `--format csv|tsv`: the table's columns, a thousand orders at a time.
fn stream_delimited(book: &Book, query: &Query, out: Output) -> anyhow::Result<usize> {
    let mut n = 0;
    let mut chunk: Vec<Entry> = Vec::new();
    let flush = |chunk: &mut Vec<Entry>, first: bool| -> std::io::Result<()> {
        let mut table = views::order_rows(chunk);
        if !first {
            table.header = None;
        }
        out.table(&table)?;
        chunk.clear();
        Ok(())
    };
    let mut first = true;
    book.list(query, |e| {
        chunk.push(e);
        n += 1;
        if chunk.len() == 1000 {
            flush(&mut chunk, first)?;
            first = false;
        }
        Ok(())
    })?;
    if !chunk.is_empty() || first {
        flush(&mut chunk, first)?;
    }
    Ok(n)
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
        let asked = ctx.and_then(|ctx| {
            crate::book::statuses(&*ctx.panel(), book, &here_entries, ctx.http.concurrency())
        });
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
