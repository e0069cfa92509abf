//! Bulk order files: the mass-order format panels use (`service|link|quantity` per line) and
//! CSV with a header (`service,link,quantity[,runs,interval,comments,…]`; the separator may be
//! `;`, as spreadsheets write CSV in many locales, or a tab, found from the header line; a UTF-8
//! byte-order mark is skipped). The columns are the
//! order fields of [`crate::order::FIELDS`], and every order goes through
//! [`Order::from_values`], the checks of the `order add` flags. Cells are text: a cell is never
//! read as a file name (`@FILE` is the command line's); an empty cell means the field is not
//! given. A CSV file may have a `route` column instead of `service`: each line then goes
//! through the named route of the config file (`order add --route`).

use crate::order::{FIELDS, Field, Naming, Order, field_named};

/// One order of a bulk file.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Its line number in the file (1-based; for CSV, the record's first line).
    pub line: usize,
    /// The order, checked (through a route: its service is a stand-in the route replaces).
    pub order: Order,
    /// The route it goes through, when the file has a `route` column.
    pub route: Option<String>,
}

/// A problem of a bulk file: the line it is on (0 for the file as a whole) and what it says
/// (`line 3: …`).
pub type Problem = (usize, String);

/// Parses a bulk file: every problem is reported with its line number; any problem means no
/// order at all.
pub fn parse(text: &str) -> Result<Vec<Line>, Vec<String>> {
    match parse_all(text) {
        (lines, errors) if errors.is_empty() => Ok(lines),
        (_, errors) => Err(errors.into_iter().map(|(_, e)| e).collect()),
    }
}

/// Parses a bulk file as far as it goes: the lines that are orders, and the problem of every
/// other line (so they can be reported with the catalogue's verdict on the good ones, in one
/// run). A file with no order at all has a problem saying so.
pub fn parse_all(text: &str) -> (Vec<Line>, Vec<Problem>) {
    // A byte order mark (some editors save one) is dropped in both formats alike.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let no_orders = || {
        (
            Vec::new(),
            vec![(0, "the file holds no orders".to_string())],
        )
    };
    // Blank and `#` lines before the first order (or header) are skipped in both formats.
    let Some((skip, first)) = text
        .lines()
        .map(str::trim)
        .enumerate()
        .find(|(_, l)| !l.is_empty() && !l.starts_with('#'))
    else {
        return no_orders();
    };
    let (lines, errors) = if first.contains('|') {
        parse_pipes(text)
    } else {
        parse_csv(text, skip)
    };
    if lines.is_empty() && errors.is_empty() {
        return no_orders();
    }
    (lines, errors)
}

/// One order from named cells (blank cells left out), or the error with its line number.
fn order(n: usize, cells: impl Iterator<Item = (&'static str, String)>) -> Result<Line, Problem> {
    let cells = cells.filter(|(_, v)| !v.trim().is_empty());
    match Order::from_values(cells, Naming::Column) {
        Ok(order) => Ok(Line {
            line: n,
            order,
            route: None,
        }),
        Err(e) => Err((n, format!("line {n}: {e}"))),
    }
}

/// `service|link|quantity` per line; blank lines and `#` comments are skipped.
fn parse_pipes(text: &str) -> (Vec<Line>, Vec<Problem>) {
    let mut lines = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let raw = raw.trim();
        if raw.is_empty() || raw.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = raw.split('|').map(str::trim).collect();
        let [service, link, quantity] = parts.as_slice() else {
            errors.push((
                n,
                format!(
                    "line {n}: expected service|link|quantity, got {} fields",
                    parts.len()
                ),
            ));
            continue;
        };
        let cells = [("service", service), ("link", link), ("quantity", quantity)];
        match order(n, cells.into_iter().map(|(k, v)| (k, v.to_string()))) {
            Ok(line) => lines.push(line),
            Err(e) => errors.push(e),
        }
    }
    (lines, errors)
}

