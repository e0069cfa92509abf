//! `smm mcp`: JSON-RPC spoken to the built binary over stdio, against the sandbox and test
//! panels: initialize, the eight tools and their schemas, each tool's answer, `[mcp]`
//! allow_orders off and on, each cap refusing unsent, the duplicate guard, bad arguments, the
//! timeout, no key in any answer, stdout carrying only JSON-RPC, and the `sync` tool's refills
//! (due ones sent and reported, then followed; held back while orders are off, counted and
//! noted in the answer, which conforms to the tool's output schema).

use crate::common::{
    CATALOGUE, Home, Panel, Reply, Running, SandboxProc, Stream, fixture_reply, order_add,
};
use serde_json::{Value, json};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The tools, in the order `tools/list` gives them.
const TOOLS: [&str; 8] = [
    "balance",
    "search_services",
    "quote_order",
    "place_order",
    "order_status",
    "list_orders",
    "request_refill",
    "sync",
];

/// `smm mcp` running in a home (started with `Home::spawn`, so in the home's environment),
/// initialized; its stdout is read line by line as JSON-RPC.
struct Mcp {
    running: Running,
    /// How many of stdout's lines have been read.
    read: usize,
    next: u64,
}

impl Mcp {
    /// Starts `smm [args] mcp` isolated in `home` and initializes the session.
    fn start(home: &Home, args: &[&str]) -> Mcp {
        let mut mcp = Mcp::spawn(home, args);
        let init = mcp.request(
            "initialize",
            json!({
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "smm-tests", "version": "1"}
            }),
        );
        assert_eq!(init["result"]["serverInfo"]["name"], "smm", "{init}");
        assert_eq!(init["result"]["protocolVersion"], "2025-06-18", "{init}");
        assert!(
            init["result"]["capabilities"]["tools"].is_object(),
            "{init}"
        );
        mcp.notify("notifications/initialized");
        mcp
    }

    /// Spawns `smm [args] mcp` in `home`, not yet initialized.
    fn spawn(home: &Home, args: &[&str]) -> Mcp {
        let running = home.spawn(args.iter().copied().chain(["mcp"]));
        Mcp {
            running,
            read: 0,
            next: 1,
        }
    }

    /// Writes one JSON-RPC message.
    fn send(&mut self, message: &Value) {
        self.running.type_in(&format!("{message}\n"));
    }

    /// The next whole line of stdout, waiting for it (30 s at most).
    fn next_line(&mut self, waiting_for: &str) -> String {
        let started = std::time::Instant::now();
        loop {
            let printed = self.running.printed(Stream::Stdout);
            if let Some(line) = printed.split_inclusive('\n').nth(self.read)
                && line.ends_with('\n')
            {
                self.read += 1;
                return line.trim_end_matches('\n').to_string();
            }
            if started.elapsed() > Duration::from_secs(30) {
                panic!(
                    "no answer to {waiting_for} within 30 s\n--- stdout\n{printed}--- stderr\n{}---",
                    self.running.printed(Stream::Stderr)
                );
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Sends a notification.
    fn notify(&mut self, method: &str) {
        self.send(&json!({"jsonrpc": "2.0", "method": method}));
    }

    /// Sends a request and waits (30 s at most) for the response with its id.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let line = self.next_line(method);
            let message: Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("stdout carried a line that is not JSON ({e}): {line}"));
            if message["id"] == json!(id) {
                return message;
            }
        }
    }

    /// Calls a tool; returns the `result` of the answer (a tool error is a result too).
    fn call(&mut self, tool: &str, arguments: Value) -> Value {
        let answer = self.request("tools/call", json!({"name": tool, "arguments": arguments}));
        assert!(
            answer["error"].is_null(),
            "{tool}: a protocol error: {answer}"
        );
        answer["result"].clone()
    }

    /// Calls a tool that must succeed: its `structuredContent` (checked against its text).
    fn ok(&mut self, tool: &str, arguments: Value) -> Value {
        let result = self.call(tool, arguments);
        assert_eq!(result["isError"], false, "{tool}: {result}");
        let structured = result["structuredContent"].clone();
        assert!(structured.is_object(), "{tool}: {result}");
        let text: Value = serde_json::from_str(result["content"][0]["text"].as_str().unwrap())
            .expect("the text is the JSON");
        assert_eq!(text, structured, "{tool}");
        structured
    }

    /// Calls a tool that must fail: its one line (`smm: …`).
    fn refused(&mut self, tool: &str, arguments: Value) -> String {
        let result = self.call(tool, arguments);
        assert_eq!(result["isError"], true, "{tool}: {result}");
        assert!(result["structuredContent"].is_null(), "{result}");
        let line = result["content"][0]["text"].as_str().unwrap().to_string();
        assert!(line.starts_with("smm: "), "{line}");
        assert!(!line.contains('\n'), "one line: {line}");
        assert!(
            !line.contains("panicked") && !line.contains("backtrace"),
            "{line}"
        );
        line
    }

    /// Closes stdin and waits for the exit (0); checks that every stdout line was a JSON-RPC
    /// message and that `secret` appears in neither stdout nor stderr. Returns stderr.
    fn finish(self, secret: &str) -> String {
        let ran = self.running.finish();
        ran.expect_code(0);
        for line in ran.stdout.lines() {
            let message: Value = serde_json::from_str(line).unwrap_or_else(|e| {
                ran.fail(&format!("stdout carried a non-JSON line ({e}): {line}"))
            });
            if message["jsonrpc"] != "2.0" {
                ran.fail(&format!("not JSON-RPC: {line}"));
            }
        }
        if ran.stdout.contains(secret) || ran.stderr.contains(secret) {
            ran.fail(&format!("the key {secret:?} was printed"));
        }
        ran.stderr
    }
}

/// A home with profile `sb` on `sandbox` (key `key`) and `mcp` as the `[mcp]` table's body.
fn sandbox_home(sandbox: &SandboxProc, key: &str, mcp: &str) -> Home {
    let home = sandbox.home(key);
    let text = std::fs::read_to_string(home.config()).unwrap();
    home.write_config(&format!("{text}\n[mcp]\n{mcp}"));
    home
}

