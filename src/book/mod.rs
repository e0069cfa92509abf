//! The order book: every order smm placed, in one SQLite file (`<data dir>/orders.db`) or on
//! a PostgreSQL server several machines share (`book = "postgres://…"`, see [`place`]); the
//! one place in smm that knows SQL, and the only one that knows which database it talks to
//! ([`db`]: the SQL is written once, for both).
//!
//! An order is written before it is sent (its outcome `unknown`) and again when the panel
//! answers (`placed` or `refused`), each in its own committed transaction, so a crash or a
//! timeout never leaves an order unaccounted for. The duplicate check and the insert happen in
//! one write transaction (`BEGIN IMMEDIATE` on SQLite; on PostgreSQL an advisory lock on the
//! order's fingerprint): two processes — or machines — can never both pass the guard. The file
//! is a plain SQLite database (WAL, mode 0600) that operators can query with `sqlite3` (the
//! server's tables are the same, for `psql`); it never
//! holds keys, only the profile name, the panel URL (query string hidden) and the order's
//! fields. Money is kept as exact decimal text.

mod alerts;
pub mod catalogue;
mod copy;
pub mod db;
mod import;
pub mod journal;
pub mod limits;
mod pending;
mod pg;
pub mod place;
pub mod refills;
mod routes;
mod send;
mod sync;
#[cfg(test)]
pub(crate) mod testing;

pub use alerts::Settled;
pub use copy::{Copied, Counts};
pub use place::{BOOK_ENV, Place, use_config};
pub use place::{find as find_place, named as named_place};
pub use send::{Sent, send, send_within};
pub use sync::{Asked, OrderChange, statuses};

use crate::exit::usage;
use db::{Db, DbError, Lock, Row, Value, args};
use rusqlite::Connection;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The environment variable that moves the data directory (the order book, an old journal).
pub const DATA_DIR_ENV: &str = "SMM_DATA_DIR";

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

/// The schema version this smm writes (`PRAGMA user_version` on SQLite, `meta`'s
/// `schema_version` on PostgreSQL).
pub const SCHEMA_VERSION: i64 = 6;

/// How long a run waits for another smm holding the book before giving up, unless
/// `SMM_LOCK_TIMEOUT` (seconds) says otherwise.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The environment variable that sets how long to wait for a book another smm holds.
pub const LOCK_TIMEOUT_ENV: &str = "SMM_LOCK_TIMEOUT";

/// How long to wait for a book another smm holds.
fn busy_timeout() -> Duration {
    std::env::var(LOCK_TIMEOUT_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0 && *s <= 86_400.0)
        .map(Duration::from_secs_f64)
        .unwrap_or(BUSY_TIMEOUT)
}

/// The migrations, in order: migration `n` takes the schema from version `n` to `n + 1`.
/// Written for SQLite; PostgreSQL runs each through [`db::pg_ddl`] (INTEGER → BIGINT, an
/// identity for `INTEGER PRIMARY KEY`, an explicit `rowid` on the other tables).
const MIGRATIONS: [&str; 6] = [
    "
CREATE TABLE orders (
    seq         INTEGER PRIMARY KEY,   -- insertion order
    id          TEXT NOT NULL UNIQUE,  -- smm's entry id (also the old journal's)
    created     INTEGER NOT NULL,      -- unix seconds, when the order was written down
    profile     TEXT NOT NULL,
    url         TEXT NOT NULL,         -- the panel endpoint, query string hidden
    service     INTEGER NOT NULL,
    link        TEXT,
    quantity    INTEGER,
    fields      TEXT NOT NULL,         -- every other field sent, a JSON object
    fingerprint TEXT NOT NULL,         -- what the duplicate guard compares
    cost        TEXT,                  -- estimate: rate x quantity x runs / 1000, exact decimal
    outcome     TEXT NOT NULL CHECK (outcome IN ('placed', 'refused', 'unknown')),
    answered    INTEGER,               -- unix seconds of the outcome
    panel_order TEXT,                  -- the panel's order id
    error       TEXT,
    status      TEXT,                  -- as the panel wrote it
    finished    INTEGER NOT NULL DEFAULT 0,
    charge      TEXT,
    start_count TEXT,
    remains     TEXT,
    currency    TEXT,
    checked     INTEGER                -- unix seconds of the last status
);
CREATE INDEX orders_created ON orders (created);
CREATE INDEX orders_guard ON orders (fingerprint, created);
CREATE INDEX orders_profile ON orders (profile, created);
CREATE INDEX orders_open ON orders (outcome, finished);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
",
    "
ALTER TABLE orders ADD COLUMN changed INTEGER;  -- unix seconds the order last moved (status, remains)
ALTER TABLE orders ADD COLUMN state TEXT;       -- the status's canonical name (Completed, …)
CREATE INDEX orders_state ON orders (state);
CREATE TABLE status_history (
    order_id TEXT NOT NULL,                     -- orders.id
    seen     INTEGER NOT NULL,
    previous TEXT,
    status   TEXT NOT NULL
);
CREATE INDEX status_history_order ON status_history (order_id, seen);
CREATE TABLE balances (
    profile  TEXT NOT NULL,
    seen     INTEGER NOT NULL,
    amount   TEXT NOT NULL,                     -- exact decimal text
    currency TEXT NOT NULL
);
CREATE INDEX balances_profile ON balances (profile, seen);
CREATE TABLE catalogue (                        -- each profile's last catalogue seen by smm sync
    profile TEXT NOT NULL,
    service TEXT NOT NULL,
    name    TEXT NOT NULL,
    rate    TEXT,
    min     INTEGER,
    max     INTEGER,
    refill  INTEGER,
    cancel  INTEGER,
    PRIMARY KEY (profile, service)
);
CREATE TABLE catalogue_changes (
    seq     INTEGER PRIMARY KEY,
    seen    INTEGER NOT NULL,
    profile TEXT NOT NULL,
    service TEXT NOT NULL,
    name    TEXT NOT NULL,
    change  TEXT NOT NULL,                      -- added, removed, rate, min, max, refill, cancel
    old     TEXT,
    new     TEXT
);
CREATE INDEX catalogue_changes_seen ON catalogue_changes (seen);
",
    "
