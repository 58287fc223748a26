//! Backups: complete, encrypted, verified copies of the vault, kept in a folder the
//! user chooses, and the way back from one.
//!
//! A backup is written by SQLCipher itself (`sqlcipher_export` into an attached file
//! keyed with the vault key), never by copying the live WAL database and never through
//! SQLite's backup API into an unkeyed file. It is keyed with the vault key, so the
//! recovery code alone opens it on a new laptop.
//!
//! A backup only counts once it is verified: written as `….partial`, synced, reopened
//! read-only with the key, every page's HMAC and SQLite's structure checked, every
//! table's rows counted against the source, and only then renamed to its final name.
//! A crash or a full disk at any point leaves no file under a backup's name.
//!
//! What lies beside a backup in plaintext (the `.json` manifest) is only what is
//! needed to find and check it without the key: when, which vault, which schema, its
//! size and SHA-256. The counts live inside, in the encrypted `meta` table.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::db::{self, write_tx};
use crate::error::{Error, Result};
use crate::settings::Settings;
use crate::vault::{recovery, KeyStore, Problem, Vault, VaultKey};

/// The file name ends: a backup, its manifest, a backup being written.
const EXT: &str = ".naastbackup";
const MANIFEST_EXT: &str = ".json";
const PARTIAL_EXT: &str = ".partial";
const FORMAT: &str = "naast-backup/1";

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
    fn from_tables(t: &[(String, i64)]) -> Counts {
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
    made: DateTime<Utc>,
}

/// The plaintext manifest beside a backup: no names, no counts, no text.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Manifest {
    format: String,
    vault_id: String,
    made_at: String,
    schema_version: i64,
    bytes: u64,
    sha256: String,
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
    vault_id: Option<String>,
    #[serde(skip)]
    sha256: String,
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

const LAST_KEY: &str = "backup_last";

/// Rows per table, by name.
type Tables = Vec<(String, i64)>;

/// A backup file found in a folder: where, when, and its manifest if it has one.
type Found = (PathBuf, DateTime<Utc>, Option<Manifest>);

