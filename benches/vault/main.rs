//! The vault benchmark: every workload on the encrypted vault and on plain SQLite
//! with the same schema and the same core functions, so the cost of encryption
//! shows as a ratio. `cargo bench --bench vault` prints a table; under `cargo test`
//! the same code runs at a hundredth of the size as a smoke test.

mod costs;
mod workloads;

use std::time::{Duration, Instant};

use naast::store::keys::MemoryKeyStore;
use naast::vault::Vault;
use rusqlite::Connection;

use costs::{audit_cost, backup_cost};
use workloads::*;

pub struct Row {
    name: String,
    enc: Duration,
    plain: Option<Duration>,
    target: &'static str,
}

pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

pub fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed(), out)
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
