//! The standard SMM panel API v2: form-encoded POSTs of `key` + `action` to one endpoint.

use super::{
    Account, Answer, Balance, ChunkAnswer, NoAnswer, OrderStatus, Panel, PanelError, Placed,
    Progress, Raw, Row, Service, ambiguous, decode_json, decode_services, error_text, flag, text,
};
use crate::config::Profile;
use crate::http::{Effect, Http, Reply};
use crate::ids::join;
use crate::money;
use crate::order::Order;
use crate::text::shorten;
use anyhow::{anyhow, bail};
use serde_json::{Map, Value, json};

/// A client for one v2 panel (one profile).
pub struct V2<'a> {
    http: &'a Http,
    profile: &'a Profile,
    progress: &'a dyn Progress,
}

/// The batch actions, which take one id (single form) or many (multi form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Batch {
    /// `status`: answers an object keyed by order id.
    Status,
    /// `refill`: answers `[{"order", "refill"}]`.
    Refill,
    /// `refill_status`: answers `[{"refill", "status"}]`.
    RefillStatus,
    /// `cancel`: answers `[{"order", "cancel"}]`; multi form only.
    Cancel,
}

impl Batch {
    /// The `action` field.
    fn action(self) -> &'static str {
        match self {
            Batch::Status => "status",
            Batch::Refill => "refill",
            Batch::RefillStatus => "refill_status",
            Batch::Cancel => "cancel",
        }
    }

    /// Whether the action only reads (retried) or changes something (sent exactly once).
    fn effect(self) -> Effect {
        match self {
            Batch::Status | Batch::RefillStatus => Effect::Read,
            Batch::Refill | Batch::Cancel => Effect::Write,
        }
    }

    /// The field of the single form, if the action has one.
    fn single_field(self) -> Option<&'static str> {
        match self {
            Batch::Status | Batch::Refill => Some("order"),
            Batch::RefillStatus => Some("refill"),
            Batch::Cancel => None,
        }
    }

    /// The field of the multi form (comma-joined ids).
    fn multi_field(self) -> &'static str {
        match self {
            Batch::RefillStatus => "refills",
            _ => "orders",
        }
    }

    /// For array answers: the key naming the item's id and the key holding its outcome.
    fn item_keys(self) -> (&'static str, &'static str) {
        match self {
            Batch::Status | Batch::Refill => ("order", "refill"),
            Batch::RefillStatus => ("refill", "status"),
            Batch::Cancel => ("order", "cancel"),
        }
    }
}

/// A batch answer: raw JSON, the shape it has, and the ids asked for.
struct BatchAnswer {
    raw: Raw,
    value: Value,
    single: bool,
}

impl<'a> V2<'a> {
    /// A client for `profile` over `http`; `progress` hears how batches advance.
    pub fn new(http: &'a Http, profile: &'a Profile, progress: &'a dyn Progress) -> Self {
        V2 {
            http,
            profile,
            progress,
        }
    }

    /// Sends one form to the profile's endpoint.
    fn send(&self, fields: &[(&str, String)], effect: Effect) -> Result<Reply, NoAnswer> {
        let p = self.profile;
        self.http
            .post_form(&p.url, &p.user_agent, &p.key, fields, effect)
            .map_err(|e| NoAnswer::new(p, &p.url, effect, e))
    }

    /// Sends one request and returns the JSON answer and body; the panel's `{"error"}` is an error.
    fn call(&self, fields: &[(&str, String)], effect: Effect) -> anyhow::Result<(Value, String)> {
        let reply = self.send(fields, effect)?;
        let value = decode_json(&reply)?;
        self.refuse_error(&value)?;
        Ok((value, reply.body))
    }

    /// Fails with the panel's message when the answer is a top-level `{"error": …}`.
    fn refuse_error(&self, value: &Value) -> anyhow::Result<()> {
        match error_text(value) {
            None => Ok(()),
            Some(msg) => {
                let hint = if msg.to_ascii_lowercase().contains("key") {
                    format!(
                        " (check the key of profile '{}': smm config show)",
                        self.profile.name
                    )
                } else {
                    String::new()
                };
                Err(PanelError(format!("panel '{}' says: {msg}{hint}", self.profile.name)).into())
            }
        }
    }

