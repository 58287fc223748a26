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

/// Everything measured on one store. Encrypted and plain run one after the other,
/// never side by side: two connections in one process share SQLite's page-cache
/// budget, and the second would evict the first's pages (measured: a rare-word
/// search went from 1.8 ms to 36 ms with a filled plain connection open beside it).
#[derive(Default)]
struct Suite {
    save: Duration,
    import_100k: Duration,
    common_100k: Duration,
    rare_100k: Duration,
    summary: Duration,
    summary_contacts: i64,
    import_1m: Duration,
    page_person: Duration,
    page_filter: Duration,
    common_1m: Duration,
    rare_1m: Duration,
    size_1m: u64,
}

fn summary_time(c: &Connection, ids: &[i64]) -> (Duration, i64) {
    let mut o = naast::summary::Options::new(
        naast::time::parse_date("2026-07-01").unwrap(),
        naast::time::parse_date("2026-09-30").unwrap(),
    );
    o.persons = ids[..50.min(ids.len())].to_vec();
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
}

/// Runs every workload on connections made by `open` (a fresh file per size).
fn suite(scale: usize, open: &dyn Fn(&str) -> (Connection, Option<Vault>)) -> Suite {
    let mut s = Suite::default();
    {
        let (c, v) = open("save");
        let c = v.as_ref().map(|v| v.conn()).unwrap_or(&c);
        let ids = demo::fill(c, 3, 0, 1).unwrap();
        let mut rng = demo::Rng::new(9);
        let end = naast::time::parse_date("2026-11-22").unwrap();
        let cs = demo::contacts(&mut rng, &ids, 200, end - chrono::Duration::days(30), end);
        s.save = median(
            cs.iter()
                .map(|x| time(|| contact::add(c, x).unwrap()).0)
                .collect(),
        );
    }
    {
        // 100,000 contacts: 160 people over five years, so a quarter for 50 of
        // them is about 1,500 contacts, as in the consult-summary target.
        let (c, v) = open("100k");
        let c = v.as_ref().map(|v| v.conn()).unwrap_or(&c);
        let (d, ids) = fill(c, 160, 100_000 / scale);
        s.import_100k = d;
        s.common_100k = search_time(c, "uitker");
        s.rare_100k = search_time(c, "zwolle");
        (s.summary, s.summary_contacts) = summary_time(c, &ids);
    }
    {
        let (c, v) = open("1m");
        let cr = v.as_ref().map(|v| v.conn()).unwrap_or(&c);
        let (d, ids) = fill(cr, 200, 1_000_000 / scale);
        s.import_1m = d;
        s.page_person = page(cr, &ids);
        s.page_filter = page_no_person(cr);
        s.common_1m = search_time(cr, "uitker");
        s.rare_1m = search_time(cr, "zwolle");
        let path = v.as_ref().map(|v| v.path().to_path_buf());
        drop(v);
        drop(c);
        s.size_1m = path
            .and_then(|p| std::fs::metadata(p).ok())
            .map(|m| m.len() >> 20)
            .unwrap_or(0);
    }
    s
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let scale = if full { 1 } else { 100 };
    let dir = tempfile::tempdir_in(std::env::var("NAAST_BENCH_DIR").unwrap_or_else(|_| ".".into()))
        .unwrap();
    let store = MemoryKeyStore::default();

    // Open: raw key vs passphrase vs plain, each with nothing else open.
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

    let enc = suite(scale, &|name| {
        let p = dir.path().join(format!("e{name}.naast"));
        let v = Vault::init(&p, &store, None).unwrap().0;
        (Connection::open_in_memory().unwrap(), Some(v))
    });
    let plain = suite(scale, &|name| {
        (
            plain_open(&dir.path().join(format!("p{name}.sqlite"))),
            None,
        )
    });
    let plain_size = std::fs::metadata(dir.path().join("p1m.sqlite"))
        .map(|m| m.len() >> 20)
        .unwrap_or(0);

    let (k, m) = (100_000 / scale, 1_000_000 / scale);
    let rows = [
        (
            "open (raw key, keyring mode)",
            open_raw,
            Some(open_plain),
            "< 50 ms",
        ),
        ("open (passphrase, Argon2id 64 MiB)", open_pass, None, ""),
        (
            "one durable contact save",
            enc.save,
            Some(plain.save),
            "< 5 ms",
        ),
        (
            &*format!("import {k} contacts"),
            enc.import_100k,
            Some(plain.import_100k),
            "",
        ),
        (
            &*format!("search 'uitker' (in 1 of 9 notes) at {k}"),
            enc.common_100k,
            Some(plain.common_100k),
            "",
        ),
        (
            &*format!("search 'zwolle' (in 1 of 400 notes) at {k}"),
            enc.rare_100k,
            Some(plain.rare_100k),
            "",
        ),
        (
            &*format!(
                "consult summary: 50 people, a quarter ({} contacts), in {k}",
                enc.summary_contacts
            ),
            enc.summary,
            Some(plain.summary),
            "< 100 ms",
        ),
        (
            &*format!("import {m} contacts"),
            enc.import_1m,
            Some(plain.import_1m),
            "",
        ),
        (
            &*format!("page of 50, person + support filter, of {m}"),
            enc.page_person,
            Some(plain.page_person),
            "< 20 ms",
        ),
        (
            &*format!("page of 50, support + mode filter, of {m}"),
            enc.page_filter,
            Some(plain.page_filter),
            "< 20 ms",
        ),
        (
            &*format!("search 'uitker' (in 1 of 9 notes) at {m}"),
            enc.common_1m,
            Some(plain.common_1m),
            "< 50 ms",
        ),
        (
            &*format!("search 'zwolle' (in 1 of 400 notes) at {m}"),
            enc.rare_1m,
            Some(plain.rare_1m),
            "< 50 ms",
        ),
    ]
    .map(|(n, e, p, t)| Row {
        name: n.to_string(),
        enc: e,
        plain: p,
        target: t,
    });

    println!(
        "\n| workload | encrypted | plain SQLite | ratio | target |\n|---|---:|---:|---:|---|"
    );
    let mut ratios = Vec::new();
    for r in &rows {
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        let (p, ratio) = match r.plain {
            Some(p) => {
                let ratio = r.enc.as_secs_f64() / p.as_secs_f64().max(1e-9);
                ratios.push(ratio);
                (ms(p), format!("{ratio:.2}×"))
            }
            None => (String::new(), String::new()),
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
        "File size at {m} contacts: encrypted {} MiB, plain {plain_size} MiB",
        enc.size_1m
    );
    audit_cost(dir.path(), &store, m);
    backup_cost(dir.path(), &store, &[("100k", k), ("1m", m)]);
}

/// What one logged action adds to a change, with `n` lines already in the log: the
/// line is written inside the change's own transaction (and fsync), so its cost is
/// the time of `audit::record` there, measured over many records in one transaction.
fn audit_cost(dir: &Path, store: &MemoryKeyStore, n: usize) {
    use naast::audit::{self, Action, Event};
    let v = Vault::init(&dir.join("audit.naast"), store, None)
        .unwrap()
        .0;
    let c = v.conn();
    let who = demo::fill(c, 20, 0, 3).unwrap();
    let (fill_time, _) = time(|| {
        for chunk in 0..n.div_ceil(50_000) {
            db::write_tx(c, |tx| {
                for i in 0..50_000.min(n - chunk * 50_000) {
                    let p = who[i % who.len()];
                    audit::record(tx, &Event::new(Action::View, "person").id(p).person(p))?;
                }
                Ok(())
            })
            .unwrap();
        }
    });
    let rounds = 2_000;
    let (d, _) = time(|| {
        db::write_tx(c, |tx| {
            for i in 0..rounds {
                let p = who[i % who.len()];
                audit::record(
                    tx,
                    &Event::new(Action::Change, "contact").id(i as i64).person(p),
                )?;
            }
            Ok(())
        })
        .unwrap()
    });
    let per = d.as_secs_f64() * 1000.0 / rounds as f64;
    let (verify, r) = time(|| audit::verify(c).unwrap());
    println!(
        "
| audit log | value | target |
|---|---:|---|
| one logged action, added to a change, at {n} log lines | {per:.4} ms | < 0.1 ms |
| writing {n} log lines (fill) | {:.0} ms | |
| verifying the chain of {} lines | {:.0} ms | |",
        fill_time.as_secs_f64() * 1000.0,
        r.entries,
        verify.as_secs_f64() * 1000.0
    );
}

/// Backup + verify, restore and rekey of the suite's encrypted vaults, beside the
/// floor for the same bytes: a plain copy of the file plus its SHA-256, in this run.
fn backup_cost(dir: &Path, store: &MemoryKeyStore, sizes: &[(&str, usize)]) {
    use naast::backup::{self, KeyFrom};
    use sha2::{Digest, Sha256};
    println!(
        "
| backups | contacts | file | floor: copy + SHA-256 | backup + verify | ratio (target ≤ 3×) | integrity_check of the backup alone | its FTS5 part | restore | rekey |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for (name, n) in sizes {
        let path = dir.join(format!("e{name}.naast"));
        let v = Vault::open(&path, store, None).unwrap();
        // Everything written is in the main file, as a backup would find it.
        v.conn()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        let bytes = std::fs::metadata(&path).unwrap().len();
        let copy = dir.join(format!("floor-{name}"));
        let (floor, _) = time(|| {
            std::fs::copy(&path, &copy).unwrap();
            std::fs::File::open(&copy).unwrap().sync_all().unwrap();
            let mut h = Sha256::new();
            let mut f = std::fs::File::open(&copy).unwrap();
            std::io::copy(&mut f, &mut h).unwrap();
            h.finalize()
        });
        std::fs::remove_file(&copy).unwrap();
        let folder = dir.join(format!("backups-{name}"));
        std::fs::create_dir_all(&folder).unwrap();
        let (made, b) = time(|| backup::make(&v, &folder, chrono::Utc::now()).unwrap());
        let job = backup::prepare(&v, &folder).unwrap();
        let target = dir.join(format!("restored-{name}.naast"));
        let other = MemoryKeyStore::default();
        let (restore, r) = time(|| {
            backup::restore(
                &b.path,
                &target,
                KeyFrom::Job(Box::new(job)),
                &other,
                None,
                false,
                chrono::Utc::now(),
            )
            .unwrap()
        });
        assert_eq!(r.report.counts.contacts as usize, *n);
        drop(r);
        // The share of the check that verifying must run: SQLite's integrity_check,
        // and within it the FTS5 index's own check, each alone on the backup (attached
        // with the vault's key, which is the backup's).
        use naast::vault::KeyStore;
        let key = store.load(v.id()).unwrap().unwrap();
        let key_sql = format!("x'{}'", hex::encode(key.as_bytes()));
        let c = v.conn();
        // Each measured on a freshly attached copy, its page cache empty.
        let on_backup = |sql: &str| {
            c.execute(
                "ATTACH DATABASE ?1 AS k KEY ?2",
                [b.path.to_string_lossy().as_ref(), key_sql.as_str()],
            )
            .unwrap();
            c.execute_batch("PRAGMA k.cache_size = -131072;").unwrap();
            let (took, first) = time(|| {
                let mut st = c.prepare(sql).unwrap();
                let mut rows = st.query([]).unwrap();
                let first: Option<String> = rows.next().unwrap().map(|r| r.get(0).unwrap());
                first
            });
            c.execute_batch("DETACH DATABASE k").unwrap();
            (took, first)
        };
        let (integrity, ok) = on_backup("PRAGMA k.integrity_check");
        assert_eq!(ok.as_deref(), Some("ok"));
        let (fts, _) = on_backup(
            "INSERT INTO k.contact_fts (contact_fts, rank) VALUES ('integrity-check', 0)",
        );
        let mut v = v;
        let (rekey, _) = time(|| {
            v.rekey_begin().unwrap();
            v.rekey_finish(store, None).unwrap()
        });
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "| {name} | {n} | {} MiB | {:.0} ms | {:.0} ms | {:.2}× | {:.0} ms ({:.1}×) | {:.0} ms | {:.0} ms | {:.0} ms |",
            bytes >> 20,
            ms(floor),
            ms(made),
            made.as_secs_f64() / floor.as_secs_f64(),
            ms(integrity),
            integrity.as_secs_f64() / floor.as_secs_f64(),
            ms(fts),
            ms(restore),
            ms(rekey)
        );
        for f in naast::files::vault_files(&target) {
            let _ = std::fs::remove_file(f);
        }
        let _ = std::fs::remove_dir_all(&folder);
    }
}
