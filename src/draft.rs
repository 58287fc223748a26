//! Half-written forms, kept in the vault. The quick form saves itself here while
//! the user types, so a crash or a closed lid loses nothing, and no note ever sits
//! in browser storage or a temporary file.

use rusqlite::{Connection, OptionalExtension};

use crate::db::{self, write_tx};
use crate::error::Result;
use crate::text;

/// Replaces the draft under `key` (e.g. `"contact"`). An empty body removes it.
pub fn save(conn: &Connection, key: &str, body: &str) -> Result<()> {
    text::check_len("draft", body, 4 * text::NOTE_MAX)?;
    write_tx(conn, |c| {
        if body.is_empty() {
            c.execute("DELETE FROM draft WHERE key = ?1", [key])?;
        } else {
            c.execute(
                "INSERT INTO draft (key, body, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                (key, body, db::now()),
            )?;
        }
        Ok(())
    })
}

pub fn load(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT body FROM draft WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

pub fn clear(conn: &Connection, key: &str) -> Result<()> {
    save(conn, key, "")
}
