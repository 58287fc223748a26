//! Making a backup: `sqlcipher_export` into a `.partial` file keyed with the vault
//! key, checked, renamed to its final name, recorded in the vault; and when one is due.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::keeping::rotate;
use super::model::{
    Backup, Counts, LastBackup, Manifest, Policy, Report, Status, Tables, Trigger, FORMAT,
    LAST_KEY, MANIFEST_EXT, PARTIAL_EXT,
};
use super::names::clean_partials;
use super::names::default_folder;
use super::names::free_name;
use super::names::parse_time;
use super::names::remove_all;
use super::names::with_suffix;
use super::verifying::check_file;
use crate::ground::error::{Error, Result};
use crate::records::settings::Settings;
use crate::store::db;
use crate::store::db::write_tx;
use crate::store::keys::{LogHead, VaultKey};
use crate::vault::Vault;

/// The folder from the settings, or the default.
pub fn folder(v: &Vault, s: &Settings) -> PathBuf {
    match s.backup_folder.as_deref().filter(|f| !f.trim().is_empty()) {
        Some(f) => PathBuf::from(f),
        None => default_folder(v.path()),
    }
}

pub(super) fn change_count(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT n FROM change_counter WHERE id = 1", [], |r| {
            r.get(0)
        })?,
    )
}

/// The last verified backup, as recorded in the vault.
pub fn last(conn: &Connection) -> Result<Option<LastBackup>> {
    let raw: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [LAST_KEY], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(raw.and_then(|r| serde_json::from_str(&r).ok()))
}

pub(super) fn has_records(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM contact)",
        [],
        |r| r.get(0),
    )?)
}

/// Whether anything changed since the last verified backup.
pub fn changed(conn: &Connection) -> Result<bool> {
    match last(conn)? {
        Some(l) => Ok(change_count(conn)? != l.change_count),
        None => has_records(conn),
    }
}

/// Whether an automatic backup is due now.
pub fn due(v: &Vault, trigger: Trigger, now: DateTime<Utc>) -> Result<bool> {
    if !changed(v.conn())? {
        return Ok(false);
    }
    Ok(match trigger {
        Trigger::Close => true,
        Trigger::Daily => match last(v.conn())? {
            Some(l) => {
                parse_time(&l.made_at).is_none_or(|t| now - t >= chrono::Duration::hours(24))
            }
            None => true,
        },
    })
}

/// For the home screen and Settings → Back-ups.
pub fn status(v: &Vault, s: &Settings, now: DateTime<Utc>) -> Result<Status> {
    let last = last(v.conn())?;
    let folder = folder(v, s);
    let changed = changed(v.conn())?;
    let overdue = match &last {
        Some(l) => parse_time(&l.made_at)
            .is_none_or(|t| now - t > chrono::Duration::days(s.backup_warn_days.into())),
        None => has_records(v.conn())?,
    };
    Ok(Status {
        folder_present: folder.is_dir(),
        folder,
        last,
        overdue,
        changed,
    })
}

/// An automatic backup, if one is due: into the folder from the settings, then
/// rotated. `Ok(None)` when none was due. A missing folder is an error the app shows
/// as a quiet warning; it never stands in the way of saving.
pub fn auto(v: &Vault, trigger: Trigger, now: DateTime<Utc>) -> Result<Option<Backup>> {
    if !due(v, trigger, now)? {
        return Ok(None);
    }
    let s = crate::records::settings::load(v.conn())?;
    make(v, &folder(v, &s), now).map(Some)
}

/// Makes one backup now into `dir`, verifies it, records it, and rotates older ones
/// by the settings' policy. The default folder is created when missing; any other
/// folder must be there (a USB disk that is not plugged in is not silently replaced
/// by a new empty folder on the laptop).
pub fn make(v: &Vault, dir: &Path, now: DateTime<Utc>) -> Result<Backup> {
    let job = prepare(v, dir)?;
    let made = job.run(now)?;
    record(v, &made)?;
    Ok(made.backup)
}

