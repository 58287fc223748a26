//! The audit trail, NEN 7513-minded: who did what with whose record, when, and with
//! what outcome; kept inside the vault, append-only and tamper-evident.
//!
//! An entry never holds content: an action, the kind and id of the record, the
//! people it concerns by id and code (never an alias or a name), an outcome, and for
//! outputs the level and what was included. Every entry is written in the same
//! transaction as the change it records, so there is no change without its line and
//! no line without its change. Each entry's hash covers the previous entry's hash and
//! its own fields: a changed, inserted or removed entry breaks the chain, which
//! [`verify`] finds. Entries older than the retention period (five years by default,
//! the NEN 7513 minimum) can be pruned; the hash at the cut is kept as the new anchor.

use chrono::NaiveDate;
use rusqlite::{params_from_iter, types::Value, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::db::{self, write_tx};
use crate::error::{Invalid, Lang, Result};
use crate::person::PersonId;
use crate::text;

/// What happened. The names are stable: they are in the log and its exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "LogAction"))]
pub enum Action {
    Create,
    Change,
    Delete,
    Erase,
    /// A person's page (or everything about them) was opened.
    View,
    Search,
    Print,
    Save,
    Export,
    /// Copied as text (a bridge note).
    Copy,
    Share,
    Backup,
    Restore,
    Unlock,
    Lock,
    /// The key or the way it is kept changed.
    Key,
    Prune,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::Create,
        Action::Change,
        Action::Delete,
        Action::Erase,
        Action::View,
        Action::Search,
        Action::Print,
        Action::Save,
        Action::Export,
        Action::Copy,
        Action::Share,
        Action::Backup,
        Action::Restore,
        Action::Unlock,
        Action::Lock,
        Action::Key,
        Action::Prune,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Change => "change",
            Action::Delete => "delete",
            Action::Erase => "erase",
            Action::View => "view",
            Action::Search => "search",
            Action::Print => "print",
            Action::Save => "save",
            Action::Export => "export",
            Action::Copy => "copy",
            Action::Share => "share",
            Action::Backup => "backup",
            Action::Restore => "restore",
            Action::Unlock => "unlock",
            Action::Lock => "lock",
            Action::Key => "key",
            Action::Prune => "prune",
        }
    }

    pub fn parse(s: &str) -> Result<Action> {
        let t = s.trim().to_ascii_lowercase();
        Action::ALL
            .iter()
            .copied()
            .find(|a| a.as_str() == t)
            .ok_or_else(|| Invalid::LogAction(s.to_string()).into())
    }

    /// The word a person reads in the log view and the export for the person.
    pub fn label(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Action::Create => ("aangemaakt", "created"),
            Action::Change => ("gewijzigd", "changed"),
            Action::Delete => ("verwijderd", "deleted"),
            Action::Erase => ("gewist", "erased"),
            Action::View => ("ingezien", "viewed"),
            Action::Search => ("gezocht", "searched"),
            Action::Print => ("afgedrukt", "printed"),
            Action::Save => ("opgeslagen als bestand", "saved as a file"),
            Action::Export => ("geëxporteerd", "exported"),
            Action::Copy => ("gekopieerd als tekst", "copied as text"),
            Action::Share => ("gedeeld", "shared"),
            Action::Backup => ("back-up gemaakt", "backup made"),
            Action::Restore => ("back-up teruggezet", "backup restored"),
            Action::Unlock => ("kluis geopend", "vault opened"),
            Action::Lock => ("kluis vergrendeld", "vault locked"),
            Action::Key => ("sleutel gewijzigd", "key changed"),
            Action::Prune => ("oude regels opgeruimd", "old lines pruned"),
        };
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// Whether the action sent something out of the vault.
    pub fn is_output(self) -> bool {
        matches!(
            self,
            Action::Print | Action::Save | Action::Export | Action::Copy | Action::Share
        )
    }
}

/// One thing to record. Build it with [`Event::new`] and the methods after it.
#[derive(Debug, Clone)]
pub struct Event {
    pub action: Action,
    /// The kind of record: `person`, `contact`, `bridge_note`, `followup`,
    /// `circle_member`, `consent`, `summary`, `vault`, …
    pub object: &'static str,
    pub object_id: Option<i64>,
    pub people: Vec<PersonId>,
    pub refused: bool,
    /// For outputs the level and what was included; never content.
    pub detail: serde_json::Value,
}

