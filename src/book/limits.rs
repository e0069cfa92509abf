//! How long a text that came from outside (a panel's answer) may be in the order book: every
//! such text is cut here, where the book writes, to the lengths the README's "The order book"
//! section lists. A panel that answers a 600 KB status grows the book by at most these.

/// Characters of a status (`In progress`).
pub const STATUS: usize = 100;
/// Characters of a currency (`USD`).
pub const CURRENCY: usize = 16;
/// Characters of a number kept as text (start count, remains, amounts).
pub const NUMBER: usize = 40;
/// Characters of an error or a message (the add's error, an alert).
pub const ERROR: usize = 300;
/// Characters of a name (a service's name in the catalogue).
pub const NAME: usize = 200;

/// At most `max` characters of `text`, with `…` in place of the rest when it is longer;
/// unsafe characters (terminal escapes, line breaks) become spaces.
pub fn cut(text: &str, max: usize) -> String {
    let text = crate::text::safe(text);
    match text.char_indices().nth(max) {
        None => text.into_owned(),
        Some((at, _)) => format!("{}…", &text[..at]),
    }
}

/// `cut` of an optional text.
pub fn cut_opt(text: Option<&str>, max: usize) -> Option<String> {
    text.map(|t| cut(t, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_short_text_kept() {
        assert_eq!(cut("Completed", STATUS), "Completed");
        assert_eq!(cut("abcdef", 3), "abc…");
        assert_eq!(cut("ééé", 2), "éé…");
        assert_eq!(cut("a\u{1b}b", 10), "a b");
        assert_eq!(
            cut(&"x".repeat(600_000), STATUS).chars().count(),
            STATUS + 1
        );
    }
}
