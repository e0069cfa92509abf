//! `smm book copy` and `smm book info`: one book's orders (with their status history),
//! balances, catalogue snapshots and changes, alerts, refills (with their history) copied
//! into another — keyed by smm's
//! entry ids, so a second run copies nothing new — and what a book holds.

use super::Book;
use super::db::{DbError, Lock, Row, Value, args, marks};
use std::collections::HashSet;

/// Every column of `orders` but `seq` (the target numbers its own), in copy order.
const ORDER_COLUMNS: &str = "id, created, profile, url, service, link, quantity, fields, \
    fingerprint, cost, outcome, answered, panel_order, error, status, finished, charge, \
    start_count, remains, currency, checked, changed, state, asked, route, ended";

/// Orders per multi-row INSERT (26 values each: under both databases' placeholder limits).
const ROWS_PER_INSERT: usize = 200;

/// Orders per transaction (and per step of the progress bar).
const ROWS_PER_COMMIT: usize = 5_000;

/// How many rows a book holds, by table.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Counts {
    /// Orders.
    pub orders: u64,
    /// Status changes.
    pub status_history: u64,
    /// Balances seen.
    pub balances: u64,
    /// Services in the catalogue snapshots.
    pub catalogue: u64,
    /// Catalogue changes.
    pub catalogue_changes: u64,
    /// Alerts standing.
    pub alerts: u64,
    /// Refill requests.
    pub refills: u64,
    /// Refill status changes.
    pub refill_history: u64,
}

/// What a copy wrote (rows already in the target are not counted).
pub type Copied = Counts;

/// The tables `Counts` counts, in its order.
const TABLES: [&str; 8] = [
    "orders",
    "status_history",
    "balances",
    "catalogue",
    "catalogue_changes",
    "alerts",
    "refills",
    "refill_history",
];

impl Book {
    /// How many rows each table holds.
    pub fn counts(&self) -> anyhow::Result<Counts> {
        let mut n = [0u64; 8];
        for (i, table) in TABLES.iter().enumerate() {
            n[i] = self
                .db
                .one(&format!("SELECT COUNT(*) FROM {table}"), args![], |r| {
                    r.get::<i64>(0)
                })
                .map_err(|e| self.explain(e))?
                .unwrap_or(0) as u64;
        }
        Ok(Counts {
            orders: n[0],
            status_history: n[1],
            balances: n[2],
            catalogue: n[3],
            catalogue_changes: n[4],
            alerts: n[5],
            refills: n[6],
            refill_history: n[7],
        })
    }

    /// The schema version the book is at (this smm's, once opened).
    pub fn schema_version(&self) -> anyhow::Result<i64> {
        self.version().map_err(|e| self.explain(e))
    }

    /// Copies everything in this book that `to` lacks into `to`: orders by entry id (with
    /// the status history of the orders it copies), balances, catalogue snapshots and
    /// changes, alerts, refills with their history and the catalogue bookkeeping, each row
    /// at most once (a refill is the same when its profile, order, request time and refill
    /// id are). `progress`
    /// counts orders in steps of [`ROWS_PER_COMMIT`].
    pub fn copy_to(
        &self,
        to: &Book,
        progress: &dyn crate::panel::Progress,
    ) -> anyhow::Result<Copied> {
        let total = self.counts()?.orders;
        progress.start(total.div_ceil(ROWS_PER_COMMIT as u64));
        let copied = self.copy_inner(to, progress);
        progress.finish();
        copied.map_err(|(e, target)| match target {
            true => to.explain(e),
            false => self.explain(e),
        })
    }

