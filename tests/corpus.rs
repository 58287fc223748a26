//! The measure of redaction: 246 fictional peer-support notes (`tests/corpus/`),
//! every name labelled, run at level `code` against a real vault with the corpus's
//! people and circle members.
//!
//! Known names leaked must be 0. The share of unknown names flagged and the false
//! flags per 100 notes are printed for the chosen rule and for the alternatives that
//! `redact::Heuristic` documents, and the chosen rule's figures are held to
//! thresholds just under what was measured, so a regression fails.

mod common;

use std::ops::Range;

use common::*;
use naast::ground::fold;
use naast::ground::lang::Lang;
use naast::ground::vocab::Context;
use naast::records::circle;
use naast::records::person::{self, NewPerson};
use naast::ways::redact::{Heuristic, Level, Redactor, Rules};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Person,
    Circle,
    Unknown,
}

struct Label {
    span: Range<usize>,
    kind: Kind,
}

struct Note {
    text: String,
    labels: Vec<Label>,
}

fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// `[[Yara]]`, `[[dr. Visser|c]]`, `[[Kees|u]]` → the text without brackets and
/// the labels' byte ranges in it.
fn parse_note(raw: &str) -> Note {
    let mut text = String::new();
    let mut labels = Vec::new();
    let mut rest = raw;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let close = rest[open..].find("]]").expect("unclosed label") + open;
        let inner = &rest[open + 2..close];
        let (surface, kind) = match inner.split_once('|') {
            Some((s, "c")) => (s, Kind::Circle),
            Some((s, "u")) => (s, Kind::Unknown),
            Some((_, k)) => panic!("unknown label kind {k:?} in {raw:?}"),
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

fn notes() -> Vec<Note> {
    let raw = std::fs::read_to_string(corpus_dir().join("notes.txt")).unwrap();
    let mut notes = Vec::new();
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
    notes
}

/// A vault with the corpus's people and circle members.
fn vault() -> (TestVault, naast::vault::Vault) {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let raw = std::fs::read_to_string(corpus_dir().join("people.txt")).unwrap();
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
    (t, v)
}

/// The words of a label that must be caught: not particles, titles or initials.
fn name_words(text: &str, span: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let s = &text[span.clone()];
    let mut start = None;
    for (i, ch) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (ch.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                let w = fold::fold(&s[b..i]);
                let skip = w.chars().count() < 2
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
                    );
                if !skip {
                    out.push(span.start + b..span.start + i);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn inside(r: &Range<usize>, of: &[Range<usize>]) -> bool {
    of.iter().any(|o| o.start <= r.start && r.end <= o.end)
}

fn overlaps(r: &Range<usize>, of: &[Range<usize>]) -> bool {
    of.iter().any(|o| o.start < r.end && r.start < o.end)
}

fn whole_word_in(hay: &str, word: &str) -> bool {
    hay.match_indices(word).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[derive(Debug, Default)]
struct Figures {
    notes: usize,
    known: usize,
    known_leaked: usize,
    leaks: Vec<String>,
    unknown: usize,
    unknown_flagged: usize,
    unknown_replaced: usize,
    false_flags: usize,
    false_flag_words: Vec<String>,
    missed: Vec<String>,
    over_redacted: usize,
}

impl Figures {
    fn flagged_pct(&self) -> f64 {
        100.0 * self.unknown_flagged as f64 / self.unknown as f64
    }
    fn false_per_100(&self) -> f64 {
        100.0 * self.false_flags as f64 / self.notes as f64
    }
}

fn measure(v: &naast::vault::Vault, notes: &[Note], h: Heuristic) -> Figures {
    let r = Redactor::load(
        v.conn(),
        Rules {
            heuristic: h,
            ..Rules::new(Level::Code, Lang::Nl)
        },
    )
    .unwrap();
    let mut f = Figures {
        notes: notes.len(),
        ..Figures::default()
    };
    for n in notes {
        let s = r.scan(&n.text);
        let mut unknown_spans = Vec::new();
        let mut known_spans = Vec::new();
        for l in &n.labels {
            let words = name_words(&n.text, &l.span);
            assert!(!words.is_empty(), "label without a name in {:?}", n.text);
            match l.kind {
                Kind::Person | Kind::Circle => {
                    f.known += 1;
                    known_spans.push(l.span.clone());
                    let leaked = words.iter().any(|w| {
                        !inside(w, &s.replaced) || whole_word_in(&s.text, &n.text[w.clone()])
                    });
                    if leaked {
                        f.known_leaked += 1;
                        f.leaks
                            .push(format!("{:?} in {:?}", &n.text[l.span.clone()], s.text));
                    }
                }
                Kind::Unknown => {
                    f.unknown += 1;
                    unknown_spans.push(l.span.clone());
                    if words.iter().all(|w| overlaps(w, &s.suspects)) {
                        f.unknown_flagged += 1;
                    } else {
                        f.missed.push(n.text[l.span.clone()].to_string());
                    }
                    if words.iter().any(|w| overlaps(w, &s.replaced)) {
                        f.unknown_replaced += 1;
                    }
                }
            }
        }
        for x in &s.suspects {
            if !inside(x, &unknown_spans) {
                f.false_flags += 1;
                f.false_flag_words.push(n.text[x.clone()].to_string());
            }
        }
        f.over_redacted += s
            .replaced
            .iter()
            .filter(|x| !overlaps(x, &known_spans) && !overlaps(x, &unknown_spans))
            .count();
    }
    f
}

#[test]
fn no_known_name_leaks_and_most_unknown_names_are_flagged() {
    let notes = notes();
    assert!(notes.len() >= 200, "{} notes", notes.len());
    let (_t, v) = vault();

    let chosen = measure(&v, &notes, Heuristic::default());
    // The literal rule, then each refinement added in turn (the last is the chosen
    // rule), then the alternatives that were measured and not taken.
    let literal = Heuristic::literal();
    let acronyms = Heuristic {
        skip_acronyms: true,
        ..literal
    };
    let listed = Heuristic {
        listed_names: true,
        ..acronyms
    };
    let titles = Heuristic {
        after_title: true,
        ..listed
    };
    let variants = [
        (
            "literal: capitalised mid-sentence, not a lower-case word",
            literal,
        ),
        ("+ acronyms are not names", acronyms),
        ("+ words the list has as word and name (Kees)", listed),
        ("+ the word after a title (dr. Kuipers)", titles),
        (
            "+ list names and places at a sentence start = chosen",
            Heuristic {
                proper_at_start: true,
                ..titles
            },
        ),
        (
            "not taken: chosen + unlisted words at a sentence start",
            Heuristic {
                unlisted_at_start: true,
                ..Heuristic::default()
            },
        ),
        (
            "not taken: capitalised list entries count as ordinary words",
            Heuristic {
                proper_is_ordinary: true,
                ..Heuristic::default()
            },
        ),
    ];
    assert_eq!(variants[4].1, Heuristic::default());
    println!(
        "corpus: {} notes, {} known names, {} unknown names",
        chosen.notes, chosen.known, chosen.unknown
    );
    println!("rule | known leaked | unknown flagged | false flags /100 notes | unknown replaced | over-redacted");
    for (name, h) in variants {
        let f = measure(&v, &notes, h);
        println!(
            "{name} | {} | {:.1}% ({}/{}) | {:.1} | {} | {}",
            f.known_leaked,
            f.flagged_pct(),
            f.unknown_flagged,
            f.unknown,
            f.false_per_100(),
            f.unknown_replaced,
            f.over_redacted
        );
        // Known names never depend on the unknown-name rule.
        assert_eq!(f.known_leaked, 0, "{name}: {:#?}", f.leaks);
    }
    println!(
        "false flags of the chosen rule: {:?}",
        chosen.false_flag_words
    );
    println!("unknown names the chosen rule misses: {:?}", chosen.missed);

    assert_eq!(chosen.known_leaked, 0, "{:#?}", chosen.leaks);
    assert!(chosen.known >= 300, "{} known names", chosen.known);
    assert!(chosen.unknown >= 80, "{} unknown names", chosen.unknown);
    // Thresholds just past the measured figures.
    assert!(
        chosen.flagged_pct() >= THRESHOLD_FLAGGED_PCT,
        "unknown names flagged fell to {:.1}%",
        chosen.flagged_pct()
    );
    assert!(
        chosen.false_per_100() <= THRESHOLD_FALSE_PER_100,
        "false flags rose to {:.1} per 100 notes: {:?}",
        chosen.false_per_100(),
        chosen.false_flag_words
    );
}

/// Measured 93.2% (82 of 88): one more name missed is 92.0%, two fail.
const THRESHOLD_FLAGGED_PCT: f64 = 92.0;
/// Measured 22.4 (55 in 246 notes): one more is 22.8, two fail.
const THRESHOLD_FALSE_PER_100: f64 = 23.0;
