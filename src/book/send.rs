//! The guarded send: the one way an order reaches a panel. The order is written down under the
//! duplicate guard (one `BEGIN IMMEDIATE` transaction, committed) before it is sent, and its
//! outcome — placed with the panel's order id, refused, or unknown — after.

use super::pending::Pending;
use super::{Book, Earlier, Held, NewOrder, Outcome, SpendLimit};
use crate::order::Order;
use rust_decimal::Decimal;

impl NewOrder {
    /// What the book records of `order` placed on `profile` at `url` (the display form, query
    /// string hidden) before it is sent (no key, ever).
    pub fn from_order(profile: &str, url: &str, order: &Order, cost: Option<Decimal>) -> NewOrder {
        NewOrder {
            profile: profile.to_string(),
            url: url.to_string(),
            service: order.service,
            link: order.get("link").map(str::to_string),
            quantity: order.number("quantity"),
            fields: order
                .fields
                .iter()
                .filter(|(k, _)| !matches!(*k, "service" | "link" | "quantity"))
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
            cost,
            route: None,
            also: Vec::new(),
            currency: None,
        }
    }
}

impl Earlier {
    /// The refusal of `order` as a duplicate of this earlier one (exit 2), naming it.
    pub fn refusal(&self, order: &NewOrder) -> anyhow::Error {
        crate::exit::usage(format!(
            "{} (order book entry {}, see `smm orders`); pass --force to order it again",
            self.describe(order),
            self.entry.id,
        ))
    }

    /// `refusing a duplicate: …`: what this earlier order is and when it was placed, without
    /// what to do about it (the command line and `smm mcp` say that each in their own way).
    pub fn describe(&self, order: &NewOrder) -> String {
        let e = &self.entry;
        let what = match (e.outcome, &e.order) {
            (Outcome::Placed, Some(id)) => format!("order {id}"),
            _ => "an order whose outcome is unknown".to_string(),
        };
        let ago = (crate::time::now() as i64 - e.created).max(0) as u64;
        format!(
            "refusing a duplicate: {what} for service {} with the same link, quantity and other fields was placed on profile '{}' {} ago",
            order.service,
            order.profile,
            crate::time::ago(ago),
        )
    }
}

/// An order that went through [`send`]: what the send returned, and what the book recorded.
#[derive(Debug)]
pub struct Sent<T> {
    /// The order book entry (None when the run keeps no book).
    pub entry: Option<String>,
    /// The outcome recorded: placed, refused (a definite no: another provider may be tried),
    /// or unknown (the order may exist: never send it again elsewhere).
    pub outcome: Outcome,
    /// The panel's order id, when placed.
    pub order: Option<String>,
    /// What the send returned.
    pub answer: anyhow::Result<T>,
}

/// Sends an order through the book: unless `force`, refuses it (`Ok(Err(earlier))`, nothing
/// sent) when the book holds the same order, placed or unknown, within `window` seconds;
/// else writes it down (committed) before `send` runs, and its outcome after. `send` returns
/// the panel's order id with its answer; an error that leaves the order's existence open
/// (`panel::is_ambiguous`) is recorded as unknown, any other as refused. `book` None (a run
/// that keeps no book) sends without a guard. An `Err` is a book that could not
/// write the order down: nothing was sent. An outcome the book cannot take (locked past the
/// lock timeout, a full disk) is kept in a side file the next run folds in, and the answer
/// becomes an error naming the panel's order id.
pub fn send<T>(
    book: Option<&Book>,
    order: &NewOrder,
    window: u64,
    force: bool,
    send: impl FnOnce() -> anyhow::Result<(String, T)>,
) -> anyhow::Result<Result<Sent<T>, Earlier>> {
    Ok(match send_within(book, order, window, force, None, send)? {
        Ok(sent) => Ok(sent),
        Err(Held::Duplicate(earlier)) => Err(*earlier),
        Err(Held::OverLimit(_)) => unreachable!("no spend limit was given"),
    })
}

