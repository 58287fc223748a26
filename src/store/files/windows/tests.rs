//! The Windows side of `files`, checked against what Windows (or Wine) keeps: the
//! DACL read back, 8.3 short names asked of the file system, flushes by name.

use std::ffi::OsString;
use std::fs;
use std::os::windows::ffi::OsStringExt;
use std::path::{Path, PathBuf};

use windows_sys::Win32::Foundation::HANDLE;
use windows_sys::Win32::Security::{ACCESS_ALLOWED_ACE, ACL, SE_DACL_PROTECTED};
use windows_sys::Win32::Storage::FileSystem::{FILE_ALL_ACCESS, FILE_FLAG_BACKUP_SEMANTICS};

use super::owner::OwnerOnly;
use super::win32::wide;
use crate::store::files::{check_output, private_dir, private_file, sync_file, write_output};
use probe::{dacl, short_name, under_wine};

mod probe {
    //! What the tests read back: the DACL Windows keeps for a file.
    use super::*;
    use windows_sys::Win32::Security::Authorization::{GetSecurityInfo, SE_FILE_OBJECT};
    use windows_sys::Win32::Security::{
        EqualSid, GetAce, GetSecurityDescriptorControl, ACE_HEADER, DACL_SECURITY_INFORMATION,
        PSECURITY_DESCRIPTOR,
    };

    use windows_sys::Win32::Foundation::LocalFree;
    use windows_sys::Win32::Storage::FileSystem::GetShortPathNameW;

    /// One entry of a DACL: the SID as text (S-1-…), the access mask, whether it is
    /// the current user.
    #[derive(Debug)]
    pub struct Entry {
        pub sid: String,
        pub mask: u32,
        pub allow: bool,
        pub mine: bool,
    }

    /// The DACL Windows keeps for a file or folder, and whether it is protected.
    pub fn dacl(path: &Path) -> (Vec<Entry>, bool) {
        use std::os::windows::fs::OpenOptionsExt;
        use std::os::windows::io::AsRawHandle;
        use windows_sys::Win32::Security::Authorization::ConvertSidToStringSidW;
        // Backup semantics: a folder opens too.
        let f = fs::OpenOptions::new()
            .read(true)
            .custom_flags(FILE_FLAG_BACKUP_SEMANTICS)
            .open(path)
            .unwrap();
        let mut acl: *mut ACL = std::ptr::null_mut();
        let mut sd: PSECURITY_DESCRIPTOR = std::ptr::null_mut();
        let rc = unsafe {
            GetSecurityInfo(
                f.as_raw_handle() as HANDLE,
                SE_FILE_OBJECT,
                DACL_SECURITY_INFORMATION,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                &mut acl,
                std::ptr::null_mut(),
                &mut sd,
            )
        };
        assert_eq!(rc, 0, "GetSecurityInfo");
        assert!(!acl.is_null(), "no DACL: everyone may read");
        let mut control = 0u16;
        let mut revision = 0u32;
        unsafe { GetSecurityDescriptorControl(sd, &mut control, &mut revision) };
        let me = OwnerOnly::new(false).unwrap();
        let my_sid = me.user_sid();
        let mut entries = Vec::new();
        for i in 0..u32::from(unsafe { (*acl).AceCount }) {
            let mut ace: *mut core::ffi::c_void = std::ptr::null_mut();
            assert_ne!(unsafe { GetAce(acl, i, &mut ace) }, 0);
            let allowed = ace as *const ACCESS_ALLOWED_ACE;
            let header: ACE_HEADER = unsafe { (*allowed).Header };
            let sid = unsafe { std::ptr::addr_of!((*allowed).SidStart) } as *mut core::ffi::c_void;
            let mut text: windows_sys::core::PWSTR = std::ptr::null_mut();
            unsafe { ConvertSidToStringSidW(sid, &mut text) };
            let len = (0..).take_while(|&k| unsafe { *text.add(k) } != 0).count();
            let sid_text =
                String::from_utf16_lossy(unsafe { std::slice::from_raw_parts(text, len) });
            unsafe { LocalFree(text.cast()) };
            entries.push(Entry {
                sid: sid_text,
                mask: unsafe { (*allowed).Mask },
                allow: header.AceType == 0,
                mine: unsafe { EqualSid(sid, my_sid) } != 0,
            });
        }
        unsafe { LocalFree(sd) };
        (entries, control & SE_DACL_PROTECTED != 0)
    }

    /// Whether this runs under Wine (whose ntdll has `wine_get_version`).
    pub fn under_wine() -> bool {
        use windows_sys::Win32::System::LibraryLoader::{GetModuleHandleA, GetProcAddress};
        unsafe {
            let ntdll = GetModuleHandleA(c"ntdll.dll".as_ptr().cast());
            !ntdll.is_null() && GetProcAddress(ntdll, c"wine_get_version".as_ptr().cast()).is_some()
        }
    }

    /// The 8.3 name Windows (or Wine) gives an existing file.
    pub fn short_name(path: &Path) -> PathBuf {
        let name = wide(path);
        let mut buf = vec![0u16; 1024];
        let n = unsafe { GetShortPathNameW(name.as_ptr(), buf.as_mut_ptr(), buf.len() as u32) };
        assert!(n > 0 && (n as usize) < buf.len(), "GetShortPathNameW");
        PathBuf::from(OsString::from_wide(&buf[..n as usize]))
    }
}

