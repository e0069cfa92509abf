//! `smm watch IDS [--every 30s]`: poll the orders' statuses until every one has finished.

use super::Ctx;
use crate::cli::WatchArgs;
use crate::exit::Exit;
use crate::output::{Live, Table, views};
use crate::panel::status::{Canonical, canonical, is_finished};
use crate::panel::{OrderStatus, PanelError, Row};
use crate::time::{utc_date, utc_time};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// One order as last seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct Seen {
    /// The order id.
    order: String,
    /// The status text as the panel wrote it.
    status: String,
    /// The charge so far.
    #[serde(serialize_with = "decimal_text")]
    charge: Option<Decimal>,
    /// Units still to deliver (negative: the panel delivered more than ordered).
    remains: Option<i64>,
    /// The panel's error for this id.
    error: Option<String>,
}

/// An optional decimal as exact text (or null).
fn decimal_text<S: serde::Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

impl Seen {
    /// Finished: a final status, or an error for this id (it will not change).
    fn done(&self) -> bool {
        self.error.is_some() || is_finished(&self.status)
    }
}

/// One poll as `--json` prints it: a JSON line per poll.
#[derive(Serialize)]
struct Poll<'a> {
    /// When, RFC 3339 UTC (`2026-11-23T10:00:00Z`).
    time: String,
    /// Orders finished.
    done: usize,
    /// Orders followed.
    total: usize,
    /// Every order as seen in this poll.
    orders: &'a [Seen],
}

/// Polls until every order is done; a live summary on a terminal, a line per poll and per
/// change when piped, a JSON line per poll with `--json`. Exit 0 if all Completed, 3 if any
/// ended otherwise, 130 on Ctrl-C.
pub fn run(ctx: impl FnOnce() -> anyhow::Result<Ctx>, args: &WatchArgs) -> anyhow::Result<Exit> {
    let ids = crate::ids::collect(
        &args.ids.ids,
        args.ids.file.as_deref(),
        &mut std::io::stdin().lock(),
    )?;
    let ctx = ctx()?;
    let out = &ctx.out;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    let live = out.terminal && std::io::stderr().is_terminal() && !out.json();
    let every = Duration::from_secs(args.every.max(1));
    let mut last: Vec<Seen> = Vec::new();
    let mut screen = Live::default();
    loop {
        let now = poll(&ctx, &ids)?;
        let stamp = crate::time::now() as i64;
        if out.json() {
            out.json_line(&Poll {
                time: crate::time::rfc3339(stamp),
                done: now.iter().filter(|s| s.done()).count(),
                total: now.len(),
                orders: &now,
            })?;
        } else if !live {
            for seen in &now {
                let before = last.iter().find(|s| s.order == seen.order);
                if let Some(before) = before.filter(|b| b.status != seen.status) {
                    out.line(&format!(
                        "{}: {} -> {}",
                        seen.order,
                        before.status,
                        shown(seen)
                    ))?;
                }
            }
        }
        last = now;
        if live {
            out.redraw(&mut screen, &groups(&last), &footer(&last, every))?;
        } else {
            out.line(&format!(
                "{} {} UTC  {}",
                day(stamp),
                utc_time(stamp),
                summarize(&last)
            ))?;
        }
        if last.iter().all(Seen::done) {
            break;
        }
        let until = Instant::now() + every;
        while Instant::now() < until {
            if stop.load(Ordering::SeqCst) {
                let running = last.iter().filter(|s| !s.done()).count();
                crate::msg::note(&format!(
                    "stopped: {running} of {} orders still running (they go on)",
                    last.len()
                ));
                return Ok(Exit::Interrupted);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    if !out.json() {
        let rows: Vec<views::Watched> = last
            .iter()
            .map(|seen| views::Watched {
                order: &seen.order,
                shown: shown(seen),
                charge: seen.charge,
                remains: seen.remains,
            })
            .collect();
        out.table(&views::watched(&rows))?;
    }
    let all_completed = last
        .iter()
        .all(|s| s.error.is_none() && canonical(&s.status) == Some(Canonical::Completed));
    Ok(Exit::from_items(!all_completed))
}

/// The date part of `utc_date`.
fn day(secs: i64) -> String {
    utc_date(secs)
        .split(' ')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// One poll: the status of every id, in input order (chunked and concurrent like `smm status`).
fn poll(ctx: &Ctx, ids: &[u64]) -> anyhow::Result<Vec<Seen>> {
    let rows = match ctx.panel().status(ids) {
        Ok(answer) => answer.value,
        // One id uses the single form, where an unknown id is the whole answer's error:
        // for watch it is that order's outcome, like in a batch.
        Err(e) if ids.len() == 1 && e.is::<PanelError>() => vec![Row {
            id: ids[0].to_string(),
            result: Err(format!("{e:#}")),
        }],
        Err(e) => return Err(e),
    };
    Ok(rows.into_iter().map(seen).collect())
}

/// A status row as seen.
fn seen(row: Row<OrderStatus>) -> Seen {
    match row.result {
        Ok(s) => Seen {
            order: row.id,
            remains: crate::panel::signed_count_text(&s.remains),
            status: s.status,
            charge: s.charge,
            error: None,
        },
        Err(e) => Seen {
            order: row.id,
            status: String::new(),
            charge: None,
            remains: None,
            error: Some(e),
        },
    }
}

/// The status or error as shown.
fn shown(s: &Seen) -> String {
    match &s.error {
        Some(e) => format!("error: {e}"),
        None => s.status.clone(),
    }
}

/// Counts per status and the totals, in one line.
fn summarize(seen: &[Seen]) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in seen {
        let key = if s.error.is_some() {
            "error".to_string()
        } else {
            s.status.clone()
        };
        *counts.entry(key).or_default() += 1;
    }
    let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let charge: Decimal = seen.iter().filter_map(|s| s.charge).sum();
    let remains = still_to_deliver(seen.iter());
    let done = seen.iter().filter(|s| s.done()).count();
    format!(
        "{done}/{} done: {}; charge {}, remains {remains}",
        seen.len(),
        parts.join(", "),
        crate::money::show(charge)
    )
}

/// The live summary: counts per status with their charge and remains.
fn groups(seen: &[Seen]) -> Table {
    let mut groups: BTreeMap<String, (usize, Decimal, u64)> = BTreeMap::new();
    for s in seen {
        let g = groups
            .entry(shown(s).split(':').next().unwrap_or("").to_string())
            .or_default();
        g.0 += 1;
        g.1 += s.charge.unwrap_or_default();
        g.2 += still_to_deliver(std::iter::once(s));
    }
    views::watch_groups(&groups)
}

/// Units still to deliver over `seen`: an over-delivered order (negative remains) owes none.
fn still_to_deliver<'a>(seen: impl Iterator<Item = &'a Seen>) -> u64 {
    seen.filter_map(|s| s.remains)
        .map(|r| r.max(0).unsigned_abs())
        .sum()
}

/// The line under the live summary: the totals and when the next poll comes.
fn footer(seen: &[Seen], every: Duration) -> String {
    let next = match seen.iter().all(Seen::done) {
        true => String::new(),
        false => format!(" — next poll in {}s, Ctrl-C to stop", every.as_secs()),
    };
    format!("{}{next}", summarize(seen))
}
