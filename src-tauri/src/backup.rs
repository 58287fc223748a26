//! Backups from the app: the core does the work; this moves the long parts off the
//! app's vault lock onto blocking threads, and asks the native dialogs.

use std::path::PathBuf;

use naast::ways::backup::{self, Backup, KeyFrom, Report};
use tauri_plugin_dialog::DialogExt;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// What a restore did.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct Restored {
    /// Where the vault that was there before now lies.
    pub kept: Option<String>,
    pub contacts: i64,
    /// Codes of people erased since the backup was made, erased again.
    pub erased_again: Vec<String>,
}

fn gone(s: &AppState) -> AppError {
    AppError::locked(s.lang())
}

/// Makes one backup into the settings' folder (or `dir`): prepared in a moment under
/// the vault's lock, written and checked on a blocking thread, recorded after.
pub async fn run(s: &AppState, dir: Option<PathBuf>) -> AppResult<Backup> {
    let job = s.with_v(|v| {
        let dir = match &dir {
            Some(d) => d.clone(),
            None => backup::folder(v, &naast::records::settings::load(v.conn())?),
        };
        backup::prepare(v, &dir)
    })?;
    let made = tauri::async_runtime::spawn_blocking(move || job.run_now())
        .await
        .map_err(|_| gone(s))?;
    let made = match made {
        Ok(m) => m,
        Err(e) => {
            let e = AppError::from_core(&e, s.lang());
            s.set_backup_warning(Some(e.message.clone()));
            return Err(e);
        }
    };
    s.with_v(|v| backup::record(v, &made))?;
    s.set_backup_warning(None);
    Ok(made.backup)
}

pub async fn verify(s: &AppState, file: PathBuf) -> AppResult<Report> {
    let job = s.with_v(|v| backup::prepare(v, v.path()))?;
    let lang = s.lang();
    let r = tauri::async_runtime::spawn_blocking(move || job.verify(&file, lang))
        .await
        .map_err(|_| gone(s))?;
    s.map(r)
}

pub async fn pick_folder(app: &tauri::AppHandle) -> Option<String> {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok())
            .map(|p| p.to_string_lossy().into_owned())
    })
    .await
    .ok()
    .flatten()
}

pub async fn pick_file(app: &tauri::AppHandle) -> Option<String> {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .add_filter("Naast", &["naastbackup"])
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
            .map(|p| p.to_string_lossy().into_owned())
    })
    .await
    .ok()
    .flatten()
}

/// With a vault open, it is closed first (its key goes with the job) and kept under
/// a dated name by the core; without one, the recovery code gives the key. Either
/// way the restored vault is opened.
pub async fn restore(
    s: &AppState,
    file: PathBuf,
    code: Option<String>,
    passphrase: Option<String>,
) -> AppResult<Restored> {
    let from = match code.filter(|c| !c.trim().is_empty()) {
        Some(c) => KeyFrom::Code(zeroize::Zeroizing::new(c)),
        None => {
            let job = s.with_v(|v| backup::prepare(v, v.path()))?;
            KeyFrom::Job(Box::new(job))
        }
    };
    // The vault that is open now is closed before anything moves.
    s.close();
    let target = s.path.clone();
    let replace = naast::store::files::vault_files(&target)
        .iter()
        .any(|p| p.exists());
    let store = s.store.clone();
    let done = tauri::async_runtime::spawn_blocking(move || {
        backup::restore(
            &file,
            &target,
            from,
            &store,
            passphrase.as_deref(),
            replace,
            chrono::Utc::now(),
        )
    })
    .await
    .map_err(|_| gone(s))?;
    let done = s.map(done)?;
    let out = Restored {
        kept: done.kept.map(|k| k.to_string_lossy().into_owned()),
        contacts: done.report.counts.contacts,
        erased_again: done.erased_again.clone(),
    };
    s.set_open(Ok(done.vault))?;
    Ok(out)
}
