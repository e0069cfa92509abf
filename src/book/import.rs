//! The one-time import of the JSON-lines journal of older smm versions into the order book.

use super::db::{DbError, Lock, args};
use super::{Book, NewOrder};
use crate::book::journal::Line;
use std::io::BufRead;
use std::path::Path;

/// The key in `meta` that says the journal was imported.
const DONE: &str = "journal-imported";

/// Imports `<dir>/journal.jsonl` into `book` in one transaction, once (even when several smm
/// start together), then renames it `journal.jsonl.imported`. Lines that do not parse (a torn
/// write) are skipped and counted; an intent glued to a torn line is still found.
pub fn journal_in(book: &Book, dir: &Path) -> anyhow::Result<()> {
    let path = dir.join("journal.jsonl");
    if !path.exists() {
        return Ok(());
    }
    let counts = import(book, &path).map_err(|e| book.explain_unsent(e))?;
    let Some((orders, torn)) = counts else {
        return Ok(());
    };
    let renamed = dir.join("journal.jsonl.imported");
    if let Err(e) = std::fs::rename(&path, &renamed) {
        crate::msg::warn(&format!(
            "imported {} but could not rename it: {e}",
            path.display()
        ));
    }
    let torn = match torn {
        0 => String::new(),
        n => format!(" ({n} torn line(s) skipped)"),
    };
    crate::msg::note(&format!(
        "imported {orders} order(s) from {} into the order book {}{torn}; the old file is kept as {}",
        path.display(),
        book.place(),
        renamed.display()
    ));
    Ok(())
}

/// The import itself: `None` when another run imported it already; else orders and torn lines.
fn import(book: &Book, path: &Path) -> Result<Option<(u64, u64)>, DbError> {
    let db = &book.db;
    db.write(&[Lock::Book], || {
        let done: Option<String> =
            db.one("SELECT value FROM meta WHERE key = ?1", args![DONE], |r| r.get(0))?;
        if done.is_some() {
            return Ok(None);
        }
        let Ok(file) = std::fs::File::open(path) else {
            return Ok(None);
        };
        let (mut orders, mut torn) = (0u64, 0u64);
        let mut reader = std::io::BufReader::new(file);
        let mut raw = Vec::new();
        loop {
            raw.clear();
            match reader.read_until(b'\n', &mut raw) {
                Ok(0) => break,
                Ok(_) => {}
                Err(_) => {
                    torn += 1;
                    break;
                }
            }
            let (lines, bad) = parse(&raw);
            torn += bad;
            for line in lines {
                match line {
                    Line::Intent(i) => {
                        let order = NewOrder {
                            profile: i.profile,
                            url: i.url,
                            service: i.service,
                            link: i.link,
                            quantity: i.quantity,
                            fields: i.fields,
                            cost: None,
                            route: None,
                            also: Vec::new(),
                            currency: None,
                        };
                        let created = i.time as i64;
                        orders +=
                            super::insert_order(db, super::INSERT_NEW, &i.id, created, &order, i.cost)?;
                    }
                    Line::Outcome(o) => {
                        let name = match o.result {
                            crate::book::journal::Verdict::Order => "placed",
                            crate::book::journal::Verdict::Error => "refused",
                            crate::book::journal::Verdict::Unknown => "unknown",
                        };
                        db.exec(
                            "UPDATE orders SET outcome = ?2, panel_order = ?3, error = ?4, answered = ?5 WHERE id = ?1",
                            args![o.id, name, o.order, o.error, o.time as i64],
                        )?;
                    }
                    Line::Status(s) => {
                        let finished = crate::panel::status::is_finished(&s.status);
                        let state = crate::panel::status::canonical(&s.status).map(|c| c.name());
                        db.exec(
                            "UPDATE orders SET status = ?2, finished = ?3, checked = ?4, state = ?5 WHERE id = ?1",
                            args![s.id, s.status, finished, s.time as i64, state],
                        )?;
                    }
                }
            }
        }
        db.exec(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)",
            args![DONE, crate::time::rfc3339(crate::time::now() as i64)],
        )?;
        Ok(Some((orders, torn)))
    })
}

/// The journal lines in one physical line: usually one; after a torn write, the torn part is
/// counted and any whole line glued after it (`{torn{"kind":…}`) is still read.
fn parse(raw: &[u8]) -> (Vec<Line>, u64) {
    let text = String::from_utf8_lossy(raw);
    let text = text.trim();
    if text.is_empty() {
        return (Vec::new(), 0);
    }
    if let Ok(line) = serde_json::from_str::<Line>(text) {
        return (vec![line], 0);
    }
    // A torn line: look for whole lines starting further on.
    let found: Vec<Line> = text
        .match_indices("{\"kind\"")
        .filter(|(at, _)| *at > 0)
        .find_map(|(at, _)| serde_json::from_str::<Line>(&text[at..]).ok())
        .into_iter()
        .collect();
    (found, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_torn_line_is_counted_and_what_is_glued_after_it_read() {
        let (lines, torn) = parse(b"{\"kind\":\"intent\",\"id\":\"a");
        assert!(lines.is_empty() && torn == 1);
        let glued = br#"{"kind":"outc{"kind":"status","id":"a","time":5,"status":"Completed"}"#;
        let (lines, torn) = parse(glued);
        assert_eq!((lines.len(), torn), (1, 1));
        let (lines, torn) = parse(b"\xff\xfe garbage");
        assert!(lines.is_empty() && torn == 1);
    }
}
