//! streamdetails.com API v2: JSON POSTs of `key` + `action` to one endpoint; every answer is an
//! envelope `{"data": …, "error": {"code", "message"}}`, read whatever the HTTP status.

use super::{
    Account, Answer, OrderStatus, Panel, PanelError, Placed, Progress, Raw, Row, Service,
    ThreadOrder, Threads, ambiguous, count, decode_service, not_json, redirect_error, text,
};
use crate::config::Profile;
use crate::exit::usage;
use crate::http::{Effect, Http, Payload};
use crate::text::shorten;
use anyhow::{anyhow, bail};
use serde_json::{Map, Value, json};

/// A client for one streamdetails panel (one profile).
pub struct Streamdetails<'a> {
    http: &'a Http,
    profile: &'a Profile,
    progress: &'a dyn Progress,
}

/// One order (`add` and `get` answers).
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    /// Order id.
    pub id: String,
    /// Service id.
    pub service: String,
    /// Threads ordered.
    pub quantity: Option<u64>,
    /// Status text (`progress`, `completed`, … — any text is kept).
    pub status: String,
    /// Creation time, unix seconds.
    pub created_at: Option<i64>,
}

impl<'a> Streamdetails<'a> {
    /// A client for `profile` over `http`; `progress` hears how batches advance.
    pub fn new(http: &'a Http, profile: &'a Profile, progress: &'a dyn Progress) -> Self {
        Streamdetails {
            http,
            profile,
            progress,
        }
    }

    /// Sends one read action with `fields`; returns the envelope's `data` and the body.
    fn call(&self, action: &str, fields: Map<String, Value>) -> anyhow::Result<(Value, String)> {
        let reply = self.send(action, fields, Effect::Read)?;
        let data = self.open(&reply)?;
        Ok((data, reply.body))
    }

    /// Sends one action; the key goes into the JSON body.
    fn send(
        &self,
        action: &str,
        fields: Map<String, Value>,
        effect: Effect,
    ) -> Result<crate::http::Reply, super::NoAnswer> {
        let mut body = Map::with_capacity(fields.len() + 1);
        body.insert("action".into(), action.into());
        body.extend(fields);
        let p = self.profile;
        self.http
            .send(
                reqwest::Method::POST,
                &p.url,
                &p.user_agent,
                &p.key,
                Payload::JsonWithKey(&body),
                effect,
            )
            .map_err(|e| super::NoAnswer::new(p, &p.url, effect, e))
    }

    /// Opens the envelope: the panel's error (any HTTP status) or its data.
    fn open(&self, reply: &crate::http::Reply) -> anyhow::Result<Value> {
        envelope(&self.profile.name, reply)
    }

    /// `user`: threads and subscription.
    fn user(&self) -> anyhow::Result<Answer<Threads>> {
        let (data, body) = self.call("user", Map::new())?;
        let user = Threads {
            total: count(&data["total_thread_count"]),
            active: count(&data["active_thread_count"]),
            available: count(&data["available_thread_count"]),
            followers: count(&data["follower_count"]),
            expires: unix(&data["expiration_timestamp"]),
        };
        Ok(Answer {
            raw: Raw::Body(body),
            value: user,
        })
    }

    /// `add`: places an order (`service_id` and `quantity` as JSON integers).
    fn place(&self, service: u64, link: &str, quantity: u64) -> anyhow::Result<Answer<Order>> {
        let mut fields = Map::new();
        fields.insert("service_id".into(), service.into());
        fields.insert("link".into(), link.into());
        fields.insert("quantity".into(), quantity.into());
        let reply =
            self.send("add", fields, Effect::Write)
                .map_err(|e| match e.maybe_delivered() {
                    true => ambiguous(anyhow::Error::new(e)),
                    false => anyhow::Error::new(e).context("the order was not sent"),
                })?;
        // The panel's own error is definite; anything unreadable leaves the outcome unknown.
        let data = match self.open(&reply) {
            Ok(data) => data,
            // The panel's own error is definite when the answer says so plainly (2xx or 4xx); a
            // 5xx carrying one may come from a panel that failed after taking the order.
            Err(e)
                if e.is::<PanelError>()
                    && (reply.status.is_success() || reply.status.is_client_error()) =>
            {
                return Err(e);
            }
            Err(e) => return Err(ambiguous(e)),
        };
        // One order, whose id is a positive whole number; anything else leaves it unknown.
        let id = match &data {
            Value::Object(o) => o.get("id").and_then(super::v2::positive_id),
            _ => None,
        };
        let Some(id) = id else {
            return Err(ambiguous(anyhow!(
                "the panel's answer holds no order id smm can trust (a positive whole number in \"id\"): {}",
                shorten(&reply.body, 200)
            )));
        };
        if !reply.status.is_success() {
            return Err(ambiguous(super::contradiction(&reply, &id)));
        }
        let order = Order {
            id,
            ..decode_order(&data)
        };
        Ok(Answer {
            raw: Raw::Body(reply.body),
            value: order,
        })
    }