    /// `balance`: the account's money.
    fn get_balance(&self) -> anyhow::Result<Answer<Balance>> {
        let (value, body) = self.call(&[("action", "balance".into())], Effect::Read)?;
        let amount = money::amount(&value["balance"]).ok_or_else(|| {
            anyhow!(
                "the panel's balance answer has no readable balance: {}",
                shorten(&body, 200)
            )
        })?;
        let currency = text(&value["currency"]);
        Ok(Answer {
            raw: Raw::Body(body),
            value: Balance { amount, currency },
        })
    }

    /// `services`: the catalogue, decoded straight from the body (no JSON tree).
    fn get_services(&self) -> anyhow::Result<Answer<Vec<Service>>> {
        let mut reply = self.send(&[("action", "services".to_string())], Effect::Read)?;
        if reply.status.is_success() {
            match services_from(std::mem::take(&mut reply.body)) {
                Ok(answer) => return Ok(answer),
                Err(body) => reply.body = body,
            }
        }
        let value = decode_json(&reply)?;
        self.refuse_error(&value)?;
        bail!(
            "the panel's services answer is not a list: {}",
            shorten(&reply.body, 200)
        )
    }

    /// `add`: places an order; returns the new order id. `fields` excludes `key` and `action`.
    ///
    /// When the request may have reached the panel but no clear answer came back, the error
    /// says the order may or may not exist.
    fn place(&self, fields: &[(&str, String)]) -> anyhow::Result<Answer<String>> {
        let mut all = vec![("action", "add".to_string())];
        all.extend(fields.iter().map(|(k, v)| (*k, v.clone())));
        let reply = self
            .send(&all, Effect::Write)
            .map_err(|e| match e.maybe_delivered() {
                true => ambiguous(anyhow::Error::new(e)),
                false => anyhow::Error::new(e).context("the order was not sent"),
            })?;
        // A 4xx is the panel (or its proxy) refusing: definite. Anything else unreadable is not.
        let value = decode_json(&reply).map_err(|e| match reply.status.is_client_error() {
            true => e.context("the order was not placed"),
            false => ambiguous(e),
        })?;
        // An order id wins over an error text: `{"order": 1, "error": "…"}` was placed.
        if let Some(id) = order_id(&value) {
            if let Some(msg) = error_text(&value) {
                crate::msg::warn(&format!(
                    "order {id} was placed, but the panel also said: {msg}"
                ));
            }
            return Ok(Answer {
                raw: Raw::Body(reply.body),
                value: id,
            });
        }
        self.refuse_error(&value)?;
        Err(ambiguous(anyhow!(
            "the panel's answer has no order id: {}",
            shorten(&reply.body, 200)
        )))
    }

    /// `status` of orders: one row per requested id, in input order.
    fn statuses(&self, ids: &[u64]) -> anyhow::Result<Answer<Vec<Row<OrderStatus>>>> {
        let answer = self.batch(Batch::Status, ids)?;
        let rows = ids
            .iter()
            .map(|id| {
                let key = id.to_string();
                let item = match answer.single {
                    true => Some(&answer.value),
                    false => answer.value.get(&key),
                };
                let result = match item {
                    None => Err("missing from the panel's answer".to_string()),
                    Some(item) => status_outcome(item),
                };
                Row { id: key, result }
            })
            .collect();
        Ok(Answer {
            raw: answer.raw,
            value: rows,
        })
    }