/// A home with profile `test` on `panel` (key `test-key`) and `mcp` as the `[mcp]` body.
fn panel_home(panel: &Panel, mcp: &str) -> Home {
    let home = Home::with_panel(panel);
    let text = std::fs::read_to_string(home.config()).unwrap();
    home.write_config(&format!("{text}\n[mcp]\n{mcp}"));
    home
}

/// A test panel with the order tests' catalogue that answers the rest from the fixtures.
fn catalogue_panel() -> Panel {
    Panel::with_catalogue(fixture_reply)
}

/// The `outputSchema` of tool `name` in a `tools/list` answer's tools.
fn output_schema(tools: &[Value], name: &str) -> Value {
    tools.iter().find(|t| t["name"] == name).unwrap()["outputSchema"].clone()
}

/// Checks `value` against `schema` with the keywords the tools' output schemas use (`type`,
/// `properties`, `required`, `items`, `minimum`) — and, stricter than JSON Schema, that an
/// object with `properties` has no key they leave out, so the schema documents every field.
/// `at` names where in the answer, for the message.
fn conforms(value: &Value, schema: &Value, at: &str) {
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::Array(types) => types.iter().map(|t| t.as_str().unwrap()).collect(),
            one => vec![one.as_str().unwrap()],
        };
        let is = |kind: &str| match kind {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_u64() || value.is_i64(),
            "null" => value.is_null(),
            other => panic!("{at}: type {other} is not checked here"),
        };
        assert!(
            types.iter().any(|t| is(t)),
            "{at}: {value} is not {types:?}"
        );
    }
    if let Some(min) = schema.get("minimum").and_then(Value::as_i64) {
        assert!(value.as_i64().unwrap() >= min, "{at}: {value} < {min}");
    }
    if let Some(object) = value.as_object() {
        for name in schema["required"].as_array().into_iter().flatten() {
            let name = name.as_str().unwrap();
            assert!(
                object.contains_key(name),
                "{at}: {name} is missing: {value}"
            );
        }
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for (name, field) in object {
                let property = properties
                    .get(name)
                    .unwrap_or_else(|| panic!("{at}: {name} is not in the schema"));
                conforms(field, property, &format!("{at}.{name}"));
            }
        }
    }
    if let (Some(items), Some(schema)) = (value.as_array(), schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            conforms(item, schema, &format!("{at}[{i}]"));
        }
    }
}

impl Mcp {
    /// Calls the sync tool (`arguments`) and checks its answer against the tool's
    /// `outputSchema`; returns the answer.
    fn sync(&mut self, arguments: Value) -> Value {
        let list = self.request("tools/list", json!({}));
        let schema = output_schema(list["result"]["tools"].as_array().unwrap(), "sync");
        let answer = self.ok("sync", arguments);
        conforms(&answer, &schema, "sync");
        answer
    }
}

#[test]
fn initialize_then_the_eight_tools_with_their_schemas() {
    let sandbox = SandboxProc::start(&[]);
    let home = sandbox.home("sandbox");
    let mut mcp = Mcp::start(&home, &[]);
    let list = mcp.request("tools/list", json!({}));
    let tools = list["result"]["tools"].as_array().unwrap();
    let names: Vec<&str> = tools.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, TOOLS);
    for tool in tools {
        let description = tool["description"].as_str().unwrap();
        assert!(
            !description.is_empty() && !description.contains('\n'),
            "{tool}"
        );
        let schema = &tool["inputSchema"];
        assert_eq!(schema["type"], "object", "{tool}");
        assert_eq!(schema["additionalProperties"], false, "{tool}");
        assert!(schema["properties"].is_object(), "{tool}");
    }
    let schema =
        |name: &str| tools.iter().find(|t| t["name"] == name).unwrap()["inputSchema"].clone();
    let order = schema("place_order");
    assert_eq!(order, schema("quote_order"));
    // A profile's service, or a route: neither is required on its own.
    assert_eq!(order["required"], Value::Null, "{order}");
    for field in [
        "profile", "route", "service", "link", "quantity", "runs", "interval", "comments",
        "username", "expiry",
    ] {
        assert!(order["properties"][field].is_object(), "{field}: {order}");
    }
    assert_eq!(
        order["properties"]["service"]["type"],
        json!(["integer", "null"])
    );
    assert_eq!(schema("order_status")["required"], json!(["ids"]));
    assert_eq!(schema("order_status")["properties"]["ids"]["type"], "array");
    assert_eq!(schema("request_refill"), schema("order_status"));
    let search = schema("search_services");
    for field in ["query", "profile", "type", "sort", "limit"] {
        assert!(search["properties"][field].is_object(), "{field}: {search}");
    }
    let list = schema("list_orders");
    for field in ["since", "status", "profile", "limit"] {
        assert!(list["properties"][field].is_object(), "{field}: {list}");
    }
    assert!(schema("balance")["properties"]["profile"].is_object());
    assert!(schema("sync")["properties"]["profile"].is_object());
    // Only sync declares its answer's schema: smm sync's document, with refills_held and notes.
    for tool in tools.iter().filter(|t| t["name"] != "sync") {
        assert!(tool["outputSchema"].is_null(), "{tool}");
    }
    let output = output_schema(tools, "sync");
    assert_eq!(output["type"], "object", "{output}");
    assert_eq!(
        output["required"],
        json!(["profiles", "alerts", "resolved", "notes"])
    );
    assert_eq!(output["properties"]["notes"]["items"]["type"], "string");
    let profile = &output["properties"]["profiles"]["items"];
    assert_eq!(
        profile["properties"]["refills_held"]["type"], "integer",
        "{profile}"
    );
    assert!(
        !profile["required"]
            .as_array()
            .unwrap()
            .contains(&json!("refills_held")),
        "only while refills are held back: {profile}"
    );
    let stderr = mcp.finish("sandbox-key-never-used");
    assert!(stderr.contains("serving MCP on stdio"), "{stderr}");
}

