//! `smm services`

use super::Ctx;
use crate::cli::{Global, ServicesArgs, SortBy};
use crate::exit::Exit;
use crate::panel::{Client, Raw, Service, services_json};

/// Lists the catalogue, filtered by category, name and type (case-insensitive substrings).
pub fn run(ctx: &Ctx, args: &ServicesArgs) -> anyhow::Result<Exit> {
    let streamdetails = matches!(ctx.client(), Client::Streamdetails(_));
    let (answer, age) = ctx.services()?;
    if let Some(age) = age {
        ctx.out.note(&format!(
            "catalogue from the local cache, {age}s old (--refresh fetches it from the panel)"
        ));
    }
    let filtered = args.category.is_some() || args.search.is_some() || args.kind.is_some();
    let mut shown: Vec<&Service> = answer.value.iter().filter(|s| matches(s, args)).collect();
    sort(&mut shown, args.sort, |s| s);
    if ctx.out.json {
        let raw = if filtered {
            Raw::Body(services_json(&shown))
        } else {
            answer.raw
        };
        ctx.out.print_raw(&raw)?;
        return Ok(Exit::Success);
    }
    let last: &[&str] = if streamdetails {
        &["DURATION"]
    } else {
        &["REFILL", "CANCEL"]
    };
    let mut headers = vec!["ID", "NAME", "CATEGORY", "TYPE", "RATE", "MIN", "MAX"];
    headers.extend_from_slice(last);
    let mut table = ctx.out.table(&headers);
    let num = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    for s in &shown {
        let mut row = vec![
            s.id.clone(),
            s.name.clone(),
            s.category.clone(),
            s.kind.clone(),
            s.rate.map(|r| r.to_string()).unwrap_or_default(),
            num(s.min),
            num(s.max),
        ];
        if streamdetails {
            row.push(s.duration.map(|d| format!("{d} min")).unwrap_or_default());
        } else {
            row.extend([yes_no(s.refill), yes_no(s.cancel)]);
        }
        table.add_row(row);
    }
    ctx.out.print_table(&mut table)?;
    if shown.is_empty() && filtered {
        ctx.out.note(&format!(
            "no service matches the filters ({} services in the catalogue)",
            answer.value.len()
        ));
    }
    Ok(Exit::Success)
}

/// `smm services --all`: every panel profile's catalogue at once, filtered, in one table with
/// PROFILE and CURRENCY columns; `--sort rate` puts the cheapest offers across panels first.
/// A profile that fails shows its error in its row (exit 3); the others still print.
pub fn all(global: &Global, args: &ServicesArgs) -> anyhow::Result<Exit> {
    let results = super::each_profile(global, |ctx| {
        let (answer, age) = ctx.services()?;
        if let Some(age) = age {
            ctx.out.note(&format!(
                "{}: catalogue from the local cache, {age}s old (--refresh fetches it)",
                ctx.profile.name
            ));
        }
        let currency = match ctx.client() {
            Client::V2(v2) => v2.balance().map(|b| b.value.currency).unwrap_or_default(),
            _ => String::new(),
        };
        Ok((answer.value, currency))
    })?;
    let out = crate::output::Output::new(global.json, global.quiet);
    let failed = results.iter().any(|(_, r)| r.is_err());
    if out.json {
        let doc = super::per_profile_json(&results, |(services, _)| {
            let shown: Vec<&Service> = services.iter().filter(|s| matches(s, args)).collect();
            serde_json::from_str(&services_json(&shown)).unwrap_or_default()
        });
        crate::output::print_line(&doc)?;
        return Ok(Exit::from_items(failed));
    }
    let mut rows: Vec<(&str, &Service, &str)> = results
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
    let mut table = out.table(&[
        "PROFILE", "ID", "NAME", "TYPE", "RATE", "CURRENCY", "MIN", "MAX", "REFILL", "CANCEL",
    ]);
    let num = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    for (name, s, currency) in &rows {
        table.add_row(vec![
            name.to_string(),
            s.id.clone(),
            s.name.clone(),
            s.kind.clone(),
            s.rate.map(|r| r.to_string()).unwrap_or_default(),
            currency.to_string(),
            num(s.min),
            num(s.max),
            yes_no(s.refill),
            yes_no(s.cancel),
        ]);
    }
    for (name, result) in &results {
        if let Err(e) = result {
            table.add_row(vec![name.clone(), String::new(), format!("error: {e:#}")]);
        }
    }
    out.print_table(&mut table)?;
    Ok(Exit::from_items(failed))
}

/// Sorts rows by `key` of the service each row shows (stable: ties keep the panel's order).
fn sort<T>(rows: &mut [T], key: Option<SortBy>, service: impl Fn(&T) -> &Service) {
    match key {
        None => {}
        Some(SortBy::Rate) => rows.sort_by(|a, b| {
            let (a, b) = (service(a).rate, service(b).rate);
            match (a, b) {
                (Some(a), Some(b)) => a.cmp(&b),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        }),
        Some(SortBy::Name) => rows.sort_by_key(|r| service(r).name.to_lowercase()),
        Some(SortBy::Min) => rows.sort_by_key(|r| service(r).min.unwrap_or(u64::MAX)),
        Some(SortBy::Max) => rows.sort_by_key(|r| std::cmp::Reverse(service(r).max.unwrap_or(0))),
    }
}

/// Whether a service passes every given filter: category and type contain their text; every
/// word of `--search` is in the name or the category (all case-insensitive).
fn matches(s: &Service, args: &ServicesArgs) -> bool {
    let lower = |t: &str| t.to_lowercase();
    let has = |field: &str, filter: &Option<String>| {
        filter
            .as_ref()
            .is_none_or(|f| lower(field).contains(&lower(f)))
    };
    let words = args.search.as_deref().map(lower).unwrap_or_default();
    let haystack = format!("{} {}", lower(&s.name), lower(&s.category));
    has(&s.category, &args.category)
        && has(&s.kind, &args.kind)
        && words.split_whitespace().all(|w| haystack.contains(w))
}

/// `yes`, `no` or blank for a flag the panel may omit.
fn yes_no(flag: Option<bool>) -> String {
    match flag {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}
