//! Bringing a sheet along in the real app: Instellingen → Importeren with a real XLSX
//! (written by rust_xlsxwriter, with Excel date, time and number cells), the preview,
//! the choices, Importeren, and again without anything new; Alles exporteren; and the
//! hours overview on Teamoverleg. Screenshots in Dutch and English, light and dark.

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

/// Four rows as a peer supporter kept them: one with a person Naast does not know
/// and a mode word it does not know, one with a date that does not exist.
fn sheet(dir: &std::path::Path) -> std::path::PathBuf {
    use rust_xlsxwriter::{ExcelDateTime as X, Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Contacten").unwrap();
    let date = Format::new().set_num_format("d-m-yyyy");
    let hhmm = Format::new().set_num_format("hh:mm");
    for (c, h) in [
        "Datum",
        "Tijd",
        "Cliënt",
        "Duur (min)",
        "Contactvorm",
        "Soort steun",
        "Verslag",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let rows: [(u8, u8, &str, f64, &str, &str, &str); 4] = [
        (
            3,
            14,
            "Sanne",
            45.0,
            "wandeling",
            "praktisch, emotioneel",
            "Samen de brief van de gemeente gelezen.",
        ),
        (
            4,
            10,
            "Mo",
            90.0,
            "telefonisch",
            "informatief",
            "Wachtlijst uitgezocht.",
        ),
        (
            5,
            9,
            "Kees",
            60.0,
            "fietstocht",
            "navigatie",
            "Samen naar het wijkteam gefietst.",
        ),
        (
            0,
            11,
            "Sanne",
            30.0,
            "chat",
            "emotioneel",
            "Datum bestaat niet.",
        ),
    ];
    for (i, (day, hour, who, min, mode, sup, note)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        if *day == 0 {
            ws.write_string(r, 0, "31-2-2025").unwrap();
        } else {
            ws.write_datetime_with_format(r, 0, X::from_ymd(2025, 2, *day).unwrap(), &date)
                .unwrap();
        }
        ws.write_datetime_with_format(r, 1, X::from_hms(*hour as u16, 30, 0).unwrap(), &hhmm)
            .unwrap();
        ws.write_string(r, 2, *who).unwrap();
        ws.write_number(r, 3, *min).unwrap();
        ws.write_string(r, 4, *mode).unwrap();
        ws.write_string(r, 5, *sup).unwrap();
        ws.write_string(r, 6, *note).unwrap();
    }
    let out = dir.join("mijn contacten.xlsx");
    wb.save(&out).unwrap();
    out
}

fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !f() {
        assert!(std::time::Instant::now() < deadline, "waited for {what}");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// Chooses an option of a select as a person would, by its value.
fn choose(app: &App, css: &str, value: &str) {
    app.js(&format!(
        "const s = document.querySelector({css:?}); s.value = {value:?}; s.dispatchEvent(new Event('change', {{ bubbles: true }}));"
    ));
}

#[test]
fn a_real_xlsx_through_the_import_screen_then_again_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "import");
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Sanne"]);
    ok(&app, &["person", "add", "--alias", "Mo"]);
    let file = sheet(dir.path());
    let before = std::fs::read(&file).unwrap();

    app.find("#nav-settings").click();
    app.find("#import-file").keys(file.to_str().unwrap());
    app.find("#import-look").click();
    let counts = app.find("#import-counts");
    wait_for("the preview", || counts.text().contains("4 rijen"));
    assert_eq!(
        counts.text(),
        "4 rijen: 2 worden geïmporteerd, 0 staan al in Naast, 2 geweigerd."
    );
    let refused = app.find("#import-refused").text();
    assert!(
        refused.contains("Rij 4: 'Kees' is nog niet bekend in Naast"),
        "{refused}"
    );
    assert!(
        refused.contains("Rij 5: '31-2-2025' is geen datum"),
        "{refused}"
    );
    let shown = app.find("#import-shown").text();
    assert!(
        shown.contains("wandeling") && shown.contains("praktisch, emotioneel"),
        "{shown}"
    );
    assert_eq!(app.find("#import-col-2").value(), "person");
    assert_eq!(app.find("#import-col-3").value(), "minutes");
    assert!(app.find("#import-new-people").text().contains("Kees"));
    assert!(app.find("#import-words").text().contains("fietstocht"));
    assert!(app.axe().is_empty(), "{:?}", app.axe());
    app.screenshot("60-import-preview");

    // Kees may be made; "fietstocht" is a walk.
    app.find("#import-create-people").click();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let now = app.find("#import-counts").text();
        if now.contains("3 worden geïmporteerd") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "after 'Deze mensen aanmaken': {now}; box checked: {}",
            app.js("return document.querySelector('#import-create-people').checked")
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    choose(&app, "#import-word-0", "mode:walk");
    wait_for("the word's choice in the preview", || {
        app.find("#import-shown").text().contains("Kees")
            && {
                let row = app.js("return [...document.querySelectorAll('#import-shown tbody tr')].find(r => r.innerText.includes('Kees')).innerText");
                row.as_str().unwrap_or("").contains("wandeling")
            }
    });
    let go = app.find("#import-go");
    assert_eq!(go.text(), "Importeren (3)");
    go.click();
    let done = app.find("#import-done");
    assert_eq!(
        done.text(),
        "Klaar: 3 contactmomenten geïmporteerd, 1 persoon aangemaakt."
    );
    app.screenshot("61-import-done");

    let list = ok(&app, &["contact", "list"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 3);
    let kees = list.iter().find(|c| c["persons"][0] == "Kees").unwrap();
    assert_eq!(kees["mode"], "walk");
    assert_eq!(kees["at_local"], "2025-02-05 09:30");
    assert_eq!(kees["minutes"], 60);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the sheet was changed"
    );

    // Again: everything is recognised, nothing to import.
    app.find("#import-file")
        .clear()
        .keys(file.to_str().unwrap());
    app.find("#import-look").click();
    wait_for("the second preview", || {
        app.find("#import-counts")
            .text()
            .contains("staan al in Naast")
    });
    assert_eq!(
        app.find("#import-counts").text(),
        "4 rijen: 0 worden geïmporteerd, 3 staan al in Naast, 1 geweigerd."
    );
    assert!(!app.exists("#import-new-people"), "Kees is known now");
    assert_eq!(
        app.js("return document.querySelector('#import-go').disabled"),
        Value::Bool(true)
    );
    assert_eq!(ok(&app, &["contact", "list"]).as_array().unwrap().len(), 3);

    // Alles exporteren: asked first, then owner-only files.
    let out = dir.path().join("weg");
    app.js("window.confirm = () => true;");
    app.find("#export-xlsx").click();
    app.find("#export-folder").keys(out.to_str().unwrap());
    app.find("#export-go").click();
    let exported = app.find("#export-done").text();
    assert!(
        exported.starts_with("Geëxporteerd: 1 bestand"),
        "{exported}"
    );
    let book = out.join("naast-export.xlsx");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&book).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let log = ok(&app, &["log", "--action", "export"]);
    assert_eq!(log[0]["object"], "vault");

    // The hours overview: February 2025 holds the three contacts, 3 hours 15.
    app.find("#nav-consult").click();
    app.find("#view-hours").click();
    // The screen fills in this year first; type over it only once it has.
    wait_for("this year filled in", || {
        !app.find("#hours-to-said").text().is_empty()
    });
    app.find("#hours-from").clear().keys("1-1-2025");
    app.find("#hours-to").clear().keys("31-3-2025");
    app.keys("\u{E004}");
    wait_for("the dates read", || {
        app.find("#hours-to-said").text().contains("2025")
            && app.find("#hours-from-said").text().contains("2025")
    });
    app.find("#hours-make").click();
    let table = app.find("#hours-table");
    wait_for("the hours", || table.text().contains("februari 2025"));
    let feb = app.js("return [...document.querySelectorAll('#hours-table tbody tr')][1].innerText");
    let feb = feb.as_str().unwrap().to_string();
    assert!(feb.starts_with("februari 2025\t3\t3,25"), "{feb:?}");
    assert!(!table.text().contains("Sanne") && !table.text().contains("Kees"));
    assert!(app.axe().is_empty(), "{:?}", app.axe());
    app.screenshot("62-hours");
}

