//! What `smm sync` keeps in the order book: status changes (with their history), balances, each
//! profile's last catalogue and the changes seen in it; and [`statuses`], the one path by which
//! `smm sync` and `smm orders --check` ask a panel about open orders and record its word.

use super::db::{Db, DbError, Lock, Value, args, marks};

/// Orders per statement when statuses are recorded.
const BATCH: usize = 500;

/// `rows` rows of typed placeholders for a VALUES list: `(CAST(?1 AS TEXT), …), (…)`.
fn typed_rows(rows: usize, types: &[&str]) -> String {
    let width = types.len();
    (0..rows)
        .map(|r| {
            let row: Vec<String> = types
                .iter()
                .enumerate()
                .map(|(c, t)| format!("CAST(?{} AS {t})", r * width + c + 1))
                .collect();
            format!("({})", row.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}
use super::{Book, Entry, Seen, StatusChange};
use crate::book::catalogue::{Change, Kind, Snap};
use crate::panel::Panel;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

impl Book {
    /// Records the statuses seen on a panel, in one transaction; keeps a history of changes
    /// (and when the status last changed). `asked` is when the status request was sent (unix
    /// microseconds, [`asked_now`]): an order whose status came from a later request (another
    /// sync that overlapped this one) is left alone — the book never goes backwards. Texts
    /// are cut to [`limits`](super::limits). The orders are `profile`'s: writers of one
    /// profile's statuses take turns, two profiles' write at once (an order never changes
    /// profile). Returns the changes.
    pub fn record_statuses(
        &self,
        profile: &str,
        asked: i64,
        seen: &[(&str, &Seen)],
    ) -> anyhow::Result<Vec<StatusChange>> {
        self.record_inner(profile, asked, seen)
            .map_err(|e| self.explain(e))
    }

    /// `record_statuses` in SQL: one transaction every writer of the profile's statuses
    /// serialises on, a few statements per 500 orders (a server's round trips, not a statement
    /// per order).
    fn record_inner(
        &self,
        profile: &str,
        asked: i64,
        seen: &[(&str, &Seen)],
    ) -> Result<Vec<StatusChange>, DbError> {
        let db = &self.db;
        db.write(&[Lock::Key(format!("statuses\u{1f}{profile}"))], || {
            let mut changes = Vec::new();
            let mut batch: Vec<(&str, &Seen)> = Vec::new();
            let mut in_batch: std::collections::HashSet<&str> = std::collections::HashSet::new();
            for (id, s) in seen {
                // An order twice in one batch: the first one is written before the second.
                if batch.len() == BATCH || in_batch.contains(id) {
                    self.record_batch(asked, &batch, &mut changes)?;
                    batch.clear();
                    in_batch.clear();
                }
                batch.push((id, s));
                in_batch.insert(id);
            }
            self.record_batch(asked, &batch, &mut changes)?;
            Ok(changes)
        })
    }

    /// One batch of `record_inner` (no order twice): read what the book holds, then write the
    /// statuses that are not older than it holds, and the history of those that changed.
    fn record_batch(
        &self,
        asked: i64,
        batch: &[(&str, &Seen)],
        changes: &mut Vec<StatusChange>,
    ) -> Result<(), DbError> {
        use super::limits::{CURRENCY, NUMBER, STATUS, cut};
        if batch.is_empty() {
            return Ok(());
        }
        let db = &self.db;
        let blank = |s: &str, max| (!s.is_empty()).then(|| cut(s, max));
        let now = crate::time::now() as i64;
        let ids: Vec<Value> = batch.iter().map(|(id, _)| Value::from(*id)).collect();
        let before: HashMap<String, (Option<String>, Option<i64>)> = db
            .all(
                &format!(
                    "SELECT id, status, asked FROM orders WHERE id IN ({})",
                    marks(ids.len(), 1)
                ),
                &ids,
                |r| Ok((r.get::<String>(0)?, (r.get(1)?, r.get(2)?))),
            )?
            .into_iter()
            .collect();
        let mut rows: Vec<Value> = Vec::new();
        let mut history: Vec<Value> = Vec::new();
        for (id, s) in batch {
            let Some((was, last_asked)) = before.get(*id) else {
                continue;
            };
            if last_asked.is_some_and(|last| last > asked) {
                // A later request's answer is in the book already.
                continue;
            }
            let status = cut(&s.status, STATUS);
            rows.extend_from_slice(args![
                *id,
                status.as_str(),
                s.finished,
                s.charge.map(|c| cut(&c.to_string(), NUMBER)),
                blank(&s.start_count, NUMBER),
                blank(&s.remains, NUMBER),
                blank(&s.currency, CURRENCY),
                now,
                crate::panel::status::canonical(&s.status).map(|c| c.name()),
                asked
            ]);
            if was.as_deref() != Some(status.as_str()) {
                history.extend_from_slice(args![*id, now, was.as_deref(), status.as_str()]);
                changes.push(StatusChange {
                    id: id.to_string(),
                    from: was.clone(),
                    to: status,
                });
            }
        }
        if !rows.is_empty() {
            // Typed placeholders: PostgreSQL types a VALUES list from its first row.
            let types = [
                "TEXT", "TEXT", "BIGINT", "TEXT", "TEXT", "TEXT", "TEXT", "BIGINT", "TEXT",
                "BIGINT",
            ];
            let values = typed_rows(rows.len() / types.len(), &types);
            db.exec(
                &format!(
                    "UPDATE orders SET status = v.column2, finished = v.column3, charge = v.column4, \
                     start_count = v.column5, remains = v.column6, currency = v.column7, \
                     checked = v.column8, state = v.column9, asked = v.column10, \
                     ended = CASE WHEN orders.ended IS NULL AND v.column3 <> 0 THEN v.column8 \
                     ELSE orders.ended END, \
                     changed = CASE WHEN orders.status IS NULL THEN orders.changed \
                     WHEN orders.status IS NOT DISTINCT FROM v.column2 \
                     AND orders.remains IS NOT DISTINCT FROM v.column6 \
                     AND orders.start_count IS NOT DISTINCT FROM v.column5 THEN orders.changed \
                     ELSE v.column8 END \
                     FROM (VALUES {values}) AS v WHERE orders.id = v.column1"
                ),
                &rows,
            )?;
        }
        if !history.is_empty() {
            let values = typed_rows(history.len() / 4, &["TEXT", "BIGINT", "TEXT", "TEXT"]);
            db.exec(
                &format!(
                    "INSERT INTO status_history (order_id, seen, previous, status) VALUES {values}"
                ),
                &history,
            )?;
        }
        Ok(())
    }

    /// Records a profile's balance, with the time.
    pub fn record_balance(
        &self,
        profile: &str,
        amount: Decimal,
        currency: &str,
    ) -> anyhow::Result<()> {
        self.db
            .exec(
                "INSERT INTO balances (profile, seen, amount, currency) VALUES (?1, ?2, ?3, ?4)",
                args![
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
        let db = &self.db;
        let run = || -> Result<Vec<Change>, DbError> {
            db.write(&[Lock::Key(format!("catalogue\u{1f}{profile}"))], || {
                let changes = match last_catalogue(db, profile)? {
                    Some(before) => crate::book::catalogue::diff(
                        profile,
                        &before,
                        snaps,
                        crate::time::now() as i64,
                    ),
                    None => Vec::new(),
                };
                db.exec("DELETE FROM catalogue WHERE profile = ?1", args![profile])?;
                for s in snaps {
                    db.exec(
                        "INSERT INTO catalogue (profile, service, name, rate, min, max, refill, cancel) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (profile, service) DO UPDATE \
                         SET name = excluded.name, rate = excluded.rate, min = excluded.min, \
                         max = excluded.max, refill = excluded.refill, cancel = excluded.cancel",
                        args![
                            profile,
                            s.service.as_str(),
                            s.name.as_str(),
                            s.rate.map(|r| r.to_string()),
                            s.min.map(|n| n as i64),
                            s.max.map(|n| n as i64),
                            s.refill,
                            s.cancel
                        ],
                    )?;
                }
                for c in &changes {
                    db.exec(
                        "INSERT INTO catalogue_changes (seen, profile, service, name, change, old, new) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        args![
                            c.time,
                            c.profile.as_str(),
                            c.service.as_str(),
                            c.name.as_str(),
                            c.change.name(),
                            c.old.as_deref(),
                            c.new.as_deref()
                        ],
                    )?;
                }
                db.exec(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2) \
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    args![
                        format!("catalogue:{profile}"),
                        crate::time::rfc3339(crate::time::now() as i64)
                    ],
                )?;
                Ok(changes)
            })
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
        self.db
            .all(
                "SELECT seen, profile, service, name, change, old, new FROM catalogue_changes \
                 WHERE seen >= ?1 AND (CAST(?2 AS TEXT) IS NULL OR profile = ?2) ORDER BY seen DESC, seq DESC",
                args![since.unwrap_or(i64::MIN), profile],
                |r| {
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
                },
            )
            .map_err(|e| self.explain(e))
    }
}

/// A profile's catalogue as the last sync saw it, or None before its first sync.
fn last_catalogue(db: &Db, profile: &str) -> Result<Option<Vec<Snap>>, DbError> {
    let key = format!("catalogue:{profile}");
    let known: Option<String> =
        db.one("SELECT value FROM meta WHERE key = ?1", args![key], |r| {
            r.get(0)
        })?;
    if known.is_none() {
        return Ok(None);
    }
    let snaps = db.all(
        "SELECT service, name, rate, min, max, refill, cancel FROM catalogue \
         WHERE profile = ?1 ORDER BY rowid",
        args![profile],
        |r| {
            Ok(Snap {
                service: r.get(0)?,
                name: r.get(1)?,
                rate: r.get::<Option<String>>(2)?.and_then(|t| t.parse().ok()),
                min: r.get::<Option<i64>>(3)?.map(|n| n as u64),
                max: r.get::<Option<i64>>(4)?.map(|n| n as u64),
                refill: r.get(5)?,
                cancel: r.get(6)?,
            })
        },
    )?;
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

/// Asks the panel for the status of `open` orders (chunks of at most 100, `in_flight` at
/// once), records what it sees, and returns what it asked, what changed and what could not be
/// learned. The one path by which `smm sync` and `smm orders --check` record statuses.
///
/// The ids go out in groups of four rounds of requests (`in_flight` × 100 × 4 ids), and each
/// group's statuses are written while the next group is asked (and before the one after it
/// is): a book on a server costs the run little more than its last group's write. A group
/// whose every request failed makes its orders' problems — unless no group got an answer:
/// then the run fails, as one request would.
pub fn statuses(
    panel: &dyn Panel,
    book: &Book,
    open: &[Entry],
    in_flight: usize,
) -> anyhow::Result<Asked> {
    let by_order = by_order(open);
    let mut ids: Vec<u64> = by_order.keys().filter_map(|o| o.parse().ok()).collect();
    ids.sort_unstable();
    if ids.is_empty() {
        return Ok(Asked::default());
    }
    let mut asked = Asked {
        count: ids.len(),
        ..Asked::default()
    };
    let order_of: HashMap<&str, &str> = open
        .iter()
        .filter_map(|e| Some((e.id.as_str(), e.order.as_deref()?)))
        .collect();
    let group = crate::ids::CHUNK * in_flight.max(1) * 4;
    let mut answered: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut first_error = None;
    let mut any_answer = false;
    std::thread::scope(|scope| -> anyhow::Result<()> {
        // One group asked ahead, no more: a group is handed over (a rendezvous, no buffer)
        // when the book takes it, so the next is asked while it is written, and the one after
        // only once it is written. (A buffer of one would let the panel run two groups ahead.)
        let (tx, rx) = std::sync::mpsc::sync_channel(0);
        let ids = &ids;
        scope.spawn(move || {
            for g in ids.chunks(group) {
                let sent = asked_now();
                let rows = panel.status(g).map(|a| a.value);
                if tx.send((g, sent, rows)).is_err() {
                    break;
                }
            }
        });
        for (g, sent, rows) in rx {
            let rows = match rows {
                Ok(rows) => rows,
                Err(e) => {
                    for id in g {
                        for entry in by_order.get(&id.to_string()).into_iter().flatten() {
                            answered.insert(&entry.id);
                            asked.problems.insert(entry.id.clone(), format!("{e:#}"));
                        }
                    }
                    first_error.get_or_insert(e);
                    continue;
                }
            };
            any_answer = true;
            // Each profile's statuses in a transaction of its own (one, as a rule).
            let mut seen: BTreeMap<&str, Vec<(String, Seen)>> = BTreeMap::new();
            for row in rows {
                for entry in by_order.get(&row.id).into_iter().flatten() {
                    answered.insert(&entry.id);
                    match &row.result {
                        Ok(status) => seen
                            .entry(&entry.profile)
                            .or_default()
                            .push((entry.id.clone(), self::seen(status.clone()))),
                        Err(e) => {
                            asked.problems.insert(entry.id.clone(), e.clone());
                        }
                    }
                }
            }
            for (profile, seen) in &seen {
                let pairs: Vec<(&str, &Seen)> =
                    seen.iter().map(|(id, s)| (id.as_str(), s)).collect();
                let changes = book.record_statuses(profile, sent, &pairs)?;
                asked
                    .changes
                    .extend(
                        changes
                            .into_iter()
                            .map(|StatusChange { id, from, to }| OrderChange {
                                order: order_of.get(id.as_str()).unwrap_or(&"?").to_string(),
                                id,
                                from,
                                to,
                            }),
                    );
            }
        }
        Ok(())
    })?;
    if let (false, Some(e)) = (any_answer, first_error) {
        return Err(e);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::tests::order;
    use crate::book::{Outcome, Query, testing};
    use crate::config::Profile;
    use crate::panel::{Answer, OrderStatus, Raw, Row};
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    /// Open orders in a test book: three groups of ids with `in_flight` = 1 (400, 400, 200).
    const N: u64 = 1000;

    /// How a fake panel answers a group: its index (0 first) and ids.
    type Answerer<'a> = dyn Fn(usize, &[u64]) -> anyhow::Result<Vec<Row<OrderStatus>>> + Sync + 'a;

    /// A panel that answers status requests through `answer` and keeps the ids of each.
    struct Fake<'a> {
        profile: Profile,
        requests: Mutex<Vec<Vec<u64>>>,
        answer: Box<Answerer<'a>>,
    }

    impl<'a> Fake<'a> {
        fn new(
            answer: impl Fn(usize, &[u64]) -> anyhow::Result<Vec<Row<OrderStatus>>> + Sync + 'a,
        ) -> Fake<'a> {
            let text = "[profiles.p]\nurl = \"https://panel.example/api/v2\"\nkey = \"k\"\n";
            let config = crate::config::Config {
                path: "config.toml".into(),
                file: crate::config::parse(text).unwrap(),
            };
            Fake {
                profile: config.profile(Some("p")).unwrap(),
                requests: Mutex::new(Vec::new()),
                answer: Box::new(answer),
            }
        }

        /// The ids of each request, in the order they were asked.
        fn requests(&self) -> Vec<Vec<u64>> {
            self.requests.lock().unwrap().clone()
        }
    }

    impl Panel for Fake<'_> {
        fn profile(&self) -> &Profile {
            &self.profile
        }

        fn status(&self, ids: &[u64]) -> anyhow::Result<Answer<Vec<Row<OrderStatus>>>> {
            let group = {
                let mut requests = self.requests.lock().unwrap();
                requests.push(ids.to_vec());
                requests.len() - 1
            };
            let value = (self.answer)(group, ids)?;
            Ok(Answer {
                raw: Raw::Merged(serde_json::Value::Null),
                value,
            })
        }
    }

    /// The status the fake panel reports for order `id`: even ids completed, odd ones running.
    fn status_of(id: u64) -> OrderStatus {
        let done = id.is_multiple_of(2);
        OrderStatus {
            status: if done { "Completed" } else { "In progress" }.into(),
            charge: Some(Decimal::new(id as i64, 3)),
            start_count: (id % 50).to_string(),
            remains: if done {
                "0".into()
            } else {
                (id % 97).to_string()
            },
            currency: "USD".into(),
            thread: None,
        }
    }

    /// Rows of `status_of` for every id.
    fn rows(ids: &[u64]) -> Vec<Row<OrderStatus>> {
        ids.iter()
            .map(|&id| Row {
                id: id.to_string(),
                result: Ok(status_of(id)),
            })
            .collect()
    }

    /// Places `N` orders with panel order ids 70000–70999 in an order unlike theirs, and one
    /// more that shares the first one's panel order id; returns the open orders.
    fn placed(book: &Book) -> Vec<Entry> {
        let panel_id = |i: u64| 70_000 + (i * 389) % N;
        for i in 0..=N {
            let id = book.begin(&order(i + 1), 0, true).unwrap().unwrap();
            let order = panel_id(i % N).to_string();
            book.finish(&id, Outcome::Placed, Some(&order), None, 1)
                .unwrap();
        }
        let open = book.unfinished(&Query::default()).unwrap();
        assert_eq!(open.len() as u64, N + 1);
        open
    }

    /// Every panel order id of `open`, once, ascending.
    fn ids(open: &[Entry]) -> Vec<u64> {
        let mut ids: Vec<u64> = open
            .iter()
            .map(|e| e.order.as_deref().unwrap().parse().unwrap())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Every entry of the book, by entry id.
    fn entries(book: &Book) -> BTreeMap<String, Entry> {
        let mut all = BTreeMap::new();
        book.list(&Query::default(), |e| {
            all.insert(e.id.clone(), e);
            Ok(())
        })
        .unwrap();
        all
    }

    /// The panel order id of an entry.
    fn number(e: &Entry) -> u64 {
        e.order.as_deref().unwrap().parse().unwrap()
    }

    /// Whether `e` holds what `status_of` reports for it.
    fn holds_status(e: &Entry) -> bool {
        let s = status_of(number(e));
        e.status.as_deref() == Some(s.status.as_str())
            && e.charge == s.charge.map(|c| c.to_string())
            && e.start_count.as_deref() == Some(s.start_count.as_str())
            && e.remains.as_deref() == Some(s.remains.as_str())
            && e.currency.as_deref() == Some("USD")
            && e.checked.is_some()
    }

    /// Whether `e` holds no status at all (as placed).
    fn untouched(e: &Entry) -> bool {
        e.status.is_none() && e.checked.is_none() && e.charge.is_none() && e.remains.is_none()
    }

    #[test]
    fn statuses_go_out_in_ascending_groups_of_400_and_all_are_recorded() {
        for t in testing::books() {
            let (book, backend) = (&t.book, t.book.backend());
            let open = placed(book);
            let ids = ids(&open);
            assert_eq!(ids.len() as u64, N);
            let panel = Fake::new(|_, ids| Ok(rows(ids)));
            let asked = statuses(&panel, book, &open, 1).unwrap();
            assert_eq!(asked.count, ids.len(), "{backend}");
            assert!(asked.problems.is_empty(), "{backend}: {:?}", asked.problems);
            let requests = panel.requests();
            let sizes: Vec<usize> = requests.iter().map(Vec::len).collect();
            assert_eq!(sizes, [400, 400, 200], "{backend}");
            assert_eq!(requests.concat(), ids, "{backend}: each id once, ascending");

            let all = entries(book);
            assert_eq!(all.len(), open.len());
            for e in all.values() {
                assert!(holds_status(e), "{backend}: {e:?}");
            }
            // One change per entry (two entries share an order id), from nothing.
            assert_eq!(asked.changes.len(), open.len(), "{backend}");
            for c in &asked.changes {
                let e = &all[&c.id];
                assert_eq!(c.order, e.order.clone().unwrap());
                assert_eq!(c.from, None);
                assert_eq!(c.to, status_of(number(e)).status);
            }
            let changed: std::collections::BTreeSet<&str> =
                asked.changes.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(changed.len(), open.len(), "{backend}: each entry once");

            // The running ones again: they end partial, and only they change.
            let running = book.unfinished(&Query::default()).unwrap();
            let running_ids = self::ids(&running);
            assert!(running_ids.iter().all(|id| !id.is_multiple_of(2)));
            assert_eq!(running_ids.len() as u64, N / 2);
            let panel = Fake::new(|_, ids| {
                Ok(ids
                    .iter()
                    .map(|&id| Row {
                        id: id.to_string(),
                        result: Ok(OrderStatus {
                            status: "Partial".into(),
                            ..status_of(id)
                        }),
                    })
                    .collect())
            });
            let again = statuses(&panel, book, &running, 1).unwrap();
            assert_eq!(again.count, running_ids.len(), "{backend}");
            assert_eq!(panel.requests().concat(), running_ids, "{backend}");
            assert_eq!(again.changes.len(), running.len(), "{backend}");
            for c in &again.changes {
                assert_eq!(c.from.as_deref(), Some("In progress"));
                assert_eq!(c.to, "Partial");
            }
            assert!(book.unfinished(&Query::default()).unwrap().is_empty());
        }
    }

    #[test]
    fn a_failed_group_makes_its_orders_problems_and_the_others_are_recorded() {
        for t in testing::books() {
            let (book, backend) = (&t.book, t.book.backend());
            let open = placed(book);
            let ids = ids(&open);
            // The third group: one order the panel does not know, one it leaves out.
            let (unknown, left_out) = (ids[850], ids[900]);
            let panel = Fake::new(|group, ids| match group {
                1 => Err(anyhow::anyhow!("HTTP 502 Bad Gateway").context("status request")),
                _ => Ok(rows(ids)
                    .into_iter()
                    .filter(|r| r.id != left_out.to_string())
                    .map(|r| match r.id == unknown.to_string() {
                        true => Row {
                            id: r.id,
                            result: Err("Incorrect order ID".into()),
                        },
                        false => r,
                    })
                    .collect()),
            });
            let asked = statuses(&panel, book, &open, 1).unwrap();
            assert_eq!(asked.count, ids.len(), "{backend}");
            assert_eq!(panel.requests().len(), 3, "{backend}");
            let failed = &ids[400..800];
            let mut expected = BTreeMap::new();
            for e in &open {
                let n = number(e);
                let problem = if failed.contains(&n) {
                    "status request: HTTP 502 Bad Gateway"
                } else if n == unknown {
                    "Incorrect order ID"
                } else if n == left_out {
                    "not in the panel's answer"
                } else {
                    continue;
                };
                expected.insert(e.id.clone(), problem.to_string());
            }
            assert_eq!(expected.len(), 402);
            assert_eq!(asked.problems, expected, "{backend}");

            let all = entries(book);
            for e in all.values() {
                match expected.contains_key(&e.id) {
                    true => assert!(untouched(e), "{backend}: {e:?}"),
                    false => assert!(holds_status(e), "{backend}: {e:?}"),
                }
            }
            let recorded = all.values().filter(|e| e.status.is_some()).count();
            assert_eq!(recorded, open.len() - 402, "{backend}");
            assert_eq!(asked.changes.len(), recorded, "{backend}");
        }
    }

    #[test]
    fn when_every_group_fails_the_call_fails_and_nothing_is_recorded() {
        for t in testing::books() {
            let (book, backend) = (&t.book, t.book.backend());
            let open = placed(book);
            let panel = Fake::new(|group, _| Err(anyhow::anyhow!("HTTP 503 on group {group}")));
            let err = statuses(&panel, book, &open, 1).unwrap_err();
            assert_eq!(format!("{err:#}"), "HTTP 503 on group 0", "{backend}");
            assert_eq!(panel.requests().len(), 3, "{backend}");
            let all = entries(book);
            assert_eq!(all.len(), open.len());
            assert!(all.values().all(untouched), "{backend}");
        }
    }

    /// Whether the book holds a status for every entry of the orders `ids`.
    fn written(book: &Mutex<Book>, ids: &[u64]) -> bool {
        let book = book.lock().unwrap();
        entries(&book)
            .values()
            .filter(|e| ids.contains(&number(e)))
            .all(|e| e.status.is_some())
    }

    #[test]
    fn a_group_is_written_while_the_next_is_asked_and_before_the_one_after() {
        for t in testing::books() {
            let (book, backend) = (&t.book, t.book.backend());
            let open = placed(book);
            let ids = ids(&open);
            let groups: Vec<&[u64]> = ids.chunks(400).collect();
            // The fake panel looks at the book through a connection of its own.
            let other = Mutex::new(t.reopen());
            let (release, released) = std::sync::mpsc::channel::<()>();
            let seen_at_third = Mutex::new(None);
            let panel = Fake::new(|group, asked| {
                if group == 2 {
                    // The first group is written before the third is asked: the panel is
                    // never more than one group ahead of the book.
                    *seen_at_third.lock().unwrap() = Some(written(&other, groups[0]));
                    let _ = release.send(());
                    // The second group is written while the third is asked.
                    let start = Instant::now();
                    while !written(&other, groups[1]) {
                        assert!(
                            start.elapsed() < Duration::from_secs(60),
                            "the second group was not written while the third was asked"
                        );
                        std::thread::sleep(Duration::from_millis(5));
                    }
                }
                Ok(rows(asked))
            });
            let asked = std::thread::scope(|scope| {
                // Another writer holds the profile's statuses until the third group is asked,
                // so the first cannot be written before then; as the third is only asked once
                // the first is written, the holder lets go after half a second by itself.
                let (held, holding) = std::sync::mpsc::channel();
                let holder = t.reopen();
                scope.spawn(move || {
                    holder
                        .db
                        .write(&[Lock::Key("statuses\u{1f}p".into())], || {
                            held.send(()).unwrap();
                            let _ = released.recv_timeout(Duration::from_millis(500));
                            Ok(())
                        })
                        .unwrap();
                });
                holding.recv().unwrap();
                statuses(&panel, book, &open, 1).unwrap()
            });
            assert_eq!(panel.requests().len(), 3, "{backend}");
            assert_eq!(
                *seen_at_third.lock().unwrap(),
                Some(true),
                "{backend}: the third group was asked before the first was written"
            );
            assert!(asked.problems.is_empty(), "{backend}");
            assert!(entries(book).values().all(holds_status), "{backend}");
        }
    }
}
