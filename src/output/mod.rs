//! Everything smm prints on stdout, in one layer: commands hand it typed tables and JSON
//! documents; it renders them as a table (terminal), plain columns (pipe), JSON, CSV or TSV.
//!
//! `views` turns typed panel answers into tables; `table` draws them.
//!
//! Outside text is made safe here, where it is printed, and nowhere else needs to: table
//! cells in every rendering ([`table`]), text lines ([`print_line`], [`Output::line`]: control
//! characters and bidi overrides become spaces), and JSON (every control character and bidi
//! override written as a `\uXXXX` escape, [`crate::text::json_safe`]). stderr gets the same
//! treatment in [`crate::msg`].

mod table;
pub mod views;

pub use table::{Cell, Style, Table};

use crate::panel::Raw;
use crate::text::{json_safe, safe_lines};
use serde::Serialize;
use std::io::{IsTerminal, Write};

/// The output format (`--format`; `--json` is short for `--format json`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table: bordered on a terminal, plain aligned columns when piped.
    #[default]
    Table,
    /// The panel's JSON as it came (or smm's own JSON document).
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
}

/// How output is printed, decided once per run.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// The chosen format.
    pub format: Format,
    /// stdout is a terminal: borders, fitted width.
    pub terminal: bool,
    /// Colour allowed: a terminal and no `NO_COLOR`.
    pub color: bool,
}

impl Output {
    /// Decides from the format, whether stdout is a terminal and `NO_COLOR`.
    pub fn new(format: Format) -> Output {
        let terminal = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Output {
            format,
            terminal,
            color: terminal && !no_color,
        }
    }

    /// Whether JSON is wanted.
    pub fn json(&self) -> bool {
        self.format == Format::Json
    }

    /// Prints a panel's answer: its raw JSON with `--json` (a single body byte for byte, a
    /// merged one compactly), else `table` in the chosen format.
    pub fn answer(&self, raw: &Raw, table: &Table) -> std::io::Result<()> {
        match (self.format, raw) {
            (Format::Json, Raw::Body(body)) => write_line(&json_safe(body.trim_end())),
            (Format::Json, Raw::Merged(value)) => write_line(&json_safe(&value.to_string())),
            _ => self.table(table),
        }
    }

    /// Prints a panel's answer like `answer`, building only what the format needs: `raw` for
    /// JSON, else `table` (the other is dropped unbuilt first, so a large answer's body or table
    /// is not held beside the other).
    pub fn answer_with(
        &self,
        raw: impl FnOnce() -> Raw,
        table: impl FnOnce() -> Table,
    ) -> std::io::Result<()> {
        match self.format {
            Format::Json => {
                drop(table);
                self.answer(&raw(), &Table::default())
            }
            _ => {
                drop(raw);
                self.table(&table())
            }
        }
    }

    /// Prints smm's own document: `doc` serialized with `--json`, else `table`.
    pub fn report<T: Serialize + ?Sized>(&self, doc: &T, table: &Table) -> std::io::Result<()> {
        match self.format {
            Format::Json => self.json_line(doc),
            _ => self.table(table),
        }
    }

    /// Prints `doc` as one line of compact JSON.
    pub fn json_line<T: Serialize + ?Sized>(&self, doc: &T) -> std::io::Result<()> {
        let text = serde_json::to_string(doc).map_err(std::io::Error::other)?;
        write_line(&json_safe(&text))
    }

    /// A JSON array written one element at a time, each made safe like `json_line` (memory
    /// stays flat however many there are).
    pub fn json_array(&self) -> std::io::Result<JsonArray> {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        out.write_all(b"[")?;
        Ok(JsonArray { out, count: 0 })
    }

    /// Prints a table in the chosen format (JSON gets the plain rendering): bordered through
    /// comfy-table on a terminal, plain columns streamed when piped, CSV or TSV.
    pub fn table(&self, table: &Table) -> std::io::Result<()> {
        match self.format {
            Format::Csv => table.write_delimited(&mut std::io::stdout().lock(), b','),
            Format::Tsv => table.write_delimited(&mut std::io::stdout().lock(), b'\t'),
            // Cells are made safe by the renderer; the colours are comfy-table's own escapes.
            _ if self.terminal => write_line(&table.to_comfy(self.color).to_string()),
            _ => table.write_plain(&mut std::io::stdout().lock()),
        }
    }

    /// Prints one line of text for people (never in JSON, CSV or TSV output).
    pub fn line(&self, text: &str) -> std::io::Result<()> {
        match self.format {
            Format::Table => print_line(text),
            _ => Ok(()),
        }
    }

    /// A bordered table redrawn in place on a terminal (`smm watch`); `footer` follows it.
    pub fn redraw(&self, live: &mut Live, table: &Table, footer: &str) -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        if live.drawn > 0 {
            write!(out, "\x1b[{}A\x1b[J", live.drawn)?;
        }
        let text = format!("{}\n{}", table.to_comfy(self.color), safe_lines(footer));
        live.drawn = text.lines().count();
        writeln!(out, "{text}")?;
        out.flush()
    }

    /// A progress bar on stderr, drawn only when stderr is a terminal and notes are on; `what`
    /// names the steps (`chunks`, `orders`).
    pub fn progress(&self, what: &'static str) -> Bar {
        Bar {
            enabled: std::io::stderr().is_terminal() && !crate::msg::quiet(),
            what,
            bar: std::sync::Mutex::new(None),
        }
    }
}

/// A JSON array being written to stdout (see `Output::json_array`).
pub struct JsonArray {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    count: usize,
}

impl JsonArray {
    /// Writes one element.
    pub fn push<T: Serialize + ?Sized>(&mut self, item: &T) -> std::io::Result<()> {
        if self.count > 0 {
            self.out.write_all(b",")?;
        }
        let text = serde_json::to_string(item).map_err(std::io::Error::other)?;
        self.out.write_all(json_safe(&text).as_bytes())?;
        self.count += 1;
        Ok(())
    }

    /// Closes the array; returns how many elements it holds.
    pub fn finish(mut self) -> std::io::Result<usize> {
        self.out.write_all(b"]\n")?;
        self.out.flush()?;
        Ok(self.count)
    }
}

/// How many lines a live table took last time it was drawn.
#[derive(Debug, Default)]
pub struct Live {
    drawn: usize,
}

/// A progress bar (indicatif) that the panel layer advances through `panel::Progress`.
pub struct Bar {
    enabled: bool,
    what: &'static str,
    bar: std::sync::Mutex<Option<indicatif::ProgressBar>>,
}

impl Bar {
    /// Whether the bar is drawn at all.
    pub fn enabled(&self) -> bool {
        self.enabled
    }
}

impl crate::panel::Progress for Bar {
    fn start(&self, total: u64) {
        if !self.enabled {
            return;
        }
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} [{bar:30}] {pos}/{len} {msg}, {elapsed}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(self.what);
        *self.bar.lock().unwrap_or_else(|p| p.into_inner()) = Some(bar);
    }

    fn step(&self) {
        if let Some(bar) = self.bar.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.lock().unwrap_or_else(|p| p.into_inner()).take() {
            bar.finish_and_clear();
        }
    }
}

/// Writes `text` and a newline to stdout, control characters and bidi overrides made spaces
/// (line breaks and tabs kept); a closed pipe is reported as `BrokenPipe`.
pub fn print_line(text: &str) -> std::io::Result<()> {
    write_line(&safe_lines(text))
}

/// Writes `text` as it is, and a newline (text already made safe, or smm's own escapes).
fn write_line(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Whether an error is a closed stdout (`smm … | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
