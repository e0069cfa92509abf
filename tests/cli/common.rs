//! Test support: a recording panel on 127.0.0.1 and an `smm` command isolated from the
//! user's real config.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request as the panel received it.
#[derive(Debug, Clone)]
pub struct Seen {
    /// HTTP method.
    pub method: String,
    /// Path and query, as requested.
    pub url: String,
    /// Header values by lower-case name.
    pub headers: Vec<(String, String)>,
    /// The raw body.
    pub body: String,
    /// The body decoded as a form.
    pub form: Vec<(String, String)>,
    /// The client's address (same port = same kept-alive connection).
    pub peer: String,
    /// Requests in flight when this one arrived (itself included).
    pub in_flight: usize,
    /// When it arrived.
    pub at: std::time::Instant,
}

impl Seen {
    /// A form field's value.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The form field names in order.
    pub fn field_names(&self) -> Vec<&str> {
        self.form.iter().map(|(k, _)| k.as_str()).collect()
    }
}

/// What the panel answers.
#[derive(Debug, Clone)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Body text.
    pub body: String,
    /// Content-Type header.
    pub content_type: &'static str,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// Wait this long before answering.
    pub delay: Option<Duration>,
}

impl Reply {
    /// A 200 JSON answer.
    pub fn json(body: impl Into<String>) -> Reply {
        Reply {
            status: 200,
            body: body.into(),
            content_type: "application/json",
            headers: vec![],
            delay: None,
        }
    }

    /// An answer with another status and content type.
    pub fn with_status(status: u16, content_type: &'static str, body: impl Into<String>) -> Reply {
        Reply {
            status,
            body: body.into(),
            content_type,
            headers: vec![],
            delay: None,
        }
    }

    /// The same answer after a delay.
    pub fn delayed(mut self, d: Duration) -> Reply {
        self.delay = Some(d);
        self
    }

    /// The same answer with a header.
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// A local panel that records every request and answers with a handler.
///
/// It asserts on drop (like xh's test server): a panel no request reached fails the test,
/// unless the test said so with `expect_none` (then any request fails it); a handler that
/// panicked fails it too (the client got a 500).
pub struct Panel {
    /// The endpoint URL (`http://127.0.0.1:PORT/api/v2`).
    pub url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    panics: Arc<Mutex<Vec<String>>>,
    none_expected: AtomicBool,
    _server: smm::sandbox::serve::Server,
}

impl Panel {
    /// Starts a panel on 127.0.0.1, port 0, answering with `handler` (smm's own HTTP server).
    pub fn start(handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Panel {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&seen);
        let panics = Arc::new(Mutex::new(Vec::new()));
        let record_panic = Arc::clone(&panics);
        let server = smm::sandbox::serve::Server::start(
            0,
            Arc::new(move |req: &smm::sandbox::serve::Incoming| {
                let url = match req.query.as_str() {
                    "" => req.path.clone(),
                    q => format!("{}?{q}", req.path),
                };
                let seen = Seen {
                    method: req.method.clone(),
                    url,
                    headers: req.headers.clone(),
                    form: form_urlencoded(&req.body),
                    body: req.body.clone(),
                    peer: req.peer.clone(),
                    in_flight: req.in_flight,
                    at: std::time::Instant::now(),
                };
                record.lock().unwrap().push(seen.clone());
                let reply =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handler(&seen)))
                        .unwrap_or_else(|panic| {
                            let what = panic
                                .downcast_ref::<String>()
                                .cloned()
                                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                                .unwrap_or_else(|| "a panic".into());
                            record_panic
                                .lock()
                                .unwrap()
                                .push(format!("{}: {what}", seen.body));
                            Reply::with_status(
                                500,
                                "text/plain",
                                "the test panel's handler panicked",
                            )
                        });
                let mut headers =
                    vec![("Content-Type".to_string(), reply.content_type.to_string())];
                headers.extend(reply.headers);
                smm::sandbox::serve::Outgoing {
                    status: reply.status,
                    headers,
                    body: reply.body,
                    delay: reply.delay.unwrap_or_default(),
                }
            }),
        )
        .expect("bind 127.0.0.1:0");
        Panel {
            url: format!("http://127.0.0.1:{}/api/v2", server.addr().port()),
            seen,
            panics,
            none_expected: AtomicBool::new(false),
            _server: server,
        }
    }

    /// Says that no request may reach this panel: dropping it then fails the test if one did
    /// (instead of failing it because none did).
    pub fn expect_none(&self) {
        self.none_expected.store(true, Ordering::SeqCst);
    }

    /// A panel answering every action from the fixtures of `tests/fixtures/v2`.
    pub fn fixtures() -> Panel {
        Panel::start(fixture_reply)
    }

    /// A panel whose `services` answers `CATALOGUE` and whose other actions `handler` answers
    /// (a real `order add` checks the catalogue before it sends).
    pub fn with_catalogue(handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Panel {
        Panel::start(move |req| match req.field("action") {
            Some("services") => Reply::json(CATALOGUE),
            _ => handler(req),
        })
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// The requests whose `action` is `action`.
    pub fn actions(&self, action: &str) -> Vec<Seen> {
        self.requests()
            .into_iter()
            .filter(|r| r.field("action") == Some(action))
            .collect()
    }
}

impl Drop for Panel {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let panics = self.panics.lock().map(|p| p.clone()).unwrap_or_default();
        assert!(
            panics.is_empty(),
            "the test panel's handler panicked (the client got a 500): {panics:#?}"
        );
        let seen = self.requests();
        if self.none_expected.load(Ordering::SeqCst) {
            let bodies: Vec<&str> = seen.iter().map(|r| r.body.as_str()).collect();
            assert!(
                seen.is_empty(),
                "the test said no request may reach the panel, but {} did: {bodies:?}",
                seen.len()
            );
        } else {
            assert!(
                !seen.is_empty(),
                "no request reached the test panel: a test bug, or call `panel.expect_none()` \
                 when nothing is to be sent"
            );
        }
    }
}

