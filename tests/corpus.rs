//! The measure of redaction: the labelled fictional notes of `tests/corpus/` (every
//! name and identifier labelled with its kind, see `corpus/labels.rs`), run at
//! level `code` against a real vault with the corpus's people and circle members.
//!
//! Known names leaked must be 0, and every label of the example note is
//! replaced or asked. For each kind of identifier it prints how many were found
//! (replaced), asked (left for the user to choose) and missed, and the false alarms
//! per 100 notes; the figures are held to thresholds just under what was measured,
//! so a regression fails. `make bench-redact` prints the same beside deduce.

mod common;
#[path = "corpus/labels.rs"]
mod labels;

use common::*;
use labels::{Kind, Marks, Note, Outcome};
use naast::ways::redact::{Heuristic, Level, Redactor, Rules};
use naast::Lang;

/// What Naast did to each note, as marks for [`labels::score`]; and the notes'
/// redacted texts.
fn run(v: &naast::Vault, notes: &[Note], h: Heuristic) -> (Vec<Marks>, Vec<String>) {
    let r = Redactor::load(
        v.conn(),
        Rules {
            heuristic: h,
            ..Rules::new(Level::Code, Lang::Nl)
        },
    )
    .unwrap();
    let mut marks = Vec::new();
    let mut texts = Vec::new();
    for n in notes {
        let s = r.scan(&n.text);
        let mut m = Marks::default();
        m.replaced.extend(
            s.replaced
                .iter()
                .map(|x| (x.clone(), "known name".to_string())),
        );
        m.replaced.extend(
            s.identifiers
                .iter()
                .map(|h| (h.span.clone(), h.category.as_str().to_string())),
        );
        m.asked.extend(
            s.suspects
                .iter()
                .map(|(x, k)| (x.clone(), format!("asked: {}", k.as_str()))),
        );
        marks.push(m);
        texts.push(s.text);
    }
    (marks, texts)
}

fn whole_word_in(hay: &str, word: &str) -> bool {
    hay.match_indices(word).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn no_known_name_leaks_and_every_identifier_is_replaced_or_asked() {
    let notes = labels::notes();
    assert!(notes.len() >= 300, "{} notes", notes.len());
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    labels::fill(v.conn());

    let (marks, texts) = run(&v, &notes, Heuristic::default());
    let s = labels::score(&notes, &marks);

    // Known names: replaced, and no word of them left in the text as written.
    let mut leaks = Vec::new();
    for ((n, outs), text) in notes.iter().zip(&s.outcomes).zip(&texts) {
        for (l, o) in n.labels.iter().zip(outs) {
            if l.kind.known()
                && (*o != Outcome::Found
                    || labels::words_of(&n.text, l)
                        .iter()
                        .any(|w| whole_word_in(text, &n.text[w.clone()])))
            {
                leaks.push(format!("{:?} in {text:?}", &n.text[l.span.clone()]));
            }
        }
    }

    println!("corpus: {} notes", s.notes);
    println!("kind | labels | found | asked | missed");
    for (k, t) in &s.by_kind {
        println!(
            "{} | {} | {} | {} | {}",
            k.as_str(),
            t.total(),
            t.found,
            t.asked,
            t.missed
        );
    }
    println!("false alarms per 100 notes: {:.1}", s.false_per_100(None));
    for (what, words) in &s.false_alarms {
        println!("  {what}: {} {:?}", words.len(), words);
    }
    for (k, t) in &s.by_kind {
        if t.missed > 0 {
            println!("missed {}: {:?}", k.as_str(), t.missed_words);
        }
    }
    println!("direct identifiers caught: {:.1}%", s.direct_caught_pct());

    // The rule for unknown names that looks like nothing in the lists, and what its
    // refinements do to the whole (see redact::Heuristic).
    let literal = Heuristic::literal();
    for (name, h) in [
        ("fallback rule: literal", literal),
        (
            "fallback rule: + acronyms, list names, titles",
            Heuristic {
                skip_acronyms: true,
                listed_names: true,
                after_title: true,
                ..literal
            },
        ),
        ("fallback rule: chosen", Heuristic::default()),
        (
            "not taken: + unlisted words at a sentence start",
            Heuristic {
                unlisted_at_start: true,
                ..Heuristic::default()
            },
        ),
    ] {
        let (m, _) = run(&v, &notes, h);
        let x = labels::score(&notes, &m);
        println!(
            "{name}: direct caught {:.1}%, false alarms {:.1} per 100 notes",
            x.direct_caught_pct(),
            x.false_per_100(None)
        );
    }

    assert!(leaks.is_empty(), "{leaks:#?}");
    let known = s.by_kind[&Kind::Person].total() + s.by_kind[&Kind::Circle].total();
    assert!(known >= 300, "{known} known names");
    for k in Kind::ALL.iter().filter(|k| !k.known()) {
        let t = s.by_kind.get(k).map_or(0, |t| t.total());
        assert!(t >= 8, "{} has only {t} labels", k.as_str());
    }
    // The note: nothing in it unseen.
    for (l, o) in notes[246].labels.iter().zip(&s.outcomes[246]) {
        assert_ne!(
            *o,
            Outcome::Missed,
            "{:?}",
            &notes[246].text[l.span.clone()]
        );
    }
    // Thresholds just past the measured figures.
    assert!(
        s.direct_caught_pct() >= THRESHOLD_DIRECT_PCT,
        "direct identifiers caught fell to {:.1}%",
        s.direct_caught_pct()
    );
    assert!(
        s.false_per_100(None) <= THRESHOLD_FALSE_PER_100,
        "false alarms rose to {:.1} per 100 notes: {:?}",
        s.false_per_100(None),
        s.false_alarms
    );
}

/// Measured 100% (184 of 184 names the vault does not know and identifiers): one
/// missed is 99.5%, two fail. The target is 98%.
const THRESHOLD_DIRECT_PCT: f64 = 99.4;
/// Measured 0.9 per 100 notes (3 in 335): one more is 1.2, two fail.
const THRESHOLD_FALSE_PER_100: f64 = 1.3;
