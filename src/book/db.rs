//! The one place that knows which database the order book runs on: SQLite (a file, rusqlite)
//! or PostgreSQL (a server shared by several machines, the `postgres` client). Everything
//! else in `book` writes its SQL once, in the dialect both accept, with numbered placeholders
//! `?1, ?2, …` (or bare `?`), passes its values as [`Value`]s and reads [`Row`]s; `Db`
//! translates the placeholders (`$1` on PostgreSQL) and the types in one place.
//!
//! Portable SQL, as the book writes it: `INSERT … ON CONFLICT (…) DO NOTHING / DO UPDATE SET
//! x = excluded.x` (not `INSERT OR …`), `a IS NOT DISTINCT FROM ?1` (not `a IS ?1`),
//! `lower(a) = lower(?1)` (not `COLLATE NOCASE`), an alias on every subquery, no date
//! functions (dates are computed in Rust), `rowid` only on tables whose PostgreSQL twin has
//! one (every table without an `INTEGER PRIMARY KEY`, see [`pg_ddl`]).

use std::cell::RefCell;
use std::collections::HashMap;

/// A value bound to a placeholder or read from a column: the three kinds the book stores
/// (booleans are integers 0/1, money and JSON are text).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// NULL.
    Null,
    /// An integer (INTEGER in SQLite, BIGINT in PostgreSQL).
    Int(i64),
    /// Text.
    Text(String),
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Int(b as i64)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}
impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::Text(s.clone())
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

/// The values of a statement's placeholders, in order: `args![id, now, cost]`.
macro_rules! args {
    ($($v:expr),* $(,)?) => {
        &[$($crate::book::db::Value::from($v)),*][..]
    };
}
pub(crate) use args;

/// One row read, its columns in the statement's order.
pub struct Row(Vec<Value>);

/// A type a column reads as.
pub trait FromValue: Sized {
    /// The column's value as `Self`, or None when it does not fit.
    fn from_value(v: &Value) -> Option<Self>;
}
impl FromValue for i64 {
    fn from_value(v: &Value) -> Option<i64> {
        match v {
            Value::Int(n) => Some(*n),
            _ => None,
        }
    }
}
impl FromValue for bool {
    fn from_value(v: &Value) -> Option<bool> {
        i64::from_value(v).map(|n| n != 0)
    }
}
impl FromValue for String {
    fn from_value(v: &Value) -> Option<String> {
        match v {
            Value::Text(s) => Some(s.clone()),
            Value::Int(n) => Some(n.to_string()),
            Value::Null => None,
        }
    }
}
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: &Value) -> Option<Option<T>> {
        match v {
            Value::Null => Some(None),
            v => T::from_value(v).map(Some),
        }
    }
}

impl Row {
    /// The row's values (to write them elsewhere: `book copy`).
    pub fn into_values(self) -> Vec<Value> {
        self.0
    }

    /// A copy of the row's values.
    pub fn clone_values(&self) -> Vec<Value> {
        self.0.clone()
    }

    /// Column `i` as `T`; an error when it is missing or of another kind.
    pub fn get<T: FromValue>(&self, i: usize) -> Result<T, DbError> {
        self.0
            .get(i)
            .and_then(T::from_value)
            .ok_or_else(|| DbError::Other(format!("column {i} holds an unexpected value")))
    }
}

/// A database error of either backend.
#[derive(Debug)]
pub enum DbError {
    /// From SQLite.
    Lite(rusqlite::Error),
    /// From PostgreSQL.
    Pg(postgres::Error),
    /// Anything else (a value of an unexpected kind).
    Other(String),
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::Lite(e) => write!(f, "{e}"),
            DbError::Pg(e) => match e.as_db_error() {
                Some(db) => write!(f, "{}", db.message()),
                None => write!(f, "{e}"),
            },
            DbError::Other(e) => f.write_str(e),
        }
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> DbError {
        DbError::Lite(e)
    }
}
impl From<postgres::Error> for DbError {
    fn from(e: postgres::Error) -> DbError {
        DbError::Pg(e)
    }
}