    /// `copy_to` in SQL; the error says whether it came from the target.
    fn copy_inner(
        &self,
        to: &Book,
        progress: &dyn crate::panel::Progress,
    ) -> Result<Copied, (DbError, bool)> {
        let src = |e| (e, false);
        let dst = |e| (e, true);
        let mut copied = Copied::default();
        // Orders, a chunk per transaction; the ids written are remembered for their history.
        let mut new_ids: HashSet<String> = HashSet::new();
        let mut pending: Vec<Vec<Value>> = Vec::with_capacity(ROWS_PER_COMMIT);
        let mut failed: Option<DbError> = None;
        let flush = |rows: &mut Vec<Vec<Value>>, new_ids: &mut HashSet<String>| {
            let written = to.db.write(&[Lock::Book], || {
                let mut ids = Vec::new();
                for chunk in rows.chunks(ROWS_PER_INSERT) {
                    ids.extend(insert_orders(to, chunk)?);
                }
                Ok(ids)
            });
            rows.clear();
            progress.step();
            written.map(|ids| new_ids.extend(ids))
        };
        let walked = self
            .db
            .each(
                &format!("SELECT {ORDER_COLUMNS} FROM orders ORDER BY seq"),
                args![],
                |row| {
                    if failed.is_some() {
                        return Ok(());
                    }
                    pending.push(row_values(row));
                    if pending.len() >= ROWS_PER_COMMIT
                        && let Err(e) = flush(&mut pending, &mut new_ids)
                    {
                        failed = Some(e);
                    }
                    Ok(())
                },
            )
            .map_err(|e| src(DbError::Other(format!("{e:#}"))))?;
        walked.map_err(src)?;
        if let Some(e) = failed {
            return Err(dst(e));
        }
        if !pending.is_empty() {
            flush(&mut pending, &mut new_ids).map_err(dst)?;
        }
        copied.orders = new_ids.len() as u64;

        // The status history of the orders copied now (the others' is there already).
        let history = self
            .db
            .all(
                "SELECT order_id, seen, previous, status, alerted FROM status_history \
                 ORDER BY rowid",
                args![],
                |r| Ok(r.clone_values()),
            )
            .map_err(src)?;
        to.db
            .write(&[Lock::Book], || {
                for h in history
                    .iter()
                    .filter(|h| matches!(&h[0], Value::Text(id) if new_ids.contains(id)))
                {
                    to.db.exec(
                        "INSERT INTO status_history (order_id, seen, previous, status, alerted) \
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        h,
                    )?;
                    copied.status_history += 1;
                }
                Ok(())
            })
            .map_err(dst)?;

        // The small tables, row by row, each row once.
        let small: [(&str, &str, &str); 5] = [
            (
                "SELECT profile, seen, amount, currency FROM balances ORDER BY rowid",
                "INSERT INTO balances (profile, seen, amount, currency) SELECT ?1, ?2, ?3, ?4 \
                 WHERE NOT EXISTS (SELECT 1 FROM balances WHERE profile = ?1 AND seen = ?2 \
                 AND amount = ?3 AND currency = ?4)",
                "balances",
            ),
            (
                "SELECT profile, service, name, rate, min, max, refill, cancel FROM catalogue \
                 ORDER BY rowid",
                "INSERT INTO catalogue (profile, service, name, rate, min, max, refill, cancel) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (profile, service) DO NOTHING",
                "catalogue",
            ),
            (
                "SELECT seen, profile, service, name, change, old, new FROM catalogue_changes \
                 ORDER BY seq",
                "INSERT INTO catalogue_changes (seen, profile, service, name, change, old, new) \
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes \
                 WHERE seen = ?1 AND profile = ?2 AND service = ?3 AND change = ?5 \
                 AND name = ?4 AND old IS NOT DISTINCT FROM ?6 AND new IS NOT DISTINCT FROM ?7)",
                "catalogue_changes",
            ),
            (
                "SELECT profile, kind, subject, message, started, raised FROM alerts ORDER BY rowid",
                "INSERT INTO alerts (profile, kind, subject, message, started, raised) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (profile, kind, subject) DO NOTHING",
                "alerts",
            ),
            (
                "SELECT key, value FROM meta WHERE key != 'schema_version' ORDER BY key",
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
                "meta",
            ),
        ];
        for (read, write, table) in small {
            let rows = self
                .db
                .all(read, args![], |r| Ok(r.clone_values()))
                .map_err(src)?;
            let written = to
                .db
                .write(&[Lock::Book], || {
                    let mut n = 0;
                    for row in &rows {
                        n += to.db.exec(write, row)?;
                    }
                    Ok(n)
                })
                .map_err(dst)?;
            match table {
                "balances" => copied.balances = written,
                "catalogue" => copied.catalogue = written,
                "catalogue_changes" => copied.catalogue_changes = written,
                "alerts" => copied.alerts = written,
                _ => {}
            }
        }
        self.copy_refills(to, &mut copied)?;
        Ok(copied)
    }

