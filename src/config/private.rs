//! The directories smm creates (data, cache, config) are its user's only: mode 0700 whatever
//! the umask, set explicitly rather than left to the umask; the files holding keys or orders
//! are created 0600 through one open, [`write_private`].

use std::fs::File;
use std::path::Path;

/// How [`write_private`] treats a file that exists already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse it (`AlreadyExists`): the file must be new.
    Refuse,
    /// Empty it.
    Truncate,
    /// Keep its content.
    Keep,
}

/// Opens `path` for writing, creating it with mode 0600 (on Unix) when it is missing — the one
/// way smm creates a file that holds keys, orders or a panel's catalogue.
pub fn write_private(path: &Path, existing: Existing) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    match existing {
        Existing::Refuse => options.create_new(true),
        Existing::Truncate => options.create(true).truncate(true),
        Existing::Keep => options.create(true).truncate(false),
    };
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Creates `dir` and every missing parent, each new one with mode 0700 (on Unix); directories
/// that exist already are left as they are. Safe against another smm creating them at once.
pub fn create_dir(dir: &Path) -> std::io::Result<()> {
    let mut missing = Vec::new();
    let mut next = Some(dir);
    while let Some(d) = next {
        if d.as_os_str().is_empty() || d.is_dir() {
            break;
        }
        missing.push(d);
        next = d.parent();
    }
    for d in missing.into_iter().rev() {
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        match builder.create(d) {
            Ok(()) => restrict(d)?,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && d.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Sets mode 0700 on a directory smm just created (the umask may have taken bits away).
fn restrict(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn new_directories_are_0700_and_old_ones_untouched() {
        let root = tempfile::tempdir().unwrap();
        let old = root.path().join("old");
        std::fs::create_dir(&old).unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o755)).unwrap();
        let deep = old.join("a/b/c");
        create_dir(&deep).unwrap();
        create_dir(&deep).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&old), 0o755);
        for d in [old.join("a"), old.join("a/b"), deep] {
            assert_eq!(mode(&d), 0o700, "{}", d.display());
        }
    }
}
