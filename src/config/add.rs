//! Adding a profile to the config file from the command line (`smm config add`, `smm sandbox
//! --add-profile`), keeping the file's comments and layout (toml_edit).
//!
//! A missing file is created with mode 0600 (its directory 0700); an existing one is rewritten
//! through a temporary file and a rename, keeping its mode (tightened to 0600 when a key is
//! written into it) and following a symlink to the real file.

use crate::config::private::Existing;
use crate::config::secret::Secret;
use crate::config::{self, Api};
use crate::exit::usage;
use std::path::{Path, PathBuf};
use toml_edit::{DocumentMut, Item, Table as TomlTable, value};

/// Where a new profile's key comes from.
#[derive(Debug)]
pub enum KeySource {
    /// The key itself, written into the file.
    Key(Secret),
    /// An environment variable read at every run.
    Env(String),
    /// A command run at every run; the first line it prints is the key.
    Command(String),
}

/// A profile to add.
#[derive(Debug)]
pub struct NewProfile {
    /// Its name.
    pub name: String,
    /// The panel's endpoint.
    pub url: String,
    /// The API dialect.
    pub api: Api,
    /// Where the key comes from.
    pub key: KeySource,
    /// `allow_http = true`: plain http:// to another host.
    pub allow_http: bool,
}

/// What `add` did, for the message printed after it.
#[derive(Debug, PartialEq, Eq)]
pub struct Added {
    /// The file written.
    pub path: PathBuf,
    /// The file did not exist before.
    pub created: bool,
    /// A profile of that name was replaced (`--force`).
    pub replaced: bool,
    /// The profile that is now `default_profile`, if `add` set it.
    pub default: Option<String>,
}

/// The same profile is in the file already (same url, API and key source): nothing to do.
#[derive(Debug)]
pub struct Unchanged;

/// Adds `profile` to the config file at `path`. An existing profile of that name is refused
/// (exit 2) unless `force`; `make_default` sets `default_profile`. When the file had exactly
/// one profile and no `default_profile`, that profile becomes the default (so commands without
/// `-p` keep using it) unless the new one is made the default.
pub fn add(
    path: &Path,
    profile: &NewProfile,
    force: bool,
    make_default: bool,
) -> anyhow::Result<Result<Added, Unchanged>> {
    let name = &profile.name;
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(usage(format!(
            "'{name}' is not a profile name: use letters, digits, - and _ (like pica or my-panel)"
        )));
    }
    config::check_url(name, &profile.url, profile.allow_http, path).map_err(|e| {
        usage(format!("{e:#}").replace("set allow_http = true in the profile", "pass --allow-http"))
    })?;
    if let KeySource::Env(var) = &profile.key
        && (var.is_empty() || var.contains(['=', '$', ' ']))
    {
        return Err(usage(format!(
            "--key-env takes the name of an environment variable (like PICA_KEY), not '{var}'"
        )));
    }
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let existing = match std::fs::read_to_string(&target) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(usage(format!(
                "cannot read config file {}: {e}",
                path.display()
            )));
        }
    };
    let text = existing.clone().unwrap_or_default();
    // The file must be valid before smm edits it: its error names the line.
    let parsed = config::parse(&text)
        .map_err(|msg| usage(format!("config file {}: {msg}", path.display())))?;
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e| usage(format!("config file {}: {e}", path.display())))?;
    let replaced = parsed.profiles.contains_key(name);
    if replaced && !force {
        if let Some(def) = parsed.profiles.get(name)
            && same(def, profile)
        {
            return Ok(Err(Unchanged));
        }
        return Err(usage(format!(
            "profile '{name}' already exists in {}: pass --force to replace it, or pick another name",
            path.display()
        )));
    }
    let keep_only = match (&parsed.default_profile, parsed.profiles.len()) {
        (None, 1) if !make_default && !replaced => parsed.profiles.keys().next().cloned(),
        _ => None,
    };
    let default = match make_default {
        true => Some(name.clone()),
        false => keep_only,
    };
    // A file of comments only (the starter): they stay on top, the profile goes under them.
    let only_comments = doc.as_table().is_empty();
    let had_default = doc.contains_key("default_profile");
    let lead = match only_comments {
        true => {
            let trailing = doc.trailing().as_str().unwrap_or("").trim_end().to_string();
            doc.set_trailing("");
            match trailing.is_empty() {
                true => String::new(),
                false => format!("{trailing}\n\n"),
            }
        }
        false => "\n".to_string(),
    };
    let mut table = TomlTable::default();
    table["url"] = value(profile.url.trim());
    if profile.api != Api::V2 {
        table["api"] = value(profile.api.name());
    }
    if profile.allow_http {
        table["allow_http"] = value(true);
    }
    match &profile.key {
        KeySource::Key(key) => table["key"] = value(key.expose()),
        KeySource::Env(var) => table["key_env"] = value(var.as_str()),
        KeySource::Command(command) => table["key_command"] = value(command.as_str()),
    }
    table.decor_mut().set_prefix(lead);
    if let (Some(default), true) = (&default, had_default) {
        // Changed in place, where the user wrote it.
        doc["default_profile"] = value(default.as_str());
    }
    let profiles = doc.entry("profiles").or_insert_with(|| {
        let mut t = TomlTable::default();
        t.set_implicit(true);
        Item::Table(t)
    });
    let Some(profiles) = profiles.as_table_mut() else {
        return Err(usage(format!(
            "config file {}: `profiles` is not a table of [profiles.NAME] sections",
            path.display()
        )));
    };
    match profiles.get_mut(name) {
        // Replaced in place: the section keeps its position and the comment above it.
        Some(item) => {
            if let Some(old) = item.as_table() {
                table.decor_mut().clone_from(old.decor());
            }
            *item = Item::Table(table);
        }
        None => {
            profiles.insert(name, Item::Table(table));
        }
    }
    let mut new_text = doc.to_string();
    if let (Some(default), false) = (&default, had_default) {
        insert_default(&mut new_text, default);
    }
    config::parse(&new_text).map_err(|msg| {
        anyhow::anyhow!(
            "internal error: the edited config does not parse ({msg}); nothing was written"
        )
    })?;
    let holds_key = matches!(profile.key, KeySource::Key(_));
    write(&target, &new_text, existing.is_none(), holds_key)?;
    Ok(Ok(Added {
        path: path.to_path_buf(),
        created: existing.is_none(),
        replaced,
        default,
    }))
}

