//! Issue 23: the audit log's newest line remembered outside the vault. The chain
//! lives inside the vault, so someone with the key who cuts the newest lines (and
//! sets SQLite's counter back) leaves a chain that holds; the key file (written at
//! every close) and each backup's manifest remember the newest line's number and
//! hash, and `naast log --verify` names the gap. A prune and a restore move the
//! log's end on purpose and say so in lines of their own: no gap.

mod common;

use std::path::Path;

use common::cli::*;
use common::*;
use naast::audit;
use naast::ground::vocab::Action;
use naast::records::person::{self, NewPerson};
use serde_json::Value;

/// A raw connection to a vault file with the key: someone with the recovery code and
/// SQLCipher, not Naast.
fn raw(vault: &Path, code: &str) -> rusqlite::Connection {
    let key = naast::store::keys::recovery::decode(code).unwrap();
    let c = rusqlite::Connection::open(vault).unwrap();
    c.execute_batch(&format!(
        "PRAGMA key = \"x'{}'\";",
        hex::encode(key.as_bytes())
    ))
    .unwrap();
    c
}

fn newest(c: &rusqlite::Connection) -> i64 {
    c.query_row("SELECT max(id) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

/// Cuts every line after `keep` and sets the counter back, so no number is skipped:
/// what a careful person with the key does.
fn cut_after(c: &rusqlite::Connection, keep: i64) {
    c.execute_batch(
        "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;
         DROP TRIGGER IF EXISTS audit_person_no_delete;",
    )
    .unwrap();
    c.execute("DELETE FROM audit_log WHERE id > ?1", [keep])
        .unwrap();
    c.execute(
        "UPDATE sqlite_sequence SET seq = ?1 WHERE name = 'audit_log'",
        [keep],
    )
    .unwrap();
}

fn key_file(c: &Cli) -> Value {
    let mut p = c.vault.as_os_str().to_owned();
    p.push(".keys");
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

#[test]
fn lines_cut_from_the_end_with_the_key_are_named_by_log_verify() {
    if core_only("a raw SQLCipher connection to the vault") {
        return;
    }
    let c = Cli::new();
    let code = c.init()["recovery_code"].as_str().unwrap().to_string();
    for a in ["Sanne", "Mo", "Yara", "Esra"] {
        c.ok(&["person", "add", "--alias", a]);
    }
    // The close wrote the newest line into the key file, owner-only.
    let head = key_file(&c)["log_head"].clone();
    let mut kpath = c.vault.as_os_str().to_owned();
    kpath.push(".keys");
    assert_private(Path::new(&kpath), "the key file");
    let r = raw(&c.vault, &code);
    let n = newest(&r);
    assert_eq!(head["line"], n, "{head}");
    assert_eq!(head["hash"].as_str().unwrap().len(), 64);
    let ok = c.ok(&["log", "--verify"]);
    assert!(ok.contains("klopt met 1 anker"), "{ok}");

    // The last two persons' lines go; what is left is a chain that holds.
    cut_after(&r, n - 2);
    assert!(
        audit::verify(&r).unwrap().sound,
        "the chain alone sees nothing"
    );
    drop(r);
    let o = c.run(&["log", "--verify"]);
    refused(&o, &format!("regels {}–{n} ontbreken", n - 1));
    let o = c.run(&["log", "--verify", "--lang", "en"]);
    refused(&o, &format!("lines {}–{n} are missing from the log", n - 1));
    let o = c.run(&["log", "--verify", "--json"]);
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (&j["sound"], &j["missing"]),
        (&Value::Bool(false), &serde_json::json!([n - 1, n]))
    );

    // Using the vault on does not write the cut log's head over the evidence: the
    // line numbers are taken again, with other hashes.
    c.ok(&["person", "add", "--alias", "Kees"]);
    c.ok(&["person", "add", "--alias", "Noor"]);
    c.ok(&["person", "list"]);
    assert_eq!(key_file(&c)["log_head"], head);
    let o = c.run(&["log", "--verify"]);
    refused(&o, &format!("regel {n} van het logboek is niet de regel"));
}

#[test]
fn a_vault_put_back_from_an_older_copy_is_caught_by_a_newer_backups_manifest() {
    if core_only("copies of the vault's own files") {
        return;
    }
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    // An older copy of the vault and its key file, as a file-level copy keeps them.
    let old = c.dir.path().join("oud");
    std::fs::create_dir(&old).unwrap();
    let files = |dir: &Path| {
        [
            "kluis.naast",
            "kluis.naast.keys",
            "kluis.naast-wal",
            "kluis.naast-shm",
        ]
        .map(|n| (dir.join(n), old.join(n)))
    };
    for (from, to) in files(c.dir.path()) {
        if from.exists() {
            std::fs::copy(&from, &to).unwrap();
        }
    }
    let cut_from = {
        let head = key_file(&c)["log_head"]["line"].as_i64().unwrap();
        head + 1
    };
    c.ok(&["person", "add", "--alias", "Mo"]);
    c.ok(&["person", "add", "--alias", "Yara"]);
    let b = c.json(&["backup"]);
    let manifest: Value = serde_json::from_slice(
        &std::fs::read(format!("{}.json", b["path"].as_str().unwrap())).unwrap(),
    )
    .unwrap();
    let remembered = manifest["log_head"]["line"].as_i64().unwrap();
    assert!(remembered > cut_from, "{manifest}");
    // The newer lines are gone with the older copy, key file and all: only the
    // backup's manifest remembers them.
    for (to, from) in files(c.dir.path()) {
        let _ = std::fs::remove_file(&to);
        if from.exists() {
            std::fs::copy(&from, &to).unwrap();
        }
    }
    assert_eq!(arr(&c.json(&["person", "list"])).len(), 1);
    let o = c.run(&["log", "--verify"]);
    refused(
        &o,
        &format!("regels {cut_from}–{remembered} ontbreken in het logboek"),
    );
}

#[test]
fn a_restore_of_an_older_backup_is_no_gap_and_skips_the_numbers_it_left_behind() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let older = c.json(&["backup"])["path"].as_str().unwrap().to_string();
    c.ok(&["person", "add", "--alias", "Mo"]);
    // (In the same second as the first: two backups of one second are told apart.)
    c.json(&["backup"]);
    c.ok(&["person", "add", "--alias", "Yara"]);
    let before = key_file(&c)["log_head"]["line"].as_i64().unwrap();
    c.json(&["restore", &older, "--replace"]);
    assert_eq!(arr(&c.json(&["person", "list"])).len(), 1);
    let ok = c.ok(&["log", "--verify"]);
    assert!(ok.contains("de keten is heel"), "{ok}");
    // The restored log numbers on past every line the replaced vault had used, and
    // says which numbers it skipped.
    let lines = c.json(&["log", "--action", "restore"]);
    let skip = arr(&lines)
        .iter()
        .find(|l| l["object"] == "audit_log")
        .unwrap_or_else(|| panic!("no skip line: {lines}"));
    let through = skip["detail"]["skipped_through"].as_i64().unwrap();
    assert!(through >= before, "{skip}");
    c.ok(&["person", "add", "--alias", "Esra"]);
    let ok = c.ok(&["log", "--verify"]);
    assert!(ok.contains("de keten is heel"), "{ok}");
    assert!(key_file(&c)["log_head"]["line"].as_i64().unwrap() > before);
}

const DAY: i64 = 24 * 3600;

#[test]
fn a_prune_past_an_anchor_is_no_gap_but_a_moved_start_without_its_prune_line_is() {
    if core_only("the core's prune and backups") {
        return;
    }
    let t = TestVault::new();
    let (v, code) = t.init_passphrase();
    for a in ["Sanne", "Mo", "Yara"] {
        person::add(
            v.conn(),
            &NewPerson {
                alias: a.into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let now = chrono::Utc::now();
    // A backup now: its manifest remembers a line the prune below removes.
    naast::ways::backup::make(&v, &naast::ways::backup::default_folder(&t.path), now).unwrap();
    for i in 1..=12 {
        audit::record_at(
            v.conn(),
            &audit::Event::new(Action::Unlock, "vault"),
            now.timestamp() + i * 183 * DAY,
        )
        .unwrap();
    }
    drop(v);
    let v = t.open().unwrap();
    let later = now.timestamp() + 12 * 183 * DAY + DAY;
    assert!(audit::prune(v.conn(), later, 5).unwrap() > 0);
    let anchors = naast::ways::backup::log_anchors(&v).unwrap();
    assert_eq!(anchors.len(), 2, "the key file's and the backup's");
    let pruned: i64 = v
        .conn()
        .query_row(
            "SELECT value FROM meta WHERE key = 'audit_anchor_id'",
            [],
            |r| r.get::<_, String>(0),
        )
        .unwrap()
        .parse()
        .unwrap();
    assert!(anchors.iter().any(|a| a.line <= pruned), "{anchors:?}");
    let r = naast::ways::backup::verify_log(&v).unwrap();
    assert!(r.sound, "{r:?}");
    assert_eq!(r.anchors, 2);
    drop(v);

    // The start moved further by hand, with no prune line that says so.
    let raw = raw(&t.path, &code);
    raw.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'audit_anchor_id'",
        [(pruned + 1).to_string()],
    )
    .unwrap();
    drop(raw);
    let v = t.open().unwrap();
    let r = naast::ways::backup::verify_log(&v).unwrap();
    assert!(!r.sound);
    assert_eq!(r.gap, Some(audit::Gap::PruneUnlogged(pruned + 1)));
}

#[test]
fn key_files_and_manifests_from_before_the_anchor_still_verify() {
    if core_only("files written by hand as an older version wrote them") {
        return;
    }
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let b = c.json(&["backup"]);
    // Strip the anchors, as the files of an older version are.
    let mut kpath = c.vault.as_os_str().to_owned();
    kpath.push(".keys");
    let mpath = format!("{}.json", b["path"].as_str().unwrap());
    for p in [Path::new(&kpath), Path::new(&mpath)] {
        let mut v: Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
        assert!(v.as_object_mut().unwrap().remove("log_head").is_some());
        std::fs::write(p, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    }
    let ok = c.ok(&["log", "--verify"]);
    assert!(ok.contains("klopt met 0 ankers"), "{ok}");
    // The close after it learned the head again.
    assert!(key_file(&c)["log_head"]["line"].as_i64().unwrap() > 0);
}
