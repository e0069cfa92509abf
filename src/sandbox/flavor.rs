//! How the sandbox's v2 panel words its answers: like the API seed page (`standard`), or like
//! the two large families of panel software that answer differently (`smartpanel`, `ownsmm`),
//! so that smm (or any client) can be seen reading them end to end. The panel's state and rules
//! are the same in every flavour; only the shapes and spellings of the answers change.

use super::catalogue::Service;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

/// The answer shapes the sandbox can speak.
///
/// - standard: the seed page's shapes (`{"balance"}`, `Completed`, `"cancel": 1`);
/// - smartpanel: `{"status":"success", …}` wrappers around balance, add and a single refill,
///   snake_case service types with `desc` and `dripfeed`, `in_progress`/`Complete`/`Cancelled`,
///   `tasks.status.` refill statuses, `"cancel": {"status":"success"}`;
/// - ownsmm: a numeric code in `status` beside every error (`"Order not found."`, `"104"`),
///   lower-case statuses without spaces (`inprogress`), numbers as JSON numbers, negative
///   `remains` after over-delivery, `"cancel": true`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Flavor {
    /// Like the API seed page
    #[default]
    Standard,
    /// Like SmartPanel-style panels
    Smartpanel,
    /// Like OwnSMM-style panels
    Ownsmm,
}

impl Flavor {
    /// The service these panels list as a disabled placeholder (absurd rate, minimum above
    /// maximum), which no order can use; none in the standard flavour.
    pub fn placeholder(self) -> Option<Service> {
        (self != Flavor::Standard).then(|| Service {
            id: 9999,
            name: "Disabled placeholder".into(),
            kind: "Default",
            category: "Misc",
            rate: Decimal::from(1_000_000_000_000u64),
            min: 500_000,
            max: 100,
            refill: false,
            cancel: false,
        })
    }

    /// A catalogue entry in this flavour's shape.
    pub fn service_json(self, s: &Service) -> Value {
        let dripfeed = s.kind == "Default" && s.min <= s.max;
        match self {
            Flavor::Standard => json!({
                "service": s.id,
                "name": s.name,
                "type": s.kind,
                "category": s.category,
                "rate": s.rate.to_string(),
                "min": s.min.to_string(),
                "max": s.max.to_string(),
                "refill": s.refill,
                "cancel": s.cancel,
            }),
            Flavor::Smartpanel => json!({
                "service": s.id.to_string(),
                "name": s.name,
                "type": s.kind.to_lowercase().replace(' ', "_"),
                "category": s.category,
                "rate": s.rate.to_string(),
                "min": s.min.to_string(),
                "max": s.max.to_string(),
                "refill": bit(s.refill).to_string(),
                "cancel": bit(s.cancel).to_string(),
                "dripfeed": bit(dripfeed).to_string(),
                "desc": match s.refill {
                    true => "Start: 0-1 hour. Refill: 30 days",
                    false => "Start: 0-1 hour. No refill",
                },
            }),
            Flavor::Ownsmm => json!({
                "service": s.id,
                "name": s.name,
                "type": s.kind,
                "category": s.category,
                "rate": number(s.rate),
                "min": s.min,
                "max": s.max,
                "refill": bit(s.refill),
                "cancel": bit(s.cancel),
                "dripfeed": dripfeed,
            }),
        }
    }

