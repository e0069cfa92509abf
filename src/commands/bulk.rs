//! `smm order add --file FILE`: validate every line first, show the total against the balance,
//! confirm, then place the orders one by one through the order book and its duplicate guard.

use super::Ctx;
use crate::book::{Earlier, Outcome};
use crate::bulk::{LineReport, Report};
use crate::cli::AddArgs;
use crate::exit::{Exit, usage};
use crate::order::Order;
use crate::output::{Table, views};
use crate::panel::{Account, Panel};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::io::{BufRead, IsTerminal};
use std::path::Path;

/// Reads (at most 10 MiB, a BOM dropped) and parses a bulk file (`-` is stdin); every bad line
/// is reported, nothing is sent.
fn read(path: &Path) -> anyhow::Result<Vec<crate::bulk::Line>> {
    let text = if path.as_os_str() == "-" {
        crate::input::read_text(std::io::stdin().lock(), "stdin")
    } else {
        crate::input::read_file(path, &path.display().to_string())
    }
    .map_err(|e| usage(format!("cannot read the orders: {e}")))?;
    crate::bulk::parse(&text).map_err(|errors| {
        for e in &errors {
            crate::msg::error(&format!("{}: {e}", path.display()));
        }
        usage(format!(
            "{} has {} bad line(s) (above); nothing was sent",
            path.display(),
            errors.len()
        ))
    })
}

/// How a bulk file is run.
#[derive(Debug, Clone, Copy)]
pub struct How {
    /// Check and price only.
    pub dry_run: bool,
    /// Place without asking.
    pub yes: bool,
    /// Skip the duplicate guard.
    pub force: bool,
    /// The file came on stdin (so stdin cannot answer the confirmation).
    pub from_stdin: bool,
}

/// What became of one line.
#[derive(Debug, Clone)]
enum Done {
    /// Placed: the order id.
    Placed(String),
    /// Left alone: the order book shows it placed already.
    Skipped(String),
    /// Not sent again: an earlier try's outcome is unknown (check the panel, then --force).
    Held(String),
    /// Not placed, or not known to be.
    Failed(String),
}

/// `order add --file`: reads and checks every line of the file (nothing else may be given),
/// then validates, prices, confirms and places its orders.
pub fn run(
    settings: &crate::cli::settings::Settings,
    ctx: impl FnOnce() -> anyhow::Result<Ctx>,
    args: &AddArgs,
) -> anyhow::Result<Exit> {
    let path = args.file.clone().unwrap_or_default();
    if !args.fields.is_empty() {
        return Err(usage(format!(
            "--file takes every order from the file: leave out {}",
            args.fields.flags().join(", ")
        )));
    }
    let lines = read(&path)?;
    let how = How {
        dry_run: args.dry_run,
        yes: args.yes,
        force: args.force,
        from_stdin: path.as_os_str() == "-",
    };
    if lines.iter().any(|l| l.route.is_some()) {
        return super::route_bulk::place_all(settings, &path, lines, how);
    }
    place_all(&ctx()?, &path, lines, how)
}

