//! Opening is safe: every refusal says what to do next and leaves the files as they were.

mod common;

use common::*;
use naast::ground::error::Error;
use naast::records::contact;
use naast::records::person;
use naast::store::keys::{KeyStore, MemoryKeyStore, VaultKey};
use naast::vault::Vault;

fn add_someone(v: &Vault) {
    let p = person::add(
        v.conn(),
        &person::NewPerson {
            alias: "Sanne".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let mut c =
        contact::NewContact::now(vec![p.id], vec![naast::ground::vocab::Support::Emotional]);
    c.note = "Samen gewandeld.".into();
    contact::add(v.conn(), &c).unwrap();
}

#[test]
fn a_passphrase_vault_opens_again_with_its_passphrase() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    add_someone(&v);
    drop(v);
    let v = t.open().unwrap();
    assert_eq!(person::list(v.conn()).unwrap().len(), 1);
    assert!(v.verify().unwrap().is_empty());
}

#[test]
fn wrong_passphrase_is_refused_and_files_untouched() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    add_someone(&v);
    drop(v);
    let before = fingerprint(t.dir.path());
    let e = Vault::open(&t.path, &t.store, Some("niet het goede wachtwoord")).unwrap_err();
    assert!(matches!(e, Error::WrongPassphrase), "{e:?}");
    assert_eq!(e.kind(), "wrong_passphrase");
    let e = Vault::open(&t.path, &t.store, None).unwrap_err();
    assert!(matches!(e, Error::PassphraseNeeded), "{e:?}");
    assert_eq!(fingerprint(t.dir.path()), before);
}

#[test]
fn init_never_overwrites() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    add_someone(&v);
    drop(v);
    let before = fingerprint(t.dir.path());
    assert!(matches!(
        Vault::init(&t.path, &t.store, Some(PASS)),
        Err(Error::VaultExists(_))
    ));
    assert!(matches!(
        Vault::init(&t.path, &t.store, None),
        Err(Error::VaultExists(_))
    ));
    // Only the key file left behind is not overwritten either.
    std::fs::rename(&t.path, t.dir.path().join("elders.naast")).unwrap();
    assert!(matches!(
        Vault::init(&t.path, &t.store, Some(PASS)),
        Err(Error::VaultExists(_))
    ));
    std::fs::rename(t.dir.path().join("elders.naast"), &t.path).unwrap();
    assert_eq!(fingerprint(t.dir.path()), before);
}

#[test]
fn a_missing_vault_is_not_created_by_opening() {
    let t = TestVault::new();
    assert!(matches!(t.open(), Err(Error::VaultMissing(_))));
    assert!(fingerprint(t.dir.path()).is_empty());
}

#[test]
fn files_that_are_not_vaults_are_refused_untouched() {
    let t = TestVault::new();
    // A plain SQLite database.
    let plain = rusqlite::Connection::open(&t.path).unwrap();
    plain
        .execute_batch("CREATE TABLE x (y); INSERT INTO x VALUES (1);")
        .unwrap();
    drop(plain);
    let before = fingerprint(t.dir.path());
    assert!(matches!(t.open(), Err(Error::NotAVault(_))));
    assert_eq!(fingerprint(t.dir.path()), before);
    // A text file.
    std::fs::write(
        &t.path,
        "Boodschappenlijst: brood, melk, kaas, appels\n".repeat(20),
    )
    .unwrap();
    let before = fingerprint(t.dir.path());
    let e = t.open().unwrap_err();
    assert!(matches!(e, Error::KeyFileMissing(..)), "{e:?}");
    assert_eq!(fingerprint(t.dir.path()), before);
    // Empty.
    std::fs::write(&t.path, b"").unwrap();
    assert!(matches!(t.open(), Err(Error::NotAVault(_))));
}

#[test]
fn a_damaged_key_file_is_named_and_nothing_changes() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    drop(v);
    let kpath = naast::store::keys::keyfile::path_for(&t.path);
    std::fs::write(&kpath, b"{ dit is geen json").unwrap();
    let before = fingerprint(t.dir.path());
    assert!(matches!(t.open(), Err(Error::KeyFileDamaged(_))));
    assert_eq!(fingerprint(t.dir.path()), before);
}

#[test]
fn a_damaged_vault_file_is_refused_untouched() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    add_someone(&v);
    drop(v);
    let mut bytes = std::fs::read(&t.path).unwrap();
    for b in &mut bytes[100..400] {
        *b ^= 0x5a;
    }
    std::fs::write(&t.path, &bytes).unwrap();
    let before = fingerprint(t.dir.path());
    let e = t.open().unwrap_err();
    assert!(matches!(e, Error::Damaged), "{e:?}");
    assert_eq!(e.kind(), "damaged");
    assert_eq!(fingerprint(t.dir.path()), before);
}

