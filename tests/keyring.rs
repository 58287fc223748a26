//! Keyring mode against the real OS keyring (Secret Service over D-Bus).
//!
//! `make test` runs the suite inside `dbus-run-session` with an unlocked
//! gnome-keyring-daemon. Without a session bus these tests fail on purpose, saying
//! why: a keyring test that silently skips would prove nothing.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use naast::vault::{KeyStore, OsKeyring, Vault, VaultKey};
use naast::{person, Error};

fn require_session_bus() {
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

#[test]
fn the_cli_in_keyring_mode_needs_no_passphrase() {
    require_session_bus();
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("kluis.naast");
    let svc = service("cli");
    let naast = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_naast"))
            .args(args)
            .env("NAAST_VAULT", &vault)
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

    keyring::Entry::new(&svc, &id)
        .unwrap()
        .delete_credential()
        .unwrap();
    let o = naast(&["person", "list"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("naast recover"));

    let mut child = Command::new(env!("CARGO_BIN_EXE_naast"))
        .args(["recover"])
        .env("NAAST_VAULT", &vault)
        .env("NAAST_KEYRING_SERVICE", &svc)
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
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let list = naast(&["person", "list", "--json"]);
    assert!(String::from_utf8_lossy(&list.stdout).contains("Kees"));
    keyring::Entry::new(&svc, &id)
        .unwrap()
        .delete_credential()
        .unwrap();
}
