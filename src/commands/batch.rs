//! `smm status`, `smm refill`, `smm refill-status`, `smm cancel`: ids in, one row per id out.

use super::Ctx;
use crate::cli::IdArgs;
use crate::exit::Exit;
use crate::output::{Cell, Table};
use crate::output::{Output, utc_date};
use crate::panel::streamdetails::Order;
use crate::panel::v2::Batch;
use crate::panel::{Answer, Client, OrderStatus, Raw, Row, flag};

/// A printed batch: raw JSON, the table, and how many of how many rows failed.
struct Printed {
    raw: Raw,
    table: Table,
    failed: usize,
    total: usize,
}

/// Reads the ids (before anything else), sends the batch and prints one row per item.
pub fn run(
    ctx: impl FnOnce() -> anyhow::Result<Ctx>,
    kind: Batch,
    args: &IdArgs,
) -> anyhow::Result<Exit> {
    let ids = crate::ids::collect(
        &args.ids,
        args.file.as_deref(),
        &mut std::io::stdin().lock(),
    )?;
    let ctx = ctx()?;
    let out = &ctx.out;
    let printed = match (ctx.client(), kind) {
        (Client::V2(v2), Batch::Status) => v2_status(out, v2.status(&ids)?),
        (Client::V2(v2), _) => v2_items(out, kind, v2.items(kind, &ids)?),
        (Client::Streamdetails(sd), Batch::Status) => streamdetails_get(out, sd.get(&ids)?),
        (Client::Streamdetails(_), _) => return Err(ctx.no_refill_cancel(kind.command())),
        (Client::Useapi(_), _) => return Err(ctx.needs_panel(kind.command())),
    };
    let Printed {
        raw,
        mut table,
        failed,
        total,
    } = printed;
    if out.json {
        out.print_raw(&raw)?;
    } else {
        out.print_table(&mut table)?;
    }
    if failed > 0 {
        eprintln!("smm: {failed} of {total} items carry an error");
    }
    Ok(Exit::from_items(failed > 0))
}

/// v2 `status`: ORDER, STATUS, CHARGE, START COUNT, REMAINS, CURRENCY.
fn v2_status(out: &Output, answer: Answer<Vec<Row<OrderStatus>>>) -> Printed {
    let mut table = out.table(&[
        "ORDER",
        "STATUS",
        "CHARGE",
        "START COUNT",
        "REMAINS",
        "CURRENCY",
    ]);
    for row in &answer.value {
        let cells = match &row.result {
            Ok(s) => vec![
                Cell::new(&row.id),
                out.status_cell(&s.status),
                Cell::new(s.charge.map(|c| c.to_string()).unwrap_or_default()),
                Cell::new(&s.start_count),
                Cell::new(&s.remains),
                Cell::new(&s.currency),
            ],
            Err(msg) => error_row(out, &row.id, msg),
        };
        table.add_row(cells);
    }
    printed(answer, table)
}

/// v2 `refill`, `refill_status`, `cancel`: the id and its outcome.
fn v2_items(out: &Output, kind: Batch, answer: Answer<Vec<Row<String>>>) -> Printed {
    let headers: &[&str] = match kind {
        Batch::Refill => &["ORDER", "REFILL"],
        Batch::RefillStatus => &["REFILL", "STATUS"],
        _ => &["ORDER", "CANCEL"],
    };
    let mut table = out.table(headers);
    for row in &answer.value {
        let cells = match &row.result {
            // `cancel: 1` means the panel accepted the request, not that the order is cancelled.
            Ok(v) if kind == Batch::Cancel && flag(&v.as_str().into()) == Some(true) => {
                vec![Cell::new(&row.id), Cell::new("requested")]
            }
            Ok(v) => vec![Cell::new(&row.id), out.status_cell(v)],
            Err(msg) => error_row(out, &row.id, msg),
        };
        table.add_row(cells);
    }
    printed(answer, table)
}

/// streamdetails `get`: ORDER, SERVICE, THREADS, STATUS, CREATED.
fn streamdetails_get(out: &Output, answer: Answer<Vec<Row<Order>>>) -> Printed {
    let mut table = out.table(&["ORDER", "SERVICE", "THREADS", "STATUS", "CREATED"]);
    for row in &answer.value {
        let cells = match &row.result {
            Ok(o) => vec![
                Cell::new(&row.id),
                Cell::new(&o.service),
                Cell::new(o.quantity.map(|q| q.to_string()).unwrap_or_default()),
                out.status_cell(&o.status),
                Cell::new(o.created_at.map(utc_date).unwrap_or_default()),
            ],
            Err(msg) => error_row(out, &row.id, msg),
        };
        table.add_row(cells);
    }
    printed(answer, table)
}

/// A row that shows a per-item error in the column after the id.
fn error_row(out: &Output, id: &str, msg: &str) -> Vec<Cell> {
    vec![Cell::new(id), out.status_cell(&format!("error: {msg}"))]
}

/// Counts the failed rows of `answer`.
fn printed<T>(answer: Answer<Vec<Row<T>>>, table: Table) -> Printed {
    Printed {
        failed: answer.value.iter().filter(|r| r.failed()).count(),
        total: answer.value.len(),
        raw: answer.raw,
        table,
    }
}
