//! The way back: a backup checked, staged beside the vault, and swapped in, with the
//! vault it replaces kept aside, never deleted.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use zeroize::Zeroizing;

use super::anchoring::in_folder;
use super::making::{folder, Job};
use super::model::{Report, LAST_KEY};
use super::names::with_suffix;
use super::verifying::check_file;
use crate::ground::error::{Error, Result};
use crate::store::db;
use crate::store::db::write_tx;
use crate::store::keys::{keyfile, recovery, KeyStore, VaultKey};
use crate::vault::schema;
use crate::vault::Vault;

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
    /// The codes of people the replaced vault had erased and the backup still held:
    /// erased again.
    pub erased_again: Vec<String>,
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
    if crate::store::files::check_output(file, target).is_err() {
        return Err(Error::OutputIsVault(file.into()));
    }
    if let Some(p) = new_passphrase {
        crate::store::keys::keyfile::check_passphrase(p)?;
    }
    let report = check_file(file, &key, crate::ground::lang::Lang::En)?;
    if report.schema_version > schema::SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found: report.schema_version,
            known: schema::SCHEMA_VERSION,
        });
    }
    if !report.sound || report.vault_id.is_none() {
        return Err(Error::BackupDamaged(file.into()));
    }
    let present = crate::store::files::vault_files(target)
        .into_iter()
        .filter(|p| p.exists())
        .count()
        > 0;
    if present && !replace {
        return Err(Error::VaultExists(target.into()));
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::store::files::private_dir(dir).map_err(|e| Error::io(dir, e))?;
    }
    // The copy is written and made current beside the target before anything there
    // moves: a failure here leaves the old vault where it was.
    let staged = with_suffix(target, ".herstel");
    for f in crate::store::files::vault_files(&staged) {
        let _ = fs::remove_file(f);
    }
    let prepared = stage(file, &staged, &key);
    if let Err(e) = prepared {
        for f in crate::store::files::vault_files(&staged) {
            let _ = fs::remove_file(f);
        }
        return Err(e);
    }
    // What the vault being replaced remembered of its log: a restore numbers its
    // next lines past it (see `audit::skip_past`).
    let mut known = crate::store::keys::KeyFile::read(&keyfile::path_for(target))
        .ok()
        .flatten()
        .and_then(|k| k.log_head)
        .map_or(0, |h| h.line);
    let (kept, erased) = if present {
        match keep_aside(target, &key, now) {
            Ok((k, erased, head)) => {
                known = known.max(head);
                (Some(k), erased)
            }
            Err(e) => {
                for f in crate::store::files::vault_files(&staged) {
                    let _ = fs::remove_file(f);
                }
                return Err(e);
            }
        }
    } else {
        (None, Vec::new())
    };
    crate::store::files::replace(&staged, target).map_err(|e| Error::io(target, e))?;
    crate::store::files::sync_dir(target).map_err(|e| Error::io(target, e))?;
    let vault = Vault::recover_with_key(target, key, store, new_passphrase)?;
    let s = crate::records::settings::load(vault.conn())?;
    let mut anchors = in_folder(&folder(&vault, &s), vault.id());
    if let Some(dir) = file.parent() {
        anchors.extend(in_folder(dir, vault.id()));
    }
    known = anchors.iter().map(|h| h.line).fold(known, i64::max);
    crate::audit::skip_past(vault.conn(), known)?;
    let erased_again = erase_again(&vault, &erased)?;
    crate::audit::log(
        vault.conn(),
        &crate::audit::Event::new(crate::ground::vocab::Action::Restore, "vault").detail(
            serde_json::json!({
                "file": file.file_name().map(|n| n.to_string_lossy()),
                "made_at": report.made_at,
                "erased_again": erased_again,
            }),
        ),
    )?;
    Ok(Restored {
        vault,
        kept,
        report,
        erased_again,
    })
}

/// Erases again, in the restored vault, whoever the vault it replaced had erased:
/// the right to be forgotten holds across a restore. Returns their codes (the only
/// thing left to name them by), for the user to be told.
fn erase_again(vault: &Vault, ids: &[i64]) -> Result<Vec<String>> {
    let mut codes = Vec::new();
    for &id in ids {
        let code: Option<String> = vault
            .conn()
            .query_row("SELECT code FROM person WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        if let Some(code) = code {
            crate::records::erasure::erase(vault.conn(), id)?;
            codes.push(code);
        }
    }
    Ok(codes)
}

/// Copies the backup to `staged`, opens the copy (which migrates an older schema),
/// drops the backup's own header and record, and leaves it self-contained (no log).
pub(super) fn stage(file: &Path, staged: &Path, key: &VaultKey) -> Result<()> {
    {
        let mut src = fs::File::open(file).map_err(|e| Error::io(file, e))?;
        let mut dst =
            crate::store::files::private_file(staged, true).map_err(|e| Error::io(staged, e))?;
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
    schema::migrate(&conn)?;
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
    crate::store::files::sync_file(staged).map_err(|e| Error::io(staged, e))
}

/// Moves the vault at `target` (with its key file and side files) to a dated name
/// beside it. When `key` opens it, it is first checkpointed, and a vault that another
/// window or command has open is refused (busy), never moved from under it.
///
/// Also returns who was erased from it (the ids its log names with an erasure): a
/// backup made before an erasure still holds that person, and the restore erases
/// them again; and its log's newest line number, which the restored log skips past.
pub(super) fn keep_aside(
    target: &Path,
    key: &VaultKey,
    now: DateTime<Utc>,
) -> Result<(PathBuf, Vec<i64>, i64)> {
    let mut erased = Vec::new();
    let mut head = 0;
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
            erased = conn
                .prepare(
                    "SELECT DISTINCT person_id FROM audit_log
                     WHERE action = 'erase' AND outcome = 'ok' AND person_id IS NOT NULL",
                )?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            head = conn
                .query_row("SELECT max(id) FROM audit_log", [], |r| {
                    r.get::<_, Option<i64>>(0)
                })?
                .unwrap_or(0);
        }
        drop(conn);
    }
    let stamp = now
        .with_timezone(&crate::ground::calendar::ZONE)
        .format("%Y-%m-%dT%H%M")
        .to_string();
    let mut aside = with_suffix(target, &format!(".voor-herstel-{stamp}"));
    let mut n = 2;
    while crate::store::files::vault_files(&aside)
        .iter()
        .any(|p| p.exists())
    {
        aside = with_suffix(target, &format!(".voor-herstel-{stamp}-{n}"));
        n += 1;
    }
    for (from, to) in crate::store::files::vault_files(target)
        .into_iter()
        .zip(crate::store::files::vault_files(&aside))
    {
        if from.exists() {
            fs::rename(&from, &to).map_err(|e| Error::io(&from, e))?;
        }
    }
    crate::store::files::sync_dir(target).map_err(|e| Error::io(target, e))?;
    Ok((aside, erased, head))
}
