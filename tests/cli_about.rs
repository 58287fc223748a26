//! `naast about`: what the app's About screen shows, from a terminal.

mod common;

use common::cli::*;
use naast::store::keys::MemoryKeyStore;
use naast::vault::Vault;

#[test]
fn about_without_a_vault_gives_the_version_and_the_default_folders() {
    let c = Cli::new();
    let a = c.json(&["about"]);
    assert_eq!(a["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(a["vault_format"], naast::vault::schema::SCHEMA_VERSION);
    assert_eq!(a["vault_path"], win(&c.vault));
    assert_eq!(a["backup_folder"], win(c.dir.path().join("backups")));
    assert_eq!(a["backup_folder_default"], true);
    assert!(!c.vault.exists(), "about made a vault");
}

#[test]
fn about_shows_the_backup_folder_the_settings_chose() {
    let c = Cli::new();
    c.init();
    let usb = c.dir.path().join("usb");
    {
        let v = Vault::open(&c.vault, &MemoryKeyStore::default(), Some(common::PASS)).unwrap();
        let mut s = naast::records::settings::load(v.conn()).unwrap();
        s.backup_folder = Some(win(&usb));
        naast::records::settings::save(v.conn(), &s).unwrap();
    }
    let a = c.json(&["about"]);
    assert_eq!(a["backup_folder"], win(&usb));
    assert_eq!(a["backup_folder_default"], false);

    // Text: one fact a line, in Dutch unless asked otherwise.
    let nl = c.ok(&["about"]);
    let lines: Vec<&str> = nl.lines().collect();
    assert_eq!(lines[0], format!("Naast {}", env!("CARGO_PKG_VERSION")));
    assert_eq!(
        lines[1],
        format!("Kluisformaat: {}", naast::vault::schema::SCHEMA_VERSION)
    );
    assert_eq!(lines[2], format!("Kluis: {}", win(&c.vault)));
    assert_eq!(lines[3], format!("Back-ups: {}", win(&usb)));
    assert!(lines[4].starts_with("Naast gebruikt nooit het netwerk"));
    let en = c.ok(&["about", "--lang", "en"]);
    assert!(en.contains("Backups: "), "{en}");
    assert!(en.contains("Naast never uses the network"), "{en}");
}

#[test]
fn about_on_a_vault_it_cannot_open_says_why_in_one_line() {
    let c = Cli::new();
    c.init();
    let wrong = c.dir.path().join("wrong.txt");
    std::fs::write(&wrong, "niet de goede zin\n").unwrap();
    let o = c
        .cmd(&["about", "--passphrase-file", &win(&wrong)])
        .output()
        .unwrap();
    refused(&o, "wachtwoordzin");
}
