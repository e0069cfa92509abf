//! `smm mcp`: smm's panels, order book and guard served to AI assistants over the Model
//! Context Protocol (stdio, the official `rmcp` SDK).
//!
//! stdout carries only protocol messages (rmcp writes them); notes go to stderr. Each tool
//! call runs on its own thread (panel requests and the order book are blocking) and ends as a
//! tool error when it takes longer than `--timeout`. What the assistant may do is the `[mcp]`
//! table's ([`Policy`]): orders and refills are off by default, capped per order and per 24
//! hours when on, and only the listed profiles are visible. Every answer is bounded: rows
//! capped by each tool, strings made safe and cut, the text cut ([`answer`]).
//!
//! `tools` holds the eight tools; `smm` the adapter through which they reach smm's logic.

mod smm;
mod tools;

use crate::book::{Earlier, Held, NewOrder, OverLimit, SpendLimit};
use crate::cli::settings::Settings;
use crate::config::Config;
use crate::exit::{Exit, usage};
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, Implementation,
    ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt};
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::sync::Arc;

/// The longest string in an answer, in characters (longer ones are cut, with `…`).
const MAX_STRING: usize = 2_000;
/// The longest text of an answer, in characters.
const MAX_TEXT: usize = 100_000;
/// How far back `max_daily_spend` counts, in seconds.
const DAY: i64 = 86_400;

/// Serves MCP on stdin/stdout until the client closes it. The config file and its `[mcp]`
/// table are read first: a bad one stops here (exit 2), before serving.
pub fn run(settings: &Settings) -> anyhow::Result<Exit> {
    let config = smm::config(settings)?;
    let policy = Arc::new(Policy::new(settings, &config)?);
    crate::msg::note(&format!(
        "serving MCP on stdio for {} ({}; orders {})",
        config.path.display(),
        match policy.visible(&config).join(", ") {
            v if v.is_empty() => "no profiles".to_string(),
            v => format!("profiles {v}"),
        },
        if policy.allow_orders {
            "allowed"
        } else {
            "off"
        }
    ));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let started = Server { policy }.serve(rmcp::transport::stdio()).await;
        let server = match started {
            Ok(server) => server,
            // The client went away before starting a session: nothing to serve.
            Err(rmcp::service::ServerInitializeError::ConnectionClosed(_)) => {
                crate::msg::note("stdin closed before an MCP session started");
                return anyhow::Ok(());
            }
            Err(e) => anyhow::bail!(
                "the MCP session could not start: {e} (smm mcp is started by an MCP client, \
                 which speaks JSON-RPC on its stdin)"
            ),
        };
        server
            .waiting()
            .await
            .map_err(|e| anyhow::anyhow!("MCP session ended badly: {e}"))?;
        anyhow::Ok(())
    })?;
    Ok(Exit::Success)
}

/// What the assistant may do: the `[mcp]` table, read once at start, and the run's settings.
pub struct Policy {
    /// The run's settings (`--config`, `--timeout`, …).
    settings: Settings,
    /// The config file, for messages.
    path: std::path::PathBuf,
    /// `allow_orders`: place_order and request_refill may send.
    allow_orders: bool,
    /// `max_order_cost`.
    max_order_cost: Option<Decimal>,
    /// `max_daily_spend`.
    max_daily_spend: Option<Decimal>,
    /// `profiles`: the only profiles visible (None: every profile).
    profiles: Option<Vec<String>>,
}

/// A tool's refusal or failure: the one line smm prints, answered with `isError: true`.
#[derive(Debug)]
pub struct Refusal(String);

impl Refusal {
    /// A refusal saying `line` (made safe and cut to one line).
    fn new(line: impl Into<String>) -> Refusal {
        Refusal(format!("smm: {}", crate::text::shorten(&line.into(), 1000)))
    }
}

impl From<anyhow::Error> for Refusal {
    fn from(e: anyhow::Error) -> Refusal {
        Refusal::from(&e)
    }
}

