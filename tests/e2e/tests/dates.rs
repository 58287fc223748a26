//! Dates and the quick form under an English and a Dutch system: dd-mm-jjjj and
//! 24-hour whatever the locale, forgiving text, the picker that finds, "when" meaning
//! the moment of saving, a draft that says its age, and a typical contact logged with
//! the keyboard alone in at most 15 keystrokes that are not text.

mod common;

use chrono::{Datelike, Duration};
use common::*;
use serde_json::Value;

const PASS: &str = "wandelen langs de IJssel";
const TAB: &str = "\u{E004}";
const RIGHT: &str = "\u{E014}";

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

fn amsterdam_now() -> chrono::DateTime<chrono_tz::Tz> {
    chrono::Utc::now().with_timezone(&chrono_tz::Europe::Amsterdam)
}

fn wait_said(app: &App, id: &str, needle: &str) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let said = app.find(&format!("#{id}-said")).text();
        if said.contains(needle) {
            return said;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "#{id} said {said:?}, not {needle:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
}

fn dates_in(locale: &str) {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_locale(dir.path(), &format!("dates-{}", &locale[..2]), locale);
    first_run(&app, Some(PASS));
    for alias in ["Anouk", "Simone", "Mo", "Mohammed"] {
        ok(&app, &["person", "add", "--alias", alias]);
    }
    app.find("#nav-people").click();
    app.find("#nav-log").click();

    // "Mo" picks Mo, not Anouk or Simone.
    app.wait_focus("person-input");
    app.keys("Mo");
    std::thread::sleep(std::time::Duration::from_millis(300));
    app.keys(ENTER);
    let chip = app.find(".chip").text();
    assert!(
        chip.starts_with("Mo") && !chip.contains("Mohammed"),
        "{chip}"
    );

    // The time field: empty of values, "nu" until changed; then day-month, 24-hour.
    assert_eq!(app.find("#when").value(), "nu");
    let now = amsterdam_now();
    let yesterday = now - Duration::days(1);
    app.find("#when").click();
    app.keys("gisteren 14:30");
    let said = wait_said(&app, "when", "14:30");
    assert!(said.contains(&yesterday.day().to_string()), "{said}");
    // The US order is not a date here: it is refused beside the field, and the
    // contact is not saved.
    app.find("#when").clear().keys("11/23/2026 4:33");
    app.find("#minutes").click();
    let err = app.find("#when-said .error").text();
    assert!(err.contains("geen tijdstip"), "{err}");
    app.find("#support-emotional").click();
    app.find("#note").keys("Over de nieuwe kamer.");
    app.find("#save").click();
    std::thread::sleep(std::time::Duration::from_millis(800));
    assert!(ok(&app, &["contact", "list"])
        .as_array()
        .unwrap()
        .is_empty());
    app.find("#when").clear().keys("gisteren 14:30");
    wait_said(&app, "when", "14:30");
    // The next check-in: "vr" is the coming Friday.
    app.find("#follow-up").click();
    app.keys("vr");
    wait_said(&app, "follow-up", "vr ");
    app.screenshot(&format!("44-dates-{}", &locale[..2]));
    app.find("#save").click();
    app.find("#saved-message");
    let list = ok(&app, &["contact", "list"]);
    let saved = &list.as_array().unwrap()[0];
    let at = saved["at"].as_str().unwrap();
    assert!(
        at.starts_with(&yesterday.format("%Y-%m-%dT14:30").to_string()),
        "{at}"
    );
    let checkins = ok(&app, &["followup", "list"]);
    let due = checkins.as_array().unwrap()[0]["due"]
        .as_str()
        .unwrap()
        .to_string();
    let mut friday = now.date_naive();
    while friday.weekday() != chrono::Weekday::Fri {
        friday = friday.succ_opt().unwrap();
    }
    assert_eq!(due, friday.to_string());
}

#[test]
fn dates_are_dutch_under_an_english_system() {
    dates_in("en_US.UTF-8");
}

#[test]
fn dates_are_dutch_under_a_dutch_system() {
    dates_in("nl_NL.UTF-8");
}

