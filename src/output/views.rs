//! Typed panel answers turned into tables: the one place that knows which columns each answer
//! has (money or thread accounts, timed services, thread orders).

use super::{Cell, Table};
use crate::book::{Entry, Group, Outcome};
use crate::money::show;
use crate::panel::{Account, Cancel, OrderStatus, PikaAccount, Placed, Row, Service};
use crate::time::utc_date;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A number as text, blank when unknown.
pub fn num(n: Option<u64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// `yes`, `no` or blank for a flag the panel may omit.
pub fn yes_no(flag: Option<bool>) -> String {
    match flag {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}

/// A row that shows a per-item error in the column after the id.
pub fn error_row(id: &str, msg: &str) -> Vec<Cell> {
    vec![Cell::new(id), Cell::status(format!("error: {msg}"))]
}

/// The account of one profile: BALANCE and CURRENCY, or the threads of a subscription.
pub fn account(profile: &str, account: &Account) -> Table {
    match account {
        Account::Money(b) => {
            let mut table = Table::new(&["PROFILE", "BALANCE", "CURRENCY"]);
            table.add_row(vec![
                Cell::new(profile),
                Cell::number(b.amount),
                Cell::new(&b.currency),
            ]);
            table
        }
        Account::Threads(u) => {
            let mut table = Table::new(&[
                "PROFILE",
                "TOTAL THREADS",
                "ACTIVE",
                "AVAILABLE",
                "FOLLOWERS",
                "SUBSCRIPTION EXPIRES",
            ]);
            table.add_row(vec![
                Cell::new(profile),
                Cell::number(num(u.total)),
                Cell::number(num(u.active)),
                Cell::number(num(u.available)),
                Cell::number(num(u.followers)),
                Cell::new(u.expires.map(utc_date).unwrap_or_default()),
            ]);
            table
        }
    }
}

/// Several profiles' accounts, one row each; a failed profile shows its error in its row.
pub fn accounts(results: &[(String, Result<Account, String>)]) -> Table {
    let mut table = Table::new(&["PROFILE", "BALANCE", "CURRENCY"]);
    for (name, result) in results {
        match result {
            Ok(Account::Money(b)) => table.add_row(vec![
                Cell::new(name),
                Cell::number(b.amount),
                Cell::new(&b.currency),
            ]),
            // A subscription's balance is its free threads: the number, then what it counts.
            Ok(Account::Threads(u)) => table.add_row(vec![
                Cell::new(name),
                Cell::number(u.available.map(|n| n.to_string()).unwrap_or("?".into())),
                Cell::new("threads free"),
            ]),
            Err(e) => table.add_row(error_row(name, e)),
        }
    }
    table
}

/// The catalogue: timed services (a duration) show DURATION instead of REFILL and CANCEL.
pub fn services(shown: &[&Service]) -> Table {
    let timed = shown.iter().any(|s| s.duration.is_some());
    let last: &[&str] = if timed {
        &["DURATION"]
    } else {
        &["REFILL", "CANCEL"]
    };
    let mut headers = vec!["ID", "NAME", "CATEGORY", "TYPE", "RATE", "MIN", "MAX"];
    headers.extend_from_slice(last);
    let mut table = Table::new(&headers);
    table.reserve(shown.len(), headers.len());
    // Cells written straight from the services' text (no String per cell: 180,000 of them).
    for s in shown {
        let mut row = table.row();
        row.text(&s.id)
            .text(&s.name)
            .text(&s.category)
            .text(&s.kind)
            .number(s.rate.map_or(Blank::Blank, Blank::Some))
            .count(s.min)
            .count(s.max);
        if timed {
            row.number(s.duration.map_or(Blank::Blank, |d| Blank::Some(Minutes(d))));
        } else {
            row.text(yes_no_str(s.refill)).text(yes_no_str(s.cancel));
        }
    }
    table
}

/// A value shown as it displays, or a blank cell.
enum Blank<T> {
    Some(T),
    Blank,
}

impl<T: std::fmt::Display> std::fmt::Display for Blank<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Blank::Some(v) => v.fmt(f),
            Blank::Blank => Ok(()),
        }
    }
}

/// A duration in minutes, shown `90 min`.
struct Minutes(u64);

impl std::fmt::Display for Minutes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} min", self.0)
    }
}

/// `yes_no`, borrowed.
fn yes_no_str(flag: Option<bool>) -> &'static str {
    match flag {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

/// A service's rate as the panel wrote it, right-aligned.
fn rate(s: &Service) -> Cell {
    Cell::number(s.rate.map(|r| r.to_string()).unwrap_or_default())
}

/// One offer of `services --all`: the profile, the service, the profile's currency.
pub type Offer<'a> = (&'a str, &'a Service, &'a str);