fn looks(theme: &str, lang: &str) {
    let dir = tempfile::tempdir().unwrap();
    let mut env = vec![("LANG", "nl_NL.UTF-8"), ("LC_ALL", "nl_NL.UTF-8")];
    if theme == "dark" {
        env.push(("GTK_THEME", "Adwaita:dark"));
    }
    let app = App::start_env(dir.path(), &format!("import-{theme}-{lang}"), &env);
    if lang == "en" {
        app.find(".row.between button.link").click();
        app.wait_text("Welcome");
    }
    first_run(&app, Some(PASS));
    ok(&app, &["person", "add", "--alias", "Sanne"]);
    ok(&app, &["demo", "--people", "6", "--contacts", "120"]);
    let file = sheet(dir.path());
    app.find("#nav-settings").click();
    app.find("#import-file").keys(file.to_str().unwrap());
    app.find("#import-look").click();
    app.find("#import-shown");
    for (i, part) in [
        "#import-title",
        "#import-columns-title",
        "#import-words",
        "#import-shown-title",
    ]
    .iter()
    .enumerate()
    {
        app.js(&format!(
            "document.querySelector({part:?}).scrollIntoView()"
        ));
        std::thread::sleep(std::time::Duration::from_millis(400));
        app.screenshot(&format!("63-{theme}-{lang}-import-{i}"));
    }
    app.js("document.querySelector('#export-all-title').scrollIntoView()");
    app.screenshot(&format!("64-{theme}-{lang}-export"));
    app.find("#nav-consult").click();
    app.find("#view-hours").click();
    wait_for("the dates read", || {
        !app.find("#hours-to-said").text().is_empty()
    });
    app.find("#hours-make").click();
    app.find("#hours-table");
    std::thread::sleep(std::time::Duration::from_millis(500));
    app.screenshot(&format!("65-{theme}-{lang}-hours"));
}

#[test]
fn import_and_hours_light_and_dark_dutch_and_english() {
    looks("light", "nl");
    looks("dark", "en");
}
