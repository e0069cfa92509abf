//! The state of `smm sync`'s alerts: which stand (raised once when they start, not again
//! while they last, unless `alert_repeat` says so), which cleared, and which status changes
//! have been taken for alerts. Each is one `BEGIN IMMEDIATE` transaction, so two
//! overlapping syncs never raise the same alert twice.

use super::Book;
use super::db::{DbError, Lock, args};
use crate::alerts::{Alert, Kind, Resolved};
use std::collections::HashMap;

/// One profile's alerts after a run: every one that stands (and this run's events), each
/// marked `new` when this run raised it, and those that cleared.
#[derive(Debug, Default)]
pub struct Settled {
    /// Standing alerts and this run's events, in kind order.
    pub alerts: Vec<Alert>,
    /// Alerts that stood before this run and cleared in it.
    pub resolved: Vec<Resolved>,
}

impl Book {
    /// Settles `profile`'s alerts against what this run found: `found` holds every alert the
    /// rules raise now, for the kinds in `checked` (a kind this run could not look at — its
    /// request failed — keeps its standing alerts as they are). A condition not standing yet
    /// is new; one standing is new again only once `repeat` seconds passed since it was last
    /// raised; a standing one of a checked kind no longer found is resolved. Events (ended
    /// orders) are passed through, new.
    pub fn settle_alerts(
        &self,
        profile: &str,
        checked: &[Kind],
        found: Vec<Alert>,
        repeat: Option<u64>,
    ) -> anyhow::Result<Settled> {
        self.settle_inner(profile, None, checked, found, repeat)
            .map_err(|e| self.explain(e))
    }

    /// `settle_alerts` in SQL; with `subject`, only the standing alerts about it are looked
    /// at (a route's, whose alerts stand under no profile).
    pub(super) fn settle_inner(
        &self,
        profile: &str,
        subject: Option<&str>,
        checked: &[Kind],
        found: Vec<Alert>,
        repeat: Option<u64>,
    ) -> Result<Settled, DbError> {
        let db = &self.db;
        db.write(&[Lock::Key(format!("alerts\u{1f}{profile}"))], || {
            self.settle_locked(profile, subject, checked, found, repeat)
        })
    }

    /// `settle_inner` within its transaction.
    fn settle_locked(
        &self,
        profile: &str,
        subject: Option<&str>,
        checked: &[Kind],
        found: Vec<Alert>,
        repeat: Option<u64>,
    ) -> Result<Settled, DbError> {
        let db = &self.db;
        let now = crate::time::now() as i64;
        let repeat = repeat.map(|r| i64::try_from(r).unwrap_or(i64::MAX));
        let mut standing: HashMap<(String, String), (String, i64)> = HashMap::new();
        let rows = db.all(
            "SELECT kind, subject, message, raised FROM alerts WHERE profile = ?1 \
             AND (CAST(?2 AS TEXT) IS NULL OR subject = ?2)",
            args![profile, subject],
            |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?))),
        )?;
        for (key, value) in rows {
            standing.insert(key, value);
        }
        let mut settled = Settled::default();
        for mut alert in found {
            if alert.kind.is_event() {
                alert.new = true;
                settled.alerts.push(alert);
                continue;
            }
            let key = (alert.kind.name().to_string(), alert.subject.clone());
            alert.new = match standing.remove(&key) {
                None => {
                    db.exec(
                        "INSERT INTO alerts (profile, kind, subject, message, started, raised) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                        args![profile, &key.0, &key.1, &alert.message, now],
                    )?;
                    true
                }
                Some((_, raised)) => {
                    let again = repeat.is_some_and(|r| now.saturating_sub(raised) >= r);
                    db.exec(
                        "UPDATE alerts SET message = ?4, raised = CASE WHEN ?5 = 1 THEN ?6 ELSE raised END \
                         WHERE profile = ?1 AND kind = ?2 AND subject = ?3",
                        args![profile, &key.0, &key.1, &alert.message, again, now],
                    )?;
                    again
                }
            };
            settled.alerts.push(alert);
        }
        // What stood before and was not found again: cleared when its kind was looked at,
        // still standing (not new) when it was not.
        let mut rest: Vec<_> = standing.into_iter().collect();
        rest.sort();
        for ((kind_name, subject), (message, _)) in rest {
            let Some(kind) = Kind::parse(&kind_name) else {
                continue;
            };
            if checked.contains(&kind) {
                db.exec(
                    "DELETE FROM alerts WHERE profile = ?1 AND kind = ?2 AND subject = ?3",
                    args![profile, &kind_name, &subject],
                )?;
                settled.resolved.push(Resolved {
                    profile: profile.to_string(),
                    kind,
                    message: kind.resolved(profile, &subject),
                    subject,
                });
            } else {
                settled.alerts.push(Alert {
                    profile: profile.to_string(),
                    kind,
                    subject,
                    message,
                    new: false,
                });
            }
        }
        settled.alerts.sort_by_key(|a| a.kind);
        settled.resolved.sort_by_key(|r| r.kind);
        Ok(settled)
    }

    /// The status changes of `profile`'s orders that no sync has taken for its alerts yet
    /// (whichever command recorded them: `smm sync` or `smm orders --check`), oldest first,
    /// as (panel order id, status); they are marked taken in the same transaction, so each
    /// is returned once.
    pub fn unalerted_changes(&self, profile: &str) -> anyhow::Result<Vec<(String, String)>> {
        let db = &self.db;
        let run = || -> Result<Vec<(String, String)>, DbError> {
            db.write(&[Lock::Key(format!("alerts\u{1f}{profile}"))], || {
                let changes = db.all(
                    "SELECT h.rowid, COALESCE(o.panel_order, '?'), h.status FROM status_history h \
                     JOIN orders o ON o.id = h.order_id \
                     WHERE h.alerted IS NULL AND o.profile = ?1 ORDER BY h.seen, h.rowid",
                    args![profile],
                    |r| Ok((r.get::<i64>(0)?, r.get::<String>(1)?, r.get::<String>(2)?)),
                )?;
                let now = crate::time::now() as i64;
                for (rowid, _, _) in &changes {
                    db.exec(
                        "UPDATE status_history SET alerted = ?2 WHERE rowid = ?1",
                        args![*rowid, now],
                    )?;
                }
                Ok(changes.into_iter().map(|(_, o, s)| (o, s)).collect())
            })
        };
        run().map_err(|e| self.explain(e))
    }
}