/// The catalogues of several profiles in one table; failed profiles end it with their error.
pub fn offers(rows: &[Offer], failed: &[(String, String)]) -> Table {
    let mut table = Table::new(&[
        "PROFILE", "ID", "NAME", "TYPE", "RATE", "CURRENCY", "MIN", "MAX", "REFILL", "CANCEL",
    ]);
    for (name, s, currency) in rows {
        table.add_row(vec![
            Cell::new(name),
            Cell::new(&s.id),
            Cell::new(&s.name),
            Cell::new(&s.kind),
            rate(s),
            Cell::new(currency),
            Cell::number(num(s.min)),
            Cell::number(num(s.max)),
            Cell::new(yes_no(s.refill)),
            Cell::new(yes_no(s.cancel)),
        ]);
    }
    for (name, e) in failed {
        table.add_row(vec![
            Cell::new(name),
            Cell::new(""),
            Cell::status(format!("error: {e}")),
        ]);
    }
    table
}

/// Order statuses, one row per id: ORDER, STATUS, CHARGE, START COUNT, REMAINS, CURRENCY, or
/// for thread orders ORDER, SERVICE, THREADS, STATUS, CREATED.
pub fn statuses(rows: &[Row<OrderStatus>]) -> Table {
    let threads = rows
        .iter()
        .any(|r| matches!(&r.result, Ok(s) if s.thread.is_some()));
    let mut table = match threads {
        true => Table::new(&["ORDER", "SERVICE", "THREADS", "STATUS", "CREATED"]),
        false => Table::new(&[
            "ORDER",
            "STATUS",
            "CHARGE",
            "START COUNT",
            "REMAINS",
            "CURRENCY",
        ]),
    };
    for row in rows {
        let cells = match (&row.result, threads) {
            (Ok(s), false) => vec![
                Cell::new(&row.id),
                Cell::status(&s.status),
                Cell::number(s.charge.map(|c| c.to_string()).unwrap_or_default()),
                Cell::number(&s.start_count),
                Cell::number(&s.remains),
                Cell::new(&s.currency),
            ],
            (Ok(s), true) => {
                let t = s.thread.as_ref();
                vec![
                    Cell::new(&row.id),
                    Cell::new(t.map(|t| t.service.as_str()).unwrap_or("")),
                    Cell::number(num(t.and_then(|t| t.quantity))),
                    Cell::status(&s.status),
                    Cell::new(t.and_then(|t| t.created).map(utc_date).unwrap_or_default()),
                ]
            }
            (Err(msg), _) => error_row(&row.id, msg),
        };
        table.add_row(cells);
    }
    table
}

/// Refills asked for: ORDER and REFILL (the refill id).
pub fn refills(rows: &[Row<String>]) -> Table {
    outcomes(&["ORDER", "REFILL"], rows, |v| Cell::status(v))
}

/// Refill statuses: REFILL and STATUS.
pub fn refill_statuses(rows: &[Row<String>]) -> Table {
    outcomes(&["REFILL", "STATUS"], rows, |v| Cell::status(v))
}

/// Cancels asked for: ORDER and CANCEL (`requested` when the panel took the request: it does
/// not mean the order is cancelled yet).
pub fn cancels(rows: &[Row<Cancel>]) -> Table {
    outcomes(&["ORDER", "CANCEL"], rows, |v| match v {
        Cancel::Requested => Cell::new(v),
        Cancel::Said(word) => Cell::status(word),
    })
}

/// Id and outcome rows under `headers`.
fn outcomes<T>(headers: &[&str], rows: &[Row<T>], cell: impl Fn(&T) -> Cell) -> Table {
    let mut table = Table::new(headers);
    for row in rows {
        table.add_row(match &row.result {
            Ok(v) => vec![Cell::new(&row.id), cell(v)],
            Err(msg) => error_row(&row.id, msg),
        });
    }
    table
}

/// A placed order: ORDER, SERVICE, QUANTITY, LINK — or for a thread order ORDER, SERVICE,
/// THREADS, STATUS, LINK as the panel reported them.
pub fn placed(placed: &Placed, order: &crate::order::Order) -> Table {
    let link = order.get("link").or(order.get("username")).unwrap_or("");
    match &placed.thread {
        None => {
            let mut table = Table::new(&["ORDER", "SERVICE", "QUANTITY", "LINK"]);
            table.add_row(vec![
                Cell::new(&placed.order),
                Cell::new(order.service),
                Cell::number(num(order.number("quantity").or(order.items("comments")))),
                Cell::new(link),
            ]);
            table
        }
        Some(t) => {
            let mut table = Table::new(&["ORDER", "SERVICE", "THREADS", "STATUS", "LINK"]);
            table.add_row(vec![
                Cell::new(&placed.order),
                Cell::new(&t.service),
                Cell::number(num(t.quantity)),
                Cell::new(placed.status.clone().unwrap_or_default()),
                Cell::new(link),
            ]);
            table
        }
    }
}

