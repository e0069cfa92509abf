//! `smm order add --file FILE`: validate every line first, show the total against the balance,
//! confirm, then place the orders one by one through the order book and its duplicate guard.
//! A file with a `route` column goes through its routes (`route_bulk`), with the same report.

use super::Ctx;
use crate::book::{Earlier, Outcome};
use crate::bulk::{LineReport, Problem, Report};
use crate::cli::AddArgs;
use crate::exit::{Exit, usage};
use crate::order::Order;
use crate::output::views;
use crate::panel::{Account, Panel};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::io::{BufRead, IsTerminal};
use std::path::Path;

/// Reads (at most 10 MiB, a BOM dropped) and parses a bulk file (`-` is stdin): its orders and
/// the problems of its other lines (reported with the catalogue's, nothing sent). A file
/// without a single order stops here.
fn read(path: &Path) -> anyhow::Result<(Vec<crate::bulk::Line>, Vec<Problem>)> {
    let text = if path.as_os_str() == "-" {
        crate::input::read_text(std::io::stdin().lock(), "stdin")
    } else {
        crate::input::read_file(path, &path.display().to_string())
    }
    .map_err(|e| usage(format!("cannot read the orders: {e}")))?;
    let (lines, problems) = crate::bulk::parse_all(&text);
    if lines.is_empty() {
        return Err(refuse(path, problems));
    }
    Ok((lines, problems))
}

/// Reports every problem of a bulk file (in line order) and refuses it (exit 2).
pub(super) fn refuse(path: &Path, mut problems: Vec<Problem>) -> anyhow::Error {
    problems.sort_by_key(|(n, _)| *n);
    for (_, e) in &problems {
        crate::msg::error(&format!("{}: {e}", path.display()));
    }
    usage(format!(
        "{} line(s) cannot be ordered (above); nothing was sent",
        problems.len()
    ))
}

