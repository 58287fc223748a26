//! Checking the vault: every page's HMAC, SQLite's own structure, the references
//! between rows and the search index, in words a person can act on.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rusqlite::{Connection, OpenFlags};

use super::open::Vault;
use crate::ground::error::Result;
use crate::store::db;

impl Vault {
    /// Checks every page's HMAC, SQLite's own structure, foreign keys and the search
    /// index. Returns the problems found; empty means sound. A check that cannot even
    /// run (a page too damaged to read) is itself a problem, never an error of the
    /// command.
    pub fn verify(&self) -> Result<Vec<Problem>> {
        Ok(check(&self.conn, true))
    }

    /// A second, read-only connection to the same vault, for work that must not
    /// hold up the app's own (the check after unlocking). Through SQLite, never a
    /// second handle of our own on the file (see `create_files`).
    pub fn reader(&self) -> Result<Reader> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.execute_batch(&self.key.pragma())?;
        db::silence_sqlcipher_log(&conn)?;
        conn.execute_batch("PRAGMA temp_store = MEMORY;")?;
        Ok(Reader {
            conn,
            stopped: Default::default(),
        })
    }
}

/// See [`Vault::reader`].
pub struct Reader {
    conn: Connection,
    stopped: Arc<AtomicBool>,
}

/// Stops a [`Reader`]'s work from another thread: the vault locked, and the
/// reader's connection (which holds the key) must close now, not when a check of
/// half a minute is done. The running statement is interrupted, no further one
/// starts, and a stopped check reports nothing.
pub struct Stopper {
    interrupt: rusqlite::InterruptHandle,
    stopped: Arc<AtomicBool>,
}

impl Stopper {
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        self.interrupt.interrupt();
    }
}

impl Reader {
    /// Every page's HMAC and SQLite's structure (the search index check needs a
    /// write transaction, so it is left to `Vault::verify`); one statement at a
    /// time, none after [`Stopper::stop`].
    pub fn verify(&self) -> Vec<Problem> {
        let steps: [(Area, &str, Option<&str>); 3] = [
            (Area::Encryption, "PRAGMA cipher_integrity_check", None),
            (Area::Structure, "PRAGMA integrity_check", Some("ok")),
            (Area::References, "PRAGMA foreign_key_check", None),
        ];
        let mut problems = vec![];
        for (area, sql, ok) in steps {
            if self.stopped.load(Ordering::SeqCst) {
                break;
            }
            problems.extend(run_check(&self.conn, area, sql, ok));
        }
        problems
    }

    /// What stops this reader from another thread.
    pub fn stopper(&self) -> Stopper {
        Stopper {
            interrupt: self.conn.get_interrupt_handle(),
            stopped: self.stopped.clone(),
        }
    }

    /// [`Reader::verify`] on a thread of its own that yields to everything else:
    /// the check after unlocking reads every page (half a minute of a core at a
    /// million contacts), and searching and saving meanwhile must not wait for it.
    /// `done` gets the problems found, on that thread; a stopped check calls
    /// nothing. The key leaves memory with the connection when the thread ends.
    pub fn verify_in_background(
        self,
        done: impl FnOnce(Vec<Problem>) + Send + 'static,
    ) -> std::thread::JoinHandle<()> {
        std::thread::spawn(move || {
            yield_to_the_user();
            let problems = self.verify();
            // Stopped: the check did not run to its end, so it found nothing to tell.
            if !self.stopped.load(Ordering::SeqCst) {
                done(problems)
            }
        })
    }
}

/// Makes the calling thread an idle one, for CPU and disk: it runs when nothing
/// else wants the core or the disk. Measured at 1,000,000 contacts on 2 cores, a
/// search during the check after unlocking took 110 ms (median) at normal priority.
/// Best effort: where the OS refuses, the check runs as before.
fn yield_to_the_user() {
    #[cfg(target_os = "linux")]
    {
        let param = libc::sched_param { sched_priority: 0 };
        // SAFETY: pid 0 is the calling thread; `param` is valid for the call.
        let _ = unsafe { libc::sched_setscheduler(0, libc::SCHED_IDLE, &param) };
        // IOPRIO_WHO_PROCESS (1) with id 0 is the calling thread; the idle class (3)
        // sits in the top bits. No libc wrapper exists for ioprio_set.
        // SAFETY: a plain syscall with integer arguments.
        let _ = unsafe { libc::syscall(libc::SYS_ioprio_set, 1, 0, 3 << 13) };
    }
}

