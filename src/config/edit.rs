//! Changing the config file from the command line (`smm config remove`, `set-default`, `set`),
//! through toml_edit as `config add` does: comments and layout kept, the file rewritten through
//! a temporary file and a rename, checked as the loader checks it before it is written.
//!
//! Removing the default profile never leaves `default_profile` naming a profile that is gone:
//! when one profile is left it becomes the default (commands without `-p` keep working);
//! otherwise the `default_profile` line is removed, and a command without `-p` says to pick one
//! with `smm config set-default NAME`.

use crate::config::{self, ConfigFile};
use crate::exit::usage;
use std::path::Path;
use toml_edit::{DocumentMut, value};

/// The profile settings `config set` changes, with what their values are. `key` is not one of
/// them: a key typed on the command line would stay in the shell's history (`smm config add
/// NAME --url URL --key - --force` reads it from stdin).
const SETTABLE: &[(&str, Value)] = &[
    ("url", Value::Text),
    ("api", Value::Text),
    ("key_env", Value::Text),
    ("key_command", Value::Text),
    ("allow_http", Value::Bool),
    ("user_agent", Value::Text),
    ("concurrency", Value::Number),
    ("max_rpm", Value::Number),
    ("attempts", Value::Number),
    ("duplicate_window", Value::Text),
    ("services_ttl", Value::Text),
    ("low_balance", Value::Text),
    ("stalled_after", Value::Text),
    ("refill_period", Value::Text),
    ("refill_every", Value::Text),
    ("auto_refill", Value::Bool),
    ("alert_repeat", Value::Text),
];

/// How a setting's value is written in TOML.
#[derive(Debug, Clone, Copy)]
enum Value {
    /// A string.
    Text,
    /// `true` or `false`.
    Bool,
    /// A whole number.
    Number,
}

/// The config file read for an edit: its path, parsed form and editable document.
struct Editing<'p> {
    path: &'p Path,
    target: std::path::PathBuf,
    parsed: ConfigFile,
    doc: DocumentMut,
}

