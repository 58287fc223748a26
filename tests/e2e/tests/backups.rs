//! Backups in the real app: made from Settings → Back-ups and checked there, made by
//! itself when the vault is locked after a change, the home screen's reminder, and a
//! new laptop restored from the first screen with only the file and the code.

mod common;

use common::*;
use serde_json::Value;

const PASS: &str = "wandelen langs de IJssel";

fn ok(app: &App, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let o = cli(app, &all, Some(PASS));
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap_or(Value::Null)
}

fn backups(app: &App) -> Vec<Value> {
    ok(app, &["backup", "list"])
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !f() {
        assert!(std::time::Instant::now() < deadline, "waited for {what}");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

#[test]
fn backups_from_settings_and_by_themselves_on_lock() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "backups");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Sanne"]);
    ok(
        &app,
        &[
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "emotional",
            "--note",
            "Samen gewandeld.",
        ],
    );
    // The home screen reminds, calmly, that there is no backup yet.
    app.find("#nav-people").click();
    app.find("#nav-log").click();
    let r = app.find("#backup-reminder").text();
    assert!(r.contains("nog geen back-up"), "{r}");

    app.find("#backup-reminder-go").click();
    app.find("#backup-now").click();
    let msg = app.find("#backup-message").text();
    assert!(
        msg.contains("gecontroleerd") && msg.contains("1 contactmoment"),
        "{msg}"
    );
    let last = app.find("#backup-last").text();
    assert!(last.starts_with("Laatste geverifieerde back-up"), "{last}");
    assert_eq!(backups(&app).len(), 1);
    // The restore drill: checked read-only, with what it holds.
    app.find("#backup-verify-0").click();
    let checked = app.find("#backup-result-0").text();
    assert!(
        checked.contains("In orde") && checked.contains("1 contactmoment"),
        "{checked}"
    );
    app.screenshot("40-settings-backups");
    // With a backup, no reminder.
    app.find("#nav-log").click();
    app.find("#note");
    assert!(!app.exists("#backup-reminder"));

    // A change, then the lock: a backup is made by itself.
    ok(
        &app,
        &[
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "practical",
            "--note",
            "Formulier ingevuld.",
        ],
    );
    app.find("#lock").click();
    app.find("#unlock");
    wait_for("a backup made on lock", || backups(&app).len() == 2);
    let newest = &backups(&app)[0];
    assert_eq!(newest["contacts"], 2);
    assert_eq!(newest["verified"], true);
    // Written down in the vault (the log has it) only after the file is there; from
    // then on the vault knows nothing changed since.
    wait_for("the backup on lock written down", || {
        ok(&app, &["log", "--action", "backup"])
            .as_array()
            .is_some_and(|l| l.len() == 2)
    });
    // Locking again without a change makes none.
    app.find("#passphrase").keys(PASS);
    app.keys(ENTER);
    app.find("#nav-log");
    app.find("#lock").click();
    app.find("#unlock");
    std::thread::sleep(std::time::Duration::from_secs(2));
    assert_eq!(backups(&app).len(), 2);
    let logged = ok(&app, &["log", "--action", "backup"]);
    assert_eq!(logged.as_array().map(Vec::len), Some(2), "{logged}");

    // Settings → Back-ups → Terugzetten: the first backup comes back, and the vault
    // that was there is kept whole beside it.
    let first = backups(&app)[1]["path"].as_str().unwrap().to_string();
    app.find("#passphrase").keys(PASS);
    app.keys(ENTER);
    app.find("#nav-settings").click();
    app.find("#restore-file").keys(&first);
    app.find("#restore-pass").keys(PASS);
    assert!(
        app.js("return document.querySelector('#restore-go').disabled") == Value::Bool(true),
        "restore without the confirmation"
    );
    app.find("#restore-sure").click();
    app.find("#restore-go").click();
    let msg = app.find("#backup-message").text();
    assert!(
        msg.contains("teruggezet") && msg.contains("voor-herstel"),
        "{msg}"
    );
    let contacts = ok(&app, &["contact", "list"]);
    assert_eq!(contacts.as_array().unwrap().len(), 1);
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".voor-herstel-") && !n.ends_with(".keys"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    // Still working: the app is open on the restored vault.
    app.find("#nav-log").click();
    app.find("#note");
}

#[test]
fn a_new_laptop_is_restored_from_the_first_screen_with_the_file_and_the_code() {
    // The old laptop: a vault with notes and one backup, made on the command line.
    let old = tempfile::tempdir().unwrap();
    let bin = target().join("debug/naast");
    let pass_file = old.path().join("pw.txt");
    std::fs::write(&pass_file, PASS).unwrap();
    let run = |args: &[&str]| -> Value {
        let o = std::process::Command::new(&bin)
            .args(args)
            .args(["--json", "--passphrase-file"])
            .arg(&pass_file)
            .env("NAAST_VAULT", old.path().join("oud.naast"))
            .env("NAAST_KEYRING_SERVICE", "naast-e2e-old-laptop")
            .env_remove("NAAST_LANG")
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        serde_json::from_slice(&o.stdout).unwrap_or(Value::Null)
    };
    let code = run(&["init"])["recovery_code"]
        .as_str()
        .unwrap()
        .to_string();
    run(&["person", "add", "--alias", "Mo"]);
    for note in ["Eerste gesprek.", "Samen naar het UWV.", "Terugblik."] {
        run(&[
            "contact",
            "add",
            "--person",
            "Mo",
            "--support",
            "emotional",
            "--note",
            note,
        ]);
    }
    let file = run(&["backup"])["path"].as_str().unwrap().to_string();

    // The new laptop: no vault, only the file and the code.
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "restore");
    app.find("#have-backup").click();
    app.find("#restore-first-file").keys(&file);
    // A typo in the code is caught, and nothing is made.
    app.find("#restore-first-code").keys("AAAA-BBBB");
    app.find("input[name=restore-mode][value=passphrase]")
        .click();
    app.find("#restore-first-pass1").keys(PASS);
    app.find("#restore-first-pass2").keys(PASS);
    app.find("#restore-first-go").click();
    let err = app.find("#restore-first-error").text();
    assert!(err.contains("herstelcode"), "{err}");
    assert!(!dir.path().join("kluis.naast").exists());
    app.find("#restore-first-code").clear().keys(&code);
    app.screenshot("41-restore-first-run");
    app.find("#restore-first-go").click();
    app.find("#nav-log");
    let list = ok(&app, &["contact", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 3);
    // The backup file itself is untouched and still sound.
    let r = run(&["backup", "verify", &file]);
    assert_eq!(r["sound"], true);
}
