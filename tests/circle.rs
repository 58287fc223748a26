//! The circle over time (edit, two groups, leaving without losing what was shared),
//! the colleague rhythm's own check-ins, and numbers in the summary the Dutch way.
//! All on a real encrypted vault.

mod common;

use chrono::NaiveDate;
use common::*;
use naast::ground::calendar;
use naast::ground::error::{Error, Invalid};
use naast::ground::lang::Lang;
use naast::ground::time;
use naast::ground::vocab::{BridgeKind, Context, Mode, Rhythm, Support};
use naast::records::bridge::{self, NewBridgeNote};
use naast::records::circle::{self, Removal};
use naast::records::consent;
use naast::records::contact::{self, NewContact};
use naast::records::followup;
use naast::records::person::{self, NewPerson};
use naast::ways::bridge_text;
use naast::ways::summary::{self, Options};

fn day(s: &str) -> NaiveDate {
    time::parse_date(s).unwrap()
}

fn someone(c: &rusqlite::Connection, alias: &str, context: Context) -> i64 {
    person::add(
        c,
        &NewPerson {
            alias: alias.into(),
            context: Some(context),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

#[test]
fn a_member_is_edited_and_moved_between_the_two_groups() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let sanne = someone(c, "Sanne", Context::Client);
    let lies = circle::add_member(c, sanne, "Lies", "zus", false).unwrap();
    let doc = circle::add_member(c, sanne, "dr. Visser", "psychiater", true).unwrap();

    // Informal first, then formal: the two groups the page shows.
    let names: Vec<(String, bool)> = circle::circle(c, sanne)
        .unwrap()
        .into_iter()
        .map(|m| (m.name, m.formal))
        .collect();
    assert_eq!(
        names,
        vec![("Lies".into(), false), ("dr. Visser".into(), true)]
    );

    let lies = circle::update_member(c, lies.id, "Lies de Boer", "  zus,   oudste ", true).unwrap();
    assert_eq!(
        (lies.name.as_str(), lies.role.as_str(), lies.formal),
        ("Lies de Boer", "zus, oudste", true)
    );
    assert_eq!(circle::member(c, lies.id).unwrap(), lies);

    // A name another member has is refused, whatever its case; nothing changes.
    assert!(matches!(
        circle::update_member(c, lies.id, "DR. VISSER", "", true),
        Err(Error::Invalid(Invalid::DuplicateMember(_)))
    ));
    assert!(matches!(
        circle::update_member(c, doc.id, "  ", "", true),
        Err(Error::Invalid(Invalid::Empty(_)))
    ));
    assert_eq!(circle::member(c, lies.id).unwrap(), lies);

    // Someone a bridge note went to stays formal: the note was to a professional.
    bridge::add(
        c,
        &NewBridgeNote {
            person_id: sanne,
            member_id: doc.id,
            kind: BridgeKind::Question,
            text: "Kan de afspraak later op de dag?".into(),
            client_voice: String::new(),
            contacts: vec![],
        },
    )
    .unwrap();
    assert!(matches!(
        circle::update_member(c, doc.id, "dr. Visser", "psychiater", false),
        Err(Error::Invalid(Invalid::MemberHasBridgeNotes(_)))
    ));
    let doc2 = circle::update_member(c, doc.id, "dr. A. Visser", "psychiater", true).unwrap();
    assert_eq!(doc2.name, "dr. A. Visser");
}

#[test]
fn removing_a_member_deletes_only_what_nothing_refers_to_and_never_what_was_shared() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let sanne = someone(c, "Sanne", Context::Client);
    let buur = circle::add_member(c, sanne, "Kees", "buurman", false).unwrap();
    let doc = circle::add_member(c, sanne, "dr. Visser", "psychiater", true).unwrap();
    let today = calendar::today();
    let consent = consent::add_consent(
        c,
        &doc,
        "afspraken en medicatie",
        today,
        today + chrono::Duration::days(180),
    )
    .unwrap();
    let note = bridge::add(
        c,
        &NewBridgeNote {
            person_id: sanne,
            member_id: doc.id,
            kind: BridgeKind::Experience,
            text: "Sanne merkt dat de wachttijd haar onrustig maakt.".into(),
            client_voice: "Ik wil weten waar ik aan toe ben.".into(),
            contacts: vec![],
        },
    )
    .unwrap();
    let shared = bridge::share(c, note.id, today).unwrap();
    let copy_before = bridge_text::copy_for_others(
        c,
        note.id,
        naast::ways::redact::Level::Code,
        Lang::Nl,
        today,
    )
    .ok();

    // Nothing refers to the neighbour: he is gone, for good.
    assert_eq!(
        circle::remove_member(c, buur.id, today).unwrap(),
        Removal::Deleted
    );
    assert!(matches!(
        circle::member(c, buur.id),
        Err(Error::NotFound { .. })
    ));

    // The doctor has a consent and a shared note: out of the circle, consent
    // withdrawn today, the note and what was shared kept exactly.
    assert_eq!(
        circle::remove_member(c, doc.id, today).unwrap(),
        Removal::Left
    );
    assert!(circle::circle(c, sanne).unwrap().is_empty());
    let left = circle::member(c, doc.id).unwrap();
    assert_eq!(left.left_on, Some(today));
    let k = consent::consents(c, sanne)
        .unwrap()
        .into_iter()
        .find(|k| k.id == consent.id)
        .unwrap();
    assert_eq!(k.withdrawn_on, Some(today));
    let kept = bridge::get(c, note.id).unwrap();
    assert_eq!(kept.text, shared.text);
    assert_eq!(kept.shared_at, shared.shared_at);
    assert!(copy_before.is_some());
    // Sharing or copying for them stops; a new consent or note is refused by name.
    assert!(bridge_text::copy_for_others(
        c,
        note.id,
        naast::ways::redact::Level::Code,
        Lang::Nl,
        today
    )
    .is_err());
    assert!(matches!(
        consent::add_consent_for(c, doc.id, "", today, today),
        Err(Error::Invalid(Invalid::MemberLeft(_)))
    ));
    assert!(matches!(
        circle::update_member(c, doc.id, "dr. Visser", "", true),
        Err(Error::Invalid(Invalid::MemberLeft(_)))
    ));
    // Removing twice changes nothing.
    assert_eq!(
        circle::remove_member(c, doc.id, today).unwrap(),
        Removal::Left
    );
    // Their name is still known to redaction (it is in notes that were shared).
    assert!(circle::all_members(c)
        .unwrap()
        .iter()
        .any(|m| m.id == doc.id));

    // Added again under the same name: the same member, history one.
    let back = circle::add_member(c, sanne, "DR. VISSER", "psychiater", true).unwrap();
    assert_eq!(back.id, doc.id);
    assert_eq!(back.left_on, None);
    assert_eq!(circle::circle(c, sanne).unwrap().len(), 1);
    // The withdrawn consent stays withdrawn: coming back is not consent.
    assert!(consent::consents(c, sanne)
        .unwrap()
        .iter()
        .all(|k| k.withdrawn_on.is_some()));

    // The audit log says what happened, not who.
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM audit_log WHERE object = 'circle_member' AND action = 'delete'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn the_colleague_rhythm_keeps_its_own_dates_through_contacts_edits_and_moves() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let col = someone(c, "C-12", Context::Colleague);
    let incident = day("2026-11-20");
    let plan = followup::plan_colleague(c, col, incident).unwrap();
    assert_eq!(
        plan.iter()
            .map(|f| (f.due, f.rhythm, f.incident))
            .collect::<Vec<_>>(),
        vec![
            (day("2026-11-23"), Some(Rhythm::First), Some(incident)),
            (day("2026-12-04"), Some(Rhythm::Second), Some(incident)),
        ]
    );
    assert_eq!(
        plan[0].reason(Lang::Nl),
        "eerste contact na het incident, binnen 72 uur (incident vr 20 nov. 2026, week 47)"
    );
    assert!(plan[1]
        .reason(Lang::En)
        .starts_with("second contact, around two weeks"));

    // Planning the same incident again is refused, not doubled.
    assert!(matches!(
        followup::plan_colleague(c, col, incident),
        Err(Error::Invalid(Invalid::RhythmPlanned(d))) if d == incident
    ));
    assert_eq!(followup::open(c, Some(col)).unwrap().len(), 2);

    // A contact with its own next check-in, then edited: the rhythm is not touched.
    let mut n = NewContact::now(vec![col], vec![Support::Emotional]);
    n.at = time::parse_local("2026-11-22 16:00").unwrap().timestamp();
    n.mode = Mode::Phone;
    n.follow_up = Some(day("2026-11-30"));
    let id = contact::add(c, &n).unwrap();
    n.follow_up = Some(day("2026-12-02"));
    n.note = "Even gebeld.".into();
    contact::update(c, id, &n).unwrap();
    contact::delete(c, id).unwrap();
    let open = followup::open(c, Some(col)).unwrap();
    assert_eq!(
        open.iter()
            .filter(|f| f.rhythm.is_some())
            .map(|f| f.due)
            .collect::<Vec<_>>(),
        vec![day("2026-11-23"), day("2026-12-04")]
    );

    // Moving the first leaves the second on its own date.
    followup::move_to(c, plan[0].id, day("2026-11-24")).unwrap();
    assert_eq!(followup::get(c, plan[1].id).unwrap().due, day("2026-12-04"));
    assert_eq!(
        followup::get(c, plan[0].id).unwrap().rhythm,
        Some(Rhythm::First)
    );

    // A second incident gets its own pair.
    assert_eq!(
        followup::plan_colleague(c, col, day("2026-12-10"))
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn an_older_vaults_rhythm_check_ins_learn_what_they_are() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    naast::vault::schema::migrate_to(&conn, 6).unwrap();
    conn.execute_batch(
        "INSERT INTO person (id, alias, code, context, created_at) VALUES (1, 'C-1', 'K7QM', 'colleague', 0);
         INSERT INTO followup (person_id, due, why, created_at, moved) VALUES
             (1, '2026-11-23', 'eerste contact na incident (binnen 72 uur)', 0, 0),
             (1, '2026-12-04', 'tweede contact, rond twee weken na incident', 0, 0),
             (1, '2026-12-04', 'tweede contact, rond twee weken na incident', 0, 0),
             (1, '2026-12-09', 'eerste contact na incident (binnen 72 uur)', 0, 1),
             (1, '2026-12-20', 'kerst: even bellen', 0, 0);",
    )
    .unwrap();
    naast::vault::schema::migrate(&conn).unwrap();
    let rows: Vec<(i64, Option<String>, Option<String>, String)> = conn
        .prepare("SELECT id, rhythm, incident, why FROM followup ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows[0].1.as_deref(), Some("first"));
    assert_eq!(rows[0].2.as_deref(), Some("2026-11-20"));
    assert_eq!(rows[1].1.as_deref(), Some("second"));
    assert_eq!(rows[1].2.as_deref(), Some("2026-11-20"));
    // The double and the moved one keep their words: nothing is lost or guessed.
    assert_eq!(rows[2].1, None);
    assert_eq!(rows[2].3, "tweede contact, rond twee weken na incident");
    assert_eq!(rows[3].1, None);
    assert_eq!(rows[4].3, "kerst: even bellen");
}

#[test]
fn the_summary_writes_numbers_and_plurals_the_dutch_way() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let sanne = someone(c, "Sanne", Context::Client);
    let mo = someone(c, "Mo", Context::Client);
    let add = |p: i64, at: &str, minutes: i64| {
        let mut n = NewContact::now(vec![p], vec![Support::Practical]);
        n.at = time::parse_local(at).unwrap().timestamp();
        n.minutes = minutes;
        n.mode = Mode::Walk;
        contact::add(c, &n).unwrap();
    };
    // Sanne: 3 contacts, 228 minutes = 3,8 hours; Mo: one contact of an hour.
    add(sanne, "2026-10-05 10:00", 90);
    add(sanne, "2026-10-12 10:00", 90);
    add(sanne, "2026-10-19 10:00", 48);
    add(mo, "2026-10-06 10:00", 60);

    let mut o = Options::new(day("2026-10-01"), day("2026-10-31"));
    o.persons = vec![sanne];
    let nl = summary::html::render(&summary::compute(c, &o, day("2026-11-01")).unwrap());
    assert!(nl.contains("<b>3,8</b>uur"), "totals: {nl}");
    assert!(nl.contains("3 contactmomenten · 3,8 uur"));
    assert!(nl.contains("<b>1</b>persoon"));
    assert!(!nl.contains("3.8"));

    o.persons = vec![mo];
    let one = summary::html::render(&summary::compute(c, &o, day("2026-11-01")).unwrap());
    assert!(one.contains("1 contactmoment · 1,0 uur"), "{one}");
    assert!(!one.contains("1 contactmomenten"));

    o.persons = vec![sanne];
    o.lang = Lang::En;
    let en = summary::html::render(&summary::compute(c, &o, day("2026-11-01")).unwrap());
    assert!(en.contains("3 contacts · 3.8 hours"), "{en}");
    assert!(en.contains("<b>1</b>person"));
    // The vocabulary's words, from one place: the mode in both languages.
    assert!(en.contains(Mode::Walk.label(Lang::En)));
    assert!(nl.contains("wandeling"));
}
