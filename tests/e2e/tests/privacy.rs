//! The audit trail in the real app: who did what is logged with the name asked at
//! first run, by code, and the chain check in Settings says it is whole.

mod common;

use common::*;

const PASS: &str = "wandelen langs de IJssel";

#[test]
fn the_log_names_the_supporter_and_people_by_code_and_checks_out() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "log");
    first_run(&app, Some(PASS));
    app.wait_focus("person-input");
    app.keys("Sanne");
    app.keys(ENTER);
    app.find("#note")
        .keys("Samen de brief van de gemeente gelezen.");
    app.keys(&format!("{ALT}1{RELEASE}"));
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.find("#saved-message");
    app.find("#nav-people").click();
    app.find("#people-list .rowbutton").click();
    app.find("#person-record");
    app.wait_text("Er is nog niets over deze persoon gedeeld");

    app.find("#nav-settings").click();
    app.find("#log-lines tbody tr");
    let table = app.find("#log-lines").text();
    assert!(
        table.contains("Anna de Testbegeleider (ervaringsdeskundige)"),
        "{table}"
    );
    assert!(
        table.contains("Kluis geopend") && table.contains("ingezien"),
        "{table}"
    );
    assert!(
        !table.contains("Sanne") && !table.contains("gemeente"),
        "{table}"
    );
    app.find("#log-verify").click();
    let ok = app.find("#log-checked").text();
    assert!(ok.contains("compleet en onveranderd"), "{ok}");
    app.screenshot("26-logbook");
    // The CLI sees the same chain.
    let o = cli(&app, &["log", "--verify"], Some(PASS));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn log_of(app: &App, action: &str) -> Vec<serde_json::Value> {
    let o = cli(app, &["log", "--action", action, "--json"], Some(PASS));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice::<serde_json::Value>(&o.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn the_log_records_the_summary_that_was_shown_and_only_what_really_left() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "printlog");
    first_run(&app, Some(PASS));
    let o = cli(&app, &["person", "add", "--alias", "Kees"], Some(PASS));
    assert!(o.status.success());
    let o = cli(
        &app,
        &[
            "contact",
            "add",
            "--person",
            "Kees",
            "--support",
            "navigation",
            "--consult",
            "--note",
            "Kees wil verhuizen.",
        ],
        Some(PASS),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    app.find("#nav-consult").click();
    app.find("#last-4-weeks").click();
    app.find("#preview").click();
    app.find("#summary-frame");

    // Print, then cancel the dialog: nothing left the vault, nothing is logged.
    app.find("#print").click();
    keys_to_window("Print|Afdrukken", &["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        log_of(&app, "print").is_empty(),
        "a cancelled print was logged"
    );

    // The level changed after the preview: what is saved is the page on screen
    // (codes), and the log says codes, not the full names the form now shows.
    app.find("#consult-level option[value=full]").click();
    app.find("#save-html").click();
    let out = dir.path().join("overleg.html");
    keys_to_window(
        "Save|Opslaan|HTML",
        &["ctrl+a", &format!("type:{}", out.display()), "Return"],
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !out.exists() {
        assert!(
            std::time::Instant::now() < deadline,
            "the summary was not saved"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        !html.contains("Kees"),
        "the page says names the preview did not show"
    );
    let saves = log_of(&app, "save");
    assert_eq!(saves.len(), 1, "{saves:?}");
    assert_eq!(saves[0]["detail"]["level"], "code");
    assert!(
        saves[0]["person"].is_string(),
        "everyone is logged by code, not as []"
    );
}

#[test]
fn the_summary_saved_as_pdf_is_naasts_own_owner_only_and_logged_once() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "savepdf");
    first_run(&app, Some(PASS));
    let o = cli(
        &app,
        &[
            "person",
            "add",
            "--alias",
            "Şükrü",
            "--full-name",
            "Şükrü Łukaszewicz",
        ],
        Some(PASS),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = cli(
        &app,
        &[
            "contact",
            "add",
            "--person",
            "Şükrü",
            "--support",
            "emotional",
            "--consult",
            "--note",
            "Şükrü Łukaszewicz wil weer gaan zwemmen.",
        ],
        Some(PASS),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    app.find("#nav-consult").click();
    app.find("#last-4-weeks").click();
    app.find("#preview").click();
    app.find("#summary-frame");
    app.find("#save-pdf").click();
    let out = dir.path().join("overleg.pdf");
    keys_to_window(
        "Save|Opslaan|PDF",
        &["ctrl+a", &format!("type:{}", out.display()), "Return"],
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !out.exists() {
        assert!(
            std::time::Instant::now() < deadline,
            "the PDF was not saved"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    app.wait_text("Opgeslagen.");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the PDF is for its owner only");
    let text = pdftotext(&out);
    assert!(text.contains("Samenvatting voor het teamoverleg"), "{text}");
    assert!(text.contains("pagina 1 van 2"), "{text}");
    assert!(text.contains("wil weer gaan zwemmen."), "{text}");
    assert!(
        !text.contains("Şükrü") && !text.contains("Łukaszewicz"),
        "a name in the PDF at level code: {text}"
    );
    let saves = log_of(&app, "save");
    assert_eq!(saves.len(), 1, "{saves:?}");
    assert_eq!(saves[0]["detail"]["format"], "pdf");
    assert_eq!(saves[0]["detail"]["level"], "code");
}
