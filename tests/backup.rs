//! Backups on real SQLCipher files: made and verified by SQLCipher, nothing readable
//! without the key, restored on a new machine from the file and the code alone,
//! never over a vault without keeping it, and nothing half-written on failure.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use common::*;
use naast::ground::error::Error;
use naast::ground::lang::Lang;
use naast::ground::vocab::Support;
use naast::records::contact::{self, NewContact};
use naast::records::person::{self, NewPerson};
use naast::store::keys::{KeyStore, MemoryKeyStore};
use naast::vault::Vault;
use naast::ways::backup::{self, KeyFrom, Trigger};
use zeroize::Zeroizing;

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

fn add_person(v: &Vault, alias: &str) -> naast::ground::ids::PersonId {
    person::add(
        v.conn(),
        &NewPerson {
            alias: alias.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn add_contact(v: &Vault, p: naast::ground::ids::PersonId, note: &str) -> i64 {
    let mut c = NewContact::now(vec![p], vec![Support::Emotional]);
    c.note = note.into();
    contact::add(v.conn(), &c).unwrap()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn scan_outside(path: &Path, key_hex: &str, markers: &[&str]) -> serde_json::Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/scan_vault.py");
    let o = Command::new("python3")
        .arg(script)
        .arg(path)
        .arg(key_hex)
        .args(markers)
        .output()
        .expect("python3 with sqlcipher3-wheels and cryptography (scripts/setup.sh)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn a_backup_restores_on_a_new_machine_from_the_file_and_the_code_alone() {
    let t = TestVault::new();
    let (v, code) = t.init_keyring();
    let p = add_person(&v, "Sanne");
    for i in 0..25 {
        add_contact(&v, p, &format!("Samen gewandeld, week {i}."));
    }
    let dir = t.dir.path().join("usb");
    std::fs::create_dir(&dir).unwrap();
    let b = backup::make(&v, &dir, Utc::now()).unwrap();
    assert!(b.verified);
    assert_eq!(b.contacts, Some(25));
    drop(v);

    // The new laptop: an empty folder with only the backup file in it, no key file,
    // an empty keyring.
    let laptop = tempfile::tempdir().unwrap();
    let file = laptop.path().join("van-de-usb.naastbackup");
    std::fs::copy(&b.path, &file).unwrap();
    let target = laptop.path().join("data").join("kluis.naast");
    let store = MemoryKeyStore::default();
    let done = backup::restore(
        &file,
        &target,
        KeyFrom::Code(Zeroizing::new(code.clone())),
        &store,
        None,
        false,
        Utc::now(),
    )
    .unwrap();
    assert!(done.kept.is_none());
    assert_eq!(done.report.counts.contacts, 25);
    let restored = done.vault;
    assert!(restored.verify().unwrap().is_empty());
    let all = contact::list(restored.conn(), &Default::default(), None, None).unwrap();
    assert_eq!(all.len(), 25);
    drop(restored);
    // The key went into the (new) keyring: it opens like any vault now.
    let again = Vault::open(&target, &store, None).unwrap();
    assert_eq!(
        contact::list(again.conn(), &Default::default(), None, None)
            .unwrap()
            .len(),
        25
    );
    drop(again);
    // And the same with a passphrase instead of the keyring.
    let target2 = laptop.path().join("tweede.naast");
    let store2 = MemoryKeyStore::default();
    backup::restore(
        &file,
        &target2,
        KeyFrom::Code(Zeroizing::new(code)),
        &store2,
        Some(PASS),
        false,
        Utc::now(),
    )
    .unwrap();
    let v2 = Vault::open(&target2, &store2, Some(PASS)).unwrap();
    assert_eq!(v2.mode(), naast::store::keys::KeyMode::Passphrase);
    assert!(store2.load(v2.id()).unwrap().is_none());
}

#[test]
fn no_backup_holds_plaintext_and_none_opens_without_the_key() {
    let t = TestVault::new();
    let (v, code) = t.init_passphrase();
    let p = add_person(&v, "ZEBRAALIASq7");
    add_contact(&v, p, "ZEBRANOTEq7 over de week");
    naast::records::draft::save(v.conn(), None, r#"{"note":"ZEBRADRAFTq7"}"#, &[p]).unwrap();
    let dir = t.dir.path().join("backups");
    let mut made = Vec::new();
    for day in 1..=3 {
        made.push(backup::make(&v, &dir, at(2026, 11, day, 12)).unwrap().path);
        add_contact(&v, p, &format!("ZEBRANOTEq7 dag {day}"));
    }
    let markers = ["ZEBRAALIASq7", "ZEBRANOTEq7", "ZEBRADRAFTq7"];
    for f in files_in(&dir) {
        let bytes = std::fs::read(dir.join(&f)).unwrap();
        for m in markers {
            assert!(!contains(&bytes, m.as_bytes()), "{m} in {f}");
        }
    }
    // Verifying never wrote anything beside a backup (no -wal, -shm, -journal).
    assert!(files_in(&dir)
        .iter()
        .all(|f| f.ends_with(".naastbackup") || f.ends_with(".naastbackup.json")));
    for f in &made {
        // Not a plain SQLite file: SQLite without a key cannot read it.
        let plain = naast::store::db::Connection::open(f).unwrap();
        assert!(plain
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r
                .get::<_, i64>(0))
            .is_err());
        assert!(!std::fs::read(f).unwrap().starts_with(b"SQLite format 3\0"));
        // From outside Naast, SQLCipher with the raw key opens it; every page,
        // decrypted, holds the markers: the backup is complete, and keyed.
        let key = hex::encode(
            naast::store::keys::recovery::decode(&code)
                .unwrap()
                .as_bytes(),
        );
        let seen = scan_outside(f, &key, &markers);
        assert_eq!(seen["opened"], true, "{seen}");
        assert_eq!(seen["sound"], true, "{seen}");
        assert_eq!(seen["found"].as_array().unwrap().len(), 3, "{seen}");
        // And with another key it does not open.
        let other = hex::encode([7u8; 32]);
        assert_eq!(scan_outside(f, &other, &markers)["opened"], false);
    }
}

#[test]
fn a_flipped_byte_fails_verify_and_restore() {
    let t = TestVault::new();
    let (v, code) = t.init_passphrase();
    let p = add_person(&v, "Sanne");
    for i in 0..200 {
        add_contact(&v, p, &format!("notitie {i} {}", "tekst ".repeat(20)));
    }
    let dir = t.dir.path().join("backups");
    let b = backup::make(&v, &dir, Utc::now()).unwrap();
    assert!(backup::verify(&v, &b.path, Lang::Nl).unwrap().sound);
    let mut bytes = std::fs::read(&b.path).unwrap();
    let at = bytes.len() / 2 + 123;
    bytes[at] ^= 0x01;
    std::fs::write(&b.path, &bytes).unwrap();
    let r = backup::verify(&v, &b.path, Lang::Nl).unwrap();
    assert!(!r.sound, "{r:?}");
    assert!(!r.problems.is_empty());
    assert_eq!(r.hash_matches, Some(false));
    // The drill with the recovery code says the same, on a machine without the vault.
    assert!(
        !backup::verify_with_code(&b.path, &code, Lang::En)
            .unwrap()
            .sound
    );
    // Even without its manifest, the page's HMAC gives it away.
    std::fs::remove_file(format!("{}.json", b.path.display())).unwrap();
    let r = backup::verify(&v, &b.path, Lang::En).unwrap();
    assert!(!r.sound, "{r:?}");
    let target = t.dir.path().join("elders.naast");
    let e = backup::restore(
        &b.path,
        &target,
        KeyFrom::Code(Zeroizing::new(code)),
        &MemoryKeyStore::default(),
        Some(PASS),
        false,
        Utc::now(),
    )
    .unwrap_err();
    assert!(matches!(e, Error::BackupDamaged(_)), "{e:?}");
    assert!(!target.exists());
    assert!(files_in(t.dir.path())
        .iter()
        .all(|f| !f.starts_with("elders")));
}

#[test]
fn restore_never_overwrites_a_vault_without_keeping_it() {
    let t = TestVault::new();
    let (v, code) = t.init_passphrase();
    let p = add_person(&v, "Sanne");
    add_contact(&v, p, "voor de back-up");
    let dir = t.dir.path().join("backups");
    let b = backup::make(&v, &dir, Utc::now()).unwrap();
    let later = add_contact(&v, p, "na de back-up");
    drop(v);

    let before = fingerprint(t.dir.path());
    let e = backup::restore(
        &b.path,
        &t.path,
        KeyFrom::Code(Zeroizing::new(code.clone())),
        &t.store,
        Some(PASS),
        false,
        Utc::now(),
    )
    .unwrap_err();
    assert!(matches!(e, Error::VaultExists(_)), "{e:?}");
    assert_eq!(
        fingerprint(t.dir.path()),
        before,
        "a refused restore changed files"
    );

    // With replace, from the vault's own key: the old vault is kept, whole.
    let v = t.open().unwrap();
    let done = backup::restore(
        &b.path,
        &t.path,
        KeyFrom::Vault(Box::new(v)),
        &t.store,
        Some(PASS),
        true,
        at(2026, 11, 24, 13),
    )
    .unwrap();
    let kept = done.kept.clone().unwrap();
    assert!(
        kept.to_string_lossy()
            .ends_with("kluis.naast.voor-herstel-2026-11-24T1400"),
        "{}",
        kept.display()
    );
    let now = contact::list(done.vault.conn(), &Default::default(), None, None).unwrap();
    assert_eq!(now.len(), 1);
    drop(done);
    let old = Vault::open(&kept, &t.store, Some(PASS)).unwrap();
    assert!(
        contact::get(old.conn(), later).is_ok(),
        "the kept vault lost a note"
    );
    drop(old);
    // A second replace at the same minute does not overwrite the first copy.
    let v = t.open().unwrap();
    let again = backup::restore(
        &b.path,
        &t.path,
        KeyFrom::Vault(Box::new(v)),
        &t.store,
        Some(PASS),
        true,
        at(2026, 11, 24, 13),
    )
    .unwrap();
    assert_ne!(again.kept.unwrap(), kept);
    // The backup itself never changed (its manifest's hash still holds).
    drop(again.vault);
    let v = t.open().unwrap();
    assert!(backup::verify(&v, &b.path, Lang::Nl).unwrap().sound);
}

#[test]
fn a_replace_while_another_window_has_the_vault_open_is_refused() {
    let t = TestVault::new();
    let (v, code) = t.init_passphrase();
    add_person(&v, "Sanne");
    std::fs::create_dir(t.dir.path().join("b")).unwrap();
    let b = backup::make(&v, &t.dir.path().join("b"), Utc::now()).unwrap();
    // `v` stays open: the app's window.
    let e = backup::restore(
        &b.path,
        &t.path,
        KeyFrom::Code(Zeroizing::new(code)),
        &t.store,
        Some(PASS),
        true,
        Utc::now(),
    )
    .unwrap_err();
    assert!(matches!(e, Error::Busy), "{e:?}");
    assert!(t.path.exists());
    assert!(files_in(t.dir.path())
        .iter()
        .all(|f| !f.contains("voor-herstel") && !f.contains("herstel")));
    drop(v);
    assert!(t.open().unwrap().verify().unwrap().is_empty());
}

#[test]
fn rotation_keeps_7_daily_4_weekly_12_monthly_and_only_this_vaults_files() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let p = add_person(&v, "Sanne");
    let dir = t.dir.path().join("backups");
    std::fs::create_dir(&dir).unwrap();
    // Someone else's files in the same folder: never touched.
    std::fs::write(
        dir.join("naast-2020-01-01T120000Z-ffffffff.naastbackup"),
        b"x",
    )
    .unwrap();
    std::fs::write(dir.join("boodschappen.txt"), b"melk").unwrap();
    let start = at(2025, 6, 1, 10);
    let days = 400;
    for d in 0..days {
        add_contact(&v, p, &format!("dag {d}"));
        backup::make(&v, &dir, start + chrono::Duration::days(d)).unwrap();
    }
    let list = backup::list(&v, &dir).unwrap();
    let times: Vec<DateTime<Utc>> = list
        .iter()
        .map(|b| {
            DateTime::parse_from_rfc3339(&b.made_at)
                .unwrap()
                .with_timezone(&Utc)
        })
        .collect();
    let newest = start + chrono::Duration::days(days - 1);
    assert_eq!(times[0], newest);
    // The last 7 days, each.
    for d in 0..7 {
        assert!(
            times.contains(&(newest - chrono::Duration::days(d))),
            "day -{d}"
        );
    }
    assert!(list.len() <= 3 + 7 + 4 + 12, "{}", list.len());
    assert!(list.len() >= 12 + 6, "{}", list.len());
    // A year back, and no further.
    let oldest = *times.last().unwrap();
    assert!(oldest <= newest - chrono::Duration::days(300), "{oldest}");
    assert!(oldest >= newest - chrono::Duration::days(366), "{oldest}");
    // Exactly what the pure plan says, for the same clock.
    let all: Vec<_> = (0..days)
        .map(|d| start + chrono::Duration::days(d))
        .collect();
    let planned = backup::plan(&all, backup::Policy::default());
    assert!(planned.len() >= list.len());
    assert!(dir
        .join("naast-2020-01-01T120000Z-ffffffff.naastbackup")
        .exists());
    assert!(dir.join("boodschappen.txt").exists());
    // Every one left is sound, with its own count of contacts.
    for b in list.iter().take(3) {
        assert!(backup::verify(&v, &b.path, Lang::Nl).unwrap().sound);
    }
    assert_eq!(list[0].contacts, Some(days));
}

#[test]
fn automatic_backups_come_when_something_changed_and_at_most_daily() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let now = at(2026, 11, 24, 9);
    // An empty new vault: nothing to back up.
    assert!(!backup::due(&v, Trigger::Close, now).unwrap());
    let p = add_person(&v, "Sanne");
    assert!(backup::due(&v, Trigger::Close, now).unwrap());
    let b = backup::auto(&v, Trigger::Close, now).unwrap().unwrap();
    assert_eq!(
        b.path.parent().unwrap(),
        backup::default_folder(&t.path),
        "default folder is backups/ beside the vault"
    );
    // Nothing changed: nothing due, not even on close.
    assert!(backup::auto(&v, Trigger::Close, now).unwrap().is_none());
    // Reading, searching, drafts and unlocking are not changes.
    naast::reads::search::run(v.conn(), "Sanne", &Default::default(), 10).unwrap();
    naast::records::draft::save(v.conn(), None, "{}", &[p]).unwrap();
    v.log_access(naast::ground::vocab::Action::Unlock).unwrap();
    assert!(!backup::due(&v, Trigger::Close, now).unwrap());
    // A change: due on close at once, while open only after a day.
    add_contact(&v, p, "iets nieuws");
    assert!(backup::due(&v, Trigger::Close, now).unwrap());
    assert!(!backup::due(&v, Trigger::Daily, now + chrono::Duration::hours(5)).unwrap());
    assert!(backup::due(&v, Trigger::Daily, now + chrono::Duration::hours(24)).unwrap());
    // Status for the home screen: overdue after the warning age (7 days).
    let s = naast::records::settings::load(v.conn()).unwrap();
    let st = backup::status(&v, &s, now + chrono::Duration::days(3)).unwrap();
    assert!(!st.overdue && st.changed && st.folder_present);
    assert_eq!(st.last.as_ref().unwrap().counts.people, 1);
    let st = backup::status(&v, &s, now + chrono::Duration::days(8)).unwrap();
    assert!(st.overdue);
    // A folder that is not there (a USB disk unplugged): an error for the caller
    // to show quietly; the vault is untouched and saving goes on.
    let mut s2 = s.clone();
    s2.backup_folder = Some(t.dir.path().join("usb-weg").to_string_lossy().into_owned());
    naast::records::settings::save(v.conn(), &s2).unwrap();
    let e = backup::auto(&v, Trigger::Close, now).unwrap_err();
    assert!(matches!(e, Error::BackupFolderMissing(_)), "{e:?}");
    assert!(
        !t.dir.path().join("usb-weg").exists(),
        "a missing folder was made up"
    );
    add_contact(&v, p, "opslaan gaat gewoon door");
    assert!(v.verify().unwrap().is_empty());
}

/// A "Nu maken" and a lock a moment later can fall in one second: the second gets
/// the name `…Z-2-…`. Found on CI: the list called the first one the newest, so the
/// backup made on lock looked like it held one contact too few. Eleven in one second,
/// each with one contact more: listed newest first by how they were made (not by how
/// `Z-10` and `Z-2` sort as text), and the rotation keeps the newest three of them.
#[test]
fn backups_made_in_one_second_are_listed_and_kept_newest_first() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let p = add_person(&v, "Sanne");
    let dir = t.dir.path().join("in-een-seconde");
    std::fs::create_dir(&dir).unwrap();
    let now = at(2026, 11, 24, 9);
    for i in 1..=11 {
        add_contact(&v, p, &format!("contact {i}"));
        backup::make(&v, &dir, now).unwrap();
    }
    let list = backup::list(&v, &dir).unwrap();
    let contacts: Vec<_> = list.iter().map(|b| b.contacts.unwrap()).collect();
    // The policy keeps the newest three, and the newest of that day (one of them).
    assert_eq!(contacts, vec![11, 10, 9], "{:?}", files_in(&dir));
    let newest = list[0].path.file_name().unwrap().to_string_lossy();
    assert!(newest.contains("Z-11-"), "{newest}");
}

/// The app starts backups three ways (the daily one, "Nu maken", on lock) and none
/// waits for another by itself. Four at once into one folder, in one second: each
/// is made and sound, none clears another's half-written file as a crash's leftover,
/// none takes another's name.
#[test]
fn backups_started_together_are_made_one_at_a_time() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let p = add_person(&v, "Sanne");
    naast::ways::demo::fill(v.conn(), 10, 1000, 5).unwrap();
    add_contact(&v, p, "samen");
    let dir = t.dir.path().join("samen");
    std::fs::create_dir(&dir).unwrap();
    let now = at(2026, 11, 24, 9);
    let jobs: Vec<_> = (0..4).map(|_| backup::prepare(&v, &dir).unwrap()).collect();
    let start = std::sync::Arc::new(std::sync::Barrier::new(jobs.len()));
    let threads: Vec<_> = jobs
        .into_iter()
        .map(|job| {
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                job.run(now)
            })
        })
        .collect();
    let made: Vec<_> = threads
        .into_iter()
        .map(|h| h.join().unwrap().expect("a backup started beside others"))
        .collect();
    let mut names: Vec<_> = made.iter().map(|m| m.backup.path.clone()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 4, "two were given one name: {names:?}");
    let left = files_in(&dir);
    assert!(left.iter().all(|n| !n.contains(".partial")), "{left:?}");
    let listed = backup::list(&v, &dir).unwrap();
    assert!(listed.len() >= 3, "{left:?}");
    for b in &listed {
        assert!(
            backup::verify(&v, &b.path, Lang::Nl).unwrap().sound,
            "{b:?}"
        );
    }
}

