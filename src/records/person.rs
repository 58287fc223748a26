//! People the supporter works with, in their own words. Their circle is in
//! [`super::circle`], their consent in [`super::consent`].
//!
//! An alias is enough; a full name is never required. Each person also gets a short
//! random code, which is what a pseudonymised summary prints and all a colleague
//! after an incident needs to be.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Event};
use crate::ground::calendar;
use crate::ground::error::{Error, Invalid, Result};
use crate::ground::ids::PersonId;
use crate::ground::limits;
use crate::ground::vocab::{Action, Context};
use crate::store::db::write_tx;

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

pub(crate) const COLUMNS: &str = "id, alias, code, context, full_name, wishes, strengths, active";

pub(crate) fn from_row(r: &Row) -> rusqlite::Result<Person> {
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
    let alias = limits::one_line("alias", &p.alias)?;
    limits::check_len("full name", &p.full_name, limits::SHORT_MAX)?;
    limits::check_len("wishes", &p.wishes, limits::NOTE_MAX)?;
    limits::check_len("strengths", &p.strengths, limits::NOTE_MAX)?;
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
                calendar::now(),
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
        crate::ground::ids::random(&mut b)?;
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
    crate::ground::limits::check_range("months", months.into(), 1, 240)?;
    let cut = today
        .checked_sub_months(chrono::Months::new(months))
        .unwrap_or(today);
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM person WHERE active = 0 AND closed_at IS NOT NULL
         AND closed_at < ?1 ORDER BY closed_at"
    ))?;
    let rows = st.query_map([crate::ground::calendar::day_start(cut)], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The person's own words: wishes and goals, strengths. Replaced as a whole.
pub fn set_own_words(conn: &Connection, id: PersonId, wishes: &str, strengths: &str) -> Result<()> {
    limits::check_len("wishes", wishes, limits::NOTE_MAX)?;
    limits::check_len("strengths", strengths, limits::NOTE_MAX)?;
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
        let closed = (!active).then(calendar::now);
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
