//! The connection: its settings, the schema version it reports, and the write
//! transaction every change runs in.
//!
//! Kept apart from the key handling in `vault` so that the same schema and queries
//! run on a plain SQLite file too; the benchmarks need that to show what encryption
//! costs. The app itself only ever opens keyed connections through `vault`.

pub use rusqlite::Connection;

use crate::ground::error::{Error, Result};

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
}
