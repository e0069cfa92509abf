//! A table as commands build it (typed cells), and its renderings: bordered for a terminal,
//! plain aligned columns for pipes, CSV and TSV for spreadsheets.
//!
//! Every rendering passes each header and cell through [`safe`]: text from outside (a
//! customer's link, a panel's service name, an order book entry) never brings a control character,
//! an escape sequence or a bidi override to the terminal, and never splits a row.

use crate::panel::status::{Canonical, canonical};
use crate::text::safe;
use comfy_table::{CellAlignment, Color, ColumnConstraint, ContentArrangement, Width, presets};
use std::borrow::Cow;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// What a cell holds, which decides how it is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Style {
    /// Plain text.
    #[default]
    Plain,
    /// An order or refill status (coloured on a terminal by what it means).
    Status,
    /// A number or an amount: right-aligned in tables (CSV and TSV are not padded).
    Number,
}

/// One table cell: its text and what it holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// The text shown.
    pub text: String,
    /// What the text is.
    pub style: Style,
}

impl Cell {
    /// A plain cell.
    pub fn new(text: impl ToString) -> Cell {
        Cell {
            text: text.to_string(),
            style: Style::Plain,
        }
    }

    /// A status cell (`Completed`, `error: …`).
    pub fn status(text: impl ToString) -> Cell {
        Cell {
            text: text.to_string(),
            style: Style::Status,
        }
    }

    /// A number or amount cell, right-aligned (`500`, `0.90`).
    pub fn number(text: impl ToString) -> Cell {
        Cell {
            text: text.to_string(),
            style: Style::Number,
        }
    }

    /// The colour of this cell on a terminal that allows colour.
    #[cfg(test)]
    fn color(&self) -> Option<Color> {
        color(&self.text, self.style)
    }
}

/// The colour of a cell with `text` and `style` on a terminal that allows colour.
fn color(text: &str, style: Style) -> Option<Color> {
    if style != Style::Status {
        return None;
    }
    if text.starts_with("error") {
        return Some(Color::Red);
    }
    match canonical(text)? {
        Canonical::Completed => Some(Color::Green),
        Canonical::Partial => Some(Color::Yellow),
        Canonical::Canceled | Canonical::Refunded | Canonical::Failed => Some(Color::Red),
        Canonical::Pending | Canonical::InProgress | Canonical::Processing => None,
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::new(text)
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

/// A table built by a command; the output layer decides how it looks.
///
/// The cells are kept made safe, one after another in one string (no allocation per cell:
/// a 20,000-row catalogue is 180,000 cells), each with its width and style.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// The column names (none for label/value tables).
    pub header: Option<Vec<String>>,
    /// Every cell's text, made safe, one after another.
    text: String,
    /// Every cell, row after row.
    cells: Vec<Stored>,
    /// Where each row's cells end in `cells`; a row may have fewer cells than the header.
    rows: Vec<usize>,
}

/// One cell of a table: where its text ends in the table's text, its width, its style.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stored {
    end: usize,
    width: u32,
    style: Style,
}

/// A row being added to a table (`Table::row`); it ends when dropped.
pub struct RowCells<'t> {
    table: &'t mut Table,
}

impl RowCells<'_> {
    /// Adds a plain cell.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.table.push_cell(text, Style::Plain);
        self
    }

    /// Adds a number or amount cell (right-aligned), written straight into the table.
    pub fn number(&mut self, n: impl std::fmt::Display) -> &mut Self {
        use std::fmt::Write as _;
        let start = self.table.text.len();
        let _ = write!(self.table.text, "{n}");
        self.table.close_cell(start, Style::Number);
        self
    }
}

impl RowCells<'_> {
    /// Adds a whole number cell (right-aligned), blank when unknown; written without the
    /// formatting machinery (a catalogue has tens of thousands of them).
    pub fn count(&mut self, n: Option<u64>) -> &mut Self {
        let start = self.table.text.len();
        if let Some(mut n) = n {
            let mut digits = [0u8; 20];
            let mut at = digits.len();
            loop {
                at -= 1;
                digits[at] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            // ASCII digits are text.
            self.table
                .text
                .push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
        }
        self.table.close_cell(start, Style::Number);
        self
    }
}

impl Drop for RowCells<'_> {
    fn drop(&mut self) {
        self.table.rows.push(self.table.cells.len());
    }
}