/// The default folder: `backups/` beside the vault.
pub fn default_folder(vault: &Path) -> PathBuf {
    vault
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// The folder from the settings, or the default.
pub fn folder(v: &Vault, s: &Settings) -> PathBuf {
    match s.backup_folder.as_deref().filter(|f| !f.trim().is_empty()) {
        Some(f) => PathBuf::from(f),
        None => default_folder(v.path()),
    }
}

fn change_count(conn: &Connection) -> Result<i64> {
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

fn has_records(conn: &Connection) -> Result<bool> {
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
    let s = crate::settings::load(v.conn())?;
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
    vault_path: PathBuf,
    vault_id: String,
    key: VaultKey,
    dir: PathBuf,
    policy: Policy,
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
    let s = crate::settings::load(v.conn())?;
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
        &crate::audit::Event::new(crate::audit::Action::Backup, "vault").detail(
            serde_json::json!({ "file": made.backup.path.file_name().map(|n| n.to_string_lossy()) }),
        ),
    )?;
    Ok(())
}

impl Job {
    /// Makes the backup, verifies it, and rotates older ones.
    pub fn run(&self, now: DateTime<Utc>) -> Result<Made> {
        let dir = &self.dir;
        if !dir.is_dir() {
            if *dir == default_folder(&self.vault_path) {
                crate::files::private_dir(dir).map_err(|e| Error::io(dir, e))?;
            } else {
                return Err(Error::BackupFolderMissing(dir.clone()));
            }
        }
        clean_partials(dir, &self.vault_id);
        let name = free_name(dir, &self.vault_id, now);
        let partial = with_suffix(&name, PARTIAL_EXT);
        crate::files::check_output(&name, &self.vault_path)?;
        crate::files::check_output(&partial, &self.vault_path)?;
        let (tables, change, manifest) = match self.write_verified(&partial, now) {
            Ok(r) => r,
            Err(e) => {
                remove_all(&partial);
                return Err(e);
            }
        };
        if let Err(e) = fs::rename(&partial, &name)
            .and_then(|_| crate::files::sync_dir(&name))
            .map_err(|e| Error::io(&name, e))
        {
            remove_all(&partial);
            return Err(e);
        }
        let json = serde_json::to_vec_pretty(&manifest).map_err(|e| Error::io(&name, e.into()))?;
        crate::files::write_output(&with_suffix(&name, MANIFEST_EXT), &json, &self.vault_path)?;
        let counts = Counts::from_tables(&tables);
        rotate(dir, &self.vault_id, self.policy)?;
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
    pub fn verify(&self, file: &Path, lang: crate::Lang) -> Result<Report> {
        if crate::files::check_output(file, &self.vault_path).is_err() {
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
        crate::files::private_file(partial, true).map_err(|e| Error::io(partial, e))?;
        let conn = self.connection()?;
        let key_sql = Zeroizing::new(format!("x'{}'", hex::encode(self.key.as_bytes())));
        conn.execute(
            "ATTACH DATABASE ?1 AS kopie KEY ?2",
            rusqlite::params![partial.to_string_lossy(), key_sql.as_str()],
        )?;
        drop(key_sql);
        // The copy builds its indexes in memory before they reach the file.
        conn.execute_batch("PRAGMA main.cache_size = -65536; PRAGMA kopie.cache_size = -131072;")?;
        let made_at = now.to_rfc3339_opts(SecondsFormat::Secs, true);
        let copied = (|| -> Result<(Tables, i64, i64)> {
            // One read transaction: the copy is one moment of the vault, even while
            // the app or a script keeps writing to it.
            conn.execute_batch("BEGIN")?;
            let inner = (|| -> Result<(Tables, i64, i64)> {
                let tables = crate::vault::table_counts(&conn, "main")?;
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
                Ok((tables, change, version))
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
        let (tables, change, version) = copied?;
        detached?;
        fs::File::open(partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(partial, e))?;
        let report = check_file(partial, &self.key, crate::Lang::En)?;
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
        };
        Ok((tables, change, manifest))
    }
}

/// Reopens a backup read-only with `key` (no `-wal` or `-shm` appears beside it) and
/// checks it: every page's HMAC, SQLite's structure, references, and every table's
/// rows against the counts recorded inside when it was made.
fn check_file(path: &Path, key: &VaultKey, lang: crate::Lang) -> Result<Report> {
    if !path.is_file() {
        return Err(Error::io(
            path,
            std::io::Error::from(std::io::ErrorKind::NotFound),
        ));
    }
    let conn = match open_read_only(path, key) {
        Ok(c) => c,
        Err(Error::BackupOtherKey(_)) if !foreign(path, key) => {
            return Ok(Report {
                path: path.into(),
                sound: false,
                made_at: None,
                schema_version: 0,
                counts: Counts::default(),
                hash_matches: read_manifest(path).map(|_| false),
                problems: vec![Problem {
                    area: crate::vault::Area::Structure,
                    page: None,
                    detail: None,
                }
                .describe(lang)],
                vault_id: None,
                sha256: String::new(),
            })
        }
        Err(e) => return Err(e),
    };
    // Past page 1 a damaged page may stop any read: then it is simply not there,
    // and the checks below say why.
    let version = db::schema_version(&conn).unwrap_or(0);
    let meta = |k: &str| -> Option<String> {
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [k], |r| r.get(0))
            .optional()
            .ok()
            .flatten()
    };
    let vault_id = meta("vault_id");
    let made_at = meta("backup_made_at");
    let recorded: Option<Vec<(String, i64)>> =
        meta("backup_tables").and_then(|raw| serde_json::from_str(&raw).ok());
    // Two cores, two halves: every page's HMAC and the file's SHA-256 on a thread
    // of their own, SQLite's structure and the row counts here.
    let (encryption, hashed, structure, tables) = std::thread::scope(|sc| {
        let side = sc.spawn(|| {
            let enc = match open_read_only(path, key) {
                Ok(c) => crate::vault::check_encryption(&c),
                Err(_) => vec![Problem {
                    area: crate::vault::Area::Encryption,
                    page: None,
                    detail: None,
                }],
            };
            (enc, hash_file(path))
        });
        let structure = crate::vault::check_structure(&conn);
        let tables = crate::vault::table_counts(&conn, "main").map(|t| {
            t.into_iter()
                .filter(|(n, _)| n != "meta")
                .collect::<Vec<_>>()
        });
        let (enc, hashed) = side.join().unwrap_or_else(|_| {
            (
                Vec::new(),
                Err(Error::io(path, std::io::Error::other("check thread"))),
            )
        });
        (enc, hashed, structure, tables)
    });
    let (sha256, _) = hashed?;
    let mut problems: Vec<String> = encryption
        .iter()
        .chain(&structure)
        .map(|p| p.describe(lang))
        .collect();
    let counts = match (&tables, &recorded) {
        (Ok(t), Some(r)) => {
            let r: Vec<(String, i64)> = r.iter().filter(|(n, _)| n != "meta").cloned().collect();
            if *t != r {
                problems.push(match lang {
                    crate::Lang::Nl => {
                        "het aantal rijen klopt niet met wat er bij het maken in stond".into()
                    }
                    crate::Lang::En => {
                        "the number of rows differs from what it held when it was made".into()
                    }
                });
            }
            Counts::from_tables(t)
        }
        (Ok(t), None) => {
            problems.push(match lang {
                crate::Lang::Nl => {
                    "dit bestand heeft geen back-upkop: het is geen Naast-back-up".into()
                }
                crate::Lang::En => {
                    "this file has no backup header: it is not a Naast backup".into()
                }
            });
            Counts::from_tables(t)
        }
        (Err(_), _) => {
            problems.push(match lang {
                crate::Lang::Nl => "de tabellen konden niet geteld worden".into(),
                crate::Lang::En => "the tables could not be counted".into(),
            });
            Counts::default()
        }
    };
    drop(conn);
    let hash_matches = match read_manifest(path) {
        Some(m) => {
            let ok = sha256 == m.sha256;
            if !ok {
                problems.push(match lang {
                    crate::Lang::Nl => {
                        "de controlesom klopt niet met het bijbehorende .json-bestand".into()
                    }
                    crate::Lang::En => "the checksum does not match its .json file".into(),
                });
            }
            Some(ok)
        }
        None => None,
    };
    Ok(Report {
        path: path.into(),
        sound: problems.is_empty(),
        made_at,
        schema_version: version,
        counts,
        hash_matches,
        problems,
        vault_id,
        sha256,
    })
}

/// A backup opened read-only and immutable: nothing is written beside it, not even
/// a `-shm`, and the key is proven before anything else is read.
fn open_read_only(path: &Path, key: &VaultKey) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.execute_batch(&key.pragma())?;
    db::silence_sqlcipher_log(&conn)?;
    let head = read_head(path)?;
    if head.starts_with(b"SQLite format 3\0") {
        return Err(Error::NotABackup(path.into()));
    }
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|_| Error::BackupOtherKey(path.into()))?;
    // A large page cache (after the key is proven: with a wrong key this pragma
    // fails): integrity_check looks up rows of every index in their tables, and each
    // page read back from the OS costs a decryption (measured at 100,000 contacts:
    // 1.4 s with SQLite's default 8 MiB, 0.9 s with this).
    conn.execute_batch("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -131072;")?;
    Ok(conn)
}

/// Whether a backup that will not open is another key's (every page, page 1
/// included, fails its HMAC under this key) rather than damaged (some pages do, or
/// its bytes no longer match its manifest).
fn foreign(path: &Path, key: &VaultKey) -> bool {
    if read_manifest(path).is_some_and(|m| hash_file(path).is_ok_and(|(sha, _)| sha != m.sha256)) {
        return false;
    }
    let Ok(conn) = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return true;
    };
    if conn.execute_batch(&key.pragma()).is_err() || db::silence_sqlcipher_log(&conn).is_err() {
        return true;
    }
    let bad: Vec<String> = match conn.prepare("PRAGMA cipher_integrity_check") {
        Ok(mut st) => st
            .query_map([], |r| r.get::<_, String>(0))
            .map(|rows| rows.flatten().collect())
            .unwrap_or_default(),
        Err(_) => return true,
    };
    bad.iter().any(|row| {
        row.rsplit(|c: char| !c.is_ascii_digit())
            .find(|w| !w.is_empty())
            .is_some_and(|n| n == "1")
    })
}

fn read_head(path: &Path) -> Result<Vec<u8>> {
    let mut head = Vec::with_capacity(16);
    fs::File::open(path)
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .map_err(|e| Error::io(path, e))?;
    Ok(head)
}

/// The restore drill: checks a backup with this vault's key, read-only, and says
/// what it holds. The live vault is not touched.
pub fn verify(v: &Vault, file: &Path, lang: crate::Lang) -> Result<Report> {
    if crate::files::check_output(file, v.path()).is_err() {
        return Err(Error::NotABackup(file.into()));
    }
    check_file(file, v.key(), lang)
}

/// The restore drill with the recovery code, on a machine without the vault.
pub fn verify_with_code(file: &Path, code: &str, lang: crate::Lang) -> Result<Report> {
    let key = recovery::decode(code)?;
    check_file(file, &key, lang)
}

/// This vault's backups in `dir`, newest first. Files of other vaults, and files
/// that are not Naast backups, are never listed (and so never rotated away).
pub fn list(v: &Vault, dir: &Path) -> Result<Vec<Backup>> {
    let mut out = Vec::new();
    for (path, made, manifest) in scan(dir, v.id())? {
        let counts = open_read_only(&path, v.key()).ok().and_then(|c| {
            let raw: Option<String> = c
                .query_row(
                    "SELECT value FROM meta WHERE key = 'backup_tables'",
                    [],
                    |r| r.get(0),
                )
                .ok();
            raw.and_then(|r| serde_json::from_str::<Vec<(String, i64)>>(&r).ok())
                .map(|t| Counts::from_tables(&t))
        });
        let bytes = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        out.push(Backup {
            made_at: made.to_rfc3339_opts(SecondsFormat::Secs, true),
            verified: manifest.is_some(),
            contacts: counts.as_ref().map(|c| c.contacts),
            counts,
            bytes,
            path,
            made,
        });
    }
    out.sort_by(|a, b| b.made.cmp(&a.made).then(b.path.cmp(&a.path)));
    Ok(out)
}

/// Files in `dir` named as this vault's backups, with when they were made and their
/// manifest (when there is one, and it is this vault's).
fn scan(dir: &Path, vault_id: &str) -> Result<Vec<Found>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::BackupFolderMissing(dir.into()))
        }
        Err(e) => return Err(Error::io(dir, e)),
    };
    let tag = format!("-{}{EXT}", short_id(vault_id));
    let mut out = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(stamp) = name
            .strip_prefix("naast-")
            .and_then(|rest| rest.strip_suffix(&tag))
        else {
            continue;
        };
        let Some(made) = parse_stamp(stamp) else {
            continue;
        };
        if !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = e.path();
        let manifest = read_manifest(&path);
        if manifest.as_ref().is_some_and(|m| m.vault_id != vault_id) {
            continue;
        }
        out.push((path, made, manifest));
    }
    Ok(out)
}

