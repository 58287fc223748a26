//! Bridge notes: from the supporter to a clinician in the person's circle, carrying
//! the person's own voice.
//!
//! Draft → shared → answered → closed. Sharing fails closed: it is refused unless the
//! person's consent for that very clinician is recorded and valid today. What was
//! shared is kept as it was sent (`bridge_share`), with when, to whom and on which
//! consent, so later edits can never rewrite that record.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Event};
use crate::ground::calendar;
use crate::ground::error::{Error, Invalid, Result};
use crate::ground::ids::{ContactId, PersonId};
use crate::ground::limits;
use crate::ground::vocab::{Action, BridgeKind, Status};
use crate::records::circle;
use crate::records::consent;
use crate::store::db::write_tx;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct NewBridgeNote {
    pub person_id: PersonId,
    pub member_id: i64,
    pub kind: BridgeKind,
    pub text: String,
    pub client_voice: String,
    #[serde(default)]
    pub contacts: Vec<ContactId>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct BridgeNote {
    pub id: i64,
    pub person_id: PersonId,
    pub person: String,
    pub member_id: i64,
    pub recipient: String,
    pub role: String,
    pub kind: BridgeKind,
    pub text: String,
    pub client_voice: String,
    pub status: Status,
    pub answer: String,
    pub created_at: i64,
    pub shared_at: Option<i64>,
    pub answered_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub contacts: Vec<ContactId>,
}

impl BridgeNote {
    /// Plain text with every name as written: for the person's own export, never
    /// for others (copying as text is in `ways::bridge_text`).
    pub fn plain_text(&self) -> String {
        let mut s = format!(
            "Brugnotitie aan {} ({})\nOver: {}\n\n{}\n",
            self.recipient,
            self.role,
            self.person,
            self.text.trim()
        );
        if !self.client_voice.trim().is_empty() {
            s.push_str(&format!(
                "\nIn eigen woorden: \"{}\"\n",
                self.client_voice.trim()
            ));
        }
        s
    }
}

pub fn add(conn: &Connection, n: &NewBridgeNote) -> Result<BridgeNote> {
    limits::check_len("text", &n.text, limits::NOTE_MAX)?;
    limits::check_len("own words", &n.client_voice, limits::NOTE_MAX)?;
    if n.text.trim().is_empty() {
        return Err(Invalid::Empty("text").into());
    }
    write_tx(conn, |c| {
        let member = circle::circle(c, n.person_id)?
            .into_iter()
            .find(|m| m.id == n.member_id)
            .ok_or(Error::NotFound {
                what: "circle member",
                name: n.member_id.to_string(),
                hint: "",
            })?;
        if !member.formal {
            return Err(Invalid::InformalRecipient.into());
        }
        c.execute(
            "INSERT INTO bridge_note (person_id, member_id, kind, text, client_voice, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (
                n.person_id,
                n.member_id,
                n.kind.as_str(),
                &n.text,
                &n.client_voice,
                calendar::now(),
            ),
        )?;
        let id = c.last_insert_rowid();
        for cid in &n.contacts {
            crate::records::contact::get(c, *cid)?;
            c.execute(
                "INSERT OR IGNORE INTO bridge_contact (bridge_id, contact_id) VALUES (?1, ?2)",
                (id, cid),
            )?;
        }
        audit::record(
            c,
            &Event::new(Action::Create, "bridge_note")
                .id(id)
                .person(n.person_id),
        )?;
        get(c, id)
    })
}

/// Only a draft can be edited: once shared, what was sent stays what was sent.
pub fn edit(conn: &Connection, id: i64, text: &str, client_voice: &str) -> Result<BridgeNote> {
    limits::check_len("text", text, limits::NOTE_MAX)?;
    limits::check_len("own words", client_voice, limits::NOTE_MAX)?;
    write_tx(conn, |c| {
        let b = get(c, id)?;
        if b.status != Status::Draft {
            return Err(Invalid::NotDraft(b.status.as_str()).into());
        }
        c.execute(
            "UPDATE bridge_note SET text = ?2, client_voice = ?3 WHERE id = ?1",
            (id, text, client_voice),
        )?;
        audit::record(
            c,
            &Event::new(Action::Change, "bridge_note")
                .id(id)
                .person(b.person_id),
        )?;
        get(c, id)
    })
}

/// Shares a draft, if and only if consent for this recipient is valid on `today`.
/// A share refused for want of consent is logged as refused.
pub fn share(conn: &Connection, id: i64, today: NaiveDate) -> Result<BridgeNote> {
    let done = share_in(conn, id, today);
    if let Err(Error::NoConsent { .. }) = &done {
        let person = get(conn, id)?.person_id;
        audit::log(
            conn,
            &Event::new(Action::Share, "bridge_note")
                .id(id)
                .person(person)
                .refused(),
        )?;
    }
    done
}

