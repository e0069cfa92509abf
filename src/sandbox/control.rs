//! The sandbox's control endpoint (`POST /control`, loopback only, no key): changes the v2
//! panel's catalogue while it runs, so that `smm sync` can be shown and tested catching a price
//! rise or a service removed; and seeds many orders at once for benchmarks.
//!
//! Form fields: `action=rate&service=1448&rate=1.10`, `action=limits&service=1448&min=100&max=5000`,
//! `action=flags&service=1448&refill=0&cancel=1`, `action=remove&service=1452`,
//! `action=add&service=3000&name=TikTok Views&rate=0.05&min=100&max=100000`,
//! `action=seed&count=10000&quantity=100` (orders placed now on service 1448, already paid;
//! answers the first and last id), `action=balance&amount=0.10` (the balance from now on, before
//! the orders placed after), `action=advance&seconds=3600` (the virtual clock moves an hour
//! forward at once: orders move as if that time had passed; answers the seconds moved).

use super::v2::{Fields, V2State};
use serde_json::{Value, json};
use std::sync::atomic::{AtomicU64, Ordering};

/// The most virtual seconds one `advance` moves the clock: a year.
const MAX_ADVANCE: u64 = 366 * 86_400;

/// Applies one control action to `panel` at virtual time `now` (`advance` adds to `advanced`,
/// the seconds the clock was moved forward); the answer says what was done or what is wrong.
pub fn handle(
    panel: &mut V2State,
    advanced: &AtomicU64,
    fields: &Fields,
    now: f64,
) -> (u16, Value) {
    match apply(panel, advanced, fields, now) {
        Ok(done) => (200, done),
        Err(msg) => (400, json!({ "error": msg })),
    }
}

/// The action itself.
fn apply(
    panel: &mut V2State,
    advanced: &AtomicU64,
    fields: &Fields,
    now: f64,
) -> Result<Value, String> {
    let get = |name: &str| fields.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let number = |name: &str| -> Result<u64, String> {
        get(name)
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("{name} must be a whole number"))
    };
    let flag = |name: &str| get(name).map(|v| matches!(v, "1" | "true" | "yes"));
    let action = get("action").ok_or("action is missing")?;
    if action == "seed" {
        let count = number("count")?.min(1_000_000);
        let quantity = number("quantity").unwrap_or(100);
        let (first, last) = panel.seed(count, quantity, now);
        return Ok(json!({ "first": first, "last": last }));
    }
    if action == "balance" {
        let amount = get("amount")
            .and_then(crate::money::parse)
            .ok_or("amount must be an amount like 0.10")?;
        panel.set_balance(amount, now);
        return Ok(json!({ "ok": true }));
    }
    if action == "advance" {
        let seconds = number("seconds")?;
        if seconds > MAX_ADVANCE {
            return Err(format!("seconds must be at most {MAX_ADVANCE} (a year)"));
        }
        advanced.fetch_add(seconds, Ordering::Relaxed);
        return Ok(json!({ "advanced": seconds }));
    }
    let id = number("service")?;
    match action {
        "rate" => {
            let rate = get("rate")
                .and_then(crate::money::parse)
                .ok_or("rate must be an amount like 1.10")?;
            panel.edit(id, |s| s.rate = rate)?;
        }
        "limits" => {
            let (min, max) = (number("min")?, number("max")?);
            panel.edit(id, |s| {
                s.min = min;
                s.max = max;
            })?;
        }
        "flags" => {
            let (refill, cancel) = (flag("refill"), flag("cancel"));
            panel.edit(id, |s| {
                s.refill = refill.unwrap_or(s.refill);
                s.cancel = cancel.unwrap_or(s.cancel);
            })?;
        }
        "remove" => panel.remove(id)?,
        "add" => {
            let name = get("name").unwrap_or("New Service").to_string();
            let rate = get("rate")
                .and_then(crate::money::parse)
                .ok_or("rate must be an amount like 0.05")?;
            panel.add_service(id, name, rate, number("min")?, number("max")?)?;
        }
        other => return Err(format!("unknown action '{other}'")),
    }
    Ok(json!({ "ok": true }))
}
