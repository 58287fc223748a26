//! Which column holds what: guessed from the heading in Dutch or English, then
//! confirmed or changed by the user (`--map COLUMN=FIELD`, or the preview's choices).

use serde::{Deserialize, Serialize};

use super::values::{self, Unit};
use crate::ground::error::{Invalid, Result};
use crate::ground::fold::fold;
use crate::ways::sheet::{Cell, Table};

/// What a column can hold. The names are the CLI's (`--map Cliënt=person`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "ImportField"))]
pub enum Field {
    Person,
    Date,
    Time,
    /// Date and time in one cell.
    At,
    Minutes,
    Hours,
    Mode,
    Support,
    Tags,
    Note,
    OwnWords,
    FollowUp,
    Initiative,
    OwnExperience,
    OwnExperienceNote,
    Signal,
    SignalNote,
    Consult,
    /// Whose the signal is in a group contact (aliases), as Naast's own export has it.
    SignalFor,
    /// Whose the own words are.
    OwnWordsFor,
    /// Who gets the check-in.
    FollowUpFor,
}

impl Field {
    pub const ALL: &'static [Field] = &[
        Field::Person,
        Field::Date,
        Field::Time,
        Field::At,
        Field::Minutes,
        Field::Hours,
        Field::Mode,
        Field::Support,
        Field::Tags,
        Field::Note,
        Field::OwnWords,
        Field::FollowUp,
        Field::Initiative,
        Field::OwnExperience,
        Field::OwnExperienceNote,
        Field::Signal,
        Field::SignalNote,
        Field::Consult,
        Field::SignalFor,
        Field::OwnWordsFor,
        Field::FollowUpFor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Person => "person",
            Field::Date => "date",
            Field::Time => "time",
            Field::At => "at",
            Field::Minutes => "minutes",
            Field::Hours => "hours",
            Field::Mode => "mode",
            Field::Support => "support",
            Field::Tags => "tags",
            Field::Note => "note",
            Field::OwnWords => "own_words",
            Field::FollowUp => "follow_up",
            Field::Initiative => "initiative",
            Field::OwnExperience => "own_experience",
            Field::OwnExperienceNote => "own_experience_note",
            Field::Signal => "signal",
            Field::SignalNote => "signal_note",
            Field::Consult => "consult",
            Field::SignalFor => "signal_for",
            Field::OwnWordsFor => "own_words_for",
            Field::FollowUpFor => "follow_up_for",
        }
    }

    /// `Some(field)`, or `None` for `skip` (the column is left out).
    pub fn parse(s: &str) -> Result<Option<Field>> {
        let t = s.trim().to_ascii_lowercase().replace('-', "_");
        if matches!(t.as_str(), "skip" | "none" | "-" | "") {
            return Ok(None);
        }
        Field::ALL
            .iter()
            .copied()
            .find(|f| f.as_str() == t)
            .map(Some)
            .ok_or_else(|| Invalid::ImportField(s.to_string()).into())
    }
}