impl Event {
    pub fn new(action: Action, object: &'static str) -> Event {
        Event {
            action,
            object,
            object_id: None,
            people: Vec::new(),
            refused: false,
            detail: serde_json::Value::Object(Default::default()),
        }
    }

    pub fn id(mut self, id: i64) -> Event {
        self.object_id = Some(id);
        self
    }

    pub fn person(mut self, p: PersonId) -> Event {
        self.people = vec![p];
        self
    }

    pub fn people(mut self, ps: &[PersonId]) -> Event {
        self.people = ps.to_vec();
        self
    }

    pub fn detail(mut self, d: serde_json::Value) -> Event {
        self.detail = d;
        self
    }

    pub fn refused(mut self) -> Event {
        self.refused = true;
        self
    }
}

/// The supporter the log names, asked once at first run; both parts optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "LogActor"))]
pub struct Actor {
    pub name: String,
    pub role: String,
}

impl Actor {
    fn line(&self) -> String {
        match (self.name.trim(), self.role.trim()) {
            ("", "") => String::new(),
            (n, "") => n.to_string(),
            ("", r) => format!("({r})"),
            (n, r) => format!("{n} ({r})"),
        }
    }
}

pub fn actor(conn: &Connection) -> Result<Actor> {
    let raw: Option<String> = conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'actor'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    Ok(raw
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default())
}

pub fn set_actor(conn: &Connection, a: &Actor) -> Result<()> {
    text::check_len("name", &a.name, text::SHORT_MAX)?;
    text::check_len("role", &a.role, text::SHORT_MAX)?;
    let a = Actor {
        name: a.name.trim().to_string(),
        role: a.role.trim().to_string(),
    };
    let json = serde_json::to_string(&a).map_err(|e| crate::Error::io("actor", e.into()))?;
    write_tx(conn, |c| {
        c.execute(
            "INSERT INTO meta (key, value) VALUES ('actor', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [json],
        )?;
        record(c, &Event::new(Action::Change, "actor"))?;
        Ok(())
    })
}

const ZERO: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of an entry: over the previous hash and every field, each one
/// length-prefixed, so no two different entries can hash alike by shifting text
/// from one field into the next.
#[allow(clippy::too_many_arguments)]
fn chain(
    prev: &str,
    at: i64,
    actor: &str,
    action: &str,
    object: &str,
    object_id: Option<i64>,
    person_id: Option<i64>,
    person_code: Option<&str>,
    outcome: &str,
    detail: &str,
) -> String {
    let mut h = Sha256::new();
    let mut field = |b: &[u8]| {
        h.update((b.len() as u64).to_be_bytes());
        h.update(b);
    };
    field(prev.as_bytes());
    field(at.to_string().as_bytes());
    field(actor.as_bytes());
    field(action.as_bytes());
    field(object.as_bytes());
    field(
        object_id
            .map(|i| i.to_string())
            .unwrap_or_default()
            .as_bytes(),
    );
    field(
        person_id
            .map(|i| i.to_string())
            .unwrap_or_default()
            .as_bytes(),
    );
    field(person_code.unwrap_or_default().as_bytes());
    field(outcome.as_bytes());
    field(detail.as_bytes());
    hex::encode(h.finalize())
}

/// The hash the next entry chains to: the newest entry's, or the anchor a prune left.
fn head(conn: &Connection) -> Result<String> {
    let last: Option<String> = conn
        .prepare_cached("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| r.get(0))
        .optional()?;
    match last {
        Some(h) => Ok(h),
        None => anchor(conn),
    }
}

fn anchor(conn: &Connection) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'audit_anchor'")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| ZERO.to_string()))
}

/// Appends one entry. The caller holds the write transaction, so the entry commits
/// (or rolls back) with the change it records.
pub fn record(tx: &Connection, e: &Event) -> Result<i64> {
    record_at(tx, e, db::now())
}

