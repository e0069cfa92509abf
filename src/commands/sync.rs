//! `smm sync`: one cron command that keeps the order book current — the statuses of unfinished
//! orders, each panel's balance and catalogue (with what changed) — and raises the alerts that
//! cost money: a low balance, a panel that cannot be reached, stalled orders, orders that ended
//! Partial or Canceled.

use super::Ctx;
use crate::book::{Book, Entry, Query, Seen, StatusChange};
use crate::catalogue::{Change, Snap};
use crate::cli::SyncArgs;
use crate::config::Config;
use crate::exit::{Exit, usage};
use crate::output::{Cell, Output, Table};
use crate::panel::{Account, Panel};
use crate::settings::Settings;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

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

/// A status change of one order.
#[derive(Debug, Clone, Serialize)]
pub struct OrderChange {
    /// The panel's order id.
    pub order: String,
    /// The order book entry.
    pub id: String,
    /// The status before (none the first time).
    pub from: Option<String>,
    /// The status now, as the panel wrote it.
    pub to: String,
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
pub(crate) struct Document<'a> {
    /// Each profile's report, in the config file's order.
    profiles: &'a [Report],
    /// Every alert.
    alerts: Vec<&'a Alert>,
}

impl Document<'_> {
    /// The document of `reports`: every report, then every alert.
    pub(crate) fn of(reports: &[Report]) -> Document<'_> {
        Document {
            profiles: reports,
            alerts: reports.iter().flat_map(|r| &r.alerts).collect(),
        }
    }
}

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

/// Syncs every panel profile (or those of `-p a,b`) at once: one report per profile, in that
/// order; nothing printed.
pub(crate) fn reports(settings: &Settings) -> anyhow::Result<Vec<Report>> {
    let config = super::load_config(settings)?;
    let names = profiles(&config, settings.profiles_for_all())?;
    // Opened (and migrated) once before the panels run in parallel.
    Book::open()?;
    let reports: Vec<Report> = std::thread::scope(|scope| {
        let running: Vec<_> = names
            .iter()
            .map(|name| {
                let config = &config;
                scope.spawn(move || sync_profile(settings, config, name))
            })
            .collect();
        running
            .into_iter()
            .zip(&names)
            .map(|(handle, name)| {
                handle.join().unwrap_or_else(|_| Report {
                    profile: name.clone(),
                    error: Some("internal error".into()),
                    ..Report::default()
                })
            })
            .collect()
    });
    Ok(reports)
}