/// A panel that refuses every request with the panel error `Invalid API key` (a profile that
/// fails in `--all`).
pub fn invalid_key_panel() -> Panel {
    Panel::start(|_| Reply::json(fixture("error.invalid-key.json")))
}

/// A journal with fixed times (2026-01-01 from 00:00 UTC, hourly) and every outcome: placed
/// and seen Completed, placed, refused, unknown, and never answered.
pub const JOURNAL: &str = r#"{"kind":"intent","id":"a1","time":1767225600,"profile":"test","url":"http://127.0.0.1:1/api/v2","service":1448,"link":"https://instagram.com/p/abc","quantity":500,"fields":{},"cost":"0.45"}
{"kind":"outcome","id":"a1","time":1767225601,"result":"order","order":"23501","error":null}
{"kind":"intent","id":"a2","time":1767229200,"profile":"test","url":"http://127.0.0.1:1/api/v2","service":1448,"link":"https://i.com/p?a=1,2","quantity":1000,"fields":{"interval":"30","runs":"2"},"cost":"1.8"}
{"kind":"outcome","id":"a2","time":1767229201,"result":"order","order":"23502","error":null}
{"kind":"status","id":"a1","time":1767232000,"status":"Completed"}
{"kind":"intent","id":"a3","time":1767232800,"profile":"test","url":"http://127.0.0.1:1/api/v2","service":1452,"link":"https://fb.com/post/1","quantity":null,"fields":{"comments":"nice\ngreat"},"cost":"0.016"}
{"kind":"outcome","id":"a3","time":1767232801,"result":"error","order":null,"error":"Not enough funds on balance"}
{"kind":"intent","id":"a4","time":1767236400,"profile":"other","url":"http://127.0.0.1:2/api/v2","service":9,"link":null,"quantity":null,"fields":{"max":"20","min":"10","posts":"5","username":"someone"},"cost":null}
{"kind":"outcome","id":"a4","time":1767236430,"result":"unknown","order":null,"error":"the panel did not answer in 30s"}
{"kind":"intent","id":"a5","time":1767240000,"profile":"test","url":"http://127.0.0.1:1/api/v2","service":1448,"link":"https://i.com/q","quantity":100,"fields":{},"cost":"0.09"}
"#;

