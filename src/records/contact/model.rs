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
use crate::records::goal::GivenRating;

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
    /// Whose the signal is: some of `persons`. `None` means everyone present (the
    /// command line's default); the app always says, and asks for a group.
    #[serde(default)]
    pub signal_for: Option<Vec<PersonId>>,
    /// Whose own words these are; `None`: everyone present.
    #[serde(default)]
    pub own_words_for: Option<Vec<PersonId>>,
    /// Who gets the next check-in; `None`: everyone present.
    #[serde(default)]
    pub checkin_for: Option<Vec<PersonId>>,
    /// A group contact from before Naast asked whose: its signal, own words and
    /// check-in were given to everyone, for the user to correct.
    #[serde(default)]
    pub whose_unsure: bool,
    /// The goals of the people present that this contact touched. `None` on a new
    /// contact: none; on an update: the links stay as they were (for the people
    /// still on it). The app's form offers the people's open goals.
    #[serde(default)]
    pub goals: Option<Vec<i64>>,
    /// The person's own rating of a goal, given at this contact: dated its day,
    /// saved with it (the goal counts as touched). `None` on a new contact: none; on
    /// an update: they stay as they were. `Some` replaces the ratings given at it.
    #[serde(default)]
    pub ratings: Option<Vec<GivenRating>>,
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
            signal_for: None,
            own_words_for: None,
            checkin_for: None,
            whose_unsure: false,
            goals: None,
            ratings: None,
        }
    }

    /// Who the signal, the own words and the check-in are for, as they will be
    /// stored: the people named (in `persons`' order), or everyone present. Empty
    /// when there is no signal, no own words or no check-in.
    pub fn whose(&self) -> Whose {
        let pick = |on: bool, given: &Option<Vec<PersonId>>| -> Vec<PersonId> {
            if !on {
                return Vec::new();
            }
            match given {
                None => self.persons.clone(),
                Some(list) => self
                    .persons
                    .iter()
                    .copied()
                    .filter(|p| list.contains(p))
                    .collect(),
            }
        };
        Whose {
            signal: pick(self.signal, &self.signal_for),
            own_words: pick(!self.own_words.trim().is_empty(), &self.own_words_for),
            checkin: pick(self.follow_up.is_some(), &self.checkin_for),
        }
    }
}

/// The people a contact's signal, own words and check-in belong to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Whose {
    pub signal: Vec<PersonId>,
    pub own_words: Vec<PersonId>,
    pub checkin: Vec<PersonId>,
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
    /// The people the signal is about (empty without a signal).
    pub signal_for: Vec<PersonId>,
    /// The people whose own words these are (empty without own words).
    pub own_words_for: Vec<PersonId>,
    /// The people who got the next check-in (empty without one).
    pub checkin_for: Vec<PersonId>,
    /// From before Naast asked whose, with more than one person: everyone got the
    /// signal, own words and check-in; the user may correct it.
    pub whose_unsure: bool,
}

impl Contact {
    /// Whether the signal is about this person.
    pub fn signal_of(&self, p: PersonId) -> bool {
        self.signal && self.signal_for.contains(&p)
    }

    /// This person's own words on this contact, if they are theirs.
    pub fn own_words_of(&self, p: PersonId) -> Option<&str> {
        (self.own_words_for.contains(&p) && !self.own_words.trim().is_empty())
            .then_some(self.own_words.as_str())
    }

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
            signal_for: Some(self.signal_for.clone()),
            own_words_for: Some(self.own_words_for.clone()),
            checkin_for: Some(self.checkin_for.clone()),
            whose_unsure: self.whose_unsure,
            goals: None,
            ratings: None,
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
    for r in c.ratings.iter().flatten() {
        r.check()?;
    }
    check_whose(c)
}

/// Whose a signal, own words or a check-in is: only people present, and someone
/// when the list is given (the app asks for a group; an empty answer is no answer).
fn check_whose(c: &NewContact) -> Result<()> {
    let fields = [
        ("signal", c.signal, &c.signal_for),
        (
            "own words",
            !c.own_words.trim().is_empty(),
            &c.own_words_for,
        ),
        ("check-in", c.follow_up.is_some(), &c.checkin_for),
    ];
    for (what, on, given) in fields {
        let Some(list) = given else { continue };
        if let Some(p) = list.iter().find(|p| !c.persons.contains(p)) {
            return Err(Invalid::WhoseNotPresent {
                what,
                who: format!("#{p}"),
            }
            .into());
        }
        if on && list.is_empty() {
            return Err(Invalid::WhoseMissing(what).into());
        }
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
    pub signal_for: Option<Vec<PersonId>>,
    pub own_words_for: Option<Vec<PersonId>>,
    pub checkin_for: Option<Vec<PersonId>>,
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
        // Said now: the mark of a contact from before Naast asked whose goes.
        if p.signal_for.is_some() || p.own_words_for.is_some() || p.checkin_for.is_some() {
            n.whose_unsure = false;
        }
        // What was everyone's stays everyone's (also a person added by this edit); a
        // list kept from before holds only who is still there.
        let keep = |given: Option<Vec<PersonId>>, old: &[PersonId], all_before: bool| {
            given.or_else(|| (!old.is_empty() && !all_before).then(|| old.to_vec()))
        };
        let everyone = |list: &[PersonId]| c.persons.iter().all(|x| list.contains(&x.id));
        n.signal_for = keep(p.signal_for, &c.signal_for, everyone(&c.signal_for));
        n.own_words_for = keep(
            p.own_words_for,
            &c.own_words_for,
            everyone(&c.own_words_for),
        );
        n.checkin_for = keep(p.checkin_for, &c.checkin_for, everyone(&c.checkin_for));
        if self.persons.is_some() {
            let persons = n.persons.clone();
            for list in [&mut n.signal_for, &mut n.own_words_for, &mut n.checkin_for]
                .into_iter()
                .flatten()
            {
                list.retain(|x| persons.contains(x));
            }
        }
        n
    }
}