/// Deletes what the policy does not keep, among this vault's verified backups. Runs
/// only right after a new verified backup, which the policy always keeps.
fn rotate(dir: &Path, vault_id: &str, policy: Policy) -> Result<Vec<PathBuf>> {
    let found: Vec<_> = scan(dir, vault_id)?
        .into_iter()
        .filter(|(_, _, m)| m.is_some())
        .collect();
    let times: Vec<DateTime<Utc>> = found.iter().map(|(_, t, _)| *t).collect();
    let keep = plan(&times, policy);
    let mut gone = Vec::new();
    for (i, (path, _, _)) in found.iter().enumerate() {
        if !keep.contains(&i) {
            let _ = fs::remove_file(with_suffix(path, MANIFEST_EXT));
            fs::remove_file(path).map_err(|e| Error::io(path, e))?;
            gone.push(path.clone());
        }
    }
    if !gone.is_empty() {
        let _ = crate::files::sync_dir(&gone[0]);
    }
    Ok(gone)
}

/// Always kept, whatever the policy: the newest few, so that "Nu maken" twice on one
/// day, or a backup on close right after a mistake, never takes away the one made
/// just before.
const KEEP_LAST: usize = 3;

/// Which backups to keep (indices into `made`), by the policy: always the newest
/// [`KEEP_LAST`]; then the newest of each of the last `daily` days that have a backup, of the last
/// `weekly` ISO weeks and of the last `monthly` months (in Dutch time). Pure, so it
/// is tested with any clock.
pub fn plan(made: &[DateTime<Utc>], policy: Policy) -> Vec<usize> {
    let mut order: Vec<usize> = (0..made.len()).collect();
    order.sort_by(|a, b| made[*b].cmp(&made[*a]));
    let mut keep: Vec<usize> = order.iter().copied().take(KEEP_LAST).collect();
    let local = |i: usize| made[i].with_timezone(&crate::time::ZONE).date_naive();
    let mut bucket = |limit: u32, key: &dyn Fn(chrono::NaiveDate) -> (i32, u32)| {
        let mut seen: Vec<(i32, u32)> = Vec::new();
        for &i in &order {
            let k = key(local(i));
            if seen.contains(&k) {
                continue;
            }
            if seen.len() as u32 >= limit {
                break;
            }
            seen.push(k);
            if !keep.contains(&i) {
                keep.push(i);
            }
        }
    };
    bucket(policy.daily, &|d| (d.year(), d.ordinal()));
    bucket(policy.weekly, &|d| {
        (d.iso_week().year(), d.iso_week().week())
    });
    bucket(policy.monthly, &|d| (d.year(), d.month()));
    keep.sort();
    keep
}