#[test]
fn every_tool_answers_against_the_sandbox_with_orders_allowed() {
    let key = "S3cret-sandbox-KEY";
    let sandbox = SandboxProc::start(&["--key", key]);
    let home = sandbox_home(&sandbox, key, "allow_orders = true\n");
    let mut mcp = Mcp::start(&home, &[]);

    let balance = mcp.ok("balance", json!({}));
    assert_eq!(
        balance,
        json!({"sb": {"balance": "100.00", "currency": "USD"}})
    );
    assert_eq!(mcp.ok("balance", json!({"profile": "sb"})), balance);

    let found = mcp.ok(
        "search_services",
        json!({"query": "instagram followers", "limit": 2}),
    );
    let services = found["services"].as_array().unwrap();
    assert_eq!(services.len(), 2, "{found}");
    assert_eq!(found["shown"], 2);
    assert!(found["matched"].as_u64().unwrap() >= 2, "{found}");
    let rate = |s: &Value| s["rate"].as_str().unwrap().parse::<f64>().unwrap();
    assert!(
        rate(&services[0]) <= rate(&services[1]),
        "cheapest first: {found}"
    );
    for s in services {
        assert_eq!(s["profile"], "sb");
        assert_eq!(s["currency"], "USD");
        assert!(
            s["name"].as_str().unwrap().contains("Instagram Followers"),
            "{s}"
        );
    }
    let by_name = mcp.ok(
        "search_services",
        json!({"query": "instagram", "sort": "name", "type": "default"}),
    );
    let names: Vec<&str> = by_name["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);

    let order = json!({"service": 1448, "link": "https://instagram.com/p/mcp", "quantity": 1000});
    let quote = mcp.ok("quote_order", order.clone());
    assert_eq!(quote["profile"], "sb");
    assert_eq!(quote["sent"], false);
    assert_eq!(quote["can_place"], true, "{quote}");
    assert_eq!(quote["quote"]["cost"], "0.90");
    assert_eq!(quote["quote"]["balance"], "100.00");
    assert_eq!(quote["quote"]["balance_after"], "99.10");
    assert!(home.orders().is_empty(), "a quote writes nothing down");

    let placed = mcp.ok("place_order", order.clone());
    assert_eq!(placed["order"], "23501", "{placed}");
    assert_eq!(placed["cost"], "0.90");
    assert_eq!(placed["answer"], json!({"order": 23501}));
    let book = home.orders();
    assert_eq!(book.len(), 1);
    assert_eq!(book[0]["outcome"], "placed");
    assert_eq!(book[0]["panel_order"], "23501");
    assert_eq!(book[0]["cost"], "0.9", "the book keeps the exact decimal");
    assert_eq!(book[0]["link"], "https://instagram.com/p/mcp");

    let status = mcp.ok("order_status", json!({"ids": [23501, 23491]}));
    assert_eq!(status["profile"], "sb");
    assert!(
        status["statuses"]["23501"]["status"].is_string(),
        "{status}"
    );
    assert!(
        status["statuses"]["23491"]["status"].is_string(),
        "{status}"
    );

    let listed = mcp.ok("list_orders", json!({"since": "1h"}));
    assert_eq!(listed["shown"], 1);
    assert_eq!(listed["orders"][0]["order"], "23501");
    assert_eq!(listed["orders"][0]["profile"], "sb");
    assert_eq!(
        mcp.ok("list_orders", json!({"status": "Completed"}))["shown"],
        0
    );

    let refill = mcp.ok("request_refill", json!({"ids": [23491]}));
    assert_eq!(refill["profile"], "sb");
    assert!(refill["refills"].is_object(), "{refill}");

    let sync = mcp.sync(json!({}));
    assert_eq!(sync["profiles"][0]["profile"], "sb", "{sync}");
    assert_eq!(sync["profiles"][0]["orders_asked"], 1, "{sync}");
    assert!(sync["alerts"].is_array());
    // Without auto_refill nothing is held back (nor would be sent).
    assert_eq!(sync["profiles"][0]["refills_held"], Value::Null, "{sync}");
    assert_eq!(sync["notes"], json!([]), "{sync}");
    let after = home.orders();
    assert!(
        after[0]["status"].is_string(),
        "sync recorded the status: {after:?}"
    );

    mcp.finish(key);
}

#[test]
fn orders_are_off_by_default_and_nothing_reaches_the_panel() {
    let panel = catalogue_panel();
    let home = Home::with_panel(&panel);
    let mut mcp = Mcp::start(&home, &[]);
    let order = json!({"service": 1448, "link": "https://instagram.com/p/off", "quantity": 1000});
    let line = mcp.refused("place_order", order.clone());
    assert!(line.contains("allow_orders = true"), "{line}");
    assert!(
        line.contains("[mcp]") && line.contains("nothing was sent"),
        "{line}"
    );
    let line = mcp.refused("request_refill", json!({"ids": [23491]}));
    assert!(line.contains("allow_orders = true"), "{line}");
    assert!(
        panel.requests().is_empty(),
        "no request at all before the refusal"
    );
    let quote = mcp.ok("quote_order", order);
    assert_eq!(quote["can_place"], false);
    assert!(
        quote["problems"][0]
            .as_str()
            .unwrap()
            .contains("allow_orders"),
        "{quote}"
    );
    assert!(panel.actions("add").is_empty());
    assert!(panel.actions("refill").is_empty());
    assert!(home.orders().is_empty());
    mcp.finish("test-key");
}

#[test]
fn max_order_cost_refuses_an_order_costing_more_unsent() {
    let panel = catalogue_panel();
    let home = panel_home(&panel, "allow_orders = true\nmax_order_cost = \"0.50\"\n");
    let mut mcp = Mcp::start(&home, &[]);
    let dear = json!({"service": 1448, "link": "https://instagram.com/p/dear", "quantity": 1000});
    let line = mcp.refused("place_order", dear.clone());
    assert!(
        line.contains("costs 0.90, more than max_order_cost 0.50"),
        "{line}"
    );
    assert!(line.contains("nothing was sent"), "{line}");
    let quote = mcp.ok("quote_order", dear);
    assert_eq!(quote["can_place"], false);
    assert!(
        quote["problems"][0]
            .as_str()
            .unwrap()
            .contains("max_order_cost"),
        "{quote}"
    );
    assert!(panel.actions("add").is_empty(), "refused unsent");
    assert!(home.orders().is_empty(), "nothing written down");
    // Cheaper is placed.
    let cheap = json!({"service": 1448, "link": "https://instagram.com/p/cheap", "quantity": 500});
    assert_eq!(mcp.ok("place_order", cheap)["cost"], "0.45");
    assert_eq!(panel.actions("add").len(), 1);
    mcp.finish("test-key");
}

#[test]
fn max_daily_spend_counts_every_process_from_the_book_and_refuses_unsent() {
    let panel = catalogue_panel();
    let home = panel_home(&panel, "allow_orders = true\nmax_daily_spend = \"1.00\"\n");
    // An order placed by hand, by another smm process, counts.
    home.run(order_add(
        "1448",
        "https://i.com/hand",
        &["--quantity", "600"],
    ))
    .expect_code(0);
    let mut mcp = Mcp::start(&home, &[]);
    // 0.54 + 0.45 = 0.99: within the cap.
    let placed = mcp.ok(
        "place_order",
        json!({"service": 1448, "link": "https://i.com/ai", "quantity": 500}),
    );
    assert_eq!(placed["cost"], "0.45");
    // 0.99 + 0.18 = 1.17: past it.
    let line = mcp.refused(
        "place_order",
        json!({"service": 1448, "link": "https://i.com/ai2", "quantity": 200}),
    );
    assert!(line.contains("(0.18)"), "{line}");
    assert!(
        line.contains("from 0.99 to 1.17, past max_daily_spend 1.00"),
        "{line}"
    );
    assert!(line.contains("nothing was sent"), "{line}");
    assert_eq!(
        panel.actions("add").len(),
        2,
        "the refused one never reached the panel"
    );
    let book = home.orders();
    assert_eq!(book.len(), 2, "{book:?}");
    assert!(book.iter().all(|o| o["link"] != "https://i.com/ai2"));
    mcp.finish("test-key");
}

#[test]
fn the_duplicate_guard_refuses_a_repeat() {
    let panel = catalogue_panel();
    let home = panel_home(&panel, "allow_orders = true\n");
    let mut mcp = Mcp::start(&home, &[]);
    let order = json!({"service": 1448, "link": "https://instagram.com/p/twice", "quantity": 1000});
    let placed = mcp.ok("place_order", order.clone());
    let line = mcp.refused("place_order", order);
    assert!(line.starts_with("smm: refusing a duplicate: "), "{line}");
    assert!(
        line.contains(&format!("order {}", placed["order"].as_str().unwrap())),
        "{line}"
    );
    // An assistant cannot pass --force: it is told to ask the operator.
    assert!(
        line.ends_with(
            "see list_orders); a repeat within the profile's duplicate window is refused: \
             ask the operator if it is really wanted; nothing was sent"
        ),
        "{line}"
    );
    assert!(!line.contains("--force"), "{line}");
    assert_eq!(panel.actions("add").len(), 1, "the repeat was not sent");
    assert_eq!(home.orders().len(), 1);
    mcp.finish("test-key");
}

#[test]
fn bad_arguments_are_tool_errors_and_the_server_keeps_serving() {
    let panel = catalogue_panel();
    let home = panel_home(&panel, "allow_orders = true\n");
    let mut mcp = Mcp::start(&home, &[]);
    let line = mcp.refused(
        "place_order",
        json!({"service": "abc", "link": "https://i.com/x"}),
    );
    assert!(
        line.contains("bad arguments for place_order") && line.contains("invalid type"),
        "{line}"
    );
    let line = mcp.refused(
        "quote_order",
        json!({"service": 1448, "link": "https://i.com/x", "quantity": 100, "colour": "red"}),
    );
    assert!(line.contains("unknown field `colour`"), "{line}");
    let line = mcp.refused("place_order", json!({"link": "https://i.com/x"}));
    assert!(line.contains("service is required"), "{line}");
    let line = mcp.refused(
        "quote_order",
        json!({"profile": "test", "route": "ig", "link": "https://i.com/x", "quantity": 100}),
    );
    assert!(line.contains("give profile or route, not both"), "{line}");
    let line = mcp.refused(
        "place_order",
        json!({"route": "ig", "service": 1448, "link": "https://i.com/x", "quantity": 100}),
    );
    assert!(line.contains("leave out service"), "{line}");
    let line = mcp.refused(
        "quote_order",
        json!({"route": "ig", "link": "https://i.com/x", "quantity": 100}),
    );
    assert!(line.contains("route 'ig' is not in"), "{line}");
    let line = mcp.refused("balance", json!({"profile": "nope"}));
    assert!(
        line.contains("profile 'nope' is not one smm mcp may use; the profiles are: test"),
        "{line}"
    );
    let line = mcp.refused("place_order", json!({"service": 1448, "quantity": 100}));
    assert!(line.contains("no link"), "{line}");
    let line = mcp.refused("order_status", json!({"ids": []}));
    assert!(line.contains("ids is empty"), "{line}");
    let line = mcp.refused("list_orders", json!({"since": "yesterday"}));
    assert!(line.contains("not a duration"), "{line}");
    let line = mcp.refused("search_services", json!({"sort": "price"}));
    assert!(line.contains("unknown variant `price`"), "{line}");
    assert!(
        panel.requests().is_empty(),
        "bad input never sends a request"
    );
    // The catalogue's checks, as `smm order add` makes them: the catalogue is read, no add.
    let line = mcp.refused(
        "place_order",
        json!({"service": 1448, "link": "https://i.com/x", "quantity": 10}),
    );
    assert!(line.contains("nothing was sent"), "{line}");
    let line = mcp.refused(
        "quote_order",
        json!({"service": 777, "link": "https://i.com/x", "quantity": 10}),
    );
    assert!(
        line.contains("service 777 is not in the catalogue"),
        "{line}"
    );
    assert!(panel.actions("add").is_empty());
    assert!(home.orders().is_empty());
    // An unknown tool is a protocol error; the session goes on.
    let unknown = mcp.request(
        "tools/call",
        json!({"name": "cancel_everything", "arguments": {}}),
    );
    assert!(
        unknown["error"]["message"]
            .as_str()
            .unwrap()
            .contains("unknown tool"),
        "{unknown}"
    );
    assert_eq!(mcp.ok("balance", json!({}))["test"]["currency"], "USD");
    mcp.finish("test-key");
}

#[test]
fn a_panel_error_is_one_line_and_never_the_key() {
    // A hostile panel echoes the key back in its error, with a terminal escape.
    let panel = Panel::start(|req| {
        Reply::json(format!(
            r#"{{"error":"Invalid API key {}\u001b[31m"}}"#,
            req.field("key").unwrap_or("")
        ))
    });
    let home = Home::with_panel(&panel);
    let mut mcp = Mcp::start(&home, &[]);
    let line = mcp.refused("balance", json!({"profile": "test"}));
    assert!(line.contains("Invalid API key"), "{line}");
    assert!(!line.contains('\u{1b}'), "{line}");
    let all = mcp.ok("balance", json!({}));
    assert!(
        all["test"]["error"]
            .as_str()
            .unwrap()
            .contains("Invalid API key"),
        "{all}"
    );
    mcp.finish("test-key");
}

#[test]
fn a_call_longer_than_timeout_is_a_tool_error() {
    // Each request is within --timeout; the tool's two (catalogue, then balance) are not.
    let panel = Panel::start(|req| {
        let reply = match req.field("action") {
            Some("services") => Reply::json(CATALOGUE),
            _ => fixture_reply(req),
        };
        reply.delayed(Duration::from_millis(700))
    });
    let home = Home::with_panel(&panel);
    let mut mcp = Mcp::start(&home, &["--timeout", "1"]);
    let started = std::time::Instant::now();
    let line = mcp.refused("search_services", json!({"profile": "test"}));
    assert!(line.contains("took longer than --timeout (1s)"), "{line}");
    assert!(
        started.elapsed() < Duration::from_millis(1400),
        "{:?}",
        started.elapsed()
    );
    mcp.finish("test-key");
}

#[test]
fn only_the_listed_profiles_are_visible() {
    let a = Panel::fixtures();
    let b = Panel::fixtures();
    b.expect_none();
    let home = Home::with_profiles(&[("a", &a), ("b", &b)]);
    let text = std::fs::read_to_string(home.config()).unwrap();
    home.write_config(&format!("{text}\n[mcp]\nprofiles = [\"a\"]\n"));
    let mut mcp = Mcp::start(&home, &[]);
    let balance = mcp.ok("balance", json!({}));
    assert_eq!(
        balance.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["a"]
    );
    let line = mcp.refused("balance", json!({"profile": "b"}));
    assert!(
        line.contains("profile 'b' is not one smm mcp may use; the profiles are: a"),
        "{line}"
    );
    let line = mcp.refused("order_status", json!({"ids": [1], "profile": "b"}));
    assert!(line.contains("profile 'b'"), "{line}");
    mcp.finish("key-b");
}

#[test]
fn a_bad_mcp_table_stops_before_serving() {
    let panel = Panel::fixtures();
    panel.expect_none();
    for (table, says) in [
        (
            "max_order_cost = \"five\"\n",
            "[mcp] max_order_cost = \"five\" is not an amount",
        ),
        ("profiles = [\"ghost\"]\n", "[mcp] profiles names 'ghost'"),
        ("allow_order = true\n", "unknown field `allow_order`"),
    ] {
        let home = panel_home(&panel, table);
        // stdout carries only JSON-RPC: nothing at all here.
        home.run(["mcp"])
            .expect_code(2)
            .stdout_is("")
            .stderr_has(says);
    }
}

#[test]
fn list_orders_reads_the_book_of_the_visible_profiles_newest_last() {
    let panel = Panel::fixtures();
    panel.expect_none();
    let home = Home::with_panel(&panel);
    home.write_journal(crate::common::JOURNAL);
    let mut mcp = Mcp::start(&home, &[]);
    let all = mcp.ok("list_orders", json!({}));
    assert_eq!(all["shown"], 5, "{all}");
    let newest = mcp.ok("list_orders", json!({"limit": 2}));
    let ids: Vec<&str> = newest["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a4", "a5"]);
    let completed = mcp.ok("list_orders", json!({"status": "Completed"}));
    assert_eq!(completed["orders"][0]["id"], "a1", "{completed}");
    assert_eq!(completed["shown"], 1);
    mcp.finish("test-key");
    // With [mcp] profiles, the others' orders are not shown.
    let text = std::fs::read_to_string(home.config()).unwrap();
    home.write_config(&format!("{text}\n[mcp]\nprofiles = [\"test\"]\n"));
    let mut mcp = Mcp::start(&home, &[]);
    let shown = mcp.ok("list_orders", json!({}));
    assert_eq!(shown["shown"], 4, "{shown}");
    assert!(
        shown["orders"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["profile"] == "test")
    );
    let line = mcp.refused("list_orders", json!({"profile": "other"}));
    assert!(
        line.contains("profile 'other' is not one smm mcp may use"),
        "{line}"
    );
    mcp.finish("test-key");
}

