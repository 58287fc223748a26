//! The one redaction of the core: one pass over the words of a text that replaces
//! every known name at the chosen level and notes the words that look like names
//! Naast does not know.

use std::collections::HashSet;
use std::ops::Range;

use rusqlite::Connection;

use super::names::{self, Outcome, Table};
use super::rules::{Level, Replacement, Rules};
use super::suspects::{self, Tally};
use super::tokens;
use crate::ground::error::Result;
use crate::ground::fold::{fold, fold_into};
use crate::records::circle;
use crate::records::person::{self, Person};

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
        let members = circle::all_members(conn)?;
        for x in &rules.extra {
            if let Replacement::Person(id) = x.with {
                if !persons.iter().any(|p| p.id == id) {
                    person::get(conn, id)?;
                }
            }
        }
        let not_names = suspects::not_names(conn)?.iter().map(|w| fold(w)).collect();
        Ok(Redactor::new(&persons, &members, rules, not_names))
    }

    /// From names already read (the summary has them at hand).
    pub fn new(
        persons: &[Person],
        members: &[circle::CircleMember],
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
            fold_into(&text[ws[i].clone()], &mut first);
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
            if suspects::looks_like_a_name(
                &self.table,
                &self.not_names,
                self.rules.heuristic,
                text,
                &ws,
                i,
                &first,
            ) {
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
                fold_into(&text[ws[i + k].clone()], buf);
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
