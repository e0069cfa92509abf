//! `smm sync`: one cron command that keeps the order book current — the statuses of unfinished
//! orders, each panel's balance and catalogue (with what changed) — and raises the alerts that
//! cost money: a low balance, a panel that cannot be reached, stalled orders, orders that ended
//! Partial or Canceled.

use super::Ctx;
use super::fanout::{Purpose, each, profiles};
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
    /// What needs a person's attention.
    pub alerts: Vec<Alert>,
    /// Why this panel could not be synced (whole or in part).
    pub error: Option<String>,
}

/// What an alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// The panel could not be reached, refused the key, or answered nonsense.
    Unreachable,
    /// An order ended Partial or Canceled since the last sync.
    Ended,
    /// A refill ended Rejected since the last sync (its subject: the panel's order id).
    RefillRejected,
    /// The balance is under the profile's `low_balance`.
    LowBalance,
    /// An unfinished order has not changed for the profile's `stalled_after`.
    Stalled,
}

/// One alert, naming its profile.
#[derive(Debug, Clone, Serialize)]
pub struct Alert {
    /// The profile it is about.
    pub profile: String,
    /// What kind of alert.
    pub kind: AlertKind,
    /// One line for a person.
    pub message: String,
}

/// The whole run, as `--json` prints it.
#[derive(Serialize)]
struct Document<'a> {
    /// Each profile's report, in the config file's order.
    profiles: &'a [Report],
    /// Every alert.
    alerts: Vec<&'a Alert>,
}

/// Syncs every panel profile (or those of `-p a,b`) at once, prints the summary, the changes
/// and the alerts. Exit 0: no alert; 3: alerts; 1: every panel failed; 2: bad input.
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

/// Syncs one profile: statuses, balance, catalogue, then the alerts. The first request that
/// fails stops this profile (the others go on); its error becomes an alert.
fn sync_profile(settings: &Settings, config: &Config, name: &str) -> Report {
    let mut report = Report {
        profile: name.to_string(),
        ..Report::default()
    };
    if let Err(e) = steps(settings, config, name, &mut report) {
        let message = format!("{e:#}");
        report.alerts.push(Alert {
            profile: name.to_string(),
            kind: AlertKind::Unreachable,
            message: format!("{name}: {}", crate::text::shorten(&message, 300)),
        });
        report.error = Some(message);
    }
    // The same order every run: unreachable, ended, low balance, stalled.
    report.alerts.sort_by_key(|a| a.kind);
    report
}

/// The steps of one profile's sync, filling `report` as they go.
fn steps(
    settings: &Settings,
    config: &Config,
    name: &str,
    report: &mut Report,
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
                if let Some(low) = profile.low_balance.filter(|low| balance.amount < *low) {
                    report.alerts.push(Alert {
                        profile: name.to_string(),
                        kind: AlertKind::LowBalance,
                        message: format!(
                            "{name}: balance {} {} is under low_balance {low}: top up the account",
                            balance.amount, balance.currency
                        ),
                    });
                }
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
    let Asked {
        count,
        changes,
        problems: _,
    } = orders?;
    report.orders_asked = count;
    for change in &changes {
        use crate::panel::status::{Canonical, canonical};
        let ended = matches!(
            canonical(&change.to),
            Some(Canonical::Partial | Canonical::Canceled)
        );
        if ended {
            report.alerts.push(Alert {
                profile: name.to_string(),
                kind: AlertKind::Ended,
                message: format!("{name}: order {} ended {}", change.order, change.to),
            });
        }
    }
    report.status_changes = changes;
    if let Some(e) = account_error {
        return Err(e);
    }
    refills(&ctx, &book, report)?;
    let now = crate::time::now() as i64;
    let stalled_after = i64::try_from(profile.stalled_after).unwrap_or(i64::MAX);
    for e in book.unfinished(&open)? {
        let since = e.changed.unwrap_or(e.created);
        if now.saturating_sub(since) >= stalled_after {
            report.alerts.push(Alert {
                profile: name.to_string(),
                kind: AlertKind::Stalled,
                message: format!(
                    "{name}: order {} ({}) has not changed for {}",
                    e.order.as_deref().unwrap_or("?"),
                    e.status.as_deref().unwrap_or("no status yet"),
                    crate::time::ago(now.saturating_sub(since).max(0) as u64)
                ),
            });
        }
    }
    Ok(())
}

/// Follows the profile's unfinished refills (alerting on each that ended Rejected), then, with
/// `auto_refill = true`, sends the refills that are due.
fn refills(ctx: &Ctx, book: &Book, report: &mut Report) -> anyhow::Result<()> {
    let name = &ctx.profile.name;
    let panel = ctx.panel();
    report.refills_followed = crate::book::refills::follow(&*panel, book)?;
    for c in report.refills_followed.iter().filter(|c| c.changed()) {
        if c.to == crate::panel::status::RefillState::Rejected.name() {
            report.alerts.push(Alert {
                profile: name.to_string(),
                kind: AlertKind::RefillRejected,
                message: format!(
                    "{name}: the refill {} of order {} ended Rejected",
                    c.refill, c.order
                ),
            });
        }
    }
    if ctx.profile.refills.auto {
        let refillable = ctx.refillable()?;
        let url = crate::config::display_url(ctx.profile.url.as_str());
        let rule = ctx.due_rule(&url, &refillable);
        let (sent, error) = crate::book::refills::send_due(&*panel, book, &rule)?;
        report.refills_sent = sent;
        if let Some(e) = error {
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

/// Prints the summary table and the changes, or only the alerts (`-q`), or one JSON document.
fn print(out: &Output, reports: &[Report], alerts_only: bool) -> std::io::Result<()> {
    if out.json() {
        let alerts = reports.iter().flat_map(|r| &r.alerts).collect();
        return out.json_line(&Document {
            profiles: reports,
            alerts,
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
