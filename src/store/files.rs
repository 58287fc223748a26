//! Every file Naast writes outside the vault goes through here, so that a crash leaves
//! the old file or the new one, never half of one; nobody else on the machine can read
//! it; and no output, whatever name it is given, can land on the live database.

use std::fs;
#[cfg(not(windows))]
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::ground::error::{Error, Result};

#[cfg(windows)]
mod windows;

/// Creates a file only its owner can read (mode 0600; on Windows a DACL with the
/// user alone). `exclusive` refuses an existing file. A symlink in the way is never
/// followed.
pub(crate) fn private_file(path: &Path, exclusive: bool) -> std::io::Result<fs::File> {
    #[cfg(windows)]
    return windows::private_file(path, exclusive);
    #[cfg(not(windows))]
    {
        let mut o = fs::OpenOptions::new();
        o.write(true);
        if exclusive {
            o.create_new(true);
        } else {
            o.create(true).truncate(true);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            o.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        o.open(path)
    }
}

/// Creates a folder (and its parents) that only its owner can enter, for backups.
/// An existing folder is left as it is: it may be a share the user chose.
pub(crate) fn private_dir(path: &Path) -> std::io::Result<()> {
    if path.is_dir() {
        return Ok(());
    }
    #[cfg(windows)]
    return windows::private_dir(path);
    #[cfg(not(windows))]
    {
        let mut b = fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            b.mode(0o700);
        }
        b.create(path)
    }
}

/// Moves a complete file over `to` in one step: `rename(2)` on Unix; on Windows
/// `MoveFileExW` with replace and write-through (std's rename does not wait for the
/// disk).
pub(crate) fn replace(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(windows)]
    return windows::replace(from, to);
    #[cfg(not(windows))]
    fs::rename(from, to)
}

/// Flushes a file another writer (SQLite) made, by name. On Windows this needs a
/// handle that may write; a read-only one is refused ("geen toestemming"), where
/// Linux's fsync takes any descriptor.
pub(crate) fn sync_file(path: &Path) -> std::io::Result<()> {
    #[cfg(windows)]
    return windows::sync_file(path);
    #[cfg(not(windows))]
    fs::File::open(path)?.sync_all()
}

/// Makes a rename durable: on Linux the directory entry needs its own fsync.
pub(crate) fn sync_dir(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::File::open(dir)?.sync_all()?;
    }
    let _ = path;
    Ok(())
}

/// The files that make up a vault: the database, its key file, and SQLite's side files
/// (which exist only while it is open, or after a crash).
pub fn vault_files(vault: &Path) -> Vec<PathBuf> {
    ["", ".keys", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut s = vault.as_os_str().to_owned();
            s.push(suffix);
            PathBuf::from(s)
        })
        .collect()
}

/// The path with its folder resolved (symlinks, `..`), the file name kept as given:
/// works for files that do not exist yet.
fn resolved(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d.canonicalize().ok()?,
        None => std::env::current_dir().ok()?,
    };
    Some(dir.join(name))
}

/// What stays the same for every name of one file (hard links, other spellings).
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(windows)]
fn file_id(path: &Path) -> Option<(u32, u64)> {
    windows::file_id(path)
}

#[cfg(not(any(unix, windows)))]
fn file_id(_: &Path) -> Option<()> {
    None
}

/// Whether two names, of files that may not exist yet, are the same name: on Windows
/// also in another case, with trailing dots or spaces, with `/` for `\`.
fn same_name(a: &Path, b: &Path) -> bool {
    #[cfg(windows)]
    return windows::same_name(a, b);
    #[cfg(not(windows))]
    return a == b;
}

/// Refuses to write an output to the vault, its key file, its `-wal`, `-shm` or
/// `-journal`, or anything that leads there: a symlink, a hard link, another spelling
/// of the same folder. Writing a summary over the live `-wal` silently lost saves that
/// had reported success; this is the one check every output passes.
pub fn check_output(path: &Path, vault: &Path) -> Result<()> {
    let refuse = || Err(Error::OutputIsVault(path.to_path_buf()));
    let protected = vault_files(vault);
    let protected_resolved: Vec<PathBuf> = protected.iter().filter_map(|p| resolved(p)).collect();
    let is_protected = |p: &Path| protected_resolved.iter().any(|q| same_name(q, p));
    // The name itself, with its folder resolved.
    if let Some(r) = resolved(path) {
        if is_protected(&r) {
            return refuse();
        }
    }
    // Where a symlink (or a chain of them) finally points.
    if let Ok(target) = path.canonicalize() {
        if is_protected(&target) {
            return refuse();
        }
    }
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        let target = fs::read_link(path).unwrap_or_default();
        let target = match path.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
        if let Some(r) = resolved(&target) {
            if is_protected(&r) {
                return refuse();
            }
        }
    }
    // The same file under another name (a hard link, a short name, another case).
    if let Some(id) = file_id(path) {
        if protected.iter().any(|p| file_id(p) == Some(id)) {
            return refuse();
        }
    }
    Ok(())
}

