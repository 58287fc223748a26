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

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::heuristic::Heuristic;
use super::names::Table;
use super::tokens::{all_caps, capitalised, sentence_starts_at, title_before};
use super::words;
use crate::ground::error::{Error, Result};
use crate::ground::fold::fold;
use crate::ground::limits;
use crate::store::db::write_tx;

/// A word (or a few) that may point at someone and that Naast is unsure of, and
/// how often it occurs in the texts of one output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Suspect {
    /// As first written ("Kees", "Den Haag").
    pub word: String,
    pub count: u32,
    pub kind: SuspectKind,
}

/// What Naast thinks an unsure word is: the app words the choices after it (a
/// place "may stay", a name "is not a name"), and both are remembered alike.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum SuspectKind {
    /// A name Naast does not know ("Kees", "Visser").
    #[default]
    Name,
    /// A place or a street without house number ("Zwolle", "Kerkstraat").
    Place,
    /// A care institution ("Dimence").
    Institution,
}

impl SuspectKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SuspectKind::Name => "name",
            SuspectKind::Place => "place",
            SuspectKind::Institution => "institution",
        }
    }
}

/// Suspects found so far, across many texts, by folded spelling.
#[derive(Clone, Debug, Default)]
pub struct Tally(BTreeMap<String, Suspect>);

impl Tally {
    pub(super) fn add(&mut self, folded: &str, word: &str, kind: SuspectKind) {
        self.0
            .entry(folded.to_string())
            .or_insert_with(|| Suspect {
                word: word.to_string(),
                count: 0,
                kind,
            })
            .count += 1;
    }

    /// The most frequent first, then alphabetical.
    pub fn into_list(self) -> Vec<Suspect> {
        let mut v: Vec<Suspect> = self.0.into_values().collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
        v
    }
}

/// Does word `i` of `text` (folded: `folded`) look like a name Naast does not know?
#[allow(clippy::too_many_arguments)]
pub(super) fn looks_like_a_name(
    table: &Table,
    not_names: &HashSet<String>,
    h: Heuristic,
    text: &str,
    ws: &[Range<usize>],
    i: usize,
    folded: &str,
) -> bool {
    let word = &text[ws[i].clone()];
    if !capitalised(word) || word.chars().count() < 2 || word.chars().any(char::is_numeric) {
        return false;
    }
    if table.known.contains(folded) || not_names.contains(folded) {
        return false;
    }
    if h.skip_acronyms && all_caps(word) {
        return false;
    }
    if h.after_title && title_before(text, ws, i) {
        return true;
    }
    let class = words::class(folded);
    if sentence_starts_at(text, ws[i].start) {
        return (h.unlisted_at_start && !class.listed())
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
    let word = limits::one_line("word", word)?;
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
