//! Every place, light and dark, Dutch and English, screenshotted for a person to look
//! at (target/screenshots/50-…); and in dark mode an empty checkbox or radio must not
//! look chosen, and the focus ring is not the colour of an error.

mod common;

use common::*;
use serde_json::Value;

const PASS: &str = "wandelen langs de IJssel";

fn every_place(theme: &str, lang: &str) {
    let dir = tempfile::tempdir().unwrap();
    let mut env = vec![("LANG", "nl_NL.UTF-8"), ("LC_ALL", "nl_NL.UTF-8")];
    if theme == "dark" {
        env.push(("GTK_THEME", "Adwaita:dark"));
    }
    let app = App::start_env(dir.path(), &format!("looks-{theme}-{lang}"), &env);
    if lang == "en" {
        app.find(".row.between button.link").click();
        app.wait_text("Welcome");
    }
    first_run(&app, Some(PASS));
    let o = cli(
        &app,
        &["demo", "--people", "8", "--contacts", "80"],
        Some(PASS),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let dark = app.js("return matchMedia('(prefers-color-scheme: dark)').matches");
    assert_eq!(
        dark,
        Value::Bool(theme == "dark"),
        "the webview did not follow the theme"
    );
    let places = [
        "log", "people", "review", "bridges", "checkins", "consult", "settings",
    ];
    for (i, p) in places.iter().enumerate() {
        app.find(&format!("#nav-{p}")).click();
        std::thread::sleep(std::time::Duration::from_millis(600));
        app.screenshot(&format!("50-{theme}-{lang}-{}-{p}", i + 1));
    }
    // A person's page: own words, the circle in its two groups, consent, timeline.
    app.find("#nav-people").click();
    app.find("#people-list button").click();
    app.find("#circle-formal");
    std::thread::sleep(std::time::Duration::from_millis(600));
    app.screenshot(&format!("50-{theme}-{lang}-8-person"));
    // An unchecked box is an outline, a checked one is filled: they never look alike.
    app.find("#nav-log").click();
    app.find("#signal");
    let look = |sel: &str| {
        app.js(&format!(
            "return getComputedStyle(document.querySelector('{sel}')).backgroundColor"
        ))
    };
    let empty = look("#signal");
    app.find("#signal").click();
    let ticked = look("#signal");
    assert_ne!(empty, ticked, "checked and unchecked look the same");
    let focus = app
        .js("return getComputedStyle(document.documentElement).getPropertyValue('--focus').trim()");
    let danger = app.js(
        "return getComputedStyle(document.documentElement).getPropertyValue('--danger').trim()",
    );
    assert_ne!(focus, danger);
}

#[test]
fn light_dutch() {
    every_place("light", "nl");
}

#[test]
fn dark_dutch() {
    every_place("dark", "nl");
}

#[test]
fn light_english() {
    every_place("light", "en");
}

#[test]
fn dark_english() {
    every_place("dark", "en");
}