impl<'p> Editing<'p> {
    /// Reads and parses the file (it must exist and be valid).
    fn open(path: &'p Path) -> anyhow::Result<Editing<'p>> {
        let parsed = config::load(path)?.file;
        let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let text = std::fs::read_to_string(&target)
            .map_err(|e| usage(format!("cannot read config file {}: {e}", path.display())))?;
        let doc = text
            .parse()
            .map_err(|e| usage(format!("config file {}: {e}", path.display())))?;
        Ok(Editing {
            path,
            target,
            parsed,
            doc,
        })
    }

    /// Refuses a profile the file does not hold, suggesting the closest name.
    fn profile(&self, name: &str) -> anyhow::Result<()> {
        if self.parsed.profiles.contains_key(name) {
            return Ok(());
        }
        let names: Vec<&str> = self.parsed.profiles.keys().map(String::as_str).collect();
        let near = config::closest(name, names.iter().copied())
            .map(|k| format!("; did you mean '{k}'?"))
            .unwrap_or_default();
        let known = match names.is_empty() {
            true => "none".to_string(),
            false => names.join(", "),
        };
        Err(usage(format!(
            "profile '{name}' is not in {}; known profiles: {known}{near}",
            self.path.display()
        )))
    }

    /// Sets `default_profile` where it is, or writes it on top when the file has none.
    fn set_default(&mut self, name: &str) -> String {
        if self.doc.contains_key("default_profile") {
            self.doc["default_profile"] = value(name);
            self.doc.to_string()
        } else {
            let mut text = self.doc.to_string();
            super::add::insert_default(&mut text, name);
            text
        }
    }

    /// Checks the new text as the loader would (and `profile`, when named, as `resolve`
    /// would, without reading its key), then writes it.
    fn save(&self, text: &str, profile: Option<&str>) -> anyhow::Result<()> {
        let file = config::parse(text).map_err(|msg| {
            usage(format!(
                "config file {}: {msg}; nothing was changed",
                self.path.display()
            ))
        })?;
        if let Some(name) = profile
            && let Some(def) = file.profiles.get(name)
        {
            config::check(name, def, self.path)
                .map_err(|e| usage(format!("{e:#}; nothing was changed")))?;
        }
        let holds_key = file.profiles.values().any(|p| p.key.is_some());
        super::add::write(&self.target, text, false, holds_key)
    }
}

/// `smm config remove NAME`: removes the profile's section (and the comments right above it);
/// returns what became of `default_profile` (see the module's doc).
pub fn remove(path: &Path, name: &str) -> anyhow::Result<String> {
    let mut editing = Editing::open(path)?;
    editing.profile(name)?;
    if let Some(profiles) = editing
        .doc
        .get_mut("profiles")
        .and_then(|p| p.as_table_like_mut())
    {
        profiles.remove(name);
    }
    let left: Vec<&String> = editing
        .parsed
        .profiles
        .keys()
        .filter(|k| *k != name)
        .collect();
    let was_default = editing.parsed.default_profile.as_deref() == Some(name);
    let (text, said) = match (was_default, left.as_slice()) {
        (false, _) => (editing.doc.to_string(), String::new()),
        (true, [only]) => {
            let only = only.to_string();
            (
                editing.set_default(&only),
                format!("; '{only}', the one profile left, is the default now"),
            )
        }
        (true, _) => {
            // The comments above the line (often the file's own) stay.
            let comments = editing
                .doc
                .key("default_profile")
                .and_then(|k| k.leaf_decor().prefix())
                .and_then(|p| p.as_str())
                .unwrap_or("")
                .to_string();
            editing.doc.remove("default_profile");
            let text = format!("{comments}{}", editing.doc);
            let hint = match left.is_empty() {
                true => "; no profile is left: add one with `smm config add NAME --url URL --key-env VAR`".to_string(),
                false => "; it was the default: pick another with `smm config set-default NAME`".to_string(),
            };
            (text, hint)
        }
    };
    editing.save(&text, None)?;
    Ok(format!(
        "Removed profile '{name}' from {}{said}.",
        path.display()
    ))
}

/// `smm config set-default NAME`.
pub fn set_default(path: &Path, name: &str) -> anyhow::Result<String> {
    let mut editing = Editing::open(path)?;
    editing.profile(name)?;
    let text = editing.set_default(name);
    editing.save(&text, None)?;
    Ok(format!(
        "'{name}' is the default profile in {}.",
        path.display()
    ))
}

/// `smm config set [-p NAME] KEY VALUE`: one setting of a profile (the one a command would
/// use when `-p` is not given). Setting `key_env` or `key_command` replaces the profile's key
/// source.
pub fn set(path: &Path, profile: Option<&str>, key: &str, text: &str) -> anyhow::Result<String> {
    let Some(kind) = SETTABLE.iter().find(|(k, _)| *k == key).map(|(_, v)| *v) else {
        let known: Vec<&str> = SETTABLE.iter().map(|(k, _)| *k).collect();
        return Err(usage(match key {
            "key" => "config set does not take a key (it would stay in your shell history): \
                      `smm config add NAME --url URL --key - --force` reads it from stdin, or set \
                      key_env or key_command"
                .to_string(),
            _ => format!(
                "'{key}' is not a profile setting; known: {}",
                known.join(", ")
            ),
        }));
    };
    let mut editing = Editing::open(path)?;
    let name = match profile {
        Some(name) => name.to_string(),
        None => {
            let cfg = config::load(path)?;
            cfg.select(None)?.0.to_string()
        }
    };
    editing.profile(&name)?;
    let item = match kind {
        Value::Text => value(text),
        Value::Bool => match text {
            "true" => value(true),
            "false" => value(false),
            _ => return Err(usage(format!("{key} takes true or false, not '{text}'"))),
        },
        Value::Number => match text.parse::<i64>() {
            Ok(n) if n >= 0 => value(n),
            _ => return Err(usage(format!("{key} takes a whole number, not '{text}'"))),
        },
    };
    let Some(section) = editing.doc["profiles"][name.as_str()].as_table_like_mut() else {
        return Err(usage(format!(
            "config file {}: profile '{name}' is not a [profiles.{name}] section",
            path.display()
        )));
    };
    if matches!(key, "key_env" | "key_command") {
        for other in ["key", "key_env", "key_command"] {
            if other != key {
                section.remove(other);
            }
        }
    }
    match section.get_mut(key) {
        // Changed in place: the line keeps its position and its comment.
        Some(old) => {
            let decor = old.as_value().map(|v| v.decor().clone());
            *old = item;
            if let (Some(decor), Some(new)) = (decor, old.as_value_mut()) {
                *new.decor_mut() = decor;
            }
        }
        None => {
            section.insert(key, item);
        }
    }
    let new_text = editing.doc.to_string();
    editing.save(&new_text, Some(&name))?;
    Ok(format!(
        "Set {key} of profile '{name}' in {}.",
        path.display()
    ))
}