#[test]
fn damage_deep_inside_is_found_by_verify() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    naast::ways::demo::fill(v.conn(), 5, 400, 1).unwrap();
    drop(v);
    let mut bytes = std::fs::read(&t.path).unwrap();
    assert!(bytes.len() > 20 * 4096);
    let at = 12 * 4096 + 1000;
    bytes[at] ^= 0xff;
    std::fs::write(&t.path, &bytes).unwrap();
    // Opening may still work (page 1 is intact); verify must say it is not sound.
    match t.open() {
        Ok(v) => assert!(!v.verify().map(|p| p.is_empty()).unwrap_or(false)),
        Err(e) => assert!(matches!(e, Error::Damaged), "{e:?}"),
    }
}

/// Locking stops the check after unlocking: its connection (which holds the key)
/// closes then, not when the check is done, and a stopped check tells nothing
/// (no made-up damage on the home screen after the next unlock). Stopped before it
/// could have finished (a check here takes tens of milliseconds).
#[test]
fn a_check_stopped_by_the_lock_tells_nothing_and_ends() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    naast::ways::demo::fill(v.conn(), 5, 400, 1).unwrap();
    for wait_ms in [0, 2] {
        let reader = v.reader().unwrap();
        let stop = reader.stopper();
        let told = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let told2 = told.clone();
        let job = reader.verify_in_background(move |_| {
            told2.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        std::thread::sleep(std::time::Duration::from_millis(wait_ms));
        stop.stop();
        job.join().unwrap();
        assert!(
            !told.load(std::sync::atomic::Ordering::SeqCst),
            "a check stopped after {wait_ms} ms told its findings"
        );
    }
    // Not stopped, it tells (the vault is sound: nothing found).
    let (tx, rx) = std::sync::mpsc::channel();
    v.reader()
        .unwrap()
        .verify_in_background(move |p| tx.send(p.len()).unwrap())
        .join()
        .unwrap();
    assert_eq!(rx.recv().unwrap(), 0);
}

/// The check after unlocking must leave the cores and the disk to the person's work:
/// its thread is an idle one (CPU and I/O), and it still finds damage.
#[cfg(target_os = "linux")]
#[test]
fn the_check_after_unlocking_runs_as_an_idle_thread_and_still_finds_damage() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    naast::ways::demo::fill(v.conn(), 5, 400, 1).unwrap();
    let run = |v: &Vault| {
        let (tx, rx) = std::sync::mpsc::channel();
        v.reader()
            .unwrap()
            .verify_in_background(move |problems| {
                // SAFETY: plain queries about the calling thread.
                let policy = unsafe { libc::sched_getscheduler(0) };
                let io = unsafe { libc::syscall(libc::SYS_ioprio_get, 1, 0) };
                tx.send((problems.len(), policy, io >> 13)).unwrap();
            })
            .join()
            .unwrap();
        rx.recv().unwrap()
    };
    assert_eq!(run(&v), (0, libc::SCHED_IDLE, 3));
    // The caller's own thread keeps its priority.
    assert_eq!(unsafe { libc::sched_getscheduler(0) }, libc::SCHED_OTHER);
    drop(v);
    let mut bytes = std::fs::read(&t.path).unwrap();
    bytes[12 * 4096 + 1000] ^= 0xff;
    std::fs::write(&t.path, &bytes).unwrap();
    if let Ok(v) = t.open() {
        let (found, policy, _) = run(&v);
        assert!(found > 0 && policy == libc::SCHED_IDLE);
    }
}

#[test]
fn a_vault_from_a_newer_version_is_refused_untouched() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    v.conn().pragma_update(None, "user_version", 999).unwrap();
    drop(v);
    let before = fingerprint(t.dir.path());
    let e = t.open().unwrap_err();
    assert!(matches!(e, Error::NewerSchema { found: 999, .. }), "{e:?}");
    assert_eq!(fingerprint(t.dir.path()), before);
}

