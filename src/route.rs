//! Routes: placing one order with the best of several providers, safely. Which candidates can
//! take an order ([`examine`]), how they rank ([`rank`]), and when smm moves on to the next
//! ([`walk`]): only after a definite refusal that is not about the link. A refusal about the
//! link stops the route (the next provider would refuse the same mistake), and an outcome that
//! may have placed the order stops it at once: never a second provider.

use crate::book::{Earlier, Held, Outcome, OverLimit, Sent};
pub use crate::config::routes::{Candidate, Pick, Route};
use crate::money::show;
use crate::order::Order;
use crate::panel::{Account, Service};
use rust_decimal::Decimal;
use serde::Serialize;

/// The order as it goes to `candidate`: the same fields, the candidate's service.
pub fn order_for(template: &Order, candidate: &Candidate) -> Order {
    let mut order = template.clone();
    order.service = candidate.service;
    for (name, value) in &mut order.fields {
        if *name == "service" {
            *value = candidate.service.to_string();
        }
    }
    order
}

/// One candidate as smm found it: its catalogue entry, the cost of the order there, the
/// account, and whether it can take the order (`reason` None) or why not.
#[derive(Debug, Clone, Serialize)]
pub struct Offer {
    /// The profile.
    pub profile: String,
    /// The service id.
    pub service: u64,
    /// The service's name (blank when not in the catalogue).
    pub name: String,
    /// Its rate per 1000 (exact text).
    #[serde(serialize_with = "opt_text")]
    pub rate: Option<Decimal>,
    /// Its minimum quantity.
    pub min: Option<u64>,
    /// Its maximum quantity.
    pub max: Option<u64>,
    /// What the order costs there (exact text).
    #[serde(serialize_with = "opt_text")]
    pub cost: Option<Decimal>,
    /// The account's balance (exact text), when read.
    #[serde(serialize_with = "opt_text")]
    pub balance: Option<Decimal>,
    /// The account's currency.
    pub currency: String,
    /// Whether it can take the order now.
    pub available: bool,
    /// Why not, when it cannot.
    pub reason: Option<String>,
    /// The service is missing from a catalogue that could be read (the route names a service
    /// that does not exist there).
    #[serde(skip)]
    pub missing: bool,
}

/// Serializes an optional amount as exact text.
fn opt_text<S: serde::Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&show(*d)),
        None => s.serialize_none(),
    }
}

/// What smm knows of a candidate's panel: its catalogue and its account, or why not.
pub struct Found<'a> {
    /// The catalogue, or why it could not be read.
    pub catalogue: Result<&'a [Service], String>,
    /// The account, or why it could not be read.
    pub account: Result<&'a Account, String>,
}

/// Examines `candidate` for `order` (already given the candidate's service): in the catalogue,
/// the order fits the service (type fields, quantity within min/max), the rate within
/// `max_rate`, and the balance (or free threads) covers it.
pub fn examine(
    candidate: &Candidate,
    found: &Found,
    order: &Order,
    max_rate: Option<Decimal>,
) -> Offer {
    let mut offer = Offer {
        profile: candidate.profile.clone(),
        service: candidate.service,
        name: String::new(),
        rate: None,
        min: None,
        max: None,
        cost: None,
        balance: None,
        currency: String::new(),
        available: false,
        reason: None,
        missing: false,
    };
    match found.account {
        Ok(Account::Money(b)) => {
            offer.balance = Some(b.amount);
            offer.currency = b.currency.clone();
        }
        Ok(Account::Threads(t)) => {
            offer.balance = t.available.map(Decimal::from);
            offer.currency = "threads".into();
        }
        Err(_) => {}
    }
    let reason = why_not(candidate, found, order, max_rate, &mut offer);
    offer.available = reason.is_none();
    offer.reason = reason;
    offer
}

