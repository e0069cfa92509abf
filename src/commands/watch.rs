//! `smm watch IDS [--every 30s]`: poll the orders' statuses until every one has finished.

use super::Ctx;
use crate::cli::WatchArgs;
use crate::exit::Exit;
use crate::journal::is_final;
use crate::output::{Cell, utc_date, utc_time};
use crate::panel::Client;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The exit code after Ctrl-C.
const INTERRUPTED: i32 = 130;

/// One order as last seen.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    status: String,
    charge: Option<Decimal>,
    remains: Option<u64>,
    error: Option<String>,
}

impl Seen {
    /// Finished: a final status, or an error for this id (it will not change).
    fn done(&self) -> bool {
        self.error.is_some() || is_final(&self.status)
    }
}

/// Polls until every order is done; a live summary on a terminal, a line per poll and per
/// change when piped. Exit 0 if all Completed, 3 if any ended otherwise, 130 on Ctrl-C.
pub fn run(ctx: impl FnOnce() -> anyhow::Result<Ctx>, args: &WatchArgs) -> anyhow::Result<Exit> {
    let ids = crate::ids::collect(
        &args.ids.ids,
        args.ids.file.as_deref(),
        &mut std::io::stdin().lock(),
    )?;
    let ctx = ctx()?;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    let live = ctx.out.terminal && std::io::stderr().is_terminal() && !ctx.out.json;
    let every = Duration::from_secs(args.every.max(1));
    let mut last: Vec<(String, Seen)> = Vec::new();
    let mut drawn = 0;
    loop {
        let now = poll(&ctx, &ids)?;
        for (id, seen) in &now {
            let before = last
                .iter()
                .find(|(i, _)| i == id)
                .map(|(_, s)| s.status.as_str());
            if !live && before.is_some_and(|b| b != seen.status) {
                crate::output::print_line(&format!(
                    "{id}: {} -> {}",
                    before.unwrap_or(""),
                    shown(seen)
                ))?;
            }
        }
        last = now;
        let summary = summarize(&last);
        if live {
            // Redraw the summary in place.
            if drawn > 0 {
                print!("\x1b[{drawn}A\x1b[J");
            }
            let text = summary_table(&last, every);
            drawn = text.lines().count();
            crate::output::print_line(&text)?;
        } else {
            let now = crate::journal::now() as i64;
            let day = utc_date(now);
            let day = day.split(' ').next().unwrap_or("");
            crate::output::print_line(&format!("{day} {} UTC  {summary}", utc_time(now)))?;
        }
        if last.iter().all(|(_, s)| s.done()) {
            break;
        }
        let until = Instant::now() + every;
        while Instant::now() < until {
            if stop.load(Ordering::SeqCst) {
                let running = last.iter().filter(|(_, s)| !s.done()).count();
                ctx.out.note(&format!(
                    "stopped: {running} of {} orders still running (they go on)",
                    last.len()
                ));
                std::process::exit(INTERRUPTED);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    let mut table = ctx.out.table(&["ORDER", "STATUS", "CHARGE", "REMAINS"]);
    for (id, seen) in &last {
        table.add_row(vec![
            Cell::new(id),
            ctx.out.status_cell(&shown(seen)),
            Cell::new(seen.charge.map(|c| c.to_string()).unwrap_or_default()),
            Cell::new(seen.remains.map(|r| r.to_string()).unwrap_or_default()),
        ]);
    }
    ctx.out.print_table(&mut table)?;
    let all_completed = last
        .iter()
        .all(|(_, s)| s.error.is_none() && s.status.eq_ignore_ascii_case("completed"));
    Ok(Exit::from_items(!all_completed))
}

/// One poll: the status of every id, in input order (chunked and concurrent like `smm status`).
fn poll(ctx: &Ctx, ids: &[u64]) -> anyhow::Result<Vec<(String, Seen)>> {
    let seen = |status: String, charge, remains, error| Seen {
        status,
        charge,
        remains,
        error,
    };
    Ok(match ctx.client() {
        // One id uses the single form, where an unknown id is the whole answer's error:
        // for watch it is that order's outcome, like in a batch.
        Client::V2(v2) if ids.len() == 1 => match v2.status(ids) {
            Ok(answer) => rows_of(answer.value),
            Err(e) if e.is::<crate::panel::PanelError>() => {
                vec![(
                    ids[0].to_string(),
                    seen(String::new(), None, None, Some(format!("{e:#}"))),
                )]
            }
            Err(e) => return Err(e),
        },
        Client::V2(v2) => rows_of(v2.status(ids)?.value),
        Client::Streamdetails(sd) => sd
            .get(ids)?
            .value
            .into_iter()
            .map(|r| {
                let s = match r.result {
                    Ok(o) => seen(o.status, None, None, None),
                    Err(e) => seen(String::new(), None, None, Some(e)),
                };
                (r.id, s)
            })
            .collect(),
        Client::Useapi(_) => return Err(ctx.needs_panel("watch")),
    })
}

/// v2 status rows as seen.
fn rows_of(rows: Vec<crate::panel::Row<crate::panel::OrderStatus>>) -> Vec<(String, Seen)> {
    rows.into_iter()
        .map(|r| {
            let seen = match r.result {
                Ok(s) => Seen {
                    remains: crate::panel::count_text(&s.remains),
                    status: s.status,
                    charge: s.charge,
                    error: None,
                },
                Err(e) => Seen {
                    status: String::new(),
                    charge: None,
                    remains: None,
                    error: Some(e),
                },
            };
            (r.id, seen)
        })
        .collect()
}

/// The status or error as shown.
fn shown(s: &Seen) -> String {
    match &s.error {
        Some(e) => format!("error: {e}"),
        None => s.status.clone(),
    }
}

/// Counts per status and the totals, in one line.
fn summarize(seen: &[(String, Seen)]) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (_, s) in seen {
        let key = if s.error.is_some() {
            "error".to_string()
        } else {
            s.status.clone()
        };
        *counts.entry(key).or_default() += 1;
    }
    let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let charge: Decimal = seen.iter().filter_map(|(_, s)| s.charge).sum();
    let remains: u64 = seen.iter().filter_map(|(_, s)| s.remains).sum();
    let done = seen.iter().filter(|(_, s)| s.done()).count();
    format!(
        "{done}/{} done: {}; charge {}, remains {remains}",
        seen.len(),
        parts.join(", "),
        charge.normalize()
    )
}

/// The live summary: counts per status with their charge and remains, and the totals.
fn summary_table(seen: &[(String, Seen)], every: Duration) -> String {
    let mut groups: BTreeMap<String, (usize, Decimal, u64)> = BTreeMap::new();
    for (_, s) in seen {
        let g = groups
            .entry(shown(s).split(':').next().unwrap_or("").to_string())
            .or_default();
        g.0 += 1;
        g.1 += s.charge.unwrap_or_default();
        g.2 += s.remains.unwrap_or_default();
    }
    let mut table = comfy_table::Table::new();
    table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
    table.set_header(vec!["STATUS", "ORDERS", "CHARGE", "REMAINS"]);
    for (status, (n, charge, remains)) in &groups {
        table.add_row(vec![
            status.clone(),
            n.to_string(),
            charge.normalize().to_string(),
            remains.to_string(),
        ]);
    }
    let next = match seen.iter().all(|(_, s)| s.done()) {
        true => String::new(),
        false => format!(" — next poll in {}s, Ctrl-C to stop", every.as_secs()),
    };
    format!("{table}\n{}{next}", summarize(seen))
}