    /// An order status (`Pending`, `In progress`, `Completed`, `Partial`, `Canceled`) spelled
    /// the way this flavour's panels write it.
    pub fn order_status(self, status: &'static str) -> &'static str {
        match (self, status) {
            (Flavor::Standard, s) => s,
            (Flavor::Smartpanel, "In progress") => "in_progress",
            (Flavor::Smartpanel, "Completed") => "Complete",
            (Flavor::Smartpanel, "Canceled") => "Cancelled",
            (Flavor::Smartpanel, s) => s,
            (Flavor::Ownsmm, "Pending") => "pending",
            (Flavor::Ownsmm, "In progress") => "inprogress",
            (Flavor::Ownsmm, "Completed") => "completed",
            (Flavor::Ownsmm, "Partial") => "partial",
            (Flavor::Ownsmm, "Canceled") => "canceled",
            (Flavor::Ownsmm, s) => s,
        }
    }

    /// `remains` as written: OwnSMM-style panels over-deliver completed orders by 1 % and
    /// report it as negative remains (`-10` for 1000 ordered).
    pub fn remains(self, status: &str, remains: u64, quantity: u64) -> String {
        match (self, status) {
            (Flavor::Ownsmm, "Completed") if quantity >= 100 => format!("-{}", quantity / 100),
            _ => remains.to_string(),
        }
    }

    /// A refill status (`Pending`, `In progress`, `Completed`, `Rejected`) as written.
    pub fn refill_status(self, status: &str) -> String {
        let lower = status.to_lowercase();
        match self {
            Flavor::Standard => status.to_string(),
            Flavor::Smartpanel => format!("tasks.status.{}", lower.replace(' ', "_")),
            Flavor::Ownsmm => lower.replace(' ', ""),
        }
    }

    /// What a cancel item holds when the panel took the request.
    pub fn cancel_accepted(self) -> Value {
        match self {
            Flavor::Standard => json!(1),
            Flavor::Smartpanel => json!({"status": "success"}),
            Flavor::Ownsmm => json!(true),
        }
    }

    /// The balance amount as written (OwnSMM-style: a JSON number).
    pub fn amount(self, text: String) -> Value {
        match self {
            Flavor::Ownsmm => serde_json::from_str(&text).unwrap_or(Value::String(text)),
            _ => Value::String(text),
        }
    }

    /// Dresses a whole answer to `action`: SmartPanel-style success wrappers around `balance`,
    /// `add` and a single `refill`; OwnSMM-style error texts and codes on every `{"error"}`.
    pub fn dress(self, action: &str, single: bool, mut answer: Value) -> Value {
        match self {
            Flavor::Standard => answer,
            Flavor::Smartpanel => {
                let wrapped = matches!(action, "balance" | "add") || (action == "refill" && single);
                match answer {
                    Value::Object(fields) if wrapped && !fields.contains_key("error") => {
                        let mut out = Map::new();
                        out.insert("status".into(), json!("success"));
                        out.extend(fields);
                        Value::Object(out)
                    }
                    other => other,
                }
            }
            Flavor::Ownsmm => {
                coded_errors(&mut answer);
                answer
            }
        }
    }
}

/// `1` or `0`.
fn bit(b: bool) -> u8 {
    u8::from(b)
}

/// A decimal as a JSON number, digits as they are (no float).
fn number(d: Decimal) -> Value {
    serde_json::from_str(&d.to_string()).unwrap_or(Value::String(d.to_string()))
}

/// Every `{"error": text}` in `v`, OwnSMM-style: its own wording and a numeric code in
/// `status` (which there is not an order status).
fn coded_errors(v: &mut Value) {
    match v {
        Value::Object(fields) => {
            if let Some(Value::String(msg)) = fields.get("error").cloned() {
                let (text, code) = match msg.as_str() {
                    "Incorrect request" => ("Incorrect request", "100"),
                    "Invalid API key" => ("Invalid API key", "101"),
                    "Incorrect service ID" => ("Service not found.", "102"),
                    "Not enough funds on balance" => ("Not enough funds on balance", "103"),
                    "Incorrect order ID" => ("Order not found.", "104"),
                    "Refill not found" => ("Refill not found.", "105"),
                    other => (other, "110"),
                };
                fields.insert("error".into(), json!(text));
                fields.insert("status".into(), json!(code));
            }
            fields.values_mut().for_each(coded_errors);
        }
        Value::Array(items) => items.iter_mut().for_each(coded_errors),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smartpanel_wraps_balance_add_and_a_single_refill_only() {
        let f = Flavor::Smartpanel;
        let b = f.dress(
            "balance",
            true,
            json!({"balance": "1.00", "currency": "USD"}),
        );
        assert_eq!(
            b.to_string(),
            r#"{"status":"success","balance":"1.00","currency":"USD"}"#
        );
        assert_eq!(
            f.dress("refill", true, json!({"refill": "1"}))["status"],
            "success"
        );
        let err = json!({"error": "Incorrect order ID"});
        assert_eq!(f.dress("add", true, err.clone()), err);
        let many = json!([{"order": 1, "refill": 2}]);
        assert_eq!(f.dress("refill", false, many.clone()), many);
        assert_eq!(f.refill_status("In progress"), "tasks.status.in_progress");
        assert_eq!(f.order_status("Completed"), "Complete");
    }

    #[test]
    fn ownsmm_codes_every_error_and_writes_numbers() {
        let f = Flavor::Ownsmm;
        let v = f.dress(
            "status",
            false,
            json!({"1": {"error": "Incorrect order ID"}, "2": {"status": "pending"}}),
        );
        assert_eq!(
            v.to_string(),
            r#"{"1":{"error":"Order not found.","status":"104"},"2":{"status":"pending"}}"#
        );
        assert_eq!(f.amount("100.00".into()).to_string(), "100.00");
        assert_eq!(f.remains("Completed", 0, 1000), "-10");
        assert_eq!(f.remains("Partial", 100, 1000), "100");
        assert_eq!(f.refill_status("In progress"), "inprogress");
        let s = f.placeholder().unwrap();
        assert_eq!(f.service_json(&s)["rate"].to_string(), "1000000000000");
    }

    #[test]
    fn standard_is_untouched() {
        let f = Flavor::Standard;
        let v = json!({"error": "Incorrect order ID"});
        assert_eq!(f.dress("status", true, v.clone()), v);
        assert_eq!(f.order_status("In progress"), "In progress");
        assert!(f.placeholder().is_none());
    }
}