/// Why `candidate` cannot take `order` (filling in what it learns), or None.
fn why_not(
    candidate: &Candidate,
    found: &Found,
    order: &Order,
    max_rate: Option<Decimal>,
    offer: &mut Offer,
) -> Option<String> {
    let services = match &found.catalogue {
        Ok(services) => services,
        Err(e) => return Some(format!("catalogue could not be read: {e}")),
    };
    let id = candidate.service.to_string();
    let Some(service) = services.iter().find(|s| s.id == id) else {
        offer.missing = true;
        return Some(format!(
            "service {id} is not in the catalogue of profile '{}'",
            candidate.profile
        ));
    };
    offer.name = service.name.clone();
    offer.rate = service.rate;
    offer.min = service.min;
    offer.max = service.max;
    let priced = match service.price(order) {
        Ok(p) => p,
        Err(e) => return Some(e),
    };
    offer.cost = priced.cost;
    if let (Some(rate), Some(max)) = (service.rate, max_rate)
        && rate > max
    {
        return Some(format!("rate {} above max_rate {}", show(rate), show(max)));
    }
    match &found.account {
        Err(e) => Some(format!("balance could not be read: {e}")),
        Ok(Account::Money(b)) => match priced.cost {
            Some(cost) if cost > b.amount => Some(format!(
                "balance {} {} does not cover the cost {} {}",
                b.amount,
                b.currency,
                show(cost),
                b.currency
            )),
            _ => None,
        },
        Ok(Account::Threads(t)) => match (t.available, priced.amount) {
            (Some(free), Some(n)) if free < n => {
                Some(format!("{free} threads free, the order needs {n}"))
            }
            _ => None,
        },
    }
}

/// The candidates that can take the order, best first (indices into `offers`): `cheapest`
/// by cost (an unknown cost last), ties in candidate order; `order` in candidate order.
pub fn rank(offers: &[Offer], pick: Pick) -> Vec<usize> {
    let mut ranked: Vec<usize> = (0..offers.len()).filter(|i| offers[*i].available).collect();
    if pick == Pick::Cheapest {
        // A stable sort: ties keep the candidates' order.
        ranked.sort_by_key(|i| match offers[*i].cost {
            Some(c) => (0, c),
            None => (1, Decimal::ZERO),
        });
    }
    ranked
}

/// The one line per candidate of "no candidate can take it": `pica:1448: why`.
pub fn refusals(offers: &[Offer]) -> Vec<String> {
    offers
        .iter()
        .map(|o| {
            format!(
                "{}:{}: {}",
                o.profile,
                o.service,
                o.reason.as_deref().unwrap_or("can take it")
            )
        })
        .collect()
}

/// The panel's own words in a recorded error: `panel 'NAME' says: ` taken off.
pub fn panel_words<'a>(error: &'a str, profile: &str) -> &'a str {
    error
        .strip_prefix(&format!("panel '{profile}' says: "))
        .unwrap_or(error)
}

/// Whether a refusal is about the link (`You have active order with this link`, `Bad link`,
/// `Incorrect link`): another provider would refuse the same mistake, or take a second order
/// for a link that already has one.
pub fn about_link(words: &str) -> bool {
    words.to_lowercase().contains("link")
}

/// What became of one candidate that was sent the order.
#[derive(Debug, Clone, PartialEq)]
pub enum Tried {
    /// Placed: the panel's order id.
    Placed(String),
    /// Refused for a reason that another provider may not have: smm moved on.
    Refused(String),
    /// Refused about the link: smm stopped.
    LinkRefused(String),
    /// No clear answer: the order may exist. smm stopped.
    Unknown(String),
    /// Placed (the panel's order id), but the book could not record it: the outcome waits in
    /// a side file for the next run (the words say where). smm stopped.
    Unrecorded(String, String),
}

impl Tried {
    /// The outcome as a table cell or JSON `result`.
    pub fn text(&self) -> String {
        match self {
            Tried::Placed(id) => format!("placed: order {id}"),
            Tried::Refused(why) => format!("refused: {why} (moved on)"),
            Tried::LinkRefused(why) => format!("refused about the link: {why} (stopped)"),
            Tried::Unknown(_) => "unknown: may or may not have been placed (stopped)".into(),
            Tried::Unrecorded(id, _) => {
                format!("placed: order {id}, not yet in the order book (stopped)")
            }
        }
    }
}