impl From<&anyhow::Error> for Refusal {
    fn from(e: &anyhow::Error) -> Refusal {
        Refusal(tools::line(e))
    }
}

impl Policy {
    /// The policy of `config`'s `[mcp]` table; an amount that is not one, or a profile the file
    /// lacks, is a usage error naming the setting.
    fn new(settings: &Settings, config: &Config) -> anyhow::Result<Policy> {
        let def = config.file.mcp.as_ref();
        let amount = |name: &str, text: Option<&String>| -> anyhow::Result<Option<Decimal>> {
            let Some(text) = text else { return Ok(None) };
            match crate::money::parse_exact(text) {
                Ok(a) if a >= Decimal::ZERO => Ok(Some(a)),
                Ok(_) => Err(usage(format!(
                    "config file {}: [mcp] {name} = \"{text}\" is negative: write an amount like \"5.00\"",
                    config.path.display()
                ))),
                Err(e) => Err(usage(format!(
                    "config file {}: [mcp] {name} = \"{}\" is not an amount ({e}): write it like \"5.00\"",
                    config.path.display(),
                    crate::text::shorten(text, 40)
                ))),
            }
        };
        let profiles = def.and_then(|d| d.profiles.clone());
        for name in profiles.iter().flatten() {
            if !config.file.profiles.contains_key(name) {
                return Err(usage(format!(
                    "config file {}: [mcp] profiles names '{name}', which is not a profile; known profiles: {}",
                    config.path.display(),
                    config.known()
                )));
            }
        }
        Ok(Policy {
            settings: settings.clone(),
            path: config.path.clone(),
            allow_orders: def.and_then(|d| d.allow_orders).unwrap_or(false),
            max_order_cost: amount(
                "max_order_cost",
                def.and_then(|d| d.max_order_cost.as_ref()),
            )?,
            max_daily_spend: amount(
                "max_daily_spend",
                def.and_then(|d| d.max_daily_spend.as_ref()),
            )?,
            profiles,
        })
    }

    /// The profiles the assistant may use, in the file's order.
    fn visible(&self, config: &Config) -> Vec<String> {
        config
            .file
            .profiles
            .keys()
            .filter(|name| self.profiles.as_ref().is_none_or(|p| p.contains(name)))
            .cloned()
            .collect()
    }

    /// Whether the assistant may see what profile `name` holds (in the order book too, where
    /// a profile may no longer be in the file).
    fn may_see(&self, name: &str) -> bool {
        self.profiles
            .as_ref()
            .is_none_or(|p| p.iter().any(|v| v == name))
    }

    /// `requested` when the assistant may use it; a refusal naming the ones it may use else.
    fn check(&self, config: &Config, requested: &str) -> Result<String, Refusal> {
        let visible = self.visible(config);
        match visible.iter().find(|v| *v == requested) {
            Some(name) => Ok(name.clone()),
            None => Err(Refusal::new(format!(
                "profile '{requested}' is not one smm mcp may use; the profiles are: {}; nothing was sent",
                match visible.join(", ") {
                    v if v.is_empty() => "none".to_string(),
                    v => v,
                }
            ))),
        }
    }

    /// The profiles a tool over several runs on: `requested`, else every visible panel profile.
    fn profiles(&self, config: &Config, requested: Option<&str>) -> Result<Vec<String>, Refusal> {
        if let Some(name) = requested {
            return Ok(vec![self.check(config, name)?]);
        }
        let panels: Vec<String> = self
            .visible(config)
            .into_iter()
            .filter(|name| config.file.profiles[name].api.is_panel())
            .collect();
        match panels.is_empty() {
            true => Err(Refusal::new(format!(
                "{} has no panel profiles smm mcp may use: add one with `smm config add`, or list it in [mcp] profiles",
                config.path.display()
            ))),
            false => Ok(panels),
        }
    }

