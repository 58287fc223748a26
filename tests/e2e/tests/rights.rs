//! Privacy in the real app: words that look like unknown names need a choice before a
//! summary leaves, copying a bridge note as text needs consent (and withdrawing it
//! stops the copy), and a colleague's page keeps only the minimum.

mod common;

use common::*;
use serde_json::Value;

const PASS: &str = "wandelen langs de IJssel";

fn ok(app: &App, args: &[&str]) -> std::process::Output {
    let o = cli(app, args, Some(PASS));
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn log_of(app: &App, action: &str) -> Vec<Value> {
    let o = ok(app, &["log", "--action", action, "--json"]);
    serde_json::from_slice::<Value>(&o.stdout)
        .unwrap()
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn unknown_names_get_a_choice_before_the_summary_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "suspects");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Yara"]);
    ok(
        &app,
        &[
            "contact",
            "add",
            "--person",
            "Yara",
            "--support",
            "practical",
            "--consult",
            "--note",
            "Yara kookte met Kees, daarna samen naar Deventer gefietst.",
        ],
    );
    app.find("#nav-consult").click();
    app.find("#last-4-weeks").click();
    app.find("#preview").click();
    let title = app.find("#suspects-title").text();
    assert!(title.contains("2 woorden"), "{title}");
    let words: Vec<String> = (0..2)
        .map(|i| app.find(&format!("#suspect-word-{i}")).text())
        .collect();
    assert!(words.contains(&"Kees".to_string()), "{words:?}");
    assert!(words.contains(&"Deventer".to_string()), "{words:?}");
    // Print and save wait for a choice per word.
    for id in ["#print", "#save-html"] {
        assert_eq!(
            app.js(&format!("return document.querySelector('{id}').disabled")),
            Value::Bool(true),
            "{id} enabled with unknown names left"
        );
    }
    app.screenshot("42-consult-suspects");
    for (i, w) in words.iter().enumerate() {
        if w == "Kees" {
            app.js(&format!(
                "const s = document.querySelector('#suspect-{i}'); s.value = 'role'; s.dispatchEvent(new Event('change'));"
            ));
            app.find(&format!("#suspect-role-{i}")).keys("de buurman");
        } else {
            app.js(&format!(
                "const s = document.querySelector('#suspect-{i}'); s.value = 'notname'; s.dispatchEvent(new Event('change'));"
            ));
        }
    }
    app.find("#suspects-apply").click();
    app.wait_text("1 persoon, 1 contactmoment");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.exists("#suspects") {
        assert!(std::time::Instant::now() < deadline, "suspects stayed");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert_eq!(
        app.js("return document.querySelector('#print').disabled"),
        Value::Bool(false)
    );
    // "Is geen naam" is remembered in the vault: the command line no longer warns
    // about Deventer; Kees was replaced for this summary only, so it still does.
    let out = dir.path().join("overleg.html");
    let o = ok(
        &app,
        &[
            "summary",
            "--from",
            "2000-01-01",
            "--to",
            "2099-12-31",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let warnings = String::from_utf8_lossy(&o.stderr);
    assert!(!warnings.contains("Deventer"), "{warnings}");
    assert!(warnings.contains("Kees"), "{warnings}");
}

#[test]
fn copying_a_bridge_note_needs_consent_and_withdrawing_stops_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "copy");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Mo"]);
    ok(
        &app,
        &[
            "circle",
            "add",
            "--person",
            "Mo",
            "--name",
            "dr. Visser",
            "--role",
            "psychiater",
            "--formal",
        ],
    );
    ok(
        &app,
        &[
            "bridge",
            "add",
            "--person",
            "Mo",
            "--to",
            "dr. Visser",
            "--kind",
            "question",
            "--text",
            "Mo vraagt of de dosering omlaag kan.",
        ],
    );
    app.find("#nav-bridges").click();
    app.find("button[id^=copy-btn-]").click();
    let err = app.find("#bridge-error").text();
    assert!(err.contains("toestemming"), "{err}");
    assert!(!app.exists(".copied"), "text shown without consent");
    assert_eq!(log_of(&app, "copy")[0]["outcome"], "refused");

    // Consent on Mo's page, with what it is for.
    app.find("#nav-people").click();
    app.find("#people-list button").click();
    app.find("#consent-scope").keys("vragen over medicatie");
    app.find("#consent-until").keys("31-12-2099");
    app.keys("\u{E004}"); // Tab: the field reads what was typed
    app.js("document.querySelector('#consent-scope').form.requestSubmit()");
    let item = app.find("li[id^=consent-]").text();
    assert!(item.contains("vragen over medicatie"), "{item}");
    app.screenshot("43-consent");

    app.find("#nav-bridges").click();
    app.find("button[id^=copy-btn-]").click();
    let text = app.find(".copied").text();
    assert!(!text.contains("Mo "), "the name went out: {text}");
    assert!(text.contains("psychiater"), "{text}");
    let copies = log_of(&app, "copy");
    assert_eq!(copies[0]["outcome"], "ok");
    assert_eq!(copies[0]["detail"]["level"], "code");

    // Withdrawn today: copying stops at once.
    app.find("#nav-people").click();
    app.find("#people-list button").click();
    app.js("window.confirm = () => true;");
    app.find("button[id^=consent-withdraw-]").click();
    app.wait_text("ingetrokken");
    app.find("#nav-bridges").click();
    app.find("button[id^=copy-btn-]").click();
    app.find("#bridge-error");
}

#[test]
fn a_colleagues_page_keeps_only_the_minimum() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "colleague");
    first_run(&app, Some(PASS));
    ok(
        &app,
        &["person", "add", "--alias", "Ruud", "--context", "colleague"],
    );
    app.find("#nav-people").click();
    app.find("#people-list button").click();
    app.find("#incident");
    assert!(!app.exists("#wishes"), "own words on a colleague's page");
    assert!(
        !app.exists("#member-name"),
        "a circle on a colleague's page"
    );
    assert!(
        !app.exists("#consent-scope"),
        "consent on a colleague's page"
    );
}
