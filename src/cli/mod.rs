//! The command line: global flags and one subcommand per API action.

pub mod help;
mod order_fields;
pub mod settings;
pub mod usage;

pub use crate::cli::settings::Source;
use clap::parser::ValueSource;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
pub use order_fields::OrderFields;
use std::path::PathBuf;
use std::time::Duration;

/// smm — a fast, safe, scriptable client for SMM panel APIs.
#[derive(Debug, Parser)]
#[command(
    name = "smm",
    version,
    about = "A fast, safe, scriptable client for SMM panel APIs",
    long_about = "A fast, safe, scriptable client for SMM panel APIs.\n\n\
        Each subcommand is one API action of the panel named by the profile. Output is a table, \
        the panel's JSON as it came (--json, for jq), or CSV/TSV for spreadsheets (--format).",
    after_help = help::top()
)]
pub struct Cli {
    /// Flags that work before or after the subcommand.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Flags accepted anywhere on the command line (shown after each command's own, under their
/// own heading).
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Profile (panel) to use [default: default_profile, or the only profile]; with --all, a
    /// comma-separated list of the profiles to ask
    #[arg(
        short = 'p',
        long,
        global = true,
        env = "SMM_PROFILE",
        value_name = "NAME"
    )]
    pub profile: Option<String>,

    /// Config file [default: ~/.config/smm/config.toml]
    #[arg(long, global = true, env = "SMM_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Print the panel's JSON answer instead of a table (short for --format json)
    #[arg(long, global = true, conflicts_with = "format")]
    pub json: bool,

    /// Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<crate::output::Format>,

    /// Seconds to wait for the panel's answer
    #[arg(long, global = true, value_name = "SECS", default_value = "30", value_parser = parse_timeout)]
    pub timeout: Duration,

    /// Say which config file and profile are used and why, then show each request (method, URL,
    /// fields with the key masked), HTTP status and time on stderr
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// No progress bar and no notes on stderr (errors are still shown)
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Fetch the service catalogue from the panel, not from the local cache
    #[arg(long, global = true)]
    pub refresh: bool,

    /// Chunks of 100 ids in flight at once [default: the profile's concurrency, else 4]
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=16))]
    pub concurrency: Option<u8>,

    /// Where `--profile` came from (set by `parse`, not a flag).
    #[arg(skip)]
    pub profile_source: Source,

    /// Where `--config` came from (set by `parse`, not a flag).
    #[arg(skip)]
    pub config_source: Source,
}

/// Where `id`'s value came from in `matches`.
fn source_of(matches: &ArgMatches, id: &str) -> Source {
    match matches.value_source(id) {
        Some(ValueSource::CommandLine) => Source::Flag,
        Some(ValueSource::EnvVariable) => Source::Env,
        _ => Source::None,
    }
}

/// The global flags that mean nothing for a subcommand, hidden from its help (still accepted).
fn meaningless(subcommand: &str) -> &'static [&'static str] {
    const ALL: &[&str] = &[
        "profile",
        "config",
        "json",
        "format",
        "timeout",
        "verbose",
        "quiet",
        "refresh",
        "concurrency",
    ];
    match subcommand {
        // The sandbox reads only -v (its request log) and -q.
        "sandbox" => &[
            "profile",
            "config",
            "json",
            "format",
            "timeout",
            "refresh",
            "concurrency",
        ],
        "completions" | "demo" => ALL,
        // The server always answers in JSON and sends one request at a time per tool.
        "mcp" => &["json", "format", "concurrency"],
        // Config commands read the file: never the network or the catalogue.
        "config" => &["timeout", "refresh", "concurrency"],
        _ => &[],
    }
}

/// The command-line interface smm parses with (and documents: completions, man page): the
/// derived tree, where each subcommand for which a global flag means nothing gets a hidden copy
/// of it. clap propagates a global flag only to subcommands that do not define it themselves,
/// so the flag is still accepted there (and still reaches `Global`), but not shown in its help.
pub fn command() -> clap::Command {
    let cmd = Cli::command();
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    cmd.mut_subcommands(|sub| {
        let hidden = meaningless(sub.get_name());
        globals
            .iter()
            .filter(|a| hidden.contains(&a.get_id().as_str()))
            .fold(sub, |sub, a| sub.arg(a.clone().hide(true)))
    })
}

/// Parses the process's arguments (see `parse_from`).
pub fn parse() -> Result<Cli, clap::Error> {
    parse_from(std::env::args_os())
}