    /// The one profile a tool runs on: `requested`, else the default panel (`-p` or
    /// `SMM_PROFILE` when `smm mcp` started, else the file's `default_profile`) when visible,
    /// else the only visible one.
    fn one(&self, config: &Config, requested: Option<&str>) -> Result<String, Refusal> {
        if let Some(name) = requested {
            return self.check(config, name);
        }
        let visible = self.visible(config);
        let defaults = [
            self.settings.profile.as_ref(),
            config.file.default_profile.as_ref(),
        ];
        if let Some(default) = defaults.into_iter().flatten().find(|d| visible.contains(d)) {
            return Ok(default.clone());
        }
        match visible.as_slice() {
            [only] => Ok(only.clone()),
            [] => Err(Refusal::new(format!(
                "{} has no profiles smm mcp may use; nothing was sent",
                config.path.display()
            ))),
            several => Err(Refusal::new(format!(
                "several profiles and no default: pass `profile`, one of {}; nothing was sent",
                several.join(", ")
            ))),
        }
    }

    /// The refusal of an order or refill while orders are off.
    fn orders_off(&self) -> String {
        format!(
            "orders are off for AI assistants: set allow_orders = true in the [mcp] table of {} and restart smm mcp; nothing was sent",
            self.path.display()
        )
    }

    /// Refuses when orders are off.
    fn orders_allowed(&self) -> Result<(), Refusal> {
        match self.allow_orders {
            true => Ok(()),
            false => Err(Refusal::new(self.orders_off())),
        }
    }

    /// Why an order costing `cost` would pass a cap — `max_order_cost`, or `max_daily_spend`
    /// counted from the order book over the last 24 hours — or None. For a quote: `place_order`
    /// counts the daily spending again in the transaction that writes the order down.
    fn over_caps(&self, cost: Option<Decimal>) -> anyhow::Result<Option<Refusal>> {
        if let Some(refusal) = self.over_order_cap(cost) {
            return Ok(Some(refusal));
        }
        let Some(limit) = self.spend_limit() else {
            return Ok(None);
        };
        let (spent, _) = smm::spent_since(limit.since)?;
        Ok(cost
            .filter(|c| spent.saturating_add(*c) > limit.max)
            .map(|_| Refusal::new(over_limit(&OverLimit { limit, spent, cost }))))
    }

    /// Why an order costing `cost` would pass `max_order_cost`, or could not be checked
    /// against the caps (its cost not known in advance), or None.
    fn over_order_cap(&self, cost: Option<Decimal>) -> Option<Refusal> {
        self.order_cap_reason(cost)
            .map(|why| Refusal::new(format!("{why}: refused; nothing was sent")))
    }

    /// [`Policy::over_order_cap`]'s reason, as a clause.
    fn order_cap_reason(&self, cost: Option<Decimal>) -> Option<String> {
        if self.max_order_cost.is_none() && self.max_daily_spend.is_none() {
            return None;
        }
        let Some(cost) = cost else {
            return Some(
                "the order's cost is not known in advance (it depends on what the panel delivers) \
                 and the [mcp] table caps spending"
                    .into(),
            );
        };
        let max = self.max_order_cost.filter(|max| cost > *max)?;
        Some(format!(
            "the order costs {}, more than max_order_cost {} of the [mcp] table",
            crate::money::show(cost),
            crate::money::show(max)
        ))
    }

    /// A route's candidates with the caps applied to each one's cost: one whose cost passes
    /// `max_order_cost`, is not known in advance while a cap is set, or would take the last
    /// 24 hours' orders past `max_daily_spend` cannot take the order (its reason says which).
    /// The candidate placed is counted again in the transaction that writes the order down.
    fn cap_offers(&self, offers: &mut [crate::route::Offer]) -> anyhow::Result<()> {
        let spent = match self.spend_limit() {
            Some(limit) => Some((limit, smm::spent_since(limit.since)?.0)),
            None => None,
        };
        let show = crate::money::show;
        for offer in offers.iter_mut().filter(|o| o.available) {
            let daily = spent.and_then(|(limit, spent)| {
                let cost = offer.cost?;
                (spent.saturating_add(cost) > limit.max).then(|| {
                    format!(
                        "cost {} would take the last 24 hours' orders from {} to {}, past max_daily_spend {} of the [mcp] table",
                        show(cost),
                        show(spent),
                        show(spent.saturating_add(cost)),
                        show(limit.max)
                    )
                })
            });
            if let Some(why) = self.order_cap_reason(offer.cost).or(daily) {
                offer.available = false;
                offer.reason = Some(why);
            }
        }
        Ok(())
    }

