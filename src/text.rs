//! Text helpers: outside text made safe for a terminal, and long text shortened for one line.

/// Text made safe for a terminal: control characters (escape sequences, newlines that would
/// split a table row) become spaces.
pub fn clean(s: &str) -> String {
    if s.chars().any(char::is_control) {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    } else {
        s.to_string()
    }
}

/// At most `max` characters of `text`, whitespace collapsed and control characters (terminal
/// escapes) removed, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let collapsed = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if collapsed.chars().count() <= max {
        collapsed
    } else {
        let cut: String = collapsed.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_collapses_and_cuts() {
        assert_eq!(shorten("a\n  b", 10), "a b");
        assert_eq!(shorten("abcdef", 3), "abc…");
    }

    #[test]
    fn clean_removes_controls() {
        assert_eq!(clean("Likes\u{1b}[31m\nFast"), "Likes [31m Fast");
    }
}
