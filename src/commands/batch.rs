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
            // Refills are recorded in the order book: each request, then what the panel said.
            let book = ctx.book()?;
            let a = match other {
                Action::Refill => crate::book::refills::ask(&*panel, book, &ids)?,
                _ => {
                    let a = panel.refill_status(&ids)?;
                    if let Some(book) = book {
                        record_statuses(book, &ctx.profile.name, &ids, &a.value)?;
                    }
                    a
                }
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

/// Records what the panel said of the refills of `ids` the order book knows (on this profile).
fn record_statuses(
    book: &crate::book::Book,
    profile: &str,
    ids: &[u64],
    rows: &[Row<String>],
) -> anyhow::Result<()> {
    let known: std::collections::HashMap<String, i64> =
        book.refills_by_id(profile, ids)?.into_iter().collect();
    let seen: Vec<(i64, Result<String, String>)> = rows
        .iter()
        .filter(|r| !matches!(&r.result, Err(e) if crate::panel::unanswered(e)))
        .filter_map(|r| Some((*known.get(&r.id)?, r.result.clone())))
        .collect();
    book.record_refill_statuses(&seen)?;
    Ok(())
}

/// How many rows carry an error.
fn failures<T>(rows: &[Row<T>]) -> usize {
    rows.iter().filter(|r| r.failed()).count()
}
