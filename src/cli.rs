//! The command line: global flags and one subcommand per API action.

use crate::order::OrderFields;
use clap::{Args, Parser, Subcommand};
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
    after_help = crate::exit::EXIT_CODES_HELP,
    after_long_help = crate::exit::EXIT_CODES_HELP
)]
pub struct Cli {
    /// Flags that work before or after the subcommand.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Flags accepted anywhere on the command line.
#[derive(Debug, Args)]
pub struct Global {
    /// Profile (panel) to use [default: default_profile, or the only profile]
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

    /// Show each request (method, URL, fields with the key masked), HTTP status and time on stderr
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
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the account balance (action=balance)
    Balance(BalanceArgs),
    /// List the panel's services (action=services)
    Services(ServicesArgs),
    /// Place orders (action=add)
    #[command(subcommand)]
    Order(OrderCommand),
    /// Show the status of orders (action=status)
    Status(IdArgs),
    /// Ask for a refill of orders (action=refill)
    Refill(IdArgs),
    /// Show the status of refills, by refill id (action=refill_status)
    RefillStatus(IdArgs),
    /// Ask the panel to cancel orders (action=cancel)
    Cancel(IdArgs),
    /// Follow orders until they finish: Completed, Partial or Canceled (polls action=status)
    Watch(WatchArgs),
    /// The order book: what was placed, where, at what cost, with what outcome
    Orders(OrdersArgs),
    /// Bring the order book up to date from every panel: statuses, balances, catalogue changes;
    /// alerts for cron
    Sync(SyncArgs),
    /// useapi.net Pika accounts (profiles with api = "useapi")
    #[command(subcommand)]
    Pika(PikaCommand),
    /// Show or create the config file
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Run the built-in sandbox panel on 127.0.0.1: try smm with no account
    Sandbox(SandboxArgs),
    /// Walk through smm's main job against a built-in sandbox panel (no config needed)
    Demo,
    /// Print a shell completion script
    Completions {
        /// The shell to generate for
        shell: clap_complete::Shell,
    },
}

/// `smm balance` options.
#[derive(Debug, Args)]
pub struct BalanceArgs {
    /// Every panel profile of the config file at once, one row each
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

/// Filters for `smm services`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ServicesArgs {
    /// What else to do with catalogues
    #[command(subcommand)]
    pub command: Option<ServicesCommand>,
    /// Every panel profile of the config file at once, with a PROFILE column
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
    Changes(ChangesArgs),
}

/// `smm services changes` options.
#[derive(Debug, Args)]
pub struct ChangesArgs {
    /// Only changes seen within this long (24h, 7d)
    #[arg(long, value_name = "DURATION", value_parser = crate::time::parse_duration)]
    pub since: Option<u64>,
}

/// `smm sync` options (`-p a,b` picks profiles; `-q` prints only the alerts).
#[derive(Debug, Args)]
#[command(
    after_help = "For each panel profile (all by default, or -p NAME[,NAME…]), at once: the \
    status of every unfinished order placed on it (chunks of 100; finished orders are never asked \
    again), its balance, and its catalogue compared with the last sync. Alerts: a balance under \
    the profile's low_balance, a panel that cannot be reached, an order unchanged for \
    stalled_after (24h), an order that ended Partial or Canceled. -q prints only the alerts (for \
    cron mail).\n\nExit codes: 0 no alert; 3 alerts; 1 every panel failed; 2 bad input or config."
)]
pub struct SyncArgs {}

/// `smm order …`
#[derive(Debug, Subcommand)]
pub enum OrderCommand {
    /// Place one order
    Add(Box<AddArgs>),
}

/// The fields of an order; which ones a service needs depends on its type.
#[derive(Debug, Args)]
#[command(
    after_help = "List fields (--comments, --usernames, --hashtags, --keywords, --groups) take text \
    or @FILE and are sent one item per line. --comments splits on newlines only (a comment may \
    contain commas); the others split on newlines and commas."
)]
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
#[command(
    after_help = "IDS: one or more arguments, each a comma-separated list (1,10,100); - reads ids \
    from stdin. Duplicates are dropped; more than 100 ids are sent in chunks of 100."
)]
pub struct IdArgs {
    /// Ids: comma-separated lists, or - for stdin
    #[arg(value_name = "IDS")]
    pub ids: Vec<String>,
    /// Read ids from a file (separated by commas, spaces or newlines)
    #[arg(short, long, value_name = "PATH")]
    pub file: Option<PathBuf>,
}

/// Options of the sandbox panel.
#[derive(Debug, Args)]
#[command(
    after_help = "The sandbox answers the SMM API v2 at http://127.0.0.1:PORT/api/v2 like a real panel: \
    real error texts with HTTP 200, a balance that pays for orders, orders that move Pending -> \
    In progress -> Completed/Partial over an accelerated clock (orders whose id is a multiple of 7 end Partial), \
    refills and cancels. It listens on 127.0.0.1 only. --flavor smartpanel or ownsmm makes it answer \
    like those families of panel software (success wrappers, snake_case types, numeric codes beside \
    errors, other status spellings) with the same orders and rules."
)]
pub struct SandboxArgs {
    /// Port on 127.0.0.1 (0 picks a free one)
    #[arg(long, default_value_t = 7000)]
    pub port: u16,
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
#[command(after_help = "The order book is an SQLite file in the data directory \
    (~/.local/share/smm/orders.db on Linux; SMM_DATA_DIR moves it). -p NAME shows one profile's \
    orders. Amounts are exact; totals are per currency.")]
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
    #[command(subcommand)]
    Account(AccountCommand),
}

/// `smm pika account …`
#[derive(Debug, Subcommand)]
#[command(
    after_help = "useapi.net retired its Pika API in December 2025; these commands follow its \
    documented contract, for compatible endpoints."
)]
pub enum AccountCommand {
    /// List the configured accounts (GET /pika/account; Discord tokens masked)
    List,
    /// Add or update an account (POST /pika/account/CHANNEL)
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
    Delete {
        /// Discord channel id (17-20 digits)
        channel: String,
    },
}

/// `smm watch` options.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 every order Completed; 3 some ended Partial, Canceled or with an \
    error; 130 stopped with Ctrl-C (the orders go on)."
)]
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
    Path,
    /// Show the profiles, their URLs and where each key comes from (keys masked)
    Show,
    /// Write a commented starter config file (mode 0600); never overwrites
    Init,
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
