//! The labelled corpus, shared by `tests/corpus.rs` (held to thresholds) and
//! `benches/redact.rs` (Naast beside deduce): the notes with their labels, the vault
//! they are about, and how what a redactor did to a note is scored.
//!
//! Label syntax (see DEVELOPERS.md): `[[Yara]]` a person in the vault, `[[dr.
//! Visser|c]]` a circle member, `[[Kees|u]]` or `[[Kees|name]]` a name Naast does
//! not know, and the kinds of identifier `phone`, `email`, `url`, `bsn`, `number`,
//! `address`, `birth`, `place`, `inst`.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;

use naast::ground::fold;
use naast::ground::vocab::Context;
use naast::records::circle;
use naast::records::person::{self, NewPerson};
use rusqlite::Connection;

#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord, Hash)]
pub enum Kind {
    Person,
    Circle,
    Name,
    Phone,
    Email,
    Url,
    Bsn,
    Number,
    Address,
    Birth,
    Place,
    Institution,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::Person,
        Kind::Circle,
        Kind::Name,
        Kind::Phone,
        Kind::Email,
        Kind::Url,
        Kind::Bsn,
        Kind::Number,
        Kind::Address,
        Kind::Birth,
        Kind::Place,
        Kind::Institution,
    ];

    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "c" => Kind::Circle,
            "u" | "name" => Kind::Name,
            "phone" => Kind::Phone,
            "email" => Kind::Email,
            "url" => Kind::Url,
            "bsn" => Kind::Bsn,
            "number" => Kind::Number,
            "address" => Kind::Address,
            "birth" => Kind::Birth,
            "place" => Kind::Place,
            "inst" => Kind::Institution,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "known person",
            Kind::Circle => "known circle member",
            Kind::Name => "unknown name",
            Kind::Phone => "phone",
            Kind::Email => "e-mail",
            Kind::Url => "website",
            Kind::Bsn => "BSN",
            Kind::Number => "other number",
            Kind::Address => "address",
            Kind::Birth => "date of birth",
            Kind::Place => "place",
            Kind::Institution => "institution",
        }
    }

    /// A name the vault knows.
    pub fn known(self) -> bool {
        matches!(self, Kind::Person | Kind::Circle)
    }

    /// A direct identifier (the targets): not a place or institution.
    pub fn direct(self) -> bool {
        !matches!(self, Kind::Place | Kind::Institution)
    }
}

pub struct Label {
    pub span: Range<usize>,
    pub kind: Kind,
}

pub struct Note {
    pub text: String,
    pub labels: Vec<Label>,
}

pub fn dir() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// The text without brackets and the labels' byte ranges in it.
pub fn parse_note(raw: &str) -> Note {
    let mut text = String::new();
    let mut labels = Vec::new();
    let mut rest = raw;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let close = rest[open..].find("]]").expect("unclosed label") + open;
        let inner = &rest[open + 2..close];
        let (surface, kind) = match inner.split_once('|') {
            Some((s, k)) => (
                s,
                Kind::parse(k).unwrap_or_else(|| panic!("unknown label kind {k:?} in {raw:?}")),
            ),
            None => (inner, Kind::Person),
        };
        let start = text.len();
        text.push_str(surface);
        labels.push(Label {
            span: start..text.len(),
            kind,
        });
        rest = &rest[close + 2..];
    }
    text.push_str(rest);
    Note { text, labels }
}

/// Every note of `notes.txt` and `identifiers.txt`.
pub fn notes() -> Vec<Note> {
    let mut notes = Vec::new();
    for file in ["notes.txt", "identifiers.txt"] {
        let raw = std::fs::read_to_string(dir().join(file)).unwrap();
        let mut block = String::new();
        for line in raw.lines().chain(std::iter::once("---")) {
            if line.starts_with('#') {
                continue;
            }
            if line.trim() == "---" {
                if !block.trim().is_empty() {
                    notes.push(parse_note(block.trim()));
                }
                block.clear();
            } else {
                block.push_str(line);
                block.push('\n');
            }
        }
    }
    notes
}

/// Puts the corpus's people and circle members (`people.txt`) into a vault.
pub fn fill(c: &Connection) {
    let raw = std::fs::read_to_string(dir().join("people.txt")).unwrap();
    for line in raw
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (what, rest) = line.split_once(':').unwrap();
        let f: Vec<&str> = rest.split('|').map(str::trim).collect();
        match what {
            "person" => {
                person::add(
                    c,
                    &NewPerson {
                        alias: f[0].into(),
                        full_name: f[1].into(),
                        context: Some(Context::parse(f[2]).unwrap()),
                        ..Default::default()
                    },
                )
                .unwrap();
            }
            "circle" => {
                let p = person::find(c, f[0]).unwrap();
                circle::add_member(c, p.id, f[1], f[2], true).unwrap();
            }
            other => panic!("unknown line kind {other:?}"),
        }
    }
}

