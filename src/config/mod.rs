//! The profile file: locate it, parse it, pick the profile, resolve its key.

pub mod add;
pub mod edit;
pub mod private;
pub mod routes;
pub mod secret;

use crate::config::secret::Secret;
use crate::exit::usage;
use anyhow::Context;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Tries for a read when the profile does not say.
pub const DEFAULT_ATTEMPTS: u32 = 3;

/// How far back the duplicate guard looks when the profile does not say: 24 hours.
pub const DEFAULT_DUPLICATE_WINDOW: u64 = 86_400;

/// The starter file `smm config init` writes (the same text as `config.example.toml`): every
/// profile in it is a commented example, so no command ever reaches a panel through it.
pub const STARTER: &str = include_str!("../../config.example.toml");

/// The TOML file as written by the user.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Profile used when none is named on the command line or in `SMM_PROFILE`.
    pub default_profile: Option<String>,
    /// Where the order book is: a file path, or `postgres://USER@HOST[:PORT]/DB` for a book
    /// several machines share (read by the book itself, `book::place`).
    pub book: Option<String>,
    /// A command whose first line of output is the PostgreSQL book's password.
    pub book_password_command: Option<String>,
    /// Profiles by name.
    #[serde(default)]
    pub profiles: BTreeMap<String, ProfileDef>,
    /// Routes by name: one product over several providers (see `routes`).
    #[serde(default)]
    pub routes: BTreeMap<String, routes::RouteDef>,
    /// What `smm mcp` lets an AI assistant do (`[mcp]`).
    pub mcp: Option<McpDef>,
}

/// The `[mcp]` section: what an assistant may do through `smm mcp`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct McpDef {
    /// Whether `place_order` and `request_refill` may send anything (default false).
    pub allow_orders: Option<bool>,
    /// An order costing more than this is refused unsent (`"5.00"`).
    pub max_order_cost: Option<String>,
    /// An order that would take the last 24 hours' spending (the order book's) past this is
    /// refused unsent.
    pub max_daily_spend: Option<String>,
    /// Only these profiles are visible to the assistant (default: every profile).
    pub profiles: Option<Vec<String>>,
}

/// One `[profiles.NAME]` section.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileDef {
    /// The panel's API endpoint.
    pub url: String,
    /// The API key itself.
    pub key: Option<String>,
    /// The name of an environment variable holding the API key.
    pub key_env: Option<String>,
    /// A command whose first line of output is the API key (`pass show smm/pica`).
    pub key_command: Option<String>,
    /// Allow `http://` to a host other than this machine (the key then travels unencrypted).
    pub allow_http: Option<bool>,
    /// Which API dialect the panel speaks.
    #[serde(default)]
    pub api: Api,
    /// A `User-Agent` to send instead of `smm/<version>`.
    pub user_agent: Option<String>,
    /// Chunks of a batch in flight at once (1–16; `--concurrency` overrides).
    pub concurrency: Option<usize>,
    /// Requests per minute at most: smm paces itself to stay under the panel's limit.
    pub max_rpm: Option<u32>,
    /// Tries for a read request (1–10; 1 = no retry).
    pub attempts: Option<u32>,
    /// How far back the duplicate guard looks (`24h`; `0` turns it off).
    pub duplicate_window: Option<String>,
    /// How long a cached service catalogue is used (`10m`; `0` turns the cache off).
    pub services_ttl: Option<String>,
    /// `smm sync` alerts when the balance is under this amount (`"10.00"`).
    pub low_balance: Option<String>,
    /// `smm sync` alerts when an unfinished order has not changed for this long (`24h`).
    pub stalled_after: Option<String>,
    /// How long after it finished an order may be refilled (`30d`).
    pub refill_period: Option<String>,
    /// How long between two refill requests of one order (`24h`).
    pub refill_every: Option<String>,
    /// `smm sync` sends the due refills of this profile itself (default false).
    pub auto_refill: Option<bool>,
    /// `smm sync` raises a standing alert again after this long (`24h`); unset: never.
    pub alert_repeat: Option<String>,
}

