//! The sandbox's SMM API v2 panel: a catalogue, an account balance, orders that progress over
//! a virtual clock, refills and cancels — answering with the texts and shapes of real panels.
//!
//! Time is passed in as virtual seconds (`now`), so the state machine is deterministic and
//! testable; the server maps real time to virtual time with its `--speed`.

use super::catalogue::{Service, catalogue};
use super::flavor::Flavor;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// Virtual seconds an order stays Pending.
pub const PENDING_SECS: f64 = 300.0;
/// Virtual seconds an order spends In progress (any quantity).
pub const DELIVERY_SECS: f64 = 1500.0;
/// Virtual seconds a refill stays Pending, then In progress.
const REFILL_STEP_SECS: f64 = 300.0;
/// The most ids a multi-form request may carry.
pub const MAX_IDS: usize = 100;
/// The most drip-feed runs an order may have.
pub const MAX_RUNS: u64 = 1000;
/// The first order id the sandbox hands out (history orders come just before it).
pub const FIRST_ORDER: u64 = 23501;

/// One order as the panel stores it.
#[derive(Debug, Clone)]
struct Order {
    service: usize,
    quantity: u64,
    cost: Decimal,
    placed: f64,
    canceled_at: Option<f64>,
    ends_partial: bool,
    /// Placed before the sandbox started: already paid for, not part of the balance.
    history: bool,
}

/// Virtual seconds between two refills of one order: real panels allow one a day.
pub const REFILL_EVERY_SECS: f64 = 86_400.0;

/// One refill request.
#[derive(Debug, Clone)]
struct Refill {
    requested: f64,
    rejected: bool,
}

/// What an order looks like at a given moment.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// Status text.
    pub status: &'static str,
    /// Charge so far.
    pub charge: Decimal,
    /// Start count (0 while pending).
    pub start_count: u64,
    /// Units still to deliver.
    pub remains: u64,
}

/// The panel state: one account with its key, balance, orders and refills.
pub struct V2State {
    key: String,
    start_balance: Decimal,
    services: Vec<Service>,
    services_body: String,
    orders: HashMap<u64, Order>,
    refills: HashMap<u64, Refill>,
    /// Each order's last refill id.
    last_refill: HashMap<u64, u64>,
    next_order: u64,
    next_refill: u64,
    /// Services removed from the catalogue by the control endpoint (by index).
    hidden: std::collections::HashSet<usize>,
    flavor: Flavor,
}

/// Request fields (form, query or JSON), by name.
pub type Fields = HashMap<String, String>;

impl V2State {
    /// A panel with the seed's two services plus `extra` generated ones, `balance` in USD, and a
    /// few history orders (ids just below 23501) in every status.
    pub fn new(key: &str, extra: usize, balance: Decimal, now: f64) -> V2State {
        let services = catalogue(extra);
        let services_body = services_body(&services, Flavor::Standard);
        let mut panel = V2State {
            key: key.to_string(),
            start_balance: balance,
            services,
            services_body,
            orders: HashMap::new(),
            refills: HashMap::new(),
            last_refill: HashMap::new(),
            next_order: FIRST_ORDER,
            next_refill: 1,
            hidden: std::collections::HashSet::new(),
            flavor: Flavor::Standard,
        };
        panel.seed_history(now);
        panel
    }

    /// The same panel answering in `flavor`'s shapes (with its placeholder service, if any).
    pub fn with_flavor(mut self, flavor: Flavor) -> V2State {
        self.flavor = flavor;
        self.services.extend(flavor.placeholder());
        self.services_body = services_body(&self.services, flavor);
        self
    }

    /// The same panel continuing after the ids `last` says were given (by an earlier run):
    /// new orders and refills never reuse them.
    pub fn continue_after(mut self, last: super::ids::Last) -> V2State {
        self.catch_up(last);
        self
    }

    /// Continues after the ids `last` says were given (by another sandbox meanwhile): the next
    /// order and refill ids are past them, never below where they were.
    pub fn catch_up(&mut self, last: super::ids::Last) {
        self.next_order = self.next_order.max(last.order.saturating_add(1));
        self.next_refill = self.next_refill.max(last.refill.saturating_add(1));
    }

    /// The last order and refill ids given (0: none yet; history orders do not count).
    pub fn last_ids(&self) -> super::ids::Last {
        super::ids::Last {
            order: if self.next_order > FIRST_ORDER {
                self.next_order - 1
            } else {
                0
            },
            refill: self.next_refill - 1,
        }
    }

    /// The id the next order gets.
    pub fn next_order(&self) -> u64 {
        self.next_order
    }

