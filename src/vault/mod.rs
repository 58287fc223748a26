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
mod rekey;

pub(crate) use rekey::counts as table_counts;

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
    /// Close without the planner update (see `rekey`).
    quiet_close: bool,
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
    fn assemble(conn: Connection, path: PathBuf, keys: KeyFile, key: VaultKey) -> Vault {
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
        let id = key::new_vault_id()?;
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
                (k, used.clone())
            }
        };
        match new_passphrase {
            Some(p) => keys.set_passphrase(&stored, p)?,
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

    /// Sets or changes the passphrase, and so moves a keyring vault to passphrase
    /// mode. Only the key file changes; the vault file is not re-encrypted. The
    /// keyring entry is deleted afterwards: a vault "protected by a passphrase"
    /// whose key still sits in the keyring opens for any process of the user.
    pub fn set_passphrase(&mut self, store: &dyn KeyStore, passphrase: &str) -> Result<()> {
        let mut keys = self.keys.clone();
        keys.set_passphrase(&self.key, passphrase)?;
        keys.write(&keyfile::path_for(&self.path))?;
        self.keys = keys;
        store.delete(&self.keys.vault_id)?;
        self.log_key("passphrase")
    }

    /// A line in the audit log for a change of the key or how it is kept.
    fn log_key(&self, what: &str) -> Result<()> {
        crate::audit::log(
            &self.conn,
            &crate::audit::Event::new(crate::audit::Action::Key, "vault")
                .detail(serde_json::json!({ "change": what })),
        )
        .map(|_| ())
    }

    /// Moves a passphrase vault to keyring mode.
    pub fn use_keyring(&mut self, store: &dyn KeyStore) -> Result<()> {
        put_in_keyring(store, &self.keys.vault_id, &self.key)?;
        let mut keys = self.keys.clone();
        keys.mode = KeyMode::Keyring;
        keys.passphrase = None;
        keys.write(&keyfile::path_for(&self.path))?;
        self.keys = keys;
        self.log_key("keyring")
    }

    /// Records who opened or locked the vault (the app calls these; every command
    /// of the command line logs its own action instead).
    pub fn log_access(&self, action: crate::audit::Action) -> Result<()> {
        crate::audit::log(&self.conn, &crate::audit::Event::new(action, "vault")).map(|_| ())
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

    /// Checks every page's HMAC, SQLite's own structure, foreign keys and the search
    /// index. Returns the problems found; empty means sound. A check that cannot even
    /// run (a page too damaged to read) is itself a problem, never an error of the
    /// command.
    pub fn verify(&self) -> Result<Vec<Problem>> {
        Ok(check(&self.conn, true))
    }

    /// A second, read-only connection to the same vault, for work that must not
    /// hold up the app's own (the check after unlocking). Through SQLite, never a
    /// second handle of our own on the file (see `create_files`).
    pub fn reader(&self) -> Result<Reader> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.execute_batch(&self.key.pragma())?;
        db::silence_sqlcipher_log(&conn)?;
        conn.execute_batch("PRAGMA temp_store = MEMORY;")?;
        Ok(Reader { conn })
    }
}

/// See [`Vault::reader`].
pub struct Reader {
    conn: Connection,
}

impl Reader {
    /// Every page's HMAC and SQLite's structure (the search index check needs a
    /// write transaction, so it is left to `Vault::verify`).
    pub fn verify(&self) -> Vec<Problem> {
        check(&self.conn, false)
    }

    /// [`Reader::verify`] on a thread of its own that yields to everything else:
    /// the check after unlocking reads every page (half a minute of a core at a
    /// million contacts), and searching and saving meanwhile must not wait for it.
    /// `done` gets the problems found, on that thread.
    pub fn verify_in_background(
        self,
        done: impl FnOnce(Vec<Problem>) + Send + 'static,
    ) -> std::thread::JoinHandle<()> {
        std::thread::spawn(move || {
            yield_to_the_user();
            done(self.verify())
        })
    }
}

/// Makes the calling thread an idle one, for CPU and disk: it runs when nothing
/// else wants the core or the disk. Measured at 1,000,000 contacts on 2 cores, a
/// search during the check after unlocking took 110 ms (median) at normal priority.
/// Best effort: where the OS refuses, the check runs as before.
fn yield_to_the_user() {
    #[cfg(target_os = "linux")]
    {
        let param = libc::sched_param { sched_priority: 0 };
        // SAFETY: pid 0 is the calling thread; `param` is valid for the call.
        let _ = unsafe { libc::sched_setscheduler(0, libc::SCHED_IDLE, &param) };
        // IOPRIO_WHO_PROCESS (1) with id 0 is the calling thread; the idle class (3)
        // sits in the top bits. No libc wrapper exists for ioprio_set.
        // SAFETY: a plain syscall with integer arguments.
        let _ = unsafe { libc::syscall(libc::SYS_ioprio_set, 1, 0, 3 << 13) };
    }
}

/// Every page's HMAC: the one check that needs no b-tree, run beside the others.
pub(crate) fn check_encryption(c: &Connection) -> Vec<Problem> {
    run_check(c, Area::Encryption, "PRAGMA cipher_integrity_check", None)
}

/// SQLite's own structure and the references between rows.
pub(crate) fn check_structure(c: &Connection) -> Vec<Problem> {
    let mut p = run_check(c, Area::Structure, "PRAGMA integrity_check", Some("ok"));
    p.extend(run_check(
        c,
        Area::References,
        "PRAGMA foreign_key_check",
        None,
    ));
    p
}

