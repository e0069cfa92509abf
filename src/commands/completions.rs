//! `smm completions SHELL`

use crate::exit::Exit;

/// Prints the completion script for `shell` on stdout.
pub fn run(shell: clap_complete::Shell) -> anyhow::Result<Exit> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(), "smm", &mut buf);
    crate::output::print_line(String::from_utf8_lossy(&buf).trim_end())?;
    Ok(Exit::Success)
}
