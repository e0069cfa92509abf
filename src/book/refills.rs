//! Refills in the order book: every refill request smm sends (the order, when it was asked, the
//! panel's refill id or its refusal), each status seen after, and the one indexed query that
//! finds the orders due a refill.
//!
//! A request is written down (as `Unknown`) before it is sent and updated with the panel's
//! answer after, like an order: a crash or a timeout leaves it counted as asked, never lost;
//! an answer the book cannot take (locked past the lock timeout, a full disk) is kept in a side
//! file the next run folds in, as an order's outcome is ([`pending`](super::pending)).

use super::Book;
use super::db::{Db, DbError, Lock, Row as DbRow, Value, args};
use crate::panel::status::{RefillState, refill_state};
use crate::panel::{Answer, Panel, PanelError, Row, unanswered};
use serde::{Deserialize, Serialize};

/// The schema migration that adds refills (and when the book first saw an order finished).
pub const MIGRATION: &str = "
ALTER TABLE orders ADD COLUMN ended INTEGER;    -- unix seconds the book first saw it finished
UPDATE orders SET ended = COALESCE(
    (SELECT MIN(h.seen) FROM status_history h WHERE h.order_id = orders.id AND h.status = orders.status),
    created) WHERE finished = 1;
CREATE INDEX orders_refill ON orders (profile, state, ended);
CREATE TABLE refills (
    seq         INTEGER PRIMARY KEY,
    order_id    TEXT,                           -- orders.id (NULL: an order the book does not know)
    profile     TEXT NOT NULL,
    url         TEXT NOT NULL,                  -- the panel endpoint, query string hidden
    panel_order TEXT NOT NULL,                  -- the panel's order id
    requested   INTEGER NOT NULL,               -- unix seconds, written before it is sent
    answered    INTEGER,
    refill      TEXT,                           -- the panel's refill id
    error       TEXT,                           -- the refusal (or why no answer came)
    disabled    INTEGER NOT NULL DEFAULT 0,     -- the panel said refills are disabled for it
    state       TEXT NOT NULL,                  -- Unknown, Refused, Pending, In progress, Completed, Rejected, Not found
    status      TEXT,                           -- the last refill status, as the panel wrote it
    finished    INTEGER NOT NULL DEFAULT 1,     -- 0 while Pending or In progress
    checked     INTEGER                         -- unix seconds of the last status
);
CREATE INDEX refills_order ON refills (profile, panel_order);
CREATE INDEX refills_open ON refills (finished, profile);
CREATE INDEX refills_requested ON refills (requested);
CREATE TABLE refill_history (
    refill_seq INTEGER NOT NULL,                -- refills.seq
    seen       INTEGER NOT NULL,
    state      TEXT NOT NULL,
    status     TEXT,                            -- as the panel wrote it
    alerted    INTEGER                          -- unix seconds smm sync took it for its alerts
);
CREATE INDEX refill_history_refill ON refill_history (refill_seq, seen);
CREATE INDEX refill_history_unalerted ON refill_history (refill_seq) WHERE alerted IS NULL;
";

/// An order a refill is asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Ask {
    /// The profile.
    pub profile: String,
    /// The panel endpoint (display form).
    pub url: String,
    /// The panel's order id.
    pub order: String,
}

/// What the panel answered to one refill request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answered {
    /// The refill id.
    Refill(String),
    /// The panel's refusal text.
    Refused(String),
    /// No answer came for it (why): it counts as asked.
    Unknown(String),
}

impl Answered {
    /// The answer with its text cut to the book's [`limits`](super::limits) (as it is
    /// recorded and reported).
    pub fn cut(&self) -> Answered {
        use super::limits::{ERROR, NUMBER, cut};
        match self {
            Answered::Refill(id) => Answered::Refill(cut(id, NUMBER)),
            Answered::Refused(text) => Answered::Refused(cut(text, ERROR)),
            Answered::Unknown(why) => Answered::Unknown(cut(why, ERROR)),
        }
    }
}

/// What the panel answered to one refill request the book wrote down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefillAnswer {
    /// The request's number in the book.
    pub seq: i64,
    /// The panel's order id it asked a refill for.
    pub order: String,
    /// What the panel answered.
    pub answer: Answered,
}

/// What `refill_status` said of one refill: its status text, or the panel's per-item error.
pub type Said = Result<String, String>;

/// One status seen, with its time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// smm's state then.
    pub status: String,
    /// The panel's text, when it said one.
    pub panel_status: Option<String>,
    /// When (RFC 3339).
    #[serde(serialize_with = "crate::time::serialize_rfc3339")]
    pub seen: i64,
}

/// One refill request as the book holds it (`smm refills --json` prints these).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Refill {
    /// The book's number for it.
    #[serde(skip)]
    pub seq: i64,
    /// The profile.
    pub profile: String,
    /// The panel's order id.
    pub order: String,
    /// The panel's refill id (none when refused or unanswered).
    pub refill: Option<String>,
    /// Where it stands: Unknown, Refused, Pending, In progress, Completed, Rejected, Not found.
    pub status: String,
    /// The refusal, or why no answer came.
    pub error: Option<String>,
    /// When it was asked (RFC 3339).
    #[serde(serialize_with = "crate::time::serialize_rfc3339")]
    pub requested: i64,
    /// The last refill status, as the panel wrote it.
    pub panel_status: Option<String>,
    /// When the status was last asked (RFC 3339).
    #[serde(serialize_with = "crate::time::serialize_rfc3339_opt")]
    pub checked: Option<i64>,
    /// The order book entry of the order (none for an order the book does not know).
    pub entry: Option<String>,
    /// The panel endpoint.
    pub url: String,
    /// Whether the panel said refills are disabled for this order (it is never asked again).
    pub disabled: bool,
    /// Every status seen, oldest first.
    pub history: Vec<Step>,
}

