//! The completion scripts in `completions/` match what the binary generates.
//! Regenerate them with `SMM_UPDATE_GOLDEN=1 cargo test --test cli completions`.

use crate::common::{Home, golden};

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "smm.bash"),
    ("zsh", "_smm"),
    ("fish", "smm.fish"),
    ("powershell", "_smm.ps1"),
    ("elvish", "smm.elv"),
];

#[test]
fn checked_in_completions_are_current() {
    let home = Home::new();
    for (shell, file) in SCRIPTS {
        let out = home.run(["completions", shell]);
        out.expect_code(0).stderr_is("");
        assert!(
            out.stdout.contains("refill-status"),
            "{shell} script lacks subcommands"
        );
        golden(&format!("completions/{file}"), &out.stdout);
    }
}

#[test]
fn unknown_shell_is_a_usage_error() {
    Home::new().run(["completions", "tcsh"]).expect_code(2);
}
