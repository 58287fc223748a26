//! What backups are, as data: the policy of which to keep, a backup found in its
//! folder, its manifest, the report of a check, and where things stand.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::records::settings::Settings;

/// The file name ends: a backup, its manifest, a backup being written.
pub(super) const EXT: &str = ".naastbackup";
pub(super) const MANIFEST_EXT: &str = ".json";
pub(super) const PARTIAL_EXT: &str = ".partial";
pub(super) const FORMAT: &str = "naast-backup/1";

/// How many to keep: the newest of each of the last `daily` days that have one, of
/// the last `weekly` ISO weeks and of the last `monthly` months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub daily: u32,
    pub weekly: u32,
    pub monthly: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            daily: 7,
            weekly: 4,
            monthly: 12,
        }
    }
}

impl Policy {
    pub fn from_settings(s: &Settings) -> Policy {
        Policy {
            daily: s.backup_keep_daily,
            weekly: s.backup_keep_weekly,
            monthly: s.backup_keep_monthly,
        }
    }
}

/// What a backup holds, as a person counts it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "BackupCounts"))]
pub struct Counts {
    pub people: i64,
    pub contacts: i64,
    pub bridge_notes: i64,
    pub checkins: i64,
}

impl Counts {
    pub(super) fn from_tables(t: &[(String, i64)]) -> Counts {
        let get = |name: &str| {
            t.iter()
                .find(|(n, _)| n == name)
                .map(|(_, c)| *c)
                .unwrap_or(0)
        };
        Counts {
            people: get("person"),
            contacts: get("contact"),
            bridge_notes: get("bridge_note"),
            checkins: get("followup"),
        }
    }
}

/// One backup file, as found in its folder.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Backup {
    pub path: PathBuf,
    /// When it was made, RFC 3339 in UTC.
    pub made_at: String,
    /// Whether it passed the check when it was made (it has a manifest).
    pub verified: bool,
    /// From inside the backup: `None` when it does not open with this vault's key
    /// (made before a new key), or when listed without a key.
    pub contacts: Option<i64>,
    pub counts: Option<Counts>,
    pub bytes: u64,
    #[serde(skip)]
    pub(super) made: DateTime<Utc>,
}

/// The plaintext manifest beside a backup: no names, no counts, no text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Manifest {
    pub(super) format: String,
    pub(super) vault_id: String,
    pub(super) made_at: String,
    pub(super) schema_version: i64,
    pub(super) bytes: u64,
    pub(super) sha256: String,
    /// The vault's newest log line when the copy was taken (a number and a hash,
    /// nothing of what it says): held against the log by `naast log --verify`, so
    /// that lines cut from the log after this backup are noticed. Absent in
    /// manifests of older versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) log_head: Option<crate::store::keys::LogHead>,
}

/// The result of checking one backup: the restore drill.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "BackupReport"))]
pub struct Report {
    pub path: PathBuf,
    pub sound: bool,
    pub made_at: Option<String>,
    pub schema_version: i64,
    pub counts: Counts,
    /// Whether the file's SHA-256 matches its manifest; `None` without a manifest.
    pub hash_matches: Option<bool>,
    /// What was wrong, in the user's language, when not sound.
    pub problems: Vec<String>,
    #[serde(skip)]
    pub(super) vault_id: Option<String>,
    #[serde(skip)]
    pub(super) sha256: String,
}

/// The last verified backup, recorded in the vault.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct LastBackup {
    pub path: PathBuf,
    pub made_at: String,
    pub counts: Counts,
    /// The vault's change counter the backup was taken at.
    #[serde(default)]
    pub change_count: i64,
}

/// What the app shows on the home screen and in Settings → Back-ups.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "BackupStatus"))]
pub struct Status {
    pub last: Option<LastBackup>,
    pub folder: PathBuf,
    pub folder_present: bool,
    /// The last verified backup is older than the warning age (or there is none
    /// while there is something to back up).
    pub overdue: bool,
    /// Something changed since the last verified backup.
    pub changed: bool,
}

/// Why an automatic backup is considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "BackupTrigger")
)]
pub enum Trigger {
    /// The vault closes (quit, lock): a backup if anything changed.
    Close,
    /// While the app is open: at most one a day, if anything changed.
    Daily,
}

pub(super) const LAST_KEY: &str = "backup_last";

/// Rows per table, by name.
pub(super) type Tables = Vec<(String, i64)>;

/// A backup file found in a folder: where, when, and its manifest if it has one.
pub(super) type Found = (PathBuf, DateTime<Utc>, Option<Manifest>);
