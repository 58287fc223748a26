//! Check-ins all day: planned here with a date and a reason, moved to any date, names
//! that open the person, and "Deze week" ending on Sunday. Also: a place opens at its
//! top, and closing a person asks first, naming them.

mod common;

use chrono::{Datelike, Duration};
use common::*;
use serde_json::Value;

const PASS: &str = "wandelen langs de IJssel";
const TAB: &str = "\u{E004}";

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

#[test]
fn check_ins_are_planned_moved_and_open_their_person() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_locale(dir.path(), "checkins", "en_US.UTF-8");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Sanne"]);
    // Next Monday is not "this week", whatever day today is.
    let t = today();
    let next_monday = t + Duration::days(7 - t.weekday().num_days_from_monday() as i64);
    ok(
        &app,
        &[
            "followup",
            "add",
            "--person",
            "Sanne",
            "--due",
            &next_monday.to_string(),
            "--why",
            "na het weekend",
        ],
    );
    app.find("#nav-checkins").click();
    app.wait_text("na het weekend");
    let week = app
        .js("return [...document.querySelectorAll('h2')].map(h => h.textContent).join('|')")
        .as_str()
        .unwrap()
        .to_string();
    assert!(week.contains("Deze week (0)"), "{week}");

    // Planned here: a date typed the Dutch way, and a reason.
    app.find("#checkin-due").click();
    app.keys("vr");
    app.find("#checkin-why").click();
    app.keys("even bellen");
    app.find("#checkin-add").click();
    app.wait_text("even bellen");
    let list = ok(&app, &["followup", "list"]);
    let mut friday = t;
    while friday.weekday() != chrono::Weekday::Fri {
        friday = friday.succ_opt().unwrap();
    }
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|f| f["due"] == friday.to_string() && f["why"] == "even bellen"),
        "{list}"
    );

    // Moved to any date, not only a week later.
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["why"] == "na het weekend")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    app.find(&format!("#checkin-other-{id}")).click();
    app.find(&format!("#checkin-move-{id}")).click();
    app.keys("15-1-2099");
    app.keys(TAB);
    app.find(&format!("#checkin-move-go-{id}")).click();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let l = ok(&app, &["followup", "list"]);
        if l.as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == id && f["due"] == "2099-01-15")
        {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "not moved: {l}");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    app.screenshot("45-check-ins");

    // A name opens the person; the page starts at its top.
    app.js("document.getElementById('main').scrollTo(0, 10000)");
    app.find("button.link b").click();
    app.find("#person-title");
    let top = app.js("return document.getElementById('main').scrollTop");
    assert_eq!(top.as_f64().unwrap_or(-1.0), 0.0, "{top}");
    // Closing asks first, naming the person; cancelling changes nothing.
    app.js("window.__asked = ''; window.confirm = (m) => { window.__asked = m; return false; };");
    app.find("#person-close").click();
    let asked = app.js("return window.__asked");
    assert!(asked.as_str().unwrap().contains("Sanne"), "{asked}");
    let people = ok(&app, &["person", "list"]);
    assert_eq!(people[0]["active"], true, "{people}");
}
