//! Opening the vault: one SQLCipher file, keyed by one random 256-bit key.
//!
//! Opening is careful in a fixed order: the key file is read, the key is found
//! (keyring or passphrase) and checked against the key file, the database is read,
//! its schema version checked, and only then is anything written (WAL mode,
//! migrations). Every refusal before that point leaves the file byte-for-byte as it
//! was, and says in one line what to do next.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use zeroize::Zeroizing;

use super::disk::{
    check_writable, create_files, forget_key, open_either, open_keyed, put_in_keyring, read_head,
    read_keys, set_aside,
};
use crate::ground::error::{Error, Result};
use crate::ground::ids::new_vault_id;
use crate::store::keys::{keyfile, recovery, KeyFile, KeyMode, KeyStore, VaultKey};

/// An open, unlocked vault.
pub struct Vault {
    pub(super) conn: Connection,
    pub(super) path: PathBuf,
    pub(super) keys: KeyFile,
    pub(super) key: VaultKey,
    /// Close without the planner update (see `rekey`).
    pub(super) quiet_close: bool,
}

/// What can be known about a vault without unlocking it: enough for a UI to pick
/// the right screen (unlock, recover, create).
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct VaultInfo {
    pub path: PathBuf,
    pub exists: bool,
    pub vault_id: Option<String>,
    pub mode: Option<KeyMode>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// The vault's default place: the platform's data folder (on Linux
/// `~/.local/share/naast/vault.naast`).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "Naast", "naast").map(|d| d.data_dir().join("vault.naast"))
}

impl Vault {
    pub(super) fn assemble(conn: Connection, path: PathBuf, keys: KeyFile, key: VaultKey) -> Vault {
        Vault {
            conn,
            path,
            keys,
            key,
            quiet_close: false,
        }
    }

    /// Creates a new vault and returns it with its recovery code, to be shown once.
    /// Never touches an existing file. With a passphrase the key is wrapped in the key
    /// file; without one it goes into the keyring, and is read back before anything is
    /// written to disk, so a keyring that silently drops keys is caught here.
    pub fn init(
        path: &Path,
        store: &dyn KeyStore,
        passphrase: Option<&str>,
    ) -> Result<(Vault, Zeroizing<String>)> {
        let kpath = keyfile::path_for(path);
        if path.exists() || kpath.exists() {
            return Err(Error::VaultExists(path.into()));
        }
        let key = VaultKey::generate()?;
        let id = new_vault_id()?;
        let mut keys = KeyFile::new(&id, &key, KeyMode::Keyring);
        if let Some(dir) = path.parent().filter(|d| d.exists()) {
            check_writable(dir, path)?;
        }
        match passphrase {
            Some(p) => keys.set_passphrase(&key, p)?,
            None => put_in_keyring(store, &id, &key)?,
        }
        let created = create_files(path, &kpath, &mut keys, &key);
        if created.is_err() && passphrase.is_none() {
            let _ = store.delete(&id);
        }
        let conn = created?;
        let code = recovery::encode(&key);
        Ok((Vault::assemble(conn, path.into(), keys, key), code))
    }

    /// Opens an existing vault. `passphrase` is only used for passphrase-mode vaults.
    pub fn open(path: &Path, store: &dyn KeyStore, passphrase: Option<&str>) -> Result<Vault> {
        let (keys, salt) = read_keys(path)?;
        let kpath = keyfile::path_for(path);
        let key = match keys.mode {
            KeyMode::Passphrase => {
                let p = passphrase.ok_or(Error::PassphraseNeeded)?;
                keys.unwrap_key(p, &kpath)?
            }
            KeyMode::Keyring => {
                let k = store
                    .load(&keys.vault_id)?
                    .ok_or(Error::KeyringEntryMissing)?;
                if !keys.fits(&k) && !keys.fits_pending(&k) {
                    return Err(Error::KeyMismatch);
                }
                k
            }
        };
        let (conn, key) = open_either(path, &keys, key).map_err(|e| match e {
            Error::NotAVault(_) => Error::KeyFileOtherVault(kpath.clone()),
            other => other,
        })?;
        let mut v = Vault::assemble(conn, path.into(), keys, key);
        if v.keys.fits_pending(&v.key) {
            // A new key was swapped in, but the key file had not caught up yet.
            v.promote(store, passphrase)?;
        }
        if v.keys.salt.is_none() {
            // A key file from before salts were recorded learns it on first open.
            let mut keys = v.keys.clone();
            keys.salt = Some(salt);
            keys.write(&kpath)?;
            v.keys = keys;
        }
        Ok(v)
    }

    /// Restores access with the recovery code: after a lost keyring entry, on a new
    /// machine, or when the key file is gone, damaged, or belongs to another vault.
    /// The key is then kept the chosen way (keyring, or a new passphrase) and the key
    /// file is written anew; a key file that does not belong to this vault is kept
    /// aside under a dated name, never deleted.
    pub fn recover(
        path: &Path,
        code: &str,
        store: &dyn KeyStore,
        new_passphrase: Option<&str>,
    ) -> Result<Vault> {
        let key = recovery::decode(code)?;
        Vault::recover_with_key(path, key, store, new_passphrase)
    }

