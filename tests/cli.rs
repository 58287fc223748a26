//! The `naast` command line as scripts use it: the documented forms, JSON shapes,
//! and one clear line on stderr with a non-zero exit for every failure.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use common::cli::*;
use common::*;
use serde_json::Value;

#[test]
fn the_documented_session_works_end_to_end() {
    let c = Cli::new();
    let init = c.init();
    assert_eq!(init["vault_id"].as_str().unwrap().len(), 32);
    let code = init["recovery_code"].as_str().unwrap();
    assert_eq!(code.split('-').count(), 14);

    c.ok(&["person", "add", "--alias", "Sanne"]);
    c.ok(&[
        "--passphrase-file",
        c.pass.to_str().unwrap(),
        "person",
        "add",
        "--alias",
        "Mo",
        "--context",
        "colleague",
    ]);
    let people = c.json(&["person", "list"]);
    assert_eq!(arr(&people).len(), 2);

    let added = c.json(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--person",
        "Mo",
        "--at",
        "2026-07-03 14:30",
        "--minutes",
        "60",
        "--mode",
        "walk",
        "--support",
        "practical,emotional",
        "--note",
        "Samen naar het UWV over de uitkering.",
        "--consult",
        "--follow-up",
        "2026-07-10",
    ]);
    assert_eq!(added["at"], "2026-07-03T14:30:00+02:00");
    c.ok(&[
        "contact",
        "add",
        "--person",
        "sanne",
        "--support",
        "navigation",
        "--note",
        "Wachtlijst uitgezocht.",
    ]);

    let list = c.json(&["contact", "list", "--person", "Mo"]);
    let first = &arr(&list)[0];
    for field in ["id", "at", "minutes", "mode", "persons", "support", "note"] {
        assert!(!first[field].is_null(), "missing {field}");
    }
    assert_eq!(first["minutes"], 60);
    assert_eq!(first["mode"], "walk");
    assert_eq!(first["persons"], serde_json::json!(["Mo", "Sanne"]));
    assert_eq!(
        first["support"],
        serde_json::json!(["practical", "emotional"])
    );
    assert_eq!(first["for_consult"], true);
    assert_eq!(first["follow_up"], "2026-07-10");

    // Defaults: now, 45 minutes, the last mode used.
    let second = arr(&c.json(&["contact", "list", "--support", "navigation"]))[0].clone();
    assert_eq!(second["minutes"], 45);
    assert_eq!(second["mode"], "walk");
    assert_eq!(
        arr(&c.json(&[
            "contact",
            "list",
            "--from",
            "2026-07-01",
            "--to",
            "2026-07-31"
        ]))
        .len(),
        1
    );
    assert_eq!(arr(&c.json(&["contact", "list", "--consult"])).len(), 1);

    let hits = c.json(&["search", "uitker"]);
    assert_eq!(arr(&hits).len(), 1);
    assert!(hits[0]["snippet"].as_str().unwrap().contains("[uitkering]"));
    assert_eq!(arr(&c.json(&["followup", "list"])).len(), 2);

    c.ok(&[
        "circle",
        "add",
        "--person",
        "Sanne",
        "--name",
        "dr. Visser",
        "--role",
        "psychiater",
        "--formal",
    ]);
    let b = c.json(&[
        "bridge",
        "add",
        "--person",
        "Sanne",
        "--to",
        "dr. Visser",
        "--kind",
        "question",
        "--text",
        "Kan de dosis besproken worden?",
        "--voice",
        "Ik wil meedenken.",
    ]);
    let id = b["id"].to_string();
    refused(&c.run(&["bridge", "share", &id]), "toestemming");
    c.ok(&[
        "consent",
        "add",
        "--person",
        "Sanne",
        "--to",
        "dr. Visser",
        "--until",
        "2099-12-31",
    ]);
    assert_eq!(c.json(&["bridge", "share", &id])["status"], "shared");
    assert!(c
        .ok(&["bridge", "show", &id])
        .contains("In eigen woorden: \"Ik wil meedenken.\""));

    assert!(c.ok(&["verify"]).contains("in orde"));
}

