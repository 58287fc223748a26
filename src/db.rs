//! The connection: settings, migrations and the write transaction.
//!
//! Kept apart from the key handling in `vault` so that the same schema and queries
//! run on a plain SQLite file too; the benchmarks need that to show what encryption
//! costs. The app itself only ever opens keyed connections through `vault`.

pub use rusqlite::Connection;

use crate::error::{Error, Result};

/// Embedded, numbered, append-only. Index + 1 is the schema version (`user_version`).
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_summary_log.sql"),
    include_str!("../migrations/0003_draft.sql"),
    include_str!("../migrations/0004_ids_never_reused.sql"),
    include_str!("../migrations/0005_audit_log.sql"),
    include_str!("../migrations/0006_change_counter.sql"),
    include_str!("../migrations/0007_circle_and_rhythm.sql"),
];

/// The newest schema this build knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a second process waits for the write lock before it is told, clearly,
/// that the vault is busy.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// SQLCipher logs failed HMAC checks to stderr by default, so a wrong key or a
/// damaged page would print noise next to our one clear line. Its log level is reset
/// when a connection is first keyed, so this runs right after `PRAGMA key`.
pub(crate) fn silence_sqlcipher_log(conn: &Connection) -> Result<()> {
    conn.execute_batch("PRAGMA cipher_log_level = NONE; PRAGMA cipher_log = off;")?;
    Ok(())
}

/// Durability and hygiene settings, applied after the key is proven and before the
/// first write. `synchronous = FULL` in WAL mode syncs the log at every commit, so a
/// save that returned success survives a crash and a power cut. The 32 MiB page
/// cache matters more here than for plain SQLite: a page read back from the OS cache
/// costs a decryption and an HMAC check every time it leaves SQLite's own cache.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Db(rusqlite::Error::InvalidQuery));
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA temp_store = MEMORY;
         PRAGMA secure_delete = ON;
         PRAGMA foreign_keys = ON;
         PRAGMA cache_size = -32768;",
    )?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// The schema version written in the file; reading it does not write.
pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

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
        crate::audit::adopt_summary_log(conn)?;
    }
    Ok(())
}

/// Runs `f` inside `BEGIN IMMEDIATE … COMMIT`. IMMEDIATE takes the write lock up
/// front, so two writers never deadlock halfway; any error (or panic) in `f` rolls
/// everything back and leaves the connection usable. Not re-entrant: `f` must not
/// call `write_tx` itself.
pub fn write_tx<T>(conn: &Connection, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let guard = Rollback(conn);
    let value = f(conn)?;
    conn.execute_batch("COMMIT")?;
    std::mem::forget(guard);
    Ok(value)
}

struct Rollback<'a>(&'a Connection);

impl Drop for Rollback<'_> {
    fn drop(&mut self) {
        if !self.0.is_autocommit() {
            let _ = self.0.execute_batch("ROLLBACK");
        }
    }
}

/// Now, as unix seconds.
pub(crate) fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mem() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch("CREATE TABLE t (x INTEGER)").unwrap();
        c
    }

    fn count(c: &Connection) -> i64 {
        c.query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn write_tx_commits_on_success() {
        let c = mem();
        write_tx(&c, |c| Ok(c.execute("INSERT INTO t VALUES (1)", [])?)).unwrap();
        assert_eq!(count(&c), 1);
        assert!(c.is_autocommit());
    }

    #[test]
    fn write_tx_rolls_back_on_error_and_connection_stays_usable() {
        let c = mem();
        let r: Result<()> = write_tx(&c, |c| {
            c.execute("INSERT INTO t VALUES (1)", [])?;
            Err(Error::Busy)
        });
        assert!(r.is_err());
        assert_eq!(count(&c), 0);
        assert!(c.is_autocommit());
        write_tx(&c, |c| Ok(c.execute("INSERT INTO t VALUES (2)", [])?)).unwrap();
        assert_eq!(count(&c), 1);
    }

    #[test]
    fn write_tx_rolls_back_on_panic() {
        let c = mem();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = write_tx(&c, |c| -> Result<()> {
                c.execute("INSERT INTO t VALUES (1)", [])?;
                panic!("boom");
            });
        }));
        assert!(r.is_err());
        assert!(c.is_autocommit());
        assert_eq!(count(&c), 0);
    }

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
