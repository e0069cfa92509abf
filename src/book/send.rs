//! The guarded send: the one way an order reaches a panel. The order is written down under the
//! duplicate guard (one `BEGIN IMMEDIATE` transaction, committed) before it is sent, and its
//! outcome — placed with the panel's order id, refused, or unknown — after.

use super::{Book, Earlier, NewOrder, Outcome};
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
        }
    }
}

impl Earlier {
    /// The refusal of `order` as a duplicate of this earlier one (exit 2), naming it.
    pub fn refusal(&self, order: &NewOrder) -> anyhow::Error {
        let e = &self.entry;
        let what = match (e.outcome, &e.order) {
            (Outcome::Placed, Some(id)) => format!("order {id}"),
            _ => "an order whose outcome is unknown".to_string(),
        };
        let ago = (crate::time::now() as i64 - e.created).max(0) as u64;
        crate::exit::usage(format!(
            "refusing a duplicate: {what} for service {} with the same link, quantity and other fields was placed on profile '{}' {} ago \
             (order book entry {}, see `smm orders`); pass --force to order it again",
            order.service,
            order.profile,
            crate::time::ago(ago),
            e.id,
        ))
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
/// that keeps no book, the demo's) sends without a guard. An `Err` is a book that could not
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
    let entry = match book {
        Some(book) => match book.begin(order, window, force)? {
            Ok(id) => Some(id),
            Err(earlier) => return Ok(Err(earlier)),
        },
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
    let deadline = std::time::Instant::now() + super::busy_timeout();
    let failed = loop {
        match book.finish(id, outcome, order, error, answered) {
            Ok(()) => return Ok(()),
            Err(e) if std::time::Instant::now() >= deadline => break e,
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    };
    let what = match (outcome, order) {
        (Outcome::Placed, Some(order)) => format!("order {order} was placed on the panel"),
        _ => format!("the order's outcome ({})", outcome.name()),
    };
    // Plain text, not the book's error as a cause: this is exit 1 (the order is out), not 2.
    let message = match book.keep_aside(id, outcome, order, error, answered) {
        Ok(file) => format!(
            "{what}, but the order book could not record it ({}): it is kept in {} and the next smm run records it",
            crate::text::shorten(&format!("{failed:#}"), 200),
            file.display()
        ),
        Err(io) => format!(
            "{what}, but neither the order book ({}) nor a side file ({io}) could record it: the book shows entry {id} as unknown; note the order id",
            crate::text::shorten(&format!("{failed:#}"), 200)
        ),
    };
    Err(anyhow::anyhow!(message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::{Entry, Query};
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn order(quantity: u64) -> NewOrder {
        NewOrder {
            profile: "p".into(),
            url: "https://panel.example/api/v2".into(),
            service: 1448,
            link: Some("https://i.com/p".into()),
            quantity: Some(quantity),
            fields: Default::default(),
            cost: Some("0.45".parse().unwrap()),
        }
    }

    fn entries(book: &Book) -> Vec<Entry> {
        let mut all = Vec::new();
        book.list(&Query::default(), |e| {
            all.push(e);
            Ok(())
        })
        .unwrap();
        all
    }

    /// A temporary book (never the real home).
    fn temp_book() -> (tempfile::TempDir, Book) {
        let dir = tempfile::tempdir().unwrap();
        let book = Book::open_at(&dir.path().join("orders.db")).unwrap();
        (dir, book)
    }

    /// An error as the panel layer marks one that may have placed the order.
    fn ambiguous() -> anyhow::Error {
        anyhow::anyhow!("timed out").context(crate::panel::MaybePlaced)
    }

    #[test]
    fn the_intent_is_written_before_the_send_and_the_outcome_after() {
        let (_dir, book) = temp_book();
        let sent = send(Some(&book), &order(500), 86_400, false, || {
            let during = entries(&book);
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
        let after = entries(&book);
        assert_eq!(Some(&after[0].id), sent.entry.as_ref());
        assert_eq!(after[0].outcome, Outcome::Placed);
        assert_eq!(after[0].order.as_deref(), Some("23501"));
        assert_eq!(after[0].cost.as_deref(), Some("0.45"));
    }

    #[test]
    fn a_refusal_and_an_unknown_outcome_are_recorded_as_such() {
        let (_dir, book) = temp_book();
        let refused = send(Some(&book), &order(1), 86_400, false, || {
            Err::<(String, ()), _>(anyhow::anyhow!("Not enough funds on balance"))
        })
        .unwrap()
        .unwrap();
        assert_eq!(refused.outcome, Outcome::Refused);
        assert_eq!(refused.order, None);
        assert!(refused.answer.is_err());
        let unknown = send(Some(&book), &order(2), 86_400, false, || {
            Err::<(String, ()), _>(ambiguous())
        })
        .unwrap()
        .unwrap();
        assert_eq!(unknown.outcome, Outcome::Unknown);
        let all = entries(&book);
        assert_eq!(all[0].outcome, Outcome::Refused);
        assert_eq!(all[0].error.as_deref(), Some("Not enough funds on balance"));
        assert_eq!(all[1].outcome, Outcome::Unknown);
        assert!(all[1].error.as_deref().unwrap().contains("timed out"));
        // A refused order does not guard; an unknown one does.
        let again = send(Some(&book), &order(1), 86_400, false, || {
            Ok(("1".into(), ()))
        });
        assert_eq!(again.unwrap().unwrap().outcome, Outcome::Placed);
        let held = send(
            Some(&book),
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

    #[test]
    fn a_duplicate_is_refused_without_sending_unless_forced() {
        let (_dir, book) = temp_book();
        let first = send(Some(&book), &order(500), 86_400, false, || {
            Ok(("23501".to_string(), ()))
        })
        .unwrap()
        .unwrap();
        let calls = AtomicUsize::new(0);
        let again = send(Some(&book), &order(500), 86_400, false, || {
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
        assert_eq!(entries(&book).len(), 1, "nothing written for the duplicate");
        let forced = send(Some(&book), &order(500), 86_400, true, || {
            calls.fetch_add(1, Ordering::SeqCst);
            Ok(("23502".to_string(), ()))
        })
        .unwrap()
        .unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 1, "--force sends it");
        assert_eq!(forced.order.as_deref(), Some("23502"));
        assert_eq!(entries(&book).len(), 2);
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
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("orders.db");
        Book::open_at(&path).unwrap();
        let sends = AtomicUsize::new(0);
        let start = std::sync::Barrier::new(8);
        let results: Vec<bool> = std::thread::scope(|scope| {
            let running: Vec<_> = (0..8)
                .map(|_| {
                    scope.spawn(|| {
                        // Each its own connection, as separate smm processes would have.
                        let book = Book::open_at(&path).unwrap();
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
        let book = Book::open_at(&path).unwrap();
        assert_eq!(entries(&book).len(), 1);
    }
}
