//! The key file beside the vault (`<vault>.keys`): what is needed to open it, and no
//! secret in the clear.
//!
//! SQLCipher encrypts the whole database file, the header included, so the vault id
//! and the passphrase slot have to live outside it. Like a LUKS keyslot, the slot
//! holds the one vault key wrapped by a key derived from the passphrase (Argon2id),
//! so changing the passphrase rewrites this small file and never the vault.

use std::fs;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::key::VaultKey;
use crate::ground::error::{Error, Invalid, Result};
use crate::ground::ids::random;

pub const MIN_PASSPHRASE: usize = 8;
const FORMAT: &str = "naast-keys";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum KeyMode {
    Keyring,
    Passphrase,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct KeyFile {
    pub format: String,
    pub version: u32,
    pub vault_id: String,
    pub mode: KeyMode,
    /// See [`VaultKey::check_value`].
    pub check: String,
    /// The vault file's first 16 bytes (SQLCipher's per-file random salt, stored in the
    /// clear). It tells "this key file belongs to another vault" apart from "this vault
    /// is damaged", which SQLCipher alone cannot. Absent in key files of older versions
    /// until the vault first opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passphrase: Option<Slot>,
    /// A new key on its way in (see `vault::rekey`): while it is here, whichever of
    /// the two keys someone holds opens the vault, whether or not the file has been
    /// swapped yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
    /// The audit log's newest line when the vault was last closed. The log's own
    /// chain lives inside the vault, so anyone with the key could cut its newest
    /// lines and leave a chain that holds; this copy outside the vault is what
    /// `naast log --verify` holds the log against. Absent in older key files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_head: Option<LogHead>,
}

/// One line of the audit log by its number and hash: what a key file or a backup's
/// manifest remembers of the log, so that lines cut from its end are noticed.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct LogHead {
    pub line: i64,
    pub hash: String,
}

/// The new key and the old one, each sealed by the other.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Pending {
    /// [`VaultKey::check_value`] of the new key.
    pub check: String,
    pub new_by_old: Sealed,
    pub old_by_new: Sealed,
}

/// A 32-byte key sealed (XChaCha20-Poly1305) by another random 32-byte key: no
/// stretching needed, both are full-strength keys.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Sealed {
    pub nonce: String,
    pub wrapped: String,
}

impl Sealed {
    pub fn seal(by: &VaultKey, key: &VaultKey, vault_id: &str) -> Result<Sealed> {
        let mut nonce = [0u8; 24];
        random(&mut nonce)?;
        let aead = XChaCha20Poly1305::new(by.as_bytes().into());
        let wrapped = aead
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: key.as_bytes(),
                    aad: vault_id.as_bytes(),
                },
            )
            .map_err(|_| Error::KeyMismatch)?;
        Ok(Sealed {
            nonce: hex::encode(nonce),
            wrapped: hex::encode(wrapped),
        })
    }

    /// `None` when `by` is not the key it was sealed with.
    pub fn open(&self, by: &VaultKey, vault_id: &str) -> Option<VaultKey> {
        let nonce = hex::decode(&self.nonce).ok().filter(|n| n.len() == 24)?;
        let wrapped = hex::decode(&self.wrapped).ok()?;
        let aead = XChaCha20Poly1305::new(by.as_bytes().into());
        let plain = aead
            .decrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &wrapped,
                    aad: vault_id.as_bytes(),
                },
            )
            .ok()?;
        let plain = Zeroizing::new(plain);
        VaultKey::from_bytes(&plain)
    }
}

/// Argon2id parameters are stored with the slot, so they can be raised later
/// without locking out existing vaults.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Slot {
    pub kdf: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    pub salt: String,
    pub nonce: String,
    pub wrapped: String,
}

/// 64 MiB, 3 passes: a few hundred milliseconds on a laptop, once per unlock.
const MEMORY_KIB: u32 = 64 * 1024;
const ITERATIONS: u32 = 3;

/// Refuses a passphrase too short to protect anything, before any work is done.
pub fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(Invalid::PassphraseTooShort(MIN_PASSPHRASE).into());
    }
    Ok(())
}

pub fn path_for(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".keys");
    PathBuf::from(s)
}

impl KeyFile {
    pub fn new(vault_id: &str, key: &VaultKey, mode: KeyMode) -> Self {
        KeyFile {
            format: FORMAT.into(),
            version: 1,
            vault_id: vault_id.into(),
            mode,
            check: key.check_value(vault_id),
            salt: None,
            passphrase: None,
            pending: None,
            log_head: None,
        }
    }

