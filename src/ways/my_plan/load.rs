//! The plan gathered for printing: the person's own name, every goal in their order
//! with its ratings and history, and the day it is printed. Refused by name when there
//! is nothing to print or no plan is kept for them.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::ground::error::{Invalid, Result};
use crate::ground::ids::PersonId;
use crate::ground::lang::Lang;
use crate::records::goal::{self, Goal};
use crate::records::person;

/// What "Mijn plan" holds.
#[derive(Debug, Clone)]
pub struct MyPlan {
    pub person: PersonId,
    /// Their full name, else the name the supporter knows them by: it is their paper.
    pub name: String,
    pub lang: Lang,
    pub printed_on: NaiveDate,
    /// Every goal, in their own order; the layout groups them by where they stand.
    pub goals: Vec<Goal>,
}

impl MyPlan {
    /// All the ratings on all the goals, for the audit line's count.
    pub fn ratings(&self) -> usize {
        self.goals.iter().map(|g| g.ratings.len()).sum()
    }
}

/// Gathers the plan. A colleague whose plan is off and a person without goals are
/// refused by name: a sheet with nothing of theirs on it helps nobody.
pub fn load(conn: &Connection, id: PersonId, lang: Lang, today: NaiveDate) -> Result<MyPlan> {
    let p = person::get(conn, id)?;
    if !goal::plan_on(conn, id)? {
        return Err(Invalid::PlanOff(p.alias).into());
    }
    let goals = goal::list(conn, id)?;
    if goals.is_empty() {
        return Err(Invalid::NoGoals(p.alias).into());
    }
    let name = if p.full_name.trim().is_empty() {
        p.alias
    } else {
        p.full_name.trim().to_string()
    };
    Ok(MyPlan {
        person: id,
        name,
        lang,
        printed_on: today,
        goals,
    })
}