/// Where the key for a restore comes from.
pub enum KeyFrom {
    /// The recovery code (a new laptop, or no working key).
    Code(Zeroizing<String>),
    /// The vault that is open now (its own key, from the keyring or passphrase); it
    /// is closed before the restore starts.
    Vault(Box<Vault>),
    /// The key a [`Job`] took from the vault (the app closes the vault first).
    Job(Box<Job>),
}

/// What a restore did.
#[derive(Debug)]
pub struct Restored {
    pub vault: Vault,
    /// Where the vault that was there before now lies, whole and openable.
    pub kept: Option<PathBuf>,
    pub report: Report,
}

/// Puts a backup back as the vault at `target`. The backup is checked first and
/// never changed (an older schema is migrated on the restored copy). A vault already
/// at `target` is refused unless `replace`, which first moves it, with its key file
/// and side files, to a dated name beside it (`….voor-herstel-2026-11-24T1402`),
/// where it stays openable. The key is then kept in the keyring, or behind
/// `new_passphrase`.
pub fn restore(
    file: &Path,
    target: &Path,
    from: KeyFrom,
    store: &dyn KeyStore,
    new_passphrase: Option<&str>,
    replace: bool,
    now: DateTime<Utc>,
) -> Result<Restored> {
    let key = match from {
        KeyFrom::Code(code) => recovery::decode(&code)?,
        KeyFrom::Vault(v) => {
            let k = v.key().clone();
            drop(v);
            k
        }
        KeyFrom::Job(j) => j.key.clone(),
    };
    if crate::files::check_output(file, target).is_err() {
        return Err(Error::OutputIsVault(file.into()));
    }
    if let Some(p) = new_passphrase {
        crate::vault::keyfile::check_passphrase(p)?;
    }
    let report = check_file(file, &key, crate::Lang::En)?;
    if report.schema_version > db::SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found: report.schema_version,
            known: db::SCHEMA_VERSION,
        });
    }
    if !report.sound || report.vault_id.is_none() {
        return Err(Error::BackupDamaged(file.into()));
    }
    let present = crate::files::vault_files(target)
        .into_iter()
        .filter(|p| p.exists())
        .count()
        > 0;
    if present && !replace {
        return Err(Error::VaultExists(target.into()));
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::files::private_dir(dir).map_err(|e| Error::io(dir, e))?;
    }
    // The copy is written and made current beside the target before anything there
    // moves: a failure here leaves the old vault where it was.
    let staged = with_suffix(target, ".herstel");
    for f in crate::files::vault_files(&staged) {
        let _ = fs::remove_file(f);
    }
    let prepared = stage(file, &staged, &key);
    if let Err(e) = prepared {
        for f in crate::files::vault_files(&staged) {
            let _ = fs::remove_file(f);
        }
        return Err(e);
    }
    let kept = if present {
        match keep_aside(target, &key, now) {
            Ok(k) => Some(k),
            Err(e) => {
                for f in crate::files::vault_files(&staged) {
                    let _ = fs::remove_file(f);
                }
                return Err(e);
            }
        }
    } else {
        None
    };
    fs::rename(&staged, target).map_err(|e| Error::io(target, e))?;
    crate::files::sync_dir(target).map_err(|e| Error::io(target, e))?;
    let vault = Vault::recover_with_key(target, key, store, new_passphrase)?;
    crate::audit::log(
        vault.conn(),
        &crate::audit::Event::new(crate::audit::Action::Restore, "vault").detail(
            serde_json::json!({
                "file": file.file_name().map(|n| n.to_string_lossy()),
                "made_at": report.made_at,
            }),
        ),
    )?;
    Ok(Restored {
        vault,
        kept,
        report,
    })
}

