//! Naast: a local-first, encrypted notebook for peer supporters (ervaringsdeskundigen)
//! in Dutch mental-health care.
//!
//! This crate is the whole core: the encrypted vault, the model (people, contact
//! moments, bridge notes, check-ins), search, and the command line. It has no GUI
//! dependency; the desktop app is a thin shell over these functions.
//!
//! Data functions take a `&rusqlite::Connection` (from [`vault::Vault::conn`]); each
//! write runs in its own IMMEDIATE transaction and is durable when it returns `Ok`.

pub mod about;
pub mod audit;
pub mod backup;
pub mod bridge;
pub mod contact;
pub mod db;
pub mod demo;
pub mod dossier;
pub mod draft;
pub mod error;
pub mod files;
pub mod followup;
mod i18n;
pub mod language;
pub mod model;
pub mod person;
pub mod redact;
pub mod search;
pub mod settings;
pub mod summary;
pub mod text;
pub mod time;
pub mod vault;

pub use error::{Error, Invalid, Lang, Result};
pub use vault::Vault;
