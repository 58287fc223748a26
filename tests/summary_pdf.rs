//! The summary as Naast's own PDF, read back by a real reader (poppler's `pdftotext`
//! and `pdfinfo`): the pseudonymised text and the page numbers, names with ş, ł, é
//! whole, never a name the HTML preview does not show, metadata without a name, the
//! file owner-only, and the vault's own files refused.

mod common;

use common::pdf::{pdfinfo, pdftotext};
use common::*;
use naast::ground::time;
use naast::ground::vocab::{Mode, Support};
use naast::records::contact::{self, NewContact};
use naast::records::person::{self, NewPerson};
use naast::ways::pdf::{Op, MARGIN_X, TEXT_WIDTH};
use naast::ways::summary::{self, Level, Options};

const TODAY: &str = "2026-12-01";

fn day(s: &str) -> chrono::NaiveDate {
    time::parse_date(s).unwrap()
}

/// One field of `pdfinfo`'s answer ("Title", "Pages").
fn field<'a>(info: &'a str, name: &str) -> &'a str {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .unwrap_or_else(|| panic!("no {name} in {info}"))
        .trim()
}

struct Seeded {
    t: TestVault,
    v: naast::vault::Vault,
    ids: Vec<i64>,
}

const PEOPLE: [(&str, &str); 3] = [
    ("Şükrü", "Şükrü Łukaszewicz"),
    ("Élodie", "Élodie Brontë-Smit"),
    ("Zoë", "Zoë Kowalczyk"),
];

fn seed() -> Seeded {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let ids: Vec<i64> = PEOPLE
        .iter()
        .map(|(alias, full)| {
            person::add(
                c,
                &NewPerson {
                    alias: (*alias).into(),
                    full_name: (*full).into(),
                    wishes: "Weer fietsen naar het werk, en de draad met de familie oppakken."
                        .into(),
                    ..Default::default()
                },
            )
            .unwrap()
            .id
        })
        .collect();
    // Şükrü: weekly contacts all autumn (his page lists weeks), long notes marked for
    // the consult that name the others, so the document runs over several pages.
    let mut at = day("2026-09-01");
    let mut i = 0;
    while at <= day("2026-11-27") {
        let mut n = NewContact::now(vec![ids[0]], vec![Support::Emotional, Support::Practical]);
        n.at = time::parse_local(&format!("{at} 10:00"))
            .unwrap()
            .timestamp();
        n.minutes = 45;
        n.mode = Mode::Walk;
        n.for_consult = i % 2 == 0;
        n.signal = i == 6;
        n.note = format!(
            "Week {i}: Şükrü Łukaszewicz vertelde over zijn week. Élodie Brontë-Smit kwam \
             even langs, Zoë belde. We liepen langs het water en spraken over werk, \
             slaap en de buurt. Hij wil de volgende keer de bibliotheek proberen."
        );
        contact::add(c, &n).unwrap();
        at += chrono::Duration::days(4);
        i += 1;
    }
    for (k, id) in ids[1..].iter().enumerate() {
        let mut n = NewContact::now(vec![*id], vec![Support::Informational]);
        n.at = time::parse_local(&format!("2026-10-1{k} 14:00"))
            .unwrap()
            .timestamp();
        n.minutes = 30;
        n.mode = Mode::Phone;
        n.for_consult = true;
        n.note = "Belde met Şükrü Łukaszewicz over de groep.".into();
        contact::add(c, &n).unwrap();
    }
    Seeded { t, v, ids }
}

fn autumn(level: Level) -> Options {
    let mut o = Options::new(day("2026-09-01"), day("2026-11-30"));
    o.level = level;
    o
}

/// Writes the PDF the way the app and the CLI do, and reads it back.
fn write_and_read(s: &Seeded, o: &Options, name: &str) -> (String, String, String) {
    let sum = summary::compute(s.v.conn(), o, day(TODAY)).unwrap();
    let html = summary::html::render(&sum);
    let bytes = summary::pdf::render(&sum).unwrap();
    let out = s.t.dir.path().join(name);
    naast::store::files::write_output(&out, &bytes, &s.t.path).unwrap();
    cli::assert_private(&out, "the PDF");
    (html, pdftotext(&out), pdfinfo(&out))
}

#[test]
fn the_pdf_reads_back_pseudonymised_with_page_numbers() {
    let s = seed();
    let (html, text, info) = write_and_read(&s, &autumn(Level::Code), "overleg.pdf");
    let pages: usize = field(&info, "Pages").parse().unwrap();
    assert!(pages >= 4, "{pages} pages: a page per person at least");
    for p in 1..=pages {
        assert!(
            text.contains(&format!("pagina {p} van {pages}")),
            "page {p} has no number: {text}"
        );
    }
    let code = |id| person::get(s.v.conn(), id).unwrap().code;
    let (a, b, z) = (code(s.ids[0]), code(s.ids[1]), code(s.ids[2]));
    assert!(text.contains("Samenvatting voor het teamoverleg"));
    assert!(text.contains("VERTROUWELIJK"));
    assert!(
        text.contains(&format!(
            "Week 0: {a} vertelde over zijn week. {b} kwam even langs, {z} belde."
        )),
        "{text}"
    );
    assert!(text.contains(&format!("Belde met {a} over de groep.")));
    for word in [
        "Şükrü",
        "Łukaszewicz",
        "Élodie",
        "Brontë",
        "Zoë",
        "Kowalczyk",
    ] {
        assert!(!html.contains(word), "the preview shows {word}");
        assert!(!text.contains(word), "the PDF shows {word}");
    }
    // The document information names the kind of document, nothing more.
    assert_eq!(field(&info, "Title"), "Samenvatting voor het teamoverleg");
    assert_eq!(field(&info, "Producer"), "Naast");
    for word in [a.as_str(), "Şükrü", "2026"] {
        assert!(!info.contains(word), "{word} in the metadata: {info}");
    }
}

