//! What a contact moment is: its fields as the form and the CLI give them, as they
//! are read back, the filter of the lists, and the one [`validate`] every way in
//! goes through.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ground::calendar;
use crate::ground::error::{Invalid, Result};
use crate::ground::ids::{ContactId, PersonId};
use crate::ground::limits;
use crate::ground::time;
use crate::ground::vocab::{Initiative, Mode, Support};

/// The default length of a contact, in minutes (UI.md: 45).
pub const DEFAULT_MINUTES: i64 = 45;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct NewContact {
    /// Unix seconds (UTC).
    pub at: i64,
    pub minutes: i64,
    pub mode: Mode,
    pub initiative: Initiative,
    pub persons: Vec<PersonId>,
    pub support: Vec<Support>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub own_experience: bool,
    #[serde(default)]
    pub own_experience_note: String,
    #[serde(default)]
    pub own_words: String,
    #[serde(default)]
    pub signal: bool,
    #[serde(default)]
    pub signal_note: String,
    #[serde(default)]
    pub follow_up: Option<NaiveDate>,
    #[serde(default)]
    pub for_consult: bool,
}

impl NewContact {
    /// A contact with the defaults of the quick form: now, 45 minutes, face-to-face,
    /// on the person's initiative.
    pub fn now(persons: Vec<PersonId>, support: Vec<Support>) -> Self {
        NewContact {
            at: calendar::now(),
            minutes: DEFAULT_MINUTES,
            mode: Mode::FaceToFace,
            initiative: Initiative::Person,
            persons,
            support,
            tags: Vec::new(),
            note: String::new(),
            own_experience: false,
            own_experience_note: String::new(),
            own_words: String::new(),
            signal: false,
            signal_note: String::new(),
            follow_up: None,
            for_consult: false,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PersonRef {
    pub id: PersonId,
    pub alias: String,
    pub code: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Contact {
    pub id: ContactId,
    pub at: i64,
    pub minutes: i64,
    pub mode: Mode,
    pub initiative: Initiative,
    pub persons: Vec<PersonRef>,
    pub support: Vec<Support>,
    pub tags: Vec<String>,
    pub note: String,
    pub own_experience: bool,
    pub own_experience_note: String,
    pub own_words: String,
    pub signal: bool,
    pub signal_note: String,
    pub follow_up: Option<NaiveDate>,
    pub for_consult: bool,
}

impl Contact {
    /// The fields as a new contact: what Undo after a delete saves again.
    pub fn to_new(&self) -> NewContact {
        NewContact {
            at: self.at,
            minutes: self.minutes,
            mode: self.mode,
            initiative: self.initiative,
            persons: self.persons.iter().map(|p| p.id).collect(),
            support: self.support.clone(),
            tags: self.tags.clone(),
            note: self.note.clone(),
            own_experience: self.own_experience,
            own_experience_note: self.own_experience_note.clone(),
            own_words: self.own_words.clone(),
            signal: self.signal,
            signal_note: self.signal_note.clone(),
            follow_up: self.follow_up,
            for_consult: self.for_consult,
        }
    }
}

/// Which contacts to list. Dates are Dutch calendar days, both ends included.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Filter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub person: Option<PersonId>,
    pub support: Option<Support>,
    pub mode: Option<Mode>,
    pub for_consult: Option<bool>,
    pub signal: Option<bool>,
}

/// Where the next page starts: the last contact of the previous page.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Cursor {
    pub at: i64,
    pub id: ContactId,
}

pub fn validate(c: &NewContact) -> Result<()> {
    if !(1..=1440).contains(&c.minutes) {
        return Err(Invalid::Minutes(c.minutes).into());
    }
    if c.persons.is_empty() {
        return Err(Invalid::NoPerson.into());
    }
    time::check_instant(c.at)?;
    if let Some(d) = c.follow_up {
        time::check_day(d)?;
    }
    if c.support.is_empty() {
        return Err(Invalid::NoSupport.into());
    }
    limits::check_len("note", &c.note, limits::NOTE_MAX)?;
    limits::check_len("own words", &c.own_words, limits::NOTE_MAX)?;
    limits::check_len("own experience", &c.own_experience_note, limits::NOTE_MAX)?;
    limits::check_len("signal", &c.signal_note, limits::NOTE_MAX)?;
    for t in &c.tags {
        limits::check_len("tag", t, limits::SHORT_MAX)?;
    }
    Ok(())
}

/// What an edit from the command line changes; `None` leaves a field as it is, so a
/// script that changes the minutes never clears the note.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Patch {
    pub at: Option<i64>,
    pub minutes: Option<i64>,
    pub mode: Option<Mode>,
    pub initiative: Option<Initiative>,
    pub persons: Option<Vec<PersonId>>,
    pub support: Option<Vec<Support>>,
    pub tags: Option<Vec<String>>,
    pub note: Option<String>,
    pub own_experience: Option<bool>,
    pub own_experience_note: Option<String>,
    pub own_words: Option<String>,
    pub signal: Option<bool>,
    pub signal_note: Option<String>,
    /// `Some(None)` clears the next check-in.
    pub follow_up: Option<Option<NaiveDate>>,
    pub for_consult: Option<bool>,
}

impl Patch {
    pub fn is_empty(&self) -> bool {
        *self == Patch::default()
    }

    /// The contact as it will be after the edit.
    pub fn apply(&self, c: &Contact) -> NewContact {
        let mut n = c.to_new();
        let p = self.clone();
        n.at = p.at.unwrap_or(n.at);
        n.minutes = p.minutes.unwrap_or(n.minutes);
        n.mode = p.mode.unwrap_or(n.mode);
        n.initiative = p.initiative.unwrap_or(n.initiative);
        n.persons = p.persons.unwrap_or(n.persons);
        n.support = p.support.unwrap_or(n.support);
        n.tags = p.tags.unwrap_or(n.tags);
        n.note = p.note.unwrap_or(n.note);
        n.own_experience_note = p.own_experience_note.unwrap_or(n.own_experience_note);
        n.own_experience = p.own_experience.unwrap_or(n.own_experience);
        n.own_words = p.own_words.unwrap_or(n.own_words);
        n.signal_note = p.signal_note.unwrap_or(n.signal_note);
        n.signal = p.signal.unwrap_or(n.signal);
        n.follow_up = p.follow_up.unwrap_or(n.follow_up);
        n.for_consult = p.for_consult.unwrap_or(n.for_consult);
        n
    }
}