    pub fn read(path: &Path) -> Result<Option<Self>> {
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(path, e)),
        };
        let kf: KeyFile =
            serde_json::from_slice(&bytes).map_err(|_| Error::KeyFileDamaged(path.into()))?;
        let sound = kf.format == FORMAT
            && kf.version == 1
            && (kf.mode == KeyMode::Keyring || kf.passphrase.is_some());
        if !sound {
            return Err(Error::KeyFileDamaged(path.into()));
        }
        Ok(Some(kf))
    }

    /// Written through a temporary file and a rename, so a crash leaves either the
    /// old or the new key file, never half of one.
    pub fn write(&self, path: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(|e| Error::io(path, e.into()))?;
        crate::store::files::write_atomic(path, &json)
    }

    pub fn fits(&self, key: &VaultKey) -> bool {
        self.check == key.check_value(&self.vault_id)
    }

    /// Whether `key` is the new key of an unfinished rekey.
    pub fn fits_pending(&self, key: &VaultKey) -> bool {
        self.pending
            .as_ref()
            .is_some_and(|p| p.check == key.check_value(&self.vault_id))
    }

    /// The other key of an unfinished rekey: the new one for the old, the old one
    /// for the new.
    pub fn other_key(&self, key: &VaultKey) -> Option<VaultKey> {
        let p = self.pending.as_ref()?;
        if self.fits(key) {
            p.new_by_old.open(key, &self.vault_id)
        } else if self.fits_pending(key) {
            p.old_by_new.open(key, &self.vault_id)
        } else {
            None
        }
    }

    pub fn set_passphrase(&mut self, key: &VaultKey, passphrase: &str) -> Result<()> {
        check_passphrase(passphrase)?;
        let mut salt = [0u8; 16];
        let mut nonce = [0u8; 24];
        random(&mut salt)?;
        random(&mut nonce)?;
        let kek = derive(passphrase, &salt, MEMORY_KIB, ITERATIONS, 1)?;
        let aead = XChaCha20Poly1305::new(kek.as_ref().into());
        let wrapped = aead
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: key.as_bytes(),
                    aad: self.vault_id.as_bytes(),
                },
            )
            .map_err(|_| Error::WrongPassphrase)?;
        self.passphrase = Some(Slot {
            kdf: "argon2id".into(),
            memory_kib: MEMORY_KIB,
            iterations: ITERATIONS,
            parallelism: 1,
            salt: hex::encode(salt),
            nonce: hex::encode(nonce),
            wrapped: hex::encode(wrapped),
        });
        self.mode = KeyMode::Passphrase;
        Ok(())
    }

    /// A wrong passphrase fails the AEAD tag: told apart from a damaged slot only by
    /// the key check, which a wrong passphrase never reaches.
    pub fn unwrap_key(&self, passphrase: &str, path: &Path) -> Result<VaultKey> {
        let damaged = || Error::KeyFileDamaged(path.into());
        let slot = self.passphrase.as_ref().ok_or_else(damaged)?;
        let salt = hex::decode(&slot.salt).map_err(|_| damaged())?;
        let nonce = hex::decode(&slot.nonce).map_err(|_| damaged())?;
        let wrapped = hex::decode(&slot.wrapped).map_err(|_| damaged())?;
        if slot.kdf != "argon2id" || nonce.len() != 24 || salt.len() < 8 {
            return Err(damaged());
        }
        let kek = derive(
            passphrase,
            &salt,
            slot.memory_kib,
            slot.iterations,
            slot.parallelism,
        )
        .map_err(|_| damaged())?;
        let aead = XChaCha20Poly1305::new(kek.as_ref().into());
        let plain = aead
            .decrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &wrapped,
                    aad: self.vault_id.as_bytes(),
                },
            )
            .map_err(|_| Error::WrongPassphrase)?;
        let plain = Zeroizing::new(plain);
        let key = VaultKey::from_bytes(&plain).ok_or_else(damaged)?;
        if !self.fits(&key) && !self.fits_pending(&key) {
            return Err(damaged());
        }
        Ok(key)
    }
}

fn derive(pass: &str, salt: &[u8], m: u32, t: u32, p: u32) -> Result<Zeroizing<[u8; 32]>> {
    let params = argon2::Params::new(m, t, p, Some(32)).map_err(|_| Error::WrongPassphrase)?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(pass.as_bytes(), salt, out.as_mut())
        .map_err(|_| Error::WrongPassphrase)?;
    Ok(out)
}
