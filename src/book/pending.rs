//! What the book could not take when it came (held by another smm past the lock timeout, a
//! full disk) — an order's outcome, the panel's answers to refill requests — is kept in a
//! private side file beside the book, `outcome-<entry>.json` or `refills-<time>-<seq>.json`
//! (mode 0600), and folded into the book by the next run that opens it, before anything else:
//! an order placed on the panel never stays without its id, nor a refill without its refill id.

use super::db::args;
use super::refills::RefillAnswer;
use super::{Book, Outcome};
use std::path::PathBuf;

/// What an order's side file holds: the arguments of [`Book::finish`].
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct OrderOutcome {
    /// The order book entry.
    id: String,
    /// placed, refused or unknown.
    outcome: String,
    /// The panel's order id.
    order: Option<String>,
    /// The error, when there was one.
    error: Option<String>,
    /// When the panel answered (unix seconds).
    answered: i64,
}

/// What a refills side file holds: the arguments of [`Book::refill_answers_at`].
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct RefillAnswers {
    /// What the panel answered to each request.
    refills: Vec<RefillAnswer>,
    /// When it answered (unix seconds).
    answered: i64,
}

/// A write the book could not take, kept in a side file until it can.
pub(super) enum Pending {
    /// An order's outcome.
    Outcome(OrderOutcome),
    /// The panel's answers to refill requests.
    Refills(RefillAnswers),
}

/// The suffix of a side file's name (each kind has its prefix, [`Pending::PREFIXES`]).
const SUFFIX: &str = ".json";

/// The error of a write the book could not take (exit 1: what it was about is done on the
/// panel): one line saying where it is kept, or that it is lost and what to note.
#[derive(Debug)]
pub struct Kept(String);

impl std::fmt::Display for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Kept {}

impl Pending {
    /// The prefixes of the side files' names: an order's outcome, refill answers.
    const PREFIXES: [&'static str; 2] = ["outcome-", "refills-"];

    /// The outcome of order book entry `id`, as [`Book::finish`] takes it.
    pub(super) fn outcome(
        id: &str,
        outcome: Outcome,
        order: Option<&str>,
        error: Option<&str>,
        answered: i64,
    ) -> Pending {
        Pending::Outcome(OrderOutcome {
            id: id.to_string(),
            outcome: outcome.name().to_string(),
            order: order.map(str::to_string),
            error: error.map(str::to_string),
            answered,
        })
    }

    /// The panel's answers to refill requests, as [`Book::refill_answers_at`] takes them.
    pub(super) fn refills(refills: Vec<RefillAnswer>, answered: i64) -> Pending {
        Pending::Refills(RefillAnswers { refills, answered })
    }

    /// The side file's name: its kind's prefix, then what makes it unique in the book (the
    /// entry; the answer's time and first request), so that they sort oldest first.
    fn file_name(&self) -> String {
        let [order, refills] = Pending::PREFIXES;
        match self {
            Pending::Outcome(o) => format!("{order}{}{SUFFIX}", o.id),
            Pending::Refills(r) => {
                let first = r.refills.first().map_or(0, |a| a.seq);
                format!("{refills}{:x}-{first}{SUFFIX}", r.answered)
            }
        }
    }

    /// The side file's text.
    fn to_json(&self) -> serde_json::Result<String> {
        match self {
            Pending::Outcome(o) => serde_json::to_string(o),
            Pending::Refills(r) => serde_json::to_string(r),
        }
    }

    /// What the side file `name` (of one of [`Pending::PREFIXES`]) holds; None when smm did
    /// not write it.
    fn read(name: &str, text: &str) -> Option<Pending> {
        let [order, _] = Pending::PREFIXES;
        match name.starts_with(order) {
            true => serde_json::from_str(text).ok().map(Pending::Outcome),
            false => serde_json::from_str(text).ok().map(Pending::Refills),
        }
    }

    /// Writes it into `book`, in one transaction.
    fn write(&self, book: &Book) -> anyhow::Result<()> {
        match self {
            Pending::Outcome(o) => book.finish(
                &o.id,
                Outcome::parse(&o.outcome),
                o.order.as_deref(),
                o.error.as_deref(),
                o.answered,
            ),
            Pending::Refills(r) => book.refill_answers_at(&r.refills, r.answered),
        }
    }
}

impl Book {
    /// Writes `pending` into the book, trying again within the lock timeout; when the book
    /// still cannot take it, keeps it in a side file the next run folds in. The error ([`Kept`],
    /// exit 1) is one line: `what` (what the panel did, naming its ids), why the book could not
    /// record it and where it is kept — or, when no side file could be written either, `lost`
    /// (what the book shows instead, what to note).
    pub(super) fn record_or_keep(
        &self,
        pending: &Pending,
        what: &str,
        lost: &str,
    ) -> anyhow::Result<()> {
        let deadline = std::time::Instant::now() + super::busy_timeout();
        let failed = loop {
            match pending.write(self) {
                Ok(()) => return Ok(()),
                Err(e) if std::time::Instant::now() >= deadline => break e,
                Err(_) => std::thread::sleep(std::time::Duration::from_millis(50)),
            }
        };
        let failed = crate::text::shorten(&format!("{failed:#}"), 200);
        // Plain text, not the book's error as a cause: this is exit 1 (done on the panel), not 2.
        let message = match self.keep_aside(pending) {
            Ok(file) => format!(
                "{what}, but the order book could not record it ({failed}): it is kept in {} and the next smm run records it",
                file.display()
            ),
            Err(io) => format!(
                "{what}, but neither the order book ({failed}) nor a side file ({io}) could record it: {lost}"
            ),
        };
        Err(anyhow::Error::new(Kept(message)))
    }

