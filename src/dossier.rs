//! Everything the vault holds about one person, for the person themself: the right of
//! access and of portability (AVG/GDPR articles 15 and 20).
//!
//! One read model above the entity modules: the person, their circle and consents,
//! every contact they were part of (the note in full), their bridge notes with what
//! was shared and the answers, all their check-ins (done ones too), and what the
//! audit log says left the vault about them. It is about them only: in a group
//! contact the others are counted, never named, and their names in the shared notes
//! read "een andere deelnemer". Two renderings: JSON for a system (a versioned,
//! documented schema, `docs/dossier-schema.md`) and a readable A4 document in plain
//! words.

use std::collections::HashSet;

use rusqlite::Connection;
use serde::Serialize;

use crate::audit::{self, Action, Event};
use crate::bridge::{self, BridgeNote};
use crate::contact::{self, Filter};
use crate::error::{Lang, Result};
use crate::followup::FollowUp;
use crate::model::{Initiative, Mode, Support};
use crate::person::{self, CircleMember, Consent, Person, PersonId};
use crate::redact::{Level, Redactor, Rules};

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
    let other_members: Vec<CircleMember> = person::all_members(conn)?
        .into_iter()
        .filter(|m| m.person_id != id)
        .collect();
    let r = Redactor::new(
        &others,
        &other_members,
        Rules::new(Level::Code, lang),
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
            support: c.support,
            tags: c.tags,
            note: r.redact(&c.note),
            own_words: r.redact(&c.own_words),
            own_experience: c.own_experience,
            own_experience_note: r.redact(&c.own_experience_note),
            signal: c.signal,
            signal_note: r.redact(&c.signal_note),
            follow_up: c.follow_up,
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
        .map(|f| crate::followup::get(conn, f))
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
    Ok(Dossier {
        schema: SCHEMA,
        made_at: crate::db::now(),
        person: me,
        circle: person::circle(conn, id)?,
        consents: person::consents(conn, id)?,
        contacts: moments,
        bridge_notes: bridges,
        checkins,
        shared_log,
    })
}

/// The two renderings, for the person (`Html`) and for a system (`Json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "DossierFormat")
)]
pub enum Format {
    Json,
    Html,
}

impl Format {
    pub fn parse(s: &str) -> Result<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "html" => Ok(Format::Html),
            _ => Err(crate::Invalid::Format(s.to_string()).into()),
        }
    }
}

/// Renders the dossier.
pub fn render(d: &Dossier, format: Format, lang: Lang) -> Result<Vec<u8>> {
    match format {
        Format::Json => {
            serde_json::to_vec_pretty(d).map_err(|e| crate::Error::io("dossier", e.into()))
        }
        Format::Html => Ok(html::render(d, lang).into_bytes()),
    }
}

/// Writes the dossier to `out` (owner-only, atomic, never over the vault) and logs
/// the export. Returns what was written, for the caller to tell.
pub fn export(
    conn: &Connection,
    vault: &std::path::Path,
    id: PersonId,
    format: Format,
    lang: Lang,
    out: &std::path::Path,
) -> Result<Dossier> {
    let d = load(conn, id, lang)?;
    crate::files::write_output(out, &render(&d, format, lang)?, vault)?;
    audit::log(
        conn,
        &Event::new(Action::Export, "dossier")
            .person(id)
            .detail(serde_json::json!({
                "format": match format { Format::Json => "json", Format::Html => "html" },
                "level": "full",
                "contacts": d.contacts.len(),
                "bridge_notes": d.bridge_notes.len(),
                "checkins": d.checkins.len(),
                "for": "the person",
            })),
    )?;
    Ok(d)
}

mod html;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_is_named_and_versioned() {
        assert_eq!(SCHEMA, "naast-dossier/1");
        assert!(Format::parse("HTML").is_ok() && Format::parse("pdf").is_err());
    }

    #[test]
    fn times_read_in_dutch() {
        assert_eq!(
            crate::time::dutch_date(crate::time::parse_date("2026-11-23").unwrap()),
            "ma 23 nov. 2026"
        );
    }
}