    /// `get`: `order` for one id, `orders` (an array of integers) for several, in chunks of
    /// at most 100; one row per requested id, in input order.
    fn get(&self, ids: &[u64]) -> anyhow::Result<Answer<Vec<Row<Order>>>> {
        if let [id] = ids {
            let mut fields = Map::new();
            fields.insert("order".into(), (*id).into());
            let (data, body) = self.call("get", fields)?;
            let found = orders_of(&data);
            return Ok(Answer {
                raw: Raw::Body(body),
                value: rows(ids, &found, &[]),
            });
        }
        let answers = super::run_chunks(self.http, self.progress, ids, |chunk| {
            let mut fields = Map::new();
            fields.insert("orders".into(), Value::from(chunk.to_vec()));
            self.call("get", fields)
        })?;
        let mut items = Vec::new();
        let mut failed: Vec<(u64, String)> = Vec::new();
        let single_body = answers.len() == 1;
        let mut body_text = None;
        for (chunk, result) in answers {
            match result {
                Ok((data, body)) => {
                    items.extend(match data {
                        Value::Array(list) => list,
                        other => vec![other],
                    });
                    body_text = Some(body);
                }
                Err(e) => failed.extend(
                    chunk
                        .iter()
                        .map(|id| (*id, format!("request failed: {e:#}"))),
                ),
            }
        }
        let found: Vec<Order> = items.iter().map(decode_order).collect();
        let raw = match body_text {
            Some(body) if single_body => Raw::Body(body),
            _ => Raw::Merged(json!({"data": items, "error": null})),
        };
        Ok(Answer {
            raw,
            value: rows(ids, &found, &failed),
        })
    }
}

impl Panel for Streamdetails<'_> {
    fn profile(&self) -> &Profile {
        self.profile
    }

    fn balance(&self) -> anyhow::Result<Answer<Account>> {
        let answer = self.user()?;
        Ok(Answer {
            raw: answer.raw,
            value: Account::Threads(answer.value),
        })
    }

    fn services(&self) -> anyhow::Result<Answer<Vec<Service>>> {
        let (data, body) = self.call("services", Map::new())?;
        services_from(&data, body)
    }

    fn cached_services(&self, body: String) -> Option<Answer<Vec<Service>>> {
        let value: Value = serde_json::from_str(&body).ok()?;
        services_from(&value["data"], body).ok()
    }

    /// streamdetails orders take only a service, a link (the channel) and a quantity (threads).
    fn check_order(&self, order: &crate::order::Order) -> anyhow::Result<()> {
        let extra: Vec<String> = order
            .fields
            .iter()
            .filter(|(k, _)| !matches!(*k, "service" | "link" | "quantity"))
            .map(|(k, _)| format!("--{}", k.replace('_', "-")))
            .collect();
        if !extra.is_empty() {
            return Err(usage(format!(
                "streamdetails orders take only --service, --link and --quantity (not {})",
                extra.join(", ")
            )));
        }
        if order.get("link").is_none() || order.number("quantity").is_none() {
            return Err(usage(
                "a streamdetails order needs --link (the channel URL) and --quantity (threads)",
            ));
        }
        Ok(())
    }

    fn add(&self, order: &crate::order::Order) -> anyhow::Result<Answer<Placed>> {
        self.check_order(order)?;
        let link = order.get("link").unwrap_or_default();
        let quantity = order.number("quantity").unwrap_or_default();
        let answer = self.place(order.service, link, quantity)?;
        let o = answer.value;
        Ok(Answer {
            raw: answer.raw,
            value: Placed {
                order: o.id.clone(),
                status: Some(o.status.clone()),
                thread: Some(o.thread()),
            },
        })
    }

    fn status(&self, ids: &[u64]) -> anyhow::Result<Answer<Vec<Row<OrderStatus>>>> {
        let answer = self.get(ids)?;
        let rows = answer
            .value
            .into_iter()
            .map(|row| Row {
                id: row.id,
                result: row.result.map(|o| OrderStatus {
                    thread: Some(o.thread()),
                    status: o.status,
                    ..OrderStatus::default()
                }),
            })
            .collect();
        Ok(Answer {
            raw: answer.raw,
            value: rows,
        })
    }
}

impl Order {
    /// What a thread order reports beside its status.
    fn thread(&self) -> ThreadOrder {
        ThreadOrder {
            service: self.service.clone(),
            quantity: self.quantity,
            created: self.created_at,
        }
    }
}

