//! A command-line error as one line: what clap found wrong, the values it allows, its best
//! suggestion (or the subcommand that has the word or flag typed), and which `--help` to read.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The one line `smm` prints for a command-line error (without the `smm: ` prefix); `args`
/// are the arguments after the program name.
pub fn one_line(err: &clap::Error, args: &[String]) -> String {
    let cmd = crate::cli::command();
    let path = subcommand_path(&cmd, args);
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
    if let Some(ContextValue::Strings(values)) = err.get(ContextKind::ValidValue)
        && !values.is_empty()
    {
        line.push_str(&format!(" [possible values: {}]", values.join(", ")));
    }
    if let Some(hint) = suggestion(err, &cmd, &path, args) {
        line.push_str("; ");
        line.push_str(&hint);
    }
    // clap's other tips (`to pass '-x' as a value, use '-- -x'`), its suggestions aside.
    for tip in text.lines().filter_map(|l| l.trim().strip_prefix("tip: ")) {
        if !tip.contains("similar") {
            line.push_str("; ");
            line.push_str(tip);
        }
    }
    format!("{line} (see `{} --help`)", path.join(" "))
}

/// What the user probably meant: clap's best suggestion, else the subcommand further down the
/// tree that has the word (`smm add` → `smm order add`; where several have it, the one that
/// takes the flags typed) or the flag (`smm order --service`).
fn suggestion(
    err: &clap::Error,
    cmd: &clap::Command,
    path: &[String],
    args: &[String],
) -> Option<String> {
    let at = descend(cmd, path);
    match err.kind() {
        ErrorKind::InvalidSubcommand => {
            let typed = string(err.get(ContextKind::InvalidSubcommand)?)?;
            // clap lists similar names from the least to the most similar.
            if let Some(ContextValue::Strings(similar)) = err.get(ContextKind::SuggestedSubcommand)
                && let Some(best) = similar.last()
            {
                return Some(format!("did you mean `{} {best}`?", path.join(" ")));
            }
            let flags: Vec<&str> = args
                .iter()
                .skip_while(|a| a.as_str() != typed)
                .filter_map(|a| a.strip_prefix("--"))
                .map(|a| a.split('=').next().unwrap_or(a))
                .collect();
            let found = find_subcommand(at, typed, &flags);
            if found.is_empty() {
                return None;
            }
            let shown: Vec<String> = found
                .iter()
                .map(|p| format!("`{} {}`", path.join(" "), p.join(" ")))
                .collect();
            Some(format!("did you mean {}?", shown.join(" or ")))
        }
        ErrorKind::UnknownArgument => {
            if let Some(arg) = err.get(ContextKind::SuggestedArg).and_then(string) {
                return Some(format!("did you mean '{arg}'?"));
            }
            let typed = string(err.get(ContextKind::InvalidArg)?)?;
            let flag = typed.split('=').next()?.strip_prefix("--")?;
            let found = find_flag(at, flag)?;
            Some(format!(
                "did you mean `{} {} --{flag}`?",
                path.join(" "),
                found.join(" ")
            ))
        }
        _ => {
            let value = err.get(ContextKind::SuggestedValue).and_then(string)?;
            Some(format!("did you mean '{value}'?"))
        }
    }
}

/// The text of a one-string context value.
fn string(value: &ContextValue) -> Option<&str> {
    match value {
        ContextValue::String(s) => Some(s),
        _ => None,
    }
}

/// The subcommand `path` (from `smm`) leads to.
fn descend<'c>(cmd: &'c clap::Command, path: &[String]) -> &'c clap::Command {
    path.iter()
        .skip(1)
        .fold(cmd, |c, name| c.find_subcommand(name).unwrap_or(c))
}

