//! Checking the log: the chain from its anchor must hold at every line, and no line
//! may be missing at the end.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::trail::{anchor, chain};
use crate::ground::error::{Error, Result};

/// What [`verify`] found.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "LogVerification")
)]
pub struct Verification {
    pub sound: bool,
    pub entries: i64,
    /// The first entry where the chain does not hold.
    pub broken_at: Option<i64>,
    pub reason: Option<String>,
    /// What is missing or changed, in words a person can be shown ([`Gap::error`]).
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub gap: Option<Gap>,
    /// How many anchors kept outside the vault the log was held against.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub anchors: usize,
    /// The gap in the user's language, for the screen ([`Verification::told`]).
    #[serde(default)]
    pub told: Option<String>,
}

/// Where the log and what was remembered of it part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Lines `from` through `to` are gone.
    Cut { from: i64, to: i64 },
    /// The line with this number has another hash than the one remembered: the log
    /// was cut there and written on.
    Rewritten(i64),
    /// The log starts past this line without the Prune line that cut it there.
    PruneUnlogged(i64),
}

impl Gap {
    /// The finding as the core's error, so it is told in the user's language.
    pub fn error(&self) -> Error {
        match *self {
            Gap::Cut { from, to } => Error::LogCut { from, to },
            Gap::Rewritten(n) => Error::LogRewritten(n),
            Gap::PruneUnlogged(n) => Error::LogPruneUnlogged(n),
        }
    }
}

impl Verification {
    /// This verification with its gap (lines missing, a line rewritten, a prune
    /// without its line) told in `lang`, for the Logbook screen.
    pub fn told(mut self, lang: crate::ground::lang::Lang) -> Verification {
        self.told = self.gap.map(|g| g.error().message(lang));
        self
    }

    /// This verification, failed at `at` for `gap`.
    pub(super) fn fail(mut self, at: i64, gap: Gap) -> Verification {
        self.sound = false;
        self.broken_at = Some(at);
        self.reason = Some(gap.error().message(crate::ground::lang::Lang::En));
        self.gap = Some(gap);
        self
    }
}

/// Walks the chain from the anchor: every entry must name the hash before it and
/// hash to its own; ids may not run past the last one (entries removed at the end).
pub fn verify(conn: &Connection) -> Result<Verification> {
    let mut running = anchor(conn)?;
    let mut st = conn.prepare(
        "SELECT id, at, actor, action, object, object_id, person_id, person_code, outcome,
                detail, prev_hash, hash FROM audit_log ORDER BY id",
    )?;
    let mut rows = st.query([])?;
    let mut n = 0i64;
    let mut last_id = None;
    let broken = |id: i64, why: &str, n: i64| Verification {
        sound: false,
        entries: n,
        broken_at: Some(id),
        reason: Some(why.to_string()),
        gap: None,
        anchors: 0,
        told: None,
    };
    while let Some(r) = rows.next()? {
        n += 1;
        let id: i64 = r.get(0)?;
        let prev: String = r.get(10)?;
        let hash: String = r.get(11)?;
        if prev != running {
            return Ok(broken(
                id,
                "an entry before this one was removed or changed",
                n,
            ));
        }
        let expect = chain(
            &prev,
            r.get(1)?,
            &r.get::<_, String>(2)?,
            &r.get::<_, String>(3)?,
            &r.get::<_, String>(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get::<_, Option<String>>(7)?.as_deref(),
            &r.get::<_, String>(8)?,
            &r.get::<_, String>(9)?,
        );
        if expect != hash {
            return Ok(broken(id, "this entry was changed", n));
        }
        running = hash;
        last_id = Some(id);
    }
    let seq: Option<i64> = conn
        .query_row(
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if let (Some(seq), last) = (seq, last_id.unwrap_or(0)) {
        if seq > last && seq > anchor_id(conn)? {
            let v = broken(last + 1, "the newest entries were removed", n);
            return Ok(v.fail(
                last + 1,
                Gap::Cut {
                    from: last + 1,
                    to: seq,
                },
            ));
        }
    }
    Ok(Verification {
        sound: true,
        entries: n,
        broken_at: None,
        reason: None,
        gap: None,
        anchors: 0,
        told: None,
    })
}

fn anchor_id(conn: &Connection) -> Result<i64> {
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
