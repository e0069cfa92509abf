//! The order model: one table of order fields ([`FIELDS`]) drives the `order add` flags, the
//! bulk-file columns and the checks of every value; [`Order::from_values`] is the one
//! constructor both the command line and bulk files use, so they give the same verdict. A leaf:
//! the panel takes an [`Order`]; what a service makes of it is `panel::Service::price`.

use crate::text::is_unsafe;

/// What a field holds, and how its value is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number (digits only) within `min..=max`.
    Number {
        /// The smallest value allowed.
        min: u64,
        /// The largest value allowed.
        max: u64,
    },
    /// One line of text, not blank, without control characters or bidi overrides.
    Text,
    /// One word, not blank: no spaces, control characters, bidi overrides or invisible
    /// characters (links and usernames, which are shown back in tables and the order book).
    Word,
    /// A link: a [`Word`](Kind::Word) that is an `http://` or `https://` URL, or a bare handle
    /// (letters, digits, `._-@`: see [`is_handle`]), which only services that take a username
    /// accept (`panel::Service::takes_username` decides, against the catalogue). A schemeless
    /// URL is refused with its `https://…` form; any other scheme is refused by name.
    Link,
    /// Items sent one per line; empty items are dropped, at least one and at most
    /// [`MAX_ITEMS`] must be left, none holding a control character (tabs aside).
    List {
        /// Commas separate items too (every list but `comments`, whose items may hold commas).
        commas: bool,
    },
    /// A calendar date written d/m/Y (`31/12/2026`, `1/2/2026`).
    Date,
}

/// One order field: its names on the form, the command line and in a CSV header, and its help.
#[derive(Debug, PartialEq, Eq)]
pub struct Field {
    /// The form field name the API uses (also the CSV column name).
    pub name: &'static str,
    /// The long flag of `smm order add`, without the dashes (`old-posts`).
    pub flag: &'static str,
    /// The value's placeholder in `--help` (`N`, `URL`, `TEXT|@FILE`).
    pub value_name: &'static str,
    /// The one-line help of the flag.
    pub help: &'static str,
    /// The `--help` section the flag is listed under (None: Options).
    pub heading: Option<&'static str>,
    /// What the field holds.
    pub kind: Kind,
}

impl Field {
    /// The CSV column name of the field (the form name).
    pub fn column(&self) -> &'static str {
        self.name
    }
}

/// No upper bound.
const ANY: u64 = u64::MAX;
/// The most items a list field takes (comments, usernames, …).
pub const MAX_ITEMS: usize = 10_000;
/// The largest quantity (and Subscriptions min/max) an order takes.
const MAX_QUANTITY: u64 = 1_000_000_000;
/// A year in minutes: the longest drip-feed interval or Subscriptions delay.
const YEAR_MINUTES: u64 = 525_600;
/// A whole number within `min..=max`.
const fn num(min: u64, max: u64) -> Kind {
    Kind::Number { min, max }
}
/// A list that also splits on commas.
const LIST: Kind = Kind::List { commas: true };
/// The `--help` section of the type-specific fields.
const TYPE: Option<&str> = Some("Type fields");
/// The `--help` section of the Subscriptions fields.
const SUBS: Option<&str> = Some("Subscriptions");
/// The `--help` section of the Web Traffic fields.
const WEB: Option<&str> = Some("Web Traffic");

/// Builds a table row.
const fn field(
    name: &'static str,
    flag: &'static str,
    value_name: &'static str,
    kind: Kind,
    heading: Option<&'static str>,
    help: &'static str,
) -> Field {
    Field {
        name,
        flag,
        value_name,
        help,
        heading,
        kind,
    }
}

