//! Several panels at once (`--all`), the cheapest offers first, and the catalogue cache.

use crate::common::{Home, Panel, Reply, order_add};
use serde_json::{Value, json};

/// A panel selling Instagram followers at `rate` (and something else), in `currency`.
fn panel(rate: &'static str, currency: &'static str) -> Panel {
    Panel::start(move |req| {
        match req.field("action") {
        Some("balance") => Reply::json(json!({"balance": "10.5", "currency": currency}).to_string()),
        Some("services") => Reply::json(
            json!([
                {"service": 1, "name": "Instagram Followers HQ", "type": "Default", "category": "Instagram", "rate": rate, "min": "10", "max": "1000", "refill": true, "cancel": false},
                {"service": 2, "name": "TikTok Views", "type": "Default", "category": "TikTok", "rate": "0.01", "min": "100", "max": "10000"}
            ])
            .to_string(),
        ),
        _ => Reply::json(r#"{"error":"Incorrect request"}"#),
    }
    })
}

/// A config with profiles `cheap`, `dear` and, if given, a `down` one that refuses connections.
fn home(cheap: &Panel, dear: &Panel, down: bool) -> Home {
    let home = Home::new();
    let mut text = format!(
        "default_profile = \"cheap\"\n[profiles.cheap]\nurl = \"{}\"\nkey = \"k\"\n[profiles.dear]\nurl = \"{}\"\nkey = \"k\"\n",
        cheap.url, dear.url
    );
    if down {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        text.push_str(&format!(
            "[profiles.down]\nurl = \"http://127.0.0.1:{port}/api/v2\"\nkey = \"k\"\nattempts = 1\n"
        ));
    }
    text.push_str(
        "[profiles.pika]\napi = \"useapi\"\nurl = \"http://127.0.0.1:1/v1\"\nkey = \"k\"\n",
    );
    home.write_config(&text);
    home
}

#[test]
fn balance_all_shows_every_panel_and_the_failing_one_in_its_row() {
    let (cheap, dear) = (panel("0.50", "USD"), panel("0.90", "EUR"));
    let home = home(&cheap, &dear, true);
    let out = home.run(["balance", "--all"]);
    out.expect_code(3);
    let text = &out.stdout;
    let line = |p: &str| {
        text.lines()
            .find(|l| l.starts_with(p))
            .unwrap_or_else(|| panic!("{p}: {text}"))
            .to_string()
    };
    assert!(line("cheap").contains("10.5") && line("cheap").contains("USD"));
    assert!(line("dear").contains("EUR"));
    assert!(line("down").contains("error: could not connect"));
    out.stdout_like(concat!(
        "PROFILE  BALANCE  CURRENCY\n",
        "cheap       10.5  USD\n",
        "dear        10.5  EUR\n",
        "down     error: could not connect to the panel: Connection refused (os error 111) — profile 'down' at http://127.0.0.1:PORT/api/v2, 1 attempt; check the url (`smm config show`) and that the panel is up\n",
    ));
    let out = home.run(["balance", "--all", "--json"]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["cheap"], json!({"balance": "10.5", "currency": "USD"}));
    assert_eq!(v["dear"]["currency"], "EUR");
    assert!(v["down"]["error"].as_str().unwrap().contains("connect"));
}

#[test]
fn services_all_sorted_by_rate_puts_the_cheapest_offer_first() {
    let (cheap, dear) = (panel("0.50", "USD"), panel("0.45", "USD"));
    let home = home(&cheap, &dear, false);
    let out = home.run([
        "services",
        "--all",
        "--search",
        "instagram followers",
        "--sort",
        "rate",
    ]);
    out.expect_code(0);
    let text = &out.stdout;
    let lines: Vec<&str> = text.lines().collect();
    for col in [
        "PROFILE", "RATE", "CURRENCY", "MIN", "MAX", "REFILL", "CANCEL",
    ] {
        assert!(lines[0].contains(col), "{}", lines[0]);
    }
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[1].starts_with("dear") && lines[1].contains("0.45") && lines[1].contains("USD"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("cheap") && lines[2].contains("0.50"),
        "{text}"
    );
    let out = home.run(["services", "--all", "--search", "followers", "--json"]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["cheap"].as_array().unwrap().len(), 1);
    assert_eq!(v["dear"][0]["rate"], "0.45");
}

#[test]
fn the_catalogue_cache_hits_misses_and_refreshes() {
    let (a, b) = (panel("0.50", "USD"), panel("0.45", "USD"));
    let home = home(&a, &b, false);
    let services = || a.actions("services").len();
    home.run(["services"]).expect_code(0);
    assert_eq!(services(), 1);
    let out = home.run(["services"]);
    assert_eq!(services(), 1, "second run served from the cache");
    out.stderr_like(
        "smm: catalogue from the local cache, Ns old (--refresh fetches it from the panel)\n",
    );
    out.stdout_is(concat!(
        "ID  NAME                    CATEGORY   TYPE     RATE  MIN    MAX  REFILL  CANCEL\n",
        "1   Instagram Followers HQ  Instagram  Default  0.50   10   1000  yes     no\n",
        "2   TikTok Views            TikTok     Default  0.01  100  10000\n",
    ));
    // Dry runs use it too.
    home.run(order_add(
        "1",
        "https://i.com/l",
        &["--quantity", "100", "--dry-run"],
    ))
    .expect_code(0);
    assert_eq!(services(), 1);
    home.run(["services", "--refresh"]).expect_code(0);
    assert_eq!(services(), 2);
    // A changed URL never reuses the old catalogue.
    let text = std::fs::read_to_string(home.config())
        .unwrap()
        .replace(&a.url, &b.url);
    home.write_config(&text);
    home.run(["services"]).expect_code(0);
    assert_eq!(b.actions("services").len(), 1);
}

/// A catalogue whose entries a reader that skims the text for an id could get wrong: service 12
/// with its id written in escapes, 1448 listed twice (the first counts), another entry naming
/// 1448, and 1 inside other ids.
const TRICKY: &str = r#"[
 {"service":1,"name":"Likes","type":"Default","category":"Test","rate":"1.00","min":"1","max":"1000"},
 {"service":"\u0031\u0032","name":"Escaped","type":"Default","category":"Test","rate":"2.00","min":"1","max":"1000"},
 {"service":1448,"name":"Followers","type":"Default","category":"Instagram","rate":"0.90","min":"50","max":"10000","refill":true},
 {"service":31,"name":"Pack of 1448 followers","type":"Default","category":"Instagram","rate":"7.00","min":"1","max":"1000"},
 {"service":1448,"name":"Followers again","type":"Default","category":"Instagram","rate":"5.00","min":"50","max":"10000"}
]"#;

