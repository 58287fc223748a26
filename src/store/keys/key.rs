//! The vault key: 32 random bytes, used as a raw SQLCipher key.
//!
//! A raw key skips SQLCipher's own key derivation, so opening costs nothing; the
//! passphrase (when there is one) is stretched once, by Argon2id, to unwrap this key.
//! The bytes live in a zeroizing box and are never formatted except into the one
//! `PRAGMA key` statement or `ATTACH … KEY` literal, each made in a buffer of its
//! final size and zeroized after use.

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
        let literal = self.sql_literal();
        let mut sql = Zeroizing::new(String::with_capacity(literal.len() + 16));
        sql.push_str("PRAGMA key = \"");
        sql.push_str(&literal);
        sql.push_str("\";");
        sql
    }

    /// The key as SQLCipher's raw key literal `x'…'` (for `ATTACH … KEY ?`). Built
    /// in one buffer of its final size: a string that grows leaves its earlier
    /// buffers behind, freed but not wiped, and `hex::encode` or `format!` would.
    pub(crate) fn sql_literal(&self) -> Zeroizing<String> {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut s = Zeroizing::new(String::with_capacity(3 + 2 * KEY_LEN));
        s.push_str("x'");
        for b in self.0 {
            s.push(char::from(DIGITS[usize::from(b >> 4)]));
            s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
        }
        s.push('\'');
        s
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_literal_is_the_key_in_hex_in_a_buffer_that_never_grew() {
        let k = VaultKey::from_bytes(&[0xab; KEY_LEN]).unwrap();
        let lit = k.sql_literal();
        assert_eq!(lit.as_str(), format!("x'{}'", "ab".repeat(KEY_LEN)));
        assert_eq!(
            lit.capacity(),
            lit.len(),
            "the buffer grew: an old one is left behind"
        );
        let p = k.pragma();
        assert_eq!(
            p.as_str(),
            format!("PRAGMA key = \"x'{}'\";", "ab".repeat(KEY_LEN))
        );
        assert_eq!(p.capacity(), p.len());
    }
}