/// The API dialects smm speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Api {
    /// The standard SMM panel API v2 (form-encoded POST, `key` + `action`).
    #[default]
    V2,
    /// streamdetails.com API v2 (JSON POST, `{"data", "error"}` envelope).
    Streamdetails,
    /// useapi.net (Bearer token; the Pika account endpoints).
    Useapi,
}

impl Api {
    /// The name used in the config file.
    pub fn name(self) -> &'static str {
        match self {
            Api::V2 => "v2",
            Api::Streamdetails => "streamdetails",
            Api::Useapi => "useapi",
        }
    }

    /// Whether the API is an SMM panel (orders, balance, services), not an account API.
    pub fn is_panel(self) -> bool {
        self != Api::Useapi
    }
}

/// A profile ready to use: its key resolved.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The profile's name in the file.
    pub name: String,
    /// The panel's API endpoint.
    pub url: reqwest::Url,
    /// The API key.
    pub key: Secret,
    /// The API dialect.
    pub api: Api,
    /// The `User-Agent` to send.
    pub user_agent: String,
    /// Chunks in flight at once, if the profile sets it.
    pub concurrency: Option<usize>,
    /// Requests per minute at most, if the profile sets it.
    pub max_rpm: Option<u32>,
    /// Tries for a read.
    pub attempts: u32,
    /// Seconds the duplicate guard looks back.
    pub duplicate_window: u64,
    /// Seconds a cached catalogue is used.
    pub services_ttl: u64,
    /// The balance under which `smm sync` alerts, if set.
    pub low_balance: Option<rust_decimal::Decimal>,
    /// Seconds without a change after which `smm sync` calls an unfinished order stalled.
    pub stalled_after: u64,
    /// Seconds after which `smm sync` raises a standing alert again (None: never).
    pub alert_repeat: Option<u64>,
    /// Refill settings: `refill_period`, `refill_every`, `auto_refill`.
    pub refills: Refills,
}

/// A profile's refill settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refills {
    /// Seconds after an order finished that it may be refilled (`refill_period`, 30 days).
    pub period: u64,
    /// Seconds between two refill requests of one order (`refill_every`, 24 hours).
    pub every: u64,
    /// Whether `smm sync` sends the due refills itself (`auto_refill`, false).
    pub auto: bool,
}

impl Default for Refills {
    fn default() -> Self {
        Refills {
            period: 30 * 86_400,
            every: 86_400,
            auto: false,
        }
    }
}

/// How long an unfinished order may go without a change before `smm sync` alerts: 24 hours.
pub const DEFAULT_STALLED_AFTER: u64 = 86_400;

/// A loaded config file and where it came from.
#[derive(Debug)]
pub struct Config {
    /// The file's path.
    pub path: PathBuf,
    /// Its parsed contents.
    pub file: ConfigFile,
}

/// Where the config file is: `--config`/`SMM_CONFIG` (already merged by clap) or the
/// platform config dir (`~/.config/smm/config.toml` on Linux).
pub fn locate(explicit: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p.to_path_buf());
    }
    let dirs = directories::ProjectDirs::from("", "", "smm").ok_or_else(|| {
        usage("cannot find a home directory for the config file; pass --config PATH or set SMM_CONFIG")
    })?;
    Ok(dirs.config_dir().join("config.toml"))
}

/// Reads and parses the config file; every failure is a usage error naming the file.
pub fn load(path: &Path) -> anyhow::Result<Config> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(usage(format!(
                "no config file at {}: run `smm config init` to create it there, or point --config / SMM_CONFIG at your file",
                path.display()
            )));
        }
        Err(e) => {
            return Err(usage(format!(
                "cannot read config file {}: {e}",
                path.display()
            )));
        }
    };
    let file =
        parse(&text).map_err(|msg| usage(format!("config file {}: {msg}", path.display())))?;
    Ok(Config {
        path: path.to_path_buf(),
        file,
    })
}

/// Parses config text; the error is one line with the line number.
pub fn parse(text: &str) -> Result<ConfigFile, String> {
    toml::from_str::<ConfigFile>(text).map_err(|e| {
        let msg = redact_values(e.message().trim()).replace('\n', " ");
        match e.span() {
            Some(span) => {
                let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                format!("line {line}: {msg}")
            }
            None => msg,
        }
    })
}