/// A refill asked about, as `record_refill_statuses` saw it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RefillChange {
    /// The panel's order id.
    pub order: String,
    /// The panel's refill id.
    pub refill: String,
    /// The state before.
    pub from: String,
    /// The state now.
    pub to: String,
    /// What the panel said: its status text, or its error.
    pub said: String,
}

impl RefillChange {
    /// Whether the state changed.
    pub fn changed(&self) -> bool {
        self.from != self.to
    }
}

/// Which refills `smm refills` lists.
#[derive(Debug, Clone, Default)]
pub struct RefillQuery {
    /// Only those asked at or after this unix time.
    pub since: Option<i64>,
    /// Only this profile's.
    pub profile: Option<String>,
    /// Only those in this state (any spelling a panel uses, or a state's name).
    pub status: Option<String>,
    /// The newest N (0: all).
    pub limit: usize,
}

/// The rules that make an order of one profile due a refill.
#[derive(Debug, Clone)]
pub struct DueRule<'a> {
    /// The profile.
    pub profile: &'a str,
    /// The panel endpoint the orders were placed on (display form).
    pub url: &'a str,
    /// The services the profile's catalogue offers refills for.
    pub refillable: &'a [u64],
    /// Seconds after it finished that an order may be refilled (`refill_period`).
    pub period: u64,
    /// Seconds between two refill requests of one order (`refill_every`).
    pub every: u64,
    /// Now (unix seconds).
    pub now: i64,
}

/// An order due a refill.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Due {
    /// The panel's order id.
    pub order: String,
    /// The order book entry.
    pub entry: String,
    /// The service.
    pub service: u64,
    /// Its last status (canonical: Completed or Partial).
    pub status: String,
    /// When the book first saw it finished (RFC 3339).
    #[serde(serialize_with = "crate::time::serialize_rfc3339")]
    pub finished: i64,
}

/// The due-order query (`{services}`: [`Db::int_list`] of ?4): rules 1–5 in one statement on the `orders_refill` and `refills_order`
/// indexes. 1: placed, last status Completed or Partial; 2: a refillable service; 3: finished
/// after the period's start; 4 and 5: no refill of it pending, asked since `every`, or refused
/// as disabled.
const DUE_SQL: &str = "
SELECT o.panel_order, o.id, o.service, o.state, o.ended FROM orders o
WHERE o.profile = ?1 AND o.state IN ('Completed', 'Partial') AND o.ended > ?2
  AND o.url = ?3 AND o.outcome = 'placed' AND o.panel_order IS NOT NULL
  AND o.service IN ({services})
  AND NOT EXISTS (SELECT 1 FROM refills r WHERE r.profile = o.profile
      AND r.panel_order = o.panel_order
      AND (r.disabled = 1 OR r.finished = 0 OR r.requested > ?5))
ORDER BY o.seq";

/// The columns every refill query reads, in `refill` order.
const REFILL_COLUMNS: &str = "seq, profile, panel_order, refill, state, error, requested, status, \
    checked, order_id, url, disabled";

/// A refill from a row of `REFILL_COLUMNS` (its history read apart).
fn refill(row: &DbRow) -> Result<Refill, DbError> {
    Ok(Refill {
        seq: row.get(0)?,
        profile: row.get(1)?,
        order: row.get(2)?,
        refill: row.get(3)?,
        status: row.get(4)?,
        error: row.get(5)?,
        requested: row.get(6)?,
        panel_status: row.get(7)?,
        checked: row.get(8)?,
        entry: row.get(9)?,
        url: row.get(10)?,
        disabled: row.get(11)?,
        history: Vec::new(),
    })
}

/// Whether a refusal says refills are disabled for the order (it is never asked again).
pub fn says_disabled(text: &str) -> bool {
    text.to_lowercase().contains("disabled")
}

/// What every refill write serialises on: two runs never claim, answer or record one
/// refill twice.
fn refills_lock() -> [Lock; 1] {
    [Lock::Key("refills".to_string())]
}

impl Book {
    /// The orders of `rule.profile` due a refill, oldest first (each panel order once).
    pub fn due_refills(&self, rule: &DueRule) -> anyhow::Result<Vec<Due>> {
        due(&self.db, rule).map_err(|e| self.explain(e))
    }

    /// Writes a refill request down (as `Unknown`, asked at `rule.now`) for each of `due`
    /// that is still due — no refill of it pending, refused as disabled, or asked since
    /// `rule.every` (another run may have claimed it since it was found) — in one write
    /// transaction, so that two runs (or machines) never ask twice. Returns each request's
    /// number with its order.
    pub fn claim_refills(&self, rule: &DueRule, due: &[Due]) -> anyhow::Result<Vec<(i64, Due)>> {
        let db = &self.db;
        let every = i64::try_from(rule.every).unwrap_or(i64::MAX);
        let run = || -> Result<Vec<(i64, Due)>, DbError> {
            db.write(&refills_lock(), || {
                let mut claimed = Vec::with_capacity(due.len());
                for d in due {
                    let seq = db.one(
                        CLAIM_SQL,
                        args![
                            &d.entry,
                            rule.profile,
                            rule.url,
                            &d.order,
                            rule.now,
                            rule.now.saturating_sub(every)
                        ],
                        |r| r.get::<i64>(0),
                    )?;
                    if let Some(seq) = seq {
                        claimed.push((seq, d.clone()));
                    }
                }
                Ok(claimed)
            })
        };
        run().map_err(|e| self.explain_unsent(e))
    }

