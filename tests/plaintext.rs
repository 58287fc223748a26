//! No plaintext of a note anywhere on disk: not in the vault, its WAL or shared
//! memory file, the key file, or temporary files.

mod common;

use common::*;
use naast::ground::vocab::{BridgeKind, Support};
use naast::reads::search;
use naast::records::bridge;
use naast::records::circle;
use naast::records::contact::{self, NewContact};
use naast::records::followup;
use naast::records::person::{self, NewPerson};

fn scan(dir: &std::path::Path, markers: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for e in walk(dir) {
        let bytes = std::fs::read(&e).unwrap_or_default();
        for m in markers {
            if contains(&bytes, m.as_bytes()) {
                found.push(format!("{} in {}", m, e.display()));
            }
        }
    }
    found
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn no_note_text_reaches_the_disk_in_plaintext() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let tag = format!("{:x}", std::process::id() as u64 * 7919 + 12345);
    let m = |what: &str| format!("ZEBRA{what}{tag}");
    let markers = vec![
        m("NOTE"),
        m("WORDS"),
        m("ALIAS"),
        m("WISH"),
        m("BRIDGE"),
        m("VOICE"),
        m("WHY"),
    ];

    let p = person::add(
        c,
        &NewPerson {
            alias: m("ALIAS"),
            wishes: m("WISH"),
            ..Default::default()
        },
    )
    .unwrap();
    let doc = circle::add_member(c, p.id, "dr. Visser", "psychiater", true).unwrap();
    for i in 0..200 {
        let mut n = NewContact::now(vec![p.id], vec![Support::Practical]);
        n.note = format!("{} nummer {i} {}", m("NOTE"), "vulling ".repeat(i % 40));
        n.own_words = m("WORDS");
        contact::add(c, &n).unwrap();
    }
    bridge::add(
        c,
        &bridge::NewBridgeNote {
            person_id: p.id,
            member_id: doc.id,
            kind: BridgeKind::Question,
            text: m("BRIDGE"),
            client_voice: m("VOICE"),
            contacts: vec![],
        },
    )
    .unwrap();
    followup::add(c, p.id, naast::ground::calendar::today(), &m("WHY")).unwrap();
    // Work that could spill to temporary files: a big sort and a search.
    let _: Vec<String> = c
        .prepare("SELECT note FROM contact ORDER BY note DESC, random()")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(!search::search(c, &m("NOTE"), &Default::default(), 10)
        .unwrap()
        .is_empty());

    // While open: the WAL and -shm exist and hold the latest pages.
    let names: Vec<String> = fingerprint(t.dir.path()).into_keys().collect();
    assert!(names.iter().any(|n| n.ends_with("-wal")), "{names:?}");
    assert_eq!(scan(t.dir.path(), &markers), Vec::<String>::new());

    // Deleting a contact and checkpointing leaves no readable trace either.
    contact::delete(c, 1).unwrap();
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(v);
    assert_eq!(scan(t.dir.path(), &markers), Vec::<String>::new());

    // The same markers are found when they are really there, so the scan can fail.
    std::fs::write(t.dir.path().join("control.txt"), m("NOTE")).unwrap();
    assert_eq!(scan(t.dir.path(), &markers).len(), 1);
}
