//! Owner-only on Windows: a security descriptor whose DACL holds one entry, full
//! access for the user running Naast, protected so that nothing is inherited from the
//! folder (which may be a share others can read). Files and folders are created with
//! it, the Windows form of Linux's 0600 and 0700.

use std::fs;
use std::io;
use std::os::windows::io::{FromRawHandle, OwnedHandle, RawHandle};
use std::path::Path;

use windows_sys::Win32::Foundation::{
    GetLastError, ERROR_INSUFFICIENT_BUFFER, GENERIC_READ, GENERIC_WRITE, HANDLE,
    INVALID_HANDLE_VALUE,
};
use windows_sys::Win32::Security::{
    AddAccessAllowedAceEx, GetLengthSid, GetTokenInformation, InitializeAcl,
    InitializeSecurityDescriptor, SetSecurityDescriptorControl, SetSecurityDescriptorDacl,
    TokenUser, ACCESS_ALLOWED_ACE, ACE_FLAGS, ACL, ACL_REVISION, CONTAINER_INHERIT_ACE,
    OBJECT_INHERIT_ACE, SECURITY_ATTRIBUTES, SECURITY_DESCRIPTOR, SE_DACL_PROTECTED, TOKEN_QUERY,
    TOKEN_USER,
};
use windows_sys::Win32::Storage::FileSystem::{
    CreateDirectoryW, CreateFileW, CREATE_ALWAYS, CREATE_NEW, FILE_ALL_ACCESS,
    FILE_ATTRIBUTE_NORMAL, FILE_FLAG_OPEN_REPARSE_POINT, FILE_SHARE_DELETE, FILE_SHARE_READ,
    FILE_SHARE_WRITE,
};
use windows_sys::Win32::System::SystemServices::SECURITY_DESCRIPTOR_REVISION;
use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};

use super::win32::{check, raw, wide};

/// A security descriptor whose DACL lets only the current user in, and which
/// inherits nothing from its folder. Its parts live as long as it does.
pub(super) struct OwnerOnly {
    sd: Box<SECURITY_DESCRIPTOR>,
    _acl: Vec<u32>,
    _user: Vec<u64>,
}

