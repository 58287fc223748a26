//! The vault benchmark: every workload on the encrypted vault and on plain SQLite
//! with the same schema and the same core functions, so the cost of encryption
//! shows as a ratio. `cargo bench --bench vault` prints a table; under `cargo test`
//! the same code runs at a hundredth of the size as a smoke test.

use std::path::Path;
use std::time::{Duration, Instant};

use naast::contact::{self, Filter};
use naast::model::{Mode, Support};
use naast::vault::{MemoryKeyStore, Vault};
use naast::{db, demo, search};
use rusqlite::Connection;

struct Row {
    name: String,
    enc: Duration,
    plain: Option<Duration>,
    target: &'static str,
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed(), out)
}

fn plain_open(path: &Path) -> Connection {
    let c = Connection::open(path).unwrap();
    db::configure(&c).unwrap();
    db::migrate(&c).unwrap();
    c
}

/// Fills a connection with `n` contacts for `people` people, in batches.
fn fill(c: &Connection, people: usize, n: usize) -> (Duration, Vec<i64>) {
    let ids = demo::fill(c, people, 0, 7).unwrap();
    let mut rng = demo::Rng::new(42);
    // Five years of notes, written in time order.
    let start = naast::time::parse_date("2021-11-22").unwrap();
    let per_batch = 20_000;
    let batches = n.div_ceil(per_batch);
    let span = 5 * 365 / batches.max(1) as i64;
    let mut total = Duration::ZERO;
    let mut left = n;
    for b in 0..batches as i64 {
        let from = start + chrono::Duration::days(b * span);
        let batch = demo::contacts(
            &mut rng,
            &ids,
            left.min(per_batch),
            from,
            from + chrono::Duration::days(span.max(1)),
        );
        let (d, _) = time(|| contact::import(c, &batch).unwrap());
        total += d;
        left -= batch.len();
    }
    (total, ids)
}

/// Median time for a filtered first page of 50, over a spread of people and filters.
fn page(c: &Connection, ids: &[i64]) -> Duration {
    let runs: Vec<Duration> = (0..40)
        .map(|i| {
            let f = Filter {
                person: Some(ids[i % ids.len()]),
                support: Some(Support::ALL[i % 4]),
                ..Filter::default()
            };
            time(|| assert!(contact::list(c, &f, None, Some(50)).unwrap().len() <= 50)).0
        })
        .collect();
    median(runs)
}

fn page_no_person(c: &Connection) -> Duration {
    let runs: Vec<Duration> = (0..40)
        .map(|i| {
            let f = Filter {
                support: Some(Support::ALL[i % 4]),
                mode: Some(Mode::ALL[i % 7]),
                ..Filter::default()
            };
            time(|| contact::list(c, &f, None, Some(50)).unwrap()).0
        })
        .collect();
    median(runs)
}