/// The words of a label that must be caught: not tussenvoegsels, titles or
/// initials (a letter or two before a full stop).
pub fn words_of(text: &str, l: &Label) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let s = &text[l.span.clone()];
    let mut start = None;
    for (i, ch) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (ch.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                let w = fold::fold(&s[b..i]);
                let name = matches!(l.kind, Kind::Person | Kind::Circle | Kind::Name);
                let initial = name && s[i..].starts_with('.') && w.chars().count() <= 3;
                let skip = name
                    && (initial
                        || w.chars().count() < 2
                        || matches!(
                            w.as_str(),
                            "de" | "van"
                                | "der"
                                | "den"
                                | "el"
                                | "mr"
                                | "dr"
                                | "meneer"
                                | "mevrouw"
                                | "dokter"
                                | "juf"
                                | "zuster"
                                | "familie"
                        ));
                if !skip {
                    out.push(l.span.start + b..l.span.start + i);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// What a redactor did to one note: what it replaced and what it asked about, each
/// with its own name for what it thought it was.
#[derive(Default, Debug)]
pub struct Marks {
    pub replaced: Vec<(Range<usize>, String)>,
    pub asked: Vec<(Range<usize>, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Outcome {
    Found,
    Asked,
    Missed,
}

fn overlaps(r: &Range<usize>, of: &[(Range<usize>, String)]) -> bool {
    of.iter().any(|(o, _)| o.start < r.end && r.start < o.end)
}

/// Found when every word of the label is in something replaced; asked when every
/// word is in something replaced or asked; else missed.
pub fn outcome(text: &str, l: &Label, m: &Marks) -> Outcome {
    let words = words_of(text, l);
    assert!(!words.is_empty(), "label without words in {text:?}");
    if words.iter().all(|w| overlaps(w, &m.replaced)) {
        Outcome::Found
    } else if words
        .iter()
        .all(|w| overlaps(w, &m.replaced) || overlaps(w, &m.asked))
    {
        Outcome::Asked
    } else {
        Outcome::Missed
    }
}

#[derive(Default, Debug)]
pub struct Tally {
    pub found: usize,
    pub asked: usize,
    pub missed: usize,
    pub missed_words: Vec<String>,
}

impl Tally {
    pub fn total(&self) -> usize {
        self.found + self.asked + self.missed
    }
}

/// Per kind of label, and the false alarms (something replaced or asked that no
/// label covers) by the system's own name for them.
#[derive(Default, Debug)]
pub struct Score {
    pub notes: usize,
    pub by_kind: BTreeMap<Kind, Tally>,
    pub false_alarms: BTreeMap<String, Vec<String>>,
    /// Per note and label: the outcome (to compare two systems label by label).
    pub outcomes: Vec<Vec<Outcome>>,
}

impl Score {
    pub fn false_per_100(&self, what: Option<&str>) -> f64 {
        let n: usize = self
            .false_alarms
            .iter()
            .filter(|(k, _)| what.is_none_or(|w| w == k.as_str()))
            .map(|(_, v)| v.len())
            .sum();
        100.0 * n as f64 / self.notes as f64
    }

    /// The share of direct identifiers (names the vault does not know, numbers,
    /// addresses …) found or asked.
    pub fn direct_caught_pct(&self) -> f64 {
        let (mut caught, mut all) = (0, 0);
        for (k, t) in &self.by_kind {
            if k.direct() && !k.known() {
                caught += t.found + t.asked;
                all += t.total();
            }
        }
        100.0 * caught as f64 / all.max(1) as f64
    }
}

pub fn score(notes: &[Note], marks: &[Marks]) -> Score {
    let mut s = Score {
        notes: notes.len(),
        ..Score::default()
    };
    for (n, m) in notes.iter().zip(marks) {
        let mut outs = Vec::new();
        for l in &n.labels {
            let o = outcome(&n.text, l, m);
            let t = s.by_kind.entry(l.kind).or_default();
            match o {
                Outcome::Found => t.found += 1,
                Outcome::Asked => t.asked += 1,
                Outcome::Missed => {
                    t.missed += 1;
                    t.missed_words.push(n.text[l.span.clone()].to_string());
                }
            }
            outs.push(o);
        }
        s.outcomes.push(outs);
        for (r, what) in m.replaced.iter().chain(&m.asked) {
            if !n
                .labels
                .iter()
                .any(|l| l.span.start < r.end && r.start < l.span.end)
            {
                let before = n.text[..r.start].chars().rev().take(24).collect::<Vec<_>>();
                let before: String = before.into_iter().rev().collect();
                s.false_alarms
                    .entry(what.clone())
                    .or_default()
                    .push(format!("{}«{}»", before.trim_start(), &n.text[r.clone()]));
            }
        }
    }
    s
}
