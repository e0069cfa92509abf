//! The EXAMPLES sections of `--help` (and of the man page): real command lines, the common
//! cases first. Every line works against `smm sandbox --add-profile` (profile `sandbox`, orders
//! 23491–23500 already there); `tests/cli/help.rs` runs them.

/// The ids paragraph, then `examples`.
macro_rules! with_ids {
    ($examples:literal) => {
        concat!(
            "IDS: one or more arguments, each a comma-separated list (1,10,100); - reads ids from \
             stdin. Duplicates are dropped; more than 100 ids are sent in chunks of 100.\n",
            $examples
        )
    };
}

/// `smm --help`: the examples (`top` adds the exit codes).
pub const SMM: &str = "\
Examples:
  smm demo                             # a tour on a built-in sandbox panel
  smm sandbox --add-profile            # a local test panel, profile 'sandbox'
  smm config add pica --url https://pica-smm.com/api2/v2 --key-env PICA_KEY
  smm balance                          # the default profile's balance
  smm services --search \"instagram followers\" --sort rate
  smm order add --service 1448 --link https://instagram.com/p/abc \\
      --quantity 500 --dry-run
  smm status 23491,23492
  smm -p sandbox balance --all         # -p with --all: only the profiles named
  smm orders --since 24h               # the order book: cost, outcome, status
  smm sync -q                          # for cron: statuses, balances, alerts";

/// `smm --help`: the examples, then the exit codes (from `exit`, their one home).
pub fn top() -> String {
    format!("{SMM}\n\n{}", crate::exit::EXIT_CODES_HELP)
}

/// `smm sync --help`.
pub const SYNC: &str = "\
For each panel profile (all by default, or those of -p NAME[,NAME…]), at once: the status of \
every unfinished order placed on it (chunks of 100; finished orders are never asked again), its \
balance, and its catalogue compared with the last sync. Alerts: a balance under the profile's \
low_balance, a panel that cannot be reached, an order unchanged for stalled_after (24h), an \
order that ended Partial or Canceled, a refill that ended Rejected. An alert is raised once, when it starts (`alert:`), not again while it lasts (unless the profile's alert_repeat, e.g. \"24h\", has passed), and a `resolved:` line says when it clears; --json lists every standing alert with new: true|false. It also follows every unfinished refill of the order book, and sends the due refills (see `smm refill --due`) of profiles with auto_refill = true. -q prints only the alert and resolved lines (for cron mail).

Exit codes: 0 nothing new; 3 new alerts; 1 every panel failed; 2 bad input or config.

Examples:
  smm sync                             # every panel profile at once
  smm sync -p sandbox                  # one profile (or -p a,b)
  smm sync -q                          # new and resolved alerts: for cron
  smm sync --json | jq '.alerts[] | select(.new)'";

/// `smm routes --help`.
pub const ROUTES: &str = "\
A route is a [routes.NAME] table of the config file: candidates = [\"profile:service\", …], \
pick = \"cheapest\" (default) or \"order\", optional sell (your price per 1000) and max_rate. \
Each candidate is shown with its catalogue entry (the cache rules of `smm services`), its \
balance (asked at once), whether it can take a typical order (1000, or the nearest quantity \
the service takes) now and why not, and the margin of its rate against sell.

Examples:
  smm routes                           # every route
  smm routes ig-followers              # one route
  smm routes --json | jq '.[].candidates[] | select(.available)'
  smm order add --route ig-followers --link URL --quantity 500 --dry-run";

/// `smm services changes --help`.
pub const SERVICES_CHANGES: &str = "\
Examples:
  smm services changes                 # what smm sync recorded, newest first
  smm services changes --since 24h -p sandbox
  smm services changes --json | jq -r '.[] | select(.change == \"rate\")'";

/// `smm balance --help`.
pub const BALANCE: &str = "\
Examples:
  smm balance                          # the default profile
  smm -p sandbox balance               # a named profile
  smm balance --all                    # every panel profile, one row each
  smm -p sandbox,pica balance --all    # only these profiles
  smm balance --json | jq -r .balance";