/// Parses `args` with `command()`, noting where `--profile` and `--config` came from.
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let matches = command().try_get_matches_from(args)?;
    let mut cli = Cli::from_arg_matches(&matches)?;
    cli.global.profile_source = source_of(&matches, "profile");
    cli.global.config_source = source_of(&matches, "config");
    Ok(cli)
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the account balance (action=balance)
    #[command(after_help = help::BALANCE)]
    Balance(BalanceArgs),
    /// List the panel's services, or only those with the given ids (action=services)
    #[command(after_help = help::SERVICES)]
    Services(ServicesArgs),
    /// Place orders (action=add): `smm order add`
    #[command(subcommand, after_help = help::ORDER)]
    Order(OrderCommand),
    /// Show the status of orders (action=status)
    #[command(after_help = help::STATUS)]
    Status(IdArgs),
    /// Ask for a refill of orders, or of every order that is due (action=refill)
    #[command(after_help = help::REFILL)]
    Refill(RefillArgs),
    /// Show the status of refills, by refill id, or follow every unfinished refill of the order
    /// book (action=refill_status)
    #[command(after_help = help::REFILL_STATUS)]
    RefillStatus(IdArgs),
    /// The refills of the order book, newest first: what was asked, what came back
    #[command(after_help = help::REFILLS)]
    Refills(RefillsArgs),
    /// Ask the panel to cancel orders (action=cancel)
    #[command(after_help = help::CANCEL)]
    Cancel(IdArgs),
    /// Follow orders until they finish: Completed, Partial or Canceled (polls action=status)
    #[command(after_help = help::WATCH)]
    Watch(WatchArgs),
    /// The order book: what was placed, where, at what cost, with what outcome
    #[command(after_help = help::ORDERS)]
    Orders(OrdersArgs),
    /// Show routes: each candidate's rate, limits, balance, whether it can take an order now,
    /// and the margin against the route's sell price
    #[command(after_help = help::ROUTES)]
    Routes(RoutesArgs),
    /// Bring the order book up to date from every panel: statuses, balances, catalogue changes;
    /// alerts for cron
    Sync(SyncArgs),
    /// Which order book is in use (`smm book info`), or copy one into another (`smm book copy`)
    #[command(subcommand, after_help = help::BOOK)]
    Book(BookCommand),
    /// Serve smm to AI assistants over the Model Context Protocol (stdio): balances, services,
    /// quotes, orders through the order book, status, refills, sync
    #[command(after_help = help::MCP)]
    Mcp,
    /// useapi.net Pika accounts (profiles with api = "useapi")
    #[command(subcommand, after_help = help::PIKA)]
    Pika(PikaCommand),
    /// Show, create or add profiles to the config file
    #[command(subcommand, after_help = help::CONFIG)]
    Config(ConfigCommand),
    /// Run the built-in sandbox panel on 127.0.0.1: try smm with no account
    #[command(after_help = help::SANDBOX)]
    Sandbox(SandboxArgs),
    /// Walk through smm's main job against a built-in sandbox panel (no config needed)
    #[command(after_help = help::DEMO)]
    Demo,
    /// Print a shell completion script (see --help for where to install it)
    #[command(after_help = help::COMPLETIONS)]
    Completions {
        /// The shell to generate for
        shell: clap_complete::Shell,
    },
}

/// `smm book` subcommands.
#[derive(Debug, Subcommand)]
pub enum BookCommand {
    /// Which book is in use: backend, where (never a password), schema version, counts
    #[command(after_help = help::BOOK)]
    Info,
    /// Copy every order (with its status history), balance, catalogue snapshot and alert of
    /// one book into another, keyed by entry ids: a second run copies nothing new
    #[command(after_help = help::BOOK)]
    Copy(BookCopyArgs),
}

/// `smm book copy` options.
#[derive(Debug, Args)]
pub struct BookCopyArgs {
    /// The book to copy into: a file path or postgres://USER@HOST[:PORT]/DB
    #[arg(long, value_name = "PATH|URL")]
    pub to: String,
    /// The book to copy from (default: the one in use)
    #[arg(long, value_name = "PATH|URL")]
    pub from: Option<String>,
}

/// `smm balance` options.
#[derive(Debug, Args)]
pub struct BalanceArgs {
    /// Every panel profile of the config file (or those -p names) at once, one row each
    #[arg(long)]
    pub all: bool,
}

