//! Which backups to keep: the newest of each of the last days, weeks and months,
//! and the newest three always; the rest are removed after a new one is verified.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, SecondsFormat, Utc};

use super::model::{Backup, Counts, Found, Policy, MANIFEST_EXT};
use super::names::parse_name;
use super::names::read_manifest;
use super::names::with_suffix;
use super::verifying::open_read_only;
use crate::ground::error::{Error, Result};
use crate::vault::Vault;

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
    // `scan` gives them oldest first, same-second ones in the order they were made.
    out.reverse();
    Ok(out)
}

/// Files in `dir` named as this vault's backups, with when they were made and their
/// manifest (when there is one, and it is this vault's); oldest first, and those made
/// in one second in the order they were made.
pub(super) fn scan(dir: &Path, vault_id: &str) -> Result<Vec<Found>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::BackupFolderMissing(dir.into()))
        }
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut out = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some((made, seq)) = parse_name(&name, vault_id) else {
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
        out.push((made, seq, path, manifest));
    }
    out.sort_by_key(|a| (a.0, a.1));
    Ok(out
        .into_iter()
        .map(|(made, _, path, manifest)| (path, made, manifest))
        .collect())
}

/// Deletes what the policy does not keep, among this vault's verified backups. Runs
/// only right after a new verified backup (`made`), which is never deleted. Dates come
/// from a clock that may be wrong: a backup made under a clock set back would look
/// old and go at once, and files dated in the future (later than `now` and a day)
/// would push real ones out. So `made` always stays, and future-dated files are left
/// out of the choice: neither counted nor deleted.
pub(super) fn rotate(
    dir: &Path,
    vault_id: &str,
    policy: Policy,
    made: &Path,
    now: DateTime<Utc>,
) -> Result<Vec<PathBuf>> {
    let horizon = now + chrono::Duration::days(1);
    let found: Vec<_> = scan(dir, vault_id)?
        .into_iter()
        .filter(|(p, t, m)| p == made || (m.is_some() && *t <= horizon))
        .collect();
    let times: Vec<DateTime<Utc>> = found.iter().map(|(_, t, _)| *t).collect();
    let mut keep = plan(&times, policy);
    keep.extend(found.iter().position(|(p, _, _)| p == made));
    let mut gone = Vec::new();
    for (i, (path, _, _)) in found.iter().enumerate() {
        if !keep.contains(&i) {
            let _ = fs::remove_file(with_suffix(path, MANIFEST_EXT));
            fs::remove_file(path).map_err(|e| Error::io(path, e))?;
            gone.push(path.clone());
        }
    }
    if !gone.is_empty() {
        let _ = crate::store::files::sync_dir(&gone[0]);
    }
    Ok(gone)
}

/// Always kept, whatever the policy: the newest few, so that "Nu maken" twice on one
/// day, or a backup on close right after a mistake, never takes away the one made
/// just before.
pub(super) const KEEP_LAST: usize = 3;

/// Which backups to keep (indices into `made`, oldest first: of two made in one
/// second the later index is the newer), by the policy: always the newest
/// [`KEEP_LAST`]; then the newest of each of the last `daily` days that have a
/// backup, of the last `weekly` ISO weeks and of the last `monthly` months (in Dutch
/// time). Pure, so it is tested with any clock.
pub fn plan(made: &[DateTime<Utc>], policy: Policy) -> Vec<usize> {
    let mut order: Vec<usize> = (0..made.len()).collect();
    order.sort_by(|a, b| made[*b].cmp(&made[*a]).then(b.cmp(a)));
    let mut keep: Vec<usize> = order.iter().copied().take(KEEP_LAST).collect();
    let local = |i: usize| {
        made[i]
            .with_timezone(&crate::ground::calendar::ZONE)
            .date_naive()
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ways::backup::names::{parse_stamp, stamp};
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
        assert_eq!(parse_stamp(&stamp(t)), Some((t, 1)));
        assert_eq!(parse_stamp("2026-11-24T140000Z-2"), Some((t, 2)));
        assert_eq!(parse_stamp("2026-11-24T140000Z-10"), Some((t, 10)));
        assert_eq!(parse_stamp("2026-11-24T140000Z-x"), None);
        assert_eq!(parse_stamp("2026-11-24T140000Z-+3"), None);
        assert_eq!(parse_stamp("2026-11-24T140000Z-"), None);
        assert_eq!(parse_stamp("nonsense"), None);
    }
}
