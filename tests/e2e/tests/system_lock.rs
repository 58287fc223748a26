//! The system locks Naast too: the session's screen saver turning on (session bus)
//! and the laptop going to sleep (logind on the system bus, here a bus of the
//! test's own) close the vault as the lock button does, half-written text kept as
//! a draft; a save dialog open at that moment is cancelled, so nothing is written
//! that the locked vault could not log.

mod common;

use common::*;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PASS: &str = "wandelen langs de IJssel";

/// Emits a D-Bus signal with `dbus-send` on `bus` (`--session`, or
/// `--address=…`), as the screen saver or logind does.
fn signal(bus: &str, path: &str, member: &str, arg: Option<&str>) {
    let mut cmd = Command::new("dbus-send");
    cmd.args([bus, "--type=signal", path, member]);
    if let Some(a) = arg {
        cmd.arg(a);
    }
    let ok = cmd.status().expect("dbus-send (package dbus)").success();
    assert!(ok, "dbus-send {member}");
}

fn screen_saver_on() {
    signal(
        "--session",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver.ActiveChanged",
        Some("boolean:true"),
    );
}

/// A D-Bus daemon of the test's own, standing in for the system bus.
struct Bus {
    child: Child,
    address: String,
}

impl Bus {
    fn start() -> Bus {
        let mut child = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon");
        let mut line = String::new();
        use std::io::BufRead;
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        Bus {
            child,
            address: line.trim().to_string(),
        }
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn locks(app: &App) -> usize {
    let o = cli(app, &["log", "--action", "lock", "--json"], Some(PASS));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice::<serde_json::Value>(&o.stdout)
        .unwrap()
        .as_array()
        .map_or(0, Vec::len)
}

#[test]
fn the_screen_saver_locks_the_vault_and_keeps_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "screensaver");
    first_run(&app, Some(PASS));
    app.find("#note")
        .keys("Half geschreven toen het scherm op slot ging.");
    // The screen saver going off again is not a reason to lock.
    signal(
        "--session",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver.ActiveChanged",
        Some("boolean:false"),
    );
    std::thread::sleep(Duration::from_millis(1500));
    assert!(app.exists("#note"), "locked when the screen saver went off");
    let on = Instant::now();
    screen_saver_on();
    app.wait_focus("passphrase");
    assert!(!app.exists("#note"), "the screen still shows the note");
    assert_eq!(locks(&app), 1, "the lock is not in the log");
    app.find("#passphrase").keys(PASS);
    app.keys(ENTER);
    wait_value(
        &app,
        "#note",
        "Half geschreven toen het scherm op slot ging.",
    );
    // Opened again within the shell's grace for the page (3 s): when the grace
    // runs out, the lock it was waiting for has happened, and the new session stays.
    let unlocked = on.elapsed();
    if unlocked >= Duration::from_secs(3) {
        eprintln!("unlocked after the grace ({unlocked:?}): the second lock cannot show here");
    }
    std::thread::sleep(Duration::from_secs(4).saturating_sub(unlocked));
    assert!(
        app.exists("#note"),
        "the system's lock closed the session opened after it ({unlocked:?})"
    );
    assert_eq!(locks(&app), 1, "locked twice");
}

#[test]
fn going_to_sleep_locks_the_vault() {
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_env(
        dir.path(),
        "sleep",
        &[("DBUS_SYSTEM_BUS_ADDRESS", bus.address.as_str())],
    );
    first_run(&app, Some(PASS));
    app.find("#nav-people");
    // The app has joined the bus once its window is up; give its listener a moment.
    std::thread::sleep(Duration::from_millis(500));
    signal(
        &format!("--bus={}", bus.address),
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager.PrepareForSleep",
        Some("boolean:true"),
    );
    app.wait_focus("passphrase");
    assert!(!app.exists("#nav-people"), "the app stayed open");
    // logind's Lock of the session (no argument) locks too.
    app.find("#passphrase").keys(PASS);
    app.keys(ENTER);
    app.find("#nav-people");
    signal(
        &format!("--bus={}", bus.address),
        "/org/freedesktop/login1/session/_31",
        "org.freedesktop.login1.Session.Lock",
        None,
    );
    app.wait_focus("passphrase");
    assert_eq!(locks(&app), 2);
}

#[test]
fn a_save_dialog_open_at_the_lock_is_cancelled_and_nothing_is_written() {
    dialog_open_at_the_lock("#save-html", "Save|Opslaan|HTML", ".html");
}

#[test]
fn a_pdf_save_dialog_open_at_the_lock_is_cancelled_and_nothing_is_written() {
    dialog_open_at_the_lock("#save-pdf", "Save|Opslaan|PDF", ".pdf");
}

/// Clicks `button` on the Teamoverleg screen, locks while its save dialog (`title`)
/// is up, and checks the dialog went, no `ext` file was written and nothing logged.
fn dialog_open_at_the_lock(button: &str, title: &str, ext: &str) {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), "savelock");
    first_run(&app, Some(PASS));
    for args in [
        &["person", "add", "--alias", "Kees"][..],
        &[
            "contact",
            "add",
            "--person",
            "Kees",
            "--support",
            "practical",
            "--consult",
            "--note",
            "Kees belde over de huur.",
        ],
    ] {
        let o = cli(&app, args, Some(PASS));
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    app.find("#nav-consult").click();
    app.find("#last-4-weeks").click();
    app.find("#preview").click();
    app.find("#summary-frame");
    app.find(button).click();
    // The dialog is up (focused, nothing typed); then the screen saver comes on.
    keys_to_window(title, &[]);
    screen_saver_on();
    app.wait_focus("passphrase");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let o = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", title])
            .output()
            .unwrap();
        if String::from_utf8_lossy(&o.stdout).trim().is_empty() {
            break;
        }
        assert!(Instant::now() < deadline, "the save dialog stayed open");
        std::thread::sleep(Duration::from_millis(200));
    }
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(ext))
        .collect();
    assert!(written.is_empty(), "written after the lock: {written:?}");
    let o = cli(&app, &["log", "--action", "save", "--json"], Some(PASS));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "[]");
}