/// Pika accounts: CHANNEL, DISCORD TOKEN (masked), MAX JOBS.
pub fn pika_accounts(accounts: &[PikaAccount]) -> Table {
    let mut table = Table::new(&["CHANNEL", "DISCORD TOKEN", "MAX JOBS"]);
    for a in accounts {
        table.add_row(vec![
            Cell::new(&a.channel),
            Cell::new(a.discord.hint()),
            Cell::number(&a.max_jobs),
        ]);
    }
    table
}

/// A dry run's report: the order checked against its service and priced against the account.
#[derive(Debug, serde::Serialize)]
pub struct DryRun {
    /// Always true: nothing was sent.
    dry_run: bool,
    /// The service id.
    service: String,
    /// The service name.
    name: String,
    /// The service's order type.
    #[serde(rename = "type")]
    kind: String,
    /// What the account side says.
    #[serde(flatten)]
    funds: Funds,
    /// The type name shown in the table (`Default` when the panel sends none).
    #[serde(skip)]
    type_name: String,
    /// The order's fields, for the table.
    #[serde(skip)]
    shown: Vec<(String, String)>,
}

/// The account side of a dry run.
#[derive(Debug, serde::Serialize)]
#[serde(untagged)]
enum Funds {
    /// Money: rate, cost, balance and what is left.
    Money {
        /// Rate per 1000 (or per package).
        rate: Option<String>,
        /// The amount checked against min/max.
        quantity: Option<u64>,
        /// Drip-feed runs.
        runs: u64,
        /// The exact cost, when known in advance.
        cost: Option<String>,
        /// The balance now.
        balance: String,
        /// The balance after the order.
        balance_after: Option<String>,
        /// The account currency.
        currency: String,
        /// Every field sent.
        fields: serde_json::Map<String, serde_json::Value>,
        /// Whether the rate is per package.
        #[serde(skip)]
        per_package: bool,
    },
    /// Threads: what the order takes and what is free.
    Threads {
        /// The channel.
        link: String,
        /// Threads ordered.
        quantity: Option<u64>,
        /// How long the service runs.
        duration_minutes: Option<u64>,
        /// Threads free now.
        available_threads: Option<u64>,
    },
}

impl DryRun {
    /// The report for `order` on `service`, priced as `priced`, against `account`.
    pub fn new(
        service: &Service,
        order: &crate::order::Order,
        priced: &crate::panel::Priced,
        account: &Account,
        type_name: String,
    ) -> DryRun {
        let funds = match account {
            Account::Money(balance) => Funds::Money {
                rate: service.rate.map(|r| r.to_string()),
                quantity: priced.amount,
                runs: priced.runs,
                cost: priced.cost.map(crate::money::show),
                balance: balance.amount.to_string(),
                balance_after: priced
                    .cost
                    .and_then(|c| balance.amount.checked_sub(c))
                    .map(crate::money::show),
                currency: balance.currency.clone(),
                fields: order
                    .fields
                    .iter()
                    .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone())))
                    .collect(),
                per_package: priced.per_package,
            },
            Account::Threads(threads) => Funds::Threads {
                link: order.get("link").unwrap_or("").to_string(),
                quantity: priced.amount,
                duration_minutes: service.duration,
                available_threads: threads.available,
            },
        };
        DryRun {
            dry_run: true,
            service: service.id.clone(),
            name: service.name.clone(),
            kind: service.kind.clone(),
            funds,
            type_name,
            shown: order
                .fields
                .iter()
                .filter(|(k, _)| *k != "service")
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        }
    }

    /// The balance after the order, when both are known.
    pub fn after(&self) -> Option<rust_decimal::Decimal> {
        match &self.funds {
            Funds::Money { balance_after, .. } => balance_after.as_deref()?.parse().ok(),
            Funds::Threads { .. } => None,
        }
    }

    /// The report as label/value rows.
    pub fn table(&self) -> Table {
        let mut table = Table::key_value();
        let mut row = |k: &str, v: String| table.add_row(vec![k.to_string(), v]);
        row("SERVICE", format!("{} {}", self.service, self.name));
        match &self.funds {
            Funds::Money {
                rate,
                cost,
                balance,
                balance_after,
                currency,
                per_package,
                ..
            } => {
                row("TYPE", self.type_name.clone());
                for (k, v) in &self.shown {
                    // A list is shown by its size: its items may contain commas.
                    let shown = match v.lines().count() {
                        n if n > 1 => format!("{n} items"),
                        _ => v.clone(),
                    };
                    row(&k.to_uppercase(), shown);
                }
                let per = if *per_package {
                    "per package"
                } else {
                    "per 1000"
                };
                let with_cur = |d: &str| format!("{d} {currency}");
                row(
                    "RATE",
                    rate.as_ref()
                        .map(|r| format!("{r} {per}"))
                        .unwrap_or_else(|| "unknown".into()),
                );
                row(
                    "COST",
                    cost.as_deref()
                        .map(with_cur)
                        .unwrap_or_else(|| "depends on deliveries (not known in advance)".into()),
                );
                row("BALANCE", with_cur(balance));
                if let Some(a) = balance_after {
                    row("AFTER", with_cur(a));
                }
            }
            Funds::Threads {
                link,
                quantity,
                duration_minutes,
                available_threads,
            } => {
                row("TYPE", self.kind.clone());
                row("LINK", link.clone());
                row("THREADS", num(*quantity));
                if let Some(d) = duration_minutes {
                    row("DURATION", format!("{d} min"));
                }
                row(
                    "AVAILABLE THREADS",
                    available_threads
                        .map(|a| a.to_string())
                        .unwrap_or_else(|| "unknown".into()),
                );
            }
        }
        table
    }
}

