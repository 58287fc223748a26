//! Checking a backup, the restore drill: it opens read-only with the key, every
//! page's HMAC and SQLite's structure hold, and its rows are counted.

use std::fs;
use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::model::{Counts, Report};
use super::names::hash_file;
use super::names::read_manifest;
use crate::ground::error::{Error, Result};
use crate::store::db;
use crate::store::keys::{recovery, VaultKey};
use crate::vault::{Problem, Vault};

/// Reopens a backup read-only with `key` (no `-wal` or `-shm` appears beside it) and
/// checks it: every page's HMAC, SQLite's structure, references, and every table's
/// rows against the counts recorded inside when it was made.
pub(super) fn check_file(
    path: &Path,
    key: &VaultKey,
    lang: crate::ground::lang::Lang,
) -> Result<Report> {
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
                    crate::ground::lang::Lang::Nl => {
                        "het aantal rijen klopt niet met wat er bij het maken in stond".into()
                    }
                    crate::ground::lang::Lang::En => {
                        "the number of rows differs from what it held when it was made".into()
                    }
                });
            }
            Counts::from_tables(t)
        }
        (Ok(t), None) => {
            problems.push(match lang {
                crate::ground::lang::Lang::Nl => {
                    "dit bestand heeft geen back-upkop: het is geen Naast-back-up".into()
                }
                crate::ground::lang::Lang::En => {
                    "this file has no backup header: it is not a Naast backup".into()
                }
            });
            Counts::from_tables(t)
        }
        (Err(_), _) => {
            problems.push(match lang {
                crate::ground::lang::Lang::Nl => "de tabellen konden niet geteld worden".into(),
                crate::ground::lang::Lang::En => "the tables could not be counted".into(),
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
                    crate::ground::lang::Lang::Nl => {
                        "de controlesom klopt niet met het bijbehorende .json-bestand".into()
                    }
                    crate::ground::lang::Lang::En => {
                        "the checksum does not match its .json file".into()
                    }
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
pub(super) fn open_read_only(path: &Path, key: &VaultKey) -> Result<Connection> {
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
pub(super) fn foreign(path: &Path, key: &VaultKey) -> bool {
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

pub(super) fn read_head(path: &Path) -> Result<Vec<u8>> {
    let mut head = Vec::with_capacity(16);
    fs::File::open(path)
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .map_err(|e| Error::io(path, e))?;
    Ok(head)
}

/// The restore drill: checks a backup with this vault's key, read-only, and says
/// what it holds. The live vault is not touched.
pub fn verify(v: &Vault, file: &Path, lang: crate::ground::lang::Lang) -> Result<Report> {
    if crate::store::files::check_output(file, v.path()).is_err() {
        return Err(Error::NotABackup(file.into()));
    }
    check_file(file, v.key(), lang)
}

/// The restore drill with the recovery code, on a machine without the vault.
pub fn verify_with_code(
    file: &Path,
    code: &str,
    lang: crate::ground::lang::Lang,
) -> Result<Report> {
    let key = recovery::decode(code)?;
    check_file(file, &key, lang)
}
