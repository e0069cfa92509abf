//! The alerts of `smm sync`: what one is (profile, kind, subject, message), the rules that
//! raise each kind, and the words for one that clears. Their state — raised once when it
//! starts, standing while it lasts, resolved when it clears — is kept in the order book
//! (`Book::settle_alerts`); an ended order is an event read from the book's status history
//! (`Book::unalerted_changes`), so it is alerted once whichever run recorded the change; a
//! refill that ended Rejected likewise, from the book's refill history
//! (`Book::unalerted_refill_rejections`).

use serde::Serialize;

/// What an alert is about. A new kind is one variant here (its name, and its words when it
/// clears).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The panel could not be reached, refused the key, or answered nonsense.
    Unreachable,
    /// An order ended Partial or Canceled (an event: alerted once, never standing).
    Ended,
    /// A refill ended Rejected (an event: alerted once, never standing, never resolved — a
    /// later refill of the order is a new request, not the same one recovering).
    RefillRejected,
    /// The balance is under the profile's `low_balance`.
    LowBalance,
    /// An unfinished order has not changed for the profile's `stalled_after`.
    Stalled,
    /// A route's cheapest available candidate buys above the route's `sell` (subject: the
    /// route; no profile).
    NegativeMargin,
    /// No candidate of a route can take a typical order now (subject: the route; no profile).
    NoCandidate,
}

impl Kind {
    /// Every kind, in the order alerts are shown.
    pub const ALL: [Kind; 7] = [
        Kind::Unreachable,
        Kind::Ended,
        Kind::RefillRejected,
        Kind::LowBalance,
        Kind::Stalled,
        Kind::NegativeMargin,
        Kind::NoCandidate,
    ];

    /// The kinds about a route rather than a profile.
    pub const ROUTE: [Kind; 2] = [Kind::NegativeMargin, Kind::NoCandidate];

    /// The name stored in the book and printed by `--json`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Unreachable => "unreachable",
            Kind::Ended => "ended",
            Kind::RefillRejected => "refill_rejected",
            Kind::LowBalance => "low_balance",
            Kind::Stalled => "stalled",
            Kind::NegativeMargin => "negative_margin",
            Kind::NoCandidate => "no_candidate",
        }
    }

    /// The kind of a stored name.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether alerts of this kind are events (raised once, never standing) rather than
    /// conditions that last until they clear.
    pub fn is_event(self) -> bool {
        matches!(self, Kind::Ended | Kind::RefillRejected)
    }

    /// The line for an alert of this kind on `profile` about `subject` that cleared.
    pub fn resolved(self, profile: &str, subject: &str) -> String {
        match self {
            Kind::Unreachable => format!("{profile}: the panel answers again"),
            Kind::Ended => format!("{profile}: order {subject} ended"),
            Kind::RefillRejected => format!("{profile}: the refill of order {subject} ended"),
            Kind::LowBalance => format!("{profile}: the balance is back at or above low_balance"),
            Kind::Stalled => format!("{profile}: order {subject} is no longer stalled"),
            Kind::NegativeMargin => {
                format!("route '{subject}': the cheapest candidate buys at or below sell again")
            }
            Kind::NoCandidate => format!("route '{subject}': a candidate can take an order again"),
        }
    }
}

/// The line for a route's alert resolved because the route is no longer in the config.
pub fn route_removed(route: &str) -> String {
    format!("route '{route}': no longer in the config")
}

/// One alert, naming its profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    /// The profile it is about (empty for a route's alerts: a route spans profiles).
    pub profile: String,
    /// What kind of alert.
    pub kind: Kind,
    /// What it is about within the profile: the panel order id for per-order alerts, empty for
    /// the whole profile (a low balance, an unreachable panel); the route's name for a route's.
    pub subject: String,
    /// One line for a person.
    pub message: String,
    /// Whether it was raised by this run (printed, exit 3); false for one that stands since
    /// an earlier run.
    pub new: bool,
}

impl Alert {
    /// An alert as a rule raises it (`new` is settled by the book).
    fn raise(profile: &str, kind: Kind, subject: &str, message: String) -> Alert {
        Alert {
            profile: profile.to_string(),
            kind,
            subject: subject.to_string(),
            message: crate::book::limits::cut(&message, crate::book::limits::ERROR),
            new: true,
        }
    }
}

/// An alert that cleared since the last run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolved {
    /// The profile it was about.
    pub profile: String,
    /// What kind of alert.
    pub kind: Kind,
    /// What it was about (see [`Alert::subject`]).
    pub subject: String,
    /// One line for a person.
    pub message: String,
}