/// How a bulk file is run.
#[derive(Debug, Clone, Copy)]
pub(super) struct How {
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
pub(super) enum Done {
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
    let (lines, problems) = read(&path)?;
    let how = How {
        dry_run: args.dry_run,
        yes: args.yes,
        force: args.force,
        from_stdin: path.as_os_str() == "-",
    };
    if lines.iter().any(|l| l.route.is_some()) {
        return super::route_bulk::place_all(settings, &path, lines, problems, how);
    }
    let ctx = match ctx() {
        Ok(ctx) => ctx,
        Err(e) if !problems.is_empty() => {
            // The file's own problems are worth fixing meanwhile.
            refuse(&path, problems);
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    place_all(&ctx, &path, lines, problems, how)
}

/// Validates, prices, confirms and places the orders of a bulk file.
fn place_all(
    ctx: &Ctx,
    source: &Path,
    lines: Vec<crate::bulk::Line>,
    mut problems: Vec<Problem>,
    how: How,
) -> anyhow::Result<Exit> {
    let panel = ctx.panel();
    let out = &ctx.out;
    // A book that cannot be opened stops the run before any request.
    ctx.book()?;
    let (services, age) = ctx.services()?;
    let services = services.value;
    let by_id: HashMap<&str, &crate::panel::Service> =
        services.iter().map(|s| (s.id.as_str(), s)).collect();
    // Every line: checked against the catalogue, priced, and looked up in the order book.
    let mut orders: Vec<(usize, Order, crate::panel::Priced, Option<Done>)> = Vec::new();
    // The line each distinct order was first seen on (repeats found in linear time).
    let mut first_seen: HashMap<Vec<(&'static str, String)>, usize> = HashMap::new();
    let mut total = Decimal::ZERO;
    let mut unpriced = 0;
    for line in &lines {
        let order = line.order.clone();
        if !how.force {
            if let Some(earlier) = first_seen.get(&order.fields) {
                problems.push((
                    line.line,
                    format!(
                        "line {}: the same order as line {earlier} (pass --force to place both)",
                        line.line
                    ),
                ));
                continue;
            }
            first_seen.insert(order.fields.clone(), line.line);
        }
        if let Err(e) = panel.check_order(&order) {
            problems.push((line.line, format!("line {}: {e:#}", line.line)));
            continue;
        }
        let id = order.service.to_string();
        match by_id.get(id.as_str()) {
            None => problems.push((
                line.line,
                format!(
                    "line {}: service {id} is not in the catalogue of profile '{}'{}",
                    line.line,
                    ctx.profile.name,
                    match age {
                        Some(age) => format!(
                            " (catalogue cached {age}s ago: --refresh fetches it from the panel)"
                        ),
                        None => String::new(),
                    }
                ),
            )),
            Some(service) => match service.price(&order) {
                Err(e) => problems.push((line.line, format!("line {}: {e}", line.line))),
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
                    orders.push((line.line, order, priced, already));
                }
            },
        }
    }
    if !problems.is_empty() {
        return Err(refuse(source, problems));
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
        for (n, order, priced, already) in &orders {
            let (result, order_id, why) = match already {
                None => ("to place", None, None),
                Some(done) => outcome(done),
            };
            report
                .lines
                .push(line_report(*n, order, priced, result, order_id, why));
        }
        out.line("")?;
        out.report(&report, &views::bulk_lines(&report))?;
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
    for (n, order, priced, already) in &orders {
        let done = match already {
            Some(done) => done.clone(),
            None => {
                let done = place(ctx, &*panel, order, priced.cost, &account, how.force);
                crate::panel::Progress::step(&bar);
                done
            }
        };
        results.push((*n, order, priced, done));
    }
    crate::panel::Progress::finish(&bar);
    // Counted again from what happened: another run may have placed a line since the check.
    (report.skipped, report.held) = (0, 0);
    for (n, order, priced, done) in &results {
        match done {
            Done::Placed(_) => report.placed += 1,
            Done::Skipped(_) => report.skipped += 1,
            Done::Held(_) => report.held += 1,
            Done::Failed(_) => report.failed += 1,
        }
        let (result, order_id, why) = outcome(done);
        report
            .lines
            .push(line_report(*n, order, priced, result, order_id, why));
    }
    out.line("")?;
    out.report(&report, &views::bulk_lines(&report))?;
    crate::msg::note(&report.summary("`smm orders`"));
    Ok(Exit::from_items(report.failed + report.held > 0))
}

/// `1 order`, `N orders`.
fn orders(count: usize) -> String {
    match count {
        1 => "1 order".to_string(),
        n => format!("{n} orders"),
    }
}

/// What became of a line, as the report words it: the result, the order id, and why.
pub(super) fn outcome(done: &Done) -> (&'static str, Option<String>, Option<String>) {
    match done {
        Done::Placed(id) => ("placed", Some(id.clone()), None),
        Done::Skipped(why) => ("skipped", None, Some(why.clone())),
        Done::Held(why) => ("held", None, Some(why.clone())),
        Done::Failed(why) => ("failed", None, Some(why.clone())),
    }
}

/// One line of the report.
fn line_report(
    line: usize,
    order: &Order,
    priced: &crate::panel::Priced,
    result: &'static str,
    order_id: Option<String>,
    error: Option<String>,
) -> LineReport {
    LineReport {
        line,
        route: None,
        profile: None,
        service: order.service,
        quantity: priced.amount.or(order.number("quantity")),
        link: order
            .get("link")
            .or(order.get("username"))
            .map(str::to_string),
        cost: priced.cost.map(crate::money::show),
        result,
        order: order_id,
        error,
    }
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

/// Asks on the terminal before placing `count` orders for `total` on `where_` (`profile
/// 'pica'`, `routes ig, tt`); refuses when stdin cannot answer (exit 2: pass --yes).
pub(super) fn confirm_on(where_: &str, count: usize, total: &str, how: How) -> anyhow::Result<()> {
    let terminal = std::io::stdin().is_terminal() && !how.from_stdin;
    if !terminal {
        return Err(usage(format!(
            "placing {} needs confirmation: pass --yes (stdin is not a terminal)",
            orders(count)
        )));
    }
    crate::msg::prompt(&format!(
        "Place {} for {total} on {where_}? [y/N] ",
        orders(count)
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
pub(super) fn found(earlier: Earlier) -> Done {
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
/// since the check): a line the book already holds is skipped, never sent twice. Its cost is
/// in `account`'s currency (the balance asked before the run).
fn place(
    ctx: &Ctx,
    panel: &dyn Panel,
    order: &Order,
    cost: Option<Decimal>,
    account: &Account,
    force: bool,
) -> Done {
    let failed = |e: anyhow::Error| Done::Failed(crate::text::shorten(&format!("{e:#}"), 160));
    let book = match ctx.book() {
        Ok(book) => book,
        Err(e) => return failed(e),
    };
    let mut new = ctx.new_order(order, cost);
    new.currency = cost.and(account.currency()).map(str::to_string);
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
