//! The audit trail, NEN 7513-minded: who did what with whose record, when, and with
//! what outcome; kept inside the vault, append-only and tamper-evident.
//!
//! An entry never holds content: an action, the kind and id of the record, the
//! people it concerns by id and code (never an alias or a name), an outcome, and for
//! outputs the level and what was included. Every entry is written in the same
//! transaction as the change it records, so there is no change without its line and
//! no line without its change. Each entry's hash covers the previous entry's hash and
//! its own fields: a changed, inserted or removed entry breaks the chain, which
//! [`verify`] finds. Entries older than the retention period (five years by default,
//! the NEN 7513 minimum) can be pruned; the hash at the cut is kept as the new anchor.

mod adopt;
mod anchors;
mod list;
mod prune;
mod trail;
mod verify;

pub(crate) use adopt::adopt_summary_log;
pub use anchors::{anchor_holds, head, skip_past, verify_against};
pub use list::{csv, list, Entry, Query};
pub use prune::{prune, MIN_RETENTION_YEARS};
pub use trail::{actor, log, record, record_at, set_actor, Actor, Event};
pub use verify::{verify, Gap, Verification};
