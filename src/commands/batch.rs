//! `smm status`, `smm refill`, `smm refill-status`, `smm cancel`: ids in, one row per id out.

use super::Ctx;
use crate::cli::IdArgs;
use crate::exit::Exit;
use crate::output::views;
use crate::panel::{Action, Row};

/// Reads the ids (before anything else), sends the batch and prints one row per item.
pub fn run(
    ctx: impl FnOnce() -> anyhow::Result<Ctx>,
    action: Action,
    args: &IdArgs,
) -> anyhow::Result<Exit> {
    let ids = crate::ids::collect(
        &args.ids,
        args.file.as_deref(),
        &mut std::io::stdin().lock(),
    )?;
    let ctx = ctx()?;
    let panel = ctx.panel();
    let (raw, table, failed, total) = match action {
        Action::Status => {
            let a = panel.status(&ids)?;
            let table = views::statuses(&a.value);
            (a.raw, table, failures(&a.value), a.value.len())
        }
        Action::Cancel => {
            let a = panel.cancel(&ids)?;
            let table = views::cancels(&a.value);
            (a.raw, table, failures(&a.value), a.value.len())
        }
        other => {
            let a = match other {
                Action::Refill => panel.refill(&ids)?,
                _ => panel.refill_status(&ids)?,
            };
            let table = match other {
                Action::Refill => views::refills(&a.value),
                _ => views::refill_statuses(&a.value),
            };
            (a.raw, table, failures(&a.value), a.value.len())
        }
    };
    ctx.out.answer(&raw, &table)?;
    if failed > 0 {
        crate::msg::error(&format!("{failed} of {total} items carry an error"));
    }
    Ok(Exit::from_items(failed > 0))
}

/// How many rows carry an error.
fn failures<T>(rows: &[Row<T>]) -> usize {
    rows.iter().filter(|r| r.failed()).count()
}