/// Recorded catalogue changes: when, which profile, and the change in one line.
pub fn catalogue_changes(changes: &[crate::book::catalogue::Change]) -> Table {
    let mut table = Table::new(&["SEEN", "PROFILE", "SERVICE", "CHANGE", "OLD", "NEW", "NAME"]);
    for c in changes {
        table.add_row(vec![
            utc_date(c.time),
            c.profile.clone(),
            c.service.clone(),
            c.change.name().to_string(),
            c.old.clone().unwrap_or_default(),
            c.new.clone().unwrap_or_default(),
            c.name.clone(),
        ]);
    }
    table
}

/// A bulk run's summary, shown before sending: orders, skipped lines, total cost, balance.
pub fn bulk_summary(report: &crate::bulk::Report) -> Table {
    let cur = &report.currency;
    let mut summary = Table::key_value();
    summary.add_row(vec!["ORDERS".to_string(), report.orders.to_string()]);
    if report.skipped > 0 {
        summary.add_row(vec![
            "SKIPPED".to_string(),
            format!("{} (in the order book already)", report.skipped),
        ]);
    }
    if report.held > 0 {
        summary.add_row(vec![
            "HELD BACK".to_string(),
            format!(
                "{} (an earlier try's outcome is unknown: check the panel, then --force)",
                report.held
            ),
        ]);
    }
    // Several currencies (a routed file) are each in the total already.
    let total = match cur.is_empty() {
        true => report.total_cost.clone(),
        false => format!("{} {cur}", report.total_cost),
    };
    let priced = match report.unpriced {
        0 => total,
        n => format!("{total} (+ {n} order(s) priced by deliveries)"),
    };
    summary.add_row(vec!["TOTAL COST".to_string(), priced]);
    if let Some(balance) = &report.balance {
        summary.add_row(vec!["BALANCE".to_string(), format!("{balance} {cur}")]);
    }
    summary
}

/// A bulk run's lines: LINE, SERVICE, LINK, QUANTITY, COST, then the panel's ORDER id and the
/// RESULT (`placed`; `to place` in a dry run; skipped, held or failed with why) in columns of
/// their own, so CSV and TSV keep the id apart from the outcome. A file with a `route` column
/// shows the ROUTE in place of the SERVICE, and the PROVIDER (`profile:service`) that took
/// each line (or would, or was tried last) before its COST.
pub fn bulk_lines(report: &crate::bulk::Report) -> Table {
    let routed = report.lines.iter().any(|l| l.route.is_some());
    let mut table = match routed {
        false => Table::new(&[
            "LINE", "SERVICE", "LINK", "QUANTITY", "COST", "ORDER", "RESULT",
        ]),
        true => Table::new(&[
            "LINE", "ROUTE", "LINK", "QUANTITY", "PROVIDER", "COST", "ORDER", "RESULT",
        ]),
    };
    for l in &report.lines {
        let why = l.error.as_deref().unwrap_or("");
        let shown = match l.result {
            "placed" | "to place" => Cell::new(l.result),
            "skipped" => Cell::new(format!("skipped: {why}")),
            "held" => Cell::status(format!("error: not sent again: {why}")),
            _ => Cell::status(format!("error: {why}")),
        };
        let mut row = vec![
            Cell::number(l.line),
            match routed {
                false => Cell::new(l.service),
                true => Cell::new(l.route.as_deref().unwrap_or("")),
            },
            Cell::new(l.link.as_deref().unwrap_or("")),
            Cell::number(l.quantity.map(|q| q.to_string()).unwrap_or_default()),
        ];
        if routed {
            row.push(Cell::new(match &l.profile {
                Some(p) => format!("{p}:{}", l.service),
                None => String::new(),
            }));
        }
        row.extend([
            Cell::number(l.cost.as_deref().unwrap_or("")),
            Cell::number(l.order.as_deref().unwrap_or("")),
            shown,
        ]);
        table.add_row(row);
    }
    table
}

