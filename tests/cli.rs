//! The `naast` command line as scripts use it: the documented forms, JSON shapes,
//! and one clear line on stderr with a non-zero exit for every failure.

mod common;

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
        &win(&c.pass),
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
    refused(&add(&["--note-file", &win(&big)]), "200000");
    refused(&add(&["--note-file", &win(&binary)]), "geen leesbare tekst");
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
        &c.cmd(&["contact", "list", "--passphrase-file", &win(&wrong)])
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
            &win(&wrong),
        ])
        .output()
        .unwrap(),
        "wrong passphrase",
    );
    refused(&c.run(&["--lang", "fr", "person", "list"]), "fr");
    refused(&c.run(&["bridge", "list", "--status", "lost"]), "lost");
    // Numbers and dates out of any sane range: one clear line, never a panic.
    refused(
        &c.run(&["stagnation", "--weeks", "100000000"]),
        "tussen 1 en 520",
    );
    refused(
        &c.run(&["stagnation", "--weeks", "99999999999999"]),
        "geen geldige waarde voor --weeks",
    );
    refused(
        &c.run(&["search", "x", "--limit", "0"]),
        "tussen 1 en 10000",
    );
    for bad in ["0000-01-01", "0226-11-23", "+20261-11-23"] {
        refused(&add(&["--follow-up", bad]), bad);
        refused(&c.run(&["contact", "list", "--from", bad]), bad);
    }
    refused(&add(&["--at", "0226-11-23 14:30"]), "0226-11-23");
    refused(&add(&["--at", "+20261-11-23 14:30"]), "+20261");
    refused(&c.run(&["demo", "--people", "0"]), "tussen 1 en 1000");
    // A refused output: the vault's bytes never change, whatever the file name.
    let v = &win(&c.vault).to_string();
    for out in [
        "/nonexistent/x.html".to_string(),
        v.clone(),
        format!("{v}.keys"),
        format!("{v}-wal"),
        format!("{v}-shm"),
        format!("{v}-journal"),
    ] {
        refused(
            &c.run(&[
                "summary",
                "--from",
                "2026-10-01",
                "--to",
                "2026-10-31",
                "--out",
                &out,
            ]),
            &out,
        );
    }
    // Nor through a symlink to the vault or to its log.
    let links = c.dir.path().join("links");
    std::fs::create_dir(&links).unwrap();
    // (Made on this machine's side: under Wine they are links of its Z: drive.)
    let lv = c.vault.display().to_string();
    for (name, target) in [("v.html", lv.clone()), ("w.html", format!("{lv}-wal"))] {
        let link = links.join(name);
        std::os::unix::fs::symlink(&target, &link).unwrap();
        refused(
            &c.run(&[
                "summary",
                "--from",
                "2026-10-01",
                "--to",
                "2026-10-31",
                "--out",
                &win(&link),
            ]),
            "Naast schrijft daar nooit",
        );
    }
    // Erasing needs --yes, and says so in Dutch without a stray English word.
    refused(&c.run(&["person", "erase", "Sanne"]), "bevestig met --yes");
    // clap's own errors reach the user in Dutch too.
    refused(&add(&["--bogus"]), "onbekende optie '--bogus'");
    refused(&c.run(&["contact", "frobnicate"]), "onbekend commando");
    // A long alias is not a note: no advice to split it over two notes.
    let long = "a".repeat(201);
    let o = c.run(&["person", "add", "--alias", &long]);
    refused(&o, "200");
    assert!(!String::from_utf8_lossy(&o.stderr).contains("notities"));

    let mut after = fingerprint(c.dir.path());
    for f in ["big.txt", "binary.txt", "wrong.txt"] {
        after.remove(f);
    }
    // Refused means byte-identical: the vault and its key file, every byte.
    assert_eq!(after, before);
    assert_eq!(arr(&c.json(&["contact", "list"])).len(), 1);
}

