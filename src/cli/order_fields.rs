//! The order flags of `smm order add`: clap arguments built from the order field table
//! ([`crate::order::FIELDS`]), one per row, each taking text.

use crate::order::{FIELDS, Field, Kind, Naming};
use clap::{Arg, ArgAction, ArgMatches};
use std::path::Path;

/// The order flags of `smm order add`, one per row of [`FIELDS`]: clap arguments built from the
/// table, each taking text; the values are checked by [`crate::order::Order::from_values`], not by clap, so
/// the command line and bulk files give the same verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderFields {
    /// The flags given, in table order, with their text.
    values: Vec<(&'static Field, String)>,
}

impl OrderFields {
    /// Whether no order flag was given.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The order flags given (`--service`, `--old-posts`), in table order.
    pub fn flags(&self) -> Vec<String> {
        self.values
            .iter()
            .map(|(f, _)| Naming::Flag.of(f))
            .collect()
    }

    /// The values for [`crate::order::Order::from_values`]: a list flag whose value starts with `@` takes the
    /// text of that file (`--comments @comments.txt`; at most 10 MiB, a BOM dropped). This is the command line's only: bulk
    /// file cells are never read as file names.
    pub fn read(&self) -> Result<Vec<(&'static str, String)>, String> {
        self.values
            .iter()
            .map(|(f, value)| match (f.kind, value.strip_prefix('@')) {
                (Kind::List { .. }, Some(path)) => {
                    crate::input::read_file(Path::new(path), &format!("--{} @{path}", f.flag))
                        .map(|text| (f.name, text))
                }
                _ => Ok((f.name, value.clone())),
            })
            .collect()
    }
}

impl clap::FromArgMatches for OrderFields {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        Self::from_arg_matches_mut(&mut matches.clone())
    }

    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, clap::Error> {
        let mut fields = OrderFields::default();
        fields.update_from_arg_matches_mut(matches)?;
        Ok(fields)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.update_from_arg_matches_mut(&mut matches.clone())
    }

    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), clap::Error> {
        for f in FIELDS {
            if let Some(value) = matches.remove_one::<String>(f.name) {
                self.values.retain(|(g, _)| g.name != f.name);
                self.values.push((f, value));
            }
        }
        let order = |f: &Field| FIELDS.iter().position(|g| g.name == f.name);
        self.values.sort_by_key(|(f, _)| order(f));
        Ok(())
    }
}

impl clap::Args for OrderFields {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        FIELDS.iter().fold(cmd, |cmd, f| {
            cmd.arg(
                Arg::new(f.name)
                    .long(f.flag)
                    .value_name(f.value_name)
                    .help(f.help)
                    .help_heading(f.heading)
                    .action(ArgAction::Set)
                    .value_parser(clap::value_parser!(String)),
            )
        })
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}
