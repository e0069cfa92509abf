//! `smm sync`: one cron command that keeps the order book current — the statuses of unfinished
//! orders, each panel's balance and catalogue (with what changed) — and raises the alerts that
//! cost money: a low balance, a panel that cannot be reached, stalled orders, orders that ended
//! Partial or Canceled, refills that ended Rejected. It also follows unfinished refills and, for
//! profiles with `auto_refill = true`, sends the due ones.

use super::Ctx;
use super::fanout::{Purpose, each, profiles};
use crate::alerts::{Alert, Kind, Resolved};
use crate::book::catalogue::{Change, Snap};
use crate::book::refills::{RefillChange, Sent};
use crate::book::{Asked, Book, OrderChange, Query, statuses};
use crate::cli::SyncArgs;
use crate::cli::settings::Settings;
use crate::config::Config;
use crate::exit::Exit;
use crate::output::{Output, views};
use crate::panel::{Account, Panel};
use serde::Serialize;

/// What `smm sync` found on one profile's panel.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// The profile.
    pub profile: String,
    /// The balance (exact text), when it was read.
    pub balance: Option<String>,
    /// The balance's currency.
    pub currency: Option<String>,
    /// How many unfinished orders were asked about.
    pub orders_asked: usize,
    /// The statuses that changed.
    pub status_changes: Vec<OrderChange>,
    /// The catalogue changes since the last sync.
    pub catalogue_changes: Vec<Change>,
    /// The unfinished refills asked about, each with its state before and now.
    pub refills_followed: Vec<RefillChange>,
    /// The refills sent (profiles with `auto_refill = true`).
    pub refills_sent: Vec<Sent>,
    /// What needs a person's attention: every alert standing, `new` when this run raised it.
    pub alerts: Vec<Alert>,
    /// The alerts that cleared in this run.
    pub resolved: Vec<Resolved>,
    /// Why this panel could not be synced (whole or in part).
    pub error: Option<String>,
}

/// The whole run, as `--json` prints it.
#[derive(Serialize)]
struct Document<'a> {
    /// Each profile's report, in the config file's order.
    profiles: &'a [Report],
    /// Every alert standing (and this run's events), `new` when this run raised it.
    alerts: Vec<&'a Alert>,
    /// Every alert that cleared in this run.
    resolved: Vec<&'a Resolved>,
}

/// Syncs every panel profile (or those of `-p a,b`) at once, prints the summary, the changes
/// and the alerts. Exit 0: no new alert; 3: new alerts; 1: every panel failed; 2: bad input.
pub fn run(settings: &Settings, _args: &SyncArgs) -> anyhow::Result<Exit> {
    let config = super::ctx::load_config(settings)?;
    let names = profiles(settings, &config, Purpose::Sync)?;
    // Opened (and migrated) once before the panels run in parallel.
    Book::open()?;
    let config = &config;
    let reports: Vec<Report> = each(
        &names,
        |name| sync_profile(settings, config, name),
        |name| Report {
            profile: name.to_string(),
            error: Some("internal error".into()),
            ..Report::default()
        },
    );
    let out = Output::new(settings.format);
    print(&out, &reports, settings.quiet)?;
    let alerts = reports
        .iter()
        .flat_map(|r| &r.alerts)
        .filter(|a| a.new)
        .count();
    let all_failed = reports
        .iter()
        .all(|r| r.error.is_some() && r.balance.is_none());
    Ok(match (all_failed, alerts) {
        (true, _) => Exit::Failed,
        (false, 0) => Exit::Success,
        (false, _) => Exit::Partial,
    })
}

/// Syncs one profile: statuses, balance, catalogue, then the alerts, settled against those
/// the book holds (raised once, resolved when they clear). The first request that fails stops
/// this profile (the others go on); its error becomes an alert.
fn sync_profile(settings: &Settings, config: &Config, name: &str) -> Report {
    let mut report = Report {
        profile: name.to_string(),
        ..Report::default()
    };
    let mut found = Found::default();
    let repeat = config.profile(Some(name)).ok().and_then(|p| p.alert_repeat);
    if let Err(e) = steps(settings, config, name, &mut report, &mut found) {
        let message = format!("{e:#}");
        found
            .alerts
            .push(crate::alerts::unreachable(name, &message));
        report.error = Some(message);
    }
    found.checked.push(Kind::Unreachable);
    let settled = Book::open()
        .and_then(|book| book.settle_alerts(name, &found.checked, found.alerts, repeat));
    match settled {
        Ok(settled) => {
            report.alerts = settled.alerts;
            report.resolved = settled.resolved;
        }
        Err(e) => {
            // Without the book, every alert found is shown as new.
            report.alerts = vec![crate::alerts::unreachable(name, &format!("{e:#}"))];
            report.error.get_or_insert_with(|| format!("{e:#}"));
        }
    }
    report
}

/// The alerts one profile's run found, and the kinds it could look at.
#[derive(Default)]
struct Found {
    /// The alerts the rules raised.
    alerts: Vec<Alert>,
    /// The kinds this run looked at (a standing alert of another kind is left as it is).
    checked: Vec<Kind>,
}

