//! Where a keyring-mode vault keeps its key: the operating system's keyring.
//!
//! The trait exists so the vault logic can be tested against injected failures; the
//! app and the CLI use [`OsKeyring`]. A missing entry is `Ok(None)`, every other
//! failure is `KeyringUnavailable`, one stable error a UI can explain.

use std::collections::HashMap;
use std::sync::Mutex;

use super::key::VaultKey;
use crate::ground::error::{Error, Result};

pub trait KeyStore: Send + Sync {
    fn load(&self, vault_id: &str) -> Result<Option<VaultKey>>;
    fn store(&self, vault_id: &str, key: &VaultKey) -> Result<()>;
    fn delete(&self, vault_id: &str) -> Result<()>;
}

// keyring 3 silently falls back to an in-memory mock when no platform store is
// compiled in; Cargo.toml enables one per OS, and this makes any other OS fail loudly.
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
compile_error!("Naast needs an OS keyring store for this platform");

/// The OS keyring: Secret Service on Linux, Keychain on macOS, Credential Manager on
/// Windows. One entry per vault, named by the vault's id.
#[derive(Clone)]
pub struct OsKeyring {
    service: String,
}

impl Default for OsKeyring {
    fn default() -> Self {
        OsKeyring {
            service: "nl.naast.vault".into(),
        }
    }
}

impl OsKeyring {
    /// A keyring under another service name; tests use this to keep their entries apart.
    pub fn with_service(service: &str) -> Self {
        OsKeyring {
            service: service.into(),
        }
    }

    fn entry(&self, vault_id: &str) -> Result<keyring::Entry> {
        keyring::Entry::new(&self.service, vault_id).map_err(unavailable)
    }
}

/// Keyring errors carry a platform description; it names the service, never a secret.
/// A locked store (or a refused unlock prompt) is told apart: the user can fix it.
fn unavailable(e: keyring::Error) -> Error {
    let text = e.to_string();
    // Reading from a locked collection asks to unlock it (NoStorageAccess when that
    // is refused); writing into one is refused outright, in the daemon's words.
    if matches!(e, keyring::Error::NoStorageAccess(_)) || text.contains("locked collection") {
        return Error::KeyringLocked;
    }
    let short = text
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(160)
        .collect();
    Error::KeyringUnavailable(short)
}

impl KeyStore for OsKeyring {
    fn load(&self, vault_id: &str) -> Result<Option<VaultKey>> {
        match self.entry(vault_id)?.get_secret() {
            Ok(bytes) => {
                let bytes = zeroize::Zeroizing::new(bytes);
                VaultKey::from_bytes(&bytes)
                    .map(Some)
                    .ok_or(Error::KeyMismatch)
            }
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(unavailable(e)),
        }
    }

    fn store(&self, vault_id: &str, key: &VaultKey) -> Result<()> {
        self.entry(vault_id)?
            .set_secret(key.as_bytes())
            .map_err(unavailable)
    }

    fn delete(&self, vault_id: &str) -> Result<()> {
        match self.entry(vault_id)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(unavailable(e)),
        }
    }
}

/// A keyring in memory, with failures to inject. For tests and for embedding Naast
/// where the host keeps keys itself; never a silent fallback for the OS keyring.
#[derive(Default)]
pub struct MemoryKeyStore {
    keys: Mutex<HashMap<String, VaultKey>>,
    failure: Mutex<Option<String>>,
    forgetful: Mutex<bool>,
}

impl MemoryKeyStore {
    /// From now on every call fails as an unreachable keyring would.
    pub fn fail_with(&self, reason: &str) {
        *lock(&self.failure) = Some(reason.to_string());
    }

    /// From now on every call fails as a locked keyring does.
    pub fn lock_up(&self) {
        *lock(&self.failure) = Some(LOCKED.to_string());
    }

    /// Accepts keys but does not keep them, like keyring 3's mock store did.
    pub fn forget_everything(&self) {
        *lock(&self.forgetful) = true;
    }

    pub fn recover(&self) {
        *lock(&self.failure) = None;
        *lock(&self.forgetful) = false;
    }

    pub fn put(&self, vault_id: &str, key: VaultKey) {
        lock(&self.keys).insert(vault_id.to_string(), key);
    }

    fn check(&self) -> Result<()> {
        match lock(&self.failure).as_ref() {
            Some(r) if r == LOCKED => Err(Error::KeyringLocked),
            Some(r) => Err(Error::KeyringUnavailable(r.clone())),
            None => Ok(()),
        }
    }
}

const LOCKED: &str = "\0locked";

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl KeyStore for MemoryKeyStore {
    fn load(&self, vault_id: &str) -> Result<Option<VaultKey>> {
        self.check()?;
        Ok(lock(&self.keys).get(vault_id).cloned())
    }

    fn store(&self, vault_id: &str, key: &VaultKey) -> Result<()> {
        self.check()?;
        if !*lock(&self.forgetful) {
            lock(&self.keys).insert(vault_id.to_string(), key.clone());
        }
        Ok(())
    }

    fn delete(&self, vault_id: &str) -> Result<()> {
        self.check()?;
        lock(&self.keys).remove(vault_id);
        Ok(())
    }
}
