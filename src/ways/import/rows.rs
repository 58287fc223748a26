//! One row of the sheet read into a contact, or the reason it cannot be one. Pure:
//! who the people are is looked up by the caller ([`super::plan`]).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};

use super::fields::Field;
use super::model::Options;
use super::values::{self, Bad, Unit};
use super::words::{self, WordTo};
use crate::ground::lang::Lang;
use crate::ground::vocab::{Initiative, Mode, Support};
use crate::records::contact::{NewContact, DEFAULT_MINUTES};
use crate::ways::sheet::{Cell, Row};

/// The time of a contact whose sheet gives only the day: midday lands on that day
/// in every season, and reads as "a time was not written".
pub const NO_TIME: NaiveTime = match NaiveTime::from_hms_opt(12, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// Why a row is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    NoDate,
    Bad(Bad),
    SkippedHour(String),
    NoPerson,
    UnknownPeople(Vec<String>),
    NoSupport,
    Initiative(String),
    /// Refused by the contact's own validation (a duration of 0, a year out of range,
    /// a note beyond the limit), in its own words.
    Invalid(String),
}

impl Why {
    pub fn text(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let pick = |n: String, e: String| if nl { n } else { e };
        match self {
            Why::NoDate => pick("geen datum".into(), "no date".into()),
            Why::Bad(Bad::Date(t)) => pick(
                format!("'{t}' is geen datum (schrijf bijvoorbeeld 3-2-2025)"),
                format!("'{t}' is not a date (write for example 3-2-2025)"),
            ),
            Why::Bad(Bad::Time(t)) => pick(
                format!("'{t}' is geen tijd (schrijf bijvoorbeeld 14.30 of 14:30)"),
                format!("'{t}' is not a time (write for example 14.30 or 14:30)"),
            ),
            Why::Bad(Bad::Duration(t)) => pick(
                format!("'{t}' is geen duur (schrijf minuten als 45, uren als 0,75 of 1:15)"),
                format!("'{t}' is not a duration (write minutes as 45, hours as 0,75 or 1:15)"),
            ),
            Why::Bad(Bad::YesNo(t)) => pick(
                format!("'{t}' is geen ja of nee"),
                format!("'{t}' is not yes or no"),
            ),
            Why::SkippedHour(t) => pick(
                format!("{t} bestaat niet in Nederlandse tijd (de klok ging die nacht vooruit)"),
                format!("{t} does not exist in Dutch time (the clocks jumped forward that night)"),
            ),
            Why::NoPerson => pick("geen naam of initialen".into(), "no name or initials".into()),
            Why::UnknownPeople(names) => pick(
                format!(
                    "{} nog niet bekend in Naast; nieuwe mensen worden alleen gemaakt als je dat bevestigt",
                    quote(names, "en")
                ),
                format!(
                    "{} not yet known in Naast; new people are made only when you confirm",
                    quote(names, "and")
                ),
            ),
            Why::NoSupport => pick(
                "geen soort steun (praktisch, emotioneel, informatief of navigatie)".into(),
                "no kind of support (practical, emotional, informational or navigation)".into(),
            ),
            Why::Initiative(t) => pick(
                format!("'{t}' is geen initiatief (de persoon, ik of iemand anders)"),
                format!("'{t}' is not an initiative (the person, me or someone else)"),
            ),
            Why::Invalid(m) => m.clone(),
        }
    }
}

fn quote(names: &[String], and: &str) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let are = if and == "and" { "are" } else { "zijn" };
    match q.as_slice() {
        [one] => format!("{one} is"),
        [init @ .., last] => format!("{} {and} {last} {are}", init.join(", ")),
        [] => String::new(),
    }
}

/// Someone the row names: known in the vault, or new (by the name as written).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Who {
    Known(i64),
    New(String),
}

/// A row read: the contact (people still to be resolved for new ones) and who.
#[derive(Debug, Clone)]
pub struct Draft {
    pub row: usize,
    pub contact: NewContact,
    pub who: Vec<Who>,
    /// Whose the signal, the own words and the check-in are (indices into `who`),
    /// when the sheet has those columns (Naast's own export does); `None`: it does
    /// not say.
    pub whose: [Option<Vec<usize>>; 3],
}

