//! The team-consult summary on a seeded vault: numbers counted by hand, privacy by
//! default, escaping, and print fidelity through headless Chromium.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::*;
use naast::ground::time;
use naast::ground::vocab::{BridgeKind, Mode, Support};
use naast::records::bridge;
use naast::records::circle;
use naast::records::consent;
use naast::records::contact::{self, NewContact};
use naast::records::followup;
use naast::records::person::{self, NewPerson};
use naast::ways::summary::{self, AgendaKind, Level, Options};

fn day(s: &str) -> chrono::NaiveDate {
    time::parse_date(s).unwrap()
}

struct Seeded {
    t: TestVault,
    v: naast::vault::Vault,
    sanne: i64,
}

fn seed() -> Seeded {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let add = |alias: &str, full: &str| {
        person::add(
            c,
            &NewPerson {
                alias: alias.into(),
                full_name: full.into(),
                wishes: "Weer fietsen naar het werk.".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let sanne = add("Sanne V.", "Sanne de Vries");
    let moos = add("Moos", "Mohamed El Amrani");
    let kees = add("Keesje", "Kees Bakker");
    let doc = circle::add_member(c, sanne, "dr. Visser", "psychiater", true).unwrap();
    circle::add_member(c, sanne, "Lies Jansen", "zus", false).unwrap();
    consent::add_consent(c, &doc, "", day("2026-10-01"), day("2027-10-01")).unwrap();

    let contact = |persons: Vec<i64>,
                   at: &str,
                   minutes: i64,
                   mode: Mode,
                   support: Vec<Support>,
                   consult: bool,
                   signal: bool,
                   note: &str| {
        let mut n = NewContact::now(persons, support);
        n.at = time::parse_local(at).unwrap().timestamp();
        n.minutes = minutes;
        n.mode = mode;
        n.for_consult = consult;
        n.signal = signal;
        n.note = note.into();
        n
    };
    let mut first = contact(
        vec![sanne],
        "2026-10-05 10:00",
        60,
        Mode::Walk,
        vec![Support::Practical, Support::Emotional],
        true,
        false,
        "Consultnotitie <b>vet</b> & <script>alert(1)</script>",
    );
    first.own_words = "Ik wil regie <i>houden</i>.".into();
    contact::add(c, &first).unwrap();
    contact::add(
        c,
        &contact(
            vec![sanne],
            "2026-10-12 11:00",
            45,
            Mode::Phone,
            vec![Support::Navigation],
            false,
            false,
            "GEHEIMNIET-GEMARKEERD",
        ),
    )
    .unwrap();
    contact::add(
        c,
        &contact(
            vec![sanne, moos],
            "2026-10-20 18:00",
            90,
            Mode::Group,
            vec![Support::Emotional],
            false,
            true,
            "groepsnotitie verborgen",
        ),
    )
    .unwrap();
    contact::add(
        c,
        &contact(
            vec![moos],
            "2026-10-28 15:00",
            30,
            Mode::Chat,
            vec![Support::Informational],
            true,
            false,
            "Consult over de wachtlijst",
        ),
    )
    .unwrap();
    contact::add(
        c,
        &contact(
            vec![sanne],
            "2026-09-20 10:00",
            30,
            Mode::Walk,
            vec![Support::Practical],
            true,
            false,
            "BUITENPERIODE",
        ),
    )
    .unwrap();
    contact::add(
        c,
        &contact(
            vec![kees],
            "2026-08-01 10:00",
            30,
            Mode::Walk,
            vec![Support::Practical],
            true,
            false,
            "oud",
        ),
    )
    .unwrap();
    let b = bridge::add(
        c,
        &bridge::NewBridgeNote {
            person_id: sanne,
            member_id: doc.id,
            kind: BridgeKind::Stagnation,
            text: "Stagnatie: <em>geen</em> voortgang".into(),
            client_voice: "Ik wil gehoord worden.".into(),
            contacts: vec![],
        },
    )
    .unwrap();
    bridge::share(c, b.id, day("2026-10-15")).unwrap();
    followup::add(c, moos, day("2026-10-25"), "na groepsavond").unwrap();
    Seeded { t, v, sanne }
}

fn october() -> Options {
    Options::new(day("2026-10-01"), day("2026-10-31"))
}

const TODAY: &str = "2026-11-01";

#[test]
fn the_numbers_are_right() {
    let s = seed();
    let sum = summary::compute(s.v.conn(), &october(), day(TODAY)).unwrap();
    // Counted by hand from `seed`: four contacts in October, Sanne and Moos.
    assert_eq!(
        (sum.totals.contacts, sum.totals.people, sum.totals.minutes),
        (4, 2, 60 + 45 + 90 + 30)
    );
    let support: Vec<i64> = sum.by_support.iter().map(|(_, n)| *n).collect();
    assert_eq!(support, [1, 2, 1, 1]); // practical, emotional, informational, navigation
    let modes: Vec<(Mode, i64)> = sum.by_mode.clone();
    assert_eq!(
        modes,
        [
            (Mode::Walk, 1),
            (Mode::Phone, 1),
            (Mode::Chat, 1),
            (Mode::Group, 1)
        ]
    );
    let chart_total: i64 = sum.chart.buckets.iter().flat_map(|b| b.counts).sum();
    assert_eq!(chart_total, 5);
    assert!(sum.chart.weekly);
    let kinds: Vec<AgendaKind> = sum.agenda.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [
            AgendaKind::Signal,
            AgendaKind::Signal,
            AgendaKind::Stagnation,
            AgendaKind::UnansweredBridge,
            AgendaKind::OverdueCheckIn
        ]
    );
    assert_eq!(sum.persons.len(), 2);
    let sanne = sum.persons.iter().find(|p| p.contacts.len() == 3).unwrap();
    assert_eq!(sanne.minutes, 195);
    assert_eq!(
        sanne.contacts.iter().filter(|c| c.note.is_some()).count(),
        1
    );

    // One person chosen: only theirs, group contact included.
    let mut o = october();
    o.persons = vec![s.sanne];
    let one = summary::compute(s.v.conn(), &o, day(TODAY)).unwrap();
    assert_eq!((one.totals.contacts, one.totals.people), (3, 1));
}

#[test]
fn by_default_only_codes_marked_notes_and_roles_are_printed() {
    let s = seed();
    let html =
        summary::html::render(&summary::compute(s.v.conn(), &october(), day(TODAY)).unwrap());
    for absent in [
        "Sanne V.",
        "Sanne de Vries",
        "Moos",
        "Mohamed",
        "Keesje",
        "Kees Bakker",
        "dr. Visser",
        "Visser",
        "Lies Jansen",
        "GEHEIMNIET-GEMARKEERD",
        "groepsnotitie verborgen",
        "BUITENPERIODE",
        "<script",
        "<b>vet",
        "<em>",
    ] {
        assert!(
            !html.contains(absent),
            "{absent:?} must not be in the summary"
        );
    }
    assert!(
        !html.to_lowercase().contains("http"),
        "no external reference"
    );
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("src="));
    for present in [
        "Consultnotitie &lt;b&gt;vet&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;",
        "regie &lt;i&gt;houden&lt;/i&gt;",
        "psychiater",
        "VERTROUWELIJK",
        "Agenda",
        "<svg",
        "Consult over de wachtlijst",
        "Stagnatie: &lt;em&gt;geen&lt;/em&gt;",
    ] {
        assert!(
            html.contains(present),
            "{present:?} should be in the summary"
        );
    }
    let codes: Vec<String> = person::list(s.v.conn())
        .unwrap()
        .into_iter()
        .filter(|p| p.alias != "Keesje")
        .map(|p| p.code)
        .collect();
    for code in codes {
        assert!(html.contains(&code));
    }
}

#[test]
fn more_is_shown_only_when_asked() {
    let s = seed();
    let mut o = october();
    o.all_notes = true;
    o.level = Level::Alias;
    o.circle_names = true;
    let html = summary::html::render(&summary::compute(s.v.conn(), &o, day(TODAY)).unwrap());
    for present in [
        "GEHEIMNIET-GEMARKEERD",
        "groepsnotitie verborgen",
        "Sanne V.",
        "Moos",
        "dr. Visser",
    ] {
        assert!(html.contains(present), "{present:?}");
    }
    assert!(!html.contains("Sanne de Vries"));
    o.level = Level::Full;
    o.lang = naast::ground::lang::Lang::En;
    let html = summary::html::render(&summary::compute(s.v.conn(), &o, day(TODAY)).unwrap());
    assert!(
        html.contains("Sanne de Vries")
            && html.contains("CONFIDENTIAL")
            && html.contains("Summary for the team consult")
    );
}

#[test]
fn printing_is_recorded_without_content() {
    let s = seed();
    let o = october();
    summary::record(
        s.v.conn(),
        &o,
        &[s.sanne],
        summary::Action::Print,
        summary::Format::Html,
    )
    .unwrap();
    let e = naast::audit::list(s.v.conn(), &Default::default(), Some(1)).unwrap();
    let e = &e[0];
    assert_eq!(e.action, naast::ground::vocab::Action::Print);
    assert_eq!(e.object, "summary");
    assert_eq!(e.person_id, Some(s.sanne));
    assert_eq!(e.detail["from"], "2026-10-01");
    assert_eq!(e.detail["level"], "code");
    // What is in the log: codes and options, never content or an alias.
    let all: String = s
        .v
        .conn()
        .query_row(
            "SELECT group_concat(actor || action || object || coalesce(person_code, '') || detail, ' ') FROM audit_log",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!all.contains("Sanne"), "{all}");
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
}

#[test]
fn the_printed_pdf_has_a_page_per_person_and_the_header_on_every_page() {
    let s = seed();
    let mut o = october();
    o.all_notes = true; // more text, so pages really have to break
    let sum = summary::compute(s.v.conn(), &o, day(TODAY)).unwrap();
    let html_path = s.t.dir.path().join("summary.html");
    std::fs::write(&html_path, summary::html::render(&sum)).unwrap();
    let pdf = s.t.dir.path().join("summary.pdf");
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .expect("headless Chromium is needed for the print test; `make test` installs it");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            s.t.dir.path().join("chromium").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html_path.display()))
        .output()
        .unwrap();
    assert!(
        pdf.exists(),
        "chromium made no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(
        pages.len() >= 3,
        "summary page + two people: {} pages",
        pages.len()
    );
    for (i, p) in pages.iter().enumerate() {
        assert!(
            p.contains("VERTROUWELIJK"),
            "header missing on page {}",
            i + 1
        );
        assert!(
            p.contains("Naast · Samenvatting voor het teamoverleg"),
            "header missing on page {}",
            i + 1
        );
        assert!(
            p.contains(&format!("pagina {} van {}", i + 1, pages.len())),
            "page number missing on page {}",
            i + 1
        );
    }
    // Each person starts a page: their label is the first line under the header.
    for person in &sum.persons {
        let starts = pages
            .iter()
            .filter(|p| {
                p.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .nth(1)
                    .is_some_and(|l| l.starts_with(&person.label))
            })
            .count();
        assert_eq!(starts, 1, "{} should start exactly one page", person.label);
    }
    let png = target_dir().join("summary-page");
    std::fs::create_dir_all(target_dir()).unwrap();
    let st = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(&png)
        .status()
        .unwrap();
    assert!(st.success());
    assert!(target_dir().join("summary-page.png").exists());
}

