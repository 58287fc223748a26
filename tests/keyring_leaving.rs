//! Every way into passphrase mode takes the key out of the keyring (issue 23): a
//! recovery with the code, a restore with a passphrase, a passphrase change. Checked
//! against the real Secret Service (asked with libsecret's own `secret-tool`), and
//! with an injected locked keyring: a delete that fails is told and changes nothing.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use chrono::Utc;
use common::os_store;
use common::*;
use naast::ground::error::Error;
use naast::store::keys::{KeyMode, KeyStore, OsKeyring};
use naast::vault::Vault;
use naast::ways::backup::{self, KeyFrom};
use zeroize::Zeroizing;

/// The issue's own steps: `naast init` (keyring mode), then the recovery code into
/// `naast recover --passphrase-file pw`. The entry was still listed afterwards.
#[test]
fn a_recovery_into_passphrase_mode_leaves_no_key_in_the_secret_service() {
    assert!(
        std::env::var("DBUS_SESSION_BUS_ADDRESS").is_ok(),
        "keyring tests need a D-Bus session with an unlocked keyring: run them with `make test`"
    );
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("kluis.naast");
    let pass = dir.path().join("pw.txt");
    std::fs::write(&pass, "een lange wachtwoordzin\n").unwrap();
    let svc = format!("naast-test-leaving-{}", std::process::id());
    let naast = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_naast"))
            .args(args)
            .env("NAAST_VAULT", &vault)
            .env("NAAST_KEYRING_SERVICE", &svc)
            .env_remove("NAAST_LANG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let o = child.wait_with_output().unwrap();
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    };
    let init: serde_json::Value = serde_json::from_str(&naast(&["init", "--json"], "")).unwrap();
    let id = init["vault_id"].as_str().unwrap().to_string();
    let code = init["recovery_code"].as_str().unwrap().to_string();
    naast(&["person", "add", "--alias", "Kees"], "");
    assert!(os_store::entries(&svc).contains(&id), "no entry after init");

    let p = pass.to_str().unwrap();
    let out: serde_json::Value = serde_json::from_str(&naast(
        &["recover", "--passphrase-file", p, "--json"],
        &code,
    ))
    .unwrap();
    assert_eq!(out["mode"], "passphrase");
    let left = os_store::entries(&svc);
    assert!(!left.contains(&id), "the key stayed in the keyring: {left}");
    assert!(naast(&["person", "list", "--passphrase-file", p], "").contains("Kees"));
}

#[test]
fn a_restore_with_a_passphrase_takes_the_key_out_of_the_keyring() {
    let t = TestVault::new();
    let (v, code) = t.init_keyring();
    let id = v.id().to_string();
    let dir = t.dir.path().join("kopieen");
    std::fs::create_dir_all(&dir).unwrap();
    let b = backup::make(&v, &dir, Utc::now()).unwrap();
    drop(v);
    assert!(t.store.load(&id).unwrap().is_some());
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
    assert_eq!(done.vault.mode(), KeyMode::Passphrase);
    assert!(t.store.load(&id).unwrap().is_none(), "the key stayed");
}

#[test]
fn a_locked_keyring_refuses_leaving_it_and_changes_nothing() {
    // A passphrase change from keyring mode: the new key file is taken back.
    let t = TestVault::new();
    let (mut v, code) = t.init_keyring();
    let id = v.id().to_string();
    let keys = || fingerprint(t.dir.path())["kluis.naast.keys"].clone();
    let before = keys();
    t.store.lock_up();
    assert!(matches!(
        v.set_passphrase(&t.store, "een heel nieuwe zin"),
        Err(Error::KeyringLocked)
    ));
    assert_eq!(v.mode(), KeyMode::Keyring);
    assert_eq!(keys(), before, "the key file stayed changed");
    drop(v);
    let before = fingerprint(t.dir.path());
    // A recovery into passphrase mode: refused before anything is written.
    assert!(matches!(
        Vault::recover(&t.path, &code, &t.store, Some("een heel nieuwe zin")),
        Err(Error::KeyringLocked)
    ));
    assert_eq!(fingerprint(t.dir.path()), before);
    // Unlocked, the vault opens as it was, the key where it was.
    t.store.recover();
    assert!(t.store.load(&id).unwrap().is_some());
    let v = Vault::open(&t.path, &t.store, None).unwrap();
    assert_eq!(v.mode(), KeyMode::Keyring);
    drop(v);
    // And leaving now works, with nothing left behind.
    let mut v = Vault::open(&t.path, &t.store, None).unwrap();
    v.set_passphrase(&t.store, "een heel nieuwe zin").unwrap();
    assert!(t.store.load(&id).unwrap().is_none());
}

/// The real Secret Service under a service name of its own: a recovery with the
/// code into passphrase mode through the library, as the app's recovery screen does.
#[test]
fn the_apps_recovery_into_passphrase_mode_empties_the_real_keyring() {
    assert!(std::env::var("DBUS_SESSION_BUS_ADDRESS").is_ok());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kluis.naast");
    let svc = format!("naast-test-leaving-app-{}", std::process::id());
    let store = OsKeyring::with_service(&svc);
    let (v, code) = Vault::init(&path, &store, None).unwrap();
    let id = v.id().to_string();
    drop(v);
    assert!(os_store::entries(&svc).contains(&id));
    let v = Vault::recover(&path, &code, &store, Some(PASS)).unwrap();
    assert_eq!(v.mode(), KeyMode::Passphrase);
    assert!(!os_store::entries(&svc).contains(&id));
    assert!(store.load(&id).unwrap().is_none());
}
