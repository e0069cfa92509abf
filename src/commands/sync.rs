//! `smm sync`: one cron command that keeps the order book current — the statuses of unfinished
//! orders, each panel's balance and catalogue (with what changed) — and raises the alerts that
//! cost money (the work is `syncing`'s); this prints the summary, the changes and the alerts.

use super::syncing::{Document, Report, reports};
use crate::cli::SyncArgs;
use crate::cli::settings::Settings;
use crate::exit::Exit;
use crate::output::{Output, views};

/// Syncs every panel profile (or those of `-p a,b`) at once, prints the summary, the changes
/// and the alerts. Exit 0: no alert; 3: alerts; 1: every panel failed; 2: bad input.
pub fn run(settings: &Settings, _args: &SyncArgs) -> anyhow::Result<Exit> {
    let reports = reports(settings)?;
    let out = Output::new(settings.format);
    print(&out, &reports, settings.quiet)?;
    let alerts = reports.iter().map(|r| r.alerts.len()).sum::<usize>();
    let all_failed = reports
        .iter()
        .all(|r| r.error.is_some() && r.balance.is_none());
    Ok(match (all_failed, alerts) {
        (true, _) => Exit::Failed,
        (false, 0) => Exit::Success,
        (false, _) => Exit::Partial,
    })
}

/// Prints the summary table and the changes, or only the alerts (`-q`), or one JSON document.
fn print(out: &Output, reports: &[Report], alerts_only: bool) -> std::io::Result<()> {
    if out.json() {
        return out.json_line(&Document::of(reports));
    }
    let mut lines = Vec::new();
    for r in reports {
        for c in &r.status_changes {
            let from = c.from.as_deref().unwrap_or("(new)");
            lines.push(format!(
                "{}: order {}: {from} → {}",
                r.profile, c.order, c.to
            ));
        }
        for c in &r.catalogue_changes {
            lines.push(format!("{}: {}", r.profile, c.line()));
        }
    }
    let alerts: Vec<String> = reports
        .iter()
        .flat_map(|r| &r.alerts)
        .map(|a| format!("alert: {}", a.message))
        .collect();
    if !alerts_only {
        let rows: Vec<views::Synced> = reports
            .iter()
            .map(|r| views::Synced {
                profile: &r.profile,
                balance: match (&r.balance, &r.currency) {
                    (Some(b), Some(c)) => Some(format!("{b} {c}")),
                    _ => None,
                },
                failed: r.error.is_some(),
                orders_asked: r.orders_asked,
                status_changes: r.status_changes.len(),
                catalogue_changes: r.catalogue_changes.len(),
                alerts: r.alerts.len(),
            })
            .collect();
        out.table(&views::sync_summary(&rows))?;
        for line in &lines {
            out.line(line)?;
        }
    }
    for alert in &alerts {
        out.line(alert)?;
    }
    Ok(())
}