    /// `refill`, `refill_status` or `cancel`: one row per requested id, in input order.
    ///
    /// Items are matched by their id field; a panel that sends items without ids is read by
    /// position. An id the answer does not mention gets an error row.
    fn items(&self, kind: Batch, ids: &[u64]) -> anyhow::Result<Answer<Vec<Row<String>>>> {
        let answer = self.batch(kind, ids)?;
        let (id_key, value_key) = kind.item_keys();
        let items: Vec<&Value> = match (&answer.value, answer.single) {
            (Value::Array(list), false) => list.iter().collect(),
            (value, _) => vec![value],
        };
        let by_id = answer.single || items.iter().all(|i| i[id_key].is_null());
        let rows = ids
            .iter()
            .enumerate()
            .map(|(position, id)| {
                let key = id.to_string();
                let item = match by_id {
                    true => items.get(position).copied(),
                    false => items.iter().copied().find(|i| text(&i[id_key]) == key),
                };
                let result = match item {
                    None => Err("missing from the panel's answer".to_string()),
                    Some(item) => item_outcome(item, value_key).and_then(|v| match kind {
                        // `cancel: 0` (or false) is the panel saying no.
                        Batch::Cancel if flag(&Value::String(v.clone())) == Some(false) => Err(
                            format!("the panel did not accept the cancel ({value_key}: {v})"),
                        ),
                        _ => Ok(v),
                    }),
                };
                Row { id: key, result }
            })
            .collect();
        Ok(Answer {
            raw: answer.raw,
            value: rows,
        })
    }

    /// Sends a batch action: the single form for one id (when the action has one), else the
    /// multi form in chunks of at most 100, merged in input order into the panel's shape.
    ///
    /// A chunk that fails becomes per-item errors for its ids; if every chunk fails, the
    /// first failure is the error.
    fn batch(&self, kind: Batch, ids: &[u64]) -> anyhow::Result<BatchAnswer> {
        let action = ("action", kind.action().to_string());
        if let (Some(field), [id]) = (kind.single_field(), ids) {
            let (value, body) = self.call(&[action, (field, id.to_string())], kind.effect())?;
            return Ok(BatchAnswer {
                raw: Raw::Body(body),
                value,
                single: true,
            });
        }
        let mut answers = super::run_chunks(self.http, self.progress, ids, |chunk| {
            let fields = [action.clone(), (kind.multi_field(), join(chunk))];
            let (value, body) = self.call(&fields, kind.effect())?;
            let shape_ok = match kind {
                Batch::Status => value.is_object(),
                _ => value.is_array(),
            };
            if !shape_ok {
                bail!(
                    "unexpected answer to {}: {}",
                    kind.action(),
                    shorten(&body, 200)
                );
            }
            Ok((value, body))
        })?;
        if let [(_, Ok(_))] = answers.as_slice()
            && let Some((_, Ok((value, body)))) = answers.pop()
        {
            return Ok(BatchAnswer {
                raw: Raw::Body(body),
                value,
                single: false,
            });
        }
        let value = merge(kind, answers);
        Ok(BatchAnswer {
            raw: Raw::Merged(value.clone()),
            value,
            single: false,
        })
    }
}

impl Panel for V2<'_> {
    fn profile(&self) -> &Profile {
        self.profile
    }

    fn balance(&self) -> anyhow::Result<Answer<Account>> {
        let answer = self.get_balance()?;
        Ok(Answer {
            raw: answer.raw,
            value: Account::Money(answer.value),
        })
    }

    fn services(&self) -> anyhow::Result<Answer<Vec<Service>>> {
        self.get_services()
    }

    fn cached_services(&self, body: String) -> Option<Answer<Vec<Service>>> {
        services_from(body).ok()
    }

    fn check_order(&self, _order: &Order) -> anyhow::Result<()> {
        Ok(())
    }

    fn add(&self, order: &Order) -> anyhow::Result<Answer<Placed>> {
        let answer = self.place(&order.fields)?;
        Ok(Answer {
            raw: answer.raw,
            value: Placed {
                order: answer.value,
                status: None,
                thread: None,
            },
        })
    }

    fn status(&self, ids: &[u64]) -> anyhow::Result<Answer<Vec<Row<OrderStatus>>>> {
        self.statuses(ids)
    }

    fn refill(&self, ids: &[u64]) -> anyhow::Result<Answer<Vec<Row<String>>>> {
        self.items(Batch::Refill, ids)
    }

    fn refill_status(&self, ids: &[u64]) -> anyhow::Result<Answer<Vec<Row<String>>>> {
        self.items(Batch::RefillStatus, ids)
    }

    fn cancel(&self, ids: &[u64]) -> anyhow::Result<Answer<Vec<Row<String>>>> {
        self.items(Batch::Cancel, ids)
    }
}

