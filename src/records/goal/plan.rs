//! Whether a person has a plan. Colleague support keeps its minimal data (seed 004):
//! a colleague has no plan unless the user turns it on for them; everyone else has
//! one.

use rusqlite::{Connection, OptionalExtension};

use crate::audit::{self, Event};
use crate::ground::error::{Error, Invalid, Result};
use crate::ground::ids::PersonId;
use crate::ground::vocab::{Action, Context};
use crate::store::db::write_tx;

/// Whether goals may be kept for this person.
pub fn plan_on(conn: &Connection, person: PersonId) -> Result<bool> {
    let (context, plan): (String, bool) = conn
        .query_row(
            "SELECT context, plan FROM person WHERE id = ?1",
            [person],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "person",
            name: person.to_string(),
            hint: "",
        })?;
    Ok(plan || context != Context::Colleague.as_str())
}

/// Refuses goals for a colleague whose plan is off, naming them.
pub(super) fn check_plan(c: &Connection, person: PersonId) -> Result<()> {
    if plan_on(c, person)? {
        return Ok(());
    }
    let alias: String = c.query_row("SELECT alias FROM person WHERE id = ?1", [person], |r| {
        r.get(0)
    })?;
    Err(Invalid::PlanOff(alias).into())
}

/// Turns the plan on or off for a person (it matters for colleagues). Turning it off
/// keeps the goals there are; it only stops new ones.
pub fn set_plan(conn: &Connection, person: PersonId, on: bool) -> Result<()> {
    write_tx(conn, |c| {
        let n = c.execute("UPDATE person SET plan = ?2 WHERE id = ?1", (person, on))?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "person",
                name: person.to_string(),
                hint: "",
            });
        }
        audit::record(
            c,
            &Event::new(Action::Change, "person")
                .id(person)
                .person(person)
                .detail(serde_json::json!({ "plan": on })),
        )?;
        Ok(())
    })
}
