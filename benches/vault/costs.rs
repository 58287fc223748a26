//! What the audit log and backups cost, each beside its own floor.

use std::path::Path;
use std::time::Duration;

use naast::store::db;
use naast::store::keys::MemoryKeyStore;
use naast::vault::Vault;
use naast::ways::demo;

use super::time;

/// What one logged action adds to a change, with `n` lines already in the log: the
/// line is written inside the change's own transaction (and fsync), so its cost is
/// the time of `audit::record` there, measured over many records in one transaction.
pub fn audit_cost(dir: &Path, store: &MemoryKeyStore, n: usize) {
    use naast::audit::{self, Event};
    use naast::ground::vocab::Action;
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
pub fn backup_cost(dir: &Path, store: &MemoryKeyStore, sizes: &[(&str, usize)]) {
    use naast::ways::backup::{self, KeyFrom};
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
        use naast::store::keys::KeyStore;
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
        for f in naast::store::files::vault_files(&target) {
            let _ = std::fs::remove_file(f);
        }
        let _ = std::fs::remove_dir_all(&folder);
    }
}