#[test]
fn a_backup_on_a_full_disk_leaves_nothing_and_the_vault_untouched() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    naast::ways::demo::fill(v.conn(), 40, 6000, 7).unwrap();
    let size = std::fs::metadata(&t.path).unwrap().len();
    assert!(
        size > 3 << 20,
        "the vault must be larger than the disk: {size}"
    );
    let disk = SmallDisk::new("3m");
    let dir = disk.0.path().join("backups");
    std::fs::create_dir(&dir).unwrap();
    let before = contact::list(v.conn(), &Default::default(), None, None)
        .unwrap()
        .len();
    let e = backup::make(&v, &dir, Utc::now()).unwrap_err();
    assert!(matches!(e, Error::DiskFull), "{e:?}");
    assert_eq!(
        files_in(&dir),
        Vec::<String>::new(),
        "something was left behind"
    );
    assert!(v.verify().unwrap().is_empty());
    assert_eq!(
        contact::list(v.conn(), &Default::default(), None, None)
            .unwrap()
            .len(),
        before
    );
    // The message says what happened in words.
    assert!(e.message(Lang::Nl).contains("schijf is vol"));
    // With room, the retry works in the same folder.
    disk.resize("64m");
    let b = backup::make(&v, &dir, Utc::now()).unwrap();
    assert!(backup::verify(&v, &b.path, Lang::Nl).unwrap().sound);
}

