//! Panels that answer differently: the sandbox's flavours (`--flavor standard|smartpanel|ownsmm`)
//! driven end to end — balance, services, add, status single and multi, refill, refill status,
//! cancel, watch — and the family shapes the sandbox does not serve, from fixture files.

use crate::common::{Home, Panel, Reply, SandboxProc, fixture, order_add};

/// What each flavour prints where the panels differ.
struct Expect {
    /// The `--flavor` value.
    flavor: &'static str,
    /// `smm balance --json`, byte for byte.
    balance_json: &'static str,
    /// The type of service 1452 (Custom Comments) as listed.
    comments_type: &'static str,
    /// Whether the catalogue holds the placeholder service 9999.
    placeholder: bool,
    /// Order statuses as written: pending, completed, partial, canceled.
    statuses: [&'static str; 4],
    /// `remains` of completed order 23491 (1000 ordered).
    remains_completed: &'static str,
    /// The error for an unknown order id.
    not_found: &'static str,
    /// A new refill's status as written.
    refill_pending: &'static str,
    /// The error for an unknown refill id.
    refill_not_found: &'static str,
}

const STANDARD: Expect = Expect {
    flavor: "standard",
    balance_json: r#"{"balance":"100.00","currency":"USD"}"#,
    comments_type: "Custom Comments",
    placeholder: false,
    statuses: ["Pending", "Completed", "Partial", "Canceled"],
    remains_completed: "0",
    not_found: "Incorrect order ID",
    refill_pending: "Pending",
    refill_not_found: "Refill not found",
};

const SMARTPANEL: Expect = Expect {
    flavor: "smartpanel",
    balance_json: r#"{"status":"success","balance":"100.00","currency":"USD"}"#,
    comments_type: "custom_comments",
    placeholder: true,
    statuses: ["Pending", "Complete", "Partial", "Cancelled"],
    remains_completed: "0",
    not_found: "Incorrect order ID",
    refill_pending: "tasks.status.pending",
    refill_not_found: "Refill not found",
};

const OWNSMM: Expect = Expect {
    flavor: "ownsmm",
    balance_json: r#"{"balance":100.00,"currency":"USD"}"#,
    comments_type: "Custom Comments",
    placeholder: true,
    statuses: ["pending", "completed", "partial", "canceled"],
    remains_completed: "-10",
    not_found: "Order not found.",
    refill_pending: "pending",
    refill_not_found: "Refill not found.",
};

/// Runs `smm ARGS` in `home`: exit code, stdout, stderr.
fn smm(home: &Home, args: &[&str]) -> (i32, String, String) {
    let out = home.run(args);
    (out.code.unwrap_or(-1), out.stdout, out.stderr)
}

/// The cells of the table row whose first cell is `id` (cells split on whitespace).
fn row(table: &str, id: &str) -> Vec<String> {
    table
        .lines()
        .map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .find(|cells| cells.first().map(String::as_str) == Some(id))
        .unwrap_or_else(|| panic!("no row {id} in:\n{table}"))
}

/// The whole table line whose first cell is `id`.
fn line<'a>(table: &'a str, id: &str) -> &'a str {
    table
        .lines()
        .find(|l| l.split_whitespace().next() == Some(id))
        .unwrap_or_else(|| panic!("no row {id} in:\n{table}"))
}

