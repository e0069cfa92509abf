//! The order model: one table of order fields ([`FIELDS`]) drives the `order add` flags, the
//! bulk-file columns and the checks of every value; [`Order::from_values`] is the one
//! constructor both the command line and bulk files use, so they give the same verdict; [`check`]
//! then checks an order against its service in the catalogue.

use crate::money;
use crate::panel::Service;
use crate::text::is_unsafe;
use clap::{Arg, ArgAction, ArgMatches};
use rust_decimal::Decimal;
use std::path::Path;

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
    field("link", "link", "URL", Kind::Word, None, "Link to the post, page or profile"),
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
fn known(name: &str) -> &'static Field {
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
    /// Values are taken as text: `@FILE` is read before, by [`OrderFields::read`], on the
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
        Kind::Text | Kind::Word if value.is_empty() => Err(format!("{label} is empty")),
        Kind::Text if value.chars().any(is_unsafe) => Err(format!(
            "{label} must be one line of text (it holds a line break, a control character or a bidi override)"
        )),
        Kind::Text => Ok(value.to_string()),
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

/// The order flags of `smm order add`, one per row of [`FIELDS`]: clap arguments built from the
/// table, each taking text; the values are checked by [`Order::from_values`], not by clap, so
/// the command line and bulk files give the same verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderFields {
    /// The flags given, in table order, with their text.
    values: Vec<(&'static Field, String)>,
}

impl OrderFields {
    /// Whether no order flag was given.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The order flags given (`--service`, `--old-posts`), in table order.
    pub fn flags(&self) -> Vec<String> {
        self.values
            .iter()
            .map(|(f, _)| Naming::Flag.of(f))
            .collect()
    }

    /// The values for [`Order::from_values`]: a list flag whose value starts with `@` takes the
    /// text of that file (`--comments @comments.txt`; at most 10 MiB, a BOM dropped). This is the command line's only: bulk
    /// file cells are never read as file names.
    pub fn read(&self) -> Result<Vec<(&'static str, String)>, String> {
        self.values
            .iter()
            .map(|(f, value)| match (f.kind, value.strip_prefix('@')) {
                (Kind::List { .. }, Some(path)) => {
                    crate::input::read_file(Path::new(path), &format!("--{} @{path}", f.flag))
                        .map(|text| (f.name, text))
                }
                _ => Ok((f.name, value.clone())),
            })
            .collect()
    }
}

impl clap::FromArgMatches for OrderFields {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        Self::from_arg_matches_mut(&mut matches.clone())
    }

    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, clap::Error> {
        let mut fields = OrderFields::default();
        fields.update_from_arg_matches_mut(matches)?;
        Ok(fields)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.update_from_arg_matches_mut(&mut matches.clone())
    }

    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), clap::Error> {
        for f in FIELDS {
            if let Some(value) = matches.remove_one::<String>(f.name) {
                self.values.retain(|(g, _)| g.name != f.name);
                self.values.push((f, value));
            }
        }
        let order = |f: &Field| FIELDS.iter().position(|g| g.name == f.name);
        self.values.sort_by_key(|(f, _)| order(f));
        Ok(())
    }
}

impl clap::Args for OrderFields {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        FIELDS.iter().fold(cmd, |cmd, f| {
            cmd.arg(
                Arg::new(f.name)
                    .long(f.flag)
                    .value_name(f.value_name)
                    .help(f.help)
                    .help_heading(f.heading)
                    .action(ArgAction::Set)
                    .value_parser(clap::value_parser!(String)),
            )
        })
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

/// What a type needs: required form fields, and how its quantity is counted.
pub struct Needs {
    /// Form fields that must be present.
    pub fields: &'static [&'static str],
    /// How the ordered amount is found (for min/max and cost).
    pub amount: Amount,
}

/// How an order type expresses its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// `quantity` (× `runs`).
    Quantity,
    /// The number of lines of a list field.
    Lines(&'static str),
    /// One package: the cost is the rate.
    Package,
    /// Subscriptions: `min`/`max` per post; the cost depends on future posts.
    PerPost,
}

