//! The vault's files on disk: reading the head and the key file before anything is
//! opened, asking the OS whether the folder may be written, creating the files of a
//! new vault, and opening a connection with the raw key.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::schema;
use crate::ground::calendar;
use crate::ground::error::{Error, Result};
use crate::store::db;
use crate::store::keys::{keyfile, KeyFile, KeyStore, VaultKey};

/// Moves a key file that does not belong to this vault out of the way, under a dated
/// name beside it: it may be the only copy of another vault's key slot.
pub(super) fn set_aside(kpath: &Path) -> Result<()> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut aside = kpath.as_os_str().to_owned();
    aside.push(format!(".vorige-{stamp}"));
    fs::rename(kpath, &aside).map_err(|e| Error::io(kpath, e))
}

pub(super) fn put_in_keyring(store: &dyn KeyStore, id: &str, key: &VaultKey) -> Result<()> {
    store.store(id, key)?;
    match store.load(id)? {
        Some(k) if k.as_bytes() == key.as_bytes() => Ok(()),
        _ => Err(Error::KeyringUnavailable(
            "the keyring did not keep the key".into(),
        )),
    }
}

/// The vault file's first 16 bytes, hex: SQLCipher's salt. Refuses a missing file,
/// a plain SQLite file and anything too short to be a vault.
pub(super) fn read_head(path: &Path) -> Result<String> {
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
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    check_writable(dir, path)?;
    Ok(hex::encode(head))
}

/// SQLite in WAL mode writes beside the vault (`-wal`, `-shm`); a folder or disk that
/// refuses that would otherwise surface as "damaged". Asked of the OS before anything
/// is opened, so the answer is the true one and nothing is touched.
pub(super) fn check_writable(dir: &Path, path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let writable = |p: &Path| {
            let Ok(c) = std::ffi::CString::new(p.as_os_str().as_bytes()) else {
                return true;
            };
            // SAFETY: a valid NUL-terminated path, alive across the call.
            let rc = unsafe { libc::access(c.as_ptr(), libc::W_OK) };
            rc == 0
                || !matches!(
                    std::io::Error::last_os_error().raw_os_error(),
                    Some(libc::EACCES) | Some(libc::EROFS) | Some(libc::EPERM)
                )
        };
        if !writable(dir) || (path.exists() && !writable(path)) {
            return Err(Error::ReadOnly(path.into()));
        }
    }
    let _ = (dir, path);
    Ok(())
}

/// Reads the key file, after checking that the vault file is there, is not a plain
/// SQLite file or something else entirely, and may be written; and that the key file
/// was made for this very file. Returns it with the vault's salt.
pub(super) fn read_keys(path: &Path) -> Result<(KeyFile, String)> {
    let salt = read_head(path)?;
    let kpath = keyfile::path_for(path);
    let keys = KeyFile::read(&kpath)?.ok_or(Error::KeyFileMissing(path.into(), kpath.clone()))?;
    // During a rekey the swapped-in file has a salt of its own.
    if keys.pending.is_none() && keys.salt.as_deref().is_some_and(|s| s != salt) {
        return Err(Error::KeyFileOtherVault(kpath));
    }
    Ok((keys, salt))
}

/// Opens with the key found; during an unfinished rekey the file may already hold
/// the other key, which the key file gives for this one. Returns the key in use.
pub(super) fn open_either(
    path: &Path,
    keys: &KeyFile,
    key: VaultKey,
) -> Result<(Connection, VaultKey)> {
    match open_keyed(path, &key, Some(&keys.vault_id)) {
        Err(Error::Damaged) if keys.pending.is_some() => {
            let other = keys.other_key(&key).ok_or(Error::Damaged)?;
            let conn = open_keyed(path, &other, Some(&keys.vault_id))?;
            Ok((conn, other))
        }
        other => other.map(|c| (c, key)),
    }
}

/// Creates the vault file (refusing one that appeared meanwhile), keys it, builds the
/// schema, then writes the key file. On failure both files are removed again; they
/// hold nothing yet.
pub(super) fn create_files(
    path: &Path,
    kpath: &Path,
    keys: &mut KeyFile,
    key: &VaultKey,
) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    crate::store::files::private_file(path, true).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => Error::VaultExists(path.into()),
        _ => Error::io(path, e),
    })?;
    let result = (|| {
        let conn = open_keyed(path, key, None)?;
        db::write_tx(&conn, |c| {
            c.execute(
                "INSERT INTO meta (key, value) VALUES ('vault_id', ?1), ('created_at', ?2)",
                (&keys.vault_id, calendar::now().to_string()),
            )?;
            Ok(())
        })?;
        // Asked of SQLCipher, never by opening the file again: closing a second
        // handle on the vault would drop this process's POSIX locks on it, and the
        // next process to close would delete the live WAL under us.
        let salt: String = conn.query_row("PRAGMA cipher_salt", [], |r| r.get(0))?;
        keys.salt = Some(salt.to_ascii_lowercase());
        keys.write(kpath)?;
        crate::store::files::sync_dir(path).map_err(|e| Error::io(path, e))?;
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

pub(super) fn wal_path(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Opens the file with the raw key and proves the key by reading the schema. Nothing
/// is written until the key is proven, the schema version is known to this build, and
/// (when given) the vault id inside matches the key file.
pub(super) fn open_keyed(
    path: &Path,
    key: &VaultKey,
    expect_id: Option<&str>,
) -> Result<Connection> {
    open_keyed_inner(path, key, expect_id).map_err(|e| match e {
        Error::ReadOnly(p) if p.as_os_str().is_empty() => Error::ReadOnly(path.into()),
        other => other,
    })
}

pub(super) fn open_keyed_inner(
    path: &Path,
    key: &VaultKey,
    expect_id: Option<&str>,
) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn =
        Connection::open_with_flags(path, flags).map_err(|e| match e.sqlite_error_code() {
            // Only a file that is really not there is "missing"; any other refusal to
            // open says what SQLite said.
            Some(rusqlite::ErrorCode::CannotOpen) if !path.exists() => {
                Error::VaultMissing(path.into())
            }
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
    if found > schema::SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found,
            known: schema::SCHEMA_VERSION,
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
    schema::migrate(&conn)?;
    Ok(conn)
}

/// Deletes the vault's key from the keyring on the way to passphrase mode (a change
/// of passphrase, a recovery or a restore with one). A locked keyring is a failure
/// the user can mend (unlock it, try again), so it is returned. A keyring service
/// that cannot be reached at all holds nothing any process can read now; that is a
/// failure only when the key is known to be there (`known_there`: the vault was in
/// keyring mode a moment ago, so the service was reachable then).
pub(super) fn forget_key(store: &dyn KeyStore, vault_id: &str, known_there: bool) -> Result<()> {
    match store.delete(vault_id) {
        Err(Error::KeyringUnavailable(_)) if !known_there => Ok(()),
        other => other,
    }
}