/// What a write transaction serialises on. SQLite has one writer at a time whatever the key
/// (`BEGIN IMMEDIATE`); PostgreSQL takes a transaction-scoped advisory lock per key, so
/// writers of different keys (two different orders) run at once and writers of the same key
/// (the same order from two machines) one after the other.
#[derive(Debug, Clone)]
pub enum Lock {
    /// The whole book (migrations, the journal import, a copy).
    Book,
    /// One named thing: a fingerprint, a profile's statuses or catalogue.
    Key(String),
    /// One named thing shared with other holders of `Shared` and excluded from a holder of
    /// `Key` with the same name (every add takes the spend lock shared; an add checked against
    /// a spending limit takes it whole, so the count it checks cannot move under it).
    Shared(String),
}

impl Lock {
    /// The advisory lock's 64-bit key: FNV-1a of the name (stable across machines and
    /// versions); the whole book has a key of its own.
    fn key(&self) -> i64 {
        match self {
            Lock::Book => 0x0053_4d4d, // "SMM"
            Lock::Key(name) | Lock::Shared(name) => {
                let mut h: u64 = 0xcbf2_9ce4_8422_2325;
                for b in name.bytes() {
                    h ^= b as u64;
                    h = h.wrapping_mul(0x0000_0100_0000_01b3);
                }
                h as i64
            }
        }
    }
}

/// A connection to the book's database.
pub enum Db {
    /// An SQLite file.
    Lite(rusqlite::Connection),
    /// A PostgreSQL server, with the statements prepared so far.
    Pg(Box<RefCell<Pg>>),
}

/// A PostgreSQL connection and its prepared statements (by SQL text).
pub struct Pg {
    /// The client.
    pub client: postgres::Client,
    /// Statements prepared on it.
    prepared: HashMap<String, postgres::Statement>,
}

impl Pg {
    /// A connection with no statement prepared yet.
    pub fn new(client: postgres::Client) -> Pg {
        Pg {
            client,
            prepared: HashMap::new(),
        }
    }

    /// The prepared statement for `sql` (SQLite placeholders), prepared on first use.
    fn statement(&mut self, sql: &str) -> Result<postgres::Statement, postgres::Error> {
        if let Some(s) = self.prepared.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(&pg_sql(sql))?;
        self.prepared.insert(sql.to_string(), s.clone());
        Ok(s)
    }
}