/// `smm services --help`.
pub const SERVICES: &str = "\
Examples:
  smm services                         # the whole catalogue
  smm services 1448 1452               # only these services
  smm services --search \"instagram followers\" --sort rate
  smm services --category instagram --type default
  smm services --all --sort rate       # every panel's offers, cheapest first
  smm services --refresh               # from the panel, not the local cache
  smm services --json | jq -r '.[] | \"\\(.service) \\(.rate) \\(.name)\"'";

/// `smm order --help`.
pub const ORDER: &str = "\
Examples:
  smm order add --service 1448 --link https://instagram.com/p/abc --quantity 500
  smm order add --file orders.csv --dry-run";

/// `smm order add --help`.
pub const ORDER_ADD: &str = "\
List fields (--comments, --usernames, --hashtags, --keywords, --groups) take text or @FILE and \
are sent one item per line. --comments splits on newlines only (a comment may contain commas); \
the others split on newlines and commas.

Examples:
  smm order add --service 1448 --link https://instagram.com/p/abc --quantity 500
  smm order add --service 1448 --link https://instagram.com/p/abc \\
      --quantity 500 --dry-run               # checked and priced, not sent
  smm order add --service 1448 --link https://instagram.com/p/abc \\
      --quantity 500 --runs 5 --interval 30  # drip-feed: 5 runs, 30 min apart
  smm order add --service 1452 --link https://fb.com/post/1 \\
      --comments @comments.txt               # one comment per line
  smm order add --file orders.csv --dry-run  # a bulk file: every line checked
  smm order add --file orders.csv --yes      # then placed, one by one
  smm order add --route ig-followers --link https://instagram.com/p/xyz \\
      --quantity 500                         # the best provider of a route";

/// `smm status --help`.
pub const STATUS: &str = with_ids!(
    "
Examples:
  smm status 23491                     # one order
  smm status 23491,23492 23493         # several: one request
  smm status --file orders.txt         # ids apart by commas, spaces or lines
  grep -o '^[0-9]*' today.log | smm status -
  smm status 23491,23492 --format csv"
);

/// `smm refill --help`.
pub const REFILL: &str = with_ids!(
    "
Every refill request is recorded in the order book (see `smm refills`). --due sends one for \
every order that is due, on every panel profile (or those of -p a,b) at once, in chunks of 100: \
placed, last status Completed or Partial; a service the catalogue marks refillable; finished \
less than the profile's refill_period (30d) ago; no refill of it pending and none asked within \
refill_every (24h); never refused with \"disabled\". Exit 3 when the panel refused any.

Examples:
  smm refill 23491                     # a finished, refillable order
  smm refill 23491,23492 --json        # the panel's answer: refill ids
  smm refill --due --dry-run           # the orders that are due; nothing sent
  smm refill --due -p sandbox          # send them, and record each answer"
);

/// `smm refill-status --help`.
pub const REFILL_STATUS: &str = with_ids!(
    "
Without ids: asks each panel about every refill of the order book that is still Pending or \
In progress, and records what it says (as `smm sync` does).

Examples:
  smm refill-status 1                  # a refill id, from `smm refill`
  smm refill-status 1,2,3
  smm refill-status                    # every unfinished refill in the book"
);

/// `smm refills --help`.
pub const REFILLS: &str = "\
Every refill request smm sent (`smm refill`, `smm refill --due`, `smm sync` with auto_refill): \
the order, when it was asked, the panel's refill id or its refusal, and each status seen since. \
Statuses: Unknown (no answer: counts as asked), Refused, Pending, In progress, Completed, \
Rejected, Not found. -p NAME shows one profile's.

Examples:
  smm refills                          # the newest 100
  smm refills --status rejected --since 7d
  smm refills --json --limit 0         # every one, with its history";

/// `smm cancel --help`.
pub const CANCEL: &str = with_ids!(
    "
Examples:
  smm cancel 23501                     # while it is pending or in progress
  smm cancel 23501,23502"
);

/// `smm watch --help`.
pub const WATCH: &str = "\
Exit codes: 0 every order Completed; 3 some ended Partial, Canceled or with an error; 130 \
stopped with Ctrl-C (the orders go on).

Examples:
  smm watch 23491,23492                # until every order is finished
  smm watch 23501 --every 10s
  smm watch --file today.txt --every 1m | tee watch.log
  smm watch 23491 --json               # one JSON line per poll";

