//! A goal and the contacts that touched it: the links a contact makes, and the
//! ratings the person gives at a contact, saved in the contact's own transaction.
//! A goal of someone not at the contact is refused by name, for both.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::model::GivenRating;
use crate::audit::{self, Event};
use crate::ground::calendar;
use crate::ground::error::{Error, Invalid, Result};
use crate::ground::ids::{ContactId, PersonId};
use crate::ground::vocab::Action;

/// Refuses a goal whose person was not at the contact, naming the goal and them.
pub(super) fn present(
    c: &Connection,
    contact: ContactId,
    goal: i64,
    owner: PersonId,
) -> Result<()> {
    let at: bool = c.query_row(
        "SELECT EXISTS (SELECT 1 FROM contact_person WHERE contact_id = ?1 AND person_id = ?2)",
        (contact, owner),
        |r| r.get(0),
    )?;
    let exists: bool = c.query_row(
        "SELECT EXISTS (SELECT 1 FROM contact WHERE id = ?1)",
        [contact],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(Error::NotFound {
            what: "contact",
            name: contact.to_string(),
            hint: "",
        });
    }
    if at {
        return Ok(());
    }
    let who: String = c.query_row("SELECT alias FROM person WHERE id = ?1", [owner], |r| {
        r.get(0)
    })?;
    Err(Invalid::GoalNotPresent { goal, who }.into())
}

/// Links a contact to the goals it touched, replacing what it had; the caller holds
/// the transaction and has linked the people already. A goal of someone not at the
/// contact is refused, naming the goal and its person.
pub(crate) fn link_contact(c: &Connection, contact: ContactId, goals: &[i64]) -> Result<()> {
    c.execute("DELETE FROM contact_goal WHERE contact_id = ?1", [contact])?;
    let mut st = c.prepare_cached(
        "INSERT OR IGNORE INTO contact_goal (contact_id, goal_id) VALUES (?1, ?2)",
    )?;
    for g in goals {
        let owner = owner(c, *g)?;
        present(c, contact, *g, owner)?;
        st.execute((contact, g))?;
    }
    Ok(())
}

/// Whose goal it is; a goal that is not there is refused by its number.
fn owner(c: &Connection, goal: i64) -> Result<PersonId> {
    c.query_row("SELECT person_id FROM goal WHERE id = ?1", [goal], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(Error::NotFound {
        what: "goal",
        name: goal.to_string(),
        hint: "",
    })
}

/// The ratings given at a contact, as the form now has them: one per goal (the last
/// given counts), dated the contact's day, each goal linked to the contact as one it
/// touched. A rating at the contact for a goal not given any more is removed. The
/// caller holds the contact's transaction and has linked its people, so a refused
/// contact leaves no rating, and a goal of someone not at it is refused by name.
/// Audited like [`rate`]: created, changed or deleted, ids only.
pub(crate) fn rate_at_contact(
    c: &Connection,
    contact: ContactId,
    day: NaiveDate,
    given: &[GivenRating],
) -> Result<()> {
    let old: Vec<(i64, i64, i64, String)> = c
        .prepare_cached("SELECT id, goal_id, score, words FROM goal_rating WHERE contact_id = ?1")?
        .query_map([contact], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut kept: Vec<i64> = Vec::new();
    for (i, r) in given.iter().enumerate() {
        if given[i + 1..].iter().any(|later| later.goal == r.goal) {
            continue;
        }
        r.check()?;
        let person = owner(c, r.goal)?;
        present(c, contact, r.goal, person)?;
        c.execute(
            "INSERT OR IGNORE INTO contact_goal (contact_id, goal_id) VALUES (?1, ?2)",
            (contact, r.goal),
        )?;
        let words = r.words.trim();
        let (id, action) = match old.iter().find(|o| o.1 == r.goal) {
            Some((id, _, score, w)) if *score == r.score && w == words => {
                kept.push(*id);
                continue;
            }
            Some((id, ..)) => {
                c.execute(
                    "UPDATE goal_rating SET score = ?2, words = ?3, on_day = ?4 WHERE id = ?1",
                    (id, r.score, words, day.to_string()),
                )?;
                (*id, Action::Change)
            }
            None => match detached(c, r, words, day)? {
                // The same rating, left behind by a deleted contact (Undo puts the
                // contact back): taken back, not given twice.
                Some(id) => {
                    c.execute(
                        "UPDATE goal_rating SET contact_id = ?2 WHERE id = ?1",
                        (id, contact),
                    )?;
                    (id, Action::Change)
                }
                None => {
                    c.execute(
                        "INSERT INTO goal_rating (goal_id, on_day, score, words, contact_id, created_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        (r.goal, day.to_string(), r.score, words, contact, calendar::now()),
                    )?;
                    (c.last_insert_rowid(), Action::Create)
                }
            },
        };
        kept.push(id);
        audit::record(c, &rating_event(action, id, person, r.goal, contact))?;
    }
    for (id, goal, ..) in old.iter().filter(|o| !kept.contains(&o.0)) {
        c.execute("DELETE FROM goal_rating WHERE id = ?1", [id])?;
        let person = owner(c, *goal)?;
        audit::record(
            c,
            &rating_event(Action::Delete, *id, person, *goal, contact),
        )?;
    }
    redate_at_contact(c, contact, day)
}

/// A rating of the goal on the day with this score and these words, at no contact.
fn detached(c: &Connection, r: &GivenRating, words: &str, day: NaiveDate) -> Result<Option<i64>> {
    Ok(c.query_row(
        "SELECT id FROM goal_rating WHERE contact_id IS NULL AND goal_id = ?1 AND on_day = ?2
             AND score = ?3 AND words = ?4 ORDER BY id LIMIT 1",
        (r.goal, day.to_string(), r.score, words),
        |row| row.get(0),
    )
    .optional()?)
}

fn rating_event(action: Action, id: i64, person: PersonId, goal: i64, contact: ContactId) -> Event {
    Event::new(action, "goal_rating")
        .id(id)
        .person(person)
        .detail(serde_json::json!({ "goal": goal, "contact": contact }))
}

/// The ratings given at a contact follow it to its day when it is moved. The caller
/// holds the transaction.
pub(crate) fn redate_at_contact(c: &Connection, contact: ContactId, day: NaiveDate) -> Result<()> {
    c.execute(
        "UPDATE goal_rating SET on_day = ?2 WHERE contact_id = ?1",
        (contact, day.to_string()),
    )?;
    Ok(())
}

/// After a contact's people changed: a goal whose person is no longer on it is no
/// longer one it touched. The caller holds the transaction.
pub(crate) fn unlink_absent(c: &Connection, contact: ContactId) -> Result<()> {
    c.execute(
        "DELETE FROM contact_goal WHERE contact_id = ?1 AND goal_id IN (
             SELECT g.id FROM goal g WHERE NOT EXISTS (
                 SELECT 1 FROM contact_person cp
                 WHERE cp.contact_id = ?1 AND cp.person_id = g.person_id))",
        [contact],
    )?;
    // Their ratings stay theirs, dated as they were, but no longer "at" this contact.
    c.execute(
        "UPDATE goal_rating SET contact_id = NULL WHERE contact_id = ?1 AND goal_id IN (
             SELECT g.id FROM goal g WHERE NOT EXISTS (
                 SELECT 1 FROM contact_person cp
                 WHERE cp.contact_id = ?1 AND cp.person_id = g.person_id))",
        [contact],
    )?;
    Ok(())
}
