//! The person's rights: everything about them, about them only, in a document they
//! can read and a file a system can read; and an erasure that leaves nothing
//! readable, checked from outside Naast with SQLCipher and the key.

mod common;

use std::process::Command;

use common::*;
use naast::audit;
use naast::ground::calendar;
use naast::ground::lang::Lang;
use naast::ground::time;
use naast::ground::vocab::{self, BridgeKind, Support};
use naast::records::bridge;
use naast::records::circle;
use naast::records::consent;
use naast::records::contact::{self, NewContact};
use naast::records::erasure;
use naast::records::followup;
use naast::records::goal;
use naast::records::person::{self, NewPerson};
use naast::vault::Vault;
use naast::ways::dossier::{self, Format};

fn day(s: &str) -> chrono::NaiveDate {
    time::parse_date(s).unwrap()
}

fn add(v: &Vault, alias: &str, full: &str) -> i64 {
    person::add(
        v.conn(),
        &NewPerson {
            alias: alias.into(),
            full_name: full.into(),
            wishes: "Weer zelf koken.".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

/// Sanne's contacts (one a group dinner with Mo), a bridge note shared on consent,
/// a check-in done and one open.
fn seed(v: &Vault) -> (i64, i64) {
    let c = v.conn();
    let sanne = add(v, "Sanne", "Sanne Jansen");
    let mo = add(v, "Mo", "Mohammed el Idrissi");
    let mut n = NewContact::now(vec![sanne], vec![Support::Practical]);
    n.note = "Samen de brief gelezen <b>vetgedrukt</b>.".into();
    n.own_words = "Ik wil het zelf kunnen.".into();
    n.follow_up = Some(day("2026-12-01"));
    contact::add(c, &n).unwrap();
    let mut g = NewContact::now(vec![sanne, mo], vec![Support::Emotional]);
    g.note = "Groepsavond: Mo kookte, Sanne deed de afwas en Mo's broer kwam later.".into();
    contact::add(c, &g).unwrap();
    let doc = circle::add_member(c, sanne, "dr. Visser", "psychiater", true).unwrap();
    consent::add_consent(
        c,
        &doc,
        "brugnotities",
        day("2026-11-01"),
        day("2027-05-31"),
    )
    .unwrap();
    let b = bridge::add(
        c,
        &bridge::NewBridgeNote {
            person_id: sanne,
            member_id: doc.id,
            kind: BridgeKind::Question,
            text: "Sanne merkt geen verschil sinds de nieuwe afspraak.".into(),
            client_voice: "Ik wil gehoord worden.".into(),
            contacts: vec![],
        },
    )
    .unwrap();
    bridge::share(c, b.id, calendar::today()).unwrap();
    bridge::answer(c, b.id, "Volgende week samen bespreken.").unwrap();
    let f = followup::open(c, Some(sanne)).unwrap()[0].id;
    followup::done(c, f, calendar::today()).unwrap();
    followup::add(c, sanne, day("2026-12-15"), "na de vakantie").unwrap();
    // Her own plan: a goal with Mo in it, a rating, a status change.
    let g = goal::add(
        c,
        sanne,
        &goal::NewGoal {
            text: "Samen met Mo koken, zonder dat het me uitput".into(),
            why: "Ik wil weer gastvrouw zijn".into(),
            helpers: vec!["dr. Visser".into()],
            supporter: true,
            ..Default::default()
        },
    )
    .unwrap();
    for (score, words) in [(3, "Nog zwaar"), (5, "Lukt <b>half</b>")] {
        goal::rate(
            c,
            g.id,
            &goal::NewRating {
                score,
                words: words.into(),
                on: Some(day("2026-11-20")),
                contact: None,
            },
        )
        .unwrap();
    }
    goal::set_status(c, g.id, goal::Status::LetGo).unwrap();
    (sanne, mo)
}

#[test]
fn everything_about_a_person_about_them_only_in_both_files() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let (sanne, _) = seed(&v);
    let json_out = t.dir.path().join("sanne.json");
    let html_out = t.dir.path().join("sanne.html");
    dossier::export(v.conn(), &t.path, sanne, Format::Json, Lang::Nl, &json_out).unwrap();
    dossier::export(v.conn(), &t.path, sanne, Format::Html, Lang::Nl, &html_out).unwrap();

    let j: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_out).unwrap()).unwrap();
    assert_eq!(j["schema"], "naast-dossier/1");
    assert_eq!(j["person"]["full_name"], "Sanne Jansen");
    assert_eq!(j["contacts"].as_array().unwrap().len(), 2);
    assert_eq!(j["contacts"][1]["others"], 1);
    assert_eq!(
        j["checkins"].as_array().unwrap().len(),
        2,
        "done check-ins too"
    );
    assert!(j["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| !f["done_on"].is_null()));
    let shares = j["bridge_notes"][0]["shares"].as_array().unwrap();
    assert_eq!(shares.len(), 1);
    assert_eq!(
        j["bridge_notes"][0]["answer"],
        "Volgende week samen bespreken."
    );
    // The log says what left the vault about her: the share, and the first export.
    let logged: Vec<&str> = j["shared_log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["action"].as_str().unwrap())
        .collect();
    assert_eq!(logged, ["share"]);
    // Her whole plan, with its history.
    let plan = j["plan"].as_array().unwrap();
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0]["status"], "let-go");
    assert_eq!(plan[0]["why"], "Ik wil weer gastvrouw zijn");
    let scores: Vec<i64> = plan[0]["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["score"].as_i64().unwrap())
        .collect();
    assert_eq!(scores, [3, 5]);
    assert_eq!(plan[0]["history"].as_array().unwrap().len(), 2);
    assert_eq!(plan[0]["helpers"][0]["name"], "dr. Visser");

    let html = std::fs::read_to_string(&html_out).unwrap();
    for doc in [std::fs::read_to_string(&json_out).unwrap(), html.clone()] {
        // About her only: Mo is never named, not by alias, not by full name.
        assert!(
            !doc.contains("Mo ") && !doc.contains("Mo'") && !doc.contains("Idrissi"),
            "{doc}"
        );
        assert!(doc.contains("een andere deelnemer"));
        assert!(doc.contains("Ik wil het zelf kunnen."));
    }
    assert!(html.contains("Samen de brief gelezen &lt;b&gt;vetgedrukt&lt;/b&gt;."));
    assert!(!html.contains("<script") && !html.contains("http"));
    assert!(html.contains("met 1 andere deelnemer"));
    assert!(html.contains("Jouw plan"));
    assert!(
        html.contains("Samen met een andere deelnemer koken"),
        "{html}"
    );
    assert!(html.contains("losgelaten"));
    assert!(html.contains("Lukt &lt;b&gt;half&lt;/b&gt;"));
    assert!(html.contains("dr. Visser, je ervaringsdeskundige"));
    for f in [&json_out, &html_out] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let exports = audit::list(
        v.conn(),
        &audit::Query {
            action: Some(vocab::Action::Export),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    assert_eq!(exports.len(), 2);
    assert!(exports.iter().all(|e| e.person_id == Some(sanne)));
}

/// Runs tests/tools/scan_vault.py: SQLCipher (PyPI sqlcipher3-wheels) opens the file
/// with the raw key, and every page and WAL frame is decrypted and searched.
fn scan(path: &std::path::Path, key_hex: &str, markers: &[&str]) -> serde_json::Value {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/scan_vault.py");
    let o = Command::new("python3")
        .arg(script)
        .arg(path)
        .arg(key_hex)
        .args(markers)
        .output()
        .expect("python3 with sqlcipher3-wheels and cryptography (scripts/setup.sh)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn an_erased_person_is_nowhere_in_the_file_pages_and_log_included() {
    let t = TestVault::new();
    let (v, code) = t.init_passphrase();
    let c = v.conn();
    let erased = add(&v, "Qwertyalias", "Qwerty Volledignaam");
    let kept = add(&v, "Blijft", "");
    for i in 0..40 {
        let mut n = NewContact::now(vec![erased], vec![Support::Emotional]);
        n.note = format!("notitiemarkeringxyz nummer {i} over de week");
        n.own_words = "eigenwoordenmarkeringxyz".into();
        contact::add(c, &n).unwrap();
    }
    let mut g = NewContact::now(vec![erased, kept], vec![Support::Practical]);
    g.note = "gedeeldemarkeringxyz".into();
    contact::add(c, &g).unwrap();
    naast::records::draft::save(c, None, r#"{"note":"conceptmarkeringxyz"}"#, &[erased]).unwrap();
    let plan = goal::add(
        c,
        erased,
        &goal::NewGoal {
            text: "doelmarkeringxyz".into(),
            why: "waaroommarkeringxyz".into(),
            steps: "stappenmarkeringxyz".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let mut touched = NewContact::now(vec![erased, kept], vec![Support::Practical]);
    touched.goals = Some(vec![plan.id]);
    let at = contact::add(c, &touched).unwrap();
    goal::rate(
        c,
        plan.id,
        &goal::NewRating {
            score: 4,
            words: "beoordelingmarkeringxyz".into(),
            on: None,
            contact: Some(at),
        },
    )
    .unwrap();
    let key = hex::encode(
        naast::store::keys::recovery::decode(&code)
            .unwrap()
            .as_bytes(),
    );
    let markers = [
        "Qwertyalias",
        "Volledignaam",
        "notitiemarkeringxyz",
        "eigenwoordenmarkeringxyz",
        "conceptmarkeringxyz",
        "doelmarkeringxyz",
        "waaroommarkeringxyz",
        "stappenmarkeringxyz",
        "beoordelingmarkeringxyz",
    ];
    // The scanner sees them while they are there (so its silence later means something).
    let before = scan(&t.path, &key, &markers);
    assert_eq!(before["opened"], true);
    assert_eq!(
        before["found"].as_array().unwrap().len(),
        markers.len(),
        "{before}"
    );

    erasure::erase(c, erased).unwrap();
    drop(v);
    let after = scan(&t.path, &key, &markers);
    assert_eq!(after["opened"], true);
    assert_eq!(after["sound"], true);
    assert!(after["pages"].as_i64().unwrap() > 10);
    assert_eq!(after["found"], serde_json::json!([]), "{after}");
    // The group contacts of the other person stay, without her and her goal.
    let v = t.open().unwrap();
    assert_eq!(contact::count(v.conn(), &Default::default()).unwrap(), 2);
    assert!(goal::for_contact(v.conn(), at).unwrap().is_empty());
    for table in [
        "goal",
        "goal_rating",
        "goal_status",
        "goal_helper",
        "contact_goal",
    ] {
        let n: i64 = v
            .conn()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
}

/// Printed by a real browser (headless Chromium, as the webview prints), "Jouw plan"
/// opens a page of its own: the supporter can hand that part over apart.
#[test]
fn the_printed_dossier_starts_her_plan_on_a_page_of_its_own() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let (sanne, _) = seed(&v);
    let html = t.dir.path().join("sanne.html");
    dossier::export(v.conn(), &t.path, sanne, Format::Html, Lang::Nl, &html).unwrap();
    let pdf = t.dir.path().join("sanne.pdf");
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .expect("headless Chromium is needed for the print test; `make test` installs it");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            t.dir.path().join("chromium").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(
        pdf.exists(),
        "chromium made no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let at = pages
        .iter()
        .position(|p| p.contains("Jouw plan"))
        .unwrap_or_else(|| panic!("no page with Jouw plan: {text}"));
    assert!(at > 0, "the plan shares the first page: {text}");
    assert!(
        pages[at].trim_start().starts_with("Jouw plan"),
        "page {} does not open with the plan: {}",
        at + 1,
        pages[at]
    );
    assert!(
        !pages[at - 1].contains("Samen met Mo koken"),
        "the plan began on the page before"
    );
}
