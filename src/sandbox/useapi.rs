//! The sandbox's useapi.net Pika account endpoints: Bearer auth, JSON bodies, 204s, and the
//! seed's error texts with their HTTP statuses.

use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The most jobs an account may run at once.
pub const MAX_JOBS: u64 = 10;

/// The configured accounts, by channel.
pub struct UseapiState {
    key: String,
    accounts: BTreeMap<String, (String, u64)>,
}

/// An HTTP status and an optional JSON body (204 has none).
pub type Reply = (u16, Option<Value>);

impl UseapiState {
    /// A panel accepting `Authorization: Bearer <key>`.
    pub fn new(key: &str) -> UseapiState {
        UseapiState {
            key: key.to_string(),
            accounts: BTreeMap::new(),
        }
    }

    /// Answers `method` on `/pika/account` (`channel` None) or `/pika/account/<channel>`.
    pub fn handle(
        &mut self,
        method: &str,
        channel: Option<&str>,
        auth: Option<&str>,
        body: &str,
    ) -> Reply {
        if auth.and_then(|a| a.strip_prefix("Bearer ")).map(str::trim) != Some(self.key.as_str()) {
            return error(401, "Unauthorized");
        }
        match (method, channel) {
            ("GET", None) if self.accounts.is_empty() => error(404, "Configuration not found"),
            ("GET", None) => {
                let all: Map<String, Value> = self
                    .accounts
                    .iter()
                    .map(|(c, a)| (c.clone(), account(c, a)))
                    .collect();
                (200, Some(Value::Object(all)))
            }
            ("GET", Some(c)) => match self.accounts.get(c) {
                Some(a) => (200, Some(account(c, a))),
                None => error(404, "Configuration not found"),
            },
            ("POST", Some(c)) => self.set(c, body),
            ("DELETE", Some(c)) => match self.accounts.remove(c) {
                Some(_) => (204, None),
                None => error(404, &format!("Configuration for channel {c} not found")),
            },
            _ => error(405, "Method not allowed"),
        }
    }

    /// `POST /pika/account/<path>`: the seed's checks, in its order.
    fn set(&mut self, path: &str, body: &str) -> Reply {
        let req: Map<String, Value> = match serde_json::from_str(body) {
            Ok(Value::Object(m)) => m,
            _ => return error(400, "Invalid JSON body"),
        };
        let text = |k: &str| {
            req.get(k)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let Some(discord) = text("discord") else {
            return error(400, "Required param discord is missing or empty");
        };
        let Some(channel) = text("channel") else {
            return error(400, "Required param channel is missing or empty");
        };
        let snowflake = (17..=20).contains(&channel.len())
            && channel.bytes().all(|b| b.is_ascii_digit())
            && channel.parse::<u64>().is_ok();
        if !snowflake {
            return error(
                400,
                &format!("Required param channel ({channel}) is not valid Discord channel id"),
            );
        }
        if channel != path {
            return error(
                400,
                &format!("Required param channel ({channel}) not matching to /pika/account/{path}"),
            );
        }
        let Some(max_jobs) = req
            .get("maxJobs")
            .and_then(Value::as_u64)
            .filter(|n| *n > 0)
        else {
            return error(400, "Required param maxJobs is missing or empty");
        };
        if max_jobs > MAX_JOBS {
            return error(
                400,
                &format!("Required param maxJobs {max_jobs} can't be more that {MAX_JOBS}"),
            );
        }
        if self
            .accounts
            .get(channel)
            .is_some_and(|(d, _)| d == discord)
        {
            return error(
                400,
                &format!("Channel {channel} configuration has same discord value"),
            );
        }
        self.accounts
            .insert(channel.to_string(), (discord.to_string(), max_jobs));
        (204, None)
    }
}

/// One account as `GET` answers it.
fn account(channel: &str, (discord, max_jobs): &(String, u64)) -> Value {
    json!({"channel": channel, "discord": discord, "maxJobs": max_jobs})
}

/// `{"error", "code"}` with `code` as the HTTP status.
fn error(code: u16, message: &str) -> Reply {
    (code, Some(json!({"error": message, "code": code})))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CH: &str = "12345678901234567";

    fn set(p: &mut UseapiState, path: &str, body: Value) -> Reply {
        p.handle("POST", Some(path), Some("Bearer k"), &body.to_string())
    }

    fn msg(r: &Reply) -> (u16, String) {
        (
            r.0,
            r.1.as_ref()
                .map(|b| b["error"].as_str().unwrap_or_default().to_string())
                .unwrap_or_default(),
        )
    }

    #[test]
    fn every_documented_error_and_the_happy_path() {
        let mut p = UseapiState::new("k");
        assert_eq!(
            msg(&p.handle("GET", None, None, "")),
            (401, "Unauthorized".into())
        );
        assert_eq!(
            msg(&p.handle("GET", None, Some("Bearer x"), "")),
            (401, "Unauthorized".into())
        );
        assert_eq!(
            msg(&p.handle("GET", None, Some("Bearer k"), "")),
            (404, "Configuration not found".into())
        );
        assert_eq!(
            msg(&set(&mut p, CH, json!({"channel": CH, "maxJobs": 1}))),
            (400, "Required param discord is missing or empty".into())
        );
        assert_eq!(
            msg(&set(&mut p, CH, json!({"discord": "d", "maxJobs": 1}))),
            (400, "Required param channel is missing or empty".into())
        );
        assert_eq!(
            msg(&set(
                &mut p,
                "12",
                json!({"discord": "d", "channel": "12", "maxJobs": 1})
            )),
            (
                400,
                "Required param channel (12) is not valid Discord channel id".into()
            )
        );
        let other = "12345678901234568";
        assert_eq!(
            msg(&set(
                &mut p,
                other,
                json!({"discord": "d", "channel": CH, "maxJobs": 1})
            )),
            (
                400,
                format!("Required param channel ({CH}) not matching to /pika/account/{other}")
            )
        );
        assert_eq!(
            msg(&set(&mut p, CH, json!({"discord": "d", "channel": CH}))),
            (400, "Required param maxJobs is missing or empty".into())
        );
        assert_eq!(
            msg(&set(
                &mut p,
                CH,
                json!({"discord": "d", "channel": CH, "maxJobs": 11})
            )),
            (
                400,
                "Required param maxJobs 11 can't be more that 10".into()
            )
        );
        assert_eq!(
            set(
                &mut p,
                CH,
                json!({"discord": "d", "channel": CH, "maxJobs": 3})
            ),
            (204, None)
        );
        assert_eq!(
            msg(&set(
                &mut p,
                CH,
                json!({"discord": "d", "channel": CH, "maxJobs": 4})
            )),
            (
                400,
                format!("Channel {CH} configuration has same discord value")
            )
        );
        let list = p.handle("GET", None, Some("Bearer k"), "");
        assert_eq!(
            list,
            (
                200,
                Some(json!({CH: {"channel": CH, "discord": "d", "maxJobs": 3}}))
            )
        );
        assert_eq!(
            p.handle("DELETE", Some(CH), Some("Bearer k"), ""),
            (204, None)
        );
        assert_eq!(
            msg(&p.handle("DELETE", Some(CH), Some("Bearer k"), "")).0,
            404
        );
    }
}