    /// Writes refill requests of `asks` down (as `Unknown`, asked now), each tied to the order
    /// book entry of its order when the book knows it. Returns their numbers, in order.
    pub fn ask_refills(&self, asks: &[Ask]) -> anyhow::Result<Vec<i64>> {
        let db = &self.db;
        let run = || -> Result<Vec<i64>, DbError> {
            db.write(&refills_lock(), || {
                let now = crate::time::now() as i64;
                let mut seqs = Vec::with_capacity(asks.len());
                for a in asks {
                    let id = db.one(
                        "SELECT id FROM orders WHERE profile = ?1 AND panel_order = ?2 \
                         ORDER BY CASE WHEN url = ?3 THEN 0 ELSE 1 END, seq DESC LIMIT 1",
                        args![&a.profile, &a.order, &a.url],
                        |r| r.get::<String>(0),
                    )?;
                    let seq = db.one(
                        INSERT_SQL,
                        args![id, &a.profile, &a.url, &a.order, now],
                        |r| r.get::<i64>(0),
                    )?;
                    seqs.push(seq.ok_or_else(|| DbError::Other("no refill written".into()))?);
                }
                Ok(seqs)
            })
        };
        run().map_err(|e| self.explain_unsent(e))
    }

    /// Records what the panel answered to refill requests, answered now, in one transaction.
    pub fn refill_answers(&self, answers: &[RefillAnswer]) -> anyhow::Result<()> {
        self.refill_answers_at(answers, crate::time::now() as i64)
    }

    /// Records what the panel answered at `answered` to refill requests, in one transaction.
    /// Only a request still unanswered, of the order the answer names, is written: an answer
    /// written twice (a side file folded after the book took it after all) changes nothing.
    pub(super) fn refill_answers_at(
        &self,
        answers: &[RefillAnswer],
        answered: i64,
    ) -> anyhow::Result<()> {
        let db = &self.db;
        let run = || -> Result<(), DbError> {
            db.write(&refills_lock(), || {
                for a in answers {
                    let disabled = matches!(&a.answer, Answered::Refused(t) if says_disabled(t));
                    let (refill, error, state) = match a.answer.cut() {
                        Answered::Refill(id) => (Some(id), None, RefillState::Pending),
                        Answered::Refused(text) => (None, Some(text), RefillState::Refused),
                        Answered::Unknown(why) => (None, Some(why), RefillState::Unknown),
                    };
                    let written = db.exec(
                        "UPDATE refills SET answered = ?2, refill = ?3, error = ?4, disabled = ?5, \
                         state = ?6, finished = ?7 \
                         WHERE seq = ?1 AND panel_order = ?8 AND answered IS NULL",
                        args![
                            a.seq,
                            answered,
                            refill,
                            error,
                            disabled,
                            state.name(),
                            !state.is_pending(),
                            &a.order
                        ],
                    )?;
                    if written > 0 {
                        db.exec(
                            HISTORY_SQL,
                            args![a.seq, answered, state.name(), None::<String>],
                        )?;
                    }
                }
                Ok(())
            })
        };
        run().map_err(|e| self.explain(e))
    }

    /// The refills of `profile` on `url` the panel is still working on (Pending, In progress),
    /// oldest first.
    pub fn open_refills(&self, profile: &str, url: &str) -> anyhow::Result<Vec<Refill>> {
        self.db
            .all(
                &format!(
                    "SELECT {REFILL_COLUMNS} FROM refills WHERE finished = 0 AND profile = ?1 \
                     AND url = ?2 AND refill IS NOT NULL ORDER BY seq"
                ),
                args![profile, url],
                refill,
            )
            .map_err(|e| self.explain(e))
    }

    /// Records what `refill_status` said of refills (by number), in one transaction; keeps
    /// every change in the history. Returns each refill found, its state before and after.
    pub fn record_refill_statuses(
        &self,
        seen: &[(i64, Said)],
    ) -> anyhow::Result<Vec<RefillChange>> {
        let db = &self.db;
        let run = || -> Result<Vec<RefillChange>, DbError> {
            db.write(&refills_lock(), || {
                let now = crate::time::now() as i64;
                let mut changes = Vec::new();
                for (seq, said) in seen {
                    use super::limits::{ERROR, STATUS, cut};
                    let said: Said = match said {
                        Ok(text) => Ok(cut(text, STATUS)),
                        Err(e) => Err(cut(e, ERROR)),
                    };
                    let said = &said;
                    type Was = (String, Option<String>, String, Option<String>);
                    let was: Option<Was> = db.one(
                        "SELECT state, status, panel_order, refill FROM refills WHERE seq = ?1",
                        args![*seq],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                    )?;
                    let Some((state, status, order, refill)) = was else {
                        continue;
                    };
                    let old = RefillState::parse(&state).unwrap_or(RefillState::Pending);
                    let (new, text, error) = match said {
                        Ok(text) => (refill_state(text).unwrap_or(old), Some(text.clone()), None),
                        Err(e) if e.to_lowercase().contains("not found") => {
                            (RefillState::NotFound, status.clone(), Some(e.clone()))
                        }
                        Err(e) => (old, status.clone(), Some(e.clone())),
                    };
                    db.exec(
                        "UPDATE refills SET state = ?2, status = ?3, error = ?4, finished = ?5, \
                         checked = ?6 WHERE seq = ?1",
                        args![
                            *seq,
                            new.name(),
                            text.clone(),
                            error,
                            !new.is_pending(),
                            now
                        ],
                    )?;
                    if new != old || text != status {
                        db.exec(HISTORY_SQL, args![*seq, now, new.name(), text])?;
                    }
                    changes.push(RefillChange {
                        order,
                        refill: refill.unwrap_or_default(),
                        from: old.name().to_string(),
                        to: new.name().to_string(),
                        said: match said {
                            Ok(t) | Err(t) => t.clone(),
                        },
                    });
                }
                Ok(changes)
            })
        };
        run().map_err(|e| self.explain(e))
    }