/// `smm orders --help`.
pub const ORDERS: &str = "\
The order book is an SQLite file in the data directory (~/.local/share/smm/orders.db on Linux; \
SMM_DATA_DIR moves it). -p NAME shows one profile's orders. Amounts are exact; totals are per \
currency.

Examples:
  smm orders                           # the newest 100, with a totals line
  smm orders --since 24h -p sandbox    # one profile's last day
  smm orders --outcome unknown         # orders to check on the panel by hand
  smm orders --by day                  # orders, cost and charge per day
  smm orders --check                   # ask the panels about unfinished orders
  smm orders --by profile --format csv > spend.csv
  smm orders --by route                # spend per route (--route NAME)";

/// `smm pika --help` and `smm pika account --help`.
pub const PIKA: &str = "\
useapi.net retired its Pika API in December 2025; these commands follow its documented \
contract, for compatible endpoints (the sandbox serves one: profile sandbox-useapi).

Examples:
  pass show discord | smm -p sandbox-useapi pika account set \\
      1234567890123456789 --discord - --max-jobs 3
  SMM_DISCORD_TOKEN=token smm -p sandbox-useapi pika account set \\
      1234567890123456789 --max-jobs 3     # the token from the environment
  smm -p sandbox-useapi pika account list
  smm -p sandbox-useapi pika account delete 1234567890123456789";

/// `smm config --help`.
pub const CONFIG: &str = "\
Examples:
  smm config path                      # where the config file is
  smm config init                      # a commented starter file (mode 0600)
  smm config add pica --url https://pica-smm.com/api2/v2 --key-env PICA_KEY
  pass show smm/pica | smm config add pica \\
      --url https://pica-smm.com/api2/v2 --key - --force
  smm config show                      # profiles, URLs, where keys come from
  smm config set-default pica          # the profile used without -p
  smm config set -p pica attempts 5    # one setting, checked as smm reads it
  smm config remove pica               # a profile and the comments above it";

/// `smm config add --help`.
pub const CONFIG_ADD: &str = "\
Writes the profile into the config file (created with mode 0600, its directory 0700, when \
missing), keeping the file's comments. The key never goes on the command line: name a variable \
(--key-env), a command (--key-command), or pipe it in (--key -).

Examples:
  smm config add pica --url https://pica-smm.com/api2/v2 --key-env PICA_KEY
  smm config add pica --url https://pica-smm.com/api2/v2 \\
      --key-command 'pass show smm/pica' --force --default
  pass show smm/pica | smm config add pica \\
      --url https://pica-smm.com/api2/v2 --key - --force
  smm config add twitch --api streamdetails \\
      --url https://streamdetails.com/api/v2/ --key-env STREAMDETAILS_KEY";

/// `smm mcp --help`: the tools, the safety settings, how an assistant starts it.
pub const MCP: &str = "\
Serves the Model Context Protocol on stdin/stdout for an AI assistant (Claude Desktop, Claude \
Code, any MCP client), which starts it: tools balance, search_services, quote_order, \
place_order, order_status, list_orders, request_refill and sync, over the profiles of the \
config file and the order book. stdout carries only protocol messages; notes go to stderr. \
Safe by default: the [mcp] table of the config file must set allow_orders = true before \
place_order and request_refill send anything; max_order_cost and max_daily_spend (counted from \
the order book over the last 24 hours) refuse orders unsent; profiles = [...] limits what the \
assistant sees. Orders go through the order book and its duplicate guard, like `smm order add`. \
A tool call taking longer than --timeout ends as a tool error. Claude Code: \
`claude mcp add smm -- smm mcp`; Claude Desktop: see the README.

Examples:
  smm mcp                              # what the assistant runs, on stdio";

/// `smm sandbox --help`.
pub const SANDBOX: &str = "\
The sandbox answers the SMM API v2 at http://127.0.0.1:PORT/api/v2 like a real panel: real \
error texts with HTTP 200, a balance that pays for orders, orders that move Pending -> In \
progress -> Completed/Partial over an accelerated clock (orders whose id is a multiple of 7 end \
Partial), refills and cancels. It listens on 127.0.0.1 only. --flavor smartpanel or ownsmm \
makes it answer like those families of panel software (success wrappers, snake_case types, \
numeric codes beside errors, other status spellings) with the same orders and rules. POST \
/control changes its catalogue while it runs and moves its clock (see the README), for trying \
`smm sync`.

