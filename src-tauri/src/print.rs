//! Printing and saving the team-consult summary; saving the person's dossier and
//! their own plan ("Mijn plan").
//!
//! The summary is served from memory by the `summary:` protocol with a CSP that
//! allows no script at all; printing opens it in its own window (which has no
//! capabilities) and asks the webview for the system print dialog, which also saves
//! as PDF. Saving writes only to the file the person picks in the save dialog.
//!
//! Both log exactly the summary that was rendered (its options and people, kept with
//! the page in [`AppState`]), and only once it really left: after the print dialog
//! was confirmed, after the file was written.

use std::borrow::Cow;

use tauri::http::{Request, Response};
use tauri::{Manager, UriSchemeContext, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};
use crate::state::{AppState, Rendered};
use naast::ways::summary;

/// The label of the print window; closed when the vault locks.
pub const PRINT_WINDOW: &str = "print";

/// The hours overview on screen, as its page: what `…/hours` serves for printing.
static HOURS_PAGE: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// Forgets the hours overview's page (the vault locked).
pub fn forget_hours_page() {
    HOURS_PAGE.lock().unwrap_or_else(|p| p.into_inner()).clear();
}

/// Keeps the page of the hours overview on screen for the print window.
pub fn keep_hours_page(html: String) {
    *HOURS_PAGE.lock().unwrap_or_else(|p| p.into_inner()) = html;
}

/// Answers `summary://localhost/…` with the last rendered summary, `…/specimen`
/// with the made-up one the Consult screen warms the webview with, and `…/hours`
/// with the hours overview on screen.
pub fn protocol<R: tauri::Runtime>(
    ctx: UriSchemeContext<'_, R>,
    req: Request<Vec<u8>>,
) -> Response<Cow<'static, [u8]>> {
    let state = ctx.app_handle().state::<AppState>();
    let body = if req.uri().path() == "/specimen" {
        summary::specimen::html(state.lang(), naast::ground::calendar::today())
    } else if req.uri().path() == "/hours" {
        HOURS_PAGE.lock().unwrap_or_else(|p| p.into_inner()).clone()
    } else {
        state.rendered().map(|r| r.html).unwrap_or_default()
    };
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

fn summary_url(page: &str) -> AppResult<tauri::Url> {
    #[cfg(any(windows, target_os = "android"))]
    let u = format!("http://summary.localhost/{page}");
    #[cfg(not(any(windows, target_os = "android")))]
    let u = format!("summary://localhost/{page}");
    u.parse().map_err(|_| AppError {
        kind: "io".into(),
        message: "summary url".into(),
        field: None,
    })
}

fn nothing_rendered(state: &AppState) -> AppError {
    let message = match state.lang() {
        naast::ground::lang::Lang::Nl => "Maak eerst een voorbeeld.",
        naast::ground::lang::Lang::En => "Make a preview first.",
    };
    AppError {
        kind: "no_preview".into(),
        message: message.into(),
        field: None,
    }
}

fn record(state: &AppState, r: &Rendered, action: summary::Action) -> AppResult<()> {
    state.with(|c| summary::record(c, &r.options, &r.person_ids, action, summary::Format::Html))
}

/// Opens the summary in its own window with the system print dialog. Returns whether
/// the person chose Print (true) or cancelled (false).
pub async fn print_summary(app: tauri::AppHandle, state: &AppState) -> AppResult<bool> {
    let rendered = state.rendered().ok_or_else(|| nothing_rendered(state))?;
    state.map(naast::ways::summary::check_suspects(&rendered.suspects))?;
    let confirmed = print_page(app, "print").await?;
    if confirmed {
        record(state, &rendered, summary::Action::Print)?;
    }
    Ok(confirmed)
}