/// Writes a new `default_profile` line under the file's opening comments, before any section
/// and the comment block right above it (which belongs to that section).
pub(super) fn insert_default(text: &mut String, default: &str) {
    let mut at = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if !(line.trim().is_empty() || line.trim_start().starts_with('#')) {
            break;
        }
        offset += line.len();
        if line.trim().is_empty() {
            at = offset;
        }
    }
    text.insert_str(at, &format!("default_profile = \"{default}\"\n\n"));
}

/// Whether the file's profile is the one being added (same url, API and key source).
fn same(def: &config::ProfileDef, new: &NewProfile) -> bool {
    let key = match &new.key {
        KeySource::Key(k) => def.key.as_deref() == Some(k.expose()),
        KeySource::Env(v) => def.key_env.as_deref() == Some(v.as_str()),
        KeySource::Command(c) => def.key_command.as_deref() == Some(c.as_str()),
    };
    key && def.url.trim() == new.url.trim()
        && def.api == new.api
        && def.allow_http.unwrap_or(false) == new.allow_http
}

/// Writes `text` to `path` through a temporary file in the same directory and a rename. A new
/// file (and its missing directories) is created 0600 (0700); an existing file keeps its mode,
/// without group and other bits when it holds a key.
pub(super) fn write(path: &Path, text: &str, new: bool, holds_key: bool) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if new {
        crate::config::private::create_dir(dir)
            .map_err(|e| usage(format!("cannot create {}: {e}", dir.display())))?;
    }
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        let old = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0o600);
        if new || holds_key { old & 0o700 } else { old }
    };
    let tmp = dir.join(format!(
        ".{}.tmp{}",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id()
    ));
    let result = crate::config::private::write_private(&tmp, Existing::Refuse)
        .and_then(|mut f| {
            std::io::Write::write_all(&mut f, text.as_bytes())?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                f.set_permissions(std::fs::Permissions::from_mode(mode))?;
            }
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| {
        usage(format!(
            "cannot write {}: {e}; nothing was changed",
            path.display()
        ))
    })
}

impl Added {
    /// What `config add` (and `sandbox --add-profile`) says it did.
    pub fn message(&self, profile: &NewProfile) -> String {
        let added = self;
        let name = &profile.name;
        let verb = match (added.created, added.replaced) {
            (true, _) => "Created",
            (false, true) => "Replaced profile '{name}' in",
            (false, false) => "Added profile '{name}' to",
        }
        .replace("{name}", name);
        let mut text = match added.created {
            true => format!(
                "{verb} {} (mode 0600) with profile '{name}'",
                added.path.display()
            ),
            false => format!("{verb} {}", added.path.display()),
        };
        match &added.default {
            Some(d) if d == name => text.push_str(&format!("; '{name}' is the default profile")),
            Some(d) => text.push_str(&format!(
                "; default_profile = \"{d}\" set so commands without -p keep using '{d}'"
            )),
            None => {}
        }
        let how = match &profile.key {
            KeySource::Key(_) => "the key is in the file".to_string(),
            KeySource::Env(var) => format!("the key is read from ${var} at every run"),
            KeySource::Command(_) => "the key comes from its key_command at every run".to_string(),
        };
        let try_it = match profile.api {
            crate::config::Api::Useapi => "pika account list",
            _ => "balance",
        };
        format!("{text}; {how}.\nTry it: smm -p {name} {try_it}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(name: &str) -> NewProfile {
        NewProfile {
            name: name.into(),
            url: "https://panel.example/api/v2".into(),
            api: Api::V2,
            key: KeySource::Env("PANEL_KEY".into()),
            allow_http: false,
        }
    }

    #[test]
    fn the_starter_keeps_its_comments_on_top() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, config::STARTER).unwrap();
        add(&path, &profile("pica"), false, true).unwrap().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(config::STARTER.trim_end()), "{text}");
        assert!(
            text.ends_with(
                "\n\ndefault_profile = \"pica\"\n\n[profiles.pica]\nurl = \"https://panel.example/api/v2\"\nkey_env = \"PANEL_KEY\"\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn other_profiles_and_comments_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let before = "# mine\n[profiles.a] # the first\nurl = \"https://a.example/api/v2\"\nkey_env = \"A\"\n";
        std::fs::write(&path, before).unwrap();
        let added = add(&path, &profile("b"), false, false).unwrap().unwrap();
        // `a` was the only profile: it stays the default.
        assert_eq!(added.default.as_deref(), Some("a"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "default_profile = \"a\"\n\n# mine\n[profiles.a] # the first\nurl = \"https://a.example/api/v2\"\nkey_env = \"A\"\n\n\
             [profiles.b]\nurl = \"https://panel.example/api/v2\"\nkey_env = \"PANEL_KEY\"\n"
        );
        // An existing default_profile is changed where it is.
        let added = add(&path, &profile("c"), false, true).unwrap().unwrap();
        assert_eq!(added.default.as_deref(), Some("c"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("default_profile = \"c\"\n\n# mine\n[profiles.a]"),
            "{text}"
        );
    }
}
