//! Locking. The person locks (the lock button, Ctrl+L, the page's idle timer: the
//! page writes half-written forms into the vault, then asks); the system locks too:
//! when the session locks or the laptop goes to sleep ([`watch`] hears it on D-Bus,
//! on Windows through a hidden window of its own),
//! someone else may soon be at the keyboard, so the vault must not stay open behind
//! the lock screen until the app's own idle timer runs out.
//!
//! Either way the same things happen ([`lock_now`]): the vault closes and its key
//! leaves memory with it, an open save or print dialog is cancelled, the print
//! window and the hours overview (which show what was in the vault) go, and a note
//! Naast put on the clipboard leaves it.
//!
//! Closing the window ([`on_close`]) closes the vault the same way, after the page
//! has written what is half-written, and waits for the backup it makes.

use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

use tauri::{AppHandle, CloseRequestApi, Manager, Runtime, Window};

use crate::guard::MAIN_WINDOW;
use crate::state::AppState;

/// How long the page gets to write its half-written forms and lock by itself,
/// before the shell closes the vault without it (a page that hangs must not keep
/// the vault open).
const PAGE_GRACE: Duration = Duration::from_secs(3);

/// Closes the vault, the print window and a copied note on the clipboard. Not on
/// the main thread (the clipboard is read there; see `clipboard::clear_soon`).
pub fn lock_now<R: Runtime>(app: &AppHandle<R>) {
    crate::clipboard::clear_if_ours(app);
    close_views(app);
    app.state::<AppState>().close_with_backup();
}

/// What shows or holds what was in the vault, besides the vault: an open dialog,
/// the print window, the hours overview.
fn close_views<R: Runtime>(app: &AppHandle<R>) {
    cancel_dialogs(app);
    if let Some(w) = app.get_webview_window(crate::print::PRINT_WINDOW) {
        let _ = w.close();
    }
    crate::ways::forget_hours();
}

/// A save, folder or print dialog still open when the vault locks is cancelled,
/// as if the person had pressed Cancel: what it was for is not written or printed
/// (and so needs no line in the log the locked vault could not take). A save whose
/// dialog was answered just before the lock writes and logs while holding the open
/// vault (`print.rs`), so it is whole or not at all.
///
/// Through GLib's main context, not Tauri's main-thread queue: an open dialog runs
/// a loop of its own on the main thread, which serves the context's sources but not
/// Tauri's queue until the dialog ends.
#[cfg(target_os = "linux")]
fn cancel_dialogs<R: Runtime>(_app: &AppHandle<R>) {
    gtk::glib::MainContext::default().invoke(|| {
        use gtk::prelude::{Cast, DialogExt};
        for w in gtk::Window::list_toplevels() {
            if let Ok(d) = w.downcast::<gtk::Dialog>() {
                d.response(gtk::ResponseType::Cancel);
            }
        }
    });
}

/// Elsewhere the dialogs are the system's own windows; the save still writes and
/// logs only while the vault is open.
#[cfg(not(target_os = "linux"))]
fn cancel_dialogs<R: Runtime>(_app: &AppHandle<R>) {}

/// The system locked: the page is asked to lock as the lock button does (it saves
/// what is half-written first); if the vault is still open after [`PAGE_GRACE`],
/// it is closed here and the page is told to show the lock screen. Only that
/// session: one the person opened again within the grace stays open.
pub fn lock_from_system<R: Runtime>(app: &AppHandle<R>) {
    let Some(session) = app.state::<AppState>().session() else {
        return;
    };
    tell_page(app, "naast-lock");
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(PAGE_GRACE);
        if app.state::<AppState>().session() == Some(session) {
            lock_now(&app);
            tell_page(&app, "naast-locked");
        }
    });
}

/// A DOM event on the main window's page (`naast-lock`: lock as the button does;
/// `naast-locked`: the vault is closed, show the lock screen). Sent as a script
/// from the shell, so the page needs no right to listen to Tauri events.
fn tell_page<R: Runtime>(app: &AppHandle<R>, event: &str) {
    if let Some(w) = app.get_webview_window(MAIN_WINDOW) {
        let _ = w.eval(format!("window.dispatchEvent(new Event({event:?}))"));
    }
}

