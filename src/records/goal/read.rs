//! Reading goals: one, a person's whole plan in their order, and the goals a contact
//! touched. Each goal comes with its helpers, ratings, history and contacts.

use rusqlite::{Connection, OptionalExtension, Row};

use super::model::{GivenRating, Goal, Helper, Rating, Status, StatusChange};
use crate::ground::error::{Error, Result};
use crate::ground::ids::{ContactId, PersonId};

const COLUMNS: &str = "id, person_id, text, why, steps, status, position, supporter, for_consult,
     created_at, updated_at";

/// The goal's own row; the second value says whether the supporter helps.
fn from_row(r: &Row) -> rusqlite::Result<(Goal, bool, String)> {
    Ok((
        Goal {
            id: r.get(0)?,
            person_id: r.get(1)?,
            text: r.get(2)?,
            why: r.get(3)?,
            steps: r.get(4)?,
            status: Status::Working,
            position: r.get(6)?,
            helpers: Vec::new(),
            for_consult: r.get(8)?,
            created_at: r.get(9)?,
            updated_at: r.get(10)?,
            ratings: Vec::new(),
            history: Vec::new(),
            contacts: Vec::new(),
        },
        r.get(7)?,
        r.get(5)?,
    ))
}

/// Fills in what hangs off a goal's row.
fn complete(c: &Connection, (mut g, supporter, status): (Goal, bool, String)) -> Result<Goal> {
    g.status = Status::from_db(&status)?;
    let mut st = c.prepare_cached(
        "SELECT m.id, m.name FROM goal_helper h JOIN circle_member m ON m.id = h.member_id
         WHERE h.goal_id = ?1 ORDER BY m.name COLLATE NOCASE",
    )?;
    g.helpers = st
        .query_map([g.id], |r| {
            Ok(Helper {
                member_id: Some(r.get(0)?),
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    if supporter {
        g.helpers.push(Helper {
            member_id: None,
            name: String::new(),
        });
    }
    let mut st = c.prepare_cached(
        "SELECT id, on_day, score, words, contact_id FROM goal_rating
         WHERE goal_id = ?1 ORDER BY on_day, id",
    )?;
    g.ratings = st
        .query_map([g.id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<ContactId>>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|(id, on, score, words, contact)| {
            Ok(Rating {
                id,
                on: on.parse().map_err(|_| Error::Damaged)?,
                score,
                words,
                contact,
            })
        })
        .collect::<Result<_>>()?;
    let mut st =
        c.prepare_cached("SELECT status, at FROM goal_status WHERE goal_id = ?1 ORDER BY at, id")?;
    g.history = st
        .query_map([g.id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|(s, at)| {
            Ok(StatusChange {
                status: Status::from_db(&s)?,
                at,
            })
        })
        .collect::<Result<_>>()?;
    let mut st = c.prepare_cached(
        "SELECT cg.contact_id FROM contact_goal cg JOIN contact k ON k.id = cg.contact_id
         WHERE cg.goal_id = ?1 ORDER BY k.at, k.id",
    )?;
    g.contacts = st
        .query_map([g.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(g)
}

/// One goal, whole.
pub fn get(conn: &Connection, id: i64) -> Result<Goal> {
    let row = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM goal WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "goal",
            name: id.to_string(),
            hint: "",
        })?;
    complete(conn, row)
}

/// A person's plan: every goal, in their own order.
pub fn list(conn: &Connection, person: PersonId) -> Result<Vec<Goal>> {
    let rows = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM goal WHERE person_id = ?1 ORDER BY position, id"
        ))?
        .query_map([person], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|r| complete(conn, r)).collect()
}

/// A person's open goals (working on it) that nobody looked at since `since` (Unix
/// seconds): not added, changed, rated, moved on or touched by a contact after it.
/// With the day each was last looked at, the longest-quiet first. For the
/// consult's gentle signal: a plan is made with the person and looked at again.
pub fn quiet(conn: &Connection, person: PersonId, since: i64) -> Result<Vec<(i64, i64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT g.id, MAX(g.created_at, g.updated_at,
                    COALESCE((SELECT MAX(r.created_at) FROM goal_rating r WHERE r.goal_id = g.id), 0),
                    COALESCE((SELECT MAX(s.at) FROM goal_status s WHERE s.goal_id = g.id), 0),
                    COALESCE((SELECT MAX(k.at) FROM contact_goal cg JOIN contact k ON k.id = cg.contact_id
                              WHERE cg.goal_id = g.id), 0)) AS seen
             FROM goal g WHERE g.person_id = ?1 AND g.status = 'working'
             GROUP BY g.id HAVING seen < ?2 ORDER BY seen, g.id",
        )?
        .query_map(rusqlite::params![person, since], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The ids of the goals a contact touched.
pub fn for_contact(conn: &Connection, contact: ContactId) -> Result<Vec<i64>> {
    Ok(conn
        .prepare_cached("SELECT goal_id FROM contact_goal WHERE contact_id = ?1 ORDER BY goal_id")?
        .query_map([contact], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The ratings given at a contact, one per goal, for the form that edits it.
pub fn rated_at(conn: &Connection, contact: ContactId) -> Result<Vec<GivenRating>> {
    Ok(conn
        .prepare_cached(
            "SELECT goal_id, score, words FROM goal_rating WHERE contact_id = ?1 ORDER BY goal_id, id",
        )?
        .query_map([contact], |r| {
            Ok(GivenRating {
                goal: r.get(0)?,
                score: r.get(1)?,
                words: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}
