//! Time helpers: the clock, durations typed by users (`30m`, `24h`, `7d`) and the dates smm
//! prints (UTC), built on the `time` and `humantime` crates.

use std::time::{SystemTime, UNIX_EPOCH};
use time::OffsetDateTime;
use time::macros::format_description;

/// Unix seconds now.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

/// Parses a duration like `90s`, `30m`, `24h`, `7d`, `1w` or `1h30m` (a bare number is hours)
/// into seconds.
pub fn parse_duration(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let bad = || format!("'{text}' is not a duration like 30m, 24h or 7d");
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        let hours: u64 = t.parse().map_err(|_| format!("'{text}' is too long"))?;
        return hours
            .checked_mul(3600)
            .ok_or_else(|| format!("'{text}' is too long"));
    }
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(bad());
    }
    humantime::parse_duration(t)
        .map(|d| d.as_secs())
        .map_err(|e| match e {
            humantime::DurationError::NumberOverflow => format!("'{text}' is too long"),
            _ => bad(),
        })
}

/// The date-time of unix seconds, or the epoch for one out of range.
fn at(secs: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(secs).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// A unix time as `YYYY-MM-DD HH:MM UTC`.
pub fn utc_date(secs: i64) -> String {
    let format = format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    at(secs).format(&format).unwrap_or_default()
}

/// A unix time as `HH:MM:SS` (UTC), for lines printed every few seconds.
pub fn utc_time(secs: i64) -> String {
    let format = format_description!("[hour]:[minute]:[second]");
    at(secs).format(&format).unwrap_or_default()
}

/// A unix time in RFC 3339, UTC, to the second (`2026-11-23T10:00:00Z`).
pub fn rfc3339(secs: i64) -> String {
    at(secs)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Serializes unix seconds as RFC 3339 (for `#[serde(serialize_with)]`).
pub fn serialize_rfc3339<S: serde::Serializer>(t: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&rfc3339(*t))
}

/// Serializes optional unix seconds as RFC 3339, or null.
pub fn serialize_rfc3339_opt<S: serde::Serializer>(
    t: &Option<i64>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&rfc3339(*t)),
        None => s.serialize_none(),
    }
}

/// A short "how long ago": `5s`, `12m`, `3h05m`.
pub fn ago(secs: u64) -> String {
    match secs {
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m", s / 60),
        s => format!("{}h{:02}m", s / 3600, s % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90s"), Ok(90));
        assert_eq!(parse_duration("30m"), Ok(1800));
        assert_eq!(parse_duration("30min"), Ok(1800));
        assert_eq!(parse_duration("24h"), Ok(86_400));
        assert_eq!(parse_duration("24"), Ok(86_400));
        assert_eq!(parse_duration("7d"), Ok(604_800));
        assert_eq!(parse_duration("1w"), Ok(604_800));
        assert_eq!(parse_duration("1h30m"), Ok(5_400));
        assert!(parse_duration("soon").is_err() && parse_duration("5x").is_err());
        assert!(parse_duration("").is_err() && parse_duration("-5m").is_err());
        assert!(parse_duration("99999999999999999999").is_err());
    }

    #[test]
    fn unix_times_print_as_utc_dates() {
        assert_eq!(utc_date(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_date(1_703_356_772), "2023-12-23 18:39 UTC");
        assert_eq!(utc_date(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(utc_date(-86_400), "1969-12-31 00:00 UTC");
        assert_eq!(utc_time(1_703_356_772), "18:39:32");
        assert_eq!(rfc3339(1_703_356_772), "2023-12-23T18:39:32Z");
        let _ = utc_date(i64::MAX / 2);
    }

    #[test]
    fn ago_is_short() {
        assert_eq!(
            (ago(5), ago(720), ago(3_900)),
            ("5s".into(), "12m".into(), "1h05m".into())
        );
    }
}
