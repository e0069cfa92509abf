//! What `smm sync` keeps in the order book: status changes (with their history), balances, each
//! profile's last catalogue and the changes seen in it; and [`statuses`], the one path by which
//! `smm sync` and `smm orders --check` ask a panel about open orders and record its word.

use super::{Book, Entry, Seen, StatusChange};
use crate::book::catalogue::{Change, Kind, Snap};
use crate::panel::Panel;
use rusqlite::{OptionalExtension, TransactionBehavior, params};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

impl Book {
    /// Records the statuses seen on a panel, in one transaction; keeps a history of changes
    /// (and when the status last changed). `asked` is when the status request was sent (unix
    /// microseconds, [`asked_now`]): an order whose status came from a later request (another
    /// sync that overlapped this one) is left alone — the book never goes backwards. Texts
    /// are cut to [`limits`](super::limits). Returns the changes.
    pub fn record_statuses(
        &self,
        asked: i64,
        seen: &[(&str, &Seen)],
    ) -> anyhow::Result<Vec<StatusChange>> {
        self.record_inner(asked, seen).map_err(|e| self.explain(e))
    }

    /// `record_statuses` in SQL.
    fn record_inner(
        &self,
        asked: i64,
        seen: &[(&str, &Seen)],
    ) -> rusqlite::Result<Vec<StatusChange>> {
        use super::limits::{CURRENCY, NUMBER, STATUS, cut};
        let blank = |s: &str, max| (!s.is_empty()).then(|| cut(s, max));
        let now = crate::time::now() as i64;
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let mut changes = Vec::new();
        {
            let mut before = tx.prepare("SELECT status, asked FROM orders WHERE id = ?1")?;
            let mut update = tx.prepare(
                "UPDATE orders SET status = ?2, finished = ?3, charge = ?4, start_count = ?5, \
                 remains = ?6, currency = ?7, checked = ?8, state = ?9, asked = ?10, \
                 ended = CASE WHEN ended IS NULL AND ?3 THEN ?8 ELSE ended END, \
                 changed = CASE WHEN status IS NULL THEN changed \
                 WHEN status IS ?2 AND remains IS ?6 AND start_count IS ?5 THEN changed \
                 ELSE ?8 END WHERE id = ?1",
            )?;
            let mut history = tx.prepare(
                "INSERT INTO status_history (order_id, seen, previous, status) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (id, s) in seen {
                let was: Option<(Option<String>, Option<i64>)> = before
                    .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                let Some((was, last_asked)) = was else {
                    continue;
                };
                if last_asked.is_some_and(|last| last > asked) {
                    // A later request's answer is in the book already.
                    continue;
                }
                let status = cut(&s.status, STATUS);
                update.execute(params![
                    id,
                    status,
                    s.finished,
                    s.charge.map(|c| cut(&c.to_string(), NUMBER)),
                    blank(&s.start_count, NUMBER),
                    blank(&s.remains, NUMBER),
                    blank(&s.currency, CURRENCY),
                    now,
                    crate::panel::status::canonical(&s.status).map(|c| c.name()),
                    asked
                ])?;
                if was.as_deref() != Some(status.as_str()) {
                    history.execute(params![id, now, was, status])?;
                    changes.push(StatusChange {
                        id: id.to_string(),
                        from: was,
                        to: status,
                    });
                }
            }
        }
        tx.commit()?;
        Ok(changes)
    }

    /// Records a profile's balance, with the time.
    pub fn record_balance(
        &self,
        profile: &str,
        amount: Decimal,
        currency: &str,
    ) -> anyhow::Result<()> {
        self.conn
            .execute(
                "INSERT INTO balances (profile, seen, amount, currency) VALUES (?1, ?2, ?3, ?4)",
                params![
                    profile,
                    crate::time::now() as i64,
                    amount.to_string(),
                    super::limits::cut(currency, super::limits::CURRENCY)
                ],
            )
            .map(|_| ())
            .map_err(|e| self.explain(e))
    }