/// The columns of `smm orders`.
const ORDER_HEADERS: [&str; 10] = [
    "PLACED", "PROFILE", "SERVICE", "QUANTITY", "LINK", "COST", "OUTCOME", "STATUS", "CHARGE",
    "CURRENCY",
];

/// Orders as the rows of `smm orders`, without totals (a chunk of a CSV or TSV stream).
pub fn order_rows(entries: &[Entry]) -> Table {
    let mut table = Table::new(&ORDER_HEADERS);
    for e in entries {
        table.add_row(row(e, None));
    }
    table
}

/// One order as a table row; `problem` is why `--check` could not learn its status.
fn row(e: &Entry, problem: Option<&String>) -> Vec<Cell> {
    let outcome = match (e.outcome, &e.order, &e.error) {
        (Outcome::Placed, order, _) => format!("order {}", order.as_deref().unwrap_or("?")),
        (Outcome::Refused, _, error) => format!("refused: {}", error.as_deref().unwrap_or("")),
        (Outcome::Unknown, _, Some(_)) => "unknown: check the panel's order list".to_string(),
        (Outcome::Unknown, _, None) => "no answer recorded (smm stopped?): check the panel".into(),
    };
    let status = match (problem, &e.status) {
        (Some(problem), _) => Cell::status(format!("error: {problem}")),
        (None, Some(status)) => Cell::status(status),
        (None, None) => Cell::new(""),
    };
    vec![
        Cell::new(utc_date(e.created)),
        Cell::new(&e.profile),
        Cell::new(e.service),
        Cell::number(num(e.quantity.or_else(|| {
            // A comment order's quantity is its number of comments.
            e.fields.get("comments").map(|c| c.lines().count() as u64)
        }))),
        Cell::new(e.link.as_deref().unwrap_or("")),
        Cell::number(cost_text(e.cost.as_deref())),
        Cell::new(outcome),
        status,
        Cell::number(e.charge.as_deref().unwrap_or("")),
        Cell::new(e.currency.as_deref().unwrap_or("")),
    ]
}

/// The order book as a table, ending with a totals line per currency; `problems` are why
/// `--check` could not learn an entry's status, by entry id.
pub fn orders(entries: &[Entry], problems: &BTreeMap<String, String>) -> Table {
    let mut table = Table::new(&ORDER_HEADERS);
    for e in entries {
        table.add_row(row(e, problems.get(&e.id)));
    }
    let mut totals: BTreeMap<String, (usize, Decimal, Decimal)> = BTreeMap::new();
    for e in entries {
        let t = totals
            .entry(e.currency.clone().unwrap_or_default())
            .or_default();
        t.0 += 1;
        if e.outcome != Outcome::Refused {
            t.1 = t.1.saturating_add(amount(e.cost.as_deref()));
        }
        t.2 = t.2.saturating_add(amount(e.charge.as_deref()));
    }
    for (currency, (n, cost, charge)) in totals {
        table.add_row(vec![
            Cell::new("TOTAL"),
            Cell::new(""),
            Cell::new(""),
            Cell::number(match n {
                1 => "1 order".to_string(),
                n => format!("{n} orders"),
            }),
            Cell::new(""),
            Cell::number(show(cost)),
            Cell::new(""),
            Cell::new(""),
            Cell::number(show(charge)),
            Cell::new(currency),
        ]);
    }
    table
}

/// A cost estimate from the book (smm's own computed amount) as amounts are shown; text that
/// does not read as a decimal is shown as it is.
fn cost_text(text: Option<&str>) -> String {
    match text {
        Some(t) => t.parse().map(show).unwrap_or_else(|_| t.to_string()),
        None => String::new(),
    }
}

