//! Printing and saving the team-consult summary.
//!
//! The summary is served from memory by the `summary:` protocol with a CSP that
//! allows no script at all; printing opens it in its own window (which has no
//! capabilities) and asks the webview for the system print dialog, which also saves
//! as PDF. Saving writes only to the file the person picks in the save dialog.

use std::borrow::Cow;

use tauri::http::{Request, Response};
use tauri::{Manager, UriSchemeContext, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Answers `summary://localhost/…` with the last rendered summary.
pub fn protocol<R: tauri::Runtime>(
    ctx: UriSchemeContext<'_, R>,
    _req: Request<Vec<u8>>,
) -> Response<Cow<'static, [u8]>> {
    let state = ctx.app_handle().state::<AppState>();
    let body = state
        .summary
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
        .unwrap_or_default();
    Response::builder()
        .header("Content-Type", "text/html; charset=utf-8")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        )
        .header("Cache-Control", "no-store")
        .body(Cow::Owned(body.into_bytes()))
        .unwrap_or_else(|_| Response::new(Cow::Borrowed(&b""[..])))
}

fn summary_url() -> AppResult<tauri::Url> {
    #[cfg(any(windows, target_os = "android"))]
    let u = "http://summary.localhost/print";
    #[cfg(not(any(windows, target_os = "android")))]
    let u = "summary://localhost/print";
    u.parse().map_err(|_| AppError {
        kind: "io".into(),
        message: "summary url".into(),
    })
}

pub fn print_summary(app: &tauri::AppHandle) -> AppResult<()> {
    if let Some(w) = app.get_webview_window("print") {
        let _ = w.close();
    }
    let title = "Naast · teamoverleg";
    let win = WebviewWindowBuilder::new(app, "print", WebviewUrl::CustomProtocol(summary_url()?))
        .title(title)
        .inner_size(900.0, 1000.0)
        .on_page_load(|w, payload| {
            if matches!(payload.event(), tauri::webview::PageLoadEvent::Finished) {
                let _ = w.print();
            }
        })
        .build();
    win.map(|_| ()).map_err(|e| AppError {
        kind: "io".into(),
        message: e.to_string(),
    })
}

/// Asks where to save, then writes there through a temporary file and a rename.
/// Returns false when the person cancelled.
pub fn save_summary(app: &tauri::AppHandle, state: &AppState) -> AppResult<bool> {
    let html = state
        .summary
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
        .unwrap_or_default();
    let picked = app
        .dialog()
        .file()
        .add_filter("HTML", &["html"])
        .set_file_name("teamoverleg.html")
        .blocking_save_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(false);
    };
    naast::files::write_atomic(&path, html.as_bytes())
        .map_err(|e| AppError::from_core(&e, state.lang()))?;
    Ok(true)
}