ALTER TABLE orders ADD COLUMN asked INTEGER;          -- unix microseconds the status request behind `status` was sent
ALTER TABLE status_history ADD COLUMN alerted INTEGER; -- unix seconds smm sync took the change for its alerts
UPDATE status_history SET alerted = seen;             -- changes from before alerts were kept were alerted then
CREATE INDEX status_history_unalerted ON status_history (order_id) WHERE alerted IS NULL;
CREATE TABLE alerts (                                 -- the alerts standing now, one row each
    profile TEXT NOT NULL,
    kind    TEXT NOT NULL,                            -- low_balance, unreachable, stalled, …
    subject TEXT NOT NULL,                            -- the panel order id, '' for the whole profile
    message TEXT NOT NULL,
    started INTEGER NOT NULL,                         -- unix seconds it was first raised
    raised  INTEGER NOT NULL,                         -- unix seconds it was last printed
    PRIMARY KEY (profile, kind, subject)
);
",
    "
ALTER TABLE orders ADD COLUMN route TEXT;       -- the route the order came through, if any
CREATE INDEX orders_route ON orders (route, created);
",
    refills::MIGRATION,
    "
CREATE INDEX IF NOT EXISTS orders_currency ON orders (profile, url, seq) WHERE currency IS NOT NULL; -- Book::currency at a million orders
",
];

/// The order book.
pub struct Book {
    db: Db,
    place: Place,
    /// The data directory: side files of outcomes the book could not take, an old journal.
    dir: PathBuf,
}

/// What an order was meant to be, written before it is sent.
#[derive(Debug, Clone, PartialEq)]
pub struct NewOrder {
    /// Profile name.
    pub profile: String,
    /// Panel endpoint (for display: query string hidden).
    pub url: String,
    /// Service id.
    pub service: u64,
    /// Link (None for Subscriptions, which use a username).
    pub link: Option<String>,
    /// Quantity, when the order has one.
    pub quantity: Option<u64>,
    /// Every other field sent (runs, comments, …).
    pub fields: BTreeMap<String, String>,
    /// The cost estimate, when known.
    pub cost: Option<Decimal>,
    /// The route the order goes through, if any (`smm orders --route`).
    pub route: Option<String>,
    /// The other `(profile, service)` the duplicate guard spans: a route's other candidates.
    /// The same order placed on any of them within the window is a duplicate too.
    pub also: Vec<(String, u64)>,
    /// The currency of the cost (the panel's), when known before the first status.
    pub currency: Option<String>,
}

impl NewOrder {
    /// What the duplicate guard compares: profile, service, link, quantity and every field.
    fn fingerprint(&self) -> String {
        self.fingerprint_on(&self.profile, self.service)
    }

    /// The fingerprint the same order would have on `profile`'s service `service`.
    fn fingerprint_on(&self, profile: &str, service: u64) -> String {
        let fields = serde_json::to_string(&self.fields).unwrap_or_default();
        format!(
            "{profile}\u{1f}{service}\u{1f}{}\u{1f}{}\u{1f}{fields}",
            self.link.as_deref().unwrap_or(""),
            self.quantity.map(|q| q.to_string()).unwrap_or_default(),
        )
    }

    /// Every fingerprint the guard looks for: this order's, then the same order's on each of
    /// `also` (a route's candidates): one indexed `fingerprint IN (…)` lookup.
    fn guarded(&self) -> Vec<String> {
        let mut all = vec![self.fingerprint()];
        for (profile, service) in &self.also {
            let f = self.fingerprint_on(profile, *service);
            if !all.contains(&f) {
                all.push(f);
            }
        }
        all
    }
}

/// How an order ended, as far as smm could tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The panel answered with an order id.
    Placed,
    /// The panel refused it, or it was never sent.
    Refused,
    /// No clear answer (or smm stopped before one came): the order may or may not exist.
    Unknown,
}

impl Outcome {
    /// The name stored in the book.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Placed => "placed",
            Outcome::Refused => "refused",
            Outcome::Unknown => "unknown",
        }
    }

    /// The outcome of a stored name.
    fn parse(name: &str) -> Outcome {
        match name {
            "placed" => Outcome::Placed,
            "refused" => Outcome::Refused,
            _ => Outcome::Unknown,
        }
    }
}

/// One order as the book holds it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Entry {
    /// smm's entry id.
    pub id: String,
    /// When it was written down (unix seconds).
    #[serde(serialize_with = "crate::time::serialize_rfc3339")]
    pub created: i64,
    /// Profile name.
    pub profile: String,
    /// Panel endpoint.
    pub url: String,
    /// Service id.
    pub service: u64,
    /// Link.
    pub link: Option<String>,
    /// Quantity.
    pub quantity: Option<u64>,
    /// Every other field sent.
    pub fields: BTreeMap<String, String>,
    /// The cost estimate (exact decimal text).
    pub cost: Option<String>,
    /// placed, refused or unknown.
    pub outcome: Outcome,
    /// The panel's order id.
    pub order: Option<String>,
    /// The error, when there was one.
    pub error: Option<String>,
    /// The last status seen, as the panel wrote it.
    pub status: Option<String>,
    /// The charge the panel reported (exact decimal text).
    pub charge: Option<String>,
    /// The start count the panel reported.
    pub start_count: Option<String>,
    /// Units still to deliver.
    pub remains: Option<String>,
    /// Currency of the charge.
    pub currency: Option<String>,
    /// When the status was seen (RFC 3339), if ever.
    #[serde(serialize_with = "crate::time::serialize_rfc3339_opt")]
    pub checked: Option<i64>,
    /// When the order last moved — its status, remains or start count changed from what was
    /// seen before (unix seconds) — if ever.
    #[serde(skip)]
    pub changed: Option<i64>,
    /// The route it came through, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
}

/// A status that changed, as `record_statuses` saw it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StatusChange {
    /// The order book entry.
    pub id: String,
    /// The status before (none the first time one is seen).
    pub from: Option<String>,
    /// The status now.
    pub to: String,
}