#[test]
fn every_failure_is_one_clear_line_and_changes_nothing() {
    let c = Cli::new();
    refused(&c.run(&["person", "list"]), "naast init");
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "emotional",
        "--note",
        "eerste",
    ]);
    let before = fingerprint(c.dir.path());

    let big = c.dir.path().join("big.txt");
    std::fs::write(&big, "a".repeat(1 << 20)).unwrap();
    let binary = c.dir.path().join("binary.txt");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let wrong = c.dir.path().join("wrong.txt");
    std::fs::write(&wrong, "dit is hem niet\n").unwrap();
    let add = |extra: &[&str]| {
        let mut a = vec![
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "practical",
        ];
        a.extend(extra);
        c.run(&a)
    };
    refused(
        &c.run(&[
            "contact",
            "add",
            "--person",
            "Nobody",
            "--support",
            "practical",
        ]),
        "naast person add",
    );
    refused(&add(&["--support", "spiritual"]), "spiritual");
    refused(&add(&["--mode", "teleport"]), "teleport");
    refused(&add(&["--minutes", "0"]), "1440");
    refused(&add(&["--minutes", "1441"]), "1440");
    refused(&add(&["--minutes", "veel"]), "veel");
    refused(&add(&["--at", "2026-02-30 10:00"]), "2026-02-30");
    refused(&add(&["--at", "gisteren"]), "gisteren");
    refused(&add(&["--at", "2026-03-29 02:30"]), "klok");
    refused(&add(&["--follow-up", "2026-13-01"]), "2026-13-01");
    refused(&add(&["--note-file", big.to_str().unwrap()]), "200000");
    refused(&add(&["--note-file", binary.to_str().unwrap()]), "UTF-8");
    refused(
        &add(&["--note-file", "/nonexistent/note.txt"]),
        "/nonexistent/note.txt",
    );
    refused(&add(&["--bogus"]), "--bogus");
    refused(
        &c.run(&["contact", "add", "--person", "Sanne"]),
        "--support",
    );
    refused(
        &c.run(&[
            "contact",
            "list",
            "--from",
            "2026-12-01",
            "--to",
            "2026-11-01",
        ]),
        "periode",
    );
    refused(&c.run(&["contact", "show", "999"]), "999");
    refused(&c.run(&["person", "add", "--alias", "sanne"]), "sanne");
    refused(&c.run(&["init"]), "niets overschreven");
    refused(
        &c.cmd(&["contact", "list"]).output().unwrap(),
        "wachtwoordzin",
    );
    refused(
        &c.cmd(&[
            "contact",
            "list",
            "--passphrase-file",
            wrong.to_str().unwrap(),
        ])
        .output()
        .unwrap(),
        "verkeerde wachtwoordzin",
    );
    refused(
        &c.cmd(&[
            "--lang",
            "en",
            "contact",
            "list",
            "--passphrase-file",
            wrong.to_str().unwrap(),
        ])
        .output()
        .unwrap(),
        "wrong passphrase",
    );
    refused(&c.run(&["--lang", "fr", "person", "list"]), "fr");
    refused(&c.run(&["bridge", "list", "--status", "lost"]), "lost");

    let mut after = fingerprint(c.dir.path());
    for f in ["big.txt", "binary.txt", "wrong.txt"] {
        after.remove(f);
    }
    // The WAL may have been checkpointed by a reader; the content must be the same.
    let names = |m: &std::collections::BTreeMap<String, String>| {
        m.keys()
            .filter(|k| !k.ends_with("-wal") && !k.ends_with("-shm"))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&after), names(&before));
    assert_eq!(arr(&c.json(&["contact", "list"])).len(), 1);
}

#[test]
fn html_and_long_notes_come_back_exactly() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let html = "<img src=x onerror=alert(1)> <script>alert('x')</script> ëï\n";
    let long = html.repeat(2_000);
    assert!(long.chars().count() >= 100_000);
    let f = c.dir.path().join("note.txt");
    std::fs::write(&f, &long).unwrap();
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "informational",
        "--note-file",
        f.to_str().unwrap(),
    ]);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "informational",
        "--note",
        html,
    ]);
    let list = c.json(&["contact", "list"]);
    assert_eq!(list[0]["note"], html);
    assert_eq!(list[1]["note"].as_str().unwrap(), long);
}

#[test]
fn contact_list_has_no_silent_limit() {
    let c = Cli::new();
    c.init();
    let demo = c.json(&["demo", "--people", "7", "--contacts", "1234"]);
    assert_eq!(demo["contacts"], 1234);
    assert_eq!(arr(&c.json(&["contact", "list"])).len(), 1234);
    let people = c.json(&["person", "list"]);
    assert!(arr(&people)
        .iter()
        .all(|p| p["alias"].as_str().unwrap().ends_with("(demo)")));
    assert!(c.ok(&["verify"]).contains("in orde"));
}