/// How a walk down the ranking ended.
#[derive(Debug)]
pub enum End<T> {
    /// Placed with `offers[index]`; what the send returned.
    Placed(usize, T),
    /// Stopped after `offers[index]` (a link refusal or an unknown outcome).
    Stopped(usize),
    /// Every ranked candidate refused.
    Exhausted,
    /// The book holds the same order within the window: nothing (more) was sent.
    Duplicate(Box<Earlier>),
    /// The next try would take the spending past the send's limit (`smm mcp`'s
    /// `max_daily_spend`): nothing (more) was sent.
    OverLimit(OverLimit),
}

/// A walk down the ranking: each candidate tried (index into the offers, what became of it),
/// and how it ended.
#[derive(Debug)]
pub struct Walk<T> {
    /// The candidates sent the order, in order.
    pub tried: Vec<(usize, Tried)>,
    /// How it ended.
    pub end: End<T>,
}

/// Sends the order to the ranked candidates in turn through `send` (the book's guarded send
/// for `offers[i]`), moving on only after a definite refusal that is not about the link; a
/// try the book holds back (a duplicate, or over a spend limit) ends the walk. An `Err` is a
/// book that could not write the order down: nothing more was sent.
pub fn walk<T>(
    ranked: &[usize],
    offers: &[Offer],
    mut send: impl FnMut(usize) -> anyhow::Result<Result<Sent<T>, Held>>,
) -> anyhow::Result<Walk<T>> {
    let mut tried = Vec::new();
    for &i in ranked {
        let sent = match send(i)? {
            Ok(sent) => sent,
            Err(Held::Duplicate(earlier)) => {
                return Ok(Walk {
                    tried,
                    end: End::Duplicate(earlier),
                });
            }
            Err(Held::OverLimit(over)) => {
                return Ok(Walk {
                    tried,
                    end: End::OverLimit(over),
                });
            }
        };
        let error = match &sent.answer {
            Ok(_) => String::new(),
            Err(e) => format!("{e:#}"),
        };
        let words = panel_words(&error, &offers[i].profile).to_string();
        match (sent.outcome, sent.answer) {
            (Outcome::Placed, Ok(answer)) => {
                tried.push((i, Tried::Placed(sent.order.unwrap_or_default())));
                return Ok(Walk {
                    tried,
                    end: End::Placed(i, answer),
                });
            }
            (Outcome::Refused, _) if about_link(&words) => {
                tried.push((i, Tried::LinkRefused(words)));
                return Ok(Walk {
                    tried,
                    end: End::Stopped(i),
                });
            }
            (Outcome::Refused, _) => tried.push((i, Tried::Refused(words))),
            (Outcome::Placed, Err(_)) => {
                let id = sent.order.unwrap_or_default();
                tried.push((i, Tried::Unrecorded(id, words)));
                return Ok(Walk {
                    tried,
                    end: End::Stopped(i),
                });
            }
            _ => {
                tried.push((i, Tried::Unknown(words)));
                return Ok(Walk {
                    tried,
                    end: End::Stopped(i),
                });
            }
        }
    }
    Ok(Walk {
        tried,
        end: End::Exhausted,
    })
}

/// A typical order for `smm routes` and `smm sync`: 1000, or the nearest quantity the service
/// takes.
pub fn typical(service: Option<&Service>) -> u64 {
    let min = service.and_then(|s| s.min).unwrap_or(1).max(1);
    let max = service.and_then(|s| s.max).unwrap_or(u64::MAX);
    1000u64.clamp(min, max.max(min))
}

/// The margin of buying at `rate` and selling at `sell` (per 1000): the amount, and the
/// percent of the selling price (one decimal).
pub fn margin(sell: Decimal, rate: Decimal) -> (Decimal, Option<Decimal>) {
    let amount = sell - rate;
    let percent = (!sell.is_zero())
        .then(|| amount * Decimal::ONE_HUNDRED / sell)
        .map(|p| p.round_dp(1));
    (amount, percent)
}