/// Writes an output the user asked for (a summary, an export): checked against the
/// vault, owner-only, atomic. A file already at `path` is replaced only when the new
/// one is complete.
pub fn write_output(path: &Path, bytes: &[u8], vault: &Path) -> Result<()> {
    check_output(path, vault)?;
    write_atomic(path, bytes)
}

/// Writes `bytes` to a private temporary file in the same folder, syncs it, renames it
/// over `path` and syncs the folder. On failure nothing is left under `path` that was
/// not there before, and the temporary file is gone; a retry starts clean.
///
/// On Linux the temporary file has no name at all until it is complete (`O_TMPFILE`),
/// so even a kill -9 in the middle of writing leaves nothing behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = temp_name(path);
    #[cfg(windows)]
    let result = {
        // The second name a crash could leave (see `windows::write_atomic`) goes
        // before anything new is written for the same target.
        clean_stale(path);
        windows::write_atomic(path, bytes, &tmp, &tmp.with_extension("new"))
    };
    #[cfg(not(windows))]
    let result = (|| {
        let mut f = create_temp(path, &tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        link_temp(&f, &tmp)?;
        replace(&tmp, path)?;
        sync_dir(path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(|e| Error::io(path, e))
}

/// `.name.<random>.tmp` beside the target: unique, so a stale one never blocks a retry.
fn temp_name(path: &Path) -> PathBuf {
    let mut r = [0u8; 6];
    let _ = crate::ground::ids::random(&mut r);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", hex::encode(r)))
}

/// Removes `.name.<random>.new` files a crash left beside `path` on Windows.
#[cfg(windows)]
fn clean_stale(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let head = format!(".{}.", name.to_string_lossy());
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with(&head) && n.ends_with(".new") && n.len() == head.len() + 12 + 4 {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn create_temp(path: &Path, tmp: &Path) -> std::io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d.to_path_buf(),
        None => PathBuf::from("."),
    };
    let anonymous = fs::OpenOptions::new()
        .write(true)
        .mode(0o600)
        .custom_flags(libc::O_TMPFILE)
        .open(&dir);
    match anonymous {
        Ok(f) => Ok(f),
        // Not every file system has O_TMPFILE (network shares, some FUSE mounts).
        Err(e)
            if matches!(
                e.raw_os_error(),
                Some(libc::EOPNOTSUPP) | Some(libc::EISDIR) | Some(libc::EINVAL)
            ) =>
        {
            private_file(tmp, true)
        }
        Err(e) => Err(e),
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
fn create_temp(_path: &Path, tmp: &Path) -> std::io::Result<fs::File> {
    private_file(tmp, true)
}

/// Gives an anonymous temporary file its temporary name; a named one has it already.
#[cfg(target_os = "linux")]
fn link_temp(f: &fs::File, tmp: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::io::AsRawFd;
    if tmp.exists() {
        return Ok(());
    }
    let from = std::ffi::CString::new(format!("/proc/self/fd/{}", f.as_raw_fd()))?;
    let to = std::ffi::CString::new(tmp.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths that live across the call.
    let rc = unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::AT_SYMLINK_FOLLOW,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
fn link_temp(_f: &fs::File, _tmp: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_never_land_on_the_vault_or_its_side_files() {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("kluis.naast");
        fs::write(&vault, b"vault").unwrap();
        for suffix in ["", ".keys", "-wal", "-shm", "-journal"] {
            let p = PathBuf::from(format!("{}{suffix}", vault.display()));
            assert!(check_output(&p, &vault).is_err(), "{suffix}");
            // Another spelling of the same folder.
            let odd = dir.path().join(".").join(format!("kluis.naast{suffix}"));
            assert!(check_output(&odd, &vault).is_err(), "./{suffix}");
        }
        #[cfg(unix)]
        {
            let link = dir.path().join("link.html");
            std::os::unix::fs::symlink(format!("{}-wal", vault.display()), &link).unwrap();
            assert!(check_output(&link, &vault).is_err(), "symlink to -wal");
            let hard = dir.path().join("hard.html");
            fs::hard_link(&vault, &hard).unwrap();
            assert!(check_output(&hard, &vault).is_err(), "hard link");
        }
        assert!(check_output(&dir.path().join("overleg.html"), &vault).is_ok());
    }

    #[test]
    fn a_written_output_is_private_complete_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("kluis.naast");
        let out = dir.path().join("export.json");
        write_output(&out, b"first", &vault).unwrap();
        write_output(&out, b"second", &vault).unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"second");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["export.json".to_string()]);
    }

    #[test]
    fn a_failed_write_leaves_nothing_and_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("kluis.naast");
        let out = dir.path().join("missing-folder").join("x.html");
        assert!(write_output(&out, b"x", &vault).is_err());
        assert!(!out.exists());
    }
}
