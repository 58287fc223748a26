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

/// How far past the newest line a clock may be before a prune distrusts it: a year
/// without one line is not how this app is used; a clock set years ahead is.
const MAX_GAP: i64 = 366 * 24 * 3600;

/// How far before the newest line: a day (a clock put right by hand, a time zone).
const MAX_BACK: i64 = 24 * 3600;

/// Removes entries older than `years` (at least five) before `now`; the hash of the
/// last one removed becomes the anchor the chain starts from, and the prune itself
/// is logged. Returns how many went.
///
/// `now` is the machine's clock, and a clock can be wrong: set five years ahead it
/// would make every line look old. So a line goes only when it is old by the clock
/// *and* by the log itself: the time between each line and the next (and from the
/// newest to `now`) counts for at most [`MAX_GAP`], time going back counts nothing.
/// A clock that jumped (before the newest line, or more than [`MAX_GAP`] past it)
/// prunes nothing at all and is itself logged.
pub fn prune(conn: &Connection, now: i64, years: u32) -> Result<usize> {
    limits::check_range("years", years.into(), MIN_RETENTION_YEARS.into(), 100)?;
    let keep = i64::from(years) * 365 * 24 * 3600 + i64::from(years / 4) * 24 * 3600;
    let cut = now - keep;
    write_tx(conn, |tx| {
        let newest: Option<(i64, i64)> = tx
            .query_row(
                "SELECT id, at FROM audit_log ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((newest_id, newest_at)) = newest else {
            return Ok(0);
        };
        let jump = if now < newest_at - MAX_BACK {
            Some("back")
        } else if now > newest_at + MAX_GAP {
            Some("ahead")
        } else {
            None
        };
        if let Some(jump) = jump {
            record(
                tx,
                &Event::new(Action::Prune, "audit_log")
                    .refused()
                    .detail(serde_json::json!({
                        "clock": jump, "now": now, "newest_line": newest_id, "newest_at": newest_at
                    })),
            )?;
            return Ok(0);
        }
        // The cheap question first: is any line old by the clock at all?
        let any: Option<i64> = tx
            .query_row(
                "SELECT id FROM audit_log WHERE at < ?1 ORDER BY id DESC LIMIT 1",
                [cut],
                |r| r.get(0),
            )
            .optional()?;
        if any.is_none() {
            return Ok(0);
        }
        // Then the log's own age of each line: the gaps after it, each at most
        // MAX_GAP, never below zero.
        let last: Option<(i64, String)> = tx
            .query_row(
                "WITH g AS (
                     SELECT id, at, hash,
                            min(max(coalesce(lead(at) OVER (ORDER BY id), ?2) - at, 0), ?3) AS gap
                     FROM audit_log),
                 a AS (
                     SELECT id, at, hash,
                            sum(gap) OVER (ORDER BY id DESC ROWS UNBOUNDED PRECEDING) AS age
                     FROM g)
                 SELECT id, hash FROM a WHERE at < ?1 AND age >= ?4 ORDER BY id DESC LIMIT 1",
                (cut, now, MAX_GAP, keep),
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
