//! Writing the log: one line per change, in the same transaction as the change, each
//! line's hash covering the line before it. Also the supporter the lines name.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ground::calendar;
use crate::ground::error::Result;
use crate::ground::ids::PersonId;
use crate::ground::limits;
use crate::ground::vocab::Action;
use crate::store::db::write_tx;

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
    limits::check_len("name", &a.name, limits::SHORT_MAX)?;
    limits::check_len("role", &a.role, limits::SHORT_MAX)?;
    let a = Actor {
        name: a.name.trim().to_string(),
        role: a.role.trim().to_string(),
    };
    let json = serde_json::to_string(&a)
        .map_err(|e| crate::ground::error::Error::io("actor", e.into()))?;
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

pub(crate) const ZERO: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of an entry: over the previous hash and every field, each one
/// length-prefixed, so no two different entries can hash alike by shifting text
/// from one field into the next.
#[allow(clippy::too_many_arguments)]
pub(crate) fn chain(
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

pub(crate) fn anchor(conn: &Connection) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'audit_anchor'")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| ZERO.to_string()))
}

/// Appends one entry. The caller holds the write transaction, so the entry commits
/// (or rolls back) with the change it records.
pub fn record(tx: &Connection, e: &Event) -> Result<i64> {
    record_at(tx, e, calendar::now())
}

/// [`record`] at a time of the caller's: the clock's own tests (a log written over
/// years, a clock set wrong) need lines from other times than this moment.
pub fn record_at(tx: &Connection, e: &Event, at: i64) -> Result<i64> {
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