    /// Orders 23491–23500, placed before the sandbox started, in every status.
    fn seed_history(&mut self, now: f64) {
        let done = PENDING_SECS + DELIVERY_SECS;
        // (id, service index, quantity, placed seconds ago, partial, canceled seconds ago)
        let history: [(u64, usize, u64, f64, bool, Option<f64>); 10] = [
            (23491, 0, 1000, 5.0 * done, false, None),
            (23492, 1, 10, 4.0 * done, false, None),
            (23493, 0, 2000, 3.0 * done, true, None),
            (23494, 0, 500, 3.0 * done, false, None),
            (23495, 0, 300, 2.0 * done, false, Some(2.0 * done - 60.0)),
            (23496, 0, 5000, done * 0.6, false, None),
            (23497, 0, 800, done * 0.3, false, None),
            (23498, 0, 1500, done * 2.0, false, None),
            (23499, 0, 200, 60.0, false, None),
            (23500, 0, 100, 10.0, false, None),
        ];
        for (id, service, quantity, ago, partial, canceled_ago) in history {
            let cost =
                crate::money::cost(self.services[service].rate, quantity, 1).unwrap_or_default();
            self.orders.insert(
                id,
                Order {
                    service,
                    quantity,
                    cost,
                    placed: now - ago,
                    canceled_at: canceled_ago.map(|c| now - c),
                    ends_partial: partial,
                    history: true,
                },
            );
        }
    }

    /// Changes service `id` with `change` (control endpoint).
    pub fn edit(&mut self, id: u64, change: impl FnOnce(&mut Service)) -> Result<(), String> {
        let service = self
            .services
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or_else(|| format!("no service {id}"))?;
        change(service);
        self.rebuild();
        Ok(())
    }