    /// [`Vault::recover`] with the key itself: after a restore, where the key came
    /// from the recovery code or from the vault that was open.
    pub(crate) fn recover_with_key(
        path: &Path,
        key: VaultKey,
        store: &dyn KeyStore,
        new_passphrase: Option<&str>,
    ) -> Result<Vault> {
        let salt = read_head(path)?;
        let kpath = keyfile::path_for(path);
        let old = match KeyFile::read(&kpath) {
            Ok(k) => k,
            Err(Error::KeyFileDamaged(_)) => None,
            Err(e) => return Err(e),
        };
        // The key file is this vault's if the code's key is its key (or the new key
        // of an unfinished rekey) and it was made for this very file.
        let ours = |k: &KeyFile| {
            (k.fits(&key) || k.fits_pending(&key))
                && (k.pending.is_some() || k.salt.as_deref().is_none_or(|s| s == salt))
        };
        let (conn, used) = match open_keyed(path, &key, None) {
            Ok(c) => (c, key.clone()),
            // The code's key cannot read the file. During an unfinished rekey the
            // file may hold the other key; else it is a damaged file if the code is
            // this vault's by every other sign, or simply not this vault's code.
            Err(Error::Damaged) => {
                let other = old
                    .as_ref()
                    .filter(|k| ours(k))
                    .and_then(|k| k.other_key(&key));
                match other.map(|o| open_keyed(path, &o, None).map(|c| (c, o))) {
                    Some(Ok(found)) => found,
                    _ => {
                        return Err(match &old {
                            Some(k) if ours(k) && k.salt.is_some() => Error::Damaged,
                            _ => Error::RecoveryMismatch,
                        })
                    }
                }
            }
            Err(e) => return Err(e),
        };
        let id: String =
            conn.query_row("SELECT value FROM meta WHERE key = 'vault_id'", [], |r| {
                r.get(0)
            })?;
        let mine = old.as_ref().filter(|k| ours(k) && k.vault_id == id);
        if kpath.exists() && mine.is_none() {
            set_aside(&kpath)?;
        }
        // An unfinished rekey stays unfinished, with both codes working; the key that
        // is stored (keyring or passphrase) is the one the key file calls its own.
        let (mut keys, stored) = match mine.filter(|k| k.pending.is_some()) {
            Some(k) => {
                let main = if k.fits(&used) {
                    used.clone()
                } else {
                    k.other_key(&used).ok_or(Error::KeyMismatch)?
                };
                (k.clone(), main)
            }
            None => {
                let mut k = KeyFile::new(&id, &used, KeyMode::Keyring);
                k.salt = Some(salt);
                // What this vault's own key file remembered of the log stays.
                k.log_head = mine.and_then(|m| m.log_head.clone());
                (k, used.clone())
            }
        };
        match new_passphrase {
            // The keyring entry goes first: the user holds the code, so a failure
            // after it costs nothing, and one before it changes nothing.
            Some(p) => {
                forget_key(store, &id, false)?;
                keys.set_passphrase(&stored, p)?
            }
            None => {
                put_in_keyring(store, &id, &stored)?;
                keys.mode = KeyMode::Keyring;
                keys.passphrase = None;
            }
        }
        keys.write(&kpath)?;
        let mut v = Vault::assemble(conn, path.into(), keys, used);
        if v.keys.fits_pending(&v.key) {
            v.promote(store, new_passphrase)?;
        }
        Ok(v)
    }

    /// What a UI needs to choose its first screen, read without unlocking anything.
    pub fn inspect(path: &Path) -> Result<VaultInfo> {
        let exists = path.exists();
        let keys = if exists {
            KeyFile::read(&keyfile::path_for(path))?
        } else {
            None
        };
        Ok(VaultInfo {
            path: path.into(),
            exists,
            vault_id: keys.as_ref().map(|k| k.vault_id.clone()),
            mode: keys.map(|k| k.mode),
        })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// For the backup module, which keys its copies with the vault key.
    pub(crate) fn key(&self) -> &VaultKey {
        &self.key
    }

    pub fn id(&self) -> &str {
        &self.keys.vault_id
    }

    pub fn mode(&self) -> KeyMode {
        self.keys.mode
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file holds the pending key: make it the key. Keyring first, then the key
    /// file; a crash between them is caught by the same check at the next open.
    pub(super) fn promote(&mut self, store: &dyn KeyStore, passphrase: Option<&str>) -> Result<()> {
        let mut keys = self.keys.clone();
        keys.check = self.key.check_value(&keys.vault_id);
        keys.pending = None;
        let salt: String = self
            .conn
            .query_row("PRAGMA cipher_salt", [], |r| r.get(0))?;
        keys.salt = Some(salt.to_ascii_lowercase());
        match keys.mode {
            KeyMode::Keyring => put_in_keyring(store, &keys.vault_id, &self.key)?,
            KeyMode::Passphrase => {
                let p = passphrase.ok_or(Error::PassphraseNeeded)?;
                keys.set_passphrase(&self.key, p)?;
            }
        }
        keys.write(&keyfile::path_for(&self.path))?;
        self.keys = keys;
        Ok(())
    }
}

impl Drop for Vault {
    /// Lets SQLite refresh its planner statistics, as its docs advise before closing,
    /// but only when this session wrote something: a command that was refused, or
    /// only read, leaves the file byte-for-byte as it found it.
    ///
    /// Closing is also when the key file learns the log's newest line (see
    /// `remember_log_head`): the one place every face's close and lock passes.
    fn drop(&mut self) {
        if self.conn.total_changes() > 0 && !self.quiet_close {
            let _ = self.conn.execute_batch("PRAGMA optimize;");
        }
        if !self.quiet_close {
            let _ = self.remember_log_head();
        }
    }
}
