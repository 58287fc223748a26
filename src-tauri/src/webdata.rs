//! Where the webview keeps its own data: a fresh folder for this run, in the
//! user's runtime folder (`$XDG_RUNTIME_DIR`, in memory and owner-only on a Linux
//! desktop), removed when the app ends; a run that crashed leaves one that the next
//! start removes.
//!
//! WebKit otherwise keeps a persistent folder under `~/.local/share/nl.naast.app`
//! (cookies, local storage, caches) that nothing of Naast needs: every page is
//! served from the app or from memory, and nothing is stored in the page. The
//! incognito mode WebKit offers would do the same, but its context cannot be driven
//! by WebDriver, and the end-to-end tests must drive the app that ships.

use std::path::PathBuf;
use std::sync::OnceLock;

const PREFIX: &str = "naast-webview-";

/// This run's folder (made owner-only on first use).
pub fn dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = parent().join(format!("{PREFIX}{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
        }
        dir
    })
    .clone()
}

/// `$XDG_RUNTIME_DIR` when the session has one, else the system's temporary folder.
fn parent() -> PathBuf {
    std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .unwrap_or_else(std::env::temp_dir)
}

/// Removes this run's folder (the app ends).
pub fn remove() {
    let _ = std::fs::remove_dir_all(dir());
}

/// Removes the folders of earlier runs that did not end well (their process is
/// gone). Only where a process can be looked up by its number (Linux).
pub fn remove_stale() {
    let Ok(entries) = std::fs::read_dir(parent()) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(PREFIX) else {
            continue;
        };
        let gone = cfg!(target_os = "linux")
            && pid.parse::<u32>().is_ok()
            && !std::path::Path::new("/proc").join(pid).exists();
        if gone {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}