#[test]
fn a_direct_add_reads_the_cached_catalogue_as_the_panel_sent_it() {
    let panel = Panel::start(|req| match req.field("action") {
        Some("services") => Reply::json(TRICKY),
        Some("balance") => Reply::json(r#"{"balance":"100.00","currency":"USD"}"#),
        Some("add") => Reply::json(r#"{"order":77}"#),
        _ => Reply::json(r#"{"error":"Incorrect request"}"#),
    });
    let home = Home::with_panel(&panel);
    let services = || panel.actions("services").len();
    home.run(["services"]).expect_code(0);
    assert_eq!(services(), 1);
    // Each order priced from the cached catalogue answers as one checked against the panel's.
    for (service, cost) in [("1", "0.10"), ("12", "0.20"), ("1448", "0.09")] {
        let dry = |more: &[&'static str]| {
            let mut args = order_add(service, "https://i.com/x", &["--quantity", "100"]);
            args.extend(["--dry-run", "--json"]);
            args.extend(more);
            let out = home.run(args);
            out.expect_code(0);
            out
        };
        let cached = dry(&[]);
        let fresh = dry(&["--refresh"]);
        assert_eq!(cached.stdout, fresh.stdout, "service {service}");
        assert_eq!(cached.json()["cost"], cost, "service {service}");
    }
    assert_eq!(services(), 4, "only the --refresh runs asked");
    // A service the cached catalogue lacks: the refusal counts its services, nothing sent.
    home.run(order_add("99", "https://i.com/x", &["--quantity", "100"]))
        .expect_code(2)
        .stdout_is("")
        .stderr_like(
            "smm: service 99 is not in the catalogue of profile 'test' (5 services): see `smm \
             services` (catalogue cached Ns ago: --refresh fetches it from the panel); nothing \
             was sent\n",
        );
    // A real order: checked against the cache, sent once, its cost in the book.
    home.run(order_add("1448", "https://i.com/y", &["--quantity", "100"]))
        .expect_code(0);
    let added = panel.actions("add");
    assert_eq!(added.len(), 1);
    assert_eq!(
        (added[0].field("service"), added[0].field("quantity")),
        (Some("1448"), Some("100"))
    );
    assert_eq!(services(), 4);
    let book = home.orders();
    assert_eq!(book.len(), 1);
    assert_eq!(
        (&book[0]["service"], &book[0]["cost"], &book[0]["outcome"]),
        (&json!(1448), &json!("0.09"), &json!("placed"))
    );
}

#[test]
fn a_route_reads_the_cached_catalogue_as_the_panel_sent_it() {
    let panel = Panel::start(|req| match req.field("action") {
        Some("services") => Reply::json(TRICKY),
        Some("balance") => Reply::json(r#"{"balance":"100.00","currency":"USD"}"#),
        Some("add") => Reply::json(r#"{"order":78}"#),
        _ => Reply::json(r#"{"error":"Incorrect request"}"#),
    });
    let home = Home::with_panel(&panel);
    let config = std::fs::read_to_string(home.config()).unwrap();
    home.write_config(&format!(
        "{config}\n[routes.r]\ncandidates = [\"test:12\", \"test:1448\"]\npick = \"order\"\n"
    ));
    let services = || panel.actions("services").len();
    home.run(["services"]).expect_code(0);
    assert_eq!(services(), 1);
    let add = |more: &[&'static str]| {
        let mut args = vec![
            "order",
            "add",
            "--route",
            "r",
            "--link",
            "https://i.com/r",
            "--quantity",
            "100",
        ];
        args.extend(more);
        home.run(args)
    };
    // Each candidate priced from the cached catalogue as from the panel's: 12 written in
    // escapes (no entry holds "12" as written), the first of the two 1448s.
    let cached = add(&["--dry-run", "--json"]);
    cached.expect_code(0);
    let fresh = add(&["--dry-run", "--json", "--refresh"]);
    fresh.expect_code(0);
    assert_eq!(cached.stdout, fresh.stdout);
    let doc = cached.json();
    let offers: Vec<(&Value, &Value, &Value)> = doc["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (&c["service"], &c["name"], &c["cost"]))
        .collect();
    assert_eq!(
        offers,
        [
            (&json!(12), &json!("Escaped"), &json!("0.20")),
            (&json!(1448), &json!("Followers"), &json!("0.09")),
        ]
    );
    assert_eq!(services(), 2, "only the --refresh run asked");
    // A cache file from before the index (the header line, then the body): the body is
    // searched instead, with the same answers.
    let file = home.dir.path().join("xdg-cache/smm/services-test.json");
    let text = std::fs::read_to_string(&file).unwrap();
    let header: Value = serde_json::from_str(text.split_once('\n').unwrap().0).unwrap();
    assert!(header["index"].is_u64(), "{header}");
    let line = json!({"fetched": header["fetched"], "url": header["url"]});
    std::fs::write(&file, format!("{line}\n{TRICKY}")).unwrap();
    let unindexed = add(&["--dry-run", "--json"]);
    unindexed.expect_code(0);
    assert_eq!(unindexed.stdout, cached.stdout);
    assert_eq!(services(), 2);
    // The order goes to the first candidate, its catalogue read from the cache.
    add(&[]).expect_code(0);
    let added = panel.actions("add");
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].field("service"), Some("12"));
    assert_eq!(services(), 2);
}

#[test]
fn a_zero_ttl_turns_the_cache_off() {
    let a = panel("0.50", "USD");
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.a]\nurl = \"{}\"\nkey = \"k\"\nservices_ttl = \"0\"\n",
        a.url
    ));
    home.run(["services"]).expect_code(0);
    home.run(["services"]).expect_code(0);
    assert_eq!(a.actions("services").len(), 2);
}

#[test]
fn several_sandbox_panels_as_several_profiles() {
    let (one, two) = (
        crate::common::SandboxProc::start(&["--balance", "12.34"]),
        crate::common::SandboxProc::start(&["--services", "40"]),
    );
    let home = Home::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    home.write_config(&format!(
        "[profiles.one]\nurl = \"{}\"\nkey = \"sandbox\"\n[profiles.two]\nurl = \"{}\"\nkey = \"sandbox\"\n\
         [profiles.gone]\nurl = \"http://127.0.0.1:{port}/api/v2\"\nkey = \"sandbox\"\nattempts = 1\n",
        one.url, two.url
    ));
    let out = home.run(["balance", "--all"]);
    out.expect_code(3);
    let text = &out.stdout;
    assert!(
        text.lines()
            .any(|l| l.starts_with("one") && l.contains("12.34")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("two") && l.contains("100.00")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("gone") && l.contains("error")),
        "{text}"
    );
    let out = home.run(["services", "--all", "--type", "poll", "--sort", "rate"]);
    out.expect_code(3);
    let rates: Vec<rust_decimal::Decimal> = out
        .stdout
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("gone"))
        .map(|l| {
            l.split_whitespace()
                .find(|w| w.contains('.') && w.parse::<rust_decimal::Decimal>().is_ok())
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(rates.len() >= 4, "{}", out.stdout);
    assert!(rates.windows(2).all(|w| w[0] <= w[1]), "{rates:?}");
}
