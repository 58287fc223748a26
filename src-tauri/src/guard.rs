//! What the webviews may do: stay on the app's own pages, and (for the main window
//! only) call Naast's commands.
//!
//! The content security policy already keeps scripts and frames to the app's own
//! origin; these two hold even if a page were ever tricked into running something.
//! A top-level navigation away from the app (a link in pasted text, a script setting
//! `location`) is refused, so no page from elsewhere ever gets the app's window, and
//! the print window, which shows a finished summary and has no script of its own,
//! cannot call any command at all: the capabilities (capabilities/default.json) give
//! plugin and core rights to the main window only, and the app's own commands are
//! checked here, because Tauri lets every window call those.

use tauri::ipc::Invoke;
use tauri::{Runtime, Url};

/// The one window whose page may call Naast's commands.
pub const MAIN_WINDOW: &str = "main";

/// Whether a webview may go to `url`: the app's own pages (`tauri:`, or
/// `http://tauri.localhost` where custom schemes are served over http), the
/// summary's own pages (`summary:`), and an empty page. Nothing else.
pub fn own_page(url: &Url) -> bool {
    match url.scheme() {
        "tauri" | "summary" => true,
        "http" | "https" => matches!(
            url.host_str(),
            Some("tauri.localhost") | Some("summary.localhost")
        ),
        "about" => url.as_str() == "about:blank",
        _ => false,
    }
}

/// Wraps the command handler: a call from any window but the main one is refused
/// before it reaches a command.
pub fn main_window_only<R: Runtime>(
    inner: impl Fn(Invoke<R>) -> bool + Send + Sync + 'static,
) -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    move |invoke| {
        if invoke.message.webview_ref().label() != MAIN_WINDOW {
            invoke
                .resolver
                .reject("Naast's commands answer the main window only.");
            return true;
        }
        inner(invoke)
    }
}

#[cfg(test)]
mod tests {
    use super::own_page;

    fn ok(u: &str) -> bool {
        own_page(&u.parse().unwrap())
    }

    #[test]
    fn the_app_and_its_summary_pages_only() {
        assert!(ok("tauri://localhost/index.html"));
        assert!(ok("http://tauri.localhost/"));
        assert!(ok("summary://localhost/print"));
        assert!(ok("http://summary.localhost/hours"));
        assert!(ok("about:blank"));
        assert!(!ok("https://example.org/"));
        assert!(!ok("http://localhost:8080/"));
        assert!(!ok("http://tauri.localhost.example.org/"));
        assert!(!ok("file:///home/me/kluis.naast"));
        assert!(!ok("about:srcdoc"));
        assert!(!ok("data:text/html,<p>hoi</p>"));
        assert!(!ok("javascript:alert(1)"));
    }
}
