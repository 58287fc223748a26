//! Reading everything about one person for their dossier: it is about them only, so
//! in a group contact the others are counted, never named.

use std::collections::HashSet;

use rusqlite::Connection;
use serde::Serialize;

use crate::audit;
use crate::ground::error::Result;
use crate::ground::ids::PersonId;
use crate::ground::lang::Lang;
use crate::ground::vocab::{Action, Initiative, Mode, Support};
use crate::records::bridge::{self, BridgeNote};
use crate::records::circle::{self, CircleMember};
use crate::records::consent::{self, Consent};
use crate::records::contact::{self, Filter};
use crate::records::followup::FollowUp;
use crate::records::goal::{self, Goal};
use crate::records::person::{self, Person};
use crate::ways::redact::{Level, Redactor, Rules};

/// The schema name and version written into every JSON export.
pub const SCHEMA: &str = "naast-dossier/1";

#[derive(Debug, Clone, Serialize)]
pub struct Dossier {
    pub schema: &'static str,
    /// Unix seconds (UTC).
    pub made_at: i64,
    pub person: Person,
    pub circle: Vec<CircleMember>,
    pub consents: Vec<Consent>,
    /// Oldest first.
    pub contacts: Vec<Moment>,
    pub bridge_notes: Vec<Bridge>,
    pub checkins: Vec<FollowUp>,
    /// Their own plan, in their order: every goal with its ratings, its status history
    /// and the contacts that touched it.
    pub plan: Vec<Goal>,
    /// What left the vault about them: printed, saved, exported, copied, shared.
    pub shared_log: Vec<LogLine>,
}

/// A contact moment as the person sees it: every field, the others only counted.
#[derive(Debug, Clone, Serialize)]
pub struct Moment {
    pub id: i64,
    /// Unix seconds (UTC).
    pub at: i64,
    pub minutes: i64,
    pub mode: Mode,
    pub initiative: Initiative,
    pub support: Vec<Support>,
    pub tags: Vec<String>,
    pub note: String,
    pub own_words: String,
    pub own_experience: bool,
    pub own_experience_note: String,
    pub signal: bool,
    pub signal_note: String,
    pub follow_up: Option<chrono::NaiveDate>,
    pub for_consult: bool,
    /// How many other people were there (a group contact).
    pub others: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bridge {
    #[serde(flatten)]
    pub note: BridgeNote,
    /// Each time it was shared: when (unix seconds), with whom, on which consent.
    pub shares: Vec<Share>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Share {
    pub at: i64,
    pub recipient: String,
    pub role: String,
    pub consent_id: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct LogLine {
    pub at: i64,
    pub action: Action,
    pub what: String,
    pub detail: serde_json::Value,
}

/// Reads the whole dossier. Reads only; [`export`] logs.
pub fn load(conn: &Connection, id: PersonId, lang: Lang) -> Result<Dossier> {
    let me = person::get(conn, id)?;
    let all = person::list(conn)?;
    // Everyone else by a neutral phrase, their circles by role; this person's own
    // name and own circle stay as they are: it is their document.
    let others: Vec<Person> = all
        .into_iter()
        .filter(|p| p.id != id)
        .map(|mut p| {
            p.code = match lang {
                Lang::Nl => "een andere deelnemer".into(),
                Lang::En => "another participant".into(),
            };
            p
        })
        .collect();
    let other_members: Vec<CircleMember> = circle::all_members(conn)?
        .into_iter()
        .filter(|m| m.person_id != id)
        .collect();
    // Only the others' names: the person's own phone number, address and the names
    // of their own people stay, it is their dossier.
    let r = Redactor::new(
        &others,
        &other_members,
        Rules {
            unknown: false,
            ..Rules::new(Level::Code, lang)
        },
        HashSet::new(),
    );
    let contacts = contact::list(
        conn,
        &Filter {
            person: Some(id),
            ..Filter::default()
        },
        None,
        None,
    )?;
    let mut moments: Vec<Moment> = contacts
        .into_iter()
        .map(|c| Moment {
            id: c.id,
            at: c.at,
            minutes: c.minutes,
            mode: c.mode,
            initiative: c.initiative,
            support: c.support.clone(),
            tags: c.tags.clone(),
            note: r.redact(&c.note),
            // Only what is this person's: another's own words or signal in a
            // group contact is not theirs to receive.
            own_words: r.redact(c.own_words_of(id).unwrap_or_default()),
            own_experience: c.own_experience,
            own_experience_note: r.redact(&c.own_experience_note),
            signal: c.signal_of(id),
            signal_note: if c.signal_of(id) {
                r.redact(&c.signal_note)
            } else {
                String::new()
            },
            follow_up: c.follow_up.filter(|_| c.checkin_for.contains(&id)),
            for_consult: c.for_consult,
            others: c.persons.iter().filter(|p| p.id != id).count(),
        })
        .collect();
    moments.sort_by_key(|m| (m.at, m.id));
    let mut bridges = Vec::new();
    for b in bridge::list(conn, Some(id), None)? {
        let shares = conn
            .prepare_cached(
                "SELECT shared_at, recipient, role, consent_id FROM bridge_share
                 WHERE bridge_id = ?1 ORDER BY shared_at",
            )?
            .query_map([b.id], |r| {
                Ok(Share {
                    at: r.get(0)?,
                    recipient: r.get(1)?,
                    role: r.get(2)?,
                    consent_id: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        bridges.push(Bridge { note: b, shares });
    }
    let checkins: Vec<FollowUp> = conn
        .prepare_cached("SELECT f.id FROM followup f WHERE f.person_id = ?1 ORDER BY f.due, f.id")?
        .query_map([id], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|f| crate::records::followup::get(conn, f))
        .collect::<Result<_>>()?;
    let shared_log = audit::list(
        conn,
        &audit::Query {
            person: Some(id),
            outputs_only: true,
            ..Default::default()
        },
        None,
    )?
    .into_iter()
    .rev()
    .map(|e| LogLine {
        at: e.at,
        action: e.action,
        what: e.object,
        detail: e.detail,
    })
    .collect();
    // Their words stay theirs; only other participants' names are replaced.
    let plan = goal::list(conn, id)?
        .into_iter()
        .map(|mut g| {
            g.text = r.redact(&g.text);
            g.why = r.redact(&g.why);
            g.steps = r.redact(&g.steps);
            for x in &mut g.ratings {
                x.words = r.redact(&x.words);
            }
            g
        })
        .collect();
    Ok(Dossier {
        schema: SCHEMA,
        made_at: crate::ground::calendar::now(),
        person: me,
        circle: circle::circle(conn, id)?,
        consents: consent::consents(conn, id)?,
        contacts: moments,
        bridge_notes: bridges,
        checkins,
        plan,
        shared_log,
    })
}