/// One route as `smm routes --json` shows it.
#[derive(Serialize)]
pub struct Shown {
    /// The route's name.
    pub route: String,
    /// How it ranks.
    pub pick: &'static str,
    /// The sell price per 1000 (exact text).
    pub sell: Option<String>,
    /// The highest rate to buy at (exact text).
    pub max_rate: Option<String>,
    /// Each candidate against a typical order.
    pub candidates: Vec<Typical>,
}

/// One candidate as `smm routes` shows it.
#[derive(Serialize, Clone)]
pub struct Typical {
    /// The candidate, examined for a typical order.
    #[serde(flatten)]
    pub offer: Offer,
    /// The typical order's quantity.
    pub quantity: u64,
    /// sell − rate per 1000 (exact text), when both are known.
    pub margin: Option<String>,
    /// The margin as a percent of sell.
    pub margin_percent: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panel::Balance;

    fn service(id: &str, rate: &str) -> Service {
        crate::panel::decode_service(
            serde_json::value::RawValue::from_string(format!(
                r#"{{"service":{id},"name":"S{id}","type":"Default","rate":"{rate}","min":"10","max":"5000"}}"#
            ))
            .unwrap(),
        )
    }

    fn money(amount: &str) -> Account {
        Account::Money(Balance {
            amount: amount.parse().unwrap(),
            currency: "USD".into(),
        })
    }

    fn order(quantity: &str) -> Order {
        Order::from_values(
            [
                ("service", "1".to_string()),
                ("link", "https://i.com/p".into()),
                ("quantity", quantity.into()),
            ],
            crate::order::Naming::Flag,
        )
        .unwrap()
    }

    fn offers(max_rate: Option<&str>) -> Vec<Offer> {
        let catalogue = vec![
            service("1", "0.90"),
            service("2", "0.50"),
            service("3", "0.50"),
            service("4", "0.30"),
        ];
        let rich = money("100");
        let poor = money("0.10");
        let candidates: Vec<(Candidate, &Account)> = [
            ("a", 1, &rich),
            ("b", 2, &rich),
            ("c", 3, &rich),
            ("d", 4, &poor),
            ("e", 5, &rich),
        ]
        .into_iter()
        .map(|(p, s, acc)| {
            (
                Candidate {
                    profile: p.into(),
                    service: s,
                },
                acc,
            )
        })
        .collect();
        candidates
            .iter()
            .map(|(c, acc)| {
                let found = Found {
                    catalogue: Ok(&catalogue),
                    account: Ok(acc),
                };
                examine(
                    c,
                    &found,
                    &order_for(&order("500"), c),
                    max_rate.map(|m| m.parse().unwrap()),
                )
            })
            .collect()
    }

    #[test]
    fn candidates_are_examined_and_ranked() {
        let all = offers(None);
        assert_eq!(all[0].cost.unwrap().to_string(), "0.45");
        assert_eq!(
            all[3].reason.as_deref(),
            Some("balance 0.10 USD does not cover the cost 0.15 USD")
        );
        assert!(all[4].missing);
        assert_eq!(
            rank(&all, Pick::Cheapest),
            vec![1, 2, 0],
            "ties keep candidate order"
        );
        assert_eq!(rank(&all, Pick::Order), vec![0, 1, 2]);
        let capped = offers(Some("0.60"));
        assert_eq!(
            capped[0].reason.as_deref(),
            Some("rate 0.90 above max_rate 0.60")
        );
        assert_eq!(rank(&capped, Pick::Order), vec![1, 2]);
        assert_eq!(refusals(&capped)[0], "a:1: rate 0.90 above max_rate 0.60");
    }

    fn sent(outcome: Outcome, error: Option<&str>) -> anyhow::Result<Result<Sent<()>, Held>> {
        let mut e = error.map(|t| anyhow::anyhow!("{t}"));
        if outcome == Outcome::Unknown {
            e = e.map(|e| e.context(crate::panel::MaybePlaced));
        }
        Ok(Ok(Sent {
            entry: None,
            outcome,
            order: (outcome == Outcome::Placed).then(|| "7".into()),
            answer: match e {
                None => Ok(()),
                Some(e) => Err(e),
            },
        }))
    }