/// Every page's HMAC: the one check that needs no b-tree, run beside the others.
pub(crate) fn check_encryption(c: &Connection) -> Vec<Problem> {
    run_check(c, Area::Encryption, "PRAGMA cipher_integrity_check", None)
}

/// SQLite's own structure and the references between rows.
pub(crate) fn check_structure(c: &Connection) -> Vec<Problem> {
    let mut p = run_check(c, Area::Structure, "PRAGMA integrity_check", Some("ok"));
    p.extend(run_check(
        c,
        Area::References,
        "PRAGMA foreign_key_check",
        None,
    ));
    p
}

/// One check's rows as problems; a check that cannot even run (a page too damaged
/// to read) is itself a problem, never an error of the command.
fn run_check(c: &Connection, area: Area, sql: &str, ok: Option<&str>) -> Vec<Problem> {
    let rows = || -> rusqlite::Result<Vec<String>> {
        let mut st = c.prepare(sql)?;
        let out = st
            .query_map([], |r| r.get::<_, Option<String>>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(out.into_iter().flatten().collect())
    };
    match rows() {
        Ok(found) => found
            .into_iter()
            .filter(|r| Some(r.as_str()) != ok)
            .map(|r| Problem::from_row(area, &r))
            .collect(),
        Err(_) => vec![Problem {
            area,
            page: None,
            detail: None,
        }],
    }
}

/// The checks of [`Vault::verify`].
fn check(c: &Connection, search_index: bool) -> Vec<Problem> {
    let mut problems = check_encryption(c);
    problems.extend(check_structure(c));
    if search_index {
        for fts in ["contact_fts", "bridge_fts"] {
            let sql = format!("INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)");
            if c.execute(&sql, []).is_err() {
                problems.push(Problem {
                    area: Area::Search,
                    page: None,
                    detail: None,
                });
            }
        }
    }
    problems
}

/// Which part of the vault a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    /// A page whose HMAC does not match: damaged, or changed outside Naast.
    Encryption,
    /// SQLite's own structure (b-trees, indexes).
    Structure,
    /// A row pointing at something that is not there.
    References,
    /// The search index.
    Search,
}

/// One problem `verify` found, in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub area: Area,
    /// The page, where the check names one.
    pub page: Option<u64>,
    /// SQLite's own words, for a bug report; `None` when the check could not run.
    pub detail: Option<String>,
}

impl Problem {
    fn from_row(area: Area, row: &str) -> Problem {
        let page = row
            .rsplit(|c: char| !c.is_ascii_digit())
            .find(|w| !w.is_empty())
            .and_then(|n| n.parse().ok());
        Problem {
            area,
            page: if area == Area::Encryption { page } else { None },
            detail: Some(row.to_string()),
        }
    }

    /// One line: where, and what it means.
    pub fn describe(&self, lang: crate::ground::lang::Lang) -> String {
        use crate::ground::lang::Lang::{En, Nl};
        let what = match (self.area, lang) {
            (Area::Encryption, Nl) => {
                "de controlecode van deze pagina klopt niet (beschadigd of buiten Naast veranderd)"
            }
            (Area::Encryption, En) => {
                "this page's check code does not match (damaged, or changed outside Naast)"
            }
            (Area::Structure, Nl) => "de opbouw van het bestand klopt niet",
            (Area::Structure, En) => "the file's structure is not sound",
            (Area::References, Nl) => "een verwijzing wijst naar iets dat er niet is",
            (Area::References, En) => "a reference points at something that is not there",
            (Area::Search, Nl) => "de zoekindex klopt niet",
            (Area::Search, En) => "the search index is not sound",
        };
        let unreadable = match lang {
            Nl => " (dit deel kon niet gelezen worden)",
            En => " (this part could not be read)",
        };
        match (self.page, lang, &self.detail) {
            (Some(p), Nl, _) => format!("pagina {p}: {what}"),
            (Some(p), En, _) => format!("page {p}: {what}"),
            (None, _, None) => format!("{what}{unreadable}"),
            (None, _, Some(d)) => format!("{what}: {d}"),
        }
    }
}