/// The columns of each field, and how the row's words are read.
pub struct Reader<'a> {
    pub col: HashMap<Field, usize>,
    pub options: &'a Options,
    pub choices: HashMap<String, WordTo>,
}

impl Reader<'_> {
    fn cell<'r>(&self, row: &'r Row, f: Field) -> &'r Cell {
        static EMPTY: Cell = Cell::Empty;
        self.col
            .get(&f)
            .and_then(|&i| row.cells.get(i))
            .unwrap_or(&EMPTY)
    }

    fn text(&self, row: &Row, f: Field) -> String {
        self.cell(row, f).text()
    }

    /// The choice for an unknown word (a tag unless the user chose otherwise).
    pub fn choice(&self, word: &str) -> WordTo {
        self.choices
            .get(&words::key(word))
            .cloned()
            .unwrap_or(WordTo::Tag)
    }

    /// Reads a row; `find` looks a name up among the people in the vault.
    pub fn read(&self, row: &Row, find: &dyn Fn(&str) -> Option<i64>) -> Result<Draft, Why> {
        let (day, mut time) = self.when(row)?;
        if !self.cell(row, Field::Time).is_empty() {
            time = Some(values::time(self.cell(row, Field::Time)).map_err(Why::Bad)?);
        }
        let time = time.unwrap_or(NO_TIME);
        let at = values::instant(day, time)
            .ok_or_else(|| {
                Why::SkippedHour(format!(
                    "{} {}",
                    day.format("%-d-%-m-%Y"),
                    time.format("%H:%M")
                ))
            })?
            .timestamp();
        let minutes = match self
            .col
            .iter()
            .find(|(f, _)| matches!(f, Field::Minutes | Field::Hours))
        {
            Some((f, &i)) => match row.cells.get(i) {
                Some(c) if !c.is_empty() => {
                    let unit = if *f == Field::Hours {
                        Unit::Hours
                    } else {
                        Unit::Minutes
                    };
                    values::duration(c, unit).map_err(Why::Bad)?
                }
                _ => DEFAULT_MINUTES,
            },
            None => DEFAULT_MINUTES,
        };
        let names = words::people(&self.text(row, Field::Person));
        if names.is_empty() {
            return Err(Why::NoPerson);
        }
        let mut who: Vec<Who> = Vec::new();
        for n in &names {
            let w = match find(n) {
                Some(id) => Who::Known(id),
                None => Who::New(n.clone()),
            };
            if !who.contains(&w) {
                who.push(w);
            }
        }
        let whose = [Field::SignalFor, Field::OwnWordsFor, Field::FollowUpFor].map(|f| {
            self.col.contains_key(&f).then(|| {
                words::people(&self.text(row, f))
                    .iter()
                    .filter_map(|n| {
                        let w = find(n).map_or_else(|| Who::New(n.clone()), Who::Known);
                        who.iter().position(|x| *x == w)
                    })
                    .collect()
            })
        });
        let mut tags: Vec<String> = words::split(&self.text(row, Field::Tags));
        let mut mode = None;
        let mut support: Vec<Support> = Vec::new();
        let mode_text = self.text(row, Field::Mode);
        if !mode_text.is_empty() {
            match words::mode(&mode_text) {
                Some(m) => mode = Some(m),
                None => self.unknown(&mode_text, &mut mode, &mut support, &mut tags),
            }
        }
        for w in words::split(&self.text(row, Field::Support)) {
            match words::support(&w) {
                Some(s) => push(&mut support, s),
                None => self.unknown(&w, &mut mode, &mut support, &mut tags),
            }
        }
        if support.is_empty() {
            support = self.options.support.clone();
        }
        if support.is_empty() {
            return Err(Why::NoSupport);
        }
        support.sort();
        let follow_up = match self.cell(row, Field::FollowUp) {
            c if c.is_empty() => None,
            c => Some(values::date(c).map_err(Why::Bad)?.0),
        };
        let yes = |f| values::yes_no(self.cell(row, f)).map_err(Why::Bad);
        let contact = NewContact {
            at,
            minutes,
            mode: mode.or(self.options.mode).unwrap_or(Mode::FaceToFace),
            initiative: initiative(&self.text(row, Field::Initiative))?,
            persons: Vec::new(),
            support,
            tags,
            note: self.text(row, Field::Note),
            own_experience: yes(Field::OwnExperience)?,
            own_experience_note: self.text(row, Field::OwnExperienceNote),
            own_words: self.text(row, Field::OwnWords),
            signal: yes(Field::Signal)?,
            signal_note: self.text(row, Field::SignalNote),
            follow_up,
            for_consult: yes(Field::Consult)?,
            // A sheet does not say whose: everyone present (see the import's apply,
            // which marks a group's for the user to check).
            signal_for: None,
            own_words_for: None,
            checkin_for: None,
            whose_unsure: false,
            goals: None,
            ratings: None,
        };
        Ok(Draft {
            row: row.number,
            contact,
            who,
            whose,
        })
    }

    fn when(&self, row: &Row) -> Result<(NaiveDate, Option<NaiveTime>), Why> {
        for f in [Field::At, Field::Date] {
            let c = self.cell(row, f);
            match c {
                // A date-and-time cell at midnight is a contact at midnight, not a day
                // without a time.
                Cell::DateTime(t) if f == Field::At => return Ok((t.date(), Some(t.time()))),
                c if !c.is_empty() => return values::date(c).map_err(Why::Bad),
                _ => {}
            }
        }
        Err(Why::NoDate)
    }

    fn unknown(
        &self,
        word: &str,
        mode: &mut Option<Mode>,
        support: &mut Vec<Support>,
        tags: &mut Vec<String>,
    ) {
        match self.choice(word) {
            WordTo::Tag => {
                if !tags.iter().any(|t| t.eq_ignore_ascii_case(word)) {
                    tags.push(word.to_string());
                }
            }
            WordTo::Support(s) => push(support, s),
            WordTo::Mode(m) => *mode = Some(m),
            WordTo::Skip => {}
        }
    }
}

