//! Contact moments: what happened, with whom, what kind of support, in plain words.
//!
//! Validation lives here, not in a form: every way in (CLI, app, import) goes through
//! [`validate`]. Lists are newest first and paged by a keyset cursor, so a page costs
//! the same at contact 50 as at contact 1,000,000.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Action, Event};
use crate::db::{self, write_tx};
use crate::error::{Error, Invalid, Result};
use crate::model::{Initiative, Mode, Support};
use crate::person::PersonId;
use crate::text;
use crate::time;

pub type ContactId = i64;

/// The default length of a contact, in minutes (UI.md: 45).
pub const DEFAULT_MINUTES: i64 = 45;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct NewContact {
    /// Unix seconds (UTC).
    pub at: i64,
    pub minutes: i64,
    pub mode: Mode,
    pub initiative: Initiative,
    pub persons: Vec<PersonId>,
    pub support: Vec<Support>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub own_experience: bool,
    #[serde(default)]
    pub own_experience_note: String,
    #[serde(default)]
    pub own_words: String,
    #[serde(default)]
    pub signal: bool,
    #[serde(default)]
    pub signal_note: String,
    #[serde(default)]
    pub follow_up: Option<NaiveDate>,
    #[serde(default)]
    pub for_consult: bool,
}

impl NewContact {
    /// A contact with the defaults of the quick form: now, 45 minutes, face-to-face,
    /// on the person's initiative.
    pub fn now(persons: Vec<PersonId>, support: Vec<Support>) -> Self {
        NewContact {
            at: db::now(),
            minutes: DEFAULT_MINUTES,
            mode: Mode::FaceToFace,
            initiative: Initiative::Person,
            persons,
            support,
            tags: Vec::new(),
            note: String::new(),
            own_experience: false,
            own_experience_note: String::new(),
            own_words: String::new(),
            signal: false,
            signal_note: String::new(),
            follow_up: None,
            for_consult: false,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PersonRef {
    pub id: PersonId,
    pub alias: String,
    pub code: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Contact {
    pub id: ContactId,
    pub at: i64,
    pub minutes: i64,
    pub mode: Mode,
    pub initiative: Initiative,
    pub persons: Vec<PersonRef>,
    pub support: Vec<Support>,
    pub tags: Vec<String>,
    pub note: String,
    pub own_experience: bool,
    pub own_experience_note: String,
    pub own_words: String,
    pub signal: bool,
    pub signal_note: String,
    pub follow_up: Option<NaiveDate>,
    pub for_consult: bool,
}

impl Contact {
    /// The fields as a new contact: what Undo after a delete saves again.
    pub fn to_new(&self) -> NewContact {
        NewContact {
            at: self.at,
            minutes: self.minutes,
            mode: self.mode,
            initiative: self.initiative,
            persons: self.persons.iter().map(|p| p.id).collect(),
            support: self.support.clone(),
            tags: self.tags.clone(),
            note: self.note.clone(),
            own_experience: self.own_experience,
            own_experience_note: self.own_experience_note.clone(),
            own_words: self.own_words.clone(),
            signal: self.signal,
            signal_note: self.signal_note.clone(),
            follow_up: self.follow_up,
            for_consult: self.for_consult,
        }
    }
}

/// Which contacts to list. Dates are Dutch calendar days, both ends included.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Filter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub person: Option<PersonId>,
    pub support: Option<Support>,
    pub mode: Option<Mode>,
    pub for_consult: Option<bool>,
    pub signal: Option<bool>,
}

/// Where the next page starts: the last contact of the previous page.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Cursor {
    pub at: i64,
    pub id: ContactId,
}

pub fn validate(c: &NewContact) -> Result<()> {
    if !(1..=1440).contains(&c.minutes) {
        return Err(Invalid::Minutes(c.minutes).into());
    }
    if c.persons.is_empty() {
        return Err(Invalid::NoPerson.into());
    }
    time::check_instant(c.at)?;
    if let Some(d) = c.follow_up {
        time::check_day(d)?;
    }
    if c.support.is_empty() {
        return Err(Invalid::NoSupport.into());
    }
    text::check_len("note", &c.note, text::NOTE_MAX)?;
    text::check_len("own words", &c.own_words, text::NOTE_MAX)?;
    text::check_len("own experience", &c.own_experience_note, text::NOTE_MAX)?;
    text::check_len("signal", &c.signal_note, text::NOTE_MAX)?;
    for t in &c.tags {
        text::check_len("tag", t, text::SHORT_MAX)?;
    }
    Ok(())
}

/// Saves one contact durably: when this returns `Ok`, the contact survives a crash
/// or a power cut.
pub fn add(conn: &Connection, c: &NewContact) -> Result<ContactId> {
    validate(c)?;
    write_tx(conn, |tx| {
        let id = insert(tx, c)?;
        audit::record(
            tx,
            &Event::new(Action::Create, "contact")
                .id(id)
                .people(&c.persons),
        )?;
        Ok(id)
    })
}

/// Saves many contacts in one transaction: all or none.
pub fn import<'a>(
    conn: &Connection,
    contacts: impl IntoIterator<Item = &'a NewContact>,
) -> Result<usize> {
    write_tx(conn, |tx| {
        let n = insert_all(tx, contacts)?;
        audit::record(
            tx,
            &Event::new(Action::Create, "contacts").detail(serde_json::json!({ "count": n })),
        )?;
        Ok(n)
    })
}

/// Validates and inserts; the caller holds the transaction.
pub(crate) fn insert_all<'a>(
    tx: &Connection,
    contacts: impl IntoIterator<Item = &'a NewContact>,
) -> Result<usize> {
    let mut n = 0;
    for c in contacts {
        validate(c)?;
        insert(tx, c)?;
        n += 1;
    }
    Ok(n)
}