#[test]
fn a_tool_without_profile_uses_the_default_panel() {
    let a = Panel::fixtures();
    let b = Panel::fixtures();
    // `default_profile` is a: without -p, a answers.
    let home = Home::with_profiles(&[("a", &a), ("b", &b)]);
    let mut mcp = Mcp::start(&home, &[]);
    assert_eq!(mcp.ok("order_status", json!({"ids": [1]}))["profile"], "a");
    mcp.finish("key-a");
    // `-p b` when smm mcp starts picks b.
    let mut mcp = Mcp::start(&home, &["-p", "b"]);
    assert_eq!(mcp.ok("order_status", json!({"ids": [1]}))["profile"], "b");
    assert_eq!(
        mcp.ok("order_status", json!({"ids": [1], "profile": "a"}))["profile"],
        "a"
    );
    mcp.finish("key-b");
    assert_eq!(a.actions("status").len(), 2);
    assert_eq!(b.actions("status").len(), 1);
}

/// Sends a /control action to a sandbox.
fn control(sb: &SandboxProc, body: &str) {
    let (status, _, answer) = sb.raw(
        "POST",
        "/control",
        "application/x-www-form-urlencoded",
        body,
    );
    assert_eq!(status, 200, "{body}: {answer}");
}

/// Two sandboxes, `a` at the seed rate 0.90 and `b` at 0.50, and a home with a profile on
/// each (key `S3cret-route-KEY`), route `ig` over both (`a` first) and `mcp` as the `[mcp]`
/// table's body.
fn route_home(mcp: &str) -> (SandboxProc, SandboxProc, Home) {
    let (a, b) = (
        SandboxProc::start(&["--key", "S3cret-route-KEY"]),
        SandboxProc::start(&["--key", "S3cret-route-KEY"]),
    );
    control(&b, "action=rate&service=1448&rate=0.50");
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.a]\nurl = \"{}\"\nkey = \"S3cret-route-KEY\"\n\
         [profiles.b]\nurl = \"{}\"\nkey = \"S3cret-route-KEY\"\n\
         [routes.ig]\ncandidates = [\"a:1448\", \"b:1448\"]\n\
         [mcp]\n{mcp}",
        a.url, b.url
    ));
    (a, b, home)
}

