//! Issue 21's note in the real app: phone number, e-mail, BSN, address, website and
//! the names Naast is sure of are replaced in the summary without a question; the
//! words it is unsure of (Kees, Dimence) are listed with what they may be, printing
//! waits for a choice, and the saved page holds no identifier. In Dutch and English.

mod common;

use common::*;
use serde_json::Value;

const PASS: &str = "wandelen langs de IJssel";

const NOTE: &str = "Kees belde me gisteren. Sanne woont sinds kort aan de Kerkstraat 12, \
    8011 AB Zwolle, en is bereikbaar op 06-12345678 of sanne.devries@gmail.com. Haar BSN is \
    123456782. Mijnheer Visser van het wijkteam kwam ook langs. Met J. Th. A. Bakker van \
    Dimence gebeld over haar afspraak op 12 maart. Ze is 34 jaar. Haar moeder Anja wil \
    meedenken. Zie ook www.sannesblog.nl.";

/// What the issue's note holds that must not leave once the words are answered.
const LEAKS: [&str; 11] = [
    "Kees",
    "Sanne",
    "Kerkstraat",
    "8011",
    "12345678",
    "devries",
    "123456782",
    "Visser",
    "Bakker",
    "Anja",
    "sannesblog",
];

fn ok(app: &App, args: &[&str]) -> std::process::Output {
    let o = cli(app, args, Some(PASS));
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// A vault with Sanne and the note, marked for the consult; the Consult screen with
/// its preview made, in English when asked.
fn preview(app: &App, english: bool) -> Vec<(String, String)> {
    first_run(app, Some(PASS));
    if english {
        app.find("#nav-settings").click();
        app.find("#language option[value=en]").click();
        app.find("#save-settings").click();
        app.wait_text("Log a contact");
    }
    ok(
        app,
        &[
            "person",
            "add",
            "--alias",
            "Sanne",
            "--full-name",
            "Sanne de Vries",
        ],
    );
    ok(
        app,
        &[
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "practical",
            "--consult",
            "--note",
            NOTE,
        ],
    );
    app.find("#nav-consult").click();
    app.find("#last-4-weeks").click();
    app.find("#preview").click();
    app.find("#suspects-title");
    (0..2)
        .map(|i| {
            (
                app.find(&format!("#suspect-word-{i}")).text(),
                app.find(&format!("#suspect-kind-{i}")).text(),
            )
        })
        .collect()
}

#[test]
fn the_issues_note_leaves_the_app_with_no_identifier_unseen() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "identifiers");
    let words = preview(&app, false);
    let title = app.find("#suspects-title").text();
    assert!(title.starts_with("2 woorden om na te kijken"), "{title}");
    // Only what Naast is unsure of is asked, with what it may be.
    assert_eq!(
        words,
        [
            ("Dimence".to_string(), "(zorginstelling, 1×)".to_string()),
            ("Kees".to_string(), "(naam?, 1×)".to_string())
        ]
    );
    assert!(!app.exists("#suspect-word-2"));
    for id in ["#print", "#save-html"] {
        assert_eq!(
            app.js(&format!("return document.querySelector('{id}').disabled")),
            Value::Bool(true),
            "{id} enabled with words left to check"
        );
    }
    // A place or institution may stay (no "person" choice); a name may be a person.
    let options = |i: usize| {
        app.js(&format!(
            "return [...document.querySelectorAll('#suspect-{i} option')].map(o => o.textContent).join('|')"
        ))
    };
    assert_eq!(
        options(0),
        Value::String("—|Vervang door een omschrijving|Mag blijven staan".into())
    );
    assert_eq!(
        options(1),
        Value::String(
            "—|Een persoon: vervang door de code|Iemand anders: vervang door een rol|Is geen naam"
                .into()
        )
    );
    app.screenshot("43-consult-identifiers-nl");

    app.js("const s = document.querySelector('#suspect-0'); s.value = 'notname'; s.dispatchEvent(new Event('change'));");
    app.js("const s = document.querySelector('#suspect-1'); s.value = 'role'; s.dispatchEvent(new Event('change'));");
    app.find("#suspect-role-1").keys("de buurman");
    app.find("#suspects-apply").click();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.exists("#suspects") {
        assert!(std::time::Instant::now() < deadline, "the words stayed");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert_eq!(
        app.js("return document.querySelector('#save-html').disabled"),
        Value::Bool(false)
    );

    // What leaves is what the preview showed.
    app.find("#save-html").click();
    let out = dir.path().join("overleg.html");
    keys_to_window(
        "Save|Opslaan|HTML",
        &["ctrl+a", &format!("type:{}", out.display()), "Return"],
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !out.exists() {
        assert!(std::time::Instant::now() < deadline, "not saved");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    let html = std::fs::read_to_string(&out).unwrap();
    for leak in LEAKS {
        assert!(!html.contains(leak), "{leak:?} left the vault");
    }
    for kept in [
        "De buurman belde me gisteren.",
        "aan de [adres], en is bereikbaar op [telefoonnummer] of [e-mailadres].",
        "Haar BSN is [BSN]. Mijnheer [naam] van het wijkteam",
        "Met [naam] van Dimence gebeld over haar afspraak op 12 maart. Ze is 34 jaar.",
        "Haar moeder [naam] wil meedenken. Zie ook [website].",
    ] {
        assert!(html.contains(kept), "{kept:?} is not in the saved page");
    }
    // "Mag blijven staan" is remembered: the command line no longer warns about
    // Dimence; Kees was replaced for that summary only, so it still does.
    let o = ok(
        &app,
        &[
            "summary",
            "--from",
            "2000-01-01",
            "--to",
            "2099-12-31",
            "--out",
            dir.path().join("cli.html").to_str().unwrap(),
        ],
    );
    let warnings = String::from_utf8_lossy(&o.stderr);
    assert!(!warnings.contains("Dimence"), "{warnings}");
    assert!(warnings.contains("\"Kees\" lijkt een naam"), "{warnings}");
}

#[test]
fn in_english_the_words_to_check_say_what_they_may_be() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "identifiers-en");
    let words = preview(&app, true);
    let title = app.find("#suspects-title").text();
    assert!(title.starts_with("2 words to check"), "{title}");
    assert_eq!(
        words,
        [
            ("Dimence".to_string(), "(care institution, 1×)".to_string()),
            ("Kees".to_string(), "(name?, 1×)".to_string())
        ]
    );
    app.screenshot("43-consult-identifiers-en");
}

