//! useapi.net's Pika account endpoints: REST under the profile's base URL with
//! `Authorization: Bearer <token>`; errors are `{"error", "code"}`.
//!
//! useapi.net retired its Pika API in December 2025; these calls follow its documented contract
//! for anyone running a compatible endpoint.

use super::{Answer, Panel, PanelError, PikaAccount, Raw, not_json, redirect_error, text};
use crate::config::Profile;
use crate::config::secret::Secret;
use crate::exit::usage;
use crate::http::{Effect, Http, Payload, Reply};
use crate::text::shorten;
use serde_json::{Value, json};

/// A client for one useapi.net profile.
pub struct Useapi<'a> {
    http: &'a Http,
    profile: &'a Profile,
}

/// Checks a Discord channel id: a snowflake of 17–20 digits that fits u64.
pub fn check_channel(channel: &str) -> anyhow::Result<()> {
    let digits = channel.bytes().all(|b| b.is_ascii_digit());
    if digits && (17..=20).contains(&channel.len()) && channel.parse::<u64>().is_ok() {
        Ok(())
    } else {
        Err(usage(format!(
            "'{channel}' is not a Discord channel id: one is 17 to 20 digits (right-click the channel in Discord, Copy Channel ID)"
        )))
    }
}

impl<'a> Useapi<'a> {
    /// A client for `profile` over `http`.
    pub fn new(http: &'a Http, profile: &'a Profile) -> Self {
        Useapi { http, profile }
    }

    /// The URL of `/pika/account` or `/pika/account/<channel>` under the profile's base.
    fn url(&self, channel: Option<&str>) -> anyhow::Result<reqwest::Url> {
        let base = self.profile.url.as_str().trim_end_matches('/');
        let url = match channel {
            Some(c) => format!("{base}/pika/account/{c}"),
            None => format!("{base}/pika/account"),
        };
        Ok(reqwest::Url::parse(&url)?)
    }

    /// Sends one request; answers other than 2xx become the API's error message.
    fn call(
        &self,
        method: reqwest::Method,
        channel: Option<&str>,
        body: Option<&Value>,
    ) -> anyhow::Result<Reply> {
        let url = self.url(channel)?;
        let p = self.profile;
        let effect = match method {
            reqwest::Method::GET => Effect::Read,
            _ => Effect::Write,
        };
        let payload = Payload::Bearer(body);
        let reply = self
            .http
            .send(method, &url, &p.user_agent, &p.key, payload, effect)
            .map_err(|e| super::NoAnswer::new(p, &url, effect, e))?;
        if let Some(err) = redirect_error(&reply) {
            return Err(err);
        }
        if reply.status.is_success() {
            return Ok(reply);
        }
        let value: Value = serde_json::from_str(&reply.body).map_err(|_| not_json(&reply))?;
        let message = value
            .get("error")
            .map(text)
            .unwrap_or_else(|| shorten(&reply.body, 200));
        let details = value
            .get("errorDetails")
            .map(|d| format!(" ({})", text(d)))
            .unwrap_or_default();
        let code = value
            .get("code")
            .map(text)
            .unwrap_or_else(|| reply.status.as_u16().to_string());
        let said = format!("{message}{details}");
        Err(PanelError(format!("useapi.net says: {said} (HTTP {code})")).into())
    }
}

impl Panel for Useapi<'_> {
    fn profile(&self) -> &Profile {
        self.profile
    }

    /// `GET /pika/account`: every configured account; the raw answer has every Discord token
    /// masked (smm never prints one).
    fn accounts(&self) -> anyhow::Result<Answer<Vec<PikaAccount>>> {
        let reply = self.call(reqwest::Method::GET, None, None).map_err(|e| {
            if e.to_string().contains("Configuration not found") {
                anyhow::anyhow!(
                    "{e}: no Pika account is configured yet; add one with `smm pika account set CHANNEL --discord - --max-jobs N`"
                )
            } else {
                e
            }
        })?;
        let mut value: Value = serde_json::from_str(&reply.body).map_err(|_| not_json(&reply))?;
        let accounts = match &value {
            Value::Object(map) => map
                .iter()
                .map(|(channel, a)| PikaAccount {
                    channel: match a.get("channel").map(text) {
                        Some(c) if !c.is_empty() => c,
                        _ => channel.clone(),
                    },
                    discord: Secret::new(a.get("discord").map(text).unwrap_or_default()),
                    max_jobs: a.get("maxJobs").map(text).unwrap_or_default(),
                })
                .collect(),
            _ => Vec::new(),
        };
        if let Some(map) = value.as_object_mut() {
            for account in map.values_mut() {
                if let Some(token) = account.get_mut("discord") {
                    *token = Value::String(Secret::new(text(token)).hint());
                }
            }
        }
        Ok(Answer {
            raw: Raw::Merged(value),
            value: accounts,
        })
    }

    /// `POST /pika/account/<channel>` with `{"discord", "channel", "maxJobs"}`; 204 on success.
    fn set_account(&self, channel: &str, discord: &Secret, max_jobs: u8) -> anyhow::Result<Raw> {
        let body = json!({"discord": discord.expose(), "channel": channel, "maxJobs": max_jobs});
        let reply = self.call(reqwest::Method::POST, Some(channel), Some(&body))?;
        Ok(Raw::Body(reply.body))
    }

    /// `DELETE /pika/account/<channel>`; 204 on success.
    fn delete_account(&self, channel: &str) -> anyhow::Result<Raw> {
        let reply = self.call(reqwest::Method::DELETE, Some(channel), None)?;
        Ok(Raw::Body(reply.body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_are_snowflakes() {
        assert!(check_channel("12345678901234567").is_ok());
        assert!(check_channel("18446744073709551615").is_ok());
        for bad in [
            "1234567890123456",
            "123456789012345678901",
            "18446744073709551616",
            "1234567890123456x",
            "",
        ] {
            assert!(check_channel(bad).is_err(), "{bad}");
        }
    }
}
