//! The vault key: 32 random bytes, used as a raw SQLCipher key.
//!
//! A raw key skips SQLCipher's own key derivation, so opening costs nothing; the
//! passphrase (when there is one) is stretched once, by Argon2id, to unwrap this key.
//! The bytes live in a zeroizing box and are never formatted except into the one
//! `PRAGMA key` statement, itself zeroized after use.

use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

use crate::ground::error::Result;
use crate::ground::ids::random;

pub const KEY_LEN: usize = 32;

#[derive(Clone, Zeroize, zeroize::ZeroizeOnDrop)]
pub struct VaultKey([u8; KEY_LEN]);

impl std::fmt::Debug for VaultKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("VaultKey(..)")
    }
}

impl VaultKey {
    pub fn generate() -> Result<Self> {
        let mut k = [0u8; KEY_LEN];
        random(&mut k)?;
        Ok(VaultKey(k))
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let arr: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(VaultKey(arr))
    }

    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// The statement that keys a connection. SQLCipher treats `x'…'` as raw key data.
    pub(crate) fn pragma(&self) -> Zeroizing<String> {
        let hex = Zeroizing::new(hex::encode(self.0));
        Zeroizing::new(format!("PRAGMA key = \"x'{}'\";", hex.as_str()))
    }

    /// A check value stored beside the vault. It tells "wrong key" apart from "damaged
    /// file" before SQLCipher is asked, which cannot tell them apart itself. It reveals
    /// nothing about the key: SHA-256 over 256 random bits and a fixed label.
    pub fn check_value(&self, vault_id: &str) -> String {
        let mut h = Sha256::new();
        h.update(b"naast key check v1\0");
        h.update(vault_id.as_bytes());
        h.update(self.0);
        hex::encode(&h.finalize()[..16])
    }
}
