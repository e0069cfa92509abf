//! The standard SMM panel API v2: form-encoded POSTs of `key` + `action` to one endpoint.

use super::{
    Account, Answer, Balance, Cancel, ChunkAnswer, NoAnswer, OrderStatus, Panel, PanelError,
    Placed, Progress, Raw, Row, Service, ambiguous, count_services, decode_json, decode_services,
    error_text, flag, text,
};
use crate::config::Profile;
use crate::http::{Effect, Http, Reply};
use crate::ids::join;
use crate::money;
use crate::order::Order;
use crate::text::shorten;
use anyhow::{anyhow, bail};
use serde_json::value::RawValue;
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

    /// Sends one chunk of `status` and reads its map keeping only the ids of `chunk` (memory
    /// follows the ids asked, whatever the answer's size); the body comes back only when it
    /// held nothing else (empty otherwise: it is not kept).
    fn call_status(
        &self,
        fields: &[(&str, String)],
        chunk: &[u64],
    ) -> anyhow::Result<(Value, String)> {
        let reply = self.send(fields, Effect::Read)?;
        let asked: std::collections::HashSet<String> = chunk.iter().map(u64::to_string).collect();
        let (value, skipped) = super::decode_json_keeping(&reply, &|k| asked.contains(k))?;
        self.refuse_error(&value)?;
        let body = match skipped {
            0 => reply.body,
            _ => String::new(),
        };
        Ok((value, body))
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

    /// Says so on stderr when the catalogue is empty (`[]`, or a wrapper's `"Empty Data"`).
    fn note_empty(&self, services: &[Service]) {
        if services.is_empty() {
            crate::msg::note(&format!(
                "the panel of profile '{}' lists no services: its catalogue is empty",
                self.profile.name
            ));
        }
    }

    /// `balance`: the account's money.
    fn get_balance(&self) -> anyhow::Result<Answer<Balance>> {
        let (value, body) = self.call(&[("action", "balance".into())], Effect::Read)?;
        let amount = money::field(&value["balance"], "balance").map_err(|why| {
            anyhow!(
                "the panel's balance answer cannot be read: {why}: {}",
                shorten(&body, 200)
            )
        })?;
        let balance = Balance {
            amount,
            currency: text(&value["currency"]),
        };
        Ok(Answer {
            raw: Raw::Body(body),
            value: balance,
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
        // An order id under a status that says it failed contradicts itself: it may exist.
        if !reply.status.is_success()
            && let Some(id) = serde_json::from_str::<Value>(&reply.body)
                .ok()
                .as_ref()
                .and_then(order_id)
        {
            return Err(ambiguous(super::contradiction(&reply, &id)));
        }
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
            "the panel's answer holds no order id smm can trust (a positive whole number in \"order\"): {}",
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
                    None => Err(super::MISSING.to_string()),
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
    fn items<T>(
        &self,
        kind: Batch,
        ids: &[u64],
        outcome: impl Fn(&Value) -> Result<T, String>,
    ) -> anyhow::Result<Answer<Vec<Row<T>>>> {
        let answer = self.batch(kind, ids)?;
        let (id_key, _) = kind.item_keys();
        let items: Vec<&Value> = match (&answer.value, answer.single) {
            (Value::Array(list), false) => list.iter().collect(),
            (value, _) => vec![value],
        };
        let by_id = answer.single || items.iter().all(|i| i[id_key].is_null());
        // Each item by its id (the first one of an id wins): one pass, however many ids.
        let mut index: std::collections::HashMap<String, &Value> = Default::default();
        if !by_id {
            for item in &items {
                index.entry(text(&item[id_key])).or_insert(item);
            }
        }
        let rows = ids
            .iter()
            .enumerate()
            .map(|(position, id)| {
                let key = id.to_string();
                let item = match by_id {
                    true => items.get(position).copied(),
                    false => index.get(&key).copied(),
                };
                let result = match item {
                    None => Err(super::MISSING.to_string()),
                    Some(item) => outcome(item),
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
            let (value, body) = match kind {
                Batch::Status => self.call_status(&fields, chunk)?,
                _ => self.call(&fields, kind.effect())?,
            };
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
            // A status answer with entries not asked for kept only the asked ones (no body).
            let raw = match body.is_empty() {
                true => Raw::Merged(value.clone()),
                false => Raw::Body(body),
            };
            return Ok(BatchAnswer {
                raw,
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
        self.get_services().inspect(|a| self.note_empty(&a.value))
    }

    fn cached_services(&self, body: String) -> Option<Answer<Vec<Service>>> {
        let answer = services_from(body).ok()?;
        self.note_empty(&answer.value);
        Some(answer)
    }

    fn cached_subset(&self, body: String, ids: &[&str]) -> Option<Vec<Service>> {
        match body.trim_start().starts_with('[') {
            true => super::find_services(&body, ids),
            false => {
                let all = self.cached_services(body)?.value;
                Some(
                    all.into_iter()
                        .filter(|s| ids.contains(&s.id.as_str()))
                        .collect(),
                )
            }
        }
    }

    fn catalogue_index<'a>(
        &self,
        answer: &'a Answer<Vec<Service>>,
    ) -> Option<Vec<(&'a str, std::ops::Range<usize>)>> {
        // A list's entries are spans of the body; a wrapper's are not indexed.
        match &answer.raw {
            Raw::Body(body) if body.trim_start().starts_with('[') => {
                super::catalogue_index(body, &answer.value)
            }
            _ => None,
        }
    }

    fn cached_entries(&self, texts: Vec<String>) -> Option<Vec<Service>> {
        super::entries_services(texts)
    }

    fn cached_body(&self, body: String) -> Option<Raw> {
        // A list is counted through, not decoded: a 20,000-entry catalogue prints in a blink.
        if !body.trim_start().starts_with('[') {
            return self.cached_services(body).map(|answer| answer.raw);
        }
        if count_services(&body)? == 0 {
            self.note_empty(&[]);
        }
        Some(Raw::Body(body))
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
        let key = Batch::Refill.item_keys().1;
        self.items(Batch::Refill, ids, |item| item_outcome(item, key))
    }

    fn refill_status(&self, ids: &[u64]) -> anyhow::Result<Answer<Vec<Row<String>>>> {
        let key = Batch::RefillStatus.item_keys().1;
        self.items(Batch::RefillStatus, ids, |item| item_outcome(item, key))
    }

    fn cancel(&self, ids: &[u64]) -> anyhow::Result<Answer<Vec<Row<Cancel>>>> {
        self.items(Batch::Cancel, ids, cancel_outcome)
    }
}

/// A catalogue from a `services` body (fresh or cached): a list, or a list in a success wrapper
/// (`{"status":"success","data":[…]}`); a wrapper whose `data` is text (`"Empty Data"`) is an
/// empty catalogue. A body that is none of these comes back as the error, untouched.
pub fn services_from(body: String) -> Result<Answer<Vec<Service>>, String> {
    let services = match body.trim_start().as_bytes().first() {
        Some(b'[') => decode_services(&body),
        Some(b'{') => wrapped_services(&body),
        _ => None,
    };
    match services {
        Some(services) => Ok(Answer {
            raw: Raw::Body(body),
            value: services,
        }),
        None => Err(body),
    }
}

/// The catalogue inside a success wrapper: `data` as a list, or as text for none
/// (`{"status":"success","data":"Empty Data"}`). An answer with an `error` is not one.
fn wrapped_services(body: &str) -> Option<Vec<Service>> {
    #[derive(serde::Deserialize)]
    struct Wrapper<'a> {
        #[serde(borrow, default)]
        data: Option<&'a RawValue>,
        #[serde(default)]
        error: Value,
    }
    let wrapper: Wrapper = serde_json::from_str(body).ok()?;
    if error_text(&json!({ "error": wrapper.error })).is_some() {
        return None;
    }
    let data = wrapper.data?.get().trim_start();
    match data.as_bytes().first() {
        Some(b'[') => decode_services(data),
        Some(b'"') => Some(Vec::new()),
        _ => None,
    }
}

/// The balance of a `balance` answer (`{"balance", "currency"}`, in a success wrapper or not).
pub fn decode_balance(value: &Value) -> Option<Balance> {
    Some(Balance {
        amount: money::field(&value["balance"], "balance").ok()?,
        currency: text(&value["currency"]),
    })
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
                let error = json!({"error": format!("{}{}", super::REQUEST_FAILED, super::short_reason(&e))});
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

/// The order id of an `add` answer, when it holds one: `order` a positive whole number or its
/// decimal text (`{"order":1}`, `{"order":"1"}`, `[{"order":1}]`,
/// `{"status":"success","order":1}`). Anything else — `0`, `-7`, `1.5`, `true`, `[1,2]`,
/// `{"id":5}`, or several orders in one answer — is no order id: the outcome is unknown.
pub fn order_id(value: &Value) -> Option<String> {
    let order = match value {
        Value::Array(items) if items.len() == 1 => items[0].get("order"),
        Value::Array(_) => None,
        other => other.get("order"),
    };
    order.and_then(positive_id)
}

/// A positive whole number, as a JSON number or its decimal text, written without leading
/// zeros; `None` for anything else.
pub fn positive_id(v: &Value) -> Option<String> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_string(),
        _ => return None,
    };
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<u64>()
        .ok()
        .filter(|n| *n > 0)
        .map(|n| n.to_string())
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

/// What a cancel item says: accepted (`"cancel"` as `1`, `"1"`, `true` or
/// `{"status":"success"}`) is `requested`; `0`/`false` or another wrapper status is a refusal;
/// an `{"error"}` in or around the item is that error. Another word is kept as the panel wrote it.
pub fn cancel_outcome(item: &Value) -> Result<Cancel, String> {
    let v = item_outcome(item, "cancel")?;
    let said = &item["cancel"];
    let verdict = match said.as_object() {
        Some(wrapper) => match wrapper.get("status").map(text).unwrap_or_default() {
            s if s.eq_ignore_ascii_case("success") || s.eq_ignore_ascii_case("ok") => Some(true),
            _ => Some(false),
        },
        None => flag(said),
    };
    match verdict {
        Some(true) => Ok(Cancel::Requested),
        Some(false) => Err(format!("the panel did not accept the cancel (cancel: {v})")),
        None => Ok(Cancel::Said(v)),
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
    use serde_json::json;

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

    #[test]
    fn cancel_flags_in_every_form() {
        for accepted in [
            json!({"order": 1, "cancel": 1}),
            json!({"order": 1, "cancel": "1"}),
            json!({"order": 1, "cancel": true}),
            json!({"order": 1, "cancel": "true"}),
            json!({"order": 1, "cancel": {"status": "success"}}),
            json!({"order": 1, "cancel": {"status": "Success"}}),
        ] {
            assert_eq!(
                cancel_outcome(&accepted),
                Ok(crate::panel::Cancel::Requested),
                "{accepted}"
            );
        }
        for (refused, why) in [
            (
                json!({"order": 1, "cancel": 0}),
                "the panel did not accept the cancel (cancel: 0)",
            ),
            (
                json!({"order": 1, "cancel": false}),
                "the panel did not accept the cancel (cancel: false)",
            ),
            (
                json!({"order": 1, "cancel": {"status": "fail"}}),
                "the panel did not accept the cancel (cancel: {\"status\":\"fail\"})",
            ),
            (
                json!({"order": 1, "cancel": {"error": "Incorrect order ID"}}),
                "Incorrect order ID",
            ),
            (
                json!({"order": 1, "error": "Order not found.", "status": "104"}),
                "Order not found.",
            ),
            (json!({"order": 1}), "no \"cancel\" in the panel's answer"),
        ] {
            assert_eq!(cancel_outcome(&refused), Err(why.to_string()), "{refused}");
        }
        assert_eq!(
            cancel_outcome(&json!({"order": 1, "cancel": "queued"})),
            Ok(crate::panel::Cancel::Said("queued".into()))
        );
    }

    #[test]
    fn catalogue_wrappers() {
        let wrapped = r#"{"status":"success","data":[{"service":"5","name":"N","type":"default","rate":"1","min":"1","max":"2"}]}"#;
        let answer = services_from(wrapped.to_string()).unwrap();
        assert_eq!(answer.value.len(), 1);
        assert_eq!(answer.value[0].id, "5");
        assert!(matches!(&answer.raw, Raw::Body(b) if b == wrapped));
        for empty in [
            r#"{"status":"success","data":"Empty Data"}"#,
            r#"{"status":"success","data":""}"#,
            "[]",
        ] {
            assert!(
                services_from(empty.into()).unwrap().value.is_empty(),
                "{empty}"
            );
        }
        for not_one in [
            r#"{"error":"Invalid API key"}"#,
            r#"{"error":"Invalid API key","data":"Empty Data"}"#,
            r#"{"status":"success"}"#,
            r#"{"status":"success","data":{"a":1}}"#,
            "<html>",
            "",
        ] {
            assert!(services_from(not_one.into()).is_err(), "{not_one}");
        }
    }

    #[test]
    fn only_a_positive_whole_number_is_an_order_id() {
        for (body, id) in [
            (r#"{"order":23501}"#, Some("23501")),
            (r#"{"order":"23501"}"#, Some("23501")),
            (r#"{"order":" 0042 "}"#, Some("42")),
            (r#"[{"order":9}]"#, Some("9")),
            (r#"{"status":"success","order":1}"#, Some("1")),
            (r#"{"order":0}"#, None),
            (r#"{"order":"0"}"#, None),
            (r#"{"order":-7}"#, None),
            (r#"{"order":1.5}"#, None),
            (r#"{"order":1e3}"#, None),
            (r#"{"order":true}"#, None),
            (r#"{"order":[1,2]}"#, None),
            (r#"{"order":{"id":5}}"#, None),
            (r#"{"order":"12abc"}"#, None),
            (r#"{"order":18446744073709551616}"#, None),
            (r#"[{"order":9},{"order":10}]"#, None),
            (r#"[]"#, None),
        ] {
            let v: Value = serde_json::from_str(body).unwrap();
            assert_eq!(order_id(&v).as_deref(), id, "{body}");
        }
    }
}