/// How `smm services` orders its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortBy {
    /// Cheapest first (unknown rates last)
    Rate,
    /// By name
    Name,
    /// Smallest minimum first
    Min,
    /// Largest maximum first
    Max,
}

/// Filters for `smm services`. A positional id list and subcommands (`smm services changes`,
/// say) can coexist: a word that names a subcommand is the subcommand, then no ids are taken.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ServicesArgs {
    /// What else to do with catalogues
    #[command(subcommand)]
    pub command: Option<ServicesCommand>,
    /// Only these services, in this order: ids, each a comma-separated list
    #[arg(value_name = "IDS", conflicts_with = "all")]
    pub ids: Vec<String>,
    /// Every panel profile of the config file (or those -p names) at once, with a PROFILE column
    #[arg(long)]
    pub all: bool,
    /// Order the rows (default: the panel's order)
    #[arg(long, value_enum, value_name = "KEY")]
    pub sort: Option<SortBy>,
    /// Only services whose category contains TEXT (case-insensitive)
    #[arg(long, value_name = "TEXT")]
    pub category: Option<String>,
    /// Only services whose name or category contains every word of TEXT (case-insensitive)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only services whose type contains TEXT (case, spaces and underscores ignored)
    #[arg(long = "type", value_name = "TEXT")]
    pub kind: Option<String>,
}

/// `smm services …`
#[derive(Debug, Subcommand)]
pub enum ServicesCommand {
    /// The catalogue changes `smm sync` recorded, newest first
    #[command(after_help = help::SERVICES_CHANGES)]
    Changes(ChangesArgs),
}

/// `smm services changes` options.
#[derive(Debug, Args)]
pub struct ChangesArgs {
    /// Only changes seen within this long (24h, 7d)
    #[arg(long, value_name = "DURATION", value_parser = crate::time::parse_duration)]
    pub since: Option<u64>,
}

/// `smm routes` options.
#[derive(Debug, Args)]
pub struct RoutesArgs {
    /// Only this route
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
}

/// `smm sync` options (`-p a,b` picks profiles; `-q` prints only the alerts).
#[derive(Debug, Args)]
#[command(after_help = help::SYNC)]
pub struct SyncArgs {}

/// `smm order …`
#[derive(Debug, Subcommand)]
pub enum OrderCommand {
    /// Place one order, or every order of a bulk file
    #[command(after_help = help::ORDER_ADD)]
    Add(Box<AddArgs>),
}

/// The fields of an order; which ones a service needs depends on its type.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The order's fields: one flag per row of `crate::order::FIELDS` (`--service`, `--link`,
    /// `--quantity`, …), checked by `Order::from_values`.
    #[command(flatten)]
    pub fields: OrderFields,
    /// Place every order of a bulk file: `service|link|quantity` lines, or CSV with a header
    /// (service,link,quantity[,runs,interval,comments,…]); - reads stdin
    #[arg(short, long, value_name = "PATH|-")]
    pub file: Option<PathBuf>,
    /// Place a bulk file's orders without asking (needed when stdin is not a terminal)
    #[arg(short, long, requires = "file")]
    pub yes: bool,

    /// Place it through a route of the config file (`[routes.NAME]`): the best of its
    /// candidate providers that can take it, moving on only after a definite refusal
    #[arg(long, value_name = "NAME", conflicts_with_all = ["service", "file"])]
    pub route: Option<String>,

    /// Check the order against the catalogue and balance, print its cost, send nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Place it even if the order book shows the same order (profile, service, link, quantity)
    /// within the duplicate window
    #[arg(long)]
    pub force: bool,
}

/// Ids for the batch commands.
#[derive(Debug, Args)]
pub struct IdArgs {
    /// Ids: comma-separated lists, or - for stdin
    #[arg(value_name = "IDS")]
    pub ids: Vec<String>,
    /// Read ids from a file (separated by commas, spaces or newlines)
    #[arg(short, long, value_name = "PATH")]
    pub file: Option<PathBuf>,
}

/// `smm refill` options: ids, or `--due`.
#[derive(Debug, Args)]
pub struct RefillArgs {
    /// The orders to refill
    #[command(flatten)]
    pub ids: IdArgs,
    /// Send a refill for every order that is due (finished, refillable, within refill_period,
    /// none pending or asked within refill_every, never refused as disabled); -p a,b picks
    /// profiles (default: every panel profile)
    #[arg(long, conflicts_with_all = ["ids", "file"])]
    pub due: bool,
    /// With --due: list the due orders and send nothing
    #[arg(long, requires = "due")]
    pub dry_run: bool,
}