/// One check's rows as problems; a check that cannot even run (a page too damaged
/// to read) is itself a problem, never an error of the command.
fn run_check(c: &Connection, area: Area, sql: &str, ok: Option<&str>) -> Vec<Problem> {
    let rows = || -> rusqlite::Result<Vec<String>> {
        let mut st = c.prepare(sql)?;
        let out = st
            .query_map([], |r| r.get::<_, Option<String>>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(out.into_iter().flatten().collect())
    };
    match rows() {
        Ok(found) => found
            .into_iter()
            .filter(|r| Some(r.as_str()) != ok)
            .map(|r| Problem::from_row(area, &r))
            .collect(),
        Err(_) => vec![Problem {
            area,
            page: None,
            detail: None,
        }],
    }
}

/// The checks of [`Vault::verify`].
fn check(c: &Connection, search_index: bool) -> Vec<Problem> {
    let mut problems = check_encryption(c);
    problems.extend(check_structure(c));
    if search_index {
        for fts in ["contact_fts", "bridge_fts"] {
            let sql = format!("INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)");
            if c.execute(&sql, []).is_err() {
                problems.push(Problem {
                    area: Area::Search,
                    page: None,
                    detail: None,
                });
            }
        }
    }
    problems
}

/// Which part of the vault a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    /// A page whose HMAC does not match: damaged, or changed outside Naast.
    Encryption,
    /// SQLite's own structure (b-trees, indexes).
    Structure,
    /// A row pointing at something that is not there.
    References,
    /// The search index.
    Search,
}

/// One problem `verify` found, in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub area: Area,
    /// The page, where the check names one.
    pub page: Option<u64>,
    /// SQLite's own words, for a bug report; `None` when the check could not run.
    pub detail: Option<String>,
}

impl Problem {
    fn from_row(area: Area, row: &str) -> Problem {
        let page = row
            .rsplit(|c: char| !c.is_ascii_digit())
            .find(|w| !w.is_empty())
            .and_then(|n| n.parse().ok());
        Problem {
            area,
            page: if area == Area::Encryption { page } else { None },
            detail: Some(row.to_string()),
        }
    }

    /// One line: where, and what it means.
    pub fn describe(&self, lang: crate::Lang) -> String {
        use crate::Lang::{En, Nl};
        let what = match (self.area, lang) {
            (Area::Encryption, Nl) => {
                "de controlecode van deze pagina klopt niet (beschadigd of buiten Naast veranderd)"
            }
            (Area::Encryption, En) => {
                "this page's check code does not match (damaged, or changed outside Naast)"
            }
            (Area::Structure, Nl) => "de opbouw van het bestand klopt niet",
            (Area::Structure, En) => "the file's structure is not sound",
            (Area::References, Nl) => "een verwijzing wijst naar iets dat er niet is",
            (Area::References, En) => "a reference points at something that is not there",
            (Area::Search, Nl) => "de zoekindex klopt niet",
            (Area::Search, En) => "the search index is not sound",
        };
        let unreadable = match lang {
            Nl => " (dit deel kon niet gelezen worden)",
            En => " (this part could not be read)",
        };
        match (self.page, lang, &self.detail) {
            (Some(p), Nl, _) => format!("pagina {p}: {what}"),
            (Some(p), En, _) => format!("page {p}: {what}"),
            (None, _, None) => format!("{what}{unreadable}"),
            (None, _, Some(d)) => format!("{what}: {d}"),
        }
    }
}

impl Drop for Vault {
    /// Lets SQLite refresh its planner statistics, as its docs advise before closing,
    /// but only when this session wrote something: a command that was refused, or
    /// only read, leaves the file byte-for-byte as it found it.
    fn drop(&mut self) {
        if self.conn.total_changes() > 0 && !self.quiet_close {
            let _ = self.conn.execute_batch("PRAGMA optimize;");
        }
    }
}

/// Moves a key file that does not belong to this vault out of the way, under a dated
/// name beside it: it may be the only copy of another vault's key slot.
fn set_aside(kpath: &Path) -> Result<()> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut aside = kpath.as_os_str().to_owned();
    aside.push(format!(".vorige-{stamp}"));
    fs::rename(kpath, &aside).map_err(|e| Error::io(kpath, e))
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

/// The vault file's first 16 bytes, hex: SQLCipher's salt. Refuses a missing file,
/// a plain SQLite file and anything too short to be a vault.
fn read_head(path: &Path) -> Result<String> {
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
fn check_writable(dir: &Path, path: &Path) -> Result<()> {
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
fn read_keys(path: &Path) -> Result<(KeyFile, String)> {
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
fn open_either(path: &Path, keys: &KeyFile, key: VaultKey) -> Result<(Connection, VaultKey)> {
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
fn create_files(
    path: &Path,
    kpath: &Path,
    keys: &mut KeyFile,
    key: &VaultKey,
) -> Result<Connection> {
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
        // Asked of SQLCipher, never by opening the file again: closing a second
        // handle on the vault would drop this process's POSIX locks on it, and the
        // next process to close would delete the live WAL under us.
        let salt: String = conn.query_row("PRAGMA cipher_salt", [], |r| r.get(0))?;
        keys.salt = Some(salt.to_ascii_lowercase());
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
    open_keyed_inner(path, key, expect_id).map_err(|e| match e {
        Error::ReadOnly(p) if p.as_os_str().is_empty() => Error::ReadOnly(path.into()),
        other => other,
    })
}

fn open_keyed_inner(path: &Path, key: &VaultKey, expect_id: Option<&str>) -> Result<Connection> {
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
