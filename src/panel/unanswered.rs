//! A request that got no answer, told as the user needs it: what went wrong (connection,
//! TLS, timeout…), which profile and URL it went to (no secrets), and how often it was tried.

use crate::config::{Profile, display_url};
use crate::http::{Effect, SendError};
use std::fmt;

/// A request that got no answer from the panel.
#[derive(Debug)]
pub struct NoAnswer {
    /// What went wrong.
    pub cause: SendError,
    /// The profile the request was for.
    profile: String,
    /// The URL it went to, for display (`config::display_url`).
    url: String,
    /// How many times it was sent.
    tries: u32,
}

impl NoAnswer {
    /// The failure of a request of `effect` to `url` for `profile`.
    pub fn new(profile: &Profile, url: &reqwest::Url, effect: Effect, cause: SendError) -> Self {
        NoAnswer {
            tries: tries(profile, effect, &cause),
            profile: profile.name.clone(),
            url: display_url(url.as_str()),
            cause,
        }
    }

    /// Whether the request may have reached the panel (see `SendError::maybe_delivered`).
    pub fn maybe_delivered(&self) -> bool {
        self.cause.maybe_delivered()
    }
}

/// How many times `http` sent a request that failed with `cause`: a read that got no answer is
/// tried as `http::max_attempts` says (a refused connection twice at most); a write is sent
/// once.
fn tries(profile: &Profile, effect: Effect, cause: &SendError) -> u32 {
    match effect {
        Effect::Write => 1,
        Effect::Read => crate::http::max_attempts(profile.attempts, cause),
    }
}

impl fmt::Display for NoAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (cause, profile, url) = (&self.cause, &self.profile, &self.url);
        let tries = match self.tries {
            1 => "1 attempt".to_string(),
            n => format!("{n} attempts"),
        };
        write!(f, "{cause} — profile '{profile}' at {url}, {tries}")?;
        if let SendError::Connect(_) = cause {
            write!(
                f,
                "; check the url (`smm config show`) and that the panel is up"
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for NoAnswer {}
