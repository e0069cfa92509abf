//! `smm services`

use super::Ctx;
use crate::cli::settings::Settings;
use crate::cli::{ServicesArgs, SortBy};
use crate::exit::Exit;
use crate::output::{Output, Table, views};
use crate::panel::{Answer, Raw, Service, services_json};

/// Lists the catalogue — or the services with the ids given, in that order — filtered by
/// category, name and type (case-insensitive substrings). An id the catalogue lacks is an
/// error line on stderr and exit 3; the others still print.
pub fn run(ctx: impl FnOnce() -> anyhow::Result<Ctx>, args: &ServicesArgs) -> anyhow::Result<Exit> {
    // Ids are read before anything else: a bad one needs neither the config nor the network.
    let ids = match args.ids.is_empty() {
        true => Vec::new(),
        false => crate::ids::collect(&args.ids, None, &mut std::io::stdin().lock())?,
    };
    let ctx = ctx()?;
    let note_age = |age: Option<u64>| {
        if let Some(age) = age {
            crate::msg::note(&format!(
                "catalogue from the local cache, {age}s old (--refresh fetches it from the panel)"
            ));
        }
    };
    let filtered =
        !ids.is_empty() || args.category.is_some() || args.search.is_some() || args.kind.is_some();
    if ctx.out.json() && !filtered {
        // The body as it came: nothing to decode.
        let (body, age) = ctx.services_body()?;
        note_age(age);
        ctx.out.answer_with(|| body, Table::default)?;
        return Ok(Exit::Success);
    }
    let (
        Answer {
            raw: body,
            value: catalogue,
        },
        age,
    ) = ctx.services()?;
    note_age(age);
    let mut missing = Vec::new();
    let mut shown: Vec<&Service> = match ids.is_empty() {
        true => catalogue.iter().collect(),
        false => {
            let by_id: std::collections::HashMap<&str, &Service> =
                catalogue.iter().map(|s| (s.id.as_str(), s)).collect();
            ids.iter()
                .filter_map(|id| {
                    let found = by_id.get(id.to_string().as_str()).copied();
                    if found.is_none() {
                        missing.push(*id);
                    }
                    found
                })
                .collect()
        }
    };
    shown.retain(|s| matches(s, args));
    sort(&mut shown, args.sort, |s| s);
    ctx.out.answer_with(
        || match filtered {
            true => Raw::Body(services_json(&shown)),
            false => body,
        },
        || views::services(&shown),
    )?;
    for id in &missing {
        crate::msg::error(&format!(
            "service {id} is not in the catalogue of profile '{}' ({} services{}): see `smm services`",
            ctx.profile.name,
            catalogue.len(),
            match age {
                Some(_) => "; cached: --refresh fetches it from the panel",
                None => "",
            }
        ));
    }
    if shown.is_empty() && filtered && missing.is_empty() {
        crate::msg::note(&format!(
            "no service matches the filters ({} services in the catalogue)",
            catalogue.len()
        ));
    }
    Ok(Exit::from_items(!missing.is_empty()))
}

/// `smm services --all`: every panel profile's catalogue at once, filtered, in one table with
/// PROFILE and CURRENCY columns; `--sort rate` puts the cheapest offers across panels first.
/// A profile that fails shows its error in its row (exit 3); the others still print.
pub fn all(settings: &Settings, args: &ServicesArgs) -> anyhow::Result<Exit> {
    let results = super::fanout::each_profile(settings, |ctx| {
        let (answer, age) = ctx.services()?;
        if let Some(age) = age {
            crate::msg::note(&format!(
                "{}: catalogue from the local cache, {age}s old (--refresh fetches it)",
                ctx.profile.name
            ));
        }
        let currency = ctx
            .panel()
            .balance()
            .ok()
            .and_then(|b| b.value.currency().map(str::to_string))
            .unwrap_or_default();
        Ok((answer.value, currency))
    })?;
    let out = Output::new(settings.format);
    let failed: Vec<(String, String)> = results
        .iter()
        .filter_map(|(name, r)| r.as_ref().err().map(|e| (name.clone(), format!("{e:#}"))))
        .collect();
    let doc = super::fanout::per_profile_json(&results, |(services, _)| {
        let shown: Vec<&Service> = services.iter().filter(|s| matches(s, args)).collect();
        serde_json::from_str(&services_json(&shown)).unwrap_or_default()
    });
    let mut rows: Vec<views::Offer> = results
        .iter()
        .filter_map(|(name, r)| r.as_ref().ok().map(|(services, cur)| (name, services, cur)))
        .flat_map(|(name, services, cur)| {
            services
                .iter()
                .filter(|s| matches(s, args))
                .map(move |s| (name.as_str(), s, cur.as_str()))
        })
        .collect();
    sort(&mut rows, args.sort, |(_, s, _)| s);
    out.report(&doc, &views::offers(&rows, &failed))?;
    Ok(Exit::from_items(!failed.is_empty()))
}

/// `smm services changes`: the catalogue changes `smm sync` recorded, newest first (one
/// profile with `-p`).
pub fn changes(settings: &Settings, args: &crate::cli::ChangesArgs) -> anyhow::Result<Exit> {
    let book = crate::book::Book::open()?;
    let since = args
        .since
        .map(|s| crate::time::now().saturating_sub(s) as i64);
    let changes = book.catalogue_changes(since, settings.profile_filter().as_deref())?;
    let out = Output::new(settings.format);
    out.report(&changes, &views::catalogue_changes(&changes))?;
    if changes.is_empty() {
        crate::msg::note("no catalogue changes recorded (smm sync records them)");
    }
    Ok(Exit::Success)
}

/// Sorts rows by `key` of the service each row shows (stable: ties keep the panel's order).
fn sort<T>(rows: &mut [T], key: Option<SortBy>, service: impl Fn(&T) -> &Service) {
    match key {
        None => {}
        Some(SortBy::Rate) => rows.sort_by(|a, b| service(a).cheaper(service(b))),
        Some(SortBy::Name) => rows.sort_by_key(|r| service(r).name.to_lowercase()),
        Some(SortBy::Min) => rows.sort_by_key(|r| service(r).min.unwrap_or(u64::MAX)),
        Some(SortBy::Max) => rows.sort_by_key(|r| std::cmp::Reverse(service(r).max.unwrap_or(0))),
    }
}

/// Whether a service passes every given filter (see [`Service::matches`]).
fn matches(s: &Service, args: &ServicesArgs) -> bool {
    s.matches(
        args.category.as_deref(),
        args.kind.as_deref(),
        args.search.as_deref(),
    )
}
