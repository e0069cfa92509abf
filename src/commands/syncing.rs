//! One sync — the statuses of unfinished orders, each panel's balance and catalogue (with what
//! changed) recorded in the order book, and the alerts that cost money, settled against those
//! the book holds: a low balance, a panel that cannot be reached, stalled orders, orders that
//! ended Partial or Canceled, refills that ended Rejected, a route that buys above its `sell` or
//! has no candidate left — as reports, nothing printed. It also follows unfinished refills and,
//! for profiles with `auto_refill = true`, sends the due ones. `smm sync` prints the reports; the
//! MCP `sync` tool answers them.

use super::Ctx;
use super::fanout::{Purpose, each, profiles};
use crate::alerts::{Alert, Kind, Resolved};
use crate::book::catalogue::{Change, Snap};
use crate::book::refills::{RefillChange, Sent};
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
    /// The unfinished refills asked about, each with its state before and now.
    pub refills_followed: Vec<RefillChange>,
    /// The refills sent (profiles with `auto_refill = true`).
    pub refills_sent: Vec<Sent>,
    /// How many refills were due and held back unsent (an `auto_refill` profile synced without
    /// sending: the MCP tool while `allow_orders` is off); absent when they were sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refills_held: Option<usize>,
    /// What needs a person's attention: every alert standing, `new` when this run raised it.
    pub alerts: Vec<Alert>,
    /// The alerts that cleared in this run.
    pub resolved: Vec<Resolved>,
    /// Why this panel could not be synced (whole or in part).
    pub error: Option<String>,
}

/// The whole run, as `--json` prints it.
#[derive(Serialize)]
pub struct Document<'a> {
    /// Each profile's report, in the config file's order.
    profiles: &'a [Report],
    /// Every alert standing (and this run's events), `new` when this run raised it.
    alerts: Vec<&'a Alert>,
    /// Every alert that cleared in this run.
    resolved: Vec<&'a Resolved>,
    /// Each route: its cheapest available candidate now and at the last sync.
    #[serde(skip_serializing_if = "<[RouteSeen]>::is_empty")]
    routes: &'a [RouteSeen],
}

impl Document<'_> {
    /// The document of a sync: every report, every standing alert, every resolved one, the
    /// routes.
    pub fn of(synced: &Synced) -> Document<'_> {
        Document {
            profiles: &synced.reports,
            alerts: synced.alerts().collect(),
            resolved: synced.resolved().collect(),
            routes: &synced.routes,
        }
    }
}

/// A route as `smm sync` saw it, and its alerts.
#[derive(Debug, Serialize)]
pub struct RouteSeen {
    /// The route.
    pub route: String,
    /// Its cheapest candidate that can take a typical order now (`profile:service`).
    pub cheapest: Option<String>,
    /// The cheapest at the last sync, when it changed.
    pub was: Option<String>,
    /// Its alerts standing (`new` when this run raised it).
    #[serde(skip)]
    pub alerts: Vec<Alert>,
    /// Its alerts that cleared in this run.
    #[serde(skip)]
    pub resolved: Vec<Resolved>,
}

/// What one sync found: each profile's report and each route's.
pub struct Synced {
    /// Each profile's report, in the order synced.
    pub reports: Vec<Report>,
    /// Each route whose candidates were all synced.
    pub routes: Vec<RouteSeen>,
    /// The alerts of routes no longer in the config, resolved by this run.
    pub removed: Vec<Resolved>,
}

impl Synced {
    /// Every alert standing (profiles', then routes'), `new` when this run raised it.
    pub fn alerts(&self) -> impl Iterator<Item = &Alert> {
        self.reports
            .iter()
            .flat_map(|r| &r.alerts)
            .chain(self.routes.iter().flat_map(|r| &r.alerts))
    }

    /// Every alert that cleared in this run (profiles', then routes', then those of routes no
    /// longer in the config).
    pub fn resolved(&self) -> impl Iterator<Item = &Resolved> {
        self.reports
            .iter()
            .flat_map(|r| &r.resolved)
            .chain(self.routes.iter().flat_map(|r| &r.resolved))
            .chain(&self.removed)
    }
}

/// Syncs every panel profile (or those of `-p a,b`) at once, then the routes whose candidates
/// are all among them, and forgets the routes no longer in the config; nothing printed. Due refills are sent for `auto_refill` profiles only
/// when `send_refills` (the MCP tool passes `allow_orders`). A bad `-p` or a book that cannot
/// be opened is an error (exit 2).
pub fn sync(settings: &Settings, send_refills: bool) -> anyhow::Result<Synced> {
    let config = super::ctx::load_config(settings)?;
    let names = profiles(settings, &config, Purpose::Sync)?;
    // Opened (and migrated) once before the panels run in parallel.
    Book::open()?;
    let config = &config;
    let reports: Vec<Report> = each(
        &names,
        |name| sync_profile(settings, config, name, send_refills),
        |name| Report {
            profile: name.to_string(),
            error: Some("internal error".into()),
            ..Report::default()
        },
    );
    let routes = routes(settings, config, &names)?;
    let removed = removed_routes(config)?;
    Ok(Synced {
        reports,
        routes,
        removed,
    })
}