/// Every order field, in the order the API lists them (and the form sends them).
#[rustfmt::skip]
pub const FIELDS: &[Field] = &[
    field("service", "service", "ID", num(1, ANY), None, "Service id (from `smm services`)"),
    field("link", "link", "URL", Kind::Link, None, "Link to the post, page or profile"),
    field("quantity", "quantity", "N", num(1, MAX_QUANTITY), None, "Quantity to order"),
    field("runs", "runs", "N", num(1, 10_000), None, "Drip-feed: number of runs (needs --interval)"),
    field("interval", "interval", "MIN", num(1, YEAR_MINUTES), None, "Drip-feed: minutes between runs (needs --runs)"),
    field("comments", "comments", "TEXT|@FILE", Kind::List { commas: false }, TYPE, "Custom comments, one per line (text or @FILE)"),
    field("usernames", "usernames", "TEXT|@FILE", LIST, TYPE, "Usernames to mention (text or @FILE)"),
    field("hashtags", "hashtags", "TEXT|@FILE", LIST, TYPE, "Hashtags (text or @FILE)"),
    field("hashtag", "hashtag", "TAG", Kind::Text, TYPE, "One hashtag (Mentions Hashtag)"),
    field("username", "username", "NAME", Kind::Word, TYPE, "One username (Mentions User Followers, Comment Likes/Replies, Subscriptions)"),
    field("keywords", "keywords", "TEXT|@FILE", LIST, TYPE, "SEO keywords (text or @FILE)"),
    field("media", "media", "URL", Kind::Word, TYPE, "Media URL (Mentions Media Likers)"),
    field("groups", "groups", "TEXT|@FILE", LIST, TYPE, "Groups to invite from (text or @FILE)"),
    field("answer_number", "answer-number", "N", num(0, 1_000), TYPE, "Poll answer number"),
    field("min", "min", "N", num(0, MAX_QUANTITY), SUBS, "Subscriptions: minimum quantity per post"),
    field("max", "max", "N", num(0, MAX_QUANTITY), SUBS, "Subscriptions: maximum quantity per post"),
    field("posts", "posts", "N", num(0, 1_000_000), SUBS, "Subscriptions: number of new posts to serve"),
    field("old_posts", "old-posts", "N", num(0, 1_000_000), SUBS, "Subscriptions: number of existing posts to serve"),
    field("delay", "delay", "MIN", num(0, YEAR_MINUTES), SUBS, "Subscriptions: delay in minutes (0, 5, 10, 15, 30, 60, 90…)"),
    field("expiry", "expiry", "D/M/Y", Kind::Date, SUBS, "Subscriptions: expiry date (d/m/Y, e.g. 31/12/2026)"),
    field("country", "country", "COUNTRY", Kind::Text, WEB, "Web Traffic: country code or name"),
    field("device", "device", "1-5", num(1, 5), WEB, "Web Traffic: device (1 desktop, 2 mobile Android, 3 mobile iOS, 4 mixed mobile, 5 mixed)"),
    field("type_of_traffic", "type-of-traffic", "1-3", num(1, 3), WEB, "Web Traffic: traffic type (1 Google keyword, 2 custom referrer, 3 blank referrer)"),
    field("google_keyword", "google-keyword", "TEXT", Kind::Text, WEB, "Web Traffic: the Google keyword (with --type-of-traffic 1)"),
    field("referring_url", "referring-url", "URL", Kind::Word, WEB, "Web Traffic: the referring URL (with --type-of-traffic 2)"),
];

/// The field with this form (or CSV column) name.
pub fn field_named(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.name == name)
}

/// How messages name a field: as the flag the user typed, or as the bulk file's column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// `--old-posts` (the command line).
    Flag,
    /// `old_posts` (a bulk file's column).
    Column,
}

impl Naming {
    /// The field's name in a message.
    pub fn of(self, f: &Field) -> String {
        match self {
            Naming::Flag => format!("--{}", f.flag),
            Naming::Column => f.name.to_string(),
        }
    }

    /// The field as something to add: `--google-keyword TEXT`, or `google_keyword`.
    fn wanted(self, f: &Field) -> String {
        match self {
            Naming::Flag => format!("--{} {}", f.flag, f.value_name),
            Naming::Column => f.name.to_string(),
        }
    }
}

/// The table row of a field the code names (always in the table).
pub fn known(name: &str) -> &'static Field {
    field_named(name).unwrap_or_else(|| panic!("'{name}' is not in FIELDS"))
}