/// `smm refills`: the refills of the order book, filtered.
#[derive(Debug, Args)]
pub struct RefillsArgs {
    /// Only refills asked within this long (30m, 24h, 7d)
    #[arg(long, value_name = "DURATION", value_parser = crate::time::parse_duration)]
    pub since: Option<u64>,
    /// Only refills in this state: Unknown, Refused, Pending, "In progress", Completed,
    /// Rejected, "Not found" (any panel spelling)
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// Show the newest N (0 = all)
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: usize,
}

/// Options of the sandbox panel.
#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// Port on 127.0.0.1 (0 picks a free one)
    #[arg(long, default_value_t = 7000)]
    pub port: u16,
    /// Add the sandbox's profile to the config file (as NAME, default "sandbox"), like
    /// `smm config add`; an existing profile of that name is left alone if it points here
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = "sandbox")]
    pub add_profile: Option<String>,
    /// Milliseconds added to every answer
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub latency_ms: u64,
    /// Generated services on top of the seed's two
    #[arg(long, value_name = "N", default_value_t = 12)]
    pub services: usize,
    /// The API key the sandbox accepts
    #[arg(long, default_value = "sandbox")]
    pub key: String,
    /// Starting balance in USD
    #[arg(long, value_name = "AMOUNT", default_value = "100.00", value_parser = parse_amount)]
    pub balance: rust_decimal::Decimal,
    /// Virtual seconds per real second: an order takes 30 virtual minutes (30 s at the default)
    #[arg(long, value_name = "X", default_value_t = 60.0)]
    pub speed: f64,
    /// Answer like the seed page (standard) or like SmartPanel- or OwnSMM-style panels
    #[arg(long, value_name = "FLAVOR", value_enum, default_value_t = crate::sandbox::Flavor::Standard)]
    pub flavor: crate::sandbox::Flavor,
    /// Begin at order 23501 again, forgetting the ids earlier sandboxes gave
    #[arg(long)]
    pub fresh: bool,
    /// Inject a fault: an HTML error page (503), a 502, a 429 with Retry-After, or a slow answer
    #[arg(long, value_name = "KIND", help_heading = "Faults")]
    pub fault: Option<crate::sandbox::FaultKind>,
    /// Only the first N requests get the fault
    #[arg(
        long,
        value_name = "N",
        requires = "fault",
        conflicts_with = "fault_ratio",
        help_heading = "Faults"
    )]
    pub fault_first: Option<u64>,
    /// Only this fraction of requests (evenly spread, 0.25 = every 4th) gets the fault
    #[arg(long, value_name = "F", requires = "fault", value_parser = parse_ratio, help_heading = "Faults")]
    pub fault_ratio: Option<f64>,
    /// Retry-After seconds sent with a 429
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 1,
        help_heading = "Faults"
    )]
    pub retry_after: u64,
    /// Delay of a slow answer, in milliseconds
    #[arg(
        long,
        value_name = "MS",
        default_value_t = 5000,
        help_heading = "Faults"
    )]
    pub slow_ms: u64,
}

/// `smm orders`: the order book, filtered.
#[derive(Debug, Args)]
pub struct OrdersArgs {
    /// Only orders placed within this long (30m, 24h, 7d)
    #[arg(long, value_name = "DURATION", value_parser = crate::time::parse_duration)]
    pub since: Option<u64>,
    /// Only orders whose last status seen is TEXT (case-insensitive)
    #[arg(long, value_name = "TEXT")]
    pub status: Option<String>,
    /// Only orders with this outcome
    #[arg(long, value_enum, value_name = "OUTCOME")]
    pub outcome: Option<crate::book::Outcome>,
    /// Only orders placed through this route (`order add --route`)
    #[arg(long, value_name = "NAME")]
    pub route: Option<String>,
    /// Show the newest N (0 = all)
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: usize,
    /// Group: order count, total cost and total charge per currency
    #[arg(long, value_enum, value_name = "KEY", conflicts_with = "check")]
    pub by: Option<crate::book::GroupBy>,
    /// Ask the panels for the status of every order not known to be finished
    #[arg(long)]
    pub check: bool,
}

/// `smm pika …`
#[derive(Debug, Subcommand)]
pub enum PikaCommand {
    /// The Discord accounts useapi.net drives Pika with
    #[command(subcommand, after_help = help::PIKA)]
    Account(AccountCommand),
}