/// The insert itself; the caller holds the transaction.
fn insert(tx: &Connection, c: &NewContact) -> Result<ContactId> {
    let now = db::now();
    let mut st = tx.prepare_cached(
        "INSERT INTO contact (at, minutes, mode, initiative, support, note, own_experience,
             own_experience_note, own_words, signal, signal_note, follow_up, for_consult,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
    )?;
    st.execute(rusqlite::params![
        c.at,
        c.minutes,
        c.mode.as_str(),
        c.initiative.as_str(),
        Support::to_bits(&c.support),
        c.note,
        c.own_experience,
        c.own_experience_note,
        c.own_words,
        c.signal,
        c.signal_note,
        c.follow_up.map(|d| d.to_string()),
        c.for_consult,
        now,
    ])?;
    let id = tx.last_insert_rowid();
    link(tx, id, c)?;
    Ok(id)
}

/// People, tags and the planned check-ins of a new contact.
fn link(tx: &Connection, id: ContactId, c: &NewContact) -> Result<()> {
    link_persons(tx, id, c.at, &c.persons)?;
    link_tags(tx, id, &c.tags)?;
    if let Some(day) = c.follow_up {
        for p in &c.persons {
            add_followup(tx, *p, day, id)?;
        }
    }
    Ok(())
}

fn link_persons(tx: &Connection, id: ContactId, at: i64, persons: &[PersonId]) -> Result<()> {
    let mut person = tx.prepare_cached(
        "INSERT OR IGNORE INTO contact_person (person_id, at, contact_id) VALUES (?1, ?2, ?3)",
    )?;
    let mut exists = tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM person WHERE id = ?1)")?;
    for p in persons {
        if !exists.query_row([p], |r| r.get::<_, bool>(0))? {
            return Err(Error::NotFound {
                what: "person",
                name: p.to_string(),
                hint: "",
            });
        }
        person.execute((p, at, id))?;
    }
    Ok(())
}

fn link_tags(tx: &Connection, id: ContactId, tags: &[String]) -> Result<()> {
    let mut tag =
        tx.prepare_cached("INSERT OR IGNORE INTO contact_tag (contact_id, tag) VALUES (?1, ?2)")?;
    for t in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        tag.execute((id, t))?;
    }
    Ok(())
}

fn add_followup(
    tx: &Connection,
    person: PersonId,
    day: NaiveDate,
    contact: ContactId,
) -> Result<()> {
    let mut f = tx.prepare_cached(
        "INSERT INTO followup (person_id, due, why, contact_id, created_at) VALUES (?1, ?2, '', ?3, ?4)",
    )?;
    f.execute((person, day.to_string(), contact, db::now()))?;
    Ok(())
}