/// A catalogue for order tests: the standard fixture's 1448 and 1452, a plain service 1 and a
/// Custom Comments service 2 taking from one comment, a Subscriptions service 9.
pub const CATALOGUE: &str = r#"[
 {"service":1,"name":"Test Likes","type":"Default","category":"Test","rate":"1.00","min":"1","max":"1000000","refill":false,"cancel":true},
 {"service":2,"name":"Test Comments","type":"Custom Comments","category":"Test","rate":"5.00","min":"1","max":"100","refill":false,"cancel":false},
 {"service":9,"name":"Test Subscriptions","type":"Subscriptions","category":"Test","rate":"2.00","min":"10","max":"1000","refill":false,"cancel":false},
 {"service":1448,"name":"Instagram Followers","type":"Default","category":"Instagram","rate":"0.90","min":"50","max":"10000","refill":true,"cancel":true},
 {"service":1452,"name":"Facebook Comments","type":"Custom Comments","category":"Facebook","rate":"8","min":"10","max":"1500","refill":false,"cancel":false}
]"#;

/// Answers like a standard panel, from the fixture files.
pub fn fixture_reply(req: &Seen) -> Reply {
    let name = match (
        req.field("action"),
        req.field("orders").is_some() || req.field("refills").is_some(),
    ) {
        (Some("balance"), _) => "balance.standard.json",
        (Some("services"), _) => "services.standard.json",
        (Some("add"), _) => "add.standard.json",
        (Some("status"), false) => "status.one.json",
        (Some("status"), true) => "status.many.json",
        (Some("refill"), false) => "refill.one.json",
        (Some("refill"), true) => "refill.many.json",
        (Some("refill_status"), true) => "refill_status.many.json",
        (Some("refill_status"), false) => return Reply::json(r#"{"status":"Completed"}"#),
        (Some("cancel"), _) => "cancel.many.json",
        _ => return Reply::json(r#"{"error":"Incorrect request"}"#),
    };
    Reply::json(fixture(name))
}

/// The text of a fixture file.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name))
        .unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// `tests/fixtures/v2`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2")
}

/// Decodes an `application/x-www-form-urlencoded` body, in order.
pub fn form_urlencoded(body: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(body.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// A scratch home: config dir, data dir, and a config file.
pub struct Home {
    /// The temporary directory (deleted on drop).
    pub dir: tempfile::TempDir,
}

impl Home {
    /// An empty home.
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A home whose config has one profile `test` pointing at `panel` with key `test-key`.
    pub fn with_panel(panel: &Panel) -> Home {
        let home = Home::new();
        home.write_config(&format!(
            "default_profile = \"test\"\n\n[profiles.test]\nurl = \"{}\"\nkey = \"test-key\"\n",
            panel.url
        ));
        home
    }

    /// A home whose config has one profile per `(name, panel)`, in that order, the first the
    /// default.
    pub fn with_profiles(profiles: &[(&str, &Panel)]) -> Home {
        let home = Home::new();
        let mut text = format!("default_profile = \"{}\"\n", profiles[0].0);
        for (name, panel) in profiles {
            text.push_str(&format!(
                "\n[profiles.{name}]\nurl = \"{}\"\nkey = \"key-{name}\"\n",
                panel.url
            ));
        }
        home.write_config(&text);
        home
    }

    /// Writes the order journal (`JOURNAL` for a fixed one).
    pub fn write_journal(&self, text: &str) {
        let path = self.journal();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// The config file path used by `smm()`.
    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    /// Writes the config file (mode 0600, as `smm config init` would).
    pub fn write_config(&self, text: &str) {
        std::fs::write(self.config(), text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(self.config(), std::fs::Permissions::from_mode(0o600))
                .unwrap();
        }
    }

    /// The old JSON-lines journal's path in the data dir (`SMM_DATA_DIR` of `smm()`), which
    /// the order book imports.
    pub fn journal(&self) -> PathBuf {
        self.dir.path().join("data/journal.jsonl")
    }

    /// The order book's path.
    pub fn book(&self) -> PathBuf {
        self.dir.path().join("data/orders.db")
    }

    /// Every row of the order book's `orders` table, oldest first, as JSON objects keyed by
    /// column (none when there is no book).
    pub fn orders(&self) -> Vec<serde_json::Value> {
        if !self.book().exists() {
            return Vec::new();
        }
        let conn = rusqlite::Connection::open_with_flags(
            self.book(),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let mut stmt = conn.prepare("SELECT * FROM orders ORDER BY seq").unwrap();
        let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
        stmt.query_map([], |row| {
            let mut object = serde_json::Map::new();
            for (i, name) in names.iter().enumerate() {
                let value = match row.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => serde_json::Value::Null,
                    rusqlite::types::ValueRef::Integer(n) => n.into(),
                    rusqlite::types::ValueRef::Real(f) => f.into(),
                    rusqlite::types::ValueRef::Text(t) => {
                        String::from_utf8_lossy(t).into_owned().into()
                    }
                    rusqlite::types::ValueRef::Blob(_) => "<blob>".into(),
                };
                object.insert(name.clone(), value);
            }
            Ok(serde_json::Value::Object(object))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    }

    /// `smm` with HOME/XDG dirs inside this home, `SMM_CONFIG` at its config, no inherited
    /// profile or colour settings (for `.env`, `.write_stdin` and the like; end with `.run()`).
    pub fn smm(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::from_std(self.command());
        cmd.timeout(Duration::from_secs(60));
        cmd
    }

    /// `smm` isolated in this home but without `SMM_CONFIG` (to test the default location).
    pub fn bare(&self) -> assert_cmd::Command {
        let mut cmd = self.smm();
        cmd.env_remove("SMM_CONFIG");
        cmd
    }

    /// Runs `smm ARGS` in this home to the end.
    pub fn run<I, S>(&self, args: I) -> Ran
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.smm().args(args).run()
    }

    /// The one way to start `smm` as a process of its own (to spawn, signal, or read as it
    /// runs): the environment cleared, then HOME, the XDG dirs, `SMM_DATA_DIR` and
    /// `SMM_CONFIG` inside this home, and the caller's PATH. `SMM_CACHE_DIR`, `SMM_PROFILE`,
    /// `NO_COLOR` and the rest stay unset unless a test sets them.
    pub fn command(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("smm"));
        self.isolate(&mut cmd);
        cmd.env("SMM_CONFIG", self.config());
        cmd
    }

    /// `sh -c SCRIPT` in this home's environment (as `command`), with the directory of the
    /// built `smm` first on PATH, so the script's `smm` is the one under test.
    pub fn shell(&self, script: &str) -> std::process::Command {
        let mut cmd = std::process::Command::new("sh");
        cmd.args(["-c", script]);
        self.isolate(&mut cmd);
        cmd.env("PATH", path_with_smm())
            .env("SMM_CONFIG", self.config());
        cmd
    }

    /// `script -qec COMMAND /dev/null` (util-linux) in this home's environment (as `shell`,
    /// with `TERM=xterm`):
    /// COMMAND runs on a terminal, and what the terminal showed comes out on stdout. Debian has
    /// `script` by default, so a machine without it fails the test instead of skipping it.
    pub fn script(&self, command: &str) -> std::process::Command {
        let found = std::process::Command::new("script")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            found,
            "`script` (util-linux) gives smm a terminal in this test: install util-linux"
        );
        let mut cmd = std::process::Command::new("script");
        cmd.args(["-qec", command, "/dev/null"]);
        self.isolate(&mut cmd);
        cmd.env("PATH", path_with_smm())
            .env("SMM_CONFIG", self.config())
            .env("TERM", "xterm");
        cmd
    }

    /// Clears `cmd`'s environment and points every directory smm may use into this home.
    fn isolate(&self, cmd: &mut std::process::Command) {
        let home = self.dir.path();
        cmd.env_clear()
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("xdg-config"))
            .env("XDG_DATA_HOME", home.join("xdg-data"))
            .env("XDG_CACHE_HOME", home.join("xdg-cache"))
            .env("XDG_STATE_HOME", home.join("xdg-state"))
            .env("SMM_DATA_DIR", home.join("data"))
            .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    }

    /// Starts `smm ARGS` in this home with stdin, stdout and stderr piped, to read as it runs.
    pub fn spawn<I, S>(&self, args: I) -> Running
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = self.command();
        cmd.args(args);
        Running::spawn(cmd)
    }

    /// Replaces this home's path in `text` with `~` (output that names a file in the home).
    pub fn tidy(&self, text: &str) -> String {
        text.replace(&self.dir.path().display().to_string(), "~")
    }
}

/// `order add --service SERVICE --link LINK` and then `rest` (`&["--quantity", "100"]`).
pub fn order_add<'a>(service: &'a str, link: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["order", "add", "--service", service, "--link", link];
    args.extend_from_slice(rest);
    args
}