/// The book's rows as (profile, outcome, route, panel order).
fn routed_rows(home: &Home) -> Vec<[String; 4]> {
    let text = |v: &Value| v.as_str().unwrap_or("").to_string();
    home.orders()
        .iter()
        .map(|o| {
            [
                text(&o["profile"]),
                text(&o["outcome"]),
                text(&o["route"]),
                text(&o["panel_order"]),
            ]
        })
        .collect()
}

#[test]
fn quote_and_place_through_a_route_on_two_sandbox_panels() {
    let (_a, b, home) = route_home("allow_orders = true\n");
    let mut mcp = Mcp::start(&home, &[]);
    let order = json!({"route": "ig", "link": "https://i.com/r", "quantity": 500});
    // The quote: the cheapest that can take it, every candidate ranked; nothing sent.
    let quote = mcp.ok("quote_order", order.clone());
    assert_eq!(
        (
            &quote["route"],
            &quote["pick"],
            &quote["profile"],
            &quote["service"],
            &quote["cost"],
            &quote["currency"],
            &quote["balance"],
            &quote["balance_after"],
        ),
        (
            &json!("ig"),
            &json!("cheapest"),
            &json!("b"),
            &json!(1448),
            &json!("0.25"),
            &json!("USD"),
            &json!("100.00"),
            &json!("99.75"),
        ),
        "{quote}"
    );
    assert_eq!(
        (&quote["can_place"], &quote["sent"]),
        (&json!(true), &json!(false))
    );
    assert_eq!(quote["problems"], json!([]));
    let candidates = quote["candidates"].as_array().unwrap();
    let ranks: Vec<(&Value, &Value, &Value)> = candidates
        .iter()
        .map(|c| (&c["profile"], &c["cost"], &c["rank"]))
        .collect();
    assert_eq!(
        ranks,
        [
            (&json!("a"), &json!("0.45"), &json!(2)),
            (&json!("b"), &json!("0.25"), &json!(1))
        ]
    );
    assert!(home.orders().is_empty(), "a quote sends nothing");
    // The catalogues are cached now; then b drops the service: its panel refuses the order
    // (a definite refusal, not about the link), and the route moves on to a.
    control(&b, "action=remove&service=1448");
    let placed = mcp.ok("place_order", order.clone());
    assert_eq!(
        (
            &placed["route"],
            &placed["profile"],
            &placed["service"],
            &placed["order"],
            &placed["cost"],
            &placed["currency"],
        ),
        (
            &json!("ig"),
            &json!("a"),
            &json!(1448),
            &json!("23501"),
            &json!("0.45"),
            &json!("USD"),
        ),
        "{placed}"
    );
    let results: Vec<&Value> = placed["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["result"])
        .collect();
    assert_eq!(
        results,
        [
            &json!("placed: order 23501"),
            &json!("refused: Incorrect service ID (moved on)")
        ]
    );
    let row = |p: &str, outcome: &str, order: &str| {
        [p.to_string(), outcome.into(), "ig".into(), order.into()]
    };
    assert_eq!(
        routed_rows(&home),
        [row("b", "refused", ""), row("a", "placed", "23501")]
    );
    // list_orders names each order's route (null for a direct one).
    mcp.ok(
        "place_order",
        json!({"profile": "a", "service": 1448, "link": "https://i.com/direct", "quantity": 100}),
    );
    let listed = mcp.ok("list_orders", json!({}));
    let routes: Vec<(&Value, &Value, &Value)> = listed["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (&o["profile"], &o["outcome"], &o["route"]))
        .collect();
    assert_eq!(
        routes,
        [
            (&json!("b"), &json!("refused"), &json!("ig")),
            (&json!("a"), &json!("placed"), &json!("ig")),
            (&json!("a"), &json!("placed"), &Value::Null),
        ]
    );
    // The guard spans the route: the same order again is refused, nothing sent.
    let line = mcp.refused("place_order", order.clone());
    assert!(
        line.contains("refusing a duplicate: order 23501")
            && line.contains("through route 'ig' on a:1448")
            && line.contains("ask the operator")
            && line.contains("nothing was sent"),
        "{line}"
    );
    let quote = mcp.ok("quote_order", order);
    assert_eq!(quote["can_place"], false);
    assert!(
        quote["problems"][0]
            .as_str()
            .unwrap()
            .contains("refusing a duplicate"),
        "{quote}"
    );
    assert_eq!(home.orders().len(), 3, "nothing more written down");
    let stderr = mcp.finish("S3cret-route-KEY");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_caps_refuse_a_route_order_unsent() {
    let (_a, _b, home) = route_home("allow_orders = true\nmax_order_cost = \"0.20\"\n");
    let mut mcp = Mcp::start(&home, &[]);
    let order = json!({"route": "ig", "link": "https://i.com/r", "quantity": 500});
    // Each candidate's own cost against the cap: b 0.25, a 0.45, both over 0.20.
    let quote = mcp.ok("quote_order", order.clone());
    assert_eq!(
        (&quote["can_place"], &quote["profile"]),
        (&json!(false), &Value::Null)
    );
    let reasons: Vec<&Value> = quote["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["reason"])
        .collect();
    assert_eq!(
        reasons,
        [
            &json!("the order costs 0.45, more than max_order_cost 0.20 of the [mcp] table"),
            &json!("the order costs 0.25, more than max_order_cost 0.20 of the [mcp] table"),
        ]
    );
    let line = mcp.refused("place_order", order);
    assert!(
        line.starts_with(
            "smm: route 'ig': no candidate can take this order (a:1448: the order costs 0.45"
        ) && line.ends_with("; nothing was sent"),
        "{line}"
    );
    // Within the cap through the route; over it directly on the same panels.
    let small = json!({"route": "ig", "link": "https://i.com/small", "quantity": 300});
    let placed = mcp.ok("place_order", small);
    assert_eq!(
        (&placed["profile"], &placed["cost"]),
        (&json!("b"), &json!("0.15"))
    );
    assert_eq!(home.orders().len(), 1, "only the order within the cap");
    mcp.finish("S3cret-route-KEY");

    // max_daily_spend, counted from the book: 0.15 spent, 0.25 more (b) would pass 0.30, and
    // a costs more still.
    let text = std::fs::read_to_string(home.config()).unwrap();
    home.write_config(&text.replace("max_order_cost = \"0.20\"", "max_daily_spend = \"0.30\""));
    let mut mcp = Mcp::start(&home, &[]);
    let next = json!({"route": "ig", "link": "https://i.com/next", "quantity": 500});
    let line = mcp.refused("place_order", next.clone());
    assert!(
        line.contains(
            "b:1448: cost 0.25 would take the last 24 hours' orders from 0.15 to 0.40, past max_daily_spend 0.30"
        ) && line.contains("nothing was sent"),
        "{line}"
    );
    assert_eq!(home.orders().len(), 1, "refused unsent, nothing written");
    // 0.15 + 0.10 (b, 200) = 0.25: within.
    let within = json!({"route": "ig", "link": "https://i.com/next", "quantity": 200});
    let placed = mcp.ok("place_order", within);
    assert_eq!(
        (&placed["profile"], &placed["cost"]),
        (&json!("b"), &json!("0.10"))
    );
    mcp.finish("S3cret-route-KEY");
}

/// A test panel for the sync tool's refills: `CATALOGUE` (1448 refillable), orders numbered
/// from 901, every order Completed, refill ids from 71 in the order asked, every refill in the
/// state `refill_state` says.
fn refill_panel(refill_state: Arc<Mutex<&'static str>>) -> Panel {
    let orders = AtomicU64::new(901);
    let refills = AtomicU64::new(71);
    Panel::with_catalogue(move |req| match req.field("action") {
        Some("add") => Reply::json(format!(
            r#"{{"order":{}}}"#,
            orders.fetch_add(1, Ordering::SeqCst)
        )),
        Some("status") => {
            let item = r#"{"charge":"0.09","start_count":"5","status":"Completed","remains":"0","currency":"USD"}"#;
            match (req.field("order"), req.field("orders")) {
                (Some(_), _) => Reply::json(item),
                (_, Some(many)) => {
                    let body: Vec<String> = many
                        .split(',')
                        .map(|id| format!(r#""{id}":{item}"#))
                        .collect();
                    Reply::json(format!("{{{}}}", body.join(",")))
                }
                _ => Reply::json(r#"{"error":"Incorrect request"}"#),
            }
        }
        Some("refill") => {
            let next = || refills.fetch_add(1, Ordering::SeqCst);
            match (req.field("order"), req.field("orders")) {
                (Some(_), _) => Reply::json(format!(r#"{{"refill":{}}}"#, next())),
                (_, Some(many)) => {
                    let items: Vec<String> = many
                        .split(',')
                        .map(|id| format!(r#"{{"order":{id},"refill":{}}}"#, next()))
                        .collect();
                    Reply::json(format!("[{}]", items.join(",")))
                }
                _ => Reply::json(r#"{"error":"Incorrect request"}"#),
            }
        }
        Some("refill_status") => {
            let state = *refill_state.lock().unwrap();
            match (req.field("refill"), req.field("refills")) {
                (Some(_), _) => Reply::json(format!(r#"{{"status":"{state}"}}"#)),
                (_, Some(many)) => {
                    let items: Vec<String> = many
                        .split(',')
                        .map(|id| format!(r#"{{"refill":{id},"status":"{state}"}}"#))
                        .collect();
                    Reply::json(format!("[{}]", items.join(",")))
                }
                _ => Reply::json(r#"{"error":"Incorrect request"}"#),
            }
        }
        _ => fixture_reply(req),
    })
}

/// A home with profile `test` on `panel` with `auto_refill = true`, `mcp` as the `[mcp]` body,
/// and orders 901 and 902 (service 1448, refillable) placed by `smm order add`.
fn refill_home(panel: &Panel, mcp: &str) -> Home {
    let home = Home::new();
    home.write_config(&format!(
        "default_profile = \"test\"\n\n[profiles.test]\nurl = \"{}\"\nkey = \"test-key\"\n\
         auto_refill = true\n\n[mcp]\n{mcp}",
        panel.url
    ));
    for link in [
        "https://instagram.com/refill1",
        "https://instagram.com/refill2",
    ] {
        home.run(order_add("1448", link, &["--quantity", "100"]))
            .expect_code(0);
    }
    assert_eq!(panel.actions("add").len(), 2);
    home
}

/// The status changes of the sync tool's first profile, as `(order, to)`.
fn status_changes(sync: &Value) -> Vec<(String, String)> {
    sync["profiles"][0]["status_changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["order"].as_str().unwrap().to_string(),
                c["to"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The refills the order book holds (`smm refills --json`), oldest first, as
/// `(order, refill, status)`.
fn refill_records(home: &Home) -> Vec<(String, Value, String)> {
    let out = home.run(["refills", "--json", "--limit", "0"]);
    out.expect_code(0);
    let mut list: Vec<_> = out
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["order"].as_str().unwrap().to_string(),
                r["refill"].clone(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    list.reverse();
    list
}

#[test]
fn the_sync_tool_sends_due_refills_reports_them_and_follows_them() {
    let state = Arc::new(Mutex::new("Pending"));
    let panel = refill_panel(Arc::clone(&state));
    let home = refill_home(&panel, "allow_orders = true\n");
    let mut mcp = Mcp::start(&home, &[]);

    // The orders end Completed, so they are due; auto_refill sends both, in one request.
    let one = mcp.sync(json!({}));
    assert_eq!(one["profiles"][0]["profile"], "test", "{one}");
    assert_eq!(one["profiles"][0]["error"], Value::Null, "{one}");
    // Sent, so none held back and nothing to note.
    assert_eq!(one["profiles"][0]["refills_held"], Value::Null, "{one}");
    assert_eq!(one["notes"], json!([]), "{one}");
    assert_eq!(
        status_changes(&one),
        [
            ("901".to_string(), "Completed".to_string()),
            ("902".to_string(), "Completed".to_string())
        ]
    );
    assert_eq!(one["profiles"][0]["refills_followed"], json!([]), "{one}");
    assert_eq!(
        one["profiles"][0]["refills_sent"],
        json!([
            {"profile": "test", "order": "901", "refill": "71", "status": "Pending", "error": null},
            {"profile": "test", "order": "902", "refill": "72", "status": "Pending", "error": null}
        ])
    );
    let asked = panel.actions("refill");
    assert_eq!(asked.len(), 1, "one request for both");
    assert_eq!(asked[0].field("orders"), Some("901,902"));
    assert_eq!(
        refill_records(&home),
        [
            ("901".to_string(), json!("71"), "Pending".to_string()),
            ("902".to_string(), json!("72"), "Pending".to_string())
        ]
    );

    // The next syncs follow them (nothing sent again: a refill is pending, then too recent).
    *state.lock().unwrap() = "In progress";
    let two = mcp.sync(json!({}));
    assert_eq!(
        two["profiles"][0]["refills_followed"],
        json!([
            {"order": "901", "refill": "71", "from": "Pending", "to": "In progress", "said": "In progress"},
            {"order": "902", "refill": "72", "from": "Pending", "to": "In progress", "said": "In progress"}
        ])
    );
    assert_eq!(two["profiles"][0]["refills_sent"], json!([]), "{two}");
    *state.lock().unwrap() = "Completed";
    let three = mcp.sync(json!({}));
    assert_eq!(
        three["profiles"][0]["refills_followed"],
        json!([
            {"order": "901", "refill": "71", "from": "In progress", "to": "Completed", "said": "Completed"},
            {"order": "902", "refill": "72", "from": "In progress", "to": "Completed", "said": "Completed"}
        ])
    );
    assert_eq!(three["profiles"][0]["refills_sent"], json!([]), "{three}");
    // Finished refills are not asked about again.
    let asked_status = panel.actions("refill_status").len();
    let four = mcp.sync(json!({}));
    assert_eq!(four["profiles"][0]["refills_followed"], json!([]), "{four}");
    assert_eq!(four["profiles"][0]["refills_sent"], json!([]), "{four}");
    assert_eq!(panel.actions("refill_status").len(), asked_status);
    assert_eq!(panel.actions("refill").len(), 1, "never sent twice");
    mcp.finish("test-key");
    assert_eq!(
        refill_records(&home),
        [
            ("901".to_string(), json!("71"), "Completed".to_string()),
            ("902".to_string(), json!("72"), "Completed".to_string())
        ]
    );
}

#[test]
fn with_orders_off_the_sync_tool_holds_due_refills_back() {
    let state = Arc::new(Mutex::new("Pending"));
    let panel = refill_panel(Arc::clone(&state));
    let home = refill_home(&panel, "");
    let mut mcp = Mcp::start(&home, &[]);
    let catalogues = panel.actions("services").len();
    let sync = mcp.sync(json!({}));
    assert_eq!(sync["profiles"][0]["error"], Value::Null, "{sync}");
    assert_eq!(
        status_changes(&sync),
        [
            ("901".to_string(), "Completed".to_string()),
            ("902".to_string(), "Completed".to_string())
        ]
    );
    assert_eq!(sync["profiles"][0]["refills_sent"], json!([]), "{sync}");
    assert_eq!(sync["profiles"][0]["refills_followed"], json!([]), "{sync}");
    // The answer says what was held back and who sends it, in its JSON and so in its text.
    let held = "profile 'test': 2 refills are due and held back, not sent: orders are off for \
                AI assistants ([mcp] allow_orders); the operator's own `smm sync` (auto_refill) \
                or `smm refill --due` sends them";
    assert_eq!(sync["profiles"][0]["refills_held"], 2, "{sync}");
    assert_eq!(sync["notes"], json!([held]), "{sync}");
    // Counted from the book and the catalogue the sync fetched (once): nothing more asked.
    assert_eq!(panel.actions("services").len(), catalogues + 1, "{sync}");
    assert!(panel.actions("refill").is_empty());
    // Again: still nothing sent, still both held back; then only one due.
    let again = mcp.sync(json!({}));
    assert_eq!(again["profiles"][0]["refills_sent"], json!([]), "{again}");
    assert_eq!(again["profiles"][0]["refills_held"], 2, "{again}");
    assert_eq!(again["notes"], json!([held]), "{again}");
    home.run(["refill", "902", "--json"]).expect_code(0);
    assert_eq!(
        panel.actions("refill").len(),
        1,
        "the operator's own refill"
    );
    let one = mcp.sync(json!({"profile": "test"}));
    assert_eq!(one["profiles"][0]["refills_held"], 1, "{one}");
    assert_eq!(
        one["notes"],
        json!([
            "profile 'test': 1 refill is due and held back, not sent: orders are off for AI \
             assistants ([mcp] allow_orders); the operator's own `smm sync` (auto_refill) or \
             `smm refill --due` sends it"
        ]),
        "{one}"
    );
    mcp.finish("test-key");
    assert_eq!(
        panel.actions("refill").len(),
        1,
        "no refill of the sync tool reached the panel"
    );
    assert_eq!(
        refill_records(&home),
        [("902".to_string(), json!("71"), "Pending".to_string())],
        "only the operator's written down"
    );
    // Held back, not dropped: 901 is still due, and `smm sync` (the operator's) sends it.
    let due = home.run(["refill", "--due", "--dry-run", "--json"]);
    due.expect_code(0);
    let due: Vec<Value> = due.json()["profiles"][0]["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["order"].clone())
        .collect();
    assert_eq!(due, [json!("901")]);
    assert_eq!(panel.actions("refill").len(), 1, "a dry run sends nothing");
    home.run(["sync", "-q"]).expect(0, "", "");
    let asked = panel.actions("refill");
    assert_eq!(asked.len(), 2);
    assert_eq!(
        asked[1].field("orders").or(asked[1].field("order")),
        Some("901")
    );
}
