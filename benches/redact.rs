//! `make bench-redact`: Naast's redaction beside deduce (the de-identification method
//! for Dutch clinical text of UMC Utrecht) on the same labelled notes
//! (`tests/corpus/`), in one run.
//!
//! Per kind of identifier: how many each found (replaced), how many Naast asked
//! about (deduce never asks), how many each missed, and the false alarms per 100
//! notes (something replaced or asked that no label covers); then the time per
//! note of each, measured here, one after the other on the same machine. deduce
//! runs in its own virtual environment (target/bench-redact/venv, made by the
//! Makefile with pip); it is never a dependency of Naast.

#[path = "../tests/corpus/labels.rs"]
mod labels;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use labels::{Kind, Marks, Note, Outcome, Score};
use naast::store::keys::MemoryKeyStore;
use naast::vault::Vault;
use naast::ways::redact::{Level, Redactor, Rules};
use naast::Lang;

const ROUNDS_NAAST: usize = 200;
const ROUNDS_DEDUCE: usize = 5;

fn main() {
    // `cargo test --all-targets` runs bench binaries without `--bench`: nothing to do
    // then (deduce is only installed by `make bench-redact`).
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let notes = labels::notes();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let work = root.join("target/bench-redact");
    std::fs::create_dir_all(&work).unwrap();

    // Naast, on a real vault with the corpus's people.
    let dir = tempfile::tempdir_in(&work).unwrap();
    let store = MemoryKeyStore::default();
    let (v, _) = Vault::init(
        &dir.path().join("corpus.naast"),
        &store,
        Some("bench redact wachtwoord"),
    )
    .unwrap();
    labels::fill(v.conn());
    let r = Redactor::load(v.conn(), Rules::new(Level::Code, Lang::Nl)).unwrap();
    let mut naast_marks = Vec::new();
    for n in &notes {
        let s = r.scan(&n.text);
        let mut m = Marks::default();
        m.replaced
            .extend(s.replaced.iter().map(|x| (x.clone(), "name".to_string())));
        m.replaced.extend(s.identifiers.iter().map(|h| {
            let what = match h.category.as_str() {
                "birth-date" => "birth",
                other => other,
            };
            (h.span.clone(), what.to_string())
        }));
        m.asked.extend(
            s.suspects
                .iter()
                .map(|(x, k)| (x.clone(), k.as_str().to_string())),
        );
        naast_marks.push(m);
    }
    let t = Instant::now();
    let mut sink = 0;
    for _ in 0..ROUNDS_NAAST {
        for n in &notes {
            sink += r.scan(&n.text).text.len();
        }
    }
    let naast_per_note = t.elapsed().as_secs_f64() / (ROUNDS_NAAST * notes.len()) as f64;
    assert!(sink > 0);

    // deduce, on the same texts.
    let python = work.join("venv/bin/python");
    let texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
    let input = work.join("notes.json");
    let output = work.join("deduce.json");
    std::fs::write(&input, serde_json::to_vec(&texts).unwrap()).unwrap();
    let status = Command::new(&python)
        .arg(root.join("scripts/bench-redact/deduce_run.py"))
        .arg(&input)
        .arg(&output)
        .arg(ROUNDS_DEDUCE.to_string())
        .status()
        .unwrap_or_else(|e| {
            panic!(
                "{} did not start ({e}); run `make bench-redact`",
                python.display()
            )
        });
    assert!(status.success(), "deduce failed");
    let d: serde_json::Value = serde_json::from_slice(&std::fs::read(&output).unwrap()).unwrap();
    let deduce_per_note = d["seconds_per_note"].as_f64().unwrap();
    let mut deduce_marks = Vec::new();
    for (n, anns) in notes.iter().zip(d["annotations"].as_array().unwrap()) {
        // deduce counts characters, Naast bytes.
        let mut at: Vec<usize> = n.text.char_indices().map(|(b, _)| b).collect();
        at.push(n.text.len());
        let mut m = Marks::default();
        for a in anns.as_array().unwrap() {
            let (s, e) = (
                a[0].as_u64().unwrap() as usize,
                a[1].as_u64().unwrap() as usize,
            );
            m.replaced.push((
                at[s]..at[e],
                deduce_category(a[2].as_str().unwrap()).to_string(),
            ));
        }
        deduce_marks.push(m);
    }

    let heavy = heavy_quarter(&work);

    let naast = labels::score(&notes, &naast_marks);
    let deduce = labels::score(&notes, &deduce_marks);
    print_table(&notes, &naast, &deduce);
    println!();
    println!(
        "time per note: Naast {:.3} ms ({} rounds), deduce {} {:.3} ms ({} rounds; its load took {:.1} s before); Naast is {:.0}× faster",
        naast_per_note * 1e3,
        ROUNDS_NAAST,
        d["version"].as_str().unwrap_or("?"),
        deduce_per_note * 1e3,
        ROUNDS_DEDUCE,
        d["load_seconds"].as_f64().unwrap_or(0.0),
        deduce_per_note / naast_per_note
    );
    println!(
        "the heavy quarter of make bench-app (56 people, {} contacts, {} texts marked for the consult): \
         the summary computed in {:.0} ms (median of 5); its texts redacted in {:.0} ms, of which \
         {:.0} ms for the vault's names alone (Rules::unknown off, about the redaction before issue 21)",
        heavy.contacts, heavy.texts, heavy.summary_ms, heavy.all_ms, heavy.names_ms
    );
}