    /// Compares `snaps`, a profile's catalogue as just fetched, with the copy the last sync
    /// saw, records the changes and keeps `snaps` as the new copy — read, compare and write in
    /// one transaction, so two overlapping syncs never record a change twice. Returns the
    /// changes (none on a profile's first sync).
    pub fn sync_catalogue(&self, profile: &str, snaps: &[Snap]) -> anyhow::Result<Vec<Change>> {
        use super::limits::{NAME, NUMBER, cut};
        // Cut before comparing, so that a long name compares equal to its stored copy.
        let snaps: Vec<Snap> = snaps
            .iter()
            .map(|s| Snap {
                service: cut(&s.service, NUMBER),
                name: cut(&s.name, NAME),
                ..s.clone()
            })
            .collect();
        let snaps = &snaps[..];
        let run = || -> rusqlite::Result<Vec<Change>> {
            let tx =
                rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
            let changes = match last_catalogue(&tx, profile)? {
                Some(before) => {
                    crate::book::catalogue::diff(profile, &before, snaps, crate::time::now() as i64)
                }
                None => Vec::new(),
            };
            tx.execute("DELETE FROM catalogue WHERE profile = ?1", [profile])?;
            {
                let mut insert = tx.prepare(
                    "INSERT OR REPLACE INTO catalogue (profile, service, name, rate, min, max, refill, cancel) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?;
                for s in snaps {
                    insert.execute(params![
                        profile,
                        s.service,
                        s.name,
                        s.rate.map(|r| r.to_string()),
                        s.min.map(|n| n as i64),
                        s.max.map(|n| n as i64),
                        s.refill,
                        s.cancel
                    ])?;
                }
                let mut record = tx.prepare(
                    "INSERT INTO catalogue_changes (seen, profile, service, name, change, old, new) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?;
                for c in &changes {
                    record.execute(params![
                        c.time,
                        c.profile,
                        c.service,
                        c.name,
                        c.change.name(),
                        c.old,
                        c.new
                    ])?;
                }
            }
            tx.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                params![
                    format!("catalogue:{profile}"),
                    crate::time::rfc3339(crate::time::now() as i64)
                ],
            )?;
            tx.commit()?;
            Ok(changes)
        };
        run().map_err(|e| self.explain(e))
    }

    /// The recorded catalogue changes since `since` (unix seconds), of one profile or all,
    /// newest first.
    pub fn catalogue_changes(
        &self,
        since: Option<i64>,
        profile: Option<&str>,
    ) -> anyhow::Result<Vec<Change>> {
        let read = || -> rusqlite::Result<Vec<Change>> {
            let mut stmt = self.conn.prepare(
                "SELECT seen, profile, service, name, change, old, new FROM catalogue_changes \
                 WHERE seen >= ?1 AND (?2 IS NULL OR profile = ?2) ORDER BY seen DESC, seq DESC",
            )?;
            stmt.query_map(params![since.unwrap_or(i64::MIN), profile], |r| {
                let kind: String = r.get(4)?;
                Ok(Change {
                    time: r.get(0)?,
                    profile: r.get(1)?,
                    service: r.get(2)?,
                    name: r.get(3)?,
                    change: Kind::parse(&kind).unwrap_or(Kind::Added),
                    old: r.get(5)?,
                    new: r.get(6)?,
                })
            })?
            .collect()
        };
        read().map_err(|e| self.explain(e))
    }
}

/// A profile's catalogue as the last sync saw it, or None before its first sync.
fn last_catalogue(
    conn: &rusqlite::Connection,
    profile: &str,
) -> rusqlite::Result<Option<Vec<Snap>>> {
    let key = format!("catalogue:{profile}");
    let known: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [&key], |r| {
            r.get(0)
        })
        .optional()?;
    if known.is_none() {
        return Ok(None);
    }
    let mut stmt = conn.prepare(
        "SELECT service, name, rate, min, max, refill, cancel FROM catalogue \
         WHERE profile = ?1 ORDER BY rowid",
    )?;
    let snaps = stmt
        .query_map([profile], |r| {
            Ok(Snap {
                service: r.get(0)?,
                name: r.get(1)?,
                rate: r.get::<_, Option<String>>(2)?.and_then(|t| t.parse().ok()),
                min: r.get::<_, Option<i64>>(3)?.map(|n| n as u64),
                max: r.get::<_, Option<i64>>(4)?.map(|n| n as u64),
                refill: r.get(5)?,
                cancel: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(snaps))
}

/// A status change of one order.
#[derive(Debug, Clone, Serialize)]
pub struct OrderChange {
    /// The panel's order id.
    pub order: String,
    /// The order book entry.
    pub id: String,
    /// The status before (none the first time).
    pub from: Option<String>,
    /// The status now, as the panel wrote it.
    pub to: String,
}

/// What asking a panel about its open orders found.
#[derive(Debug, Default)]
pub struct Asked {
    /// How many order ids were asked about.
    pub count: usize,
    /// The statuses that changed.
    pub changes: Vec<OrderChange>,
    /// Why an entry's status could not be learned (the panel's per-item error, or no answer
    /// for it), by order book entry id.
    pub problems: BTreeMap<String, String>,
}

/// Asks the panel for the status of `open` orders (chunks of at most 100), records what it
/// sees, and returns what it asked, what changed and what could not be learned. The one path
/// by which `smm sync` and `smm orders --check` record statuses.
pub fn statuses(panel: &dyn Panel, book: &Book, open: &[Entry]) -> anyhow::Result<Asked> {
    let by_order = by_order(open);
    let mut ids: Vec<u64> = by_order.keys().filter_map(|o| o.parse().ok()).collect();
    ids.sort_unstable();
    if ids.is_empty() {
        return Ok(Asked::default());
    }
    let sent = asked_now();
    let rows = panel.status(&ids)?.value;
    let mut asked = Asked {
        count: ids.len(),
        ..Asked::default()
    };
    let mut seen: Vec<(String, Seen)> = Vec::new();
    let mut answered: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for row in rows {
        for entry in by_order.get(&row.id).into_iter().flatten() {
            answered.insert(&entry.id);
            match &row.result {
                Ok(status) => seen.push((entry.id.clone(), self::seen(status.clone()))),
                Err(e) => {
                    asked.problems.insert(entry.id.clone(), e.clone());
                }
            }
        }
    }
    // Entries whose id is no order number were not asked about.
    let asked_about = by_order.iter().filter(|(o, _)| o.parse::<u64>().is_ok());
    for (_, entries) in asked_about {
        for e in entries.iter().filter(|e| !answered.contains(e.id.as_str())) {
            asked
                .problems
                .insert(e.id.clone(), "not in the panel's answer".into());
        }
    }
    let pairs: Vec<(&str, &Seen)> = seen.iter().map(|(id, s)| (id.as_str(), s)).collect();
    let changes = book.record_statuses(sent, &pairs)?;
    let order_of: HashMap<&str, &str> = open
        .iter()
        .filter_map(|e| Some((e.id.as_str(), e.order.as_deref()?)))
        .collect();
    asked.changes = changes
        .into_iter()
        .map(|StatusChange { id, from, to }| OrderChange {
            order: order_of.get(id.as_str()).unwrap_or(&"?").to_string(),
            id,
            from,
            to,
        })
        .collect();
    Ok(asked)
}

/// The entries by the panel's order id (an id may appear on more than one entry).
fn by_order(entries: &[Entry]) -> HashMap<String, Vec<&Entry>> {
    let mut map: HashMap<String, Vec<&Entry>> = HashMap::new();
    for e in entries {
        if let Some(order) = &e.order {
            map.entry(order.clone()).or_default().push(e);
        }
    }
    map
}

/// A status as the order book records it.
fn seen(s: crate::panel::OrderStatus) -> Seen {
    Seen {
        finished: crate::panel::status::is_finished(&s.status),
        status: s.status,
        charge: s.charge,
        start_count: s.start_count,
        remains: s.remains,
        currency: s.currency,
    }
}

/// Now in unix microseconds: when a status request is sent, for [`Book::record_statuses`].
pub fn asked_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}
