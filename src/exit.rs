//! Exit codes and the error type that selects exit code 2.

use std::fmt;

/// The documented exit codes of smm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0 — success.
    Success = 0,
    /// 1 — the request failed (network, timeout, HTTP error, not JSON, the panel's error).
    Failed = 1,
    /// 2 — bad input or configuration; nothing was sent.
    Usage = 2,
    /// 3 — a batch ran but some items carry errors.
    Partial = 3,
    /// 130 — stopped with Ctrl-C (`smm watch`, `smm demo`).
    Interrupted = 130,
}

impl Exit {
    /// `Partial` when `any_item_failed`, else `Success`.
    pub fn from_items(any_item_failed: bool) -> Exit {
        if any_item_failed {
            Exit::Partial
        } else {
            Exit::Success
        }
    }

    /// The process exit code.
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// The text of the EXIT CODES section shown in `--help` (and copied in the README).
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success
  1  the request failed: network error, timeout, HTTP error, an answer that is not JSON,
     or the panel's own error message
  2  bad input or configuration (usage, ids, profile, config file, key, an order the
     catalogue refuses, a duplicate, an order book that cannot be opened); nothing was sent
  3  a batch ran but some items carry errors (the table still shows every row);
     `smm sync`: alerts were raised (1 when every panel failed)
  130  `smm watch` or `smm demo` stopped with Ctrl-C";

/// An error in what the user gave (arguments, ids, config): exit code 2, nothing was sent.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Builds an `anyhow::Error` that exits with code 2.
pub fn usage(msg: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(UsageError(msg.into()))
}

/// The exit code for an error: 2 when a `UsageError` is anywhere in its chain, else 1.
pub fn code_for(err: &anyhow::Error) -> Exit {
    if err.chain().any(|e| e.is::<UsageError>()) {
        Exit::Usage
    } else {
        Exit::Failed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn usage_errors_map_to_2_even_with_context() {
        let e: anyhow::Result<()> = Err(usage("bad id"));
        let e = e.context("reading ids").unwrap_err();
        assert_eq!(code_for(&e), Exit::Usage);
        assert_eq!(code_for(&anyhow::anyhow!("timeout")), Exit::Failed);
    }

    #[test]
    fn items_merge_to_partial() {
        assert_eq!(Exit::from_items(true).code(), 3);
        assert_eq!(Exit::from_items(false).code(), 0);
    }
}
