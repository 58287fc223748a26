//! The circle in the real app: informal and formal in two groups, a member edited in
//! place and moved between them, taken out with a question that names them (a "no"
//! changes nothing), a member with a consent leaving without losing what was shared.
//! And the colleague rhythm: two check-ins with their own dates and words, in either
//! language, never planned twice.

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

fn group(app: &App, which: &str) -> String {
    app.find(&format!("#circle-{which}")).text()
}

fn wait_group(app: &App, which: &str, has: &str, present: bool) {
    for _ in 0..100 {
        if group(app, which).contains(has) == present {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!(
        "{which} group: expected {has} {}: {}",
        if present { "in it" } else { "gone" },
        group(app, which)
    );
}

#[test]
fn the_circle_is_edited_in_two_groups_and_leaving_keeps_what_was_shared() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "circle");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Sanne"]);
    let lies = ok(
        &app,
        &[
            "circle", "add", "--person", "Sanne", "--name", "Lies", "--role", "zus",
        ],
    )["id"]
        .as_i64()
        .unwrap();
    let kees = ok(
        &app,
        &[
            "circle", "add", "--person", "Sanne", "--name", "Kees", "--role", "buurman",
        ],
    )["id"]
        .as_i64()
        .unwrap();
    let doc = ok(
        &app,
        &[
            "circle",
            "add",
            "--person",
            "Sanne",
            "--name",
            "dr. Visser",
            "--role",
            "psychiater",
            "--formal",
        ],
    )["id"]
        .as_i64()
        .unwrap();
    ok(
        &app,
        &[
            "consent",
            "add",
            "--person",
            "Sanne",
            "--to",
            "dr. Visser",
            "--until",
            "2099-12-31",
        ],
    );

    app.find("#nav-people").click();
    app.find("#people-list button").click();
    assert!(group(&app, "informal").contains("Lies"));
    assert!(group(&app, "informal").contains("Kees"));
    assert!(group(&app, "formal").contains("dr. Visser"));
    assert!(!group(&app, "formal").contains("Lies"));
    // Each button says whom it is for, for a screen reader.
    let label = app.js(&format!(
        "return document.querySelector('#member-remove-{kees}').getAttribute('aria-label')"
    ));
    assert_eq!(label.as_str(), Some("Kees uit de kring halen"));

    // Lies is edited in place with the keyboard and becomes formal.
    app.find(&format!("#member-edit-{lies}")).click();
    let role = app.find(&format!("#member-edit-role-{lies}"));
    role.click();
    app.keys("\u{E009}a\u{E003}"); // Ctrl+A, Backspace
    role.keys("zus, ook mantelzorger");
    app.find(&format!("#member-edit-formal-{lies}")).click();
    app.find(&format!("#member-edit-role-{lies}"))
        .keys("\u{E007}"); // Enter saves
    app.wait_text("Lies is bijgewerkt.");
    wait_group(&app, "formal", "Lies", true);
    assert!(group(&app, "formal").contains("zus, ook mantelzorger"));
    assert!(!group(&app, "informal").contains("Lies"));

    // A "no" to the question changes nothing; the question names the member.
    app.js("window.__asked = ''; window.confirm = (m) => { window.__asked = m; return false; };");
    app.find(&format!("#member-remove-{kees}")).click();
    let asked = app.js("return window.__asked");
    assert!(
        asked
            .as_str()
            .unwrap_or("")
            .contains("Kees uit de kring halen?"),
        "{asked}"
    );
    assert!(group(&app, "informal").contains("Kees"));

    // Yes: Kees had nothing behind him and is gone.
    app.js("window.confirm = () => true;");
    app.find(&format!("#member-remove-{kees}")).click();
    app.wait_text("Kees is uit de kring gehaald.");
    wait_group(&app, "informal", "Kees", false);

    // dr. Visser has a consent: out of the circle, the consent withdrawn today and
    // still listed as such.
    app.find(&format!("#member-remove-{doc}")).click();
    app.wait_text("Toestemmingen zijn vandaag ingetrokken");
    wait_group(&app, "formal", "dr. Visser", false);
    let consents = app
        .js("return document.querySelector('#consent-section').parentElement.textContent")
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(
        consents.contains("dr. Visser") && consents.contains("ingetrokken"),
        "{consents}"
    );
    app.screenshot("60-circle");

    // The command line sees the same circle.
    let list = ok(&app, &["circle", "list", "--person", "Sanne"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["name"].as_str())
        .collect();
    assert_eq!(names, vec!["Lies"]);
}

#[test]
fn the_colleague_rhythm_shows_its_own_dates_and_words_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_locale(dir.path(), "rhythm", "en_US.UTF-8");
    app.find(".row.between button.link").click();
    app.wait_text("Welcome");
    first_run(&app, Some(PASS));
    ok(
        &app,
        &["person", "add", "--alias", "C-12", "--context", "colleague"],
    );
    app.find("#nav-people").click();
    app.find("#people-list button").click();
    app.find("#incident").keys("20-11-2026");
    app.keys("\u{E004}");
    app.js("document.querySelector('#incident').form.requestSubmit()");
    app.wait_text("Two check-ins planned.");

    // Planned again for the same incident: refused by name, not doubled.
    app.js("document.querySelector('#incident').form.requestSubmit()");
    app.wait_text("already planned");
    let open = ok(&app, &["followup", "list"]);
    let rhythm: Vec<(String, String)> = open
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["due"].as_str().unwrap_or("").to_string(),
                f["rhythm"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        rhythm,
        vec![
            ("2026-11-23".into(), "first".into()),
            ("2026-12-04".into(), "second".into())
        ]
    );

    // The check-ins place says what each one is, in English, with the incident's day.
    app.find("#nav-checkins").click();
    app.wait_text("first contact after the incident, within 72 hours");
    let body = app.body_text();
    assert!(
        body.contains("second contact, around two weeks after the incident"),
        "{body}"
    );
    assert!(
        body.contains("(incident of Fri, 20 Nov 2026)")
            || body.contains("(incident of Fri 20 Nov 2026)"),
        "{body}"
    );
    assert!(
        !body.contains("eerste contact"),
        "Dutch words in English: {body}"
    );
    app.screenshot("61-rhythm-en");
}
