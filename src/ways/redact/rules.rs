//! What to replace, for whom: the level people are named at, the user's own answers
//! ("this word is that person", "call them the neighbour"), and the rule for spotting
//! names Naast does not know.

use serde::{Deserialize, Serialize};

use super::heuristic::Heuristic;
use crate::ground::error::{Invalid, Result};
use crate::ground::ids::PersonId;
use crate::ground::lang::Lang;
use crate::records::person::Person;

/// How people are named in an output for others. The default is the least.
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

/// The user's answer for a word Naast did not know: "this is that person" or "call
/// them by this role".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum Replacement {
    /// Named like that person at the chosen level (their code at level `code`).
    Person(PersonId),
    /// A role or description, such as "de buurman"; "de" is added when missing.
    Role(String),
}

/// A word (or a few) that is a name after all, and what replaces it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ExtraName {
    pub word: String,
    pub with: Replacement,
}

/// What to replace, for whom. [`Rules::new`] gives the defaults of a summary.
#[derive(Clone, Debug)]
pub struct Rules {
    pub level: Level,
    /// The language of the neutral phrases ("iemand uit de kring").
    pub lang: Lang,
    /// Circle members keep their names (at levels `code` and `alias`).
    pub circle_names: bool,
    /// Colleagues are not part of this output: their names become "een collega"
    /// rather than a code that points at no page.
    pub hide_colleagues: bool,
    pub extra: Vec<ExtraName>,
    pub heuristic: Heuristic,
    /// Also replace and ask about what the vault does not know: phone numbers,
    /// addresses and the other [`Category`]s, names Naast is sure of, and the
    /// suspects. Off only for the person's own dossier, which stays complete but for
    /// the names of the others in the vault.
    ///
    /// [`Category`]: super::Category
    pub unknown: bool,
}

impl Rules {
    pub fn new(level: Level, lang: Lang) -> Self {
        Rules {
            level,
            lang,
            circle_names: false,
            hide_colleagues: false,
            extra: Vec::new(),
            heuristic: Heuristic::default(),
            unknown: true,
        }
    }
}
