//! The import benchmark: a 10,000-row sheet (XLSX written by rust_xlsxwriter, and
//! the same rows as a Dutch-Excel CSV) previewed and imported into an encrypted
//! vault, beside the floor of the same run: `naast demo` inserting as many contacts
//! into another encrypted vault. Targets (issue 24): preview < 2 s, import < 10 s.
//! `cargo bench --bench import` prints the table; under `cargo test` it runs on 100
//! rows as a smoke test.

use std::path::Path;
use std::time::{Duration, Instant};

use naast::store::keys::MemoryKeyStore;
use naast::vault::Vault;
use naast::ways::import::{self, Options};
use naast::ways::{demo, sheet};
use naast::Lang;

const NAMES: [&str; 8] = [
    "Sanne", "Mo", "Kees", "Fatima", "Joost", "Ilse", "Rachid", "Noor",
];
const MODES: [&str; 7] = [
    "wandeling",
    "telefonisch",
    "huisbezoek",
    "beeldbellen",
    "chat",
    "groep",
    "face-to-face",
];
const SUPPORT: [&str; 5] = [
    "praktisch",
    "emotioneel",
    "informatief, navigatie",
    "praktisch, emotioneel",
    "sociale vaardigheden, emotioneel",
];

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed(), out)
}

/// One row: day, time, person, hours, mode, support, note.
fn row(
    i: usize,
) -> (
    chrono::NaiveDate,
    (u32, u32),
    String,
    f64,
    &'static str,
    &'static str,
    String,
) {
    let mut rng = demo::Rng::new(i as u64 + 1);
    let day = naast::ground::time::parse_date("2023-01-02").unwrap()
        + chrono::Duration::days((i / 10) as i64);
    let person = format!("{} {}", NAMES[i % NAMES.len()], i % 40);
    let note = format!(
        "Rij {i}. We liepen samen een rondje en spraken over de brief van de gemeente; {} Volgende keer bellen we samen.",
        ["Het ging goed.", "Het was een zware week.", "Ze wil zelf de regie houden."][rng.below(3)]
    );
    (
        day,
        (9 + (i % 10) as u32, [0, 15, 30, 45][i % 4]),
        person,
        [0.5, 0.75, 1.0, 1.5][rng.below(4)],
        MODES[rng.below(MODES.len())],
        SUPPORT[rng.below(SUPPORT.len())],
        note,
    )
}

fn write_xlsx(path: &Path, n: usize) {
    use rust_xlsxwriter::{ExcelDateTime as X, Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let date = Format::new().set_num_format("d-m-yyyy");
    let hhmm = Format::new().set_num_format("hh:mm");
    for (c, h) in [
        "Datum",
        "Tijd",
        "Cliënt",
        "Duur (uren)",
        "Vorm",
        "Soort steun",
        "Verslag",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..n {
        use chrono::Datelike;
        let (d, (h, m), who, hours, mode, sup, note) = row(i);
        let r = i as u32 + 1;
        ws.write_datetime_with_format(
            r,
            0,
            X::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).unwrap(),
            &date,
        )
        .unwrap();
        ws.write_datetime_with_format(r, 1, X::from_hms(h as u16, m as u8, 0).unwrap(), &hhmm)
            .unwrap();
        ws.write_string(r, 2, who).unwrap();
        ws.write_number(r, 3, hours).unwrap();
        ws.write_string(r, 4, mode).unwrap();
        ws.write_string(r, 5, sup).unwrap();
        ws.write_string(r, 6, note).unwrap();
    }
    wb.save(path).unwrap();
}

fn write_csv(path: &Path, n: usize) {
    let mut out = String::from("Datum;Tijd;Cliënt;Duur (uren);Vorm;Soort steun;Verslag\r\n");
    for i in 0..n {
        use chrono::Datelike;
        let (d, (h, m), who, hours, mode, sup, note) = row(i);
        out.push_str(&format!(
            "{}-{}-{};{h}.{m:02};{who};{};{mode};\"{sup}\";\"{note}\"\r\n",
            d.day(),
            d.month(),
            d.year(),
            format!("{hours}").replace('.', ",")
        ));
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&out);
    std::fs::write(path, bytes).unwrap();
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let n = if full { 10_000 } else { 100 };
    let dir = tempfile::tempdir_in(std::env::var("NAAST_BENCH_DIR").unwrap_or_else(|_| ".".into()))
        .unwrap();
    let store = MemoryKeyStore::default();
    let xlsx = dir.path().join("contacten.xlsx");
    let csv = dir.path().join("contacten.csv");
    write_xlsx(&xlsx, n);
    write_csv(&csv, n);
    let o = Options {
        create_people: true,
        ..Options::default()
    };
    let today = naast::ground::calendar::today();

    let mut rows: Vec<(String, Duration, &str)> = Vec::new();
    for (name, file) in [("XLSX", &xlsx), ("CSV (Windows-1252)", &csv)] {
        let v = Vault::init(
            &dir.path().join(format!("{name}.naast").replace(' ', "")),
            &store,
            None,
        )
        .unwrap()
        .0;
        let (preview, p) = time(|| {
            let t = sheet::read(file, None).unwrap();
            import::preview(v.conn(), &t, &o, Lang::Nl).unwrap()
        });
        assert_eq!(p.importable, n, "{name}: {:?}", p.refused.first());
        let (first, done) = time(|| {
            let t = sheet::read(file, None).unwrap();
            import::run(v.conn(), &t, &o, Lang::Nl, today, &mut |_, _| {}).unwrap()
        });
        assert_eq!(done.imported, n);
        let (again, done) = time(|| {
            let t = sheet::read(file, None).unwrap();
            import::run(v.conn(), &t, &o, Lang::Nl, today, &mut |_, _| {}).unwrap()
        });
        assert_eq!(done.skipped_duplicates, n);
        rows.push((format!("{name}: read + preview"), preview, "< 2 s"));
        rows.push((format!("{name}: import"), first, "< 10 s"));
        rows.push((format!("{name}: import again (all skipped)"), again, ""));
    }
    // The floor: as many demo contacts into a fresh encrypted vault, same run.
    let floor_vault = Vault::init(&dir.path().join("demo.naast"), &store, None)
        .unwrap()
        .0;
    let (floor, _) = time(|| demo::fill(floor_vault.conn(), 40, n, 7).unwrap());

    println!("\nimport of a {n}-row sheet into an encrypted vault (40 people made on the way)\n");
    println!("{:<44} {:>9}  {:>8}  target", "measure", "time", "× floor");
    for (name, d, target) in &rows {
        println!(
            "{:<44} {:>9}  {:>7.1}×  {target}",
            name,
            secs(*d),
            d.as_secs_f64() / floor.as_secs_f64()
        );
    }
    println!(
        "{:<44} {:>9}  {:>7.1}×  (floor, same run)",
        format!("naast demo, {n} contacts"),
        secs(floor),
        1.0
    );
}
