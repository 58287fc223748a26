//! "Kopiëren als tekst": a bridge note onto the system clipboard (Tauri's clipboard
//! plugin, marked for clipboard managers to keep out of their history), and off it
//! again on lock, on quit and [`CLEAR_AFTER_SECONDS`] after copying, but only while
//! the clipboard still holds what Naast put there: whatever the person copied since
//! is theirs and stays. Only a SHA-256 of the text is kept, never the text.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use sha2::{Digest, Sha256};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_clipboard_manager::ClipboardExt;

/// How long a copied note stays on the clipboard: long enough to paste it into the
/// care record, short enough not to be pasted by mistake into something else later.
pub const CLEAR_AFTER_SECONDS: u64 = 60;

/// What Naast last put on the clipboard (its hash), and which copy that was, so a
/// timer of an earlier copy never clears a later one.
#[derive(Default)]
pub struct Copied {
    hash: Mutex<Option<[u8; 32]>>,
    generation: AtomicU64,
}

fn hash(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// Puts `text` on the clipboard and starts its timer.
pub fn copy<R: Runtime>(app: &AppHandle<R>, text: &str) -> Result<(), naast::ground::error::Error> {
    let copied = app.state::<Copied>();
    app.clipboard()
        .write_secret(text)
        .map_err(|_| naast::ground::error::Error::Clipboard)?;
    *copied.hash.lock().unwrap_or_else(|p| p.into_inner()) = Some(hash(text));
    let generation = copied.generation.fetch_add(1, Ordering::SeqCst) + 1;
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(CLEAR_AFTER_SECONDS));
        if app.state::<Copied>().generation.load(Ordering::SeqCst) == generation {
            clear_if_ours(&app);
        }
    });
    Ok(())
}

/// Empties the clipboard if it still holds Naast's text; forgets it either way.
/// Never on the main thread: reading the clipboard there can wait forever for the
/// webview, which answers on that same thread (see [`clear_soon`]).
pub fn clear_if_ours<R: Runtime>(app: &AppHandle<R>) {
    let copied = app.state::<Copied>();
    let Some(ours) = copied.hash.lock().unwrap_or_else(|p| p.into_inner()).take() else {
        return;
    };
    let clipboard = app.clipboard();
    if clipboard.read_text().is_ok_and(|now| hash(&now) == ours) {
        let _ = clipboard.clear();
    }
}

/// [`clear_if_ours`] from the main thread (closing the window): on a thread of its
/// own, waited for at most a second.
pub fn clear_soon<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let (done, wait) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        clear_if_ours(&app);
        let _ = done.send(());
    });
    let _ = wait.recv_timeout(Duration::from_secs(1));
}