const CHILD: &str = "NAAST_BACKUP_CHILD_VAULT";

#[test]
fn backup_child() {
    let Ok(path) = std::env::var(CHILD) else {
        return;
    };
    let store = MemoryKeyStore::default();
    let v = Vault::open(path.as_ref(), &store, Some(PASS)).unwrap();
    let dir = PathBuf::from(std::env::var("NAAST_BACKUP_CHILD_DIR").unwrap());
    for i in 0..10_000i64 {
        backup::make(&v, &dir, at(2026, 1, 1, 0) + chrono::Duration::minutes(i)).unwrap();
        println!("made {i}");
    }
}

#[test]
fn kill_9_during_backups_leaves_only_sound_backups_and_a_sound_vault() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    naast::ways::demo::fill(v.conn(), 20, 3000, 3).unwrap();
    let contacts = contact::list(v.conn(), &Default::default(), None, None)
        .unwrap()
        .len();
    drop(v);
    let dir = t.dir.path().join("backups");
    std::fs::create_dir(&dir).unwrap();
    let mut seed = std::process::id() as u64 | 1;
    let mut rand = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut partials_seen = 0;
    for _ in 0..12 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "backup_child", "--nocapture", "--test-threads=1"])
            .env(CHILD, &t.path)
            .env("NAAST_BACKUP_CHILD_DIR", &dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(out)
                .lines()
                .map_while(Result::ok)
                .filter(|l| l.starts_with("made "))
                .count()
        });
        std::thread::sleep(Duration::from_millis(300 + rand() % 900));
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();
        let names = files_in(&dir);
        partials_seen += names.iter().filter(|n| n.ends_with(".partial")).count();
        // Everything under a backup's final name is a sound backup.
        let v = t.open().unwrap();
        for n in names.iter().filter(|n| n.ends_with(".naastbackup")) {
            let r = backup::verify(&v, &dir.join(n), Lang::Nl).unwrap();
            assert!(r.sound, "{n}: {r:?}");
        }
        assert!(v.verify().unwrap().is_empty());
        assert_eq!(
            contact::list(v.conn(), &Default::default(), None, None)
                .unwrap()
                .len(),
            contacts
        );
    }
    // The next backup clears what an interrupted one left.
    let v = t.open().unwrap();
    backup::make(&v, &dir, at(2027, 1, 1, 0)).unwrap();
    assert!(
        files_in(&dir).iter().all(|n| !n.contains(".partial")),
        "{:?}",
        files_in(&dir)
    );
    eprintln!("partial files left by kills and cleaned: {partials_seen}");
}

