//! `smm book`: which order book is in use (`info`), and copying one book into another
//! (`copy`), say a laptop's SQLite file into the team's PostgreSQL book.

use crate::book::{Book, Copied, Counts, Place};
use crate::cli::settings::Settings;
use crate::cli::{BookCommand, BookCopyArgs};
use crate::exit::Exit;
use crate::output::{Output, views};

/// Runs `smm book info` or `smm book copy`.
pub fn run(settings: &Settings, cmd: BookCommand) -> anyhow::Result<Exit> {
    let out = Output::new(settings.format);
    match cmd {
        BookCommand::Info => info(out),
        BookCommand::Copy(args) => copy(out, &args),
    }
}

/// What `smm book info` reports.
#[derive(serde::Serialize)]
pub struct Info {
    /// sqlite or postgres.
    pub backend: &'static str,
    /// The file's path or the server's URL (never a password).
    pub book: String,
    /// The schema version the book is at.
    pub schema_version: i64,
    /// Rows by table.
    pub counts: Counts,
}

/// `smm book info`.
fn info(out: Output) -> anyhow::Result<Exit> {
    let book = Book::open()?;
    let info = Info {
        backend: book.backend(),
        book: book.place().to_string(),
        schema_version: book.schema_version()?,
        counts: book.counts()?,
    };
    out.report(&info, &views::book_info(&info))?;
    Ok(Exit::Success)
}

/// What `smm book copy` reports.
#[derive(serde::Serialize)]
pub struct CopyReport {
    /// The book copied from.
    pub from: String,
    /// The book copied into.
    pub to: String,
    /// Rows written, by table (rows the target held already are not counted).
    pub copied: Copied,
    /// Orders the target held already (by entry id).
    pub already: u64,
}

/// `smm book copy`.
fn copy(out: Output, args: &BookCopyArgs) -> anyhow::Result<Exit> {
    let from = match &args.from {
        Some(text) => crate::book::named_place(text)?,
        None => crate::book::find_place()?,
    };
    let to = crate::book::named_place(&args.to)?;
    if same(&from, &to) {
        return Err(crate::exit::usage(format!(
            "--to names the book copied from ({from}): name another book"
        )));
    }
    let source = Book::open_place(from)?;
    let target = Book::open_place(to)?;
    let bar = out.progress("orders");
    let copied = source.copy_to(&target, &bar)?;
    let total = source.counts()?.orders;
    let report = CopyReport {
        from: source.place().to_string(),
        to: target.place().to_string(),
        already: total.saturating_sub(copied.orders),
        copied,
    };
    out.report(&report, &views::book_copied(&report))?;
    Ok(Exit::Success)
}

/// Whether two places are the same book.
fn same(a: &Place, b: &Place) -> bool {
    match (a, b) {
        (Place::File(a), Place::File(b)) => {
            a == b
                || (a.canonicalize().ok().is_some()
                    && a.canonicalize().ok() == b.canonicalize().ok())
        }
        (Place::Server(a), Place::Server(b)) => a.to_string() == b.to_string(),
        _ => false,
    }
}
