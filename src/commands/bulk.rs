//! `smm order add --file FILE`: validate every line first, show the total against the balance,
//! confirm, then place the orders one by one through the journal and its duplicate guard.

use super::Ctx;
use super::order::journaled;
use crate::exit::{Exit, usage};
use crate::journal;
use crate::order::{Order, check};
use crate::output::Cell;
use crate::panel::Client;
use rust_decimal::Decimal;
use std::io::{BufRead, IsTerminal, Read};
use std::path::Path;

/// Reads and parses a bulk file (`-` is stdin); every bad line is reported, nothing is sent.
pub fn read(path: &Path) -> anyhow::Result<Vec<crate::bulk::Line>> {
    let text = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| usage(format!("cannot read orders from stdin: {e}")))?;
        text
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?
    };
    crate::bulk::parse(&text).map_err(|errors| {
        for e in &errors {
            eprintln!("smm: {}: {e}", path.display());
        }
        usage(format!(
            "{} has {} bad line(s) (above); nothing was sent",
            path.display(),
            errors.len()
        ))
    })
}

/// What became of one line.
#[derive(Debug, Clone)]
enum Done {
    /// Placed: the order id.
    Placed(String),
    /// Left alone: the journal already has it.
    Skipped(String),
    /// Not placed, or not known to be.
    Failed(String),
}

