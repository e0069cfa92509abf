//! `smm refills` (the refills of the order book), `smm refill --due` (every order that is due,
//! on every panel profile at once) and `smm refill-status` without ids (every unfinished refill
//! followed).

use super::Ctx;
use super::fanout::{Purpose, each, profiles};
use crate::book::Book;
use crate::book::refills::{Due, RefillChange, RefillQuery, Sent};
use crate::cli::settings::Settings;
use crate::cli::{RefillArgs, RefillsArgs};
use crate::exit::Exit;
use crate::output::{Output, views};
use serde::Serialize;

/// Lists the refills of the order book, newest first.
pub fn list(settings: &Settings, args: &RefillsArgs) -> anyhow::Result<Exit> {
    let book = Book::open()?;
    let out = Output::new(settings.format);
    let refills = book.refills(&RefillQuery {
        since: args
            .since
            .map(|s| crate::time::now().saturating_sub(s) as i64),
        profile: settings.profile_filter(),
        status: args.status.clone(),
        limit: args.limit,
    })?;
    out.report(&refills, &views::refill_records(&refills))?;
    if refills.is_empty() {
        crate::msg::note(&format!(
            "no refills in the order book {} match",
            book.place()
        ));
    }
    Ok(Exit::Success)
}

/// What `smm refill --due` did on one profile.
#[derive(Debug, Default, Serialize)]
struct DueReport {
    /// The profile.
    profile: String,
    /// The orders that were due (with --dry-run: that are due).
    due: Vec<Due>,
    /// Each refill sent and what came back (none with --dry-run).
    sent: Vec<Sent>,
    /// Why this profile could not be done (whole or in part).
    error: Option<String>,
}

/// `--json` of `smm refill --due`.
#[derive(Serialize)]
struct DueDocument<'a> {
    /// Whether nothing was sent.
    dry_run: bool,
    /// Each profile's report, in the config file's order (or -p's).
    profiles: &'a [DueReport],
}

/// Sends a refill for every due order of every panel profile (or those of -p a,b) at once;
/// `--dry-run` only lists them. Exit 0; 3 when the panel refused any or a profile failed; 1
/// when every profile failed.
pub fn due(settings: &Settings, args: &RefillArgs) -> anyhow::Result<Exit> {
    let config = super::ctx::load_config(settings)?;
    let names = profiles(settings, &config, Purpose::Refill)?;
    // Opened (and migrated) once before the profiles run in parallel.
    Book::open()?;
    let config = &config;
    let dry_run = args.dry_run;
    let reports: Vec<DueReport> = each(
        &names,
        |name| {
            let mut report = DueReport {
                profile: name.to_string(),
                ..DueReport::default()
            };
            if let Err(e) = due_profile(settings, config, name, dry_run, &mut report) {
                report.error = Some(format!("{e:#}"));
            }
            report
        },
        |name| DueReport {
            profile: name.to_string(),
            error: Some("internal error".into()),
            ..DueReport::default()
        },
    );
    let out = Output::new(settings.format);
    if out.json() {
        out.json_line(&DueDocument {
            dry_run,
            profiles: &reports,
        })?;
    } else if dry_run {
        let rows: Vec<(&str, &Due)> = reports
            .iter()
            .flat_map(|r| r.due.iter().map(|d| (r.profile.as_str(), d)))
            .collect();
        out.table(&views::refills_due(&rows))?;
    } else {
        let sent: Vec<Sent> = reports.iter().flat_map(|r| r.sent.clone()).collect();
        out.table(&views::refills_sent(&sent))?;
    }
    for r in &reports {
        if let Some(e) = &r.error {
            crate::msg::error(&format!("profile '{}': {e}", r.profile));
        }
    }
    let due: usize = reports.iter().map(|r| r.due.len()).sum();
    let refused = reports
        .iter()
        .flat_map(|r| &r.sent)
        .filter(|s| s.refused())
        .count();
    match (dry_run, due) {
        (_, 0) => crate::msg::note("no orders are due a refill"),
        (true, n) => crate::msg::note(&format!("{n} orders are due a refill; nothing was sent")),
        (false, n) => crate::msg::note(&format!(
            "{n} refills asked, {refused} refused (see `smm refills`)"
        )),
    }
    let failed = reports.iter().filter(|r| r.error.is_some()).count();
    Ok(if failed == reports.len() {
        Exit::Failed
    } else {
        Exit::from_items(failed > 0 || refused > 0)
    })
}

/// `--due` on one profile: its catalogue's refillable services, the due orders, and (unless
/// `dry_run`) the refills sent and recorded.
fn due_profile(
    settings: &Settings,
    config: &crate::config::Config,
    name: &str,
    dry_run: bool,
    report: &mut DueReport,
) -> anyhow::Result<()> {
    let ctx = Ctx::build(settings, config.profile(Some(name))?, true)?;
    let refillable = ctx.refillable()?;
    let url = crate::config::display_url(ctx.profile.url.as_str());
    let rule = ctx.due_rule(&url, &refillable);
    let book = Book::open()?;
    if dry_run {
        report.due = book.due_refills(&rule)?;
        return Ok(());
    }
    let http = &ctx.http;
    let done = crate::book::refills::send_due(&*ctx.panel(), &book, &rule, &|| http.concurrency())?;
    report.due = done.due;
    report.sent = done.sent;
    match done.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// What `smm refill-status` without ids learned on one profile.
#[derive(Debug, Default, Serialize)]
struct Followed {
    /// The profile.
    profile: String,
    /// Each unfinished refill asked about: its state before and now.
    refills: Vec<RefillChange>,
    /// Why this profile could not be asked.
    error: Option<String>,
}

/// Asks each panel profile's panel (or those of -p a,b) about every refill of the order book
/// still Pending or In progress, records what it says, prints one row per refill.
pub fn follow(settings: &Settings) -> anyhow::Result<Exit> {
    let config = super::ctx::load_config(settings)?;
    let names = profiles(settings, &config, Purpose::Refill)?;
    Book::open()?;
    let config = &config;
    let reports: Vec<Followed> = each(
        &names,
        |name| {
            let run = || -> anyhow::Result<Vec<RefillChange>> {
                let ctx = Ctx::build(settings, config.profile(Some(name))?, true)?;
                let book = Book::open()?;
                crate::book::refills::follow(&*ctx.panel(), &book)
            };
            match run() {
                Ok(refills) => Followed {
                    profile: name.to_string(),
                    refills,
                    error: None,
                },
                Err(e) => Followed {
                    profile: name.to_string(),
                    error: Some(format!("{e:#}")),
                    ..Followed::default()
                },
            }
        },
        |name| Followed {
            profile: name.to_string(),
            error: Some("internal error".into()),
            ..Followed::default()
        },
    );
    let out = Output::new(settings.format);
    let rows: Vec<(&str, &RefillChange)> = reports
        .iter()
        .flat_map(|r| r.refills.iter().map(|c| (r.profile.as_str(), c)))
        .collect();
    out.report(&reports, &views::refills_followed(&rows))?;
    for r in &reports {
        if let Some(e) = &r.error {
            crate::msg::error(&format!("profile '{}': {e}", r.profile));
        }
    }
    if rows.is_empty() {
        crate::msg::note("no unfinished refills in the order book");
    }
    let failed = reports.iter().filter(|r| r.error.is_some()).count();
    Ok(if failed == reports.len() {
        Exit::Failed
    } else {
        Exit::from_items(failed > 0)
    })
}
