//! One profile's sync — the statuses of unfinished orders, the balance and the catalogue (with
//! what changed) recorded in the order book, and the alerts that cost money: a low balance, a
//! panel that cannot be reached, stalled orders, orders that ended Partial or Canceled — as
//! reports, nothing printed. `smm sync` prints them; the MCP `sync` tool answers them.

use super::Ctx;
use super::fanout::{Purpose, each, profiles};
use crate::book::catalogue::{Change, Snap};
use crate::book::{Asked, Book, OrderChange, Query, statuses};
use crate::cli::settings::Settings;
use crate::config::Config;
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
pub struct Document<'a> {
    /// Each profile's report, in the config file's order.
    profiles: &'a [Report],
    /// Every alert.
    alerts: Vec<&'a Alert>,
}

impl Document<'_> {
    /// The document of `reports`: every report, then every alert.
    pub fn of(reports: &[Report]) -> Document<'_> {
        Document {
            profiles: reports,
            alerts: reports.iter().flat_map(|r| &r.alerts).collect(),
        }
    }
}

/// Syncs every panel profile (or those of `-p a,b`) at once: one report per profile, in that
/// order; nothing printed. A bad `-p` or a book that cannot be opened is an error (exit 2).
pub fn reports(settings: &Settings) -> anyhow::Result<Vec<Report>> {
    let config = super::ctx::load_config(settings)?;
    let names = profiles(settings, &config, Purpose::Sync)?;
    // Opened (and migrated) once before the panels run in parallel.
    Book::open()?;
    let config = &config;
    Ok(each(
        &names,
        |name| sync_profile(settings, config, name),
        |name| Report {
            profile: name.to_string(),
            error: Some("internal error".into()),
            ..Report::default()
        },
    ))
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
