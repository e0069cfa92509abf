//! smm: parse the command line, run the command, map the outcome to an exit code.

use smm::{cli, commands, exit, msg, output};

use clap::error::ErrorKind;

fn main() {
    let cli = match cli::parse() {
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

/// Prints a command-line error as one line (allowed values, the best suggestion, where to find
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    msg::error(&smm::cli::usage::one_line(&err, &args));
    std::process::exit(exit::Exit::Usage.code());
}