/// Replaces a contact's fields with `c`: what the app's edit form sends, every field
/// as the user now sees it (tags included).
///
/// The contact's open check-ins are the user's own records once touched: one that was
/// moved or given a reason on the Check-ins screen stays exactly as it is. Only
/// untouched ones follow a changed "next check-in" date (or go when it is cleared, or
/// when their person left the contact), and a person newly on the contact gets one.
/// An edit that leaves the date and the people alone leaves every check-in alone.
pub fn update(conn: &Connection, id: ContactId, c: &NewContact) -> Result<()> {
    validate(c)?;
    write_tx(conn, |tx| {
        let old = get(tx, id)?;
        tx.execute(
            "UPDATE contact SET at = ?2, minutes = ?3, mode = ?4, initiative = ?5, support = ?6,
                 note = ?7, own_experience = ?8, own_experience_note = ?9, own_words = ?10,
                 signal = ?11, signal_note = ?12, follow_up = ?13, for_consult = ?14, updated_at = ?15
             WHERE id = ?1",
            rusqlite::params![
                id,
                c.at,
                c.minutes,
                c.mode.as_str(),
                c.initiative.as_str(),
                Support::to_bits(&c.support),
                c.note,
                c.own_experience,
                c.own_experience_note,
                c.own_words,
                c.signal,
                c.signal_note,
                c.follow_up.map(|d| d.to_string()),
                c.for_consult,
                db::now(),
            ],
        )?;
        let old_persons: Vec<PersonId> = old.persons.iter().map(|p| p.id).collect();
        if !same_set(&old_persons, &c.persons) {
            tx.execute("DELETE FROM contact_person WHERE contact_id = ?1", [id])?;
            link_persons(tx, id, c.at, &c.persons)?;
        }
        let mut new_tags: Vec<String> = c
            .tags
            .iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        new_tags.sort();
        new_tags.dedup();
        if new_tags != old.tags {
            tx.execute("DELETE FROM contact_tag WHERE contact_id = ?1", [id])?;
            link_tags(tx, id, &new_tags)?;
        }
        sync_followups(tx, id, &old, c)?;
        let mut people: Vec<PersonId> = old_persons;
        people.extend(
            c.persons
                .iter()
                .filter(|p| !people.contains(p))
                .collect::<Vec<_>>(),
        );
        audit::record(
            tx,
            &Event::new(Action::Change, "contact").id(id).people(&people),
        )?;
        Ok(())
    })
}

fn same_set(a: &[PersonId], b: &[PersonId]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort_unstable();
    a.dedup();
    b.sort_unstable();
    b.dedup();
    a == b
}