/// An order ready to send: the form fields in API order (without `key` and `action`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    /// The service id.
    pub service: u64,
    /// Form fields, `service` first.
    pub fields: Vec<(&'static str, String)>,
}

impl Order {
    /// Builds and checks an order from named values (form names, any order): every value by its
    /// field's kind, then the rules between fields — a service; a link or a username; runs and
    /// interval together; type_of_traffic 1 with google_keyword, 2 with referring_url. The one
    /// constructor of the command line and of bulk files; `naming` words the errors for each.
    /// Values are taken as text: `@FILE` is read before, by `cli::OrderFields::read`, on the
    /// command line only. Nothing is sent.
    pub fn from_values(
        values: impl IntoIterator<Item = (&'static str, String)>,
        naming: Naming,
    ) -> Result<Order, String> {
        let mut given: Vec<Option<String>> = vec![None; FIELDS.len()];
        for (name, value) in values {
            let Some(i) = FIELDS.iter().position(|f| f.name == name) else {
                return Err(format!("'{name}' is not an order field"));
            };
            if given[i].replace(value).is_some() {
                return Err(format!("{} is given twice", naming.of(&FIELDS[i])));
            }
        }
        if given[0].is_none() {
            // FIELDS[0] is `service`.
            return Err(match naming {
                Naming::Flag => "order add needs --service ID (or --file PATH for a bulk file)",
                Naming::Column => "no service",
            }
            .into());
        }
        let mut fields = Vec::new();
        for (f, value) in FIELDS.iter().zip(given) {
            if let Some(value) = value {
                fields.push((f.name, checked(f, &value, &naming.of(f))?));
            }
        }
        let order = Order {
            service: fields[0].1.parse().map_err(|_| "no service".to_string())?,
            fields,
        };
        if order.get("link").is_none() && order.get("username").is_none() {
            return Err(match naming {
                Naming::Flag => {
                    "order add needs --link URL (or --username NAME for Subscriptions services)"
                }
                Naming::Column => "no link (or username, for Subscriptions services)",
            }
            .into());
        }
        let name = |n: &str| naming.of(known(n));
        let wanted = |n: &str| naming.wanted(known(n));
        match (order.get("runs"), order.get("interval")) {
            (Some(_), None) => {
                return Err(format!(
                    "{} needs {} (drip-feed takes both)",
                    name("runs"),
                    wanted("interval")
                ));
            }
            (None, Some(_)) => {
                return Err(format!(
                    "{} needs {} (drip-feed takes both)",
                    name("interval"),
                    wanted("runs")
                ));
            }
            _ => {}
        }
        let traffic = name("type_of_traffic");
        match order.number("type_of_traffic") {
            Some(1) if order.get("google_keyword").is_none() => Err(format!(
                "{traffic} 1 (Google keyword) needs {}",
                wanted("google_keyword")
            )),
            Some(2) if order.get("referring_url").is_none() => Err(format!(
                "{traffic} 2 (custom referrer) needs {}",
                wanted("referring_url")
            )),
            _ => Ok(order),
        }
    }

    /// The value of a form field, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A numeric form field.
    pub fn number(&self, name: &str) -> Option<u64> {
        self.get(name).and_then(|v| v.parse().ok())
    }

    /// How many items a list field holds.
    pub fn items(&self, name: &str) -> Option<u64> {
        self.get(name).map(|v| v.lines().count() as u64)
    }
}

/// Checks one value by its field's kind; returns it as it is sent (trimmed; numbers without
/// leading zeros; lists one item per line). `label` names the field in the error.
fn checked(f: &Field, value: &str, label: &str) -> Result<String, String> {
    let value = value.trim();
    match f.kind {
        Kind::Number { min, max } => {
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("{label} '{value}' is not a whole number"));
            }
            match value.parse::<u64>() {
                Ok(n) if (min..=max).contains(&n) => Ok(n.to_string()),
                Ok(0) if min == 1 => Err(format!("{label} must be more than 0")),
                // Past u64 (only digits are left, so it did not parse for its size).
                _ if max == ANY => Err(format!("{label} '{value}' is too large")),
                _ => Err(format!("{label} must be {min} to {max}, not {value}")),
            }
        }
        Kind::Text | Kind::Word | Kind::Link if value.is_empty() => {
            Err(format!("{label} is empty"))
        }
        Kind::Text if value.chars().any(is_unsafe) => Err(format!(
            "{label} must be one line of text (it holds a line break, a control character or a bidi override)"
        )),
        Kind::Text => Ok(value.to_string()),
        Kind::Link => {
            let value = checked(
                &Field {
                    kind: Kind::Word,
                    ..*f
                },
                value,
                label,
            )?;
            check_link(&value, label).map(|()| value)
        }
        Kind::Word => match value.chars().find(|c| !is_word_char(*c)) {
            Some(c) if c.is_whitespace() => Err(format!(
                "{label} must not contain spaces or line breaks (one link or name; encode a space in a URL as %20)"
            )),
            Some(c) => Err(format!(
                "{label} holds an invisible or control character (U+{:04X}): paste it again as plain text",
                c as u32
            )),
            None => Ok(value.to_string()),
        },
        Kind::List { commas } => {
            let items: Vec<&str> = value
                .split(|c: char| c == '\n' || (commas && c == ','))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            if items.is_empty() {
                return Err(format!("{label} is empty"));
            }
            if items.len() > MAX_ITEMS {
                return Err(format!(
                    "{label} has {} items; an order takes at most {MAX_ITEMS}",
                    items.len()
                ));
            }
            if let Some(n) = items
                .iter()
                .position(|i| i.chars().any(|c| is_unsafe(c) && c != '\t'))
            {
                return Err(format!(
                    "{label}: item {} holds a control character or a bidi override",
                    n + 1
                ));
            }
            Ok(items.join("\n"))
        }
        Kind::Date => check_date(value, label).map(|()| value.to_string()),
    }
}