    /// Removes service `id` from the catalogue (its orders stay) (control endpoint).
    pub fn remove(&mut self, id: u64) -> Result<(), String> {
        let index = self
            .services
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| format!("no service {id}"))?;
        // Orders refer to services by index: keep the entry, hide it from the catalogue.
        self.hidden.insert(index);
        self.rebuild();
        Ok(())
    }

    /// Adds a Default service (control endpoint).
    pub fn add_service(
        &mut self,
        id: u64,
        name: String,
        rate: Decimal,
        min: u64,
        max: u64,
    ) -> Result<(), String> {
        if self.services.iter().any(|s| s.id == id) {
            return Err(format!("service {id} exists already"));
        }
        self.services.push(Service {
            id,
            name,
            kind: "Default",
            category: "Other",
            rate,
            min,
            max,
            refill: false,
            cancel: false,
        });
        self.rebuild();
        Ok(())
    }

    /// Places `count` orders of `quantity` on the first service at `now`, already paid (control
    /// endpoint, for benchmarks); returns the first and last id.
    pub fn seed(&mut self, count: u64, quantity: u64, now: f64) -> (u64, u64) {
        let first = self.next_order;
        for _ in 0..count {
            let id = self.next_order;
            self.next_order += 1;
            let cost = crate::money::cost(self.services[0].rate, quantity, 1).unwrap_or_default();
            self.orders.insert(
                id,
                Order {
                    service: 0,
                    quantity,
                    cost,
                    placed: now,
                    canceled_at: None,
                    ends_partial: id.is_multiple_of(7),
                    history: true,
                },
            );
        }
        (first, self.next_order.saturating_sub(1).max(first))
    }

    /// Serializes the visible catalogue again after a change.
    fn rebuild(&mut self) {
        let visible = self
            .services
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.hidden.contains(i))
            .map(|(_, s)| self.flavor.service_json(s));
        self.services_body = Value::Array(visible.collect()).to_string();
    }

    /// Sets the balance at `now` to `amount` (control endpoint): what the orders placed so far
    /// spent stays spent.
    pub fn set_balance(&mut self, amount: Decimal, now: f64) {
        self.start_balance = amount + (self.start_balance - self.balance(now));
    }

    /// The balance at `now`: the start balance less every current charge of orders placed here.
    pub fn balance(&self, now: f64) -> Decimal {
        let spent: Decimal = self
            .orders
            .values()
            .filter(|o| !o.history)
            .map(|o| view(o, now).charge)
            .sum();
        self.start_balance - spent
    }

    /// Answers one API request with the body text to send.
    pub fn handle(&mut self, fields: &Fields, now: f64) -> String {
        let is = |name: &str, value: &str| fields.get(name).map(|v| v.trim()) == Some(value);
        if is("action", "services") && is("key", &self.key) {
            // Served from the cached body: a 20,000-entry catalogue costs one copy, not a re-encode.
            return self.services_body.clone();
        }
        self.answer(fields, now).to_string()
    }

    /// Answers one API request as JSON, in the panel's flavour.
    pub fn answer(&mut self, fields: &Fields, now: f64) -> Value {
        let get = |name: &str| fields.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
        let action = get("action").unwrap_or_default();
        let single = get("order").is_some() || get("refill").is_some();
        let answer = self.standard_answer(fields, now);
        self.flavor.dress(action, single, answer)
    }

    /// Answers one API request in the standard shapes (statuses and items already spelled in
    /// the flavour's words).
    fn standard_answer(&mut self, fields: &Fields, now: f64) -> Value {
        let get = |name: &str| fields.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
        if get("key") != Some(self.key.as_str()) {
            return error("Invalid API key");
        }
        match get("action") {
            Some("balance") => json!({
                "balance": self.flavor.amount(money(self.balance(now))),
                "currency": "USD",
            }),
            Some("services") => serde_json::from_str(&self.services_body).unwrap_or(Value::Null),
            Some("add") => self.add(fields, now),
            Some("status") => match (get("order"), get("orders")) {
                (Some(id), _) => self.status_item(id, now),
                (None, Some(ids)) => self.multi(ids, |p, id| p.status_item(id, now)),
                _ => error("Incorrect request"),
            },
            Some("refill") => match (get("order"), get("orders")) {
                (Some(id), _) => match self.refill_one(id, now) {
                    Ok(refill) => json!({"refill": refill.to_string()}),
                    Err(e) => error(e),
                },
                (None, Some(ids)) => self.multi_array(ids, "order", "refill", |p, id| {
                    p.refill_one(id, now).map(Value::from)
                }),
                _ => error("Incorrect request"),
            },
            Some("refill_status") => match (get("refill"), get("refills")) {
                (Some(id), _) => match self.refill_status(id, now) {
                    Ok(s) => json!({"status": self.flavor.refill_status(s)}),
                    Err(e) => error(e),
                },
                (None, Some(ids)) => self.multi_array(ids, "refill", "status", |p, id| {
                    p.refill_status(id, now)
                        .map(|s| Value::from(p.flavor.refill_status(s)))
                }),
                _ => error("Incorrect request"),
            },
            Some("cancel") => match get("orders").or(get("order")) {
                Some(ids) => self.multi_array(ids, "order", "cancel", |p, id| {
                    p.cancel_one(id, now).map(|_| p.flavor.cancel_accepted())
                }),
                None => error("Incorrect request"),
            },
            _ => error("Incorrect request"),
        }
    }

    /// The body of `services`, serialized once.
    #[cfg(test)]
    pub fn services_body(&self) -> &str {
        &self.services_body
    }

    /// `add`: checks the service, the fields its type needs, the quantity and the funds.
    fn add(&mut self, fields: &Fields, now: f64) -> Value {
        let get = |name: &str| fields.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
        let Some(index) = get("service")
            .and_then(|s| s.parse::<u64>().ok())
            .and_then(|id| self.services.iter().position(|s| s.id == id))
            .filter(|i| !self.hidden.contains(i))
        else {
            return error("Incorrect service ID");
        };
        let service = &self.services[index];
        let kind = service.kind.to_ascii_lowercase();
        let subscriptions = kind == "subscriptions";
        if !subscriptions && get("link").is_none() {
            return error("Incorrect link");
        }
        let lines = |name: &str| {
            get(name).map(|v| v.lines().filter(|l| !l.trim().is_empty()).count() as u64)
        };
        let required: &[&str] = match kind.as_str() {
            "custom comments" | "custom comments package" => &["comments"],
            "mentions" | "mentions custom list" => &["usernames"],
            "mentions with hashtags" => &["usernames", "hashtags"],
            "mentions hashtag" => &["hashtag"],
            "mentions user followers" | "comment likes" => &["username"],
            "comment replies" => &["username", "comments"],
            "mentions media likers" => &["media"],
            "poll" => &["answer_number"],
            "invites from groups" => &["groups"],
            "seo" => &["keywords"],
            "subscriptions" => &["username", "min", "max", "delay"],
            "web traffic" => &["country", "device", "type_of_traffic"],
            _ => &[],
        };
        if let Some(missing) = required.iter().find(|f| get(f).is_none()) {
            return error(format!("Incorrect {}", missing.replace('_', " ")));
        }
        let quantity = match kind.as_str() {
            "custom comments" | "comment replies" => lines("comments"),
            "mentions custom list" => lines("usernames"),
            "package" | "custom comments package" => Some(1),
            "subscriptions" => get("max").and_then(|m| m.parse().ok()),
            _ => get("quantity")
                .and_then(|q| q.parse::<u64>().ok())
                .filter(|q| *q > 0),
        };
        let Some(quantity) = quantity else {
            return error("Incorrect quantity");
        };
        if !matches!(kind.as_str(), "package" | "custom comments package") {
            if quantity < service.min {
                return error(format!("Quantity less than minimal {}", service.min));
            }
            if quantity > service.max {
                return error(format!("Quantity more than maximum {}", service.max));
            }
        }
        let runs = match (get("runs"), get("interval")) {
            (None, None) => 1,
            (Some(r), Some(i)) => match (r.parse::<u64>(), i.parse::<u64>()) {
                (Ok(r), Ok(i)) if (1..=MAX_RUNS).contains(&r) && i > 0 => r,
                _ => return error("Incorrect runs or interval"),
            },
            _ => return error("Drip-feed needs both runs and interval"),
        };
        let cost = match kind.as_str() {
            "package" | "custom comments package" => Some(service.rate),
            _ => crate::money::cost(service.rate, quantity, runs),
        };
        let Some(cost) = cost else {
            return error("Incorrect quantity");
        };
        if cost > self.balance(now) {
            return error("Not enough funds on balance");
        }
        let id = self.next_order;
        self.next_order += 1;
        self.orders.insert(
            id,
            Order {
                service: index,
                quantity: quantity.saturating_mul(runs),
                cost,
                placed: now,
                canceled_at: None,
                ends_partial: id.is_multiple_of(7),
                history: false,
            },
        );
        json!({"order": id})
    }

    /// One order's status object (or `{"error"}`).
    fn status_item(&self, id: &str, now: f64) -> Value {
        match self.order(id) {
            Some(o) => {
                let v = view(o, now);
                json!({
                    "charge": money(v.charge),
                    "start_count": v.start_count.to_string(),
                    "status": self.flavor.order_status(v.status),
                    "remains": self.flavor.remains(v.status, v.remains, o.quantity),
                    "currency": "USD",
                })
            }
            None => error("Incorrect order ID"),
        }
    }

    /// The order with id text `id`.
    fn order(&self, id: &str) -> Option<&Order> {
        id.trim()
            .parse::<u64>()
            .ok()
            .and_then(|id| self.orders.get(&id))
    }

    /// A multi form answered as an object keyed by id.
    fn multi(&mut self, ids: &str, item: impl Fn(&mut Self, &str) -> Value) -> Value {
        let ids = split_ids(ids);
        if ids.len() > MAX_IDS {
            return too_many();
        }
        let mut out = Map::new();
        for id in ids {
            let v = item(self, id);
            out.insert(id.to_string(), v);
        }
        Value::Object(out)
    }

    /// A multi form answered as `[{id_key: id, value_key: value-or-error}]`.
    fn multi_array(
        &mut self,
        ids: &str,
        id_key: &str,
        value_key: &str,
        item: impl Fn(&mut Self, &str) -> Result<Value, &'static str>,
    ) -> Value {
        let ids = split_ids(ids);
        if ids.len() > MAX_IDS {
            return too_many();
        }
        let items = ids
            .into_iter()
            .map(|id| {
                let id_value = id
                    .parse::<u64>()
                    .map(Value::from)
                    .unwrap_or_else(|_| Value::from(id));
                let value = item(self, id).unwrap_or_else(error);
                let mut m = Map::new();
                m.insert(id_key.into(), id_value);
                m.insert(value_key.into(), value);
                Value::Object(m)
            })
            .collect();
        Value::Array(items)
    }

    /// Requests a refill of one order, with the real panels' texts: only Completed or Partial
    /// orders of refillable services, while no refill of it is unfinished, one per 24 virtual
    /// hours.
    fn refill_one(&mut self, id: &str, now: f64) -> Result<u64, &'static str> {
        let order_id = id.trim().parse::<u64>().map_err(|_| "Incorrect order ID")?;
        let order = self.order(id).ok_or("Incorrect order ID")?;
        if !self.services[order.service].refill {
            return Err("Refill is disabled for this service");
        }
        match view(order, now).status {
            "Completed" | "Partial" => {}
            "Canceled" => return Err("Refill not allowed"),
            _ => return Err("The order is not completed"),
        }
        let last = self
            .last_refill
            .get(&order_id)
            .and_then(|id| self.refills.get(id));
        if let Some(last) = last {
            if now - last.requested < 2.0 * REFILL_STEP_SECS {
                return Err("The refill task is not completed for this order");
            }
            if now - last.requested < REFILL_EVERY_SECS {
                return Err(
                    "The order was completed or refill was requested less than 24 hours ago",
                );
            }
        }
        let refill = self.next_refill;
        self.next_refill += 1;
        self.last_refill.insert(order_id, refill);
        self.refills.insert(
            refill,
            Refill {
                requested: now,
                rejected: refill.is_multiple_of(4),
            },
        );
        Ok(refill)
    }

    /// The status of one refill.
    fn refill_status(&self, id: &str, now: f64) -> Result<&'static str, &'static str> {
        let refill = id
            .trim()
            .parse::<u64>()
            .ok()
            .and_then(|id| self.refills.get(&id))
            .ok_or("Refill not found")?;
        let age = now - refill.requested;
        Ok(if age < REFILL_STEP_SECS {
            "Pending"
        } else if age < 2.0 * REFILL_STEP_SECS {
            "In progress"
        } else if refill.rejected {
            "Rejected"
        } else {
            "Completed"
        })
    }

    /// Cancels one order: only cancellable services, only while not finished.
    fn cancel_one(&mut self, id: &str, now: f64) -> Result<(), &'static str> {
        let key = id.trim().parse::<u64>().map_err(|_| "Incorrect order ID")?;
        let order = self.orders.get(&key).ok_or("Incorrect order ID")?;
        if !self.services[order.service].cancel {
            return Err("Cancel is disabled for this service");
        }
        match view(order, now).status {
            "Pending" | "In progress" => {}
            "Canceled" => return Err("Order is already canceled"),
            _ => return Err("Order is already completed"),
        }
        if let Some(o) = self.orders.get_mut(&key) {
            o.canceled_at = Some(now);
        }
        Ok(())
    }

    /// The view of order `id` at `now`.
    #[cfg(test)]
    pub fn view(&self, id: u64, now: f64) -> Option<View> {
        self.orders.get(&id).map(|o| view(o, now))
    }
}

