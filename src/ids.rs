//! Order and refill ids from arguments ("1,10,100"), a file, or stdin; chunks of 100.
//!
//! One rule everywhere: ids are separated by commas and/or whitespace (spaces, tabs, line
//! breaks), in arguments, files and stdin alike; empty items (`1,,2`, blank lines) are skipped.

use crate::exit::usage;
use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

/// The most ids a panel accepts in one multi-form request.
pub const CHUNK: usize = 100;

/// The most distinct ids one run takes.
pub const MAX_IDS: usize = 100_000;

/// Collects ids from `args` (each a list; `-` reads stdin) and from `file`, drops duplicates
/// keeping first position, and refuses bad tokens, more than [`MAX_IDS`] ids and an empty
/// list. Files and stdin are read with a size limit ([`crate::input`]), a BOM dropped.
pub fn collect(
    args: &[String],
    file: Option<&Path>,
    stdin: &mut dyn Read,
) -> anyhow::Result<Vec<u64>> {
    let mut ids = Ids::default();
    let mut stdin_used = false;
    for arg in args {
        if arg.trim() == "-" {
            if stdin_used {
                continue;
            }
            stdin_used = true;
            let text = crate::input::read_text(&mut *stdin, "stdin")
                .map_err(|e| usage(format!("could not read ids: {e}")))?;
            ids.add(&text)?;
        } else {
            ids.add(arg)?;
        }
    }
    if let Some(path) = file {
        let text = crate::input::read_file(path, &path.display().to_string())
            .map_err(|e| usage(format!("could not read ids: {e}")))?;
        ids.add(&text)?;
    }
    ids.finish()
}

/// Ids in first-seen order, without duplicates.
#[derive(Default)]
struct Ids {
    /// The ids, in order.
    list: Vec<u64>,
    /// The ids seen.
    seen: HashSet<u64>,
}

impl Ids {
    /// Adds the ids of `text`, split on commas and whitespace.
    fn add(&mut self, text: &str) -> anyhow::Result<()> {
        let tokens = text
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|t| !t.is_empty());
        for token in tokens {
            let id = parse_id(token)?;
            if self.seen.insert(id) {
                self.list.push(id);
                if self.list.len() > MAX_IDS {
                    return Err(usage(format!(
                        "more than {MAX_IDS} ids: smm takes at most {MAX_IDS} per run; split the list into several runs"
                    )));
                }
            }
        }
        Ok(())
    }

    /// The ids, or an error when there are none.
    fn finish(self) -> anyhow::Result<Vec<u64>> {
        if self.list.is_empty() {
            return Err(usage(
                "no ids given: pass them as arguments (1,10,100), with --file PATH, or as - to read stdin",
            ));
        }
        Ok(self.list)
    }
}

/// Parses tokens into unique ids in first-seen order.
pub fn parse_tokens(tokens: &[String]) -> anyhow::Result<Vec<u64>> {
    let mut ids = Ids::default();
    for token in tokens {
        ids.add(token)?;
    }
    ids.finish()
}

/// Parses one id: a positive whole number that fits u64.
fn parse_id(token: &str) -> anyhow::Result<u64> {
    let valid = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit());
    match token.parse::<u64>() {
        Ok(id) if valid && id > 0 => Ok(id),
        _ => Err(usage(format!(
            "'{}' is not a valid id: ids are positive whole numbers (like 23501), separated by commas or spaces",
            crate::text::shorten(token, 40)
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
    fn one_rule_for_separators_everywhere() {
        assert_eq!(from_args(&["1,,2"]).unwrap(), vec![1, 2]);
        assert_eq!(from_args(&["1 2", "3\t4"]).unwrap(), vec![1, 2, 3, 4]);
        let mut input = "1,,2\n3 4".as_bytes();
        assert_eq!(
            collect(&args(&["-"]), None, &mut input).unwrap(),
            vec![1, 2, 3, 4]
        );
    }

    #[test]
    fn a_bom_is_dropped_from_files_and_stdin() {
        let mut input = "\u{feff}5,6".as_bytes();
        assert_eq!(
            collect(&args(&["-"]), None, &mut input).unwrap(),
            vec![5, 6]
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ids.txt");
        std::fs::write(&path, "\u{feff}7\r\n8\r\n").unwrap();
        let ids = collect(&[], Some(&path), &mut std::io::empty()).unwrap();
        assert_eq!(ids, vec![7, 8]);
    }

    #[test]
    fn at_most_a_hundred_thousand_distinct_ids() {
        let most: Vec<String> = (1..=MAX_IDS as u64).map(|i| i.to_string()).collect();
        assert_eq!(parse_tokens(&most).unwrap().len(), MAX_IDS);
        let mut more = most.clone();
        more.push("1".into());
        assert_eq!(
            parse_tokens(&more).unwrap().len(),
            MAX_IDS,
            "a repeat is not more"
        );
        more.push((MAX_IDS + 1).to_string());
        let err = parse_tokens(&more).unwrap_err().to_string();
        assert!(err.contains("at most 100000"), "{err}");
        let huge = "1,".repeat(6 << 20).into_bytes();
        let err = collect(&args(&["-"]), None, &mut &huge[..]).unwrap_err();
        assert!(err.to_string().contains("larger than 10 MiB"), "{err}");
    }

    #[test]
    fn join_is_comma_separated() {
        assert_eq!(join(&[1, 10, 100]), "1,10,100");
    }
}
