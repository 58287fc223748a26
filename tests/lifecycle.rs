//! Nothing lost above the vault: edits change what they say and nothing else, ids are
//! never given twice, drafts leave with what they are about, and an older vault keeps
//! every row and id when it is upgraded.

mod common;

use chrono::NaiveDate;
use common::*;
use naast::ground::time;
use naast::ground::vocab::{Mode, Support};
use naast::records::circle;
use naast::records::contact::{self, NewContact, Patch};
use naast::records::draft;
use naast::records::erasure;
use naast::records::followup;
use naast::records::person::{self, NewPerson};
use naast::store::db;
use naast::vault::schema;
use naast::ways::summary;
use rusqlite::Connection;

fn day(s: &str) -> NaiveDate {
    time::parse_date(s).unwrap()
}

fn someone(c: &Connection, alias: &str) -> i64 {
    person::add(
        c,
        &NewPerson {
            alias: alias.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn contact_with(persons: Vec<i64>, note: &str, follow_up: Option<&str>) -> NewContact {
    let mut c = NewContact::now(persons, vec![Support::Emotional]);
    c.at = time::parse_local("2026-11-20 14:30").unwrap().timestamp();
    c.note = note.into();
    c.tags = vec!["fietsen".into()];
    c.follow_up = follow_up.map(day);
    c
}

fn open_checkins(c: &Connection) -> Vec<(i64, NaiveDate, String)> {
    followup::open(c, None)
        .unwrap()
        .into_iter()
        .map(|f| (f.person_id, f.due, f.why))
        .collect()
}

#[test]
fn editing_keeps_tags_and_check_ins_the_user_touched() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let (sanne, mo) = (someone(c, "Sanne"), someone(c, "Mo"));
    let id = contact::add(c, &contact_with(vec![sanne], "eerste", Some("2026-11-27"))).unwrap();
    let fid = followup::open(c, None).unwrap()[0].id;
    followup::move_to(c, fid, day("2026-11-30")).unwrap();

    // The app's edit sends the whole form; the note changes, nothing else does.
    let mut edited = contact::get(c, id).unwrap().to_new();
    edited.note = "eerste, aangevuld".into();
    contact::update(c, id, &edited).unwrap();
    let after = contact::get(c, id).unwrap();
    assert_eq!(after.tags, vec!["fietsen".to_string()]);
    assert_eq!(
        open_checkins(c),
        vec![(sanne, day("2026-11-30"), String::new())]
    );

    // A new next-check-in date moves only check-ins nobody touched; Mo joins and gets one.
    let patch = Patch {
        follow_up: Some(Some(day("2026-12-04"))),
        persons: Some(vec![sanne, mo]),
        ..Patch::default()
    };
    contact::edit(c, id, &patch).unwrap();
    let mut got = open_checkins(c);
    got.sort();
    assert_eq!(
        got,
        vec![
            (sanne, day("2026-11-30"), String::new()),
            (mo, day("2026-12-04"), String::new())
        ]
    );
    // Clearing the date removes Mo's untouched one; Sanne's moved one stays hers.
    contact::edit(
        c,
        id,
        &Patch {
            follow_up: Some(None),
            ..Patch::default()
        },
    )
    .unwrap();
    assert_eq!(
        open_checkins(c),
        vec![(sanne, day("2026-11-30"), String::new())]
    );
    // An edit of one field leaves every other field exactly as it was.
    let before = contact::get(c, id).unwrap();
    let after = contact::edit(
        c,
        id,
        &Patch {
            minutes: Some(90),
            ..Patch::default()
        },
    )
    .unwrap();
    assert_eq!(
        after,
        contact::Contact {
            minutes: 90,
            ..before
        }
    );
    assert!(v.verify().unwrap().is_empty());
}

#[test]
fn an_id_once_given_is_never_given_again_in_any_table() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let a = someone(c, "Sanne");
    let x = contact::add(c, &contact_with(vec![a], "een", Some("2026-12-01"))).unwrap();
    let f = followup::open(c, None).unwrap()[0].id;
    contact::delete(c, x).unwrap();
    let y = contact::add(c, &contact_with(vec![a], "twee", Some("2026-12-01"))).unwrap();
    assert!(y > x);
    assert!(followup::open(c, None).unwrap()[0].id > f);
    let m = circle::add_member(c, a, "dr. Visser", "psychiater", true).unwrap();
    erasure::erase(c, a).unwrap();
    let b = someone(c, "Mo");
    assert!(b > a);
    let m2 = circle::add_member(c, b, "dr. Visser", "psychiater", true).unwrap();
    assert!(m2.id > m.id);
    for table in [
        "person",
        "circle_member",
        "consent",
        "contact",
        "bridge_note",
        "bridge_share",
        "followup",
        "summary_log",
    ] {
        let sql: String = c
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert!(sql.contains("AUTOINCREMENT"), "{table}: {sql}");
    }
}

#[test]
fn drafts_leave_with_their_contact_and_with_an_erased_person() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let (sanne, mo) = (someone(c, "Sanne"), someone(c, "Mo"));
    let x = contact::add(c, &contact_with(vec![sanne], "een", None)).unwrap();
    draft::save(c, Some(x), r#"{"note":"half bewerkt"}"#, &[sanne]).unwrap();
    draft::save(c, None, r#"{"note":"over Mo en Sanne"}"#, &[mo, sanne]).unwrap();
    assert!(draft::load(c, Some(x)).unwrap().is_some());

    contact::delete(c, x).unwrap();
    assert!(draft::load(c, Some(x)).unwrap().is_none());
    // A late autosave of an edit whose contact is gone is refused, not kept.
    assert!(draft::save(c, Some(x), "{}", &[sanne]).is_err());
    // A new contact never picks up the old one's draft.
    let y = contact::add(c, &contact_with(vec![sanne], "twee", None)).unwrap();
    assert!(draft::load(c, Some(y)).unwrap().is_none());

    let o = summary::Options::new(day("2026-11-01"), day("2026-11-30"));
    summary::record(
        c,
        &o,
        &[sanne, mo],
        summary::Action::Save,
        summary::Format::Html,
    )
    .unwrap();
    erasure::erase(c, mo).unwrap();
    assert!(
        draft::load(c, None).unwrap().is_none(),
        "the new-contact draft named Mo"
    );
    // The save is logged with both people; erasing Mo keeps the line, naming his code.
    let e = &naast::audit::list(
        c,
        &naast::audit::Query {
            action: Some(naast::ground::vocab::Action::Save),
            ..Default::default()
        },
        None,
    )
    .unwrap()[0];
    assert_eq!(e.detail["people"].as_array().unwrap().len(), 2);
    let names: String = c
        .query_row(
            "SELECT group_concat(detail || coalesce(person_code, ''), ' ') FROM audit_log",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!names.contains("Mo"), "{names}");
    let left: i64 = c
        .query_row("SELECT count(*) FROM draft_person", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

/// A vault as version 3 left it: ids with gaps, the newest contact deleted, and an
/// edit draft for it that the old app would have shown on the next contact 3.
#[test]
fn upgrading_an_older_vault_keeps_every_row_and_never_reuses_a_deleted_id() {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    schema::migrate_to(&conn, 3).unwrap();
    conn.execute_batch(
        "INSERT INTO person (id, alias, code, context, created_at) VALUES (1, 'Sanne', 'K7QM', 'client', 0), (4, 'Mo', 'X2CD', 'client', 0);
         INSERT INTO contact (id, at, minutes, mode, initiative, support, note, created_at, updated_at)
             VALUES (1, 100, 45, 'walk', 'me', 2, 'fietsen langs de IJssel', 0, 0),
                    (2, 200, 30, 'phone', 'person', 1, 'brief van de gemeente', 0, 0);
         INSERT INTO contact_person (person_id, at, contact_id) VALUES (1, 100, 1), (4, 200, 2);
         INSERT INTO contact_tag (contact_id, tag) VALUES (1, 'buiten');
         INSERT INTO followup (person_id, due, contact_id, created_at) VALUES (1, '2026-12-01', 1, 0);
         INSERT INTO draft (key, body, updated_at) VALUES
             ('contact-3', '{\"note\":\"van een verwijderd contact\"}', 0),
             ('contact-2', '{\"note\":\"bewerking\",\"persons\":[{\"id\":4}]}', 0),
             ('contact', '{\"note\":\"nieuw\",\"persons\":[{\"id\":1},{\"id\":99}]}', 0);",
    )
    .unwrap();
    schema::migrate(&conn).unwrap();
    assert_eq!(db::schema_version(&conn).unwrap(), schema::SCHEMA_VERSION);

    let people: Vec<(i64, String)> = conn
        .prepare("SELECT id, alias FROM person ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(people, vec![(1, "Sanne".into()), (4, "Mo".into())]);
    let c1 = contact::get(&conn, 1).unwrap();
    assert_eq!(
        (c1.mode, c1.tags.clone()),
        (Mode::Walk, vec!["buiten".into()])
    );
    assert_eq!(c1.persons[0].alias, "Sanne");
    assert_eq!(followup::open(&conn, Some(1)).unwrap().len(), 1);
    // The search index still finds the old notes, by the same ids.
    let hits = naast::reads::search::search(&conn, "ijssel", &Default::default(), 5).unwrap();
    assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![1]);

    // The draft of deleted contact 3 is gone, and 3 is never handed out.
    assert!(draft::load(&conn, Some(3)).unwrap().is_none());
    assert!(draft::load(&conn, Some(2)).unwrap().is_some());
    let next = contact::add(&conn, &contact_with(vec![1], "nieuw", None)).unwrap();
    assert_eq!(next, 4);
    // Drafts now know their people: erasing Mo takes the edit draft that named him.
    erasure::erase(&conn, 4).unwrap();
    assert!(draft::load(&conn, Some(2)).unwrap().is_none());
    assert!(draft::load(&conn, None).unwrap().is_some());
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);
}
