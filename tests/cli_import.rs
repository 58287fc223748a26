//! `naast import`, `naast export-all` and `naast hours` as scripts use them: the JSON
//! shapes of the issue, exit codes, one line on stderr for bad input, and the
//! warning before an unencrypted output.

mod common;

use common::cli::*;
use serde_json::Value;

fn sheet(c: &Cli) -> std::path::PathBuf {
    let out = c.dir.path().join("contacten.csv");
    // As Dutch Excel saves it: Windows-1252 (ë is 0xEB), ';', decimal commas, CRLF.
    std::fs::write(
        &out,
        b"Datum;Tijd;Cli\xebnt;Duur;Vorm;Soort steun;Notitie\r\n\
          3-2-2025;14.30;Sanne;0,75;wandeling;praktisch;Brief gelezen.\r\n\
          4-2-2025;10:00;Kees;1,5;telefoon;emotioneel;Gebeld.\r\n\
          31-2-2025;11.00;Sanne;0,5;chat;emotioneel;Kan niet.\r\n",
    )
    .unwrap();
    out
}

#[test]
fn dry_run_json_names_every_refused_row_and_exits_1() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let f = sheet(&c);
    let o = c.run(&["import", f.to_str().unwrap(), "--dry-run", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["rows"], 3);
    assert_eq!(v["imported"], 1);
    assert_eq!(v["skipped_duplicates"], 0);
    assert_eq!(v["new_people"], serde_json::json!(["Kees"]));
    assert_eq!(v["refused"][0]["row"], 3);
    assert_eq!(v["refused"][1]["row"], 4);
    assert!(v["refused"][1]["reason"]
        .as_str()
        .unwrap()
        .contains("31-2-2025"));
    // Nothing written.
    assert_eq!(c.json(&["contact", "list"]).as_array().unwrap().len(), 0);
    // With the bad column left out, the new person allowed and the bad row gone,
    // every row can be imported: exit 0.
    let text = std::fs::read(&f).unwrap();
    let good =
        &text[..text.len() - "31-2-2025;11.00;Sanne;0,5;chat;emotioneel;Kan niet.\r\n".len()];
    std::fs::write(&f, good).unwrap();
    let o = c.run(&[
        "import",
        f.to_str().unwrap(),
        "--dry-run",
        "--create-people",
        "--map",
        "F=skip",
        "--support",
        "navigation",
        "--json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
}

#[test]
fn import_then_again_and_contact_list_keeps_its_fields() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let f = sheet(&c);
    let v = c.json(&["import", f.to_str().unwrap(), "--create-people"]);
    assert_eq!(
        (v["imported"].as_i64(), v["skipped_duplicates"].as_i64()),
        (Some(2), Some(0))
    );
    assert_eq!(v["new_people"], serde_json::json!(["Kees"]));
    assert_eq!(v["refused"].as_array().unwrap().len(), 1);
    let again = c.json(&["import", f.to_str().unwrap(), "--create-people"]);
    assert_eq!(
        (
            again["imported"].as_i64(),
            again["skipped_duplicates"].as_i64()
        ),
        (Some(0), Some(2))
    );
    let list = c.json(&["contact", "list", "--person", "Sanne"]);
    let x = &list[0];
    assert_eq!(x["at_local"], "2025-02-03 14:30");
    assert_eq!(x["minutes"], 45);
    assert_eq!(x["mode"], "walk");
    assert_eq!(x["support"], serde_json::json!(["practical"]));
    assert_eq!(x["note"], "Brief gelezen.");
    assert_eq!(x["persons"], serde_json::json!(["Sanne"]));
    let text = c.ok(&["import", f.to_str().unwrap(), "--lang", "en"]);
    assert!(text.contains("row 4: '31-2-2025' is not a date"), "{text}");
    assert!(text.contains("already in Naast (skipped): 2"), "{text}");
}

#[test]
fn bad_input_gets_one_line_in_the_users_language() {
    let c = Cli::new();
    c.init();
    let f = sheet(&c);
    let p = f.to_str().unwrap();
    refused(
        &c.run(&["import", p, "--map", "Vorm"]),
        "is geen kolomkeuze",
    );
    refused(
        &c.run(&["import", p, "--map", "Onbekend=note"]),
        "het blad heeft geen kolom 'Onbekend'",
    );
    refused(
        &c.run(&["import", p, "--map", "Vorm=kleur"]),
        "onbekend veld 'kleur'",
    );
    refused(
        &c.run(&["import", p, "--map", "Cliënt=skip", "--dry-run"]),
        "geen kolom bevat de persoon; geef die met --map",
    );
    refused(&c.run(&["import", "/nergens/blad.xlsx"]), "bestaat niet");
    let odd = c.dir.path().join("kapot.xlsx");
    std::fs::write(&odd, b"PK\x03\x04 nee").unwrap();
    refused(
        &c.run(&["import", odd.to_str().unwrap(), "--lang", "en"]),
        "the workbook could not be read",
    );
    refused(
        &c.run(&["export-all", "--out", "x", "--format", "pdf"]),
        "onbekend formaat 'pdf'",
    );
    refused(
        &c.run(&[
            "hours",
            "--from",
            "2026-01-01",
            "--to",
            "2026-02-01",
            "--by",
            "dag",
        ]),
        "onbekende periode 'dag'",
    );
    refused(
        &c.run(&["hours", "--from", "2026-03-01", "--to", "2026-02-01"]),
        "de periode eindigt voordat hij begint",
    );
}

#[test]
fn export_all_and_hours_warn_that_the_result_is_not_encrypted() {
    let c = Cli::new();
    c.init();
    c.ok(&["demo", "--people", "3", "--contacts", "40"]);
    let out = c.dir.path().join("alles");
    let o = c.run(&[
        "export-all",
        "--out",
        out.to_str().unwrap(),
        "--format",
        "xlsx",
        "--json",
    ]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("wordt niet versleuteld"), "{err}");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["files"][0]
        .as_str()
        .unwrap()
        .ends_with("naast-export.xlsx"));

    let today = naast::ground::calendar::today();
    let from = (today - chrono::Duration::days(400)).to_string();
    let to = today.to_string();
    let hours = c.json(&["hours", "--from", &from, "--to", &to, "--by", "month"]);
    let months = hours.as_array().unwrap();
    assert!(months.len() >= 13);
    let sum: i64 = months.iter().map(|m| m["contacts"].as_i64().unwrap()).sum();
    assert_eq!(sum, 40);
    let m = months
        .iter()
        .find(|m| m["contacts"].as_i64() > Some(0))
        .unwrap();
    for key in ["period", "contacts", "hours", "support", "mode", "context"] {
        assert!(!m[key].is_null(), "{key}: {m}");
    }
    assert!(m["hours"].is_number());
    assert!(m["support"]["practical"].is_number());
    assert!(m["mode"]["home-visit"].is_number());
    assert!(m["context"]["group-member"].is_number());
    let file = c.dir.path().join("uren.csv");
    let o = c.run(&[
        "hours",
        "--from",
        &from,
        "--to",
        &to,
        "--csv",
        file.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not encrypted"));
    assert!(std::fs::read(&file)
        .unwrap()
        .starts_with(b"\xEF\xBB\xBFperiod;from;to;contacts;hours"));
}
