//! Where a search's time goes at 1,000,000 contacts, phase by phase (a probe for
//! tuning `search::page`; prints one table). It opens a vault made by
//! `naast demo` (`NAAST_PROBE_VAULT`, passphrase in `NAAST_PROBE_PASS_FILE`), so the
//! million contacts are made once: `cargo bench --bench search_phases`.

use std::time::Instant;

use naast::reads::search::{self, Order};
use naast::records::contact::Filter;
use naast::store::keys::MemoryKeyStore;
use naast::vault::Vault;
use rusqlite::Connection;

const WORDS: [&str; 10] = [
    "uitk",
    "wacht",
    "brief",
    "park",
    "zwolle",
    "koffie",
    "medicatie",
    "schuld",
    "groep",
    "zus",
];

fn ms<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let t = Instant::now();
    let v = f();
    (t.elapsed().as_secs_f64() * 1000.0, v)
}

fn one(c: &Connection, sql: &str, q: &str) -> i64 {
    c.prepare_cached(sql)
        .unwrap()
        .query_map([q], |r| r.get::<_, i64>(0))
        .unwrap()
        .map(|r| r.unwrap())
        .last()
        .unwrap_or(0)
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let (Ok(path), Ok(pass)) = (
        std::env::var("NAAST_PROBE_VAULT"),
        std::env::var("NAAST_PROBE_PASS_FILE"),
    ) else {
        eprintln!("search_phases: set NAAST_PROBE_VAULT and NAAST_PROBE_PASS_FILE");
        return;
    };
    let pass = std::fs::read_to_string(pass).unwrap();
    let v = Vault::open(path.as_ref(), &MemoryKeyStore::default(), Some(pass.trim())).unwrap();
    let c = v.conn();
    let n: i64 = c
        .query_row("SELECT count(*) FROM contact", [], |r| r.get(0))
        .unwrap();
    println!("{n} contacts");
    for _ in 0..2 {
        let (all_ms, _) = ms(|| naast::records::contact::count(c, &Filter::default()).unwrap());
        let (one_ms, _) = ms(|| {
            naast::records::contact::count(
                c,
                &Filter {
                    person: Some(3),
                    ..Filter::default()
                },
            )
            .unwrap()
        });
        println!("count of the list: all {all_ms:.1} ms, one person {one_ms:.1} ms");
    }
    println!("| word | matches | count (index) | walk ids | walk rows | page() | page() again |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for w in WORDS {
        let q = search::fts_query(w).unwrap();
        let (count_ms, matches) = ms(|| {
            one(
                c,
                "SELECT count(*) FROM contact_fts WHERE contact_fts MATCH ?1",
                &q,
            )
        });
        let (ids_ms, _) = ms(|| {
            one(
                c,
                "SELECT c.id FROM contact c
                 WHERE +c.id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?)
                 ORDER BY c.at DESC, c.id DESC LIMIT 50",
                &q,
            )
        });
        let (rows_ms, _) = ms(|| {
            one(
                c,
                "SELECT length(c.note) FROM contact c
                 WHERE +c.id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?)
                 ORDER BY c.at DESC, c.id DESC LIMIT 50",
                &q,
            )
        });
        let (page_ms, _) =
            ms(|| search::page(c, w, &Filter::default(), Order::Best, 0, 50).unwrap());
        let (again_ms, p) =
            ms(|| search::page(c, w, &Filter::default(), Order::Best, 0, 50).unwrap());
        println!(
            "| {w} | {matches} ({}) | {count_ms:.1} | {ids_ms:.1} | {rows_ms:.1} | {page_ms:.1} | {again_ms:.1} |",
            p.total
        );
    }
}
