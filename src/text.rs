//! Text helpers: outside text made safe for a terminal (and for `--json`), and long text
//! shortened for one line.

use std::borrow::Cow;

/// Whether a character must never reach a terminal from outside text: control characters (C0,
/// DEL, C1 such as U+009B, the one-byte CSI), the bidirectional marks, embeddings, overrides
/// (U+202E) and isolates that reorder what is shown, and the Unicode line and paragraph
/// separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// Whether a byte may begin an unsafe character: a C0 control or DEL, or the first byte of the
/// UTF-8 form of C1 (0xC2), U+061C (0xD8) and the marks and separators at U+20xx (0xE2).
fn may_begin_unsafe(b: u8) -> bool {
    b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2
}

/// Whether `text` holds a character for which `unsafe_char` holds (one of `is_unsafe`'s or
/// fewer). A byte scan: only where a byte may begin an unsafe character is the character
/// decoded, so plain and most non-Latin text costs one pass over bytes.
fn any_unsafe(text: &str, unsafe_char: impl Fn(char) -> bool) -> bool {
    // Blocks of 64 bytes are tested without branching (the compiler can vector it); only a
    // block with a candidate byte is looked at byte by byte.
    text.as_bytes()
        .chunks(64)
        .enumerate()
        .any(|(block, bytes)| {
            bytes
                .iter()
                .fold(false, |any, &b| any | may_begin_unsafe(b))
                && bytes.iter().enumerate().any(|(i, &b)| {
                    // Such a byte is never a continuation byte: a character starts there.
                    may_begin_unsafe(b)
                        && text[block * 64 + i..]
                            .chars()
                            .next()
                            .is_some_and(&unsafe_char)
                })
        })
}

/// `text` with every character for which `unsafe_char` holds replaced by a space; borrowed
/// when there is none (the common case costs one scan).
fn replaced(text: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if any_unsafe(text, &unsafe_char) {
        Cow::Owned(
            text.chars()
                .map(|c| if unsafe_char(c) { ' ' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// Text made safe for one line of a terminal: every unsafe character (escape sequences,
/// newlines that would split a table row, bidi overrides) becomes a space.
pub fn safe(text: &str) -> Cow<'_, str> {
    replaced(text, is_unsafe)
}

/// Text made safe for a terminal, keeping its line breaks and tabs (smm's own multi-line text
/// with outside text inside).
pub fn safe_lines(text: &str) -> Cow<'_, str> {
    replaced(text, |c| is_unsafe(c) && c != '\n' && c != '\t')
}

/// `safe`, owned: for decoders that keep the text.
pub fn clean(s: &str) -> String {
    safe(s).into_owned()
}

/// JSON text with every unsafe character written as a `\uXXXX` escape, as JSON allows inside
/// strings (serde_json escapes C0 itself, not C1 or U+202E). Line breaks, tabs and carriage
/// returns are left alone: in valid JSON they only appear between values, as whitespace.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    let escape = |c: char| is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r');
    if !any_unsafe(json, escape) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// At most `max` characters of `text`, whitespace collapsed and unsafe characters (terminal
/// escapes) removed, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let collapsed = text
        .split(|c: char| c.is_whitespace() || is_unsafe(c))
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
        assert_eq!(shorten("a\u{202e}b", 10), "a b");
    }

    #[test]
    fn clean_removes_controls() {
        assert_eq!(clean("Likes\u{1b}[31m\nFast"), "Likes [31m Fast");
        assert_eq!(clean("a\u{9b}2Jb\u{202e}c\u{2066}d"), "a 2Jb c d");
        assert_eq!(safe_lines("a\u{1b}]52;x\u{7}\nb\tc"), "a ]52;x \nb\tc");
        assert!(matches!(safe("plain ünïcode 👍"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_unsafe_character_begins_with_a_byte_the_scan_stops_at() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| is_unsafe(*c))
        {
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(may_begin_unsafe(first), "{:04x}", c as u32);
        }
        assert!(!any_unsafe("– • ★ é ж 👍 \u{2013}\u{2030}", is_unsafe));
        assert!(any_unsafe("– a\u{2067}", is_unsafe));
        assert!(any_unsafe("\u{85}", is_unsafe));
    }

    #[test]
    fn json_escapes_what_serde_json_leaves() {
        let doc = serde_json::json!({"link": "a\u{1b}b\u{9b}c\u{202e}d"});
        let text = serde_json::to_string(&doc).unwrap();
        let safe = json_safe(&text);
        assert_eq!(safe, r#"{"link":"a\u001bb\u009bc\u202ed"}"#);
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, doc);
        assert_eq!(json_safe("{\n  \"a\": 1\n}"), "{\n  \"a\": 1\n}");
    }
}