fn push(v: &mut Vec<Support>, s: Support) {
    if !v.contains(&s) {
        v.push(s);
    }
}

/// "de persoon", "ik", "iemand anders", or the CLI's names; empty is the person's.
fn initiative(t: &str) -> Result<Initiative, Why> {
    let w = crate::ground::fold::fold(t.trim());
    Ok(match w.as_str() {
        "" | "person" | "de persoon" | "persoon" | "client" | "de client" | "the person"
        | "hij" | "zij" | "hen" => Initiative::Person,
        "me" | "ik" | "ikzelf" | "zelf" | "mijzelf" | "i" => Initiative::Me,
        "other" | "iemand anders" | "anders" | "someone else" | "ander" => Initiative::Other,
        _ => return Err(Why::Initiative(t.trim().to_string())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_in_both_languages() {
        let w = Why::UnknownPeople(vec!["Kees".into()]);
        assert_eq!(
            w.text(Lang::Nl),
            "'Kees' is nog niet bekend in Naast; nieuwe mensen worden alleen gemaakt als je dat bevestigt"
        );
        let two = Why::UnknownPeople(vec!["Kees".into(), "Mo".into()]);
        assert!(
            two.text(Lang::En)
                .starts_with("'Kees' and 'Mo' are not yet known"),
            "{}",
            two.text(Lang::En)
        );
        assert!(two
            .text(Lang::Nl)
            .starts_with("'Kees' en 'Mo' zijn nog niet"));
        assert!(Why::NoSupport.text(Lang::Nl).contains("soort steun"));
        assert_eq!(initiative("Ik"), Ok(Initiative::Me));
        assert_eq!(initiative(""), Ok(Initiative::Person));
        assert!(initiative("de buurman").is_err());
    }
}
