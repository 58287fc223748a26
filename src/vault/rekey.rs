//! A new key for the vault, for when a recovery code may have been seen.
//!
//! Not `PRAGMA rekey` in place: SQLCipher 4 does not rekey a WAL database with other
//! connections safely, and an interrupted in-place rekey leaves pages under two keys.
//! Instead, in two halves:
//!
//! 1. [`Vault::rekey_begin`] makes the new key and writes it into the key file as
//!    *pending*: the new key sealed by the old and the old by the new. From here on
//!    either key (and so either recovery code) opens the vault, whatever happens.
//!    The new code is shown, and the user confirms it.
//! 2. [`Vault::rekey_finish`] takes the vault for itself (no other process may have
//!    it open), writes a complete copy under the new key with `sqlcipher_export`,
//!    checks it (every page's HMAC, SQLite's structure, the same counts), renames it
//!    over the vault (atomic), and only then moves the key file and the keyring to
//!    the new key. A crash before the rename leaves the old file; after it, the
//!    next open finds the new file, opens it through the pending key, and finishes
//!    the key file ("promotes"). Never a file that neither key opens.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use zeroize::Zeroizing;

use super::disk::open_keyed;
use super::open::Vault;
use crate::ground::error::{Error, Result};
use crate::store::keys::keyfile::{self, KeyMode, Pending, Sealed};
use crate::store::keys::{recovery, KeyStore, VaultKey};

/// The new file while it is being written, beside the vault.
fn next_path(vault: &Path) -> PathBuf {
    let mut s = vault.as_os_str().to_owned();
    s.push(".nieuwe-sleutel");
    PathBuf::from(s)
}

