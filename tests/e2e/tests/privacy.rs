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
        table.contains("kluis geopend") && table.contains("ingezien"),
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
