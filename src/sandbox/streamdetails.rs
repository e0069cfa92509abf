//! The sandbox's streamdetails panel: Twitch viewer threads sold by subscription, JSON in,
//! `{"data", "error"}` envelopes out, with the HTTP status of each documented error.
//!
//! Keys: the sandbox key is an active subscription; `<key>-expired` is a valid key whose
//! subscription has ended. Channels whose name starts with `missing` do not exist.

use serde_json::{Map, Value, json};

/// Threads the sandbox subscription allows.
pub const TOTAL_THREADS: u64 = 2000;

/// One order.
#[derive(Debug, Clone)]
struct Order {
    id: u64,
    service: usize,
    quantity: u64,
    created_unix: i64,
    created: f64,
}

/// One catalogue entry: (id, name, rate, min, max, duration minutes).
type Entry = (u64, &'static str, u64, u64, u64, u64);

/// The catalogue.
const SERVICES: [Entry; 3] = [
    (1, "[TWITCH] VIEWERS [1h]", 1, 10, 2000, 60),
    (2, "[TWITCH] VIEWERS [3h]", 3, 10, 2000, 180),
    (3, "[TWITCH] VIEWERS [24h]", 20, 10, 1000, 1440),
];

/// The panel state.
pub struct StreamdetailsState {
    key: String,
    orders: Vec<Order>,
}

/// An HTTP status and the envelope to send.
pub type Reply = (u16, Value);

impl StreamdetailsState {
    /// A panel accepting `key` (and `<key>-expired`).
    pub fn new(key: &str) -> StreamdetailsState {
        StreamdetailsState {
            key: key.to_string(),
            orders: Vec::new(),
        }
    }

    /// Threads in use at `now` (virtual seconds).
    fn active(&self, now: f64) -> u64 {
        self.orders
            .iter()
            .filter(|o| running(o, now))
            .map(|o| o.quantity)
            .sum()
    }

    /// Answers one request: `method`, raw `body`, virtual `now` and real unix time.
    pub fn handle(&mut self, method: &str, body: &str, now: f64, unix: i64) -> Reply {
        if method != "POST" {
            return error(405, "Method not allowed");
        }
        let Ok(Value::Object(req)) = serde_json::from_str::<Value>(body) else {
            return error(400, "Invalid JSON data");
        };
        let expired = match req
            .get("key")
            .and_then(Value::as_str)
            .filter(|k| !k.is_empty())
        {
            None => return error(401, "Authorization required"),
            Some(k) if k == self.key => false,
            Some(k) if k == format!("{}-expired", self.key) => true,
            Some(_) => return error(401, "Authorization failed"),
        };
        match req.get("action").and_then(Value::as_str) {
            Some("user") => ok(json!({
                "id": 1,
                "total_thread_count": TOTAL_THREADS,
                "active_thread_count": self.active(now),
                "available_thread_count": TOTAL_THREADS - self.active(now).min(TOTAL_THREADS),
                "follower_count": 0,
                "expiration_timestamp": if expired { unix - 86_400 } else { unix + 30 * 86_400 },
            })),
            Some("services") => ok(Value::Array(SERVICES.iter().map(service_json).collect())),
            Some("add") if expired => error(403, "Your API subscription is expired"),
            Some("add") => self.add(&req, now, unix),
            Some("get") => self.get(&req, now),
            _ => error(400, "Unknown action"),
        }
    }

    /// `add`: checks in the documented order, then starts the order.
    fn add(&mut self, req: &Map<String, Value>, now: f64, unix: i64) -> Reply {
        let Some(service_id) = req.get("service_id").and_then(Value::as_u64) else {
            return error(400, "Field \"service_id\" must be a valid integer");
        };
        let Some(quantity) = req.get("quantity").and_then(Value::as_u64) else {
            return error(400, "Field \"quantity\" must be a valid integer");
        };
        let Some(link) = req.get("link").and_then(Value::as_str) else {
            return error(400, "Field \"link\" must be a string");
        };
        let Some(channel) = twitch_channel(link) else {
            return error(400, "Field \"link\" must be a valid link to channel");
        };
        let Some(service) = SERVICES.iter().position(|s| s.0 == service_id) else {
            return error(404, "Service not found");
        };
        let (_, _, _, min, max, _) = SERVICES[service];
        if !(min..=max).contains(&quantity) {
            return error(
                400,
                &format!("Field \"quantity\" must be an integer between {min} and {max}"),
            );
        }
        let available = TOTAL_THREADS.saturating_sub(self.active(now));
        if quantity > available {
            return error(
                400,
                &format!(
                    "The requested quantity ({quantity}) exceeds the available thread count ({available})"
                ),
            );
        }
        if channel.starts_with("missing") {
            return error(404, "Channel not found");
        }
        let order = Order {
            id: self.orders.len() as u64 + 1,
            service,
            quantity,
            created_unix: unix,
            created: now,
        };
        let answer = order_json(&order, now);
        self.orders.push(order);
        ok(answer)
    }

    /// `get`: `order` (an integer) or `orders` (an array of integers).
    fn get(&self, req: &Map<String, Value>, now: f64) -> Reply {
        match (req.get("order"), req.get("orders")) {
            (Some(order), _) => match order.as_u64() {
                None => error(400, "Field \"order\" must be a valid integer"),
                Some(id) => match self.find(id) {
                    Some(o) => ok(order_json(o, now)),
                    None => error(404, "Order not found"),
                },
            },
            (None, Some(Value::Array(ids))) => {
                if !ids.iter().all(Value::is_number) {
                    return error(400, "All elements in \"orders\" must be numbers");
                }
                let found = ids
                    .iter()
                    .filter_map(Value::as_u64)
                    .filter_map(|id| self.find(id))
                    .map(|o| order_json(o, now))
                    .collect();
                ok(Value::Array(found))
            }
            (None, Some(_)) => error(400, "Field \"orders\" must be an array"),
            (None, None) => error(400, "Field \"order\" or \"orders\" required"),
        }
    }

    /// The order with `id`.
    fn find(&self, id: u64) -> Option<&Order> {
        self.orders.iter().find(|o| o.id == id)
    }
}

/// Whether an order still runs at `now`: for its service's duration.
fn running(o: &Order, now: f64) -> bool {
    now - o.created < (SERVICES[o.service].5 * 60) as f64
}

/// The channel name of a Twitch channel URL.
fn twitch_channel(link: &str) -> Option<&str> {
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"))?;
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let name = rest.strip_prefix("twitch.tv/")?.trim_end_matches('/');
    let valid = (3..=25).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    valid.then_some(name)
}

/// An order as `add` and `get` answer it.
fn order_json(o: &Order, now: f64) -> Value {
    json!({
        "id": o.id,
        "service_id": SERVICES[o.service].0,
        "quantity": o.quantity,
        "status": if running(o, now) { "progress" } else { "completed" },
        "created_at": o.created_unix,
    })
}

/// A catalogue entry as `services` answers it.
fn service_json(s: &Entry) -> Value {
    let (id, name, rate, min, max, duration) = *s;
    json!({"id": id, "name": name, "type": "viewers", "category": "twitch", "rate": rate,
           "min": min, "max": max, "duration": duration, "refill": false, "cancel": false})
}

/// A success envelope.
fn ok(data: Value) -> Reply {
    (200, json!({"data": data, "error": null}))
}

/// An error envelope with `code` as the HTTP status too.
fn error(code: u16, message: &str) -> Reply {
    (
        code,
        json!({"data": null, "error": {"code": code, "message": message}}),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(p: &mut StreamdetailsState, body: Value, now: f64) -> Reply {
        p.handle("POST", &body.to_string(), now, 1_700_000_000)
    }

    fn message(r: &Reply) -> (u16, String) {
        (
            r.0,
            r.1["error"]["message"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        )
    }

    #[test]
    fn every_documented_error() {
        let mut p = StreamdetailsState::new("k");
        assert_eq!(
            message(&p.handle("GET", "", 0.0, 0)),
            (405, "Method not allowed".into())
        );
        assert_eq!(
            message(&p.handle("POST", "{nope", 0.0, 0)),
            (400, "Invalid JSON data".into())
        );
        assert_eq!(
            message(&call(&mut p, json!({"action": "user"}), 0.0)),
            (401, "Authorization required".into())
        );
        assert_eq!(
            message(&call(&mut p, json!({"key": "x", "action": "user"}), 0.0)),
            (401, "Authorization failed".into())
        );
        let add = |p: &mut StreamdetailsState, extra: Value| {
            let mut req = json!({"key": "k", "action": "add", "service_id": 1, "link": "https://www.twitch.tv/chan", "quantity": 100});
            for (k, v) in extra.as_object().unwrap() {
                req[k] = v.clone();
            }
            message(&call(p, req, 0.0))
        };
        assert_eq!(
            add(&mut p, json!({"service_id": "1"})),
            (400, "Field \"service_id\" must be a valid integer".into())
        );
        assert_eq!(
            add(&mut p, json!({"quantity": 1.5})),
            (400, "Field \"quantity\" must be a valid integer".into())
        );
        assert_eq!(
            add(&mut p, json!({"link": 5})),
            (400, "Field \"link\" must be a string".into())
        );
        assert_eq!(
            add(&mut p, json!({"link": "https://youtube.com/x"})),
            (400, "Field \"link\" must be a valid link to channel".into())
        );
        assert_eq!(
            add(&mut p, json!({"service_id": 9})),
            (404, "Service not found".into())
        );
        assert_eq!(
            add(&mut p, json!({"quantity": 5})),
            (
                400,
                "Field \"quantity\" must be an integer between 10 and 2000".into()
            )
        );
        assert_eq!(
            add(&mut p, json!({"link": "https://www.twitch.tv/missing_one"})),
            (404, "Channel not found".into())
        );
        assert_eq!(add(&mut p, json!({"quantity": 1500})).0, 200);
        assert_eq!(
            add(&mut p, json!({"quantity": 1000})),
            (
                400,
                "The requested quantity (1000) exceeds the available thread count (500)".into()
            )
        );
        let expired = call(
            &mut p,
            json!({"key": "k-expired", "action": "add", "service_id": 1, "link": "https://www.twitch.tv/c", "quantity": 10}),
            0.0,
        );
        assert_eq!(
            message(&expired),
            (403, "Your API subscription is expired".into())
        );
        let get = |p: &mut StreamdetailsState, extra: Value| {
            let mut req = json!({"key": "k", "action": "get"});
            for (k, v) in extra.as_object().unwrap() {
                req[k] = v.clone();
            }
            message(&call(p, req, 0.0))
        };
        assert_eq!(
            get(&mut p, json!({})),
            (400, "Field \"order\" or \"orders\" required".into())
        );
        assert_eq!(
            get(&mut p, json!({"order": "1"})),
            (400, "Field \"order\" must be a valid integer".into())
        );
        assert_eq!(
            get(&mut p, json!({"orders": 1})),
            (400, "Field \"orders\" must be an array".into())
        );
        assert_eq!(
            get(&mut p, json!({"orders": [1, "2"]})),
            (400, "All elements in \"orders\" must be numbers".into())
        );
    }

    #[test]
    fn orders_use_threads_until_their_duration_ends() {
        let mut p = StreamdetailsState::new("k");
        let r = call(
            &mut p,
            json!({"key": "k", "action": "add", "service_id": 1, "link": "https://twitch.tv/chan", "quantity": 300}),
            0.0,
        );
        assert_eq!(
            r.1["data"],
            json!({"id": 1, "service_id": 1, "quantity": 300, "status": "progress", "created_at": 1_700_000_000})
        );
        assert_eq!(r.1["error"], Value::Null);
        let user = call(&mut p, json!({"key": "k", "action": "user"}), 10.0).1;
        assert_eq!(
            (
                user["data"]["active_thread_count"].as_u64(),
                user["data"]["available_thread_count"].as_u64()
            ),
            (Some(300), Some(1700))
        );
        let later = call(
            &mut p,
            json!({"key": "k", "action": "get", "order": 1}),
            3601.0,
        )
        .1;
        assert_eq!(later["data"]["status"], "completed");
        let many = call(
            &mut p,
            json!({"key": "k", "action": "get", "orders": [1, 7]}),
            10.0,
        )
        .1;
        assert_eq!(many["data"].as_array().unwrap().len(), 1);
        assert_eq!(
            message(&call(
                &mut p,
                json!({"key": "k", "action": "get", "order": 7}),
                0.0
            )),
            (404, "Order not found".into())
        );
    }
}