/// A decimal from the book's text (absent or unreadable: zero).
fn amount(text: Option<&str>) -> Decimal {
    text.and_then(|t| t.parse().ok()).unwrap_or_default()
}

/// `smm orders --by`: one row per group and currency, then the totals per currency.
pub fn order_groups(groups: &[Group]) -> Table {
    let mut table = Table::new(&["GROUP", "ORDERS", "COST", "CHARGE", "CURRENCY"]);
    let mut totals: BTreeMap<&str, (u64, Decimal, Decimal)> = BTreeMap::new();
    for g in groups {
        table.add_row(vec![
            Cell::new(&g.key),
            Cell::number(g.orders),
            Cell::number(show(g.cost)),
            Cell::number(show(g.charge)),
            Cell::new(&g.currency),
        ]);
        let t = totals.entry(&g.currency).or_default();
        t.0 += g.orders;
        t.1 = t.1.saturating_add(g.cost);
        t.2 = t.2.saturating_add(g.charge);
    }
    for (currency, (n, cost, charge)) in totals {
        table.add_row(vec![
            Cell::new("TOTAL"),
            Cell::number(n),
            Cell::number(show(cost)),
            Cell::number(show(charge)),
            Cell::new(currency),
        ]);
    }
    table
}

/// One profile's line in the summary of `smm sync`.
#[derive(Debug, Clone, Default)]
pub struct Synced<'a> {
    /// The profile.
    pub profile: &'a str,
    /// The balance with its currency (or the free threads), when it was read.
    pub balance: Option<String>,
    /// Whether the profile's sync failed (whole or in part).
    pub failed: bool,
    /// How many unfinished orders were asked about.
    pub orders_asked: usize,
    /// How many statuses changed.
    pub status_changes: usize,
    /// How many catalogue changes were seen.
    pub catalogue_changes: usize,
    /// How many unfinished refills were asked about.
    pub refills_followed: usize,
    /// How many refills were sent (`auto_refill`).
    pub refills_sent: usize,
    /// How many alerts were raised.
    pub alerts: usize,
}

/// `smm sync`'s summary, one row per profile: balance, orders asked, status changes,
/// catalogue changes, refills (`followed/sent`), alerts.
pub fn sync_summary(rows: &[Synced]) -> Table {
    let mut table = Table::new(&[
        "PROFILE",
        "BALANCE",
        "ORDERS ASKED",
        "STATUS CHANGES",
        "CATALOGUE CHANGES",
        "REFILLS",
        "ALERTS",
    ]);
    for r in rows {
        let balance = match &r.balance {
            Some(b) => Cell::new(b),
            None if r.failed => Cell::status("error"),
            None => Cell::new(""),
        };
        table.add_row(vec![
            Cell::new(r.profile),
            balance,
            Cell::number(r.orders_asked),
            Cell::number(r.status_changes),
            Cell::number(r.catalogue_changes),
            Cell::number(format!("{}/{}", r.refills_followed, r.refills_sent)),
            Cell::number(r.alerts),
        ]);
    }
    table
}

/// One order as `smm watch` last saw it.
#[derive(Debug, Clone)]
pub struct Watched<'a> {
    /// The order id.
    pub order: &'a str,
    /// Its status, or `error: …`.
    pub shown: String,
    /// The charge so far.
    pub charge: Option<rust_decimal::Decimal>,
    /// Units still to deliver.
    pub remains: Option<i64>,
}

/// `smm watch`'s last poll: ORDER, STATUS, CHARGE, REMAINS.
pub fn watched(rows: &[Watched]) -> Table {
    let mut table = Table::new(&["ORDER", "STATUS", "CHARGE", "REMAINS"]);
    for w in rows {
        table.add_row(vec![
            Cell::new(w.order),
            Cell::status(&w.shown),
            Cell::number(w.charge.map(|c| c.to_string()).unwrap_or_default()),
            Cell::number(w.remains.map(|r| r.to_string()).unwrap_or_default()),
        ]);
    }
    table
}

/// `smm watch`'s live summary: per status, the orders, their charge and what remains.
pub fn watch_groups(
    groups: &std::collections::BTreeMap<String, (usize, rust_decimal::Decimal, u64)>,
) -> Table {
    let mut table = Table::new(&["STATUS", "ORDERS", "CHARGE", "REMAINS"]);
    for (status, (n, charge, remains)) in groups {
        table.add_row(vec![
            Cell::status(status),
            Cell::number(n),
            Cell::number(crate::money::show(*charge)),
            Cell::number(remains),
        ]);
    }
    table
}

