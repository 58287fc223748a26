//! Naast: a local-first, encrypted notebook for peer supporters (ervaringsdeskundigen)
//! in Dutch mental-health care.
//!
//! This crate is the whole core: the encrypted vault, the records (people, contact
//! moments, bridge notes, check-ins), search, the summary and the other ways out, and
//! the command line. It has no GUI dependency; the desktop app is a thin shell over
//! these functions.
//!
//! The modules stand in layers, each using only those below it (`ARCHITECTURE.md`,
//! checked by `tests/architecture.rs`): [`ground`] → [`store`] → [`audit`] →
//! [`vault`] → [`records`] → [`reads`] → [`ways`]. Data functions take a
//! `&rusqlite::Connection` (from [`vault::Vault::conn`]); each write runs in its own
//! IMMEDIATE transaction and is durable when it returns `Ok`.

pub mod audit;
pub mod ground;
pub mod reads;
pub mod records;
pub mod store;
pub mod vault;
pub mod ways;

// For the faces (the command line, the shell, tests): the names every caller needs.
pub use ground::error::{Error, Invalid, Result};
pub use ground::lang::Lang;
pub use vault::Vault;
