//! `naast backup`, `backup list`, `backup verify`, `restore`: the forms scripts use.

mod common;

use common::cli::*;
use serde_json::Value;

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

#[test]
fn backup_list_verify_and_restore_as_a_script_uses_them() {
    let c = Cli::new();
    let code = c.init()["recovery_code"].as_str().unwrap().to_string();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    for i in 0..3 {
        c.ok(&[
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "emotional",
            "--note",
            &format!("gesprek {i}"),
        ]);
    }
    let usb = c.dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();

    // naast backup --to DIR --json
    let b = c.json(&["backup", "--to", &win(&usb)]);
    assert_eq!(keys(&b), ["contacts", "made_at", "path", "verified"]);
    assert_eq!(b["contacts"], 3);
    assert_eq!(b["verified"], true);
    let file = b["path"].as_str().unwrap().to_string();
    assert!(file.starts_with(&win(&usb)));
    assert!(chrono::DateTime::parse_from_rfc3339(b["made_at"].as_str().unwrap()).is_ok());
    // Text form: the path alone on standard output.
    let text = c.ok(&["backup", "--to", &win(&usb)]);
    assert!(text.trim().ends_with(".naastbackup"), "{text}");
    assert_eq!(text.lines().count(), 1);
    // Default folder: backups/ beside the vault.
    let d = c.json(&["backup"]);
    assert!(d["path"]
        .as_str()
        .unwrap()
        .starts_with(&win(c.dir.path().join("backups"))));

    // naast backup list --json: newest first, same fields.
    let list = c.json(&["backup", "list", "--to", &win(&usb)]);
    let list = arr(&list);
    assert_eq!(list.len(), 2);
    assert_eq!(keys(&list[0]), ["contacts", "made_at", "path", "verified"]);
    assert!(list[0]["made_at"].as_str() >= list[1]["made_at"].as_str());

    // naast backup verify FILE --json: exit 0 when sound.
    let r = c.json(&["backup", "verify", &file]);
    assert_eq!(r["sound"], true);
    assert_eq!(r["contacts"], 3);
    // With the recovery code instead of the vault's key.
    let code_file = c.dir.path().join("code.txt");
    std::fs::write(&code_file, format!("{code}\n")).unwrap();
    let r = c.json(&[
        "backup",
        "verify",
        &file,
        "--recovery-code-file",
        &win(&code_file),
    ]);
    assert_eq!(r["sound"], true);

    // A damaged copy: exit 1, the problems in the JSON.
    let broken = c.dir.path().join("kapot.naastbackup");
    let mut bytes = std::fs::read(local(&file)).unwrap();
    let n = bytes.len();
    bytes[n - 100] ^= 0x20;
    std::fs::write(&broken, &bytes).unwrap();
    let o = c.run(&["backup", "verify", &win(&broken), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["sound"], false);
    assert!(!arr(&r["problems"]).is_empty());

    // restore: refused over the vault without --replace, nothing changed.
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "practical",
        "--note",
        "later",
    ]);
    let o = c.run(&["restore", &file]);
    refused(&o, "--replace");
    assert_eq!(arr(&c.json(&["contact", "list"])).len(), 4);
    // With --replace: the old vault is kept as a dated copy that still opens.
    let done = c.json(&["restore", &file, "--replace"]);
    assert_eq!(done["contacts"], 3);
    let kept = done["kept"].as_str().unwrap().to_string();
    assert!(kept.contains(".voor-herstel-"), "{kept}");
    assert_eq!(arr(&c.json(&["contact", "list"])).len(), 3);
    let o = c
        .cmd(&[
            "contact",
            "list",
            "--json",
            "--vault",
            &kept,
            "--passphrase-file",
            &win(&c.pass),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let old: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(arr(&old).len(), 4);

    // A new machine: only the file and the code.
    let laptop = tempfile::tempdir().unwrap();
    let target = laptop.path().join("nieuw.naast");
    let o = c
        .cmd(&[
            "restore",
            &file,
            "--recovery-code-file",
            &win(&code_file),
            "--passphrase-file",
            &win(&c.pass),
            "--vault",
            &win(&target),
            "--json",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["mode"], "passphrase");
    assert!(r["kept"].is_null());
    // Without a code and without a vault there is no key: said plainly.
    let o = c
        .cmd(&[
            "restore",
            &file,
            "--vault",
            &win(laptop.path().join("leeg.naast")),
        ])
        .output()
        .unwrap();
    refused(&o, "--recovery-code-file");
}

#[test]
fn a_backup_to_a_missing_folder_is_one_clear_line() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let gone = c.dir.path().join("usb-niet-aangesloten");
    let o = c.run(&["backup", "--to", &win(&gone)]);
    refused(&o, "is er niet");
    assert!(!gone.exists());
    let o = c.run(&["backup", "--to", &win(&gone), "--lang", "en"]);
    refused(&o, "is not there");
    // An output may never be the vault itself.
    let o = c.run(&["backup", "verify", &win(&c.vault)]);
    assert!(!o.status.success());
}
