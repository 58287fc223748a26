//! The summary as plain data: what the user chose, and everything the page shows,
//! already at the chosen level. What is not in these structs cannot leak into the page.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::chart;
use crate::ground::ids::PersonId;
use crate::ground::lang::Lang;
use crate::ground::vocab::{Context, Mode, Status, Support};
use crate::ways::redact::{ExtraName, Level};

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
    /// Weeks without a look at an open goal (a rating, a change, a contact that
    /// touched it) before the agenda mentions it.
    #[serde(default = "default_goal_weeks")]
    pub goal_weeks: u32,
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

fn default_goal_weeks() -> u32 {
    crate::records::goal::QUIET_WEEKS
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
            goal_weeks: default_goal_weeks(),
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
    /// Goals of the person's own plan nobody looked at for a while: the gentlest
    /// line, last.
    QuietGoal,
}

impl AgendaKind {
    /// Every kind, in the order the agenda's sections come (the page and the PDF).
    pub const ALL: [AgendaKind; 5] = [
        AgendaKind::Signal,
        AgendaKind::Stagnation,
        AgendaKind::UnansweredBridge,
        AgendaKind::OverdueCheckIn,
        AgendaKind::QuietGoal,
    ];
}

/// One line of the agenda: one person, one kind ("24JC: 11 signalen, laatste di
/// 3 nov."), so that a quarter with hundreds of signals stays a readable page.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    pub person: String,
    /// How many: signals, unanswered bridge notes, overdue check-ins, quiet goals
    /// (1 for stagnation).
    pub count: u32,
    /// Signal: the latest. Stagnation: the last contact (none: never seen).
    /// Unanswered bridge note: the earliest shared. Overdue check-in: the earliest due.
    /// Quiet goal: the day the longest-quiet one was last looked at.
    pub date: Option<NaiveDate>,
    /// Stagnation and quiet goals: the weeks. Unanswered bridge note: the
    /// recipients' roles.
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
    pub kind: crate::ground::vocab::BridgeKind,
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
    /// Only the goals marked for the consult, in the person's order.
    #[serde(default)]
    pub goals: Vec<GoalRow>,
}

/// A goal marked for the consult: the person's words (redacted like every note),
/// where it stands, and their latest rating with its words.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GoalRow {
    pub text: String,
    pub status: crate::records::goal::Status,
    pub latest: Option<LatestRating>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct LatestRating {
    pub on: NaiveDate,
    pub score: i64,
    pub words: String,
}
