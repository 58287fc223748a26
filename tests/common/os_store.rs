//! The system's own key store, asked directly and not through Naast's code: the Secret
//! Service natively (libsecret's `secret-tool`, the `keyring` crate's own handle),
//! Windows' Credential Manager when the tests run against naast.exe under Wine
//! (`tests/wine/credentials.c` over `CredEnumerateW`, `CredReadW`, `CredDeleteW`, built
//! by `scripts/wine-prefix.sh`). Either keeps one entry per vault under the service
//! name and the vault's id; Windows names it `<id>.<service>`, as `keyring` does.

use std::process::{Command, Output};

use super::cli::under_wine;

/// `credentials.exe` under Wine, with its arguments.
fn credentials(args: &[&str]) -> Output {
    let runner = std::env::var("NAAST_TEST_RUNNER").expect("NAAST_TEST_RUNNER names wine64");
    let tool = std::env::var("NAAST_TEST_WINE_CREDENTIALS")
        .expect("NAAST_TEST_WINE_CREDENTIALS: run under `eval \"$(scripts/wine-prefix.sh)\"`");
    Command::new(runner).arg(tool).args(args).output().unwrap()
}

fn target(service: &str, id: &str) -> String {
    format!("{id}.{service}")
}

/// What the store holds for a service, as text that names each vault id in it.
pub fn entries(service: &str) -> String {
    let o = if under_wine() {
        credentials(&["list"])
    } else {
        Command::new("secret-tool")
            .args(["search", "--all", "service", service])
            .output()
            .expect("secret-tool (libsecret-tools) is installed by scripts/setup.sh")
    };
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    if under_wine() {
        assert!(o.status.success(), "credentials list: {text}");
        let tail = format!(".{service}");
        return text
            .lines()
            .filter(|l| l.ends_with(&tail))
            .collect::<Vec<_>>()
            .join("\n");
    }
    text
}

/// The secret kept for one vault, if any.
pub fn secret(service: &str, id: &str) -> Option<Vec<u8>> {
    if !under_wine() {
        return match keyring::Entry::new(service, id).unwrap().get_secret() {
            Ok(s) => Some(s),
            Err(keyring::Error::NoEntry) => None,
            Err(e) => panic!("the keyring: {e}"),
        };
    }
    let o = credentials(&["get", &target(service, id)]);
    match o.status.code() {
        Some(0) => Some(hex::decode(String::from_utf8(o.stdout).unwrap().trim()).unwrap()),
        Some(2) => None,
        _ => panic!("credentials get: {}", String::from_utf8_lossy(&o.stderr)),
    }
}

/// Removes one vault's entry, as a person or an IT department might.
pub fn delete(service: &str, id: &str) {
    if !under_wine() {
        keyring::Entry::new(service, id)
            .unwrap()
            .delete_credential()
            .unwrap();
        return;
    }
    let o = credentials(&["delete", &target(service, id)]);
    assert!(
        o.status.success(),
        "credentials delete: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}
