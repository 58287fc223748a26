//! The lock and the key in the real app: the idle lock closes the vault and keeps the
//! draft, switching to a passphrase takes the key out of the real keyring, a new key
//! replaces the old code, and damage inside a vault that opens is told on screen.

mod common;

use common::*;

const PASS: &str = "wandelen langs de IJssel";

fn items_in_keyring(svc: &str) -> String {
    let o = std::process::Command::new("secret-tool")
        .args(["search", "--all", "service", svc])
        .output()
        .expect("secret-tool (libsecret-tools)");
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Waits for the key settings to report success; shows the error if they refused.
fn wait_done(app: &App) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        if app.exists("#key-done") {
            return;
        }
        if app.exists("#key-error") {
            panic!("refused: {}", app.find("#key-error").text());
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no answer: {}",
            app.body_text()
        );
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
}

#[test]
fn the_idle_lock_closes_the_vault_and_keeps_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "idle");
    first_run(&app, None);
    app.find("#nav-settings").click();
    app.find("#auto-lock").clear().keys("1");
    app.find("#save-settings").click();
    app.find("#nav-log").click();
    app.find("#note").keys("Getypt vlak voordat ik wegliep.");
    // No input for a minute: the app locks itself, in keyring mode too.
    std::thread::sleep(std::time::Duration::from_secs(63));
    app.wait_focus("unlock");
    assert!(!app.exists("#note"), "the screen still shows the note");
    app.screenshot("23-idle-locked");
    std::thread::sleep(std::time::Duration::from_secs(2));
    assert!(!app.exists("#nav-log"), "the lock reopened by itself");
    app.keys(ENTER);
    app.find("#note");
    wait_value(&app, "#note", "Getypt vlak voordat ik wegliep.");
}

#[test]
fn switching_to_a_passphrase_takes_the_key_out_of_the_keyring_and_a_new_key_replaces_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path(), "keyswitch");
    let first_code = first_run(&app, None);
    let id = std::fs::read_to_string(dir.path().join("kluis.naast.keys")).unwrap();
    let id: serde_json::Value = serde_json::from_str(&id).unwrap();
    let id = id["vault_id"].as_str().unwrap().to_string();
    assert!(items_in_keyring(&app.service).contains(&id));

    app.find("#nav-settings").click();
    // A keyring vault has no passphrase yet: the recovery code proves it is the owner.
    app.find("#key-current").keys(&first_code);
    app.find("#key-pass1").keys(PASS);
    app.find("#key-pass2").keys(&format!("{PASS}{ENTER}"));
    wait_done(&app);
    app.screenshot("24-key-settings");
    let left = items_in_keyring(&app.service);
    assert!(!left.contains(&id), "the key stayed in the keyring: {left}");

    // A new key in passphrase mode: the code is shown, asked back, then used.
    app.find("#rekey-begin").click();
    // The rendered text may carry a line break where the long code wraps.
    let new_code: String = app.find("#rekey-code").text().split_whitespace().collect();
    assert_ne!(new_code, first_code);
    let n: usize = app
        .js("return document.querySelector('#rekey-check').parentElement.textContent")
        .as_str()
        .and_then(|t| t.split_whitespace().find_map(|w| w.parse().ok()))
        .unwrap();
    let group = new_code.split('-').nth(n - 1).unwrap().to_string();
    // The screen moves the focus to the check field in the next frame; typing before
    // that lands part of the passphrase in the check field under load.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.js("return document.activeElement && document.activeElement.id") != "rekey-check" {
        assert!(
            std::time::Instant::now() < deadline,
            "focus never reached the check field"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    app.find("#rekey-check").keys(&group);
    // Enter in the last field submits, as a keyboard user would.
    app.find("#rekey-pass").keys(&format!("{PASS}{ENTER}"));
    wait_done(&app);
    assert!(app.find("#key-done").text().contains("back-up"));

    // After a restart the passphrase opens it; the CLI finds the old code useless.
    app.restart();
    app.wait_focus("passphrase");
    app.keys(PASS);
    app.keys(ENTER);
    app.find("#nav-log");
    let recover = |code: &str| {
        let mut child = std::process::Command::new(target().join("debug/naast"))
            .args(["recover", "--passphrase-file"])
            .arg(dir.path().join("nieuw.txt"))
            .env("NAAST_VAULT", dir.path().join("kluis.naast"))
            .env("NAAST_KEYRING_SERVICE", &app.service)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(code.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    std::fs::write(dir.path().join("nieuw.txt"), "een nieuwe lange zin").unwrap();
    let o = recover(&first_code);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("past niet"));
}

#[test]
fn damage_inside_a_vault_that_opens_is_told_on_the_home_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path(), "health");
    first_run(&app, Some(PASS));
    let o = cli(
        &app,
        &["demo", "--people", "5", "--contacts", "800"],
        Some(PASS),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    app.find("#lock").click();
    app.wait_focus("passphrase");
    // Quit the app, damage three pages deep inside, start again.
    app.quit();
    let path = dir.path().join("kluis.naast");
    let mut bytes = std::fs::read(&path).unwrap();
    let pages = bytes.len() / 4096;
    for p in [pages / 2, pages * 6 / 10, pages * 7 / 10] {
        bytes[p * 4096 + 900] ^= 0xff;
    }
    std::fs::write(&path, &bytes).unwrap();
    app.relaunch();
    app.wait_focus("passphrase");
    app.keys(PASS);
    app.keys(ENTER);
    // The check runs at idle priority; with both cores busy it takes its time.
    let banner = app
        .find_within("#health-banner", std::time::Duration::from_secs(120))
        .text();
    assert!(banner.contains("beschadigd"), "{banner}");
    app.screenshot("25-damage-banner");
}