/// Listens, on threads of their own, for the session's screen saver turning on
/// (session bus: freedesktop, GNOME, Cinnamon and MATE screen savers) and for
/// logind's lock and sleep signals (system bus). A bus that is not there (a
/// machine without logind, a test without a system bus) is simply not listened to.
#[cfg(target_os = "linux")]
pub fn watch<R: Runtime>(app: &AppHandle<R>) {
    use dbus::blocking::Connection;
    use dbus::channel::MatchingReceiver;
    use dbus::message::MatchRule;

    fn listen<R: Runtime>(
        app: AppHandle<R>,
        connect: fn() -> Result<Connection, dbus::Error>,
        rules: &'static [(&'static str, &'static str)],
    ) {
        std::thread::spawn(move || {
            let Ok(conn) = connect() else { return };
            for (interface, member) in rules {
                let app = app.clone();
                let rule = MatchRule::new_signal(*interface, *member);
                // ActiveChanged and PrepareForSleep carry a bool (true: locking,
                // going to sleep; false: back); logind's Lock carries nothing.
                let added = conn.add_match_no_cb(&rule.match_str()).map(|_| {
                    conn.start_receive(
                        rule,
                        Box::new(move |msg, _| {
                            if msg.read1::<bool>().unwrap_or(true) {
                                lock_from_system(&app);
                            }
                            true
                        }),
                    );
                });
                if added.is_err() {
                    return;
                }
            }
            while conn.process(Duration::from_secs(3600)).is_ok() {}
        });
    }

    listen(
        app.clone(),
        Connection::new_session,
        &[
            ("org.freedesktop.ScreenSaver", "ActiveChanged"),
            ("org.gnome.ScreenSaver", "ActiveChanged"),
            ("org.cinnamon.ScreenSaver", "ActiveChanged"),
            ("org.mate.ScreenSaver", "ActiveChanged"),
        ],
    );
    listen(
        app.clone(),
        Connection::new_system,
        &[
            ("org.freedesktop.login1.Session", "Lock"),
            ("org.freedesktop.login1.Manager", "PrepareForSleep"),
        ],
    );
}

/// On Windows a hidden window of Naast's own hears them (see `session_windows`).
#[cfg(windows)]
pub fn watch<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    crate::session_windows::watch(move || lock_from_system(&app));
}

/// Elsewhere (macOS, on paper) only the app's own idle timer and the lock button lock.
#[cfg(not(any(target_os = "linux", windows)))]
pub fn watch<R: Runtime>(_app: &AppHandle<R>) {}

/// Where closing the main window is.
static CLOSING: AtomicU8 = AtomicU8::new(OPEN);
/// Nobody asked yet.
const OPEN: u8 = 0;
/// The page was asked to write what is half-written; other close requests wait.
const PAGE_ASKED: u8 = 1;
/// The page is done (or its grace is over): the next close request closes.
const PAGE_DONE: u8 = 2;
/// Closing: the vault is closed, a backup may still run; requests wait for it.
const CLOSED: u8 = 3;

/// How long the page gets to write before the window closes without it.
const CLOSE_GRACE: Duration = Duration::from_secs(5);

/// The main window's close button (Alt+F4, the taskbar). With the vault open the
/// page is asked first to write its half-written forms, as for a lock: what was
/// typed in the last moment before the autosave (400 ms) would be lost otherwise.
/// The page then closes the window itself ([`close_main`]); after [`CLOSE_GRACE`]
/// the shell closes it anyway, and a second click meanwhile does not cut the page
/// short. Then the vault closes like a lock, with the print window and the rest of
/// [`close_views`]; a backup still running (this close's, or a lock's just before)
/// is waited for with the window hidden, and the process ends after it.
pub fn on_close<R: Runtime>(window: &Window<R>, api: &CloseRequestApi) {
    let app = window.app_handle();
    let state = app.state::<AppState>();
    match CLOSING.load(Ordering::SeqCst) {
        PAGE_ASKED | CLOSED => {
            api.prevent_close();
            return;
        }
        OPEN if state.session().is_some() => {
            CLOSING.store(PAGE_ASKED, Ordering::SeqCst);
            api.prevent_close();
            tell_page(app, "naast-quit");
            let app = app.clone();
            std::thread::spawn(move || {
                std::thread::sleep(CLOSE_GRACE);
                close_main(&app);
            });
            return;
        }
        _ => {}
    }
    CLOSING.store(CLOSED, Ordering::SeqCst);
    crate::clipboard::clear_soon(app);
    close_views(app);
    state.close_with_backup();
    if let Some(backup) = state.running_backup() {
        api.prevent_close();
        let _ = window.hide();
        let app = app.clone();
        std::thread::spawn(move || {
            let _ = backup.join();
            app.exit(0);
        });
    }
}

/// The page has written what was half-written after the window was asked to
/// close (or its grace is over): it closes now (see [`on_close`]).
pub fn close_main<R: Runtime>(app: &AppHandle<R>) {
    let _ = CLOSING.compare_exchange(PAGE_ASKED, PAGE_DONE, Ordering::SeqCst, Ordering::SeqCst);
    if let Some(w) = app.get_webview_window(MAIN_WINDOW) {
        let _ = w.close();
    }
}
