//! The person's own rating given at a contact (issue 25), by keyboard in the real app:
//! a goal ticked with Alt+5 in the quick form, a score out of range refused beside it
//! with nothing typed lost, then 7 with their words saved with the contact; the
//! goal's chart table holds it dated the contact's day, the goal's card lists the
//! contact and opens it, and past three it shows the newest with "Alle N tonen"; the
//! edit form shows the rating and changes it. Dutch and light, English and dark;
//! screenshots under target/screenshots/75-….

mod common;

use common::*;
use serde_json::Value;

const PASS: &str = "wandelen langs de IJssel";
const TAB: &str = "\u{E004}";
const SHIFT: &str = "\u{E008}";
const BACKSPACE: &str = "\u{E003}";

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

fn new_goal(app: &App, person: &str, text: &str) -> i64 {
    let o = cli(
        app,
        &["goal", "add", "--person", person, "--text", text],
        Some(PASS),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).trim().parse().unwrap()
}

fn goal(app: &App, person: &str, id: i64) -> Value {
    ok(app, &["goal", "list", "--person", person])
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == id)
        .cloned()
        .unwrap()
}

fn until(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !check() {
        assert!(std::time::Instant::now() < deadline, "never: {what}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

fn open_person(app: &App, alias: &str) {
    app.find("#nav-people").click();
    let script = format!(
        "const b = [...document.querySelectorAll('#people-list .rowbutton')].find(b => b.textContent.includes('{alias}')); if (b) b.click(); return !!b;"
    );
    until(&format!("{alias} in the list"), || {
        app.js(&script) == Value::Bool(true)
    });
    app.find("#plan-title");
}

fn top(app: &App, css: &str) {
    app.js(&format!(
        "document.querySelector('{css}').scrollIntoView({{block: 'start'}})"
    ));
    std::thread::sleep(std::time::Duration::from_millis(300));
}

fn no_serious_axe(app: &App, screen: &str) {
    let v = app.axe();
    assert!(v.is_empty(), "accessibility problems on {screen}: {v:#?}");
}

/// Yesterday as a Dutch calendar day, the day "gisteren 14:00" falls on.
fn yesterday() -> String {
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Amsterdam)
        .date_naive();
    (today - chrono::Duration::days(1)).to_string()
}

/// The quick form up to the goal's score, by keyboard: Sanne, yesterday 14:00,
/// practical, a note, Alt+5 for the first goal, then Tab by Tab to its score.
fn form_to_score(app: &App, alias: &str, id: i64, note: &str) {
    app.find("#nav-people").click();
    app.find("#nav-log").click();
    app.wait_focus("person-input");
    app.keys(alias);
    app.keys(ENTER);
    app.find(&format!("#goal-pick-{id}"));
    app.keys(TAB); // when
    app.keys("gisteren 14:00");
    app.keys(&format!("{ALT}1{RELEASE}")); // practical
    app.keys(TAB); // minutes
    app.keys(TAB); // initiative
    app.keys(TAB); // mode
    app.keys(TAB); // support
    app.keys(TAB); // note
    assert_eq!(app.focused(), "note");
    app.keys(note);
    app.keys(&format!("{ALT}5{RELEASE}")); // the first goal
    until("Alt+5 ticks the goal and offers its rating", || {
        app.exists(&format!("#goal-score-{id}"))
    });
    for _ in 0..6 {
        // own words, own experience, signal, next check-in, the goals, the score
        app.keys(TAB);
    }
    assert_eq!(app.focused(), format!("goal-score-{id}"));
}

#[test]
fn a_rating_given_at_a_contact_is_saved_with_it_and_the_goal_lists_the_contact() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_locale(dir.path(), "plan-contact-nl", "nl_NL.UTF-8");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Sanne"]);
    let id = new_goal(&app, "Sanne", "Ik wil weer zelf mijn post openen");

    form_to_score(&app, "Sanne", id, "Samen de post doorgenomen.");
    // Out of range: refused beside the score, in words; nothing typed is lost.
    app.keys("12");
    app.keys(TAB);
    assert_eq!(app.focused(), format!("goal-words-{id}"));
    app.keys("Twee brieven zelf geopend");
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.wait_text("moet tussen 0 en 10 liggen, niet 12");
    let error = app.find("#form-error").text();
    assert!(error.contains("cijfer"), "{error}");
    assert_eq!(
        app.js(&format!(
            "return document.getElementById('goal-score-{id}').getAttribute('aria-invalid')"
        )),
        Value::from("true")
    );
    assert_eq!(app.find(&format!("#goal-score-{id}")).value(), "12");
    assert_eq!(
        app.find(&format!("#goal-words-{id}")).value(),
        "Twee brieven zelf geopend"
    );
    assert_eq!(app.find("#note").value(), "Samen de post doorgenomen.");
    assert_eq!(ok(&app, &["contact", "list"]).as_array().unwrap().len(), 0);
    app.screenshot("75-rating-at-contact-refused-nl");
    no_serious_axe(&app, "the quick form with a refused rating");

    // Back to the score by keyboard (Shift+Tab), 7, and saved.
    app.keys(&format!("{SHIFT}{TAB}{RELEASE}"));
    assert_eq!(app.focused(), format!("goal-score-{id}"));
    app.keys(&format!("{BACKSPACE}{BACKSPACE}{BACKSPACE}7"));
    app.screenshot("76-rating-at-contact-nl");
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.find("#saved-message");
    let contacts = ok(&app, &["contact", "list"]);
    assert_eq!(contacts.as_array().unwrap().len(), 1, "{contacts}");
    let contact = contacts[0]["id"].as_i64().unwrap();
    assert_eq!(
        contacts[0]["note"], "Samen de post doorgenomen.",
        "{contacts}"
    );
    let g = goal(&app, "Sanne", id);
    let ratings = g["ratings"].as_array().unwrap();
    assert_eq!(ratings.len(), 1, "{g}");
    assert_eq!(ratings[0]["score"], 7);
    assert_eq!(ratings[0]["words"], "Twee brieven zelf geopend");
    assert_eq!(ratings[0]["on"], Value::from(yesterday()), "{g}");
    assert_eq!(ratings[0]["contact"], contact);
    assert_eq!(g["contacts"], serde_json::json!([contact]));

    // The person page: the chart's table names the contact's date; the goal's card
    // lists the contact, and it opens in place by keyboard.
    open_person(&app, "Sanne");
    let table = format!("#goal-ratings-{id}");
    wait_within(&app, table.as_str(), "bij het contactmoment van");
    let t = app.find(&table).text();
    assert!(
        t.contains("Twee brieven zelf geopend") && t.contains("14:00") && t.contains('7'),
        "{t}"
    );
    let listed = format!("#goal-touched-{id}");
    wait_within(&app, listed.as_str(), "14:00");
    let button = format!("#goal-contact-{id}-{contact}");
    // (textContent: the note's first line is cut to the row's width.)
    let row = app.js(&format!(
        "return document.querySelector('{button}').textContent"
    ));
    let row = row.as_str().unwrap_or_default().to_string();
    assert!(row.contains("Samen de post doorgenomen."), "{row}");
    app.find(&button).keys(ENTER);
    until("the contact opens in the goal's card", || {
        app.js(&format!(
            "return document.getElementById('goal-contact-{id}-{contact}').getAttribute('aria-expanded')"
        )) == "true"
    });
    assert_eq!(app.focused(), format!("goal-contact-{id}-{contact}"));
    assert!(app
        .find(&format!("#goal-{id} .full"))
        .text()
        .contains("Samen de post doorgenomen."));
    no_serious_axe(&app, "the plan with a contact's rating");
    top(&app, "#plan-title");
    app.screenshot("77-goal-lists-contact-nl");

    // Edited in Overzicht: the form shows the rating given at it; 8 replaces 7.
    app.find("#nav-review").click();
    app.find("#results li button").click();
    app.find("#edit-contact").click();
    app.wait_focus("note");
    wait_value(&app, &format!("#goal-score-{id}"), "7");
    assert_eq!(
        app.find(&format!("#goal-words-{id}")).value(),
        "Twee brieven zelf geopend"
    );
    app.find(&format!("#goal-score-{id}"))
        .keys(&format!("{BACKSPACE}{BACKSPACE}{BACKSPACE}8"));
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    until("the edit is saved", || {
        goal(&app, "Sanne", id)["ratings"][0]["score"] == 8
    });
    let g = goal(&app, "Sanne", id);
    assert_eq!(g["ratings"].as_array().unwrap().len(), 1, "{g}");
    assert_eq!(g["ratings"][0]["contact"], contact);
}

#[test]
fn a_rating_at_a_contact_in_english_and_dark() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_env(
        dir.path(),
        "plan-contact-en",
        &[
            ("LANG", "en_US.UTF-8"),
            ("LC_ALL", "en_US.UTF-8"),
            ("GTK_THEME", "Adwaita:dark"),
        ],
    );
    app.find(".row.between button.link").click();
    app.wait_text("Welcome");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Tom"]);
    let id = new_goal(&app, "Tom", "Sleep through the night again");
    form_to_score(&app, "Tom", id, "Talked about evenings.");
    let label = app.js(&format!(
        "return document.getElementById('goal-score-{id}').closest('label').textContent"
    ));
    assert!(
        label
            .as_str()
            .unwrap()
            .contains("How far are you, in your own view?"),
        "{label}"
    );
    // Words without a score are asked about, not dropped.
    app.keys(TAB);
    app.keys("Some nights");
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.wait_text("Their words go with a score from 0 to 10");
    assert_eq!(app.focused(), format!("goal-score-{id}"));
    assert_eq!(
        app.find(&format!("#goal-words-{id}")).value(),
        "Some nights"
    );
    app.keys("3");
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.find("#saved-message");
    open_person(&app, "Tom");
    wait_within(&app, &format!("#goal-ratings-{id}"), "at the contact of");
    assert!(app
        .find(&format!("#goal-{id}"))
        .text()
        .contains("Worked on in 1 contact"));
    no_serious_axe(&app, "a rating at a contact, English, dark");
    top(&app, "#plan-title");
    app.screenshot("78-goal-lists-contact-dark-en");

    // Three more contacts on the goal, all at one moment three days back: the card
    // shows the newest three (the rated one from yesterday, then the last logged) and
    // "Show all 4", which opens the rest by keyboard with the focus on the first one
    // it brought.
    let rated = ok(&app, &["contact", "list"])[0]["id"].as_i64().unwrap();
    let at = (chrono::Local::now() - chrono::Duration::days(3))
        .format("%Y-%m-%d 19:00")
        .to_string();
    let g = id.to_string();
    let mut logged = Vec::new();
    for n in 1..=3 {
        let note = format!("Evening walk {n}.");
        let args = [
            "contact",
            "add",
            "--person",
            "Tom",
            "--support",
            "emotional",
            "--at",
            &at,
            "--goal",
            &g,
            "--note",
            &note,
        ];
        logged.push(ok(&app, &args)["id"].as_i64().unwrap());
    }
    app.find("#nav-log").click();
    open_person(&app, "Tom");
    let card = format!("#goal-{id}");
    wait_within(&app, &card, "Worked on in 4 contacts");
    let rows = |app: &App| {
        app.js(&format!(
            "return [...document.querySelectorAll('#goal-touched-{id} button.entry')].map(b => b.id)"
        ))
    };
    let row = |k: i64| Value::from(format!("goal-contact-{id}-{k}"));
    assert_eq!(
        rows(&app),
        Value::from(vec![row(rated), row(logged[2]), row(logged[1])])
    );
    let all = format!("#goal-contacts-all-{id}");
    assert_eq!(app.find(&all).text(), "Show all 4");
    app.find(&all).keys(ENTER);
    until("the fourth contact is shown", || {
        rows(&app).as_array().is_some_and(|r| r.len() == 4)
    });
    assert_eq!(rows(&app)[3], row(logged[0]));
    assert_eq!(app.focused(), format!("goal-contact-{id}-{}", logged[0]));
    assert!(!app.exists(&all));
}
