//! Backups: complete, encrypted, verified copies of the vault, kept in a folder the
//! user chooses, and the way back from one.
//!
//! A backup is written by SQLCipher itself (`sqlcipher_export` into an attached file
//! keyed with the vault key), never by copying the live WAL database and never through
//! SQLite's backup API into an unkeyed file. It is keyed with the vault key, so the
//! recovery code alone opens it on a new laptop.
//!
//! A backup only counts once it is verified: written as `….partial`, synced, reopened
//! read-only with the key, every page's HMAC and SQLite's structure checked, every
//! table's rows counted against the source, and only then renamed to its final name.
//! A crash or a full disk at any point leaves no file under a backup's name.
//!
//! What lies beside a backup in plaintext (the `.json` manifest) is only what is
//! needed to find and check it without the key: when, which vault, which schema, its
//! size and SHA-256, and the number and hash of the log's newest line (an anchor
//! `naast log --verify` holds the log against). The counts live inside, in the
//! encrypted `meta` table.

mod anchoring;
mod keeping;
mod making;
mod model;
mod names;
mod restoring;
mod verifying;

pub use anchoring::{log_anchors, verify_log};
pub use keeping::{list, plan};
pub use making::{auto, changed, due, folder, last, make, prepare, record, status, Job, Made};
pub use model::{Backup, Counts, LastBackup, Policy, Report, Status, Trigger};
pub use names::default_folder;
pub use restoring::{restore, KeyFrom, Restored};
pub use verifying::{verify, verify_with_code};
