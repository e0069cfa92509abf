//! What a panel answers, as typed values every dialect produces.

use crate::config::secret::Secret;
use rust_decimal::Decimal;
use serde_json::Value;
use std::ops::Range;
use std::sync::Arc;

/// An answer as the panel sent it, for `--json`.
#[derive(Debug, Clone)]
pub enum Raw {
    /// One response body, printed byte for byte.
    Body(String),
    /// Several chunk answers merged into the panel's own shape (or an answer with secrets masked).
    Merged(Value),
}

impl Raw {
    /// The answer as a JSON value (a body that is not JSON becomes null).
    pub fn value(&self) -> Value {
        match self {
            Raw::Body(body) => serde_json::from_str(body).unwrap_or_default(),
            Raw::Merged(v) => v.clone(),
        }
    }
}

/// A typed answer together with the raw JSON it came from.
#[derive(Debug)]
pub struct Answer<T> {
    /// What `--json` prints.
    pub raw: Raw,
    /// What the table is built from.
    pub value: T,
}

/// What the account holds: money (SMM panels) or threads (streamdetails subscriptions).
#[derive(Debug, Clone, PartialEq)]
pub enum Account {
    /// Money to spend on orders.
    Money(Balance),
    /// Threads of a subscription.
    Threads(Threads),
}

impl Account {
    /// The currency of a money account.
    pub fn currency(&self) -> Option<&str> {
        match self {
            Account::Money(b) => Some(&b.currency),
            Account::Threads(_) => None,
        }
    }
}

/// The account balance.
#[derive(Debug, Clone, PartialEq)]
pub struct Balance {
    /// The amount, exact.
    pub amount: Decimal,
    /// The account currency (e.g. `USD`).
    pub currency: String,
}

/// A thread subscription (streamdetails `user`).
#[derive(Debug, Clone, PartialEq)]
pub struct Threads {
    /// Threads the subscription allows.
    pub total: Option<u64>,
    /// Threads in use.
    pub active: Option<u64>,
    /// Threads free for new orders.
    pub available: Option<u64>,
    /// Followers count.
    pub followers: Option<u64>,
    /// Subscription end, unix seconds.
    pub expires: Option<i64>,
}

/// One entry of the service catalogue.
#[derive(Debug, Clone)]
pub struct Service {
    /// The service id, as text (panels send numbers or strings).
    pub id: String,
    /// The service name.
    pub name: String,
    /// The order type (`Default`, `Custom Comments`, …).
    pub kind: String,
    /// The category.
    pub category: String,
    /// Price per 1000 units.
    pub rate: Option<Decimal>,
    /// Minimum quantity.
    pub min: Option<u64>,
    /// Maximum quantity.
    pub max: Option<u64>,
    /// Whether refills are offered.
    pub refill: Option<bool>,
    /// Whether orders can be cancelled.
    pub cancel: Option<bool>,
    /// Whether drip-feed (runs and interval) is offered, where the panel says (`dripfeed`).
    pub dripfeed: Option<bool>,
    /// How long the service runs, in minutes (timed services: streamdetails).
    pub duration: Option<u64>,
    /// The entry as the panel sent it (for filtered `--json`).
    pub raw: RawEntry,
}

/// A catalogue entry's JSON text as the panel sent it: a span of the catalogue's body, which
/// every entry of the catalogue shares (one copy of the body, not one allocation per entry).
#[derive(Debug, Clone)]
pub struct RawEntry {
    /// The text the entry is a part of.
    body: Arc<str>,
    /// Where the entry is in it.
    span: Range<usize>,
}

impl From<Box<str>> for RawEntry {
    fn from(text: Box<str>) -> RawEntry {
        RawEntry {
            span: 0..text.len(),
            body: Arc::from(text),
        }
    }
}

impl RawEntry {
    /// An entry of its own: `text` copied.
    pub fn new(text: &str) -> RawEntry {
        RawEntry {
            span: 0..text.len(),
            body: Arc::from(text),
        }
    }

    /// The entry at `span` of a shared `body` (`span` must lie on character boundaries).
    pub fn shared(body: &Arc<str>, span: Range<usize>) -> RawEntry {
        debug_assert!(body.get(span.clone()).is_some());
        RawEntry {
            body: Arc::clone(body),
            span,
        }
    }

    /// The entry's JSON text.
    pub fn get(&self) -> &str {
        &self.body[self.span.clone()]
    }

    /// Where the entry lies in the text it is a part of.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

/// The status of one order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrderStatus {
    /// Status text (Pending, In progress, Completed, Partial, Canceled…), as the panel wrote it.
    pub status: String,
    /// What the order cost so far.
    pub charge: Option<Decimal>,
    /// The count when the order started, as text (may be `Unknown`).
    pub start_count: String,
    /// Units still to deliver, as text (may be `Unknown`).
    pub remains: String,
    /// Currency of `charge`.
    pub currency: String,
    /// For thread orders (streamdetails): the service, threads and creation time.
    pub thread: Option<ThreadOrder>,
}

/// What a thread order (streamdetails) reports beside its status.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadOrder {
    /// Service id.
    pub service: String,
    /// Threads ordered.
    pub quantity: Option<u64>,
    /// Creation time, unix seconds.
    pub created: Option<i64>,
}

/// A placed order: the panel's id, and for thread orders what the panel reported of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The panel's order id.
    pub order: String,
    /// The status the panel reported at once (thread orders).
    pub status: Option<String>,
    /// The order as the panel reported it (thread orders).
    pub thread: Option<ThreadOrder>,
}

/// One row of a batch answer: the id it is about and the outcome for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<T> {
    /// The order (or refill) id the row is about.
    pub id: String,
    /// The outcome, or the panel's per-item error text.
    pub result: Result<T, String>,
}

/// How a row's error begins when its chunk's request failed: no answer came for it.
pub const REQUEST_FAILED: &str = "request failed: ";

/// A row's error when the panel's answer does not mention its id.
pub const MISSING: &str = "missing from the panel's answer";

/// Whether a row's error says no answer came for it (a failed request, an answer that left it
/// out) rather than being the panel's own word.
pub fn unanswered(error: &str) -> bool {
    error.starts_with(REQUEST_FAILED) || error == MISSING
}

impl<T> Row<T> {
    /// Whether this row carries an error.
    pub fn failed(&self) -> bool {
        self.result.is_err()
    }
}

/// What a panel said of a cancel it was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cancel {
    /// The panel took the request: asked for, not yet done (the order is not cancelled yet).
    Requested,
    /// Another word, as the panel wrote it.
    Said(String),
}

impl std::fmt::Display for Cancel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cancel::Requested => f.write_str("requested"),
            Cancel::Said(word) => f.write_str(word),
        }
    }
}

/// One account of an account-managing API (useapi.net Pika).
#[derive(Debug, Clone, PartialEq)]
pub struct PikaAccount {
    /// Discord channel id.
    pub channel: String,
    /// The Discord token as the API returned it (show it masked only).
    pub discord: Secret,
    /// Jobs run at once.
    pub max_jobs: String,
}
