//! Reading contact moments: one by id, or newest first in pages with a keyset cursor,
//! so a page costs the same at contact 50 as at contact 1,000,000.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};

use super::model::{Contact, Cursor, Filter, PersonRef};
use crate::ground::calendar;
use crate::ground::error::{Error, Invalid, Result};
use crate::ground::ids::{ContactId, PersonId};
use crate::ground::time;
use crate::ground::vocab::{Initiative, Mode, Support};

/// `NotFound` unless the contact is there.
pub fn exists(conn: &Connection, id: ContactId) -> Result<()> {
    let there: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM contact WHERE id = ?1)")?
        .query_row([id], |r| r.get(0))?;
    if there {
        Ok(())
    } else {
        Err(not_found(id))
    }
}

pub(super) fn not_found(id: ContactId) -> Error {
    Error::NotFound {
        what: "contact",
        name: id.to_string(),
        hint: "",
    }
}

const COLUMNS: &str = "c.id, c.at, c.minutes, c.mode, c.initiative, c.support, c.note,
    c.own_experience, c.own_experience_note, c.own_words, c.signal, c.signal_note,
    c.follow_up, c.for_consult, c.whose_unsure";

fn from_row(r: &Row) -> rusqlite::Result<Contact> {
    let mode: String = r.get(3)?;
    let initiative: String = r.get(4)?;
    let follow_up: Option<String> = r.get(12)?;
    Ok(Contact {
        id: r.get(0)?,
        at: r.get(1)?,
        minutes: r.get(2)?,
        mode: Mode::parse(&mode).unwrap_or(Mode::FaceToFace),
        initiative: Initiative::parse(&initiative).unwrap_or(Initiative::Person),
        persons: Vec::new(),
        support: Support::from_bits(r.get(5)?),
        tags: Vec::new(),
        note: r.get(6)?,
        own_experience: r.get(7)?,
        own_experience_note: r.get(8)?,
        own_words: r.get(9)?,
        signal: r.get(10)?,
        signal_note: r.get(11)?,
        follow_up: follow_up.and_then(|d| d.parse().ok()),
        for_consult: r.get(13)?,
        signal_for: Vec::new(),
        own_words_for: Vec::new(),
        checkin_for: Vec::new(),
        whose_unsure: r.get(14)?,
    })
}

pub fn get(conn: &Connection, id: ContactId) -> Result<Contact> {
    let c = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM contact c WHERE c.id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or_else(|| not_found(id))?;
    let mut v = vec![c];
    hydrate(conn, &mut v)?;
    Ok(v.remove(0))
}

/// The filter's conditions other than the person, on contact `c` with its time in
/// column `at`. Shared by the contact list and search, so both filter alike.
pub(crate) fn conditions(f: &Filter, at: &str, params: &mut Vec<Value>) -> Vec<String> {
    let mut w = Vec::new();
    if let Some(d) = f.from {
        params.push(Value::Integer(calendar::day_start(d)));
        w.push(format!("{at} >= ?"));
    }
    if let Some(d) = f.to.and_then(|d| d.succ_opt()) {
        params.push(Value::Integer(calendar::day_start(d)));
        w.push(format!("{at} < ?"));
    }
    if let Some(s) = f.support {
        params.push(Value::Integer(s.bit()));
        w.push("(c.support & ?) <> 0".into());
    }
    if let Some(m) = f.mode {
        params.push(Value::Text(m.as_str().into()));
        w.push("c.mode = ?".into());
    }
    if let Some(b) = f.for_consult {
        params.push(Value::Integer(b as i64));
        w.push("c.for_consult = ?".into());
    }
    if let Some(b) = f.signal {
        params.push(Value::Integer(b as i64));
        w.push("c.signal = ?".into());
    }
    w
}

/// Builds the WHERE clause for a filter. With a person, the query walks that
/// person's timeline index instead of all contacts.
fn clause(f: &Filter, params: &mut Vec<Value>) -> Result<(&'static str, String)> {
    let mut w = Vec::new();
    let (from, at) = if let Some(p) = f.person {
        params.push(Value::Integer(p));
        w.push("cp.person_id = ?".to_string());
        (
            "contact_person cp JOIN contact c ON c.id = cp.contact_id",
            "cp.at",
        )
    } else {
        ("contact c", "c.at")
    };
    for d in [f.from, f.to].into_iter().flatten() {
        time::check_day(d)?;
    }
    if let (Some(a), Some(b)) = (f.from, f.to) {
        if b < a {
            return Err(Invalid::Period.into());
        }
    }
    w.extend(conditions(f, at, params));
    let w = if w.is_empty() {
        "1".to_string()
    } else {
        w.join(" AND ")
    };
    Ok((from, w))
}

