//! Nothing lost in the app: Undo acts on the contact it names and nothing else, an
//! edit keeps what the form does not show, and locking or closing the window keeps
//! the last keystrokes.

mod common;

use common::*;

const PASS: &str = "wandelen langs de IJssel";

fn contacts_json(app: &App) -> serde_json::Value {
    let out = cli(app, &["contact", "list", "--json"], Some(PASS));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn undo_names_its_contact_and_never_deletes_another() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "undo");
    first_run(&app, Some(PASS));

    // A first contact, saved: the confirmation names it and stays in view.
    app.wait_focus("person-input");
    app.keys("Sanne");
    app.keys(ENTER);
    app.find("#note")
        .keys("Samen naar het UWV-kantoor gefietst.");
    app.keys(&format!("{ALT}1{RELEASE}"));
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    let msg = app.find("#saved-message").text();
    assert!(msg.contains("Sanne"), "{msg}");
    wait_in_view(&app, "#saved-message");

    // A second one without a support type: refused, and the old Undo is gone.
    app.wait_focus("person-input");
    app.keys("Mo");
    app.keys(ENTER);
    app.find("#note")
        .keys("Mo vertelde over zijn nieuwe kamer.");
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    let err = app.find("#form-error").text();
    assert!(err.contains("soort steun"), "{err}");
    wait_in_view(&app, "#form-error");
    assert!(
        !app.exists("#undo"),
        "Undo still offered for the earlier contact"
    );
    app.screenshot("20-save-refused");

    // Fixed and saved: Undo now refers to Mo's contact, and only that one goes.
    app.find("#support-emotional").click();
    app.find("#save").click();
    let msg = app.find("#saved-message").text();
    assert!(msg.contains("Mo") && !msg.contains("Sanne"), "{msg}");
    app.screenshot("21-saved-with-undo");
    app.find("#undo").click();
    app.find("#undone-message");
    // What Undo took back is in the form again, not lost.
    wait_value(&app, "#note", "Mo vertelde over zijn nieuwe kamer.");
    let left = contacts_json(&app);
    let left = left.as_array().unwrap();
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0]["persons"][0], "Sanne");
}

#[test]
fn an_edit_in_the_app_keeps_tags_and_the_check_in_moved_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "edit");
    first_run(&app, Some(PASS));
    // A script adds a contact with an own tag and a check-in, and moves the check-in.
    let ok = |args: &[&str]| {
        let o = cli(&app, args, Some(PASS));
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        o
    };
    ok(&["person", "add", "--alias", "Yara"]);
    ok(&[
        "contact",
        "add",
        "--person",
        "Yara",
        "--support",
        "practical",
        "--tag",
        "koken",
        "--note",
        "Boodschappenlijst gemaakt.",
        "--follow-up",
        "2026-12-01",
    ]);
    let fu: serde_json::Value =
        serde_json::from_slice(&ok(&["followup", "list", "--json"]).stdout).unwrap();
    let fid = fu[0]["id"].as_i64().unwrap().to_string();
    ok(&["followup", "move", &fid, "--to", "2026-12-03"]);

    // In the app: Review → open → Edit → change the note → Save.
    app.find("#nav-review").click();
    app.find("#results .rowbutton").click();
    app.find("#edit-contact").click();
    app.find("#contact-detail #note").keys(" Samen gekookt.");
    app.find("#contact-detail #save").click();
    app.wait_text("Samen gekookt.");

    let c = &contacts_json(&app)[0];
    assert_eq!(c["note"], "Boodschappenlijst gemaakt. Samen gekookt.");
    assert_eq!(c["tags"], serde_json::json!(["koken"]));
    let fu: serde_json::Value =
        serde_json::from_slice(&ok(&["followup", "list", "--json"]).stdout).unwrap();
    assert_eq!(fu.as_array().unwrap().len(), 1);
    assert_eq!(fu[0]["due"], "2026-12-03");
}

#[test]
fn locking_right_after_typing_keeps_the_last_words() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "lockflush");
    first_run(&app, None);
    app.wait_focus("person-input");
    app.find("#note").keys("Vlak voor het vergrendelen getypt.");
    // Lock at once, well inside the autosave pause.
    app.keys(&format!("{CTRL}l{RELEASE}"));
    app.wait_focus("unlock");
    assert!(!app.exists("#note"), "the screen still shows the form");
    app.screenshot("22-locked-keyring");
    // It stays locked: nothing reopens it by itself.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(!app.exists("#nav-log"));
    app.keys(ENTER);
    app.find("#note");
    app.find("#draft-restored");
    wait_value(&app, "#note", "Vlak voor het vergrendelen getypt.");
}

/// Closing the window (its close button, Alt+F4) right after typing: the page
/// writes the last words into the vault before the window goes, as a lock does;
/// they were lost when the window closed inside the autosave pause.
#[test]
fn closing_the_window_right_after_typing_keeps_the_last_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path(), "closeflush");
    first_run(&app, Some(PASS));
    app.wait_focus("person-input");
    app.find("#note").keys("Vlak voor het sluiten getypt.");
    // Closed at once, well inside the autosave pause, with a double click: the
    // second click does not cut the page's writing short.
    app.close_window(2);
    app.relaunch();
    app.find("#passphrase").keys(PASS);
    app.keys(ENTER);
    app.find("#draft-restored");
    wait_value(&app, "#note", "Vlak voor het sluiten getypt.");
    // Closed while locked: at once, nothing to write.
    app.find("#lock").click();
    app.wait_focus("passphrase");
    let asked = std::time::Instant::now();
    app.close_window(1);
    assert!(
        asked.elapsed() < std::time::Duration::from_secs(3),
        // (the page's grace is 5 s)
        "a locked app waited {:?} to close",
        asked.elapsed()
    );
}