/// [`send`] under a spend `limit` too: the order is refused unsent (`Held::OverLimit`, `force`
/// or not) when it would take what the orders that may exist, written down since
/// `limit.since`, cost past `limit.max`, or when its cost is not known — checked in the same
/// transaction as the duplicate guard and the intent, so two processes cannot both pass it.
/// Without a book there is nothing to count: a limit is an error, nothing sent.
pub fn send_within<T>(
    book: Option<&Book>,
    order: &NewOrder,
    window: u64,
    force: bool,
    limit: Option<SpendLimit>,
    send: impl FnOnce() -> anyhow::Result<(String, T)>,
) -> anyhow::Result<Result<Sent<T>, Held>> {
    let entry = match book {
        Some(book) => match book.begin_within(order, window, force, limit)? {
            Ok(id) => Some(id),
            Err(held) => return Ok(Err(held)),
        },
        None if limit.is_some() => {
            anyhow::bail!(
                "a spend limit is counted in the order book, and this run keeps none; nothing was sent"
            )
        }
        None => None,
    };
    let result = send();
    let (outcome, error) = match &result {
        Ok(_) => (Outcome::Placed, None),
        Err(e) if crate::panel::is_ambiguous(e) => (Outcome::Unknown, Some(format!("{e:#}"))),
        Err(e) => (Outcome::Refused, Some(format!("{e:#}"))),
    };
    let (order_id, answer) = match result {
        Ok((id, answer)) => (Some(id), Ok(answer)),
        Err(e) => (None, Err(e)),
    };
    let mut answer = answer;
    if let (Some(book), Some(id)) = (book, &entry) {
        let error = error.map(|e| crate::text::shorten(&e, super::limits::ERROR));
        if let Err(why) = record(book, id, outcome, order_id.as_deref(), error.as_deref()) {
            answer = Err(why);
        }
    }
    Ok(Ok(Sent {
        entry,
        outcome,
        order: order_id,
        answer,
    }))
}

