//! A key type that never prints itself.

use std::fmt;

/// An API key or token: `Debug` prints `(redacted)` and there is no `Display`, so it cannot
/// end up in output, logs or error messages by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret text itself, for the one place that must send it (a request body).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is empty (an empty key is a configuration error).
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl Secret {
    /// The mask plus the last 4 characters when the secret is long enough to spare them
    /// (to tell tokens apart in a list); just the mask otherwise.
    pub fn hint(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() >= 16 {
            let tail: String = chars[chars.len() - 4..].iter().collect();
            format!("{MASK}{tail}")
        } else {
            MASK.to_string()
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

/// What smm shows in place of a secret.
pub const MASK: &str = "****";

/// The shortest secret [`mask`] looks for: a shorter one would mask ordinary words (real
/// keys and tokens are far longer).
pub const MASKED_FROM: usize = 4;

/// `text` with every occurrence of each of `secrets` (the profile's key, a Discord token)
/// replaced by [`MASK`] — the one function that keeps a secret a panel echoes back out of
/// what smm prints, alerts or stores. The HTTP layer applies it to every answer as it
/// arrives (`http::Http::send`), before anything reads it. Borrowed when there is none.
pub fn mask<'a>(text: &'a str, secrets: &[&str]) -> std::borrow::Cow<'a, str> {
    let mut out = std::borrow::Cow::Borrowed(text);
    for secret in secrets.iter().filter(|s| s.chars().count() >= MASKED_FROM) {
        if out.contains(secret) {
            out = std::borrow::Cow::Owned(out.replace(secret, MASK));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_secret_is_masked_wherever_it_stands() {
        let key = "sk-live-0123456789abcdef";
        assert_eq!(
            mask(
                &format!("<html>Fatal error: key {key} ({key})"),
                &[key, "tok-9876"]
            ),
            "<html>Fatal error: key **** (****)"
        );
        assert_eq!(mask("a tok-9876 b", &[key, "tok-9876"]), "a **** b");
        assert!(matches!(
            mask("nothing here", &[key]),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            mask("k is a letter", &["k"]),
            "k is a letter",
            "too short to mask"
        );
    }

    #[test]
    fn debug_never_shows_the_value() {
        let s = Secret::new("sk_live_123456");
        assert_eq!(format!("{s:?}"), "(redacted)");
        assert_eq!(s.expose(), "sk_live_123456");
    }

    #[test]
    fn hints_show_at_most_four_characters() {
        assert_eq!(Secret::new("MTA4NzY1NDMyMS.abcdef.XYZW").hint(), "****XYZW");
        assert_eq!(Secret::new("short").hint(), "****");
    }

    #[test]
    fn blank_is_empty() {
        assert!(Secret::new("  ").is_empty());
        assert!(!Secret::new("k").is_empty());
    }
}
