//! What a catalogue entry says of an order: the fields each service type needs, whether an
//! order fits the service (quantity within min/max, drip-feed, a real rate) and its exact price.

use super::Service;
use crate::money;
use crate::order::{Naming, Order, known};
use rust_decimal::Decimal;

/// What a type needs: required form fields, and how its quantity is counted.
pub struct Needs {
    /// Form fields that must be present.
    pub fields: &'static [&'static str],
    /// How the ordered amount is found (for min/max and cost).
    pub amount: Amount,
}

/// How an order type expresses its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// A type name as `needs` compares it: lower case, without spaces, underscores or hyphens
/// (`Custom Comments`, `custom_comments` and `CUSTOM-COMMENTS` are one type).
pub fn normalised(kind: &str) -> String {
    kind.chars()
        .filter(|c| !(c.is_whitespace() || *c == '_' || *c == '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The fields each order type needs (see panel-apis.md); unknown types are treated as Default.
pub fn needs(kind: &str) -> Needs {
    use Amount::*;
    let (fields, amount): (&'static [&'static str], Amount) = match normalised(kind).as_str() {
        "seo" => (&["link", "quantity", "keywords"], Quantity),
        "customcomments" => (&["link", "comments"], Lines("comments")),
        "customcommentspackage" => (&["link", "comments"], Package),
        "mentions" => (&["link", "quantity", "usernames"], Quantity),
        "mentionswithhashtags" => (&["link", "quantity", "usernames", "hashtags"], Quantity),
        "mentionscustomlist" => (&["link", "usernames"], Lines("usernames")),
        "mentionshashtag" => (&["link", "quantity", "hashtag"], Quantity),
        "mentionsuserfollowers" => (&["link", "quantity", "username"], Quantity),
        "mentionsmedialikers" => (&["link", "quantity", "media"], Quantity),
        "package" => (&["link"], Package),
        "commentlikes" => (&["link", "quantity", "username"], Quantity),
        "commentreplies" => (&["link", "username", "comments"], Lines("comments")),
        "poll" => (&["link", "quantity", "answer_number"], Quantity),
        "invitesfromgroups" => (&["link", "quantity", "groups"], Quantity),
        "subscriptions" => (&["username", "min", "max", "delay"], PerPost),
        "webtraffic" => (
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

impl Service {
    /// What this service's type needs (see [`needs`]).
    pub fn needs(&self) -> Needs {
        needs(&self.kind)
    }

    /// Checks an order against this service: the fields its type needs, the quantity within
    /// min/max (Subscriptions: min and max per post); returns its price, or what is wrong.
    pub fn price(&self, order: &Order) -> Result<Priced, String> {
        price(self, order)
    }

    /// The service's type, or `Default` when the panel sends none.
    pub fn type_name(&self) -> String {
        if self.kind.is_empty() {
            "Default".into()
        } else {
            self.kind.clone()
        }
    }

    /// Whether the service passes every given filter: its category and type contain their
    /// text (the type compared without case, spaces, underscores or hyphens: `custom comments`
    /// finds `custom_comments`); every word of `words` is in the name or the category (all
    /// case-insensitive).
    pub fn matches(&self, category: Option<&str>, kind: Option<&str>, words: Option<&str>) -> bool {
        let lower = |t: &str| t.to_lowercase();
        let kind = kind.map(normalised);
        category.is_none_or(|c| lower(&self.category).contains(&lower(c)))
            && kind.is_none_or(|k| normalised(&self.kind).contains(&k))
            && words.is_none_or(|words| {
                let haystack = format!("{} {}", lower(&self.name), lower(&self.category));
                lower(words)
                    .split_whitespace()
                    .all(|w| haystack.contains(w))
            })
    }

    /// Cheapest first: compares the rates, an unknown rate after every known one.
    pub fn cheaper(&self, other: &Service) -> std::cmp::Ordering {
        match (self.rate, other.rate) {
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    }

    /// Whether the service takes a bare username in `link` as well as a URL. Panels do not say
    /// so in their catalogue, so smm decides here, from the entry's name: services sold per
    /// account — a name holding `follower`, `subscriber`, `member`, `profile` or `username`
    /// (any case) — take one; every other service needs an `http(s)://` link. A panel that
    /// takes a username elsewhere still gets a working order from the profile's URL.
    pub fn takes_username(&self) -> bool {
        let name = self.name.to_lowercase();
        ["follower", "subscriber", "member", "profile", "username"]
            .iter()
            .any(|w| name.contains(w))
    }

    /// Refuses `n` outside the service's min/max (and a service whose min is above its max).
    pub fn check_range(&self, what: &str, n: u64) -> Result<(), String> {
        check_range(self, what, n)
    }
}

/// [`Service::price`].
fn price(service: &Service, order: &Order) -> Result<Priced, String> {
    let id = &service.id;
    check_entry(service)?;
    check_limits(service)?;
    if let Some(link) = order.get("link")
        && crate::order::is_handle(link)
        && !service.takes_username()
    {
        return Err(if link.contains('.') && !link.starts_with(['.', '@']) {
            format!("--link '{link}' has no scheme: write https://{link}")
        } else {
            format!(
                "service {id} ({}) takes a link, not a username: --link '{link}' must be an \
                 https://… URL",
                service.name
            )
        });
    }
    let needs = needs(&service.kind);
    let missing: Vec<String> = needs
        .fields
        .iter()
        .filter(|f| order.get(f).is_none())
        .map(|f| Naming::Flag.of(known(f)))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "service {id} ({}) needs {}",
            service.type_name(),
            missing.join(", ")
        ));
    }
    let amount = match needs.amount {
        Amount::Quantity => order.number("quantity"),
        Amount::Lines(field) => order.number("quantity").or(order.items(field)),
        Amount::Package | Amount::PerPost => None,
    };
    if let Some(n) = amount {
        match needs.amount {
            // Counted from a list: errors say `3 comments`, not `quantity 3`.
            Amount::Lines(field) if order.get("quantity").is_none() => {
                check_span(service, &format!("{n} {field} are"), n)?
            }
            _ => check_range(service, "quantity", n)?,
        }
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
    if service.dripfeed == Some(false) && order.get("runs").is_some() {
        return Err(format!(
            "service {id} does not take drip-feed (the panel lists it with dripfeed off): \
             order it without --runs and --interval"
        ));
    }
    let runs = order.number("runs").unwrap_or(1);
    let cost: Option<Decimal> = service.rate.and_then(|rate| match needs.amount {
        Amount::Quantity => amount.and_then(|n| money::cost(rate, n, runs)),
        Amount::Lines(_) => amount.and_then(|n| money::cost(rate, n, 1)),
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

/// Refuses a catalogue entry smm cannot check an order against: a rate that is negative or
/// not an exact decimal (the cost would be wrong), a min or max that is not a whole number
/// (the range check would be lost). Absent or blank values are fine.
fn check_entry(s: &Service) -> Result<(), String> {
    let raw: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(s.raw.get()).unwrap_or_default();
    let given = |key: &str| {
        raw.get(key)
            .filter(|v| !(v.is_null() || v.as_str().is_some_and(|t| t.trim().is_empty())))
    };
    let broken = |why: String| {
        Err(format!(
            "service {}'s catalogue entry is broken: {why}; ask the panel, or pick another service",
            s.id
        ))
    };
    match (s.rate, given("rate")) {
        (Some(rate), _) if rate.is_sign_negative() && !rate.is_zero() => {
            return broken(format!("its rate is negative ({rate})"));
        }
        (None, Some(v)) => {
            if let Err(why) = money::field(v, "rate") {
                return broken(why);
            }
        }
        _ => {}
    }
    for (key, read) in [("min", s.min), ("max", s.max)] {
        if let (None, Some(v)) = (read, given(key)) {
            let shown = match v {
                serde_json::Value::String(t) => t.clone(),
                other => other.to_string(),
            };
            return broken(format!(
                "its {key} '{}' is not a whole number, so the quantity cannot be checked against it",
                crate::text::shorten(&shown, 40)
            ));
        }
    }
    Ok(())
}

/// A rate (per 1000, or per package) at or above this is a placeholder, not a price: panels
/// list disabled services at rates such as 1000000000000.
pub const ABSURD_RATE: u64 = 1_000_000_000;

/// Refuses a service whose catalogue entry cannot be a real offer: its minimum above its
/// maximum (no quantity fits), or a negative or absurd rate (a placeholder). Names every reason.
fn check_limits(s: &Service) -> Result<(), String> {
    let mut why = Vec::new();
    if let (Some(min), Some(max)) = (s.min, s.max)
        && min > max
    {
        why.push(format!("its minimum ({min}) above its maximum ({max})"));
    }
    if let Some(rate) = s.rate
        && (rate.is_sign_negative() || rate >= Decimal::from(ABSURD_RATE))
    {
        why.push(format!(
            "a rate of {rate}, a placeholder rather than a price"
        ));
    }
    match why.is_empty() {
        true => Ok(()),
        false => Err(format!(
            "service {} cannot be ordered: the panel lists {}",
            s.id,
            why.join(" and ")
        )),
    }
}

/// [`Service::check_range`].
fn check_range(s: &Service, what: &str, n: u64) -> Result<(), String> {
    check_span(s, &format!("{what} {n} is"), n)
}

/// Refuses `n` outside the service's min/max; `shown` words it with its verb (`quantity 3
/// is`, `3 comments are`).
fn check_span(s: &Service, shown: &str, n: u64) -> Result<(), String> {
    check_limits(s)?;
    if let Some(min) = s.min.filter(|m| n < *m) {
        return Err(format!("{shown} below service {}'s minimum of {min}", s.id));
    }
    if let Some(max) = s.max.filter(|m| n > *m) {
        return Err(format!("{shown} above service {}'s maximum of {max}", s.id));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::{Kind, field_named};

    /// An order from named values, as the command line gives them.
    fn order_of(pairs: &[(&'static str, &str)]) -> Result<Order, String> {
        Order::from_values(pairs.iter().map(|(n, v)| (*n, v.to_string())), Naming::Flag)
    }

    #[test]
    fn every_type_needs_fields_of_the_table() {
        for kind in [
            "Default",
            "SEO",
            "Custom Comments",
            "Custom Comments Package",
            "Mentions",
            "Mentions with Hashtags",
            "Mentions Custom List",
            "Mentions Hashtag",
            "Mentions User Followers",
            "Mentions Media Likers",
            "Package",
            "Comment Likes",
            "Comment Replies",
            "Poll",
            "Invites from Groups",
            "Subscriptions",
            "Web Traffic",
        ] {
            let needs = needs(kind);
            for f in needs.fields {
                assert!(
                    field_named(f).is_some(),
                    "{kind} needs '{f}', not in FIELDS"
                );
            }
            if let Amount::Lines(f) = needs.amount {
                assert!(
                    matches!(known(f).kind, Kind::List { .. }),
                    "{kind} counts the lines of '{f}', not a list"
                );
            }
        }
    }

    /// A catalogue entry.
    fn service(kind: &str, min: u64, max: u64) -> Service {
        Service {
            id: "7".into(),
            name: "S".into(),
            kind: kind.into(),
            category: "C".into(),
            rate: Some(Decimal::ONE),
            min: Some(min),
            max: Some(max),
            refill: None,
            cancel: None,
            dripfeed: None,
            duration: None,
            raw: crate::panel::RawEntry::new("{}"),
        }
    }

    #[test]
    fn types_match_whatever_their_case_spaces_underscores_or_hyphens() {
        for kind in [
            "custom comments",
            "Custom Comments",
            "custom_comments",
            "CUSTOM-COMMENTS",
            " CustomComments ",
        ] {
            assert_eq!(needs(kind).fields, &["link", "comments"], "{kind}");
            assert_eq!(needs(kind).amount, Amount::Lines("comments"), "{kind}");
        }
        assert_eq!(needs("web_traffic").fields.len(), 5);
        assert!(needs("Subscriptions").amount == Amount::PerPost);
        assert_eq!(needs("something new").fields, &["link", "quantity"]);
        let order = order_of(&[("service", "7"), ("link", "https://l.co/p")]).unwrap();
        let err = service("custom_comments", 1, 100)
            .price(&order)
            .unwrap_err();
        assert_eq!(err, "service 7 (custom_comments) needs --comments");
    }

    #[test]
    fn a_service_whose_min_is_above_its_max_is_refused() {
        let order = order_of(&[
            ("service", "7"),
            ("link", "https://l.co/p"),
            ("quantity", "50"),
        ])
        .unwrap();
        assert!(service("Default", 10, 100).price(&order).is_ok());
        let err = service("Default", 100, 10).price(&order).unwrap_err();
        assert!(
            err.contains("minimum (100) above its maximum (10)"),
            "{err}"
        );
        let package = order_of(&[("service", "7"), ("link", "https://l.co/p")]).unwrap();
        assert!(service("Package", 100, 10).price(&package).is_err());
        assert!(
            service("Default", 100, 10)
                .check_range("quantity", 50)
                .is_err()
        );
    }

    #[test]
    fn a_placeholder_rate_is_refused() {
        let order = order_of(&[
            ("service", "7"),
            ("link", "https://l.co/p"),
            ("quantity", "50"),
        ])
        .unwrap();
        let mut s = service("Default", 10, 100);
        for (rate, ok) in [
            ("999999999.99", true),
            ("0", true),
            ("1000000000", false),
            ("1000000000000", false),
            ("-0.01", false),
        ] {
            s.rate = Some(rate.parse().unwrap());
            let verdict = s.price(&order);
            assert_eq!(verdict.is_ok(), ok, "{rate}: {verdict:?}");
            if let Err(e) = verdict {
                // A negative rate is a broken entry; an absurd one a placeholder.
                assert!(
                    e.contains(&format!("rate of {rate}, a placeholder"))
                        || e.contains(&format!("its rate is negative ({rate})")),
                    "{e}"
                );
            }
        }
        let placeholder = Service {
            rate: Some(Decimal::from(1_000_000_000_000u64)),
            ..service("Default", 500_000, 100)
        };
        assert_eq!(
            placeholder.price(&order).unwrap_err(),
            "service 7 cannot be ordered: the panel lists its minimum (500000) above its maximum \
             (100) and a rate of 1000000000000, a placeholder rather than a price"
        );
    }

    #[test]
    fn drip_feed_is_refused_where_the_panel_says_it_is_off() {
        let drip = order_of(&[
            ("service", "7"),
            ("link", "https://l.co/p"),
            ("quantity", "50"),
            ("runs", "2"),
            ("interval", "5"),
        ])
        .unwrap();
        let once = order_of(&[
            ("service", "7"),
            ("link", "https://l.co/p"),
            ("quantity", "50"),
        ])
        .unwrap();
        let mut s = service("Default", 10, 100);
        for (dripfeed, ok) in [(None, true), (Some(true), true), (Some(false), false)] {
            s.dripfeed = dripfeed;
            assert_eq!(s.price(&drip).is_ok(), ok, "{dripfeed:?}");
            assert!(s.price(&once).is_ok());
        }
        assert!(
            s.price(&drip)
                .unwrap_err()
                .contains("does not take drip-feed")
        );
    }

    #[test]
    fn a_broken_catalogue_entry_is_reported_not_ignored() {
        let order = order_of(&[
            ("service", "7"),
            ("link", "https://l.co/p"),
            ("quantity", "50"),
        ])
        .unwrap();
        let entry = |json: &str| {
            crate::panel::decode_service(
                serde_json::value::RawValue::from_string(json.to_string()).unwrap(),
            )
        };
        let ok = entry(r#"{"service":7,"type":"Default","rate":"0.90","min":"10","max":"1,000"}"#);
        assert_eq!(ok.price(&order).unwrap().cost, Some(Decimal::new(45, 3)));
        let blank = entry(r#"{"service":7,"rate":"","min":null,"max":" "}"#);
        assert!(blank.price(&order).is_ok());
        for (json, says) in [
            (
                r#"{"service":7,"rate":"-1.5"}"#,
                "its rate is negative (-1.5)",
            ),
            (
                r#"{"service":7,"rate":"1.234567890123456789012345678901234e5"}"#,
                "the rate '1.2345",
            ),
            (
                r#"{"service":7,"rate":"1_000"}"#,
                "the rate '1_000' is not a decimal number",
            ),
            (
                r#"{"service":7,"rate":[1]}"#,
                "the rate [1] is not a decimal number",
            ),
            (
                r#"{"service":7,"rate":"1","min":"ten"}"#,
                "its min 'ten' is not a whole number",
            ),
            (
                r#"{"service":7,"rate":"1","max":"1_000"}"#,
                "its max '1_000' is not a whole number",
            ),
        ] {
            let err = entry(json).price(&order).unwrap_err();
            assert!(
                err.contains(says) && err.starts_with("service 7's"),
                "{json}: {err}"
            );
        }
    }

    #[test]
    fn a_username_in_link_is_taken_only_by_services_sold_per_account() {
        let handle = order_of(&[("service", "7"), ("link", "some.one"), ("quantity", "50")]);
        let handle = handle.unwrap();
        let mut s = service("Default", 10, 100);
        for (name, takes) in [
            ("Instagram Followers", true),
            ("YouTube subscribers [fast]", true),
            ("Telegram Members", true),
            ("Instagram Likes", false),
        ] {
            s.name = name.into();
            assert_eq!(s.takes_username(), takes, "{name}");
            assert_eq!(s.price(&handle).is_ok(), takes, "{name}");
        }
        assert_eq!(
            s.price(&handle).unwrap_err(),
            "--link 'some.one' has no scheme: write https://some.one"
        );
        let bare = order_of(&[("service", "7"), ("link", "someone"), ("quantity", "50")]);
        assert_eq!(
            s.price(&bare.unwrap()).unwrap_err(),
            "service 7 (Instagram Likes) takes a link, not a username: --link 'someone' must be \
             an https://… URL"
        );
    }

    #[test]
    fn orders_are_priced_by_their_type() {
        let order = order_of(&[
            ("service", "7"),
            ("link", "https://l.co/p"),
            ("quantity", "500"),
            ("runs", "3"),
            ("interval", "10"),
        ])
        .unwrap();
        let priced = service("Default", 10, 1000).price(&order).unwrap();
        assert_eq!(priced.cost, Some(Decimal::new(15, 1)));
        assert!(service("Default", 600, 1000).price(&order).is_err());
    }
}
