//! What the process itself keeps of the vault: decrypted pages and copies of the key
//! live in its memory while it runs. A core file would write them to disk (a crash
//! report, `gcore`), so the process makes none and cannot be dumped; and SQLCipher
//! wipes and locks the memory it frees (`cipher_memory_security`), so a page read
//! before the lock is not left lying in the heap after it.

use rusqlite::Connection;

use crate::ground::error::Result;

/// Called first thing by the app and the command line. No core file (`RLIMIT_CORE`
/// 0) and not dumpable (`PR_SET_DUMPABLE` 0: no core, and other processes of the
/// user may not attach to it or read its memory through `/proc`). Best effort: a
/// refusal by the system leaves Naast working as before.
pub fn harden_process() {
    let _ = wipe_freed_memory();
    #[cfg(unix)]
    {
        let none = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: setrlimit reads the struct passed; no memory is shared.
        unsafe {
            libc::setrlimit(libc::RLIMIT_CORE, &none);
        }
    }
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_DUMPABLE takes plain integers.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
}

/// SQLCipher's memory security: every allocation it frees is wiped first, and the
/// ones holding keys are locked out of swap. Global for the process, and once on it
/// cannot be turned off, so asking it of a connection in memory sets it for every
/// vault connection after.
fn wipe_freed_memory() -> Result<()> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch("PRAGMA cipher_memory_security = ON;")?;
    Ok(())
}

/// Whether SQLCipher wipes what it frees in this process.
pub fn wipes_freed_memory() -> Result<bool> {
    let conn = Connection::open_in_memory()?;
    let on: String = conn.query_row("PRAGMA cipher_memory_security", [], |r| r.get(0))?;
    Ok(on == "1")
}
