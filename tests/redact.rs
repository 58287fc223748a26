//! Names out of everything that leaves the vault, on real encrypted vaults: the
//! summary and "copy as text" replace names inside the notes, the suspects cover
//! exactly what is printed, and the "is geen naam" list is kept.

mod common;

use chrono::NaiveDate;
use common::*;
use naast::ground::error::{Error, Invalid};
use naast::ground::lang::Lang;
use naast::ground::time;
use naast::ground::vocab::{BridgeKind, Context, Support};
use naast::records::bridge;
use naast::records::circle;
use naast::records::consent;
use naast::records::contact::{self, NewContact};
use naast::records::followup;
use naast::records::person::{self, NewPerson, Person};
use naast::ways::bridge_text;
use naast::ways::redact::{self, ExtraName, Replacement};
use naast::ways::summary::{self, AgendaKind, Level, Options};
use rusqlite::Connection;

fn day(s: &str) -> NaiveDate {
    time::parse_date(s).unwrap()
}

fn add(c: &Connection, alias: &str, full: &str, context: Context) -> Person {
    person::add(
        c,
        &NewPerson {
            alias: alias.into(),
            full_name: full.into(),
            context: Some(context),
            wishes: format!("{alias} wil weer fietsen."),
            strengths: format!("Humor, zegt {alias} zelf."),
        },
    )
    .unwrap()
}

fn contact(persons: Vec<i64>, at: &str, consult: bool, note: &str) -> NewContact {
    let mut n = NewContact::now(persons, vec![Support::Emotional]);
    n.at = time::parse_local(at).unwrap().timestamp();
    n.for_consult = consult;
    n.note = note.into();
    n
}

fn october() -> Options {
    Options::new(day("2026-10-01"), day("2026-10-31"))
}

const TODAY: &str = "2026-11-01";

#[test]
fn the_summary_replaces_names_inside_every_text_at_the_chosen_level() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let yara = add(c, "Yara", "Yara de Vries", Context::Client);
    let mo = add(c, "Mo", "Mohamed El Amrani", Context::Client);
    let doc = circle::add_member(c, yara.id, "dr. Visser", "psychiater", true).unwrap();
    consent::add_consent(c, &doc, "", day("2026-10-01"), day("2027-10-01")).unwrap();
    let mut n = contact(
        vec![yara.id, mo.id],
        "2026-10-06 18:00",
        true,
        "Yara kookte voor het eerst zelf, Mo deed de boodschappen. Dr. Visser belde later.",
    );
    n.own_words = "Mo's soep was beter, zei Yara de Vries.".into();
    n.signal = true;
    n.signal_note = "Zorgen om Mohamed, besproken met dr. Visser.".into();
    contact::add(c, &n).unwrap();
    let b = bridge::add(
        c,
        &bridge::NewBridgeNote {
            person_id: yara.id,
            member_id: doc.id,
            kind: BridgeKind::Question,
            text: "Yara vraagt of de dosis omlaag kan.".into(),
            client_voice: "Ik, Yara, wil meedenken.".into(),
            contacts: vec![],
        },
    )
    .unwrap();
    bridge::share(c, b.id, day("2026-10-10")).unwrap();
    bridge::answer(c, b.id, "Graag, Yara mag bellen.").unwrap();
    followup::add(
        c,
        mo.id,
        day("2026-10-20"),
        "Mo bellen over Yara's verjaardag",
    )
    .unwrap();

    let sum = summary::compute(c, &october(), day(TODAY)).unwrap();
    let (y, m) = (&yara.code, &mo.code);
    let page = sum.persons.iter().find(|p| p.label == *y).unwrap();
    let row = &page.contacts[0];
    assert_eq!(
        row.note.as_deref(),
        Some(format!("{y} kookte voor het eerst zelf, {m} deed de boodschappen. De psychiater belde later.").as_str())
    );
    assert_eq!(
        row.own_words.as_deref(),
        Some(format!("{m}'s soep was beter, zei {y}.").as_str())
    );
    assert_eq!(
        row.signal_note.as_deref(),
        Some(format!("Zorgen om {m}, besproken met de psychiater.").as_str())
    );
    assert_eq!(page.wishes, format!("{y} wil weer fietsen."));
    assert_eq!(page.strengths, format!("Humor, zegt {y} zelf."));
    let br = &page.bridge_notes[0];
    assert_eq!(br.text, format!("{y} vraagt of de dosis omlaag kan."));
    assert_eq!(br.client_voice, format!("Ik, {y}, wil meedenken."));
    assert_eq!(br.answer, format!("Graag, {y} mag bellen."));
    let mo_page = sum.persons.iter().find(|p| p.label == *m).unwrap();
    assert_eq!(
        mo_page.open_checkins[0].1,
        format!("{m} bellen over {y}'s verjaardag")
    );
    let signal = sum
        .agenda
        .iter()
        .find(|a| a.kind == AgendaKind::Signal)
        .unwrap();
    assert!(signal.note.as_deref().unwrap().contains("de psychiater"));

    let html = summary::html::render(&sum);
    for name in ["Yara", "Mo ", "Mo'", "Mohamed", "Vries", "Visser", "Amrani"] {
        assert!(!html.contains(name), "{name:?} leaked into the summary");
    }
    assert!(html.contains("deed de boodschappen") && html.contains("wil weer fietsen"));

    // Alias: full names become the alias, circle names the role; full: as written.
    let mut o = october();
    o.level = Level::Alias;
    let sum = summary::compute(c, &o, day(TODAY)).unwrap();
    let note = sum.persons[1].contacts[0].own_words.clone().unwrap();
    assert_eq!(note, "Mo's soep was beter, zei Yara.");
    o.level = Level::Full;
    let sum = summary::compute(c, &o, day(TODAY)).unwrap();
    let note = sum.persons[1].contacts[0].note.clone().unwrap();
    assert!(note.starts_with("Yara kookte") && note.ends_with("Dr. Visser belde later."));
}

