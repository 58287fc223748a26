//! Keeping the log no longer than the law asks: lines older than the retention period
//! go, the hash at the cut becomes the anchor the chain starts from, and the prune
//! writes its own line.

use rusqlite::{Connection, OptionalExtension};

use super::trail::{record, Event};
use crate::ground::error::Result;
use crate::ground::limits;
use crate::ground::vocab::Action;
use crate::store::db::write_tx;

/// The NEN 7513 minimum, and the default.
pub const MIN_RETENTION_YEARS: u32 = 5;

/// Removes entries older than `years` (at least five) before `now`; the hash of the
/// last one removed becomes the anchor the chain starts from, and the prune itself
/// is logged. Returns how many went.
pub fn prune(conn: &Connection, now: i64, years: u32) -> Result<usize> {
    limits::check_range("years", years.into(), MIN_RETENTION_YEARS.into(), 100)?;
    let cut = now - i64::from(years) * 365 * 24 * 3600 - i64::from(years / 4) * 24 * 3600;
    write_tx(conn, |tx| {
        let last: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, hash FROM audit_log WHERE at < ?1 ORDER BY id DESC LIMIT 1",
                [cut],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((id, hash)) = last else {
            return Ok(0);
        };
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('audit_prune', '1')
             ON CONFLICT (key) DO UPDATE SET value = '1'",
            [],
        )?;
        let n = tx.execute("DELETE FROM audit_log WHERE id <= ?1", [id])?;
        tx.execute("DELETE FROM meta WHERE key = 'audit_prune'", [])?;
        for (k, v) in [("audit_anchor", hash), ("audit_anchor_id", id.to_string())] {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (k, v),
            )?;
        }
        record(
            tx,
            &Event::new(Action::Prune, "audit_log").detail(serde_json::json!({
                "removed": n, "through_id": id, "years": years
            })),
        )?;
        Ok(n)
    })
}
