//! Where the order book is: an SQLite file (the default, `<data dir>/orders.db`, or a path)
//! or a PostgreSQL server (`book = "postgres://USER@HOST[:PORT]/DB"` at the top of the config
//! file, or `SMM_BOOK`, which wins), with its password (never in the URL, never shown) and
//! its TLS settings.

use crate::exit::usage;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The environment variable that says where the book is (a path or a `postgres://` URL);
/// it wins over the config file's `book`.
pub const BOOK_ENV: &str = "SMM_BOOK";

/// The config file the run reads (`--config` / `SMM_CONFIG`), set once by the command layer.
static CONFIG: OnceLock<Option<PathBuf>> = OnceLock::new();

/// Tells the book which config file this run reads (`--config` or `SMM_CONFIG`; None: the
/// default location), where `book =` may put it on a server.
pub fn use_config(explicit: Option<&Path>) {
    let _ = CONFIG.set(explicit.map(Path::to_path_buf));
}

/// Where the book is.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// An SQLite file.
    File(PathBuf),
    /// A PostgreSQL database.
    Server(Server),
}

/// A PostgreSQL book's address and settings (never its password).
#[derive(Debug, Clone, PartialEq)]
pub struct Server {
    /// The role smm logs in as.
    pub user: String,
    /// The host name or address; or a unix socket directory (`?host=/run/postgresql`).
    pub host: String,
    /// The port.
    pub port: u16,
    /// The database.
    pub db: String,
    /// How the connection is protected.
    pub tls: Tls,
    /// `book_password_command` from the config file.
    pub password_command: Option<String>,
}

/// `sslmode` as smm takes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Tls {
    /// Plain text: a loopback address or a unix socket, or `sslmode=disable` written.
    Disable,
    /// Encrypted, the server's certificate not checked (`sslmode=require`, as libpq).
    Require,
    /// Encrypted, the certificate checked against the system's roots (or `sslrootcert`) and
    /// the host name (`sslmode=verify-full`).
    VerifyFull {
        /// A PEM file of the certificate authorities to trust instead of the system's.
        root: Option<PathBuf>,
    },
}

impl std::fmt::Display for Place {
    /// The file's path, or the server's URL without a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::File(path) => write!(f, "{}", path.display()),
            Place::Server(s) => write!(f, "{s}"),
        }
    }
}

impl std::fmt::Display for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.is_socket() {
            true => write!(
                f,
                "postgres://{}@/{}?host={}",
                self.user, self.db, self.host
            ),
            false if self.host.contains(':') => {
                write!(
                    f,
                    "postgres://{}@[{}]:{}/{}",
                    self.user, self.host, self.port, self.db
                )
            }
            false => write!(
                f,
                "postgres://{}@{}:{}/{}",
                self.user, self.host, self.port, self.db
            ),
        }
    }
}

impl Server {
    /// Whether the host is a unix socket directory.
    pub fn is_socket(&self) -> bool {
        self.host.starts_with('/')
    }

    /// Whether the server is on this machine (loopback or a unix socket).
    pub fn is_local(&self) -> bool {
        self.is_socket()
            || self.host.eq_ignore_ascii_case("localhost")
            || self
                .host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// "host H, database D": how errors name the server.
    pub fn named(&self) -> String {
        match self.is_socket() {
            true => format!("socket {}, database {}", self.host, self.db),
            false => format!("host {}:{}, database {}", self.host, self.port, self.db),
        }
    }

    /// The password: `book_password_command`'s first line, else `PGPASSWORD`, else the first
    /// matching line of `PGPASSFILE` or `~/.pgpass`; None when none gives one.
    pub fn password(&self) -> anyhow::Result<Option<String>> {
        if let Some(command) = &self.password_command {
            // Run once per process: `smm sync` opens the book once per profile.
            static ANSWERED: std::sync::Mutex<Option<(String, String)>> =
                std::sync::Mutex::new(None);
            let mut answered = ANSWERED.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((c, password)) = answered.as_ref()
                && c == command
            {
                return Ok(Some(password.clone()));
            }
            let password = run_password_command(command)?;
            *answered = Some((command.clone(), password.clone()));
            return Ok(Some(password));
        }
        if let Some(p) = std::env::var_os("PGPASSWORD").filter(|p| !p.is_empty()) {
            return Ok(Some(p.to_string_lossy().into_owned()));
        }
        let file = std::env::var_os("PGPASSFILE")
            .filter(|f| !f.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pgpass")));
        let Some(file) = file else {
            return Ok(None);
        };
        let Ok(text) = std::fs::read_to_string(&file) else {
            return Ok(None);
        };
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if std::fs::metadata(&file).is_ok_and(|m| m.permissions().mode() & 0o077 != 0) {
                crate::msg::warn(&format!(
                    "{} is readable by others and is not used: chmod 600 it",
                    file.display()
                ));
                return Ok(None);
            }
        }
        let host = match self.is_socket() {
            true => "localhost".to_string(),
            false => self.host.clone(),
        };
        let wanted = [
            host,
            self.port.to_string(),
            self.db.clone(),
            self.user.clone(),
        ];
        Ok(text.lines().find_map(|line| pgpass_match(line, &wanted)))
    }
}

/// The password of a `~/.pgpass` line (`host:port:db:user:password`, `*` matching anything,
/// `\:` and `\\` escaped) when it matches `wanted` (host, port, db, user).
fn pgpass_match(line: &str, wanted: &[String; 4]) -> Option<String> {
    if line.trim_start().starts_with('#') {
        return None;
    }
    let mut fields: Vec<String> = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut()?.push(chars.next().unwrap_or('\\')),
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut()?.push(c),
        }
    }
    if fields.len() != 5 {
        return None;
    }
    let matches = fields[..4]
        .iter()
        .zip(wanted)
        .all(|(f, w)| f == "*" || f == w);
    matches.then(|| fields[4].clone())
}

