//! The schema: the numbered, append-only migrations embedded at compile time, and the
//! one way to bring a vault up to date. A migration that needs Rust besides its SQL
//! (the summary log adopted into the audit trail) runs right after it.

use rusqlite::Connection;

use crate::audit;
use crate::ground::error::{Error, Result};
use crate::store::db::{schema_version, write_tx};

/// Embedded, numbered, append-only. Index + 1 is the schema version (`user_version`).
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_initial.sql"),
    include_str!("../../migrations/0002_summary_log.sql"),
    include_str!("../../migrations/0003_draft.sql"),
    include_str!("../../migrations/0004_ids_never_reused.sql"),
    include_str!("../../migrations/0005_audit_log.sql"),
    include_str!("../../migrations/0006_change_counter.sql"),
    include_str!("../../migrations/0007_circle_and_rhythm.sql"),
    include_str!("../../migrations/0008_whose.sql"),
    include_str!("../../migrations/0009_goals.sql"),
];

/// The newest schema this build knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to date, one migration per IMMEDIATE transaction, so a crash
/// leaves the file at a whole version. A file from a newer build is refused untouched.
///
/// Foreign keys are off while migrations run: rebuilding a table (SQLite's only way to
/// change a column or add AUTOINCREMENT) must not cascade deletes into the tables
/// that point at it. Each migration proves it left every reference whole
/// (`foreign_key_check`) before it commits.
pub fn migrate(conn: &Connection) -> Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Brings the schema up to `target` and no further: how tests build a vault as an
/// older version left it, to prove the next migration keeps its data.
#[doc(hidden)]
pub fn migrate_to(conn: &Connection, target: i64) -> Result<()> {
    let found = schema_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found,
            known: SCHEMA_VERSION,
        });
    }
    if found >= target {
        return Ok(());
    }
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.execute_batch("PRAGMA foreign_keys = OFF")?;
    let result: Result<()> = (|| {
        for (i, sql) in MIGRATIONS
            .iter()
            .enumerate()
            .take(target as usize)
            .skip(found as usize)
        {
            write_tx(conn, |c| {
                c.execute_batch(sql)?;
                let broken: i64 =
                    c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                        r.get(0)
                    })?;
                if broken > 0 {
                    return Err(Error::Damaged);
                }
                c.pragma_update(None, "user_version", (i + 1) as i64)?;
                Ok(())
            })?;
        }
        Ok(())
    })();
    if enforced {
        conn.execute_batch("PRAGMA foreign_keys = ON")?;
    }
    result?;
    // The audit trail's first entries are the summary log that came before it.
    if found < 5 && target >= 5 {
        audit::adopt_summary_log(conn)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_reach_the_newest_version_and_refuse_a_newer_file() {
        let c = Connection::open_in_memory().unwrap();
        migrate(&c).unwrap();
        assert_eq!(schema_version(&c).unwrap(), SCHEMA_VERSION);
        migrate(&c).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        assert!(matches!(migrate(&c), Err(Error::NewerSchema { .. })));
    }
}
