//! Text the user hands smm in files or on stdin (ids, bulk order files, `@FILE` lists): read
//! with a size limit rather than whole, as UTF-8, a leading byte order mark dropped.

use std::io::Read;
use std::path::Path;

/// The largest file (or stdin) smm reads as input: 10 MiB.
pub const MAX_BYTES: u64 = 10 << 20;

/// Reads at most [`MAX_BYTES`] from `reader`; more, or text that is not UTF-8, is an error
/// naming `what` (`ids.txt`, `stdin`).
pub fn read_text(reader: impl Read, what: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {what}: {e}"))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!(
            "{what} is larger than {} MiB, more than smm reads: split it into smaller files",
            MAX_BYTES >> 20
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{what} is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(without_bom(text))
}

/// Reads the file at `path` like [`read_text`]; `what` names it in errors.
pub fn read_file(path: &Path, what: &str) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {what}: {e}"))?;
    read_text(file, what)
}

/// `text` without a leading byte order mark (U+FEFF), as some editors save UTF-8.
pub fn without_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_is_dropped_and_the_size_is_capped() {
        assert_eq!(read_text("\u{feff}1,2".as_bytes(), "x").unwrap(), "1,2");
        assert_eq!(read_text("1\u{feff}".as_bytes(), "x").unwrap(), "1\u{feff}");
        let err = read_text(std::io::repeat(b'0'), "stdin").unwrap_err();
        assert!(err.starts_with("stdin is larger than 10 MiB"), "{err}");
        let exactly = vec![b'1'; MAX_BYTES as usize];
        assert_eq!(read_text(&exactly[..], "x").unwrap().len(), exactly.len());
        assert!(
            read_text(&[0xff, 0xfe][..], "x")
                .unwrap_err()
                .contains("not UTF-8")
        );
    }
}