/// See [`update`]: untouched check-ins follow the contact; touched ones are kept.
fn sync_followups(tx: &Connection, id: ContactId, old: &Contact, new: &NewContact) -> Result<()> {
    let old_persons: Vec<PersonId> = old.persons.iter().map(|p| p.id).collect();
    if old.follow_up == new.follow_up && same_set(&old_persons, &new.persons) {
        return Ok(());
    }
    let open: Vec<(i64, PersonId, String, String, i64)> = tx
        .prepare_cached(
            "SELECT id, person_id, due, why, moved FROM followup
             WHERE contact_id = ?1 AND done_on IS NULL",
        )?
        .query_map([id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let old_due = old.follow_up.map(|d| d.to_string());
    let mut covered: Vec<PersonId> = Vec::new();
    for (fid, person, due, why, moved) in open {
        let untouched = moved == 0 && why.is_empty() && Some(&due) == old_due.as_ref();
        if !untouched {
            covered.push(person);
            continue;
        }
        match new.follow_up {
            Some(day) if new.persons.contains(&person) => {
                tx.execute(
                    "UPDATE followup SET due = ?2 WHERE id = ?1",
                    (fid, day.to_string()),
                )?;
                covered.push(person);
            }
            _ => {
                tx.execute("DELETE FROM followup WHERE id = ?1", [fid])?;
            }
        }
    }
    if let Some(day) = new.follow_up {
        for p in &new.persons {
            if !covered.contains(p) {
                add_followup(tx, *p, day, id)?;
                covered.push(*p);
            }
        }
    }
    Ok(())
}

/// What an edit from the command line changes; `None` leaves a field as it is, so a
/// script that changes the minutes never clears the note.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Patch {
    pub at: Option<i64>,
    pub minutes: Option<i64>,
    pub mode: Option<Mode>,
    pub initiative: Option<Initiative>,
    pub persons: Option<Vec<PersonId>>,
    pub support: Option<Vec<Support>>,
    pub tags: Option<Vec<String>>,
    pub note: Option<String>,
    pub own_experience: Option<bool>,
    pub own_experience_note: Option<String>,
    pub own_words: Option<String>,
    pub signal: Option<bool>,
    pub signal_note: Option<String>,
    /// `Some(None)` clears the next check-in.
    pub follow_up: Option<Option<NaiveDate>>,
    pub for_consult: Option<bool>,
}

impl Patch {
    pub fn is_empty(&self) -> bool {
        *self == Patch::default()
    }

    /// The contact as it will be after the edit.
    pub fn apply(&self, c: &Contact) -> NewContact {
        let mut n = c.to_new();
        let p = self.clone();
        n.at = p.at.unwrap_or(n.at);
        n.minutes = p.minutes.unwrap_or(n.minutes);
        n.mode = p.mode.unwrap_or(n.mode);
        n.initiative = p.initiative.unwrap_or(n.initiative);
        n.persons = p.persons.unwrap_or(n.persons);
        n.support = p.support.unwrap_or(n.support);
        n.tags = p.tags.unwrap_or(n.tags);
        n.note = p.note.unwrap_or(n.note);
        n.own_experience_note = p.own_experience_note.unwrap_or(n.own_experience_note);
        n.own_experience = p.own_experience.unwrap_or(n.own_experience);
        n.own_words = p.own_words.unwrap_or(n.own_words);
        n.signal_note = p.signal_note.unwrap_or(n.signal_note);
        n.signal = p.signal.unwrap_or(n.signal);
        n.follow_up = p.follow_up.unwrap_or(n.follow_up);
        n.for_consult = p.for_consult.unwrap_or(n.for_consult);
        n
    }
}

/// Changes exactly the fields in `patch` and returns the contact as saved.
pub fn edit(conn: &Connection, id: ContactId, patch: &Patch) -> Result<Contact> {
    let current = get(conn, id)?;
    if !patch.is_empty() {
        update(conn, id, &patch.apply(&current))?;
    }
    get(conn, id)
}

/// Deletes a contact and returns what it was, so the caller can offer Undo. Its open
/// check-ins and any half-written edit of it go with it; done check-ins stay, as
/// history.
pub fn delete(conn: &Connection, id: ContactId) -> Result<Contact> {
    write_tx(conn, |tx| {
        let old = get(tx, id)?;
        tx.execute(
            "DELETE FROM followup WHERE contact_id = ?1 AND done_on IS NULL",
            [id],
        )?;
        tx.execute("DELETE FROM draft WHERE contact_id = ?1", [id])?;
        tx.execute("DELETE FROM contact WHERE id = ?1", [id])?;
        let people: Vec<PersonId> = old.persons.iter().map(|p| p.id).collect();
        audit::record(
            tx,
            &Event::new(Action::Delete, "contact").id(id).people(&people),
        )?;
        Ok(old)
    })
}

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

fn not_found(id: ContactId) -> Error {
    Error::NotFound {
        what: "contact",
        name: id.to_string(),
        hint: "",
    }
}

const COLUMNS: &str = "c.id, c.at, c.minutes, c.mode, c.initiative, c.support, c.note,
    c.own_experience, c.own_experience_note, c.own_words, c.signal, c.signal_note,
    c.follow_up, c.for_consult";

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
        params.push(Value::Integer(time::day_start(d)));
        w.push(format!("{at} >= ?"));
    }
    if let Some(d) = f.to.and_then(|d| d.succ_opt()) {
        params.push(Value::Integer(time::day_start(d)));
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

/// Fills in people and tags for a page of contacts, two queries for the whole page.
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
        "SELECT cp.contact_id, p.id, p.alias, p.code FROM contact_person cp
         JOIN person p ON p.id = cp.person_id
         WHERE cp.contact_id IN (SELECT value FROM json_each(?1)) ORDER BY p.alias COLLATE NOCASE",
    )?;
    let mut rows = st.query([&ids])?;
    while let Some(r) = rows.next()? {
        let cid: ContactId = r.get(0)?;
        if let Some(&i) = index.get(&cid) {
            contacts[i].persons.push(PersonRef {
                id: r.get(1)?,
                alias: r.get(2)?,
                code: r.get(3)?,
            });
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
pub fn rank_people(people: &[crate::person::Person], typed: &str) -> Vec<PersonId> {
    let q = crate::redact::fold(typed.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let mut ranked: Vec<(u8, String, PersonId)> = people
        .iter()
        .filter_map(|p| {
            let a = crate::redact::fold(&p.alias);
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
