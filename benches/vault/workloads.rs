//! The workloads the table times, each on a connection the caller opened (encrypted
//! or plain), so both run the very same code.

use std::path::Path;
use std::time::Duration;

use naast::ground::vocab::{Mode, Support};
use naast::reads::search;
use naast::records::contact::{self, Filter};
use naast::store::db;
use naast::vault::schema;
use naast::vault::Vault;
use naast::ways::demo;
use rusqlite::Connection;

use super::{median, time};

pub fn plain_open(path: &Path) -> Connection {
    let c = Connection::open(path).unwrap();
    db::configure(&c).unwrap();
    schema::migrate(&c).unwrap();
    c
}

/// Fills a connection with `n` contacts for `people` people, in batches.
pub fn fill(c: &Connection, people: usize, n: usize) -> (Duration, Vec<i64>) {
    let ids = demo::fill(c, people, 0, 7).unwrap();
    let mut rng = demo::Rng::new(42);
    // Five years of notes, written in time order.
    let start = naast::ground::time::parse_date("2021-11-22").unwrap();
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
pub fn page(c: &Connection, ids: &[i64]) -> Duration {
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

pub fn page_no_person(c: &Connection) -> Duration {
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

pub fn search_time(c: &Connection, q: &str) -> Duration {
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
pub struct Suite {
    pub save: Duration,
    pub import_100k: Duration,
    pub common_100k: Duration,
    pub rare_100k: Duration,
    pub summary: Duration,
    pub summary_contacts: i64,
    pub import_1m: Duration,
    pub page_person: Duration,
    pub page_filter: Duration,
    pub common_1m: Duration,
    pub rare_1m: Duration,
    pub size_1m: u64,
}

pub fn summary_time(c: &Connection, ids: &[i64]) -> (Duration, i64) {
    let mut o = naast::ways::summary::Options::new(
        naast::ground::time::parse_date("2026-07-01").unwrap(),
        naast::ground::time::parse_date("2026-09-30").unwrap(),
    );
    o.persons = ids[..50.min(ids.len())].to_vec();
    let today = naast::ground::time::parse_date("2026-10-01").unwrap();
    let mut contacts = 0;
    let d = median(
        (0..10)
            .map(|_| {
                time(|| {
                    let s = naast::ways::summary::compute(c, &o, today).unwrap();
                    contacts = s.totals.contacts;
                    naast::ways::summary::html::render(&s).len()
                })
                .0
            })
            .collect(),
    );
    (d, contacts)
}

/// Runs every workload on connections made by `open` (a fresh file per size).
pub fn suite(scale: usize, open: &dyn Fn(&str) -> (Connection, Option<Vault>)) -> Suite {
    let mut s = Suite::default();
    {
        let (c, v) = open("save");
        let c = v.as_ref().map(|v| v.conn()).unwrap_or(&c);
        let ids = demo::fill(c, 3, 0, 1).unwrap();
        let mut rng = demo::Rng::new(9);
        let end = naast::ground::time::parse_date("2026-11-22").unwrap();
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
