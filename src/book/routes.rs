//! What `smm sync` remembers of routes between runs: each route's cheapest candidate, and
//! its alerts (standing under no profile, the route's name as their subject) — forgotten once
//! the route is no longer in the config.

use super::Book;
use super::db::{DbError, Lock, args};
use super::limits::{NAME, cut};
use crate::alerts::{Alert, Kind, Resolved};

/// The prefix of the `meta` key that holds a route's cheapest candidate (then its name).
const CHEAPEST: &str = "route-cheapest:";

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

    /// Forgets every route not among `routes` (the config's: one removed or renamed since a
    /// sync remembered it), in one transaction: its standing alerts are resolved (returned,
    /// one line each, oldest route first) and its cheapest candidate dropped.
    pub fn forget_routes(&self, routes: &[String]) -> anyhow::Result<Vec<Resolved>> {
        let kept: std::collections::HashSet<String> = routes.iter().map(|r| cut(r, NAME)).collect();
        let kinds: Vec<&str> = Kind::ROUTE.iter().map(|k| k.name()).collect();
        let db = &self.db;
        let run = || -> Result<Vec<Resolved>, DbError> {
            db.write(&[Lock::Key("alerts\u{1f}".to_string())], || {
                let standing = db.all(
                    "SELECT kind, subject FROM alerts WHERE profile = '' AND kind IN (?1, ?2) \
                     ORDER BY started, subject, kind",
                    args![kinds[0], kinds[1]],
                    |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?)),
                )?;
                let mut resolved = Vec::new();
                for (kind, subject) in standing {
                    if kept.contains(&subject) {
                        continue;
                    }
                    db.exec(
                        "DELETE FROM alerts WHERE profile = '' AND kind = ?1 AND subject = ?2",
                        args![&kind, &subject],
                    )?;
                    if let Some(kind) = Kind::parse(&kind) {
                        resolved.push(Resolved {
                            profile: String::new(),
                            kind,
                            message: crate::alerts::route_removed(&subject),
                            subject,
                        });
                    }
                }
                let remembered = db.all(
                    "SELECT key FROM meta WHERE key LIKE ?1",
                    args![format!("{CHEAPEST}%")],
                    |r| r.get::<String>(0),
                )?;
                for key in remembered {
                    let gone = key
                        .strip_prefix(CHEAPEST)
                        .is_some_and(|route| !kept.contains(route));
                    if gone {
                        db.exec("DELETE FROM meta WHERE key = ?1", args![&key])?;
                    }
                }
                Ok(resolved)
            })
        };
        run().map_err(|e| self.explain(e))
    }

    /// Records `cheapest` (`profile:service`, or empty when none) as route `route`'s cheapest
    /// candidate; returns what the last sync recorded, if anything.
    pub fn swap_cheapest(&self, route: &str, cheapest: &str) -> anyhow::Result<Option<String>> {
        let key = format!("{CHEAPEST}{}", cut(route, NAME));
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

#[cfg(test)]
mod tests {
    use crate::alerts::{Kind, Resolved, negative_margin, no_candidate, unreachable};

    #[test]
    fn a_route_no_longer_in_the_config_is_resolved_once_and_forgotten() {
        for t in crate::book::testing::books() {
            let book = &t.book;
            let loss = negative_margin(
                "ig",
                "a:1448",
                "0.90".parse().unwrap(),
                "0.80".parse().unwrap(),
            );
            book.settle_route_alerts("ig", loss.into_iter().collect(), None)
                .unwrap();
            let none = no_candidate("tt", &["a:1: not in the catalogue".into()]);
            book.settle_route_alerts("tt", vec![none], None).unwrap();
            book.settle_alerts(
                "p",
                &[Kind::Unreachable],
                vec![unreachable("p", "down")],
                None,
            )
            .unwrap();
            book.swap_cheapest("ig", "a:1448").unwrap();
            book.swap_cheapest("tt", "b:1").unwrap();

            // `ig` left the config: its alert resolved, once; `tt` and the profile's stand.
            let names = ["tt".to_string()];
            assert_eq!(
                book.forget_routes(&names).unwrap(),
                [Resolved {
                    profile: String::new(),
                    kind: Kind::NegativeMargin,
                    subject: "ig".into(),
                    message: "route 'ig': no longer in the config".into(),
                }]
            );
            assert!(book.forget_routes(&names).unwrap().is_empty());
            // Its cheapest candidate is forgotten; the other route's is kept.
            assert_eq!(book.swap_cheapest("ig", "c:1448").unwrap(), None);
            assert_eq!(
                book.swap_cheapest("tt", "b:1").unwrap().as_deref(),
                Some("b:1")
            );
            let tt = book.settle_route_alerts("tt", Vec::new(), None).unwrap();
            assert_eq!(tt.resolved.len(), 1, "tt's alert stood until it cleared");
            let p = book.settle_alerts("p", &[], Vec::new(), None).unwrap();
            assert_eq!(
                p.alerts.iter().map(|a| (a.kind, a.new)).collect::<Vec<_>>(),
                [(Kind::Unreachable, false)],
                "a profile's alerts are not a route's"
            );
            // Every route gone: `ig` came back (remembered again) and goes again.
            assert!(book.forget_routes(&[]).unwrap().is_empty());
            assert_eq!(book.swap_cheapest("ig", "c:1448").unwrap(), None);
        }
    }
}
