//! One interface to every panel API: the `Panel` trait, which each dialect implements in its
//! own file, and the typed answers they return.
//!
//! A command asks `connect` for the profile's panel and calls its actions; it never asks
//! which dialect it talks to. An action a dialect does not have is refused in one place
//! (`unsupported`), before anything is sent. A fourth dialect is one new file here and one
//! line in `connect`.

mod chunks;
mod decode;
#[cfg(test)]
mod fixtures;
pub mod service;
pub mod status;
pub mod streamdetails;
mod types;
mod unanswered;
pub mod useapi;
pub mod v2;

pub use chunks::{ChunkAnswer, Progress, Silent, run_chunks};
pub use decode::*;
pub use service::{ABSURD_RATE, Amount, Needs, Priced, needs, normalised};
pub use types::*;
pub use unanswered::NoAnswer;

use crate::config::secret::Secret;
use crate::config::{Api, Profile};
use crate::exit::usage;
use crate::http::Http;
use crate::order::Order;
use anyhow::Result;

/// The actions smm knows, for messages and for refusing what a dialect does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The account's balance (or threads).
    Balance,
    /// The service catalogue.
    Services,
    /// Placing an order.
    Add,
    /// The status of orders.
    Status,
    /// Asking for refills.
    Refill,
    /// The status of refills.
    RefillStatus,
    /// Asking for cancels.
    Cancel,
    /// Managing the accounts of an account API (useapi.net Pika).
    Accounts,
}

impl Action {
    /// The smm command that runs this action.
    pub fn command(self) -> &'static str {
        match self {
            Action::Balance => "balance",
            Action::Services => "services",
            Action::Add => "order add",
            Action::Status => "status",
            Action::Refill => "refill",
            Action::RefillStatus => "refill-status",
            Action::Cancel => "cancel",
            Action::Accounts => "pika account",
        }
    }
}

/// The error for an action `profile`'s API does not have: exit 2, nothing sent. The one place
/// that words it, naming the profile and its API.
pub fn unsupported(profile: &Profile, action: Action) -> anyhow::Error {
    let (name, api) = (&profile.name, profile.api.name());
    let command = action.command();
    usage(match (profile.api, action) {
        (Api::Useapi, _) => format!(
            "profile '{name}' is a useapi.net profile (api = \"useapi\"): `smm {command}` needs an SMM \
             panel profile (api = \"v2\" or \"streamdetails\"); useapi profiles take \
             `smm pika account list|set|delete`"
        ),
        (_, Action::Accounts) => format!(
            "`smm pika` needs a useapi.net profile (api = \"useapi\"); profile '{name}' is a {api} \
             panel: pick a useapi profile with -p NAME"
        ),
        (Api::Streamdetails, Action::Refill | Action::RefillStatus | Action::Cancel) => format!(
            "streamdetails panels have no refill/cancel action: `smm {command}` does not apply to \
             profile '{name}'"
        ),
        _ => format!(
            "`smm {command}` does not apply to profile '{name}': {api} panels have no such action"
        ),
    })
}

/// What every panel API offers. Each method returns a typed answer with the raw JSON it came
/// from; the default of each refuses the action through `unsupported`.
pub trait Panel: Sync {
    /// The profile this panel is reached through.
    fn profile(&self) -> &Profile;

    /// The account's balance (money) or subscription (threads).
    fn balance(&self) -> Result<Answer<Account>> {
        Err(unsupported(self.profile(), Action::Balance))
    }

    /// The service catalogue, fetched from the panel.
    fn services(&self) -> Result<Answer<Vec<Service>>> {
        Err(unsupported(self.profile(), Action::Services))
    }

    /// A catalogue from a body this dialect sent earlier (the local cache), if it still reads.
    fn cached_services(&self, _body: String) -> Option<Answer<Vec<Service>>> {
        None
    }

    /// Only the services `ids` of a catalogue body this dialect sent earlier (the local cache),
    /// if it still reads; a dialect may find them without decoding the whole catalogue.
    fn cached_subset(&self, body: String, ids: &[&str]) -> Option<Vec<Service>> {
        let all = self.cached_services(body)?.value;
        Some(
            all.into_iter()
                .filter(|s| ids.contains(&s.id.as_str()))
                .collect(),
        )
    }

    /// The index of a catalogue answer's entries for the cache (each entry's id and where it
    /// lies in the body), when this dialect reads entries back by it (`cached_entries`).
    fn catalogue_index<'a>(
        &self,
        _answer: &'a Answer<Vec<Service>>,
    ) -> Option<Vec<(&'a str, std::ops::Range<usize>)>> {
        None
    }

    /// The services of catalogue entries read back from the cache through its index, if they
    /// still read.
    fn cached_entries(&self, _texts: Vec<String>) -> Option<Vec<Service>> {
        None
    }

    /// A cached catalogue body checked like `cached_services` but not decoded, to print as it
    /// came (`--json`); `None` if it no longer reads.
    fn cached_body(&self, body: String) -> Option<Raw> {
        self.cached_services(body).map(|answer| answer.raw)
    }

    /// Refuses an order this panel cannot take, before anything is sent (exit 2).
    fn check_order(&self, _order: &Order) -> Result<()> {
        Err(unsupported(self.profile(), Action::Add))
    }

    /// Places an order. An error that leaves its existence unknown is marked `ambiguous`.
    fn add(&self, _order: &Order) -> Result<Answer<Placed>> {
        Err(unsupported(self.profile(), Action::Add))
    }

    /// The status of orders: one row per id, in input order.
    fn status(&self, _ids: &[u64]) -> Result<Answer<Vec<Row<OrderStatus>>>> {
        Err(unsupported(self.profile(), Action::Status))
    }

    /// Asks for refills: one row per order id with the refill id.
    fn refill(&self, _ids: &[u64]) -> Result<Answer<Vec<Row<String>>>> {
        Err(unsupported(self.profile(), Action::Refill))
    }

    /// The status of refills: one row per refill id.
    fn refill_status(&self, _ids: &[u64]) -> Result<Answer<Vec<Row<String>>>> {
        Err(unsupported(self.profile(), Action::RefillStatus))
    }

    /// Asks for cancels: one row per order id with the panel's word.
    fn cancel(&self, _ids: &[u64]) -> Result<Answer<Vec<Row<Cancel>>>> {
        Err(unsupported(self.profile(), Action::Cancel))
    }

    /// The accounts of an account API (Discord tokens masked in the raw answer).
    fn accounts(&self) -> Result<Answer<Vec<PikaAccount>>> {
        Err(unsupported(self.profile(), Action::Accounts))
    }

    /// Adds or updates an account; returns the API's (usually empty) answer.
    fn set_account(&self, _channel: &str, _token: &Secret, _max_jobs: u8) -> Result<Raw> {
        Err(unsupported(self.profile(), Action::Accounts))
    }

    /// Removes an account; returns the API's (usually empty) answer.
    fn delete_account(&self, _channel: &str) -> Result<Raw> {
        Err(unsupported(self.profile(), Action::Accounts))
    }
}

/// The panel for `profile`'s API dialect over `http`; `progress` hears how batches advance.
pub fn connect<'a>(
    http: &'a Http,
    profile: &'a Profile,
    progress: &'a dyn Progress,
) -> Box<dyn Panel + 'a> {
    match profile.api {
        Api::V2 => Box::new(v2::V2::new(http, profile, progress)),
        Api::Streamdetails => Box::new(streamdetails::Streamdetails::new(http, profile, progress)),
        Api::Useapi => Box::new(useapi::Useapi::new(http, profile)),
    }
}
