//! Backups from the app: where things stand, the list, a backup now, the check of
//! one, the folder and file dialogs, and a restore.

use naast::records::settings;
use serde::Serialize;
use ts_rs::TS;

use crate::backup::Restored;

/// Settings → Back-ups and the home screen's reminder.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct BackupView {
    pub status: naast::ways::backup::Status,
    /// Why the last automatic backup was not made, if it was not.
    pub warning: Option<String>,
}

crate::ipc::commands! {
fn backup_status(s, app) -> BackupView {
    let status = s.with_v(|v| {
        naast::ways::backup::status(v, &settings::load(v.conn())?, chrono::Utc::now())
    })?;
    Ok(BackupView {
        status,
        warning: s.backup_warning(),
    })
}
fn backup_list(s, app) -> Vec<naast::ways::backup::Backup> {
    s.with_v(|v| {
        let dir = naast::ways::backup::folder(v, &settings::load(v.conn())?);
        match naast::ways::backup::list(v, &dir) {
            Err(naast::ground::error::Error::BackupFolderMissing(_)) => Ok(Vec::new()),
            other => other,
        }
    })
}
/// "Nu maken": the backup is written and checked on a thread of its own, through a
/// connection of its own; the app keeps working meanwhile.
fn backup_now(s, app) -> naast::ways::backup::Backup {
    crate::backup::run(&s, None).await
}
/// Called by the app every few minutes: makes the daily backup when one is due. A
/// failure is kept as a quiet warning for the home screen, never an error dialog.
fn backup_auto(s, app) -> Option<naast::ways::backup::Backup> {
    let due = s.with_v(|v| {
        naast::ways::backup::due(v, naast::ways::backup::Trigger::Daily, chrono::Utc::now())
    })?;
    if !due {
        return Ok(None);
    }
    Ok(crate::backup::run(&s, None).await.ok())
}
/// "Controleren": the restore drill, read-only, on a thread of its own.
fn backup_verify(s, app; path: String) -> naast::ways::backup::Report {
    crate::backup::verify(&s, path.into()).await
}
fn backup_pick_folder(s, app) -> Option<String> {
    Ok(crate::backup::pick_folder(&app).await)
}
fn backup_pick_file(s, app) -> Option<String> {
    Ok(crate::backup::pick_file(&app).await)
}
/// Puts a backup back. With a vault open (Settings), that vault is closed and kept
/// under a dated name first; on the first screen, the recovery code gives the key.
fn backup_restore(s, app; path: String, code: Option<String>, passphrase: Option<String>) -> Restored {
    crate::backup::restore(&s, path.into(), code, passphrase).await
}
}
