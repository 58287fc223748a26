//! People the supporter works with, in their own words, with their circle and the
//! consent they gave for what may be shared with whom.
//!
//! An alias is enough; a full name is never required. Each person also gets a short
//! random code, which is what a pseudonymised summary prints and all a colleague
//! after an incident needs to be.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Action, Event};
use crate::db::{self, write_tx};
use crate::error::{Error, Invalid, Result};
use crate::model::Context;
use crate::text;

pub type PersonId = i64;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Person {
    pub id: PersonId,
    pub alias: String,
    pub code: String,
    pub context: Context,
    pub full_name: String,
    pub wishes: String,
    pub strengths: String,
    pub active: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct NewPerson {
    pub alias: String,
    pub context: Option<Context>,
    pub full_name: String,
    pub wishes: String,
    pub strengths: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CircleMember {
    pub id: i64,
    pub person_id: PersonId,
    pub name: String,
    pub role: String,
    pub formal: bool,
    pub involve: bool,
    /// The day they left the circle; kept (not deleted) because a consent or a bridge
    /// note refers to them.
    pub left_on: Option<NaiveDate>,
}

/// What removing a circle member did.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum Removal {
    /// Nothing referred to them: gone.
    Deleted,
    /// A consent or bridge note refers to them: out of the circle, their consents
    /// withdrawn as of that day, the record of what was shared with them kept.
    Left,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Consent {
    pub id: i64,
    pub person_id: PersonId,
    pub member_id: i64,
    pub recipient: String,
    pub scope: String,
    pub discussed_on: NaiveDate,
    pub until: NaiveDate,
    pub withdrawn_on: Option<NaiveDate>,
}

impl Consent {
    /// Fail closed: valid only from the day it was discussed up to and including its
    /// last day, and not withdrawn.
    pub fn valid_on(&self, day: NaiveDate) -> bool {
        self.withdrawn_on.is_none() && self.discussed_on <= day && day <= self.until
    }
}

const COLUMNS: &str = "id, alias, code, context, full_name, wishes, strengths, active";

fn from_row(r: &Row) -> rusqlite::Result<Person> {
    let context: String = r.get(3)?;
    Ok(Person {
        id: r.get(0)?,
        alias: r.get(1)?,
        code: r.get(2)?,
        context: Context::parse(&context).unwrap_or(Context::Client),
        full_name: r.get(4)?,
        wishes: r.get(5)?,
        strengths: r.get(6)?,
        active: r.get(7)?,
    })
}

pub fn add(conn: &Connection, p: &NewPerson) -> Result<Person> {
    write_tx(conn, |c| insert(c, p))
}

/// The insert itself, validated; the caller holds the transaction.
pub(crate) fn insert(c: &Connection, p: &NewPerson) -> Result<Person> {
    let alias = text::one_line("alias", &p.alias)?;
    text::check_len("full name", &p.full_name, text::SHORT_MAX)?;
    text::check_len("wishes", &p.wishes, text::NOTE_MAX)?;
    text::check_len("strengths", &p.strengths, text::NOTE_MAX)?;
    let context = p.context.unwrap_or(Context::Client);
    {
        if find_alias(c, &alias)?.is_some() {
            return Err(Invalid::DuplicateAlias(alias.clone()).into());
        }
        let code = new_code(c)?;
        c.execute(
            "INSERT INTO person (alias, code, context, full_name, wishes, strengths, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (
                &alias,
                &code,
                context.as_str(),
                &p.full_name,
                &p.wishes,
                &p.strengths,
                db::now(),
            ),
        )?;
        let id = c.last_insert_rowid();
        audit::record(c, &Event::new(Action::Create, "person").id(id).person(id))?;
        get(c, id)
    }
}

/// Whether an alias is taken (any case).
pub(crate) fn alias_taken(conn: &Connection, alias: &str) -> Result<bool> {
    Ok(find_alias(conn, alias)?.is_some())
}

/// Codes look like `K7QM`: four letters from an alphabet without look-alikes.
fn new_code(c: &Connection) -> Result<String> {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";
    loop {
        let mut b = [0u8; 4];
        crate::vault::key::random(&mut b)?;
        let code: String = b
            .iter()
            .map(|x| ALPHABET[*x as usize % ALPHABET.len()] as char)
            .collect();
        let taken: bool = c.query_row(
            "SELECT EXISTS (SELECT 1 FROM person WHERE code = ?1)",
            [&code],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(code);
        }
    }
}

pub fn get(conn: &Connection, id: PersonId) -> Result<Person> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM person WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "person",
        name: id.to_string(),
        hint: "",
    })
}

