//! A provider's catalogue as `smm sync` remembers it, and what changed between two copies:
//! services added or removed, rates (with the change in %), min/max, refill and cancel.

use crate::panel::Service;
use rust_decimal::Decimal;
use serde::Serialize;

/// One service as remembered between syncs.
#[derive(Debug, Clone, PartialEq)]
pub struct Snap {
    /// Service id.
    pub service: String,
    /// Name.
    pub name: String,
    /// Price per 1000.
    pub rate: Option<Decimal>,
    /// Minimum quantity.
    pub min: Option<u64>,
    /// Maximum quantity.
    pub max: Option<u64>,
    /// Refills offered.
    pub refill: Option<bool>,
    /// Cancels allowed.
    pub cancel: Option<bool>,
}

impl From<&Service> for Snap {
    fn from(s: &Service) -> Snap {
        Snap {
            service: s.id.clone(),
            name: s.name.clone(),
            rate: s.rate,
            min: s.min,
            max: s.max,
            refill: s.refill,
            cancel: s.cancel,
        }
    }
}

/// What changed about a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A service that was not there before.
    Added,
    /// A service that is gone.
    Removed,
    /// Its rate.
    Rate,
    /// Its minimum quantity.
    Min,
    /// Its maximum quantity.
    Max,
    /// Whether it offers refills.
    Refill,
    /// Whether it can be cancelled.
    Cancel,
}

impl Kind {
    /// The name stored in the book and shown in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Rate => "rate",
            Kind::Min => "min",
            Kind::Max => "max",
            Kind::Refill => "refill",
            Kind::Cancel => "cancel",
        }
    }

    /// The kind of a stored name.
    pub fn parse(name: &str) -> Option<Kind> {
        [
            Kind::Added,
            Kind::Removed,
            Kind::Rate,
            Kind::Min,
            Kind::Max,
            Kind::Refill,
            Kind::Cancel,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

/// One recorded change of a profile's catalogue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// When it was seen (RFC 3339 in JSON).
    #[serde(serialize_with = "crate::time::serialize_rfc3339")]
    pub time: i64,
    /// The profile whose panel changed.
    pub profile: String,
    /// The service id.
    pub service: String,
    /// The service's name.
    pub name: String,
    /// What changed.
    pub change: Kind,
    /// The value before (exact text), if any.
    pub old: Option<String>,
    /// The value after (exact text), if any.
    pub new: Option<String>,
}

impl Change {
    /// The change as one line: `service 1448 rate 0.90 → 1.10 (+22.2%)`.
    pub fn line(&self) -> String {
        let id = &self.service;
        let (old, new) = (
            self.old.as_deref().unwrap_or("?"),
            self.new.as_deref().unwrap_or("?"),
        );
        match self.change {
            Kind::Added => format!("service {id} new: {} {new}", self.name),
            Kind::Removed => format!("service {id} removed ({})", self.name),
            Kind::Rate => format!("service {id} rate {old} → {new}{}", percent(old, new)),
            other => format!("service {id} {} {old} → {new}", other.name()),
        }
    }
}

/// ` (+22.2%)` between two decimal texts, or nothing when either is not a number or zero.
fn percent(old: &str, new: &str) -> String {
    let (Ok(old), Ok(new)) = (old.parse::<Decimal>(), new.parse::<Decimal>()) else {
        return String::new();
    };
    if old.is_zero() {
        return String::new();
    }
    let Some(pct) = new
        .checked_sub(old)
        .and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED))
        .and_then(|d| d.checked_div(old))
    else {
        return String::new();
    };
    let pct = pct.round_dp(1);
    let sign = if pct.is_sign_positive() { "+" } else { "" };
    format!(" ({sign}{pct:.1}%)")
}

/// The changes from `old` to `new` (in `new`'s order, then the removed ones), seen at `time`.
pub fn diff(profile: &str, old: &[Snap], new: &[Snap], time: i64) -> Vec<Change> {
    use std::collections::HashMap;
    let before: HashMap<&str, &Snap> = old.iter().map(|s| (s.service.as_str(), s)).collect();
    let after: HashMap<&str, &Snap> = new.iter().map(|s| (s.service.as_str(), s)).collect();
    let text = |v: Option<String>| v;
    let change = |s: &Snap, kind: Kind, old: Option<String>, new: Option<String>| Change {
        time,
        profile: profile.to_string(),
        service: s.service.clone(),
        name: s.name.clone(),
        change: kind,
        old,
        new,
    };
    let mut changes = Vec::new();
    for s in new {
        let Some(was) = before.get(s.service.as_str()) else {
            changes.push(change(s, Kind::Added, None, rate(s.rate)));
            continue;
        };
        if was.rate != s.rate {
            changes.push(change(s, Kind::Rate, rate(was.rate), rate(s.rate)));
        }
        let num = |n: Option<u64>| text(n.map(|n| n.to_string()));
        if was.min != s.min {
            changes.push(change(s, Kind::Min, num(was.min), num(s.min)));
        }
        if was.max != s.max {
            changes.push(change(s, Kind::Max, num(was.max), num(s.max)));
        }
        let yes = |b: Option<bool>| b.map(|b| if b { "yes" } else { "no" }.to_string());
        if was.refill != s.refill {
            changes.push(change(s, Kind::Refill, yes(was.refill), yes(s.refill)));
        }
        if was.cancel != s.cancel {
            changes.push(change(s, Kind::Cancel, yes(was.cancel), yes(s.cancel)));
        }
    }
    for s in old {
        if !after.contains_key(s.service.as_str()) {
            changes.push(change(s, Kind::Removed, rate(s.rate), None));
        }
    }
    changes
}

/// A rate as exact text (`0.90` stays `0.90`).
fn rate(r: Option<Decimal>) -> Option<String> {
    r.map(|r| r.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(id: &str, rate: &str, min: u64) -> Snap {
        Snap {
            service: id.into(),
            name: format!("S{id}"),
            rate: rate.parse().ok(),
            min: Some(min),
            max: Some(1000),
            refill: Some(true),
            cancel: Some(false),
        }
    }

    #[test]
    fn every_kind_of_change_in_one_line_each() {
        let old = vec![snap("1448", "0.90", 50), snap("1452", "8", 10)];
        let mut changed = snap("1448", "1.10", 100);
        changed.cancel = Some(true);
        let new = vec![changed, snap("3000", "0.05", 10)];
        let lines: Vec<String> = diff("p", &old, &new, 0).iter().map(Change::line).collect();
        assert_eq!(
            lines,
            [
                "service 1448 rate 0.90 → 1.10 (+22.2%)",
                "service 1448 min 50 → 100",
                "service 1448 cancel no → yes",
                "service 3000 new: S3000 0.05",
                "service 1452 removed (S1452)",
            ]
        );
        assert!(diff("p", &old, &old, 0).is_empty());
        assert_eq!(percent("2", "1"), " (-50.0%)");
        assert_eq!(percent("0", "1"), "");
    }
}
