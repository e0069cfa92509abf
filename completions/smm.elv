
use builtin;
use str;

set edit:completion:arg-completer[smm] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'smm'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'smm'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand balance 'Show the account balance (action=balance)'
            cand services 'List the panel''s services, or only those with the given ids (action=services)'
            cand order 'Place orders (action=add): `smm order add`'
            cand status 'Show the status of orders (action=status)'
            cand refill 'Ask for a refill of orders, or of every order that is due (action=refill)'
            cand refill-status 'Show the status of refills, by refill id, or follow every unfinished refill of the order book (action=refill_status)'
            cand refills 'The refills of the order book, newest first: what was asked, what came back'
            cand cancel 'Ask the panel to cancel orders (action=cancel)'
            cand watch 'Follow orders until they finish: Completed, Partial or Canceled (polls action=status)'
            cand orders 'The order book: what was placed, where, at what cost, with what outcome'
            cand routes 'Show routes: each candidate''s rate, limits, balance, whether it can take an order now, and the margin against the route''s sell price'
            cand sync 'Bring the order book up to date from every panel: statuses, balances, catalogue changes; alerts for cron'
            cand book 'Which order book is in use (`smm book info`), or copy one into another (`smm book copy`)'
            cand mcp 'Serve smm to AI assistants over the Model Context Protocol (stdio): balances, services, quotes, orders through the order book, status, refills, sync'
            cand pika 'useapi.net Pika accounts (profiles with api = "useapi")'
            cand config 'Show, create or add profiles to the config file'
            cand sandbox 'Run the built-in sandbox panel on 127.0.0.1: try smm with no account'
            cand demo 'Walk through smm''s main job against a built-in sandbox panel (no config needed)'
            cand completions 'Print a shell completion script (see --help for where to install it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;balance'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --all 'Every panel profile of the config file (or those -p names) at once, one row each'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;services'= {
            cand --sort 'Order the rows (default: the panel''s order)'
            cand --category 'Only services whose category contains TEXT (case-insensitive)'
            cand --search 'Only services whose name or category contains every word of TEXT (case-insensitive)'
            cand --type 'Only services whose type contains TEXT (case, spaces and underscores ignored)'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --all 'Every panel profile of the config file (or those -p names) at once, with a PROFILE column'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand changes 'The catalogue changes `smm sync` recorded, newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;services;changes'= {
            cand --since 'Only changes seen within this long (24h, 7d)'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;services;help'= {
            cand changes 'The catalogue changes `smm sync` recorded, newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;services;help;changes'= {
        }
        &'smm;services;help;help'= {
        }
        &'smm;order'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand add 'Place one order, or every order of a bulk file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;order;add'= {
            cand --service 'Service id (from `smm services`)'
            cand --link 'Link to the post, page or profile'
            cand --quantity 'Quantity to order'
            cand --runs 'Drip-feed: number of runs (needs --interval)'
            cand --interval 'Drip-feed: minutes between runs (needs --runs)'
            cand --comments 'Custom comments, one per line (text or @FILE)'
            cand --usernames 'Usernames to mention (text or @FILE)'
            cand --hashtags 'Hashtags (text or @FILE)'
            cand --hashtag 'One hashtag (Mentions Hashtag)'
            cand --username 'One username (Mentions User Followers, Comment Likes/Replies, Subscriptions)'
            cand --keywords 'SEO keywords (text or @FILE)'
            cand --media 'Media URL (Mentions Media Likers)'
            cand --groups 'Groups to invite from (text or @FILE)'
            cand --answer-number 'Poll answer number'
            cand --min 'Subscriptions: minimum quantity per post'
            cand --max 'Subscriptions: maximum quantity per post'
            cand --posts 'Subscriptions: number of new posts to serve'
            cand --old-posts 'Subscriptions: number of existing posts to serve'
            cand --delay 'Subscriptions: delay in minutes (0, 5, 10, 15, 30, 60, 90…)'
            cand --expiry 'Subscriptions: expiry date (d/m/Y, e.g. 31/12/2026)'
            cand --country 'Web Traffic: country code or name'
            cand --device 'Web Traffic: device (1 desktop, 2 mobile Android, 3 mobile iOS, 4 mixed mobile, 5 mixed)'
            cand --type-of-traffic 'Web Traffic: traffic type (1 Google keyword, 2 custom referrer, 3 blank referrer)'
            cand --google-keyword 'Web Traffic: the Google keyword (with --type-of-traffic 1)'
            cand --referring-url 'Web Traffic: the referring URL (with --type-of-traffic 2)'
            cand -f 'Place every order of a bulk file: `service|link|quantity` lines, or CSV with a header (service,link,quantity[,runs,interval,comments,…]); - reads stdin'
            cand --file 'Place every order of a bulk file: `service|link|quantity` lines, or CSV with a header (service,link,quantity[,runs,interval,comments,…]); - reads stdin'
            cand --route 'Place it through a route of the config file (`[routes.NAME]`): the best of its candidate providers that can take it, moving on only after a definite refusal'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand -y 'Place a bulk file''s orders without asking (needed when stdin is not a terminal)'
            cand --yes 'Place a bulk file''s orders without asking (needed when stdin is not a terminal)'
            cand --dry-run 'Check the order against the catalogue and balance, print its cost, send nothing'
            cand --force 'Place it even if the order book shows the same order (profile, service, link, quantity) within the duplicate window'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;order;help'= {
            cand add 'Place one order, or every order of a bulk file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;order;help;add'= {
        }
        &'smm;order;help;help'= {
        }
        &'smm;status'= {
            cand -f 'Read ids from a file (separated by commas, spaces or newlines)'
            cand --file 'Read ids from a file (separated by commas, spaces or newlines)'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;refill'= {
            cand -f 'Read ids from a file (separated by commas, spaces or newlines)'
            cand --file 'Read ids from a file (separated by commas, spaces or newlines)'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --due 'Send a refill for every order that is due (finished, refillable, within refill_period, none pending or asked within refill_every, never refused as disabled); -p a,b picks profiles (default: every panel profile)'
            cand --dry-run 'With --due: list the due orders and send nothing'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;refill-status'= {
            cand -f 'Read ids from a file (separated by commas, spaces or newlines)'
            cand --file 'Read ids from a file (separated by commas, spaces or newlines)'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;refills'= {
            cand --since 'Only refills asked within this long (30m, 24h, 7d)'
            cand --status 'Only refills in this state: Unknown, Refused, Pending, "In progress", Completed, Rejected, "Not found" (any panel spelling)'
            cand --limit 'Show the newest N (0 = all)'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;cancel'= {
            cand -f 'Read ids from a file (separated by commas, spaces or newlines)'
            cand --file 'Read ids from a file (separated by commas, spaces or newlines)'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;watch'= {
            cand -f 'Read ids from a file (separated by commas, spaces or newlines)'
            cand --file 'Read ids from a file (separated by commas, spaces or newlines)'
            cand --every 'Time between polls (10s, 30s, 5m)'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;orders'= {
            cand --since 'Only orders placed within this long (30m, 24h, 7d)'
            cand --status 'Only orders whose last status seen is TEXT (case-insensitive)'
            cand --outcome 'Only orders with this outcome'
            cand --route 'Only orders placed through this route (`order add --route`)'
            cand --limit 'Show the newest N (0 = all)'
            cand --by 'Group: order count, total cost and total charge per currency'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --check 'Ask the panels for the status of every order not known to be finished'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;routes'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;sync'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;book'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand info 'Which book is in use: backend, where (never a password), schema version, counts'
            cand copy 'Copy every order (with its status history), balance, catalogue snapshot and alert of one book into another, keyed by entry ids: a second run copies nothing new'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;book;info'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;book;copy'= {
            cand --to 'The book to copy into: a file path or postgres://USER@HOST[:PORT]/DB'
            cand --from 'The book to copy from (default: the one in use)'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;book;help'= {
            cand info 'Which book is in use: backend, where (never a password), schema version, counts'
            cand copy 'Copy every order (with its status history), balance, catalogue snapshot and alert of one book into another, keyed by entry ids: a second run copies nothing new'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;book;help;info'= {
        }
        &'smm;book;help;copy'= {
        }
        &'smm;book;help;help'= {
        }
        &'smm;mcp'= {
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'smm;pika'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand account 'The Discord accounts useapi.net drives Pika with'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;pika;account'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the configured accounts (GET /pika/account; Discord tokens masked)'
            cand set 'Add or update an account (POST /pika/account/CHANNEL)'
            cand delete 'Remove an account (DELETE /pika/account/CHANNEL)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;pika;account;list'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;pika;account;set'= {
            cand --discord 'Discord token, or - to read it from stdin [default: $SMM_DISCORD_TOKEN]'
            cand --max-jobs 'Pika jobs to run at once (1-10)'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;pika;account;delete'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;pika;account;help'= {
            cand list 'List the configured accounts (GET /pika/account; Discord tokens masked)'
            cand set 'Add or update an account (POST /pika/account/CHANNEL)'
            cand delete 'Remove an account (DELETE /pika/account/CHANNEL)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;pika;account;help;list'= {
        }
        &'smm;pika;account;help;set'= {
        }
        &'smm;pika;account;help;delete'= {
        }
        &'smm;pika;account;help;help'= {
        }
        &'smm;pika;help'= {
            cand account 'The Discord accounts useapi.net drives Pika with'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;pika;help;account'= {
            cand list 'List the configured accounts (GET /pika/account; Discord tokens masked)'
            cand set 'Add or update an account (POST /pika/account/CHANNEL)'
            cand delete 'Remove an account (DELETE /pika/account/CHANNEL)'
        }
        &'smm;pika;help;account;list'= {
        }
        &'smm;pika;help;account;set'= {
        }
        &'smm;pika;help;account;delete'= {
        }
        &'smm;pika;help;help'= {
        }
        &'smm;config'= {
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand path 'Print the path of the config file smm reads'
            cand show 'Show the profiles, their URLs and where each key comes from (keys masked)'
            cand init 'Write a starter config file whose profiles are commented examples (mode 0600); never overwrites'
            cand add 'Add a profile to the config file (creating the file when missing)'
            cand remove 'Remove a profile from the config file (comments and layout kept)'
            cand set-default 'Make a profile the default (default_profile)'
            cand set 'Change one setting of a profile (-p NAME, else the one commands use), checked as smm reads it'
            cand names 'The profile names, one a line (for shell completion of -p)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;config;path'= {
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;config;show'= {
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;config;init'= {
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;config;add'= {
            cand --url 'The panel''s API endpoint, from its API page'
            cand --key-env 'Read the key from this environment variable at every run'
            cand --key-command 'Run this command at every run; the first line it prints is the key'
            cand --key '`-`: read the key from stdin now and write it into the file (it stays out of your shell history)'
            cand --api 'The API the panel speaks'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --force 'Replace a profile of that name'
            cand --default 'Make it the default profile (default_profile)'
            cand --allow-http 'Allow a plain http:// url to another machine (the key then crosses the network unencrypted)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;config;remove'= {
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;config;set-default'= {
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;config;set'= {
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;config;names'= {
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;config;help'= {
            cand path 'Print the path of the config file smm reads'
            cand show 'Show the profiles, their URLs and where each key comes from (keys masked)'
            cand init 'Write a starter config file whose profiles are commented examples (mode 0600); never overwrites'
            cand add 'Add a profile to the config file (creating the file when missing)'
            cand remove 'Remove a profile from the config file (comments and layout kept)'
            cand set-default 'Make a profile the default (default_profile)'
            cand set 'Change one setting of a profile (-p NAME, else the one commands use), checked as smm reads it'
            cand names 'The profile names, one a line (for shell completion of -p)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;config;help;path'= {
        }
        &'smm;config;help;show'= {
        }
        &'smm;config;help;init'= {
        }
        &'smm;config;help;add'= {
        }
        &'smm;config;help;remove'= {
        }
        &'smm;config;help;set-default'= {
        }
        &'smm;config;help;set'= {
        }
        &'smm;config;help;names'= {
        }
        &'smm;config;help;help'= {
        }
        &'smm;sandbox'= {
            cand --port 'Port on 127.0.0.1 (0 picks a free one)'
            cand --add-profile 'Add the sandbox''s profile to the config file (as NAME, default "sandbox"), like `smm config add`; an existing profile of that name is left alone if it points here'
            cand --latency-ms 'Milliseconds added to every answer'
            cand --services 'Generated services on top of the seed''s two'
            cand --key 'The API key the sandbox accepts'
            cand --balance 'Starting balance in USD'
            cand --speed 'Virtual seconds per real second: an order takes 30 virtual minutes (30 s at the default)'
            cand --flavor 'Answer like the seed page (standard) or like SmartPanel- or OwnSMM-style panels'
            cand --fault 'Inject a fault: an HTML error page (503), a 502, a 429 with Retry-After, or a slow answer'
            cand --fault-first 'Only the first N requests get the fault'
            cand --fault-ratio 'Only this fraction of requests (evenly spread, 0.25 = every 4th) gets the fault'
            cand --retry-after 'Retry-After seconds sent with a 429'
            cand --slow-ms 'Delay of a slow answer, in milliseconds'
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --fresh 'Begin at order 23501 again, forgetting the ids earlier sandboxes gave'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'smm;demo'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'smm;completions'= {
            cand -p 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --profile 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask'
            cand --config 'Config file [default: ~/.config/smm/config.toml]'
            cand --format 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv'
            cand --timeout 'Seconds to wait for the panel''s answer'
            cand --concurrency 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]'
            cand --json 'Print the panel''s JSON answer instead of a table (short for --format json)'
            cand -v 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand --verbose 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr'
            cand -q 'No progress bar and no notes on stderr (errors are still shown)'
            cand --quiet 'No progress bar and no notes on stderr (errors are still shown)'
            cand --refresh 'Fetch the service catalogue from the panel, not from the local cache'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'smm;help'= {
            cand balance 'Show the account balance (action=balance)'
            cand services 'List the panel''s services, or only those with the given ids (action=services)'
            cand order 'Place orders (action=add): `smm order add`'
            cand status 'Show the status of orders (action=status)'
            cand refill 'Ask for a refill of orders, or of every order that is due (action=refill)'
            cand refill-status 'Show the status of refills, by refill id, or follow every unfinished refill of the order book (action=refill_status)'
            cand refills 'The refills of the order book, newest first: what was asked, what came back'
            cand cancel 'Ask the panel to cancel orders (action=cancel)'
            cand watch 'Follow orders until they finish: Completed, Partial or Canceled (polls action=status)'
            cand orders 'The order book: what was placed, where, at what cost, with what outcome'
            cand routes 'Show routes: each candidate''s rate, limits, balance, whether it can take an order now, and the margin against the route''s sell price'
            cand sync 'Bring the order book up to date from every panel: statuses, balances, catalogue changes; alerts for cron'
            cand book 'Which order book is in use (`smm book info`), or copy one into another (`smm book copy`)'
            cand mcp 'Serve smm to AI assistants over the Model Context Protocol (stdio): balances, services, quotes, orders through the order book, status, refills, sync'
            cand pika 'useapi.net Pika accounts (profiles with api = "useapi")'
            cand config 'Show, create or add profiles to the config file'
            cand sandbox 'Run the built-in sandbox panel on 127.0.0.1: try smm with no account'
            cand demo 'Walk through smm''s main job against a built-in sandbox panel (no config needed)'
            cand completions 'Print a shell completion script (see --help for where to install it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'smm;help;balance'= {
        }
        &'smm;help;services'= {
            cand changes 'The catalogue changes `smm sync` recorded, newest first'
        }
        &'smm;help;services;changes'= {
        }
        &'smm;help;order'= {
            cand add 'Place one order, or every order of a bulk file'
        }
        &'smm;help;order;add'= {
        }
        &'smm;help;status'= {
        }
        &'smm;help;refill'= {
        }
        &'smm;help;refill-status'= {
        }
        &'smm;help;refills'= {
        }
        &'smm;help;cancel'= {
        }
        &'smm;help;watch'= {
        }
        &'smm;help;orders'= {
        }
        &'smm;help;routes'= {
        }
        &'smm;help;sync'= {
        }
        &'smm;help;book'= {
            cand info 'Which book is in use: backend, where (never a password), schema version, counts'
            cand copy 'Copy every order (with its status history), balance, catalogue snapshot and alert of one book into another, keyed by entry ids: a second run copies nothing new'
        }
        &'smm;help;book;info'= {
        }
        &'smm;help;book;copy'= {
        }
        &'smm;help;mcp'= {
        }
        &'smm;help;pika'= {
            cand account 'The Discord accounts useapi.net drives Pika with'
        }
        &'smm;help;pika;account'= {
            cand list 'List the configured accounts (GET /pika/account; Discord tokens masked)'
            cand set 'Add or update an account (POST /pika/account/CHANNEL)'
            cand delete 'Remove an account (DELETE /pika/account/CHANNEL)'
        }
        &'smm;help;pika;account;list'= {
        }
        &'smm;help;pika;account;set'= {
        }
        &'smm;help;pika;account;delete'= {
        }
        &'smm;help;config'= {
            cand path 'Print the path of the config file smm reads'
            cand show 'Show the profiles, their URLs and where each key comes from (keys masked)'
            cand init 'Write a starter config file whose profiles are commented examples (mode 0600); never overwrites'
            cand add 'Add a profile to the config file (creating the file when missing)'
            cand remove 'Remove a profile from the config file (comments and layout kept)'
            cand set-default 'Make a profile the default (default_profile)'
            cand set 'Change one setting of a profile (-p NAME, else the one commands use), checked as smm reads it'
            cand names 'The profile names, one a line (for shell completion of -p)'
        }
        &'smm;help;config;path'= {
        }
        &'smm;help;config;show'= {
        }
        &'smm;help;config;init'= {
        }
        &'smm;help;config;add'= {
        }
        &'smm;help;config;remove'= {
        }
        &'smm;help;config;set-default'= {
        }
        &'smm;help;config;set'= {
        }
        &'smm;help;config;names'= {
        }
        &'smm;help;sandbox'= {
        }
        &'smm;help;demo'= {
        }
        &'smm;help;completions'= {
        }
        &'smm;help;help'= {
        }
    ]
    $completions[$command]
}
