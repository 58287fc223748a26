//! Keyring mode against the real OS keyring (Secret Service over D-Bus).
//!
//! `make test` runs the suite inside `dbus-run-session` with an unlocked
//! gnome-keyring-daemon. Without a session bus these tests fail on purpose, saying
//! why: a keyring test that silently skips would prove nothing.
//!
//! The tests that drive the `naast` binary run a second time against naast.exe under
//! Wine (`make test-windows`, see `common::cli`), where the key lives in Windows'
//! Credential Manager; `common::os_store` reads either store directly.

mod common;

use std::io::Write;
use std::process::{Output, Stdio};

use common::cli::{core_only, naast, refused, under_wine, win};
use common::os_store;
use naast::ground::error::Error;
use naast::records::person;
use naast::store::keys::{KeyStore, OsKeyring, VaultKey};
use naast::vault::Vault;

/// The Secret Service the binary (natively) or this process uses. naast.exe under
/// Wine keeps its key in the Credential Manager and needs no D-Bus.
fn require_session_bus() {
    if under_wine() {
        return;
    }
    assert!(
        std::env::var("DBUS_SESSION_BUS_ADDRESS").is_ok(),
        "keyring tests need a D-Bus session with an unlocked keyring: run them with `make test`"
    );
}

fn service(name: &str) -> String {
    format!("naast-test-{name}-{}", std::process::id())
}

#[test]
fn a_keyring_vault_lives_in_the_real_secret_service() {
    if core_only("the keyring store's own code") {
        return;
    }
    require_session_bus();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kluis.naast");
    let store = OsKeyring::with_service(&service("core"));
    let (v, code) = Vault::init(&path, &store, None).unwrap();
    person::add(
        v.conn(),
        &person::NewPerson {
            alias: "Sanne".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let id = v.id().to_string();
    drop(v);

    // The key is really in the keyring: a separate handle finds it.
    let raw = keyring::Entry::new(&service("core"), &id)
        .unwrap()
        .get_secret()
        .unwrap();
    assert_eq!(raw.len(), 32);
    let v = Vault::open(&path, &store, None).unwrap();
    assert_eq!(person::list(v.conn()).unwrap().len(), 1);
    drop(v);

    // Another key under the same name (a different keyring backend, say) is caught.
    store.store(&id, &VaultKey::generate().unwrap()).unwrap();
    assert!(matches!(
        Vault::open(&path, &store, None),
        Err(Error::KeyMismatch)
    ));

    // The entry gone: told so, and the recovery code puts it back.
    store.delete(&id).unwrap();
    assert!(matches!(
        Vault::open(&path, &store, None),
        Err(Error::KeyringEntryMissing)
    ));
    Vault::recover(&path, &code, &store, None).unwrap();
    assert!(Vault::open(&path, &store, None).is_ok());
    store.delete(&id).unwrap();
}

/// `naast recover` with the code typed on its standard input.
fn recover(vault: &std::path::Path, svc: &str, code: &str) -> Output {
    let mut child = naast()
        .args(["recover"])
        .env("NAAST_VAULT", win(vault))
        .env("NAAST_KEYRING_SERVICE", svc)
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
        .write_all(code.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn the_cli_in_keyring_mode_needs_no_passphrase() {
    require_session_bus();
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("kluis.naast");
    let svc = service("cli");
    let naast = |args: &[&str]| {
        naast()
            .args(args)
            .env("NAAST_VAULT", win(&vault))
            .env("NAAST_KEYRING_SERVICE", &svc)
            .env_remove("NAAST_LANG")
            .output()
            .unwrap()
    };
    let init = naast(&["init", "--json"]);
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&init.stdout).unwrap();
    let code = v["recovery_code"].as_str().unwrap().to_string();
    let id = v["vault_id"].as_str().unwrap().to_string();
    assert!(naast(&["person", "add", "--alias", "Kees"])
        .status
        .success());

    // The entry removed from the store behind Naast's back: told so, and the
    // recovery code puts it back.
    os_store::delete(&svc, &id);
    let o = naast(&["person", "list"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("naast recover"));

    let o = recover(&vault, &svc, &code);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        os_store::secret(&svc, &id),
        Some(
            naast::store::keys::recovery::decode(&code)
                .unwrap()
                .as_bytes()
                .to_vec()
        ),
        "the key is back in the store"
    );
    let list = naast(&["person", "list", "--json"]);
    assert!(String::from_utf8_lossy(&list.stdout).contains("Kees"));
    os_store::delete(&svc, &id);
}

#[test]
fn switching_modes_and_a_new_key_from_the_cli_leave_no_stale_key_in_the_keyring() {
    require_session_bus();
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("kluis.naast");
    let pass = dir.path().join("pw.txt");
    std::fs::write(&pass, "een lange wachtwoordzin\n").unwrap();
    let svc = service("modes");
    let naast = |args: &[&str]| {
        let o = naast()
            .args(args)
            .env("NAAST_VAULT", win(&vault))
            .env("NAAST_KEYRING_SERVICE", &svc)
            .env_remove("NAAST_LANG")
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    };
    let init: serde_json::Value = serde_json::from_str(&naast(&["init", "--json"])).unwrap();
    let id = init["vault_id"].as_str().unwrap().to_string();
    let first_code = init["recovery_code"].as_str().unwrap().to_string();
    naast(&["person", "add", "--alias", "Kees"]);
    assert!(os_store::entries(&svc).contains(&id), "no entry after init");

    // Keyring → passphrase: the entry is gone from the system's store itself.
    let p = win(&pass);
    naast(&["passphrase", "--new-passphrase-file", &p]);
    let left = os_store::entries(&svc);
    assert!(!left.contains(&id), "the key stayed in the keyring: {left}");
    assert!(naast(&["person", "list", "--passphrase-file", &p]).contains("Kees"));

    // Passphrase → keyring: the entry is back and the key file has no slot.
    naast(&["use-keyring", "--passphrase-file", &p]);
    assert!(os_store::entries(&svc).contains(&id));
    let keys = std::fs::read_to_string(naast::store::keys::keyfile::path_for(&vault)).unwrap();
    assert!(!keys.contains("argon2id"), "{keys}");

    // A new key: the keyring holds the new key, the old code opens nothing.
    let out: serde_json::Value = serde_json::from_str(&naast(&["rekey", "--json"])).unwrap();
    let new_code = out["recovery_code"].as_str().unwrap();
    assert_ne!(new_code, first_code);
    assert!(naast(&["person", "list"]).contains("Kees"));
    let raw = os_store::secret(&svc, &id).expect("the key in the store");
    let new_key = naast::store::keys::recovery::decode(new_code).unwrap();
    assert_eq!(raw.as_slice(), new_key.as_bytes());
    refused(
        &recover(&vault, &svc, &first_code),
        "past niet bij deze kluis",
    );
    assert_eq!(
        os_store::secret(&svc, &id),
        Some(raw),
        "a refused code changed the key"
    );
    os_store::delete(&svc, &id);
}
