//! `smm completions SHELL`: clap's script, with `-p`/`--profile` completing the config's
//! profile names. The scripts call the hidden `smm config names` (one name a line, nothing
//! when there is no config) at completion time rather than clap_complete's dynamic engine
//! (unstable, and it would run the whole binary for every word): a static script stays
//! readable, and only the profile flag asks smm.

use crate::exit::Exit;

/// What the scripts run to list the profile names.
const NAMES: &str = "smm config names 2>/dev/null";

/// Prints the completion script for `shell` on stdout.
pub fn run(shell: clap_complete::Shell) -> anyhow::Result<Exit> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(), "smm", &mut buf);
    let script = with_profile_names(shell, &String::from_utf8_lossy(&buf));
    crate::output::print_line(script.trim_end())?;
    Ok(Exit::Success)
}

/// `script` with the file-name completion of `-p` and `--profile` replaced by the profile
/// names (bash, zsh and fish; other shells' scripts are left as clap writes them).
fn with_profile_names(shell: clap_complete::Shell, script: &str) -> String {
    use clap_complete::Shell;
    match shell {
        Shell::Bash => {
            let mut out = String::with_capacity(script.len());
            let mut profile_case = false;
            for line in script.split_inclusive('\n') {
                let trimmed = line.trim();
                if trimmed == "--profile)" || trimmed == "-p)" {
                    profile_case = true;
                } else if profile_case && trimmed == r#"COMPREPLY=($(compgen -f "${cur}"))"# {
                    let indent = &line[..line.len() - line.trim_start().len()];
                    out.push_str(&format!(
                        "{indent}COMPREPLY=($(compgen -W \"$({NAMES})\" -- \"${{cur}}\"))\n"
                    ));
                    profile_case = false;
                    continue;
                } else {
                    profile_case = false;
                }
                out.push_str(line);
            }
            out
        }
        Shell::Zsh => script
            .lines()
            .map(
                |l| match l.starts_with("'-p+[") || l.starts_with("'--profile=[") {
                    true => l.replace(
                        ":NAME:_default'",
                        &format!(":NAME:{{compadd -- $({NAMES})}}'"),
                    ),
                    false => l.to_string(),
                },
            )
            .collect::<Vec<_>>()
            .join("\n"),
        Shell::Fish => script
            .lines()
            .map(|l| match l.contains(" -s p -l profile ") {
                true => format!("{l} -f -a \"({NAMES})\""),
                false => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        _ => script.to_string(),
    }
}