/// Everything a backup needs, taken from the open vault in a moment, so that the
/// long part ([`Job::run`]) holds nothing of the app's: it reads the vault through
/// a connection of its own, and saving goes on meanwhile.
pub struct Job {
    pub(super) vault_path: PathBuf,
    pub(super) vault_id: String,
    pub(super) key: VaultKey,
    pub(super) dir: PathBuf,
    pub(super) policy: Policy,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// A backup made and verified, to be recorded in the vault.
#[derive(Debug, Clone)]
pub struct Made {
    pub backup: Backup,
    record: LastBackup,
}

/// See [`Job`].
pub fn prepare(v: &Vault, dir: &Path) -> Result<Job> {
    let s = crate::records::settings::load(v.conn())?;
    Ok(Job {
        vault_path: v.path().into(),
        vault_id: v.id().into(),
        key: v.key().clone(),
        dir: dir.into(),
        policy: Policy::from_settings(&s),
    })
}

/// Writes down in the vault that a verified backup exists, and logs it.
pub fn record(v: &Vault, made: &Made) -> Result<()> {
    let raw =
        serde_json::to_string(&made.record).map_err(|e| Error::io(&made.backup.path, e.into()))?;
    write_tx(v.conn(), |c| {
        c.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (LAST_KEY, raw),
        )?;
        Ok(())
    })?;
    crate::audit::log(
        v.conn(),
        &crate::audit::Event::new(crate::ground::vocab::Action::Backup, "vault").detail(
            serde_json::json!({ "file": made.backup.path.file_name().map(|n| n.to_string_lossy()) }),
        ),
    )?;
    Ok(())
}

