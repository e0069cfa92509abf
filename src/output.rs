//! Everything smm prints on stdout: tables for people, the panel's JSON for `jq`.

use crate::panel::Raw;
use comfy_table::{Color, ColumnConstraint, ContentArrangement, Width, presets};
use std::io::{IsTerminal, Write};
use unicode_width::UnicodeWidthStr;

/// How output is printed, decided once per run.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// `--json`: print the panel's JSON instead of tables.
    pub json: bool,
    /// stdout is a terminal: borders, fitted width.
    pub terminal: bool,
    /// Colour allowed: a terminal and no `NO_COLOR`.
    pub color: bool,
    /// `--quiet`: no notes on stderr.
    pub quiet: bool,
}

impl Output {
    /// Decides from `--json`, `--quiet`, whether stdout is a terminal and `NO_COLOR`.
    pub fn new(json: bool, quiet: bool) -> Output {
        let terminal = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Output {
            json,
            terminal,
            color: terminal && !no_color,
            quiet,
        }
    }

    /// A note for people on stderr (`smm: …`), unless `--quiet`.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("smm: {text}");
        }
    }

    /// A table with `headers`: bordered on a terminal, plain aligned columns when piped.
    pub fn table(&self, headers: &[&str]) -> Table {
        Table {
            header: Some(headers.iter().map(|h| h.to_string()).collect()),
            rows: Vec::new(),
        }
    }

    /// A table without a header row (label/value pairs).
    pub fn key_value(&self) -> Table {
        Table {
            header: None,
            rows: Vec::new(),
        }
    }

    /// A cell coloured by what an order/refill status means (only when colour is allowed).
    pub fn status_cell(&self, status: &str) -> Cell {
        let color = match status.to_ascii_lowercase().as_str() {
            _ if !self.color => None,
            "completed" => Some(Color::Green),
            "partial" => Some(Color::Yellow),
            "canceled" | "cancelled" | "rejected" | "error" | "fail" => Some(Color::Red),
            s if s.starts_with("error") => Some(Color::Red),
            _ => None,
        };
        Cell {
            text: status.to_string(),
            color,
        }
    }

    /// Prints a table: through comfy-table (borders, colours, fitted width) on a terminal;
    /// as plain columns separated by two spaces, streamed, when piped.
    pub fn print_table(&self, table: &mut Table) -> std::io::Result<()> {
        if self.terminal {
            print_line(&table.to_comfy().to_string())
        } else {
            table.write_plain(&mut std::io::stdout().lock())
        }
    }

    /// Prints the panel's JSON: a single body as it came, a merged answer compactly.
    pub fn print_raw(&self, raw: &Raw) -> std::io::Result<()> {
        match raw {
            Raw::Body(body) => print_line(body.trim_end()),
            Raw::Merged(value) => print_line(&value.to_string()),
        }
    }
}

/// One table cell: its text and, on a terminal, its colour.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    text: String,
    color: Option<Color>,
}

impl Cell {
    /// A plain cell.
    pub fn new(text: impl ToString) -> Cell {
        Cell {
            text: text.to_string(),
            color: None,
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, color: None }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::new(text)
    }
}

impl From<&String> for Cell {
    fn from(text: &String) -> Cell {
        Cell::new(text)
    }
}

/// A table built by a command; `Output::print_table` decides how it looks.
#[derive(Debug, Clone)]
pub struct Table {
    header: Option<Vec<String>>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    /// Adds a row.
    pub fn add_row<C: Into<Cell>>(&mut self, row: impl IntoIterator<Item = C>) {
        self.rows.push(row.into_iter().map(Into::into).collect());
    }

    /// The comfy-table rendering for a terminal: rounded borders, colours, fitted to the
    /// terminal without ever splitting a header; left long when the width is unknown.
    fn to_comfy(&self) -> comfy_table::Table {
        let mut table = comfy_table::Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        if let Some(header) = &self.header {
            table.set_header(header);
        }
        for row in &self.rows {
            table.add_row(row.iter().map(|c| {
                let cell = comfy_table::Cell::new(&c.text);
                match c.color {
                    Some(color) => cell.fg(color),
                    None => cell,
                }
            }));
        }
        match table.width() {
            Some(width) if width >= 40 => {
                table.set_content_arrangement(ContentArrangement::Dynamic);
                let widths: Vec<u16> = self
                    .header
                    .iter()
                    .flatten()
                    .map(|h| h.width() as u16)
                    .collect();
                for (i, w) in widths.into_iter().enumerate() {
                    if let Some(column) = table.column_mut(i) {
                        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
                    }
                }
            }
            _ => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        table
    }

    /// Writes aligned columns separated by two spaces, without trailing spaces: what `grep`,
    /// `cut` and `awk` want, and fast for tens of thousands of rows.
    fn write_plain(&self, out: &mut impl Write) -> std::io::Result<()> {
        let mut widths: Vec<usize> = Vec::new();
        let lines = self
            .header
            .iter()
            .map(|h| h.iter().map(String::as_str).collect::<Vec<_>>())
            .chain(
                self.rows
                    .iter()
                    .map(|r| r.iter().map(|c| c.text.as_str()).collect()),
            );
        let lines: Vec<Vec<&str>> = lines.collect();
        for line in &lines {
            if widths.len() < line.len() {
                widths.resize(line.len(), 0);
            }
            for (i, cell) in line.iter().enumerate() {
                widths[i] = widths[i].max(cell.width());
            }
        }
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
        let mut buf = String::new();
        for line in &lines {
            buf.clear();
            for (i, cell) in line.iter().enumerate() {
                buf.push_str(cell);
                if i + 1 < line.len() {
                    let pad = widths[i] - cell.width() + 2;
                    buf.extend(std::iter::repeat_n(' ', pad));
                }
            }
            let trimmed = buf.trim_end();
            out.write_all(trimmed.as_bytes())?;
            out.write_all(b"\n")?;
        }
        out.flush()
    }
}

/// Writes `text` and a newline to stdout; a closed pipe is reported as `BrokenPipe`.
pub fn print_line(text: &str) -> std::io::Result<()> {
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

/// A unix time as `HH:MM:SS` (UTC), for lines printed every few seconds.
pub fn utc_time(secs: i64) -> String {
    let rem = secs.rem_euclid(86_400);
    format!("{:02}:{:02}:{:02}", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// A unix time as `YYYY-MM-DD HH:MM UTC`.
///
/// Hand-written (Howard Hinnant's days-to-civil algorithm) rather than a date crate: it is
/// the only date smm prints, and the crate would cost more build time than these lines.
pub fn utc_date(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60
    )
}

/// A progress bar on stderr for `len` steps, or a hidden one when `enabled` is false (stderr
/// is not a terminal, or `--quiet`).
pub fn progress(len: u64, enabled: bool, what: &str) -> indicatif::ProgressBar {
    if !enabled {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} {msg} [{bar:30}] {pos}/{len} chunks, {elapsed}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_string());
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_times_print_as_utc_dates() {
        assert_eq!(utc_date(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_date(1_703_356_772), "2023-12-23 18:39 UTC");
        assert_eq!(utc_date(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(utc_date(-86_400), "1969-12-31 00:00 UTC");
        let _ = utc_date(i64::MAX / 2);
    }
}
