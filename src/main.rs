//! smm: parse the command line, run the command, map the outcome to an exit code.

use smm::{cli, commands, exit, msg, output};

use clap::Parser;
use clap::error::ErrorKind;

fn main() {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => usage_error(err),
    };
    let code = match commands::run(cli) {
        Ok(exit) => exit,
        Err(err) if output::is_broken_pipe(&err) => exit::Exit::Success,
        Err(err) => {
            msg::error(&format!("{err:#}"));
            exit::code_for(&err)
        }
    };
    std::process::exit(code.code());
}

/// Prints a command-line error as one line (with clap's suggestion, if any, and where to find
/// help) and exits 2; help and version requests print as usual.
fn usage_error(err: clap::Error) -> ! {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        err.exit();
    }
    let text = err.to_string();
    let mut lines = text.lines();
    let mut line = lines
        .next()
        .unwrap_or("invalid arguments")
        .trim_start_matches("error: ")
        .to_string();
    if line.ends_with(':') {
        // "the following required arguments were not provided:" lists them on the next lines.
        let listed: Vec<&str> = lines
            .clone()
            .map(str::trim)
            .take_while(|l| !l.is_empty())
            .collect();
        line.push(' ');
        line.push_str(&listed.join(", "));
    }
    for tip in text.lines().filter_map(|l| l.trim().strip_prefix("tip: ")) {
        line.push_str("; ");
        line.push_str(tip);
    }
    let command = subcommand_path(std::env::args().skip(1));
    msg::error(&format!("{line} (see `{command} --help`)"));
    std::process::exit(exit::Exit::Usage.code());
}

/// The subcommand path the user typed (`smm order add`), found by walking clap's tree.
fn subcommand_path(args: impl Iterator<Item = String>) -> String {
    use clap::CommandFactory;
    let mut command = cli::Cli::command();
    let mut path = vec!["smm".to_string()];
    for arg in args.filter(|a| !a.starts_with('-')) {
        match command.find_subcommand(&arg) {
            Some(sub) => {
                path.push(arg);
                command = sub.clone();
            }
            None => continue,
        }
    }
    path.join(" ")
}
