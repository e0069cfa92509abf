//! Bulk order files: the mass-order format panels use (`service|link|quantity` per line) and
//! CSV with a header (`service,link,quantity[,runs,interval,comments,…]`).

/// The order fields a CSV header may name, with the form field each maps to.
pub const COLUMNS: [&str; 25] = [
    "service",
    "link",
    "quantity",
    "runs",
    "interval",
    "comments",
    "usernames",
    "hashtags",
    "hashtag",
    "username",
    "keywords",
    "media",
    "groups",
    "answer_number",
    "min",
    "max",
    "posts",
    "old_posts",
    "delay",
    "expiry",
    "country",
    "device",
    "type_of_traffic",
    "google_keyword",
    "referring_url",
];

/// Columns that must hold whole numbers.
const NUMERIC: [&str; 12] = [
    "quantity",
    "runs",
    "interval",
    "answer_number",
    "min",
    "max",
    "posts",
    "old_posts",
    "delay",
    "device",
    "type_of_traffic",
    "service",
];

/// List columns: sent one item per line. `comments` splits on newlines only.
const LISTS: [&str; 5] = ["comments", "usernames", "hashtags", "keywords", "groups"];

/// One order of a bulk file.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Its line number in the file (1-based; for CSV, the record's first line).
    pub line: usize,
    /// The service id.
    pub service: u64,
    /// Form fields in API order, `service` first.
    pub fields: Vec<(&'static str, String)>,
}

/// Parses a bulk file: every problem is reported with its line number; any problem means no
/// order at all.
pub fn parse(text: &str) -> Result<Vec<Line>, Vec<String>> {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    let result = if first.contains('|') {
        parse_pipes(text)
    } else {
        parse_csv(text)
    };
    match result {
        Ok(lines) if lines.is_empty() => Err(vec!["the file holds no orders".to_string()]),
        other => other,
    }
}

/// `service|link|quantity` per line; blank lines and `#` comments are skipped.
fn parse_pipes(text: &str) -> Result<Vec<Line>, Vec<String>> {
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
            errors.push(format!(
                "line {n}: expected service|link|quantity, got {} fields",
                parts.len()
            ));
            continue;
        };
        let pairs = [
            ("service", *service),
            ("link", *link),
            ("quantity", *quantity),
        ];
        match build(n, pairs.iter().map(|(k, v)| (k.to_string(), v.to_string()))) {
            Ok(line) => lines.push(line),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(lines)
    } else {
        Err(errors)
    }
}

/// CSV with a header naming the columns (any order; unknown columns are errors).
fn parse_csv(text: &str) -> Result<Vec<Line>, Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_ascii_lowercase()).collect(),
        Err(e) => return Err(vec![format!("line 1: not a CSV header: {e}")]),
    };
    let mut errors: Vec<String> = headers
        .iter()
        .filter(|h| !COLUMNS.contains(&h.as_str()))
        .map(|h| {
            format!(
                "line 1: unknown column '{h}' (known: {})",
                COLUMNS.join(", ")
            )
        })
        .collect();
    if !headers.iter().any(|h| h == "service") {
        errors.push("line 1: the header needs a 'service' column (service,link,quantity,…)".into());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let n = e.position().map(|p| p.line() as usize).unwrap_or(0);
                errors.push(format!("line {n}: {e}"));
                continue;
            }
        };
        let n = record.position().map(|p| p.line() as usize).unwrap_or(0);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let pairs = headers
            .iter()
            .cloned()
            .zip(record.iter().map(str::to_string));
        match build(n, pairs) {
            Ok(line) => lines.push(line),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(lines)
    } else {
        Err(errors)
    }
}

/// One order from named cells: numbers checked, lists normalized, fields in API order.
fn build(n: usize, pairs: impl Iterator<Item = (String, String)>) -> Result<Line, String> {
    let cells: Vec<(String, String)> = pairs.filter(|(_, v)| !v.trim().is_empty()).collect();
    let get = |name: &str| cells.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim());
    let service = match get("service").map(str::parse::<u64>) {
        Some(Ok(id)) if id > 0 => id,
        Some(_) => {
            return Err(format!(
                "line {n}: service '{}' is not a service id",
                get("service").unwrap_or("")
            ));
        }
        None => return Err(format!("line {n}: no service")),
    };
    if get("link").is_none() && get("username").is_none() {
        return Err(format!("line {n}: no link"));
    }
    let mut fields = Vec::new();
    for name in COLUMNS {
        let Some(value) = get(name) else { continue };
        if NUMERIC.contains(&name)
            && !matches!(value.parse::<u64>(), Ok(v) if v > 0 || name == "delay")
        {
            return Err(format!(
                "line {n}: {name} '{value}' is not a positive whole number"
            ));
        }
        let value = if LISTS.contains(&name) {
            let items: Vec<&str> = value
                .split(|c: char| c == '\n' || (name != "comments" && c == ','))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            items.join("\n")
        } else {
            value.to_string()
        };
        fields.push((name, value));
    }
    Ok(Line {
        line: n,
        service,
        fields,
    })
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
            lines[1].fields,
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
                .fields
                .iter()
                .find(|(k, _)| *k == "runs")
                .unwrap()
                .1,
            "2"
        );
        assert_eq!(
            lines[1]
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
}