#[test]
fn changing_the_passphrase_does_not_rewrite_the_vault() {
    let t = TestVault::new();
    let (mut v, _) = t.init_passphrase();
    add_someone(&v);
    v.conn()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    let vault_before = std::fs::read(&t.path).unwrap();
    v.set_passphrase(&t.store, "een heel nieuwe zin").unwrap();
    assert_eq!(std::fs::read(&t.path).unwrap(), vault_before);
    drop(v);
    assert!(matches!(t.open(), Err(Error::WrongPassphrase)));
    let v = Vault::open(&t.path, &t.store, Some("een heel nieuwe zin")).unwrap();
    assert_eq!(person::list(v.conn()).unwrap().len(), 1);
    assert!(matches!(
        Vault::init(&t.dir.path().join("kort.naast"), &t.store, Some("kort")),
        Err(Error::Invalid(
            naast::ground::error::Invalid::PassphraseTooShort(_)
        ))
    ));
}

#[test]
fn keyring_mode_opens_with_the_stored_key() {
    let t = TestVault::new();
    let (v, _) = t.init_keyring();
    add_someone(&v);
    let id = v.id().to_string();
    drop(v);
    assert!(t.store.load(&id).unwrap().is_some());
    let v = Vault::open(&t.path, &t.store, None).unwrap();
    assert_eq!(person::list(v.conn()).unwrap().len(), 1);
}

#[test]
fn no_keyring_service_at_init_leaves_nothing_behind() {
    let t = TestVault::new();
    t.store
        .fail_with("org.freedesktop.secrets was not provided");
    let e = Vault::init(&t.path, &t.store, None).unwrap_err();
    assert_eq!(e.kind(), "keyring_unavailable");
    assert!(e
        .message(naast::ground::lang::Lang::Nl)
        .contains("wachtwoordzin"));
    assert!(fingerprint(t.dir.path()).is_empty());
    // Passphrase mode still works on that machine.
    t.init_passphrase();
}

#[test]
fn a_keyring_that_silently_drops_keys_is_caught_at_init() {
    let t = TestVault::new();
    t.store.forget_everything();
    let e = Vault::init(&t.path, &t.store, None).unwrap_err();
    assert_eq!(e.kind(), "keyring_unavailable");
    assert!(fingerprint(t.dir.path()).is_empty());
}

#[test]
fn keyring_trouble_at_open_is_told_apart_and_files_untouched() {
    let t = TestVault::new();
    let (v, _) = t.init_keyring();
    let id = v.id().to_string();
    drop(v);
    let before = fingerprint(t.dir.path());

    t.store.fail_with("no D-Bus session");
    assert_eq!(t.open().unwrap_err().kind(), "keyring_unavailable");
    t.store.recover();

    t.store.put(&id, VaultKey::generate().unwrap());
    assert!(matches!(
        Vault::open(&t.path, &t.store, None),
        Err(Error::KeyMismatch)
    ));

    t.store.delete(&id).unwrap();
    assert!(matches!(
        Vault::open(&t.path, &t.store, None),
        Err(Error::KeyringEntryMissing)
    ));
    assert_eq!(fingerprint(t.dir.path()), before);
}

#[test]
fn the_recovery_code_restores_access_after_the_keyring_entry_is_lost() {
    let t = TestVault::new();
    let (v, code) = t.init_keyring();
    add_someone(&v);
    let id = v.id().to_string();
    drop(v);
    t.store.delete(&id).unwrap();
    let v = Vault::recover(&t.path, &code, &t.store, None).unwrap();
    assert_eq!(person::list(v.conn()).unwrap().len(), 1);
    drop(v);
    assert!(Vault::open(&t.path, &t.store, None).is_ok());
}

#[test]
fn the_recovery_code_opens_a_vault_moved_without_its_key_file() {
    let t = TestVault::new();
    let (v, code) = t.init_passphrase();
    add_someone(&v);
    drop(v);
    // A new machine: only the vault file was copied; no key file, another keyring.
    let other = tempfile::tempdir().unwrap();
    let moved = other.path().join("kluis.naast");
    std::fs::copy(&t.path, &moved).unwrap();
    let fresh = MemoryKeyStore::default();
    assert!(matches!(
        Vault::open(&moved, &fresh, Some(PASS)),
        Err(Error::KeyFileMissing(..))
    ));
    let typed = code.to_lowercase().replace('-', " ");
    let v = Vault::recover(&moved, &typed, &fresh, Some("nieuwe wachtwoordzin")).unwrap();
    assert_eq!(person::list(v.conn()).unwrap().len(), 1);
    drop(v);
    assert!(Vault::open(&moved, &fresh, Some("nieuwe wachtwoordzin")).is_ok());
}