/// Writes the outcome of entry `id`, trying again within the lock timeout; when the book
/// still cannot take it, keeps it in a side file the next run folds in. The error says what
/// happened in one line, naming the panel's order id (exit 1).
fn record(
    book: &Book,
    id: &str,
    outcome: Outcome,
    order: Option<&str>,
    error: Option<&str>,
) -> anyhow::Result<()> {
    let answered = crate::time::now() as i64;
    let what = match (outcome, order) {
        (Outcome::Placed, Some(order)) => format!("order {order} was placed on the panel"),
        _ => format!("the order's outcome ({})", outcome.name()),
    };
    let pending = Pending::outcome(id, outcome, order, error, answered);
    book.record_or_keep(
        &pending,
        &what,
        &format!("the book shows entry {id} as unknown; note the order id"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::{Entry, Query};
    use std::sync::atomic::{AtomicUsize, Ordering};

    use crate::book::tests::order;

    fn entries(book: &Book) -> Vec<Entry> {
        let mut all = Vec::new();
        book.list(&Query::default(), |e| {
            all.push(e);
            Ok(())
        })
        .unwrap();
        all
    }

    /// An error as the panel layer marks one that may have placed the order.
    fn ambiguous() -> anyhow::Error {
        anyhow::anyhow!("timed out").context(crate::panel::MaybePlaced)
    }

    #[test]
    fn the_intent_is_written_before_the_send_and_the_outcome_after() {
        for t in crate::book::testing::books() {
            let book = &t.book;
            let sent = send(Some(book), &order(500), 86_400, false, || {
                let during = entries(book);
                assert_eq!(during.len(), 1, "the intent is in the book while sending");
                assert_eq!(during[0].outcome, Outcome::Unknown);
                assert_eq!(during[0].order, None);
                Ok(("23501".to_string(), "answer"))
            })
            .unwrap()
            .unwrap();
            assert_eq!(sent.outcome, Outcome::Placed);
            assert_eq!(sent.order.as_deref(), Some("23501"));
            assert_eq!(sent.answer.unwrap(), "answer");
            let after = entries(book);
            assert_eq!(Some(&after[0].id), sent.entry.as_ref());
            assert_eq!(after[0].outcome, Outcome::Placed);
            assert_eq!(after[0].order.as_deref(), Some("23501"));
            assert_eq!(after[0].cost.as_deref(), Some("0.45"));
        }
    }

    #[test]
    fn a_refusal_and_an_unknown_outcome_are_recorded_as_such() {
        for t in crate::book::testing::books() {
            let book = &t.book;
            let refused = send(Some(book), &order(1), 86_400, false, || {
                Err::<(String, ()), _>(anyhow::anyhow!("Not enough funds on balance"))
            })
            .unwrap()
            .unwrap();
            assert_eq!(refused.outcome, Outcome::Refused);
            assert_eq!(refused.order, None);
            assert!(refused.answer.is_err());
            let unknown = send(Some(book), &order(2), 86_400, false, || {
                Err::<(String, ()), _>(ambiguous())
            })
            .unwrap()
            .unwrap();
            assert_eq!(unknown.outcome, Outcome::Unknown);
            let all = entries(book);
            assert_eq!(all[0].outcome, Outcome::Refused);
            assert_eq!(all[0].error.as_deref(), Some("Not enough funds on balance"));
            assert_eq!(all[1].outcome, Outcome::Unknown);
            assert!(all[1].error.as_deref().unwrap().contains("timed out"));
            // A refused order does not guard; an unknown one does.
            let again = send(Some(book), &order(1), 86_400, false, || {
                Ok(("1".into(), ()))
            });
            assert_eq!(again.unwrap().unwrap().outcome, Outcome::Placed);
            let held = send(
                Some(book),
                &order(2),
                86_400,
                false,
                || -> anyhow::Result<(String, ())> {
                    panic!("an order whose outcome is unknown is not sent again")
                },
            );
            let earlier: Earlier = held.unwrap().unwrap_err();
            assert_eq!(earlier.entry.id, all[1].id);
        }
    }

    #[test]
    fn a_duplicate_is_refused_without_sending_unless_forced() {
        for t in crate::book::testing::books() {
            let book = &t.book;
            let first = send(Some(book), &order(500), 86_400, false, || {
                Ok(("23501".to_string(), ()))
            })
            .unwrap()
            .unwrap();
            let calls = AtomicUsize::new(0);
            let again = send(Some(book), &order(500), 86_400, false, || {
                calls.fetch_add(1, Ordering::SeqCst);
                Ok(("23502".to_string(), ()))
            })
            .unwrap();
            let earlier = again.unwrap_err();
            assert_eq!(calls.load(Ordering::SeqCst), 0, "a duplicate is never sent");
            assert_eq!(Some(&earlier.entry.id), first.entry.as_ref());
            assert_eq!(earlier.entry.order.as_deref(), Some("23501"));
            let refusal = format!("{:#}", earlier.refusal(&order(500)));
            assert!(
                refusal.starts_with("refusing a duplicate: order 23501 for service 1448")
                    && refusal.ends_with("pass --force to order it again"),
                "{refusal}"
            );
            assert_eq!(entries(book).len(), 1, "nothing written for the duplicate");
            let forced = send(Some(book), &order(500), 86_400, true, || {
                calls.fetch_add(1, Ordering::SeqCst);
                Ok(("23502".to_string(), ()))
            })
            .unwrap()
            .unwrap();
            assert_eq!(calls.load(Ordering::SeqCst), 1, "--force sends it");
            assert_eq!(forced.order.as_deref(), Some("23502"));
            assert_eq!(entries(book).len(), 2);
        }
    }

    #[test]
    fn without_a_book_the_order_is_sent_unguarded() {
        for _ in 0..2 {
            let sent = send(None, &order(500), 86_400, false, || Ok(("7".into(), ())))
                .unwrap()
                .unwrap();
            assert_eq!((sent.entry, sent.outcome), (None, Outcome::Placed));
        }
    }

    #[test]
    fn racing_processes_send_the_same_order_once() {
        for t in crate::book::testing::books() {
            let sends = AtomicUsize::new(0);
            let start = std::sync::Barrier::new(8);
            let (place, dir) = (&t.place, t.dir.path());
            let results: Vec<bool> = std::thread::scope(|scope| {
                let running: Vec<_> = (0..8)
                    .map(|_| {
                        scope.spawn(|| {
                            // Each its own connection, as separate smm processes would have.
                            let book = Book::open_place_in(place.clone(), dir.into()).unwrap();
                            start.wait();
                            let sent = send(Some(&book), &order(500), 86_400, false, || {
                                sends.fetch_add(1, Ordering::SeqCst);
                                std::thread::sleep(std::time::Duration::from_millis(20));
                                Ok(("23501".to_string(), ()))
                            })
                            .unwrap();
                            sent.is_ok()
                        })
                    })
                    .collect();
                running.into_iter().map(|h| h.join().unwrap()).collect()
            });
            assert_eq!(sends.load(Ordering::SeqCst), 1, "exactly one send ran");
            assert_eq!(results.iter().filter(|sent| **sent).count(), 1);
            assert_eq!(entries(&t.book).len(), 1);
        }
    }

    #[test]
    fn racing_processes_send_different_orders_at_once() {
        for t in crate::book::testing::books() {
            let sends = AtomicUsize::new(0);
            let start = std::sync::Barrier::new(8);
            let (place, dir) = (&t.place, t.dir.path());
            std::thread::scope(|scope| {
                for q in 0..8 {
                    let (sends, start) = (&sends, &start);
                    scope.spawn(move || {
                        let book = Book::open_place_in(place.clone(), dir.into()).unwrap();
                        start.wait();
                        let sent = send(Some(&book), &order(q), 86_400, false, || {
                            sends.fetch_add(1, Ordering::SeqCst);
                            Ok((q.to_string(), ()))
                        });
                        assert!(sent.unwrap().is_ok(), "order {q} went through");
                    });
                }
            });
            assert_eq!(sends.load(Ordering::SeqCst), 8);
            assert_eq!(entries(&t.book).len(), 8);
        }
    }

    /// A limit of `max` counted from a minute ago.
    fn limit(max: &str) -> Option<SpendLimit> {
        Some(SpendLimit {
            since: crate::time::now() as i64 - 60,
            max: max.parse().unwrap(),
        })
    }

    #[test]
    fn a_spend_limit_refuses_unsent_what_would_pass_it_or_has_no_cost() {
        for t in crate::book::testing::books() {
            let book = &t.book;
            let calls = AtomicUsize::new(0);
            let placed = |_: ()| {
                calls.fetch_add(1, Ordering::SeqCst);
                Ok(("1".to_string(), ()))
            };
            // 0.45 + 0.45 = 0.90: within 0.90.
            for quantity in [1, 2] {
                let sent = send_within(
                    Some(book),
                    &order(quantity),
                    86_400,
                    false,
                    limit("0.90"),
                    || placed(()),
                );
                assert_eq!(sent.unwrap().unwrap().outcome, Outcome::Placed);
            }
            // A refused order does not count.
            send_within(Some(book), &order(3), 86_400, false, None, || {
                Err::<(String, ()), _>(anyhow::anyhow!("Not enough funds on balance"))
            })
            .unwrap()
            .unwrap();
            let over = send_within(Some(book), &order(4), 86_400, true, limit("0.90"), || {
                placed(())
            });
            let Err(Held::OverLimit(over)) = over.unwrap() else {
                panic!("over the limit, --force or not")
            };
            assert_eq!(over.spent, "0.90".parse::<Decimal>().unwrap());
            assert_eq!(over.cost, Some("0.45".parse().unwrap()));
            let unpriced = NewOrder {
                cost: None,
                ..order(5)
            };
            let unknown = send_within(Some(book), &unpriced, 86_400, false, limit("100"), || {
                placed(())
            });
            assert!(matches!(
                unknown.unwrap(),
                Err(Held::OverLimit(crate::book::OverLimit { cost: None, .. }))
            ));
            assert_eq!(
                calls.load(Ordering::SeqCst),
                2,
                "nothing sent over the limit"
            );
            assert_eq!(
                entries(book).len(),
                3,
                "nothing written for what was refused"
            );
            // The duplicate guard still comes first.
            let again = send_within(Some(book), &order(1), 86_400, false, limit("100"), || {
                placed(())
            });
            assert!(matches!(again.unwrap(), Err(Held::Duplicate(_))));
            // Without a book a limit cannot be counted: an error, nothing sent.
            assert!(
                send_within(None, &order(6), 86_400, false, limit("100"), || placed(())).is_err()
            );
            assert_eq!(calls.load(Ordering::SeqCst), 2);
        }
    }

    #[test]
    fn racing_processes_cannot_both_pass_a_spend_limit() {
        for t in crate::book::testing::books() {
            let (place, dir) = (&t.place, t.dir.path());
            let sends = AtomicUsize::new(0);
            let start = std::sync::Barrier::new(2);
            // Two different orders of 0.45 each; together they pass 0.50, each alone does not.
            let results: Vec<bool> = std::thread::scope(|scope| {
                let running: Vec<_> = [500, 501]
                    .into_iter()
                    .map(|quantity| {
                        let (sends, start) = (&sends, &start);
                        scope.spawn(move || {
                            // Each its own connection, as separate smm processes would have.
                            let book = Book::open_place_in(place.clone(), dir.into()).unwrap();
                            start.wait();
                            let sent = send_within(
                                Some(&book),
                                &order(quantity),
                                86_400,
                                false,
                                limit("0.50"),
                                || {
                                    sends.fetch_add(1, Ordering::SeqCst);
                                    std::thread::sleep(std::time::Duration::from_millis(20));
                                    Ok(("23501".to_string(), ()))
                                },
                            )
                            .unwrap();
                            match sent {
                                Ok(_) => true,
                                Err(Held::OverLimit(over)) => {
                                    assert_eq!(over.spent, "0.45".parse::<Decimal>().unwrap());
                                    false
                                }
                                Err(Held::Duplicate(_)) => panic!("different orders"),
                            }
                        })
                    })
                    .collect();
                running.into_iter().map(|h| h.join().unwrap()).collect()
            });
            assert_eq!(sends.load(Ordering::SeqCst), 1, "exactly one send ran");
            assert_eq!(results.iter().filter(|sent| **sent).count(), 1);
            assert_eq!(entries(&t.book).len(), 1);
        }
    }
}
