//! The few helpers every Win32 call of `files` needs: a path as UTF-16, a BOOL
//! result as `io::Result`, and an owned handle as the raw one the API takes.

use std::io;
use std::os::windows::ffi::OsStrExt;
use std::os::windows::io::{AsRawHandle, OwnedHandle};
use std::path::Path;

use windows_sys::Win32::Foundation::HANDLE;

/// A path as Win32 takes it: UTF-16, NUL-terminated.
pub(super) fn wide(p: &Path) -> Vec<u16> {
    p.as_os_str().encode_wide().chain(Some(0)).collect()
}

pub(super) fn check(ok: i32) -> io::Result<()> {
    if ok == 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// The raw handle of an owned one, for the calls that take a `HANDLE`.
pub(super) fn raw(h: &OwnedHandle) -> HANDLE {
    h.as_raw_handle() as HANDLE
}
