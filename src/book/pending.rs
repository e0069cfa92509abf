//! Outcomes the book could not take when they came (held by another smm past the lock
//! timeout, a full disk): each is kept in a private side file beside the book,
//! `outcome-<entry>.json` (mode 0600), and folded into the book by the next run that opens
//! it, before anything else — so an order placed on the panel never stays without its id.

use super::{Book, Outcome};
use std::path::{Path, PathBuf};

/// What a side file holds: the arguments of [`Book::finish`].
#[derive(serde::Serialize, serde::Deserialize)]
struct Pending {
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

/// The prefix and suffix of a side file's name.
const PREFIX: &str = "outcome-";
/// See [`PREFIX`].
const SUFFIX: &str = ".json";

impl Book {
    /// Keeps an outcome the book could not write in a 0600 side file beside the book; returns
    /// the file's path.
    pub(super) fn keep_aside(
        &self,
        id: &str,
        outcome: Outcome,
        order: Option<&str>,
        error: Option<&str>,
        answered: i64,
    ) -> std::io::Result<PathBuf> {
        use std::io::Write;
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let path = dir.join(format!("{PREFIX}{id}{SUFFIX}"));
        let pending = Pending {
            id: id.to_string(),
            outcome: outcome.name().to_string(),
            order: order.map(str::to_string),
            error: error.map(str::to_string),
            answered,
        };
        let text = serde_json::to_string(&pending).map_err(std::io::Error::other)?;
        let mut file = crate::config::private::write_private(
            &path,
            crate::config::private::Existing::Truncate,
        )?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        Ok(path)
    }

    /// Folds every side file beside the book into it, oldest first, and removes each once it
    /// is written; one the book cannot take now (locked again) stays for the next run.
    pub(super) fn fold_pending(&self) {
        let Some(dir) = self.path.parent() else {
            return;
        };
        let Ok(read) = std::fs::read_dir(dir) else {
            return;
        };
        let mut files: Vec<PathBuf> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
            })
            .collect();
        files.sort();
        for file in files {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let Ok(p) = serde_json::from_str::<Pending>(&text) else {
                crate::msg::warn(&format!(
                    "{} is not an order outcome smm wrote: left as it is",
                    file.display()
                ));
                continue;
            };
            let outcome = Outcome::parse(&p.outcome);
            match self.finish(
                &p.id,
                outcome,
                p.order.as_deref(),
                p.error.as_deref(),
                p.answered,
            ) {
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