/// Copies the backup to `staged`, opens the copy (which migrates an older schema),
/// drops the backup's own header and record, and leaves it self-contained (no log).
fn stage(file: &Path, staged: &Path, key: &VaultKey) -> Result<()> {
    {
        let mut src = fs::File::open(file).map_err(|e| Error::io(file, e))?;
        let mut dst = crate::files::private_file(staged, true).map_err(|e| Error::io(staged, e))?;
        std::io::copy(&mut src, &mut dst).map_err(|e| Error::io(staged, e))?;
        dst.sync_all().map_err(|e| Error::io(staged, e))?;
    }
    let conn = Connection::open_with_flags(
        staged,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.execute_batch(&key.pragma())?;
    db::silence_sqlcipher_log(&conn)?;
    conn.execute_batch(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;
         PRAGMA secure_delete = ON;",
    )?;
    db::migrate(&conn)?;
    write_tx(&conn, |c| {
        c.execute(
            "DELETE FROM meta WHERE key IN ('backup_made_at', 'backup_tables', ?1)",
            [LAST_KEY],
        )?;
        Ok(())
    })?;
    let mode: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(Error::Damaged);
    }
    drop(conn);
    fs::File::open(staged)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(staged, e))
}

/// Moves the vault at `target` (with its key file and side files) to a dated name
/// beside it. When `key` opens it, it is first checkpointed, and a vault that another
/// window or command has open is refused (busy), never moved from under it.
fn keep_aside(target: &Path, key: &VaultKey, now: DateTime<Utc>) -> Result<PathBuf> {
    if target.exists() {
        let conn = Connection::open_with_flags(
            target,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.execute_batch(&key.pragma())?;
        db::silence_sqlcipher_log(&conn)?;
        let readable = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })
            .is_ok();
        if readable {
            conn.busy_timeout(std::time::Duration::from_secs(2))?;
            conn.execute_batch("PRAGMA main.locking_mode = EXCLUSIVE; BEGIN IMMEDIATE; COMMIT;")?;
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        drop(conn);
    }
    let stamp = now
        .with_timezone(&crate::time::ZONE)
        .format("%Y-%m-%dT%H%M")
        .to_string();
    let mut aside = with_suffix(target, &format!(".voor-herstel-{stamp}"));
    let mut n = 2;
    while crate::files::vault_files(&aside).iter().any(|p| p.exists()) {
        aside = with_suffix(target, &format!(".voor-herstel-{stamp}-{n}"));
        n += 1;
    }
    for (from, to) in crate::files::vault_files(target)
        .into_iter()
        .zip(crate::files::vault_files(&aside))
    {
        if from.exists() {
            fs::rename(&from, &to).map_err(|e| Error::io(&from, e))?;
        }
    }
    crate::files::sync_dir(target).map_err(|e| Error::io(target, e))?;
    Ok(aside)
}