/// Where an order stands at `now`: Pending, then In progress (remains falling linearly), then
/// Completed or Partial (90 % delivered, charge reduced to match); a cancel stops it as
/// Canceled (nothing delivered, no charge) or Partial (charge for what was delivered).
fn view(o: &Order, now: f64) -> View {
    let at = o.canceled_at.map_or(now, |c| c.min(now));
    let age = (at - o.placed).max(0.0);
    let delivered_at = |age: f64| -> u64 {
        if age <= PENDING_SECS {
            0
        } else {
            let share = ((age - PENDING_SECS) / DELIVERY_SECS).min(1.0);
            ((o.quantity as f64) * share).floor() as u64
        }
    };
    let start_count = if age <= PENDING_SECS {
        0
    } else {
        start_count(o)
    };
    let charge_for = |delivered: u64| {
        (o.cost * Decimal::from(delivered) / Decimal::from(o.quantity.max(1)))
            .round_dp(5)
            .normalize()
    };
    if o.canceled_at.is_some_and(|c| c <= now) {
        let delivered = delivered_at(age);
        return if delivered == 0 {
            View {
                status: "Canceled",
                charge: Decimal::ZERO,
                start_count,
                remains: o.quantity,
            }
        } else {
            View {
                status: "Partial",
                charge: charge_for(delivered),
                start_count,
                remains: o.quantity - delivered,
            }
        };
    }
    if age <= PENDING_SECS {
        return View {
            status: "Pending",
            charge: o.cost,
            start_count: 0,
            remains: o.quantity,
        };
    }
    if age < PENDING_SECS + DELIVERY_SECS {
        let delivered = delivered_at(age).min(o.quantity);
        return View {
            status: "In progress",
            charge: o.cost,
            start_count,
            remains: o.quantity - delivered,
        };
    }
    if o.ends_partial {
        let delivered = o.quantity * 9 / 10;
        View {
            status: "Partial",
            charge: charge_for(delivered),
            start_count,
            remains: o.quantity - delivered,
        }
    } else {
        View {
            status: "Completed",
            charge: o.cost,
            start_count,
            remains: 0,
        }
    }
}