/// A status seen on the panel, to record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Seen {
    /// The status as the panel wrote it.
    pub status: String,
    /// Whether the order will not change any more.
    pub finished: bool,
    /// The charge, exact.
    pub charge: Option<Decimal>,
    /// The start count, as the panel wrote it.
    pub start_count: String,
    /// Units still to deliver, as the panel wrote it.
    pub remains: String,
    /// Currency of the charge.
    pub currency: String,
}

/// Which orders `smm orders` lists.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Only orders written down at or after this unix time.
    pub since: Option<i64>,
    /// Only this profile's orders.
    pub profile: Option<String>,
    /// Only orders placed on this panel endpoint (display form).
    pub url: Option<String>,
    /// Only orders whose last status is this (case-insensitive).
    pub status: Option<String>,
    /// Only orders with this outcome.
    pub outcome: Option<Outcome>,
    /// Only orders that came through this route.
    pub route: Option<String>,
    /// The newest N (0: all).
    pub limit: usize,
}

/// What `--by` groups on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupBy {
    /// The profile.
    Profile,
    /// The service id.
    Service,
    /// The UTC day the order was written down.
    Day,
    /// The last status seen (every spelling of a known status together).
    Status,
    /// The route the order came through (blank: ordered directly).
    Route,
}

/// One group of `--by`, in one currency.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Group {
    /// The group's key (profile, service, day or status).
    pub key: String,
    /// The currency of the charges (empty when no status was seen yet).
    pub currency: String,
    /// How many orders.
    pub orders: u64,
    /// The sum of the cost estimates of the orders not refused (exact).
    #[serde(serialize_with = "decimal_text")]
    pub cost: Decimal,
    /// The sum of the charges the panels reported (exact).
    #[serde(serialize_with = "decimal_text")]
    pub charge: Decimal,
}

/// Serializes a computed amount as exact text, as smm shows amounts (`money::show`).
fn decimal_text<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::money::show(*d))
}

/// What `begin` found in the book when it refused an order as a duplicate.
#[derive(Debug, Clone, PartialEq)]
pub struct Earlier {
    /// The earlier entry.
    pub entry: Entry,
}

/// A cap on what the orders that may exist (placed or unknown), written down at or after
/// `since`, may cost together: checked with the duplicate guard, in its transaction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpendLimit {
    /// Where the count starts (unix seconds).
    pub since: i64,
    /// The most they may cost together, this order included.
    pub max: Decimal,
}

/// What the book held when it refused an order over a [`SpendLimit`].
#[derive(Debug, Clone, PartialEq)]
pub struct OverLimit {
    /// The limit the order would pass.
    pub limit: SpendLimit,
    /// What the orders already written down since `limit.since` cost (those with a cost).
    pub spent: Decimal,
    /// The order's cost; None when it is not known in advance (then it cannot be checked
    /// against a limit, and is refused).
    pub cost: Option<Decimal>,
}

/// Why the book would not write an order down (nothing was sent).
#[derive(Debug, Clone, PartialEq)]
pub enum Held {
    /// The same order may exist already, within the duplicate window.
    Duplicate(Box<Earlier>),
    /// It would take the spending past the limit.
    OverLimit(OverLimit),
}

/// The columns every entry query reads, in `Entry` order.
const COLUMNS: &str = "id, created, profile, url, service, link, quantity, fields, cost, outcome, \
    panel_order, error, status, charge, start_count, remains, currency, checked, changed, route";

/// An entry from a row of `COLUMNS`.
fn entry(row: &Row) -> Result<Entry, DbError> {
    let fields: String = row.get(7)?;
    Ok(Entry {
        id: row.get(0)?,
        created: row.get(1)?,
        profile: row.get(2)?,
        url: row.get(3)?,
        service: row.get::<i64>(4)? as u64,
        link: row.get(5)?,
        quantity: row.get::<Option<i64>>(6)?.map(|q| q as u64),
        fields: serde_json::from_str(&fields).unwrap_or_default(),
        cost: row.get(8)?,
        outcome: Outcome::parse(&row.get::<String>(9)?),
        order: row.get(10)?,
        error: row.get(11)?,
        status: row.get(12)?,
        charge: row.get(13)?,
        start_count: row.get(14)?,
        remains: row.get(15)?,
        currency: row.get(16)?,
        checked: row.get(17)?,
        changed: row.get(18)?,
        route: row.get(19)?,
    })
}

/// A fresh entry id: time and randomness, hex.
pub fn new_id() -> String {
    format!("{:x}-{:08x}", crate::time::now(), fastrand::u32(..))
}

impl Book {
    /// The book this run uses ([`place::find`]: `SMM_BOOK`, the config file's `book`, else
    /// `<data dir>/orders.db`), created and migrated when needed; an old `journal.jsonl` in
    /// the data directory is imported once.
    pub fn open() -> anyhow::Result<Book> {
        Book::open_place(place::find()?)
    }

    /// The book at `place` (a server's side files in the data directory).
    pub fn open_place(place: Place) -> anyhow::Result<Book> {
        match place {
            Place::File(path) => Book::open_at(&path),
            server => Book::open_place_in(server, data_dir()?),
        }
    }

    /// The book at `place`; for a server, `dir` keeps the side files of outcomes it could
    /// not take (a file keeps them beside itself).
    pub fn open_place_in(place: Place, dir: PathBuf) -> anyhow::Result<Book> {
        match place {
            Place::File(path) => Book::open_at(&path),
            Place::Server(server) => {
                let client = pg::connect(&server)?;
                let book = Book {
                    db: Db::Pg(Box::new(std::cell::RefCell::new(db::Pg::new(client)))),
                    place: Place::Server(server),
                    dir,
                };
                book.prepare()?;
                book.fold_pending();
                if book.dir.join("journal.jsonl").exists() {
                    import::journal_in(&book, &book.dir)?;
                }
                Ok(book)
            }
        }
    }

