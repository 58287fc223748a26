//! The real app, in the real webview, as a peer supporter uses it.
//! Run by `make test` through scripts/e2e.sh (Xvfb, D-Bus keyring, tauri-driver).

mod common;

use common::*;

const PASS: &str = "wandelen langs de IJssel";

fn no_serious_axe(app: &App, screen: &str) {
    let v = app.axe();
    assert!(v.is_empty(), "accessibility problems on {screen}: {v:#?}");
}

#[test]
fn passphrase_vault_log_find_person_restart_and_english() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path(), "pass");
    app.find("#create-vault");
    app.screenshot("01-first-run");
    no_serious_axe(&app, "first run");
    first_run(&app, Some(PASS));

    // Log a contact with the keyboard only: the person field has focus.
    app.wait_focus("person-input");
    app.screenshot("02-log-contact");
    no_serious_axe(&app, "log a contact");
    let started = std::time::Instant::now();
    app.keys("Sanne");
    app.keys(ENTER); // "Nieuwe persoon: Sanne"
    app.find(".chip");
    app.find("#note")
        .keys("Samen de brief over de uitkering gelezen. <img src=x onerror=alert(1)>");
    app.keys(&format!("{ALT}2{RELEASE}")); // emotional, while typing the note
    app.keys(&format!("{ALT}1{RELEASE}")); // practical
    assert_eq!(
        app.js("return document.querySelectorAll('.toggle[aria-pressed=true]').length")
            .as_i64(),
        Some(2)
    );
    app.find("#own-words")
        .keys("Ik wil zelf mijn post weer openen.");
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.find("#saved-message");
    app.wait_focus("person-input"); // ready for the next one
    eprintln!("logging a contact by keyboard took {:?}", started.elapsed());

    // Review: it is there, and search finds it with a highlighted snippet.
    app.keys(&format!("{CTRL}3{RELEASE}"));
    app.find("#results li");
    app.wait_text("Sanne");
    app.screenshot("03-review");
    no_serious_axe(&app, "review");
    app.find("#search").keys("uitker");
    app.find("#results mark");
    assert!(app
        .find("#results mark")
        .text()
        .to_lowercase()
        .starts_with("uitkering"));

    // Markup in a note is shown as text, never run.
    app.find("#results .rowbutton").click();
    let note = app.find("#detail-note").text();
    assert!(note.contains("<img src=x onerror=alert(1)>"), "{note}");
    assert_eq!(
        app.js("return document.querySelectorAll('img').length")
            .as_i64(),
        Some(0)
    );

    // The person page shows the contact in the timeline.
    app.find("#nav-people").click();
    app.find("#people-list .rowbutton").click();
    app.find("#timeline");
    app.wait_text("Samen de brief over de uitkering");
    app.screenshot("04-person");
    no_serious_axe(&app, "person page");
    app.find("#person-back").click(); // back to the list
    app.find("#people-list");

    for (nav, name) in [
        ("#nav-bridges", "05-bridge-notes"),
        ("#nav-checkins", "06-check-ins"),
        ("#nav-consult", "07-consult"),
        ("#nav-settings", "08-settings"),
    ] {
        app.find(nav).click();
        app.find("main h1");
        std::thread::sleep(std::time::Duration::from_millis(300));
        app.screenshot(name);
        no_serious_axe(&app, name);
    }

    // Restart: the passphrase vault asks for its passphrase.
    app.restart();
    app.find("#passphrase").keys("niet de goede zin");
    app.find("#unlock").click();
    app.find("#unlock-error");
    app.screenshot("09-unlock-wrong");
    app.find("#passphrase").clear().keys(PASS);
    app.find("#unlock").click();
    app.find("#nav-log");

    // Switch to English.
    app.find("#nav-settings").click();
    app.find("#language option[value=en]").click();
    app.find("#save-settings").click();
    app.wait_text("Log a contact");
    // About, below the settings, asks the core again in the new language.
    app.wait_text("Naast never uses the network");
    assert!(!app.body_text().contains("nooit het netwerk"));
    app.find("#nav-log").click();
    app.wait_text("With whom");
    app.screenshot("10-english");
}

