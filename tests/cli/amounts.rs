//! Amounts smm computes (costs, totals, balances after an order, watch's charge sums) print
//! with at least two decimal places everywhere; numbers are right-aligned in tables; `smm
//! services ID…`; the catalogue cache lives in the cache directory.

use crate::common::{Home, Panel, Run, SandboxProc, order_add};

#[test]
fn a_dry_run_prints_cost_balance_and_after_alike() {
    let sb = SandboxProc::start(&[]);
    let home = sb.home("sandbox");
    let out = home
        .smm()
        .args(order_add("1448", "https://instagram.com/p/abc", &[]))
        .args(["--quantity", "10000", "--dry-run"])
        .run();
    out.expect_code(0);
    assert_eq!(
        out.stdout,
        "SERVICE   1448 Instagram Followers\n\
         TYPE      Default\n\
         LINK      https://instagram.com/p/abc\n\
         QUANTITY  10000\n\
         RATE      0.90 per 1000\n\
         COST      9.00 USD\n\
         BALANCE   100.00 USD\n\
         AFTER     91.00 USD\n"
    );
    let out = home
        .smm()
        .args(order_add("1448", "https://instagram.com/p/abc", &[]))
        .args(["--quantity", "10000", "--dry-run", "--json"])
        .run();
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["cost"], "9.00");
    assert_eq!(doc["balance_after"], "91.00");
}

#[test]
fn a_bulk_total_and_watch_sums_print_two_places() {
    let sb = SandboxProc::start(&[]);
    let home = sb.home("sandbox");
    let file = home.dir.path().join("orders.txt");
    std::fs::write(
        &file,
        "1448|https://instagram.com/p/a|5000\n1448|https://instagram.com/p/b|5000\n",
    )
    .unwrap();
    let out = home
        .smm()
        .args(["order", "add", "--dry-run", "--file"])
        .arg(&file)
        .run();
    out.expect_code(0);
    assert_eq!(
        out.stdout,
        "ORDERS      2\nTOTAL COST  9.00 USD\nBALANCE     100.00 USD\n\n\
         LINE  SERVICE  LINK                       QUANTITY  COST  ORDER  RESULT\n   \
         1  1448     https://instagram.com/p/a      5000  4.50         to place\n   \
         2  1448     https://instagram.com/p/b      5000  4.50         to place\n"
    );
    // Order 23491 is Completed with a charge of 0.90: the summary line says 0.90, not 0.9.
    let out = home.run(["watch", "23491"]);
    out.expect_code(0);
    let text = &out.stdout;
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with(" 1/1 done: 1 Completed; charge 0.90, remains 0"),
        "{text}"
    );
    assert!(
        text.ends_with("ORDER  STATUS     CHARGE  REMAINS\n23491  Completed    0.90        0\n"),
        "{text}"
    );
}

#[test]
fn services_with_ids_shows_those_in_that_order() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    let out = home.run(["services", "1452", "1448,1452"]);
    out.expect_code(0);
    assert_eq!(
        out.stdout,
        "ID    NAME                 CATEGORY   TYPE             RATE  MIN    MAX  REFILL  CANCEL\n\
         1452  Facebook Comments    Facebook   Custom Comments     8   10   1500  no      no\n\
         1448  Instagram Followers  Instagram  Default          0.90   50  10000  yes     yes\n"
    );
    let out = home.run(["services", "1448", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc.as_array().unwrap().len(), 1);
    assert_eq!(doc[0]["service"], 1448);
    // An id the catalogue lacks: the others print, the missing one is named, exit 3.
    let out = home.run(["services", "9999", "1448"]);
    out.expect_code(3);
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
    out.stderr_like(concat!(
        "smm: catalogue from the local cache, Ns old (--refresh fetches it from the panel)\n",
        "smm: service 9999 is not in the catalogue of profile 'test' (2 services; cached: --refresh fetches it from the panel): see `smm services`\n",
    ));
    // A bad id is refused before anything is read; ids and --all do not mix.
    for (args, expected) in [
        (
            vec!["services", "14x8"],
            "smm: '14x8' is not a valid id: ids are positive whole numbers (like 23501), separated by commas or spaces\n",
        ),
        (
            vec!["services", "1448", "--all"],
            "smm: the argument '[IDS]...' cannot be used with '--all' (see `smm services --help`)\n",
        ),
    ] {
        let out = home.run(&args);
        out.expect_code(2);
        assert_eq!(out.stderr, expected, "{args:?}");
    }
    assert_eq!(
        panel.actions("services").len(),
        1,
        "the rest came from the cache"
    );
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_catalogue_cache_is_in_the_cache_directory() {
    let panel = Panel::fixtures();
    let home = Home::with_panel(&panel);
    home.run(["services"]).expect_code(0);
    let cached = home.dir.path().join("xdg-cache/smm/services-test.json");
    assert!(cached.is_file(), "no {}", cached.display());
    #[cfg(unix)]
    assert_eq!(mode(&cached), 0o600);
    assert!(!home.dir.path().join("data/cache").exists());
    // SMM_CACHE_DIR moves it.
    let elsewhere = home.dir.path().join("elsewhere");
    home.smm()
        .env("SMM_CACHE_DIR", &elsewhere)
        .arg("services")
        .run()
        .expect_code(0);
    assert!(elsewhere.join("services-test.json").is_file());
    assert_eq!(
        panel.actions("services").len(),
        2,
        "a new cache dir is empty"
    );
}

#[test]
fn balance_all_puts_a_subscriptions_free_threads_in_the_balance_column() {
    let sb = SandboxProc::start(&[]);
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.money]\nurl = \"{}\"\nkey = \"sandbox\"\n\n\
         [profiles.threads]\napi = \"streamdetails\"\nurl = \"{}\"\nkey = \"sandbox\"\n",
        sb.url,
        sb.url.replace("/api/v2", "/streamdetails/api/v2/")
    ));
    let out = home.run(["balance", "--all"]);
    out.expect_code(0);
    assert_eq!(
        out.stdout,
        "PROFILE  BALANCE  CURRENCY\nmoney     100.00  USD\nthreads     2000  threads free\n"
    );
}