    /// Keeps `pending` in a 0600 side file beside the book; returns the file's path.
    fn keep_aside(&self, pending: &Pending) -> std::io::Result<PathBuf> {
        use std::io::Write;
        let path = self.dir.join(pending.file_name());
        let text = pending.to_json().map_err(std::io::Error::other)?;
        let mut file = crate::config::private::write_private(
            &path,
            crate::config::private::Existing::Truncate,
        )?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        Ok(path)
    }

    /// Whether this book holds what `pending` is about: the order entry, or one of the refill
    /// requests (of the order it names). A side file kept for another book (a data
    /// directory shared by a file book and a server book) is never folded in, nor removed.
    fn holds(&self, pending: &Pending) -> anyhow::Result<bool> {
        let found = |sql: &str, args: &[super::db::Value]| {
            self.db
                .one(sql, args, |r| r.get::<i64>(0))
                .map(|n| n.is_some())
                .map_err(|e| self.explain(e))
        };
        match pending {
            Pending::Outcome(o) => found("SELECT 1 FROM orders WHERE id = ?1", args![&o.id]),
            Pending::Refills(r) => {
                for a in &r.refills {
                    let held = found(
                        "SELECT 1 FROM refills WHERE seq = ?1 AND panel_order = ?2",
                        args![a.seq, &a.order],
                    )?;
                    if held {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// Folds every side file beside the book into it, oldest first within each kind, and
    /// removes each once it is written; one the book cannot take now (locked again) stays for
    /// the next run.
    pub(super) fn fold_pending(&self) {
        let Ok(read) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut files: Vec<(String, PathBuf)> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter_map(|p| Some((p.file_name()?.to_str()?.to_string(), p)))
            .filter(|(n, _)| {
                n.ends_with(SUFFIX) && Pending::PREFIXES.iter().any(|k| n.starts_with(k))
            })
            .collect();
        files.sort();
        for (name, file) in files {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let Some(pending) = Pending::read(&name, &text) else {
                crate::msg::warn(&format!(
                    "{} is not an outcome smm wrote: left as it is",
                    file.display()
                ));
                continue;
            };
            match self.holds(&pending) {
                Ok(true) => {}
                Ok(false) => {
                    crate::msg::warn(&format!(
                        "{} names an order or refill this order book does not hold (it was kept \
                         for another book): left as it is",
                        file.display()
                    ));
                    continue;
                }
                Err(_) => continue,
            }
            match pending.write(self) {
                Ok(()) => {
                    let _ = std::fs::remove_file(&file);
                }
                Err(e) => crate::msg::warn(&format!(
                    "the outcome kept in {} is not in the order book yet ({e:#}): the next run tries again",
                    file.display()
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::refills::{Answered, Ask, Refill, RefillQuery};
    use crate::book::{Entry, Query};

    /// The side files beside `book`.
    fn side_files(book: &Book) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&book.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| Pending::PREFIXES.iter().any(|p| n.starts_with(p)))
            .collect();
        names.sort();
        names
    }

    /// Every refill the book holds, by panel order.
    fn refills(book: &Book) -> Vec<Refill> {
        let mut all = book.refills(&RefillQuery::default()).unwrap();
        all.sort_by(|a, b| a.order.cmp(&b.order));
        all
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

    #[cfg(unix)]
    fn mode(path: &std::path::Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn side_files_are_private_and_the_next_open_folds_them_in() {
        for t in crate::book::testing::books() {
            let book = &t.book;
            let id = book
                .begin(&crate::book::tests::order(500), 86_400, false)
                .unwrap()
                .unwrap();
            let asks: Vec<Ask> = ["101", "102", "103"]
                .iter()
                .map(|o| Ask {
                    profile: "p".into(),
                    url: "u".into(),
                    order: o.to_string(),
                })
                .collect();
            let seqs = book.ask_refills(&asks).unwrap();
            let answered = crate::time::now() as i64 - 60;
            let answer = |i: usize, order: &str, answer: Answered| RefillAnswer {
                seq: seqs[i],
                order: order.into(),
                answer,
            };
            let kept = [
                Pending::outcome(&id, Outcome::Placed, Some("23501"), None, answered),
                Pending::refills(
                    vec![
                        answer(0, "101", Answered::Refill("9001".into())),
                        answer(1, "102", Answered::Refused("Refill is disabled".into())),
                        // Not the order this request was for: never written over it.
                        answer(2, "999", Answered::Refill("9003".into())),
                    ],
                    answered,
                ),
            ];
            for pending in &kept {
                let path = book.keep_aside(pending).unwrap();
                #[cfg(unix)]
                assert_eq!(mode(&path), 0o600, "{}", path.display());
            }
            assert_eq!(
                side_files(book),
                [
                    format!("outcome-{id}.json"),
                    format!("refills-{answered:x}-{}.json", seqs[0]),
                ]
            );
            // Nothing is in the book until a run opens it.
            assert_eq!(entries(book)[0].outcome, Outcome::Unknown);
            assert!(refills(book).iter().all(|r| r.status == "Unknown"));

            let next = t.reopen();
            assert!(side_files(&next).is_empty(), "folded in, then removed");
            let order = &entries(&next)[0];
            assert_eq!(
                (order.outcome, order.order.as_deref()),
                (Outcome::Placed, Some("23501"))
            );
            let seen: Vec<(String, Option<String>, String, Vec<String>)> = refills(&next)
                .into_iter()
                .map(|r| {
                    let history = r.history.iter().map(|s| s.status.clone()).collect();
                    (r.order, r.refill, r.status, history)
                })
                .collect();
            let expected = vec![
                (
                    "101".to_string(),
                    Some("9001".to_string()),
                    "Pending".to_string(),
                    vec!["Pending".to_string()],
                ),
                ("102".into(), None, "Refused".into(), vec!["Refused".into()]),
                ("103".into(), None, "Unknown".into(), vec![]),
            ];
            assert_eq!(seen, expected);
            assert!(refills(&next)[1].disabled);
            let asked = next.refills(&RefillQuery::default()).unwrap();
            assert!(
                asked
                    .iter()
                    .filter(|r| r.order != "103")
                    .all(|r| r.history[0].seen == answered),
                "recorded at the time the panel answered"
            );

            // The same answers kept again (the book took them after all): nothing changes.
            next.keep_aside(&kept[1]).unwrap();
            let again = t.reopen();
            assert!(side_files(&again).is_empty());
            let after: Vec<_> = refills(&again)
                .into_iter()
                .map(|r| (r.order, r.refill, r.status, r.history.len()))
                .collect();
            assert_eq!(
                after,
                [
                    (
                        "101".to_string(),
                        Some("9001".to_string()),
                        "Pending".to_string(),
                        1
                    ),
                    ("102".into(), None, "Refused".into(), 1),
                    ("103".into(), None, "Unknown".into(), 0),
                ]
            );
        }
    }

    #[test]
    fn a_side_file_kept_for_another_book_is_never_folded_in_nor_removed() {
        for t in crate::book::testing::books() {
            let elsewhere = [
                Pending::outcome("not-in-this-book", Outcome::Placed, Some("23501"), None, 1),
                Pending::refills(
                    vec![RefillAnswer {
                        seq: 1,
                        order: "101".into(),
                        answer: Answered::Refill("9001".into()),
                    }],
                    1,
                ),
            ];
            let paths: Vec<_> = elsewhere
                .iter()
                .map(|p| t.book.keep_aside(p).unwrap())
                .collect();
            let book = t.reopen();
            for path in &paths {
                assert!(path.exists(), "{} kept for its own book", path.display());
            }
            assert!(entries(&book).is_empty());
            assert!(refills(&book).is_empty());
        }
    }

    #[test]
    fn a_file_smm_did_not_write_is_left_as_it_is() {
        for t in crate::book::testing::books() {
            let stray = t.dir.path().join("refills-0-1.json");
            std::fs::write(&stray, "{\"not\": \"ours\"}").unwrap();
            t.reopen();
            assert!(stray.exists());
        }
    }
}