#[test]
fn a_wrong_or_mistyped_recovery_code_is_refused_untouched() {
    let t = TestVault::new();
    let (v, code) = t.init_passphrase();
    drop(v);
    let before = fingerprint(t.dir.path());
    let other = naast::store::keys::recovery::encode(&VaultKey::generate().unwrap());
    assert!(matches!(
        Vault::recover(&t.path, &other, &t.store, None),
        Err(Error::RecoveryMismatch)
    ));
    let mut typo = code.clone().into_bytes();
    typo[0] = if typo[0] == b'A' { b'B' } else { b'A' };
    let typo = String::from_utf8(typo).unwrap();
    assert!(matches!(
        Vault::recover(&t.path, &typo, &t.store, None),
        Err(Error::RecoveryTypo)
    ));
    assert_eq!(fingerprint(t.dir.path()), before);
}

#[test]
fn the_vault_and_key_file_are_private_to_their_owner() {
    use std::os::unix::fs::PermissionsExt;
    let t = TestVault::new();
    t.init_passphrase();
    for p in [
        t.path.clone(),
        naast::store::keys::keyfile::path_for(&t.path),
    ] {
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", p.display());
    }
}

#[test]
fn a_second_connection_waits_for_the_first_writer_instead_of_corrupting() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let w = Vault::open(&t.path, &t.store, Some(PASS)).unwrap();
    v.conn().execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    let handle = std::thread::spawn(move || {
        let r = person::add(
            w.conn(),
            &person::NewPerson {
                alias: "Mo".into(),
                ..Default::default()
            },
        );
        (r.map(|p| p.alias), w)
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    v.conn().execute_batch("COMMIT").unwrap();
    let (r, _w) = handle.join().unwrap();
    assert_eq!(r.unwrap(), "Mo");
    assert!(started.elapsed() >= std::time::Duration::from_millis(300));
    assert!(v.verify().unwrap().is_empty());
}

/// The settings that make a returned save survive a power cut, read back from every
/// way the core opens a vault (the app opens through the same three). A change that
/// weakens any of them (synchronous=NORMAL, another journal mode) fails here.
#[test]
fn every_connection_the_core_opens_is_durable() {
    fn assert_durable(v: &Vault, how: &str) {
        let c = v.conn();
        let get = |p: &str| -> String {
            c.query_row(&format!("PRAGMA {p}"), [], |r| {
                r.get::<_, rusqlite::types::Value>(0)
            })
            .map(|v| match v {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => format!("{other:?}"),
            })
            .unwrap()
        };
        assert_eq!(get("journal_mode"), "wal", "{how}");
        assert_eq!(get("synchronous"), "2", "{how}: synchronous must be FULL");
        assert_eq!(get("secure_delete"), "1", "{how}");
        assert_eq!(get("foreign_keys"), "1", "{how}");
        assert_eq!(
            get("temp_store"),
            "2",
            "{how}: temporary data stays in memory"
        );
    }
    let t = TestVault::new();
    let (v, code) = t.init_passphrase();
    assert_durable(&v, "init (passphrase)");
    drop(v);
    assert_durable(&t.open().unwrap(), "open (passphrase)");
    let v = Vault::recover(&t.path, &code, &t.store, Some(PASS)).unwrap();
    assert_durable(&v, "recover");
    let k = TestVault::new();
    let (v, _) = k.init_keyring();
    assert_durable(&v, "init (keyring)");
    drop(v);
    assert_durable(
        &Vault::open(&k.path, &k.store, None).unwrap(),
        "open (keyring)",
    );
}

/// A key file copied from another vault used to read as "damaged", and recovery with
/// the right code said the code did not fit.
#[test]
fn a_key_file_from_another_vault_is_named_and_the_recovery_code_fixes_it() {
    let a = TestVault::new();
    let (va, code_a) = a.init_keyring();
    add_someone(&va);
    drop(va);
    let b_dir = tempfile::tempdir().unwrap();
    let b_path = b_dir.path().join("andere.naast");
    let (vb, _) = Vault::init(&b_path, &a.store, None).unwrap();
    drop(vb);
    let ka = naast::store::keys::keyfile::path_for(&a.path);
    let kb = naast::store::keys::keyfile::path_for(&b_path);
    std::fs::copy(&kb, &ka).unwrap();
    let foreign = std::fs::read(&ka).unwrap();
    let before = fingerprint(a.dir.path());
    let e = Vault::open(&a.path, &a.store, None).unwrap_err();
    assert!(matches!(e, Error::KeyFileOtherVault(_)), "{e:?}");
    assert!(!e
        .message(naast::ground::lang::Lang::Nl)
        .contains("beschadigd"));
    assert_eq!(fingerprint(a.dir.path()), before);

    let v = Vault::recover(&a.path, &code_a, &a.store, None).unwrap();
    assert_eq!(person::list(v.conn()).unwrap().len(), 1);
    drop(v);
    assert!(Vault::open(&a.path, &a.store, None).is_ok());
    // The other vault's key file is kept aside, byte for byte, not deleted.
    let aside: Vec<_> = std::fs::read_dir(a.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".keys.vorige-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(&aside[0]).unwrap(), foreign);
    assert!(Vault::open(&b_path, &a.store, None).is_ok());
}

/// As root a read-only folder is still writable, so root tests a read-only mount.
struct ReadOnlyPlace {
    dir: tempfile::TempDir,
    mounted: bool,
}

impl ReadOnlyPlace {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = unsafe { libc::geteuid() } == 0;
        if root {
            let ok = std::process::Command::new("mount")
                .args(["-t", "tmpfs", "-o", "size=4m", "tmpfs"])
                .arg(dir.path())
                .status()
                .unwrap()
                .success();
            assert!(ok, "as root this test mounts a small tmpfs");
        }
        ReadOnlyPlace { dir, mounted: root }
    }

    fn make_read_only(&self) {
        if self.mounted {
            let ok = std::process::Command::new("mount")
                .args(["-o", "remount,ro"])
                .arg(self.dir.path())
                .status()
                .unwrap()
                .success();
            assert!(ok);
        } else {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(self.dir.path(), std::fs::Permissions::from_mode(0o555))
                .unwrap();
        }
    }
}

impl Drop for ReadOnlyPlace {
    fn drop(&mut self) {
        if self.mounted {
            let _ = std::process::Command::new("umount")
                .arg(self.dir.path())
                .status();
        } else {
            use std::os::unix::fs::PermissionsExt;
            let _ =
                std::fs::set_permissions(self.dir.path(), std::fs::Permissions::from_mode(0o700));
        }
    }
}

#[test]
fn a_healthy_vault_on_a_read_only_disk_is_called_read_only_not_damaged() {
    let place = ReadOnlyPlace::new();
    let path = place.dir.path().join("kluis.naast");
    let store = MemoryKeyStore::default();
    let (v, code) = Vault::init(&path, &store, Some(PASS)).unwrap();
    add_someone(&v);
    drop(v);
    place.make_read_only();
    let before = fingerprint(place.dir.path());
    let e = Vault::open(&path, &store, Some(PASS)).unwrap_err();
    assert!(matches!(e, Error::ReadOnly(_)), "{e:?}");
    let nl = e.message(naast::ground::lang::Lang::Nl);
    assert!(
        nl.contains("alleen-lezen") && !nl.contains("beschadigd"),
        "{nl}"
    );
    assert!(!e.message(naast::ground::lang::Lang::En).contains("damaged"));
    let e = Vault::recover(&path, &code, &store, Some(PASS)).unwrap_err();
    assert!(matches!(e, Error::ReadOnly(_)), "{e:?}");
    assert_eq!(fingerprint(place.dir.path()), before);
}

/// POSIX locks belong to a process and vanish when any handle on the file closes.
/// If the core ever opened the vault file a second time while its connection is
/// open, the next process to close its own connection would find no lock, delete
/// the live WAL, and every later save of the first process would be lost. Here the
/// "other process" is the real CLI, run while this process keeps the vault open.
#[test]
fn another_process_closing_the_vault_never_takes_the_log_from_under_an_open_one() {
    let t = TestVault::new();
    let pass = t.dir.path().join("pw.txt");
    std::fs::write(&pass, PASS).unwrap();
    let cli = |args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_naast"))
            .args(args)
            .arg("--passphrase-file")
            .arg(&pass)
            .env("NAAST_VAULT", &t.path)
            .env_remove("NAAST_LANG")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    for how in ["init", "open", "recover"] {
        let _ = std::fs::remove_file(&t.path);
        let _ = std::fs::remove_file(naast::store::keys::keyfile::path_for(&t.path));
        let (v, code) = t.init_passphrase();
        let v = match how {
            "init" => v,
            "open" => {
                drop(v);
                t.open().unwrap()
            }
            _ => {
                drop(v);
                Vault::recover(&t.path, &code, &t.store, Some(PASS)).unwrap()
            }
        };
        cli(&["person", "add", "--alias", "Mo"]);
        let wal = format!("{}-wal", t.path.display());
        assert!(
            std::path::Path::new(&wal).exists(),
            "{how}: the WAL of the open vault was deleted by another process"
        );
        add_someone(&v);
        let listed = cli(&["person", "list"]);
        assert!(
            listed.contains("Sanne"),
            "{how}: a save is invisible: {listed}"
        );
    }
}