fn find_alias(conn: &Connection, alias: &str) -> Result<Option<Person>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM person WHERE alias = ?1 COLLATE NOCASE"),
            [alias],
            from_row,
        )
        .optional()?)
}

/// Finds a person by alias (any case) or by code. An unknown name is refused with a
/// hint to add the person first.
pub fn find(conn: &Connection, name: &str) -> Result<Person> {
    let name = name.trim();
    if let Some(p) = find_alias(conn, name)? {
        return Ok(p);
    }
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM person WHERE code = ?1"),
        [name.to_ascii_uppercase()],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "person",
        name: name.into(),
        hint: "add-person",
    })
}

/// Everyone, active people first, then by alias.
pub fn list(conn: &Connection) -> Result<Vec<Person>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM person ORDER BY active DESC, alias COLLATE NOCASE"
    ))?;
    let rows = st.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// People whose support ended (closed) more than `months` ago: the list "Klaar om
/// te wissen?". Nothing is erased here; the supporter decides per person.
pub fn ready_to_erase(conn: &Connection, today: NaiveDate, months: u32) -> Result<Vec<Person>> {
    crate::text::check_range("months", months.into(), 1, 240)?;
    let cut = today
        .checked_sub_months(chrono::Months::new(months))
        .unwrap_or(today);
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM person WHERE active = 0 AND closed_at IS NOT NULL
         AND closed_at < ?1 ORDER BY closed_at"
    ))?;
    let rows = st.query_map([crate::time::day_start(cut)], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The person's own words: wishes and goals, strengths. Replaced as a whole.
pub fn set_own_words(conn: &Connection, id: PersonId, wishes: &str, strengths: &str) -> Result<()> {
    text::check_len("wishes", wishes, text::NOTE_MAX)?;
    text::check_len("strengths", strengths, text::NOTE_MAX)?;
    write_tx(conn, |c| {
        let n = c.execute(
            "UPDATE person SET wishes = ?2, strengths = ?3 WHERE id = ?1",
            (id, wishes, strengths),
        )?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "person",
                name: id.to_string(),
                hint: "",
            });
        }
        audit::record(c, &Event::new(Action::Change, "person").id(id).person(id))?;
        Ok(())
    })
}

pub fn set_active(conn: &Connection, id: PersonId, active: bool) -> Result<()> {
    write_tx(conn, |c| {
        let closed = (!active).then(db::now);
        c.execute(
            "UPDATE person SET active = ?2, closed_at = ?3 WHERE id = ?1",
            (id, active, closed),
        )?;
        audit::record(
            c,
            &Event::new(Action::Change, "person")
                .id(id)
                .person(id)
                .detail(serde_json::json!({ "active": active })),
        )?;
        Ok(())
    })
}

/// Adds someone to a person's circle. Someone who left it before (same name) comes
/// back as the same member, so their history stays one.
pub fn add_member(
    conn: &Connection,
    person: PersonId,
    name: &str,
    role: &str,
    formal: bool,
) -> Result<CircleMember> {
    let name = text::one_line("name", name)?;
    let role = text::one_line_or_empty("role", role)?;
    write_tx(conn, |c| {
        let existing: Option<(i64, bool)> = c
            .query_row(
                "SELECT id, left_on IS NOT NULL FROM circle_member
                 WHERE person_id = ?1 AND name = ?2 COLLATE NOCASE",
                (person, &name),
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let id = match existing {
            Some((_, false)) => return Err(Invalid::DuplicateMember(name.clone()).into()),
            Some((id, true)) => {
                c.execute(
                    "UPDATE circle_member SET name = ?2, role = ?3, formal = ?4, left_on = NULL
                     WHERE id = ?1",
                    (id, &name, &role, formal),
                )?;
                audit::record(
                    c,
                    &Event::new(Action::Change, "circle_member")
                        .id(id)
                        .person(person),
                )?;
                id
            }
            None => {
                c.execute(
                    "INSERT INTO circle_member (person_id, name, role, formal) VALUES (?1, ?2, ?3, ?4)",
                    (person, &name, &role, formal),
                )?;
                let id = c.last_insert_rowid();
                audit::record(
                    c,
                    &Event::new(Action::Create, "circle_member")
                        .id(id)
                        .person(person),
                )?;
                id
            }
        };
        member(c, id)
    })
}

/// Changes a member's name, role or group (informal / formal). A member a bridge note
/// goes to stays formal: the note was written to a professional.
pub fn update_member(
    conn: &Connection,
    id: i64,
    name: &str,
    role: &str,
    formal: bool,
) -> Result<CircleMember> {
    let name = text::one_line("name", name)?;
    let role = text::one_line_or_empty("role", role)?;
    write_tx(conn, |c| {
        let m = member(c, id)?;
        if m.left_on.is_some() {
            return Err(Invalid::MemberLeft(m.name).into());
        }
        let taken: bool = c.query_row(
            "SELECT EXISTS (SELECT 1 FROM circle_member
             WHERE person_id = ?1 AND name = ?2 COLLATE NOCASE AND id <> ?3)",
            (m.person_id, &name, id),
            |r| r.get(0),
        )?;
        if taken {
            return Err(Invalid::DuplicateMember(name.clone()).into());
        }
        if !formal {
            let notes: bool = c.query_row(
                "SELECT EXISTS (SELECT 1 FROM bridge_note WHERE member_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if notes {
                return Err(Invalid::MemberHasBridgeNotes(m.name).into());
            }
        }
        c.execute(
            "UPDATE circle_member SET name = ?2, role = ?3, formal = ?4 WHERE id = ?1",
            (id, &name, &role, formal),
        )?;
        audit::record(
            c,
            &Event::new(Action::Change, "circle_member")
                .id(id)
                .person(m.person_id),
        )?;
        member(c, id)
    })
}