/// Runs `book_password_command` through `sh -c` and takes the first line of its output;
/// errors name the program, never its arguments or output.
fn run_password_command(command: &str) -> anyhow::Result<String> {
    let shown = crate::config::key_command_shown(command);
    let output = std::process::Command::new("sh")
        .args(["-c", command])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| usage(format!("book_password_command: cannot run {shown}: {e}")))?;
    if !output.status.success() {
        return Err(usage(format!(
            "book_password_command: {shown} failed ({}); run it yourself to see why",
            output.status
        )));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().next().unwrap_or("").trim().to_string();
    if line.is_empty() {
        return Err(usage(format!(
            "book_password_command: {shown} printed nothing"
        )));
    }
    Ok(line)
}

/// Where this run's book is: `SMM_BOOK`, else the config file's `book`, else
/// `<data dir>/orders.db`.
pub fn find() -> anyhow::Result<Place> {
    let (from_file, command, config_dir) = read_config()?;
    let env = std::env::var(BOOK_ENV)
        .ok()
        .filter(|v| !v.trim().is_empty());
    let (text, base) = match (env, from_file) {
        (Some(v), _) => (Some(v), None),
        (None, Some(v)) => (Some(v), config_dir),
        (None, None) => (None, None),
    };
    match text {
        None => Ok(Place::File(super::data_dir()?.join("orders.db"))),
        Some(text) => parse(text.trim(), command, base.as_deref()),
    }
}

/// The place a command line names (`smm book copy --to`): a path (relative to the current
/// directory) or a URL, whose password `book_password_command` gives when the config sets it.
pub fn named(text: &str) -> anyhow::Result<Place> {
    let (_, command, _) = read_config()?;
    parse(text.trim(), command, None)
}

/// The config file's `book` and `book_password_command`, and the file's directory.
fn read_config() -> anyhow::Result<(Option<String>, Option<String>, Option<PathBuf>)> {
    let explicit = CONFIG.get().cloned().flatten();
    let Ok(path) = crate::config::locate(explicit.as_deref()) else {
        return Ok((None, None, None));
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok((None, None, None));
    };
    if !text.contains("book") {
        return Ok((None, None, None));
    }
    let table: toml::Table = toml::from_str(&text).map_err(|e| {
        usage(format!(
            "{} is not valid TOML ({}): the order book's place cannot be read from it; nothing was sent",
            path.display(),
            e.message()
        ))
    })?;
    let text_of = |key: &str| -> anyhow::Result<Option<String>> {
        match table.get(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(usage(format!(
                "{}: `{key}` must be a string",
                path.display()
            ))),
        }
    };
    let dir = path.parent().map(Path::to_path_buf);
    Ok((text_of("book")?, text_of("book_password_command")?, dir))
}