/// `smm config show`: every profile (`*` marks the one a command would use now) with its API,
/// URL (hidden parts hidden) and where its key comes from (never the key).
pub fn profiles<'a>(
    chosen: Option<&str>,
    profiles: impl IntoIterator<Item = (&'a str, &'a str, &'a str, &'a str)>,
) -> Table {
    let mut table = Table::new(&["", "PROFILE", "API", "URL", "KEY"]);
    for (name, api, url, key) in profiles {
        let mark = if chosen == Some(name) { "*" } else { "" };
        table.add_row(vec![mark, name, api, url, key]);
    }
    table
}

/// A route's candidates, ranked for an order (`order add --route --dry-run`): the rank (the
/// first would take it), or why a candidate cannot.
pub fn route_plan(offers: &[crate::route::Offer], ranked: &[usize]) -> Table {
    let mut table = Table::new(&[
        "RANK",
        "PROFILE",
        "SERVICE",
        "NAME",
        "RATE",
        "COST",
        "BALANCE",
        "CAN TAKE IT",
    ]);
    for (i, o) in offers.iter().enumerate() {
        let rank = ranked.iter().position(|r| *r == i);
        table.add_row(vec![
            Cell::number(rank.map(|r| (r + 1).to_string()).unwrap_or_default()),
            Cell::new(&o.profile),
            Cell::new(o.service),
            Cell::new(&o.name),
            Cell::number(exact(o.rate)),
            Cell::number(exact(o.cost)),
            Cell::number(balance(o)),
            match (&o.reason, rank) {
                (None, Some(0)) => Cell::status("yes: chosen"),
                (None, _) => Cell::new("yes"),
                (Some(why), _) => Cell::status(format!("no: {why}")),
            },
        ]);
    }
    table
}

/// What became of each candidate of a route an order went through: placed, refused (moved
/// on), stopped, not sent, or why it could not take it.
pub fn route_walk(
    offers: &[crate::route::Offer],
    results: &[Option<crate::route::Tried>],
) -> Table {
    let mut table = Table::new(&["PROFILE", "SERVICE", "RATE", "COST", "BALANCE", "RESULT"]);
    for (o, tried) in offers.iter().zip(results) {
        let result = match (tried, &o.reason) {
            (Some(t), _) => Cell::status(t.text()),
            (None, Some(why)) => Cell::status(format!("skipped: {why}")),
            (None, None) => Cell::new("not sent"),
        };
        table.add_row(vec![
            Cell::new(&o.profile),
            Cell::new(o.service),
            Cell::number(exact(o.rate)),
            Cell::number(exact(o.cost)),
            Cell::number(balance(o)),
            result,
        ]);
    }
    table
}

/// `smm routes`: each route's candidates against a typical order, with the margin against
/// the route's sell price.
pub fn routes(routes: &[crate::route::Shown]) -> Table {
    let mut table = Table::new(&[
        "ROUTE",
        "PROFILE",
        "SERVICE",
        "NAME",
        "RATE",
        "MIN",
        "MAX",
        "BALANCE",
        "CURRENCY",
        "AVAILABLE",
        "MARGIN",
        "MARGIN %",
    ]);
    for r in routes {
        for c in &r.candidates {
            let o = &c.offer;
            table.add_row(vec![
                Cell::new(&r.route),
                Cell::new(&o.profile),
                Cell::new(o.service),
                Cell::new(&o.name),
                Cell::number(exact(o.rate)),
                Cell::number(num(o.min)),
                Cell::number(num(o.max)),
                Cell::number(exact(o.balance)),
                Cell::new(&o.currency),
                match &o.reason {
                    None => Cell::new("yes"),
                    Some(why) => Cell::status(format!("no: {why}")),
                },
                Cell::number(c.margin.as_deref().unwrap_or("")),
                Cell::number(c.margin_percent.as_deref().unwrap_or("")),
            ]);
        }
    }
    table
}

/// An optional amount as exact text, blank when unknown.
fn exact(d: Option<Decimal>) -> String {
    d.map(show).unwrap_or_default()
}

/// A candidate's balance with its currency, blank when unknown.
fn balance(o: &crate::route::Offer) -> String {
    match o.balance {
        Some(b) => format!("{} {}", show(b), o.currency),
        None => String::new(),
    }
}

/// `smm config show`: the routes of the config file, as written.
pub fn config_routes<'a>(
    routes: impl IntoIterator<Item = (&'a str, String, &'a str, &'a str, &'a str)>,
) -> Table {
    let mut table = Table::new(&["ROUTE", "CANDIDATES", "PICK", "SELL", "MAX RATE"]);
    for (name, candidates, pick, sell, max_rate) in routes {
        table.add_row(vec![
            Cell::new(name),
            Cell::new(candidates),
            Cell::new(pick),
            Cell::number(sell),
            Cell::number(max_rate),
        ]);
    }
    table
}

