//! Changing a plan: a goal added, changed, reached, let go or reopened, a rating
//! given, and the goals a contact touched. Each write is one transaction with its
//! audit line (ids only, never the person's words).

use rusqlite::Connection;

use super::at_contact::present;
use super::model::{Goal, GoalPatch, NewGoal, NewRating, Rating, Status};
use super::plan::check_plan;
use super::read::get;
use crate::audit::{self, Event};
use crate::ground::calendar;
use crate::ground::error::{Invalid, Result};
use crate::ground::ids::PersonId;
use crate::ground::limits;
use crate::ground::vocab::Action;
use crate::records::circle;
use crate::store::db::write_tx;

/// The goal's text: the person's words, not empty, as long as a note at most.
fn goal_text(text: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Invalid::Empty("goal").into());
    }
    limits::check_len("goal", t, limits::NOTE_MAX)?;
    Ok(t.to_string())
}

/// Adds a goal at the end of the person's order.
pub fn add(conn: &Connection, person: PersonId, g: &NewGoal) -> Result<Goal> {
    let text = goal_text(&g.text)?;
    limits::check_len("why", &g.why, limits::NOTE_MAX)?;
    limits::check_len("steps", &g.steps, limits::NOTE_MAX)?;
    write_tx(conn, |c| {
        check_plan(c, person)?;
        let members = helper_ids(c, person, &g.helpers)?;
        let now = calendar::now();
        c.execute(
            "INSERT INTO goal (person_id, text, why, steps, position, supporter, for_consult,
                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4,
                 (SELECT coalesce(max(position), 0) + 1 FROM goal WHERE person_id = ?1),
                 ?5, ?6, ?7, ?7)",
            (
                person,
                &text,
                g.why.trim(),
                g.steps.trim(),
                g.supporter,
                g.for_consult,
                now,
            ),
        )?;
        let id = c.last_insert_rowid();
        set_helpers(c, id, &members)?;
        c.execute(
            "INSERT INTO goal_status (goal_id, status, at) VALUES (?1, 'working', ?2)",
            (id, now),
        )?;
        audit::record(c, &Event::new(Action::Create, "goal").id(id).person(person))?;
        get(c, id)
    })
}

/// The circle members named, refused by name when one is not in the circle now.
fn helper_ids(c: &Connection, person: PersonId, names: &[String]) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    for n in names {
        let m = circle::find_member(c, person, n)?;
        if !ids.contains(&m.id) {
            ids.push(m.id);
        }
    }
    Ok(ids)
}

fn set_helpers(c: &Connection, goal: i64, members: &[i64]) -> Result<()> {
    c.execute("DELETE FROM goal_helper WHERE goal_id = ?1", [goal])?;
    let mut st =
        c.prepare_cached("INSERT INTO goal_helper (goal_id, member_id) VALUES (?1, ?2)")?;
    for m in members {
        st.execute((goal, m))?;
    }
    Ok(())
}

/// Changes exactly the fields given.
pub fn change(conn: &Connection, id: i64, p: &GoalPatch) -> Result<Goal> {
    if p.is_empty() {
        return Err(Invalid::NothingToChange.into());
    }
    let text = p.text.as_deref().map(goal_text).transpose()?;
    for (field, v) in [("why", &p.why), ("steps", &p.steps)] {
        if let Some(v) = v {
            limits::check_len(field, v, limits::NOTE_MAX)?;
        }
    }
    write_tx(conn, |c| {
        let old = get(c, id)?;
        let now = calendar::now();
        c.execute(
            "UPDATE goal SET text = coalesce(?2, text), why = coalesce(?3, why),
                 steps = coalesce(?4, steps), supporter = coalesce(?5, supporter),
                 for_consult = coalesce(?6, for_consult), updated_at = ?7
             WHERE id = ?1",
            (
                id,
                text.as_deref(),
                p.why.as_deref().map(str::trim),
                p.steps.as_deref().map(str::trim),
                p.supporter,
                p.for_consult,
                now,
            ),
        )?;
        if let Some(names) = &p.helpers {
            let members = helper_ids(c, old.person_id, names)?;
            set_helpers(c, id, &members)?;
        }
        if let Some(to) = p.position {
            move_to(c, &old, to)?;
        }
        audit::record(
            c,
            &Event::new(Action::Change, "goal")
                .id(id)
                .person(old.person_id),
        )?;
        get(c, id)
    })
}

/// Puts a goal at `to` in its person's order (1 first) and numbers the rest again.
fn move_to(c: &Connection, g: &Goal, to: i64) -> Result<()> {
    let mut order: Vec<i64> = c
        .prepare_cached("SELECT id FROM goal WHERE person_id = ?1 ORDER BY position, id")?
        .query_map([g.person_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let to = limits::check_range("position", to, 1, order.len() as i64)?;
    order.retain(|x| *x != g.id);
    order.insert((to - 1) as usize, g.id);
    let mut st = c.prepare_cached("UPDATE goal SET position = ?2 WHERE id = ?1")?;
    for (i, goal) in order.iter().enumerate() {
        st.execute((goal, i as i64 + 1))?;
    }
    Ok(())
}

/// Reached, let go, or reopened (working again). Setting the status it has already
/// changes nothing and logs nothing.
pub fn set_status(conn: &Connection, id: i64, status: Status) -> Result<Goal> {
    write_tx(conn, |c| {
        let old = get(c, id)?;
        if old.status == status {
            return Ok(old);
        }
        let now = calendar::now();
        c.execute(
            "UPDATE goal SET status = ?2, updated_at = ?3 WHERE id = ?1",
            (id, status.as_str(), now),
        )?;
        c.execute(
            "INSERT INTO goal_status (goal_id, status, at) VALUES (?1, ?2, ?3)",
            (id, status.as_str(), now),
        )?;
        audit::record(
            c,
            &Event::new(Action::Change, "goal")
                .id(id)
                .person(old.person_id)
                .detail(serde_json::json!({ "status": status.as_str() })),
        )?;
        get(c, id)
    })
}

/// The person's own rating of a goal, 0–10, with their words, on a day (today if not
/// given), optionally at a contact they were at.
pub fn rate(conn: &Connection, id: i64, r: &NewRating) -> Result<Rating> {
    let score = limits::check_range("score", r.score, 0, 10)?;
    limits::check_len("words", &r.words, limits::NOTE_MAX)?;
    let on = r.on.unwrap_or_else(calendar::today);
    crate::ground::time::check_day(on)?;
    write_tx(conn, |c| {
        let g = get(c, id)?;
        if let Some(contact) = r.contact {
            present(c, contact, g.id, g.person_id)?;
        }
        c.execute(
            "INSERT INTO goal_rating (goal_id, on_day, score, words, contact_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (
                id,
                on.to_string(),
                score,
                r.words.trim(),
                r.contact,
                calendar::now(),
            ),
        )?;
        let rating = c.last_insert_rowid();
        audit::record(
            c,
            &Event::new(Action::Create, "goal_rating")
                .id(rating)
                .person(g.person_id)
                .detail(serde_json::json!({ "goal": id, "contact": r.contact })),
        )?;
        Ok(Rating {
            id: rating,
            on,
            score,
            words: r.words.trim().to_string(),
            contact: r.contact,
        })
    })
}