    /// The refills of `profile` with these panel refill ids (the newest of each), for
    /// `smm refill-status IDS` to record what it learns.
    pub fn refills_by_id(&self, profile: &str, ids: &[u64]) -> anyhow::Result<Vec<(String, i64)>> {
        let run = || -> Result<Vec<(String, i64)>, DbError> {
            let mut found = Vec::new();
            for id in ids {
                let id = id.to_string();
                let seq = self.db.one(
                    "SELECT seq FROM refills WHERE profile = ?1 AND refill = ?2 \
                     ORDER BY seq DESC LIMIT 1",
                    args![profile, &id],
                    |r| r.get::<i64>(0),
                )?;
                if let Some(seq) = seq {
                    found.push((id, seq));
                }
            }
            Ok(found)
        };
        run().map_err(|e| self.explain(e))
    }

    /// The refills of `profile` that ended Rejected and that no sync has taken for its alerts
    /// yet (whichever command recorded it: `smm sync` or `smm refill-status`), oldest first, as
    /// (panel order id, panel refill id); every step of the profile's refill history not yet
    /// taken is marked taken in the same transaction, so each is returned once.
    pub fn unalerted_refill_rejections(
        &self,
        profile: &str,
    ) -> anyhow::Result<Vec<(String, String)>> {
        let db = &self.db;
        let run = || -> Result<Vec<(String, String)>, DbError> {
            db.write(&[Lock::Key(format!("alerts\u{1f}{profile}"))], || {
                let rejected = db.all(
                    "SELECT r.panel_order, COALESCE(r.refill, '?') FROM refill_history h \
                     JOIN refills r ON r.seq = h.refill_seq \
                     WHERE h.alerted IS NULL AND r.profile = ?1 AND h.state = ?2 \
                     ORDER BY h.seen, h.rowid",
                    args![profile, RefillState::Rejected.name()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                db.exec(
                    "UPDATE refill_history SET alerted = ?2 WHERE alerted IS NULL \
                     AND refill_seq IN (SELECT r.seq FROM refills r WHERE r.profile = ?1)",
                    args![profile, crate::time::now() as i64],
                )?;
                Ok(rejected)
            })
        };
        run().map_err(|e| self.explain(e))
    }

    /// The refills `query` selects, newest first, each with its history.
    pub fn refills(&self, query: &RefillQuery) -> anyhow::Result<Vec<Refill>> {
        let run = || -> Result<Vec<Refill>, DbError> {
            let mut terms: Vec<&str> = Vec::new();
            let mut values: Vec<Value> = Vec::new();
            if let Some(since) = query.since {
                terms.push("requested >= ?");
                values.push(Value::Int(since));
            }
            if let Some(profile) = &query.profile {
                terms.push("profile = ?");
                values.push(Value::Text(profile.clone()));
            }
            if let Some(status) = &query.status {
                terms.push("lower(state) = lower(?)");
                let name = RefillState::parse(status).map(|s| s.name().to_string());
                values.push(Value::Text(name.unwrap_or_else(|| status.clone())));
            }
            let filter = match terms.is_empty() {
                true => String::new(),
                false => format!(" WHERE {}", terms.join(" AND ")),
            };
            let limit = match query.limit {
                0 => String::new(),
                n => format!(" LIMIT {n}"),
            };
            let mut found = self.db.all(
                &format!(
                    "SELECT {REFILL_COLUMNS} FROM refills{filter} ORDER BY requested DESC, seq DESC{limit}"
                ),
                &values,
                refill,
            )?;
            for r in &mut found {
                r.history = self.db.all(
                    "SELECT state, status, seen FROM refill_history WHERE refill_seq = ?1 \
                     ORDER BY seen, rowid",
                    args![r.seq],
                    |row| {
                        Ok(Step {
                            status: row.get(0)?,
                            panel_status: row.get(1)?,
                            seen: row.get(2)?,
                        })
                    },
                )?;
            }
            Ok(found)
        };
        run().map_err(|e| self.explain(e))
    }
}

/// Writes one refill request down: `Unknown`, asked at ?5.
const INSERT_SQL: &str = "INSERT INTO refills (order_id, profile, url, panel_order, requested, \
    state, finished) VALUES (?1, ?2, ?3, ?4, ?5, 'Unknown', 1) RETURNING seq";

/// Writes one due order's refill request down (`Unknown`, asked at ?5) unless, by now, a refill
/// of it is pending, was refused as disabled, or was asked after ?6: rules 4 and 5 of
/// `DUE_SQL`, checked again where the request is written.
const CLAIM_SQL: &str = "INSERT INTO refills (order_id, profile, url, panel_order, requested, \
    state, finished) SELECT ?1, ?2, ?3, ?4, ?5, 'Unknown', 1 WHERE NOT EXISTS (SELECT 1 FROM \
    refills r WHERE r.profile = ?2 AND r.panel_order = ?4 \
    AND (r.disabled = 1 OR r.finished = 0 OR r.requested > ?6)) RETURNING seq";

/// Adds a step to a refill's history.
const HISTORY_SQL: &str =
    "INSERT INTO refill_history (refill_seq, seen, state, status) VALUES (?1, ?2, ?3, ?4)";

/// What became of one refill request smm sent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sent {
    /// The profile.
    pub profile: String,
    /// The panel's order id.
    pub order: String,
    /// The panel's refill id (none when refused or unanswered).
    pub refill: Option<String>,
    /// Pending, Refused or Unknown.
    pub status: String,
    /// The refusal, or why no answer came.
    pub error: Option<String>,
}

impl Sent {
    /// Whether the panel refused it.
    pub fn refused(&self) -> bool {
        self.status == RefillState::Refused.name()
    }
}

/// The guarded send of refills: writes a request down for each of `ids` on `panel` (when there
/// is a book), sends them (chunks of 100, the multi form), records each answer, and returns
/// the panel's answer as it came. The one path by which `smm refill IDS` asks. Answers the
/// book cannot take are kept in a side file the next run folds in, and the answer becomes an
/// error naming each refill id and its order (exit 1).
pub fn ask(
    panel: &dyn Panel,
    book: Option<&Book>,
    ids: &[u64],
) -> anyhow::Result<Answer<Vec<Row<String>>>> {
    let Some(book) = book else {
        return panel.refill(ids);
    };
    let p = panel.profile();
    let url = crate::config::display_url(p.url.as_str());
    let asks: Vec<Ask> = ids
        .iter()
        .map(|id| Ask {
            profile: p.name.clone(),
            url: url.clone(),
            order: id.to_string(),
        })
        .collect();
    let seqs = book.ask_refills(&asks)?;
    let result = panel.refill(ids);
    let answers = answered(panel, ids, &result);
    let answers = seqs
        .into_iter()
        .zip(asks)
        .zip(answers)
        .map(|((seq, ask), answer)| RefillAnswer {
            seq,
            order: ask.order,
            answer,
        })
        .collect();
    record_answers(book, answers)?;
    result
}

/// Writes what the panel answered to refill requests, trying again within the lock timeout;
/// when the book still cannot take it, keeps it in a side file the next run folds in. The
/// error ([`Kept`](super::pending::Kept), exit 1) says so in one line, naming each refill id
/// the panel gave and its order.
fn record_answers(book: &Book, answers: Vec<RefillAnswer>) -> anyhow::Result<()> {
    /// The first few of `items`, then how many more.
    fn list(items: &[String]) -> String {
        const SHOWN: usize = 5;
        match items.len().checked_sub(SHOWN) {
            None | Some(0) => items.join(", "),
            Some(more) => format!("{} and {more} more", items[..SHOWN].join(", ")),
        }
    }
    let granted: Vec<String> = answers
        .iter()
        .filter_map(|a| match a.answer.cut() {
            Answered::Refill(id) => Some(format!("refill {id} for order {}", a.order)),
            _ => None,
        })
        .collect();
    let (what, lost) = match granted.is_empty() {
        false => (
            format!("the panel gave {}", list(&granted)),
            "the book shows the refills as Unknown; note the refill ids",
        ),
        true => {
            let orders: Vec<String> = answers.iter().map(|a| a.order.clone()).collect();
            let s = if orders.len() == 1 { "" } else { "s" };
            (
                format!(
                    "the panel answered the refill request{s} for order{s} {}",
                    list(&orders)
                ),
                "the book shows the refill requests as Unknown",
            )
        }
    };
    let answered = crate::time::now() as i64;
    book.record_or_keep(
        &super::pending::Pending::refills(answers, answered),
        &what,
        lost,
    )
}

/// What [`send_due`] did on one profile.
#[derive(Debug, Default)]
pub struct DueSent {
    /// The orders a refill was asked for (each written down before it was sent), oldest first.
    pub due: Vec<Due>,
    /// What became of each request, in the same order.
    pub sent: Vec<Sent>,
    /// Why requests failed (their refills are recorded Unknown), or answers the book could not
    /// take (kept in a side file, named first), when any did.
    pub error: Option<anyhow::Error>,
}

/// The guarded send of due refills: finds the orders of `rule` that are due, then, chunk by
/// chunk (100 orders, the multi form), writes a request down for each still due (one
/// transaction per chunk, before the chunk is sent), sends it, and records what came back (one
/// transaction per chunk, after). `workers()` chunks are in flight at once (the profile's
/// concurrency, fewer after a 429) while this thread — the one that holds the book — writes
/// the chunks ahead of them and the answers behind them, so the book's writes overlap the
/// panel's latency. A chunk's answers the book cannot take are kept in a side file the next
/// run folds in (still reported in `sent`).
pub fn send_due(
    panel: &dyn Panel,
    book: &Book,
    rule: &DueRule,
    workers: &(dyn Fn() -> usize + Sync),
) -> anyhow::Result<DueSent> {
    use std::sync::mpsc;
    let due = book.due_refills(rule)?;
    let mut chunks = due.chunks(crate::ids::CHUNK);
    let total = chunks.len();
    type Claimed = Vec<(i64, Due)>;
    type Job = (usize, Claimed);
    let (jobs, queue) = mpsc::channel::<Job>();
    let queue = std::sync::Mutex::new(queue);
    let (answers, answered) = mpsc::channel::<(Job, Reply)>();
    let mut slots: Vec<Option<(Claimed, Vec<Sent>)>> = (0..total).map(|_| None).collect();
    let mut failed: Vec<anyhow::Error> = Vec::new();
    std::thread::scope(|scope| {
        for worker in 0..workers().min(total) {
            let (queue, answers) = (&queue, answers.clone());
            scope.spawn(move || {
                // After a 429 fewer chunks go out at once: workers past the new limit stop
                // (the first never does).
                while worker < workers().max(1) {
                    let job = queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
                    let Ok(job) = job else { break };
                    let reply = request(panel, &job.1);
                    if answers.send((job, reply)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(answers);
        // Writes the next chunk's requests down and hands it to the workers; false when none
        // is left or the book refused.
        let mut next = 0;
        let mut claim = |failed: &mut Vec<anyhow::Error>| -> bool {
            let Some(chunk) = chunks.next() else {
                return false;
            };
            let claimed = match book.claim_refills(rule, chunk) {
                Ok(claimed) => claimed,
                Err(e) => {
                    failed.push(e);
                    return false;
                }
            };
            next += 1;
            jobs.send((next - 1, claimed)).is_ok()
        };
        // One chunk more than in flight is written down ahead, so no worker waits for the book.
        let mut open = 0;
        for _ in 0..=workers().min(total) {
            if claim(&mut failed) {
                open += 1;
            }
        }
        while open > 0 {
            let Ok(((i, claimed), reply)) = answered.recv() else {
                break;
            };
            open -= 1;
            if claim(&mut failed) {
                open += 1;
            }
            let (sent, errors) = record(panel, book, &claimed, reply);
            failed.extend(errors);
            slots[i] = Some((claimed, sent));
        }
        drop(jobs);
    });
    let mut done = DueSent::default();
    for (claimed, sent) in slots.into_iter().flatten() {
        done.due.extend(claimed.into_iter().map(|(_, d)| d));
        done.sent.extend(sent);
    }
    done.error = summary(failed, total);
    Ok(done)
}

/// One error for what failed in `total` chunks of refill requests: answers the book could not
/// take come first (their refill ids are in a side file, and the line names them); then the
/// chunks that failed, alone when every chunk failed, else counted.
fn summary(failed: Vec<anyhow::Error>, total: usize) -> Option<anyhow::Error> {
    let (kept, failed): (Vec<_>, Vec<_>) = failed
        .into_iter()
        .partition(|e| e.is::<super::pending::Kept>());
    let failed = match failed.len() {
        0 => None,
        n if n >= total => failed.into_iter().next(),
        n => {
            let first = &failed[0];
            Some(anyhow::anyhow!(
                "{n} of {total} refill requests failed (their refills are recorded Unknown); the first: {first:#}"
            ))
        }
    };
    match (kept.into_iter().next(), failed) {
        (Some(kept), Some(failed)) => Some(anyhow::anyhow!("{kept:#}; and {failed:#}")),
        (kept, failed) => kept.or(failed),
    }
}

/// What the panel answered to one refill request (multi form), with the ids asked.
type Reply = (Vec<u64>, anyhow::Result<Answer<Vec<Row<String>>>>);

/// Sends a refill request for the refills `claimed` (by `Book::claim_refills`); orders whose id
/// is no panel order number are not sent.
fn request(panel: &dyn Panel, claimed: &[(i64, Due)]) -> Reply {
    let ids: Vec<u64> = claimed
        .iter()
        .filter_map(|(_, d)| d.order.parse().ok())
        .collect();
    let result = match ids.is_empty() {
        true => Ok(Answer {
            raw: crate::panel::Raw::Merged(serde_json::Value::Null),
            value: Vec::new(),
        }),
        false => panel.refill(&ids),
    };
    (ids, result)
}

/// Records what came back for the refills `claimed`. A request with no answer is recorded as
/// Unknown (it counts as asked); returns what became of each, and the errors: the book's when
/// it could not take the answers (kept in a side file, first), the panel's when the whole
/// request failed.
fn record(
    panel: &dyn Panel,
    book: &Book,
    claimed: &[(i64, Due)],
    (ids, result): Reply,
) -> (Vec<Sent>, Vec<anyhow::Error>) {
    let answers = answered(panel, &ids, &result);
    let by_order: std::collections::HashMap<String, Answered> =
        ids.iter().map(u64::to_string).zip(answers).collect();
    let mut recorded = Vec::with_capacity(claimed.len());
    let mut sent = Vec::with_capacity(claimed.len());
    for (seq, due) in claimed {
        let answer = by_order
            .get(&due.order)
            .cloned()
            .unwrap_or_else(|| Answered::Refused("not a panel order number: not sent".into()));
        let (refill, status, error) = match answer.cut() {
            Answered::Refill(id) => (Some(id), RefillState::Pending, None),
            Answered::Refused(t) => (None, RefillState::Refused, Some(t)),
            Answered::Unknown(t) => (None, RefillState::Unknown, Some(t)),
        };
        sent.push(Sent {
            profile: panel.profile().name.clone(),
            order: due.order.clone(),
            refill,
            status: status.name().to_string(),
            error,
        });
        recorded.push(RefillAnswer {
            seq: *seq,
            order: due.order.clone(),
            answer,
        });
    }
    let kept = record_answers(book, recorded).err();
    (sent, kept.into_iter().chain(result.err()).collect())
}

/// What each of `ids` got: its refill id, the panel's refusal, or no answer. A single id the
/// panel answered with an error was refused by it; a whole request that failed otherwise left
/// every id unanswered.
fn answered(
    panel: &dyn Panel,
    ids: &[u64],
    result: &anyhow::Result<Answer<Vec<Row<String>>>>,
) -> Vec<Answered> {
    match result {
        Ok(answer) => ids
            .iter()
            .enumerate()
            .map(|(i, _)| match answer.value.get(i).map(|r| &r.result) {
                Some(Ok(id)) => Answered::Refill(id.clone()),
                Some(Err(e)) if unanswered(e) => Answered::Unknown(e.clone()),
                Some(Err(e)) => Answered::Refused(e.clone()),
                None => Answered::Unknown(crate::panel::MISSING.to_string()),
            })
            .collect(),
        Err(e) => {
            let word = match ids.len() {
                1 => panel_word(panel, e),
                _ => None,
            };
            ids.iter()
                .map(|_| match &word {
                    Some(w) => Answered::Refused(w.clone()),
                    None => Answered::Unknown(crate::text::shorten(&format!("{e:#}"), 300)),
                })
                .collect()
        }
    }
}

/// The panel's own error text, when `err` is one (`{"error": …}`), without smm's prefix.
fn panel_word(panel: &dyn Panel, err: &anyhow::Error) -> Option<String> {
    let said = err.downcast_ref::<PanelError>()?;
    let prefix = format!("panel '{}' says: ", panel.profile().name);
    Some(said.0.strip_prefix(&prefix).unwrap_or(&said.0).to_string())
}

/// Asks `panel` about every refill of its profile that is still Pending or In progress (on
/// this panel) and records what it says. The one path by which `smm refill-status` without
/// ids and `smm sync` follow refills. Returns each refill asked about.
pub fn follow(panel: &dyn Panel, book: &Book) -> anyhow::Result<Vec<RefillChange>> {
    let p = panel.profile();
    let url = crate::config::display_url(p.url.as_str());
    let open = book.open_refills(&p.name, &url)?;
    let mut by_id: std::collections::BTreeMap<u64, Vec<i64>> = Default::default();
    for r in &open {
        if let Some(id) = r.refill.as_deref().and_then(|t| t.parse().ok()) {
            by_id.entry(id).or_default().push(r.seq);
        }
    }
    if by_id.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<u64> = by_id.keys().copied().collect();
    let said: Vec<Said> = match panel.refill_status(&ids) {
        Ok(answer) => answer.value.into_iter().map(|r| r.result).collect(),
        Err(e) if ids.len() == 1 => match panel_word(panel, &e) {
            Some(word) => vec![Err(word)],
            None => return Err(e),
        },
        Err(e) => return Err(e),
    };
    let mut seen = Vec::new();
    for (id, said) in ids.iter().zip(said) {
        if let Err(e) = &said
            && unanswered(e)
        {
            continue;
        }
        for seq in &by_id[id] {
            seen.push((*seq, said.clone()));
        }
    }
    book.record_refill_statuses(&seen)
}

/// `DUE_SQL` run for `rule`, each panel order once.
fn due(db: &Db, rule: &DueRule) -> Result<Vec<Due>, DbError> {
    let period = i64::try_from(rule.period).unwrap_or(i64::MAX);
    let every = i64::try_from(rule.every).unwrap_or(i64::MAX);
    let services = serde_json::to_string(rule.refillable).unwrap_or_else(|_| "[]".into());
    let sql = DUE_SQL.replace("{services}", &db.int_list("?4"));
    let rows = db.all(
        &sql,
        args![
            rule.profile,
            rule.now.saturating_sub(period),
            rule.url,
            services,
            rule.now.saturating_sub(every)
        ],
        |row| {
            Ok(Due {
                order: row.get(0)?,
                entry: row.get(1)?,
                service: row.get::<i64>(2)? as u64,
                status: row.get(3)?,
                finished: row.get(4)?,
            })
        },
    )?;
    let mut seen = std::collections::HashSet::new();
    Ok(rows
        .into_iter()
        .filter(|d| seen.insert(d.order.clone()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::{NewOrder, Outcome, Seen};

    /// A book with one placed order of `service` (panel order `order`) whose last status is
    /// `status`.
    fn placed(book: &Book, order: &str, service: u64, status: &str) -> String {
        let new = NewOrder {
            profile: "p".into(),
            url: "u".into(),
            service,
            link: Some(format!("https://i.com/{order}")),
            quantity: Some(100),
            fields: Default::default(),
            cost: None,
            route: None,
            also: Vec::new(),
            currency: None,
        };
        let id = book.begin(&new, 0, false).unwrap().unwrap();
        book.finish(&id, Outcome::Placed, Some(order), None, 1)
            .unwrap();
        let seen = Seen {
            status: status.into(),
            finished: crate::panel::status::is_finished(status),
            ..Seen::default()
        };
        book.record_statuses("p", super::super::sync::asked_now(), &[(&id, &seen)])
            .unwrap();
        id
    }

    fn rule(now: i64) -> DueRule<'static> {
        DueRule {
            profile: "p",
            url: "u",
            refillable: &[1448],
            period: 30 * 86_400,
            every: 86_400,
            now,
        }
    }

    /// `answer` to the refill request `claimed`.
    fn answer(claimed: &(i64, Due), answer: Answered) -> RefillAnswer {
        RefillAnswer {
            seq: claimed.0,
            order: claimed.1.order.clone(),
            answer,
        }
    }

    fn orders(due: &[Due]) -> Vec<&str> {
        due.iter().map(|d| d.order.as_str()).collect()
    }

    #[test]
    fn the_due_query_applies_every_rule() {
        for t in crate::book::testing::books() {
            let book = &t.book;
            placed(book, "1", 1448, "Completed");
            placed(book, "2", 1448, "Partial");
            placed(book, "3", 1448, "In progress");
            placed(book, "4", 1, "Completed");
            let now = crate::time::now() as i64;
            assert_eq!(orders(&book.due_refills(&rule(now)).unwrap()), ["1", "2"]);
            // Rule 3: 31 days later neither is due.
            assert!(
                book.due_refills(&rule(now + 31 * 86_400))
                    .unwrap()
                    .is_empty()
            );
            // Claiming writes them down: not due again until refill_every has passed.
            let due = book.due_refills(&rule(now)).unwrap();
            let claimed = book.claim_refills(&rule(now), &due).unwrap();
            assert_eq!(claimed.len(), 2);
            assert!(book.due_refills(&rule(now)).unwrap().is_empty());
            // A run that found them due before they were claimed claims none of them.
            assert!(book.claim_refills(&rule(now), &due).unwrap().is_empty());
            book.refill_answers(&[
                answer(&claimed[0], Answered::Refill("7".into())),
                answer(
                    &claimed[1],
                    Answered::Refused("Refill is disabled for this service".into()),
                ),
            ])
            .unwrap();
            // Pending: not due even after refill_every; disabled: never again.
            assert!(
                book.due_refills(&rule(now + 2 * 86_400))
                    .unwrap()
                    .is_empty()
            );
            let changes = book
                .record_refill_statuses(&[(claimed[0].0, Ok("tasks.status.completed".into()))])
                .unwrap();
            assert!(changes[0].changed());
            assert_eq!(changes[0].to, "Completed");
            assert_eq!(
                orders(&book.due_refills(&rule(now + 2 * 86_400)).unwrap()),
                ["1"]
            );
            let listed = book.refills(&RefillQuery::default()).unwrap();
            assert_eq!(listed.len(), 2);
            let one = listed.iter().find(|r| r.order == "1").unwrap();
            assert_eq!(one.status, "Completed");
            assert_eq!(
                one.history
                    .iter()
                    .map(|s| s.status.as_str())
                    .collect::<Vec<_>>(),
                ["Pending", "Completed"]
            );
            let two = listed.iter().find(|r| r.order == "2").unwrap();
            assert!(two.disabled);
            assert_eq!(two.status, "Refused");
            // Only Rejected is taken for sync's alerts, each once, whoever recorded it.
            assert!(book.unalerted_refill_rejections("p").unwrap().is_empty());
            let later = rule(now + 2 * 86_400);
            let again = book
                .claim_refills(&later, &book.due_refills(&later).unwrap())
                .unwrap();
            book.refill_answers(&[answer(&again[0], Answered::Refill("8".into()))])
                .unwrap();
            book.record_refill_statuses(&[(again[0].0, Ok("Rejected".into()))])
                .unwrap();
            assert_eq!(
                book.unalerted_refill_rejections("p").unwrap(),
                [("1".to_string(), "8".to_string())]
            );
            assert!(book.unalerted_refill_rejections("p").unwrap().is_empty());
        }
    }

    #[test]
    fn two_machines_claiming_the_same_due_orders_ask_each_once() {
        for t in crate::book::testing::books() {
            for order in 1..=20 {
                placed(&t.book, &order.to_string(), 1448, "Completed");
            }
            let now = crate::time::now() as i64;
            let due = t.book.due_refills(&rule(now)).unwrap();
            assert_eq!(due.len(), 20);
            let start = std::sync::Barrier::new(4);
            let (place, dir) = (&t.place, t.dir.path());
            let claimed: Vec<Vec<String>> = std::thread::scope(|scope| {
                let running: Vec<_> = (0..4)
                    .map(|_| {
                        let (due, start) = (&due, &start);
                        scope.spawn(move || {
                            // Each its own connection, as another machine would have.
                            let book = Book::open_place_in(place.clone(), dir.into()).unwrap();
                            start.wait();
                            let claims = book.claim_refills(&rule(now), due).unwrap();
                            claims.into_iter().map(|(_, d)| d.order).collect()
                        })
                    })
                    .collect();
                running.into_iter().map(|h| h.join().unwrap()).collect()
            });
            let mut all: Vec<String> = claimed.into_iter().flatten().collect();
            all.sort_by_key(|o| o.parse::<u64>().unwrap());
            let expected: Vec<String> = (1..=20).map(|o: u64| o.to_string()).collect();
            assert_eq!(all, expected, "each order claimed once, by one machine");
            assert_eq!(t.book.refills(&RefillQuery::default()).unwrap().len(), 20);
        }
    }

    #[test]
    fn panel_texts_are_cut_where_the_book_writes_them() {
        use crate::book::limits::{ERROR, STATUS};
        for t in crate::book::testing::books() {
            let book = &t.book;
            let asks: Vec<Ask> = ["1", "2"]
                .iter()
                .map(|o| Ask {
                    profile: "p".into(),
                    url: "u".into(),
                    order: o.to_string(),
                })
                .collect();
            let seqs = book.ask_refills(&asks).unwrap();
            let long = format!("Refill is disabled\u{1b}[31m {}", "x".repeat(600_000));
            book.refill_answers(&[
                RefillAnswer {
                    seq: seqs[0],
                    order: "1".into(),
                    answer: Answered::Refused(long),
                },
                RefillAnswer {
                    seq: seqs[1],
                    order: "2".into(),
                    answer: Answered::Refill("9".into()),
                },
            ])
            .unwrap();
            let changes = book
                .record_refill_statuses(&[(seqs[1], Ok("y".repeat(600_000)))])
                .unwrap();
            assert_eq!(changes[0].said.chars().count(), STATUS + 1);
            let listed = book.refills(&RefillQuery::default()).unwrap();
            let refused = listed.iter().find(|r| r.order == "1").unwrap();
            let error = refused.error.as_deref().unwrap();
            assert!(refused.disabled);
            assert!(error.starts_with("Refill is disabled [31m x"), "{error}");
            assert_eq!(error.chars().count(), ERROR + 1);
            let asked = listed.iter().find(|r| r.order == "2").unwrap();
            assert_eq!(
                asked.panel_status.as_deref().map(|s| s.chars().count()),
                Some(STATUS + 1)
            );
        }
    }
}