/// A finished `smm`: its command line, exit code, stdout and stderr, with fd-style checks that
/// print all four when they fail.
#[derive(Debug, Clone)]
pub struct Ran {
    /// The command line as run (the program's file name, then the arguments).
    pub line: String,
    /// The exit code (None: killed by a signal).
    pub code: Option<i32>,
    /// Standard output (UTF-8, checked).
    pub stdout: String,
    /// Standard error (UTF-8, checked).
    pub stderr: String,
    /// The HOME it ran with (a test home), written `~` by `tidy`.
    pub home: Option<String>,
}

impl Ran {
    /// A finished process's output, for the command line `line`.
    pub fn new(line: String, out: std::process::Output) -> Ran {
        let text = |bytes: Vec<u8>, name: &str| {
            String::from_utf8(bytes)
                .unwrap_or_else(|e| panic!("`{line}` printed non-UTF-8 on {name}: {e}"))
        };
        Ran {
            code: out.status.code(),
            stdout: text(out.stdout, "stdout"),
            stderr: text(out.stderr, "stderr"),
            line,
            home: None,
        }
    }

    /// The same, with the HOME the command's environment `envs` set (see `tidy`).
    fn with_home<'a>(
        mut self,
        mut envs: impl Iterator<Item = (&'a OsStr, Option<&'a OsStr>)>,
    ) -> Ran {
        self.home = envs
            .find(|(name, _)| *name == "HOME")
            .and_then(|(_, value)| value)
            .map(|home| home.to_string_lossy().into_owned());
        self
    }

    /// `text` (what this printed) with its test home written `~`, the port of every
    /// `127.0.0.1:PORT` written `PORT` and every `12s ago` (`old`) written `Ns ago` (`old`): what varies from
    /// run to run in output that names a file in the home, a test panel or a recent time, so
    /// that the rest can be compared whole.
    pub fn tidy(&self, text: &str) -> String {
        let text = match &self.home {
            Some(home) => text.replace(home.as_str(), "~"),
            None => text.to_string(),
        };
        let mut parts = text.split("127.0.0.1:");
        let mut out = parts.next().unwrap_or_default().to_string();
        for part in parts {
            let digits = part.bytes().take_while(u8::is_ascii_digit).count();
            out.push_str(match digits {
                0 => "127.0.0.1:",
                _ => "127.0.0.1:PORT",
            });
            out.push_str(&part[digits..]);
        }
        // "12s ago" → "Ns ago", "0s old" → "Ns old": how long ago, in seconds, depends on how
        // fast the test ran.
        for unit in ["s ago", "s old"] {
            let mut parts = out.split(unit);
            let mut tidied = parts.next().unwrap_or_default().to_string();
            for part in parts {
                let digits = tidied.bytes().rev().take_while(u8::is_ascii_digit).count();
                let before = tidied[..tidied.len() - digits].chars().next_back();
                if digits > 0 && !before.is_some_and(char::is_alphanumeric) {
                    tidied.truncate(tidied.len() - digits);
                    tidied.push('N');
                }
                tidied.push_str(unit);
                tidied.push_str(part);
            }
            out = tidied;
        }
        out
    }

    /// Fails the test with `what`, the command line, the exit code and both streams.
    #[track_caller]
    pub fn fail(&self, what: &str) -> ! {
        panic!(
            "{what}\n  command: {}\n  exit code: {:?}\n--- stdout\n{}--- stderr\n{}---",
            self.line, self.code, self.stdout, self.stderr
        )
    }

    /// Exactly this exit code, stdout and stderr.
    #[track_caller]
    pub fn expect(&self, code: i32, stdout: &str, stderr: &str) -> &Ran {
        self.expect_code(code).stdout_is(stdout).stderr_is(stderr)
    }

    /// Exit code `code`.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Ran {
        if self.code != Some(code) {
            self.fail(&format!("expected exit code {code}"));
        }
        self
    }

    /// Exit code 0 and nothing on stderr.
    #[track_caller]
    pub fn expect_quiet_success(&self) -> &Ran {
        self.expect_code(0).stderr_is("")
    }

    /// stdout is exactly `text`.
    #[track_caller]
    pub fn stdout_is(&self, text: &str) -> &Ran {
        if self.stdout != text {
            self.fail(&format!("expected stdout\n{text}---"));
        }
        self
    }

    /// stderr is exactly `text`.
    #[track_caller]
    pub fn stderr_is(&self, text: &str) -> &Ran {
        if self.stderr != text {
            self.fail(&format!("expected stderr\n{text}---"));
        }
        self
    }

    /// stdout holds `part` (for output that legitimately varies: times, ports, temp paths).
    #[track_caller]
    pub fn stdout_has(&self, part: &str) -> &Ran {
        if !self.stdout.contains(part) {
            self.fail(&format!("expected stdout to hold {part:?}"));
        }
        self
    }

    /// stderr holds `part` (for output that legitimately varies: times, ports, temp paths).
    #[track_caller]
    pub fn stderr_has(&self, part: &str) -> &Ran {
        if !self.stderr.contains(part) {
            self.fail(&format!("expected stderr to hold {part:?}"));
        }
        self
    }

    /// stdout is exactly `text` once tidied (see `tidy`: its home, loopback ports, seconds ago).
    #[track_caller]
    pub fn stdout_like(&self, text: &str) -> &Ran {
        if self.tidy(&self.stdout) != text {
            self.fail(&format!("expected stdout (tidied)\n{text}---"));
        }
        self
    }

    /// stderr is exactly `text` once tidied (see `tidy`: its home, loopback ports, seconds ago).
    #[track_caller]
    pub fn stderr_like(&self, text: &str) -> &Ran {
        if self.tidy(&self.stderr) != text {
            self.fail(&format!("expected stderr (tidied)\n{text}---"));
        }
        self
    }

    /// stdout is exactly the golden file `tests/golden/NAME` (see `golden`).
    #[track_caller]
    pub fn stdout_golden(&self, name: &str) -> &Ran {
        golden(&format!("tests/golden/{name}"), &self.stdout);
        self
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| self.fail(&format!("stdout is not JSON: {e}")))
    }
}

