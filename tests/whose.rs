//! Whose the signal, the own words and the check-in of a group contact are (issue
//! 22): an old vault keeps what every contact had, marked where it may be wrong; the
//! command line says whose and shows it; search finds the words of a signal and of
//! own experience shared.

mod common;

use common::cli::*;
use naast::records::contact;

#[test]
fn an_old_group_contact_keeps_its_signal_words_and_check_in_for_everyone_marked_unsure() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    naast::vault::schema::migrate_to(&conn, 7).unwrap();
    conn.execute_batch(
        "INSERT INTO person (id, alias, code, context, created_at) VALUES
             (1, 'Sanne', 'QK32', 'client', 0), (2, 'Esra', 'TW7M', 'client', 0);
         INSERT INTO contact (id, at, minutes, mode, initiative, support, note, own_words,
                 signal, signal_note, follow_up, created_at, updated_at) VALUES
             (1, 100, 45, 'group', 'me', 1, 'Samen gekookt.', 'Ik wil weer fietsen.',
                 1, 'Noemt doodsgedachten.', '2026-12-20', 0, 0),
             (2, 200, 45, 'walk', 'me', 1, 'Gewandeld.', 'Het gaat beter.', 1, 'Slaapt slecht.', NULL, 0, 0),
             (3, 300, 45, 'group', 'me', 1, 'Alleen een groepsnotitie.', '', 0, '', NULL, 0, 0);
         INSERT INTO contact_person (person_id, at, contact_id) VALUES
             (1, 100, 1), (2, 100, 1), (1, 200, 2), (1, 300, 3), (2, 300, 3);",
    )
    .unwrap();
    naast::vault::schema::migrate(&conn).unwrap();

    let group = contact::get(&conn, 1).unwrap();
    assert_eq!(
        group.signal_for,
        vec![2, 1],
        "ordered by alias: Esra, Sanne"
    );
    assert_eq!(group.own_words_for, vec![2, 1]);
    assert_eq!(group.checkin_for, vec![2, 1]);
    assert!(
        group.whose_unsure,
        "an old group contact is marked for the user"
    );
    let single = contact::get(&conn, 2).unwrap();
    assert_eq!(single.signal_for, vec![1]);
    assert_eq!(single.own_words_for, vec![1]);
    assert!(!single.whose_unsure, "one person: nothing to doubt");
    let plain = contact::get(&conn, 3).unwrap();
    assert!(plain.signal_for.is_empty() && plain.own_words_for.is_empty());
    assert!(
        !plain.whose_unsure,
        "nothing personal on it: nothing to correct"
    );

    // The rebuilt index finds what it found before, and the signal's words now too.
    let f = contact::Filter::default();
    let hits = |q: &str| naast::reads::search::search(&conn, q, &f, 50).unwrap();
    assert_eq!(hits("fietsen").len(), 1);
    assert_eq!(hits("gekookt").len(), 1);
    assert_eq!(hits("doodsgedachten").len(), 1);
    assert_eq!(hits("slecht").len(), 1);
}

/// Adds the people, returns nothing: the CLI names them by alias.
fn people(c: &Cli, aliases: &[&str]) {
    for a in aliases {
        c.ok(&["person", "add", "--alias", a]);
    }
}