#[test]
fn names_print_whole_and_never_beyond_what_the_preview_shows() {
    let s = seed();
    for (level, file) in [
        (Level::Code, "code.pdf"),
        (Level::Alias, "alias.pdf"),
        (Level::Full, "full.pdf"),
    ] {
        let (html, text, _) = write_and_read(&s, &autumn(level), file);
        for (alias, full) in PEOPLE {
            for name in [alias, full] {
                if !html.contains(name) {
                    assert!(!text.contains(name), "{level:?}: {name} only in the PDF");
                }
            }
        }
        if level == Level::Full {
            for (_, full) in PEOPLE {
                assert!(text.contains(full), "{full} is not whole in: {text}");
            }
        }
        if level == Level::Alias {
            assert!(
                text.contains("Şükrü vertelde over zijn week. Élodie kwam even langs, Zoë belde.")
            );
        }
    }
}

#[test]
fn the_english_pdf_has_its_own_words() {
    let s = seed();
    let mut o = autumn(Level::Code);
    o.lang = naast::ground::lang::Lang::En;
    let (_, text, info) = write_and_read(&s, &o, "consult.pdf");
    assert!(text.contains("Summary for the team consult") && text.contains("CONFIDENTIAL"));
    assert!(text.contains("page 1 of"), "{text}");
    assert_eq!(field(&info, "Title"), "Summary for the team consult");
}

#[test]
fn every_line_stays_inside_the_page() {
    let s = seed();
    let sum = summary::compute(s.v.conn(), &autumn(Level::Full), day(TODAY)).unwrap();
    for (n, page) in summary::pdf::pages(&sum).iter().enumerate() {
        for op in page {
            if let Op::Text {
                x,
                y,
                face,
                size,
                text,
                ..
            } = op
            {
                let right = x + face.width(text, *size);
                assert!(*x >= MARGIN_X - 10.0, "page {n}: {text:?} starts at {x}");
                assert!(
                    right <= MARGIN_X + TEXT_WIDTH + 0.5,
                    "page {n}: {text:?} ends at {right}"
                );
                assert!(*y >= 40.0, "page {n}: {text:?} is in the foot at {y}");
            }
        }
    }
}

#[test]
fn the_vault_and_its_files_are_refused_and_left_as_they_were() {
    let s = seed();
    let sum = summary::compute(s.v.conn(), &autumn(Level::Code), day(TODAY)).unwrap();
    let bytes = summary::pdf::render(&sum).unwrap();
    drop(s.v);
    let before = fingerprint(s.t.dir.path());
    let link = s.t.dir.path().join("overleg.pdf");
    std::os::unix::fs::symlink(&s.t.path, &link).unwrap();
    for target in [s.t.path.clone(), link.clone()] {
        let e = naast::store::files::write_output(&target, &bytes, &s.t.path).unwrap_err();
        assert_eq!(e.kind(), "output_is_vault", "{target:?}");
    }
    std::fs::remove_file(&link).unwrap();
    assert_eq!(fingerprint(s.t.dir.path()), before);
}

#[test]
fn the_goals_marked_for_the_consult_are_in_the_pdf_as_in_the_preview() {
    use naast::records::goal::{self, NewGoal, NewRating};
    let s = seed();
    let c = s.v.conn();
    let marked = goal::add(
        c,
        s.ids[0],
        &NewGoal {
            text: "Samen met Élodie Brontë-Smit naar de markt".into(),
            for_consult: true,
            ..Default::default()
        },
    )
    .unwrap();
    goal::add(
        c,
        s.ids[0],
        &NewGoal {
            text: "PRIVEDOEL niet voor het overleg".into(),
            ..Default::default()
        },
    )
    .unwrap();
    goal::rate(
        c,
        marked.id,
        &NewRating {
            score: 6,
            words: "Het lukt steeds beter".into(),
            on: Some(day("2026-10-20")),
            contact: None,
        },
    )
    .unwrap();
    let (html, text, _) = write_and_read(&s, &autumn(Level::Code), "plan.pdf");
    let b = person::get(c, s.ids[1]).unwrap().code;
    for present in [
        "Eigen plan".to_string(),
        format!("Samen met {b} naar de markt [mee bezig]"),
        "volgens henzelf di 20 okt. 2026: 6/10 · “Het lukt steeds beter”".to_string(),
    ] {
        assert!(text.contains(&present), "{present:?} not in: {text}");
    }
    for absent in ["PRIVEDOEL", "Élodie", "Brontë"] {
        assert!(!html.contains(absent) && !text.contains(absent), "{absent}");
    }
}