/// A catalogue from a `services` body (fresh or cached), when it is a list.
/// A body that is not one comes back as the error, untouched.
pub fn services_from(body: String) -> Result<Answer<Vec<Service>>, String> {
    let services = match body.trim_start().starts_with('[') {
        true => decode_services(&body),
        false => None,
    };
    match services {
        Some(services) => Ok(Answer {
            raw: Raw::Body(body),
            value: services,
        }),
        None => Err(body),
    }
}

/// Merges chunk answers: object merge keyed in input order for `status`, concatenation
/// for the array actions; a failed chunk becomes per-item errors in the panel's own shape
/// (`{"error": …}` under each id).
fn merge(kind: Batch, answers: Vec<ChunkAnswer>) -> Value {
    let (id_key, value_key) = kind.item_keys();
    let mut object = Map::new();
    let mut array = Vec::new();
    for (chunk, result) in answers {
        match result {
            Ok((Value::Object(mut obj), _)) => {
                for id in chunk {
                    let key = id.to_string();
                    if let Some(v) = obj.shift_remove(&key) {
                        object.insert(key, v);
                    }
                }
                object.extend(obj);
            }
            Ok((other, _)) => array.extend(match other {
                Value::Array(items) => items,
                single => vec![single],
            }),
            Err(e) => {
                let error =
                    json!({"error": format!("request failed: {}", super::short_reason(&e))});
                for id in chunk {
                    match kind {
                        Batch::Status => {
                            object.insert(id.to_string(), error.clone());
                        }
                        _ => array.push(json!({id_key: id, value_key: error.clone()})),
                    }
                }
            }
        }
    }
    match kind {
        Batch::Status => Value::Object(object),
        _ => Value::Array(array),
    }
}

/// The order id of an `add` answer: `{"order":1}`, `{"order":"1"}`, `[{"order":1}]`,
/// `{"status":"success","order":1}`.
pub fn order_id(value: &Value) -> Option<String> {
    let order = match value {
        Value::Array(items) => items.first().map(|i| &i["order"]),
        other => other.get("order"),
    };
    order.map(text).filter(|o| !o.is_empty())
}

/// One status item: the panel's per-item error, an unreadable item, or the status.
pub fn status_outcome(item: &Value) -> Result<OrderStatus, String> {
    if let Some(msg) = error_text(item) {
        return Err(msg);
    }
    let status = decode_status(item);
    if !item.is_object() || status.status.is_empty() {
        return Err(format!(
            "unexpected answer: {}",
            shorten(&item.to_string(), 80)
        ));
    }
    Ok(status)
}

/// Reads one order status leniently.
pub fn decode_status(v: &Value) -> OrderStatus {
    OrderStatus {
        status: text(&v["status"]),
        charge: money::amount(&v["charge"]),
        start_count: text(&v["start_count"]),
        remains: text(&v["remains"]),
        currency: text(&v["currency"]),
        thread: None,
    }
}