/// A bridge note copied as text for a care record: the same redactor, and nothing is
/// copied until every word Naast is unsure of has an answer.
#[test]
fn a_copied_bridge_note_waits_for_the_words_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "identifiers-copy");
    first_run(&app, Some(PASS));
    let sanne = ["--person", "Sanne"];
    ok(
        &app,
        &[
            "person",
            "add",
            "--alias",
            "Sanne",
            "--full-name",
            "Sanne de Vries",
        ],
    );
    let to = ["--to", "dr. Jansen"];
    ok(
        &app,
        &[
            &[
                "circle",
                "add",
                "--name",
                "dr. Jansen",
                "--role",
                "psychiater",
                "--formal",
            ][..],
            &sanne[..],
        ]
        .concat(),
    );
    ok(
        &app,
        &[
            &["consent", "add", "--until", "2099-12-31"][..],
            &sanne[..],
            &to[..],
        ]
        .concat(),
    );
    ok(
        &app,
        &[
            &["bridge", "add", "--kind", "question", "--text", NOTE][..],
            &sanne[..],
            &to[..],
        ]
        .concat(),
    );
    app.find("#nav-bridges").click();
    app.find("button[id^=copy-btn-]").click();
    let title = app.find("h2[id^=copy-unsure-]").text();
    assert!(title.starts_with("2 woorden om na te kijken"), "{title}");
    let words = app.js(
        "return [...document.querySelectorAll('form[id^=copy-unsure-] li.suspect b')].map(b => b.textContent).join('|')",
    );
    assert_eq!(words, Value::String("Dimence|Kees".into()));
    // Nothing was copied yet.
    assert!(!app.exists(".copied"));
    app.screenshot("51-bridge-copy-identifiers-nl");

    // Only one answered: still nothing copied.
    let choose = |i: usize, v: &str| {
        app.js(&format!(
            "const s = document.querySelectorAll('form[id^=copy-unsure-] li.suspect')[{i}].querySelector('select'); \
             s.value = '{v}'; s.dispatchEvent(new Event('change'));"
        ));
    };
    choose(0, "notname");
    app.find("button[id^=copy-unsure-][id$=s-apply]").click();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.exists("form[id^=copy-unsure-] li.suspect:nth-child(2)") {
        assert!(std::time::Instant::now() < deadline, "Dimence stayed");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(!app.exists(".copied"));
    choose(0, "role");
    app.find("form[id^=copy-unsure-] input").keys("de buurman");
    app.find("button[id^=copy-unsure-][id$=s-apply]").click();
    let text = app.find(".copied").text();
    assert!(!app.exists("form[id^=copy-unsure-]"));
    for leak in LEAKS {
        assert!(!text.contains(leak), "{leak:?} left the vault: {text}");
    }
    for kept in [
        "De buurman belde me gisteren.",
        "aan de [adres], en is bereikbaar op [telefoonnummer] of [e-mailadres].",
        "van Dimence gebeld",
    ] {
        assert!(text.contains(kept), "{kept:?} is not in the copy: {text}");
    }
}