#[test]
fn the_command_line_says_whose_and_everyone_present_is_the_default() {
    let c = Cli::new();
    c.init();
    people(&c, &["Sanne", "Esra", "Mo"]);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--person",
        "Esra",
        "--support",
        "emotional",
        "--note",
        "Samen gekookt bij de eettafel.",
        "--signal",
        "--signal-note",
        "Esra noemt doodsgedachten.",
        "--signal-for",
        "Esra",
        "--own-words",
        "Ik wil weer gaan fietsen.",
        "--own-words-for",
        "Esra",
    ]);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--person",
        "Mo",
        "--support",
        "practical",
        "--note",
        "Boodschappen gedaan.",
        "--signal",
        "--signal-note",
        "Beiden moe.",
        "--own-experience",
        "--own-experience-note",
        "Verteld over mijn eigen herstelplan.",
    ]);
    let list = c.json(&["contact", "list"]);
    let all = arr(&list);
    let mo = all
        .iter()
        .find(|x| x["note"] == "Boodschappen gedaan.")
        .unwrap();
    assert_eq!(mo["signal_for"], serde_json::json!(["Mo", "Sanne"]), "{mo}");
    assert_eq!(mo["own_words_for"], serde_json::json!([]), "{mo}");
    let esra = all
        .iter()
        .find(|x| x["note"] == "Samen gekookt bij de eettafel.")
        .unwrap();
    assert_eq!(esra["signal_for"], serde_json::json!(["Esra"]), "{esra}");
    assert_eq!(esra["own_words_for"], serde_json::json!(["Esra"]), "{esra}");
    assert_eq!(esra["whose_unsure"], false);

    // Search finds the signal's words, and within Sanne's contacts it does not.
    let found = c.json(&["search", "doodsgedachten"]);
    assert_eq!(arr(&found).len(), 1, "{found}");
    assert_eq!(found[0]["field"], "signal");
    assert_eq!(found[0]["about"], serde_json::json!(["Esra"]));
    let sanne = c.json(&["search", "doodsgedachten", "--person", "Sanne"]);
    assert_eq!(arr(&sanne).len(), 0, "{sanne}");
    let esra = c.json(&["search", "doodsgedachten", "--person", "Esra"]);
    assert_eq!(arr(&esra).len(), 1, "{esra}");
    // The same through Overzicht's pages, in both orders.
    {
        use naast::reads::search::{page, Order};
        let v = naast::vault::Vault::open(
            &c.vault,
            &naast::store::keys::MemoryKeyStore::default(),
            Some(common::PASS),
        )
        .unwrap();
        let id = |alias: &str| {
            naast::records::person::list(v.conn())
                .unwrap()
                .into_iter()
                .find(|p| p.alias == alias)
                .unwrap()
                .id
        };
        for order in [Order::Best, Order::Newest] {
            for (who, n) in [("Sanne", 0), ("Esra", 1)] {
                let f = contact::Filter {
                    person: Some(id(who)),
                    ..Default::default()
                };
                let p = page(v.conn(), "doodsgedachten", &f, order, 0, 50).unwrap();
                assert_eq!((p.total, p.hits.len()), (n, n as usize), "{who} {order:?}");
            }
        }
    }
    let shared = c.json(&["search", "herstelplan"]);
    assert_eq!(arr(&shared).len(), 1, "{shared}");
    assert_eq!(shared[0]["field"], "own-experience");

    // Someone not present cannot be whose: a clear line, nothing saved.
    let o = c.run(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "practical",
        "--note",
        "x",
        "--signal",
        "--signal-for",
        "Esra",
    ]);
    assert!(!o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stderr).lines().count(), 1);
    assert_eq!(arr(&c.json(&["contact", "list"])).len(), 2);
}

#[test]
fn about_answers_on_a_passphrase_vault_without_the_passphrase() {
    let c = Cli::new();
    c.init();
    let o = c.cmd(&["about", "--json"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let a: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(a["locked"], true);
    // As the binary under test spells it: a Windows path under Wine.
    assert_eq!(local(a["vault_path"].as_str().unwrap()), c.vault);
    let text = c.cmd(&["about"]).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("pas te zien als de kluis open is"), "{text}");
}

/// Whose names someone who was not there: refused by the name as typed, and nothing
/// is saved.
#[test]
fn whose_for_someone_absent_is_refused_by_name() {
    let c = Cli::new();
    c.init();
    people(&c, &["Sanne", "Esra"]);
    let o = c.run(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "emotional",
        "--signal",
        "--signal-for",
        "Esra",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("en Esra was er niet bij"), "{err}");
    let list = c.json(&["contact", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 0);
}