/// Builds a backup as an older Naast (schema 5) wrote it: keyed, with the header.
fn old_backup(path: &Path, key_hex: &str, vault_id: &str) {
    let c = naast::store::db::Connection::open(path).unwrap();
    c.execute_batch(&format!("PRAGMA key = \"x'{key_hex}'\";"))
        .unwrap();
    naast::vault::schema::migrate_to(&c, 5).unwrap();
    c.execute(
        "INSERT INTO meta (key, value) VALUES ('vault_id', ?1), ('created_at', '0')",
        [vault_id],
    )
    .unwrap();
    c.execute(
        "INSERT INTO person (code, alias, context, created_at)
         VALUES ('K7QP', 'Oude Sanne', 'client', 0)",
        [],
    )
    .unwrap();
    let tables: Vec<String> = c
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let counts: Vec<(String, i64)> = tables
        .into_iter()
        .map(|t| {
            let n = c
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect();
    c.execute(
        "INSERT INTO meta (key, value) VALUES ('backup_made_at', '2025-01-01T10:00:00Z'),
         ('backup_tables', ?1)",
        [serde_json::to_string(&counts).unwrap()],
    )
    .unwrap();
}

#[test]
fn an_older_backup_is_migrated_on_the_copy_and_a_newer_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let key = naast::store::keys::VaultKey::generate().unwrap();
    let code = naast::store::keys::recovery::encode(&key).to_string();
    let key_hex = hex::encode(key.as_bytes());
    let file = dir.path().join("oud.naastbackup");
    old_backup(&file, &key_hex, "0123456789abcdef0123456789abcdef");
    let sha = |p: &Path| {
        hex::encode(<sha2::Sha256 as sha2::Digest>::digest(
            std::fs::read(p).unwrap(),
        ))
    };
    let before = sha(&file);
    let target = dir.path().join("kluis.naast");
    let store = MemoryKeyStore::default();
    let done = backup::restore(
        &file,
        &target,
        KeyFrom::Code(Zeroizing::new(code.clone())),
        &store,
        None,
        false,
        Utc::now(),
    )
    .unwrap();
    assert_eq!(
        naast::store::db::schema_version(done.vault.conn()).unwrap(),
        naast::vault::schema::SCHEMA_VERSION
    );
    assert!(person::find(done.vault.conn(), "Oude Sanne").is_ok());
    assert_eq!(sha(&file), before, "the backup file itself was changed");
    drop(done);

    // A backup from a newer Naast: a clear message, nothing written.
    let newer = dir.path().join("nieuw.naastbackup");
    old_backup(&newer, &key_hex, "0123456789abcdef0123456789abcdef");
    {
        let c = naast::store::db::Connection::open(&newer).unwrap();
        c.execute_batch(&format!(
            "PRAGMA key = \"x'{key_hex}'\"; PRAGMA user_version = 99;"
        ))
        .unwrap();
    }
    let target2 = dir.path().join("ander.naast");
    let e = backup::restore(
        &newer,
        &target2,
        KeyFrom::Code(Zeroizing::new(code)),
        &store,
        None,
        false,
        Utc::now(),
    )
    .unwrap_err();
    assert!(matches!(e, Error::NewerSchema { found: 99, .. }), "{e:?}");
    assert!(e.message(Lang::Nl).contains("nieuwere Naast"));
    assert!(!target2.exists());
}

#[test]
fn a_backup_under_an_old_key_says_so() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    add_person(&v, "Sanne");
    std::fs::create_dir(t.dir.path().join("b")).unwrap();
    let b = backup::make(&v, &t.dir.path().join("b"), Utc::now()).unwrap();
    let other = tempfile::tempdir().unwrap();
    let (w, _) = Vault::init(
        &other.path().join("k.naast"),
        &MemoryKeyStore::default(),
        Some(PASS),
    )
    .unwrap();
    let e = backup::verify(&w, &b.path, Lang::Nl).unwrap_err();
    assert!(matches!(e, Error::BackupOtherKey(_)), "{e:?}");
    assert!(
        e.message(Lang::Nl).contains("herstelcode"),
        "{}",
        e.message(Lang::Nl)
    );
}

