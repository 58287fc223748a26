//! Backup files by name: the default folder, the dated names, the plaintext
//! manifest beside each, and the clean-up of half-written ones.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::model::{Manifest, EXT, FORMAT, MANIFEST_EXT, PARTIAL_EXT};
use crate::ground::error::{Error, Result};

/// The default folder: `backups/` beside the vault.
pub fn default_folder(vault: &Path) -> PathBuf {
    vault
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

pub(super) fn read_manifest(backup: &Path) -> Option<Manifest> {
    let raw = fs::read(with_suffix(backup, MANIFEST_EXT)).ok()?;
    serde_json::from_slice::<Manifest>(&raw)
        .ok()
        .filter(|m| m.format == FORMAT)
}

pub(super) fn hash_file(path: &Path) -> Result<(String, u64)> {
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

pub(super) fn short_id(vault_id: &str) -> &str {
    vault_id.get(..8).unwrap_or(vault_id)
}

pub(super) fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H%M%SZ").to_string()
}

/// When a backup was made, by its name's stamp, and its place within that second:
/// 1 for the plain name, `n` for `Z-n` (see [`free_name`]). Two backups made in one
/// second (a "Nu maken" and a lock right after) are ordered by that number, never by
/// how their names happen to sort.
pub(super) fn parse_stamp(s: &str) -> Option<(DateTime<Utc>, u32)> {
    let (base, seq) = match s.split_once("Z-") {
        Some((b, n)) if !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()) => {
            (b, n.parse::<u32>().ok().filter(|n| *n >= 2)?)
        }
        Some(_) => return None,
        None => (s.strip_suffix('Z')?, 1),
    };
    chrono::NaiveDateTime::parse_from_str(base, "%Y-%m-%dT%H%M%S")
        .ok()
        .map(|n| (n.and_utc(), seq))
}

/// When this vault's backup named `name` was made, and its number in that second
/// (see [`parse_stamp`]); `None` for any other file.
pub(super) fn parse_name(name: &str, vault_id: &str) -> Option<(DateTime<Utc>, u32)> {
    let tail = format!("-{}{EXT}", short_id(vault_id));
    parse_stamp(name.strip_prefix("naast-")?.strip_suffix(&tail)?)
}

pub(super) fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// `naast-2026-11-24T140200Z-ab12cd34.naastbackup`, or with `Z-2` … when that
/// second already has one. The number goes past the highest of that second still
/// there, never back into a gap the rotation left, so that it keeps telling the
/// order in which they were made.
pub(super) fn free_name(dir: &Path, vault_id: &str, now: DateTime<Utc>) -> PathBuf {
    let id = short_id(vault_id);
    let base = stamp(now);
    let tail = format!("-{id}{EXT}");
    let second = parse_stamp(&base).map(|(t, _)| t);
    let highest = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let (made, seq) =
                parse_name(name.strip_suffix(PARTIAL_EXT).unwrap_or(&name), vault_id)?;
            (Some(made) == second).then_some(seq)
        })
        .max();
    match highest {
        None => dir.join(format!("naast-{base}{tail}")),
        Some(n) => dir.join(format!("naast-{base}-{}{tail}", n.saturating_add(1))),
    }
}

/// Removes what an interrupted backup of this vault left in `dir`.
pub(super) fn clean_partials(dir: &Path, vault_id: &str) {
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

pub(super) fn remove_all(partial: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = fs::remove_file(with_suffix(partial, suffix));
    }
}

pub(super) fn with_suffix(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}
