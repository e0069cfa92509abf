//! smm: parse the command line, run the command, map the outcome to an exit code.

mod cli;
mod commands;
mod config;
mod exit;
mod http;
mod ids;
mod money;
mod output;
mod panel;
mod sandbox;
mod secret;

use clap::Parser;

fn main() {
    let cli = cli::Cli::parse();
    let code = match commands::run(cli) {
        Ok(exit) => exit,
        Err(err) if output::is_broken_pipe(&err) => exit::Exit::Success,
        Err(err) => {
            eprintln!("smm: {err:#}");
            exit::code_for(&err)
        }
    };
    std::process::exit(code.code());
}
