//! The user's settings, kept in the vault's `meta` table: they are about how this
//! person works, and travel with the vault.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::ground::error::Result;
use crate::ground::lang::Lang;
use crate::ground::language;
use crate::store::db::write_tx;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Settings {
    pub lang: Lang,
    /// Minutes without input before the app locks itself; 0 is never.
    pub auto_lock_minutes: u32,
    /// Weeks without contact or planned check-in before a person is flagged.
    pub stagnation_weeks: u32,
    /// Words that prompt the gentle peer-language hint, one list per language.
    pub hint_words_nl: Vec<String>,
    pub hint_words_en: Vec<String>,
    /// Years the audit log keeps its lines (NEN 7513: at least five).
    #[serde(default = "default_retention")]
    pub log_retention_years: u32,
    /// Where backups go; `None` is `backups/` beside the vault.
    #[serde(default)]
    pub backup_folder: Option<String>,
    /// How many backups to keep: daily, weekly, monthly.
    #[serde(default = "default_daily")]
    pub backup_keep_daily: u32,
    #[serde(default = "default_weekly")]
    pub backup_keep_weekly: u32,
    #[serde(default = "default_monthly")]
    pub backup_keep_monthly: u32,
    /// Days after which the home screen says the last backup is old.
    #[serde(default = "default_warn_days")]
    pub backup_warn_days: u32,
    /// Months after closing before a person is offered for erasure.
    #[serde(default = "default_erase_months")]
    pub erase_after_months: u32,
    /// Weeks without a look at an open goal before the consult's agenda says so.
    #[serde(default = "default_goal_weeks")]
    pub goal_weeks: u32,
}

fn default_goal_weeks() -> u32 {
    crate::records::goal::QUIET_WEEKS
}

fn default_erase_months() -> u32 {
    12
}

fn default_daily() -> u32 {
    7
}

fn default_weekly() -> u32 {
    4
}

fn default_monthly() -> u32 {
    12
}

fn default_warn_days() -> u32 {
    7
}

fn default_retention() -> u32 {
    crate::audit::MIN_RETENTION_YEARS
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Nl,
            auto_lock_minutes: 10,
            stagnation_weeks: 4,
            hint_words_nl: language::default_words(Lang::Nl),
            hint_words_en: language::default_words(Lang::En),
            log_retention_years: default_retention(),
            backup_folder: None,
            backup_keep_daily: default_daily(),
            backup_keep_weekly: default_weekly(),
            backup_keep_monthly: default_monthly(),
            backup_warn_days: default_warn_days(),
            erase_after_months: default_erase_months(),
            goal_weeks: default_goal_weeks(),
        }
    }
}

const KEY: &str = "settings";

pub fn load(conn: &Connection) -> Result<Settings> {
    let raw: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [KEY], |r| r.get(0))
        .optional()?;
    // Settings written by a newer version may have fields this one does not know:
    // anything unreadable falls back to the defaults rather than locking anyone out.
    Ok(raw
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default())
}

pub fn save(conn: &Connection, s: &Settings) -> Result<()> {
    crate::ground::limits::check_range("auto-lock minutes", s.auto_lock_minutes.into(), 0, 240)?;
    crate::records::followup::check_weeks(s.stagnation_weeks)?;
    crate::records::followup::check_weeks(s.goal_weeks)?;
    crate::ground::limits::check_range(
        "years",
        s.log_retention_years.into(),
        crate::audit::MIN_RETENTION_YEARS.into(),
        100,
    )?;
    crate::ground::limits::check_range("daily backups", s.backup_keep_daily.into(), 1, 366)?;
    crate::ground::limits::check_range("weekly backups", s.backup_keep_weekly.into(), 0, 520)?;
    crate::ground::limits::check_range("monthly backups", s.backup_keep_monthly.into(), 0, 1200)?;
    crate::ground::limits::check_range("days", s.backup_warn_days.into(), 1, 365)?;
    crate::ground::limits::check_range("months", s.erase_after_months.into(), 1, 240)?;
    let json = serde_json::to_string(s)
        .map_err(|e| crate::ground::error::Error::io("settings", e.into()))?;
    write_tx(conn, |c| {
        c.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (KEY, json),
        )?;
        Ok(())
    })
}
