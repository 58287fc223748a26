//! Instellingen → Importeren and Alles exporteren, and the hours overview on the
//! Teamoverleg screen: the core does the work; this moves the import off the app's
//! vault lock onto a blocking thread (its progress readable meanwhile), asks the
//! native dialogs, and keeps the overview on screen for printing.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use naast::ways::export::Format;
use naast::ways::hours::Overview;
use naast::ways::import::{Options, Outcome};
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// How far the running import is: contacts written, and of how many.
static DONE: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);

/// The hours overview on screen: what is saved and logged when it leaves.
static HOURS: Mutex<Option<Overview>> = Mutex::new(None);

pub fn progress() -> (usize, usize) {
    (DONE.load(Ordering::Relaxed), TOTAL.load(Ordering::Relaxed))
}

/// Imports on a blocking thread with the vault taken out of the app's state, as a
/// rekey is: nothing else writes meanwhile. The vault comes back either way.
pub async fn import(s: &AppState, path: String, options: Options) -> AppResult<Outcome> {
    let v = s.take()?;
    let lang = s.lang();
    DONE.store(0, Ordering::Relaxed);
    TOTAL.store(0, Ordering::Relaxed);
    let job = tauri::async_runtime::spawn_blocking(move || {
        let r =
            naast::ways::import::run_file(v.conn(), path.as_ref(), &options, lang, &mut |d, t| {
                DONE.store(d, Ordering::Relaxed);
                TOTAL.store(t, Ordering::Relaxed);
            });
        (r, v)
    })
    .await;
    match job {
        Ok((r, v)) => {
            s.put_back(v);
            s.map(r)
        }
        Err(_) => Err(AppError::locked(lang)),
    }
}

pub async fn pick_sheet(app: &tauri::AppHandle) -> Option<String> {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .add_filter(
                "CSV, Excel, LibreOffice",
                &["csv", "txt", "xlsx", "xlsm", "xls", "ods"],
            )
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
            .map(|p| p.to_string_lossy().into_owned())
    })
    .await
    .ok()
    .flatten()
}

/// Computes the overview and keeps it (and its page, for printing).
pub fn hours(
    s: &AppState,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    by: naast::ways::hours::By,
) -> AppResult<Overview> {
    let o = s.with(|c| naast::ways::hours::compute(c, from, to, by, s.lang()))?;
    crate::print::keep_hours_page(naast::ways::hours::render(&o));
    *HOURS.lock().unwrap_or_else(|p| p.into_inner()) = Some(o.clone());
    Ok(o)
}

/// Forgets the overview on screen and its page (the vault locked).
pub fn forget_hours() {
    *HOURS.lock().unwrap_or_else(|p| p.into_inner()) = None;
    crate::print::forget_hours_page();
}

fn nothing_shown(s: &AppState) -> AppError {
    AppError {
        kind: "no_preview".into(),
        message: match s.lang() {
            naast::ground::lang::Lang::Nl => "Maak eerst het overzicht.".into(),
            naast::ground::lang::Lang::En => "Make the overview first.".into(),
        },
        field: None,
    }
}

fn shown(s: &AppState) -> AppResult<Overview> {
    HOURS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
        .ok_or_else(|| nothing_shown(s))
}

/// Saves the overview on screen as CSV or XLSX where the person picks; false when
/// they cancelled. The screen asked for the confirmation that it is not encrypted.
pub fn save_hours(app: &tauri::AppHandle, s: &AppState, format: Format) -> AppResult<bool> {
    let o = shown(s)?;
    let (name, ext) = match format {
        Format::Xlsx => ("urenoverzicht.xlsx", "xlsx"),
        _ => ("urenoverzicht.csv", "csv"),
    };
    let picked = app
        .dialog()
        .file()
        .add_filter(ext.to_uppercase(), &[ext])
        .set_file_name(name)
        .blocking_save_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(false);
    };
    s.with_v(|v| naast::ways::hours::save(v.conn(), v.path(), &o, &path, format))?;
    Ok(true)
}

/// Prints the overview on screen through the system dialog; logged only when the
/// person chose Print.
pub async fn print_hours(app: tauri::AppHandle, s: &AppState) -> AppResult<bool> {
    let o = shown(s)?;
    let printed = crate::print::print_page(app, "hours").await?;
    if printed {
        s.with(|c| {
            naast::ways::hours::record(c, &o, naast::ground::vocab::Action::Print, "print")
        })?;
    }
    Ok(printed)
}
