//! Panels over HTTPS: every client of a run shares one set of TLS settings (the system's roots,
//! read once), and a panel whose certificate those roots do not vouch for never gets a request.
//! The test panel's certificate (tests/fixtures/tls, for 127.0.0.1) is trusted through
//! `SSL_CERT_FILE`, as a machine with a private CA would trust it.

use crate::common::{Home, Run};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A panel on 127.0.0.1 that speaks HTTPS with the test certificate and answers every
/// request with a balance; it records the body of each request that reached it.
struct TlsPanel {
    url: String,
    bodies: Arc<Mutex<Vec<String>>>,
}

fn tls_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tls")
        .join(name)
}

impl TlsPanel {
    fn start() -> TlsPanel {
        use rustls::pki_types::{CertificateDer, PrivateKeyDer, pem::PemObject};
        let certs = CertificateDer::pem_file_iter(tls_fixture("cert.pem"))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let key = PrivateKeyDer::from_pem_file(tls_fixture("key.pem")).unwrap();
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
        let config = Arc::new(config);
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!(
            "https://127.0.0.1:{}/api/v2",
            listener.local_addr().unwrap().port()
        );
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&bodies);
        std::thread::spawn(move || {
            for tcp in listener.incoming() {
                let (Ok(tcp), config, record) = (tcp, Arc::clone(&config), Arc::clone(&record))
                else {
                    continue;
                };
                std::thread::spawn(move || {
                    let conn = rustls::ServerConnection::new(config).unwrap();
                    let mut stream = BufReader::new(rustls::StreamOwned::new(conn, tcp));
                    // A refused handshake ends here: nothing was read.
                    let _ = answer(&mut stream, &record);
                });
            }
        });
        TlsPanel { url, bodies }
    }

    fn bodies(&self) -> Vec<String> {
        self.bodies.lock().unwrap().clone()
    }
}

/// Reads one request (head, then a body of Content-Length bytes), records its body and
/// answers with a balance, closing the connection.
fn answer(
    stream: &mut BufReader<rustls::StreamOwned<rustls::ServerConnection, std::net::TcpStream>>,
    record: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let mut length = 0;
    loop {
        let mut line = String::new();
        if stream.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body)?;
    record
        .lock()
        .unwrap()
        .push(String::from_utf8_lossy(&body).into_owned());
    let reply = r#"{"balance":"12.34","currency":"USD"}"#;
    let tls = stream.get_mut();
    write!(
        tls,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{reply}",
        reply.len()
    )?;
    tls.conn.send_close_notify();
    tls.flush()
}

#[test]
fn a_panel_over_https_is_trusted_through_the_roots_every_client_shares() {
    let (one, two) = (TlsPanel::start(), TlsPanel::start());
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.one]\nurl = \"{}\"\nkey = \"key-one\"\n[profiles.two]\nurl = \"{}\"\nkey = \"key-two\"\n",
        one.url, two.url
    ));
    let roots = tempfile::tempdir().unwrap();
    let out = home
        .smm()
        .env("SSL_CERT_FILE", tls_fixture("cert.pem"))
        .env("SSL_CERT_DIR", roots.path())
        .args(["balance", "--all"])
        .run();
    out.expect_code(0);
    for name in ["one", "two"] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.starts_with(name) && l.contains("12.34")),
            "{}",
            out.stdout
        );
    }
    assert_eq!(one.bodies().len(), 1);
    assert!(
        one.bodies()[0].contains("key=key-one"),
        "{:?}",
        one.bodies()
    );
    assert_eq!(two.bodies().len(), 1);
    assert!(
        two.bodies()[0].contains("key=key-two"),
        "{:?}",
        two.bodies()
    );
}

#[test]
fn a_panel_whose_certificate_the_roots_do_not_vouch_for_never_gets_the_key() {
    let panel = TlsPanel::start();
    let home = Home::new();
    home.write_config(&format!(
        "[profiles.test]\nurl = \"{}\"\nkey = \"test-key\"\n",
        panel.url
    ));
    // The system's roots only: the test certificate is not among them.
    let out = home.run(["balance"]);
    out.expect_code(1).stdout_is("");
    assert_eq!(
        out.tidy(&out.stderr),
        "smm: could not connect to the panel: invalid peer certificate: UnknownIssuer — profile \
         'test' at https://127.0.0.1:PORT/api/v2, 2 attempts; check the url (`smm config show`) \
         and that the panel is up\n"
    );
    assert_eq!(panel.bodies(), Vec::<String>::new());
}