/// Hides the values quoted in a TOML type error (`invalid type: integer `123`…`): the value
/// may be a key. Field names in other errors (`unknown field `kye``) stay visible.
fn redact_values(msg: &str) -> String {
    if !(msg.starts_with("invalid type") || msg.starts_with("invalid value")) {
        return msg.to_string();
    }
    let mut out = String::with_capacity(msg.len());
    let mut inside = false;
    for part in msg.split('`') {
        out.push_str(if inside { "`…`" } else { part });
        inside = !inside;
    }
    out
}

/// Query parameters that would carry a key inside a URL.
const KEY_PARAMS: [&str; 5] = ["key", "api_key", "apikey", "token", "access_token"];

/// A URL for display, whether or not it parses: its query string replaced by `?…`, its
/// fragment by `#…`, and any user name or password by `…@` (each could hold a key). Every
/// message that shows a profile's URL goes through here.
pub fn display_url(url: &str) -> String {
    let url = url.trim();
    let base = match url.find(['?', '#']) {
        Some(i) => format!("{}{}…", &url[..i], &url[i..i + 1]),
        None => url.to_string(),
    };
    match (base.find("://"), base.find('@')) {
        (Some(scheme), Some(at)) if at > scheme && !base[scheme + 3..at].contains('/') => {
            format!("{}…@{}", &base[..scheme + 3], &base[at + 1..])
        }
        _ => base,
    }
}

impl Config {
    /// The profile names, sorted, comma-separated (for error messages).
    pub fn known(&self) -> String {
        if self.file.profiles.is_empty() {
            "none".to_string()
        } else {
            self.file
                .profiles
                .keys()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        }
    }

    /// The known profile name closest to `name` (a typo's likely meaning), if one is close.
    pub fn similar(&self, name: &str) -> Option<&str> {
        closest(name, self.file.profiles.keys().map(String::as_str))
    }

    /// Picks the profile: `requested` (flag or `SMM_PROFILE`) > `default_profile` > the only one.
    pub fn select(&self, requested: Option<&str>) -> anyhow::Result<(&str, &ProfileDef)> {
        if let Some(list) = requested.filter(|r| r.contains(',')) {
            return Err(usage(format!(
                "-p {list} names several profiles: pass one, or add --all to ask each of them"
            )));
        }
        let find = |name: &str, what: &str| {
            self.file
                .profiles
                .get_key_value(name)
                .map(|(k, v)| (k.as_str(), v))
                .ok_or_else(|| {
                    let hint = match (self.similar(name), what) {
                        (Some(near), "profile") => format!("; did you mean -p {near}?"),
                        (Some(near), _) => format!(
                            "; did you mean '{near}'? (`smm config set-default {near}` sets it)"
                        ),
                        (None, "profile") => String::new(),
                        (None, _) => {
                            "; `smm config set-default NAME` picks one of them".to_string()
                        }
                    };
                    usage(format!(
                        "{what} '{name}' is not in {}; known profiles: {}{hint}",
                        self.path.display(),
                        self.known()
                    ))
                })
        };
        if let Some(name) = requested {
            return find(name, "profile");
        }
        if let Some(name) = &self.file.default_profile {
            return find(name, "default_profile");
        }
        let mut all = self.file.profiles.iter();
        match (all.next(), all.next()) {
            (Some((k, v)), None) => Ok((k.as_str(), v)),
            (None, _) => Err(usage(format!(
                "{} has no profiles: add one with `smm config add NAME --url URL --key-env VAR` \
                 (or `smm sandbox --add-profile` for a local test panel)",
                self.path.display()
            ))),
            _ => Err(usage(format!(
                "{} has several profiles and no default_profile: pick one with -p NAME ({}) or \
                 `smm config set-default NAME`",
                self.path.display(),
                self.known()
            ))),
        }
    }

    /// Selects and resolves the profile to use.
    pub fn profile(&self, requested: Option<&str>) -> anyhow::Result<Profile> {
        let (name, def) = self.select(requested)?;
        resolve(name, def, &self.path)
    }
}

