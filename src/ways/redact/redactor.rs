//! The one redaction of the core: one pass over a text. First the patterns
//! (`detect.rs`) mark identifiers, then the words are walked once: at each word the
//! longest known name starting there wins, else `unknown.rs` says whether it is a
//! sure name, an unsure one to ask about, or nothing. Words inside an identifier are
//! not looked at again: "sanne.devries@gmail.com" becomes "[e-mailadres]" whole, and
//! no alias is swapped inside it.

use std::collections::HashSet;
use std::ops::Range;

use rusqlite::Connection;

use super::category::{Category, Hit};
use super::detect;
use super::names::{self, Outcome, Table};
use super::rules::{Level, Replacement, Rules};
use super::suspects::{self, SuspectKind, Tally};
use super::tokens;
use super::unknown::{self, Known, Unknown};
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
    /// What else was replaced: identifiers and names Naast is sure of.
    pub identifiers: Vec<Hit>,
    /// What Naast is unsure of, and what it thinks each is.
    pub suspects: Vec<(Range<usize>, SuspectKind)>,
}

/// The one redaction of the core. Load it once per output (it reads every name in
/// the vault), then pass each text through [`Redactor::redact`].
pub struct Redactor {
    rules: Rules,
    table: Table,
    not_names: HashSet<String>,
}

enum Found {
    /// A known name.
    Replaced(Range<usize>),
    /// An identifier or a sure name.
    Identifier(Hit),
    /// Unsure: the range, its folded text and what it may be.
    Suspect(Range<usize>, String, SuspectKind),
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
            if let Found::Suspect(r, folded, kind) = f {
                tally.add(&folded, &text[r], kind);
            }
        })
    }

    /// Same, with where each replacement and suspect was.
    pub fn scan(&self, text: &str) -> Scan {
        let mut replaced = Vec::new();
        let mut identifiers = Vec::new();
        let mut suspects = Vec::new();
        let out = self.pass(text, |f| match f {
            Found::Replaced(r) => replaced.push(r),
            Found::Identifier(h) => identifiers.push(h),
            Found::Suspect(r, _, kind) => suspects.push((r, kind)),
        });
        Scan {
            text: out,
            replaced,
            identifiers,
            suspects,
        }
    }

    /// What the vault and the user already know, for `unknown.rs`.
    fn known(&self) -> Known<'_> {
        Known {
            table: &self.table,
            not_names: &self.not_names,
            heuristic: self.rules.heuristic,
        }
    }

    /// One pass over `text`: the identifiers the patterns find, then the words.
    fn pass(&self, text: &str, mut found: impl FnMut(Found)) -> String {
        if self.rules.level == Level::Full {
            return text.to_string();
        }
        let lang = self.rules.lang;
        let hits: Vec<Hit> = if self.rules.unknown {
            detect::patterns(text)
                .into_iter()
                .filter(|h| !self.not_names.contains(&fold(&text[h.span.clone()])))
                .collect()
        } else {
            Vec::new()
        };
        let mut ws = Vec::new();
        tokens::words(text, &mut ws);
        let mut out = String::with_capacity(text.len() + 16);
        let mut copied = 0;
        let mut h = 0;
        let mut first = String::new();
        let mut next = String::new();
        let mut i = 0;
        let write = |out: &mut String, copied: &mut usize, span: &Range<usize>, with: &str| {
            out.push_str(&text[*copied..span.start]);
            if tokens::sentence_starts_at(text, span.start) {
                push_capitalised(out, with);
            } else {
                out.push_str(with);
            }
            *copied = span.end;
        };
        while i < ws.len() {
            // The identifiers that start before this word ends.
            while h < hits.len() && hits[h].span.start < ws[i].end {
                if hits[h].span.start >= copied {
                    write(
                        &mut out,
                        &mut copied,
                        &hits[h].span,
                        hits[h].category.label(lang),
                    );
                    found(Found::Identifier(hits[h].clone()));
                }
                h += 1;
            }
            if ws[i].start < copied {
                i += 1;
                continue;
            }
            let limit = hits.get(h).map_or(text.len(), |x| x.span.start);
            first.clear();
            fold_into(&text[ws[i].clone()], &mut first);
            if let Some((p, n)) = self.match_at(text, &ws, i, &first, &mut next, limit) {
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
                    let span = start..ws[i + n - 1].end;
                    write(&mut out, &mut copied, &span, with);
                    out.push_str(p.suffix);
                    found(Found::Replaced(span));
                }
                i += n;
                continue;
            }
            if !self.rules.unknown {
                if suspects::looks_like_a_name(
                    &self.table,
                    &self.not_names,
                    self.rules.heuristic,
                    text,
                    &ws,
                    i,
                    &first,
                ) {
                    found(Found::Suspect(
                        ws[i].clone(),
                        first.clone(),
                        SuspectKind::Name,
                    ));
                }
                i += 1;
                continue;
            }
            match unknown::classify(&self.known(), text, &ws, i, &first, limit) {
                Some(Unknown::Sure(n)) => {
                    let span = ws[i].start..ws[i + n - 1].end;
                    write(&mut out, &mut copied, &span, Category::Name.label(lang));
                    found(Found::Identifier(Hit::new(span, Category::Name)));
                    i += n;
                }
                Some(Unknown::Ask(kind, n)) => {
                    let span = ws[i].start..ws[i + n - 1].end;
                    let folded = fold(&text[span.clone()]);
                    found(Found::Suspect(span, folded, kind));
                    i += n;
                }
                Some(Unknown::Keep(n)) => i += n,
                None => i += 1,
            }
        }
        for hit in &hits[h..] {
            if hit.span.start >= copied {
                write(&mut out, &mut copied, &hit.span, hit.category.label(lang));
                found(Found::Identifier(hit.clone()));
            }
        }
        out.push_str(&text[copied..]);
        out
    }

    /// The longest phrase that matches at word `i` and ends before byte `limit`
    /// (where the next identifier starts), and its length in words.
    fn match_at(
        &self,
        text: &str,
        ws: &[Range<usize>],
        i: usize,
        first: &str,
        buf: &mut String,
        limit: usize,
    ) -> Option<(usize, usize)> {
        'phrases: for &pi in self.table.starting_with(first) {
            let p = &self.table.phrases[pi];
            let n = p.words.len();
            if i + n > ws.len() || ws[i + n - 1].end > limit {
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
