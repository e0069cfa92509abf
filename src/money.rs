//! Exact decimal amounts (rates, charges, balances) and the order cost rule.

use rust_decimal::Decimal;
use serde_json::Value;

/// Reads an amount from a JSON string or number without going through f64.
///
/// serde_json's `arbitrary_precision` keeps a number's original text, so `0.27819000001`
/// stays exact. Returns `None` for anything that is not a decimal amount.
pub fn amount(value: &Value) -> Option<Decimal> {
    match value {
        Value::String(s) => parse(s),
        Value::Number(n) => parse(&n.to_string()),
        _ => None,
    }
}

/// Parses decimal text: plain (`0.90`), scientific (`1e-5`) or with comma thousands
/// (`1,234.5`). Anything ambiguous (`1,5`, `1.234,56`) is `None`, never a guessed number.
pub fn parse(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if let Ok(d) = Decimal::from_str_exact(t) {
        return Some(d);
    }
    if let Ok(d) = Decimal::from_scientific(t) {
        return Some(d);
    }
    let (whole, fraction) = t.split_once('.').unwrap_or((t, ""));
    let fraction_ok = fraction.bytes().all(|b| b.is_ascii_digit());
    if fraction_ok && grouped_in_threes(whole, ',') {
        return Decimal::from_str_exact(&t.replace(',', "")).ok();
    }
    None
}

/// Whether `t` is digits grouped by `sep` in threes after a first group of 1–3 (`5.000.000`),
/// with at least one separator.
pub fn grouped_in_threes(t: &str, sep: char) -> bool {
    let mut parts = t.split(sep);
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let first = parts.next().is_some_and(|p| digits(p) && p.len() <= 3);
    let mut rest = parts.peekable();
    first && rest.peek().is_some() && rest.all(|p| digits(p) && p.len() == 3)
}

/// A computed amount (a cost, a total, a balance after an order) as smm prints it: at least
/// two decimal places, more when the exact value needs them (`9.00`, `0.90`, `0.0123456`).
/// The one rule for every amount smm works out itself; amounts the panel sent keep its text.
pub fn show(amount: Decimal) -> String {
    let mut shown = amount.normalize();
    if shown.scale() < 2 {
        shown.rescale(2);
    }
    shown.to_string()
}

/// Cost of an order: rate (per 1000 units) × quantity / 1000 × runs, exact; `None` when
/// the result does not fit a decimal (absurd rates or quantities never panic).
pub fn cost(rate: Decimal, quantity: u64, runs: u64) -> Option<Decimal> {
    rate.checked_mul(Decimal::from(quantity))?
        .checked_div(Decimal::from(1000))?
        .checked_mul(Decimal::from(runs.max(1)))
        .map(|c| c.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn amounts_stay_exact() {
        let v: Value =
            serde_json::from_str(r#"{"a":0.27819000001,"b":"100.84292","c":1.2,"d":"1,234.5"}"#)
                .unwrap();
        assert_eq!(amount(&v["a"]).unwrap().to_string(), "0.27819000001");
        assert_eq!(amount(&v["b"]).unwrap().to_string(), "100.84292");
        assert_eq!(amount(&v["c"]).unwrap().to_string(), "1.2");
        assert_eq!(amount(&v["d"]).unwrap().to_string(), "1234.5");
        assert_eq!(amount(&json!("1e-5")).unwrap().to_string(), "0.00001");
        assert!(amount(&json!("Unknown")).is_none());
        assert!(amount(&json!("1,5")).is_none());
        assert!(amount(&json!("0,90")).is_none());
        assert!(amount(&json!("1.234,56")).is_none());
        assert_eq!(
            amount(&json!("1,234,567.25")).unwrap().to_string(),
            "1234567.25"
        );
        assert!(amount(&json!(null)).is_none());
    }

    #[test]
    fn computed_amounts_show_at_least_two_places() {
        let show = |t: &str| super::show(parse(t).unwrap());
        assert_eq!(show("9"), "9.00");
        assert_eq!(show("0.9"), "0.90");
        assert_eq!(show("0.90000"), "0.90");
        assert_eq!(show("41.00"), "41.00");
        assert_eq!(show("0.0123456"), "0.0123456");
        assert_eq!(show("0"), "0.00");
        assert_eq!(show("-0.0"), "0.00");
        assert_eq!(show("-1.5"), "-1.50");
        assert_eq!(show("1234567.125"), "1234567.125");
    }

    #[test]
    fn cost_is_rate_per_thousand_times_runs() {
        let rate = parse("0.90").unwrap();
        assert_eq!(cost(rate, 500, 1).unwrap().to_string(), "0.45");
        assert_eq!(cost(rate, 500, 3).unwrap().to_string(), "1.35");
        assert_eq!(
            cost(parse("0.0123456").unwrap(), 333, 1)
                .unwrap()
                .to_string(),
            "0.0041110848"
        );
        assert_eq!(
            cost(parse("8").unwrap(), 10, 0).unwrap().to_string(),
            "0.08"
        );
        assert_eq!(cost(Decimal::MAX, u64::MAX, u64::MAX), None);
    }
}
