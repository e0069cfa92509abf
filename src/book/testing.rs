//! The backends the book's tests run on: SQLite in a temporary directory always, and
//! PostgreSQL — a fresh database on the server `SMM_TEST_PG_URL` names (its password in
//! `PGPASSWORD`) — when it is set. With `CI=true` and no server, the tests fail instead.

use super::{Book, Place};

/// The environment variable naming the test server (`postgres://USER@127.0.0.1:PORT/DB`).
pub const PG_URL_ENV: &str = "SMM_TEST_PG_URL";

/// A book for one test, with the temporary directory it lives in.
pub struct TestBook {
    /// The book.
    pub book: Book,
    /// Where it is (to open it again, as another process would).
    pub place: Place,
    /// The temporary directory (the SQLite file, or a server book's side files).
    pub dir: tempfile::TempDir,
}

impl TestBook {
    /// The same book opened again, with a connection of its own.
    pub fn reopen(&self) -> Book {
        Book::open_place_in(self.place.clone(), self.dir.path().to_path_buf()).unwrap()
    }
}

impl Drop for TestBook {
    /// Drops a server book's database (ending the sessions still in it, this book's too), so
    /// runs don't pile up databases on the test server.
    fn drop(&mut self) {
        if let Place::Server(server) = &self.place
            && let Ok(mut client) = super::pg::connect(&super::place::Server {
                db: "postgres".to_string(),
                ..server.clone()
            })
        {
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                server.db
            ));
        }
    }
}

/// The test server's URL; None (with a note) when unset outside CI; a panic in CI.
pub fn pg_url() -> Option<String> {
    match std::env::var(PG_URL_ENV).ok().filter(|u| !u.is_empty()) {
        Some(url) => Some(url),
        None if std::env::var("CI").is_ok_and(|c| c == "true") => panic!(
            "{PG_URL_ENV} is not set: CI runs the book's tests on PostgreSQL too (see .ci/run)"
        ),
        None => {
            eprintln!("note: {PG_URL_ENV} is not set: the PostgreSQL half of this test is skipped");
            None
        }
    }
}

/// A fresh, empty database on the test server, as a place; None without a server.
pub fn fresh_pg() -> Option<Place> {
    let url = pg_url()?;
    let Place::Server(server) = super::place::parse(&url, None, None).unwrap() else {
        panic!("{PG_URL_ENV} is not a postgres:// URL");
    };
    let mut client = super::pg::connect(&server).unwrap();
    let name = format!("smm_t_{:016x}", fastrand::u64(..));
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    Some(Place::Server(super::place::Server { db: name, ..server }))
}

/// A new book on every backend available: SQLite, then PostgreSQL.
pub fn books() -> Vec<TestBook> {
    let mut all = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let place = Place::File(dir.path().join("orders.db"));
    all.push(TestBook {
        book: Book::open_place(place.clone()).unwrap(),
        place,
        dir,
    });
    if let Some(place) = fresh_pg() {
        let dir = tempfile::tempdir().unwrap();
        all.push(TestBook {
            book: Book::open_place_in(place.clone(), dir.path().to_path_buf()).unwrap(),
            place,
            dir,
        });
    }
    all
}
