//! The Windows app as `make windows` leaves it in target/windows/, checked as far as
//! this machine can: WebView2 cannot be had here, so the window itself never opens.
//! `scripts/test-windows.sh` (part of `make test`) runs these with `--ignored`,
//! NAAST_WINDOWS_DIR naming that folder, inside Xvfb and with the test Wine prefix
//! in the environment. Ignored otherwise: without the build there is nothing to check.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn dir() -> PathBuf {
    let d = PathBuf::from(
        std::env::var_os("NAAST_WINDOWS_DIR")
            .expect("NAAST_WINDOWS_DIR is not set: run scripts/test-windows.sh"),
    );
    assert!(
        d.join("naast-app.exe").is_file(),
        "{} has no naast-app.exe",
        d.display()
    );
    d
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

#[test]
#[ignore = "needs target/windows: scripts/test-windows.sh"]
fn the_app_exe_carries_its_icon_version_manifest_and_the_whole_ui() {
    let exe = dir().join("naast-app.exe");
    // binutils' own reading of the PE resource directory.
    let o = Command::new("x86_64-w64-mingw32-objdump")
        .arg("-p")
        .arg(&exe)
        .output()
        .expect("x86_64-w64-mingw32-objdump (binutils-mingw-w64) is installed by setup-windows.sh");
    let dump = String::from_utf8_lossy(&o.stdout);
    assert!(
        dump.contains("Subsystem\t\t00000002\t(Windows GUI)"),
        "not a GUI exe"
    );
    // The resource directory's top level: one entry per resource type.
    let rsrc = dump
        .split("The .rsrc Resource Directory section:")
        .nth(1)
        .expect("a resource section");
    let types: Vec<u32> = rsrc
        .lines()
        .filter_map(|l| l.split_once("   Entry: ID: 0x"))
        .filter(|(offset, _)| offset.len() == 3)
        .filter_map(|(_, rest)| u32::from_str_radix(rest.split(',').next()?, 16).ok())
        .collect();
    for (id, kind) in [
        (3, "ICON"),
        (14, "GROUP_ICON"),
        (16, "VERSION"),
        (24, "MANIFEST"),
    ] {
        assert!(
            types.contains(&id),
            "no {kind} resource in {}: {types:?}",
            exe.display()
        );
    }
    assert!(
        dump.contains("DLL Name: WebView2Loader.dll"),
        "the loader is imported by name"
    );
    assert!(
        dir().join("WebView2Loader.dll").is_file(),
        "WebView2Loader.dll beside the exe"
    );

    let bytes = std::fs::read(&exe).unwrap();
    // The version resource says what Explorer's Details tab shows.
    for s in ["ProductName", "Naast", "ProductVersion", VERSION] {
        assert!(
            contains(&bytes, &utf16(s)),
            "{s} missing from the version resource"
        );
    }
    // The icon: each size of icons/icon.ico, byte for byte (its PNG images).
    let ico = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../icons/icon.ico")).unwrap();
    let count = u16::from_le_bytes([ico[4], ico[5]]) as usize;
    for i in 0..count {
        let e = &ico[6 + 16 * i..6 + 16 * (i + 1)];
        let len = u32::from_le_bytes([e[8], e[9], e[10], e[11]]) as usize;
        let off = u32::from_le_bytes([e[12], e[13], e[14], e[15]]) as usize;
        assert!(
            contains(&bytes, &ico[off..off + len]),
            "icon image {i} is not in the exe"
        );
    }
    // The UI embedded (custom-protocol): every file of ui/dist under its name.
    let dist = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/dist"));
    let mut stack = vec![dist.clone()];
    let mut files = 0;
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let key = format!("/{}", p.strip_prefix(&dist).unwrap().display());
                assert!(contains(&bytes, key.as_bytes()), "{key} is not embedded");
                files += 1;
            }
        }
    }
    assert!(files >= 3, "ui/dist has only {files} files");
    eprintln!(
        "naast-app.exe: {} MiB, {files} UI files embedded",
        bytes.len() >> 20
    );
}

#[test]
#[ignore = "needs target/windows and Wine: scripts/test-windows.sh"]
fn without_webview2_the_app_says_what_is_missing_instead_of_crashing() {
    let runner = std::env::var("NAAST_TEST_RUNNER").expect("the Wine runner (wine-prefix.sh)");
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "runs inside Xvfb (with-display.sh)"
    );
    let vault = tempfile::tempdir().unwrap();
    let mut child = Command::new(&runner)
        .arg(dir().join("naast-app.exe"))
        .env(
            "NAAST_VAULT",
            format!("Z:{}", vault.path().join("kluis.naast").display()).replace('/', "\\"),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The message box: a window titled Naast, found on the X display Wine draws on.
    let start = Instant::now();
    let window = loop {
        let o = Command::new("xdotool")
            .args(["search", "--name", "^Naast$"])
            .output()
            .expect("xdotool is installed by setup.sh");
        let found = String::from_utf8_lossy(&o.stdout);
        if let Some(id) = found.lines().next() {
            break id.to_string();
        }
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            panic!("naast-app.exe ended ({status}) without showing a window: {err}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no window after 60 s"
        );
        std::thread::sleep(Duration::from_millis(250));
    };
    // The button: OK, by the keyboard, as a person would.
    let _ = Command::new("xdotool")
        .args(["windowactivate", "--sync", &window])
        .status();
    Command::new("xdotool")
        .args(["key", "--window", &window, "Return"])
        .status()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "the app did not end after OK");
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(
        status.code(),
        Some(3),
        "the exit code for 'WebView2 is missing': {err}"
    );
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].starts_with(
            "naast: Naast kan niet starten: op deze computer ontbreekt Microsoft Edge WebView2"
        ),
        "Dutch first: {err}"
    );
    assert!(lines[1].starts_with("naast: Naast cannot start"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // Nothing was made: the vault is only ever created on the first screen.
    assert_eq!(std::fs::read_dir(vault.path()).unwrap().count(), 0);
}