/// A type name as `needs` compares it: lower case, without spaces, underscores or hyphens
/// (`Custom Comments`, `custom_comments` and `CUSTOM-COMMENTS` are one type).
pub fn normalised(kind: &str) -> String {
    kind.chars()
        .filter(|c| !(c.is_whitespace() || *c == '_' || *c == '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The fields each order type needs (see panel-apis.md); unknown types are treated as Default.
pub fn needs(kind: &str) -> Needs {
    use Amount::*;
    let (fields, amount): (&'static [&'static str], Amount) = match normalised(kind).as_str() {
        "seo" => (&["link", "quantity", "keywords"], Quantity),
        "customcomments" => (&["link", "comments"], Lines("comments")),
        "customcommentspackage" => (&["link", "comments"], Package),
        "mentions" => (&["link", "quantity", "usernames"], Quantity),
        "mentionswithhashtags" => (&["link", "quantity", "usernames", "hashtags"], Quantity),
        "mentionscustomlist" => (&["link", "usernames"], Lines("usernames")),
        "mentionshashtag" => (&["link", "quantity", "hashtag"], Quantity),
        "mentionsuserfollowers" => (&["link", "quantity", "username"], Quantity),
        "mentionsmedialikers" => (&["link", "quantity", "media"], Quantity),
        "package" => (&["link"], Package),
        "commentlikes" => (&["link", "quantity", "username"], Quantity),
        "commentreplies" => (&["link", "username", "comments"], Lines("comments")),
        "poll" => (&["link", "quantity", "answer_number"], Quantity),
        "invitesfromgroups" => (&["link", "quantity", "groups"], Quantity),
        "subscriptions" => (&["username", "min", "max", "delay"], PerPost),
        "webtraffic" => (
            &["link", "quantity", "country", "device", "type_of_traffic"],
            Quantity,
        ),
        _ => (&["link", "quantity"], Quantity),
    };
    Needs { fields, amount }
}

/// An order checked against its service: the amount, runs and exact cost (when known).
#[derive(Debug, Clone, Copy)]
pub struct Priced {
    /// The amount checked against min/max (quantity, or lines of a list).
    pub amount: Option<u64>,
    /// Drip-feed runs (1 without drip-feed).
    pub runs: u64,
    /// rate × amount / 1000 × runs; the rate for packages; None when it depends on deliveries.
    pub cost: Option<Decimal>,
    /// Whether the rate is per package rather than per 1000.
    pub per_package: bool,
}

/// Checks an order against its service: the fields its type needs, the quantity within
/// min/max (Subscriptions: min and max per post); returns its price, or what is wrong.
pub fn check(service: &Service, order: &Order) -> Result<Priced, String> {
    let id = &service.id;
    check_entry(service)?;
    check_limits(service)?;
    let needs = needs(&service.kind);
    let missing: Vec<String> = needs
        .fields
        .iter()
        .filter(|f| order.get(f).is_none())
        .map(|f| Naming::Flag.of(known(f)))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "service {id} ({}) needs {}",
            type_name(service),
            missing.join(", ")
        ));
    }
    let amount = match needs.amount {
        Amount::Quantity => order.number("quantity"),
        Amount::Lines(field) => order.number("quantity").or(order.items(field)),
        Amount::Package | Amount::PerPost => None,
    };
    if let Some(n) = amount {
        check_range(service, "quantity", n)?;
    }
    if needs.amount == Amount::PerPost {
        let (lo, hi) = (
            order.number("min").unwrap_or(0),
            order.number("max").unwrap_or(0),
        );
        check_range(service, "--min", lo)?;
        check_range(service, "--max", hi)?;
        if lo > hi {
            return Err(format!("--min {lo} is more than --max {hi}"));
        }
    }
    if service.dripfeed == Some(false) && order.get("runs").is_some() {
        return Err(format!(
            "service {id} does not take drip-feed (the panel lists it with dripfeed off): \
             order it without --runs and --interval"
        ));
    }
    let runs = order.number("runs").unwrap_or(1);
    let cost: Option<Decimal> = service.rate.and_then(|rate| match needs.amount {
        Amount::Quantity => amount.and_then(|n| money::cost(rate, n, runs)),
        Amount::Lines(_) => amount.and_then(|n| money::cost(rate, n, 1)),
        Amount::Package => Some(rate.normalize()),
        Amount::PerPost => None,
    });
    Ok(Priced {
        amount,
        runs,
        cost,
        per_package: needs.amount == Amount::Package,
    })
}

/// Refuses a catalogue entry smm cannot check an order against: a rate that is negative or
/// not an exact decimal (the cost would be wrong), a min or max that is not a whole number
/// (the range check would be lost). Absent or blank values are fine.
fn check_entry(s: &Service) -> Result<(), String> {
    let raw: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(s.raw.get()).unwrap_or_default();
    let given = |key: &str| {
        raw.get(key)
            .filter(|v| !(v.is_null() || v.as_str().is_some_and(|t| t.trim().is_empty())))
    };
    let broken = |why: String| {
        Err(format!(
            "service {}'s catalogue entry is broken: {why}; ask the panel, or pick another service",
            s.id
        ))
    };
    match (s.rate, given("rate")) {
        (Some(rate), _) if rate.is_sign_negative() && !rate.is_zero() => {
            return broken(format!("its rate is negative ({rate})"));
        }
        (None, Some(v)) => {
            if let Err(why) = money::field(v, "rate") {
                return broken(why);
            }
        }
        _ => {}
    }
    for (key, read) in [("min", s.min), ("max", s.max)] {
        if let (None, Some(v)) = (read, given(key)) {
            let shown = match v {
                serde_json::Value::String(t) => t.clone(),
                other => other.to_string(),
            };
            return broken(format!(
                "its {key} '{}' is not a whole number, so the quantity cannot be checked against it",
                crate::text::shorten(&shown, 40)
            ));
        }
    }
    Ok(())
}