/// `smm pika account …`
#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// List the configured accounts (GET /pika/account; Discord tokens masked)
    #[command(after_help = help::PIKA)]
    List,
    /// Add or update an account (POST /pika/account/CHANNEL)
    #[command(after_help = help::PIKA)]
    Set {
        /// Discord channel id (17-20 digits)
        channel: String,
        /// Discord token, or - to read it from stdin [default: $SMM_DISCORD_TOKEN]
        #[arg(long, value_name = "TOKEN|-")]
        discord: Option<String>,
        /// Pika jobs to run at once (1-10)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=10))]
        max_jobs: u8,
    },
    /// Remove an account (DELETE /pika/account/CHANNEL)
    #[command(after_help = help::PIKA)]
    Delete {
        /// Discord channel id (17-20 digits)
        channel: String,
    },
}

/// `smm watch` options.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The orders to follow
    #[command(flatten)]
    pub ids: IdArgs,
    /// Time between polls (10s, 30s, 5m)
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = crate::time::parse_duration)]
    pub every: u64,
}

/// `smm config …`
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the path of the config file smm reads
    #[command(after_help = help::CONFIG)]
    Path,
    /// Show the profiles, their URLs and where each key comes from (keys masked)
    #[command(after_help = help::CONFIG)]
    Show,
    /// Write a starter config file whose profiles are commented examples (mode 0600); never
    /// overwrites
    #[command(after_help = help::CONFIG)]
    Init,
    /// Add a profile to the config file (creating the file when missing)
    #[command(after_help = help::CONFIG_ADD)]
    Add(ConfigAddArgs),
    /// Remove a profile from the config file (comments and layout kept)
    #[command(after_help = help::CONFIG)]
    Remove {
        /// The profile to remove
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Make a profile the default (default_profile)
    #[command(after_help = help::CONFIG)]
    SetDefault {
        /// The profile commands use without -p
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Change one setting of a profile (-p NAME, else the one commands use), checked as smm
    /// reads it
    #[command(after_help = help::CONFIG)]
    Set {
        /// The setting: url, api, key_env, key_command, allow_http, user_agent, concurrency,
        /// max_rpm, attempts, duplicate_window, services_ttl, low_balance, stalled_after,
        /// refill_period, refill_every, auto_refill, alert_repeat
        #[arg(value_name = "KEY")]
        key: String,
        /// Its new value
        #[arg(value_name = "VALUE")]
        value: String,
    },
    /// The profile names, one a line (for shell completion of -p)
    #[command(hide = true, after_help = help::CONFIG)]
    Names,
}

/// `smm config add NAME --url URL (--key-env VAR | --key-command CMD | --key -)`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("key_source").required(true).args(["key_env", "key_command", "key"])))]
pub struct ConfigAddArgs {
    /// The profile's name (letters, digits, - and _), used with -p NAME
    #[arg(value_name = "NAME")]
    pub name: String,
    /// The panel's API endpoint, from its API page
    #[arg(long, value_name = "URL")]
    pub url: String,
    /// Read the key from this environment variable at every run
    #[arg(long, value_name = "VAR")]
    pub key_env: Option<String>,
    /// Run this command at every run; the first line it prints is the key
    #[arg(long, value_name = "CMD")]
    pub key_command: Option<String>,
    /// `-`: read the key from stdin now and write it into the file (it stays out of your shell
    /// history)
    #[arg(long, value_name = "-")]
    pub key: Option<String>,
    /// The API the panel speaks
    #[arg(long, value_enum, value_name = "API", default_value = "v2")]
    pub api: crate::config::Api,
    /// Replace a profile of that name
    #[arg(long)]
    pub force: bool,
    /// Make it the default profile (default_profile)
    #[arg(long)]
    pub default: bool,
    /// Allow a plain http:// url to another machine (the key then crosses the network
    /// unencrypted)
    #[arg(long)]
    pub allow_http: bool,
}

/// Parses a money amount exactly.
fn parse_amount(s: &str) -> Result<rust_decimal::Decimal, String> {
    crate::money::parse(s)
        .filter(|d| !d.is_sign_negative())
        .ok_or_else(|| format!("'{s}' is not an amount like 100.00"))
}

/// Parses a fraction between 0 and 1.
fn parse_ratio(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(r) if r > 0.0 && r <= 1.0 => Ok(r),
        _ => Err(format!(
            "'{s}' is not a fraction between 0 and 1 (like 0.25)"
        )),
    }
}