/// The name among `names` closest to `name` (Jaro-Winkler above 0.8, as a typo is), if any.
pub fn closest<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    names
        .map(|k| (strsim::jaro_winkler(name, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// Where a profile's key comes from, as `config show` describes it (never the key itself).
pub fn key_source(def: &ProfileDef) -> String {
    match (&def.key, &def.key_env, &def.key_command) {
        (Some(k), None, None) if k.trim().is_empty() => "key in file (empty)".to_string(),
        (Some(_), None, None) => format!("key in file ({})", crate::config::secret::MASK),
        (None, Some(var), None) => match std::env::var(var) {
            Ok(v) if !v.trim().is_empty() => {
                format!("${var} (set, {})", crate::config::secret::MASK)
            }
            _ => format!("${var} (not set)"),
        },
        (None, None, Some(command)) => key_command_shown(command),
        (None, None, None) => "none".to_string(),
        _ => "error: set only one of key, key_env, key_command".to_string(),
    }
}

/// A `key_command` as messages show it: `key_command `pass …``, the program only — its
/// arguments (and any `VAR=value` before it) could name or hold the secret.
pub fn key_command_shown(command: &str) -> String {
    match command.split_whitespace().find(|w| !w.contains('=')) {
        Some(program) => format!("key_command `{program} …`"),
        None => "key_command".to_string(),
    }
}

/// Whether a URL's host is this machine (127.0.0.0/8, ::1 or localhost).
pub fn is_loopback(url: &reqwest::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// Runs a profile's `key_command` (through `sh -c`) and takes the first line of its output.
/// Errors name the program, never its arguments.
fn run_key_command(name: &str, command: &str) -> anyhow::Result<Secret> {
    let shown = key_command_shown(command);
    let output = std::process::Command::new("sh")
        .args(["-c", command])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| usage(format!("profile '{name}': cannot run {shown}: {e}")))?;
    if !output.status.success() {
        return Err(usage(format!(
            "profile '{name}': {shown} failed ({}); run it yourself to see why",
            output.status
        )));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let key = Secret::new(text.lines().next().unwrap_or("").trim());
    if key.is_empty() {
        return Err(usage(format!(
            "profile '{name}': {shown} printed no key on its first line"
        )));
    }
    Ok(key)
}

/// A warning when a file holding a plain `key` can be read by group or others (Unix).
pub fn permission_warning(config: &Config) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let holds_key = config.file.profiles.values().any(|p| p.key.is_some());
        let mode = std::fs::metadata(&config.path).ok()?.permissions().mode();
        if holds_key && mode & 0o077 != 0 {
            return Some(format!(
                "{} holds API keys and is readable by others (mode {:o}): run `chmod 600 {}`",
                config.path.display(),
                mode & 0o777,
                config.path.display()
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = config;
    None
}

/// Checks a profile's url: http(s) with a host, no credentials or key in it, and `http://`
/// only to this machine unless `allow_http`.
pub fn check_url(
    name: &str,
    text: &str,
    allow_http: bool,
    path: &Path,
) -> anyhow::Result<reqwest::Url> {
    let url = reqwest::Url::parse(text.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
        .ok_or_else(|| {
            usage(format!(
                "profile '{name}' in {}: url '{}' is not an http(s) URL like https://panel.example/api/v2",
                path.display(),
                display_url(text)
            ))
        })?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(usage(format!(
            "profile '{name}' in {}: the url carries a user name or password; remove it (smm sends the key only in the request body)",
            path.display()
        )));
    }
    if url
        .query_pairs()
        .any(|(k, _)| KEY_PARAMS.contains(&k.to_ascii_lowercase().as_str()))
    {
        return Err(usage(format!(
            "profile '{name}' in {}: the url carries a key in its query string; remove it from url and \
             use key or key_env (smm sends the key only in the request body)",
            path.display()
        )));
    }
    if url.scheme() == "http" && !allow_http && !is_loopback(&url) {
        return Err(usage(format!(
            "profile '{name}' in {}: {} uses http://, so the key would cross the network unencrypted; \
             use https:// (or set allow_http = true in the profile if you must)",
            path.display(),
            url.host_str().unwrap_or("the panel")
        )));
    }
    Ok(url)
}

/// Turns a profile definition into a usable `Profile`: valid URL, a key from the file or env.
pub fn resolve(name: &str, def: &ProfileDef, path: &Path) -> anyhow::Result<Profile> {
    let url = check_url(name, &def.url, def.allow_http.unwrap_or(false), path)?;
    let key = key_of(name, def, path, true)?;
    settings(name, def, path, url, key)
}

/// Checks a profile definition as `resolve` does, without reading its key from the environment
/// or its command (`smm config set` checks what it writes this way).
pub fn check(name: &str, def: &ProfileDef, path: &Path) -> anyhow::Result<()> {
    let url = check_url(name, &def.url, def.allow_http.unwrap_or(false), path)?;
    let key = key_of(name, def, path, false)?;
    settings(name, def, path, url, key).map(|_| ())
}

/// The profile's key: exactly one of key, key_env and key_command; read from the environment
/// or run only when `read` (else a placeholder stands for it).
fn key_of(name: &str, def: &ProfileDef, path: &Path, read: bool) -> anyhow::Result<Secret> {
    Ok(match (&def.key, &def.key_env, &def.key_command) {
        (Some(k), None, None) => Secret::new(k.trim()),
        (None, Some(_), None) | (None, None, Some(_)) if !read => Secret::new("(unread)"),
        (None, Some(var), None) => {
            let value = std::env::var(var).unwrap_or_default();
            if value.trim().is_empty() {
                return Err(usage(format!(
                    "profile '{name}' reads its key from ${var}, which is not set or empty: export {var}=YOUR_API_KEY"
                )));
            }
            Secret::new(value.trim())
        }
        (None, None, Some(command)) => run_key_command(name, command)?,
        (None, None, None) => {
            return Err(usage(format!(
                "profile '{name}' in {} has no key: add key = \"...\", key_env = \"VAR\" or key_command = \"pass show smm/{name}\"",
                path.display()
            )));
        }
        _ => {
            return Err(usage(format!(
                "profile '{name}' in {}: set one of key, key_env and key_command, not several",
                path.display()
            )));
        }
    })
}

/// The rest of a profile: every limit and duration checked.
fn settings(
    name: &str,
    def: &ProfileDef,
    path: &Path,
    url: reqwest::Url,
    key: Secret,
) -> anyhow::Result<Profile> {
    if def.concurrency.is_some_and(|c| !(1..=16).contains(&c)) {
        return Err(usage(format!(
            "profile '{name}' in {}: concurrency must be between 1 and 16",
            path.display()
        )));
    }
    if def.attempts.is_some_and(|a| !(1..=10).contains(&a)) {
        return Err(usage(format!(
            "profile '{name}' in {}: attempts must be between 1 and 10",
            path.display()
        )));
    }
    if def.max_rpm == Some(0) {
        return Err(usage(format!(
            "profile '{name}' in {}: max_rpm must be at least 1 (leave it out for no pacing)",
            path.display()
        )));
    }
    let services_ttl = match &def.services_ttl {
        None => crate::cache::DEFAULT_TTL,
        Some(text) => crate::time::parse_duration(text).map_err(|e| {
            usage(format!(
                "profile '{name}' in {}: services_ttl {e}",
                path.display()
            ))
        })?,
    };
    let duplicate_window = match &def.duplicate_window {
        None => DEFAULT_DUPLICATE_WINDOW,
        Some(text) => crate::time::parse_duration(text).map_err(|e| {
            usage(format!(
                "profile '{name}' in {}: duplicate_window {e}",
                path.display()
            ))
        })?,
    };
    let stalled_after = match &def.stalled_after {
        None => DEFAULT_STALLED_AFTER,
        Some(text) => crate::time::parse_duration(text).map_err(|e| {
            usage(format!(
                "profile '{name}' in {}: stalled_after {e}",
                path.display()
            ))
        })?,
    };
    let alert_repeat = match &def.alert_repeat {
        None => None,
        Some(text) => Some(crate::time::parse_duration(text).map_err(|e| {
            usage(format!(
                "profile '{name}' in {}: alert_repeat {e}",
                path.display()
            ))
        })?),
    };
    let duration = |setting: &str, text: &Option<String>, default: u64| match text {
        None => Ok(default),
        Some(text) => crate::time::parse_duration(text).map_err(|e| {
            usage(format!(
                "profile '{name}' in {}: {setting} {e}",
                path.display()
            ))
        }),
    };
    let defaults = Refills::default();
    let refills = Refills {
        period: duration("refill_period", &def.refill_period, defaults.period)?,
        every: duration("refill_every", &def.refill_every, defaults.every)?,
        auto: def.auto_refill.unwrap_or(defaults.auto),
    };
    let low_balance = match &def.low_balance {
        None => None,
        Some(text) => Some(
            crate::money::parse(text)
                .filter(|d| !d.is_sign_negative())
                .ok_or_else(|| {
                    usage(format!(
                        "profile '{name}' in {}: low_balance '{text}' is not an amount like \"10.00\"",
                        path.display()
                    ))
                })?,
        ),
    };
    if key.is_empty() {
        return Err(usage(format!(
            "profile '{name}' in {} has an empty key",
            path.display()
        )));
    }
    Ok(Profile {
        name: name.to_string(),
        url,
        key,
        api: def.api,
        concurrency: def.concurrency,
        max_rpm: def.max_rpm,
        attempts: def.attempts.unwrap_or(DEFAULT_ATTEMPTS),
        duplicate_window,
        services_ttl,
        low_balance,
        stalled_after,
        refills,
        alert_repeat,
        user_agent: def
            .user_agent
            .clone()
            .unwrap_or_else(|| format!("smm/{}", env!("CARGO_PKG_VERSION"))),
    })
}

/// Writes the starter file at `path` with mode 0600 (a missing directory 0700); refuses to
/// overwrite an existing file.
pub fn init(path: &Path) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::config::private::create_dir(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut file = match private::write_private(path, private::Existing::Refuse) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(usage(format!(
                "{} already exists: edit it, or pass --config PATH to write a new file elsewhere",
                path.display()
            )));
        }
        Err(e) => return Err(usage(format!("cannot create {}: {e}", path.display()))),
    };
    std::io::Write::write_all(&mut file, STARTER.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_file_has_only_commented_profiles() {
        let file = parse(STARTER).unwrap();
        assert_eq!(file.default_profile, None);
        assert!(file.profiles.is_empty());
    }

    #[test]
    fn toml_errors_name_the_line() {
        let err = parse("default_profile = \"a\"\n[profiles.a]\nurl = \n").unwrap_err();
        assert!(err.starts_with("line 3:"), "{err}");
        let err = parse("[profiles.a]\nurl = \"https://x\"\nkye = \"k\"\n").unwrap_err();
        assert!(err.contains("line 3") && err.contains("kye"), "{err}");
    }

    #[test]
    fn type_errors_never_show_the_value() {
        let err = parse("[profiles.a]\nurl = \"https://x\"\nkey = 123456789\n").unwrap_err();
        assert!(
            err.contains("line 3") && !err.contains("123456789"),
            "{err}"
        );
        assert_eq!(
            display_url("https://p.example/api/v2?key=abc"),
            "https://p.example/api/v2?…"
        );
        assert_eq!(
            display_url("https://u:pw@p.example/api/v2"),
            "https://…@p.example/api/v2"
        );
    }

    #[test]
    fn urls_that_do_not_parse_are_shown_without_their_secrets() {
        for (url, shown) in [
            (
                "https://panel.example:99999/api/v2?api_key=SK1",
                "https://panel.example:99999/api/v2?…",
            ),
            ("ftp://panel.example/x?key=SK1", "ftp://panel.example/x?…"),
            (
                "https://u:SK1@panel.example:99999/",
                "https://…@panel.example:99999/",
            ),
            ("https://panel.example/#key=SK1", "https://panel.example/#…"),
            (" panel.example/api?token=SK1 ", "panel.example/api?…"),
        ] {
            assert_eq!(display_url(url), shown);
        }
        assert_eq!(
            key_command_shown("PASSWORD_STORE_DIR=/x pass show smm/SK1"),
            "key_command `pass …`"
        );
        assert_eq!(key_command_shown("A=SK1"), "key_command");
    }

    #[test]
    fn unknown_api_is_refused() {
        assert!(parse("[profiles.a]\nurl = \"https://x\"\napi = \"v9\"\n").is_err());
    }
}