/// Issue 25: a goal is in the summary only when marked for the consult, its words
/// redacted like every note, with the person's latest rating and words.
#[test]
fn only_goals_marked_for_the_consult_appear_redacted_with_their_latest_rating() {
    use naast::records::goal::{self, NewGoal, NewRating};
    let s = seed();
    let c = s.v.conn();
    let marked = goal::add(
        c,
        s.sanne,
        &NewGoal {
            text: "Samen met Lies Jansen naar de markt, bel 06-12345678".into(),
            helpers: vec!["Lies Jansen".into()],
            for_consult: true,
            ..Default::default()
        },
    )
    .unwrap();
    goal::add(
        c,
        s.sanne,
        &NewGoal {
            text: "PRIVEDOEL niet voor het overleg".into(),
            ..Default::default()
        },
    )
    .unwrap();
    for (score, words, on) in [
        (3, "OUDEWOORDEN", "2026-10-02"),
        (6, "Het lukt met Lies Jansen erbij", "2026-10-20"),
    ] {
        goal::rate(
            c,
            marked.id,
            &NewRating {
                score,
                words: words.into(),
                on: Some(day(on)),
                contact: None,
            },
        )
        .unwrap();
    }
    let sum = summary::compute(c, &october(), day(TODAY)).unwrap();
    let page = sum
        .persons
        .iter()
        .find(|p| !p.goals.is_empty())
        .expect("Sanne's page holds her marked goal");
    assert_eq!(page.goals.len(), 1, "the unmarked goal stays out");
    let g = &page.goals[0];
    assert!(
        !g.text.contains("Lies") && !g.text.contains("06-12345678"),
        "{}",
        g.text
    );
    assert!(
        g.text.contains("zus"),
        "a circle member by role: {}",
        g.text
    );
    let latest = g.latest.as_ref().unwrap();
    assert_eq!((latest.score, latest.on), (6, day("2026-10-20")));
    assert!(!latest.words.contains("Lies"), "{}", latest.words);

    let html = summary::html::render(&sum);
    assert!(html.contains("Eigen plan"));
    assert!(html.contains("mee bezig"));
    assert!(html.contains("volgens henzelf"));
    assert!(html.contains("6/10"));
    for absent in [
        "PRIVEDOEL",
        "OUDEWOORDEN",
        "Lies Jansen",
        "06-12345678",
        "3/10",
    ] {
        assert!(
            !html.contains(absent),
            "{absent:?} must not be in the summary"
        );
    }
}
