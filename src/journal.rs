//! The order journal: every `order add` is written down before it is sent and again when its
//! outcome is known (JSON lines, append-only, flushed and fsync'd), so a crash or a timeout
//! never leaves an order unaccounted for, and the duplicate guard can see what was bought.
//!
//! The journal never holds keys: only the profile name, the panel URL (never with a query
//! string) and the order's own fields.

use crate::exit::usage;
use crate::time::now;
use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

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

/// An intent with what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// What was meant.
    pub intent: Intent,
    /// What happened (None: smm stopped between sending and recording).
    pub outcome: Option<Outcome>,
    /// The last status seen.
    pub status: Option<Seen>,
}

impl Entry {
    /// Whether this entry may stand for a real order: placed, unknown, or never answered.
    pub fn may_exist(&self) -> bool {
        !matches!(self.outcome.as_ref().map(|o| o.result), Some(Result::Error))
    }

    /// Whether its last seen status is final.
    pub fn finished(&self) -> bool {
        self.status.as_ref().is_some_and(|s| is_final(&s.status))
    }
}

/// Whether an order status is final (the order will not change any more).
pub fn is_final(status: &str) -> bool {
    matches!(
        status.trim().to_ascii_lowercase().as_str(),
        "completed"
            | "partial"
            | "canceled"
            | "cancelled"
            | "refunded"
            | "fail"
            | "failed"
            | "error"
    )
}

/// The journal file.
#[derive(Debug, Clone)]
pub struct Journal {
    path: PathBuf,
}

/// A fresh entry id: time and randomness, hex.
pub fn new_id() -> String {
    format!("{:x}-{:08x}", now(), fastrand::u32(..))
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

impl Journal {
    /// The journal in the data directory.
    pub fn open() -> anyhow::Result<Journal> {
        Ok(Journal {
            path: data_dir()?.join("journal.jsonl"),
        })
    }

    /// A journal at `path` (for tests).
    pub fn at(path: &Path) -> Journal {
        Journal {
            path: path.to_path_buf(),
        }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one line, flushed and fsync'd before returning; the file is created 0600.
    pub fn append(&self, line: &Line) -> anyhow::Result<()> {
        let cannot = || {
            format!(
                "cannot write the order journal {} (set {DATA_DIR_ENV} to a writable directory); nothing was sent",
                self.path.display()
            )
        };
        if let Some(dir) = self.path.parent() {
            crate::private::create_dir(dir).map_err(|e| usage(format!("{}: {e}", cannot())))?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options
            .open(&self.path)
            .map_err(|e| usage(format!("{}: {e}", cannot())))?;
        let mut text = serde_json::to_string(line).context("encoding a journal line")?;
        text.push('\n');
        file.write_all(text.as_bytes()).with_context(cannot)?;
        file.flush().with_context(cannot)?;
        file.sync_data().with_context(cannot)?;
        Ok(())
    }

    /// Every entry, oldest first. Lines that do not parse (a torn write) are skipped.
    pub fn entries(&self) -> anyhow::Result<Vec<Entry>> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(usage(format!(
                    "cannot read the order journal {}: {e}",
                    self.path.display()
                )));
            }
        };
        Ok(fold(
            text.lines()
                .filter_map(|l| serde_json::from_str::<Line>(l).ok()),
        ))
    }

    /// The most recent entry within `window` seconds for the same order — profile, service,
    /// link, quantity and every other field (runs, comments, …) — that may stand for a real order.
    pub fn duplicate_of(&self, intent: &Intent, window: u64) -> anyhow::Result<Option<Entry>> {
        if window == 0 {
            return Ok(None);
        }
        let since = intent.time.saturating_sub(window);
        Ok(self.entries()?.into_iter().rev().find(|e| {
            let i = &e.intent;
            i.time >= since
                && i.profile == intent.profile
                && i.service == intent.service
                && i.link == intent.link
                && i.quantity == intent.quantity
                && i.fields == intent.fields
                && e.may_exist()
        }))
    }
}

/// Folds lines into entries: outcomes and statuses join their intent by id.
fn fold(lines: impl Iterator<Item = Line>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for line in lines {
        match line {
            Line::Intent(intent) => {
                index.insert(intent.id.clone(), entries.len());
                entries.push(Entry {
                    intent,
                    outcome: None,
                    status: None,
                });
            }
            Line::Outcome(o) => {
                if let Some(&i) = index.get(&o.id) {
                    entries[i].outcome = Some(o);
                }
            }
            Line::Status(s) => {
                if let Some(&i) = index.get(&s.id) {
                    entries[i].status = Some(s);
                }
            }
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intent(id: &str, time: u64, quantity: u64) -> Intent {
        Intent {
            id: id.into(),
            time,
            profile: "p".into(),
            url: "https://panel.example/api/v2".into(),
            service: 1448,
            link: Some("https://i.com/p".into()),
            quantity: Some(quantity),
            fields: BTreeMap::new(),
            cost: Some("0.45".into()),
        }
    }

    #[test]
    fn lines_round_trip_and_fold_into_entries() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::at(&dir.path().join("sub/journal.jsonl"));
        j.append(&Line::Intent(intent("a", 100, 500))).unwrap();
        j.append(&Line::Intent(intent("b", 200, 600))).unwrap();
        j.append(&Line::Outcome(Outcome {
            id: "a".into(),
            time: 101,
            result: Result::Order,
            order: Some("23501".into()),
            error: None,
        }))
        .unwrap();
        j.append(&Line::Status(Seen {
            id: "a".into(),
            time: 300,
            status: "Completed".into(),
        }))
        .unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(j.path())
            .unwrap()
            .write_all(b"{torn")
            .unwrap();
        let entries = j.entries().unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(
            entries[0].outcome.as_ref().unwrap().order.as_deref(),
            Some("23501")
        );
        assert!(entries[0].finished());
        assert!(entries[1].outcome.is_none() && entries[1].may_exist() && !entries[1].finished());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(j.path()).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
    }

    #[test]
    fn duplicates_within_the_window_only() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::at(&dir.path().join("journal.jsonl"));
        j.append(&Line::Intent(intent("a", 1_000, 500))).unwrap();
        let again = intent("new", 1_000 + 3_600, 500);
        assert_eq!(
            j.duplicate_of(&again, 86_400).unwrap().unwrap().intent.id,
            "a"
        );
        assert!(
            j.duplicate_of(&again, 60).unwrap().is_none(),
            "outside the window"
        );
        assert!(j.duplicate_of(&again, 0).unwrap().is_none(), "guard off");
        assert!(
            j.duplicate_of(&intent("new", 1_100, 501), 86_400)
                .unwrap()
                .is_none(),
            "another quantity"
        );
        j.append(&Line::Outcome(Outcome {
            id: "a".into(),
            time: 1_001,
            result: Result::Error,
            order: None,
            error: Some("Not enough funds".into()),
        }))
        .unwrap();
        assert!(
            j.duplicate_of(&again, 86_400).unwrap().is_none(),
            "a refused order is no duplicate"
        );
    }
}
