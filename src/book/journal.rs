//! The line format of the JSON-lines order journal that smm versions before the order book
//! wrote (`journal.jsonl`), read once by the book's import (`book::import`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What an order was meant to be, written before it is sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Intent {
    /// Unique id of this journal entry.
    pub id: String,
    /// Unix seconds.
    pub time: u64,
    /// Profile name.
    pub profile: String,
    /// Panel endpoint.
    pub url: String,
    /// Service id.
    pub service: u64,
    /// Link (or None for Subscriptions, which use a username).
    #[serde(default)]
    pub link: Option<String>,
    /// Quantity, when the order has one.
    #[serde(default)]
    pub quantity: Option<u64>,
    /// Every other field sent (runs, comments, …).
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// The cost estimate, when known (exact decimal as text).
    #[serde(default)]
    pub cost: Option<String>,
}

/// How an order ended, as the journal wrote it (the book's `Outcome`: placed, refused, unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The panel answered with an order id.
    Order,
    /// The panel refused it, or it was never sent.
    Error,
    /// No clear answer: the order may or may not exist.
    Unknown,
}

/// The outcome line of an intent, written after the answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeLine {
    /// The intent's id.
    pub id: String,
    /// Unix seconds.
    pub time: u64,
    /// What happened.
    pub result: Verdict,
    /// The panel's order id.
    #[serde(default)]
    pub order: Option<String>,
    /// The error, when there was one.
    #[serde(default)]
    pub error: Option<String>,
}

/// A status line, written by `smm orders --check`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusLine {
    /// The intent's id.
    pub id: String,
    /// Unix seconds.
    pub time: u64,
    /// The panel's status text.
    pub status: String,
}

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Line {
    /// Written before sending.
    Intent(Intent),
    /// Written after the answer.
    Outcome(OutcomeLine),
    /// Written by `orders --check`.
    Status(StatusLine),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_old_line_format_reads() {
        let line: Line = serde_json::from_str(
            r#"{"kind":"intent","id":"a","time":100,"profile":"p","url":"u","service":1448,"link":"l","quantity":500,"fields":{"runs":"2"},"cost":null}"#,
        )
        .unwrap();
        let Line::Intent(i) = line else {
            panic!("not an intent")
        };
        assert_eq!(
            (i.service, i.quantity, i.fields["runs"].as_str()),
            (1448, Some(500), "2")
        );
        let line: Line = serde_json::from_str(
            r#"{"kind":"outcome","id":"a","time":101,"result":"order","order":"23501","error":null}"#,
        )
        .unwrap();
        assert!(matches!(line, Line::Outcome(o) if o.result == Verdict::Order));
    }
}