/// A catalogue from the envelope's `data` and the body it came in (fresh or cached).
pub fn services_from(data: &Value, body: String) -> anyhow::Result<Answer<Vec<Service>>> {
    let Value::Array(items) = data else {
        bail!(
            "the panel's services data is not a list: {}",
            shorten(&body, 200)
        );
    };
    let services = items
        .iter()
        .filter_map(|item| serde_json::value::to_raw_value(item).ok())
        .map(decode_service)
        .collect();
    Ok(Answer {
        raw: Raw::Body(body),
        value: services,
    })
}

/// Opens a streamdetails envelope `{"data", "error"}` whatever the HTTP status: the panel's
/// error (as a `PanelError` naming `profile`) or its data.
pub fn envelope(profile: &str, reply: &crate::http::Reply) -> anyhow::Result<Value> {
    if let Some(err) = redirect_error(reply) {
        return Err(err);
    }
    let value: Value = serde_json::from_str(&reply.body).map_err(|_| not_json(reply))?;
    match value.get("error") {
        Some(Value::Null) | None => {}
        Some(error) => {
            let message = match error.get("message") {
                Some(m) => text(m),
                None => text(error),
            };
            let code = error.get("code").map(text).unwrap_or_default();
            return Err(
                PanelError(format!("panel '{profile}' says: {message} (error {code})")).into(),
            );
        }
    }
    match value.get("data") {
        Some(data) if reply.status.is_success() || !data.is_null() => Ok(data.clone()),
        _ => bail!(
            "the panel answered HTTP {} without data or error: {}",
            reply.status,
            shorten(&reply.body, 200)
        ),
    }
}

/// The orders in a `get` answer: an object for one, an array for several.
pub fn orders_of(data: &Value) -> Vec<Order> {
    match data {
        Value::Array(list) => list.iter().map(decode_order).collect(),
        Value::Null => Vec::new(),
        other => vec![decode_order(other)],
    }
}

/// One row per requested id, in input order: the order, its chunk's failure, or "not found".
fn rows(ids: &[u64], found: &[Order], failed: &[(u64, String)]) -> Vec<Row<Order>> {
    ids.iter()
        .map(|id| {
            let key = id.to_string();
            let result = match found.iter().find(|o| o.id == key) {
                Some(order) => Ok(order.clone()),
                None => Err(failed
                    .iter()
                    .find(|(f, _)| f == id)
                    .map(|(_, e)| e.clone())
                    .unwrap_or_else(|| "order not found in the panel's answer".to_string())),
            };
            Row { id: key, result }
        })
        .collect()
}

/// Reads one order leniently.
pub fn decode_order(v: &Value) -> Order {
    Order {
        id: text(&v["id"]),
        service: text(&v["service_id"]),
        quantity: count(&v["quantity"]),
        status: text(&v["status"]),
        created_at: unix(&v["created_at"]),
    }
}

/// Unix seconds from a number or a numeric string.
fn unix(v: &Value) -> Option<i64> {
    text(v)
        .parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .map(|f| f as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_shapes_decode() {
        let order: Value = serde_json::from_str(
            r#"{"id":6,"service_id":1,"quantity":100,"status":"progress","created_at":1700936460}"#,
        )
        .unwrap();
        let o = decode_order(&order);
        assert_eq!(
            (o.id.as_str(), o.service.as_str(), o.quantity),
            ("6", "1", Some(100))
        );
        assert_eq!(
            (o.status.as_str(), o.created_at),
            ("progress", Some(1_700_936_460))
        );
        let svc: Value = serde_json::from_str(r#"{"id":1,"name":"[TWITCH] VIEWERS [1h]","type":"viewers","category":"twitch","rate":1,"min":10,"max":2000,"duration":60,"refill":false,"cancel":false}"#).unwrap();
        let s = decode_service(serde_json::value::to_raw_value(&svc).unwrap());
        assert_eq!(
            (s.id.as_str(), s.duration, s.max),
            ("1", Some(60), Some(2000))
        );
        assert_eq!(s.rate.unwrap().to_string(), "1");
    }

    #[test]
    fn rows_keep_input_order_and_mark_missing_ids() {
        let found = vec![decode_order(&json!({"id": 2, "status": "progress"}))];
        let r = rows(&[1, 2, 3], &found, &[(3, "request failed: x".into())]);
        assert_eq!(
            r[0].result,
            Err("order not found in the panel's answer".to_string())
        );
        assert_eq!(r[1].result.as_ref().unwrap().status, "progress");
        assert_eq!(r[2].result, Err("request failed: x".to_string()));
    }

    #[test]
    fn hostile_shapes_never_panic() {
        for v in [
            json!(null),
            json!([1, "x"]),
            json!({"id": {"a": 1}}),
            json!("s"),
        ] {
            let _ = decode_order(&v);
            let _ = orders_of(&v);
            let _ = unix(&v);
        }
        assert_eq!(unix(&json!("1e300")), Some(i64::MAX));
    }
}
