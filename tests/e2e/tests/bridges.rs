//! Brugnotities all day: a draft is edited before it goes, a blocked share leads to
//! the person's consent (never to a command), the dates of sharing are shown, and the
//! copied text carries the kind, the dates and the consent it rests on.

mod common;

use common::*;

const PASS: &str = "wandelen langs de IJssel";

fn ok(app: &App, args: &[&str]) {
    let o = cli(app, args, Some(PASS));
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_draft_is_edited_and_a_blocked_share_leads_to_consent() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "bridges");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Mo"]);
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
            "Eerste versie.",
        ],
    );
    app.find("#nav-bridges").click();
    app.find("button[id^=bridge-edit-]").click();
    app.find("textarea[id^=bridge-edit-text-]")
        .clear()
        .keys("Mo vraagt of de dosering omlaag kan.");
    app.find("button[id^=bridge-edit-save-]").click();
    app.wait_text("Mo vraagt of de dosering omlaag kan.");
    assert!(!app.body_text().contains("Eerste versie."));

    // Sharing without consent: refused, with a way to the consent section.
    app.find("button.share").click();
    let err = app.find("#bridge-error").text();
    assert!(
        err.contains("toestemming") && !err.contains("naast "),
        "{err}"
    );
    app.find("#bridge-to-consent").click();
    app.find("#consent-scope").keys("vragen over medicatie");
    app.find("#consent-until").keys("31-12-2099");
    app.find("#consent-until").keys(ENTER);
    app.wait_text("vragen over medicatie");
    app.find("#nav-bridges").click();
    app.find("button.share").click();
    app.wait_text("Gedeeld (1)");
    let dates = app.find("p[id^=bridge-dates-]").text();
    assert!(dates.contains("gedeeld"), "{dates}");
    app.find("button[id^=copy-btn-]").click();
    let text = app.find("textarea[id^=copy-]").value();
    assert!(text.contains("Soort: vraag"), "{text}");
    assert!(text.contains("(voor vragen over medicatie)"), "{text}");
    app.screenshot("49-bridges");
}
