//! Check-ins: who, when, why; done or moved. And the stagnation signal: an active
//! person with no contact and no planned check-in for some weeks, which the team
//! consult should hear about.

use chrono::NaiveDate;
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Event};
use crate::ground::calendar;
use crate::ground::error::{Error, Invalid, Result};
use crate::ground::ids::PersonId;
use crate::ground::limits;
use crate::ground::vocab::{Action, Rhythm};
use crate::store::db::write_tx;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct FollowUp {
    pub id: i64,
    pub person_id: PersonId,
    pub person: String,
    pub due: NaiveDate,
    pub why: String,
    pub contact_id: Option<i64>,
    pub done_on: Option<NaiveDate>,
    pub moved: i64,
    /// Set for the two check-ins of the colleague rhythm; their reason is then the
    /// rhythm's own words (in the reader's language) and the incident's day.
    pub rhythm: Option<Rhythm>,
    pub incident: Option<NaiveDate>,
    /// A plan review ("plan bespreken"): the person's own plan looked at together.
    pub plan_review: bool,
}

impl FollowUp {
    /// Why this check-in is there, as a person reads it.
    pub fn reason(&self, lang: crate::ground::lang::Lang) -> String {
        match (self.rhythm, self.incident) {
            (Some(r), Some(day)) => {
                let incident = match lang {
                    crate::ground::lang::Lang::Nl => "incident",
                    crate::ground::lang::Lang::En => "incident of",
                };
                format!(
                    "{} ({incident} {})",
                    r.label(lang),
                    crate::ground::calendar::day_label(day, lang)
                )
            }
            _ if self.plan_review => {
                let review = match lang {
                    crate::ground::lang::Lang::Nl => "plan bespreken",
                    crate::ground::lang::Lang::En => "review the plan",
                };
                match self.why.trim() {
                    "" => review.to_string(),
                    why => format!("{review}: {why}"),
                }
            }
            _ => self.why.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Stagnant {
    pub person_id: PersonId,
    pub person: String,
    /// Unix seconds of the last contact, if there ever was one.
    pub last_contact: Option<i64>,
}

pub fn add(conn: &Connection, person: PersonId, due: NaiveDate, why: &str) -> Result<FollowUp> {
    insert(conn, person, due, why, false)
}

/// A check-in to look at the person's own plan together. Refused for a colleague
/// whose plan is off, as goals are.
pub fn add_plan_review(
    conn: &Connection,
    person: PersonId,
    due: NaiveDate,
    why: &str,
) -> Result<FollowUp> {
    insert(conn, person, due, why, true)
}

fn insert(
    conn: &Connection,
    person: PersonId,
    due: NaiveDate,
    why: &str,
    plan_review: bool,
) -> Result<FollowUp> {
    limits::check_len("reason", why, limits::NOTE_MAX)?;
    crate::ground::time::check_day(due)?;
    write_tx(conn, |c| {
        let p = crate::records::person::get(c, person)?;
        if plan_review && !crate::records::goal::plan_on(c, person)? {
            return Err(Invalid::PlanOff(p.alias).into());
        }
        c.execute(
            "INSERT INTO followup (person_id, due, why, created_at, plan_review)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            (
                person,
                due.to_string(),
                why.trim(),
                calendar::now(),
                plan_review,
            ),
        )?;
        let id = c.last_insert_rowid();
        let mut e = Event::new(Action::Create, "followup").id(id).person(person);
        if plan_review {
            e = e.detail(serde_json::json!({ "plan_review": true }));
        }
        audit::record(c, &e)?;
        get(c, id)
    })
}

pub fn done(conn: &Connection, id: i64, on: NaiveDate) -> Result<FollowUp> {
    crate::ground::time::check_day(on)?;
    write_tx(conn, |c| {
        let f = get(c, id)?;
        c.execute(
            "UPDATE followup SET done_on = ?2 WHERE id = ?1",
            (id, on.to_string()),
        )?;
        audit::record(
            c,
            &Event::new(Action::Change, "followup")
                .id(id)
                .person(f.person_id),
        )?;
        get(c, id)
    })
}

pub fn move_to(conn: &Connection, id: i64, due: NaiveDate) -> Result<FollowUp> {
    crate::ground::time::check_day(due)?;
    write_tx(conn, |c| {
        let f = get(c, id)?;
        c.execute(
            "UPDATE followup SET due = ?2, moved = moved + 1 WHERE id = ?1",
            (id, due.to_string()),
        )?;
        audit::record(
            c,
            &Event::new(Action::Change, "followup")
                .id(id)
                .person(f.person_id),
        )?;
        get(c, id)
    })
}

const SELECT: &str =
    "SELECT f.id, f.person_id, p.alias, f.due, f.why, f.contact_id, f.done_on, f.moved,
            f.rhythm, f.incident, f.plan_review
    FROM followup f JOIN person p ON p.id = f.person_id";

fn from_row(r: &Row) -> rusqlite::Result<FollowUp> {
    let due: String = r.get(3)?;
    let done: Option<String> = r.get(6)?;
    Ok(FollowUp {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person: r.get(2)?,
        due: due.parse().unwrap_or_default(),
        why: r.get(4)?,
        contact_id: r.get(5)?,
        done_on: done.and_then(|d| d.parse().ok()),
        moved: r.get(7)?,
        rhythm: r
            .get::<_, Option<String>>(8)?
            .and_then(|t| Rhythm::parse(&t).ok()),
        incident: r.get::<_, Option<String>>(9)?.and_then(|d| d.parse().ok()),
        plan_review: r.get(10)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<FollowUp> {
    conn.query_row(&format!("{SELECT} WHERE f.id = ?1"), [id], from_row)
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Error::NotFound {
                what: "follow-up",
                name: id.to_string(),
                hint: "",
            },
            e => e.into(),
        })
}

/// Open check-ins, earliest first (overdue ones lead), optionally for one person.
pub fn open(conn: &Connection, person: Option<PersonId>) -> Result<Vec<FollowUp>> {
    let mut st = conn.prepare_cached(&format!(
        "{SELECT} WHERE f.done_on IS NULL AND (?1 IS NULL OR f.person_id = ?1) ORDER BY f.due, f.id"
    ))?;
    let rows = st.query_map([person], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Active people with no contact in the last `weeks` weeks (before `today`) and no
/// open check-in planned.
pub fn stagnation(conn: &Connection, today: NaiveDate, weeks: u32) -> Result<Vec<Stagnant>> {
    check_weeks(weeks)?;
    let since = today - chrono::Duration::weeks(weeks as i64);
    let mut st = conn.prepare_cached(
        "SELECT p.id, p.alias, (SELECT max(at) FROM contact_person WHERE person_id = p.id) AS last
         FROM person p
         WHERE p.active = 1
           AND NOT EXISTS (SELECT 1 FROM followup f WHERE f.person_id = p.id AND f.done_on IS NULL)
           AND coalesce((SELECT max(at) FROM contact_person WHERE person_id = p.id), p.created_at) < ?1
         ORDER BY last, p.alias",
    )?;
    let rows = st.query_map([crate::ground::calendar::day_start(since)], |r| {
        Ok(Stagnant {
            person_id: r.get(0)?,
            person: r.get(1)?,
            last_contact: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many weeks without contact count as out of view: one to ten years' worth.
pub const MAX_WEEKS: i64 = 520;

pub fn check_weeks(weeks: u32) -> Result<()> {
    limits::check_range("weeks", weeks.into(), 1, MAX_WEEKS).map(|_| ())
}

/// The known rhythm after an incident with a colleague (seed 004): a first contact
/// within 72 hours and a second around two weeks. Both are ordinary check-ins with
/// their own dates, moved one at a time like any other; planning the same incident
/// twice is refused rather than doubled.
pub fn plan_colleague(
    conn: &Connection,
    person: PersonId,
    incident: NaiveDate,
) -> Result<Vec<FollowUp>> {
    crate::ground::time::check_day(incident)?;
    write_tx(conn, |c| {
        crate::records::person::get(c, person)?;
        let planned: bool = c.query_row(
            "SELECT EXISTS (SELECT 1 FROM followup
             WHERE person_id = ?1 AND incident = ?2 AND rhythm IS NOT NULL)",
            (person, incident.to_string()),
            |r| r.get(0),
        )?;
        if planned {
            return Err(Invalid::RhythmPlanned(incident).into());
        }
        let mut out = Vec::new();
        for (rhythm, days) in [(Rhythm::First, 3), (Rhythm::Second, 14)] {
            c.execute(
                "INSERT INTO followup (person_id, due, why, created_at, rhythm, incident)
                 VALUES (?1, ?2, '', ?3, ?4, ?5)",
                (
                    person,
                    (incident + chrono::Duration::days(days)).to_string(),
                    calendar::now(),
                    rhythm.as_str(),
                    incident.to_string(),
                ),
            )?;
            let id = c.last_insert_rowid();
            audit::record(
                c,
                &Event::new(Action::Create, "followup").id(id).person(person),
            )?;
            out.push(get(c, id)?);
        }
        Ok(out)
    })
}
