//! The `naast` binary as scripts use it: a temp vault, the passphrase file, and the
//! one-line-on-stderr check for failures.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use super::PASS;

pub struct Cli {
    pub dir: tempfile::TempDir,
    pub vault: PathBuf,
    pub pass: PathBuf,
}

impl Cli {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("kluis.naast");
        let pass = dir.path().join("pw.txt");
        std::fs::write(&pass, format!("{PASS}\nsecond line ignored\n")).unwrap();
        Cli { dir, vault, pass }
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_naast"));
        c.args(args)
            .env("NAAST_VAULT", &self.vault)
            .env_remove("NAAST_LANG")
            .env("NAAST_KEYRING_SERVICE", "naast-cli-test")
            .env("TMPDIR", self.dir.path().join("tmp"))
            .stdin(Stdio::null());
        c
    }

    /// Runs with the passphrase file, as most commands on a passphrase vault need.
    pub fn run(&self, args: &[&str]) -> Output {
        let mut all = args.to_vec();
        all.extend(["--passphrase-file", self.pass.to_str().unwrap()]);
        self.cmd(&all).output().unwrap()
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
