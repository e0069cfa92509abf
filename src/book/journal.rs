//! Where smm keeps its data (the data directory), and the line format of the JSON-lines order
//! journal that smm versions before the order book wrote (`journal.jsonl`), read once by the
//! book's import (`book::import`).

use crate::exit::usage;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The environment variable that moves the data directory (journal, caches).
pub const DATA_DIR_ENV: &str = "SMM_DATA_DIR";

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

/// How an order ended, as far as smm could tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Result {
    /// The panel answered with an order id.
    Order,
    /// The panel refused it, or it was never sent.
    Error,
    /// No clear answer: the order may or may not exist.
    Unknown,
}

/// The outcome of an intent, written after the answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The intent's id.
    pub id: String,
    /// Unix seconds.
    pub time: u64,
    /// What happened.
    pub result: Result,
    /// The panel's order id.
    #[serde(default)]
    pub order: Option<String>,
    /// The error, when there was one.
    #[serde(default)]
    pub error: Option<String>,
}

/// A status seen by `smm orders --check`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seen {
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
    Outcome(Outcome),
    /// Written by `orders --check`.
    Status(Seen),
}

/// Where smm keeps its data: `SMM_DATA_DIR`, else the platform data dir
/// (`~/.local/share/smm` on Linux).
pub fn data_dir() -> anyhow::Result<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "smm")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| {
            usage(format!(
                "cannot find a data directory for the journal: set {DATA_DIR_ENV}"
            ))
        })
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
        assert!(matches!(line, Line::Outcome(o) if o.result == Result::Order));
    }
}