/// The paths below `cmd` to the subcommands named `name` (`order add` for `add`); when several
/// have the name, those that take every one of `flags` (if any does).
fn find_subcommand(cmd: &clap::Command, name: &str, flags: &[&str]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut fitting = Vec::new();
    walk(cmd, &mut Vec::new(), &mut |sub, path| {
        if sub.get_name() == name {
            found.push(path.to_vec());
            let takes = |flag: &&str| sub.get_arguments().any(|a| a.get_long() == Some(flag));
            if !flags.is_empty() && flags.iter().all(takes) {
                fitting.push(path.to_vec());
            }
        }
    });
    match fitting.is_empty() {
        true => found,
        false => fitting,
    }
}

/// The path below `cmd` to the one subcommand that has the long flag `--flag`.
fn find_flag(cmd: &clap::Command, flag: &str) -> Option<Vec<String>> {
    let mut found = Vec::new();
    walk(cmd, &mut Vec::new(), &mut |sub, path| {
        let own = sub
            .get_arguments()
            .any(|a| !a.is_global_set() && a.get_long() == Some(flag));
        if own {
            found.push(path.to_vec());
        }
    });
    (found.len() == 1).then(|| found.remove(0))
}

/// Calls `visit` for every subcommand under `cmd` (not `help`) with its path.
fn walk(
    cmd: &clap::Command,
    path: &mut Vec<String>,
    visit: &mut dyn FnMut(&clap::Command, &[String]),
) {
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        path.push(sub.get_name().to_string());
        visit(sub, path);
        walk(sub, path, visit);
        path.pop();
    }
}

/// The subcommand path the user typed (`smm order add`), found by walking clap's tree; the
/// values of options (`-p sandbox`) are not taken for subcommands.
pub fn subcommand_path(cmd: &clap::Command, args: &[String]) -> Vec<String> {
    let mut at = cmd;
    let mut path = vec!["smm".to_string()];
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let option = if let Some(long) = arg.strip_prefix("--") {
            (!long.contains('=')).then(|| at.get_arguments().find(|a| a.get_long() == Some(long)))
        } else if let Some(short) = arg.strip_prefix('-') {
            let mut chars = short.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(at.get_arguments().find(|a| a.get_short() == Some(c))),
                _ => Some(None),
            }
        } else {
            None
        };
        match option {
            Some(Some(a)) if a.get_action().takes_values() => {
                args.next();
            }
            Some(_) => {}
            None => {
                if let Some(sub) = at.find_subcommand(arg) {
                    path.push(arg.clone());
                    at = sub;
                }
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(args: &[&str]) -> String {
        let err = crate::cli::parse_from(std::iter::once("smm").chain(args.iter().copied()))
            .expect_err("a usage error");
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        one_line(&err, &args)
    }

    #[test]
    fn the_best_suggestion_is_kept() {
        assert_eq!(
            line(&["balnce"]),
            "unrecognized subcommand 'balnce'; did you mean `smm balance`? (see `smm --help`)"
        );
        assert_eq!(
            line(&["order", "add", "--qantity", "5"]),
            "unexpected argument '--qantity' found; did you mean '--quantity'? (see `smm order add --help`)"
        );
    }

    #[test]
    fn a_word_or_flag_of_a_deeper_subcommand_points_there() {
        assert_eq!(
            line(&["add", "--service", "1"]),
            "unrecognized subcommand 'add'; did you mean `smm order add`? (see `smm --help`)"
        );
        assert_eq!(
            line(&["add"]),
            "unrecognized subcommand 'add'; did you mean `smm order add` or `smm config add`? (see `smm --help`)"
        );
        assert_eq!(
            line(&["order", "--service", "1448"]),
            "unexpected argument '--service' found; did you mean `smm order add --service`? (see `smm order --help`)"
        );
    }

    #[test]
    fn allowed_values_are_kept() {
        assert_eq!(
            line(&["services", "--sort", "price"]),
            "invalid value 'price' for '--sort <KEY>' [possible values: rate, name, min, max] (see `smm services --help`)"
        );
    }

    #[test]
    fn option_values_are_not_subcommands() {
        let cmd = crate::cli::command();
        let args: Vec<String> = ["-p", "sandbox", "balance", "--all"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(subcommand_path(&cmd, &args), ["smm", "balance"]);
    }
}