/// Opens `summary://localhost/{page}` in the print window with the system print
/// dialog: whether the person chose Print (true) or cancelled (false).
pub async fn print_page(app: tauri::AppHandle, page: &str) -> AppResult<bool> {
    if let Some(w) = app.get_webview_window(PRINT_WINDOW) {
        let _ = w.close();
    }
    let (tx, rx) = std::sync::mpsc::channel::<bool>();
    let tx = std::sync::Mutex::new(Some(tx));
    let win = WebviewWindowBuilder::new(
        &app,
        PRINT_WINDOW,
        WebviewUrl::CustomProtocol(summary_url(page)?),
    )
    .title("Naast · teamoverleg")
    .inner_size(900.0, 1000.0)
    // The main window's webview data folder, which goes when the app ends.
    .data_directory(crate::webdata::dir())
    .on_page_load(move |w, payload| {
        if matches!(payload.event(), tauri::webview::PageLoadEvent::Finished) {
            if let Some(tx) = tx.lock().unwrap_or_else(|p| p.into_inner()).take() {
                run_dialog(&w, tx);
            }
        }
    })
    .build()
    .map_err(|e| AppError {
        kind: "io".into(),
        message: e.to_string(),
        field: None,
    })?;
    drop(win);
    let confirmed = tauri::async_runtime::spawn_blocking(move || rx.recv().unwrap_or(false))
        .await
        .unwrap_or(false);
    Ok(confirmed)
}

/// WebKitGTK's print operation tells print from cancel; Tauri's `print()` does not.
#[cfg(target_os = "linux")]
fn run_dialog<R: tauri::Runtime>(w: &tauri::WebviewWindow<R>, tx: std::sync::mpsc::Sender<bool>) {
    use gtk::prelude::{Cast, WidgetExt};
    use webkit2gtk::PrintOperationExt;
    // If the window is gone before the dialog opens, `tx` is dropped: not printed.
    let _ = w.with_webview(move |pw| {
        let view: webkit2gtk::WebView = pw.inner();
        let op = webkit2gtk::PrintOperation::new(&view);
        let parent = view
            .toplevel()
            .and_then(|t| t.dynamic_cast::<gtk::Window>().ok());
        let answer = op.run_dialog(parent.as_ref());
        let _ = tx.send(answer == webkit2gtk::PrintOperationResponse::Print);
    });
}

/// Elsewhere the dialog's answer is not available; opening it counts as printing.
#[cfg(not(target_os = "linux"))]
fn run_dialog<R: tauri::Runtime>(w: &tauri::WebviewWindow<R>, tx: std::sync::mpsc::Sender<bool>) {
    let opened = w.print().is_ok();
    let _ = tx.send(opened);
}

/// Saves the log lines as CSV where the person picks.
pub fn save_log_csv(
    app: &tauri::AppHandle,
    state: &AppState,
    query: &naast::audit::Query,
) -> AppResult<bool> {
    let lang = state.lang();
    let picked = app
        .dialog()
        .file()
        .add_filter("CSV", &["csv"])
        .set_file_name("logboek.csv")
        .blocking_save_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(false);
    };
    // Read, written and logged while the vault stays open: a lock that came while
    // the dialog was open (and did not cancel it) means nothing is written.
    state.with(|c| {
        let entries = naast::audit::list(c, query, None)?;
        naast::store::files::write_output(
            &path,
            naast::audit::csv(&entries, lang).as_bytes(),
            &state.path,
        )?;
        naast::audit::log(
            c,
            &naast::audit::Event::new(naast::ground::vocab::Action::Export, "audit_log")
                .detail(serde_json::json!({ "lines": entries.len(), "format": "csv" })),
        )
    })?;
    Ok(true)
}

/// Writes everything about one person, as a document and as JSON, into a folder the
/// person picks (`Naam-naast-2026-11-24.html` and `.json`).
pub fn export_dossier(
    app: &tauri::AppHandle,
    state: &AppState,
    id: i64,
) -> AppResult<Option<String>> {
    let lang = state.lang();
    let alias = state.with(|c| naast::records::person::get(c, id))?.alias;
    let Some(dir) = app
        .dialog()
        .file()
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    let stem = format!(
        "{}-naast-{}",
        file_safe(&alias),
        naast::ground::calendar::today()
    );
    // Both files while the vault stays open: never one of the two.
    state.with(|c| {
        for format in [
            naast::ways::dossier::Format::Html,
            naast::ways::dossier::Format::Json,
        ] {
            let ext = match format {
                naast::ways::dossier::Format::Html => "html",
                naast::ways::dossier::Format::Json => "json",
            };
            let out = dir.join(format!("{stem}.{ext}"));
            naast::ways::dossier::export(c, &state.path, id, format, lang, &out)?;
        }
        Ok(())
    })?;
    Ok(Some(dir.to_string_lossy().into_owned()))
}