    /// The refills `to` lacks, each with its history (numbered anew in `to`).
    fn copy_refills(&self, to: &Book, copied: &mut Copied) -> Result<(), (DbError, bool)> {
        let refills = self
            .db
            .all(
                &format!("SELECT seq, {REFILL_COLUMNS} FROM refills ORDER BY seq"),
                args![],
                |r| Ok(r.clone_values()),
            )
            .map_err(|e| (e, false))?;
        let history = self
            .db
            .all(
                "SELECT refill_seq, seen, state, status, alerted FROM refill_history \
                 ORDER BY refill_seq, seen, rowid",
                args![],
                |r| Ok(r.clone_values()),
            )
            .map_err(|e| (e, false))?;
        to.db
            .write(&[Lock::Book], || {
                let mut at = 0;
                let seq_of = |row: &[Value]| match row.first() {
                    Some(Value::Int(n)) => *n,
                    _ => i64::MIN,
                };
                for row in &refills {
                    let (seq, values) = (seq_of(row), &row[1..]);
                    let new = to.db.one(
                        &format!(
                            "INSERT INTO refills ({REFILL_COLUMNS}) SELECT \
                             ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13 \
                             WHERE NOT EXISTS (SELECT 1 FROM refills r WHERE r.profile = ?2 \
                             AND r.panel_order = ?4 AND r.requested = ?5 \
                             AND r.refill IS NOT DISTINCT FROM ?7) RETURNING seq"
                        ),
                        values,
                        |r| r.get::<i64>(0),
                    )?;
                    // The history is in refill order too: skip the steps of refills before.
                    while at < history.len() && seq_of(&history[at]) < seq {
                        at += 1;
                    }
                    let Some(new) = new else { continue };
                    copied.refills += 1;
                    while at < history.len() && seq_of(&history[at]) == seq {
                        let mut step = history[at].clone();
                        step[0] = Value::Int(new);
                        to.db.exec(
                            "INSERT INTO refill_history (refill_seq, seen, state, status, alerted) \
                             VALUES (?1, ?2, ?3, ?4, ?5)",
                            &step,
                        )?;
                        copied.refill_history += 1;
                        at += 1;
                    }
                }
                Ok(())
            })
            .map_err(|e| (e, true))
    }
}

/// Every column of `refills` but `seq`, in copy order.
const REFILL_COLUMNS: &str = "order_id, profile, url, panel_order, requested, answered, refill, \
    error, disabled, state, status, finished, checked";

/// A row's values, as read.
fn row_values(row: Row) -> Vec<Value> {
    row.into_values()
}

/// Writes `rows` (of `ORDER_COLUMNS`) into `to` in one statement, skipping entry ids it holds;
/// returns the ids written.
fn insert_orders(to: &Book, rows: &[Vec<Value>]) -> Result<Vec<String>, DbError> {
    let width = rows.first().map_or(0, Vec::len);
    let mut sql = format!("INSERT INTO orders ({ORDER_COLUMNS}) VALUES ");
    let mut values = Vec::with_capacity(rows.len() * width);
    for (r, row) in rows.iter().enumerate() {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        sql.push_str(&marks(width, r * width + 1));
        sql.push(')');
        values.extend(row.iter().cloned());
    }
    sql.push_str(" ON CONFLICT (id) DO NOTHING RETURNING id");
    to.db.all(&sql, &values, |r| r.get(0))
}
