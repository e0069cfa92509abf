//! An order as smm sends it: the service and its form fields in API order, and the checks
//! of an order against its catalogue entry.

use crate::panel::Service;
use rust_decimal::Decimal;

/// An order ready to send: the form fields in API order (without `key` and `action`).
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    /// The service id.
    pub service: u64,
    /// Form fields, `service` first.
    pub fields: Vec<(&'static str, String)>,
}

impl Order {
    /// The value of a form field, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A numeric form field.
    pub fn number(&self, name: &str) -> Option<u64> {
        self.get(name).and_then(|v| v.parse().ok())
    }

    /// How many items a list field holds.
    pub fn items(&self, name: &str) -> Option<u64> {
        self.get(name).map(|v| v.lines().count() as u64)
    }
}

/// What a type needs: required form fields, and how its quantity is counted.
pub struct Needs {
    /// Form fields that must be present.
    pub fields: &'static [&'static str],
    /// How the ordered amount is found (for min/max and cost).
    pub amount: Amount,
}

/// How an order type expresses its amount.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// `quantity` (× `runs`).
    Quantity,
    /// The number of lines of a list field.
    Lines(&'static str),
    /// One package: the cost is the rate.
    Package,
    /// Subscriptions: `min`/`max` per post; the cost depends on future posts.
    PerPost,
}

/// The fields each order type needs (see panel-apis.md); unknown types are treated as Default.
pub fn needs(kind: &str) -> Needs {
    use Amount::*;
    let (fields, amount): (&'static [&'static str], Amount) =
        match kind.trim().to_lowercase().as_str() {
            "seo" => (&["link", "quantity", "keywords"], Quantity),
            "custom comments" => (&["link", "comments"], Lines("comments")),
            "custom comments package" => (&["link", "comments"], Package),
            "mentions" => (&["link", "quantity", "usernames"], Quantity),
            "mentions with hashtags" => (&["link", "quantity", "usernames", "hashtags"], Quantity),
            "mentions custom list" => (&["link", "usernames"], Lines("usernames")),
            "mentions hashtag" => (&["link", "quantity", "hashtag"], Quantity),
            "mentions user followers" => (&["link", "quantity", "username"], Quantity),
            "mentions media likers" => (&["link", "quantity", "media"], Quantity),
            "package" => (&["link"], Package),
            "comment likes" => (&["link", "quantity", "username"], Quantity),
            "comment replies" => (&["link", "username", "comments"], Lines("comments")),
            "poll" => (&["link", "quantity", "answer_number"], Quantity),
            "invites from groups" => (&["link", "quantity", "groups"], Quantity),
            "subscriptions" => (&["username", "min", "max", "delay"], PerPost),
            "web traffic" => (
                &["link", "quantity", "country", "device", "type_of_traffic"],
                Quantity,
            ),
            _ => (&["link", "quantity"], Quantity),
        };
    Needs { fields, amount }
}

/// An order checked against its service: the amount, runs and exact cost (when known).
#[derive(Debug, Clone, Copy)]
pub struct Priced {
    /// The amount checked against min/max (quantity, or lines of a list).
    pub amount: Option<u64>,
    /// Drip-feed runs (1 without drip-feed).
    pub runs: u64,
    /// rate × amount / 1000 × runs; the rate for packages; None when it depends on deliveries.
    pub cost: Option<Decimal>,
    /// Whether the rate is per package rather than per 1000.
    pub per_package: bool,
}

/// Checks an order against its service: the fields its type needs, the quantity within
/// min/max (Subscriptions: min and max per post); returns its price, or what is wrong.
pub fn check(service: &Service, order: &Order) -> Result<Priced, String> {
    let id = &service.id;
    let needs = needs(&service.kind);
    let missing: Vec<String> = needs
        .fields
        .iter()
        .filter(|f| order.get(f).is_none())
        .map(|f| format!("--{}", f.replace('_', "-")))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "service {id} ({}) needs {}",
            type_name(service),
            missing.join(", ")
        ));
    }
    let amount = match needs.amount {
        Amount::Quantity => order.number("quantity"),
        Amount::Lines(field) => order.number("quantity").or(order.items(field)),
        Amount::Package | Amount::PerPost => None,
    };
    if let Some(n) = amount {
        check_range(service, "quantity", n)?;
    }
    if needs.amount == Amount::PerPost {
        let (lo, hi) = (
            order.number("min").unwrap_or(0),
            order.number("max").unwrap_or(0),
        );
        check_range(service, "--min", lo)?;
        check_range(service, "--max", hi)?;
        if lo > hi {
            return Err(format!("--min {lo} is more than --max {hi}"));
        }
    }
    let runs = order.number("runs").unwrap_or(1);
    let cost: Option<Decimal> = service.rate.and_then(|rate| match needs.amount {
        Amount::Quantity => amount.and_then(|n| crate::money::cost(rate, n, runs)),
        Amount::Lines(_) => amount.and_then(|n| crate::money::cost(rate, n, 1)),
        Amount::Package => Some(rate.normalize()),
        Amount::PerPost => None,
    });
    Ok(Priced {
        amount,
        runs,
        cost,
        per_package: needs.amount == Amount::Package,
    })
}

/// The service's type, or `Default` when the panel sends none.
pub fn type_name(s: &Service) -> String {
    if s.kind.is_empty() {
        "Default".into()
    } else {
        s.kind.clone()
    }
}

/// Refuses `n` outside the service's min/max.
fn check_range(s: &Service, what: &str, n: u64) -> Result<(), String> {
    if let Some(min) = s.min.filter(|m| n < *m) {
        return Err(format!(
            "{what} {n} is below service {}'s minimum of {min}",
            s.id
        ));
    }
    if let Some(max) = s.max.filter(|m| n > *m) {
        return Err(format!(
            "{what} {n} is above service {}'s maximum of {max}",
            s.id
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_match_case_insensitively() {
        assert_eq!(needs("custom comments").fields, &["link", "comments"]);
        assert_eq!(needs("Custom Comments").fields, &["link", "comments"]);
        assert!(needs("Subscriptions").amount == Amount::PerPost);
        assert_eq!(needs("something new").fields, &["link", "quantity"]);
    }
}