/// Asks where to save, then writes there (owner-only, atomic, never over the vault).
/// Returns false when the person cancelled.
pub fn save_summary(app: &tauri::AppHandle, state: &AppState) -> AppResult<bool> {
    let rendered = state.rendered().ok_or_else(|| nothing_rendered(state))?;
    state.map(naast::ways::summary::check_suspects(&rendered.suspects))?;
    let picked = app
        .dialog()
        .file()
        .add_filter("HTML", &["html"])
        .set_file_name("teamoverleg.html")
        .blocking_save_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(false);
    };
    // Written and logged while the vault stays open: a lock that came while the
    // dialog was open (and did not cancel it) means nothing is written.
    state.with(|c| {
        naast::store::files::write_output(&path, rendered.html.as_bytes(), &state.path)?;
        summary::record(
            c,
            &rendered.options,
            &rendered.person_ids,
            summary::Action::Save,
            summary::Format::Html,
        )
    })?;
    Ok(true)
}

/// Asks where to save, then writes Naast's own PDF of the summary there (owner-only,
/// atomic, never over the vault) and logs it, both under the vault's lock: a vault
/// that locked while the dialog was open writes nothing. Not the webview's "Print to
/// file", which writes with the user's umask, not atomically, and anywhere.
/// Returns false when the person cancelled.
pub fn save_summary_pdf(app: &tauri::AppHandle, state: &AppState) -> AppResult<bool> {
    let rendered = state.rendered().ok_or_else(|| nothing_rendered(state))?;
    state.map(naast::ways::summary::check_suspects(&rendered.suspects))?;
    let picked = app
        .dialog()
        .file()
        .add_filter("PDF", &["pdf"])
        .set_file_name("teamoverleg.pdf")
        .blocking_save_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(false);
    };
    let bytes = state.map(summary::pdf::render(&rendered.summary))?;
    state.with(|c| {
        naast::store::files::write_output(&path, &bytes, &state.path)?;
        summary::record(
            c,
            &rendered.options,
            &rendered.person_ids,
            summary::Action::Save,
            summary::Format::Pdf,
        )
    })?;
    Ok(true)
}

/// Asks where to save the person's own plan, "Mijn plan" (`mijn-plan-<alias>-<date>.pdf`),
/// then writes it there with its audit line, under the vault's lock: a vault that
/// locked while the dialog was open writes nothing. A person without goals or a
/// colleague whose plan is off is refused before the dialog opens. Returns the file's
/// name, or `None` when the person cancelled.
pub fn save_plan_pdf(
    app: &tauri::AppHandle,
    state: &AppState,
    id: i64,
) -> AppResult<Option<String>> {
    use naast::ways::my_plan;
    let lang = state.lang();
    let today = naast::ground::calendar::today();
    let name = state.with(|c| {
        my_plan::load(c, id, lang, today)?;
        naast::records::person::get(c, id).map(|p| p.alias)
    })?;
    let stem = match lang {
        naast::ground::lang::Lang::Nl => "mijn-plan",
        naast::ground::lang::Lang::En => "my-plan",
    };
    let picked = app
        .dialog()
        .file()
        .add_filter("PDF", &["pdf"])
        .set_file_name(format!("{stem}-{}-{today}.pdf", file_safe(&name)))
        .blocking_save_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    state.with(|c| my_plan::print(c, &state.path, id, lang, &path))?;
    Ok(path.file_name().map(|n| n.to_string_lossy().into_owned()))
}

/// A name as a file may carry it: letters, digits and `-`, everything else `-`.
fn file_safe(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}
