//! The package as an IT department installs it. `scripts/test-package.sh` (part of
//! `make test`) builds the .deb and .rpm, unpacks the .deb with `dpkg-deb -x` into
//! a temporary root and runs these tests with `--ignored` and
//! NAAST_PACKAGE_ROOT (that root), NAAST_PACKAGE_DEB and NAAST_PACKAGE_RPM (the
//! files). They are ignored otherwise: without a package there is nothing to check,
//! and a test that passes by finding nothing would say the package is fine.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// The workspace version, which this crate inherits like the app and the CLI.
const VERSION: &str = env!("CARGO_PKG_VERSION");

fn var(name: &str) -> PathBuf {
    let v = std::env::var_os(name)
        .unwrap_or_else(|| panic!("{name} is not set: run scripts/test-package.sh"));
    let p = PathBuf::from(v);
    assert!(
        p.exists(),
        "{name} points at {}, which is not there",
        p.display()
    );
    p
}

fn root() -> PathBuf {
    var("NAAST_PACKAGE_ROOT")
}

fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?} did not start: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(p: &Path) -> (u32, u32) {
    let b = std::fs::read(p).unwrap();
    assert_eq!(
        &b[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is not a PNG",
        p.display()
    );
    let n = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    (n(16), n(20))
}

#[test]
#[ignore = "needs the unpacked package: scripts/test-package.sh"]
fn the_unpacked_app_opens_on_its_first_screen_and_says_what_it_is() {
    let app_bin = root().join("usr/bin/naast-app");
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_binary(dir.path(), "package", &app_bin);
    app.find("#create-vault");
    app.screenshot("package-01-first-run");
    first_run(&app, Some("een zin voor het pakket"));
    app.find("#nav-settings").click();
    app.find("#about-version");
    app.wait_text("Naast gebruikt nooit het netwerk");
    assert_eq!(app.find("#about-version").text(), VERSION);
    let vault = dir.path().join("kluis.naast");
    assert_eq!(app.find("#about-vault").text(), vault.display().to_string());
    assert_eq!(
        app.find("#about-backups").text(),
        dir.path().join("backups").display().to_string()
    );
    app.js("document.querySelector('#about').scrollIntoView(); return 1;");
    std::thread::sleep(std::time::Duration::from_millis(300));
    app.screenshot("package-02-about");
}

#[test]
#[ignore = "needs the unpacked package: scripts/test-package.sh"]
fn the_unpacked_command_line_prints_its_version_and_the_same_facts() {
    let naast = root().join("usr/bin/naast");
    let out = run(Command::new(&naast).arg("--version"));
    assert_eq!(out.trim(), format!("naast {VERSION}"));

    // No vault yet: the facts hold all the same, with the default backup folder.
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("kluis.naast");
    let out = run(Command::new(&naast)
        .args(["about", "--json", "--vault"])
        .arg(&vault)
        .env_remove("NAAST_LANG"));
    let facts: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(facts["version"], VERSION);
    assert_eq!(facts["vault_path"], vault.display().to_string());
    assert_eq!(
        facts["backup_folder"],
        dir.path().join("backups").display().to_string()
    );
    assert!(facts["vault_format"].as_i64().unwrap() >= 1);
    let text = run(Command::new(&naast)
        .args(["about", "--lang", "en", "--vault"])
        .arg(&vault));
    assert!(text.contains("Naast never uses the network"), "{text}");
}

#[test]
#[ignore = "needs the unpacked package: scripts/test-package.sh"]
fn the_package_holds_a_desktop_entry_icons_and_its_copyright() {
    let root = root();
    let desktop = std::fs::read_to_string(root.join("usr/share/applications/naast.desktop"))
        .expect("the desktop entry");
    let lines: Vec<&str> = desktop.lines().collect();
    for want in [
        "Type=Application",
        "Name=Naast",
        "Name[nl]=Naast",
        "Exec=naast-app",
        "Icon=naast-app",
        "Categories=Office;",
        "Terminal=false",
    ] {
        assert!(lines.contains(&want), "{want} is missing from:\n{desktop}");
    }
    for key in ["Comment=", "Comment[nl]=", "GenericName[nl]="] {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(key) && l.len() > key.len() + 10),
            "{key} is missing from:\n{desktop}"
        );
    }
    for n in [16, 32, 48, 64, 128, 256, 512] {
        let icon = root.join(format!(
            "usr/share/icons/hicolor/{n}x{n}/apps/naast-app.png"
        ));
        assert_eq!(png_size(&icon), (n, n), "{}", icon.display());
    }
    let copyright = std::fs::read_to_string(root.join("usr/share/doc/naast/copyright")).unwrap();
    assert!(copyright.contains("License: EUPL-1.2"));
    // Two programs and nothing else on the PATH.
    let mut bins: Vec<String> = std::fs::read_dir(root.join("usr/bin"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    bins.sort();
    assert_eq!(bins, ["naast", "naast-app"]);
}

/// The libraries a binary links, by soname (`objdump -p`), each with the file the
/// dynamic linker finds for it here (`ldd`).
fn linked(bin: &Path) -> Vec<(String, PathBuf)> {
    let dump = run(Command::new("objdump").arg("-p").arg(bin));
    let ldd = run(Command::new("ldd").arg(bin));
    dump.lines()
        .filter_map(|l| l.trim().strip_prefix("NEEDED"))
        .map(|n| {
            let n = n.trim().to_string();
            let file = ldd
                .lines()
                .find_map(|l| {
                    let w: Vec<&str> = l.split_whitespace().collect();
                    match w.as_slice() {
                        [name, "=>", path, ..] if *name == n => Some(PathBuf::from(path)),
                        // The dynamic linker itself: "/lib64/ld-linux-x86-64.so.2 (0x…)".
                        [path, ..] if Path::new(path).file_name() == Some(n.as_ref()) => {
                            Some(PathBuf::from(path))
                        }
                        _ => None,
                    }
                })
                .unwrap_or_else(|| {
                    panic!("{} links {n}, which is not installed here", bin.display())
                });
            (n, file)
        })
        .collect()
}

/// The Debian package that installed `file`. With merged /usr, dpkg knows some
/// libraries under /lib and the linker finds them under /usr/lib, or the reverse.
fn owner(file: &Path) -> String {
    let real = std::fs::canonicalize(file).unwrap();
    let s = real.to_string_lossy();
    let other = match s.strip_prefix("/usr") {
        Some(rest) => rest.to_string(),
        None => format!("/usr{s}"),
    };
    for candidate in [file.to_string_lossy().into_owned(), s.to_string(), other] {
        let out = Command::new("dpkg")
            .arg("-S")
            .arg(&candidate)
            .output()
            .unwrap();
        if out.status.success() {
            let line = String::from_utf8_lossy(&out.stdout).into_owned();
            let pkg = line.split(':').next().unwrap_or("").trim().to_string();
            return pkg;
        }
    }
    panic!("no package owns {}", file.display());
}

#[test]
#[ignore = "needs the built packages: scripts/test-package.sh"]
fn both_packages_require_every_library_the_binaries_link() {
    let root = root();
    let bins = [root.join("usr/bin/naast-app"), root.join("usr/bin/naast")];

    let deb = var("NAAST_PACKAGE_DEB");
    let field = |f: &str| run(Command::new("dpkg-deb").arg("-f").arg(&deb).arg(f));
    assert_eq!(field("Package").trim(), "naast");
    assert_eq!(field("Version").trim(), VERSION);
    let depends: Vec<String> = field("Depends")
        .split(',')
        .map(|d| d.split_whitespace().next().unwrap_or("").to_string())
        .collect();
    for lib in ["libwebkit2gtk-4.1-0", "libgtk-3-0", "libc6"] {
        assert!(
            depends.iter().any(|d| d == lib),
            "Depends lacks {lib}: {depends:?}"
        );
    }

    let rpm = var("NAAST_PACKAGE_RPM");
    let q = |args: &[&str]| run(Command::new("rpm").arg("-qp").args(args).arg(&rpm));
    assert_eq!(
        q(&["--queryformat", "%{NAME} %{VERSION}"]),
        format!("naast {VERSION}")
    );
    let files = q(&["--list"]);
    for f in [
        "/usr/bin/naast",
        "/usr/bin/naast-app",
        "/usr/share/applications/naast.desktop",
    ] {
        assert!(files.lines().any(|l| l == f), "the rpm lacks {f}:\n{files}");
    }
    let requires = q(&["--requires"]);

    for bin in &bins {
        for (soname, file) in linked(bin) {
            let pkg = owner(&file);
            let pkg = pkg.split(':').next().unwrap_or(&pkg);
            assert!(
                depends.iter().any(|d| d == pkg),
                "{} links {soname} from {pkg}, which the .deb does not depend on: {depends:?}",
                bin.display()
            );
            let want = format!("{soname}()(64bit)");
            assert!(
                requires.lines().any(|l| l.trim() == want),
                "the .rpm does not require {want}:\n{requires}"
            );
        }
    }
}
