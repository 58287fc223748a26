//! Helpers shared by the integration tests: temp vaults and file fingerprints.
#![allow(dead_code)]

pub mod cli;
pub mod os_store;
pub mod pdf;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use naast::store::keys::MemoryKeyStore;
use naast::vault::Vault;
use sha2::{Digest, Sha256};

pub const PASS: &str = "lang genoeg wachtwoord";

pub struct TestVault {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub store: MemoryKeyStore,
}

impl TestVault {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kluis.naast");
        TestVault {
            dir,
            path,
            store: MemoryKeyStore::default(),
        }
    }

    /// A new passphrase vault; returns it open, with its recovery code.
    pub fn init_passphrase(&self) -> (Vault, String) {
        let (v, code) = Vault::init(&self.path, &self.store, Some(PASS)).unwrap();
        (v, code.to_string())
    }

    pub fn init_keyring(&self) -> (Vault, String) {
        let (v, code) = Vault::init(&self.path, &self.store, None).unwrap();
        (v, code.to_string())
    }

    pub fn open(&self) -> naast::ground::error::Result<Vault> {
        Vault::open(&self.path, &self.store, Some(PASS))
    }
}

/// Name → SHA-256 of every file in a folder: proves "byte-for-byte untouched" and
/// "no file appeared".
pub fn fingerprint(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                hex::encode(Sha256::digest(&bytes)),
            )
        })
        .collect()
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A tmpfs of a given size, as root (this machine's tests run as root); removed on drop.
pub struct SmallDisk(pub tempfile::TempDir);

impl SmallDisk {
    pub fn new(size: &str) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            unsafe { libc::geteuid() },
            0,
            "this test mounts a tmpfs as root"
        );
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .unwrap()
            .success();
        assert!(ok, "mount tmpfs");
        SmallDisk(dir)
    }

    pub fn resize(&self, size: &str) {
        let ok = std::process::Command::new("mount")
            .args(["-o", &format!("remount,size={size}")])
            .arg(self.0.path())
            .status()
            .unwrap()
            .success();
        assert!(ok);
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.0.path())
            .status();
    }
}