fn search_time(c: &Connection, q: &str) -> Duration {
    median(
        (0..15)
            .map(|_| time(|| search::search(c, q, &Filter::default(), 50).unwrap()).0)
            .collect(),
    )
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let scale = if full { 1 } else { 100 };
    let dir = tempfile::tempdir_in(std::env::var("NAAST_BENCH_DIR").unwrap_or_else(|_| ".".into()))
        .unwrap();
    let store = MemoryKeyStore::default();
    let mut rows: Vec<Row> = Vec::new();

    // Open: raw key vs passphrase vs plain.
    let enc_path = dir.path().join("enc.naast");
    let pass_path = dir.path().join("pass.naast");
    let plain_path = dir.path().join("plain.sqlite");
    drop(Vault::init(&enc_path, &store, None).unwrap());
    drop(Vault::init(&pass_path, &store, Some("een wachtwoordzin voor de meting")).unwrap());
    drop(plain_open(&plain_path));
    let open_raw = median(
        (0..20)
            .map(|_| time(|| Vault::open(&enc_path, &store, None).unwrap()).0)
            .collect(),
    );
    let open_plain = median(
        (0..20)
            .map(|_| time(|| plain_open(&plain_path)).0)
            .collect(),
    );
    let open_pass = median(
        (0..5)
            .map(|_| {
                time(|| {
                    Vault::open(&pass_path, &store, Some("een wachtwoordzin voor de meting"))
                        .unwrap()
                })
                .0
            })
            .collect(),
    );
    rows.push(Row {
        name: "open (raw key, keyring mode)".into(),
        enc: open_raw,
        plain: Some(open_plain),
        target: "< 50 ms",
    });
    rows.push(Row {
        name: "open (passphrase, Argon2id 64 MiB)".into(),
        enc: open_pass,
        plain: Some(open_plain),
        target: "",
    });

    // One durable save (fsync'd WAL commit).
    let enc = Vault::open(&enc_path, &store, None).unwrap();
    let plain = plain_open(&plain_path);
    let save = |c: &Connection| {
        let ids = demo::fill(c, 3, 0, 1).unwrap();
        let mut rng = demo::Rng::new(9);
        let end = naast::time::parse_date("2026-11-22").unwrap();
        let cs = demo::contacts(&mut rng, &ids, 200, end - chrono::Duration::days(30), end);
        median(
            cs.iter()
                .map(|x| time(|| contact::add(c, x).unwrap()).0)
                .collect(),
        )
    };
    rows.push(Row {
        name: "one durable contact save".into(),
        enc: save(enc.conn()),
        plain: Some(save(&plain)),
        target: "< 5 ms",
    });
    drop((enc, plain));

    // Import 100,000 contacts.
    let n = 100_000 / scale;
    let e1 = dir.path().join("e100k.naast");
    let p1 = dir.path().join("p100k.sqlite");
    let enc = Vault::init(&e1, &store, None).unwrap().0;
    let plain = plain_open(&p1);
    let (ei, _) = fill(enc.conn(), 50, n);
    let (pi, _) = fill(&plain, 50, n);
    rows.push(Row {
        name: format!("import {n} contacts"),
        enc: ei,
        plain: Some(pi),
        target: "",
    });
    rows.push(Row {
        name: format!("search 'uitker' (common prefix) at {n}"),
        enc: search_time(enc.conn(), "uitker"),
        plain: Some(search_time(&plain, "uitker")),
        target: "",
    });
    rows.push(Row {
        name: format!("search 'zwolle' (rare word) at {n}"),
        enc: search_time(enc.conn(), "zwolle"),
        plain: Some(search_time(&plain, "zwolle")),
        target: "",
    });
    drop((enc, plain));

    // 1,000,000 contacts: page and search.
    let n = 1_000_000 / scale;
    let e2 = dir.path().join("e1m.naast");
    let p2 = dir.path().join("p1m.sqlite");
    let enc = Vault::init(&e2, &store, None).unwrap().0;
    let plain = plain_open(&p2);
    let (ei, ids) = fill(enc.conn(), 200, n);
    let (pi, _) = fill(&plain, 200, n);
    rows.push(Row {
        name: format!("import {n} contacts"),
        enc: ei,
        plain: Some(pi),
        target: "",
    });
    rows.push(Row {
        name: format!("page of 50, person + support filter, of {n}"),
        enc: page(enc.conn(), &ids),
        plain: Some(page(&plain, &ids)),
        target: "< 20 ms",
    });
    rows.push(Row {
        name: format!("page of 50, support + mode filter, of {n}"),
        enc: page_no_person(enc.conn()),
        plain: Some(page_no_person(&plain)),
        target: "< 20 ms",
    });
    rows.push(Row {
        name: format!("search 'uitker' (common prefix) at {n}"),
        enc: search_time(enc.conn(), "uitker"),
        plain: Some(search_time(&plain, "uitker")),
        target: "< 50 ms",
    });
    rows.push(Row {
        name: format!("search 'zwolle' (rare word) at {n}"),
        enc: search_time(enc.conn(), "zwolle"),
        plain: Some(search_time(&plain, "zwolle")),
        target: "< 50 ms",
    });
    drop((enc, plain));

    // The team-consult summary: a quarter for a 50-person caseload inside a vault
    // of 100,000 contacts (160 people over five years: about 1,500 in the quarter).
    let n = 100_000 / scale;
    let e3 = dir.path().join("esum.naast");
    let p3 = dir.path().join("psum.sqlite");
    let enc = Vault::init(&e3, &store, None).unwrap().0;
    let plain = plain_open(&p3);
    let (_, ids) = fill(enc.conn(), 160, n);
    fill(&plain, 160, n);
    let summary = |c: &Connection| {
        let mut o = naast::summary::Options::new(
            naast::time::parse_date("2026-07-01").unwrap(),
            naast::time::parse_date("2026-09-30").unwrap(),
        );
        o.persons = ids[..50].to_vec();
        let today = naast::time::parse_date("2026-10-01").unwrap();
        let mut contacts = 0;
        let d = median(
            (0..10)
                .map(|_| {
                    time(|| {
                        let s = naast::summary::compute(c, &o, today).unwrap();
                        contacts = s.totals.contacts;
                        naast::summary::html::render(&s).len()
                    })
                    .0
                })
                .collect(),
        );
        (d, contacts)
    };
    let (es, ec) = summary(enc.conn());
    let (ps, _) = summary(&plain);
    rows.push(Row {
        name: format!("consult summary, 50 people, one quarter ({ec} contacts) in {n}"),
        enc: es,
        plain: Some(ps),
        target: "< 100 ms",
    });
    let size = |p: &Path| {
        std::fs::metadata(p)
            .map(|m| m.len() / (1 << 20))
            .unwrap_or(0)
    };
    let sizes = (size(&e2), size(&p2));
    drop((enc, plain));
    let n = 1_000_000 / scale;

    println!(
        "\n| workload | encrypted | plain SQLite | ratio | target |\n|---|---:|---:|---:|---|"
    );
    let mut ratios = Vec::new();
    for r in &rows {
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        let (p, ratio) = match r.plain {
            Some(p) if !r.name.starts_with("open (passphrase") => {
                let ratio = r.enc.as_secs_f64() / p.as_secs_f64().max(1e-9);
                ratios.push(ratio);
                (ms(p), format!("{ratio:.2}×"))
            }
            _ => ("".into(), "".into()),
        };
        println!(
            "| {} | {} | {} | {} | {} |",
            r.name,
            ms(r.enc),
            p,
            ratio,
            r.target
        );
    }
    let geo = (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
    println!("\nGeometric mean of encrypted/plain across the suite: {geo:.2}× (target ≤ 1.5×)");
    println!(
        "File size at {n} contacts: encrypted {} MiB, plain {} MiB",
        sizes.0, sizes.1
    );
}
