//! Erasing a person, the right to be forgotten: everything only about them goes, in
//! one transaction, with the freed pages overwritten. It reaches across every record
//! kind, so it sits above them all.

use rusqlite::Connection;

use crate::audit::{self, Event};
use crate::ground::error::Result;
use crate::ground::ids::PersonId;
use crate::ground::vocab::Action;
use crate::records::{draft, person};
use crate::store::db::write_tx;

/// Erases a person completely: their circle, consents, bridge notes, check-ins, their
/// own plan (goals, ratings, history, links to contacts: gone with the person row),
/// and every contact that involved only them. A group contact that also involved others
/// stays, without this person and without what was only theirs (a signal about them,
/// their own words, their check-in). `secure_delete` overwrites the freed pages, and the
/// search index drops the words (FTS5 secure-delete). Returns the contacts removed.
pub fn erase(conn: &Connection, id: PersonId) -> Result<usize> {
    let removed = write_tx(conn, |c| {
        person::get(c, id)?;
        draft::forget_person(c, id)?;
        // The record of printed summaries keeps the event, not who was in it.
        c.execute(
            "UPDATE summary_log SET person_ids =
                 (SELECT json_group_array(value) FROM json_each(summary_log.person_ids) WHERE value <> ?1)
             WHERE EXISTS (SELECT 1 FROM json_each(summary_log.person_ids) WHERE value = ?1)",
            [id],
        )?;
        let removed = c.execute(
            "DELETE FROM contact WHERE id IN (
                 SELECT contact_id FROM contact_person WHERE person_id = ?1
                 EXCEPT SELECT contact_id FROM contact_person WHERE person_id <> ?1)",
            [id],
        )?;
        // In a group contact that stays, a signal, own words or a check-in that was
        // only theirs goes with them.
        for (flag, clear) in [
            ("signal", "signal = 0, signal_note = ''"),
            ("own_words", "own_words = ''"),
            ("checkin", "follow_up = NULL"),
        ] {
            c.execute(
                &format!(
                    "UPDATE contact SET {clear} WHERE id IN (
                         SELECT contact_id FROM contact_person WHERE person_id = ?1 AND {flag} = 1
                         EXCEPT SELECT contact_id FROM contact_person WHERE person_id <> ?1 AND {flag} = 1)"
                ),
                [id],
            )?;
        }
        // Logged while the code can still be looked up; the line outlives the person
        // and names them by code only.
        audit::record(
            c,
            &Event::new(Action::Erase, "person")
                .id(id)
                .person(id)
                .detail(serde_json::json!({ "contacts_removed": removed })),
        )?;
        c.execute("DELETE FROM person WHERE id = ?1", [id])?;
        Ok(removed)
    })?;
    // Move the overwritten pages out of the log into the file, and empty the log.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(removed)
}
