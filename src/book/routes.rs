//! What `smm sync` remembers of routes between runs: each route's cheapest candidate, and
//! its alerts (standing under no profile, the route's name as their subject).

use super::Book;
use super::db::{DbError, Lock, args};
use super::limits::{NAME, cut};
use crate::alerts::{Alert, Kind};

impl Book {
    /// Settles route `route`'s alerts against what this run found (`found`: its negative
    /// margin or no-candidate alert, if any), as `settle_alerts` does a profile's: raised
    /// once, again after `repeat` seconds, resolved when no longer found. Only this route's
    /// standing alerts are looked at.
    pub fn settle_route_alerts(
        &self,
        route: &str,
        found: Vec<Alert>,
        repeat: Option<u64>,
    ) -> anyhow::Result<super::Settled> {
        let route = cut(route, NAME);
        let found = found
            .into_iter()
            .map(|a| Alert {
                subject: route.clone(),
                ..a
            })
            .collect();
        self.settle_inner("", Some(&route), &Kind::ROUTE, found, repeat)
            .map_err(|e| self.explain(e))
    }

    /// Records `cheapest` (`profile:service`, or empty when none) as route `route`'s cheapest
    /// candidate; returns what the last sync recorded, if anything.
    pub fn swap_cheapest(&self, route: &str, cheapest: &str) -> anyhow::Result<Option<String>> {
        let key = format!("route-cheapest:{}", cut(route, NAME));
        let cheapest = cut(cheapest, NAME);
        let db = &self.db;
        let run = || -> Result<Option<String>, DbError> {
            db.write(&[Lock::Key(key.clone())], || {
                let before = db.one("SELECT value FROM meta WHERE key = ?1", args![&key], |r| {
                    r.get::<String>(0)
                })?;
                db.exec(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2) \
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    args![&key, &cheapest],
                )?;
                Ok(before)
            })
        };
        run().map_err(|e| self.explain(e))
    }
}