impl Table {
    /// A table with `headers`.
    pub fn new(headers: &[&str]) -> Table {
        Table {
            header: Some(headers.iter().map(|h| h.to_string()).collect()),
            ..Table::default()
        }
    }

    /// A table without a header row (label/value pairs).
    pub fn key_value() -> Table {
        Table::default()
    }

    /// Adds a row.
    pub fn add_row<C: Into<Cell>>(&mut self, row: impl IntoIterator<Item = C>) {
        for cell in row {
            let cell = cell.into();
            self.push_cell(&cell.text, cell.style);
        }
        self.rows.push(self.cells.len());
    }

    /// Room for `rows` more rows of `columns` cells.
    pub fn reserve(&mut self, rows: usize, columns: usize) {
        self.rows.reserve(rows);
        self.cells.reserve(rows * columns);
    }

    /// Starts a row whose cells are added from borrowed text (no allocation per cell); the
    /// row ends when the returned value is dropped.
    pub fn row(&mut self) -> RowCells<'_> {
        RowCells { table: self }
    }

    /// Appends a cell's text, made safe.
    fn push_cell(&mut self, text: &str, style: Style) {
        let start = self.text.len();
        // Printable ASCII (most cells) is safe as it is, one column a byte: one pass over it.
        let width = match text.bytes().all(|b| b.wrapping_sub(0x20) < 0x5f) {
            true => {
                self.text.push_str(text);
                text.len()
            }
            false => {
                self.text.push_str(&safe(text));
                width(&self.text[start..])
            }
        };
        self.cells.push(Stored {
            end: self.text.len(),
            width: width as u32,
            style,
        });
    }

    /// Ends a cell whose text was written from `start` on: made safe, measured.
    fn close_cell(&mut self, start: usize, style: Style) {
        if let Cow::Owned(text) = safe(&self.text[start..]) {
            self.text.truncate(start);
            self.text.push_str(&text);
        }
        self.cells.push(Stored {
            end: self.text.len(),
            width: width(&self.text[start..]) as u32,
            style,
        });
    }

    /// The rows, each as its cells: (text made safe, width, style).
    fn rows(
        &self,
    ) -> impl Iterator<Item = impl ExactSizeIterator<Item = (&str, Stored)> + '_> + '_ {
        let starts = std::iter::once(0).chain(self.rows.iter().copied());
        starts.zip(self.rows.iter().copied()).map(|(start, end)| {
            (start..end).map(|i| {
                // A cell's text starts where the one before it ends.
                let from = match i {
                    0 => 0,
                    i => self.cells[i - 1].end,
                };
                (&self.text[from..self.cells[i].end], self.cells[i])
            })
        })
    }

    /// Which columns hold numbers (right-aligned, header included): those with a number cell.
    fn numeric_columns(&self) -> Vec<bool> {
        let columns = self
            .header
            .as_ref()
            .map(Vec::len)
            .into_iter()
            .chain(self.rows().map(|row| row.len()))
            .max()
            .unwrap_or(0);
        let mut numeric = vec![false; columns];
        for row in self.rows() {
            for (i, (_, cell)) in row.enumerate() {
                numeric[i] |= cell.style == Style::Number;
            }
        }
        numeric
    }

    /// The comfy-table rendering for a terminal: rounded borders, colours (when `color`), fitted
    /// to the terminal without ever splitting a header; left long when the width is unknown.
    pub fn to_comfy(&self, color: bool) -> comfy_table::Table {
        let mut table = comfy_table::Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        let numeric = self.numeric_columns();
        if let Some(header) = &self.header {
            table.set_header(header.iter().enumerate().map(|(i, h)| {
                let cell = comfy_table::Cell::new(safe(h));
                match numeric.get(i) {
                    Some(true) => cell.set_alignment(CellAlignment::Right),
                    _ => cell,
                }
            }));
        }
        for row in self.rows() {
            table.add_row(row.map(|(text, c)| {
                let mut cell = comfy_table::Cell::new(text);
                if c.style == Style::Number {
                    cell = cell.set_alignment(CellAlignment::Right);
                }
                match self::color(text, c.style).filter(|_| color) {
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
    /// `cut` and `awk` want, and fast for tens of thousands of rows. Numbers are right-aligned
    /// in their column (and so is its header). The last cell of a short (error) row runs on
    /// past its column instead of widening it for every other row.
    pub fn write_plain(&self, out: &mut impl Write) -> std::io::Result<()> {
        let numeric = self.numeric_columns();
        let columns = numeric.len();
        // The header as cells (text, width, right-aligned), right-aligned over numbers.
        let header: Option<Vec<(Cow<str>, usize, bool)>> = self.header.as_ref().map(|h| {
            h.iter()
                .zip(&numeric)
                .map(|(t, &right)| {
                    let text = safe(t);
                    let w = width(&text);
                    (text, w, right)
                })
                .collect()
        });
        // Widths: a short (error) row's last cell does not count.
        let counted = |len: usize| match len < columns {
            true => len.saturating_sub(1),
            false => len,
        };
        let mut widths = vec![0; columns];
        for line in header.iter() {
            for (i, cell) in line.iter().take(counted(line.len())).enumerate() {
                widths[i] = widths[i].max(cell.1);
            }
        }
        for row in self.rows() {
            let n = counted(row.len());
            for (i, (_, cell)) in row.take(n).enumerate() {
                widths[i] = widths[i].max(cell.width as usize);
            }
        }
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
        let mut buf = String::new();
        if let Some(header) = &header {
            let cells = header.iter().map(|(t, w, right)| (t.as_ref(), *w, *right));
            plain_line(&mut buf, &widths, cells);
            out.write_all(buf.as_bytes())?;
        }
        for row in self.rows() {
            let cells = row.map(|(text, c)| (text, c.width as usize, c.style == Style::Number));
            plain_line(&mut buf, &widths, cells);
            out.write_all(buf.as_bytes())?;
        }
        out.flush()
    }

    /// Writes CSV (`delimiter` b',') or TSV (b'\t'): the header row, then one record per row,
    /// short (error) rows padded so every record has the header's columns.
    pub fn write_delimited(&self, out: &mut impl Write, delimiter: u8) -> std::io::Result<()> {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_writer(std::io::BufWriter::with_capacity(64 * 1024, out));
        let columns = self
            .header
            .as_ref()
            .map(Vec::len)
            .or_else(|| self.rows().map(|row| row.len()).max())
            .unwrap_or(0);
        if let Some(header) = &self.header {
            let header = header.iter().map(|h| safe(h).into_owned());
            writer.write_record(header).map_err(std::io::Error::other)?;
        }
        for row in self.rows() {
            let len = row.len();
            let cells = row
                .map(|(text, _)| text)
                .chain(std::iter::repeat(""))
                .take(columns.max(len));
            writer.write_record(cells).map_err(csv_error)?;
        }
        writer.flush()
    }
}

/// One line of a plain table into `buf`: its cells (text, width, right-aligned) padded to
/// `widths`, two spaces apart, no trailing spaces, a newline.
fn plain_line<'a>(
    buf: &mut String,
    widths: &[usize],
    cells: impl ExactSizeIterator<Item = (&'a str, usize, bool)>,
) {
    buf.clear();
    let len = cells.len();
    let short = len < widths.len();
    for (i, (text, w, right)) in cells.enumerate() {
        let last = i + 1 == len;
        let pad = widths[i].saturating_sub(w);
        // The run-on last cell of a short row is never padded.
        if right && !(short && last) {
            spaces(buf, pad);
            buf.push_str(text);
            if !last {
                buf.push_str("  ");
            }
            continue;
        }
        buf.push_str(text);
        if !last {
            spaces(buf, pad + 2);
        }
    }
    buf.truncate(buf.trim_end().len());
    buf.push('\n');
}

/// Appends `n` spaces.
fn spaces(buf: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut left = n;
    while left > 0 {
        let now = left.min(SPACES.len());
        buf.push_str(&SPACES[..now]);
        left -= now;
    }
}

/// The columns `text` takes on a terminal (text already made safe: ASCII is one column each).
fn width(text: &str) -> usize {
    match text.is_ascii() {
        true => text.len(),
        false => text.width(),
    }
}

/// A csv error as an I/O error (keeping a closed pipe recognisable).
fn csv_error(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new(&["ORDER", "STATUS", "CHARGE"]);
        t.add_row(vec![
            Cell::new("1"),
            Cell::status("Completed"),
            Cell::number("0.90"),
        ]);
        t.add_row(vec![
            Cell::new("2"),
            Cell::status("error: Incorrect order ID"),
        ]);
        t.add_row(vec![
            Cell::new("3"),
            Cell::status("a, \"b\""),
            Cell::number("1"),
        ]);
        t
    }

    #[test]
    fn plain_columns_align_without_trailing_spaces() {
        let mut out = Vec::new();
        sample().write_plain(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ORDER  STATUS     CHARGE\n\
             1      Completed    0.90\n\
             2      error: Incorrect order ID\n\
             3      a, \"b\"          1\n"
        );
    }

    #[test]
    fn numbers_are_right_aligned_between_columns_too() {
        let mut t = Table::new(&["ID", "RATE", "MIN", "NAME"]);
        t.add_row(vec![
            Cell::new("1448"),
            Cell::number("0.90"),
            Cell::number("50"),
            Cell::new("Followers"),
        ]);
        t.add_row(vec![
            Cell::new("7"),
            Cell::number("12.5"),
            Cell::number("1000"),
            Cell::new("Likes"),
        ]);
        let mut out = Vec::new();
        t.write_plain(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ID    RATE   MIN  NAME\n\
             1448  0.90    50  Followers\n\
             7     12.5  1000  Likes\n"
        );
        let rendered = t.to_comfy(false).to_string();
        assert!(rendered.contains("│ 1448 ┆ 0.90 ┆   50 ┆"), "{rendered}");
        assert!(rendered.contains("│ ID   ┆ RATE ┆  MIN ┆"), "{rendered}");
    }

    #[test]
    fn cells_written_from_borrowed_text_read_like_owned_ones() {
        let mut borrowed = Table::new(&["A", "N", "M"]);
        let mut owned = Table::new(&["A", "N", "M"]);
        for (text, n) in [("x\u{1b}[2Jé", Some(0)), ("", None), ("b", Some(u64::MAX))] {
            borrowed.row().text(text).count(n).number(1.5);
            owned.add_row(vec![
                Cell::new(text),
                Cell::number(n.map(|n| n.to_string()).unwrap_or_default()),
                Cell::number("1.5"),
            ]);
        }
        assert_eq!(borrowed, owned);
        let mut out = Vec::new();
        borrowed.write_plain(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            [
                "A                          N    M",
                "x [2Jé                     0  1.5",
                "                              1.5",
                "b       18446744073709551615  1.5\n",
            ]
            .join("\n")
        );
    }

    #[test]
    fn csv_and_tsv_pad_error_rows_and_quote() {
        let mut out = Vec::new();
        sample().write_delimited(&mut out, b',').unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ORDER,STATUS,CHARGE\n1,Completed,0.90\n2,error: Incorrect order ID,\n3,\"a, \"\"b\"\"\",1\n"
        );
        let mut out = Vec::new();
        sample().write_delimited(&mut out, b'\t').unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ORDER\tSTATUS\tCHARGE\n1\tCompleted\t0.90\n2\terror: Incorrect order ID\t\n3\t\"a, \"\"b\"\"\"\t1\n"
        );
    }

    #[test]
    fn status_colours_follow_the_meaning_not_the_spelling() {
        let colour = |t: &str| Cell::status(t).color();
        for (green, yellow, red) in [
            ("Completed", "Partial", "Canceled"),
            ("Complete", "partial", "Cancelled"),
            ("tasks.status.completed", "PARTIAL", "tasks.status.rejected"),
        ] {
            assert_eq!(colour(green), Some(Color::Green), "{green}");
            assert_eq!(colour(yellow), Some(Color::Yellow), "{yellow}");
            assert_eq!(colour(red), Some(Color::Red), "{red}");
        }
        assert_eq!(colour("error: Order not found."), Some(Color::Red));
        assert_eq!(colour("inprogress"), None);
        assert_eq!(Cell::new("Completed").color(), None);
    }

    #[test]
    fn every_rendering_makes_outside_text_safe() {
        let mut t = Table::new(&["LINK\u{1b}[2J"]);
        t.add_row(vec![Cell::new(
            "a\u{1b}]52;c;x\u{7}\u{9b}31m\u{202e}b\nc\td",
        )]);
        let mut plain = Vec::new();
        t.write_plain(&mut plain).unwrap();
        let mut csv = Vec::new();
        t.write_delimited(&mut csv, b',').unwrap();
        let comfy = t.to_comfy(false).to_string();
        for text in [
            String::from_utf8(plain).unwrap(),
            String::from_utf8(csv).unwrap(),
            comfy,
        ] {
            assert!(
                !text.chars().any(|c| c != '\n' && crate::text::is_unsafe(c)),
                "{text:?}"
            );
            assert!(text.contains("a ]52;c;x  31m b c d"), "{text:?}");
        }
    }
}
