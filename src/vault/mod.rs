//! The vault: one SQLCipher file, keyed by one random 256-bit key.
//!
//! Opening is careful in a fixed order: the key file is read, the key is found
//! (keyring or passphrase) and checked against the key file, the database is read,
//! its schema version checked, and only then is anything written (WAL mode,
//! migrations). Every refusal before that point leaves the file byte-for-byte as it
//! was, and says in one line what to do next.

pub mod key;
pub mod keyfile;
pub mod keystore;
pub mod recovery;

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use zeroize::Zeroizing;

use crate::db;
use crate::error::{Error, Result};
pub use key::VaultKey;
pub use keyfile::{KeyFile, KeyMode};
pub use keystore::{KeyStore, MemoryKeyStore, OsKeyring};

/// An open, unlocked vault.
pub struct Vault {
    conn: Connection,
    path: PathBuf,
    keys: KeyFile,
    key: VaultKey,
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
        let id = key::new_vault_id()?;
        let mut keys = KeyFile::new(&id, &key, KeyMode::Keyring);
        match passphrase {
            Some(p) => keys.set_passphrase(&key, p)?,
            None => put_in_keyring(store, &id, &key)?,
        }
        let created = create_files(path, &kpath, &keys, &key);
        if created.is_err() && passphrase.is_none() {
            let _ = store.delete(&id);
        }
        let conn = created?;
        let code = recovery::encode(&key);
        Ok((
            Vault {
                conn,
                path: path.into(),
                keys,
                key,
            },
            code,
        ))
    }

    /// Opens an existing vault. `passphrase` is only used for passphrase-mode vaults.
    pub fn open(path: &Path, store: &dyn KeyStore, passphrase: Option<&str>) -> Result<Vault> {
        let keys = read_keys(path)?;
        let key = match keys.mode {
            KeyMode::Passphrase => {
                let p = passphrase.ok_or(Error::PassphraseNeeded)?;
                keys.unwrap_key(p, &keyfile::path_for(path))?
            }
            KeyMode::Keyring => {
                let k = store
                    .load(&keys.vault_id)?
                    .ok_or(Error::KeyringEntryMissing)?;
                if !keys.fits(&k) {
                    return Err(Error::KeyMismatch);
                }
                k
            }
        };
        let conn = open_keyed(path, &key, Some(&keys.vault_id))?;
        Ok(Vault {
            conn,
            path: path.into(),
            keys,
            key,
        })
    }

    /// Restores access with the recovery code: after a lost keyring entry, on a new
    /// machine, or when the key file is gone. The key is then kept the chosen way
    /// (keyring, or a new passphrase) and the key file is written anew.
    pub fn recover(
        path: &Path,
        code: &str,
        store: &dyn KeyStore,
        new_passphrase: Option<&str>,
    ) -> Result<Vault> {
        let key = recovery::decode(code)?;
        if !path.exists() {
            return Err(Error::VaultMissing(path.into()));
        }
        let kpath = keyfile::path_for(path);
        let old = KeyFile::read(&kpath).ok().flatten();
        if let Some(k) = &old {
            if !k.fits(&key) {
                return Err(Error::RecoveryMismatch);
            }
        }
        let conn = match open_keyed(path, &key, old.as_ref().map(|k| k.vault_id.as_str())) {
            Err(Error::Damaged) if old.is_none() => return Err(Error::RecoveryMismatch),
            other => other?,
        };
        let id: String =
            conn.query_row("SELECT value FROM meta WHERE key = 'vault_id'", [], |r| {
                r.get(0)
            })?;
        let mut keys = KeyFile::new(&id, &key, KeyMode::Keyring);
        match new_passphrase {
            Some(p) => keys.set_passphrase(&key, p)?,
            None => put_in_keyring(store, &id, &key)?,
        }
        keys.write(&kpath)?;
        Ok(Vault {
            conn,
            path: path.into(),
            keys,
            key,
        })
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

    /// Sets or changes the passphrase (and so moves a keyring vault to passphrase
    /// mode). Only the key file changes; the vault file is not re-encrypted.
    pub fn set_passphrase(&mut self, passphrase: &str) -> Result<()> {
        let mut keys = self.keys.clone();
        keys.set_passphrase(&self.key, passphrase)?;
        keys.write(&keyfile::path_for(&self.path))?;
        self.keys = keys;
        Ok(())
    }

    /// Moves a passphrase vault to keyring mode.
    pub fn use_keyring(&mut self, store: &dyn KeyStore) -> Result<()> {
        put_in_keyring(store, &self.keys.vault_id, &self.key)?;
        let mut keys = self.keys.clone();
        keys.mode = KeyMode::Keyring;
        keys.passphrase = None;
        keys.write(&keyfile::path_for(&self.path))?;
        self.keys = keys;
        Ok(())
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
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

    /// Checks every page's HMAC, SQLite's own structure, foreign keys and the search
    /// index. Returns the problems found; empty means sound.
    pub fn verify(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let c = &self.conn;
        let rows = |sql: &str| -> Result<Vec<String>> {
            let mut st = c.prepare(sql)?;
            let out = st
                .query_map([], |r| r.get::<_, Option<String>>(0))?
                .collect::<std::result::Result<Vec<_>, _>>()?;
            Ok(out.into_iter().flatten().collect())
        };
        problems.extend(rows("PRAGMA cipher_integrity_check")?);
        problems.extend(
            rows("PRAGMA integrity_check")?
                .into_iter()
                .filter(|r| r != "ok"),
        );
        problems.extend(
            rows("PRAGMA foreign_key_check")?
                .into_iter()
                .map(|t| format!("foreign key in {t}")),
        );
        for fts in ["contact_fts", "bridge_fts"] {
            let sql = format!("INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)");
            if let Err(e) = c.execute(&sql, []) {
                problems.push(format!("search index {fts}: {e}"));
            }
        }
        Ok(problems)
    }
}

impl Drop for Vault {
    /// Lets SQLite refresh its planner statistics, as its docs advise before closing.
    fn drop(&mut self) {
        let _ = self.conn.execute_batch("PRAGMA optimize;");
    }
}

fn put_in_keyring(store: &dyn KeyStore, id: &str, key: &VaultKey) -> Result<()> {
    store.store(id, key)?;
    match store.load(id)? {
        Some(k) if k.as_bytes() == key.as_bytes() => Ok(()),
        _ => Err(Error::KeyringUnavailable(
            "the keyring did not keep the key".into(),
        )),
    }
}

/// Reads the key file, after checking that the vault file is there and is not a
/// plain SQLite file or something else entirely.
fn read_keys(path: &Path) -> Result<KeyFile> {
    let head = match fs::File::open(path) {
        Ok(f) => {
            use std::io::Read;
            let mut head = Vec::with_capacity(16);
            f.take(16)
                .read_to_end(&mut head)
                .map_err(|e| Error::io(path, e))?;
            head
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::VaultMissing(path.into()))
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    if head.len() < 16 || head.starts_with(b"SQLite format 3\0") {
        return Err(Error::NotAVault(path.into()));
    }
    let kpath = keyfile::path_for(path);
    KeyFile::read(&kpath)?.ok_or(Error::KeyFileMissing(path.into(), kpath))
}

/// Creates the vault file (refusing one that appeared meanwhile), keys it, builds the
/// schema, then writes the key file. On failure both files are removed again; they
/// hold nothing yet.
fn create_files(path: &Path, kpath: &Path, keys: &KeyFile, key: &VaultKey) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    crate::files::private_file(path, true).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => Error::VaultExists(path.into()),
        _ => Error::io(path, e),
    })?;
    let result = (|| {
        let conn = open_keyed(path, key, None)?;
        db::write_tx(&conn, |c| {
            c.execute(
                "INSERT INTO meta (key, value) VALUES ('vault_id', ?1), ('created_at', ?2)",
                (&keys.vault_id, db::now().to_string()),
            )?;
            Ok(())
        })?;
        keys.write(kpath)?;
        crate::files::sync_dir(path).map_err(|e| Error::io(path, e))?;
        Ok(conn)
    })();
    if result.is_err() {
        for p in [
            path.to_path_buf(),
            wal_path(path, "-wal"),
            wal_path(path, "-shm"),
        ] {
            let _ = fs::remove_file(p);
        }
    }
    result
}

fn wal_path(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Opens the file with the raw key and proves the key by reading the schema. Nothing
/// is written until the key is proven, the schema version is known to this build, and
/// (when given) the vault id inside matches the key file.
fn open_keyed(path: &Path, key: &VaultKey, expect_id: Option<&str>) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn =
        Connection::open_with_flags(path, flags).map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::CannotOpen) => Error::VaultMissing(path.into()),
            _ => Error::from(e),
        })?;
    conn.execute_batch(&key.pragma())?;
    db::silence_sqlcipher_log(&conn)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| match Error::from(e) {
        Error::Db(_) => Error::Damaged,
        other => other,
    })?;
    let found = db::schema_version(&conn)?;
    if found > db::SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found,
            known: db::SCHEMA_VERSION,
        });
    }
    if let (Some(expect), true) = (expect_id, found > 0) {
        let id: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'vault_id'", [], |r| {
                r.get(0)
            })
            .ok();
        if id.as_deref() != Some(expect) {
            return Err(Error::NotAVault(path.into()));
        }
    }
    db::configure(&conn)?;
    db::migrate(&conn)?;
    Ok(conn)
}