/// Validates, prices, confirms and places the orders of a bulk file.
fn place_all(
    ctx: &Ctx,
    source: &Path,
    lines: Vec<crate::bulk::Line>,
    how: How,
) -> anyhow::Result<Exit> {
    let panel = ctx.panel();
    let out = &ctx.out;
    // A book that cannot be opened stops the run before any request.
    ctx.book()?;
    let services = ctx.services()?.0.value;
    let by_id: HashMap<&str, &crate::panel::Service> =
        services.iter().map(|s| (s.id.as_str(), s)).collect();
    // Every line: checked against the catalogue, priced, and looked up in the order book.
    let mut orders: Vec<(usize, Order, Option<Decimal>, Option<Done>)> = Vec::new();
    // The line each distinct order was first seen on (repeats found in linear time).
    let mut first_seen: HashMap<Vec<(&'static str, String)>, usize> = HashMap::new();
    let mut problems = Vec::new();
    let mut total = Decimal::ZERO;
    let mut unpriced = 0;
    for line in &lines {
        let order = line.order.clone();
        if !how.force {
            if let Some(earlier) = first_seen.get(&order.fields) {
                problems.push(format!(
                    "line {}: the same order as line {earlier} (pass --force to place both)",
                    line.line
                ));
                continue;
            }
            first_seen.insert(order.fields.clone(), line.line);
        }
        if let Err(e) = panel.check_order(&order) {
            problems.push(format!("line {}: {e:#}", line.line));
            continue;
        }
        let id = order.service.to_string();
        match by_id.get(id.as_str()) {
            None => problems.push(format!(
                "line {}: service {id} is not in the catalogue of profile '{}'",
                line.line, ctx.profile.name
            )),
            Some(service) => match service.price(&order) {
                Err(e) => problems.push(format!("line {}: {e}", line.line)),
                Ok(priced) => {
                    let already = if how.force {
                        None
                    } else {
                        already(ctx, &order)?
                    };
                    if already.is_none() {
                        match priced.cost {
                            Some(c) => total = total.checked_add(c).unwrap_or(Decimal::MAX),
                            None => unpriced += 1,
                        }
                    }
                    orders.push((line.line, order, priced.cost, already));
                }
            },
        }
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
    let to_send = orders.iter().filter(|(.., a)| a.is_none()).count();
    let held = orders
        .iter()
        .filter(|(.., a)| matches!(a, Some(Done::Held(_))))
        .count();
    let account = panel.balance()?.value;
    let (balance, cur) = match &account {
        Account::Money(b) => (Some(b.amount), b.currency.clone()),
        Account::Threads(_) => (None, String::new()),
    };
    let mut report = Report {
        dry_run: how.dry_run,
        orders: to_send,
        skipped: orders.len() - to_send - held,
        held,
        total_cost: crate::money::show(total),
        unpriced,
        currency: cur.clone(),
        balance: balance.map(|b| b.to_string()),
        placed: 0,
        failed: 0,
        lines: Vec::new(),
    };
    if !out.json() {
        out.table(&views::bulk_summary(&report))?;
    }
    if let Some(balance) = balance.filter(|b| total > *b) {
        anyhow::bail!(
            "the balance ({balance} {cur}) does not cover the total ({} {cur}): nothing was placed",
            crate::money::show(total)
        );
    }
    if how.dry_run {
        out.report(&report, &Table::default())?;
        crate::msg::note("dry run — no order was placed");
        return Ok(Exit::Success);
    }
    if !how.yes && to_send > 0 {
        confirm(
            ctx,
            to_send,
            &format!("{} {cur}", crate::money::show(total)),
            how,
        )?;
    }
    let bar = out.progress("orders");
    crate::panel::Progress::start(&bar, to_send as u64);
    let mut results = Vec::new();
    // One by one, never in parallel: a failed add must not race the next.
    for (n, order, cost, already) in &orders {
        let done = match already {
            Some(done) => done.clone(),
            None => {
                let done = place(ctx, &*panel, order, *cost, how.force);
                crate::panel::Progress::step(&bar);
                done
            }
        };
        results.push((*n, order, done));
    }
    crate::panel::Progress::finish(&bar);
    // Counted again from what happened: another run may have placed a line since the check.
    (report.skipped, report.held) = (0, 0);
    for (n, order, done) in &results {
        let (result, order_id, error) = match done {
            Done::Placed(id) => {
                report.placed += 1;
                ("placed", Some(id), None)
            }
            Done::Skipped(why) => {
                report.skipped += 1;
                ("skipped", None, Some(why))
            }
            Done::Held(why) => {
                report.held += 1;
                ("held", None, Some(why))
            }
            Done::Failed(why) => {
                report.failed += 1;
                ("failed", None, Some(why))
            }
        };
        let link = order.get("link").or(order.get("username"));
        report.lines.push(LineReport {
            line: *n,
            service: order.service,
            quantity: order.get("quantity").map(str::to_string),
            link: link.map(str::to_string),
            result,
            order: order_id.cloned(),
            error: error.cloned(),
        });
    }
    out.report(&report, &views::bulk_lines(&report))?;
    let mut note = format!("{} placed", report.placed);
    if report.skipped > 0 {
        note.push_str(&format!(
            ", {} skipped (the order book shows them placed already; --force orders them again)",
            report.skipped
        ));
    }
    if report.held > 0 {
        note.push_str(&format!(
            ", {} held back (an earlier try's outcome is unknown: check the panel, then --force)",
            report.held
        ));
    }
    if report.failed > 0 {
        note.push_str(&format!(", {} failed (see `smm orders`)", report.failed));
    }
    crate::msg::note(&note);
    Ok(Exit::from_items(report.failed + report.held > 0))
}

/// Asks on the terminal before placing `count` orders for `total`; refuses when stdin cannot
/// answer (exit 2: pass --yes).
fn confirm(ctx: &Ctx, count: usize, total: &str, how: How) -> anyhow::Result<()> {
    confirm_on(
        &format!("profile '{}'", ctx.profile.name),
        count,
        total,
        how,
    )
}

/// Asks on the terminal before placing `count` orders for `total` on `where_`.
pub fn confirm_on(where_: &str, count: usize, total: &str, how: How) -> anyhow::Result<()> {
    let terminal = std::io::stdin().is_terminal() && !how.from_stdin;
    if !terminal {
        return Err(usage(format!(
            "placing {count} orders needs confirmation: pass --yes (stdin is not a terminal)"
        )));
    }
    crate::msg::prompt(&format!(
        "Place {count} orders for {total} on {where_}? [y/N] "
    ));
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    if !matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        anyhow::bail!("cancelled: nothing was placed");
    }
    Ok(())
}

/// What the book says of a line placed before (a re-run after a crash): placed already, or an
/// outcome nobody knows — or nothing, and the line is to be sent. A book that cannot be read
/// stops the run.
fn already(ctx: &Ctx, order: &Order) -> anyhow::Result<Option<Done>> {
    let Some(book) = ctx.book()? else {
        return Ok(None);
    };
    let probe = ctx.new_order(order, None);
    let earlier = book.earlier(&probe, ctx.profile.duplicate_window)?;
    Ok(earlier.map(found))
}

/// What a line the book already holds comes to: skipped when it was placed, held back when
/// its outcome is unknown (another run may be placing it right now).
fn found(earlier: Earlier) -> Done {
    let e = earlier.entry;
    match e.outcome {
        Outcome::Placed => Done::Skipped(format!(
            "already placed as order {}",
            e.order.unwrap_or_default()
        )),
        _ => Done::Held(format!(
            "an earlier try's outcome is unknown (order book entry {}; another run may be \
             placing it): check the panel, then --force",
            e.id
        )),
    }
}

/// Places one line through the book's guard at send time (another run may have placed it
/// since the check): a line the book already holds is skipped, never sent twice.
fn place(ctx: &Ctx, panel: &dyn Panel, order: &Order, cost: Option<Decimal>, force: bool) -> Done {
    let failed = |e: anyhow::Error| Done::Failed(crate::text::shorten(&format!("{e:#}"), 160));
    let book = match ctx.book() {
        Ok(book) => book,
        Err(e) => return failed(e),
    };
    let new = ctx.new_order(order, cost);
    let sent = crate::book::send(book, &new, ctx.profile.duplicate_window, force, || {
        panel.add(order).map(|a| (a.value.order.clone(), a))
    });
    match sent {
        Err(e) => failed(e),
        Ok(Err(earlier)) => found(earlier),
        Ok(Ok(sent)) => match sent.answer {
            Ok(_) => Done::Placed(sent.order.unwrap_or_default()),
            Err(e) => failed(e),
        },
    }
}