/// The steps of one profile's sync, filling `report` and `found` as they go.
fn steps(
    settings: &Settings,
    config: &Config,
    name: &str,
    report: &mut Report,
    found: &mut Found,
) -> anyhow::Result<()> {
    let profile = config.profile(Some(name))?;
    let ctx = Ctx::build(settings, profile, true)?;
    let profile = &ctx.profile;
    let book = Book::open()?;
    let panel = ctx.panel();
    let panel: &dyn Panel = &*panel;
    let url = crate::config::display_url(profile.url.as_str());
    let open = Query {
        profile: Some(name.to_string()),
        url: Some(url),
        ..Query::default()
    };
    // The statuses, and the balance and catalogue, go out at once (each request still within
    // the profile's concurrency and max_rpm); each side writes the book through its own
    // connection.
    let (orders, account) = std::thread::scope(|scope| {
        let open = &open;
        let orders = scope.spawn(move || {
            let book = Book::open()?;
            statuses(panel, &book, &book.unfinished(open)?)
        });
        let account = (|| -> anyhow::Result<(Account, Vec<Change>)> {
            let account = panel.balance()?.value;
            if let Account::Money(b) = &account {
                book.record_balance(name, b.amount, &b.currency)?;
            }
            Ok((account, catalogue(profile, panel, &book)?))
        })();
        let orders = orders
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("internal error")));
        (orders, account)
    });
    // What one side found is reported even when the other failed (the book has it already).
    let account_error = match account {
        Ok((account, catalogue_changes)) => {
            if let Account::Money(balance) = account {
                found.checked.push(Kind::LowBalance);
                found.alerts.extend(crate::alerts::low_balance(
                    name,
                    &balance,
                    profile.low_balance,
                ));
                report.balance = Some(balance.amount.to_string());
                report.currency = Some(balance.currency);
            } else if let Account::Threads(threads) = account {
                // A subscription: its free threads stand where money would.
                report.balance = threads.available.map(|n| n.to_string());
                report.currency = Some("threads free".to_string());
            }
            report.catalogue_changes = catalogue_changes;
            None
        }
        Err(e) => Some(e),
    };
    // Orders that ended, from the book's history: whichever run recorded the change (this
    // one, another sync, `smm orders --check`), each is alerted once.
    found.checked.push(Kind::Ended);
    for (order, status) in book.unalerted_changes(name)? {
        found
            .alerts
            .extend(crate::alerts::ended(name, &order, &status));
    }
    let Asked {
        count,
        changes,
        problems: _,
    } = orders?;
    report.orders_asked = count;
    report.status_changes = changes;
    let now = crate::time::now() as i64;
    found.checked.push(Kind::Stalled);
    for e in book.unfinished(&open)? {
        found
            .alerts
            .extend(crate::alerts::stalled(name, &e, now, profile.stalled_after));
    }
    if let Some(e) = account_error {
        return Err(e);
    }
    let followed = refills(&ctx, &book, report);
    // Refills that ended Rejected, from the book's refill history: whichever run recorded it
    // (this one, `smm refill-status`), each is alerted once.
    found.checked.push(Kind::RefillRejected);
    for (order, refill) in book.unalerted_refill_rejections(name)? {
        found
            .alerts
            .push(crate::alerts::refill_rejected(name, &order, &refill));
    }
    followed
}

/// Follows the profile's unfinished refills, then, with `auto_refill = true`, sends the
/// refills that are due.
fn refills(ctx: &Ctx, book: &Book, report: &mut Report) -> anyhow::Result<()> {
    let panel = ctx.panel();
    report.refills_followed = crate::book::refills::follow(&*panel, book)?;
    if ctx.profile.refills.auto {
        let refillable = ctx.refillable()?;
        let url = crate::config::display_url(ctx.profile.url.as_str());
        let rule = ctx.due_rule(&url, &refillable);
        let http = &ctx.http;
        let done = crate::book::refills::send_due(&*panel, book, &rule, &|| http.concurrency())?;
        report.refills_sent = done.sent;
        if let Some(e) = done.error {
            return Err(e);
        }
    }
    Ok(())
}

/// Fetches the catalogue fresh (refreshing the cache), compares it with the last sync's copy,
/// records both; returns the changes (none on the first sync).
fn catalogue(
    profile: &crate::config::Profile,
    panel: &dyn Panel,
    book: &Book,
) -> anyhow::Result<Vec<Change>> {
    let answer = panel.services()?;
    if let crate::panel::Raw::Body(body) = &answer.raw {
        crate::cache::put(&profile.name, profile.url.as_str(), body);
    }
    let snaps: Vec<Snap> = answer.value.iter().map(Snap::from).collect();
    book.sync_catalogue(&profile.name, &snaps)
}

/// Prints the summary table, the changes, the new alerts and the resolved ones (only the
/// alerts and resolved lines with `-q`), or one JSON document listing every standing alert.
fn print(out: &Output, reports: &[Report], alerts_only: bool) -> std::io::Result<()> {
    if out.json() {
        return out.json_line(&Document {
            profiles: reports,
            alerts: reports.iter().flat_map(|r| &r.alerts).collect(),
            resolved: reports.iter().flat_map(|r| &r.resolved).collect(),
        });
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
    let alerts = reports
        .iter()
        .flat_map(|r| &r.alerts)
        .filter(|a| a.new)
        .map(|a| format!("alert: {}", a.message));
    let resolved = reports
        .iter()
        .flat_map(|r| &r.resolved)
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