/// One backup at a time in this process. The app starts them three ways (the daily
/// one, "Nu maken", on lock) and none waits for the others by itself: two at once
/// would each clear the other's half-written file as left over from a crash, and
/// could be given the same name.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Job {
    /// Makes the backup, verifies it, and rotates older ones; waits for a backup
    /// this process is making already. Named and dated `now` (tests give a clock).
    pub fn run(&self, now: DateTime<Utc>) -> Result<Made> {
        let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
        self.run_alone(now)
    }

    /// As [`Job::run`], dated when its turn comes: a backup that waited for another
    /// holds what the vault had after it, and so must not be dated before it.
    pub fn run_now(&self) -> Result<Made> {
        let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
        self.run_alone(Utc::now())
    }

    fn run_alone(&self, now: DateTime<Utc>) -> Result<Made> {
        let dir = &self.dir;
        if !dir.is_dir() {
            if *dir == default_folder(&self.vault_path) {
                crate::store::files::private_dir(dir).map_err(|e| Error::io(dir, e))?;
            } else {
                return Err(Error::BackupFolderMissing(dir.clone()));
            }
        }
        clean_partials(dir, &self.vault_id);
        let name = free_name(dir, &self.vault_id, now);
        let partial = with_suffix(&name, PARTIAL_EXT);
        crate::store::files::check_output(&name, &self.vault_path)?;
        crate::store::files::check_output(&partial, &self.vault_path)?;
        let (tables, change, manifest) = match self.write_verified(&partial, now) {
            Ok(r) => r,
            Err(e) => {
                remove_all(&partial);
                return Err(e);
            }
        };
        if let Err(e) = crate::store::files::replace(&partial, &name)
            .and_then(|_| crate::store::files::sync_dir(&name))
            .map_err(|e| Error::io(&name, e))
        {
            remove_all(&partial);
            return Err(e);
        }
        let json = serde_json::to_vec_pretty(&manifest).map_err(|e| Error::io(&name, e.into()))?;
        crate::store::files::write_output(
            &with_suffix(&name, MANIFEST_EXT),
            &json,
            &self.vault_path,
        )?;
        let counts = Counts::from_tables(&tables);
        rotate(dir, &self.vault_id, self.policy, &name, now)?;
        Ok(Made {
            record: LastBackup {
                path: name.clone(),
                made_at: manifest.made_at.clone(),
                counts: counts.clone(),
                change_count: change,
            },
            backup: Backup {
                path: name,
                made_at: manifest.made_at,
                verified: true,
                contacts: Some(counts.contacts),
                counts: Some(counts),
                bytes: manifest.bytes,
                made: now,
            },
        })
    }

    /// The restore drill with this vault's key, without the vault.
    pub fn verify(&self, file: &Path, lang: crate::ground::lang::Lang) -> Result<Report> {
        if crate::store::files::check_output(file, &self.vault_path).is_err() {
            return Err(Error::NotABackup(file.into()));
        }
        check_file(file, &self.key, lang)
    }

    /// A connection of the backup's own on the vault: read-write (an attached file is
    /// opened with the main one's flags), never creating anything.
    fn connection(&self) -> Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.vault_path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.execute_batch(&self.key.pragma())?;
        db::silence_sqlcipher_log(&conn)?;
        // The export builds indexes: their sort runs must not go to a temp file.
        conn.execute_batch("PRAGMA temp_store = MEMORY;")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(conn)
    }

    /// Writes the export into `partial`, syncs and checks it. Returns the source's
    /// table counts, the change counter they were read at, and the manifest.
    fn write_verified(
        &self,
        partial: &Path,
        now: DateTime<Utc>,
    ) -> Result<(Tables, i64, Manifest)> {
        // Made here, owner-only: an attached database is opened with the main one's
        // flags, which do not create files.
        crate::store::files::private_file(partial, true).map_err(|e| Error::io(partial, e))?;
        let conn = self.connection()?;
        let key_sql = self.key.sql_literal();
        conn.execute(
            "ATTACH DATABASE ?1 AS kopie KEY ?2",
            rusqlite::params![partial.to_string_lossy(), key_sql.as_str()],
        )?;
        drop(key_sql);
        // The copy builds its indexes in memory before they reach the file.
        conn.execute_batch("PRAGMA main.cache_size = -65536; PRAGMA kopie.cache_size = -131072;")?;
        let made_at = now.to_rfc3339_opts(SecondsFormat::Secs, true);
        let copied = (|| -> Result<(Tables, i64, i64, Option<LogHead>)> {
            // One read transaction: the copy is one moment of the vault, even while
            // the app or a script keeps writing to it.
            conn.execute_batch("BEGIN")?;
            let inner = (|| -> Result<(Tables, i64, i64, Option<LogHead>)> {
                let tables = crate::vault::table_counts(&conn, "main")?;
                // The vault's newest log line, in the same moment as the copy
                // (unqualified, `audit_log` is main's: SQLite looks there first).
                let head = crate::audit::head(&conn)?;
                let change = change_count(&conn)?;
                let version = db::schema_version(&conn)?;
                conn.query_row("SELECT sqlcipher_export('kopie')", [], |_| Ok(()))?;
                conn.pragma_update(Some("kopie"), "user_version", version)?;
                let header =
                    serde_json::to_string(&tables).map_err(|e| Error::io(partial, e.into()))?;
                conn.execute(
                    "INSERT INTO kopie.meta (key, value) VALUES
                     ('backup_made_at', ?1), ('backup_tables', ?2)",
                    (&made_at, header),
                )?;
                conn.execute("DELETE FROM kopie.meta WHERE key = ?1", [LAST_KEY])?;
                Ok((tables, change, version, head))
            })();
            match inner {
                Ok(r) => {
                    conn.execute_batch("COMMIT")?;
                    Ok(r)
                }
                Err(e) => {
                    let _ = conn.execute_batch("ROLLBACK");
                    Err(e)
                }
            }
        })();
        let detached = conn.execute_batch("DETACH DATABASE kopie");
        drop(conn);
        let (tables, change, version, log_head) = copied?;
        detached?;
        crate::store::files::sync_file(partial).map_err(|e| Error::io(partial, e))?;
        let report = check_file(partial, &self.key, crate::ground::lang::Lang::En)?;
        let inside = report.vault_id.as_deref() == Some(self.vault_id.as_str());
        let source = Counts::from_tables(&tables);
        if !report.sound || !inside || report.counts != source {
            return Err(Error::BackupDamaged(partial.into()));
        }
        let bytes = fs::metadata(partial)
            .map_err(|e| Error::io(partial, e))?
            .len();
        let sha256 = report.sha256.clone();
        let manifest = Manifest {
            format: FORMAT.into(),
            vault_id: self.vault_id.clone(),
            made_at,
            schema_version: version,
            bytes,
            sha256,
            log_head,
        };
        Ok((tables, change, manifest))
    }
}
