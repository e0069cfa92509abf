
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'smm' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'smm'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'smm' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Show the account balance (action=balance)')
            [CompletionResult]::new('services', 'services', [CompletionResultType]::ParameterValue, 'List the panel''s services, or only those with the given ids (action=services)')
            [CompletionResult]::new('order', 'order', [CompletionResultType]::ParameterValue, 'Place orders (action=add): `smm order add`')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the status of orders (action=status)')
            [CompletionResult]::new('refill', 'refill', [CompletionResultType]::ParameterValue, 'Ask for a refill of orders, or of every order that is due (action=refill)')
            [CompletionResult]::new('refill-status', 'refill-status', [CompletionResultType]::ParameterValue, 'Show the status of refills, by refill id, or follow every unfinished refill of the order book (action=refill_status)')
            [CompletionResult]::new('refills', 'refills', [CompletionResultType]::ParameterValue, 'The refills of the order book, newest first: what was asked, what came back')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Ask the panel to cancel orders (action=cancel)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow orders until they finish: Completed, Partial or Canceled (polls action=status)')
            [CompletionResult]::new('orders', 'orders', [CompletionResultType]::ParameterValue, 'The order book: what was placed, where, at what cost, with what outcome')
            [CompletionResult]::new('routes', 'routes', [CompletionResultType]::ParameterValue, 'Show routes: each candidate''s rate, limits, balance, whether it can take an order now, and the margin against the route''s sell price')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Bring the order book up to date from every panel: statuses, balances, catalogue changes; alerts for cron')
            [CompletionResult]::new('book', 'book', [CompletionResultType]::ParameterValue, 'Which order book is in use (`smm book info`), or copy one into another (`smm book copy`)')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve smm to AI assistants over the Model Context Protocol (stdio): balances, services, quotes, orders through the order book, status, refills, sync')
            [CompletionResult]::new('pika', 'pika', [CompletionResultType]::ParameterValue, 'useapi.net Pika accounts (profiles with api = "useapi")')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show, create or add profiles to the config file')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run the built-in sandbox panel on 127.0.0.1: try smm with no account')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Walk through smm''s main job against a built-in sandbox panel (no config needed)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (see --help for where to install it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;balance' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every panel profile of the config file (or those -p names) at once, one row each')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;services' {
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order the rows (default: the panel''s order)')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Only services whose category contains TEXT (case-insensitive)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only services whose name or category contains every word of TEXT (case-insensitive)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only services whose type contains TEXT (case, spaces and underscores ignored)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every panel profile of the config file (or those -p names) at once, with a PROFILE column')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('changes', 'changes', [CompletionResultType]::ParameterValue, 'The catalogue changes `smm sync` recorded, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;services;changes' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only changes seen within this long (24h, 7d)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;services;help' {
            [CompletionResult]::new('changes', 'changes', [CompletionResultType]::ParameterValue, 'The catalogue changes `smm sync` recorded, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;services;help;changes' {
            break
        }
        'smm;services;help;help' {
            break
        }
        'smm;order' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Place one order, or every order of a bulk file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;order;add' {
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Service id (from `smm services`)')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Link to the post, page or profile')
            [CompletionResult]::new('--quantity', '--quantity', [CompletionResultType]::ParameterName, 'Quantity to order')
            [CompletionResult]::new('--runs', '--runs', [CompletionResultType]::ParameterName, 'Drip-feed: number of runs (needs --interval)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Drip-feed: minutes between runs (needs --runs)')
            [CompletionResult]::new('--comments', '--comments', [CompletionResultType]::ParameterName, 'Custom comments, one per line (text or @FILE)')
            [CompletionResult]::new('--usernames', '--usernames', [CompletionResultType]::ParameterName, 'Usernames to mention (text or @FILE)')
            [CompletionResult]::new('--hashtags', '--hashtags', [CompletionResultType]::ParameterName, 'Hashtags (text or @FILE)')
            [CompletionResult]::new('--hashtag', '--hashtag', [CompletionResultType]::ParameterName, 'One hashtag (Mentions Hashtag)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'One username (Mentions User Followers, Comment Likes/Replies, Subscriptions)')
            [CompletionResult]::new('--keywords', '--keywords', [CompletionResultType]::ParameterName, 'SEO keywords (text or @FILE)')
            [CompletionResult]::new('--media', '--media', [CompletionResultType]::ParameterName, 'Media URL (Mentions Media Likers)')
            [CompletionResult]::new('--groups', '--groups', [CompletionResultType]::ParameterName, 'Groups to invite from (text or @FILE)')
            [CompletionResult]::new('--answer-number', '--answer-number', [CompletionResultType]::ParameterName, 'Poll answer number')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'Subscriptions: minimum quantity per post')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Subscriptions: maximum quantity per post')
            [CompletionResult]::new('--posts', '--posts', [CompletionResultType]::ParameterName, 'Subscriptions: number of new posts to serve')
            [CompletionResult]::new('--old-posts', '--old-posts', [CompletionResultType]::ParameterName, 'Subscriptions: number of existing posts to serve')
            [CompletionResult]::new('--delay', '--delay', [CompletionResultType]::ParameterName, 'Subscriptions: delay in minutes (0, 5, 10, 15, 30, 60, 90…)')
            [CompletionResult]::new('--expiry', '--expiry', [CompletionResultType]::ParameterName, 'Subscriptions: expiry date (d/m/Y, e.g. 31/12/2026)')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'Web Traffic: country code or name')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Web Traffic: device (1 desktop, 2 mobile Android, 3 mobile iOS, 4 mixed mobile, 5 mixed)')
            [CompletionResult]::new('--type-of-traffic', '--type-of-traffic', [CompletionResultType]::ParameterName, 'Web Traffic: traffic type (1 Google keyword, 2 custom referrer, 3 blank referrer)')
            [CompletionResult]::new('--google-keyword', '--google-keyword', [CompletionResultType]::ParameterName, 'Web Traffic: the Google keyword (with --type-of-traffic 1)')
            [CompletionResult]::new('--referring-url', '--referring-url', [CompletionResultType]::ParameterName, 'Web Traffic: the referring URL (with --type-of-traffic 2)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Place every order of a bulk file: `service|link|quantity` lines, or CSV with a header (service,link,quantity[,runs,interval,comments,…]); - reads stdin')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Place every order of a bulk file: `service|link|quantity` lines, or CSV with a header (service,link,quantity[,runs,interval,comments,…]); - reads stdin')
            [CompletionResult]::new('--route', '--route', [CompletionResultType]::ParameterName, 'Place it through a route of the config file (`[routes.NAME]`): the best of its candidate providers that can take it, moving on only after a definite refusal')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Place a bulk file''s orders without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Place a bulk file''s orders without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the order against the catalogue and balance, print its cost, send nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Place it even if the order book shows the same order (profile, service, link, quantity) within the duplicate window')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;order;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Place one order, or every order of a bulk file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;order;help;add' {
            break
        }
        'smm;order;help;help' {
            break
        }
        'smm;status' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read ids from a file (separated by commas, spaces or newlines)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read ids from a file (separated by commas, spaces or newlines)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;refill' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read ids from a file (separated by commas, spaces or newlines)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read ids from a file (separated by commas, spaces or newlines)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'Send a refill for every order that is due (finished, refillable, within refill_period, none pending or asked within refill_every, never refused as disabled); -p a,b picks profiles (default: every panel profile)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With --due: list the due orders and send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;refill-status' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read ids from a file (separated by commas, spaces or newlines)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read ids from a file (separated by commas, spaces or newlines)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;refills' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only refills asked within this long (30m, 24h, 7d)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only refills in this state: Unknown, Refused, Pending, "In progress", Completed, Rejected, "Not found" (any panel spelling)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show the newest N (0 = all)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;cancel' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read ids from a file (separated by commas, spaces or newlines)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read ids from a file (separated by commas, spaces or newlines)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;watch' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read ids from a file (separated by commas, spaces or newlines)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read ids from a file (separated by commas, spaces or newlines)')
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'Time between polls (10s, 30s, 5m)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;orders' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only orders placed within this long (30m, 24h, 7d)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only orders whose last status seen is TEXT (case-insensitive)')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'Only orders with this outcome')
            [CompletionResult]::new('--route', '--route', [CompletionResultType]::ParameterName, 'Only orders placed through this route (`order add --route`)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show the newest N (0 = all)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Group: order count, total cost and total charge per currency')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Ask the panels for the status of every order not known to be finished')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;routes' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;sync' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;book' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Which book is in use: backend, where (never a password), schema version, counts')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every order (with its status history), balance, catalogue snapshot and alert of one book into another, keyed by entry ids: a second run copies nothing new')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;book;info' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;book;copy' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The book to copy into: a file path or postgres://USER@HOST[:PORT]/DB')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The book to copy from (default: the one in use)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;book;help' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Which book is in use: backend, where (never a password), schema version, counts')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every order (with its status history), balance, catalogue snapshot and alert of one book into another, keyed by entry ids: a second run copies nothing new')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;book;help;info' {
            break
        }
        'smm;book;help;copy' {
            break
        }
        'smm;book;help;help' {
            break
        }
        'smm;mcp' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'smm;pika' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'The Discord accounts useapi.net drives Pika with')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;pika;account' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the configured accounts (GET /pika/account; Discord tokens masked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Add or update an account (POST /pika/account/CHANNEL)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove an account (DELETE /pika/account/CHANNEL)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;pika;account;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;pika;account;set' {
            [CompletionResult]::new('--discord', '--discord', [CompletionResultType]::ParameterName, 'Discord token, or - to read it from stdin [default: $SMM_DISCORD_TOKEN]')
            [CompletionResult]::new('--max-jobs', '--max-jobs', [CompletionResultType]::ParameterName, 'Pika jobs to run at once (1-10)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;pika;account;delete' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;pika;account;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the configured accounts (GET /pika/account; Discord tokens masked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Add or update an account (POST /pika/account/CHANNEL)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove an account (DELETE /pika/account/CHANNEL)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;pika;account;help;list' {
            break
        }
        'smm;pika;account;help;set' {
            break
        }
        'smm;pika;account;help;delete' {
            break
        }
        'smm;pika;account;help;help' {
            break
        }
        'smm;pika;help' {
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'The Discord accounts useapi.net drives Pika with')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;pika;help;account' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the configured accounts (GET /pika/account; Discord tokens masked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Add or update an account (POST /pika/account/CHANNEL)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove an account (DELETE /pika/account/CHANNEL)')
            break
        }
        'smm;pika;help;account;list' {
            break
        }
        'smm;pika;help;account;set' {
            break
        }
        'smm;pika;help;account;delete' {
            break
        }
        'smm;pika;help;help' {
            break
        }
        'smm;config' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file smm reads')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the profiles, their URLs and where each key comes from (keys masked)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a starter config file whose profiles are commented examples (mode 0600); never overwrites')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a profile to the config file (creating the file when missing)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a profile from the config file (comments and layout kept)')
            [CompletionResult]::new('set-default', 'set-default', [CompletionResultType]::ParameterValue, 'Make a profile the default (default_profile)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting of a profile (-p NAME, else the one commands use), checked as smm reads it')
            [CompletionResult]::new('names', 'names', [CompletionResultType]::ParameterValue, 'The profile names, one a line (for shell completion of -p)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;config;path' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;config;show' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;config;init' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;config;add' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The panel''s API endpoint, from its API page')
            [CompletionResult]::new('--key-env', '--key-env', [CompletionResultType]::ParameterName, 'Read the key from this environment variable at every run')
            [CompletionResult]::new('--key-command', '--key-command', [CompletionResultType]::ParameterName, 'Run this command at every run; the first line it prints is the key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, '`-`: read the key from stdin now and write it into the file (it stays out of your shell history)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The API the panel speaks')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace a profile of that name')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make it the default profile (default_profile)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow a plain http:// url to another machine (the key then crosses the network unencrypted)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;config;remove' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;config;set-default' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;config;set' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;config;names' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;config;help' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file smm reads')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the profiles, their URLs and where each key comes from (keys masked)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a starter config file whose profiles are commented examples (mode 0600); never overwrites')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a profile to the config file (creating the file when missing)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a profile from the config file (comments and layout kept)')
            [CompletionResult]::new('set-default', 'set-default', [CompletionResultType]::ParameterValue, 'Make a profile the default (default_profile)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting of a profile (-p NAME, else the one commands use), checked as smm reads it')
            [CompletionResult]::new('names', 'names', [CompletionResultType]::ParameterValue, 'The profile names, one a line (for shell completion of -p)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;config;help;path' {
            break
        }
        'smm;config;help;show' {
            break
        }
        'smm;config;help;init' {
            break
        }
        'smm;config;help;add' {
            break
        }
        'smm;config;help;remove' {
            break
        }
        'smm;config;help;set-default' {
            break
        }
        'smm;config;help;set' {
            break
        }
        'smm;config;help;names' {
            break
        }
        'smm;config;help;help' {
            break
        }
        'smm;sandbox' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1 (0 picks a free one)')
            [CompletionResult]::new('--add-profile', '--add-profile', [CompletionResultType]::ParameterName, 'Add the sandbox''s profile to the config file (as NAME, default "sandbox"), like `smm config add`; an existing profile of that name is left alone if it points here')
            [CompletionResult]::new('--latency-ms', '--latency-ms', [CompletionResultType]::ParameterName, 'Milliseconds added to every answer')
            [CompletionResult]::new('--services', '--services', [CompletionResultType]::ParameterName, 'Generated services on top of the seed''s two')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The API key the sandbox accepts')
            [CompletionResult]::new('--balance', '--balance', [CompletionResultType]::ParameterName, 'Starting balance in USD')
            [CompletionResult]::new('--speed', '--speed', [CompletionResultType]::ParameterName, 'Virtual seconds per real second: an order takes 30 virtual minutes (30 s at the default)')
            [CompletionResult]::new('--flavor', '--flavor', [CompletionResultType]::ParameterName, 'Answer like the seed page (standard) or like SmartPanel- or OwnSMM-style panels')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault: an HTML error page (503), a 502, a 429 with Retry-After, or a slow answer')
            [CompletionResult]::new('--fault-first', '--fault-first', [CompletionResultType]::ParameterName, 'Only the first N requests get the fault')
            [CompletionResult]::new('--fault-ratio', '--fault-ratio', [CompletionResultType]::ParameterName, 'Only this fraction of requests (evenly spread, 0.25 = every 4th) gets the fault')
            [CompletionResult]::new('--retry-after', '--retry-after', [CompletionResultType]::ParameterName, 'Retry-After seconds sent with a 429')
            [CompletionResult]::new('--slow-ms', '--slow-ms', [CompletionResultType]::ParameterName, 'Delay of a slow answer, in milliseconds')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--fresh', '--fresh', [CompletionResultType]::ParameterName, 'Begin at order 23501 again, forgetting the ids earlier sandboxes gave')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smm;demo' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'smm;completions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile (panel) to use [default: default_profile, or the only profile]; with --all, a comma-separated list of the profiles to ask')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/smm/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (a terminal: borders; a pipe: plain columns), json, csv or tsv')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the panel''s answer')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Chunks of 100 ids in flight at once [default: the profile''s concurrency, else 4]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the panel''s JSON answer instead of a table (short for --format json)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say which config file and profile are used and why, then show each request (method, URL, fields with the key masked), HTTP status and time on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bar and no notes on stderr (errors are still shown)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch the service catalogue from the panel, not from the local cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'smm;help' {
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Show the account balance (action=balance)')
            [CompletionResult]::new('services', 'services', [CompletionResultType]::ParameterValue, 'List the panel''s services, or only those with the given ids (action=services)')
            [CompletionResult]::new('order', 'order', [CompletionResultType]::ParameterValue, 'Place orders (action=add): `smm order add`')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the status of orders (action=status)')
            [CompletionResult]::new('refill', 'refill', [CompletionResultType]::ParameterValue, 'Ask for a refill of orders, or of every order that is due (action=refill)')
            [CompletionResult]::new('refill-status', 'refill-status', [CompletionResultType]::ParameterValue, 'Show the status of refills, by refill id, or follow every unfinished refill of the order book (action=refill_status)')
            [CompletionResult]::new('refills', 'refills', [CompletionResultType]::ParameterValue, 'The refills of the order book, newest first: what was asked, what came back')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Ask the panel to cancel orders (action=cancel)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow orders until they finish: Completed, Partial or Canceled (polls action=status)')
            [CompletionResult]::new('orders', 'orders', [CompletionResultType]::ParameterValue, 'The order book: what was placed, where, at what cost, with what outcome')
            [CompletionResult]::new('routes', 'routes', [CompletionResultType]::ParameterValue, 'Show routes: each candidate''s rate, limits, balance, whether it can take an order now, and the margin against the route''s sell price')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Bring the order book up to date from every panel: statuses, balances, catalogue changes; alerts for cron')
            [CompletionResult]::new('book', 'book', [CompletionResultType]::ParameterValue, 'Which order book is in use (`smm book info`), or copy one into another (`smm book copy`)')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve smm to AI assistants over the Model Context Protocol (stdio): balances, services, quotes, orders through the order book, status, refills, sync')
            [CompletionResult]::new('pika', 'pika', [CompletionResultType]::ParameterValue, 'useapi.net Pika accounts (profiles with api = "useapi")')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show, create or add profiles to the config file')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run the built-in sandbox panel on 127.0.0.1: try smm with no account')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Walk through smm''s main job against a built-in sandbox panel (no config needed)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (see --help for where to install it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smm;help;balance' {
            break
        }
        'smm;help;services' {
            [CompletionResult]::new('changes', 'changes', [CompletionResultType]::ParameterValue, 'The catalogue changes `smm sync` recorded, newest first')
            break
        }
        'smm;help;services;changes' {
            break
        }
        'smm;help;order' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Place one order, or every order of a bulk file')
            break
        }
        'smm;help;order;add' {
            break
        }
        'smm;help;status' {
            break
        }
        'smm;help;refill' {
            break
        }
        'smm;help;refill-status' {
            break
        }
        'smm;help;refills' {
            break
        }
        'smm;help;cancel' {
            break
        }
        'smm;help;watch' {
            break
        }
        'smm;help;orders' {
            break
        }
        'smm;help;routes' {
            break
        }
        'smm;help;sync' {
            break
        }
        'smm;help;book' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Which book is in use: backend, where (never a password), schema version, counts')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every order (with its status history), balance, catalogue snapshot and alert of one book into another, keyed by entry ids: a second run copies nothing new')
            break
        }
        'smm;help;book;info' {
            break
        }
        'smm;help;book;copy' {
            break
        }
        'smm;help;mcp' {
            break
        }
        'smm;help;pika' {
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'The Discord accounts useapi.net drives Pika with')
            break
        }
        'smm;help;pika;account' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the configured accounts (GET /pika/account; Discord tokens masked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Add or update an account (POST /pika/account/CHANNEL)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove an account (DELETE /pika/account/CHANNEL)')
            break
        }
        'smm;help;pika;account;list' {
            break
        }
        'smm;help;pika;account;set' {
            break
        }
        'smm;help;pika;account;delete' {
            break
        }
        'smm;help;config' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file smm reads')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the profiles, their URLs and where each key comes from (keys masked)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a starter config file whose profiles are commented examples (mode 0600); never overwrites')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a profile to the config file (creating the file when missing)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a profile from the config file (comments and layout kept)')
            [CompletionResult]::new('set-default', 'set-default', [CompletionResultType]::ParameterValue, 'Make a profile the default (default_profile)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting of a profile (-p NAME, else the one commands use), checked as smm reads it')
            [CompletionResult]::new('names', 'names', [CompletionResultType]::ParameterValue, 'The profile names, one a line (for shell completion of -p)')
            break
        }
        'smm;help;config;path' {
            break
        }
        'smm;help;config;show' {
            break
        }
        'smm;help;config;init' {
            break
        }
        'smm;help;config;add' {
            break
        }
        'smm;help;config;remove' {
            break
        }
        'smm;help;config;set-default' {
            break
        }
        'smm;help;config;set' {
            break
        }
        'smm;help;config;names' {
            break
        }
        'smm;help;sandbox' {
            break
        }
        'smm;help;demo' {
            break
        }
        'smm;help;completions' {
            break
        }
        'smm;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