#[test]
fn when_is_the_moment_of_saving_and_a_draft_says_its_age() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path(), "when-now");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Sanne"]);
    app.find("#nav-people").click();
    app.find("#nav-log").click();
    app.wait_focus("person-input");
    app.keys("San");
    std::thread::sleep(std::time::Duration::from_millis(300));
    app.keys(ENTER);
    app.find("#note").keys("Eerst een concept.");
    // The form was opened a while ago; the contact is "now" when it is saved.
    std::thread::sleep(std::time::Duration::from_secs(3));
    app.find("#support-practical").click();
    let before = chrono::Utc::now().timestamp();
    app.find("#save").click();
    app.find("#saved-message");
    let list = ok(&app, &["contact", "list"]);
    let at = chrono::DateTime::parse_from_rfc3339(list[0]["at"].as_str().unwrap()).unwrap();
    // Not the moment the form opened (3 s and more before), nor rounded to its minute.
    assert!(
        (at.timestamp() - before).abs() <= 2,
        "saved at {at}, clicked at {before}"
    );
    // A draft comes back with its age, and can be thrown away.
    app.wait_focus("person-input");
    app.keys("San");
    std::thread::sleep(std::time::Duration::from_millis(300));
    app.keys(ENTER);
    app.find("#note").keys("Half af.");
    std::thread::sleep(std::time::Duration::from_millis(900));
    app.restart();
    app.find("#passphrase").keys(PASS);
    app.keys(ENTER);
    let restored = app.find("#draft-restored").text();
    assert!(restored.contains("concept"), "{restored}");
    wait_value(&app, "#note", "Half af.");
    app.find("#draft-discard").click();
    wait_value(&app, "#note", "");
    assert!(!app.exists("#draft-restored"));
}

#[test]
fn a_typical_contact_takes_at_most_15_keystrokes_besides_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "keys");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Anouk"]);
    ok(&app, &["person", "add", "--alias", "Mo"]);
    // Mo has a goal of their own: the form offers it (issue 25) without a key more
    // for the contact that does not touch it.
    let o = cli(
        &app,
        &[
            "goal",
            "add",
            "--person",
            "Mo",
            "--text",
            "Zelf boodschappen doen",
        ],
        Some(PASS),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    app.find("#nav-people").click();
    app.find("#nav-log").click();
    app.wait_focus("person-input");
    let note: String = "Samen boodschappen gedaan en het rooster voor de week gemaakt. "
        .repeat(4)
        .chars()
        .take(200)
        .collect();
    let mut count = 0;
    let mut key = |k: &str| {
        count += 1;
        app.keys(k);
        std::thread::sleep(std::time::Duration::from_millis(120));
    };
    let text = |t: &str| {
        app.keys(t);
        std::thread::sleep(std::time::Duration::from_millis(350));
    };
    let started = std::time::Instant::now();
    text("Mo");
    key(ENTER); // the top match
    app.find("#goal-picker-title"); // Mo's open goal is offered
    key(TAB); // when
    text("gisteren 10:00");
    key(TAB); // minutes (selected on focus)
    text("60");
    key(TAB); // initiative
    key(TAB); // mode
    key(RIGHT); // walk
    key("1"); // practical
    key("2"); // emotional
    key(TAB); // the support toggles (one stop)
    key(TAB); // note
    text(&note);
    key(TAB); // own words
    text("Ik wil het zelf kunnen.");
    key(TAB); // own experience
    key(TAB); // signal
    key(TAB); // next check-in
    text("vr");
    key(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.find("#saved-message");
    let took = started.elapsed();
    let c = &ok(&app, &["contact", "list"])[0];
    assert_eq!(c["persons"][0], "Mo");
    assert_eq!(c["minutes"], 60);
    assert_eq!(c["mode"], "walk");
    assert_eq!(c["support"].as_array().unwrap().len(), 2, "{c}");
    assert_eq!(c["note"].as_str().unwrap().chars().count(), 200);
    assert_eq!(c["own_words"], "Ik wil het zelf kunnen.");
    eprintln!("keyboard-only contact: {count} keystrokes besides the text, {took:.1?} (driver pauses included)");
    assert!(count <= 15, "{count} keystrokes");
}
