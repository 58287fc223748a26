//! Where a backup's time goes, phase by phase, at 100,000 contacts (a probe for
//! tuning `backup`; prints one table). `cargo bench --bench phases`.

use std::time::Instant;

use naast::store::keys::{KeyStore, MemoryKeyStore};
use naast::vault::Vault;
use rusqlite::Connection;

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let n: usize = std::env::var("NAAST_PHASES_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir_in(std::env::var("NAAST_BENCH_DIR").unwrap_or_else(|_| ".".into()))
        .unwrap();
    let store = MemoryKeyStore::default();
    let path = dir.path().join("v.naast");
    let (v, _) = Vault::init(&path, &store, None).unwrap();
    let ids = naast::ways::demo::fill(v.conn(), 160, 0, 7).unwrap();
    let mut rng = naast::ways::demo::Rng::new(42);
    let start = naast::ground::time::parse_date("2021-11-22").unwrap();
    let mut left = n;
    while left > 0 {
        let batch = naast::ways::demo::contacts(
            &mut rng,
            &ids,
            left.min(20_000),
            start,
            start + chrono::Duration::days(1800),
        );
        naast::records::contact::import(v.conn(), &batch).unwrap();
        left -= left.min(20_000);
    }
    v.conn()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    let folder = dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    for i in 0..2 {
        let s = Instant::now();
        naast::ways::backup::make(
            &v,
            &folder,
            chrono::Utc::now() + chrono::Duration::minutes(i),
        )
        .unwrap();
        println!(
            "naast::ways::backup::make (copy + verify + manifest), run {i}: {:.0} ms",
            s.elapsed().as_secs_f64() * 1000.0
        );
    }
    let key = store.load(v.id()).unwrap().unwrap();
    let hexkey = hex::encode(key.as_bytes());
    drop(v);
    let t = |name: &str, f: &mut dyn FnMut()| {
        let s = Instant::now();
        f();
        println!("| {name} | {:.0} ms |", s.elapsed().as_secs_f64() * 1000.0);
    };
    println!("| phase at {n} contacts | time |\n|---|---:|");
    t("copy + fsync + sha256 (floor)", &mut || {
        std::fs::copy(&path, dir.path().join("floor")).unwrap();
        std::fs::File::open(dir.path().join("floor"))
            .unwrap()
            .sync_all()
            .unwrap();
        let _ = <sha2::Sha256 as sha2::Digest>::digest(
            std::fs::read(dir.path().join("floor")).unwrap(),
        );
    });
    let out = dir.path().join("b.naast");
    std::fs::File::create(&out).unwrap();
    let c = Connection::open(&path).unwrap();
    c.execute_batch(&format!(
        "PRAGMA key = \"x'{hexkey}'\"; PRAGMA temp_store = MEMORY;"
    ))
    .unwrap();
    c.execute(
        &format!("ATTACH DATABASE ?1 AS k KEY \"x'{hexkey}'\""),
        [out.to_string_lossy()],
    )
    .unwrap();
    t("sqlcipher_export", &mut || {
        c.query_row("SELECT sqlcipher_export('k')", [], |_| Ok(()))
            .unwrap();
    });
    c.execute_batch("DETACH DATABASE k").unwrap();
    t("fsync", &mut || {
        std::fs::File::open(&out).unwrap().sync_all().unwrap()
    });
    let b = Connection::open_with_flags(&out, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    b.execute_batch(&format!(
        "PRAGMA key = \"x'{hexkey}'\"; PRAGMA temp_store = MEMORY;"
    ))
    .unwrap();
    t("cipher_integrity_check", &mut || {
        let _: Vec<String> = b
            .prepare("PRAGMA cipher_integrity_check")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .flatten()
            .collect();
    });
    t("integrity_check (8 MiB cache)", &mut || {
        let _: String = b
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
    });
    let b2 = Connection::open_with_flags(&out, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    b2.execute_batch(&format!(
        "PRAGMA key = \"x'{hexkey}'\"; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144;"
    ))
    .unwrap();
    t("integrity_check (256 MiB cache)", &mut || {
        let _: String = b2
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
    });
    let out2 = dir.path().join("b2.naast");
    t("backup API, keyed to keyed, with fsync", &mut || {
        let mut dst = Connection::open(&out2).unwrap();
        dst.execute_batch(&format!("PRAGMA key = \"x'{hexkey}'\";"))
            .unwrap();
        let src =
            Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        src.execute_batch(&format!("PRAGMA key = \"x'{hexkey}'\";"))
            .unwrap();
        let bk = rusqlite::backup::Backup::new(&src, &mut dst).unwrap();
        bk.run_to_completion(i32::MAX, std::time::Duration::ZERO, None)
            .unwrap();
        drop(bk);
        drop(dst);
        std::fs::File::open(&out2).unwrap().sync_all().unwrap();
    });
    let b3 =
        Connection::open_with_flags(&out2, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    b3.execute_batch(&format!(
        "PRAGMA key = \"x'{hexkey}'\"; PRAGMA cache_size = -262144;"
    ))
    .unwrap();
    t(
        "backup API copy: integrity_check (256 MiB cache)",
        &mut || {
            let r: String = b3
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .unwrap();
            assert_eq!(r, "ok");
        },
    );
    t("backup API copy: cipher_integrity_check", &mut || {
        let v: Vec<String> = b3
            .prepare("PRAGMA cipher_integrity_check")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .flatten()
            .collect();
        assert!(v.is_empty(), "{v:?}");
    });
    t("backup API copy: quick_check (256 MiB cache)", &mut || {
        let r: String = b3
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(r, "ok");
    });
    let tables: Vec<String> = b3
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .flatten()
        .collect();
    t("integrity_check per table, 2 threads", &mut || {
        let half = tables.len() / 2;
        let (a, bb) = tables.split_at(half);
        std::thread::scope(|sc| {
            for part in [a, bb] {
                let out2 = &out2;
                let hexkey = &hexkey;
                sc.spawn(move || {
                    let c = Connection::open_with_flags(
                        out2,
                        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
                    )
                    .unwrap();
                    c.execute_batch(&format!(
                        "PRAGMA key = \"x'{hexkey}'\"; PRAGMA cache_size = -131072;"
                    ))
                    .unwrap();
                    for tname in part {
                        let _: String = c
                            .query_row(&format!("PRAGMA integrity_check(\"{tname}\")"), [], |r| {
                                r.get(0)
                            })
                            .unwrap();
                    }
                });
            }
        });
    });
    let head = std::fs::read(&out2).unwrap();
    assert!(
        !head.starts_with(b"SQLite format 3"),
        "backup API wrote plaintext"
    );
    t("count every table", &mut || {
        for tname in [
            "contact",
            "contact_person",
            "contact_tag",
            "audit_log",
            "person",
        ] {
            let _: i64 = b
                .query_row(&format!("SELECT count(*) FROM {tname}"), [], |r| r.get(0))
                .unwrap();
        }
    });
    t("sha256 of backup", &mut || {
        let _ = <sha2::Sha256 as sha2::Digest>::digest(std::fs::read(&out).unwrap());
    });
}