/// The separator of a CSV file, from its header line: `;` or a tab when the line has more of
/// them than commas, else `,`.
fn delimiter(header: &str) -> u8 {
    let count = |c: char| header.matches(c).count();
    let commas = count(',');
    match (count(';'), count('\t')) {
        (semicolons, tabs) if semicolons > commas && semicolons >= tabs => b';',
        (_, tabs) if tabs > commas => b'\t',
        _ => b',',
    }
}

/// CSV with a header naming the columns (any order; unknown columns are errors), after `skip`
/// blank or `#` lines.
fn parse_csv(text: &str, skip: usize) -> (Vec<Line>, Vec<Problem>) {
    let start: usize = text.split_inclusive('\n').take(skip).map(str::len).sum();
    let header = text[start..].lines().next().unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(header))
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(&text.as_bytes()[start..]);
    let header_line = skip + 1;
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_ascii_lowercase()).collect(),
        Err(e) => {
            let e = format!("line {header_line}: not a CSV header: {e}");
            return (Vec::new(), vec![(header_line, e)]);
        }
    };
    let columns: Vec<Option<&'static Field>> = headers.iter().map(|h| field_named(h)).collect();
    let route_column = headers.iter().position(|h| h == "route");
    if columns.iter().all(Option::is_none) {
        let e = format!(
            "line {header_line}: no header row: add one naming the columns, e.g. service,link,quantity"
        );
        return (Vec::new(), vec![(header_line, e)]);
    }
    let known = || {
        FIELDS
            .iter()
            .map(|f| f.column())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut errors: Vec<String> = Vec::new();
    for (i, (h, column)) in headers.iter().zip(&columns).enumerate() {
        match column {
            None if h == "route" && route_column == Some(i) => {}
            None => errors.push(format!(
                "line {header_line}: unknown column '{h}' (known: {})",
                known()
            )),
            Some(_) if headers[..i].contains(h) => {
                errors.push(format!("line {header_line}: column '{h}' appears twice"))
            }
            Some(_) => {}
        }
    }
    let has_service = headers.iter().any(|h| h == "service");
    if has_service && route_column.is_some() {
        errors.push(format!(
            "line {header_line}: a bulk file takes a 'service' column or a 'route' column, not both"
        ));
    } else if !has_service && route_column.is_none() {
        errors.push(format!(
            "line {header_line}: the header needs a 'service' column (service,link,quantity,…) or a 'route' column"
        ));
    }
    if !errors.is_empty() {
        return (
            Vec::new(),
            errors.into_iter().map(|e| (header_line, e)).collect(),
        );
    }
    let mut errors: Vec<Problem> = Vec::new();
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let n = e.position().map(|p| p.line() as usize).unwrap_or(0);
                errors.push((n + skip, format!("line {}: {e}", n + skip)));
                continue;
            }
        };
        let n = record.position().map(|p| p.line() as usize).unwrap_or(0) + skip;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let route = route_column.map(|i| record.get(i).unwrap_or("").trim().to_string());
        if route.as_deref() == Some("") {
            errors.push((n, format!("line {n}: no route")));
            continue;
        }
        let cells = columns
            .iter()
            .zip(record.iter())
            .filter_map(|(f, cell)| f.map(|f| (f.name, cell.to_string())))
            // Through a route, each candidate's service replaces this one.
            .chain(route.as_ref().map(|_| ("service", "1".to_string())));
        match order(n, cells) {
            Ok(line) => lines.push(Line { route, ..line }),
            Err(e) => errors.push(e),
        }
    }
    (lines, errors)
}