fn share_in(conn: &Connection, id: i64, today: NaiveDate) -> Result<BridgeNote> {
    write_tx(conn, |c| {
        let b = get(c, id)?;
        if b.status != Status::Draft {
            return Err(Invalid::Transition {
                from: b.status.as_str(),
                to: "shared",
            }
            .into());
        }
        let consent = consent::consents(c, b.person_id)?
            .into_iter()
            .find(|k| k.member_id == b.member_id && k.valid_on(today))
            .ok_or_else(|| Error::NoConsent {
                person: b.person.clone(),
                recipient: b.recipient.clone(),
            })?;
        let now = calendar::now();
        c.execute(
            "INSERT INTO bridge_share (bridge_id, shared_at, recipient, role, consent_id, text, client_voice)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (id, now, &b.recipient, &b.role, consent.id, &b.text, &b.client_voice),
        )?;
        c.execute(
            "UPDATE bridge_note SET status = 'shared', shared_at = ?2 WHERE id = ?1",
            (id, now),
        )?;
        audit::record(
            c,
            &Event::new(Action::Share, "bridge_note")
                .id(id)
                .person(b.person_id)
                .detail(serde_json::json!({ "to": b.role, "consent": consent.id })),
        )?;
        get(c, id)
    })
}

pub fn answer(conn: &Connection, id: i64, answer: &str) -> Result<BridgeNote> {
    limits::check_len("answer", answer, limits::NOTE_MAX)?;
    if answer.trim().is_empty() {
        return Err(Invalid::Empty("answer").into());
    }
    write_tx(conn, |c| {
        let b = get(c, id)?;
        if b.status != Status::Shared {
            return Err(Invalid::Transition {
                from: b.status.as_str(),
                to: "answered",
            }
            .into());
        }
        c.execute(
            "UPDATE bridge_note SET status = 'answered', answer = ?2, answered_at = ?3 WHERE id = ?1",
            (id, answer, calendar::now()),
        )?;
        audit::record(
            c,
            &Event::new(Action::Change, "bridge_note")
                .id(id)
                .person(b.person_id),
        )?;
        get(c, id)
    })
}

pub fn close(conn: &Connection, id: i64) -> Result<BridgeNote> {
    write_tx(conn, |c| {
        let b = get(c, id)?;
        if b.status == Status::Closed {
            return Err(Invalid::Transition {
                from: "closed",
                to: "closed",
            }
            .into());
        }
        c.execute(
            "UPDATE bridge_note SET status = 'closed', closed_at = ?2 WHERE id = ?1",
            (id, calendar::now()),
        )?;
        audit::record(
            c,
            &Event::new(Action::Change, "bridge_note")
                .id(id)
                .person(b.person_id),
        )?;
        get(c, id)
    })
}

const SELECT: &str = "SELECT b.id, b.person_id, p.alias, b.member_id, m.name, m.role, b.kind, b.text,
        b.client_voice, b.status, b.answer, b.created_at, b.shared_at, b.answered_at, b.closed_at
    FROM bridge_note b JOIN person p ON p.id = b.person_id JOIN circle_member m ON m.id = b.member_id";

fn from_row(r: &Row) -> rusqlite::Result<BridgeNote> {
    let kind: String = r.get(6)?;
    let status: String = r.get(9)?;
    Ok(BridgeNote {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person: r.get(2)?,
        member_id: r.get(3)?,
        recipient: r.get(4)?,
        role: r.get(5)?,
        kind: BridgeKind::parse(&kind).unwrap_or(BridgeKind::Question),
        text: r.get(7)?,
        client_voice: r.get(8)?,
        status: Status::parse(&status).unwrap_or(Status::Draft),
        answer: r.get(10)?,
        created_at: r.get(11)?,
        shared_at: r.get(12)?,
        answered_at: r.get(13)?,
        closed_at: r.get(14)?,
        contacts: Vec::new(),
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<BridgeNote> {
    let mut b = conn
        .query_row(&format!("{SELECT} WHERE b.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound {
            what: "bridge note",
            name: id.to_string(),
            hint: "",
        })?;
    let mut st = conn.prepare_cached(
        "SELECT contact_id FROM bridge_contact WHERE bridge_id = ?1 ORDER BY contact_id",
    )?;
    b.contacts = st
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(b)
}

/// Bridge notes, newest first, optionally for one person and/or in one status.
pub fn list(
    conn: &Connection,
    person: Option<PersonId>,
    status: Option<Status>,
) -> Result<Vec<BridgeNote>> {
    let mut st = conn.prepare_cached(&format!(
        "{SELECT} WHERE (?1 IS NULL OR b.person_id = ?1) AND (?2 IS NULL OR b.status = ?2)
         ORDER BY b.created_at DESC, b.id DESC"
    ))?;
    let rows = st.query_map((person, status.map(Status::as_str)), from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
