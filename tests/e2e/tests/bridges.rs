//! Brugnotities all day: a draft is edited before it goes, a blocked share leads to
//! the person's consent (never to a command), the dates of sharing are shown, and the
//! copied text carries the kind, the dates and the consent it rests on. "Kopiëren als
//! tekst" puts it on the real clipboard, and takes it off again on lock, after the
//! time said beside the button, and on quit, but never what the user copied since.

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
    let mut app = App::start(dir.path(), "bridges");
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
    // Something copied before, maybe another client's note: the copy must replace it.
    set_clipboard("een eerdere notitie over iemand anders");
    app.find("button[id^=copy-btn-]").click();
    app.wait_text("Gekopieerd");
    let text = app
        .find("p[id^=copy-]:not([id^=copy-btn-]):not([id^=copy-clears-])")
        .text();
    assert!(text.contains("Soort: vraag"), "{text}");
    assert!(text.contains("(voor vragen over medicatie)"), "{text}");
    assert_eq!(
        clipboard().trim(),
        text.trim(),
        "the clipboard does not hold the copy"
    );
    let beside = app.find("span[id^=copy-clears-]").text();
    assert!(
        beside.contains("na een minuut") && beside.contains("vergrendelen"),
        "{beside}"
    );
    app.screenshot("49-bridges");

    // A lock takes it off the clipboard.
    app.find("#lock").click();
    app.wait_focus("passphrase");
    assert_eq!(
        clipboard(),
        "",
        "the note stayed on the clipboard after the lock"
    );
    app.keys(PASS);
    app.keys(ENTER);
    app.find("#nav-bridges").click();

    // What the user copied since is theirs: a lock leaves it.
    app.find("button[id^=copy-btn-]").click();
    app.wait_text("Gekopieerd");
    assert!(clipboard().contains("Soort: vraag"));
    set_clipboard("iets wat ik zelf kopieerde");
    app.find("#lock").click();
    app.wait_focus("passphrase");
    assert_eq!(clipboard(), "iets wat ik zelf kopieerde");
    app.keys(PASS);
    app.keys(ENTER);
    app.find("#nav-bridges").click();

    // After the time said beside the button (60 s), it goes by itself: still there
    // at 55 s counted from before the click, gone by 75 s.
    let copied = std::time::Instant::now();
    app.find("button[id^=copy-btn-]").click();
    app.wait_text("Gekopieerd");
    assert!(clipboard().contains("Soort: vraag"));
    std::thread::sleep(std::time::Duration::from_secs(55).saturating_sub(copied.elapsed()));
    assert!(
        clipboard().contains("Soort: vraag"),
        "cleared before its time"
    );
    while !clipboard().is_empty() {
        assert!(
            copied.elapsed() < std::time::Duration::from_secs(75),
            "the note stayed past its minute"
        );
        std::thread::sleep(std::time::Duration::from_millis(500));
    }

    // And on quit.
    app.find("button[id^=copy-btn-]").click();
    app.wait_text("Gekopieerd");
    assert!(clipboard().contains("Soort: vraag"));
    app.quit();
    assert_eq!(
        clipboard(),
        "",
        "the note stayed on the clipboard after quitting"
    );
}

/// What a paste would bring: the CLIPBOARD selection, read by xclip on the test's
/// display ("" when it is empty or has no owner).
fn clipboard() -> String {
    let o = std::process::Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .output()
        .expect("xclip (scripts/setup.sh installs it)");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Copies `text` as another program would (xclip stays to serve it).
fn set_clipboard(text: &str) {
    use std::io::Write;
    let mut c = std::process::Command::new("xclip")
        .args(["-selection", "clipboard", "-i"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("xclip");
    c.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    c.wait().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
}