/// The panel of `profile` could not be synced: `error` says why.
pub fn unreachable(profile: &str, error: &str) -> Alert {
    Alert::raise(
        profile,
        Kind::Unreachable,
        "",
        format!("{profile}: {}", crate::text::shorten(error, 300)),
    )
}

/// The balance is under `low`, when it is.
pub fn low_balance(
    profile: &str,
    balance: &crate::panel::Balance,
    low: Option<rust_decimal::Decimal>,
) -> Option<Alert> {
    let low = low.filter(|low| balance.amount < *low)?;
    Some(Alert::raise(
        profile,
        Kind::LowBalance,
        "",
        format!(
            "{profile}: balance {} {} is under low_balance {low}: top up the account",
            balance.amount, balance.currency
        ),
    ))
}

/// Panel order `order` went to `status`: an alert when that ends it Partial or Canceled.
pub fn ended(profile: &str, order: &str, status: &str) -> Option<Alert> {
    use crate::panel::status::{Canonical, canonical};
    matches!(
        canonical(status),
        Some(Canonical::Partial | Canonical::Canceled)
    )
    .then(|| {
        Alert::raise(
            profile,
            Kind::Ended,
            order,
            format!("{profile}: order {order} ended {status}"),
        )
    })
}

/// The refill `refill` of panel order `order` ended Rejected (its subject: the order).
pub fn refill_rejected(profile: &str, order: &str, refill: &str) -> Alert {
    Alert::raise(
        profile,
        Kind::RefillRejected,
        order,
        format!("{profile}: the refill {refill} of order {order} ended Rejected"),
    )
}

/// An unfinished order that has not moved for `after` seconds, as of `now`.
pub fn stalled(profile: &str, e: &crate::book::Entry, now: i64, after: u64) -> Option<Alert> {
    let after = i64::try_from(after).unwrap_or(i64::MAX);
    let since = e.changed.unwrap_or(e.created);
    let idle = now.saturating_sub(since);
    let order = e.order.as_deref().unwrap_or("?");
    (idle >= after).then(|| {
        Alert::raise(
            profile,
            Kind::Stalled,
            order,
            format!(
                "{profile}: order {order} ({}) has not changed for {}",
                e.status.as_deref().unwrap_or("no status yet"),
                crate::time::ago(idle.max(0) as u64)
            ),
        )
    })
}

/// Route `route`'s cheapest available candidate (`profile:service`) buys at `rate` per 1000,
/// above the route's `sell`: an alert saying what every order loses.
pub fn negative_margin(
    route: &str,
    cheapest: &str,
    rate: rust_decimal::Decimal,
    sell: rust_decimal::Decimal,
) -> Option<Alert> {
    use crate::money::show;
    (rate > sell).then(|| {
        Alert::raise(
            "",
            Kind::NegativeMargin,
            route,
            format!(
                "route '{route}': the cheapest candidate {cheapest} buys at {} per 1000, above sell {}: every order loses {}",
                show(rate),
                show(sell),
                show(rate - sell)
            ),
        )
    })
}

/// No candidate of route `route` can take a typical order now: `why` has one reason per
/// candidate.
pub fn no_candidate(route: &str, why: &[String]) -> Alert {
    Alert::raise(
        "",
        Kind::NoCandidate,
        route,
        format!(
            "route '{route}': no candidate can take an order now ({})",
            why.join("; ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_only_ended_and_refill_rejected_are_events() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.name()), Some(kind));
            assert_eq!(
                kind.is_event(),
                matches!(kind, Kind::Ended | Kind::RefillRejected)
            );
        }
        assert_eq!(Kind::parse("nosuch"), None);
    }

    #[test]
    fn only_partial_and_canceled_end_with_an_alert() {
        assert_eq!(
            ended("p", "7", "Partial").unwrap().message,
            "p: order 7 ended Partial"
        );
        assert!(ended("p", "7", "Cancelled").is_some());
        assert!(ended("p", "7", "Completed").is_none());
        assert!(ended("p", "7", "In progress").is_none());
    }

    #[test]
    fn a_route_alerts_only_when_it_buys_above_sell() {
        let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
        let alert = negative_margin("ig", "pica:1", d("1.60"), d("1.50")).unwrap();
        assert_eq!(
            alert.message,
            "route 'ig': the cheapest candidate pica:1 buys at 1.60 per 1000, above sell 1.50: every order loses 0.10"
        );
        assert_eq!((alert.profile.as_str(), alert.subject.as_str()), ("", "ig"));
        assert!(negative_margin("ig", "pica:1", d("1.50"), d("1.50")).is_none());
        assert!(Kind::ROUTE.iter().all(|k| !k.is_event()));
    }
}