    /// Route `name` of the config, when the assistant may use every profile it names.
    fn route(&self, config: &Config, name: &str) -> Result<crate::route::Route, Refusal> {
        let route = smm::route(config, name)?;
        for c in &route.candidates {
            if !self.visible(config).contains(&c.profile) {
                return Err(Refusal::new(format!(
                    "route '{name}' has a candidate on profile '{}', which smm mcp may not use \
                     (see [mcp] profiles); nothing was sent",
                    c.profile
                )));
            }
        }
        Ok(route)
    }

    /// `max_daily_spend` as the order book's spend limit: the last 24 hours.
    fn spend_limit(&self) -> Option<SpendLimit> {
        self.max_daily_spend.map(|max| SpendLimit {
            since: crate::time::now() as i64 - DAY,
            max,
        })
    }

    /// The refusal of an order the book held back: a repeat within the duplicate window (said
    /// for an assistant: the operator decides, there is no `--force` here), or over
    /// `max_daily_spend`.
    fn held(&self, held: &Held, order: &NewOrder) -> Refusal {
        match held {
            Held::Duplicate(earlier) => Refusal::new(duplicate(earlier, order)),
            Held::OverLimit(over) => Refusal::new(over_limit(over)),
        }
    }
}

/// Why an order is refused as a repeat of `earlier` (said for an assistant: the operator
/// decides, there is no `--force` here).
fn duplicate(earlier: &Earlier, order: &NewOrder) -> String {
    format!(
        "{} (order book entry {}, see list_orders); a repeat within the profile's duplicate \
         window is refused: ask the operator if it is really wanted; nothing was sent",
        earlier.describe(order),
        earlier.entry.id
    )
}

/// Why a route's order is refused as a repeat of `earlier`, placed through the route or
/// directly on one of its candidates.
fn duplicate_on_route(route: &crate::route::Route, earlier: &Earlier) -> String {
    let e = &earlier.entry;
    let what = match (e.outcome, &e.order) {
        (crate::book::Outcome::Placed, Some(id)) => format!("order {id}"),
        _ => "an order whose outcome is unknown".to_string(),
    };
    let how = match &e.route {
        Some(r) => format!("through route '{r}'"),
        None => "directly".to_string(),
    };
    let ago = (crate::time::now() as i64 - e.created).max(0) as u64;
    format!(
        "refusing a duplicate: {what} with the same link, quantity and other fields was placed {how} on \
         {}:{} (a candidate of route '{}') {} ago (order book entry {}, see list_orders); a repeat \
         within the duplicate window is refused: ask the operator if it is really wanted; nothing was sent",
        e.profile,
        e.service,
        route.name,
        crate::time::ago(ago),
        e.id
    )
}

/// Why an order over `max_daily_spend` is refused.
fn over_limit(over: &OverLimit) -> String {
    let show = crate::money::show;
    let Some(cost) = over.cost else {
        return "the order's cost is not known in advance and max_daily_spend of the [mcp] table caps \
             spending: refused; nothing was sent"
            .into();
    };
    format!(
        "the order ({}) would take the last 24 hours' orders from {} to {}, past max_daily_spend {} \
         of the [mcp] table (see list_orders): refused; nothing was sent",
        show(cost),
        show(over.spent),
        show(over.spent.saturating_add(cost)),
        show(over.limit.max)
    )
}

