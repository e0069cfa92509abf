//! The one HTTP client of a run: timeouts, User-Agent, no redirects, `-v` logging.

use crate::secret::{MASK, Secret};
use std::fmt;
use std::time::{Duration, Instant};

/// The HTTP client shared by every request of a run (connections are reused).
pub struct Http {
    client: reqwest::blocking::Client,
    timeout: Duration,
    verbose: bool,
}

/// A panel's HTTP answer: status and body text.
#[derive(Debug)]
pub struct Reply {
    /// HTTP status code.
    pub status: reqwest::StatusCode,
    /// `Location` header, for redirects.
    pub location: Option<String>,
    /// The body as text.
    pub body: String,
}

/// Why a request got no answer; `Connect` means it never reached the panel.
#[derive(Debug)]
pub enum SendError {
    /// Could not connect: the request was not sent.
    Connect(String),
    /// No answer within the timeout: the request may have reached the panel.
    Timeout(Duration),
    /// Anything else after connecting (connection reset, broken body…).
    Other(String),
}

impl SendError {
    /// Whether the request may have reached the panel (so a non-idempotent action may have happened).
    pub fn maybe_delivered(&self) -> bool {
        !matches!(self, SendError::Connect(_))
    }
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendError::Connect(m) => write!(f, "could not connect to the panel: {m}"),
            SendError::Timeout(d) => write!(
                f,
                "the panel did not answer within {}s (timed out); try again later or raise --timeout",
                d.as_secs_f64()
            ),
            SendError::Other(m) => write!(f, "the request failed: {m}"),
        }
    }
}

impl std::error::Error for SendError {}

impl Http {
    /// Builds the client: timeout, no redirects (a key must never follow one), rustls with ring.
    pub fn new(timeout: Duration, verbose: bool) -> anyhow::Result<Http> {
        // Installing twice returns Err, which is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::blocking::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Http {
            client,
            timeout,
            verbose,
        })
    }

    /// POSTs a form (`key` first, then `fields`) and returns the answer, whatever its status.
    pub fn post_form(
        &self,
        url: &reqwest::Url,
        user_agent: &str,
        key: &Secret,
        fields: &[(&str, String)],
    ) -> Result<Reply, SendError> {
        if self.verbose {
            let shown: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("{k}={}", shorten(v, 120)))
                .collect();
            eprintln!("> POST {url} key={MASK} {}", shown.join(" "));
        }
        let mut form: Vec<(&str, &str)> = Vec::with_capacity(fields.len() + 1);
        form.push(("key", key.expose()));
        form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
        let started = Instant::now();
        let result = self
            .client
            .post(url.clone())
            .header(reqwest::header::USER_AGENT, user_agent)
            .header(reqwest::header::ACCEPT, "application/json")
            .form(&form)
            .send()
            .and_then(|resp| {
                let status = resp.status();
                let location = resp
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string);
                resp.text().map(|body| Reply {
                    status,
                    location,
                    body,
                })
            });
        let elapsed = started.elapsed();
        match result {
            Ok(reply) => {
                if self.verbose {
                    eprintln!(
                        "< HTTP {} ({} bytes) in {} ms",
                        reply.status,
                        reply.body.len(),
                        elapsed.as_millis()
                    );
                }
                Ok(reply)
            }
            Err(e) => {
                let err = classify(&e, self.timeout);
                if self.verbose {
                    eprintln!("< failed after {} ms: {err}", elapsed.as_millis());
                }
                Err(err)
            }
        }
    }
}

/// Maps a reqwest error to a `SendError` with its root cause (never the key: it is only in the body).
fn classify(e: &reqwest::Error, timeout: Duration) -> SendError {
    if e.is_timeout() {
        return SendError::Timeout(timeout);
    }
    let mut cause = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        cause = s.to_string();
        source = s.source();
    }
    if e.is_connect() {
        SendError::Connect(cause)
    } else {
        SendError::Other(cause)
    }
}

/// At most `max` characters of `text`, whitespace collapsed, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max {
        collapsed
    } else {
        let cut: String = collapsed.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_collapses_and_cuts() {
        assert_eq!(shorten("a\n  b", 10), "a b");
        assert_eq!(shorten("abcdef", 3), "abc…");
    }

    #[test]
    fn only_connect_errors_are_surely_undelivered() {
        assert!(!SendError::Connect("refused".into()).maybe_delivered());
        assert!(SendError::Timeout(Duration::from_secs(1)).maybe_delivered());
        assert!(SendError::Other("reset".into()).maybe_delivered());
    }
}
