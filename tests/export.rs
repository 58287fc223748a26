//! Leaving with everything, and the hours overview, on real vaults: what is exported
//! as CSV (or XLSX) imports into an empty vault with the same contacts; every file
//! is owner-only and logged; the hours add up as counted by hand and print on one A4.

mod common;

use std::path::Path;

use common::*;
use naast::ground::time;
use naast::ground::vocab::{Context, Initiative, Mode, Support};
use naast::records::contact::{self, Contact, Filter, NewContact};
use naast::records::person::{self, NewPerson};
use naast::ways::export::{self, Format};
use naast::ways::hours::{self, By};
use naast::ways::import::{self, Options};
use naast::ways::sheet;
use naast::{audit, Lang};

/// A contact by what it holds, not by its id: every field, people by alias.
fn same(c: &Contact) -> String {
    let mut people: Vec<String> = c.persons.iter().map(|p| p.alias.clone()).collect();
    people.sort();
    let mut n = c.to_new();
    n.persons = Vec::new();
    // Whose, by alias too (ids differ between two vaults).
    let whose = |ids: &[i64]| -> Vec<String> {
        let mut a: Vec<String> = c
            .persons
            .iter()
            .filter(|p| ids.contains(&p.id))
            .map(|p| p.alias.clone())
            .collect();
        a.sort();
        a
    };
    let w = [
        whose(&c.signal_for),
        whose(&c.own_words_for),
        whose(&c.checkin_for),
    ];
    (n.signal_for, n.own_words_for, n.checkin_for) = (None, None, None);
    format!("{people:?} {w:?} {}", serde_json::to_string(&n).unwrap())
}

fn all(v: &naast::Vault) -> Vec<String> {
    let mut v: Vec<String> = contact::list(v.conn(), &Filter::default(), None, None)
        .unwrap()
        .iter()
        .map(same)
        .collect();
    v.sort();
    v
}

/// Demo contacts and the hard cases: text a spreadsheet would run as a formula,
/// quotes, separators and line breaks in a note, a group, every flag, a midnight.
fn seeded(t: &TestVault) -> naast::Vault {
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let ids = naast::ways::demo::fill(c, 6, 300, 7).unwrap();
    let mut n = NewContact::now(
        vec![ids[0], ids[1], ids[2]],
        vec![Support::Emotional, Support::Navigation],
    );
    n.at = time::parse_local("2026-03-03 00:00").unwrap().timestamp();
    n.mode = Mode::Group;
    n.initiative = Initiative::Other;
    n.note = "- goed gesprek; \"samen\" gekookt\nTweede regel, met komma".into();
    n.own_words = "=ik doe het zelf".into();
    n.tags = vec!["eigen label".into(), "sport".into()];
    n.own_experience = true;
    n.own_experience_note = "Mijn eigen terugval verteld.".into();
    n.signal = true;
    n.signal_note = "@ huisarts bellen".into();
    n.follow_up = time::parse_date("2099-01-05").ok();
    n.for_consult = true;
    contact::add(c, &n).unwrap();
    v
}

