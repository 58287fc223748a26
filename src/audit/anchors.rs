//! The log held against what was remembered of it outside the vault: the newest
//! line's number and hash, kept in the key file at every close and in every backup's
//! manifest. The chain alone cannot tell a log whose newest lines were cut by
//! someone holding the key from one that simply ends there; these anchors can.
//!
//! Two things move the log's end on purpose, and each leaves its own line: a prune
//! (the lines up to its cut go, its Prune line names the cut) and a restore of an
//! older backup (the line numbers the replaced vault had used are skipped, and a
//! Restore line on the log names the skipped numbers). An anchor inside either is no
//! gap.

use rusqlite::{Connection, OptionalExtension};

use super::trail::{record, Event};
use super::verify::{verify, Gap, Verification};
use crate::ground::error::Result;
use crate::ground::vocab::Action;
use crate::store::db::write_tx;
use crate::store::keys::LogHead;

/// The newest line of the log, `None` while it is empty.
pub fn head(conn: &Connection) -> Result<Option<LogHead>> {
    Ok(conn
        .query_row(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                Ok(LogHead {
                    line: r.get(0)?,
                    hash: r.get(1)?,
                })
            },
        )
        .optional()?)
}

/// After a restore of an older backup: the next line is numbered past `known` (the
/// newest line the replaced vault, its key file or any backup remembers), and a
/// line says which numbers were skipped, in one transaction. So the anchors of the
/// replaced vault's history stay explained, and no new line reuses a number an
/// anchor already names with another hash. Returns the skipped range, if any.
pub fn skip_past(conn: &Connection, known: i64) -> Result<Option<(i64, i64)>> {
    write_tx(conn, |tx| {
        let seq: i64 = tx
            .query_row(
                "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0);
        if known <= seq {
            return Ok(None);
        }
        tx.execute(
            "UPDATE sqlite_sequence SET seq = ?1 WHERE name = 'audit_log'",
            [known],
        )?;
        record(
            tx,
            &Event::new(Action::Restore, "audit_log").detail(serde_json::json!({
                "skipped_from": seq + 1, "skipped_through": known
            })),
        )?;
        Ok(Some((seq + 1, known)))
    })
}

/// [`verify`], and then the log against every anchor kept outside it: each must be a
/// line of the log with the same hash, or lie inside a prune's cut or a restore's
/// skipped numbers. The newest anchor that fails names the gap. A log whose start
/// was moved (the prune anchor) must have the Prune line that moved it there.
pub fn verify_against(conn: &Connection, anchors: &[LogHead]) -> Result<Verification> {
    let mut v = verify(conn)?;
    if !v.sound {
        return Ok(v);
    }
    let pruned = pruned_through(conn)?;
    if pruned > 0 && !prune_line_agrees(conn, pruned)? {
        return Ok(v.fail(pruned + 1, Gap::PruneUnlogged(pruned)));
    }
    let skipped = skipped(conn)?;
    let mut sorted: Vec<&LogHead> = anchors.iter().collect();
    sorted.sort_by_key(|a| std::cmp::Reverse(a.line));
    for a in sorted {
        if let Some((at, gap)) = check_one(conn, a, pruned, Some(&skipped))? {
            return Ok(v.fail(at, gap));
        }
    }
    v.anchors = anchors.len();
    Ok(v)
}

/// Whether the log still holds `anchor` (its line with its hash, or inside a
/// prune's cut or a restore's skipped numbers). A close that finds it does not keeps
/// the old anchor in the key file rather than writing the cut log's head over it:
/// the evidence stays until someone looks. At an ordinary close this is one lookup
/// by line number; the log is scanned for restores only when that line is not there.
pub fn anchor_holds(conn: &Connection, anchor: &LogHead) -> Result<bool> {
    let pruned = pruned_through(conn)?;
    Ok(check_one(conn, anchor, pruned, None)?.is_none())
}

/// Where the log fails `a`, if it does: the first line of the gap, and the gap.
/// `skipped` is read from the log when not given, and only when needed.
fn check_one(
    conn: &Connection,
    a: &LogHead,
    pruned: i64,
    skipped_known: Option<&[(i64, i64)]>,
) -> Result<Option<(i64, Gap)>> {
    if a.line <= pruned {
        return Ok(None);
    }
    let hash: Option<String> = conn
        .query_row("SELECT hash FROM audit_log WHERE id = ?1", [a.line], |r| {
            r.get(0)
        })
        .optional()?;
    if hash.as_deref() == Some(a.hash.as_str()) {
        return Ok(None);
    }
    let read;
    let skipped = match skipped_known {
        Some(s) => s,
        None => {
            read = skipped(conn)?;
            &read[..]
        }
    };
    if skipped.iter().any(|(f, t)| (*f..=*t).contains(&a.line)) {
        return Ok(None);
    }
    if hash.is_some() {
        return Ok(Some((a.line, Gap::Rewritten(a.line))));
    }
    let before: Option<i64> = conn.query_row(
        "SELECT max(id) FROM audit_log WHERE id < ?1",
        [a.line],
        |r| r.get(0),
    )?;
    let from = before.unwrap_or(pruned).max(pruned) + 1;
    Ok(Some((from, Gap::Cut { from, to: a.line })))
}

/// The line a prune cut through (0 when the log was never pruned).
fn pruned_through(conn: &Connection) -> Result<i64> {
    Ok(conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'audit_anchor_id'",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|s| s.parse().ok())
        .unwrap_or(0))
}

/// Whether the newest prune that removed lines says it cut through `through`.
fn prune_line_agrees(conn: &Connection, through: i64) -> Result<bool> {
    let named: Option<i64> = conn
        .query_row(
            "SELECT json_extract(detail, '$.through_id') FROM audit_log
             WHERE action = 'prune' AND outcome = 'ok'
               AND json_extract(detail, '$.through_id') IS NOT NULL
             ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    Ok(named == Some(through))
}

/// The line numbers restores skipped, as the log's own lines name them.
fn skipped(conn: &Connection) -> Result<Vec<(i64, i64)>> {
    let mut st = conn.prepare(
        "SELECT json_extract(detail, '$.skipped_from'), json_extract(detail, '$.skipped_through')
         FROM audit_log WHERE action = 'restore' AND object = 'audit_log' AND outcome = 'ok'",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows
        .collect::<rusqlite::Result<Vec<(Option<i64>, Option<i64>)>>>()?
        .into_iter()
        .filter_map(|(f, t)| Some((f?, t?)))
        .collect())
}
