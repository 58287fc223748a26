//! The person's own plan in the app (issue 25), by keyboard: a goal in their words
//! with who helps, two ratings of their own (the chart's table holds both), the goal
//! ticked in the quick form (one Tab stop, Alt+5), reached, reopened and let go; a
//! plan review among the check-ins; a colleague's plan only once switched on. Dutch
//! and light, English and dark, screenshots under target/screenshots/70-….

mod common;

use common::*;
use serde_json::Value;

const PASS: &str = "wandelen langs de IJssel";
const TAB: &str = "\u{E004}";
const SPACE: &str = "\u{E00D}";
const DOWN: &str = "\u{E015}";

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

/// The command line without `--json` (commands that print an id).
fn run(app: &App, args: &[&str]) -> String {
    let o = cli(app, args, Some(PASS));
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

fn goals(app: &App, alias: &str) -> Vec<Value> {
    ok(app, &["goal", "list", "--person", alias])
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// Waits until `check` holds, or fails with `what`.
fn until(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !check() {
        assert!(std::time::Instant::now() < deadline, "never: {what}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

fn rows(app: &App, css: &str) -> i64 {
    app.js(&format!(
        "return document.querySelectorAll('{css} tbody tr').length"
    ))
    .as_i64()
    .unwrap_or(-1)
}

/// Opens a person from the list of people, once the list shows them.
fn open_person(app: &App, alias: &str) {
    app.find("#nav-people").click();
    let script = format!(
        "const b = [...document.querySelectorAll('#people-list .rowbutton, #closed-list .rowbutton')].find(b => b.textContent.includes('{alias}')); if (b) b.click(); return !!b;"
    );
    until(&format!("{alias} in the list"), || {
        app.js(&script) == Value::Bool(true)
    });
    app.find("#plan-title");
}

/// Scrolls so `css` is at the top of the window, for a screenshot of what follows.
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

#[test]
fn a_goal_in_their_words_rated_twice_ticked_in_a_contact_reached_and_let_go() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_locale(dir.path(), "plan-nl", "nl_NL.UTF-8");
    first_run(&app, Some(PASS));
    run(&app, &["person", "add", "--alias", "Sanne"]);
    run(
        &app,
        &[
            "circle", "add", "--person", "Sanne", "--name", "Ria", "--role", "zus",
        ],
    );
    open_person(&app, "Sanne");
    app.wait_text("Nog geen doelen.");

    // A goal in her words, why, the first step, and who helps: Tab and Space only.
    app.find("#goal-text")
        .keys("Ik wil weer zelf mijn post openen");
    app.keys(TAB);
    app.keys("Dan houd ik zelf de regie over mijn geld");
    app.keys(TAB);
    app.keys("Elke maandag één envelop");
    app.keys(TAB); // Ria
    app.keys(SPACE);
    app.keys(TAB); // me, the supporter
    app.keys(SPACE);
    app.keys(TAB); // for the consult: left off
    app.keys(TAB);
    assert_eq!(app.focused(), "goal-add-button");
    app.keys(ENTER);
    app.wait_text("Doel toegevoegd.");
    app.wait_focus("goal-text");
    let g = &goals(&app, "Sanne")[0];
    let id = g["id"].as_i64().unwrap();
    assert_eq!(g["text"], "Ik wil weer zelf mijn post openen");
    assert_eq!(g["why"], "Dan houd ik zelf de regie over mijn geld");
    assert_eq!(g["status"], "working");
    let helpers: Vec<&str> = g["helpers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().unwrap())
        .collect();
    assert!(helpers.contains(&"Ria") && helpers.len() == 2, "{g}");
    let shown = app.find(&format!("#goal-{id}")).text();
    assert!(
        shown.contains("mee bezig")
            && shown.contains("Ria")
            && shown.contains("Ik (de ondersteuner)"),
        "{shown}"
    );

    // Two ratings of her own; the chart's table holds both, in order, with her words.
    app.find(&format!("#rate-score-{id}")).keys("4");
    app.keys(TAB);
    app.keys("Het begin is er");
    app.keys(ENTER);
    app.wait_text("Vastgelegd: 4 van 10.");
    app.wait_focus(&format!("rate-score-{id}"));
    app.keys("6");
    app.keys(TAB);
    app.keys("Twee brieven zelf geopend");
    app.keys(ENTER);
    app.wait_text("Vastgelegd: 6 van 10.");
    let table = format!("#goal-ratings-{id}");
    until("two rows in the ratings table", || rows(&app, &table) == 2);
    let t = app.find(&table).text();
    assert!(
        t.find("Het begin is er").unwrap() < t.find("Twee brieven zelf geopend").unwrap(),
        "{t}"
    );
    // The line: two points whose hover text holds the words; one colour, no arrows.
    let titles = app.js(&format!(
        "return [...document.querySelectorAll('#goal-chart-{id} circle title')].map(t => t.textContent).join('|')"
    ));
    let titles = titles.as_str().unwrap();
    assert!(
        titles.contains("4 van 10 · “Het begin is er”") && titles.contains("6 van 10"),
        "{titles}"
    );
    let strokes = app.js(&format!(
        "return [...new Set([...document.querySelectorAll('#goal-chart-{id} polyline, #goal-chart-{id} circle')].map(e => getComputedStyle(e).stroke))].length"
    ));
    assert_eq!(strokes, Value::from(1), "the line has one colour");
    let ratings = &goals(&app, "Sanne")[0]["ratings"];
    assert_eq!(ratings.as_array().unwrap().len(), 2, "{ratings}");
    assert_eq!(ratings[1]["score"], 6);
    // A score outside 0–10 is not taken.
    app.find(&format!("#rate-score-{id}")).keys("12");
    app.keys(ENTER);
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert_eq!(
        goals(&app, "Sanne")[0]["ratings"].as_array().unwrap().len(),
        2
    );
    app.find(&format!("#rate-score-{id}")).clear();
    no_serious_axe(&app, "the plan");
    top(&app, "#plan-title");
    app.screenshot("70-plan-light-nl");

    // A second goal, from the command line; both are offered in the quick form.
    let other: i64 = run(
        &app,
        &["goal", "add", "--person", "Sanne", "--text", "Weer fietsen"],
    )
    .parse()
    .unwrap();
    app.find("#nav-log").click();
    app.wait_focus("person-input");
    app.keys("Sanne");
    app.keys(ENTER);
    app.find(&format!("#goal-pick-{id}"));
    app.keys(&format!("{ALT}1{RELEASE}")); // practical
    app.keys(&format!("{ALT}5{RELEASE}")); // the first goal
    until("Alt+5 ticks the first goal", || {
        app.js(&format!(
            "return document.getElementById('goal-pick-{id}').checked"
        )) == Value::Bool(true)
    });
    // One Tab stop: the arrows move between the goals, Tab leaves the group.
    app.find(&format!("#goal-pick-{id}")).keys(DOWN);
    assert_eq!(app.focused(), format!("goal-pick-{other}"));
    app.keys(TAB);
    assert_eq!(app.focused(), "consult");
    app.screenshot("71-goal-picker-nl");
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.find("#saved-message");
    let all = goals(&app, "Sanne");
    let first = all.iter().find(|g| g["id"] == id).unwrap();
    let second = all.iter().find(|g| g["id"] == other).unwrap();
    assert_eq!(first["contacts"].as_array().unwrap().len(), 1, "{first}");
    assert_eq!(second["contacts"].as_array().unwrap().len(), 0, "{second}");
    // Edited in Overzicht, the contact keeps the goal it touched.
    app.find("#nav-review").click();
    app.find("#results li button").click();
    app.find("#edit-contact").click();
    app.wait_focus("note");
    until("the edit form shows the goal ticked", || {
        app.js(&format!(
            "const b = document.getElementById('goal-pick-{id}'); return !!b && b.checked"
        )) == Value::Bool(true)
    });
    app.keys("Brieven gesorteerd.");
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.wait_text("Brieven gesorteerd.");
    let first = goals(&app, "Sanne")
        .into_iter()
        .find(|g| g["id"] == id)
        .unwrap();
    assert_eq!(first["contacts"].as_array().unwrap().len(), 1, "{first}");

    // Reached, working on it again, and the other let go: each a calm word.
    open_person(&app, "Sanne");
    app.wait_text("Aan gewerkt in 1 contactmoment");
    app.find(&format!("#goal-reach-{id}")).keys(ENTER);
    app.wait_text("Bereikt: Ik wil weer zelf mijn post openen.");
    app.wait_focus(&format!("goal-reopen-{id}"));
    assert_eq!(app.find(&format!("#goal-status-{id}")).text(), "bereikt");
    app.keys(ENTER);
    app.wait_focus(&format!("goal-reach-{id}"));
    assert_eq!(app.find(&format!("#goal-status-{id}")).text(), "mee bezig");
    app.find(&format!("#goal-letgo-{other}")).keys(ENTER);
    app.wait_text("Losgelaten: Weer fietsen. Ook dat is een uitkomst.");
    assert_eq!(
        app.find(&format!("#goal-status-{other}")).text(),
        "losgelaten"
    );
    // Rated only while being worked on; its ratings stay in the table.
    assert!(!app.exists(&format!("#rate-score-{other}")));
    assert!(app.exists(&format!("#rate-score-{id}")));
    let statuses: Vec<String> = goals(&app, "Sanne")
        .iter()
        .map(|g| g["status"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(statuses, ["working", "let-go"]);
    // The person's order: the first goal moved down, by keyboard.
    app.find(&format!("#goal-down-{id}")).keys(ENTER);
    app.wait_focus(&format!("goal-up-{id}"));
    let order: Vec<i64> = goals(&app, "Sanne")
        .iter()
        .map(|g| g["id"].as_i64().unwrap())
        .collect();
    assert_eq!(order, [other, id]);
    // A goal let go is not offered in the quick form.
    app.find("#nav-log").click();
    app.wait_focus("person-input");
    app.keys("Sanne");
    app.keys(ENTER);
    app.find(&format!("#goal-pick-{id}"));
    assert!(!app.exists(&format!("#goal-pick-{other}")));
    app.find("#nav-people").click();
    open_person(&app, "Sanne");
    app.wait_text("Aan gewerkt in 1 contactmoment");
    top(&app, "#plan-title");
    app.screenshot("72-plan-reached-letgo-nl");
    no_serious_axe(&app, "the plan after letting go");
    // "Mensen" on a person's page goes back to the list of people, as a menu does.
    app.find("#nav-people").click();
    wait_within(&app, "#people-list", "Sanne");
    assert!(!app.exists("#plan-title"), "still on Sanne's page");

    // A plan review among the check-ins says so, planned from the check-ins screen.
    app.find("#nav-checkins").click();
    app.find("#checkin-why").keys("met Ria erbij");
    app.find("#checkin-due").keys("vr");
    app.find("#checkin-review").keys(SPACE);
    app.find("#checkin-add").keys(ENTER);
    app.wait_text("Plan bespreken: met Ria erbij");
    let list = ok(&app, &["followup", "list", "--person", "Sanne"]);
    assert_eq!(list[0]["plan_review"], true, "{list}");
    app.screenshot("73-plan-review-checkin-nl");
}

#[test]
fn a_colleague_has_a_plan_only_once_switched_on_english_and_dark() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_env(
        dir.path(),
        "plan-en",
        &[
            ("LANG", "en_US.UTF-8"),
            ("LC_ALL", "en_US.UTF-8"),
            ("GTK_THEME", "Adwaita:dark"),
        ],
    );
    app.find(".row.between button.link").click();
    app.wait_text("Welcome");
    first_run(&app, Some(PASS));
    assert_eq!(
        app.js("return matchMedia('(prefers-color-scheme: dark)').matches"),
        Value::Bool(true)
    );
    run(
        &app,
        &["person", "add", "--alias", "Tom", "--context", "colleague"],
    );
    open_person(&app, "Tom");
    assert!(!app.exists("#goal-text"), "a colleague's plan starts off");
    app.find("#plan-on").keys(SPACE);
    app.find("#goal-text").keys("Sleep through the night again");
    app.keys(TAB); // why
    app.keys(TAB); // steps
    app.keys(TAB); // me, the supporter (a colleague has no circle)
    app.keys(TAB); // for the consult
    app.keys(TAB);
    assert_eq!(app.focused(), "goal-add-button");
    app.keys(ENTER);
    app.wait_text("Goal added.");
    let id = goals(&app, "Tom")[0]["id"].as_i64().unwrap();
    app.find(&format!("#rate-score-{id}")).keys("3");
    app.keys(TAB);
    app.keys("Some nights");
    app.keys(ENTER);
    app.wait_text("Recorded: 3 out of 10.");
    until("one row", || {
        rows(&app, &format!("#goal-ratings-{id}")) == 1
    });
    app.find(&format!("#goal-letgo-{id}")).keys(ENTER);
    app.wait_text("That is an outcome too.");
    assert_eq!(app.find(&format!("#goal-status-{id}")).text(), "let go");
    no_serious_axe(&app, "a colleague's plan, English, dark");
    top(&app, "#plan-title");
    app.screenshot("74-plan-colleague-dark-en");
    // Switched off: no new goals, the ones there are stay.
    app.find("#plan-on").keys(SPACE);
    until("the form goes", || !app.exists("#goal-text"));
    assert!(app.exists(&format!("#goal-{id}")));
    let o = cli(
        &app,
        &["goal", "add", "--person", "Tom", "--text", "x"],
        Some(PASS),
    );
    assert!(!o.status.success());
}
