//! Consent: what a person agreed may be shared with whom in their circle, discussed
//! on a day and valid until a day. Sharing fails closed without a valid one.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::circle::{member, CircleMember};
use crate::audit::{self, Event};
use crate::ground::calendar;
use crate::ground::error::{Error, Invalid, Result};
use crate::ground::ids::PersonId;
use crate::ground::vocab::Action;
use crate::store::db::write_tx;

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

pub fn add_consent(
    conn: &Connection,
    member: &CircleMember,
    scope: &str,
    discussed_on: NaiveDate,
    until: NaiveDate,
) -> Result<Consent> {
    crate::ground::time::check_day(discussed_on)?;
    crate::ground::time::check_day(until)?;
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
                calendar::now(),
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
    crate::ground::time::check_day(on)?;
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
