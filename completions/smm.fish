# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_smm_global_optspecs
    string join \n p/profile= config= json format= timeout= v/verbose q/quiet refresh concurrency= h/help V/version
end

function __fish_smm_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_smm_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_smm_using_subcommand
    set -l cmd (__fish_smm_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c smm -n "__fish_smm_needs_command" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_needs_command" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_needs_command" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_needs_command" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_needs_command" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_needs_command" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_needs_command" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_needs_command" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_needs_command" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_needs_command" -s V -l version -d 'Print version'
complete -c smm -n "__fish_smm_needs_command" -f -a "balance" -d 'Show the account balance (action=balance)'
complete -c smm -n "__fish_smm_needs_command" -f -a "services" -d 'List the panel\'s services, or only those with the given ids (action=services)'
complete -c smm -n "__fish_smm_needs_command" -f -a "order" -d 'Place orders (action=add): `smm order add`'
complete -c smm -n "__fish_smm_needs_command" -f -a "status" -d 'Show the status of orders (action=status)'
complete -c smm -n "__fish_smm_needs_command" -f -a "refill" -d 'Ask for a refill of orders, or of every order that is due (action=refill)'
complete -c smm -n "__fish_smm_needs_command" -f -a "refill-status" -d 'Show the status of refills, by refill id, or follow every unfinished refill of the order book (action=refill_status)'
complete -c smm -n "__fish_smm_needs_command" -f -a "refills" -d 'The refills of the order book, newest first: what was asked, what came back'
complete -c smm -n "__fish_smm_needs_command" -f -a "cancel" -d 'Ask the panel to cancel orders (action=cancel)'
complete -c smm -n "__fish_smm_needs_command" -f -a "watch" -d 'Follow orders until they finish: Completed, Partial or Canceled (polls action=status)'
complete -c smm -n "__fish_smm_needs_command" -f -a "orders" -d 'The order book: what was placed, where, at what cost, with what outcome'
complete -c smm -n "__fish_smm_needs_command" -f -a "routes" -d 'Show routes: each candidate\'s rate, limits, balance, whether it can take an order now, and the margin against the route\'s sell price'
complete -c smm -n "__fish_smm_needs_command" -f -a "sync" -d 'Bring the order book up to date from every panel: statuses, balances, catalogue changes; alerts for cron'
complete -c smm -n "__fish_smm_needs_command" -f -a "book" -d 'Which order book is in use (`smm book info`), or copy one into another (`smm book copy`)'
complete -c smm -n "__fish_smm_needs_command" -f -a "mcp" -d 'Serve smm to AI assistants over the Model Context Protocol (stdio): balances, services, quotes, orders through the order book, status, refills, sync'
complete -c smm -n "__fish_smm_needs_command" -f -a "pika" -d 'useapi.net Pika accounts (profiles with api = "useapi")'
complete -c smm -n "__fish_smm_needs_command" -f -a "config" -d 'Show, create or add profiles to the config file'
complete -c smm -n "__fish_smm_needs_command" -f -a "sandbox" -d 'Run the built-in sandbox panel on 127.0.0.1: try smm with no account'
complete -c smm -n "__fish_smm_needs_command" -f -a "demo" -d 'Walk through smm\'s main job against a built-in sandbox panel (no config needed)'
complete -c smm -n "__fish_smm_needs_command" -f -a "completions" -d 'Print a shell completion script (see --help for where to install it)'
complete -c smm -n "__fish_smm_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand balance" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand balance" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand balance" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand balance" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand balance" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand balance" -l all -d 'Every panel profile of the config file (or those -p names) at once, one row each'
complete -c smm -n "__fish_smm_using_subcommand balance" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand balance" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand balance" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand balance" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand balance" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -l sort -d 'Order the rows (default: the panel\'s order)' -r -f -a "rate\t'Cheapest first (unknown rates last)'
name\t'By name'
min\t'Smallest minimum first'
max\t'Largest maximum first'"
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -l category -d 'Only services whose category contains TEXT (case-insensitive)' -r
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -l search -d 'Only services whose name or category contains every word of TEXT (case-insensitive)' -r
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -l type -d 'Only services whose type contains TEXT (case, spaces and underscores ignored)' -r
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -l all -d 'Every panel profile of the config file (or those -p names) at once, with a PROFILE column'
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -a "changes" -d 'The catalogue changes `smm sync` recorded, newest first'
complete -c smm -n "__fish_smm_using_subcommand services; and not __fish_seen_subcommand_from changes help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from changes" -l since -d 'Only changes seen within this long (24h, 7d)' -r
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from changes" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from changes" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from changes" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from changes" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from changes" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from changes" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from changes" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from changes" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from changes" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from changes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from help" -f -a "changes" -d 'The catalogue changes `smm sync` recorded, newest first'
complete -c smm -n "__fish_smm_using_subcommand services; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand order; and not __fish_seen_subcommand_from add help" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand order; and not __fish_seen_subcommand_from add help" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand order; and not __fish_seen_subcommand_from add help" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand order; and not __fish_seen_subcommand_from add help" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand order; and not __fish_seen_subcommand_from add help" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand order; and not __fish_seen_subcommand_from add help" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand order; and not __fish_seen_subcommand_from add help" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand order; and not __fish_seen_subcommand_from add help" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand order; and not __fish_seen_subcommand_from add help" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand order; and not __fish_seen_subcommand_from add help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand order; and not __fish_seen_subcommand_from add help" -f -a "add" -d 'Place one order, or every order of a bulk file'
complete -c smm -n "__fish_smm_using_subcommand order; and not __fish_seen_subcommand_from add help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l service -d 'Service id (from `smm services`)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l link -d 'Link to the post, page or profile' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l quantity -d 'Quantity to order' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l runs -d 'Drip-feed: number of runs (needs --interval)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l interval -d 'Drip-feed: minutes between runs (needs --runs)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l comments -d 'Custom comments, one per line (text or @FILE)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l usernames -d 'Usernames to mention (text or @FILE)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l hashtags -d 'Hashtags (text or @FILE)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l hashtag -d 'One hashtag (Mentions Hashtag)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l username -d 'One username (Mentions User Followers, Comment Likes/Replies, Subscriptions)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l keywords -d 'SEO keywords (text or @FILE)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l media -d 'Media URL (Mentions Media Likers)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l groups -d 'Groups to invite from (text or @FILE)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l answer-number -d 'Poll answer number' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l min -d 'Subscriptions: minimum quantity per post' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l max -d 'Subscriptions: maximum quantity per post' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l posts -d 'Subscriptions: number of new posts to serve' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l old-posts -d 'Subscriptions: number of existing posts to serve' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l delay -d 'Subscriptions: delay in minutes (0, 5, 10, 15, 30, 60, 90…)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l expiry -d 'Subscriptions: expiry date (d/m/Y, e.g. 31/12/2026)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l country -d 'Web Traffic: country code or name' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l device -d 'Web Traffic: device (1 desktop, 2 mobile Android, 3 mobile iOS, 4 mixed mobile, 5 mixed)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l type-of-traffic -d 'Web Traffic: traffic type (1 Google keyword, 2 custom referrer, 3 blank referrer)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l google-keyword -d 'Web Traffic: the Google keyword (with --type-of-traffic 1)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l referring-url -d 'Web Traffic: the referring URL (with --type-of-traffic 2)' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -s f -l file -d 'Place every order of a bulk file: `service|link|quantity` lines, or CSV with a header (service,link,quantity[,runs,interval,comments,…]); - reads stdin' -r -F
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l route -d 'Place it through a route of the config file (`[routes.NAME]`): the best of its candidate providers that can take it, moving on only after a definite refusal' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -s y -l yes -d 'Place a bulk file\'s orders without asking (needed when stdin is not a terminal)'
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l dry-run -d 'Check the order against the catalogue and balance, print its cost, send nothing'
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l force -d 'Place it even if the order book shows the same order (profile, service, link, quantity) within the duplicate window'
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from help" -f -a "add" -d 'Place one order, or every order of a bulk file'
complete -c smm -n "__fish_smm_using_subcommand order; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand status" -s f -l file -d 'Read ids from a file (separated by commas, spaces or newlines)' -r -F
complete -c smm -n "__fish_smm_using_subcommand status" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand status" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand status" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand status" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand status" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand status" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand status" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand status" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand status" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand refill" -s f -l file -d 'Read ids from a file (separated by commas, spaces or newlines)' -r -F
complete -c smm -n "__fish_smm_using_subcommand refill" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand refill" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand refill" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand refill" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand refill" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand refill" -l due -d 'Send a refill for every order that is due (finished, refillable, within refill_period, none pending or asked within refill_every, never refused as disabled); -p a,b picks profiles (default: every panel profile)'
complete -c smm -n "__fish_smm_using_subcommand refill" -l dry-run -d 'With --due: list the due orders and send nothing'
complete -c smm -n "__fish_smm_using_subcommand refill" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand refill" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand refill" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand refill" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand refill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand refill-status" -s f -l file -d 'Read ids from a file (separated by commas, spaces or newlines)' -r -F
complete -c smm -n "__fish_smm_using_subcommand refill-status" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand refill-status" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand refill-status" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand refill-status" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand refill-status" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand refill-status" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand refill-status" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand refill-status" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand refill-status" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand refill-status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand refills" -l since -d 'Only refills asked within this long (30m, 24h, 7d)' -r
complete -c smm -n "__fish_smm_using_subcommand refills" -l status -d 'Only refills in this state: Unknown, Refused, Pending, "In progress", Completed, Rejected, "Not found" (any panel spelling)' -r
complete -c smm -n "__fish_smm_using_subcommand refills" -l limit -d 'Show the newest N (0 = all)' -r
complete -c smm -n "__fish_smm_using_subcommand refills" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand refills" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand refills" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand refills" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand refills" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand refills" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand refills" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand refills" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand refills" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand refills" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand cancel" -s f -l file -d 'Read ids from a file (separated by commas, spaces or newlines)' -r -F
complete -c smm -n "__fish_smm_using_subcommand cancel" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand cancel" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand cancel" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand cancel" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand cancel" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand cancel" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand cancel" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand cancel" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand cancel" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand watch" -s f -l file -d 'Read ids from a file (separated by commas, spaces or newlines)' -r -F
complete -c smm -n "__fish_smm_using_subcommand watch" -l every -d 'Time between polls (10s, 30s, 5m)' -r
complete -c smm -n "__fish_smm_using_subcommand watch" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand watch" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand watch" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand watch" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand watch" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand watch" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand watch" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand watch" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand watch" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand orders" -l since -d 'Only orders placed within this long (30m, 24h, 7d)' -r
complete -c smm -n "__fish_smm_using_subcommand orders" -l status -d 'Only orders whose last status seen is TEXT (case-insensitive)' -r
complete -c smm -n "__fish_smm_using_subcommand orders" -l outcome -d 'Only orders with this outcome' -r -f -a "placed\t'The panel answered with an order id'
refused\t'The panel refused it, or it was never sent'
unknown\t'No clear answer (or smm stopped before one came): the order may or may not exist'"
complete -c smm -n "__fish_smm_using_subcommand orders" -l route -d 'Only orders placed through this route (`order add --route`)' -r
complete -c smm -n "__fish_smm_using_subcommand orders" -l limit -d 'Show the newest N (0 = all)' -r
complete -c smm -n "__fish_smm_using_subcommand orders" -l by -d 'Group: order count, total cost and total charge per currency' -r -f -a "profile\t'The profile'
service\t'The service id'
day\t'The UTC day the order was written down'
status\t'The last status seen (every spelling of a known status together)'
route\t'The route the order came through (blank: ordered directly)'"
complete -c smm -n "__fish_smm_using_subcommand orders" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand orders" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand orders" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand orders" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand orders" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand orders" -l check -d 'Ask the panels for the status of every order not known to be finished'
complete -c smm -n "__fish_smm_using_subcommand orders" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand orders" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand orders" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand orders" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand orders" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand routes" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand routes" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand routes" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand routes" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand routes" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand routes" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand routes" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand routes" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand routes" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand routes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand sync" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand sync" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand sync" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand sync" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand sync" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand sync" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand sync" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand sync" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand sync" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -f -a "info" -d 'Which book is in use: backend, where (never a password), schema version, counts'
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -f -a "copy" -d 'Copy every order (with its status history), balance, catalogue snapshot and alert of one book into another, keyed by entry ids: a second run copies nothing new'
complete -c smm -n "__fish_smm_using_subcommand book; and not __fish_seen_subcommand_from info copy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from info" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from info" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from info" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from info" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from info" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from info" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from info" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from info" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from info" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from copy" -l to -d 'The book to copy into: a file path or postgres://USER@HOST[:PORT]/DB' -r
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from copy" -l from -d 'The book to copy from (default: the one in use)' -r
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from copy" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from copy" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from copy" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from copy" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from copy" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from copy" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from copy" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from copy" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from copy" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from help" -f -a "info" -d 'Which book is in use: backend, where (never a password), schema version, counts'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy every order (with its status history), balance, catalogue snapshot and alert of one book into another, keyed by entry ids: a second run copies nothing new'
complete -c smm -n "__fish_smm_using_subcommand book; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand mcp" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand mcp" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand mcp" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand mcp" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand mcp" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand mcp" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand mcp" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand mcp" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand mcp" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand mcp" -s h -l help -d 'Print help'
complete -c smm -n "__fish_smm_using_subcommand pika; and not __fish_seen_subcommand_from account help" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand pika; and not __fish_seen_subcommand_from account help" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand pika; and not __fish_seen_subcommand_from account help" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand pika; and not __fish_seen_subcommand_from account help" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand pika; and not __fish_seen_subcommand_from account help" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand pika; and not __fish_seen_subcommand_from account help" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand pika; and not __fish_seen_subcommand_from account help" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand pika; and not __fish_seen_subcommand_from account help" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand pika; and not __fish_seen_subcommand_from account help" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand pika; and not __fish_seen_subcommand_from account help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand pika; and not __fish_seen_subcommand_from account help" -f -a "account" -d 'The Discord accounts useapi.net drives Pika with'
complete -c smm -n "__fish_smm_using_subcommand pika; and not __fish_seen_subcommand_from account help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -f -a "list" -d 'List the configured accounts (GET /pika/account; Discord tokens masked)'
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -f -a "set" -d 'Add or update an account (POST /pika/account/CHANNEL)'
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -f -a "delete" -d 'Remove an account (DELETE /pika/account/CHANNEL)'
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from account" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from help" -f -a "account" -d 'The Discord accounts useapi.net drives Pika with'
complete -c smm -n "__fish_smm_using_subcommand pika; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -f -a "path" -d 'Print the path of the config file smm reads'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -f -a "show" -d 'Show the profiles, their URLs and where each key comes from (keys masked)'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -f -a "init" -d 'Write a starter config file whose profiles are commented examples (mode 0600); never overwrites'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -f -a "add" -d 'Add a profile to the config file (creating the file when missing)'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -f -a "remove" -d 'Remove a profile from the config file (comments and layout kept)'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -f -a "set-default" -d 'Make a profile the default (default_profile)'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -f -a "set" -d 'Change one setting of a profile (-p NAME, else the one commands use), checked as smm reads it'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -f -a "names" -d 'The profile names, one a line (for shell completion of -p)'
complete -c smm -n "__fish_smm_using_subcommand config; and not __fish_seen_subcommand_from path show init add remove set-default set names help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from path" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from path" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from path" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from path" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from show" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from show" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from show" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from init" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from init" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from init" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from init" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from init" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from init" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l url -d 'The panel\'s API endpoint, from its API page' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l key-env -d 'Read the key from this environment variable at every run' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l key-command -d 'Run this command at every run; the first line it prints is the key' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l key -d '`-`: read the key from stdin now and write it into the file (it stays out of your shell history)' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l api -d 'The API the panel speaks' -r -f -a "v2\t'The standard SMM panel API v2 (form-encoded POST, `key` + `action`)'
streamdetails\t'streamdetails.com API v2 (JSON POST, `{"data", "error"}` envelope)'
useapi\t'useapi.net (Bearer token; the Pika account endpoints)'"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l force -d 'Replace a profile of that name'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l default -d 'Make it the default profile (default_profile)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l allow-http -d 'Allow a plain http:// url to another machine (the key then crosses the network unencrypted)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from remove" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from remove" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from remove" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from remove" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from remove" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from remove" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set-default" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set-default" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set-default" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set-default" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set-default" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set-default" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set-default" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set-default" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set-default" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set-default" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from names" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from names" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from names" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from names" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from names" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from names" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from names" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from names" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from names" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from names" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the config file smm reads'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the profiles, their URLs and where each key comes from (keys masked)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Write a starter config file whose profiles are commented examples (mode 0600); never overwrites'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a profile to the config file (creating the file when missing)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a profile from the config file (comments and layout kept)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set-default" -d 'Make a profile the default (default_profile)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change one setting of a profile (-p NAME, else the one commands use), checked as smm reads it'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "names" -d 'The profile names, one a line (for shell completion of -p)'
complete -c smm -n "__fish_smm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l port -d 'Port on 127.0.0.1 (0 picks a free one)' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l add-profile -d 'Add the sandbox\'s profile to the config file (as NAME, default "sandbox"), like `smm config add`; an existing profile of that name is left alone if it points here' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l latency-ms -d 'Milliseconds added to every answer' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l services -d 'Generated services on top of the seed\'s two' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l key -d 'The API key the sandbox accepts' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l balance -d 'Starting balance in USD' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l speed -d 'Virtual seconds per real second: an order takes 30 virtual minutes (30 s at the default)' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l flavor -d 'Answer like the seed page (standard) or like SmartPanel- or OwnSMM-style panels' -r -f -a "standard\t'Like the API seed page'
smartpanel\t'Like SmartPanel-style panels'
ownsmm\t'Like OwnSMM-style panels'"
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l fault -d 'Inject a fault: an HTML error page (503), a 502, a 429 with Retry-After, or a slow answer' -r -f -a "html\t'HTTP 503 with a Cloudflare-style HTML page'
502\t'HTTP 502 Bad Gateway (HTML)'
429\t'HTTP 429 with `Retry-After` and a JSON error'
slow\t'The request is processed, but the answer comes after `slow_ms`'"
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l fault-first -d 'Only the first N requests get the fault' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l fault-ratio -d 'Only this fraction of requests (evenly spread, 0.25 = every 4th) gets the fault' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l retry-after -d 'Retry-After seconds sent with a 429' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l slow-ms -d 'Delay of a slow answer, in milliseconds' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l fresh -d 'Begin at order 23501 again, forgetting the ids earlier sandboxes gave'
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand sandbox" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand sandbox" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand sandbox" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand sandbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smm -n "__fish_smm_using_subcommand demo" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand demo" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand demo" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand demo" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand demo" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand demo" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand demo" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand demo" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand demo" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand demo" -s h -l help -d 'Print help'
complete -c smm -n "__fish_smm_using_subcommand completions" -s p -l profile -d 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask' -r -f -a "(smm config names 2>/dev/null)"
complete -c smm -n "__fish_smm_using_subcommand completions" -l config -d 'Config file [default: ~/.config/smm/config.toml]' -r -F
complete -c smm -n "__fish_smm_using_subcommand completions" -l format -d 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv' -r -f -a "table\t'A table: bordered on a terminal, plain aligned columns when piped'
json\t'The panel\'s JSON as it came (or smm\'s own JSON document)'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c smm -n "__fish_smm_using_subcommand completions" -l timeout -d 'Seconds to wait for the panel\'s answer' -r
complete -c smm -n "__fish_smm_using_subcommand completions" -l concurrency -d 'Chunks of 100 ids in flight at once [default: the profile\'s concurrency, else 4]' -r
complete -c smm -n "__fish_smm_using_subcommand completions" -l json -d 'Print the panel\'s JSON answer instead of a table (short for --format json)'
complete -c smm -n "__fish_smm_using_subcommand completions" -s v -l verbose -d 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
complete -c smm -n "__fish_smm_using_subcommand completions" -s q -l quiet -d 'No progress bar and no notes on stderr (errors are still shown)'
complete -c smm -n "__fish_smm_using_subcommand completions" -l refresh -d 'Fetch the service catalogue from the panel, not from the local cache'
complete -c smm -n "__fish_smm_using_subcommand completions" -s h -l help -d 'Print help'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "balance" -d 'Show the account balance (action=balance)'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "services" -d 'List the panel\'s services, or only those with the given ids (action=services)'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "order" -d 'Place orders (action=add): `smm order add`'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "status" -d 'Show the status of orders (action=status)'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "refill" -d 'Ask for a refill of orders, or of every order that is due (action=refill)'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "refill-status" -d 'Show the status of refills, by refill id, or follow every unfinished refill of the order book (action=refill_status)'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "refills" -d 'The refills of the order book, newest first: what was asked, what came back'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "cancel" -d 'Ask the panel to cancel orders (action=cancel)'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "watch" -d 'Follow orders until they finish: Completed, Partial or Canceled (polls action=status)'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "orders" -d 'The order book: what was placed, where, at what cost, with what outcome'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "routes" -d 'Show routes: each candidate\'s rate, limits, balance, whether it can take an order now, and the margin against the route\'s sell price'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "sync" -d 'Bring the order book up to date from every panel: statuses, balances, catalogue changes; alerts for cron'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "book" -d 'Which order book is in use (`smm book info`), or copy one into another (`smm book copy`)'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "mcp" -d 'Serve smm to AI assistants over the Model Context Protocol (stdio): balances, services, quotes, orders through the order book, status, refills, sync'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "pika" -d 'useapi.net Pika accounts (profiles with api = "useapi")'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "config" -d 'Show, create or add profiles to the config file'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "sandbox" -d 'Run the built-in sandbox panel on 127.0.0.1: try smm with no account'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "demo" -d 'Walk through smm\'s main job against a built-in sandbox panel (no config needed)'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "completions" -d 'Print a shell completion script (see --help for where to install it)'
complete -c smm -n "__fish_smm_using_subcommand help; and not __fish_seen_subcommand_from balance services order status refill refill-status refills cancel watch orders routes sync book mcp pika config sandbox demo completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from services" -f -a "changes" -d 'The catalogue changes `smm sync` recorded, newest first'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from order" -f -a "add" -d 'Place one order, or every order of a bulk file'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from book" -f -a "info" -d 'Which book is in use: backend, where (never a password), schema version, counts'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from book" -f -a "copy" -d 'Copy every order (with its status history), balance, catalogue snapshot and alert of one book into another, keyed by entry ids: a second run copies nothing new'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from pika" -f -a "account" -d 'The Discord accounts useapi.net drives Pika with'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the config file smm reads'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show the profiles, their URLs and where each key comes from (keys masked)'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a starter config file whose profiles are commented examples (mode 0600); never overwrites'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "add" -d 'Add a profile to the config file (creating the file when missing)'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "remove" -d 'Remove a profile from the config file (comments and layout kept)'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set-default" -d 'Make a profile the default (default_profile)'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change one setting of a profile (-p NAME, else the one commands use), checked as smm reads it'
complete -c smm -n "__fish_smm_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "names" -d 'The profile names, one a line (for shell completion of -p)'
