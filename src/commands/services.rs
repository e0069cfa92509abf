//! `smm services`

use super::Ctx;
use crate::cli::ServicesArgs;
use crate::exit::Exit;
use crate::panel::{Client, Raw, Service, services_json};

/// Lists the catalogue, filtered by category, name and type (case-insensitive substrings).
pub fn run(ctx: &Ctx, args: &ServicesArgs) -> anyhow::Result<Exit> {
    let (answer, streamdetails) = match ctx.client() {
        Client::V2(v2) => (v2.services()?, false),
        Client::Streamdetails(sd) => (sd.services()?, true),
        Client::Useapi(_) => return Err(ctx.needs_panel("services")),
    };
    let filtered = args.category.is_some() || args.search.is_some() || args.kind.is_some();
    let shown: Vec<&Service> = answer.value.iter().filter(|s| matches(s, args)).collect();
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

/// Whether a service passes every given filter.
fn matches(s: &Service, args: &ServicesArgs) -> bool {
    let has = |field: &str, filter: &Option<String>| {
        filter
            .as_ref()
            .is_none_or(|f| field.to_lowercase().contains(&f.to_lowercase()))
    };
    has(&s.category, &args.category) && has(&s.name, &args.search) && has(&s.kind, &args.kind)
}

/// `yes`, `no` or blank for a flag the panel may omit.
fn yes_no(flag: Option<bool>) -> String {
    match flag {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}