struct Heavy {
    contacts: usize,
    texts: usize,
    summary_ms: f64,
    all_ms: f64,
    names_ms: f64,
}

/// The heavy quarter of `make bench-app` rebuilt in a vault of its own (56 demo
/// people, a quarter of demo contacts as dense as its 70,000 over 15 months): what
/// the consult preview's core costs, and the part of it that is redaction.
fn heavy_quarter(work: &std::path::Path) -> Heavy {
    use naast::ways::summary::{self, Options};
    let dir = tempfile::tempdir_in(work).unwrap();
    let store = MemoryKeyStore::default();
    let (v, _) = Vault::init(
        &dir.path().join("heavy.naast"),
        &store,
        Some("bench redact wachtwoord"),
    )
    .unwrap();
    let ids = naast::ways::demo::fill(v.conn(), 56, 0, 7).unwrap();
    let from = naast::ground::time::parse_date("2026-07-01").unwrap();
    let to = naast::ground::time::parse_date("2026-09-30").unwrap();
    let mut rng = naast::ways::demo::Rng::new(42);
    let batch =
        naast::ways::demo::contacts(&mut rng, &ids, 15_830, from, to + chrono::Duration::days(1));
    naast::records::contact::import(v.conn(), &batch).unwrap();
    let texts: Vec<&str> = batch
        .iter()
        .filter(|c| c.for_consult)
        .flat_map(|c| [c.note.as_str(), c.own_words.as_str()])
        .filter(|t| !t.trim().is_empty())
        .collect();
    let today = naast::ground::time::parse_date("2026-10-01").unwrap();
    let o = Options::new(from, to);
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let time = |f: &dyn Fn()| {
        median(
            (0..5)
                .map(|_| {
                    let t = Instant::now();
                    f();
                    t.elapsed().as_secs_f64() * 1e3
                })
                .collect(),
        )
    };
    let summary_ms = time(&|| {
        summary::compute_checked(v.conn(), &o, today).unwrap();
    });
    let all = Redactor::load(v.conn(), Rules::new(Level::Code, Lang::Nl)).unwrap();
    let names = Redactor::load(
        v.conn(),
        Rules {
            unknown: false,
            ..Rules::new(Level::Code, Lang::Nl)
        },
    )
    .unwrap();
    let all_ms = time(&|| texts.iter().for_each(|t| drop(all.redact(t))));
    let names_ms = time(&|| texts.iter().for_each(|t| drop(names.redact(t))));
    Heavy {
        contacts: batch.len(),
        texts: texts.len(),
        summary_ms,
        all_ms,
        names_ms,
    }
}

/// deduce's tags by the names of the corpus's kinds.
fn deduce_category(tag: &str) -> &'static str {
    let t = tag.to_lowercase();
    if t.contains("persoon") || t.contains("patient") || t.contains("naam") {
        "name"
    } else if t.contains("telefoon") {
        "phone"
    } else if t.contains("email") {
        "email"
    } else if t.contains("url") {
        "url"
    } else if t.contains("bsn") {
        "bsn"
    } else if t.contains("id") || t.contains("nummer") {
        "number"
    } else if t.contains("locatie") || t.contains("adres") {
        "place or address"
    } else if t.contains("instelling") || t.contains("ziekenhuis") {
        "institution"
    } else if t.contains("datum") {
        "date"
    } else if t.contains("leeftijd") {
        "age"
    } else {
        "other"
    }
}