/// A heading reduced to plain lower-case words: "Duur (min.)" → "duur min",
/// "Cliënt" → "client", "own_words" → "own words".
pub fn norm(h: &str) -> String {
    fold(h)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a heading most likely means. `Err(())` marks a duration whose unit the
/// column's values decide ("duur").
fn guess(heading: &str) -> Option<std::result::Result<Field, ()>> {
    use Field::*;
    let h = norm(heading);
    let exact: Option<Field> = match h.as_str() {
        "naam" | "namen" | "initialen" | "client" | "clienten" | "clientnaam" | "naam client"
        | "persoon" | "personen" | "wie" | "met wie" | "deelnemer" | "deelnemers" | "alias"
        | "collega" | "jongere" | "name" | "initials" | "person" | "persons" | "people" | "who"
        | "with whom" | "participant" | "participants" => Some(Person),
        "datum en tijd" | "datum tijd" | "datum en tijdstip" | "datum tijdstip" | "moment"
        | "wanneer" | "at" | "at local" | "datetime" | "date time" | "date and time" | "when" => {
            Some(At)
        }
        "datum" | "dag" | "datum contact" | "contactdatum" | "date" | "day" => Some(Date),
        "tijd" | "tijdstip" | "begintijd" | "begin" | "aanvang" | "starttijd" | "start" | "van"
        | "time" | "start time" => Some(Time),
        "minuten"
        | "min"
        | "duur min"
        | "duur in minuten"
        | "aantal minuten"
        | "minutes"
        | "duration min"
        | "duration minutes"
        | "duration in minutes" => Some(Minutes),
        "uren" | "uur" | "duur uren" | "duur uur" | "duur in uren" | "aantal uren" | "hours"
        | "duration hours" | "duration in hours" => Some(Hours),
        "duur" | "tijdsduur" | "lengte" | "tijdsbesteding" | "duration" | "length" => {
            return Some(Err(()))
        }
        "vorm" | "contactvorm" | "soort contact" | "type contact" | "contacttype" | "hoe"
        | "manier" | "mode" | "contact type" | "how" => Some(Mode),
        "soort steun"
        | "steun"
        | "type steun"
        | "ondersteuning"
        | "soort ondersteuning"
        | "support"
        | "kind of support"
        | "support type"
        | "type of support" => Some(Support),
        "labels" | "label" | "eigen labels" | "tags" | "tag" | "trefwoorden" | "thema"
        | "themas" | "onderwerp" | "topic" | "topics" => Some(Tags),
        "notitie" | "notities" | "verslag" | "verslaglegging" | "opmerking" | "opmerkingen"
        | "aantekening" | "aantekeningen" | "wat gedaan" | "wat is er gedaan" | "beschrijving"
        | "omschrijving" | "inhoud" | "toelichting" | "note" | "notes" | "report" | "comment"
        | "comments" | "description" | "what was done" => Some(Note),
        "eigen woorden" | "in eigen woorden" | "citaat" | "quote" | "own words"
        | "in their own words" | "zijn woorden" | "haar woorden" => Some(OwnWords),
        "vervolg" | "vervolgafspraak" | "volgende afspraak" | "volgend contact"
        | "volgende check in" | "check in" | "vervolgdatum" | "nieuwe afspraak" | "follow up"
        | "next appointment" | "next check in" => Some(FollowUp),
        "initiatief" | "initiative" | "op initiatief van" => Some(Initiative),
        "eigen ervaring"
        | "eigen ervaring ingezet"
        | "ervaringsdeskundige inzet"
        | "own experience"
        | "own experience shared" => Some(OwnExperience),
        "eigen ervaring notitie" | "eigen ervaring toelichting" | "own experience note" => {
            Some(OwnExperienceNote)
        }
        "signaal" | "signal" => Some(Signal),
        "signal for" | "signaal van" => Some(SignalFor),
        "own words for" | "eigen woorden van" => Some(OwnWordsFor),
        "follow up for" | "check in voor" | "vervolg voor" => Some(FollowUpFor),
        "signaal notitie" | "signaal toelichting" | "signal note" => Some(SignalNote),
        "teamoverleg" | "voor teamoverleg" | "consult" | "for consult" | "for team consult" => {
            Some(Consult)
        }
        _ => None,
    };
    if let Some(f) = exact {
        return Some(Ok(f));
    }
    // Headings with more words: "Datum gesprek", "Duur (in min.)", "Notitie / verslag".
    let has = |w: &str| h.split(' ').any(|x| x == w);
    let f = if has("datum") && (has("tijd") || has("tijdstip")) {
        At
    } else if has("datum") || has("date") {
        Date
    } else if has("minuten") || has("min") || has("minutes") {
        Minutes
    } else if has("uren") || has("hours") {
        Hours
    } else if has("duur") || has("duration") {
        return Some(Err(()));
    } else if has("notitie") || has("verslag") || has("opmerkingen") || has("notes") {
        Note
    } else if has("naam") || has("client") || has("initialen") || has("name") {
        Person
    } else if has("vorm") || has("contactvorm") {
        Mode
    } else if has("steun") || has("ondersteuning") {
        Support
    } else if has("vervolg") || has("afspraak") {
        FollowUp
    } else {
        return None;
    };
    Some(Ok(f))
}

/// The guessed field of every column: each field at most once (the first column
/// that names it), a "duur" column in minutes or hours as its values say.
pub fn guess_all(t: &Table) -> Vec<Option<Field>> {
    let mut out: Vec<Option<Field>> = Vec::with_capacity(t.header.len());
    for (i, h) in t.header.iter().enumerate() {
        let f = match guess(h) {
            Some(Ok(f)) => Some(f),
            Some(Err(())) => {
                let cells: Vec<&Cell> = t.rows.iter().filter_map(|r| r.cells.get(i)).collect();
                Some(match values::unit_of(&cells) {
                    Unit::Minutes => Field::Minutes,
                    Unit::Hours => Field::Hours,
                })
            }
            None => None,
        };
        let taken = f.is_some_and(|f| out.contains(&Some(f)) || clashes(f, &out));
        out.push(if taken { None } else { f });
    }
    out
}

/// One duration column is enough: minutes and hours exclude each other.
fn clashes(f: Field, chosen: &[Option<Field>]) -> bool {
    match f {
        Field::Minutes => chosen.contains(&Some(Field::Hours)),
        Field::Hours => chosen.contains(&Some(Field::Minutes)),
        _ => false,
    }
}

/// The column a `--map` names: its heading (any case, accents or not), or its
/// letter as the spreadsheet shows it (A, B, … AA).
pub fn column(t: &Table, name: &str) -> Result<usize> {
    let want = norm(name);
    if let Some(i) = t
        .header
        .iter()
        .position(|h| norm(h) == want && !want.is_empty())
    {
        return Ok(i);
    }
    let letters = name.trim();
    if !letters.is_empty() && letters.len() <= 2 && letters.chars().all(|c| c.is_ascii_alphabetic())
    {
        let i = letters
            .to_ascii_uppercase()
            .bytes()
            .fold(0usize, |acc, b| acc * 26 + (b - b'A' + 1) as usize)
            - 1;
        if i < t
            .header
            .len()
            .max(t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0))
        {
            return Ok(i);
        }
    }
    Err(Invalid::ImportColumn(name.to_string()).into())
}

/// The spreadsheet's letter for a column: 0 → A, 26 → AA.
pub fn letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// `COLUMN=FIELD` → the column's index and its field (`None` to leave it out).
pub fn map_arg(t: &Table, arg: &str) -> Result<(usize, Option<Field>)> {
    let (col, field) = arg
        .rsplit_once('=')
        .ok_or_else(|| Invalid::MapArg(arg.to_string()))?;
    Ok((column(t, col)?, Field::parse(field)?))
}

/// The guesses with the user's choices over them. A field chosen for one column
/// leaves the column that had it by guess.
pub fn apply(guessed: &[Option<Field>], choices: &[(usize, Option<Field>)]) -> Vec<Option<Field>> {
    let mut out = guessed.to_vec();
    for &(col, field) in choices {
        if col >= out.len() {
            out.resize(col + 1, None);
        }
        if let Some(f) = field {
            for (i, o) in out.iter_mut().enumerate() {
                if i != col && (*o == Some(f) || (o.is_some_and(|o| clashes(f, &[Some(o)])))) {
                    *o = None;
                }
            }
        }
        out[col] = field;
    }
    out
}