/// Everyone, Users, Authenticated Users, Guests, Anonymous: none may be let in.
const OTHERS: [&str; 5] = [
    "S-1-1-0",
    "S-1-5-32-545",
    "S-1-5-11",
    "S-1-5-32-546",
    "S-1-5-7",
];

fn owner_only(p: &Path) {
    let (entries, protected) = dacl(p);
    eprintln!("{}: {entries:?}, protected: {protected}", p.display());
    assert!(
        entries
            .iter()
            .any(|e| e.mine && e.allow && e.mask & FILE_ALL_ACCESS == FILE_ALL_ACCESS),
        "{}: the user has full access",
        p.display()
    );
    assert!(
        !entries
            .iter()
            .any(|e| e.allow && OTHERS.contains(&e.sid.as_str())),
        "{}: others are let in: {entries:?}",
        p.display()
    );
    if under_wine() {
        // Wine keeps a file's security as its Unix mode where the file system has
        // no room for the descriptor: it answers with entries made from the mode
        // (the owner, and the group with its bits), never protected.
        return;
    }
    assert_eq!(entries.len(), 1, "{}: one entry", p.display());
    assert!(
        protected,
        "{}: nothing inherited from the folder",
        p.display()
    );
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

#[test]
fn outputs_are_owner_only_complete_and_leave_no_temporary_name() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("kluis.naast");
    let out = dir.path().join("overleg met é.html");
    write_output(&out, b"first", &vault).unwrap();
    write_output(&out, b"second", &vault).unwrap();
    assert_eq!(fs::read(&out).unwrap(), b"second");
    owner_only(&out);
    assert_eq!(names(dir.path()), ["overleg met é.html"]);
}

#[test]
fn private_files_and_folders_let_only_their_owner_in() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("kluis.naast");
    drop(private_file(&f, true).unwrap());
    owner_only(&f);
    assert!(
        private_file(&f, true).is_err(),
        "exclusive refuses an existing file"
    );
    let d = dir.path().join("back-ups").join("usb");
    private_dir(&d).unwrap();
    owner_only(&d);
    // What others make inside inherits the folder's one entry. Wine keeps no
    // inheritable entries (a folder's security is its Unix mode there).
    fs::write(d.join("x"), b"x").unwrap();
    if under_wine() {
        eprintln!("skipped under Wine: inheritance of the folder's entry by a file made inside");
    } else {
        owner_only(&d.join("x"));
    }
}

#[test]
fn a_crash_leftover_is_cleared_before_the_next_write_to_the_same_target() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("kluis.naast");
    let out = dir.path().join("overleg.html");
    let stale = dir.path().join(".overleg.html.0123456789ab.new");
    fs::write(&stale, b"plaintext a crash left").unwrap();
    let other = dir.path().join(".ander.html.0123456789ab.new");
    fs::write(&other, b"not ours").unwrap();
    write_output(&out, b"x", &vault).unwrap();
    assert!(!stale.exists());
    assert!(other.exists(), "only leftovers of this target are removed");
}

#[test]
fn a_file_sqlite_wrote_can_be_flushed_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.partial");
    fs::write(&f, b"x").unwrap();
    // What backups did before, and Windows refused ("geen toestemming"): a
    // flush through a handle opened for reading.
    let read_only = fs::File::open(&f).unwrap().sync_all();
    eprintln!("flush through a read-only handle: {read_only:?}");
    sync_file(&f).unwrap();
}

#[test]
fn the_vaults_files_are_refused_under_every_windows_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("kluis.naast");
    for (suffix, body) in [("", "vault"), (".keys", "keys"), ("-wal", "wal")] {
        fs::write(format!("{}{suffix}", vault.display()), body).unwrap();
    }
    let v = vault.display().to_string();
    let (folder, _) = v.rsplit_once('\\').unwrap();
    let mut spellings = vec![
        format!("{folder}\\KLUIS.NAAST"),
        format!("{folder}\\Kluis.Naast.KEYS"),
        v.replace('\\', "/"),
        format!("{v}."),
        format!("{v}. . "),
        format!("{v}.keys..."),
        format!("{v}-WAL"),
        format!("{v}-shm"),
        format!("{v}-Journal. "),
        format!("{folder}\\.\\kluis.naast"),
        format!(
            "{folder}\\..\\{}\\kluis.naast",
            Path::new(folder).file_name().unwrap().to_string_lossy()
        ),
        format!("\\\\?\\{v}"),
    ];
    // 8.3 short names, of the folder and of the files.
    for f in [
        vault.clone(),
        PathBuf::from(format!("{v}.keys")),
        PathBuf::from(format!("{v}-wal")),
    ] {
        spellings.push(short_name(&f).display().to_string());
    }
    let short_dir = short_name(dir.path()).display().to_string();
    spellings.push(format!("{short_dir}\\kluis.naast-journal"));
    for s in &spellings {
        assert!(
            check_output(Path::new(s), &vault).is_err(),
            "{s} was let through"
        );
    }
    for fine in ["kluis.naast.html", "kluis.naast-wal.html", "kluis"] {
        assert!(
            check_output(&dir.path().join(fine), &vault).is_ok(),
            "{fine}"
        );
    }
    eprintln!(
        "refused {} spellings, e.g. {:?}",
        spellings.len(),
        &spellings[spellings.len() - 4..]
    );
}
