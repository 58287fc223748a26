//! The key and the ways it is kept: the raw 256-bit key, the key file beside the
//! vault (its check value and the passphrase slot), the OS keyring (and an in-memory
//! store for tests), and the recovery code that is the key written out for people.

pub mod key;
pub mod keyfile;
pub mod keystore;
pub mod recovery;

pub use key::VaultKey;
pub use keyfile::{KeyFile, KeyMode, LogHead};
pub use keystore::{KeyStore, MemoryKeyStore, OsKeyring};
