//! What `smm sync` remembers of routes between runs: each route's cheapest candidate.

use super::Book;
use rusqlite::{OptionalExtension, params};

impl Book {
    /// Records `cheapest` (`profile:service`, or empty when none) as route `route`'s cheapest
    /// candidate; returns what the last sync recorded, if anything.
    pub fn swap_cheapest(&self, route: &str, cheapest: &str) -> anyhow::Result<Option<String>> {
        let key = format!("route-cheapest:{route}");
        let run = || -> rusqlite::Result<Option<String>> {
            let tx = rusqlite::Transaction::new_unchecked(
                &self.conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            let before: Option<String> = tx
                .query_row("SELECT value FROM meta WHERE key = ?1", [&key], |r| {
                    r.get(0)
                })
                .optional()?;
            tx.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                params![key, cheapest],
            )?;
            tx.commit()?;
            Ok(before)
        };
        run().map_err(|e| self.explain(e))
    }
}
