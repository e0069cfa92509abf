//! `smm sync`: one cron command that keeps the order book current — the statuses of unfinished
//! orders, each panel's balance and catalogue (with what changed) — and raises the alerts that
//! cost money: a low balance, a panel that cannot be reached, stalled orders, orders that ended
//! Partial or Canceled, refills that ended Rejected, a route that buys above its `sell` or has
//! no candidate left. It also follows unfinished refills and, for profiles with
//! `auto_refill = true`, sends the due ones. The sync itself is `syncing`'s (the MCP `sync` tool
//! runs it too); this module prints it.

use super::syncing::{Document, Synced};
use crate::cli::SyncArgs;
use crate::cli::settings::Settings;
use crate::exit::Exit;
use crate::output::{Output, views};

/// Syncs every panel profile (or those of `-p a,b`) at once, prints the summary, the changes
/// and the alerts. Exit 0: no new alert; 3: new alerts; 1: every panel failed; 2: bad input.
pub fn run(settings: &Settings, _args: &SyncArgs) -> anyhow::Result<Exit> {
    let synced = super::syncing::sync(settings, true)?;
    let out = Output::new(settings.format);
    print(&out, &synced, settings.quiet)?;
    let alerts = synced.alerts().filter(|a| a.new).count();
    let all_failed = synced
        .reports
        .iter()
        .all(|r| r.error.is_some() && r.balance.is_none());
    Ok(match (all_failed, alerts) {
        (true, _) => Exit::Failed,
        (false, 0) => Exit::Success,
        (false, _) => Exit::Partial,
    })
}

/// Prints the summary table, the changes, the new alerts and the resolved ones (only the
/// alerts and resolved lines with `-q`), or one JSON document listing every standing alert.
fn print(out: &Output, synced: &Synced, alerts_only: bool) -> std::io::Result<()> {
    if out.json() {
        return out.json_line(&Document::of(synced));
    }
    let (reports, routes) = (&synced.reports, &synced.routes);
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
        for c in r.refills_followed.iter().filter(|c| c.changed()) {
            lines.push(format!(
                "{}: refill {} of order {}: {} → {}",
                r.profile, c.refill, c.order, c.from, c.to
            ));
        }
        for s in &r.refills_sent {
            let answer = match (&s.refill, &s.error) {
                (Some(id), _) => format!("refill {id}"),
                (None, e) => format!("{}: {}", s.status, e.as_deref().unwrap_or("")),
            };
            lines.push(format!(
                "{}: refill of order {} sent: {answer}",
                r.profile, s.order
            ));
        }
    }
    for r in routes {
        if let (Some(now), Some(was)) = (&r.cheapest, &r.was) {
            lines.push(format!(
                "route '{}': the cheapest candidate is now {now} (was {was})",
                r.route
            ));
        }
    }
    let alerts = synced
        .alerts()
        .filter(|a| a.new)
        .map(|a| format!("alert: {}", a.message));
    let resolved = synced
        .resolved()
        .map(|r| format!("resolved: {}", r.message));
    let alerts: Vec<String> = alerts.chain(resolved).collect();
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
                refills_followed: r.refills_followed.len(),
                refills_sent: r.refills_sent.len(),
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