    #[test]
    fn smm_moves_on_only_after_a_definite_refusal_not_about_the_link() {
        let all = offers(None);
        let script = |steps: Vec<(Outcome, Option<&'static str>)>| {
            let mut steps = steps.into_iter();
            let mut asked = Vec::new();
            let walk = walk(&[1, 2, 0], &all, |i| {
                asked.push(i);
                let (o, e) = steps.next().unwrap();
                sent(o, e)
            })
            .unwrap();
            (asked, walk)
        };
        let (asked, w) = script(vec![
            (
                Outcome::Refused,
                Some("panel 'b' says: Not enough funds on balance"),
            ),
            (Outcome::Placed, None),
        ]);
        assert_eq!(asked, vec![1, 2]);
        assert_eq!(
            w.tried[0].1,
            Tried::Refused("Not enough funds on balance".into())
        );
        assert!(matches!(w.end, End::Placed(2, ())));
        let (asked, w) = script(vec![(
            Outcome::Refused,
            Some(
                "panel 'b' says: You have active order with this link. Please wait until order being completed.",
            ),
        )]);
        assert_eq!(asked, vec![1]);
        assert!(matches!(w.end, End::Stopped(1)));
        let (asked, w) = script(vec![(
            Outcome::Unknown,
            Some("the panel did not answer in 30s"),
        )]);
        assert_eq!(
            asked,
            vec![1],
            "never a second provider after an unknown outcome"
        );
        assert!(matches!(w.tried[0].1, Tried::Unknown(_)));
        // Placed, but the book could not record it (kept in a side file): stopped, order known.
        let (asked, w) = script(vec![(
            Outcome::Placed,
            Some("order 7 was placed on the panel, but the order book could not record it"),
        )]);
        assert_eq!(asked, vec![1]);
        assert!(matches!(&w.tried[0].1, Tried::Unrecorded(id, _) if id == "7"));
        assert!(matches!(w.end, End::Stopped(1)));
        let (asked, w) = script(vec![
            (Outcome::Refused, Some("Incorrect service ID")),
            (Outcome::Refused, Some("Quantity less than minimal 100")),
            (Outcome::Refused, Some("Service disabled")),
        ]);
        assert_eq!((asked.len(), w.tried.len()), (3, 3));
        assert!(matches!(w.end, End::Exhausted));
        // A try the book holds back over a spend limit ends the walk: nothing more is sent.
        let mut asked = Vec::new();
        let w = walk(&[1, 2, 0], &all, |i| {
            asked.push(i);
            match asked.len() {
                1 => sent(Outcome::Refused, Some("Not enough funds on balance")),
                _ => Ok(Err(Held::OverLimit(OverLimit {
                    limit: crate::book::SpendLimit {
                        since: 0,
                        max: Decimal::ONE,
                    },
                    spent: Decimal::ONE,
                    cost: Some(Decimal::ONE),
                }))),
            }
        })
        .unwrap();
        assert_eq!(asked, vec![1, 2]);
        assert_eq!(w.tried.len(), 1, "the held try was not sent");
        assert!(matches!(w.end, End::OverLimit(_)));
        // The profile's name is not the panel's words: a profile called "linkpanel" is no link refusal.
        assert_eq!(
            panel_words("panel 'linkpanel' says: Not enough funds", "linkpanel"),
            "Not enough funds"
        );
    }

    #[test]
    fn typical_orders_and_margins() {
        assert_eq!(typical(Some(&service("1", "1"))), 1000);
        assert_eq!(typical(None), 1000);
        let (amount, pct) = margin("1.50".parse().unwrap(), "1.20".parse().unwrap());
        assert_eq!(
            (amount.to_string(), format!("{:.1}", pct.unwrap())),
            ("0.30".into(), "20.0".into())
        );
    }
}
