//! Half-written forms, kept in the vault. The quick form saves itself here while
//! the user types, so a crash or a closed lid loses nothing, and no note ever sits
//! in browser storage or a temporary file.
//!
//! A draft is tied to what it is about, so it never outlives it: the draft of an edit
//! belongs to its contact (deleted with it), and every draft knows the people it
//! names (deleted when one of them is erased). The body is the form's own JSON; the
//! core does not read it.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::ground::calendar;
use crate::ground::error::{Error, Result};
use crate::ground::ids::{ContactId, PersonId};
use crate::ground::limits;
use crate::store::db::write_tx;

/// A draft as it comes back: what was typed, and when (unix seconds), so the form can
/// say how old it is.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Draft {
    pub body: String,
    pub updated_at: i64,
}

/// `None`: the form for a new contact; `Some(id)`: the edit of that contact.
fn key(contact: Option<ContactId>) -> String {
    match contact {
        None => "contact".into(),
        Some(id) => format!("contact-{id}"),
    }
}

/// Replaces the draft of the new-contact form (`contact: None`) or of the edit of one
/// contact. An empty body removes it. `persons` are the people the form names.
pub fn save(
    conn: &Connection,
    contact: Option<ContactId>,
    body: &str,
    persons: &[PersonId],
) -> Result<()> {
    limits::check_len("draft", body, 4 * limits::NOTE_MAX)?;
    let key = key(contact);
    write_tx(conn, |c| {
        if body.is_empty() {
            c.execute("DELETE FROM draft WHERE key = ?1", [&key])?;
            return Ok(());
        }
        if let Some(id) = contact {
            crate::records::contact::exists(c, id)?;
        }
        c.execute(
            "INSERT INTO draft (key, body, updated_at, contact_id) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            (&key, body, calendar::now(), contact),
        )?;
        c.execute("DELETE FROM draft_person WHERE draft_key = ?1", [&key])?;
        let mut link = c.prepare_cached(
            "INSERT OR IGNORE INTO draft_person (draft_key, person_id)
             SELECT ?1, id FROM person WHERE id = ?2",
        )?;
        for p in persons {
            link.execute((&key, p))?;
        }
        Ok(())
    })
}

pub fn load(conn: &Connection, contact: Option<ContactId>) -> Result<Option<Draft>> {
    Ok(conn
        .query_row(
            "SELECT body, updated_at FROM draft WHERE key = ?1",
            [key(contact)],
            |r| {
                Ok(Draft {
                    body: r.get(0)?,
                    updated_at: r.get(1)?,
                })
            },
        )
        .optional()?)
}

pub fn clear(conn: &Connection, contact: Option<ContactId>) -> Result<()> {
    save(conn, contact, "", &[])
}

/// Removes every draft that names this person; the caller holds the transaction.
pub(crate) fn forget_person(tx: &Connection, person: PersonId) -> Result<()> {
    tx.execute(
        "DELETE FROM draft WHERE key IN (SELECT draft_key FROM draft_person WHERE person_id = ?1)",
        [person],
    )
    .map(|_| ())
    .map_err(Error::from)
}
