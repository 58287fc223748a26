//! The audit trail on a real vault: every change, view, search and output leaves a
//! line with codes and never content; the chain finds a changed, removed or
//! truncated line, also when the tampering is done through SQLCipher with the key;
//! erasing keeps the lines by code; pruning keeps the chain whole.

mod common;

use common::cli::*;
use common::*;
use naast::audit::{self, Query};
use naast::ground::calendar;
use naast::ground::time;
use naast::ground::vocab::{Action, Support};
use naast::reads::person_page;
use naast::reads::search;
use naast::records::bridge;
use naast::records::circle;
use naast::records::contact::{self, NewContact};
use naast::records::erasure;
use naast::records::followup;
use naast::records::person::{self, NewPerson};
use naast::vault::schema;
use naast::vault::Vault;

const NOTE: &str = "Zeldzaamwoord: samen de brief van de woningcorporatie gelezen.";

fn someone(v: &Vault, alias: &str) -> i64 {
    person::add(
        v.conn(),
        &NewPerson {
            alias: alias.into(),
            full_name: format!("{alias} van Dijk"),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

/// Everything every line holds, as one string, to look for what may not be there.
fn whole_log(v: &Vault) -> String {
    v.conn()
        .query_row(
            "SELECT group_concat(actor || '|' || action || '|' || object || '|' ||
                 coalesce(person_code, '') || '|' || detail, '\n') FROM audit_log",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// A raw connection to the vault file with the key, as someone with the recovery
/// code and SQLCipher (not Naast) would have.
fn raw(t: &TestVault, code: &str) -> rusqlite::Connection {
    let key = naast::store::keys::recovery::decode(code).unwrap();
    let c = rusqlite::Connection::open(&t.path).unwrap();
    c.execute_batch(&format!(
        "PRAGMA key = \"x'{}'\";",
        hex::encode(key.as_bytes())
    ))
    .unwrap();
    c
}

#[test]
fn every_change_view_search_and_output_is_logged_by_code_never_content() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    audit::set_actor(
        c,
        &audit::Actor {
            name: "Anna".into(),
            role: "ervaringsdeskundige".into(),
        },
    )
    .unwrap();
    let sanne = someone(&v, "Sanne");
    let code = person::get(c, sanne).unwrap().code;
    let mut n = NewContact::now(vec![sanne], vec![Support::Practical]);
    n.note = NOTE.into();
    n.follow_up = Some(time::parse_date("2026-12-01").unwrap());
    let id = contact::add(c, &n).unwrap();
    n.minutes = 60;
    contact::update(c, id, &n).unwrap();
    person_page::view(c, sanne).unwrap();
    search::run(c, "zeldzaamwoord", &Default::default(), 10).unwrap();
    let doc = circle::add_member(c, sanne, "dr. Visser", "psychiater", true).unwrap();
    let b = bridge::add(
        c,
        &bridge::NewBridgeNote {
            person_id: sanne,
            member_id: doc.id,
            kind: naast::ground::vocab::BridgeKind::Question,
            text: NOTE.into(),
            client_voice: String::new(),
            contacts: vec![],
        },
    )
    .unwrap();
    assert!(bridge::share(c, b.id, calendar::today()).is_err());
    followup::done(c, followup::open(c, None).unwrap()[0].id, calendar::today()).unwrap();
    contact::delete(c, id).unwrap();

    let lines = audit::list(c, &Query::default(), None).unwrap();
    let got: Vec<(Action, String, bool)> = lines
        .iter()
        .rev()
        .map(|e| (e.action, e.object.clone(), e.refused))
        .collect();
    let expect = [
        (Action::Change, "actor", false),
        (Action::Create, "person", false),
        (Action::Create, "contact", false),
        (Action::Change, "contact", false),
        (Action::View, "person", false),
        (Action::Search, "notes", false),
        (Action::Create, "circle_member", false),
        (Action::Create, "bridge_note", false),
        (Action::Share, "bridge_note", true),
        (Action::Change, "followup", false),
        (Action::Delete, "contact", false),
    ];
    let expect: Vec<(Action, String, bool)> = expect
        .iter()
        .map(|(a, o, r)| (*a, o.to_string(), *r))
        .collect();
    assert_eq!(got, expect);
    assert!(lines
        .iter()
        .all(|e| e.actor == "Anna (ervaringsdeskundige)"));
    // Every line about a record names Sanne by code (the actor line and the search
    // without a person filter are about no one).
    assert!(lines
        .iter()
        .filter(|e| e.object != "actor" && e.object != "notes")
        .all(|e| e.person_code.as_deref() == Some(code.as_str())));
    let all = whole_log(&v);
    for secret in [
        "Sanne",
        "van Dijk",
        "Zeldzaamwoord",
        "woningcorporatie",
        "Visser",
    ] {
        assert!(!all.contains(secret), "{secret} in the log:\n{all}");
    }
    assert!(audit::verify(c).unwrap().sound);
}

#[test]
fn the_chain_finds_changed_removed_and_cut_off_lines_even_with_the_key() {
    let t = TestVault::new();
    let (v, code) = t.init_passphrase();
    for a in ["Sanne", "Mo", "Yara", "Kees", "Fenna"] {
        someone(&v, a);
    }
    assert!(audit::verify(v.conn()).unwrap().sound);
    drop(v);

    // The triggers refuse changes outright.
    let r = raw(&t, &code);
    assert!(r
        .execute("UPDATE audit_log SET detail = '{}' WHERE id = 2", [])
        .is_err());
    assert!(r.execute("DELETE FROM audit_log WHERE id = 2", []).is_err());
    // Someone with the key who drops the triggers is still found out.
    r.execute_batch(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
         DROP TRIGGER audit_person_no_delete;
         UPDATE audit_log SET object = 'contact' WHERE id = 3;",
    )
    .unwrap();
    drop(r);
    let v = t.open().unwrap();
    let found = audit::verify(v.conn()).unwrap();
    assert!(!found.sound);
    assert_eq!(found.broken_at, Some(3));
    drop(v);

    let r = raw(&t, &code);
    r.execute_batch(
        "UPDATE audit_log SET object = 'person' WHERE id = 3; DELETE FROM audit_log WHERE id = 2;",
    )
    .unwrap();
    drop(r);
    let v = t.open().unwrap();
    let found = audit::verify(v.conn()).unwrap();
    assert_eq!((found.sound, found.broken_at), (false, Some(3)));
    drop(v);

    // Removing the newest lines (the easiest tampering) is found too.
    let t2 = TestVault::new();
    let (v, code) = t2.init_passphrase();
    for a in ["Sanne", "Mo", "Yara"] {
        someone(&v, a);
    }
    drop(v);
    let r = raw(&t2, &code);
    r.execute_batch("DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_person_no_delete; DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log);")
        .unwrap();
    drop(r);
    let v = t2.open().unwrap();
    let found = audit::verify(v.conn()).unwrap();
    assert!(!found.sound, "{found:?}");
}

#[test]
fn erasing_keeps_the_lines_about_a_person_naming_only_their_code() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let sanne = someone(&v, "Sanne");
    let code = person::get(c, sanne).unwrap().code;
    let mut n = NewContact::now(vec![sanne], vec![Support::Emotional]);
    n.note = NOTE.into();
    contact::add(c, &n).unwrap();
    person_page::view(c, sanne).unwrap();
    erasure::erase(c, sanne).unwrap();
    let lines = audit::list(
        c,
        &Query {
            person: Some(sanne),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    assert_eq!(lines[0].action, Action::Erase);
    assert!(lines.len() >= 4);
    assert!(lines
        .iter()
        .all(|e| e.person_code.as_deref() == Some(code.as_str())));
    let all = whole_log(&v);
    assert!(!all.contains("Sanne") && !all.contains("Zeldzaamwoord"));
    assert!(audit::verify(c).unwrap().sound);
}

const DAY: i64 = 24 * 3600;

fn lines(c: &rusqlite::Connection) -> Vec<audit::Entry> {
    audit::list(c, &Query::default(), None).unwrap()
}

#[test]
fn pruning_after_five_years_keeps_the_chain_whole() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    for a in ["Sanne", "Mo", "Yara"] {
        someone(&v, a);
    }
    let now = chrono::Utc::now().timestamp();
    assert!(
        audit::prune(c, now, 4).is_err(),
        "less than the NEN 7513 minimum"
    );
    assert_eq!(audit::prune(c, now, 5).unwrap(), 0);
    let first = lines(c).len();
    // Six years of use, a line every half year: what is older than five years by the
    // clock and by the log goes, the chain still holds.
    for i in 1..=12 {
        audit::record_at(
            c,
            &audit::Event::new(Action::Unlock, "vault"),
            now + i * 183 * DAY,
        )
        .unwrap();
    }
    let later = now + 12 * 183 * DAY + DAY;
    let removed = audit::prune(c, later, 5).unwrap();
    assert_eq!(removed, first + 2, "the first lines and two half-years");
    let left = lines(c);
    assert_eq!(left.len(), 12 - 2 + 1);
    assert_eq!(left[0].action, Action::Prune);
    assert!(left[1..]
        .iter()
        .all(|e| e.at >= later - 5 * 365 * DAY - DAY));
    assert!(audit::verify(c).unwrap().sound);
    someone(&v, "Kees");
    assert!(audit::verify(c).unwrap().sound);
}

/// Issue 23: the app prunes at every unlock by the machine's clock, and a laptop
/// whose clock was five years ahead lost every line (and `log --verify` called the
/// rest sound). A jump prunes nothing and is itself a line; time the log cannot
/// vouch for never makes a line old.
#[test]
fn a_clock_years_ahead_or_back_prunes_nothing_and_says_so() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    for a in ["Sanne", "Mo", "Yara"] {
        someone(&v, a);
    }
    let now = chrono::Utc::now().timestamp();
    let before = lines(c).len();
    let ahead = now + 6 * 366 * DAY;
    assert_eq!(audit::prune(c, ahead, 5).unwrap(), 0);
    let after = lines(c);
    assert_eq!(after.len(), before + 1);
    assert_eq!(after[0].action, Action::Prune);
    assert!(after[0].refused);
    assert_eq!(after[0].detail["clock"], "ahead", "{}", after[0].detail);

    // The clock stays wrong and the app is used for a month: still nothing goes, the
    // jump counts one year at most.
    for d in 0..30 {
        audit::record_at(
            c,
            &audit::Event::new(Action::Unlock, "vault"),
            ahead + d * DAY,
        )
        .unwrap();
    }
    assert_eq!(audit::prune(c, ahead + 30 * DAY, 5).unwrap(), 0);
    assert_eq!(lines(c).len(), before + 1 + 30);

    // The clock put right: back before the newest line, nothing goes, said so.
    assert_eq!(audit::prune(c, now + DAY, 5).unwrap(), 0);
    let back = lines(c);
    assert_eq!(back.len(), before + 1 + 30 + 1);
    assert_eq!(back[0].detail["clock"], "back", "{}", back[0].detail);
    assert!(audit::verify(c).unwrap().sound);
}

#[test]
fn the_summary_log_of_an_older_vault_becomes_the_start_of_the_chain() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    schema::migrate_to(&conn, 4).unwrap();
    conn.execute_batch(
        "INSERT INTO person (id, alias, code, context, created_at) VALUES (7, 'Sanne', 'K7QM', 'client', 0);
         INSERT INTO summary_log (made_at, action, date_from, date_to, level, all_notes, person_ids)
             VALUES (1700000000, 'print', '2026-10-01', '2026-10-31', 'code', 0, '[7]'),
                    (1700000100, 'save', '2026-10-01', '2026-10-31', 'alias', 1, '[]');",
    )
    .unwrap();
    schema::migrate(&conn).unwrap();
    let lines = audit::list(&conn, &Query::default(), None).unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1].action, Action::Print);
    assert_eq!(lines[1].at, 1_700_000_000);
    assert_eq!(lines[1].person_code.as_deref(), Some("K7QM"));
    assert!(audit::verify(&conn).unwrap().sound);
}

#[test]
fn the_cli_lists_filters_exports_and_verifies_the_log() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    c.ok(&["person", "add", "--alias", "Mo"]);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "emotional",
        "--note",
        NOTE,
    ]);
    c.ok(&["person", "show", "Sanne"]);
    let all = c.json(&["log"]);
    let all = arr(&all);
    assert!(all.len() >= 4);
    for e in all {
        for k in ["at", "action", "person", "hash"] {
            assert!(e.get(k).is_some(), "{k} missing in {e}");
        }
    }
    let sanne = c.json(&["log", "--person", "Sanne"]);
    assert!(arr(&sanne)
        .iter()
        .all(|e| e["person"] != serde_json::Value::Null));
    assert_eq!(arr(&c.json(&["log", "--action", "view"])).len(), 1);
    let csv = c.ok(&["log", "--csv"]);
    assert!(csv.starts_with("id,tijd (UTC),wie,handeling"));
    assert!(!csv.contains("Sanne") && !csv.contains("Zeldzaamwoord"));
    c.ok(&["log", "--verify"]);
    refused(&c.run(&["log", "--action", "teleport"]), "teleport");
}
