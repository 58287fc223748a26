//! Issue 21's note on real encrypted vaults: phone number, e-mail, BSN, address,
//! website and the names Naast is sure of are replaced in the summary and in a bridge
//! note's copy (its answer too); what Naast is unsure of is asked, and answered.

mod common;

use chrono::NaiveDate;
use common::*;
use naast::ground::lang::Lang;
use naast::ground::time;
use naast::ground::vocab::{BridgeKind, Context, Support};
use naast::records::bridge;
use naast::records::circle;
use naast::records::consent;
use naast::records::contact::{self, NewContact};
use naast::records::person::{self, NewPerson, Person};
use naast::ways::bridge_text;
use naast::ways::redact::{self, ExtraName, Replacement, SuspectKind};
use naast::ways::summary::{self, Level, Options};
use rusqlite::Connection;

fn day(s: &str) -> NaiveDate {
    time::parse_date(s).unwrap()
}

fn add(c: &Connection, alias: &str, full: &str) -> Person {
    person::add(
        c,
        &NewPerson {
            alias: alias.into(),
            full_name: full.into(),
            context: Some(Context::Client),
            ..Default::default()
        },
    )
    .unwrap()
}

fn contact(persons: Vec<i64>, at: &str, note: &str) -> NewContact {
    let mut n = NewContact::now(persons, vec![Support::Practical]);
    n.at = time::parse_local(at).unwrap().timestamp();
    n.for_consult = true;
    n.note = note.into();
    n
}

fn october() -> Options {
    Options::new(day("2026-10-01"), day("2026-10-31"))
}

const TODAY: &str = "2026-11-01";

/// The note of issue 21, word for word, in a summary and a bridge note's copy.
const ISSUE_NOTE: &str = "Kees belde me gisteren. Sanne woont sinds kort aan de Kerkstraat \
    12, 8011 AB Zwolle, en is bereikbaar op 06-12345678 of sanne.devries@gmail.com. Haar \
    BSN is 123456782. Mijnheer Visser van het wijkteam kwam ook langs. Met J. Th. A. \
    Bakker van Dimence gebeld over haar afspraak op 12 maart. Ze is 34 jaar. Haar moeder \
    Anja wil meedenken. Zie ook www.sannesblog.nl.";

#[test]
fn the_issues_note_leaves_the_vault_with_no_identifier_unseen() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let sanne = add(c, "Sanne", "Sanne de Vries");
    contact::add(c, &contact(vec![sanne.id], "2026-10-05 10:00", ISSUE_NOTE)).unwrap();
    let today = day(TODAY);
    let (sum, suspects) = summary::compute_checked(c, &october(), today).unwrap();
    let note = sum.persons[0].contacts[0].note.clone().unwrap();
    let s = &sanne.code;
    assert_eq!(
        note,
        format!(
            "Kees belde me gisteren. {s} woont sinds kort aan de [adres], en is bereikbaar op \
             [telefoonnummer] of [e-mailadres]. Haar BSN is [BSN]. Mijnheer [naam] van het \
             wijkteam kwam ook langs. Met [naam] van Dimence gebeld over haar afspraak op 12 \
             maart. Ze is 34 jaar. Haar moeder [naam] wil meedenken. Zie ook [website]."
        )
    );
    let asked: Vec<(String, SuspectKind)> =
        suspects.into_iter().map(|x| (x.word, x.kind)).collect();
    assert_eq!(
        asked,
        [
            ("Dimence".to_string(), SuspectKind::Institution),
            ("Kees".to_string(), SuspectKind::Name)
        ]
    );
    let html = summary::html::render(&sum);
    for leak in [
        "12345678",
        "devries",
        "gmail",
        "123456782",
        "8011",
        "Kerkstraat",
        "sannesblog",
        "Visser",
        "Bakker",
        "Anja",
        "Th.",
    ] {
        assert!(!html.contains(leak), "{leak:?} is in the summary");
    }
    // Answered: Kees by a role, Dimence is not a name (remembered); nothing is asked.
    redact::add_not_name(c, "Dimence").unwrap();
    let mut o = october();
    o.extra_names = vec![ExtraName {
        word: "Kees".into(),
        with: Replacement::Role("buurman".into()),
    }];
    let (sum, suspects) = summary::compute_checked(c, &o, today).unwrap();
    assert!(suspects.is_empty(), "{suspects:?}");
    let note = sum.persons[0].contacts[0].note.clone().unwrap();
    assert!(note.starts_with("De buurman belde") && note.contains("van Dimence gebeld"));
    // In English the identifiers read in English.
    o.lang = Lang::En;
    let sum = summary::compute(c, &o, today).unwrap();
    let note = sum.persons[0].contacts[0].note.clone().unwrap();
    assert!(note.contains("[phone number] of [e-mail address]") && note.contains("[address]"));
    // At level full nothing is replaced.
    o.level = Level::Full;
    let sum = summary::compute(c, &o, today).unwrap();
    assert_eq!(sum.persons[0].contacts[0].note.as_deref(), Some(ISSUE_NOTE));
}