impl OwnerOnly {
    /// `inherit`: for a folder, the entry is passed on to what is created inside it.
    pub(super) fn new(inherit: bool) -> io::Result<OwnerOnly> {
        // The user's SID, from the process token.
        let mut token: HANDLE = std::ptr::null_mut();
        // SAFETY: GetCurrentProcess is a pseudo handle; `token` receives a handle.
        check(unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) })?;
        // SAFETY: OpenProcessToken succeeded, so `token` is a handle we own.
        let token = unsafe { OwnedHandle::from_raw_handle(token as RawHandle) };
        let mut len = 0u32;
        // SAFETY: asking for the size only (null buffer, length 0).
        let asked = unsafe {
            GetTokenInformation(raw(&token), TokenUser, std::ptr::null_mut(), 0, &mut len)
        };
        // SAFETY: plain thread-local error read.
        if asked == 0 && unsafe { GetLastError() } != ERROR_INSUFFICIENT_BUFFER {
            return Err(io::Error::last_os_error());
        }
        // u64s: TOKEN_USER holds a pointer and must be aligned for it.
        let mut user = vec![0u64; (len as usize).div_ceil(8)];
        // SAFETY: the buffer holds `len` bytes, as the first call asked.
        check(unsafe {
            GetTokenInformation(
                raw(&token),
                TokenUser,
                user.as_mut_ptr().cast(),
                len,
                &mut len,
            )
        })?;
        // SAFETY: GetTokenInformation filled the buffer with a TOKEN_USER whose SID
        // points into the same buffer, which `OwnerOnly` keeps.
        let sid = unsafe { (*(user.as_ptr() as *const TOKEN_USER)).User.Sid };

        // One ACL with one "allow everything" entry for that SID.
        // SAFETY: `sid` is the valid SID read above.
        let sid_len = unsafe { GetLengthSid(sid) } as usize;
        let acl_len = std::mem::size_of::<ACL>() + std::mem::size_of::<ACCESS_ALLOWED_ACE>()
            - std::mem::size_of::<u32>()
            + sid_len;
        let acl_len = acl_len.next_multiple_of(4);
        let mut acl = vec![0u32; acl_len / 4];
        let acl_ptr = acl.as_mut_ptr() as *mut ACL;
        let flags: ACE_FLAGS = if inherit {
            OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE
        } else {
            0
        };
        // SAFETY: `acl` is `acl_len` bytes, aligned to 4, and outlives the descriptor.
        check(unsafe { InitializeAcl(acl_ptr, acl_len as u32, ACL_REVISION) })?;
        // SAFETY: the ACL was sized for exactly this entry.
        check(unsafe {
            AddAccessAllowedAceEx(acl_ptr, ACL_REVISION, flags, FILE_ALL_ACCESS, sid)
        })?;

        // SAFETY: an all-zero SECURITY_DESCRIPTOR is what InitializeSecurityDescriptor
        // expects to fill.
        let mut sd: Box<SECURITY_DESCRIPTOR> = Box::new(unsafe { std::mem::zeroed() });
        let sd_ptr = (&mut *sd as *mut SECURITY_DESCRIPTOR).cast();
        // SAFETY: `sd` is a SECURITY_DESCRIPTOR-sized buffer that outlives its use.
        check(unsafe { InitializeSecurityDescriptor(sd_ptr, SECURITY_DESCRIPTOR_REVISION) })?;
        // SAFETY: the ACL is valid and kept alive by `OwnerOnly`.
        check(unsafe { SetSecurityDescriptorDacl(sd_ptr, 1, acl_ptr, 0) })?;
        // Protected: the folder's inheritable entries do not apply.
        // SAFETY: a valid descriptor; only the protected bit changes.
        check(unsafe {
            SetSecurityDescriptorControl(sd_ptr, SE_DACL_PROTECTED, SE_DACL_PROTECTED)
        })?;
        Ok(OwnerOnly {
            sd,
            _acl: acl,
            _user: user,
        })
    }

    /// The SID of the user the entry lets in, for the tests that read a DACL back.
    #[cfg(test)]
    pub(super) fn user_sid(&self) -> windows_sys::Win32::Security::PSID {
        // SAFETY: `_user` holds the TOKEN_USER `new` read, alive as long as `self`.
        unsafe { (*(self._user.as_ptr() as *const TOKEN_USER)).User.Sid }
    }

    fn attributes(&self) -> SECURITY_ATTRIBUTES {
        SECURITY_ATTRIBUTES {
            nLength: std::mem::size_of::<SECURITY_ATTRIBUTES>() as u32,
            lpSecurityDescriptor: (&*self.sd as *const SECURITY_DESCRIPTOR) as *mut _,
            bInheritHandle: 0,
        }
    }
}

/// `CreateFileW` with the owner-only descriptor; a symlink or junction in the way is
/// opened as itself, never followed (and then refused, since it exists).
pub(super) fn create(
    path: &Path,
    disposition: u32,
    access: u32,
    flags: u32,
) -> io::Result<fs::File> {
    let owner = OwnerOnly::new(false)?;
    let sa = owner.attributes();
    let name = wide(path);
    // SAFETY: `name` is NUL-terminated and `sa` points into `owner`, alive here.
    let h = unsafe {
        CreateFileW(
            name.as_ptr(),
            access,
            FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
            &sa,
            disposition,
            FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT | flags,
            std::ptr::null_mut(),
        )
    };
    if h == INVALID_HANDLE_VALUE {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: a valid handle that nothing else owns.
    Ok(unsafe { fs::File::from_raw_handle(h as RawHandle) })
}

/// See `files::private_file`. An existing file that is replaced (`!exclusive`) keeps
/// its own DACL, as an existing file keeps its mode on Linux.
pub(crate) fn private_file(path: &Path, exclusive: bool) -> io::Result<fs::File> {
    let disposition = if exclusive { CREATE_NEW } else { CREATE_ALWAYS };
    create(path, disposition, GENERIC_READ | GENERIC_WRITE, 0)
}

/// See `files::private_dir`: the parents as Windows makes them, the folder itself
/// owner-only, its entry inherited by what is made inside.
pub(crate) fn private_dir(path: &Path) -> io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    let owner = OwnerOnly::new(true)?;
    let sa = owner.attributes();
    let name = wide(path);
    // SAFETY: `name` is NUL-terminated, `sa` valid while `owner` lives.
    check(unsafe { CreateDirectoryW(name.as_ptr(), &sa) }).or_else(|e| {
        if path.is_dir() {
            Ok(())
        } else {
            Err(e)
        }
    })
}
