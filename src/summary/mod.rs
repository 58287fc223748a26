//! The team-consult summary: what a peer supporter brings to the teamoverleg.
//!
//! Computed here as plain data ([`Summary`]), then rendered once to a self-contained
//! HTML document by [`html`]. Privacy is decided here, not in the rendering: people
//! are labelled at the chosen level (the default is the least: a code), circle
//! members appear by role only, and a note not marked for the consult never enters
//! the struct unless the user asked for all notes. What is not in the struct cannot
//! leak into the page.

pub mod chart;
pub mod html;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::bridge::{self, Status};
use crate::contact::{self, Filter};
use crate::db::{self, write_tx};
use crate::error::{Invalid, Lang, Result};
use crate::followup;
use crate::model::{Context, Mode, Support};
use crate::person::{self, Person, PersonId};
use crate::time;

/// How people are named in the summary. The default is the least.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum Level {
    /// The person's short random code (`K7QM`): says nothing about who they are.
    #[default]
    Code,
    Alias,
    /// Full name where one is recorded, else the alias.
    Full,
}

impl Level {
    pub fn parse(s: &str) -> Result<Level> {
        match s.trim().to_ascii_lowercase().as_str() {
            "code" | "initials" => Ok(Level::Code),
            "alias" => Ok(Level::Alias),
            "full" => Ok(Level::Full),
            _ => Err(Invalid::Level(s.into()).into()),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Code => "code",
            Level::Alias => "alias",
            Level::Full => "full",
        }
    }

    pub fn label(self, p: &Person) -> String {
        match self {
            Level::Code => p.code.clone(),
            Level::Alias => p.alias.clone(),
            Level::Full if !p.full_name.trim().is_empty() => p.full_name.clone(),
            Level::Full => p.alias.clone(),
        }
    }
}

/// What the user chose on the Consult screen or the command line.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Options {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Empty: everyone with a contact in the period.
    #[serde(default)]
    pub persons: Vec<PersonId>,
    #[serde(default)]
    pub level: Level,
    #[serde(default)]
    pub lang: Lang,
    /// Include notes not marked for the consult.
    #[serde(default)]
    pub all_notes: bool,
    /// Circle members by name instead of by role.
    #[serde(default)]
    pub circle_names: bool,
    /// Weeks without contact or planned check-in before a person counts as stagnant.
    #[serde(default = "default_weeks")]
    pub stagnation_weeks: u32,
}

fn default_weeks() -> u32 {
    4
}

