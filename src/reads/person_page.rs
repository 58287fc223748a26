//! The person page, read in one go: the person, their own words from every contact,
//! circle, consents, the newest contacts, bridge notes and open check-ins; and the
//! list of people with where things stand.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::audit::{self, Event};
use crate::ground::error::Result;
use crate::ground::ids::PersonId;
use crate::ground::vocab::Action;
use crate::records::bridge;
use crate::records::circle::{self, CircleMember};
use crate::records::consent::{self, Consent};
use crate::records::contact;
use crate::records::followup;
use crate::records::person::{self, Person};

/// Everything about one person, for the person page and the right of access: own
/// words, circle, consents, and one timeline of contacts (group contacts included),
/// bridge notes and open check-ins.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Detail {
    pub person: Person,
    /// What the person said in their own words, from every contact, newest first:
    /// their story, collected. Only their own: in a group contact, the words of
    /// someone else present are never here.
    pub own_words: Vec<OwnWords>,
    /// How many contacts there are in all; `contacts` is the newest page of them.
    pub contact_total: i64,
    pub circle: Vec<CircleMember>,
    pub consents: Vec<Consent>,
    pub contacts: Vec<contact::Contact>,
    pub bridge_notes: Vec<bridge::BridgeNote>,
    pub checkins: Vec<followup::FollowUp>,
}

/// One thing the person said, and when.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct OwnWords {
    pub contact_id: i64,
    pub at: i64,
    pub text: String,
    /// From a group contact of before Naast asked whose: maybe another's words.
    pub unsure: bool,
}

/// A row of the list of people: who, and where things stand.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PersonRow {
    pub person: Person,
    pub contacts: i64,
    pub last_contact: Option<i64>,
    pub next_checkin: Option<NaiveDate>,
}

/// Everyone with their last contact, next open check-in and number of contacts;
/// active people first, then by alias. One query, whatever the size of the vault.
pub fn overview(conn: &Connection) -> Result<Vec<PersonRow>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {},
                (SELECT count(*) FROM contact_person cp WHERE cp.person_id = person.id),
                (SELECT max(c.at) FROM contact c JOIN contact_person cp ON cp.contact_id = c.id
                  WHERE cp.person_id = person.id),
                (SELECT min(f.due) FROM followup f WHERE f.person_id = person.id
                  AND f.done_on IS NULL)
         FROM person ORDER BY active DESC, alias COLLATE NOCASE",
        person::COLUMNS
    ))?;
    let n = person::COLUMNS.split(',').count();
    let rows = st.query_map([], |r| {
        let due: Option<String> = r.get(n + 2)?;
        Ok(PersonRow {
            person: person::from_row(r)?,
            contacts: r.get(n)?,
            last_contact: r.get(n + 1)?,
            next_checkin: due.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn own_words_of(conn: &Connection, id: PersonId) -> Result<Vec<OwnWords>> {
    let mut st = conn.prepare_cached(
        "SELECT c.id, c.at, c.own_words, c.whose_unsure FROM contact c
         JOIN contact_person cp ON cp.contact_id = c.id
         WHERE cp.person_id = ?1 AND cp.own_words = 1 AND c.own_words <> ''
         ORDER BY c.at DESC, c.id DESC",
    )?;
    let rows = st.query_map([id], |r| {
        Ok(OwnWords {
            contact_id: r.get(0)?,
            at: r.get(1)?,
            text: r.get(2)?,
            unsure: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn detail(conn: &Connection, id: PersonId) -> Result<Detail> {
    let person = person::get(conn, id)?;
    let filter = contact::Filter {
        person: Some(id),
        ..Default::default()
    };
    Ok(Detail {
        person,
        circle: circle::circle(conn, id)?,
        consents: consent::consents(conn, id)?,
        contacts: contact::list(conn, &filter, None, Some(50))?,
        contact_total: contact::count(conn, &filter)?,
        own_words: own_words_of(conn, id)?,
        bridge_notes: bridge::list(conn, Some(id), None)?,
        checkins: followup::open(conn, Some(id))?,
    })
}

/// A person's page opened by someone: everything on it, and a line in the audit log
/// (under NEN 7513 reading counts as much as writing).
pub fn view(conn: &Connection, id: PersonId) -> Result<Detail> {
    let d = detail(conn, id)?;
    audit::log(conn, &Event::new(Action::View, "person").id(id).person(id))?;
    Ok(d)
}