/// The place `text` names: a `postgres://` URL, else a file path (relative to `base`, the
/// config file's directory, when it came from there).
pub fn parse(text: &str, command: Option<String>, base: Option<&Path>) -> anyhow::Result<Place> {
    let lower = text.to_ascii_lowercase();
    if !(lower.starts_with("postgres://") || lower.starts_with("postgresql://")) {
        if lower.contains("://") {
            return Err(usage(format!(
                "the order book must be a file path or a postgres:// URL, not {}; nothing was sent",
                text.split("://").next().unwrap_or("").to_string() + "://…"
            )));
        }
        let path = PathBuf::from(text);
        let path = match (path.is_relative(), base) {
            (true, Some(base)) => base.join(path),
            _ => path,
        };
        return Ok(Place::File(path));
    }
    parse_url(text, command).map(Place::Server)
}

/// A `postgres://USER@HOST[:PORT]/DB[?sslmode=…&sslrootcert=…&host=…]` URL.
fn parse_url(text: &str, command: Option<String>) -> anyhow::Result<Server> {
    // `USER@/DB?host=/socket/dir`: an empty host, which the URL parser refuses after a user.
    let text = &text.replacen("@/", "@localhost/", 1);
    let url = url::Url::parse(text).map_err(|e| {
        usage(format!(
            "the order book URL is not valid ({e}): write postgres://USER@HOST[:PORT]/DB; nothing was sent"
        ))
    })?;
    if url.password().is_some() {
        return Err(usage(
            "the order book URL holds a password: remove it from the URL and put it in PGPASSWORD, \
             a ~/.pgpass line (host:port:database:user:password, mode 0600) or book_password_command \
             in the config file; nothing was sent",
        ));
    }
    let decode = |s: &str| {
        percent_decode(s)
            .ok_or_else(|| usage("the order book URL is not valid UTF-8; nothing was sent"))
    };
    let user = decode(url.username())?;
    if user.is_empty() {
        return Err(usage(
            "the order book URL names no user: write postgres://USER@HOST[:PORT]/DB; nothing was sent",
        ));
    }
    let db = decode(url.path().trim_start_matches('/'))?;
    if db.is_empty() || db.contains('/') {
        return Err(usage(
            "the order book URL names no database: write postgres://USER@HOST[:PORT]/DB; nothing was sent",
        ));
    }
    let mut host = match url.host() {
        Some(url::Host::Ipv6(ip)) => ip.to_string(),
        Some(h) => h.to_string(),
        None => String::new(),
    };
    let (mut sslmode, mut root) = (None::<String>, None::<PathBuf>);
    for (key, value) in url.query_pairs() {
        match key.as_ref() {
            "sslmode" => sslmode = Some(value.into_owned()),
            "sslrootcert" => root = Some(PathBuf::from(value.as_ref())),
            "host" if value.starts_with('/') => host = value.into_owned(),
            "host" => {
                return Err(usage(
                    "the order book URL's host= must be a unix socket directory (/run/postgresql); nothing was sent",
                ));
            }
            "password" => {
                return Err(usage(
                    "the order book URL holds a password: remove it and put it in PGPASSWORD, a ~/.pgpass line \
                     or book_password_command in the config file; nothing was sent",
                ));
            }
            other => {
                return Err(usage(format!(
                    "the order book URL has a setting smm does not know ({other}): smm knows sslmode, sslrootcert \
                     and host; nothing was sent"
                )));
            }
        }
    }
    if host.is_empty() {
        return Err(usage(
            "the order book URL names no host: write postgres://USER@HOST[:PORT]/DB; nothing was sent",
        ));
    }
    let mut server = Server {
        user,
        host,
        port: url.port().unwrap_or(5432),
        db,
        tls: Tls::Disable,
        password_command: command,
    };
    server.tls = match (sslmode.as_deref(), root) {
        (None, _) if server.is_local() => Tls::Disable,
        (None, _) => {
            return Err(usage(format!(
                "the order book server {} is not on this machine and the URL says nothing of TLS: add \
                 ?sslmode=verify-full (or ?sslmode=require), or ?sslmode=disable to send the book unencrypted \
                 on a network you trust; nothing was sent",
                server.host
            )));
        }
        (Some("disable"), _) => Tls::Disable,
        (Some("require"), None) => Tls::Require,
        (Some("require"), Some(root)) | (Some("verify-full"), Some(root)) => {
            Tls::VerifyFull { root: Some(root) }
        }
        (Some("verify-full"), None) => Tls::VerifyFull { root: None },
        (Some(other), _) => {
            return Err(usage(format!(
                "the order book URL's sslmode={other} is not one smm takes: write verify-full (check the \
                 certificate), require (encrypt only) or disable (plain text); nothing was sent"
            )));
        }
    };
    Ok(server)
}