Order ids never repeat across restarts: the first sandbox gives 23501, 23502, …; the last id \
given is kept in sandbox-ids.json in smm's data dir (SMM_DATA_DIR moves it), and a restarted \
sandbox continues after it, so an order book never holds the same sandbox order twice. Sandboxes \
running at once on one data dir share the file under a lock and never give the same id. --fresh \
begins at 23501 again (refused while another sandbox runs on the data dir).

Examples:
  smm sandbox --add-profile            # port 7000, as profile 'sandbox'
  smm sandbox --port 0 --add-profile sb  # a free port, as profile 'sb'
  smm sandbox --port 0                 # a free port (printed)
  smm sandbox --fresh                  # new orders start at 23501 again
  smm sandbox --balance 5 --services 100
  smm sandbox --fault 502 --fault-ratio 0.25     # every 4th request fails
  smm sandbox --latency-ms 100";

/// `smm demo --help`.
pub const DEMO: &str = "\
Examples:
  smm demo
  smm demo | less";

/// `smm completions --help`.
pub const COMPLETIONS: &str = "\
Install the script where your shell looks for completions (creating the directory), then open a \
new shell:
  bash:        mkdir -p ~/.local/share/bash-completion/completions
               smm completions bash > ~/.local/share/bash-completion/completions/smm
  zsh:         mkdir -p ~/.zfunc && smm completions zsh > ~/.zfunc/_smm
               # and in ~/.zshrc, before compinit:  fpath=(~/.zfunc $fpath)
  fish:        mkdir -p ~/.config/fish/completions
               smm completions fish > ~/.config/fish/completions/smm.fish
  powershell:  smm completions powershell >> $PROFILE
  elvish:      mkdir -p ~/.config/elvish
               echo 'eval (smm completions elvish | slurp)' >> ~/.config/elvish/rc.elv

Examples:
  mkdir -p ~/.local/share/bash-completion/completions
  smm completions bash > ~/.local/share/bash-completion/completions/smm
  mkdir -p ~/.zfunc && smm completions zsh > ~/.zfunc/_smm";

/// `smm book --help`: where the book is and how to share it.
pub const BOOK: &str = "\
Where the order book is: `book = \"postgres://USER@HOST[:PORT]/DB\"` at the top of the config
file (or SMM_BOOK, which wins) puts it on a PostgreSQL server several machines share (add
?sslmode=verify-full for a server not on this machine); a path, or nothing, keeps the SQLite
file (<data dir>/orders.db). The password comes from book_password_command, PGPASSWORD or a
~/.pgpass line, never from the URL. `--to`/`--from` take a path or such a URL.

Examples:
  smm book info                        # backend, where, schema version, counts
  smm book copy --to backup.db         # into a file; again: nothing new
  smm book copy --from backup.db --to copy.db";

#[cfg(test)]
mod tests {
    /// Every example line, with the command it documents.
    pub fn examples() -> Vec<(String, String)> {
        fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
            let help = cmd
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            if let Some((_, examples)) = help.split_once("Examples:\n") {
                for line in examples.lines().take_while(|l| l.starts_with("  ")) {
                    out.push((path.to_string(), line.to_string()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), out);
            }
        }
        let mut out = Vec::new();
        walk(&crate::cli::command(), "smm", &mut out);
        out
    }

    #[test]
    fn examples_fit_80_columns_and_call_smm() {
        let examples = examples();
        assert!(examples.len() > 40, "{}", examples.len());
        let long: Vec<String> = examples
            .iter()
            .filter(|(_, line)| line.chars().count() > 80)
            .map(|(command, line)| format!("{command}: {line}"))
            .collect();
        assert!(
            long.is_empty(),
            "longer than 80 columns:\n{}",
            long.join("\n")
        );
        for (command, line) in examples {
            let continued = line.starts_with("      ");
            assert!(
                continued || line.contains("smm ") || line.starts_with("  mkdir -p "),
                "{command}: an example that does not run smm: {line}"
            );
        }
    }
}
