//! Importing sheets into a real vault: the same fictional sheet written by real
//! writers (Python's csv module in Windows-1252 as Dutch Excel saves it, openpyxl and
//! rust_xlsxwriter for XLSX, odfpy for ODS) must preview and import alike; a second
//! import adds nothing; a failure halfway leaves the vault as it was; the file is
//! only read.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use naast::ground::time;
use naast::ground::vocab::{Mode, Support};
use naast::records::contact::{self, Filter};
use naast::records::followup;
use naast::records::person::{self, NewPerson};
use naast::ways::import::{self, Options, WordTo};
use naast::ways::sheet;
use naast::{audit, Error, Lang};

/// The sheet of `tests/tools/make_sheets.py`, made by the named writer.
fn sheet_file(dir: &Path, writer: &str) -> PathBuf {
    let (ext, kind) = match writer {
        "csv" => ("csv", "csv1252"),
        "openpyxl" => ("xlsx", "xlsx"),
        "odfpy" => ("ods", "ods"),
        "rust_xlsxwriter" => return rust_xlsx(dir),
        other => panic!("{other}"),
    };
    let out = dir.join(format!("contacten-{writer}.{ext}"));
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/make_sheets.py");
    let o = Command::new("python3")
        .arg(tool)
        .arg(kind)
        .arg(&out)
        .output()
        .expect("python3 with odfpy and openpyxl (scripts/setup.sh)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// The same rows as the Python writer, from rust_xlsxwriter: Excel date, time and
/// number cells.
fn rust_xlsx(dir: &Path) -> PathBuf {
    use rust_xlsxwriter::{ExcelDateTime as X, Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Contacten").unwrap();
    let header = [
        "Datum",
        "Tijd",
        "Cliënt",
        "Duur (uren)",
        "Contactvorm",
        "Soort steun",
        "Verslag",
        "Eigen woorden",
        "Volgende afspraak",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("d-m-yyyy");
    let hhmm = Format::new().set_num_format("hh:mm");
    #[allow(clippy::type_complexity)]
    let rows: [(
        Option<(u16, u8, u8)>,
        (u16, u8),
        &str,
        f64,
        &str,
        &str,
        &str,
        &str,
        bool,
    ); 6] = [
        (
            Some((2025, 2, 3)),
            (14, 30),
            "Sanne",
            0.75,
            "wandeling",
            "praktisch, emotioneel",
            "Samen de brief over de uitkering gelezen; één vraag staat nog open.",
            "Ik wil zelf mijn post openen.",
            true,
        ),
        (
            Some((2025, 2, 4)),
            (10, 0),
            "Mo",
            1.5,
            "telefonisch",
            "informatief",
            "Wachtlijst uitgezocht.",
            "",
            false,
        ),
        (
            Some((2025, 2, 5)),
            (9, 15),
            "Kees",
            1.0,
            "fietstocht",
            "navigatie, sociale vaardigheden",
            "Samen naar de gemeente gefietst.\nTweede regel.",
            "",
            false,
        ),
        (
            None,
            (11, 0),
            "Sanne",
            0.5,
            "chat",
            "emotioneel",
            "Datum bestaat niet.",
            "",
            false,
        ),
        (
            Some((2025, 2, 6)),
            (12, 0),
            "Noor",
            0.5,
            "groep",
            "",
            "Eetgroep.",
            "",
            false,
        ),
        (
            Some((2025, 2, 7)),
            (13, 0),
            "Sanne en Mo",
            1.0,
            "groep",
            "emotioneel",
            "Samen gekookt.",
            "",
            false,
        ),
    ];
    for (i, (d, (h, m), who, hours, mode, sup, note, own, fu)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        match d {
            Some((y, mo, da)) => {
                ws.write_datetime_with_format(r, 0, X::from_ymd(*y, *mo, *da).unwrap(), &date)
                    .unwrap();
            }
            None => {
                ws.write_string(r, 0, "31-2-2025").unwrap();
            }
        }
        ws.write_datetime_with_format(r, 1, X::from_hms(*h, *m, 0).unwrap(), &hhmm)
            .unwrap();
        ws.write_string(r, 2, *who).unwrap();
        ws.write_number(r, 3, *hours).unwrap();
        ws.write_string(r, 4, *mode).unwrap();
        if !sup.is_empty() {
            ws.write_string(r, 5, *sup).unwrap();
        }
        ws.write_string(r, 6, *note).unwrap();
        if !own.is_empty() {
            ws.write_string(r, 7, *own).unwrap();
        }
        if *fu {
            ws.write_datetime_with_format(r, 8, X::from_ymd(2025, 2, 10).unwrap(), &date)
                .unwrap();
        }
    }
    let out = dir.join("contacten-rust_xlsxwriter.xlsx");
    wb.save(&out).unwrap();
    out
}

fn with_sanne_and_mo() -> (TestVault, naast::Vault) {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    for alias in ["Sanne", "Mo"] {
        person::add(
            v.conn(),
            &NewPerson {
                alias: alias.into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    (t, v)
}

fn at(s: &str) -> i64 {
    time::parse_local(s).unwrap().timestamp()
}

fn today() -> chrono::NaiveDate {
    time::parse_date("2026-12-01").unwrap()
}

const WRITERS: [&str; 4] = ["csv", "openpyxl", "rust_xlsxwriter", "odfpy"];

#[test]
fn the_same_sheet_from_every_writer_previews_alike() {
    for writer in WRITERS {
        let (t, v) = with_sanne_and_mo();
        let file = sheet_file(t.dir.path(), writer);
        let table = sheet::read(&file, None).unwrap();
        let p = import::preview(v.conn(), &table, &Options::default(), Lang::Nl).unwrap();
        assert_eq!(p.rows, 6, "{writer}");
        assert_eq!(p.importable, 3, "{writer}: {:?}", p.refused);
        assert_eq!(p.missing, [], "{writer}");
        let refused: Vec<(usize, &str)> = p
            .refused
            .iter()
            .map(|r| (r.row, r.reason.as_str()))
            .collect();
        assert_eq!(
            refused,
            [
                (4, "'Kees' is nog niet bekend in Naast; nieuwe mensen worden alleen gemaakt als je dat bevestigt"),
                (5, "'31-2-2025' is geen datum (schrijf bijvoorbeeld 3-2-2025)"),
                (6, "geen soort steun (praktisch, emotioneel, informatief of navigatie)"),
            ],
            "{writer}"
        );
        assert_eq!(p.new_people, ["Kees"], "{writer}");
        let words: Vec<(&str, usize, &WordTo)> = p
            .words
            .iter()
            .map(|w| (w.word.as_str(), w.rows, &w.to))
            .collect();
        assert_eq!(
            words,
            [
                ("fietstocht", 1, &WordTo::Tag),
                ("sociale vaardigheden", 1, &WordTo::Tag)
            ],
            "{writer}"
        );
        // The first row, each value as it will be saved.
        let first = &p.shown[0];
        assert_eq!(first.row, 2);
        assert_eq!(first.at, at("2025-02-03 14:30"), "{writer}");
        assert_eq!(first.minutes, 45, "{writer}");
        assert_eq!(first.mode, Mode::Walk);
        assert_eq!(first.persons, ["Sanne"]);
        assert_eq!(first.support, [Support::Practical, Support::Emotional]);
        assert_eq!(
            first.note,
            "Samen de brief over de uitkering gelezen; één vraag staat nog open."
        );
        assert_eq!(first.own_words, "Ik wil zelf mijn post openen.");
        assert_eq!(first.follow_up, time::parse_date("2025-02-10").ok());
        assert_eq!(p.shown[1].minutes, 90, "{writer}: 1,5 hours");
        // Nothing was written to make the preview.
        assert_eq!(contact::count(v.conn(), &Filter::default()).unwrap(), 0);
        assert_eq!(person::list(v.conn()).unwrap().len(), 2);
    }
}

#[test]
fn importing_writes_what_the_preview_showed_and_again_adds_nothing() {
    for writer in WRITERS {
        let (t, v) = with_sanne_and_mo();
        let c = v.conn();
        let file = sheet_file(t.dir.path(), writer);
        let before = fingerprint(t.dir.path());
        let table = sheet::read(&file, None).unwrap();
        let o = Options {
            create_people: true,
            support: vec![Support::Emotional],
            ..Options::default()
        };
        let p = import::preview(c, &table, &o, Lang::En).unwrap();
        let mut steps = Vec::new();
        let done = import::run(c, &table, &o, Lang::En, today(), &mut |n, of| {
            steps.push((n, of))
        })
        .unwrap();
        assert_eq!(done.imported, 5, "{writer}: {:?}", done.refused);
        assert_eq!(done.imported, p.importable);
        assert_eq!(done.refused.len(), 1);
        assert_eq!(
            done.refused[0].reason,
            "'31-2-2025' is not a date (write for example 3-2-2025)"
        );
        assert_eq!(done.new_people, ["Kees", "Noor"]);
        assert_eq!(steps.last(), Some(&(5, 5)));
        let all = contact::list(c, &Filter::default(), None, None).unwrap();
        assert_eq!(all.len(), 5);
        let kees = all.iter().find(|x| x.persons[0].alias == "Kees").unwrap();
        assert_eq!(kees.at, at("2025-02-05 09:15"), "{writer}");
        assert_eq!(kees.minutes, 60);
        assert_eq!(kees.mode, Mode::FaceToFace, "an unknown mode word is a tag");
        assert_eq!(kees.tags, ["fietstocht", "sociale vaardigheden"]);
        assert_eq!(kees.support, [Support::Navigation]);
        assert_eq!(
            kees.note, "Samen naar de gemeente gefietst.\nTweede regel.",
            "{writer}"
        );
        let group = all.iter().find(|x| x.persons.len() == 2).unwrap();
        assert_eq!(group.mode, Mode::Group);
        let noor = all.iter().find(|x| x.persons[0].alias == "Noor").unwrap();
        assert_eq!(
            noor.support,
            [Support::Emotional],
            "the default for rows without"
        );
        // A follow-up date that has passed is kept on the contact, not as a check-in.
        let sanne = all.iter().find(|x| x.follow_up.is_some()).unwrap();
        assert_eq!(sanne.follow_up, time::parse_date("2025-02-10").ok());
        assert!(followup::open(c, None).unwrap().is_empty());
        // One line in the audit log, with everyone it concerns.
        let log = audit::list(
            c,
            &audit::Query {
                action: Some(naast::ground::vocab::Action::Create),
                ..Default::default()
            },
            None,
        )
        .unwrap();
        let line = log.iter().find(|e| e.object == "import").unwrap();
        assert_eq!(line.detail["imported"], 5);
        assert_eq!(line.detail["new_people"], 2);
        assert_eq!(line.detail["people"].as_array().unwrap().len(), 4);

        // Again: nothing new, every row recognised.
        let again = import::run(c, &table, &o, Lang::En, today(), &mut |_, _| {}).unwrap();
        assert_eq!(
            (again.imported, again.skipped_duplicates),
            (0, 5),
            "{writer}"
        );
        assert_eq!(contact::count(c, &Filter::default()).unwrap(), 5);
        assert_eq!(person::list(c).unwrap().len(), 4);
        // The sheet was only read.
        assert_eq!(
            fingerprint(t.dir.path()).get(file.file_name().unwrap().to_str().unwrap()),
            before.get(file.file_name().unwrap().to_str().unwrap())
        );
    }
}

#[test]
fn the_other_writers_rows_are_recognised_too() {
    // A sheet kept as CSV and later saved as XLSX: the second import adds nothing.
    let (t, v) = with_sanne_and_mo();
    let o = Options {
        create_people: true,
        support: vec![Support::Emotional],
        ..Options::default()
    };
    let csv = sheet::read(&sheet_file(t.dir.path(), "csv"), None).unwrap();
    let ods = sheet::read(&sheet_file(t.dir.path(), "odfpy"), None).unwrap();
    import::run(v.conn(), &csv, &o, Lang::Nl, today(), &mut |_, _| {}).unwrap();
    let p = import::preview(v.conn(), &ods, &o, Lang::Nl).unwrap();
    assert_eq!((p.importable, p.duplicates), (0, 5));
}

#[test]
fn choices_override_the_guesses() {
    let (t, v) = with_sanne_and_mo();
    let table = sheet::read(&sheet_file(t.dir.path(), "openpyxl"), None).unwrap();
    assert_eq!(table.sheet.as_deref(), Some("Contacten"));
    assert_eq!(table.sheets, ["Contacten", "Leeg"]);
    let o = Options {
        create_people: true,
        words: vec![
            import::WordChoice {
                word: "Fietstocht".into(),
                to: WordTo::Mode(Mode::Walk),
            },
            import::WordChoice {
                word: "sociale vaardigheden".into(),
                to: WordTo::Skip,
            },
        ],
        // The note column left out, the own words column read as the note.
        columns: vec![
            import::ColumnChoice {
                column: 6,
                field: None,
            },
            import::ColumnChoice {
                column: 7,
                field: Some(import::Field::Note),
            },
        ],
        ..Options::default()
    };
    let p = import::preview(v.conn(), &table, &o, Lang::Nl).unwrap();
    assert_eq!(p.columns[6].field, None);
    assert_eq!(p.columns[6].guessed, Some(import::Field::Note));
    assert_eq!(p.columns[7].field, Some(import::Field::Note));
    let kees = p.shown.iter().find(|s| s.persons == ["Kees"]).unwrap();
    assert_eq!(kees.mode, Mode::Walk);
    assert!(kees.tags.is_empty());
    assert_eq!(p.shown[0].note, "Ik wil zelf mijn post openen.");
    // An empty sheet of the workbook, and one that is not there.
    assert!(matches!(
        sheet::read(&sheet_file(t.dir.path(), "openpyxl"), Some("Leeg")),
        Err(Error::SheetEmpty)
    ));
    let e = sheet::read(&sheet_file(t.dir.path(), "openpyxl"), Some("Blad9")).unwrap_err();
    assert_eq!(
        e.message(Lang::Nl),
        "de werkmap heeft geen blad 'Blad9' (wel: Contacten, Leeg); kies een van die bladen"
    );
}

#[test]
fn a_file_changed_after_its_preview_is_refused_and_nothing_is_written() {
    let (t, v) = with_sanne_and_mo();
    let file = sheet_file(t.dir.path(), "csv");
    let p = import::preview(
        v.conn(),
        &sheet::read(&file, None).unwrap(),
        &Options::default(),
        Lang::Nl,
    )
    .unwrap();
    let mut bytes = std::fs::read(&file).unwrap();
    bytes.extend(b"8-2-2025;10.00;Sanne;1;chat;emotioneel;Nog een.;;\r\n");
    std::fs::write(&file, bytes).unwrap();
    let o = Options {
        fingerprint: Some(p.fingerprint),
        ..Options::default()
    };
    let e = import::run(
        v.conn(),
        &sheet::read(&file, None).unwrap(),
        &o,
        Lang::Nl,
        today(),
        &mut |_, _| {},
    )
    .unwrap_err();
    assert!(matches!(e, Error::ImportChanged), "{e}");
    assert_eq!(contact::count(v.conn(), &Filter::default()).unwrap(), 0);
}

#[test]
fn a_full_disk_halfway_leaves_the_vault_as_it_was() {
    let disk = SmallDisk::new("6m");
    let path = disk.0.path().join("kluis.naast");
    let store = naast::store::keys::MemoryKeyStore::default();
    let (v, _) = naast::Vault::init(&path, &store, Some(PASS)).unwrap();
    person::add(
        v.conn(),
        &NewPerson {
            alias: "Sanne".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let log_before = audit::list(v.conn(), &audit::Query::default(), None)
        .unwrap()
        .len();
    // 3,000 rows with long notes: far more than the disk holds.
    let mut csv = String::from("datum;naam;notitie;soort steun\n");
    let long = "Samen gewandeld en gepraat over de week. ".repeat(60);
    for i in 0..3000 {
        csv.push_str(&format!(
            "{}-1-2025;{};{long}{i};emotioneel\n",
            1 + i % 28,
            if i % 2 == 0 { "Sanne" } else { "Kees" }
        ));
    }
    let table = sheet::read_bytes(csv.as_bytes(), None).unwrap();
    let o = Options {
        create_people: true,
        ..Options::default()
    };
    let e = import::run(v.conn(), &table, &o, Lang::Nl, today(), &mut |_, _| {}).unwrap_err();
    assert!(matches!(e, Error::DiskFull), "{e}");
    assert_eq!(contact::count(v.conn(), &Filter::default()).unwrap(), 0);
    assert_eq!(
        person::list(v.conn()).unwrap().len(),
        1,
        "Kees was not made"
    );
    assert_eq!(
        audit::list(v.conn(), &audit::Query::default(), None)
            .unwrap()
            .len(),
        log_before
    );
    assert!(v.verify().unwrap().is_empty());
}

#[test]
fn bad_files_get_a_plain_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        ("leeg.csv", b"", "het blad is leeg"),
        (
            "kapot.xlsx",
            b"PK\x03\x04 niet echt een werkmap",
            "de werkmap kon niet gelezen worden",
        ),
        ("alleen-kop.csv", b"datum;naam\r\n", ""),
    ];
    for (name, bytes, expect) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        match sheet::read(&p, None) {
            Err(e) => assert!(
                e.message(Lang::Nl).starts_with(expect),
                "{name}: {}",
                e.message(Lang::Nl)
            ),
            Ok(t) => assert!(expect.is_empty() && t.rows.is_empty(), "{name}"),
        }
    }
    let e = sheet::read(&dir.path().join("er-niet.xlsx"), None).unwrap_err();
    assert!(
        e.message(Lang::Nl).contains("bestaat niet"),
        "{}",
        e.message(Lang::Nl)
    );
}