impl Options {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Self {
        Options {
            from,
            to,
            persons: Vec::new(),
            level: Level::Code,
            lang: Lang::Nl,
            all_notes: false,
            circle_names: false,
            stagnation_weeks: default_weeks(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Summary {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub made_on: NaiveDate,
    pub lang: Lang,
    pub level: Level,
    pub totals: Totals,
    pub by_support: Vec<(Support, i64)>,
    pub by_mode: Vec<(Mode, i64)>,
    pub chart: chart::Chart,
    pub agenda: Vec<AgendaItem>,
    pub persons: Vec<PersonPage>,
    /// Exactly who is in it (everyone chosen, or everyone seen in the period): what
    /// the log records when it leaves the vault.
    pub person_ids: Vec<PersonId>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Totals {
    pub contacts: i64,
    pub people: i64,
    pub minutes: i64,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum AgendaKind {
    Signal,
    Stagnation,
    UnansweredBridge,
    OverdueCheckIn,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    pub person: String,
    pub date: Option<NaiveDate>,
    /// A role or short reason; never note text.
    pub detail: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ContactRow {
    pub date: NaiveDate,
    pub time: String,
    pub minutes: i64,
    pub mode: Mode,
    pub support: Vec<Support>,
    pub for_consult: bool,
    pub signal: bool,
    /// Others present (group contacts), labelled at the same level.
    pub with: Vec<String>,
    /// Present only for notes marked for the consult (or when all notes were asked).
    pub note: Option<String>,
    pub own_words: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct BridgeRow {
    pub recipient: String,
    pub kind: crate::model::BridgeKind,
    pub status: Status,
    pub shared_on: Option<NaiveDate>,
    pub answered: bool,
    pub text: String,
    pub client_voice: String,
    pub answer: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PersonPage {
    pub label: String,
    pub context: Context,
    pub wishes: String,
    pub strengths: String,
    pub contacts: Vec<ContactRow>,
    pub minutes: i64,
    pub bridge_notes: Vec<BridgeRow>,
    pub open_checkins: Vec<(NaiveDate, String)>,
    pub signals: Vec<NaiveDate>,
    pub stagnant: bool,
}

/// Computes the summary. Reads only; recording that it was printed or saved is
/// [`record`], called when that really happens.
pub fn compute(conn: &Connection, o: &Options, today: NaiveDate) -> Result<Summary> {
    time::check_day(o.from)?;
    time::check_day(o.to)?;
    followup::check_weeks(o.stagnation_weeks)?;
    if o.to < o.from {
        return Err(Invalid::Period.into());
    }
    let period = Filter {
        from: Some(o.from),
        to: Some(o.to),
        ..Filter::default()
    };
    // With people chosen, each one's timeline index is read; a group contact shared
    // by two chosen people is counted once.
    let mut in_period: Vec<contact::Contact> = if o.persons.is_empty() {
        contact::list(conn, &period, None, None)?
    } else {
        let mut seen = BTreeSet::new();
        let mut v = Vec::new();
        for &p in &o.persons {
            for c in contact::list(
                conn,
                &Filter {
                    person: Some(p),
                    ..period.clone()
                },
                None,
                None,
            )? {
                if seen.insert(c.id) {
                    v.push(c);
                }
            }
        }
        v
    };
    in_period.sort_by_key(|c| (c.at, c.id)); // oldest first reads like a diary
    let people: BTreeMap<PersonId, Person> =
        person::list(conn)?.into_iter().map(|p| (p.id, p)).collect();
    let chosen: BTreeSet<PersonId> = if o.persons.is_empty() {
        in_period
            .iter()
            .flat_map(|c| c.persons.iter().map(|p| p.id))
            .collect()
    } else {
        o.persons.iter().copied().collect()
    };
    let label = |id: PersonId| {
        people
            .get(&id)
            .map(|p| o.level.label(p))
            .unwrap_or_default()
    };
    let contacts: Vec<&contact::Contact> = in_period.iter().collect();

    let mut by_support: BTreeMap<Support, i64> = Support::ALL.iter().map(|s| (*s, 0)).collect();
    let mut by_mode: BTreeMap<Mode, i64> = BTreeMap::new();
    for c in &contacts {
        for s in &c.support {
            *by_support.entry(*s).or_default() += 1;
        }
        *by_mode.entry(c.mode).or_default() += 1;
    }
    let totals = Totals {
        contacts: contacts.len() as i64,
        people: chosen.len() as i64,
        minutes: contacts.iter().map(|c| c.minutes).sum(),
    };

    let stagnant: BTreeSet<PersonId> = followup::stagnation(conn, today, o.stagnation_weeks)?
        .into_iter()
        .map(|s| s.person_id)
        .collect();
    let checkins = followup::open(conn, None)?;
    let bridges = bridge::list(conn, None, None)?;

    let mut agenda = Vec::new();
    let mut pages = Vec::new();
    for &pid in &chosen {
        let Some(p) = people.get(&pid) else { continue };
        let mine: Vec<&&contact::Contact> = contacts
            .iter()
            .filter(|c| c.persons.iter().any(|x| x.id == pid))
            .collect();
        let rows: Vec<ContactRow> = mine
            .iter()
            .map(|c| {
                let show = o.all_notes || c.for_consult;
                let local = time::local(c.at);
                ContactRow {
                    date: local.date_naive(),
                    time: local.format("%H:%M").to_string(),
                    minutes: c.minutes,
                    mode: c.mode,
                    support: c.support.clone(),
                    for_consult: c.for_consult,
                    signal: c.signal,
                    with: c
                        .persons
                        .iter()
                        .filter(|x| x.id != pid)
                        .map(|x| label(x.id))
                        .collect(),
                    note: show
                        .then(|| c.note.clone())
                        .filter(|n| !n.trim().is_empty()),
                    own_words: show
                        .then(|| c.own_words.clone())
                        .filter(|n| !n.trim().is_empty()),
                }
            })
            .collect();
        let signals: Vec<NaiveDate> = rows.iter().filter(|r| r.signal).map(|r| r.date).collect();
        for d in &signals {
            agenda.push(AgendaItem {
                kind: AgendaKind::Signal,
                person: label(pid),
                date: Some(*d),
                detail: String::new(),
            });
        }
        if stagnant.contains(&pid) {
            agenda.push(AgendaItem {
                kind: AgendaKind::Stagnation,
                person: label(pid),
                date: None,
                detail: format!("{}", o.stagnation_weeks),
            });
        }
        let open_checkins: Vec<(NaiveDate, String)> = checkins
            .iter()
            .filter(|f| f.person_id == pid)
            .map(|f| (f.due, f.why.clone()))
            .collect();
        for (due, _) in open_checkins.iter().filter(|(d, _)| *d < today) {
            agenda.push(AgendaItem {
                kind: AgendaKind::OverdueCheckIn,
                person: label(pid),
                date: Some(*due),
                detail: String::new(),
            });
        }
        let circle = person::circle(conn, pid)?;
        let recipient = |member_id: i64, fallback: &str| {
            let m = circle.iter().find(|m| m.id == member_id);
            match (o.circle_names, m) {
                (true, Some(m)) => format!("{} ({})", m.name, m.role),
                (_, Some(m)) if !m.role.is_empty() => m.role.clone(),
                _ => fallback.to_string(),
            }
        };
        let bridge_rows: Vec<BridgeRow> = bridges
            .iter()
            .filter(|b| b.person_id == pid && matches!(b.status, Status::Shared | Status::Answered))
            .map(|b| BridgeRow {
                recipient: recipient(b.member_id, "behandelaar"),
                kind: b.kind,
                status: b.status,
                shared_on: b.shared_at.map(|t| time::local(t).date_naive()),
                answered: b.status == Status::Answered,
                text: b.text.clone(),
                client_voice: b.client_voice.clone(),
                answer: b.answer.clone(),
            })
            .collect();
        for b in bridge_rows.iter().filter(|b| b.status == Status::Shared) {
            agenda.push(AgendaItem {
                kind: AgendaKind::UnansweredBridge,
                person: label(pid),
                date: b.shared_on,
                detail: b.recipient.clone(),
            });
        }
        pages.push(PersonPage {
            label: label(pid),
            context: p.context,
            wishes: p.wishes.clone(),
            strengths: p.strengths.clone(),
            minutes: rows.iter().map(|r| r.minutes).sum(),
            contacts: rows,
            bridge_notes: bridge_rows,
            open_checkins,
            signals,
            stagnant: stagnant.contains(&pid),
        });
    }
    // Stagnation is about people who fell out of view, so by default (no one chosen)
    // it is listed for everyone, not only for those seen in the period.
    if o.persons.is_empty() {
        for pid in stagnant.iter().filter(|p| !chosen.contains(p)) {
            agenda.push(AgendaItem {
                kind: AgendaKind::Stagnation,
                person: label(*pid),
                date: None,
                detail: format!("{}", o.stagnation_weeks),
            });
        }
    }
    agenda.sort_by(|a, b| (a.kind, &a.person, a.date).cmp(&(b.kind, &b.person, b.date)));
    pages.sort_by_key(|p| p.label.to_lowercase());

    Ok(Summary {
        from: o.from,
        to: o.to,
        made_on: today,
        lang: o.lang,
        level: o.level,
        totals,
        by_support: by_support.into_iter().collect(),
        by_mode: by_mode.into_iter().collect(),
        chart: chart::Chart::of(
            o.from,
            o.to,
            contacts
                .iter()
                .map(|c| (time::local(c.at).date_naive(), c.support.as_slice())),
        ),
        agenda,
        persons: pages,
        person_ids: chosen
            .iter()
            .copied()
            .filter(|p| people.contains_key(p))
            .collect(),
    })
}

/// How a summary left the app.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Print,
    Save,
    Cli,
}

/// Records that a summary was printed or saved: when, which period and people, at
/// which level. Never its content.
pub fn record(conn: &Connection, o: &Options, persons: &[PersonId], action: Action) -> Result<()> {
    let ids =
        serde_json::to_string(persons).map_err(|e| crate::Error::io("summary log", e.into()))?;
    let action = match action {
        Action::Print => "print",
        Action::Save => "save",
        Action::Cli => "cli",
    };
    write_tx(conn, |c| {
        c.execute(
            "INSERT INTO summary_log (made_at, action, date_from, date_to, level, all_notes, person_ids)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (db::now(), action, o.from.to_string(), o.to.to_string(), o.level.as_str(), o.all_notes, ids),
        )?;
        Ok(())
    })
}

/// The first day of the ISO week (Monday) of a date.
pub(crate) fn week_start(d: NaiveDate) -> NaiveDate {
    d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64)
}
