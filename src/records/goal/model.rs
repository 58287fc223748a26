//! What a goal is: the person's words, why, the first steps, who helps, its status
//! and its history, and the ratings the person gave it over time.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ground::error::{Error, Result};
use crate::ground::ids::{ContactId, PersonId};
use crate::ground::lang::Lang;
use crate::ground::limits;

/// Where a goal stands. `LetGo` ("losgelaten") is as good an ending as `Reached`:
/// nothing in Naast shows it as a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "GoalStatus"))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Working,
    Reached,
    LetGo,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Working => "working",
            Status::Reached => "reached",
            Status::LetGo => "let-go",
        }
    }

    /// Reads what the vault stores; anything else means the file is damaged.
    pub(crate) fn from_db(s: &str) -> Result<Status> {
        match s {
            "working" => Ok(Status::Working),
            "reached" => Ok(Status::Reached),
            "let-go" => Ok(Status::LetGo),
            _ => Err(Error::Damaged),
        }
    }

    /// The status in words, calm in both languages.
    pub fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Working, Lang::Nl) => "mee bezig",
            (Status::Working, Lang::En) => "working on it",
            (Status::Reached, Lang::Nl) => "bereikt",
            (Status::Reached, Lang::En) => "reached",
            (Status::LetGo, Lang::Nl) => "losgelaten",
            (Status::LetGo, Lang::En) => "let go",
        }
    }
}

/// Someone who helps with a goal: a member of the person's circle, or (`member_id`
/// `None`) the supporter.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Helper {
    pub member_id: Option<i64>,
    pub name: String,
}

/// "Hoe ver ben je, volgens jezelf?": the person's own score and words on a day.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Rating {
    pub id: i64,
    pub on: NaiveDate,
    pub score: i64,
    pub words: String,
    /// The contact it was given at, if any (and not deleted since).
    pub contact: Option<ContactId>,
}

/// One step in a goal's history: the status it got, and when (unix seconds).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct StatusChange {
    pub status: Status,
    pub at: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Goal {
    pub id: i64,
    pub person_id: PersonId,
    /// In the person's own words.
    pub text: String,
    pub why: String,
    pub steps: String,
    pub status: Status,
    /// The person's own order, 1 first.
    pub position: i64,
    /// Circle members first (by name), then the supporter.
    pub helpers: Vec<Helper>,
    /// Marked for the team consult: only then does it appear in the summary.
    pub for_consult: bool,
    /// Unix seconds.
    pub created_at: i64,
    pub updated_at: i64,
    /// Oldest first.
    pub ratings: Vec<Rating>,
    /// Oldest first; the first is "working", from when the goal was added.
    pub history: Vec<StatusChange>,
    /// The contacts that touched this goal, oldest first.
    pub contacts: Vec<ContactId>,
}

impl Goal {
    /// The newest rating, the one the team-consult summary shows.
    pub fn latest(&self) -> Option<&Rating> {
        self.ratings.last()
    }
}

/// A new goal as the person says it. Helpers are circle members by name; the
/// supporter is `supporter`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct NewGoal {
    pub text: String,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub steps: String,
    #[serde(default)]
    pub helpers: Vec<String>,
    #[serde(default)]
    pub supporter: bool,
    #[serde(default)]
    pub for_consult: bool,
}

/// A change: each field given replaces what was; `None` keeps it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct GoalPatch {
    pub text: Option<String>,
    pub why: Option<String>,
    pub steps: Option<String>,
    /// Replaces the circle members who help.
    pub helpers: Option<Vec<String>>,
    pub supporter: Option<bool>,
    pub for_consult: Option<bool>,
    /// Moves the goal to this place in the person's order (1 first).
    pub position: Option<i64>,
}

impl GoalPatch {
    pub fn is_empty(&self) -> bool {
        self.text.is_none()
            && self.why.is_none()
            && self.steps.is_none()
            && self.helpers.is_none()
            && self.supporter.is_none()
            && self.for_consult.is_none()
            && self.position.is_none()
    }
}

/// A rating as given: `on` defaults to today, `contact` to none.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct NewRating {
    pub score: i64,
    #[serde(default)]
    pub words: String,
    pub on: Option<NaiveDate>,
    pub contact: Option<ContactId>,
}

/// A rating given at a contact, as the contact form sends it: for one of the goals
/// of someone present, dated the contact's day and saved with the contact.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct GivenRating {
    pub goal: i64,
    pub score: i64,
    #[serde(default)]
    pub words: String,
}

impl GivenRating {
    /// The checks that need no vault: the score 0–10, the words as long as a note.
    /// Run before the contact's transaction, so nothing typed is lost to a refusal.
    pub fn check(&self) -> Result<()> {
        limits::check_range("score", self.score, 0, 10)?;
        limits::check_len("words", &self.words, limits::NOTE_MAX)?;
        Ok(())
    }
}