fn read_manifest(backup: &Path) -> Option<Manifest> {
    let raw = fs::read(with_suffix(backup, MANIFEST_EXT)).ok()?;
    serde_json::from_slice::<Manifest>(&raw)
        .ok()
        .filter(|m| m.format == FORMAT)
}

fn hash_file(path: &Path) -> Result<(String, u64)> {
    let mut f = fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = f.read(&mut buf).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        total += n as u64;
    }
    Ok((hex::encode(h.finalize()), total))
}

fn short_id(vault_id: &str) -> &str {
    vault_id.get(..8).unwrap_or(vault_id)
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H%M%SZ").to_string()
}

fn parse_stamp(s: &str) -> Option<DateTime<Utc>> {
    let base = s
        .split_once("Z-")
        .map(|(b, _)| b)
        .unwrap_or(s.trim_end_matches('Z'));
    chrono::NaiveDateTime::parse_from_str(base, "%Y-%m-%dT%H%M%S")
        .ok()
        .map(|n| n.and_utc())
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// `naast-2026-11-24T140200Z-ab12cd34.naastbackup`, or with `Z-2` … when that
/// second is taken.
fn free_name(dir: &Path, vault_id: &str, now: DateTime<Utc>) -> PathBuf {
    let id = short_id(vault_id);
    let base = stamp(now);
    let mut p = dir.join(format!("naast-{base}-{id}{EXT}"));
    let mut n = 2;
    while p.exists() || with_suffix(&p, PARTIAL_EXT).exists() {
        p = dir.join(format!("naast-{base}-{n}-{id}{EXT}"));
        n += 1;
    }
    p
}

/// Removes what an interrupted backup of this vault left in `dir`.
fn clean_partials(dir: &Path, vault_id: &str) {
    let tail = format!("-{}{EXT}{PARTIAL_EXT}", short_id(vault_id));
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with("naast-") && name.contains(&tail) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

fn remove_all(partial: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = fs::remove_file(with_suffix(partial, suffix));
    }
}

fn with_suffix(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    #[test]
    fn a_year_of_daily_backups_keeps_7_4_12() {
        // One backup every day at noon for a year, newest 2026-11-24.
        let made: Vec<_> = (0..365)
            .map(|i| at(2026, 11, 24, 11) - chrono::Duration::days(i))
            .collect();
        let keep = plan(&made, Policy::default());
        let kept: Vec<_> = keep.iter().map(|&i| made[i]).collect();
        // The last 7 days.
        for (i, day) in made.iter().enumerate().take(7) {
            assert!(kept.contains(day), "day {i}");
        }
        assert!(!kept.contains(&made[7]) || made[7].weekday() == chrono::Weekday::Sun);
        // At most 7 + 4 + 12, at least 12 distinct months.
        assert!(kept.len() <= 3 + 23, "{}", kept.len());
        let months: std::collections::BTreeSet<_> =
            kept.iter().map(|t| (t.year(), t.month())).collect();
        assert_eq!(months.len(), 12);
        // The oldest kept is about a year back, not more.
        let oldest = kept.iter().min().unwrap();
        assert!(*oldest >= at(2025, 11, 24, 0), "{oldest}");
    }

    #[test]
    fn the_newest_three_are_always_kept_even_with_a_zero_policy() {
        let made = vec![
            at(2026, 1, 1, 10),
            at(2026, 3, 1, 10),
            at(2026, 2, 1, 10),
            at(2025, 2, 1, 10),
        ];
        let keep = plan(
            &made,
            Policy {
                daily: 0,
                weekly: 0,
                monthly: 0,
            },
        );
        assert_eq!(keep, vec![0, 1, 2]);
    }

    #[test]
    fn several_on_one_day_keep_the_newest_of_that_day() {
        let made = vec![
            at(2026, 11, 24, 6),
            at(2026, 11, 24, 7),
            at(2026, 11, 24, 8),
            at(2026, 11, 24, 12),
            at(2026, 11, 24, 16),
            at(2026, 11, 23, 9),
        ];
        let keep = plan(&made, Policy::default());
        // The three newest of today, and yesterday's; not the two early ones.
        assert_eq!(keep, vec![2, 3, 4, 5]);
    }

    #[test]
    fn stamps_round_trip() {
        let t = at(2026, 11, 24, 14);
        assert_eq!(parse_stamp(&stamp(t)), Some(t));
        assert_eq!(parse_stamp("2026-11-24T140000Z-2"), Some(t));
        assert_eq!(parse_stamp("nonsense"), None);
    }
}
