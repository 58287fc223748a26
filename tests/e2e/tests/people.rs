//! Mensen all day: the list with last contact, next check-in and context, a search,
//! closed people apart; the page tells the story (their own words, collected) and the
//! timeline pages through every contact, each opening in full.

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

fn count(app: &App, css: &str) -> usize {
    app.js(&format!("return document.querySelectorAll('{css}').length"))
        .as_u64()
        .unwrap_or(0) as usize
}

#[test]
fn the_list_and_the_page_tell_where_things_stand() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "people");
    first_run(&app, Some(PASS));
    for a in ["Sanne", "Mo", "Oud"] {
        ok(&app, &["person", "add", "--alias", a]);
    }
    ok(&app, &["person", "close", "Oud"]);
    for i in 0..60 {
        let mut args = vec![
            "contact".to_string(),
            "add".into(),
            "--person".into(),
            "Sanne".into(),
            "--support".into(),
            "emotional".into(),
            "--at".into(),
            format!("2026-{:02}-{:02} 10:00", 1 + i % 10, 1 + i % 27),
            "--note".into(),
            format!("Gesprek {i}.\nTweede regel van gesprek {i}."),
        ];
        if i % 20 == 0 {
            args.extend(["--own-words".into(), format!("Ik wil zelf kiezen ({i}).")]);
        }
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        ok(&app, &refs);
    }
    ok(
        &app,
        &[
            "followup",
            "add",
            "--person",
            "Sanne",
            "--due",
            "2099-03-02",
        ],
    );
    app.find("#nav-people").click();
    wait_within(&app, "#people-list", "Sanne");
    let list = app.find("#people-list").text();
    assert!(list.contains("Sanne") && list.contains("60"), "{list}");
    assert!(
        list.contains("2 mrt. 2099") || list.contains("2 mrt 2099"),
        "{list}"
    );
    assert!(
        !list.contains("Oud"),
        "a closed person among the active ones: {list}"
    );
    assert!(app.find("#closed-list").text().contains("Oud"));
    app.find("#people-search").keys("mo");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while count(&app, "#people-list tbody tr") != 1 {
        assert!(
            std::time::Instant::now() < deadline,
            "search did not narrow the list"
        );
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    assert!(app.find("#people-list").text().contains("Mo"));
    app.find("#people-search")
        .keys(&format!("{CTRL}a{RELEASE}\u{E003}"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while count(&app, "#people-list tbody tr") != 2 {
        assert!(
            std::time::Instant::now() < deadline,
            "the list did not come back"
        );
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    app.screenshot("47-people");

    // The page: their words, collected; the timeline pages without a silent cap.
    app.js("[...document.querySelectorAll('#people-list button')].find(b => b.textContent.includes('Sanne')).click()");
    let story = app.find("#own-words-story").text();
    assert!(
        story.contains("Ik wil zelf kiezen (0)") && story.contains("(40)"),
        "{story}"
    );
    let contacts = || count(&app, "#timeline li.contact");
    assert_eq!(contacts(), 50);
    app.find("#timeline-more").click();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while contacts() < 60 {
        assert!(std::time::Instant::now() < deadline, "{} of 60", contacts());
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    assert!(!app.exists("#timeline-more"));
    // An entry opens in full.
    app.find("#timeline li.contact button.entry").click();
    let full = app.find("#timeline .full").text();
    assert!(full.contains("Tweede regel"), "{full}");
    app.screenshot("48-person-page");
}
