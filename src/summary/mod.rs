//! The team-consult summary: what a peer supporter brings to the teamoverleg.
//!
//! Computed here as plain data ([`Summary`]), then rendered once to a self-contained
//! HTML document by [`html`]. Privacy is decided here, not in the rendering: people
//! are labelled at the chosen level (the default is the least: a code), circle
//! members appear by role only, and a note not marked for the consult never enters
//! the struct unless the user asked for all notes. What is not in the struct cannot
//! leak into the page. Every free text that enters it has passed through
//! [`crate::redact::Redactor`], so known names inside notes are replaced at the same
//! level as the labels (see [`compute`]).
//!
//! Colleague support is not client work: colleagues (`Context::Colleague`) and the
//! contacts that are only with colleagues stay out unless [`Options::colleagues`] is
//! set. A group contact with a colleague and a client is client work and is kept,
//! on the client's page and in the totals; the colleague is not listed among those
//! present, and their name in its note reads "een collega" rather than a code that
//! points at no page.

mod agenda;
pub mod chart;
mod compute;
pub mod html;
pub mod specimen;

pub use compute::{compute, compute_checked, suspects};

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::bridge::Status;

use crate::error::{Lang, Result};
use crate::model::{Context, Mode, Support};
use crate::person::PersonId;
use crate::redact::ExtraName;

pub use crate::redact::Level;

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
    /// Include colleagues and the contacts that are only with colleagues.
    #[serde(default)]
    pub colleagues: bool,
    /// Words the user said are names after all (from the suspects), with what
    /// replaces each.
    #[serde(default)]
    pub extra_names: Vec<ExtraName>,
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
            colleagues: false,
            extra_names: Vec::new(),
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

/// One line of the agenda: one person, one kind ("24JC: 11 signalen, laatste di
/// 3 nov."), so that a quarter with hundreds of signals stays a readable page.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    pub person: String,
    /// How many: signals, unanswered bridge notes, overdue check-ins (1 for
    /// stagnation).
    pub count: u32,
    /// Signal: the latest. Stagnation: the last contact (none: never seen).
    /// Unanswered bridge note: the earliest shared. Overdue check-in: the earliest due.
    pub date: Option<NaiveDate>,
    /// Stagnation: the weeks. Unanswered bridge note: the recipients' roles.
    pub detail: String,
    /// The latest signal's own note, only when that contact is marked for the
    /// consult (redacted like every note).
    pub note: Option<String>,
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
    /// A signal's own note: only when the contact is marked for the consult, even
    /// when all notes were asked (it says why the team should look).
    pub signal_note: Option<String>,
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
    let audit_action = match action {
        Action::Print => crate::audit::Action::Print,
        Action::Save | Action::Cli => crate::audit::Action::Save,
    };
    crate::audit::log(
        conn,
        &crate::audit::Event::new(audit_action, "summary")
            .people(persons)
            .detail(serde_json::json!({
                "from": o.from,
                "to": o.to,
                "level": o.level.as_str(),
                "all_notes": o.all_notes,
                "circle_names": o.circle_names,
                "colleagues": o.colleagues,
                "people_count": persons.len(),
                "via": if action == Action::Cli { "cli" } else { "app" },
            })),
    )?;
    Ok(())
}

/// The first day of the ISO week (Monday) of a date.
pub(crate) fn week_start(d: NaiveDate) -> NaiveDate {
    d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// Whether a summary may leave the vault from the app: only once every word that
/// looks like an unknown name has had a choice (a replacement, or "is geen naam").
/// The command line prints them as warnings instead.
pub fn check_suspects(suspects: &[crate::redact::Suspect]) -> crate::Result<()> {
    if suspects.is_empty() {
        Ok(())
    } else {
        Err(crate::Invalid::NamesToCheck(suspects.len()).into())
    }
}
