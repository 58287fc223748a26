//! Overzicht all day: a search says how many notes match and pages through all of
//! them, newest first or best match; one "Wis filters"; the detail shows every field.

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

/// Waits until the list has settled (no search or filter in flight: the letters
/// typed so far may each have searched, and an early one can show the same count)
/// and then shows `want`.
fn wait_count(app: &App, want: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let busy = app.js("return document.querySelector('#results').getAttribute('aria-busy')");
        let t = app.find("#results-count").text();
        if t == want && busy.as_str() == Some("false") {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "{t:?}, not {want:?}");
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
}

fn count(app: &App, css: &str) -> usize {
    app.js(&format!("return document.querySelectorAll('{css}').length"))
        .as_u64()
        .unwrap_or(0) as usize
}

#[test]
fn search_counts_pages_and_clears() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_locale(dir.path(), "review", "en_US.UTF-8");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Sanne"]);
    for i in 0..105 {
        ok(
            &app,
            &[
                "contact",
                "add",
                "--person",
                "Sanne",
                "--support",
                "practical",
                "--at",
                &format!("2026-{:02}-{:02} 10:00", 1 + i % 10, 1 + i % 27),
                "--note",
                &format!("Samen naar de woningbouw, keer {i}."),
            ],
        );
    }
    ok(
        &app,
        &[
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "emotional",
            "--at",
            "2026-11-02 09:00",
            "--signal",
            "--signal-note",
            "slaapt slecht",
            "--consult",
            "--own-experience",
            "--own-experience-note",
            "mijn eigen verhuizing",
            "--follow-up",
            "2026-12-01",
            "--tag",
            "wonen",
            "--note",
            "Een ander gesprek.",
        ],
    );
    app.find("#nav-review").click();
    app.find("#search").keys("woningbouw");
    wait_count(&app, "105 gevonden");
    assert_eq!(count(&app, "#results li"), 50);
    for want in [100, 105] {
        app.find("#more").click();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while count(&app, "#results li") < want {
            assert!(
                std::time::Instant::now() < deadline,
                "{} of {want}",
                count(&app, "#results li")
            );
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    }
    assert_eq!(count(&app, "#results li"), 105);
    assert!(!app.exists("#more"));
    // Newest first, on request.
    app.js("const s = document.querySelector('#search-order'); s.value = 'newest'; s.dispatchEvent(new Event('change', {bubbles: true}));");
    wait_count(&app, "105 gevonden");
    // One button clears the search and every filter.
    app.js("const s = document.querySelector('#filter-support'); s.value = 'emotional'; s.dispatchEvent(new Event('change', {bubbles: true}));");
    wait_count(&app, "0 gevonden");
    app.find("#clear-filters").click();
    wait_count(&app, "106 contactmomenten");
    assert_eq!(app.find("#search").value(), "");
    assert_eq!(
        app.js("return document.querySelector('#filter-support').value"),
        Value::String(String::new())
    );
    // The detail shows every field.
    app.find("#results li button").click();
    let facts = app.find("#detail-facts").text();
    for part in ["slaapt slecht", "mijn eigen verhuizing", "wonen", "1 dec"] {
        assert!(facts.contains(part), "{part} not in {facts}");
    }
    app.screenshot("46-review-detail");
}
