//! Names out of everything that leaves the vault.
//!
//! Every output for others (the team-consult summary, a bridge note copied as text)
//! passes its free text through one [`Redactor`]. It knows the names in the vault
//! (every person's alias, full name and code, every circle member's name and role)
//! and replaces them at the chosen [`Level`]:
//! - `Code`: a person's alias and full name become their code, a circle member's
//!   name their role ("de psychiater");
//! - `Alias`: a full name becomes the alias, a circle member's name their role;
//! - `Full`: nothing is replaced.
//!
//! In the same single pass over the text it spots words that look like names Naast
//! does not know ([`Suspect`]s): the app asks about each before printing, the CLI
//! warns. Matching is on whole words, in any case and without accents; see
//! `names.rs` for which phrases a name yields and `suspects.rs` for what looks like
//! a name.

mod fold;
mod names;
mod suspects;
mod tokens;
pub mod words;

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

pub use fold::fold;
pub use suspects::{add_not_name, not_names, Heuristic, Suspect};

use crate::error::{Invalid, Lang, Result};
use crate::person::{self, Person, PersonId};
use names::{Outcome, Table};

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
        }
    }
}

/// What one pass found, as byte ranges of the original text (for tests and for a
/// screen that wants to highlight).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// The text as it may leave the vault.
    pub text: String,
    /// Known names that were replaced (a title absorbed with a name included).
    pub replaced: Vec<Range<usize>>,
    /// Words that look like names Naast does not know.
    pub suspects: Vec<Range<usize>>,
}

/// Suspects found so far, across many texts, by folded spelling.
#[derive(Clone, Debug, Default)]
pub struct Tally(BTreeMap<String, Suspect>);

impl Tally {
    fn add(&mut self, folded: &str, word: &str) {
        self.0
            .entry(folded.to_string())
            .or_insert_with(|| Suspect {
                word: word.to_string(),
                count: 0,
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

/// The one redaction of the core. Load it once per output (it reads every name in
/// the vault), then pass each text through [`Redactor::redact`].
pub struct Redactor {
    rules: Rules,
    table: Table,
    not_names: HashSet<String>,
}

enum Found<'a> {
    Replaced(Range<usize>),
    Suspect(Range<usize>, &'a str),
}

impl Redactor {
    /// Reads the names of the vault, the "is geen naam" list, and checks that every
    /// person a [`Replacement::Person`] points at exists.
    pub fn load(conn: &Connection, rules: Rules) -> Result<Redactor> {
        let persons = person::list(conn)?;
        let members = person::all_members(conn)?;
        for x in &rules.extra {
            if let Replacement::Person(id) = x.with {
                if !persons.iter().any(|p| p.id == id) {
                    person::get(conn, id)?;
                }
            }
        }
        let not_names = not_names(conn)?.iter().map(|w| fold(w)).collect();
        Ok(Redactor::new(&persons, &members, rules, not_names))
    }

    /// From names already read (the summary has them at hand).
    pub fn new(
        persons: &[Person],
        members: &[person::CircleMember],
        rules: Rules,
        not_names: HashSet<String>,
    ) -> Redactor {
        let table = Table::build(&names::Vault { persons, members }, &rules);
        Redactor {
            rules,
            table,
            not_names,
        }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The text with known names replaced.
    pub fn redact(&self, text: &str) -> String {
        self.pass(text, |_| {})
    }

    /// Same, and counts the suspects into `tally`.
    pub fn redact_counting(&self, text: &str, tally: &mut Tally) -> String {
        self.pass(text, |f| {
            if let Found::Suspect(r, folded) = f {
                tally.add(folded, &text[r]);
            }
        })
    }

    /// Same, with where each replacement and suspect was.
    pub fn scan(&self, text: &str) -> Scan {
        let mut replaced = Vec::new();
        let mut suspects = Vec::new();
        let out = self.pass(text, |f| match f {
            Found::Replaced(r) => replaced.push(r),
            Found::Suspect(r, _) => suspects.push(r),
        });
        Scan {
            text: out,
            replaced,
            suspects,
        }
    }

    /// One pass over the words of `text`: at each word the longest known phrase
    /// starting there wins; a word no phrase claims may be a suspect.
    fn pass(&self, text: &str, mut found: impl FnMut(Found)) -> String {
        if self.rules.level == Level::Full {
            return text.to_string();
        }
        let mut ws = Vec::new();
        tokens::words(text, &mut ws);
        let mut out = String::with_capacity(text.len() + 16);
        let mut copied = 0;
        let mut first = String::new();
        let mut next = String::new();
        let mut i = 0;
        while i < ws.len() {
            first.clear();
            fold::fold_into(&text[ws[i].clone()], &mut first);
            if let Some((p, n)) = self.match_at(text, &ws, i, &first, &mut next) {
                let p = &self.table.phrases[p];
                if let Outcome::Replace {
                    text: with,
                    absorbs_title,
                } = &p.outcome
                {
                    let mut start = ws[i].start;
                    if *absorbs_title
                        && i > 0
                        && ws[i - 1].start >= copied
                        && tokens::title_before(text, &ws, i)
                    {
                        start = ws[i - 1].start;
                    }
                    let end = ws[i + n - 1].end;
                    out.push_str(&text[copied..start]);
                    if tokens::sentence_starts_at(text, start) {
                        push_capitalised(&mut out, with);
                    } else {
                        out.push_str(with);
                    }
                    out.push_str(p.suffix);
                    copied = end;
                    found(Found::Replaced(start..end));
                }
                i += n;
                continue;
            }
            if suspects::looks_like_a_name(self, text, &ws, i, &first) {
                found(Found::Suspect(ws[i].clone(), &first));
            }
            i += 1;
        }
        out.push_str(&text[copied..]);
        out
    }

    /// The longest phrase that matches at word `i`, and its length in words.
    fn match_at(
        &self,
        text: &str,
        ws: &[Range<usize>],
        i: usize,
        first: &str,
        buf: &mut String,
    ) -> Option<(usize, usize)> {
        'phrases: for &pi in self.table.starting_with(first) {
            let p = &self.table.phrases[pi];
            let n = p.words.len();
            if i + n > ws.len() {
                continue;
            }
            for k in 1..n {
                if !tokens::joins(&text[ws[i + k - 1].end..ws[i + k].start]) {
                    continue 'phrases;
                }
                buf.clear();
                fold::fold_into(&text[ws[i + k].clone()], buf);
                if *buf != p.words[k] {
                    continue 'phrases;
                }
            }
            if names::capital_ok(p, &text[ws[i + n - 1].clone()]) {
                return Some((pi, n));
            }
        }
        None
    }
}

fn push_capitalised(out: &mut String, s: &str) {
    let mut cs = s.chars();
    if let Some(c) = cs.next() {
        out.extend(c.to_uppercase());
        out.push_str(cs.as_str());
    }
}

#[cfg(test)]
mod tests;