/// Takes someone out of a person's circle on `on`. Never deletes what was shared with
/// them: see [`Removal`].
pub fn remove_member(conn: &Connection, id: i64, on: NaiveDate) -> Result<Removal> {
    crate::time::check_day(on)?;
    write_tx(conn, |c| {
        let m = member(c, id)?;
        if m.left_on.is_some() {
            return Ok(Removal::Left);
        }
        let history: bool = c.query_row(
            "SELECT EXISTS (SELECT 1 FROM consent WHERE member_id = ?1)
                 OR EXISTS (SELECT 1 FROM bridge_note WHERE member_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        let removal = if history {
            c.execute(
                "UPDATE consent SET withdrawn_on = ?2 WHERE member_id = ?1 AND withdrawn_on IS NULL",
                (id, on.to_string()),
            )?;
            c.execute(
                "UPDATE circle_member SET left_on = ?2 WHERE id = ?1",
                (id, on.to_string()),
            )?;
            audit::record(
                c,
                &Event::new(Action::Change, "circle_member")
                    .id(id)
                    .person(m.person_id)
                    .detail(serde_json::json!({ "left_on": on })),
            )?;
            Removal::Left
        } else {
            c.execute("DELETE FROM circle_member WHERE id = ?1", [id])?;
            audit::record(
                c,
                &Event::new(Action::Delete, "circle_member")
                    .id(id)
                    .person(m.person_id),
            )?;
            Removal::Deleted
        };
        Ok(removal)
    })
}

/// One member by id, whether in the circle or left it.
pub fn member(conn: &Connection, id: i64) -> Result<CircleMember> {
    conn.query_row(&format!("{MEMBER} WHERE id = ?1"), [id], member_from_row)
        .optional()?
        .ok_or(Error::NotFound {
            what: "circle member",
            name: id.to_string(),
            hint: "",
        })
}

const MEMBER: &str =
    "SELECT id, person_id, name, role, formal, involve, left_on FROM circle_member";

/// Who is in the person's circle now: informal first, then formal.
pub fn circle(conn: &Connection, person: PersonId) -> Result<Vec<CircleMember>> {
    let mut st = conn.prepare_cached(&format!(
        "{MEMBER} WHERE person_id = ?1 AND left_on IS NULL ORDER BY formal, name COLLATE NOCASE"
    ))?;
    let rows = st.query_map([person], member_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every circle member of every person, those who left included: the names
/// redaction must know about.
pub fn all_members(conn: &Connection) -> Result<Vec<CircleMember>> {
    let mut st = conn.prepare_cached(&format!("{MEMBER} ORDER BY id"))?;
    let rows = st.query_map([], member_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn member_from_row(r: &Row) -> rusqlite::Result<CircleMember> {
    Ok(CircleMember {
        id: r.get(0)?,
        person_id: r.get(1)?,
        name: r.get(2)?,
        role: r.get(3)?,
        formal: r.get(4)?,
        involve: r.get(5)?,
        left_on: r.get::<_, Option<String>>(6)?.and_then(|d| d.parse().ok()),
    })
}

pub fn find_member(conn: &Connection, person: PersonId, name: &str) -> Result<CircleMember> {
    circle(conn, person)?
        .into_iter()
        .find(|m| m.name.eq_ignore_ascii_case(name.trim()))
        .ok_or(Error::NotFound {
            what: "circle member",
            name: name.trim().into(),
            hint: "add-member",
        })
}

pub fn add_consent(
    conn: &Connection,
    member: &CircleMember,
    scope: &str,
    discussed_on: NaiveDate,
    until: NaiveDate,
) -> Result<Consent> {
    crate::time::check_day(discussed_on)?;
    crate::time::check_day(until)?;
    if member.left_on.is_some() {
        return Err(Invalid::MemberLeft(member.name.clone()).into());
    }
    if until < discussed_on {
        return Err(Invalid::ConsentPeriod.into());
    }
    write_tx(conn, |c| {
        c.execute(
            "INSERT INTO consent (person_id, member_id, scope, discussed_on, until, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (
                member.person_id,
                member.id,
                scope.trim(),
                discussed_on.to_string(),
                until.to_string(),
                db::now(),
            ),
        )?;
        let id = c.last_insert_rowid();
        audit::record(
            c,
            &Event::new(Action::Create, "consent")
                .id(id)
                .person(member.person_id)
                .detail(serde_json::json!({ "until": until, "for_member": member.id })),
        )?;
        Ok(Consent {
            id,
            person_id: member.person_id,
            member_id: member.id,
            recipient: member.name.clone(),
            scope: scope.trim().into(),
            discussed_on,
            until,
            withdrawn_on: None,
        })
    })
}

pub fn withdraw_consent(conn: &Connection, id: i64, on: NaiveDate) -> Result<()> {
    crate::time::check_day(on)?;
    write_tx(conn, |c| {
        let n = c.execute(
            "UPDATE consent SET withdrawn_on = ?2 WHERE id = ?1",
            (id, on.to_string()),
        )?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "consent",
                name: id.to_string(),
                hint: "",
            });
        }
        let person: PersonId =
            c.query_row("SELECT person_id FROM consent WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        audit::record(
            c,
            &Event::new(Action::Change, "consent")
                .id(id)
                .person(person)
                .detail(serde_json::json!({ "withdrawn_on": on })),
        )?;
        Ok(())
    })
}

pub fn consents(conn: &Connection, person: PersonId) -> Result<Vec<Consent>> {
    let mut st = conn.prepare_cached(
        "SELECT c.id, c.person_id, c.member_id, m.name, c.scope, c.discussed_on, c.until, c.withdrawn_on
         FROM consent c JOIN circle_member m ON m.id = c.member_id
         WHERE c.person_id = ?1 ORDER BY c.until DESC",
    )?;
    let rows = st.query_map([person], |r| {
        let day = |i: usize| -> rusqlite::Result<NaiveDate> {
            let s: String = r.get(i)?;
            s.parse().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    i,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })
        };
        let withdrawn: Option<String> = r.get(7)?;
        Ok(Consent {
            id: r.get(0)?,
            person_id: r.get(1)?,
            member_id: r.get(2)?,
            recipient: r.get(3)?,
            scope: r.get(4)?,
            discussed_on: day(5)?,
            until: day(6)?,
            withdrawn_on: withdrawn.and_then(|s| s.parse().ok()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Erases a person completely: their circle, consents, bridge notes, check-ins, and
/// every contact that involved only them. A group contact that also involved others
/// stays, without this person. `secure_delete` overwrites the freed pages, and the
/// search index drops the words (FTS5 secure-delete). Returns the contacts removed.
pub fn erase(conn: &Connection, id: PersonId) -> Result<usize> {
    let removed = write_tx(conn, |c| {
        get(c, id)?;
        crate::draft::forget_person(c, id)?;
        // The record of printed summaries keeps the event, not who was in it.
        c.execute(
            "UPDATE summary_log SET person_ids =
                 (SELECT json_group_array(value) FROM json_each(summary_log.person_ids) WHERE value <> ?1)
             WHERE EXISTS (SELECT 1 FROM json_each(summary_log.person_ids) WHERE value = ?1)",
            [id],
        )?;
        let removed = c.execute(
            "DELETE FROM contact WHERE id IN (
                 SELECT contact_id FROM contact_person WHERE person_id = ?1
                 EXCEPT SELECT contact_id FROM contact_person WHERE person_id <> ?1)",
            [id],
        )?;
        // Logged while the code can still be looked up; the line outlives the person
        // and names them by code only.
        audit::record(
            c,
            &Event::new(Action::Erase, "person")
                .id(id)
                .person(id)
                .detail(serde_json::json!({ "contacts_removed": removed })),
        )?;
        c.execute("DELETE FROM person WHERE id = ?1", [id])?;
        Ok(removed)
    })?;
    // Move the overwritten pages out of the log into the file, and empty the log.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(removed)
}

/// Everything about one person, for the person page and the right of access: own
/// words, circle, consents, and one timeline of contacts (group contacts included),
/// bridge notes and open check-ins.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Detail {
    pub person: Person,
    /// What the person said in their own words, from every contact, newest first:
    /// their story, collected.
    pub own_words: Vec<OwnWords>,
    /// How many contacts there are in all; `contacts` is the newest page of them.
    pub contact_total: i64,
    pub circle: Vec<CircleMember>,
    pub consents: Vec<Consent>,
    pub contacts: Vec<crate::contact::Contact>,
    pub bridge_notes: Vec<crate::bridge::BridgeNote>,
    pub checkins: Vec<crate::followup::FollowUp>,
}

/// One thing the person said, and when.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct OwnWords {
    pub contact_id: i64,
    pub at: i64,
    pub text: String,
}

/// A row of the list of people: who, and where things stand.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PersonRow {
    pub person: Person,
    pub contacts: i64,
    pub last_contact: Option<i64>,
    pub next_checkin: Option<NaiveDate>,
}

/// Everyone with their last contact, next open check-in and number of contacts;
/// active people first, then by alias. One query, whatever the size of the vault.
pub fn overview(conn: &Connection) -> Result<Vec<PersonRow>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS},
                (SELECT count(*) FROM contact_person cp WHERE cp.person_id = person.id),
                (SELECT max(c.at) FROM contact c JOIN contact_person cp ON cp.contact_id = c.id
                  WHERE cp.person_id = person.id),
                (SELECT min(f.due) FROM followup f WHERE f.person_id = person.id
                  AND f.done_on IS NULL)
         FROM person ORDER BY active DESC, alias COLLATE NOCASE"
    ))?;
    let n = COLUMNS.split(',').count();
    let rows = st.query_map([], |r| {
        let due: Option<String> = r.get(n + 2)?;
        Ok(PersonRow {
            person: from_row(r)?,
            contacts: r.get(n)?,
            last_contact: r.get(n + 1)?,
            next_checkin: due.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn own_words_of(conn: &Connection, id: PersonId) -> Result<Vec<OwnWords>> {
    let mut st = conn.prepare_cached(
        "SELECT c.id, c.at, c.own_words FROM contact c
         JOIN contact_person cp ON cp.contact_id = c.id
         WHERE cp.person_id = ?1 AND c.own_words <> '' ORDER BY c.at DESC, c.id DESC",
    )?;
    let rows = st.query_map([id], |r| {
        Ok(OwnWords {
            contact_id: r.get(0)?,
            at: r.get(1)?,
            text: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn detail(conn: &Connection, id: PersonId) -> Result<Detail> {
    let person = get(conn, id)?;
    let filter = crate::contact::Filter {
        person: Some(id),
        ..Default::default()
    };
    Ok(Detail {
        person,
        circle: circle(conn, id)?,
        consents: consents(conn, id)?,
        contacts: crate::contact::list(conn, &filter, None, Some(50))?,
        contact_total: crate::contact::count(conn, &filter)?,
        own_words: own_words_of(conn, id)?,
        bridge_notes: crate::bridge::list(conn, Some(id), None)?,
        checkins: crate::followup::open(conn, Some(id))?,
    })
}

/// A person's page opened by someone: everything on it, and a line in the audit log
/// (under NEN 7513 reading counts as much as writing).
pub fn view(conn: &Connection, id: PersonId) -> Result<Detail> {
    let d = detail(conn, id)?;
    audit::log(conn, &Event::new(Action::View, "person").id(id).person(id))?;
    Ok(d)
}

/// Records consent for a circle member, by id (what the app has at hand).
pub fn add_consent_for(
    conn: &Connection,
    member_id: i64,
    scope: &str,
    discussed_on: NaiveDate,
    until: NaiveDate,
) -> Result<Consent> {
    let member = member(conn, member_id)?;
    add_consent(conn, &member, scope, discussed_on, until)
}