#[test]
fn keyring_vault_and_a_draft_survives_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path(), "keyring");
    let code = first_run(&app, None);
    assert_eq!(code.split('-').count(), 14);
    app.wait_focus("person-input");
    app.find("#note")
        .keys("Halverwege getypt: de wachtlijst en de huisarts.");
    std::thread::sleep(std::time::Duration::from_millis(1500)); // autosave settles
    app.crash_and_restart();
    // Keyring mode needs no passphrase, but never opens by itself: Openen (Enter).
    app.wait_focus("unlock");
    assert!(!app.exists("#nav-log"), "the vault opened by itself");
    app.keys(ENTER);
    app.find("#nav-log");
    app.find("#note");
    app.find("#draft-restored");
    assert_eq!(
        app.find("#note").value(),
        "Halverwege getypt: de wachtlijst en de huisarts."
    );
    let files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for f in &files {
        let bytes = std::fs::read(dir.path().join(f)).unwrap();
        assert!(
            !bytes.windows(10).any(|w| w == b"Halverwege"),
            "draft text in plaintext in {f}"
        );
    }
}

#[test]
fn sharing_a_bridge_note_needs_consent() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "bridge");
    first_run(&app, Some(PASS));
    app.find("#nav-people").click();
    app.find("#new-alias").keys("Mo");
    app.find("#new-alias").keys(ENTER);
    app.find("#member-name").keys("dr. Visser");
    app.find("#member-role").keys("psychiater");
    app.find("#member-role").keys(ENTER);
    app.wait_text("dr. Visser");

    app.find("#nav-bridges").click();
    app.find("#bridge-person option:nth-child(2)").click();
    app.find("#bridge-to option");
    app.find("#bridge-text")
        .keys("Mo merkt al weken geen verschil.");
    app.find("#bridge-voice").keys("Ik wil gehoord worden.");
    app.find("form.panel button.primary").click();
    app.find("button.share").click();
    let err = app.find("#bridge-error").text();
    assert!(err.contains("toestemming"), "{err}");
    app.screenshot("11-bridge-blocked");

    app.find("#nav-people").click();
    app.find("#people-list .rowbutton").click();
    app.find("#consent-until").keys("31-12-2099");
    app.find("#consent-until").keys(ENTER);
    app.wait_text("2099");
    app.find("#nav-bridges").click();
    app.find("button.share").click();
    app.wait_text("Gedeeld (1)");
}

#[test]
fn consult_preview_shows_the_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "consult");
    first_run(&app, Some(PASS));
    app.wait_focus("person-input");
    app.keys("Kees");
    app.keys(ENTER);
    // The new person's chip: until it shows, the picker's list (still open while the
    // person is being added) lies over the support toggles and takes the click.
    app.find(".chip");
    app.find("#support-navigation").click();
    app.find("#signal").click();
    app.find("#consult").click();
    app.find("#note")
        .keys("Kees wil verder dan ik kan helpen; doorverwijzen besproken.");
    app.find("#save").click();
    app.find("#saved-message");
    // The Consult screen warms the webview's fonts with a made-up summary in a
    // hidden frame, and takes the frame away once it has loaded.
    app.js("window.__warm = 0; new MutationObserver(() => { if (document.querySelector('iframe.warm')) window.__warm = 1; }).observe(document.body, { childList: true, subtree: true }); return 1;");
    app.find("#nav-consult").click();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while app.js("return window.__warm").as_i64() != Some(1) || app.exists("iframe.warm") {
        assert!(
            std::time::Instant::now() < deadline,
            "the warm-up frame did not come and go"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    app.find("#last-4-weeks").click();
    app.find("#preview").click();
    app.find("#consult-facts");
    app.wait_text("1 persoon, 1 contactmoment, 1 agendapunt");
    app.find("#summary-frame");
    std::thread::sleep(std::time::Duration::from_millis(800));
    app.screenshot("12-consult-preview");
}
