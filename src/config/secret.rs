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

#[cfg(test)]
mod tests {
    use super::*;

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