fn round_trip(format: Format, file: &str, sheet_name: Option<&str>) {
    let t = TestVault::new();
    let v = seeded(&t);
    let out = t.dir.path().join("weg");
    let files = export::export_all(v.conn(), v.path(), &out, format).unwrap();
    let path = out.join(file);
    assert!(files.contains(&path), "{files:?}");
    let empty = TestVault::new();
    let (w, _) = empty.init_passphrase();
    let table = sheet::read(&path, sheet_name).unwrap();
    let o = Options {
        create_people: true,
        ..Options::default()
    };
    let done = import::run(
        w.conn(),
        &table,
        &o,
        Lang::Nl,
        naast::ground::calendar::today(),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(done.refused, [], "{format:?}");
    assert_eq!(done.imported, 301);
    assert_eq!(all(&w), all(&v), "{format:?}: not the same contacts");
    // And into the vault it came from: every contact is recognised.
    let again = import::run(
        v.conn(),
        &table,
        &o,
        Lang::Nl,
        naast::ground::calendar::today(),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(
        (again.imported, again.skipped_duplicates),
        (0, 301),
        "{format:?}"
    );
}

#[test]
fn what_is_exported_as_csv_imports_into_an_empty_vault_as_the_same_contacts() {
    round_trip(Format::Csv, "contacts.csv", None);
}

#[test]
fn the_workbook_imports_back_the_same_way() {
    round_trip(Format::Xlsx, "naast-export.xlsx", Some("contacts"));
}

fn mode_of(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn everything_is_exported_owner_only_in_each_format_and_logged() {
    let t = TestVault::new();
    let v = seeded(&t);
    let c = v.conn();
    let sanne = person::list(c).unwrap()[0].clone();
    let doc =
        naast::records::circle::add_member(c, sanne.id, "dr. Visser", "psychiater", true).unwrap();
    naast::records::consent::add_consent(
        c,
        &doc,
        "",
        time::parse_date("2026-01-01").unwrap(),
        time::parse_date("2099-01-01").unwrap(),
    )
    .unwrap();
    let g = naast::records::goal::add(
        c,
        sanne.id,
        &naast::records::goal::NewGoal {
            text: "Ik wil weer zelf mijn post openen".into(),
            helpers: vec!["dr. Visser".into()],
            ..Default::default()
        },
    )
    .unwrap();
    naast::records::goal::rate(
        c,
        g.id,
        &naast::records::goal::NewRating {
            score: 7,
            words: "=bijna".into(),
            on: Some(time::parse_date("2026-11-20").unwrap()),
            contact: None,
        },
    )
    .unwrap();
    naast::records::goal::set_status(c, g.id, naast::records::goal::Status::Reached).unwrap();
    let out = t.dir.path().join("alles");
    let files = export::export_all(c, v.path(), &out, Format::Csv).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "people.csv",
            "contacts.csv",
            "circle.csv",
            "consents.csv",
            "bridge_notes.csv",
            "bridge_shares.csv",
            "checkins.csv",
            "goals.csv",
            "goal_ratings.csv",
            "goal_history.csv",
            "log.csv"
        ]
    );
    assert_eq!(mode_of(&out), 0o700);
    for f in &files {
        assert_eq!(mode_of(f), 0o600, "{f:?}");
        assert!(
            std::fs::read(f).unwrap().starts_with(b"\xEF\xBB\xBF"),
            "{f:?}"
        );
    }
    let people = sheet::read(&out.join("people.csv"), None).unwrap();
    assert_eq!(
        people.header,
        [
            "id",
            "alias",
            "code",
            "context",
            "full_name",
            "wishes",
            "strengths",
            "active"
        ]
    );
    assert_eq!(people.rows.len(), 6);
    let ratings = std::fs::read_to_string(out.join("goal_ratings.csv")).unwrap();
    assert!(
        ratings.contains(";'=bijna;"),
        "a formula is defused: {ratings}"
    );
    let circle = std::fs::read_to_string(out.join("circle.csv")).unwrap();
    assert!(circle.contains("dr. Visser;psychiater;true"), "{circle}");

    let files = export::export_all(c, v.path(), &out, Format::Xlsx).unwrap();
    let book = sheet::read(&files[0], Some("checkins")).unwrap();
    assert_eq!(
        book.sheets,
        [
            "people",
            "contacts",
            "circle",
            "consents",
            "bridge_notes",
            "bridge_shares",
            "checkins",
            "goals",
            "goal_ratings",
            "goal_history",
            "log"
        ]
    );
    assert_eq!(
        book.rows.len(),
        3,
        "one check-in per person of the group contact"
    );
    assert_eq!(mode_of(&files[0]), 0o600);

    let files = export::export_all(c, v.path(), &out, Format::Json).unwrap();
    let j: serde_json::Value = serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    assert_eq!(j["schema"], "naast-export/1");
    assert_eq!(j["tables"]["contacts"].as_array().unwrap().len(), 301);
    assert_eq!(j["tables"]["consents"][0]["recipient"], "dr. Visser");
    let goals = &j["tables"]["goals"];
    assert_eq!(goals.as_array().unwrap().len(), 1);
    assert_eq!(goals[0]["text"], "Ik wil weer zelf mijn post openen");
    assert_eq!(goals[0]["status"], "reached");
    assert_eq!(goals[0]["helper_ids"], doc.id.to_string());
    assert_eq!(j["tables"]["goal_ratings"][0]["goal_id"], g.id);
    assert_eq!(j["tables"]["goal_ratings"][0]["score"], 7);
    assert_eq!(j["tables"]["goal_ratings"][0]["on"], "2026-11-20");
    assert_eq!(j["tables"]["goal_history"].as_array().unwrap().len(), 2);

    let log = audit::list(
        c,
        &audit::Query {
            action: Some(naast::ground::vocab::Action::Export),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    assert_eq!(log.len(), 3);
    assert_eq!(log[0].object, "vault");
    assert_eq!(log[0].detail["format"], "json");
    assert_eq!(log[2].detail["tables"]["contacts"], 301);
    // Each person's own log shows the export.
    let theirs = audit::list(
        c,
        &audit::Query {
            person: Some(sanne.id),
            outputs_only: true,
            ..Default::default()
        },
        None,
    )
    .unwrap();
    assert_eq!(theirs.len(), 3);
}

fn contact_at(
    c: &rusqlite::Connection,
    who: &[i64],
    at: &str,
    minutes: i64,
    mode: Mode,
    support: &[Support],
) {
    let mut n = NewContact::now(who.to_vec(), support.to_vec());
    n.at = time::parse_local(at).unwrap().timestamp();
    n.minutes = minutes;
    n.mode = mode;
    contact::add(c, &n).unwrap();
}

#[test]
fn hours_add_up_as_counted_by_hand_and_print_on_one_a4() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let add = |alias: &str, ctx: Context| {
        person::add(
            c,
            &NewPerson {
                alias: alias.into(),
                context: Some(ctx),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let (sanne, lotte, mo) = (
        add("Sanne", Context::Client),
        add("Lotte", Context::Colleague),
        add("Mo", Context::GroupMember),
    );
    // November 2026: week 45 (2–8 Nov) and week 48 (23–29 Nov); one in December.
    contact_at(
        c,
        &[sanne],
        "2026-11-02 10:00",
        60,
        Mode::Walk,
        &[Support::Practical, Support::Emotional],
    );
    contact_at(
        c,
        &[lotte],
        "2026-11-05 14:00",
        30,
        Mode::Phone,
        &[Support::Emotional],
    );
    contact_at(
        c,
        &[sanne, mo],
        "2026-11-24 18:00",
        90,
        Mode::Group,
        &[Support::Navigation],
    );
    contact_at(
        c,
        &[sanne],
        "2026-12-01 09:00",
        45,
        Mode::Chat,
        &[Support::Informational],
    );
    contact_at(
        c,
        &[sanne],
        "2026-10-31 23:30",
        45,
        Mode::Chat,
        &[Support::Informational],
    );

    let o = hours::compute(
        c,
        time::parse_date("2026-11-01").unwrap(),
        time::parse_date("2026-12-31").unwrap(),
        By::Month,
        Lang::Nl,
    )
    .unwrap();
    assert_eq!(o.periods.len(), 2);
    let nov = &o.periods[0];
    assert_eq!(
        (nov.period.as_str(), nov.label.as_str()),
        ("2026-11", "november 2026")
    );
    assert_eq!((nov.contacts, nov.hours), (3, 3.0));
    assert_eq!(nov.support[&Support::Practical], 0.5);
    assert_eq!(nov.support[&Support::Emotional], 1.0);
    assert_eq!(nov.support[&Support::Navigation], 1.5);
    assert_eq!(nov.mode[&Mode::Group], 1.5);
    assert_eq!(nov.context[&Context::Client], 1.75);
    assert_eq!(nov.context[&Context::GroupMember], 0.75);
    assert_eq!(nov.context[&Context::Colleague], 0.5);
    assert_eq!((o.total.contacts, o.total.hours), (4, 3.75));

    let w = hours::compute(
        c,
        time::parse_date("2026-11-01").unwrap(),
        time::parse_date("2026-11-30").unwrap(),
        By::Week,
        Lang::En,
    )
    .unwrap();
    let keys: Vec<&str> = w.periods.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(
        keys,
        ["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49"]
    );
    assert_eq!(
        w.periods[0].from,
        time::parse_date("2026-11-01").unwrap(),
        "clipped to the period"
    );
    assert_eq!(w.periods[0].contacts, 0, "31 October is outside the period");
    assert_eq!(
        (
            w.periods[1].contacts,
            w.periods[4].hours,
            w.periods[2].hours
        ),
        (2, 1.5, 0.0)
    );

    // No name and no code anywhere in what may go to a manager.
    let html = hours::render(&o);
    let csv_path = t.dir.path().join("uren.csv");
    let xlsx_path = t.dir.path().join("uren.xlsx");
    hours::save(c, v.path(), &o, &csv_path, Format::Csv).unwrap();
    hours::save(c, v.path(), &o, &xlsx_path, Format::Xlsx).unwrap();
    let csv = String::from_utf8(std::fs::read(&csv_path).unwrap()).unwrap();
    for p in person::list(c).unwrap() {
        for text in [&html, &csv] {
            assert!(
                !text.contains(&p.alias) && !text.contains(&p.code),
                "{}",
                p.alias
            );
        }
    }
    assert!(
        csv.starts_with("\u{feff}periode;van;tot en met;contactmomenten;uren;steun: praktisch"),
        "{csv}"
    );
    assert!(
        csv.contains("november 2026;2026-11-01;2026-11-30;3;3;0,5;1;0;1,5;"),
        "{csv}"
    );
    assert_eq!(mode_of(&csv_path), 0o600);
    let book = sheet::read(&xlsx_path, None).unwrap();
    assert_eq!(book.rows.len(), 3);
    assert_eq!(book.rows[0].cells[4], sheet::Cell::Number(3.0));
    let saved = audit::list(
        c,
        &audit::Query {
            action: Some(naast::ground::vocab::Action::Save),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    assert_eq!(saved.len(), 2);
    assert_eq!(saved[0].object, "hours");

    // A year by month printed by Chromium: one A4 page.
    let year = hours::compute(
        c,
        time::parse_date("2026-01-01").unwrap(),
        time::parse_date("2026-12-31").unwrap(),
        By::Month,
        Lang::Nl,
    )
    .unwrap();
    assert_eq!(pdf_pages(&t, &hours::render(&year)), 1);
    let quarter = hours::compute(
        c,
        time::parse_date("2026-10-01").unwrap(),
        time::parse_date("2026-12-31").unwrap(),
        By::Week,
        Lang::Nl,
    )
    .unwrap();
    assert_eq!(pdf_pages(&t, &hours::render(&quarter)), 1);
}

fn pdf_pages(t: &TestVault, html: &str) -> usize {
    let src = t.dir.path().join("uren.html");
    std::fs::write(&src, html).unwrap();
    let pdf = t.dir.path().join("uren.pdf");
    let _ = std::fs::remove_file(&pdf);
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("headless Chromium (scripts/setup.sh installs it)");
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            t.dir.path().join("chromium").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", src.display()))
        .output()
        .unwrap();
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let size = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap_or("");
    assert!(
        size.contains(" 841.92 x 59") && size.ends_with("(A4)"),
        "A4 landscape: {info}"
    );
    pages
}