#[test]
fn a_bridge_notes_copy_replaces_identifiers_in_its_text_voice_and_answer() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let sanne = add(c, "Sanne", "Sanne de Vries");
    let doc = circle::add_member(c, sanne.id, "dr. Visser", "psychiater", true).unwrap();
    consent::add_consent(c, &doc, "", day("2026-10-01"), day("2027-10-01")).unwrap();
    let b = bridge::add(
        c,
        &bridge::NewBridgeNote {
            person_id: sanne.id,
            member_id: doc.id,
            kind: BridgeKind::Question,
            text: ISSUE_NOTE.into(),
            client_voice: "Bel me op 06-12345678, niet mijn moeder Anja.".into(),
            contacts: vec![],
        },
    )
    .unwrap();
    bridge::share(c, b.id, day("2026-10-10")).unwrap();
    bridge::answer(c, b.id, "Graag, bel Kees of mail sanne.devries@gmail.com.").unwrap();
    let (text, unsure) =
        bridge_text::text_for_others_checked(c, b.id, Level::Code, Lang::Nl, vec![]).unwrap();
    assert!(
        text.contains("bereikbaar op [telefoonnummer] of [e-mailadres]"),
        "{text}"
    );
    assert!(text.contains("\"Bel me op [telefoonnummer], niet mijn moeder [naam].\""));
    let words: Vec<String> = unsure.into_iter().map(|x| x.word).collect();
    assert_eq!(words, ["Dimence", "Kees"]);
    // Before the app copies: the answer's words are asked too, and nothing is logged.
    let copies = |c: &rusqlite::Connection| -> i64 {
        c.query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'copy' AND outcome = 'ok'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let before = copies(c);
    let asked = |extra| -> Vec<String> {
        bridge_text::unsure_before_copy(c, b.id, Level::Code, Lang::Nl, day("2026-10-11"), extra)
            .unwrap()
            .into_iter()
            .map(|x| format!("{} {}x", x.word, x.count))
            .collect()
    };
    // Kees twice: once in the note, once in the answer.
    assert_eq!(asked(vec![]), ["Kees 2x", "Dimence 1x"]);
    assert_eq!(copies(c), before);
    let buurman = || ExtraName {
        word: "Kees".into(),
        with: Replacement::Role("de buurman".into()),
    };
    assert_eq!(asked(vec![buurman()]), ["Dimence 1x"]);
    let copy = bridge_text::copy_for_others_with(
        c,
        b.id,
        Level::Code,
        Lang::Nl,
        day("2026-10-11"),
        vec![buurman()],
    )
    .unwrap();
    assert_eq!(copies(c), before + 1);
    assert!(
        copy.contains("Antwoord: Graag, bel de buurman of mail [e-mailadres]."),
        "{copy}"
    );
    // Without a valid consent nothing is asked: refused at once.
    assert!(matches!(
        bridge_text::unsure_before_copy(c, b.id, Level::Code, Lang::Nl, day("2027-10-02"), vec![]),
        Err(naast::ground::error::Error::NoConsent { .. })
    ));
    for leak in ["12345678", "devries", "123456782", "Anja"] {
        assert!(!copy.contains(leak), "{leak:?} in {copy}");
    }
    // The note itself is kept as written.
    assert!(bridge::get(c, b.id).unwrap().text.contains("06-12345678"));
}