fn record_at(tx: &Connection, e: &Event, at: i64) -> Result<i64> {
    let actor = actor(tx)?.line();
    let mut codes = Vec::with_capacity(e.people.len());
    {
        let mut code = tx.prepare_cached("SELECT code FROM person WHERE id = ?1")?;
        for p in &e.people {
            codes.push(
                code.query_row([p], |r| r.get::<_, String>(0))
                    .optional()?
                    .unwrap_or_default(),
            );
        }
    }
    let mut detail = e.detail.clone();
    if e.people.len() > 1 {
        if let serde_json::Value::Object(m) = &mut detail {
            m.insert("people".into(), serde_json::json!(codes));
        }
    }
    let detail = detail.to_string();
    let person_id = e.people.first().copied();
    let person_code = codes.first().cloned().filter(|c| !c.is_empty());
    let outcome = if e.refused { "refused" } else { "ok" };
    let prev = head(tx)?;
    let hash = chain(
        &prev,
        at,
        &actor,
        e.action.as_str(),
        e.object,
        e.object_id,
        person_id,
        person_code.as_deref(),
        outcome,
        &detail,
    );
    tx.prepare_cached(
        "INSERT INTO audit_log (at, actor, action, object, object_id, person_id, person_code,
             outcome, detail, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(rusqlite::params![
        at,
        actor,
        e.action.as_str(),
        e.object,
        e.object_id,
        person_id,
        person_code,
        outcome,
        detail,
        prev,
        hash
    ])?;
    let id = tx.last_insert_rowid();
    let mut link = tx.prepare_cached(
        "INSERT OR IGNORE INTO audit_person (audit_id, person_id) VALUES (?1, ?2)",
    )?;
    for p in &e.people {
        link.execute((id, p))?;
    }
    Ok(id)
}

/// Records an event in a transaction of its own: for reads (a page viewed, a
/// search), outputs, and refusals whose own transaction rolled back.
pub fn log(conn: &Connection, e: &Event) -> Result<i64> {
    write_tx(conn, |tx| record(tx, e))
}

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

/// One line of the log, as views and exports show it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "LogEntry"))]
pub struct Entry {
    pub id: i64,
    /// Unix seconds (UTC).
    pub at: i64,
    pub actor: String,
    pub action: Action,
    pub object: String,
    pub object_id: Option<i64>,
    pub person_id: Option<i64>,
    pub person_code: Option<String>,
    pub refused: bool,
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown>"))]
    pub detail: serde_json::Value,
    pub hash: String,
}

const COLUMNS: &str =
    "id, at, actor, action, object, object_id, person_id, person_code, outcome, detail, hash";

fn from_row(r: &Row) -> rusqlite::Result<Entry> {
    let action: String = r.get(3)?;
    let outcome: String = r.get(8)?;
    let detail: String = r.get(9)?;
    Ok(Entry {
        id: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: Action::parse(&action).unwrap_or(Action::Change),
        object: r.get(4)?,
        object_id: r.get(5)?,
        person_id: r.get(6)?,
        person_code: r.get(7)?,
        refused: outcome == "refused",
        detail: serde_json::from_str(&detail).unwrap_or_default(),
        hash: r.get(10)?,
    })
}

/// Which lines to show. Dates are Dutch calendar days, both ends included.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "LogQuery"))]
pub struct Query {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub person: Option<PersonId>,
    pub action: Option<Action>,
    /// Only what left the vault (print, save, export, copy, share).
    #[serde(default)]
    pub outputs_only: bool,
    /// Lines older than this id (the next page).
    #[serde(default)]
    pub before: Option<i64>,
}

/// Lines matching the query, newest first; `limit: None` returns all.
pub fn list(conn: &Connection, q: &Query, limit: Option<u32>) -> Result<Vec<Entry>> {
    let mut w = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    if let Some(d) = q.from {
        crate::time::check_day(d)?;
        params.push(Value::Integer(crate::time::day_start(d)));
        w.push("a.at >= ?".to_string());
    }
    if let Some(d) = q.to {
        crate::time::check_day(d)?;
        let next = d.succ_opt().unwrap_or(d);
        params.push(Value::Integer(crate::time::day_start(next)));
        w.push("a.at < ?".to_string());
    }
    if let Some(p) = q.person {
        params.push(Value::Integer(p));
        w.push("a.id IN (SELECT audit_id FROM audit_person WHERE person_id = ?)".to_string());
    }
    if let Some(a) = q.action {
        params.push(Value::Text(a.as_str().into()));
        w.push("a.action = ?".to_string());
    }
    if q.outputs_only {
        w.push("a.action IN ('print', 'save', 'export', 'copy', 'share')".to_string());
    }
    if let Some(b) = q.before {
        params.push(Value::Integer(b));
        w.push("a.id < ?".to_string());
    }
    let w = if w.is_empty() {
        "1".to_string()
    } else {
        w.join(" AND ")
    };
    let mut sql = format!(
        "SELECT {} FROM audit_log a WHERE {w} ORDER BY a.id DESC",
        COLUMNS
            .split(", ")
            .map(|c| format!("a.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(n) = limit {
        sql.push_str(&format!(" LIMIT {n}"));
    }
    let mut st = conn.prepare(&sql)?;
    let rows = st.query_map(params_from_iter(params), from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

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
            return Ok(broken(last + 1, "the newest entries were removed", n));
        }
    }
    Ok(Verification {
        sound: true,
        entries: n,
        broken_at: None,
        reason: None,
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

/// The NEN 7513 minimum, and the default.
pub const MIN_RETENTION_YEARS: u32 = 5;

/// Removes entries older than `years` (at least five) before `now`; the hash of the
/// last one removed becomes the anchor the chain starts from, and the prune itself
/// is logged. Returns how many went.
pub fn prune(conn: &Connection, now: i64, years: u32) -> Result<usize> {
    text::check_range("years", years.into(), MIN_RETENTION_YEARS.into(), 100)?;
    let cut = now - i64::from(years) * 365 * 24 * 3600 - i64::from(years / 4) * 24 * 3600;
    write_tx(conn, |tx| {
        let last: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, hash FROM audit_log WHERE at < ?1 ORDER BY id DESC LIMIT 1",
                [cut],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((id, hash)) = last else {
            return Ok(0);
        };
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('audit_prune', '1')
             ON CONFLICT (key) DO UPDATE SET value = '1'",
            [],
        )?;
        let n = tx.execute("DELETE FROM audit_log WHERE id <= ?1", [id])?;
        tx.execute("DELETE FROM meta WHERE key = 'audit_prune'", [])?;
        for (k, v) in [("audit_anchor", hash), ("audit_anchor_id", id.to_string())] {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (k, v),
            )?;
        }
        record(
            tx,
            &Event::new(Action::Prune, "audit_log").detail(serde_json::json!({
                "removed": n, "through_id": id, "years": years
            })),
        )?;
        Ok(n)
    })
}

/// The log as CSV (RFC 4180), for an export the user asked for.
pub fn csv(entries: &[Entry], lang: Lang) -> String {
    let head = match lang {
        Lang::Nl => "id,tijd (UTC),wie,handeling,soort,nummer,persoon,uitkomst,details,hash\n",
        Lang::En => "id,time (UTC),who,action,kind,number,person,outcome,details,hash\n",
    };
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::from(head);
    for e in entries {
        let at = chrono::DateTime::from_timestamp(e.at, 0)
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default();
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{}\n",
            e.id,
            at,
            q(&e.actor),
            q(e.action.as_str()),
            q(&e.object),
            e.object_id.map(|i| i.to_string()).unwrap_or_default(),
            q(e.person_code.as_deref().unwrap_or("")),
            if e.refused { "refused" } else { "ok" },
            q(&e.detail.to_string()),
            e.hash
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_every_field_and_its_boundaries() {
        let a = chain(
            ZERO,
            1,
            "Anna",
            "create",
            "contact",
            Some(1),
            Some(2),
            Some("K7QM"),
            "ok",
            "{}",
        );
        let b = chain(
            ZERO,
            1,
            "Ann",
            "acreate",
            "contact",
            Some(1),
            Some(2),
            Some("K7QM"),
            "ok",
            "{}",
        );
        let c = chain(
            ZERO,
            1,
            "Anna",
            "create",
            "contact",
            Some(1),
            Some(2),
            Some("K7QN"),
            "ok",
            "{}",
        );
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 64);
    }
}