/// Every action but watch, on a sandbox whose clock barely moves (`--speed 1`): history orders
/// stay where they are (23491 Completed, 23493 Partial, 23495 Canceled, 23499-23500 Pending).
fn drive(e: &Expect) {
    let sb = SandboxProc::start(&["--flavor", e.flavor, "--speed", "1", "--services", "2"]);
    let home = sb.home("sandbox");
    let ctx = e.flavor;
    let [pending, completed, partial, canceled] = e.statuses;

    let (code, out, err) = smm(&home, &["balance"]);
    assert_eq!(code, 0, "{ctx}: {err}");
    assert_eq!(row(&out, "sb"), ["sb", "100.00", "USD"], "{ctx}");
    let (code, out, _) = smm(&home, &["balance", "--json"]);
    assert_eq!((code, out.trim()), (0, e.balance_json), "{ctx}");

    let (code, out, err) = smm(&home, &["services"]);
    assert_eq!(code, 0, "{ctx}: {err}");
    assert!(line(&out, "1452").contains(e.comments_type), "{ctx}: {out}");
    assert_eq!(row(&out, "1448")[5..8], ["0.90", "50", "10000"], "{ctx}");
    if e.placeholder {
        // Shown as the panel lists it ...
        assert_eq!(
            row(&out, "9999")[5..8],
            ["1000000000000", "500000", "100"],
            "{ctx}: {out}"
        );
        // ... and an order for it refused before sending (the next order is still 23501).
        let (code, _, err) = smm(
            &home,
            &order_add("9999", "https://x.com/p", &["--quantity", "200"]),
        );
        assert_eq!(code, 2, "{ctx}: {err}");
        assert!(
            err.contains("service 9999 cannot be ordered")
                && err.contains("minimum (500000) above its maximum (100)")
                && err.contains("a rate of 1000000000000, a placeholder")
                && err.contains("nothing was sent"),
            "{ctx}: {err}"
        );
    }
    let (code, listed, _) = smm(&home, &["services", "--type", "Custom Comments"]);
    let ids: Vec<&str> = listed
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        (code, ids),
        (0, vec!["1452"]),
        "{ctx}: the type filter ignores case, spaces and underscores"
    );
    // The type rule holds whatever the type's spelling.
    let (code, _, err) = smm(&home, &order_add("1452", "https://f.com/1", &[]));
    assert_eq!(code, 2, "{ctx}: {err}");
    assert!(
        err.contains(&format!(
            "service 1452 ({}) needs --comments",
            e.comments_type
        )),
        "{ctx}: {err}"
    );
    let (code, out, err) = smm(
        &home,
        &order_add("1448", "https://i.com/p", &["--quantity", "1000"]),
    );
    assert_eq!(code, 0, "{ctx}: {err}");
    assert_eq!(row(&out, "23501")[..3], ["23501", "1448", "1000"], "{ctx}");

    // Status, single form: the panel's spelling, exact numbers.
    let (code, out, err) = smm(&home, &["status", "23501"]);
    assert_eq!(code, 0, "{ctx}: {err}");
    assert_eq!(
        row(&out, "23501"),
        ["23501", pending, "0.90", "0", "1000", "USD"],
        "{ctx}"
    );
    let (code, _, err) = smm(&home, &["status", "1"]);
    assert_eq!(code, 1, "{ctx}");
    assert!(
        err.contains(&format!("panel 'sb' says: {}", e.not_found)),
        "{ctx}: {err}"
    );
    // Status, multi form: an unknown id is that row's error (never a status "104").
    let (code, out, err) = smm(&home, &["status", "23491,23493,23495,1"]);
    assert_eq!(code, 3, "{ctx}: {err}");
    let done = row(&out, "23491");
    assert_eq!(
        (done[1].as_str(), done[4].as_str()),
        (completed, e.remains_completed),
        "{ctx}"
    );
    assert_eq!(row(&out, "23493")[1..3], [partial, "1.62"], "{ctx}");
    assert_eq!(row(&out, "23495")[1..3], [canceled, "0.00"], "{ctx}");
    assert!(
        line(&out, "1").contains(&format!("error: {}", e.not_found)),
        "{ctx}: {out}"
    );
    assert!(err.contains("1 of 4 items carry an error"), "{ctx}: {err}");
    // --json keeps what the panel wrote, codes included.
    let (_, json, _) = smm(&home, &["status", "23491,1", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["23491"]["status"], completed, "{ctx}");
    assert_eq!(json["1"]["error"], e.not_found, "{ctx}");
    if e.flavor == "ownsmm" {
        assert_eq!(json["1"]["status"], "104");
    }

    // Refill and its status, single and multi.
    let (code, out, err) = smm(&home, &["refill", "23491"]);
    assert_eq!(code, 0, "{ctx}: {err}");
    assert_eq!(row(&out, "23491"), ["23491", "1"], "{ctx}");
    let (code, out, err) = smm(&home, &["refill-status", "1"]);
    assert_eq!(code, 0, "{ctx}: {err}");
    assert_eq!(row(&out, "1"), ["1", e.refill_pending], "{ctx}");
    let (code, out, _) = smm(&home, &["refill-status", "1,7"]);
    assert_eq!(code, 3, "{ctx}");
    assert_eq!(row(&out, "1"), ["1", e.refill_pending], "{ctx}");
    assert!(
        line(&out, "7").contains(&format!("error: {}", e.refill_not_found)),
        "{ctx}: {out}"
    );

    // Cancel: an accepted cancel, in whatever form, is `requested` (exit 0); a refusal fails.
    let (code, out, err) = smm(&home, &["cancel", "23499"]);
    assert_eq!(code, 0, "{ctx}: {err}");
    assert_eq!(row(&out, "23499"), ["23499", "requested"], "{ctx}");
    let (code, out, _) = smm(&home, &["cancel", "23500,23491"]);
    assert_eq!(code, 3, "{ctx}");
    assert_eq!(row(&out, "23500"), ["23500", "requested"], "{ctx}");
    assert!(
        line(&out, "23491").contains("error: Order is already completed"),
        "{ctx}: {out}"
    );
    let (_, out, _) = smm(&home, &["status", "23499"]);
    assert_eq!(
        row(&out, "23499")[1],
        canceled,
        "{ctx}: the cancel took effect"
    );
}