#[test]
fn the_language_may_come_from_a_locale_and_every_word_is_in_it() {
    let c = Cli::new();
    c.init();
    let run = |lang: &str, args: &[&str]| {
        let mut all = args.to_vec();
        let pass = win(&c.pass);
        all.extend(["--passphrase-file", &pass]);
        c.cmd(&all).env("NAAST_LANG", lang).output().unwrap()
    };
    let o = run("en_US.UTF-8", &["person", "add", "--alias", "Sanne"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    refused(
        &run("en_US.UTF-8", &["contact", "show", "7"]),
        "no contact '7'",
    );
    refused(
        &run("nl_NL.UTF-8", &["contact", "show", "7"]),
        "geen contactmoment '7'",
    );
    // A locale Naast does not speak falls back to Dutch instead of refusing.
    refused(
        &run("fr_FR.UTF-8", &["contact", "show", "7"]),
        "geen contactmoment",
    );
    let o = run("en_GB.UTF-8", &["person", "erase", "Sanne", "--yes"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "Sanne was erased, with 0 contacts."
    );
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
        &win(&f),
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
    std::fs::remove_file(naast::store::keys::keyfile::path_for(&c.vault)).unwrap();
    refused(&c.run(&["person", "list"]), "naast recover");

    let recover = |code: &str| c.run_with_stdin(&["recover"], code);
    refused(&recover("ABCD-EFGH-1234\n"), "typefout");
    let o = recover(&format!("{}\n", code.to_lowercase()));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(arr(&c.json(&["person", "list"])).len(), 1);
}

#[test]
fn without_a_keyring_service_init_says_so_and_offers_passphrase_mode() {
    if not_on_windows(
        "no keyring service",
        "the Credential Manager is part of Windows; there is no D-Bus to take away",
    ) {
        return;
    }
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
    c.ok(&["person", "export", "Sanne", "--out", &win(&out)]);
    let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["person"]["wishes"], "Weer fietsen.");
    assert_eq!(arr(&v["contacts"]).len(), 1);
    assert_private(&out, "an export");
    // A retry (or a second export) replaces the file whole; nothing else is left.
    // The second one knows about the first: an export is what left the vault.
    c.ok(&["person", "export", "Sanne", "--out", &win(&out)]);
    let again: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(again["contacts"], v["contacts"]);
    assert_eq!(arr(&again["shared_log"]).len(), 1);
    assert_eq!(again["shared_log"][0]["action"], "export");
    let stray: Vec<String> = std::fs::read_dir(c.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".new"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
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
    let o = &win(&out);
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
    assert_private(&out, "a saved summary");
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
            &win(&c.vault),
        ]),
        "kluis.naast",
    );
}

