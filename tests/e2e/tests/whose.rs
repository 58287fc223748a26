//! The right person, and only that person (issue 22): Ctrl+Enter in "Met wie" saves
//! the people chosen and nobody else; in a group contact the signal, the own words and
//! the check-in belong to whom the form says, and the person pages, the consult
//! agenda and the search show each only for its person.

mod common;

use common::*;
use serde_json::Value;

const PASS: &str = "wandelen langs de IJssel";

/// The command line's JSON answer on the app's vault.
fn json(app: &App, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let o = cli(app, &all, Some(PASS));
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Adds people from the command line, then opens the quick form anew so its list of
/// people has them. Returns their ids and codes by alias.
fn people(app: &App, aliases: &[&str]) -> Vec<(i64, String)> {
    for a in aliases {
        json(app, &["person", "add", "--alias", a]);
    }
    app.find("#nav-people").click();
    app.find("#nav-log").click();
    app.wait_focus("person-input");
    let list = json(app, &["person", "list"]);
    aliases
        .iter()
        .map(|a| {
            let p = list
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["alias"] == *a)
                .unwrap();
            (
                p["id"].as_i64().unwrap(),
                p["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Waits until the picker shows exactly `n` chosen people.
fn chips(app: &App, n: i64) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app
        .js("return document.querySelectorAll('.chip').length")
        .as_i64()
        != Some(n)
    {
        assert!(std::time::Instant::now() < deadline, "never {n} chips");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Waits until the list of search results has settled on `n` found (the list
/// reloads a moment after a change, so the count of before is not the answer),
/// and returns the count's text; after ten seconds, whatever it says.
fn found(app: &App, n: usize) -> String {
    let want = format!("{n} gevonden");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let busy = app.js("return document.querySelector('#results').getAttribute('aria-busy')");
        let text = app.find("#results-count").text();
        if (busy == "false" && text.starts_with(&want)) || std::time::Instant::now() > deadline {
            return text;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Opens a person from the list of people, once the list shows them.
fn open_person(app: &App, alias: &str) {
    let script = format!(
        "const b = [...document.querySelectorAll('#people-list .rowbutton')].find(b => b.textContent.includes('{alias}')); if (b) b.click(); return !!b;"
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.js(&script) != Value::Bool(true) {
        assert!(
            std::time::Instant::now() < deadline,
            "{alias} is not in the list"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn ctrl_enter_in_the_picker_saves_the_people_chosen_and_no_one_else() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "ctrlenter");
    first_run(&app, Some(PASS));
    people(&app, &["Kees", "Daan"]);
    // A contact for Kees: the form comes back with the picker offering Kees.
    app.keys("Kees");
    app.keys(ENTER);
    app.find(".chip");
    app.keys(&format!("{ALT}1{RELEASE}"));
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.find("#saved-message");
    app.wait_focus("person-input");
    // Daan's medication, saved with Ctrl+Enter while still in the field.
    app.keys("Daa");
    app.keys(ENTER);
    chips(&app, 1);
    app.keys(&format!("{ALT}1{RELEASE}"));
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    let saved = app.find("#saved-message").text();
    assert!(
        saved.contains("Daan") && !saved.contains("Kees"),
        "saved for people not chosen: {saved}"
    );
    let last = json(&app, &["contact", "list"]);
    assert_eq!(last[0]["persons"], serde_json::json!(["Daan"]), "{last}");

    // A name typed but not chosen is neither saved nor silently left out.
    app.wait_focus("person-input");
    app.keys("Kees");
    app.keys(ENTER);
    app.find(".chip");
    app.keys("Daa");
    app.keys(&format!("{ALT}2{RELEASE}"));
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    let err = app.find("#form-error").text();
    assert!(err.contains("'Daa'"), "{err}");
    assert_eq!(
        json(&app, &["contact", "list"]).as_array().unwrap().len(),
        2
    );

    // Ctrl+Z while the confirmation shows takes the last save back.
    app.keys("\u{E003}\u{E003}\u{E003}"); // Backspace ×3: "Daa" gone, Kees stays
    chips(&app, 1);
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.find("#saved-message");
    assert_eq!(
        json(&app, &["contact", "list"]).as_array().unwrap().len(),
        3
    );
    app.keys(&format!("{CTRL}z{RELEASE}"));
    app.find("#undone-message");
    assert_eq!(
        json(&app, &["contact", "list"]).as_array().unwrap().len(),
        2
    );
    app.screenshot("60-ctrl-z-undone");
}

#[test]
fn in_a_group_the_signal_and_the_own_words_are_only_for_whom_they_are_about() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "whose");
    first_run(&app, Some(PASS));
    let ids = people(&app, &["Sanne", "Esra"]);
    let (sanne, esra) = (&ids[0], &ids[1]);
    app.keys("Sanne");
    app.keys(ENTER);
    app.find(".chip");
    app.keys("Esra");
    app.keys(ENTER);
    chips(&app, 2);
    app.find("#note")
        .keys("Samen gekookt bij de eettafel, daarna een wandeling.");
    app.keys(&format!("{ALT}2{RELEASE}"));
    app.find("#own-words").keys("Ik wil weer gaan fietsen.");
    app.find("#signal").click();
    app.find("#signal-note")
        .keys("Esra noemt doodsgedachten; huisarts vandaag gebeld.");
    app.find("#consult").click();
    // A group: the form asks whose, and nobody is ticked until the supporter says.
    app.find("#signal-for");
    app.find("#own-words-for");
    app.screenshot("61-whose-asked");
    app.find("#save").click();
    let err = app.find("#form-error").text();
    assert!(err.contains("van wie"), "{err}");
    app.find(&format!("#own-words-for-{}", esra.0)).click();
    app.find(&format!("#signal-for-{}", esra.0)).click();
    app.find("#save").click();
    app.find("#saved-message");
    let c = &json(&app, &["contact", "list"])[0];
    assert_eq!(c["signal_for"], serde_json::json!(["Esra"]), "{c}");
    assert_eq!(c["own_words_for"], serde_json::json!(["Esra"]), "{c}");

    // Sanne's page: not Esra's words, not Esra's signal.
    app.find("#nav-people").click();
    app.find("#people-list");
    open_person(&app, "Sanne");
    app.find("#timeline");
    app.wait_text("Samen gekookt");
    let page = app.body_text();
    assert!(!page.contains("fietsen"), "Esra's words on Sanne's page");
    assert!(
        !page.contains("doodsgedachten"),
        "Esra's signal on Sanne's page"
    );
    assert!(!app.exists("#own-words-story"));
    // Esra's page: her words in her story, her signal in her timeline.
    app.find("#person-back").click();
    open_person(&app, "Esra");
    app.find("#own-words-story");
    app.wait_text("Ik wil weer gaan fietsen.");
    app.find("#timeline .contact .entry").click();
    app.wait_text("doodsgedachten");
    app.screenshot("62-person-signal-in-timeline");

    // The consult agenda: the signal under Esra's code only.
    app.find("#nav-consult").click();
    app.find("#last-4-weeks").click();
    // Both people's own pages in the summary: Esra's words on hers only.
    for (id, _) in [sanne, esra] {
        app.find(&format!("#consult-form fieldset input[value='{id}']"))
            .click();
    }
    app.find("#preview").click();
    app.find("#consult-facts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let page = loop {
        let t = app.frame_text("#summary-frame");
        if t.contains("doodsgedachten") || std::time::Instant::now() > deadline {
            break t;
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
    };
    let signal_lines: Vec<&str> = page.lines().filter(|l| l.contains("signa")).collect();
    assert!(
        signal_lines.iter().any(|l| l.contains(&esra.1)),
        "no signal for Esra ({}): {page}",
        esra.1
    );
    assert!(
        !signal_lines.iter().any(|l| l.contains(&sanne.1)),
        "a signal for Sanne ({}): {signal_lines:?}",
        sanne.1
    );
    let words = app.frame_words("#summary-frame");
    assert!(words.contains("Samen gekookt"), "no person pages: {words}");
    assert_eq!(
        words.matches("fietsen").count(),
        1,
        "Esra's words on more than her own page: {words}"
    );

    // Search finds the signal's words (it found nothing before), and within Sanne's
    // contacts it does not.
    app.find("#nav-review").click();
    app.find("#search").keys("doodsgedachten");
    let n = found(&app, 1);
    assert!(n.starts_with("1 gevonden"), "{n}");
    let hit = app.find("#results li").text();
    assert!(hit.contains("Esra"), "{hit}");
    app.js(&format!(
        "const s = document.querySelector('#filter-person'); s.value = '{}'; s.dispatchEvent(new Event('change', {{ bubbles: true }})); return 1;",
        sanne.0
    ));
    let n = found(&app, 0);
    assert!(
        n.starts_with("0 gevonden"),
        "found in Sanne's contacts by Esra's signal: {n}"
    );
    app.js(&format!(
        "const s = document.querySelector('#filter-person'); s.value = '{}'; s.dispatchEvent(new Event('change', {{ bubbles: true }})); return 1;",
        esra.0
    ));
    let n = found(&app, 1);
    assert!(n.starts_with("1 gevonden"), "{n}");
    app.screenshot("63-search-signal");
}