/// One line's outcome in the report of a bulk run (`order add --file`).
#[derive(Debug, serde::Serialize)]
pub struct LineReport {
    /// The line number in the file.
    pub line: usize,
    /// The route it goes through (a file with a `route` column).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    /// Through a route: the profile of the candidate that took it (or would, or was tried
    /// last); `service` is that candidate's service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// The service id.
    pub service: u64,
    /// The quantity (for list types such as Custom Comments, the number of items).
    pub quantity: Option<u64>,
    /// The link (or username).
    pub link: Option<String>,
    /// The line's exact cost, when known (None when it depends on deliveries).
    pub cost: Option<String>,
    /// `placed`, `skipped`, `held` or `failed`; in a dry run `to place`, `skipped` or `held`.
    pub result: &'static str,
    /// The panel's order id, when placed (or placed by an earlier run).
    pub order: Option<String>,
    /// Why it was skipped or failed.
    pub error: Option<String>,
}

/// The report of a bulk run: the summary before sending, and each line's outcome after.
#[derive(Debug, serde::Serialize)]
pub struct Report {
    /// Whether this was a dry run (nothing sent).
    pub dry_run: bool,
    /// Orders to send.
    pub orders: usize,
    /// Lines the book shows placed already.
    pub skipped: usize,
    /// Lines not sent again because an earlier try's outcome is unknown.
    pub held: usize,
    /// The total cost of the orders to send (exact).
    pub total_cost: String,
    /// Orders whose cost depends on deliveries.
    pub unpriced: usize,
    /// The account currency (empty when the lines go to accounts in several currencies, a
    /// routed file: `total_cost` then names each).
    pub currency: String,
    /// The balance before sending.
    pub balance: Option<String>,
    /// Orders placed.
    pub placed: usize,
    /// Orders not placed (or not known to be).
    pub failed: usize,
    /// Each line's outcome (in a dry run, what would become of it).
    pub lines: Vec<LineReport>,
}