#[test]
fn an_edit_changes_exactly_the_fields_given() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    c.ok(&["person", "add", "--alias", "Mo"]);
    let made = c.json(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--at",
        "2026-11-20 14:30",
        "--minutes",
        "60",
        "--mode",
        "walk",
        "--initiative",
        "me",
        "--support",
        "practical,emotional",
        "--tag",
        "fietsen",
        "--note",
        "Samen de brief gelezen.",
        "--own-words",
        "Ik wil het zelf doen.",
        "--own-experience-note",
        "Mijn eigen brief van toen.",
        "--signal-note",
        "Slaapt slecht.",
        "--consult",
        "--follow-up",
        "2026-11-27",
    ]);
    let id = made["id"].as_i64().unwrap().to_string();
    let fu = c.json(&["followup", "list"]);
    assert_eq!(arr(&fu).len(), 1);
    // A check-in moved on the Check-ins screen is the user's own: edits leave it be.
    let fid = fu[0]["id"].as_i64().unwrap().to_string();
    c.ok(&["followup", "move", &fid, "--to", "2026-11-29"]);

    let edited = c.json(&["contact", "edit", &id, "--minutes", "45"]);
    let mut expect = made.clone();
    expect["minutes"] = 45.into();
    assert_eq!(edited, expect, "only the minutes changed");
    let fu_after = c.json(&["followup", "list"]);
    assert_eq!(arr(&fu_after).len(), 1);
    assert_eq!(fu_after[0]["due"], "2026-11-29");

    let edited = c.json(&["contact", "edit", &id, "--no-consult", "--tag", "geld"]);
    assert_eq!(edited["for_consult"], false);
    assert_eq!(edited["tags"], serde_json::json!(["geld"]));
    assert_eq!(edited["note"], "Samen de brief gelezen.");
    assert_eq!(edited["signal_note"], "Slaapt slecht.");
    let edited = c.json(&[
        "contact", "edit", &id, "--person", "Mo", "--person", "Sanne",
    ]);
    assert_eq!(edited["persons"], serde_json::json!(["Mo", "Sanne"]));
    assert_eq!(
        edited["support"],
        serde_json::json!(["practical", "emotional"])
    );
    // Mo joined a contact with a next check-in: he gets one; Sanne keeps her moved one.
    let fu = c.json(&["followup", "list"]);
    let mut dues: Vec<(String, String)> = arr(&fu)
        .iter()
        .map(|f| {
            (
                f["person"].as_str().unwrap().to_string(),
                f["due"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    dues.sort();
    assert_eq!(
        dues,
        vec![
            ("Mo".to_string(), "2026-11-27".to_string()),
            ("Sanne".to_string(), "2026-11-29".to_string())
        ]
    );
    refused(&c.run(&["contact", "edit", &id]), "niets te wijzigen");
    refused(
        &c.run(&["contact", "edit", &id, "--support", "spiritual"]),
        "spiritual",
    );
    let unchanged = c.json(&["contact", "show", &id]);
    assert_eq!(unchanged["tags"], serde_json::json!(["geld"]));
}

#[test]
fn an_id_is_never_given_twice_so_a_repeated_delete_cannot_hit_a_new_contact() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let add = |note: &str| {
        c.json(&[
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "emotional",
            "--note",
            note,
        ])["id"]
            .as_i64()
            .unwrap()
    };
    let first = add("een");
    let second = add("twee");
    c.ok(&["contact", "delete", &second.to_string()]);
    let third = add("drie");
    assert!(third > second, "{third} reused a deleted id");
    // The script runs its old line again: refused, and the new contact stays.
    refused(
        &c.run(&["contact", "delete", &second.to_string()]),
        &second.to_string(),
    );
    assert_eq!(
        c.json(&["contact", "show", &third.to_string()])["note"],
        "drie"
    );
    assert_eq!(
        c.json(&["contact", "show", &first.to_string()])["note"],
        "een"
    );
    // People too.
    let mo = c.json(&["person", "add", "--alias", "Mo"])["id"]
        .as_i64()
        .unwrap();
    c.ok(&["person", "erase", "Mo", "--yes"]);
    let yara = c.json(&["person", "add", "--alias", "Yara"])["id"]
        .as_i64()
        .unwrap();
    assert!(yara > mo);
}

#[test]
fn demo_data_is_all_or_nothing() {
    let c = Cli::new();
    c.init();
    let before = fingerprint(c.dir.path());
    let mut child = {
        let mut cmd = c.cmd(&[
            "demo",
            "--people",
            "20",
            "--contacts",
            "400000",
            "--passphrase-file",
            &win(&c.pass),
        ]);
        cmd.stdout(Stdio::null()).stderr(Stdio::null());
        cmd.spawn().unwrap()
    };
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let _ = child.kill();
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the demo finished before it could be killed"
    );
    // Nothing of the half-done run is visible, and a rerun works.
    assert!(arr(&c.json(&["person", "list"])).is_empty());
    c.ok(&["demo", "--people", "3", "--contacts", "10"]);
    c.ok(&["demo", "--people", "3", "--contacts", "10"]);
    assert_eq!(arr(&c.json(&["person", "list"])).len(), 6);
    assert_eq!(arr(&c.json(&["contact", "list"])).len(), 20);
    let _ = before;
}

#[test]
fn an_export_on_a_full_disk_leaves_nothing_and_a_retry_works() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let note = c.dir.path().join("note.txt");
    std::fs::write(&note, "Een lange notitie over de week. ".repeat(5000)).unwrap();
    for _ in 0..12 {
        c.ok(&[
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "emotional",
            "--note-file",
            &win(&note),
        ]);
    }
    let disk = SmallDisk::new("1m");
    let out = disk.0.path().join("sanne.json");
    refused(
        &c.run(&["person", "export", "Sanne", "--out", &win(&out)]),
        "de schijf is vol",
    );
    let left: Vec<_> = std::fs::read_dir(disk.0.path()).unwrap().collect();
    assert!(left.is_empty(), "a full disk left {left:?}");
    disk.resize("16m");
    c.ok(&["person", "export", "Sanne", "--out", &win(&out)]);
    let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(arr(&v["contacts"]).len(), 12);
    assert_eq!(std::fs::read_dir(disk.0.path()).unwrap().count(), 1);
}

#[test]
fn verify_names_damage_in_words_and_never_sends_you_back_to_verify() {
    let c = Cli::new();
    c.init();
    c.ok(&["demo", "--people", "5", "--contacts", "600"]);
    let mut bytes = std::fs::read(&c.vault).unwrap();
    let pages = bytes.len() / 4096;
    assert!(pages > 40);
    // Data pages deep inside: the vault still opens, and verify must list them.
    for page in [pages / 2, pages * 6 / 10, pages * 7 / 10] {
        bytes[page * 4096 + 700] ^= 0xff;
    }
    std::fs::write(&c.vault, &bytes).unwrap();
    let o = c.run(&["verify"]);
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        out.lines().filter(|l| l.starts_with("pagina ")).count() >= 3,
        "{out}"
    );
    assert!(
        !out.contains("logic error") && !err.contains("logic error"),
        "{out}{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("beschadigd") && err.contains("naast restore"),
        "{err}"
    );
    assert!(!err.contains("naast verify"), "{err}");
    // Any other command on it: one line, a way out, never "run verify".
    let o = c.run(&["search", "brief"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("naast verify"), "{err}");
}
