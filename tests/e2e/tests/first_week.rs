//! The key in a first week (issue 22): the recovery code and "Wie ben jij?" cannot be
//! skipped by closing the app, the passphrase cannot be changed without the current
//! one (or the code), the browser's own checks speak Dutch on an English system, the
//! unlock error names a link that is there, and `naast about` needs no passphrase.

mod common;

use common::*;

const PASS: &str = "wandelen langs de IJssel";

/// The recovery code on screen, without the line breaks of its wrapping.
fn code_on_screen(app: &App) -> String {
    app.find("#recovery-code")
        .text()
        .split_whitespace()
        .collect()
}

/// Types the group of the code the screen asks for, and confirms.
fn confirm_code(app: &App, code: &str) {
    let n: usize = app
        .js("return document.querySelector('#code-check').parentElement.textContent")
        .as_str()
        .and_then(|t| t.split_whitespace().find_map(|w| w.parse().ok()))
        .expect("the check asks for a group number");
    app.wait_focus("code-check");
    app.find("#code-check")
        .keys(code.split('-').nth(n - 1).unwrap());
    app.find("#code-confirm").click();
}

fn unlock(app: &App, pass: &str) {
    app.wait_focus("passphrase");
    app.keys(pass);
    app.keys(ENTER);
}

#[test]
fn the_recovery_code_and_who_you_are_come_back_until_they_are_done() {
    let dir = tempfile::tempdir().unwrap();
    // An English system, a Dutch app: the browser's bubbles used to speak English.
    let mut app = App::start_locale(dir.path(), "firstweek", "en_US.UTF-8");
    app.find("input[value=passphrase]").click();
    app.find("#pass1").keys("kort");
    app.find("#pass2").keys("kort");
    app.find("#create-vault").click();
    let bubble = app
        .js("return document.querySelector('#pass1').validationMessage")
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(
        bubble.contains("minstens 8 tekens") && !bubble.contains("characters"),
        "the check speaks another language: {bubble:?}"
    );
    assert!(!dir.path().join("kluis.naast").exists());
    app.find("#pass1").clear().keys(PASS);
    app.find("#pass2").clear().keys(PASS);
    app.find("#create-vault").click();
    let code = code_on_screen(&app);

    // Closed on "Je herstelcode" without confirming: the next start returns there,
    // with the same code, and nothing else opens.
    app.restart();
    unlock(&app, PASS);
    app.find("#recovery-resume");
    assert_eq!(code_on_screen(&app), code);
    assert!(!app.exists("#nav-log"), "the vault opened past the code");
    assert_eq!(app.find("#first-run-title").text(), "Je herstelcode");
    app.screenshot("64-recovery-code-again");
    confirm_code(&app, &code);

    // "Wie ben jij?" has its own title, and closing there brings it back too.
    app.find("#actor-name");
    assert_eq!(app.find("#first-run-title").text(), "Wie ben jij?");
    app.screenshot("65-who-are-you");
    app.restart();
    unlock(&app, PASS);
    app.wait_focus("actor-name");
    assert!(
        !app.exists("#recovery-code"),
        "the code was shown after it was confirmed"
    );
    assert!(!app.exists("#nav-log"));
    app.keys("Anna");
    app.find("#actor-continue").click();
    app.find("#nav-log");
    app.restart();
    unlock(&app, PASS);
    app.find("#nav-log");

    // The unlock error names a link that is on the screen.
    app.find("#lock").click();
    unlock(&app, "een verkeerde zin");
    let err = app.find("#unlock-error").text();
    let link = err
        .split('\'')
        .nth(1)
        .unwrap_or_else(|| panic!("the message names no link: {err}"));
    let there = app
        .js(&format!(
            "return [...document.querySelectorAll('button')].some(b => b.textContent.trim() === {link:?})"
        ))
        .as_bool();
    assert_eq!(
        there,
        Some(true),
        "no button '{link}' on: {}",
        app.body_text()
    );

    // `naast about` answers on a passphrase vault without its passphrase.
    let o = cli(&app, &["about", "--json"], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let about: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(about["locked"], true, "{about}");
    assert!(about["vault_path"]
        .as_str()
        .unwrap()
        .ends_with("kluis.naast"));
}

#[test]
fn the_passphrase_changes_only_with_the_current_one_or_the_recovery_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path(), "passchange");
    let code = first_run(&app, Some(PASS));
    app.find("#nav-settings").click();
    let keys = dir.path().join("kluis.naast.keys");
    let before = std::fs::read(&keys).unwrap();
    // Without the current passphrase the change is not even sent.
    app.find("#key-pass1").keys("iemand anders zijn zin");
    app.find("#key-pass2")
        .keys(&format!("iemand anders zijn zin{ENTER}"));
    std::thread::sleep(std::time::Duration::from_millis(800));
    assert!(!app.exists("#key-done"));
    // A wrong one is refused, and nothing changes.
    app.find("#key-current").keys("geraden");
    app.find("#key-pass1")
        .clear()
        .keys("iemand anders zijn zin");
    app.find("#key-pass2")
        .clear()
        .keys(&format!("iemand anders zijn zin{ENTER}"));
    let err = app.find("#key-error").text();
    assert!(err.contains("klopt niet"), "{err}");
    assert_eq!(
        std::fs::read(&keys).unwrap(),
        before,
        "the key file changed"
    );
    app.screenshot("66-passphrase-change-refused");
    // The recovery code proves it as well as the passphrase.
    app.find("#key-current").clear().keys(&code);
    app.find("#key-pass1").clear().keys("mijn nieuwe lange zin");
    app.find("#key-pass2")
        .clear()
        .keys(&format!("mijn nieuwe lange zin{ENTER}"));
    app.find("#key-done");
    app.restart();
    unlock(&app, "mijn nieuwe lange zin");
    app.find("#nav-log");
}