impl Report {
    /// The one line said after a run: how many were placed, skipped, held back and failed, and
    /// where to look (`see`, e.g. "`smm orders`").
    pub fn summary(&self, see: &str) -> String {
        let mut note = format!("{} placed", self.placed);
        if self.skipped > 0 {
            note.push_str(&format!(
                ", {} skipped (the order book shows them placed already; --force orders them again)",
                self.skipped
            ));
        }
        if self.held > 0 {
            note.push_str(&format!(
                ", {} held back (an earlier try's outcome is unknown: check the panel, then --force)",
                self.held
            ));
        }
        if self.failed > 0 {
            note.push_str(&format!(", {} failed (see {see})", self.failed));
        }
        note
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mass_order_format() {
        let lines =
            parse("1448|https://i.com/a|500\n\n# comment\n1452 | https://fb.com/b | 10\n").unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].line, 1);
        assert_eq!(lines[1].line, 4);
        assert_eq!(
            lines[1].order.fields,
            vec![
                ("service", "1452".into()),
                ("link", "https://fb.com/b".into()),
                ("quantity", "10".into())
            ]
        );
    }

    #[test]
    fn bad_lines_are_all_reported_with_their_numbers() {
        let errors = parse("1448|a|500\nx|b|10\n1448|c\n1448|d|-5\n").unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(
            errors[0].starts_with("line 2:")
                && errors[1].starts_with("line 3:")
                && errors[2].starts_with("line 4:")
        );
    }

    #[test]
    fn csv_with_a_header_and_list_cells() {
        let text = "service,link,quantity,runs,interval,comments\n1448,https://i.com/a,500,2,30,\n1452,https://fb.com/b,,,,\"great, thanks\nlove it\"\n";
        let lines = parse(text).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0]
                .order
                .fields
                .iter()
                .find(|(k, _)| *k == "runs")
                .unwrap()
                .1,
            "2"
        );
        assert_eq!(
            lines[1]
                .order
                .fields
                .iter()
                .find(|(k, _)| *k == "comments")
                .unwrap()
                .1,
            "great, thanks\nlove it"
        );
        assert_eq!(lines[1].line, 3);
    }

    #[test]
    fn a_leading_comment_does_not_decide_the_format() {
        assert_eq!(
            parse("# my orders\n1448|https://i.com/a|500\n")
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn csv_problems() {
        assert!(parse("service,lnk\n1,x\n").unwrap_err()[0].contains("unknown column 'lnk'"));
        assert!(parse("link,quantity\nx,1\n").unwrap_err()[0].contains("'service'"));
        let errors = parse("service,link,quantity\n1,a,10\n2,b,ten\n").unwrap_err();
        assert!(
            errors[0].starts_with("line 3:") && errors[0].contains("ten"),
            "{errors:?}"
        );
        assert!(parse("\n\n").is_err());
    }

    #[test]
    fn semicolons_tabs_and_a_byte_order_mark_are_read() {
        let text = "\u{feff}service;link;quantity;comments\n1448;https://i.com/a,b;500;\n1452;https://fb.com/b;;\"great; thanks\nlove it, really\"\n";
        let lines = parse(text).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].order.get("link"), Some("https://i.com/a,b"));
        assert_eq!(
            lines[1].order.get("comments"),
            Some("great; thanks\nlove it, really")
        );
        let lines = parse("service\tlink\tquantity\n1448\thttps://i.com/a\t500\n").unwrap();
        assert_eq!(lines[0].order.get("quantity"), Some("500"));
        let errors = parse("1448;https://i.com/a;500\n").unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("service,link,quantity"), "{errors:?}");
    }

    #[test]
    fn a_csv_without_a_header_is_one_error() {
        let errors = parse("1448,https://i.com/a,500\n1448,https://i.com/b,100\n").unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("line 1: no header row")
                && errors[0].contains("service,link,quantity"),
            "{errors:?}"
        );
    }

    #[test]
    fn comments_and_blank_lines_only_hold_no_orders() {
        for text in ["", "\n\n", "# nothing yet\n\n# later\n", "service,link\n"] {
            assert_eq!(
                parse(text).unwrap_err(),
                vec!["the file holds no orders".to_string()],
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_csv_header_may_follow_comments_and_lines_keep_their_numbers() {
        let lines = parse("# mine\n\nservice,link,quantity\n1448,https://i.com/a,500\n").unwrap();
        assert_eq!(lines[0].line, 4);
        let errors = parse("# mine\nservice,link,device\n1448,https://i.com/a,9\n").unwrap_err();
        assert_eq!(
            errors,
            vec!["line 3: device must be 1 to 5, not 9".to_string()]
        );
        let errors = parse("# mine\nservice,lnk\n1,x\n").unwrap_err();
        assert!(
            errors[0].starts_with("line 2: unknown column 'lnk'"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_bom_is_dropped_in_both_formats() {
        for text in [
            "\u{feff}1448|https://i.com/a|500\n",
            "\u{feff}service,link,quantity\n1448,https://i.com/a,500\n",
            "\u{feff}# mine\nservice,link,quantity\n1448,https://i.com/a,500\n",
        ] {
            let lines = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
            assert_eq!(lines[0].order.service, 1448, "{text:?}");
        }
        assert_eq!(
            parse("\u{feff}#only comment").unwrap_err(),
            vec!["the file holds no orders".to_string()]
        );
    }

    #[test]
    fn a_column_named_twice_is_refused() {
        let errors = parse("service,link,link\n1,a,b\n").unwrap_err();
        assert_eq!(
            errors,
            vec!["line 1: column 'link' appears twice".to_string()]
        );
    }

    #[test]
    fn the_columns_are_the_order_fields() {
        let errors =
            parse("service,link,answer_number,min,expiry\n1,a,0,0,31/02/2026\n").unwrap_err();
        assert!(
            errors[0].starts_with("line 2: expiry '31/02/2026'"),
            "{errors:?}"
        );
        let lines = parse("service,link,answer_number,min\n1,a,0,0\n").unwrap();
        assert_eq!(lines[0].order.get("answer_number"), Some("0"));
        let errors = parse("service,link,runs\n1,a,2\n").unwrap_err();
        assert_eq!(
            errors,
            vec!["line 2: runs needs interval (drip-feed takes both)".to_string()]
        );
    }
}