#[test]
fn recover_reads_the_code_from_stdin_when_the_key_file_is_gone() {
    let c = Cli::new();
    let code = c.init()["recovery_code"].as_str().unwrap().to_string();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    std::fs::remove_file(naast::vault::keyfile::path_for(&c.vault)).unwrap();
    refused(&c.run(&["person", "list"]), "naast recover");

    let recover = |code: &str| {
        let mut child = c
            .cmd(&["recover", "--passphrase-file", c.pass.to_str().unwrap()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(code.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    refused(&recover("ABCD-EFGH-1234\n"), "typefout");
    let o = recover(&format!("{}\n", code.to_lowercase()));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(arr(&c.json(&["person", "list"])).len(), 1);
}

#[test]
fn without_a_keyring_service_init_says_so_and_offers_passphrase_mode() {
    let c = Cli::new();
    let o = c
        .cmd(&["init"])
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .output()
        .unwrap();
    refused(&o, "--passphrase-file");
    assert!(!Path::new(&c.vault).exists());
    let o = c
        .cmd(&["--lang", "en", "init"])
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .output()
        .unwrap();
    refused(&o, "no keyring service answers");
    c.init();
}

#[test]
fn a_person_can_be_exported_and_erased() {
    let c = Cli::new();
    c.init();
    c.ok(&[
        "person",
        "add",
        "--alias",
        "Sanne",
        "--wishes",
        "Weer fietsen.",
    ]);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "emotional",
        "--note",
        "Over fietsen gepraat.",
    ]);
    let out = c.dir.path().join("sanne.json");
    c.ok(&["person", "export", "Sanne", "--out", out.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["person"]["wishes"], "Weer fietsen.");
    assert_eq!(arr(&v["contacts"]).len(), 1);
    refused(
        &c.run(&["person", "export", "Sanne", "--out", out.to_str().unwrap()]),
        "sanne.json",
    );
    refused(&c.run(&["person", "erase", "Sanne"]), "--yes");
    c.ok(&["person", "erase", "Sanne", "--yes"]);
    assert!(arr(&c.json(&["person", "list"])).is_empty());
    assert!(arr(&c.json(&["search", "fietsen"])).is_empty());
}

#[test]
fn the_cli_leaves_nothing_in_the_temp_folder() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "emotional",
        "--note",
        "TEMPMARKER notitie",
    ]);
    c.ok(&["search", "TEMPMARKER"]);
    c.ok(&["contact", "list"]);
    let tmp: Vec<_> = std::fs::read_dir(c.dir.path().join("tmp"))
        .unwrap()
        .collect();
    assert!(tmp.is_empty(), "{tmp:?}");
}

#[test]
fn summary_writes_a_private_html_file() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "emotional",
        "--at",
        "2026-10-05 10:00",
        "--note",
        "Voor het overleg <b>x</b>",
        "--consult",
    ]);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "practical",
        "--at",
        "2026-10-06 10:00",
        "--note",
        "Niet voor het overleg",
    ]);
    let out = c.dir.path().join("overleg.html");
    let o = out.to_str().unwrap();
    let r = c.json(&[
        "summary",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        o,
    ]);
    assert_eq!(
        (r["contacts"].as_i64(), r["people"].as_i64()),
        (Some(2), Some(1))
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Voor het overleg &lt;b&gt;x&lt;/b&gt;"));
    assert!(!html.contains("Niet voor het overleg") && !html.contains("Sanne"));
    c.ok(&[
        "summary",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--person",
        "Sanne",
        "--level",
        "alias",
        "--lang",
        "en",
        "--all-notes",
        "--out",
        o,
    ]);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("Niet voor het overleg")
            && html.contains("Sanne")
            && html.contains("CONFIDENTIAL")
    );
    refused(
        &c.run(&[
            "summary",
            "--from",
            "2026-10-31",
            "--to",
            "2026-10-01",
            "--out",
            o,
        ]),
        "periode",
    );
    refused(
        &c.run(&[
            "summary",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-31",
            "--level",
            "everything",
            "--out",
            o,
        ]),
        "everything",
    );
    refused(
        &c.run(&[
            "summary",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-31",
            "--out",
            c.vault.to_str().unwrap(),
        ]),
        "kluis.naast",
    );
}
