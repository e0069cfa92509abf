//! Connecting to a PostgreSQL book: the password from where [`Server::password`] finds it,
//! TLS through rustls (ring, as the HTTP client) when the URL asks for it, and the errors as
//! one line naming the host and the database — never the password.

use super::place::{Server, Tls};
use std::sync::Arc;
use std::time::Duration;

/// How long to wait for the server to answer a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A connection to `server`. Unreachable: exit 1; refused login or bad settings: exit 2.
pub fn connect(server: &Server) -> anyhow::Result<postgres::Client> {
    let mut config = postgres::Config::new();
    config
        .user(&server.user)
        .dbname(&server.db)
        .port(server.port)
        .connect_timeout(CONNECT_TIMEOUT)
        .application_name("smm");
    match server.is_socket() {
        true => config.host_path(&server.host),
        false => config.host(&server.host),
    };
    if let Some(password) = server.password()? {
        config.password(password);
    }
    let connected = match &server.tls {
        Tls::Disable => config.connect(postgres::NoTls),
        tls => {
            config.ssl_mode(postgres::config::SslMode::Require);
            let tls = tokio_postgres_rustls::MakeRustlsConnect::new(client_config(server, tls)?);
            config.connect(tls)
        }
    };
    connected.map_err(|e| refused(server, &e))
}

/// The rustls settings for `tls`.
fn client_config(server: &Server, tls: &Tls) -> anyhow::Result<rustls::ClientConfig> {
    // Installing twice returns Err, which is harmless.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let bad = |e: &dyn std::fmt::Display| {
        crate::exit::usage(format!(
            "the order book's TLS settings for {} cannot be used: {e}; nothing was sent",
            server.named()
        ))
    };
    let builder = rustls::ClientConfig::builder();
    Ok(match tls {
        Tls::Disable => unreachable!("plain connections need no TLS settings"),
        Tls::Require => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(EncryptOnly::new()))
            .with_no_client_auth(),
        Tls::VerifyFull { root: Some(root) } => {
            use rustls::pki_types::{CertificateDer, pem::PemObject};
            let mut roots = rustls::RootCertStore::empty();
            for cert in CertificateDer::pem_file_iter(root).map_err(|e| bad(&e))? {
                roots.add(cert.map_err(|e| bad(&e))?).map_err(|e| bad(&e))?;
            }
            builder.with_root_certificates(roots).with_no_client_auth()
        }
        Tls::VerifyFull { root: None } => {
            use rustls_platform_verifier::BuilderVerifierExt;
            builder
                .with_platform_verifier()
                .map_err(|e| bad(&e))?
                .with_no_client_auth()
        }
    })
}

/// A connection error as one line naming the host and the database: the server could not be
/// reached (exit 1) or it refused smm's login (exit 2).
pub fn refused(server: &Server, e: &postgres::Error) -> anyhow::Error {
    let place = server.named();
    if let Some(db) = e.as_db_error() {
        use postgres::error::SqlState;
        let code = db.code();
        if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            return crate::exit::usage(format!(
                "the order book's server ({place}) refused user {}: {}; put the password in PGPASSWORD, \
                 a ~/.pgpass line or book_password_command; nothing was sent",
                server.user,
                db.message()
            ));
        }
        return anyhow::anyhow!(
            "cannot use the order book ({place}): {}; nothing was sent",
            db.message()
        );
    }
    let cause = std::error::Error::source(e)
        .map(|s| s.to_string())
        .unwrap_or_else(|| e.to_string());
    if cause.contains("password missing") {
        return crate::exit::usage(format!(
            "the order book's server ({place}) asks for a password: put it in PGPASSWORD, a ~/.pgpass line \
             or book_password_command; nothing was sent"
        ));
    }
    anyhow::anyhow!(
        "cannot reach the order book ({place}): {}; nothing was sent",
        crate::text::shorten(&cause, 200)
    )
}

/// `sslmode=require`: the connection is encrypted, the certificate's signature checked, but
/// not who signed it (as libpq's `require`).
#[derive(Debug)]
struct EncryptOnly(Arc<rustls::crypto::CryptoProvider>);

impl EncryptOnly {
    fn new() -> EncryptOnly {
        EncryptOnly(Arc::new(rustls::crypto::ring::default_provider()))
    }
}

impl rustls::client::danger::ServerCertVerifier for EncryptOnly {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}
