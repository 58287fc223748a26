//! Which names are one file on Windows. Names there are case-insensitive, take `\`
//! and `/`, drop trailing dots and spaces, and have 8.3 short names. Existing files
//! are compared by volume serial number and file index (which no spelling changes);
//! names of files that do not exist yet by their full path, compared the way NTFS
//! compares them.

use std::ffi::{OsStr, OsString};
use std::os::windows::ffi::{OsStrExt, OsStringExt};
use std::os::windows::io::{FromRawHandle, OwnedHandle, RawHandle};
use std::path::{Path, PathBuf};

use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
use windows_sys::Win32::Globalization::{CompareStringOrdinal, CSTR_EQUAL};
use windows_sys::Win32::Storage::FileSystem::{
    CreateFileW, GetFileInformationByHandle, GetFullPathNameW, BY_HANDLE_FILE_INFORMATION,
    FILE_FLAG_BACKUP_SEMANTICS, FILE_SHARE_DELETE, FILE_SHARE_READ, FILE_SHARE_WRITE,
    OPEN_EXISTING,
};

use super::win32::{raw, wide};

/// Volume serial number and file index: the same pair for every name of one file.
pub(crate) fn file_id(path: &Path) -> Option<(u32, u64)> {
    let name = wide(path);
    // SAFETY: `name` is NUL-terminated. Access 0 asks only for attributes, and every
    // sharing mode is granted, so an open vault does not refuse this.
    let h = unsafe {
        CreateFileW(
            name.as_ptr(),
            0,
            FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
            std::ptr::null(),
            OPEN_EXISTING,
            FILE_FLAG_BACKUP_SEMANTICS,
            std::ptr::null_mut(),
        )
    };
    if h == INVALID_HANDLE_VALUE {
        return None;
    }
    // SAFETY: a valid handle, owned from here on.
    let h = unsafe { OwnedHandle::from_raw_handle(h as RawHandle) };
    // SAFETY: plain old data, filled by the call below.
    let mut info: BY_HANDLE_FILE_INFORMATION = unsafe { std::mem::zeroed() };
    // SAFETY: `h` is open and `info` is the structure the call fills.
    if unsafe { GetFileInformationByHandle(raw(&h), &mut info) } == 0 {
        return None;
    }
    let index = (u64::from(info.nFileIndexHigh) << 32) | u64::from(info.nFileIndexLow);
    Some((info.dwVolumeSerialNumber, index))
}

/// The full path Windows would open for `p`: `/` made `\`, `.` and `..` applied,
/// trailing dots and spaces dropped from the last part.
fn full_path(p: &Path) -> Option<Vec<u16>> {
    let name = wide(p);
    let mut buf = vec![0u16; 512];
    loop {
        // SAFETY: `buf` has the length passed; no file-part pointer is asked for.
        let n = unsafe {
            GetFullPathNameW(
                name.as_ptr(),
                buf.len() as u32,
                buf.as_mut_ptr(),
                std::ptr::null_mut(),
            )
        } as usize;
        if n == 0 {
            return None;
        }
        if n < buf.len() {
            buf.truncate(n);
            return Some(buf);
        }
        buf.resize(n + 1, 0);
    }
}

/// Whether two names of files that may not exist yet are one name to Windows: their
/// full paths compared without regard to case, as NTFS compares them.
pub(crate) fn same_name(a: &Path, b: &Path) -> bool {
    let (Some(a), Some(b)) = (full_path(&strip_verbatim(a)), full_path(&strip_verbatim(b))) else {
        return false;
    };
    // SAFETY: both slices are valid for the lengths given.
    let r =
        unsafe { CompareStringOrdinal(a.as_ptr(), a.len() as i32, b.as_ptr(), b.len() as i32, 1) };
    r == CSTR_EQUAL
}

/// `\\?\C:\x` as `C:\x`: `canonicalize` answers in the first form, which
/// GetFullPathNameW leaves untouched (trailing dots and all).
fn strip_verbatim(p: &Path) -> PathBuf {
    let w: Vec<u16> = p.as_os_str().encode_wide().collect();
    let prefix: Vec<u16> = OsStr::new(r"\\?\").encode_wide().collect();
    let unc: Vec<u16> = OsStr::new(r"\\?\UNC\").encode_wide().collect();
    if w.starts_with(&unc) {
        let mut s: Vec<u16> = OsStr::new(r"\\").encode_wide().collect();
        s.extend_from_slice(&w[unc.len()..]);
        PathBuf::from(OsString::from_wide(&s))
    } else if w.starts_with(&prefix) {
        PathBuf::from(OsString::from_wide(&w[prefix.len()..]))
    } else {
        p.to_path_buf()
    }
}