/// A start count that looks real and stays the same for an order.
fn start_count(o: &Order) -> u64 {
    let seed =
        (o.placed.to_bits() ^ o.quantity.rotate_left(17)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (seed >> 40) % 20_000
}

/// `{"error": msg}`.
fn error(msg: impl Into<String>) -> Value {
    json!({"error": msg.into()})
}

/// The error for more than 100 ids.
fn too_many() -> Value {
    error(format!("Maximum {MAX_IDS} ids per request"))
}

/// Splits a comma list of ids (blank entries dropped).
fn split_ids(ids: &str) -> Vec<&str> {
    ids.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Money as panels write it: a string with at least two decimals.
fn money(d: Decimal) -> String {
    let mut d = d.normalize();
    if d.scale() < 2 {
        d.rescale(2);
    }
    d.to_string()
}

/// The `services` body of `services` in `flavor`'s shape, serialized once.
fn services_body(services: &[Service], flavor: Flavor) -> String {
    Value::Array(services.iter().map(|s| flavor.service_json(s)).collect()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panel() -> V2State {
        V2State::new("k", 0, Decimal::new(10000, 2), 1_000_000.0)
    }

    fn req(pairs: &[(&str, &str)]) -> Fields {
        let mut f: Fields = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        f.entry("key".into()).or_insert_with(|| "k".into());
        f
    }

    const T0: f64 = 1_000_000.0;

    #[test]
    fn a_continued_panel_never_reuses_an_id() {
        let mut p = panel();
        assert_eq!(p.last_ids(), super::super::ids::Last::default());
        let add = req(&[
            ("action", "add"),
            ("service", "1448"),
            ("link", "https://i.com/p"),
            ("quantity", "100"),
        ]);
        assert_eq!(p.answer(&add, T0), json!({"order": 23501}));
        let last = p.last_ids();
        assert_eq!((last.order, last.refill), (23501, 0));
        let mut again = panel().continue_after(last);
        assert_eq!(again.next_order(), 23502);
        assert_eq!(again.answer(&add, T0), json!({"order": 23502}));
        // History orders are there still, whatever the ids kept.
        assert!(again.view(23491, T0).is_some());
    }

    #[test]
    fn only_its_key_is_accepted() {
        let mut p = panel();
        let v = p.answer(&req(&[("key", "wrong"), ("action", "balance")]), T0);
        assert_eq!(v, json!({"error": "Invalid API key"}));
        assert_eq!(
            p.answer(&req(&[("action", "nope")]), T0),
            json!({"error": "Incorrect request"})
        );
    }

    #[test]
    fn balance_drops_by_the_exact_cost() {
        let mut p = panel();
        assert_eq!(
            p.answer(&req(&[("action", "balance")]), T0)["balance"],
            "100.00"
        );
        let v = p.answer(
            &req(&[
                ("action", "add"),
                ("service", "1448"),
                ("link", "l"),
                ("quantity", "333"),
            ]),
            T0,
        );
        assert_eq!(v, json!({"order": 23501}));
        // 0.90 × 333 / 1000 = 0.2997
        assert_eq!(
            p.answer(&req(&[("action", "balance")]), T0)["balance"],
            "99.7003"
        );
        let v = p.answer(
            &req(&[
                ("action", "add"),
                ("service", "1448"),
                ("link", "l"),
                ("quantity", "100"),
                ("runs", "3"),
                ("interval", "5"),
            ]),
            T0,
        );
        assert_eq!(v["order"], 23502);
        assert_eq!(p.balance(T0).to_string(), "99.4303");
    }

    #[test]
    fn add_errors_are_the_real_panels_texts() {
        let mut p = panel();
        let add = |p: &mut V2State, extra: &[(&str, &str)]| {
            let mut pairs = vec![("action", "add")];
            pairs.extend_from_slice(extra);
            p.answer(&req(&pairs), T0)["error"].clone()
        };
        assert_eq!(
            add(
                &mut p,
                &[("service", "1"), ("link", "l"), ("quantity", "100")]
            ),
            "Incorrect service ID"
        );
        assert_eq!(
            add(
                &mut p,
                &[("service", "1448"), ("link", "l"), ("quantity", "10")]
            ),
            "Quantity less than minimal 50"
        );
        assert_eq!(
            add(
                &mut p,
                &[("service", "1448"), ("link", "l"), ("quantity", "10001")]
            ),
            "Quantity more than maximum 10000"
        );
        assert_eq!(
            add(&mut p, &[("service", "1448"), ("quantity", "100")]),
            "Incorrect link"
        );
        assert_eq!(
            add(&mut p, &[("service", "1452"), ("link", "l")]),
            "Incorrect comments"
        );
        assert_eq!(
            add(
                &mut p,
                &[
                    ("service", "1448"),
                    ("link", "l"),
                    ("quantity", "10000"),
                    ("runs", "20"),
                    ("interval", "5")
                ]
            ),
            "Not enough funds on balance"
        );
        assert_eq!(
            p.balance(T0),
            Decimal::new(10000, 2),
            "failed adds cost nothing"
        );
    }

    #[test]
    fn custom_comments_count_lines_as_quantity() {
        let mut p = panel();
        let comments = (1..=12)
            .map(|i| format!("c{i}"))
            .collect::<Vec<_>>()
            .join("\n");
        let v = p.answer(
            &req(&[
                ("action", "add"),
                ("service", "1452"),
                ("link", "l"),
                ("comments", &comments),
            ]),
            T0,
        );
        assert!(v["order"].is_u64(), "{v}");
        // 8 × 12 / 1000 = 0.096
        assert_eq!(p.balance(T0).to_string(), "99.904");
    }

    #[test]
    fn orders_progress_pending_in_progress_completed() {
        let mut p = panel();
        p.answer(
            &req(&[
                ("action", "add"),
                ("service", "1448"),
                ("link", "l"),
                ("quantity", "1000"),
            ]),
            T0,
        );
        let at = |t: f64| p.view(23501, T0 + t).unwrap();
        assert_eq!(
            (at(0.0).status, at(0.0).remains, at(0.0).start_count),
            ("Pending", 1000, 0)
        );
        let mid = at(PENDING_SECS + DELIVERY_SECS / 2.0);
        assert_eq!((mid.status, mid.remains), ("In progress", 500));
        assert!(mid.start_count > 0 || start_count(&p.orders[&23501]) == 0);
        assert_eq!(mid.charge.to_string(), "0.9");
        let end = at(PENDING_SECS + DELIVERY_SECS + 1.0);
        assert_eq!(
            (end.status, end.remains, end.charge.to_string().as_str()),
            ("Completed", 0, "0.9")
        );
        assert_eq!(
            end.start_count, mid.start_count,
            "start count stays the same"
        );
    }

    #[test]
    fn every_seventh_order_ends_partial_and_refunds_the_rest() {
        let mut p = panel();
        for _ in 0..6 {
            p.answer(
                &req(&[
                    ("action", "add"),
                    ("service", "1448"),
                    ("link", "l"),
                    ("quantity", "1000"),
                ]),
                T0,
            );
        }
        // 23506 is the first id divisible by 7 (23506 = 7 × 3358).
        assert_eq!(p.view(23506, T0).unwrap().status, "Pending");
        let later = T0 + PENDING_SECS + DELIVERY_SECS + 1.0;
        let v = p.view(23506, later).unwrap();
        assert_eq!(
            (v.status, v.remains, v.charge.to_string().as_str()),
            ("Partial", 100, "0.81")
        );
        // 6 × 0.90 charged at first, 0.09 back for the partial one.
        assert_eq!(p.balance(T0).to_string(), "94.60");
        assert_eq!(p.balance(later).to_string(), "94.69");
    }

    #[test]
    fn status_single_and_multi_forms() {
        let mut p = panel();
        let one = p.answer(&req(&[("action", "status"), ("order", "23491")]), T0);
        assert_eq!(one["status"], "Completed");
        assert!(
            one["charge"].is_string()
                && one["remains"].is_string()
                && one["start_count"].is_string()
        );
        assert_eq!(
            p.answer(&req(&[("action", "status"), ("order", "1")]), T0),
            json!({"error": "Incorrect order ID"})
        );
        let many = p.answer(
            &req(&[("action", "status"), ("orders", "23493,1,23495,23500")]),
            T0,
        );
        let keys: Vec<&String> = many.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["23493", "1", "23495", "23500"]);
        assert_eq!(many["23493"]["status"], "Partial");
        assert_eq!(many["1"], json!({"error": "Incorrect order ID"}));
        assert_eq!(many["23495"]["status"], "Canceled");
        assert_eq!(many["23500"]["status"], "Pending");
    }

    #[test]
    fn multi_forms_refuse_more_than_100_ids() {
        let mut p = panel();
        let ids = (1..=101)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",");
        for (action, field) in [
            ("status", "orders"),
            ("refill", "orders"),
            ("refill_status", "refills"),
            ("cancel", "orders"),
        ] {
            let v = p.answer(&req(&[("action", action), (field, &ids)]), T0);
            assert!(
                v["error"].as_str().unwrap().contains("100"),
                "{action}: {v}"
            );
        }
        let ids = (1..=100)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",");
        assert_eq!(
            p.answer(&req(&[("action", "status"), ("orders", &ids)]), T0)
                .as_object()
                .unwrap()
                .len(),
            100
        );
    }

    #[test]
    fn refill_only_for_finished_refillable_orders() {
        let mut p = panel();
        let refill =
            |p: &mut V2State, id: &str| p.answer(&req(&[("action", "refill"), ("order", id)]), T0);
        assert_eq!(refill(&mut p, "23491"), json!({"refill": "1"}));
        assert_eq!(
            refill(&mut p, "23492"),
            json!({"error": "Refill is disabled for this service"})
        );
        assert_eq!(
            refill(&mut p, "23500"),
            json!({"error": "The order is not completed"})
        );
        assert_eq!(
            refill(&mut p, "23495"),
            json!({"error": "Refill not allowed"})
        );
        assert_eq!(
            refill(&mut p, "23491"),
            json!({"error": "The refill task is not completed for this order"})
        );
        let at = |p: &mut V2State, id: &str, t: f64| {
            p.answer(&req(&[("action", "refill"), ("order", id)]), T0 + t)
        };
        assert_eq!(
            at(&mut p, "23491", 2.0 * REFILL_STEP_SECS + 1.0),
            json!({"error": "The order was completed or refill was requested less than 24 hours ago"})
        );
        assert_eq!(refill(&mut p, "9"), json!({"error": "Incorrect order ID"}));
        let many = p.answer(&req(&[("action", "refill"), ("orders", "23493,9")]), T0);
        assert_eq!(
            many,
            json!([{"order": 23493, "refill": 2}, {"order": 9, "refill": {"error": "Incorrect order ID"}}])
        );

        let status = |p: &mut V2State, t: f64| {
            p.answer(
                &req(&[("action", "refill_status"), ("refill", "1")]),
                T0 + t,
            )["status"]
                .clone()
        };
        assert_eq!(status(&mut p, 0.0), "Pending");
        assert_eq!(status(&mut p, REFILL_STEP_SECS + 1.0), "In progress");
        assert_eq!(status(&mut p, 2.0 * REFILL_STEP_SECS + 1.0), "Completed");
        let many = p.answer(
            &req(&[("action", "refill_status"), ("refills", "1,2,3")]),
            T0,
        );
        assert_eq!(
            many,
            json!([{"refill": 1, "status": "Pending"}, {"refill": 2, "status": "Pending"}, {"refill": 3, "status": {"error": "Refill not found"}}])
        );
        // A day later the same order may be refilled again.
        assert_eq!(
            at(&mut p, "23491", REFILL_EVERY_SECS + 1.0),
            json!({"refill": "3"})
        );
    }

    #[test]
    fn cancel_only_while_not_finished_and_refunds() {
        let mut p = panel();
        p.answer(
            &req(&[
                ("action", "add"),
                ("service", "1448"),
                ("link", "l"),
                ("quantity", "1000"),
            ]),
            T0,
        );
        assert_eq!(p.balance(T0).to_string(), "99.10");
        let v = p.answer(
            &req(&[
                ("action", "cancel"),
                ("orders", "23501,23491,23495,23492,5"),
            ]),
            T0,
        );
        assert_eq!(
            v,
            json!([
                {"order": 23501, "cancel": 1},
                {"order": 23491, "cancel": {"error": "Order is already completed"}},
                {"order": 23495, "cancel": {"error": "Order is already canceled"}},
                {"order": 23492, "cancel": {"error": "Cancel is disabled for this service"}},
                {"order": 5, "cancel": {"error": "Incorrect order ID"}},
            ])
        );
        assert_eq!(p.view(23501, T0 + 10_000.0).unwrap().status, "Canceled");
        assert_eq!(p.balance(T0 + 10_000.0).to_string(), "100.00");
        // Canceled while in progress: partial, charged for what was delivered.
        p.answer(
            &req(&[
                ("action", "add"),
                ("service", "1448"),
                ("link", "l"),
                ("quantity", "1000"),
            ]),
            T0,
        );
        let half = T0 + PENDING_SECS + DELIVERY_SECS / 2.0;
        p.answer(&req(&[("action", "cancel"), ("orders", "23502")]), half);
        let v = p.view(23502, half + 10_000.0).unwrap();
        assert_eq!(
            (v.status, v.remains, v.charge.to_string().as_str()),
            ("Partial", 500, "0.45")
        );
        assert_eq!(p.balance(half + 10_000.0).to_string(), "99.55");
    }

    #[test]
    fn catalogue_spans_categories_and_types() {
        let c = catalogue(40);
        assert_eq!(c.len(), 42);
        let kinds: std::collections::HashSet<&str> = c.iter().map(|s| s.kind).collect();
        let cats: std::collections::HashSet<&str> = c.iter().map(|s| s.category).collect();
        assert!(kinds.len() >= 8 && cats.len() >= 8, "{kinds:?} {cats:?}");
        let p = V2State::new("k", 3, Decimal::ONE, 0.0);
        let v: Value = serde_json::from_str(p.services_body()).unwrap();
        assert_eq!(
            v[0],
            json!({"service": 1448, "name": "Instagram Followers", "type": "Default", "category": "Instagram", "rate": "0.90", "min": "50", "max": "10000", "refill": true, "cancel": true})
        );
    }
}