/// Parses `--timeout`: seconds, fractions allowed, more than zero.
fn parse_timeout(s: &str) -> Result<Duration, String> {
    let secs: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("'{s}' is not a number of seconds"))?;
    if !(secs > 0.0 && secs <= 86_400.0) {
        return Err(format!(
            "'{s}' must be more than 0 and at most 86400 seconds"
        ));
    }
    Ok(Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
        command().debug_assert();
    }

    #[test]
    fn the_top_help_ends_with_the_exit_codes() {
        assert!(help::top().ends_with(crate::exit::EXIT_CODES_HELP));
    }

    #[test]
    fn every_command_has_examples() {
        fn check(cmd: &clap::Command, path: &str) {
            let help = cmd
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            assert!(help.contains("Examples:\n  "), "{path} has no examples");
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                check(sub, &format!("{path} {}", sub.get_name()));
            }
        }
        check(&command(), "smm");
    }

    #[test]
    fn global_flags_come_last_under_their_own_heading() {
        let mut cmd = command();
        cmd.build();
        let help = cmd
            .find_subcommand_mut("order")
            .and_then(|o| o.find_subcommand_mut("add"))
            .unwrap()
            .render_help()
            .to_string();
        let own = help.find("--service").unwrap();
        let global = help.find("Global options:").unwrap();
        assert!(
            own < global && help[global..].contains("--timeout"),
            "{help}"
        );
        assert!(!help[..global].contains("--timeout"), "{help}");
    }

    #[test]
    fn flags_that_mean_nothing_are_hidden_but_accepted() {
        let mut cmd = command();
        cmd.build();
        let sandbox = cmd.find_subcommand_mut("sandbox").unwrap();
        let help = sandbox.render_long_help().to_string();
        for hidden in [
            "--json",
            "--refresh",
            "--concurrency",
            "--profile",
            "--timeout",
        ] {
            assert!(!help.contains(hidden), "{hidden} in {help}");
        }
        assert!(help.contains("--verbose"), "{help}");
        let mut cmd = command();
        cmd.build();
        let config = cmd.find_subcommand_mut("config").unwrap();
        let add = config.find_subcommand_mut("add").unwrap();
        let help = add.render_long_help().to_string();
        assert!(
            !help.contains("--refresh") && help.contains("--config"),
            "{help}"
        );
        parse_from(["smm", "sandbox", "--json", "--port", "0"]).unwrap();
    }

    #[test]
    fn services_takes_ids_and_a_changes_subcommand() {
        let cli = parse_from(["smm", "services", "1448", "1452,2000"]).unwrap();
        let Command::Services(args) = cli.command else {
            panic!("not services")
        };
        assert_eq!(args.ids, ["1448", "1452,2000"]);
        assert!(args.command.is_none());
        assert!(parse_from(["smm", "services", "1448", "--all"]).is_err());
        // The word is the subcommand; ids still work beside it.
        let cli = parse_from(["smm", "services", "changes", "--since", "7d"]).unwrap();
        let Command::Services(args) = cli.command else {
            panic!("not services")
        };
        assert!(matches!(
            args.command,
            Some(ServicesCommand::Changes(ChangesArgs {
                since: Some(604_800)
            }))
        ));
        assert!(args.ids.is_empty());
    }

    #[test]
    fn where_the_profile_came_from() {
        let cli = parse_from(["smm", "balance", "-p", "a"]).unwrap();
        assert_eq!(cli.global.profile_source, Source::Flag);
        if std::env::var_os("SMM_PROFILE").is_none() {
            let cli = parse_from(["smm", "balance"]).unwrap();
            assert_eq!(cli.global.profile_source, Source::None);
        }
    }

    #[test]
    fn global_flags_work_after_the_subcommand() {
        let a = Cli::try_parse_from(["smm", "--json", "-p", "x", "balance"]).unwrap();
        let b = Cli::try_parse_from(["smm", "balance", "--json", "-p", "x"]).unwrap();
        assert!(a.global.json && b.global.json);
        assert_eq!(a.global.profile, b.global.profile);
    }

    #[test]
    fn timeout_parses_fractions_and_refuses_zero() {
        assert_eq!(parse_timeout("1.5").unwrap(), Duration::from_millis(1500));
        assert!(parse_timeout("0").is_err());
        assert!(parse_timeout("x").is_err());
    }
}