/// The outcome of an item: the value under `key`, or the error in it or around it.
pub fn item_outcome(item: &Value, key: &str) -> Result<String, String> {
    if let Some(msg) = error_text(item) {
        return Err(msg);
    }
    let v = &item[key];
    if let Some(msg) = error_text(v) {
        return Err(msg);
    }
    if v.is_null() {
        return Err(format!("no \"{key}\" in the panel's answer"));
    }
    Ok(text(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Reply;

    /// Every fixture decodes without a panic and keeps its values exact.
    #[test]
    fn every_fixture_decodes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2");
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name == "README.md" {
                continue;
            }
            let body = std::fs::read_to_string(&path).unwrap();
            let reply = Reply {
                status: reqwest::StatusCode::OK,
                location: None,
                retry_after: None,
                body: body.clone(),
            };
            let decoded = decode_json(&reply);
            let action = name.split('.').next().unwrap();
            if name.ends_with(".html") {
                let err = decoded.unwrap_err().to_string();
                assert!(
                    err.contains("HTML") && err.contains("Just a moment"),
                    "{name}: {err}"
                );
                checked += 1;
                continue;
            }
            let value = decoded.unwrap_or_else(|e| panic!("{name}: {e}"));
            match action {
                "balance" => assert_eq!(
                    crate::money::amount(&value["balance"]).unwrap().to_string(),
                    "100.84292"
                ),
                "add" => assert_eq!(order_id(&value).as_deref(), Some("23501"), "{name}"),
                "services" => {
                    let services: Vec<Service> = decode_services(&body).unwrap();
                    assert_eq!(services.len(), 2, "{name}");
                    for s in &services {
                        assert!(
                            !s.id.is_empty()
                                && s.rate.is_some()
                                && s.min.is_some()
                                && s.max.is_some(),
                            "{name}: {s:?}"
                        );
                    }
                }
                "status" if name.contains("many") => {
                    let obj = value.as_object().unwrap();
                    assert_eq!(
                        error_text(&obj["10"]).as_deref(),
                        Some("Incorrect order ID")
                    );
                    assert_eq!(
                        decode_status(&obj["100"]).charge.unwrap().to_string(),
                        "1.44219"
                    );
                }
                "status" => {
                    let s = decode_status(&value);
                    assert!(
                        s.charge.unwrap().to_string().starts_with("0.27819"),
                        "{name}"
                    );
                    assert!(!s.status.is_empty() && !s.remains.is_empty());
                }
                "refill" if name.contains("one") => {
                    assert_eq!(item_outcome(&value, "refill"), Ok("1".into()))
                }
                "refill" => {
                    let items = value.as_array().unwrap();
                    assert_eq!(item_outcome(&items[0], "refill"), Ok("1".into()));
                    assert_eq!(
                        item_outcome(&items[2], "refill"),
                        Err("Incorrect order ID".into())
                    );
                }
                "refill_status" => {
                    let items = value.as_array().unwrap();
                    assert_eq!(item_outcome(&items[1], "status"), Ok("Rejected".into()));
                    assert_eq!(
                        item_outcome(&items[2], "status"),
                        Err("Refill not found".into())
                    );
                }
                "cancel" => {
                    let items = value.as_array().unwrap();
                    assert_eq!(
                        item_outcome(&items[0], "cancel"),
                        Err("Incorrect order ID".into())
                    );
                    assert_eq!(item_outcome(&items[1], "cancel"), Ok("1".into()));
                }
                "error" => assert_eq!(error_text(&value).as_deref(), Some("Invalid API key")),
                other => panic!("{name}: no decoder test for action '{other}'"),
            }
            checked += 1;
        }
        assert!(
            checked >= 16,
            "only {checked} fixtures found in {}",
            dir.display()
        );
    }

    #[test]
    fn exact_values_of_the_lenient_fixtures() {
        let v: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/v2/services.strings-and-extras.json"
        ))
        .unwrap();
        let s: Vec<Service> = decode_services(&v.to_string()).unwrap();
        assert_eq!((s[0].id.as_str(), s[0].kind.as_str()), ("1", "default"));
        assert_eq!(s[0].rate.unwrap().to_string(), "0.0123456");
        assert_eq!((s[0].min, s[0].max), (Some(100), Some(5_000_000)));
        assert_eq!((s[0].refill, s[0].cancel), (Some(true), Some(false)));
        assert!(s[0].raw.get().contains(r#""desc":"Start 0-1h""#));
        assert_eq!(s[1].rate.unwrap().to_string(), "1.2");
        let v: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/v2/status.one.numbers.json"
        ))
        .unwrap();
        let st = decode_status(&v);
        assert_eq!(st.charge.unwrap().to_string(), "0.27819000001");
        assert_eq!(
            (st.start_count.as_str(), st.remains.as_str()),
            ("3572", "Unknown")
        );
    }

    #[test]
    fn wrong_shapes_never_panic() {
        for body in [
            "null",
            "1",
            "\"x\"",
            "[]",
            "{}",
            "[[]]",
            "{\"status\":{}}",
            "[{\"order\":null}]",
        ] {
            let v: Value = serde_json::from_str(body).unwrap();
            let _ = decode_status(&v);
            let _ = decode_services(body);
            let _ = crate::panel::decode_service(serde_json::value::to_raw_value(&v).unwrap());
            let _ = order_id(&v);
            let _ = item_outcome(&v, "refill");
            let _ = error_text(&v);
        }
    }
}