/// The MCP server: the tools over the policy.
#[derive(Clone)]
struct Server {
    policy: Arc<Policy>,
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new("smm", env!("CARGO_PKG_VERSION")))
            .with_instructions(
                "smm reaches the operator's SMM panels and keeps an order book. Search services \
                 and quote an order before placing it; place_order refuses a repeat of the same \
                 order (see list_orders) and whatever the operator's [mcp] settings forbid.",
            )
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        let tools = tools::TOOLS
            .iter()
            .map(|t| {
                let tool = Tool::new(t.name, t.description, Arc::new((t.schema)()));
                match t.output {
                    Some(output) => tool.with_raw_output_schema(Arc::new(output())),
                    None => tool,
                }
            })
            .collect();
        Ok(ListToolsResult::with_all_items(tools))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let name = request.name.to_string();
        if !tools::TOOLS.iter().any(|t| t.name == name) {
            let names: Vec<&str> = tools::TOOLS.iter().map(|t| t.name).collect();
            return Err(ErrorData::invalid_params(
                format!(
                    "unknown tool '{}': the tools are {}",
                    crate::text::shorten(&name, 60),
                    names.join(", ")
                ),
                None,
            ));
        }
        let arguments = Value::Object(request.arguments.unwrap_or_default());
        let policy = Arc::clone(&self.policy);
        let timeout = policy.settings.timeout;
        let (send, receive) = tokio::sync::oneshot::channel();
        // A thread of its own: panel requests and the order book block. When the deadline
        // passes the thread still finishes, and an order's outcome still reaches the book.
        std::thread::spawn(move || {
            let result = tools::call(&policy, &name, arguments);
            let _ = send.send(result);
        });
        let result = match tokio::time::timeout(timeout, receive).await {
            Ok(Ok(Some(Ok(value)))) => answer(value),
            Ok(Ok(Some(Err(refusal)))) => refused(&refusal.0),
            Ok(Ok(None)) | Ok(Err(_)) => refused("smm: internal error: the tool stopped"),
            Err(_) => refused(&format!(
                "smm: the tool took longer than --timeout ({}s) and was given up; an order placed \
                 meanwhile still has its outcome written to the order book (see list_orders), and \
                 the duplicate guard refuses placing it again",
                timeout.as_secs_f64()
            )),
        };
        Ok(result.into())
    }
}

/// A tool's answer: `value` bounded, as `structuredContent` and as its JSON text.
fn answer(value: Value) -> CallToolResult {
    let value = bounded(value);
    let mut text = value.to_string();
    if text.chars().count() > MAX_TEXT {
        let total = text.len();
        text = text.chars().take(MAX_TEXT).collect();
        text.push_str(&format!(
            "… (cut: the answer is {total} bytes; ask for fewer rows)"
        ));
    }
    let mut result = CallToolResult::structured(value);
    result.content = vec![ContentBlock::text(text)];
    result
}

/// A refusal or failure: one line, `isError: true`.
fn refused(line: &str) -> CallToolResult {
    CallToolResult::error(vec![ContentBlock::text(line)])
}

/// `value` with every string (and key) made safe as the output layer makes table cells —
/// control characters and bidi overrides become spaces — and cut at [`MAX_STRING`].
fn bounded(value: Value) -> Value {
    match value {
        Value::String(s) => Value::String(cut(&s)),
        Value::Array(items) => Value::Array(items.into_iter().map(bounded).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (cut(&k), bounded(v)))
                .collect::<Map<String, Value>>(),
        ),
        other => other,
    }
}

/// A string made safe and cut at [`MAX_STRING`] characters.
fn cut(text: &str) -> String {
    let safe = crate::text::safe(text);
    if safe.chars().count() <= MAX_STRING {
        return safe.into_owned();
    }
    let mut cut: String = safe.chars().take(MAX_STRING).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_made_safe_and_cut() {
        let long = "x".repeat(MAX_STRING + 10);
        let value = serde_json::json!({"a\u{1b}": ["b\u{202e}c", long, 1]});
        let bounded = bounded(value);
        let items = bounded["a "].as_array().unwrap();
        assert_eq!(items[0], "b c");
        assert_eq!(items[1].as_str().unwrap().chars().count(), MAX_STRING + 1);
        assert_eq!(items[2], 1);
    }
}
