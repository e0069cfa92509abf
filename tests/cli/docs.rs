//! The man page `doc/smm.1` matches the command line: one page with the top command (its
//! options, the global ones, the subcommands, examples and exit codes), then a section per
//! subcommand (synopsis, own options, examples). Regenerate it with
//! `SMM_UPDATE_GOLDEN=1 cargo test --test cli docs`; read it with `man ./doc/smm.1`.

use crate::common::{Run, golden};

/// The quote-string definition every clap_mangen rendering starts with (kept once, on top).
const PREAMBLE: [&str; 2] = [".ie \\n(.g .ds Aq \\(aq", ".el .ds Aq '"];

/// A clap_mangen rendering as text without its preamble; `demote` turns its `.SH` headings into
/// `.SS` subheadings.
fn render(write: impl Fn(&mut Vec<u8>) -> std::io::Result<()>, demote: bool) -> String {
    let mut buf = Vec::new();
    write(&mut buf).unwrap();
    String::from_utf8(buf)
        .unwrap()
        .lines()
        .filter(|l| !PREAMBLE.contains(l))
        .map(|l| match (demote, l.strip_prefix(".SH ")) {
            (true, Some(heading)) => format!(".SS {heading}\n"),
            _ => format!("{l}\n"),
        })
        .collect()
}

/// One section per subcommand under `cmd`, depth first.
fn subcommand_sections(cmd: &clap::Command, out: &mut String) {
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        // The global options are documented once, on top.
        let own = sub
            .clone()
            .mut_args(|a| if a.is_global_set() { a.hide(true) } else { a });
        let path = sub.get_bin_name().unwrap_or(sub.get_name()).to_uppercase();
        out.push_str(&format!(".SH \"{path}\"\n"));
        let man = clap_mangen::Man::new(own.clone());
        out.push_str(
            &render(|w| man.render_description_section(w), true).replacen(
                ".SS DESCRIPTION\n",
                "",
                1,
            ),
        );
        out.push_str(&render(|w| man.render_synopsis_section(w), true));
        if own.get_arguments().any(|a| !a.is_hide_set()) {
            out.push_str(&render(|w| man.render_options_section(w), true));
        }
        if let Some(after) = own.get_after_help() {
            let heading = match after.to_string().starts_with("Examples:") {
                true => ".SS EXAMPLES",
                false => ".SS \"NOTES AND EXAMPLES\"",
            };
            out.push_str(&render(|w| man.render_extra_section(w), true).replacen(
                ".SS EXTRA",
                heading,
                1,
            ));
        }
        subcommand_sections(sub, out);
    }
}

/// The whole page.
fn man_page() -> String {
    let mut cmd = smm::cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut page = format!("{}\n{}\n", PREAMBLE[0], PREAMBLE[1]);
    page.push_str(&render(|w| man.render_title(w), false));
    page.push_str(&render(|w| man.render_name_section(w), false));
    page.push_str(&render(|w| man.render_synopsis_section(w), false));
    page.push_str(&render(|w| man.render_description_section(w), false));
    page.push_str(&render(|w| man.render_options_section(w), false));
    page.push_str(&render(|w| man.render_subcommands_section(w), false));
    page.push_str(&render(|w| man.render_extra_section(w), false).replacen(
        ".SH EXTRA",
        ".SH \"EXAMPLES AND EXIT CODES\"",
        1,
    ));
    subcommand_sections(&cmd, &mut page);
    page.push_str(&render(|w| man.render_version_section(w), false));
    page
}

#[test]
fn the_checked_in_man_page_is_current() {
    let page = man_page();
    for needed in [
        ".SH \"SMM ORDER ADD\"",
        "\\-\\-quantity",
        ".SH \"SMM CONFIG ADD\"",
        "\\-\\-key\\-env",
        ".SH \"GLOBAL OPTIONS\"",
        "Exit codes:",
        "smm sandbox \\-\\-add\\-profile",
    ] {
        assert!(page.contains(needed), "the man page lacks {needed}");
    }
    golden("doc/smm.1", &page);
}

#[test]
fn the_man_page_reads_as_a_man_page() {
    // `man -l` renders it (man-db is on Debian by default: a machine without it fails here).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("smm.1");
    std::fs::write(&path, man_page()).unwrap();
    let out = std::process::Command::new("man")
        .args(["-l", "-P", "cat"])
        .arg(&path)
        .env("MANWIDTH", "100")
        .run();
    out.expect_code(0);
    let text = out.stdout;
    for section in [
        "SMM ORDER ADD",
        "SMM REFILL-STATUS",
        "SMM COMPLETIONS",
        "EXAMPLES",
    ] {
        assert!(
            text.lines().any(|l| l.trim() == section),
            "no {section} heading in:\n{text}"
        );
    }
}