    /// The SQLite book at `path`.
    pub fn open_at(path: &Path) -> anyhow::Result<Book> {
        let cannot = |e: &dyn std::fmt::Display| {
            usage(format!(
                "cannot open the order book {}: {e} (set {} to a writable directory); nothing was sent",
                path.display(),
                DATA_DIR_ENV
            ))
        };
        if let Some(dir) = path.parent() {
            crate::config::private::create_dir(dir).map_err(|e| cannot(&e))?;
        }
        // Created empty, 0600, when missing (SQLite gives its WAL files the same mode).
        crate::config::private::write_private(path, crate::config::private::Existing::Keep)
            .map_err(|e| cannot(&e))?;
        let conn = Connection::open(path).map_err(|e| cannot(&e))?;
        conn.busy_timeout(busy_timeout()).map_err(|e| cannot(&e))?;
        let book = Book {
            db: Db::Lite(conn),
            place: Place::File(path.to_path_buf()),
            dir: path.parent().unwrap_or(Path::new(".")).to_path_buf(),
        };
        book.prepare()?;
        book.fold_pending();
        import::journal_in(&book, &book.dir)?;
        Ok(book)
    }

    /// Where the book is: the file's path or the server's URL (never a password).
    pub fn place(&self) -> &Place {
        &self.place
    }

