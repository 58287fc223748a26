//! A person's circle (seed 002, "maak de kring groter"): the people around them,
//! informal (family, friends, neighbours) and formal (professionals), with their role.
//! Someone who leaves is kept, not deleted, while a consent or bridge note refers to
//! them.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Event};
use crate::ground::error::{Error, Invalid, Result};
use crate::ground::ids::PersonId;
use crate::ground::limits;
use crate::ground::vocab::Action;
use crate::store::db::write_tx;

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

/// Adds someone to a person's circle. Someone who left it before (same name) comes
/// back as the same member, so their history stays one.
pub fn add_member(
    conn: &Connection,
    person: PersonId,
    name: &str,
    role: &str,
    formal: bool,
) -> Result<CircleMember> {
    let name = limits::one_line("name", name)?;
    let role = limits::one_line_or_empty("role", role)?;
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
    let name = limits::one_line("name", name)?;
    let role = limits::one_line_or_empty("role", role)?;
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
    crate::ground::time::check_day(on)?;
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