/// The refills of the order book (`smm refills`): REQUESTED, PROFILE, ORDER, REFILL, STATUS,
/// ERROR — newest first, as given.
pub fn refill_records(refills: &[crate::book::refills::Refill]) -> Table {
    let mut table = Table::new(&["REQUESTED", "PROFILE", "ORDER", "REFILL", "STATUS", "ERROR"]);
    for r in refills {
        table.add_row(vec![
            Cell::new(utc_date(r.requested)),
            Cell::new(&r.profile),
            Cell::new(&r.order),
            Cell::new(r.refill.as_deref().unwrap_or("")),
            Cell::status(&r.status),
            Cell::new(r.error.as_deref().unwrap_or("")),
        ]);
    }
    table
}

/// The orders due a refill (`smm refill --due --dry-run`): PROFILE, ORDER, SERVICE, STATUS,
/// FINISHED.
pub fn refills_due(due: &[(&str, &crate::book::refills::Due)]) -> Table {
    let mut table = Table::new(&["PROFILE", "ORDER", "SERVICE", "STATUS", "FINISHED"]);
    for (profile, d) in due {
        table.add_row(vec![
            Cell::new(profile),
            Cell::new(&d.order),
            Cell::new(d.service),
            Cell::status(&d.status),
            Cell::new(utc_date(d.finished)),
        ]);
    }
    table
}

/// The refills `smm refill --due` sent and what came back: PROFILE, ORDER, REFILL, STATUS,
/// ERROR.
pub fn refills_sent(sent: &[crate::book::refills::Sent]) -> Table {
    let mut table = Table::new(&["PROFILE", "ORDER", "REFILL", "STATUS", "ERROR"]);
    for s in sent {
        table.add_row(vec![
            Cell::new(&s.profile),
            Cell::new(&s.order),
            Cell::new(s.refill.as_deref().unwrap_or("")),
            Cell::status(&s.status),
            Cell::new(s.error.as_deref().unwrap_or("")),
        ]);
    }
    table
}

/// The refills `smm refill-status` (no ids) asked about: PROFILE, ORDER, REFILL, WAS, STATUS,
/// PANEL SAID.
pub fn refills_followed(rows: &[(&str, &crate::book::refills::RefillChange)]) -> Table {
    let mut table = Table::new(&["PROFILE", "ORDER", "REFILL", "WAS", "STATUS", "PANEL SAID"]);
    for (profile, c) in rows {
        table.add_row(vec![
            Cell::new(profile),
            Cell::new(&c.order),
            Cell::new(&c.refill),
            Cell::new(&c.from),
            Cell::status(&c.to),
            Cell::new(&c.said),
        ]);
    }
    table
}

/// `smm book info`: the backend, where the book is, its schema version and its counts.
pub fn book_info(info: &crate::commands::book::Info) -> Table {
    let rows = [
        ("BACKEND", info.backend.to_string()),
        ("BOOK", info.book.clone()),
        ("SCHEMA VERSION", info.schema_version.to_string()),
    ];
    book_counts(rows, &info.counts, info.counts.orders.to_string())
}

/// `smm book copy`'s summary: what was copied where, and what the target held already.
pub fn book_copied(report: &crate::commands::book::CopyReport) -> Table {
    let c = &report.copied;
    let rows = [("FROM", report.from.clone()), ("TO", report.to.clone())];
    let orders = format!("{} copied, {} there already", c.orders, report.already);
    book_counts(rows, c, orders)
}

/// A key-value table of `first`, then `orders` and each of a book's counts, as `book info`
/// and `book copy` show them.
fn book_counts<const N: usize>(
    first: [(&str, String); N],
    c: &crate::book::Counts,
    orders: String,
) -> Table {
    let mut table = Table::key_value();
    let counts = [
        ("ORDERS", orders),
        ("STATUS CHANGES", c.status_history.to_string()),
        ("BALANCES", c.balances.to_string()),
        ("CATALOGUE SERVICES", c.catalogue.to_string()),
        ("CATALOGUE CHANGES", c.catalogue_changes.to_string()),
        ("ALERTS", c.alerts.to_string()),
        ("REFILLS", c.refills.to_string()),
        ("REFILL STATUS CHANGES", c.refill_history.to_string()),
    ];
    for (key, value) in first.into_iter().chain(counts) {
        table.add_row(vec![key.to_string(), value]);
    }
    table
}