    /// The backend's name: `sqlite` or `postgres`.
    pub fn backend(&self) -> &'static str {
        match self.db.is_pg() {
            true => "postgres",
            false => "sqlite",
        }
    }

    /// The schema version the book holds.
    fn version(&self) -> Result<i64, DbError> {
        match &self.db {
            Db::Lite(conn) => Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?),
            Db::Pg(_) => {
                let has_meta = self
                    .db
                    .one("SELECT to_regclass('meta') IS NOT NULL", args![], |r| {
                        r.get(0)
                    })?
                    .unwrap_or(false);
                if !has_meta {
                    return Ok(0);
                }
                let v: Option<String> = self.db.one(
                    "SELECT value FROM meta WHERE key = 'schema_version'",
                    args![],
                    |r| r.get(0),
                )?;
                Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
            }
        }
    }

    /// Sets WAL mode and brings the schema up to date; refuses a book from a newer smm.
    fn prepare(&self) -> anyhow::Result<()> {
        let version = self.version().map_err(|e| self.explain_unsent(e))?;
        if version > SCHEMA_VERSION {
            return Err(usage(format!(
                "the order book {} was written by a newer smm (schema version {version}; this smm \
                 knows up to {SCHEMA_VERSION}): upgrade smm; nothing was sent",
                self.place
            )));
        }
        self.migrate(version).map_err(|e| self.explain_unsent(e))
    }

    /// WAL mode, full sync (SQLite), and the migrations from `version` on, in one transaction
    /// that holds the whole book.
    fn migrate(&self, version: i64) -> Result<(), DbError> {
        if let Db::Lite(conn) = &self.db {
            // Switching a new file to WAL needs the whole file for a moment; SQLite answers
            // BUSY at once (no busy handler) when another smm opens it at the same time: wait
            // and retry.
            retry_busy(|| conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())))?;
            conn.pragma_update(None, "synchronous", "FULL")?;
        }
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        self.db.exclusive(|| {
            // Read again under the lock: another smm may have migrated meanwhile.
            let version = self.version()?;
            for migration in MIGRATIONS.iter().skip(version.max(0) as usize) {
                match &self.db {
                    Db::Lite(_) => self.db.batch(migration)?,
                    Db::Pg(_) => self.db.batch(&db::pg_ddl(migration))?,
                }
            }
            match &self.db {
                Db::Lite(conn) => conn.pragma_update(None, "user_version", SCHEMA_VERSION)?,
                Db::Pg(_) => {
                    self.db.exec(
                        "INSERT INTO meta (key, value) VALUES ('schema_version', ?1) \
                         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        args![SCHEMA_VERSION.to_string()],
                    )?;
                }
            }
            Ok(())
        })
    }

    /// A database error as one line that says what to do (exit 2; a server that cannot be
    /// reached any more: exit 1).
    fn explain(&self, e: DbError) -> anyhow::Error {
        let place = &self.place;
        let what = match &e {
            DbError::Lite(rusqlite::Error::SqliteFailure(f, _)) => match f.code {
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => format!(
                    "another smm has held the order book {place} for more than {}s; try again when it \
                     is done (or set {LOCK_TIMEOUT_ENV} to wait longer)",
                    busy_timeout().as_secs_f64()
                ),
                rusqlite::ErrorCode::NotADatabase => format!(
                    "{place} is not an SQLite database: move it away (smm then starts a new order book there)"
                ),
                rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen => format!(
                    "cannot write the order book {place}: {e} (set {} to a writable directory)",
                    DATA_DIR_ENV
                ),
                _ => format!("the order book {place}: {e}"),
            },
            DbError::Pg(pe) if pe.as_db_error().is_none() => {
                if let Place::Server(server) = place {
                    return pg::refused(server, pe);
                }
                format!("the order book {place}: {e}")
            }
            _ => format!("the order book {place}: {e}"),
        };
        usage(what)
    }

    /// `explain` for an error before anything was sent (opening the book, the guard).
    fn explain_unsent(&self, e: DbError) -> anyhow::Error {
        let unreachable = matches!(&e, DbError::Pg(pe) if pe.as_db_error().is_none());
        let explained = self.explain(e);
        if unreachable {
            return explained;
        }
        usage(format!("{explained:#}; nothing was sent"))
    }

    /// Writes an order down before it is sent, unless (and `force` is off) an order that may
    /// exist — placed or unknown — has the same fingerprint within `window` seconds: then
    /// returns that one. Check and insert are one write transaction, serialised on the
    /// fingerprint (across machines on PostgreSQL).
    pub fn begin(
        &self,
        order: &NewOrder,
        window: u64,
        force: bool,
    ) -> anyhow::Result<Result<String, Earlier>> {
        Ok(match self.begin_within(order, window, force, None)? {
            Ok(id) => Ok(id),
            Err(Held::Duplicate(earlier)) => Err(*earlier),
            Err(Held::OverLimit(_)) => unreachable!("no spend limit was given"),
        })
    }

    /// `begin`, and with a `limit` refuses the order too (`Held::OverLimit`, `force` or not)
    /// when its cost, with what the orders that may exist written down since `limit.since`
    /// cost, passes `limit.max`, or when its cost is not known. The guard, the count and the
    /// insert are one `BEGIN IMMEDIATE` transaction: two processes can never both pass it.
    pub fn begin_within(
        &self,
        order: &NewOrder,
        window: u64,
        force: bool,
        limit: Option<SpendLimit>,
    ) -> anyhow::Result<Result<String, Held>> {
        self.begin_inner(order, window, force, limit)
            .map_err(|e| self.explain_unsent(e))
    }

    /// `begin_within` in SQL.
    fn begin_inner(
        &self,
        order: &NewOrder,
        window: u64,
        force: bool,
        limit: Option<SpendLimit>,
    ) -> Result<Result<String, Held>, DbError> {
        let guarded = order.guarded();
        let mut locks: Vec<Lock> = guarded
            .iter()
            .map(|f| Lock::Key(format!("guard\u{1f}{f}")))
            .collect();
        // Every order counts against a spending limit, whichever its fingerprint: an add
        // checked against one holds every other add off while it counts.
        locks.push(match limit {
            Some(_) => Lock::Key("spend".to_string()),
            None => Lock::Shared("spend".to_string()),
        });
        self.db.write(&locks, || {
            let now = crate::time::now() as i64;
            if !force && window > 0 {
                let earlier = find_earlier(&self.db, &guarded, since(now, window))?;
                if let Some(entry) = earlier {
                    return Ok(Err(Held::Duplicate(Box::new(Earlier { entry }))));
                }
            }
            if let Some(limit) = limit {
                let (spent, _) = spent_since(&self.db, limit.since)?;
                let within = order
                    .cost
                    .is_some_and(|cost| spent.saturating_add(cost) <= limit.max);
                if !within {
                    return Ok(Err(Held::OverLimit(OverLimit {
                        limit,
                        spent,
                        cost: order.cost,
                    })));
                }
            }
            let id = new_id();
            insert_order(
                &self.db,
                INSERT,
                &id,
                now,
                order,
                order.cost.map(|c| c.to_string()),
            )?;
            Ok(Ok(id))
        })
    }

    /// The currency `profile`'s panel at `url` bills in, as far as the book knows: that of its
    /// latest order with one (from a status, or from placing), else that of its latest balance.
    pub fn currency(&self, profile: &str, url: &str) -> anyhow::Result<Option<String>> {
        let known = |sql: &str, args: &[Value]| self.db.one(sql, args, |row| row.get::<String>(0));
        let from_orders = known(
            "SELECT currency FROM orders WHERE profile = ?1 AND url = ?2 AND currency <> '' \
             ORDER BY seq DESC LIMIT 1",
            args![profile, url],
        );
        let found = match from_orders {
            Ok(None) => known(
                "SELECT currency FROM balances WHERE profile = ?1 AND currency <> '' \
                 ORDER BY seen DESC LIMIT 1",
                args![profile],
            ),
            other => other,
        };
        found.map_err(|e| self.explain(e))
    }

    /// Sets the currency of entry `id` when it has none yet (a status's stays).
    pub fn set_currency(&self, id: &str, currency: &str) -> anyhow::Result<()> {
        self.db
            .exec(
                "UPDATE orders SET currency = ?2 WHERE id = ?1 AND currency IS NULL",
                args![id, limits::cut(currency, limits::CURRENCY)],
            )
            .map(drop)
            .map_err(|e| self.explain(e))
    }

    /// The latest order that may exist with the same fingerprint within `window` seconds.
    pub fn earlier(&self, order: &NewOrder, window: u64) -> anyhow::Result<Option<Earlier>> {
        if window == 0 {
            return Ok(None);
        }
        let since = since(crate::time::now() as i64, window);
        find_earlier(&self.db, &order.guarded(), since)
            .map(|e| e.map(|entry| Earlier { entry }))
            .map_err(|e| self.explain_unsent(e))
    }

    /// Records what the panel answered for entry `id` (the error cut to
    /// [`limits::ERROR`](limits::ERROR)), at `answered` (unix seconds).
    pub fn finish(
        &self,
        id: &str,
        outcome: Outcome,
        order: Option<&str>,
        error: Option<&str>,
        answered: i64,
    ) -> anyhow::Result<()> {
        self.db
            .exec(
                "UPDATE orders SET outcome = ?2, panel_order = ?3, error = ?4, answered = ?5 \
                 WHERE id = ?1",
                args![
                    id,
                    outcome.name(),
                    limits::cut_opt(order, limits::NUMBER),
                    limits::cut_opt(error, limits::ERROR),
                    answered
                ],
            )
            .map(|_| ())
            .map_err(|e| self.explain(e))
    }

    /// Placed orders whose last status is not final, oldest first (optionally one profile's).
    pub fn unfinished(&self, query: &Query) -> anyhow::Result<Vec<Entry>> {
        let mut found = Vec::new();
        self.each(query, true, |e| {
            found.push(e);
            Ok(())
        })?;
        Ok(found)
    }

    /// Calls `f` with every entry `query` selects, oldest first, reading one row at a time.
    pub fn list(
        &self,
        query: &Query,
        f: impl FnMut(Entry) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        self.each(query, false, f)
    }

    /// The rows of `query` (only placed, unfinished ones when `open`), oldest first.
    fn each(
        &self,
        query: &Query,
        open: bool,
        mut f: impl FnMut(Entry) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let (filter, values) = where_clause(query, open);
        // The newest `limit`, shown oldest first.
        let sql = match query.limit {
            0 => format!("SELECT {COLUMNS} FROM orders{filter} ORDER BY seq"),
            n => format!(
                "SELECT {COLUMNS} FROM (SELECT * FROM orders{filter} ORDER BY seq DESC LIMIT {n}) \
                 AS newest ORDER BY seq"
            ),
        };
        let mut bad = None;
        let walked = self.db.each(&sql, &values, |row| {
            match entry(&row) {
                Ok(e) => f(e)?,
                Err(e) => bad = bad.take().or(Some(e)),
            }
            Ok(())
        })?;
        walked
            .and(bad.map_or(Ok(()), Err))
            .map_err(|e| self.explain(e))
    }

    /// The total cost estimate of the orders that may exist (placed or unknown, refused ones
    /// aside) written down at or after `since` (unix seconds), by every smm process; with the
    /// number of those whose cost was not known in advance (not in the total).
    pub fn spent_since(&self, since: i64) -> anyhow::Result<(Decimal, u64)> {
        spent_since(&self.db, since).map_err(|e| self.explain(e))
    }

    /// Orders grouped by `by` and currency: count, total cost, total charge (exact).
    pub fn groups(&self, query: &Query, by: GroupBy) -> anyhow::Result<Vec<Group>> {
        let key = match by {
            GroupBy::Profile => "profile",
            GroupBy::Service => "CAST(service AS TEXT)",
            GroupBy::Day => "CAST(created AS TEXT)",
            GroupBy::Status => "COALESCE(state, status, '')",
            GroupBy::Route => "COALESCE(route, '')",
        };
        let (filter, values) = where_clause(query, false);
        let sql = format!(
            "SELECT {key}, COALESCE(currency, ''), CASE outcome WHEN 'refused' THEN NULL ELSE cost END, \
             charge FROM orders{filter} ORDER BY seq"
        );
        let mut groups: BTreeMap<(String, String), Group> = BTreeMap::new();
        let amount = |t: Option<String>| {
            t.and_then(|t| t.parse::<Decimal>().ok())
                .unwrap_or_default()
        };
        let read =
            |row: &Row| -> Result<(String, String, Option<String>, Option<String>), DbError> {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            };
        let mut bad = None;
        let walked = self.db.each(&sql, &values, |row| {
            let (key, currency, cost, charge) = match read(&row) {
                Ok(r) => r,
                Err(e) => {
                    bad = bad.take().or(Some(e));
                    return Ok(());
                }
            };
            // The UTC day, computed here: the two databases spell date functions differently.
            let key = match by {
                GroupBy::Day => key
                    .parse::<i64>()
                    .map(|t| crate::time::rfc3339(t)[..10].to_string())
                    .unwrap_or(key),
                _ => key,
            };
            let g = groups
                .entry((key.clone(), currency.clone()))
                .or_insert_with(|| Group {
                    key,
                    currency,
                    orders: 0,
                    cost: Decimal::ZERO,
                    charge: Decimal::ZERO,
                });
            g.orders += 1;
            g.cost = g.cost.saturating_add(amount(cost));
            g.charge = g.charge.saturating_add(amount(charge));
            Ok(())
        })?;
        walked
            .and(bad.map_or(Ok(()), Err))
            .map_err(|e| self.explain(e))?;
        Ok(groups.into_values().collect())
    }
}

