//! Golden files: what each command prints on stdout, piped (so tables are plain aligned
//! columns), as a table, CSV and TSV, compared exactly with the files in `tests/golden/`.
//! Regenerate them with `SMM_UPDATE_GOLDEN=1 cargo test --test cli golden` (then read the diff).
//!
//! Every panel here answers fixed bodies (`tests/fixtures/v2`), and the journal has fixed
//! times, so the output never changes unless smm does.

use crate::common::{Home, JOURNAL, Panel, invalid_key_panel, order_add};

/// An output format and the golden file's extension for it.
#[derive(Clone, Copy)]
enum Format {
    /// No flag: the table, piped.
    Table,
    /// `--format csv`.
    Csv,
    /// `--format tsv`.
    Tsv,
}

const TABLE_CSV: &[Format] = &[Format::Table, Format::Csv];
const EVERY: &[Format] = &[Format::Table, Format::Csv, Format::Tsv];

impl Format {
    fn flags(self) -> &'static [&'static str] {
        match self {
            Format::Table => &[],
            Format::Csv => &["--format", "csv"],
            Format::Tsv => &["--format", "tsv"],
        }
    }

    fn ext(self) -> &'static str {
        match self {
            Format::Table => "txt",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
        }
    }
}

/// Runs `smm ARGS` in each format, checks the exit code, and pins stdout to `<name>.<ext>`.
fn pin(home: &Home, args: &[&str], code: i32, name: &str, formats: &[Format]) {
    for format in formats {
        home.run([args, format.flags()].concat())
            .expect_code(code)
            .stdout_golden(&format!("{name}.{}", format.ext()));
    }
}

#[test]
fn balance() {
    let panel = Panel::fixtures();
    pin(&Home::with_panel(&panel), &["balance"], 0, "balance", EVERY);
}

#[test]
fn services() {
    let panel = Panel::fixtures();
    pin(
        &Home::with_panel(&panel),
        &["services"],
        0,
        "services",
        EVERY,
    );
}

#[test]
fn status_with_an_error_row() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    pin(&home, &["status", "1,10,100"], 3, "status", EVERY);
}

#[test]
fn refill() {
    let panel = Panel::fixtures();
    pin(
        &Home::with_panel(&panel),
        &["refill", "1,2,3"],
        3,
        "refill",
        TABLE_CSV,
    );
}

#[test]
fn refill_status() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    pin(
        &home,
        &["refill-status", "1,2,3"],
        3,
        "refill_status",
        TABLE_CSV,
    );
}

#[test]
fn cancel() {
    let panel = Panel::fixtures();
    pin(
        &Home::with_panel(&panel),
        &["cancel", "9,2"],
        3,
        "cancel",
        TABLE_CSV,
    );
}

#[test]
fn orders_from_the_journal() {
    let home = Home::new();
    home.write_journal(JOURNAL);
    pin(&home, &["orders"], 0, "orders", EVERY);
}

#[test]
fn balance_all_with_a_failing_profile() {
    let (good, bad) = (Panel::fixtures(), invalid_key_panel());
    let home = Home::with_profiles(&[("alpha", &good), ("beta", &bad)]);
    pin(&home, &["balance", "--all"], 3, "balance_all", EVERY);
}

#[test]
fn services_all_with_a_failing_profile() {
    let (good, bad) = (Panel::fixtures(), invalid_key_panel());
    let home = Home::with_profiles(&[("alpha", &good), ("beta", &bad)]);
    pin(&home, &["services", "--all"], 3, "services_all", EVERY);
}

#[test]
fn order_add_dry_run() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let args = order_add(
        "1448",
        "https://instagram.com/p/abc",
        &[
            "--quantity",
            "500",
            "--runs",
            "3",
            "--interval",
            "10",
            "--dry-run",
        ],
    );
    pin(&home, &args, 0, "order_add_dry_run", TABLE_CSV);
    assert!(panel.actions("add").is_empty());
}

#[test]
fn streamdetails_status_with_a_missing_order() {
    let panel = crate::streamdetails::stub();
    let home = crate::streamdetails::home_for(&panel.url);
    pin(
        &home,
        &["status", "7,404,8"],
        3,
        "streamdetails_status",
        TABLE_CSV,
    );
}