/// Resolves the standing alerts of the routes no longer in the config (removed or renamed),
/// and forgets their cheapest candidate: a route that comes back starts afresh.
fn removed_routes(config: &Config) -> anyhow::Result<Vec<Resolved>> {
    let names: Vec<String> = config.routes()?.into_iter().map(|r| r.name).collect();
    Book::open()?.forget_routes(&names)
}

/// Syncs one profile: statuses, balance, catalogue, then the alerts, settled against those
/// the book holds (raised once, resolved when they clear). The first request that fails stops
/// this profile (the others go on); its error becomes an alert.
fn sync_profile(settings: &Settings, config: &Config, name: &str, send_refills: bool) -> Report {
    let mut report = Report {
        profile: name.to_string(),
        ..Report::default()
    };
    let mut found = Found::default();
    let repeat = config.profile(Some(name)).ok().and_then(|p| p.alert_repeat);
    if let Err(e) = steps(
        settings,
        config,
        name,
        send_refills,
        &mut report,
        &mut found,
    ) {
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
    send_refills: bool,
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
    let in_flight = ctx.http.concurrency();
    let (orders, account) = std::thread::scope(|scope| {
        let open = &open;
        let orders = scope.spawn(move || {
            let book = Book::open()?;
            statuses(panel, &book, &book.unfinished(open)?, in_flight)
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
    let followed = refills(&ctx, &book, send_refills, report);
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
/// refills that are due — or, without `send_refills`, only counts them as held back (found as
/// `smm refill --due --dry-run` finds them).
fn refills(ctx: &Ctx, book: &Book, send_refills: bool, report: &mut Report) -> anyhow::Result<()> {
    let panel = ctx.panel();
    report.refills_followed = crate::book::refills::follow(&*panel, book)?;
    if ctx.profile.refills.auto {
        let refillable = ctx.refillable()?;
        let url = crate::config::display_url(ctx.profile.url.as_str());
        let rule = ctx.due_rule(&url, &refillable);
        if !send_refills {
            report.refills_held = Some(book.due_refills(&rule)?.len());
            return Ok(());
        }
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
        let index = panel.catalogue_index(&answer);
        crate::cache::put(&profile.name, profile.url.as_str(), body, index.as_deref());
    }
    let snaps: Vec<Snap> = answer.value.iter().map(Snap::from).collect();
    book.sync_catalogue(&profile.name, &snaps)
}

/// The routes whose candidates are all among the synced profiles, each against a typical
/// order now (catalogues as the sync just fetched them): an alert when the cheapest candidate
/// that can take it buys above `sell`, or when none can, settled in the book like a profile's
/// (raised once, resolved when it clears; `alert_repeat` the shortest of its profiles'); the
/// cheapest remembered, to note (not alert) when it changed.
fn routes(
    settings: &Settings,
    config: &Config,
    names: &[String],
) -> anyhow::Result<Vec<RouteSeen>> {
    let routes: Vec<crate::route::Route> = config
        .routes()?
        .into_iter()
        .filter(|r| r.candidates.iter().all(|c| names.contains(&c.profile)))
        .collect();
    if routes.is_empty() {
        return Ok(Vec::new());
    }
    let all: Vec<&crate::route::Candidate> = routes.iter().flat_map(|r| &r.candidates).collect();
    let sides = super::candidates::look(settings, config, &all)?;
    let book = Book::open()?;
    let mut seen = Vec::new();
    for route in &routes {
        let name = &route.name;
        let typical = super::candidates::typical(route, &sides);
        let cheapest = typical
            .iter()
            .filter(|t| t.offer.available)
            .min_by_key(|t| t.offer.rate.unwrap_or(rust_decimal::Decimal::MAX));
        let now = cheapest.map(|t| format!("{}:{}", t.offer.profile, t.offer.service));
        let found: Vec<Alert> = match (cheapest, &now) {
            (Some(t), Some(now)) => match (t.offer.rate, route.sell) {
                (Some(rate), Some(sell)) => crate::alerts::negative_margin(name, now, rate, sell)
                    .into_iter()
                    .collect(),
                _ => Vec::new(),
            },
            _ => {
                let offers: Vec<_> = typical.iter().map(|t| t.offer.clone()).collect();
                vec![crate::alerts::no_candidate(
                    name,
                    &crate::route::refusals(&offers),
                )]
            }
        };
        let repeat = route
            .candidates
            .iter()
            .filter_map(|c| config.profile(Some(&c.profile)).ok()?.alert_repeat)
            .min();
        let settled = book.settle_route_alerts(name, found, repeat)?;
        let before = book.swap_cheapest(name, now.as_deref().unwrap_or(""))?;
        let was = before.filter(|b| !b.is_empty() && Some(b) != now.as_ref());
        seen.push(RouteSeen {
            route: name.clone(),
            cheapest: now,
            was,
            alerts: settled.alerts,
            resolved: settled.resolved,
        });
    }
    Ok(seen)
}