/// Contacts matching the filter, newest first. `limit: None` returns every match
/// (the CLI promises no silent limit); the UI pages with `after` and a limit.
pub fn list(
    conn: &Connection,
    f: &Filter,
    after: Option<Cursor>,
    limit: Option<u32>,
) -> Result<Vec<Contact>> {
    let mut params = Vec::new();
    let (from, mut w) = clause(f, &mut params)?;
    let (at, id) = if f.person.is_some() {
        ("cp.at", "cp.contact_id")
    } else {
        ("c.at", "c.id")
    };
    if let Some(cur) = after {
        params.push(Value::Integer(cur.at));
        params.push(Value::Integer(cur.id));
        w.push_str(&format!(" AND ({at}, {id}) < (?, ?)"));
    }
    let mut sql = format!("SELECT {COLUMNS} FROM {from} WHERE {w} ORDER BY {at} DESC, {id} DESC");
    if let Some(n) = limit {
        sql.push_str(&format!(" LIMIT {n}"));
    }
    let mut st = conn.prepare_cached(&sql)?;
    let mut out = st
        .query_map(params_from_iter(params), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    hydrate(conn, &mut out)?;
    Ok(out)
}

pub fn count(conn: &Connection, f: &Filter) -> Result<i64> {
    let mut params = Vec::new();
    let (from, w) = clause(f, &mut params)?;
    let mut st = conn.prepare_cached(&format!("SELECT count(*) FROM {from} WHERE {w}"))?;
    Ok(st.query_row(params_from_iter(params), |r| r.get(0))?)
}

/// Fills in people (and what of each contact is theirs) and tags for a page of
/// contacts, two queries for the whole page.
pub(crate) fn hydrate(conn: &Connection, contacts: &mut [Contact]) -> Result<()> {
    if contacts.is_empty() {
        return Ok(());
    }
    let ids = serde_json::to_string(&contacts.iter().map(|c| c.id).collect::<Vec<_>>())
        .map_err(|e| Error::io("contact ids", e.into()))?;
    let index: std::collections::HashMap<ContactId, usize> = contacts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i))
        .collect();
    let mut st = conn.prepare_cached(
        "SELECT cp.contact_id, p.id, p.alias, p.code, cp.signal, cp.own_words, cp.checkin
         FROM contact_person cp
         JOIN person p ON p.id = cp.person_id
         WHERE cp.contact_id IN (SELECT value FROM json_each(?1)) ORDER BY p.alias COLLATE NOCASE",
    )?;
    let mut rows = st.query([&ids])?;
    while let Some(r) = rows.next()? {
        let cid: ContactId = r.get(0)?;
        if let Some(&i) = index.get(&cid) {
            let c = &mut contacts[i];
            let id: PersonId = r.get(1)?;
            c.persons.push(PersonRef {
                id,
                alias: r.get(2)?,
                code: r.get(3)?,
            });
            if r.get::<_, bool>(4)? && c.signal {
                c.signal_for.push(id);
            }
            if r.get::<_, bool>(5)? && !c.own_words.trim().is_empty() {
                c.own_words_for.push(id);
            }
            if r.get::<_, bool>(6)? && c.follow_up.is_some() {
                c.checkin_for.push(id);
            }
        }
    }
    let mut st = conn.prepare_cached(
        "SELECT contact_id, tag FROM contact_tag WHERE contact_id IN (SELECT value FROM json_each(?1)) ORDER BY tag",
    )?;
    let mut rows = st.query([&ids])?;
    while let Some(r) = rows.next()? {
        let cid: ContactId = r.get(0)?;
        if let Some(&i) = index.get(&cid) {
            contacts[i].tags.push(r.get(1)?);
        }
    }
    Ok(())
}

/// The mode of the most recent contact: the quick form's default.
/// The people of the most recently logged contact: the picker offers them first.
pub fn last_persons(conn: &Connection) -> Result<Vec<PersonId>> {
    let mut st = conn.prepare_cached(
        "SELECT person_id FROM contact_person
         WHERE contact_id = (SELECT max(id) FROM contact) ORDER BY person_id",
    )?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How people match what is typed in the picker, best first: the alias or code
/// exactly, then an alias that starts with it, then one with a word that starts with
/// it, then one that contains it. Within a rank, the alphabet. So "Mo" picks Mo,
/// not Anouk or Simone.
pub fn rank_people(people: &[crate::records::person::Person], typed: &str) -> Vec<PersonId> {
    let q = crate::ground::fold::fold(typed.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let mut ranked: Vec<(u8, String, PersonId)> = people
        .iter()
        .filter_map(|p| {
            let a = crate::ground::fold::fold(&p.alias);
            let rank = if a == q || p.code.eq_ignore_ascii_case(typed.trim()) {
                0
            } else if a.starts_with(&q) {
                1
            } else if a.split([' ', '-']).any(|w| w.starts_with(&q)) {
                2
            } else if a.contains(&q) {
                3
            } else {
                return None;
            };
            Some((rank, a, p.id))
        })
        .collect();
    ranked.sort();
    ranked.into_iter().map(|(_, _, id)| id).collect()
}

pub fn last_mode(conn: &Connection) -> Result<Option<Mode>> {
    let m: Option<String> = conn
        .query_row(
            "SELECT mode FROM contact ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(m.and_then(|m| Mode::parse(&m).ok()))
}

/// The contacts that touched a goal, newest first: what the goal's card on the
/// person page lists, to be opened there as in the timeline.
pub fn for_goal(conn: &Connection, goal: i64) -> Result<Vec<Contact>> {
    let ids: Vec<ContactId> = conn
        .prepare_cached(
            "SELECT cg.contact_id FROM contact_goal cg JOIN contact k ON k.id = cg.contact_id
             WHERE cg.goal_id = ?1 ORDER BY k.at DESC, k.id DESC",
        )?
        .query_map([goal], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| get(conn, id)).collect()
}
