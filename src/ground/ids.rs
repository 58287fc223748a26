//! The ids of records and vaults, and the randomness that makes codes, keys and
//! names nobody can guess. Record ids are SQLite row ids (never reused: the tables are
//! AUTOINCREMENT); a person's short code and a vault's id are random.

use crate::ground::error::{Error, Result};

/// A person's row id.
pub type PersonId = i64;
/// A contact moment's row id.
pub type ContactId = i64;

/// Bytes from the operating system's random source, for keys, codes and names.
pub fn random(buf: &mut [u8]) -> Result<()> {
    getrandom::getrandom(buf).map_err(|e| {
        Error::io(
            "random source",
            std::io::Error::other(format!("no randomness available: {e}")),
        )
    })
}

/// A fresh vault id: 16 random bytes in hex. It names the keyring entry, so it is
/// stored in plaintext beside the vault; it says nothing about the contents.
pub fn new_vault_id() -> Result<String> {
    let mut b = [0u8; 16];
    random(&mut b)?;
    Ok(hex::encode(b))
}