/// `%XX` escapes decoded; None when the result is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes: Vec<u8> = form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned().into_bytes())
        .unwrap_or_default();
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(text: &str) -> anyhow::Result<Server> {
        match parse(text, None, None)? {
            Place::Server(s) => Ok(s),
            Place::File(p) => panic!("a file: {}", p.display()),
        }
    }

    fn refusal(text: &str) -> String {
        format!("{:#}", server(text).unwrap_err())
    }

    #[test]
    fn urls_parse_with_their_tls() {
        let s = server("postgres://smm@127.0.0.1:6543/book").unwrap();
        assert_eq!(
            (
                s.user.as_str(),
                s.host.as_str(),
                s.port,
                s.db.as_str(),
                &s.tls
            ),
            ("smm", "127.0.0.1", 6543, "book", &Tls::Disable)
        );
        assert_eq!(s.to_string(), "postgres://smm@127.0.0.1:6543/book");
        let s = server("postgresql://ops@db.agency.example/smm?sslmode=verify-full").unwrap();
        assert_eq!((s.port, &s.tls), (5432, &Tls::VerifyFull { root: None }));
        let s = server("postgres://ops@db.agency.example/smm?sslmode=require").unwrap();
        assert_eq!(s.tls, Tls::Require);
        let s = server(
            "postgres://ops@db.agency.example/smm?sslmode=verify-full&sslrootcert=/etc/ca.pem",
        )
        .unwrap();
        assert_eq!(
            s.tls,
            Tls::VerifyFull {
                root: Some("/etc/ca.pem".into())
            }
        );
        let s = server("postgres://ops@10.0.0.5/smm?sslmode=disable").unwrap();
        assert_eq!(s.tls, Tls::Disable);
        let s = server("postgres://smm@/book?host=/tmp/pg").unwrap();
        assert!(s.is_socket() && s.is_local());
        assert_eq!(s.to_string(), "postgres://smm@/book?host=/tmp/pg");
        let s = server("postgres://smm@[::1]:5433/book").unwrap();
        assert_eq!((s.host.as_str(), &s.tls), ("::1", &Tls::Disable));
        assert_eq!(s.to_string(), "postgres://smm@[::1]:5433/book");
    }

    #[test]
    fn unsafe_or_unclear_settings_are_refused() {
        let r = refusal("postgres://ops:hunter2@db.example/smm?sslmode=require");
        assert!(
            r.contains("holds a password") && r.contains("PGPASSWORD"),
            "{r}"
        );
        assert!(!r.contains("hunter2"), "{r}");
        let r = refusal("postgres://ops@db.example/smm?password=hunter2");
        assert!(
            r.contains("holds a password") && !r.contains("hunter2"),
            "{r}"
        );
        let r = refusal("postgres://ops@db.example/smm");
        assert!(r.contains("sslmode=verify-full"), "{r}");
        for mode in ["prefer", "allow", "verify-ca"] {
            let r = refusal(&format!("postgres://ops@db.example/smm?sslmode={mode}"));
            assert!(
                r.contains(&format!("sslmode={mode} is not one smm takes")),
                "{r}"
            );
        }
        assert!(refusal("postgres://db.example/smm?sslmode=require").contains("names no user"));
        assert!(
            refusal("postgres://ops@db.example/?sslmode=require").contains("names no database")
        );
        assert!(
            refusal("postgres://ops@db.example/smm?sslmode=require&x=1")
                .contains("does not know (x)")
        );
        let r = format!("{:#}", parse("mysql://a@b/c", None, None).unwrap_err());
        assert!(r.contains("a file path or a postgres:// URL"), "{r}");
    }

    #[test]
    fn a_path_stays_sqlite() {
        let base = Path::new("/etc/smm");
        assert_eq!(
            parse("books/orders.db", None, Some(base)).unwrap(),
            Place::File("/etc/smm/books/orders.db".into())
        );
        assert_eq!(
            parse("/srv/orders.db", None, Some(base)).unwrap(),
            Place::File("/srv/orders.db".into())
        );
    }

    #[test]
    fn pgpass_lines_match_with_wildcards_and_escapes() {
        let wanted = ["h".to_string(), "5432".into(), "smm".into(), "ops".into()];
        assert_eq!(
            pgpass_match("h:5432:smm:ops:pw", &wanted).as_deref(),
            Some("pw")
        );
        assert_eq!(
            pgpass_match("*:*:*:ops:a\\:b", &wanted).as_deref(),
            Some("a:b")
        );
        assert_eq!(pgpass_match("h:5433:smm:ops:pw", &wanted), None);
        assert_eq!(pgpass_match("# h:5432:smm:ops:pw", &wanted), None);
    }
}
