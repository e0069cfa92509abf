//! A key type that never prints itself.

use std::fmt;

/// An API key or token: `Debug` prints `(redacted)` and there is no `Display`, so it cannot
/// end up in output, logs or error messages by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret text itself, for the one place that must send it (a request body).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is empty (an empty key is a configuration error).
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl Secret {
    /// The mask plus the last 4 characters when the secret is long enough to spare them
    /// (to tell tokens apart in a list); just the mask otherwise.
    pub fn hint(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() >= 16 {
            let tail: String = chars[chars.len() - 4..].iter().collect();
            format!("{MASK}{tail}")
        } else {
            MASK.to_string()
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

/// What smm shows in place of a secret.
pub const MASK: &str = "****";

/// The shortest secret [`mask`] looks for: a shorter one would mask ordinary words (real
/// keys and tokens are far longer).
pub const MASKED_FROM: usize = 4;

/// `text` with every occurrence of each of `secrets` (the profile's key, a Discord token)
/// replaced by [`MASK`] — the one function that keeps a secret a panel echoes back out of
/// what smm prints, alerts or stores. The HTTP layer applies it to every answer as it
/// arrives (`http::Http::send`), before anything reads it. A secret is found as written and,
/// where the text holds an escape (`%`, `\`, or `+` for a secret with a space), as a panel
/// may echo it encoded: URL-encoded (each byte `%2B` or `%2b`, a space `+`) or JSON-escaped
/// (`\/`, `\"`, `\\`, `\n`…, `\u00e9` in either case, surrogate pairs), in any mix.
/// Borrowed when there is none.
pub fn mask<'a>(text: &'a str, secrets: &[&str]) -> std::borrow::Cow<'a, str> {
    let mut out = std::borrow::Cow::Borrowed(text);
    for secret in secrets.iter().filter(|s| s.chars().count() >= MASKED_FROM) {
        if out.contains(secret) {
            out = std::borrow::Cow::Owned(out.replace(secret, MASK));
        }
        let escaped = out.contains(['%', '\\']) || (secret.contains(' ') && out.contains('+'));
        if escaped && let Some(masked) = mask_encoded(&out, secret) {
            out = std::borrow::Cow::Owned(masked);
        }
    }
    out
}

/// `text` with every encoding of `written` (see [`mask`]) replaced by [`MASK`], or None when
/// it holds none. An encoded match holds an escape (`%`, `\\`, `+` for a secret with a
/// space), found fast: before its first one, the match is the secret as written, so each
/// escape of the text is tried as the first of a match starting where the text before it is
/// the secret's beginning (the leftmost such start that spells the secret wins).
fn mask_encoded(text: &str, written: &str) -> Option<String> {
    let secret: Vec<char> = written.chars().collect();
    let bytes = text.as_bytes();
    let escapes: Box<dyn Iterator<Item = usize>> = match written.contains(' ') {
        true => Box::new(memchr::memchr3_iter(b'%', b'\\', b'+', bytes)),
        false => Box::new(memchr::memchr2_iter(b'%', b'\\', bytes)),
    };
    let mut out = String::new();
    let mut copied = 0;
    let mut scratch = (Vec::new(), Vec::new());
    for escape in escapes {
        if escape < copied || !may_spell(&bytes[escape..], &secret, written) {
            continue;
        }
        // The secret's beginnings the text before the escape ends with: those ending with the
        // byte before it, longest first, then none.
        let before = (escape - copied).min(written.len());
        let last = match escape {
            0 => None,
            _ => Some(bytes[escape - 1]),
        };
        let found = last
            .into_iter()
            .flat_map(|last| memchr::memrchr_iter(last, &written.as_bytes()[..before]))
            .map(|i| i + 1)
            .filter(|&k| {
                bytes[escape - k] == written.as_bytes()[0]
                    && bytes[escape - k..escape] == written.as_bytes()[..k]
            })
            .chain([0])
            .find_map(|k| {
                let start = escape - k;
                encoded_at(bytes, start, &secret, &mut scratch).map(|end| (start, end))
            });
        if let Some((start, end)) = found {
            out.push_str(&text[copied..start]);
            out.push_str(MASK);
            copied = end;
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// Whether the escape `text` starts with may be part of `secret` (its characters, `written`
/// as written): the escape character is one of them, or what it stands for is (a byte of the
/// secret, a character of it, a surrogate half). Most escapes of an answer are not: they are
/// passed over at once.
fn may_spell(text: &[u8], secret: &[char], written: &str) -> bool {
    let has = |c: char| secret.contains(&c);
    match text {
        [b, ..] if has(char::from(*b)) => true,
        [b'%', ..] => {
            hex(text.get(1..3)).is_some_and(|b| written.bytes().any(|w| u32::from(w) == b))
        }
        [b'\\', b'u', ..] => {
            hex(text.get(2..6)).is_some_and(|unit| char::from_u32(unit).is_none_or(has))
        }
        [b'\\', letter, ..] => SHORT.iter().any(|(c, l)| l == letter && has(*c)),
        [b'+', ..] => has(' '),
        _ => false,
    }
}

/// The characters JSON may escape with a letter (`\n`), and the letter.
const SHORT: [(char, u8); 8] = [
    ('"', b'"'),
    ('\\', b'\\'),
    ('/', b'/'),
    ('\u{8}', b'b'),
    ('\u{c}', b'f'),
    ('\n', b'n'),
    ('\r', b'r'),
    ('\t', b't'),
];

/// Where an encoding of `secret` that starts at byte `at` of `text` ends (the longest), if
/// one does: every place each character's encodings can reach, character by character
/// (`scratch` holds those places).
fn encoded_at(
    text: &[u8],
    at: usize,
    secret: &[char],
    scratch: &mut (Vec<usize>, Vec<usize>),
) -> Option<usize> {
    let (ends, next) = scratch;
    let (&first, rest) = secret.split_first()?;
    ends.clear();
    ends.extend(
        encodings(&text[at..], first)
            .into_iter()
            .flatten()
            .map(|n| at + n),
    );
    if ends.is_empty() {
        return None;
    }
    ends.sort_unstable();
    for &c in rest {
        next.clear();
        for &p in ends.iter() {
            next.extend(
                encodings(&text[p..], c)
                    .into_iter()
                    .flatten()
                    .map(|n| p + n),
            );
        }
        if next.is_empty() {
            return None;
        }
        next.sort_unstable();
        next.dedup();
        std::mem::swap(ends, next);
    }
    ends.last().copied()
}

/// The lengths of each encoding of `c` that `text` starts with: as written, URL-encoded
/// (every UTF-8 byte `%XX`, either case), `+` for a space, a JSON escape (`\uXXXX`, either
/// case, a surrogate pair beyond U+FFFF; or its short form).
fn encodings(text: &[u8], c: char) -> [Option<usize>; 4] {
    let mut utf8 = [0; 4];
    let utf8 = c.encode_utf8(&mut utf8).as_bytes();
    let written = text.starts_with(utf8).then_some(utf8.len());
    let percent = utf8
        .iter()
        .enumerate()
        .all(|(i, b)| {
            text.get(3 * i) == Some(&b'%')
                && hex(text.get(3 * i + 1..3 * i + 3)) == Some(u32::from(*b))
        })
        .then_some(3 * utf8.len());
    let plus = (c == ' ' && text.first() == Some(&b'+')).then_some(1);
    let short = SHORT
        .iter()
        .find(|(s, _)| *s == c)
        .map(|(_, letter)| *letter);
    let unit = |i: usize, value: u16| {
        text.get(i..i + 2) == Some(b"\\u") && hex(text.get(i + 2..i + 6)) == Some(u32::from(value))
    };
    let mut units = [0; 2];
    let json = match (short, c.encode_utf16(&mut units)) {
        (Some(letter), _) if text.starts_with(&[b'\\', letter]) => Some(2),
        (_, [one]) if unit(0, *one) => Some(6),
        (_, [high, low]) if unit(0, *high) && unit(6, *low) => Some(12),
        _ => None,
    };
    [written, percent, plus, json]
}

/// The value of hexadecimal digits (either case), when `digits` are some.
fn hex(digits: Option<&[u8]>) -> Option<u32> {
    digits?.iter().try_fold(0, |value, &b| {
        Some(value * 16 + char::from(b).to_digit(16)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_secret_is_masked_wherever_it_stands() {
        let key = "sk-live-0123456789abcdef";
        assert_eq!(
            mask(
                &format!("<html>Fatal error: key {key} ({key})"),
                &[key, "tok-9876"]
            ),
            "<html>Fatal error: key **** (****)"
        );
        assert_eq!(mask("a tok-9876 b", &[key, "tok-9876"]), "a **** b");
        assert!(matches!(
            mask("nothing here", &[key]),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            mask("k is a letter", &["k"]),
            "k is a letter",
            "too short to mask"
        );
    }

    #[test]
    fn a_secret_echoed_url_encoded_or_json_escaped_is_masked_too() {
        let key = "pk+Live/9=\u{e9}%Q\"z~";
        let echoes = [
            // PHP urlencode and form encoding, either case; rawurlencode / encodeURIComponent.
            "pk%2BLive%2F9%3D%C3%A9%25Q%22z%7E",
            "pk%2bLive%2f9%3d%c3%a9%25Q%22z%7e",
            "pk%2BLive%2F9%3D%C3%A9%25Q%22z~",
            // PHP json_encode, with JSON_HEX_QUOT, and without escaping slashes or accents.
            r#"pk+Live\/9=\u00e9%Q\"z~"#,
            r#"pk+Live\/9=\u00E9%Q\u0022z~"#,
            "pk+Live/9=\u{e9}%Q\\\"z~",
        ];
        for echo in echoes {
            assert_eq!(
                mask(
                    &format!(r#"{{"error":"bad key {echo}","again":"{echo}"}}"#),
                    &[key]
                ),
                r#"{"error":"bad key ****","again":"****"}"#,
                "{echo}"
            );
        }
        assert_eq!(
            mask(
                "https://panel.example/login?key=pk%2BLive%2F9%3D%C3%A9%25Q%22z%7E&next=%2F",
                &[key]
            ),
            "https://panel.example/login?key=****&next=%2F"
        );
        // A space as `+` (form encoding), a character beyond U+FFFF as a surrogate pair.
        assert_eq!(
            mask("k=my+secret+key%21 end", &["my secret key!"]),
            "k=**** end"
        );
        assert_eq!(
            mask(r#"{"e":"tok\ud83d\ude00abc"}"#, &["tok\u{1f600}abc"]),
            r#"{"e":"****"}"#
        );
        // Escapes that do not spell a secret are left as they are, borrowed.
        for text in [
            r#"{"url":"https:\/\/i.com\/p","name":"caf\u00e9 100%"}"#,
            "pk%2BLive%2F9%3D%C3%A9%25Q%22z and more",
            "my+secret+key",
        ] {
            assert!(
                matches!(
                    mask(text, &[key, "my secret key!"]),
                    std::borrow::Cow::Borrowed(_)
                ),
                "{text}"
            );
        }
        // A `+` is a space only for a secret with one; too short a secret is never looked for.
        assert_eq!(mask("ab+cd", &["ab cd"]), "****");
        assert_eq!(mask("ab+cd", &["abxcd"]), "ab+cd");
        // A secret with an escape character of its own, echoed encoded.
        assert_eq!(mask("x ab%25cd y", &["ab%cd"]), "x **** y");
        assert_eq!(mask(r#"x ab\\cd\/ y"#, &["ab\\cd/"]), "x **** y");
        assert_eq!(mask("k%2B", &["k+"]), "k%2B");
    }

    #[test]
    fn debug_never_shows_the_value() {
        let s = Secret::new("sk_live_123456");
        assert_eq!(format!("{s:?}"), "(redacted)");
        assert_eq!(s.expose(), "sk_live_123456");
    }

    #[test]
    fn hints_show_at_most_four_characters() {
        assert_eq!(Secret::new("MTA4NzY1NDMyMS.abcdef.XYZW").hint(), "****XYZW");
        assert_eq!(Secret::new("short").hint(), "****");
    }

    #[test]
    fn blank_is_empty() {
        assert!(Secret::new("  ").is_empty());
        assert!(!Secret::new("k").is_empty());
    }
}