/// Runs a command to the end as a `Ran`.
pub trait Run {
    /// Runs to the end; a command that cannot start fails the test.
    fn run(&mut self) -> Ran;
}

/// The command line of a program and its arguments, for failure messages.
fn line(program: &std::ffi::OsStr, args: std::process::CommandArgs<'_>) -> String {
    let program = Path::new(program)
        .file_name()
        .unwrap_or(program)
        .to_string_lossy()
        .into_owned();
    let mut words = vec![program];
    for arg in args {
        let arg = arg.to_string_lossy();
        words.push(
            match arg.contains(|c: char| c.is_whitespace() || c == '\'') || arg.is_empty() {
                true => format!("{arg:?}"),
                false => arg.into_owned(),
            },
        );
    }
    words.join(" ")
}

impl Run for assert_cmd::Command {
    fn run(&mut self) -> Ran {
        let line = line(self.get_program(), self.get_args());
        let out = self
            .output()
            .unwrap_or_else(|e| panic!("`{line}` did not run: {e}"));
        Ran::new(line, out).with_home(self.get_envs())
    }
}

impl Run for std::process::Command {
    fn run(&mut self) -> Ran {
        let line = line(self.get_program(), self.get_args());
        let out = self
            .output()
            .unwrap_or_else(|e| panic!("`{line}` did not run: {e}"));
        Ran::new(line, out).with_home(self.get_envs())
    }
}

