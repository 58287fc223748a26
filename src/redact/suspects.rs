//! Names Naast does not know: words that look like a name, and the "is geen naam"
//! list the user builds by answering.
//!
//! A word looks like a name when it is written with a capital in the middle of a
//! sentence and is not an ordinary Dutch word (OpenTaal's list), not a name Naast
//! knows and not on the "is geen naam" list. [`Heuristic`] holds the refinements of
//! that rule and records what each costs on the corpus (`tests/corpus.rs`).
//!
//! Only the word itself is ever returned, never its surroundings: it is shown on the
//! user's own screen and never written to a log.

use std::ops::Range;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::fold::fold;
use super::tokens::{all_caps, capitalised, sentence_starts_at, title_before};
use super::words::{self, Class};
use super::Redactor;
use crate::db::write_tx;
use crate::error::{Error, Result};
use crate::text;

/// A word that looks like a name Naast does not know, and how often it occurs in
/// the texts of one output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Suspect {
    /// As first written ("Kees").
    pub word: String,
    pub count: u32,
}

/// How unknown names are spotted. `Heuristic::default()` is the rule Naast uses;
/// the fields exist so that the corpus test can show what each choice does.
///
/// Measured on the corpus (`tests/corpus/`: 246 notes, 88 unknown names; the test
/// prints this table), share of unknown names flagged / false flags per 100 notes:
///
/// | rule                                                        | flagged | false |
/// |-------------------------------------------------------------|---------|-------|
/// | literal: capitalised mid-sentence, not a lower-case word    | 70.5%   | 20.3  |
/// | + acronyms (UWV, GGZ) are not names                         | 70.5%   | 17.9  |
/// | + words the list has both as word and as name (Kees, Roos)  | 89.8%   | 22.4  |
/// | + the word after a title (dr. Kuipers), also after a "."    | 89.8%   | 22.4  |
/// | + names and places of the list at a sentence start = chosen | 93.2%   | 22.4  |
/// | not taken: + any word not in the list at a sentence start   | 93.2%   | 24.8  |
/// | not taken: the list's capitalised entries count as ordinary | 23.9%   | 3.3   |
///
/// The false flags that remain are places and organisations (Zwolle, de IJssel,
/// Herstelacademie): the user answers "is geen naam" once and it is remembered.
/// What is missed: common first names that are also Dutch words at the start of a
/// sentence ("Jan belde"), and an unknown namesake of a known person ("meneer
/// Bakker" next to Sanne Bakker), who is replaced like the known one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heuristic {
    /// Treat the list's capitalised entries (Zwolle, Yara, Visser) as ordinary
    /// words too. Also changes which parts of a known name need a capital.
    pub proper_is_ordinary: bool,
    /// Words in capitals only (UWV, GGZ, WMO) are not names.
    pub skip_acronyms: bool,
    /// A capitalised word mid-sentence that the list has both in lower case and
    /// capitalised ("Kees", "Bakker") is a suspect.
    pub listed_names: bool,
    /// A capitalised word right after a title or form of address ("dr.", "meneer",
    /// "buurvrouw") is a suspect even at the start of a sentence.
    pub after_title: bool,
    /// At the start of a sentence, a word the list does not have at all is a
    /// suspect too ("Kuipertjes belde").
    pub unlisted_at_start: bool,
    /// At the start of a sentence, a word the list has only capitalised (a name or
    /// a place: "Gerrit", "Zwolle") is a suspect too.
    pub proper_at_start: bool,
}

impl Default for Heuristic {
    fn default() -> Self {
        Heuristic {
            proper_is_ordinary: false,
            skip_acronyms: true,
            listed_names: true,
            after_title: true,
            unlisted_at_start: false,
            proper_at_start: true,
        }
    }
}

impl Heuristic {
    /// The rule as first stated, without refinements.
    pub fn literal() -> Self {
        Heuristic {
            proper_is_ordinary: false,
            skip_acronyms: false,
            listed_names: false,
            after_title: false,
            unlisted_at_start: false,
            proper_at_start: false,
        }
    }

    /// Is this folded word an ordinary Dutch word under this rule?
    pub fn ordinary(&self, folded: &str) -> bool {
        self.is_ordinary(words::class(folded))
    }

    fn is_ordinary(&self, c: Class) -> bool {
        c.ordinary || (self.proper_is_ordinary && c.proper)
    }
}

/// Does word `i` of `text` (folded: `folded`) look like a name Naast does not know?
pub(super) fn looks_like_a_name(
    r: &Redactor,
    text: &str,
    ws: &[Range<usize>],
    i: usize,
    folded: &str,
) -> bool {
    let word = &text[ws[i].clone()];
    if !capitalised(word) || word.chars().count() < 2 || word.chars().any(char::is_numeric) {
        return false;
    }
    if r.table.known.contains(folded) || r.not_names.contains(folded) {
        return false;
    }
    let h = r.rules.heuristic;
    if h.skip_acronyms && all_caps(word) {
        return false;
    }
    if h.after_title && title_before(text, ws, i) {
        return true;
    }
    let class = words::class(folded);
    if sentence_starts_at(text, ws[i].start) {
        return (h.unlisted_at_start && class == Class::default())
            || (h.proper_at_start && class.proper && !class.ordinary);
    }
    !h.is_ordinary(class) || (h.listed_names && !h.proper_is_ordinary && class.proper)
}

const KEY: &str = "not_names";

/// The "is geen naam" list: words the user said are not names, as they typed them.
pub fn not_names(conn: &Connection) -> Result<Vec<String>> {
    let raw: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [KEY], |r| r.get(0))
        .optional()?;
    // An unreadable value (a newer version's format) counts as an empty list: at
    // worst a word is asked about again.
    Ok(raw
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default())
}

/// Remembers that `word` is not a name. Read and written in one transaction, so two
/// windows adding words at once both keep theirs. Returns the whole list.
pub fn add_not_name(conn: &Connection, word: &str) -> Result<Vec<String>> {
    let word = text::one_line("word", word)?;
    write_tx(conn, |c| {
        let mut list = not_names(c)?;
        let folded = fold(&word);
        if !list.iter().any(|w| fold(w) == folded) {
            list.push(word.clone());
            let json = serde_json::to_string(&list).map_err(|e| Error::io(KEY, e.into()))?;
            c.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (KEY, json),
            )?;
        }
        Ok(list)
    })
}
