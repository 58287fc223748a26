//! "Mijn plan als PDF" in the app (issue 25): on the person page, only when there are
//! goals, labelled, reached by Tab and pressed with Enter; the save dialog (driven as a
//! person would, with the keyboard) writes Naast's own PDF, owner-only, that poppler
//! reads back with her goal, her rating and her words; one audit line; a calm message
//! naming the file, focus back on the button. Dutch and light, English and dark;
//! screenshots under target/screenshots/75-….

mod common;

use common::*;
use serde_json::Value;

const PASS: &str = "wandelen langs de IJssel";
const TAB: &str = "\u{E004}";

/// The command line without `--json`; its output trimmed.
fn run(app: &App, args: &[&str]) -> String {
    let o = cli(app, args, Some(PASS));
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

fn exports(app: &App) -> Vec<Value> {
    let o = cli(app, &["log", "--action", "export", "--json"], Some(PASS));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice::<Value>(&o.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Opens a person from the list of people, once the list shows them (by way of
/// another screen: from a person's page, "Mensen" keeps that page).
fn open_person(app: &App, alias: &str) {
    app.find("#nav-log").click();
    app.find("#nav-people").click();
    let script = format!(
        "const b = [...document.querySelectorAll('#people-list .rowbutton, #closed-list .rowbutton')].find(b => b.textContent.includes('{alias}')); if (b) b.click(); return !!b;"
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.js(&script) != Value::Bool(true) {
        assert!(std::time::Instant::now() < deadline, "{alias} not listed");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    app.find("#plan-title");
}

/// Sanne with a goal, rated once in her words; Bram without goals.
fn seed(app: &App) -> String {
    run(
        app,
        &[
            "person",
            "add",
            "--alias",
            "Sanne",
            "--full-name",
            "Sanne Öztürk",
        ],
    );
    run(app, &["person", "add", "--alias", "Bram"]);
    let id = run(
        app,
        &[
            "goal",
            "add",
            "--person",
            "Sanne",
            "--text",
            "Ik wil weer zelf mijn post openen",
            "--why",
            "Dan houd ik de regie",
            "--helper",
            "ik",
        ],
    );
    run(
        app,
        &[
            "goal",
            "rate",
            &id,
            "--score",
            "4",
            "--words",
            "Het gaat met kleine stapjes",
        ],
    );
    id
}

/// Tabs from the goal's last button to the PDF button: it is in the tab order, right
/// after the goals, and Enter presses it.
fn tab_to_pdf_button(app: &App, goal: &str) {
    app.find(&format!("#rate-save-{goal}"));
    app.js(&format!(
        "document.getElementById('rate-save-{goal}').focus()"
    ));
    for _ in 0..6 {
        if app.focused() == "plan-pdf" {
            return;
        }
        app.keys(TAB);
    }
    assert_eq!(
        app.focused(),
        "plan-pdf",
        "the button is not reached by Tab"
    );
}

/// Types the path into the native save dialog and waits for the file.
fn save_as(out: &std::path::Path) {
    keys_to_window(
        "Save|Opslaan|PDF|Bewaren",
        &["ctrl+a", &format!("type:{}", out.display()), "Return"],
    );
    wait_for(out);
}

fn wait_for(out: &std::path::Path) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !out.exists() {
        assert!(
            std::time::Instant::now() < deadline,
            "the PDF was not saved"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

#[test]
fn mijn_plan_als_pdf_by_keyboard_is_hers_owner_only_and_logged_once() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_locale(dir.path(), "myplan-nl", "nl_NL.UTF-8");
    first_run(&app, Some(PASS));
    let goal = seed(&app);

    // Bram has no goals: no button, nothing to print.
    open_person(&app, "Bram");
    app.wait_text("Nog geen doelen.");
    assert!(!app.exists("#plan-pdf"), "a PDF button without goals");

    open_person(&app, "Sanne");
    app.wait_text("Ik wil weer zelf mijn post openen");
    let b = app.find("#plan-pdf");
    assert_eq!(b.text(), "Mijn plan als PDF");
    assert_eq!(
        app.js("const b = document.getElementById('plan-pdf'); return [b.tagName, b.type, b.disabled, b.tabIndex].join(' ')"),
        Value::String("BUTTON button false 0".into())
    );
    tab_to_pdf_button(&app, &goal);
    app.screenshot("75-mijn-plan-button-nl");
    app.keys(ENTER);
    // The dialog offers "mijn-plan-<alias>-<date>.pdf": only the folder is typed before it.
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Amsterdam)
        .date_naive();
    let name = format!("mijn-plan-Sanne-{today}.pdf");
    let out = dir.path().join(&name);
    keys_to_window(
        "Save|Opslaan|PDF|Bewaren",
        &["Home", &format!("type:{}/", dir.path().display()), "Return"],
    );
    wait_for(&out);
    app.wait_text(&format!(
        "Opgeslagen als {name}. Je kunt het aan Sanne geven."
    ));
    app.wait_focus("plan-pdf");
    let problems = app.axe();
    assert!(problems.is_empty(), "accessibility: {problems:#?}");
    app.screenshot("76-mijn-plan-saved-nl");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "Mijn plan is for its owner only");
    let text = pdftotext(&out);
    for words in [
        "Mijn plan",
        "van Sanne Öztürk",
        "Wat ik wil “Ik wil weer zelf mijn post openen”",
        "Waarom dat voor mij telt Dan houd ik de regie",
        "Wie helpt mijn ervaringsdeskundige",
        "Hoe het gaat, volgens mij",
        "4 van de 10 “Het gaat met kleine stapjes”",
    ] {
        assert!(text.contains(words), "{words:?} not in: {text}");
    }
    let lines = exports(&app);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["object"], "plan");
    assert_eq!(lines[0]["detail"]["goals"], 1);
}

#[test]
fn my_plan_as_pdf_in_english_and_dark() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_env(
        dir.path(),
        "myplan-en",
        &[
            ("LANG", "en_US.UTF-8"),
            ("LC_ALL", "en_US.UTF-8"),
            ("GTK_THEME", "Adwaita:dark"),
        ],
    );
    app.find(".row.between button.link").click();
    app.wait_text("Welcome");
    first_run(&app, Some(PASS));
    let goal = seed(&app);
    open_person(&app, "Sanne");
    app.wait_text("Ik wil weer zelf mijn post openen");
    assert_eq!(app.find("#plan-pdf").text(), "My plan as PDF");
    tab_to_pdf_button(&app, &goal);
    app.keys(ENTER);
    let out = dir.path().join("my-plan-sanne.pdf");
    save_as(&out);
    app.wait_text("Saved as my-plan-sanne.pdf. You can give it to Sanne.");
    app.screenshot("77-my-plan-saved-dark-en");
    let text = pdftotext(&out);
    for words in [
        "My plan",
        "What I want",
        "How it is going, in my view",
        "4 out of 10",
    ] {
        assert!(text.contains(words), "{words:?} not in: {text}");
    }
}