/// What a copy must hold to be the same vault: rows per table.
pub(crate) fn counts(conn: &Connection, schema: &str) -> Result<Vec<(String, i64)>> {
    let tables: Vec<String> = conn
        .prepare(&format!(
            "SELECT name FROM {schema}.sqlite_schema WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        ))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for t in tables {
        let n: i64 =
            conn.query_row(&format!("SELECT count(*) FROM {schema}.\"{t}\""), [], |r| {
                r.get(0)
            })?;
        out.push((t, n));
    }
    Ok(out)
}

impl Vault {
    /// Whether a new key is on its way in (begun, not finished).
    pub fn rekey_pending(&self) -> bool {
        self.keys.pending.is_some()
    }

    /// The first half: a new key, kept in the key file beside the old one so that
    /// either opens the vault. Returns the new recovery code, to be shown once and
    /// confirmed. Begun twice, it returns the same code again.
    pub fn rekey_begin(&mut self) -> Result<Zeroizing<String>> {
        if let Some(new) = self.keys.other_key(&self.key) {
            return Ok(recovery::encode(&new));
        }
        let id = self.keys.vault_id.clone();
        let new = VaultKey::generate()?;
        let mut keys = self.keys.clone();
        keys.pending = Some(Pending {
            check: new.check_value(&id),
            new_by_old: Sealed::seal(&self.key, &new, &id)?,
            old_by_new: Sealed::seal(&new, &self.key, &id)?,
        });
        keys.write(&keyfile::path_for(&self.path))?;
        self.keys = keys;
        Ok(recovery::encode(&new))
    }

    /// Forgets a begun rekey; the old key stays the only key.
    pub fn rekey_cancel(&mut self) -> Result<()> {
        let mut keys = self.keys.clone();
        keys.pending = None;
        keys.write(&keyfile::path_for(&self.path))?;
        self.keys = keys;
        let _ = fs::remove_file(next_path(&self.path));
        Ok(())
    }

    /// The second half: re-encrypts the whole vault under the new key and moves the
    /// key file and keyring to it. `passphrase` is needed in passphrase mode, to
    /// seal the new key in the key file. Refused (nothing changed) while another
    /// window or command has the vault open.
    pub fn rekey_finish(self, store: &dyn KeyStore, passphrase: Option<&str>) -> Result<Vault> {
        let new = self
            .keys
            .other_key(&self.key)
            .filter(|_| self.keys.fits(&self.key))
            .ok_or(Error::KeyMismatch)?;
        if self.keys.mode == KeyMode::Passphrase {
            let p = passphrase.ok_or(Error::PassphraseNeeded)?;
            // Proves the passphrase before anything is rewritten.
            self.keys.unwrap_key(p, &keyfile::path_for(&self.path))?;
        }
        let path = self.path.clone();
        let next = next_path(&path);
        for stale in crate::store::files::vault_files(&next) {
            let _ = fs::remove_file(stale);
        }
        // From here until the rename nobody else may write: in WAL mode every open
        // connection holds a shared lock on the file, so this waits (busy timeout)
        // and then refuses while another window or command has the vault open.
        self.conn
            .execute_batch("PRAGMA main.locking_mode = EXCLUSIVE; BEGIN IMMEDIATE; COMMIT;")?;
        let before = counts(&self.conn, "main")?;
        let version = crate::store::db::schema_version(&self.conn)?;
        let written = (|| {
            // Made here, owner-only: an attached database is opened with the main
            // one's flags, which do not create files.
            crate::store::files::private_file(&next, true).map_err(|e| Error::io(&next, e))?;
            let key_sql = new.sql_literal();
            self.conn.execute(
                "ATTACH DATABASE ?1 AS nieuw KEY ?2",
                rusqlite::params![next.to_string_lossy(), key_sql.as_str()],
            )?;
            let copied = (|| {
                self.conn
                    .query_row("SELECT sqlcipher_export('nieuw')", [], |_| Ok(()))?;
                self.conn
                    .pragma_update(Some("nieuw"), "user_version", version)?;
                let after = counts(&self.conn, "nieuw")?;
                if after != before {
                    return Err(Error::Damaged);
                }
                Ok(())
            })();
            self.conn.execute_batch("DETACH DATABASE nieuw")?;
            copied?;
            crate::store::files::sync_file(&next).map_err(|e| Error::io(&next, e))?;
            check_copy(&next, &new, &self.keys.vault_id)
        })();
        if let Err(e) = written {
            for f in crate::store::files::vault_files(&next) {
                let _ = fs::remove_file(f);
            }
            // Back to normal locking for whoever keeps using this vault.
            let _ = self.conn.execute_batch(
                "PRAGMA main.locking_mode = NORMAL; BEGIN; SELECT 1 FROM meta LIMIT 1; COMMIT;",
            );
            return Err(e);
        }
        // Empty the old file's log first: after the rename its name belongs to the
        // new file, which must never replay frames written under the old key.
        self.conn
            .query_row("PRAGMA main.wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        let keys = self.keys.clone();
        // Closed without `PRAGMA optimize`: after the rename, anything the old
        // connection wrote would land in a log the new file would try to replay.
        let mut old = self;
        old.quiet_close = true;
        // Windows moves nothing over a file that is open without FILE_SHARE_DELETE,
        // as SQLite opens it: there the old connection closes before the swap. Should
        // another window open the vault in that instant, the move fails and the old
        // file stays as it was, openable with either key (the key file holds both).
        #[cfg(windows)]
        drop(old);
        // The swap: atomic; elsewhere while this process still holds the old file's
        // lock.
        crate::store::files::replace(&next, &path).map_err(|e| Error::io(&path, e))?;
        crate::store::files::sync_dir(&path).map_err(|e| Error::io(&path, e))?;
        #[cfg(not(windows))]
        drop(old);
        let conn = open_keyed(&path, &new, Some(&keys.vault_id))?;
        let mut v = Vault::assemble(conn, path, keys, new);
        v.promote(store, passphrase)?;
        v.log_key("rekey")?;
        Ok(v)
    }
}

/// Opens the new file on its own with the new key and checks every page.
fn check_copy(path: &Path, key: &VaultKey, vault_id: &str) -> Result<()> {
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.execute_batch(&key.pragma())?;
    crate::store::db::silence_sqlcipher_log(&conn)?;
    // See `backup::open_read_only`: index checks read pages back many times.
    conn.execute_batch("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -131072;")?;
    let bad: Vec<String> = conn
        .prepare("PRAGMA cipher_integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let structure: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let id: String = conn.query_row("SELECT value FROM meta WHERE key = 'vault_id'", [], |r| {
        r.get(0)
    })?;
    if !bad.is_empty() || structure != "ok" || id != vault_id {
        return Err(Error::Damaged);
    }
    Ok(())
}
