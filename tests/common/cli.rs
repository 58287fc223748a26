//! The `naast` binary as scripts use it: a temp vault, the passphrase file, and the
//! one-line-on-stderr check for failures.
//!
//! One switch runs the same tests against the Windows build: with `NAAST_TEST_EXE`
//! naming `naast.exe` and `NAAST_TEST_RUNNER` naming `wine64` (and `WINEPREFIX` its
//! prefix; `make test-windows` sets all three), every command runs under Wine. Paths
//! then cross the border in Windows form: [`win`] spells a path of this machine as
//! naast.exe sees it (Wine's `Z:` is `/`), [`local`] turns one it printed back.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use super::PASS;

/// The runner and exe when the tests run against another build (see the module).
fn external() -> Option<(String, String)> {
    let exe = std::env::var("NAAST_TEST_EXE").ok()?;
    let runner = std::env::var("NAAST_TEST_RUNNER").unwrap_or_default();
    Some((runner, exe))
}

/// Whether the binary under test is a Windows naast.exe under Wine.
pub fn under_wine() -> bool {
    external().is_some_and(|(runner, exe)| !runner.is_empty() && exe.ends_with(".exe"))
}

/// The binary under test, with nothing set yet.
pub fn naast() -> Command {
    match external() {
        Some((runner, exe)) if !runner.is_empty() => {
            let mut c = Command::new(runner);
            c.arg(exe);
            c
        }
        Some((_, exe)) => Command::new(exe),
        None => Command::new(env!("CARGO_BIN_EXE_naast")),
    }
}

/// A path of this machine as the binary under test spells it.
pub fn win(p: impl AsRef<Path>) -> String {
    let s = p.as_ref().to_str().unwrap().to_string();
    if !under_wine() {
        return s;
    }
    if let Ok(c) = std::env::var("NAAST_TEST_WINE_C") {
        if let Some(rest) = s.strip_prefix(&c) {
            return format!("C:{}", rest.replace('/', "\\"));
        }
    }
    assert!(s.starts_with('/'), "not an absolute path: {s}");
    format!("Z:{}", s.replace('/', "\\"))
}

/// A path the binary under test printed, as this machine opens it.
pub fn local(s: &str) -> PathBuf {
    if !under_wine() {
        return PathBuf::from(s);
    }
    let s = s.strip_prefix(r"\\?\").unwrap_or(s);
    let (drive, rest) = s.split_at(2);
    let rest = rest.replace('\\', "/");
    match drive.to_ascii_uppercase().as_str() {
        "Z:" => PathBuf::from(rest),
        "C:" => PathBuf::from(format!(
            "{}{rest}",
            std::env::var("NAAST_TEST_WINE_C").expect("NAAST_TEST_WINE_C names Wine's C:")
        )),
        _ => panic!("a path outside Wine's C: and Z: drives: {s}"),
    }
}

/// Says why a test (or part of one) does not run against naast.exe under Wine, and
/// returns true there: for what cannot hold on Windows by nature (Unix file modes,
/// symlinks made by this machine, `/proc`). Never silent.
pub fn not_on_windows(what: &str, why: &str) -> bool {
    if under_wine() {
        eprintln!("skipped under Wine: {what}: {why}");
        true
    } else {
        false
    }
}

/// For a test of the core itself, in this process with no binary in it, beside tests
/// that drive the binary: against naast.exe under Wine it has nothing to run, says so
/// and returns true (`make unit` runs it natively).
pub fn core_only(what: &str) -> bool {
    if under_wine() {
        eprintln!(
            "not run against naast.exe: {what} is the core in this process; `make unit` runs it"
        );
        true
    } else {
        false
    }
}

/// A file the binary wrote "for its owner only". Natively: mode 0600. Under Wine the
/// file gets a DACL, which Wine keeps as the Unix mode: its "other" bits are what an
/// Everyone entry would be, and must be none (the group bits it leaves as the umask
/// made them; the DACL itself is read back by the files module's tests under Wine).
pub fn assert_private(p: &Path, what: &str) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    if under_wine() {
        assert_eq!(mode & 0o007, 0, "{what}: {mode:o} lets others in");
    } else {
        assert_eq!(mode, 0o600, "{what} is for its owner only");
    }
}

pub struct Cli {
    pub dir: tempfile::TempDir,
    pub vault: PathBuf,
    pub pass: PathBuf,
}

impl Cli {
    pub fn new() -> Self {
        Cli::in_dir(tempfile::tempdir().unwrap())
    }

    /// The vault and passphrase file in `dir` (a folder with spaces and accents, say).
    pub fn in_dir(dir: tempfile::TempDir) -> Self {
        let vault = dir.path().join("kluis.naast");
        let pass = dir.path().join("pw.txt");
        std::fs::write(&pass, format!("{PASS}\nsecond line ignored\n")).unwrap();
        Cli { dir, vault, pass }
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = naast();
        let tmp = win(self.dir.path().join("tmp"));
        c.args(args)
            .env("NAAST_VAULT", win(&self.vault))
            .env_remove("NAAST_LANG")
            .env("NAAST_KEYRING_SERVICE", "naast-cli-test")
            .stdin(Stdio::null());
        if under_wine() {
            // Windows' temp folder. TMPDIR stays: Wine finds its server through it.
            c.env("TMP", &tmp).env("TEMP", &tmp);
        } else {
            c.env("TMPDIR", &tmp);
        }
        c
    }

    /// Runs with the passphrase file, as most commands on a passphrase vault need.
    pub fn run(&self, args: &[&str]) -> Output {
        let mut all = args.to_vec();
        let pass = win(&self.pass);
        all.extend(["--passphrase-file", &pass]);
        self.cmd(&all).output().unwrap()
    }

    /// [`Cli::run`] with `input` on standard input.
    pub fn run_with_stdin(&self, args: &[&str], input: &str) -> Output {
        let mut all = args.to_vec();
        let pass = win(&self.pass);
        all.extend(["--passphrase-file", &pass]);
        output_with_stdin(self.cmd(&all), input)
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(
            o.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    pub fn init(&self) -> Value {
        std::fs::create_dir_all(self.dir.path().join("tmp")).unwrap();
        self.json(&["init"])
    }
}

/// Runs `cmd` with `input` on its standard input, its output captured: a here-document
/// or a pipe, as a script gives free text or a recovery code.
pub fn output_with_stdin(mut cmd: Command, input: &str) -> Output {
    use std::io::Write;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Exit non-zero, exactly one line on stderr, and the line contains `expect`.
pub fn refused(o: &Output, expect: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !o.status.success(),
        "expected failure, got success: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(
        err.lines().count(),
        1,
        "expected one line on stderr, got: {err}"
    );
    assert!(err.starts_with("naast: "), "{err}");
    assert!(err.contains(expect), "expected {expect:?} in: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

pub fn arr(v: &Value) -> &Vec<Value> {
    v.as_array().unwrap()
}