#[test]
fn suspects_are_exactly_the_unknown_names_in_what_would_be_printed() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let yara = add(c, "Yara", "", Context::Client);
    contact::add(
        c,
        &contact(
            vec![yara.id],
            "2026-10-05 10:00",
            true,
            "Met Yara en Kees naar Zwolle. Toen Kees weer.",
        ),
    )
    .unwrap();
    contact::add(
        c,
        &contact(
            vec![yara.id],
            "2026-10-06 10:00",
            false,
            "Met Roos gewandeld.",
        ),
    )
    .unwrap();
    let today = day(TODAY);
    let words = |o: &Options| -> Vec<(String, u32)> {
        summary::suspects(c, o, today)
            .unwrap()
            .into_iter()
            .map(|s| (s.word, s.count))
            .collect()
    };
    let mut o = october();
    // Kees twice, Zwolle once (a place: the user answers once); Roos's note is not
    // marked for the consult.
    assert_eq!(words(&o), [("Kees".into(), 2), ("Zwolle".into(), 1)]);
    o.all_notes = true;
    assert_eq!(
        words(&o),
        [("Kees".into(), 2), ("Roos".into(), 1), ("Zwolle".into(), 1)]
    );
    // "Is geen naam", remembered; and the user's own replacements.
    redact::add_not_name(c, "zwolle").unwrap();
    o.extra_names = vec![
        ExtraName {
            word: "Kees".into(),
            with: Replacement::Role("buurman".into()),
        },
        ExtraName {
            word: "Roos".into(),
            with: Replacement::Person(yara.id),
        },
    ];
    let (sum, suspects) = summary::compute_checked(c, &o, today).unwrap();
    assert!(suspects.is_empty(), "{suspects:?}");
    let notes: Vec<String> = sum.persons[0]
        .contacts
        .iter()
        .filter_map(|r| r.note.clone())
        .collect();
    let y = &yara.code;
    assert_eq!(
        notes,
        [
            format!("Met {y} en de buurman naar Zwolle. Toen de buurman weer."),
            format!("Met {y} gewandeld.")
        ]
    );
    // At level full nothing is replaced, so nothing is asked either.
    o.level = Level::Full;
    o.extra_names.clear();
    assert!(summary::suspects(c, &o, today).unwrap().is_empty());
    // A replacement that points at no one is refused.
    o.level = Level::Code;
    o.extra_names = vec![ExtraName {
        word: "Kees".into(),
        with: Replacement::Person(9999),
    }];
    assert!(matches!(
        summary::compute(c, &o, today),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn the_not_a_name_list_is_kept_in_the_vault() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    assert!(redact::not_names(v.conn()).unwrap().is_empty());
    redact::add_not_name(v.conn(), " Herstelacademie ").unwrap();
    let list = redact::add_not_name(v.conn(), "HERSTELACADEMIE").unwrap();
    assert_eq!(list, ["Herstelacademie"], "one entry per word, any case");
    redact::add_not_name(v.conn(), "Zwolle").unwrap();
    assert!(matches!(
        redact::add_not_name(v.conn(), "  "),
        Err(Error::Invalid(Invalid::Empty("word")))
    ));
    drop(v);
    let v = t.open().unwrap();
    assert_eq!(
        redact::not_names(v.conn()).unwrap(),
        ["Herstelacademie", "Zwolle"]
    );
}

#[test]
fn copy_as_text_names_people_at_the_level_and_keeps_the_plain_text_for_the_person() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let yara = add(c, "Yara", "Yara de Vries", Context::Client);
    let doc = circle::add_member(c, yara.id, "dr. Visser", "psychiater", true).unwrap();
    let b = bridge::add(
        c,
        &bridge::NewBridgeNote {
            person_id: yara.id,
            member_id: doc.id,
            kind: BridgeKind::Experience,
            text: "Yara de Vries voelde zich niet gehoord door dr. Visser.".into(),
            client_voice: "Ik ben Yara, geen dossier.".into(),
            contacts: vec![],
        },
    )
    .unwrap();
    let y = &yara.code;
    assert_eq!(
        bridge_text::text_for_others(c, b.id, Level::Code, Lang::Nl).unwrap(),
        format!("Brugnotitie aan psychiater\nOver: {y}\n\n{y} voelde zich niet gehoord door de psychiater.\n\nIn eigen woorden: \"Ik ben {y}, geen dossier.\"\n")
    );
    let alias = bridge_text::text_for_others(c, b.id, Level::Alias, Lang::En).unwrap();
    assert!(alias.starts_with("Bridge note to psychiater\nAbout: Yara\n\nYara voelde"));
    let full = bridge_text::text_for_others(c, b.id, Level::Full, Lang::Nl).unwrap();
    assert!(full.starts_with(
        "Brugnotitie aan dr. Visser (psychiater)\nOver: Yara de Vries\n\nYara de Vries voelde"
    ));
    assert!(bridge::get(c, b.id)
        .unwrap()
        .plain_text()
        .contains("Yara de Vries voelde zich niet gehoord door dr. Visser."));
}
