//! A first week in the app (issue 22), the items of words, dates, keyboard and layout:
//! check-in days ahead and a moment in the future asked about once; the logbook in
//! sentences; focus that goes to the place that opened, never to the page's body;
//! the consent list and form, the bridge cards, the Overzicht filters that stay put.

mod common;

use chrono::Duration;
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

fn today() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Amsterdam)
        .date_naive()
}

fn contacts(app: &App) -> Vec<Value> {
    ok(app, &["contact", "list"]).as_array().unwrap().clone()
}

/// Waits until the element with the keyboard focus is `id`; panics with what has it.
fn focus_is(app: &App, id: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let now = app.focused();
        if now == id {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "focus is on {now:?} (\"\" is the page's body), not #{id}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn check_ins_take_days_ahead_and_a_contact_in_the_future_is_asked_once() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_locale(dir.path(), "weekdates", "en_US.UTF-8");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Kees"]);
    app.find("#nav-people").click();
    app.find("#nav-log").click();
    app.wait_focus("person-input");
    app.keys("Kees");
    app.keys(ENTER);
    app.find(".chip");
    app.keys(&format!("{ALT}1{RELEASE}"));
    app.find("#note").keys("Even gebeld over de verhuizing.");

    // A day ahead that a check-in field did not know: the example fits the field.
    app.find("#follow-up").keys("ooit");
    app.find("#note").click();
    // The field reads what was typed a moment after it is left.
    let said = app.find("#follow-up-said .error").text();
    assert!(
        said.contains("volgende week") && !said.contains("gisteren"),
        "{said}"
    );
    app.find("#follow-up").clear().keys("over 2 weken");
    app.find("#when").clear().keys("morgen 10:00");
    app.find("#note").click();

    // In the future: asked once, nothing saved; saved when Opslaan is pressed again.
    app.find("#save").click();
    let asked = app.find("#future-ask").text();
    assert!(asked.contains("toekomst"), "{asked}");
    assert!(contacts(&app).is_empty(), "saved without asking");
    app.screenshot("67-future-asked");
    app.find("#save").click();
    app.find("#saved-message");
    let c = &contacts(&app)[0];
    assert_eq!(
        c["follow_up"],
        (today() + Duration::days(14)).to_string(),
        "{c}"
    );

    // "volgende week" and a weekday ahead, in the check-ins' own field.
    app.find("#nav-checkins").click();
    app.find("#checkin-due").click();
    app.keys("volgende week");
    app.find("#checkin-why").click();
    app.keys("na de vakantie");
    app.find("#checkin-add").click();
    app.wait_text("na de vakantie");
    let list = ok(&app, &["followup", "list"]);
    let due = (today() + Duration::days(7)).to_string();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|f| f["due"] == due.as_str() && f["why"] == "na de vakantie"),
        "{list}"
    );
}

#[test]
fn focus_goes_where_it_was_opened_and_the_words_are_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "weekfocus");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Mo"]);
    ok(&app, &["person", "add", "--alias", "Noor"]);
    let people = ok(&app, &["person", "list"]);
    let code_of = |alias: &str| {
        people
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["alias"] == alias)
            .unwrap()["code"]
            .as_str()
            .unwrap()
            .to_string()
    };
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
            "Mo vraagt naar de dosering.",
        ],
    );
    let t = today() + Duration::days(3);
    for (who, why) in [("Mo", "even bellen"), ("Noor", "langs gaan")] {
        ok(
            &app,
            &[
                "followup",
                "add",
                "--person",
                who,
                "--due",
                &t.to_string(),
                "--why",
                why,
            ],
        );
    }
    ok(
        &app,
        &[
            "contact",
            "add",
            "--person",
            "Noor",
            "--support",
            "practical",
            "--note",
            "Samen naar het loket.",
        ],
    );

    // A bridge card keeps its padding.
    app.find("#nav-bridges").click();
    app.find("li.panel[id^=bridge-]");
    let pad = app
        .js("return getComputedStyle(document.querySelector('li.panel[id^=bridge-]')).paddingLeft")
        .as_str()
        .unwrap_or("")
        .to_string();
    assert_ne!(pad, "0px", "the bridge card has no inner padding");
    // "Naar de toestemming": focus on the consent section, not the page's body.
    app.find("button.share").click();
    app.find("#bridge-to-consent").click();
    focus_is(&app, "consent-section");
    app.find("#consent-scope").keys("slaap");
    app.find("#consent-until").keys("31-12-2099");
    app.find("#consent-until").keys(ENTER);
    app.wait_text("dr. Visser · slaap");
    // The form empties after saving.
    wait_value(&app, "#consent-scope", "");
    wait_value(&app, "#consent-until", "");
    // A check-in in the timeline says its day, not "check-in check-in".
    let line = app.find("#timeline li.checkin").text();
    let all = app
        .js("return document.querySelector('#timeline li.checkin').textContent")
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(
        !line.to_lowercase().contains("check-in check-in") && all.contains("even bellen"),
        "{line} / {all}"
    );
    assert!(line.chars().any(|c| c.is_ascii_digit()), "no day: {line}");
    app.screenshot("68-consent-saved");

    // Opening a person from the list: focus on their name.
    app.find("#person-back").click();
    app.find("#people-list");
    app.js("[...document.querySelectorAll('#people-list .rowbutton')].find(b => b.textContent.includes('Noor')).click(); return 1;");
    focus_is(&app, "person-title");

    // Gedaan on a check-in: focus on the next one's Gedaan, then on the title.
    app.find("#nav-checkins").click();
    app.wait_text("langs gaan");
    let first = app
        .js("return document.querySelector('button[id^=checkin-done-]').id")
        .as_str()
        .unwrap()
        .to_string();
    app.find(&format!("#{first}")).click();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let f = app.focused();
        if f.starts_with("checkin-done-") && f != first {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "focus on {f:?} after Gedaan"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let second = app.focused();
    app.find(&format!("#{second}")).click();
    focus_is(&app, "checkins-title");

    // Bewerken in Overzicht, saved: focus back on Bewerken.
    app.find("#nav-review").click();
    app.wait_text("Samen naar het loket");
    app.find("#results li button").click();
    app.find("#edit-contact").click();
    app.wait_focus("note");
    app.keys(" Formulier ingevuld.");
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.wait_text("Formulier ingevuld.");
    focus_is(&app, "edit-contact");

    // The filters stay put while a search is typed.
    let place = "const r = document.querySelector('#clear-filters').getBoundingClientRect(); return `${r.left},${r.top}`;";
    let before = app.js(place);
    app.find("#search").keys("loket");
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert_eq!(app.js(place), before, "the filters moved while typing");

    // The logbook speaks sentences; the backup labels have their noun.
    app.find("#nav-settings").click();
    app.wait_text("Kluis geopend");
    let log = app.find("#log-lines").text();
    assert!(!log.contains("kluis geopend kluis"), "{log}");
    assert!(
        log.contains(&format!("Persoon aangemaakt: {}", code_of("Noor"))),
        "{log}"
    );
    let label = app
        .js("return document.querySelector('#keep-daily').labels[0].textContent")
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(label.contains("Dagelijkse back-ups"), "{label}");
    app.screenshot("69-logbook-sentences");
}