/// `window` seconds before `now`, never overflowing (a window longer than time is all time).
fn since(now: i64, window: u64) -> i64 {
    now.saturating_sub(i64::try_from(window).unwrap_or(i64::MAX))
}

/// The statement that writes an order down (outcome `unknown`), for `insert_order`.
const INSERT: &str = "INSERT INTO orders (id, created, profile, url, service, link, quantity, \
    fields, fingerprint, cost, currency, route, outcome) \
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'unknown')";

/// `INSERT` that skips an entry id the book holds already (the import, a copy).
const INSERT_NEW: &str = "INSERT INTO orders (id, created, profile, url, service, link, quantity, \
    fields, fingerprint, cost, currency, route, outcome) \
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'unknown') ON CONFLICT (id) DO NOTHING";

/// Writes `order` down as entry `id` (outcome `unknown`) through `sql` (`INSERT` or
/// `INSERT_NEW`); returns how many rows were written.
fn insert_order(
    db: &Db,
    sql: &str,
    id: &str,
    created: i64,
    order: &NewOrder,
    cost: Option<String>,
) -> Result<u64, DbError> {
    db.exec(
        sql,
        args![
            id,
            created,
            order.profile.as_str(),
            order.url.as_str(),
            order.service as i64,
            order.link.as_deref(),
            order.quantity.map(|q| q as i64),
            serde_json::to_string(&order.fields).unwrap_or_default(),
            order.fingerprint(),
            cost,
            limits::cut_opt(order.currency.as_deref(), limits::CURRENCY),
            limits::cut_opt(order.route.as_deref(), limits::NAME),
        ],
    )
}

/// Runs `f` again while SQLite answers BUSY without waiting itself, up to the lock timeout.
fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let deadline = std::time::Instant::now() + busy_timeout();
    loop {
        match f() {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5 + fastrand::u64(..20)));
            }
            other => return other,
        }
    }
}

/// The newest entry that may exist (placed or unknown) with one of `fingerprints` since
/// `since`: one lookup on the `(fingerprint, created)` index.
fn find_earlier(db: &Db, fingerprints: &[String], since: i64) -> Result<Option<Entry>, DbError> {
    let marks = db::marks(fingerprints.len(), 2);
    let mut values = vec![Value::Int(since)];
    values.extend(fingerprints.iter().map(|f| Value::Text(f.clone())));
    db.one(
        &format!(
            "SELECT {COLUMNS} FROM orders WHERE created >= ?1 AND fingerprint IN ({marks}) \
             AND outcome != 'refused' ORDER BY created DESC, seq DESC LIMIT 1"
        ),
        &values,
        entry,
    )
}

/// [`Book::spent_since`] in SQL.
fn spent_since(db: &Db, since: i64) -> Result<(Decimal, u64), DbError> {
    let costs = db.all(
        "SELECT cost FROM orders WHERE created >= ?1 AND outcome != 'refused'",
        args![since],
        |r| r.get::<Option<String>>(0),
    )?;
    let (mut total, mut unpriced) = (Decimal::ZERO, 0);
    for cost in costs {
        match cost.and_then(|c| c.parse::<Decimal>().ok()) {
            Some(c) => total = total.saturating_add(c),
            None => unpriced += 1,
        }
    }
    Ok((total, unpriced))
}

