//! Order and refill ids from arguments ("1,10,100"), a file, or stdin; chunks of 100.

use crate::exit::usage;
use std::io::Read;
use std::path::Path;

/// The most ids a panel accepts in one multi-form request.
pub const CHUNK: usize = 100;

/// Collects ids from `args` (each a comma-separated list; `-` reads stdin) and from `file`,
/// drops duplicates keeping first position, and refuses bad tokens and an empty list.
pub fn collect(
    args: &[String],
    file: Option<&Path>,
    stdin: &mut dyn Read,
) -> anyhow::Result<Vec<u64>> {
    let mut tokens: Vec<String> = Vec::new();
    let mut stdin_used = false;
    for arg in args {
        if arg.trim() == "-" {
            if stdin_used {
                continue;
            }
            stdin_used = true;
            let mut text = String::new();
            stdin
                .read_to_string(&mut text)
                .map_err(|e| usage(format!("could not read ids from stdin: {e}")))?;
            tokens.extend(split(&text));
        } else {
            tokens.extend(
                arg.split(',')
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty()),
            );
        }
    }
    if let Some(path) = file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| usage(format!("could not read ids from {}: {e}", path.display())))?;
        tokens.extend(split(&text));
    }
    parse_tokens(&tokens)
}

/// Splits free text into tokens on commas and any whitespace (newlines included).
fn split(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parses tokens into unique ids in first-seen order.
pub fn parse_tokens(tokens: &[String]) -> anyhow::Result<Vec<u64>> {
    let mut seen = std::collections::HashSet::new();
    let mut ids = Vec::with_capacity(tokens.len());
    for token in tokens {
        let id = parse_id(token)?;
        if seen.insert(id) {
            ids.push(id);
        }
    }
    if ids.is_empty() {
        return Err(usage(
            "no ids given: pass them as arguments (1,10,100), with --file PATH, or as - to read stdin",
        ));
    }
    Ok(ids)
}

/// Parses one id: a positive whole number that fits u64.
fn parse_id(token: &str) -> anyhow::Result<u64> {
    let valid = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit());
    match token.parse::<u64>() {
        Ok(id) if valid && id > 0 => Ok(id),
        _ => Err(usage(format!(
            "'{token}' is not a valid id: ids are positive whole numbers (like 23501), separated by commas"
        ))),
    }
}

/// Joins ids with commas, the multi form's wire format.
pub fn join(ids: &[u64]) -> String {
    let mut s = String::with_capacity(ids.len() * 8);
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&id.to_string());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn from_args(list: &[&str]) -> anyhow::Result<Vec<u64>> {
        collect(&args(list), None, &mut std::io::empty())
    }

    #[test]
    fn comma_lists_across_arguments_keep_first_position() {
        assert_eq!(
            from_args(&["1,10,100", "10", "2"]).unwrap(),
            vec![1, 10, 100, 2]
        );
        assert_eq!(from_args(&["5, 6 ,7,,"]).unwrap(), vec![5, 6, 7]);
    }

    #[test]
    fn bad_tokens_are_named() {
        for bad in ["abc", "0", "-1", "1.5", "+3", "18446744073709551616"] {
            let err = from_args(&["1", bad]).unwrap_err().to_string();
            assert!(err.contains(&format!("'{bad}'")), "{err}");
        }
        assert_eq!(
            from_args(&["18446744073709551615"]).unwrap(),
            vec![u64::MAX]
        );
    }

    #[test]
    fn empty_list_is_an_error() {
        assert!(from_args(&[]).unwrap_err().to_string().contains("no ids"));
        assert!(from_args(&[" , "]).is_err());
    }

    #[test]
    fn stdin_and_files_split_on_commas_spaces_newlines() {
        let mut input = "3\n\n4, 5 6\r\n3\n".as_bytes();
        assert_eq!(
            collect(&args(&["-"]), None, &mut input).unwrap(),
            vec![3, 4, 5, 6]
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ids.txt");
        std::fs::write(&path, "7\n8,9\n\n  10  \n").unwrap();
        let ids = collect(&args(&["1"]), Some(&path), &mut std::io::empty()).unwrap();
        assert_eq!(ids, vec![1, 7, 8, 9, 10]);
    }

    #[test]
    fn join_is_comma_separated() {
        assert_eq!(join(&[1, 10, 100]), "1,10,100");
    }
}