/// Compares `text` with the checked-in file at `path` (relative to the repository), or with
/// `SMM_UPDATE_GOLDEN=1` writes it there (then read the diff): the one golden-file rule for
/// tables, completion scripts and the man page.
#[track_caller]
pub fn golden(path: &str, text: &str) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("SMM_UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, text).unwrap();
        return;
    }
    let regenerate = "SMM_UPDATE_GOLDEN=1 cargo test --test cli";
    let checked_in = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("golden file {path}: {e}: run {regenerate}"));
    if checked_in != text {
        let at = checked_in
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(checked_in.lines().count().min(text.lines().count()));
        panic!(
            "{path} differs from what smm prints now (first at line {}): run {regenerate} if \
             the change is intended\n--- {path}\n{checked_in}--- now\n{text}---",
            at + 1
        );
    }
}

/// Which stream of a running process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Standard output.
    Stdout,
    /// Standard error.
    Stderr,
}

/// A process started by a test, read as it runs (its streams are gathered by two threads);
/// killed on drop.
pub struct Running {
    /// The child (stdin still attached).
    pub child: std::process::Child,
    /// The command line, for failure messages.
    pub line: String,
    out: Arc<Mutex<Vec<u8>>>,
    err: Arc<Mutex<Vec<u8>>>,
    readers: Vec<std::thread::JoinHandle<()>>,
}

