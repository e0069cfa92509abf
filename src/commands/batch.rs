//! `smm status`, `smm refill`, `smm refill-status`, `smm cancel`: ids in, one row per id out.

use super::Ctx;
use crate::cli::IdArgs;
use crate::exit::Exit;
use crate::panel::Row;
use crate::panel::v2::Batch;
use comfy_table::Cell;

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
    let (raw, failed, total, mut table) = match kind {
        Batch::Status => {
            let answer = ctx.v2().status(&ids)?;
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
                    Err(msg) => vec![
                        Cell::new(&row.id),
                        out.status_cell(&format!("error: {msg}")),
                    ],
                };
                table.add_row(cells);
            }
            (
                answer.raw,
                count_failed(&answer.value),
                answer.value.len(),
                table,
            )
        }
        _ => {
            let answer = ctx.v2().items(kind, &ids)?;
            let headers: &[&str] = match kind {
                Batch::Refill => &["ORDER", "REFILL"],
                Batch::RefillStatus => &["REFILL", "STATUS"],
                _ => &["ORDER", "CANCEL"],
            };
            let mut table = out.table(headers);
            for row in &answer.value {
                let outcome = match &row.result {
                    Ok(v)
                        if kind == Batch::Cancel
                            && crate::panel::flag(&serde_json::Value::String(v.clone()))
                                == Some(true) =>
                    {
                        "requested".to_string()
                    }
                    Ok(v) => v.clone(),
                    Err(msg) => format!("error: {msg}"),
                };
                table.add_row(vec![Cell::new(&row.id), out.status_cell(&outcome)]);
            }
            (
                answer.raw,
                count_failed(&answer.value),
                answer.value.len(),
                table,
            )
        }
    };
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

/// How many rows carry an error.
fn count_failed<T>(rows: &[Row<T>]) -> usize {
    rows.iter().filter(|r| r.failed()).count()
}