/// Validates, prices, confirms and places the orders of a bulk file.
pub fn run(
    ctx: &Ctx,
    source: &Path,
    lines: Vec<crate::bulk::Line>,
    dry_run: bool,
    yes: bool,
    force: bool,
    from_stdin: bool,
) -> anyhow::Result<Exit> {
    let Client::V2(v2) = ctx.client() else {
        return Err(usage(format!(
            "bulk order files need an SMM API v2 profile; '{}' is a {} profile",
            ctx.profile.name,
            ctx.profile.api.name()
        )));
    };
    let out = &ctx.out;
    let services = ctx.services()?.0.value;
    // Every line: checked against the catalogue, priced, and looked up in the journal.
    let mut orders: Vec<(usize, Order, Option<Done>)> = Vec::new();
    let mut problems = Vec::new();
    let mut total = Decimal::ZERO;
    let mut unpriced = 0;
    for line in &lines {
        let order = line.order.clone();
        if !force
            && let Some((earlier, _, _)) = orders.iter().find(|(_, o, _)| o.fields == order.fields)
        {
            problems.push(format!(
                "line {}: the same order as line {earlier} (pass --force to place both)",
                line.line
            ));
            continue;
        }
        let id = order.service.to_string();
        match services.iter().find(|s| s.id == id) {
            None => problems.push(format!(
                "line {}: service {id} is not in the catalogue of profile '{}'",
                line.line, ctx.profile.name
            )),
            Some(service) => match check(service, &order) {
                Err(e) => problems.push(format!("line {}: {e}", line.line)),
                Ok(priced) => {
                    let already = if force { None } else { already(ctx, &order) };
                    if already.is_none() {
                        match priced.cost {
                            Some(c) => total = total.checked_add(c).unwrap_or(Decimal::MAX),
                            None => unpriced += 1,
                        }
                    }
                    orders.push((line.line, order, already));
                }
            },
        }
    }
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("smm: {}: {p}", source.display());
        }
        return Err(usage(format!(
            "{} line(s) cannot be ordered (above); nothing was sent",
            problems.len()
        )));
    }
    let to_send = orders.iter().filter(|(_, _, a)| a.is_none()).count();
    let balance = v2.balance()?.value;
    let cur = &balance.currency;
    let mut summary = out.key_value();
    summary.add_row(vec!["ORDERS".to_string(), to_send.to_string()]);
    if to_send < orders.len() {
        summary.add_row(vec![
            "SKIPPED".to_string(),
            format!("{} (in the journal already)", orders.len() - to_send),
        ]);
    }
    let priced = match unpriced {
        0 => format!("{} {cur}", total.normalize()),
        n => format!(
            "{} {cur} (+ {n} order(s) priced by deliveries)",
            total.normalize()
        ),
    };
    summary.add_row(vec!["TOTAL COST".to_string(), priced]);
    summary.add_row(vec![
        "BALANCE".to_string(),
        format!("{} {cur}", balance.amount),
    ]);
    out.print_table(&mut summary)?;
    if total > balance.amount {
        anyhow::bail!(
            "the balance ({} {cur}) does not cover the total ({} {cur}): nothing was placed",
            balance.amount,
            total.normalize()
        );
    }
    if dry_run {
        out.note("dry run — no order was placed");
        return Ok(Exit::Success);
    }
    if !yes {
        let terminal = std::io::stdin().is_terminal() && !from_stdin;
        if !terminal {
            return Err(usage(format!(
                "placing {} orders needs confirmation: pass --yes (stdin is not a terminal)",
                orders.len()
            )));
        }
        eprint!(
            "Place {} orders for {} on profile '{}'? [y/N] ",
            orders.len(),
            format_args!("{} {cur}", total.normalize()),
            ctx.profile.name
        );
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
            anyhow::bail!("cancelled: nothing was placed");
        }
    }
    let bar = crate::output::progress(to_send as u64, ctx.http.progress(), "orders");
    let mut results = Vec::new();
    // One by one, never in parallel: a failed add must not race the next.
    for (n, order, already) in &orders {
        let done = match already {
            Some(done) => done.clone(),
            None => {
                let done = place(ctx, &v2, order);
                bar.inc(1);
                done
            }
        };
        results.push((*n, order, done));
    }
    bar.finish_and_clear();
    let mut table = out.table(&["LINE", "SERVICE", "QUANTITY", "LINK", "RESULT"]);
    let (mut placed, mut skipped, mut failed) = (0, 0, 0);
    for (n, order, done) in &results {
        let result = match done {
            Done::Placed(id) => {
                placed += 1;
                Cell::new(format!("order {id}"))
            }
            Done::Skipped(why) => {
                skipped += 1;
                Cell::new(format!("skipped: {why}"))
            }
            Done::Failed(why) => {
                failed += 1;
                out.status_cell(&format!("error: {why}"))
            }
        };
        table.add_row(vec![
            Cell::new(n),
            Cell::new(order.service),
            Cell::new(order.get("quantity").unwrap_or("")),
            Cell::new(order.get("link").or(order.get("username")).unwrap_or("")),
            result,
        ]);
    }
    out.print_table(&mut table)?;
    let mut note = format!("{placed} placed");
    if skipped > 0 {
        note.push_str(&format!(
            ", {skipped} skipped (the journal shows them placed already; --force orders them again)"
        ));
    }
    if failed > 0 {
        note.push_str(&format!(", {failed} failed (see `smm orders`)"));
    }
    out.note(&note);
    Ok(Exit::from_items(failed > 0))
}

/// What the journal says of a line placed before (a re-run after a crash): placed already,
/// or an outcome nobody knows — or nothing, and the line is to be sent.
fn already(ctx: &Ctx, order: &Order) -> Option<Done> {
    let journal = ctx.journal.as_ref()?;
    let probe = super::order::intent(ctx, order);
    let earlier = journal
        .duplicate_of(&probe, ctx.profile.duplicate_window)
        .ok()??;
    Some(match earlier.outcome {
        Some(o) if o.result == journal::Result::Order => Done::Skipped(format!(
            "already placed as order {}",
            o.order.unwrap_or_default()
        )),
        _ => Done::Failed(format!(
            "an earlier try's outcome is unknown (journal entry {}): check the panel, then --force",
            earlier.intent.id
        )),
    })
}

/// Places one line through the journal.
fn place(ctx: &Ctx, v2: &crate::panel::v2::V2, order: &Order) -> Done {
    match journaled(ctx, order, true, || {
        let answer = v2.add(&order.fields)?;
        Ok((answer.value.clone(), answer))
    }) {
        Ok(answer) => Done::Placed(answer.value),
        Err(e) => Done::Failed(crate::http::shorten(&format!("{e:#}"), 160)),
    }
}