#[test]
fn verifying_a_backup_does_not_touch_the_live_vault() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let p = add_person(&v, "Sanne");
    add_contact(&v, p, "x");
    std::fs::create_dir(t.dir.path().join("b")).unwrap();
    let b = backup::make(&v, &t.dir.path().join("b"), Utc::now()).unwrap();
    drop(v);
    let v = t.open().unwrap();
    let vault_files = || {
        let mut f = fingerprint(t.dir.path());
        f.retain(|k, _| k.starts_with("kluis.naast"));
        f
    };
    let before = vault_files();
    let r = backup::verify(&v, &b.path, Lang::Nl).unwrap();
    assert!(r.sound);
    assert_eq!(r.counts.contacts, 1);
    assert_eq!(vault_files(), before);
}

#[test]
fn a_backup_while_another_window_keeps_saving_is_one_consistent_moment() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let p = add_person(&v, "Sanne");
    naast::ways::demo::fill(v.conn(), 10, 2000, 5).unwrap();
    let dir = t.dir.path().join("backups");
    let path = t.path.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop2 = stop.clone();
    let (first_tx, first) = std::sync::mpsc::channel();
    let writer = std::thread::spawn(move || {
        let store = MemoryKeyStore::default();
        let w = Vault::open(&path, &store, Some(PASS)).unwrap();
        let mut n = 0;
        while !stop2.load(std::sync::atomic::Ordering::Relaxed) {
            let mut c = NewContact::now(vec![p], vec![Support::Practical]);
            c.note = format!("tussendoor {n}");
            contact::add(w.conn(), &c).unwrap();
            if n == 0 {
                first_tx.send(()).unwrap();
            }
            n += 1;
            // A person saving, not a loop holding the write lock without pause.
            std::thread::sleep(Duration::from_millis(3));
        }
        n
    });
    // The backups begin once the other window is saving (it opens the vault first).
    first.recv().unwrap();
    let mut made = Vec::new();
    for i in 0..5 {
        made.push(backup::make(&v, &dir, at(2026, 11, 1 + i, 12)).unwrap());
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert!(written > 0);
    for b in &made {
        let r = backup::verify(&v, &b.path, Lang::Nl).unwrap();
        assert!(r.sound, "{r:?}");
        assert_eq!(Some(r.counts.contacts), b.contacts);
    }
    // Later backups hold at least as much as earlier ones.
    let counts: Vec<i64> = made.iter().map(|b| b.contacts.unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
}

/// Issue 23: rotation trusted dates. A backup made under a clock set back looked old
/// and was deleted right after its own check; files dated in the future (made while
/// the clock ran ahead) took the places of the newest and pushed real ones out.
#[test]
fn rotation_keeps_the_backup_just_made_and_ignores_future_dates() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let p = add_person(&v, "Sanne");
    let dir = t.dir.path().join("backups");
    let ahead = t.dir.path().join("toen-de-klok-voorliep");
    std::fs::create_dir(&dir).unwrap();
    std::fs::create_dir(&ahead).unwrap();
    let start = at(2026, 11, 1, 10);
    for d in 0..10 {
        add_contact(&v, p, &format!("dag {d}"));
        backup::make(&v, &dir, start + chrono::Duration::days(d)).unwrap();
    }
    let real = files_in(&dir);

    // A clock set back ten days (an hour before the oldest): the new backup stays,
    // and so does every real one.
    let back = backup::make(&v, &dir, start - chrono::Duration::hours(1)).unwrap();
    assert!(back.path.exists(), "the backup just made was rotated away");
    for f in &real {
        assert!(dir.join(f).exists(), "{f} went");
    }
    for e in std::fs::read_dir(&dir).unwrap() {
        let e = e.unwrap().path();
        if e.to_string_lossy()
            .starts_with(&*back.path.to_string_lossy())
        {
            std::fs::remove_file(e).unwrap();
        }
    }

    // Ten backups made while the clock ran five years ahead, then put with the rest.
    for d in 0..10 {
        backup::make(&v, &ahead, at(2031, 11, 1, 10) + chrono::Duration::days(d)).unwrap();
    }
    let future = files_in(&ahead);
    for f in &future {
        std::fs::rename(ahead.join(f), dir.join(f)).unwrap();
    }
    // Back at the real time: the next backup keeps the real ones that it keeps in a
    // folder without the future-dated files.
    let control = t.dir.path().join("zonder");
    std::fs::create_dir(&control).unwrap();
    for f in &real {
        std::fs::copy(dir.join(f), control.join(f)).unwrap();
    }
    let next = backup::make(&v, &dir, start + chrono::Duration::days(10)).unwrap();
    backup::make(&v, &control, start + chrono::Duration::days(10)).unwrap();
    assert!(next.path.exists());
    let now_2026 = |d: &Path| -> Vec<String> {
        files_in(d)
            .into_iter()
            .filter(|f| f.starts_with("naast-2026"))
            .collect()
    };
    assert_eq!(
        now_2026(&dir),
        now_2026(&control),
        "future dates pushed real ones out"
    );
    // The future-dated ones are neither counted nor deleted.
    for f in &future {
        assert!(dir.join(f).exists(), "{f}");
    }
}