impl Running {
    /// Spawns `cmd` with stdin, stdout and stderr piped.
    pub fn spawn(mut cmd: std::process::Command) -> Running {
        let line = line(cmd.get_program(), cmd.get_args());
        let mut child = cmd
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("`{line}` did not start: {e}"));
        let out = Arc::new(Mutex::new(Vec::new()));
        let err = Arc::new(Mutex::new(Vec::new()));
        let readers = vec![
            gather(child.stdout.take().unwrap(), Arc::clone(&out)),
            gather(child.stderr.take().unwrap(), Arc::clone(&err)),
        ];
        Running {
            child,
            line,
            out,
            err,
            readers,
        }
    }

    /// What `stream` has printed so far.
    pub fn printed(&self, stream: Stream) -> String {
        let buf = match stream {
            Stream::Stdout => &self.out,
            Stream::Stderr => &self.err,
        };
        String::from_utf8_lossy(&buf.lock().unwrap()).into_owned()
    }

    /// Waits until `stream` holds `text` (a whole line or a prompt without its newline), at
    /// most `within`; fails the test with everything printed if it never comes.
    #[track_caller]
    pub fn wait_for(&mut self, stream: Stream, text: &str, within: Duration) -> &mut Running {
        let started = std::time::Instant::now();
        loop {
            if self.printed(stream).contains(text) {
                return self;
            }
            let exited = self.child.try_wait().unwrap();
            if exited.is_some() || started.elapsed() > within {
                std::thread::sleep(Duration::from_millis(50));
                if self.printed(stream).contains(text) {
                    return self;
                }
                panic!(
                    "`{}` never printed {text:?} on {stream:?} (waited {:?}, exit {exited:?})\n\
                     --- stdout\n{}--- stderr\n{}---",
                    self.line,
                    started.elapsed(),
                    self.printed(Stream::Stdout),
                    self.printed(Stream::Stderr)
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Writes `text` to its stdin.
    pub fn type_in(&mut self, text: &str) -> &mut Running {
        use std::io::Write;
        let stdin = self.child.stdin.as_mut().expect("stdin still open");
        stdin.write_all(text.as_bytes()).unwrap();
        stdin.flush().unwrap();
        self
    }

    /// Sends SIGINT (Ctrl-C).
    pub fn interrupt(&mut self) -> &mut Running {
        let status = std::process::Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill -INT failed");
        self
    }

    /// Closes stdin, waits for the exit (at most 60 s) and returns everything it printed.
    #[track_caller]
    pub fn finish(mut self) -> Ran {
        drop(self.child.stdin.take());
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(60) {
                let _ = self.child.kill();
                panic!("`{}` did not exit within 60 s", self.line);
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        for reader in std::mem::take(&mut self.readers) {
            reader.join().unwrap();
        }
        let take = |buf: &Arc<Mutex<Vec<u8>>>| std::mem::take(&mut *buf.lock().unwrap());
        let output = std::process::Output {
            status,
            stdout: take(&self.out),
            stderr: take(&self.err),
        };
        Ran::new(self.line.clone(), output)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A thread copying `from` into `to` as it comes.
fn gather(
    mut from: impl std::io::Read + Send + 'static,
    to: Arc<Mutex<Vec<u8>>>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 {
                break;
            }
            to.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    })
}

/// PATH with the directory of the built `smm` first.
fn path_with_smm() -> String {
    let bin = assert_cmd::cargo::cargo_bin!("smm");
    format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// `smm sandbox --port 0 …` running as a child process; killed on drop.
pub struct SandboxProc {
    /// The child.
    pub child: std::process::Child,
    /// The v2 endpoint it printed.
    pub url: String,
    /// Everything it printed up to "Press Ctrl-C".
    pub banner: String,
    /// The home it runs in when it has one of its own.
    _home: Option<Home>,
}

impl SandboxProc {
    /// Starts the sandbox with extra `args` in a home of its own, and waits for its banner.
    pub fn start(args: &[&str]) -> SandboxProc {
        SandboxProc::start_home(Home::new(), args)
    }

    /// Starts the sandbox with extra `args` isolated in `home` (its config file is `home`'s, for
    /// `--add-profile`), and waits for its banner.
    pub fn start_in(home: &Home, args: &[&str]) -> SandboxProc {
        let mut cmd = home.command();
        cmd.args(["sandbox", "--port", "0"]).args(args);
        SandboxProc::spawn(cmd, None)
    }

    /// `start` in `home`, which the sandbox keeps (and deletes when it is dropped).
    fn start_home(home: Home, args: &[&str]) -> SandboxProc {
        let mut cmd = home.command();
        cmd.args(["sandbox", "--port", "0"]).args(args);
        SandboxProc::spawn(cmd, Some(home))
    }

    /// Spawns `cmd` (an `smm sandbox`) and waits for its banner.
    fn spawn(mut cmd: std::process::Command, home: Option<Home>) -> SandboxProc {
        use std::io::BufRead;
        let mut child = cmd
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start smm sandbox");
        let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut banner = String::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap() == 0 {
                panic!("sandbox exited before its banner: {banner}");
            }
            banner.push_str(&line);
            if line.contains("Press Ctrl-C") {
                break;
            }
        }
        let url = banner
            .split_whitespace()
            .find(|w| w.starts_with("http://127.0.0.1:"))
            .expect("url in banner")
            .trim_matches('"')
            .to_string();
        SandboxProc {
            child,
            url,
            banner,
            _home: home,
        }
    }

    /// A home whose config has profile `sb` on this sandbox with `key`.
    pub fn home(&self, key: &str) -> Home {
        self.home_with(key, "")
    }

    /// Like `home`, with more settings for the profile (`"attempts = 1\n"`).
    pub fn home_with(&self, key: &str, settings: &str) -> Home {
        let home = Home::new();
        home.write_config(&format!(
            "[profiles.sb]\nurl = \"{}\"\nkey = \"{key}\"\n{settings}",
            self.url
        ));
        home
    }

    /// Sends a raw request (method, extra headers, body) to `path`; returns status, headers, body.
    pub fn raw(
        &self,
        method: &str,
        path: &str,
        content_type: &str,
        body: &str,
    ) -> (u16, String, String) {
        use std::io::{Read, Write};
        let authority = self
            .url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap()
            .to_string();
        let mut stream = std::net::TcpStream::connect(&authority).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
        (status, head.to_string(), body.to_string())
    }

    /// POSTs a form to the v2 endpoint.
    pub fn form(&self, body: &str) -> (u16, String, String) {
        self.raw("POST", "/api/v2", "application/x-www-form-urlencoded", body)
    }

    /// Sends SIGINT (Ctrl-C) and waits for the exit.
    pub fn interrupt(mut self) -> Ran {
        std::process::Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        let child = std::mem::replace(
            &mut self.child,
            std::process::Command::new("true").spawn().unwrap(),
        );
        Ran::new("smm sandbox".into(), child.wait_with_output().unwrap())
    }
}

impl Drop for SandboxProc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
