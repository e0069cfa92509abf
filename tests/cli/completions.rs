//! The completion scripts in `completions/` match what the binary generates.
//! Regenerate them with `SMM_UPDATE_COMPLETIONS=1 cargo test --test cli completions`.

use std::path::Path;

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "smm.bash"),
    ("zsh", "_smm"),
    ("fish", "smm.fish"),
    ("powershell", "_smm.ps1"),
    ("elvish", "smm.elv"),
];

#[test]
fn checked_in_completions_are_current() {
    let update = std::env::var_os("SMM_UPDATE_COMPLETIONS").is_some();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let mut stale = Vec::new();
    for (shell, file) in SCRIPTS {
        let out = assert_cmd::cargo::cargo_bin_cmd!("smm")
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let generated = String::from_utf8(out.stdout).unwrap();
        assert!(
            generated.contains("refill-status"),
            "{shell} script lacks subcommands"
        );
        let path = dir.join(file);
        if update {
            std::fs::write(&path, &generated).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(generated.as_str()) {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale completions {stale:?}: run SMM_UPDATE_COMPLETIONS=1 cargo test --test cli completions"
    );
}

#[test]
fn unknown_shell_is_a_usage_error() {
    let out = assert_cmd::cargo::cargo_bin_cmd!("smm")
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
