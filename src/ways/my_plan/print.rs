//! "Mijn plan" written where the supporter chose (owner-only, atomic, never over the
//! vault) and one line in the audit log: ids and counts, never the person's words.

use std::path::Path;

use rusqlite::Connection;

use super::layout::render;
use super::load::{load, MyPlan};
use crate::audit::{self, Event};
use crate::ground::calendar;
use crate::ground::error::Result;
use crate::ground::ids::PersonId;
use crate::ground::lang::Lang;
use crate::ground::vocab::Action;
use crate::records::goal::Status;

/// Prints the person's plan to `out` as PDF and logs it. Returns what was printed,
/// for the caller to tell.
pub fn print(
    conn: &Connection,
    vault: &Path,
    id: PersonId,
    lang: Lang,
    out: &Path,
) -> Result<MyPlan> {
    let plan = load(conn, id, lang, calendar::today())?;
    crate::store::files::write_output(out, &render(&plan)?, vault)?;
    let count = |s: Status| plan.goals.iter().filter(|g| g.status == s).count();
    audit::log(
        conn,
        &Event::new(Action::Export, "plan")
            .person(id)
            .detail(serde_json::json!({
                "format": "pdf",
                "level": "full",
                "goals": plan.goals.len(),
                "working": count(Status::Working),
                "reached": count(Status::Reached),
                "let_go": count(Status::LetGo),
                "ratings": plan.ratings(),
                "for": "the person",
            })),
    )?;
    Ok(plan)
}
