//! Test support: a recording panel on 127.0.0.1 and an `smm` command isolated from the
//! user's real config.
#![allow(dead_code)]

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
    /// profile or colour settings.
    pub fn smm(&self) -> assert_cmd::Command {
        let mut cmd = self.bare();
        cmd.env("SMM_CONFIG", self.config());
        cmd
    }

    /// `smm` isolated in this home but without `SMM_CONFIG` (to test the default location).
    pub fn bare(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("smm");
        let home = self.dir.path();
        cmd.env_clear()
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("xdg-config"))
            .env("XDG_DATA_HOME", home.join("xdg-data"))
            .env("XDG_CACHE_HOME", home.join("xdg-cache"))
            .env("SMM_DATA_DIR", home.join("data"))
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .timeout(Duration::from_secs(60));
        cmd
    }
}

/// stdout of a finished command as text.
pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// stderr of a finished command as text.
pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `smm sandbox --port 0 …` running as a child process; killed on drop.
pub struct SandboxProc {
    /// The child.
    pub child: std::process::Child,
    /// The v2 endpoint it printed.
    pub url: String,
    /// Everything it printed up to "Press Ctrl-C".
    pub banner: String,
}

impl SandboxProc {
    /// Starts the sandbox with extra `args` and waits for its banner.
    pub fn start(args: &[&str]) -> SandboxProc {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("smm"));
        cmd.args(["sandbox", "--port", "0"]).args(args);
        SandboxProc::spawn(cmd)
    }

    /// Starts the sandbox with extra `args` isolated in `home` (its config file is `home`'s, for
    /// `--add-profile`), and waits for its banner.
    pub fn start_in(home: &Home, args: &[&str]) -> SandboxProc {
        let template = home.smm();
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("smm"));
        cmd.env_clear();
        for (key, value) in template.get_envs() {
            if let Some(value) = value {
                cmd.env(key, value);
            }
        }
        cmd.args(["sandbox", "--port", "0"]).args(args);
        SandboxProc::spawn(cmd)
    }

    /// Spawns `cmd` (an `smm sandbox`) and waits for its banner.
    fn spawn(mut cmd: std::process::Command) -> SandboxProc {
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
        SandboxProc { child, url, banner }
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
    pub fn interrupt(mut self) -> std::process::Output {
        std::process::Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        let child = std::mem::replace(
            &mut self.child,
            std::process::Command::new("true").spawn().unwrap(),
        );
        child.wait_with_output().unwrap()
    }
}

impl Drop for SandboxProc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