/// The false alarms' own names that belong to a kind's row.
fn alarms_of(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Person | Kind::Circle => &[],
        Kind::Name => &["name"],
        Kind::Phone => &["phone"],
        Kind::Email => &["email"],
        Kind::Url => &["url"],
        Kind::Bsn => &["bsn"],
        Kind::Number => &["number"],
        Kind::Address => &["address"],
        Kind::Birth => &["birth"],
        Kind::Place => &["place", "place or address"],
        Kind::Institution => &["institution"],
    }
}

fn per_100(s: &Score, names: &[&str]) -> String {
    if names.is_empty() {
        return "–".into();
    }
    format!(
        "{:.1}",
        names
            .iter()
            .map(|w| s.false_per_100(Some(w)))
            .fold(0.0, |a, b| a + b)
    )
}

fn print_table(notes: &[Note], naast: &Score, deduce: &Score) {
    println!(
        "corpus: {} notes (tests/corpus), at level code; found = replaced, asked = left for the user to choose",
        notes.len()
    );
    println!();
    println!("| kind | labels | Naast found | Naast asked | Naast missed | Naast false /100 | deduce found | deduce missed | deduce false /100 |");
    println!("|---|---|---|---|---|---|---|---|---|");
    let empty = labels::Tally::default();
    for k in Kind::ALL {
        let a = naast.by_kind.get(&k).unwrap_or(&empty);
        let b = deduce.by_kind.get(&k).unwrap_or(&empty);
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            k.as_str(),
            a.total(),
            a.found,
            a.asked,
            a.missed,
            per_100(naast, alarms_of(k)),
            b.found + b.asked,
            b.missed,
            per_100(deduce, alarms_of(k))
        );
    }
    for (what, label) in [
        ("date", "ordinary date (stays)"),
        ("age", "age (stays)"),
        ("other", "other"),
    ] {
        println!(
            "| {label} | – | – | – | – | {:.1} | – | – | {:.1} |",
            naast.false_per_100(Some(what)),
            deduce.false_per_100(Some(what))
        );
    }
    println!(
        "| **all** | {} | | | {} | {:.1} | | {} | {:.1} |",
        notes.iter().map(|n| n.labels.len()).sum::<usize>(),
        naast.by_kind.values().map(|t| t.missed).sum::<usize>(),
        naast.false_per_100(None),
        deduce.by_kind.values().map(|t| t.missed).sum::<usize>(),
        deduce.false_per_100(None)
    );
    println!();
    println!(
        "direct identifiers the vault does not know (names, phone, e-mail, websites, numbers, addresses, dates of birth), caught (found or asked): Naast {:.1}%, deduce {:.1}%",
        naast.direct_caught_pct(),
        deduce.direct_caught_pct()
    );
    // Label by label: what deduce found and Naast missed.
    let mut only_deduce: BTreeMap<Kind, Vec<String>> = BTreeMap::new();
    let mut only_naast = 0;
    for (i, n) in notes.iter().enumerate() {
        for (j, l) in n.labels.iter().enumerate() {
            let (a, b) = (naast.outcomes[i][j], deduce.outcomes[i][j]);
            if a == Outcome::Missed && b != Outcome::Missed {
                only_deduce
                    .entry(l.kind)
                    .or_default()
                    .push(n.text[l.span.clone()].to_string());
            }
            if a != Outcome::Missed && b == Outcome::Missed {
                only_naast += 1;
            }
        }
    }
    println!(
        "labels deduce found and Naast missed: {}{}",
        only_deduce.values().map(Vec::len).sum::<usize>(),
        if only_deduce.is_empty() {
            String::new()
        } else {
            format!(" {only_deduce:?}")
        }
    );
    println!("labels Naast found or asked and deduce missed: {only_naast}");
    for (who, s) in [("Naast", naast), ("deduce", deduce)] {
        let mut v: Vec<(&String, usize)> =
            s.false_alarms.iter().map(|(k, w)| (k, w.len())).collect();
        v.sort();
        println!("{who}'s false alarms by what it took them for: {v:?}");
    }
}