/// Issue 23: an erased person came back with a restore of an older backup, without a
/// word. The vault being replaced names its erasures in its log (ids only); the
/// restore erases them again and says whom, by code.
#[test]
fn a_person_erased_since_the_backup_is_erased_again_by_a_restore() {
    let t = TestVault::new();
    let (v, code) = t.init_passphrase();
    let sanne = add_person(&v, "Sanne");
    let mo = add_person(&v, "Mo");
    add_contact(&v, sanne, "Sanne vertelde over Zeldzaamwoordje.");
    add_contact(&v, mo, "Mo kwam langs.");
    let dir = t.dir.path().join("backups");
    std::fs::create_dir(&dir).unwrap();
    let b = backup::make(&v, &dir, Utc::now()).unwrap();
    let sanne_code = person::get(v.conn(), sanne).unwrap().code;
    naast::records::erasure::erase(v.conn(), sanne).unwrap();
    drop(v);

    let done = backup::restore(
        &b.path,
        &t.path,
        KeyFrom::Code(Zeroizing::new(code)),
        &t.store,
        Some(PASS),
        true,
        Utc::now(),
    )
    .unwrap();
    assert_eq!(done.erased_again, std::slice::from_ref(&sanne_code));
    let c = done.vault.conn();
    assert!(person::get(c, sanne).is_err(), "Sanne came back");
    assert!(person::get(c, mo).is_ok());
    let hits = naast::reads::search::search(c, "Zeldzaamwoordje", &Default::default(), 10).unwrap();
    assert!(hits.is_empty(), "her words came back");
    assert_eq!(
        contact::list(c, &Default::default(), None, None)
            .unwrap()
            .len(),
        1
    );
    // The restore says so in its own log line.
    let line = naast::audit::list(c, &Default::default(), None)
        .unwrap()
        .into_iter()
        .find(|e| e.action == naast::ground::vocab::Action::Restore)
        .unwrap();
    assert_eq!(line.detail["erased_again"][0], sanne_code.as_str());
}
