//! Atomic and durable on Windows: a new output is written under a name that Windows
//! deletes by itself when the handle closes (`FILE_FLAG_DELETE_ON_CLOSE`, also when
//! the process is killed), flushed, given a second name with a hard link, and moved
//! over the target with `MoveFileExW(REPLACE_EXISTING | WRITE_THROUGH)`.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use windows_sys::Win32::Foundation::{GENERIC_READ, GENERIC_WRITE};
use windows_sys::Win32::Storage::FileSystem::{
    CreateHardLinkW, MoveFileExW, CREATE_NEW, DELETE, FILE_FLAG_DELETE_ON_CLOSE,
    MOVEFILE_REPLACE_EXISTING, MOVEFILE_WRITE_THROUGH,
};

use super::owner::{create, private_file};
use super::win32::{check, wide};

/// Moves `from` over `to` in one step, returning only once the move is on disk.
pub(crate) fn replace(from: &Path, to: &Path) -> io::Result<()> {
    let (a, b) = (wide(from), wide(to));
    // SAFETY: both names are NUL-terminated.
    check(unsafe {
        MoveFileExW(
            a.as_ptr(),
            b.as_ptr(),
            MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH,
        )
    })
}

/// Flushes a file that was written by someone else (SQLite): Windows flushes only
/// through a handle that may write, where Linux's fsync takes any descriptor.
pub(crate) fn sync_file(path: &Path) -> io::Result<()> {
    fs::OpenOptions::new().write(true).open(path)?.sync_all()
}

/// See `files::write_atomic`. `tmp` is deleted by Windows when its handle closes,
/// whatever ends the process; `new` (a hard link to it, made once the bytes are on
/// disk) is the only name that can outlive a crash, for the moment until the move,
/// and `stale` clears such a leftover before the next write to the same target.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8], tmp: &Path, new: &Path) -> io::Result<()> {
    let mut f = create(
        tmp,
        CREATE_NEW,
        GENERIC_READ | GENERIC_WRITE | DELETE,
        FILE_FLAG_DELETE_ON_CLOSE,
    )?;
    f.write_all(bytes)?;
    f.sync_all()?;
    let (link, existing) = (wide(new), wide(tmp));
    // SAFETY: both names are NUL-terminated; no security attributes (a link shares
    // the file's own descriptor).
    let linked =
        check(unsafe { CreateHardLinkW(link.as_ptr(), existing.as_ptr(), std::ptr::null()) });
    drop(f);
    match linked {
        Ok(()) => replace(new, path).inspect_err(|_| {
            let _ = fs::remove_file(new);
        }),
        // No hard links here (FAT, some network shares): a named, owner-only file.
        Err(_) => {
            let result = (|| {
                let mut g = private_file(new, true)?;
                g.write_all(bytes)?;
                g.sync_all()?;
                drop(g);
                replace(new, path)
            })();
            if result.is_err() {
                let _ = fs::remove_file(new);
            }
            result
        }
    }
}
