//! Every line smm writes on stderr goes through here: notes for people (silenced by
//! `--quiet`), warnings and errors (always shown), and `-v` request traces.
//!
//! Like ripgrep's `messages.rs`, the quiet switch is set once per run; the panel and HTTP
//! layers use these functions rather than printing themselves.
//!
//! Each message is one line: control characters, escape sequences and bidi overrides that
//! outside text (an id from a file, a panel's error) may carry become spaces.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether notes are silenced (`--quiet`).
static QUIET: AtomicBool = AtomicBool::new(false);

/// Whether `-v` asked for the run's decisions (config file, profile) and requests.
static VERBOSE: AtomicBool = AtomicBool::new(false);

/// Sets `-v` for the rest of the run.
pub fn set_verbose(verbose: bool) {
    VERBOSE.store(verbose, Ordering::Relaxed);
}

/// A `-v` line about what smm decided (`smm: config file …`), shown only with `-v`.
pub fn verbose(text: &str) {
    if VERBOSE.load(Ordering::Relaxed) {
        line(&format!("smm: {text}"));
    }
}

/// Sets `--quiet` for the rest of the run.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Whether notes are silenced.
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// A note for people (`smm: …`), unless `--quiet`.
pub fn note(text: &str) {
    if !quiet() {
        line(&format!("smm: {text}"));
    }
}

/// A warning (`smm: warning: …`), shown even with `--quiet`.
pub fn warn(text: &str) {
    line(&format!("smm: warning: {text}"));
}

/// An error (`smm: …`), shown even with `--quiet`.
pub fn error(text: &str) {
    line(&format!("smm: {text}"));
}

/// A `-v` trace line, as given (`> POST …`, `< HTTP 200 …`).
pub fn trace(text: &str) {
    line(text);
}

/// A question on stderr without a newline (the answer is read from stdin).
pub fn prompt(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(crate::text::safe(text).as_bytes());
    let _ = err.flush();
}

/// Writes one line on stderr; a closed stderr is ignored.
fn line(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", crate::text::safe(text));
}
