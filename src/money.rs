//! Exact decimal amounts (rates, charges, balances) and the order cost rule.

use rust_decimal::Decimal;
use serde_json::Value;

/// Reads an amount from a JSON string or number without going through f64.
///
/// serde_json's `arbitrary_precision` keeps a number's original text, so `0.27819000001`
/// stays exact. Returns `None` for anything that is not a decimal amount held exactly.
pub fn amount(value: &Value) -> Option<Decimal> {
    amount_text(value).and_then(|t| parse(&t))
}

/// An amount under `field` (`balance`, `rate`) of a panel's answer, or an error that names the
/// field, shows the value and says why smm cannot use it.
pub fn field(value: &Value, field: &str) -> Result<Decimal, String> {
    let Some(text) = amount_text(value) else {
        return Err(match value {
            Value::Null => format!("no {field}"),
            other => format!(
                "the {field} {} is not a decimal number",
                crate::text::shorten(&other.to_string(), 40)
            ),
        });
    };
    parse_exact(&text)
        .map_err(|why| format!("the {field} '{}' {why}", crate::text::shorten(&text, 60)))
}

/// The text of a JSON string or number.
fn amount_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Why a text is not an amount smm can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inexact {
    /// Not decimal text at all (`Unknown`, `1_000`, `1,5`).
    NotANumber,
    /// More decimal places or digits than a decimal holds: it would be rounded.
    TooPrecise,
    /// Larger than a decimal holds (about 7.9 × 10²⁸).
    TooLarge,
}

impl std::fmt::Display for Inexact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Inexact::NotANumber => "is not a decimal number",
            Inexact::TooPrecise => {
                "has more digits than smm can hold exactly (at most 28 decimal places); it would be rounded"
            }
            Inexact::TooLarge => "is larger than smm can hold exactly",
        })
    }
}

/// Parses decimal text exactly, or `None`: see [`parse_exact`].
pub fn parse(text: &str) -> Option<Decimal> {
    parse_exact(text).ok()
}

/// Parses decimal text: plain (`0.90`), scientific (`1e-5`, `1.5E3`) or with comma thousands
/// (`1,234.5`). Anything ambiguous (`1,5`, `1.234,56`), written with other separators (`1_000`),
/// or that a decimal cannot hold exactly (a 34-digit mantissa, `1e-40`) is refused, never
/// rounded or guessed. The scale written is kept (`0.90` stays `0.90`).
pub fn parse_exact(text: &str) -> Result<Decimal, Inexact> {
    use Inexact::*;
    let t = text.trim();
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let whole = match whole.contains(',') {
        true if exponent.is_none() && grouped_in_threes(whole, ',') => whole.replace(',', ""),
        true => return Err(NotANumber),
        false => whole.to_string(),
    };
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits_only(&whole) || !digits_only(fraction) || (whole.is_empty() && fraction.is_empty()) {
        return Err(NotANumber);
    }
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits_only(digits) {
                return Err(NotANumber);
            }
            let n: i64 = digits.trim_start_matches('0').parse().unwrap_or(0);
            let n = if digits.trim_start_matches('0').len() > 6 {
                i64::MAX / 2
            } else {
                n
            };
            if e.starts_with('-') { -n } else { n }
        }
    };
    // The value is `digits` × 10^-scale.
    let mut digits = format!("{whole}{fraction}");
    let mut scale = fraction.len() as i64 - exponent;
    let significant = digits.trim_start_matches('0').len();
    if significant == 0 {
        let scale = if (0..=28).contains(&scale) { scale } else { 0 };
        return Ok(Decimal::new(0, scale as u32));
    }
    digits.drain(..digits.len() - significant);
    if scale < 0 {
        if digits.len() as i64 - scale > 40 {
            return Err(TooLarge);
        }
        digits.extend(std::iter::repeat_n('0', (-scale) as usize));
        scale = 0;
    }
    // Trailing zeros of the fraction can go without changing the value.
    while (scale > 28 || digits.len() > 29) && scale > 0 && digits.ends_with('0') {
        digits.pop();
        scale -= 1;
    }
    if scale > 28 {
        return Err(TooPrecise);
    }
    let inexact = if scale > 0 { TooPrecise } else { TooLarge };
    let m: i128 = digits.parse().map_err(|_| inexact)?;
    let mut d = Decimal::try_from_i128_with_scale(m, scale as u32).map_err(|_| inexact)?;
    d.set_sign_negative(negative);
    Ok(d)
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
    fn what_cannot_be_held_exactly_is_refused() {
        use Inexact::*;
        for (text, want) in [
            ("0.90", Ok("0.90")),
            (" +1.5E3 ", Ok("1500")),
            ("1e+3", Ok("1000")),
            ("-2.5", Ok("-2.5")),
            ("1.", Ok("1")),
            (".5", Ok("0.5")),
            (
                "0.1000000000000000000000000000000000",
                Ok("0.1000000000000000000000000000"),
            ),
            (
                "7.9228162514264337593543950335e28",
                Ok("79228162514264337593543950335"),
            ),
            ("1e-28", Ok("0.0000000000000000000000000001")),
            ("0e-99", Ok("0")),
            ("1.234567890123456789012345678901234e5", Err(TooPrecise)),
            ("0.12345678901234567890123456789", Err(TooPrecise)),
            ("1e-29", Err(TooPrecise)),
            ("1e-40", Err(TooPrecise)),
            ("7.9228162514264337593543950336e28", Err(TooLarge)),
            ("1e30", Err(TooLarge)),
            ("1e9999999999", Err(TooLarge)),
            ("123456789012345678901234567890", Err(TooLarge)),
            ("1_000", Err(NotANumber)),
            ("1 000", Err(NotANumber)),
            ("1,000e3", Err(NotANumber)),
            ("0x10", Err(NotANumber)),
            ("--1", Err(NotANumber)),
            (".", Err(NotANumber)),
            ("e5", Err(NotANumber)),
            ("1e", Err(NotANumber)),
            ("NaN", Err(NotANumber)),
            ("", Err(NotANumber)),
        ] {
            let got = parse_exact(text).map(|d| d.to_string());
            assert_eq!(got, want.map(str::to_string), "{text:?}");
        }
        let v: Value =
            serde_json::from_str(r#"{"b":1.234567890123456789012345678901234e5}"#).unwrap();
        let err = field(&v["b"], "balance").unwrap_err();
        assert!(
            err.starts_with("the balance '1.2345") && err.contains("28 decimal places"),
            "{err}"
        );
        assert_eq!(field(&Value::Null, "rate").unwrap_err(), "no rate");
        assert!(
            field(&serde_json::json!([1]), "rate")
                .unwrap_err()
                .contains("not a decimal")
        );
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