/// Whether a link is a bare handle (a username: letters, digits, `._-@`) rather than a URL.
pub fn is_handle(link: &str) -> bool {
    !link.is_empty()
        && link
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
}

/// Whether a link names the `http` or `https` scheme.
fn is_web(link: &str) -> bool {
    let lower = link.get(..8).unwrap_or(link).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A link smm sends: an `http(s)://` URL with a host, or a bare handle (whether the service
/// takes one is the catalogue's to say). A schemeless URL gets its `https://` form suggested;
/// another scheme is named.
fn check_link(link: &str, label: &str) -> Result<(), String> {
    if is_web(link) {
        return match url::Url::parse(link) {
            Ok(u) if u.host_str().is_some_and(|h| !h.is_empty()) => Ok(()),
            _ => Err(format!(
                "{label} '{link}' is not a URL with a host (https://site/…)"
            )),
        };
    }
    if is_handle(link) {
        return Ok(());
    }
    // A scheme: letters first, then letters, digits, `+-.`, before a colon; a dot in it is a
    // host with a port (`site.com:8080/p`), which is a URL without its scheme.
    if let Some((scheme, _)) = link.split_once(':')
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-'))
    {
        return Err(format!(
            "{label} '{link}' uses the {}: scheme; smm sends only http:// and https:// links",
            scheme.to_ascii_lowercase()
        ));
    }
    let bare = link.trim_start_matches('/');
    let host = bare.split(['/', '?', '#']).next().unwrap_or("");
    if host.contains('.') && !host.starts_with('.') {
        return Err(format!(
            "{label} '{link}' has no scheme: write https://{bare}"
        ));
    }
    Err(format!(
        "{label} '{link}' is neither a URL (https://…) nor a username (letters, digits, . _ - @)"
    ))
}

/// Whether `c` may stand in a link or a name: not a space, nor a control character, bidi
/// override or invisible character (zero-width space, BOM) that would hide what it says.
fn is_word_char(c: char) -> bool {
    !(c.is_whitespace() || is_unsafe(c) || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}'))
}

/// Checks a d/m/Y date such as `31/12/2026`: day and month of one or two digits, a year of
/// four (2000–2999), and a day that the month has.
fn check_date(text: &str, label: &str) -> Result<(), String> {
    let form = || format!("{label} '{text}' is not a date in d/m/Y form, like 31/12/2026");
    let parts: Vec<&str> = text.split('/').collect();
    let [d, m, y] = parts.as_slice() else {
        return Err(form());
    };
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(d, 1..=2) && digits(m, 1..=2) && digits(y, 4..=4)) {
        return Err(form());
    }
    let (d, m, y): (u32, u32, u32) = (
        d.parse().map_err(|_| form())?,
        m.parse().map_err(|_| form())?,
        y.parse().map_err(|_| form())?,
    );
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(form()),
    };
    if !(2000..=2999).contains(&y) || d == 0 {
        return Err(form());
    }
    if d > days {
        return Err(format!(
            "{label} '{text}' is not a calendar date: month {m} of {y} has {days} days"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command, OrderCommand};
    use clap::Parser;

    /// The command line's verdict: clap, then `@FILE` read, then the constructor.
    fn by_flags(pairs: &[(&str, &str)]) -> Result<Order, String> {
        let mut argv = vec!["smm".to_string(), "order".into(), "add".into()];
        for (name, value) in pairs {
            argv.push(format!("--{}={value}", known(name).flag));
        }
        let cli = Cli::try_parse_from(argv).map_err(|e| e.to_string())?;
        let Command::Order(OrderCommand::Add(args)) = cli.command else {
            panic!("not order add")
        };
        Order::from_values(args.fields.read()?, Naming::Flag)
    }

    /// A one-record CSV bulk file's verdict.
    fn by_file(pairs: &[(&str, &str)]) -> Result<Order, String> {
        let header: Vec<&str> = pairs.iter().map(|(name, _)| *name).collect();
        let row: Vec<String> = pairs
            .iter()
            .map(|(_, v)| format!("\"{}\"", v.replace('"', "\"\"")))
            .collect();
        let text = format!("{}\n{}\n", header.join(","), row.join(","));
        match crate::bulk::parse(&text) {
            Ok(mut lines) if lines.len() == 1 => Ok(lines.remove(0).order),
            Ok(lines) => panic!("{} orders from {text:?}", lines.len()),
            Err(errors) => Err(errors.join("; ")),
        }
    }

    #[test]
    fn a_link_is_a_web_url_or_a_handle_and_a_refusal_says_what_to_write() {
        let link = |v: &str| by_flags(&[("service", "1"), ("link", v)]).map(|_| ());
        assert_eq!(
            link("ftp://x"),
            Err(
                "--link 'ftp://x' uses the ftp: scheme; smm sends only http:// and https:// links"
                    .into()
            )
        );
        assert_eq!(
            link("instagram.com/p/abc"),
            Err(
                "--link 'instagram.com/p/abc' has no scheme: write https://instagram.com/p/abc"
                    .into()
            )
        );
        assert_eq!(
            link("//i.com:8080/p"),
            Err("--link '//i.com:8080/p' has no scheme: write https://i.com:8080/p".into())
        );
        assert_eq!(
            link("i.com:8080/p"),
            Err("--link 'i.com:8080/p' has no scheme: write https://i.com:8080/p".into())
        );
        assert_eq!(
            link("a/b"),
            Err("--link 'a/b' is neither a URL (https://…) nor a username (letters, digits, . _ - @)".into())
        );
        assert_eq!(link("@someone.1"), Ok(()));
        assert!(is_handle("someone") && !is_handle("https://x") && !is_handle(""));
    }

    /// Each case: the values (service and link are added unless named), and whether both
    /// paths take it.
    const CASES: &[(&[(&str, &str)], bool)] = &[
        (&[("service", "1448")], true),
        (&[("service", "18446744073709551615")], true),
        (&[("service", "0")], false),
        (&[("service", "x")], false),
        (&[("service", "18446744073709551616")], false),
        (&[("link", "https://i.com/p")], true),
        (&[("link", " ")], false),
        (&[("link", "https://a\nhttps://b")], false),
        (&[("link", "")], false),
        (&[("link", "https://i.com/a b")], false),
        (&[("link", "https://i.com/\u{0}")], false),
        (
            &[("link", "https://i.com/p\u{1b}[2J\u{1b}]52;c;SGk=\u{7}")],
            false,
        ),
        (&[("link", "https://i.com/\u{9b}31m")], false),
        (&[("link", "https://i.com/\u{202e}gpj.exe")], false),
        (&[("link", "https://i.com/\u{200b}x")], false),
        (&[("link", "https://i.com/ünï?q=%20")], true),
        (&[("link", "HTTP://i.com/p")], true),
        (&[("link", "some.user_name-1@x")], true),
        (&[("link", "ftp://x")], false),
        (&[("link", "instagram.com/p/abc")], false),
        (&[("link", "https://")], false),
        (&[("link", "javascript:alert(1)")], false),
        (&[("link", "a/b")], false),
        (&[("quantity", "1")], true),
        (&[("quantity", "0500")], true),
        (&[("quantity", "1000000000")], true),
        (&[("quantity", "0")], false),
        (&[("quantity", "1000000001")], false),
        (&[("quantity", "-5")], false),
        (&[("quantity", "+5")], false),
        (&[("quantity", "5.0")], false),
        (&[("quantity", "18446744073709551616")], false),
        (&[("runs", "2"), ("interval", "30")], true),
        (&[("runs", "10000"), ("interval", "525600")], true),
        (&[("runs", "2")], false),
        (&[("interval", "30")], false),
        (&[("runs", "0"), ("interval", "30")], false),
        (&[("runs", "10001"), ("interval", "30")], false),
        (
            &[("runs", "18446744073709551615"), ("interval", "30")],
            false,
        ),
        (&[("runs", "2"), ("interval", "0")], false),
        (&[("runs", "2"), ("interval", "525601")], false),
        (&[("comments", "great, thanks\nnice")], true),
        (&[("comments", "great\tpost\r\nnice 👍\u{200d}")], true),
        (&[("comments", "great\n\u{1b}[2Jnice")], false),
        (&[("comments", "great\n\u{202e}nice")], false),
        (&[("usernames", "alice, bob\ncarol")], true),
        (&[("usernames", " , ")], false),
        (&[("hashtags", "#a,#b")], true),
        (&[("hashtags", ",")], false),
        (&[("hashtag", "#x")], true),
        (&[("hashtag", "#x\n#y")], false),
        (&[("hashtag", "#x\u{202e}")], false),
        (&[("username", "someone")], true),
        (&[("username", "a\tb")], false),
        (&[("username", "a b")], false),
        (&[("keywords", "smm, panel")], true),
        (&[("keywords", ",,")], false),
        (&[("media", "https://m")], true),
        (&[("media", "a\nb")], false),
        (&[("media", "https://m x")], false),
        (&[("groups", "g1\ng2")], true),
        (&[("groups", "\n,\n")], false),
        (&[("answer_number", "0")], true),
        (&[("answer_number", "2")], true),
        (&[("answer_number", "x")], false),
        (&[("answer_number", "1001")], false),
        (&[("min", "0")], true),
        (&[("min", "-1")], false),
        (&[("max", "20")], true),
        (&[("max", "1e3")], false),
        (&[("max", "1000000000")], true),
        (&[("max", "1000000001")], false),
        (&[("posts", "3")], true),
        (&[("posts", "three")], false),
        (&[("posts", "1000001")], false),
        (&[("old_posts", "1")], true),
        (&[("old_posts", "1 000")], false),
        (&[("delay", "0")], true),
        (&[("delay", "30m")], false),
        (&[("delay", "525601")], false),
        (&[("expiry", "31/12/2026")], true),
        (&[("expiry", "1/2/2026")], true),
        (&[("expiry", "01/02/2026")], true),
        (&[("expiry", "29/02/2028")], true),
        (&[("expiry", "31/02/2026")], false),
        (&[("expiry", "29/02/2026")], false),
        (&[("expiry", "31/04/2026")], false),
        (&[("expiry", "2026-12-31")], false),
        (&[("expiry", "12/31/2026")], false),
        (&[("expiry", "0/1/2026")], false),
        (&[("expiry", "1/1/26")], false),
        (&[("expiry", "+1/1/2026")], false),
        (&[("country", "US")], true),
        (&[("country", "U\nS")], false),
        (&[("device", "0")], false),
        (&[("device", "1")], true),
        (&[("device", "5")], true),
        (&[("device", "6")], false),
        (&[("device", "9")], false),
        (
            &[("type_of_traffic", "1"), ("google_keyword", "smm panel")],
            true,
        ),
        (&[("type_of_traffic", "1")], false),
        (
            &[("type_of_traffic", "2"), ("referring_url", "https://r")],
            true,
        ),
        (&[("type_of_traffic", "2")], false),
        (&[("type_of_traffic", "3")], true),
        (&[("type_of_traffic", "0")], false),
        (&[("type_of_traffic", "4")], false),
        (&[("google_keyword", "smm panel")], true),
        (&[("google_keyword", "a\nb")], false),
        (&[("referring_url", "https://r")], true),
        (&[("referring_url", "a\u{7}b")], false),
        (&[("referring_url", "https://r x")], false),
    ];

    #[test]
    fn the_command_line_and_bulk_files_give_the_same_verdict() {
        for (case, ok) in CASES {
            let mut pairs: Vec<(&str, &str)> = Vec::new();
            for (name, value) in [("service", "1"), ("link", "https://x")] {
                if !case.iter().any(|(n, _)| *n == name) {
                    pairs.push((name, value));
                }
            }
            pairs.extend_from_slice(case);
            let (flags, file) = (by_flags(&pairs), by_file(&pairs));
            assert_eq!(flags.is_ok(), *ok, "command line, {case:?}: {flags:?}");
            assert_eq!(file.is_ok(), *ok, "bulk file, {case:?}: {file:?}");
            if let (Ok(a), Ok(b)) = (&flags, &file) {
                assert_eq!(a, b, "{case:?}: the same order either way");
            }
        }
        // Every field has a value both take and one both refuse — but `comments`: a comments
        // value that is not blank always holds an item, and a blank one is refused on the
        // command line yet no value in a bulk file (`an_empty_cell_is_no_value…` below).
        for f in FIELDS {
            for want in [true, false] {
                if f.name == "comments" && !want {
                    continue;
                }
                assert!(
                    CASES
                        .iter()
                        .any(|(case, ok)| *ok == want && case.iter().any(|(n, _)| *n == f.name)),
                    "{}: no case that is {}",
                    f.name,
                    if want { "taken" } else { "refused" }
                );
            }
        }
    }

    #[test]
    fn lists_take_at_most_ten_thousand_items() {
        let items = |n: usize| {
            (1..=n)
                .map(|i| format!("c{i}"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let (most, more) = (items(MAX_ITEMS), items(MAX_ITEMS + 1));
        let pairs = |v: &'static str| [("service", "1"), ("link", "l"), ("comments", v)];
        let most: &'static str = Box::leak(most.into_boxed_str());
        let more: &'static str = Box::leak(more.into_boxed_str());
        assert!(by_flags(&pairs(most)).is_ok() && by_file(&pairs(most)).is_ok());
        let err = by_flags(&pairs(more)).unwrap_err();
        assert!(err.contains("at most 10000"), "{err}");
        assert!(by_file(&pairs(more)).is_err());
    }

    #[test]
    fn the_rules_between_fields_hold_without_a_link() {
        let subscription = [("service", "9"), ("username", "someone"), ("min", "0")];
        assert!(by_flags(&subscription).is_ok() && by_file(&subscription).is_ok());
        let neither = [("service", "9"), ("quantity", "10")];
        let flags = by_flags(&neither).unwrap_err();
        assert!(flags.contains("--link URL"), "{flags}");
        let file = by_file(&neither).unwrap_err();
        assert!(file.contains("line 2: no link"), "{file}");
        let flags = by_flags(&[("link", "l")]).unwrap_err();
        assert!(flags.contains("needs --service ID"), "{flags}");
    }

    #[test]
    fn messages_name_the_flag_or_the_column() {
        let pairs = [("service", "1"), ("link", "l"), ("old_posts", "x")];
        assert!(by_flags(&pairs).unwrap_err().starts_with("--old-posts 'x'"));
        assert!(
            by_file(&pairs)
                .unwrap_err()
                .starts_with("line 2: old_posts 'x'")
        );
        let pairs = [("service", "1"), ("link", "l"), ("type_of_traffic", "1")];
        assert_eq!(
            by_flags(&pairs).unwrap_err(),
            "--type-of-traffic 1 (Google keyword) needs --google-keyword TEXT"
        );
        assert_eq!(
            by_file(&pairs).unwrap_err(),
            "line 2: type_of_traffic 1 (Google keyword) needs google_keyword"
        );
        let err = by_flags(&[("service", "1"), ("link", "l"), ("expiry", "31/02/2026")]);
        assert!(err.unwrap_err().contains("month 2 of 2026 has 28 days"));
    }

    #[test]
    fn an_empty_cell_is_no_value_but_an_empty_flag_is_refused() {
        for (name, blank, flag) in [
            ("hashtag", "", "--hashtag"),
            ("comments", "\n \n", "--comments"),
            ("quantity", " ", "--quantity"),
        ] {
            let pairs = [("service", "1"), ("link", "l"), (name, blank)];
            let err = by_flags(&pairs).unwrap_err();
            assert!(err.starts_with(flag), "{err}");
            assert_eq!(by_file(&pairs).unwrap().get(name), None);
        }
    }

    #[test]
    fn at_file_is_read_on_the_command_line_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("comments.txt");
        std::fs::write(&path, "Great post, really\n\nLove it\n").unwrap();
        let value = format!("@{}", path.display());
        let pairs = [
            ("service", "1"),
            ("link", "l"),
            ("comments", value.as_str()),
        ];
        assert_eq!(
            by_flags(&pairs).unwrap().get("comments"),
            Some("Great post, really\nLove it")
        );
        assert_eq!(
            by_file(&pairs).unwrap().get("comments"),
            Some(value.as_str())
        );
        let missing = [
            ("service", "1"),
            ("link", "l"),
            ("usernames", "@/no/such/file"),
        ];
        assert!(
            by_flags(&missing)
                .unwrap_err()
                .contains("cannot read --usernames @/no/such/file")
        );
        // Not a list: taken as text.
        let media = [("service", "1"), ("link", "l"), ("media", "@x")];
        assert_eq!(by_flags(&media).unwrap().get("media"), Some("@x"));
    }

    #[test]
    fn fields_come_out_in_api_order() {
        let order = by_flags(&[
            ("expiry", "1/1/2027"),
            ("username", "u"),
            ("service", "007"),
            ("min", "1"),
        ])
        .unwrap();
        let names: Vec<&str> = order.fields.iter().map(|(k, _)| *k).collect();
        assert_eq!(names, ["service", "username", "min", "expiry"]);
        assert_eq!(order.service, 7);
    }

    #[test]
    fn the_table_is_the_api_list() {
        let names: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        assert_eq!(names.len(), 25);
        assert_eq!(&names[..3], ["service", "link", "quantity"]);
        for f in FIELDS {
            assert_eq!(f.flag, f.name.replace('_', "-"));
            assert_eq!(f.column(), f.name);
        }
        use clap::CommandFactory;
        let cli = Cli::command();
        let add = cli
            .find_subcommand("order")
            .and_then(|c| c.find_subcommand("add"))
            .unwrap();
        for f in FIELDS {
            let arg = add
                .get_arguments()
                .find(|a| a.get_long() == Some(f.flag))
                .unwrap_or_else(|| panic!("no --{}", f.flag));
            assert_eq!(arg.get_help_heading(), f.heading, "{}", f.name);
        }
    }
}
