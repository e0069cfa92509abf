//! Everything smm prints on stdout: tables for people, the panel's JSON for `jq`.

use crate::panel::Raw;
use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets};
use std::io::{IsTerminal, Write};

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
        let mut table = self.key_value();
        table.set_header(headers.iter().map(Cell::new));
        table
    }

    /// A table without a header row (label/value pairs).
    pub fn key_value(&self) -> Table {
        let mut table = Table::new();
        if self.terminal {
            table.load_style(presets::UTF8_FULL_CONDENSED);
            table.set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            table.load_style(presets::NOTHING);
            table.force_no_tty();
        }
        table
    }

    /// A cell coloured by what an order/refill status means (only when colour is allowed).
    pub fn status_cell(&self, status: &str) -> Cell {
        let cell = Cell::new(status);
        if !self.color {
            return cell;
        }
        match status.to_ascii_lowercase().as_str() {
            "completed" => cell.fg(Color::Green),
            "partial" => cell.fg(Color::Yellow),
            "canceled" | "cancelled" | "rejected" | "error" | "fail" => cell.fg(Color::Red),
            s if s.starts_with("error") => cell.fg(Color::Red),
            _ => cell,
        }
    }

    /// Prints a table followed by a newline.
    pub fn print_table(&self, table: &mut Table) -> std::io::Result<()> {
        if self.terminal {
            fit_to_terminal(table);
        } else {
            // Piped: columns separated by two spaces, no leading padding.
            table.column_iter_mut().for_each(|c| {
                c.set_padding((0, 2));
            });
        }
        let text = table.to_string();
        let text: String = if self.terminal {
            text
        } else {
            // Without borders, comfy-table pads every line; trim for grep/cut-friendly output.
            text.lines()
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join("\n")
        };
        print_line(&text)
    }

    /// Prints the panel's JSON: a single body as it came, a merged answer compactly.
    pub fn print_raw(&self, raw: &Raw) -> std::io::Result<()> {
        match raw {
            Raw::Body(body) => print_line(body.trim_end()),
            Raw::Merged(value) => print_line(&value.to_string()),
        }
    }
}

/// Fits a table to a known terminal width without ever splitting a header; when the width is
/// unknown or tiny, lines are left long rather than squeezed into unreadable columns.
fn fit_to_terminal(table: &mut Table) {
    match table.width() {
        Some(width) if width >= 40 => {
            let headers: Vec<u16> = table
                .header()
                .map(|h| {
                    h.cell_iter()
                        .map(|c| c.content().chars().count() as u16)
                        .collect()
                })
                .unwrap_or_default();
            for (i, w) in headers.into_iter().enumerate() {
                if let Some(column) = table.column_mut(i) {
                    column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
                }
            }
        }
        _ => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
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
