//! The vault: one SQLCipher file, keyed by one random 256-bit key, opened, created,
//! recovered, re-keyed and checked here, with its schema brought up to date. The
//! key's own parts (the key file, the keyring, the recovery code) are in
//! [`crate::store::keys`]; the vault writes its key changes into the audit log.

mod check;
mod disk;
mod first_run;
mod keeping;
mod open;
mod proof;
mod rekey;
pub mod schema;

pub(crate) use check::{check_encryption, check_structure};
pub use check::{Area, Problem, Reader, Stopper};
pub use first_run::SetupStep;
pub use open::{default_path, Vault, VaultInfo};
pub(crate) use rekey::counts as table_counts;
