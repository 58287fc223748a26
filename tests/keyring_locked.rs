//! A locked keyring gets its own message and never a new key or a new vault. Its own
//! test binary: locking the collection would disturb the other keyring tests.

use std::process::Command;

use naast::ground::error::Error;
use naast::store::keys::{KeyStore, OsKeyring};
use naast::vault::Vault;

fn collection(method: &str) {
    let ok = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.secrets",
            "/org/freedesktop/secrets",
            &format!("org.freedesktop.Secret.Service.{method}"),
            "array:objpath:/org/freedesktop/secrets/collection/login",
        ])
        .output()
        .unwrap()
        .status
        .success();
    assert!(ok, "dbus-send {method}");
}

#[test]
fn a_locked_keyring_is_named_and_nothing_is_made_or_changed() {
    assert!(
        std::env::var("DBUS_SESSION_BUS_ADDRESS").is_ok(),
        "run with `make test` (a D-Bus session with gnome-keyring)"
    );
    // With a display the unlock prompt would wait for a person; without one it fails
    // at once, which is what this test needs.
    assert!(
        std::env::var("DISPLAY").is_err(),
        "run without DISPLAY: the keyring would show an unlock prompt"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kluis.naast");
    let svc = format!("naast-test-locked-{}", std::process::id());
    let store = OsKeyring::with_service(&svc);
    let (v, _) = Vault::init(&path, &store, None).unwrap();
    let id = v.id().to_string();
    drop(v);
    // Open before the lock, as the app is: leaving the keyring must then fail too.
    let mut kept = Vault::open(&path, &store, None).unwrap();
    let before: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();

    collection("Lock");
    let e = Vault::open(&path, &store, None).unwrap_err();
    let init_elsewhere = Vault::init(&dir.path().join("nieuw.naast"), &store, None).unwrap_err();
    let leave = kept
        .set_passphrase(&store, "een heel nieuwe zin")
        .unwrap_err();
    // gnome-keyring unlocks only with its password (which the session script set):
    // a fresh daemon takes over the bus name and unlocks the same keyring file.
    let unlocked = Command::new("sh")
        .args([
            "-c",
            "printf naast-test | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null 2>&1",
        ])
        .status()
        .unwrap()
        .success();
    assert!(unlocked);
    std::thread::sleep(std::time::Duration::from_millis(500));

    assert!(matches!(e, Error::KeyringLocked), "{e:?}");
    assert!(e.message(naast::ground::lang::Lang::Nl).contains("op slot"));
    assert!(
        matches!(init_elsewhere, Error::KeyringLocked),
        "{init_elsewhere:?}"
    );
    assert!(
        !dir.path().join("nieuw.naast").exists(),
        "a vault was made anyway"
    );
    let after: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    assert_eq!(before, after);
    assert!(matches!(leave, Error::KeyringLocked), "{leave:?}");
    drop(kept);
    // Unlocked again, the same key opens the same vault.
    assert!(Vault::open(&path, &store, None).is_ok());
    store.delete(&id).unwrap();
}