/// The profiles to sync: those of `-p a,b` (each must exist; `SMM_PROFILE` does not narrow
/// it), else every SMM panel profile.
fn profiles(config: &Config, requested: Option<Vec<String>>) -> anyhow::Result<Vec<String>> {
    let names: Vec<String> = match requested {
        Some(list) => list,
        None => config
            .file
            .profiles
            .iter()
            .filter(|(_, def)| def.api.is_panel())
            .map(|(name, _)| name.clone())
            .collect(),
    };
    for name in &names {
        let (_, def) = config.select(Some(name))?;
        if !def.api.is_panel() {
            return Err(usage(format!(
                "profile '{name}' is a useapi.net profile (api = \"useapi\"): `smm sync` needs SMM \
                 panel profiles (api = \"v2\" or \"streamdetails\"); nothing was sent"
            )));
        }
    }
    if names.is_empty() {
        return Err(usage(format!(
            "{} has no panel profiles to sync",
            config.path.display()
        )));
    }
    Ok(names)
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

/// What asking a panel about its open orders found.
#[derive(Debug, Default)]
pub struct Asked {
    /// How many order ids were asked about.
    pub count: usize,
    /// The statuses that changed.
    pub changes: Vec<OrderChange>,
    /// Why an entry's status could not be learned (the panel's per-item error, or no answer
    /// for it), by order book entry id.
    pub problems: BTreeMap<String, String>,
}

/// Asks the panel for the status of `open` orders (chunks of at most 100), records what it
/// sees, and returns what it asked, what changed and what could not be learned. The one path
/// by which `smm sync` and `smm orders --check` record statuses.
pub fn statuses(panel: &dyn Panel, book: &Book, open: &[Entry]) -> anyhow::Result<Asked> {
    let by_order = by_order(open);
    let mut ids: Vec<u64> = by_order.keys().filter_map(|o| o.parse().ok()).collect();
    ids.sort_unstable();
    if ids.is_empty() {
        return Ok(Asked::default());
    }
    let rows = panel.status(&ids)?.value;
    let mut asked = Asked {
        count: ids.len(),
        ..Asked::default()
    };
    let mut seen: Vec<(String, Seen)> = Vec::new();
    let mut answered: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for row in rows {
        for entry in by_order.get(&row.id).into_iter().flatten() {
            answered.insert(&entry.id);
            match &row.result {
                Ok(status) => seen.push((entry.id.clone(), self::seen(status.clone()))),
                Err(e) => {
                    asked.problems.insert(entry.id.clone(), e.clone());
                }
            }
        }
    }
    // Entries whose id is no order number were not asked about.
    let asked_about = by_order.iter().filter(|(o, _)| o.parse::<u64>().is_ok());
    for (_, entries) in asked_about {
        for e in entries.iter().filter(|e| !answered.contains(e.id.as_str())) {
            asked
                .problems
                .insert(e.id.clone(), "not in the panel's answer".into());
        }
    }
    let pairs: Vec<(&str, &Seen)> = seen.iter().map(|(id, s)| (id.as_str(), s)).collect();
    let changes = book.record_statuses(&pairs)?;
    let order_of: HashMap<&str, &str> = open
        .iter()
        .filter_map(|e| Some((e.id.as_str(), e.order.as_deref()?)))
        .collect();
    asked.changes = changes
        .into_iter()
        .map(|StatusChange { id, from, to }| OrderChange {
            order: order_of.get(id.as_str()).unwrap_or(&"?").to_string(),
            id,
            from,
            to,
        })
        .collect();
    Ok(asked)
}

/// The entries by the panel's order id (an id may appear on more than one entry).
fn by_order(entries: &[Entry]) -> HashMap<String, Vec<&Entry>> {
    let mut map: HashMap<String, Vec<&Entry>> = HashMap::new();
    for e in entries {
        if let Some(order) = &e.order {
            map.entry(order.clone()).or_default().push(e);
        }
    }
    map
}

/// A status as the order book records it.
fn seen(s: crate::panel::OrderStatus) -> Seen {
    Seen {
        finished: crate::panel::status::is_finished(&s.status),
        status: s.status,
        charge: s.charge,
        start_count: s.start_count,
        remains: s.remains,
        currency: s.currency,
    }
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
        out.table(&summary(reports))?;
        for line in &lines {
            out.line(line)?;
        }
    }
    for alert in &alerts {
        out.line(alert)?;
    }
    Ok(())
}

/// One row per profile: balance, orders asked, status changes, catalogue changes, alerts.
fn summary(reports: &[Report]) -> Table {
    let mut table = Table::new(&[
        "PROFILE",
        "BALANCE",
        "ORDERS ASKED",
        "STATUS CHANGES",
        "CATALOGUE CHANGES",
        "ALERTS",
    ]);
    for r in reports {
        let balance = match (&r.balance, &r.currency) {
            (Some(b), Some(c)) => Cell::new(format!("{b} {c}")),
            _ if r.error.is_some() => Cell::status("error"),
            _ => Cell::new(""),
        };
        table.add_row(vec![
            Cell::new(&r.profile),
            balance,
            Cell::number(r.orders_asked),
            Cell::number(r.status_changes.len()),
            Cell::number(r.catalogue_changes.len()),
            Cell::number(r.alerts.len()),
        ]);
    }
    table
}
