//! The summary log of versions before the audit trail, adopted as the trail's first
//! lines when a vault is brought past migration 0005.

use rusqlite::Connection;

use super::trail::{record_at, Event};
use crate::ground::error::Result;
use crate::ground::ids::PersonId;
use crate::ground::vocab::Action;
use crate::store::db::write_tx;

/// The summary log of versions before the audit trail (migration 0002) becomes the
/// first entries of the chain, in its own order and times; run once, right after
/// migration 0005.
pub(crate) fn adopt_summary_log(conn: &Connection) -> Result<()> {
    write_tx(conn, |tx| {
        let rows: Vec<(i64, String, String, String, String, bool, String)> = tx
            .prepare(
                "SELECT made_at, action, date_from, date_to, level, all_notes, person_ids
                 FROM summary_log ORDER BY id",
            )?
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (at, action, from, to, level, all_notes, ids) in rows {
            let people: Vec<PersonId> = serde_json::from_str(&ids).unwrap_or_default();
            let action = if action == "print" {
                Action::Print
            } else {
                Action::Save
            };
            let e = Event::new(action, "summary")
                .people(&people)
                .detail(serde_json::json!({
                    "from": from, "to": to, "level": level, "all_notes": all_notes,
                    "people_count": people.len(), "via": "summary_log"
                }));
            record_at(tx, &e, at)?;
        }
        Ok(())
    })
}