/// The service's type, or `Default` when the panel sends none.
pub fn type_name(s: &Service) -> String {
    if s.kind.is_empty() {
        "Default".into()
    } else {
        s.kind.clone()
    }
}

/// A rate (per 1000, or per package) at or above this is a placeholder, not a price: panels
/// list disabled services at rates such as 1000000000000.
pub const ABSURD_RATE: u64 = 1_000_000_000;

/// Refuses a service whose catalogue entry cannot be a real offer: its minimum above its
/// maximum (no quantity fits), or a negative or absurd rate (a placeholder). Names every reason.
fn check_limits(s: &Service) -> Result<(), String> {
    let mut why = Vec::new();
    if let (Some(min), Some(max)) = (s.min, s.max)
        && min > max
    {
        why.push(format!("its minimum ({min}) above its maximum ({max})"));
    }
    if let Some(rate) = s.rate
        && (rate.is_sign_negative() || rate >= Decimal::from(ABSURD_RATE))
    {
        why.push(format!(
            "a rate of {rate}, a placeholder rather than a price"
        ));
    }
    match why.is_empty() {
        true => Ok(()),
        false => Err(format!(
            "service {} cannot be ordered: the panel lists {}",
            s.id,
            why.join(" and ")
        )),
    }
}

/// Refuses `n` outside the service's min/max (and a service whose min is above its max).
pub fn check_range(s: &Service, what: &str, n: u64) -> Result<(), String> {
    check_limits(s)?;
    if let Some(min) = s.min.filter(|m| n < *m) {
        return Err(format!(
            "{what} {n} is below service {}'s minimum of {min}",
            s.id
        ));
    }
    if let Some(max) = s.max.filter(|m| n > *m) {
        return Err(format!(
            "{what} {n} is above service {}'s maximum of {max}",
            s.id
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
    fn every_type_needs_fields_of_the_table() {
        for kind in [
            "Default",
            "SEO",
            "Custom Comments",
            "Custom Comments Package",
            "Mentions",
            "Mentions with Hashtags",
            "Mentions Custom List",
            "Mentions Hashtag",
            "Mentions User Followers",
            "Mentions Media Likers",
            "Package",
            "Comment Likes",
            "Comment Replies",
            "Poll",
            "Invites from Groups",
            "Subscriptions",
            "Web Traffic",
        ] {
            let needs = needs(kind);
            for f in needs.fields {
                assert!(
                    field_named(f).is_some(),
                    "{kind} needs '{f}', not in FIELDS"
                );
            }
            if let Amount::Lines(f) = needs.amount {
                assert!(
                    matches!(known(f).kind, Kind::List { .. }),
                    "{kind} counts the lines of '{f}', not a list"
                );
            }
        }
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

    /// A catalogue entry.
    fn service(kind: &str, min: u64, max: u64) -> Service {
        Service {
            id: "7".into(),
            name: "S".into(),
            kind: kind.into(),
            category: "C".into(),
            rate: Some(Decimal::ONE),
            min: Some(min),
            max: Some(max),
            refill: None,
            cancel: None,
            dripfeed: None,
            duration: None,
            raw: serde_json::value::RawValue::from_string("{}".into()).unwrap(),
        }
    }

    #[test]
    fn types_match_whatever_their_case_spaces_underscores_or_hyphens() {
        for kind in [
            "custom comments",
            "Custom Comments",
            "custom_comments",
            "CUSTOM-COMMENTS",
            " CustomComments ",
        ] {
            assert_eq!(needs(kind).fields, &["link", "comments"], "{kind}");
            assert_eq!(needs(kind).amount, Amount::Lines("comments"), "{kind}");
        }
        assert_eq!(needs("web_traffic").fields.len(), 5);
        assert!(needs("Subscriptions").amount == Amount::PerPost);
        assert_eq!(needs("something new").fields, &["link", "quantity"]);
        let order = by_flags(&[("service", "7"), ("link", "l")]).unwrap();
        let err = check(&service("custom_comments", 1, 100), &order).unwrap_err();
        assert_eq!(err, "service 7 (custom_comments) needs --comments");
    }

    #[test]
    fn a_service_whose_min_is_above_its_max_is_refused() {
        let order = by_flags(&[("service", "7"), ("link", "l"), ("quantity", "50")]).unwrap();
        assert!(check(&service("Default", 10, 100), &order).is_ok());
        let err = check(&service("Default", 100, 10), &order).unwrap_err();
        assert!(
            err.contains("minimum (100) above its maximum (10)"),
            "{err}"
        );
        let package = by_flags(&[("service", "7"), ("link", "l")]).unwrap();
        assert!(check(&service("Package", 100, 10), &package).is_err());
        assert!(check_range(&service("Default", 100, 10), "quantity", 50).is_err());
    }

    #[test]
    fn a_placeholder_rate_is_refused() {
        let order = by_flags(&[("service", "7"), ("link", "l"), ("quantity", "50")]).unwrap();
        let mut s = service("Default", 10, 100);
        for (rate, ok) in [
            ("999999999.99", true),
            ("0", true),
            ("1000000000", false),
            ("1000000000000", false),
            ("-0.01", false),
        ] {
            s.rate = Some(rate.parse().unwrap());
            let verdict = check(&s, &order);
            assert_eq!(verdict.is_ok(), ok, "{rate}: {verdict:?}");
            if let Err(e) = verdict {
                // A negative rate is a broken entry; an absurd one a placeholder.
                assert!(
                    e.contains(&format!("rate of {rate}, a placeholder"))
                        || e.contains(&format!("its rate is negative ({rate})")),
                    "{e}"
                );
            }
        }
        let placeholder = Service {
            rate: Some(Decimal::from(1_000_000_000_000u64)),
            ..service("Default", 500_000, 100)
        };
        assert_eq!(
            check(&placeholder, &order).unwrap_err(),
            "service 7 cannot be ordered: the panel lists its minimum (500000) above its maximum \
             (100) and a rate of 1000000000000, a placeholder rather than a price"
        );
    }

    #[test]
    fn drip_feed_is_refused_where_the_panel_says_it_is_off() {
        let drip = by_flags(&[
            ("service", "7"),
            ("link", "l"),
            ("quantity", "50"),
            ("runs", "2"),
            ("interval", "5"),
        ])
        .unwrap();
        let once = by_flags(&[("service", "7"), ("link", "l"), ("quantity", "50")]).unwrap();
        let mut s = service("Default", 10, 100);
        for (dripfeed, ok) in [(None, true), (Some(true), true), (Some(false), false)] {
            s.dripfeed = dripfeed;
            assert_eq!(check(&s, &drip).is_ok(), ok, "{dripfeed:?}");
            assert!(check(&s, &once).is_ok());
        }
        assert!(
            check(&s, &drip)
                .unwrap_err()
                .contains("does not take drip-feed")
        );
    }

    #[test]
    fn a_broken_catalogue_entry_is_reported_not_ignored() {
        let order = by_flags(&[("service", "7"), ("link", "l"), ("quantity", "50")]).unwrap();
        let entry = |json: &str| {
            crate::panel::decode_service(
                serde_json::value::RawValue::from_string(json.to_string()).unwrap(),
            )
        };
        let ok = entry(r#"{"service":7,"type":"Default","rate":"0.90","min":"10","max":"1,000"}"#);
        assert_eq!(check(&ok, &order).unwrap().cost, Some(Decimal::new(45, 3)));
        let blank = entry(r#"{"service":7,"rate":"","min":null,"max":" "}"#);
        assert!(check(&blank, &order).is_ok());
        for (json, says) in [
            (
                r#"{"service":7,"rate":"-1.5"}"#,
                "its rate is negative (-1.5)",
            ),
            (
                r#"{"service":7,"rate":"1.234567890123456789012345678901234e5"}"#,
                "the rate '1.2345",
            ),
            (
                r#"{"service":7,"rate":"1_000"}"#,
                "the rate '1_000' is not a decimal number",
            ),
            (
                r#"{"service":7,"rate":[1]}"#,
                "the rate [1] is not a decimal number",
            ),
            (
                r#"{"service":7,"rate":"1","min":"ten"}"#,
                "its min 'ten' is not a whole number",
            ),
            (
                r#"{"service":7,"rate":"1","max":"1_000"}"#,
                "its max '1_000' is not a whole number",
            ),
        ] {
            let err = check(&entry(json), &order).unwrap_err();
            assert!(
                err.contains(says) && err.starts_with("service 7's"),
                "{json}: {err}"
            );
        }
    }

    #[test]
    fn orders_are_priced_by_their_type() {
        let order = by_flags(&[
            ("service", "7"),
            ("link", "l"),
            ("quantity", "500"),
            ("runs", "3"),
            ("interval", "10"),
        ])
        .unwrap();
        let priced = check(&service("Default", 10, 1000), &order).unwrap();
        assert_eq!(priced.cost, Some(Decimal::new(15, 1)));
        assert!(check(&service("Default", 600, 1000), &order).is_err());
    }
}