impl Db {
    /// Runs a statement; returns how many rows it changed.
    pub fn exec(&self, sql: &str, args: &[Value]) -> Result<u64, DbError> {
        match self {
            Db::Lite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                Ok(stmt.execute(rusqlite::params_from_iter(args.iter().map(lite)))? as u64)
            }
            Db::Pg(pg) => {
                let mut pg = pg.borrow_mut();
                let stmt = pg.statement(sql)?;
                Ok(pg.client.execute(&stmt, &pg_args(args))?)
            }
        }
    }

    /// Runs statements without values (migrations, `BEGIN`, `COMMIT`).
    pub fn batch(&self, sql: &str) -> Result<(), DbError> {
        match self {
            Db::Lite(c) => Ok(c.execute_batch(sql)?),
            Db::Pg(pg) => Ok(pg.borrow_mut().client.batch_execute(sql)?),
        }
    }

    /// Calls `f` with each row of a query, one at a time (memory stays flat at a million).
    /// `f` must not use the book.
    pub fn each(
        &self,
        sql: &str,
        args: &[Value],
        mut f: impl FnMut(Row) -> anyhow::Result<()>,
    ) -> anyhow::Result<Result<(), DbError>> {
        match self {
            Db::Lite(c) => {
                let mut stmt = match c.prepare_cached(sql) {
                    Ok(s) => s,
                    Err(e) => return Ok(Err(e.into())),
                };
                let width = stmt.column_count();
                let mut rows = match stmt.query(rusqlite::params_from_iter(args.iter().map(lite))) {
                    Ok(r) => r,
                    Err(e) => return Ok(Err(e.into())),
                };
                loop {
                    match rows.next() {
                        Ok(Some(row)) => match lite_row(row, width) {
                            Ok(row) => f(row)?,
                            Err(e) => return Ok(Err(e.into())),
                        },
                        Ok(None) => return Ok(Ok(())),
                        Err(e) => return Ok(Err(e.into())),
                    }
                }
            }
            Db::Pg(pg) => {
                use postgres::fallible_iterator::FallibleIterator;
                let mut pg = pg.borrow_mut();
                let stmt = match pg.statement(sql) {
                    Ok(s) => s,
                    Err(e) => return Ok(Err(e.into())),
                };
                let values = pg_args(args);
                let mut rows = match pg.client.query_raw(&stmt, values) {
                    Ok(r) => r,
                    Err(e) => return Ok(Err(e.into())),
                };
                loop {
                    match rows.next() {
                        Ok(Some(row)) => match pg_row(&row) {
                            Ok(row) => f(row)?,
                            Err(e) => return Ok(Err(e)),
                        },
                        Ok(None) => return Ok(Ok(())),
                        Err(e) => return Ok(Err(e.into())),
                    }
                }
            }
        }
    }

    /// Every row of a query, each made a `T` by `f`.
    pub fn all<T>(
        &self,
        sql: &str,
        args: &[Value],
        mut f: impl FnMut(&Row) -> Result<T, DbError>,
    ) -> Result<Vec<T>, DbError> {
        let mut found = Vec::new();
        let mut failed = None;
        let walked = self.each(sql, args, |row| {
            match f(&row) {
                Ok(t) => found.push(t),
                Err(e) => failed = failed.take().or(Some(e)),
            }
            Ok(())
        });
        match walked {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(e),
            Err(e) => return Err(DbError::Other(format!("{e:#}"))),
        }
        match failed {
            Some(e) => Err(e),
            None => Ok(found),
        }
    }

    /// The first row of a query, made a `T` by `f`, or None.
    pub fn one<T>(
        &self,
        sql: &str,
        args: &[Value],
        f: impl FnMut(&Row) -> Result<T, DbError>,
    ) -> Result<Option<T>, DbError> {
        Ok(self.all(sql, args, f)?.into_iter().next())
    }

    /// Runs `f` in a write transaction serialised on `locks` (see [`Lock`]): committed when
    /// `f` returns Ok, rolled back when it fails.
    pub fn write<T>(
        &self,
        locks: &[Lock],
        f: impl FnOnce() -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        match self {
            Db::Lite(_) => self.batch("BEGIN IMMEDIATE")?,
            Db::Pg(_) => {
                self.batch("BEGIN")?;
                // (key, shared): an exclusive hold of a key makes its shared one needless.
                let mut keys: Vec<(i64, bool)> = locks
                    .iter()
                    .map(|l| (l.key(), matches!(l, Lock::Shared(_))))
                    .collect();
                // Always in the same order, so two transactions never wait on each other.
                keys.sort_unstable();
                keys.dedup_by_key(|(key, _)| *key);
                for (key, shared) in keys {
                    let sql = match shared {
                        true => "SELECT pg_advisory_xact_lock_shared(?1)",
                        false => "SELECT pg_advisory_xact_lock(?1)",
                    };
                    if let Err(e) = self.exec(sql, args![key]) {
                        let _ = self.batch("ROLLBACK");
                        return Err(e);
                    }
                }
            }
        }
        match f() {
            Ok(t) => match self.batch("COMMIT") {
                Ok(()) => Ok(t),
                Err(e) => {
                    let _ = self.batch("ROLLBACK");
                    Err(e)
                }
            },
            Err(e) => {
                let _ = self.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Runs `f` in a write transaction that holds the whole book (migrations). On PostgreSQL
    /// the lock is taken before the transaction starts, so that the transaction sees every
    /// table another smm created while this one waited (a server caches its catalogue per
    /// transaction).
    pub fn exclusive<T>(&self, f: impl FnOnce() -> Result<T, DbError>) -> Result<T, DbError> {
        match self {
            Db::Lite(_) => self.write(&[Lock::Book], f),
            Db::Pg(_) => {
                self.exec("SELECT pg_advisory_lock(?1)", args![Lock::Book.key()])?;
                let done = self.write(&[], f);
                let unlocked = self.exec("SELECT pg_advisory_unlock(?1)", args![Lock::Book.key()]);
                let done = done?;
                unlocked.map(|_| done)
            }
        }
    }

    /// A subquery of the integers in the JSON array bound to `placeholder` (`"?4"`), for
    /// `x IN (…)`: one value however long the list, on either database.
    pub fn int_list(&self, placeholder: &str) -> String {
        match self {
            Db::Lite(_) => format!("SELECT j.value FROM json_each({placeholder}) AS j"),
            Db::Pg(_) => format!(
                "SELECT CAST(j.value AS BIGINT) FROM json_array_elements_text(CAST({placeholder} AS json)) AS j(value)"
            ),
        }
    }

    /// Whether this is the PostgreSQL backend (for the schema version's home and `book info`).
    pub fn is_pg(&self) -> bool {
        matches!(self, Db::Pg(_))
    }
}

/// A value as rusqlite binds it.
fn lite(v: &Value) -> rusqlite::types::Value {
    match v {
        Value::Null => rusqlite::types::Value::Null,
        Value::Int(n) => rusqlite::types::Value::Integer(*n),
        Value::Text(s) => rusqlite::types::Value::Text(s.clone()),
    }
}

/// An SQLite row read into a [`Row`].
fn lite_row(row: &rusqlite::Row, width: usize) -> rusqlite::Result<Row> {
    use rusqlite::types::ValueRef;
    let mut values = Vec::with_capacity(width);
    for i in 0..width {
        values.push(match row.get_ref(i)? {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(n) => Value::Int(n),
            ValueRef::Real(f) => Value::Text(f.to_string()),
            ValueRef::Text(t) | ValueRef::Blob(t) => {
                Value::Text(String::from_utf8_lossy(t).into_owned())
            }
        });
    }
    Ok(Row(values))
}

/// A PostgreSQL row read into a [`Row`].
fn pg_row(row: &postgres::Row) -> Result<Row, DbError> {
    use postgres::types::Type;
    let mut values = Vec::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let t = column.type_();
        let v = if *t == Type::INT8 {
            row.try_get::<_, Option<i64>>(i)?.map(Value::Int)
        } else if *t == Type::INT4 {
            row.try_get::<_, Option<i32>>(i)?
                .map(|n| Value::Int(n.into()))
        } else if *t == Type::INT2 {
            row.try_get::<_, Option<i16>>(i)?
                .map(|n| Value::Int(n.into()))
        } else if *t == Type::BOOL {
            row.try_get::<_, Option<bool>>(i)?
                .map(|b| Value::Int(b as i64))
        } else if *t == Type::TEXT || *t == Type::VARCHAR || *t == Type::NAME {
            row.try_get::<_, Option<String>>(i)?.map(Value::Text)
        } else {
            return Err(DbError::Other(format!(
                "column {} has a type the book does not use ({t})",
                column.name()
            )));
        };
        values.push(v.unwrap_or(Value::Null));
    }
    Ok(Row(values))
}

/// The values as the `postgres` client binds them.
fn pg_args(args: &[Value]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    args.iter()
        .map(|v| v as &(dyn postgres::types::ToSql + Sync))
        .collect()
}

impl postgres::types::ToSql for Value {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>> {
        use postgres::types::{IsNull, Type};
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(n) if *ty == Type::INT8 => n.to_sql(ty, out),
            Value::Int(n) if *ty == Type::INT4 => i32::try_from(*n)?.to_sql(ty, out),
            Value::Int(n) if *ty == Type::INT2 => i16::try_from(*n)?.to_sql(ty, out),
            Value::Int(n) if *ty == Type::BOOL => (*n != 0).to_sql(ty, out),
            Value::Int(n) => n.to_string().to_sql(ty, out),
            Value::Text(s) if *ty == Type::INT8 => s.parse::<i64>()?.to_sql(ty, out),
            Value::Text(s) => s.as_str().to_sql(ty, out),
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// `n` placeholders from `?first` on (`marks(3, 1)` is `?1, ?2, ?3`).
pub fn marks(n: usize, first: usize) -> String {
    (first..first + n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `sql` with SQLite's placeholders (`?1`, or bare `?` counted from 1) as PostgreSQL's (`$1`).
pub fn pg_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut next = 0;
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if c == '\'' {
            quoted = !quoted;
        }
        if c != '?' || quoted {
            out.push(c);
            continue;
        }
        let mut digits = String::new();
        while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            digits.push(*d);
            chars.next();
        }
        if digits.is_empty() {
            next += 1;
            digits = next.to_string();
        }
        out.push('$');
        out.push_str(&digits);
    }
    out
}

/// A migration written for SQLite as PostgreSQL takes it: `INTEGER PRIMARY KEY` becomes an
/// identity column, every other `INTEGER` a `BIGINT`, and every new table without such a key
/// gets the `rowid` column SQLite gives it silently (so `rowid` means the same on both).
pub fn pg_ddl(sql: &str) -> String {
    let mut out = String::new();
    for statement in sql.split_inclusive(';') {
        let upper = statement.to_ascii_uppercase();
        let mut s = statement.to_string();
        if let Some(at) = upper.find("CREATE TABLE")
            && !upper.contains("INTEGER PRIMARY KEY")
            && let Some(open) = statement[at..].find('(')
        {
            s.insert_str(
                at + open + 1,
                "\n    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE,",
            );
        }
        out.push_str(&s);
    }
    let out = replace_word(
        &out,
        "INTEGER PRIMARY KEY",
        "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    );
    replace_word(&out, "INTEGER", "BIGINT")
}

/// `text` with every whole-word `word` replaced by `with` (outside `--` comments too: the
/// comments say the same on both).
fn replace_word(text: &str, word: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    while let Some(at) = rest.find(word) {
        let before = match at {
            0 => out.chars().last(),
            _ => rest[..at].chars().last(),
        };
        let after = rest[at + word.len()..].chars().next();
        out.push_str(&rest[..at]);
        if is_word(before) || is_word(after) {
            out.push_str(word);
        } else {
            out.push_str(with);
        }
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_translate_numbered_and_bare() {
        assert_eq!(
            pg_sql("SELECT a FROM t WHERE b = ?1 AND c IS ?2 AND d = '?'"),
            "SELECT a FROM t WHERE b = $1 AND c IS $2 AND d = '?'"
        );
        assert_eq!(pg_sql("x = ? AND y = ?"), "x = $1 AND y = $2");
    }

    #[test]
    fn ddl_gets_bigints_identities_and_rowids() {
        let ddl = pg_ddl(
            "CREATE TABLE a (seq INTEGER PRIMARY KEY, n INTEGER NOT NULL);\n\
             CREATE TABLE b (x TEXT, checked INTEGER);\nALTER TABLE a ADD COLUMN m INTEGER;",
        );
        assert_eq!(
            ddl,
            "CREATE TABLE a (seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, n BIGINT NOT NULL);\n\
             CREATE TABLE b (\n    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE,x TEXT, checked BIGINT);\n\
             ALTER TABLE a ADD COLUMN m BIGINT;"
        );
    }

    #[test]
    fn lock_keys_are_stable() {
        assert_eq!(Lock::Key("a".into()).key(), Lock::Key("a".into()).key());
        assert_ne!(Lock::Key("a".into()).key(), Lock::Key("b".into()).key());
        assert_eq!(
            Lock::Key(String::new()).key(),
            0xcbf2_9ce4_8422_2325_u64 as i64
        );
    }
}