/// `watch` on a fast clock: ends when the order reaches the flavour's word for Completed, exit 0.
fn watch(e: &Expect) {
    let sb = SandboxProc::start(&["--flavor", e.flavor, "--speed", "1500"]);
    let home = sb.home("sandbox");
    let ctx = e.flavor;
    let completed = e.statuses[1];
    let (code, _, err) = smm(
        &home,
        &order_add("1448", "https://i.com/w", &["--quantity", "100"]),
    );
    assert_eq!(code, 0, "{ctx}: {err}");
    let (code, out, err) = smm(&home, &["watch", "23501", "--every", "1s"]);
    assert_eq!(code, 0, "{ctx}: {err}\n{out}");
    assert!(
        out.contains(&format!("1/1 done: 1 {completed}")),
        "{ctx}: {out}"
    );
    // The final table: the panel's word; an over-delivered order's remains as the panel said.
    let last = row(&out, "23501");
    let remains = if e.flavor == "ownsmm" { "-1" } else { "0" };
    assert_eq!(
        (last[1].as_str(), last.last().map(String::as_str)),
        (completed, Some(remains)),
        "{ctx}: {out}"
    );
}

#[test]
fn standard_end_to_end() {
    drive(&STANDARD);
}

#[test]
fn smartpanel_end_to_end() {
    drive(&SMARTPANEL);
}

#[test]
fn ownsmm_end_to_end() {
    drive(&OWNSMM);
}

#[test]
fn watch_ends_on_each_flavours_completed() {
    for e in [&STANDARD, &SMARTPANEL, &OWNSMM] {
        watch(e);
    }
}

#[test]
fn an_empty_data_catalogue_is_an_empty_list_with_a_note() {
    let panel = Panel::start(|req| match req.field("action") {
        Some("services") => Reply::json(fixture("services.empty-data.json")),
        _ => Reply::json(r#"{"error":"Incorrect request"}"#),
    });
    let home = Home::with_panel(&panel);
    let (code, out, err) = smm(&home, &["services"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "the header only: {out}");
    assert!(
        err.contains("the panel of profile 'test' lists no services: its catalogue is empty"),
        "{err}"
    );
    let (code, out, _) = smm(&home, &["services", "--json", "--refresh"]);
    assert_eq!(
        (code, out.trim()),
        (0, r#"{"status": "success", "data": "Empty Data"}"#)
    );
    let (code, _, err) = smm(&home, &order_add("1", "l", &["--quantity", "10"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("not in the catalogue of profile 'test' (0 services)"),
        "{err}"
    );
    assert!(panel.actions("add").is_empty());
}

#[test]
fn the_family_shapes_the_sandbox_does_not_serve() {
    let panel = Panel::start(|req| {
        let name = match (req.field("action"), req.field("order")) {
            (Some("status"), Some("9100")) => "status.one.dripfeed.json",
            (Some("status"), Some(_)) => "error.numeric-status.json",
            (Some("status"), None) => "status.many.spellings.json",
            (Some("cancel"), _) => "cancel.many.flags.json",
            (Some("refill_status"), _) => "refill_status.one.prefixed.json",
            _ => return Reply::json(r#"{"error":"Incorrect request"}"#),
        };
        Reply::json(fixture(name))
    });
    let home = Home::with_panel(&panel);
    // A drip-feed parent: its status, no number made up.
    let (code, out, err) = smm(&home, &["status", "9100"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(row(&out, "9100"), ["9100", "In", "progress"]);
    // A numeric code in `status` beside an error is an error, not a status.
    let (code, out, err) = smm(&home, &["status", "104"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("panel 'test' says: Order not found."), "{err}");
    // Every spelling shown as written; over-delivery's negative remains kept.
    let (code, out, err) = smm(&home, &["status", "7001,7002,7003,7004"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(row(&out, "7001")[1], "inprogress");
    assert_eq!(row(&out, "7002")[1], "Cancelled");
    assert_eq!(row(&out, "7003")[1..3], ["Refunded", "0.00"]);
    assert_eq!(
        row(&out, "7004"),
        ["7004", "completed", "0.50", "88", "-12", "USD"]
    );
    let (code, out, _) = smm(&home, &["refill-status", "5"]);
    assert_eq!(code, 0);
    assert_eq!(row(&out, "5"), ["5", "tasks.status.rejected"]);
    // `true` and {"status":"success"} are accepted; an {"error"} item fails: exit 3.
    let (code, out, err) = smm(&home, &["cancel", "9,10,11"]);
    assert_eq!(code, 3, "{err}");
    assert_eq!(row(&out, "9"), ["9", "requested"]);
    assert_eq!(row(&out, "10"), ["10", "requested"]);
    assert!(line(&out, "11").contains("error: Cancel is not available for this order"));
}