/// The WHERE clause and its values for `query` (`open`: placed and unfinished only).
fn where_clause(query: &Query, open: bool) -> (String, Vec<Value>) {
    let mut terms: Vec<&str> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(since) = query.since {
        terms.push("created >= ?");
        values.push(Value::Int(since));
    }
    if let Some(profile) = &query.profile {
        terms.push("profile = ?");
        values.push(Value::Text(profile.clone()));
    }
    if let Some(url) = &query.url {
        terms.push("url = ?");
        values.push(Value::Text(url.clone()));
    }
    if let Some(status) = &query.status {
        // A known status matches every spelling of it; any other text matches as written.
        match crate::panel::status::canonical(status) {
            Some(c) => {
                terms.push("state = ?");
                values.push(Value::Text(c.name().to_string()));
            }
            None => {
                terms.push("lower(status) = lower(?)");
                values.push(Value::Text(status.clone()));
            }
        }
    }
    if let Some(outcome) = query.outcome {
        terms.push("outcome = ?");
        values.push(Value::Text(outcome.name().to_string()));
    }
    if let Some(route) = &query.route {
        terms.push("route = ?");
        values.push(Value::Text(route.clone()));
    }
    if open {
        terms.push("outcome = 'placed' AND finished = 0");
    }
    let filter = match terms.is_empty() {
        true => String::new(),
        false => format!(" WHERE {}", terms.join(" AND ")),
    };
    (filter, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test order on profile `p` (shared with the guarded send's tests).
    pub(crate) fn order(quantity: u64) -> NewOrder {
        NewOrder {
            profile: "p".into(),
            url: "https://panel.example/api/v2".into(),
            service: 1448,
            link: Some("https://i.com/p".into()),
            quantity: Some(quantity),
            fields: BTreeMap::new(),
            cost: Some("0.45".parse().unwrap()),
            route: None,
            also: Vec::new(),
            currency: None,
        }
    }

    #[test]
    fn intent_outcome_status_and_the_guard() {
        // A book in a directory that does not exist yet.
        let dir = tempfile::tempdir().unwrap();
        Book::open_at(&dir.path().join("sub/orders.db")).unwrap();
        for t in testing::books() {
            let book = &t.book;
            let id = book.begin(&order(500), 86_400, false).unwrap().unwrap();
            let again = book.begin(&order(500), 86_400, false).unwrap();
            assert_eq!(again.unwrap_err().entry.id, id, "an unknown order guards");
            assert!(book.begin(&order(501), 86_400, false).unwrap().is_ok());
            assert!(book.begin(&order(500), 86_400, true).unwrap().is_ok());
            assert!(book.begin(&order(500), 0, false).unwrap().is_ok());
            book.finish(&id, Outcome::Placed, Some("23501"), None, 1)
                .unwrap();
            let done = Seen {
                status: "Completed".into(),
                finished: true,
                charge: Some("0.45".parse().unwrap()),
                currency: "USD".into(),
                ..Seen::default()
            };
            let changes = book.record_statuses("p", 1, &[(&id, &done)]).unwrap();
            assert_eq!(
                changes,
                vec![StatusChange {
                    id: id.clone(),
                    from: None,
                    to: "Completed".into()
                }]
            );
            assert!(
                book.record_statuses("p", 1, &[(&id, &done)])
                    .unwrap()
                    .is_empty()
            );
            let mut all = Vec::new();
            book.list(&Query::default(), |e| {
                all.push(e);
                Ok(())
            })
            .unwrap();
            assert_eq!(all.len(), 4, "{}", book.backend());
            assert_eq!(all[0].order.as_deref(), Some("23501"));
            assert_eq!(all[0].cost.as_deref(), Some("0.45"));
            assert_eq!(all[0].status.as_deref(), Some("Completed"));
            assert_eq!(all[1].outcome, Outcome::Unknown);
            let open = book.unfinished(&Query::default()).unwrap();
            assert!(open.is_empty(), "the placed one is finished");
            #[cfg(unix)]
            if let Place::File(path) = book.place() {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(path).unwrap().permissions().mode();
                assert_eq!(mode & 0o777, 0o600);
            }
        }
    }

    #[test]
    fn a_refused_order_is_no_duplicate() {
        for t in testing::books() {
            let book = &t.book;
            let id = book.begin(&order(500), 86_400, false).unwrap().unwrap();
            book.finish(&id, Outcome::Refused, None, Some("Not enough funds"), 1)
                .unwrap();
            assert!(book.begin(&order(500), 86_400, false).unwrap().is_ok());
        }
    }

    #[test]
    fn spent_since_counts_placed_and_unknown_orders_not_refused_or_older_ones() {
        let dir = tempfile::tempdir().unwrap();
        let book = Book::open_at(&dir.path().join("orders.db")).unwrap();
        let placed = book.begin(&order(500), 0, false).unwrap().unwrap();
        book.finish(&placed, Outcome::Placed, Some("1"), None, 1)
            .unwrap();
        let refused = book.begin(&order(501), 0, false).unwrap().unwrap();
        book.finish(&refused, Outcome::Refused, None, Some("no"), 1)
            .unwrap();
        book.begin(&order(502), 0, false).unwrap().unwrap(); // unknown: still in flight
        let unpriced = NewOrder {
            cost: None,
            ..order(503)
        };
        book.begin(&unpriced, 0, false).unwrap().unwrap();
        let now = crate::time::now() as i64;
        let (total, without_cost) = book.spent_since(now - 60).unwrap();
        assert_eq!(total, "0.90".parse::<Decimal>().unwrap());
        assert_eq!(without_cost, 1);
        assert_eq!(book.spent_since(now + 60).unwrap(), (Decimal::ZERO, 0));
    }

    #[test]
    fn the_newest_n_are_listed_oldest_first() {
        for t in testing::books() {
            let book = &t.book;
            for q in 1..=5 {
                book.begin(&order(q), 0, false).unwrap().unwrap();
            }
            let mut shown = Vec::new();
            let query = Query {
                limit: 2,
                ..Query::default()
            };
            book.list(&query, |e| {
                shown.push(e.quantity.unwrap());
                Ok(())
            })
            .unwrap();
            assert_eq!(shown, vec![4, 5], "{}", book.backend());
        }
    }

    /// Every table the book keeps, written and read on each backend, then copied from
    /// SQLite into the other backend twice (the second run copies nothing).
    #[test]
    fn statuses_balances_catalogues_alerts_and_copies_on_every_backend() {
        use crate::alerts::{Alert, Kind as AlertKind};
        use crate::book::catalogue::Snap;
        let books = testing::books();
        for t in &books {
            let book = &t.book;
            let what = book.backend();
            let a = book.begin(&order(1), 0, false).unwrap().unwrap();
            let b = book.begin(&order(2), 0, false).unwrap().unwrap();
            book.finish(&a, Outcome::Placed, Some("11"), None, 1)
                .unwrap();
            book.finish(&b, Outcome::Placed, Some("12"), None, 1)
                .unwrap();
            let seen = |status: &str| Seen {
                status: status.into(),
                remains: "5".into(),
                currency: "USD".into(),
                ..Seen::default()
            };
            let (pending, progress) = (seen("Pending"), seen("In progress"));
            book.record_statuses("p", 20, &[(&a, &progress), (&b, &pending)])
                .unwrap();
            // An older request's answer never overwrites a newer one.
            let late = book.record_statuses("p", 10, &[(&a, &pending)]).unwrap();
            assert!(late.is_empty(), "{what}");
            let open = book.unfinished(&Query::default()).unwrap();
            assert_eq!(open[0].status.as_deref(), Some("In progress"), "{what}");
            let by_status = |s: &str| {
                let q = Query {
                    status: Some(s.into()),
                    ..Query::default()
                };
                book.unfinished(&q).unwrap().len()
            };
            assert_eq!(
                (by_status("in PROGRESS"), by_status("pending")),
                (1, 1),
                "{what}"
            );
            let groups = book.groups(&Query::default(), GroupBy::Day).unwrap();
            let today = crate::time::rfc3339(crate::time::now() as i64)[..10].to_string();
            assert_eq!(
                (groups[0].key.as_str(), groups[0].orders),
                (today.as_str(), 2)
            );
            let groups = book.groups(&Query::default(), GroupBy::Service).unwrap();
            assert_eq!(groups[0].key, "1448", "{what}");
            assert_eq!(groups[0].cost, "0.90".parse::<Decimal>().unwrap());
            // Changes are taken for alerts once.
            let taken = book.unalerted_changes("p").unwrap();
            assert_eq!(taken.len(), 2, "{what}");
            assert!(book.unalerted_changes("p").unwrap().is_empty());
            book.record_balance("p", "12.50".parse().unwrap(), "USD")
                .unwrap();
            let snap = |rate: &str| Snap {
                service: "1448".into(),
                name: "Followers".into(),
                rate: rate.parse().ok(),
                min: Some(10),
                max: Some(1000),
                refill: Some(true),
                cancel: None,
            };
            assert!(
                book.sync_catalogue("p", &[snap("0.90")])
                    .unwrap()
                    .is_empty()
            );
            let changes = book.sync_catalogue("p", &[snap("1.10")]).unwrap();
            assert_eq!(changes[0].line(), "service 1448 rate 0.90 → 1.10 (+22.2%)");
            assert_eq!(book.catalogue_changes(None, Some("p")).unwrap(), changes);
            assert_eq!(book.catalogue_changes(None, None).unwrap().len(), 1);
            let alert = Alert {
                profile: "p".into(),
                kind: AlertKind::LowBalance,
                subject: String::new(),
                message: "balance low".into(),
                new: false,
            };
            let settled = book
                .settle_alerts("p", &[AlertKind::LowBalance], vec![alert.clone()], None)
                .unwrap();
            assert!(settled.alerts[0].new, "{what}");
            let settled = book
                .settle_alerts("p", &[AlertKind::LowBalance], vec![alert], Some(0))
                .unwrap();
            assert!(settled.alerts[0].new, "raised again after 0 s: {what}");
            let counts = book.counts().unwrap();
            assert_eq!(
                counts,
                Counts {
                    orders: 2,
                    status_history: 2,
                    balances: 1,
                    catalogue: 1,
                    catalogue_changes: 1,
                    alerts: 1,
                    refills: 0,
                    refill_history: 0,
                },
                "{what}"
            );
            assert_eq!(book.schema_version().unwrap(), SCHEMA_VERSION);
        }
        // SQLite into the other backend (or into a second SQLite file), twice.
        let fresh_book = testing::books().pop().expect("a book on the last backend");
        let fresh = &fresh_book.book;
        let silent = crate::panel::Silent;
        let first = books[0].book.copy_to(fresh, &silent).unwrap();
        assert_eq!(first, books[0].book.counts().unwrap());
        let again = books[0].book.copy_to(fresh, &silent).unwrap();
        assert_eq!(again, Counts::default(), "a second copy copies nothing");
        assert_eq!(fresh.counts().unwrap(), books[0].book.counts().unwrap());
        let mut copied = Vec::new();
        fresh
            .list(&Query::default(), |e| {
                copied.push(e);
                Ok(())
            })
            .unwrap();
        let mut original = Vec::new();
        books[0]
            .book
            .list(&Query::default(), |e| {
                original.push(e);
                Ok(())
            })
            .unwrap();
        assert_eq!(copied, original);
        // From the other backend into a book that holds other orders: only the new ones.
        if let Some(other) = books.get(1) {
            let theirs = other.reopen().copy_to(fresh, &silent).unwrap();
            assert_eq!((theirs.orders, theirs.status_history), (2, 2));
            assert_eq!(fresh.counts().unwrap().orders, 4);
        }
    }
}
